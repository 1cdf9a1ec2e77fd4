"""Drawing a secret's faithful screen (``core.display``) and its warning into the page.

Part of the page's DOM work (``dom.py`` calls it), kept apart because R's screen and S's
preview draw the same way. Nodes are built with ``textContent`` only. The element gets one
``div.line`` per line of the text, with a line feed text node between two lines, so that its
``textContent`` is the drawn text: each marker's label in place of its characters, line by
line. ``app/style.css`` (``.faithful``) numbers the lines and marks their ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import js

from ..core.display import Marker, Rendering, Text
from ..i18n import Msg
from ..page.effects import SecretWarning


def draw(element: Any, rendering: Rendering | None) -> None:
    """Replace what ``element`` shows with ``rendering`` (nothing for None)."""
    element.replaceChildren()
    if rendering is None:
        element.removeAttribute("data-kinds")
        return
    document = js.document
    for index, line in enumerate(rendering.lines()):
        if index:
            element.append("\n")
        row = document.createElement("div")
        row.className = "line"
        row.append(*(_node(document, segment) for segment in line))
        element.append(row)
    element.dataset.kinds = rendering.data_kinds


def _node(document: Any, segment: Text | Marker) -> Any:
    if isinstance(segment, Marker):
        marker = document.createElement("span")
        marker.className = "marker"
        marker.dataset.kind = segment.kind.value
        marker.dataset.codePoint = f"U+{segment.code_point:04X}"
        marker.textContent = segment.label
        return marker
    if segment.rtl:
        # Right-to-left letters read right to left inside an isolate that cannot move
        # anything around it.
        run = document.createElement("bdi")
        run.dir = "rtl"
        run.textContent = segment.text
        return run
    return document.createTextNode(segment.text)


def draw_warning(element: Any, warning: SecretWarning | None, text: Callable[[Msg], str]) -> None:
    """The warning beside a rendering: its sentence and a line per kind found, or hidden."""
    element.replaceChildren()
    if warning is None:
        element.hidden = True
        element.removeAttribute("data-kinds")
        return
    document = js.document
    sentence = document.createElement("p")
    sentence.textContent = text(warning.text)
    found = document.createElement("ul")
    for kind in warning.found:
        item = document.createElement("li")
        item.textContent = text(kind)
        found.append(item)
    element.append(sentence, found)
    element.dataset.kinds = warning.kinds
    element.hidden = False
