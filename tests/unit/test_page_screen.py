"""The page's decisions about the secret's screens, the clipboard, leaving, and endings."""

from __future__ import annotations

import re

import pytest

from secket.core.display import Marker
from secket.core.roles import Role
from secket.core.secret import MAX_SECRET_BYTES
from secket.i18n import Msg, render
from secket.i18n.en import MESSAGES
from secket.page import effects as fx
from secket.page import inputs as put
from secket.page.effects import PageState

from .page_harness import Person, confirm, flush, linked, send, verifying

RLO = "pass: abc\u202efed"
MIXED = "שלום 123 مرحبا 秘密 👨\u200d👩\u200d👧 👍🏽 🇫🇷 1\ufe0f\u20e3"


async def received(text: str) -> tuple[Person, Person]:
    r, s = await verifying()
    await confirm(r, s)
    await confirm(s, r)
    await send(s, r, text)
    assert r.state is PageState.RECEIVED
    return r, s


# The faithful screen ---------------------------------------------------------------------
async def test_a_secret_that_hides_something_is_drawn_with_markers_and_a_warning() -> None:
    r, _s = await received(RLO)
    shown = r.last(fx.ShowSecret)
    markers = [s for s in shown.rendering.segments if isinstance(s, Marker)]
    assert [m.label for m in markers] == ["⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩"]
    assert shown.rendering.original() == RLO
    assert shown.warning is not None
    assert shown.warning.kinds == "bidi"
    assert shown.warning.text == Msg("warning.marked.receiver")
    assert shown.warning.found == (Msg("kind.bidi"),)


@pytest.mark.parametrize("text", ["correct horse battery staple", MIXED, "two\nlines"])
async def test_a_secret_that_is_what_it_looks_like_has_no_warning(text: str) -> None:
    r, _s = await received(text)
    shown = r.last(fx.ShowSecret)
    assert shown.warning is None
    assert shown.rendering.kinds == frozenset()


async def test_every_kind_found_is_named_in_order() -> None:
    r, _s = await received(" x\u200b\x07\u202e\ue000")
    warning = r.last(fx.ShowSecret).warning
    assert warning is not None
    assert warning.kinds == "bidi invisible control space private-use"
    assert [m.key for m in warning.found] == [f"kind.{k}" for k in warning.kinds.split()]


# The sender's box ------------------------------------------------------------------------
async def verified_sender() -> tuple[Person, Person]:
    r, s = await verifying()
    await s.do(put.Draft("too early"))
    assert not s.all(fx.ShowDraft)  # the box is locked until the sender confirmed
    await confirm(s, r)
    return r, s


async def test_the_box_starts_empty_once_unlocked() -> None:
    _r, s = await verified_sender()
    unlock = s.effects.index(s.last(fx.UnlockSend))
    empty = s.effects[unlock + 1]
    assert empty == fx.ShowDraft(
        Msg("secret.count", {"size": 0, "limit": MAX_SECRET_BYTES}), None, False, None, None
    )


@pytest.mark.parametrize(
    ("text", "code", "position"),
    [
        ("   ", "secret-blank", None),
        ("\n", "secret-blank", None),
        ("\u200b\u200e", "secret-blank", None),
        ("a\ud83d b", "secret-surrogate", 2),
        ("🙂\ud83d", "secret-surrogate", 2),  # Firefox's typed emoji, half-way
    ],
)
async def test_a_box_that_cannot_be_sent_says_why_and_keeps_send_disabled(
    text: str, code: str, position: int | None
) -> None:
    _r, s = await verified_sender()
    await s.do(put.Draft(text))
    draft = s.last(fx.ShowDraft)
    assert not draft.sendable
    assert draft.problem is not None
    assert draft.problem.code == code
    if position is not None:
        assert draft.problem.text == Msg("secret.problem.surrogate", {"position": position})
    assert render(draft.problem.text, MESSAGES)
    assert draft.preview is not None
    assert draft.preview.original() == text
    # Send pressed anyway (a press that raced the change): refused at the box, not sent.
    await s.do(put.Send(text))
    assert not s.outbox
    assert not s.all(fx.LockSend)
    assert s.state is PageState.VERIFIED
    assert s.last(fx.ShowDraft).problem == draft.problem


async def test_a_valid_box_can_be_sent_and_shows_the_receivers_screen() -> None:
    _r, s = await verified_sender()
    await s.do(put.Draft(RLO))
    draft = s.last(fx.ShowDraft)
    assert draft.sendable
    assert draft.problem is None
    assert draft.count == Msg(
        "secret.count", {"size": len(RLO.encode()), "limit": MAX_SECRET_BYTES}
    )
    assert draft.preview is not None
    assert draft.warning is not None
    assert (draft.warning.kinds, draft.warning.text.key) == ("bidi", "warning.marked.sender")
    await s.do(put.Send(RLO))
    lock = s.effects.index(s.last(fx.LockSend))
    assert isinstance(s.effects[lock + 1], fx.SendFrames)  # the box is emptied first
    await s.do(put.Draft("after"))
    assert s.last(fx.ShowDraft) == draft  # the box is locked again


async def test_too_large_is_a_problem_of_the_box_beside_a_plain_count() -> None:
    _r, s = await verified_sender()
    await s.do(put.Draft("x" * (MAX_SECRET_BYTES + 1)))
    draft = s.last(fx.ShowDraft)
    assert draft.count.key == "secret.count"
    assert draft.problem == fx.BoxProblem("secret-too-large", Msg("error.secret-too-large"))
    assert not draft.sendable


# Copy, Done and the clipboard ------------------------------------------------------------
async def test_copy_gives_the_exact_text() -> None:
    r, _s = await received(RLO)
    await r.do(put.Copy())
    assert r.last(fx.CopySecret) == fx.CopySecret(RLO)


async def test_done_without_copy_leaves_the_clipboard_alone() -> None:
    r, _s = await received("hunter2")
    await r.do(put.Done())
    assert r.ending() == (PageState.DONE, "end.done.title", "end.done.lead")
    assert not r.all(fx.ClearClipboard)
    await r.do(put.Copy())
    assert not r.all(fx.CopySecret)  # wiped: nothing left to copy


@pytest.mark.parametrize(
    ("found", "lead"),
    [
        (put.Clipboard.CLEARED, "end.done.lead.clipboard-cleared"),
        (put.Clipboard.ELSEWHERE, "end.done.lead"),
        (put.Clipboard.UNKNOWN, "end.done.lead.clipboard"),
    ],
)
async def test_done_after_copy_clears_the_clipboard_or_says_to(
    found: put.Clipboard, lead: str
) -> None:
    r, _s = await received("hunter2")
    await r.do(put.Copy(), put.Done())
    # Until the clipboard answers, the page does not claim the secret is gone from it.
    assert r.ending() == (PageState.DONE, "end.done.title", "end.done.lead.clipboard")
    assert r.last(fx.ClearClipboard) == fx.ClearClipboard("hunter2")
    assert r.secret_on_screen() is None
    before = len(r.effects)
    await r.do(put.ClipboardChecked(found))
    if found is put.Clipboard.UNKNOWN:
        assert len(r.effects) == before  # the sentence already says to clear it
    assert r.ending() == (PageState.DONE, "end.done.title", lead)
    assert await r.do(put.ClipboardChecked(put.Clipboard.CLEARED)) == []  # one answer counts


async def test_a_late_clipboard_answer_after_start_over_is_ignored() -> None:
    r, _s = await received("hunter2")
    await r.do(put.Copy(), put.Done(), put.StartOver())
    assert await r.do(put.ClipboardChecked(put.Clipboard.CLEARED)) == []
    assert r.state is PageState.READY


# Leaving the page ------------------------------------------------------------------------
def guards(person: Person) -> list[bool]:
    return [e.on for e in person.all(fx.GuardLeaving)]


async def test_leaving_asks_while_a_link_or_a_secret_is_held() -> None:
    home = Person("home")
    await home.do(put.Loaded(""))
    assert guards(home) == []  # nothing to lose
    creator, opener = await linked()
    assert guards(creator) == guards(opener) == [True]  # a link made, a link read
    r, s = await received("hunter2")
    await r.do(put.PeerLeft())  # the sender left: the room is gone, the secret is not
    assert guards(r) == [True]
    assert guards(s) == [True, False]  # "Delivered": nothing left to lose
    await r.do(put.Done())
    assert guards(r) == [True, False]


async def test_an_ending_stops_asking() -> None:
    r, s = await verifying()
    await r.do(put.Mismatch())
    await flush(r, s)
    assert guards(r) == guards(s) == [True, False]
    await r.do(put.StartOver(), put.Create(Role.SENDER))
    assert guards(r) == [True, False, True]


# Endings ---------------------------------------------------------------------------------
async def test_every_let_go_forgets_the_connection_path() -> None:
    r, s = await received("hunter2")
    await r.do(put.PeerLeft())
    for person in (r, s):
        assert len(person.all(fx.ForgetPath)) == len(person.all(fx.LetGo)) > 0
        let_go = person.effects.index(person.last(fx.LetGo))
        assert person.effects[let_go + 1] == fx.ForgetPath()


@pytest.mark.parametrize(
    ("code", "title", "lead"),
    [
        ("no-room", "This link is wrong or no longer valid", "It may have been changed"),
        ("room-expired", "This link has expired", "Links work for 10 minutes."),
    ],
)
async def test_a_link_the_server_does_not_know_says_so_honestly(
    code: str, title: str, lead: str
) -> None:
    _creator, opener = await linked()
    await opener.do(put.ServerRefused(code, None))
    ending = opener.last(fx.ShowEnding)
    assert (ending.state, ending.code) == (PageState.ERROR, code)
    assert render(ending.title, MESSAGES) == title
    assert render(ending.lead, MESSAGES).startswith(lead)
    assert render(ending.lead, MESSAGES).endswith("Ask for a new link.")


async def test_a_creator_whose_link_ran_out_makes_the_new_one() -> None:
    creator, _opener = await linked()
    await creator.do(put.ServerRefused("room-expired", "The room expired."))
    ending = creator.last(fx.ShowEnding)
    assert (ending.title.key, ending.lead.key, ending.code) == (
        "end.room-expired.title",
        "end.room-expired.lead.creator",
        "room-expired",
    )


async def test_an_error_ending_is_one_heading_and_the_errors_sentence() -> None:
    _r, s = await verifying()
    await s.do(put.FrameArrived(b"\x01\x63"))  # a frame of no known type
    (ending,) = s.all(fx.ShowEnding)
    assert ending.code == "remote-protocol"
    assert ending.title == Msg("end.stopped.title")
    assert ending.lead == Msg("error.remote-protocol")


ENDING_LEADS = sorted(key for key in MESSAGES if key.startswith("end.") and ".lead" in key)


@pytest.mark.parametrize("key", ENDING_LEADS)
def test_each_ending_sentence_is_one_sentence_that_does_not_repeat_its_heading(key: str) -> None:
    lead, title = MESSAGES[key], MESSAGES[key.split(".lead")[0] + ".title"]
    assert title.lower() not in lead.lower()
    if not key.startswith(("end.no-room.", "end.room-expired.")):
        # (Those two keep their wording as filed: what may have happened, what to do.)
        assert len(re.findall(r"[.!?](?:\s|$)", lead)) == 1, lead
