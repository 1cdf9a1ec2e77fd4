"""``secket send`` and ``secket receive`` against real pages, each other and a real coturn.

The terminal peer runs as the real command on a pseudo-terminal (tests/e2e/terminal.py):
the test reads the code it shows, compares it with the page's, and types ``y`` as the
person would. Where a test must change aiortc or what the peer seals, it runs the same
Flow and Net in-process instead.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from playwright.sync_api import Browser, Page, expect

from secket.core.roles import Role
from secket.terminal.decide import Decision
from secket.terminal.errors import Exit
from tests.daemons import TurnServer

from .conftest import LiveServer, People, start_server
from .flows import confirm, create_room, expect_shown, expect_state, join, open_link, sas_of
from .terminal import InProcessPeer, TerminalPeer
from .test_flows import LARGE_SECRET, UNICODE_SECRET
from .test_turn import relay_config, watched_page

NOT_THE_CODE = "0000 0000 00000"


def page_code(page: Page) -> str:
    sas_of(page)  # the page shows the code
    return page.locator("#sas-number").text_content() or ""


def compare_and_confirm(terminal: TerminalPeer, page: Page) -> None:
    """What the two people do: read the codes to each other, then both say they match."""
    assert terminal.code() == page_code(page)
    terminal.type("y")
    page.get_by_test_id("sas-match").click()  # the secret may follow at once: no wait here


def send_from(page: Page, secret: str) -> None:
    page.get_by_test_id("secret-input").fill(secret)
    page.get_by_test_id("send-secret").click()


def link_is_gone(page: Page) -> None:
    expect(page.get_by_test_id("room-link")).to_have_value("")
    expect(page.get_by_test_id("qr-code")).not_to_have_attribute("data-link", re.compile("."))


@pytest.fixture
def terminals() -> Iterator[list[TerminalPeer]]:
    """Every command a test starts is gone when it ends."""
    started: list[TerminalPeer] = []
    yield started
    for terminal in started:
        terminal.kill()


def start(terminals: list[TerminalPeer], *args: str, stdin: bytes | None = None) -> TerminalPeer:
    terminal = TerminalPeer(*args, stdin=stdin)
    terminals.append(terminal)
    return terminal


# The four ways round: who creates, who sends --------------------------------------------
def test_a_page_receiver_gets_64_kib_from_a_terminal_that_joined(
    people: People, terminals: list[TerminalPeer], tmp_path: Path
) -> None:
    receiver = people.open("receiver")
    link = create_room(receiver, "create-receive")
    (tmp_path / "secret").write_text(LARGE_SECRET)
    sender = start(terminals, "send", "--link", link, "--file", str(tmp_path / "secret"))
    compare_and_confirm(sender, receiver)
    expect_state(receiver, "received")
    expect_shown(receiver, LARGE_SECRET)
    assert sender.finish() == Exit.OK
    assert sender.last_line() == "Delivered: the receiver has the secret."
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    link_is_gone(receiver)


def test_a_terminal_receiver_gets_64_kib_from_a_page_that_made_the_link(
    people: People, terminals: list[TerminalPeer], tmp_path: Path
) -> None:
    sender = people.open("sender")
    link = create_room(sender, "create-send")
    out = tmp_path / "received"
    receiver = start(terminals, "receive", "--link", link, "--out", str(out))
    compare_and_confirm(receiver, sender)
    send_from(sender, LARGE_SECRET)
    expect_state(sender, "sent")  # the receipt came back: "Delivered"
    assert receiver.finish() == Exit.OK
    assert out.read_text() == LARGE_SECRET
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert receiver.stdout == b""  # --out: nothing on stdout
    link_is_gone(sender)


def test_a_terminal_makes_the_link_and_a_page_sends(
    people: People, terminals: list[TerminalPeer], server: LiveServer
) -> None:
    receiver = start(terminals, "receive", "--server", server.url)
    link = receiver.link()
    assert "secket send --link LINK" in receiver.text
    receiver.wait_for("[\u2580\u2584]{5}")  # the QR code, on a terminal
    sender = people.open("sender", path=None)
    open_link(sender, link)
    join(sender)
    compare_and_confirm(receiver, sender)
    assert "Connected directly, encrypted end to end." in receiver.text
    # The colour is drawn as a swatch of the code's colour (24-bit background).
    assert re.search(r"\x1b\[48;2;\d+;\d+;\d+m", receiver.raw)
    send_from(sender, UNICODE_SECRET)
    expect_state(sender, "sent")
    assert receiver.finish() == Exit.OK
    assert receiver.stdout.decode() == UNICODE_SECRET


def test_a_terminal_makes_the_link_and_sends_what_came_on_stdin(
    people: People, terminals: list[TerminalPeer], server: LiveServer
) -> None:
    secret = "from a pipe\n"
    sender = start(terminals, "send", "--server", server.url, stdin=secret.encode())
    receiver = people.open("receiver", path=None)
    open_link(receiver, sender.link())
    join(receiver)
    # stdin carried the secret: the question is asked on the terminal itself (/dev/tty).
    compare_and_confirm(sender, receiver)
    expect_state(receiver, "received")
    expect_shown(receiver, secret)
    assert sender.finish() == Exit.OK


# Between terminals ---------------------------------------------------------------------------
def test_two_terminals_and_a_third_person_who_is_refused(
    terminals: list[TerminalPeer], server: LiveServer
) -> None:
    receiver = start(terminals, "receive", "--server", server.url)
    link = receiver.link()
    sender = start(terminals, "send", "--link", link, stdin=b"between terminals")
    assert receiver.code() == sender.code()
    third = start(terminals, "send", "--link", link, stdin=b"me too")
    assert third.finish() == Exit.LINK
    assert third.last_line().endswith("[room-full]")
    assert "already in use" in third.last_line()
    for terminal in (receiver, sender):
        terminal.wait_for("someone else just tried to open this link")
    receiver.type("y")
    sender.type("y")
    assert (receiver.finish(), sender.finish()) == (Exit.OK, Exit.OK)
    assert receiver.stdout == b"between terminals"


def test_codes_that_differ_stop_both_with_exit_5(
    terminals: list[TerminalPeer], server: LiveServer
) -> None:
    receiver = start(terminals, "receive", "--server", server.url)
    sender = start(
        terminals, "send", "--link", receiver.link(), "--expect-code", NOT_THE_CODE, stdin=b"no"
    )
    assert sender.finish() == Exit.VERIFICATION
    assert sender.last_line() == "secket: The codes don't match. Nothing was sent. [mismatch]"
    assert receiver.finish() == Exit.VERIFICATION
    # The question was on screen: the ending starts a line of its own.
    assert receiver.last_line().startswith("secket: The other person says the codes don't match.")
    assert receiver.stdout == b""


def test_ctrl_c_while_waiting_leaves_no_room_behind(
    terminals: list[TerminalPeer], server: LiveServer
) -> None:
    receiver = start(terminals, "receive", "--server", server.url)
    link = receiver.link()
    receiver.wait_for("Waiting for the other person")
    receiver.ctrl_c()
    assert receiver.finish() == Exit.INTERRUPTED
    assert receiver.last_line() == "secket: Interrupted. Nothing was kept. [interrupted]"
    late = start(terminals, "send", "--link", link, stdin=b"too late")
    assert late.finish() == Exit.LINK
    assert late.last_line().endswith("[no-room]")


def test_ctrl_c_while_comparing_tells_the_page(
    people: People, terminals: list[TerminalPeer]
) -> None:
    receiver = people.open("receiver")
    link = create_room(receiver, "create-receive")
    sender = start(terminals, "send", "--link", link, stdin=b"never sent")
    assert sender.code() == page_code(receiver)
    sender.ctrl_c()
    assert sender.finish() == Exit.INTERRUPTED
    expect_state(receiver, "peer-left")
    link_is_gone(receiver)


# Through the relay only ------------------------------------------------------------------
def test_a_terminal_and_a_page_through_the_relay_only(
    browser: Browser, terminals: list[TerminalPeer], turn_server: TurnServer
) -> None:
    live = start_server(relay_config(turn_server))
    people = People(browser, live.url)
    log_before = len(turn_server.log_text())
    try:
        receiver = start(terminals, "receive", "--server", live.url)
        sender = watched_page(people, "sender", None)
        open_link(sender, receiver.link())
        join(sender)
        compare_and_confirm(receiver, sender)
        path = sender.get_by_test_id("connection-path")
        expect(path).to_have_attribute("data-path", "relayed")
        assert "Connected through a relay server, encrypted end to end." in receiver.text
        send_from(sender, "through the relay")
        expect_state(sender, "sent")
        assert receiver.finish() == Exit.OK
        assert receiver.stdout == b"through the relay"
        # coturn allocated a relay for each peer: two credentials, one per peer, each of
        # which the server handed out when it paired them.
        log = turn_server.log_text()[log_before:]
        users = set(re.findall(r"user <([^>]+)>: incoming packet ALLOCATE processed, success", log))
        assert len(users) == 2, log[-3000:]
        assert people.problems() == []
    finally:
        people.close()
        live.stop()


# A peer the page must cope with ------------------------------------------------------------
def test_a_peer_that_takes_64_kib_messages_and_lists_three_fingerprints(
    people: People, server: LiveServer
) -> None:
    # RFC 8841's default when absent; Safari and older stacks advertise it. aiortc lists
    # sha-256, sha-384 and sha-512; Chromium keeps only the last one of a remote description.
    with mock.patch("aiortc.rtcsctptransport.LOCAL_MAX_MESSAGE_SIZE", 65536):
        receiver = InProcessPeer(server.url.rstrip("/"), Role.RECEIVER).start()
        sender = people.open("sender", path=None)
        open_link(sender, receiver.wait(lambda p: p.link))
        join(sender)
        assert receiver.wait(lambda p: p.code) == page_code(sender)
    sealed = receiver.flow.negotiation.local_sdp
    assert "a=max-message-size:65536" in sealed
    assert {"sha-256", "sha-384", "sha-512"} <= set(re.findall(r"a=fingerprint:(\S+)", sealed))

    # Signaling after the session started is not answered: this offer is left alone.
    receiver.on_loop(receiver.send_signal("offer", {"sdp": sealed}))
    confirm(sender)
    receiver.answer(Decision.MATCH)
    send_from(sender, LARGE_SECRET)
    expect_state(sender, "sent")
    assert receiver.join().code is Exit.OK
    assert receiver.delivered == [LARGE_SECRET]
    assert "answer" not in receiver.late_payload_kinds()


def test_a_peer_with_two_sha256_fingerprints_is_refused(people: People, server: LiveServer) -> None:
    def second_fingerprint(sdp: str) -> str:
        forged = "a=fingerprint:sha-256 " + ":".join(["AA"] * 32) + "\r\n"
        return sdp.replace("a=fingerprint:sha-256", forged + "a=fingerprint:sha-256", 1)

    receiver = InProcessPeer(server.url.rstrip("/"), Role.RECEIVER, rewrite=second_fingerprint)
    receiver.start()
    sender = people.open("sender", path=None)
    open_link(sender, receiver.wait(lambda p: p.link))
    join(sender)
    expect_state(sender, "error")
    error = sender.get_by_test_id("error")
    expect(error).to_have_attribute("data-code", "remote-protocol")
    # The alert says what the code means; the precise reason is in the detail line.
    expect(sender.locator("#detail")).to_contain_text("two different sha-256 DTLS fingerprints")
    assert receiver.join().code is Exit.PEER_LEFT
