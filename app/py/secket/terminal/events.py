"""What goes into the terminal's :class:`~secket.terminal.flow.Flow` and what comes out,
as frozen records: inputs are things that happened, actions are things to do."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from ..core.errors import SecketError
from ..core.negotiation import RemoteDescription
from ..core.records import Record
from ..core.roles import Role
from ..core.sas import Sas
from .decide import Decision
from .errors import Exit


# Inputs ------------------------------------------------------------------------------------
class Start(Record):
    """The websocket is open."""


class ServerMessage(Record):
    message: dict[str, Any]


class ServerClosed(Record):
    """The websocket closed."""


class LocalDescription(Record):
    """This side's offer (R) or answer (S) is ready, candidates included."""

    sdp: str


class ChannelOpen(Record):
    """The data channel labelled ``secket`` opened (``extra`` for any other one), over a
    ``path`` that is "direct", "relayed" (through a TURN server) or "unknown"."""

    extra: bool = False
    path: str = "unknown"


class Frame(Record):
    data: bytes


class Answer(Record):
    decision: Decision


class ConnectionLost(Record):
    """The peer connection failed or the data channel closed."""


class Interrupted(Record):
    """Ctrl-C or SIGTERM."""


class Failed(Record):
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
class ToServer(Record):
    message: dict[str, Any]


class ToPeer(Record):
    frame: bytes


class ShowLink(Record):
    url: str
    creator: Role


class Say(Record):
    text: str


class ShowCode(Record):
    sas: Sas


class AskMatch(Record):
    """Ask the person whether the codes match; the answer comes back as :class:`Answer`."""


class OpenPeer(Record):
    """Make the peer connection; R then opens the data channel and makes the offer."""

    ice_servers: list[dict[str, Any]]
    relay_only: bool
    offer: bool


class Describe(Record):
    """Hand the other side's description to WebRTC; S then makes its answer."""

    description: RemoteDescription


class AddCandidate(Record):
    candidate: dict[str, Any] | None


class Deliver(Record):
    """R: write the secret out (stdout or --out)."""

    text: str = field(repr=False)


class Finish(Record):
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
