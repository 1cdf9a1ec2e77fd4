"""French: every sentence of :mod:`secket.i18n.en`, by the same keys, with the same fields.

Written with plain spaces; :func:`_typography` puts the no-break spaces French wants before
``:``, ``;``, ``?``, ``!`` and inside « », so that a line never starts with one of them.
"""

from __future__ import annotations

from typing import Final

from . import Catalogue

_START_OVER = "Recommencez avec un nouveau lien."
_MIDDLE = (
    "Quelqu'un se trouve peut-être au milieu de cette connexion. Recommencez avec un nouveau "
    "lien et, si possible, envoyez-le par un autre moyen."
)

_MESSAGES: Final[Catalogue] = {
    "number.group": "\u202f",
    # Around the app; also before Python starts.
    "page.title": "Secket : transmettre un secret, vérifié",
    "page.home-link": "Accueil de Secket",
    "page.tagline": "un secret, une personne, rien de conservé",
    "page.language": "Langue",
    "page.loading": "Chargement de l'environnement sécurisé…",
    "page.footer": "Chiffré de bout en bout (HPKE, X25519). De navigateur à navigateur via "
    "WebRTC. Code source ouvert ; le modèle de sécurité est décrit dans le README.",
    "page.failed": "Secket n'a pas pu démarrer.",
    "page.failed.lead": "Cette page n'a pas pu démarrer ({reason}). Rien n'a été envoyé ni "
    "conservé. Vérifiez votre connexion, puis rechargez la page.",
    "page.failed.no-files": "ses fichiers Python ne se sont pas chargés",
    "page.failed.stopped": "son Python s'est arrêté : {error}",
    "page.failed.missing": "un fichier nécessaire n'est pas arrivé : {path}",
    "page.noscript.title": "Secket a besoin de JavaScript.",
    "page.noscript.lead": "Le secret est chiffré et déchiffré par le code de cette page, dans "
    "votre navigateur ; sans JavaScript, il ne peut pas s'exécuter. Rien n'a été envoyé ni "
    "conservé. Activez JavaScript pour ce site, puis rechargez la page.",
    "page.progress": "{percent} % de l'environnement sécurisé téléchargés",
    "page.progress-label": "Environnement sécurisé téléchargé",
    "page.intro.title": "Transmettre un secret à une personne",
    "page.intro.lead": "Secket transmet un mot de passe, une clé ou une note d'un navigateur à "
    "un autre : chiffré dans votre navigateur pour une clé que seul le navigateur de l'autre "
    "personne détient, envoyé directement entre les deux, vérifié par un code que vous voyez "
    "tous les deux. Aucun serveur n'en garde de copie ; rien n'est enregistré.",
    "page.intro.hint": "La page charge l'environnement sécurisé avec lequel elle chiffre. Vous "
    "pourrez ensuite créer un lien pour recevoir un secret ou pour en envoyer un.",
    "page.intro.link-title": "Quelqu'un attend d'échanger un secret avec vous",
    "page.intro.link-lead": "La personne qui vous a envoyé ce lien veut vous transmettre un "
    "secret (un mot de passe, une clé, une note), ou en recevoir un de vous. Il passe "
    "directement d'un navigateur à l'autre, chiffré, et rien n'est conservé.",
    "page.intro.how.1": "Quand la page sera chargée, appuyez sur « Rejoindre » : votre "
    "navigateur se connecte directement au sien.",
    "page.intro.how.2": "Vous verrez tous les deux la même couleur, les mêmes emoji, mots et "
    "nombre. Comparez-les avec l'autre personne, idéalement au téléphone.",
    "page.intro.how.3": "Seulement s'ils correspondent, appuyez sur « Ils correspondent ». Le "
    "secret est alors envoyé, affiché une fois, et disparaît quand vous avez terminé.",
    "page.intro.link-hint": "Gardez cette page ouverte pendant le chargement de "
    "l'environnement sécurisé.",
    # The screens' own text.
    "home.title": "Transmettre un secret à une personne",
    "home.lead": "Un mot de passe, une clé, une note : chiffré dans ce navigateur, envoyé "
    "directement au navigateur de l'autre personne, vérifié par un code que vous voyez tous "
    "les deux. Aucun serveur n'en garde de copie ; rien n'est enregistré.",
    "home.receive": "Recevoir un secret",
    "home.send": "Envoyer un secret",
    "home.how.1": "Vous obtenez un lien. Envoyez-le à l'autre personne comme vous voulez, "
    "même par SMS ou par e-mail.",
    "home.how.2": "Elle l'ouvre ; vos deux navigateurs se connectent directement.",
    "home.how.3": "Vous voyez tous les deux les mêmes emoji, mots et couleur. Comparez-les "
    "(idéalement au téléphone), puis appuyez sur « Ils correspondent ».",
    "home.how.4": "Le secret voyage chiffré pour la clé du destinataire, s'affiche une fois, "
    "et disparaît quand celui-ci appuie sur « Terminé ».",
    "share.title": "Envoyez ce lien à l'autre personne",
    "share.link-label": "Lien du salon",
    "share.button": "Partager",
    "share.qr-label": "Code QR du lien du salon",
    "share.hint": "Gardez cette page ouverte jusqu'à la fin. Le lien sert une fois, pour une "
    "personne, et expire au bout de 10 minutes.",
    "join.how.1": "Appuyez sur « Rejoindre » : votre navigateur se connecte directement au sien.",
    "join.how.2": "Vous verrez tous les deux les mêmes emoji, mots et couleur. Comparez-les "
    "avec l'autre personne.",
    "join.how.3": "Seulement s'ils correspondent, appuyez sur « Ils correspondent ».",
    "join.button": "Rejoindre",
    "verify.title": "Comparez ce code avec l'autre personne",
    "verify.emoji-label": "Emoji de vérification",
    "verify.number": "Nombre :",
    "verify.number-hint": "Les emoji, la couleur et le nombre sont les mêmes sur les deux "
    "écrans, dans toutes les langues. Si vous parlez des langues différentes, lisez le nombre "
    "à voix haute.",
    "verify.remote-caption": "La vidéo du destinataire. Son cadre, ses emoji et son nombre "
    "doivent correspondre à votre code.",
    "verify.honest": "La vidéo vous aide à reconnaître l'autre personne, mais un attaquant "
    "placé au milieu pourrait la redessiner. Si le secret est important, lisez-vous aussi les "
    "mots ou le nombre, au téléphone ou en personne.",
    "verify.match": "Ils correspondent",
    "verify.mismatch": "Ils ne correspondent pas",
    "send.label": "Votre secret",
    "send.placeholder": "Saisissez ou collez le secret. Il est chiffré avant de quitter cette "
    "page.",
    "send.button": "Envoyer",
    "send.preview-title": "Ce que verra le destinataire",
    "received.title": "Votre secret",
    "received.done": "Terminé : effacer",
    "received.hint": "Il n'est affiché qu'ici et maintenant. Copiez-le là où il doit aller, "
    "puis appuyez sur « Terminé ».",
    "end.start-over": "Recommencer",
    # The colour of the code (secket/core/sas.py, COLOURS).
    "colour.red": "Rouge",
    "colour.orange": "Orange",
    "colour.yellow": "Jaune",
    "colour.green": "Vert",
    "colour.cyan": "Cyan",
    "colour.blue": "Bleu",
    "colour.purple": "Violet",
    "colour.magenta": "Magenta",
    "colour.brown": "Marron",
    "colour.navy": "Bleu marine",
    # The status line.
    "status.ready": "Prêt.",
    "status.ready-to-join": "Prêt. Appuyez sur « Rejoindre » quand vous voulez.",
    "status.waiting-for-opener": "En attente de l'ouverture du lien par l'autre personne…",
    "status.waiting-for-peer": "En attente de l'autre personne…",
    "status.joining": "Connexion au salon…",
    "status.connecting": "Connexion directe avec l'autre personne…",
    "status.working-out-code": "Connecté. Calcul du code de vérification…",
    "status.compare": "Comparez le code avec l'autre personne.",
    "status.verified-sender": "Vérifié. Vous pouvez maintenant envoyer le secret.",
    "status.verified-receiver": "Vérifié. En attente du secret de l'expéditeur…",
    "status.sent": "Envoyé, chiffré. En attente de l'ouverture par le destinataire…",
    "status.received": "Reçu. Copiez-le, puis appuyez sur « Terminé ».",
    # Endings: a title (also the status line) and a lead.
    "end.done.title": "Terminé",
    "end.done.lead": "Le secret est effacé de cette page, et rien n'a été enregistré.",
    "end.done.lead.clipboard": "Le secret est effacé de cette page, mais vous l'avez copié : il "
    "est peut-être encore dans votre presse-papiers, alors copiez autre chose par-dessus.",
    "end.done.lead.clipboard-cleared": "Le secret est effacé de cette page et de votre "
    "presse-papiers, et rien n'a été enregistré.",
    "end.delivered.title": "Remis",
    "end.delivered.lead": "Le destinataire a ouvert le secret, et rien n'a été conservé.",
    "end.sent.title": "Envoyé",
    "end.sent.lead": "Le secret est parti, chiffré, et le destinataire est parti.",
    "end.mismatch.title": "Arrêté : les codes ne correspondaient pas",
    "end.peer-mismatch.title": "Arrêté : selon l'autre personne, les codes ne correspondent pas",
    "end.mismatch.lead": "Rien n'a été envoyé : quelqu'un se trouve peut-être au milieu de cette "
    "connexion, alors recommencez avec un nouveau lien, envoyé si possible par un autre moyen.",
    "end.mismatch.lead.unopened": "Le secret déjà arrivé a été jeté sans être ouvert : quelqu'un "
    "se trouve peut-être au milieu de cette connexion, alors recommencez avec un nouveau lien, "
    "envoyé si possible par un autre moyen.",
    "end.mismatch.lead.sent": "Votre secret était déjà parti : la page du destinataire le jette "
    "si elle ne l'avait pas encore ouvert, mais si les codes différaient vraiment, considérez le "
    "secret comme exposé et changez-le.",
    "end.peer-left.title": "L'autre personne est partie",
    "end.peer-left.lead": "Sa page s'est fermée ou a perdu la connexion avant l'envoi du secret, "
    "donc rien n'a été envoyé : recommencez avec un nouveau lien.",
    "end.full.title": "Ce lien est déjà utilisé",
    "end.full.lead": "Un lien sert à deux personnes, une fois, et deux personnes sont ou ont été "
    "connectées par celui-ci : demandez un nouveau lien à la personne qui vous l'a envoyé.",
    "end.no-room.title": "Ce lien est erroné ou n'est plus valable",
    "end.no-room.lead": "Il a peut-être été modifié lors de la copie, la personne qui l'a créé a "
    "peut-être fermé sa page, ou il est trop ancien. Demandez un nouveau lien.",
    "end.room-expired.title": "Ce lien a expiré",
    "end.room-expired.lead": "Les liens sont valables 10 minutes. Demandez un nouveau lien.",
    "end.room-expired.lead.creator": "Les liens sont valables 10 minutes. Recommencez pour en "
    "créer un nouveau.",
    "end.stopped.title": "Arrêté",
    # Notes beside the code, and the warning line.
    "note.peer-confirmed": "L'autre personne a confirmé que les codes correspondent.",
    "note.secret-arrived": "Le secret est arrivé. Il s'ouvrira dès que vous aurez confirmé "
    "que les codes correspondent.",
    "note.late-mismatch": "L'expéditeur dit maintenant que les codes ne correspondent pas.",
    "note.sender-left": "L'expéditeur est parti. Le secret reste ici jusqu'à ce que vous "
    "appuyiez sur « Terminé ».",
    "warning.intruder": "Quelqu'un d'autre vient d'essayer d'ouvrir ce lien et a été refusé. "
    "Si vous ne l'avez donné qu'à une seule personne, comparez le code avec un soin "
    "particulier.",
    "warning.marked.receiver": "Ce secret contient des caractères invisibles ou qui modifient "
    "l'apparence du texte. Chacun est affiché dans une case marquée qui le nomme, comme ⟨U+200B "
    "ZERO WIDTH SPACE⟩ ; « Copier » donne l'original exact, sans les cases.",
    "warning.marked.sender": "Votre secret contient des caractères invisibles ou qui modifient "
    "l'apparence du texte. Le destinataire verra chacun dans une case marquée qui le nomme, comme "
    "ci-dessous.",
    "kind.bidi": "Caractères de direction, qui réordonnent le texte autour d'eux",
    "kind.invisible": "Caractères invisibles (de largeur nulle et de mise en forme)",
    "kind.control": "Caractères de contrôle (la copie d'un navigateur peut omettre NULL, U+0000)",
    "kind.space": "Tabulations, espaces inhabituelles, ou espaces en début ou en fin de ligne",
    "kind.variation": "Sélecteurs de variante hors d'un emoji",
    "kind.tag": "Caractères d'étiquette (lettres invisibles)",
    "kind.private-use": "Caractères à usage privé",
    "kind.unassigned": "Points de code non attribués ou non-caractères",
    "kind.surrogate": "Caractères cassés (une moitié de paire UTF-16)",
    "kind.stacked-marks": "Plus de quatre accents sur un même caractère",
    # The detail line.
    "detail.path.direct": "Connexion : directe, chiffrée de bout en bout.",
    "detail.path.relayed": "Connexion : via un serveur relais, chiffrée de bout en bout.",
    "detail.path.unknown": "Connexion : inconnue, chiffrée de bout en bout.",
    "detail.server-closed": "La connexion au serveur s'est fermée avec le code {code}.",
    "detail.relay-refused": "Le relais a refusé ce navigateur ({code} {text}).",
    "detail.cause": "Détail : {cause}",
    # Text dom.py writes on its own.
    "share.lead.receiver": "Envoyez ce lien à la personne qui a le secret. Quand elle l'aura "
    "ouvert et aura appuyé sur « Rejoindre », vous comparerez un code, puis elle pourra "
    "l'envoyer.",
    "share.lead.sender": "Envoyez ce lien à la personne qui doit recevoir le secret. Quand "
    "elle l'aura ouvert et aura appuyé sur « Rejoindre », vous comparerez un code, puis vous "
    "pourrez l'envoyer.",
    "join.title.sender": "Quelqu'un attend un secret de votre part",
    "join.lead.sender": "La personne qui vous a envoyé ce lien veut que vous lui transmettiez "
    "un secret. Après avoir tous deux confirmé le code, vous le saisissez ici et il part "
    "directement vers son navigateur, chiffré pour une clé que seul son navigateur détient.",
    "join.title.receiver": "Quelqu'un veut vous transmettre un secret",
    "join.lead.receiver": "La personne qui vous a envoyé ce lien a un secret pour vous. Votre "
    "navigateur crée une clé qui ne le quitte jamais ; le secret est chiffré pour cette clé.",
    "secret.count": "{size:,} octets sur {limit:,}",
    "secret.problem.surrogate": "Le caractère {position:,} du secret est cassé (une moitié de "
    "caractère, comme en laissent certains claviers et collages) : supprimez-le et retapez ce "
    "caractère.",
    "share.text.receiver": "Ouvrez ce lien pour me transmettre un secret avec Secket. Nous "
    "comparerons un code avant tout envoi.",
    "share.text.sender": "Ouvrez ce lien pour recevoir un secret de ma part avec Secket. Nous "
    "comparerons un code avant tout envoi.",
    "copy.link": "Copier le lien",
    "copy.secret": "Copier",
    "copy.done": "Copié",
    "copy.failed": "Échec de la copie : sélectionnez et copiez",
    "camera.on": "Ce que l'expéditeur voit de vous.",
    "camera.off": "Ce que l'expéditeur voit de vous : la couleur et les emoji, sans caméra.",
    "video.connecting": "Connexion…",
    # Errors, by code (secket/core/errors.py).
    "error.error": "Une erreur inattendue s'est produite. Recommencez.",
    "error.local-protocol": "Cette page a tenté une action que le protocole n'autorise pas à "
    "ce stade.",
    "error.secret-too-large": "Le secret est trop grand : 64 Kio au plus peuvent être envoyés.",
    "error.secret-empty": "Il n'y a rien à envoyer : saisissez ou collez d'abord le secret.",
    "error.secret-blank": "Le secret ne contient que des espaces, des sauts de ligne ou des "
    "caractères invisibles : il n'y a rien à envoyer. Saisissez ou collez le secret.",
    "error.secret-surrogate": "Le secret contient un caractère cassé (une moitié de "
    "caractère, comme en laissent certains claviers et collages). Supprimez-le et retapez ce "
    "caractère.",
    "error.remote-protocol": "L'autre côté a envoyé quelque chose que le protocole n'autorise pas.",
    "error.remote-protocol.version": "L'autre côté utilise une autre version de Secket. Les "
    "deux doivent recharger la page.",
    "error.decrypt": "Un message n'a pas pu être déchiffré : il a été modifié ou n'était pas "
    "destiné à cette session.",
    "error.signal-tampered": "L'établissement de la connexion a été falsifié : un message ne "
    "venait pas de la personne qui a le lien. Rien n'a été envoyé. " + _START_OVER,
    "error.commit-mismatch": "La clé de l'autre côté ne correspond pas à celle à laquelle il "
    "s'était engagé. Rien n'a été envoyé.",
    "error.extra-channel": "L'autre côté a tenté d'ouvrir une seconde connexion, ce que "
    "Secket ne fait jamais : quelqu'un se trouve peut-être au milieu. " + _START_OVER,
    "error.server-protocol": "Le serveur Secket n'a pas respecté le protocole de "
    "signalisation. Rien n'a été envoyé. Recommencez.",
    "error.bad-link": "Ce lien n'est pas un lien Secket complet. Redemandez le lien entier.",
    "error.bad-link.empty": "Ce lien est vide. Collez le lien entier qu'on vous a donné.",
    "error.bad-link.no-fragment": "Ce lien a perdu sa partie après le « # », qui contient le "
    "secret. Demandez le lien entier.",
    "error.bad-link.incomplete": "Ce lien est incomplet : il a peut-être été coupé lors de la "
    "copie.",
    "error.bad-link.too-long": "Ce lien a des caractères en trop à la fin : copiez-le à "
    "nouveau, ou retirez ce qui a été ajouté.",
    "error.bad-link.damaged": "Ce lien est endommagé : certains de ses caractères ont été "
    "modifiés. Redemandez le lien.",
    "error.bad-link.newer": "Ce lien a été créé par une version plus récente de Secket. "
    "Rechargez la page pour la mettre à jour, ou demandez un nouveau lien à l'autre personne.",
    "error.unsupported": "Ce navigateur ne sait pas créer de clés X25519. Utilisez une version "
    "récente de Chrome, Edge, Firefox ou Safari.",
    "error.unsupported.no-webrtc": "Ce navigateur ne sait pas établir de connexions directes "
    "(pas de WebRTC). Utilisez une version récente de Chrome, Edge, Firefox ou Safari.",
    "error.unreachable": "Impossible de joindre le serveur Secket. Vérifiez votre connexion "
    "et recommencez.",
    "error.unreachable.lost": "La connexion au serveur Secket a été perdue. Recommencez.",
    "error.no-path": "Aucun chemin réseau n'a été trouvé entre les deux navigateurs. Un "
    "pare-feu bloque peut-être les connexions directes ; l'exploitant de ce serveur Secket "
    "peut ajouter un relais TURN.",
    "error.no-path.bad-offer": "L'offre de connexion de l'autre navigateur était "
    "inutilisable. " + _START_OVER,
    "error.relay-refused": "Le serveur relais a refusé ce navigateur : ses identifiants sont "
    "faux ou expirés. Recommencez ; si cela se reproduit, l'exploitant doit vérifier que le "
    "secret TURN donné à Secket est celui du relais (coturn : static-auth-secret) et que les "
    "horloges concordent.",
    "error.too-large-for-channel": "La connexion de ce navigateur ne peut pas transporter un "
    "message aussi grand. Envoyez un secret plus court.",
    "error.peer-failed": "La page de l'autre personne s'est arrêtée sur une erreur ({cause}).",
    # The terminal peer's own.
    "error.usage": "Cette commande ne peut pas s'exécuter telle quelle.",
    "error.no-server": "Aucun serveur Secket n'est défini : indiquez --server URL, ou donnez "
    "son adresse à SECKET_SERVER.",
    "error.no-terminal": "Il n'y a pas de terminal où confirmer le code : lancez ceci dans un "
    "terminal, ou indiquez --expect-code avec le nombre affiché sur l'écran de l'autre "
    "personne.",
    "error.wrong-command": "Ce lien est pour l'autre commande : lancez secket send ou secket "
    "receive, comme l'indique la personne qui l'a envoyé.",
    "error.mismatch": "Les codes ne correspondaient pas. " + _MIDDLE,
    "error.peer-left": "L'autre personne est partie avant la fin. " + _START_OVER,
    "error.output": "Le secret n'a pas pu être écrit.",
    "error.interrupted": "Interrompu. Rien n'a été conservé.",
    "error.runtime": "L'environnement d'exécution de la page n'a pas pu être dérivé des "
    "paquets épinglés.",
    # The server's refusals (the `code` of its `error` frames).
    "error.server-refused": "Le serveur Secket a refusé cela.",
    "error.room-full": "Ce lien est déjà utilisé par deux personnes, ou l'a été.",
    "error.bad-message": "Le serveur n'a pas compris un message.",
    "error.unknown-type": "Le serveur ne connaît pas ce type de message.",
    "error.too-large": "Un message dépassait la taille acceptée par le serveur.",
    "error.not-joined": "Rejoignez un salon avant d'envoyer des signaux.",
    "error.already-joined": "Cette connexion a déjà rejoint un salon.",
    "error.not-paired": "L'autre personne n'a pas encore rejoint le salon.",
    "error.room-expired": "Ce lien a expiré. Recommencez avec un nouveau lien.",
    "error.no-room": "Ce lien est erroné ou n'est plus valable : il a peut-être été modifié "
    "lors de la copie, la personne qui l'a créé a peut-être fermé la page, ou il est trop "
    "ancien. Demandez un nouveau lien.",
    "error.rate-limited": "Trop de messages. Patientez un instant et réessayez.",
    "error.server-full": "Le serveur est surchargé. Réessayez plus tard.",
    "error.bad-origin": "Cette page n'est pas autorisée à utiliser ce serveur.",
    "error.shutting-down": "Le serveur redémarre. Réessayez dans un instant.",
    "error.unavailable": "Le serveur ne joint pas son stockage des salons. Réessayez dans un "
    "instant.",
}

_BEFORE = (" :", " ;", " ?", " !", " »")


def _typography(text: str) -> str:
    for mark in _BEFORE:
        text = text.replace(mark, "\u00a0" + mark[1])
    return text.replace("« ", "«\u00a0")


MESSAGES: Final[Catalogue] = {key: _typography(value) for key, value in _MESSAGES.items()}
