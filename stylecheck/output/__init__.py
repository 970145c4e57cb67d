"""Output formats. Each is one module with `write(report, stream)`; imported only when chosen."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, TextIO

from ..diagnostic import FileResult

FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}


@dataclass
class Report:
    """Everything a formatter may show. A formatter never re-runs a rule."""

    results: list[FileResult]
    color: bool = False
    quiet: bool = False
    fail_level: str = "error"
    # Reads a file's text for context lines (the CLI passes the texts it already decoded).
    source_text: Callable[[str], str | None] = lambda path: None
    options: dict[str, Any] = field(default_factory=dict)

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
