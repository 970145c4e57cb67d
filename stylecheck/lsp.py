"""`stylecheck lsp`: a Language Server Protocol server over stdio, built on pygls.

    stylecheck lsp [--debounce SECONDS] [--log-level LEVEL]

- Diagnostics on open and on every change (after a short debounce), linted off the event loop by
  the same lint path as the CLI (`api.lint_source`), and published with the document version they
  were computed for. A result whose document has moved on is dropped, never published.
- Code actions: each suggestion as a quick fix (the one `--fix` would apply is preferred), and a
  `source.fixAll.stylecheck` action that applies every safe fix, as `--fix` does.
- Configuration: found like the CLI finds it (`.stylecheck.yaml`, `pyproject.toml` or a Vale
  `.vale.ini` walking up from the file), and found again when a config or rule file changes (workspace/didChangeWatchedFiles, a save of a
  config file, or a changed stat of a config file on the way up, for clients that watch nothing).
- Positions are sent in the encoding negotiated at `initialize` (UTF-16 code units unless the
  client offers another); the engine's offsets count code points and are converted here.

pygls is imported only when the server starts; install it with the `lsp` extra (`pip install '.[lsp]'` from a clone, see docs/editors.md).
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Sequence

from .configmodel import CONFIG_NAMES, VALE_CONFIG_NAMES
from .errors import UserError
from .rulecache import linter_for
from .version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .diagnostic import Diagnostic

SOURCE = "stylecheck"
FIX_ALL_KIND = "source.fixAll.stylecheck"
# Every file name the config finder reads (config.ConfigFinder): a change to any of them reloads.
CONFIG_FILE_NAMES = (*CONFIG_NAMES, "pyproject.toml", *VALE_CONFIG_NAMES)
WATCH_GLOBS = (*(f"**/{name}" for name in CONFIG_FILE_NAMES), "**/*.yml", "**/*.yaml")
DEFAULT_DEBOUNCE = 0.3

log = logging.getLogger("stylecheck.lsp")


# -- positions -----------------------------------------------------------------------------------


def units(text: str, encoding: str) -> int:
    """Length of `text` in the position encoding's code units (utf-16, utf-8 or utf-32)."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def code_point_offset(text: str, line_starts: Sequence[int], line: int, character: int, encoding: str) -> int:
    """The code-point offset of an LSP (line, character) position; clamped to the text."""
    if line >= len(line_starts):
        return len(text)
    start = line_starts[max(line, 0)]
    end = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
    if encoding == "utf-32":
        return min(start + character, end)
    offset = start
    counted = 0
    while offset < end and counted < character:
        counted += units(text[offset], encoding)
        offset += 1
    return offset


@dataclass
class PositionMapper:
    """Code-point offsets of one text to LSP positions in the negotiated encoding."""

    text: str
    encoding: str

    def __post_init__(self) -> None:
        from .lines import LineIndex

        self.index = LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        line, column = self.index.position(offset)
        start = self.index.starts[line - 1]
        return line - 1, units(self.text[start : start + column - 1], self.encoding)

    def offset(self, line: int, character: int) -> int:
        return code_point_offset(self.text, self.index.starts, line, character, self.encoding)


# -- server state --------------------------------------------------------------------------------


@dataclass
class Linted:
    version: int | None
    text: str
    diagnostics: list["Diagnostic"]


@dataclass
class State:
    """Everything the server remembers between messages (one instance per server)."""

    debounce: float
    finder: Any = None
    # Per folder, the stat of the config files on the way up when the finder last looked.
    fingerprints: dict[str, tuple] = field(default_factory=dict)
    pending: dict[str, asyncio.Task] = field(default_factory=dict)
    linted: dict[str, Linted] = field(default_factory=dict)
    shown_errors: set[str] = field(default_factory=set)
    executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(max_workers=1, thread_name_prefix="stylecheck-lint"))

    def reset_config(self) -> None:
        self.finder = None
        self.fingerprints.clear()
        self.shown_errors.clear()
        linter_for.cache_clear()  # rule files may have changed under an unchanged Config

    def config_for(self, path: str | None) -> "Config":
        from .config import ConfigFinder

        directory = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        fingerprint = _config_fingerprint(directory)
        if self.finder is None or self.fingerprints.get(directory) != fingerprint:
            if directory in self.fingerprints:
                log.info("configuration changed above %s; reloading", directory)
                self.reset_config()
            if self.finder is None:
                self.finder = ConfigFinder()
            self.fingerprints[directory] = fingerprint
        return self.finder.for_dir(directory)


def _config_fingerprint(directory: str) -> tuple:
    """The stat of every config file the finder could pick up from `directory` upwards."""
    marks = []
    while True:
        for name in CONFIG_FILE_NAMES:
            try:
                info = os.stat(os.path.join(directory, name))
            except OSError:
                continue
            marks.append((directory, name, info.st_mtime_ns, info.st_size))
        parent = os.path.dirname(directory)
        if parent == directory:
            return tuple(marks)
        directory = parent


def lint_text(config: "Config", text: str, path: str, fmt: str | None) -> list["Diagnostic"]:
    """Lint one editor buffer through the one lint path (runs on the lint thread)."""
    from .api import lint_source
    from .source import Source

    source = Source.from_text(text, path)
    if source.bom:  # keep offsets into the buffer as the editor has it
        source = Source(path=path, text=text)
    return lint_source(source, config, fmt).diagnostics


# -- conversions (engine values to LSP values) ---------------------------------------------------

_SEVERITY_NAMES = {"error": "Error", "warning": "Warning", "suggestion": "Information"}


def to_lsp_diagnostic(types: Any, mapper: PositionMapper, d: "Diagnostic") -> Any:
    start = mapper.position(d.offset)
    end = mapper.position(d.offset + d.length)
    return types.Diagnostic(
        range=types.Range(types.Position(*start), types.Position(*end)),
        message=d.message,
        severity=getattr(types.DiagnosticSeverity, _SEVERITY_NAMES[d.severity]),
        code=d.rule,
        code_description=types.CodeDescription(href=d.link) if d.link else None,
        source=SOURCE,
        data={"suggestions": list(d.suggestions), "safe": bool(d.fix and d.fix.safe)},
    )


def config_problem_diagnostic(types: Any, message: str) -> Any:
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def quick_fixes(types: Any, mapper: PositionMapper, linted: Linted, lo: int, hi: int, edit_for: Any) -> list:
    """A quick fix for each suggestion of each finding that touches [lo, hi]; the one `--fix`
    would apply is the preferred one. A display-only fix is offered as a quick fix too: the
    writer chooses to apply it, which is what display-only means."""
    actions = []
    for d in linted.diagnostics:
        if not d.suggestions or d.offset > hi or d.offset + d.length < lo:
            continue
        lsp_diagnostic = to_lsp_diagnostic(types, mapper, d)
        for i, suggestion in enumerate(d.suggestions):
            edit = types.TextEdit(range=lsp_diagnostic.range, new_text=suggestion)
            actions.append(
                types.CodeAction(
                    title=f"Replace '{d.match}' with '{suggestion}' ({d.rule})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[lsp_diagnostic],
                    is_preferred=bool(i == 0 and d.fix is not None and d.fix.safe),
                    edit=edit_for([edit]),
                )
            )
    return actions


def wanted(only: Sequence[str] | None, kind: str) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


# -- the server ----------------------------------------------------------------------------------


class Server:
    """The stylecheck language server: its state and its handlers. pygls speaks the protocol
    (`self.ls`); every lint goes through the one lint path (`api.lint_source`) on one thread."""

    def __init__(self, debounce: float = DEFAULT_DEBOUNCE) -> None:
        from lsprotocol import types
        from pygls.lsp.server import LanguageServer

        class _LanguageServer(LanguageServer):
            def report_server_error(self, error: Exception, source: Any) -> None:
                # A malformed message or a failing handler is logged (the editor shows our
                # stderr); it must not pop up a dialog on every keystroke, and it never stops the server.
                log.error("%s: %s", getattr(source, "__name__", source), error)

        self.types = types
        self.ls = _LanguageServer("stylecheck", __version__)
        self.state = State(debounce=debounce)
        self.ls.stylecheck_state = self.state  # type: ignore[attr-defined]
        # pygls marks each handler it registers, which a bound method does not allow: a partial does.
        def feature(name: str, handler: Any, options: Any = None) -> None:
            self.ls.feature(name, options)(partial(handler))

        feature(types.INITIALIZED, self.initialized)
        feature(types.TEXT_DOCUMENT_DID_OPEN, self.did_open)
        feature(types.TEXT_DOCUMENT_DID_CHANGE, self.did_change)
        feature(types.TEXT_DOCUMENT_DID_SAVE, self.did_save)
        feature(types.TEXT_DOCUMENT_DID_CLOSE, self.did_close)
        feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES, self.did_change_watched_files)
        feature(
            types.TEXT_DOCUMENT_CODE_ACTION,
            self.code_action,
            types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False),
        )

    # -- documents and configuration ------------------------------------------------------------

    def encoding(self) -> str:
        value = self.ls.workspace.position_encoding or "utf-16"
        return getattr(value, "value", value)

    def open_document(self, uri: str) -> Any:
        if uri not in self.ls.workspace.text_documents:
            return None
        return self.ls.workspace.get_text_document(uri)

    def snapshot(self, uri: str) -> tuple | None:
        """(version, text, path, fmt) of an open document, or None."""
        doc = self.open_document(uri)
        if doc is None:
            return None
        path = doc.path if uri.startswith("file:") else None
        fmt = "markdown" if doc.language_id == "markdown" else None
        return doc.version, doc.source, path, fmt

    def config_problem(self, exc: Exception) -> list:
        message = f"stylecheck configuration error: {exc}"
        if message not in self.state.shown_errors:
            self.state.shown_errors.add(message)
            self.ls.window_show_message(self.types.ShowMessageParams(type=self.types.MessageType.Error, message=message))
        return [config_problem_diagnostic(self.types, message)]

    def workspace_edit(self, uri: str, version: int | None, edits: list) -> Any:
        types = self.types
        caps = self.ls.client_capabilities.workspace
        if caps and caps.workspace_edit and caps.workspace_edit.document_changes:
            return types.WorkspaceEdit(
                document_changes=[
                    types.TextDocumentEdit(
                        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits=edits
                    )
                ]
            )
        return types.WorkspaceEdit(changes={uri: edits})

    # -- linting ----------------------------------------------------------------------------------

    async def lint_and_publish(self, uri: str, delay: float) -> None:
        types, state = self.types, self.state
        if delay > 0:
            await asyncio.sleep(delay)
        snap = self.snapshot(uri)
        if snap is None:
            return
        version, text, path, fmt = snap
        try:
            config = state.config_for(path)
            linter_for(config)  # load the rules here, so a bad rule file is a config problem
        except UserError as exc:
            doc = self.open_document(uri)
            if doc is not None and doc.version == version:
                state.linted[uri] = Linted(version, text, [])
                self.ls.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=self.config_problem(exc))
                )
            return
        loop = asyncio.get_running_loop()
        try:
            diagnostics = await loop.run_in_executor(state.executor, lint_text, config, text, path or uri, fmt)
        except Exception:  # a bug in a rule must not take the editor's server down
            log.exception("linting %s failed", uri)
            return
        doc = self.open_document(uri)
        if doc is None or doc.version != version or doc.source != text:
            log.debug("dropping diagnostics of %s version %s: the document has moved on", uri, version)
            return
        # No await between the check above and this publish: what is sent matches the version.
        state.linted[uri] = Linted(version, text, diagnostics)
        mapper = PositionMapper(text, self.encoding())
        self.ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[to_lsp_diagnostic(types, mapper, d) for d in diagnostics]
            )
        )

    def schedule(self, uri: str, delay: float) -> None:
        pending = self.state.pending
        previous = pending.pop(uri, None)
        if previous is not None and not previous.done():
            previous.cancel()
        task = asyncio.get_running_loop().create_task(self.lint_and_publish(uri, delay))
        pending[uri] = task
        task.add_done_callback(lambda t, uri=uri: pending.pop(uri, None) if pending.get(uri) is t else None)

    def relint_all(self) -> None:
        for uri in list(self.ls.workspace.text_documents):
            self.schedule(uri, 0)

    async def current(self, uri: str) -> Linted | None:
        """The lint of the document as it is now (linting it again if the last one is stale)."""
        snap = self.snapshot(uri)
        if snap is None:
            return None
        version, text, path, fmt = snap
        linted = self.state.linted.get(uri)
        if linted is not None and linted.version == version and linted.text == text:
            return linted
        try:
            config = self.state.config_for(path)
        except UserError:
            return Linted(version, text, [])
        # All linting happens on the one lint thread, never beside it.
        diagnostics = await asyncio.get_running_loop().run_in_executor(self.state.executor, lint_text, config, text, path or uri, fmt)
        return Linted(version, text, diagnostics)

    # -- handlers ---------------------------------------------------------------------------------

    async def initialized(self, ls: Any, params: Any) -> None:
        types = self.types
        root = ls.workspace.root_path
        try:  # compile the workspace's rules on the lint thread before the first document arrives
            config = self.state.config_for(os.path.join(root, "_") if root else None)
            asyncio.get_running_loop().run_in_executor(self.state.executor, linter_for, config)
        except UserError:
            pass  # reported on the first document
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched is not None and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCH_GLOBS]
            )
            try:
                await ls.client_register_capability_async(
                    types.RegistrationParams(
                        registrations=[
                            types.Registration(id="stylecheck-config-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)
                        ]
                    )
                )
            except Exception as exc:  # the client refused; re-discovery by stat still works
                log.warning("could not register file watchers: %s", exc)

    def did_open(self, ls: Any, params: Any) -> None:
        self.schedule(params.text_document.uri, 0)

    def did_change(self, ls: Any, params: Any) -> None:
        self.schedule(params.text_document.uri, self.state.debounce)

    def did_save(self, ls: Any, params: Any) -> None:
        uri = params.text_document.uri
        if os.path.basename(uri) in CONFIG_FILE_NAMES or uri.endswith((".yml", ".yaml")):
            self.state.reset_config()
            self.relint_all()

    def did_close(self, ls: Any, params: Any) -> None:
        uri = params.text_document.uri
        task = self.state.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.state.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(self.types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def did_change_watched_files(self, ls: Any, params: Any) -> None:
        log.info("watched files changed: %s", [c.uri for c in params.changes])
        self.state.reset_config()
        self.relint_all()

    async def code_action(self, ls: Any, params: Any) -> list | None:
        types = self.types
        uri = params.text_document.uri
        linted = await self.current(uri)
        if linted is None:
            return None
        only = [getattr(k, "value", k) for k in params.context.only] if params.context.only else None
        mapper = PositionMapper(linted.text, self.encoding())
        lo = mapper.offset(params.range.start.line, params.range.start.character)
        hi = mapper.offset(params.range.end.line, params.range.end.character)
        actions = []
        if wanted(only, types.CodeActionKind.QuickFix.value):
            actions.extend(quick_fixes(types, mapper, linted, lo, hi, lambda edits: self.workspace_edit(uri, linted.version, edits)))
        if wanted(only, FIX_ALL_KIND) and any(d.fix is not None and d.fix.safe for d in linted.diagnostics):
            fix_all = await self.fix_all_action(uri, linted, mapper)
            if fix_all is not None:
                actions.append(fix_all)
        return actions

    async def fix_all_action(self, uri: str, linted: Linted, mapper: PositionMapper) -> Any:
        """`source.fixAll.stylecheck`: every safe fix, as `--fix` applies them, as one edit."""
        from .fix import fix_text

        types = self.types
        snap = self.snapshot(uri)
        path, fmt = (snap[2], snap[3]) if snap else (None, None)
        try:
            config = self.state.config_for(path)
        except UserError:
            return None
        outcome = await asyncio.get_running_loop().run_in_executor(
            self.state.executor,
            lambda: fix_text(linted.text, lambda t: lint_text(config, t, path or uri, fmt), newline=_newline(linted.text)),
        )
        if outcome.text == linted.text:
            return None
        start, end_old, end_new = _changed_span(linted.text, outcome.text)
        a, b = mapper.position(start), mapper.position(end_old)
        edit = types.TextEdit(range=types.Range(types.Position(*a), types.Position(*b)), new_text=outcome.text[start:end_new])
        return types.CodeAction(
            title=f"Fix all safe stylecheck problems ({outcome.applied})",
            kind=FIX_ALL_KIND,
            edit=self.workspace_edit(uri, linted.version, [edit]),
        )


def build_server(debounce: float = DEFAULT_DEBOUNCE) -> Any:
    """A pygls LanguageServer with stylecheck's features registered (see `Server`)."""
    return Server(debounce).ls


def _one_line(record: logging.LogRecord) -> bool:
    """Keep the log to one line per problem: pygls logs a traceback for every malformed message,
    and report_server_error already names it (--log-level DEBUG shows the tracebacks)."""
    if record.name.startswith("pygls") and record.exc_info:
        record.exc_info = None
        record.exc_text = None
    return True


def _changed_span(old: str, new: str) -> tuple[int, int, int]:
    """The one span that differs: (start, end in old, end in new), by common prefix and suffix."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, end_new


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stylecheck lsp", description="The stylecheck language server (LSP over stdio).")
    parser.add_argument("--stdio", action="store_true", help="talk LSP over standard input and output (the default and only transport)")
    parser.add_argument("--debounce", type=float, default=DEFAULT_DEBOUNCE, metavar="SECONDS",
                        help=f"wait this long after a change before linting (default: {DEFAULT_DEBOUNCE})")
    parser.add_argument("--log-level", default="WARNING", choices=("DEBUG", "INFO", "WARNING", "ERROR"), help="log to stderr at this level")
    try:
        args = parser.parse_args(list(argv or []))
    except SystemExit as exc:
        return 2 if exc.code else 0
    if args.debounce < 0:
        print("stylecheck lsp: error: --debounce must not be negative", file=sys.stderr)
        return 2
    try:
        server = build_server(args.debounce)
    except ImportError as exc:
        print(f"stylecheck lsp: error: the language server needs pygls ({exc.name} is missing); install it into this environment: \"{sys.executable}\" -m pip install 'pygls>=2.0,<3'", file=sys.stderr)
        return 2
    logging.basicConfig(stream=sys.stderr, level=args.log_level, format="stylecheck lsp: %(levelname)s: %(message)s")
    if args.log_level != "DEBUG":
        for handler in logging.getLogger().handlers:
            handler.addFilter(_one_line)
    server.start_io()
    return 0


def _newline(text: str) -> str:
    from .source import Source

    return Source(path="", text=text).newline
