"""The registry of rule types, keyed by a rule's `extends`.

Modules are imported on first use, so a run pays only for the rule types its styles use. To add a
rule type, write one module with a `Rule` subclass named `RULE` and list it here.
"""
from __future__ import annotations

import importlib

from .base import Rule, RuleContext, RuleError

RULE_TYPES: dict[str, str] = {
    # Vale's vocabulary (stylecheck/vale.py loads Vale styles onto these).
    "existence": "existence",
    "substitution": "substitution",
    "occurrence": "occurrence",
    "repetition": "repetition",
    "consistency": "consistency",
    "conditional": "conditional",
    "capitalization": "capitalization",
    "metric": "metric",
    # Newsroom rule types, backed by code and parameterised in YAML.
    "runtogether": "runtogether",
    "pronoun-agreement": "pronoun",
    "its-contraction": "itscontraction",
    "dates": "dates",
    "times": "times",
    "money": "money",
    "figure-slips": "slips",
    "ages": "ages",
    "numerals": "numerals",
    "percent": "percent",
    "dialect": "dialect",
    "namevariant": "namevariant",
    "doubledword": "doubledword",
    "repeatedphrase": "repeatedphrase",
    "acronym": "acronym",
    "variants": "variants",
    "articles": "articles",
}


def rule_class(name: str) -> type[Rule] | None:
    module = RULE_TYPES.get(name)
    if module is None:
        return None
    return importlib.import_module(f"{__name__}.{module}").RULE


__all__ = ["RULE_TYPES", "Rule", "RuleContext", "RuleError", "rule_class"]
