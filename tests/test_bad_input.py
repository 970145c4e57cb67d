"""The bad input matrix: every case gives one clear line, the right exit code, and the other files
of the run are still linted.

Each test lints the bad input beside `other.txt`, a file with one known finding, and checks that
finding is still reported. Exit codes: 0 clean, 1 findings at the fail level, 2 a file could not be
linted (a binary file is a failure, like an unreadable one; an oversized file is skipped with a
notice, not a failure).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stylecheck import cli as cli_module

from .conftest import ROOT, assert_invariant

OTHER = "Reporters saw the the parade.\n"  # House.DoubledWord at 1:15
STYLECHECK = [sys.executable, "-m", "stylecheck"]


@pytest.fixture
def other(in_tmp) -> Path:
    path = in_tmp / "other.txt"
    path.write_text(OTHER, encoding="utf-8")
    return path


def assert_other_linted(out: str) -> None:
    assert "other.txt:1:15: error [House.DoubledWord] 'the' is repeated." in out


def run_process(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([*STYLECHECK, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, **kwargs)


# -- empty and blank ----------------------------------------------------------------------------------


def test_empty_and_whitespace_only_files_are_clean(cli, in_tmp, other):
    (in_tmp / "empty.txt").write_bytes(b"")
    (in_tmp / "blank.md").write_bytes(b"  \r\n\t\n\r \n")
    result = cli("-q", "empty.txt", "blank.md")
    assert (result.code, result.out, result.err) == (0, "", "")
    result = cli("--format", "json", "empty.txt", "blank.md", "other.txt")
    assert result.code == 1
    files = {f["path"]: f for f in result.json()["files"]}
    assert files["empty.txt"] == {"path": "empty.txt", "diagnostics": []}
    assert files["blank.md"] == {"path": "blank.md", "diagnostics": []}
    assert [d["rule"] for d in files["other.txt"]["diagnostics"]] == ["House.DoubledWord"]


# -- encodings ----------------------------------------------------------------------------------------


def test_invalid_utf8_names_the_byte_offset(cli, in_tmp, other):
    (in_tmp / "legacy.txt").write_bytes("Le caf\u00e9 the the".encode("latin-1"))
    result = cli("-q", "legacy.txt", "other.txt")
    assert result.code == 2
    lines = result.out.splitlines()
    assert lines[0] == "legacy.txt: error: not UTF-8 text (byte 0xe9 at offset 6); try --encoding latin-1"
    assert_other_linted(result.out)
    assert "Traceback" not in result.err


def test_encoding_latin1_reads_legacy_archives(cli, in_tmp):
    (in_tmp / "legacy.txt").write_bytes("Le caf\u00e9 the the end.".encode("latin-1"))
    result = cli("--format", "json", "--encoding", "latin-1", "legacy.txt")
    assert result.code == 1
    (diagnostic,) = result.json()["files"][0]["diagnostics"]
    assert (diagnostic["line"], diagnostic["column"], diagnostic["offset"], diagnostic["match"]) == (1, 9, 8, "the the")
    assert_invariant("Le caf\u00e9 the the end.", [diagnostic])


def test_unknown_encoding_is_one_line(cli, in_tmp, other):
    result = cli("-q", "--encoding", "klingon", "other.txt")
    assert result.code == 2
    assert result.out == "other.txt: error: unknown encoding 'klingon'\n"


# -- binary -------------------------------------------------------------------------------------------


def test_binary_file_and_nul_byte_are_skipped_and_fail_the_run(cli, in_tmp, other):
    (in_tmp / "photo.txt").write_bytes(bytes(range(256)) * 4)
    (in_tmp / "nul.md").write_bytes(b"Some text\x00 the the")
    result = cli("-q", "photo.txt", "nul.md", "other.txt")
    assert result.code == 2  # a file named for linting could not be linted
    assert result.out.splitlines()[:2] == [
        "photo.txt: error: binary file (NUL byte at offset 0), skipped; for UTF-16 text use --encoding utf-16",
        "nul.md: error: binary file (NUL byte at offset 9), skipped; for UTF-16 text use --encoding utf-16",
    ]
    assert result.err == ""
    assert_other_linted(result.out)
    data = cli("--format", "json", "photo.txt").json()
    assert data["files"] == [
        {"path": "photo.txt", "error": "binary file (NUL byte at offset 0), skipped; for UTF-16 text use --encoding utf-16"}
    ]
    assert data["summary"]["failed_files"] == 1


def test_utf16_text_reads_with_its_encoding(cli, in_tmp):
    (in_tmp / "wide.txt").write_bytes("We saw the the dog.".encode("utf-16"))
    result = cli("-q", "--encoding", "utf-16", "wide.txt")
    assert (result.code, result.out) == (1, "wide.txt:1:8: error [House.DoubledWord] 'the' is repeated.\n")


# -- size ---------------------------------------------------------------------------------------------


def test_one_megabyte_single_line_finishes_with_exact_positions(cli, in_tmp, other):
    sentence = "The mayor said the plan would cost 12 million and the the council agreed. "
    count = 1_000_000 // len(sentence)
    text = sentence * count
    (in_tmp / "line.txt").write_text(text, encoding="utf-8")
    started = time.process_time()
    result = cli("--format", "json", "line.txt", "other.txt")
    elapsed = time.process_time() - started
    assert result.code == 1
    files = {f["path"]: f for f in result.json()["files"]}
    doubled = [d for d in files["line.txt"]["diagnostics"] if d["rule"] == "House.DoubledWord"]
    assert len(doubled) == count
    first = sentence.index("the the")
    assert [(d["line"], d["column"]) for d in doubled[:2]] == [(1, first + 1), (1, len(sentence) + first + 1)]
    assert doubled[-1]["column"] == (count - 1) * len(sentence) + first + 1
    assert_invariant(text, files["line.txt"]["diagnostics"])
    assert [d["rule"] for d in files["other.txt"]["diagnostics"]] == ["House.DoubledWord"]
    assert "stopped after" not in result.err  # no rule ran out of its time budget
    assert elapsed < 30, f"{elapsed:.1f}s CPU for a 1 MB line"


def test_fifty_megabyte_file_is_skipped_with_a_notice_in_bounded_time(cli, in_tmp, other):
    paragraph = ("Officials said the budget would rise next year. " * 8 + "\n\n").encode()
    with open(in_tmp / "dump.txt", "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            handle.write(paragraph)
    assert (in_tmp / "dump.txt").stat().st_size > 50 * 1024 * 1024
    started = time.monotonic()
    result = cli("-q", "dump.txt", "other.txt")
    assert time.monotonic() - started < 10
    assert result.code == 1
    assert result.err == (
        "stylecheck: warning: dump.txt: larger than 10 MB (50 MB), skipped; raise the limit with --max-file-size\n"
    )
    assert_other_linted(result.out)


def test_max_file_size_sets_the_limit(cli, in_tmp):
    (in_tmp / "two.txt").write_text("We saw the the dog.\n" * 6_000, encoding="utf-8")  # 120 kB
    result = cli("-q", "--max-file-size", "0.1", "two.txt")
    assert (result.code, result.out) == (0, "")
    assert result.err == "stylecheck: warning: two.txt: larger than 0.1 MB (0.114 MB), skipped; raise the limit with --max-file-size\n"
    result = cli("--format", "json", "--max-file-size", "0", "two.txt")
    assert result.code == 1
    assert len(result.json()["files"][0]["diagnostics"]) == 6_000


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_endless_device_is_read_only_up_to_the_limit(cli, in_tmp, other):
    started = time.monotonic()
    result = cli("-q", "--max-file-size", "1", "/dev/zero", "other.txt")
    assert time.monotonic() - started < 10
    assert result.code == 1
    assert result.err == "stylecheck: warning: /dev/zero: larger than 1 MB, skipped; raise the limit with --max-file-size\n"
    assert_other_linted(result.out)


def test_stdin_larger_than_the_limit_is_skipped(cli, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"the the " * 200_000)))
    result = cli("-q", "--max-file-size", "1", "-")
    assert (result.code, result.out) == (0, "")
    assert result.err == "stylecheck: warning: <stdin>: larger than 1 MB, skipped; raise the limit with --max-file-size\n"


# -- paths --------------------------------------------------------------------------------------------


def test_missing_path(cli, in_tmp, other):
    result = cli("-q", "nowhere.txt", "other.txt")
    assert result.code == 2
    assert result.out.splitlines()[0] == "nowhere.txt: error: no such file or directory"
    assert_other_linted(result.out)


def test_directory_without_permission_simulated(cli, in_tmp, other, monkeypatch):
    """Tests run as root in CI, where permission bits do not stop reads: simulate the refusal
    where the walk lists a folder (os.scandir) and where a file is opened."""
    locked = in_tmp / "news" / "locked"
    locked.mkdir(parents=True)
    (locked / "story.txt").write_text("the the\n")
    (in_tmp / "news" / "open.txt").write_text("An open the the file.\n")
    (in_tmp / "secret.txt").write_text("the the\n")
    real_scandir, real_open = os.scandir, open

    def scandir(path="."):
        if os.path.abspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def guarded_open(file, *args, **kwargs):
        if os.path.abspath(os.fspath(file)) == str(in_tmp / "secret.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr("builtins.open", guarded_open)
    result = cli("-q", "news", "secret.txt", "other.txt")
    assert result.code == 2
    assert result.out.splitlines() == [
        "news/locked: error: permission denied",
        "news/open.txt:1:9: error [House.DoubledWord] 'the' is repeated.",
        "secret.txt: error: permission denied",
        "other.txt:1:15: error [House.DoubledWord] 'the' is repeated.",
    ]


def _can_drop_privileges() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.mark.skipif(not _can_drop_privileges(), reason="needs root and setpriv to run as an unprivileged user")
def test_directory_without_permission_real(tmp_path):
    """The real thing, where possible: root drops to `nobody`, for whom mode 000 is a locked door."""
    work = Path("/tmp") / f"stylecheck-perm-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    try:
        (work / "locked").mkdir(parents=True)
        (work / "locked" / "a.txt").write_text("the the\n")
        (work / "other.txt").write_text(OTHER)
        (work / "secret.txt").write_text("the the\n")
        os.chmod(work, 0o755)
        os.chmod(work / "other.txt", 0o644)
        os.chmod(work / "locked", 0o000)
        os.chmod(work / "secret.txt", 0o000)
        probe = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", "import stylecheck"],
            cwd=work, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
        )
        if probe.returncode != 0:
            pytest.skip("the unprivileged user cannot run this checkout's Python")
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *STYLECHECK, "-q", ".", "secret.txt"],
            cwd=work, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, capture_output=True, text=True,
        )
        assert result.returncode == 2, result
        assert result.stdout.splitlines() == [
            "locked: error: permission denied",
            "other.txt:1:15: error [House.DoubledWord] 'the' is repeated.",
            "secret.txt: error: permission denied",
        ], result
        assert "Traceback" not in result.stderr
    finally:
        os.chmod(work / "locked", 0o755)
        shutil.rmtree(work, ignore_errors=True)


def test_symlink_loop(cli, in_tmp, other):
    os.symlink("loop-b.txt", in_tmp / "loop-a.txt")
    os.symlink("loop-a.txt", in_tmp / "loop-b.txt")
    result = cli("-q", "loop-a.txt", "other.txt")
    assert result.code == 2
    assert result.out.splitlines()[0] == "loop-a.txt: error: Too many levels of symbolic links"
    assert_other_linted(result.out)
    # Inside a folder walk too, and a folder linked to its own parent is not followed forever.
    folder = in_tmp / "desk"
    folder.mkdir()
    os.symlink("../loop-a.txt", folder / "looped.txt")
    os.symlink("..", folder / "up")
    (folder / "story.txt").write_text("Her the the notes.\n")
    result = cli("-q", "desk")
    assert result.code == 2
    assert result.out.splitlines() == [
        "desk/looped.txt: error: Too many levels of symbolic links",
        "desk/story.txt:1:5: error [House.DoubledWord] 'the' is repeated.",
    ]


def test_file_deleted_between_collection_and_reading(cli, in_tmp, other, monkeypatch):
    (in_tmp / "gone.txt").write_text("the the\n")
    collect = cli_module.collect

    def collect_then_delete(run):
        collect(run)
        (in_tmp / "gone.txt").unlink()

    monkeypatch.setattr(cli_module, "collect", collect_then_delete)
    result = cli("-q", "gone.txt", "other.txt")
    assert result.code == 2
    assert result.out.splitlines()[0] == "gone.txt: error: no such file (it was removed after the run started)"
    assert_other_linted(result.out)


# -- standard input -----------------------------------------------------------------------------------


def test_stdin_closed(in_tmp):
    """`stylecheck - <&-`: Python starts with sys.stdin set to None."""
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m stylecheck - <&-', sys.executable],
        cwd=in_tmp, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert result.stdout.splitlines()[0] == "<stdin>: error: cannot read standard input (it is closed)"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("mode", ["--diff", "--fix"])
def test_fixing_stdin_closed_is_a_one_line_error(in_tmp, mode):
    """`stylecheck --diff - <&-`: the fix path reads through the same reader as linting."""
    result = subprocess.run(
        ["sh", "-c", f'exec "$0" -m stylecheck {mode} - <&-', sys.executable],
        cwd=in_tmp, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    expected = {
        "--diff": ("stylecheck: error: <stdin>: cannot read standard input (it is closed)", result.stderr),
        "--fix": ("<stdin>: error: cannot read standard input (it is closed)", result.stdout),  # the report
    }
    line, stream = expected[mode]
    assert line in stream.splitlines()


@pytest.mark.parametrize("mode", ["--diff", "--fix"])
def test_fixing_honours_max_file_size(cli, in_tmp, mode):
    big = in_tmp / "two.txt"
    big.write_text("We saw the the dog. " * 6000)
    before = big.read_bytes()
    result = cli(mode, "-q", "--max-file-size", "0.1", "two.txt")
    assert "two.txt: larger than 0.1 MB (0.114 MB), skipped; raise the limit with --max-file-size" in result.err
    assert result.code == 0
    assert big.read_bytes() == before


def test_stdin_empty_and_cut_short(in_tmp):
    result = run_process("-", cwd=in_tmp, stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stdout, result.stderr) == (0, "No problems found in 1 file.\n", "")
    # A writer that stops mid-sentence: what arrived is linted.
    result = run_process("-q", "-", cwd=in_tmp, input="We saw the the")
    assert (result.returncode, result.stdout) == (1, "<stdin>:1:8: error [House.DoubledWord] 'the' is repeated.\n")


def test_stdin_read_error(cli, monkeypatch, in_tmp, other):
    class Broken:
        class buffer:  # noqa: N801 - mimics sys.stdin.buffer
            @staticmethod
            def read(*_args):
                raise OSError(5, "Input/output error")

    monkeypatch.setattr(sys, "stdin", Broken())
    result = cli("-q", "-", "other.txt")
    assert result.code == 2
    assert result.out.splitlines()[0] == "<stdin>: error: cannot read standard input (Input/output error)"
    assert_other_linted(result.out)


# -- output -------------------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_report_to_a_full_disk(in_tmp, other):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*STYLECHECK, "other.txt"], cwd=in_tmp, env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=full, stderr=subprocess.PIPE, text=True,
        )
    assert result.returncode == 2
    assert result.stderr == "stylecheck: error: cannot write the report (No space left on device)\n"


def test_report_to_a_closed_stdout(in_tmp, other):
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m stylecheck other.txt >&-', sys.executable],
        cwd=in_tmp, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, text=True,
    )
    assert result.returncode == 2
    assert result.stderr == "stylecheck: error: cannot write the report (standard output is closed)\n"


def test_reader_going_away_is_quiet(in_tmp):
    (in_tmp / "many.txt").write_text("We saw the the dog.\n" * 20_000)
    result = subprocess.run(
        ["sh", "-c", '"$0" -m stylecheck many.txt | head -n 1', sys.executable],
        cwd=in_tmp, env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}, capture_output=True, text=True,
    )
    assert result.stdout == "many.txt:1:8: error [House.DoubledWord] 'the' is repeated.\n"
    assert result.stderr == ""


def test_report_file_in_a_missing_folder(cli, in_tmp, other):
    result = cli("-o", "no/such/folder/report.json", "other.txt")
    assert result.code == 2
    assert result.err == "stylecheck: error: no/such/folder/report.json: cannot write report (No such file or directory)\n"


def test_keyboard_interrupt_is_one_line(cli, in_tmp, other, monkeypatch):
    def interrupted(run):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "lint", interrupted)
    result = cli("other.txt")
    assert (result.code, result.err) == (130, "stylecheck: interrupted\n")


# -- pathological nesting -----------------------------------------------------------------------------

NESTED = {
    "quotes": ">" * 100_000 + " the the\n",
    "quote-lines": "".join(">" * i + " the the\n" for i in range(1, 500)),
    "list-markers": "- " * 50_000 + "the the\n",
    "list-lines": "".join("  " * i + "- the the\n" for i in range(300)),
    "emphasis": "*" * 50_000 + "the the" + "*" * 50_000,
    "html": "<div>" * 20_000 + "the the" + "</div>" * 20_000,
    "links": "[" * 20_000 + "the the" + "](x)" * 20_000,
}


@pytest.mark.parametrize("shape", sorted(NESTED))
def test_pathologically_nested_markdown(cli, in_tmp, other, shape):
    """No RecursionError, whatever the depth: markdown-it stops nesting at its limit (deeper
    content is set aside, not linted) and our own scans are loops, not recursion."""
    (in_tmp / "deep.md").write_text(NESTED[shape], encoding="utf-8")
    result = cli("--format", "json", "deep.md", "other.txt")
    assert result.code == 1 and "Traceback" not in result.err
    files = {f["path"]: f for f in result.json()["files"]}
    assert_invariant(NESTED[shape], files["deep.md"]["diagnostics"])
    assert [d["rule"] for d in files["other.txt"]["diagnostics"]] == ["House.DoubledWord"]


def test_out_of_memory_is_one_line(cli, in_tmp, other, monkeypatch):
    def exhausted(run):
        raise MemoryError

    monkeypatch.setattr(cli_module, "lint", exhausted)
    result = cli("other.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err == "stylecheck: error: out of memory (lower --max-file-size, or lint fewer files at once)\n"
