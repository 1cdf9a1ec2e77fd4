"""Where the memory of an open Secket websocket goes, by source file (tracemalloc).

    .venv/bin/python -m bench.socket_memory --rooms 1000

Runs ``create_app`` in this process on a free loopback port, opens ``--rooms`` paired rooms
(two websockets each, one signal relayed in each) from a client in another process, and
compares tracemalloc snapshots taken before and after: the Python memory the server holds
per open socket, by the file that allocated it. Everything stops at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import subprocess
import sys
import tracemalloc
from collections.abc import Sequence

from aiohttp import web

from secket_server.app import create_app
from secket_server.config import Config

#: The client: pairs the rooms, relays one signal in each, says "ready", holds them open.
CLIENT = """
import asyncio, secrets, sys, aiohttp

async def main(port: int, rooms: int) -> None:
    url = f"http://127.0.0.1:{port}/ws"
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        sockets = []
        for _ in range(rooms):
            room = secrets.token_hex(16)
            first = await session.ws_connect(url)
            await first.send_json({"type": "join", "room": room, "create": True})
            await first.receive(timeout=10)
            second = await session.ws_connect(url)
            await second.send_json({"type": "join", "room": room, "create": False})
            for ws in (second, first, second):
                await ws.receive(timeout=10)
            await first.send_str('{"type":"signal","payload":"' + "A" * 1000 + '"}')
            await second.receive(timeout=10)
            sockets += [first, second]
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)

asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
"""
TIMEOUT_S = 120.0


async def open_rooms(port: int, rooms: int) -> asyncio.subprocess.Process:
    client = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CLIENT, str(port), str(rooms),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    assert client.stdout is not None
    line = await asyncio.wait_for(client.stdout.readline(), TIMEOUT_S)
    if line.strip() != b"ready":
        raise RuntimeError(f"the client did not open its rooms: {line!r}")
    return client


async def close_rooms(client: asyncio.subprocess.Process) -> None:
    assert client.stdin is not None
    client.stdin.write(b"\n")
    await client.stdin.drain()
    await asyncio.wait_for(client.wait(), TIMEOUT_S)


def where(filename: str) -> str:
    for marker in ("site-packages/", "lib/python3.11/", "server/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


async def measure(rooms: int, top: int) -> None:
    # The limits are lifted: every socket comes from 127.0.0.1, joining as fast as it can.
    config = Config(message_rate=1e6, message_burst=10**6, joins_per_minute=10**7)
    runner = web.AppRunner(create_app(config))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        # A few rooms first, so that first-time allocations are not counted per socket.
        await close_rooms(await open_rooms(port, 20))
        await asyncio.sleep(1)
        gc.collect()
        tracemalloc.start(10)
        before = tracemalloc.take_snapshot()
        client = await open_rooms(port, rooms)
        await asyncio.sleep(1)
        gc.collect()
        after = tracemalloc.take_snapshot()
        await close_rooms(client)
    finally:
        await runner.cleanup()
    sockets = 2 * rooms
    stats = after.compare_to(before, "filename")
    total = sum(stat.size_diff for stat in stats)
    print(f"{rooms:,} rooms, {sockets:,} sockets open and paired")
    print(f"Python memory held per open socket: {total / sockets:,.0f} bytes")
    print(f"{'bytes/socket':>12}  {'blocks/socket':>13}  allocated in")
    for stat in stats[:top]:
        print(
            f"{stat.size_diff / sockets:12,.0f}  {stat.count_diff / sockets:13.1f}  "
            f"{where(stat.traceback[0].filename)}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.socket_memory", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--rooms", type=int, default=1000, help="rooms (2 sockets each)")
    parser.add_argument("--top", type=int, default=15, help="source files shown")
    args = parser.parse_args(argv)
    # Only the figures: the app's start-up warnings (assets not compressed...) are beside them.
    logging.getLogger("secket_server").setLevel(logging.ERROR)
    asyncio.run(measure(args.rooms, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
