"""What /proc says about the processes under load (CPU time, memory, sockets), and this
process's open-file limit."""

from __future__ import annotations

import contextlib
import os
import resource
from collections.abc import Sequence
from pathlib import Path

#: File descriptors wanted per process: 10,000 sockets and then some.
NOFILE = 65_536


def raise_nofile() -> int:
    """Raise this process's open-file limit (children inherit it); return the soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    for wanted in (max(hard, NOFILE), hard):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, wanted))
            return wanted
    return soft


def _read(pids: Sequence[int], name: str) -> list[str] | None:
    """/proc/<pid>/<name> of each process; None if one of them is gone."""
    try:
        return [Path(f"/proc/{pid}/{name}").read_text() for pid in pids]
    except OSError:
        return None


def rss_kib(pids: Sequence[int]) -> int | None:
    """Resident memory of the processes, in KiB, from /proc/<pid>/status."""
    texts = _read(pids, "status")
    if texts is None:
        return None
    rss = [line for text in texts for line in text.splitlines() if line.startswith("VmRSS:")]
    return sum(int(line.split()[1]) for line in rss)


def cpu_seconds(pids: Sequence[int]) -> float | None:
    """User + system CPU time of the processes so far, from /proc/<pid>/stat."""
    texts = _read(pids, "stat")
    if texts is None:
        return None
    fields = [text.rsplit(")", 1)[1].split() for text in texts]
    return sum(int(f[11]) + int(f[12]) for f in fields) / os.sysconf("SC_CLK_TCK")


def open_sockets(pids: Sequence[int]) -> int | None:
    """TCP sockets held by the processes (listening socket included), from /proc/<pid>/fd."""
    count = 0
    for pid in pids:
        fd_dir = Path(f"/proc/{pid}/fd")
        try:
            names = os.listdir(fd_dir)
        except OSError:
            return None
        for name in names:
            with contextlib.suppress(OSError):
                count += os.readlink(fd_dir / name).startswith("socket:")
    return count
