"""The documentation site builds with --strict, every bundled rule has its generated page, and the
README stays a quick start. (tests/test_snippets.py runs the code blocks.)"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from stylecheck.cli import build_parser

from .conftest import ROOT

RULES = sorted((ROOT / "rules" / "House").glob("*.yml"))
MKDOCS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # no tags in it
SITE_URL = MKDOCS["site_url"]


class Text(HTMLParser):
    """The text of a page, and the text inside its <mark>s (the flagged spans of the examples)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.marks: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._in_mark:
            self.marks[-1] += data


def page_text(path: Path) -> Text:
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def test_site_builds_strict_with_every_page(site):
    for page in ("index", "usage", "configuration", "fixing", "output", "ci", "editors", "house-style", "writing-rules",
                 "rule-types", "vale", "speed", "robustness", "api", "architecture", "development", "rules"):
        assert (site / page / "index.html").is_file() or (site / f"{page}.html").is_file() or page == "index", page
    assert (site / "index.html").is_file()


def test_every_bundled_rule_has_a_generated_page_with_its_examples_run_under_both_presets(site):
    from stylecheck import check

    for path in RULES:
        rid = f"House.{path.stem}"
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = site / "rules" / rid / "index.html"
        assert page.is_file(), f"no page for {rid}"
        text = page_text(page)
        body = " ".join("".join(text.text).split())
        assert " ".join(rule["description"].split())[:60] in body, rid
        assert "AP preset" in body and "British preset" in body
        # Every bad example's expected match is marked on the page, under the preset it is for.
        for example in rule["examples"]["bad"]:
            spec = example if isinstance(example, dict) else {"text": example}
            if "match" in spec:
                matches = [spec["match"]] if isinstance(spec["match"], str) else spec["match"]
                for match in matches:
                    assert match in text.marks, f"{rid}: {match!r} is not marked on its page"
        # And what is marked is what stylecheck finds.
        first = rule["examples"]["good"][0]
        good = first if isinstance(first, str) else first["text"]
        preset = "ap" if isinstance(first, str) else first.get("preset", "ap")
        assert not [d for d in check(good, path="example.txt", config={"preset": preset}) if d.rule == rid]


def test_rules_index_lists_every_rule_and_links_its_page(site):
    index = (site / "rules" / "index.html").read_text(encoding="utf-8")
    for path in RULES:
        assert f'href="House.{path.stem}/"' in index, path.stem


def test_generated_pages_follow_the_code(site):
    from stylecheck.ruletypes import RULE_TYPES

    types = (site / "rule-types" / "index.html").read_text(encoding="utf-8")
    for name in RULE_TYPES:
        assert f'id="{name}"' in types, name
    settings = (site / "configuration" / "index.html").read_text(encoding="utf-8")
    for key in yaml.safe_load((ROOT / "rules" / "presets" / "ap.yml").read_text(encoding="utf-8")):
        assert f"<code>{key}</code>" in settings, key
    assert "generated:" not in settings + types


def test_each_rule_links_to_its_page_under_the_site_url():
    assert re.fullmatch(r"https://[\w.-]+/[\w./-]*/", SITE_URL)
    for path in RULES:
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert rule.get("link") == f"{SITE_URL}rules/House.{path.stem}/", path.name


def test_explain_shows_the_rules_page():
    from stylecheck.cli import main

    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--explain", "House.Percent"]) == 0
    assert f"{SITE_URL}rules/House.Percent/" in out.getvalue()


def test_usage_page_lists_every_option_the_parser_has():
    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])\b", usage))
    parser = build_parser()
    options = {o for action in parser._actions for o in action.option_strings} - {"-h", "--help"}
    assert options <= documented, f"not on docs/usage.md: {sorted(options - documented)}"
    assert documented <= options, f"on docs/usage.md but not an option: {sorted(documented - options)}"


def test_architecture_page_names_modules_that_exist():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    names = set(re.findall(r"`([\w/]+(?:\.py|/))`", page))
    assert names
    package = ROOT / "stylecheck"
    for name in names:
        found = (ROOT / name).exists() or (package / name).exists() or ("/" not in name and any(package.rglob(name)))
        assert found, f"docs/architecture.md names {name}, which does not exist"


def test_readme_is_a_quick_start():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 250
    assert readme.split("```sh\n", 1)[1].startswith(
        "# 1. Install stylecheck and lint the sample articles (the main job)\n"
        "python3 -m venv .venv && . .venv/bin/activate && pip install . && stylecheck samples/\n"
        "\n"
        "# 2. Install the test extras and run the whole test suite\n"
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && python -m pytest\n"
    )
    headings = re.findall(r"(?m)^#{2,3} (.+)$", readme)
    assert headings[:8] == [
        "Use it in your article repository", "Install", "A first run on your own articles",
        "Block mistakes at commit time: pre-commit", "Configure it: `.stylecheck.yaml`", "A first house rule, with examples",
        "In CI", "In your editor",
    ]
    assert headings[8:] == ["What it catches", "Documentation"]
    # Its links to the docs are to files that exist (the site itself is checked by mkdocs --strict).
    for target in re.findall(r"\]\((docs/[^)#]+)", readme):
        assert (ROOT / target).is_file(), target


def test_docs_extra_is_in_the_test_extra_and_the_lsp_hint_matches_its_extra():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert "stylecheck[docs]" in extras["test"]
    assert any(r.startswith("mkdocs>=") for r in extras["docs"]) and any(r.startswith("mkdocs-material") for r in extras["docs"])
    (pygls,) = extras["lsp"]
    source = (ROOT / "stylecheck" / "lsp.py").read_text(encoding="utf-8")
    assert f"-m pip install '{pygls}'" in source


def test_the_house_style_tables_give_each_rule_the_level_its_yaml_sets():
    """Where a table of docs/house-style.md has a level column, it says what the rule's YAML says
    (a level changed after a precision measurement must not leave the page behind)."""
    page = (ROOT / "docs" / "house-style.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(House\.\w+)` \|(?: [\w-]+ \|)? (error|warning|suggestion) \|", page, re.M)
    assert len(rows) >= 10
    for rule_id, level in rows:
        data = yaml.safe_load((ROOT / "rules" / "House" / f"{rule_id.split('.')[1]}.yml").read_text(encoding="utf-8"))
        assert data["level"] == level, f"docs/house-style.md says {rule_id} is {level}; its YAML says {data['level']}"
