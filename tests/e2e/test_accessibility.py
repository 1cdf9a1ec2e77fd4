"""Accessibility in Chromium: axe-core on every screen of both flows and on every ending, in
light and dark, in English and in Arabic (right to left); both flows done with the keyboard
alone; announcements in live regions; the focus on each new screen.

Each test walks real sessions and audits each screen as a person reaches it; it fails listing
every violation of every screen at once. tests/e2e/test_languages.py audits the other
languages.
"""

from __future__ import annotations

import secrets

import pytest
from playwright.sync_api import Locator, Page, expect

from secket.core.link import new_link
from secket.core.roles import Role
from secket.core.secret import MAX_SECRET_BYTES

from .axe import Audit
from .conftest import READY_TIMEOUT_MS, People
from .flows import (
    create_room,
    expect_shown,
    expect_state,
    join,
    open_link,
    python_held_back,
    said,
    sas_of,
)

#: Long enough that the received secret's box scrolls (its height is capped).
LONG_SECRET = "\n".join(f"line {n}: correct horse battery staple" for n in range(120))
CREATE_BUTTON = {Role.RECEIVER: "create-receive", Role.SENDER: "create-send"}
#: Tab presses allowed to reach a control: more than the page has stops.
MAX_TABS = 40
#: English, and Arabic: right to left, every screen light and dark.
LANGUAGES = ["en", "ar"]

#: Whether an element's changes are announced: it is inside a live region.
IN_LIVE_REGION = """(el) => !!el.closest(
  '[aria-live]:not([aria-live="off"]), [role="alert"], [role="status"], [role="log"]')"""


#: Counts the changes to an element's text from now on (in ``window.changes``).
WATCH_CHANGES = """(el) => {
  window.changes = 0;
  new MutationObserver((found) => { window.changes += found.length; })
    .observe(el, { childList: true, characterData: true, subtree: true });
}"""


def is_focused(target: Locator) -> bool:
    return bool(target.evaluate("(el) => el === document.activeElement"))


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        if is_focused(target):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} cannot be reached with Tab ({MAX_TABS} presses)")


def press(page: Page, test_id: str) -> None:
    """Tab to a button and press Enter."""
    button = page.get_by_test_id(test_id)
    expect(button).to_be_enabled()
    tab_to(page, button)
    page.keyboard.press("Enter")


def announced(target: Locator) -> None:
    expect(target).to_be_visible()
    assert target.evaluate(IN_LIVE_REGION), f"{target} is not in a live region"


def speaks(page: Page, language: str) -> None:
    direction = "rtl" if language == "ar" else "ltr"
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", direction)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("creator_role", [Role.RECEIVER, Role.SENDER], ids=lambda r: r.name.lower())
def test_every_screen_of_a_flow_done_with_the_keyboard(
    people: People, creator_role: Role, language: str
) -> None:
    audit = Audit()
    creator = people.open("creator", locale=language)
    expect(creator.get_by_test_id(CREATE_BUTTON[creator_role])).to_be_enabled(
        timeout=READY_TIMEOUT_MS
    )
    speaks(creator, language)
    audit.screen(creator, "home")
    press(creator, CREATE_BUTTON[creator_role])
    expect_state(creator, "waiting")
    audit.screen(creator, "share")
    link = creator.get_by_test_id("room-link").input_value()

    opener = people.open("opener", path=None, locale=language)
    open_link(opener, link)
    speaks(opener, language)
    audit.screen(opener, "join")
    press(opener, "join")
    receiver, sender = (creator, opener) if creator_role is Role.RECEIVER else (opener, creator)
    sas_of(receiver)
    sas_of(sender)
    audit.screen(receiver, "verify, receiver")
    audit.screen(sender, "verify, sender")

    press(sender, "sas-match")
    expect_state(sender, "verified")
    announced(receiver.locator("#peer-note"))
    # Too large: said once, where a screen reader hears it; the byte count, which changes
    # with every key, is not announced.
    field = sender.get_by_test_id("secret-input")
    tab_to(sender, field)
    field.fill("x" * 70_000)
    limit = sender.get_by_test_id("secret-problem")
    expect(limit).to_have_text(said(language, "error.secret-too-large"))
    expect(limit).to_have_attribute("data-code", "secret-too-large")
    announced(limit)
    expect(field).to_have_attribute("aria-invalid", "true")
    count = sender.locator("#secret-count")
    expect(count).to_have_text(said(language, "secret.count", size=70_000, limit=MAX_SECRET_BYTES))
    assert not count.evaluate(IN_LIVE_REGION), "the byte count would be read at every key"
    # Another key while still too large: the count changes, the live region is not written
    # again (a screen reader would say it again).
    limit.evaluate(WATCH_CHANGES)
    sender.keyboard.press("x")
    expect(count).to_have_text(said(language, "secret.count", size=70_001, limit=MAX_SECRET_BYTES))
    assert sender.evaluate("() => window.changes") == 0
    audit.screen(sender, "send, too large")
    field.fill("")
    expect(limit).to_be_hidden()
    # Typed, then the long part pasted (a keystroke per character would take seconds).
    sender.keyboard.type("typed ")
    sender.keyboard.insert_text(LONG_SECRET)
    audit.screen(receiver, "verify, the sender confirmed")

    press(receiver, "sas-match")
    expect_state(receiver, "verified")
    announced(sender.locator("#peer-note"))
    press(sender, "send-secret")
    expect_state(receiver, "received")
    expect_state(sender, "sent")
    expect_shown(receiver, "typed " + LONG_SECRET)
    # The long secret scrolls in its box: the keyboard reaches the box to scroll it.
    tab_to(receiver, receiver.get_by_test_id("received-secret"))
    audit.screen(receiver, "received, long secret")
    audit.screen(sender, "sent")
    press(receiver, "done")
    expect_state(receiver, "done")
    expect(sender.get_by_test_id("status")).to_have_text(said(language, "end.delivered.title"))
    audit.screen(receiver, "ending: done")
    audit.screen(sender, "ending: delivered")
    assert audit.found == [], audit.report()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ending(people: People, language: str) -> None:
    audit = Audit()
    receiver = people.open("receiver", locale=language)
    sender = people.open("sender", path=None, locale=language)

    # A third person with the link: refused, and both people warned.
    link = create_room(receiver, "create-receive")
    open_link(sender, link)
    join(sender)
    sas_of(sender)
    intruder = people.open("intruder", path=None, locale=language)
    open_link(intruder, link)
    join(intruder)
    expect_state(intruder, "full")
    audit.screen(intruder, "ending: full")
    for page in (receiver, sender):
        announced(page.locator("#warning"))
    audit.screen(receiver, "verify with a warning")

    # They don't match.
    receiver.get_by_test_id("sas-mismatch").click()
    expect_state(receiver, "mismatch")
    expect_state(sender, "mismatch")
    audit.screen(receiver, "ending: mismatch")

    # Start over, a new session; the other person leaves.
    receiver.locator("#start-over").click()
    expect_state(receiver, "ready")
    link = create_room(receiver, "create-receive")
    leaving = people.open("sender who leaves", path=None, locale=language)
    open_link(leaving, link)
    join(leaving)
    sas_of(receiver)
    leaving.context.close()
    expect_state(receiver, "peer-left")
    audit.screen(receiver, "ending: peer left")

    # A page that cannot go on: a malformed link, an expired one, a browser without WebRTC.
    # (Each in a page of its own: a link to the same page only changes its fragment.)
    bad = people.open("bad link", path="#1s" + "!" * 22, locale=language)
    expect_state(bad, "error", timeout=READY_TIMEOUT_MS)
    audit.screen(bad, "error: bad link")
    expired = people.open("expired link", path="#1s" + "A" * 21 + "Q", locale=language)
    expect(expired.get_by_test_id("join")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    join(expired)
    expect_state(expired, "error")
    audit.screen(expired, "error: expired link")
    old = people.open("old browser", path=None, locale=language)
    old.context.add_init_script("delete window.RTCPeerConnection;")
    old.goto(new_link(secrets.token_bytes, Role.SENDER).url(people.base_url.rstrip("/")))
    expect_state(old, "error", timeout=READY_TIMEOUT_MS)
    audit.screen(old, "error: unsupported browser")
    assert audit.found == [], audit.report()


def focus_is_in(page: Page, selector: str) -> None:
    """The focus is on the new screen (its heading or a control), not on the page's body."""
    focused = page.locator(f"{selector}:focus, {selector} :focus")
    expect(focused).to_have_count(1, timeout=2_000)
    expect(focused).to_be_visible()


def focus_is_on(page: Page, element_id: str) -> None:
    expect(page.locator(f"#{element_id}")).to_be_focused(timeout=2_000)


def test_focus_moves_to_each_new_screen(people: People) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    link = create_room(receiver, "create-receive")
    focus_is_in(receiver, "#screen-share")
    focus_is_on(receiver, "share-title")
    open_link(sender, link)
    focus_is_on(sender, "join-title")  # the first screen: nobody had the focus
    join(sender)
    sas_of(sender)
    focus_is_in(sender, "#screen-verify")
    focus_is_on(sender, "verify-title")
    focus_is_on(receiver, "verify-title")
    sender.get_by_test_id("sas-match").click()
    focus_is_in(sender, "#screen-send")
    focus_is_on(sender, "secret-input")
    receiver.get_by_test_id("sas-match").click()
    expect_state(receiver, "verified")
    focus_is_in(receiver, "#screen-verify")  # not lost with the button it was on
    sender.get_by_test_id("secret-input").fill("focus")
    sender.get_by_test_id("send-secret").click()
    expect_state(receiver, "received")
    focus_is_in(sender, "main")
    focus_is_on(receiver, "received-secret")  # the secret itself, to read or scroll
    expect_state(sender, "sent")
    expect(sender.get_by_test_id("status")).to_have_text("Delivered")
    focus_is_on(sender, "end-title")
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    focus_is_in(receiver, "#screen-end")
    focus_is_on(receiver, "end-title")
    receiver.locator("#start-over").click()
    expect_state(receiver, "ready")
    focus_is_in(receiver, "#screen-home")
    focus_is_on(receiver, "home-title")


def test_the_first_screen_leaves_the_focus_where_the_person_put_it(people: People) -> None:
    page = people.open("person", path=None)
    with python_held_back(page):
        page.goto(people.base_url, wait_until="domcontentloaded")
        # While Python starts, the person goes to the language picker.
        page.get_by_test_id("language").focus()
    expect(page.get_by_test_id("create-receive")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    expect(page.get_by_test_id("language")).to_be_focused()
