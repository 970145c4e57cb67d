"""Compiled regular expressions, memoized in this process and kept across processes.

The `regex` module parses a pattern in Python before its C engine compiles it: the date pattern
takes about 15 ms, and the house style's fixed patterns about 50 ms together, more than linting
one article. A compiled `regex` pattern pickles as its compiled code, so it loads with no parsing.

So every fixed pattern stylecheck compiles (its modules' patterns, and the patterns of rules read
from YAML) goes through `compile()`. The first call in a process loads the pattern store: the
patterns earlier runs compiled, kept in the user's cache folder by `store` (with the same
safety checks as the compiled-rules cache). `save()`, called when a run ends, writes the store back
if this process compiled patterns it did not hold. The store is keyed on the `regex` and Python
versions (the compiled code is theirs), and on nothing else: a pattern's key is its own text.

Patterns built for one document (a list of the names an article uses) must not come here: they
would fill the store with patterns no other run asks for. Compile those with `regex.compile`.
"""
from __future__ import annotations

import sys

import regex

# Patterns kept in the store; past this, a save keeps the ones this process used (most recent last).
STORE_LIMIT = 1024

_compiled: dict[tuple[str, int], regex.Pattern] = {}
# The store as loaded: each pattern still pickled, so that a run unpickles only what it asks for
# (building a large pattern from its code takes a while too, and the store holds other configs').
_stored: dict[tuple[str, int], bytes] = {}
_used: set[tuple[str, int]] = set()
_loaded = False
_new = False


def _store_key() -> str:
    return f"regex{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}-v2"


def _load() -> None:
    global _loaded
    _loaded = True
    from .store import load_entry

    stored = load_entry("patterns", _store_key())
    if not isinstance(stored, dict):
        return
    for key, blob in stored.items():
        if isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int) and isinstance(blob, bytes):
            _stored[key] = blob


def _from_store(key: tuple[str, int]) -> regex.Pattern | None:
    blob = _stored.get(key)
    if blob is None:
        return None
    import pickle

    try:
        found = pickle.loads(blob)  # noqa: S301 - our own store, checked by store.load_entry
    except Exception:  # a damaged entry is a miss
        found = None
    if not isinstance(found, regex.Pattern) or found.pattern != key[0]:
        del _stored[key]
        return None
    return found


def compile(source: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - the module's one verb
    """`regex.compile(source, flags)`, from the memo or the store when it was compiled before.

    Raises what `regex.compile` raises for a bad pattern (nothing bad is ever stored)."""
    global _new
    key = (source, flags)
    found = _compiled.get(key)
    if found is None:
        if not _loaded:
            _load()
        found = _from_store(key)
        if found is None:
            found = regex.compile(source, flags)
            _new = True
        _compiled[key] = found
    _used.add(key)
    return found


def save() -> None:
    """Write the store back if this process compiled patterns it did not hold (else nothing)."""
    global _new
    if not _new:
        return
    _new = False
    import pickle

    kept = dict(_stored)
    for key, pattern in _compiled.items():
        if key not in kept:
            kept[key] = pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)
    if len(kept) > STORE_LIMIT:
        unused = [key for key in kept if key not in _used]
        for key in unused[: len(kept) - STORE_LIMIT]:
            del kept[key]
    from .store import store_entry

    store_entry("patterns", _store_key(), kept)


class Lazy:
    """A module's pattern, compiled (through `compile`) on the first use of any of its methods.

    Most runs need only some of a module's patterns (no quotes, no comments, no dates), and a
    pattern not in the store costs a parse: module import stays free of that cost."""

    # No __slots__: each method asked for is kept in the instance's __dict__ once the pattern is
    # compiled, so later uses (`_WORD.match(...)` on every line of every document) are plain
    # attribute look-ups that never reach __getattr__ again.
    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: regex.Pattern | None = None

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)  # copy, pickle and the like probe for dunders
        found = self._compiled
        if found is None:
            found = self._compiled = compile(self._source, self._flags)
        value = getattr(found, name)
        self.__dict__[name] = value
        return value

    def __reduce__(self):
        return (Lazy, (self._source, self._flags))
