"""Output formats. Each is one module with `write(report, stream)`; imported only when chosen."""
from __future__ import annotations

import importlib

from ..diagnostic import FileResult
from ..record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import Any, TextIO

FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}


def _no_source_text(path: str) -> str | None:
    return None


class Report(Record):
    """Everything a formatter may show. A formatter never re-runs a rule.

    `source_text` reads a file's text for context lines (the CLI passes the texts it already
    decoded).
    """

    __slots__ = ("results", "color", "quiet", "fail_level", "source_text", "options")
    __hash__ = None  # type: ignore[assignment]  # holds lists and a dict

    def __init__(
        self,
        results: list[FileResult],
        color: bool = False,
        quiet: bool = False,
        fail_level: str = "error",
        source_text: Callable[[str], str | None] = _no_source_text,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.results = results
        self.color = color
        self.quiet = quiet
        self.fail_level = fail_level
        self.source_text = source_text
        self.options = {} if options is None else options

    def counts(self) -> dict[str, int]:
        counts = {"files": len(self.results), "errors": 0, "warnings": 0, "suggestions": 0, "failed_files": 0}
        for result in self.results:
            if result.error is not None:
                counts["failed_files"] += 1
            for d in result.diagnostics:
                counts[{"error": "errors", "warning": "warnings", "suggestion": "suggestions"}[d.severity]] += 1
        return counts


def writer(name: str) -> Callable[[Report, TextIO], None]:
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").write
