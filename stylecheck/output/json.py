"""`--format json`: the stable contract for editors and CI scripts (version 1, see README)."""
from __future__ import annotations

import json

from . import Report

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, TextIO

VERSION = 1


def to_dict(report: Report) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for result in report.results:
        if result.error is not None:
            files.append({"path": result.path, "error": result.error})
        else:
            files.append({"path": result.path, "diagnostics": [d.to_json() for d in result.diagnostics]})
        if result.warnings:  # notices: a file skipped (binary, too large), a rule out of time
            files[-1]["warnings"] = list(result.warnings)
    return {"version": VERSION, "files": files, "summary": report.counts()}


def write(report: Report, stream: TextIO) -> None:
    json.dump(to_dict(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
