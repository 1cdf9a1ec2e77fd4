"""Pure room matching: which socket is paired with which. No I/O, no aiohttp.

Peers are opaque integers chosen by the caller (one per socket). Every call returns a
decision (a frozen dataclass, a noun) that the I/O layer turns into frames; nothing here
sends or closes anything. Time comes from an injected monotonic clock.

A room goes WAITING (one peer) -> PAIRED (two peers) -> gone. A room whose pairing broke
(a peer left) or that expired is *spent*: its id is remembered for ``ttl`` seconds so that a
late join is refused instead of silently opening a fresh room on a used link.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from secket.core.records import Record

from .protocol import ErrorCode

PeerId = int
RoomId = str


class RemotePeer(Record):
    """A socket held by another server process (only the Redis store makes these)."""

    node: str
    conn: PeerId


#: A peer named in a decision: a socket of this process, or of another one.
PeerRef = PeerId | RemotePeer


class RoomState(Enum):
    #: One peer joined and waits for the second.
    WAITING = "waiting"
    #: Two peers joined; the link is used up from now on.
    PAIRED = "paired"


class ExpiryReason(Enum):
    #: The room outlived ``ttl`` since its creation.
    LIFETIME = "lifetime"
    #: Nobody in the room sent anything for ``idle_timeout``.
    IDLE = "idle"


class Waiting(Record):
    """The peer joined an empty room and waits for the other one."""

    peer: PeerId


class Paired(Record):
    """The second peer joined: ``first`` waited, ``second`` just arrived."""

    first: PeerRef
    second: PeerId


class Refused(Record):
    """The request was refused; ``intruded`` are the peers to warn about a third joiner."""

    peer: PeerId
    reason: ErrorCode
    intruded: tuple[PeerRef, ...] = ()


class Relay(Record):
    """Forward the peer's signal to ``to``."""

    to: PeerRef


class Forwarded(Record):
    """The signal was already handed to the process that holds the other peer."""


class Departure(Record):
    """The peer left its room; ``remaining`` (if any) must be told and let go."""

    peer: PeerRef
    remaining: PeerRef | None


class Expiry(Record):
    """A room expired; all its ``peers`` must be told and let go."""

    peers: tuple[PeerRef, ...]
    reason: ExpiryReason


JoinDecision = Waiting | Paired | Refused
#: A Departure here: the other peer's process is gone, so the room closes.
RelayDecision = Relay | Forwarded | Refused | Departure


@dataclass(slots=True)
class _Room:
    created: float
    last_active: float
    peers: list[PeerId] = field(default_factory=list)

    @property
    def state(self) -> RoomState:
        return RoomState.PAIRED if len(self.peers) == 2 else RoomState.WAITING


class _Spent(Record):
    reason: ErrorCode
    until: float


class Rooms:
    """All rooms of one server."""

    def __init__(
        self,
        *,
        ttl: float,
        idle_timeout: float,
        max_rooms: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._idle_timeout = idle_timeout
        self._max_rooms = max_rooms
        self._clock = clock
        self._rooms: dict[RoomId, _Room] = {}
        self._room_of: dict[PeerId, RoomId] = {}
        self._spent: dict[RoomId, _Spent] = {}

    def __len__(self) -> int:
        return len(self._rooms)

    def count(self, state: RoomState) -> int:
        return sum(1 for room in self._rooms.values() if room.state is state)

    def state_of(self, peer: PeerId) -> RoomState | None:
        """The state of the peer's room, or None when the peer is in no room."""
        room_id = self._room_of.get(peer)
        return None if room_id is None else self._rooms[room_id].state

    def join(self, peer: PeerId, room_id: RoomId, create: bool = True) -> JoinDecision:
        now = self._clock()
        if peer in self._room_of:
            return Refused(peer, ErrorCode.ALREADY_JOINED)
        spent = self._spent.get(room_id)
        if spent is not None:
            if now < spent.until:
                return Refused(peer, spent.reason)
            del self._spent[room_id]
        room = self._rooms.get(room_id)
        if room is None:
            if not create:
                return Refused(peer, ErrorCode.NO_ROOM)
            if len(self._rooms) >= self._max_rooms:
                return Refused(peer, ErrorCode.SERVER_FULL)
            room = self._rooms[room_id] = _Room(created=now, last_active=now)
        elif self._expiry_reason(room, now) is not None:
            # The sweeper has not got to it yet; never let anyone into an expired room.
            return Refused(peer, ErrorCode.ROOM_EXPIRED)
        elif room.state is RoomState.PAIRED:
            return Refused(peer, ErrorCode.ROOM_FULL, intruded=tuple(room.peers))
        room.peers.append(peer)
        room.last_active = now
        self._room_of[peer] = room_id
        if room.state is RoomState.PAIRED:
            return Paired(first=room.peers[0], second=peer)
        return Waiting(peer)

    def relay(self, peer: PeerId) -> RelayDecision:
        """Where a signal from ``peer`` goes."""
        room_id = self._room_of.get(peer)
        if room_id is None:
            return Refused(peer, ErrorCode.NOT_JOINED)
        room = self._rooms[room_id]
        room.last_active = self._clock()
        if room.state is not RoomState.PAIRED:
            return Refused(peer, ErrorCode.NOT_PAIRED)
        first, second = room.peers
        return Relay(to=second if peer == first else first)

    def touch(self, peer: PeerId) -> None:
        """Record that ``peer`` is alive (any message counts), postponing idle expiry."""
        room_id = self._room_of.get(peer)
        if room_id is not None:
            self._rooms[room_id].last_active = self._clock()

    def leave(self, peer: PeerId) -> Departure | None:
        """Remove ``peer``; None if it was in no room. A paired room closes for good."""
        room_id = self._room_of.pop(peer, None)
        if room_id is None:
            return None
        room = self._rooms.pop(room_id)
        remaining = [other for other in room.peers if other != peer]
        for other in remaining:
            del self._room_of[other]
        if room.state is RoomState.PAIRED:
            self._spend(room_id, ErrorCode.ROOM_FULL, self._clock())
        return Departure(peer, remaining[0] if remaining else None)

    def expire(self) -> list[Expiry]:
        """Close every room past its lifetime or idle for too long; forget old spent ids."""
        now = self._clock()
        expired: list[Expiry] = []
        for room_id, room in list(self._rooms.items()):
            reason = self._expiry_reason(room, now)
            if reason is None:
                continue
            del self._rooms[room_id]
            for peer in room.peers:
                del self._room_of[peer]
            self._spend(room_id, ErrorCode.ROOM_EXPIRED, now)
            expired.append(Expiry(tuple(room.peers), reason))
        for room_id, spent in list(self._spent.items()):
            if now >= spent.until:
                del self._spent[room_id]
        return expired

    def _expiry_reason(self, room: _Room, now: float) -> ExpiryReason | None:
        if now >= room.created + self._ttl:
            return ExpiryReason.LIFETIME
        if now >= room.last_active + self._idle_timeout:
            return ExpiryReason.IDLE
        return None

    def _spend(self, room_id: RoomId, reason: ErrorCode, now: float) -> None:
        self._spent[room_id] = _Spent(reason, now + self._ttl)
        # Bounded memory: forget the oldest spent ids first (dicts keep insertion order).
        while len(self._spent) > self._max_rooms:
            del self._spent[next(iter(self._spent))]
