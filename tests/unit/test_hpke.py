"""HPKE Base mode against RFC 9180 appendix A.1.1, plus the failures Secket relies on.

Suite DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM. The hex below is copied from
RFC 9180 A.1.1 (draft-irtf-cfrg-hpke, "Base Setup Information" of that suite).
"""

from __future__ import annotations

import pytest

from secket.core import hpke
from secket.core.errors import DecryptError, LocalProtocolError, RemoteProtocolError
from secket.cpython import CPythonCrypto, private_key_from_bytes

H = bytes.fromhex

INFO = H("4f6465206f6e2061204772656369616e2055726e")
SK_EM = H("52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736")
PK_EM = H("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431")
SK_RM = H("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8")
PK_RM = H("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d")
ENC = H("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431")
SHARED_SECRET = H("fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc")
KEY_SCHEDULE_CONTEXT = H(
    "00725611c9d98c07c03f60095cd32d400d8347d45ed67097bbad50fc56da742d07"
    "cb6cffde367bb0565ba28bb02c90744a20f5ef37f30523526106f637abb05449"
)
SECRET = H("12fff91991e93b48de37e7daddb52981084bd8aa64289c3788471d9a9712f397")
KEY = H("4531685d41d65f03dc48f6b8302c05b0")
BASE_NONCE = H("56d890e5accaaf011cff4b7d")
EXPORTER_SECRET = H("45ff1c2e220db587171952c0592d5f5ebe103f1561a2614e38f2ffd47e99e3f8")

PT = H("4265617574792069732074727574682c20747275746820626561757479")
# A.1.1.1: (sequence number, aad, nonce, ct)
ENCRYPTIONS = [
    (
        0,
        "436f756e742d30",
        "56d890e5accaaf011cff4b7d",
        "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9"
        "6d8770ac83d07bea87e13c512a",
    ),
    (
        1,
        "436f756e742d31",
        "56d890e5accaaf011cff4b7c",
        "af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab25"
        "1c03d0c22a56b8ca42c2063b84",
    ),
    (
        2,
        "436f756e742d32",
        "56d890e5accaaf011cff4b7f",
        "498dfcabd92e8acedc281e85af1cb4e3e31c7dc394a1ca20e173cb7251649158"
        "8d96a19ad4a683518973dcc180",
    ),
    (
        4,
        "436f756e742d34",
        "56d890e5accaaf011cff4b79",
        "583bd32bc67a5994bb8ceaca813d369bca7b2a42408cddef5e22f880b631215a"
        "09fc0012bc69fccaa251c0246d",
    ),
    (
        255,
        "436f756e742d323535",
        "56d890e5accaaf011cff4b82",
        "7175db9717964058640a3a11fb9007941a5d1757fda1a6935c805c21af32505b"
        "f106deefec4a49ac38d71c9e0a",
    ),
    (
        256,
        "436f756e742d323536",
        "56d890e5accaaf011cff4a7d",
        "957f9800542b0b8891badb026d79cc54597cb2d225b54c00c5238c25d05c30e3"
        "fbeda97d2e0e1aba483a2df9f2",
    ),
]
# A.1.1.2: (exporter_context, L, exported_value)
EXPORTS = [
    ("", 32, "3853fe2b4035195a573ffc53856e77058e15d9ea064de3e59f4961d0095250ee"),
    ("00", 32, "2e8f0b54673c7029649d4eb9d5e33bf1872cf76d623ff164ac185da9e88c21a5"),
    (
        "54657374436f6e74657874",
        32,
        "e9e43065102c3836401bed8c3c3c75ae46be1639869391d62c61f1ec7af54931",
    ),
]

ENCRYPTION_IDS = [f"seq={seq}" for seq, *_ in ENCRYPTIONS]


def vector_port() -> CPythonCrypto:
    """A port whose first ephemeral key is the RFC's skEm."""
    return CPythonCrypto(fixed_x25519_keys=[SK_EM])


# --- A.1.1: setup ---------------------------------------------------------------------


def test_key_schedule_intermediate_values() -> None:
    assert hpke.key_schedule_context(INFO) == KEY_SCHEDULE_CONTEXT
    assert hpke.key_schedule_secret(SHARED_SECRET) == SECRET


def test_key_schedule_outputs() -> None:
    context = hpke.key_schedule(SHARED_SECRET, INFO)
    assert context.key == KEY
    assert context.base_nonce == BASE_NONCE
    assert context.exporter_secret == EXPORTER_SECRET
    assert context.seq == 0


async def test_fixed_ephemeral_key_is_the_vectors() -> None:
    _, pk_e = await vector_port().x25519_generate()
    assert pk_e == PK_EM


async def test_encap_gives_vector_enc_and_shared_secret() -> None:
    shared_secret, enc = await hpke.encap(vector_port(), PK_RM)
    assert enc == ENC
    assert shared_secret == SHARED_SECRET


async def test_decap_gives_vector_shared_secret() -> None:
    sk_r = private_key_from_bytes(SK_RM)
    assert await hpke.decap(CPythonCrypto(), ENC, sk_r, PK_RM) == SHARED_SECRET


async def test_setup_base_s_and_r_agree_with_vector() -> None:
    enc, sender = await hpke.setup_base_s(vector_port(), PK_RM, INFO)
    receiver = await hpke.setup_base_r(
        CPythonCrypto(), enc, private_key_from_bytes(SK_RM), PK_RM, INFO
    )
    assert enc == ENC
    for context in (sender, receiver):
        assert (context.key, context.base_nonce, context.exporter_secret) == (
            KEY,
            BASE_NONCE,
            EXPORTER_SECRET,
        )


# --- A.1.1.1: encryptions -------------------------------------------------------------


@pytest.mark.parametrize(("seq", "aad", "nonce", "ct"), ENCRYPTIONS, ids=ENCRYPTION_IDS)
async def test_seal_matches_vector(seq: int, aad: str, nonce: str, ct: str) -> None:
    context = hpke.key_schedule(SHARED_SECRET, INFO)
    assert context.compute_nonce(seq).hex() == nonce
    context.seq = seq
    assert (await context.seal(CPythonCrypto(), H(aad), PT)).hex() == ct
    assert context.seq == seq + 1


@pytest.mark.parametrize(("seq", "aad", "nonce", "ct"), ENCRYPTIONS, ids=ENCRYPTION_IDS)
async def test_open_matches_vector(seq: int, aad: str, nonce: str, ct: str) -> None:
    sk_r = private_key_from_bytes(SK_RM)
    context = await hpke.setup_base_r(CPythonCrypto(), ENC, sk_r, PK_RM, INFO)
    context.seq = seq
    assert await context.open(CPythonCrypto(), H(aad), H(ct)) == PT
    assert context.seq == seq + 1


async def test_sequence_of_seals_follows_seq() -> None:
    """Sealing in a row uses 0, 1, 2: the first three vectors come out in order."""
    port = vector_port()
    _, context = await hpke.setup_base_s(port, PK_RM, INFO)
    for seq, aad, _, ct in ENCRYPTIONS[:3]:
        assert context.seq == seq
        assert (await context.seal(port, H(aad), PT)).hex() == ct


async def test_one_shot_seal_base_is_the_first_vector() -> None:
    _, aad, _, ct = ENCRYPTIONS[0]
    enc, sealed = await hpke.seal_base(vector_port(), PK_RM, INFO, H(aad), PT)
    assert (enc, sealed.hex()) == (ENC, ct)
    sk_r = private_key_from_bytes(SK_RM)
    assert await hpke.open_base(CPythonCrypto(), enc, sk_r, PK_RM, INFO, H(aad), sealed) == PT


# --- A.1.1.2: exported values ---------------------------------------------------------


@pytest.mark.parametrize(("exporter_context", "length", "value"), EXPORTS)
def test_export_matches_vector(exporter_context: str, length: int, value: str) -> None:
    context = hpke.key_schedule(SHARED_SECRET, INFO)
    assert context.export(H(exporter_context), length).hex() == value


@pytest.mark.parametrize("length", [0, 255 * 32 + 1])
def test_export_rejects_lengths_out_of_range(length: int) -> None:
    with pytest.raises(LocalProtocolError):
        hpke.key_schedule(SHARED_SECRET, INFO).export(b"", length)


# --- Round trips and failures -----------------------------------------------------------


async def fresh_pair() -> tuple[CPythonCrypto, object, bytes]:
    port = CPythonCrypto()
    sk_r, pk_r = await port.x25519_generate()
    return port, sk_r, pk_r


async def test_round_trip_with_fresh_keys() -> None:
    port, sk_r, pk_r = await fresh_pair()
    enc, ct = await hpke.seal_base(port, pk_r, b"info", b"aad", b"the secret")
    assert len(enc) == hpke.N_ENC
    assert len(ct) == len(b"the secret") + hpke.N_T
    assert await hpke.open_base(port, enc, sk_r, pk_r, b"info", b"aad", ct) == b"the secret"


async def test_multi_message_round_trip_and_export_agree() -> None:
    port, sk_r, pk_r = await fresh_pair()
    enc, sender = await hpke.setup_base_s(port, pk_r, b"info")
    receiver = await hpke.setup_base_r(port, enc, sk_r, pk_r, b"info")
    for i in range(3):
        message = f"message {i}".encode()
        assert await receiver.open(port, b"", await sender.seal(port, b"", message)) == message
    assert sender.export(b"ctx", 16) == receiver.export(b"ctx", 16)


async def test_each_encap_is_fresh() -> None:
    port, _, pk_r = await fresh_pair()
    first = await hpke.seal_base(port, pk_r, b"", b"", b"same")
    second = await hpke.seal_base(port, pk_r, b"", b"", b"same")
    assert first != second


def flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


@pytest.mark.parametrize("index", [0, 10, -1], ids=["first", "middle", "tag"])
async def test_tampered_ciphertext_is_refused(index: int) -> None:
    port, sk_r, pk_r = await fresh_pair()
    enc, ct = await hpke.seal_base(port, pk_r, b"info", b"aad", b"the secret")
    with pytest.raises(DecryptError):
        await hpke.open_base(port, enc, sk_r, pk_r, b"info", b"aad", flip(ct, index % len(ct)))


@pytest.mark.parametrize(
    ("info", "aad"), [(b"other info", b"aad"), (b"info", b"other aad"), (b"info", b"")]
)
async def test_wrong_info_or_aad_is_refused(info: bytes, aad: bytes) -> None:
    port, sk_r, pk_r = await fresh_pair()
    enc, ct = await hpke.seal_base(port, pk_r, b"info", b"aad", b"the secret")
    with pytest.raises(DecryptError):
        await hpke.open_base(port, enc, sk_r, pk_r, info, aad, ct)


async def test_tampered_enc_is_refused() -> None:
    port, sk_r, pk_r = await fresh_pair()
    enc, ct = await hpke.seal_base(port, pk_r, b"info", b"aad", b"the secret")
    with pytest.raises(DecryptError):
        await hpke.open_base(port, flip(enc, 5), sk_r, pk_r, b"info", b"aad", ct)


async def test_wrong_recipient_key_is_refused() -> None:
    port, _, pk_r = await fresh_pair()
    other_sk, other_pk = await port.x25519_generate()
    enc, ct = await hpke.seal_base(port, pk_r, b"info", b"aad", b"the secret")
    with pytest.raises(DecryptError):
        await hpke.open_base(port, enc, other_sk, other_pk, b"info", b"aad", ct)


async def test_failed_open_does_not_advance_seq() -> None:
    port, sk_r, pk_r = await fresh_pair()
    enc, sender = await hpke.setup_base_s(port, pk_r, b"info")
    receiver = await hpke.setup_base_r(port, enc, sk_r, pk_r, b"info")
    ct = await sender.seal(port, b"aad", b"first")
    with pytest.raises(DecryptError):
        await receiver.open(port, b"aad", flip(ct, 0))
    assert receiver.seq == 0
    assert await receiver.open(port, b"aad", ct) == b"first"
    assert receiver.seq == 1


async def test_out_of_order_open_is_refused() -> None:
    port, sk_r, pk_r = await fresh_pair()
    enc, sender = await hpke.setup_base_s(port, pk_r, b"info")
    receiver = await hpke.setup_base_r(port, enc, sk_r, pk_r, b"info")
    await sender.seal(port, b"", b"first")
    second = await sender.seal(port, b"", b"second")
    with pytest.raises(DecryptError):
        await receiver.open(port, b"", second)


async def test_ciphertext_shorter_than_tag_is_refused() -> None:
    context = hpke.key_schedule(SHARED_SECRET, INFO)
    with pytest.raises(DecryptError, match="too short"):
        await context.open(CPythonCrypto(), b"", bytes(hpke.N_T - 1))
    assert context.seq == 0


async def test_exhausted_sequence_is_refused() -> None:
    context = hpke.key_schedule(SHARED_SECRET, INFO)
    context.seq = (1 << 96) - 1
    with pytest.raises(LocalProtocolError):
        await context.seal(CPythonCrypto(), b"", b"x")


@pytest.mark.parametrize("length", [0, 31, 33, 65])
async def test_wrong_length_public_key_is_the_peers_fault(length: int) -> None:
    with pytest.raises(RemoteProtocolError, match="public key is"):
        await hpke.setup_base_s(CPythonCrypto(), bytes(length), b"")


@pytest.mark.parametrize("length", [0, 31, 33, 65])
async def test_wrong_length_enc_is_refused(length: int) -> None:
    port, sk_r, pk_r = await fresh_pair()
    with pytest.raises(DecryptError, match="encapsulated key"):
        await hpke.setup_base_r(port, bytes(length), sk_r, pk_r, b"")


async def test_wrong_length_own_public_key_is_a_local_error() -> None:
    port, sk_r, _ = await fresh_pair()
    with pytest.raises(LocalProtocolError):
        await hpke.setup_base_r(port, ENC, sk_r, bytes(31), b"")


# Points of small order on Curve25519 (RFC 7748 section 5 / libsodium's blocklist): any
# X25519 with them gives the all-zero output, which must be refused.
LOW_ORDER_POINTS = [
    bytes(32),
    bytes([1]) + bytes(31),
    H("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
    H("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
    H("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
]


@pytest.mark.parametrize("point", LOW_ORDER_POINTS, ids=lambda p: p.hex()[:8])
async def test_low_order_public_key_is_refused(point: bytes) -> None:
    with pytest.raises(DecryptError):
        await hpke.setup_base_s(CPythonCrypto(), point, b"")


@pytest.mark.parametrize("point", LOW_ORDER_POINTS, ids=lambda p: p.hex()[:8])
async def test_low_order_enc_is_refused(point: bytes) -> None:
    port, sk_r, pk_r = await fresh_pair()
    with pytest.raises(DecryptError):
        await hpke.setup_base_r(port, point, sk_r, pk_r, b"")


def test_suite_ids() -> None:
    assert hpke.KEM_SUITE_ID == b"KEM\x00\x20"
    assert hpke.SUITE_ID == b"HPKE\x00\x20\x00\x01\x00\x01"


def test_context_repr_hides_keys() -> None:
    text = repr(hpke.key_schedule(SHARED_SECRET, INFO))
    assert KEY.hex() not in text
    assert repr(KEY) not in text
    assert "seq=0" in text
