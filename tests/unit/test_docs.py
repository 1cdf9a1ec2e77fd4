"""The reference docs say what the code does: checked here, table by table."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from secket.core import states, wire
from secket.core.states import State, Trigger
from secket_server import protocol
from secket_server.protocol import CLOSE_CODES, ErrorCode

ROOT = Path(__file__).parents[2]
PROTOCOL_MD = (ROOT / "docs" / "protocol.md").read_text()
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def section(text: str, heading: str) -> str:
    """The text under ``heading`` (a whole line), up to the next heading of any level."""
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    following = re.search(r"^#+ ", text[start:], re.MULTILINE)
    return text[start : start + following.start()] if following else text[start:]


def rows(text: str) -> list[list[str]]:
    """The body rows of the first table in ``text``, as stripped cells."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[2:]]


# The session's states ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("heading", "table"),
    [("### Receiver (R)", states.RECEIVER), ("### Sender (S)", states.SENDER)],
)
def test_the_state_tables_are_the_codes(heading: str, table: states.Table) -> None:
    documented: dict[tuple[State, Trigger], State] = {}
    for cells in rows(section(PROTOCOL_MD, heading)):
        befores, trigger, after = cells[0], Trigger(cells[1].strip("`")), cells[2]
        for name in befores.split(", "):
            before = State[name]
            assert (before, trigger) not in documented, (before, trigger)
            documented[before, trigger] = before if after == "unchanged" else State[after]
    assert documented == dict(table)


# The signaling server ------------------------------------------------------------------------
def test_the_error_code_table_is_the_servers() -> None:
    documented = {
        cells[0].strip("`"): cells[2] for cells in rows(section(PROTOCOL_MD, "### Error codes"))
    }
    assert set(documented) == set(ErrorCode)
    for code, close in CLOSE_CODES.items():
        assert (close is None) == (documented[code] == "open"), code
        if close is not None:
            assert str(int(close)) in documented[code], code


SERVER_FRAMES = [
    protocol.joined(1),
    protocol.paired([{"urls": "stun:x"}], "relay"),
    protocol.signal("x"),
    protocol.peer_left(),
    protocol.intruder(),
    protocol.pong(),
    protocol.error(ErrorCode.ROOM_FULL),
]


@pytest.mark.parametrize("frame", SERVER_FRAMES, ids=lambda f: json.loads(f)["type"])
def test_each_server_message_is_documented_with_every_field(frame: str) -> None:
    message = json.loads(frame)
    table = rows(section(PROTOCOL_MD, "### Server to client"))
    documented = [cells[0] for cells in table if f'"type":"{message["type"]}"' in cells[0]]
    assert documented, message["type"]
    for row in documented:
        for key in message:
            assert f'"{key}"' in row, (message["type"], key)


@pytest.mark.parametrize("kind", ["join", "signal", "leave", "ping"])
def test_each_client_message_is_documented(kind: str) -> None:
    table = rows(section(PROTOCOL_MD, "### Client to server"))
    assert [cells for cells in table if f'"type":"{kind}"' in cells[0]]
    # ... and the server takes it.
    sample = {"join": {"room": "0" * 32}, "signal": {"payload": "abc"}}.get(kind, {})
    protocol.parse_client_message(json.dumps({"type": kind, **sample}))


def test_the_frame_table_is_the_wires() -> None:
    table = rows(section(PROTOCOL_MD, "## Data-channel frames"))
    documented = {int(cells[0]): cells[1].split()[0].lower() for cells in table}
    assert documented == {int(t): t.name.lower() for t in wire.MessageType}


# Every doc -----------------------------------------------------------------------------------
#: Where a path in the docs may be relative to (`core/session.py` is app/py/secket's).
BASES = ("", "app/py/", "app/py/secket/", "server/secket_server/")
#: A backquoted path into the repository (URLs, npm packages' files and made files aside).
REPO_PATH = re.compile(
    r"`((?:app|server|tests|docs|bench|typings|scripts|core|browser|page|i18n)/[\w./-]*)"
    r"(?:::[^`]*)?`"
)


def repo_paths() -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return (
        set(listed)
        | {str(Path(p).parent) + "/" for p in listed}
        | {str(parent) + "/" for p in listed for parent in Path(p).parents}
    )


#: Made by a file of the repository, not kept in it: where, and which file makes it.
MADE = {"docs/screenshots/": "scripts/screenshots.py"}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_docs_name_only_files_in_the_repo(doc: Path) -> None:
    known = repo_paths()
    for path in REPO_PATH.findall(doc.read_text()):
        made = [(prefix, maker) for prefix, maker in MADE.items() if path.startswith(prefix)]
        if made:
            (prefix, maker), *_ = made
            assert prefix.rstrip("/") in (ROOT / maker).read_text(), f"{maker} makes no {path}"
            continue
        candidates = {base + path for base in BASES} | {base + path + "/" for base in BASES}
        assert candidates & known, f"{doc.name} names {path}, which is not in the repository"


def test_docs_and_code_name_nothing_a_reader_cannot_find() -> None:
    unfindable = re.compile(r"PROTOCOL\.md|\bissue[ -]\d+|issue's list")
    places = [*DOCS] + [
        path
        for top in ("app", "server")
        for path in (ROOT / top).rglob("*")
        if path.suffix in {".py", ".js", ".mjs", ".html", ".css", ".toml"}
    ]
    for path in places:
        found = unfindable.search(path.read_text())
        assert found is None, f"{path.relative_to(ROOT)} mentions {found.group()!r}"


def test_the_readme_lists_the_documentation() -> None:
    docs = section((ROOT / "README.md").read_text(), "## Documentation")
    for name in ("design", "protocol", "security", "deploy", "benchmarks", "automation"):
        assert f"(docs/{name}.md)" in docs, name
