"""The terminal peer's state machine: what happened in, what to do out. No I/O.

:meth:`Flow.handle` takes one input (a server message, an SDP ready, a data-channel frame,
the person's answer, Ctrl-C) and returns the actions to take, in order: messages for the
server, frames for the other peer, WebRTC steps, lines to show, the secret to deliver, and
at the end one :class:`Finish` with the exit code. The only awaits are on the crypto port,
as in the core. ``net.py`` feeds it from the websocket and aiortc and carries out what it
returns; ``tests/unit/test_terminal_flow.py`` pairs two of them in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core import events as ev
from ..core.errors import (
    ExtraChannelError,
    MismatchError,
    NoPathError,
    PeerLeftError,
    RemoteProtocolError,
    SecketError,
    ServerProtocolError,
    StoppedError,
    UnreachableError,
    refusal,
)
from ..core.link import Link, new_link
from ..core.negotiation import Negotiation, RemoteCandidate, RemoteDescription
from ..core.port import CryptoPort
from ..core.roles import Role
from ..core.session import Receiver, Sender, Session
from ..core.signal import SignalCipher
from ..core.states import Trigger
from ..core.wire import encode_signal
from . import events as te
from .decide import Decision, decide
from .errors import Exit, error_line, exit_code

#: Server refusals that mean the link itself is no good, with what to tell the person.
_LINK_ENDINGS = {
    "room-full": "This link is already in use: two people are connected through it, or have "
    "been. Ask for a new link.",
    "no-room": "This link has expired, or its creator left. Ask for a new link.",
    "room-expired": "This link has expired: links work for 10 minutes. Start over.",
}


@dataclass(frozen=True)
class Options:
    role: Role
    #: The link to join, or None to make one (on ``origin``).
    link: Link | None
    origin: str
    #: ``--expect-code``, normalised to 13 digits.
    expected_code: str | None = None
    #: S: the secret, read before anything else happens.
    secret: str | None = field(default=None, repr=False)


#: What the terminal says when the data channel opens, by the path it took (as the page's
#: "Connection: ..." line says it).
CONNECTED = {
    "direct": "Connected directly, encrypted end to end.",
    "relayed": "Connected through a relay server, encrypted end to end.",
    "unknown": "Connected.",
}


class Flow:
    def __init__(self, port: CryptoPort, options: Options) -> None:
        self.port = port
        self.options = options
        self.role = options.role
        self.creator = options.link is None
        self.link = options.link or new_link(port.random_bytes, options.role.other)
        self.cipher = SignalCipher(port, self.link.signal_key, self.role)
        self.negotiation = Negotiation(self.role, bytes.fromhex(self.link.room_id))
        self.session: Session | None = None
        self.paired = False
        self.finished = False

    async def handle(self, event: te.Input) -> list[te.Action]:
        """One input in, the actions it calls for out. After the finish only a failure to
        carry out the finish's own actions counts (the secret could not be written)."""
        if self.finished and not isinstance(event, te.Failed):
            return []
        handler = getattr(self, f"_on_{type(event).__name__.lower()}")
        try:
            actions: list[te.Action] = await handler(event)
        except SecketError as exc:
            return self._fail(exc)
        return actions

    # The server -----------------------------------------------------------------------------
    async def _on_start(self, _event: te.Start) -> list[te.Action]:
        actions: list[te.Action] = []
        if self.creator:
            actions.append(te.ShowLink(self.link.url(self.options.origin), self.role))
            actions.append(te.Say("Waiting for the other person to open the link…"))
        join = {"type": "join", "room": self.link.room_id, "create": self.creator}
        return [*actions, te.ToServer(join)]

    async def _on_servermessage(self, event: te.ServerMessage) -> list[te.Action]:
        message = event.message
        kind = message.get("type")
        if kind == "joined" and message.get("peers") == 1 and not self.creator:
            return [te.Say("Waiting for the other person…")]
        if kind == "paired":
            return self._pair(message)
        if kind == "signal":
            return await self._signal(message.get("payload"))
        if kind == "peer-left":
            raise self._peer_gone()
        if kind == "intruder":
            return [
                te.Say(
                    "Warning: someone else just tried to open this link and was refused. If you "
                    "shared it with only one person, compare the code especially carefully."
                )
            ]
        if kind == "error" and self.session is None:
            raise self._server_error(message)
        return []  # pong; and once the peers talk directly, the server no longer matters

    def _server_error(self, message: dict[str, Any]) -> SecketError:
        code = str(message.get("code") or "error")
        if code in _LINK_ENDINGS:
            return refusal(code, _LINK_ENDINGS[code])
        text = str(message.get("message") or "The Secket server refused this.")
        return refusal(code, f"The Secket server refused: {text}")

    async def _on_serverclosed(self, _event: te.ServerClosed) -> list[te.Action]:
        if self.session is None:
            raise UnreachableError(reason="lost")
        return []

    def _pair(self, message: dict[str, Any]) -> list[te.Action]:
        if self.paired:
            raise ServerProtocolError("The server paired this peer twice.")
        self.paired = True
        servers = message.get("ice_servers")
        if not isinstance(servers, list) or not all(isinstance(s, dict) for s in servers):
            servers = []
        relay = message.get("ice_transport_policy") == "relay"
        receiver = self.role is Role.RECEIVER
        return [
            te.Say("Connecting directly to the other person…"),
            te.OpenPeer(list(servers), relay, offer=receiver),
        ]

    async def _signal(self, payload: object) -> list[te.Action]:
        if not self.paired:
            raise ServerProtocolError("The server relayed connection data before pairing.")
        if self.negotiation.started:
            return []  # the connection is fixed once the session runs: nothing is opened
        if not isinstance(payload, str):
            raise ServerProtocolError("The server relayed something that is not a payload.")
        remote = self.negotiation.receive(await self.cipher.open(payload))
        if isinstance(remote, RemoteDescription):
            return [te.Describe(remote)]
        if isinstance(remote, RemoteCandidate):
            return [te.AddCandidate(remote.candidate)]
        return []

    async def _on_localdescription(self, event: te.LocalDescription) -> list[te.Action]:
        self.negotiation.sealed(event.sdp)
        kind = "offer" if self.role is Role.RECEIVER else "answer"
        token = await self.cipher.seal(encode_signal(kind, {"sdp": event.sdp}))
        # Every candidate is in the description: aiortc gathers before it is ready.
        end = await self.cipher.seal(encode_signal("candidate", {"candidate": None}))
        return [
            te.ToServer({"type": "signal", "payload": token}),
            te.ToServer({"type": "signal", "payload": end}),
        ]

    # The peer -------------------------------------------------------------------------------
    async def _on_channelopen(self, event: te.ChannelOpen) -> list[te.Action]:
        if event.extra or self.session is not None:
            raise ExtraChannelError()  # one session per connection: no second code
        binding = self.negotiation.start_session()
        connected = CONNECTED.get(event.path, CONNECTED["unknown"])
        say = te.Say(f"{connected} Working out the verification code…")
        if self.role is Role.RECEIVER:
            receiver = Receiver(self.port, binding)
            self.session = receiver
            return [say, te.ToPeer(await receiver.start())]
        self.session = Sender(self.port, binding)
        return [say]

    async def _on_frame(self, event: te.Frame) -> list[te.Action]:
        if self.session is None:
            return []
        events, frames = await self.session.receive_data(event.data)
        actions: list[te.Action] = [te.ToPeer(frame) for frame in frames]
        for happened in events:
            try:
                actions += await self._on_session_event(happened)
            except SecketError as exc:
                # A protocol error's goodbye (in ``frames``) still goes out first.
                return actions + self._fail(exc)
        return actions

    async def _on_session_event(self, event: ev.Event) -> list[te.Action]:
        if isinstance(event, ev.SasReady):
            decision = decide(event.sas, self.options.expected_code)
            if decision is Decision.ASK:
                return [te.ShowCode(event.sas), te.AskMatch()]
            return [te.ShowCode(event.sas), *await self._on_answer(te.Answer(decision))]
        if isinstance(event, ev.PeerConfirmed):
            return [te.Say("The other person confirmed that the codes match.")]
        if isinstance(event, ev.PeerRejected):
            raise MismatchError(
                "The other person says the codes don't match. "
                + self._what_became_of_it()
                + " Someone may be in the middle: start over with a new link."
            )
        if isinstance(event, ev.SecretArrived):
            return [te.Say("The secret has arrived. It opens once you confirm the codes match.")]
        if isinstance(event, ev.SecretOpened):
            return self._received(event)
        if isinstance(event, ev.SecretDelivered):
            return self._finish(Exit.OK, "Delivered: the receiver has the secret.")
        if isinstance(event, ev.PeerClosed):
            if event.reason not in ("left", "done"):
                raise RemoteProtocolError(
                    f"The other side stopped with an error ({event.reason[:64]})."
                )
            raise self._peer_gone()
        assert isinstance(event, ev.ProtocolFailed)
        raise event.error

    def _what_became_of_it(self) -> str:
        if isinstance(self.session, Sender) and self.session.transferred:
            return (
                "Your secret had already gone out; the receiver throws it away unopened, but "
                "if the codes really differed, treat it as exposed and change it."
            )
        if isinstance(self.session, Receiver) and self.session.sealed_unopened:
            return "The secret that had arrived was thrown away unopened."
        return "Nothing was sent."

    async def _on_answer(self, event: te.Answer) -> list[te.Action]:
        session = self.session
        if session is None or not session.allows(Trigger.CONFIRM):
            return []
        if event.decision is Decision.MISMATCH:
            frame = session.reject()
            return [
                te.ToPeer(frame),
                *self._fail(MismatchError(f"The codes don't match. {self._what_became_of_it()}")),
            ]
        events, frames = await session.confirm()
        actions: list[te.Action] = [te.ToPeer(frame) for frame in frames]
        if isinstance(session, Sender):
            assert self.options.secret is not None
            frames = await session.seal_secret(self.options.secret)
            actions += [te.ToPeer(frame) for frame in frames]
            return [*actions, te.Say("Sent, encrypted. Waiting for the receiver to open it…")]
        actions.append(te.Say("Verified. Waiting for the sender's secret…"))
        for happened in events:  # the secret, if it was waiting: the session opened it
            try:
                actions += await self._on_session_event(happened)
            except SecketError as exc:
                return actions + self._fail(exc)  # the goodbye in ``frames`` goes out first
        return actions

    def _received(self, opened: ev.SecretOpened) -> list[te.Action]:
        """The secret is written out before the receipt says it arrived."""
        assert self.session is not None
        bye = self.session.close("done")
        receipt, done = te.ToPeer(opened.receipt), te.ToPeer(bye)
        return [te.Deliver(opened.text), receipt, done, *self._finish(Exit.OK, "Received.")]

    async def _on_connectionlost(self, _event: te.ConnectionLost) -> list[te.Action]:
        if self.session is None:
            raise NoPathError()
        raise self._peer_gone()

    def _peer_gone(self) -> PeerLeftError:
        if isinstance(self.session, Sender) and self.session.transferred:
            return PeerLeftError(
                "The secret went out, encrypted, but the receiver left before opening it."
            )
        return PeerLeftError()

    async def _on_interrupted(self, _event: te.Interrupted) -> list[te.Action]:
        sent = isinstance(self.session, Sender) and self.session.transferred
        text = "The secret went out, but its delivery was not confirmed." if sent else ""
        return self._fail(StoppedError(f"Interrupted. Nothing was kept. {text}".strip()))

    async def _on_failed(self, event: te.Failed) -> list[te.Action]:
        raise event.error

    # Endings --------------------------------------------------------------------------------
    def _fail(self, error: SecketError) -> list[te.Action]:
        return self._finish(exit_code(error), error_line(error))

    def _finish(self, code: Exit, line: str) -> list[te.Action]:
        """Say goodbye to a live session, then close everything."""
        self.finished = True
        session, actions = self.session, []
        if session is not None and session.allows(Trigger.CLOSE):
            actions.append(te.ToPeer(session.close("left")))
        return [*actions, te.Finish(code, line)]
