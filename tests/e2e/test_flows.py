"""The whole product flow in two real browsers, as two people would use it."""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import expect

from secket.core.link import new_link
from secket.core.roles import Role

from .conftest import People
from .flows import (
    UNICODE_SECRET,
    assert_nothing_kept,
    confirm,
    connect,
    create_room,
    expect_shown,
    expect_state,
    expect_warned,
    hand_over,
    join,
    open_link,
    refused_as_third,
    sas_of,
    send_before_the_receiver_confirms,
    send_secret,
    video_is_playing,
)

# Exactly 64 KiB of UTF-8: two-byte and four-byte characters.
LARGE_SECRET = "é" * 16384 + "🔑" * 8192


@pytest.mark.parametrize("secret", [UNICODE_SECRET, LARGE_SECRET], ids=["unicode", "64KiB"])
def test_receiver_creates_the_room_and_gets_the_exact_secret(people: People, secret: str) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    connect(receiver, sender, "create-receive")

    # Both screens show the same code, in emoji, hex and colour.
    assert sas_of(receiver) == sas_of(sender)
    # The sender sees the receiver's video (canvas overlay over the fake camera).
    video_is_playing(sender, "remote-video")
    video_is_playing(receiver, "local-video")
    # On one machine the browsers connect directly; the page says so.
    for page in (receiver, sender):
        expect(page.get_by_test_id("connection-path")).to_have_attribute("data-path", "direct")

    # Send stays locked until the sender confirmed.
    expect(sender.get_by_test_id("secret-input")).to_be_disabled()
    expect(sender.get_by_test_id("send-secret")).to_be_disabled()
    hand_over(sender, receiver, secret)

    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    # Wiped: the secret is no longer anywhere in the page.
    assert secret[:20] not in receiver.content()
    assert receiver.get_by_test_id("received-secret").text_content() == ""


def test_sender_creates_the_room(people: People) -> None:
    sender, receiver = people.open("sender"), people.open("receiver", path=None)
    connect(sender, receiver, "create-send")
    assert sas_of(receiver) == sas_of(sender)
    video_is_playing(sender, "remote-video")
    # The receiver confirms first this time; the secret is sent after.
    confirm(receiver)
    confirm(sender)
    send_secret(sender, receiver, UNICODE_SECRET)
    expect_shown(receiver, UNICODE_SECRET)


def test_secret_waits_for_the_receivers_confirmation(people: People) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    # It arrives but stays sealed until the receiver compared the code.
    send_before_the_receiver_confirms(sender, receiver, "not before you confirm")
    expect(receiver.get_by_test_id("received-secret")).to_have_text("")
    receiver.get_by_test_id("sas-match").click()
    expect_state(receiver, "received")
    expect_shown(receiver, "not before you confirm")


@pytest.mark.parametrize("who_rejects", ["sender", "receiver"])
def test_a_mismatch_ends_the_session_on_both_sides(people: People, who_rejects: str) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    rejecting, other = (sender, receiver) if who_rejects == "sender" else (receiver, sender)
    rejecting.get_by_test_id("sas-mismatch").click()
    expect_state(rejecting, "mismatch")
    expect_state(other, "mismatch")
    expect(sender.get_by_test_id("send-secret")).to_be_disabled()
    expect(other.locator("#end-title")).to_contain_text("don't match")


CAMERA_PROMPTS = {
    # The person refuses the camera (or there is none).
    "refused": "navigator.mediaDevices.getUserMedia = () =>"
    " Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));",
    # The person leaves the browser's camera prompt open and never answers it.
    "unanswered": "navigator.mediaDevices.getUserMedia = () => new Promise(() => {});",
}


@pytest.mark.parametrize("prompt", CAMERA_PROMPTS)
def test_the_camera_prompt_holds_up_nothing(people: People, prompt: str) -> None:
    receiver, sender = people.open("receiver", path=None), people.open("sender", path=None)
    receiver.context.add_init_script(CAMERA_PROMPTS[prompt])
    receiver.goto(people.base_url)
    connect(receiver, sender, "create-receive")
    assert sas_of(receiver) == sas_of(sender)
    # The sender sees the receiver's video all the same: the colour and emoji alone.
    video_is_playing(sender, "remote-video")
    if prompt == "refused":
        expect(receiver.locator("#local-caption")).to_contain_text("no camera")
    confirm(receiver)
    confirm(sender)
    send_secret(sender, receiver, f"camera {prompt}")
    expect_shown(receiver, f"camera {prompt}")


@pytest.mark.parametrize("who_rejects", ["receiver", "sender"])
def test_a_mismatch_after_sending_throws_the_unopened_secret_away(
    people: People, who_rejects: str
) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    send_before_the_receiver_confirms(sender, receiver, "sent too soon")
    # The receiver says no; or the sender looks again and the codes differ after all.
    (receiver if who_rejects == "receiver" else sender).get_by_test_id("sas-mismatch").click()
    expect_state(receiver, "mismatch")
    expect(receiver.locator("#end-lead")).to_contain_text("thrown away unopened")
    assert "sent too soon" not in receiver.content()
    # The sender is not told "Nothing was sent": it was, and may be exposed.
    expect_state(sender, "mismatch")
    expect(sender.locator("#end-lead")).to_contain_text("already gone out")
    expect(sender.locator("#end-lead")).not_to_contain_text("Nothing was sent")


def test_a_third_person_with_the_link_is_refused_and_both_are_warned(people: People) -> None:
    receiver = people.open("receiver")
    link = create_room(receiver, "create-receive")
    sender = people.open("sender", path=None)
    open_link(sender, link)
    join(sender)
    expect_state(sender, "verifying")

    intruder = people.open("intruder", path=None)
    refused_as_third(intruder, link)
    expect_warned(receiver, sender)

    # The pair's session is unaffected.
    hand_over(sender, receiver, "still private")


def test_a_link_scanner_takes_no_slot(people: People) -> None:
    receiver = people.open("receiver")
    link = create_room(receiver, "create-receive")
    scanner = people.open("scanner", path=None)
    open_link(scanner, link)  # fetches and runs the page, never presses Join
    sender = people.open("sender", path=None)
    open_link(sender, link)
    join(sender)
    assert sas_of(sender) == sas_of(receiver)
    expect_state(scanner, "ready")


@pytest.mark.parametrize("when", ["verifying", "waiting-for-secret"])
def test_the_other_person_leaving_is_shown(people: People, when: str) -> None:
    receiver, sender = people.open("receiver"), people.open("sender", path=None)
    connect(receiver, sender, "create-receive")
    if when == "waiting-for-secret":
        confirm(sender)
        confirm(receiver)
    sender.context.close()
    expect_state(receiver, "peer-left", timeout=5_000)
    expect(receiver.locator("#end-title")).to_have_text("The other person left")


def test_opening_the_link_removes_its_secret_from_the_address_bar(people: People) -> None:
    receiver = people.open("receiver")
    link = create_room(receiver, "create-receive")
    sender = people.open("sender", path=None)
    open_link(sender, link)
    assert "#" not in sender.url
    assert receiver.url.rstrip("/") == people.base_url.rstrip("/")


@pytest.mark.parametrize(
    "fragment",
    ["#1sAAAA", "#9sAAAAAAAAAAAAAAAAAAAAAA", "#1xAAAAAAAAAAAAAAAAAAAAAA", "#1s" + "!" * 22],
)
def test_a_malformed_link_gets_a_clear_error(people: People, fragment: str) -> None:
    page = people.open("opener", path=fragment)
    expect_state(page, "error", timeout=60_000)
    error = page.get_by_test_id("error")
    expect(error).to_be_visible()
    expect(error).to_have_attribute("data-code", "bad-link")
    expect(error).to_contain_text(re.compile("link", re.IGNORECASE))
    expect(page.get_by_test_id("join")).to_be_hidden()


def test_a_link_whose_room_is_gone_says_so(people: People) -> None:
    # A link whose creator is gone: the room no longer exists.
    page = people.open("opener", path="#1s" + "A" * 21 + "Q")
    expect(page.get_by_test_id("join")).to_be_enabled(timeout=60_000)
    join(page)
    expect_state(page, "error")
    # The server keeps no list of past rooms: "gone" and "never was" read the same, honestly.
    expect(page.locator("#end-title")).to_have_text("This link is wrong or no longer valid")
    expect(page.get_by_test_id("error")).to_have_attribute("data-code", "no-room")
    expect(page.get_by_test_id("error")).to_have_text(
        "It may have been changed when it was copied, its creator may have closed their "
        "page, or it is too old. Ask for a new link."
    )
    # One heading and one sentence: the sentence is in the error box, not said twice.
    expect(page.locator("#end-lead")).to_be_hidden()
    expect(page.get_by_test_id("status")).to_have_text("This link is wrong or no longer valid")


def test_the_secret_field_is_not_remembered_by_the_browser(people: People) -> None:
    page = people.open("sender")
    field = page.get_by_test_id("secret-input")
    for attribute, value in (("autocomplete", "off"), ("spellcheck", "false")):
        expect(field).to_have_attribute(attribute, value)


@pytest.mark.parametrize("creator", ["create-receive", "create-send"])
def test_nothing_is_stored_in_the_browser(people: People, creator: str) -> None:
    receiver, sender = people.open("receiver", path=None), people.open("sender", path=None)
    first, second = (receiver, sender) if creator == "create-receive" else (sender, receiver)
    first.goto(people.base_url)
    connect(first, second, creator)
    confirm(sender)
    confirm(receiver)
    send_secret(sender, receiver, "leave no trace")
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    for page in (receiver, sender):
        assert_nothing_kept(page, "leave no trace")


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("delete window.RTCPeerConnection;", "no WebRTC"),
        (
            "const generate = crypto.subtle.generateKey.bind(crypto.subtle);"
            "crypto.subtle.generateKey = (alg, ...rest) => alg && alg.name === 'X25519'"
            " ? Promise.reject(new DOMException('unsupported', 'NotSupportedError'))"
            " : generate(alg, ...rest);",
            "X25519",
        ),
    ],
    ids=["no-webrtc", "no-x25519"],
)
def test_an_unsupported_browser_is_told_so(people: People, script: str, expected: str) -> None:
    page = people.open("old browser", path=None)
    page.context.add_init_script(script)
    # Opened from a link: its secret leaves the address bar even though nothing else works.
    link = new_link(secrets.token_bytes, Role.SENDER).url(people.base_url.rstrip("/"))
    page.goto(link)
    expect_state(page, "error", timeout=60_000)
    assert "#" not in page.url
    error = page.get_by_test_id("error")
    expect(error).to_have_attribute("data-code", "unsupported")
    expect(error).to_contain_text(expected)
    expect(page.get_by_test_id("create-receive")).to_be_hidden()
