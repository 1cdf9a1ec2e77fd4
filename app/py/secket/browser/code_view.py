"""Drawing the verification code: its colour swatch, its emoji with their words, its number.

Part of the page's DOM work (``dom.py`` calls it). The emoji, their order and the number are
the same in every language; only the words change, so a new language draws the words again.
"""

from __future__ import annotations

from collections.abc import Sequence

import js

from ..core.sas import Sas
from .jsutil import element as _el

#: A word longer than this (German compounds: "Weihnachtsmann") is drawn a little smaller,
#: so that it stays on one line in its cell (app/style.css, ``.word.long``).
LONG_WORD = 11


def draw_code(sas: Sas, in_words: Sequence[str]) -> None:
    _name, colour = sas.colour
    swatch = _el("sas-colour")
    swatch.style.background = colour
    swatch.style.color = sas.text_colour
    swatch.dataset.colour = colour
    draw_words(sas, in_words)
    _el("sas-number").textContent = sas.number


def draw_words(sas: Sas, in_words: Sequence[str]) -> None:
    """The emoji with their words (``in_words``: the emoji table's words in one language)."""
    emoji = _el("sas-emoji")
    emoji.replaceChildren()
    for index, (glyph, _english) in zip(sas.indices, sas.emoji, strict=True):
        item = js.document.createElement("li")
        word = in_words[index]
        word_class = "word long" if len(word) > LONG_WORD else "word"
        for cls, text in (("glyph", glyph), (word_class, word)):
            span = js.document.createElement("span")
            span.className = cls
            span.textContent = text
            item.append(span)
        item.firstChild.setAttribute("aria-hidden", "true")  # the word says it
        item.lastChild.dir = "auto"
        emoji.append(item)
    emoji.dataset.sas = sas.hex
