"""The room link of docs/protocol.md: ``https://<host>/#<v><role><k>``.

The fragment carries everything secret: ``k``, 128 random bits, from which the room id (the
only thing the server sees; the role letter is bound into it too) and the signaling key are
derived. Browsers never send
the fragment to any server, in requests or in ``Referer``. ``role`` is the role the person
who *opens* the link will take; the creator takes the other one.

Parsing is strict, because a link that parses to the wrong ``k`` would put the two people
in different rooms with nothing to tell them why; every refusal says what went wrong in
words a person can act on.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import field

from . import PROTOCOL_VERSION
from .errors import LocalProtocolError, MalformedLinkError
from .kdf import hkdf
from .records import Record
from .roles import Role

SECRET_LEN = 16
#: base64url of 16 bytes without its "==" padding.
SECRET_CHARS = 22
ROOM_ID_LEN = 16
SIGNAL_KEY_LEN = 16
#: HKDF info of the room id, followed by the opener's role letter.
ROOM_INFO = b"secket/1 room "

_B64URL_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_ROLES = {role.value: role for role in Role}


class Link(Record):
    """A parsed or freshly made link. ``secret`` is ``k``; it is kept out of ``repr``."""

    secret: bytes = field(repr=False)
    opener_role: Role
    version: int = PROTOCOL_VERSION

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_LEN:
            raise LocalProtocolError(
                f"A link secret is {SECRET_LEN} bytes, not {len(self.secret)}."
            )
        if self.version != PROTOCOL_VERSION:
            raise LocalProtocolError(f"This Secket only makes version {PROTOCOL_VERSION} links.")

    @property
    def fragment(self) -> str:
        return f"#{self.version}{self.opener_role.value}{_encode_secret(self.secret)}"

    @property
    def creator_role(self) -> Role:
        return self.opener_role.other

    @property
    def room_id(self) -> str:
        """What the server pairs sockets by; it reveals nothing about ``k``.

        The opener's role letter is part of the derivation, so a link whose letter was
        changed (``r`` to ``s``) names another room, which the server does not know: the
        opener is told the link is wrong, and the creator's room is left alone. Otherwise
        such a link would reach the real room with both people in the same role, fail its
        set-up and spend the creator's link.
        """
        return derive_room_id(self.secret, self.opener_role)

    @property
    def signal_key(self) -> bytes:
        """AES-GCM key for signaling payloads (docs/protocol.md, "Values derived from `k`")."""
        return hkdf(self.secret, b"secket/1 signal", SIGNAL_KEY_LEN)

    def url(self, origin: str) -> str:
        return f"{origin.rstrip('/')}/{self.fragment}"


def derive_room_id(secret: bytes, opener_role: Role) -> str:
    """``HKDF(k, "secket/1 room " || role, 16)`` as 32 lowercase hex digits."""
    return hkdf(secret, ROOM_INFO + opener_role.wire, ROOM_ID_LEN).hex()


def new_link(random_bytes: Callable[[int], bytes], opener_role: Role) -> Link:
    return Link(random_bytes(SECRET_LEN), opener_role)


def parse_fragment(text: str) -> Link:
    """A link from its fragment (with or without '#') or from the whole pasted URL."""
    fragment = _fragment_of(text.strip())
    version = _parse_version(fragment[:1])
    role = _parse_role(fragment[1:2])
    return Link(_decode_secret(fragment[2:]), role, version)


def _fragment_of(text: str) -> str:
    if not text:
        raise MalformedLinkError(reason="empty")
    if "#" in text:
        return text.partition("#")[2]
    # Without a '#', either this is the bare fragment or a URL that lost its fragment.
    if "/" in text or ":" in text:
        raise MalformedLinkError(reason="no-fragment")
    return text


def _parse_version(char: str) -> int:
    if not char:
        raise MalformedLinkError(reason="incomplete")
    if not char.isascii() or not char.isdigit():
        raise MalformedLinkError(reason="damaged")
    version = int(char)
    if version > PROTOCOL_VERSION:
        raise MalformedLinkError(reason="newer")
    if version != PROTOCOL_VERSION:
        raise MalformedLinkError(reason="damaged")
    return version


def _parse_role(char: str) -> Role:
    if not char:
        raise MalformedLinkError(reason="incomplete")
    role = _ROLES.get(char)
    if role is None:
        raise MalformedLinkError(reason="damaged")
    return role


def _encode_secret(secret: bytes) -> str:
    return base64.urlsafe_b64encode(secret).rstrip(b"=").decode("ascii")


def _decode_secret(text: str) -> bytes:
    text, extra = text[:SECRET_CHARS], text[SECRET_CHARS:]
    if not set(text) <= _B64URL_ALPHABET:
        raise MalformedLinkError(reason="damaged")
    if len(text) < SECRET_CHARS:
        raise MalformedLinkError(reason="incomplete")
    if extra:
        raise MalformedLinkError(reason="too-long")
    secret = base64.urlsafe_b64decode(text + "==")
    # 22 characters hold 132 bits; a link whose 4 spare bits are set was not made by
    # Secket, and accepting it would give two spellings of one secret.
    if _encode_secret(secret) != text:
        raise MalformedLinkError(reason="damaged")
    return secret
