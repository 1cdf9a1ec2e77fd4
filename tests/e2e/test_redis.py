"""Two real ``secket serve --redis`` processes and one real redis-server, used from Chromium.

The receiver's page is served by process 1 and the sender's by process 2, as a load balancer
in front of several processes would send them: the link is the same, only the origin
differs. The whole hand-over completes across the two processes, and a third person is
refused on either process while both pages are warned.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.daemons import ServerProcess

from .attackers import app_root
from .conftest import People
from .flows import create_room, expect_warned, hand_over, join, open_link, refused_as_third, sas_of


@pytest.fixture
def processes(redis_url: str, tmp_path: Path) -> Iterator[list[ServerProcess]]:
    started = [
        ServerProcess(tmp_path / f"server-{n}.log", ("--redis", redis_url), app_root()).start()
        for n in (1, 2)
    ]
    yield started
    for process in started:
        process.stop()


def on(process: ServerProcess, link: str) -> str:
    """The same link, opened through ``process``."""
    _, _, fragment = link.partition("#")
    return f"{process.url}#{fragment}"


def test_a_hand_over_across_two_processes_and_a_third_person_refused_on_each(
    browser: Browser, processes: list[ServerProcess]
) -> None:
    one, two = processes
    crowds = [People(browser, one.url), People(browser, two.url)]
    try:
        receiver = crowds[0].open("receiver")
        link = create_room(receiver, "create-receive")
        sender = crowds[1].open("sender", path=None)
        open_link(sender, on(two, link))
        join(sender)
        assert sas_of(receiver) == sas_of(sender)

        for n, process in enumerate(processes, start=1):
            intruder: Page = crowds[n - 1].open(f"intruder on process {n}", path=None)
            refused_as_third(intruder, on(process, link))
        expect_warned(receiver, sender)

        hand_over(sender, receiver, "one room, two processes")
        assert [p for crowd in crowds for p in crowd.problems()] == []
    finally:
        for crowd in crowds:
            crowd.close()
