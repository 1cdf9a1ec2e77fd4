"""The secret's size limit, and the padding that hides its length.

What a sender may send is ``secret_text.check_secret``.
"""

from __future__ import annotations

from .errors import RemoteProtocolError, SecretTooLargeError

#: The largest secret, in UTF-8 bytes: "text, up to 64 KiB, any Unicode".
MAX_SECRET_BYTES = 64 * 1024
#: Padded plaintext sizes: a ciphertext tells only which bucket the secret fell in.
PAD_BUCKETS = (256, 1024, 4096, 16384, MAX_SECRET_BYTES + 1)


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
