"""What goes into the terminal's :class:`~secket.terminal.flow.Flow` and what comes out,
as frozen dataclasses: inputs are things that happened, actions are things to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.errors import SecketError
from ..core.negotiation import RemoteDescription
from ..core.roles import Role
from ..core.sas import Sas
from .decide import Decision
from .errors import Exit


# Inputs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Start:
    """The websocket is open."""


@dataclass(frozen=True)
class ServerMessage:
    message: dict[str, Any]


@dataclass(frozen=True)
class ServerClosed:
    """The websocket closed."""


@dataclass(frozen=True)
class LocalDescription:
    """This side's offer (R) or answer (S) is ready, candidates included."""

    sdp: str


@dataclass(frozen=True)
class ChannelOpen:
    """The data channel labelled ``secket`` opened (``extra`` for any other one)."""

    extra: bool = False


@dataclass(frozen=True)
class Frame:
    data: bytes


@dataclass(frozen=True)
class Answer:
    decision: Decision


@dataclass(frozen=True)
class ConnectionLost:
    """The peer connection failed or the data channel closed."""


@dataclass(frozen=True)
class Interrupted:
    """Ctrl-C or SIGTERM."""


@dataclass(frozen=True)
class Failed:
    """Carrying out an action failed (the secret could not be written, an SDP was unusable)."""

    error: SecketError


Input = (
    Start
    | ServerMessage
    | ServerClosed
    | LocalDescription
    | ChannelOpen
    | Frame
    | Answer
    | ConnectionLost
    | Interrupted
    | Failed
)


# Actions -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ToServer:
    message: dict[str, Any]


@dataclass(frozen=True)
class ToPeer:
    frame: bytes


@dataclass(frozen=True)
class ShowLink:
    url: str
    creator: Role


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class ShowCode:
    sas: Sas


@dataclass(frozen=True)
class AskMatch:
    """Ask the person whether the codes match; the answer comes back as :class:`Answer`."""


@dataclass(frozen=True)
class OpenPeer:
    """Make the peer connection; R then opens the data channel and makes the offer."""

    ice_servers: list[dict[str, Any]]
    relay_only: bool
    offer: bool


@dataclass(frozen=True)
class Describe:
    """Hand the other side's description to WebRTC; S then makes its answer."""

    description: RemoteDescription


@dataclass(frozen=True)
class AddCandidate:
    candidate: dict[str, Any] | None


@dataclass(frozen=True)
class Deliver:
    """R: write the secret out (stdout or --out)."""

    text: str = field(repr=False)


@dataclass(frozen=True)
class Finish:
    """Close everything (after the frames before it left) and exit with ``code``."""

    code: Exit
    line: str


Action = (
    ToServer
    | ToPeer
    | ShowLink
    | Say
    | ShowCode
    | AskMatch
    | OpenPeer
    | Describe
    | AddCandidate
    | Deliver
    | Finish
)
