"""What the page's state machine asks for: its outputs, as frozen dataclasses.

``UiEffect``s are what the person sees; ``browser/dom.py`` draws them (``Ui.apply``), with
every sentence a :class:`secket.i18n.Msg` it renders in the page's language.
``LinkEffect``s are the connection's work, carried out by ``browser/flow.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from enum import Enum
from typing import Any

from ..core.link import Link
from ..core.records import Record
from ..core.roles import Role
from ..core.sas import Sas
from ..i18n import Msg


class PageState(Enum):
    """Where the page is; the value is the status line's ``data-state`` (docs/automation.md)."""

    #: Python is starting (set by the HTML, never by the machine).
    LOADING = "loading"
    #: The home screen, or a link was read and Join waits for a press.
    READY = "ready"
    #: The creator's link is out; nobody has joined yet.
    WAITING = "waiting"
    #: Joining, pairing, or the data channel's handshake.
    CONNECTING = "connecting"
    #: The code is on screen.
    VERIFYING = "verifying"
    #: This person pressed "They match".
    VERIFIED = "verified"
    #: S: the sealed secret went out; also S's endings "Delivered" and "Sent".
    SENT = "sent"
    #: R: the secret is on screen, and stays until Done, whatever the connection does.
    RECEIVED = "received"
    #: R pressed Done.
    DONE = "done"
    #: A failure; the error is shown with its code.
    ERROR = "error"
    #: Refused: two people already use the link.
    FULL = "full"
    #: The other person left before the secret went out.
    PEER_LEFT = "peer-left"
    #: Someone pressed "They don't match".
    MISMATCH = "mismatch"


# What the person sees ---------------------------------------------------------------------
class PageReady(Record):
    """Python is ready: the buttons work."""


class ShowStatus(Record):
    state: PageState
    text: Msg


class ShowHome(Record):
    """The home screen: "Receive a secret", "Send a secret"."""


class ShowJoin(Record):
    opener: Role


class ShowShare(Record):
    link: Link
    creator: Role


class ShowSas(Record):
    sas: Sas
    role: Role


class ShowSecret(Record):
    text: str = field(repr=False)


class ShowEnding(Record):
    """An ending: the state and its title on the status line, the lead below. The secret is
    wiped from the page and Send locked."""

    state: PageState
    title: Msg
    lead: Msg


class ShowError(Record):
    code: str
    text: Msg


class ShowWarning(Record):
    text: Msg


class ShowNote(Record):
    text: Msg


class ShowDetail(Record):
    text: Msg


class ShowRemoteVideo(Record):
    stream: Any


class ShowCamera(Record):
    on: bool


class MarkConfirmed(Record):
    """ "They match" was pressed: it cannot be pressed again."""


class UnlockSend(Record):
    """S confirmed: the secret field and (once it holds a sendable secret) Send work."""


class ResetPage(Record):
    """Start over: clear everything the last room left on the page."""


UiEffect = (
    PageReady
    | ShowStatus
    | ShowHome
    | ShowJoin
    | ShowShare
    | ShowSas
    | ShowSecret
    | ShowEnding
    | ShowError
    | ShowWarning
    | ShowNote
    | ShowDetail
    | ShowRemoteVideo
    | ShowCamera
    | MarkConfirmed
    | UnlockSend
    | ResetPage
)


# The connection's work --------------------------------------------------------------------
class OpenConnection(Record):
    """Open the signaling socket and join the room; ``create`` for the link's creator."""

    link: Link
    role: Role
    create: bool


class PairConnection(Record):
    """Both people are in the room: make the peer connection as the server says."""

    ice_servers: tuple[Mapping[str, Any], ...]
    relay_only: bool


class StartVideo(Record):
    """R: start the canvas (colour and emoji, camera once allowed) the sender will see."""


class MakeOffer(Record):
    """R: send the video, open the data channel and make the offer."""


class OpenSignal(Record):
    """A sealed payload from the other browser: open it and act on it."""

    payload: object


class SendCandidate(Record):
    candidate: Mapping[str, Any] | None


class SendFrames(Record):
    frames: tuple[bytes, ...] = field(repr=False)


class DrawSas(Record):
    """R: draw the code over the video."""

    sas: Sas


class ReportPath(Record):
    """Say which way the bytes go (direct or relayed)."""


class LetGo(Record):
    """Leave the room: close the connection once the last frame is out, stop the video."""


LinkEffect = (
    OpenConnection
    | PairConnection
    | StartVideo
    | MakeOffer
    | OpenSignal
    | SendCandidate
    | SendFrames
    | DrawSas
    | ReportPath
    | LetGo
)

Effect = UiEffect | LinkEffect
