"""The room link: fragment format, derived ids, and strict, readable parsing."""

from __future__ import annotations

import base64
import os

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from secket.core.errors import LocalProtocolError, MalformedLinkError
from secket.core.link import Link, new_link, parse_fragment
from secket.core.roles import Role

SECRET = bytes(range(16))
# base64url of 00 01 .. 0f, without padding.
K = "AAECAwQFBgcICQoLDA0ODw"
FRAGMENT = "#1r" + K


def reference_hkdf(ikm: bytes, info: bytes) -> bytes:
    """HKDF-SHA256 from ``cryptography``, independent of secket.core.kdf."""
    return HKDF(algorithm=hashes.SHA256(), length=16, salt=b"", info=info).derive(ikm)


def fixed_random(n: int) -> bytes:
    return SECRET[:n]


def test_fragment_format() -> None:
    link = Link(SECRET, Role.RECEIVER)
    assert link.fragment == FRAGMENT
    assert len(link.fragment) == 1 + 1 + 1 + 22
    assert Link(SECRET, Role.SENDER).fragment == "#1s" + K


def test_roles() -> None:
    link = Link(SECRET, Role.SENDER)
    assert link.opener_role is Role.SENDER
    assert link.creator_role is Role.RECEIVER
    assert Link(SECRET, Role.RECEIVER).creator_role is Role.SENDER


def test_url() -> None:
    link = Link(SECRET, Role.RECEIVER)
    assert link.url("https://secket.example") == "https://secket.example/" + FRAGMENT
    assert link.url("https://secket.example/") == "https://secket.example/" + FRAGMENT


def test_new_link_draws_16_bytes() -> None:
    asked: list[int] = []

    def random_bytes(n: int) -> bytes:
        asked.append(n)
        return fixed_random(n)

    link = new_link(random_bytes, Role.SENDER)
    assert asked == [16]
    assert link == Link(SECRET, Role.SENDER)


@pytest.mark.parametrize("role", list(Role))
def test_round_trip(role: Role) -> None:
    for _ in range(50):
        link = new_link(os.urandom, role)
        assert parse_fragment(link.fragment) == link
        assert parse_fragment(link.fragment[1:]) == link
        assert parse_fragment(link.url("http://localhost:8080")) == link


# Room ids of k = 00 01 .. 0f for each opener role (docs/protocol.md, "Test vector").
ROOM_ID_OPENER_SENDS = "97cf84c55117714685f552e3d2485a22"
ROOM_ID_OPENER_RECEIVES = "25439e8259ce4ec7f478c67952b5028f"


@pytest.mark.parametrize("role", list(Role))
def test_room_id_known_answer(role: Role) -> None:
    link = Link(SECRET, role)
    info = b"secket/1 room " + role.value.encode()
    assert link.room_id == reference_hkdf(SECRET, info).hex()
    assert len(link.room_id) == 32
    assert link.room_id == link.room_id.lower()


def test_room_ids_of_the_test_vector() -> None:
    assert Link(SECRET, Role.SENDER).room_id == ROOM_ID_OPENER_SENDS
    assert Link(SECRET, Role.RECEIVER).room_id == ROOM_ID_OPENER_RECEIVES


def test_signal_key_known_answer() -> None:
    link = Link(SECRET, Role.RECEIVER)
    assert link.signal_key == reference_hkdf(SECRET, b"secket/1 signal")
    assert len(link.signal_key) == 16


def test_a_flipped_role_letter_names_another_room() -> None:
    """Changing ``r`` to ``s`` in a link reaches a room the server does not know."""
    as_made = parse_fragment("#1r" + K)
    flipped = parse_fragment("#1s" + K)
    assert flipped.room_id != as_made.room_id
    # Both people still hold the same signaling key: only the room tells them apart.
    assert flipped.signal_key == as_made.signal_key


def test_room_id_and_signal_key_are_independent() -> None:
    link = Link(SECRET, Role.RECEIVER)
    assert link.signal_key.hex() != link.room_id
    assert K not in link.room_id
    assert SECRET.hex() not in link.room_id


def test_repr_hides_the_secret() -> None:
    text = repr(Link(SECRET, Role.RECEIVER))
    assert K not in text
    assert repr(SECRET) not in text
    assert SECRET.hex() not in text


@pytest.mark.parametrize(
    "text",
    [
        "  " + FRAGMENT + "\n",
        "\t" + FRAGMENT[1:] + " ",
        "https://secket.example/" + FRAGMENT,
        " https://secket.example/" + FRAGMENT + "\r\n",
        "https://secket.example/?utm=x" + FRAGMENT,
        "secket.example/" + FRAGMENT,
    ],
    ids=["spaces", "tabs-no-hash", "url", "url-spaces", "url-query", "no-scheme"],
)
def test_tolerated_forms(text: str) -> None:
    assert parse_fragment(text) == Link(SECRET, Role.RECEIVER)


def expect_malformed(text: str, words: str) -> MalformedLinkError:
    with pytest.raises(MalformedLinkError) as info:
        parse_fragment(text)
    assert words in info.value.message
    return info.value


@pytest.mark.parametrize(
    "text",
    [
        FRAGMENT[:-1],
        FRAGMENT[:3],
        FRAGMENT[:2],
        "#1",
        "https://secket.example/" + FRAGMENT[:-5],
    ],
    ids=["one-short", "no-key", "no-key-no-role", "version-only", "url-cut"],
)
def test_truncated(text: str) -> None:
    expect_malformed(text, "incomplete")


@pytest.mark.parametrize(
    "text",
    [FRAGMENT + "A", FRAGMENT + "==", FRAGMENT + ".", FRAGMENT + "#more"],
    ids=["extra-char", "padding", "full-stop", "second-hash"],
)
def test_extra_characters(text: str) -> None:
    expect_malformed(text, "extra characters")


@pytest.mark.parametrize(
    "key",
    [
        K[:10] + "+" + K[11:],
        K[:10] + "/" + K[11:],
        K[:10] + "=" + K[11:],
        K[:10] + " " + K[11:],
        K[:10] + "é" + K[11:],
    ],
    ids=["plus", "slash", "equals", "space", "non-ascii"],
)
def test_bad_characters(key: str) -> None:
    expect_malformed("#1r" + key, "damaged")


def test_standard_base64_alphabet_is_refused() -> None:
    secret = bytes([0xFB, 0xFF] * 8)
    standard = base64.b64encode(secret).decode().rstrip("=")
    assert "+" in standard or "/" in standard
    expect_malformed("#1r" + standard, "damaged")
    urlsafe = base64.urlsafe_b64encode(secret).decode().rstrip("=")
    assert parse_fragment("#1r" + urlsafe).secret == secret


def test_non_canonical_last_character_is_refused() -> None:
    # 'x' and 'w' differ only in the 4 spare bits of the last character.
    assert K.endswith("w")
    expect_malformed("#1r" + K[:-1] + "x", "damaged")


@pytest.mark.parametrize("role", ["x", "R", "S", "-", "0"])
def test_bad_role(role: str) -> None:
    expect_malformed("#1" + role + K, "damaged")


@pytest.mark.parametrize("version", ["2", "9"])
def test_newer_version(version: str) -> None:
    expect_malformed("#" + version + "r" + K, "newer version of Secket")


@pytest.mark.parametrize("version", ["0", "a", "v", "-"])
def test_bad_version(version: str) -> None:
    expect_malformed("#" + version + "r" + K, "damaged")


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty(text: str) -> None:
    expect_malformed(text, "empty")


@pytest.mark.parametrize("text", ["https://secket.example/", "https://secket.example/#"])
def test_url_without_fragment(text: str) -> None:
    with pytest.raises(MalformedLinkError):
        parse_fragment(text)


def test_url_without_hash_says_the_secret_part_is_missing() -> None:
    expect_malformed("https://secket.example/", "after the '#'")


def test_messages_are_for_people() -> None:
    error = expect_malformed(FRAGMENT[:-3], "incomplete")
    assert error.code == "bad-link"
    assert error.message.endswith(".")
    assert K[:5] not in error.message


@pytest.mark.parametrize("length", [0, 15, 17, 32])
def test_link_refuses_wrong_secret_length(length: int) -> None:
    with pytest.raises(LocalProtocolError):
        Link(bytes(length), Role.RECEIVER)


def test_link_refuses_unknown_version() -> None:
    with pytest.raises(LocalProtocolError):
        Link(SECRET, Role.RECEIVER, version=2)
