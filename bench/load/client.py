"""The load generator: worker processes, each opening its share of the rooms over one
aiohttp session, and the two wire protocols it speaks (Secket's and PeerJS's)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import aiohttp

from .proc import raise_nofile

CONNECT_TIMEOUT_S = 30.0


# --- payloads: "<seq>x<monotonic ns>AAAA...", valid base64url for Secket, opaque to PeerJS


def make_payload(seq: int, size: int) -> str:
    head = f"{seq}x{time.monotonic_ns()}"
    return head + "A" * (size - len(head))


def read_payload(payload: str) -> tuple[int, int]:
    seq, sent = payload.split("A", 1)[0].split("x")
    return int(seq), int(sent)


# --- the two wire protocols


class RoomFailure(Exception):
    """A socket of the room was refused, closed, or did not answer in time."""


class SecketWire:
    """Join a room; ``paired`` reaches both; ``signal`` frames are relayed."""

    errors = frozenset({"error"})

    def url(self, base: str, peer_id: str, token: str) -> str:
        return base

    def hello(self, room: str, first: bool) -> str | None:
        return json.dumps({"type": "join", "room": room, "create": first})

    def joined(self, first: bool) -> str:
        return "joined"

    def paired(self) -> str:
        return "paired"

    def signal(self, payload: str, dst: str) -> str:
        return '{"type":"signal","payload":"' + payload + '"}'

    def data(self, frame: dict[str, Any]) -> str | None:
        return frame["payload"] if frame.get("type") == "signal" else None


class PeerJSWire:
    """Each socket registers an id (``OPEN``); OFFER frames go to ``dst`` by id."""

    errors = frozenset({"ERROR", "ID-TAKEN"})

    def url(self, base: str, peer_id: str, token: str) -> str:
        return f"{base}?key=peerjs&id={peer_id}&token={token}"

    def hello(self, room: str, first: bool) -> str | None:
        return None

    def joined(self, first: bool) -> str:
        return "OPEN"

    def paired(self) -> str:
        return ""  # no rooms: both sockets being OPEN is the pairing

    def signal(self, payload: str, dst: str) -> str:
        return json.dumps({"type": "OFFER", "payload": payload, "dst": dst})

    def data(self, frame: dict[str, Any]) -> str | None:
        return frame["payload"] if frame.get("type") == "OFFER" else None


Wire = SecketWire | PeerJSWire


# --- one socket


@dataclass(eq=False)
class Peer:
    """One websocket; its reader counts the data frames and queues everything else."""

    id: str
    wire: Wire
    ws: aiohttp.ClientWebSocketResponse
    window: int
    inbox: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)
    received: int = 0
    #: Messages whose sequence number is not above every earlier one: reordered or repeated.
    #: (A gap is not counted here: the missing message counts as lost.)
    disorder: int = 0
    highest: int = -1
    latencies_us: list[int] = field(default_factory=list)
    expected: int = 0
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        #: Credit for messages *to* this peer: the sender takes one, this reader gives it back.
        self.credit = asyncio.Semaphore(self.window)
        self.reader = asyncio.create_task(self.read())

    async def read(self) -> None:
        # Always reading, also between phases, so that heartbeat pings get their pong.
        while True:
            message = await self.ws.receive()
            if message.type is not aiohttp.WSMsgType.TEXT:
                await self.inbox.put({"type": "_closed", "code": self.ws.close_code})
                return
            frame = json.loads(message.data)
            payload = self.wire.data(frame)
            if payload is None:
                await self.inbox.put(frame)
                continue
            now = time.monotonic_ns()
            seq, sent = read_payload(payload)
            self.disorder += seq <= self.highest
            self.highest = max(self.highest, seq)
            self.received += 1
            self.latencies_us.append((now - sent) // 1000)
            self.credit.release()
            if self.received >= self.expected:
                self.done.set()

    async def expect(self, kind: str, limit: float) -> dict[str, Any]:
        async with asyncio.timeout(limit):
            while True:
                frame = await self.inbox.get()
                if frame.get("type") == kind:
                    return frame
                if frame.get("type") in self.wire.errors or frame.get("type") == "_closed":
                    reason = frame.get("code") or frame.get("payload") or frame["type"]
                    raise RoomFailure(str(reason))


# --- one worker process: its share of the rooms


@dataclass(frozen=True)
class WorkerSpec:
    target: str
    urls: tuple[str, ...]
    rooms: tuple[int, ...]
    messages: int
    payload_bytes: int
    window: int
    connect_concurrency: int
    timeout: float


@dataclass
class Room:
    first: Peer
    second: Peer


class Worker:
    def __init__(self, spec: WorkerSpec, session: aiohttp.ClientSession) -> None:
        self.spec = spec
        self.session = session
        self.wire: Wire = SecketWire() if spec.target == "secket" else PeerJSWire()
        self.rooms: list[Room] = []
        self.failures: Counter[str] = Counter()
        self.peers: list[Peer] = []

    async def connect(self, url: str, peer_id: str) -> Peer:
        full = self.wire.url(url, peer_id, secrets.token_hex(8))
        ws = await self.session.ws_connect(
            full, timeout=aiohttp.ClientWSTimeout(ws_close=10), autoping=True, max_msg_size=0
        )
        peer = Peer(peer_id, self.wire, ws, self.spec.window)
        self.peers.append(peer)
        return peer

    async def open_room(self, index: int, gate: asyncio.Semaphore) -> None:
        urls, limit = self.spec.urls, self.spec.timeout
        room = secrets.token_hex(16)
        async with gate:
            try:
                first = await self.connect(urls[index % len(urls)], f"{room}a")
                hello = self.wire.hello(room, True)
                if hello:
                    await first.ws.send_str(hello)
                await first.expect(self.wire.joined(True), limit)
                second = await self.connect(urls[(index + 1) % len(urls)], f"{room}b")
                hello = self.wire.hello(room, False)
                if hello:
                    await second.ws.send_str(hello)
                await second.expect(self.wire.joined(False), limit)
                if self.wire.paired():
                    await first.expect(self.wire.paired(), limit)
                    await second.expect(self.wire.paired(), limit)
            except (RoomFailure, aiohttp.ClientError, OSError, TimeoutError) as exc:
                self.failures[type(exc).__name__ + ": " + str(exc)[:80]] += 1
                return
        self.rooms.append(Room(first, second))

    async def open_all(self) -> dict[str, Any]:
        gate = asyncio.Semaphore(self.spec.connect_concurrency)
        await asyncio.gather(*(self.open_room(index, gate) for index in self.spec.rooms))
        return {"rooms": len(self.rooms), "failures": dict(self.failures)}

    async def send_all(self, source: Peer, target: Peer) -> int:
        sent = 0
        for seq in range(self.spec.messages):
            await target.credit.acquire()
            frame = self.wire.signal(make_payload(seq, self.spec.payload_bytes), target.id)
            try:
                await source.ws.send_str(frame)
            except (ConnectionError, RuntimeError):
                break
            sent += 1
        return sent

    async def relay(self) -> dict[str, Any]:
        ends = [(room.first, room.second) for room in self.rooms]
        ends += [(room.second, room.first) for room in self.rooms]
        for _, target in ends:
            target.expected = self.spec.messages
            target.credit = asyncio.Semaphore(self.spec.window)
        sending = [asyncio.create_task(self.send_all(source, target)) for source, target in ends]
        timed_out = False
        try:
            async with asyncio.timeout(self.spec.timeout):
                await asyncio.gather(*sending)
                await asyncio.gather(*(target.done.wait() for _, target in ends))
        except TimeoutError:
            timed_out = True
        for task in sending:
            task.cancel()
        # A cancelled sender ends at its next await: wait for that before reading results.
        outcomes = await asyncio.gather(*sending, return_exceptions=True)
        sent = sum(outcome for outcome in outcomes if isinstance(outcome, int))
        targets = [target for _, target in ends]
        return {
            "timed_out": timed_out,
            "sent": sent,
            "expected": len(ends) * self.spec.messages,
            "received": sum(peer.received for peer in targets),
            "disorder": sum(peer.disorder for peer in targets),
            "latencies_us": [us for peer in targets for us in peer.latencies_us],
        }

    async def close(self) -> None:
        gate = asyncio.Semaphore(self.spec.connect_concurrency)

        async def close_one(peer: Peer) -> None:
            async with gate:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(peer.ws.close(), 10)
            peer.reader.cancel()

        await asyncio.gather(*(close_one(peer) for peer in self.peers))


async def _work(pipe: Connection, spec: WorkerSpec) -> None:
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    timeout = aiohttp.ClientTimeout(total=None, connect=CONNECT_TIMEOUT_S)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        worker = Worker(spec, session)
        while True:
            command = await asyncio.to_thread(pipe.recv)
            if command == "open":
                pipe.send(await worker.open_all())
            elif command == "relay":
                pipe.send(await worker.relay())
            else:
                await worker.close()
                pipe.send("closed")
                return


def worker_main(pipe: Connection, spec: WorkerSpec) -> None:
    raise_nofile()
    asyncio.run(_work(pipe, spec))
