"""Both flows across browsers: Chromium with Firefox either way round, and Firefox with itself.

Each case is one session from link to Done, with the checks of the Chromium tests: the same
code on both screens, the receiver's video on the sender's, a third person with the link
refused and both people warned, the exact secret, and nothing kept by either browser.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Error, expect

from secket.core.roles import Role
from tests.daemons import firefox_executable

from .conftest import People
from .flows import (
    UNICODE_SECRET,
    assert_nothing_kept,
    create_room,
    expect_state,
    expect_warned,
    hand_over,
    join,
    open_link,
    refused_as_third,
    sas_of,
    video_is_playing,
)

PAIRS = [("chromium", "firefox"), ("firefox", "chromium"), ("firefox", "firefox")]
CREATE_BUTTON = {Role.RECEIVER: "create-receive", Role.SENDER: "create-send"}


@pytest.mark.parametrize("creator_role", [Role.RECEIVER, Role.SENDER], ids=lambda r: r.name.lower())
@pytest.mark.parametrize(("creator_in", "opener_in"), PAIRS, ids=["->".join(p) for p in PAIRS])
def test_a_whole_session_across_browsers(
    people: People, firefox: Browser, creator_in: str, opener_in: str, creator_role: Role
) -> None:
    browsers = {"chromium": people.browser, "firefox": firefox}
    opener_role = Role.SENDER if creator_role is Role.RECEIVER else Role.RECEIVER
    creator = people.open(
        f"{creator_role.name.lower()} in {creator_in}", browser=browsers[creator_in]
    )
    opener = people.open(
        f"{opener_role.name.lower()} in {opener_in}", path=None, browser=browsers[opener_in]
    )
    link = create_room(creator, CREATE_BUTTON[creator_role])
    open_link(opener, link)
    assert "#" not in opener.url
    join(opener)
    receiver, sender = (creator, opener) if creator_role is Role.RECEIVER else (opener, creator)

    assert sas_of(receiver) == sas_of(sender)
    video_is_playing(sender, "remote-video")
    for page in (receiver, sender):
        expect(page.get_by_test_id("connection-path")).to_have_attribute("data-path", "direct")

    # A third person with the link, in the opener's browser, is refused; both are warned.
    intruder = people.open(f"intruder in {opener_in}", path=None, browser=browsers[opener_in])
    refused_as_third(intruder, link)
    expect_warned(receiver, sender)

    expect(sender.get_by_test_id("send-secret")).to_be_disabled()
    hand_over(sender, receiver, UNICODE_SECRET)
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    for page in (receiver, sender):
        assert_nothing_kept(page, UNICODE_SECRET[:20])


@pytest.mark.skipif(firefox_executable() is None, reason="Playwright's own Firefox: no relay")
def test_the_relay_refuses_a_colour_scheme_firefox_cannot_emulate(firefox: Browser) -> None:
    # firefox_bidi.py answers the command Firefox lacks only for Firefox's own light scheme;
    # a test that asks for dark must not get a light page that passes for dark.
    with pytest.raises(Error, match="cannot emulate"):
        firefox.new_context(color_scheme="dark")
