"""What the terminal shows, as pure functions of what there is to show: text in, lines out.

Colour is an argument (the caller decides from ``NO_COLOR`` and whether stderr is a
terminal), so every line here is tested as plain text and with its escape sequences.
"""

from __future__ import annotations

from qrcodegen import QrCode

from ..core.roles import Role
from ..core.sas import Sas

#: Modules of light margin around the QR code, as the QR specification asks.
QR_QUIET_ZONE = 4
_RESET = "\x1b[0m"
#: Black on white, whatever the terminal's own colours are.
_BLACK_ON_WHITE = "\x1b[38;2;0;0;0;48;2;255;255;255m"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def qr_lines(url: str, colour: bool) -> list[str]:
    """The link as a QR code, two modules per character cell (upper and lower half).

    With colour, dark modules are drawn black on an explicit white ground. Without, the
    light modules are the ones drawn, which reads right on the usual light-on-dark
    terminal (as ``qrencode -t UTF8`` does).
    """
    code = QrCode.encode_text(url, QrCode.Ecc.MEDIUM)
    size = code.get_size()
    span = range(-QR_QUIET_ZONE, size + QR_QUIET_ZONE)

    def drawn(x: int, y: int) -> bool:
        dark = 0 <= x < size and 0 <= y < size and code.get_module(x, y)
        return dark if colour else not dark

    glyphs = {(False, False): " ", (True, False): "\u2580", (False, True): "\u2584"}
    lines = []
    for y in span[::2]:
        row = "".join(glyphs.get((drawn(x, y), drawn(x, y + 1)), "\u2588") for x in span)
        lines.append(f"{_BLACK_ON_WHITE}{row}{_RESET}" if colour else row)
    return lines


def share_lines(url: str, creator: Role) -> list[str]:
    """The creator's instructions and the link."""
    if creator is Role.RECEIVER:
        lead = "Send this link to the person who has the secret; they open it or run"
        command = "secket send --link"
    else:
        lead = "Send this link to the person who should get the secret; they open it or run"
        command = "secket receive --link"
    return [lead + f" `{command} LINK`:", "", f"    {url}", ""]


def swatch(sas: Sas, colour: bool) -> str:
    """The colour of the code: a block of it with its name, or the name alone."""
    name, hex_colour = sas.colour
    if not colour:
        return f"Colour: {name}"
    background, text = _rgb(hex_colour), _rgb(sas.text_colour)
    escape = "\x1b[48;2;{};{};{}m\x1b[38;2;{};{};{}m".format(*background, *text)
    return f"Colour: {escape}  {name.upper():^9}  {_RESET}"


def code_lines(sas: Sas, colour: bool) -> list[str]:
    """The verification code as the page shows it: colour, emoji with words, number."""
    pairs = [f"{glyph} {word}" for glyph, word in sas.emoji]
    return [
        "",
        "Verification code: compare it with the other person's screen.",
        "",
        f"    {swatch(sas, colour)}",
        f"    {'   '.join(pairs[:4])}",
        f"    {'   '.join(pairs[4:])}",
        f"    Number: {sas.number}",
        "",
    ]


ASK = "Do the colour, the emoji and the number match exactly? Type y if they do, n if not: "
ASK_AGAIN = "Please type y (they match) or n (they don't): "
