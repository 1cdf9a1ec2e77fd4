"""Where rooms live: in this process (``MemoryStore``, the default) or in Redis, shared by
several processes (``redis_store.RedisStore``, with ``--redis``).

Both make the decisions of ``rooms``; the hub turns them into frames. A decision may name a
``RemotePeer``, a socket of another process: the hub hands its notice to the store, which
passes it on. A store that cannot do its work raises ``UnavailableError``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from .config import Config
from .notices import Notice
from .rooms import (
    Departure,
    Expiry,
    JoinDecision,
    PeerId,
    RelayDecision,
    RemotePeer,
    RoomId,
    Rooms,
    RoomState,
)

#: ``await deliver(socket id, notice)``: how a store hands a notice to a socket of this process.
Deliver = Callable[[PeerId, Notice], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class RoomCounts:
    waiting: int
    paired: int

    @property
    def total(self) -> int:
        return self.waiting + self.paired


@dataclass(frozen=True, slots=True)
class StoreHealth:
    ok: bool
    #: What /healthz says about the store: "memory", "redis ok", or what is wrong.
    detail: str


class RoomStore(Protocol):
    #: "memory" or "redis".
    kind: str

    async def start(self, deliver: Deliver) -> None: ...

    async def stop(self) -> None: ...

    async def join(self, peer: PeerId, room_id: RoomId, create: bool) -> JoinDecision: ...

    async def relay(self, peer: PeerId, payload: str) -> RelayDecision: ...

    async def touch(self, peer: PeerId) -> None: ...

    async def leave(self, peer: PeerId) -> Departure | None: ...

    async def expire(self) -> list[Expiry]: ...

    async def counts(self) -> RoomCounts: ...

    async def notify(self, peer: RemotePeer, notice: Notice) -> None: ...

    async def health(self) -> StoreHealth: ...


class MemoryStore:
    """The rooms of this one process: ``rooms.Rooms`` as it is."""

    kind = "memory"

    def __init__(self, config: Config) -> None:
        self.rooms = Rooms(
            ttl=config.room_ttl,
            idle_timeout=config.idle_timeout,
            max_rooms=config.max_rooms,
            clock=config.clock,
        )

    async def start(self, deliver: Deliver) -> None:
        pass

    async def stop(self) -> None:
        pass

    async def join(self, peer: PeerId, room_id: RoomId, create: bool) -> JoinDecision:
        return self.rooms.join(peer, room_id, create)

    async def relay(self, peer: PeerId, payload: str) -> RelayDecision:
        return self.rooms.relay(peer)

    async def touch(self, peer: PeerId) -> None:
        self.rooms.touch(peer)

    async def leave(self, peer: PeerId) -> Departure | None:
        return self.rooms.leave(peer)

    async def expire(self) -> list[Expiry]:
        return self.rooms.expire()

    async def counts(self) -> RoomCounts:
        return RoomCounts(
            waiting=self.rooms.count(RoomState.WAITING), paired=self.rooms.count(RoomState.PAIRED)
        )

    async def notify(self, peer: RemotePeer, notice: Notice) -> None:
        raise AssertionError("a single process has no remote peers")

    async def health(self) -> StoreHealth:
        return StoreHealth(ok=True, detail="memory")


def make_store(config: Config) -> RoomStore:
    if config.redis_url is None:
        return MemoryStore(config)
    # Imported only when asked for: a single process never loads the Redis client.
    from .redis_store import RedisStore

    return RedisStore(config)
