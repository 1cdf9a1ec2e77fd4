"""HPKE (RFC 9180), Base mode, suite DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-128-GCM.

WebCrypto has no HPKE, so the key schedule is written here in Python over
:mod:`secket.core.kdf`; only X25519 and AES-GCM go through the :class:`CryptoPort`. That
keeps the receiver's private key inside the port (a non-extractable ``CryptoKey`` in the
browser) while the whole schedule is checked against RFC 9180 appendix A.1 under CPython.
Names follow the RFC (``LabeledExtract`` is :func:`labeled_extract`, and so on).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import DecryptError, LocalProtocolError, RemoteProtocolError
from .kdf import HASH_LEN, hkdf_expand, hkdf_extract
from .port import CryptoPort, PrivateKey

MODE_BASE = 0
KEM_ID = 0x0020  # DHKEM(X25519, HKDF-SHA256)
KDF_ID = 0x0001  # HKDF-SHA256
AEAD_ID = 0x0001  # AES-128-GCM

#: Lengths of RFC 9180 section 7 for this suite, in bytes.
N_SECRET = 32
N_ENC = 32
N_PK = 32
N_K = 16
N_N = 12
N_T = 16

#: The KEM and the rest of HPKE label their HKDF calls with different, prefix-free suite
#: ids, so that the two uses of HKDF-SHA256 are independent functions (RFC 9180 9.6).
KEM_SUITE_ID = b"KEM" + KEM_ID.to_bytes(2, "big")
SUITE_ID = (
    b"HPKE" + KEM_ID.to_bytes(2, "big") + KDF_ID.to_bytes(2, "big") + AEAD_ID.to_bytes(2, "big")
)

_VERSION_LABEL = b"HPKE-v1"
# Seal/Open must refuse once the sequence number would wrap, or a nonce would repeat.
_SEQ_LIMIT = (1 << (8 * N_N)) - 1


def labeled_extract(salt: bytes, label: bytes, ikm: bytes, suite_id: bytes = SUITE_ID) -> bytes:
    return hkdf_extract(salt, _VERSION_LABEL + suite_id + label + ikm)


def labeled_expand(
    prk: bytes, label: bytes, info: bytes, length: int, suite_id: bytes = SUITE_ID
) -> bytes:
    labeled_info = length.to_bytes(2, "big") + _VERSION_LABEL + suite_id + label + info
    return hkdf_expand(prk, labeled_info, length)


def extract_and_expand(dh: bytes, kem_context: bytes) -> bytes:
    """The DHKEM's shared secret from the raw X25519 output and ``enc || pkRm``."""
    eae_prk = labeled_extract(b"", b"eae_prk", dh, KEM_SUITE_ID)
    return labeled_expand(eae_prk, b"shared_secret", kem_context, N_SECRET, KEM_SUITE_ID)


def key_schedule_context(info: bytes) -> bytes:
    """``mode || psk_id_hash || info_hash`` for Base mode (empty PSK and PSK id)."""
    psk_id_hash = labeled_extract(b"", b"psk_id_hash", b"")
    info_hash = labeled_extract(b"", b"info_hash", info)
    return bytes([MODE_BASE]) + psk_id_hash + info_hash


def key_schedule_secret(shared_secret: bytes) -> bytes:
    """The schedule's ``secret``; Base mode extracts it with an empty PSK."""
    return labeled_extract(shared_secret, b"secret", b"")


def key_schedule(shared_secret: bytes, info: bytes) -> Context:
    context = key_schedule_context(info)
    secret = key_schedule_secret(shared_secret)
    return Context(
        key=labeled_expand(secret, b"key", context, N_K),
        base_nonce=labeled_expand(secret, b"base_nonce", context, N_N),
        exporter_secret=labeled_expand(secret, b"exp", context, HASH_LEN),
    )


@dataclass
class Context:
    """One direction of an HPKE encryption context (RFC 9180 5.2).

    The sender's and the receiver's contexts are the same object: each message moves
    ``seq`` on, so ciphertexts must be opened in the order they were sealed.
    """

    key: bytes = field(repr=False)
    base_nonce: bytes = field(repr=False)
    exporter_secret: bytes = field(repr=False)
    seq: int = 0

    def compute_nonce(self, seq: int) -> bytes:
        return bytes(a ^ b for a, b in zip(self.base_nonce, seq.to_bytes(N_N, "big"), strict=True))

    async def seal(self, port: CryptoPort, aad: bytes, pt: bytes) -> bytes:
        nonce = self._next_nonce()
        ct = await port.aes_gcm_seal(self.key, nonce, aad, pt)
        self.seq += 1
        return ct

    async def open(self, port: CryptoPort, aad: bytes, ct: bytes) -> bytes:
        """Decrypt the next ciphertext; on failure ``seq`` stays put and DecryptError rises."""
        if len(ct) < N_T:
            raise DecryptError("The encrypted message is too short to be genuine.")
        nonce = self._next_nonce()
        # The port raises DecryptError itself; seq only moves after a successful open.
        pt = await port.aes_gcm_open(self.key, nonce, aad, ct)
        self.seq += 1
        return pt

    def export(self, exporter_context: bytes, length: int) -> bytes:
        if not 0 < length <= 255 * HASH_LEN:
            raise LocalProtocolError(f"HPKE export length {length} is out of range.")
        return labeled_expand(self.exporter_secret, b"sec", exporter_context, length)

    def _next_nonce(self) -> bytes:
        if self.seq >= _SEQ_LIMIT:
            raise LocalProtocolError("This HPKE context has sealed all the messages it can.")
        return self.compute_nonce(self.seq)


async def encap(port: CryptoPort, pk_r: bytes) -> tuple[bytes, bytes]:
    """DHKEM Encap: ``(shared_secret, enc)`` for a fresh ephemeral key."""
    _check_public_key(pk_r)
    sk_e, pk_e = await port.x25519_generate()
    dh = await port.x25519_derive(sk_e, pk_r)
    return extract_and_expand(dh, pk_e + pk_r), pk_e


async def decap(port: CryptoPort, enc: bytes, sk_r: PrivateKey, pk_r: bytes) -> bytes:
    """DHKEM Decap. ``pk_r`` is passed in because the port never hands out ``sk_r``'s bytes."""
    if len(enc) != N_ENC:
        raise DecryptError(f"The encapsulated key is {len(enc)} bytes long; it should be {N_ENC}.")
    if len(pk_r) != N_PK:
        raise LocalProtocolError(f"Our own public key is {len(pk_r)} bytes, not {N_PK}.")
    dh = await port.x25519_derive(sk_r, enc)
    return extract_and_expand(dh, enc + pk_r)


async def setup_base_s(port: CryptoPort, pk_r: bytes, info: bytes) -> tuple[bytes, Context]:
    shared_secret, enc = await encap(port, pk_r)
    return enc, key_schedule(shared_secret, info)


async def setup_base_r(
    port: CryptoPort, enc: bytes, sk_r: PrivateKey, pk_r: bytes, info: bytes
) -> Context:
    shared_secret = await decap(port, enc, sk_r, pk_r)
    return key_schedule(shared_secret, info)


async def seal_base(
    port: CryptoPort, pk_r: bytes, info: bytes, aad: bytes, pt: bytes
) -> tuple[bytes, bytes]:
    enc, context = await setup_base_s(port, pk_r, info)
    return enc, await context.seal(port, aad, pt)


async def open_base(
    port: CryptoPort, enc: bytes, sk_r: PrivateKey, pk_r: bytes, info: bytes, aad: bytes, ct: bytes
) -> bytes:
    context = await setup_base_r(port, enc, sk_r, pk_r, info)
    return await context.open(port, aad, ct)


def _check_public_key(pk_r: bytes) -> None:
    # pkR arrives from the other side (M3), so a bad one is the peer's fault.
    if len(pk_r) != N_PK:
        raise RemoteProtocolError(
            f"The other side's public key is {len(pk_r)} bytes long; it should be {N_PK}."
        )
