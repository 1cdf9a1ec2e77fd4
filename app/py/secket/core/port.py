"""The crypto port: what the core needs that the standard library lacks.

The browser implements it with WebCrypto (:mod:`secket.browser.webcrypto`), CPython with
the ``cryptography`` package (:mod:`secket.cpython`). Hashing, HMAC and HKDF are plain
``hashlib``/``hmac`` and live in :mod:`secket.core.kdf`, identical on both.
"""

from __future__ import annotations

from typing import Any, Protocol

#: An X25519 private key as the port holds it. In the browser it is a non-extractable
#: ``CryptoKey``: the core never sees private key bytes.
PrivateKey = Any


class CryptoPort(Protocol):
    def random_bytes(self, n: int) -> bytes:
        """``n`` bytes from a cryptographically secure generator."""

    async def x25519_generate(self) -> tuple[PrivateKey, bytes]:
        """A fresh key pair: an opaque private key and the 32-byte raw public key."""

    async def x25519_derive(self, private_key: PrivateKey, peer_public: bytes) -> bytes:
        """The 32-byte X25519 shared secret. Raises ``DecryptError`` for a low-order peer key."""

    async def aes_gcm_seal(self, key: bytes, nonce: bytes, aad: bytes, plaintext: bytes) -> bytes:
        """AES-GCM (128 or 256 by key length), 12-byte nonce; returns ciphertext || 16-byte tag."""

    async def aes_gcm_open(self, key: bytes, nonce: bytes, aad: bytes, ciphertext: bytes) -> bytes:
        """The inverse of ``aes_gcm_seal``; raises ``DecryptError`` if authentication fails."""
