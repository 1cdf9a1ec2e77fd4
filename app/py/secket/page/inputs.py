"""What happens to the page: the inputs of its state machine, as frozen records.

``browser/`` posts them onto one queue (the person's clicks from ``dom.py``, the server's
messages from ``signaling.py``, WebRTC from ``rtc.py``) and ``flow.py`` feeds them to
:class:`secket.page.machine.Page` one at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from enum import Enum
from typing import Any, Protocol

from ..core.errors import SecketError
from ..core.records import Record
from ..core.roles import Role
from ..core.session import Binding


# The page itself ---------------------------------------------------------------------------
class Loaded(Record):
    """Python is up: the fragment taken from the address bar, why the browser cannot run
    Secket (if it cannot), and the languages the person prefers, first first (the one they
    picked before Python was ready, then ``navigator.languages``)."""

    fragment: str = field(repr=False)
    problem: SecketError | None = None
    languages: tuple[str, ...] = ()


class Failed(Record):
    """Carrying out an effect failed (the server cannot be reached, an offer is unusable)."""

    error: SecketError


# The person -------------------------------------------------------------------------------
class Create(Record):
    """ "Receive a secret" or "Send a secret": make a link, taking ``role``."""

    role: Role


class Join(Record):
    """ "Join": the opener joins the room."""


class Match(Record):
    """ "They match"."""


class Mismatch(Record):
    """ "They don't match"."""


class Draft(Record):
    """S's secret box holds ``text`` now (an ``input`` event): any string the browser gives,
    lone UTF-16 surrogates included."""

    text: str = field(repr=False)


class Send(Record):
    text: str = field(repr=False)


class Copy(Record):
    """ "Copy" on R's secret: the exact text goes to the clipboard."""


class Done(Record):
    """ "Done": R wipes the secret."""


class Clipboard(Enum):
    """What Done found on the clipboard, after R copied the secret."""

    #: It still held the secret, and now holds nothing.
    CLEARED = "cleared"
    #: It holds something else now: nothing to do.
    ELSEWHERE = "elsewhere"
    #: The browser did not let the page read it back.
    UNKNOWN = "unknown"


class ClipboardChecked(Record):
    """Done's look at the clipboard ended."""

    found: Clipboard


class StartOver(Record):
    """ "Start over", on any ending."""


class PickLanguage(Record):
    """The person chose a language in the picker (its value, a language tag)."""

    code: str


# The signaling server (docs/protocol.md, "Server to client") -------------------------------
class Joined(Record):
    peers: int


class Paired(Record):
    ice_servers: tuple[Mapping[str, Any], ...]
    relay_only: bool


class SignalArrived(Record):
    payload: object


class PeerLeft(Record):
    """The other socket of the room left; the server closes this one."""


class Intruder(Record):
    """A third person tried to join this room and was refused."""


class ServerRefused(Record):
    code: str
    message: str | None


class ServerClosed(Record):
    """The websocket closed (after it had opened) with this close code."""

    code: int


# WebRTC ------------------------------------------------------------------------------------
class CandidateFound(Record):
    """A local ICE candidate (``RTCIceCandidate.toJSON()``), or None: gathering ended."""

    candidate: Mapping[str, Any] | None


class ConnectionChanged(Record):
    """``RTCPeerConnection.connectionState`` changed."""

    state: str


class IceFailed(Record):
    """An ``icecandidateerror``: one server did not answer as hoped; others may."""

    code: int
    text: str
    url: str


class TrackArrived(Record):
    stream: Any


class ExtraChannel(Record):
    """The other side opened another data channel; it was closed at once."""


class SessionStart(Protocol):
    """What a session binds besides the exchanged values (``core.negotiation.Negotiation``)."""

    def start_session(self) -> Binding:
        """The room and both sides' DTLS fingerprints; signaling is over from now on."""
        ...


class ChannelOpened(Record):
    """The data channel opened. What the session binds is asked for when the page handles
    this: after every earlier input (the answer) was handled."""

    negotiation: SessionStart = field(repr=False)


class ChannelClosed(Record):
    """The data channel closed."""


class FrameArrived(Record):
    frame: bytes = field(repr=False)


class CameraAnswered(Record):
    """R's camera prompt was answered: the camera is drawn under the overlay, or not."""

    on: bool


#: Inputs that come from a room's connection: they count only while that room is live.
ConnectionInput = (
    Joined
    | Paired
    | SignalArrived
    | PeerLeft
    | Intruder
    | ServerRefused
    | ServerClosed
    | CandidateFound
    | ConnectionChanged
    | IceFailed
    | TrackArrived
    | ExtraChannel
    | ChannelOpened
    | ChannelClosed
    | FrameArrived
    | CameraAnswered
)
Input = (
    Loaded
    | Failed
    | Create
    | Join
    | Match
    | Mismatch
    | Draft
    | Send
    | Copy
    | Done
    | ClipboardChecked
    | StartOver
    | PickLanguage
    | ConnectionInput
)

#: How the browser layer posts an input onto the flow's queue.
Post = Callable[[Input], None]


def server_input(message: Mapping[str, Any]) -> Input | None:
    """The input for one JSON message from the server; None for one the page ignores
    (``pong``, or a type this page does not know)."""
    match message.get("type"):
        case "joined":
            peers = message.get("peers")
            return Joined(peers if isinstance(peers, int) else 0)
        case "paired":
            servers = message.get("ice_servers")
            return Paired(
                tuple(s for s in servers if isinstance(s, Mapping))
                if isinstance(servers, list)
                else (),
                message.get("ice_transport_policy") == "relay",
            )
        case "signal":
            return SignalArrived(message.get("payload"))
        case "peer-left":
            return PeerLeft()
        case "intruder":
            return Intruder()
        case "error":
            text = message.get("message")
            return ServerRefused(
                str(message.get("code", "")), text if isinstance(text, str) else None
            )
    return None
