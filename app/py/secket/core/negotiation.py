"""What a peer does with each opened signaling payload, before and after the session.

Sans-I/O like the session: :meth:`Negotiation.receive` takes an opened payload and says
what to hand to the WebRTC stack (:class:`RemoteDescription`, :class:`RemoteCandidate`),
or None when the payload is to be ignored. It also keeps the SDP texts the transcript
binds: this side's description as it was sealed, the other side's as it was opened.

The rules (docs/protocol.md, "Sealed signaling payloads"):

- S acts on one offer and R on one answer, the first; every other offer or answer is
  ignored, so nobody can renegotiate the connection under a running session.
- A candidate before the description it belongs to is a protocol error (each side seals
  its description first); after end-of-candidates (``null``) candidates are ignored.
- Once the data channel is open and the session started (:meth:`start_session`), every
  payload is ignored: the connection is fixed.
"""

from __future__ import annotations

from typing import Any

from .errors import LocalProtocolError, RemoteProtocolError
from .records import Record
from .roles import Role
from .sdp import dtls_fingerprint, for_transport
from .session import Binding
from .wire import decode_signal


class RemoteDescription(Record):
    """Hand this description to the WebRTC stack; S answers an offer."""

    kind: str  #: "offer" (to S) or "answer" (to R)
    sdp: str  #: with only the fingerprint lines the transcript binds (``sdp.for_transport``)


class RemoteCandidate(Record):
    """Add this ICE candidate; None is end-of-candidates."""

    candidate: dict[str, Any] | None


Remote = RemoteDescription | RemoteCandidate


class Negotiation:
    def __init__(self, role: Role, room: bytes) -> None:
        self.role = role
        self.room = room
        #: This side's description, as sealed; the other side's, as opened.
        self.local_sdp = ""
        self.remote_sdp = ""
        self.started = False
        self._candidates_ended = False

    @property
    def _remote_kind(self) -> str:
        return "answer" if self.role is Role.RECEIVER else "offer"

    def sealed(self, sdp: str) -> None:
        """This side sealed its description (R its offer, S its answer)."""
        if self.local_sdp:
            raise LocalProtocolError("This side already sent its connection offer.")
        dtls_fingerprint(sdp)  # our own stack must give one we can bind
        self.local_sdp = sdp

    def receive(self, plaintext: bytes) -> Remote | None:
        """An opened payload from the other side: what to do with it, or None to ignore it."""
        if self.started:
            return None
        kind, data = decode_signal(plaintext)
        if kind == "candidate":
            return self._candidate(data.get("candidate"))
        if kind != self._remote_kind or self.remote_sdp:
            return None
        if self.role is Role.RECEIVER and not self.local_sdp:
            return None  # an answer to an offer R has not made
        sdp = data.get("sdp")
        if not isinstance(sdp, str):
            raise RemoteProtocolError("The other side sent a connection offer without SDP.")
        transport = for_transport(sdp)
        self.remote_sdp = sdp
        return RemoteDescription(kind, transport)

    def _candidate(self, candidate: object) -> RemoteCandidate | None:
        if not self.remote_sdp:
            raise RemoteProtocolError("The other side sent a network address out of order.")
        if self._candidates_ended:
            return None
        if candidate is None:
            self._candidates_ended = True
            return RemoteCandidate(None)
        if not isinstance(candidate, dict) or not isinstance(candidate.get("candidate"), str):
            raise RemoteProtocolError("The other side sent a malformed network address.")
        return RemoteCandidate(dict(candidate))

    def start_session(self) -> Binding:
        """The data channel opened: signaling is over; what the transcript binds."""
        if not (self.local_sdp and self.remote_sdp):
            raise RemoteProtocolError("The connection opened before it was negotiated.")
        self.started = True
        local, remote = dtls_fingerprint(self.local_sdp), dtls_fingerprint(self.remote_sdp)
        receiver = self.role is Role.RECEIVER
        return Binding(
            room=self.room,
            fingerprint_r=local if receiver else remote,
            fingerprint_s=remote if receiver else local,
        )
