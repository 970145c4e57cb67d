"""Values that flow out of checks: Match (from a rule) and Diagnostic (to output)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("suggestion", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

CATEGORIES = (
    "pronoun", "date", "time", "money", "number", "percent",
    "abbreviation", "spelling-variant", "name-variant", "hyphenation",
    "quotes", "acronym", "typo", "style",
)


@dataclass(frozen=True, slots=True)
class Match:
    """What a rule yields: a span of the original text and what to say about it.

    `start` and `end` are code-point offsets into the ORIGINAL text (never a stripped copy).
    """

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    # Set by a rule that knows better than its definition's `level` (rare).
    severity: str | None = None


@dataclass(frozen=True, slots=True)
class Fix:
    """Replacing text[offset:offset+length] with `replacement`. `safe` fixes are applied by --fix."""

    offset: int
    length: int
    replacement: str
    safe: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "applicability": "safe" if self.safe else "unsafe",
            "edits": [{"offset": self.offset, "length": self.length, "replacement": self.replacement}],
        }


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    rule: str
    category: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    match: str
    suggestions: tuple[str, ...] = ()
    link: str = ""
    fix: Fix | None = field(default=None)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.offset, self.length, self.rule)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "match": self.match,
            "suggestions": list(self.suggestions),
        }
        if self.link:
            data["link"] = self.link
        if self.fix is not None:
            data["fix"] = self.fix.to_json()
        return data


@dataclass
class FileResult:
    """The outcome for one file: its diagnostics, or the one-line reason it could not be linted."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    # Non-fatal notices (a rule that ran out of time on this file, ...), printed to stderr.
    warnings: list[str] = field(default_factory=list)
