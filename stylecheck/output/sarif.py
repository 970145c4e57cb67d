"""`--format sarif`: SARIF 2.1.0, the format GitHub code scanning (and many other tools) read.

One run; the driver lists every rule that has a finding, each result points at its rule by index.
Columns and character offsets count Unicode code points (declared with `columnKind`), the same
units as the JSON output. A file that could not be linted becomes a tool execution notification
and marks the invocation unsuccessful. Suggestions become SARIF `fixes`.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from ..version import __version__
from ..diagnostic import Diagnostic
from . import Report

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, TextIO

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def artifact_uri(path: str) -> dict[str, str]:
    """A relative path stays relative (code scanning resolves it against the checkout root)."""
    if os.path.isabs(path):
        return {"uri": "file://" + quote(path.replace(os.sep, "/"))}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


def _region(d: Diagnostic, *, snippet: bool) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": d.line,
        "startColumn": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
        "charOffset": d.offset,
        "charLength": d.length,
    }
    if snippet:
        region["snippet"] = {"text": d.match}
    return region


def _message(d: Diagnostic) -> str:
    if d.suggestions:
        return f"{d.message} Suggestion: {' / '.join(repr(s) for s in d.suggestions)}."
    return d.message


def _rule_descriptor(d: Diagnostic) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": d.rule,
        "name": d.rule.rsplit(".", 1)[-1],
        "shortDescription": {"text": f"{d.rule} ({d.category})"},
        "defaultConfiguration": {"level": LEVELS[d.severity]},
        "properties": {"category": d.category, "tags": sorted({"editorial", d.category})},
    }
    if d.link:
        descriptor["helpUri"] = d.link
    return descriptor


def _result(d: Diagnostic, rule_index: int) -> dict[str, Any]:
    location = {"physicalLocation": {"artifactLocation": artifact_uri(d.path), "region": _region(d, snippet=True)}}
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": _message(d)},
        "locations": [location],
        "properties": {"category": d.category, "severity": d.severity},
    }
    if d.suggestions:
        result["fixes"] = [
            {
                "description": {"text": f"Replace {d.match!r} with {suggestion!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact_uri(d.path),
                        "replacements": [
                            {"deletedRegion": _region(d, snippet=False), "insertedContent": {"text": suggestion}}
                        ],
                    }
                ],
            }
            for suggestion in d.suggestions
        ]
    return result


def to_dict(report: Report) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file_result in report.results:
        if file_result.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": f"{file_result.path}: {file_result.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(file_result.path)}}],
            })
            continue
        for d in file_result.diagnostics:
            if d.rule not in rule_index:
                rule_index[d.rule] = len(rules)
                rules.append(_rule_descriptor(d))
            results.append(_result(d, rule_index[d.rule]))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "stylecheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def write(report: Report, stream: TextIO) -> None:
    json.dump(to_dict(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
