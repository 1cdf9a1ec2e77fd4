"""Pyodide with and without WebAssembly stack switching (JSPI), in headless Chromium.

app/interpreter.mjs hides JSPI from Pyodide (docs/design.md, "No WebAssembly stack
switching"). This measures what that changes for Python that awaits JavaScript promises, as
all of Secket's Python does: the same pinned Pyodide, alternately with JSPI and without, in a
fresh page each time. Run from the repository root::

    .venv/bin/python -m bench.jspi [--runs 4] [--tasks 8] [--awaits 160000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

from playwright.sync_api import sync_playwright

from secket_server.config import DEFAULT_ROOT

from .baseline import loopback_server
from .browser import DEBIAN_CHROMIUM, FLAGS
from .report import Row, machine, table

PAGE = Path(__file__).with_name("jspi_page") / "index.html"
PYODIDE = DEFAULT_ROOT / "node_modules" / "pyodide"


class _Handler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        ".html": "text/html; charset=utf-8",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".zip": "application/zip",
    }

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0]
        if path.startswith("/pyodide/"):
            return str(PYODIDE / path.removeprefix("/pyodide/"))
        return str(PAGE)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def one(browser: Any, url: str, timeout_s: float = 300) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = context.new_page()
        crashed: list[bool] = []
        page.on("crash", lambda _: crashed.append(True))
        page.goto(url)
        deadline = time.monotonic() + timeout_s
        while not crashed and time.monotonic() < deadline:
            result: dict[str, Any] = page.evaluate("() => window.benchResult ?? {}")
            if result.get("done"):
                return result
            time.sleep(0.2)
        return {"error": "the page crashed" if crashed else f"not done in {timeout_s} s"}
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.jspi", description=__doc__)
    parser.add_argument("--runs", type=int, default=4, help="pages per mode (default 4)")
    parser.add_argument("--tasks", type=int, default=8, help="asyncio tasks (default 8)")
    parser.add_argument("--awaits", type=int, default=160_000, help="awaits in all")
    args = parser.parse_args(argv)
    executable = str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None
    times: dict[str, dict[str, list[float]]] = {m: {"load": [], "loop": []} for m in ("on", "off")}
    with sync_playwright() as playwright, loopback_server(_Handler, "jspi") as base:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        print("\n".join(machine(executable or "Playwright's chromium", browser.version)))
        print(f"work:     {args.awaits:,} awaits of a resolved promise in {args.tasks} tasks\n")
        for run in range(args.runs):
            for mode in ("on", "off") if run % 2 == 0 else ("off", "on"):
                url = f"{base}?jspi={mode}&tasks={args.tasks}&awaits={args.awaits}"
                result = one(browser, url)
                if "error" in result:
                    print(f"JSPI {mode}, run {run + 1}: {result['error']}", file=sys.stderr)
                    return 1
                if result["jspi"] != (mode == "on"):
                    print(
                        f"JSPI {mode}, run {run + 1}: Pyodide said jspiSupported={result['jspi']}",
                        file=sys.stderr,
                    )
                    return 1
                times[mode]["load"].append(result["loadMs"])
                times[mode]["loop"].append(result["loopMs"])
                print(
                    f"JSPI {mode}, run {run + 1}: loadPyodide {result['loadMs']:,.0f} ms, "
                    f"awaits {result['loopMs']:,.0f} ms",
                    flush=True,
                )
        browser.close()
    rows = tuple(
        Row(f"{mode}_{name}", f"JSPI {mode}: {label}", "ms")
        for mode in ("on", "off")
        for name, label in (("load", "loadPyodide()"), ("loop", "the awaits"))
    )
    samples = {f"{mode}_{name}": v for mode, d in times.items() for name, v in d.items()}
    print()
    print("\n".join(table(rows, samples)))
    on, off = (statistics.median(times[m]["loop"]) for m in ("on", "off"))
    print(f"\nwithout JSPI the awaits take {off / on:.2f} × the time they take with it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
