"""Encoding of the data-channel messages M1..M4 and the signaling payloads.

Data-channel frames are binary: one byte of protocol version, one byte of message type,
then a fixed layout per type. Anything else is a ``RemoteProtocolError``: the caller turns
it into a ``ProtocolFailed`` event, never an uncaught exception.

No frame is larger than 16 KiB, the size every WebRTC stack takes (a peer that advertises
``a=max-message-size:65536``, RFC 8841's default, cannot take more): the sealed secret (M4),
up to 65 589 bytes, travels as up to five Secret frames, each carrying one part of it.
"""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

from . import PROTOCOL_VERSION
from .errors import RemoteProtocolError
from .records import Record

#: docs/protocol.md: every data-channel message is at most 4 KiB, except the sealed secret.
MAX_CONTROL_BYTES = 4096
#: The largest frame of all, a Secret frame with a full part.
MAX_FRAME_BYTES = 16 * 1024
#: A Secret frame's head: version, type, part index, part count.
SECRET_HEAD = 4
#: Bytes of the sealed secret in each Secret frame but the last, which holds the rest.
PART_BYTES = MAX_FRAME_BYTES - SECRET_HEAD
NONCE_LEN = 32
KEY_LEN = 32
COMMIT_LEN = 32
TAG_LEN = 16
#: M4 before it is split: ``u32(seq) || enc || ciphertext``; the shortest has an empty one.
SECRET_PREFIX = 4 + KEY_LEN


class MessageType(IntEnum):
    COMMIT = 1  #: M1 R->S: c = H("secket/1 commit" || pkR || nR)
    NONCE = 2  #: M2 S->R: nS
    REVEAL = 3  #: M3 R->S: pkR, nR
    VERDICT = 4  #: either way: this person pressed "They match" (1) or "They don't" (0)
    SECRET = 5  #: M4 S->R, in parts: index, count, a part of (seq, enc, HPKE ciphertext)
    RECEIPT = 6  #: R->S: the secret was opened and shown
    BYE = 7  #: either way: this side is leaving, with a short reason code


class Commit(Record):
    commitment: bytes


class Nonce(Record):
    nonce: bytes


class Reveal(Record):
    public_key: bytes
    nonce: bytes


class Verdict(Record):
    match: bool


class Secret(Record):
    """M4 as a whole; on the wire it is split into :class:`SecretPart` frames."""

    seq: int
    enc: bytes
    ciphertext: bytes


class SecretPart(Record):
    """One Secret frame: part ``index`` (from 0) of ``count`` parts of M4."""

    index: int
    count: int
    data: bytes


class Receipt(Record):
    """R opened the secret."""


class Bye(Record):
    reason: str


Message = Commit | Nonce | Reveal | Verdict | SecretPart | Receipt | Bye


def encode(message: Message) -> bytes:
    head = bytes([PROTOCOL_VERSION])
    if isinstance(message, Commit):
        return head + bytes([MessageType.COMMIT]) + message.commitment
    if isinstance(message, Nonce):
        return head + bytes([MessageType.NONCE]) + message.nonce
    if isinstance(message, Reveal):
        return head + bytes([MessageType.REVEAL]) + message.public_key + message.nonce
    if isinstance(message, Verdict):
        return head + bytes([MessageType.VERDICT, 1 if message.match else 0])
    if isinstance(message, SecretPart):
        return head + bytes([MessageType.SECRET, message.index, message.count]) + message.data
    if isinstance(message, Receipt):
        return head + bytes([MessageType.RECEIPT])
    return head + bytes([MessageType.BYE]) + message.reason.encode()[:64]


def encode_secret(secret: Secret) -> list[bytes]:
    """M4 as Secret frames: parts of :data:`PART_BYTES`, the last one holding the rest."""
    body = secret.seq.to_bytes(4, "big") + secret.enc + secret.ciphertext
    parts = [body[i : i + PART_BYTES] for i in range(0, len(body), PART_BYTES)]
    return [encode(SecretPart(i, len(parts), part)) for i, part in enumerate(parts)]


class SecretParts:
    """Puts M4 back together from its Secret frames.

    The parts must come in order, all with the same count, every one but the last full,
    and the whole must have one of ``lengths``; anything else is a ``RemoteProtocolError``.
    So each M4 has exactly one spelling on the wire, and memory stays bounded.
    """

    def __init__(self, lengths: frozenset[int]) -> None:
        self._lengths = lengths
        self._max_count = -(-max(lengths) // PART_BYTES)
        self._parts: list[bytes] = []
        self._count = 0

    @property
    def in_progress(self) -> bool:
        return bool(self._parts)

    def add(self, part: SecretPart) -> Secret | None:
        """Take the next part; the whole secret once its last part arrived, else None."""
        if not 1 <= part.count <= self._max_count or part.index != len(self._parts):
            raise RemoteProtocolError("The other side sent the secret in broken pieces.")
        if self._parts and part.count != self._count:
            raise RemoteProtocolError("The other side sent the secret in broken pieces.")
        last = part.index == part.count - 1
        if not (0 < len(part.data) <= PART_BYTES if last else len(part.data) == PART_BYTES):
            raise RemoteProtocolError("The other side sent the secret in broken pieces.")
        self._parts.append(part.data)
        self._count = part.count
        if not last:
            return None
        body, self._parts = b"".join(self._parts), []
        if len(body) not in self._lengths:
            raise RemoteProtocolError("The other side sent a secret of an impossible size.")
        return Secret(int.from_bytes(body[:4], "big"), body[4:SECRET_PREFIX], body[SECRET_PREFIX:])


def decode(frame: bytes) -> Message:
    """Parse one data-channel frame; raises ``RemoteProtocolError`` on anything malformed."""
    if len(frame) < 2:
        raise RemoteProtocolError("The other side sent an empty message.")
    if frame[0] != PROTOCOL_VERSION:
        raise RemoteProtocolError(reason="version")
    try:
        kind = MessageType(frame[1])
    except ValueError:
        raise RemoteProtocolError("The other side sent a message of unknown type.") from None
    body = frame[2:]
    limit = MAX_FRAME_BYTES if kind is MessageType.SECRET else MAX_CONTROL_BYTES
    if len(frame) > limit:
        raise RemoteProtocolError("The other side sent a message that is too large.")
    return _decode_body(kind, body)


def _decode_body(kind: MessageType, body: bytes) -> Message:
    if kind is MessageType.COMMIT:
        return Commit(_exact(body, COMMIT_LEN, kind))
    if kind is MessageType.NONCE:
        return Nonce(_exact(body, NONCE_LEN, kind))
    if kind is MessageType.REVEAL:
        _exact(body, KEY_LEN + NONCE_LEN, kind)
        return Reveal(body[:KEY_LEN], body[KEY_LEN:])
    if kind is MessageType.VERDICT:
        if body not in (b"\x00", b"\x01"):
            raise RemoteProtocolError("The other side sent a malformed verdict.")
        return Verdict(body == b"\x01")
    if kind is MessageType.SECRET:
        if len(body) < 3:
            raise RemoteProtocolError("The other side sent a truncated secret.")
        return SecretPart(body[0], body[1], body[2:])
    if kind is MessageType.RECEIPT:
        _exact(body, 0, kind)
        return Receipt()
    return Bye(body[:64].decode("utf-8", "replace"))


def _exact(body: bytes, length: int, kind: MessageType) -> bytes:
    if len(body) != length:
        raise RemoteProtocolError(f"The other side sent a malformed {kind.name.lower()} message.")
    return body


# Signaling payloads: what the browsers exchange (sealed) through the server.
SIGNAL_KINDS = ("offer", "answer", "candidate")


def encode_signal(kind: str, data: dict[str, Any]) -> bytes:
    if kind not in SIGNAL_KINDS:
        raise ValueError(f"unknown signal kind {kind!r}")
    return json.dumps({"kind": kind, **data}, separators=(",", ":")).encode()


def decode_signal(plaintext: bytes) -> tuple[str, dict[str, Any]]:
    """Parse an opened signaling payload. Only called on payloads that authenticated."""
    try:
        obj = json.loads(plaintext)
    except ValueError:
        raise RemoteProtocolError("The other side sent unreadable connection data.") from None
    if not isinstance(obj, dict) or obj.get("kind") not in SIGNAL_KINDS:
        raise RemoteProtocolError("The other side sent connection data of an unknown kind.")
    kind = obj.pop("kind")
    return str(kind), obj
