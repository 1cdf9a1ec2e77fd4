"""The catalogues: every language says everything English says, with the same fields; the
choice of language; the code's words; the page's own text and the pre-Python table."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import string
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest

from secket.core.sas import EMOJI, Sas
from secket.i18n import DIGIT_GROUP, Msg, render
from secket.i18n.en import MESSAGES as ENGLISH
from secket.i18n.languages import DEFAULT, LANGUAGES, TAGS, catalogue, choose_language
from secket.i18n.sas_words import COLUMNS, words

ROOT = Path(__file__).parents[2]
I18N = ROOT / "app" / "py" / "secket" / "i18n"
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


# The page's own text ----------------------------------------------------------------------------
class Texts(HTMLParser):
    """Each element of index.html with a ``data-i18n*`` attribute: its key and its text."""

    VOID: ClassVar = frozenset({"meta", "link", "input", "br", "img", "source"})

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self.attributes: list[tuple[str, str]] = []
        self._open: list[tuple[str, str | None, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        for attribute, key_attribute in (
            ("aria-label", "data-i18n-label"),
            ("placeholder", "data-i18n-placeholder"),
        ):
            if named.get(key_attribute):
                self.attributes.append((str(named[key_attribute]), named.get(attribute) or ""))
        if tag not in self.VOID:
            self._open.append((tag, named.get("data-i18n"), []))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            name, key, text = self._open.pop()
            if self._open:
                self._open[-1][2].extend(text)
            if key:
                self.found.append((key, " ".join("".join(text).split())))
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][2].append(data)


def page_texts() -> Texts:
    parser = Texts()
    parser.feed((ROOT / "app" / "index.html").read_text(encoding="utf-8"))
    return parser


def test_the_pages_own_text_is_the_english_catalogues() -> None:
    texts = page_texts()
    assert len(texts.found) > 30
    for key, text in texts.found:
        assert text == ENGLISH[key], key
    for key, text in texts.attributes:
        assert text == ENGLISH[key], key


def test_the_picker_offers_every_language_in_its_own_name() -> None:
    html = (ROOT / "app" / "index.html").read_text(encoding="utf-8")
    picker = html[html.index('<select id="language"') : html.index("</select>")]
    options = re.findall(r'<option value="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)</option>', picker)
    assert options == [(lang.code, lang.code, lang.name) for lang in LANGUAGES]


# Before Python: app/early-text.js and app/language.js ------------------------------------
def early_text_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("early_text", ROOT / "scripts/early_text.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pre_python_text_is_made_from_the_catalogues() -> None:
    written = (ROOT / "app" / "early-text.js").read_text(encoding="utf-8")
    assert written == early_text_script().early_text(), "run scripts/early_text.py"
    for key, _ in page_texts().found:
        if key.startswith("page."):
            assert all(key in text for text in _early_tables(written).values()), key


def test_the_message_without_javascript_is_made_from_the_catalogues() -> None:
    script = early_text_script()
    page = (ROOT / "app" / "index.html").read_text(encoding="utf-8")
    assert page == script.page_with_noscript(page), "run scripts/early_text.py"
    block = script.noscript()
    for lang in LANGUAGES:
        words = catalogue(lang.code)
        marked = f'lang="{lang.code}"' + (' dir="rtl"' if lang.direction == "rtl" else "")
        assert f"<p {marked}><strong>{words['page.noscript.title']}</strong>" in block
        assert f"<span {marked}>{lang.name}</span>" in block or lang.code == DEFAULT
    # Only the page itself shows it: the script before Python does not carry it.
    assert "page.noscript." not in (ROOT / "app" / "early-text.js").read_text(encoding="utf-8")


def _early_tables(js: str) -> dict[str, dict[str, str]]:
    start = js.index("export const TEXT = ") + len("export const TEXT = ")
    tables: dict[str, dict[str, str]] = json.loads(js[start:].rstrip().rstrip(";"))
    return tables


#: Runs language.js's chooseLanguage under Node, with early-text.js beside it.
CHOOSE = """
import { chooseLanguage } from "./language.js";
const cases = JSON.parse(process.argv[2]);
console.log(JSON.stringify(cases.map((c) => chooseLanguage(c))));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_the_pages_script_chooses_as_the_python_does(tmp_path: Path) -> None:
    for name in ("language.js", "early-text.js"):
        text = (ROOT / "app" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace('"/early-text.js"', '"./early-text.js"'))
    (tmp_path / "choose.mjs").write_text(CHOOSE)
    cases = [
        [],
        ["de-DE"],
        ["pt-BR", "en"],
        ["zh-TW", "ja"],
        ["zh-Hans-CN"],
        ["zh_CN"],
        ["ar-EG"],
        ["sv", "fi"],
        ["constructor", "toString"],
        *[[language.code] for language in LANGUAGES],
    ]
    run = subprocess.run(
        ["node", str(tmp_path / "choose.mjs"), json.dumps(cases)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert json.loads(run.stdout) == [choose_language(case) for case in cases]
