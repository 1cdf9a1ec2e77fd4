"""Sealing of signaling payloads under the link's ``sig_key`` (docs/protocol.md, "Sealed
signaling payloads").

Each payload is AES-GCM with a random 96-bit nonce; the AAD is the sender's role and a
per-direction counter. The counter is implicit: the receiving side expects 0, 1, 2, ... in
the order the server relays them, so a dropped, replayed, reordered or injected payload
fails to open. A server without the link cannot produce anything that opens.
"""

from __future__ import annotations

import base64

from .errors import DecryptError, SignalingTamperedError
from .port import CryptoPort
from .roles import Role

NONCE_LEN = 12
#: Largest sealed payload we accept: SDP with many candidates stays far below this.
MAX_TOKEN_CHARS = 12_000


def _aad(role: Role, counter: int) -> bytes:
    return b"secket/1 signal " + role.wire + counter.to_bytes(8, "big")


class SignalCipher:
    def __init__(self, port: CryptoPort, key: bytes, role: Role) -> None:
        self._port = port
        self._key = key
        self._role = role
        self._sent = 0
        self._received = 0

    async def seal(self, plaintext: bytes) -> str:
        nonce = self._port.random_bytes(NONCE_LEN)
        sealed = await self._port.aes_gcm_seal(
            self._key, nonce, _aad(self._role, self._sent), plaintext
        )
        self._sent += 1
        return base64.urlsafe_b64encode(nonce + sealed).rstrip(b"=").decode()

    async def open(self, token: object) -> bytes:
        """Open the next payload from the peer, or raise ``SignalingTamperedError``."""
        if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
            raise SignalingTamperedError()
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except ValueError:
            raise SignalingTamperedError() from None
        if len(raw) < NONCE_LEN + 16:
            raise SignalingTamperedError()
        try:
            plaintext = await self._port.aes_gcm_open(
                self._key, raw[:NONCE_LEN], _aad(self._role.other, self._received), raw[NONCE_LEN:]
            )
        except DecryptError:
            raise SignalingTamperedError() from None
        self._received += 1
        return plaintext
