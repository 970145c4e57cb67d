"""A malformed rule file stops the run before anything is linted, naming file, line and key."""
from __future__ import annotations

import textwrap

import pytest

from stylecheck.config import Config
from stylecheck.engine import Linter
from stylecheck.ruletypes import RuleError


def load(tmp_path, files: dict[str, str]):
    style = tmp_path / "Newsroom"
    style.mkdir(exist_ok=True)
    for name, body in files.items():
        (style / name).write_text(textwrap.dedent(body))
    return Linter(Config(styles=(str(style),)))


def error_of(tmp_path, body: str) -> str:
    with pytest.raises(RuleError) as info:
        load(tmp_path, {"Bad.yml": body})
    return str(info.value)


def test_bad_regex_names_file_line_key_and_engine_message(tmp_path):
    message = error_of(tmp_path, "extends: existence\nmessage: x\ntokens:\n  - 'fine'\n  - '(unclosed'\n")
    path = tmp_path / "Newsroom" / "Bad.yml"
    assert message == f"{path}:3: bad regex in 'tokens': '(unclosed': missing ) at position 9"


def test_unknown_key_gets_did_you_mean(tmp_path):
    message = error_of(tmp_path, "extends: existence\nmessage: x\nignorcase: true\ntokens: [a]\n")
    assert message == f"{tmp_path / 'Newsroom' / 'Bad.yml'}:3: unknown key 'ignorcase' (did you mean 'ignorecase'?)"


def test_wrong_type_names_key_and_line(tmp_path):
    message = error_of(tmp_path, "extends: existence\nmessage: x\ntokens: very\n")
    assert message.endswith("Bad.yml:3: 'tokens' must be a list, not a string")


def test_bad_level_choice(tmp_path):
    message = error_of(tmp_path, "extends: existence\nlevel: fatal\ntokens: [a]\n")
    assert message.endswith("Bad.yml:2: 'level' must be one of suggestion, warning, error, not 'fatal'")


def test_unknown_rule_type_suggests_the_nearest(tmp_path):
    message = error_of(tmp_path, "extends: existance\ntokens: [a]\n")
    assert message.endswith("Bad.yml:1: unknown rule type 'existance' (did you mean 'existence'?)")


def test_missing_extends(tmp_path):
    assert error_of(tmp_path, "message: x\n").endswith("Bad.yml:1: missing key 'extends' (the rule type)")


def test_invalid_yaml_names_the_line(tmp_path):
    message = error_of(tmp_path, "extends: existence\ntokens: [a, b\nmessage: x\n")
    assert "Bad.yml:" in message and "invalid YAML" in message


def test_yaml_bomb_is_refused(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    previous = "a"
    for i in range(1, 16):
        name = f"l{i}"
        bomb += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    message = error_of(tmp_path, "extends: existence\ntokens: [a]\n" + bomb)
    assert "aliases (a YAML bomb?)" in message


def test_yaml_one_point_two_booleans_keep_words(tmp_path):
    linter = load(tmp_path, {"Words.yml": "extends: existence\nmessage: \"'%s'\"\ntokens: [no, yes, off]\n"})
    rule = linter.rules["Newsroom.Words"]
    assert rule.options["tokens"] == ["no", "yes", "off"]


def test_a_later_style_overrides_a_bundled_rule_by_id(tmp_path):
    style = tmp_path / "House"
    style.mkdir()
    (style / "DoubledWord.yml").write_text(
        "extends: existence\nmessage: 'newsroom version'\ntokens: [zzz]\n"
        "category: typo\ndescription: d\nexamples: {bad: [zzz], good: [a]}\n"
    )
    linter = Linter(Config(styles=("House", str(style))))
    assert linter.rules["House.DoubledWord"].message == "newsroom version"
    assert "House.RunTogether" in linter.rules


def test_cli_stops_before_linting_on_a_bad_rule(cli, tmp_path):
    style = tmp_path / "Newsroom"
    style.mkdir()
    (style / "Bad.yml").write_text("extends: existence\ntokens: ['(']\n")
    article = tmp_path / "a.txt"
    article.write_text("the the\n")
    result = cli("--rules", str(style), str(article))
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"stylecheck: error: {style / 'Bad.yml'}:2: bad regex in 'tokens'")
    assert "Traceback" not in result.err
