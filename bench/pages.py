"""How fast the Secket pages are in headless Chromium: load, bytes, join, send.

Run from the repository root::

    .venv/bin/python -m bench.pages [--runs 5] [--base-url URL]

Without ``--base-url`` it starts ``secket serve`` on a free loopback port and stops it at the
end. Each run opens a receiver page in a fresh browser context (cold HTTP cache), makes a
room link, has a sender page (another fresh context) join it and send a short secret; then
loads both pages again in the same contexts (warm cache) and sends a 64 KiB secret. Then it
loads the plain-JavaScript baseline page (``baseline.py``) twice in a third fresh context,
cold and warm. It prints the median, minimum and maximum of each figure over the runs, the
ratio of Secket's load times to the baseline's, and each figure of issue 5 beside its target.

Times are read on the pages' own clock by ``probe.js`` (see there), so the benchmark's own
polling does not count. "Page open" is the moment Python calls ``page.goto``; "link shown"
is page open to ready plus the time from the click on "Receive a secret" to the link on
screen, i.e. for a person who clicks the moment the button is enabled.
"""

from __future__ import annotations

import argparse
import sys
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
    ConsoleMessage,
    Page,
    Playwright,
    expect,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from secket_server.snapshot import SNAPSHOT_FILE, URL_PREFIX

from .baseline import baseline_server
from .report import BASELINE_ROWS, PHASE_ROWS, ROWS, fmt, load_average, machine, table, targets
from .server import ServerError, local_server

if TYPE_CHECKING:
    from playwright._impl._api_structures import ViewportSize

PROBE = Path(__file__).with_name("probe.js").read_text(encoding="utf-8")
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
SNAPSHOT_PATH = URL_PREFIX + SNAPSHOT_FILE
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    "--allow-loopback-in-peer-connection",
    "--disable-dev-shm-usage",
]
VIEWPORT: ViewportSize = {"width": 1100, "height": 900}
SHORT_SECRET = "correct horse battery staple"
BIG_SECRET = "0123456789abcdef" * 4096  # 65,536 ASCII bytes, the largest secret the app takes
LOAD_TIMEOUT_S = 60.0
STEP_TIMEOUT_S = 20.0
POLL_MS = 10


class BenchError(RuntimeError):
    """The app did not reach a state the benchmark waits for."""


# Pages --------------------------------------------------------------------------------------
@dataclass
class Traffic:
    """What one page fetched, from the DevTools protocol's Network events."""

    requests: int = 0
    bytes: int = 0  # encodedDataLength: on the wire, headers included
    revalidated: int = 0  # answered 304 Not Modified
    cached: int = 0  # taken from the cache without asking the server
    failed: int = 0
    snapshot_bytes: int = 0  # of ``bytes``, the memory snapshot's
    ids: set[str] = field(default_factory=set, repr=False)
    cached_ids: set[str] = field(default_factory=set, repr=False)
    snapshot_ids: set[str] = field(default_factory=set, repr=False)

    def sent(self, event: dict[str, Any]) -> None:
        if event["requestId"] not in self.ids:
            self.ids.add(event["requestId"])
            self.requests += 1
        if urlsplit(event["request"]["url"]).path == SNAPSHOT_PATH:
            self.snapshot_ids.add(event["requestId"])

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
        if event["requestId"] in self.snapshot_ids:
            self.snapshot_bytes += int(event["encodedDataLength"])

    def snapshot(self) -> Traffic:
        return replace(self, ids=set(), cached_ids=set(), snapshot_ids=set())


@dataclass
class Bench:
    """The browser side: where contexts come from, and which origins the pages reached."""

    playwright: Playwright
    browser: Browser
    executable: str | None
    base: str
    baseline: str  # the plain-JavaScript page
    profile: bool  # a user profile on disk (as a person has) or an in-memory context
    outside: list[str] = field(default_factory=list)
    requests: int = 0
    messages: deque[str] = field(default_factory=lambda: deque(maxlen=20))

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
            if self.profile:
                directory = stack.enter_context(tempfile.TemporaryDirectory(prefix="secket-"))
                context = self.playwright.chromium.launch_persistent_context(
                    directory, executable_path=self.executable, args=FLAGS, viewport=VIEWPORT
                )
            else:
                context = self.browser.new_context(viewport=VIEWPORT)
            stack.callback(context.close)
            context.add_init_script(PROBE)
            if secket:
                context.on("request", lambda request: self.check_origin(request.url))
            yield context

    def new_page(self, context: BrowserContext) -> Page:
        page = context.new_page()
        page.on("websocket", lambda socket_: self.check_origin(socket_.url))
        page.on("pageerror", lambda error: self.messages.append(f"page error: {error}"))
        page.on("console", self._console)
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.messages.append(f"console {message.type}: {message.text[:500]}")


def watch_traffic(context: BrowserContext, page: Page) -> Traffic:
    traffic = Traffic()
    cdp = context.new_cdp_session(page)
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


def describe(page: Page) -> str:
    try:
        status, error = page.get_by_test_id("status"), page.get_by_test_id("error")
        state = status.get_attribute("data-state", timeout=2000)
        text, problem = status.text_content(timeout=2000), error.text_content(timeout=2000)
        return f"status {state}: {text!r}; error: {problem!r}"
    except Exception as exc:
        return f"(page unreadable: {exc})"


def mark(page: Page, name: str, timeout_s: float) -> float:
    """Wait until the probe saw state ``name``; return when it did (epoch ms)."""
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


# Where the time to ready goes, from Resource Timing: Pyodide's JS arrives, then
# loadPyodide() runs, and only after it does PyScript request the app's Python files.
PHASES_JS = """() => {
  const entries = performance.getEntriesByType("resource");
  const path = (entry) => new URL(entry.name).pathname;
  const runtime = entries.find((entry) => path(entry).endsWith("/pyodide.asm.mjs"));
  const files = entries.filter((entry) => /^\\/(vendor\\/)?py\\//.test(path(entry)));
  return {
    runtime: runtime ? runtime.responseEnd : null,
    files: files.length ? Math.min(...files.map((entry) => entry.startTime)) : null,
    ready: window.__secketBench.at.ready ?? null,
  };
}"""


def phases(page: Page) -> dict[str, float]:
    """Navigation start → Pyodide's JS loaded → app files requested → ready, in ms."""
    times = page.evaluate(PHASES_JS)
    runtime, files, ready = times["runtime"], times["files"], times["ready"]
    if None in (runtime, files, ready):
        return {}
    return {"to_runtime": runtime, "load_pyodide": files - runtime, "app_start": ready - files}


@dataclass(frozen=True)
class Load:
    ready_ms: float
    link_ms: float
    traffic: Traffic
    link: str
    phases: dict[str, float]


def open_receiver(
    bench: Bench, context: BrowserContext, url: str | None = None
) -> tuple[Page, Load]:
    """Open Secket's page (or the baseline's, ``url``) and have it show a room link."""
    page = bench.new_page(context)
    traffic = watch_traffic(context, page)
    opened = time.time() * 1000
    page.goto(url or bench.base, wait_until="commit", timeout=LOAD_TIMEOUT_S * 1000)
    ready = mark(page, "ready", LOAD_TIMEOUT_S)
    page.get_by_test_id("create-receive").click(timeout=STEP_TIMEOUT_S * 1000)
    shown = mark(page, "link", STEP_TIMEOUT_S)
    counted = traffic.snapshot()
    link = page.get_by_test_id("room-link").input_value()
    if not link.startswith("http"):
        raise BenchError(f"room link is {link!r}")
    click_to_link = shown - pressed(page, "create-receive")
    return page, Load(ready - opened, ready - opened + click_to_link, counted, link, phases(page))


def exchange(
    bench: Bench, receiver: Page, context: BrowserContext, link: str, secret: str
) -> tuple[Page, float, float]:
    """Open ``link`` as the sender, join, confirm on both sides and send ``secret``.

    Returns the sender's page, Join pressed to SAS shown, and Send pressed to secret shown.
    """
    timeout = STEP_TIMEOUT_S * 1000
    sender = bench.new_page(context)
    sender.goto(link, wait_until="commit", timeout=LOAD_TIMEOUT_S * 1000)
    mark(sender, "join", LOAD_TIMEOUT_S)
    sender.get_by_test_id("join").click(timeout=timeout)
    join_to_sas = mark(sender, "sas", STEP_TIMEOUT_S) - pressed(sender, "join")
    mark(receiver, "sas", STEP_TIMEOUT_S)
    codes = {
        page.get_by_test_id("sas-emoji").get_attribute("data-sas") for page in (receiver, sender)
    }
    if len(codes) != 1:
        raise BenchError(f"the two pages show different codes: {codes}")
    receiver.get_by_test_id("sas-match").click(timeout=timeout)
    expect(receiver.get_by_test_id("status")).to_have_attribute(
        "data-state", "verified", timeout=timeout
    )
    sender.get_by_test_id("sas-match").click(timeout=timeout)
    mark(sender, "unlocked", STEP_TIMEOUT_S)
    sender.get_by_test_id("secret-input").fill(secret, timeout=timeout)
    expect(sender.get_by_test_id("send-secret")).to_be_enabled(timeout=timeout)
    sender.get_by_test_id("send-secret").click(timeout=timeout)
    send_to_shown = mark(receiver, "secret", STEP_TIMEOUT_S) - pressed(sender, "send-secret")
    received = receiver.get_by_test_id("received-secret").text_content(timeout=timeout) or ""
    if received != secret:
        raise BenchError(f"sent {len(secret)} characters, the receiver shows {len(received)}")
    expect(sender.get_by_test_id("status")).to_have_attribute("data-state", "sent", timeout=timeout)
    return sender, join_to_sas, send_to_shown


def one_run(bench: Bench) -> dict[str, list[float]]:
    with bench.fresh_context() as receiving, bench.fresh_context() as sending:
        receiver, cold = open_receiver(bench, receiving)
        sender, join_cold, send_short = exchange(bench, receiver, sending, cold.link, SHORT_SECRET)
        receiver.close()
        sender.close()
        receiver, warm = open_receiver(bench, receiving)
        _, join_warm, send_big = exchange(bench, receiver, sending, warm.link, BIG_SECRET)
    with bench.fresh_context(secket=False) as plain:
        page, plain_cold = open_receiver(bench, plain, bench.baseline)
        page.close()
        page, plain_warm = open_receiver(bench, plain, bench.baseline)
        page.close()
    return {
        "baseline_ready_cold": [plain_cold.ready_ms],
        "baseline_link_cold": [plain_cold.link_ms],
        "baseline_ready_warm": [plain_warm.ready_ms],
        "baseline_link_warm": [plain_warm.link_ms],
        "baseline_bytes_cold": [plain_cold.traffic.bytes],
        # Secket's time over the baseline's in the same run, under the same load.
        "ratio_link_cold": [cold.link_ms / plain_cold.link_ms],
        "ratio_link_warm": [warm.link_ms / plain_warm.link_ms],
        **{f"{name}_cold": [value] for name, value in cold.phases.items()},
        **{f"{name}_warm": [value] for name, value in warm.phases.items()},
        "ready_cold": [cold.ready_ms],
        "link_cold": [cold.link_ms],
        "ready_warm": [warm.ready_ms],
        "link_warm": [warm.link_ms],
        "click_cold": [cold.link_ms - cold.ready_ms],
        "click_warm": [warm.link_ms - warm.ready_ms],
        "bytes_cold": [cold.traffic.bytes],
        "snapshot_bytes_cold": [cold.traffic.snapshot_bytes],
        "requests_cold": [cold.traffic.requests],
        "bytes_warm": [warm.traffic.bytes],
        "requests_warm": [warm.traffic.requests],
        "revalidated_warm": [warm.traffic.revalidated],
        "cached_warm": [warm.traffic.cached],
        "join_sas": [join_cold, join_warm],
        "send_short": [send_short],
        "send_big": [send_big],
    }


# Main ---------------------------------------------------------------------------------------
def benchmark(base: str, baseline: str, runs: int, profile: bool) -> None:
    samples: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        executable = str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        bench = Bench(playwright, browser, executable, base, baseline, profile)
        try:
            print("\n".join(machine(executable or "Playwright's chromium", browser.version)))
            contexts = "a new user profile on disk" if profile else "a new in-memory context"
            print(f"server:   {base} (baseline page: {baseline})")
            print(f"contexts: {contexts} per run\nruns:     {runs}\n")
            sys.stdout.flush()
            for run in range(1, runs + 1):
                try:
                    figures = one_run(bench)
                except (BenchError, PlaywrightError, AssertionError) as exc:
                    messages = "".join(f"\n  {line}" for line in bench.messages)
                    raise BenchError(
                        f"run {run}: {exc}\nlast browser messages:{messages}"
                    ) from None
                for key, values in figures.items():
                    samples.setdefault(key, []).extend(values)
                print(
                    f"run {run}/{runs}: link shown {fmt(figures['link_cold'][0], 's')} cold, "
                    f"{fmt(figures['link_warm'][0], 's')} warm (baseline "
                    f"{fmt(figures['baseline_link_cold'][0], 'ms')}, "
                    f"{fmt(figures['baseline_link_warm'][0], 'ms')}); 64 KiB shown "
                    f"{fmt(figures['send_big'][0], 'ms')} after Send; load {load_average()}",
                    file=sys.stderr,
                    flush=True,
                )
        finally:
            browser.close()
    print("\n".join(table(ROWS, samples)))
    print("\nthe plain-JavaScript baseline page, and Secket's time over its time in each run:\n")
    print("\n".join(table(BASELINE_ROWS, samples)))
    print("\nwhere page open → ready goes (from navigation start, Resource Timing):\n")
    print("\n".join(table(PHASE_ROWS, samples)))
    print("\nthe page figures of issue 5 (medians):\n")
    print("\n".join(targets(samples)))
    print(f"\nload average at the end: {load_average()}")
    print(f"requests to other origins: {len(bench.outside)} of {bench.requests}")
    for url in bench.outside[:20]:
        print(f"  {url}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pages", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--runs", type=int, default=5, help="number of runs (default 5)")
    parser.add_argument("--base-url", help="a running Secket; default: start secket serve")
    parser.add_argument(
        "--in-memory",
        action="store_true",
        help="use in-memory (incognito) contexts rather than a profile on disk; their HTTP "
        "cache drops large entries, so the 9.6 MB pyodide.asm.wasm is fetched on every load",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        with ExitStack() as stack:
            baseline = stack.enter_context(baseline_server())
            if args.base_url:
                base = args.base_url.rstrip("/") + "/"
            else:
                base = stack.enter_context(local_server())
            benchmark(base, baseline, args.runs, not args.in_memory)
    except (BenchError, ServerError) as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
