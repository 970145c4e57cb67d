"""Code-point offsets to LSP positions (UTF-16, UTF-8, UTF-32) and back, on awkward text."""
from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from stylecheck.lsp import PositionMapper, units

EXAMPLES = int(os.environ.get("STYLECHECK_FIX_EXAMPLES", "200"))

PIECES = st.sampled_from(["a", "é", "e\u0301", "😀", "👩‍👩‍👧", "שלום", "\u200b", "\ufeff", "\r\n", "\r", "\n", " ", "中"])


def test_emoji_and_accents_in_utf16():
    text = "Café 😀 said\r\nnaïve 👩‍👩‍👧 x"
    mapper = PositionMapper(text, "utf-16")
    assert mapper.position(text.index("said")) == (0, 8)   # 😀 counts two units
    assert mapper.position(text.index("x")) == (1, 15)     # 👩‍👩‍👧 is 5 code points, 8 units
    assert mapper.offset(1, 15) == text.index("x")
    assert PositionMapper(text, "utf-32").position(text.index("x")) == (1, 12)
    assert PositionMapper(text, "utf-8").position(text.index("said")) == (0, 11)
    assert mapper.offset(9, 0) == len(text)                # past the end is clamped


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=2)), max_size=30).map("".join), st.sampled_from(["utf-16", "utf-8", "utf-32"]))
def test_positions_round_trip_and_count_units(text, encoding):
    mapper = PositionMapper(text, encoding)
    breaks = [0]
    i = 0
    while i < len(text):  # line starts after CRLF, CR or LF, as LSP counts lines
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            i += 2
            breaks.append(i)
            continue
        if text[i] in "\r\n":
            breaks.append(i + 1)
        i += 1
    codec = {"utf-16": "utf-16-le", "utf-8": "utf-8", "utf-32": "utf-32-le"}[encoding]
    width = {"utf-16": 2, "utf-8": 1, "utf-32": 4}[encoding]
    for offset in range(len(text) + 1):
        line = max(n for n, start in enumerate(breaks) if start <= offset)
        character = len(text[breaks[line] : offset].encode(codec, "surrogatepass")) // width
        assert mapper.position(offset) == (line, character)
        assert mapper.offset(line, character) == offset
    assert units(text, encoding) == len(text.encode(codec, "surrogatepass")) // width
