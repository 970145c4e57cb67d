"""Hostile or broken rules and configs: slow patterns are stopped, bombs and huge files are refused,
mistakes get an error naming the file, the line and the key (with a "did you mean").
"""
from __future__ import annotations

import ast
import os
import textwrap
import time
from pathlib import Path

import pytest

from .conftest import ROOT

# Slow by construction on any backtracking engine: overlapping alternatives ("a" or "aa") give a
# run of n letters Fibonacci(n) ways to be split, and every one is tried before the failing end.
# (A nested quantifier such as "(a+)+" is not enough: regex 2026.12 collapses it and answers at once.)
SLOW = "(?:a|aa)+$"
SLOW_FAIL = "(?:a|aa)+c"
SLOW_REPEATED = "(?:a|aa)+!"
BUDGET = 0.3
ARTICLE = "We saw the the dog.\n\n" + "a" * 5000 + "!\n"


def assert_really_slow(pattern: str, text: str) -> None:
    """Check, on the installed `regex` and outside stylecheck, that `pattern` cannot finish on `text`
    within the budget; otherwise the tests below would pass or fail for the engine's sake, not ours."""
    import regex

    started = time.monotonic()
    try:
        regex.compile(pattern).search(text, timeout=BUDGET)
    except TimeoutError:
        return
    pytest.fail(
        f"regex {regex.__version__} no longer backtracks on {pattern!r}: it finished in "
        f"{time.monotonic() - started:.3f}s, under the {BUDGET}s budget. The engine changed; pick a pattern "
        "that is still slow on it (this test checks stylecheck's budget, not the engine)."
    )


def write_style(root: Path, files: dict[str, str]) -> Path:
    style = root / "Hostile"
    style.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (style / f"{name}.yml").write_text(textwrap.dedent(body), encoding="utf-8")
    return style


def write_config(root: Path, body: str) -> None:
    (root / ".stylecheck.yaml").write_text(textwrap.dedent(body), encoding="utf-8")


# -- catastrophic patterns -------------------------------------------------------------------------

SLOW_RULES = {
    "existence-tokens": f"extends: existence\nnonword: true\ntokens: ['{SLOW}']\n",
    "existence-raw": f"extends: existence\nraw: ['{SLOW}']\n",
    "existence-exceptions": f"extends: existence\nnonword: true\ntokens: ['a+']\nexceptions: ['{SLOW_FAIL}']\n",
    "substitution-swap": f"extends: substitution\nnonword: true\nswap:\n  '{SLOW}': b\n",
    "substitution-exceptions": f"extends: substitution\nnonword: true\nswap:\n  'a+': b\nexceptions: ['{SLOW_FAIL}']\n",
    "consistency-either": f"extends: consistency\nnonword: true\neither:\n  '{SLOW}': zzz\n",
    "conditional-first": f"extends: conditional\nfirst: '{SLOW}'\nsecond: 'zzz'\n",
    "conditional-second": f"extends: conditional\nfirst: 'a'\nsecond: '{SLOW}'\n",
    "conditional-exceptions": f"extends: conditional\nfirst: 'a+'\nsecond: 'zzz'\nexceptions: ['{SLOW_FAIL}']\n",
    "occurrence-token": f"extends: occurrence\nscope: paragraph\nmax: 1\ntoken: '{SLOW}'\n",
    "repetition-tokens": f"extends: repetition\ntokens: ['{SLOW_REPEATED}']\n",
    "repetition-exceptions": f"extends: repetition\ntokens: ['a+']\nexceptions: ['{SLOW_FAIL}']\n",
}


@pytest.mark.parametrize("case", sorted(SLOW_RULES))
def test_catastrophic_pattern_is_stopped_and_the_run_goes_on(cli, in_tmp, case):
    body = SLOW_RULES[case]
    if case == "repetition-tokens":
        text = ARTICLE.replace("!", " " + "a" * 5000 + "x")  # a long token, repeated but for its end
        assert_really_slow(SLOW_REPEATED, text)
    elif case.endswith("exceptions"):
        text = ARTICLE.replace("!", " " + "a" * 5000 + "!")  # the long run is matched twice
        assert_really_slow(SLOW_FAIL, text)
    else:
        text = ARTICLE
        assert_really_slow(SLOW, text)
    write_style(in_tmp, {"Slow": body})
    write_config(in_tmp, f"styles: [House, ./Hostile]\ntime-budget: {BUDGET}\n")
    (in_tmp / "article.txt").write_text(text)
    (in_tmp / "other.txt").write_text("They the the left.\n")
    started = time.monotonic()
    result = cli("-q", "article.txt", "other.txt")
    elapsed = time.monotonic() - started
    assert result.err.splitlines() == [
        f"stylecheck: warning: article.txt: rule Hostile.Slow stopped after {BUDGET:g}s "
        "(its pattern is too slow on this file); its findings for this file are left out"
    ]
    # The other rules, and the other file, are still linted.
    assert "article.txt:1:8: error [House.DoubledWord] 'the' is repeated." in result.out
    assert "other.txt:1:6: error [House.DoubledWord] 'the' is repeated." in result.out
    assert result.code == 1
    assert elapsed < 15, f"{elapsed:.1f}s: the budget did not stop the scan"


def test_the_slowness_check_fails_on_a_pattern_the_engine_answers_at_once():
    with pytest.raises(pytest.fail.Exception, match=r"no longer backtracks on 'a\+!'"):
        assert_really_slow("a+!", "a" * 5000 + "?")


def test_slow_accept_pattern_is_stopped(cli, in_tmp):
    assert_really_slow(SLOW_FAIL, "We saw the the dog " + "a" * 5000 + "!\n")
    write_config(in_tmp, f"time-budget: {BUDGET}\naccept: ['{SLOW_FAIL}']\n")
    (in_tmp / "article.txt").write_text("We saw the the dog " + "a" * 5000 + "!\n")
    result = cli("-q", "article.txt")
    assert result.err == (
        f"stylecheck: warning: article.txt: the 'accept' patterns of {in_tmp / '.stylecheck.yaml'} stopped after "
        f"{BUDGET:g}s; accepted terms were not applied to this file\n"
    )
    assert result.out == "article.txt:1:8: error [House.DoubledWord] 'the' is repeated.\n"
    assert result.code == 1


def _regex_calls_without_budget(source: str) -> list[str]:
    """Calls like `self.pattern.finditer(text)` (a user pattern) that pass no `timeout=`."""
    methods = {"finditer", "search", "match", "fullmatch", "findall", "sub", "subn", "split"}
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in methods):
            continue
        receiver = node.func.value
        # self.finditer(...) and self.is_exception(...) are the budgeted helpers; module-level
        # patterns (_CANDIDATE) are ours, linear by construction; user patterns hang off self.
        user_pattern = (
            isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name) and receiver.value.id == "self"
        )
        if user_pattern and not any(k.arg == "timeout" for k in node.keywords):
            found.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_every_scan_of_a_user_pattern_in_core_rule_types_has_a_budget():
    """The core rule types, whose patterns come straight from users' YAML."""
    offenders = {}
    core = ("base", "existence", "substitution", "consistency", "conditional", "occurrence", "repetition", "runtogether")
    # Vale mode scans a rule whose tokens are all plain (letters, digits, spaces, hyphens,
    # apostrophes, in word boundaries) with the standard library's `re`, which takes no timeout;
    # such a pattern matches in linear time (valecompat.compile_plain checks the token's shape).
    linear = {"self.vale_plain_pattern.finditer(text)"}
    for module in sorted((ROOT / "stylecheck" / "ruletypes" / f"{name}.py") for name in core):
        calls = [c for c in _regex_calls_without_budget(module.read_text(encoding="utf-8")) if c.split(": ", 1)[1] not in linear]
        if calls:
            offenders[module.name] = calls
    assert not offenders, f"user patterns scanned without timeout=: {offenders}"


def test_budget_checker_catches_an_unbudgeted_scan():
    assert _regex_calls_without_budget("def f(self, t):\n    return self.pattern.finditer(t)\n")
    assert not _regex_calls_without_budget("def f(self, t):\n    return self.pattern.finditer(t, timeout=1)\n")
    assert not _regex_calls_without_budget("def f(self, t):\n    return _WORD.findall(t) + t.split('.')\n")


# -- YAML bombs and huge files ---------------------------------------------------------------------

LAUGHS = """\
    extends: existence
    examples:
      a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]
      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
      f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
      g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
      h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
    tokens: *h
"""


def _refused(cli, in_tmp, body: str | None = None, *, raw: bytes | None = None):
    style = write_style(in_tmp, {})
    path = style / "Bad.yml"
    path.write_bytes(raw if raw is not None else textwrap.dedent(body or "").encode())
    (in_tmp / "a.txt").write_text("the the\n")
    started = time.monotonic()
    result = cli("--rules", str(style), "a.txt")
    assert time.monotonic() - started < 20
    assert result.code == 2 and result.out == ""
    assert "Traceback" not in result.err
    assert result.err.count("\n") == 1, result.err
    return result.err.removeprefix("stylecheck: error: ").rstrip("\n"), str(path)


def test_billion_laughs_is_refused(cli, in_tmp):
    message, path = _refused(cli, in_tmp, LAUGHS)
    assert message == f"{path}: invalid YAML: its aliases expand to 102,908,579 values (a YAML bomb?); refused"


def test_recursive_alias_is_refused(cli, in_tmp):
    message, path = _refused(cli, in_tmp, "extends: existence\ntokens: &x [a, *x]\n")
    assert message == f"{path}:2: invalid YAML: an alias refers to itself (a YAML bomb?)"


def test_too_many_aliases_are_refused(cli, in_tmp):
    body = "extends: existence\nexamples: {a: &a x}\ntokens: [" + ", ".join(["*a"] * 150) + "]\n"
    message, path = _refused(cli, in_tmp, body)
    assert message == f"{path}:3: invalid YAML: more than 100 aliases (a YAML bomb?)"


def test_reused_lists_are_fine(cli, in_tmp):
    style = write_style(in_tmp, {"Reuse": "extends: existence\ntokens: &a [zap, zip]\nexamples: {good: *a}\n"})
    (in_tmp / "a.txt").write_text("A zap.\n")
    result = cli("-q", "--rules", str(style), "a.txt")
    assert (result.code, result.out, result.err) == (0, "a.txt:1:3: warning [Hostile.Reuse] Avoid 'zap'.\n", "")


def test_huge_rule_file_is_refused(cli, in_tmp):
    body = "extends: existence\ntokens:\n" + "".join(f"  - word{i}\n" for i in range(60_000))
    message, path = _refused(cli, in_tmp, body)
    assert message == f"{path}: file is larger than 512 kB; refused"


def test_rule_with_too_many_entries_is_refused(cli, in_tmp):
    body = "extends: existence\ntokens:\n" + "".join(f"  - w{i}\n" for i in range(12_000))
    message, path = _refused(cli, in_tmp, body)
    assert message == f"{path}:2: 'tokens' has 12,000 entries (at most 10,000); split the rule"


def test_deeply_nested_yaml_is_refused(cli, in_tmp):
    message, path = _refused(cli, in_tmp, "extends: existence\ntokens: " + "[" * 5000 + "]" * 5000 + "\n")
    assert message == f"{path}: invalid YAML: nested too deeply"


def test_rule_file_not_utf8(cli, in_tmp):
    message, path = _refused(cli, in_tmp, raw=b"extends: existence\ntokens: [caf\xe9]\n")
    assert message == f"{path}: not UTF-8 text (byte 0xe9 at offset 31)"


# -- mistakes in rule files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body,expected",
    [
        ("extends: existence\ntokens: [x]\nignorecas: true\n", ":3: unknown key 'ignorecas' (did you mean 'ignorecase'?)"),
        ("extends: existence\ntoken: [x]\n", ":2: unknown key 'token' (did you mean 'tokens'?)"),
        ("extends: existance\ntokens: [x]\n", ":1: unknown rule type 'existance' (did you mean 'existence'?)"),
        ("extends: substitution\nswap: {a: b}\nmesage: hi\n", ":3: unknown key 'mesage' (did you mean 'message'?)"),
        ("extends: existence\ntokens: x\n", ":2: 'tokens' must be a list, not a string"),
        ("extends: existence\ntokens: [x]\nlevel: [error]\n", ":3: 'level' must be a string, not a list"),
        ("extends: existence\ntokens: [x]\nignorecase: 'yes'\n", ":3: 'ignorecase' must be true or false, not a string"),
        ("extends: occurrence\ntoken: 'x'\nmax: many\n", ":3: 'max' must be a whole number, not a string"),
        ("extends: occurrence\ntoken: 'x'\nmax: true\n", ":3: 'max' must be a whole number, not true or false"),
        ("extends: existence\ntokens: [x]\nlevel: fatal\n", ":3: 'level' must be one of suggestion, warning, error, not 'fatal'"),
        ("extends: existence\ntokens: [x]\n  bad: indent\n", ":3: invalid YAML: expected <block end>, but found '<block mapping start>'"),
        ("- just\n- a list\n", ": a rule file must be a mapping of keys to values"),
        ("tokens: [x]\n", ":1: missing key 'extends' (the rule type)"),
        ("extends: existence\ntokens: [x]\nexamples:\n  bad: 5\n", ":4: 'examples.bad' must be a list of texts, not a whole number"),
        ("extends: existence\ntokens: [x]\nexamples:\n  bda: [x]\n", ":4: unknown key 'bda' in 'examples' (did you mean 'bad'?)"),
        ("extends: existence\ntokens: [x]\nexamples:\n  bad:\n    - txt: x\n", ":5: each item of 'examples.bad' must be a text or a mapping with a 'text'"),
        ("extends: existence\ntokens: [x]\nexamples:\n  bad:\n    - text: x\n      mach: x\n", ":6: unknown key 'mach' in an example (did you mean 'match'?)"),
    ],
)
def test_rule_mistakes_name_the_file_line_and_key(cli, in_tmp, body, expected):
    message, path = _refused(cli, in_tmp, body)
    assert message == f"{path}{expected}"


def test_bad_regex_names_the_key_the_line_and_the_pattern(cli, in_tmp):
    message, path = _refused(cli, in_tmp, "extends: existence\ntokens: [fine, '(unclosed']\n")
    assert message.startswith(f"{path}:2: bad regex in 'tokens': ")
    assert "missing )" in message and "(unclosed" in message


# -- malformed configuration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body,expected",
    [
        ("preset: ap\nignor: [House.SoCalled]\n", ":2: unknown key 'ignor' (did you mean 'ignore'?)"),
        ("fail_level: warning\n", ":1: unknown key 'fail_level' (did you mean 'fail-level'?)"),
        ("preset: ap\nstyles: House\n", ":2: 'styles' must be a list"),
        ("preset: app\n", ":1: unknown preset 'app' (expected one of: ap, british)"),
        ("severity:\n  House.SoCalled: loud\n", ":2: severity of 'House.SoCalled' must be one of suggestion, warning, error, off; not 'loud'"),
        ("time-budget: 0\n", ":1: 'time-budget' must be a number of seconds above 0, not 0"),
        ("time-budget: fast\n", ":1: 'time-budget' must be a number"),
        ("overrides:\n  - files: 'opinion/**'\n", ":2: 'files' must be a list"),
        ("overrides:\n  - ignore: [House]\n", ":1: each override needs 'files' (a list of globs)"),
        ("accept: ['(unclosed']\n", ":1: bad pattern in 'accept': '(unclosed': missing ) at position 9"),
        ("preset: ap\n  x: : y\n", ":2: invalid YAML: mapping values are not allowed here"),
        ("- a\n- b\n", ": configuration must be a mapping of keys to values"),
    ],
)
def test_malformed_config_file(cli, in_tmp, body, expected):
    write_config(in_tmp, body)
    (in_tmp / "a.txt").write_text("the the\n")
    result = cli("a.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"stylecheck: error: {in_tmp / '.stylecheck.yaml'}{expected}\n"


@pytest.mark.parametrize(
    "body,expected",
    [
        ('[project]\nname = "x"\n\n[tool.stylecheck]\npreset = "ap"\nfail_level = "error"\n', ":6: unknown key 'fail_level' (did you mean 'fail-level'?)"),
        ('[tool.stylecheck]\nignore = "House.SoCalled"\n', ":2: 'ignore' must be a list"),
        ('[tool.stylecheck]\npreset = "apx"\n', ":2: unknown preset 'apx' (expected one of: ap, british)"),
        ('[tool.stylecheck\npreset = "ap"\n', ":1: invalid TOML: Expected ']' at the end of a table declaration"),
        ("[tool]\nstylecheck = 3\n", ": 'tool.stylecheck' must be a table ([tool.stylecheck])"),
        ('[tool.stylecheck]\nx = ' + "[" * 3000 + "]" * 3000 + "\n", ": invalid TOML: nested too deeply"),
    ],
)
def test_malformed_pyproject_table(cli, in_tmp, body, expected):
    (in_tmp / "pyproject.toml").write_text(body)
    (in_tmp / "a.txt").write_text("the the\n")
    result = cli("a.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"stylecheck: error: {in_tmp / 'pyproject.toml'}{expected}\n"


def test_explicit_config_that_does_not_exist(cli, in_tmp):
    (in_tmp / "a.txt").write_text("the the\n")
    result = cli("--config", "missing.yaml", "a.txt")
    assert (result.code, result.out, result.err) == (2, "", "stylecheck: error: missing.yaml: no such config file\n")


def test_rules_folder_that_does_not_exist(cli, in_tmp):
    (in_tmp / "a.txt").write_text("the the\n")
    result = cli("--rules", "nowhere", "a.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"stylecheck: error: {os.path.abspath('nowhere')}: no such rules folder\n"
