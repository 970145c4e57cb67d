"""Every style in ../shared/peers/vale-styles loads unchanged and flags one's own example texts."""
from __future__ import annotations

from pathlib import Path

import pytest

from stylecheck.engine import Linter
from stylecheck.vale import load_vale_ini

from .conftest import SHARED, needs_shared

STYLES_PATH = SHARED / "peers" / "vale-styles"
pytestmark = needs_shared(STYLES_PATH)

STORY = (
    "# Harbour Workers Walk Out Again\n"
    "\n"
    "The harbour was closed by the union on Monday, and there is very little hope of a deal!\n"
    "\n"
    "So the mayor said the talks were extremely unique. We need a rockstar ninja to fix it, guys.\n"
    "\n"
    "Log in to the admin console, e.g. via the web page, and click OK...\n"
    "\n"
    "The committee chairman called the plan insane and lame.\n"
)

# (rule, line, column, match) expected on STORY, per style; the same in .txt and .md except
# for heading rules (a .txt file has no headings).
EXPECTED = {
    "proselint": [
        ("proselint.Very", 3, 61, "very"),
        ("proselint.Uncomparables", 5, 34, "extremely unique"),
        ("proselint.Typography", 7, 65, "..."),
        ("proselint.GenderBias", 9, 15, "chairman"),
    ],
    "write-good": [
        ("write-good.E-Prime", 3, 13, "was"),
        ("write-good.Passive", 3, 13, "was closed"),
        ("write-good.E-Prime", 3, 58, "is"),
        ("write-good.Weasel", 3, 61, "very"),
        ("write-good.So", 5, 1, "So "),
        ("write-good.E-Prime", 5, 29, "were"),
        ("write-good.Weasel", 5, 34, "extremely"),
    ],
    "alex": [
        ("alex.Ablist", 9, 40, "insane"),
        ("alex.Ablist", 9, 51, "lame"),
    ],
    "Joblint": [
        ("Joblint.DumbTitles", 5, 62, "rockstar"),
        ("Joblint.DumbTitles", 5, 71, "ninja"),
        ("Joblint.Gendered", 5, 88, "guys"),
    ],
    "Google": [
        ("Google.Passive", 3, 13, "was closed"),
        ("Google.Exclamation", 3, 83, "deal!\n"),  # its pattern takes the white space after
        ("Google.We", 5, 52, "We"),
        ("Google.WordList", 7, 15, "admin"),
        ("Google.Latin", 7, 30, "e.g."),
        ("Google.Ellipses", 7, 65, "..."),
    ],
    "Microsoft": [
        ("Microsoft.Passive", 3, 13, "was closed"),
        ("Microsoft.Adverbs", 3, 61, "very"),
        ("Microsoft.Adverbs", 5, 34, "extremely"),
        ("Microsoft.We", 5, 52, "We"),
        ("Microsoft.Foreign", 7, 30, "e.g. "),
        ("Microsoft.Ellipses", 7, 65, "..."),
        ("Microsoft.Accessibility", 9, 51, "lame"),
    ],
}
HEADINGS = {
    "Google": ("Google.Headings", 1, 3, "Harbour Workers Walk Out Again"),
    "Microsoft": ("Microsoft.Headings", 1, 3, "Harbour Workers Walk Out Again"),
}


def _linter(tmp_path: Path, style: str) -> Linter:
    ini = tmp_path / ".vale.ini"
    ini.write_text(f"StylesPath = {STYLES_PATH}\nMinAlertLevel = suggestion\n\n[*.{{md,txt}}]\nBasedOnStyles = {style}\n")
    return Linter(load_vale_ini(str(ini)))


def test_every_style_is_covered():
    folders = sorted(p.name for p in STYLES_PATH.iterdir() if p.is_dir())
    assert folders == sorted(EXPECTED)


@pytest.mark.parametrize("style", sorted(EXPECTED))
def test_style_loads_every_rule(tmp_path, style):
    linter = _linter(tmp_path, style)
    files = sorted(p.stem for p in (STYLES_PATH / style).glob("*.yml"))
    assert sorted(r.split(".", 1)[1] for r in linter.rules) == files
    assert all(rule.vale for rule in linter.rules.values())
    assert linter.ctx.warnings == []


@pytest.mark.parametrize("style", sorted(EXPECTED))
@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_style_flags_own_example(tmp_path, style, suffix):
    linter = _linter(tmp_path, style)
    path = tmp_path / f"story.{suffix}"
    path.write_text(STORY, encoding="utf-8")
    result = linter.lint_path(str(path))
    assert result.error is None and result.warnings == []
    found = [(d.rule, d.line, d.column, d.match) for d in result.diagnostics]
    expected = list(EXPECTED[style])
    if suffix == "md" and style in HEADINGS:
        expected.insert(0, HEADINGS[style])
    if suffix == "md":  # a Markdown paragraph ends at its last character, before the line break
        expected = [(r, line, c, m.rstrip("\n")) for r, line, c, m in expected]
    assert found == expected
    for d in result.diagnostics:
        assert STORY[d.offset : d.offset + d.length] == d.match


def test_cli_config_on_a_docs_folder_with_the_shared_styles(tmp_path, cli):
    ini = tmp_path / ".vale.ini"
    ini.write_text(f"StylesPath = {STYLES_PATH}\n\n[*.md]\nBasedOnStyles = Google\n\n[*.txt]\nBasedOnStyles = proselint, Joblint\n")
    docs = tmp_path / "docs"
    (docs / "desk").mkdir(parents=True)
    (docs / "brief.md").write_text("# Port Strike Ends\n\nThe union said the deal was great!\n")
    (docs / "desk" / "notes.txt").write_text("The chairman wants a rockstar reporter.\n")
    result = cli("--config", str(ini), "--format", "json", str(docs))
    assert result.code == 1, result.err
    found = [
        (f["path"].replace(str(docs), "docs"), d["rule"], d["line"], d["column"], d["match"])
        for f in result.json()["files"] for d in f["diagnostics"]
    ]
    assert found == [
        ("docs/brief.md", "Google.Headings", 1, 3, "Port Strike Ends"),
        ("docs/brief.md", "Google.Exclamation", 3, 29, "great!"),
        ("docs/desk/notes.txt", "proselint.GenderBias", 1, 5, "chairman"),
        ("docs/desk/notes.txt", "Joblint.DumbTitles", 1, 22, "rockstar"),
    ]
