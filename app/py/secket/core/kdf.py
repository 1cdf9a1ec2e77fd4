"""SHA-256, HKDF (RFC 5869) and the length-prefixed concatenation ``||`` of docs/protocol.md.

Pure ``hashlib``/``hmac``: the same code in CPython and in Pyodide, and synchronous.
"""

from __future__ import annotations

import hashlib
import hmac

HASH_LEN = 32


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def lp(*parts: bytes) -> bytes:
    """Length-prefixed concatenation: each part as a 4-byte big-endian length, then the bytes.

    Unambiguous where plain concatenation is not: ("ab", "c") and ("a", "bc") differ.
    """
    return b"".join(len(p).to_bytes(4, "big") + p for p in parts)


def hkdf_extract(salt: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt or bytes(HASH_LEN), ikm, hashlib.sha256).digest()


def hkdf_expand(prk: bytes, info: bytes, length: int) -> bytes:
    if not 0 < length <= 255 * HASH_LEN:
        raise ValueError("HKDF-Expand length out of range")
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def hkdf(ikm: bytes, info: bytes, length: int, salt: bytes = b"") -> bytes:
    return hkdf_expand(hkdf_extract(salt, ikm), info, length)
