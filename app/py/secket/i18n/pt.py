"""Portuguese (as written in Brazil): every sentence of :mod:`secket.i18n.en`, by the same
keys, with the same fields."""

from __future__ import annotations

from typing import Final

from . import Catalogue

_START_OVER = "Recomece com um novo link."
_MIDDLE = (
    "Pode haver alguém no meio desta conexão. Recomece com um novo link e, se puder, envie-o "
    "por outro canal."
)

MESSAGES: Final[Catalogue] = {
    "number.group": ".",
    # Around the app; also before Python starts.
    "page.title": "Secket: entregar um segredo, com verificação",
    "page.home-link": "Página inicial do Secket",
    "page.tagline": "um segredo, uma pessoa, nada guardado",
    "page.language": "Idioma",
    "page.loading": "Carregando o ambiente seguro…",
    "page.footer": "Criptografia de ponta a ponta (HPKE, X25519). De navegador para navegador "
    "via WebRTC. Código aberto; o modelo de segurança está no README.",
    "page.failed": "O Secket não conseguiu iniciar.",
    "page.failed.lead": "Esta página não conseguiu iniciar ({reason}). Nada foi enviado nem "
    "guardado. Verifique sua conexão e recarregue a página.",
    "page.failed.no-files": "seus arquivos Python não foram carregados",
    "page.failed.stopped": "seu Python parou: {error}",
    "page.failed.missing": "um arquivo necessário não chegou: {path}",
    "page.noscript.title": "O Secket precisa de JavaScript.",
    "page.noscript.lead": "O segredo é criptografado e descriptografado pelo próprio código desta "
    "página, no seu navegador; sem JavaScript ele não pode ser executado. Nada foi enviado nem "
    "guardado. Ative o JavaScript para este site e recarregue a página.",
    "page.progress": "{percent} % do ambiente seguro baixado",
    "page.progress-label": "Ambiente seguro baixado",
    "page.intro.title": "Entregue um segredo a uma pessoa",
    "page.intro.lead": "O Secket passa uma senha, uma chave ou uma anotação de um navegador "
    "para outro: criptografada no seu navegador para uma chave que só o navegador da outra "
    "pessoa tem, enviada diretamente entre os dois e conferida com um código que as duas "
    "pessoas veem. Nenhum servidor guarda cópia; nada fica armazenado.",
    "page.intro.hint": "A página está carregando o ambiente seguro com que criptografa. Depois "
    "você poderá criar um link para receber um segredo ou para enviar um.",
    "page.intro.link-title": "Alguém está esperando para trocar um segredo com você",
    "page.intro.link-lead": "A pessoa que enviou este link quer entregar a você um segredo "
    "(uma senha, uma chave, uma anotação) ou receber um seu. Ele vai direto de um navegador "
    "para o outro, criptografado, e nada é guardado.",
    "page.intro.how.1": "Quando a página carregar, toque em “Entrar”: seu navegador se conecta "
    "diretamente ao da outra pessoa.",
    "page.intro.how.2": "Você verá a mesma cor e os mesmos emoji, palavras e número que a "
    "outra pessoa. Compare-os com ela, de preferência em uma ligação.",
    "page.intro.how.3": "Só se coincidirem, toque em “Coincidem”. Então o segredo é enviado, "
    "mostrado uma vez e some quando vocês terminarem.",
    "page.intro.link-hint": "Mantenha esta página aberta enquanto o ambiente seguro carrega.",
    # The screens' own text.
    "home.title": "Entregue um segredo a uma pessoa",
    "home.lead": "Uma senha, uma chave, uma anotação: criptografada neste navegador, enviada "
    "direto ao navegador da outra pessoa e conferida com um código que as duas pessoas veem. "
    "Nenhum servidor guarda cópia; nada fica armazenado.",
    "home.receive": "Receber um segredo",
    "home.send": "Enviar um segredo",
    "home.how.1": "Você recebe um link. Envie-o à outra pessoa como quiser, até por SMS ou e-mail.",
    "home.how.2": "Ela o abre; os dois navegadores se conectam diretamente.",
    "home.how.3": "Você verá os mesmos emoji, palavras e cor que a outra pessoa. Compare-os "
    "(de preferência em uma ligação) e toque em “Coincidem”.",
    "home.how.4": "O segredo viaja criptografado para a chave de quem recebe, é mostrado uma "
    "vez e some quando essa pessoa toca em “Concluir”.",
    "share.title": "Envie este link à outra pessoa",
    "share.link-label": "Link da sala",
    "share.button": "Compartilhar",
    "share.qr-label": "Código QR do link da sala",
    "share.hint": "Mantenha esta página aberta até terminar. O link funciona uma vez, para "
    "uma pessoa, e expira em 10 minutos.",
    "join.how.1": "Toque em “Entrar”: seu navegador se conecta diretamente ao da outra pessoa.",
    "join.how.2": "Você verá os mesmos emoji, palavras e cor que a outra pessoa. Compare-os "
    "com ela.",
    "join.how.3": "Só se coincidirem, toque em “Coincidem”.",
    "join.button": "Entrar",
    "verify.title": "Compare este código com a outra pessoa",
    "verify.emoji-label": "Emoji de verificação",
    "verify.number": "Número:",
    "verify.number-hint": "Os emoji, a cor e o número são os mesmos nas duas telas, em "
    "qualquer idioma. Se a outra pessoa fala outro idioma, leia o número em voz alta.",
    "verify.remote-caption": "O vídeo de quem recebe. A borda, os emoji e o número devem "
    "coincidir com o seu código.",
    "verify.honest": "O vídeo ajuda você a reconhecer a outra pessoa, mas um atacante no meio "
    "poderia redesenhá-lo. Quando o segredo importa, leia também as palavras ou o número para "
    "a outra pessoa, por telefone ou pessoalmente.",
    "verify.match": "Coincidem",
    "verify.mismatch": "Não coincidem",
    "send.label": "Seu segredo",
    "send.placeholder": "Digite ou cole o segredo. Ele é criptografado antes de sair desta página.",
    "send.button": "Enviar",
    "send.preview-title": "O que quem recebe vai ver",
    "received.title": "Seu segredo",
    "received.done": "Concluir: apagar",
    "received.hint": "Ele só é mostrado aqui e agora. Copie-o para onde ele deve ir e toque "
    "em “Concluir”.",
    "end.start-over": "Recomeçar",
    # The colour of the code (secket/core/sas.py, COLOURS).
    "colour.red": "Vermelho",
    "colour.orange": "Laranja",
    "colour.yellow": "Amarelo",
    "colour.green": "Verde",
    "colour.cyan": "Ciano",
    "colour.blue": "Azul",
    "colour.purple": "Roxo",
    "colour.magenta": "Magenta",
    "colour.brown": "Marrom",
    "colour.navy": "Azul-marinho",
    # The status line.
    "status.ready": "Pronto.",
    "status.ready-to-join": "Pronto. Toque em “Entrar” quando quiser.",
    "status.waiting-for-opener": "Aguardando a outra pessoa abrir o link…",
    "status.waiting-for-peer": "Aguardando a outra pessoa…",
    "status.joining": "Entrando…",
    "status.connecting": "Conectando diretamente à outra pessoa…",
    "status.working-out-code": "Conectado. Calculando o código de verificação…",
    "status.compare": "Compare o código com a outra pessoa.",
    "status.verified-sender": "Verificado. Agora você pode enviar o segredo.",
    "status.verified-receiver": "Verificado. Aguardando o segredo de quem envia…",
    "status.sent": "Enviado, criptografado. Aguardando quem recebe abri-lo…",
    "status.received": "Recebido. Copie-o e toque em “Concluir”.",
    # Endings: a title (also the status line) and a lead.
    "end.done.title": "Concluído",
    "end.done.lead": "O segredo foi apagado desta página, e nada foi armazenado.",
    "end.done.lead.clipboard": "O segredo foi apagado desta página, mas você o copiou: ele ainda "
    "pode estar na sua área de transferência, então copie outra coisa por cima.",
    "end.done.lead.clipboard-cleared": "O segredo foi apagado desta página e da sua área de "
    "transferência, e nada foi armazenado.",
    "end.delivered.title": "Entregue",
    "end.delivered.lead": "Quem recebe abriu o segredo, e nada foi guardado.",
    "end.sent.title": "Enviado",
    "end.sent.lead": "O segredo foi enviado, criptografado, e quem recebe saiu.",
    "end.mismatch.title": "Interrompido: os códigos não coincidiam",
    "end.peer-mismatch.title": "Interrompido: a outra pessoa diz que os códigos não coincidem",
    "end.mismatch.lead": "Nada foi enviado: pode haver alguém no meio desta conexão, então "
    "recomece com um novo link, enviado por outro canal se puder.",
    "end.mismatch.lead.unopened": "O segredo que já tinha chegado foi descartado sem ser aberto: "
    "pode haver alguém no meio desta conexão, então recomece com um novo link, enviado por outro "
    "canal se puder.",
    "end.mismatch.lead.sent": "Seu segredo já tinha sido enviado: a página de quem recebe o "
    "descarta se ainda não o tinha aberto, mas se os códigos eram mesmo diferentes, considere o "
    "segredo exposto e troque-o.",
    "end.peer-left.title": "A outra pessoa saiu",
    "end.peer-left.lead": "A página dela foi fechada ou perdeu a conexão antes de o segredo ser "
    "enviado, então nada foi enviado: recomece com um novo link.",
    "end.full.title": "Este link já está em uso",
    "end.full.lead": "Um link é para duas pessoas, uma vez, e duas pessoas estão ou já estiveram "
    "conectadas por ele: peça um novo link a quem o enviou.",
    "end.no-room.title": "Este link está errado ou não vale mais",
    "end.no-room.lead": "Ele pode ter sido alterado ao ser copiado, quem o criou pode ter fechado "
    "a página, ou ele é antigo demais. Peça um novo link.",
    "end.room-expired.title": "Este link expirou",
    "end.room-expired.lead": "Os links valem por 10 minutos. Peça um novo link.",
    "end.room-expired.lead.creator": "Os links valem por 10 minutos. Recomece para criar outro.",
    "end.stopped.title": "Interrompido",
    # Notes beside the code, and the warning line.
    "note.peer-confirmed": "A outra pessoa confirmou que os códigos coincidem.",
    "note.secret-arrived": "O segredo chegou. Ele será aberto quando você confirmar que os "
    "códigos coincidem.",
    "note.late-mismatch": "Quem envia agora diz que os códigos não coincidem.",
    "note.sender-left": "Quem envia saiu. O segredo fica aqui até você tocar em “Concluir”.",
    "warning.intruder": "Outra pessoa acabou de tentar abrir este link e foi recusada. Se "
    "você o compartilhou com uma só pessoa, compare o código com cuidado redobrado.",
    "warning.marked.receiver": "Este segredo contém caracteres invisíveis ou que mudam a "
    "aparência do texto. Cada um aparece numa caixa marcada com o nome dele, como ⟨U+200B ZERO "
    "WIDTH SPACE⟩; “Copiar” dá o original exato, sem as caixas.",
    "warning.marked.sender": "Seu segredo contém caracteres invisíveis ou que mudam a aparência "
    "do texto. Quem recebe verá cada um numa caixa marcada com o nome dele, como abaixo.",
    "kind.bidi": "Controles de direção, que reordenam o texto ao redor",
    "kind.invisible": "Caracteres invisíveis (de largura zero e de formatação)",
    "kind.control": "Caracteres de controle (ao copiar, um navegador pode omitir NULL, U+0000)",
    "kind.space": "Tabulações, espaços incomuns ou espaços no início ou no fim de uma linha",
    "kind.variation": "Seletores de variação fora de um emoji",
    "kind.tag": "Caracteres de tag (letras invisíveis)",
    "kind.private-use": "Caracteres de uso privado",
    "kind.unassigned": "Pontos de código não atribuídos ou não caracteres",
    "kind.surrogate": "Caracteres quebrados (metade de um par UTF-16)",
    "kind.stacked-marks": "Mais de quatro acentos num mesmo caractere",
    # The detail line.
    "detail.path.direct": "Conexão: direta, criptografada de ponta a ponta.",
    "detail.path.relayed": "Conexão: por um servidor de retransmissão, criptografada de "
    "ponta a ponta.",
    "detail.path.unknown": "Conexão: desconhecida, criptografada de ponta a ponta.",
    "detail.server-closed": "A conexão com o servidor foi fechada com o código {code}.",
    "detail.relay-refused": "O servidor de retransmissão recusou este navegador ({code} {text}).",
    "detail.cause": "Detalhe: {cause}",
    # Text dom.py writes on its own.
    "share.lead.receiver": "Envie este link à pessoa que tem o segredo. Quando ela o abrir e "
    "tocar em “Entrar”, vocês vão comparar um código, e então ela poderá enviar.",
    "share.lead.sender": "Envie este link à pessoa que deve receber o segredo. Quando ela o "
    "abrir e tocar em “Entrar”, vocês vão comparar um código, e então você poderá enviar.",
    "join.title.sender": "Alguém está esperando um segredo seu",
    "join.lead.sender": "A pessoa que enviou este link quer que você lhe entregue um segredo. "
    "Depois que os dois confirmarem o código, você o digita aqui e ele vai direto para o "
    "navegador dela, criptografado para uma chave que só o navegador dela tem.",
    "join.title.receiver": "Alguém quer entregar um segredo a você",
    "join.lead.receiver": "A pessoa que enviou este link tem um segredo para você. Seu "
    "navegador cria uma chave que nunca sai dele; o segredo é criptografado para essa chave.",
    "secret.count": "{size:,} de {limit:,} bytes",
    "secret.problem.surrogate": "O caractere {position:,} do segredo está quebrado (meio "
    "caractere, como alguns teclados e colagens deixam): apague-o e digite esse caractere de novo.",
    "share.text.receiver": "Abra este link para me entregar um segredo com o Secket. "
    "Comparamos um código antes de qualquer envio.",
    "share.text.sender": "Abra este link para receber um segredo meu com o Secket. "
    "Comparamos um código antes de qualquer envio.",
    "copy.link": "Copiar link",
    "copy.secret": "Copiar",
    "copy.done": "Copiado",
    "copy.failed": "Falha ao copiar: selecione e copie",
    "camera.on": "O que quem envia vê de você.",
    "camera.off": "O que quem envia vê de você: a cor e os emoji, sem câmera.",
    "video.connecting": "Conectando…",
    # Errors, by code (secket/core/errors.py).
    "error.error": "Algo inesperado deu errado. Recomece.",
    "error.local-protocol": "Esta página tentou fazer algo que o protocolo não permite neste "
    "momento.",
    "error.secret-too-large": "O segredo é grande demais: no máximo 64 KiB podem ser enviados.",
    "error.secret-empty": "Não há nada para enviar: primeiro digite ou cole o segredo.",
    "error.secret-blank": "O segredo só tem espaços, quebras de linha ou caracteres "
    "invisíveis: não há nada para enviar. Digite ou cole o segredo.",
    "error.secret-surrogate": "O segredo contém um caractere quebrado (meio caractere, como "
    "alguns teclados e colagens deixam). Apague-o e digite esse caractere de novo.",
    "error.remote-protocol": "O outro lado enviou algo que o protocolo não permite.",
    "error.remote-protocol.version": "O outro lado usa outra versão do Secket. As duas "
    "pessoas devem recarregar a página.",
    "error.decrypt": "Não foi possível descriptografar uma mensagem: ela foi alterada ou não "
    "era para esta sessão.",
    "error.signal-tampered": "O estabelecimento da conexão foi adulterado: uma mensagem não "
    "veio da pessoa que tem o link. Nada foi enviado. " + _START_OVER,
    "error.commit-mismatch": "A chave do outro lado não corresponde àquela com que ele se "
    "comprometeu. Nada foi enviado.",
    "error.extra-channel": "O outro lado tentou abrir uma segunda conexão, o que o Secket "
    "nunca faz: pode haver alguém no meio. " + _START_OVER,
    "error.server-protocol": "O servidor do Secket violou o protocolo de sinalização. Nada "
    "foi enviado. Recomece.",
    "error.bad-link": "Este não é um link completo do Secket. Peça o link inteiro de novo.",
    "error.bad-link.empty": "Este link está vazio. Cole o link inteiro que você recebeu.",
    "error.bad-link.no-fragment": "Este link perdeu a parte depois do “#”, que contém o "
    "segredo. Peça o link inteiro.",
    "error.bad-link.incomplete": "Este link está incompleto: pode ter sido cortado ao ser copiado.",
    "error.bad-link.too-long": "Este link tem caracteres a mais no final: copie-o de novo ou "
    "remova o que foi acrescentado.",
    "error.bad-link.damaged": "Este link está danificado: alguns caracteres foram alterados. "
    "Peça o link de novo.",
    "error.bad-link.newer": "Este link foi criado por uma versão mais nova do Secket. "
    "Recarregue a página para atualizar ou peça um novo link à outra pessoa.",
    "error.unsupported": "Este navegador não consegue criar chaves X25519. Use uma versão "
    "atual do Chrome, Edge, Firefox ou Safari.",
    "error.unsupported.no-webrtc": "Este navegador não consegue fazer conexões diretas (sem "
    "WebRTC). Use uma versão atual do Chrome, Edge, Firefox ou Safari.",
    "error.unreachable": "Não foi possível acessar o servidor do Secket. Verifique sua "
    "conexão e recomece.",
    "error.unreachable.lost": "A conexão com o servidor do Secket foi perdida. Recomece.",
    "error.no-path": "Não foi encontrado nenhum caminho de rede entre os dois navegadores. Um "
    "firewall pode estar bloqueando conexões diretas; quem opera este servidor do Secket "
    "pode adicionar um servidor de retransmissão TURN.",
    "error.no-path.bad-offer": "Não foi possível usar a oferta de conexão do outro "
    "navegador. " + _START_OVER,
    "error.relay-refused": "O servidor de retransmissão recusou este navegador: as "
    "credenciais estão erradas ou expiradas. Recomece; se acontecer de novo, quem opera o "
    "servidor deve verificar se o segredo TURN dado ao Secket é o mesmo do servidor de "
    "retransmissão (coturn: static-auth-secret) e se os relógios estão certos.",
    "error.too-large-for-channel": "A conexão deste navegador não consegue levar uma "
    "mensagem tão grande. Envie um segredo mais curto.",
    "error.peer-failed": "A página da outra pessoa parou com um erro ({cause}).",
    # The terminal peer's own.
    "error.usage": "Este comando não pode ser executado assim.",
    "error.no-server": "Nenhum servidor do Secket definido: informe --server URL ou coloque o "
    "endereço em SECKET_SERVER.",
    "error.no-terminal": "Não há terminal para confirmar o código: execute isto em um "
    "terminal ou informe --expect-code com o número que a tela da outra pessoa mostra.",
    "error.wrong-command": "Este link é para o outro comando: execute secket send ou secket "
    "receive, conforme indicar a pessoa que o enviou.",
    "error.mismatch": "Os códigos não coincidiam. " + _MIDDLE,
    "error.peer-left": "A outra pessoa saiu antes do fim. " + _START_OVER,
    "error.output": "Não foi possível gravar o segredo.",
    "error.interrupted": "Interrompido. Nada foi guardado.",
    "error.runtime": "Não foi possível derivar o ambiente de execução da página dos pacotes "
    "fixados.",
    # The server's refusals (the `code` of its `error` frames).
    "error.server-refused": "O servidor do Secket recusou isto.",
    "error.room-full": "Este link já está sendo usado por duas pessoas, ou já foi usado.",
    "error.bad-message": "O servidor não entendeu uma mensagem.",
    "error.unknown-type": "O servidor não conhece este tipo de mensagem.",
    "error.too-large": "Uma mensagem era maior do que o servidor aceita.",
    "error.not-joined": "Entre em uma sala antes de enviar sinais.",
    "error.already-joined": "Esta conexão já entrou em uma sala.",
    "error.not-paired": "A outra pessoa ainda não entrou.",
    "error.room-expired": "Este link expirou. Recomece com um novo link.",
    "error.no-room": "Este link está errado ou não vale mais: pode ter sido alterado ao ser "
    "copiado, quem o criou pode ter fechado a página, ou ele é antigo demais. Peça um novo "
    "link.",
    "error.rate-limited": "Mensagens demais. Espere um pouco e tente de novo.",
    "error.server-full": "O servidor está ocupado. Tente mais tarde.",
    "error.bad-origin": "Esta página não tem permissão para usar este servidor.",
    "error.shutting-down": "O servidor está reiniciando. Tente de novo em instantes.",
    "error.unavailable": "O servidor não consegue acessar o armazenamento das salas. Tente de "
    "novo em instantes.",
}
