"""Naming rules: what a rule id, a style name or a glob in a selection means (one meaning everywhere).

`--select`, `--ignore`, `select:`/`ignore:`/`severity:`/`overrides:` in a config and inline
suppression comments all name rules the same way:

* a rule id: `House.Dates`;
* a style: `House` (every rule of the style);
* a glob over rule ids: `House.Date*`;
* `ALL` (any case): every rule.
"""
from __future__ import annotations

import fnmatch


def names_rule(spec: str, rule_id: str) -> bool:
    """Does `spec` (a rule id, a style name, a glob or ALL) name the rule `rule_id`?"""
    if spec == rule_id or spec.upper() == "ALL":
        return True
    if "." not in spec and not _is_glob(spec):
        return rule_id.split(".")[0] == spec
    return fnmatch.fnmatchcase(rule_id, spec)


def names_any(spec: str, rule_ids) -> bool:
    """Does `spec` name at least one of `rule_ids`?"""
    return any(names_rule(spec, rule_id) for rule_id in rule_ids)


def _is_glob(spec: str) -> bool:
    return any(ch in spec for ch in "*?[")


def unmatched(spec: str, rule_ids) -> str | None:
    """None when `spec` names at least one of `rule_ids`; else the one-line complaint, with the
    nearest rule id or style as a "did you mean"."""
    rule_ids = list(rule_ids)
    if names_any(spec, rule_ids):
        return None
    import difflib

    styles = sorted({rule_id.split(".")[0] for rule_id in rule_ids})
    candidates = styles if "." not in spec else rule_ids
    hint = difflib.get_close_matches(spec, candidates, n=1, cutoff=0.6) or difflib.get_close_matches(spec, rule_ids + styles, n=1)
    where = f" (did you mean {hint[0]!r}?)" if hint else f" (loaded styles: {', '.join(styles) or 'none'})"
    return f"{spec!r} matches no rule{where}"
