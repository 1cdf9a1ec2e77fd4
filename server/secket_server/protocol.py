"""Signaling wire protocol: JSON text frames on the websocket at ``/ws``.

Pure functions only: parsing client frames into messages, encoding server frames.

Client -> server
    ``{"type":"join","room":"<32 lowercase hex>","create":true|false}``
        First message. The room id is never in a URL. A second join is ``already-joined``.
        ``create`` (default true) says whether this join may open the room: the link's
        creator sends true, the person who opened the link false, so a link whose creator
        is gone gets ``no-room`` at once instead of waiting in an empty room.
    ``{"type":"signal","payload":"<base64url string>"}``
        Opaque (already encrypted) payload, relayed verbatim to the other peer. Paired only.
    ``{"type":"leave"}``
        Leave the room; the server then closes the socket (same as closing it yourself).
    ``{"type":"ping"}``
        Answered with ``pong``; keeps the room from going idle.

    Unknown extra keys in a client message are ignored.

Server -> client
    ``{"type":"joined","peers":1|2}``
        After a join; ``peers`` counts the sockets in the room including yours.
    ``{"type":"paired","ice_servers":[RTCIceServer, ...],"ice_transport_policy":"all"|"relay"}``
        Sent to both peers when the second one joined. ``ice_servers`` holds the operator's
        STUN and TURN servers; each peer gets a TURN credential of its own, valid for
        ``turn_ttl`` seconds (``turn.py``). ``ice_transport_policy`` is the
        ``RTCConfiguration.iceTransportPolicy`` to use: "relay" means TURN only.
    ``{"type":"signal","payload":"..."}``
        A payload from the other peer, verbatim.
    ``{"type":"peer-left"}``
        The other peer left or its socket closed. The server then closes this socket
        (code 1000). The room is spent: for ``room_ttl`` afterwards a join to the same room
        gets ``room-full``, so a link is single-use once paired.
    ``{"type":"intruder"}``
        Sent to both paired peers when a third socket tried to join their room (the third
        gets ``room-full``). A waiting room never has an intruder: the second socket pairs.
    ``{"type":"error","code":"<code>","message":"<human sentence>"}``
        See ``ErrorCode``. Every error but ``unknown-type`` and ``not-paired`` is followed by
        a close (``CLOSE_CODES``): 1000 ``room-expired``, 1001 ``shutting-down``, 1003 a
        binary frame (``bad-message``), 1009 ``too-large``, 1013 ``server-full`` and
        ``unavailable``, 1008 the rest.

Sockets: one join per socket; a socket that has not joined within ``idle_timeout`` of
opening gets ``room-expired``. Rooms hold exactly two sockets, never queue, and close when
empty, ``room_ttl`` after creation, or when nobody in them sent anything (``ping`` counts)
for ``idle_timeout``: then every socket in the room gets ``room-expired`` and is closed,
and for ``room_ttl`` afterwards a join to that room id gets ``room-expired`` too.
Rate limits: ``message_rate``/``message_burst`` frames per socket (token bucket) and
``joins_per_minute`` joins per client address (IPv6 by /64); over either, ``rate-limited``.
A page whose Origin is neither the request's Host nor configured gets ``bad-origin``;
clients that send no Origin (not browsers) are let in.

Several server processes may share rooms through Redis (``--redis``): a peer on one process
pairs with a peer on another exactly as on one process. When Redis cannot be reached, a
message that needs it gets ``unavailable``.

Frames larger than ``max_message_bytes`` get ``too-large`` and close code 1009; frames so
large that aiohttp refuses them while reading the header (over twice the limit) get close
code 1009 without the error frame.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import orjson
from aiohttp import WSCloseCode

from secket.core.errors import BadMessageError, ServerCode, UnknownTypeError, refusal

_ROOM = re.compile(r"[0-9a-f]{32}")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+={0,2}")


#: The ``code`` of an ``error`` frame; also the ``reason`` label of refusal metrics. Each is
#: the code of one ``ServerRefusedError`` of ``secket.core.errors``, shared with the page.
ErrorCode = ServerCode

#: The sentence sent with each error unless a more specific one is given (the page's own
#: English catalogue, ``secket/i18n/en.py``).
ERROR_MESSAGES: Final[Mapping[ErrorCode, str]] = {code: refusal(code).message for code in ErrorCode}

#: Websocket close code sent after each error; None leaves the socket open.
CLOSE_CODES: Final[Mapping[ErrorCode, WSCloseCode | None]] = {
    ErrorCode.ROOM_FULL: WSCloseCode.POLICY_VIOLATION,
    ErrorCode.BAD_MESSAGE: WSCloseCode.POLICY_VIOLATION,
    ErrorCode.UNKNOWN_TYPE: None,
    ErrorCode.TOO_LARGE: WSCloseCode.MESSAGE_TOO_BIG,
    ErrorCode.NOT_JOINED: WSCloseCode.POLICY_VIOLATION,
    ErrorCode.ALREADY_JOINED: WSCloseCode.POLICY_VIOLATION,
    ErrorCode.NOT_PAIRED: None,
    ErrorCode.ROOM_EXPIRED: WSCloseCode.OK,
    ErrorCode.NO_ROOM: WSCloseCode.OK,
    ErrorCode.RATE_LIMITED: WSCloseCode.POLICY_VIOLATION,
    ErrorCode.SERVER_FULL: WSCloseCode.TRY_AGAIN_LATER,
    ErrorCode.BAD_ORIGIN: WSCloseCode.POLICY_VIOLATION,
    ErrorCode.SHUTTING_DOWN: WSCloseCode.GOING_AWAY,
    ErrorCode.UNAVAILABLE: WSCloseCode.TRY_AGAIN_LATER,
}


@dataclass(frozen=True, slots=True)
class Join:
    room: str
    create: bool = True


@dataclass(frozen=True, slots=True)
class Signal:
    payload: str


@dataclass(frozen=True, slots=True)
class Leave:
    pass


@dataclass(frozen=True, slots=True)
class Ping:
    pass


ClientMessage = Join | Signal | Leave | Ping


def parse_client_message(text: str) -> ClientMessage:
    """Decode one client text frame; raise ``BadMessageError`` or ``UnknownTypeError``."""
    try:
        data = orjson.loads(text)
    except ValueError:  # orjson.JSONDecodeError; it also refuses nesting over 1024 deep
        raise BadMessageError("The message is not JSON.") from None
    if not isinstance(data, dict):
        raise BadMessageError("The message is not a JSON object.")
    kind = data.get("type")
    if not isinstance(kind, str):
        raise BadMessageError("The message has no string 'type'.")
    if kind == "join":
        room = data.get("room")
        if not isinstance(room, str) or not _ROOM.fullmatch(room):
            raise BadMessageError("'room' must be 32 lowercase hex digits.")
        create = data.get("create", True)
        if not isinstance(create, bool):
            raise BadMessageError("'create' must be true or false.")
        return Join(room, create)
    if kind == "signal":
        payload = data.get("payload")
        if not isinstance(payload, str) or not _BASE64URL.fullmatch(payload):
            raise BadMessageError("'payload' must be a base64url string.")
        return Signal(payload)
    if kind == "leave":
        return Leave()
    if kind == "ping":
        return Ping()
    raise UnknownTypeError()


def _encode(message: Mapping[str, Any]) -> str:
    return orjson.dumps(message).decode()


def joined(peers: int) -> str:
    return _encode({"type": "joined", "peers": peers})


def paired(ice_servers: Sequence[Mapping[str, Any]], ice_transport_policy: str = "all") -> str:
    return _encode(
        {
            "type": "paired",
            "ice_servers": [dict(server) for server in ice_servers],
            "ice_transport_policy": ice_transport_policy,
        }
    )


def signal(payload: str) -> str:
    return _encode({"type": "signal", "payload": payload})


def peer_left() -> str:
    return _encode({"type": "peer-left"})


def intruder() -> str:
    return _encode({"type": "intruder"})


def pong() -> str:
    return _encode({"type": "pong"})


def error(code: ErrorCode, message: str | None = None) -> str:
    text = ERROR_MESSAGES[code] if message is None else message
    return _encode({"type": "error", "code": code.value, "message": text})
