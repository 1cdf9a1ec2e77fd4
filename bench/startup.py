"""Where the CPU of a cold start goes, from the browser's own sampling profiler.

Opens Secket's page cold on a profile (a new user profile on disk each run), with the
DevTools protocol's Profiler sampling the page's main thread every 0.2 ms, until the app is
ready. For each run it prints when the WebAssembly arrived and, from the samples, the span
and the busy time of each step of Pyodide's start: the WebAssembly instantiated
(``receiveInstance``), ``Py_Initialize`` (``callMain``), Pyodide's own bootstrap
(``API.finalizeBootstrap``, which imports ``_pyodide_core`` and through it asyncio and the
rest); then Python up (PyScript's ``py:ready``) and the page ready. The names are those of
the pinned ``pyodide.asm.mjs``; a step not found is reported as such. ``--save DIR`` keeps
each ``.cpuprofile`` (Chromium DevTools opens them). The sampler itself costs some CPU:
these spans say where the time goes, ``bench.pages`` says how long it takes.

    python -m bench.startup --profile 4g --runs 3
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from .browser import PROFILES, Bench, BenchError, Profile, mark
from .server import ServerError, secket_url

#: Pyodide's start, step by step: (what a person reads, the function in pyodide.asm.mjs).
STEPS = (
    ("WebAssembly instantiated", "receiveInstance"),
    ("Py_Initialize", "callMain"),
    ("Pyodide's bootstrap (import _pyodide_core, ...)", "API.finalizeBootstrap"),
)
SAMPLING_US = 200


def spans(profile: dict[str, Any], names: set[str]) -> dict[str, tuple[float, float, float]]:
    """Function name -> (first sample, last sample, busy ms) of the samples with that
    function on the stack; times in ms from the profile's start."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", ())}
    found: dict[str, tuple[float, float, float]] = {}
    clock = profile["startTime"]
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        clock += delta
        at = (clock - profile["startTime"]) / 1000
        on_stack, node = set(), sample
        while node is not None:
            on_stack.add(nodes[node]["callFrame"]["functionName"])
            node = parent.get(node)
        for name in names & on_stack:
            first, _, busy = found.get(name, (at, at, 0.0))
            found[name] = (first, at, busy + delta / 1000)
    return found


def cold_start(bench: Bench, profile: Profile, save: Path | None, run: int) -> list[str]:
    with bench.fresh_context() as context:
        page, _ = bench.new_page(context, profile)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": SAMPLING_US})
        cdp.send("Profiler.start")
        page.goto(bench.base, wait_until="commit", timeout=profile.load_timeout_s * 1000)
        mark(page, "ready", profile.load_timeout_s)
        sampled = cdp.send("Profiler.stop")["profile"]
        # Navigation start on the monotonic clock the profiler stamps its samples with.
        metrics = cdp.send("Performance.getMetrics")["metrics"]
        navigation_s = next(m["value"] for m in metrics if m["name"] == "NavigationStart")
        wasm = page.evaluate(
            """() => performance.getEntriesByType("resource")
                .find((entry) => entry.name.endsWith("/pyodide.asm.wasm"))?.responseEnd ?? null"""
        )
        at = page.evaluate("window.__secketBench.at")
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{profile.name}-{run}.cpuprofile").write_text(json.dumps(sampled))
    shift = sampled["startTime"] / 1000 - navigation_s * 1000  # profile start → navigation
    found = spans(sampled, {name for _, name in STEPS})
    lines = [f"  WebAssembly received at {wasm / 1000:.2f} s" if wasm else "  no WebAssembly seen"]
    for label, name in STEPS:
        if name not in found:
            lines.append(f"  {label}: not found in the profile ({name})")
            continue
        first, last, busy = found[name]
        lines.append(
            f"  {label}: {(first + shift) / 1000:.2f} → {(last + shift) / 1000:.2f} s,"
            f" busy {busy:.0f} ms"
        )
    python, ready = at["python"] / 1000, at["ready"] / 1000
    lines.append(f"  Python up (py:ready) at {python:.2f} s, ready at {ready:.2f} s")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.startup", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--profile", choices=list(PROFILES), default="4g")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--save", type=Path, help="a directory to keep the .cpuprofile files in")
    parser.add_argument("--base-url", help="a running Secket; default: start secket serve")
    args = parser.parse_args(argv)
    profile = PROFILES[args.profile]
    try:
        with sync_playwright() as playwright, ExitStack() as stack:
            base = secket_url(stack, args.base_url)
            bench = Bench.launch(playwright, base, base, on_disk=True)
            stack.callback(bench.browser.close)
            print(f"{profile.describe()}; the receiver's page, cold; times from navigation start")
            for run in range(1, args.runs + 1):
                print(f"run {run}/{args.runs}:")
                print("\n".join(cold_start(bench, profile, args.save, run)), flush=True)
    except (BenchError, ServerError) as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
