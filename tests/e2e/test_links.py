"""Damaged links: a typo reaches no room, and leaves the real one alone."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import People
from .flows import confirm, create_room, expect_state, join, open_link, sas_of, send_secret


def test_a_link_with_its_role_letter_changed_reaches_no_room(people: People) -> None:
    receiver = people.open("receiver")
    link = create_room(receiver, "create-receive")
    assert "#1s" in link
    # Someone retypes the link with the other role letter: another room, which nobody made.
    typo = people.open("typo", path=None)
    open_link(typo, link.replace("#1s", "#1r"))
    join(typo)
    expect_state(typo, "error")
    expect(typo.get_by_test_id("error")).to_have_attribute("data-code", "no-room")
    # The creator never heard of it: still waiting, and the real link still works.
    expect_state(receiver, "waiting")
    expect(receiver.get_by_test_id("error")).to_be_hidden()
    sender = people.open("sender", path=None)
    open_link(sender, link)
    join(sender)
    assert sas_of(receiver) == sas_of(sender)
    confirm(sender)
    confirm(receiver)
    send_secret(sender, receiver, "the right room")
    expect(receiver.get_by_test_id("received-secret")).to_contain_text("the right room")
