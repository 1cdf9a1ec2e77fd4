"""The Web Share API: the system's share sheet for the room link, where the browser has one.

A failure or a cancel changes nothing: the link stays on the page to copy.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

import js
from pyodide.ffi import JsException

from .jsutil import obj

#: The title the share sheet shows; the app's name, in every language.
TITLE = "Secket"


def can_share(url: str) -> bool:
    """Whether this browser has the Web Share API and says it would share this link."""
    navigator = js.navigator
    if not hasattr(navigator, "share"):
        return False
    if not hasattr(navigator, "canShare"):
        return True
    try:
        return bool(navigator.canShare(obj(url=url)))
    except JsException:
        return False


def start_sharing(url: str, text: str) -> Any | None:
    """Open the share sheet; the promise it settles, or None if the browser refused at once.

    Call it in the click's own handler: browsers share only during a user activation."""
    try:
        return js.navigator.share(obj(title=TITLE, text=text, url=url))
    except (JsException, AttributeError):
        return None


async def settle(sharing: Any) -> None:
    # The person cancelled, or the browser refused: the link is still on screen.
    with suppress(JsException):
        await sharing
