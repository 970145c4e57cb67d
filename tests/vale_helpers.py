"""Helpers for the Vale-mode tests: a throwaway StylesPath with one's own rules and a .vale.ini."""
from __future__ import annotations

import textwrap
from pathlib import Path

from stylecheck.engine import Linter
from stylecheck.vale import load_vale_ini


def make_project(root: Path, rules: dict[str, str], *, ini: str | None = None, style: str = "Test",
                 accept: str | None = None, reject: str | None = None) -> Path:
    """Write styles/<style>/<Name>.yml for each rule and a .vale.ini; returns the ini's path."""
    folder = root / "styles" / style
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in rules.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(body), encoding="utf-8")
    vocab = ""
    if accept is not None or reject is not None:
        words = root / "styles" / "config" / "vocabularies" / "Desk"
        words.mkdir(parents=True, exist_ok=True)
        if accept is not None:
            (words / "accept.txt").write_text(accept, encoding="utf-8")
        if reject is not None:
            (words / "reject.txt").write_text(reject, encoding="utf-8")
        vocab = "Vocab = Desk\n"
    path = root / ".vale.ini"
    path.write_text(ini if ini is not None else f"StylesPath = styles\nMinAlertLevel = suggestion\n{vocab}\n[*.{{md,txt}}]\nBasedOnStyles = {style}\n", encoding="utf-8")
    return path


def lint_text(root: Path, ini: Path, text: str, name: str = "story.txt"):
    """Lint `text` saved as root/name under the given .vale.ini; returns the diagnostics."""
    file = root / name
    file.write_text(text, encoding="utf-8")
    linter = Linter(load_vale_ini(str(ini)))
    result = linter.lint_path(str(file))
    assert result.error is None, result.error
    return result.diagnostics


def spans(diagnostics) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, match) of each diagnostic."""
    return [(d.rule, d.line, d.column, d.match) for d in diagnostics]
