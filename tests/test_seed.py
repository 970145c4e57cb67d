"""The seed article: the real errors that started the project are found at their exact places."""
from __future__ import annotations

import re

from stylecheck import check

from .conftest import SEED, assert_invariant, needs_shared

pytestmark = needs_shared(SEED)


def _text() -> str:
    return SEED.read_bytes().decode("utf-8")


def _find(diagnostics, rule):
    return [d for d in diagnostics if d.rule == rule]


def test_seed_reports_uk_mix_and_run_together_name_at_exact_positions():
    text = _text()
    diagnostics = check(text, path=str(SEED))
    assert_invariant(text, diagnostics)
    abbreviations = _find(diagnostics, "House.Abbreviations")
    assert [(d.line, d.column, d.match) for d in abbreviations] == [(29, 1, "UK")]
    assert "'U.K.'" in abbreviations[0].message and "(1 to 3 uses)" in abbreviations[0].message
    assert abbreviations[0].suggestions == ("U.K.",)
    glued = _find(diagnostics, "House.RunTogether")
    # A suggestion: the rule's measured precision on the corpora (83%, bench/judgements) sets it there.
    assert [(d.line, d.column, d.end_column, d.match, d.severity) for d in glued] == [
        (31, 10, 25, "IndependentLucy", "suggestion")
    ]
    assert glued[0].suggestions == ("Independent Lucy",)


def test_seed_json_output_parses_and_meets_offset_invariant(cli):
    result = cli("--format", "json", str(SEED))
    assert result.code == 1
    data = result.json()
    assert data["version"] == 1
    (entry,) = data["files"]
    assert entry["path"] == str(SEED)
    assert_invariant(_text(), entry["diagnostics"])
    rules = {d["rule"] for d in entry["diagnostics"]}
    assert {"House.Abbreviations", "House.RunTogether"} <= rules


def test_seed_everything_at_warning_or_above_is_a_named_ap_violation():
    """Issue 3's acceptance: with the default AP preset, the seed yields exactly these findings at
    warning or above, each a real AP violation, and nothing on the traps it names."""
    text = _text()
    found = [
        (d.rule, d.line, d.column, d.match, d.suggestions)
        for d in check(text, path=str(SEED))
        if d.severity in ("warning", "error")
    ]
    assert found == [
        # AP: "a.m." and "p.m.", lowercase with periods.
        ("House.Times", 3, 68, "10:57 PM", ("10:57 p.m.",)),
        # AP: a comma after the year when a full date sits mid-sentence ("March 14, 2025, in Ottawa").
        ("House.Dates", 4, 110, "2025", ("2025,",)),
        # AP: "so-called" is not followed by quotation marks.
        ("House.SoCalled", 11, 133, "so-called", ()),
        # A country takes "its".
        ("House.PronounAgreement", 15, 181, "his", ("its",)),
        # AP uses American spelling: "signaled".
        ("House.Spelling", 25, 43, "signalled", ("signaled",)),
        # "U.K." three times, "UK" once.
        ("House.Abbreviations", 29, 1, "UK", ("U.K.",)),
    ]
    everything = check(text, path=str(SEED))
    # Two names glued together by a lost space: still found, at the suggestion level its measured
    # precision earns (see test_seed_reports_uk_mix_and_run_together_name_at_exact_positions).
    assert [(d.rule, d.line, d.column, d.match, d.suggestions, d.severity) for d in everything
            if d.rule.startswith("House.RunTogether")] == [
        ("House.RunTogether", 31, 10, "IndependentLucy", ("Independent Lucy",), "suggestion")
    ]
    assert {d.rule: d.severity for d in everything}["House.PronounAgreement"] == "error"
    # The traps carry no finding at all, at any severity.
    # (The phrases are the ones issue 3 quotes; every occurrence of each trap word is checked.)
    traps = [
        (m.start(1), m.end(1))
        for pattern in (r"Carney said (his) country", r"(Oct\. 20)", r"(March 14)", r"(Thirty-five) countries", r"\b(AI)\b", r"\b(X)\b")
        for m in re.finditer(pattern, text)
    ]
    assert len(traps) >= 6
    for start, end in traps:
        overlapping = [d for d in everything if d.offset < end and start < d.offset + d.length]
        assert overlapping == [], (text[start:end], overlapping)
