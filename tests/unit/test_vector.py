"""docs/protocol.md's "Test vector", recomputed two ways: by the code, and from the document's
own formulas with `cryptography`'s HKDF and `hashlib` (nothing from secket.core.kdf).

The table in the document is read and every row is checked, so the document cannot drift
from the code: a changed derivation fails here until the document says the new values.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from secket.core import hpke, wire
from secket.core.errors import MalformedLinkError
from secket.core.link import Link, parse_fragment
from secket.core.roles import Role
from secket.core.sas import Sas, sas_from_transcript
from secket.core.sdp import dtls_fingerprint
from secket.core.secret import pad
from secket.core.session import Binding, commitment, hpke_aad, hpke_info, transcript
from secket.core.signal import _aad
from secket.cpython import CPythonCrypto

DOC = Path(__file__).parents[2] / "docs" / "protocol.md"

K = bytes(range(16))
PK_R = bytes([0x11]) * 32
N_R = bytes([0x22]) * 32
N_S = bytes([0x33]) * 32
FP_R = b"sha-256 " + b":".join([b"AA"] * 32)
FP_S = b"sha-256 " + b":".join([b"BB"] * 32)
SUITE_ID = b"HPKE" + bytes([0x00, 0x20, 0x00, 0x01, 0x00, 0x01])


def hkdf(ikm: bytes, info: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=b"", info=info).derive(ikm)


def lp(*parts: bytes) -> bytes:
    return b"".join(len(p).to_bytes(4, "big") + p for p in parts)


def documented() -> dict[str, str]:
    """The rows of the "Test vector" table: first cell -> second cell, as written."""
    section = DOC.read_text(encoding="utf-8").split("## Test vector", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("value", "---"):
            rows[cells[0]] = cells[1]
    return rows


def code(cell: str) -> str:
    """The first `quoted` value of a cell."""
    found = re.search(r"`([^`]*)`", cell)
    assert found, cell
    return found.group(1)


def independent() -> dict[str, str]:
    room = hkdf(K, b"secket/1 room s", 16)
    c = hashlib.sha256(lp(b"secket/1 commit", PK_R, N_R)).digest()
    th = hashlib.sha256(
        lp(b"secket/1 transcript", b"\x01", SUITE_ID, room, FP_R, FP_S, c, PK_R, N_R, N_S)
    ).digest()
    sas = int.from_bytes(hkdf(th, b"secket/1 sas", 6), "big") >> 6
    return {
        "room": room.hex(),
        "sig_key": hkdf(K, b"secket/1 signal", 16).hex(),
        "c": c.hex(),
        "th": th.hex(),
        "sas": f"{sas:011x}",
    }


def test_the_document_lists_the_values_checked_here() -> None:
    assert set(documented()) == {
        "fragment (opener sends)",
        "room id (opener sends)",
        "room id (opener receives)",
        "`sig_key`",
        "`c`",
        "`th`",
        "SAS",
        "HPKE `info`",
        "HPKE `aad`, seq 0",
        'Verdict(1), Receipt, Bye("done") frames',
        "R's first signaling AAD (counter 0)",
        "`a=fingerprint:SHA-256 5c:5c:...:5c` (32 bytes) as bound",
        "M4 for the secret `hunter2`, HPKE ephemeral private key 32 bytes of `0x44`: `enc`",
        "its one Secret frame (312 bytes): head, then SHA-256 of the whole frame",
        "M4 for 65 536 bytes of `x`, same key: the five frames' sizes and heads",
        "SHA-256 of those five frames concatenated",
    }


def test_link_values() -> None:
    rows, ref = documented(), independent()
    link = Link(K, Role.SENDER)
    assert code(rows["fragment (opener sends)"]) == link.fragment == "#1sAAECAwQFBgcICQoLDA0ODw"
    assert parse_fragment(link.fragment) == link
    assert code(rows["room id (opener sends)"]) == link.room_id == ref["room"]
    opener_receives = Link(K, Role.RECEIVER).room_id
    assert code(rows["room id (opener receives)"]) == opener_receives
    assert opener_receives == hkdf(K, b"secket/1 room r", 16).hex()
    assert code(rows["`sig_key`"]) == link.signal_key.hex() == ref["sig_key"]


def test_transcript_and_sas() -> None:
    rows, ref = documented(), independent()
    room = bytes.fromhex(Link(K, Role.SENDER).room_id)
    c = commitment(PK_R, N_R)
    assert code(rows["`c`"]) == c.hex() == ref["c"]
    th = transcript(Binding(room, FP_R, FP_S), c, PK_R, N_R, N_S)
    assert code(rows["`th`"]) == th.hex() == ref["th"]
    sas = sas_from_transcript(th)
    assert sas == Sas(int(ref["sas"], 16))
    shown = rows["SAS"]
    assert code(shown) == ref["sas"]
    assert sas.words in shown
    assert sas.colour[0] in shown
    number = f"{sas.value:013d}"
    assert f"`{number[:4]} {number[4:8]} {number[8:]}`" in shown


def test_hpke_labels_and_frames() -> None:
    rows, ref = documented(), independent()
    th = bytes.fromhex(ref["th"])
    info = rows["HPKE `info`"]
    assert info.endswith("followed by `th`")
    assert hpke_info(th) == bytes.fromhex(code(info)) + th
    assert hpke_aad(0).hex() == code(rows["HPKE `aad`, seq 0"])
    frames = re.findall(r"`([0-9a-f]+)`", rows['Verdict(1), Receipt, Bye("done") frames'])
    assert frames == [
        wire.encode(wire.Verdict(True)).hex(),
        wire.encode(wire.Receipt()).hex(),
        wire.encode(wire.Bye("done")).hex(),
    ]


def test_signaling_and_fingerprint_rows() -> None:
    rows = documented()
    assert code(rows["R's first signaling AAD (counter 0)"]) == _aad(Role.RECEIVER, 0).hex()
    assert _aad(Role.RECEIVER, 0) == b"secket/1 signal r" + bytes(8)
    line = "a=fingerprint:SHA-256 " + ":".join(["5c"] * 32) + "\r\n"
    bound = rows["`a=fingerprint:SHA-256 5c:5c:...:5c` (32 bytes) as bound"]
    assert code(bound) == "sha-256 5C:5C:...:5C"
    assert dtls_fingerprint(line) == ("sha-256 " + ":".join(["5C"] * 32)).encode()


SK_E = bytes([0x44]) * 32


async def secret_frames(secret: str) -> tuple[bytes, list[bytes]]:
    """M4 for ``secret`` to ``PK_R`` under the vector's ``th``, with a fixed ephemeral key."""
    th = bytes.fromhex(independent()["th"])
    port = CPythonCrypto(fixed_x25519_keys=[SK_E])
    enc, ct = await hpke.seal_base(port, PK_R, hpke_info(th), hpke_aad(0), pad(secret.encode()))
    return enc, wire.encode_secret(wire.Secret(0, enc, ct))


async def test_secret_frame_rows() -> None:
    rows = documented()
    enc, (frame,) = await secret_frames("hunter2")
    assert code(rows[next(r for r in rows if r.startswith("M4 for the secret"))]) == enc.hex()
    head, digest = re.findall(
        r"`([0-9a-f]+)`", rows[next(r for r in rows if r.startswith("its one"))]
    )
    assert len(frame) == 312
    assert (frame[:4].hex(), hashlib.sha256(frame).hexdigest()) == (head, digest)

    _, frames = await secret_frames("x" * 65536)
    shown = rows["M4 for 65 536 bytes of `x`, same key: the five frames' sizes and heads"]
    assert [len(f) for f in frames] == [16384] * 4 + [73]
    assert shown.startswith("16 384 × 4 and 73;")
    assert re.findall(r"`([0-9a-f]+)`", shown) == [f[:4].hex() for f in frames]
    digest = hashlib.sha256(b"".join(frames)).hexdigest()
    assert code(rows["SHA-256 of those five frames concatenated"]) == digest


def test_the_secret_frames_table_per_bucket() -> None:
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("### The Secret frames") : text.index("S sends all the parts")]
    for bucket in (256, 1024, 4096, 16384, 65537):
        m4 = wire.SECRET_PREFIX + bucket + wire.TAG_LEN
        sizes = [len(f) for f in wire.encode_secret(wire.Secret(0, bytes(32), bytes(m4 - 36)))]
        spaced = [f"{n:,}".replace(",", " ") for n in (bucket, m4, *sizes)]
        row = f"| {spaced[0]} | {spaced[1]} | {', '.join(spaced[2:])} |"
        assert row in table


def test_the_examples_elsewhere_in_the_document() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "Example: `#1sAAECAwQFBgcICQoLDA0ODw` is version 1, the opener sends" in text
    aad = _aad(Role.RECEIVER, 0).hex()
    assert f"`{aad[:32]} {aad[32:34]} {aad[34:]}`" in text
    sas = Sas(int(independent()["sas"], 16))
    indexes = " ".join(str((sas.value >> (36 - 6 * i)) & 63) for i in range(7))
    assert f"| {indexes}: {sas.words} |" in text
    name, colour = sas.colour
    assert f"| {sas.value % 10}: {name} `{colour}` |" in text
    assert f"| `{sas.hex}` |" in text
    assert f"| `{sas.number}` |" in text


@pytest.mark.parametrize("role", list(Role), ids=[role.name.lower() for role in Role])
def test_every_one_character_change_of_a_link_leaves_its_room(role: Role) -> None:
    """A typo in a link is never the creator's room: the opener gets ``no-room``."""
    link = Link(K, role)
    fragment = link.fragment
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for i in range(2, len(fragment)):
        for char in ("r", "s") if i == 2 else alphabet:
            changed = fragment[:i] + char + fragment[i + 1 :]
            if changed == fragment:
                continue
            try:
                other = parse_fragment(changed)
            except MalformedLinkError:
                continue  # refused before any room is asked for
            assert other.room_id != link.room_id, changed
