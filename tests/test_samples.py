"""The sample articles show the rules at work: each deliberate mistake is found where it is."""
from __future__ import annotations

from .conftest import ROOT


def findings(cli, *paths):
    result = cli("--format", "json", *[str(ROOT / "samples" / p) for p in paths])
    return {
        entry["path"].split("samples/")[-1]: [(d["rule"], d["line"], d["column"], d["match"]) for d in entry["diagnostics"]]
        for entry in result.json()["files"]
    }


def test_ap_sample_shows_the_newsroom_checks(cli):
    (found,) = findings(cli, "fisheries-pact.txt").values()
    assert found == [
        # The sentence ends on "PM.": its full stop is taken into the span ("9:30 p.m." replaces it).
        ("House.Times", 5, 87, "9:30 PM."),
        ("House.PronounAgreement", 5, 114, "his"),
        ("House.SmallNumbers", 7, 17, "4"),
        ("House.Dates", 7, 53, "August 5th"),
        ("House.ExchangeRates", 7, 235, "$4.8 million"),
        ("House.NameVariants", 9, 178, "Petrenco"),
        ("House.Spelling", 11, 36, "organisation"),
        ("House.FigureAtSentenceStart", 13, 1, "14"),
    ]


def test_british_sample_uses_its_folders_preset(cli):
    (found,) = findings(cli, "british").values()
    assert found == [
        ("House.Times", 5, 1, "3 PM"),
        # One finding on the span: the British form is "£2bn" whatever the article's majority, which
        # House.Money says (House.MoneyConsistency only speaks where the house has no preference).
        ("House.Money", 7, 20, "£2 billion"),
        ("House.LargeNumbers", 7, 36, "ten"),
        ("House.Percent", 7, 70, "4 percent"),
        ("House.Spelling", 8, 22, "center"),
        # "1,200" and "12000" in one paragraph: its wrapped last line is judged with the paragraph.
        ("House.ThousandsSeparators", 9, 11, "12000"),
    ]


def test_clean_sample_is_clean(cli):
    result = cli("--fail-level", "suggestion", str(ROOT / "samples" / "clean-brief.md"))
    assert result.code == 0
