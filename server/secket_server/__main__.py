"""``python -m secket_server``: the same as the ``secket`` command."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
