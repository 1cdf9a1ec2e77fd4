"""Spanish: every sentence of :mod:`secket.i18n.en`, by the same keys, with the same fields."""

from __future__ import annotations

from typing import Final

from . import Catalogue

_START_OVER = "Empieza de nuevo con un enlace nuevo."
_MIDDLE = (
    "Puede que alguien esté en medio de esta conexión. Empieza de nuevo con un enlace nuevo "
    "y, si puedes, envíalo por otro canal."
)

MESSAGES: Final[Catalogue] = {
    "number.group": ".",
    # Around the app; also before Python starts.
    "page.title": "Secket: entregar un secreto, verificado",
    "page.home-link": "Inicio de Secket",
    "page.tagline": "un secreto, una persona, nada guardado",
    "page.language": "Idioma",
    "page.loading": "Cargando el entorno seguro…",
    "page.footer": "Cifrado de extremo a extremo (HPKE, X25519). De navegador a navegador "
    "por WebRTC. Código abierto; el modelo de seguridad está en el README.",
    "page.failed": "Secket no pudo iniciarse.",
    "page.failed.lead": "Esta página no pudo iniciarse ({reason}). No se envió ni se guardó "
    "nada. Comprueba tu conexión y vuelve a cargar la página.",
    "page.failed.no-files": "sus archivos de Python no se cargaron",
    "page.failed.stopped": "su Python se detuvo: {error}",
    "page.failed.missing": "no llegó un archivo que necesita: {path}",
    "page.noscript.title": "Secket necesita JavaScript.",
    "page.noscript.lead": "El secreto se cifra y se descifra con el propio código de esta página, "
    "en tu navegador; sin JavaScript no puede funcionar. No se envió ni se guardó nada. Activa "
    "JavaScript para este sitio y vuelve a cargar la página.",
    "page.progress": "{percent} % del entorno seguro descargado",
    "page.progress-label": "Entorno seguro descargado",
    "page.intro.title": "Entrega un secreto a una persona",
    "page.intro.lead": "Secket pasa una contraseña, una clave o una nota de un navegador a "
    "otro: se cifra en tu navegador para una clave que solo tiene el navegador de la otra "
    "persona, va directamente entre los dos y se comprueba con un código que ven ambas "
    "personas. Ningún servidor guarda una copia; no se almacena nada.",
    "page.intro.hint": "La página está cargando el entorno seguro con el que cifra. Después "
    "podrás crear un enlace para recibir un secreto o para enviarlo.",
    "page.intro.link-title": "Alguien espera intercambiar un secreto contigo",
    "page.intro.link-lead": "La persona que te envió este enlace quiere entregarte un secreto "
    "(una contraseña, una clave, una nota) o recibir uno tuyo. Va directamente de un "
    "navegador al otro, cifrado, y no se guarda nada.",
    "page.intro.how.1": "Cuando la página haya cargado, pulsa «Unirse»: tu navegador se "
    "conecta directamente con el suyo.",
    "page.intro.how.2": "Verás el mismo color, los mismos emoji, palabras y número que la otra "
    "persona. Compáralos con ella, mejor en una llamada.",
    "page.intro.how.3": "Solo si coinciden, pulsa «Coinciden». Entonces el secreto se envía, "
    "se muestra una vez y desaparece cuando termináis.",
    "page.intro.link-hint": "Deja esta página abierta mientras se carga el entorno seguro.",
    # The screens' own text.
    "home.title": "Entrega un secreto a una persona",
    "home.lead": "Una contraseña, una clave, una nota: se cifra en este navegador, va "
    "directamente al navegador de la otra persona y se comprueba con un código que ven ambas "
    "personas. Ningún servidor guarda una copia; no se almacena nada.",
    "home.receive": "Recibir un secreto",
    "home.send": "Enviar un secreto",
    "home.how.1": "Obtienes un enlace. Envíaselo a la otra persona como quieras, incluso por "
    "SMS o correo electrónico.",
    "home.how.2": "La otra persona lo abre; los dos navegadores se conectan directamente.",
    "home.how.3": "Verás los mismos emoji, palabras y color que la otra persona. Compáralos "
    "(mejor en una llamada) y pulsa «Coinciden».",
    "home.how.4": "El secreto viaja cifrado para la clave de quien lo recibe, se muestra una "
    "vez y desaparece cuando esa persona pulsa «Listo».",
    "share.title": "Envía este enlace a la otra persona",
    "share.link-label": "Enlace de la sala",
    "share.button": "Compartir",
    "share.qr-label": "Código QR del enlace de la sala",
    "share.hint": "Deja esta página abierta hasta terminar. El enlace sirve una vez, para una "
    "persona, y caduca a los 10 minutos.",
    "join.how.1": "Pulsa «Unirse»: tu navegador se conecta directamente con el suyo.",
    "join.how.2": "Verás los mismos emoji, palabras y color que la otra persona. Compáralos "
    "con ella.",
    "join.how.3": "Solo si coinciden, pulsa «Coinciden».",
    "join.button": "Unirse",
    "verify.title": "Compara este código con la otra persona",
    "verify.emoji-label": "Emoji de verificación",
    "verify.number": "Número:",
    "verify.number-hint": "Los emoji, el color y el número son los mismos en las dos "
    "pantallas, en cualquier idioma. Si la otra persona habla otro idioma, lee el número en "
    "voz alta.",
    "verify.remote-caption": "El video de quien recibe. Su borde, sus emoji y su número deben "
    "coincidir con tu código.",
    "verify.honest": "El video te ayuda a reconocer a la otra persona, pero un atacante en "
    "medio podría volver a dibujarlo. Si el secreto importa, lee también las palabras o el "
    "número a la otra persona, por teléfono o en persona.",
    "verify.match": "Coinciden",
    "verify.mismatch": "No coinciden",
    "send.label": "Tu secreto",
    "send.placeholder": "Escribe o pega el secreto. Se cifra antes de salir de esta página.",
    "send.button": "Enviar",
    "send.preview-title": "Lo que verá quien lo recibe",
    "received.title": "Tu secreto",
    "received.done": "Listo: borrarlo",
    "received.hint": "Solo se muestra aquí y ahora. Cópialo donde corresponda y pulsa «Listo».",
    "end.start-over": "Empezar de nuevo",
    # The colour of the code (secket/core/sas.py, COLOURS).
    "colour.red": "Rojo",
    "colour.orange": "Naranja",
    "colour.yellow": "Amarillo",
    "colour.green": "Verde",
    "colour.cyan": "Cian",
    "colour.blue": "Azul",
    "colour.purple": "Morado",
    "colour.magenta": "Magenta",
    "colour.brown": "Marrón",
    "colour.navy": "Azul marino",
    # The status line.
    "status.ready": "Listo.",
    "status.ready-to-join": "Listo. Pulsa «Unirse» cuando quieras.",
    "status.waiting-for-opener": "Esperando a que la otra persona abra el enlace…",
    "status.waiting-for-peer": "Esperando a la otra persona…",
    "status.joining": "Uniéndose…",
    "status.connecting": "Conectando directamente con la otra persona…",
    "status.working-out-code": "Conectado. Calculando el código de verificación…",
    "status.compare": "Compara el código con la otra persona.",
    "status.verified-sender": "Verificado. Ya puedes enviar el secreto.",
    "status.verified-receiver": "Verificado. Esperando el secreto de quien lo envía…",
    "status.sent": "Enviado, cifrado. Esperando a que quien lo recibe lo abra…",
    "status.received": "Recibido. Cópialo y pulsa «Listo».",
    # Endings: a title (also the status line) and a lead.
    "end.done.title": "Listo",
    "end.done.lead": "El secreto se ha borrado de esta página, y no se guardó nada.",
    "end.done.lead.clipboard": "El secreto se ha borrado de esta página, pero lo copiaste: puede "
    "que siga en tu portapapeles, así que copia otra cosa encima.",
    "end.done.lead.clipboard-cleared": "El secreto se ha borrado de esta página y de tu "
    "portapapeles, y no se guardó nada.",
    "end.delivered.title": "Entregado",
    "end.delivered.lead": "Quien lo recibe ha abierto el secreto, y no se guardó nada.",
    "end.sent.title": "Enviado",
    "end.sent.lead": "El secreto salió, cifrado, y quien lo recibe se ha ido.",
    "end.mismatch.title": "Detenido: los códigos no coincidían",
    "end.peer-mismatch.title": "Detenido: la otra persona dice que los códigos no coinciden",
    "end.mismatch.lead": "No se envió nada: puede que alguien esté en medio de esta conexión, así "
    "que empieza de nuevo con un enlace nuevo, enviado por otro canal si puedes.",
    "end.mismatch.lead.unopened": "El secreto que había llegado se descartó sin abrir: puede que "
    "alguien esté en medio de esta conexión, así que empieza de nuevo con un enlace nuevo, "
    "enviado por otro canal si puedes.",
    "end.mismatch.lead.sent": "Tu secreto ya había salido: la página de quien lo recibe lo "
    "descarta si aún no lo había abierto, pero si los códigos eran de verdad distintos, da el "
    "secreto por expuesto y cámbialo.",
    "end.peer-left.title": "La otra persona se ha ido",
    "end.peer-left.lead": "Su página se cerró o perdió la conexión antes de que saliera el "
    "secreto, así que no se envió nada: empieza de nuevo con un enlace nuevo.",
    "end.full.title": "Este enlace ya está en uso",
    "end.full.lead": "Un enlace es para dos personas, una vez, y dos personas están o han estado "
    "conectadas con este: pide un enlace nuevo a quien te lo envió.",
    "end.no-room.title": "Este enlace es incorrecto o ya no es válido",
    "end.no-room.lead": "Puede que se modificara al copiarlo, que quien lo creó haya cerrado su "
    "página o que sea demasiado antiguo. Pide un enlace nuevo.",
    "end.room-expired.title": "Este enlace ha caducado",
    "end.room-expired.lead": "Los enlaces duran 10 minutos. Pide un enlace nuevo.",
    "end.room-expired.lead.creator": "Los enlaces duran 10 minutos. Empieza de nuevo para crear "
    "otro.",
    "end.stopped.title": "Detenido",
    # Notes beside the code, and the warning line.
    "note.peer-confirmed": "La otra persona ha confirmado que los códigos coinciden.",
    "note.secret-arrived": "El secreto ha llegado. Se abrirá cuando confirmes que los "
    "códigos coinciden.",
    "note.late-mismatch": "Quien envía dice ahora que los códigos no coinciden.",
    "note.sender-left": "Quien envía se ha ido. El secreto se queda aquí hasta que pulses «Listo».",
    "warning.intruder": "Alguien más acaba de intentar abrir este enlace y ha sido rechazado. "
    "Si solo lo compartiste con una persona, compara el código con especial cuidado.",
    "warning.marked.receiver": "Este secreto contiene caracteres invisibles o que cambian el "
    "aspecto del texto. Cada uno se muestra en un recuadro marcado con su nombre, como ⟨U+200B "
    "ZERO WIDTH SPACE⟩; «Copiar» da el original exacto, sin los recuadros.",
    "warning.marked.sender": "Tu secreto contiene caracteres invisibles o que cambian el aspecto "
    "del texto. Quien lo reciba verá cada uno en un recuadro marcado con su nombre, como abajo.",
    "kind.bidi": "Controles de dirección, que reordenan el texto que los rodea",
    "kind.invisible": "Caracteres invisibles (de anchura cero y de formato)",
    "kind.control": "Caracteres de control (al copiar, un navegador puede omitir NULL, U+0000)",
    "kind.space": "Tabuladores, espacios poco comunes o espacios al principio o al final de una "
    "línea",
    "kind.variation": "Selectores de variación fuera de un emoji",
    "kind.tag": "Caracteres de etiqueta (letras invisibles)",
    "kind.private-use": "Caracteres de uso privado",
    "kind.unassigned": "Puntos de código sin asignar o no caracteres",
    "kind.surrogate": "Caracteres rotos (media pareja UTF-16)",
    "kind.stacked-marks": "Más de cuatro acentos sobre un mismo carácter",
    # The detail line.
    "detail.path.direct": "Conexión: directa, cifrada de extremo a extremo.",
    "detail.path.relayed": "Conexión: a través de un servidor de retransmisión, cifrada de "
    "extremo a extremo.",
    "detail.path.unknown": "Conexión: desconocida, cifrada de extremo a extremo.",
    "detail.server-closed": "La conexión con el servidor se cerró con el código {code}.",
    "detail.relay-refused": "El servidor de retransmisión rechazó este navegador ({code} {text}).",
    "detail.cause": "Detalle: {cause}",
    # Text dom.py writes on its own.
    "share.lead.receiver": "Envía este enlace a la persona que tiene el secreto. Cuando lo "
    "abra y pulse «Unirse», compararás un código con ella y después podrá enviarlo.",
    "share.lead.sender": "Envía este enlace a la persona que debe recibir el secreto. Cuando "
    "lo abra y pulse «Unirse», compararás un código con ella y después podrás enviarlo.",
    "join.title.sender": "Alguien espera un secreto tuyo",
    "join.lead.sender": "La persona que te envió este enlace quiere que le entregues un "
    "secreto. Cuando ambos confirmen el código, lo escribes aquí y va directamente a su "
    "navegador, cifrado para una clave que solo tiene su navegador.",
    "join.title.receiver": "Alguien quiere entregarte un secreto",
    "join.lead.receiver": "La persona que te envió este enlace tiene un secreto para ti. Tu "
    "navegador crea una clave que nunca sale de él; el secreto se cifra para esa clave.",
    "secret.count": "{size:,} de {limit:,} bytes",
    "secret.problem.surrogate": "El carácter {position:,} del secreto está roto (medio carácter, "
    "como dejan algunos teclados y algunas operaciones de pegar): bórralo y vuelve a escribir ese "
    "carácter.",
    "share.text.receiver": "Abre este enlace para entregarme un secreto con Secket. "
    "Compararemos un código antes de enviar nada.",
    "share.text.sender": "Abre este enlace para recibir un secreto mío con Secket. "
    "Compararemos un código antes de enviar nada.",
    "copy.link": "Copiar enlace",
    "copy.secret": "Copiar",
    "copy.done": "Copiado",
    "copy.failed": "No se pudo copiar: selecciónalo y cópialo",
    "camera.on": "Lo que quien envía ve de ti.",
    "camera.off": "Lo que quien envía ve de ti: el color y los emoji, sin cámara.",
    "video.connecting": "Conectando…",
    # Errors, by code (secket/core/errors.py).
    "error.error": "Algo inesperado salió mal. Empieza de nuevo.",
    "error.local-protocol": "Esta página intentó hacer algo que el protocolo no permite en "
    "este momento.",
    "error.secret-too-large": "El secreto es demasiado grande: se pueden enviar como máximo "
    "64 KiB.",
    "error.secret-empty": "No hay nada que enviar: primero escribe o pega el secreto.",
    "error.secret-blank": "El secreto solo tiene espacios, saltos de línea o caracteres "
    "invisibles: no hay nada que enviar. Escribe o pega el secreto.",
    "error.secret-surrogate": "El secreto contiene un carácter roto (medio carácter, como "
    "dejan algunos teclados y algunas operaciones de pegar). Bórralo y vuelve a escribir ese "
    "carácter.",
    "error.remote-protocol": "El otro lado envió algo que el protocolo no permite.",
    "error.remote-protocol.version": "El otro lado usa otra versión de Secket. Ambas "
    "personas deben volver a cargar la página.",
    "error.decrypt": "No se pudo descifrar un mensaje: fue alterado o no era para esta sesión.",
    "error.signal-tampered": "Se manipuló el establecimiento de la conexión: un mensaje no "
    "venía de la persona que tiene el enlace. No se envió nada. " + _START_OVER,
    "error.commit-mismatch": "La clave del otro lado no coincide con la que se comprometió a "
    "usar. No se envió nada.",
    "error.extra-channel": "El otro lado intentó abrir una segunda conexión, algo que Secket "
    "nunca hace: puede que alguien esté en medio. " + _START_OVER,
    "error.server-protocol": "El servidor de Secket incumplió el protocolo de señalización. "
    "No se envió nada. Empieza de nuevo.",
    "error.bad-link": "Este enlace no es un enlace de Secket completo. Vuelve a pedir el "
    "enlace entero.",
    "error.bad-link.empty": "Este enlace está vacío. Pega el enlace entero que te dieron.",
    "error.bad-link.no-fragment": "Este enlace ha perdido la parte que sigue a «#», que "
    "contiene el secreto. Pide el enlace entero.",
    "error.bad-link.incomplete": "Este enlace está incompleto: puede que se cortara al copiarlo.",
    "error.bad-link.too-long": "Este enlace tiene caracteres de más al final: vuelve a "
    "copiarlo o quita lo que se añadió.",
    "error.bad-link.damaged": "Este enlace está dañado: algunos de sus caracteres han "
    "cambiado. Vuelve a pedir el enlace.",
    "error.bad-link.newer": "Este enlace lo creó una versión más reciente de Secket. Vuelve a "
    "cargar la página para actualizarla o pide un enlace nuevo a la otra persona.",
    "error.unsupported": "Este navegador no puede crear claves X25519. Usa una versión "
    "reciente de Chrome, Edge, Firefox o Safari.",
    "error.unsupported.no-webrtc": "Este navegador no puede establecer conexiones directas "
    "(no tiene WebRTC). Usa una versión reciente de Chrome, Edge, Firefox o Safari.",
    "error.unreachable": "No se puede conectar con el servidor de Secket. Comprueba tu "
    "conexión y empieza de nuevo.",
    "error.unreachable.lost": "Se perdió la conexión con el servidor de Secket. Empieza de nuevo.",
    "error.no-path": "No se encontró ninguna ruta de red entre los dos navegadores. Puede que "
    "un cortafuegos bloquee las conexiones directas; quien gestiona este servidor de Secket "
    "puede añadir un servidor de retransmisión TURN.",
    "error.no-path.bad-offer": "No se pudo usar la oferta de conexión del otro navegador. "
    + _START_OVER,
    "error.relay-refused": "El servidor de retransmisión rechazó este navegador: sus "
    "credenciales son incorrectas o han caducado. Empieza de nuevo; si vuelve a ocurrir, "
    "quien gestiona el servidor debe comprobar que el secreto TURN que se dio a Secket es el "
    "del servidor de retransmisión (coturn: static-auth-secret) y que los relojes coinciden.",
    "error.too-large-for-channel": "La conexión de este navegador no puede llevar un mensaje "
    "tan grande. Envía un secreto más corto.",
    "error.peer-failed": "La página de la otra persona se detuvo con un error ({cause}).",
    # The terminal peer's own.
    "error.usage": "Este comando no puede ejecutarse así.",
    "error.no-server": "No hay ningún servidor de Secket configurado: indica --server URL o "
    "pon su dirección en SECKET_SERVER.",
    "error.no-terminal": "No hay ningún terminal donde confirmar el código: ejecuta esto en un "
    "terminal o indica --expect-code con el número que muestra la pantalla de la otra "
    "persona.",
    "error.wrong-command": "Este enlace es para el otro comando: ejecuta secket send o secket "
    "receive según diga la persona que lo envió.",
    "error.mismatch": "Los códigos no coincidían. " + _MIDDLE,
    "error.peer-left": "La otra persona se fue antes del final. " + _START_OVER,
    "error.output": "No se pudo escribir el secreto.",
    "error.interrupted": "Interrumpido. No se guardó nada.",
    "error.runtime": "No se pudo derivar el entorno de ejecución de la página de los paquetes "
    "fijados.",
    # The server's refusals (the `code` of its `error` frames).
    "error.server-refused": "El servidor de Secket lo rechazó.",
    "error.room-full": "Este enlace ya lo usan dos personas, o ya se ha usado.",
    "error.bad-message": "El servidor no entendió un mensaje.",
    "error.unknown-type": "El servidor no conoce este tipo de mensaje.",
    "error.too-large": "Un mensaje superaba el tamaño que acepta el servidor.",
    "error.not-joined": "Únete a una sala antes de enviar señales.",
    "error.already-joined": "Esta conexión ya se ha unido a una sala.",
    "error.not-paired": "La otra persona aún no se ha unido.",
    "error.room-expired": "Este enlace ha caducado. Empieza de nuevo con un enlace nuevo.",
    "error.no-room": "Este enlace es incorrecto o ya no es válido: puede que se modificara al "
    "copiarlo, que quien lo creó haya cerrado la página o que sea demasiado antiguo. Pide un "
    "enlace nuevo.",
    "error.rate-limited": "Demasiados mensajes. Espera un momento y vuelve a intentarlo.",
    "error.server-full": "El servidor está ocupado. Inténtalo más tarde.",
    "error.bad-origin": "Esta página no tiene permiso para usar este servidor.",
    "error.shutting-down": "El servidor se está reiniciando. Vuelve a intentarlo en un momento.",
    "error.unavailable": "El servidor no puede acceder a su almacén de salas. Vuelve a "
    "intentarlo en un momento.",
}
