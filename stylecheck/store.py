"""A private on-disk store of pickled objects in the user's cache folder, by kind and key.

A leaf that the layers above use for what is costly to build and cheap to load: compiled rules
(`rulecache`), compiled patterns (`patterns`), parsed YAML (`yamlload`) and fingerprint memos
(`fingerprint`).

Safety: an entry is only trusted when it can be validated.
* The key is stored inside the file and checked again on load.
* Pickles are code: the folder and file must belong to the current user and be writable by no
  one else, or the store is ignored. It lives in the user's cache folder, never in a project.
* Any failure to load or to store (an object that does not pickle, a full disk, a corrupt file)
  is a miss, never an error: the caller builds the thing as if there were no store.

`STYLECHECK_NO_CACHE=1` turns it off; `STYLECHECK_RULES_CACHE_DIR` moves it.
"""
from __future__ import annotations

import os
import stat
import sys

_MAGIC = b"stylecheck-rules-v1\n"
# Entries kept per user, by kind; older ones are removed when a new one is written.
_KEEP = {"rules": 16, "yaml": 512, "patterns": 4, "fingerprints": 2}


def cache_dir() -> str | None:
    """The cache folder (os.path strings here: pathlib's import costs a few ms per run)."""
    if os.environ.get("STYLECHECK_NO_CACHE"):
        return None
    explicit = os.environ.get("STYLECHECK_RULES_CACHE_DIR")
    if explicit:
        return explicit
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return os.path.join(base, "stylecheck", "Cache") if base else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "stylecheck")


def _private(path: str, st: os.stat_result) -> bool:
    """Owned by us and writable by no one else (always true where there are no such notions)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not (st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _entry(folder: str, kind: str, key: str) -> str:
    return os.path.join(folder, f"{kind}-{key[:40]}.pickle")


def load_entry(kind: str, key: str):
    """The object stored under `kind` and `key`, or None (missing, not private, stale, corrupt)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = _entry(folder, kind, key)
    try:
        if not _private(folder, os.stat(folder)):
            return None
        with open(path, "rb") as handle:
            if not _private(path, os.fstat(handle.fileno())):
                return None
            data = handle.read()
    except OSError:
        return None
    header = _MAGIC + key.encode() + b"\n"
    if not data.startswith(header):
        return None
    import pickle

    try:
        # A view, not a slice: the compiled rules are megabytes, and a slice would copy them.
        return pickle.loads(memoryview(data)[len(header):])  # noqa: S301 - validated, private, our own file
    except Exception:  # a stale or corrupt entry is a cache miss, never an error
        return None


def store_entry(kind: str, key: str, value) -> None:
    """Store `value` under `kind` and `key`; any failure just leaves the cache without it."""
    folder = cache_dir()
    if folder is None:
        return
    import pickle

    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a rule type holding something unpicklable: just do without the cache
        return
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not _private(folder, os.stat(folder)):
            return
        from .fileio import atomic_write_bytes

        atomic_write_bytes(_entry(folder, kind, key), _MAGIC + key.encode() + b"\n" + payload, mode=0o600)
        _prune(folder, kind)
    except OSError:
        return


def _prune(folder: str, kind: str) -> None:
    """Remove the oldest entries of `kind` beyond the number kept."""
    entries: list[tuple[float, str]] = []
    with os.scandir(folder) as found:
        for item in found:
            if item.name.startswith(f"{kind}-") and item.name.endswith(".pickle"):
                try:
                    entries.append((item.stat().st_mtime, item.path))
                except OSError:
                    continue
    entries.sort(reverse=True)
    for _mtime, old in entries[_KEEP.get(kind, 16):]:
        try:
            os.unlink(old)
        except OSError:
            pass
