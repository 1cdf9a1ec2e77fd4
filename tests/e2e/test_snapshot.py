"""The page starts Python from Pyodide's memory snapshot, and without it when it is bad.

The snapshot is made under Node (``secket snapshot``, run by the session fixture as by
``make test``); these tests check that Chromium takes it, that the app works on it, and that
every way of it being wrong ends in the ordinary start, said in the console.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from secket_server.config import DEFAULT_ROOT
from secket_server.snapshot import MANIFEST_FILE, SNAPSHOT_FILE, URL_PREFIX, snapshot_dir

from .conftest import READY_TIMEOUT_MS, People
from .flows import connect, hand_over

STARTED = "Secket: Python started from the memory snapshot"
WITHOUT = "Secket: starting Python without the memory snapshot: "


def python_start(page: Page, how: str) -> None:
    expect(page.locator("html")).to_have_attribute(
        "data-python-start", how, timeout=READY_TIMEOUT_MS
    )


def console_of(people: People, name: str) -> list[str]:
    return next(list(w.console) for w in people.watches if w.name == name)


#: Pyodide takes stack switching (JSPI) when it finds these; the snapshot is made without it.
STACK_SWITCHING = "() => ['Suspending', 'Suspender', 'promising'].filter((n) => n in WebAssembly)"


def test_the_page_starts_from_the_snapshot_and_hands_a_secret_over(people: People) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    hand_over(sender, receiver, "from a snapshot")
    for page, name in ((receiver, "receiver"), (sender, "sender")):
        python_start(page, "snapshot")
        lines = console_of(people, name)
        assert any(STARTED in line for line in lines), lines
        assert not any(WITHOUT in line for line in lines), lines
        assert page.evaluate(STACK_SWITCHING) == []


def snapshot_bytes() -> bytes:
    return (snapshot_dir(DEFAULT_ROOT) / SNAPSHOT_FILE).read_bytes()


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((snapshot_dir(DEFAULT_ROOT) / MANIFEST_FILE).read_text())
    return data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def serve_json(value: dict[str, Any]) -> Callable[[Route], None]:
    return lambda route: route.fulfill(json=value)


def serve_bytes(data: bytes) -> Callable[[Route], None]:
    return lambda route: route.fulfill(body=data, content_type="application/octet-stream")


def none_served(page: Page) -> None:
    page.route(f"**{URL_PREFIX}{MANIFEST_FILE}", lambda route: route.fulfill(status=404))


def another_pyodide(page: Page) -> None:
    page.route(f"**{URL_PREFIX}{MANIFEST_FILE}", serve_json({**manifest(), "pyodide": "0.0.0"}))


def altered_bytes(page: Page) -> None:
    """The manifest records another SHA-256 than the snapshot's (as if the bytes changed)."""
    wrong = sha256(b"some other snapshot")
    page.route(f"**{URL_PREFIX}{MANIFEST_FILE}", serve_json({**manifest(), "sha256": wrong}))


def another_manifest(page: Page) -> None:
    page.route(f"**{URL_PREFIX}{MANIFEST_FILE}", serve_json({**manifest(), "build_id": "0" * 64}))


def another_build(page: Page) -> None:
    """A snapshot that passes every check of the page and that Pyodide itself refuses."""
    data = bytearray(snapshot_bytes()[: 1 << 20])  # shorter, so quicker to route
    data[16:48] = bytes(32)  # the build id, as Pyodide writes it, all zero
    page.route(
        f"**{URL_PREFIX}{MANIFEST_FILE}",
        serve_json({**manifest(), "build_id": "0" * 64, "sha256": sha256(bytes(data))}),
    )
    page.route(f"**{URL_PREFIX}{SNAPSHOT_FILE}", serve_bytes(bytes(data)))


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (none_served, "the server has none for this page"),
        (another_pyodide, "it is for Pyodide 0.0.0, this is 314.0.7"),
        (altered_bytes, "its SHA-256 is not the one the manifest records"),
        (another_manifest, "its build id is not the manifest's"),
        (another_build, "Pyodide refused it"),
    ],
    ids=["none", "other-pyodide", "altered", "other-manifest", "other-build"],
)
def test_a_bad_snapshot_falls_back_to_the_ordinary_start(
    people: People, spoil: Callable[[Page], None], reason: str
) -> None:
    receiver = people.open("receiver", path=None)
    spoil(receiver)
    receiver.goto(people.base_url)
    sender = people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    python_start(receiver, "full")
    python_start(sender, "snapshot")
    lines = console_of(people, "receiver")
    assert any(WITHOUT + reason in line for line in lines), lines
    hand_over(sender, receiver, "after a slow start")
