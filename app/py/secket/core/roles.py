"""The two parties of docs/protocol.md: R receives the secret and owns the key pair, S sends it."""

from __future__ import annotations

from enum import Enum


class Role(Enum):
    #: R: makes the X25519 key pair, commits to it, receives the secret.
    RECEIVER = "r"
    #: S: draws the nonce, confirms the SAS, seals and sends the secret.
    SENDER = "s"

    @property
    def other(self) -> Role:
        return Role.SENDER if self is Role.RECEIVER else Role.RECEIVER

    @property
    def wire(self) -> bytes:
        """One byte naming the role, used in AADs: b"r" or b"s"."""
        return self.value.encode()
