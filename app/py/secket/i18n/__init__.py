"""What the page says, by key: a message is a key and its parameters, never a sentence.

The page's state machine (:mod:`secket.page`) and the errors (:mod:`secket.core.errors`)
name messages by key; ``browser/dom.py`` renders them with a catalogue, a dict from key to
a ``str.format`` template. There is one module per language (:mod:`secket.i18n.en`,
:mod:`secket.i18n.de`, ...), each with the same keys and the same fields in each template
(``tests/unit/test_i18n.py`` checks both); :mod:`secket.i18n.languages` lists them and
chooses one from the browser's preferences; :mod:`secket.i18n.sas_words` holds the code's
words in each of them.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import field

from ..core.records import Record

#: A language: every message key to its ``str.format`` template.
Catalogue = Mapping[str, str]

#: The one entry of a catalogue that is no sentence: what groups the digits of a number a
#: template formats with ``{name:,}`` ("," in English, "." in German, a narrow no-break
#: space in French).
DIGIT_GROUP = "number.group"


class Msg(Record):
    """A message to show: a catalogue key and the values its template names."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


class _Formatter(string.Formatter):
    """``str.format``, except that ``{n:,}`` groups the digits the catalogue's way."""

    def __init__(self, group: str) -> None:
        super().__init__()
        self._group = group

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec == "," and isinstance(value, int):
            return f"{value:,}".replace(",", self._group)
        return str(super().format_field(value, format_spec))


def render(message: Msg, catalogue: Catalogue) -> str:
    formatter = _Formatter(catalogue.get(DIGIT_GROUP, ","))
    return formatter.format(catalogue[message.key], **message.params)
