"""The language server, end to end: the real `stylecheck lsp` subprocess driven by pygls's client.

Every test is bounded: each wait has a timeout, and the whole conversation runs under one.
"""
from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server tests need pygls: pip install -e '.[test]'")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

TIMEOUT = 30.0  # seconds for one wait; far above what any step takes
DEBOUNCE = "0.05"

# Accents, an emoji outside the BMP (two UTF-16 units) and a ZWJ family (five code points, eight
# UTF-16 units) before each doubled word, so code points and UTF-16 units disagree.
TEXT = "Café 🎉 owners said the the plan works.\nNaïve 👩‍👩‍👧 voters an an owl.\n"
# (line, start character, end character) in UTF-16 units, worked out by hand:
#   line 0: "Café 🎉 owners said " = 19 code points, 20 units (🎉 is a surrogate pair)
#   line 1: "Naïve 👩‍👩‍👧 voters " = 19 code points, 22 units (👩‍👩‍👧: 2+1+2+1+2)
EXPECTED_UTF16 = [(0, 20, 27, "the the"), (1, 22, 27, "an an")]
EXPECTED_UTF32 = [(0, 19, 26, "the the"), (1, 19, 24, "an an")]


class Client:
    """A pygls LanguageClient around one server subprocess, recording what it publishes."""

    def __init__(self) -> None:
        self.lsp = LanguageClient("stylecheck-tests", "1")
        self.published: list[types.PublishDiagnosticsParams] = []
        self.messages: list[types.ShowMessageParams] = []
        self.registrations: list[types.RegistrationParams] = []
        self.changed = asyncio.Condition()

        @self.lsp.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.append(params)
            async with self.changed:
                self.changed.notify_all()

        @self.lsp.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(params: types.ShowMessageParams) -> None:
            self.messages.append(params)

        @self.lsp.feature(types.CLIENT_REGISTER_CAPABILITY)
        def on_register(params: types.RegistrationParams) -> None:
            self.registrations.append(params)
            return None

    async def start(self, root: Path, encodings: list[str] | None = None) -> types.InitializeResult:
        await self.lsp.start_io(sys.executable, "-m", "stylecheck", "lsp", "--debounce", DEBOUNCE, cwd=str(root))
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
            ),
            general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        )
        result = await asyncio.wait_for(
            self.lsp.initialize_async(
                types.InitializeParams(
                    process_id=os.getpid(), root_uri=root.as_uri(), capabilities=capabilities,
                    workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="news")],
                )
            ),
            TIMEOUT,
        )
        self.lsp.initialized(types.InitializedParams())
        return result

    async def wait_for(self, uri: str, version: int | None, predicate=lambda p: True) -> types.PublishDiagnosticsParams:
        async def found():
            async with self.changed:
                while True:
                    for p in reversed(self.published):
                        if p.uri == uri and (version is None or p.version == version) and predicate(p):
                            return p
                    await self.changed.wait()

        return await asyncio.wait_for(found(), TIMEOUT)

    def open(self, uri: str, text: str, language: str = "plaintext", version: int = 1) -> None:
        self.lsp.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text))
        )

    def change(self, uri: str, version: int, text: str | None = None, edit: tuple[types.Range, str] | None = None) -> None:
        if edit is not None:
            change = types.TextDocumentContentChangePartial(range=edit[0], text=edit[1])
        else:
            change = types.TextDocumentContentChangeWholeDocument(text=text)
        self.lsp.text_document_did_change(
            types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change])
        )

    async def stop(self) -> int | None:
        try:
            await asyncio.wait_for(self.lsp.shutdown_async(None), TIMEOUT)
            self.lsp.exit(None)
        finally:
            await asyncio.wait_for(self.lsp.stop(), TIMEOUT)
        server = self.lsp._server
        return await asyncio.wait_for(server.wait(), TIMEOUT) if server else None


def apply_utf16_edit(text: str, edit: types.TextEdit) -> str:
    """Apply an LSP edit the way an editor does, counting characters in UTF-16 code units."""
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        before = sum(len(line) for line in lines[: position.line])
        units = lines[position.line].encode("utf-16-le")[: 2 * position.character]
        return before + len(units.decode("utf-16-le"))

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 120))


def spans(params: types.PublishDiagnosticsParams, text: str | None = None):
    return [(d.range.start.line, d.range.start.character, d.range.end.character, d.code) for d in params.diagnostics]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    (root / ".stylecheck.yaml").write_text("preset: ap\n")
    return root


def test_diagnostics_on_open_and_change_in_utf16_and_quick_fixes(news):
    async def conversation():
        client = Client()
        init = await client.start(news)
        assert init.capabilities.position_encoding in (None, types.PositionEncodingKind.Utf16)
        assert init.server_info.name == "stylecheck"
        assert init.capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
        assert set(init.capabilities.code_action_provider.code_action_kinds) == {
            types.CodeActionKind.QuickFix, "source.fixAll.stylecheck"
        }
        uri = (news / "story.txt").as_uri()
        client.open(uri, TEXT)
        opened = await client.wait_for(uri, 1)
        assert [(ln, s, e) for ln, s, e, _ in spans(opened)] == [(ln, s, e) for ln, s, e, _ in EXPECTED_UTF16]
        assert {d.code for d in opened.diagnostics} == {"House.DoubledWord"}
        assert all(d.source == "stylecheck" and d.severity == types.DiagnosticSeverity.Error for d in opened.diagnostics)

        # Quick fix for the doubled word on line 1, asked for at a cursor inside it.
        cursor = types.Range(types.Position(1, 24), types.Position(1, 24))
        actions = await asyncio.wait_for(
            client.lsp.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri), range=cursor,
                    context=types.CodeActionContext(diagnostics=[]),
                )
            ),
            TIMEOUT,
        )
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        assert [a.title for a in quick] == ["Replace 'an an' with 'an' (House.DoubledWord)"]
        assert quick[0].is_preferred is True
        (doc_edit,) = quick[0].edit.document_changes
        assert doc_edit.text_document.version == 1
        (edit,) = doc_edit.edits
        assert (edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.new_text) == (1, 22, 27, "an")
        fix_all = [a for a in actions if a.kind == "source.fixAll.stylecheck"]
        assert len(fix_all) == 1 and fix_all[0].title == "Fix all safe stylecheck problems (2)"
        (all_edit,) = fix_all[0].edit.document_changes[0].edits
        assert apply_utf16_edit(TEXT, all_edit) == "Café 🎉 owners said the plan works.\nNaïve 👩‍👩‍👧 voters an owl.\n"
        assert apply_utf16_edit(TEXT, edit) == "Café 🎉 owners said the the plan works.\nNaïve 👩‍👩‍👧 voters an owl.\n"

        # Apply the quick fix as an editor would: an incremental change in UTF-16 units.
        client.change(uri, 2, edit=(edit.range, edit.new_text))
        changed = await client.wait_for(uri, 2)
        assert spans(changed) == [(0, 20, 27, "House.DoubledWord")]

        # Then delete " the" on line 0 (characters 23..27): nothing is left.
        client.change(uri, 3, edit=(types.Range(types.Position(0, 23), types.Position(0, 27)), ""))
        clean = await client.wait_for(uri, 3)
        assert list(clean.diagnostics) == []
        return await client.stop()

    assert run(conversation()) == 0


def test_utf32_when_the_client_offers_it(news):
    async def conversation():
        client = Client()
        init = await client.start(news, encodings=["utf-32", "utf-16"])
        assert init.capabilities.position_encoding == types.PositionEncodingKind.Utf32
        uri = (news / "story.md").as_uri()
        client.open(uri, TEXT, language="markdown")
        opened = await client.wait_for(uri, 1)
        assert [(ln, s, e) for ln, s, e, _ in spans(opened)] == [(ln, s, e) for ln, s, e, _ in EXPECTED_UTF32]
        return await client.stop()

    assert run(conversation()) == 0


def test_configuration_reloads_when_stylecheck_yaml_changes(news):
    config = news / ".stylecheck.yaml"
    config.write_text("ignore: [House.DoubledWord]\n")

    async def conversation():
        client = Client()
        await client.start(news)
        assert [r.method for p in client.registrations for r in p.registrations] in ([], ["workspace/didChangeWatchedFiles"])
        uri = (news / "story.txt").as_uri()
        client.open(uri, "We saw the the dog.\n")
        first = await client.wait_for(uri, 1)
        assert list(first.diagnostics) == []

        # 1. The editor's file watcher reports the change.
        config.write_text("preset: ap\n")
        client.lsp.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)])
        )
        second = await client.wait_for(uri, 1, lambda p: p.diagnostics)
        assert spans(second) == [(0, 7, 14, "House.DoubledWord")]

        # 2. No notification at all: the next lint finds the config changed on disk.
        config.write_text("ignore: [House]\n# changed\n")
        client.change(uri, 2, text="We saw the the cat.\n")
        third = await client.wait_for(uri, 2)
        assert list(third.diagnostics) == []

        # 3. A broken config is shown, not crashed on.
        config.write_text("preset: tabloid\n")
        client.change(uri, 3, text="We saw the the cow.\n")
        broken = await client.wait_for(uri, 3)
        (problem,) = broken.diagnostics
        assert "unknown preset 'tabloid'" in problem.message and str(config) in problem.message
        assert any("unknown preset 'tabloid'" in m.message for m in client.messages)
        return await client.stop()

    assert run(conversation()) == 0


@pytest.mark.parametrize("name", [".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale"])
def test_configuration_reloads_when_a_vale_config_changes(tmp_path, name):
    # A Vale project (no .stylecheck.yaml): every file name the config finder reads is watched,
    # and a change found on disk at the next lint is picked up, whatever the name.
    root = tmp_path / "vale-project"
    (root / "styles").mkdir(parents=True)
    config = root / name
    config.write_text("StylesPath = styles\n[*.txt]\nBasedOnStyles = Vale\nVale.Repetition = NO\n")

    async def conversation():
        client = Client()
        await client.start(root)
        uri = (root / "story.txt").as_uri()
        client.open(uri, "We saw the the dog.\n")
        first = await client.wait_for(uri, 1)
        assert list(first.diagnostics) == []
        config.write_text("StylesPath = styles\n[*.txt]\nBasedOnStyles = Vale\n")
        client.change(uri, 2, text="We saw the the cat.\n")
        second = await client.wait_for(uri, 2)
        assert spans(second) == [(0, 7, 14, "Vale.Repetition")]
        return await client.stop()

    assert run(conversation()) == 0


def test_edits_faster_than_linting_never_publish_stale_diagnostics(news):
    # A long article, so that linting takes a while, changed 30 times without pause. Version v
    # carries v % 4 doubled words; every published version must show exactly its own count.
    base = "The council met on Tuesday and approved a budget for the coming year. " * 3000

    def text_for(version: int) -> str:
        return base + "We saw the the dog. " * (version % 4) + "\n"

    async def conversation():
        client = Client()
        await client.start(news)
        uri = (news / "long.txt").as_uri()
        client.open(uri, text_for(1))
        last = 31
        for version in range(2, last + 1):
            client.change(uri, version, text=text_for(version))
        final = await client.wait_for(uri, last)
        assert len(final.diagnostics) == last % 4
        mine = [p for p in client.published if p.uri == uri]
        versions = [p.version for p in mine]
        assert versions == sorted(versions)
        for p in mine:
            assert len(p.diagnostics) == p.version % 4, (p.version, len(p.diagnostics))
        assert len(mine) < last  # the debounce merged the burst
        return await client.stop()

    assert run(conversation()) == 0


def test_close_clears_diagnostics(news):
    async def conversation():
        client = Client()
        await client.start(news)
        uri = (news / "story.txt").as_uri()
        client.open(uri, "We saw the the dog.\n")
        await client.wait_for(uri, 1, lambda p: p.diagnostics)
        client.lsp.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))
        cleared = await client.wait_for(uri, None, lambda p: p.version is None)
        assert list(cleared.diagnostics) == []
        return await client.stop()

    assert run(conversation()) == 0
