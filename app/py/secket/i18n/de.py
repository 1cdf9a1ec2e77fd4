"""German: every sentence of :mod:`secket.i18n.en`, by the same keys, with the same fields."""

from __future__ import annotations

from typing import Final

from . import Catalogue

_START_OVER = "Beginnen Sie neu, mit einem neuen Link."
_MIDDLE = (
    "Möglicherweise sitzt jemand mitten in dieser Verbindung. Beginnen Sie neu, mit einem "
    "neuen Link, und senden Sie ihn wenn möglich über einen anderen Kanal."
)

MESSAGES: Final[Catalogue] = {
    "number.group": ".",
    # Around the app; also before Python starts.
    "page.title": "Secket: ein Geheimnis übergeben, überprüft",
    "page.home-link": "Secket-Startseite",
    "page.tagline": "ein Geheimnis, eine Person, nichts gespeichert",
    "page.language": "Sprache",
    "page.loading": "Die sichere Laufzeitumgebung wird geladen…",
    "page.footer": "Ende-zu-Ende-verschlüsselt (HPKE, X25519). Direkt von Browser zu Browser "
    "über WebRTC. Quelloffen; das Sicherheitsmodell steht in der README.",
    "page.failed": "Secket konnte nicht starten.",
    "page.failed.lead": "Diese Seite konnte nicht starten ({reason}). Nichts wurde gesendet "
    "oder gespeichert. Prüfen Sie Ihre Verbindung und laden Sie die Seite dann neu.",
    "page.failed.no-files": "ihre Python-Dateien wurden nicht geladen",
    "page.failed.stopped": "ihr Python wurde beendet: {error}",
    "page.failed.missing": "eine benötigte Datei ist nicht angekommen: {path}",
    "page.noscript.title": "Secket braucht JavaScript.",
    "page.noscript.lead": "Das Geheimnis wird vom eigenen Code dieser Seite in Ihrem Browser ver- "
    "und entschlüsselt; ohne JavaScript kann er nicht laufen. Nichts wurde gesendet oder "
    "gespeichert. Schalten Sie JavaScript für diese Website ein und laden Sie die Seite dann neu.",
    "page.progress": "{percent} % der sicheren Laufzeitumgebung geladen",
    "page.progress-label": "Sichere Laufzeitumgebung geladen",
    "page.intro.title": "Ein Geheimnis an eine Person übergeben",
    "page.intro.lead": "Secket gibt ein Passwort, einen Schlüssel oder eine Notiz von einem "
    "Browser an einen anderen weiter: in Ihrem Browser verschlüsselt für einen Schlüssel, den "
    "nur der Browser der anderen Person hat, direkt zwischen den beiden gesendet, geprüft mit "
    "einem Code, den Sie beide sehen. Kein Server behält eine Kopie; nichts wird gespeichert.",
    "page.intro.hint": "Die Seite lädt die sichere Laufzeitumgebung, mit der sie "
    "verschlüsselt. Danach können Sie einen Link erstellen, um ein Geheimnis zu empfangen oder "
    "zu senden.",
    "page.intro.link-title": "Jemand wartet darauf, ein Geheimnis mit Ihnen auszutauschen",
    "page.intro.link-lead": "Die Person, die Ihnen diesen Link geschickt hat, möchte Ihnen ein "
    "Geheimnis übergeben (ein Passwort, einen Schlüssel, eine Notiz) oder eines von Ihnen "
    "erhalten. Es geht verschlüsselt direkt von einem Browser zum anderen, und nichts wird "
    "aufbewahrt.",
    "page.intro.how.1": "Wenn die Seite geladen ist, drücken Sie „Beitreten“: Ihr Browser "
    "verbindet sich direkt mit dem der anderen Person.",
    "page.intro.how.2": "Sie sehen dann beide dieselbe Farbe, dieselben Emoji, Wörter und "
    "dieselbe Zahl. Vergleichen Sie sie mit der anderen Person, am besten in einem Anruf.",
    "page.intro.how.3": "Nur wenn sie übereinstimmen, drücken Sie „Stimmen überein“. Dann wird "
    "das Geheimnis gesendet, einmal angezeigt und ist weg, wenn Sie fertig sind.",
    "page.intro.link-hint": "Lassen Sie diese Seite offen, während die sichere "
    "Laufzeitumgebung lädt.",
    # The screens' own text.
    "home.title": "Ein Geheimnis an eine Person übergeben",
    "home.lead": "Ein Passwort, ein Schlüssel, eine Notiz: in diesem Browser verschlüsselt, "
    "direkt an den Browser der anderen Person gesendet, geprüft mit einem Code, den Sie beide "
    "sehen. Kein Server behält eine Kopie; nichts wird gespeichert.",
    "home.receive": "Geheimnis empfangen",
    "home.send": "Geheimnis senden",
    "home.how.1": "Sie erhalten einen Link. Schicken Sie ihn der anderen Person auf "
    "beliebigem Weg, auch per SMS oder E-Mail.",
    "home.how.2": "Die Person öffnet ihn; Ihre beiden Browser verbinden sich direkt.",
    "home.how.3": "Sie sehen beide dieselben Emoji, Wörter und Farbe. Vergleichen Sie sie "
    "(am besten in einem Anruf) und drücken Sie dann „Stimmen überein“.",
    "home.how.4": "Das Geheimnis wird für den Schlüssel der empfangenden Person "
    "verschlüsselt, einmal angezeigt und ist weg, sobald sie „Fertig“ drückt.",
    "share.title": "Schicken Sie diesen Link der anderen Person",
    "share.link-label": "Link zum Raum",
    "share.button": "Teilen",
    "share.qr-label": "QR-Code des Links zum Raum",
    "share.hint": "Lassen Sie diese Seite offen, bis Sie fertig sind. Der Link funktioniert "
    "einmal, für eine Person, und läuft nach 10 Minuten ab.",
    "join.how.1": "Drücken Sie „Beitreten“: Ihr Browser verbindet sich direkt mit dem der "
    "anderen Person.",
    "join.how.2": "Sie sehen dann beide dieselben Emoji, Wörter und Farbe. Vergleichen Sie "
    "sie mit der anderen Person.",
    "join.how.3": "Nur wenn sie übereinstimmen, drücken Sie „Stimmen überein“.",
    "join.button": "Beitreten",
    "verify.title": "Vergleichen Sie diesen Code mit der anderen Person",
    "verify.emoji-label": "Emoji zur Überprüfung",
    "verify.number": "Zahl:",
    "verify.number-hint": "Die Emoji, die Farbe und die Zahl sind auf beiden Bildschirmen "
    "gleich, in jeder Sprache. Wenn Sie verschiedene Sprachen sprechen, lesen Sie die Zahl "
    "vor.",
    "verify.remote-caption": "Das Video der empfangenden Person. Rahmen, Emoji und Zahl "
    "müssen zu Ihrem Code passen.",
    "verify.honest": "Das Video hilft Ihnen, die andere Person zu erkennen, aber ein "
    "Angreifer in der Mitte könnte es neu zeichnen. Wenn es auf das Geheimnis ankommt, lesen "
    "Sie einander auch die Wörter oder die Zahl vor, am Telefon oder persönlich.",
    "verify.match": "Stimmen überein",
    "verify.mismatch": "Stimmen nicht überein",
    "send.label": "Ihr Geheimnis",
    "send.placeholder": "Geheimnis eingeben oder einfügen. Es wird verschlüsselt, bevor es "
    "diese Seite verlässt.",
    "send.button": "Senden",
    "send.preview-title": "Was die empfangende Person sehen wird",
    "received.title": "Ihr Geheimnis",
    "received.done": "Fertig: löschen",
    "received.hint": "Es wird nur hier und jetzt angezeigt. Kopieren Sie es dorthin, wo es "
    "hingehört, und drücken Sie dann „Fertig“.",
    "end.start-over": "Neu beginnen",
    # The colour of the code (secket/core/sas.py, COLOURS).
    "colour.red": "Rot",
    "colour.orange": "Orange",
    "colour.yellow": "Gelb",
    "colour.green": "Grün",
    "colour.cyan": "Cyan",
    "colour.blue": "Blau",
    "colour.purple": "Lila",
    "colour.magenta": "Magenta",
    "colour.brown": "Braun",
    "colour.navy": "Marineblau",
    # The status line.
    "status.ready": "Bereit.",
    "status.ready-to-join": "Bereit. Drücken Sie „Beitreten“, wenn Sie so weit sind.",
    "status.waiting-for-opener": "Warten, bis die andere Person den Link öffnet…",
    "status.waiting-for-peer": "Warten auf die andere Person…",
    "status.joining": "Beitreten…",
    "status.connecting": "Direkte Verbindung zur anderen Person wird aufgebaut…",
    "status.working-out-code": "Verbunden. Der Code zur Überprüfung wird berechnet…",
    "status.compare": "Vergleichen Sie den Code mit der anderen Person.",
    "status.verified-sender": "Überprüft. Sie können das Geheimnis jetzt senden.",
    "status.verified-receiver": "Überprüft. Warten auf das Geheimnis der sendenden Person…",
    "status.sent": "Verschlüsselt gesendet. Warten, bis die empfangende Person es öffnet…",
    "status.received": "Empfangen. Kopieren Sie es und drücken Sie dann „Fertig“.",
    # Endings: a title (also the status line) and a lead.
    "end.done.title": "Fertig",
    "end.done.lead": "Das Geheimnis ist von dieser Seite gelöscht, und nichts wurde gespeichert.",
    "end.done.lead.clipboard": "Das Geheimnis ist von dieser Seite gelöscht, aber Sie haben es "
    "kopiert: Es kann noch in Ihrer Zwischenablage sein, kopieren Sie also etwas anderes darüber.",
    "end.done.lead.clipboard-cleared": "Das Geheimnis ist von dieser Seite und aus Ihrer "
    "Zwischenablage gelöscht, und nichts wurde gespeichert.",
    "end.delivered.title": "Zugestellt",
    "end.delivered.lead": "Die empfangende Person hat das Geheimnis geöffnet, und nichts wurde "
    "aufbewahrt.",
    "end.sent.title": "Gesendet",
    "end.sent.lead": "Das Geheimnis wurde verschlüsselt gesendet, und die empfangende Person "
    "hat die Seite verlassen.",
    "end.mismatch.title": "Abgebrochen: Die Codes stimmten nicht überein",
    "end.peer-mismatch.title": "Abgebrochen: Laut der anderen Person stimmen die Codes nicht "
    "überein",
    "end.mismatch.lead": "Nichts wurde gesendet: Möglicherweise sitzt jemand mitten in dieser "
    "Verbindung, beginnen Sie also mit einem neuen Link neu, wenn möglich über einen anderen "
    "Kanal gesendet.",
    "end.mismatch.lead.unopened": "Das bereits eingetroffene Geheimnis wurde ungeöffnet "
    "verworfen: Möglicherweise sitzt jemand mitten in dieser Verbindung, beginnen Sie also mit "
    "einem neuen Link neu, wenn möglich über einen anderen Kanal gesendet.",
    "end.mismatch.lead.sent": "Ihr Geheimnis war bereits unterwegs: Die Seite der empfangenden "
    "Person verwirft es, falls sie es noch nicht geöffnet hatte, aber falls die Codes wirklich "
    "verschieden waren, betrachten Sie das Geheimnis als offengelegt und ändern Sie es.",
    "end.peer-left.title": "Die andere Person ist gegangen",
    "end.peer-left.lead": "Ihre Seite wurde geschlossen oder hat die Verbindung verloren, bevor "
    "das Geheimnis unterwegs war, also wurde nichts gesendet: Beginnen Sie mit einem neuen Link "
    "neu.",
    "end.full.title": "Dieser Link wird bereits verwendet",
    "end.full.lead": "Ein Link ist für zwei Personen, einmal, und über diesen sind zwei Personen "
    "verbunden oder waren es: Bitten Sie die Person, die ihn geschickt hat, um einen neuen Link.",
    "end.no-room.title": "Dieser Link ist falsch oder nicht mehr gültig",
    "end.no-room.lead": "Er wurde beim Kopieren vielleicht verändert, die Person, die ihn "
    "erstellt hat, hat ihre Seite vielleicht geschlossen, oder er ist zu alt. Bitten Sie um einen "
    "neuen Link.",
    "end.room-expired.title": "Dieser Link ist abgelaufen",
    "end.room-expired.lead": "Links gelten 10 Minuten. Bitten Sie um einen neuen Link.",
    "end.room-expired.lead.creator": "Links gelten 10 Minuten. Beginnen Sie neu, um einen neuen "
    "zu erstellen.",
    "end.stopped.title": "Abgebrochen",
    # Notes beside the code, and the warning line.
    "note.peer-confirmed": "Die andere Person hat bestätigt, dass die Codes übereinstimmen.",
    "note.secret-arrived": "Das Geheimnis ist eingetroffen. Es öffnet sich, sobald Sie "
    "bestätigen, dass die Codes übereinstimmen.",
    "note.late-mismatch": "Die sendende Person sagt jetzt, dass die Codes nicht übereinstimmen.",
    "note.sender-left": "Die sendende Person ist gegangen. Das Geheimnis bleibt hier, bis Sie "
    "„Fertig“ drücken.",
    "warning.intruder": "Gerade hat noch jemand versucht, diesen Link zu öffnen, und wurde "
    "abgewiesen. Wenn Sie ihn nur einer Person gegeben haben, vergleichen Sie den Code "
    "besonders sorgfältig.",
    "warning.marked.receiver": "Dieses Geheimnis enthält Zeichen, die unsichtbar sind oder das "
    "Aussehen des Textes ändern. Jedes wird als markiertes Kästchen mit seinem Namen gezeigt, "
    "etwa ⟨U+200B ZERO WIDTH SPACE⟩; „Kopieren“ liefert das genaue Original, ohne die Kästchen.",
    "warning.marked.sender": "Ihr Geheimnis enthält Zeichen, die unsichtbar sind oder das "
    "Aussehen des Textes ändern. Die empfangende Person sieht jedes als markiertes Kästchen mit "
    "seinem Namen, wie unten.",
    "kind.bidi": "Richtungssteuerzeichen, die den Text um sie herum umordnen",
    "kind.invisible": "Unsichtbare Zeichen (Zeichen ohne Breite und Formatzeichen)",
    "kind.control": "Steuerzeichen („Kopieren“ im Browser kann NULL, U+0000, auslassen)",
    "kind.space": "Tabulatoren, ungewöhnliche Leerzeichen oder Leerzeichen am Anfang oder Ende "
    "einer Zeile",
    "kind.variation": "Variantenselektoren außerhalb eines Emoji",
    "kind.tag": "Tag-Zeichen (unsichtbare Buchstaben)",
    "kind.private-use": "Zeichen für private Nutzung",
    "kind.unassigned": "Nicht zugewiesene Codepunkte oder Nichtzeichen",
    "kind.surrogate": "Kaputte Zeichen (ein halbes UTF-16-Paar)",
    "kind.stacked-marks": "Mehr als vier Akzente auf einem Zeichen",
    # The detail line.
    "detail.path.direct": "Verbindung: direkt, Ende-zu-Ende-verschlüsselt.",
    "detail.path.relayed": "Verbindung: über einen Relay-Server, Ende-zu-Ende-verschlüsselt.",
    "detail.path.unknown": "Verbindung: unbekannt, Ende-zu-Ende-verschlüsselt.",
    "detail.server-closed": "Die Verbindung zum Server wurde mit Code {code} geschlossen.",
    "detail.relay-refused": "Der Relay-Server hat diesen Browser abgewiesen ({code} {text}).",
    "detail.cause": "Detail: {cause}",
    # Text dom.py writes on its own.
    "share.lead.receiver": "Schicken Sie diesen Link der Person, die das Geheimnis hat. "
    "Sobald sie ihn öffnet und „Beitreten“ drückt, vergleichen Sie einen Code; dann kann sie "
    "senden.",
    "share.lead.sender": "Schicken Sie diesen Link der Person, die das Geheimnis erhalten "
    "soll. Sobald sie ihn öffnet und „Beitreten“ drückt, vergleichen Sie einen Code; dann "
    "können Sie senden.",
    "join.title.sender": "Jemand wartet auf ein Geheimnis von Ihnen",
    "join.lead.sender": "Die Person, die Ihnen diesen Link geschickt hat, möchte, dass Sie "
    "ihr ein Geheimnis übergeben. Nachdem Sie beide den Code bestätigt haben, geben Sie es "
    "hier ein, und es geht direkt an ihren Browser, verschlüsselt für einen Schlüssel, den "
    "nur ihr Browser hat.",
    "join.title.receiver": "Jemand möchte Ihnen ein Geheimnis übergeben",
    "join.lead.receiver": "Die Person, die Ihnen diesen Link geschickt hat, hat ein "
    "Geheimnis für Sie. Ihr Browser erzeugt einen Schlüssel, der ihn nie verlässt; das "
    "Geheimnis wird für diesen Schlüssel verschlüsselt.",
    "secret.count": "{size:,} von {limit:,} Byte",
    "secret.problem.surrogate": "Zeichen {position:,} des Geheimnisses ist kaputt (ein halbes "
    "Zeichen, wie es manche Tastaturen und Einfügevorgänge hinterlassen): Löschen Sie es und "
    "tippen Sie dieses Zeichen erneut.",
    "share.text.receiver": "Öffnen Sie diesen Link, um mir mit Secket ein Geheimnis zu "
    "übergeben. Wir vergleichen einen Code, bevor etwas gesendet wird.",
    "share.text.sender": "Öffnen Sie diesen Link, um mit Secket ein Geheimnis von mir zu "
    "erhalten. Wir vergleichen einen Code, bevor etwas gesendet wird.",
    "copy.link": "Link kopieren",
    "copy.secret": "Kopieren",
    "copy.done": "Kopiert",
    "copy.failed": "Kopieren fehlgeschlagen: markieren und kopieren",
    "camera.on": "Was die sendende Person von Ihnen sieht.",
    "camera.off": "Was die sendende Person von Ihnen sieht: Farbe und Emoji, keine Kamera.",
    "video.connecting": "Verbinden…",
    # Errors, by code (secket/core/errors.py).
    "error.error": "Etwas Unerwartetes ist schiefgegangen. Beginnen Sie neu.",
    "error.local-protocol": "Diese Seite hat versucht, etwas zu tun, was das Protokoll an "
    "dieser Stelle nicht erlaubt.",
    "error.secret-too-large": "Das Geheimnis ist zu groß: Höchstens 64 KiB können gesendet werden.",
    "error.secret-empty": "Es gibt nichts zu senden: Geben Sie das Geheimnis zuerst ein oder "
    "fügen Sie es ein.",
    "error.secret-blank": "Das Geheimnis besteht nur aus Leerzeichen, Zeilenumbrüchen oder "
    "unsichtbaren Zeichen: Es gibt nichts zu senden. Geben Sie das Geheimnis ein oder fügen "
    "Sie es ein.",
    "error.secret-surrogate": "Das Geheimnis enthält ein kaputtes Zeichen (ein halbes "
    "Zeichen, wie es manche Tastaturen und Einfügevorgänge hinterlassen). Löschen Sie es und "
    "tippen Sie dieses Zeichen erneut.",
    "error.remote-protocol": "Die andere Seite hat etwas gesendet, was das Protokoll nicht "
    "erlaubt.",
    "error.remote-protocol.version": "Die andere Seite verwendet eine andere Secket-Version. "
    "Beide sollten die Seite neu laden.",
    "error.decrypt": "Eine Nachricht konnte nicht entschlüsselt werden: Sie wurde verändert "
    "oder war nicht für diese Sitzung bestimmt.",
    "error.signal-tampered": "Der Verbindungsaufbau wurde manipuliert: Eine Nachricht kam "
    "nicht von der Person mit dem Link. Nichts wurde gesendet. " + _START_OVER,
    "error.commit-mismatch": "Der Schlüssel der anderen Seite passt nicht zu dem, worauf sie "
    "sich festgelegt hat. Nichts wurde gesendet.",
    "error.extra-channel": "Die andere Seite hat versucht, eine zweite Verbindung zu öffnen, "
    "was Secket nie tut: Möglicherweise sitzt jemand in der Mitte. " + _START_OVER,
    "error.server-protocol": "Der Secket-Server hat das Signalisierungsprotokoll verletzt. "
    "Nichts wurde gesendet. Beginnen Sie neu.",
    "error.bad-link": "Dies ist kein vollständiger Secket-Link. Bitten Sie erneut um den "
    "ganzen Link.",
    "error.bad-link.empty": "Dieser Link ist leer. Fügen Sie den ganzen Link ein, den Sie "
    "erhalten haben.",
    "error.bad-link.no-fragment": "Diesem Link fehlt der Teil nach dem „#“, der das "
    "Geheimnis enthält. Bitten Sie um den ganzen Link.",
    "error.bad-link.incomplete": "Dieser Link ist unvollständig: Er wurde beim Kopieren "
    "vielleicht abgeschnitten.",
    "error.bad-link.too-long": "Dieser Link hat am Ende zusätzliche Zeichen: Kopieren Sie "
    "ihn erneut, oder entfernen Sie, was hinzugefügt wurde.",
    "error.bad-link.damaged": "Dieser Link ist beschädigt: Einige seiner Zeichen wurden "
    "verändert. Bitten Sie erneut um den Link.",
    "error.bad-link.newer": "Dieser Link stammt von einer neueren Secket-Version. Laden Sie "
    "die Seite neu, um sie zu aktualisieren, oder bitten Sie die andere Person um einen neuen "
    "Link.",
    "error.unsupported": "Dieser Browser kann keine X25519-Schlüssel erzeugen. Verwenden Sie "
    "einen aktuellen Chrome, Edge, Firefox oder Safari.",
    "error.unsupported.no-webrtc": "Dieser Browser kann keine direkten Verbindungen aufbauen "
    "(kein WebRTC). Verwenden Sie einen aktuellen Chrome, Edge, Firefox oder Safari.",
    "error.unreachable": "Der Secket-Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung "
    "und beginnen Sie neu.",
    "error.unreachable.lost": "Die Verbindung zum Secket-Server ist abgebrochen. Beginnen Sie neu.",
    "error.no-path": "Es wurde kein Netzwerkweg zwischen den beiden Browsern gefunden. "
    "Vielleicht blockiert eine Firewall direkte Verbindungen; der Betreiber dieses "
    "Secket-Servers kann ein TURN-Relay einrichten.",
    "error.no-path.bad-offer": "Das Verbindungsangebot des anderen Browsers war nicht "
    "verwendbar. " + _START_OVER,
    "error.relay-refused": "Der Relay-Server hat diesen Browser abgewiesen: Seine "
    "Zugangsdaten sind falsch oder abgelaufen. Beginnen Sie neu; passiert es wieder, sollte "
    "der Betreiber prüfen, ob das TURN-Geheimnis von Secket zu dem des Relays passt (coturn: "
    "static-auth-secret) und ob die Uhren übereinstimmen.",
    "error.too-large-for-channel": "Die Verbindung dieses Browsers kann keine so große "
    "Nachricht übertragen. Senden Sie ein kürzeres Geheimnis.",
    "error.peer-failed": "Die Seite der anderen Person wurde mit einem Fehler beendet ({cause}).",
    # The terminal peer's own.
    "error.usage": "Dieser Befehl kann so nicht ausgeführt werden.",
    "error.no-server": "Kein Secket-Server angegeben: Geben Sie --server URL an, oder setzen "
    "Sie SECKET_SERVER auf seine Adresse.",
    "error.no-terminal": "Es gibt kein Terminal, um den Code zu bestätigen: Führen Sie dies "
    "in einem Terminal aus, oder geben Sie --expect-code mit der Zahl an, die der Bildschirm "
    "der anderen Person zeigt.",
    "error.wrong-command": "Dieser Link ist für den anderen Befehl: Führen Sie secket send "
    "oder secket receive aus, wie es die Person sagt, die ihn geschickt hat.",
    "error.mismatch": "Die Codes stimmten nicht überein. " + _MIDDLE,
    "error.peer-left": "Die andere Person ist vor dem Ende gegangen. " + _START_OVER,
    "error.output": "Das Geheimnis konnte nicht ausgegeben werden.",
    "error.interrupted": "Unterbrochen. Nichts wurde aufbewahrt.",
    "error.runtime": "Die Laufzeitumgebung der Seite konnte nicht aus den festgelegten Paketen "
    "abgeleitet werden.",
    # The server's refusals (the `code` of its `error` frames).
    "error.server-refused": "Der Secket-Server hat dies abgelehnt.",
    "error.room-full": "Dieser Link wird bereits von zwei Personen verwendet oder wurde schon "
    "verwendet.",
    "error.bad-message": "Der Server konnte eine Nachricht nicht verstehen.",
    "error.unknown-type": "Der Server kennt diesen Nachrichtentyp nicht.",
    "error.too-large": "Eine Nachricht war größer, als der Server annimmt.",
    "error.not-joined": "Treten Sie einem Raum bei, bevor Sie Signale senden.",
    "error.already-joined": "Diese Verbindung ist bereits einem Raum beigetreten.",
    "error.not-paired": "Die andere Person ist noch nicht beigetreten.",
    "error.room-expired": "Dieser Link ist abgelaufen. Beginnen Sie neu, mit einem neuen Link.",
    "error.no-room": "Dieser Link ist falsch oder nicht mehr gültig: Er wurde beim Kopieren "
    "vielleicht verändert, die Person, die ihn erstellt hat, hat die Seite vielleicht "
    "geschlossen, oder er ist zu alt. Bitten Sie um einen neuen Link.",
    "error.rate-limited": "Zu viele Nachrichten. Warten Sie einen Moment und versuchen Sie es "
    "erneut.",
    "error.server-full": "Der Server ist ausgelastet. Versuchen Sie es später erneut.",
    "error.bad-origin": "Diese Seite darf diesen Server nicht verwenden.",
    "error.shutting-down": "Der Server startet neu. Versuchen Sie es gleich noch einmal.",
    "error.unavailable": "Der Server erreicht seinen Raumspeicher nicht. Versuchen Sie es "
    "gleich noch einmal.",
}
