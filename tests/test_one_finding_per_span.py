"""One finding per span (issue 14): a rule's `supersedes:` names the rules whose findings its own
replace where their spans overlap, so the more specific rule alone reports a slip."""
from __future__ import annotations

import textwrap

from stylecheck import check
from stylecheck.config import Config
from stylecheck.document import Document
from stylecheck.engine import Linter

from .conftest import assert_invariant

GENERAL = """\
extends: existence
message: "General: '%s'."
tokens: [colour scheme]
"""
SPECIFIC = """\
extends: existence
message: "Specific: '%s'."
tokens: [colour]
supersedes: [General]
"""


def lint(tmp_path, text: str, rules: dict[str, str], **config):
    style = tmp_path / "Newsroom"
    style.mkdir(exist_ok=True)
    for name, body in rules.items():
        (style / f"{name}.yml").write_text(textwrap.dedent(body))
    linter = Linter(Config(styles=(str(style),), **config))
    return [(d.rule, d.offset, d.match) for d in linter.lint_document(Document.from_text(text, "a.txt")).diagnostics]


def test_the_superseding_rule_alone_reports_an_overlapping_span(tmp_path):
    text = "A colour scheme here, and a colour scheme there; colour alone."
    assert lint(tmp_path, text, {"General": GENERAL, "Specific": SPECIFIC}) == [
        ("Newsroom.Specific", 2, "colour"),
        ("Newsroom.Specific", 28, "colour"),
        ("Newsroom.Specific", 49, "colour"),
    ]


def test_a_span_the_superseding_rule_does_not_touch_keeps_its_finding(tmp_path):
    general = GENERAL.replace("[colour scheme]", "[colour scheme, paint]")
    assert lint(tmp_path, "A colour scheme and paint.", {"General": general, "Specific": SPECIFIC}) == [
        ("Newsroom.Specific", 2, "colour"),
        ("Newsroom.General", 20, "paint"),
    ]


def test_a_full_rule_id_names_a_rule_of_another_style(tmp_path):
    specific = SPECIFIC.replace("[General]", "[Newsroom.General]")
    assert [r for r, _, _ in lint(tmp_path, "A colour scheme.", {"General": GENERAL, "Specific": specific})] == ["Newsroom.Specific"]


def test_a_superseding_finding_that_is_suppressed_or_not_selected_supersedes_nothing(tmp_path):
    rules = {"General": GENERAL, "Specific": SPECIFIC}
    text = "A colour scheme here.\n"
    assert lint(tmp_path, text, rules, select=("Newsroom.General",)) == [("Newsroom.General", 2, "colour scheme")]
    suppressed = "<!-- stylecheck: disable Newsroom.Specific -->\nA colour scheme here.\n"
    assert [r for r, _, _ in lint(tmp_path, suppressed, rules)] == ["Newsroom.General"]


def test_bundled_rules_give_one_finding_per_span():
    cases = [
        # TimeRedundancy replaces Times on the same time, with the house form as its suggestion.
        ("The ferry left at 6.24pm this evening, late.", "ap", [("House.TimeRedundancy", "6.24pm this evening", ("6:24 p.m.",))]),
        # ImpossibleDates replaces the style rule on a date that cannot be.
        ("Due on February 30, officials said.", "british", [("House.ImpossibleDates", "February 30", ())]),
        # A range that names a day its month does not have: DateRanges alone.
        ("The fair runs Feb. 27-30 in town.", "british", [("House.DateRanges", "Feb. 27-30", ())]),
        # A missing comma after the year joins the date's own finding.
        ("It opened on October 9, 1987 in Ohio.", "ap", [("House.Dates", "October 9, 1987", ("Oct. 9, 1987,",))]),
        # A malformed amount in a conversion: the malformed amount, not the exchange rate it implies.
        ("It took $33.1m (£17.5m) and then $20m (£10.m).", "british", [("House.MalformedAmounts", "£10.m", ())]),
        # A percentage in words: its house form holds the figure, so LargeNumbers says nothing more.
        ("Sales fell by about ten pct last year.", "ap", [("House.Percent", "ten pct", ("10%",))]),
        # Two slips on one span: the percentage first, the article once it stands in house form.
        ("Profit showed a 11.7 pct rise.", "ap", [("House.Percent", "11.7 pct", ("11.7%",))]),
        ("Profit showed a 11.7% rise.", "ap", [("House.AOrAn", "a 11.7", ("an 11.7",))]),
        # The spelling first ("an utilization" is then judged again), under AP.
        ("They pay an utilisation fee.", "ap", [("House.Spelling", "utilisation", ("utilization",))]),
        ("They pay an utilization fee.", "ap", [("House.AOrAn", "an utilization", ("a utilization",))]),
    ]
    for text, preset, expected in cases:
        found = check(text, config={"preset": preset})
        assert_invariant(text, found)
        assert [(d.rule, d.match, d.suggestions) for d in found] == expected, text


def test_an_odd_conversion_out_gets_the_house_form_and_replaces_the_style_finding():
    text = "Downloads were worth $20m (£10.5m) last year and will be worth $1.8bn (£9.4 million) soon, it said."
    found = [(d.rule, d.match, d.suggestions) for d in check(text, config={"preset": "british"})]
    # House.Money would say "£9.4m" on the same span; the conversion's own figure is the slip.
    assert found == [("House.ExchangeRates", "£9.4 million", ("£945m",))]


def test_conversions_for_different_years_are_not_compared():
    text = (
        "The firm turned a 684 billion yen ($6.4 billion) loss in 2000 into a 331 billion yen ($2.7 billion)"
        " profit the following year."
    )
    assert [d.rule for d in check(text) if d.rule == "House.ExchangeRates"] == []
    text = (
        "In 2000 it lost 684 billion yen ($6.4 billion). In 2000 it also spent 200 billion yen ($1.9 billion)"
        " and 100 billion yen ($1.5 billion)."
    )
    (d,) = [d for d in check(text) if d.rule == "House.ExchangeRates"]
    assert (d.match, d.suggestions) == ("$1.5 billion", ("$0.9 billion",))
    assert d.message.startswith("This conversion implies 1 USD = 66.7 JPY; the article's other conversions for 2000 imply 1 USD = ")
