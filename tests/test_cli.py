"""The command line: every option, the exit codes, text and JSON output, stdin, folders."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from stylecheck import __version__

from .conftest import ROOT, assert_invariant

ARTICLE = "The council met on Monday.\nIt approved the the budget.\n"
CLEAN = "The council met on Monday.\n"


def test_text_output_line_context_and_summary(cli, write):
    path = write("news/a.txt", ARTICLE)
    result = cli("--color", "never", str(path))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == f"{path}:2:13: error [House.DoubledWord] 'the' is repeated."
    assert lines[1] == "    2 | It approved the the budget."
    assert lines[2] == "      |             ^^^^^^^"
    assert lines[-1] == "Found 1 problem (1 error, 0 warnings, 0 suggestions) in 1 file."


def test_clean_file_exits_zero(cli, write):
    result = cli(str(write("a.txt", CLEAN)))
    assert result.code == 0
    assert result.out == "No problems found in 1 file.\n"


def test_quiet_prints_findings_only(cli, write):
    path = write("a.txt", ARTICLE)
    result = cli("-q", str(path))
    assert result.out == f"{path}:2:13: error [House.DoubledWord] 'the' is repeated.\n"


def test_json_output_matches_contract(cli, write):
    path = write("a.txt", ARTICLE)
    broken = write("broken.txt", "")
    broken.write_bytes(b"ok \xff bad")
    result = cli("--format", "json", str(path), str(broken))
    assert result.code == 2  # an unreadable file is an input error
    data = result.json()
    assert data["version"] == 1
    assert data["summary"] == {"files": 2, "errors": 1, "warnings": 0, "suggestions": 0, "failed_files": 1}
    first, second = data["files"]
    assert first["path"] == str(path)
    (d,) = first["diagnostics"]
    assert {k: d[k] for k in ("rule", "category", "severity", "line", "column", "end_line", "end_column", "offset", "length", "match", "suggestions")} == {
        "rule": "House.DoubledWord", "category": "typo", "severity": "error", "line": 2, "column": 13,
        "end_line": 2, "end_column": 20, "offset": 39, "length": 7, "match": "the the", "suggestions": ["the"],
    }
    assert_invariant(ARTICLE, first["diagnostics"])
    assert second == {"path": str(broken), "error": "not UTF-8 text (byte 0xff at offset 3); try --encoding latin-1"}


def test_unreadable_file_reported_in_one_line_and_others_still_linted(cli, write):
    good = write("a.txt", ARTICLE)
    bad = write("b.txt", "")
    bad.write_bytes(b"\x00\x01binary")
    result = cli("--color", "never", str(bad), str(good))
    assert result.code == 2
    assert f"{bad}: error: binary file (NUL byte at offset 0), skipped" in result.out
    assert f"{good}:2:13: error [House.DoubledWord]" in result.out
    assert "1 file could not be linted." in result.out


def test_missing_path_exit_2(cli, tmp_path):
    result = cli(str(tmp_path / "nope.txt"))
    assert result.code == 2
    assert f"{tmp_path / 'nope.txt'}: error: no such file or directory" in result.out


def test_folder_recursion_include_exclude_and_default_excludes(cli, write, tmp_path):
    write("site/a.md", ARTICLE)
    write("site/b.txt", ARTICLE)
    write("site/c.html", ARTICLE)
    write("site/.git/d.txt", ARTICLE)
    write("site/node_modules/e.md", ARTICLE)
    write("site/drafts/f.txt", ARTICLE)
    result = cli("--format", "json", "--exclude", "drafts", str(tmp_path / "site"))
    paths = [f["path"] for f in result.json()["files"]]
    assert paths == [str(tmp_path / "site" / "a.md"), str(tmp_path / "site" / "b.txt")]
    only_md = cli("--format", "json", "--include", "*.md", str(tmp_path / "site"))
    assert [f["path"] for f in only_md.json()["files"]] == [str(tmp_path / "site" / "a.md")]


def test_explicit_file_with_unknown_suffix_is_linted_as_text(cli, write):
    path = write("story.rst", ARTICLE)
    assert cli("-q", str(path)).code == 1


def test_stdin_with_filename_picks_markdown(cli, monkeypatch):
    import io

    text = "Use `the the` here.\n\nBut the the there.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    result = cli("--format", "json", "--stdin-filename", "story.md", "-")
    data = result.json()
    assert data["files"][0]["path"] == "story.md"
    assert [(d["line"], d["column"]) for d in data["files"][0]["diagnostics"]] == [(3, 5)]


def test_select_and_ignore(cli, write):
    path = write("a.txt", "The U.S. and US met. It was the the end.\n")
    everything = cli("--format", "json", str(path)).json()["files"][0]["diagnostics"]
    assert {d["rule"] for d in everything} == {"House.DoubledWord", "House.Abbreviations"}
    selected = cli("--format", "json", "--select", "House.Abbreviations", str(path)).json()["files"][0]["diagnostics"]
    assert {d["rule"] for d in selected} == {"House.Abbreviations"}
    ignored = cli("--format", "json", "--ignore", "House.DoubledWord,House.SoCalled", str(path)).json()["files"][0]["diagnostics"]
    assert {d["rule"] for d in ignored} == {"House.Abbreviations"}
    whole_style = cli("--format", "json", "--ignore", "House", str(path))
    assert whole_style.json()["files"][0]["diagnostics"] == [] and whole_style.code == 0


def test_fail_level(cli, write):
    path = write("a.txt", "The U.S. and US met.\n")  # a warning only
    assert cli("-q", str(path)).code == 0
    assert cli("-q", "--fail-level", "warning", str(path)).code == 1
    assert cli("-q", "--fail-level", "suggestion", str(path)).code == 1
    assert cli("-q", "--fail-level", "error", str(path)).code == 0


def test_rules_option_loads_another_style(cli, write, tmp_path):
    write("Newsroom/Banned.yml", "extends: existence\nmessage: \"Don't write '%s'.\"\nlevel: error\ntokens: [utilize]\n")
    path = write("a.txt", "We utilize it.\n")
    result = cli("-q", "--rules", str(tmp_path / "Newsroom"), str(path))
    assert result.code == 1
    assert result.out == f"{path}:1:4: error [Newsroom.Banned] Don't write 'utilize'.\n"


def test_config_option(cli, write, tmp_path):
    config = write("conf/custom.yaml", "ignore: [House.DoubledWord]\n")
    path = write("a.txt", ARTICLE)
    assert cli("-q", "--config", str(config), str(path)).code == 0


def test_bad_config_is_a_one_line_error(cli, write):
    config = write("c.yaml", "ignore: [a]\nfail-levl: warning\n")
    result = cli("--config", str(config), str(write("a.txt", CLEAN)))
    assert result.code == 2
    assert result.err == f"stylecheck: error: {config}:2: unknown key 'fail-levl' (did you mean 'fail-level'?)\n"


def test_list_rules(cli):
    result = cli("--list-rules")
    assert result.code == 0
    ids = [line.split()[0] for line in result.out.splitlines()[:-1]]
    assert {"House.DoubledWord", "House.RunTogether", "House.SoCalled", "House.Abbreviations"} <= set(ids)
    assert result.out.splitlines()[-1].startswith(f"{len(ids)} rules (preset: ap)")


def test_explain(cli):
    result = cli("--explain", "House.DoubledWord")
    assert result.code == 0
    assert result.out.startswith("House.DoubledWord  (doubledword, error, category: typo)")
    assert "Flagged:" in result.out and "Not flagged:" in result.out
    missing = cli("--explain", "House.DoubledWords")
    assert missing.code == 2
    assert missing.err == "stylecheck: error: no rule 'House.DoubledWords' (did you mean 'House.DoubledWord'?)\n"


def test_usage_error_exit_2(cli):
    result = cli("--format", "yaml", "x")
    assert result.code == 2
    assert "invalid choice: 'yaml'" in result.err


def test_version():
    result = subprocess.run([sys.executable, "-m", "stylecheck", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"stylecheck {__version__}"


def test_colour_only_on_a_terminal_and_never_with_no_color(cli, write, monkeypatch):
    path = write("a.txt", ARTICLE)
    assert "\x1b[" not in cli(str(path)).out  # captured output is not a terminal
    assert "\x1b[1;31merror\x1b[0m" in cli("--color", "always", str(path)).out
    monkeypatch.setenv("NO_COLOR", "1")

    class Tty:
        def __init__(self):
            self.parts = []

        def write(self, s):
            self.parts.append(s)

        def flush(self):
            pass

        def isatty(self):
            return True

    fake = Tty()
    monkeypatch.setattr(sys, "stdout", fake)
    from stylecheck.cli import main

    main([str(path)])
    assert "\x1b[" not in "".join(fake.parts)
    monkeypatch.delenv("NO_COLOR")
    fake.parts.clear()
    main([str(path)])
    assert "\x1b[" in "".join(fake.parts)


def test_output_file_written_atomically(cli, write, tmp_path):
    path = write("a.txt", ARTICLE)
    out = tmp_path / "report.json"
    result = cli("--format", "json", "-o", str(out), str(path))
    assert result.code == 1 and result.out == ""
    assert json.loads(out.read_text())["summary"]["errors"] == 1


def test_console_script_and_module_entry_points(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    env = {**os.environ, "NO_COLOR": "1"}
    module = subprocess.run([sys.executable, "-m", "stylecheck", "-q", str(article)], capture_output=True, text=True, env=env)
    assert module.returncode == 1
    assert module.stdout == f"{article}:2:13: error [House.DoubledWord] 'the' is repeated.\n"
    assert module.stderr == ""


def test_samples_folder_is_linted(cli):
    result = cli("--format", "json", str(ROOT / "samples"))
    data = result.json()
    assert result.code == 1
    rules = {d["rule"] for f in data["files"] for d in f["diagnostics"]}
    assert {"House.DoubledWord", "House.RunTogether", "House.SoCalled", "House.Abbreviations"} <= rules
    for entry in data["files"]:
        text = (ROOT.parent / entry["path"]).read_text() if not os.path.isabs(entry["path"]) else open(entry["path"], encoding="utf-8", newline="").read()
        assert_invariant(text, entry["diagnostics"])


def test_force_exclude_applies_config_excludes_to_named_files(cli, write):
    write(".stylecheck.yaml", "exclude: ['archive/**']\n")
    old = write("archive/old.txt", ARTICLE)
    new = write("new.txt", ARTICLE)
    named = cli("--format", "json", str(old), str(new))
    assert [f["path"] for f in named.json()["files"]] == [str(old), str(new)]
    forced = cli("--format", "json", "--force-exclude", str(old), str(new))
    assert [f["path"] for f in forced.json()["files"]] == [str(new)]


def test_report_file_follows_the_umask(cli, write, tmp_path):
    path = write("a.txt", CLEAN)
    out = tmp_path / "report.json"
    previous = os.umask(0o022)
    try:
        cli("--format", "json", "-o", str(out), str(path))
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o644
