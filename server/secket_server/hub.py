"""The server's live state: sockets, rooms, limits, counters; sending and closing.

Message handling lives in ws.py; rooms live in a store (``store.py``): this process's
memory, or Redis shared with other processes. What one socket's handler wants done to
another socket is a ``Notice``: ``notify`` delivers it here, or has the store pass it to the
process that holds that socket. One rule keeps closes clean: only a socket's own handler
closes it. Anyone else (the partner's handler, the sweeper, shutdown) *dismisses* it: the
farewell frame and close code are left on the ``Conn`` and its handler is woken to send
them and do the close handshake itself. (aiohttp closing a socket from another task drops
the TCP connection without waiting for the client's close frame.)
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSCloseCode, web

from secket.core.errors import UnavailableError

from . import notices, protocol, turn
from .config import Config
from .limits import KeyedLimiter, TokenBucket
from .logs import log_event
from .metrics import Metrics
from .notices import Notice, NoticeKind
from .protocol import CLOSE_CODES, ErrorCode
from .rooms import ExpiryReason, PeerRef, RemotePeer
from .store import make_store

logger = logging.getLogger("secket_server.ws")

#: How long a close handshake may take (aiohttp's WebSocketResponse ``timeout``).
CLOSE_TIMEOUT = 10.0
#: What a peer hears when the other peer's server process shuts down (``--redis``).
OTHER_SERVER_GOING_AWAY = "The other person's server is restarting. Start again in a moment."
IDLE_MESSAGE = "Nothing was sent for too long. Start again with a new link."


def peer_label(peer: PeerRef) -> str | int:
    """A peer as logs show it: a socket number, or ``node:number`` on another process."""
    return f"{peer.node}:{peer.conn}" if isinstance(peer, RemotePeer) else peer


@dataclass(frozen=True, slots=True)
class Dismissal:
    """The last frame to send to a socket, and the close code to send after it."""

    text: str
    code: int


@dataclass(eq=False, slots=True)
class Conn:
    """One websocket and what the server knows about it."""

    id: int
    ws: web.WebSocketResponse
    address_key: str
    ip: str | None
    bucket: TokenBucket
    #: When the socket opened, by the configured clock (the join deadline counts from it).
    opened: float
    #: A join was accepted or attempted; a second one is ``already-joined``.
    joined: bool = False
    #: The server decided to close this socket; later frames are ignored.
    closing: bool = False
    #: Set by ``Hub.dismiss``: what the handler must send before closing.
    dismissal: Dismissal | None = None
    #: The handler's task, and whether it is waiting in ``receive`` right now: a dismissal
    #: then cancels that wait (and only that wait) to wake it.
    task: asyncio.Task[Any] | None = None
    receiving: bool = False
    #: The handler was cancelled out of ``receive`` by a dismissal, not by anyone else.
    woken: bool = False
    #: Set when the handler is done with the socket.
    done: asyncio.Event = field(default_factory=asyncio.Event)
    log_fields: dict[str, Any] = field(default_factory=dict)


class Hub:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = make_store(config)
        self.join_limiter = KeyedLimiter(
            rate=config.joins_per_minute / 60,
            burst=config.joins_per_minute,
            clock=config.clock,
        )
        self.metrics = Metrics()
        self.conns: dict[int, Conn] = {}
        self.shutting_down = False
        self._ids = itertools.count(1)

    def open(self, ws: web.WebSocketResponse, address_key: str, ip: str | None) -> Conn:
        conn_id = next(self._ids)
        bucket = TokenBucket(
            rate=self.config.message_rate, burst=self.config.message_burst, clock=self.config.clock
        )
        conn = Conn(conn_id, ws, address_key, ip, bucket, opened=self.config.clock())
        conn.task = asyncio.current_task()
        conn.log_fields = {"conn": conn_id, **({"ip": ip} if self.config.log_ips else {})}
        self.conns[conn_id] = conn
        self.metrics.sockets_opened += 1
        self.log(conn, "socket-open")
        return conn

    def log(self, conn: Conn, event: str, **fields: Any) -> None:
        log_event(logger, event, **conn.log_fields, **fields)

    async def send(self, conn: Conn, text: str) -> None:
        """Send one frame; a socket that went away meanwhile is not an error."""
        try:  # noqa: SIM105 (on every relayed message: cheaper than contextlib.suppress)
            await conn.ws.send_str(text)
        except (ConnectionError, RuntimeError):
            pass

    async def close(self, conn: Conn, code: int = WSCloseCode.OK) -> None:
        """Close handshake; only the socket's own handler calls this."""
        conn.closing = True
        with contextlib.suppress(ConnectionError, RuntimeError, asyncio.TimeoutError):
            await conn.ws.close(code=code)

    def count_refusal(self, conn: Conn, code: ErrorCode) -> None:
        self.metrics.refusals[code] += 1
        self.log(conn, "refused", reason=code.value)

    async def refuse(
        self,
        conn: Conn,
        code: ErrorCode,
        message: str | None = None,
        close_code: int | None = None,
    ) -> None:
        """From the socket's own handler: send an error, count it, close if it calls for it."""
        self.count_refusal(conn, code)
        if close_code is None:
            close_code = CLOSE_CODES[code]
        if close_code is not None:
            conn.closing = True
        await self.send(conn, protocol.error(code, message))
        if close_code is not None:
            await self.close(conn, close_code)

    def dismiss(self, conn: Conn, text: str, code: int) -> None:
        """From anywhere: have the socket's handler send ``text`` and close with ``code``."""
        if conn.dismissal is None and not conn.done.is_set():
            conn.closing = True
            conn.dismissal = Dismissal(text, code)
            # A handler busy elsewhere sees ``closing`` when it next loops; one parked in
            # ``receive`` is woken by cancelling that wait (next_frame in ws.py).
            if conn.receiving and conn.task is not None and not conn.woken:
                conn.woken = True
                conn.task.cancel()

    def dismiss_with_error(self, conn: Conn, code: ErrorCode, message: str | None = None) -> None:
        if conn.dismissal is None:
            self.count_refusal(conn, code)
        self.dismiss(conn, protocol.error(code, message), CLOSE_CODES[code] or WSCloseCode.OK)

    async def finish(self, conn: Conn) -> None:
        """In the handler, after its read loop: carry out a dismissal if there is one."""
        if conn.dismissal is not None:
            await self.send(conn, conn.dismissal.text)
            await self.close(conn, conn.dismissal.code)

    def paired_frame(self) -> str:
        """``paired`` for one socket: ICE servers with a TURN credential of its own."""
        config = self.config
        servers = turn.ice_servers(config, now=config.wall_clock(), user_id=turn.new_user_id())
        if config.turn_urls:
            self.metrics.turn_credentials += 1
        return protocol.paired(servers, config.ice_transport_policy)

    async def notify(self, peer: PeerRef, notice: Notice) -> None:
        """Deliver ``notice`` to ``peer``, here or (through the store) on its own process."""
        if not isinstance(peer, RemotePeer):
            await self.deliver(peer, notice)
            return
        try:
            await self.store.notify(peer, notice)
        except UnavailableError as exc:
            log_event(logger, "notice-lost", logging.WARNING, kind=notice.kind, error=str(exc))

    async def deliver(self, conn_id: int, notice: Notice) -> None:
        """Carry out a notice for a socket of this process (gone already: nothing to do)."""
        conn = self.conns.get(conn_id)
        if conn is None:
            return
        match notice.kind:
            case NoticeKind.PAIRED:
                await self.send(conn, self.paired_frame())
            case NoticeKind.INTRUDER:
                self.log(conn, "intruder")
                await self.send(conn, protocol.intruder())
            case NoticeKind.SIGNAL:
                if not conn.closing:
                    self.metrics.relayed_messages += 1
                    await self.send(conn, protocol.signal(notice.payload))
            case NoticeKind.PEER_LEFT:
                self.dismiss(conn, protocol.peer_left(), WSCloseCode.OK)
            case NoticeKind.ERROR:
                self.dismiss_with_error(conn, notice.code or ErrorCode.ROOM_EXPIRED, notice.message)

    async def leave_room(self, conn: Conn) -> None:
        """Take the socket out of its room; a paired partner is told and let go."""
        try:
            departure = await self.store.leave(conn.id)
        except UnavailableError as exc:
            self.log(conn, "leave-failed", error=str(exc))
            return
        if departure is None:
            return
        self.log(conn, "left")
        if departure.remaining is not None:
            # A peer on another process keeps its session when this one shuts down: it
            # hears what it would hear from its own server going away, not "peer-left".
            farewell = (
                notices.error(ErrorCode.SHUTTING_DOWN, OTHER_SERVER_GOING_AWAY)
                if self.shutting_down
                else notices.PEER_LEFT
            )
            await self.notify(departure.remaining, farewell)

    async def forget(self, conn: Conn) -> None:
        """The socket's handler is done: leave the room and drop every reference to it."""
        try:
            await self.leave_room(conn)
        finally:
            conn.done.set()
            if self.conns.pop(conn.id, None) is not None:
                self.log(conn, "closed", code=conn.ws.close_code)

    async def sweep(self) -> None:
        """Expire rooms (telling their peers) and forget idle rate-limit buckets."""
        self.join_limiter.purge()
        try:
            expiries = await self.store.expire()
        except UnavailableError:
            return  # the store logged it; the next sweep tries again
        for expiry in expiries:
            message = IDLE_MESSAGE if expiry.reason is ExpiryReason.IDLE else None
            for peer in expiry.peers:
                await self.notify(peer, notices.error(ErrorCode.ROOM_EXPIRED, message))

    async def run_sweeper(self) -> None:
        while True:
            await asyncio.sleep(self.config.sweep_interval)
            try:
                await self.sweep()
            except Exception:
                logger.exception("sweep-failed")

    async def shutdown(self) -> None:
        """Tell every socket the server is going away; wait for the GOING_AWAY closes."""
        self.shutting_down = True
        conns = list(self.conns.values())
        for conn in conns:
            self.dismiss_with_error(conn, ErrorCode.SHUTTING_DOWN)
        if conns:
            waits = [asyncio.ensure_future(conn.done.wait()) for conn in conns]
            _, pending = await asyncio.wait(waits, timeout=CLOSE_TIMEOUT + 1)
            for wait in pending:
                wait.cancel()


HUB_KEY = web.AppKey("hub", Hub)
