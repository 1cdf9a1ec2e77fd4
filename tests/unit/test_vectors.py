"""docs/protocol.md's test vectors, computed by the code and found in the document.

Each value is checked twice: against the literal below (the code did not change) and
against the "Test vectors" section of docs/protocol.md (the document says what the code
does). A value that moves fails here until both are updated on purpose.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from secket.core import hpke, wire
from secket.core.link import Link, parse_fragment
from secket.core.roles import Role
from secket.core.sas import sas_from_transcript
from secket.core.sdp import dtls_fingerprint
from secket.core.session import Binding, commitment, hpke_aad, hpke_info, pad, transcript
from secket.core.signal import _aad
from secket.cpython import CPythonCrypto

DOC = Path(__file__).parents[2] / "docs" / "protocol.md"
K = bytes(range(16))
PK_R, N_R, N_S = b"\x11" * 32, b"\x22" * 32, b"\x33" * 32
FP_R = b"sha-256 " + b":".join([b"AA"] * 32)
FP_S = b"sha-256 " + b":".join([b"BB"] * 32)
SK_E = b"\x44" * 32
LINK = Link(K, Role.SENDER)
TH = transcript(
    Binding(bytes.fromhex(LINK.room_id), FP_R, FP_S), commitment(PK_R, N_R), PK_R, N_R, N_S
)


def section() -> str:
    text = DOC.read_text()
    start = text.index("## Test vectors")
    return text[start : text.index("\n## ", start + 1)]


async def m4_frames(secret: str) -> tuple[bytes, list[bytes]]:
    port = CPythonCrypto(fixed_x25519_keys=[SK_E])
    enc, ct = await hpke.seal_base(port, PK_R, hpke_info(TH), hpke_aad(0), pad(secret.encode()))
    return enc, wire.encode_secret(wire.Secret(0, enc, ct))


def sync_vectors() -> dict[str, str]:
    sas = sas_from_transcript(TH)
    return {
        "fragment": LINK.fragment,
        "room id": LINK.room_id,
        "sig_key": LINK.signal_key.hex(),
        "c": commitment(PK_R, N_R).hex(),
        "th": TH.hex(),
        "sas hex": sas.hex,
        "sas words": sas.words,
        "sas colour": sas.colour[0],
        "sas number": sas.number,
        "hpke info": hpke_info(TH).hex().removesuffix(TH.hex()),
        "hpke aad": hpke_aad(0).hex(),
        "verdict": wire.encode(wire.Verdict(True)).hex(),
        "receipt": wire.encode(wire.Receipt()).hex(),
        "bye": wire.encode(wire.Bye("done")).hex(),
        "signal aad": _aad(Role.RECEIVER, 0).hex(),
    }


EXPECTED = {
    "fragment": "#1sAAECAwQFBgcICQoLDA0ODw",
    "room id": "8ffc7c958410b74de0aa04abe4b8399a",
    "sig_key": "dfe4ae1a04adb0801c2caa5cf38e034b",
    "c": "6edeb0d0994e4ce347f7cefe94f4dbd158e266d9b577694f7d695fb917853727",
    "th": "59227bfeee5a53848a49c2ede272148331ac5d33ea53ece2f09155fa61bf9856",
    "sas hex": "27c3c7b1404",
    "sas words": "Clock Hammer Anchor Smiley Telephone Tree Unicorn",
    "sas colour": "Brown",
    "sas number": "2732 6138 99268",
    "hpke info": "0000000d7365636b65742f312068706b6500000020",
    "hpke aad": "0000000c7365636b65742f31206d7367000000080000000000000000",
    "verdict": "010401",
    "receipt": "0106",
    "bye": "0107646f6e65",
    "signal aad": "7365636b65742f31207369676e616c20720000000000000000",
}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_vector_is_what_the_code_computes_and_what_the_doc_says(name: str) -> None:
    value = sync_vectors()[name]
    assert value == EXPECTED[name]
    assert value in section(), f"docs/protocol.md does not show {name} = {value}"


def test_the_link_parses_back_to_k() -> None:
    assert parse_fragment(EXPECTED["fragment"]) == LINK


def test_the_fingerprint_is_normalised_as_shown() -> None:
    line = "a=fingerprint:SHA-256 " + ":".join(["5c"] * 32) + "\r\n"
    bound = dtls_fingerprint(line).decode()
    assert bound == "sha-256 " + ":".join(["5C"] * 32)
    assert "`a=fingerprint:SHA-256 5c:5c:...:5c`" in section()
    assert "`sha-256 5C:5C:...:5C`" in section()


async def test_the_secret_frames_for_hunter2() -> None:
    enc, frames = await m4_frames("hunter2")
    assert enc.hex() == "ff2ee45601ec1b67310c7790404585ae697331eee1c1f8cf2419731c1fff3e6b"
    (frame,) = frames
    assert len(frame) == 312
    assert frame[:4].hex() == "01050001"
    digest = hashlib.sha256(frame).hexdigest()
    assert digest == "ad70d569a3daa2a684c91fd2f229fb14ab5d25b4b139a0d36478acd769d7fde4"
    for value in (enc.hex(), "`01050001`", digest):
        assert value in section()


async def test_the_secret_frames_for_64_kib() -> None:
    _, frames = await m4_frames("x" * 65536)
    assert [len(f) for f in frames] == [16384] * 4 + [73]
    heads = [f[:4].hex() for f in frames]
    assert heads == ["01050005", "01050105", "01050205", "01050305", "01050405"]
    digest = hashlib.sha256(b"".join(frames)).hexdigest()
    assert digest == "086c66fbd20e96c3e1eb02e0664841f3ddc5c603d33222b0a96d14f68c6fe94f"
    row = next(line for line in section().splitlines() if "65 536 bytes of `x`" in line)
    assert re.findall(r"`(0105\w{4})`", row) == heads
    assert "16 384 × 4 and 73" in row
    assert digest in section()


def test_the_frame_sizes_per_bucket_match_the_table() -> None:
    text = DOC.read_text()
    table = text[text.index("### The Secret frames") : text.index("S sends all the parts")]
    for bucket in (256, 1024, 4096, 16384, 65537):
        m4 = wire.SECRET_PREFIX + bucket + wire.TAG_LEN
        sizes = [len(f) for f in wire.encode_secret(wire.Secret(0, bytes(32), bytes(m4 - 36)))]
        shown = ", ".join(f"{n:,}".replace(",", " ") for n in sizes)
        assert f"| {f'{m4:,}'.replace(',', ' ')} | {shown} |" in table, (bucket, shown)


def test_the_examples_elsewhere_in_the_doc() -> None:
    text = DOC.read_text()
    sas = sas_from_transcript(TH)
    # "The link": the example fragment.
    assert "Example: `#1sAAECAwQFBgcICQoLDA0ODw` is version 1, the opener sends" in text
    # "Sealed signaling payloads": R's first AAD, spaces between its three parts.
    aad = _aad(Role.RECEIVER, 0).hex()
    assert f"`{aad[:32]} {aad[32:34]} {aad[34:]}`" in text
    # "Short authentication string": the forms of the vector's SAS.
    indexes = " ".join(str((sas.value >> (36 - 6 * i)) & 63) for i in range(7))
    assert indexes == "39 48 60 30 49 16 4"
    assert f"| {indexes}: {sas.words} |" in text
    name, colour = sas.colour
    assert f"| {sas.value % 10}: {name} `{colour}` |" in text
    assert f"| `{sas.hex}` |" in text
    assert f"| `{sas.number}` |" in text
