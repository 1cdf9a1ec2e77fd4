"""The ``secket`` command for real: a subprocess that serves, pairs, and shuts down cleanly."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest
from aiohttp import WSCloseCode
from server_helpers import ROOM_A, serve

from secket_server.cli import main


async def test_serve_pairs_and_shuts_down_with_going_away(fake_root: Path, tmp_path: Path) -> None:
    ice = json.dumps([{"urls": "stun:stun.example.org"}])
    server = await serve(
        tmp_path / "serve.log", fake_root, "--ice-servers", ice, SECKET_ROOM_TTL="30"
    )
    url = server.url
    try:
        async with aiohttp.ClientSession() as session:
            assert (await session.get(url + "healthz")).status == 200
            first = await session.ws_connect(url + "ws")
            second = await session.ws_connect(url + "ws")
            for ws in (first, second):
                await ws.send_json({"type": "join", "room": ROOM_A})
                await ws.receive(timeout=5)
            paired = json.loads((await first.receive(timeout=5)).data)
            assert paired == {
                "type": "paired",
                "ice_servers": [{"urls": "stun:stun.example.org"}],
                "ice_transport_policy": "all",
            }
            stopping = asyncio.create_task(asyncio.to_thread(server.stop))  # SIGTERM
            error = json.loads((await first.receive(timeout=10)).data)
            assert error["code"] == "shutting-down"
            assert (await first.receive(timeout=10)).type is aiohttp.WSMsgType.CLOSE
            assert first.close_code == WSCloseCode.GOING_AWAY
        assert await stopping == 0
    finally:
        server.kill()
    stderr = server.logs()
    lines = [json.loads(line) for line in stderr.splitlines() if line.strip()]
    assert {"socket-open", "joined", "paired", "closed"} <= {line["event"] for line in lines}
    assert ROOM_A not in stderr
    assert "127.0.0.1" not in stderr


def test_environment_errors_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve"], environ={"PORT": "eighty"})
    assert exit_info.value.code == 2
    assert "PORT" in capsys.readouterr().err


def test_bad_ice_servers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--ice-servers", '{"urls": "stun:x"}'], environ={})
    assert "ice-servers" in capsys.readouterr().err
