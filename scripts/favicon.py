"""Makes app/favicon.ico from app/favicon.svg: `.venv/bin/python scripts/favicon.py`.

Browsers ask for /favicon.ico on their own, whatever the page links to; this is the same
picture as the SVG icon, drawn by Chromium at 16, 32 and 48 pixels and stored as PNG images
in one ICO file (the format every browser reads).
"""

from __future__ import annotations

import base64
import os
import struct
from pathlib import Path

from playwright.sync_api import sync_playwright

APP = Path(__file__).parents[1] / "app"
SIZES = (16, 32, 48)


def render_png(svg: bytes, size: int) -> bytes:
    chromium = os.environ.get("SECKET_CHROMIUM") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    source = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": size, "height": size})
        page.set_content(
            f'<body style="margin:0"><img src="{source}" width="{size}" height="{size}"></body>'
        )
        page.wait_for_function("document.images[0].complete")
        png = page.screenshot(
            omit_background=True, clip={"x": 0, "y": 0, "width": size, "height": size}
        )
        browser.close()
    return png


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file holding PNG images (ICONDIR, one ICONDIRENTRY each, then the PNGs)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, png in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        data += png
        offset += len(png)
    return header + entries + data


def main() -> None:
    svg = (APP / "favicon.svg").read_bytes()
    (APP / "favicon.ico").write_bytes(ico([(size, render_png(svg, size)) for size in SIZES]))
    print(f"wrote {APP / 'favicon.ico'}")


if __name__ == "__main__":
    main()
