"""`.vale.ini` as a stylecheck config: --config, discovery, sections, errors, skipped extension points."""
from __future__ import annotations

import os

from stylecheck.config import ConfigFinder
from stylecheck.vale import expand_braces, load_vale_ini, vale_glob_match

from .vale_helpers import make_project

HEDGE = """
    extends: existence
    message: "Avoid '%s'."
    level: error
    tokens: [arguably]
"""


def test_cli_config_vale_ini_on_a_folder(tmp_path, cli):
    ini = make_project(tmp_path, {"Hedge": HEDGE})
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("This is arguably the best port.\n")
    (docs / "b.md").write_text("# Notes\n\nArguably not. And `arguably` in code.\n")
    (docs / "c.rst").write_text("arguably\n")
    result = cli("--config", str(ini), "--format", "json", str(docs))
    assert result.code == 1, result.err
    data = result.json()
    found = {(os.path.basename(f["path"]), d["rule"], d["line"], d["column"], d["match"]) for f in data["files"] for d in f["diagnostics"]}
    assert found == {("a.txt", "Test.Hedge", 1, 9, "arguably")}  # case-sensitive rule; code masked
    assert [os.path.basename(f["path"]) for f in data["files"]] == ["a.txt", "b.md"]


def test_sections_choose_styles_per_file(tmp_path):
    ini = make_project(tmp_path, {"Hedge": HEDGE}, ini="StylesPath = styles\n\n[*.md]\nBasedOnStyles = Test\n\n[notes/*.md]\nTest.Hedge = NO\n")
    config = load_vale_ini(str(ini))
    from stylecheck.engine import Linter

    linter = Linter(config)
    for name, expected in (("a.md", 1), ("a.txt", 0), ("notes/b.md", 0)):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("It was arguably late.\n")
        assert len(linter.lint_path(str(path)).diagnostics) == expected, name


def test_braces_and_globs():
    assert expand_braces("*.{md,txt}") == ["*.md", "*.txt"]
    assert expand_braces("a/{b,c/{d,e}}.md") == ["a/b.md", "a/c/d.md", "a/c/e.md"]
    assert vale_glob_match("*.{md,txt}", "deep/down/story.txt")
    assert not vale_glob_match("*.md", "story.txt")


def test_discovery_walks_up_and_stylecheck_config_wins(tmp_path, cli, monkeypatch):
    make_project(tmp_path, {"Hedge": HEDGE})
    deep = tmp_path / "news" / "today"
    deep.mkdir(parents=True)
    story = deep / "story.txt"
    story.write_text("It is arguably over.\n")
    monkeypatch.chdir(tmp_path)
    result = cli("--format", "json", str(story))
    rules = [d["rule"] for f in result.json()["files"] for d in f["diagnostics"]]
    assert rules == ["Test.Hedge"]
    # A .stylecheck.yaml beside the .vale.ini governs the folder instead.
    (tmp_path / ".stylecheck.yaml").write_text("styles: [House]\n")
    finder = ConfigFinder()
    assert finder.for_path(str(story)).path == str(tmp_path / ".stylecheck.yaml")
    result = cli("--format", "json", str(story))
    assert [d["rule"] for f in result.json()["files"] for d in f["diagnostics"]] == []


def test_stylecheck_config_lists_a_vale_style_folder(tmp_path, cli):
    make_project(tmp_path, {"Hedge": HEDGE})
    (tmp_path / ".stylecheck.yaml").write_text("styles: [House, vale:styles/Test]\n")
    (tmp_path / "a.txt").write_text("The the plan is arguably dead.\n")
    result = cli("--format", "json", "--config", str(tmp_path / ".stylecheck.yaml"), str(tmp_path / "a.txt"))
    rules = sorted(d["rule"] for f in result.json()["files"] for d in f["diagnostics"])
    assert rules == ["House.DoubledWord", "Test.Hedge"]


def test_stylecheck_config_reads_a_vale_package_by_its_meta_json(tmp_path, cli):
    make_project(tmp_path, {"Hedge": HEDGE})
    (tmp_path / "styles" / "Test" / "meta.json").write_text('{"name": "Test"}')
    (tmp_path / ".stylecheck.yaml").write_text("styles: [styles/Test]\n")
    (tmp_path / "a.txt").write_text("It is arguably done.\n")
    from stylecheck.config import load_config
    from stylecheck.engine import Linter

    linter = Linter(load_config(str(tmp_path / ".stylecheck.yaml")))
    assert linter.rules["Test.Hedge"].vale is True
    result = cli("--format", "json", "--config", str(tmp_path / ".stylecheck.yaml"), str(tmp_path / "a.txt"))
    assert [(d["rule"], d["column"]) for f in result.json()["files"] for d in f["diagnostics"]] == [("Test.Hedge", 7)]


def test_unsupported_extension_point_warns_once_and_the_rest_runs(tmp_path, cli):
    ini = make_project(tmp_path, {
        "Hedge": HEDGE,
        "Spell": """
            extends: spelling
            message: "Did you really mean '%s'?"
        """,
        "Order": """
            extends: sequence
            message: "Odd order."
            tokens:
              - tag: NN
        """,
    })
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("It is arguably done.\n")
    result = cli("--config", str(ini), "--format", "json", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.code == 1
    assert result.err.count("Test.Spell skipped") == 1
    assert result.err.count("Test.Order skipped") == 1
    assert "'spelling' extension point is not supported" in result.err
    assert sum(len(f["diagnostics"]) for f in result.json()["files"]) == 2


def test_bad_and_untranslatable_patterns_name_the_rule(tmp_path, cli):
    ini = make_project(tmp_path, {"Broken": """
        extends: existence
        message: "x"
        tokens: ['(unclosed']
    """})
    (tmp_path / "a.txt").write_text("text\n")
    result = cli("--config", str(ini), str(tmp_path / "a.txt"))
    assert result.code == 2 and "Test.Broken" in result.err and "Traceback" not in result.err
    ini = make_project(tmp_path / "p", {"Greedy": """
        extends: existence
        message: "x"
        raw: ['a++']
    """})
    (tmp_path / "p" / "a.txt").write_text("text\n")
    result = cli("--config", str(ini), str(tmp_path / "p" / "a.txt"))
    assert result.code == 2
    assert "Test.Greedy" in result.err and "possessive" in result.err


def test_ini_errors_are_one_line(tmp_path, cli):
    bad = tmp_path / ".vale.ini"
    bad.write_text("StylesPath = nowhere\n[*.md]\nBasedOnStyles = X\n")
    (tmp_path / "a.md").write_text("x\n")
    result = cli("--config", str(bad), str(tmp_path / "a.md"))
    assert result.code == 2
    assert result.err.strip().count("\n") == 0 and "StylesPath" in result.err and f"{bad}:1" in result.err
    bad.write_text("StylesPath = .\n[*.md]\nthis line is wrong\n")
    result = cli("--config", str(bad), str(tmp_path / "a.md"))
    assert result.code == 2 and f"{bad}:3" in result.err
    os.makedirs(tmp_path / "S" / "Known")
    (tmp_path / "S" / "Known" / "R.yml").write_text("extends: existence\nmessage: x\ntokens: [y]\n")
    bad.write_text("StylesPath = S\n[*.md]\nBasedOnStyles = Missing\n")
    result = cli("--config", str(bad), str(tmp_path / "a.md"))
    assert result.code == 2 and "'Missing' does not exist" in result.err


def test_list_rules_with_vale_config(tmp_path, cli):
    ini = make_project(tmp_path, {"Hedge": HEDGE})
    result = cli("--config", str(ini), "--list-rules")
    assert result.code == 0
    assert "Test.Hedge" in result.out and "existence" in result.out


def test_token_and_block_ignores_mask_markdown_only(tmp_path):
    from .vale_helpers import lint_text

    ini = make_project(tmp_path, {"Hedge": HEDGE}, ini=(
        "StylesPath = styles\n\n[*.{md,txt}]\nBasedOnStyles = Test\n"
        "TokenIgnores = \\$[^$\\n]+\\$\nBlockIgnores = (?s)\\{% raw %\\}.*?\\{% endraw %\\}\n"
    ))
    text = "Math $arguably x$ here, arguably.\n\n{% raw %}\narguably\n{% endraw %}\n"
    found = lint_text(tmp_path, ini, text, name="story.md")
    assert [(d.line, d.column) for d in found] == [(1, 25)]
    # Vale applies no ignore patterns to plain text.
    found = lint_text(tmp_path, ini, text, name="story.txt")
    assert [(d.line, d.column) for d in found] == [(1, 7), (1, 25), (4, 1)]


def test_vale_config_files_without_the_ini_suffix_are_read_as_vale_configs(tmp_path):
    # Vale looks for .vale and _vale too; they are ini files, not YAML.
    from stylecheck.config import ConfigFinder

    for name in (".vale", "_vale"):
        folder = tmp_path / ("dot" if name.startswith(".") else "underscore")
        (folder / "styles").mkdir(parents=True)
        (folder / name).write_text("StylesPath = styles\nMinAlertLevel = error\n[*.txt]\nBasedOnStyles = Vale\n")
        config = ConfigFinder().for_path(str(folder / "story.txt"))
        assert config.path == str(folder / name)
        assert config.styles == ("vale:builtin",)
        assert config.vale is not None and config.vale.min_level == "error"
