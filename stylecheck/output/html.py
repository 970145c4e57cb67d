"""`--format html`: one self-contained page for an editor to read.

Every article with findings is shown with each finding highlighted where it is, coloured by
severity; hovering a highlight shows the message and suggestion (and lights the finding up in the
side panel); a table sums up the findings per rule. No rule runs here: the highlights are cut from
each file's text at the diagnostics' code-point offsets.

Overlapping findings are drawn by cutting the text at every start and end: each piece becomes one
<mark> that lists, in `data-d`, every finding covering it. A finding's text is the concatenation of
the pieces that list it. The page loads nothing from outside (a Content-Security-Policy says so).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone
from html import escape

from ..version import __version__
from ..diagnostic import SEVERITY_RANK, Diagnostic, FileResult
from . import Report

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import TextIO

_SEVERITY_ORDER = ("error", "warning", "suggestion")

_CSS = """
:root { --error: #d93025; --error-bg: #fde2e0; --warning: #b06000; --warning-bg: #fef0c7;
  --suggestion: #1a73e8; --suggestion-bg: #dbeafe; --ink: #1f2328; --muted: #59636e; --rule: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8fa; }
header { padding: 16px 24px; background: #fff; border-bottom: 1px solid var(--rule); }
header h1 { margin: 0 0 4px; font-size: 20px; }
header p { margin: 0; color: var(--muted); }
main { padding: 16px 24px; }
section, article { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; margin-bottom: 16px; }
h2 { font-size: 16px; margin: 0 0 8px; word-break: break-all; }
h2 .counts { font-weight: normal; color: var(--muted); font-size: 14px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend span { margin-right: 12px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.badge.sev-error { background: var(--error-bg); color: var(--error); }
.badge.sev-warning { background: var(--warning-bg); color: var(--warning); }
.badge.sev-suggestion { background: var(--suggestion-bg); color: var(--suggestion); }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(240px, 2fr); gap: 16px; align-items: start; }
pre.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.7 Georgia, "Times New Roman", serif; }
mark { color: inherit; border-radius: 2px; padding: 1px 0; cursor: help; }
mark.sev-error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: var(--warning-bg); border-bottom: 2px solid var(--warning); }
mark.sev-suggestion { background: var(--suggestion-bg); border-bottom: 2px solid var(--suggestion); }
mark.empty::after { content: "\\2038"; color: var(--error); }
mark.active, li.finding.active { outline: 2px solid var(--ink); }
aside { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; font-size: 14px; }
aside ol { list-style: none; margin: 0; padding: 0; }
li.finding { padding: 6px 8px; margin-bottom: 6px; border-left: 4px solid var(--rule); background: #fafbfc; border-radius: 0 4px 4px 0; }
li.finding.sev-error { border-left-color: var(--error); }
li.finding.sev-warning { border-left-color: var(--warning); }
li.finding.sev-suggestion { border-left-color: var(--suggestion); }
li.finding a.pos { color: var(--muted); text-decoration: none; font-variant-numeric: tabular-nums; }
li.finding .rule { font-family: ui-monospace, monospace; font-size: 12px; }
li.finding .suggest { display: block; color: #116329; }
.errors li { color: var(--error); }
.clean { color: var(--muted); }
@media (max-width: 800px) { .layout { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
"""

# Hover a mark: light up its findings in the side panel; click a finding: jump to its mark.
_JS = """
(function () {
  function findings(mark) {
    return (mark.getAttribute("data-d") || "").split(" ").filter(Boolean)
      .map(function (id) { return document.getElementById(id); }).filter(Boolean);
  }
  document.querySelectorAll("pre.text mark").forEach(function (mark) {
    mark.addEventListener("mouseenter", function () {
      findings(mark).forEach(function (li, i) {
        li.classList.add("active");
        if (i === 0) { li.scrollIntoView({block: "nearest"}); }
      });
    });
    mark.addEventListener("mouseleave", function () {
      findings(mark).forEach(function (li) { li.classList.remove("active"); });
    });
  });
  document.querySelectorAll("li.finding").forEach(function (li) {
    li.addEventListener("mouseenter", function () {
      document.querySelectorAll('mark[data-d~="' + li.id + '"]').forEach(function (m) { m.classList.add("active"); });
    });
    li.addEventListener("mouseleave", function () {
      document.querySelectorAll('mark[data-d~="' + li.id + '"]').forEach(function (m) { m.classList.remove("active"); });
    });
  });
})();
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _safe_link(url: str) -> str | None:
    """Rule links come from YAML anyone may write: only web links become <a href>."""
    return url if url.lower().startswith(("https://", "http://")) else None


def _tooltip(d: Diagnostic) -> str:
    text = f"{d.severity} [{d.rule}] {d.message}"
    if d.suggestions:
        text += f"\nSuggestion: {' / '.join(d.suggestions)}"
    return text


def _worst(diagnostics: list[Diagnostic]) -> str:
    return max((d.severity for d in diagnostics), key=SEVERITY_RANK.__getitem__)


def highlight(text: str, diagnostics: list[Diagnostic], ids: list[str]) -> str:
    """`text` as HTML with every diagnostic's span wrapped in <mark> pieces (see module doc)."""
    cuts = {0, len(text)}
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    empties: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(diagnostics):
        start, end = d.offset, d.offset + d.length
        if start == end:
            empties[start].append(i)
        else:
            starts[start].append(i)
            ends[end].append(i)
        cuts.update((start, end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    active: list[int] = []
    anchored: set[int] = set()
    out: list[str] = []

    def mark(covering: list[int], body: str, extra: str = "") -> str:
        found = [diagnostics[i] for i in covering]
        anchor = ""
        first = [i for i in covering if i not in anchored]
        if first:
            anchored.update(first)
            anchor = f' id="m-{ids[first[0]]}"'
        return (
            f'<mark{anchor} class="sev-{_worst(found)}{extra}" data-d="{" ".join(ids[i] for i in covering)}" '
            f'title="{_e(chr(10).join(_tooltip(d) for d in found))}">{body}</mark>'
        )

    for here, after in zip(points, points[1:] + [None]):
        for i in ends.get(here, ()):
            active.remove(i)
        if empties.get(here):
            out.append(mark(empties[here], "", " empty"))
        active.extend(starts.get(here, ()))
        if after is None:
            break
        piece = _e(text[here:after])
        out.append(mark(sorted(active), piece) if active else piece)
    return "".join(out)


def _finding_item(d: Diagnostic, ident: str) -> str:
    suggestion = ""
    if d.suggestions:
        suggestion = f'<span class="suggest">→ {" / ".join(_e(s) for s in d.suggestions)}</span>'
    return (
        f'<li id="{ident}" class="finding sev-{d.severity}" data-offset="{d.offset}" data-length="{d.length}" '
        f'data-rule="{_e(d.rule)}" data-severity="{d.severity}">'
        f'<a class="pos" href="#m-{ident}">{d.line}:{d.column}</a> '
        f'<span class="badge sev-{d.severity}">{d.severity}</span> <span class="rule">{_e(d.rule)}</span><br>'
        f'<span class="message">{_e(d.message)}</span>{suggestion}</li>'
    )


def _article(number: int, result: FileResult, text: str | None) -> str:
    ids = [f"f{number}d{i}" for i in range(len(result.diagnostics))]
    by_severity = defaultdict(int)
    for d in result.diagnostics:
        by_severity[d.severity] += 1
    counts = ", ".join(f"{by_severity[s]} {s}{'s' * (by_severity[s] != 1)}" for s in _SEVERITY_ORDER if by_severity[s])
    if text is None:
        body = '<p class="clean">The text of this file is not available to the report.</p>'
    else:
        body = f'<pre class="text">{highlight(text, result.diagnostics, ids)}</pre>'
    items = "".join(_finding_item(d, ident) for d, ident in zip(result.diagnostics, ids))
    return (
        f'<article class="file" id="f{number}" data-path="{_e(result.path)}">'
        f'<h2>{_e(result.path)} <span class="counts">({counts})</span></h2>'
        f'<div class="layout">{body}<aside><ol>{items}</ol></aside></div></article>'
    )


def _rule_table(results: list[FileResult]) -> str:
    findings: dict[str, list[Diagnostic]] = defaultdict(list)
    files: dict[str, set[str]] = defaultdict(set)
    for result in results:
        for d in result.diagnostics:
            findings[d.rule].append(d)
            files[d.rule].add(result.path)
    if not findings:
        return '<section id="rules"><h2>Findings by rule</h2><p class="clean">No findings.</p></section>'
    rows = []
    for rule, found in sorted(findings.items(), key=lambda item: (-len(item[1]), item[0])):
        first = found[0]
        link = _safe_link(first.link)
        name = f'<a href="{_e(link)}">{_e(rule)}</a>' if link else _e(rule)
        severities = " ".join(
            f'<span class="badge sev-{s}">{s}</span>' for s in _SEVERITY_ORDER if any(d.severity == s for d in found)
        )
        rows.append(
            f'<tr data-rule="{_e(rule)}"><td>{name}</td><td>{_e(first.category)}</td><td>{severities}</td>'
            f'<td class="num">{len(found)}</td><td class="num">{len(files[rule])}</td></tr>'
        )
    return (
        '<section id="rules"><h2>Findings by rule</h2><table><thead><tr><th>Rule</th><th>Category</th>'
        '<th>Severity</th><th class="num">Findings</th><th class="num">Files</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></section>'
    )


def render(report: Report) -> str:
    c = report.counts()
    problems = c["errors"] + c["warnings"] + c["suggestions"]
    def count(n: int, noun: str) -> str:
        return f"{n} {noun}{'s' * (n != 1)}"

    summary = (
        f"{count(problems, 'finding')} ({count(c['errors'], 'error')}, {count(c['warnings'], 'warning')}, "
        f"{count(c['suggestions'], 'suggestion')}) in {count(c['files'], 'file')}"
    )
    if c["failed_files"]:
        summary += f"; {c['failed_files']} could not be linted"
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>stylecheck report: {_e(summary)}</title><style>{_CSS}</style></head><body>",
        f'<header><h1>stylecheck report</h1><p id="summary">{_e(summary)}. '
        f"Fail level: {_e(report.fail_level)}. stylecheck {__version__}, {when}.</p>"
        '<p class="legend"><span class="badge sev-error">error</span><span class="badge sev-warning">warning</span>'
        '<span class="badge sev-suggestion">suggestion</span> Hover a highlight for its message and suggestion.</p>'
        "</header><main>",
        _rule_table(report.results),
    ]
    unreadable = [r for r in report.results if r.error is not None]
    if unreadable:
        items = "".join(f"<li><b>{_e(r.path)}</b>: {_e(r.error)}</li>" for r in unreadable)
        parts.append(f'<section id="unreadable" class="errors"><h2>Files not linted</h2><ul>{items}</ul></section>')
    for number, result in enumerate(report.results, 1):
        if result.error is None and result.diagnostics:
            parts.append(_article(number, result, report.source_text(result.path)))
    clean = [r.path for r in report.results if r.error is None and not r.diagnostics]
    if clean:
        items = "".join(f"<li>{_e(p)}</li>" for p in clean)
        parts.append(f'<section id="clean"><h2>Files without findings ({len(clean)})</h2><ul class="clean">{items}</ul></section>')
    parts.append(f"</main><script>{_JS}</script></body></html>\n")
    return "".join(parts)


def write(report: Report, stream: TextIO) -> None:
    stream.write(render(report))
