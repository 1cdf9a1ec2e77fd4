"""Secket under attack, in real Chromium: the attackers of docs/protocol.md's last table.

- A signaling server that does not know the link flips, forges, replays, drops or
  reflects the sealed signaling: the page it targets stops with the ``signal-tampered``
  error, the other page is told its peer left, and neither gets to the code.
- A server that read the link terminates DTLS on both sides (``mitm.py``, aiortc running
  the project's own protocol core): the two screens show different codes, Send stays
  locked until the sender says they match, and the receiver opens nothing the attacker
  sealed unless the receiver says so too.
- A third person with the link, once the pair finished, is refused; once the server forgot
  the room, the link has expired and does not open a new room.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from secket.core.roles import Role
from secket.core.sdp import dtls_fingerprint

from .attackers.stage import Stages, joined, person, staged, states_seen
from .attackers.tamper import TamperingRelay
from .flows import (
    confirm,
    create_room,
    expect_shown,
    expect_state,
    join,
    open_link,
    refused_as_third,
    sas_of,
    send_secret,
)
from .mitm import Mitm, loopback_ice

#: ``stage(install, **config)``: the real app with ``install`` applied, and its people.
stage_fixture = pytest.fixture(staged, name="stage")

#: The receiver makes the link in these tests, so the server sees her as the creator.
SIDE_OF = {"receiver": "creator", "sender": "opener"}
OTHER = {"receiver": "sender", "sender": "receiver"}


def expect_no_code_and_no_send(receiver: Page, sender: Page) -> None:
    """Neither page ever showed a verification code; the sender could never send."""
    for page in (receiver, sender):
        assert "verifying" not in states_seen(page)
        expect(page.get_by_test_id("sas-emoji")).not_to_have_attribute("data-sas", re.compile("."))
    expect(sender.get_by_test_id("secret-input")).to_be_disabled()
    expect(sender.get_by_test_id("send-secret")).to_be_disabled()
    expect(sender.locator("#screen-send")).to_be_hidden()


# 1. A signaling server without the link ---------------------------------------------------
TAMPERING = [
    (attack, victim)
    for attack in ("flip", "forge", "replay", "drop")
    for victim in ("sender", "receiver")
] + [("reflect", "receiver")]


@pytest.mark.parametrize(("attack", "victim"), TAMPERING, ids=[f"{a}-to-{v}" for a, v in TAMPERING])
def test_a_server_without_the_link_cannot_alter_the_signaling(
    stage: Stages, attack: str, victim: str
) -> None:
    relay = TamperingRelay(SIDE_OF[victim], attack)
    crowd = stage(relay.install)
    receiver, sender, _ = joined(crowd)

    pages = {"receiver": receiver, "sender": sender}
    hit, other = pages[victim], pages[OTHER[victim]]
    expect_state(hit, "error")
    error = hit.get_by_test_id("error")
    expect(error).to_be_visible()
    expect(error).to_have_attribute("data-code", "signal-tampered")
    expect(error).to_contain_text("tampered")
    # The victim's page closed its side; the server tells the other page, which stops too.
    expect_state(other, "peer-left")
    assert relay.struck.is_set()
    expect_no_code_and_no_send(receiver, sender)


def test_a_tampered_signal_followed_by_more_still_says_tampered(stage: Stages) -> None:
    # The server delivers a flipped offer and the next payload back to back.
    relay = TamperingRelay("opener", "burst")
    crowd = stage(relay.install)
    receiver, sender, _ = joined(crowd)
    expect_state(sender, "error")
    assert relay.struck.is_set()
    expect(sender.get_by_test_id("error")).to_have_attribute("data-code", "signal-tampered")
    expect_no_code_and_no_send(receiver, sender)


#: A slow device: AES-GCM decryption (the sealed signaling) takes 1.5 s to answer.
SLOW_DECRYPT = """(() => {
  const decrypt = crypto.subtle.decrypt.bind(crypto.subtle);
  crypto.subtle.decrypt = (algorithm, ...rest) => {
    const result = decrypt(algorithm, ...rest);
    const later = () => new Promise((ok) => setTimeout(ok, 1500));
    return result.then((v) => later().then(() => v), (e) => later().then(() => { throw e; }));
  };
})();"""


def test_a_failure_while_connecting_keeps_its_error(stage: Stages) -> None:
    # The receiver accepts the authentic answer, then gets it again. Her page is slow to
    # decrypt, so the direct connection opens while the replay is being checked.
    relay = TamperingRelay("creator", "replay")
    crowd = stage(relay.install)
    receiver = crowd.open("receiver", path=None)
    receiver.context.add_init_script(SLOW_DECRYPT)
    receiver.goto(crowd.base_url)
    sender = person(crowd, "sender", path=None)
    link = create_room(receiver, "create-receive")
    open_link(sender, link)
    join(sender)
    expect_state(receiver, "error")
    assert relay.struck.is_set()
    # Give the connection's WebRTC events time to arrive after the page stopped.
    receiver.wait_for_timeout(2_000)
    expect(receiver.get_by_test_id("error")).to_have_attribute("data-code", "signal-tampered")


# 2. A peer in the middle who knows the link ------------------------------------------------
@pytest.fixture
def attacker_stage(stage: Stages) -> Iterator[Stages]:
    with loopback_ice():
        yield stage


def through_the_attacker(stage: Stages, mitm: Mitm) -> tuple[Page, Page]:
    """The receiver makes a link, the attacker reads it, the sender opens it and joins."""
    crowd = stage(mitm.install)
    receiver, sender = person(crowd, "receiver"), person(crowd, "sender", path=None)
    link = create_room(receiver, "create-receive")
    mitm.learn(link)
    open_link(sender, link)
    join(sender)
    expect_state(receiver, "verifying")
    expect_state(sender, "verifying")
    return receiver, sender


def shown_code(page: Page) -> str:
    return sas_of(page)[0]


def expect_send_locked(sender: Page) -> None:
    expect(sender.get_by_test_id("secret-input")).to_be_disabled()
    expect(sender.get_by_test_id("send-secret")).to_be_disabled()


def test_a_peer_in_the_middle_shows_two_codes_and_the_sender_stops_it(
    attacker_stage: Stages,
) -> None:
    mitm = Mitm("sessions")
    receiver, sender = through_the_attacker(attacker_stage, mitm)
    code_r, code_s = shown_code(receiver), shown_code(sender)
    # Each page verified a real session, with the attacker: the codes are the attacker's.
    assert code_r == mitm.wait(lambda m: m.leg(Role.RECEIVER).sas)
    assert code_s == mitm.wait(lambda m: m.leg(Role.SENDER).sas)
    assert code_r != code_s
    # The attacker said "they match" at once; the sender's Send stays locked all the same.
    expect(sender.locator("#peer-note")).to_contain_text("confirmed")
    expect_send_locked(sender)

    sender.get_by_test_id("sas-mismatch").click()
    expect_state(sender, "mismatch")
    expect_send_locked(sender)
    mitm.wait(lambda m: "PeerRejected" in m.leg(Role.SENDER).events)
    assert "SecretArrived" not in mitm.leg(Role.SENDER).events
    assert mitm.stolen is None
    assert mitm.errors == []


@pytest.mark.parametrize("receiver_says", ["no-match", "match"])
def test_a_lying_sender_loses_her_secret_but_the_receiver_opens_nothing_unconfirmed(
    attacker_stage: Stages, receiver_says: str
) -> None:
    mitm = Mitm("sessions")
    receiver, sender = through_the_attacker(attacker_stage, mitm)
    assert shown_code(receiver) != shown_code(sender)
    # She presses "They match" although the codes differ: the only thing that unlocks Send.
    confirm(sender)
    sender.get_by_test_id("secret-input").fill("the launch code")
    sender.get_by_test_id("send-secret").click()
    # The attacker opens it and even sends the receipt: her page says it was delivered.
    assert mitm.wait(lambda m: m.stolen) == "the launch code"
    expect_state(sender, "sent")
    expect(sender.locator("#end-title")).to_have_text("Delivered")

    # The attacker passes it on, sealed to the receiver's key on its own leg. Until the
    # receiver presses "They match" it stays sealed.
    mitm.wait(lambda m: m.sealed_to_receiver)
    expect(receiver.locator("#peer-note")).to_contain_text("opens once you confirm")
    expect_state(receiver, "verifying")
    expect(receiver.get_by_test_id("received-secret")).to_have_text("")
    if receiver_says == "no-match":
        receiver.get_by_test_id("sas-mismatch").click()
        expect_state(receiver, "mismatch")
        expect(receiver.get_by_test_id("received-secret")).to_have_text("")
        assert "the launch code" not in receiver.content()
    else:
        # Both said the differing codes match: the receiver sees what the attacker sealed.
        receiver.get_by_test_id("sas-match").click()
        expect_state(receiver, "received")
        expect_shown(receiver, "the launch code")
    assert mitm.errors == []


def test_a_relay_that_terminates_dtls_changes_the_code(attacker_stage: Stages) -> None:
    # The attacker passes every protocol message on unchanged: both pages exchange the
    # same commitment, key and nonces, and only the DTLS certificates differ per leg.
    mitm = Mitm("relay")
    receiver, sender = through_the_attacker(attacker_stage, mitm)
    code_r, code_s = shown_code(receiver), shown_code(sender)
    assert code_r == mitm.wait(lambda m: m.leg(Role.RECEIVER).sas)
    assert code_s == mitm.wait(lambda m: m.leg(Role.SENDER).sas)
    assert code_r != code_s
    expect_send_locked(sender)
    sender.get_by_test_id("sas-mismatch").click()
    expect_state(sender, "mismatch")
    # The verdict goes through the relay too: the receiver's page stops.
    expect_state(receiver, "mismatch")
    assert mitm.errors == []


def test_a_relay_that_borrows_the_genuine_fingerprints_cannot_connect(
    attacker_stage: Stages,
) -> None:
    # Toward each page the attacker's description carries the other page's genuine sha-256
    # fingerprint, the one the code covers, and its own sha-384 and sha-512 after it.
    # Chromium keeps only the last line of a remote description: given all three, it would
    # check the attacker's sha-512 and connect, and both pages would show the same code over
    # a connection the attacker terminates. The page hands it only the sha-256 lines.
    mitm = Mitm("borrow")
    crowd = attacker_stage(mitm.install)
    receiver, sender = person(crowd, "receiver"), person(crowd, "sender", path=None)
    link = create_room(receiver, "create-receive")
    mitm.learn(link)
    open_link(sender, link)
    join(sender)
    for page in (receiver, sender):
        expect_state(page, "error", timeout=60_000)
        expect(page.get_by_test_id("error")).to_have_attribute("data-code", "no-path")
    expect_no_code_and_no_send(receiver, sender)
    # The attacker did send both pages the genuine sha-256 lines beside its own.
    for role in (Role.RECEIVER, Role.SENDER):
        sealed = mitm.leg(role).local_sdp
        assert {"sha-256", "sha-384", "sha-512"} <= set(re.findall(r"a=fingerprint:(\S+)", sealed))
        assert dtls_fingerprint(sealed) == dtls_fingerprint(mitm.leg(role.other).remote_sdp)
    assert mitm.errors == []


@pytest.mark.parametrize("page", [Role.SENDER, Role.RECEIVER], ids=["sender", "receiver"])
def test_a_second_channel_is_no_second_try_at_the_code(attacker_stage: Stages, page: Role) -> None:
    # The attacker in the middle opens another data channel once the codes are on screen,
    # to run the protocol again on it and get a new code (another guess at a match).
    mitm = Mitm("sessions")
    receiver, sender = through_the_attacker(attacker_stage, mitm)
    target = sender if page is Role.SENDER else receiver
    first_code = shown_code(target)
    mitm.second_channel(page)
    expect_state(target, "error")
    expect(target.get_by_test_id("error")).to_have_attribute("data-code", "extra-channel")
    expect(target.get_by_test_id("error")).to_contain_text("second connection")
    # The page closed the channel and never showed another code.
    mitm.wait(lambda m: m.extra_channels[0].readyState == "closed")
    assert states_seen(target).count("verifying") == 1
    assert target.get_by_test_id("sas-emoji").get_attribute("data-sas") in (None, "", first_code)
    expect_send_locked(sender)
    assert mitm.stolen is None
    assert mitm.errors == []


# 3. A third person with the link, after the pair ------------------------------------------
ROOM_TTL = 15.0


def test_a_third_person_opening_the_link_after_the_pair_finished_is_refused(
    stage: Stages,
) -> None:
    crowd = stage(room_ttl=ROOM_TTL)
    receiver, sender, link = joined(crowd)
    confirm(sender)
    confirm(receiver)
    send_secret(sender, receiver, "for one person only")
    # The sender's page is done and has left: from now on the server keeps the room id as
    # spent for ROOM_TTL, then forgets it.
    spent = time.monotonic()

    # Later, with the receiver still holding the secret, and the sender's page finished.
    late = person(crowd, "late", path=None)
    refused_as_third(late, link)
    # The pair is not connected any more: the page does not say it is.
    expect(late.locator("#end-lead")).to_contain_text("or have been")
    expect_shown(receiver, "for one person only")
    expect_state(receiver, "received")
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")

    # Much later, once the server forgot the room: the link does not come back to life
    # (the opener may not create a room), it has expired.
    late.wait_for_timeout(max(0.0, spent + ROOM_TTL + 2.0 - time.monotonic()) * 1000)
    later = person(crowd, "much later", path=None)
    open_link(later, link)
    join(later)
    expect_state(later, "error")
    code = later.get_by_test_id("error").get_attribute("data-code")
    title = {
        "room-expired": "This link has expired",
        "no-room": "This link is wrong or no longer valid",
    }
    assert code in title, code
    expect(later.locator("#end-title")).to_have_text(title[code])
    for page in (late, later):
        assert "verifying" not in states_seen(page)
