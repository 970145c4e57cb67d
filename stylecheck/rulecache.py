"""The compiled-rules cache: one Linter per configuration, in this process and across processes.

Reading the YAML of the house style and compiling its patterns costs far more than linting one
article. A pickled Linter holds the rules with their patterns already compiled (a `regex` pattern
pickles as its compiled code, so loading it skips the pattern parser) and loads in a millisecond,
without importing the YAML parser at all. It is kept in the private store (`store.py`), keyed on
`fingerprint.ruleset_digest`: rule files' contents, configuration, code and engine versions.
"""
from __future__ import annotations

from functools import lru_cache

from .engine import Linter
from .store import cache_dir, load_entry, store_entry

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from .config import Config

__all__ = ["cache_dir", "linter_for", "load_entry", "load_linter", "store_entry"]


def load_linter(config: Config) -> Linter:
    """The Linter for `config`: from the store when a valid entry exists, else built (and stored)."""
    if cache_dir() is None:
        return Linter(config)
    try:
        from .fingerprint import ruleset_digest

        key = ruleset_digest(config)
    except OSError:
        return Linter(config)
    cached = load_entry("rules", key)
    if isinstance(cached, Linter) and cached.config == config:
        return cached
    linter = Linter(config)
    store_entry("rules", key, linter)
    return linter


@lru_cache(maxsize=16)
def linter_for(config: Config) -> Linter:
    """One compiled Linter per configuration per process (a memo of immutable rules); across
    processes, from the store."""
    return load_linter(config)
