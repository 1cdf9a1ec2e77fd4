"""The states of a session and every move between them: one table per role.

``docs/protocol.md`` ("State machines") shows the same tables; ``tests/unit/test_docs.py``
checks that the two agree row for row. A move that is not in its role's table is refused:
``LocalProtocolError`` for this person's action, ``RemoteProtocolError`` (and ERROR) for a
frame from the peer.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum


class State(Enum):
    #: R: the data channel is open; ``start()`` has not made the key pair yet.
    IDLE = "idle"
    #: S: waiting for R's commitment (M1).
    WAIT_COMMIT = "wait-commit"
    #: R: commitment sent, waiting for S's nonce (M2).
    WAIT_NONCE = "wait-nonce"
    #: S: nonce sent, waiting for R's reveal (M3).
    WAIT_REVEAL = "wait-reveal"
    #: Both: the SAS is on screen; this person has not yet said whether it matches.
    COMPARING = "comparing"
    #: R: the sealed secret arrived before this person confirmed; it waits unopened.
    SEALED = "sealed"
    #: Both: this person pressed "They match".
    CONFIRMED = "confirmed"
    #: S: the sealed secret went out. R: the secret was opened and shown.
    TRANSFERRED = "transferred"
    #: S: R's receipt arrived: R opened the secret.
    DELIVERED = "delivered"
    #: Someone pressed "They don't match". No retry: a new link is needed.
    MISMATCH = "mismatch"
    #: Done, or the peer left.
    CLOSED = "closed"
    #: The peer broke the protocol.
    ERROR = "error"


#: Frames are ignored in these states.
ENDED = frozenset({State.MISMATCH, State.CLOSED, State.ERROR})


class Trigger(Enum):
    """What moves a session: an action of this person, or a frame from the peer.

    The values are the names ``docs/protocol.md`` gives them.
    """

    START = "start()"
    CONFIRM = "confirm()"
    REJECT = "reject()"
    SEAL = "seal_secret()"
    CLOSE = "close()"
    COMMIT = "Commit"
    NONCE = "Nonce"
    REVEAL = "Reveal"
    MATCH = "Verdict(1)"
    NO_MATCH = "Verdict(0)"
    SECRET = "Secret"  # noqa: S105 (the frame, not a password)
    RECEIPT = "Receipt"
    BYE = "Bye"


Table = Mapping[tuple[State, Trigger], State]
#: Each live state's own moves: the trigger and the state it leads to (None: it stays).
Moves = Mapping[State, Mapping[Trigger, State | None]]

S = State
T = Trigger


def _table(moves: Moves, verdicts: tuple[State, ...]) -> Table:
    """A role's table: its own moves, then what both roles share: the other person's verdict
    in the states where it counts (a second "They match" is refused by the session), a
    goodbye from the peer in any live state, and leaving, also after a mismatch."""
    table = {(state, t): after or state for state, row in moves.items() for t, after in row.items()}
    for state in verdicts:
        table[state, T.NO_MATCH] = S.MISMATCH
        table[state, T.MATCH] = state
    for state in moves:
        table[state, T.BYE] = S.CLOSED
        table[state, T.CLOSE] = S.CLOSED
    table[S.MISMATCH, T.CLOSE] = S.CLOSED
    return table


RECEIVER: Table = _table(
    {
        S.IDLE: {T.START: S.WAIT_NONCE},
        S.WAIT_NONCE: {T.NONCE: S.COMPARING},
        S.COMPARING: {T.CONFIRM: S.CONFIRMED, T.SECRET: S.SEALED, T.REJECT: S.MISMATCH},
        # Both confirmed and the secret is here: the session opens it and sends the receipt.
        S.SEALED: {T.CONFIRM: S.TRANSFERRED, T.REJECT: S.MISMATCH},
        S.CONFIRMED: {T.SECRET: S.TRANSFERRED, T.REJECT: S.MISMATCH},
        # R opened the secret: nothing of R's own is left to do, but the peer may still
        # say "They don't match" (the page keeps the secret on screen).
        S.TRANSFERRED: {},
    },
    verdicts=(S.COMPARING, S.SEALED, S.CONFIRMED, S.TRANSFERRED),
)

SENDER: Table = _table(
    {
        S.WAIT_COMMIT: {T.COMMIT: S.WAIT_REVEAL},
        S.WAIT_REVEAL: {T.REVEAL: S.COMPARING},
        S.COMPARING: {T.CONFIRM: S.CONFIRMED, T.REJECT: S.MISMATCH},
        S.CONFIRMED: {T.SEAL: S.TRANSFERRED, T.REJECT: S.MISMATCH},
        # After Send, until the receipt, S may still say "They don't match": R opens the
        # secret only once R confirmed too, so a receiver who has not yet drops it unopened.
        S.TRANSFERRED: {T.RECEIPT: S.DELIVERED, T.REJECT: S.MISMATCH},
        S.DELIVERED: {},
    },
    verdicts=(S.COMPARING, S.CONFIRMED, S.TRANSFERRED),
)
