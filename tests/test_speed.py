"""-j/--jobs, --cache, --statistics, the progress bar and the compiled-rules cache."""
from __future__ import annotations

import functools
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stylecheck import parallel
from stylecheck.progress import Progress

# Sentences written for these tests. Each file gets a doubled word and a run-together pair at
# known places, plus filler so that the folder is big enough for the process pool.
_FILLER = "The county council met on Tuesday evening to discuss the budget for next year. " * 40


def _article(n: int) -> str:
    return (
        f"Report {n}: the mayor said the the plan would go ahead.\n\n"
        f"Staff at the Harbour Gazette said the GazetteAnna story was wrong. Anna wrote it.\n\n"
        f"{_FILLER}\n"
    )


@pytest.fixture
def newsroom(in_tmp, monkeypatch):
    """A folder of 12 articles (more than parallel.MIN_FILES), big enough for the pool."""
    monkeypatch.setattr(parallel, "MIN_BYTES", 1024)
    folder = in_tmp / "news"
    for n in range(12):
        (folder / f"desk{n % 3}").mkdir(parents=True, exist_ok=True)
        (folder / f"desk{n % 3}" / f"story{n:02}.txt").write_text(_article(n), encoding="utf-8")
    (folder / "clean.md").write_text("# A clean note\n\nNothing to see here.\n", encoding="utf-8")
    return folder


def test_jobs_1_and_2_give_identical_text_and_json(cli, newsroom, monkeypatch):
    used_pool = []
    real = parallel._lint_in_pool
    monkeypatch.setattr(parallel, "_lint_in_pool", lambda *a: used_pool.append(1) or real(*a))
    for fmt in ("text", "json"):
        one = cli("--format", fmt, "-j", "1", "news")
        two = cli("--format", fmt, "-j", "2", "news")
        assert one.code == two.code == 1
        assert one.out == two.out
        assert one.err == two.err == ""
    assert used_pool == [1, 1]  # -j 2 really ran in worker processes, both times
    data = json.loads(two.out)
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths) and len(paths) == 13
    first = data["files"][1]
    assert first["path"] == "news/desk0/story00.txt"
    rules = [(d["rule"], d["line"], d["column"], d["match"]) for d in first["diagnostics"]]
    assert rules == [
        ("House.DoubledWord", 1, 26, "the the"),
        ("House.RunTogether", 3, 39, "GazetteAnna"),
    ]


def test_small_runs_stay_in_one_process(cli, in_tmp, monkeypatch):
    monkeypatch.setattr(parallel, "_lint_in_pool", lambda *a: pytest.fail("a pool for two small files"))
    (in_tmp / "a.txt").write_text("We saw saw it.\n", encoding="utf-8")
    (in_tmp / "b.txt").write_text("All clear.\n", encoding="utf-8")
    result = cli("-q", "-j", "4", "a.txt", "b.txt")
    assert result.out == "a.txt:1:4: error [House.DoubledWord] 'saw' is repeated.\n"


def test_jobs_must_be_a_number(cli):
    result = cli("-j", "many", ".")
    assert result.code == 2
    assert "expected a whole number or 'auto'" in result.err


def test_cached_second_run_gives_the_first_runs_output(cli, newsroom, monkeypatch):
    for fmt in ("text", "json"):
        first = cli("--cache", "--format", fmt, "news")
        cache = Path(".stylecheck_cache")
        assert any(p.name.startswith("results-") for p in cache.iterdir())
        # The second run must not lint anything: every file comes from the cache.
        with monkeypatch.context() as patch:
            patch.setattr(parallel, "lint_one", lambda *a: pytest.fail(f"re-linted {a[0]}"))
            second = cli("--cache", "--format", fmt, "news")
        assert (second.code, second.out, second.err) == (first.code, first.out, first.err)


def test_cache_is_invalidated_by_a_changed_file(cli, newsroom, monkeypatch):
    cli("--cache", "news")
    story = newsroom / "desk1" / "story01.txt"
    story.write_text("Nothing doubled here, and nothing glued.\n", encoding="utf-8")
    linted = []
    real = parallel.lint_one
    monkeypatch.setattr(parallel, "lint_one", lambda path, *a: linted.append(path) or real(path, *a))
    result = cli("--cache", "-j", "1", "--format", "json", "news")
    assert linted == ["news/desk1/story01.txt"]
    files = {f["path"]: f["diagnostics"] for f in result.json()["files"]}
    assert files["news/desk1/story01.txt"] == []
    assert len(files["news/desk1/story04.txt"]) == 2


def test_cache_is_invalidated_by_changed_rules_and_config(cli, newsroom, monkeypatch, in_tmp):
    from stylecheck.rulecache import linter_for

    # Each run below stands for a new process: forget this process's compiled rules in between.
    style = in_tmp / "styles" / "Desk"
    style.mkdir(parents=True)
    rule = style / "Mayor.yml"
    rule.write_text("extends: existence\nmessage: \"Name the mayor instead of '%s'.\"\ntokens: [mayor]\n", encoding="utf-8")
    first = cli("--cache", "-q", "--rules", "styles", "--select", "Desk", "news/desk0/story00.txt")
    assert first.out == "news/desk0/story00.txt:1:15: warning [Desk.Mayor] Name the mayor instead of 'mayor'.\n"
    rule.write_text("extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [council]\n", encoding="utf-8")
    linter_for.cache_clear()
    second = cli("--cache", "-q", "--rules", "styles", "--select", "Desk", "news/desk0/story00.txt")
    assert second.out.startswith("news/desk0/story00.txt:5:12: warning [Desk.Mayor] Avoid 'council'.\n")
    # A configuration change (here: a severity) is a different rule set too.
    (in_tmp / ".stylecheck.yaml").write_text("severity: {Desk.Mayor: error}\n", encoding="utf-8")
    linter_for.cache_clear()
    third = cli("--cache", "-q", "--rules", "styles", "--select", "Desk", "news/desk0/story00.txt")
    assert third.out.startswith("news/desk0/story00.txt:5:12: error [Desk.Mayor] Avoid 'council'.\n")


def test_cache_dir_option_and_environment(cli, newsroom, monkeypatch, in_tmp):
    cli("--cache", "--cache-dir", "ci-cache", "news")
    assert any(p.name.startswith("results-") for p in (in_tmp / "ci-cache").iterdir())
    assert not (in_tmp / ".stylecheck_cache").exists()
    monkeypatch.setenv("STYLECHECK_CACHE_DIR", str(in_tmp / "from-env"))
    cli("--cache", "news")
    assert any(p.name.startswith("results-") for p in (in_tmp / "from-env").iterdir())


def test_a_corrupt_cache_is_a_miss(cli, newsroom):
    first = cli("--cache", "news")
    for entry in Path(".stylecheck_cache").glob("results-*.json"):
        entry.write_text("{not json", encoding="utf-8")
    second = cli("--cache", "news")
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err)


def test_statistics_counts_per_rule_and_category(cli, newsroom):
    (newsroom / "extra.txt").write_text('The so-called "reform" failed.\n', encoding="utf-8")
    result = cli("--statistics", "news")
    assert result.code == 1
    assert result.out == (
        "12  House.DoubledWord  error       typo\n"
        "12  House.RunTogether  suggestion  typo\n"
        " 1  House.SoCalled     warning     style\n"
        "\n"
        "24  typo\n"
        " 1  style\n"
        "\n"
        "Found 25 problems (12 errors, 1 warning, 12 suggestions) in 14 files.\n"
    )
    data = cli("--statistics", "--format", "json", "news").json()
    assert data["rules"][0] == {"rule": "House.DoubledWord", "category": "typo", "severity": "error", "count": 12}
    assert data["categories"] == [{"category": "typo", "count": 24}, {"category": "style", "count": 1}]
    assert data["summary"]["files"] == 14


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli, newsroom, monkeypatch):
    monkeypatch.setattr("stylecheck.progress._DELAY", 0.0)
    result = cli("-j", "1", "news")
    assert result.err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_and_erases_itself(monkeypatch):
    monkeypatch.setattr("stylecheck.progress._DELAY", 0.0)
    monkeypatch.setattr("stylecheck.progress._INTERVAL", 0.0)
    stream = _Terminal()
    with Progress(4, stream=stream) as bar:
        bar.advance()
        bar.advance(3)
    out = stream.getvalue()
    assert "\r[#######-----------------------] 1/4 files" in out
    assert "\r[##############################] 4/4 files" in out
    assert out.endswith("\r")
    quiet = io.StringIO()
    with Progress(4, stream=quiet) as bar:
        bar.advance(4)
    assert quiet.getvalue() == ""


def test_compiled_rules_cache_round_trip(tmp_path, monkeypatch):
    from stylecheck import rulecache
    from stylecheck.config import Config

    monkeypatch.delenv("STYLECHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("STYLECHECK_RULES_CACHE_DIR", str(tmp_path / "rules-cache"))
    config = Config(preset="british")
    built = rulecache.load_linter(config)
    entries = list((tmp_path / "rules-cache").glob("rules-*.pickle"))
    assert len(entries) == 1
    if hasattr(os, "getuid"):
        assert entries[0].stat().st_mode & 0o077 == 0
    loaded = rulecache.load_linter(config)
    assert loaded is not built and list(loaded.rules) == list(built.rules)
    text = "We saw saw the HarbourGazette. The Harbour Gazette said so."
    from stylecheck.source import Source

    assert loaded.lint_source(Source.from_text(text)).diagnostics == built.lint_source(Source.from_text(text)).diagnostics
    # A tampered entry (its key no longer matches) is rebuilt, never trusted.
    entries[0].write_bytes(b"stylecheck-rules-v1\nnot-the-key\n")
    assert list(rulecache.load_linter(config).rules) == list(built.rules)
    # A cache folder others can write to is ignored.
    from stylecheck.fingerprint import ruleset_digest

    assert rulecache.load_entry("rules", ruleset_digest(config)) is not None
    if hasattr(os, "getuid"):
        os.chmod(tmp_path / "rules-cache", 0o777)
        assert rulecache.load_entry("rules", ruleset_digest(config)) is None


@pytest.fixture
def desk_rule(tmp_path, monkeypatch):
    """A style folder `Desk` with one rule file, and the caches switched on, in tmp_path."""
    monkeypatch.delenv("STYLECHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("STYLECHECK_RULES_CACHE_DIR", str(tmp_path / "rules-cache"))
    style = tmp_path / "Desk"
    style.mkdir()
    rule = style / "Word.yml"
    rule.write_text("extends: existence\ntokens: [alpha]\n", encoding="utf-8")
    return rule


def test_compiled_rules_cache_follows_rule_file_contents(desk_rule):
    from stylecheck import rulecache
    from stylecheck.config import Config
    from stylecheck.source import Source

    rule, style = desk_rule, desk_rule.parent
    config = Config(styles=(str(style),))
    first = rulecache.load_linter(config)
    assert [d.match for d in first.lint_source(Source.from_text("alpha beta")).diagnostics] == ["alpha"]
    rule.write_text("extends: existence\ntokens: [beta]\n", encoding="utf-8")
    second = rulecache.load_linter(config)
    assert [d.match for d in second.lint_source(Source.from_text("alpha beta")).diagnostics] == ["beta"]


# -- the doubled-word pre-test ----------------------------------------------------------------------

_PIECES = ["the", "The", "THE", "a", "A", "in", "5", "5m", "£", "’", "'", "-", "_", ".", ",", "(", ")", "“", "”",
           " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "é", "É", "ß", "\u00a0", "\ufffc", "—", "K", "\u212a"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_may_repeat_is_never_false_when_the_pattern_matches(pieces):
    from stylecheck.ruletypes.repetition import may_repeat

    text = "".join(pieces)
    if _repetition_rule().pattern.search(text):
        assert may_repeat(text), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_the_doubled_word_quick_test_is_never_false_when_the_pattern_matches(pieces):
    from stylecheck.ruletypes.doubledword import _DOUBLE
    from stylecheck.ruletypes.repeats import Pieces

    text = "".join(pieces)
    if _DOUBLE.search(text):
        assert Pieces(text).may_double(), text


@functools.cache
def _repetition_rule():
    """A `repetition` rule as House.DoubledWord was before it had a type of its own."""
    from stylecheck.ruletypes.base import RuleContext
    from stylecheck.ruletypes.repetition import Repetition

    options = {"extends": "repetition", "ignorecase": True, "alpha": True, "tokens": ["[^\\s]+"]}
    return Repetition("Test.Repeated", options, RuleContext())


def test_may_repeat_rules_out_plain_copy_and_keeps_repeats():
    from stylecheck.ruletypes.repetition import may_repeat

    assert not may_repeat("The budget rose by £5m, then £3m, in the year to March.")
    assert not may_repeat("It’s the council’s plan, and the plan’s author spoke.")
    assert may_repeat("Voters in\nin the north stayed home.")
    assert may_repeat("“The the budget,” she said.")
    assert may_repeat("Le café café est fermé.")  # accented letters: never ruled out


def test_word_set_in_slices_finds_every_word_once(monkeypatch):
    import regex

    from stylecheck import wordlists
    from stylecheck.ruletypes import runtogether

    monkeypatch.setattr(wordlists, "_SLICE", 7)
    text = "Harbour Gazette, its ninety-nine reporters and Zoë’s café; the Gazette again."
    assert runtogether.word_set(text) == set(regex.findall(r"\p{L}+", text))


def test_lowercase_words_in_slices_are_the_whole_runs_a_full_scan_finds(monkeypatch):
    import regex

    from stylecheck import wordlists

    monkeypatch.setattr(wordlists, "_SLICE", 5)
    text = "The harbour_master met Ana and the NATO envoy; cafés, co-op, b2b and rock’n’roll stayed."

    from stylecheck.document import Document

    doc = Document.from_text(text)
    assert doc.prose == text
    expected = set(regex.findall(r"(?<!\w)\p{Ll}++(?!\w)", text))
    assert "harbour" not in expected and "cafés" in expected  # whole runs only
    assert wordlists.lowercase_words(doc) == expected


def test_fingerprint_follows_rule_files_also_behind_a_tagged_style_entry(tmp_path):
    from stylecheck import fingerprint

    style = tmp_path / "Google"
    style.mkdir()
    (style / "Word.yml").write_text("extends: existence\ntokens: [alpha]\n", encoding="utf-8")
    assert fingerprint._folder_of(f"vale:{style}") == str(style)
    assert fingerprint._folder_of(str(style)) == str(style)
    assert fingerprint._folder_of("vale:builtin") is None

    class Tagged:
        def style_paths(self):
            return [f"vale:{style}"]

    before = fingerprint.ruleset_digest(Tagged())
    (style / "Word.yml").write_text("extends: existence\ntokens: [beta]\n", encoding="utf-8")
    assert fingerprint.ruleset_digest(Tagged()) != before


def test_parsed_yaml_is_cached_by_content(tmp_path, monkeypatch):
    from stylecheck import yamlload

    monkeypatch.delenv("STYLECHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("STYLECHECK_RULES_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "currencies.yml"
    data.write_text("pound: {symbol: '£'}\ndollar: {symbol: '$'}\n", encoding="utf-8")
    first = yamlload.load_yaml_file(str(data))
    assert first == {"pound": {"symbol": "£"}, "dollar": {"symbol": "$"}}
    with monkeypatch.context() as patch:
        patch.setattr(yamlload, "_loader_class", lambda: pytest.fail("parsed again"))
        again = yamlload.load_yaml_file(str(data))
    assert again == first and again.lines == {"pound": 1, "dollar": 2}  # line numbers survive
    data.write_text("euro: {symbol: '€'}\n", encoding="utf-8")
    assert yamlload.load_yaml_file(str(data)) == {"euro": {"symbol": "€"}}


# -- the pattern store (patterns.py) --------------------------------------------------------------


def _run_python(code: str, cache: Path, *args: str) -> str:
    import subprocess
    import sys

    env = {**os.environ, "STYLECHECK_RULES_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("STYLECHECK_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


# In the child: count the patterns `regex` has to parse (a stored pattern is never parsed).
_COUNT_PARSES = """
import regex._main
parsed = []
_compile = regex._main._compile
def counting(pattern, flags, *args, **kwargs):
    parsed.append(pattern)
    return _compile(pattern, flags, *args, **kwargs)
regex._main._compile = counting
"""


def test_a_pattern_compiled_once_is_loaded_from_the_store_by_the_next_process(tmp_path):
    cache = tmp_path / "cache"
    first = _run_python(
        _COUNT_PARSES + "from stylecheck import patterns\n"
        "p = patterns.compile(r'tide(\\d+)mark')\npatterns.save()\nprint(len(parsed))",
        cache,
    )
    assert int(first) >= 1  # parsed in the first process
    second = _run_python(
        _COUNT_PARSES + "from stylecheck import patterns\n"
        "p = patterns.compile(r'tide(\\d+)mark')\n"
        "print(p.fullmatch('tide42mark').group(1), [x for x in parsed if 'tide' in x])\n"
        "q = patterns.compile(r'ebb(\\d+)flow')\nprint([x for x in parsed if 'ebb' in x])",
        cache,
    )
    assert second.splitlines() == ["42 []", "['ebb(\\\\d+)flow']"]


def test_a_second_run_parses_no_fixed_pattern(tmp_path):
    """Start-up: the second lint of an article compiles nothing (rules and module patterns)."""
    cache = tmp_path / "cache"
    article = tmp_path / "brief.txt"
    article.write_text("The council met on Tuesday, March 3, at 10:30 a.m. and voted 7-2.\n\n"
                       "It said the the budget of $4.5 million would rise by 3 percent.\n", encoding="utf-8")
    lint = "from stylecheck.cli import main\nimport sys\ncode = main(['-q', '--preset', 'british', sys.argv[1]])\n"
    _run_python(lint, cache, str(article))
    out = _run_python(_COUNT_PARSES + lint + "print('PARSED', parsed)", cache, str(article))
    assert "[House.DoubledWord]" in out
    assert out.splitlines()[-1] == "PARSED []"


def test_a_damaged_pattern_store_is_ignored(tmp_path, monkeypatch):
    import pickle

    import regex

    from stylecheck import patterns, rulecache

    monkeypatch.delenv("STYLECHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("STYLECHECK_RULES_CACHE_DIR", str(tmp_path))
    for name, value in (("_compiled", {}), ("_stored", {}), ("_used", set()), ("_loaded", False), ("_new", False)):
        monkeypatch.setattr(patterns, name, value)
    # A store whose entries do not match their keys (a pattern for "b" filed under "a"), do not
    # unpickle, or are not patterns; and junk keys.
    rulecache.store_entry("patterns", patterns._store_key(), {
        ("a+", 0): pickle.dumps(regex.compile("b+")), ("c+", 0): b"not a pickle",
        ("d+", 0): pickle.dumps("d+"), "junk": 1,
    })
    for source in ("a+", "c+", "d+"):
        compiled = patterns.compile(source)
        assert compiled.pattern == source and compiled.fullmatch(source[0] * 3)
    assert patterns._new  # compiled afresh, so the next save replaces the bad entries


def test_the_pattern_store_keeps_what_this_run_used_when_it_is_full(tmp_path, monkeypatch):
    import pickle

    import regex

    from stylecheck import patterns, rulecache

    monkeypatch.delenv("STYLECHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("STYLECHECK_RULES_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "STORE_LIMIT", 3)
    old = {(f"old{n}", 0): pickle.dumps(regex.compile(f"old{n}")) for n in range(4)}
    for name, value in (("_compiled", {}), ("_stored", dict(old)), ("_used", set()), ("_loaded", True), ("_new", False)):
        monkeypatch.setattr(patterns, name, value)
    patterns.compile("new1")
    patterns.compile("old3")
    patterns.save()
    stored = rulecache.load_entry("patterns", patterns._store_key())
    # Over the limit by two: the two oldest patterns this run did not use are dropped.
    assert sorted(source for source, _flags in stored) == ["new1", "old2", "old3"]


def test_a_lazy_module_pattern_compiles_on_first_use_and_pickles_by_source():
    import pickle

    from stylecheck.patterns import Lazy

    lazy = Lazy(r"(\d+) seats")
    assert lazy._compiled is None
    assert lazy.search("won 12 seats").group(1) == "12"
    again = pickle.loads(pickle.dumps(lazy))
    assert again.search("lost 3 seats").group(1) == "3"


def test_fingerprint_memo_skips_hashing_and_still_sees_a_same_size_same_time_edit(desk_rule, monkeypatch):
    from stylecheck import fingerprint

    rule, style = desk_rule, desk_rule.parent

    class Styles:
        def style_paths(self):
            return [str(style)]

        def __repr__(self):  # a configuration's repr is part of the key, as Config's is
            return f"Styles({style})"

    first = fingerprint.ruleset_digest(Styles())
    with monkeypatch.context() as patch:  # an unchanged rule set: the memo answers, nothing is read
        patch.setattr(fingerprint, "_content_digest", lambda *a: pytest.fail("hashed again"))
        assert fingerprint.ruleset_digest(Styles()) == first
    # Same size, and the modification time put back: the change time still moves on.
    stat = rule.stat()
    rule.write_text("extends: existence\ntokens: [omega]\n", encoding="utf-8")
    os.utime(rule, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert rule.stat().st_size == stat.st_size and rule.stat().st_mtime_ns == stat.st_mtime_ns
    second = fingerprint.ruleset_digest(Styles())
    assert second != first
    # Contents back as they were (new times): the digest is the first one again, by content.
    rule.write_text("extends: existence\ntokens: [alpha]\n", encoding="utf-8")
    assert fingerprint.ruleset_digest(Styles()) == first
