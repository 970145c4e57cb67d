"""The offset invariant on every sample, as written and with CRLF line endings and a BOM."""
from __future__ import annotations

import pytest

from .conftest import ROOT, assert_invariant

SAMPLES = sorted(p for p in (ROOT / "samples").rglob("*") if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("variant", ["as-is", "crlf", "bom", "crlf+bom", "cr"])
def test_offsets_hold_in_every_variant(cli, tmp_path, sample, variant):
    text = sample.read_text(encoding="utf-8")
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    if variant == "cr":
        text = text.replace("\n", "\r")
    data = text.encode("utf-8")
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    path = tmp_path / sample.name
    path.write_bytes(data)
    config = sample.parent / ".stylecheck.yaml"
    if config.exists():  # the sample's own desk settings (samples/british/ uses the British preset)
        (tmp_path / config.name).write_bytes(config.read_bytes())
    result = cli("--format", "json", str(path))
    (entry,) = result.json()["files"]
    diagnostics = entry["diagnostics"]
    assert_invariant(text, diagnostics)
    # The same findings at the same lines and columns whatever the newline style or BOM.
    baseline = cli("--format", "json", str(sample)).json()["files"][0]["diagnostics"]
    assert [(d["rule"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in diagnostics] == [
        (d["rule"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in baseline
    ]
    if sample.name != "clean-brief.md":
        assert diagnostics, "a sample with deliberate mistakes must produce findings"
    else:
        assert diagnostics == []


def test_encoding_option_reads_latin1(cli, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\xe9 owners met the the mayor.\n".encode("latin-1"))
    assert cli("-q", str(path)).code == 2
    result = cli("--format", "json", "--encoding", "latin-1", str(path))
    (d,) = result.json()["files"][0]["diagnostics"]
    assert (d["column"], d["match"]) == (17, "the the")
