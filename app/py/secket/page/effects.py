"""What the page's state machine asks for: its outputs, as frozen records.

``UiEffect``s are what the person sees; ``browser/dom.py`` draws them (``Ui.apply``), with
every sentence a :class:`secket.i18n.Msg` it renders in the page's language.
``LinkEffect``s are the connection's work, carried out by ``browser/flow.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from enum import Enum
from typing import Any

from ..core.display import Rendering
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


class UseLanguage(Record):
    """Speak this language (a code of ``secket.i18n.languages``): ``<html lang>`` and
    ``dir``, and every text on the page rendered again in it, from what it shows now."""

    code: str


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


class SecretWarning(Record):
    """Beside a secret's screen: it holds characters drawn as markers. ``found`` has a line
    per kind of character found; ``kinds`` is their ``data-kinds`` value."""

    text: Msg
    found: tuple[Msg, ...]
    kinds: str


class ShowSecret(Record):
    """R: the secret as the faithful screen draws it (``core.display``), and the warning if
    anything in it is drawn as a marker."""

    rendering: Rendering = field(repr=False)
    warning: SecretWarning | None


class BoxProblem(Record):
    """Why S's secret box cannot be sent as it is (``core.secret_text``): said at the box."""

    code: str
    text: Msg


class ShowDraft(Record):
    """S's secret box changed: its byte count, its problem if any, whether Send may be
    pressed, and what the receiver will see (the same drawing as ``ShowSecret``; None while
    the box is empty)."""

    count: Msg
    problem: BoxProblem | None
    sendable: bool
    preview: Rendering | None = field(repr=False)
    warning: SecretWarning | None


class LockSend(Record):
    """The secret was taken for sending: the box is emptied and locked, Send disabled."""


class CopySecret(Record):
    """R pressed Copy: write the exact secret to the clipboard."""

    text: str = field(repr=False)


class ClearClipboard(Record):
    """Done, after a Copy: empty the clipboard if it still holds ``text``, and answer with
    ``ClipboardChecked``."""

    text: str = field(repr=False)


class ShowEnding(Record):
    """An ending: one heading (also on the status line) and one sentence. With a ``code``
    the ending is an error: the sentence is shown in the error box, which carries the code.
    The secret is wiped from the page and Send locked."""

    state: PageState
    title: Msg
    lead: Msg
    code: str | None = None


class ShowWarning(Record):
    text: Msg


class ShowNote(Record):
    text: Msg


class ShowDetail(Record):
    text: Msg


class ForgetPath(Record):
    """The connection is let go: the line saying which way the bytes go is emptied."""


class GuardLeaving(Record):
    """Whether leaving or reloading the page must ask first (``beforeunload``): it holds a
    live link or a received secret that would be lost."""

    on: bool


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
    | UseLanguage
    | ShowStatus
    | ShowHome
    | ShowJoin
    | ShowShare
    | ShowSas
    | ShowSecret
    | ShowDraft
    | LockSend
    | CopySecret
    | ClearClipboard
    | ShowEnding
    | ShowWarning
    | ShowNote
    | ShowDetail
    | ForgetPath
    | GuardLeaving
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
