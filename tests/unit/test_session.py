"""The receiver/sender state machine, both sides paired in memory over the CPython port."""

from __future__ import annotations

import pytest

from secket.core import events as ev
from secket.core import wire
from secket.core.errors import (
    BlankSecretError,
    BrokenSecretError,
    CommitMismatchError,
    DecryptError,
    EmptySecretError,
    LocalProtocolError,
    RemoteProtocolError,
    SecretTooLargeError,
)
from secket.core.secret import MAX_SECRET_BYTES, PAD_BUCKETS, pad, unpad
from secket.core.session import Binding, Receiver, Sender, Session
from secket.core.states import State, Trigger
from secket.cpython import CPythonCrypto

ROOM = bytes(range(16))
FP_R = b"sha-256 AA:BB"
FP_S = b"sha-256 CC:DD"


def pair(
    binding_r: Binding | None = None, binding_s: Binding | None = None
) -> tuple[Receiver, Sender]:
    default = Binding(ROOM, FP_R, FP_S)
    return (
        Receiver(CPythonCrypto(), binding_r or default),
        Sender(CPythonCrypto(), binding_s or default),
    )


async def deliver(to: Session, frames: list[bytes]) -> tuple[list[ev.Event], list[bytes]]:
    events: list[ev.Event] = []
    replies: list[bytes] = []
    for frame in frames:
        e, r = await to.receive_data(frame)
        events += e
        replies += r
    return events, replies


async def handshake(r: Receiver, s: Sender) -> tuple[list[ev.Event], list[ev.Event]]:
    m1 = await r.start()
    s_events, m2 = await deliver(s, [m1])
    r_events, m3 = await deliver(r, m2)
    more, nothing = await deliver(s, m3)
    assert nothing == []
    return r_events, s_events + more


async def opened(text: str) -> tuple[Receiver, Sender]:
    """Both confirmed, the sender sent ``text`` and the receiver's session opened it."""
    r, s = pair()
    await handshake(r, s)
    await r.confirm()
    await s.confirm()
    (opened,) = (await deliver(r, await s.seal_secret(text)))[0]
    assert isinstance(opened, ev.SecretOpened)
    assert opened.text == text
    return r, s


async def test_both_sides_compute_the_same_sas() -> None:
    r, s = pair()
    r_events, s_events = await handshake(r, s)
    (r_sas,) = [e for e in r_events if isinstance(e, ev.SasReady)]
    (s_sas,) = [e for e in s_events if isinstance(e, ev.SasReady)]
    assert r_sas.sas == s_sas.sas
    assert r.state is s.state is State.COMPARING


@pytest.mark.parametrize("text", ["hunter2", "pässwörd 🔑 秘密\n\ttabs", "x" * MAX_SECRET_BYTES])
@pytest.mark.parametrize("receiver_confirms_first", [True, False])
async def test_secret_arrives_exactly(text: str, receiver_confirms_first: bool) -> None:
    r, s = pair()
    await handshake(r, s)
    if receiver_confirms_first:
        assert (await deliver(s, (await r.confirm())[1]))[0] == [ev.PeerConfirmed()]
    await deliver(r, (await s.confirm())[1])
    sealed = await s.seal_secret(text)
    events, frames = await deliver(r, sealed)
    if not receiver_confirms_first:
        # R's session opens nothing before R confirmed; then it opens at once.
        assert (events, frames) == ([ev.SecretArrived()], [])
        assert r.state is State.SEALED
        events, _ = await r.confirm()
    assert events == [ev.SecretOpened(text, wire.encode(wire.Receipt()))]
    assert r.state is State.TRANSFERRED
    assert (await deliver(s, [events[0].receipt]))[0] == [ev.SecretDelivered()]
    assert s.state is State.DELIVERED


async def test_receiver_opens_exactly_one_ciphertext() -> None:
    r, s = pair()
    await handshake(r, s)
    await r.confirm()
    await s.confirm()
    sealed = await s.seal_secret("one")
    assert [type(e) for e in (await deliver(r, sealed))[0]] == [ev.SecretOpened]
    events, _ = await deliver(r, sealed)
    assert isinstance(events[0], ev.ProtocolFailed)
    assert r.state is State.ERROR


async def test_send_is_refused_until_the_sender_confirmed() -> None:
    r, s = pair()
    await handshake(r, s)
    with pytest.raises(LocalProtocolError):
        await s.seal_secret("too early")
    await r.confirm()
    with pytest.raises(LocalProtocolError):
        await s.seal_secret("still too early: only R confirmed")


async def test_different_dtls_fingerprints_give_different_sas() -> None:
    # A relay that terminates DTLS shows each side a different certificate.
    r, s = pair(binding_s=Binding(ROOM, b"sha-256 EE:EE", FP_S))
    r_events, s_events = await handshake(r, s)
    assert r_events[0] != s_events[0]


async def test_sealed_secret_from_another_transcript_does_not_open() -> None:
    r, s = pair(binding_s=Binding(ROOM, FP_R, b"sha-256 EE:EE"))
    await handshake(r, s)
    await r.confirm()
    await s.confirm()
    events, replies = await deliver(r, await s.seal_secret("for someone else"))
    assert isinstance(events[0], ev.ProtocolFailed)
    assert isinstance(events[0].error, DecryptError)
    assert wire.decode(replies[0]) == wire.Bye("decrypt")
    assert r.state is State.ERROR


async def test_reveal_that_breaks_the_commitment_aborts() -> None:
    r, s = pair()
    await deliver(s, [await r.start()])
    forged = wire.encode(wire.Reveal(bytes(32), bytes(32)))
    events, replies = await deliver(s, [forged])
    assert isinstance(events[0], ev.ProtocolFailed)
    assert isinstance(events[0].error, CommitMismatchError)
    assert s.state is State.ERROR
    assert wire.decode(replies[0]) == wire.Bye("commit-mismatch")


@pytest.mark.parametrize("sent", [False, True], ids=["before-send", "after-send"])
async def test_mismatch_ends_both_sides(sent: bool) -> None:
    r, s = pair()
    await handshake(r, s)
    if sent:
        # The sender may still stop a secret that the receiver has not opened.
        await s.confirm()
        await deliver(r, await s.seal_secret("sent too soon"))
        assert r.state is State.SEALED
    events, _ = await deliver(r, [s.reject()])
    assert events == [ev.PeerRejected()]
    assert r.state is s.state is State.MISMATCH
    assert r.sealed_unopened is sent
    with pytest.raises(LocalProtocolError):
        await r.confirm()
    with pytest.raises(LocalProtocolError):
        await s.seal_secret("never")


async def test_a_receiver_who_opened_the_secret_cannot_reject_it() -> None:
    r, _s = await opened("opened")
    assert not r.allows(Trigger.REJECT)
    with pytest.raises(LocalProtocolError):
        r.reject()


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"\x01",
        b"\x02\x01" + bytes(32),  # other version
        b"\x01\x63",  # unknown type
        b"\x01\x01" + bytes(31),  # short commit
        b"\x01\x04\x07",  # bad verdict
        b"\x01\x02" + bytes(32),  # a nonce sent to the sender
        b"\x01\x05" + bytes(60),  # a secret before anything
        b"\x01\x01" + bytes(5000),  # oversized control message
    ],
)
async def test_nonsense_from_the_peer_is_an_error_event_not_an_exception(frame: bytes) -> None:
    s = Sender(CPythonCrypto(), Binding(ROOM, FP_R, FP_S))
    events, _ = await s.receive_data(frame)
    assert isinstance(events[0], ev.ProtocolFailed)
    assert isinstance(events[0].error, RemoteProtocolError)
    assert s.state is State.ERROR
    assert await s.receive_data(b"\x01\x07bye") == ([], [])  # nothing after an error


async def test_peer_goodbye() -> None:
    r, s = pair()
    await handshake(r, s)
    assert (await deliver(s, [r.close("done")]))[0] == [ev.PeerClosed("done")]
    assert s.state is State.CLOSED


def test_padding_hides_length_within_a_bucket() -> None:
    assert len(pad(b"a")) == len(pad(b"a" * 200)) == PAD_BUCKETS[0]
    assert len(pad(b"a" * 300)) == PAD_BUCKETS[1]
    assert len(pad(b"a" * MAX_SECRET_BYTES)) == PAD_BUCKETS[-1]
    for n in (0, 1, 255, 256, 1023, 1024, MAX_SECRET_BYTES):
        assert unpad(pad(b"\x00\x80" * (n // 2) + b"z" * (n % 2))) == (
            b"\x00\x80" * (n // 2) + b"z" * (n % 2)
        )
    with pytest.raises(SecretTooLargeError):
        pad(b"a" * (MAX_SECRET_BYTES + 1))
    with pytest.raises(RemoteProtocolError):
        unpad(bytes(256))


async def test_transfer_stays_recorded_after_the_peer_says_goodbye() -> None:
    # The receiver's page keeps the secret on screen when the sender leaves afterwards.
    r, s = await opened("kept until Done")
    await deliver(r, [s.close("left")])
    assert r.state is State.CLOSED
    assert r.transferred
    assert s.transferred


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("", EmptySecretError),
        (" \n\u200b", BlankSecretError),
        ("half \ud83d", BrokenSecretError),
        ("x" * (MAX_SECRET_BYTES + 1), SecretTooLargeError),
    ],
    ids=["empty", "blank", "lone-surrogate", "too-large"],
)
async def test_the_session_refuses_what_check_secret_refuses(
    text: str, refusal: type[Exception]
) -> None:
    r, s = pair()
    await handshake(r, s)
    await s.confirm()
    with pytest.raises(refusal):
        await s.seal_secret(text)
    assert s.state is State.CONFIRMED


async def test_a_second_match_from_the_peer_is_a_protocol_error() -> None:
    r, s = pair()
    await handshake(r, s)
    _, frames = await r.confirm()
    assert (await deliver(s, frames))[0] == [ev.PeerConfirmed()]
    events, _ = await deliver(s, frames)
    assert isinstance(events[0], ev.ProtocolFailed)
    assert s.state is State.ERROR
