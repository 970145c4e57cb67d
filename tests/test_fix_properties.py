"""Property tests of autofix (hypothesis): idempotent, and text outside the fixed spans untouched.

Examples per test: 200 by default; set STYLECHECK_FIX_EXAMPLES for a longer local campaign, e.g.
`STYLECHECK_FIX_EXAMPLES=5000 .venv/bin/python -m pytest -q tests/test_fix_properties.py`.
"""
from __future__ import annotations

import os
import tempfile

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from stylecheck.api import resolve_config
from stylecheck.cli import main
from stylecheck.rulecache import linter_for
from stylecheck.diagnostic import Edit, Fix
from stylecheck.fix import apply_edits, fix_text, select_fixes
from stylecheck.source import Source

EXAMPLES = int(os.environ.get("STYLECHECK_FIX_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the bundled rules fire (doubled words, abbreviation mixes, run-together names)
# mixed with what tends to break offsets: CRLF and CR, BOMs, zero-width and combining characters,
# emoji, right-to-left text, Markdown fences and quotes.
WORDS = st.sampled_from([
    "the", "The", "in", "café", "naïve", "e\u0301te\u0301", "🎉", "👩‍👩‍👧", "שלום", "مرحبا", "U.K.", "UK", "U.S.",
    "US", "Herald", "Maria", "HeraldMaria", "had", "that", "\u200b", "\ufeff", "so-called", '"peace"', "“quoted”",
    "```", "`code`", "# Heading", "> quote", "- item", "<!-- stylecheck-disable -->", "http://example.com/the the",
])
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\r\n", "\r", "\n\n", ". ", ", ", "\t", "  "])


@st.composite
def articles(draw) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        word = draw(st.one_of(WORDS, st.text(max_size=4)))
        parts.append(word)
        if draw(st.booleans()):  # a doubled word, the bread and butter of the safe fixes
            parts.append(draw(SEPARATORS) + (word if draw(st.booleans()) else word.lower()))
        parts.append(draw(SEPARATORS))
    return "".join(parts)


def _linter(path: str = "story.md"):
    linter = linter_for(resolve_config({}, None))

    def lint(text: str):
        return linter.lint_source(Source(path=path, text=text)).diagnostics

    return lint


LINT_MD = _linter("story.md")
LINT_TXT = _linter("story.txt")


def _replay(original: str, rounds: list[list[Edit]], lint, unsafe: bool) -> list[tuple[str, int | None]]:
    """Re-run the rounds independently: each edit must be a fix the linter offered for the text of
    that round, and every piece of text not replaced must be the original's, in order."""
    segments: list[tuple[str, int | None]] = [(original, 0)]  # (text, offset in original or None)
    current = original
    for edits in rounds:
        offered = {
            (e.start, e.end, e.replacement)
            for d in lint(current)
            if d.fix is not None and d.fix.applicable(unsafe)
            for e in d.fix.edits
        }
        assert edits
        for edit in edits:
            assert (edit.start, edit.end, edit.replacement) in offered
        for a, b in zip(edits, edits[1:]):
            assert a.end <= b.start
        result: list[tuple[str, int | None]] = []
        position = 0  # in `current`
        for edit in edits:
            result.extend(_cut(segments, position, edit.start))
            result.append((edit.replacement, None))
            position = edit.end
        result.extend(_cut(segments, position, len(current)))
        segments = [s for s in result if s[0]]
        current = "".join(s[0] for s in segments)
    return segments


def _cut(segments: list[tuple[str, int | None]], start: int, end: int) -> list[tuple[str, int | None]]:
    out = []
    position = 0
    for text, origin in segments:
        seg_start, seg_end = position, position + len(text)
        position = seg_end
        lo, hi = max(start, seg_start), min(end, seg_end)
        if lo < hi:
            piece = text[lo - seg_start : hi - seg_start]
            out.append((piece, None if origin is None else origin + lo - seg_start))
    return out


def _check_untouched_outside_fixes(original: str, outcome, lint, unsafe: bool) -> None:
    segments = _replay(original, outcome.rounds, lint, unsafe)
    assert "".join(text for text, _ in segments) == outcome.text
    last = -1
    for text, origin in segments:
        if origin is not None:
            assert original[origin : origin + len(text)] == text
            assert origin > last
            last = origin


@SETTINGS
@given(articles(), st.booleans(), st.booleans())
def test_fix_is_idempotent_and_touches_only_fixed_spans(text, markdown, unsafe):
    lint = LINT_MD if markdown else LINT_TXT
    outcome = fix_text(text, lint, unsafe=unsafe)
    event(f"rounds: {min(len(outcome.rounds), 3)}")
    _check_untouched_outside_fixes(text, outcome, lint, unsafe)
    if outcome.converged:
        again = fix_text(outcome.text, lint, unsafe=unsafe)
        assert again.text == outcome.text
        assert again.rounds == []


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8), st.text(max_size=3), st.sampled_from("ABC")), max_size=12),
       st.text(min_size=30, max_size=40), st.randoms())
def test_selected_fixes_never_overlap_and_do_not_depend_on_order(raw, text, rnd):
    fixes = [(Fix((Edit(s, min(s + n, len(text)), r),), "safe"), rule) for s, n, r, rule in raw]
    chosen = select_fixes(fixes)
    shuffled = list(fixes)
    rnd.shuffle(shuffled)
    assert select_fixes(shuffled) == chosen
    edits = [fix.edits[0] for fix, _rule in chosen]
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start
    # Every fix left out overlaps one that was kept (nothing droppable is dropped for no reason).
    for fix, _rule in set(fixes) - set(chosen):
        e = fix.edits[0]
        assert any(c.start < e.end and e.start < c.end or c.start == e.start for c in edits)
    # Applying them copies every gap exactly.
    out = apply_edits(text, edits)
    position = 0
    for edit in edits:
        gap = text[position : edit.start]
        assert out.startswith(gap)
        out = out[len(gap):]
        assert out.startswith(edit.replacement)
        out = out[len(edit.replacement):]
        position = edit.end
    assert out == text[position:]


@settings(max_examples=max(20, EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.booleans(), st.sampled_from(["\n", "\r\n", "\r"]))
def test_fix_on_disk_keeps_bytes_bom_and_newlines_and_is_idempotent(text, bom, newline):
    import contextlib
    import io

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline).lstrip("\ufeff")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "story.txt")
        data = (("\ufeff" if bom else "") + text).encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            code = main(["--fix", "-q", path])
        if "\x00" in text:  # a NUL byte: skipped as binary, exit 2, left alone
            assert code == 2
            with open(path, "rb") as handle:
                assert handle.read() == data
            return
        assert code in (0, 1)
        expected = fix_text(text, LINT_TXT).text
        with open(path, "rb") as handle:
            fixed = handle.read()
        assert fixed == (("\ufeff" if bom else "") + expected).encode("utf-8")
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            main(["--fix", "-q", path])
        with open(path, "rb") as handle:
            assert handle.read() == fixed
        assert sorted(os.listdir(folder)) == ["story.txt"]
