"""HTTP endpoints: health, metrics, the page's config, and the static app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp import hdrs, web

from . import metrics
from .assets import INDEX, content_type
from .config import CONFIG_KEY, Config
from .hub import HUB_KEY
from .rooms import RoomState

ASSETS_KEY = web.AppKey("assets", dict[str, Path])

#: Static files may change between deploys: revalidate every time (ETag/Last-Modified).
ASSET_CACHE_CONTROL = "no-cache"


def page_config(config: Config) -> dict[str, Any]:
    """What ``/config.json`` says; ``secket build`` writes the same."""
    return {"signal_url": config.signal_url}


async def healthz(request: web.Request) -> web.Response:
    hub = request.app[HUB_KEY]
    return web.json_response({"status": "ok", "rooms": len(hub.rooms), "sockets": len(hub.conns)})


async def metrics_view(request: web.Request) -> web.Response:
    hub = request.app[HUB_KEY]
    text = metrics.render(
        hub.metrics,
        open_sockets=len(hub.conns),
        waiting_rooms=hub.rooms.count(RoomState.WAITING),
        paired_rooms=hub.rooms.count(RoomState.PAIRED),
    )
    return web.Response(
        body=text.encode(), headers={hdrs.CONTENT_TYPE: metrics.PROMETHEUS_CONTENT_TYPE}
    )


async def config_json(request: web.Request) -> web.Response:
    return web.json_response(page_config(request.app[CONFIG_KEY]))


async def static(request: web.Request) -> web.StreamResponse:
    url = INDEX if request.path == "/" else request.path
    path = request.app[ASSETS_KEY].get(url)
    if path is None:
        raise web.HTTPNotFound(text="Not found.\n")
    headers = {
        hdrs.CONTENT_TYPE: content_type(url),
        hdrs.VARY: hdrs.ACCEPT_ENCODING,
        # The page itself is never cached, so a deploy is picked up at once.
        hdrs.CACHE_CONTROL: "no-store" if url == INDEX else ASSET_CACHE_CONTROL,
    }
    return web.FileResponse(path, headers=headers)
