"""The receiver/sender state machine of PROTOCOL.md, "Over the data channel".

No I/O: ``receive_data(frame)`` takes a data-channel frame and returns the events it
caused plus the frames to send back; the methods for what the person does (confirm,
reject, send, done) return frames to send. The only awaits are on the crypto port (key
generation, HPKE), which in the browser is WebCrypto.

Order of messages (R = receiver, S = sender):
    M1 R->S Commit(c)   M2 S->R Nonce(nS)   M3 R->S Reveal(pkR, nR)
    both compute th and the SAS; each person presses "They match" (Verdict)
    M4 S->R Secret (only once S confirmed; R opens it only once R confirmed)
    R->S Receipt
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from enum import Enum

from . import PROTOCOL_VERSION, hpke, wire
from .errors import (
    CommitMismatchError,
    LocalProtocolError,
    RemoteProtocolError,
    SecketError,
    SecretTooLargeError,
)
from .events import (
    Event,
    PeerClosed,
    PeerConfirmed,
    PeerRejected,
    ProtocolFailed,
    SasReady,
    SecretArrived,
    SecretDelivered,
)
from .kdf import lp, sha256
from .port import CryptoPort, PrivateKey
from .roles import Role
from .sas import Sas, sas_from_transcript

SUITE = hpke.SUITE_ID
#: The largest secret, in UTF-8 bytes (the issue: "text, up to 64 KiB, any Unicode").
MAX_SECRET_BYTES = 64 * 1024
#: Padded plaintext sizes: a ciphertext tells only which bucket the secret fell in.
PAD_BUCKETS = (256, 1024, 4096, 16384, MAX_SECRET_BYTES + 1)
#: Every length M4 (``u32(seq) || enc || ciphertext``) can have: one per bucket.
SECRET_LENGTHS = frozenset(wire.SECRET_PREFIX + bucket + wire.TAG_LEN for bucket in PAD_BUCKETS)


class State(Enum):
    #: S: waiting for R's commitment (M1).
    WAIT_COMMIT = "wait-commit"
    #: R: commitment sent, waiting for S's nonce (M2).
    WAIT_NONCE = "wait-nonce"
    #: S: nonce sent, waiting for R's reveal (M3).
    WAIT_REVEAL = "wait-reveal"
    #: Both: the SAS is on screen; this person has not yet said whether it matches.
    COMPARING = "comparing"
    #: Both: this person pressed "They match".
    CONFIRMED = "confirmed"
    #: S: the sealed secret went out. R: the secret was opened and shown.
    TRANSFERRED = "transferred"
    #: Someone pressed "They don't match". No retry: a new link is needed.
    MISMATCH = "mismatch"
    #: Done, or the peer left.
    CLOSED = "closed"
    #: The peer broke the protocol.
    ERROR = "error"


def pad(plaintext: bytes) -> bytes:
    """ISO/IEC 7816-4 padding (0x80 then zeros) up to the smallest bucket that fits."""
    if len(plaintext) > MAX_SECRET_BYTES:
        raise SecretTooLargeError()
    size = next(b for b in PAD_BUCKETS if b > len(plaintext))
    return plaintext + b"\x80" + bytes(size - len(plaintext) - 1)


def unpad(padded: bytes) -> bytes:
    stripped = padded.rstrip(b"\x00")
    if len(padded) not in PAD_BUCKETS or not stripped.endswith(b"\x80"):
        raise RemoteProtocolError("The secret arrived with broken padding.")
    return stripped[:-1]


def commitment(public_key: bytes, nonce: bytes) -> bytes:
    return sha256(lp(b"secket/1 commit", public_key, nonce))


@dataclass(frozen=True)
class Binding:
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


class Session:
    """Shared bookkeeping of both roles; use ``Receiver`` or ``Sender``."""

    def __init__(self, port: CryptoPort, binding: Binding, role: Role, state: State) -> None:
        self.port = port
        self.binding = binding
        self.role = role
        self.state = state
        self.sas: Sas | None = None
        self.peer_confirmed = False
        #: The secret went out (S) or was opened (R); stays true after the peer says goodbye.
        self.transferred = False
        self.error: SecketError | None = None
        self._th: bytes | None = None

    def receive_data(self, frame: bytes) -> tuple[list[Event], list[bytes]]:
        """Feed one frame from the data channel; returns (events, frames to send)."""
        if self.state in (State.CLOSED, State.MISMATCH, State.ERROR):
            return [], []
        try:
            message = wire.decode(frame)
            return self._handle(message)
        except RemoteProtocolError as exc:
            self.state, self.error = State.ERROR, exc
            return [ProtocolFailed(exc)], [wire.encode(wire.Bye(exc.code))]

    def _handle(self, message: wire.Message) -> tuple[list[Event], list[bytes]]:
        if isinstance(message, wire.Bye):
            self.state = State.CLOSED
            return [PeerClosed(message.reason)], []
        if isinstance(message, wire.Verdict) and self.sas is not None:
            if not message.match:
                self.state = State.MISMATCH
                return [PeerRejected()], []
            if self.peer_confirmed:
                raise RemoteProtocolError("The other side confirmed twice.")
            self.peer_confirmed = True
            return [PeerConfirmed()], []
        return self._handle_role(message)

    def _handle_role(self, message: wire.Message) -> tuple[list[Event], list[bytes]]:
        # Each role accepts its own messages and defers the rest here.
        raise self._unexpected(message)

    def _unexpected(self, message: wire.Message) -> RemoteProtocolError:
        name = type(message).__name__.lower()
        return RemoteProtocolError(f"The other side sent a {name} message out of order.")

    def _set_transcript(self, commit: bytes, public_key: bytes, n_r: bytes, n_s: bytes) -> Event:
        self._th = transcript(self.binding, commit, public_key, n_r, n_s)
        self.sas = sas_from_transcript(self._th)
        self.state = State.COMPARING
        return SasReady(self.sas)

    def confirm(self) -> bytes:
        """This person pressed "They match"."""
        if self.state is not State.COMPARING:
            raise LocalProtocolError("There is nothing to confirm now.")
        self.state = State.CONFIRMED
        return wire.encode(wire.Verdict(True))

    #: When "They don't match" still means something (the Sender adds TRANSFERRED).
    REJECTABLE: tuple[State, ...] = (State.COMPARING, State.CONFIRMED)

    @property
    def can_reject(self) -> bool:
        return self.state in self.REJECTABLE

    def reject(self) -> bytes:
        """This person pressed "They don't match": the session ends for good."""
        if not self.can_reject:
            raise LocalProtocolError("There is nothing to reject now.")
        self.state = State.MISMATCH
        return wire.encode(wire.Verdict(False))

    def close(self, reason: str = "done") -> bytes:
        """Leave the session; returns the goodbye frame for the peer."""
        self.state = State.CLOSED
        return wire.encode(wire.Bye(reason))


class Receiver(Session):
    """R: owns the X25519 key pair and receives the secret."""

    def __init__(self, port: CryptoPort, binding: Binding) -> None:
        super().__init__(port, binding, Role.RECEIVER, State.WAIT_NONCE)
        self._private_key: PrivateKey | None = None
        self._public_key = b""
        self._n_r = b""
        self._commit = b""
        self._parts = wire.SecretParts(SECRET_LENGTHS)
        self._sealed: wire.Secret | None = None

    async def start(self) -> bytes:
        """Make the key pair (private key non-extractable in WebCrypto) and return M1."""
        if self._private_key is not None:
            raise LocalProtocolError("The session has already started.")
        self._private_key, self._public_key = await self.port.x25519_generate()
        self._n_r = self.port.random_bytes(wire.NONCE_LEN)
        self._commit = commitment(self._public_key, self._n_r)
        return wire.encode(wire.Commit(self._commit))

    @property
    def secret_waiting(self) -> bool:
        """A sealed secret is here and will be opened once this person confirms."""
        return self._sealed is not None

    def _handle(self, message: wire.Message) -> tuple[list[Event], list[bytes]]:
        # The parts of the secret come one after another: nothing but a goodbye between them.
        if self._parts.in_progress and not isinstance(message, wire.SecretPart | wire.Bye):
            raise RemoteProtocolError("The other side interrupted the secret it was sending.")
        return super()._handle(message)

    def _handle_role(self, message: wire.Message) -> tuple[list[Event], list[bytes]]:
        if isinstance(message, wire.Nonce) and self.state is State.WAIT_NONCE and self._commit:
            reveal = wire.encode(wire.Reveal(self._public_key, self._n_r))
            event = self._set_transcript(self._commit, self._public_key, self._n_r, message.nonce)
            return [event], [reveal]
        if (
            isinstance(message, wire.SecretPart)
            and self.state in (State.COMPARING, State.CONFIRMED)
            and self._sealed is None
            and self._private_key is not None
        ):
            self._sealed = self._parts.add(message)
            return ([SecretArrived()] if self._sealed is not None else []), []
        raise self._unexpected(message)

    async def open_secret(self) -> tuple[str, bytes]:
        """Open the one sealed secret (only after this person confirmed) and drop the key.

        Returns the secret and the receipt frame for S. Whatever happens, the private key
        is gone afterwards: R opens exactly one ciphertext per session.
        """
        sealed, key = self._sealed, self._private_key
        if self.state is not State.CONFIRMED or sealed is None or key is None:
            raise LocalProtocolError("There is no confirmed secret to open.")
        self._sealed, self._private_key = None, None
        assert self._th is not None
        try:
            padded = await hpke.open_base(
                self.port,
                sealed.enc,
                key,
                self._public_key,
                hpke_info(self._th),
                hpke_aad(sealed.seq),
                sealed.ciphertext,
            )
            text = unpad(padded).decode("utf-8")
        except (RemoteProtocolError, UnicodeDecodeError) as exc:
            error = exc if isinstance(exc, SecketError) else RemoteProtocolError()
            self.state, self.error = State.ERROR, error
            raise error from None
        self.state, self.transferred = State.TRANSFERRED, True
        return text, wire.encode(wire.Receipt())


class Sender(Session):
    """S: draws the nonce after R committed, checks the reveal, seals the secret."""

    #: After Send, until R's receipt: R opens the secret only once R confirmed too, so a
    #: late "no" from S still reaches a receiver who has not opened it, and R drops it.
    REJECTABLE = (State.COMPARING, State.CONFIRMED, State.TRANSFERRED)

    def __init__(self, port: CryptoPort, binding: Binding) -> None:
        super().__init__(port, binding, Role.SENDER, State.WAIT_COMMIT)
        self._commit = b""
        self._n_s = b""
        self._public_key = b""

    def _handle_role(self, message: wire.Message) -> tuple[list[Event], list[bytes]]:
        if isinstance(message, wire.Commit) and self.state is State.WAIT_COMMIT:
            self._commit = message.commitment
            # Drawn only now, after the commitment arrived: R cannot adapt its key to nS.
            self._n_s = self.port.random_bytes(wire.NONCE_LEN)
            self.state = State.WAIT_REVEAL
            return [], [wire.encode(wire.Nonce(self._n_s))]
        if isinstance(message, wire.Reveal) and self.state is State.WAIT_REVEAL:
            if not hmac.compare_digest(commitment(message.public_key, message.nonce), self._commit):
                raise CommitMismatchError()
            self._public_key = message.public_key
            event = self._set_transcript(self._commit, message.public_key, message.nonce, self._n_s)
            return [event], []
        if isinstance(message, wire.Receipt) and self.state is State.TRANSFERRED:
            return [SecretDelivered()], []
        raise self._unexpected(message)

    async def seal_secret(self, text: str) -> list[bytes]:
        """Seal the secret to R's key with HPKE; allowed only once this person confirmed.

        Returns the Secret frames to send, in order and all at once (at most five).
        """
        if self.state is not State.CONFIRMED or self._th is None:
            raise LocalProtocolError("Confirm that the codes match before sending.")
        padded = pad(text.encode("utf-8"))
        seq = 0
        enc, ciphertext = await hpke.seal_base(
            self.port, self._public_key, hpke_info(self._th), hpke_aad(seq), padded
        )
        self.state, self.transferred = State.TRANSFERRED, True
        return wire.encode_secret(wire.Secret(seq, enc, ciphertext))
