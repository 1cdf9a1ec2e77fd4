"""What the screen shows of a secret, in real browsers: every code point as what it is.

The sender's preview and the receiver's screen draw ``core/display.py``'s rendering: what
cannot be seen is a labelled marker, nothing reorders the text, a warning names what was
found, and Copy gives the exact original (read back through Chromium's clipboard). The box
refuses what cannot be sent (a lone surrogate, only blanks) with a message and Send
disabled; Done empties the clipboard or says to; leaving the page asks first while there is
something to lose.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from secket.core.display import Kind, Marker, render

from .axe import Audit
from .conftest import People
from .flows import confirm, connect, drawn, expect_shown, expect_state, send_secret

#: One line per kind of character drawn as a marker, each flagged for that kind only.
SAMPLES: dict[str, str] = {
    "bidi": "pass: abc\u202efed",
    "invisible": "zero\u200bwidth",
    "control": "nul\x00 bel\x07 esc\x1b del\x7f",
    "space": "no\u00a0break\ttab",
    "variation": "a\ufe00b",
    "tag": "tag\U000e0041\U000e0042",
    "private-use": "pua\ue000",
    "unassigned": "un\u0378 nonchar\ufdd0",
    "stacked-marks": "e" + "\u0301" * 7,
}
#: A lone surrogate is drawn too, but cannot be sent: the sender's preview shows it.
BROKEN = "a\ud83d b"
#: Mixed scripts and emoji sequences, which are what they look like: nothing is flagged.
MIXED = (
    "שלום 123 مرحبا 秘密 👨\u200d👩\u200d👧 👍🏽 🇫🇷 "
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f 1\ufe0f\u20e3 é"
)
URL_SPOOF = "https://example.com/\u202egpj.exe"
TRICKY = "\n".join([*SAMPLES.values(), URL_SPOOF, MIXED])
CLIPBOARD = ["clipboard-read", "clipboard-write"]

#: For each line of a faithful screen, its pieces in DOM order (a text node, a marker or a
#: right-to-left isolate) with their boxes, and in a text node the box of each visible ASCII
#: character.
PIECES = """(el) => Array.from(el.querySelectorAll(":scope > .line"), (line) => {
  const range = document.createRange();
  const box = () => { const r = range.getBoundingClientRect();
                      return { left: r.left, right: r.right, top: r.top, width: r.width }; };
  return Array.from(line.childNodes, (node) => {
    range.selectNode(node);
    const piece = { what: node.nodeType === Node.TEXT_NODE ? "text" : node.className ||
                    node.localName, text: node.textContent, ...box(), chars: [] };
    if (node.nodeType === Node.TEXT_NODE) {
      for (let i = 0; i < node.data.length; i++) {
        if (node.data.charCodeAt(i) <= 0x20 || node.data.charCodeAt(i) >= 0x7f) continue;
        range.setStart(node, i); range.setEnd(node, i + 1);
        piece.chars.push(box());
      }
    }
    return piece;
  });
})"""


def after(first: dict[str, Any], then: dict[str, Any]) -> bool:
    """``then`` is drawn after ``first`` in reading order: right of it, or on a lower row."""
    return bool(then["top"] > first["top"] + 2 or then["left"] >= first["right"] - 1)


def assert_drawn_in_byte_order(shown: Locator) -> None:
    """Nothing on the screen was reordered: pieces, and the characters of ASCII runs, sit
    left to right (or on the next row) in the order of the bytes."""
    for number, line in enumerate(shown.evaluate(PIECES), 1):
        for first, then in pairwise(line):
            assert after(first, then), (number, first, then)
        for piece in line:
            if piece["what"] == "marker":
                assert piece["width"] > 0, (number, piece)
            for first, then in pairwise(piece["chars"]):
                assert after(first, then), (number, piece["text"], first, then)


def test_the_order_check_sees_an_override_drawn_as_itself(people: People) -> None:
    # The check above, on what a page without the faithful screen would draw: it fails.
    page = people.open("control")
    expect(page.get_by_test_id("create-receive")).to_be_enabled(timeout=60_000)
    raw = page.locator("#raw")
    page.evaluate(
        """(text) => { const el = document.createElement("div"); el.id = "raw";
        el.className = "faithful"; const line = document.createElement("div");
        line.className = "line"; line.textContent = text; el.append(line);
        document.querySelector("main").append(el); }""",
        SAMPLES["bidi"],
    )
    with pytest.raises(AssertionError):
        assert_drawn_in_byte_order(raw)
    page.evaluate("() => document.querySelector('#raw .line').textContent = 'pass: abcfed'")
    assert_drawn_in_byte_order(raw)


def markers(shown: Locator) -> list[tuple[str, str]]:
    found = shown.locator(".marker")
    kinds = [found.nth(i).get_attribute("data-kind") or "" for i in range(found.count())]
    return list(zip(kinds, found.all_text_contents(), strict=True))


def expected_markers(text: str) -> list[tuple[str, str]]:
    return [(s.kind.value, s.label) for s in render(text).segments if isinstance(s, Marker)]


def verified_pair(people: People, **receiver: Any) -> tuple[Page, Page]:
    """A receiver (in the browser and with the context options given) and a sender in
    Chromium, both confirmed."""
    receiver_page = people.open("receiver", **receiver)
    sender = people.open("sender", path=None)
    connect(receiver_page, sender, "create-receive")
    confirm(sender)
    confirm(receiver_page)
    return receiver_page, sender


def type_into_the_box(sender: Page, text: str) -> None:
    """Put ``text`` in the box as a paste or an IME would, lone surrogates included
    (``fill`` cannot carry one), with the ``input`` event the browser sends."""
    sender.get_by_test_id("secret-input").evaluate(
        "(el, text) => { el.value = text; el.dispatchEvent(new Event('input')); }", text
    )


def test_the_sender_previews_each_kind_and_the_receiver_sees_it_faithfully(
    people: People,
) -> None:
    audit = Audit()
    receiver, sender = verified_pair(people, permissions=CLIPBOARD)
    preview, warned = (
        sender.get_by_test_id("secret-preview"),
        sender.get_by_test_id("preview-warning"),
    )

    # The sender sees, before Send, what the receiver will see: each kind, one at a time.
    for kind, sample in [*SAMPLES.items(), ("surrogate", BROKEN)]:
        type_into_the_box(sender, sample)
        expect(warned).to_have_attribute("data-kinds", kind)
        expect(preview).to_have_js_property("textContent", drawn(sample))
        assert markers(preview) == expected_markers(sample)
        assert {k for k, _ in markers(preview)} == {kind}
    audit.screen(sender, "send, a broken character in the preview")
    # Mixed scripts, emoji with joiners and skin tones, flags, keycaps: nothing to flag.
    type_into_the_box(sender, MIXED)
    expect(preview).to_have_js_property("textContent", MIXED)
    expect(warned).to_be_hidden()
    expect(preview.locator(".marker")).to_have_count(0)
    expect(sender.get_by_test_id("send-secret")).to_be_enabled()
    assert_drawn_in_byte_order(preview)

    type_into_the_box(sender, TRICKY)
    expect(warned).to_have_attribute("data-kinds", render(TRICKY).data_kinds)
    assert_drawn_in_byte_order(preview)
    audit.screen(sender, "send, a preview with markers")
    sender.get_by_test_id("send-secret").click()
    expect_state(receiver, "received")

    # The receiver's screen: the same drawing, every kind named in the warning.
    shown, warning = (
        receiver.get_by_test_id("received-secret"),
        receiver.get_by_test_id("secret-warning"),
    )
    expect_shown(receiver, TRICKY)
    every_kind = " ".join(kind.value for kind in Kind if kind.value in SAMPLES)
    expect(warning).to_have_attribute("data-kinds", every_kind)
    expect(warning).to_contain_text("Copy gives the exact original")
    expect(warning.locator("li")).to_have_count(len(SAMPLES))
    assert markers(shown) == expected_markers(TRICKY)
    expect(shown.locator(".marker").first).to_have_text("⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩")
    # "abc", the override's marker, "fed": in that order on the screen, and so is the URL.
    assert_drawn_in_byte_order(shown)
    # Lines are numbered blocks: a soft wrap cannot pass for a line break.
    expect(shown.locator(":scope > .line")).to_have_count(TRICKY.count("\n") + 1)
    audit.screen(receiver, "received, with a warning")

    # Copy gives the exact original, control characters and all.
    receiver.bring_to_front()  # the clipboard serves the page the person looks at
    receiver.get_by_test_id("copy-secret").click()
    expect(receiver.get_by_test_id("copy-secret")).to_have_text("Copied")
    assert receiver.evaluate("() => navigator.clipboard.readText()") == TRICKY

    # Done wipes the screen and the clipboard, and the connection's line goes too.
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    lead = receiver.locator("#end-lead")
    expect(lead).to_have_text(
        "The secret is wiped from this page and from your clipboard, and nothing was stored."
    )
    assert receiver.evaluate("() => navigator.clipboard.readText()") == ""
    expect(shown.locator(".line")).to_have_count(0)
    expect(warning).to_be_hidden()
    for page in (receiver, sender):
        expect(page.get_by_test_id("connection-path")).to_have_text("")
        expect(page.get_by_test_id("connection-path")).not_to_have_attribute("data-path", "direct")
        expect(page.get_by_test_id("error")).to_be_hidden()
    expect(sender.locator("#end-title")).to_have_text("Delivered")
    assert audit.found == [], audit.report()


def test_done_says_to_clear_the_clipboard_when_it_cannot_look(people: People) -> None:
    # Copy is allowed, reading the clipboard back is not (as where a browser asks first).
    receiver, sender = verified_pair(people, permissions=["clipboard-write"])
    send_secret(sender, receiver, "hunter2")
    receiver.bring_to_front()
    receiver.get_by_test_id("copy-secret").click()
    expect(receiver.get_by_test_id("copy-secret")).to_have_text("Copied")
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    expect(receiver.locator("#end-lead")).to_have_text(
        "The secret is wiped from this page, but you copied it: it may still be on your "
        "clipboard, so copy something else over it."
    )
    # And it was left there, as the page says.
    receiver.context.grant_permissions(["clipboard-read"])
    assert receiver.evaluate("() => navigator.clipboard.readText()") == "hunter2"


def test_done_after_copying_something_else_says_nothing_of_the_clipboard(
    people: People,
) -> None:
    receiver, sender = verified_pair(people, permissions=CLIPBOARD)
    send_secret(sender, receiver, "hunter2")
    receiver.bring_to_front()
    receiver.get_by_test_id("copy-secret").click()
    expect(receiver.get_by_test_id("copy-secret")).to_have_text("Copied")
    receiver.evaluate("() => navigator.clipboard.writeText('a shopping list')")
    receiver.get_by_test_id("done").click()
    expect(receiver.locator("#end-lead")).to_have_text(
        "The secret is wiped from this page, and nothing was stored."
    )
    assert receiver.evaluate("() => navigator.clipboard.readText()") == "a shopping list"


@pytest.mark.parametrize("sender_in", ["chromium", "firefox"])
def test_the_box_refuses_what_cannot_be_sent_and_says_why(
    people: People, firefox: Browser, sender_in: str
) -> None:
    receiver = people.open("receiver")
    sender = people.open(
        f"sender in {sender_in}", path=None, browser=firefox if sender_in == "firefox" else None
    )
    connect(receiver, sender, "create-receive")
    confirm(sender)
    send, problem = sender.get_by_test_id("send-secret"), sender.get_by_test_id("secret-problem")
    field = sender.get_by_test_id("secret-input")
    # Half of an emoji, as a paste, an IME or Firefox's typing can leave it: no exception,
    # a message where the person types, and Send waits.
    for broken, position in ((BROKEN, 2), ("🙂\ud83d", 2), ("\udfff", 1)):
        type_into_the_box(sender, broken)
        expect(problem).to_be_visible()
        expect(problem).to_have_attribute("data-code", "secret-surrogate")
        expect(problem).to_contain_text(f"Character {position} of the secret is broken")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(send).to_be_disabled()
    type_into_the_box(sender, "a🙂 b")  # the whole character: fine again
    expect(problem).to_be_hidden()
    expect(send).to_be_enabled()
    expect(sender.locator("#secret-count")).to_have_text("7 of 65,536 bytes")
    # Only spaces or line breaks (or invisible characters): refused with a message.
    for blank in ("   ", "\n", " \u200b\t\n"):
        field.fill(blank)
        expect(problem).to_have_attribute("data-code", "secret-blank")
        expect(problem).to_contain_text("nothing to send")
        expect(send).to_be_disabled()
    field.fill("")
    expect(problem).to_be_hidden()
    expect(send).to_be_disabled()
    # The box still sends once it holds a secret.
    confirm(receiver)
    send_secret(sender, receiver, " padded ")
    expect_shown(receiver, " padded ")
    expect(receiver.get_by_test_id("secret-warning")).to_have_attribute("data-kinds", "space")


def test_a_received_secret_is_drawn_faithfully_in_firefox(people: People, firefox: Browser) -> None:
    receiver, sender = verified_pair(people, browser=firefox)
    secret = "\n".join([SAMPLES["bidi"], URL_SPOOF, MIXED])
    send_secret(sender, receiver, secret)
    expect_shown(receiver, secret)
    shown = receiver.get_by_test_id("received-secret")
    expect(receiver.get_by_test_id("secret-warning")).to_have_attribute("data-kinds", "bidi")
    assert markers(shown) == [("bidi", "⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩")] * 2
    assert_drawn_in_byte_order(shown)


def wait_until_idle(page: Page, within_ms: int = 100, times: int = 3) -> None:
    """Until the page's main thread answers a task quickly ``times`` times in a row.

    Chromium gives a page's ``beforeunload`` 500 ms to answer a close and then closes it
    without asking: a main thread still busy with the step before (on this loaded 2-core
    machine, Python importing what the step needed) would make the test see no dialog for
    a reason that is the browser's, not the page's.
    """
    quick = 0
    for _ in range(200):
        took = page.evaluate(
            "() => { const t = performance.now();"
            " return new Promise(r => setTimeout(() => r(performance.now() - t), 0)); }"
        )
        quick = quick + 1 if took < within_ms else 0
        if quick == times:
            return
    raise AssertionError("the page's main thread stayed busy")


def asks_before_leaving(page: Page) -> None:
    """Closing the page as a person would makes the browser ask first; she stays."""
    wait_until_idle(page)
    with page.expect_event("dialog", timeout=5_000) as asked:
        page.close(run_before_unload=True)
    dialog = asked.value
    assert dialog.type == "beforeunload"
    dialog.dismiss()
    expect(page.get_by_test_id("status")).to_be_visible()  # still there
    assert not page.is_closed()


def leaves_without_asking(page: Page) -> None:
    with page.expect_event("close", timeout=5_000):
        page.close(run_before_unload=True)


@pytest.mark.parametrize("pages_in", ["chromium", "firefox"])
def test_leaving_asks_first_while_a_link_or_a_secret_would_be_lost(
    people: People, firefox: Browser, pages_in: str
) -> None:
    where = firefox if pages_in == "firefox" else None
    receiver = people.open("receiver", browser=where)
    expect(receiver.get_by_test_id("create-receive")).to_be_enabled(timeout=60_000)
    receiver.get_by_test_id("create-receive").click()  # browsers ask only after a click
    expect_state(receiver, "waiting")
    asks_before_leaving(receiver)  # the link on screen would be lost
    link = receiver.get_by_test_id("room-link").input_value()
    sender = people.open("sender", path=None, browser=where)
    sender.goto(link)
    expect(sender.get_by_test_id("join")).to_be_enabled(timeout=60_000)
    sender.get_by_test_id("join").click()
    expect_state(sender, "verifying")
    asks_before_leaving(sender)  # the link left the address bar: a reload loses it
    confirm(sender)
    confirm(receiver)
    send_secret(sender, receiver, "hold on to this")
    expect(sender.locator("#end-title")).to_have_text("Delivered")
    leaves_without_asking(sender)  # nothing left to lose
    asks_before_leaving(receiver)  # the secret on screen
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    leaves_without_asking(receiver)


def test_copy_and_done_in_firefox(people: People, firefox: Browser) -> None:
    # Firefox writes the clipboard on a click; it reads it back for a page only after the
    # person presses its own "Paste" button, except under automation (as here), where
    # Done can check and empty it. Its clipboard leaves out U+0000: Done still knows it.
    receiver, sender = verified_pair(people, browser=firefox)
    secret = SAMPLES["bidi"] + "\n" + SAMPLES["control"]
    send_secret(sender, receiver, secret)
    expect_shown(receiver, secret)
    receiver.get_by_test_id("copy-secret").click()
    expect(receiver.get_by_test_id("copy-secret")).to_have_text("Copied")
    copied = receiver.evaluate("() => navigator.clipboard.readText()")
    assert copied in (secret, secret.replace("\x00", ""))
    receiver.get_by_test_id("done").click()
    expect_state(receiver, "done")
    expect(receiver.locator("#end-lead")).to_have_text(
        "The secret is wiped from this page and from your clipboard, and nothing was stored."
    )
    assert receiver.evaluate("() => navigator.clipboard.readText()") == ""
