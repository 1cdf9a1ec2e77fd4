"""The way to the other browser: the signaling socket, the sealed signaling and WebRTC.

``Connection`` knows nothing of the person on the page: the flow (``flow.py``) asks it to
join, offer, answer and send frames, as the page's state machine says, and it posts what
happens onto the flow's queue.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import js
from pyodide.ffi import JsException

from ..core.errors import NoPathError, ServerProtocolError
from ..core.link import Link
from ..core.negotiation import Negotiation, RemoteCandidate, RemoteDescription
from ..core.port import CryptoPort
from ..core.roles import Role
from ..core.signal import SignalCipher
from ..core.wire import encode_signal
from ..page import inputs as put
from .rtc import PeerLink
from .signaling import Signaling


class Gate:
    """Passes inputs on until closed: a connection being shut down must not reach the flow."""

    def __init__(self, post: put.Post) -> None:
        self._post = post
        self.open = True

    def __call__(self, item: put.Input) -> None:
        if self.open:
            self._post(item)


class Connection:
    def __init__(
        self, port: CryptoPort, link: Link, role: Role, signal_url: str, post: put.Post
    ) -> None:
        self._room_id = link.room_id
        self._post = Gate(post)
        self._cipher = SignalCipher(port, link.signal_key, role)
        #: The SDP texts as sealed and opened (the transcript binds those, not the browser's
        #: rewritten copies), and what to do with each payload.
        self._negotiation = Negotiation(role, bytes.fromhex(link.room_id))
        self._signaling = Signaling(signal_url, self._post)
        self.peer: PeerLink | None = None

    async def join(self, create: bool) -> None:
        """Open the socket and join the room; ``create`` only for the link's creator."""
        await self._signaling.connect()
        self._signaling.send({"type": "join", "room": self._room_id, "create": create})

    def pair(self, ice_servers: Sequence[Mapping[str, Any]], relay_only: bool) -> None:
        """Both people are in the room: make the peer connection as the server says."""
        if self.peer is not None:
            raise ServerProtocolError("The server paired this page twice.")
        self.peer = PeerLink(ice_servers, relay_only, self._post, self._negotiation)

    async def offer(self, stream: Any) -> None:
        """R: send its video, open the data channel and make the offer."""
        assert self.peer is not None
        self.peer.add_stream(stream)
        self.peer.open_channel()
        sdp = await self.peer.offer()
        self._negotiation.sealed(sdp)
        await self._signal("offer", {"sdp": sdp})

    async def receive_signal(self, payload: object) -> None:
        """A sealed payload from the other peer: it opens, or the session stops. Once the
        session runs, payloads are not even opened: nothing may renegotiate under it."""
        if self.peer is None:
            raise ServerProtocolError("The server relayed connection data before pairing.")
        if self._negotiation.started:
            return
        remote = self._negotiation.receive(await self._cipher.open(payload))
        try:
            if isinstance(remote, RemoteDescription) and remote.kind == "offer":
                sdp = await self.peer.answer(remote.sdp)
                self._negotiation.sealed(sdp)
                await self._signal("answer", {"sdp": sdp})
            elif isinstance(remote, RemoteDescription):
                await self.peer.accept_answer(remote.sdp)
            elif isinstance(remote, RemoteCandidate):
                await self.peer.add_candidate(remote.candidate)
        except JsException as exc:
            raise NoPathError(f"The offer could not be used: {exc}", reason="bad-offer") from None

    async def send_candidate(self, candidate: Mapping[str, Any] | None) -> None:
        await self._signal("candidate", {"candidate": candidate})

    async def _signal(self, kind: str, data: dict[str, Any]) -> None:
        token = await self._cipher.seal(encode_signal(kind, data))
        self._signaling.send({"type": "signal", "payload": token})

    def send_frame(self, frame: bytes) -> None:
        if self.peer is not None:
            self.peer.send(frame)

    async def close_when_sent(self) -> None:
        """Close once the last frames left: a goodbye or a "they don't match" must arrive
        before the other side sees the connection drop. Nothing is reported meanwhile."""
        self._post.open = False
        if self.peer is not None:
            await self.peer.drained()
        self.close()

    async def path(self) -> str:
        return await self.peer.path() if self.peer is not None else "unknown"

    def close(self) -> None:
        self._post.open = False
        self._signaling.close()
        if self.peer is not None:
            self.peer.close()
            self.peer = None


async def load_config() -> str:
    """The signaling URL: from /config.json if the bundle names one, else this origin's /ws."""
    try:
        response = await js.fetch("/config.json", js.Object.fromEntries([["cache", "no-store"]]))
        config = json.loads(str(await response.text())) if response.ok else {}
    except (JsException, ValueError):
        config = {}
    url = config.get("signal_url") if isinstance(config, dict) else None
    if isinstance(url, str) and url.startswith(("ws://", "wss://")):
        return url
    scheme = "wss" if str(js.location.protocol) == "https:" else "ws"
    return f"{scheme}://{js.location.host}/ws"
