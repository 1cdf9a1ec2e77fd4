"""The catalogues: every language says everything English says, with the same fields; the
choice of language; the code's words."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from secket.core.sas import EMOJI, Sas
from secket.i18n import DIGIT_GROUP, Msg, render
from secket.i18n.en import MESSAGES as ENGLISH
from secket.i18n.languages import LANGUAGES, TAGS, catalogue, choose_language
from secket.i18n.sas_words import COLUMNS, words

I18N = Path(__file__).parents[2] / "app" / "py" / "secket" / "i18n"
CODES = [language.code for language in LANGUAGES]
#: Modules of secket.i18n that are not a language.
NOT_LANGUAGES = {"__init__", "languages", "sas_words"}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_catalogue_module_is_a_listed_language() -> None:
    modules = {path.stem for path in I18N.glob("*.py")} - NOT_LANGUAGES
    assert modules == {language.module for language in LANGUAGES}


@pytest.mark.parametrize("code", CODES)
def test_each_language_has_every_key_with_the_same_fields(code: str) -> None:
    messages = catalogue(code)
    assert set(messages) == set(ENGLISH)
    for key, template in ENGLISH.items():
        assert fields(messages[key]) == fields(template), (code, key)
        assert key == DIGIT_GROUP or messages[key].strip(), (code, key)


@pytest.mark.parametrize("code", [code for code in CODES if code != "en"])
def test_each_language_is_translated(code: str) -> None:
    """Not English copied: a test of the work, not of the keys. Names (Secket, WebRTC, a
    colour like Magenta, a word like Pizza) may stay; whole sentences may not."""
    messages = catalogue(code)
    same = [k for k, v in ENGLISH.items() if messages[k] == v and len(v.split()) > 2]
    assert same == []


def test_fields_are_plain_names() -> None:
    for key, template in ENGLISH.items():
        assert all(name.isidentifier() for name in fields(template)), key


def test_a_message_renders_its_parameters() -> None:
    size = Msg("secret.count", {"size": 70000, "limit": 65536})
    assert render(size, ENGLISH) == "70,000 of 65,536 bytes"
    assert render(size, catalogue("de")) == "70.000 von 65.536 Byte"
    assert render(size, catalogue("fr")) == "70\u202f000 octets sur 65\u202f536"


@pytest.mark.parametrize("code", CODES)
def test_each_language_groups_digits_with_one_character(code: str) -> None:
    assert len(catalogue(code)[DIGIT_GROUP]) == 1


# Which language ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("preferences", "chosen"),
    [
        ((), "en"),
        (("de-DE",), "de"),
        (("de-CH-1996",), "de"),
        (("pt-BR", "en"), "pt"),
        (("pt_PT",), "pt"),
        (("zh-CN",), "zh-Hans"),
        (("zh-Hans",), "zh-Hans"),
        (("zh-Hans-CN",), "zh-Hans"),
        (("zh",), "zh-Hans"),
        (("zh-TW", "ja"), "ja"),
        (("zh-Hant-HK", "fr-CA"), "fr"),
        (("zh-TW",), "en"),
        (("nl-NL", "es-419"), "es"),
        (("ar-EG",), "ar"),
        (("RU",), "ru"),
        (("sv", "fi"), "en"),
        (("", "*", "x-klingon"), "en"),
    ],
)
def test_the_language_follows_the_browsers_preferences(
    preferences: tuple[str, ...], chosen: str
) -> None:
    assert choose_language(preferences) == chosen


def test_every_language_is_its_own_choice_and_only_arabic_is_right_to_left() -> None:
    for language in LANGUAGES:
        assert choose_language([language.code]) == language.code
        assert TAGS[language.code.lower()] == language.code
    assert [language.code for language in LANGUAGES if language.rtl] == ["ar"]


# The code's words ---------------------------------------------------------------------------------
def test_the_words_are_matrixs_table_in_every_language() -> None:
    assert words("en") == tuple(word for _, word in EMOJI)
    assert set(COLUMNS) == set(CODES) - {"en"}
    for code in CODES:
        table = words(code)
        assert len(table) == len(EMOJI) == 64
        assert all(word.strip() for word in table)
        # No two emoji of one language share a word, or reading the words aloud would not
        # tell them apart.
        assert len({word.casefold() for word in table}) == 64, code


def test_two_languages_show_the_same_emoji_and_number_with_their_own_words() -> None:
    sas = Sas(0x2A5A5A5A5A5)
    german = [words("de")[i] for i in sas.indices]
    arabic = [words("ar")[i] for i in sas.indices]
    assert [EMOJI[i] for i in sas.indices] == list(sas.emoji)
    assert german != arabic
    assert german[0] == words("de")[sas.indices[0]]
