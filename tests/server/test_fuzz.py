"""Fuzzing the live signaling server with hypothesis-generated frames over real TCP.

Each example opens up to three attacker sockets that send generated frames in a generated
order: wrong types, huge strings, binary frames, broken JSON, deep nesting, unicode, signals
before joins, double joins, floods beyond the rate limit, malformed websocket frames,
protocol pings, odd close codes and hang-ups, from a few shared addresses and rooms. After
each example:

- every frame an attacker got is a documented server frame; a socket the server closed got
  a close code from the documented set, after an ``error`` whose code calls for it (or no
  error frame: a ``leave``, ``peer-left``, or a frame aiohttp refused while reading it);
- ``/healthz`` answers 200, and once the attackers are gone the server holds no socket;
- a pair in another room, from another address, pairs and relays a message each way;
- the server logged no error and its event loop saw no unhandled exception.

The quick profile runs in ``make test``; ``SECKET_FUZZ_EXAMPLES=10000`` (``make fuzz-long``)
runs the long one.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import os
import secrets
import threading
from collections.abc import Awaitable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
import pytest
from aiohttp import WSCloseCode, WSMsgType, web
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from server_helpers import write_fake_root

from secket_server.app import create_app
from secket_server.config import Config
from secket_server.protocol import CLOSE_CODES, ErrorCode

EXAMPLES = int(os.environ.get("SECKET_FUZZ_EXAMPLES", "60"))
LIMIT = 16 * 1024
T = TypeVar("T")

SERVER_TYPES = {"joined", "paired", "signal", "peer-left", "intruder", "error", "pong"}
#: protocol.py's close codes, plus RFC 6455's for frames aiohttp itself refuses while
#: reading them (1002 a malformed frame, 1007 a text frame that is not UTF-8).
CLOSE_SET = {code for code in CLOSE_CODES.values() if code is not None} | {
    WSCloseCode.UNSUPPORTED_DATA,
    WSCloseCode.PROTOCOL_ERROR,
    WSCloseCode.INVALID_TEXT,
}
#: Closes that may come without an error frame: a frame refused by aiohttp while reading it.
BARE_CLOSES = {WSCloseCode.MESSAGE_TOO_BIG, WSCloseCode.PROTOCOL_ERROR, WSCloseCode.INVALID_TEXT}


# --- the live server: a real TCP site in its own thread and event loop


class LiveServer:
    def __init__(self, config: Config) -> None:
        self.errors: list[str] = []
        self.loop = asyncio.new_event_loop()
        self.loop.set_exception_handler(lambda _, context: self.errors.append(str(context)))
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.runner = web.AppRunner(create_app(config))
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(30)

    async def _start(self) -> None:
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = self.runner.addresses[0][1]

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


class ErrorLog(logging.Handler):
    """Collects every ERROR record from any logger (aiohttp's request errors included)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()} {record.exc_text or ''}")


@dataclass
class Fuzz:
    server: LiveServer
    loop: asyncio.AbstractEventLoop
    session: aiohttp.ClientSession
    log: ErrorLog
    addresses: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def run(self, work: Awaitable[T]) -> T:
        return self.loop.run_until_complete(asyncio.wait_for(work, 60))


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzz]:
    # Real limits (20 messages/s, 30 joins/min per address), addresses taken from
    # X-Forwarded-For so that the attackers and the control pairs are different clients;
    # rooms short-lived so that the attackers' few rooms are paired, spent and reused.
    config = Config(
        root=write_fake_root(tmp_path_factory.mktemp("checkout")),
        trust_forwarded=True,
        room_ttl=6.0,
        idle_timeout=3.0,
        sweep_interval=0.1,
    )
    server = LiveServer(config)
    log = ErrorLog()
    logging.getLogger().addHandler(log)
    loop = asyncio.new_event_loop()
    session = loop.run_until_complete(_session())
    try:
        yield Fuzz(server, loop, session, log)
    finally:
        logging.getLogger().removeHandler(log)
        loop.run_until_complete(session.close())
        loop.close()
        server.stop()


async def _session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))


# --- what an attacker does


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Binary:
    data: bytes


@dataclass(frozen=True)
class Flood:
    text: str
    count: int


@dataclass(frozen=True)
class RawFrame:
    """A frame aiohttp's client would not send: reserved opcode, bad UTF-8, control flags."""

    opcode: int
    data: bytes


@dataclass(frozen=True)
class RawBytes:
    """Bytes straight onto the TCP stream after the handshake (unmasked, unframed)."""

    data: bytes


@dataclass(frozen=True)
class Ping:
    data: bytes


@dataclass(frozen=True)
class Close:
    code: int


@dataclass(frozen=True)
class Abort:
    pass


@dataclass(frozen=True)
class Pause:
    seconds: float


Action = Text | Binary | Flood | RawFrame | RawBytes | Ping | Close | Abort | Pause

# --- strategies

#: The attackers' rooms: shared by their sockets, so they pair, intrude and spend rooms.
ROOMS = ("a" * 32, "0123456789abcdef" * 2, "f" * 32)
#: Stands for a room id drawn anew for each example (ROOMS are often spent).
FRESH = "fresh-room"
HEX = "0123456789abcdef"
B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | unicode_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(unicode_text, inner, max_size=3),
    max_leaves=6,
)
rooms = st.sampled_from(ROOMS) | st.text(HEX, min_size=32, max_size=32) | json_values
types = (
    st.sampled_from(["join", "signal", "ping", "leave"])
    | st.sampled_from(["JOIN", "", "pong", "paired", "error", "signal ", "join\x00"])
    | json_values
)
payloads = st.text(B64URL, min_size=1, max_size=64)
sizes = st.sampled_from([LIMIT - 40, LIMIT + 1, 2 * LIMIT - 20, 2 * LIMIT + 1, 200_000])


def _json(message: dict[str, Any]) -> str:
    return json.dumps(message)


#: Messages as a client sends them, in any order: join before or after signals, twice...
valid = st.one_of(
    st.builds(
        lambda room, create: _json({"type": "join", "room": room, "create": create}),
        st.sampled_from(ROOMS),
        st.booleans(),
    ),
    payloads.map(lambda payload: _json({"type": "signal", "payload": payload})),
    st.just('{"type":"ping"}'),
    st.just('{"type":"leave"}'),
)


@st.composite
def mangled(draw: st.DrawFn) -> str:
    """A JSON object shaped like a client message with some field gone wrong."""
    kind = draw(types)
    message: dict[str, Any] = {"type": kind}
    if kind == "join" or draw(st.booleans()):
        message["room"] = draw(rooms)
        if draw(st.booleans()):
            message["create"] = draw(st.booleans() | json_values)
    if kind == "signal" or draw(st.booleans()):
        message["payload"] = draw(payloads | json_values)
    if draw(st.booleans()):
        message.update(draw(st.dictionaries(unicode_text, json_values, max_size=2)))
    if draw(st.booleans()):
        del message["type"]
    return json.dumps(message, ensure_ascii=draw(st.booleans()))


@st.composite
def huge(draw: st.DrawFn) -> str:
    size = draw(sizes)
    if draw(st.booleans()):
        head = '{"type":"signal","payload":"'
        return head + "A" * (size - len(head) - 2) + '"}'
    return draw(st.sampled_from(["x", "é", "🔑"])) * size


@st.composite
def nested(draw: st.DrawFn) -> str:
    depth = draw(st.integers(1, 50_000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}"), ('{"type":', "}")]))
    text = opener * depth + "1" + closer * depth
    return text[: draw(st.integers(1, len(text)))] if draw(st.booleans()) else text


@st.composite
def broken(draw: st.DrawFn) -> str:
    text = draw(valid | mangled())
    return text[: draw(st.integers(0, max(0, len(text) - 1)))]


texts = st.one_of(valid, valid, valid, mangled(), broken(), nested(), huge(), unicode_text)
actions = st.one_of(
    texts.map(Text),
    texts.map(Text),
    st.binary(max_size=64).map(Binary),
    st.builds(Flood, valid, st.integers(61, 150)),
    st.builds(
        RawFrame,
        st.sampled_from([0x1, 0x3, 0x7, 0xB, 0x0, 0x8, 0x9]),
        st.binary(max_size=140) | st.just(b"\xff\xfe\xfd"),
    ),
    st.binary(min_size=1, max_size=64).map(RawBytes),
    st.binary(max_size=125).map(Ping),
    st.sampled_from([1000, 1001, 1002, 1003, 1008, 1011, 3000, 4999]).map(Close),
    st.just(Abort()),
    st.floats(0, 0.3).map(Pause),
)
# Mostly text frames; the other kinds end a socket early, so they come less often.
steps = st.lists(
    st.tuples(st.integers(0, 2), st.one_of(texts.map(Text), texts.map(Text), actions)),
    min_size=1,
    max_size=8,
)


@st.composite
def openings(draw: st.DrawFn) -> list[tuple[int, Action]]:
    """Often the sockets first join one room, so that the steps meet paired sockets too."""
    if draw(st.booleans()):
        return []
    room = draw(st.sampled_from((*ROOMS, FRESH, FRESH, FRESH)))
    joiners = draw(st.integers(1, 3))
    opening: list[tuple[int, Action]] = [
        (index, Text(_json({"type": "join", "room": room, "create": index == 0})))
        for index in range(joiners)
    ]
    for number, payload in enumerate(draw(st.lists(payloads, max_size=3))):
        opening.append((number % 2, Text(_json({"type": "signal", "payload": payload}))))
    return opening


plans = st.builds(lambda opening, rest: opening + rest, openings(), steps)
#: A few shared addresses, so the join limit of 30 per minute is hit, and many others.
many_addresses = st.integers(0, 4095).map(lambda n: f"2001:db8:{n:x}::1")
addresses = st.one_of(
    many_addresses,
    many_addresses,
    many_addresses,
    st.sampled_from(["203.0.113.7", "2001:db8::1", "2001:db8::2", "not an address", ""]),
)
#: Mostly no Origin (not a browser); sometimes a page from elsewhere.
origins = st.sampled_from([*[None] * 8, "null", "https://evil.example"])


# --- one attacker socket


@dataclass(eq=False)
class Attacker:
    ws: aiohttp.ClientWebSocketResponse
    frames: list[aiohttp.WSMessage] = field(default_factory=list)
    closed_by_us: bool = False
    broke_framing: bool = False

    def __post_init__(self) -> None:
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while True:
            frame = await self.ws.receive()
            self.frames.append(frame)
            if frame.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                return

    @property
    def gone(self) -> bool:
        return self.closed_by_us or self.reader.done() or self.ws.closed

    async def act(self, action: Action) -> None:
        ws = self.ws
        match action:
            case Text(text):
                await ws.send_str(text)
            case Binary(data):
                await ws.send_bytes(data)
            case Flood(text, count):
                for _ in range(count):
                    await ws.send_str(text)
            case RawFrame(opcode, data):
                self.broke_framing = True
                await ws.send_frame(data, opcode)  # type: ignore[arg-type]
            case RawBytes(data):
                self.broke_framing = True
                ws._writer.transport.write(data)  # private: no public way to send garbage
            case Ping(data):
                await ws.ping(data)
            case Close(code):
                self.closed_by_us = True
                await ws.close(code=code)
            case Abort():
                self.closed_by_us = True
                ws._writer.transport.abort()
            case Pause(seconds):
                await asyncio.sleep(seconds)

    async def finish(self) -> None:
        """Let the server answer, then close what it left open (which must work)."""
        await asyncio.wait([self.reader], timeout=0.2)
        if not self.reader.done() and not self.closed_by_us:
            self.closed_by_us = True
            await asyncio.wait_for(self.ws.close(), 10)
        await asyncio.wait([self.reader], timeout=10)
        self.reader.cancel()


def check_frames(attacker: Attacker) -> None:
    """Only documented frames; a close by the server has a documented, consistent code."""
    texts = []
    for frame in attacker.frames:
        assert frame.type is not WSMsgType.BINARY, frame
        if frame.type is WSMsgType.TEXT:
            data = json.loads(frame.data)
            assert isinstance(data, dict)
            assert data["type"] in SERVER_TYPES, data
            event(f"got {data['type']}")
            if data["type"] == "error":
                event(f"error {data['code']}")
                assert data["code"] in {code.value for code in ErrorCode}, data
                assert isinstance(data["message"], str)
                assert data["message"]
            texts.append(data)
    last = attacker.frames[-1] if attacker.frames else None
    if attacker.closed_by_us or last is None or last.type is not WSMsgType.CLOSE:
        return
    code = last.data
    event(f"closed by the server with {code}")
    assert code in CLOSE_SET, (code, texts)
    previous = texts[-1] if texts else {}
    if previous.get("type") == "error" and CLOSE_CODES[ErrorCode(previous["code"])] is not None:
        error = ErrorCode(previous["code"])
        expected = {CLOSE_CODES[error]}
        if error is ErrorCode.BAD_MESSAGE:
            expected.add(WSCloseCode.UNSUPPORTED_DATA)
        assert code in expected | BARE_CLOSES, (code, previous)
    elif previous.get("type") == "peer-left":
        assert code == WSCloseCode.OK
    elif not attacker.broke_framing:
        # No error frame: the socket left (1000) or sent a frame too large to read (1009).
        assert code in (WSCloseCode.OK, WSCloseCode.MESSAGE_TOO_BIG), (code, texts)


# --- one example


async def attack(
    fuzz: Fuzz, plan: list[tuple[int, Action]], address: str, origin: str | None
) -> None:
    headers = {"X-Forwarded-For": address}
    if origin is not None:
        headers["Origin"] = origin
    attackers: dict[int, Attacker] = {}
    fresh = secrets.token_hex(16)
    for index, action in plan:
        if isinstance(action, Text) and FRESH in action.text:
            action = Text(action.text.replace(FRESH, fresh))
        if index not in attackers:
            ws = await fuzz.session.ws_connect(f"{fuzz.url}/ws", headers=headers)
            attackers[index] = Attacker(ws)
        attacker = attackers[index]
        if attacker.gone:
            continue
        # The server may have closed it meanwhile.
        with contextlib.suppress(ConnectionError, RuntimeError):
            await attacker.act(action)
    for attacker in attackers.values():
        await attacker.finish()
        check_frames(attacker)


async def receive(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    frame = await ws.receive(timeout=10)
    assert frame.type is WSMsgType.TEXT, frame
    data: dict[str, Any] = json.loads(frame.data)
    return data


async def control_pair(fuzz: Fuzz) -> None:
    """Another room, from another address: it pairs and relays a message each way."""
    number = next(fuzz.addresses)
    headers = {"X-Forwarded-For": f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"}
    room = secrets.token_hex(16)
    first = await fuzz.session.ws_connect(f"{fuzz.url}/ws", headers=headers)
    second = await fuzz.session.ws_connect(f"{fuzz.url}/ws", headers=headers)
    try:
        await first.send_json({"type": "join", "room": room, "create": True})
        assert await receive(first) == {"type": "joined", "peers": 1}
        await second.send_json({"type": "join", "room": room, "create": False})
        assert await receive(second) == {"type": "joined", "peers": 2}
        assert (await receive(first))["type"] == "paired"
        assert (await receive(second))["type"] == "paired"
        for sender, receiver in ((first, second), (second, first)):
            payload = secrets.token_urlsafe(24)
            await sender.send_json({"type": "signal", "payload": payload})
            assert await receive(receiver) == {"type": "signal", "payload": payload}
    finally:
        await first.close()
        await second.close()


async def check_server(fuzz: Fuzz) -> None:
    async with fuzz.session.get(f"{fuzz.url}/healthz") as response:
        assert response.status == 200
    await control_pair(fuzz)
    for _ in range(500):
        async with fuzz.session.get(f"{fuzz.url}/healthz") as response:
            health = await response.json()
        if health["sockets"] == 0:
            break
        await asyncio.sleep(0.01)
    assert health["sockets"] == 0, health


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plan=plans, address=addresses, origin=origins)
def test_server_survives_any_frames(
    fuzz: Fuzz, plan: list[tuple[int, Action]], address: str, origin: str | None
) -> None:
    fuzz.run(attack(fuzz, plan, address, origin))
    fuzz.run(check_server(fuzz))
    assert fuzz.server.thread.is_alive()
    assert not fuzz.server.errors, fuzz.server.errors
    assert not fuzz.log.records, fuzz.log.records
