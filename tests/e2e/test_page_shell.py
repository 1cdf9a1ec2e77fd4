"""The page around the app: without JavaScript it says why nothing happens; its icon."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from .conftest import READY_TIMEOUT_MS, LiveServer, People, Watch


def test_without_javascript_the_page_says_it_needs_it(browser: Browser, server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        watch = Watch("no script", server.url.rstrip("/"))
        watch.attach(page)
        page.goto(server.url)
        message = page.get_by_test_id("noscript")
        expect(message).to_be_visible()
        expect(message).to_contain_text("needs JavaScript")
        expect(message).to_contain_text("Nothing was sent or kept")
        # In every other language the page speaks, behind their own names, each paragraph
        # marked so that a screen reader reads it in its language.
        message.locator("summary").click()
        expect(message.locator('p[lang="de"]')).to_contain_text("Secket braucht JavaScript.")
        expect(message.locator('p[lang="ar"]')).to_have_attribute("dir", "rtl")
        expect(message.locator('p[lang="ja"]')).to_be_visible()
        expect(message.locator("summary")).to_contain_text("Deutsch")
        # No "Loading…" that never ends, and nothing to press.
        expect(page.get_by_test_id("status")).to_be_hidden()
        expect(page.locator("#progress")).to_be_hidden()
        expect(page.get_by_test_id("create-receive")).to_be_hidden()
        expect(page.get_by_test_id("language")).to_be_hidden()  # a script would act on it
        assert watch.problems == []
    finally:
        context.close()


def test_with_javascript_the_message_is_not_shown(people: People) -> None:
    page = people.open("person")
    expect(page.get_by_test_id("create-receive")).to_be_enabled(timeout=READY_TIMEOUT_MS)
    expect(page.get_by_test_id("noscript")).to_be_hidden()
    expect(page.get_by_test_id("status")).to_be_visible()


def test_the_favicon_is_an_image_the_browser_can_draw(people: People) -> None:
    page = people.open("person")
    sizes = page.evaluate(
        """async () => {
          const image = new Image();
          image.src = "/favicon.ico";
          await image.decode();
          return [image.naturalWidth, image.naturalHeight];
        }"""
    )
    assert sizes[0] == sizes[1] >= 16
    response = page.request.get(people.base_url + "favicon.ico")
    assert response.status == 200
    assert response.headers["content-type"] == "image/vnd.microsoft.icon"
