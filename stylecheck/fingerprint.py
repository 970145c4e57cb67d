"""Fingerprints of a rule set: what the compiled-rules cache and `--cache` are keyed on.

A cached thing is only as good as its key. A rule set's fingerprint covers everything that can
change what the rules find:

* the contents of every file in every style folder the configuration loads (rule files, and word
  lists kept beside them), and of the bundled `rules/` data (presets, `rules/data/`);
* the configuration itself (preset, styles, settings, accepted words, selection, overrides ...);
* the code: stylecheck's version and its own source files (name, size, modification time), and
  the Python and `regex` versions (a compiled pattern is only valid for the engine that built it).

Contents, not modification times, for rule files: a checkout or a CI cache restore resets times.
"""
from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path

from . import __version__

# Folders inside a style tree that never hold rule data.
_SKIP_DIRS = {"__pycache__", ".git", ".hg", ".svn", "node_modules", ".venv", "venv"}
# A style folder larger than this is hashed by size and time only (a mistake, not a style).
_MAX_HASHED_BYTES = 64 * 1024 * 1024


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Versions, and the name, size and modification time of every stylecheck source file."""
    import regex

    digest = hashlib.sha256()
    digest.update(f"stylecheck {__version__}\0python {sys.version}\0regex {regex.__version__}\0".encode())
    package = Path(__file__).resolve().parent
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and d != "bundled")
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(root, name))
                rel = os.path.relpath(os.path.join(root, name), package)
                digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def tree_files(folder: str) -> list[str]:
    """Every file under `folder`, sorted, skipping hidden and tool folders."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(files) if not name.startswith("."))
    return found


def _hash_tree(digest: "hashlib._Hash", folder: str) -> None:
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


def ruleset_digest(config) -> str:
    """The fingerprint of everything a Linter built from `config` depends on (see module doc)."""
    from .loader import bundled_rules_dir

    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(repr(config).encode())
    bundled = bundled_rules_dir()
    for folder in ("presets", "data"):
        if (bundled / folder).is_dir():
            _hash_tree(digest, str(bundled / folder))
    for entry in config.style_paths():
        path = _folder_of(entry)
        if path is not None:
            _hash_tree(digest, path)
        else:  # a built-in style (its rules are code) or a missing folder
            digest.update(f"no folder {entry}\0".encode())
    return digest.hexdigest()


def _folder_of(entry: str) -> str | None:
    """The folder a style entry names: a path, or a tagged path such as `vale:/styles/Google`."""
    if os.path.isdir(entry):
        return entry
    tag, sep, rest = entry.partition(":")
    if sep and tag.isalpha() and len(tag) > 1 and os.path.isdir(rest):
        return rest
    return None
