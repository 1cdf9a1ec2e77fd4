"""NAT traversal through a real coturn: both browsers forced to relay only.

coturn (Debian's package) runs on 127.0.0.1 with ``use-auth-secret``; the Secket server hands
each browser a TURN REST credential when it pairs, with ``ice_transport_policy: "relay"``, so
the only candidates either browser gathers are relayed ones.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from secket_server.config import Config
from tests.daemons import TurnServer

from .conftest import LiveServer, People, start_server
from .flows import connect, create_room, expect_state, hand_over, join, open_link

#: Keeps every RTCPeerConnection the page makes, so the test can ask it for its stats.
RECORD_PEER_CONNECTIONS = """
(() => {
  const Original = window.RTCPeerConnection;
  window.__peerConnections = [];
  window.RTCPeerConnection = class extends Original {
    constructor(...args) {
      super(...args);
      window.__peerConnections.push(this);
    }
  };
})();
"""

#: The candidate types and protocols of the pair the transport selected (getStats).
SELECTED_PAIR = """async () => {
  const pc = window.__peerConnections.at(-1);
  const reports = new Map();
  (await pc.getStats()).forEach((report) => reports.set(report.id, report));
  const transport = [...reports.values()].find((r) => r.type === "transport");
  const pair = reports.get(transport.selectedCandidatePairId);
  const local = reports.get(pair.localCandidateId);
  const remote = reports.get(pair.remoteCandidateId);
  return {
    state: pair.state,
    local: local.candidateType,
    remote: remote.candidateType,
    relayProtocol: local.relayProtocol,
    localUrl: local.url,
    policy: pc.getConfiguration().iceTransportPolicy,
  };
}"""

#: ICE gives up on a pair after ~30 s of failed checks; a refused TURN allocation fails fast.
FAILURE_TIMEOUT_MS = 60_000

OpenPeople = Callable[[Config], People]


@pytest.fixture
def people_of(browser: Browser) -> Iterator[OpenPeople]:
    """``people_of(config)``: people on a fresh server with that config."""
    started: list[tuple[LiveServer, People]] = []

    def open_people(config: Config) -> People:
        live = start_server(config)
        crowd = People(browser, live.url)
        started.append((live, crowd))
        return crowd

    yield open_people
    problems = [problem for _, crowd in started for problem in crowd.problems()]
    for live, crowd in started:
        crowd.close()
        live.stop()
    assert problems == []


def relay_config(turn: TurnServer, **fields: Any) -> Config:
    fields.setdefault("turn_secret", turn.secret)
    return Config(turn_urls=(turn.url,), ice_transport_policy="relay", **fields)


def watched_page(people: People, name: str, path: str | None = "") -> Page:
    page = people.open(name, path=None)
    page.add_init_script(RECORD_PEER_CONNECTIONS)
    if path is not None:
        page.goto(people.base_url + path.lstrip("/"))
    return page


def test_the_whole_flow_through_the_relay(people_of: OpenPeople, turn_server: TurnServer) -> None:
    people = people_of(relay_config(turn_server))
    receiver, sender = watched_page(people, "receiver"), watched_page(people, "sender", None)
    connect(receiver, sender, "create-receive")
    for page in (receiver, sender):
        path = page.get_by_test_id("connection-path")
        expect(path).to_have_attribute("data-path", "relayed")
        expect(path).to_contain_text("relay")
        selected = page.evaluate(SELECTED_PAIR)
        assert selected["policy"] == "relay"
        assert selected["state"] == "succeeded"
        assert (selected["local"], selected["remote"]) == ("relay", "relay"), selected
        assert selected["relayProtocol"] == "udp"
        assert selected["localUrl"].startswith(f"turn:127.0.0.1:{turn_server.port}")
    hand_over(sender, receiver, "through the relay")
    # coturn saw the allocations, made with the credentials the server handed out.
    log = turn_server.log_text()
    assert "use-auth-secret" in log or "realm" in log


@pytest.mark.parametrize("credential", ["wrong-secret", "expired"])
def test_a_refused_credential_fails_with_a_clear_message(
    people_of: OpenPeople, turn_server: TurnServer, credential: str
) -> None:
    if credential == "wrong-secret":
        config = relay_config(turn_server, turn_secret="not-" + turn_server.secret)
    else:
        # A server whose clock is an hour behind hands out credentials expired on arrival.
        config = relay_config(turn_server, wall_clock=lambda: time.time() - 3600)
    people = people_of(config)
    receiver = watched_page(people, "receiver")
    link = create_room(receiver, "create-receive")
    sender = watched_page(people, "sender", None)
    open_link(sender, link)
    join(sender)
    for page in (receiver, sender):
        expect_state(page, "error", timeout=FAILURE_TIMEOUT_MS)
        error = page.get_by_test_id("error")
        expect(error).to_be_visible()
        expect(error).to_have_attribute("data-code", "relay-refused")
        expect(error).to_contain_text("relay server refused")
        expect(page.get_by_test_id("connection-path")).not_to_have_attribute("data-path", "relayed")
