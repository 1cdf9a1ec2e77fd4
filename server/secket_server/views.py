"""HTTP endpoints: health, metrics, the page's config, and the static app."""

from __future__ import annotations

from typing import Any

from aiohttp import hdrs, web

from secket.core.errors import UnavailableError

from . import metrics
from .assets import INDEX, cache_control
from .config import CONFIG_KEY, Config
from .hub import HUB_KEY
from .static import serve_static


def page_config(config: Config) -> dict[str, Any]:
    """What ``/config.json`` says; ``secket build`` writes the same."""
    return {"signal_url": config.signal_url}


async def healthz(request: web.Request) -> web.Response:
    """200 with ``"status": "ok"`` while the server can pair people; 503 when its room store
    (Redis) cannot be reached, saying why in ``store``."""
    hub = request.app[HUB_KEY]
    health = await hub.store.health()
    rooms: int | None = None
    if health.ok:
        try:
            rooms = (await hub.store.counts()).total
        except UnavailableError:
            rooms = None
    body = {
        "status": "ok" if health.ok else "unavailable",
        "rooms": rooms,
        "sockets": len(hub.conns),
        "store": health.detail,
    }
    return web.json_response(body, status=200 if health.ok else 503)


async def metrics_view(request: web.Request) -> web.Response:
    hub = request.app[HUB_KEY]
    try:
        counts = await hub.store.counts()
        rooms: tuple[int, int] | None = (counts.waiting, counts.paired)
    except UnavailableError:
        rooms = None
    text = metrics.render(
        hub.metrics,
        open_sockets=len(hub.conns),
        rooms=rooms,
        store=hub.store.kind,
        store_up=rooms is not None,
    )
    return web.Response(
        body=text.encode(), headers={hdrs.CONTENT_TYPE: metrics.PROMETHEUS_CONTENT_TYPE}
    )


async def config_json(request: web.Request) -> web.Response:
    return web.json_response(page_config(request.app[CONFIG_KEY]))


async def static(request: web.Request) -> web.StreamResponse:
    url = INDEX if request.path == "/" else request.path
    return await serve_static(request, url, cache_control(url))
