"""Screenshots of every screen of Secket at a phone's width, for the README.

Run from the repository root (after ``make setup``)::

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--width 390]

It starts ``secket serve`` on a free loopback port (as the benchmarks do, after
``secket runtime`` and ``secket compress``), drives both flows and the endings in headless
Chromium (Debian's where it exists, with a synthetic camera) with one browser context per
person, and writes one PNG per screen, named by its order and the screen, e.g.
``01-home.png``. Each is the whole page at the given width (default 390 CSS pixels, a
current phone), one image pixel per CSS pixel (``--scale 2`` for a sharper, larger file),
in the light scheme; ``--dark`` takes the dark one instead. The pages speak English (the
browser's locale is ``en-US``), except in the last two pictures: the same code on a German
receiver's screen and on an Arabic sender's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.server import local_server  # noqa: E402
from tests.daemons import CHROMIUM_FLAGS, chromium_executable  # noqa: E402

START_MS = 60_000
STEP_MS = 15_000
#: What the sender sends in the pictures (an example, not a real password).
EXAMPLE_TEXT = "correct horse battery staple\nwifi: Sn0w-Owl-4891"


class Shots:
    """Opens people's pages and numbers the screenshots in the order they are taken."""

    def __init__(
        self, browser: Browser, base: str, out: Path, width: int, scale: int, dark: bool
    ) -> None:
        self.browser, self.base, self.out = browser, base, out
        self.width, self.scale, self.scheme = width, scale, "dark" if dark else "light"
        self.count = 0

    def person(self, fragment: str = "", before: str | None = None, locale: str = "en-US") -> Page:
        context = self.browser.new_context(
            viewport={"width": self.width, "height": 844},
            device_scale_factor=self.scale,
            color_scheme=self.scheme,
            is_mobile=True,
            has_touch=True,
            locale=locale,
        )
        if before:
            context.add_init_script(before)
        page = context.new_page()
        page.goto(self.base + fragment)
        return page

    def take(self, page: Page, name: str) -> None:
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        # Nothing blinking in the picture: no caret, and the videos' current frame.
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def state(page: Page, value: str, timeout: int = STEP_MS) -> None:
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", value, timeout=timeout)


def ready(page: Page, button: str) -> None:
    expect(page.get_by_test_id(button)).to_be_enabled(timeout=START_MS)


def make_link(page: Page, button: str) -> str:
    ready(page, button)
    page.get_by_test_id(button).click()
    state(page, "waiting")
    return page.get_by_test_id("room-link").input_value()


def pair(shots: Shots, creator: Page, button: str, locale: str = "en-US") -> tuple[Page, str]:
    """The opener's page (in the browser's language ``locale``), joined to the creator's
    room; and the link."""
    link = make_link(creator, button)
    opener = shots.person(link[len(shots.base) :], locale=locale)
    ready(opener, "join")
    opener.get_by_test_id("join").click()
    for page in (creator, opener):
        state(page, "verifying")
    return opener, link


def playing(page: Page, test_id: str) -> None:
    expect(page.get_by_test_id(test_id)).to_have_js_property("readyState", 4, timeout=STEP_MS)


def receiver_creates(shots: Shots) -> None:
    receiver = shots.person()
    ready(receiver, "create-receive")
    shots.take(receiver, "home")
    link = make_link(receiver, "create-receive")
    shots.take(receiver, "share-receiver")
    sender = shots.person(link[len(shots.base) :])
    ready(sender, "join")
    shots.take(sender, "join-sender")
    sender.get_by_test_id("join").click()
    for page in (receiver, sender):
        state(page, "verifying")
    playing(receiver, "local-video")
    playing(sender, "remote-video")
    shots.take(receiver, "verify-receiver")
    shots.take(sender, "verify-sender")
    sender.get_by_test_id("sas-match").click()
    state(sender, "verified")
    sender.get_by_test_id("secret-input").fill(EXAMPLE_TEXT)
    shots.take(sender, "send-sender")
    receiver.get_by_test_id("sas-match").click()
    state(receiver, "verified")
    sender.get_by_test_id("send-secret").click()
    state(receiver, "received")
    shots.take(receiver, "received-receiver")
    receiver.get_by_test_id("done").click()
    state(receiver, "done")
    expect(sender.get_by_test_id("status")).to_have_text("Delivered", timeout=STEP_MS)
    shots.take(receiver, "done-receiver")
    shots.take(sender, "delivered-sender")


def sender_creates(shots: Shots) -> None:
    sender = shots.person()
    link = make_link(sender, "create-send")
    shots.take(sender, "share-sender")
    receiver = shots.person(link[len(shots.base) :])
    ready(receiver, "join")
    shots.take(receiver, "join-receiver")
    # A third person with the same link: refused; the pair is warned.
    receiver.get_by_test_id("join").click()
    state(sender, "verifying")
    intruder = shots.person(link[len(shots.base) :])
    ready(intruder, "join")
    intruder.get_by_test_id("join").click()
    state(intruder, "full")
    shots.take(intruder, "full-third-person")
    expect(sender.locator("#warning")).to_be_visible(timeout=STEP_MS)
    shots.take(sender, "verify-sender-warned")
    receiver.get_by_test_id("sas-mismatch").click()
    state(sender, "mismatch")
    shots.take(sender, "mismatch")


def the_other_person_leaves(shots: Shots) -> None:
    receiver = shots.person()
    sender, _ = pair(shots, receiver, "create-receive")
    sender.context.close()
    state(receiver, "peer-left")
    shots.take(receiver, "peer-left")


def errors(shots: Shots) -> None:
    bad = shots.person("#1s" + "!" * 22)
    state(bad, "error", START_MS)
    shots.take(bad, "error-bad-link")
    old = shots.person("#1s" + "A" * 22, before="delete window.RTCPeerConnection;")
    state(old, "error", START_MS)
    shots.take(old, "error-unsupported-browser")


def two_languages(shots: Shots) -> None:
    """The same code on a German receiver's screen and an Arabic sender's (right to left)."""
    receiver = shots.person(locale="de-DE")
    sender, _ = pair(shots, receiver, "create-receive", locale="ar")
    playing(receiver, "local-video")
    playing(sender, "remote-video")
    shots.take(receiver, "verify-receiver-de")
    shots.take(sender, "verify-sender-ar")


SCENES: list[Callable[[Shots], None]] = [
    receiver_creates,
    sender_creates,
    the_other_person_leaves,
    errors,
    two_languages,
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=390, help="CSS pixels (default 390)")
    parser.add_argument("--scale", type=int, default=1, help="image pixels per CSS pixel")
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with local_server() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_FLAGS
        )
        shots = Shots(browser, base, args.out.resolve(), args.width, args.scale, args.dark)
        for scene in SCENES:
            scene(shots)
        browser.close()


if __name__ == "__main__":
    main()
