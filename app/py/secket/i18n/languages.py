"""The languages the page speaks, and the one a browser's preferences ask for.

:func:`choose_language` is the decision: the browser's ``navigator.languages`` (or the
person's pick) in, one of :data:`LANGUAGES` out. ``app/language.js`` makes the same choice
before Python has started, from the same table (:data:`TAGS`, written into
``app/early-text.js`` by ``scripts/early_text.py``); once Python runs, this one decides.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Final, cast

from ..core.records import Record
from . import Catalogue


class Language(Record):
    #: The BCP 47 tag: ``<html lang>`` and the picker's value.
    code: str
    #: The language's name in itself, as the picker shows it.
    name: str
    #: The module of ``secket.i18n`` that holds its catalogue.
    module: str
    #: Written right to left: ``<html dir="rtl">``.
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


#: In the picker's order.
LANGUAGES: Final[tuple[Language, ...]] = (
    Language("en", "English", "en"),
    Language("de", "Deutsch", "de"),
    Language("fr", "Français", "fr"),
    Language("es", "Español", "es"),
    Language("pt", "Português", "pt"),
    Language("ru", "Русский", "ru"),
    Language("zh-Hans", "简体中文", "zh_hans"),
    Language("ja", "日本語", "ja"),
    Language("ar", "العربية", "ar", rtl=True),
)
DEFAULT: Final = "en"
BY_CODE: Final[Mapping[str, Language]] = {language.code: language for language in LANGUAGES}

#: A language tag, in lower case and cut after any subtag, to the language it gets. None
#: stops at that tag and tries the browser's next preference: a reader of Traditional
#: Chinese is not answered in Simplified Chinese.
TAGS: Final[Mapping[str, str | None]] = {
    **{language.code.lower(): language.code for language in LANGUAGES},
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-my": "zh-Hans",
    "zh-hant": None,
    "zh-tw": None,
    "zh-hk": None,
    "zh-mo": None,
}


def choose_language(preferences: Iterable[str]) -> str:
    """The first preference this page speaks (``pt-BR`` gets ``pt``, ``zh-CN`` gets
    ``zh-Hans``), else English."""
    for tag in preferences:
        found = _match(tag)
        if found is not None:
            return found
    return DEFAULT


def _match(tag: str) -> str | None:
    """The language for one tag: the tag itself, else the tag without its last subtag, and
    so on (``de-CH-1996`` -> ``de-ch`` -> ``de``)."""
    parts = tag.strip().replace("_", "-").lower().split("-")
    while parts:
        key = "-".join(parts)
        if key in TAGS:
            return TAGS[key]
        parts.pop()
    return None


def catalogue(code: str) -> Catalogue:
    """The messages of the language ``code`` (one of :data:`LANGUAGES`)."""
    module = importlib.import_module(f"{__package__}.{BY_CODE[code].module}")
    return cast(Catalogue, module.MESSAGES)
