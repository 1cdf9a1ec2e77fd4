"""The short authentication string (docs/protocol.md, "Short authentication string").

42 bits of ``HKDF(th, info="secket/1 sas", L=6)``, shown four ways that all come from the
same bits: 7 emoji with their words (6 bits each), a colour swatch, 11 hex digits and a
13-digit number for reading aloud. A relay that terminates DTLS gets a different ``th`` on
each side, so the two screens differ except with chance 2^-42.
"""

from __future__ import annotations

from .errors import LocalProtocolError
from .kdf import hkdf
from .records import Record

SAS_BITS = 42
SAS_BYTES = 6
EMOJI_BITS = 6
EMOJI_COUNT = SAS_BITS // EMOJI_BITS

#: The Matrix specification's SAS emoji table, in its order. These were chosen to be told
#: apart by shape alone, which matters for people who cannot rely on colour.
EMOJI: tuple[tuple[str, str], ...] = (
    ("\U0001f436", "Dog"),
    ("\U0001f431", "Cat"),
    ("\U0001f981", "Lion"),
    ("\U0001f40e", "Horse"),
    ("\U0001f984", "Unicorn"),
    ("\U0001f437", "Pig"),
    ("\U0001f418", "Elephant"),
    ("\U0001f430", "Rabbit"),
    ("\U0001f43c", "Panda"),
    ("\U0001f413", "Rooster"),
    ("\U0001f427", "Penguin"),
    ("\U0001f422", "Turtle"),
    ("\U0001f41f", "Fish"),
    ("\U0001f419", "Octopus"),
    ("\U0001f98b", "Butterfly"),
    ("\U0001f337", "Flower"),
    ("\U0001f333", "Tree"),
    ("\U0001f335", "Cactus"),
    ("\U0001f344", "Mushroom"),
    ("\U0001f30f", "Globe"),
    ("\U0001f319", "Moon"),
    ("\u2601\ufe0f", "Cloud"),
    ("\U0001f525", "Fire"),
    ("\U0001f34c", "Banana"),
    ("\U0001f34e", "Apple"),
    ("\U0001f353", "Strawberry"),
    ("\U0001f33d", "Corn"),
    ("\U0001f355", "Pizza"),
    ("\U0001f382", "Cake"),
    ("\u2764\ufe0f", "Heart"),
    ("\U0001f600", "Smiley"),
    ("\U0001f916", "Robot"),
    ("\U0001f3a9", "Hat"),
    ("\U0001f453", "Glasses"),
    ("\U0001f527", "Spanner"),
    ("\U0001f385", "Santa"),
    ("\U0001f44d", "Thumbs Up"),
    ("\u2602\ufe0f", "Umbrella"),
    ("\u231b", "Hourglass"),
    ("\u23f0", "Clock"),
    ("\U0001f381", "Gift"),
    ("\U0001f4a1", "Light Bulb"),
    ("\U0001f4d5", "Book"),
    ("\u270f\ufe0f", "Pencil"),
    ("\U0001f4ce", "Paperclip"),
    ("\u2702\ufe0f", "Scissors"),
    ("\U0001f512", "Lock"),
    ("\U0001f511", "Key"),
    ("\U0001f528", "Hammer"),
    ("\u260e\ufe0f", "Telephone"),
    ("\U0001f3c1", "Flag"),
    ("\U0001f682", "Train"),
    ("\U0001f6b2", "Bicycle"),
    ("\u2708\ufe0f", "Aeroplane"),
    ("\U0001f680", "Rocket"),
    ("\U0001f3c6", "Trophy"),
    ("\u26bd", "Ball"),
    ("\U0001f3b8", "Guitar"),
    ("\U0001f3ba", "Trumpet"),
    ("\U0001f514", "Bell"),
    ("\u2693", "Anchor"),
    ("\U0001f3a7", "Headphones"),
    ("\U0001f4c1", "Folder"),
    ("\U0001f4cc", "Pin"),
)

#: Sasha Trubetskoy's well-separated colours, ten of them with names a person can say.
#: The colour is a convenience on top of the emoji, never the only thing compared.
COLOURS: tuple[tuple[str, str], ...] = (
    ("Red", "#e6194b"),
    ("Orange", "#f58231"),
    ("Yellow", "#ffe119"),
    ("Green", "#3cb44b"),
    ("Cyan", "#42d4f4"),
    ("Blue", "#4363d8"),
    ("Purple", "#911eb4"),
    ("Magenta", "#f032e6"),
    ("Brown", "#9a6324"),
    ("Navy", "#000075"),
)

BLACK = "#000000"
WHITE = "#ffffff"


def sas_from_transcript(th: bytes) -> Sas:
    bits = hkdf(th, b"secket/1 sas", SAS_BYTES)
    # Keep the top 42 of the 48 bits: 7 emoji of 6 bits each, nothing left over.
    return Sas(int.from_bytes(bits, "big") >> (8 * SAS_BYTES - SAS_BITS))


class Sas(Record):
    """A 42-bit SAS value and the forms people compare."""

    value: int

    def __post_init__(self) -> None:
        if not 0 <= self.value < 1 << SAS_BITS:
            raise LocalProtocolError(f"A SAS is {SAS_BITS} bits; {self.value} does not fit.")

    @property
    def indices(self) -> tuple[int, ...]:
        """The seven 6-bit values, most significant first: each a row of :data:`EMOJI` (and
        of the words in other languages, ``secket.i18n.sas_words``)."""
        mask = (1 << EMOJI_BITS) - 1
        shifts = range(SAS_BITS - EMOJI_BITS, -1, -EMOJI_BITS)
        return tuple((self.value >> shift) & mask for shift in shifts)

    @property
    def emoji(self) -> tuple[tuple[str, str], ...]:
        """Seven (emoji, English word) pairs, most significant 6 bits first."""
        return tuple(EMOJI[index] for index in self.indices)

    @property
    def words(self) -> str:
        return " ".join(word for _, word in self.emoji)

    @property
    def colour(self) -> tuple[str, str]:
        """(name, "#rrggbb"). Taken modulo 10 so that every bit of the SAS moves it."""
        return COLOURS[self.value % len(COLOURS)]

    @property
    def text_colour(self) -> str:
        """Black or white, whichever contrasts more with :attr:`colour` (WCAG 2)."""
        return text_colour_on(self.colour[1])

    @property
    def hex(self) -> str:
        return f"{self.value:011x}"

    @property
    def number(self) -> str:
        """13 decimal digits grouped 4-4-5, the way people read numbers aloud."""
        digits = f"{self.value:013d}"
        return f"{digits[:4]} {digits[4:8]} {digits[8:]}"


def text_colour_on(background: str) -> str:
    luminance = _relative_luminance(background)
    # WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05) against black (L=0) and white (L=1).
    on_black = (luminance + 0.05) / 0.05
    on_white = 1.05 / (luminance + 0.05)
    return BLACK if on_black >= on_white else WHITE


def _relative_luminance(rgb: str) -> float:
    channels = (int(rgb[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
