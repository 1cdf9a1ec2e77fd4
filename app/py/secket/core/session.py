"""The receiver/sender state machine of docs/protocol.md, "State machines".

No I/O: ``receive_data(frame)`` takes a data-channel frame and returns the events it
caused plus the frames to send back; the person's actions are method calls (``confirm``
returns events and frames like a frame does, the others one frame). Every move is a row of
its role's table in :mod:`secket.core.states`. The only awaits are on the crypto port (key
generation, HPKE), which in the browser is WebCrypto.

Order of messages (R = receiver, S = sender):
    M1 R->S Commit(c)   M2 S->R Nonce(nS)   M3 R->S Reveal(pkR, nR)
    both compute th and the SAS; each person presses "They match" (Verdict)
    M4 S->R Secret (only once S confirmed; R's session opens it once R confirmed too)
    R->S Receipt
"""

from __future__ import annotations

import hmac
from typing import ClassVar

from . import PROTOCOL_VERSION, hpke, states, wire
from .errors import CommitMismatchError, LocalProtocolError, RemoteProtocolError
from .events import (
    PeerClosed,
    PeerConfirmed,
    PeerRejected,
    ProtocolFailed,
    SasReady,
    SecretArrived,
    SecretDelivered,
    SecretOpened,
    Step,
)
from .kdf import lp, sha256
from .port import CryptoPort, PrivateKey
from .records import Record
from .roles import Role
from .sas import Sas, sas_from_transcript
from .secret import PAD_BUCKETS, pad, unpad
from .secret_text import encode_secret
from .states import ENDED, State, Table, Trigger

SUITE = hpke.SUITE_ID
#: Every length M4 (``u32(seq) || enc || ciphertext``) can have: one per bucket.
SECRET_LENGTHS = frozenset(wire.SECRET_PREFIX + bucket + wire.TAG_LEN for bucket in PAD_BUCKETS)
#: A frame as the session's table sees it: R puts the Secret frames' parts together first.
Incoming = wire.Message | wire.Secret


def commitment(public_key: bytes, nonce: bytes) -> bytes:
    return sha256(lp(b"secket/1 commit", public_key, nonce))


class Binding(Record):
    """What the transcript binds besides the exchanged values: room and DTLS certificates."""

    room: bytes
    fingerprint_r: bytes
    fingerprint_s: bytes


def transcript(binding: Binding, commit: bytes, public_key: bytes, n_r: bytes, n_s: bytes) -> bytes:
    return sha256(
        lp(
            b"secket/1 transcript",
            bytes([PROTOCOL_VERSION]),
            SUITE,
            binding.room,
            binding.fingerprint_r,
            binding.fingerprint_s,
            commit,
            public_key,
            n_r,
            n_s,
        )
    )


def hpke_info(th: bytes) -> bytes:
    return lp(b"secket/1 hpke", th)


def hpke_aad(seq: int) -> bytes:
    return lp(b"secket/1 msg", seq.to_bytes(8, "big"))


_TRIGGERS: dict[type[Incoming], Trigger] = {
    wire.Commit: Trigger.COMMIT,
    wire.Nonce: Trigger.NONCE,
    wire.Reveal: Trigger.REVEAL,
    wire.Secret: Trigger.SECRET,
    wire.SecretPart: Trigger.SECRET,
    wire.Receipt: Trigger.RECEIPT,
    wire.Bye: Trigger.BYE,
}


def _trigger(message: Incoming) -> Trigger:
    if isinstance(message, wire.Verdict):
        return Trigger.MATCH if message.match else Trigger.NO_MATCH
    return _TRIGGERS[type(message)]


class Session:
    """Shared bookkeeping of both roles; use ``Receiver`` or ``Sender``."""

    role: ClassVar[Role]
    TRANSITIONS: ClassVar[Table]

    def __init__(self, port: CryptoPort, binding: Binding, state: State) -> None:
        self.port = port
        self.binding = binding
        self.state = state
        self.sas: Sas | None = None
        self.peer_confirmed = False
        #: The secret went out (S) or was opened (R); stays true after the session ends.
        self.transferred = False
        self._th: bytes | None = None

    def allows(self, trigger: Trigger) -> bool:
        return (self.state, trigger) in self.TRANSITIONS

    def _next(self, trigger: Trigger, *, remote: bool = False) -> State:
        after = self.TRANSITIONS.get((self.state, trigger))
        if after is not None:
            return after
        if remote:
            raise RemoteProtocolError(f"The other side sent {trigger.value} out of order.")
        raise LocalProtocolError(f"{trigger.value} is not allowed in {self.state.name}.")

    async def receive_data(self, frame: bytes) -> Step:
        """Feed one frame from the data channel; returns (events, frames to send)."""
        if self.state in ENDED:
            return [], []
        try:
            message = self._assemble(wire.decode(frame))
            if message is None:
                return [], []  # a part of the secret; the rest is on its way
            after = self._next(_trigger(message), remote=True)
            events, frames = self._accept(message)
            more, opened = await self._enter(after)
        except RemoteProtocolError as exc:
            return self._fail(exc)
        return events + more, frames + opened

    def _fail(self, error: RemoteProtocolError) -> Step:
        self.state = State.ERROR
        return [ProtocolFailed(error)], [wire.encode(wire.Bye(error.code))]

    def _assemble(self, message: wire.Message) -> Incoming | None:
        """The frame as a whole message (the Receiver puts the secret's parts together)."""
        return message

    def _accept(self, message: Incoming) -> Step:
        """The bookkeeping of a frame its role's table allows."""
        match message:
            case wire.Bye(reason=reason):
                return [PeerClosed(reason)], []
            case wire.Verdict(match=False):
                return [PeerRejected()], []
            case wire.Verdict():
                if self.peer_confirmed:
                    raise RemoteProtocolError("The other side confirmed twice.")
                self.peer_confirmed = True
                return [PeerConfirmed()], []
        return self._accept_role(message)

    def _accept_role(self, message: Incoming) -> Step:
        raise RemoteProtocolError(f"The other side sent {_trigger(message).value} out of order.")

    async def _enter(self, after: State) -> Step:
        """Move to ``after``; the Receiver opens the secret on its way to TRANSFERRED."""
        self.state = after
        return [], []

    def _set_transcript(self, commit: bytes, public_key: bytes, n_r: bytes, n_s: bytes) -> SasReady:
        self._th = transcript(self.binding, commit, public_key, n_r, n_s)
        self.sas = sas_from_transcript(self._th)
        return SasReady(self.sas)

    async def confirm(self) -> Step:
        """This person pressed "They match"."""
        after = self._next(Trigger.CONFIRM)
        verdict = wire.encode(wire.Verdict(True))
        try:
            events, frames = await self._enter(after)
        except RemoteProtocolError as exc:
            events, frames = self._fail(exc)
        return events, [verdict, *frames]

    def reject(self) -> bytes:
        """This person pressed "They don't match": the session ends for good."""
        self.state = self._next(Trigger.REJECT)
        return wire.encode(wire.Verdict(False))

    def close(self, reason: str = "done") -> bytes:
        """Leave the session; returns the goodbye frame for the peer."""
        self.state = self._next(Trigger.CLOSE)
        return wire.encode(wire.Bye(reason))


class Receiver(Session):
    """R: owns the X25519 key pair and receives the secret."""

    role = Role.RECEIVER
    TRANSITIONS = states.RECEIVER

    def __init__(self, port: CryptoPort, binding: Binding) -> None:
        super().__init__(port, binding, State.IDLE)
        self._private_key: PrivateKey | None = None
        self._public_key = b""
        self._n_r = b""
        self._commit = b""
        self._parts = wire.SecretParts(SECRET_LENGTHS)
        self._sealed: wire.Secret | None = None

    async def start(self) -> bytes:
        """Make the key pair (private key non-extractable in WebCrypto) and return M1."""
        after = self._next(Trigger.START)
        self._private_key, self._public_key = await self.port.x25519_generate()
        self._n_r = self.port.random_bytes(wire.NONCE_LEN)
        self._commit = commitment(self._public_key, self._n_r)
        self.state = after
        return wire.encode(wire.Commit(self._commit))

    @property
    def sealed_unopened(self) -> bool:
        """A sealed secret arrived and was never opened (and never will be, once ended)."""
        return self._sealed is not None

    def _assemble(self, message: wire.Message) -> Incoming | None:
        """The secret comes as parts, one after another, nothing but a goodbye between them;
        a part is taken only where the whole secret would be."""
        if isinstance(message, wire.SecretPart):
            if not self.allows(Trigger.SECRET):
                raise RemoteProtocolError("The other side sent Secret out of order.")
            return self._parts.add(message)
        if self._parts.in_progress and not isinstance(message, wire.Bye):
            raise RemoteProtocolError("The other side interrupted the secret it was sending.")
        return message

    def _accept_role(self, message: Incoming) -> Step:
        match message:
            case wire.Nonce(nonce=n_s):
                reveal = wire.encode(wire.Reveal(self._public_key, self._n_r))
                return [self._set_transcript(self._commit, self._public_key, self._n_r, n_s)], [
                    reveal
                ]
            case wire.Secret():
                self._sealed = message
                return ([SecretArrived()] if self.state is State.COMPARING else []), []
        return super()._accept_role(message)

    async def _enter(self, after: State) -> Step:
        if after is State.TRANSFERRED and self.state is not after:
            return await self._open()
        return await super()._enter(after)

    async def _open(self) -> Step:
        """Open the one sealed secret and drop the key, whatever happens: R opens exactly
        one ciphertext per session. Both people have confirmed when this runs."""
        sealed, key, th = self._sealed, self._private_key, self._th
        assert sealed is not None
        assert key is not None
        assert th is not None
        self._sealed, self._private_key = None, None
        padded = await hpke.open_base(
            self.port,
            sealed.enc,
            key,
            self._public_key,
            hpke_info(th),
            hpke_aad(sealed.seq),
            sealed.ciphertext,
        )
        try:
            text = unpad(padded).decode("utf-8")
        except UnicodeDecodeError:
            raise RemoteProtocolError("The secret arrived as broken text.") from None
        self.state, self.transferred = State.TRANSFERRED, True
        return [SecretOpened(text, wire.encode(wire.Receipt()))], []


class Sender(Session):
    """S: draws the nonce after R committed, checks the reveal, seals the secret."""

    role = Role.SENDER
    TRANSITIONS = states.SENDER

    def __init__(self, port: CryptoPort, binding: Binding) -> None:
        super().__init__(port, binding, State.WAIT_COMMIT)
        self._commit = b""
        self._n_s = b""
        self._public_key = b""

    def _accept_role(self, message: Incoming) -> Step:
        match message:
            case wire.Commit(commitment=commit):
                self._commit = commit
                # Drawn only now, after the commitment arrived: R cannot adapt its key to nS.
                self._n_s = self.port.random_bytes(wire.NONCE_LEN)
                return [], [wire.encode(wire.Nonce(self._n_s))]
            case wire.Reveal(public_key=public_key, nonce=n_r):
                if not hmac.compare_digest(commitment(public_key, n_r), self._commit):
                    raise CommitMismatchError()
                self._public_key = public_key
                return [self._set_transcript(self._commit, public_key, n_r, self._n_s)], []
            case wire.Receipt():
                return [SecretDelivered()], []
        return super()._accept_role(message)

    async def seal_secret(self, text: str) -> list[bytes]:
        """Seal the secret to R's key with HPKE; allowed only once this person confirmed.

        Returns the Secret frames to send, in order and all at once (at most five).
        """
        after = self._next(Trigger.SEAL)
        assert self._th is not None
        padded = pad(encode_secret(text))
        seq = 0
        enc, ciphertext = await hpke.seal_base(
            self.port, self._public_key, hpke_info(self._th), hpke_aad(seq), padded
        )
        self.state, self.transferred = after, True
        return wire.encode_secret(wire.Secret(seq, enc, ciphertext))
