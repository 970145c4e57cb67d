"""Every example of every bundled rule, under every preset: bad ones fire, good ones stay silent."""
from __future__ import annotations

import pytest

from stylecheck.config import Config
from stylecheck.engine import Linter
from stylecheck.examples import count_examples, run_examples

PRESETS = ("ap", "british")
_LINTERS = {preset: Linter(Config(preset=preset)) for preset in PRESETS}


def _cases():
    for preset, linter in _LINTERS.items():
        for rule_id, rule in sorted(linter.rules.items()):
            yield pytest.param(preset, rule_id, id=f"{preset}-{rule_id}")


@pytest.mark.parametrize("preset,rule_id", list(_cases()))
def test_rule_examples(preset, rule_id):
    linter = _LINTERS[preset]
    rule = linter.rules[rule_id]
    failures = [str(f) for f in run_examples(linter, rule)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("preset", PRESETS)
def test_every_bundled_rule_has_bad_and_good_examples(preset):
    for rule in _LINTERS[preset].rules.values():
        examples = rule.examples or {}
        assert examples.get("bad"), f"{rule.id} has no bad examples"
        assert examples.get("good"), f"{rule.id} has no good examples"
        assert count_examples(rule) >= 2


def test_every_bundled_rule_has_a_category_and_description():
    from stylecheck.diagnostic import CATEGORIES

    for rule in _LINTERS["ap"].rules.values():
        assert rule.category in CATEGORIES
        assert rule.description.strip(), rule.id


def test_test_rules_command_runs_bundled_examples(cli):
    from stylecheck.loader import bundled_rules_dir

    result = cli("test-rules", str(bundled_rules_dir()))
    assert result.code == 0, result.out
    assert "0 failed" in result.out


def test_test_rules_command_reports_a_failing_example(cli, tmp_path):
    style = tmp_path / "Newsroom"
    style.mkdir()
    (style / "Weasel.yml").write_text(
        "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [very]\n"
        "examples:\n  bad:\n    - text: It was really big.\n      match: really\n  good:\n    - It was very big.\n"
    )
    result = cli("test-rules", str(tmp_path))
    assert result.code == 1
    assert "FAIL [ap] Newsroom.Weasel (bad example) 'It was really big.': expected a finding, got none" in result.out
    assert "FAIL [ap] Newsroom.Weasel (good example) 'It was very big.': expected no finding, got 'very'" in result.out
    assert "2 examples run" not in result.out  # counted per preset: 4 runs
    assert "1 rules, 4 examples run, 4 failed." in result.out
