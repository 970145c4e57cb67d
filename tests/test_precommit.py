"""The pre-commit hook, run by the real `pre-commit` in throwaway git repositories.

pre-commit installs a hook from a git repository at a commit. The tests snapshot this working tree
(tracked and untracked, git-ignored files left out, so uncommitted changes are included) into a
temporary repository, and point a newsroom's `.pre-commit-config.yaml` at it with `repo:`. The
hook's environment is built once per test run (pip's cache keeps that short) and shared.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT
from .snippets import REPO_URL, snippets_of_kind, shell_words

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Desk Editor", "GIT_AUTHOR_EMAIL": "desk@example.invalid",
    "GIT_COMMITTER_NAME": "Desk Editor", "GIT_COMMITTER_EMAIL": "desk@example.invalid",
}
ERROR_ARTICLE = "The council approved the the plan on Tuesday.\n"
CLEAN_ARTICLE = "The council approved the plan on Tuesday.\n"
# A warning only (House.Abbreviations: two forms of one abbreviation), no error.
WARNING_ARTICLE = "The U.S. grant arrived in May. The US embassy confirmed it.\n"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_", "VIRTUAL_ENV"))}
    # No system or user git config: a global core.hooksPath or signing setting would change the test.
    env.update(GIT_IDENTITY, PRE_COMMIT_HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, NO_COLOR="1")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def _git(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return _run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd, env)


def snapshot_repository(snapshot: Path, home: Path | None = None) -> Path:
    """A git repository at `snapshot` (branch main, one commit) holding this working tree's files."""
    env = _env(home or snapshot.parent / "pre-commit-home")
    listed = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, env)
    assert listed.returncode == 0, f"the tests need a git checkout of stylecheck: {listed.stderr}"
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is listed too
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    assert _git(snapshot, env, "init", "-q").returncode == 0
    assert _git(snapshot, env, "add", "-A").returncode == 0
    committed = _git(snapshot, env, "commit", "-q", "--no-verify", "-m", "snapshot for the pre-commit tests")
    assert committed.returncode == 0, committed.stderr
    return snapshot


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str, Path]:
    """(snapshot repository, its commit, PRE_COMMIT_HOME)."""
    base = tmp_path_factory.mktemp("precommit")
    home = base / "pre-commit-home"
    snapshot = snapshot_repository(base / "stylecheck-hook", home)
    sha = _git(snapshot, _env(home), "rev-parse", "HEAD").stdout.strip()
    return snapshot, sha, home


def _newsroom(tmp_path: Path, hook_repo, args: list[str] | None = None) -> tuple[Path, dict[str, str]]:
    """A newsroom's repository using our hook, with it installed as the git pre-commit hook."""
    snapshot, sha, home = hook_repo
    env = _env(home)
    repo = tmp_path / "newsroom"
    repo.mkdir()
    hook: dict = {"id": "stylecheck"}
    if args:
        hook["args"] = args
    config = {"repos": [{"repo": snapshot.as_uri(), "rev": sha, "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    assert _git(repo, env, "init", "-q").returncode == 0
    installed = _run([*PRE_COMMIT, "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo, env


def _commit(repo: Path, env: dict[str, str], message: str, *files: str) -> subprocess.CompletedProcess:
    assert _git(repo, env, "add", ".pre-commit-config.yaml", *files).returncode == 0
    return _git(repo, env, "commit", "-m", message)


def _head(repo: Path, env: dict[str, str]) -> str | None:
    head = _git(repo, env, "rev-parse", "--verify", "-q", "HEAD")
    return head.stdout.strip() if head.returncode == 0 else None


def test_manifest_and_project_config_are_valid_for_pre_commit(tmp_path):
    env = _env(tmp_path / "pre-commit-home")
    for command, name in (("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config", ".pre-commit-config.yaml")):
        result = _run([*PRE_COMMIT, command, str(ROOT / name)], ROOT, env)
        assert result.returncode == 0, result.stdout + result.stderr
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("stylecheck", "stylecheck --force-exclude", "python")


def test_commit_fails_on_an_error_and_passes_once_the_article_is_clean(tmp_path, hook_repo):
    repo, env = _newsroom(tmp_path, hook_repo)
    (repo / "story.md").write_text("# Council vote\n\n" + ERROR_ARTICLE, encoding="utf-8")

    blocked = _commit(repo, env, "Add council story", "story.md")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert "stylecheck" in output and "Failed" in output
    assert "story.md:3:22: error [House.DoubledWord] 'the' is repeated." in output
    assert _head(repo, env) is None  # nothing was committed

    (repo / "story.md").write_text("# Council vote\n\n" + CLEAN_ARTICLE, encoding="utf-8")
    passed = _commit(repo, env, "Add council story", "story.md")
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "stylecheck" in output and "Passed" in output
    assert _head(repo, env) is not None
    assert _git(repo, env, "log", "-1", "--format=%s").stdout.strip() == "Add council story"


def test_hook_lints_txt_md_and_markdown_files_and_nothing_else(tmp_path, hook_repo):
    repo, env = _newsroom(tmp_path, hook_repo)
    (repo / "notes.py").write_text(f"NOTE = {ERROR_ARTICLE!r}\n", encoding="utf-8")
    (repo / "settings.yaml").write_text(f"note: {ERROR_ARTICLE}", encoding="utf-8")
    (repo / "brief.txt").write_text(CLEAN_ARTICLE, encoding="utf-8")
    passed = _commit(repo, env, "Code and a clean brief", "notes.py", "settings.yaml", "brief.txt")
    assert passed.returncode == 0, passed.stdout + passed.stderr

    for name in ("wire.txt", "feature.markdown"):
        (repo / name).write_text(ERROR_ARTICLE, encoding="utf-8")
        blocked = _commit(repo, env, f"Add {name}", name)
        output = blocked.stdout + blocked.stderr
        assert blocked.returncode == 1, output
        assert f"{name}:1:22: error [House.DoubledWord]" in output
        assert _git(repo, env, "reset", "-q", name).returncode == 0
        (repo / name).unlink()


def test_hook_args_set_the_fail_level(tmp_path, hook_repo):
    repo, env = _newsroom(tmp_path, hook_repo, args=["--fail-level", "warning"])
    (repo / "grant.txt").write_text(WARNING_ARTICLE, encoding="utf-8")
    blocked = _commit(repo, env, "Add grant story", "grant.txt")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert "grant.txt:1:36: warning [House.Abbreviations]" in output


def test_project_samples_hook_passes_on_clean_samples_and_catches_a_flawed_new_one(hook_repo, tmp_path):
    snapshot, _sha, home = hook_repo
    env = _env(home)
    project = tmp_path / "project"
    shutil.copytree(snapshot, project)
    run = lambda: _run([*PRE_COMMIT, "run", "stylecheck-samples", "--all-files"], project, env)  # noqa: E731
    clean = run()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    (project / "samples" / "late-edition.txt").write_text(ERROR_ARTICLE, encoding="utf-8")
    assert _git(project, env, "add", "samples/late-edition.txt").returncode == 0
    flawed = run()
    assert flawed.returncode == 1, flawed.stdout + flawed.stderr
    assert "samples/late-edition.txt:1:22: error [House.DoubledWord]" in flawed.stdout
    for deliberate in ("city-budget", "port-strike", "fisheries-pact", "council-housing"):
        assert deliberate not in flawed.stdout


def test_project_samples_hook_dependencies_match_pyproject():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert sorted(hooks["stylecheck-samples"]["additional_dependencies"]) == sorted(project["dependencies"])


@pytest.mark.parametrize("snippet", snippets_of_kind("pre-commit-config"), ids=lambda s: s.id)
def test_documented_config_blocks_a_commit_then_allows_it(tmp_path, hook_repo, snippet):
    """The README's and the docs' pre-commit set-up, run as written: the configuration with the
    snapshot's address for stylecheck's URL, then the page's pre-commit commands (`autoupdate`
    pins `rev: main` to the newest commit), then a real commit blocked and allowed."""
    snapshot, sha, home = hook_repo
    env = _env(home)
    repo = tmp_path / "newsroom"
    repo.mkdir()
    assert REPO_URL in snippet.text
    (repo / ".pre-commit-config.yaml").write_text(snippet.text.replace(REPO_URL, snapshot.as_uri()), encoding="utf-8")
    assert _git(repo, env, "init", "-q").returncode == 0

    page = [s for s in snippets_of_kind("shell") if s.page == snippet.page]
    commands = [line for s in page for line in s.lines if shell_words(line)[:1] == ["pre-commit"]]
    assert [shell_words(c)[:2] for c in commands] == [["pre-commit", "autoupdate"], ["pre-commit", "install"]], commands
    assert any(shell_words(line) == ["pip", "install", "pre-commit"] for s in page for line in s.lines)
    for command in commands:
        result = _run(["bash", "-c", command], repo, env)
        assert result.returncode == 0, f"$ {command}\n{result.stdout}{result.stderr}"
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["rev"] == sha  # pinned to the newest commit

    (repo / "story.md").write_text("# Council vote\n\n" + ERROR_ARTICLE, encoding="utf-8")
    blocked = _commit(repo, env, "Add council story", "story.md")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert _head(repo, env) is None
    (shown,) = [s for s in snippets_of_kind("pre-commit-output") if s.page == snippet.page]
    for line in shown.lines:
        assert line in output.splitlines(), f"the documented line {line!r} is not in:\n{output}"

    (repo / "story.md").write_text("# Council vote\n\n" + CLEAN_ARTICLE, encoding="utf-8")
    passed = _commit(repo, env, "Add council story", "story.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert _head(repo, env) is not None
