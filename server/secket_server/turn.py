"""The ICE servers handed to a peer when it pairs, with a TURN credential of its own.

TURN credentials follow the TURN REST scheme (draft-uberti-behave-turn-rest-00), which
coturn implements as ``use-auth-secret`` with ``static-auth-secret``: the username is
``"<expiry unix time>:<random id>"`` and the password is base64(HMAC-SHA1(secret, username)).
The TURN server recomputes the password from the username and refuses it once the expiry
has passed, so nothing is stored anywhere and a credential is worthless minutes later.

Each socket gets a fresh credential when it is paired: the random id ties it to that one
room join (and to nothing else: no room id, no address). Pure functions; the clock and the
random id come from the caller.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from .config import Config

#: Bytes of randomness in a credential's id (base64url, 16 characters).
USER_ID_BYTES = 12


@dataclass(frozen=True, slots=True)
class TurnCredential:
    username: str
    credential: str
    #: Unix time after which the TURN server refuses it.
    expires: int


def turn_password(secret: str, username: str) -> str:
    """The TURN REST password of ``username``: base64(HMAC-SHA1(secret, username))."""
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def make_credential(secret: str, *, ttl: float, now: float, user_id: str) -> TurnCredential:
    """A credential valid from ``now`` (Unix time) for ``ttl`` seconds."""
    expires = int(now + ttl)
    username = f"{expires}:{user_id}"
    return TurnCredential(username, turn_password(secret, username), expires)


def new_user_id() -> str:
    return secrets.token_urlsafe(USER_ID_BYTES)


def ice_servers(config: Config, *, now: float, user_id: str) -> list[dict[str, Any]]:
    """The RTCIceServer list for one paired peer: STUN, TURN with a fresh credential, then
    the operator's ``ice_servers`` as given."""
    servers: list[dict[str, Any]] = []
    if config.stun_urls:
        servers.append({"urls": list(config.stun_urls)})
    if config.turn_urls and config.turn_secret:
        credential = make_credential(
            config.turn_secret, ttl=config.turn_ttl, now=now, user_id=user_id
        )
        servers.append(
            {
                "urls": list(config.turn_urls),
                "username": credential.username,
                "credential": credential.credential,
            }
        )
    servers += [dict(server) for server in config.ice_servers]
    return servers
