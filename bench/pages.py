"""How fast the Secket pages are in headless Chromium, on a desktop and on emulated phones.

Run from the repository root::

    .venv/bin/python -m bench.pages [--profiles desktop,4g,slow4g] [--runs N] [--base-url URL]

Without ``--base-url`` it starts ``secket serve`` on a free loopback port and stops it at the
end. Each profile (``browser.PROFILES``) is run in turn, each run with fresh browser
profiles on disk (cold HTTP cache). A desktop run opens a receiver page, makes a room link,
has a sender page (another fresh profile) open it, join and send a short secret; then loads
both pages again in the same profiles (warm cache) and sends a 64 KiB secret; then loads
the plain-JavaScript baseline page (``baseline.py``) twice in a third fresh profile. A phone
run emulates the phone's CPU and network before every navigation and loads the receiver
page to its link, the link in a sender page to Join enabled, and the baseline page, all
cold. It prints the median, minimum and maximum of each figure per profile, the ratio of
Secket's times to the baseline's in the same runs, and each target beside this run.

Times are read on the pages' own clock by ``probe.js`` (see there), so the benchmark's own
polling does not count. "Page open" is the moment Python calls ``page.goto``; "link shown"
is page open to ready plus the time from the click on "Receive a secret" to the link on
screen, i.e. for a person who clicks the moment the button is enabled.
"""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass

from playwright.sync_api import BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from .baseline import baseline_server
from .browser import (
    DESKTOP,
    PROFILES,
    Bench,
    BenchError,
    Profile,
    Traffic,
    mark,
    phases,
    pressed,
)
from .report import DESKTOP_ROWS, PHONE_ROWS, Samples, fmt, load_average, machine, table, targets
from .server import ServerError, secket_url

SHORT_SECRET = "correct horse battery staple"
BIG_SECRET = "0123456789abcdef" * 4096  # 65,536 ASCII bytes, the largest secret the app takes


@dataclass(frozen=True)
class Load:
    """A receiver page (Secket's or the baseline's) opened until it showed a room link."""

    heading_ms: float | None  # first meaningful paint; the baseline page has no heading
    contentful_ms: float | None
    ready_ms: float
    link_ms: float
    traffic: Traffic
    link: str
    phases: dict[str, float]

    def figures(self, cache: str) -> Samples:
        paints = {"heading": self.heading_ms, "contentful": self.contentful_ms}
        return {
            **{f"{name}_{cache}": [value] for name, value in paints.items() if value is not None},
            f"ready_{cache}": [self.ready_ms],
            f"link_{cache}": [self.link_ms],
            f"click_{cache}": [self.link_ms - self.ready_ms],
            **{f"{name}_{cache}": [value] for name, value in self.phases.items()},
        }


@dataclass(frozen=True)
class Opened:
    """A room link opened in a sender page until Join was enabled."""

    heading_ms: float
    join_ms: float
    traffic: Traffic

    def figures(self, cache: str) -> Samples:
        return {
            f"opener_heading_{cache}": [self.heading_ms],
            f"opener_join_{cache}": [self.join_ms],
        }


def painted(page: Page, name: str, opened: float, profile: Profile) -> float:
    """Page open → paint ``name``, in ms. Read once the page is up: the paint came before."""
    return mark(page, name, profile.step_timeout_s) - opened


def open_receiver(
    bench: Bench, context: BrowserContext, profile: Profile, url: str | None = None
) -> tuple[Page, Load]:
    """Open Secket's page (or the baseline's, ``url``) and have it show a room link."""
    page, traffic = bench.new_page(context, profile)
    opened = time.time() * 1000
    page.goto(url or bench.base, wait_until="commit", timeout=profile.load_timeout_s * 1000)
    ready = mark(page, "ready", profile.load_timeout_s)
    page.get_by_test_id("create-receive").click(timeout=profile.step_timeout_s * 1000)
    shown = mark(page, "link", profile.step_timeout_s)
    counted = traffic.snapshot()
    link = page.get_by_test_id("room-link").input_value()
    if not link.startswith("http"):
        raise BenchError(f"room link is {link!r}")
    click_to_link = shown - pressed(page, "create-receive")
    heading = None if url else painted(page, "heading", opened, profile)
    contentful = None if url else painted(page, "contentful", opened, profile)
    load = Load(
        heading, contentful, ready - opened, ready - opened + click_to_link, counted, link,
        phases(page),
    )  # fmt: skip
    return page, load


def open_link(
    bench: Bench, context: BrowserContext, profile: Profile, link: str
) -> tuple[Page, Opened]:
    """Open a room link as the sender, until its Join button is enabled."""
    page, traffic = bench.new_page(context, profile)
    opened = time.time() * 1000
    page.goto(link, wait_until="commit", timeout=profile.load_timeout_s * 1000)
    join = mark(page, "join", profile.load_timeout_s) - opened
    counted = traffic.snapshot()
    return page, Opened(painted(page, "heading", opened, profile), join, counted)


def exchange(receiver: Page, sender: Page, secret: str) -> tuple[float, float]:
    """Join, confirm on both sides and send ``secret``: Join pressed → SAS shown, and Send
    pressed → secret shown, in ms."""
    step = DESKTOP.step_timeout_s
    timeout = step * 1000
    sender.get_by_test_id("join").click(timeout=timeout)
    join_to_sas = mark(sender, "sas", step) - pressed(sender, "join")
    mark(receiver, "sas", step)
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
    mark(sender, "unlocked", step)
    sender.get_by_test_id("secret-input").fill(secret, timeout=timeout)
    expect(sender.get_by_test_id("send-secret")).to_be_enabled(timeout=timeout)
    sender.get_by_test_id("send-secret").click(timeout=timeout)
    send_to_shown = mark(receiver, "secret", step) - pressed(sender, "send-secret")
    received = receiver.get_by_test_id("received-secret").text_content(timeout=timeout) or ""
    if received != secret:
        raise BenchError(f"sent {len(secret)} characters, the receiver shows {len(received)}")
    expect(sender.get_by_test_id("status")).to_have_attribute("data-state", "sent", timeout=timeout)
    return join_to_sas, send_to_shown


def baseline_loads(bench: Bench, profile: Profile, warm: bool) -> list[Load]:
    """The plain-JavaScript page in a fresh profile: cold, then (``warm``) again."""
    loads = []
    with bench.fresh_context(secket=False) as plain:
        for _ in range(2 if warm else 1):
            page, load = open_receiver(bench, plain, profile, bench.baseline)
            page.close()
            loads.append(load)
    return loads


def compared(cold: Load, opener: Opened, plain: Load) -> Samples:
    """Secket's figures beside the baseline's, taken in the same run, under the same load."""
    return {
        **cold.figures("cold"),
        **opener.figures("cold"),
        "bytes_cold": [cold.traffic.bytes],
        "library_bytes_cold": [cold.traffic.library_bytes],
        "requests_cold": [cold.traffic.requests],
        "opener_bytes_cold": [opener.traffic.bytes],
        "baseline_link_cold": [plain.link_ms],
        "ratio_link_cold": [cold.link_ms / plain.link_ms],
        # The baseline's button enabled is its page ready: the work Join waits for.
        "ratio_join_cold": [opener.join_ms / plain.ready_ms],
    }


def desktop_run(bench: Bench) -> Samples:
    with bench.fresh_context() as receiving:
        receiver, cold = open_receiver(bench, receiving, DESKTOP)
        # The sender's browser starts only now: starting, it took CPU from the page loading
        # beside it on this 2-core machine.
        with bench.fresh_context() as sending:
            sender, opened_cold = open_link(bench, sending, DESKTOP, cold.link)
            join_cold, send_short = exchange(receiver, sender, SHORT_SECRET)
            receiver.close()
            sender.close()
            receiver, warm = open_receiver(bench, receiving, DESKTOP)
            sender, opened_warm = open_link(bench, sending, DESKTOP, warm.link)
            join_warm, send_big = exchange(receiver, sender, BIG_SECRET)
    plain_cold, plain_warm = baseline_loads(bench, DESKTOP, warm=True)
    return {
        **compared(cold, opened_cold, plain_cold),
        **warm.figures("warm"),
        **opened_warm.figures("warm"),
        "bytes_warm": [warm.traffic.bytes],
        "requests_warm": [warm.traffic.requests],
        "revalidated_warm": [warm.traffic.revalidated],
        "cached_warm": [warm.traffic.cached],
        "join_sas": [join_cold, join_warm],
        "send_short": [send_short],
        "send_big": [send_big],
        "baseline_link_warm": [plain_warm.link_ms],
        "ratio_link_warm": [warm.link_ms / plain_warm.link_ms],
    }


def phone_run(bench: Bench, profile: Profile) -> Samples:
    # One phone at a time, as two people have two phones: on this 2-core machine a second
    # browser starting, or the receiver's page left running (its WebAssembly still being
    # optimised in the background), took 0.6-0.9 s of CPU from the page being measured.
    # Join is not pressed: the link needs no room to show its Join button.
    with bench.fresh_context() as receiving:
        _, cold = open_receiver(bench, receiving, profile)
    with bench.fresh_context() as sending:
        _, opened = open_link(bench, sending, profile, cold.link)
    (plain,) = baseline_loads(bench, profile, warm=False)
    return compared(cold, opened, plain)


def progress(profile: Profile, run: int, runs: int, figures: Samples) -> str:
    def first(key: str, unit: str) -> str:
        values = figures.get(key)
        return fmt(values[0], unit) if values else "-"

    line = (
        f"{profile.label}, run {run}/{runs}: heading {first('heading_cold', 's')}, link shown "
        f"{first('link_cold', 's')} cold"
    )
    if "link_warm" in figures:
        line += f", {first('link_warm', 's')} warm"
    return (
        f"{line} (baseline {first('baseline_link_cold', 's')}); opener's Join enabled "
        f"{first('opener_join_cold', 's')}; {first('bytes_cold', 'MB')}; load {load_average()}"
    )


# Main ---------------------------------------------------------------------------------------
def benchmark(
    base: str, baseline: str, profiles: list[Profile], runs: int | None, on_disk: bool
) -> None:
    results: dict[str, Samples] = {}
    with sync_playwright() as playwright:
        bench = Bench.launch(playwright, base, baseline, on_disk)
        browser = bench.browser
        try:
            print("\n".join(machine(bench.executable or "Playwright's chromium", browser.version)))
            contexts = "a new user profile on disk" if on_disk else "a new in-memory context"
            print(f"server:   {base} (baseline page: {baseline})")
            print(f"contexts: {contexts} per page and run\n")
            sys.stdout.flush()
            for profile in profiles:
                count = runs or profile.runs
                samples = results.setdefault(profile.name, {})
                for run in range(1, count + 1):
                    try:
                        figures = (
                            desktop_run(bench) if profile is DESKTOP else phone_run(bench, profile)
                        )
                    except (BenchError, PlaywrightError, AssertionError) as exc:
                        messages = "".join(f"\n  {line}" for line in bench.messages)
                        raise BenchError(
                            f"{profile.label}, run {run}: {exc}\nlast browser messages:{messages}"
                        ) from None
                    for key, values in figures.items():
                        samples.setdefault(key, []).extend(values)
                    print(progress(profile, run, count, figures), file=sys.stderr, flush=True)
        finally:
            browser.close()
    for profile in profiles:
        rows = DESKTOP_ROWS if profile is DESKTOP else PHONE_ROWS
        count = len(results[profile.name].get("link_cold", []))
        print(f"\n{profile.describe()}; runs: {count}\n")
        print("\n".join(table(rows, results[profile.name])))
    print("\nthe targets (medians):\n")
    print("\n".join(targets(results)))
    print(f"\nload average at the end: {load_average()}")
    print(f"requests to other origins: {len(bench.outside)} of {bench.requests}")
    for url in bench.outside[:20]:
        print(f"  {url}")


def parse_profiles(text: str) -> list[Profile]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in PROFILES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"profiles are a comma-separated list of {', '.join(PROFILES)}"
        )
    return [PROFILES[name] for name in dict.fromkeys(names)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pages", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument(
        "--profiles",
        type=parse_profiles,
        default=list(PROFILES.values()),
        help=f"which, in order (default {','.join(PROFILES)})",
    )
    parser.add_argument(
        "--runs",
        type=int,
        help="runs per profile (default: "
        + ", ".join(f"{p.name} {p.runs}" for p in PROFILES.values())
        + ")",
    )
    parser.add_argument("--base-url", help="a running Secket; default: start secket serve")
    parser.add_argument(
        "--in-memory",
        action="store_true",
        help="use in-memory (incognito) contexts rather than a profile on disk; their HTTP "
        "cache drops large entries, so the 9.6 MB pyodide.asm.wasm is fetched on every load",
    )
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        with ExitStack() as stack:
            baseline = stack.enter_context(baseline_server())
            base = secket_url(stack, args.base_url)
            benchmark(base, baseline, args.profiles, args.runs, not args.in_memory)
    except (BenchError, ServerError) as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
