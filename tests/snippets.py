"""The code blocks of the README and of docs/, and what kind of thing each one is.

Every fenced block is classified by `kind(snippet)`; `tests/test_snippets.py` checks each kind as
a user would use it, and fails on a block no kind claims. Conventions the docs keep to:

* a block whose first line is a comment naming a file (`# .stylecheck.yaml`,
  `# styles/Desk/Redundancy.yml`, `# .github/workflows/style.yml`) is that file's content: the
  page's other blocks run in a scratch article repository that holds it;
* a `console` block is a transcript: `$ ` lines are run there, and what follows each is its output
  (a `...` line stands for any number of lines; `/home/me/newsroom` for the scratch repository);
* `https://github.com/OWNER/stylecheck` is stylecheck's repository, and the tests put a snapshot
  of this working tree in its place.
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
REPO_URL = "https://github.com/OWNER/stylecheck"
SCRATCH_HOME = "/home/me/newsroom"
FILE_COMMENT = re.compile(r"^(?:#|;)\s*(?P<path>[\w./-]+\.(?:ya?ml|toml|ini|txt|md))\s*$")


@dataclass(frozen=True)
class Snippet:
    page: str   # "README.md" or "docs/x.md"
    line: int   # 1-based line of the opening fence
    lang: str
    text: str

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def file(self) -> str | None:
        """The path this block is the content of, from a first-line comment."""
        first = self.text.split("\n", 1)[0]
        m = FILE_COMMENT.match(first)
        return m.group("path") if m else None

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.splitlines() if line.strip()]


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def page_name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def blocks(path: Path) -> tuple[list[Snippet], list[int]]:
    """(fenced blocks, lines of indented code blocks) of one Markdown file."""
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    fenced, indented = [], []
    for token in tokens:
        if token.type == "fence":
            lang = (token.info or "").split()[0] if token.info.strip() else ""
            fenced.append(Snippet(page_name(path), token.map[0] + 1, lang, token.content))
        elif token.type == "code_block":
            indented.append(token.map[0] + 1)
    return fenced, indented


def all_snippets() -> list[Snippet]:
    return [s for path in pages() for s in blocks(path)[0]]


# --- shell lines ------------------------------------------------------------------------------

SHELL_OPERATORS = ("|", "||", "&&", ";", ">", ">>", "<")


def shell_words(line: str) -> list[str]:
    """The words of a shell line, comments dropped, leading VAR=value assignments dropped."""
    words = shlex.split(line, comments=True)
    while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
        words.pop(0)
    return words


def line_kind(line: str) -> str | None:
    """What one line of a `sh` block is, or None if no check knows it."""
    words = shell_words(line)
    if not words:
        return "assignment" if line.strip() and not line.strip().startswith("#") else "comment"
    if words[:3] == ["python3", "-m", "venv"] and "&&" in words:
        return "venv-chain"
    if words[0] == "stylecheck":
        return "cli"
    if words[0] == "pip" and words[1:2] == ["install"]:
        return "pip"
    if words[0] in ("python", "python3") and len(words) > 1 and words[1].startswith("bench/"):
        return "bench"
    if words[0] in ("python", "python3") and words[1:3] == ["-m", "pytest"]:
        return "pytest"
    if words[0] in ("python", "python3") and words[1:2] == ["docs/hooks/set_site_url.py"]:
        return "site-url"
    if words[0] == "pre-commit" and words[1:2] in (["install"], ["autoupdate"]):
        return "pre-commit"
    if words[0] == "mkdocs" and words[1:2] in (["serve"], ["build"]):
        return "mkdocs"
    return None


# --- blocks -----------------------------------------------------------------------------------

def kind(s: Snippet) -> str | None:
    """The kind of check a block gets, or None when none applies (the suite then fails)."""
    first = s.text.split("\n", 1)[0]
    path = s.file
    if path:
        name = path.rsplit("/", 1)[-1]
        if name == ".pre-commit-config.yaml":
            return "pre-commit-config"
        if path.startswith(".github/workflows/") or name == ".gitlab-ci.yml":
            return "ci-config"
        if name in (".stylecheck.yaml", ".stylecheck.yml", "pyproject.toml"):
            return "config-file"
        if name.endswith(".ini"):
            return "vale-ini"
        if s.lang == "yaml" and path.startswith(("styles/", "broken/")):
            return "rule-file"
        return None
    if s.lang == "sh":
        return "shell" if all(line_kind(line) for line in s.lines) else None
    if s.lang == "console":
        return "transcript" if first.startswith("$ ") else None
    if s.lang == "yaml":
        if first.startswith("settings:"):
            return "config-fragment"
        if first.startswith("- uses: actions/cache@"):
            return "ci-cache-step"
        return None
    if s.lang == "json":
        if '"version": 1' in s.text:
            return "json-contract"
        if '"glspc.' in s.text or '"editor.codeActionsOnSave"' in s.text:
            return "vscode-settings"
        return None
    if s.lang == "lua":
        return "neovim-config"
    if s.lang == "python":
        return "python"
    if s.lang == "text":
        if first.startswith("stylecheck [OPTIONS]"):
            return "usage-synopsis"
        if re.match(r"^stylecheck\.{5,}(Failed|Passed)$", first):
            return "pre-commit-output"
        if all(line.startswith("<!-- stylecheck:") for line in s.lines):
            return "suppression-comments"
        if first.startswith("file bytes -> Source") and s.page == "docs/architecture.md":
            return "architecture-diagram"
        return None
    return None


def transcript(s: Snippet) -> list[tuple[str, list[str]]]:
    """A console block as (command, expected output lines) pairs."""
    steps: list[tuple[str, list[str]]] = []
    for line in s.text.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
    return steps


def output_matches(expected: list[str], actual: list[str]) -> bool:
    """Whether `actual` is `expected`, where a `...` line stands for any number of lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "...":
        return any(output_matches(rest, actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and output_matches(rest, actual[1:])


def snippets_of_kind(name: str) -> list[Snippet]:
    return [s for s in all_snippets() if kind(s) == name]
