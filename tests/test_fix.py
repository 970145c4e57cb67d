"""--fix, --diff and --unsafe-fixes: exact results, safe writes, and what is reported."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

import stylecheck.fix as fix_module
from stylecheck.diagnostic import Edit, Fix
from stylecheck.fix import apply_edits, fix_text, select_fixes, unified_diff


def _lint(text: str, path: str = "<text>"):
    from stylecheck import check

    return check(text, path=path, config={})


# -- the pure parts ------------------------------------------------------------------------------


def _fix(start: int, end: int, replacement: str, rule: str) -> tuple[Fix, str]:
    return Fix((Edit(start, end, replacement),), "safe"), rule


def test_select_fixes_keeps_first_of_overlapping_fixes_whatever_the_order():
    fixes = [_fix(4, 11, "x", "B"), _fix(0, 7, "the", "A"), _fix(8, 12, "y", "C"), _fix(12, 12, "!", "D"), _fix(12, 12, "?", "E")]
    expected = [_fix(0, 7, "the", "A"), _fix(8, 12, "y", "C"), _fix(12, 12, "!", "D")]
    assert select_fixes(fixes) == expected
    assert select_fixes(list(reversed(fixes))) == expected


def test_a_fix_of_several_edits_is_applied_whole_or_not_at_all():
    both = Fix((Edit(0, 2, "A"), Edit(6, 8, "B")), "safe")
    inside = _fix(3, 5, "x", "Z")  # between the two edits: it overlaps the fix's span
    assert select_fixes([(both, "R"), inside]) == [(both, "R")]
    assert apply_edits("ab cd ef gh", list(both.edits)) == "A cd B gh"


def test_apply_edits_rejects_overlap():
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


def test_fix_text_reaches_a_fixed_point_over_rounds():
    text = "We met the the the the mayor."
    outcome = fix_text(text, _lint)
    assert outcome.text == "We met the mayor."
    assert outcome.converged
    assert outcome.remaining == []
    assert outcome.applied == len([e for r in outcome.rounds for e in r]) >= 1
    assert fix_text(outcome.text, _lint).rounds == []


def test_fix_text_stops_at_the_bound_and_says_so():
    # A "linter" that always wants one more change never settles.
    from stylecheck.diagnostic import Diagnostic

    def restless(text: str):
        return [Diagnostic("<t>", "X.Grow", "style", "error", "grow", 1, 1, 1, 1, 0, 0, "", ("a",), fix=Fix((Edit(0, 0, "a"),), "safe"))]

    outcome = fix_text("", restless, max_iterations=3)
    assert outcome.text == "aaa"
    assert not outcome.converged


def test_unified_diff_of_a_last_line_that_looks_like_a_header():
    assert unified_diff("a.txt", "x\n-- the the", "x\n-- the") == (
        "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n x\n--- the the\n\\ No newline at end of file\n"
        "+-- the\n\\ No newline at end of file\n"
    )


def test_unified_diff_marks_missing_final_newline_and_keeps_crlf():
    diff = unified_diff("a.txt", "one\r\nthe the end", "one\r\nthe end")
    assert diff == (
        "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n one\r\n-the the end\n\\ No newline at end of file\n"
        "+the end\n\\ No newline at end of file\n"
    )


# -- the command line ----------------------------------------------------------------------------


def test_fix_writes_safe_fixes_keeping_bom_crlf_and_mode_and_reports_the_rest(cli, tmp_path):
    path = tmp_path / "story.txt"
    original = "\ufeffThe the council met.\r\nVoters in the the north.\r\nThe U.K. team and the UK team.\r\n"
    path.write_bytes(original.encode("utf-8"))
    os.chmod(path, 0o640)
    result = cli("--fix", "--format", "json", str(path))
    assert path.read_bytes() == "\ufeffThe council met.\r\nVoters in the north.\r\nThe U.K. team and the UK team.\r\n".encode("utf-8")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert "applied 2 fixes in 1 file" in result.err
    (entry,) = result.json()["files"]
    # What remains: the unsafe consistency finding, at its place in the fixed text.
    assert [(d["rule"], d["line"], d["column"], d["match"]) for d in entry["diagnostics"]] == [
        ("House.Abbreviations", 3, 23, "UK")
    ]
    assert result.code == 0  # a warning is below the default fail level
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".stylecheck-")]
    again = cli("--fix", str(path))
    assert "applied 0 fixes in 0 files" in again.err
    assert path.read_bytes() == "\ufeffThe council met.\r\nVoters in the north.\r\nThe U.K. team and the UK team.\r\n".encode("utf-8")


def test_fix_exit_code_is_one_when_errors_remain(cli, write):
    # House.PronounAgreement is an error and its fix is not safe. (House.RunTogether served here
    # until its measured precision set it at suggestion level.)
    path = write("a.txt", "Norway reiterated his support for the peace talks on Tuesday.\n")
    result = cli("--fix", str(path))
    assert result.code == 1
    assert "a.txt:1:19: error [House.PronounAgreement]" in result.out
    assert "applied 0 fixes in 0 files" in result.err


def test_unsafe_fixes_apply_the_rest(cli, write):
    path = write("a.txt", "Reporting by the Valley HeraldMaria Lopez. Maria Lopez covers the the Valley Herald beat.\n")
    result = cli("--fix", "--unsafe-fixes", str(path))
    assert path.read_text() == "Reporting by the Valley Herald Maria Lopez. Maria Lopez covers the Valley Herald beat.\n"
    assert result.code == 0
    assert "applied 2 fixes in 1 file" in result.err


def test_diff_prints_the_diff_and_writes_nothing(cli, write):
    path = write("a.txt", "First line.\nWe saw the the dog.\nLast line.\n")
    before = path.read_bytes()
    result = cli("--diff", str(path))
    assert path.read_bytes() == before
    assert result.out == (
        f"--- {path}\n+++ {path}\n@@ -1,3 +1,3 @@\n First line.\n-We saw the the dog.\n+We saw the dog.\n Last line.\n"
    )
    assert result.code == 1
    assert "would apply 1 fix in 1 file" in result.err
    clean = write("b.txt", "Nothing to fix here.\n")
    result = cli("--diff", str(clean))
    assert (result.code, result.out) == (0, "")


def test_diff_applies_with_patch(cli, write, tmp_path, monkeypatch):
    path = write("a.txt", "We saw the the dog.\r\nThe café and and bar opened.\r\n")
    monkeypatch.chdir(tmp_path)
    result = cli("--diff", "a.txt")
    patch = subprocess.run(["patch", "-p0", "--binary"], input=result.out.encode(), cwd=tmp_path, capture_output=True)
    if patch.returncode == 127:
        pytest.skip("patch is not installed")
    assert patch.returncode == 0, patch.stderr
    assert path.read_bytes() == "We saw the dog.\r\nThe café and bar opened.\r\n".encode()


def test_unsafe_fixes_alone_is_a_usage_error(cli, write):
    path = write("a.txt", "text\n")
    result = cli("--unsafe-fixes", str(path))
    assert result.code == 2
    assert result.err == "stylecheck: error: --unsafe-fixes needs --fix or --diff\n"


def test_read_only_file_is_reported_not_written(cli, write):
    path = write("a.txt", "We saw the the dog.\n")
    os.chmod(path, 0o444)
    result = cli("--fix", str(path))
    assert path.read_text() == "We saw the the dog.\n"
    assert f"stylecheck: warning: {path}: read-only file; fixes not written" in result.err
    assert "1 file not written" in result.err
    assert f"{path}:1:8: error [House.DoubledWord]" in result.out  # still reported as it stands
    assert result.code == 2


def test_file_changed_since_read_is_not_written(cli, write, monkeypatch):
    path = write("a.txt", "We saw the the dog.\n")
    real_fix_text = fix_module.fix_text

    def fix_then_someone_edits(*args, **kwargs):
        outcome = real_fix_text(*args, **kwargs)
        path.write_text("An editor rewrote this meanwhile.\n")
        return outcome

    monkeypatch.setattr(fix_module, "fix_text", fix_then_someone_edits)
    result = cli("--fix", str(path))
    assert path.read_text() == "An editor rewrote this meanwhile.\n"
    assert f"{path}: changed since it was read; fixes not written" in result.err
    assert result.code == 2
    assert not [p for p in os.listdir(path.parent) if p.startswith(".stylecheck-")]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a file owned by someone else")
def test_fix_as_root_keeps_the_files_owner(cli, write):
    path = write("a.txt", "We saw the the dog.\n")
    os.chown(path, 12345, 23456)
    cli("--fix", str(path))
    assert path.read_text() == "We saw the dog.\n"
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (12345, 23456)


def test_fix_keeps_latin1_encoding(cli, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("The café and and bar opened.\n".encode("latin-1"))
    result = cli("--fix", "--encoding", "latin-1", str(path))
    assert path.read_bytes() == "The café and bar opened.\n".encode("latin-1")
    assert result.code == 0


def test_unencodable_fix_is_refused(cli, tmp_path):
    style = tmp_path / "styles" / "Desk"
    style.mkdir(parents=True)
    (style / "Euro.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nfix: safe\nswap:\n  EUR: €\n"
    )
    path = tmp_path / "old.txt"
    path.write_bytes("It cost 5 EUR.\n".encode("latin-1"))
    result = cli("--fix", "--encoding", "latin-1", "--rules", str(style), "--select", "Desk", str(path))
    assert path.read_bytes() == b"It cost 5 EUR.\n"
    assert "which latin-1 cannot store; not written" in result.err
    assert result.code == 2


def test_fix_through_a_symlink_keeps_the_link(cli, write, tmp_path):
    target = write("real.txt", "We saw the the dog.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    cli("--fix", str(link))
    assert link.is_symlink()
    assert target.read_text() == "We saw the dog.\n"


def test_fix_on_stdin_is_refused_but_diff_works(tmp_path):
    exe = [sys.executable, "-m", "stylecheck"]
    fixed = subprocess.run([*exe, "--fix", "-"], input=b"We saw the the dog.\n", capture_output=True, cwd=tmp_path, timeout=60)
    assert b"<stdin>: standard input cannot be fixed in place; use --diff" in fixed.stderr
    assert fixed.returncode == 1
    diff = subprocess.run([*exe, "--diff", "-"], input=b"We saw the the dog.\n", capture_output=True, cwd=tmp_path, timeout=60)
    assert diff.stdout.decode() == "--- <stdin>\n+++ <stdin>\n@@ -1 +1 @@\n-We saw the the dog.\n+We saw the dog.\n"
    assert diff.returncode == 1


def test_missing_file_with_fix_is_an_error_and_others_are_fixed(cli, write):
    path = write("a.txt", "We saw the the dog.\n")
    result = cli("--fix", str(path), str(path.parent / "nope.txt"))
    assert path.read_text() == "We saw the dog.\n"
    assert "nope.txt: error: no such file or directory" in result.out
    assert result.code == 2


def test_kill_between_temporary_write_and_replace_leaves_original_intact(tmp_path):
    path = tmp_path / "story.txt"
    original = "\ufeffThe the council met.\r\n".encode("utf-8")
    path.write_bytes(original)
    env = dict(os.environ, STYLECHECK_TEST_PAUSE_BEFORE_REPLACE="60")
    proc = subprocess.Popen(
        [sys.executable, "-m", "stylecheck", "--fix", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
    )
    try:
        line = proc.stderr.readline().decode()  # printed once the temporary file is complete
        assert line.startswith(f"stylecheck: test pause before replacing {path} with "), line
        temporary = line.rsplit(" with ", 1)[1].strip()
        assert open(temporary, "rb").read() == "\ufeffThe council met.\r\n".encode("utf-8")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert path.read_bytes() == original
    # A kill cannot clean up: the complete temporary file stays beside it, never in its place.
    assert os.path.exists(temporary)


def test_fix_example_from_readme(cli, write):
    path = write("brief.md", textwrap.dedent("""\
        # Council budget

        The the council approved the budget.
        """))
    result = cli("--fix", str(path))
    assert path.read_text() == "# Council budget\n\nThe council approved the budget.\n"
    assert result.code == 0


def test_a_fix_that_changes_nothing_does_not_block_an_overlapping_one():
    from stylecheck.diagnostic import Diagnostic

    def lint(text: str):
        if text != "abc":
            return []
        return [
            Diagnostic("<t>", "X.Same", "style", "error", "m", 1, 1, 1, 3, 0, 2, "ab", ("ab",), fix=Fix((Edit(0, 2, "ab"),), "safe")),
            Diagnostic("<t>", "X.Real", "style", "error", "m", 1, 2, 1, 4, 1, 2, "bc", ("c",), fix=Fix((Edit(1, 3, "c"),), "safe")),
        ]

    assert fix_text("abc", lint).text == "ac"
