"""The page starts Python from the runtime derived from the pinned packages, and from the
npm package's own standard library when the derived one is missing or wrong; before Python
is up, the page already says what it is for and how much of the runtime has arrived.

The runtime is derived under Node (``secket runtime``, run by the session fixture as by
``make test``); these tests check that Chromium takes it, that the app works on it (every
module a hand-over imports is in the trimmed library), and that every way of it being wrong
ends in the npm package's start, said once in the console.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from secket_server.config import DEFAULT_ROOT
from secket_server.runtime import MANIFEST_URL, STDLIB_URL, read_manifest

from .conftest import READY_TIMEOUT_MS, People
from .flows import connect, create_room, hand_over

WITHOUT = "Secket: starting Python without the derived runtime: "

#: Pyodide takes stack switching (JSPI) when it finds these; the page runs without it.
STACK_SWITCHING = "() => ['Suspending', 'Suspender', 'promising'].filter((n) => n in WebAssembly)"


def python_start(page: Page, how: str) -> None:
    expect(page.locator("html")).to_have_attribute(
        "data-python-start", how, timeout=READY_TIMEOUT_MS
    )


def warnings_of(people: People, name: str) -> list[str]:
    lines = next(list(w.console) for w in people.watches if w.name == name)
    return [line for line in lines if WITHOUT in line]


def test_the_page_starts_from_the_derived_runtime_and_hands_a_secret_over(
    people: People,
) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    hand_over(sender, receiver, "from the derived runtime")
    for page, name in ((receiver, "receiver"), (sender, "sender")):
        python_start(page, "derived")
        assert warnings_of(people, name) == []
        assert page.evaluate(STACK_SWITCHING) == []


def manifest() -> dict[str, Any]:
    data = read_manifest(DEFAULT_ROOT)
    assert data is not None
    return data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def serve_json(value: dict[str, Any]) -> Callable[[Route], None]:
    return lambda route: route.fulfill(json=value)


def none_served(page: Page) -> None:
    page.route(f"**{MANIFEST_URL}", lambda route: route.fulfill(status=404))


def another_pyodide(page: Page) -> None:
    page.route(f"**{MANIFEST_URL}", serve_json({**manifest(), "pyodide": "0.0.0"}))


def altered_bytes(page: Page) -> None:
    """The manifest records another SHA-256 than the library's (as if the bytes changed)."""
    wrong = {**manifest()["stdlib"], "sha256": sha256(b"some other library")}
    page.route(f"**{MANIFEST_URL}", serve_json({**manifest(), "stdlib": wrong}))


def refused(page: Page) -> None:
    """A library that passes the page's checks and with which Pyodide cannot start: the
    zip of a library without Pyodide's own Python package."""
    empty = bytes.fromhex("504b0506") + bytes(18)  # a zip with no member
    described = {"size": len(empty), "sha256": sha256(empty)}
    page.route(f"**{MANIFEST_URL}", serve_json({**manifest(), "stdlib": described}))
    page.route(f"**{STDLIB_URL}", lambda route: route.fulfill(body=empty))


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (none_served, "the server has none for this page"),
        (another_pyodide, "it is for Pyodide 0.0.0, this is 314.0.7"),
        (altered_bytes, "its SHA-256 is not the one the manifest records"),
        (refused, "Pyodide refused it"),
    ],
    ids=["none", "other-pyodide", "altered", "refused"],
)
def test_a_bad_derived_runtime_falls_back_to_the_packages_own_library(
    people: People, spoil: Callable[[Page], None], reason: str
) -> None:
    receiver = people.open("receiver", path=None)
    spoil(receiver)
    receiver.goto(people.base_url)
    sender = people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    python_start(receiver, "package")
    python_start(sender, "derived")
    warned = warnings_of(people, "receiver")
    assert len(warned) == 1, warned
    assert WITHOUT + reason in warned[0]
    hand_over(sender, receiver, "after the package's start")


class Held:
    """The WebAssembly of a page, held back until ``release``: Python cannot start before."""

    def __init__(self, page: Page) -> None:
        self.routes: list[Route] = []
        page.route("**/pyodide.asm.wasm", lambda route: self.routes.append(route))

    def release(self) -> None:
        for route in self.routes:
            route.continue_()


def test_before_python_the_page_says_what_it_is_and_how_far_the_runtime_is(
    people: People,
) -> None:
    page = people.open("receiver", path=None)
    held = Held(page)
    page.goto(people.base_url)
    intro = page.get_by_test_id("intro")
    expect(intro.get_by_role("heading", name="Hand a secret to one person")).to_be_visible()
    expect(intro.get_by_text("Someone is waiting")).to_be_hidden()
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "loading")
    # Everything but the WebAssembly has arrived: the bar shows that share of the bytes.
    progress = page.get_by_test_id("progress")
    expect(page.get_by_test_id("progress-text")).to_contain_text("% of the secure runtime")
    expect(progress).not_to_have_attribute("aria-valuenow", "0", timeout=READY_TIMEOUT_MS)
    share = int(progress.get_attribute("aria-valuenow") or "0")
    wasm = manifest()["start"]["/vendor/pyodide/314.0.7/pyodide.asm.wasm"]
    assert 0 < share <= round(100 - 100 * wasm / sum(manifest()["start"].values()))
    held.release()
    expect(page.get_by_test_id("create-receive")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    expect(intro).to_be_hidden()
    expect(progress).to_be_hidden()
    expect(page.get_by_role("heading", name="Hand a secret to one person")).to_have_count(1)


def test_someone_who_opened_a_link_is_told_what_will_happen_before_python(
    people: People,
) -> None:
    creator = people.open("receiver")
    link = create_room(creator, "create-receive")
    page = people.open("sender", path=None)
    held = Held(page)
    page.goto(link)
    intro = page.get_by_test_id("intro")
    heading = intro.get_by_role("heading", name="Someone is waiting to exchange a secret with you")
    expect(heading).to_be_visible()
    expect(intro.get_by_text("press Join")).to_be_visible()
    expect(intro.get_by_text("Hand a secret to one person")).to_be_hidden()
    # Only Python reads the link: until it runs, its secret is still in the address bar.
    assert page.evaluate("location.hash") == "#" + link.split("#", 1)[1]
    held.release()
    expect(page.get_by_test_id("join")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    assert page.evaluate("location.hash") == ""  # Python read the link and took it away
    expect(intro).to_be_hidden()
