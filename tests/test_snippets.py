"""Every code block of the README and of docs/ works as written (tests/snippets.py classifies them).

Shell lines and transcripts run in a scratch article repository built for each page: copies of
`samples/` (and of them in `articles/`, `news/`, `archive/`, `docs/`), a `story.md`, and the files
the page's blocks name in their first line. The install lines run in one scratch virtual
environment; the pre-commit configuration is run by tests/test_precommit.py; the site is built by
tests/test_docs.py.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest
import yaml

from .snippets import (
    REPO_URL, ROOT, SCRATCH_HOME, SHELL_OPERATORS, Snippet, all_snippets, blocks, kind, line_kind, output_matches, page_name,
    pages, shell_words, transcript,
)

SNIPPETS = all_snippets()
BIN = Path(sys.executable).parent
ARTICLES = ("fisheries-pact.txt", "port-strike.md", "clean-brief.md")
STORY = "# Council vote\n\nThe council approved the the plan on Tuesday.\n"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
EXTRAS = PYPROJECT["project"]["optional-dependencies"]


def of_kind(*kinds: str) -> list:
    return [pytest.param(s, id=s.id) for s in SNIPPETS if kind(s) in kinds]


# --- every block is claimed -------------------------------------------------------------------

def test_every_code_block_is_fenced_and_claimed_by_a_check():
    problems = []
    for path in pages():
        fenced, indented = blocks(path)
        problems += [f"{page_name(path)}:{n}: an indented code block: fence it with a language so a test can claim it" for n in indented]
        for s in fenced:
            if not s.lang:
                problems.append(f"{s.id}: a fenced block without a language")
            elif kind(s) is None:
                problems.append(f"{s.id}: no test checks this {s.lang} block: give it a kind in tests/snippets.py and a check here")
            elif s.lang == "sh":
                problems += [f"{s.id}: no check knows the line {line!r}" for line in s.lines if line_kind(line) is None]
    assert not problems, "\n".join(problems)
    assert len(SNIPPETS) > 40


def test_readme_has_the_snippets_a_newcomer_needs():
    readme = {kind(s) for s in SNIPPETS if s.page == "README.md"}
    assert {"pre-commit-config", "pre-commit-output", "config-file", "rule-file", "ci-config", "transcript", "shell"} <= readme
    files = {s.file for s in SNIPPETS if s.page == "README.md" and s.file}
    assert {".pre-commit-config.yaml", ".stylecheck.yaml", ".github/workflows/style.yml"} <= files


# --- the scratch article repository -----------------------------------------------------------

def page_files(page: str) -> dict[str, str]:
    files = {s.file: s.text for s in SNIPPETS if s.page == page and s.file}
    if not any(f.startswith("styles/") for f in files):  # the README's desk rule, which configs name
        files.update({s.file: s.text for s in SNIPPETS if s.page == "README.md" and s.file and s.file.startswith("styles/")})
    return files


@pytest.fixture(scope="module")
def rules_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("rules-cache")


# Pages whose commands are run in a clone of stylecheck, not in an article repository.
CHECKOUT_PAGES = ("docs/development.md",)


@pytest.fixture
def project(tmp_path, rules_cache):
    """project(page) -> a fresh scratch article repository for that page's blocks; for the
    commands that lint stylecheck's own samples or rules, stylecheck's checkout itself."""

    def make(page: str, snippet: Snippet | None = None) -> Path:
        if page in CHECKOUT_PAGES or (snippet is not None and kind(snippet) == "transcript"
                                      and all(" samples/" in c for c, _ in transcript(snippet))):
            return ROOT
        root = tmp_path / "newsroom"
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(ROOT / "samples", root / "samples")
        for folder in ("articles", "news", "archive", "docs"):
            (root / folder).mkdir()
            for name in ARTICLES:
                shutil.copy2(ROOT / "samples" / name, root / folder / name)
        (root / "story.md").write_text(STORY, encoding="utf-8")
        for name, text in page_files(page).items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            if name.endswith(".ini"):  # a Vale config's StylesPath must exist
                m = re.search(r"(?m)^StylesPath\s*=\s*(\S+)", text)
                if m:
                    (target.parent / m.group(1)).mkdir(parents=True, exist_ok=True)
        return root

    return make


def shell_env(rules_cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("STYLECHECK_NO_CACHE", "VIRTUAL_ENV")}
    env.update(PATH=os.pathsep.join([str(BIN), env.get("PATH", "")]), NO_COLOR="1", COLUMNS="100",
               STYLECHECK_RULES_CACHE_DIR=str(rules_cache), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def sh(line: str, cwd: Path, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def run(capsys, monkeypatch, rules_cache):
    """run(line, cwd): a `stylecheck ...` line with no shell syntax runs in this process (the
    same `main` the command calls, without paying for a start-up each time); anything else in bash."""
    from stylecheck.cli import main

    def _run(line: str, cwd: Path) -> subprocess.CompletedProcess:
        words = shlex.split(line, comments=True)
        plain = words[:1] == ["stylecheck"] and not any(w in SHELL_OPERATORS or "$" in w for w in words)
        if not plain:
            return sh(line, cwd, shell_env(rules_cache))
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        try:
            code = main(words[1:])
        except SystemExit as exc:
            code = exc.code or 0
        out = capsys.readouterr()
        return subprocess.CompletedProcess(line, code, out.out, out.err)

    return _run


def assert_clean_run(line: str, result: subprocess.CompletedProcess, codes=(0, 1)) -> None:
    output = f"$ {line}\n{result.stdout}{result.stderr}"
    assert result.returncode in codes, output
    assert "Traceback" not in result.stderr and not re.search(r"(?m)\berror:", result.stderr), output


# --- shell blocks -----------------------------------------------------------------------------

def install_lines() -> list[str]:
    """The `pip install` lines a user runs for stylecheck itself (the install test runs each)."""
    lines = []
    for s in SNIPPETS:
        candidates = [ln for ln in s.lines if line_kind(ln) == "pip"] if s.lang == "sh" else []
        if kind(s) == "ci-config":
            candidates += [c for c in ci_commands(s) if c.startswith("pip install")]
        for line in candidates:
            words = shell_words(line)
            if "-e" in words or words[2:] == ["pre-commit"]:
                continue
            normal = shlex.join(words)
            if normal not in lines:
                lines.append(normal)
    return lines


def check_pip_line(line: str) -> None:
    words = shell_words(line)
    if words[2:] == ["pre-commit"]:
        assert any(r.startswith("pre-commit") for r in EXTRAS["test"]), "pre-commit is not in the test extra"
        return
    if "-e" in words:
        (target,) = [w for w in words[2:] if w != "-e"]
        m = re.fullmatch(r"\.\[([\w,-]+)\]", target)
        assert m, f"{line!r}: an editable install of the clone with extras"
        assert set(m.group(1).split(",")) <= set(EXTRAS), f"{line!r}: no such extra in pyproject.toml"
        return
    assert shlex.join(words) in install_lines(), line  # run by test_install_lines_work_in_a_fresh_environment


def check_venv_chain(line: str) -> None:
    steps = [shlex.join(shell_words(part)) for part in line.split("&&")]
    assert steps[:2] == ["python3 -m venv .venv", ". .venv/bin/activate"], line
    if steps[2:] == ["pip install .", "stylecheck samples/"]:
        return  # README command 1: run by test_install_lines_work_in_a_fresh_environment
    check_pip_line(steps[2])
    ci_run = [[w for w in shell_words(ln) if w != "--quiet"] for ln in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    if steps[3:] == ["python -m pytest"]:  # README command 2: what .ci/run runs from a clean clone
        for step in ("python3 -m venv .venv", ". .venv/bin/activate", f"python -m {steps[2]}", "python -m pytest -q"):
            assert shlex.split(step) in ci_run, f".ci/run does not run {step!r}"
    else:
        assert steps[3:] == [], line


def check_bench_line(line: str) -> None:
    words = shell_words(line)
    script = ROOT / words[1]
    assert script.is_file(), f"{line!r}: no {words[1]}"
    help_text = subprocess.run([sys.executable, str(script), "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert help_text.returncode == 0, help_text.stderr
    for option in (w for w in words[2:] if w.startswith("--")):
        assert option.split("=")[0] in help_text.stdout, f"{line!r}: {words[1]} has no option {option}"


def check_pytest_line(line: str) -> None:
    words = shell_words(line)
    for word in words[3:]:
        if not word.startswith("-"):
            assert (ROOT / word.split("::")[0]).exists(), f"{line!r}: no {word}"
    tests_text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("*.py"))
    for name in re.findall(r"\b([A-Z][A-Z0-9_]+)=", line):
        assert name in tests_text, f"{line!r}: the tests never read {name}"


def check_mkdocs_line(line: str) -> None:
    assert shell_words(line) in (["mkdocs", "serve"], ["mkdocs", "build", "--strict"]), line
    assert (ROOT / "mkdocs.yml").is_file()  # tests/test_docs.py builds the site with --strict


def check_site_url_line(line: str, tmp_path: Path) -> None:
    copy = tmp_path / "site-url"
    (copy / "docs").mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "hooks", copy / "docs" / "hooks")
    shutil.copytree(ROOT / "rules", copy / "rules")
    shutil.copy2(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    words = shell_words(line)
    result = subprocess.run([sys.executable, *words[1:]], cwd=copy, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    url = words[2].rstrip("/") + "/"
    assert yaml.safe_load((copy / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"] == url
    for rule in (copy / "rules" / "House").glob("*.yml"):
        text = rule.read_text(encoding="utf-8")
        assert yaml.safe_load(text)["link"] == f"{url}rules/House.{rule.stem}/"
        before = (ROOT / "rules" / "House" / rule.name).read_text(encoding="utf-8")
        changed = [(a, b) for a, b in zip(before.splitlines(), text.splitlines()) if a != b]
        assert len(text.splitlines()) == len(before.splitlines()) and len(changed) == 1, rule.name  # one line


@pytest.mark.parametrize("snippet", of_kind("shell"))
def test_shell_block(snippet: Snippet, project, run, tmp_path):
    root = project(snippet.page, snippet)
    for line in snippet.lines:
        what = line_kind(line)
        if what == "cli":
            result = run(line, root)
            assert_clean_run(line, result, codes=(0,) if shell_words(line)[1:2] == ["lsp"] else (0, 1))
        elif what == "pip":
            check_pip_line(line)
        elif what == "venv-chain":
            check_venv_chain(line)
        elif what == "bench":
            check_bench_line(line)
        elif what == "pytest":
            check_pytest_line(line)
        elif what == "mkdocs":
            check_mkdocs_line(line)
        elif what == "site-url":
            check_site_url_line(line, tmp_path)
        elif what == "pre-commit":  # run, as written, by tests/test_precommit.py
            if snippet.page in CHECKOUT_PAGES:  # this project's own hooks (test_precommit runs them)
                assert shell_words(line) == ["pre-commit", "install"] and (ROOT / ".pre-commit-config.yaml").is_file()
            else:
                assert any(kind(s) == "pre-commit-config" for s in SNIPPETS if s.page == snippet.page), line
        else:
            assert what in ("comment", "assignment"), line


# --- transcripts ------------------------------------------------------------------------------

@pytest.mark.parametrize("snippet", of_kind("transcript"))
def test_transcript_shows_what_the_commands_print(snippet: Snippet, project, rules_cache):
    root = project(snippet.page, snippet)
    env = shell_env(rules_cache)
    for command, expected in transcript(snippet):
        result = sh(command, root, env)
        actual = (result.stdout + result.stderr).replace(str(root), SCRATCH_HOME).splitlines()
        while expected and not expected[-1].strip():
            expected = expected[:-1]
        assert output_matches(expected, actual), f"$ {command}\n--- documented:\n" + "\n".join(expected) + "\n--- actual:\n" + "\n".join(actual)


# --- configs and rules ------------------------------------------------------------------------

@pytest.mark.parametrize("snippet", of_kind("config-file", "config-fragment"))
def test_config_loads_and_lints(snippet: Snippet, project, run):
    root = project(snippet.page)
    name = snippet.file or ".stylecheck.yaml"
    (root / name).write_text(snippet.text, encoding="utf-8")
    line = f"stylecheck --config {name} articles/ news/"
    assert_clean_run(line, run(line, root))
    listed = run(f"stylecheck --config {name} --list-rules", root)
    assert_clean_run("--list-rules", listed, codes=(0,))
    data = tomllib.loads(snippet.text)["tool"]["stylecheck"] if name.endswith(".toml") else yaml.safe_load(snippet.text)
    known = {f"House.{p.stem}" for p in (ROOT / "rules" / "House").glob("*.yml")}
    known |= {f"{Path(f).parent.name}.{Path(f).stem}" for f in page_files(snippet.page) if f.startswith("styles/")}
    named = [*data.get("ignore", []), *(data.get("severity") or {})]
    for override in data.get("overrides", []):
        named += [*override.get("ignore", []), *(override.get("severity") or {})]
    for rule in named:
        assert "." not in rule or rule in known, f"{name} names {rule}, which no rule is"


@pytest.mark.parametrize("snippet", of_kind("rule-file"))
def test_rule_file_loads_and_its_examples_pass(snippet: Snippet, project, run):
    root = project(snippet.page)
    folder = str(Path(snippet.file).parent)
    result = run(f"stylecheck test-rules {folder}", root)
    if snippet.file.startswith("broken/"):  # written to show the error a malformed rule gives
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert f"{snippet.file}:" in result.stderr
    else:
        assert result.returncode == 0, result.stdout + result.stderr
        assert re.search(r"\b0 failed\.", result.stdout), result.stdout
        examples = yaml.safe_load(snippet.text)["examples"]
        assert examples["bad"] and examples["good"]


@pytest.mark.parametrize("snippet", of_kind("vale-ini"))
def test_vale_config_is_used_by_the_page(snippet: Snippet, project, run):
    root = project(snippet.page)
    commands = [ln for s in SNIPPETS if s.page == snippet.page and s.lang == "sh" for ln in s.lines]
    assert any(f"--config {snippet.file}" in c for c in commands), "no command on the page uses this config"
    line = f"stylecheck --config {snippet.file} --list-rules"
    result = run(line, root)
    assert_clean_run(line, result, codes=(0,))
    assert "Vale." in result.stdout


# --- CI -----------------------------------------------------------------------------------------

def ci_commands(s: Snippet) -> list[str]:
    data = yaml.safe_load(s.text)
    commands: list[str] = []
    if "jobs" in data:  # GitHub Actions
        for job in data["jobs"].values():
            for step in job["steps"]:
                if "run" in step:
                    commands += [c for c in step["run"].splitlines() if c.strip()]
                else:
                    assert re.fullmatch(r"[\w-]+/[\w/-]+@v\d+", step["uses"]), step
    else:  # GitLab CI
        for job in data.values():
            commands += job["script"]
    return commands


@pytest.mark.parametrize("snippet", of_kind("ci-config"))
def test_ci_job_commands_work(snippet: Snippet, project, run):
    data = yaml.safe_load(snippet.text)
    if "jobs" in data:
        assert all(job["runs-on"] and job["steps"] for job in data["jobs"].values())
    root = project(snippet.page)
    commands = ci_commands(snippet)
    assert any(c.startswith("stylecheck") for c in commands)
    for command in commands:
        if command.startswith("pip install"):
            check_pip_line(command)
            continue
        assert command.startswith("stylecheck "), command
        result = run(command, root)
        assert_clean_run(command, result, codes=(0,) if "|| test $? -eq 1" in command else (0, 1))
        out = re.search(r"-o (\S+)", command)
        if out:
            assert (root / out.group(1)).stat().st_size > 0


@pytest.mark.parametrize("snippet", of_kind("ci-cache-step"))
def test_ci_cache_step_keeps_the_cache_folder(snippet: Snippet, project, run):
    (step,) = yaml.safe_load(snippet.text)
    root = project(snippet.page)
    assert_clean_run("--cache", run("stylecheck --cache articles/", root))
    assert (root / step["with"]["path"]).is_dir()
    assert "stylecheck" in step["with"]["key"]


# --- output, editors, API -----------------------------------------------------------------------

@pytest.mark.parametrize("snippet", of_kind("json-contract"))
def test_json_contract_example_has_the_real_fields(snippet: Snippet, project, run):
    documented = json.loads(snippet.text)
    root = project(snippet.page)
    (root / "news" / "article.txt").write_text("Norway reiterated his support for the ceasefire.\n", encoding="utf-8")
    (root / "broken.txt").write_bytes(b"caf\xe9 society\n")
    result = run("stylecheck --format json news/article.txt broken.txt", root)
    actual = json.loads(result.stdout)
    assert actual.keys() == documented.keys() and actual["version"] == documented["version"]
    assert actual["summary"].keys() == documented["summary"].keys()
    good, bad = documented["files"]
    (finding,) = [d for d in actual["files"][0]["diagnostics"] if d["rule"] == good["diagnostics"][0]["rule"]]
    assert finding.keys() == good["diagnostics"][0].keys()
    assert finding["fix"].keys() == good["diagnostics"][0]["fix"].keys()
    assert finding["link"] == good["diagnostics"][0]["link"]
    assert actual["files"][1].keys() == bad.keys()
    assert actual["files"][1]["error"].startswith("not UTF-8 text (byte 0xe9 at offset 3)")


@pytest.mark.parametrize("snippet", of_kind("vscode-settings"))
def test_vscode_settings_start_the_server(snippet: Snippet):
    settings = json.loads(snippet.text)
    if "glspc.serverCommand" in settings:
        assert [settings["glspc.serverCommand"], *settings["glspc.serverCommandArguments"]] == ["stylecheck", "lsp"]
    else:
        (action,) = settings["editor.codeActionsOnSave"]
        assert f'"{action}"' in (ROOT / "stylecheck" / "lsp.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("snippet", of_kind("neovim-config"))
def test_neovim_config_is_lua_that_starts_the_server(snippet: Snippet, tmp_path):
    assert 'cmd = { "stylecheck", "lsp" }' in snippet.text
    nvim = shutil.which("nvim")
    if nvim is None:
        return  # the command is checked; the syntax needs Neovim (.ci/run installs it)
    (tmp_path / "snippet.lua").write_text(snippet.text, encoding="utf-8")
    (tmp_path / "check.lua").write_text(
        'local f = assert(io.open(vim.env.LUA_SNIPPET)); local src = f:read("*a"); f:close()\n'
        'local fn, err = loadstring(src)\n'
        'if not fn then io.stderr:write(err .. "\\n"); vim.cmd("cquit 1") end\n'
        'vim.cmd("qall!")\n', encoding="utf-8")
    result = subprocess.run([nvim, "--headless", "--clean", "-u", "NONE", "-c", f"luafile {tmp_path / 'check.lua'}"],
                            env={**os.environ, "LUA_SNIPPET": str(tmp_path / "snippet.lua")}, capture_output=True,
                            text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("snippet", of_kind("python"))
def test_python_example_runs(snippet: Snippet, tmp_path):
    result = subprocess.run([sys.executable, "-c", snippet.text], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "House.DoubledWord" in result.stdout


@pytest.mark.parametrize("snippet", of_kind("usage-synopsis"))
def test_usage_synopsis_names_real_commands(snippet: Snippet, run, tmp_path):
    for line in snippet.lines:
        command = re.split(r"\s{2,}", line)[0]
        words = [w for w in command.split() if not w.startswith("[") and w.isascii() and not w.isupper()]
        result = run(shlex.join([*words, "--help"]), tmp_path)
        assert result.returncode == 0, f"{command}: {result.stderr}"


@pytest.mark.parametrize("snippet", of_kind("suppression-comments"))
def test_suppression_comments_are_understood(snippet: Snippet, tmp_path, run):
    first, *rest = snippet.lines
    article = tmp_path / "story.txt"
    article.write_text("\n".join([first, "We saw the the dog.", *rest, "The U.S. team met the US team."]) + "\n", encoding="utf-8")
    result = run("stylecheck --format json story.txt", tmp_path)
    assert result.returncode in (0, 1) and result.stderr == "", result.stderr
    rules = {d["rule"] for d in json.loads(result.stdout)["files"][0]["diagnostics"]}
    assert "House.DoubledWord" not in rules and "House.Abbreviations" not in rules


@pytest.mark.parametrize("snippet", of_kind("architecture-diagram"))
def test_architecture_diagram_names_real_types(snippet: Snippet):
    import stylecheck.diagnostic
    import stylecheck.document
    import stylecheck.source

    assert stylecheck.source.Source and stylecheck.document.Document and stylecheck.diagnostic.Diagnostic
    for name in ("Source", "Document", "Diagnostics"):
        assert name in snippet.text


@pytest.mark.parametrize("snippet", of_kind("pre-commit-config"))
def test_pre_commit_config_is_valid(snippet: Snippet, tmp_path):
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(snippet.text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(config)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    (repo,) = yaml.safe_load(snippet.text)["repos"]
    assert repo["repo"] == REPO_URL and [h["id"] for h in repo["hooks"]] == ["stylecheck"]
    # Run as written, against a throwaway article repository: tests/test_precommit.py.


# --- installing ---------------------------------------------------------------------------------
#
# README command 1, then every install line of the README and docs, in one scratch venv. Most of
# that time is pip waiting on the package index, so it runs in a thread from the start of this
# module, beside the other tests, and the last test of the module reads its results.

class InstallRun(threading.Thread):
    """The install lines, run one after the other; `steps` holds (line, result) pairs."""

    def __init__(self, base: Path) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.steps: list[tuple[str, subprocess.CompletedProcess]] = []
        self.seconds: list[float] = []
        self.failure: BaseException | None = None
        self.clone: Path | None = None

    def run(self) -> None:
        try:
            self._run()
        except BaseException as exc:  # reported by the test
            self.failure = exc

    def step(self, line: str, env: dict[str, str], shown: str | None = None) -> subprocess.CompletedProcess:
        started = time.monotonic()
        result = sh(line, self.clone, env, timeout=600)
        self.steps.append((shown or line, result))
        self.seconds.append(round(time.monotonic() - started, 1))
        return result

    def _run(self) -> None:
        from .test_precommit import snapshot_repository

        # The clone is a git snapshot of this working tree; `https://github.com/OWNER/stylecheck`
        # is replaced by its address (file://localhost/..., a form every pip reads).
        self.clone = snapshot_repository(self.base / "stylecheck")
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "STYLECHECK_NO_CACHE")}
        env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", NO_COLOR="1", STYLECHECK_RULES_CACHE_DIR=str(self.base / "cache"))
        env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p and Path(p).resolve() != BIN.resolve())
        # The lines run as written; pip finds what they need in a local folder of wheels, fetched
        # in one go, instead of asking the index again for each line.
        wheels = self.base / "wheels"
        needed = [*PYPROJECT["build-system"]["requires"], *PYPROJECT["project"]["dependencies"], *EXTRAS["lsp"]]
        fetched = self.step(shlex.join([sys.executable, "-m", "pip", "download", "-q", "-d", str(wheels), *needed]), env,
                            shown="fetch the wheels")
        if fetched.returncode == 0:
            env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheels))
        self.step(command_one(), env)
        env["PATH"] = os.pathsep.join([str(self.clone / ".venv" / "bin"), env["PATH"]])
        env["VIRTUAL_ENV"] = str(self.clone / ".venv")
        self.step("stylecheck lsp", env)  # before the lsp extra: the install hint
        # Command 1 built stylecheck in an isolated build environment, as pip does by default; the
        # lines below reuse one (PIP_NO_BUILD_ISOLATION=0 turns isolation off, pip's spelling).
        build = PYPROJECT["build-system"]["requires"]
        if self.step(shlex.join(["pip", "install", "-q", *build]), env, shown="build requirements").returncode == 0:
            env["PIP_NO_BUILD_ISOLATION"] = "0"
        for line in install_lines():
            if line == "pip install .":
                continue  # command 1 ran it
            self.step(line.replace(REPO_URL, "file://localhost" + self.clone.as_posix()), env, shown=line)
            self.step("stylecheck --version", env)
            if "lsp" in line:
                self.step("stylecheck lsp --help", env)
        self.step("stylecheck samples/", env)


def command_one() -> str:
    (line,) = [ln for s in SNIPPETS if s.page == "README.md" for ln in s.lines if "pip install . && stylecheck samples/" in ln]
    return line


@pytest.fixture(scope="module", autouse=True)
def install_run(request, tmp_path_factory):
    """Started with the module when the install test is to run, so that it overlaps the others."""
    if not any(item.name == "test_install_lines_work_in_a_fresh_environment" for item in request.session.items):
        yield None
        return
    run = InstallRun(tmp_path_factory.mktemp("install"))
    run.start()
    yield run
    run.join(timeout=900)


def test_install_lines_work_in_a_fresh_environment(install_run):
    lines = install_lines()
    assert "pip install ." in lines and "pip install '.[lsp]'" in lines
    assert any("stylecheck[lsp] @ git+" + REPO_URL in ln for ln in lines) and any("stylecheck @ git+" + REPO_URL in ln for ln in lines)
    install_run.join(timeout=900)
    assert not install_run.is_alive(), "the installs took more than 15 minutes"
    if install_run.failure:
        raise install_run.failure
    steps = dict(install_run.steps)
    transcript_text = "\n".join(f"$ {line}\n{r.stdout}{r.stderr}" for line, r in install_run.steps)

    print("install steps (seconds):", list(zip([ln for ln, _ in install_run.steps], install_run.seconds)))
    install_run.steps = [(ln, r) for ln, r in install_run.steps if ln not in ("fetch the wheels", "build requirements")]
    first = steps[command_one()]
    assert first.returncode == 1, transcript_text  # the samples' deliberate mistakes
    assert re.search(r"(?m)^Found \d+ problems .* in \d+ files?\.$", first.stdout), transcript_text
    hint = steps["stylecheck lsp"]
    assert hint.returncode == 2 and "pygls" in hint.stderr and hint.stderr.count("\n") == 1, hint.stderr
    for line, result in install_run.steps[2:]:
        if line == "stylecheck samples/":
            assert result.returncode == 1 and "Found" in result.stdout, transcript_text
        else:
            assert result.returncode == 0, f"$ {line}\n{result.stdout}{result.stderr}"
    assert [ln for ln, _ in install_run.steps].count("stylecheck lsp --help") == 2
