"""The page's decisions, as a state machine: inputs in, effects out, no ``js``.

``Page.handle(input)`` returns the effects one input calls for: what to show (every
sentence a message key) and what the connection must do. It owns the room's session (its
only awaits are the session's, on the crypto port), and decides what each input means at
this point, how each ending reads, and what a late error may still do: nothing may take a
received secret off the receiver's screen but Done. ``browser/flow.py`` feeds it and carries
its effects out; ``tests/unit/test_page.py`` runs two of them against each other.
"""

from __future__ import annotations

from typing import assert_never

from ..core import events as ev
from ..core.errors import (
    ExtraChannelError,
    PeerFailedError,
    SecketError,
    ServerCode,
    UnreachableError,
    refusal,
)
from ..core.link import new_link, parse_fragment
from ..core.port import CryptoPort
from ..core.roles import Role
from ..core.session import Sender, Session
from ..core.states import Trigger
from ..i18n import Msg
from ..i18n.languages import DEFAULT, choose_language
from . import effects as fx
from . import inputs as put
from . import screen
from .effects import PageState
from .room import Room, mismatch_lead


class Page:
    def __init__(self, port: CryptoPort) -> None:
        self.port = port
        self.state = PageState.LOADING
        #: The language the page speaks (secket.i18n.languages).
        self.language = DEFAULT
        self.room: Room | None = None
        self.held = screen.Held()
        #: Leaving the page asks first (it holds a live link or a received secret).
        self._guarding = False
        self._out: list[fx.Effect] = []

    async def handle(self, event: put.Input) -> list[fx.Effect]:
        room = self.room
        if isinstance(event, put.ConnectionInput) and (room is None or not room.joined):
            return []  # after an ending only the person's own actions count
        try:
            await self._dispatch(event)
        except SecketError as exc:
            self._fail(exc)
        guarding = self.room is not None or self.held.text is not None
        if guarding is not self._guarding:
            self._guarding = guarding
            self._emit(fx.GuardLeaving(guarding))
        out, self._out = self._out, []
        return out

    async def _dispatch(self, event: put.Input) -> None:
        match event:
            case put.Loaded():
                self._speak(event.languages)
                self._loaded(event.fragment, event.problem)
            case put.PickLanguage():
                self._speak((event.code,))
            case put.Failed():
                self._fail(event.error)
            case put.Create():
                self._create(event.role)
            case put.Join():
                self._join()
            case put.Match():
                await self._match()
            case put.Mismatch():
                self._mismatch()
            case put.Draft():
                if isinstance(self._session_allowing(Trigger.SEAL), Sender):
                    self._emit(screen.draft(event.text))
            case put.Send():
                await self._send(event.text)
            case put.Copy():
                self._emit(*self.held.copy())
            case put.Done():
                self._done()
            case put.ClipboardChecked():
                lead = self.held.checked(event.found)
                if lead is not None and self.state is PageState.DONE:
                    self._end(PageState.DONE, "end.done.title", lead)
            case put.StartOver():
                self._let_go()
                self.held.forget()
                self._emit(fx.ResetPage())
                self._home()
            case _:
                await self._from_connection(event, self._live)

    async def _from_connection(self, event: put.ConnectionInput, room: Room) -> None:
        match event:
            case put.Joined():
                if event.peers == 1 and not room.creator:
                    self._status(PageState.WAITING, "status.waiting-for-peer")
            case put.Paired():
                self._emit(fx.PairConnection(event.ice_servers, event.relay_only))
                self._status(PageState.CONNECTING, "status.connecting")
                if room.role is Role.RECEIVER:
                    self._emit(fx.StartVideo(), fx.MakeOffer())
            case put.SignalArrived():
                self._emit(fx.OpenSignal(event.payload))
            case put.PeerLeft() | put.ChannelClosed():
                self._peer_gone("left")
            case put.Intruder():
                self._emit(fx.ShowWarning(Msg("warning.intruder")))
            case put.ServerRefused():
                self._refused(event.code, event.message, room)
            case put.ServerClosed():
                # Once the browsers talk directly the server is no longer needed.
                if room.session is None:
                    self._emit(fx.ShowDetail(Msg("detail.server-closed", {"code": event.code})))
                    raise UnreachableError(reason="lost")
            case put.CandidateFound():
                self._emit(fx.SendCandidate(event.candidate))
                if event.candidate is not None:
                    room.candidates += 1
                elif room.candidates == 0 and room.session is None:
                    # Nothing to offer (a relay-only policy whose relay refused or could not
                    # be reached): ICE would sit in "checking" for good.
                    raise room.no_path()
            case put.ConnectionChanged(state="connected"):
                self._emit(fx.ReportPath())
            case put.ConnectionChanged(state="failed"):
                if room.session is None:
                    raise room.no_path()
                self._peer_gone("left")  # it was connected: the other side went away
            case put.ConnectionChanged():
                pass
            case put.IceFailed():
                # Only remembered: other candidates may still connect. It explains a failure.
                if event.code in (401, 403) and event.url.startswith(("turn:", "turns:")):
                    room.relay_refused = True
                    detail = {"code": event.code, "text": event.text}
                    self._emit(fx.ShowDetail(Msg("detail.relay-refused", detail)))
            case put.TrackArrived():
                if room.role is Role.SENDER:
                    self._emit(fx.ShowRemoteVideo(event.stream))
            case put.ExtraChannel():
                raise ExtraChannelError()
            case put.ChannelOpened():
                frames = await room.start_session(self.port, event.negotiation)
                self._status(PageState.CONNECTING, "status.working-out-code")
                self._send_frames(frames)
            case put.FrameArrived():
                if room.session is not None:
                    events, frames = await room.session.receive_data(event.frame)
                    self._send_frames(frames)
                    self._on_session(events)
            case put.CameraAnswered():
                if room.role is Role.RECEIVER:
                    self._emit(fx.ShowCamera(event.on))
            case _:
                assert_never(event)

    # The person's actions ----------------------------------------------------------------
    def _speak(self, preferences: tuple[str, ...]) -> None:
        """The language the person prefers, of those the page speaks; it changes nothing
        else: the same screen, in other words."""
        self.language = choose_language(preferences)
        self._emit(fx.UseLanguage(self.language))

    def _loaded(self, fragment: str, problem: SecketError | None) -> None:
        self._emit(fx.PageReady())
        if problem is not None:
            raise problem
        if len(fragment) <= 1:
            self._home()
            return
        link = parse_fragment(fragment)
        self.room = Room(link, creator=False)
        self._emit(fx.ShowJoin(link.opener_role))
        self._status(PageState.READY, "status.ready-to-join")

    def _home(self) -> None:
        self._status(PageState.READY, "status.ready")
        self._emit(fx.ShowHome())

    def _create(self, role: Role) -> None:
        if self.room is not None:
            return
        room = self.room = Room(new_link(self.port.random_bytes, role.other), creator=True)
        self._emit(fx.ShowShare(room.link, role))
        self._status(PageState.WAITING, "status.waiting-for-opener")
        self._open(room)

    def _join(self) -> None:
        room = self.room
        if room is None or room.joined:
            return
        self._status(PageState.CONNECTING, "status.joining")
        self._open(room)

    def _open(self, room: Room) -> None:
        room.joined = True
        self._emit(fx.OpenConnection(room.link, room.role, create=room.creator))

    async def _match(self) -> None:
        session = self._session_allowing(Trigger.CONFIRM)
        if session is None:
            return
        events, frames = await session.confirm()
        self._send_frames(frames)
        self._emit(fx.MarkConfirmed())
        if session.role is Role.SENDER:
            self._status(PageState.VERIFIED, "status.verified-sender")
            self._emit(fx.UnlockSend(), screen.draft(""))
        else:
            self._status(PageState.VERIFIED, "status.verified-receiver")
        self._on_session(events)

    def _mismatch(self) -> None:
        session = self._session_allowing(Trigger.REJECT)
        if session is None:
            return
        lead = mismatch_lead(session)
        self._send_frames([session.reject()])
        self._end(PageState.MISMATCH, "end.mismatch.title", lead)

    async def _send(self, text: str) -> None:
        session = self._session_allowing(Trigger.SEAL)
        if not isinstance(session, Sender):
            return
        if not screen.sendable(text):
            # Send is disabled for such a text; a press that raced a change gets its reason.
            self._emit(screen.draft(text))
            return
        self._emit(fx.LockSend())  # the secret leaves the box at once
        self._send_frames(await session.seal_secret(text))
        self._status(PageState.SENT, "status.sent")

    def _done(self) -> None:
        session = self._session_allowing(Trigger.CLOSE)
        if session is not None and session.transferred:
            self._send_frames([session.close("done")])
        lead, clean_up = self.held.done()
        self._end(PageState.DONE, "end.done.title", lead)
        self._emit(*clean_up)

    # The connection ----------------------------------------------------------------------
    def _refused(self, code: str, message: str | None, room: Room) -> None:
        if room.session is not None:
            # The browsers talk directly now: a room that expires on the server (a long
            # comparison) or a server that goes away does not end the session.
            return
        if code == ServerCode.ROOM_FULL:
            self._end(PageState.FULL, "end.full.title", Msg("end.full.lead"))
        elif code in (ServerCode.NO_ROOM, ServerCode.ROOM_EXPIRED):
            # The server cannot tell a link that never had a room from one whose room it
            # forgot: it keeps no list of past rooms. Each ending says what it knows; the
            # creator of a link that ran out makes the new one herself.
            mine = room.creator and code == ServerCode.ROOM_EXPIRED
            lead = Msg(f"end.{code}.lead.creator" if mine else f"end.{code}.lead")
            self._end(PageState.ERROR, f"end.{code}.title", lead, code)
        else:
            raise refusal(code, message)

    def _on_session(self, events: list[ev.Event]) -> None:
        for event in events:
            room = self.room
            if room is None or room.session is None:
                return
            match event:
                case ev.SasReady(sas=sas):
                    self._emit(fx.ShowSas(sas, room.role))
                    if room.role is Role.RECEIVER:
                        self._emit(fx.DrawSas(sas))
                    self._status(PageState.VERIFYING, "status.compare")
                case ev.PeerConfirmed():
                    self._emit(fx.ShowNote(Msg("note.peer-confirmed")))
                case ev.PeerRejected():
                    self._peer_rejected(room.session)
                case ev.SecretArrived():
                    self._emit(fx.ShowNote(Msg("note.secret-arrived")))
                case ev.SecretOpened(text=text, receipt=receipt):
                    self._emit(self.held.opened(text))
                    self._send_frames([receipt])  # on screen now: S may say "Delivered"
                    self._status(PageState.RECEIVED, "status.received")
                case ev.SecretDelivered():
                    self._end(PageState.SENT, "end.delivered.title", Msg("end.delivered.lead"))
                case ev.PeerClosed(reason=reason):
                    self._peer_gone(reason)
                case ev.ProtocolFailed(error=error):
                    self._fail(error)
                case _:
                    assert_never(event)

    # Endings -----------------------------------------------------------------------------
    def _peer_rejected(self, session: Session) -> None:
        if self.state is PageState.RECEIVED:
            # A late "no" from the sender must not take away what the receiver already has.
            self._let_go()
            self._emit(fx.ShowNote(Msg("note.late-mismatch")))
            return
        self._end(PageState.MISMATCH, "end.peer-mismatch.title", mismatch_lead(session))

    def _peer_gone(self, reason: str) -> None:
        room = self.room
        if room is None:
            return
        if room.session is not None and room.session.transferred:
            if room.role is Role.SENDER:
                self._end(PageState.SENT, "end.sent.title", Msg("end.sent.lead"))
            else:
                self._let_go()
                self._emit(fx.ShowNote(Msg("note.sender-left")))
        elif reason in ("left", "done"):
            self._end(PageState.PEER_LEFT, "end.peer-left.title", Msg("end.peer-left.lead"))
        else:
            self._fail(PeerFailedError(cause=reason))

    def _fail(self, error: SecketError) -> None:
        if self.state is PageState.RECEIVED:
            # The secret already arrived: a late error must not take it away.
            self._let_go()
            self._emit(fx.ShowNote(error.text))
            return
        if error.detail:
            self._emit(fx.ShowDetail(Msg("detail.cause", {"cause": error.detail})))
        self._end(PageState.ERROR, "end.stopped.title", error.text, error.code)

    def _end(self, state: PageState, title: str, lead: Msg, code: str | None = None) -> None:
        """One heading and one sentence; an error's sentence goes with its code."""
        self._let_go()
        self.state = state
        self.held.wipe()
        self._emit(fx.ShowEnding(state, Msg(title), lead, code))

    def _let_go(self) -> None:
        """Leave the room: say goodbye if the session is live, then close the connection."""
        room, self.room = self.room, None
        if room is None or not room.joined:
            return
        if room.session is not None and room.session.allows(Trigger.CLOSE):
            self._send_frames([room.session.close("left")])
        self._emit(fx.LetGo(), fx.ForgetPath())

    # Small helpers -----------------------------------------------------------------------
    @property
    def _live(self) -> Room:
        assert self.room is not None, "handle() lets a connection's inputs through only then"
        return self.room

    def _session_allowing(self, trigger: Trigger) -> Session | None:
        session = self.room.session if self.room is not None else None
        return session if session is not None and session.allows(trigger) else None

    def _status(self, state: PageState, key: str) -> None:
        self.state = state
        self._emit(fx.ShowStatus(state, Msg(key)))

    def _send_frames(self, frames: list[bytes]) -> None:
        if frames:
            self._emit(fx.SendFrames(tuple(frames)))

    def _emit(self, *effects: fx.Effect) -> None:
        self._out.extend(effects)
