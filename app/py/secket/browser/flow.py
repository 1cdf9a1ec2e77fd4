"""The page's controller: one queue, one dispatcher, one handler per (source, kind).

Everything that happens (a click, a server message, a WebRTC event, a data-channel frame)
is posted as ``(source, kind, *args)`` and handled in order by ``on_<source>_<kind>``, so
there is one data path from the person's click to the bytes on the channel, and no two
handlers ever interleave.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

import js

from ..core import events as ev
from ..core.errors import SecketError
from ..core.link import Link, new_link, parse_fragment
from ..core.roles import Role
from ..core.session import Receiver, Sender, Session, State
from .connection import Connection, NoPathError, RelayRefusedError, UnreachableError
from .dom import Ui
from .rtc import ExtraChannelError
from .video import OverlayVideo
from .webcrypto import UnsupportedBrowserError, WebCrypto


class ServerError(SecketError):
    """The Secket server refused the request."""

    code = "server"


# Server error codes that end the room with a screen of their own.
ENDINGS = {
    "room-full": (
        "full",
        "This link is already in use",
        "A link is for two people, once: two people are connected through this one, or "
        "have been, so you were refused. Ask the person who sent it for a new link.",
    ),
    "no-room": (
        "error",
        "This link has expired",
        "Its creator closed their page or the link is too old. Ask for a new link.",
    ),
    "room-expired": (
        "error",
        "This link has expired",
        "Links work for 10 minutes. Start over with a new link.",
    ),
}


class App:
    def __init__(self, signal_url: str) -> None:
        self.signal_url = signal_url
        #: Work that runs beside the queue (closing connections, the camera prompt).
        self._background: set[asyncio.Future[None]] = set()
        self.queue: asyncio.Queue[tuple[Any, ...]] = asyncio.Queue()
        self.ui = Ui(self.queue.put_nowait)
        self.port = WebCrypto()
        self._reset_room()

    def _reset_room(self) -> None:
        self.link: Link | None = None
        self.role: Role | None = None
        self.creator = False
        self.connection: Connection | None = None
        self.relay_refused: RelayRefusedError | None = None
        #: Local ICE candidates gathered: none at all when gathering ends means no path.
        self.candidates = 0
        #: R has the secret on screen: nothing but Done (or Start over) may take it away.
        self.holding_secret = False
        self.video: OverlayVideo | None = None
        self.session: Session | None = None
        self.finished = False

    async def run(self) -> None:
        fragment = self._take_fragment()
        try:
            await self._check_support()
            self._read_link(fragment)
        except SecketError as exc:
            self.ui.ready()
            self.fail(exc)
        while True:
            item = await self.queue.get()
            handler = getattr(self, f"on_{item[0]}_{item[1]}".replace("-", "_"), None)
            if handler is None or (self.finished and item[0] != "ui"):
                continue  # after an ending only the person's own actions count
            try:
                await handler(*item[2:])
            except SecketError as exc:
                self.fail(exc)
            except Exception as exc:
                js.console.error(f"secket: {type(exc).__name__}: {exc}")
                self.fail(SecketError("Something unexpected went wrong. Start over."))

    async def _check_support(self) -> None:
        if not hasattr(js, "RTCPeerConnection"):
            raise UnsupportedBrowserError(
                "This browser cannot make direct connections (no WebRTC). "
                "Use a current Chrome, Edge, Firefox or Safari."
            )
        await self.port.x25519_generate()

    def _take_fragment(self) -> str:
        """The link's secret leaves the address bar (and the history) before anything else
        happens, even on a browser that turns out not to be supported."""
        fragment = str(js.location.hash)
        if len(fragment) > 1:
            js.history.replaceState(None, "", str(js.location.pathname))
        return fragment

    def _read_link(self, fragment: str) -> None:
        if len(fragment) <= 1:
            self.ui.ready()
            self.ui.state("ready", "Ready.")
            self.ui.show("home")
            return
        self.ui.ready()
        self.link = parse_fragment(fragment)
        self.role = self.link.opener_role
        self.ui.join(self.link.opener_role)
        self.ui.state("ready", "Ready. Press Join when you are.")

    # The person's actions --------------------------------------------------------------
    async def on_ui_create(self, creator_role: Role) -> None:
        if self.link is not None:
            return
        self.link = new_link(self.port.random_bytes, creator_role.other)
        self.role, self.creator = creator_role, True
        self.ui.share(self.link.url(str(js.location.origin)), creator_role)
        self.ui.state("waiting", "Waiting for the other person to open the link…")
        await self._connect()

    async def on_ui_join(self) -> None:
        if self.link is None or self.connection is not None:
            return
        self.ui.state("connecting", "Joining…")
        await self._connect()

    async def on_ui_match(self) -> None:
        if self.session is None or self.session.state is not State.COMPARING:
            return
        self._send_frame(self.session.confirm())
        self.ui.confirmed()
        if self.role is Role.SENDER:
            self.ui.state("verified", "Verified. You can now send the secret.")
            self.ui.unlock_send()
        else:
            self.ui.state("verified", "Verified. Waiting for the sender's secret…")
            await self._open_if_ready()

    async def on_ui_mismatch(self) -> None:
        session = self.session
        if session is None or not session.can_reject:
            return
        lead = self._mismatch_lead()
        self._send_frame(session.reject())
        self._end("mismatch", "Stopped: the codes did not match", lead)

    async def on_ui_send(self, text: str) -> None:
        if not isinstance(self.session, Sender):
            return
        for frame in await self.session.seal_secret(text):
            self._send_frame(frame)
        self.ui.state("sent", "Sent, encrypted. Waiting for the receiver to open it…")

    async def on_ui_done(self) -> None:
        if self.session is not None and self.session.transferred:
            self._send_frame(self.session.close("done"))
        self.holding_secret = False
        self._end("done", "Done", "The secret is wiped from this page. Nothing was stored.")

    async def on_ui_start_over(self) -> None:
        self._let_go()
        self._reset_room()
        self.ui.reset()
        self.ui.show("home")
        self.ui.state("ready", "Ready.")

    # The signaling server ----------------------------------------------------------------
    async def _connect(self) -> None:
        assert self.link is not None
        assert self.role is not None
        self.connection = Connection(
            self.port, self.link, self.role, self.signal_url, self.queue.put_nowait
        )
        await self.connection.join(create=self.creator)

    def _in_background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _role(self) -> Role:
        assert self.role is not None
        return self.role

    async def on_server_joined(self, message: dict[str, Any]) -> None:
        if message.get("peers") == 1 and not self.creator:
            self.ui.state("waiting", "Waiting for the other person…")

    async def on_server_paired(self, message: dict[str, Any]) -> None:
        assert self.connection is not None
        self.connection.pair(message.get("ice_servers"), message.get("ice_transport_policy"))
        self.ui.state("connecting", "Connecting directly to the other person…")
        if self.role is Role.RECEIVER:
            self.video = OverlayVideo(
                js.document.getElementById("overlay-canvas"), js.document.getElementById("camera")
            )
            self.video.start()
            self.ui.video("local-video", self.video.stream)
            # The camera prompt may stay open for a while: it must hold up nothing else.
            self._in_background(self._ask_for_camera(self.video))
            await self.connection.offer(self.video.stream)

    async def _ask_for_camera(self, video: OverlayVideo) -> None:
        camera = await video.attach_camera()
        self.queue.put_nowait(("video", "camera", video, camera))

    async def on_video_camera(self, video: OverlayVideo, camera: bool) -> None:
        if video is self.video:
            self.ui.camera(camera)

    async def on_server_signal(self, message: dict[str, Any]) -> None:
        if self.connection is not None:
            await self.connection.receive_signal(message.get("payload"))

    async def on_server_peer_left(self, _message: dict[str, Any]) -> None:
        self._peer_gone()

    async def on_server_intruder(self, _message: dict[str, Any]) -> None:
        self.ui.warning(
            "Someone else just tried to open this link and was refused. If you shared it with "
            "only one person, compare the code especially carefully."
        )

    async def on_server_error(self, message: dict[str, Any]) -> None:
        if self.session is not None:
            # The browsers talk directly now: a room that expires on the server (a long
            # comparison) or a server that goes away does not end the session.
            return
        code = str(message.get("code", "error"))
        if code in ENDINGS:
            state, title, lead = ENDINGS[code]
            if state == "error":
                self.ui.error(lead, code)  # the code is there for programs too
            self._end(state, title, lead)
            return
        error = ServerError(str(message.get("message") or "The Secket server refused this."))
        error.code = code
        raise error

    async def on_server_closed(self, message: dict[str, Any]) -> None:
        # Once the browsers talk directly the server is no longer needed.
        if self.session is None and not self.finished:
            self.ui.detail(f"The server's connection closed with code {message.get('code')}.")
            raise UnreachableError("The connection to the Secket server was lost. Start over.")

    # The peer connection -----------------------------------------------------------------
    async def on_rtc_candidate(self, candidate: dict[str, Any] | None) -> None:
        if self.connection is None:
            return
        await self.connection.send_candidate(candidate)
        if candidate is not None:
            self.candidates += 1
        elif self.candidates == 0 and self.session is None and not self.finished:
            # Gathering ended with nothing to offer (a relay-only policy whose relay refused
            # or could not be reached): ICE would sit in "checking" for good.
            raise self.relay_refused or NoPathError()

    async def on_rtc_state(self, state: str) -> None:
        if state == "connected" and self.connection is not None:
            path = await self.connection.path()
            self.ui.path(path)
        elif state == "failed" and not self.finished:
            if self.session is not None:
                self._peer_gone()  # it was connected: the other side went away
            else:
                raise self.relay_refused or NoPathError()

    async def on_rtc_ice_error(self, code: int, text: str, url: str) -> None:
        # Only remembered: other candidates may still connect. It explains a failure.
        if code in (401, 403) and url.startswith(("turn:", "turns:")):
            self.relay_refused = RelayRefusedError()
            self.ui.detail(f"The relay refused this browser ({code} {text}).")

    async def on_rtc_track(self, stream: Any) -> None:
        if self.role is Role.SENDER:
            self.ui.video("remote-video", stream)

    async def on_rtc_extra_channel(self) -> None:
        raise ExtraChannelError()

    async def on_rtc_channel_open(self) -> None:
        assert self.connection is not None
        if self.session is not None:
            raise ExtraChannelError()  # one session per connection: no second code
        binding = self.connection.binding()
        self.ui.state("connecting", "Connected. Working out the verification code…")
        if self.role is Role.RECEIVER:
            session = Receiver(self.port, binding)
            self.session = session
            self._send_frame(await session.start())
        else:
            self.session = Sender(self.port, binding)

    async def on_rtc_channel_closed(self) -> None:
        self._peer_gone()

    async def on_rtc_frame(self, frame: bytes) -> None:
        if self.session is None:
            return
        events, frames = self.session.receive_data(frame)
        for out in frames:
            self._send_frame(out)
        for event in events:
            await self._on_event(event)

    def _send_frame(self, frame: bytes) -> None:
        if self.connection is not None:
            self.connection.send_frame(frame)

    # Session events ----------------------------------------------------------------------
    async def _on_event(self, event: ev.Event) -> None:
        if isinstance(event, ev.SasReady):
            self.ui.sas(event.sas, self._role())
            if self.video is not None:
                self.video.show_sas(event.sas)
            self.ui.state("verifying", "Compare the code with the other person.")
        elif isinstance(event, ev.PeerConfirmed):
            self.ui.peer_note("The other person confirmed that the codes match.")
        elif isinstance(event, ev.PeerRejected):
            self._peer_rejected()
        elif isinstance(event, ev.SecretArrived):
            self.ui.peer_note("The secret has arrived. It opens once you confirm the codes match.")
            await self._open_if_ready()
        elif isinstance(event, ev.SecretDelivered):
            self._end("sent", "Delivered", "The receiver has opened the secret. Nothing was kept.")
        elif isinstance(event, ev.PeerClosed):
            self._peer_gone(event.reason)
        elif isinstance(event, ev.ProtocolFailed):
            raise event.error

    async def _open_if_ready(self) -> None:
        session = self.session
        ready = isinstance(session, Receiver) and session.secret_waiting
        if ready and session.state is State.CONFIRMED:
            text, receipt = await session.open_secret()
            self._send_frame(receipt)
            self.ui.secret(text)
            self.holding_secret = True
            self.ui.state("received", "Received. Copy it, then press Done.")

    # Endings -----------------------------------------------------------------------------
    def _peer_rejected(self) -> None:
        if self.holding_secret:
            # A late "no" from the sender must not take away what the receiver already has.
            self._let_go()
            self.ui.peer_note("The sender now says the codes don't match.")
            return
        title = "Stopped: the other person says the codes don't match"
        self._end("mismatch", title, self._mismatch_lead())

    def _mismatch_lead(self) -> str:
        """What became of the secret, after a "They don't match" from either person."""
        session = self.session
        if session is not None and session.transferred:
            # S sent it; R has not opened it, or its receipt would have ended this page.
            return (
                "Your secret had already gone out. If the receiver's page had not opened it "
                "yet, it throws it away unopened; if the codes really differed, treat the "
                "secret as exposed and change it."
            )
        unopened = isinstance(session, Receiver) and session.secret_waiting
        return (
            "The secret that had arrived was thrown away unopened. "
            if unopened
            else "Nothing was sent. "
        ) + (
            "Someone may be in the middle of this connection. Start over with a new link, "
            "and if you can, send it over a different channel."
        )

    def _peer_gone(self, reason: str = "left") -> None:
        if self.finished:
            return
        if self.session is not None and self.session.transferred:
            if self.role is Role.SENDER:
                self._end("sent", "Sent", "The secret went out, encrypted, and the receiver left.")
            else:
                self._let_go()
                self.ui.peer_note("The sender left. The secret stays here until you press Done.")
            return
        if reason not in ("left", "done"):
            self.fail(SecketError(f"The other person's page stopped with an error ({reason})."))
            return
        self._end(
            "peer-left",
            "The other person left",
            "Their page closed or lost its connection before the end. Nothing was sent. "
            "Start over with a new link.",
        )

    def fail(self, error: SecketError) -> None:
        if self.holding_secret:
            # The secret already arrived: a late connection error must not take it away.
            self._let_go()
            self.ui.peer_note(error.message)
            return
        self.ui.error(error.message, error.code)
        self._end("error", "Stopped", "Start over with a new link.")

    def _end(self, state: str, title: str, lead: str) -> None:
        self._let_go()
        self.ui.end(state, title, lead)

    def _let_go(self) -> None:
        """Leave the room: say goodbye, close the connection once the last frame is out."""
        self.finished = True
        if self.session is not None and self.session.state not in (State.CLOSED, State.ERROR):
            self._send_frame(self.session.close("left"))
        if self.connection is not None:
            self._in_background(self.connection.close_when_sent())
        if self.video is not None:
            self.video.close()
        self.connection, self.video, self.session, self.link = None, None, None, None
