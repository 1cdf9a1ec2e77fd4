"""The page on a phone's screen (320 and 390 CSS pixels wide), in Chromium.

What a person on a phone would check: the whole link can be read and selected, also after a
failed copy; nothing scrolls sideways; the header stays on one line; the code card draws its
emoji in colour, with the fonts the video overlay draws them with.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .conftest import People
from .flows import connect, create_room, join, open_link, said, sas_of

VIDEO_PY = Path(__file__).parents[2] / "app" / "py" / "secket" / "browser" / "video.py"
NOTO_COLOR_EMOJI = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
NO_CLIPBOARD = (
    "navigator.clipboard.writeText = () =>"
    " Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));"
)


def phone(width: int) -> dict[str, Any]:
    return {"viewport": {"width": width, "height": 800}, "is_mobile": True, "has_touch": True}


#: How the link field shows its value: its size, and whether any of it is scrolled away.
LINK_BOX = """(el) => ({width: el.getBoundingClientRect().width,
  hidden: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight})"""

#: How many lines the header's text takes (text boxes whose middles share no line).
HEADER_LINES = """(bar) => {
  const range = document.createRange();
  range.selectNodeContents(bar);
  const lines = [];
  for (const r of range.getClientRects()) {
    if (r.width === 0 || r.height === 0) continue;
    const middle = r.top + r.height / 2;
    if (!lines.some(([top, bottom]) => middle >= top && middle <= bottom)) {
      lines.push([r.top, r.bottom]);
    }
  }
  return lines.length;
}"""


def no_sideways_scrolling(page: Page) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"the page is {width[0]} px wide on a {width[1]} px screen"


@pytest.mark.parametrize("width", [320, 390])
def test_the_link_is_whole_and_selectable_on_a_phone(people: People, width: int) -> None:
    page = people.open("receiver", path=None, **phone(width))
    page.context.add_init_script(NO_CLIPBOARD)
    page.goto(people.base_url)
    link = create_room(page, "create-receive")
    assert page.locator("header").evaluate(HEADER_LINES) == 1
    no_sideways_scrolling(page)

    field = page.get_by_test_id("room-link")
    before = field.evaluate(LINK_BOX)
    assert not before["hidden"], "part of the link is scrolled out of sight"
    assert before["width"] > 0.7 * width
    # Selecting it takes the whole link (the person copies it by hand).
    field.click()
    selected = field.evaluate("(el) => el.value.slice(el.selectionStart, el.selectionEnd)")
    assert selected == link

    # A failed copy says so on its button; the link keeps its size.
    page.get_by_test_id("copy-link").click()
    expect(page.get_by_test_id("copy-link")).to_contain_text("Copy failed")
    assert field.evaluate(LINK_BOX) == before
    no_sideways_scrolling(page)

    # The Share button only where the browser has the Web Share API (Chromium on Linux
    # has not; the next test gives it one).
    if page.evaluate("() => 'share' in navigator"):
        expect(page.get_by_test_id("share-link")).to_be_visible()
    else:
        expect(page.get_by_test_id("share-link")).to_be_hidden()


#: The Web Share API as a phone's browser has it: the calls are recorded; ``canShare`` says
#: yes for a link to this page's own origin. ``SHARE_RESULT`` is what ``share`` answers.
WEB_SHARE = """
window.shared = [];
Object.defineProperty(Navigator.prototype, "share", { configurable: true, value(data) {
  window.shared.push({ title: data.title, text: data.text, url: data.url });
  return SHARE_RESULT;
} });
Object.defineProperty(Navigator.prototype, "canShare", { configurable: true, value(data) {
  return CAN_SHARE && typeof data?.url === "string" && data.url.startsWith(location.origin);
} });
"""
SHARED = "Promise.resolve()"
CANCELLED = "Promise.reject(new DOMException('Share canceled', 'AbortError'))"


@pytest.mark.parametrize(
    ("result", "creator"),
    [(SHARED, "create-receive"), (CANCELLED, "create-send")],
    ids=["shared", "cancelled"],
)
def test_the_share_button_hands_the_link_to_the_phone(
    people: People, result: str, creator: str
) -> None:
    page = people.open("creator", path=None, **phone(390))
    page.context.add_init_script(
        WEB_SHARE.replace("SHARE_RESULT", result).replace("CAN_SHARE", "true")
    )
    page.goto(people.base_url)
    link = create_room(page, creator)
    share = page.get_by_test_id("share-link")
    expect(share).to_be_visible()
    expect(share).to_have_text("Share")
    share.click()
    role = "receiver" if creator == "create-receive" else "sender"
    assert page.evaluate("() => window.shared") == [
        {"title": "Secket", "text": said("en", f"share.text.{role}"), "url": link}
    ]
    # Shared or cancelled, nothing else changes: the link is still there to copy.
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "waiting")
    expect(page.get_by_test_id("error")).to_be_hidden()
    expect(share).to_be_visible()
    assert page.get_by_test_id("room-link").input_value() == link
    # At an ending the link leaves the page, and its Share button with it.
    other = people.open("the other person", path=None, **phone(390))
    open_link(other, link)
    join(other)
    sas_of(page)
    other.context.close()
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "peer-left")
    expect(share).to_be_hidden()


def test_no_share_button_where_the_browser_would_not_share_the_link(people: People) -> None:
    page = people.open("creator", path=None, **phone(390))
    page.context.add_init_script(
        WEB_SHARE.replace("SHARE_RESULT", SHARED).replace("CAN_SHARE", "false")
    )
    page.goto(people.base_url)
    create_room(page, "create-receive")
    expect(page.get_by_test_id("share-link")).to_be_hidden()


def overlay_emoji_fonts() -> list[str]:
    """The font families video.py draws the overlay's emoji with."""
    fonts = re.findall(r'ctx\.font = "\d+px ([^"]*Emoji[^"]*)"', VIDEO_PY.read_text())
    assert len(fonts) == 1, fonts
    return [family.strip().strip("'\"") for family in fonts[0].split(",")]


@pytest.mark.skipif(
    not NOTO_COLOR_EMOJI.exists(),
    reason="Noto Color Emoji is missing: install fonts-noto-color-emoji (scripts/system-deps.sh)",
)
def test_the_code_card_draws_colour_emoji_with_the_overlays_fonts(people: People) -> None:
    receiver = people.open("receiver", **phone(320))
    sender = people.open("sender", path=None, **phone(390))
    connect(receiver, sender, "create-receive")
    for page in (receiver, sender):
        sas_of(page)
        no_sideways_scrolling(page)
        assert page.locator("header").evaluate(HEADER_LINES) == 1
        glyph = page.locator("#sas-emoji .glyph").first
        families = glyph.evaluate("(el) => getComputedStyle(el).fontFamily")
        assert [f.strip().strip("'\"") for f in families.split(",")] == overlay_emoji_fonts()
        # The font the browser really drew the glyph with (the DevTools protocol knows).
        cdp = page.context.new_cdp_session(page)
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#sas-emoji .glyph"})
        cdp.send("CSS.enable")
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        assert [font["familyName"] for font in used] == ["Noto Color Emoji"]
