"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::error file=news/a.txt,line=3,col=5,endLine=3,endColumn=12,title=House.DoubledWord::'the' is repeated.

GitHub reads these lines from a step's log and pins each one to the file and line in the pull
request. Values are escaped as the Actions runner unescapes them: `%`, CR and LF everywhere, and
also `:` and `,` inside properties (they separate the properties themselves).
"""
from __future__ import annotations


from ..diagnostic import Diagnostic
from . import Report

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import TextIO

# Our severities onto GitHub's three annotation levels.
LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (after `::`)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (`file=`, `title=` ...)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def _message(d: Diagnostic) -> str:
    if d.suggestions:
        return f"{d.message} Suggestion: {' / '.join(d.suggestions)}"
    return d.message


def annotation(d: Diagnostic) -> str:
    # endColumn is exclusive, like the JSON output's end_column (ruff's `github` format does the same).
    return command(
        LEVELS[d.severity], _message(d),
        file=d.path, line=d.line, col=d.column, endLine=d.end_line, endColumn=d.end_column,
        title=f"{d.rule} ({d.severity})",
    )


def write(report: Report, stream: TextIO) -> None:
    for result in report.results:
        if result.error is not None:
            stream.write(command("error", result.error, file=result.path, title="stylecheck: file not linted") + "\n")
            continue
        for d in result.diagnostics:
            stream.write(annotation(d) + "\n")
