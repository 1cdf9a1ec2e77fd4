"""The crypto port over WebCrypto: X25519 and AES-GCM, private keys non-extractable."""

from __future__ import annotations

from typing import Any

import js
from pyodide.ffi import JsException, to_js

from ..core.errors import DecryptError, UnsupportedBrowserError
from .jsutil import obj, to_bytes, u8


class WebCrypto:
    def __init__(self) -> None:
        # Looked up here, not at import: deriving the runtime (secket_server/stdlib_trim.py)
        # imports this module under Node, where reading js.crypto at import fails.
        self._subtle: Any = js.crypto.subtle

    def random_bytes(self, n: int) -> bytes:
        array = js.Uint8Array.new(n)
        js.crypto.getRandomValues(array)
        return bytes(array.to_bytes())

    async def x25519_generate(self) -> tuple[Any, bytes]:
        try:
            pair = await self._subtle.generateKey(obj(name="X25519"), False, to_js(["deriveBits"]))
        except JsException:
            raise UnsupportedBrowserError() from None
        raw = await self._subtle.exportKey("raw", pair.publicKey)
        return pair.privateKey, to_bytes(raw)

    async def x25519_derive(self, private_key: Any, peer_public: bytes) -> bytes:
        try:
            public = await self._subtle.importKey(
                "raw", u8(peer_public), obj(name="X25519"), True, to_js([])
            )
            bits = await self._subtle.deriveBits(
                obj(name="X25519", public=public), private_key, 256
            )
        except JsException:
            raise DecryptError() from None
        shared = to_bytes(bits)
        # A low-order public key gives an all-zero shared secret, which HPKE must refuse
        # (RFC 9180 7.1.4); not every browser's WebCrypto refuses it itself.
        if shared == bytes(len(shared)):
            raise DecryptError("The public key is not a usable X25519 key.")
        return shared

    async def _aes_key(self, key: bytes, usage: str) -> Any:
        return await self._subtle.importKey(
            "raw", u8(key), obj(name="AES-GCM"), False, to_js([usage])
        )

    async def aes_gcm_seal(self, key: bytes, nonce: bytes, aad: bytes, plaintext: bytes) -> bytes:
        params = obj(name="AES-GCM", iv=u8(nonce), additionalData=u8(aad))
        sealed = await self._subtle.encrypt(
            params, await self._aes_key(key, "encrypt"), u8(plaintext)
        )
        return to_bytes(sealed)

    async def aes_gcm_open(self, key: bytes, nonce: bytes, aad: bytes, ciphertext: bytes) -> bytes:
        params = obj(name="AES-GCM", iv=u8(nonce), additionalData=u8(aad))
        try:
            opened = await self._subtle.decrypt(
                params, await self._aes_key(key, "decrypt"), u8(ciphertext)
            )
        except JsException:
            raise DecryptError() from None
        return to_bytes(opened)
