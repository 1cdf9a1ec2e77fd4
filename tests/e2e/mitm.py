"""A peer in the middle: an attacker who read the link and runs the signaling server.

It never pairs the two pages with each other. Each page is paired with the attacker,
who terminates WebRTC (DTLS) on both sides with aiortc and speaks Secket's own protocol
core (``secket.core``, with ``secket.cpython.CPythonCrypto``) on each leg::

    receiver's page  <== leg R: the attacker plays the sender ==>    attacker
    attacker         <== leg S: the attacker plays the receiver ==>  sender's page

Knowing the link, it opens and seals the signaling like a real peer, so both pages
connect and reach the verification code. Two ways to use the legs:

- ``"sessions"``: a real ``Sender`` session toward R and a real ``Receiver`` session toward
  S, with the attacker's own key and nonces. It says "they match" on both legs at once,
  opens any secret the sender sends (``stolen``) and seals ``forged`` to the receiver, or
  the stolen secret when no ``forged`` is given.
- ``"relay"``: every data-channel frame is passed on unchanged, so the two pages run the
  protocol with each other and exchange the very same commitment, key and nonces; only
  the DTLS certificates differ between the legs.
- ``"borrow"``: as ``"relay"``, and each description the attacker seals carries the *other
  page's* genuine sha-256 fingerprint (the one the transcript binds) beside the attacker's
  own sha-384 and sha-512 lines. A page that let its browser check another line than the
  one it binds would connect, and show the same code as the other page.

Everything runs on the server's event loop (the LiveServer thread); the test thread only
reads the attacker's records. ICE is kept on loopback: aiortc gathers 127.0.0.1 only,
pages' mDNS candidates are not resolved (the pages' checks teach aiortc their addresses).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from aiohttp import WSMsgType, web
from aiortc import RTCConfiguration, RTCDataChannel, RTCPeerConnection, RTCSessionDescription
from aiortc.sdp import candidate_from_sdp

from secket.core import events as ev
from secket.core import wire
from secket.core.errors import RemoteProtocolError
from secket.core.link import Link, parse_fragment
from secket.core.roles import Role
from secket.core.sas import sas_from_transcript
from secket.core.sdp import dtls_fingerprint
from secket.core.session import Binding, Receiver, Sender, Session, commitment, transcript
from secket.core.signal import SignalCipher
from secket.core.wire import decode_signal, encode_signal
from secket.cpython import CPythonCrypto

from .attackers import take_over_ws

MODES = ("sessions", "relay", "borrow")
CHANNEL_LABEL = "secket"
_OTHER_FINGERPRINTS = re.compile(r"^a=fingerprint:(?!sha-256 ).*\r?\n", re.MULTILINE)
_SHA256 = re.compile(r"^a=fingerprint:sha-256 \S+", re.MULTILINE)


@contextlib.contextmanager
def loopback_ice() -> Iterator[None]:
    """aiortc gathers host candidates on 127.0.0.1 only (and asks no STUN server)."""
    with mock.patch("aioice.ice.get_host_addresses", return_value=["127.0.0.1"]):
        yield


def one_fingerprint(sdp: str) -> str:
    """aiortc lists sha-256, sha-384 and sha-512 fingerprints; keep only the sha-256 one."""
    return _OTHER_FINGERPRINTS.sub("", sdp)


def borrowed(own: str, genuine: str) -> str:
    """``own`` with its sha-256 fingerprint replaced by the one in ``genuine``."""
    value = dtls_fingerprint(genuine).decode().split(" ", 1)[1]
    return _SHA256.sub(f"a=fingerprint:sha-256 {value}", own)


def _json(message: dict[str, Any]) -> str:
    return json.dumps(message, separators=(",", ":"))


@dataclass(eq=False)
class Leg:
    """One page and the attacker's end of the connection to it."""

    page_role: Role
    ws: web.WebSocketResponse
    cipher: SignalCipher
    pc: RTCPeerConnection
    channel: RTCDataChannel | None = None
    local_sdp: str = ""
    remote_sdp: str = ""
    binding: Binding | None = None
    session: Session | None = None
    #: Session events on this leg, by class name, in order.
    events: list[str] = field(default_factory=list)
    #: Data-channel frames from the page, decoded.
    received: list[wire.Message] = field(default_factory=list)
    #: The SAS this leg's page shows (as ``data-sas``), once the attacker computed it.
    sas: str | None = None
    inbox: asyncio.Queue[bytes] = field(default_factory=asyncio.Queue)
    waiting: list[bytes] = field(default_factory=list)
    #: "borrow": the answer to this page, held until the other page's answer arrived.
    held_answer: str = ""

    @property
    def open(self) -> bool:
        return self.channel is not None and self.channel.readyState == "open"

    def send(self, frame: bytes) -> None:
        assert self.channel is not None
        self.channel.send(frame)


@dataclass(eq=False)
class Mitm:
    mode: str = "sessions"
    #: What the attacker seals to the receiver in "sessions" mode (else the stolen secret).
    forged: str | None = None
    link: Link | None = None
    legs: dict[Role, Leg] = field(default_factory=dict)
    #: The secret the sender sent, opened by the attacker ("sessions" mode).
    stolen: str | None = None
    #: What the attacker sealed to the receiver.
    sealed_to_receiver: str | None = None
    errors: list[str] = field(default_factory=list)
    _port: CPythonCrypto = field(default_factory=CPythonCrypto)
    #: The extra data channels the attacker opened (``second_channel``).
    extra_channels: list[RTCDataChannel] = field(default_factory=list)
    _joined: dict[str, web.WebSocketResponse] = field(default_factory=dict)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _loop: asyncio.AbstractEventLoop | None = None

    def __post_init__(self) -> None:
        assert self.mode in MODES, self.mode

    # Set-up --------------------------------------------------------------------------------
    def install(self, app: web.Application) -> None:
        take_over_ws(app, self.handle)
        app.on_shutdown.append(self._shutdown)

    def learn(self, link: str) -> None:
        """The attacker read the link on its way (SMS, mail, chat)."""
        self.link = parse_fragment(link)

    async def _shutdown(self, _app: web.Application) -> None:
        for task in list(self._tasks):
            task.cancel()
        for leg in self.legs.values():
            await leg.pc.close()
            await leg.ws.close()
        for ws in self._joined.values():
            await ws.close()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.errors.append(repr(task.exception()))

    # What the test reads -------------------------------------------------------------------
    def wait(self, what: Callable[[Mitm], object], timeout: float = 15.0) -> Any:
        """Poll (from the test's thread) until ``what(self)`` is truthy; return it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = what(self)
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"the attacker never got there; errors: {self.errors}")

    def leg(self, page_role: Role) -> Leg:
        return self.legs[page_role]

    # The signaling server ------------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.StreamResponse:
        self._loop = asyncio.get_running_loop()
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for frame in ws:
            if frame.type is not WSMsgType.TEXT:
                break
            try:
                await self._on_message(ws, json.loads(frame.data))
            except Exception as exc:
                self.errors.append(repr(exc))
                raise
        return ws

    async def _on_message(self, ws: web.WebSocketResponse, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "join":
            side = "creator" if message.get("create", True) else "opener"
            self._joined[side] = ws
            await ws.send_str(_json({"type": "joined", "peers": 1 if side == "creator" else 2}))
            if len(self._joined) == 2:
                await self._pair()
        elif kind == "signal":
            leg = next(leg for leg in self.legs.values() if leg.ws is ws)
            await self._on_signal(leg, str(message.get("payload")))

    async def _pair(self) -> None:
        assert self.link is not None, "the attacker must read the link before the pair joins"
        roles = {"opener": self.link.opener_role, "creator": self.link.creator_role}
        for side, ws in self._joined.items():
            page_role = roles[side]
            # Toward each page the attacker holds the other role, with the link's key.
            cipher = SignalCipher(self._port, self.link.signal_key, page_role.other)
            pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
            leg = self.legs[page_role] = Leg(page_role, ws, cipher, pc)
            pc.on("datachannel", lambda channel, leg=leg: self._adopt(leg, channel))
            self._spawn(self._pump(leg))
        for ws in self._joined.values():
            await ws.send_str(_json({"type": "paired", "ice_servers": []}))
        # The receiver's page makes the offer; toward the sender the attacker makes it
        # (when borrowing, once it has the receiver's offer and so its fingerprint).
        if self.mode != "borrow":
            await self._offer(self.legs[Role.SENDER])

    async def _signal(self, leg: Leg, kind: str, data: dict[str, Any]) -> None:
        token = await leg.cipher.seal(encode_signal(kind, data))
        await leg.ws.send_str(_json({"type": "signal", "payload": token}))

    async def _offer(self, leg: Leg) -> None:
        channel = leg.pc.createDataChannel(CHANNEL_LABEL, ordered=True)
        self._adopt(leg, channel)
        await leg.pc.setLocalDescription(await leg.pc.createOffer())
        leg.local_sdp = self._describe(leg, leg.pc.localDescription.sdp)
        await self._signal(leg, "offer", {"sdp": leg.local_sdp})

    def _describe(self, leg: Leg, sdp: str) -> str:
        """What the attacker seals toward ``leg``'s page."""
        if self.mode != "borrow":
            return one_fingerprint(sdp)
        return borrowed(sdp, self.legs[leg.page_role.other].remote_sdp)

    async def _on_signal(self, leg: Leg, payload: str) -> None:
        kind, data = decode_signal(await leg.cipher.open(payload))
        if kind == "offer":
            leg.remote_sdp = str(data["sdp"])
            await leg.pc.setRemoteDescription(RTCSessionDescription(leg.remote_sdp, "offer"))
            await leg.pc.setLocalDescription(await leg.pc.createAnswer())
            if self.mode == "borrow":
                # The sender's page has to answer first: its fingerprint is borrowed.
                leg.held_answer = leg.pc.localDescription.sdp
                await self._offer(self.legs[Role.SENDER])
                return
            leg.local_sdp = one_fingerprint(leg.pc.localDescription.sdp)
            await self._signal(leg, "answer", {"sdp": leg.local_sdp})
        elif kind == "answer":
            leg.remote_sdp = str(data["sdp"])
            await leg.pc.setRemoteDescription(RTCSessionDescription(leg.remote_sdp, "answer"))
            receiver_leg = self.legs[Role.RECEIVER]
            if receiver_leg.held_answer:
                receiver_leg.local_sdp = self._describe(receiver_leg, receiver_leg.held_answer)
                await self._signal(receiver_leg, "answer", {"sdp": receiver_leg.local_sdp})
        elif kind == "candidate":
            await self._add_candidate(leg, data.get("candidate"))

    async def _add_candidate(self, leg: Leg, candidate: dict[str, Any] | None) -> None:
        # Only loopback candidates: mDNS names would need multicast, other addresses
        # are not for tests to send to.
        text = str((candidate or {}).get("candidate") or "")
        if " 127." not in text:
            return
        parsed = candidate_from_sdp(text.split(":", 1)[1])
        parsed.sdpMid = candidate.get("sdpMid") if candidate else None
        parsed.sdpMLineIndex = candidate.get("sdpMLineIndex") if candidate else None
        await leg.pc.addIceCandidate(parsed)

    # A second try at the code -----------------------------------------------------------
    def second_channel(self, page_role: Role) -> None:
        """From the test's thread: open another data channel to that page and start the
        protocol over on it, hoping for a new code (a second guess)."""
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(
            self._second_channel(self.legs[page_role]), self._loop
        )
        future.result(timeout=10)

    async def _second_channel(self, leg: Leg) -> None:
        channel = leg.pc.createDataChannel(CHANNEL_LABEL, ordered=True)
        self.extra_channels.append(channel)

        async def opened() -> None:
            assert leg.binding is not None
            if leg.page_role is Role.SENDER:
                # Toward the sender the attacker is the receiver: a fresh commitment.
                channel.send(await Receiver(self._port, leg.binding).start())

        channel.on("open", lambda: self._spawn(opened()))

    # The data channels ---------------------------------------------------------------------
    def _adopt(self, leg: Leg, channel: RTCDataChannel) -> None:
        leg.channel = channel
        channel.on("message", lambda data: leg.inbox.put_nowait(bytes(data)))
        if channel.readyState == "open":
            self._spawn(self._opened(leg))
        else:
            channel.on("open", lambda: self._spawn(self._opened(leg)))

    async def _opened(self, leg: Leg) -> None:
        local, remote = dtls_fingerprint(leg.local_sdp), dtls_fingerprint(leg.remote_sdp)
        assert self.link is not None
        page_is_receiver = leg.page_role is Role.RECEIVER
        leg.binding = Binding(
            room=bytes.fromhex(self.link.room_id),
            fingerprint_r=remote if page_is_receiver else local,
            fingerprint_s=local if page_is_receiver else remote,
        )
        if self.mode != "sessions":
            self._flush()
        elif page_is_receiver:
            leg.session = Sender(self._port, leg.binding)
        else:
            receiver = Receiver(self._port, leg.binding)
            leg.session = receiver
            leg.send(await receiver.start())

    async def _pump(self, leg: Leg) -> None:
        while True:
            frame = await leg.inbox.get()
            with contextlib.suppress(RemoteProtocolError):
                leg.received.append(wire.decode(frame))
            if self.mode != "sessions":
                leg.waiting.append(frame)
                self._flush()
            else:
                await self._on_frame(leg, frame)

    def _flush(self) -> None:
        """Relay mode: pass on every frame once the leg it goes to is open."""
        for leg in self.legs.values():
            other = self.legs[leg.page_role.other]
            while leg.waiting and other.open:
                other.send(leg.waiting.pop(0))
        self._relay_sas()

    def _relay_sas(self) -> None:
        """What each page computes from the frames it exchanged through the relay."""
        seen = [m for leg in self.legs.values() for m in leg.received]
        commits = [m for m in seen if isinstance(m, wire.Commit)]
        nonces = [m for m in seen if isinstance(m, wire.Nonce)]
        reveals = [m for m in seen if isinstance(m, wire.Reveal)]
        if not (commits and nonces and reveals):
            return
        reveal = reveals[0]
        assert commitment(reveal.public_key, reveal.nonce) == commits[0].commitment
        for leg in self.legs.values():
            assert leg.binding is not None
            th = transcript(
                leg.binding, commits[0].commitment, reveal.public_key, reveal.nonce, nonces[0].nonce
            )
            leg.sas = sas_from_transcript(th).hex

    async def _on_frame(self, leg: Leg, frame: bytes) -> None:
        session = leg.session
        assert session is not None
        events, frames = await session.receive_data(frame)
        for out in frames:
            leg.send(out)
        for event in events:
            leg.events.append(type(event).__name__)
            await self._on_event(leg, session, event)

    async def _on_event(self, leg: Leg, session: Session, event: ev.Event) -> None:
        if isinstance(event, ev.SasReady):
            leg.sas = event.sas.hex
            # The attacker has no one to compare with: it says they match at once.
            _, frames = await session.confirm()
            for out in frames:
                leg.send(out)
            if isinstance(session, Sender) and self.forged is not None:
                await self._seal_to_receiver(self.forged)
        elif isinstance(event, ev.SecretOpened):
            self.stolen = event.text
            leg.send(event.receipt)
            if self.forged is None:
                await self._seal_to_receiver(event.text)

    async def _seal_to_receiver(self, text: str) -> None:
        session = self.legs[Role.RECEIVER].session
        assert isinstance(session, Sender)
        for frame in await session.seal_secret(text):
            self.legs[Role.RECEIVER].send(frame)
        self.sealed_to_receiver = text
