"""The Unicode facts behind the renderer: names of controls, classes, emoji."""

from __future__ import annotations

import re
import unicodedata

import pytest

from secket.core import chars
from secket.core.sas import EMOJI

CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0)]


@pytest.mark.parametrize("cp", CONTROLS, ids=[f"U+{cp:04X}" for cp in CONTROLS])
def test_control_names_are_their_unicode_aliases(cp: int) -> None:
    found = re.fullmatch(r"([A-Z -]+) \(([A-Z0-9]+)\)", chars.char_name(cp))
    assert found, chars.char_name(cp)
    name, abbreviation = found.groups()
    assert unicodedata.lookup(name) == chr(cp)
    assert unicodedata.lookup(abbreviation) == chr(cp)


@pytest.mark.parametrize(
    ("cp", "expected"),
    [
        (ord("a"), "-"),
        (ord(" "), "Z"),
        (0x3000, "Z"),
        (0x2028, "Z"),
        (0x0301, "M"),
        (0x20E3, "M"),
        (0x05D0, "R"),
        (0x0627, "R"),
        (0x0661, "R"),
        (0x0031, "-"),
        (0x200B, "Cf"),
        (0x0000, "Cc"),
        (0xE000, "Co"),
        (0xD800, "Cs"),
        (0x0378, "Cn"),
        # Added in Unicode 15.0 and 16.0: the same class under CPython 3.11 as in Pyodide.
        (0x1FAE8, "-"),
        (0x10D4A, "R"),
        (0x13439, "Cf"),
        (0x11F36, "M"),
        (0x1171E, "-"),
    ],
)
def test_char_class(cp: int, expected: str) -> None:
    assert chars.char_class(cp) == expected
    assert expected in chars.CLASSES


def test_every_sas_emoji_is_pictographic() -> None:
    for emoji, _ in EMOJI:
        assert chars.is_pictographic(ord(emoji[0])), emoji
    for cp in (ord("a"), ord("1"), ord("#"), 0x1F3FB, 0x1F1E6, 0x200D, 0xFE0F):
        assert not chars.is_pictographic(cp), hex(cp)


def test_names() -> None:
    assert chars.char_name(0x202E) == "RIGHT-TO-LEFT OVERRIDE"
    assert chars.char_name(0xD83D) == "LONE SURROGATE"
    assert chars.char_name(0x10FFFF) == "NONCHARACTER"
    assert chars.char_name(0xFDEF) == "NONCHARACTER"
    assert chars.char_name(0xE0000) == "UNASSIGNED"
    assert chars.char_name(0x100000) == "PRIVATE USE"
