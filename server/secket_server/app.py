"""``create_app(config)``: the aiohttp application, all state in typed app keys."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from aiohttp import web

from . import views, ws
from .assets import asset_map, missing_assets
from .config import CONFIG_KEY, Config
from .hub import HUB_KEY, Hub
from .logs import log_event
from .precompress import cache_dir
from .runtime import MANIFEST_URL, RUNTIME_GATE_KEY, RuntimeGate, manifest_view
from .security import add_security_headers, security_headers
from .static import STATIC_KEY, StaticFiles
from .tasks import stop_task

logger = logging.getLogger("secket_server")

#: How long shutting down waits for a background task.
STOP_TIMEOUT_S = 5.0


async def _store(app: web.Application) -> AsyncIterator[None]:
    hub = app[HUB_KEY]
    await hub.store.start(hub.deliver)
    yield
    await hub.store.stop()


async def _sweeper(app: web.Application) -> AsyncIterator[None]:
    hub = app[HUB_KEY]
    task = asyncio.create_task(hub.run_sweeper())
    yield
    await stop_task(task, "sweeper", STOP_TIMEOUT_S)


async def _close_sockets(app: web.Application) -> None:
    await app[HUB_KEY].shutdown()


def create_app(config: Config | None = None) -> web.Application:
    config = Config() if config is None else config
    app = web.Application()
    app[CONFIG_KEY] = config
    app[HUB_KEY] = Hub(config)
    assets = asset_map(config.root)
    missing = missing_assets(config.root, assets)
    if missing:
        log_event(logger, "assets-missing", logging.WARNING, paths=missing)
    gate = app[RUNTIME_GATE_KEY] = RuntimeGate(config.root, assets)
    not_derived = gate.problem()
    if not_derived is not None:
        # The page starts Python from the npm package's own standard library, slower.
        log_event(logger, "runtime-not-served", logging.WARNING, reason=not_derived)
    static = app[STATIC_KEY] = StaticFiles(assets, cache_dir(config.root))
    uncompressed = static.uncompressed()
    if uncompressed:
        # Served as they are (larger) until `secket compress` (make run) makes the variants.
        log_event(logger, "assets-uncompressed", logging.WARNING, files=len(uncompressed))

    add_security_headers(app, security_headers(config))
    # The store starts first and stops last: the sweeper and the sockets' last leaves use it.
    app.cleanup_ctx.append(_store)
    app.cleanup_ctx.append(_sweeper)
    app.on_shutdown.append(_close_sockets)

    app.router.add_get("/ws", ws.handle_socket)
    app.router.add_get("/healthz", views.healthz)
    app.router.add_get("/metrics", views.metrics_view)
    app.router.add_get("/config.json", views.config_json)
    app.router.add_get(MANIFEST_URL, manifest_view)  # checked again at each request
    app.router.add_get("/{path:.*}", views.static)
    return app
