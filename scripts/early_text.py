"""Writes the page's words that no Python can show, from the Python catalogues: the text
before Python starts (app/early-text.js) and the message without JavaScript (app/index.html).

Run from the repository root after changing a ``page.*`` message or a language::

    .venv/bin/python scripts/early_text.py          # rewrite both
    .venv/bin/python scripts/early_text.py --check  # exit 1 if either is not up to date

The catalogues (``app/py/secket/i18n/``) stay the one source of the words:

- ``app/early-text.js`` gets each language's ``page.*`` messages (the title, header, loading
  line, footer, and what ``app/boot.js`` says when the page cannot start) and the table that
  picks a language (``secket.i18n.languages``), for ``app/language.js``;
- ``app/index.html``'s ``<noscript>`` gets ``page.noscript.*`` in every language, each
  paragraph marked with its language and direction: without a script nothing can choose
  one, so the page shows them all, English first.

``tests/unit/test_i18n.py`` fails when either differs from what this script writes.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app" / "py"))

from secket.i18n.languages import DEFAULT, LANGUAGES, TAGS, catalogue  # noqa: E402

OUT = ROOT / "app" / "early-text.js"
PAGE = ROOT / "app" / "index.html"
#: The messages the page shows before Python starts.
PREFIX = "page."
#: The message without JavaScript (in the page itself, not in early-text.js).
NOSCRIPT = "page.noscript."
#: Where the page's <noscript> message starts and ends.
NOSCRIPT_START = "  <!-- Without JavaScript, in every language"
NOSCRIPT_END = "  </noscript>\n"


def early_text() -> str:
    """The module's text."""
    languages = [{"code": lang.code, "dir": lang.direction} for lang in LANGUAGES]
    text = {
        lang.code: {
            k: v
            for k, v in catalogue(lang.code).items()
            if k.startswith(PREFIX) and not k.startswith(NOSCRIPT)
        }
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


def _marked(code: str, rtl: bool) -> str:
    """The attributes that say which language a piece of text is in, and its direction."""
    return f'lang="{code}"' + (' dir="rtl"' if rtl else "")


def _noscript_paragraph(code: str, rtl: bool, indent: str) -> str:
    words = catalogue(code)
    title, lead = (html.escape(words[NOSCRIPT + part], quote=False) for part in ("title", "lead"))
    space = "" if title.endswith("。") else " "  # after a full stop of CJK, no space
    return f"{indent}<p {_marked(code, rtl)}><strong>{title}</strong>{space}{lead}</p>\n"


def noscript() -> str:
    """The page's ``<noscript>`` message, from its start marker to ``</noscript>``: English,
    then the other languages behind their own names (``<details>`` opens without a script)."""
    others = [lang for lang in LANGUAGES if lang.code != DEFAULT]
    names = " · ".join(
        f"<span {_marked(lang.code, lang.direction == 'rtl')}>"
        f"{html.escape(lang.name, quote=False)}</span>"
        for lang in others
    )
    return (
        NOSCRIPT_START + " (scripts/early_text.py writes it from the catalogues): no\n"
        "       script can choose one. -->\n"
        "  <noscript>\n"
        '    <div class="error noscript-message" data-testid="noscript" role="alert">\n'
        + _noscript_paragraph(DEFAULT, False, "      ")
        + "      <details>\n"
        + f"        <summary>{names}</summary>\n"
        + "".join(
            _noscript_paragraph(lang.code, lang.direction == "rtl", "        ") for lang in others
        )
        + "      </details>\n"
        "    </div>\n" + NOSCRIPT_END
    )


def page_with_noscript(page: str) -> str:
    """``page`` (index.html's text) with its ``<noscript>`` message as :func:`noscript` has it."""
    start = page.index(NOSCRIPT_START)
    end = page.index(NOSCRIPT_END, start) + len(NOSCRIPT_END)
    return page[:start] + noscript() + page[end:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that they are current")
    args = parser.parse_args()
    page = PAGE.read_text(encoding="utf-8")
    wanted = {OUT: early_text(), PAGE: page_with_noscript(page)}
    stale = [
        path
        for path, text in wanted.items()
        if (path.read_text(encoding="utf-8") if path.exists() else "") != text
    ]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run scripts/early_text.py")
        return 1 if stale else 0
    for path in stale:
        path.write_text(wanted[path], encoding="utf-8")
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
