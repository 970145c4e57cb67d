"""`--format text`: `path:line:col: severity [Rule.Id] message`, the line, and the match underlined."""
from __future__ import annotations


from ..diagnostic import Diagnostic
from ..lines import LineIndex
from . import Report

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import TextIO

_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "suggestion": "\x1b[1;36m"}
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"
_CONTEXT_WIDTH = 100


def write(report: Report, stream: TextIO) -> None:
    paint = _painter(report.color)
    for result in report.results:
        if result.error is not None:
            stream.write(f"{paint(result.path, _BOLD)}: {paint('error', _COLORS['error'])}: {result.error}\n")
            continue
        if not result.diagnostics:
            continue
        text = None if report.quiet else report.source_text(result.path)
        index = LineIndex(text) if text is not None else None
        for d in result.diagnostics:
            stream.write(
                f"{paint(d.path, _BOLD)}:{d.line}:{d.column}: {paint(d.severity, _COLORS[d.severity])} "
                f"[{d.rule}] {d.message}\n"
            )
            if index is not None and text is not None:
                stream.write(_context(d, text, index, paint))
    if not report.quiet:
        stream.write(summary_line(report) + "\n")


def _context(d: Diagnostic, text: str, index: LineIndex, paint) -> str:
    start, end = index.line_span(d.line, text)
    line = text[start:end]
    col = d.column - 1
    if len(line) > _CONTEXT_WIDTH:
        # Show a window around the match, not a whole 300-character paragraph.
        left = max(0, col - _CONTEXT_WIDTH // 3)
        right = min(len(line), max(left + _CONTEXT_WIDTH, col + d.length))
        line = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
        col = col - left + (1 if left else 0)
    width = max(1, (d.length if d.end_line == d.line else len(line) - col))
    gutter = str(d.line).rjust(5)
    pad = "".join(c if c == "\t" else " " for c in line[:col])
    carets = "^" * min(width, max(1, len(line) - col))
    return f"{paint(gutter + ' |', _DIM)} {line}\n{paint(' ' * 5 + ' |', _DIM)} {pad}{paint(carets, _COLORS[d.severity])}\n"


def summary_line(report: Report) -> str:
    c = report.counts()
    problems = c["errors"] + c["warnings"] + c["suggestions"]
    files = c["files"] - c["failed_files"]
    noun = "file" if files == 1 else "files"
    if problems:
        parts = [f"{c['errors']} error{'s' * (c['errors'] != 1)}", f"{c['warnings']} warning{'s' * (c['warnings'] != 1)}",
                 f"{c['suggestions']} suggestion{'s' * (c['suggestions'] != 1)}"]
        line = f"Found {problems} problem{'s' * (problems != 1)} ({', '.join(parts)}) in {files} {noun}."
    else:
        line = f"No problems found in {files} {noun}."
    if c["failed_files"]:
        line += f" {c['failed_files']} {'file' if c['failed_files'] == 1 else 'files'} could not be linted."
    return line


def _painter(color: bool):
    if not color:
        return lambda text, code: text
    return lambda text, code: f"{code}{text}{_RESET}"
