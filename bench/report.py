"""The page benchmark's report: the machine it ran on, its tables, and the targets."""

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

#: A profile's figures: key → one value per sample (times in ms, bytes in bytes).
Samples = dict[str, list[float]]


# Figures ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    key: str
    label: str
    unit: str  # "s" and "ms" for times held in ms, "MB" and "KB" for bytes, "×" for ratios,
    # "" for counts


def _load_rows(cache: str) -> tuple[Row, ...]:
    return (
        Row(f"contentful_{cache}", f"page open → first contentful paint, {cache}", "s"),
        Row(f"heading_{cache}", f"page open → first meaningful paint, {cache}", "s"),
        Row(f"ready_{cache}", f"page open → ready (Python), {cache}", "s"),
        Row(f"link_{cache}", f"page open → link shown, {cache}", "s"),
        Row(f"click_{cache}", f"of which Receive pressed → link shown, {cache}", "ms"),
    )


def _opener_rows(cache: str) -> tuple[Row, ...]:
    return (
        Row(
            f"opener_heading_{cache}", f"opener: link opened → first meaningful paint, {cache}", "s"
        ),
        Row(f"opener_join_{cache}", f"opener: link opened → Join enabled, {cache}", "s"),
    )


def _phase_rows(cache: str) -> tuple[Row, ...]:
    return (
        Row(f"at_runtime_{cache}", f"navigation → Pyodide's JS received, {cache}", "s"),
        Row(f"at_wasm_{cache}", f"navigation → its WebAssembly received, {cache}", "s"),
        Row(f"at_python_{cache}", f"navigation → Python up (PyScript's py:ready), {cache}", "s"),
    )


_COLD_BYTES = (
    Row("bytes_cold", "transferred by link shown, cold", "MB"),
    Row("library_bytes_cold", "of which the derived standard library, cold", "MB"),
    Row("requests_cold", "requests by link shown, cold", ""),
    Row("opener_bytes_cold", "opener: transferred by Join enabled, cold", "MB"),
)
_BASELINE_COLD = (
    Row("baseline_link_cold", "baseline: page open → link shown, cold", "ms"),
    Row("ratio_link_cold", "Secket / baseline, page open → link shown, cold", "×"),
    Row("ratio_join_cold", "opener → Join enabled / baseline page open → ready, cold", "×"),
)
#: The desktop profile: cold and warm loads, the hand-over, the baseline, the phases.
DESKTOP_ROWS = (
    *_load_rows("cold"),
    *_load_rows("warm"),
    *_opener_rows("cold"),
    *_opener_rows("warm"),
    *_COLD_BYTES,
    Row("bytes_warm", "transferred by link shown, warm", "KB"),
    Row("requests_warm", "requests by link shown, warm", ""),
    Row("revalidated_warm", "of which answered 304 Not Modified, warm", ""),
    Row("cached_warm", "of which taken from the browser's cache unasked, warm", ""),
    Row("join_sas", "Join pressed → SAS shown (sender)", "ms"),
    Row("send_short", "Send pressed → shown, short secret", "ms"),
    Row("send_big", "Send pressed → shown, 64 KiB secret", "ms"),
    *_BASELINE_COLD,
    Row("baseline_link_warm", "baseline: page open → link shown, warm", "ms"),
    Row("ratio_link_warm", "Secket / baseline, page open → link shown, warm", "×"),
    *_phase_rows("cold"),
    *_phase_rows("warm"),
)
#: An emulated phone: cold loads of both pages and the baseline's.
PHONE_ROWS = (
    *_load_rows("cold"),
    *_opener_rows("cold"),
    *_COLD_BYTES,
    *_BASELINE_COLD,
    *_phase_rows("cold"),
)
SCALE = {"s": 1e-3, "ms": 1.0, "MB": 1e-6, "KB": 1e-3, "×": 1.0, "": 1.0}
DIGITS = {"s": 2, "ms": 0, "MB": 2, "KB": 1, "×": 1, "": 0}


def fmt(value: float, unit: str, digits: int | None = None) -> str:
    text = f"{value * SCALE[unit]:,.{DIGITS[unit] if digits is None else digits}f}"
    return f"{text} {unit}" if unit else text


def table(rows: tuple[Row, ...], samples: Samples) -> list[str]:
    """A Markdown table of each row's median, minimum and maximum; unmeasured rows left out."""
    lines = ["| measure | median | min | max | n |", "| --- | ---: | ---: | ---: | ---: |"]
    for row in rows:
        values = samples.get(row.key, [])
        if values:
            cells = [row.label, fmt(statistics.median(values), row.unit)]
            cells += [fmt(min(values), row.unit), fmt(max(values), row.unit), str(len(values))]
            lines.append("| " + " | ".join(cells) + " |")
    return lines


# Targets ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """A figure's limit, in ``unit``, stated to ``digits`` decimals: a median meets it when,
    rounded to that precision, it is not above it ("no worse than 0.55 s" is met by 549 ms)."""

    profiles: tuple[str, ...]  # taken from the first of these that ran
    key: str
    label: str
    limit: float
    unit: str
    digits: int

    def check(self, runs: dict[str, Samples]) -> tuple[str, str]:
        """This run's median (with one decimal more than the target) and met / not."""
        for profile in self.profiles:
            values = runs.get(profile, {}).get(self.key)
            if values:
                median = statistics.median(values)
                rounded = round(median * SCALE[self.unit], self.digits)
                shown = fmt(median, self.unit, self.digits + 1)
                return shown, "yes" if rounded <= self.limit else "no"
        return "not measured", ""

    def shown(self) -> str:
        return f"≤ {self.limit:,.{self.digits}f} {self.unit}"


_ANY = ("desktop", "4g", "slow4g")
TARGETS = (
    Target(_ANY, "bytes_cold", "bytes on the wire by link shown, cold", 4.0, "MB", 1),
    Target(("4g",), "link_cold", "4G phone: page open → link shown, cold", 5.0, "s", 1),
    Target(("slow4g",), "link_cold", "slow 4G: page open → link shown, cold", 25, "s", 0),
    Target(("4g",), "heading_cold", "4G phone: page open → first meaningful paint", 1.0, "s", 1),
    Target(("desktop",), "link_cold", "desktop: page open → link shown, cold", 1.0, "s", 1),
    Target(("desktop",), "link_warm", "desktop: page open → link shown, warm", 0.5, "s", 1),
    Target(("desktop",), "join_sas", "desktop: Join pressed → SAS shown", 0.55, "s", 2),
    Target(("desktop",), "send_big", "desktop: Send pressed → shown, 64 KiB", 75, "ms", 0),
    Target(("desktop",), "bytes_warm", "desktop: bytes by link shown, warm", 25, "KB", 0),
)


def targets(runs: dict[str, Samples]) -> list[str]:
    """Each target beside this run's median, and whether it is met."""
    lines = ["| figure | target | now (median) | met |", "| --- | ---: | ---: | :---: |"]
    for target in TARGETS:
        now, met = target.check(runs)
        lines.append(f"| {target.label} | {target.shown()} | {now} | {met} |")
    return lines


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
