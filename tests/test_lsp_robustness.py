"""The language server survives bad clients: raw JSON-RPC over the pipes, malformed on purpose."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server tests need pygls: pip install -e '.[test]'")

TIMEOUT = 30.0


class RawServer:
    """`stylecheck lsp` with JSON-RPC framed by hand, so we can also send what no client should."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "stylecheck", "lsp", "--debounce", "0.02"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
        )
        self.inbox: queue.Queue = queue.Queue()
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line == b"\r\n":
                    break
            self.inbox.put(json.loads(out.read(length)))

    def send_bytes(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send_body(self, body: bytes) -> None:
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send(self, message: dict) -> None:
        self.send_body(json.dumps({"jsonrpc": "2.0", **message}).encode())

    def expect(self, predicate, what: str) -> dict:
        while True:
            try:
                message = self.inbox.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no {what} within {TIMEOUT}s; stderr: {b''.join(self.stderr)[-2000:]!r}") from None
            assert message is not None, f"server closed its output before {what}; stderr: {b''.join(self.stderr)[-2000:]!r}"
            if predicate(message):
                return message

    def response(self, msg_id: int) -> dict:
        return self.expect(lambda m: m.get("id") == msg_id and "method" not in m, f"response {msg_id}")

    def diagnostics(self, uri: str, version: int) -> dict:
        return self.expect(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            and m["params"].get("version") == version,
            f"diagnostics for {uri} v{version}",
        )["params"]

    def close(self) -> int:
        try:
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                try:
                    stream.close()
                except OSError:
                    pass


def test_malformed_messages_and_unknown_methods_do_not_kill_the_server(tmp_path):
    server = RawServer(tmp_path)
    try:
        server.send({"id": 1, "method": "initialize", "params": {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {}}})
        assert "capabilities" in server.response(1)["result"]
        server.send({"method": "initialized", "params": {}})

        server.send_body(b"{this is not json")                       # a body that does not parse
        server.send_body(b"[1, 2, 3]")                                # JSON, but not a message
        server.send_body("{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didOpen\", \"params\": {}}".encode())  # bad params
        server.send_bytes(b"X-Garbage: yes\r\nContent-Length: nope\r\n\r\n")  # a header without a length
        server.send({"id": 2, "method": "stylecheck/noSuchMethod", "params": {}})
        assert server.response(2)["error"]["code"] == -32601           # MethodNotFound, and still alive
        server.send({"method": "$/noSuchNotification", "params": {}})  # ignored, as the spec says
        server.send({"id": 3, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": (tmp_path / "never-opened.txt").as_uri()},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []}}})
        assert server.response(3).get("result") is None                # a document it does not know

        uri = (tmp_path / "story.txt").as_uri()
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": "Résumé 😀 the the end.\n"}}})
        published = server.diagnostics(uri, 1)
        (d,) = published["diagnostics"]
        assert (d["code"], d["range"]) == ("House.DoubledWord", {"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 17}})

        # An edit whose range lies beyond the end of the document, and one for a document that is
        # not open: neither kills the server, and the next real change is linted.
        server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": (tmp_path / "other.txt").as_uri(), "version": 5},
            "contentChanges": [{"text": "the the"}]}})
        server.send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 40, "character": 0}, "end": {"line": 41, "character": 3}}, "text": "x"}]}})
        server.send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"text": "No problems here.\n"}]}})
        assert server.diagnostics(uri, 3)["diagnostics"] == []

        server.send({"id": 4, "method": "shutdown"})
        assert "error" not in server.response(4)
        server.send({"method": "exit"})
        assert server.close() == 0
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.close()


def test_lsp_usage_errors_are_one_line():
    bad = subprocess.run([sys.executable, "-m", "stylecheck", "lsp", "--debounce", "-1"], capture_output=True, timeout=60)
    assert bad.returncode == 2
    assert bad.stderr.decode() == "stylecheck lsp: error: --debounce must not be negative\n"


def test_missing_pygls_is_a_one_line_error(monkeypatch, capsys):
    from stylecheck.lsp import main

    monkeypatch.setitem(sys.modules, "lsprotocol", None)  # as if the `lsp` extra were not installed
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "stylecheck lsp: error: the language server needs pygls (lsprotocol is missing); install it into this environment: "
        f"\"{sys.executable}\" -m pip install 'pygls>=2.0,<3'\n"
    )
