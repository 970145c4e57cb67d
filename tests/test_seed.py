"""The seed article: the real errors that started the project are found at their exact places."""
from __future__ import annotations

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
    assert [(d.line, d.column, d.end_column, d.match, d.severity) for d in glued] == [
        (31, 10, 25, "IndependentLucy", "error")
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
