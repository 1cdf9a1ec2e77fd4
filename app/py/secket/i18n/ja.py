"""Japanese: every sentence of :mod:`secket.i18n.en`, by the same keys, with the same fields."""

from __future__ import annotations

from typing import Final

from . import Catalogue

_START_OVER = "新しいリンクでやり直してください。"
_MIDDLE = (
    "この接続の途中に誰かが入り込んでいる可能性があります。新しいリンクでやり直し、"
    "できれば別の経路で送ってください。"
)

MESSAGES: Final[Catalogue] = {
    "number.group": ",",
    # Around the app; also before Python starts.
    "page.title": "Secket：秘密を確認付きで手渡す",
    "page.home-link": "Secket ホーム",
    "page.tagline": "秘密を一つ、相手は一人、何も残さない",
    "page.language": "言語",
    "page.loading": "安全な実行環境を読み込んでいます…",
    "page.footer": "エンドツーエンド暗号化（HPKE、X25519）。WebRTC でブラウザー同士が直接"
    "通信します。オープンソース。セキュリティモデルは README をご覧ください。",
    "page.failed": "Secket を起動できませんでした。",
    "page.failed.lead": "このページを起動できませんでした（{reason}）。何も送信・保存されて"
    "いません。接続を確認してから、ページを再読み込みしてください。",
    "page.failed.no-files": "Python のファイルを読み込めませんでした",
    "page.failed.stopped": "Python が停止しました：{error}",
    "page.failed.missing": "必要なファイルが届きませんでした：{path}",
    "page.noscript.title": "Secket には JavaScript が必要です。",
    "page.noscript.lead": "秘密は、このページ自身のコードによってお使いのブラウザーの中で暗号化・"
    "復号されます。JavaScript がオフでは動作できません。何も送信・保存されていません。このサイトで"
    " JavaScript を有効にしてから、ページを再読み込みしてください。",
    "page.progress": "安全な実行環境を {percent} % ダウンロードしました",
    "page.progress-label": "安全な実行環境のダウンロード",
    "page.intro.title": "秘密を一人の相手に手渡す",
    "page.intro.lead": "Secket は、パスワード、鍵、メモをブラウザーからブラウザーへ渡します。"
    "相手のブラウザーだけが持つ鍵であなたのブラウザーが暗号化し、二つの間で直接送り、"
    "お互いに見える確認コードで照合します。サーバーはコピーを持たず、何も保存されません。",
    "page.intro.hint": "暗号化に使う安全な実行環境を読み込んでいます。その後、秘密を受け取る"
    "ため、または送るためのリンクを作れます。",
    "page.intro.link-title": "あなたと秘密をやり取りしたい人がいます",
    "page.intro.link-lead": "このリンクを送ってきた人は、あなたに秘密（パスワード、鍵、メモ）"
    "を渡したいか、あなたから受け取りたいと思っています。秘密は暗号化されてブラウザー同士で"
    "直接届き、何も残りません。",
    "page.intro.how.1": "ページの読み込みが終わったら「参加する」を押してください。あなたの"
    "ブラウザーが相手のブラウザーに直接つながります。",
    "page.intro.how.2": "お互いに同じ色、絵文字、単語、数字が表示されます。（できれば通話し"
    "ながら）相手と照合してください。",
    "page.intro.how.3": "一致している場合にだけ「一致する」を押してください。すると秘密が送ら"
    "れ、一度だけ表示され、終わると消えます。",
    "page.intro.link-hint": "安全な実行環境を読み込む間、このページを開いたままにしてください。",
    # The screens' own text.
    "home.title": "秘密を一人の相手に手渡す",
    "home.lead": "パスワード、鍵、メモ：このブラウザーで暗号化し、相手のブラウザーに直接送り、"
    "お互いに見える確認コードで照合します。サーバーはコピーを持たず、何も保存されません。",
    "home.receive": "秘密を受け取る",
    "home.send": "秘密を送る",
    "home.how.1": "リンクが作られます。SMS やメールなど、どんな方法でも相手に送ってください。",
    "home.how.2": "相手がリンクを開くと、二つのブラウザーが直接つながります。",
    "home.how.3": "お互いに同じ絵文字、単語、色が表示されます。（できれば通話しながら）照合し、"
    "「一致する」を押してください。",
    "home.how.4": "秘密は受け取る側の鍵で暗号化されて届き、一度だけ表示され、相手が「完了」を"
    "押すと消えます。",
    "share.title": "このリンクを相手に送ってください",
    "share.link-label": "ルームのリンク",
    "share.button": "共有",
    "share.qr-label": "ルームのリンクの QR コード",
    "share.hint": "終わるまでこのページを開いたままにしてください。リンクは一度だけ、一人の"
    "相手に使え、10 分で期限が切れます。",
    "join.how.1": "「参加する」を押すと、あなたのブラウザーが相手のブラウザーに直接つながります。",
    "join.how.2": "お互いに同じ絵文字、単語、色が表示されます。相手と照合してください。",
    "join.how.3": "一致している場合にだけ「一致する」を押してください。",
    "join.button": "参加する",
    "verify.title": "このコードを相手と照合してください",
    "verify.emoji-label": "確認用の絵文字",
    "verify.number": "数字：",
    "verify.number-hint": "絵文字、色、数字はどの言語でも両方の画面で同じです。話す言語が"
    "違う場合は、数字を読み上げてください。",
    "verify.remote-caption": "受け取る側の映像です。枠、絵文字、数字があなたのコードと一致"
    "している必要があります。",
    "verify.honest": "映像は相手を見分ける助けになりますが、途中に入り込んだ攻撃者は映像を"
    "描き直せます。大切な秘密なら、電話や対面で単語か数字もお互いに読み上げてください。",
    "verify.match": "一致する",
    "verify.mismatch": "一致しない",
    "send.label": "あなたの秘密",
    "send.placeholder": "秘密を入力するか貼り付けてください。このページを出る前に暗号化されます。",
    "send.button": "送信",
    "send.preview-title": "受け取る側に表示される内容",
    "received.title": "あなたの秘密",
    "received.done": "完了：消去する",
    "received.hint": "表示されるのは今ここだけです。必要な場所にコピーしてから「完了」を押し"
    "てください。",
    "end.start-over": "最初からやり直す",
    # The colour of the code (secket/core/sas.py, COLOURS).
    "colour.red": "赤",
    "colour.orange": "オレンジ",
    "colour.yellow": "黄",
    "colour.green": "緑",
    "colour.cyan": "水色",
    "colour.blue": "青",
    "colour.purple": "紫",
    "colour.magenta": "マゼンタ",
    "colour.brown": "茶",
    "colour.navy": "紺",
    # The status line.
    "status.ready": "準備ができました。",
    "status.ready-to-join": "準備ができました。よければ「参加する」を押してください。",
    "status.waiting-for-opener": "相手がリンクを開くのを待っています…",
    "status.waiting-for-peer": "相手を待っています…",
    "status.joining": "参加しています…",
    "status.connecting": "相手と直接接続しています…",
    "status.working-out-code": "接続しました。確認コードを計算しています…",
    "status.compare": "コードを相手と照合してください。",
    "status.verified-sender": "確認できました。秘密を送信できます。",
    "status.verified-receiver": "確認できました。送る側からの秘密を待っています…",
    "status.sent": "暗号化して送信しました。受け取る側が開くのを待っています…",
    "status.received": "受信しました。コピーしてから「完了」を押してください。",
    # Endings: a title (also the status line) and a lead.
    "end.done.title": "完了",
    "end.done.lead": "秘密はこのページから消去され、何も保存されていません。",
    "end.done.lead.clipboard": "秘密はこのページから消去されましたが、コピーしていたため、まだクリ"
    "ップボードに残っているかもしれません。別のものをコピーして上書きしてください。",
    "end.done.lead.clipboard-cleared": "秘密はこのページとクリップボードから消去され、何も保存され"
    "ていません。",
    "end.delivered.title": "届きました",
    "end.delivered.lead": "受け取る側が秘密を開き、何も残っていません。",
    "end.sent.title": "送信済み",
    "end.sent.lead": "秘密は暗号化して送られ、受け取る側は退出しました。",
    "end.mismatch.title": "中止しました：コードが一致しませんでした",
    "end.peer-mismatch.title": "中止しました：相手がコードは一致しないと言っています",
    "end.mismatch.lead": "何も送信されていません。この接続の途中に誰かが入り込んでいる可能性がある"
    "ため、新しいリンクでやり直し、できれば別の経路で送ってください。",
    "end.mismatch.lead.unopened": "届いていた秘密は開かれないまま破棄されました。この接続の途中に"
    "誰かが入り込んでいる可能性があるため、新しいリンクでやり直し、できれば別の経路で送ってくださ"
    "い。",
    "end.mismatch.lead.sent": "秘密はすでに送られていました。受け取る側のページはまだ開いていなけ"
    "れば破棄しますが、コードが本当に違っていた場合は、秘密が漏れたものとして変更してください。",
    "end.peer-left.title": "相手が退出しました",
    "end.peer-left.lead": "秘密が送られる前に相手のページが閉じられたか接続が切れたため、何も送信"
    "されていません。新しいリンクでやり直してください。",
    "end.full.title": "このリンクはすでに使われています",
    "end.full.lead": "リンクは二人で一度だけ使うもので、このリンクではすでに二人が接続しているか、"
    "接続していました。送ってくれた人に新しいリンクを頼んでください。",
    "end.no-room.title": "このリンクは間違っているか、もう有効ではありません",
    "end.no-room.lead": "コピーの際に変わったか、作成者がページを閉じたか、古すぎる可能性がありま"
    "す。新しいリンクを頼んでください。",
    "end.room-expired.title": "このリンクは期限切れです",
    "end.room-expired.lead": "リンクの有効期間は 10 分です。新しいリンクを頼んでください。",
    "end.room-expired.lead.creator": "リンクの有効期間は 10 分です。やり直して新しいリンクを作って"
    "ください。",
    "end.stopped.title": "中止しました",
    # Notes beside the code, and the warning line.
    "note.peer-confirmed": "相手がコードの一致を確認しました。",
    "note.secret-arrived": "秘密が届きました。コードの一致を確認すると開きます。",
    "note.late-mismatch": "送る側が、コードは一致しないと言っています。",
    "note.sender-left": "送る側が退出しました。「完了」を押すまで、秘密はここに残ります。",
    "warning.intruder": "たった今、別の誰かがこのリンクを開こうとして拒否されました。一人に"
    "しか共有していない場合は、特に注意してコードを照合してください。",
    "warning.marked.receiver": "この秘密には、見えない文字や表示を変える文字が含まれています。それ"
    "ぞれ ⟨U+200B ZERO WIDTH SPACE⟩ のように名前を書いた枠で表示されます。「コピー」では枠なしの元"
    "の文字列そのものが得られます。",
    "warning.marked.sender": "あなたの秘密には、見えない文字や表示を変える文字が含まれています。受"
    "け取る側には、下のようにそれぞれ名前を書いた枠で表示されます。",
    "kind.bidi": "周りの文字の並びを変える方向制御文字",
    "kind.invisible": "見えない文字（幅ゼロの文字や書式文字）",
    "kind.control": "制御文字（ブラウザーのコピーでは NULL、U+0000 が抜けることがあります）",
    "kind.space": "タブ、一般的でない空白、または行頭・行末の空白",
    "kind.variation": "絵文字の外にある異体字セレクター",
    "kind.tag": "タグ文字（見えない文字）",
    "kind.private-use": "私用領域の文字",
    "kind.unassigned": "未割り当てのコードポイントまたは非文字",
    "kind.surrogate": "壊れた文字（UTF-16 のペアの片方）",
    "kind.stacked-marks": "一つの文字に五つ以上の結合記号",
    # The detail line.
    "detail.path.direct": "接続：直接、エンドツーエンド暗号化。",
    "detail.path.relayed": "接続：中継サーバー経由、エンドツーエンド暗号化。",
    "detail.path.unknown": "接続：不明、エンドツーエンド暗号化。",
    "detail.server-closed": "サーバーとの接続がコード {code} で閉じられました。",
    "detail.relay-refused": "中継サーバーがこのブラウザーを拒否しました（{code} {text}）。",
    "detail.cause": "詳細：{cause}",
    # Text dom.py writes on its own.
    "share.lead.receiver": "このリンクを、秘密を持っている人に送ってください。相手が開いて"
    "「参加する」を押したらコードを照合し、その後相手が送信できます。",
    "share.lead.sender": "このリンクを、秘密を受け取る人に送ってください。相手が開いて"
    "「参加する」を押したらコードを照合し、その後あなたが送信できます。",
    "join.title.sender": "あなたからの秘密を待っている人がいます",
    "join.lead.sender": "このリンクを送ってきた人は、あなたから秘密を受け取りたいと思って"
    "います。お互いにコードを確認したら、ここに秘密を入力してください。相手のブラウザーだけ"
    "が持つ鍵で暗号化され、相手のブラウザーに直接届きます。",
    "join.title.receiver": "あなたに秘密を手渡したい人がいます",
    "join.lead.receiver": "このリンクを送ってきた人には、あなた宛ての秘密があります。あなた"
    "のブラウザーは外に出ることのない鍵を作り、秘密はその鍵で暗号化されます。",
    "secret.count": "{size:,} / {limit:,} バイト",
    "secret.problem.surrogate": "秘密の {position:,} 文字目が壊れています（一部のキーボードや貼り"
    "付けで残る、半分だけの文字）。削除して、その文字を入力し直してください。",
    "share.text.receiver": "このリンクを開いて、Secket で私に秘密を渡してください。送信の"
    "前にコードを照合します。",
    "share.text.sender": "このリンクを開いて、Secket で私から秘密を受け取ってください。"
    "送信の前にコードを照合します。",
    "copy.link": "リンクをコピー",
    "copy.secret": "コピー",
    "copy.done": "コピーしました",
    "copy.failed": "コピーできませんでした：選択してコピーしてください",
    "camera.on": "送る側に見えているあなたの映像です。",
    "camera.off": "送る側に見えているあなたの映像です：色と絵文字のみ、カメラなし。",
    "video.connecting": "接続しています…",
    # Errors, by code (secket/core/errors.py).
    "error.error": "予期しないエラーが発生しました。やり直してください。",
    "error.local-protocol": "このページは、プロトコルがこの時点で許可していない操作をしよう"
    "としました。",
    "error.secret-too-large": "秘密が大きすぎます：送信できるのは最大 64 KiB です。",
    "error.secret-empty": "送信するものがありません：先に秘密を入力するか貼り付けてください。",
    "error.secret-blank": "秘密が空白、改行、または見えない文字だけです：送信するものがあり"
    "ません。秘密を入力するか貼り付けてください。",
    "error.secret-surrogate": "秘密に壊れた文字（一部のキーボードや貼り付けで残る、半分だけ"
    "の文字）が含まれています。削除して、その文字を入力し直してください。",
    "error.remote-protocol": "相手側がプロトコルで許可されていないものを送ってきました。",
    "error.remote-protocol.version": "相手側は別のバージョンの Secket を使っています。"
    "双方ともページを再読み込みしてください。",
    "error.decrypt": "メッセージを復号できませんでした：改ざんされたか、このセッション用の"
    "ものではありません。",
    "error.signal-tampered": "接続の準備が改ざんされました：リンクを持つ人以外からのメッセージ"
    "がありました。何も送信されていません。" + _START_OVER,
    "error.commit-mismatch": "相手側の鍵が、事前にコミットしたものと一致しません。何も送信"
    "されていません。",
    "error.extra-channel": "相手側が二つ目の接続を開こうとしました。Secket は決してそうしま"
    "せん：途中に誰かがいる可能性があります。" + _START_OVER,
    "error.server-protocol": "Secket サーバーがシグナリングのプロトコルに違反しました。何も"
    "送信されていません。やり直してください。",
    "error.bad-link": "これは完全な Secket のリンクではありません。リンク全体をもう一度"
    "もらってください。",
    "error.bad-link.empty": "このリンクは空です。受け取ったリンク全体を貼り付けてください。",
    "error.bad-link.no-fragment": "このリンクには、秘密を含む「#」以降の部分がありません。"
    "リンク全体をもらってください。",
    "error.bad-link.incomplete": "このリンクは不完全です：コピーの際に途中で切れた可能性が"
    "あります。",
    "error.bad-link.too-long": "このリンクの末尾に余分な文字があります：コピーし直すか、"
    "追加された部分を削除してください。",
    "error.bad-link.damaged": "このリンクは壊れています：一部の文字が変わっています。リンクを"
    "もう一度もらってください。",
    "error.bad-link.newer": "このリンクは新しいバージョンの Secket で作られました。ページを"
    "再読み込みして更新するか、相手に新しいリンクを頼んでください。",
    "error.unsupported": "このブラウザーは X25519 の鍵を作れません。最新の Chrome、Edge、"
    "Firefox、Safari を使ってください。",
    "error.unsupported.no-webrtc": "このブラウザーは直接接続できません（WebRTC がありません）。"
    "最新の Chrome、Edge、Firefox、Safari を使ってください。",
    "error.unreachable": "Secket サーバーに接続できません。接続を確認してやり直してください。",
    "error.unreachable.lost": "Secket サーバーとの接続が切れました。やり直してください。",
    "error.no-path": "二つのブラウザー間のネットワーク経路が見つかりませんでした。ファイア"
    "ウォールが直接接続を妨げている可能性があります。この Secket サーバーの運用者は TURN "
    "中継を追加できます。",
    "error.no-path.bad-offer": "相手のブラウザーからの接続の申し出を使えませんでした。"
    + _START_OVER,
    "error.relay-refused": "中継サーバーがこのブラウザーを拒否しました：認証情報が間違って"
    "いるか期限切れです。やり直してください。再び起きる場合、運用者は Secket に渡した TURN "
    "のシークレットが中継のもの（coturn：static-auth-secret）と一致しているか、時計が合って"
    "いるかを確認してください。",
    "error.too-large-for-channel": "このブラウザーの接続では、これほど大きなメッセージを"
    "送れません。もっと短い秘密を送ってください。",
    "error.peer-failed": "相手のページがエラーで停止しました（{cause}）。",
    # The terminal peer's own.
    "error.usage": "このコマンドは指定どおりには実行できません。",
    "error.no-server": "Secket サーバーが設定されていません：--server URL を指定するか、"
    "SECKET_SERVER にアドレスを設定してください。",
    "error.no-terminal": "コードを確認する端末がありません：端末で実行するか、相手の画面に"
    "表示された数字を --expect-code で指定してください。",
    "error.wrong-command": "このリンクはもう一方のコマンド用です：送ってくれた人の指示に従い"
    "、secket send か secket receive を実行してください。",
    "error.mismatch": "コードが一致しませんでした。" + _MIDDLE,
    "error.peer-left": "相手が終了前に退出しました。" + _START_OVER,
    "error.output": "秘密を書き出せませんでした。",
    "error.interrupted": "中断しました。何も残っていません。",
    "error.runtime": "固定されたパッケージからページの実行環境を作れませんでした。",
    # The server's refusals (the `code` of its `error` frames).
    "error.server-refused": "Secket サーバーに拒否されました。",
    "error.room-full": "このリンクはすでに二人が使っているか、使用済みです。",
    "error.bad-message": "サーバーがメッセージを理解できませんでした。",
    "error.unknown-type": "サーバーはこの種類のメッセージを知りません。",
    "error.too-large": "メッセージがサーバーの受け付ける大きさを超えていました。",
    "error.not-joined": "シグナルを送る前にルームに参加してください。",
    "error.already-joined": "この接続はすでにルームに参加しています。",
    "error.not-paired": "相手はまだ参加していません。",
    "error.room-expired": "このリンクは期限切れです。新しいリンクでやり直してください。",
    "error.no-room": "このリンクは間違っているか、もう有効ではありません：コピーの際に"
    "変わったか、作成者がページを閉じたか、古すぎる可能性があります。新しいリンクを頼んで"
    "ください。",
    "error.rate-limited": "メッセージが多すぎます。少し待ってからもう一度お試しください。",
    "error.server-full": "サーバーが混み合っています。後でもう一度お試しください。",
    "error.bad-origin": "このページはこのサーバーを使うことを許可されていません。",
    "error.shutting-down": "サーバーが再起動しています。少ししてからもう一度お試しください。",
    "error.unavailable": "サーバーがルームの保存先に接続できません。少ししてからもう一度"
    "お試しください。",
}
