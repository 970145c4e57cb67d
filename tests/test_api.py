"""The Python API: stylecheck.check(text, path=None, config=None)."""
from __future__ import annotations

import subprocess
import sys

import pytest

import stylecheck
from stylecheck.config import Config


def test_check_returns_sorted_diagnostics_with_positions():
    text = "The UK and the U.K.\nAnd the the U.K. again.\n"
    found = stylecheck.check(text)
    assert [(d.rule, d.line, d.column, d.match) for d in found] == [
        ("House.Abbreviations", 1, 5, "UK"),
        ("House.DoubledWord", 2, 5, "the the"),
    ]
    assert found[0].path == "<text>"


def test_path_picks_format():
    text = "Some `the the` code.\n"
    assert stylecheck.check(text, path="a.md") == []
    assert [d.rule for d in stylecheck.check(text, path="a.txt")] == ["House.DoubledWord"]


def test_config_as_object_mapping_or_path(tmp_path):
    text = "It was the the end.\n"
    assert stylecheck.check(text, config=Config(ignore=("House.DoubledWord",))) == []
    assert stylecheck.check(text, config={"ignore": ["House.DoubledWord"]}) == []
    config = tmp_path / "c.yaml"
    config.write_text("ignore: [House.DoubledWord]\n")
    assert stylecheck.check(text, config=str(config)) == []
    with pytest.raises(TypeError):
        stylecheck.check(text, config=42)


def test_import_is_light():
    code = "import sys, stylecheck; print(sorted(m for m in ('yaml', 'regex', 'markdown_it') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_text_markdown_plain_start_up_skips_markdown_parser(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Plain text.\n")
    code = (
        "import sys; from stylecheck.cli import main; main(['-q', sys.argv[1]]); "
        "print('markdown_it' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True).stdout
    assert out.strip().endswith("False")
