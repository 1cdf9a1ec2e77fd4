"""The crypto port under CPython, over the ``cryptography`` package.

Used by the tests (and by anything else that runs the core outside a browser). It lives
outside :mod:`secket.core` because Pyodide has no ``cryptography``: the browser's port is
:mod:`secket.browser.webcrypto`. Randomness is injectable so that tests are repeatable, and
fixed X25519 private keys can be queued for known-answer tests (RFC 9180's ``skEm``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from secket.core.errors import DecryptError, LocalProtocolError

X25519_LEN = 32
_AES_KEY_LENS = (16, 32)
_NONCE_LEN = 12


def private_key_from_bytes(raw: bytes) -> X25519PrivateKey:
    """An X25519 private key from its 32 raw bytes (RFC 7748 clamps them on use)."""
    if len(raw) != X25519_LEN:
        raise LocalProtocolError(f"An X25519 private key is {X25519_LEN} bytes, not {len(raw)}.")
    return X25519PrivateKey.from_private_bytes(raw)


def public_bytes(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class CPythonCrypto:
    """:class:`secket.core.port.CryptoPort` with ``cryptography``.

    ``random_bytes`` (default :func:`os.urandom`) is the only source of randomness, key
    generation included. ``fixed_x25519_keys`` are raw private keys that
    :meth:`x25519_generate` hands out, in order, before it starts drawing fresh ones.
    """

    def __init__(
        self,
        random_bytes: Callable[[int], bytes] | None = None,
        fixed_x25519_keys: Iterable[bytes] = (),
    ) -> None:
        self._random = random_bytes or os.urandom
        self._fixed = deque(bytes(k) for k in fixed_x25519_keys)

    def random_bytes(self, n: int) -> bytes:
        out = self._random(n)
        if len(out) != n:
            raise LocalProtocolError(f"The random source gave {len(out)} bytes, not {n}.")
        return out

    async def x25519_generate(self) -> tuple[X25519PrivateKey, bytes]:
        raw = self._fixed.popleft() if self._fixed else self.random_bytes(X25519_LEN)
        key = private_key_from_bytes(raw)
        return key, public_bytes(key)

    async def x25519_derive(self, private_key: X25519PrivateKey, peer_public: bytes) -> bytes:
        if len(peer_public) != X25519_LEN:
            raise DecryptError(
                f"The public key is {len(peer_public)} bytes long; it should be {X25519_LEN}."
            )
        try:
            shared = private_key.exchange(X25519PublicKey.from_public_bytes(peer_public))
        except ValueError as exc:
            # OpenSSL refuses an all-zero result, which is what a low-order point gives.
            raise DecryptError("The public key is not a usable X25519 key.") from exc
        # Checked here too, so the port's contract does not hang on OpenSSL's behaviour.
        if shared == bytes(X25519_LEN):
            raise DecryptError("The public key is not a usable X25519 key.")
        return shared

    async def aes_gcm_seal(self, key: bytes, nonce: bytes, aad: bytes, plaintext: bytes) -> bytes:
        return _aead(key, nonce).encrypt(nonce, plaintext, aad)

    async def aes_gcm_open(self, key: bytes, nonce: bytes, aad: bytes, ciphertext: bytes) -> bytes:
        try:
            return _aead(key, nonce).decrypt(nonce, ciphertext, aad)
        except InvalidTag as exc:
            raise DecryptError() from exc


def _aead(key: bytes, nonce: bytes) -> AESGCM:
    # WebCrypto accepts the same key and nonce sizes; refusing others here keeps the
    # CPython port from passing tests that the browser's would fail.
    if len(key) not in _AES_KEY_LENS:
        raise LocalProtocolError(f"AES-GCM key of {len(key)} bytes; expected 16 or 32.")
    if len(nonce) != _NONCE_LEN:
        raise LocalProtocolError(f"AES-GCM nonce of {len(nonce)} bytes; expected 12.")
    return AESGCM(key)
