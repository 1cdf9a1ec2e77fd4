"""The page in the visitor's language, in Chromium.

It follows the browser's language (``navigator.languages``, set by each context's locale)
from before Python starts; the picker changes every text at once, with no reload, no request
and nothing stored; a language picked while Python starts is kept; two people who speak
different languages see the same emoji, colour and number, each with the words of their own
language; and each language's screens pass axe (light; Arabic, right to left, is audited on
every screen, light and dark, by tests/e2e/test_accessibility.py).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from secket.core.sas import Sas
from secket.i18n.languages import LANGUAGES
from secket.i18n.sas_words import words

from .axe import Audit
from .conftest import READY_TIMEOUT_MS, PageErrors, People
from .flows import (
    LEFT_IN_THE_BROWSER,
    NOTHING,
    create_room,
    expect_state,
    hand_over,
    join,
    open_link,
    python_held_back,
    said,
    sas_of,
)

#: Every language but English and Arabic (audited everywhere by test_accessibility.py).
#: Each session pairs a receiver in one with a sender in the next, round the ring, so that
#: each language shows the receiver's screens once and the sender's once.
RING = ["de", "fr", "es", "pt", "ru", "zh-Hans", "ja"]
PAIRS = list(zip(RING, RING[1:] + RING[:1], strict=True))


def speaks(page: Page, language: str) -> None:
    direction = "rtl" if language == "ar" else "ltr"
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", direction)


def shown_words(page: Page) -> list[str]:
    return page.locator("#sas-emoji .word").all_text_contents()


def words_of(code: str, language: str) -> list[str]:
    table = words(language)
    return [table[index] for index in Sas(int(code, 16)).indices]


@pytest.mark.parametrize(("receiver_in", "sender_in"), PAIRS, ids=["->".join(p) for p in PAIRS])
def test_two_people_in_two_languages_compare_the_same_code(
    people: People, receiver_in: str, sender_in: str
) -> None:
    audit = Audit(schemes=("light",))
    receiver = people.open(f"receiver ({receiver_in})", locale=receiver_in)
    expect(receiver.get_by_test_id("create-receive")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    speaks(receiver, receiver_in)
    expect(receiver).to_have_title(said(receiver_in, "page.title"))
    expect(receiver.locator("#home-title")).to_have_text(said(receiver_in, "home.title"))
    expect(receiver.get_by_test_id("create-receive")).to_have_text(
        said(receiver_in, "home.receive")
    )
    expect(receiver.get_by_test_id("status")).to_have_text(said(receiver_in, "status.ready"))
    audit.screen(receiver, f"home ({receiver_in})")
    link = create_room(receiver, "create-receive")
    expect(receiver.locator("#share-lead")).to_have_text(said(receiver_in, "share.lead.receiver"))

    sender = people.open(f"sender ({sender_in})", path=None, locale=sender_in)
    open_link(sender, link)
    speaks(sender, sender_in)
    expect(sender.locator("#join-title")).to_have_text(said(sender_in, "join.title.sender"))
    audit.screen(sender, f"join ({sender_in})")
    join(sender)

    # The same code on both screens: the emoji, the colour and the number; the words are
    # each person's own.
    code, colour = sas_of(receiver)
    assert sas_of(sender) == (code, colour)
    number = receiver.get_by_test_id("sas-number").text_content()
    expect(sender.get_by_test_id("sas-number")).to_have_text(number or "")
    glyphs = receiver.locator("#sas-emoji .glyph").all_text_contents()
    assert sender.locator("#sas-emoji .glyph").all_text_contents() == glyphs
    assert shown_words(receiver) == words_of(code, receiver_in)
    assert shown_words(sender) == words_of(code, sender_in)
    expect(sender.locator("#verify-title")).to_have_text(said(sender_in, "verify.title"))
    audit.screen(receiver, f"verify, receiver ({receiver_in})")
    audit.screen(sender, f"verify, sender ({sender_in})")

    hand_over(sender, receiver, "correct horse battery staple")
    expect(receiver.get_by_test_id("status")).to_have_text(said(receiver_in, "status.received"))
    audit.screen(receiver, f"received ({receiver_in})")
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    expect(receiver.locator("#end-title")).to_have_text(said(receiver_in, "end.done.title"))
    expect(sender.locator("#end-title")).to_have_text(said(sender_in, "end.delivered.title"))
    audit.screen(receiver, f"ending: done ({receiver_in})")
    audit.screen(sender, f"ending: delivered ({sender_in})")
    assert audit.found == [], audit.report()


def test_the_picker_changes_every_text_at_once_and_keeps_nothing(people: People) -> None:
    receiver = people.open("receiver")
    sender = people.open("sender", path=None)
    link = create_room(receiver, "create-receive")
    speaks(receiver, "en")
    open_link(sender, link)
    join(sender)
    code, _ = sas_of(receiver)
    number = receiver.get_by_test_id("sas-number").text_content()
    # No reload, no request, no address change: the same document says it all again.
    receiver.evaluate("() => { window.sameDocument = true; }")
    url = receiver.url
    requests: list[str] = []
    receiver.on("request", lambda request: requests.append(request.url))

    picker = receiver.get_by_test_id("language")
    for language in ("ja", "ar", "de"):
        picker.select_option(language)
        speaks(receiver, language)
        expect(receiver.locator("#verify-title")).to_have_text(said(language, "verify.title"))
        expect(receiver.get_by_test_id("status")).to_have_text(said(language, "status.compare"))
        expect(receiver.get_by_test_id("sas-match")).to_have_text(said(language, "verify.match"))
        expect(receiver.get_by_test_id("sas-emoji")).to_have_attribute(
            "aria-label", said(language, "verify.emoji-label")
        )
        assert shown_words(receiver) == words_of(code, language)
        expect(receiver.get_by_test_id("sas-emoji")).to_have_attribute("data-sas", code)
        expect(receiver.get_by_test_id("sas-number")).to_have_text(number or "")
        expect(receiver).to_have_title(said(language, "page.title"))
    assert receiver.evaluate("() => window.sameDocument") is True
    assert receiver.url == url
    assert requests == []

    # The session goes on in the new language; the sender's page stays in English.
    hand_over(sender, receiver, "in another language")
    expect(receiver.get_by_test_id("status")).to_have_text(said("de", "status.received"))
    expect(sender.locator("#end-title")).to_have_text(said("en", "end.delivered.title"))
    receiver.get_by_test_id("done").click()
    expect(receiver.locator("#end-title")).to_have_text(said("de", "end.done.title"))
    picker.select_option("fr")
    expect(receiver.locator("#end-title")).to_have_text(said("fr", "end.done.title"))
    expect(receiver.locator("#end-lead")).to_have_text(said("fr", "end.done.lead"))
    assert receiver.evaluate(LEFT_IN_THE_BROWSER) == NOTHING
    assert receiver.context.cookies() == []


def test_before_python_the_page_speaks_the_browsers_language(people: People) -> None:
    page = people.open("visitor", path=None, locale="pt-BR")
    with python_held_back(page):
        page.goto(people.base_url, wait_until="domcontentloaded")
        speaks(page, "pt")
        expect(page.get_by_test_id("status")).to_have_text(said("pt", "page.loading"))
        expect(page.locator(".tagline")).to_have_text(said("pt", "page.tagline"))
        expect(page).to_have_title(said("pt", "page.title"))
        expect(page.get_by_test_id("language")).to_have_value("pt")
    expect(page.get_by_test_id("create-send")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    expect(page.get_by_test_id("create-send")).to_have_text(said("pt", "home.send"))


def test_a_language_picked_while_python_starts_is_kept(people: People) -> None:
    page = people.open("visitor", path=None, locale="en-GB")
    with python_held_back(page):
        page.goto(people.base_url, wait_until="domcontentloaded")
        expect(page.get_by_test_id("status")).to_have_text(said("en", "page.loading"))
        page.get_by_test_id("language").select_option("zh-Hans")
        speaks(page, "zh-Hans")
        expect(page.get_by_test_id("status")).to_have_text(said("zh-Hans", "page.loading"))
    expect(page.get_by_test_id("create-receive")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    speaks(page, "zh-Hans")
    expect(page.locator("#home-title")).to_have_text(said("zh-Hans", "home.title"))


def test_a_page_that_cannot_start_says_so_in_the_visitors_language(
    people: People, page_errors: PageErrors
) -> None:
    page_errors.allow("Failed to fetch")  # the blocked download's own page error
    page = people.open("visitor", path=None, locale="ru-RU")
    page.route("**/py/main.py", lambda route: route.abort())
    page.goto(people.base_url)
    status, error = page.get_by_test_id("status"), page.get_by_test_id("error")
    expect(status).to_have_text(said("ru", "page.failed"), timeout=READY_TIMEOUT_MS)
    reason = said("ru", "page.failed.missing", path="/py/main.py")
    expect(error).to_have_text(said("ru", "page.failed.lead", reason=reason))
    expect(page.locator("#end-title")).to_have_text(said("ru", "page.failed"))
    watch = people.watches[0]
    assert all("Failed to fetch" in problem for problem in watch.problems), watch.problems
    watch.problems.clear()


def test_arabic_mirrors_the_page_but_not_the_code(people: People) -> None:
    receiver = people.open("receiver", locale="ar-EG", viewport={"width": 390, "height": 844})
    sender = people.open("sender", path=None, locale="en")
    link = create_room(receiver, "create-receive")
    speaks(receiver, "ar")
    # The page runs right to left: the brand is at the right, the picker at the left.
    brand = receiver.locator(".brand").bounding_box()
    picker = receiver.get_by_test_id("language").bounding_box()
    assert brand is not None
    assert picker is not None
    assert brand["x"] > picker["x"]
    width = receiver.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], "the page scrolls sideways"
    # The link reads left to right, whole.
    expect(receiver.get_by_test_id("room-link")).to_have_attribute("dir", "ltr")
    assert receiver.get_by_test_id("room-link").input_value() == link
    open_link(sender, link)
    join(sender)
    code, _ = sas_of(receiver)
    sas_of(sender)
    # The emoji in the same order, left to right, on both screens; the number too.
    for page in (receiver, sender):
        lefts = [
            box["x"]
            for box in (item.bounding_box() for item in page.locator("#sas-emoji li").all())
            if box is not None
        ]
        assert len(lefts) == 7
        assert lefts[0] < lefts[1], "the first emoji is not at the left"
    assert receiver.locator("#sas-emoji .glyph").all_text_contents() == [
        glyph for glyph, _ in Sas(int(code, 16)).emoji
    ]
    expect(receiver.get_by_test_id("sas-number")).to_have_attribute("dir", "ltr")
    expect(receiver.get_by_test_id("sas-number")).to_have_text(re.compile(r"^\d{4} \d{4} \d{5}$"))


def test_every_language_is_audited_somewhere() -> None:
    # A language added to the page must join the ring (or test_accessibility.py).
    assert {*RING, "en", "ar"} == {language.code for language in LANGUAGES}
