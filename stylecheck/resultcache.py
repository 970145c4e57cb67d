"""`--cache`: skip files that have not changed since the last run with the same rules.

One entry per file records the SHA-256 of its bytes and its findings. Entries live in one JSON
file per rule set, named by a key over `fingerprint.ruleset_digest` (rule files' contents, the
whole configuration, stylecheck's code and version) and the encoding: change a rule, a setting,
the preset or stylecheck itself and the old entries are simply never read again.

The folder is `.stylecheck_cache/` in the working directory (a CI cache can keep it), or
`--cache-dir`, or `STYLECHECK_CACHE_DIR`. It is plain JSON, never pickle: a cache restored from
somewhere else is data, not code. A file that cannot be read or parsed is a cache miss. Writes
are atomic (a temporary file, then a rename), so a killed run never leaves a torn cache.

Not cached: files that could not be read, and results with warnings (a rule that ran out of
time), which another run may finish.
"""
from __future__ import annotations

import hashlib
import json
import os

from .diagnostic import Diagnostic, Edit, FileResult, Fix

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

DEFAULT_DIR = ".stylecheck_cache"
ENV_DIR = "STYLECHECK_CACHE_DIR"
_FORMAT = 2  # 2: a fix is edits plus an applicability
_DIAGNOSTIC_FIELDS = [name for name in Diagnostic.fields() if name not in ("path", "fix")]
# Fields held as tuples, which JSON gives back as lists (read from `__init__`'s type hints).
_TUPLE_FIELDS = {name for name, hint in Diagnostic.__init__.__annotations__.items() if str(hint).startswith("tuple")}


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cache_folder(explicit: str | None) -> str:
    return explicit or os.environ.get(ENV_DIR) or DEFAULT_DIR


class ResultCache:
    """The cached results of one rule set (one configuration and encoding)."""

    def __init__(self, folder: str, config: Any, encoding: str) -> None:
        from .fingerprint import ruleset_digest

        key = hashlib.sha256(f"{_FORMAT}\0{ruleset_digest(config)}\0{encoding}".encode()).hexdigest()
        self.path = os.path.join(folder, f"results-{key[:40]}.json")
        self.key = key
        self.entries: dict[str, dict[str, Any]] = self._read()
        self.changed = False

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("key") != self.key or not isinstance(data.get("files"), dict):
            return {}
        return data["files"]

    def get(self, path: str, digest: str) -> FileResult | None:
        entry = self.entries.get(path)
        if not isinstance(entry, dict) or entry.get("sha256") != digest:
            return None
        try:
            return FileResult(path, [_diagnostic(path, item) for item in entry["diagnostics"]])
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, result: FileResult, digest: str) -> None:
        if result.error is not None or result.warnings:
            return
        self.entries[result.path] = {"sha256": digest, "diagnostics": [_record(d) for d in result.diagnostics]}
        self.changed = True

    def save(self) -> None:
        """Write the entries back, atomically; a cache that cannot be written is only a warning."""
        if not self.changed:
            return
        from .fileio import atomic_write_bytes

        folder = os.path.dirname(self.path)
        os.makedirs(folder, exist_ok=True)
        tag = os.path.join(folder, "CACHEDIR.TAG")
        if not os.path.exists(tag):  # backup tools skip a folder with this tag
            atomic_write_bytes(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n# stylecheck's --cache\n")
        gitignore = os.path.join(folder, ".gitignore")
        if not os.path.exists(gitignore):
            atomic_write_bytes(gitignore, b"*\n")
        body = json.dumps({"key": self.key, "files": self.entries}, ensure_ascii=False, separators=(",", ":"))
        atomic_write_bytes(self.path, body.encode("utf-8"))
        self.changed = False


def _record(d: Diagnostic) -> dict[str, Any]:
    record = {name: getattr(d, name) for name in _DIAGNOSTIC_FIELDS}
    for name in _TUPLE_FIELDS:
        record[name] = list(record[name])
    if d.fix is not None:
        record["fix"] = [d.fix.applicability, [[e.start, e.end, e.replacement] for e in d.fix.edits]]
    return record


def _diagnostic(path: str, record: dict[str, Any]) -> Diagnostic:
    values = {name: record[name] for name in _DIAGNOSTIC_FIELDS}
    for name in _TUPLE_FIELDS:
        values[name] = tuple(values[name])
    fix = record.get("fix")
    if fix:
        applicability, edits = fix
        fix = Fix(tuple(Edit(*e) for e in edits), applicability)
    return Diagnostic(path=path, fix=fix or None, **values)
