"""Runs a stock Firefox for Playwright's ``moz-firefox`` channel, filling one gap of its BiDi.

Playwright 1.65 sends ``emulation.setMediaFeaturesOverride`` (the colour scheme) to every
new browser context; Firefox ESR 153 does not implement that command yet, answers "unknown
command", and Playwright then refuses to open any context. This program stands where
Playwright expects the browser's executable: it starts Firefox with the same arguments,
passes its output on, and puts a WebDriver BiDi relay in front of Firefox's socket. The
relay forwards every message unchanged, both ways, except that command: a request for the
light scheme (Firefox's own default) or for no override is answered with success, anything
else with an error, so that a test asking Firefox for dark mode fails instead of passing
on a light page.

Usage (as Playwright's ``executable_path``, through a small wrapper script):
``python firefox_bidi.py /usr/bin/firefox-esr <Firefox's arguments>``.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal
import sys
from typing import Any

from aiohttp import ClientSession, WSMsgType, web

#: What Firefox prints on stderr once its WebDriver BiDi socket listens; Playwright waits
#: for the same line (with the relay's address) before it connects.
LISTENING = re.compile(rb"WebDriver BiDi listening on (ws://\S+)")
MISSING_COMMAND = "emulation.setMediaFeaturesOverride"
#: Colour schemes that need no override in headless Firefox (null resets an override).
DEFAULT_SCHEMES = (None, "light")


def answer_locally(text: str) -> str | None:
    """The relay's own reply to a message from Playwright, or None to forward it."""
    try:
        message = json.loads(text)
    except ValueError:
        return None
    if not isinstance(message, dict) or message.get("method") != MISSING_COMMAND:
        return None
    features = (message.get("params") or {}).get("features") or {}
    scheme = features.get("prefers-color-scheme")
    if scheme in DEFAULT_SCHEMES and set(features) <= {"prefers-color-scheme"}:
        return json.dumps({"type": "success", "id": message["id"], "result": {}})
    return json.dumps(
        {
            "type": "error",
            "id": message["id"],
            "error": "unsupported operation",
            "message": f"this Firefox cannot emulate {features!r} ({MISSING_COMMAND})",
        }
    )


async def pipe(source: Any, target: Any, intercept: bool) -> None:
    async for message in source:
        if message.type == WSMsgType.TEXT:
            reply = answer_locally(message.data) if intercept else None
            if reply is not None:
                await source.send_str(reply)
            else:
                await target.send_str(message.data)
        elif message.type == WSMsgType.BINARY:
            await target.send_bytes(message.data)
        else:
            break
    await target.close()


def relay_app(upstream: str) -> web.Application:
    """A websocket server that connects each client to the same path on Firefox."""

    async def connect(request: web.Request) -> web.WebSocketResponse:
        client = web.WebSocketResponse(max_msg_size=0)
        await client.prepare(request)
        async with (
            ClientSession() as session,
            session.ws_connect(upstream + request.path, max_msg_size=0) as firefox,
        ):
            await asyncio.gather(pipe(client, firefox, True), pipe(firefox, client, False))
        return client

    app = web.Application()
    app.router.add_get("/{path:.*}", connect)
    return app


async def main(firefox: str, args: list[str]) -> int:
    process = await asyncio.create_subprocess_exec(firefox, *args, stderr=asyncio.subprocess.PIPE)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, process.send_signal, sig)
    assert process.stderr is not None
    runner: web.AppRunner | None = None
    async for line in process.stderr:
        found = LISTENING.search(line)
        if found and runner is None:
            runner = web.AppRunner(relay_app(found.group(1).decode()), handle_signals=False)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = runner.addresses[0][1]
            line = LISTENING.sub(
                f"WebDriver BiDi listening on ws://127.0.0.1:{port}".encode(), line
            )
        sys.stderr.buffer.write(line)
        sys.stderr.buffer.flush()
    code = await process.wait()
    if runner is not None:
        await runner.cleanup()
    return code


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2:])))
