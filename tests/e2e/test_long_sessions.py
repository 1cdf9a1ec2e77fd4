"""Sessions that outlive the server's room, or the other person's page."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from secket_server.config import Config

from .conftest import LiveServer, People, start_server
from .flows import (
    confirm,
    connect,
    create_room,
    expect_shown,
    expect_state,
    hand_over,
    join,
    open_link,
    send_secret,
)

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


def test_a_link_that_ran_out_says_so_to_each_person(short_rooms: People) -> None:
    creator = short_rooms.open("creator")
    link = create_room(creator, "create-receive")
    opener = short_rooms.open("opener", path=None)
    open_link(opener, link)
    # Nobody joined in time: the server expires the room, and tells its creator.
    expect_state(creator, "error", timeout=int(ROOM_SECONDS + 5) * 1000)
    for page, sentence in (
        (creator, "Links work for 10 minutes. Start over to make a new one."),
        (opener, "Links work for 10 minutes. Ask for a new link."),
    ):
        if page is opener:
            join(opener)  # too late: the room is spent
            expect_state(opener, "error")
        expect(page.get_by_test_id("error")).to_have_attribute("data-code", "room-expired")
        # One heading (also on the status line) and one sentence, in the error box.
        expect(page.locator("#end-title")).to_have_text("This link has expired")
        expect(page.get_by_test_id("status")).to_have_text("This link has expired")
        expect(page.get_by_test_id("error")).to_have_text(sentence)
        expect(page.locator("#end-lead")).to_be_hidden()
        expect(page.get_by_test_id("room-link")).to_have_value("")
