"""Logs: structured events for a whole flow, never a room id, payload or address."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from server_helpers import ROOM_A, ClientFactory, expect_close, expect_error, join, pair, receive

from secket_server.app import create_app
from secket_server.config import Config
from secket_server.logs import AccessLogger, JsonFormatter

PAYLOAD = "djA9MCBvPS0gc2VjcmV0LXNkcA"


def events(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    formatter = JsonFormatter()
    return [
        json.loads(formatter.format(record))
        for record in caplog.records
        if record.name.startswith(("secket_server", "aiohttp.access"))
    ]


async def whole_flow(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    await first.send_json({"type": "signal", "payload": PAYLOAD})
    assert await receive(second) == {"type": "signal", "payload": PAYLOAD}
    await second.send_json({"type": "signal", "payload": PAYLOAD[::-1]})
    await receive(first)
    third = await join(client)
    await expect_error(third, "room-full", 1008)
    assert await receive(first) == {"type": "intruder"}
    assert await receive(second) == {"type": "intruder"}
    await first.close()
    await receive(second)
    await expect_close(second)
    await client.get("/healthz")


async def test_flow_logs_events_without_secrets(
    aiohttp_server: Any, aiohttp_client: Any, fake_root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = create_app(Config(root=fake_root))
    # The access logger that ``secket serve`` uses, instead of aiohttp's default one.
    server = await aiohttp_server(app, access_log_class=AccessLogger)
    client = await aiohttp_client(server)
    await whole_flow(client)
    logged = events(caplog)
    names = [entry["event"] for entry in logged]
    for name in (
        "socket-open",
        "joined",
        "paired",
        "intruder",
        "refused",
        "left",
        "closed",
        "http",
    ):
        assert name in names, name
    assert {"reason": "room-full"}.items() <= next(
        entry for entry in logged if entry["event"] == "refused"
    ).items()
    everything = caplog.text + "\n".join(json.dumps(entry) for entry in logged)
    for secret in (ROOM_A, PAYLOAD, PAYLOAD[::-1], "127.0.0.1"):
        assert secret not in everything
    for record in caplog.records:
        assert ROOM_A not in repr(record.__dict__)
        assert PAYLOAD not in repr(record.__dict__)


async def test_addresses_only_when_configured(
    make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    client = await make_client(log_ips=True)
    ws = await join(client)
    await receive(ws)
    opened = next(entry for entry in events(caplog) if entry["event"] == "socket-open")
    assert opened["ip"] == "127.0.0.1"


def test_formatter_writes_one_json_object_per_line() -> None:
    record = logging.LogRecord("secket_server.ws", logging.INFO, __file__, 1, "paired", (), None)
    record.fields = {"conn": 2, "partner": 1}
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["event"] == "paired"
    assert entry["conn"] == 2
    assert entry["level"] == "info"
