"""A minimal LSP client for yaml-language-server, the engine of VS Code's YAML extension.

The tests drive the real server (npm, pinned in tests/clients/package-lock.json, run
with the machine's node) over stdio JSON-RPC as an editor does: initialize, answer
its ``workspace/configuration`` requests, open documents and collect the
``textDocument/publishDiagnostics`` it sends, ask for completions.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "tests" / "clients" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"

# What VS Code sends for the `yaml` section, minus the network: no schema store.
SETTINGS = {
    "validate": True, "hover": True, "completion": True, "format": {"enable": False},
    "schemaStore": {"enable": False}, "schemas": {}, "yamlVersion": "1.2", "customTags": [],
    "disableDefaultProperties": True,
}


class YamlLanguageServer:
    """One yaml-language-server process, shared by the tests of a module."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.ids = itertools.count(1)
        self.uris = itertools.count(1)
        self.lock = threading.Condition()
        self.responses: dict[int, Any] = {}
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.request("initialize", {
            "processId": None, "rootUri": ROOT.as_uri(), "workspaceFolders": None,
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": False}},
                "textDocument": {"publishDiagnostics": {}, "completion": {"completionItem": {"snippetSupport": True}},
                                 "hover": {"contentFormat": ["markdown", "plaintext"]}},
            },
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": SETTINGS}})

    # --- JSON-RPC over stdio -----------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            message = json.loads(stream.read(length))
            if "id" in message and "method" in message:  # a request from the server
                self._send({"id": message["id"], "result": self._answer(message)})
            elif "id" in message:
                with self.lock:
                    self.responses[message["id"]] = message
                    self.lock.notify_all()
            elif message.get("method") == "textDocument/publishDiagnostics":
                with self.lock:
                    self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
                    self.lock.notify_all()

    @staticmethod
    def _answer(message: dict[str, Any]) -> Any:
        if message["method"] == "workspace/configuration":
            return [SETTINGS if item.get("section") == "yaml" else None for item in message["params"]["items"]]
        return None

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        """Send a request and wait for its result."""
        number = next(self.ids)
        self._send({"id": number, "method": method, "params": params})
        with self.lock:
            if not self.lock.wait_for(lambda: number in self.responses, timeout):
                raise TimeoutError(method)
            response = self.responses.pop(number)
        assert "error" not in response, response
        return response["result"]

    # --- What an editor does -----------------------------------------------------------
    def open(self, text: str, uri: str | None = None) -> str:
        """Open a document (a fresh URI unless given) and return its URI."""
        uri = uri or f"file:///pac-gen-test/plans/doc{next(self.uris)}.yaml"
        with self.lock:
            self.diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        return uri

    def close(self, uri: str, timeout: float = 60) -> None:
        """Close a document, and wait for the server to clear its diagnostics (so a reopening sees fresh ones)."""
        with self.lock:
            self.diagnostics.pop(uri, None)
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        with self.lock:
            if not self.lock.wait_for(lambda: self.diagnostics.get(uri) == [], timeout):
                raise TimeoutError(f"{uri} not closed")
            del self.diagnostics[uri]

    def diagnose(self, text: str, uri: str | None = None, timeout: float = 60) -> list[dict[str, Any]]:
        """The diagnostics the server publishes for ``text``, as an editor underlines them."""
        uri = self.open(text, uri)
        with self.lock:
            if not self.lock.wait_for(lambda: uri in self.diagnostics, timeout):
                raise TimeoutError(f"no diagnostics for {uri}")
            found = self.diagnostics.pop(uri)
        self.close(uri)
        return found

    def complete(self, text: str, line: int, character: int) -> list[str]:
        """The labels the server proposes at a 0-based position."""
        uri = self.open(text)
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                          "position": {"line": line, "character": character}})
        self.close(uri)
        items = result["items"] if isinstance(result, dict) else result
        return [item["label"] for item in items]

    def hover(self, text: str, line: int, character: int) -> str:
        """The hover text at a 0-based position ("" when none)."""
        uri = self.open(text)
        result = self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": line, "character": character}})
        self.close(uri)
        return "" if not result else str(result["contents"].get("value", ""))

    def stop(self) -> None:
        """Shut the server down."""
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (TimeoutError, subprocess.TimeoutExpired, BrokenPipeError, OSError):
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
