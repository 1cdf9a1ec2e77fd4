"""Writes app/early-text.js: the page's words before Python starts, from the Python catalogues.

Run from the repository root after changing a ``page.*`` message or a language::

    .venv/bin/python scripts/early_text.py          # rewrite app/early-text.js
    .venv/bin/python scripts/early_text.py --check  # exit 1 if it is not up to date

The catalogues (``app/py/secket/i18n/``) stay the one source of the words: this file copies
each language's ``page.*`` messages (the title, header, loading line, footer, and what
``app/boot.js`` says when the page cannot start) and the table that picks a language
(``secket.i18n.languages``) into a JavaScript module that ``app/language.js`` reads.
``tests/unit/test_i18n.py`` fails when the file differs from what this script writes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app" / "py"))

from secket.i18n.languages import DEFAULT, LANGUAGES, TAGS, catalogue  # noqa: E402

OUT = ROOT / "app" / "early-text.js"
#: The messages the page shows before Python starts.
PREFIX = "page."


def early_text() -> str:
    """The module's text."""
    languages = [{"code": lang.code, "dir": lang.direction} for lang in LANGUAGES]
    text = {
        lang.code: {k: v for k, v in catalogue(lang.code).items() if k.startswith(PREFIX)}
        for lang in LANGUAGES
    }

    def constant(name: str, value: object) -> str:
        return f"export const {name} = {json.dumps(value, ensure_ascii=False, indent=2)};\n"

    return (
        "// Made by scripts/early_text.py from the catalogues in app/py/secket/i18n/: do not\n"
        "// edit. The page's words before Python starts, for app/language.js and app/boot.js.\n"
        + constant("DEFAULT", DEFAULT)
        + constant("LANGUAGES", languages)
        + constant("TAGS", dict(TAGS))
        + constant("TEXT", text)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that it is current")
    args = parser.parse_args()
    wanted = early_text()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != wanted:
            print(f"{OUT.relative_to(ROOT)} is out of date: run scripts/early_text.py")
            return 1
        return 0
    OUT.write_text(wanted, encoding="utf-8")
    print(OUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
