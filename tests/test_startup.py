"""Start-up: what a plain `stylecheck FILE` imports, and the Record classes that keep it short.

The one-article budget is 0.08 s from process start to exit. `dataclasses` (which imports
`inspect`, `ast`, `dis`), `typing` and PyYAML together cost more than a third of it, so the lint
path must not import them; see stylecheck/record.py.
"""
from __future__ import annotations

import inspect
import json
import os
import pickle
import subprocess
import sys
from functools import lru_cache

import pytest

import stylecheck.cli  # noqa: F401  (the CLI path's modules, so their Records are all defined)
import stylecheck.engine  # noqa: F401
import stylecheck.output  # noqa: F401
import stylecheck.resultcache
import stylecheck.ruletypes.dates  # noqa: F401
import stylecheck.ruletypes.money  # noqa: F401
import stylecheck.ruletypes.times  # noqa: F401
import stylecheck.vale  # noqa: F401
from stylecheck.config import Config, Override, RuleSelection
from stylecheck.diagnostic import Diagnostic, Edit, FileResult, Fix, Match
from stylecheck.record import Record
from stylecheck.ruletypes.base import Field, RuleContext

# Modules a warm one-article lint must not import (the caches answer without them; see README
# "Start-up"). A module the interpreter itself loaded first (e.g. pathlib for an editable
# install's import hook) is not counted.
NOT_ON_THE_LINT_PATH = (
    "dataclasses", "typing", "inspect", "ast", "yaml", "pathlib", "hashlib", "tomllib", "shutil", "calendar",
    "stylecheck.vale", "stylecheck.lsp", "stylecheck.fix", "stylecheck.examples", "stylecheck.markdown",
)

_LINT_AND_LIST_MODULES = """
import json, sys
already = set(sys.modules)  # whatever the interpreter itself loaded (site, a .pth file) is not ours
from stylecheck.cli import main
code = main(["-q", "--preset", "british", sys.argv[1]])
sys.stdout.flush()
new = sorted(name for name in set(sys.modules) - already if name in json.loads(sys.argv[2]))
print("MODULES " + json.dumps({"code": code, "imported": new}))
"""


def _lint_in_a_fresh_process(article, env) -> tuple[str, dict]:
    proc = subprocess.run(
        [sys.executable, "-c", _LINT_AND_LIST_MODULES, str(article), json.dumps(NOT_ON_THE_LINT_PATH)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.stderr == ""
    findings, _, report = proc.stdout.rpartition("MODULES ")
    return findings, json.loads(report)


def test_a_warm_one_article_lint_imports_no_heavy_module(tmp_path, monkeypatch):
    article = tmp_path / "harbour.txt"
    article.write_text(
        "The harbour board met on Tuesday.\n\nMembers voted to renew the the lease for 12 years.\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("STYLECHECK")}
    env["STYLECHECK_RULES_CACHE_DIR"] = str(tmp_path / "rules-cache")
    expected = f"{article}:3:24: error [House.DoubledWord] 'the' is repeated.\n"
    # The first run compiles the rules (PyYAML is needed then) and stores them; the second is the
    # run a pre-commit hook makes every time.
    cold_findings, cold = _lint_in_a_fresh_process(article, env)
    assert cold_findings == expected and cold["code"] == 1
    assert "dataclasses" not in cold["imported"] and "typing" not in cold["imported"]
    warm_findings, warm = _lint_in_a_fresh_process(article, env)
    assert warm_findings == expected
    assert warm == {"code": 1, "imported": []}


def _all_records() -> list[type[Record]]:
    found, todo = [], [Record]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def test_every_record_takes_its_fields_in_slot_order():
    # `replace` and unpickling call __init__ with the fields by name and in `__slots__` order.
    records = _all_records()
    assert {r.__name__ for r in records} >= {
        "Run", "Override", "Config", "RuleSelection", "Match", "Fix", "Diagnostic", "FileResult",
        "Block", "Comment", "StyleDir", "Source", "Directive", "Report", "Field", "RuleContext",
        "DateMention", "Figures", "Currencies", "Amount", "TimeMention", "ValeSection", "ValeSettings",
    }
    for record in records:
        params = list(inspect.signature(record.__init__).parameters)[1:]
        assert params == list(record.fields()), record.__name__


def test_config_compares_hashes_and_prints_like_the_dataclass_it_was():
    override = Override(("opinion/**",), ignore=("House.Numbers",))
    a = Config(preset="british", overrides=(override,), settings=(("percent", "%"),))
    b = Config(preset="british", overrides=(Override(("opinion/**",), None, ("House.Numbers",)),), settings=(("percent", "%"),))
    assert a == b and hash(a) == hash(b)
    assert a != Config(preset="ap") and a != "Config"
    assert repr(Config()) == (
        "Config(path=None, root='.', preset='ap', styles=('House',), select=None, ignore=(), severity=(), "
        "accept=(), settings=(), include=('*.txt', '*.md', '*.markdown'), exclude=(), fail_level='error', "
        "overrides=(), time_budget=2.0, vale=None, origins=None)"
    )
    assert "overrides=(Override(files=('opinion/**',), select=None, ignore=('House.Numbers',), severity=()),)" in repr(a)


def test_config_survives_pickling_as_a_cache_key():
    calls = []

    @lru_cache(maxsize=4)
    def build(config: Config) -> int:
        calls.append(config)
        return len(calls)

    config = Config(preset="british", styles=("House", "/srv/newsroom"), accept=("WhatsApp",))
    copy = pickle.loads(pickle.dumps(config, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == config and copy is not config
    assert build(config) == build(copy) == 1
    assert copy.with_cli(preset="ap", select=None) == Config(preset="ap", styles=config.styles, accept=config.accept)


def test_replace_changes_only_the_named_fields_and_refuses_unknown_ones():
    match = Match(4, 9, "Say 'per cent'.", ("per cent",))
    moved = match.replace(start=5)
    assert (moved.start, moved.end, moved.message, moved.suggestions, moved.severity) == (5, 9, "Say 'per cent'.", ("per cent",), None)
    assert match.start == 4
    with pytest.raises(TypeError, match="no field 'stop'"):
        match.replace(stop=3)


def test_records_pickle_with_their_mutable_state():
    ctx = RuleContext(preset="british", settings={"percent": "%"}, accept=("Zelenskyy",))
    ctx.warnings.append("a Vale rule was skipped")
    fix = Fix((Edit(10, 13, "per cent"),), "safe")
    diagnostic = Diagnostic("a.txt", "House.Percent", "percent", "warning", "Say 'per cent'.", 1, 11, 1, 14, 10, 3, "pct", ("per cent",), "", fix)
    result = FileResult("a.txt", [diagnostic], warnings=["slow rule"])
    for value in (ctx, fix, diagnostic, result, Field((str,), "", doc="a key")):
        assert pickle.loads(pickle.dumps(value)) == value
    assert pickle.loads(pickle.dumps(ctx)).warnings == ["a Vale rule was skipped"]


def test_mutable_records_are_not_hashable_and_get_fresh_defaults():
    for value in (RuleContext(), FileResult("a.txt"), RuleSelection(None, ())):
        with pytest.raises(TypeError):
            hash(value)
    first, second = RuleContext(), RuleContext()
    first.settings["percent"] = "%"
    assert second.settings == {} and FileResult("b.txt").diagnostics == []


def test_result_cache_keeps_every_diagnostic_field():
    # resultcache serialises a Diagnostic field by field; `path` and `fix` are stored apart.
    assert stylecheck.resultcache._DIAGNOSTIC_FIELDS == [f for f in Diagnostic.fields() if f not in ("path", "fix")]
    assert stylecheck.resultcache._TUPLE_FIELDS == {"suggestions"}
    fix = Fix((Edit(10, 13, "per cent"), Edit(20, 20, "!")), "unsafe")
    diagnostic = Diagnostic("a.txt", "House.Percent", "percent", "warning", "Say 'per cent'.", 1, 11, 1, 14, 10, 3, "pct", ("per cent",), "https://example.org", fix)
    record = json.loads(json.dumps(stylecheck.resultcache._record(diagnostic)))
    assert stylecheck.resultcache._diagnostic("a.txt", record) == diagnostic
