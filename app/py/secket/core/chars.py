"""What the screen needs to know about a code point, the same in CPython 3.11 and Pyodide.

The page's Python is Pyodide's CPython 3.14, whose ``unicodedata`` is Unicode 16.0; the
tests run on CPython 3.11, whose ``unicodedata`` is Unicode 14.0. Every verdict of the
renderer (``display.py``) goes through :func:`char_class`, which reduces a code point to
the few classes the verdicts use, and that class is the one of **Unicode 16.0 on both**:
``unicodedata`` answers, except for the code points whose class changed between 14.0 and
16.0 (``_NEWER``: all newly assigned, plus one mark that became a spacing mark), which are
looked up in a table made from Pyodide's own ``unicodedata``.
``tests/unit/test_display_pyodide.py`` runs this module inside the pinned Pyodide under
Node and checks that every one of the 1,114,112 code points gets the same class and the
same verdict there as under CPython. A Unicode newer than 16.0 adds classes for code points
this table does not name; the runtime's data answers for those.

Names are the one thing that may differ: CPython 3.11 has no name for a character added
after Unicode 14.0, so a marker for one shows only its code point there.

The other properties (Extended_Pictographic, Default_Ignorable_Code_Point, Bidi_Control,
variation selectors) are not in ``unicodedata`` at all; they are the small fixed tables
below, taken from the Unicode Character Database (Extended_Pictographic as of 17.0, as
Node 20's ICU has it; it reserves whole blocks, so it hardly changes).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

#: Bidi_Control: the characters that reorder the text around them.
BIDI_CONTROLS = frozenset((0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)))
ZWJ = 0x200D
#: U+FE0E asks for text presentation, U+FE0F for emoji presentation of the character before.
VS15, VS16 = 0xFE0E, 0xFE0F
KEYCAP = 0x20E3
KEYCAP_BASES = frozenset(map(ord, "#*0123456789"))
#: Emoji_Modifier: the five skin tones.
SKIN_TONES = range(0x1F3FB, 0x1F400)
TAGS = range(0xE0020, 0xE0080)
CANCEL_TAG = 0xE007F
BLACK_FLAG = 0x1F3F4
VARIATION_SELECTORS = frozenset(
    (*range(0x180B, 0x180E), 0x180F, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))
)
#: Default_Ignorable_Code_Point characters that are neither Cf nor handled above: a joiner
#: mark, the Khmer inherent vowels and the Hangul fillers, all drawn as nothing.
IGNORABLE_LETTERS = frozenset((0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0))
#: Drawn as a blank although it is no space.
BRAILLE_BLANK = 0x2800

#: The classes of :func:`char_class`: general categories Cc, Cf, Cn, Co, Cs as such; "Z" any
#: separator (Zs, Zl, Zp); "M" a nonspacing or enclosing mark (Mn, Me); "R" any other
#: character of bidi class R, AL or AN (drawn right to left); "-" everything else.
CLASSES = ("Cc", "Cf", "Cn", "Co", "Cs", "Z", "M", "R", "-")

# Unicode 16.0's class of each code point whose class in 14.0 was another, as
# "first[-last]:class" (hexadecimal).
_NEWER = """
897:M CF3:- ECE:M 1B4E-1B4F:- 1B7F:- 1C89-1C8A:- 2427-2429:- 2FFC-2FFF:- 31E4-31E5:-
31EF:- A7CB-A7CD:- A7DA-A7DC:- 105C0-105F3:- 10D40-10D65:R 10D69-10D6D:M 10D6E:-
10D6F-10D85:R 10D8E-10D8F:R 10EC2-10EC4:R 10EFC-10EFF:M 1123F-11240:- 11241:M
11380-11389:- 1138B:- 1138E:- 11390-113B5:- 113B7-113BA:- 113BB-113C0:M 113C2:- 113C5:-
113C7-113CA:- 113CC-113CD:- 113CE:M 113CF:- 113D0:M 113D1:- 113D2:M 113D3-113D5:-
113D7-113D8:- 113E1-113E2:M 116D0-116E3:- 1171E:- 11B00-11B09:- 11BC0-11BE1:-
11BF0-11BF9:- 11F00-11F01:M 11F02-11F10:- 11F12-11F35:- 11F36-11F3A:M 11F3E-11F3F:-
11F40:M 11F41:- 11F42:M 11F43-11F59:- 11F5A:M 1342F:- 13439-1343F:Cf 13440:M 13441-13446:-
13447-13455:M 13460-143FA:- 16100-1611D:- 1611E-16129:M 1612A-1612C:- 1612D-1612F:M
16130-16139:- 16D40-16D79:- 18CFF:- 1B132:- 1B155:- 1CC00-1CCF9:- 1CD00-1CEB3:-
1D2C0-1D2D3:- 1DF25-1DF2A:- 1E030-1E06D:- 1E08F:M 1E4D0-1E4EB:- 1E4EC-1E4EF:M
1E4F0-1E4F9:- 1E5D0-1E5ED:- 1E5EE-1E5EF:M 1E5F0-1E5FA:- 1E5FF:- 1F6DC:- 1F774-1F776:-
1F77B-1F77F:- 1F7D9:- 1F8B2-1F8BB:- 1F8C0-1F8C1:- 1FA75-1FA77:- 1FA87-1FA89:- 1FA8F:-
1FAAD-1FAAF:- 1FABB-1FABF:- 1FAC6:- 1FACE-1FACF:- 1FADA-1FADC:- 1FADF:- 1FAE8-1FAE9:-
1FAF7-1FAF8:- 1FBCB-1FBEF:- 2B739:- 2EBF0-2EE5D:- 31350-323AF:-
"""

# Extended_Pictographic, as "first[-last]" (hexadecimal).
_PICTOGRAPHIC = """
A9 AE 203C 2049 2122 2139 2194-2199 21A9-21AA 231A-231B 2328 23CF 23E9-23F3 23F8-23FA 24C2
25AA-25AB 25B6 25C0 25FB-25FE 2600-2604 260E 2611 2614-2615 2618 261D 2620 2622-2623 2626
262A 262E-262F 2638-263A 2640 2642 2648-2653 265F-2660 2663 2665-2666 2668 267B 267E-267F
2692-2697 2699 269B-269C 26A0-26A1 26A7 26AA-26AB 26B0-26B1 26BD-26BE 26C4-26C5 26C8
26CE-26CF 26D1 26D3-26D4 26E9-26EA 26F0-26F5 26F7-26FA 26FD 2702 2705 2708-270D 270F 2712
2714 2716 271D 2721 2728 2733-2734 2744 2747 274C 274E 2753-2755 2757 2763-2764 2795-2797
27A1 27B0 27BF 2934-2935 2B05-2B07 2B1B-2B1C 2B50 2B55 3030 303D 3297 3299 1F004
1F02C-1F02F 1F094-1F09F 1F0AF-1F0B0 1F0C0 1F0CF-1F0D0 1F0F6-1F0FF 1F170-1F171 1F17E-1F17F
1F18E 1F191-1F19A 1F1AE-1F1E5 1F201-1F20F 1F21A 1F22F 1F232-1F23A 1F23C-1F23F 1F249-1F25F
1F266-1F321 1F324-1F393 1F396-1F397 1F399-1F39B 1F39E-1F3F0 1F3F3-1F3F5 1F3F7-1F3FA
1F400-1F4FD 1F4FF-1F53D 1F549-1F54E 1F550-1F567 1F56F-1F570 1F573-1F57A 1F587 1F58A-1F58D
1F590 1F595-1F596 1F5A4-1F5A5 1F5A8 1F5B1-1F5B2 1F5BC 1F5C2-1F5C4 1F5D1-1F5D3 1F5DC-1F5DE
1F5E1 1F5E3 1F5E8 1F5EF 1F5F3 1F5FA-1F64F 1F680-1F6C5 1F6CB-1F6D2 1F6D5-1F6E5 1F6E9
1F6EB-1F6F0 1F6F3-1F6FF 1F7DA-1F7FF 1F80C-1F80F 1F848-1F84F 1F85A-1F85F 1F888-1F88F
1F8AE-1F8AF 1F8BC-1F8BF 1F8C2-1F8CF 1F8D9-1F8FF 1F90C-1F93A 1F93C-1F945 1F947-1F9FF
1FA58-1FA5F 1FA6E-1FAFF 1FC00-1FFFD
"""

#: Names of the C0 controls (U+0000-U+001F), from NameAliases.txt, with their abbreviation.
_C0 = (
    "NULL (NUL)",
    "START OF HEADING (SOH)",
    "START OF TEXT (STX)",
    "END OF TEXT (ETX)",
    "END OF TRANSMISSION (EOT)",
    "ENQUIRY (ENQ)",
    "ACKNOWLEDGE (ACK)",
    "ALERT (BEL)",
    "BACKSPACE (BS)",
    "CHARACTER TABULATION (TAB)",
    "LINE FEED (LF)",
    "LINE TABULATION (VT)",
    "FORM FEED (FF)",
    "CARRIAGE RETURN (CR)",
    "SHIFT OUT (SO)",
    "SHIFT IN (SI)",
    "DATA LINK ESCAPE (DLE)",
    "DEVICE CONTROL ONE (DC1)",
    "DEVICE CONTROL TWO (DC2)",
    "DEVICE CONTROL THREE (DC3)",
    "DEVICE CONTROL FOUR (DC4)",
    "NEGATIVE ACKNOWLEDGE (NAK)",
    "SYNCHRONOUS IDLE (SYN)",
    "END OF TRANSMISSION BLOCK (ETB)",
    "CANCEL (CAN)",
    "END OF MEDIUM (EOM)",
    "SUBSTITUTE (SUB)",
    "ESCAPE (ESC)",
    "INFORMATION SEPARATOR FOUR (FS)",
    "INFORMATION SEPARATOR THREE (GS)",
    "INFORMATION SEPARATOR TWO (RS)",
    "INFORMATION SEPARATOR ONE (US)",
)
#: Names of the C1 controls (U+0080-U+009F), likewise.
_C1 = (
    "PADDING CHARACTER (PAD)",
    "HIGH OCTET PRESET (HOP)",
    "BREAK PERMITTED HERE (BPH)",
    "NO BREAK HERE (NBH)",
    "INDEX (IND)",
    "NEXT LINE (NEL)",
    "START OF SELECTED AREA (SSA)",
    "END OF SELECTED AREA (ESA)",
    "CHARACTER TABULATION SET (HTS)",
    "CHARACTER TABULATION WITH JUSTIFICATION (HTJ)",
    "LINE TABULATION SET (VTS)",
    "PARTIAL LINE FORWARD (PLD)",
    "PARTIAL LINE BACKWARD (PLU)",
    "REVERSE LINE FEED (RI)",
    "SINGLE SHIFT TWO (SS2)",
    "SINGLE SHIFT THREE (SS3)",
    "DEVICE CONTROL STRING (DCS)",
    "PRIVATE USE ONE (PU1)",
    "PRIVATE USE TWO (PU2)",
    "SET TRANSMIT STATE (STS)",
    "CANCEL CHARACTER (CCH)",
    "MESSAGE WAITING (MW)",
    "START OF GUARDED AREA (SPA)",
    "END OF GUARDED AREA (EPA)",
    "START OF STRING (SOS)",
    "SINGLE GRAPHIC CHARACTER INTRODUCER (SGC)",
    "SINGLE CHARACTER INTRODUCER (SCI)",
    "CONTROL SEQUENCE INTRODUCER (CSI)",
    "STRING TERMINATOR (ST)",
    "OPERATING SYSTEM COMMAND (OSC)",
    "PRIVACY MESSAGE (PM)",
    "APPLICATION PROGRAM COMMAND (APC)",
)
_DELETE = "DELETE (DEL)"


def _ranges(table: str) -> list[tuple[int, int, str]]:
    found = []
    for item in table.split():
        span, _, value = item.partition(":")
        first, _, last = span.partition("-")
        found.append((int(first, 16), int(last or first, 16), value))
    return found


_NEWER_RANGES = _ranges(_NEWER)
_NEWER_STARTS = [first for first, _, _ in _NEWER_RANGES]
_PICTOGRAPHIC_RANGES = _ranges(_PICTOGRAPHIC)
_PICTOGRAPHIC_STARTS = [first for first, _, _ in _PICTOGRAPHIC_RANGES]


def _find(starts: list[int], ranges: list[tuple[int, int, str]], cp: int) -> str | None:
    index = bisect_right(starts, cp) - 1
    if index >= 0 and cp <= ranges[index][1]:
        return ranges[index][2]
    return None


def _class_of(category: str, bidi: str) -> str:
    if category in ("Mn", "Me"):
        return "M"
    if category[0] in "CZ":
        return "Z" if category[0] == "Z" else category
    return "R" if bidi in ("R", "AL", "AN") else "-"


@lru_cache(maxsize=4096)
def char_class(cp: int) -> str:
    """One of :data:`CLASSES`, as Unicode 16.0 has it."""
    newer = _find(_NEWER_STARTS, _NEWER_RANGES, cp)
    if newer is not None:
        return newer
    char = chr(cp)
    return _class_of(unicodedata.category(char), unicodedata.bidirectional(char))


def is_pictographic(cp: int) -> bool:
    """Extended_Pictographic: an emoji, or a code point kept for future ones."""
    return _find(_PICTOGRAPHIC_STARTS, _PICTOGRAPHIC_RANGES, cp) is not None


def is_noncharacter(cp: int) -> bool:
    return 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE


def char_name(cp: int) -> str:
    """The name a marker shows: the Unicode name, a control's alias, or what it is."""
    if cp < 0x20:
        return _C0[cp]
    if cp == 0x7F:
        return _DELETE
    if 0x80 <= cp <= 0x9F:
        return _C1[cp - 0x80]
    kind = char_class(cp)
    if kind == "Cs":
        return "LONE SURROGATE"
    if kind == "Co":
        return "PRIVATE USE"
    if kind == "Cn":
        return "NONCHARACTER" if is_noncharacter(cp) else "UNASSIGNED"
    return unicodedata.name(chr(cp), "")
