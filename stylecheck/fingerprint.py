"""Fingerprints of a rule set: what the compiled-rules cache and `--cache` are keyed on.

A cached thing is only as good as its key. A rule set's fingerprint covers everything that can
change what the rules find:

* the contents of every file in every style folder the configuration loads (rule files, and word
  lists kept beside them), and of the bundled `rules/` data (presets, `rules/data/`);
* the configuration itself (preset, styles, settings, accepted words, selection, overrides ...);
* the code: stylecheck's version and its own source files (name, size, modification time), and
  the Python and `regex` versions (a compiled pattern is only valid for the engine that built it).

Contents, not modification times, for rule files: a checkout or a CI cache restore resets times.

Reading and hashing every rule file (and importing `hashlib`) on each start costs more than
linting an article, so the digest is memoized against the files' stat signatures (name, size,
modification and change times, inode), as git's index does: a file written since has a new
change time, which no one can set by hand. When every signature matches a memo entry, its digest
is used; otherwise the contents are hashed again.
"""
from __future__ import annotations

import os
import sys
from functools import lru_cache

from .version import __version__

# Folders inside a style tree that never hold rule data.
_SKIP_DIRS = {"__pycache__", ".git", ".hg", ".svn", "node_modules", ".venv", "venv"}
# A style folder larger than this is hashed by size and time only (a mistake, not a style).
_MAX_HASHED_BYTES = 64 * 1024 * 1024


@lru_cache(maxsize=1)
def code_signature() -> tuple:
    """Versions, and the name, size and modification time of every stylecheck source file."""
    import regex

    entries: list[object] = [f"stylecheck {__version__}", f"python {sys.version}", f"regex {regex.__version__}"]

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as found:
            items = sorted(found, key=lambda item: item.name)
        for item in items:
            if item.is_dir():
                if item.name not in _SKIP_DIRS and item.name != "bundled":
                    walk(item.path, prefix + item.name + "/")
            elif item.name.endswith(".py"):
                stat = item.stat()
                entries.append((prefix + item.name, stat.st_size, stat.st_mtime_ns))

    walk(os.path.dirname(os.path.realpath(__file__)), "")
    return tuple(entries)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of `code_signature()`."""
    import hashlib

    return hashlib.sha256(repr(code_signature()).encode()).hexdigest()


def tree_files(folder: str) -> list[str]:
    """Every file under `folder`, sorted, skipping hidden and tool folders."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if not name.startswith("."))
    return found


def _hash_tree(digest, folder: str) -> None:
    digest.update(f"tree {folder}\0".encode())
    total = 0
    for path in tree_files(folder):
        digest.update(os.path.relpath(path, folder).encode() + b"\0")
        try:
            with open(path, "rb") as handle:
                data = handle.read(_MAX_HASHED_BYTES - total + 1)
        except OSError as exc:
            digest.update(f"unreadable {exc.errno}\0".encode())
            continue
        total += len(data)
        if total > _MAX_HASHED_BYTES:
            stat = os.stat(path)
            digest.update(f"big {stat.st_size} {stat.st_mtime_ns}\0".encode())
            continue
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)


def _tree_signature(folder: str) -> tuple:
    entries: list[tuple] = []
    for path in tree_files(folder):
        try:
            st = os.stat(path)
        except OSError as exc:
            entries.append((path, "unreadable", exc.errno))
            continue
        entries.append((path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return tuple(entries)


def _folders(config) -> list[tuple[str, str | None]]:
    """(entry, folder) for every tree the digest covers; folder None for a style with no folder."""
    from .resources import bundled_rules_folder

    bundled = bundled_rules_folder()
    found: list[tuple[str, str | None]] = []
    for name in ("presets", "data"):
        if os.path.isdir(os.path.join(bundled, name)):
            found.append((os.path.join(bundled, name), os.path.join(bundled, name)))
    for entry in config.style_paths():
        found.append((entry, _folder_of(entry)))
    return found


def _content_digest(config, folders: list[tuple[str, str | None]]) -> str:
    import hashlib

    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(repr(config).encode())
    for entry, folder in folders:
        if folder is not None:
            _hash_tree(digest, folder)
        else:  # a built-in style (its rules are code) or a missing folder
            digest.update(f"no folder {entry}\0".encode())
    return digest.hexdigest()


# Digests remembered against stat signatures (see the module doc); a few configurations' worth.
# Each holds the stat signature of every rule and data file (several KB), and the whole memo is
# read on every start: kept small, it costs a fraction of a millisecond.
_MEMO_KIND, _MEMO_KEY, _MEMO_SIZE = "fingerprints", "stat-memo-v1", 6


def ruleset_digest(config) -> str:
    """The fingerprint of everything a Linter built from `config` depends on (see module doc)."""
    from .store import load_entry, store_entry

    folders = _folders(config)
    signature = (code_signature(), repr(config),
                 tuple((entry, _tree_signature(folder) if folder else None) for entry, folder in folders))
    memo = load_entry(_MEMO_KIND, _MEMO_KEY)
    if not isinstance(memo, dict):
        memo = {}
    digest = memo.get(signature)
    if isinstance(digest, str):
        return digest
    digest = _content_digest(config, folders)
    memo.pop(signature, None)
    memo[signature] = digest
    while len(memo) > _MEMO_SIZE:
        del memo[next(iter(memo))]
    store_entry(_MEMO_KIND, _MEMO_KEY, memo)
    return digest


def _folder_of(entry: str) -> str | None:
    """The folder a style entry names: a path, or a tagged path such as `vale:/styles/Google`."""
    if os.path.isdir(entry):
        return entry
    tag, sep, rest = entry.partition(":")
    if sep and tag.isalpha() and len(tag) > 1 and os.path.isdir(rest):
        return rest
    return None
