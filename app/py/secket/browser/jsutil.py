"""Small conversions at the Python/JS boundary, kept in one place."""

from __future__ import annotations

from typing import Any

import js
from pyodide.ffi import jsnull, to_js


def obj(**fields: Any) -> Any:
    """A plain JS object (not a Map) from keyword arguments."""
    return to_js(fields, dict_converter=js.Object.fromEntries)


def u8(data: bytes) -> Any:
    """A fresh Uint8Array holding a copy of ``data``."""
    array = js.Uint8Array.new(len(data))
    array.assign(data)
    return array


def to_bytes(buffer: Any) -> bytes:
    """Bytes from an ArrayBuffer, a typed array or a DataView."""
    return bytes(js.Uint8Array.new(buffer).to_bytes())


def is_null(value: Any) -> bool:
    """True for JS null and undefined (null arrives in Python as ``jsnull``, not None)."""
    return value is None or value is jsnull


def element(element_id: str) -> Any:
    """The page's element with this id."""
    return js.document.getElementById(element_id)
