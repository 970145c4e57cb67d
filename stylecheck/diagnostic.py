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


# How a fix may be applied, as in ruff: `safe` by --fix, `unsafe` only with --unsafe-fixes (the
# writer should look), `display` never (shown to the writer as a suggestion, not an edit to make).
APPLICABILITIES = ("safe", "unsafe", "display")


class Edit(Record):
    """Replace text[start:end] with `replacement` (code-point offsets into the original text)."""

    __slots__ = ("start", "end", "replacement")

    def __init__(self, start: int, end: int, replacement: str) -> None:
        self.start = start
        self.end = end
        self.replacement = replacement

    @property
    def offset(self) -> int:
        return self.start

    @property
    def length(self) -> int:
        return self.end - self.start

    def to_json(self) -> dict[str, Any]:
        return {"offset": self.start, "length": self.end - self.start, "replacement": self.replacement}


class Fix(Record):
    """A finding's fix: edits applied together, and how safely (see APPLICABILITIES).

    Set by the rule that knows: a rule's YAML says `fix: safe` for its fixes in general, and a rule
    type may say `Match(..., applicability="unsafe")` of one finding that a reading could make
    wrong. The engine, `--fix`, the JSON and SARIF output and the language server all read this."""

    __slots__ = ("edits", "applicability")

    def __init__(self, edits: tuple[Edit, ...], applicability: str = "unsafe") -> None:
        assert applicability in APPLICABILITIES, applicability
        self.edits = edits
        self.applicability = applicability

    @property
    def safe(self) -> bool:
        return self.applicability == "safe"

    def applicable(self, unsafe: bool = False) -> bool:
        """Does `--fix` apply it (with `--unsafe-fixes` when `unsafe`)?"""
        return self.applicability == "safe" or (unsafe and self.applicability == "unsafe")

    def to_json(self) -> dict[str, Any]:
        return {"applicability": self.applicability, "edits": [e.to_json() for e in self.edits]}


class Match(Record):
    """What a rule yields: a span of the original text and what to say about it.

    `start` and `end` are code-point offsets into the ORIGINAL text (never a stripped copy).
    `severity` is set by a rule that knows better than its definition's `level` (rare).
    `applicability` is set by a rule that knows how safe this finding's fix is (the first
    suggestion, replacing the span), over the rule's `fix:` setting; `fix` by a rule whose fix is
    more than that (several edits).
    """

    __slots__ = ("start", "end", "message", "suggestions", "severity", "applicability", "fix")

    def __init__(
        self,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] = (),
        severity: str | None = None,
        applicability: str | None = None,
        fix: Fix | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.message = message
        self.suggestions = suggestions
        self.severity = severity
        self.applicability = applicability
        self.fix = fix


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
