"""A selection of Vale's own feature scenarios (../shared/peers/vale-testdata/features), run through
stylecheck's Vale mode: Markdown and text files, rule types stylecheck supports.

Each scenario names a fixture folder with a `.vale.ini`; Vale's expected output lines are
`file:line:column:Check:Message`. Lines for other formats (.py, .rst, .html ...) are left out,
as stylecheck lints Markdown and text only.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from stylecheck.engine import Linter
from stylecheck.vale import find_vale_config, load_vale_ini

from .conftest import SHARED, needs_shared

TESTDATA = SHARED / "peers" / "vale-testdata"
pytestmark = needs_shared(TESTDATA / "features")

# (feature file, scenario name, compare messages too)
SELECTED = [
    ("checks", "Metric", True),
    ("checks", "Conditional", True),
    ("checks", "Substitution", True),
    ("misc", "Vocab", True),
    ("misc", "Multiple Vocabs", True),
    ("misc", "Line Endings", True),
    ("misc", "Unicode", True),
    ("misc", "i18n", True),
    ("scopes", "Raw", False),
    ("scopes", "Blockquote", True),
    ("scopes", "Inline", True),
    ("scopes", "List", True),
]
_STEP = re.compile(r'When I (test|test scope|use Vocab) "([^"]+)"')
_EXPECTED = re.compile(r'should contain exactly:\s*"""\n(.*?)\n\s*"""', re.S)
_FOLDERS = {"test": "", "test scope": "scopes/", "use Vocab": "vocab/"}


def scenario(feature: str, name: str) -> tuple[Path, list[str]]:
    text = (TESTDATA / "features" / f"{feature}.feature").read_text(encoding="utf-8")
    for block in re.split(r"\n\s*Scenario: ", text)[1:]:
        if block.split("\n", 1)[0].strip() == name:
            step, expected = _STEP.search(block), _EXPECTED.search(block)
            assert step and expected, f"{feature}: {name}: unexpected scenario shape"
            folder = TESTDATA / "fixtures" / (_FOLDERS[step.group(1)] + step.group(2))
            lines = [line.strip() for line in expected.group(1).splitlines() if line.strip()]
            return folder, lines
    raise AssertionError(f"no scenario {name!r} in {feature}.feature")


def lint_folder(folder: Path) -> list[str]:
    ini = find_vale_config(str(folder))
    assert ini, f"no .vale.ini in {folder}"
    linter = Linter(load_vale_ini(ini))
    lines = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".txt"):
            result = linter.lint_path(str(path))
            assert result.error is None, result.error
            rel = path.relative_to(folder).as_posix()
            lines.extend(f"{rel}:{d.line}:{d.column}:{d.rule}:{d.message}" for d in result.diagnostics)
    return lines


@pytest.mark.parametrize("feature,name,messages", SELECTED, ids=[f"{f}:{n}" for f, n, _m in SELECTED])
def test_vale_feature_scenario(feature, name, messages):
    folder, expected = scenario(feature, name)
    expected = [line for line in expected if line.split(":", 1)[0].endswith((".md", ".txt"))]
    assert expected, "the scenario has no Markdown or text lines"
    got = lint_folder(folder)
    if not messages:
        cut = lambda lines: sorted(":".join(line.split(":")[:4]) for line in lines)  # noqa: E731
        assert cut(got) == cut(expected)
    else:
        assert sorted(got) == sorted(expected)
