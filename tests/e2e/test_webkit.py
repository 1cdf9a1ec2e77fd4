"""WebKit smoke test: what Debian's WebKitGTK can show of Secket.

WebKitGTK is the engine Safari is built on, and the one WebKit Playwright cannot download
here. Debian builds it without WebRTC, so no flow can run in it; what it can show runs here:
Python starts (from the derived runtime, and without it), the page takes a link's secret out
of the address bar, says clearly that this browser cannot connect, and Secket's HPKE over
WebKit's WebCrypto agrees with CPython's. docs/browsers.md says what that leaves untested
on Safari.

Selenium drives MiniBrowser through WebKitWebDriver on an Xvfb display of the session's own
(``x_display`` in tests/conftest.py). Without those (Debian's webkit2gtk-driver and xvfb)
the tests are skipped with the reason, except under CI, where scripts/system-deps.sh
installs them and a skip would hide a gap.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from aiohttp import web
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

from secket.core.link import new_link
from secket.core.roles import Role
from secket_server.runtime import URL_PREFIX
from tests.conftest import need, need_binary
from tests.daemons import find_minibrowser

from .conftest import LiveServer, start_server
from .test_interop import assert_agrees, case, interop_server  # noqa: F401  (fixtures)

# Selenium's own WebKitGTK driver still sets an option it deprecated.
pytestmark = pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")

READY_S = 60


@pytest.fixture(scope="module")
def webkit(x_display: str) -> Iterator[webdriver.WebKitGTK]:
    options = Options()
    options.binary_location = need(find_minibrowser)
    options.add_argument("--automation")
    options.add_argument("--enable-mock-capture-devices=true")
    service = Service(
        executable_path=need_binary("WebKitWebDriver", "webkit2gtk-driver"),
        env={**os.environ, "DISPLAY": x_display},
    )
    driver = webdriver.WebKitGTK(options=options, service=service)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def server_without_runtime() -> Iterator[LiveServer]:
    """The app, but its derived runtime answers 404 (as on a host that has none)."""

    @web.middleware
    async def no_runtime(request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path.startswith(URL_PREFIX):
            raise web.HTTPNotFound()
        response: web.StreamResponse = await handler(request)
        return response

    live = start_server(extra=lambda app: app.middlewares.append(no_runtime))
    yield live
    live.stop()


def wait_for(driver: webdriver.WebKitGTK, what: str, check: Callable[[Any], Any]) -> Any:
    try:
        return WebDriverWait(driver, READY_S, poll_frequency=0.1).until(check)
    except TimeoutException:
        shown = driver.execute_script(
            "return [document.getElementById('status').textContent,"
            " document.getElementById('error').textContent]"
        )
        raise AssertionError(
            f"WebKit: no {what} after {READY_S} s; the page shows {shown}"
        ) from None


def by_test_id(driver: webdriver.WebKitGTK, test_id: str) -> Any:
    return driver.find_element("css selector", f'[data-testid="{test_id}"]')


def expect_cannot_connect(driver: webdriver.WebKitGTK) -> None:
    """The page's Python ran, found no WebRTC, and says so in words and in a code."""
    status = by_test_id(driver, "status")
    wait_for(driver, "ending", lambda d: status.get_attribute("data-state") != "loading")
    error = by_test_id(driver, "error")
    assert (status.get_attribute("data-state"), error.get_attribute("data-code")) == (
        "error",
        "unsupported",
    ), error.text
    assert error.is_displayed()
    assert "cannot make direct connections (no WebRTC)" in error.text
    assert not by_test_id(driver, "create-receive").is_displayed()


@pytest.mark.parametrize("start", ["derived", "package"])
def test_python_starts_in_webkit_and_says_it_cannot_connect(
    webkit: webdriver.WebKitGTK,
    server: LiveServer,
    server_without_runtime: LiveServer,
    start: str,
) -> None:
    base = server.url if start == "derived" else server_without_runtime.url
    webkit.get(base)
    expect_cannot_connect(webkit)
    python_start = webkit.execute_script("return document.documentElement.dataset.pythonStart")
    assert python_start == start


def test_webkit_takes_the_links_secret_out_of_the_address_bar(
    webkit: webdriver.WebKitGTK, server: LiveServer
) -> None:
    link = new_link(secrets.token_bytes, Role.SENDER).url(server.url.rstrip("/"))
    webkit.get(link)
    expect_cannot_connect(webkit)
    assert webkit.current_url == server.url
    assert webkit.execute_script("return location.hash") == ""


def test_webkits_webcrypto_and_cpython_agree_on_hpke(
    webkit: webdriver.WebKitGTK,
    interop_server: LiveServer,  # noqa: F811
    case: dict[str, bytes],  # noqa: F811
) -> None:
    webkit.get(interop_server.url + "test/interop.html")
    out = webkit.find_element("css selector", "#out")
    wait_for(webkit, "HPKE result", lambda d: out.get_attribute("data-state") == "done")
    assert_agrees(json.loads(out.text), case)
