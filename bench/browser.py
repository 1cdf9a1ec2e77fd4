"""The page benchmark's browser side: Chromium contexts, the emulated phones, what a page
fetched (DevTools protocol), and the moments ``probe.js`` saw on the page's own clock."""

from __future__ import annotations

import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    CDPSession,
    ConsoleMessage,
    Page,
    Playwright,
)
from tests.daemons import CHROMIUM_FLAGS, chromium_executable

from secket_server.runtime import STDLIB_URL

if TYPE_CHECKING:
    from playwright._impl._api_structures import ViewportSize

PROBE = Path(__file__).with_name("probe.js").read_text(encoding="utf-8")
VIEWPORT: ViewportSize = {"width": 1100, "height": 900}
#: A step after the page is up (a click to the link, Join to the code), at full CPU speed.
STEP_TIMEOUT_S = 20.0
POLL_MS = 10


class BenchError(RuntimeError):
    """The app did not reach a state the benchmark waits for."""


# Profiles -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Profile:
    """A machine and network the pages are loaded on, emulated through the DevTools protocol
    before navigation (``Emulation.setCPUThrottlingRate`` slows the page's main thread,
    ``Network.emulateNetworkConditions`` every request of the page)."""

    name: str  #: as ``--profiles`` takes it
    label: str  #: as the report prints it
    cpu_rate: float  #: 1 is this machine's speed, 4 four times slower
    down_bits_s: float | None  #: None: the network is not emulated (loopback)
    up_bits_s: float | None
    latency_ms: float  #: added to every request
    runs: int  #: runs when ``--runs`` is not given
    load_timeout_s: float  #: page open → ready may take at most this

    @property
    def step_timeout_s(self) -> float:
        return STEP_TIMEOUT_S * self.cpu_rate

    def emulate(self, cdp: CDPSession) -> None:
        if self.down_bits_s is not None and self.up_bits_s is not None:
            conditions = {
                "offline": False,
                "latency": self.latency_ms,
                "downloadThroughput": self.down_bits_s / 8,  # bytes per second
                "uploadThroughput": self.up_bits_s / 8,
            }
            cdp.send("Network.emulateNetworkConditions", conditions)
        if self.cpu_rate != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": self.cpu_rate})

    def describe(self) -> str:
        if self.down_bits_s is None or self.up_bits_s is None:
            return f"{self.label}: this machine's CPU, loopback network"
        return (
            f"{self.label}: {self.cpu_rate:g}x slower CPU, {self.down_bits_s / 1e6:g} Mbit/s "
            f"down, {self.up_bits_s / 1e6:g} up, {self.latency_ms:g} ms latency"
        )


DESKTOP = Profile("desktop", "desktop", 1, None, None, 0, runs=5, load_timeout_s=60)
#: A 4G phone (docs/benchmarks.md) and Lighthouse's "slow 4G" (its mobileSlow4G: 150 ms,
#: 1.6 Mbit/s down, 750 kbit/s up, 4x CPU; applied as given, without Lighthouse's own
#: adjustment of the DevTools latency).
PHONE_4G = Profile("4g", "4G phone", 4, 9e6, 1.5e6, 60, runs=3, load_timeout_s=120)
SLOW_4G = Profile("slow4g", "slow 4G", 4, 1.6e6, 0.75e6, 150, runs=2, load_timeout_s=300)
PROFILES = {profile.name: profile for profile in (DESKTOP, PHONE_4G, SLOW_4G)}


# What a page fetched ------------------------------------------------------------------------
@dataclass
class Traffic:
    """What one page fetched, from the DevTools protocol's Network events."""

    requests: int = 0
    bytes: int = 0  # encodedDataLength: on the wire, headers included
    revalidated: int = 0  # answered 304 Not Modified
    cached: int = 0  # taken from the cache without asking the server
    failed: int = 0
    library_bytes: int = 0  # of ``bytes``, the derived standard library's
    ids: set[str] = field(default_factory=set, repr=False)
    cached_ids: set[str] = field(default_factory=set, repr=False)
    library_ids: set[str] = field(default_factory=set, repr=False)

    def sent(self, event: dict[str, Any]) -> None:
        if event["requestId"] not in self.ids:
            self.ids.add(event["requestId"])
            self.requests += 1
        if urlsplit(event["request"]["url"]).path == STDLIB_URL:
            self.library_ids.add(event["requestId"])

    def raw_response(self, event: dict[str, Any]) -> None:
        # The page is handed the cached 200; only the raw response says it was a 304.
        if event.get("statusCode") == 304:
            self.revalidated += 1

    def from_cache(self, event: dict[str, Any]) -> None:
        # The memory cache says so with requestServedFromCache, the disk cache (where an
        # immutable file is found on a later visit) only in the response's fromDiskCache.
        response = event.get("response", {})
        if "response" in event and not response.get("fromDiskCache"):
            return
        if event["requestId"] not in self.cached_ids:
            self.cached_ids.add(event["requestId"])
            self.cached += 1

    def finished(self, event: dict[str, Any]) -> None:
        self.bytes += int(event["encodedDataLength"])
        if event["requestId"] in self.library_ids:
            self.library_bytes += int(event["encodedDataLength"])

    def snapshot(self) -> Traffic:
        return replace(self, ids=set(), cached_ids=set(), library_ids=set())


def watch(cdp: CDPSession) -> Traffic:
    traffic = Traffic()
    handlers: dict[str, Callable[[dict[str, Any]], None]] = {
        "Network.requestWillBeSent": traffic.sent,
        "Network.responseReceivedExtraInfo": traffic.raw_response,
        "Network.requestServedFromCache": traffic.from_cache,
        "Network.responseReceived": traffic.from_cache,
        "Network.loadingFinished": traffic.finished,
        "Network.loadingFailed": lambda _: setattr(traffic, "failed", traffic.failed + 1),
    }
    for name, handler in handlers.items():
        cdp.on(name, handler)
    cdp.send("Network.enable")
    return traffic


# Contexts and pages -------------------------------------------------------------------------
@dataclass
class Bench:
    """The browser side: where contexts come from, and which origins the pages reached."""

    playwright: Playwright
    browser: Browser
    executable: str | None
    base: str
    baseline: str  # the plain-JavaScript page
    on_disk: bool  # a user profile on disk (as a person has) or an in-memory context
    outside: list[str] = field(default_factory=list)
    requests: int = 0
    messages: deque[str] = field(default_factory=lambda: deque(maxlen=20))

    @classmethod
    def launch(cls, playwright: Playwright, base: str, baseline: str, on_disk: bool) -> Bench:
        """Chromium (Debian's where it exists, else Playwright's) with the end-to-end tests'
        flags; the caller closes ``bench.browser``."""
        executable = chromium_executable()
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        return cls(playwright, browser, executable, base, baseline, on_disk)

    def check_origin(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return
        self.requests += 1
        same = parts.scheme in ("http", "https", "ws", "wss")
        if not same or parts.netloc != urlsplit(self.base).netloc:
            self.outside.append(url)

    @contextmanager
    def fresh_context(self, secket: bool = True) -> Iterator[BrowserContext]:
        """A context with an empty HTTP cache, kept for the warm loads of one run.

        The requests of Secket's pages (``secket``) are checked against its origin.
        """
        with ExitStack() as stack:
            if self.on_disk:
                directory = stack.enter_context(tempfile.TemporaryDirectory(prefix="secket-"))
                context = self.playwright.chromium.launch_persistent_context(
                    directory,
                    executable_path=self.executable,
                    args=CHROMIUM_FLAGS,
                    viewport=VIEWPORT,
                )
            else:
                context = self.browser.new_context(viewport=VIEWPORT)
            stack.callback(context.close)
            context.add_init_script(PROBE)
            if secket:
                context.on("request", lambda request: self.check_origin(request.url))
            yield context

    def new_page(self, context: BrowserContext, profile: Profile) -> tuple[Page, Traffic]:
        """A blank page on ``profile``, its traffic counted from its first request."""
        page = context.new_page()
        page.on("websocket", lambda socket_: self.check_origin(socket_.url))
        page.on("pageerror", lambda error: self.messages.append(f"page error: {error}"))
        page.on("console", self._console)
        cdp = context.new_cdp_session(page)
        traffic = watch(cdp)
        profile.emulate(cdp)
        return page, traffic

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.messages.append(f"console {message.type}: {message.text[:500]}")


# The probe's marks --------------------------------------------------------------------------
def describe(page: Page) -> str:
    try:
        status, error = page.get_by_test_id("status"), page.get_by_test_id("error")
        state = status.get_attribute("data-state", timeout=2000)
        text, problem = status.text_content(timeout=2000), error.text_content(timeout=2000)
        return f"status {state}: {text!r}; error: {problem!r}"
    except Exception as exc:
        return f"(page unreadable: {exc})"


def mark(page: Page, name: str, timeout_s: float) -> float:
    """Wait until the probe saw ``name``; return when it happened (epoch ms)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate("name => window.__secketBench?.marks[name] ?? null", name)
        if value is not None:
            return float(value)
        if time.monotonic() > deadline:
            raise BenchError(f"{name!r} not reached within {timeout_s} s; {describe(page)}")
        page.wait_for_timeout(POLL_MS)


def pressed(page: Page, test_id: str) -> float:
    value = page.evaluate("id => window.__secketBench.clicks[id] ?? null", test_id)
    if value is None:
        raise BenchError(f"no click on {test_id!r} was seen")
    return float(value)


# Where the time to ready goes: Pyodide's JS and its WebAssembly received (Resource Timing),
# PyScript's interpreter up (its py:ready event, which the probe timestamps), the app ready.
PHASES_JS = """() => {
  const entries = performance.getEntriesByType("resource");
  const end = (suffix) => entries.find((entry) => entry.name.endsWith(suffix))?.responseEnd;
  const at = window.__secketBench.at;
  return {
    runtime: end("/pyodide.asm.mjs") ?? null,
    wasm: end("/pyodide.asm.wasm") ?? null,
    python: at.python ?? null,
    ready: at.ready ?? null,
  };
}"""


def phases(page: Page) -> dict[str, float]:
    """Navigation start → Pyodide's JS in, → its WebAssembly in, → Python up (PyScript's
    py:ready), → the app ready; each from navigation start, in ms."""
    times = page.evaluate(PHASES_JS)
    if None in times.values():
        return {}
    return {f"at_{name}": float(value) for name, value in times.items() if name != "ready"}
