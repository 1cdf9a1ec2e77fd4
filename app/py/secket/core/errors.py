"""Every error of Secket, page and server alike, under one root.

``SecketError`` is the root. ``LocalProtocolError`` means this side misused the API (a bug
on our side); ``RemoteProtocolError`` means the peer (or whoever sits between) sent
something the protocol does not allow. Each class has a ``code`` of its own, the stable
machine-readable name the page shows in ``data-code`` and the server sends in its ``error``
frames; ``tests/unit/test_errors.py`` checks that no two share one and that
``docs/automation.md`` lists them all.

What a person reads is a message of :mod:`secket.i18n`: ``error.<code>``, or
``error.<code>.<reason>`` where one error has several sentences (``reasons``), rendered by
the page in its language. ``str(error)`` is that sentence in English, or the more precise
one the code that raised it gave, which the page shows as a detail.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import ClassVar

from ..i18n import Msg, render
from ..i18n.en import MESSAGES as ENGLISH


class SecketError(Exception):
    """Something went wrong that no more precise error describes."""

    code: ClassVar[str] = "error"
    #: The sub-cases a person is told apart, each a message ``error.<code>.<reason>``.
    reasons: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, *, code: str, reasons: tuple[str, ...] = ()) -> None:
        """Each error names its own code (and reasons) where it is declared: another error,
        another code; a subclass inherits neither."""
        super().__init_subclass__()
        cls.code, cls.reasons = code, reasons

    def __init__(
        self, message: str | None = None, *, reason: str | None = None, **params: object
    ) -> None:
        if reason is not None and reason not in self.reasons:
            raise ValueError(f"{type(self).__name__} has no reason {reason!r}")
        self.reason = reason
        self.params: Mapping[str, object] = params
        #: The raiser's own sentence, more precise than the catalogue's (English only).
        self.detail = message
        super().__init__(message or render(self.text, ENGLISH))

    @property
    def text(self) -> Msg:
        """What the page shows a person."""
        suffix = f".{self.reason}" if self.reason else ""
        return Msg(f"error.{self.code}{suffix}", self.params)

    @property
    def message(self) -> str:
        return str(self.args[0])


# The protocol ----------------------------------------------------------------------------
class LocalProtocolError(SecketError, code="local-protocol"):
    """This side tried something the protocol does not allow at this point."""


class SecretTooLargeError(LocalProtocolError, code="secret-too-large"):
    """The secret is over ``MAX_SECRET_BYTES`` of UTF-8."""


class EmptySecretError(LocalProtocolError, code="secret-empty"):
    """The secret is empty."""


class BlankSecretError(LocalProtocolError, code="secret-blank"):
    """The secret is only spaces, line breaks or invisible characters."""


class BrokenSecretError(LocalProtocolError, code="secret-surrogate"):
    """The secret holds half of a UTF-16 surrogate pair: not text at all."""


class RemoteProtocolError(SecketError, code="remote-protocol", reasons=("version",)):
    """The other side sent something the protocol does not allow."""


class DecryptError(RemoteProtocolError, code="decrypt"):
    """A message did not decrypt: altered, or not made for this session."""


class SignalingTamperedError(RemoteProtocolError, code="signal-tampered"):
    """A signaling payload did not open under the link's key."""


class CommitMismatchError(RemoteProtocolError, code="commit-mismatch"):
    """R's reveal does not match its commitment."""


class ExtraChannelError(RemoteProtocolError, code="extra-channel"):
    """The other side opened a second data channel: a second session, a second guess."""


class ServerProtocolError(RemoteProtocolError, code="server-protocol"):
    """The signaling server sent something out of order (paired twice, a signal unpaired)."""


class MalformedLinkError(
    SecketError,
    code="bad-link",
    reasons=("empty", "no-fragment", "incomplete", "too-long", "damaged", "newer"),
):
    """The link's fragment does not parse; the reason says how it is broken."""


# The browser and the network -------------------------------------------------------------
class UnsupportedBrowserError(SecketError, code="unsupported", reasons=("no-webrtc",)):
    """The browser lacks X25519 in WebCrypto (or, reason ``no-webrtc``, WebRTC)."""


class UnreachableError(SecketError, code="unreachable", reasons=("lost",)):
    """The signaling server cannot be reached (or, reason ``lost``, its socket closed)."""


class NoPathError(SecketError, code="no-path", reasons=("bad-offer",)):
    """WebRTC found no path between the browsers (or, ``bad-offer``, could not use an SDP)."""


class RelayRefusedError(NoPathError, code="relay-refused"):
    """No path, and the TURN relay refused this browser's credential (401 or 403)."""


class TooLargeForChannelError(SecketError, code="too-large-for-channel"):
    """A frame is larger than the peer connection's SCTP maximum message size."""


class PeerFailedError(SecketError, code="peer-failed"):
    """The other page said goodbye with an error code (param ``cause``)."""


# The signaling server's refusals ---------------------------------------------------------
class ServerCode(StrEnum):
    """The ``code`` of the server's ``error`` frames, one per ``ServerRefusedError`` class."""

    ROOM_FULL = "room-full"
    BAD_MESSAGE = "bad-message"
    UNKNOWN_TYPE = "unknown-type"
    TOO_LARGE = "too-large"
    NOT_JOINED = "not-joined"
    ALREADY_JOINED = "already-joined"
    NOT_PAIRED = "not-paired"
    ROOM_EXPIRED = "room-expired"
    NO_ROOM = "no-room"
    RATE_LIMITED = "rate-limited"
    SERVER_FULL = "server-full"
    BAD_ORIGIN = "bad-origin"
    SHUTTING_DOWN = "shutting-down"
    UNAVAILABLE = "unavailable"


class ServerRefusedError(SecketError, code="server-refused"):
    """The server refused a request; on the page, a refusal of a code it does not know."""


class RoomFullError(ServerRefusedError, code=ServerCode.ROOM_FULL):
    """A join to a paired room, or to one whose pairing broke: a link works once."""


class BadMessageError(ServerRefusedError, code=ServerCode.BAD_MESSAGE):
    """A frame that is not a valid message (not JSON, a bad field, binary)."""


class UnknownTypeError(ServerRefusedError, code=ServerCode.UNKNOWN_TYPE):
    """A message of a type the server does not know."""


class MessageTooLargeError(ServerRefusedError, code=ServerCode.TOO_LARGE):
    """A frame over the server's ``max_message_bytes``."""


class NotJoinedError(ServerRefusedError, code=ServerCode.NOT_JOINED):
    """A signal before a join."""


class AlreadyJoinedError(ServerRefusedError, code=ServerCode.ALREADY_JOINED):
    """A second join on one socket."""


class NotPairedError(ServerRefusedError, code=ServerCode.NOT_PAIRED):
    """A signal while the room has one socket; nothing is queued."""


class RoomExpiredError(ServerRefusedError, code=ServerCode.ROOM_EXPIRED):
    """The room outlived ``room_ttl`` or was idle too long, or no join came in time."""


class NoRoomError(ServerRefusedError, code=ServerCode.NO_ROOM):
    """An opener's join to a room the server does not know."""


class RateLimitedError(ServerRefusedError, code=ServerCode.RATE_LIMITED):
    """Too many messages from a socket, or joins from an address."""


class ServerFullError(ServerRefusedError, code=ServerCode.SERVER_FULL):
    """``max_rooms`` rooms are open."""


class BadOriginError(ServerRefusedError, code=ServerCode.BAD_ORIGIN):
    """A page from an origin the server does not serve."""


class ShuttingDownError(ServerRefusedError, code=ServerCode.SHUTTING_DOWN):
    """The server is stopping."""


class UnavailableError(ServerRefusedError, code=ServerCode.UNAVAILABLE):
    """The room store (Redis) cannot be reached; raised by the store, sent as a refusal."""


def refusal(code: str, message: str | None = None) -> ServerRefusedError:
    """The error for a server ``error`` frame with ``code`` (and the server's sentence)."""
    cls = next((c for c in ServerRefusedError.__subclasses__() if c.code == code), None)
    error = (cls or ServerRefusedError)()
    # The server's own sentence is a detail only where it says more than the catalogue's.
    return error if message in (None, error.message) else type(error)(message)


# The terminal peer (`secket send`, `secket receive`) --------------------------------------
class UsageError(SecketError, code="usage"):
    """The command cannot run as given; the message says why."""


class NoServerError(UsageError, code="no-server"):
    """No Secket server was given."""


class NoTerminalError(UsageError, code="no-terminal"):
    """There is no terminal to confirm the code on, and no --expect-code."""


class WrongCommandError(UsageError, code="wrong-command"):
    """``secket send`` given a link for the receiver, or the other way round."""


class MismatchError(SecketError, code="mismatch"):
    """Someone said the codes do not match (or --expect-code differed)."""


class PeerLeftError(SecketError, code="peer-left"):
    """The other person left before the end."""


class OutputError(SecketError, code="output"):
    """The received secret could not be written out."""


class StoppedError(SecketError, code="interrupted"):
    """Ctrl-C or SIGTERM: everything was closed, nothing kept."""


# Tools for the operator ------------------------------------------------------------------
class DeriveError(SecketError, code="runtime"):
    """``secket runtime`` cannot derive the page's runtime from the pinned packages; the
    message says why."""
