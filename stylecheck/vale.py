"""Run existing Vale styles unchanged: load Vale rule files with Vale's semantics.

A style folder named `vale:<folder>` in a Config (which `.vale.ini` files become: see
valeconfig.py) loads its rules here, onto stylecheck's own rule types with `vale: true` set: the
rule types then follow Vale's templates, regex dialect, exceptions and scoring.

Vale's extension points that stylecheck does not implement (spelling, sequence, script,
readability) are skipped with one warning per rule; the rest of the style runs.
"""
from __future__ import annotations

from pathlib import Path

from .diagnostic import SEVERITY_RANK
# The Vale configuration reader and its globs, also importable from here.
from .valecompat import expand_braces, vale_glob_match  # noqa: F401
from .valeconfig import BUILTIN, ValeSettings, find_vale_config, load_vale_ini, vale_selection  # noqa: F401

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .ruletypes import Rule, RuleContext

SUPPORTED = ("existence", "substitution", "occurrence", "repetition", "consistency", "conditional", "capitalization", "metric")
UNSUPPORTED = ("spelling", "sequence", "script", "readability")


# -- style folders and rule files -----------------------------------------------------------------


def is_vale_style(folder: str) -> bool:
    """A style folder listed in a stylecheck config is read as Vale's when it is a Vale package
    (it has Vale's `meta.json`); any other folder can be named `vale:<folder>` to say so."""
    return (Path(folder) / "meta.json").is_file()


def load_vale_rule(path: str, style: str, ctx: "RuleContext") -> "Rule | None":
    """Load one Vale rule file with Vale's defaults; None when it is skipped (below
    MinAlertLevel, or an extension point stylecheck does not implement — with a warning)."""
    from .ruletypes import RuleError
    from .yamlload import YamlError, line_of, load_yaml_file

    try:
        options = load_yaml_file(path)
    except YamlError as exc:
        raise RuleError(exc.path, exc.line, exc.message) from None
    if not isinstance(options, dict):
        raise RuleError(path, getattr(options, "line", None), "a rule file must be a mapping of keys to values")
    rule_id = f"{style}.{Path(path).stem}"
    return build_vale_rule(rule_id, options, ctx, path, line_of)


def build_vale_rule(rule_id: str, options: dict, ctx: "RuleContext", path: str, line_of=None) -> "Rule | None":
    from .ruletypes import RuleError, rule_class

    where = (lambda key: line_of(options, key)) if line_of else (lambda key: None)
    extends = options.get("extends")
    if not extends:
        raise RuleError(path, 1, f"rule {rule_id}: missing the required 'extends' key")
    extends = str(extends)
    if extends in UNSUPPORTED:
        ctx.warnings.append(f"{path}: rule {rule_id} skipped: Vale's '{extends}' extension point is not supported by stylecheck")
        return None
    if extends not in SUPPORTED:
        raise RuleError(path, where("extends"), f"rule {rule_id}: 'extends' must be one of {', '.join(SUPPORTED + UNSUPPORTED)}, not {extends!r}")
    if "message" not in options:
        raise RuleError(path, 1, f"rule {rule_id}: missing the required 'message' key")
    if options.get("code") is True:
        raise RuleError(path, where("code"), f"rule {rule_id}: 'code' is deprecated; use 'scope: raw'")
    settings = ctx.settings
    level = (settings.get("vale-levels") or {}).get(rule_id) or options.get("level") or "warning"
    if level not in SEVERITY_RANK:
        raise RuleError(path, where("level"), f"rule {rule_id}: 'level' must be one of suggestion, warning, error; not {level!r}")
    if SEVERITY_RANK[level] < SEVERITY_RANK[settings.get("vale-min-level") or "suggestion"]:
        return None
    mapped: dict[str, Any] = dict(options)
    if hasattr(options, "lines"):
        mapped = type(options)(options)
        mapped.lines = options.lines  # type: ignore[attr-defined]
        mapped.line = getattr(options, "line", 1)  # type: ignore[attr-defined]
    mapped["level"] = level
    mapped["vale"] = True
    # Vale decodes weakly: a single string where a list is expected is a one-item list.
    for key in ("tokens", "raw", "exceptions", "indicators", "scope"):
        if isinstance(mapped.get(key), str) and key != "scope":
            mapped[key] = [mapped[key]]
    if mapped.get("scope") is None:
        mapped["scope"] = "text"
    if extends == "metric":
        mapped["scope"] = "summary"
    cls = rule_class(extends)
    assert cls is not None
    return cls(rule_id, mapped, ctx, path=path)


def builtin_rules(ctx: "RuleContext") -> "dict[str, Rule]":
    """Vale's own style `Vale`: Repetition, plus Terms and Avoid from the vocabulary."""
    rules: dict[str, Rule] = {}
    settings = ctx.settings
    definitions: dict[str, dict[str, Any]] = {
        "Vale.Repetition": {
            "extends": "repetition", "level": "error", "message": "'%s' is repeated!", "alpha": True,
            "action": {"name": "edit", "params": ["truncate", " "]}, "tokens": [r"[^\s]+"],
        },
    }
    accept = list(settings.get("vale-accept") or [])
    from .valecompat import is_phrase

    if accept:
        definitions["Vale.Terms"] = {
            "extends": "substitution", "level": "error", "message": "Use '%s' instead of '%s'.",
            "ignorecase": True, "vocab": False,
            "swap": {term.lower(): term for term in accept if is_phrase(term)},
        }
        if not definitions["Vale.Terms"]["swap"]:
            del definitions["Vale.Terms"]
    reject = list(settings.get("vale-reject") or [])
    if reject:
        definitions["Vale.Avoid"] = {
            "extends": "existence", "level": "error", "message": "Avoid using '%s'.", "ignorecase": False, "tokens": reject,
        }
    ctx.warnings.append("Vale.Spelling skipped: Vale's 'spelling' extension point is not supported by stylecheck")
    for rule_id, options in definitions.items():
        rule = build_vale_rule(rule_id, options, ctx, "<Vale built-in>")
        if rule is not None:
            rules[rule_id] = rule
    return rules
