"""Configuration: discovery by walking up, pyproject, overrides, severity, accept, presets."""
from __future__ import annotations

import pytest

from stylecheck import check
from stylecheck.config import ConfigError, ConfigFinder, config_from_mapping, load_config

ARTICLE = "The U.S. and US met. It was the the end.\n"


def rules_in(result):
    return sorted({d["rule"] for f in result.json()["files"] for d in f.get("diagnostics", [])})


def test_config_found_by_walking_up(cli, write, tmp_path):
    write("newsroom/.stylecheck.yaml", "ignore: [House.DoubledWord]\n")
    deep = write("newsroom/politics/2025/a.txt", ARTICLE)
    other = write("elsewhere/b.txt", ARTICLE)
    result = cli("--format", "json", str(deep), str(other))
    files = {f["path"]: {d["rule"] for d in f["diagnostics"]} for f in result.json()["files"]}
    assert files[str(deep)] == {"House.Abbreviations"}
    assert files[str(other)] == {"House.Abbreviations", "House.DoubledWord"}


def test_nearest_config_wins(write, tmp_path):
    write("a/.stylecheck.yaml", "ignore: [House.DoubledWord]\n")
    write("a/b/.stylecheck.yml", "ignore: [House.Abbreviations]\n")
    finder = ConfigFinder()
    assert finder.for_path(str(tmp_path / "a" / "b" / "x.txt")).ignore == ("House.Abbreviations",)
    assert finder.for_path(str(tmp_path / "a" / "x.txt")).ignore == ("House.DoubledWord",)


def test_pyproject_table(cli, write):
    write("proj/pyproject.toml", '[project]\nname = "x"\n\n[tool.stylecheck]\nselect = ["House.DoubledWord"]\nfail-level = "warning"\n')
    path = write("proj/a.txt", ARTICLE)
    result = cli("--format", "json", str(path))
    assert rules_in(result) == ["House.DoubledWord"]


def test_pyproject_without_table_is_skipped(write, tmp_path):
    write("proj/pyproject.toml", '[project]\nname = "x"\n')
    write(".stylecheck.yaml", "preset: british\n")
    assert ConfigFinder().for_path(str(tmp_path / "proj" / "a.txt")).preset == "british"


def test_pyproject_that_never_names_stylecheck_is_not_parsed(write, tmp_path):
    # Not ours (and not even valid TOML): skipped unread, rather than failing every run below it.
    write("proj/pyproject.toml", '[project\nname = "x"\n')
    write(".stylecheck.yaml", "preset: british\n")
    assert ConfigFinder().for_path(str(tmp_path / "proj" / "a.txt")).preset == "british"


def test_severity_overrides_and_off(cli, write):
    write(".stylecheck.yaml", "severity:\n  House.Abbreviations: error\n  House.DoubledWord: off\n")
    path = write("a.txt", ARTICLE)
    result = cli("--format", "json", str(path))
    diagnostics = result.json()["files"][0]["diagnostics"]
    assert [(d["rule"], d["severity"]) for d in diagnostics] == [("House.Abbreviations", "error")]
    assert result.code == 1


def test_severity_by_style(write):
    write(".stylecheck.yaml", "severity: {House: suggestion}\n")
    path = write("a.txt", ARTICLE)
    assert {d.severity for d in check(ARTICLE, path=str(path))} == {"suggestion"}


def test_per_glob_overrides(cli, write):
    write(".stylecheck.yaml", "overrides:\n  - files: ['opinion/**']\n    ignore: [House.DoubledWord]\n    severity: {House.Abbreviations: error}\n")
    news = write("news/a.txt", ARTICLE)
    opinion = write("opinion/col/b.txt", ARTICLE)
    result = cli("--format", "json", str(news), str(opinion))
    files = {f["path"]: [(d["rule"], d["severity"]) for d in f["diagnostics"]] for f in result.json()["files"]}
    assert files[str(news)] == [("House.Abbreviations", "warning"), ("House.DoubledWord", "error")]
    assert files[str(opinion)] == [("House.Abbreviations", "error")]


def test_accept_vocabulary_is_never_flagged(write):
    text = "Reporting by the Valley HeraldMaria Lopez for the Valley Herald; Maria Lopez.\n"
    assert [d.match for d in check(text, config={})] == ["HeraldMaria"]
    assert check(text, config={"accept": ["HeraldMaria"]}) == []


def test_excludes_from_config_are_relative_to_it(cli, write, tmp_path):
    write("site/.stylecheck.yaml", "exclude: ['archive/**']\n")
    write("site/archive/old.txt", ARTICLE)
    write("site/new.txt", ARTICLE)
    result = cli("--format", "json", str(tmp_path / "site"))
    assert [f["path"] for f in result.json()["files"]] == [str(tmp_path / "site" / "new.txt")]


def test_styles_key_loads_a_newsroom_folder_relative_to_the_config(write, tmp_path):
    write("desk/styles/Desk/Banned.yml", "extends: existence\nmessage: \"No '%s'.\"\ntokens: [utilize]\n")
    write("desk/.stylecheck.yaml", "styles: [House, styles/Desk]\n")
    path = write("desk/a.txt", "We utilize the the tools.\n")
    assert sorted(d.rule for d in check(path.read_text(), path=str(path))) == ["Desk.Banned", "House.DoubledWord"]


@pytest.mark.parametrize(
    "yaml_text,message",
    [
        ("preset: french\n", "unknown preset 'french' (expected one of: ap, british)"),
        ("fail-level: fatal\n", "'fail-level' must be one of suggestion, warning, error"),
        ("ignore: House.X\n", "'ignore' must be a list"),
        ("severity: {House.X: loud}\n", "severity of 'House.X' must be one of suggestion, warning, error, off; not 'loud'"),
        ("overrides:\n  - ignore: [x]\n", "each override needs 'files' (a list of globs)"),
        ("accept: ['(unclosed']\n", "bad pattern in 'accept'"),
        ("- just\n- a list\n", "configuration must be a mapping of keys to values"),
    ],
)
def test_bad_config_values(write, yaml_text, message):
    path = write(".stylecheck.yaml", yaml_text)
    with pytest.raises(ConfigError) as info:
        load_config(str(path))
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))


def test_config_from_mapping_defaults():
    config = config_from_mapping({})
    assert config.preset == "ap"
    assert config.styles == ("House",)
    assert config.fail_level == "error"


def test_preset_from_config_and_cli_override(cli, write):
    write(".stylecheck.yaml", "preset: british\n")
    path = write("a.txt", "x\n")
    from stylecheck.cli import Run, _config_for, build_parser

    args = build_parser().parse_args([str(path)])
    assert _config_for(Run(args), str(path)).preset == "british"
    args = build_parser().parse_args(["--preset", "ap", str(path)])
    assert _config_for(Run(args), str(path)).preset == "ap"
