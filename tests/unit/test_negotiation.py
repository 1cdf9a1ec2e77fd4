"""What each side does with the opened signaling payloads (core/negotiation.py)."""

from __future__ import annotations

import pytest

from secket.core.errors import LocalProtocolError, RemoteProtocolError
from secket.core.negotiation import Negotiation, RemoteCandidate, RemoteDescription
from secket.core.roles import Role
from secket.core.wire import encode_signal

from .test_sdp import SHA256, SHA384, SHA512, sdp

ROOM = bytes(range(16))
OFFER = sdp(f"sha-256 {SHA256}")
OTHER = ":".join(["AB"] * 32)
ANSWER = sdp(f"sha-256 {OTHER}", f"sha-384 {SHA384}", f"sha-512 {SHA512}")
CANDIDATE = {"candidate": "candidate:1 1 udp 1 127.0.0.1 9 typ host", "sdpMid": "0"}


def offer(text: str = OFFER) -> bytes:
    return encode_signal("offer", {"sdp": text})


def answer(text: str = ANSWER) -> bytes:
    return encode_signal("answer", {"sdp": text})


def candidate(value: object = CANDIDATE) -> bytes:
    return encode_signal("candidate", {"candidate": value})


def negotiated() -> tuple[Negotiation, Negotiation]:
    r, s = Negotiation(Role.RECEIVER, ROOM), Negotiation(Role.SENDER, ROOM)
    r.sealed(OFFER)
    assert s.receive(offer()) == RemoteDescription("offer", OFFER)
    s.sealed(ANSWER)
    assert r.receive(answer()) == RemoteDescription("answer", sdp(f"sha-256 {OTHER}"))
    return r, s


def test_both_sides_bind_the_same_fingerprints() -> None:
    r, s = negotiated()
    binding = r.start_session()
    assert binding == s.start_session()
    assert binding.room == ROOM
    assert binding.fingerprint_r == f"sha-256 {SHA256}".encode()
    assert binding.fingerprint_s == f"sha-256 {OTHER}".encode()


def test_the_transcript_reads_the_text_as_received_not_as_rewritten() -> None:
    r, _ = negotiated()
    assert r.remote_sdp == ANSWER  # all three lines kept for the record
    assert r.local_sdp == OFFER


def test_only_the_first_offer_and_answer_count() -> None:
    r, s = negotiated()
    assert s.receive(offer(sdp(f"sha-256 {OTHER}"))) is None
    assert r.receive(answer(OFFER)) is None
    assert s.remote_sdp == OFFER
    assert r.remote_sdp == ANSWER


def test_offers_and_answers_going_the_wrong_way_are_ignored() -> None:
    r, s = Negotiation(Role.RECEIVER, ROOM), Negotiation(Role.SENDER, ROOM)
    assert r.receive(offer()) is None
    assert s.receive(answer()) is None
    assert r.receive(answer()) is None  # R has made no offer yet


def test_after_the_session_started_everything_is_ignored() -> None:
    r, s = negotiated()
    r.start_session()
    s.start_session()
    for side in (r, s):
        for payload in (offer(), answer(), candidate(), candidate(None), b"not even json"):
            assert side.receive(payload) is None


def test_candidates_in_order_then_end_then_late_ones_ignored() -> None:
    _, s = negotiated()
    assert s.receive(candidate()) == RemoteCandidate(CANDIDATE)
    assert s.receive(candidate(None)) == RemoteCandidate(None)
    assert s.receive(candidate()) is None
    assert s.receive(candidate(None)) is None


def test_an_mdns_candidate_is_passed_on() -> None:
    _, s = negotiated()
    local = {"candidate": "candidate:2 1 udp 2 5f1c0c1e-aaaa.local 5000 typ host", "sdpMid": "0"}
    assert s.receive(candidate(local)) == RemoteCandidate(local)


@pytest.mark.parametrize(
    "payload",
    [
        candidate(),  # before the offer
        encode_signal("offer", {}),
        offer(sdp(f"sha-256 {SHA256}", f"sha-256 {OTHER}")),
        offer(sdp(f"sha-512 {SHA512}")),
        b'{"kind":"renegotiate"}',
    ],
    ids=["candidate-first", "no-sdp", "two-sha256", "no-sha256", "unknown-kind"],
)
def test_a_broken_payload_is_a_protocol_error(payload: bytes) -> None:
    s = Negotiation(Role.SENDER, ROOM)
    with pytest.raises(RemoteProtocolError):
        s.receive(payload)
    assert s.remote_sdp == ""


@pytest.mark.parametrize("value", [{"sdpMid": "0"}, "candidate:1", 7, {"candidate": 5}])
def test_a_malformed_candidate_is_a_protocol_error(value: object) -> None:
    _, s = negotiated()
    with pytest.raises(RemoteProtocolError):
        s.receive(candidate(value))


def test_a_session_cannot_start_before_both_descriptions() -> None:
    r = Negotiation(Role.RECEIVER, ROOM)
    r.sealed(OFFER)
    with pytest.raises(RemoteProtocolError):
        r.start_session()
    with pytest.raises(LocalProtocolError):
        r.sealed(OFFER)
