"""Mistakes in configuration fail loudly: a rule name that names no rule is an error (exit 2, one
line, a "did you mean"), in a suppression comment a warning; test-rules warns about a rule with no
examples. And a house term whose exception is a longer phrase (Kiev, but not "chicken Kiev")."""
from __future__ import annotations

import textwrap

import pytest

from stylecheck import check
from stylecheck.config import ConfigError

ARTICLE = "The council met on Monday and approved the the budget.\n"


@pytest.fixture
def article(in_tmp):
    (in_tmp / "story.txt").write_text(ARTICLE)
    return in_tmp


@pytest.mark.parametrize(
    "args,expected",
    [
        (("--select", "House.Percnt"), "--select: 'House.Percnt' matches no rule (did you mean 'House.Percent'?)"),
        (("--ignore", "House.SoCaled,House.Dates"), "--ignore: 'House.SoCaled' matches no rule (did you mean 'House.SoCalled'?)"),
        (("--select", "Hous"), "--select: 'Hous' matches no rule (did you mean 'House'?)"),
        (("--select", "House.Dat*x"), "--select: 'House.Dat*x' matches no rule (did you mean 'House.Dates'?)"),
    ],
)
def test_a_command_line_rule_name_that_names_no_rule_is_an_error(cli, article, args, expected):
    result = cli(*args, "story.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"stylecheck: error: {expected}\n"


def test_an_unknown_rule_name_fails_even_when_there_is_nothing_to_lint(cli, in_tmp):
    result = cli("--select", "House.Percnt", ".")
    assert result.code == 2
    assert result.err == "stylecheck: error: --select: 'House.Percnt' matches no rule (did you mean 'House.Percent'?)\n"


def test_names_that_do_name_rules_are_accepted(cli, article):
    for args in (("--select", "House"), ("--select", "House.Date*,House.DoubledWord"), ("--ignore", "ALL"), ("--select", "all")):
        assert cli(*args, "-q", "story.txt").code in (0, 1), args


@pytest.mark.parametrize(
    "config,line,expected",
    [
        ("severity:\n  House.Time: error\n", 2, "severity: 'House.Time' matches no rule (did you mean 'House.Times'?)"),
        ("preset: ap\nignore: [House.Percnt]\n", 2, "ignore: 'House.Percnt' matches no rule (did you mean 'House.Percent'?)"),
        ("select:\n  - House.DoubledWord\n  - Newsroom.Ages\n", 1,
         "select: 'Newsroom.Ages' matches no rule (loaded styles: House)"),
        ("overrides:\n  - files: ['*.txt']\n    ignore: [House.Quote]\n", 3,
         "overrides.ignore: 'House.Quote' matches no rule (did you mean 'House.Quotes'?)"),
        ("overrides:\n  - files: ['*.txt']\n    severity: {House.Dats: off}\n", 3,
         "overrides.severity: 'House.Dats' matches no rule (did you mean 'House.Dates'?)"),
    ],
)
def test_a_config_rule_name_that_names_no_rule_is_an_error_naming_file_and_line(cli, article, config, line, expected):
    (article / ".stylecheck.yaml").write_text(config)
    result = cli("story.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"stylecheck: error: {article / '.stylecheck.yaml'}:{line}: {expected}\n"


def test_the_same_in_pyproject_toml(cli, article):
    (article / "pyproject.toml").write_text('[project]\nname = "desk"\n\n[tool.stylecheck]\nignore = ["House.SoCaled"]\n')
    result = cli("story.txt")
    assert result.code == 2
    assert result.err == (
        f"stylecheck: error: {article / 'pyproject.toml'}:5: ignore: 'House.SoCaled' matches no rule "
        "(did you mean 'House.SoCalled'?)\n"
    )


def test_explain_of_an_unknown_rule_is_an_error_with_a_suggestion(cli, article):
    result = cli("--explain", "House.Tims")
    assert (result.code, result.out) == (2, "")
    assert result.err == "stylecheck: error: no rule 'House.Tims' (did you mean 'House.Times'?)\n"


def test_a_rule_only_the_other_preset_runs_may_still_be_named(cli, article, tmp_path):
    style = tmp_path / "Desk"
    style.mkdir()
    (style / "Colour.yml").write_text("extends: existence\npresets: [british]\nmessage: x\ntokens: [color]\n")
    (article / ".stylecheck.yaml").write_text(f"preset: ap\nstyles: [House, {style}]\nseverity: {{Desk.Colour: error}}\n")
    assert cli("-q", "story.txt").code == 1  # the doubled word; no configuration error


def test_the_python_api_raises_a_config_error():
    with pytest.raises(ConfigError, match=r"ignore: 'House.Percnt' matches no rule \(did you mean 'House.Percent'\?\)"):
        check("A line.", config={"ignore": ["House.Percnt"]})


def test_an_unknown_rule_in_a_suppression_comment_is_a_warning_naming_file_and_line(cli, in_tmp):
    (in_tmp / "story.md").write_text(
        "The council met.\n\n<!-- stylecheck: disable-next-line House.DoubleWord -->\nIt approved the the budget.\n"
    )
    result = cli("-q", "story.md")
    assert result.code == 1
    assert result.out == "story.md:4:13: error [House.DoubledWord] 'the' is repeated.\n"
    assert result.err == (
        "stylecheck: warning: story.md:3: suppression comment: 'House.DoubleWord' matches no rule "
        "(did you mean 'House.DoubledWord'?)\n"
    )


def test_a_known_rule_in_a_suppression_comment_gives_no_warning(cli, in_tmp):
    (in_tmp / "story.md").write_text("<!-- stylecheck: disable-next-line House.DoubledWord -->\nIt approved the the budget.\n")
    result = cli("-q", "story.md")
    assert (result.code, result.out, result.err) == (0, "", "")


# -- test-rules ------------------------------------------------------------------------------------


def _style(tmp_path, with_examples: bool):
    style = tmp_path / "Desk"
    style.mkdir()
    body = "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilise]\n"
    if with_examples:
        body += "examples:\n  bad: [We utilise it.]\n  good: [We use it.]\n"
    (style / "Utilise.yml").write_text(body)
    return style


def test_test_rules_warns_about_a_rule_without_examples(cli, tmp_path):
    result = cli("test-rules", str(_style(tmp_path, with_examples=False)))
    assert result.code == 0
    assert result.err == (
        "stylecheck: warning: Desk.Utilise has no examples (add 'examples:' with bad and good texts to its YAML)\n"
    )
    assert result.out == "1 rules, 0 examples run, 0 failed.\n"


def test_test_rules_strict_fails_on_a_rule_without_examples(cli, tmp_path):
    result = cli("test-rules", "--strict", str(_style(tmp_path, with_examples=False)))
    assert result.code == 1
    assert result.err.startswith("stylecheck: error: Desk.Utilise has no examples")


def test_test_rules_strict_passes_when_every_rule_has_examples(cli, tmp_path):
    result = cli("test-rules", "--strict", str(_style(tmp_path, with_examples=True)))
    assert (result.code, result.err) == (0, "")


# -- exceptions that are longer phrases --------------------------------------------------------------

KYIV = textwrap.dedent("""\
    extends: substitution
    message: "Use '%s', not '%s'."
    level: warning
    ignorecase: true
    swap:
      Kiev: Kyiv
    exceptions: [Chicken Kiev]
""")


def test_an_exception_phrase_that_holds_the_match_silences_it(cli, in_tmp):
    style = in_tmp / "News"
    style.mkdir()
    (style / "Kyiv.yml").write_text(KYIV)
    (in_tmp / "a.txt").write_text("The chef in Kiev served chicken Kiev to the mayor of Kiev.\n")
    result = cli("-q", "--rules", "News", "--select", "News", "a.txt")
    assert result.out == (
        "a.txt:1:13: warning [News.Kyiv] Use 'Kyiv', not 'Kiev'.\n"
        "a.txt:1:54: warning [News.Kyiv] Use 'Kyiv', not 'Kiev'.\n"
    )


def test_in_vale_mode_an_exception_still_has_to_match_the_whole_match(cli, in_tmp):
    # Vale's behaviour stays: its exceptions are tested against the matched text alone.
    styles = in_tmp / "styles" / "News"
    styles.mkdir(parents=True)
    (styles / "Kyiv.yml").write_text(KYIV)
    (in_tmp / ".vale.ini").write_text("StylesPath = styles\n[*.txt]\nBasedOnStyles = News\n")
    (in_tmp / "a.txt").write_text("They served chicken Kiev.\n")
    result = cli("-q", "a.txt")
    assert result.out == "a.txt:1:21: warning [News.Kyiv] Use 'Kyiv', not 'Kiev'.\n"
