"""`--format html`: one self-contained page; marks on the right words, checked in a real Chromium."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from stylecheck.diagnostic import Diagnostic
from stylecheck.output.html import highlight

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's 'chromium' is not installed (.ci/run installs it: apt-get install -y chromium)"
)
SCREENSHOT = ROOT / "tests" / "artifacts" / "report.png"

# A suggestion-level user rule that overlaps the doubled word: "the [the budget]".
BUDGET_RULE = """\
extends: existence
message: "Say which budget: '%s' is vague."
level: suggestion
category: style
tokens: [the budget]
"""

MARKDOWN_ARTICLE = (
    "# Council <b>vote</b> & \"spending\"\n"
    "\n"
    "Party hats 🎉 came out when the the budget passed, 5 < 6 & \"final\".\n"
    "\n"
    "<script>document.title = 'x'</script>\n"
    "\n"
    "The U.S. grant helped; US aid did not.\n"
)
# CRLF line ends: the browser shows them as LF, so texts are compared with CR LF folded to LF.
WIRE_ARTICLE = "Reporting by the Riverton LedgerDana Whitfield.\r\nThe the end.\r\n"


def _diag(offset: int, length: int, text: str, severity: str = "error", rule: str = "T.R") -> Diagnostic:
    return Diagnostic("a.txt", rule, "style", severity, f"msg {rule}", 1, offset + 1, 1, offset + length + 1,
                      offset, length, text[offset:offset + length])


class _Marks(HTMLParser):
    """Rebuild plain text and each finding's text from highlight()'s HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.by_id: dict[str, str] = {}
        self.stack: list[list[str]] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag == "mark"
        attrs = dict(attrs)
        self.stack.append((attrs.get("data-d") or "").split())
        self.classes.append(attrs["class"])
        for ident in self.stack[-1]:
            self.by_id.setdefault(ident, "")

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.text += data
        for ids in self.stack:
            for ident in ids:
                self.by_id[ident] += data


def _parse(fragment: str) -> _Marks:
    parser = _Marks()
    parser.feed(fragment)
    parser.close()
    return parser


def test_highlight_escapes_text_and_cuts_overlapping_spans():
    text = 'a <b>&amp; "q" the the budget\'s end'
    doubled = text.index("the the")
    budget = text.index("the budget")
    diagnostics = [
        _diag(text.index("<b>"), 3, text, "warning"),
        _diag(doubled, 7, text, "error"),
        _diag(budget, 10, text, "suggestion"),
        _diag(len(text) - 3, 3, text, "suggestion"),
        _diag(1, 0, text, "error"),  # an insertion point: an empty mark
    ]
    ids = [f"d{i}" for i in range(len(diagnostics))]
    fragment = highlight(text, diagnostics, ids)
    assert "<b>" not in fragment and "&amp;amp;" in fragment
    parsed = _parse(fragment)
    assert parsed.text == text
    assert parsed.by_id == {ident: d.match for ident, d in zip(ids, diagnostics)}
    marks = re.findall(r'<mark (?:id="([^"]+)" )?class="([^"]+)" data-d="([^"]*)" title="[^"]*">(.*?)</mark>', fragment)
    # The crossing spans become three pieces; the shared one takes the worse severity; each
    # finding's first piece carries the anchor the side panel links to.
    assert [m for m in marks if "d1" in m[2] or "d2" in m[2]] == [
        ("m-d1", "sev-error", "d1", "the "),
        ("m-d2", "sev-error", "d1 d2", "the"),
        ("", "sev-suggestion", "d2", " budget"),
    ]
    assert marks[0] == ("m-d4", "sev-error empty", "d4", "")


def test_html_goes_to_one_file_with_output_and_loads_nothing_from_outside(cli, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("a.md", MARKDOWN_ARTICLE, dedent=False)
    write("clean.txt", "The council met on Tuesday.\n")
    (tmp_path / "bad.txt").write_bytes(b"<caf\xe9>\n")
    out = tmp_path / "report.html"
    result = cli("--format", "html", "-o", str(out), "a.md", "clean.txt", "bad.txt")
    assert result.code == 2 and result.out == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in page
    assert not re.search(r"\bsrc=|<link\b|@import|url\(", page)
    assert "<script>document.title" not in page  # the article's markup is shown, never run
    assert "&lt;script&gt;document.title" in page
    assert '<li>clean.txt</li>' in page
    assert '<p id="summary">2 findings (1 error, 1 warning, 0 suggestions) in 3 files; 1 could not be linted.' in page
    assert "<li><b>bad.txt</b>: not UTF-8 text (byte 0xe9 at offset 4)" in page
    rows = re.findall(r'<tr data-rule="([^"]+)">.*?<td class="num">(\d+)</td><td class="num">(\d+)</td></tr>', page)
    assert sorted(rows) == [("House.Abbreviations", "1", "1"), ("House.DoubledWord", "1", "1")]
    # Without -o the page goes to standard output.
    assert cli("--format", "html", "a.md").out.startswith("<!DOCTYPE html>")


_PROBE = """
<script>
(function () {
  var out = {findings: [], texts: [], rules: [], hover: []};
  document.querySelectorAll("li.finding").forEach(function (li) {
    var marks = Array.prototype.slice.call(document.querySelectorAll('mark[data-d~="' + li.id + '"]'));
    var box = marks.length ? marks[0].getBoundingClientRect() : {width: 0, height: 0};
    out.findings.push({
      id: li.id, path: li.closest("article").getAttribute("data-path"), offset: +li.dataset.offset,
      rule: li.dataset.rule, severity: li.dataset.severity,
      text: marks.map(function (m) { return m.textContent; }).join(""),
      classes: marks.map(function (m) { return m.className; }),
      backgrounds: marks.map(function (m) { return getComputedStyle(m).backgroundColor; }),
      titles: marks.map(function (m) { return m.title; }),
      width: box.width, height: box.height
    });
  });
  document.querySelectorAll("article.file").forEach(function (a) {
    out.texts.push({path: a.getAttribute("data-path"), text: a.querySelector("pre.text").textContent});
  });
  document.querySelectorAll("#rules tbody tr").forEach(function (tr) {
    out.rules.push(Array.prototype.map.call(tr.cells, function (c) { return c.textContent; }));
  });
  var mark = document.querySelector("pre.text mark");
  mark.dispatchEvent(new MouseEvent("mouseenter"));
  out.hover = {mark: mark.getAttribute("data-d"),
               active: Array.prototype.map.call(document.querySelectorAll("li.finding.active"), function (li) { return li.id; })};
  var probe = document.createElement("pre");
  probe.id = "probe";
  probe.textContent = JSON.stringify(out);
  document.body.appendChild(probe);
})();
</script>
"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args,
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


@needs_chromium
def test_chromium_shows_every_mark_on_its_words_coloured_by_severity(cli, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    style = tmp_path / "styles" / "Test"
    style.mkdir(parents=True)
    (style / "Budget.yml").write_text(BUDGET_RULE, encoding="utf-8")
    write("desk/vote.md", MARKDOWN_ARTICLE, dedent=False)
    write("wire.txt", WIRE_ARTICLE, dedent=False)
    report = tmp_path / "report.html"
    args = ("--rules", str(style), "desk/vote.md", "wire.txt")
    assert cli("--format", "html", "-o", str(report), *args).code == 1
    expected = {(f["path"], d["offset"]): d for f in cli("--format", "json", *args).json()["files"] for d in f["diagnostics"]}
    assert {d["severity"] for d in expected.values()} == {"error", "warning", "suggestion"}

    probe_page = tmp_path / "probe.html"
    page = report.read_text(encoding="utf-8")
    probe_page.write_text(page.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    run = _chromium(tmp_path, "--dump-dom", probe_page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    found = re.search(r'<pre id="probe">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stdout[-2000:]
    probe = json.loads(html.unescape(found.group(1)))

    fold = lambda s: s.replace("\r\n", "\n")  # noqa: E731 - what an HTML parser does to line ends
    texts = {t["path"]: t["text"] for t in probe["texts"]}
    assert texts == {"desk/vote.md": fold(MARKDOWN_ARTICLE), "wire.txt": fold(WIRE_ARTICLE)}

    backgrounds = {"error": "rgb(253, 226, 224)", "warning": "rgb(254, 240, 199)", "suggestion": "rgb(219, 234, 254)"}
    rank = {"suggestion": 0, "warning": 1, "error": 2}
    assert len(probe["findings"]) == len(expected)
    for finding in probe["findings"]:
        d = expected[(finding["path"], finding["offset"])]
        assert (finding["rule"], finding["severity"]) == (d["rule"], d["severity"])
        assert finding["text"] == fold(d["match"]), finding
        assert finding["width"] > 0 and finding["height"] > 0
        assert all(d["message"] in title for title in finding["titles"])
        for cls, background in zip(finding["classes"], finding["backgrounds"]):
            shown = cls.split()[0].removeprefix("sev-")
            assert rank[shown] >= rank[d["severity"]]
            assert background == backgrounds[shown]
    # The doubled word and the overlapping suggestion share a piece, drawn as the error it also is.
    doubled = next(f for f in probe["findings"] if f["rule"] == "House.DoubledWord" and f["path"] == "desk/vote.md")
    assert doubled["text"] == "the the" and doubled["backgrounds"] == [backgrounds["error"]] * 2
    budget = next(f for f in probe["findings"] if f["rule"] == "Test.Budget")
    assert budget["text"] == "the budget" and budget["backgrounds"] == [backgrounds["error"], backgrounds["suggestion"]]
    # Hovering a mark lights up the findings it belongs to in the side panel.
    assert probe["hover"]["active"] == probe["hover"]["mark"].split()
    assert ["Test.Budget", "style", "suggestion", "1", "1"] in probe["rules"]

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    shot = _chromium(tmp_path, "--window-size=1280,1100", "--hide-scrollbars", f"--screenshot={SCREENSHOT}", report.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = SCREENSHOT.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 1100)
    assert len(data) > 20_000  # a rendered page, not a blank one
