"""Secket when things break, in real Chromium: tabs closing, networks dropping, the server
restarting. Whatever breaks, the other page says so quickly, keeps no half-finished state,
and the same page can start over and hand a secret over with someone else.

Timings are printed (run with ``-s``) and the tab-closing ones asserted: the other page
must show that its peer left within ``PEER_LEFT_S`` of the tab closing.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.daemons import ServerProcess

from .attackers import app_root
from .attackers.stage import Stages, joined, person, staged, states_seen
from .attackers.tamper import TamperingRelay
from .conftest import People
from .flows import (
    confirm,
    create_room,
    expect_state,
    hand_over,
    join,
    open_link,
    sas_of,
    send_before_the_receiver_confirms,
)

#: ``stage(install, **config)``: the real app with ``install`` applied, and its people.
stage_fixture = pytest.fixture(staged, name="stage")

PEER_LEFT_S = 2.0
#: The receiver makes the link in these tests, so the server sees her as the creator.
SIDE_OF = {"receiver": "creator", "sender": "opener"}
#: How long a page may take to notice that its peer's network went away.
OFFLINE_BOUND_S = 40.0
#: What a page may show when its peer's network went away.
ENDINGS = re.compile(r"^(peer-left|error)$")
SCREENS = ("home", "share", "join", "verify", "send", "received")


def timed(what: str, start: float) -> float:
    elapsed = time.perf_counter() - start
    print(f"\n{what}: {elapsed:.3f} s")
    return elapsed


def close_tab(closing: Page, other: Page, what: str) -> float:
    """Close ``closing``'s tab; seconds until ``other`` shows that its peer left."""
    start = time.perf_counter()
    closing.context.close()
    expect_state(other, "peer-left", timeout=int(PEER_LEFT_S * 1000) + 3_000)
    return timed(what, start)


def expect_nothing_left(page: Page) -> None:
    """An ending screen and nothing else: no code, no way to send, no secret on the page."""
    expect(page.locator("#screen-end")).to_be_visible()
    for screen in SCREENS:
        expect(page.locator(f"#screen-{screen}")).to_be_hidden()
    expect(page.get_by_test_id("secret-input")).to_be_disabled()
    expect(page.get_by_test_id("send-secret")).to_be_disabled()
    expect(page.get_by_test_id("received-secret")).to_have_text("")
    expect(page.locator("#start-over")).to_be_enabled()


def start_over_and_hand_over(page: Page, role: str, crowd: People, secret: str) -> None:
    """Start over on ``page``, make a new room as ``role`` and finish a whole hand-over."""
    page.locator("#start-over").click()
    expect_state(page, "ready")
    expect(page.locator("#screen-home")).to_be_visible()
    expect(page.get_by_test_id("error")).to_be_hidden()
    newcomer = person(crowd, f"new peer of the {role}", path=None)
    link = create_room(page, "create-receive" if role == "receiver" else "create-send")
    open_link(newcomer, link)
    join(newcomer)
    receiver, sender = (page, newcomer) if role == "receiver" else (newcomer, page)
    assert sas_of(receiver) == sas_of(sender)
    hand_over(sender, receiver, secret)


def held_handshake(stage: Stages, **config: object) -> tuple[TamperingRelay, People, Page, Page]:
    """A pair caught mid-handshake: the server holds the signals to the sender (opener)."""
    relay = TamperingRelay("opener", "hold")
    crowd = stage(relay.install, **config)
    receiver, sender, _ = joined(crowd)
    for page in (receiver, sender):
        expect_state(page, "connecting")
    assert relay.struck.wait(10)
    return relay, crowd, receiver, sender


# A tab closes --------------------------------------------------------------------------------
@pytest.mark.parametrize("who_closes", ["sender", "receiver"])
def test_a_tab_closing_mid_handshake_is_shown_at_once(stage: Stages, who_closes: str) -> None:
    _relay, crowd, receiver, sender = held_handshake(stage)
    pages = {"receiver": receiver, "sender": sender}
    survivor_role = "receiver" if who_closes == "sender" else "sender"
    survivor = pages[survivor_role]
    elapsed = close_tab(
        pages[who_closes], survivor, f"peer-left mid-handshake, {who_closes} closed"
    )
    assert elapsed < PEER_LEFT_S
    assert "verifying" not in states_seen(survivor)
    expect_nothing_left(survivor)
    start_over_and_hand_over(survivor, survivor_role, crowd, "after a false start")


@pytest.mark.parametrize("who_closes", ["sender", "receiver"])
def test_a_tab_closing_after_both_confirmed_is_shown_at_once(
    stage: Stages, who_closes: str
) -> None:
    crowd = stage()
    receiver, sender, _ = joined(crowd)
    confirm(sender)
    confirm(receiver)
    sender.get_by_test_id("secret-input").fill("about to go")
    pages = {"receiver": receiver, "sender": sender}
    survivor_role = "receiver" if who_closes == "sender" else "sender"
    survivor = pages[survivor_role]
    elapsed = close_tab(pages[who_closes], survivor, f"peer-left confirmed, {who_closes} closed")
    assert elapsed < PEER_LEFT_S
    expect_nothing_left(survivor)
    start_over_and_hand_over(survivor, survivor_role, crowd, "second time lucky")


def test_the_sender_closing_after_sending_leaves_no_sealed_secret(stage: Stages) -> None:
    # The secret went out, but the receiver has not compared the code yet: it waits sealed.
    crowd = stage()
    receiver, sender, _ = joined(crowd)
    send_before_the_receiver_confirms(sender, receiver, "sealed and gone")
    elapsed = close_tab(sender, receiver, "peer-left with a sealed secret waiting")
    assert elapsed < PEER_LEFT_S
    expect_nothing_left(receiver)
    assert "sealed and gone" not in receiver.content()
    start_over_and_hand_over(receiver, "receiver", crowd, "and again")


def test_the_receiver_closing_before_opening_is_not_called_delivered(stage: Stages) -> None:
    crowd = stage()
    receiver, sender, _ = joined(crowd)
    send_before_the_receiver_confirms(sender, receiver, "never opened")
    start = time.perf_counter()
    receiver.context.close()
    expect(sender.locator("#end-title")).to_have_text("Sent", timeout=5_000)
    elapsed = timed("sender told the receiver left before opening", start)
    assert elapsed < PEER_LEFT_S
    expect(sender.locator("#end-lead")).to_contain_text("the receiver left")
    assert "Delivered" not in (sender.locator("#end-title").text_content() or "")
    start_over_and_hand_over(sender, "sender", crowd, "take two")


# A network goes away -------------------------------------------------------------------------
#: The server pings every socket this often and drops one that does not answer within half
#: of it (aiohttp's heartbeat); 30 s by default, short here to keep the test short.
HEARTBEAT_S = 2.0


@pytest.mark.parametrize("who_drops", ["sender", "receiver"])
def test_a_peer_losing_its_network_mid_handshake_is_shown(stage: Stages, who_drops: str) -> None:
    relay, crowd, receiver, sender = held_handshake(stage, heartbeat=HEARTBEAT_S)
    pages = {"receiver": receiver, "sender": sender}
    survivor_role = "receiver" if who_drops == "sender" else "sender"
    survivor = pages[survivor_role]
    start = time.perf_counter()
    # Chromium's offline mode leaves open websockets and WebRTC alone, so the network
    # between that page and the server is cut at the server's door as well.
    pages[who_drops].context.set_offline(True)
    relay.cut(SIDE_OF[who_drops])
    expect(survivor.get_by_test_id("status")).to_have_attribute(
        "data-state", ENDINGS, timeout=int(OFFLINE_BOUND_S * 1000)
    )
    elapsed = timed(f"network loss mid-handshake, {who_drops} offline", start)
    assert elapsed < HEARTBEAT_S * 1.5 + PEER_LEFT_S
    expect_nothing_left(survivor)
    start_over_and_hand_over(survivor, survivor_role, crowd, "back online")


# The signaling server goes away --------------------------------------------------------------
def test_a_waiting_page_is_told_the_server_went_away_and_starts_over_once_back(
    stage: Stages,
) -> None:
    live = stage.server()
    crowd = stage.people(live)
    receiver = person(crowd, "receiver")
    create_room(receiver, "create-receive")
    start = time.perf_counter()
    stage.stop(live)
    expect_state(receiver, "error")
    timed("waiting page told the server stopped", start)
    expect(receiver.get_by_test_id("error")).to_be_visible()
    expect(receiver.get_by_test_id("error")).to_contain_text("restarting")
    expect_nothing_left(receiver)

    # Starting over while it is still down says so.
    receiver.locator("#start-over").click()
    expect_state(receiver, "ready")
    receiver.get_by_test_id("create-receive").click()
    expect_state(receiver, "error")
    expect(receiver.get_by_test_id("error")).to_have_attribute("data-code", "unreachable")

    stage.server(port=live.port)
    start_over_and_hand_over(receiver, "receiver", crowd, "the server is back")


def test_connected_peers_finish_without_the_server(stage: Stages) -> None:
    live = stage.server()
    crowd = stage.people(live)
    receiver, sender, _ = joined(crowd)
    assert sas_of(receiver) == sas_of(sender)
    stage.stop(live)
    hand_over(sender, receiver, "no server needed")
    for page in (receiver, sender):
        expect(page.get_by_test_id("error")).to_be_hidden()


@pytest.fixture
def server_process(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path / "server.log", root=app_root()).start()
    yield process
    process.kill()


def test_a_server_crash_is_shown_to_a_waiting_page_and_spares_connected_peers(
    browser: Browser, server_process: ServerProcess
) -> None:
    crowd = People(browser, server_process.url)
    try:
        receiver, sender = person(crowd, "receiver"), person(crowd, "sender", path=None)
        waiting = person(crowd, "waiting")
        create_room(waiting, "create-send")
        link = create_room(receiver, "create-receive")
        open_link(sender, link)
        join(sender)
        assert sas_of(receiver) == sas_of(sender)

        start = time.perf_counter()
        server_process.kill()
        expect_state(waiting, "error")
        timed("waiting page told the server crashed", start)
        expect(waiting.get_by_test_id("error")).to_have_attribute("data-code", "unreachable")
        expect_nothing_left(waiting)

        # The pair was already connected directly: they finish as if nothing happened.
        hand_over(sender, receiver, "crash-proof")

        server_process.start()
        start_over_and_hand_over(waiting, "sender", crowd, "after the crash")
        assert crowd.problems() == []
    finally:
        crowd.close()
