"""Sessions that outlive the server's room, or the other person's page."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from secket_server.config import Config

from .conftest import LiveServer, People, start_server
from .flows import confirm, connect, expect_shown, expect_state, hand_over, send_secret

ROOM_SECONDS = 12.0


@pytest.fixture
def short_rooms(browser: Browser) -> Iterator[People]:
    live: LiveServer = start_server(Config(room_ttl=ROOM_SECONDS, idle_timeout=ROOM_SECONDS))
    crowd = People(browser, live.url)
    yield crowd
    problems = crowd.problems()
    crowd.close()
    live.stop()
    assert problems == []


def test_a_long_comparison_outlives_the_servers_room(short_rooms: People) -> None:
    receiver, sender = short_rooms.open("receiver"), short_rooms.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    # The people take longer to compare than the server keeps the room: the server expires
    # it, but the browsers talk directly and finish.
    time.sleep(ROOM_SECONDS + 2)
    hand_over(sender, receiver, "took our time")


def test_the_receiver_keeps_the_secret_after_the_sender_is_long_gone(people: People) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    confirm(sender)
    confirm(receiver)
    send_secret(sender, receiver, "still here")
    sender.context.close()
    # WebRTC notices the missing peer after about 15 s ("failed"); the secret must stay.
    time.sleep(25)
    expect_state(receiver, "received")
    expect_shown(receiver, "still here")
    expect(receiver.locator("#peer-note")).to_contain_text("The sender left")
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
