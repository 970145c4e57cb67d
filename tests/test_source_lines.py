"""Source decoding and the line index: the base of every position stylecheck reports."""
from __future__ import annotations

import pytest

from stylecheck.lines import LineIndex
from stylecheck.source import SourceError, decode, read_source


def test_decode_keeps_newlines_and_strips_bom():
    source = decode("\ufeffOne\r\nTwo\r\n".encode(), "a.txt")
    assert source.text == "One\r\nTwo\r\n"
    assert source.bom is True
    assert source.newline == "\r\n"
    assert source.encoding == "utf-8"


def test_decode_reports_invalid_utf8_with_byte_and_offset():
    with pytest.raises(SourceError) as info:
        decode(b"caf\xe9 au lait", "menu.txt")
    assert str(info.value) == "menu.txt: not UTF-8 text (byte 0xe9 at offset 3); try --encoding latin-1"


def test_decode_with_legacy_encoding():
    assert decode(b"caf\xe9", "old.txt", "latin-1").text == "café"


def test_decode_refuses_binary():
    with pytest.raises(SourceError) as info:
        decode(b"PNG\x00\x01\x02", "image.txt")
    assert info.value.message == "binary file (NUL byte at offset 3), skipped; for UTF-16 text use --encoding utf-16"


def test_read_source_missing_file(tmp_path):
    with pytest.raises(SourceError) as info:
        read_source(str(tmp_path / "nope.txt"))
    assert info.value.message == "no such file"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_index_positions_for_every_newline_style(newline):
    text = newline.join(["first", "second line", "", "fourth"])
    index = LineIndex(text)
    assert len(index) == 4
    fourth = text.index("fourth")
    assert index.position(fourth) == (4, 1)
    assert index.position(text.index("line")) == (2, 8)
    assert index.offset(2, 8) == text.index("line")
    assert index.line_span(2, text) == (text.index("second"), text.index("second") + len("second line"))


def test_columns_count_code_points_not_bytes_or_utf16():
    text = "Zoë 👍 naïve word"
    index = LineIndex(text)
    assert index.position(text.index("word")) == (1, 13)
