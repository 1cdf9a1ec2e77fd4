"""Entry point loaded by PyScript: wiring only."""

import asyncio

import js

from secket.browser.connection import load_config
from secket.browser.flow import App


async def main() -> None:
    await App(await load_config()).run()


def _report(task: "asyncio.Future[None]") -> None:
    if not task.cancelled() and task.exception() is not None:
        js.console.error(f"secket stopped: {task.exception()!r}")
        # Before the app is ready, boot.js shows it on the page, in the page's language
        # (after, App.run never ends).
        detail = js.Object.fromEntries([["detail", type(task.exception()).__name__]])
        js.window.dispatchEvent(js.CustomEvent.new("secket:stopped", detail))


js.window.dispatchEvent(js.Event.new("secket:started"))
main_task = asyncio.ensure_future(main())
main_task.add_done_callback(_report)
