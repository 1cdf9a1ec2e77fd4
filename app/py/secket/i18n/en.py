"""English: every sentence the page shows, by key (``str.format`` templates).

Keys name where a sentence is used: ``page.*`` the text around the app, shown before Python
starts too (``app/early-text.js`` carries them, made from the catalogues by
``scripts/early_text.py``); ``home.*``, ``share.*``, ``join.*``, ``verify.*``, ``send.*``,
``received.*`` the static text of each screen (``app/index.html`` names them in
``data-i18n`` attributes and holds the English); ``status.*`` the status line, ``end.*`` an
ending's title and lead, ``note.*``, ``warning.*`` and ``detail.*`` the page's smaller lines,
``error.<code>`` (and ``error.<code>.<reason>``) each error of :mod:`secket.core.errors`;
the rest is text ``browser/dom.py`` writes on its own. The server sends the ``error.<code>``
sentences of its refusals with them (``server/secket_server/protocol.py``).
"""

from __future__ import annotations

from typing import Final

from . import Catalogue

_START_OVER = "Start over with a new link."
_MIDDLE = (
    "someone may be in the middle of this connection, so start over with a new link, sent over "
    "a different channel if you can."
)

MESSAGES: Final[Catalogue] = {
    "number.group": ",",
    # Around the app; also before Python starts.
    "page.title": "Secket: hand over a secret, verified",
    "page.home-link": "Secket home",
    "page.tagline": "one secret, one person, nothing kept",
    "page.language": "Language",
    "page.loading": "Loading the secure runtime…",
    "page.footer": "End-to-end encrypted (HPKE, X25519). Peer to peer over WebRTC. Open "
    "source; see the README for the security model.",
    "page.failed": "Secket could not start.",
    "page.failed.lead": "This page could not start ({reason}). Nothing was sent or kept. "
    "Check your connection, then reload the page.",
    "page.failed.no-files": "its Python files did not load",
    "page.failed.stopped": "its Python stopped: {error}",
    "page.failed.missing": "a file it needs did not arrive: {path}",
    "page.noscript.title": "Secket needs JavaScript.",
    "page.noscript.lead": "The secret is encrypted and decrypted by this page's own code, in your "
    "browser; with JavaScript turned off it cannot run. Nothing was sent or kept. Turn JavaScript "
    "on for this site, then reload the page.",
    "page.progress": "{percent} % of the secure runtime downloaded",
    "page.progress-label": "Secure runtime downloaded",
    # What the page says while Python loads: what Secket is, or, to someone who opened a
    # link, what is about to happen.
    "page.intro.title": "Hand a secret to one person",
    "page.intro.lead": "Secket passes a password, a key or a note from one browser to another: "
    "encrypted in your browser to a key only the other person's browser holds, sent directly "
    "between the two, checked with a code you both see. No server keeps a copy; nothing is "
    "stored.",
    "page.intro.hint": "The page is loading the secure runtime it encrypts with. Then you can "
    "make a link to receive a secret or to send one.",
    "page.intro.link-title": "Someone is waiting to exchange a secret with you",
    "page.intro.link-lead": "The person who sent you this link wants to hand you a secret (a "
    "password, a key, a note), or to receive one from you. It goes directly from one browser "
    "to the other, encrypted, and nothing is kept.",
    "page.intro.how.1": "When the page has loaded, press Join: your browser connects directly "
    "to theirs.",
    "page.intro.how.2": "You will both see the same colour, emoji, words and number. Compare "
    "them with the other person, ideally on a call.",
    "page.intro.how.3": 'Only if they match, press "They match". Then the secret is sent, '
    "shown once, and gone when you are done.",
    "page.intro.link-hint": "Keep this page open while the secure runtime loads.",
    # The screens' own text.
    "home.title": "Hand a secret to one person",
    "home.lead": "A password, a key, a note: encrypted in this browser, sent straight to the "
    "other person's browser, checked with a code you both see. No server keeps a copy; "
    "nothing is stored.",
    "home.receive": "Receive a secret",
    "home.send": "Send a secret",
    "home.how.1": "You get a link. Send it to the other person any way you like, even by SMS "
    "or email.",
    "home.how.2": "They open it; your two browsers connect directly.",
    "home.how.3": "You both see the same emoji, words and colour. Compare them (ideally on a "
    'call), then press "They match".',
    "home.how.4": "The secret travels encrypted to the receiver's key, is shown once, and is "
    "gone when they press Done.",
    "share.title": "Send this link to the other person",
    "share.link-label": "Room link",
    "share.button": "Share",
    "share.qr-label": "QR code of the room link",
    "share.hint": "Keep this page open until you are done. The link works once, for one "
    "person, and expires in 10 minutes.",
    "join.how.1": "Press Join: your browser connects directly to theirs.",
    "join.how.2": "You will both see the same emoji, words and colour. Compare them with the "
    "other person.",
    "join.how.3": 'Only if they match, press "They match".',
    "join.button": "Join",
    "verify.title": "Compare this code with the other person",
    "verify.emoji-label": "Verification emoji",
    "verify.number": "Number:",
    "verify.number-hint": "The emoji, the colour and the number are the same on both "
    "screens, in every language. If you speak different languages, read the number aloud.",
    "verify.remote-caption": "The receiver's video. Its border, emoji and number must match "
    "your code.",
    "verify.honest": "The video helps you recognise the other person, but an attacker in the "
    "middle could redraw it. When the secret matters, also read the words or the number to "
    "each other on a call or in person.",
    "verify.match": "They match",
    "verify.mismatch": "They don't match",
    "send.label": "Your secret",
    "send.placeholder": "Type or paste the secret. It is encrypted before it leaves this page.",
    "send.button": "Send",
    "send.preview-title": "What the receiver will see",
    "received.title": "Your secret",
    "received.done": "Done: wipe it",
    "received.hint": "It is shown only here and now. Copy it where it belongs, then press Done.",
    "end.start-over": "Start over",
    # The colour of the code (secket/core/sas.py, COLOURS).
    "colour.red": "Red",
    "colour.orange": "Orange",
    "colour.yellow": "Yellow",
    "colour.green": "Green",
    "colour.cyan": "Cyan",
    "colour.blue": "Blue",
    "colour.purple": "Purple",
    "colour.magenta": "Magenta",
    "colour.brown": "Brown",
    "colour.navy": "Navy",
    # The status line.
    "status.ready": "Ready.",
    "status.ready-to-join": "Ready. Press Join when you are.",
    "status.waiting-for-opener": "Waiting for the other person to open the link…",
    "status.waiting-for-peer": "Waiting for the other person…",
    "status.joining": "Joining…",
    "status.connecting": "Connecting directly to the other person…",
    "status.working-out-code": "Connected. Working out the verification code…",
    "status.compare": "Compare the code with the other person.",
    "status.verified-sender": "Verified. You can now send the secret.",
    "status.verified-receiver": "Verified. Waiting for the sender's secret…",
    "status.sent": "Sent, encrypted. Waiting for the receiver to open it…",
    "status.received": "Received. Copy it, then press Done.",
    # Endings: one heading (also the status line) and one sentence. An error's sentence is
    # its error.<code> message, under the heading end.stopped.title.
    "end.done.title": "Done",
    "end.done.lead": "The secret is wiped from this page, and nothing was stored.",
    "end.done.lead.clipboard": "The secret is wiped from this page, but you copied it: it may "
    "still be on your clipboard, so copy something else over it.",
    "end.done.lead.clipboard-cleared": "The secret is wiped from this page and from your "
    "clipboard, and nothing was stored.",
    "end.delivered.title": "Delivered",
    "end.delivered.lead": "The receiver has opened the secret, and nothing was kept.",
    "end.sent.title": "Sent",
    "end.sent.lead": "The secret went out, encrypted, and the receiver left.",
    "end.mismatch.title": "Stopped: the codes did not match",
    "end.peer-mismatch.title": "Stopped: the other person says the codes don't match",
    "end.mismatch.lead": "Nothing was sent: " + _MIDDLE,
    "end.mismatch.lead.unopened": "The secret that had arrived was thrown away unopened: "
    + _MIDDLE,
    "end.mismatch.lead.sent": "Your secret had already gone out: the receiver's page throws "
    "it away if it had not opened it yet, but if the codes really differed, treat the secret "
    "as exposed and change it.",
    "end.peer-left.title": "The other person left",
    "end.peer-left.lead": "Their page closed or lost its connection before the secret went "
    "out, so nothing was sent: start over with a new link.",
    "end.full.title": "This link is already in use",
    "end.full.lead": "A link is for two people, once, and two people are connected through "
    "this one or have been: ask the person who sent it for a new link.",
    "end.no-room.title": "This link is wrong or no longer valid",
    "end.no-room.lead": "It may have been changed when it was copied, its creator may have "
    "closed their page, or it is too old. Ask for a new link.",
    "end.room-expired.title": "This link has expired",
    "end.room-expired.lead": "Links work for 10 minutes. Ask for a new link.",
    "end.room-expired.lead.creator": "Links work for 10 minutes. Start over to make a new one.",
    "end.stopped.title": "Stopped",
    # Notes beside the code, and the warning line.
    "note.peer-confirmed": "The other person confirmed that the codes match.",
    "note.secret-arrived": "The secret has arrived. It opens once you confirm the codes match.",
    "note.late-mismatch": "The sender now says the codes don't match.",
    "note.sender-left": "The sender left. The secret stays here until you press Done.",
    "warning.intruder": "Someone else just tried to open this link and was refused. If you "
    "shared it with only one person, compare the code especially carefully.",
    # The warning beside a secret holding characters drawn as markers, and a line per kind.
    "warning.marked.receiver": "This secret holds characters that are invisible or change "
    "how text looks. Each is shown as a marked box naming it, such as ⟨U+200B ZERO WIDTH "
    "SPACE⟩; Copy gives the exact original, without the boxes.",
    "warning.marked.sender": "Your secret holds characters that are invisible or change how "
    "text looks. The receiver will see each as a marked box naming it, as below.",
    "kind.bidi": "Direction controls, which reorder the text around them",
    "kind.invisible": "Invisible characters (zero-width and format characters)",
    "kind.control": "Control characters (a browser's Copy may leave out NULL, U+0000)",
    "kind.space": "Tabs, unusual spaces, or spaces at the start or end of a line",
    "kind.variation": "Variation selectors outside an emoji",
    "kind.tag": "Tag characters (invisible letters)",
    "kind.private-use": "Private-use characters",
    "kind.unassigned": "Unassigned code points or noncharacters",
    "kind.surrogate": "Broken characters (half of a UTF-16 pair)",
    "kind.stacked-marks": "More than four accents on one character",
    # The detail line.
    "detail.path.direct": "Connection: direct, encrypted end to end.",
    "detail.path.relayed": "Connection: through a relay server, encrypted end to end.",
    "detail.path.unknown": "Connection: unknown, encrypted end to end.",
    "detail.server-closed": "The server's connection closed with code {code}.",
    "detail.relay-refused": "The relay refused this browser ({code} {text}).",
    "detail.cause": "Detail: {cause}",
    # Text dom.py writes on its own.
    "share.lead.receiver": "Send this link to the person who has the secret. When they open "
    "it and press Join, you will compare a code, then they can send.",
    "share.lead.sender": "Send this link to the person who should get the secret. When they "
    "open it and press Join, you will compare a code, then you can send.",
    "join.title.sender": "Someone is waiting for a secret from you",
    "join.lead.sender": "The person who sent you this link wants you to hand them a secret. "
    "After you both confirm the code, you type it here and it goes straight to their browser, "
    "encrypted to a key only their browser holds.",
    "join.title.receiver": "Someone wants to hand you a secret",
    "join.lead.receiver": "The person who sent you this link has a secret for you. Your "
    "browser makes a key that never leaves it; the secret is encrypted to that key.",
    "secret.count": "{size:,} of {limit:,} bytes",
    "secret.problem.surrogate": "Character {position:,} of the secret is broken (half of a "
    "character, as some keyboards and pastes leave it): delete it and type that character "
    "again.",
    "share.text.receiver": "Open this link to hand me a secret with Secket. We compare a code "
    "before anything is sent.",
    "share.text.sender": "Open this link to get a secret from me with Secket. We compare a "
    "code before anything is sent.",
    "copy.link": "Copy link",
    "copy.secret": "Copy",
    "copy.done": "Copied",
    "copy.failed": "Copy failed: select it and copy",
    "camera.on": "What the sender sees of you.",
    "camera.off": "What the sender sees of you: the colour and emoji, no camera.",
    "video.connecting": "Connecting…",
    # Errors, by code (secket/core/errors.py).
    "error.error": "Something unexpected went wrong. Start over.",
    "error.local-protocol": "This page tried to do something the protocol does not allow at "
    "this point.",
    "error.secret-too-large": "The secret is too large: at most 64 KiB can be sent.",
    "error.secret-empty": "There is nothing to send: type or paste the secret first.",
    "error.secret-blank": "The secret is only spaces, line breaks or invisible characters: "
    "there is nothing to send. Type or paste the secret.",
    "error.secret-surrogate": "The secret holds a broken character (half of a character, as "
    "some keyboards and pastes leave it). Delete it and type that character again.",
    "error.remote-protocol": "The other side sent something the protocol does not allow.",
    "error.remote-protocol.version": "The other side speaks a different Secket version. Both "
    "should reload the page.",
    "error.decrypt": "A message could not be decrypted: it was altered or not made for this "
    "session.",
    "error.signal-tampered": "The connection set-up was tampered with: a message did not come "
    "from the person holding the link. Nothing was sent. " + _START_OVER,
    "error.commit-mismatch": "The other side's key does not match what it committed to. "
    "Nothing was sent.",
    "error.extra-channel": "The other side tried to open a second connection, which Secket "
    "never does: someone may be in the middle. " + _START_OVER,
    "error.server-protocol": "The Secket server broke the signaling protocol. Nothing was "
    "sent. Start over.",
    "error.bad-link": "This link is not a complete Secket link. Ask for the whole link again.",
    "error.bad-link.empty": "This link is empty. Paste the whole link you were given.",
    "error.bad-link.no-fragment": "This link has lost its part after the '#', which holds the "
    "secret. Ask for the whole link.",
    "error.bad-link.incomplete": "This link is incomplete: it may have been cut off when it "
    "was copied.",
    "error.bad-link.too-long": "This link has extra characters at the end: copy it again, or "
    "remove what was added.",
    "error.bad-link.damaged": "This link is damaged: some of its characters were changed. Ask "
    "for the link again.",
    "error.bad-link.newer": "This link was made by a newer version of Secket. Reload the page "
    "to update, or ask the other person for a new link.",
    "error.unsupported": "This browser cannot make X25519 keys. Use a current Chrome, Edge, "
    "Firefox or Safari.",
    "error.unsupported.no-webrtc": "This browser cannot make direct connections (no WebRTC). "
    "Use a current Chrome, Edge, Firefox or Safari.",
    "error.unreachable": "Cannot reach the Secket server. Check your connection and start over.",
    "error.unreachable.lost": "The connection to the Secket server was lost. Start over.",
    "error.no-path": "No network path between the two browsers could be found. A firewall may "
    "block direct connections; the operator of this Secket server can add a TURN relay.",
    "error.no-path.bad-offer": "The other browser's connection offer could not be used. "
    + _START_OVER,
    "error.relay-refused": "The relay server refused this browser: its credentials are wrong "
    "or expired. Start over; if it happens again, the operator should check that the TURN "
    "secret given to Secket matches the relay's (coturn: static-auth-secret) and that the "
    "clocks agree.",
    "error.too-large-for-channel": "This browser's connection cannot carry a message that "
    "large. Send a shorter secret.",
    "error.peer-failed": "The other person's page stopped with an error ({cause}).",
    # The terminal peer's own.
    "error.usage": "This command cannot run as given.",
    "error.no-server": "No Secket server is set: give --server URL, or set SECKET_SERVER to its "
    "address.",
    "error.no-terminal": "There is no terminal to confirm the code on: run this in a terminal, "
    "or give --expect-code with the number the other person's screen shows.",
    "error.wrong-command": "This link is for the other command: run secket send or secket "
    "receive as the person who sent it says.",
    "error.mismatch": "The codes did not match. Someone may be in the middle of this "
    "connection: start over with a new link, and if you can, send it over a different "
    "channel.",
    "error.peer-left": "The other person left before the end. Start over with a new link.",
    "error.output": "The secret could not be written out.",
    "error.interrupted": "Interrupted. Nothing was kept.",
    "error.runtime": "The page's runtime could not be derived from the pinned packages.",
    # The server's refusals (the `code` of its `error` frames).
    "error.server-refused": "The Secket server refused this.",
    "error.room-full": "This link is already in use by two people, or has been used.",
    "error.bad-message": "The server could not understand a message.",
    "error.unknown-type": "The server does not know this message type.",
    "error.too-large": "A message was larger than the server accepts.",
    "error.not-joined": "Join a room before sending signals.",
    "error.already-joined": "This connection has already joined a room.",
    "error.not-paired": "The other person has not joined yet.",
    "error.room-expired": "This link has expired. Start again with a new link.",
    # The server cannot tell a link that never had a room (a typo) from one whose room it
    # forgot (its creator left, or it expired long ago): it keeps no list of past rooms.
    "error.no-room": "This link is wrong or no longer valid: it may have been changed when it "
    "was copied, its creator may have closed the page, or it is too old. Ask for a new link.",
    "error.rate-limited": "Too many messages. Wait a moment and try again.",
    "error.server-full": "The server is busy. Try again later.",
    "error.bad-origin": "This page is not allowed to use this server.",
    "error.shutting-down": "The server is restarting. Try again in a moment.",
    "error.unavailable": "The server cannot reach its room store. Try again in a moment.",
}
