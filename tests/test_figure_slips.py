"""The figure slips (issue 14): malformed amounts and times, a symbol after the figure, decades with
an apostrophe, five-digit years, inverted or impossible ranges, and one person given two ages."""
from __future__ import annotations

import pytest

from stylecheck import check

from .conftest import assert_invariant

SLIPS = (
    "House.MalformedAmounts", "House.MalformedTimes", "House.CurrencyAfterNumber", "House.DecadeApostrophe",
    "House.ImpossibleYears", "House.DateRanges", "House.AgeConsistency",
)


def run(text: str, preset: str = "ap", **settings):
    config = {"preset": preset}
    if settings:
        config["settings"] = settings
    diagnostics = check(text, config=config)
    assert_invariant(text, diagnostics)
    return [d for d in diagnostics if d.rule in SLIPS]


def found(text: str, preset: str = "ap", **settings):
    return [(d.rule.split(".")[1], d.column, d.match, d.suggestions) for d in run(text, preset, **settings)]


# -- malformed amounts ------------------------------------------------------------------------------


def test_a_point_without_its_digits_is_reported_without_a_guess():
    (d,) = run("The film took $33.1m (£17.m) at the box office.", "british")
    assert (d.rule, d.column, d.match, d.suggestions, d.category) == ("House.MalformedAmounts", 23, "£17.m", (), "money")
    assert d.message == "'£17.m': a decimal point with no digits after it: a digit is missing, or the point is stray."
    assert found("The unit will convert 3. mln dlrs of debt.") == [("MalformedAmounts", 23, "3. mln", ())]


def test_a_short_or_long_thousands_group_names_both_readings():
    (d,) = run("The suits sold for $110,00 (£59,000) at auction.")
    assert (d.column, d.match, d.suggestions) == (20, "$110,00", ())
    assert d.message == (
        "'$110,00': a thousands group has three digits. If this is a decimal, write it with a full stop ('$110.00');"
        " if it is thousands, a digit is missing."
    )
    (d,) = run("The unit had sales of 4,472,0000 dlrs last year.")
    assert (d.match, d.message) == ("4,472,0000", "'4,472,0000': a thousands group has three digits, not 4 ('0000'): a digit is missing or doubled.")


def test_a_decimal_comma_before_a_magnitude_becomes_a_point():
    assert found("The plan will resettle 1,4 mln families and sales were 3,801,7 billion yen.") == [
        ("MalformedAmounts", 24, "1,4", ("1.4",)),
        ("MalformedAmounts", 56, "3,801,7", ("3,801.7",)),
    ]


def test_a_plural_magnitude_after_a_figure_takes_the_house_form():
    assert found("They found £22 billions worth of savings.", "british") == [("MalformedAmounts", 12, "£22 billions", ("£22bn",))]
    assert found("They found $22 billions worth of savings.", "ap") == [("MalformedAmounts", 12, "$22 billions", ("$22 billion",))]


def test_figures_that_are_not_money_are_left_alone():
    assert found("Pages 1,2,3 and 12,13 list millions of dollars, and Rs 1,00,000 went to each family.") == []
    assert found("It cost $110,000, or $1,500.50 a month, and 3.5 mln dlrs in all.") == []


# -- malformed times --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "preset", "match", "suggestion"),
    [
        ("I played from 7am till 5:pm and then slept.", "british", "5:pm", ("5pm",)),
        ("I played from 7 a.m. till 5:pm and then slept.", "ap", "5:pm", ("5 p.m.",)),
        # The sentence's own full stop is taken into the span, so the suggestion reads naturally.
        ("I played from 7 a.m. till 5:pm. Then I slept.", "ap", "5:pm.", ("5 p.m.",)),
        # A dotted "p.m." that also ended the sentence keeps a full stop in the British form.
        ("I played from 7am till 5:p.m. Then I slept.", "british", "5:p.m.", ("5pm.",)),
        ("The flight landed at 13:30 p.m. local time.", "ap", "13:30 p.m.", ("1:30 p.m.",)),
        ("The flight landed at 13:30pm local time.", "british", "13:30pm", ("1.30pm",)),
    ],
)
def test_malformed_times_get_the_house_form(text, preset, match, suggestion):
    (d,) = run(text, preset)
    assert (d.rule, d.match, d.suggestions, d.category) == ("House.MalformedTimes", match, suggestion, "time")


def test_minutes_that_cannot_be_are_reported_without_a_guess():
    assert [(d.match, d.message) for d in run("The alarm rang at 10:5 p.m. and again at 10:75 p.m. on Friday.")] == [
        ("10:5 p.m.", "'10:5 p.m.': minutes take two digits (':05' or ':50'); a digit is missing."),
        ("10:75 p.m.", "'10:75 p.m.': an hour has 60 minutes, so ':75' cannot be; check the time."),
    ]


def test_the_24_hour_clock_scores_and_the_verb_am_are_left_alone():
    assert found("The alarm rang at 22:30 and 1700 GMT; the team won 3:1. At 16 am I too young?") == []


# -- a currency symbol after the figure -------------------------------------------------------------


def test_a_symbol_after_the_figure_moves_before_it():
    assert found("Tickets cost 100$ and the player 2,500,000€, or 7.25 $ each.") == [
        ("CurrencyAfterNumber", 14, "100$", ("$100",)),
        ("CurrencyAfterNumber", 34, "2,500,000€", ("€2,500,000",)),
        ("CurrencyAfterNumber", 49, "7.25 $", ("$7.25",)),
    ]


def test_units_and_symbols_before_the_figure_are_left_alone():
    assert found("Oil sold at 50 $/barrel, tickets at $100, and 20 $US bought a meal.") == []


# -- decades ----------------------------------------------------------------------------------------


def test_decades_lose_the_apostrophe_in_the_house_form():
    text = "Prices rose in the 1990's, and the 60's and 70's were calm."
    assert found(text, "ap") == [
        ("DecadeApostrophe", 20, "1990's", ("1990s",)),
        ("DecadeApostrophe", 36, "60's", ("'60s", "60s")),
        ("DecadeApostrophe", 45, "70's", ("'70s", "70s")),
    ]
    assert [f[3] for f in found(text, "british")] == [("1990s",), ("60s",), ("70s",)]
    assert [f[3] for f in found(text, "british", decade_short_form="'90s")] == [("1990s",), ("'60s", "60s"), ("'70s", "70s")]


def test_ages_and_prices_in_the_sixties_are_numbers_not_decades():
    assert found("He is in his late 60's, and the shares trade in the mid-30's.") == [
        ("DecadeApostrophe", 19, "60's", ("60s",)),
        ("DecadeApostrophe", 57, "30's", ("30s", "'30s")),
    ]


def test_a_years_possessive_or_a_names_is_left_alone():
    text = "Output was the lowest since 1980's total, November 1980's figure and Band Aid 20's single. In 1990's budget, nothing."
    assert found(text) == []


# -- five-digit years -------------------------------------------------------------------------------


def test_a_five_digit_year_in_a_date_drops_the_doubled_digit():
    (d,) = run("The company will list in May 20014, its chairman said.")
    assert (d.rule, d.column, d.match, d.suggestions, d.message) == (
        "House.ImpossibleYears", 30, "20014", ("2014",), "'20014' is not a year: a digit too many ('2014'?)."
    )


def test_without_a_doubled_digit_the_article_years_decide():
    got = found("Sales rose in 1987 and 1988. The notes are due April 1, 19857.")
    assert got == [("ImpossibleYears", 57, "19857", ("1987", "1985"))]


def test_a_table_of_months_and_figures_is_not_a_date():
    assert found("Open positions:\nAug 13126\nOct 4462\n- Position of June 26 - Aug 12414") == []


# -- ranges -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "match", "message"),
    [
        ("The fair runs January 10 – 1, 2016, in town.", "January 10 – 1",
         "'January 10 – 1': the range ends before it starts (January 1 is before January 10); check the days."),
        ("The fair runs from 20 to 12 March in town.", "20 to 12 March",
         "'20 to 12 March': the range ends before it starts (March 12 is before March 20); check the days."),
        ("The fair runs Feb. 27-30 in town.", "Feb. 27-30",
         "'Feb. 27-30': February has 28 days (29 in a leap year), so there is no February 30."),
        ("The fair ran Feb. 27-29, 2015, in town.", "Feb. 27-29",
         "'Feb. 27-29': February has 28 days in 2015, so there is no February 29."),
        ("Output fell every year from 2010 to 2005.", "2010 to 2005",
         "'2010 to 2005': the range ends before it starts (2005 is before 2010); check the years."),
    ],
)
def test_inverted_and_impossible_ranges(text, match, message):
    (d,) = run(text)
    assert (d.rule, d.match, d.message, d.suggestions, d.category) == ("House.DateRanges", match, message, (), "date")


def test_ranges_that_can_be_are_left_alone():
    text = (
        "The fair runs Feb. 27-29, 2016, then from 28 November to 2 February, and March 17 and 16. "
        "The team won in March 3-1, the 2-1 March win, in the 2004-05 season. Jul/May 3-1/4 over. "
        "Trading runs from 2000 to 1930 GMT. PARIS, May 3 - 52 weeks to March 8."
    )
    assert found(text) == []


# -- two ages for one person ------------------------------------------------------------------------


def test_the_same_person_given_two_ages():
    text = "Ms Rahman, 34, runs the shop.\n\nCustomers say the 35-year-old Rahman knows them all."
    (d,) = run(text)
    assert (d.rule, d.line, d.column, d.match, d.suggestions, d.category) == ("House.AgeConsistency", 3, 19, "35", (), "number")
    assert d.message == "Ms Rahman is 34 on line 1 but 35 here: check the age."


def test_the_odd_age_out_is_suggested_when_two_agree():
    (d,) = run("Ali Rahman, 52, was charged. Rahman, 52, denies it. Rahman, 53, will appear in court.")
    assert (d.match, d.suggestions, d.message) == ("53", ("52",), "Ali Rahman is 52 on line 1 (2 mentions) but 53 here: check the age.")


@pytest.mark.parametrize(
    "text",
    [
        "Ali Rahman, 34, runs the shop with his brother Omar Rahman, 38.",
        "Mr Rahman, 34, and his mother, Mrs Rahman, 61, run the shop.",
        "Rahman, then 29, opened the shop in 2015. Rahman, 34, still runs it.",
        "The then 29-year-old Rahman opened the shop. Rahman, 34, still runs it.",
        "Ms Rahman, 34, runs the shop. She turns 35 next week.",
        # Two Rahmans named in the article: a bare "Rahman" could be either.
        "Ali Rahman, 34, and Omar Rahman run the shop. Rahman, 38, keeps the books.",
        # The age of a description, not of the name after it.
        "David Ruder, a 57-year-old Republican, was named. Ruder, 57, said he was pleased.",
    ],
)
def test_two_people_or_two_times_are_left_alone(text):
    assert found(text) == []
