"""The system clipboard: Copy writes the exact text; Done empties it if it still holds it.

The async Clipboard API needs a secure context; reading it back needs the person's
permission (Chromium asks; Firefox shows a "Paste" button and waits for it). Whatever the
browser refuses is answered, never raised.
"""

from __future__ import annotations

import js
from pyodide.ffi import JsException

from ..page.inputs import Clipboard


async def write(text: str) -> bool:
    """Whether ``text`` went onto the clipboard."""
    try:
        await js.navigator.clipboard.writeText(text)
    except (JsException, AttributeError):
        return False  # no clipboard (an insecure context), or the browser refused
    return True


async def clear_if_holding(text: str) -> Clipboard:
    """Empty the clipboard if it still holds ``text``."""
    try:
        if not _same(str(await js.navigator.clipboard.readText()), text):
            return Clipboard.ELSEWHERE
        await js.navigator.clipboard.writeText("")
    except (JsException, AttributeError):
        return Clipboard.UNKNOWN
    return Clipboard.CLEARED


def _same(held: str, text: str) -> bool:
    """Whether the clipboard holds ``text`` as a clipboard keeps it: Firefox's drops every
    U+0000, and a system may store line breaks as CR LF."""

    def kept(value: str) -> str:
        return value.replace("\x00", "").replace("\r\n", "\n")

    return held == text or kept(held) == kept(text)
