"""What the page says, by key: a message is a key and its parameters, never a sentence.

The page's state machine (:mod:`secket.page`) and the errors (:mod:`secket.core.errors`)
name messages by key; ``browser/dom.py`` renders them with a catalogue, a dict from key to
a ``str.format`` template. English is :mod:`secket.i18n.en`; another language is another
module with the same keys (``tests/unit/test_i18n.py`` checks every key is there).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: A language: every message key to its ``str.format`` template.
Catalogue = Mapping[str, str]


@dataclass(frozen=True)
class Msg:
    """A message to show: a catalogue key and the values its template names."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


def render(message: Msg, catalogue: Catalogue) -> str:
    return catalogue[message.key].format(**message.params)
