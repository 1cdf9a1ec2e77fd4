"""What a person does on the page, as small steps shared by the end-to-end tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Locator, Page, Route, expect

from secket.core.display import Marker, render
from secket.i18n import Msg
from secket.i18n import render as render_message
from secket.i18n.languages import catalogue

from .conftest import READY_TIMEOUT_MS

STEP_MS = 15_000


def said(language: str, key: str, **params: object) -> str:
    """What the page says for ``key`` in ``language`` (its catalogue, as the page renders it)."""
    return render_message(Msg(key, params), catalogue(language))


def status(page: Page) -> Locator:
    return page.get_by_test_id("status")


def expect_state(page: Page, state: str, timeout: int = STEP_MS) -> None:
    try:
        expect(status(page)).to_have_attribute("data-state", state, timeout=timeout)
    except AssertionError as exc:
        # Say what the page shows instead: its error, with its code, and the detail line.
        error, detail = page.get_by_test_id("error"), page.locator("#detail")
        shown = (
            f"error {error.get_attribute('data-code', timeout=1000)!r}: "
            f"{error.text_content(timeout=1000)!r}; detail: {detail.text_content(timeout=1000)!r}"
        )
        raise AssertionError(f"{exc}\nThe page shows {shown}") from None


@contextmanager
def python_held_back(page: Page) -> Iterator[None]:
    """The page's app Python (``/py/main.py``) does not arrive until the block has run: what
    the block does happens before Python starts, whatever the machine's speed."""
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/py/main.py", hold)
    yield
    for _ in range(STEP_MS // 50):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the page never asked for its Python"
    for route in held:
        route.continue_()
    page.unroute("**/py/main.py", hold)


def create_room(page: Page, button: str) -> str:
    """Press "Receive a secret" or "Send a secret"; returns the link the page shows."""
    expect(page.get_by_test_id(button)).to_be_enabled(timeout=READY_TIMEOUT_MS)
    page.get_by_test_id(button).click()
    expect_state(page, "waiting")
    link = page.get_by_test_id("room-link").input_value()
    assert link.startswith(page.url.split("#")[0] + "#1")
    return link


def open_link(page: Page, link: str) -> None:
    page.goto(link)
    expect(page.get_by_test_id("join")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    expect_state(page, "ready")


def join(page: Page) -> None:
    page.get_by_test_id("join").click()


def sas_of(page: Page) -> tuple[str, str]:
    expect_state(page, "verifying")
    emoji = page.get_by_test_id("sas-emoji")
    expect(emoji).to_have_attribute("data-sas", re.compile(r"^[0-9a-f]{11}$"))
    colour = page.get_by_test_id("sas-colour").get_attribute("data-colour") or ""
    return emoji.get_attribute("data-sas") or "", colour


def connect(creator: Page, opener: Page, button: str) -> None:
    link = create_room(creator, button)
    open_link(opener, link)
    join(opener)
    expect_state(opener, "verifying")
    expect_state(creator, "verifying")


def confirm(page: Page) -> None:
    page.get_by_test_id("sas-match").click()
    expect_state(page, "verified")


def send_secret(sender: Page, receiver: Page, secret: str) -> None:
    sender.get_by_test_id("secret-input").fill(secret)
    expect(sender.get_by_test_id("send-secret")).to_be_enabled()
    sender.get_by_test_id("send-secret").click()
    expect_state(receiver, "received")
    expect_state(sender, "sent")


def send_before_the_receiver_confirms(sender: Page, receiver: Page, secret: str) -> None:
    """The sender confirms and sends; the receiver has not confirmed, so it stays sealed."""
    confirm(sender)
    sender.get_by_test_id("secret-input").fill(secret)
    sender.get_by_test_id("send-secret").click()
    expect_state(sender, "sent")
    expect(receiver.locator("#peer-note")).to_contain_text("opens once you confirm")


def drawn(secret: str) -> str:
    """The text the faithful screen draws for ``secret`` (its ``textContent``): each marker's
    label in place of the characters it stands for, lines joined by line feeds. A secret
    with nothing to mark is drawn as itself."""
    return "\n".join(
        "".join(s.label if isinstance(s, Marker) else s.text for s in line)
        for line in render(secret).lines()
    )


def expect_shown(receiver: Page, secret: str) -> None:
    """The receiver's screen draws ``secret``, exactly (``received-secret``)."""
    shown = receiver.get_by_test_id("received-secret")
    expect(shown).to_have_js_property("textContent", drawn(secret))


def hand_over(sender: Page, receiver: Page, secret: str) -> None:
    """Both confirm the code (the sender first), the secret goes over, the receiver shows it."""
    confirm(sender)
    confirm(receiver)
    send_secret(sender, receiver, secret)
    expect_shown(receiver, secret)


def refused_as_third(page: Page, link: str) -> None:
    """A third person opens a link whose room is paired and presses Join: refused."""
    open_link(page, link)
    join(page)
    expect_state(page, "full")
    expect(page.locator("#end-title")).to_have_text("This link is already in use")


def expect_warned(*pages: Page) -> None:
    """The pair's pages say that someone else tried to open their link."""
    for page in pages:
        expect(page.locator("#warning")).to_contain_text("Someone else just tried to open")


UNICODE_SECRET = "correct horse 🐎 battery staple\nпароль: 秘密 ✓\ttab  two spaces "


def video_is_playing(page: Page, test_id: str) -> None:
    video = page.get_by_test_id(test_id)
    expect(video).to_be_visible()
    # A live MediaStream yields frames: its size is known once the first one arrived.
    expect(video).to_have_js_property("readyState", 4, timeout=10_000)
    assert video.evaluate("v => v.videoWidth") > 0


#: Everything a page could have left in the browser for its origin, listed by name.
LEFT_IN_THE_BROWSER = """async () => ({
  indexedDB: (await indexedDB.databases()).map((db) => db.name),
  caches: await caches.keys(),
  cookie: document.cookie,
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
})"""
NOTHING = {"indexedDB": [], "caches": [], "cookie": "", "localStorage": [], "sessionStorage": []}

#: Everything a page shows or holds in a field: its text and the values of its inputs.
PAGE_TEXT_AND_VALUES = """() => [document.body.innerText,
  ...Array.from(document.querySelectorAll("input, textarea"), (field) => field.value),
].join("\\n")"""


def assert_nothing_kept(page: Page, secret: str) -> None:
    """The secret is gone from the page, and the browser stored nothing for the origin."""
    # Gone from the page: its markup, its text and every field's value.
    assert secret not in page.content()
    assert secret not in page.evaluate(PAGE_TEXT_AND_VALUES)
    # Nothing in any of the browser's stores for this origin, not even an empty
    # database (PyScript's own are kept in memory: app/no-storage.js).
    assert page.evaluate(LEFT_IN_THE_BROWSER) == NOTHING
    state = page.context.storage_state()
    assert state["cookies"] == []
    assert all(not origin.get("localStorage") for origin in state["origins"])
