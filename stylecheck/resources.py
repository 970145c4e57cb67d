"""Where the bundled resources live: the house style, its presets and its data files.

A leaf: every layer that needs a bundled file asks here (as strings, for what every run does:
pathlib's import costs a few milliseconds, and only building rules needs it).
"""
from __future__ import annotations

import os
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path


@lru_cache(maxsize=1)
def bundled_rules_folder() -> str:
    """The bundled house style: package data when installed, `rules/` in a source checkout."""
    here = os.path.dirname(os.path.realpath(__file__))
    installed = os.path.join(here, "bundled")
    if os.path.isdir(os.path.join(installed, "House")):
        return installed
    return os.path.join(os.path.dirname(here), "rules")


def bundled_rules_dir() -> Path:
    """`bundled_rules_folder()` as a Path."""
    from pathlib import Path

    return Path(bundled_rules_folder())


def preset_file(preset: str) -> str:
    """The settings file of a house preset (`rules/presets/<name>.yml`)."""
    return os.path.join(bundled_rules_folder(), "presets", f"{preset}.yml")


def data_candidates(name: str, rule_path: str = "") -> list[str]:
    """Where data file `name` may be, in order: `<style>/../data/` beside the rule's own style (so a
    newsroom's style can ship its own lists), then the bundled `rules/data/`."""
    found = []
    if rule_path:
        style_parent = os.path.dirname(os.path.dirname(os.path.realpath(rule_path)))
        found.append(os.path.join(style_parent, "data", name))
    found.append(os.path.join(bundled_rules_folder(), "data", name))
    return found


def data_path(name: str, rule_path: str = "") -> str | None:
    """The first existing of `data_candidates(name, rule_path)`, or None."""
    for candidate in data_candidates(name, rule_path):
        if os.path.isfile(candidate):
            return candidate
    return None
