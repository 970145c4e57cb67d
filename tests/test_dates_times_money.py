"""Dates [date], times [time] and money [money]: house presets, settings, traps and the seed article."""
from __future__ import annotations

import json

import pytest

from stylecheck import check

from .conftest import SEED, assert_invariant, needs_shared

MINE = ("date", "time", "money")


def run(text: str, preset: str = "ap", **settings):
    config = {"preset": preset}
    if settings:
        config["settings"] = settings
    diagnostics = check(text, config=config)
    assert_invariant(text, diagnostics)
    return [d for d in diagnostics if d.category in MINE]


def found(text: str, preset: str = "ap", **settings):
    return [(d.rule.split(".")[1], d.match, d.suggestions[:1]) for d in run(text, preset, **settings)]


# -- the seed article (AP, the default) -----------------------------------------------------------


@needs_shared(SEED)
def test_seed_reports_pm_and_the_missing_year_comma_and_nothing_else():
    text = SEED.read_bytes().decode("utf-8")
    diagnostics = [d for d in check(text, path=str(SEED)) if d.category in MINE]
    assert_invariant(text, diagnostics)
    got = [(d.rule, d.line, d.column, d.match, d.suggestions, d.severity) for d in diagnostics]
    assert got == [
        ("House.Times", 3, 68, "10:57 PM", ("10:57 p.m.",), "warning"),
        # A real AP violation: "on March 14, 2025 in Ottawa" needs a comma after the year.
        ("House.Dates", 4, 110, "2025", ("2025,",), "warning"),
    ]
    assert diagnostics[0].category == "time"
    # "Oct. 20" and "March 14" are correct AP dates, and the two conversions agree.
    for d in check(text, path=str(SEED)):
        assert d.match not in ("Oct. 20", "March 14", "March 14, 2025", "$3.1 billion", "$13.5 billion")
        assert d.rule != "House.ExchangeRates"


# -- dates ------------------------------------------------------------------------------------------


def test_ap_month_abbreviations_with_and_without_a_day():
    text = "Talks on January 9 and Sept 3 and Sep. 4 and Mar. 5 and Jun 6, then again in Oct. 2024."
    assert [f for f in found(text) if f[0] == "Dates"] == [
        ("Dates", "January 9", ("Jan. 9",)),
        ("Dates", "Sept 3", ("Sept. 3",)),
        ("Dates", "Sep. 4", ("Sept. 4",)),
        ("Dates", "Mar. 5", ("March 5",)),
        ("Dates", "Jun 6", ("June 6",)),
        ("Dates", "Oct. 2024", ("October 2024",)),
    ]


def test_ap_correct_dates_are_silent():
    assert found("On Jan. 9, Feb. 10, Aug. 11, Sept. 12, Oct. 13, Nov. 14 and Dec. 15 it rained.") == []
    assert found("On March 9, April 10, May 11, June 12 and July 13 it rained, as in August 2024.") == []
    assert found("On Sunday, March 16, 2025, it rained.") == []


def test_ap_ordinal_and_day_month_order():
    assert found("It opens on Nov. 3rd.") == [("Dates", "Nov. 3rd", ("Nov. 3",))]
    assert found("It opens on the 3rd of November.") == [("Dates", "3rd of November", ("Nov. 3",))]
    (d,) = run("It opened on 3 November 2019.")
    assert (d.rule, d.match, d.suggestions) == ("House.Dates", "3 November 2019", ("Nov. 3, 2019",))
    assert d.message == "AP style: write 'Nov. 3, 2019' (month before day; abbreviate the month as 'Nov.' before a day; a comma between day and year)."


def test_ap_comma_after_the_year_mid_sentence_with_exact_position():
    text = "Lines\nThe dam opened on Oct. 9, 1987 to great fanfare."
    (d,) = run(text)
    assert (d.rule, d.line, d.column, d.offset, d.match, d.suggestions) == ("House.Dates", 2, 27, 32, "1987", ("1987,",))
    assert (d.end_line, d.end_column, d.length) == (2, 31, 4)
    # At the end of a sentence, before punctuation, or before a time (a byline), no comma is needed.
    assert found("The dam opened on Oct. 9, 1987.") == []
    assert found("The dam opened on Oct. 9, 1987, to great fanfare.") == []
    assert found("Posted Oct. 9, 1987 10:15 a.m. by the desk") == []
    assert found("The dam opened on Oct. 9, 1987 to great fanfare.", date_year_comma=False) == []


def test_british_preset_dates():
    assert found("It opened on October 9, 1987, to fanfare.", "british") == [("Dates", "October 9, 1987", ("9 October 1987",))]
    assert found("It opened on 9 Oct 1987 and closed on 9th October.", "british") == [
        ("Dates", "9 Oct 1987", ("9 October 1987",)),
        ("Dates", "9th October", ("9 October",)),
    ]
    assert found("It opened on 9 October, 1987 to fanfare.", "british") == [("Dates", "9 October, 1987", ("9 October 1987",))]
    assert found("It opened on 9 October 1987 to fanfare, and closed on 16 February.", "british") == []


def test_full_stop_after_a_spelled_out_month_ends_the_sentence():
    assert found("The festival opens on 16 February. It closes in March.", "british") == []
    assert found("The festival opens on 16 Feb. It closes in March.", "british") == [("Dates", "16 Feb", ("16 February",))]
    assert found("The festival opens on 16 Feb. and closes in March.", "british") == [("Dates", "16 Feb.", ("16 February",))]


def test_date_settings_override_the_preset():
    assert found("It opened on 9 October 1987.", date_order="any", date_months="any") == []
    assert found("It opened on March 16th.", date_ordinals=True) == []
    assert found("It opened on Oct. 9.", date_months="full") == [("Dates", "Oct. 9", ("October 9",))]
    assert found("It opened on October 9.", "british", date_order="month-day") == []
    assert found("It opened on 9th October.", "british", date_ordinals=True) == []


def test_numeric_dates_are_suggestions_in_words_in_the_house_order():
    (d,) = run("Entries close 4/11/2026 at noon.")
    assert (d.rule, d.match, d.suggestions, d.severity) == ("House.Dates", "4/11/2026", ("April 11, 2026",), "suggestion")
    (d,) = run("Entries close 4/11/2026 at noon.", "british")
    assert d.suggestions == ("4 November 2026",)
    (d,) = run("Entries close 2026-04-11 at noon.")
    assert d.suggestions == ("April 11, 2026",)
    assert run("Entries close 4/11/2026 at noon.", date_numeric=True) == []


@pytest.mark.parametrize(
    "key,value,expected",
    [
        ("date_order", "sideways", "must be one of month-day, day-month, any, not 'sideways'"),
        ("date_months", "short", "must be one of ap, full, any, not 'short'"),
        ("date_ordinals", "'maybe'", "must be true or false, not 'maybe'"),
        ("time_style", "french", "must be one of ap, british, any, not 'french'"),
        ("time_noon", "12", "must be one of noon, midday, any, not 12"),
        ("money_magnitude", "huge", "must be one of words, short, any, not 'huge'"),
        ("money_symbol_currencies", "USD", "must be a list, such as ['USD'], not 'USD'"),
        ("money_currency_words", "[zorkmids]", "must be a mapping, not ['zorkmids']"),
        ("exchange_rate_tolerance", "-1", "must be a number such as 0.05, not -1"),
    ],
)
def test_a_bad_setting_value_is_a_clear_one_line_error(cli, write, key, value, expected):
    config = write(".stylecheck.yaml", f"settings:\n  {key}: {value}\n")
    article = write("a.txt", "It opened on Oct. 9.\n")
    result = cli("--config", str(config), str(article))
    assert result.code == 2
    assert f"house setting '{key}' (the ap preset or the config's settings) {expected}" in result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err


def test_mixed_date_orders_report_the_minority_naming_the_majority():
    # Where the house has no preference, the article's majority decides.
    text = "Talks began on 2 May, resumed on 9 May and ended on May 20."
    got = [(d.rule, d.match, d.suggestions) for d in run(text, "british", date_order="any")]
    assert got == [("House.DateConsistency", "May 20", ("20 May",))]
    (d,) = run(text, "british", date_order="any")
    assert d.message == "This date puts the month first, but the article's dates are mostly day first, as in '2 May' (1 to 2 uses)."


def test_where_the_house_fixes_the_order_the_style_rule_alone_reports_it():
    # Issue 14: one finding per span, and the preset's form whatever the majority.
    text = "Talks began on 2 May, resumed on 9 May and ended on May 20."
    assert [(d.rule, d.match, d.suggestions) for d in run(text, "british")] == [("House.Dates", "May 20", ("20 May",))]


def test_a_tie_names_no_majority():
    assert run("Talks began on 2 May and ended on May 20.", "british", date_order="any") == []


def test_mixed_orders_are_silent_when_the_minority_is_the_house_form():
    # Under AP the two day-first dates break house style (reported by House.Dates); the month-first
    # one is right, so the consistency rule must not tell the writer to change it.
    got = run("Talks began on 2 May, resumed on 9 May and ended on May 20.", "ap")
    assert [d.rule for d in got] == ["House.Dates", "House.Dates"]


def test_mixed_orders_under_a_house_that_allows_either():
    got = run("Talks began on 2 May, resumed on 9 May and ended on May 20.", "ap", date_order="any")
    assert [(d.rule, d.match) for d in got] == [("House.DateConsistency", "May 20")]


def test_mixed_abbreviated_and_spelled_months():
    got = run("Talks began on Feb. 2, resumed on Feb. 9 and ended on February 20.", "ap", date_months="any")
    assert [(d.rule, d.match, d.suggestions) for d in got] == [("House.DateConsistency", "February 20", ("Feb. 20",))]
    assert "(1 to 2 uses)" in got[0].message


def test_wire_datelines_do_not_count_towards_one_form():
    text = "LONDON, Feb 26 - The board met on February 20 and on February 24.\n"
    assert [d.rule for d in run(text, date_months="any")] == []


def test_impossible_dates():
    assert found("Due on Feb. 30.") == [("ImpossibleDates", "Feb. 30", ())]
    (d,) = run("Due on 29 February 2023.", "british")
    assert (d.rule, d.severity, d.message) == ("House.ImpossibleDates", "error", "No such date: February has 28 days in 2023.")
    assert run("Due on 29 February 2024.", "british") == []
    assert found("Due on April 31, officials said.") == [("ImpossibleDates", "April 31", ())]
    assert [d.rule for d in run("Due on 13/13/2026.") if d.severity != "suggestion"] == ["House.ImpossibleDates"]
    # 13/4/2026 is possible when read day first: not impossible, only numeric.
    assert [d.rule for d in run("Due on 13/4/2026.")] == ["House.Dates"]


def test_weekday_must_match_its_date_when_the_year_is_known():
    (d,) = run("The vote is on Tuesday, Nov. 5, 2025, in every county.")
    assert (d.rule, d.match, d.suggestions, d.column) == ("House.Weekdays", "Tuesday", ("Wednesday",), 16)
    assert d.message == "November 5, 2025 is a Wednesday, not a Tuesday."
    assert run("The vote is on Wednesday, Nov. 5, 2025, in every county.") == []


def test_weekday_year_from_the_dateline_and_the_turn_of_the_year():
    dated = "PARIS, 20 December 2024 - "
    assert [d.match for d in run(dated + "The talks resume on Friday 3 January.", "british")] == []  # 2025
    assert [d.suggestions for d in run(dated + "The talks resume on Thursday 3 January.", "british")] == [("Friday",)]
    assert run(dated + "The talks ended on Sunday 22 December.", "british") == []
    assert [d.match for d in run(dated + "The talks ended on Monday 22 December.", "british")] == ["Monday"]
    # No dateline, no year: a year written later in the article may be history, so no check.
    assert run("The talks resume on Monday 3 January. The pact dates from March 2003.", "british") == []


def test_date_traps_are_silent():
    traps = [
        "Theresa May 5 times refused, and Mrs May 12 times.",  # May the name
        "Prices may 10 times rise; you may 3 times ask.",  # may the verb (lower case)
        "Thousands march 5 miles; the March on Rome is history.",  # March the verb and noun
        "In January 25 people were hurt.",  # a count after a month
        "The team won 3-1 and 4-2, a 3/4 majority, ratio 16:9.",  # scores and ratios
        "Install version 2.10.3 or 10.12 of the app.",  # versions
        "In 2025 the 1990s were back; 24/7/365 service.",  # years alone, decades, slogans
        "He wore shirt 16 May and shirt 7 in March.".replace("16 May", "16 Maya"),
    ]
    for text in traps:
        assert found(text) == [], text
        assert found(text, "british") == [], text


# -- times ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written,wanted",
    [
        ("10:57 PM", "10:57 p.m."), ("10:57 pm", "10:57 p.m."), ("10:57 p.m", "10:57 p.m."), ("10:57PM", "10:57 p.m."),
        ("7 A.M.", "7 a.m."), ("7am", "7 a.m."), ("3.30pm", "3:30 p.m."), ("3:00 p.m.", "3 p.m."),
        ("12 p.m.", "noon"), ("12:00 a.m.", "midnight"), ("12 noon", "noon"),
    ],
)
def test_ap_times(written, wanted):
    (d,) = run(f"The polls close at {written} on Tuesday.")
    assert (d.rule, d.category, d.match, d.suggestions) == ("House.Times", "time", written, (wanted,))


@pytest.mark.parametrize(
    "written,wanted",
    [("10:57 PM", "10.57pm"), ("3 p.m.", "3pm"), ("3:30pm", "3.30pm"), ("3.00pm", "3pm"), ("12pm", "midday"), ("7 am", "7am")],
)
def test_british_times(written, wanted):
    (d,) = run(f"The polls close at {written} on Tuesday.", "british")
    assert (d.rule, d.match, d.suggestions) == ("House.Times", written, (wanted,))


def test_correct_times_are_silent():
    assert found("Polls open at 7 a.m., close at 9:30 p.m. and the count starts at noon.") == []
    assert found("Polls open at 7am, close at 9.30pm and the count starts at midday.", "british") == []


def test_a_pm_that_ends_the_sentence_keeps_one_full_stop():
    # Issue 14: the suggestion reads naturally in every output ("10 p.m.", never "10 p.m"): the span
    # takes in the sentence's own full stop, which the fix turns into the one of "p.m.".
    (d,) = run("We met at 10 pm. Then we left.")
    assert (d.match, d.suggestions, d.fix.edits[0].replacement) == ("10 pm.", ("10 p.m.",), "10 p.m.")
    assert run("We met at 10pm. Then we left.", "british") == []
    # The other way: a dotted "p.m." that ended the sentence keeps a full stop in the British form.
    (d,) = run("We met at 10 p.m. Then we left.", "british")
    assert (d.match, d.suggestions) == ("10 p.m.", ("10pm.",))
    (d,) = run("We met at 10 p.m., then left.", "british")
    assert (d.match, d.suggestions) == ("10 p.m.", ("10pm",))


def test_time_settings():
    assert found("The polls close at 8:00 p.m.", time_zero_minutes=True) == []
    assert found("The polls close at 12 p.m.", time_noon="any") == []
    # (the sentence ends on "p.m.": the full stop stays after "midday")
    assert found("The polls close at 12 p.m.", time_noon="midday") == [("Times", "12 p.m.", ("midday.",))]
    assert found("The polls close at 8pm.", time_style="any") == []
    assert found("The polls close at 8 p.m.", "british", time_style="ap") == []


def test_time_traps_are_silent():
    for text in [
        "They won 3-1 after a 2:1 lead; version 10.30 ships at 3.30 a share.",
        "The 3:10 to Yuma left on platform 12.",
        "I am 25 and Amy is 30; the 5 amps fuse blew.",
    ]:
        assert found(text) == [], text


def test_times_inside_quotes_follow_house_style_but_are_not_reworded():
    text = 'The captain said: "We sail at 6 AM this morning."'
    got = run(text)
    assert [(d.rule, d.match, d.suggestions) for d in got] == [("House.Times", "6 AM", ("6 a.m.",))]
    assert got[0].column == text.index("6 AM") + 1
    # Outside a quotation the redundancy is reported too.
    # One finding: its suggestion is the time alone in the house form, taking the sentence's full stop.
    got = run("The ferry left at 6 a.m. this morning.")
    assert [(d.rule, d.match, d.suggestions) for d in got] == [("House.TimeRedundancy", "6 a.m. this morning.", ("6 a.m.",))]
    got = run("The ferry left at 6.24pm this evening, late.")
    assert [(d.rule, d.match, d.suggestions) for d in got] == [("House.TimeRedundancy", "6.24pm this evening", ("6:24 p.m.",))]
    assert got[0].message == "'this evening' repeats what 'p.m.' already says; AP style writes '6:24 p.m.'."


def test_time_contradiction():
    (d,) = run("The ferry left at 9 p.m. this morning.")
    assert d.rule == "House.TimeRedundancy" and "contradict" in d.message and d.suggestions == ()
    assert run("The ferry left at 2 a.m. last night.") == []


# -- money ------------------------------------------------------------------------------------------


def test_ap_money_style():
    text = "It cost $5m, then $2bn, then 300 dollars, then 7 mln dlrs, then $40k, then $ 9."
    assert found(text) == [
        ("Money", "$5m", ("$5 million",)),
        ("Money", "$2bn", ("$2 billion",)),
        ("Money", "300 dollars", ("$300",)),
        ("Money", "7 mln dlrs", ("$7 million",)),
        ("Money", "$40k", ("$40,000",)),
        ("Money", "$ 9", ("$9",)),
    ]
    assert found("It cost $5 million, then $2.5 billion and 4 billion Canadian dollars.") == []


def test_british_money_style():
    text = "It cost £5 million, then $2 billion, then 300 pounds, then £4 bn."
    assert found(text, "british") == [
        ("Money", "£5 million", ("£5m",)),
        ("Money", "$2 billion", ("$2bn",)),
        ("Money", "£4 bn", ("£4bn",)),
    ]  # "300 pounds" is a weight as often as a price: without a magnitude it is not money
    assert found("Profit was 5 million pounds and 40m euros, and £1.3 trillion.", "british") == [
        ("Money", "5 million pounds", ("£5m",)),
    ]
    assert found("It cost £5m, then €2bn, then $3.5bn, then $2tn.", "british") == []
    assert found("It cost $2tn.") == [("Money", "$2tn", ("$2 trillion",))]


def test_money_settings():
    assert found("It cost $5m.", money_magnitude="any") == []
    assert found("It cost $2 billion.", "british", money_magnitude="any") == []
    assert found("It cost 300 dollars.", money_symbol_currencies=[]) == []
    assert found("It cost 40m euros.", "british", money_symbol_currencies=["EUR"]) == [("Money", "40m euros", ("€40m",))]
    got = found("It cost 5 billion zorkmids ($2 billion) and 10 billion zorkmids ($9 billion).", money_currency_words={"zorkmids": "ZRK"})
    assert got == [("ExchangeRates", "$9 billion", ("$4 billion",))]


def test_money_mixed_magnitudes_in_one_article():
    text = "The fund holds £2bn in bonds, £3bn in shares and £400 million in cash."
    got = [(d.rule, d.match, d.suggestions) for d in run(text, "ap", money_magnitude="any")]
    assert got == [("House.MoneyConsistency", "£400 million", ("£400m",))]
    (d,) = [d for d in run(text, "ap", money_magnitude="any")]
    assert d.message == (
        "Magnitude spelled out ('million', 'billion') here, but the article's amounts are mostly abbreviated"
        " ('m', 'bn'), as in '£2bn' (1 to 2 uses)."
    )
    # Under AP the spelled-out form is the house form: the two short ones are style flags instead.
    assert [d.rule for d in run(text, "ap")] == ["House.Money", "House.Money"]


def test_currency_named_twice():
    assert found("Tickets cost $15 dollars, and a $20 dollar bill.") == [
        ("MoneyRedundancy", "$15 dollars", ("$15",)),
        ("MoneyRedundancy", "$20 dollar", ("$20",)),
    ]


def test_exchange_rates_flag_the_odd_one_out():
    text = (
        "The state spent 800 million euros ($880 million) on roads, 200 million euros ($220 million) "
        "on rail and 100 million euros ($150 million) on ports."
    )
    (d,) = run(text)
    assert (d.rule, d.category, d.match, d.suggestions) == ("House.ExchangeRates", "money", "$150 million", ("$110 million",))
    assert d.message == (
        "This conversion implies 1 USD = 0.667 EUR; the article's other conversions imply 1 USD = 0.909 EUR "
        "(more than 5% apart, allowing for rounding)."
    )


def test_exchange_rate_off_by_a_magnitude_says_so():
    text = "The film took $19.5m (£10.4m) at first and then $6.3 (£3.4m) last week."
    (d,) = run(text, "british")
    assert (d.rule, d.match, d.suggestions) == ("House.ExchangeRates", "£3.4m", ())
    assert d.message.endswith("A magnitude ('m', 'million', 'bn') may be missing from one of the two figures.")


def test_exchange_rate_tolerance_and_rounding():
    # 16.0/11.0 and 4.4/3.0 differ by 0.8%: well within rounding of "3.0".
    text = "It gave 16.0 billion Canadian dollars ($11.0 billion), including 4.4 billion Canadian dollars ($3.0 billion) for arms."
    assert run(text) == []
    assert run(text, exchange_rate_tolerance=0) == []  # rounding alone covers it
    drift = "It gave 10.0 billion euros ($11.0 billion), including 5.0 billion euros ($6.0 billion) for arms."
    (d,) = run(drift)  # 0.909 against 0.833: 9% apart, beyond 5% and the rounding of the figures
    assert (d.match, d.suggestions) == ("$6.0 billion", ("$5.5 billion",))
    assert run(drift, exchange_rate_tolerance=0.1) == []
    assert [d.match for d in run(drift.replace("$6.0", "$5.7"))] == []  # 4% apart


def test_exchange_rate_qualifiers():
    # "more than" gives a bound, not a rate; "about" doubles the tolerance.
    text = "It gave 10 billion euros ($11 billion), including 5 billion euros (more than $8 billion) for arms."
    assert run(text) == []
    text = "It gave 10.0 billion euros ($11.0 billion), including 5.0 billion euros (about $5.9 billion) for arms."
    assert run(text) == []


def test_exchange_rates_need_two_conversions_of_the_same_pair():
    text = "It gave 10 billion euros ($11 billion) and 5 billion yen ($40 million)."
    assert run(text) == []


def test_three_conversions_that_all_disagree_name_no_usual_rate():
    # Every conversion is the odd one out against every other: no rate is the article's usual one,
    # so none is reported (this once raised IndexError on such an article).
    text = "In 2020 the club paid £10m ($20m) for one player, £10m ($35m) for another and £10m ($60m) for a third."
    assert [d for d in check(text, config={"preset": "british"}) if d.rule == "House.ExchangeRates"] == []
    # Two that agree beside two outliers are no majority either: nothing is reported, and never a
    # conversion against its own rate.
    text = "In 2020 it paid £10m ($20m), then £10m ($20m), £10m ($35m) and £10m ($60m)."
    assert [d.match for d in check(text, config={"preset": "british"}) if d.rule == "House.ExchangeRates"] == []
    # Three that agree: the outlier is reported against their rate.
    text = "In 2020 it paid £10m ($20m), then £10m ($20m), £5m ($10m) and £10m ($60m)."
    found_rates = [(d.match, d.suggestions) for d in check(text, config={"preset": "british"}) if d.rule == "House.ExchangeRates"]
    assert found_rates == [("$60m", ("$20m",))]


def test_money_traps_are_silent():
    for text in ["He lost 20 pounds in 3 weeks.", "The 1990s saw 3-1 wins.", "Version 2.5 m costs nothing."]:
        assert found(text) == [], text
        assert found(text, "british") == [], text


# -- the CLI ----------------------------------------------------------------------------------------


def test_cli_json_carries_categories_and_the_preset_switches_house_style(cli, write):
    article = write("story.txt", "The vote closed at 8 PM after a $2bn campaign on 9 October.\n")
    result = cli("--format", "json", str(article))
    data = result.json()
    got = [(d["rule"], d["category"], d["match"], d["suggestions"]) for d in data["files"][0]["diagnostics"]]
    assert ("House.Times", "time", "8 PM", ["8 p.m."]) in got
    assert ("House.Money", "money", "$2bn", ["$2 billion"]) in got
    assert ("House.Dates", "date", "9 October", ["Oct. 9"]) in got
    result = cli("--format", "json", "--preset", "british", str(article))
    got = [(d["rule"], d["match"], d["suggestions"]) for d in json.loads(result.out)["files"][0]["diagnostics"]]
    assert got == [("House.Times", "8 PM", ["8pm"])]


def test_prefixed_dollar_symbols_name_their_currency():
    text = "It gave C$19.5 billion (US$13.5 billion) in aid and A$2.0 billion ($1.3 billion) in loans, then C$4.5 billion (US$4.1 billion)."
    (d,) = run(text)
    assert (d.rule, d.match) == ("House.ExchangeRates", "US$4.1 billion")
    assert "1 USD = 1.1 CAD" in d.message and "1 USD = 1.44 CAD" in d.message
    assert d.suggestions == ("US$3.1 billion",)
    assert found("It gave C$19.5bn (US$13.5bn).", "british") == []
    assert found("It gave C$19.5bn (US$13.5bn).") == [
        ("Money", "C$19.5bn", ("C$19.5 billion",)),
        ("Money", "US$13.5bn", ("US$13.5 billion",)),
    ]


def test_markdown_code_and_links_are_not_prose(tmp_path):
    text = "# Vote on Oct 9\n\nRun `deploy --at 8 PM` or see https://example.com/2025-03-16/$5m today.\n"
    got = [(d.rule, d.line, d.match) for d in check(text, path=str(tmp_path / "story.md")) if d.category in MINE]
    assert got == [("House.Dates", 1, "Oct 9")]


def test_a_newsroom_rule_can_narrow_the_scope(tmp_path, cli):
    style = tmp_path / "Desk"
    style.mkdir()
    (style / "HeadlineDates.yml").write_text(
        "extends: dates\ncheck: style\ncategory: date\nscope: heading\nmessage: unused\n"
        "examples:\n  bad:\n    - text: \"# Vote on Oct 9\\n\\nIt is on Oct 9.\"\n      format: markdown\n      match: \"Oct 9\"\n"
        "  good:\n    - text: \"# Vote\\n\\nIt is on Oct 9.\"\n      format: markdown\n"
    )
    article = tmp_path / "story.md"
    article.write_text("# Vote on Oct 9\n\nIt is on Oct 9.\n")
    result = cli("--format", "json", "--rules", str(tmp_path), "--select", "Desk", str(article))
    got = [(d["rule"], d["line"], d["match"]) for d in result.json()["files"][0]["diagnostics"]]
    assert got == [("Desk.HeadlineDates", 1, "Oct 9")]
    assert cli("test-rules", str(tmp_path)).code == 0


def test_the_three_rule_types_share_one_scan_per_document():
    from stylecheck.document import Document
    from stylecheck.engine import Linter
    from stylecheck.config import Config

    linter = Linter(Config())
    doc = Document.from_text("On Oct. 9 at 8 p.m. it cost $5 million.")
    linter.lint_document(doc)
    (figures,) = [v for k, v in doc._memo.items() if k[:2] == ("figurescan", "figures")]
    assert [len(figures.dates), len(figures.times), len(figures.amounts)] == [1, 1, 1]


# -- issue 14: ranges, one finding per date, copy that is not running text -------------------------


@pytest.mark.parametrize(
    ("text", "preset", "match", "suggestion"),
    [
        ("A hearing is set for February 16 and 17 in London.", "british", "February 16 and 17", "16 and 17 February"),
        ("A hearing is set for Feb. 16-17, 2025, in London.", "british", "Feb. 16-17, 2025", "16-17 February 2025"),
        ("A hearing is set for 16 and 17 February in London.", "ap", "16 and 17 February", "Feb. 16 and 17"),
        ("A hearing is set for 16 to 17 September 2025, in London.", "ap", "16 to 17 September 2025", "Sept. 16 to 17, 2025"),
        ("A hearing is set for 3-5 March 2025 in Paris.", "ap", "3-5 March 2025", "March 3-5, 2025,"),
    ],
)
def test_a_range_of_days_stays_whole(text, preset, match, suggestion):
    (d,) = run(text, preset)
    assert (d.rule, d.match, d.suggestions) == ("House.Dates", match, (suggestion,))


def test_ranges_in_house_form_and_scores_are_silent():
    assert run("A hearing is set for Feb. 16-17 and another for Feb. 20 and 21.") == []
    assert run("A hearing is set for 16-17 February and another for 20 and 21 February.", "british") == []
    assert run("The team won in March 3-1, and the 2-1 March win was its best.", "ap") == []


def test_one_finding_per_date_when_the_year_comma_is_missing_too():
    (d,) = run("The dam opened on October 9, 1987 in a storm.")
    assert (d.match, d.suggestions) == ("October 9, 1987", ("Oct. 9, 1987,",))
    assert d.message == "AP style: write 'Oct. 9, 1987,' (abbreviate the month as 'Oct.' before a day; a comma after the year when the sentence goes on)."


def test_embedded_tweet_stamps_and_table_rows_are_not_running_text():
    assert run("Power is back at the airport. — Stansted Airport (@STN_Airport) December 22, 2014") == []
    assert run("WHEAT FLOUR\n            3/9/88   Prev Wk   3/2/88   Prev Wk\nE.C.   212.4   230.9\n") == []
    assert run("BARLEY --\n           05/11/88 04/11/88  05/11/88 04/11/88\n Planted  8.31   8.31\n") == []
    assert [d.match for d in run("Applications close on 4/11/2026 at the latest.")] == ["4/11/2026"]
