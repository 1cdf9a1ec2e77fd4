"""The session's collector of page errors hears every page, however a test opened it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page

from .conftest import PageErrors, People

THROW = "(text) => setTimeout(() => { throw new Error(text); }, 0)"


def opened_by(how: str, browser: Browser, firefox: Browser, people: People) -> Page:
    ways: dict[str, Callable[[], Page]] = {
        "people": lambda: people.open("watched", path=None),
        "browser.new_page": browser.new_page,
        "browser.new_context": lambda: browser.new_context().new_page(),
        "firefox.new_context": lambda: firefox.new_context().new_page(),
    }
    return ways[how]()


@pytest.mark.parametrize(
    "how", ["people", "browser.new_page", "browser.new_context", "firefox.new_context"]
)
def test_an_uncaught_error_of_any_page_is_collected(
    how: str, browser: Browser, firefox: Browser, people: People, page_errors: PageErrors
) -> None:
    page = opened_by(how, browser, firefox, people)
    page.goto(people.base_url + "favicon.svg")
    message = f"thrown on purpose in a page opened by {how}"
    page.evaluate(THROW, message)
    page.wait_for_timeout(200)
    for _ in range(50):
        if any(message in error for _, _, error in page_errors.found):
            break
        page.wait_for_timeout(100)
    assert [error.split(": ", 1)[1] for error in page_errors.take(message)] == [message]
    if how == "people":
        # The person's own watch fails the test too; this test expected the error.
        assert [w.problems for w in people.watches] == [[f"watched page error: {message}"]]
        people.watches[0].problems.clear()
    else:
        page.context.close()


def test_the_pytest_playwright_page_is_collected(page: Page, page_errors: PageErrors) -> None:
    page.goto("about:blank")
    page.evaluate(THROW, "thrown in pytest-playwright's own page")
    page.wait_for_timeout(300)
    assert page_errors.take("thrown in pytest-playwright's own page")
