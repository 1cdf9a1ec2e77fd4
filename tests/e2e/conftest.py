"""End-to-end fixtures: the real aiohttp app on a free port, real headless Chromium and Firefox.

Each person in a test gets a browser context of their own (as two people on two machines
would), in Chromium unless the test asks for Firefox. Every page is watched: a page error,
a CSP violation or a request to another origin fails the test.

Besides, every page any e2e test opens through Playwright (through ``people``, the
``browser`` or ``firefox`` fixture, pytest-playwright's own ``page``, or a browser a test
launches itself) reports its uncaught exceptions to one session-wide collector,
:class:`PageErrors`: a test fails on any that it did not declare expected, and the session
fails at its end on any that came between tests. The WebKit tests drive their browser
through Selenium, which reports no page errors.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from playwright.sync_api import Browser, BrowserContext, BrowserType, Page, Playwright, WebError

from secket_server.app import create_app
from secket_server.assets import asset_map
from secket_server.config import DEFAULT_ROOT, Config
from secket_server.runtime import ensure_runtime
from tests.daemons import CHROMIUM_FLAGS as CHROMIUM_ARGS
from tests.daemons import FIREFOX_PREFS, firefox_executable

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
#: Python start-up in the page takes a few seconds; everything after it is fast.
READY_TIMEOUT_MS = 60_000


def pytest_configure() -> None:
    # Playwright's driver then passes on what Chromium writes to stderr: a renderer that
    # crashes says why there (a V8 fatal error, a failed check, out of memory), and pytest
    # shows it with the test that was running.
    os.environ.setdefault("DEBUG", "pw:browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@dataclass
class PageErrors:
    """Every uncaught exception (``pageerror``) of every Playwright page of the session."""

    #: Where the session is: a test's id, or "(between tests)" and the like.
    where: str = "(before the first test)"
    #: (where, page URL, error) of each error not declared expected.
    found: list[tuple[str, str, str]] = field(default_factory=list)
    #: Parts of error messages the running test expects (``allow``).
    allowed: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> BrowserContext:
        context.on("weberror", self._record)
        return context

    def _record(self, error: WebError) -> None:
        text = f"{error.error.name}: {error.error.message}"
        if not any(part in text for part in self.allowed):
            url = error.page.url if error.page is not None else "?"
            self.found.append((self.where, url, text[:500]))

    def allow(self, part: str) -> None:
        """The running test provokes page errors whose message holds ``part``."""
        self.allowed.append(part)

    def take(self, part: str) -> list[str]:
        """The errors holding ``part`` seen so far, taken out of the findings (for the
        collector's own tests)."""
        taken = [error for error in self.found if part in error[2]]
        self.found = [error for error in self.found if part not in error[2]]
        return [text for _, _, text in taken]


@pytest.fixture(scope="session", autouse=True)
def page_errors() -> Iterator[PageErrors]:
    """Every browser context made by any means reports its pages' errors here."""
    errors = PageErrors()
    new_context, new_page = Browser.new_context, Browser.new_page
    launch_persistent = BrowserType.launch_persistent_context

    def watched_context(self: Browser, *args: Any, **kwargs: Any) -> BrowserContext:
        return errors.watch(new_context(self, *args, **kwargs))

    def watched_page(self: Browser, *args: Any, **kwargs: Any) -> Page:
        page = new_page(self, *args, **kwargs)  # a context of its own, made before the page
        errors.watch(page.context)
        return page

    def watched_persistent(self: BrowserType, *args: Any, **kwargs: Any) -> BrowserContext:
        return errors.watch(launch_persistent(self, *args, **kwargs))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Browser, "new_context", watched_context)
        patch.setattr(Browser, "new_page", watched_page)
        patch.setattr(BrowserType, "launch_persistent_context", watched_persistent)
        yield errors
    errors.where = "(after the last test)"
    between = [error for error in errors.found if error[0].startswith("(")]
    assert between == [], f"page errors outside any test: {between}"


@pytest.fixture(autouse=True)
def no_page_errors(page_errors: PageErrors, request: pytest.FixtureRequest) -> Iterator[None]:
    """The test fails on any page error it did not declare expected, from any of its pages."""
    page_errors.where, page_errors.allowed = request.node.nodeid, []
    before = len(page_errors.found)
    yield
    mine = page_errors.found[before:]
    page_errors.where, page_errors.allowed = "(between tests)", []
    assert mine == [], f"page errors: {mine}"


@pytest.fixture(scope="session", autouse=True)
def derived_runtime() -> None:
    """The runtime derived from the pinned packages, as `make test` derives it, so the pages
    start from it."""
    ensure_runtime(DEFAULT_ROOT, asset_map(DEFAULT_ROOT), progress=print)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    # Debian's Chromium where it exists (no browser download here); Playwright's elsewhere.
    executable = os.environ.get("SECKET_CHROMIUM") or (
        str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None
    )
    if executable:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def firefox(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Headless Firefox: Debian's firefox-esr over WebDriver BiDi, else Playwright's own.

    Playwright drives a stock Firefox through its ``moz-firefox`` channel; ``firefox_bidi.py``
    stands in front of it as the executable and fills the one BiDi command that Playwright
    1.65 needs and Firefox ESR 153 lacks (see that file).
    """
    executable = firefox_executable()
    if executable is None:
        browser = playwright.firefox.launch(firefox_user_prefs=FIREFOX_PREFS)
    else:
        wrapper = tmp_path_factory.mktemp("firefox") / "firefox"
        relay = Path(__file__).with_name("firefox_bidi.py")
        wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{relay}" "{executable}" "$@"\n')
        wrapper.chmod(0o755)
        browser = playwright.firefox.launch(
            channel="moz-firefox", executable_path=str(wrapper), firefox_user_prefs=FIREFOX_PREFS
        )
    yield browser
    browser.close()


class LiveServer:
    """The real app, served by aiohttp in a thread of its own."""

    def __init__(self, app: web.Application) -> None:
        self._app = app
        self._loop = asyncio.new_event_loop()
        self._runner = web.AppRunner(app, handle_signals=False)
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self.url = ""

    def start(self) -> LiveServer:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=30)
        return self

    async def _start(self) -> None:
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/"

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


def start_server(
    config: Config | None = None, extra: Callable[[web.Application], None] | None = None
) -> LiveServer:
    app = create_app(config or Config())
    if extra is not None:
        extra(app)
    return LiveServer(app).start()


@pytest.fixture(scope="session")
def server() -> Iterator[LiveServer]:
    live = start_server()
    yield live
    live.stop()


@dataclass
class Watch:
    """What a page did that a test must not tolerate."""

    name: str
    origin: str
    problems: list[str] = field(default_factory=list)
    #: The page's last console lines, printed when the test ends (shown if it failed).
    console: deque[str] = field(default_factory=lambda: deque(maxlen=40))

    def attach(self, page: Page) -> None:
        page.on("pageerror", lambda e: self.problems.append(f"{self.name} page error: {e}"))
        page.on("crash", lambda _: self.problems.append(f"{self.name}: the page crashed"))
        page.on("console", self._console)
        page.on("request", self._request)

    def _console(self, message: Any) -> None:
        text = message.text
        self.console.append(f"{time.strftime('%H:%M:%S')} {message.type}: {text[:500]}")
        if "Content Security Policy" in text or (
            message.type == "error" and "secket" in text.lower()
        ):
            self.problems.append(f"{self.name} console {message.type}: {text[:300]}")

    def _request(self, request: Any) -> None:
        url = request.url
        if not (url.startswith(self.origin) or url.startswith(("data:", "blob:"))):
            self.problems.append(f"{self.name} request to another origin: {url}")


@dataclass
class People:
    """Opens one page per person, each in a browser context of its own."""

    browser: Browser
    base_url: str
    watches: list[Watch] = field(default_factory=list)
    contexts: list[Any] = field(default_factory=list)

    def open(
        self, name: str, path: str | None = "", browser: Browser | None = None, **context: Any
    ) -> Page:
        """A new person's page; ``path=None`` opens nothing yet (the test navigates).

        In Chromium, or in ``browser`` when given (e.g. the ``firefox`` fixture); ``context``
        holds options of the browser context (e.g. a phone's ``viewport``).
        """
        options = {"viewport": {"width": 1100, "height": 900}, **context}
        own = (browser or self.browser).new_context(**options)
        self.contexts.append(own)
        page = own.new_page()
        watch = Watch(name, self.base_url.rstrip("/"))
        watch.attach(page)
        self.watches.append(watch)
        if path is not None:
            page.goto(self.base_url + path.lstrip("/"))
        return page

    def problems(self) -> list[str]:
        return [p for w in self.watches for p in w.problems]

    def close(self) -> None:
        for watch in self.watches:
            if watch.console:
                print(f"\n--- console of {watch.name} ---", *watch.console, sep="\n")
        for context in self.contexts:
            context.close()


@pytest.fixture
def people(browser: Browser, server: LiveServer) -> Iterator[People]:
    crowd = People(browser, server.url)
    yield crowd
    problems = crowd.problems()
    crowd.close()
    assert problems == []
