"""Servers the attack and fault tests start themselves, and the people who use them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from playwright.sync_api import Browser, Page

from secket_server.app import create_app
from secket_server.config import Config
from tests.daemons import free_port

from ..conftest import LiveServer, People
from ..flows import create_room, join, open_link
from . import Install, app_root

#: Records every ``data-state`` the page's status takes, in ``window.__secketStates``.
#: Added with ``context.add_init_script`` (CDP), which the page's CSP does not apply to.
RECORD_STATES = """(() => {
  const seen = [];
  Object.defineProperty(window, "__secketStates", { value: seen });
  document.addEventListener("DOMContentLoaded", () => {
    const status = document.getElementById("status");
    seen.push(status.dataset.state);
    new MutationObserver(() => seen.push(status.dataset.state)).observe(status, {
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
})();"""


class PortServer(LiveServer):
    """A LiveServer on a port chosen beforehand, so that a restart comes back on it."""

    def __init__(self, app: web.Application, port: int) -> None:
        super().__init__(app)
        self.port = port

    async def _start(self) -> None:
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port, reuse_address=True)
        await site.start()
        self.url = f"http://127.0.0.1:{self.port}/"


@dataclass
class Stages:
    """Real apps (each with an attacker installed, or not) and the people who use them."""

    browser: Browser
    running: list[LiveServer] = field(default_factory=list)
    crowds: list[People] = field(default_factory=list)

    def server(self, install: Install | None = None, port: int = 0, **config: Any) -> LiveServer:
        app = create_app(Config(root=app_root(), **config))
        if install is not None:
            install(app)
        live = PortServer(app, port or free_port()).start()
        self.running.append(live)
        return live

    def stop(self, live: LiveServer) -> None:
        self.running.remove(live)
        live.stop()

    def people(self, live: LiveServer) -> People:
        crowd = People(self.browser, live.url)
        self.crowds.append(crowd)
        return crowd

    def __call__(self, install: Install | None = None, **config: Any) -> People:
        return self.people(self.server(install, **config))

    def close(self) -> list[str]:
        """Close every page and stop every server; returns what the pages did wrong."""
        problems = [p for crowd in self.crowds for p in crowd.problems()]
        for crowd in self.crowds:
            crowd.close()
        for live in list(self.running):
            self.stop(live)
        return problems


def joined(crowd: People) -> tuple[Page, Page, str]:
    """The receiver makes a link, the sender opens it and presses Join; both pages record
    their states. Returns the receiver's page, the sender's, and the link."""
    receiver, sender = person(crowd, "receiver"), person(crowd, "sender", path=None)
    link = create_room(receiver, "create-receive")
    open_link(sender, link)
    join(sender)
    return receiver, sender, link


def person(crowd: People, name: str, path: str | None = "") -> Page:
    """A person's page that records every state its status takes."""
    page = crowd.open(name, path=None)
    page.context.add_init_script(RECORD_STATES)
    if path is not None:
        page.goto(crowd.base_url + path.lstrip("/"))
    return page


def states_seen(page: Page) -> list[Any]:
    return list(page.evaluate("() => Array.from(window.__secketStates)"))


def staged(browser: Browser) -> Iterator[Stages]:
    """The ``stage`` fixture of the attack and fault tests: ``stage(install, **config)``
    gives the real app with ``install`` applied, and its people; the test fails if a page
    did anything wrong (``Stages.close``)."""
    stages = Stages(browser)
    yield stages
    assert stages.close() == []
