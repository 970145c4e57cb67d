"""Loading styles: a style is a folder of YAML rule files; a rule's id is `<Style>.<FileName>`."""
from __future__ import annotations

import os

from .errors import did_you_mean
from .resources import bundled_rules_dir, bundled_rules_folder  # noqa: F401 - also imported from here
from .record import Record
from .ruletypes import RULE_TYPES, Rule, RuleContext, RuleError, rule_class
from .yamlload import MAX_RULE_BYTES, YamlError, line_of, load_yaml_file

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable
    from pathlib import Path

RULE_SUFFIXES = (".yml", ".yaml")
# Folders beside the styles that hold other data (house presets, word lists), never rules.
RESERVED_FOLDERS = ("presets", "data")


class StyleDir(Record):
    """A style: its name (the rule ids' prefix) and its folder."""

    __slots__ = ("name", "path")

    def __init__(self, name: str, path: str) -> None:
        self.name = name
        self.path = path


def find_styles(path: str) -> list[StyleDir]:
    """A folder of rule files is one style; a folder of such folders (a StylesPath) is many."""
    from pathlib import Path

    p = Path(path)
    if not p.is_dir():
        raise RuleError(path, None, "no such rules folder")
    if any(f.suffix in RULE_SUFFIXES for f in p.iterdir() if f.is_file()):
        return [StyleDir(p.resolve().name, str(p))]
    styles = [
        StyleDir(d.name, str(d))
        for d in sorted(p.iterdir())
        if d.is_dir() and not d.name.startswith((".", "_")) and d.name not in RESERVED_FOLDERS and any(f.suffix in RULE_SUFFIXES for f in d.iterdir())
    ]
    if not styles:
        raise RuleError(path, None, "no rule files (*.yml) in this folder or its subfolders")
    return styles


def rule_files(style: StyleDir) -> list[Path]:
    from pathlib import Path

    return sorted(
        f for f in Path(style.path).iterdir()
        if f.is_file() and f.suffix in RULE_SUFFIXES and not f.name.startswith((".", "_"))
    )


def load_rule_file(path: str, style: str, ctx: RuleContext) -> Rule | None:
    """Load one rule file. Returns None for a rule whose `presets` exclude the current preset."""
    try:
        options = load_yaml_file(path, MAX_RULE_BYTES)
    except YamlError as exc:
        raise RuleError(exc.path, exc.line, exc.message) from None
    if not isinstance(options, dict):
        raise RuleError(path, getattr(options, "line", None), "a rule file must be a mapping of keys to values")
    extends = options.get("extends")
    if not extends:
        raise RuleError(path, getattr(options, "line", 1), "missing key 'extends' (the rule type)")
    cls = rule_class(str(extends))
    if cls is None:
        suggestion = did_you_mean(str(extends), RULE_TYPES) or f" (known: {', '.join(sorted(RULE_TYPES))})"
        raise RuleError(path, line_of(options, "extends"), f"unknown rule type {extends!r}{suggestion}")
    presets = options.get("presets")
    if isinstance(presets, list) and ctx.preset not in presets:
        return None
    rule_id = f"{style}.{os.path.splitext(os.path.basename(path))[0]}"
    return cls(rule_id, options, ctx, path=path)


def load_styles(paths: Iterable[str], ctx: RuleContext, known: set[str] | None = None) -> dict[str, Rule]:
    """Load every style under `paths`, in order; a later rule with the same id overrides an earlier one.

    The whole set loads or nothing does: the first bad file raises RuleError. `known`, if given,
    receives the id of every rule file read, including those the preset leaves out (a config may
    name a rule that only runs under the other preset).
    """
    rules: dict[str, Rule] = {}
    for path in paths:
        vale = path.startswith("vale:")
        if vale:
            path = path[len("vale:"):]
            if path == "builtin":
                from .vale import builtin_rules

                builtin = builtin_rules(ctx)
                rules.update(builtin)
                if known is not None:
                    known.update(builtin)
                continue
        for style in find_styles(path):
            style_is_vale = vale or _is_vale_style(style.path)
            for file in rule_files(style):
                if style_is_vale:
                    from .vale import load_vale_rule

                    rule = load_vale_rule(str(file), style.name, ctx)
                else:
                    rule = load_rule_file(str(file), style.name, ctx)
                if known is not None:
                    known.add(f"{style.name}.{file.stem}")
                if rule is not None:
                    rules[rule.id] = rule
                else:
                    rules.pop(f"{style.name}.{file.stem}", None)
    return rules


def _is_vale_style(path: str) -> bool:
    if os.path.dirname(os.path.realpath(path)) == bundled_rules_folder():
        return False
    from .vale import is_vale_style

    return is_vale_style(path)


def style_names(paths: Iterable[str]) -> list[str]:
    return [s.name for p in paths if p != "vale:builtin" for s in find_styles(p.removeprefix("vale:"))]
