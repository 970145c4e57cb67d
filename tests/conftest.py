"""Shared fixtures: run the CLI in-process, make rule folders, find ../shared."""
from __future__ import annotations

import json
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from stylecheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "kyiv-independent-2025-03-16-carney-zelensky.txt"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"acceptance data {path} is not beside this clone")


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)

    def run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def write(tmp_path):
    """write("a/b.txt", "text") -> Path, with dedented text."""

    def _write(name: str, text: str, *, dedent: bool = True, newline: str | None = None) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        body = textwrap.dedent(text) if dedent else text
        if newline:
            body = body.replace("\n", newline)
        path.write_bytes(body.encode("utf-8"))
        return path

    return _write


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_invariant(text: str, diagnostics) -> None:
    """Every diagnostic's offsets, lines and columns agree with the original text."""
    from stylecheck.lines import LineIndex

    index = LineIndex(text)
    for d in diagnostics:
        get = (lambda k: d[k]) if isinstance(d, dict) else (lambda k: getattr(d, k))
        assert text[get("offset") : get("offset") + get("length")] == get("match")
        assert index.position(get("offset")) == (get("line"), get("column"))
        assert index.position(get("offset") + get("length")) == (get("end_line"), get("end_column"))


_RULE_LINTERS: dict[tuple, object] = {}


def lint_rule(text: str, rule: str, preset: str = "ap", **settings):
    """The diagnostics of `text` ("story.txt") under one bundled rule alone, with the preset and
    house settings given, after checking their positions against the text. One Linter per rule,
    preset and settings, kept for the session."""
    from stylecheck.config import Config
    from stylecheck.engine import Linter
    from stylecheck.source import Source

    key = (rule, preset, tuple(sorted(settings.items())))
    if key not in _RULE_LINTERS:
        _RULE_LINTERS[key] = Linter(Config(preset=preset, select=(rule,), settings=tuple(sorted(settings.items()))))
    result = _RULE_LINTERS[key].lint_source(Source.from_text(text, "story.txt"))
    assert_invariant(text, result.diagnostics)
    return result.diagnostics


os.environ.setdefault("STYLECHECK_NO_CACHE", "1")


def _hypothesis_profiles() -> None:
    """HYPOTHESIS_PROFILE=ci (the default: short and reproducible) or long (the local campaign)."""
    from hypothesis import HealthCheck, settings

    relaxed = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.register_profile("ci", max_examples=200, derandomize=True, database=None, **relaxed)
    settings.register_profile("dev", max_examples=1000, **relaxed)
    settings.register_profile(
        "long", max_examples=int(os.environ.get("STYLECHECK_FUZZ_EXAMPLES", "20000")), database=None, **relaxed
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()
