"""The renderer gives the same verdicts in the page's Python as in the tests' Python.

The page runs Pyodide's CPython 3.14 (Unicode 16.0); these tests run CPython 3.11 (Unicode
14.0). This runs the very same probe in both: the pinned Pyodide under Node, with the
package's core and i18n modules copied into its file system, and this interpreter. The probe lists,
for every code point, the class, the verdict and the marker name the renderer gives it, and
renders a fixed corpus of strings (random mixes of the characters it decides about). Both
must agree, except that CPython 3.11 has no names for characters added after Unicode 14.0.
"""

from __future__ import annotations

import json
from pathlib import Path

from .pyodide_node import run_in_cpython, run_in_pyodide

PROBE = r'''
import json
from secket.core import chars
from secket.core.display import Marker, Text, char_kind, render
from secket.core.secret_text import check_secret


def code_points():
    """Runs of code points with the same (class, kind, name)."""
    runs = []
    for cp in range(0x110000):
        kind = char_kind(cp)
        name = chars.char_name(cp) if kind is not None else ""
        entry = [chars.char_class(cp), kind.value if kind else "", name]
        if runs and runs[-1][1:] == entry:
            continue
        runs.append([cp, *entry])
    return runs


TRICKY = [ord(c) for c in (
    "a1 \n\t\u202e\u200b\u200d\u200c\ufe0f\ufe0e\u0301\u05b0\u20e3\u00a0\u3000"
    "\u05d0\u0627\u0661\u06f1#\U0001f642\U0001f44d\U0001f3fd\U0001f3f4\U000e0067\U000e0062"
    "\U000e0065\U000e006e\U000e007f\U000e0041\ue000\u0378\U00010d4a\U00013439\U00011f36"
)] + [0xD83D, 0xDE00]


def corpus(count, seed=20261206):
    """Strings from a fixed linear congruential generator: the same in every Python."""
    state, strings = seed, []
    for _ in range(count):
        chars_ = []
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        for _ in range(state >> 59):
            state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
            pick = state >> 33
            cp = TRICKY[pick % len(TRICKY)] if pick & 1 else pick % 0x110000
            chars_.append(chr(cp))
        strings.append("".join(chars_))
    return strings


def rendered(text):
    out = []
    for s in render(text).segments:
        if isinstance(s, Marker):
            out.append(["marker", s.char, s.kind.value, s.count])
        elif isinstance(s, Text):
            out.append(["text", s.text, s.rtl])
        else:
            out.append(["break"])
    check = check_secret(text)
    return [out, type(check).__name__, getattr(check, "size", None)]


RESULT = json.dumps({
    "code_points": code_points(),
    "corpus": [rendered(t) for t in corpus(3000)],
})
'''


def run_here() -> dict[str, object]:
    return dict(json.loads(run_in_cpython(PROBE)))


def run_there(tmp_path: Path) -> dict[str, object]:
    version, result = run_in_pyodide(PROBE, tmp_path)
    assert version == "(3, 14) 16.0.0", version
    return dict(json.loads(result))


def test_the_page_python_and_the_test_python_give_the_same_verdicts(tmp_path: Path) -> None:
    here, there = run_here(), run_there(tmp_path)
    mine, theirs = expand(here["code_points"]), expand(there["code_points"])
    differences = [(cp, mine[cp], theirs[cp]) for cp in range(0x110000) if mine[cp] != theirs[cp]]
    # Only names may differ, and only where CPython 3.11 has none (added after 14.0).
    for cp, (cls, kind, name), (their_cls, their_kind, their_name) in differences:
        assert (cls, kind) == (their_cls, their_kind), f"U+{cp:04X}"
        assert name == "", f"U+{cp:04X}: {name!r} here, {their_name!r} there"
        assert their_name, f"U+{cp:04X}"
    assert len(differences) < 20
    corpus = list(zip(here["corpus"], there["corpus"], strict=True))  # type: ignore[call-overload]
    assert [i for i, (a, b) in enumerate(corpus) if a != b] == []


def expand(runs: object) -> list[tuple[str, str, str]]:
    assert isinstance(runs, list)
    table: list[tuple[str, str, str]] = []
    for (start, *entry), following in zip(runs, [*runs[1:], [0x110000]], strict=True):
        table.extend([tuple(entry)] * (following[0] - start))  # type: ignore[list-item]
    assert len(table) == 0x110000
    return table
