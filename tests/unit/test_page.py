"""The page's state machine under CPython: two pages against each other, every ending."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from secket.core import wire
from secket.core.errors import SignalingTamperedError, UnreachableError
from secket.core.negotiation import Negotiation
from secket.core.roles import Role
from secket.page import effects as fx
from secket.page import inputs as put
from secket.page.effects import PageState

from .page_harness import SDP_R, SDP_S, Person, confirm, flush, linked, negotiated, send, verifying

SECRET = "correct horse battery staple"


# A whole hand-over ---------------------------------------------------------------------------
@pytest.mark.parametrize("creator_role", [Role.RECEIVER, Role.SENDER])
@pytest.mark.parametrize("receiver_confirms_first", [True, False])
async def test_a_secret_is_handed_over(creator_role: Role, receiver_confirms_first: bool) -> None:
    r, s = await verifying(creator_role)
    assert r.last(fx.ShowSas).sas == s.last(fx.ShowSas).sas
    assert r.last(fx.DrawSas).sas == r.last(fx.ShowSas).sas  # R's video carries the code
    assert not s.all(fx.DrawSas)
    if receiver_confirms_first:
        await confirm(r, s)
        assert "note.peer-confirmed" in s.notes()
    await confirm(s, r)
    assert s.state is PageState.VERIFIED
    assert s.all(fx.UnlockSend)
    assert not r.all(fx.UnlockSend)
    await send(s, r, SECRET)
    if not receiver_confirms_first:
        # It waits sealed until the receiver compared the code too.
        assert r.secret_on_screen() is None
        assert r.notes()[-1] == "note.secret-arrived"
        assert s.state is PageState.SENT
        await confirm(r, s)
    assert r.secret_on_screen() == SECRET
    assert r.state is PageState.RECEIVED
    assert s.ending() == (PageState.SENT, "end.delivered.title", "end.delivered.lead")
    # The sender's page left after the receipt; the secret stays until Done.
    assert r.notes()[-1] == "note.sender-left"
    await r.do(put.Done())
    assert r.ending() == (PageState.DONE, "end.done.title", "end.done.lead")
    assert r.secret_on_screen() is None


async def opened_before_the_sender_left() -> tuple[Person, Person]:
    """R opened the secret; its receipt has not reached S yet."""
    r, s = await verifying()
    await confirm(r, s)
    await confirm(s, r)
    await s.do(put.Send(SECRET))
    frames, s.outbox = s.outbox, []
    await r.do(*(put.FrameArrived(frame) for frame in frames))
    assert r.state is PageState.RECEIVED
    return r, s


async def test_done_says_goodbye_to_a_sender_still_there() -> None:
    r, _s = await opened_before_the_sender_left()
    await r.do(put.Done())
    assert [wire.decode(f) for f in r.outbox] == [wire.Receipt(), wire.Bye("done")]
    assert r.last(fx.LetGo)


async def test_send_stays_locked_until_the_sender_confirms() -> None:
    r, s = await verifying()
    await s.do(put.Send("too early"))
    assert not s.outbox
    assert not s.all(fx.UnlockSend)
    await confirm(r, s)  # the receiver's "yes" does not unlock the sender's Send
    await s.do(put.Send("still too early"))
    assert not s.outbox
    assert s.state is PageState.VERIFYING


async def test_the_opener_reads_the_link_and_joins_only_on_a_press() -> None:
    creator, opener = Person("creator"), Person("opener")
    await creator.do(put.Loaded(""), put.Create(Role.SENDER))
    link = creator.last(fx.OpenConnection).link
    assert creator.last(fx.ShowShare).creator is Role.SENDER
    await opener.do(put.Loaded(link.fragment))
    assert opener.state is PageState.READY
    assert opener.last(fx.ShowJoin).opener is Role.RECEIVER
    assert not opener.all(fx.OpenConnection)  # a link scanner takes no slot
    await opener.do(put.Join(), put.Join())
    (joining,) = opener.all(fx.OpenConnection)
    assert joining == fx.OpenConnection(link, Role.RECEIVER, create=False)


async def test_only_the_receiver_starts_its_video_and_offers() -> None:
    creator, opener = await linked(Role.SENDER)
    await creator.do(put.Paired(({"urls": "turn:x"},), True))
    await opener.do(put.Paired((), False))
    assert creator.last(fx.PairConnection) == fx.PairConnection(({"urls": "turn:x"},), True)
    assert not creator.all(fx.StartVideo)
    assert not creator.all(fx.MakeOffer)
    assert opener.all(fx.StartVideo)
    assert opener.all(fx.MakeOffer)
    await creator.do(put.TrackArrived("stream"))
    await opener.do(put.TrackArrived("stream"))
    assert creator.all(fx.ShowRemoteVideo)
    assert not opener.all(fx.ShowRemoteVideo)


# Every ending --------------------------------------------------------------------------------
async def _mismatch_by_receiver() -> tuple[Person, Person]:
    r, s = await verifying()
    await r.do(put.Mismatch())
    await flush(r, s)
    return r, s


async def _mismatch_after_sending() -> tuple[Person, Person]:
    r, s = await verifying()
    await confirm(s, r)
    await send(s, r, SECRET)
    await s.do(put.Mismatch())
    await flush(s, r)
    return r, s


async def _sender_leaves_mid_comparison() -> tuple[Person, Person]:
    r, s = await verifying()
    await r.do(put.PeerLeft())
    await s.do(put.ChannelClosed())
    return r, s


async def _receiver_leaves_after_the_send() -> tuple[Person, Person]:
    r, s = await verifying()
    await confirm(s, r)
    await send(s, r, SECRET)
    await s.do(put.ChannelClosed())  # the receiver's tab closed before she compared
    return r, s


async def _receiver_page_breaks_the_protocol() -> tuple[Person, Person]:
    r, s = await verifying()
    await s.do(put.FrameArrived(b"\x01\x63"))  # unknown type: s answers Bye("remote-protocol")
    await flush(s, r)
    return r, s


async def _the_server_refuses_a_third_person() -> tuple[Person, Person]:
    creator, _opener = await linked()
    third = Person("third")
    await third.do(put.Loaded(creator.last(fx.OpenConnection).link.fragment), put.Join())
    await third.do(put.ServerRefused("room-full", None))
    return creator, third


Play = Callable[[], Awaitable[tuple[Person, Person]]]
Ending = tuple[str, str, str]
ENDINGS: dict[str, tuple[Play, Ending, Ending]] = {
    # scenario: (the two people, what each one's page ends with: state, title, lead)
    "mismatch by the receiver": (
        _mismatch_by_receiver,
        ("mismatch", "end.mismatch.title", "end.mismatch.lead"),
        ("mismatch", "end.peer-mismatch.title", "end.mismatch.lead"),
    ),
    "mismatch after sending": (
        _mismatch_after_sending,
        ("mismatch", "end.peer-mismatch.title", "end.mismatch.lead.unopened"),
        ("mismatch", "end.mismatch.title", "end.mismatch.lead.sent"),
    ),
    "sender leaves mid-comparison": (
        _sender_leaves_mid_comparison,
        ("peer-left", "end.peer-left.title", "end.peer-left.lead"),
        ("peer-left", "end.peer-left.title", "end.peer-left.lead"),
    ),
    "receiver leaves after the send": (
        _receiver_leaves_after_the_send,
        ("verifying", "", ""),
        ("sent", "end.sent.title", "end.sent.lead"),
    ),
    "a page breaks the protocol": (
        _receiver_page_breaks_the_protocol,
        ("error", "end.stopped.title", "error.peer-failed"),
        ("error", "end.stopped.title", "error.remote-protocol"),
    ),
    "a third person": (
        _the_server_refuses_a_third_person,
        ("waiting", "", ""),
        ("full", "end.full.title", "end.full.lead"),
    ),
}


@pytest.mark.parametrize("scenario", ENDINGS)
async def test_every_ending(scenario: str) -> None:
    play, *expected = ENDINGS[scenario]
    people = await play()
    for person, (state, title, lead) in zip(people, expected, strict=True):
        assert person.state.value == state, person
        if title:
            assert person.ending() == (PageState(state), title, lead)
            assert person.last(fx.ShowStatus).state is not PageState.RECEIVED
            assert person.all(fx.LetGo) or person.name == "third"
            assert person.secret_on_screen() is None


async def test_a_broken_peer_is_named_by_its_code() -> None:
    r, s = await _receiver_page_breaks_the_protocol()
    assert s.error_code() == "remote-protocol"
    assert r.error_code() == "peer-failed"
    assert r.error_text().params == {"cause": "remote-protocol"}


@pytest.mark.parametrize(
    ("code", "shown", "title"),
    [
        ("no-room", "no-room", "end.no-room.title"),
        ("room-expired", "room-expired", "end.room-expired.title"),
        ("shutting-down", "shutting-down", "end.stopped.title"),
        ("rate-limited", "rate-limited", "end.stopped.title"),
        ("something-new", "server-refused", "end.stopped.title"),
    ],
)
async def test_a_server_refusal_before_the_channel_opened_ends_the_page(
    code: str, shown: str, title: str
) -> None:
    _creator, opener = await linked()
    await opener.do(put.ServerRefused(code, "Too many joins from your address."))
    assert opener.state is PageState.ERROR
    assert opener.error_code() == shown
    assert opener.last(fx.ShowEnding).title.key == title
    assert opener.all(fx.LetGo)
    # After an ending only the person's own actions count.
    assert await opener.do(put.PeerLeft(), put.FrameArrived(b"\x01\x06")) == []


async def test_the_servers_own_sentence_is_a_detail() -> None:
    creator, _opener = await linked()
    await creator.do(put.ServerRefused("rate-limited", "Too many joins from your address."))
    detail = creator.last(fx.ShowDetail).text
    assert detail.params == {"cause": "Too many joins from your address."}
    await Person("other").do(put.Loaded(""))  # a fresh page
    fresh, _ = await linked()
    await fresh.do(
        put.ServerRefused("rate-limited", "Too many messages. Wait a moment and try again.")
    )
    assert not fresh.all(fx.ShowDetail)


async def test_the_server_going_away_matters_only_before_the_channel_opened() -> None:
    creator, _opener = await linked()
    await creator.do(put.ServerClosed(1006))
    assert creator.error_code() == "unreachable"
    assert creator.error_text().key == "error.unreachable.lost"
    assert creator.last(fx.ShowDetail).text.params == {"code": 1006}
    r, s = await verifying()
    for person in (r, s):
        await person.do(put.ServerRefused("room-expired", None), put.ServerClosed(1000))
        assert person.state is PageState.VERIFYING


# Late errors: nothing takes a received secret off the screen but Done ------------------------
LATE: dict[str, list[put.Input]] = {
    "the sender leaves": [put.PeerLeft(), put.ChannelClosed()],
    "the connection fails": [put.ConnectionChanged("failed")],
    "a late error": [put.Failed(UnreachableError())],
    "a tampered signal": [put.Failed(SignalingTamperedError())],
}


@pytest.mark.parametrize("what", LATE)
async def test_a_received_secret_stays_until_done(what: str) -> None:
    r, _s = await opened_before_the_sender_left()
    await r.do(*LATE[what])
    assert r.state is PageState.RECEIVED
    assert r.secret_on_screen() == SECRET
    assert r.all(fx.LetGo)  # the connection is let go; the secret stays
    assert not r.all(fx.ShowEnding)
    await r.do(put.Done())
    assert r.ending()[0] is PageState.DONE
    assert r.secret_on_screen() is None


async def test_a_late_mismatch_from_the_sender_leaves_an_opened_secret_on_screen() -> None:
    r, _s = await opened_before_the_sender_left()
    await r.do(put.FrameArrived(wire.encode(wire.Verdict(False))))
    assert r.state is PageState.RECEIVED
    assert r.notes()[-1] == "note.late-mismatch"


async def test_a_sealed_secret_dies_with_a_sender_who_leaves() -> None:
    r, s = await verifying()
    await confirm(s, r)
    await send(s, r, SECRET)
    await r.do(put.PeerLeft())
    assert r.ending() == (PageState.PEER_LEFT, "end.peer-left.title", "end.peer-left.lead")
    assert not r.all(fx.ShowSecret)


# The connection ------------------------------------------------------------------------------
@pytest.mark.parametrize("relay_refused", [False, True])
async def test_no_candidate_at_all_means_no_path(relay_refused: bool) -> None:
    creator, _opener = await linked()
    await creator.do(put.Paired((), True))
    if relay_refused:
        await creator.do(put.IceFailed(401, "Unauthorized", "turn:relay.example:3478"))
        assert creator.last(fx.ShowDetail).text.key == "detail.relay-refused"
    await creator.do(put.IceFailed(701, "unreachable", "stun:x"), put.CandidateFound(None))
    assert creator.error_code() == ("relay-refused" if relay_refused else "no-path")


async def test_a_failed_connection_is_no_path_before_the_channel_and_a_departure_after() -> None:
    creator, _opener = await linked()
    await creator.do(put.CandidateFound({"candidate": "x"}), put.CandidateFound(None))
    assert creator.state is PageState.WAITING
    await creator.do(put.ConnectionChanged("failed"))
    assert creator.error_code() == "no-path"
    r, _s = await verifying()
    await r.do(put.ConnectionChanged("connected"))
    assert r.all(fx.ReportPath)
    await r.do(put.ConnectionChanged("failed"))
    assert r.state is PageState.PEER_LEFT


async def test_a_second_channel_ends_the_session() -> None:
    r, s = await verifying()
    await s.do(put.ChannelOpened(negotiated(s, SDP_S, SDP_R)))
    assert s.error_code() == "extra-channel"
    await r.do(put.ExtraChannel())
    assert r.error_code() == "extra-channel"


async def test_signals_and_candidates_go_to_the_connection() -> None:
    creator, _opener = await linked()
    await creator.do(put.SignalArrived("token"), put.CandidateFound({"candidate": "c"}))
    assert creator.last(fx.OpenSignal) == fx.OpenSignal("token")
    assert creator.last(fx.SendCandidate) == fx.SendCandidate({"candidate": "c"})
    await creator.do(put.Intruder())
    assert creator.last(fx.ShowWarning).text.key == "warning.intruder"


async def test_the_camera_answer_is_shown_to_the_receiver() -> None:
    creator, opener = await linked()
    await creator.do(put.CameraAnswered(False))
    await opener.do(put.CameraAnswered(True))
    assert creator.last(fx.ShowCamera) == fx.ShowCamera(False)
    assert not opener.all(fx.ShowCamera)


# The page's start, and Start over ------------------------------------------------------------
@pytest.mark.parametrize("fragment", ["#1sAAAA", "#9sAAAAAAAAAAAAAAAAAAAAAA", "#1s" + "!" * 22])
async def test_a_malformed_link_is_an_error(fragment: str) -> None:
    page = Person("opener")
    await page.do(put.Loaded(fragment))
    assert page.effects[:2] == [fx.UseLanguage("en"), fx.PageReady()]
    assert page.error_code() == "bad-link"
    assert page.error_text().key.startswith("error.bad-link.")
    assert not page.all(fx.ShowJoin)


async def test_an_unsupported_browser_is_told_so() -> None:
    from secket.core.errors import UnsupportedBrowserError

    page = Person("old browser")
    await page.do(put.Loaded("#1s" + "A" * 22, UnsupportedBrowserError(reason="no-webrtc")))
    assert page.error_code() == "unsupported"
    assert page.error_text().key == "error.unsupported.no-webrtc"


# The page's language ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("preferences", "language"),
    [((), "en"), (("de-DE", "en-US"), "de"), (("zh-TW", "pt-BR"), "pt"), (("ar",), "ar")],
)
async def test_the_page_speaks_the_first_language_it_can_before_anything_is_shown(
    preferences: tuple[str, ...], language: str
) -> None:
    page = Person("visitor")
    await page.do(put.Loaded("", None, preferences))
    assert page.effects[0] == fx.UseLanguage(language)
    assert page.page.language == language


async def test_picking_a_language_changes_only_the_words() -> None:
    r, s = await verifying()
    before = len(r.effects)
    await r.do(put.PickLanguage("fr"))
    assert r.effects[before:] == [fx.UseLanguage("fr")]
    assert r.state is PageState.VERIFYING
    # The code stays the one both compare; the session goes on in the new language.
    await confirm(r, s)
    await confirm(s, r)
    await send(s, r, SECRET)
    assert r.secret_on_screen() == SECRET
    await r.do(put.PickLanguage("not-a-language"))
    assert r.effects[-1] == fx.UseLanguage("en")


async def test_start_over_leaves_nothing_of_the_last_room() -> None:
    r, _s = await _mismatch_by_receiver()
    await r.do(put.StartOver())
    assert r.state is PageState.READY
    assert [type(e) for e in r.effects[-3:]] == [fx.ResetPage, fx.ShowStatus, fx.ShowHome]
    assert r.page.room is None
    await r.do(put.Create(Role.SENDER))
    assert r.state is PageState.WAITING


async def test_an_unknown_input_is_an_error() -> None:
    creator, _opener = await linked()
    with pytest.raises(AssertionError, match="Expected code to be unreachable"):
        await creator.page.handle(object())  # type: ignore[arg-type]


async def test_a_channel_that_opens_before_it_was_negotiated_stops_the_page() -> None:
    creator, _opener = await linked()
    await creator.do(put.ChannelOpened(Negotiation(Role.RECEIVER, bytes(16))))
    assert creator.error_code() == "remote-protocol"  # opened before it was negotiated
    assert creator.last(fx.ShowDetail).text.key == "detail.cause"
