"""Rooms in Redis, shared by any number of ``secket serve --redis URL`` processes.

Each process is a *node* with a random id. Its sockets are peers ``"<node>:<socket id>"``
in rooms kept in Redis; every decision is one Lua script (``redis_scripts``), atomic across
all nodes, with Redis's clock. A notice for a socket of another node is published on that
node's channel, which the node reads in ``_listen`` and hands to its hub. A signal costs one
call, the relay script publishing it itself, and the signals of all sockets go to Redis
together, one pipeline at a time (``Batcher``).

While Redis cannot be reached, every call raises ``UnavailableError`` (the socket gets
``unavailable``), ``health()`` says what is wrong, and ``_listen`` keeps retrying; nothing
else changes, so the server recovers on its own when Redis is back. Pub/sub delivers at
most once: a notice published while a node is reconnecting is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable
from typing import Any

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import RedisError

from secket.core.errors import UnavailableError

from . import notices, redis_scripts
from .config import Config, redis_address
from .logs import log_event
from .notices import Notice
from .protocol import ErrorCode
from .redis_batch import Batcher
from .rooms import (
    Departure,
    Expiry,
    ExpiryReason,
    Forwarded,
    JoinDecision,
    Paired,
    PeerId,
    PeerRef,
    Refused,
    Relay,
    RelayDecision,
    RemotePeer,
    RoomId,
    Waiting,
)
from .store import Deliver, RoomCounts, StoreHealth
from .tasks import stop_task

logger = logging.getLogger("secket_server.redis")

PREFIX = "secket:"
#: A node refreshes its key this often, seconds; the key lives NODE_TTL.
BEAT_INTERVAL = 1.0
NODE_TTL_MS = 10_000
#: How long Redis keeps a room key past its deadline, should no sweeper run.
GRACE_MS = 60_000
#: Rooms expired per sweep, at most.
EXPIRE_BATCH = 1000
#: Longest wait between reconnection attempts, seconds.
MAX_BACKOFF = 5.0
#: A health check waits this long for Redis's answer, seconds.
HEALTH_TIMEOUT = 1.0
#: Connections to Redis per process, at most; a call waits for one to be free.
REDIS_CONNECTIONS = 100
#: How long a call waits for a free connection before Redis counts as unavailable, seconds.
#: A socket's frames are handled one at a time, so the calls waiting are at most one per open
#: socket: the queue is bounded, and under load a signal is late rather than lost.
POOL_TIMEOUT = 30.0
_ERRORS = (RedisError, OSError, asyncio.TimeoutError)


def _describe(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


class RedisStore:
    kind = "redis"

    def __init__(self, config: Config, node: str | None = None) -> None:
        assert config.redis_url is not None
        self.node = node or secrets.token_hex(6)
        self.address = redis_address(config.redis_url)
        # A blocking pool: under load, calls queue for a connection. (The default pool
        # refuses the 101st concurrent call with "Too many connections".)
        pool = BlockingConnectionPool.from_url(
            config.redis_url,
            max_connections=REDIS_CONNECTIONS,
            timeout=POOL_TIMEOUT,
            decode_responses=True,
            socket_connect_timeout=2.0,
            socket_timeout=5.0,
            retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), 1),
        )
        self.redis = Redis.from_pool(pool)
        self._ttl = _ms(config.room_ttl)
        self._idle = _ms(config.idle_timeout)
        self._max_rooms = config.max_rooms
        self._scripts = {
            name: self.redis.register_script(getattr(redis_scripts, name))
            for name in ("JOIN", "RELAY", "TOUCH", "LEAVE", "EXPIRE")
        }
        #: Every signal is a RELAY call: they go to Redis in batches.
        self._relay = Batcher(self.redis, self._scripts["RELAY"])
        #: The room of each socket of this node that joined one.
        self._room_of: dict[PeerId, RoomId] = {}
        self._deliver: Deliver | None = None
        self._listener: asyncio.Task[None] | None = None
        self._stopping = False
        #: Why Redis is unusable, or None while the node is subscribed and beating.
        self.problem: str | None = "not connected yet"

    # --- lifecycle -----------------------------------------------------------------------

    async def start(self, deliver: Deliver) -> None:
        self._deliver = deliver
        try:
            await self._beat()
        except _ERRORS as exc:
            self._lost(exc)
        self._listener = asyncio.create_task(self._listen())

    async def stop(self) -> None:
        self._stopping = True
        if self._listener is not None:
            await stop_task(self._listener, "redis-listener", BEAT_INTERVAL + 1)
        with contextlib.suppress(*_ERRORS):
            await self.redis.delete(PREFIX + "node:" + self.node)
        await self.redis.aclose()

    async def _beat(self) -> None:
        await self.redis.set(PREFIX + "node:" + self.node, "1", px=NODE_TTL_MS)

    def _lost(self, exc: BaseException) -> None:
        problem = f"cannot reach Redis at {self.address}: {_describe(exc)}"
        if self.problem != problem:
            log_event(
                logger,
                "redis-unreachable",
                logging.ERROR,
                redis=self.address,
                error=_describe(exc),
                hint="rooms are unavailable until Redis answers; /healthz reports 503",
            )
        self.problem = problem

    def _recovered(self) -> None:
        if self.problem is not None:
            log_event(logger, "redis-connected", redis=self.address, node=self.node)
            self.problem = None

    async def _listen(self) -> None:
        """Read this node's channel and keep its key alive; reconnect whenever Redis fails."""
        delay = 0.1
        loop = asyncio.get_running_loop()
        while not self._stopping:
            pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(PREFIX + "to:" + self.node)
                await self._beat()
                self._recovered()
                delay = 0.1
                next_beat = loop.time() + BEAT_INTERVAL
                while not self._stopping:
                    message = await pubsub.get_message(timeout=BEAT_INTERVAL)
                    if message is not None and message.get("type") == "message":
                        await self._on_notice(message["data"])
                    if loop.time() >= next_beat:
                        await self._beat()
                        next_beat = loop.time() + BEAT_INTERVAL
                        self._recovered()
            except _ERRORS as exc:
                if self._stopping:
                    return
                self._lost(exc)
            finally:
                with contextlib.suppress(*_ERRORS):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF)

    async def _on_notice(self, text: str) -> None:
        try:
            conn, notice = notices.decode(text)
        except ValueError as exc:
            log_event(logger, "bad-notice", logging.WARNING, error=str(exc))
            return
        if self._deliver is not None:
            await self._deliver(conn, notice)

    # --- decisions -----------------------------------------------------------------------

    def _peer(self, conn: PeerId) -> str:
        return f"{self.node}:{conn}"

    def _ref(self, peer: str) -> PeerRef:
        node, _, conn = peer.rpartition(":")
        return int(conn) if node == self.node else RemotePeer(node, int(conn))

    async def _run(self, name: str, *args: str | int) -> list[Any]:
        return await self._answer(self._scripts[name](args=(PREFIX, *args)))

    async def _answer(self, call: Awaitable[Any]) -> list[Any]:
        """A script's answer; Redis failing on the way is ``UnavailableError``."""
        try:
            result = await call
        except _ERRORS as exc:
            self._lost(exc)
            raise UnavailableError(self.problem) from exc
        return list(result)

    async def join(self, peer: PeerId, room_id: RoomId, create: bool) -> JoinDecision:
        if peer in self._room_of:
            return Refused(peer, ErrorCode.ALREADY_JOINED)
        result = await self._run(
            "JOIN",
            room_id,
            self._peer(peer),
            "1" if create else "0",
            self._ttl,
            self._idle,
            GRACE_MS,
            self._max_rooms,
        )
        match result:
            case ["waiting"]:
                self._room_of[peer] = room_id
                return Waiting(peer)
            case ["paired", first]:
                self._room_of[peer] = room_id
                return Paired(first=self._ref(first), second=peer)
            case ["refused", code, *intruded]:
                return Refused(peer, ErrorCode(code), tuple(self._ref(p) for p in intruded))
        raise UnavailableError(f"unexpected answer from Redis: {result!r}")

    async def relay(self, peer: PeerId, payload: str) -> RelayDecision:
        room_id = self._room_of.get(peer)
        if room_id is None:
            return Refused(peer, ErrorCode.NOT_JOINED)
        # Not through _run: relay calls go to Redis in batches.
        args = (room_id, self._peer(peer), payload, self._ttl, self._idle, GRACE_MS, self.node)
        result = await self._answer(self._relay((PREFIX, *args)))
        match result:
            case ["local", conn]:
                return Relay(to=int(conn))
            case ["sent"]:
                return Forwarded()
            case ["gone", other]:
                self._room_of.pop(peer, None)
                return Departure(peer=self._ref(other), remaining=peer)
            case ["refused", code]:
                if code == ErrorCode.NOT_JOINED:
                    self._room_of.pop(peer, None)
                return Refused(peer, ErrorCode(code))
        raise UnavailableError(f"unexpected answer from Redis: {result!r}")

    async def touch(self, peer: PeerId) -> None:
        room_id = self._room_of.get(peer)
        if room_id is not None:
            await self._run("TOUCH", room_id, self._peer(peer), self._ttl, self._idle, GRACE_MS)

    async def leave(self, peer: PeerId) -> Departure | None:
        room_id = self._room_of.pop(peer, None)
        if room_id is None:
            return None
        result = await self._run("LEAVE", room_id, self._peer(peer), self._ttl)
        if not result:
            return None  # the room had already ended (expired, or the other side's node died)
        return Departure(peer, self._ref(result[1]) if len(result) > 1 else None)

    async def expire(self) -> list[Expiry]:
        flat = await self._run("EXPIRE", self._ttl, self._idle, EXPIRE_BATCH)
        expiries = []
        for i in range(0, len(flat), 3):
            reason, peers = ExpiryReason(flat[i]), [p for p in flat[i + 1 : i + 3] if p]
            refs = tuple(self._ref(p) for p in peers)
            for ref in refs:
                if isinstance(ref, int):
                    self._room_of.pop(ref, None)
            expiries.append(Expiry(refs, reason))
        return expiries

    async def counts(self) -> RoomCounts:
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                pipe.zcard(PREFIX + "deadlines")
                pipe.scard(PREFIX + "paired")
                total, paired = await pipe.execute()
        except _ERRORS as exc:
            self._lost(exc)
            raise UnavailableError(self.problem) from exc
        return RoomCounts(waiting=max(0, int(total) - int(paired)), paired=int(paired))

    async def notify(self, peer: RemotePeer, notice: Notice) -> None:
        try:
            await self.redis.publish(PREFIX + "to:" + peer.node, notices.encode(peer.conn, notice))
        except _ERRORS as exc:
            self._lost(exc)
            raise UnavailableError(self.problem) from exc

    async def health(self) -> StoreHealth:
        try:
            await asyncio.wait_for(self.redis.ping(), HEALTH_TIMEOUT)
        except _ERRORS as exc:
            self._lost(exc)
            return StoreHealth(
                ok=False, detail=f"cannot reach Redis at {self.address}: {_describe(exc)}"
            )
        if self.problem is not None:
            return StoreHealth(ok=False, detail=self.problem)
        return StoreHealth(ok=True, detail=f"redis ok ({self.address})")
