"""When the terminal confirms the code: pure decisions, no terminal needed to test them.

Only two things confirm: the person typing ``y`` once the code is shown, or
``--expect-code`` naming exactly the number shown (for scripts, where the number came over
another channel). Nothing else skips the comparison.
"""

from __future__ import annotations

from enum import Enum
from urllib.parse import urlsplit

from ..core.errors import NoServerError, UsageError
from ..core.sas import Sas

#: The SAS number has 13 digits (docs/protocol.md, "Short authentication string").
CODE_DIGITS = 13


class Decision(Enum):
    #: The codes match: send Verdict(1).
    MATCH = "match"
    #: They don't: send Verdict(0) and stop.
    MISMATCH = "mismatch"
    #: Ask the person.
    ASK = "ask"


def normalise_code(text: str) -> str:
    """``--expect-code``: the 13-digit number, spaces and dashes allowed between digits."""
    digits = "".join(ch for ch in text if ch not in " -")
    if len(digits) != CODE_DIGITS or not (digits.isascii() and digits.isdigit()):
        raise UsageError(
            f"--expect-code takes the {CODE_DIGITS}-digit number of the verification code, "
            "for example '2732 6138 99268'."
        )
    return digits


def decide(sas: Sas, expected: str | None) -> Decision:
    """What to do once the code is known, given ``--expect-code`` (normalised) or None."""
    if expected is None:
        return Decision.ASK
    return Decision.MATCH if sas.number.replace(" ", "") == expected else Decision.MISMATCH


def parse_answer(line: str) -> Decision | None:
    """The person's answer to the question; None for anything that is not a clear y or n."""
    word = line.strip().lower()
    if word in ("y", "yes"):
        return Decision.MATCH
    if word in ("n", "no"):
        return Decision.MISMATCH
    return None


def server_base(server: str | None, link: str | None, configured: str | None) -> str:
    """Where the Secket server is: ``--server``, else the address the link was made on,
    else ``SECKET_SERVER``. An ``http(s)://`` address, without a trailing slash."""
    from_link = link.strip().partition("#")[0] if link and "://" in link else None
    for where, text in (
        ("--server", server),
        ("the link", from_link),
        ("SECKET_SERVER", configured),
    ):
        if text and text.strip():
            base = text.strip().rstrip("/")
            parts = urlsplit(base)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise UsageError(
                    f"{where} must be the Secket server's http:// or https:// address, "
                    f"not {base!r}."
                )
            return base
    raise NoServerError()
