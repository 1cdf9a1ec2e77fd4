"""What the server writes in its logs during a whole hand-over in real browsers.

The server runs as ``secket serve --log-level debug`` in a process of its own, so what is
checked is exactly what production writes: JSON lines on stderr. The pages record every
frame they send to the server, so every sealed signaling payload is known to the test.
None of them, nor the room id, the link, any SDP or ICE text, nor the secret, may appear.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from secket.core.link import parse_fragment
from tests.daemons import ServerProcess

from .attackers import app_root
from .attackers.stage import person
from .conftest import People
from .flows import create_room, expect_state, hand_over, join, open_link, sas_of

SECRET = "hunter2 is not a password 🦆 7f3a9c"
#: Records every frame the page sends on any websocket, in ``window.__secketSent``.
RECORD_SENT = """(() => {
  const sent = [];
  Object.defineProperty(window, "__secketSent", { value: sent });
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    sent.push(String(data));
    return send.call(this, data);
  };
})();"""
#: Request paths the access log may name: files of the app, and the fixed endpoints.
PATH = re.compile(r"^/[A-Za-z0-9_.\-/]*$")
#: Evidence of SDP or ICE text, whatever field it would hide in.
SDP_WORDS = ("sdp", "candidate", "a=fingerprint", "ice-ufrag", "ice-pwd", "v=0", "m=application")


@pytest.fixture
def logged_server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path / "server.log", ("--log-level", "debug"), app_root()).start()
    yield process
    process.kill()


def sent_payloads(page: Page) -> list[str]:
    frames = [json.loads(frame) for frame in page.evaluate("() => window.__secketSent")]
    return [str(f["payload"]) for f in frames if f.get("type") == "signal"]


def log_entries(text: str) -> list[dict[str, Any]]:
    entries = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert all(isinstance(entry, dict) and "event" in entry for entry in entries)
    return entries


def test_the_logs_of_a_whole_hand_over_hold_nothing_secret(
    browser: Browser, logged_server: ServerProcess
) -> None:
    crowd = People(browser, logged_server.url)
    try:
        pages = {name: person(crowd, name, path=None) for name in ("receiver", "sender", "third")}
        for page in pages.values():
            page.context.add_init_script(RECORD_SENT)
        receiver, sender, third = pages["receiver"], pages["sender"], pages["third"]
        receiver.goto(logged_server.url)
        link = create_room(receiver, "create-receive")
        open_link(sender, link)
        join(sender)
        assert sas_of(receiver) == sas_of(sender)
        open_link(third, link)
        join(third)
        expect_state(third, "full")
        hand_over(sender, receiver, SECRET)
        receiver.get_by_test_id("done").click()
        expect_state(receiver, "done")
        payloads = sent_payloads(receiver) + sent_payloads(sender)
        assert crowd.problems() == []
    finally:
        crowd.close()
    logged_server.stop()

    text = logged_server.logs()
    entries = log_entries(text)
    events = {entry["event"] for entry in entries}
    # The capture is the real thing: a pairing, a refusal and page loads were all logged.
    assert {"socket-open", "joined", "paired", "intruder", "refused", "http"} <= events
    assert len(payloads) >= 4  # an offer, an answer and candidates

    # Request paths are logged: they are the app's files, and never carry the room.
    for entry in entries:
        if entry["event"] == "http":
            assert PATH.fullmatch(str(entry["path"])), entry
            entry["path"] = "(path)"  # the app has files named sdp.py, signal.py ...
    scrubbed = "\n".join(json.dumps(entry, ensure_ascii=False) for entry in entries).lower()

    room = parse_fragment(link).room_id
    secret_part = link.partition("#")[2]
    for needle in (room, room[:16], secret_part, secret_part[2:14]):
        assert needle.lower() not in text.lower()
    for payload in payloads:
        assert payload[:24] not in text
        assert payload[-24:] not in text
    assert SECRET not in text
    assert "hunter2" not in text
    for word in SDP_WORDS:
        assert word not in scrubbed, word
    # Addresses are logged only with --log-ips.
    assert "127.0.0.1" not in text
