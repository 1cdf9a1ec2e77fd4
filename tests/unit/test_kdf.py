"""HKDF-SHA256 against RFC 5869 appendix A (test cases 1-3), and the ``||`` of docs/protocol.md."""

from __future__ import annotations

import pytest

from secket.core.kdf import hkdf, hkdf_expand, hkdf_extract, lp, sha256

# RFC 5869 A.1-A.3: (ikm, salt, info, L, PRK, OKM)
RFC5869 = [
    pytest.param(
        bytes([0x0B] * 22),
        bytes(range(0x00, 0x0D)),
        bytes(range(0xF0, 0xFA)),
        42,
        "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
        id="A.1 basic",
    ),
    pytest.param(
        bytes(range(0x00, 0x50)),
        bytes(range(0x60, 0xB0)),
        bytes(range(0xB0, 0x100)),
        82,
        "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
        "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
        "cc30c58179ec3e87c14c01d5c1f3434f1d87",
        id="A.2 long inputs",
    ),
    pytest.param(
        bytes([0x0B] * 22),
        b"",
        b"",
        42,
        "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
        id="A.3 empty salt and info",
    ),
]


@pytest.mark.parametrize(("ikm", "salt", "info", "length", "prk", "okm"), RFC5869)
def test_hkdf_rfc5869(
    ikm: bytes, salt: bytes, info: bytes, length: int, prk: str, okm: str
) -> None:
    assert hkdf_extract(salt, ikm).hex() == prk
    assert hkdf_expand(bytes.fromhex(prk), info, length).hex() == okm
    assert hkdf(ikm, info, length, salt=salt).hex() == okm


@pytest.mark.parametrize("length", [0, 255 * 32 + 1])
def test_hkdf_expand_rejects_lengths_out_of_range(length: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        hkdf_expand(bytes(32), b"", length)


def test_hkdf_expand_longest_output() -> None:
    assert len(hkdf_expand(bytes(32), b"", 255 * 32)) == 255 * 32


def test_sha256_known_answer() -> None:
    assert sha256(b"abc").hex() == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_lp_prefixes_each_part_with_its_length() -> None:
    assert lp(b"ab", b"c") == b"\x00\x00\x00\x02ab\x00\x00\x00\x01c"
    assert lp() == b""
    assert lp(b"") == b"\x00\x00\x00\x00"


def test_lp_is_unambiguous_where_concatenation_is_not() -> None:
    assert lp(b"ab", b"c") != lp(b"a", b"bc")
    assert lp(b"a", b"") != lp(b"", b"a")
    assert lp(b"abc") != lp(b"ab", b"c")
