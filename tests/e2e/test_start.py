"""A page that cannot start says so, rather than loading for ever (app/boot.js)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import READY_TIMEOUT_MS, PageErrors, People


@pytest.mark.parametrize(
    ("blocked", "reason"),
    [
        # Pyodide's WebAssembly: Pyodide itself only logs it, and would wait for ever.
        (
            "vendor/pyodide/314.0.7/pyodide.asm.wasm",
            "(a file it needs did not arrive: /vendor/pyodide/314.0.7/pyodide.asm.wasm)",
        ),
        # The app's entry point: PyScript only logs that it could not fetch it.
        ("py/main.py", "(a file it needs did not arrive: /py/main.py)"),
    ],
    ids=["runtime", "app-files"],
)
def test_a_page_whose_files_do_not_arrive_says_it_could_not_start(
    people: People, page_errors: PageErrors, blocked: str, reason: str
) -> None:
    page_errors.allow("Failed to fetch")  # the blocked download's own page error
    page = people.open("receiver", path=None)
    page.route(f"**/{blocked}", lambda route: route.abort())
    page.goto(people.base_url)
    status, error = page.get_by_test_id("status"), page.get_by_test_id("error")
    expect(status).to_have_text("Secket could not start.", timeout=READY_TIMEOUT_MS)
    expect(status).to_have_attribute("data-state", "error")
    expect(error).to_be_visible()
    expect(error).to_contain_text(reason)
    expect(error).to_contain_text("reload the page")
    expect(error).to_have_attribute("data-code", "not-started")
    expect(page.locator("#progress")).to_be_hidden()
    expect(page.get_by_test_id("create-receive")).to_be_disabled()
    # An ending as the app draws one: one heading, the sentence; reloading is the remedy.
    expect(page.locator("#end-title")).to_have_text("Secket could not start.")
    expect(page.locator("#start-over")).to_be_hidden()
    # The blocked download's own page error is the one expected; anything else fails.
    watch = people.watches[0]
    assert all("Failed to fetch" in problem for problem in watch.problems), watch.problems
    watch.problems.clear()


def test_python_stopping_before_the_page_is_ready_is_shown(people: People) -> None:
    page = people.open("sender", path=None)
    # The app's first step on a link is taking its secret out of the address bar; a browser
    # refusing that is nothing the app expects, so its Python stops.
    page.add_init_script("history.replaceState = () => { throw new TypeError('refused'); };")
    page.goto(people.base_url + "#not-a-real-link")
    status, error = page.get_by_test_id("status"), page.get_by_test_id("error")
    expect(status).to_have_text("Secket could not start.", timeout=READY_TIMEOUT_MS)
    expect(error).to_contain_text("(its Python stopped: JsException)")
    expect(error).to_have_attribute("data-code", "not-started")
    expect(page.get_by_test_id("join")).to_be_disabled()
    watch = people.watches[0]
    assert watch.problems
    assert all("secket stopped" in p for p in watch.problems), watch.problems
    watch.problems.clear()
