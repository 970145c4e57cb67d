"""Values that flow out of checks: Match (from a rule) and Diagnostic (to output)."""
from __future__ import annotations

from .record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

SEVERITIES = ("suggestion", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

CATEGORIES = (
    "pronoun", "date", "time", "money", "number", "percent",
    "abbreviation", "spelling-variant", "name-variant", "hyphenation",
    "quotes", "acronym", "typo", "style",
)


class Match(Record):
    """What a rule yields: a span of the original text and what to say about it.

    `start` and `end` are code-point offsets into the ORIGINAL text (never a stripped copy).
    `severity` is set by a rule that knows better than its definition's `level` (rare).
    """

    __slots__ = ("start", "end", "message", "suggestions", "severity")

    def __init__(
        self, start: int, end: int, message: str, suggestions: tuple[str, ...] = (), severity: str | None = None
    ) -> None:
        self.start = start
        self.end = end
        self.message = message
        self.suggestions = suggestions
        self.severity = severity


class Fix(Record):
    """Replacing text[offset:offset+length] with `replacement`. `safe` fixes are applied by --fix."""

    __slots__ = ("offset", "length", "replacement", "safe")

    def __init__(self, offset: int, length: int, replacement: str, safe: bool) -> None:
        self.offset = offset
        self.length = length
        self.replacement = replacement
        self.safe = safe

    def to_json(self) -> dict[str, Any]:
        return {
            "applicability": "safe" if self.safe else "unsafe",
            "edits": [{"offset": self.offset, "length": self.length, "replacement": self.replacement}],
        }


class Diagnostic(Record):
    """One finding, ready for output: 1-based line and column, code-point offset and length."""

    __slots__ = (
        "path", "rule", "category", "severity", "message", "line", "column", "end_line", "end_column",
        "offset", "length", "match", "suggestions", "link", "fix",
    )

    def __init__(
        self,
        path: str,
        rule: str,
        category: str,
        severity: str,
        message: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        offset: int,
        length: int,
        match: str,
        suggestions: tuple[str, ...] = (),
        link: str = "",
        fix: Fix | None = None,
    ) -> None:
        self.path = path
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.offset = offset
        self.length = length
        self.match = match
        self.suggestions = suggestions
        self.link = link
        self.fix = fix

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


class FileResult(Record):
    """The outcome for one file: its diagnostics, or the one-line reason it could not be linted.

    `warnings` are non-fatal notices (a rule that ran out of time on this file, ...), printed to
    stderr.
    """

    __slots__ = ("path", "diagnostics", "error", "warnings")
    __hash__ = None  # type: ignore[assignment]  # mutable: its lists grow

    def __init__(
        self,
        path: str,
        diagnostics: list[Diagnostic] | None = None,
        error: str | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.error = error
        self.warnings = [] if warnings is None else warnings
