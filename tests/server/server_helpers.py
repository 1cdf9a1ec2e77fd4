"""Helpers for the server tests: a fake checkout, websocket conversation steps, and
``secket serve`` in a process of its own."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import aiohttp
from aiohttp.test_utils import TestClient
from tests.daemons import ServerProcess

ROOM_A = "0123456789abcdef0123456789abcdef"
ROOM_B = "fedcba9876543210fedcba9876543210"

#: ``await make_client(**config_fields)`` (the fixture of that name).
ClientFactory = Callable[..., Awaitable[TestClient[Any, Any]]]

#: Where the fake checkout's Pyodide and PyScript are served: their versions are its own.
PYODIDE = "/vendor/pyodide/1.2.3/"
PYSCRIPT = "/vendor/pyscript/4.5.6/"

#: Files of the fake checkout, by path relative to its root.
FAKE_FILES = {
    "app/index.html": "<!doctype html><title>Secket</title>\n",
    "app/style.css": "body { color: black; }\n",
    "app/favicon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n",
    "app/py/secket/__init__.py": "VERSION = 1\n",
    "app/py/secket/core/session.py": "STATE = 'idle'\n",
    "app/py/secket/__pycache__/session.cpython-311.pyc": "not served",
    "app/.DS_Store": "not served",
    "pyscript.toml": 'name = "secket"\n',
    "node_modules/pyodide/pyodide.mjs": "export const loadPyodide = 1;\n",
    "node_modules/pyodide/pyodide.asm.mjs": "export default 1;\n",
    "node_modules/pyodide/pyodide.asm.wasm": "\0asm",
    "node_modules/pyodide/python_stdlib.zip": "PK",
    "node_modules/pyodide/pyodide-lock.json": "{}",
    "node_modules/pyodide/pyodide.js": "not served",
    "node_modules/pyodide/pyodide.mjs.map": "not served",
    "node_modules/pyodide/package.json": '{"name": "pyodide", "version": "1.2.3"}',
    "node_modules/@pyscript/core/package.json": '{"name": "@pyscript/core", "version": "4.5.6"}',
    "node_modules/@pyscript/core/dist/core.js": "export {};\n",
    "node_modules/@pyscript/core/dist/core.css": "py-script { display: none; }\n",
    "node_modules/@pyscript/core/dist/core-C9KDLldu.js": "export {};\n",
    "node_modules/@pyscript/core/dist/core.js.map": "not served",
}


def write_fake_root(root: Path) -> Path:
    for name, text in FAKE_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


async def receive(ws: aiohttp.ClientWebSocketResponse, wait: float = 3.0) -> dict[str, Any]:
    """The next text frame as JSON; fails on anything else."""
    message = await ws.receive(timeout=wait)
    assert message.type is aiohttp.WSMsgType.TEXT, message
    data: dict[str, Any] = json.loads(message.data)
    return data


async def expect_close(ws: aiohttp.ClientWebSocketResponse, wait: float = 3.0) -> int | None:
    """Wait for the server to close the socket; return the close code."""
    message = await ws.receive(timeout=wait)
    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), message
    return ws.close_code


async def expect_error(
    ws: aiohttp.ClientWebSocketResponse, code: str, close_code: int | None
) -> dict[str, Any]:
    """The next frame is error ``code``; then the socket closes with ``close_code`` (or not)."""
    error = await receive(ws)
    assert error["type"] == "error"
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    if close_code is not None:
        assert await expect_close(ws) == close_code
    return error


class Connects(Protocol):
    """Where sockets come from: a ``TestClient`` of an app, or a ``Remote`` server process."""

    async def ws_connect(self, path: str, **kwargs: Any) -> aiohttp.ClientWebSocketResponse: ...


@dataclass(frozen=True)
class Remote:
    """A server in a process of its own at ``url``, whose sockets ``session`` opens."""

    session: aiohttp.ClientSession
    url: str

    async def ws_connect(self, path: str, **kwargs: Any) -> aiohttp.ClientWebSocketResponse:
        return await self.session.ws_connect(self.url + path.lstrip("/"), **kwargs)


async def join(
    client: Connects, room: str = ROOM_A, **kwargs: Any
) -> aiohttp.ClientWebSocketResponse:
    ws = await client.ws_connect("/ws", **kwargs)
    await ws.send_json({"type": "join", "room": room})
    return ws


async def pair(
    client: Connects, room: str = ROOM_A, other: Connects | None = None, wait: float = 3.0
) -> tuple[aiohttp.ClientWebSocketResponse, aiohttp.ClientWebSocketResponse]:
    """Two sockets paired in ``room``, the second one joining through ``other`` (another
    server sharing the rooms) if given; the join/paired frames already read."""
    first = await join(client, room)
    assert await receive(first, wait) == {"type": "joined", "peers": 1}
    second = await join(other or client, room)
    assert await receive(second, wait) == {"type": "joined", "peers": 2}
    assert (await receive(first, wait))["type"] == "paired"
    assert (await receive(second, wait))["type"] == "paired"
    return first, second


async def wait_for_sockets(client: TestClient[Any, Any], count: int) -> None:
    """Wait until the server has finished with every socket but ``count``."""
    for _ in range(100):
        health = await (await client.get("/healthz")).json()
        if health["sockets"] == count:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"server still has {health['sockets']} sockets, expected {count}")


async def serve(log_path: Path, root: Path, *args: str, **env: str) -> ServerProcess:
    """``secket serve --root root *args`` in a process of its own, on a free port, with
    ``env`` added to its environment; started off the event loop. ``server.stop()`` (in a
    thread too: ``asyncio.to_thread``) sends SIGTERM and returns its exit code."""
    return await asyncio.to_thread(ServerProcess(log_path, args, root, env=env).start)
