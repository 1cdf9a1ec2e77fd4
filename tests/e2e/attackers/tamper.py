"""A signaling server that does not know the link but meddles with what it relays.

It sits in front of the real server: every page's websocket is relayed, frame by frame, to
the real ``/ws`` of the same app, so pairing, ``peer-left`` and errors are the real ones.
Only the ``signal`` frames delivered to one page (the victim) are meddled with, once, at
the victim's ``index``-th signal:

- ``flip``: one bit of the sealed payload is flipped;
- ``forge``: the payload is swapped for random bytes of the same length (what a server
  without the link can make);
- ``replay``: the payload is delivered, then delivered again;
- ``drop``: the payload is never delivered (the next one arrives in its place);
- ``reflect``: the victim gets back the first payload it sent itself;
- ``hold``: nothing more is delivered to the victim until ``release()`` (a slow server,
  used by the fault tests to catch a handshake in the middle);
- ``none``: nothing is meddled with (for ``cut``, a page's network going away);
- ``burst``: the payload is flipped as in ``flip`` but held back until another payload for
  the victim is there, then both are delivered back to back.

After a strike the relay goes quiet towards the page it struck (it delivers nothing more,
except the one payload that follows a drop, which is how a drop shows), so that what that
page shows is its reaction to the strike alone; ``burst`` is the exception on purpose.
The attack is carried out once: pages in later rooms are relayed faithfully.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import threading
from dataclasses import dataclass, field

from aiohttp import ClientSession, ClientWebSocketResponse, WSMsgType, web

from . import UPSTREAM_HEADER, take_over_ws

ATTACKS = ("flip", "forge", "replay", "drop", "reflect", "hold", "burst", "none")
#: Sides as the server sees them: the page that made the link, and the one that opened it.
SIDES = ("creator", "opener")


def _unb64(token: str) -> bytes:
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _signal(payload: str) -> str:
    return json.dumps({"type": "signal", "payload": payload}, separators=(",", ":"))


@dataclass
class TamperingRelay:
    """Relays both pages through the real server and meddles with the victim's signals."""

    victim: str
    attack: str
    index: int = 0
    #: Set (from the server's thread) once the attack was carried out.
    struck: threading.Event = field(default_factory=threading.Event)
    #: Payloads each side sent, in order, as the server saw them.
    sent: dict[str, list[str]] = field(default_factory=lambda: {side: [] for side in SIDES})
    #: Payloads delivered to each side, after meddling.
    delivered: dict[str, list[str]] = field(default_factory=lambda: {side: [] for side in SIDES})
    #: Pages whose network is gone (see ``cut``).
    cut_off: set[web.WebSocketResponse] = field(default_factory=set)
    #: The last page that joined as each side.
    _joined: dict[str, web.WebSocketResponse] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SIDES, 0))
    _held: list[tuple[web.WebSocketResponse, str]] = field(default_factory=list)
    _holding: bool = False
    _stashed: str | None = None
    _target: web.WebSocketResponse | None = None
    _passes: int = 0
    _pages: set[web.WebSocketResponse] = field(default_factory=set)
    _loop: asyncio.AbstractEventLoop | None = None

    def __post_init__(self) -> None:
        assert self.victim in SIDES, self.victim
        assert self.attack in ATTACKS, self.attack

    def install(self, app: web.Application) -> None:
        take_over_ws(app, self.handle)
        app.on_startup.append(self._started)
        app.on_shutdown.append(self._shutdown)

    async def _started(self, _app: web.Application) -> None:
        self._loop = asyncio.get_running_loop()

    async def _shutdown(self, _app: web.Application) -> None:
        for page in list(self._pages):
            await page.close()

    def release(self) -> None:
        """End a ``hold``: deliver what was held back (thread-safe)."""
        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(self._release(), self._loop).result(timeout=10)

    async def _release(self) -> None:
        # Frames that arrive while the held ones go out join the queue: the order stays.
        while self._held:
            page, text = self._held.pop(0)
            with contextlib.suppress(ConnectionError, RuntimeError):
                await page.send_str(text)
        self._holding = False

    def cut(self, side: str) -> None:
        """The network of that side's page goes away (thread-safe): nothing more passes
        either way, and the real server's pings to it go unanswered (its heartbeat notices).
        """
        self.cut_off.add(self._joined[side])

    async def handle(self, request: web.Request) -> web.StreamResponse:
        page = web.WebSocketResponse()
        await page.prepare(request)
        self._pages.add(page)
        side = ["opener"]  # until the page's join says otherwise
        url = f"ws://{request.host}/ws"
        try:
            async with (
                ClientSession() as session,
                session.ws_connect(url, headers={UPSTREAM_HEADER: "1"}, autoping=False) as upstream,
            ):
                await asyncio.gather(
                    self._from_page(page, upstream, side), self._to_page(upstream, page, side)
                )
        finally:
            self._pages.discard(page)
        return page

    async def _from_page(
        self, page: web.WebSocketResponse, upstream: ClientWebSocketResponse, side: list[str]
    ) -> None:
        async for frame in page:
            if frame.type is not WSMsgType.TEXT:
                break
            if page in self.cut_off:
                continue
            message = json.loads(frame.data)
            if message.get("type") == "join":
                side[0] = "creator" if message.get("create", True) else "opener"
                self._joined[side[0]] = page
            elif message.get("type") == "signal":
                self.sent[side[0]].append(str(message.get("payload")))
            await upstream.send_str(frame.data)
        await upstream.close()

    async def _to_page(
        self, upstream: ClientWebSocketResponse, page: web.WebSocketResponse, side: list[str]
    ) -> None:
        async for frame in upstream:
            if page in self.cut_off:
                continue
            if frame.type is WSMsgType.PING:
                await upstream.pong(frame.data)
                continue
            if frame.type is not WSMsgType.TEXT:
                break
            for text in self._meddle(side[0], page, frame.data):
                with contextlib.suppress(ConnectionError, RuntimeError):
                    await page.send_str(text)
        await page.close(code=upstream.close_code or 1000)

    def _meddle(self, side: str, page: web.WebSocketResponse, text: str) -> list[str]:
        """The frames to deliver now in place of ``text``, a frame for ``side``'s page."""
        message = json.loads(text)
        if message.get("type") != "signal" or side != self.victim or self.attack == "none":
            return [text]
        if self._target is not None and page is not self._target:
            return [text]  # the attack is carried out once: later rooms are left alone
        number = self._counts[side]
        self._counts[side] += 1
        payload = str(message["payload"])
        if self._holding:
            self._held.append((page, text))
            return []
        if self._stashed is not None:
            out = [self._stashed, payload]
            self._stashed = None
        elif number == self.index:
            self._target = page
            out = self._strike(side, payload)
            self.struck.set()
            if self.attack == "hold":
                self._held.append((page, text))
                return []
        elif self._target is None or self.attack == "burst":
            out = [payload]
        elif self._passes > 0:
            self._passes -= 1
            out = [payload]
        else:
            out = []  # quiet after the strike
        self.delivered[side].extend(out)
        return [_signal(p) for p in out]

    def _strike(self, side: str, payload: str) -> list[str]:
        raw = bytearray(_unb64(payload))
        if self.attack in ("flip", "burst"):
            raw[len(raw) // 2] ^= 0x01
            flipped = _b64(bytes(raw))
            if self.attack == "flip":
                return [flipped]
            self._stashed = flipped
            return []
        if self.attack == "forge":
            return [_b64(os.urandom(len(raw)))]
        if self.attack == "replay":
            return [payload, payload]
        if self.attack == "drop":
            self._passes = 1
            return []
        if self.attack == "reflect":
            own = self.sent[side]
            assert own, "reflect needs a victim that has already sent a payload"
            return [own[0]]
        self._holding = True  # hold
        return []
