"""The DOM's words: every message on the page, kept so that a new language can say it again.

Part of the DOM work of ``dom.py``, which draws with it. Each element that holds a message
names its key in ``data-i18n`` (``index.html`` names the keys of its own text, and
``data-i18n-label`` / ``data-i18n-placeholder`` those of its attributes); :class:`PageText`
keeps each message's parameters by the element's id. :meth:`PageText.use` then renders
every one of them again in another language, sets ``<html lang>`` and ``dir``, and the
picker, with no reload and nothing stored.
"""

from __future__ import annotations

from collections.abc import Mapping

import js

from ..i18n import Msg, render
from ..i18n.languages import BY_CODE, DEFAULT, Language, catalogue
from ..page.effects import SecretWarning
from .faithful import draw_warning
from .jsutil import element as _el

#: Attributes that hold a message, each with the attribute that names its key.
ATTRIBUTES = (("aria-label", "data-i18n-label"), ("placeholder", "data-i18n-placeholder"))


class PageText:
    def __init__(self) -> None:
        self.language: Language = BY_CODE[DEFAULT]
        self._catalogue = catalogue(DEFAULT)
        #: The parameters of the messages on screen, by the id of the element showing each.
        self._params: dict[str, Mapping[str, object]] = {}
        #: The warnings beside a secret's faithful screen, by the id of their element.
        self._warnings: dict[str, SecretWarning | None] = {}

    def text(self, message: Msg) -> str:
        return render(message, self._catalogue)

    def put(self, element_id: str, message: Msg) -> None:
        """Show ``message`` in an element, which keeps its key for a change of language."""
        element = _el(element_id)
        element.dataset.i18n = message.key
        self._params[element_id] = message.params
        element.textContent = self.text(message)

    def warn(self, element_id: str, warning: SecretWarning | None) -> None:
        """Show (or hide, for None) the warning beside a secret's screen
        (``faithful.draw_warning``), and keep it for a change of language."""
        self._warnings[element_id] = warning
        draw_warning(_el(element_id), warning, self.text)

    def clear(self, element_id: str) -> None:
        element = _el(element_id)
        element.removeAttribute("data-i18n")
        self._params.pop(element_id, None)
        element.textContent = ""

    def use(self, code: str) -> None:
        """Speak ``code`` from now on, and say everything on the page again in it."""
        self.language = BY_CODE[code]
        self._catalogue = catalogue(code)
        root = js.document.documentElement
        root.lang = code
        root.dir = self.language.direction
        _el("language").value = code
        for element in js.document.querySelectorAll("[data-i18n]"):
            params = self._params.get(str(element.id), {})
            element.textContent = self.text(Msg(str(element.dataset.i18n), params))
        for attribute, names_key in ATTRIBUTES:
            for element in js.document.querySelectorAll(f"[{names_key}]"):
                key = str(element.getAttribute(names_key))
                element.setAttribute(attribute, self.text(Msg(key)))
        for element_id, warning in self._warnings.items():
            draw_warning(_el(element_id), warning, self.text)


def preferred_languages() -> tuple[str, ...]:
    """The languages the person prefers, first first: the one picked while Python was
    starting (``app/language.js`` marks the picker), then the browser's."""
    navigator = js.navigator
    preferred = getattr(navigator, "languages", None)
    tags = [str(tag) for tag in preferred] if preferred else [str(navigator.language)]
    picker = _el("language")
    if picker.hasAttribute("data-picked"):
        tags.insert(0, str(picker.value))
    return tuple(tags)
