"""Secket in a terminal: ``secket send`` and ``secket receive`` (CPython only).

The same protocol core as the page (:mod:`secket.core`), the crypto port over
``cryptography`` (:mod:`secket.cpython`) and WebRTC from aiortc. Never shipped to the page:
pyscript.toml does not list it and no page module imports it.
"""
