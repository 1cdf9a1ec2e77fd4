"""The benchmark's report: the machine it ran on, and the table of figures."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import statistics
import subprocess
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# Figures ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    key: str
    label: str
    unit: str  # "s" and "ms" for times held in ms, "MB" and "KB" for bytes, "×" for ratios,
    # "" for counts
    target: float | None = None  # issue 5, in the row's unit
    #: Why the figure misses its target and what would reach it, as measured here
    #: (docs/benchmarks.md has the runs); may name this run's medians, as ``{key}``.
    why: str = ""


# Both page times miss for the same reasons.
_LOAD_WHY = (
    "the page waits for CPU work, not for the network. This run: "
    "{to_runtime} until PyScript's and Pyodide's JavaScript are in, {load_pyodide} for "
    "PyScript's own start and loadPyodide() from the memory snapshot (instantiating 9.6 MB of "
    "WebAssembly, restoring 31 MB of memory, V8 compiling each interpreter function the first "
    "time it runs), {app_start} for PyScript's work after it and the app's start. Starting "
    "Python before PyScript asks for it, V8 compile hints, an uncompressed snapshot and V8 "
    "flags for eager compilation were each measured and moved the median by less than the "
    "noise; starting Python without PyScript's loader took 0.28 s (cold) and 0.34 s (warm) "
    "off in an A/B (docs/benchmarks.md), not enough. What would reach it: a Python start "
    "that is not this much work on the page's main thread, which Pyodide 314 does not offer."
)
_BYTES_WHY = (
    "the memory snapshot is {snapshot_bytes_cold} of it. Without the snapshot the page "
    "transfers 5.59 MB and takes about twice as long to open; the time was judged worth "
    "more. What would reach it: serving less of the runtime to a snapshot start (the "
    "WebAssembly's data section, 1.3 MB with brotli, only fills memory the snapshot then "
    "overwrites; of the 2.5 MB standard library zip it needs only what it imports later), "
    "which means serving files other than the npm package's."
)

ROWS = (
    Row("ready_cold", "page open → ready, cold", "s"),
    Row("link_cold", "page open → link shown, cold", "s", 1.0, _LOAD_WHY),
    Row("ready_warm", "page open → ready, warm", "s"),
    Row("link_warm", "page open → link shown, warm", "s", 0.5, _LOAD_WHY),
    Row("click_cold", "of which Receive pressed → link shown, cold", "ms"),
    Row("click_warm", "of which Receive pressed → link shown, warm", "ms"),
    Row("bytes_cold", "transferred by link shown, cold", "MB", 6.0, _BYTES_WHY),
    Row("snapshot_bytes_cold", "of which the memory snapshot, cold", "MB"),
    Row("requests_cold", "requests by link shown, cold", ""),
    Row("bytes_warm", "transferred by link shown, warm", "KB", 100.0),
    Row("requests_warm", "requests by link shown, warm", ""),
    Row("revalidated_warm", "of which answered 304 Not Modified, warm", ""),
    Row("cached_warm", "of which taken from the browser's cache unasked, warm", ""),
    Row("join_sas", "Join pressed → SAS shown (sender)", "ms", 1000.0),
    Row("send_short", "Send pressed → shown, short secret", "ms"),
    Row("send_big", "Send pressed → shown, 64 KiB secret", "ms", 100.0),
)
BASELINE_ROWS = (
    Row("baseline_ready_cold", "baseline: page open → ready, cold", "ms"),
    Row("baseline_link_cold", "baseline: page open → link shown, cold", "ms"),
    Row("baseline_ready_warm", "baseline: page open → ready, warm", "ms"),
    Row("baseline_link_warm", "baseline: page open → link shown, warm", "ms"),
    Row("baseline_bytes_cold", "baseline: transferred by link shown, cold", "KB"),
    Row("ratio_link_cold", "Secket / baseline, page open → link shown, cold", "×"),
    Row("ratio_link_warm", "Secket / baseline, page open → link shown, warm", "×"),
)
PHASE_ROWS = tuple(
    Row(f"{key}_{cache}", f"{label}, {cache}", "s")
    for cache in ("cold", "warm")
    for key, label in (
        ("to_runtime", "HTML, PyScript and Pyodide's JS loaded"),
        ("load_pyodide", "loadPyodide() until the app's files are requested"),
        ("app_start", "app files fetched, imported, started (→ ready)"),
    )
)
SCALE = {"s": 1e-3, "ms": 1.0, "MB": 1e-6, "KB": 1e-3, "×": 1.0, "": 1.0}
DIGITS = {"s": 2, "ms": 0, "MB": 2, "KB": 1, "×": 1, "": 0}


def fmt(value: float, unit: str) -> str:
    text = f"{value * SCALE[unit]:,.{DIGITS[unit]}f}"
    return f"{text} {unit}" if unit else text


def table(rows: tuple[Row, ...], samples: dict[str, list[float]]) -> list[str]:
    """A Markdown table; the target columns only when some row has a target."""
    targets = any(row.target is not None for row in rows)
    head = ["measure", "median", "min", "max", "n"] + (["target", "met"] if targets else [])
    lines = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * (len(head) - 1)]
    for row in rows:
        values = samples.get(row.key, [])
        cells = [row.label]
        if values:
            cells += [fmt(statistics.median(values), row.unit)]
            cells += [fmt(min(values), row.unit), fmt(max(values), row.unit), str(len(values))]
        else:
            cells += ["not measured", "", "", "0"]
        if targets:
            cells += _target(row, values)
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def targets(samples: dict[str, list[float]]) -> list[str]:
    """Each page figure of issue 5 (the rows with a target): target, median, met; then why
    each one that misses misses, and what would reach it."""
    lines = ["| figure | target | median | met |", "| --- | ---: | ---: | :---: |"]
    misses = []
    for row in ROWS:
        if row.target is None:
            continue
        values = samples.get(row.key, [])
        target, met = _target(row, values)
        median = fmt(statistics.median(values), row.unit) if values else "not measured"
        lines.append(f"| {row.label} | {target} | {median} | {met or 'not measured'} |")
        if met == "no":
            misses.append(f"- {row.label} misses: " + row.why.format_map(_Medians(row, samples)))
    return lines + (["", *misses] if misses else [])


class _Medians(dict[str, str]):
    """``{key}`` in a row's ``why``: this run's median of that figure (the same cache
    state as the row's own, for the phase figures), formatted in its unit."""

    def __init__(self, row: Row, samples: dict[str, list[float]]) -> None:
        super().__init__()
        self.cache = "warm" if row.key.endswith("_warm") else "cold"
        self.samples = samples

    def __missing__(self, key: str) -> str:
        for name in (key, f"{key}_{self.cache}"):
            unit = next((r.unit for r in ROWS + PHASE_ROWS if r.key == name), None)
            values = self.samples.get(name)
            if unit is not None and values:
                return fmt(statistics.median(values), unit)
        return "(not measured)"


def _target(row: Row, values: list[float]) -> list[str]:
    if row.target is None:
        return ["", ""]
    target = "≤ " + fmt(row.target / SCALE[row.unit], row.unit)
    if not values:
        return [target, ""]
    met = statistics.median(values) * SCALE[row.unit] <= row.target
    return [target, "yes" if met else "no"]


# The machine --------------------------------------------------------------------------------
def _first(path: str, key: str) -> str | None:
    with suppress(OSError):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition(":" if ":" in line else "=")
            if name.strip() == key:
                return value.strip().strip('"')
    return None


def _git_revision() -> str:
    with suppress(OSError, subprocess.CalledProcessError):
        return subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    return "unknown"


def load_average() -> str:
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def machine(executable: str, version: str) -> list[str]:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = _first("/proc/meminfo", "MemTotal")
    os_name = _first("/etc/os-release", "PRETTY_NAME") or platform.platform()
    return [
        f"machine:  {os_name}, {platform.machine()}, {cpus} CPUs, "
        f"{_first('/proc/cpuinfo', 'model name') or platform.processor() or 'unknown CPU'}"
        + (f", {int(memory.split()[0]) / 2**20:.1f} GiB RAM" if memory else ""),
        f"browser:  {executable} {version} (headless)",
        f"python:   {platform.python_version()}, playwright "
        f"{importlib.metadata.version('playwright')}",
        f"app:      {_git_revision()}",
        f"load:     {load_average()} (1, 5, 15 min) at start",
    ]
