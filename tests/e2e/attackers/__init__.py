"""Hostile and faulty surroundings for the end-to-end attack and fault tests.

Every attacker here wraps the real app (``start_server(extra=...)``) so that the pages are
served from the same origin with the real security headers, and takes over ``/ws`` with a
middleware: the page's CSP (``connect-src 'self'``) allows no other signaling server.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

from secket_server.config import DEFAULT_ROOT

#: Set on websockets that an attacker opens to the real ``/ws`` of the same app.
UPSTREAM_HEADER = "X-Secket-Test-Upstream"


def app_root() -> Path:
    """The checkout whose app the attackers serve: ``SECKET_E2E_ROOT`` or this one.

    Pointing it at a copy with one protection removed shows that the tests catch it.
    """
    return Path(os.environ.get("SECKET_E2E_ROOT") or DEFAULT_ROOT)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Install = Callable[[web.Application], None]


def take_over_ws(app: web.Application, attacker: Handler) -> None:
    """Route the pages' ``/ws`` to ``attacker``; the attacker's own upstream stays real."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == "/ws" and UPSTREAM_HEADER not in request.headers:
            return await attacker(request)
        return await handler(request)

    app.middlewares.append(middleware)
