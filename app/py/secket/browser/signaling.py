"""The websocket to the signaling server: JSON in, JSON out; what arrives goes onto the
flow's queue as the page's inputs."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import js
from pyodide.ffi import create_proxy

from ..core.errors import UnreachableError
from ..page import inputs as put

#: What the page makes of a reply that is not a JSON object.
UNREADABLE = {"type": "error", "code": "bad-message", "message": "Unreadable reply."}


class Signaling:
    def __init__(self, url: str, post: put.Post) -> None:
        self._url = url
        self._post = post
        self._ws: Any = None
        self._listeners: list[tuple[str, Any]] = []
        self.open = False

    async def connect(self) -> None:
        """Open the socket; ``UnreachableError`` if it closes before it opened."""
        opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        ws = js.WebSocket.new(self._url)
        self._ws = ws

        def on_open(_event: Any) -> None:
            self.open = True
            if not opened.done():
                opened.set_result(None)

        def on_message(event: Any) -> None:
            try:
                message = json.loads(str(event.data))
            except ValueError:
                message = None
            found = put.server_input(message if isinstance(message, dict) else UNREADABLE)
            if found is not None:
                self._post(found)

        def on_close(event: Any) -> None:
            was_open, self.open = self.open, False
            if not opened.done():
                opened.set_exception(UnreachableError())
            elif was_open:
                self._post(put.ServerClosed(int(event.code)))

        for name, handler in (("open", on_open), ("message", on_message), ("close", on_close)):
            proxy = create_proxy(handler)
            self._listeners.append((name, proxy))
            ws.addEventListener(name, proxy)
        await opened

    def send(self, message: dict[str, Any]) -> None:
        if self.open:
            self._ws.send(json.dumps(message, separators=(",", ":")))

    def close(self) -> None:
        ws, self._ws, self.open = self._ws, None, False
        for name, proxy in self._listeners:
            if ws is not None:
                ws.removeEventListener(name, proxy)
            proxy.destroy()
        self._listeners.clear()
        if ws is not None:
            ws.close(1000)
