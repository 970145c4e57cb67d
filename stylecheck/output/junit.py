"""`--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure ...).

One <testsuite> per file. Each finding is a <testcase> with a <failure>; a clean file is one
passing <testcase>; a file that could not be read is one <testcase> with an <error>.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..diagnostic import Diagnostic, FileResult
from . import Report

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import TextIO

SUITES_NAME = "stylecheck"
# Characters XML 1.0 cannot carry at all, not even escaped: an article may still contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _finding(d: Diagnostic) -> ET.Element:
    case = ET.Element("testcase", {
        "name": f"{d.rule} at {d.line}:{d.column}",
        "classname": _x(d.path),
        "file": _x(d.path),
        "line": str(d.line),
        "time": "0",
    })
    suggestion = f"\nSuggestion: {' / '.join(d.suggestions)}" if d.suggestions else ""
    failure = ET.SubElement(case, "failure", {"message": _x(d.message), "type": f"{d.severity}: {d.rule}"})
    failure.text = _x(
        f"{d.path}:{d.line}:{d.column}: {d.severity} [{d.rule}] {d.message}\n"
        f"Match: {d.match}{suggestion}\n"
    )
    return case


def _suite(result: FileResult) -> ET.Element:
    path = _x(result.path)
    suite = ET.Element("testsuite", {"name": path})
    if result.error is not None:
        case = ET.SubElement(suite, "testcase", {"name": "read", "classname": path, "file": path, "time": "0"})
        ET.SubElement(case, "error", {"message": _x(result.error), "type": "unreadable"}).text = _x(f"{result.path}: {result.error}\n")
        counts = (1, 0, 1)
    elif not result.diagnostics:
        ET.SubElement(suite, "testcase", {"name": "no findings", "classname": path, "file": path, "time": "0"})
        counts = (1, 0, 0)
    else:
        suite.extend(_finding(d) for d in result.diagnostics)
        counts = (len(result.diagnostics), len(result.diagnostics), 0)
    suite.attrib.update(tests=str(counts[0]), failures=str(counts[1]), errors=str(counts[2]), skipped="0", time="0")
    return suite


def to_element(report: Report) -> ET.Element:
    root = ET.Element("testsuites", {"name": SUITES_NAME})
    totals = [0, 0, 0]
    for result in report.results:
        suite = _suite(result)
        root.append(suite)
        for i, key in enumerate(("tests", "failures", "errors")):
            totals[i] += int(suite.get(key, "0"))
    root.attrib.update(tests=str(totals[0]), failures=str(totals[1]), errors=str(totals[2]), time="0")
    return root


def write(report: Report, stream: TextIO) -> None:
    root = to_element(report)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
