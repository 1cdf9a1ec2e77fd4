"""The SAS: how its 42 bits become emoji, words, a colour and numbers."""

from __future__ import annotations

import unicodedata

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from secket.core.errors import LocalProtocolError
from secket.core.sas import BLACK, COLOURS, EMOJI, WHITE, Sas, sas_from_transcript

TOP = (1 << 42) - 1

# The Matrix specification's table (data-definitions/sas-emoji.json): code points and
# descriptions, written out separately from the module so a slip in either shows up.
MATRIX_TABLE = [
    ("1F436", "Dog"),
    ("1F431", "Cat"),
    ("1F981", "Lion"),
    ("1F40E", "Horse"),
    ("1F984", "Unicorn"),
    ("1F437", "Pig"),
    ("1F418", "Elephant"),
    ("1F430", "Rabbit"),
    ("1F43C", "Panda"),
    ("1F413", "Rooster"),
    ("1F427", "Penguin"),
    ("1F422", "Turtle"),
    ("1F41F", "Fish"),
    ("1F419", "Octopus"),
    ("1F98B", "Butterfly"),
    ("1F337", "Flower"),
    ("1F333", "Tree"),
    ("1F335", "Cactus"),
    ("1F344", "Mushroom"),
    ("1F30F", "Globe"),
    ("1F319", "Moon"),
    ("2601-FE0F", "Cloud"),
    ("1F525", "Fire"),
    ("1F34C", "Banana"),
    ("1F34E", "Apple"),
    ("1F353", "Strawberry"),
    ("1F33D", "Corn"),
    ("1F355", "Pizza"),
    ("1F382", "Cake"),
    ("2764-FE0F", "Heart"),
    ("1F600", "Smiley"),
    ("1F916", "Robot"),
    ("1F3A9", "Hat"),
    ("1F453", "Glasses"),
    ("1F527", "Spanner"),
    ("1F385", "Santa"),
    ("1F44D", "Thumbs Up"),
    ("2602-FE0F", "Umbrella"),
    ("231B", "Hourglass"),
    ("23F0", "Clock"),
    ("1F381", "Gift"),
    ("1F4A1", "Light Bulb"),
    ("1F4D5", "Book"),
    ("270F-FE0F", "Pencil"),
    ("1F4CE", "Paperclip"),
    ("2702-FE0F", "Scissors"),
    ("1F512", "Lock"),
    ("1F511", "Key"),
    ("1F528", "Hammer"),
    ("260E-FE0F", "Telephone"),
    ("1F3C1", "Flag"),
    ("1F682", "Train"),
    ("1F6B2", "Bicycle"),
    ("2708-FE0F", "Aeroplane"),
    ("1F680", "Rocket"),
    ("1F3C6", "Trophy"),
    ("26BD", "Ball"),
    ("1F3B8", "Guitar"),
    ("1F3BA", "Trumpet"),
    ("1F514", "Bell"),
    ("2693", "Anchor"),
    ("1F3A7", "Headphones"),
    ("1F4C1", "Folder"),
    ("1F4CC", "Pin"),
]


def reference_sas_bits(th: bytes) -> int:
    okm = HKDF(algorithm=hashes.SHA256(), length=6, salt=b"", info=b"secket/1 sas").derive(th)
    return int.from_bytes(okm, "big")


# --- the tables ---------------------------------------------------------------------------


def test_emoji_table_is_the_matrix_table() -> None:
    assert len(EMOJI) == 64
    code_points = ["-".join(f"{ord(c):X}" for c in emoji) for emoji, _ in EMOJI]
    assert list(zip(code_points, [word for _, word in EMOJI], strict=True)) == MATRIX_TABLE


def test_emoji_and_words_are_unique() -> None:
    assert len({emoji for emoji, _ in EMOJI}) == 64
    assert len({word.lower() for _, word in EMOJI}) == 64


def test_emoji_are_real_emoji_characters() -> None:
    for emoji, word in EMOJI:
        assert unicodedata.category(emoji[0]) == "So", word


def test_colours() -> None:
    assert len(COLOURS) == 10
    assert len({name for name, _ in COLOURS}) == 10
    assert len({rgb for _, rgb in COLOURS}) == 10
    for _, rgb in COLOURS:
        assert len(rgb) == 7
        assert rgb.startswith("#")
        assert rgb[1:] == rgb[1:].lower()
        int(rgb[1:], 16)


# --- derivation from th -------------------------------------------------------------------


@pytest.mark.parametrize("th", [b"", bytes(32), bytes(range(32)), b"\xff" * 32])
def test_value_is_top_42_bits_of_hkdf(th: bytes) -> None:
    assert sas_from_transcript(th).value == reference_sas_bits(th) >> 6


def test_any_change_in_th_changes_the_sas() -> None:
    th = bytes(range(32))
    base = sas_from_transcript(th)
    for i in range(len(th)):
        changed = sas_from_transcript(th[:i] + bytes([th[i] ^ 1]) + th[i + 1 :])
        assert changed != base
        assert changed.emoji != base.emoji


# --- forms ------------------------------------------------------------------------------


def test_value_zero() -> None:
    sas = Sas(0)
    assert sas.emoji == (EMOJI[0],) * 7
    assert sas.words == "Dog Dog Dog Dog Dog Dog Dog"
    assert sas.colour == ("Red", "#e6194b")
    assert sas.hex == "00000000000"
    assert sas.number == "0000 0000 00000"


def test_value_top() -> None:
    sas = Sas(TOP)
    assert sas.emoji == (EMOJI[63],) * 7
    assert sas.words == " ".join(["Pin"] * 7)
    assert sas.colour == COLOURS[TOP % 10] == ("Green", "#3cb44b")
    assert sas.hex == "3ffffffffff"
    assert sas.number == "4398 0465 11103"


def test_emoji_are_most_significant_first() -> None:
    # 6-bit groups 1, 2, 3, 4, 5, 6, 7 from the top.
    value = 0
    for group in range(1, 8):
        value = (value << 6) | group
    sas = Sas(value)
    assert sas.emoji == tuple(EMOJI[i] for i in range(1, 8))
    assert sas.words == "Cat Lion Horse Unicorn Pig Elephant Rabbit"


def test_single_low_bit_moves_last_emoji_and_colour() -> None:
    assert Sas(1).emoji[-1] == EMOJI[1]
    assert Sas(1).emoji[:-1] == (EMOJI[0],) * 6
    assert Sas(1).colour != Sas(0).colour


def test_top_bit_moves_first_emoji_and_colour() -> None:
    sas = Sas(1 << 41)
    assert sas.emoji[0] == EMOJI[32]
    assert sas.colour == COLOURS[(1 << 41) % 10]
    assert sas.colour != Sas(0).colour


@pytest.mark.parametrize("value", [0, 1, 12345, 2**41, TOP])
def test_forms_are_consistent(value: int) -> None:
    sas = Sas(value)
    assert len(sas.emoji) == 7
    assert len(sas.hex) == 11
    assert int(sas.hex, 16) == value
    groups = sas.number.split(" ")
    assert [len(g) for g in groups] == [4, 4, 5]
    assert int("".join(groups)) == value
    assert sas.words.split(" ")[0] == sas.emoji[0][1].split(" ")[0]


def test_hex_is_lowercase() -> None:
    assert Sas(0xABCDEF).hex == "00000abcdef"


@pytest.mark.parametrize("value", [-1, 1 << 42])
def test_value_out_of_range(value: int) -> None:
    with pytest.raises(LocalProtocolError):
        Sas(value)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Red", BLACK),  # a near tie (4.6 against 4.6); black edges it
        ("Orange", BLACK),
        ("Yellow", BLACK),
        ("Green", BLACK),
        ("Cyan", BLACK),
        ("Blue", WHITE),
        ("Purple", WHITE),
        ("Magenta", BLACK),
        ("Brown", WHITE),
        ("Navy", WHITE),
    ],
)
def test_text_colour(name: str, text: str) -> None:
    """WCAG 2: whichever of black and white contrasts more with the swatch."""
    index = [n for n, _ in COLOURS].index(name)
    assert Sas(index).colour[0] == name
    assert Sas(index).text_colour == text
