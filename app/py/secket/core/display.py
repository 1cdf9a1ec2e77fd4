"""The faithful screen of a secret: text in, segments a page can draw without being fooled.

A received secret must read as exactly what its bytes are. Text can hide what it is: a
right-to-left override turns ``abc\u202efed`` into what looks like ``abcdef``, zero-width
characters and bidi marks are drawn as nothing, controls as little boxes, a no-break space
as a space, and right-to-left letters move the digits and punctuation around them. So
:func:`render` cuts the text into:

- :class:`Text`: runs drawn as they are. A run with ``rtl`` holds right-to-left letters
  (bidi class R, AL or AN, their marks, and spaces between them); the page draws it as an
  isolate of its own (``<bdi dir="rtl">``), so its letters read right to left but cannot
  move anything outside it. Everything else is in the left-to-right order of the bytes.
- :class:`Marker`: a character (or a run of one repeated character) that must not be drawn
  as itself, drawn instead as a visible label such as ``⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩``;
  ``kind`` says why (:class:`Kind`).
- :class:`LineBreak`: U+000A. Every other line or paragraph separator is a marker.

The page draws one block per line (:meth:`Rendering.lines`) inside one element with
``dir="ltr"`` and ``unicode-bidi: isolate``, each marker as an isolated inline box, and marks
the end of every line but the last so that a soft wrap cannot pass for a line break
(``app/style.css``, ``.faithful``). Nothing of the text ever reaches the page unmarked that
could reorder it: every bidi control is a marker, and right-to-left runs are isolates.

Not flagged, because they are what they look like: letters of any script (Arabic, Hebrew,
CJK, ...), combining marks (at most :data:`MAX_MARKS` on one character), emoji sequences:
a zero width joiner between two emoji, VS15/VS16 right after an emoji (or in a keycap), skin
tones, and the tag sequences of the three subdivision flags. Copy gives the exact original:
``Rendering.original()`` joins the segments back into the input, whatever it was.

Verdicts use :func:`secket.core.chars.char_class`, which is Unicode 16.0 under both CPython
3.11 (tests) and Pyodide (the page); that module says how.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from functools import lru_cache
from itertools import compress, count, repeat
from operator import is_not
from typing import TypeVar

from . import chars
from .records import Record

#: Combining marks drawn on one character; more would pile up over the lines around it.
MAX_MARKS = 4

_LINE_FEED = "\n"
_SPACE = " "
_BLACK_FLAG = "\U0001f3f4"
# The emoji tag sequences recommended for general interchange: England, Scotland, Wales.
# (Looked for with str.find rather than a regular expression: compiling one cost more at
# the page's start than all the searches of a secret.)
_FLAGS = tuple(
    _BLACK_FLAG + "".join(chr(0xE0000 + ord(c)) for c in code) + "\U000e007f"
    for code in ("gbeng", "gbsct", "gbwls")
)


class Kind(Enum):
    """Why a character is shown as a marker. The value goes into ``data-kinds``."""

    #: Bidi controls (embeddings, overrides, isolates, marks): they reorder the text.
    BIDI = "bidi"
    #: Zero-width and other invisible or format characters.
    INVISIBLE = "invisible"
    #: C0 and C1 control characters and DELETE.
    CONTROL = "control"
    #: Spaces that are not one plain space inside a line: tab, no-break and other unusual
    #: spaces, line and paragraph separators, and plain spaces at the start of the text or
    #: at the end of a line.
    SPACE = "space"
    #: Variation selectors outside an emoji sequence.
    VARIATION = "variation"
    #: Tag characters outside an emoji flag: invisible ASCII.
    TAG = "tag"
    #: Private-use characters: no meaning outside one font or program.
    PRIVATE_USE = "private-use"
    #: Unassigned code points and noncharacters.
    UNASSIGNED = "unassigned"
    #: Half of a UTF-16 surrogate pair, alone: not a character at all.
    SURROGATE = "surrogate"
    #: Combining marks beyond :data:`MAX_MARKS` on one character.
    STACKED_MARKS = "stacked-marks"


class Text(Record):
    """A run drawn as it is; ``rtl`` runs are drawn as right-to-left isolates."""

    text: str
    rtl: bool = False

    @property
    def original(self) -> str:
        return self.text


class Marker(Record):
    """``count`` times the character ``char``, drawn as :attr:`label`."""

    char: str
    kind: Kind
    count: int = 1

    @property
    def code_point(self) -> int:
        return ord(self.char)

    @property
    def name(self) -> str:
        return chars.char_name(self.code_point)

    @property
    def label(self) -> str:
        """``⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩``, ``⟨U+200B ZERO WIDTH SPACE ×3⟩``."""
        name = self.name
        times = f" ×{self.count}" if self.count > 1 else ""
        return f"⟨U+{self.code_point:04X}{' ' if name else ''}{name}{times}⟩"

    @property
    def original(self) -> str:
        return self.char * self.count


class LineBreak(Record):
    """U+000A, drawn as the end of a line."""

    @property
    def original(self) -> str:
        return _LINE_FEED


Segment = Text | Marker | LineBreak
Line = tuple[Text | Marker, ...]


class Rendering(Record):
    segments: tuple[Segment, ...]

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(s.kind for s in self.segments if isinstance(s, Marker))

    @property
    def data_kinds(self) -> str:
        """The kinds found, space-separated in :class:`Kind` order: ``data-kinds``."""
        return " ".join(kind.value for kind in Kind if kind in self.kinds)

    def lines(self) -> tuple[Line, ...]:
        """The segments between line breaks; an empty text is one empty line."""
        lines: list[Line] = []
        line: list[Text | Marker] = []
        for segment in self.segments:
            if isinstance(segment, LineBreak):
                lines.append(tuple(line))
                line = []
            else:
                line.append(segment)
        lines.append(tuple(line))
        return tuple(lines)

    def original(self) -> str:
        return "".join(segment.original for segment in self.segments)


def render(text: str) -> Rendering:
    """The segments of ``text``; any ``str``, lone surrogates included, never raises."""
    # Each distinct character is looked up once, and the per-position lists are made by C
    # loops: a 64 KiB secret is 65,536 positions, and Python per position was most of the
    # time it took to show one. Of a character's class only two matter to the drawing: "R"
    # (right to left) and "M" (a combining mark); anything else is "".
    distinct = set(text)
    class_of = {char: _layout(chars.char_class(ord(char))) for char in distinct}
    kind_of = {char: char_kind(ord(char)) for char in distinct}
    classes = _per_position(text, class_of)
    verdicts = _per_position(text, kind_of)
    marks = "".join(char for char in distinct if class_of[char] == "M")
    _neighbours(text, verdicts, classes, marks)
    return Rendering(tuple(_segments(text, verdicts, classes)))


_V = TypeVar("_V")


def _layout(char_class: str) -> str:
    return char_class if char_class in ("R", "M") else ""


def _per_position(text: str, value_of: dict[str, _V]) -> list[_V]:
    values = set(value_of.values())
    if len(values) == 1:
        return [values.pop()] * len(text)
    return list(map(value_of.__getitem__, text))


@lru_cache(maxsize=4096)
def char_kind(cp: int) -> Kind | None:
    """The verdict on a code point on its own, before its neighbours are looked at."""
    kind = chars.char_class(cp)
    if kind == "Cs":
        return Kind.SURROGATE
    if cp in chars.BIDI_CONTROLS:
        return Kind.BIDI
    if kind == "Cc":
        return None if cp == 0x0A else Kind.SPACE if cp == 0x09 else Kind.CONTROL
    if cp in chars.VARIATION_SELECTORS:
        return Kind.VARIATION
    if cp in chars.TAGS:
        return Kind.TAG
    if kind in ("Cn", "Co"):
        return Kind.UNASSIGNED if kind == "Cn" else Kind.PRIVATE_USE
    if kind == "Cf" or cp in chars.IGNORABLE_LETTERS:
        return Kind.INVISIBLE
    if (kind == "Z" and cp != 0x20) or cp == chars.BRAILLE_BLANK:
        return Kind.SPACE
    return None


#: The characters whose verdict depends on their neighbours (emoji joiners and selectors).
_JOINERS = re.compile("[\u200d\ufe0e\ufe0f]")


def _neighbours(text: str, verdicts: list[Kind | None], classes: list[str], marks: str) -> None:
    """Corrects the verdicts of characters on their own by their neighbours: joiners and
    selectors inside an emoji sequence, tags of a flag, too many combining marks in a row,
    spaces at the edges of lines.

    Only the positions where one of these can apply are visited, in order: a joiner or
    selector, a flag's tag, a combining mark (class M). Every other position keeps its
    verdict and, not being a mark, ends a row of marks.
    """
    flag_tags = _flag_positions(text)
    visits = {match.start() for match in _JOINERS.finditer(text)} | flag_tags
    if marks:
        visits.update(match.start() for match in re.finditer(f"[{re.escape(marks)}]", text))
    codes = list(map(ord, text)) if visits else []
    row, previous = 0, -2
    for i in sorted(visits):
        if i != previous + 1:
            row = 0  # a position in between was not a mark
        previous = i
        if _in_emoji(codes, verdicts, i) or i in flag_tags:
            verdicts[i] = None
        if verdicts[i] is None and classes[i] == "M":
            row += 1
            if row > MAX_MARKS:
                verdicts[i] = Kind.STACKED_MARKS
        else:
            row = 0
    _mark_edge_spaces(text, verdicts)


def _flag_positions(text: str) -> set[int]:
    """The positions of the flag sequences of :data:`_FLAGS` in ``text``."""
    found: set[int] = set()
    start = text.find(_BLACK_FLAG)
    while start != -1:
        for flag in _FLAGS:
            if text.startswith(flag, start):
                found.update(range(start, start + len(flag)))
                break
        start = text.find(_BLACK_FLAG, start + 1)
    return found


def _in_emoji(codes: list[int], verdicts: list[Kind | None], i: int) -> bool:
    """Whether a ZWJ, VS15 or VS16 is part of an emoji sequence."""
    if codes[i] == chars.ZWJ:
        return _joins_emoji(codes, verdicts, i)
    return codes[i] in (chars.VS15, chars.VS16) and _presents_emoji(codes, verdicts, i)


def _emoji(codes: list[int], verdicts: list[Kind | None], i: int) -> bool:
    return 0 <= i < len(codes) and verdicts[i] is None and chars.is_pictographic(codes[i])


def _joins_emoji(codes: list[int], verdicts: list[Kind | None], i: int) -> bool:
    """A ZWJ between two emoji (the first may carry VS16 or a skin tone)."""
    before = i - 1
    if before >= 0 and (codes[before] == chars.VS16 or codes[before] in chars.SKIN_TONES):
        before -= 1
    return _emoji(codes, verdicts, before) and _emoji(codes, verdicts, i + 1)


def _presents_emoji(codes: list[int], verdicts: list[Kind | None], i: int) -> bool:
    """VS15/VS16 right after an emoji, or VS16 in a keycap (``1`` VS16 U+20E3)."""
    if _emoji(codes, verdicts, i - 1):
        return True
    return (
        codes[i] == chars.VS16
        and i >= 1
        and codes[i - 1] in chars.KEYCAP_BASES
        and i + 1 < len(codes)
        and codes[i + 1] == chars.KEYCAP
    )


def _mark_edge_spaces(text: str, verdicts: list[Kind | None]) -> None:
    """Plain spaces at the start of the text and at the end of each line are invisible."""
    start = 0
    while start < len(text) and text[start] == _SPACE:
        verdicts[start] = Kind.SPACE
        start += 1
    for end in (*(m.start() for m in re.finditer(_LINE_FEED, text)), len(text)):
        i = end - 1
        while i >= 0 and text[i] == _SPACE:
            verdicts[i] = Kind.SPACE
            i -= 1


def _segments(text: str, verdicts: list[Kind | None], classes: list[str]) -> Iterator[Segment]:
    n = len(text)
    # Where a run of plain text must stop: a marker or a line break.
    stops = sorted(
        {
            *compress(count(), map(is_not, verdicts, repeat(None))),
            *(match.start() for match in re.finditer(_LINE_FEED, text)),
        }
    )
    i, k = 0, 0
    while i < n:
        while k < len(stops) and stops[k] < i:
            k += 1
        stop = stops[k] if k < len(stops) else n
        if stop > i:
            yield from _direction_runs(text[i:stop], classes[i:stop])
            i = stop
        elif text[i] == _LINE_FEED:
            yield LineBreak()
            i += 1
        else:
            kind, end = verdicts[i], i + 1
            while end < n and text[end] == text[i] and verdicts[end] is kind:
                end += 1
            yield Marker(text[i], kind, end - i)  # type: ignore[arg-type]  # a stop: not None
            i = end


def _direction_runs(run: str, classes: list[str]) -> Iterator[Text]:
    """``run`` (no markers, no line break) cut into left-to-right and right-to-left runs."""
    if "R" not in classes:
        yield Text(run)
        return
    start, i, n = 0, 0, len(run)
    while i < n:
        if classes[i] != "R":
            i += 1
            continue
        end = i + 1
        while end < n:
            if classes[end] in ("R", "M"):
                end += 1
                continue
            spaces = end
            while spaces < n and run[spaces] == _SPACE:
                spaces += 1
            if spaces in (end, n) or classes[spaces] != "R":
                break
            end = spaces
        if start < i:
            yield Text(run[start:i])
        yield Text(run[i:end], rtl=True)
        start = i = end
    if start < n:
        yield Text(run[start:])
