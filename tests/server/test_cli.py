"""The ``secket`` command for real: a subprocess that serves, pairs, and shuts down cleanly."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import aiohttp
import pytest
from aiohttp import WSCloseCode
from server_helpers import ROOM_A

from secket_server.cli import main


async def start(root: Path, *args: str, **env: str) -> tuple[asyncio.subprocess.Process, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "secket_server",
        "serve",
        "--root",
        str(root),
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PORT": "0", **env},
    )
    assert process.stdout is not None
    line = (await asyncio.wait_for(process.stdout.readline(), 20)).decode()
    assert line.startswith("Secket is running at http://127.0.0.1:"), line
    return process, line.split(" at ", 1)[1].strip()


async def test_serve_pairs_and_shuts_down_with_going_away(fake_root: Path) -> None:
    ice = json.dumps([{"urls": "stun:stun.example.org"}])
    process, url = await start(fake_root, "--ice-servers", ice, SECKET_ROOM_TTL="30")
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
            process.send_signal(signal.SIGTERM)
            error = json.loads((await first.receive(timeout=10)).data)
            assert error["code"] == "shutting-down"
            assert (await first.receive(timeout=10)).type is aiohttp.WSMsgType.CLOSE
            assert first.close_code == WSCloseCode.GOING_AWAY
        assert await asyncio.wait_for(process.wait(), 20) == 0
        assert process.stderr is not None
        stderr = (await process.stderr.read()).decode()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
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
