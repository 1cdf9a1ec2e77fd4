"""The websocket endpoint ``/ws``: reads frames and dispatches them to ``handle_<type>``.

The wire format is documented in ``protocol``; room matching is decided by the hub's store
(``rooms`` in this process, or the same decisions in Redis).
"""

from __future__ import annotations

import asyncio

from aiohttp import WSCloseCode, WSMessage, WSMsgType, web
from aiohttp.http_websocket import WS_CLOSED_MESSAGE, WebSocketError

from secket.core.errors import ServerRefusedError, UnavailableError

from . import notices, protocol
from .config import CONFIG_KEY, Config
from .hub import CLOSE_TIMEOUT, HUB_KEY, Conn, Hub, peer_label
from .limits import address_key
from .protocol import ErrorCode, Join, Leave, Ping, Signal
from .rooms import Departure, Forwarded, Paired, Refused, Relay, Waiting
from .security import normalize_origin, origin_allowed


def client_address(request: web.Request, config: Config) -> str | None:
    if config.trust_forwarded:
        forwarded = request.headers.getall("X-Forwarded-For", [])
        if forwarded:
            return forwarded[-1].split(",")[-1].strip()
    return request.remote


async def handle_socket(request: web.Request) -> web.StreamResponse:
    config = request.app[CONFIG_KEY]
    hub = request.app[HUB_KEY]
    # aiohttp refuses frames over twice the limit while reading their header (close code
    # 1009); frames between the limit and that get a readable ``too-large`` error first.
    ws = web.WebSocketResponse(
        timeout=CLOSE_TIMEOUT,
        max_msg_size=2 * config.max_message_bytes,
        heartbeat=config.heartbeat,
        compress=False,
    )
    if not ws.can_prepare(request).ok:
        raise web.HTTPBadRequest(text="This endpoint speaks websocket only.\n")
    await ws.prepare(request)
    ip = client_address(request, config)
    conn = hub.open(ws, address_key(ip), ip)
    allowed = frozenset(normalize_origin(origin) for origin in config.allowed_origins)
    try:
        if hub.shutting_down:
            await hub.refuse(conn, ErrorCode.SHUTTING_DOWN)
        elif not origin_allowed(request.headers.get("Origin"), request.host, allowed):
            await hub.refuse(conn, ErrorCode.BAD_ORIGIN)
        else:
            await read_frames(hub, conn)
            await hub.finish(conn)
    finally:
        await hub.forget(conn)
    return ws


async def receive_frame(hub: Hub, conn: Conn, limit: float | None) -> WSMessage:
    try:
        frame = await conn.ws.receive(timeout=limit)
    except ConnectionError:
        # aiohttp answers a client's ping inside receive(); if the client has gone by then,
        # writing the pong raises. The socket is gone: that is a close, not a server error.
        return WS_CLOSED_MESSAGE
    if (
        frame.type is WSMsgType.ERROR
        and isinstance(frame.data, WebSocketError)
        and frame.data.code == WSCloseCode.MESSAGE_TOO_BIG
    ):
        # aiohttp refused a huge frame at its header and already closed with 1009. Counted
        # here, in the receiving task: the handler may be cancelled once the socket is gone.
        hub.count_refusal(conn, ErrorCode.TOO_LARGE)
    return frame


async def next_frame(hub: Hub, conn: Conn, limit: float | None) -> WSMessage | None:
    """The next frame from the client, or None when the socket was dismissed meanwhile.

    A dismissal from another task cancels this wait (``Hub.dismiss``): one task and no
    extra future per frame, where racing ``receive`` against an event cost two of each.
    """
    conn.receiving = True
    try:
        return await receive_frame(hub, conn, limit)
    except asyncio.CancelledError:
        task = asyncio.current_task()
        # Swallowed only when the dismissal was the one and only cancellation.
        if conn.woken and task is not None and task.uncancel() == 0:
            return None
        raise
    finally:
        conn.receiving = False


async def read_frames(hub: Hub, conn: Conn) -> None:
    while not conn.closing:
        # Only a socket that has not joined yet has a deadline; rooms expire on their own.
        limit = None
        if not conn.joined:
            limit = conn.opened + hub.config.idle_timeout - hub.config.clock()
        try:
            if limit is not None and limit <= 0:
                raise TimeoutError
            frame = await next_frame(hub, conn, limit)
        except TimeoutError:
            await hub.refuse(conn, ErrorCode.ROOM_EXPIRED, "No room was joined in time.")
            return
        if frame is None:
            return
        if frame.type is WSMsgType.TEXT:
            await handle_text(hub, conn, frame.data)
        elif frame.type is WSMsgType.BINARY:
            await hub.refuse(
                conn,
                ErrorCode.BAD_MESSAGE,
                "Binary frames are not accepted.",
                WSCloseCode.UNSUPPORTED_DATA,
            )
        else:
            # CLOSE, or ERROR (aiohttp already closed the socket, e.g. 1009 on a huge frame).
            return


async def handle_text(hub: Hub, conn: Conn, text: str) -> None:
    if not conn.bucket.take():
        await hub.refuse(conn, ErrorCode.RATE_LIMITED)
        return
    limit = hub.config.max_message_bytes
    # UTF-8 takes at most 4 bytes a character: only a long text needs encoding to be sure.
    if len(text) > limit // 4 and len(text.encode()) > limit:
        await hub.refuse(conn, ErrorCode.TOO_LARGE)
        return
    try:
        message = protocol.parse_client_message(text)
    except ServerRefusedError as exc:
        await hub.refuse(conn, ErrorCode(exc.code), exc.message)
        return
    try:
        match message:
            case Join():
                await handle_join(hub, conn, message)
            case Signal():
                await handle_signal(hub, conn, message)
            case Leave():
                await handle_leave(hub, conn, message)
            case Ping():
                await handle_ping(hub, conn, message)
    except UnavailableError as exc:
        hub.log(conn, "store-unavailable", error=str(exc))
        await hub.refuse(conn, ErrorCode.UNAVAILABLE)


async def handle_join(hub: Hub, conn: Conn, message: Join) -> None:
    if conn.joined:
        await hub.refuse(conn, ErrorCode.ALREADY_JOINED)
        return
    conn.joined = True
    if not hub.join_limiter.take(conn.address_key):
        await hub.refuse(conn, ErrorCode.RATE_LIMITED, "Too many joins from your address.")
        return
    decision = await hub.store.join(conn.id, message.room, message.create)
    match decision:
        case Waiting():
            hub.log(conn, "joined", peers=1)
            await hub.send(conn, protocol.joined(1))
        case Paired(first=first):
            hub.metrics.pairings += 1
            hub.log(conn, "joined", peers=2)
            hub.log(conn, "paired", partner=peer_label(first))
            await hub.send(conn, protocol.joined(2))
            await hub.notify(first, notices.PAIRED)
            await hub.send(conn, hub.paired_frame())
        case Refused(reason=reason, intruded=intruded):
            for peer in intruded:
                await hub.notify(peer, notices.INTRUDER)
            await hub.refuse(conn, reason)


async def handle_signal(hub: Hub, conn: Conn, message: Signal) -> None:
    decision = await hub.store.relay(conn.id, message.payload)
    match decision:
        case Relay(to=to):
            await hub.notify(to, notices.signal(message.payload))
        case Forwarded():
            pass  # counted by the process that sends it on
        case Departure():
            # The other peer's server process died without a word: the room is over.
            hub.log(conn, "partner-gone")
            hub.dismiss(conn, protocol.peer_left(), WSCloseCode.OK)
        case Refused(reason=reason):
            await hub.refuse(conn, reason)


async def handle_leave(hub: Hub, conn: Conn, message: Leave) -> None:
    await hub.leave_room(conn)
    await hub.close(conn, WSCloseCode.OK)


async def handle_ping(hub: Hub, conn: Conn, message: Ping) -> None:
    await hub.store.touch(conn.id)
    await hub.send(conn, protocol.pong())
