"""Chinese (simplified script): every sentence of :mod:`secket.i18n.en`, by the same keys,
with the same fields."""

from __future__ import annotations

from typing import Final

from . import Catalogue

_START_OVER = "请使用新链接重新开始。"
_MIDDLE = "可能有人位于这条连接的中间。请使用新链接重新开始，如果可以，请通过其他渠道发送它。"

MESSAGES: Final[Catalogue] = {
    "number.group": ",",
    # Around the app; also before Python starts.
    "page.title": "Secket：经过验证地交付一个秘密",
    "page.home-link": "Secket 首页",
    "page.tagline": "一个秘密，一个人，不留存任何内容",
    "page.language": "语言",
    "page.loading": "正在加载安全运行环境…",
    "page.footer": "端到端加密（HPKE、X25519）。通过 WebRTC 在浏览器之间直接传输。开源；"
    "安全模型见 README。",
    "page.failed": "Secket 无法启动。",
    "page.failed.lead": "此页面无法启动（{reason}）。没有发送或保存任何内容。请检查网络连接，"
    "然后重新加载页面。",
    "page.failed.no-files": "它的 Python 文件未能加载",
    "page.failed.stopped": "它的 Python 已停止：{error}",
    "page.failed.missing": "它需要的一个文件未能到达：{path}",
    "page.noscript.title": "Secket 需要 JavaScript。",
    "page.noscript.lead": "秘密由本页面自身的代码在您的浏览器中加密和解密；关闭 JavaScript 后它无"
    "法运行。没有发送或保存任何内容。请为本网站启用 JavaScript，然后重新加载页面。",
    "page.progress": "安全运行环境已下载 {percent} %",
    "page.progress-label": "安全运行环境下载进度",
    "page.intro.title": "把一个秘密交给一个人",
    "page.intro.lead": "Secket 把密码、密钥或笔记从一个浏览器传到另一个浏览器：在你的浏览器中"
    "以只有对方浏览器持有的密钥加密，在两者之间直接发送，并用你们双方都能看到的验证码核对。"
    "没有服务器保留副本；不存储任何内容。",
    "page.intro.hint": "页面正在加载用于加密的安全运行环境。之后你就可以创建链接来接收或发送秘密。",
    "page.intro.link-title": "有人在等着与你交换一个秘密",
    "page.intro.link-lead": "给你发来这个链接的人想交给你一个秘密（密码、密钥、笔记），或者"
    "从你这里接收一个。它加密后直接从一个浏览器传到另一个浏览器，不保留任何内容。",
    "page.intro.how.1": "页面加载完成后，按“加入”：你的浏览器将直接连接到对方的浏览器。",
    "page.intro.how.2": "你们会看到相同的颜色、表情符号、词语和数字。请与对方核对，最好在通话中。",
    "page.intro.how.3": "只有一致时，才按“一致”。然后秘密会被发送，只显示一次，完成后即消失。",
    "page.intro.link-hint": "安全运行环境加载期间，请保持此页面打开。",
    # The screens' own text.
    "home.title": "把一个秘密交给一个人",
    "home.lead": "密码、密钥、笔记：在此浏览器中加密，直接发送到对方的浏览器，并用你们双方都能"
    "看到的验证码核对。没有服务器保留副本；不存储任何内容。",
    "home.receive": "接收秘密",
    "home.send": "发送秘密",
    "home.how.1": "你会得到一个链接。用任何方式把它发给对方，短信或电子邮件也可以。",
    "home.how.2": "对方打开链接；你们的两个浏览器直接连接。",
    "home.how.3": "你们会看到相同的表情符号、词语和颜色。请核对它们（最好在通话中），然后按"
    "“一致”。",
    "home.how.4": "秘密以接收方的密钥加密传输，只显示一次，接收方按“完成”后即消失。",
    "share.title": "把这个链接发给对方",
    "share.link-label": "房间链接",
    "share.button": "分享",
    "share.qr-label": "房间链接的二维码",
    "share.hint": "完成之前请保持此页面打开。链接只能使用一次，只供一人使用，10 分钟后过期。",
    "join.how.1": "按“加入”：你的浏览器将直接连接到对方的浏览器。",
    "join.how.2": "你们会看到相同的表情符号、词语和颜色。请与对方核对。",
    "join.how.3": "只有一致时，才按“一致”。",
    "join.button": "加入",
    "verify.title": "请与对方核对此验证码",
    "verify.emoji-label": "验证表情符号",
    "verify.number": "数字：",
    "verify.number-hint": "无论使用哪种语言，两个屏幕上的表情符号、颜色和数字都相同。"
    "如果你们说不同的语言，请大声读出数字。",
    "verify.remote-caption": "接收方的视频。其边框、表情符号和数字必须与你的验证码一致。",
    "verify.honest": "视频能帮你认出对方，但位于中间的攻击者可能会重新绘制它。如果秘密很重要，"
    "请再通过电话或当面互相读出词语或数字。",
    "verify.match": "一致",
    "verify.mismatch": "不一致",
    "send.label": "你的秘密",
    "send.placeholder": "输入或粘贴秘密。它在离开此页面之前就会被加密。",
    "send.button": "发送",
    "send.preview-title": "接收方将看到的内容",
    "received.title": "你的秘密",
    "received.done": "完成：清除",
    "received.hint": "它只在此时此地显示。请把它复制到该去的地方，然后按“完成”。",
    "end.start-over": "重新开始",
    # The colour of the code (secket/core/sas.py, COLOURS).
    "colour.red": "红色",
    "colour.orange": "橙色",
    "colour.yellow": "黄色",
    "colour.green": "绿色",
    "colour.cyan": "青色",
    "colour.blue": "蓝色",
    "colour.purple": "紫色",
    "colour.magenta": "品红色",
    "colour.brown": "棕色",
    "colour.navy": "藏青色",
    # The status line.
    "status.ready": "准备就绪。",
    "status.ready-to-join": "准备就绪。准备好后请按“加入”。",
    "status.waiting-for-opener": "正在等待对方打开链接…",
    "status.waiting-for-peer": "正在等待对方…",
    "status.joining": "正在加入…",
    "status.connecting": "正在与对方直接连接…",
    "status.working-out-code": "已连接。正在计算验证码…",
    "status.compare": "请与对方核对验证码。",
    "status.verified-sender": "已验证。现在可以发送秘密了。",
    "status.verified-receiver": "已验证。正在等待发送方的秘密…",
    "status.sent": "已加密发送。正在等待接收方打开…",
    "status.received": "已收到。请复制它，然后按“完成”。",
    # Endings: a title (also the status line) and a lead.
    "end.done.title": "完成",
    "end.done.lead": "秘密已从此页面清除，没有存储任何内容。",
    "end.done.lead.clipboard": "秘密已从此页面清除，但你复制过它：它可能仍在剪贴板中，请复制其他内"
    "容覆盖它。",
    "end.done.lead.clipboard-cleared": "秘密已从此页面和剪贴板中清除，没有存储任何内容。",
    "end.delivered.title": "已送达",
    "end.delivered.lead": "接收方已打开秘密，没有保留任何内容。",
    "end.sent.title": "已发送",
    "end.sent.lead": "秘密已加密发出，接收方已离开。",
    "end.mismatch.title": "已停止：验证码不一致",
    "end.peer-mismatch.title": "已停止：对方说验证码不一致",
    "end.mismatch.lead": "没有发送任何内容：可能有人位于这条连接的中间，所以请使用新链接重新开始，"
    "如果可以，请通过其他渠道发送。",
    "end.mismatch.lead.unopened": "已到达的秘密未经打开就被丢弃了：可能有人位于这条连接的中间，所"
    "以请使用新链接重新开始，如果可以，请通过其他渠道发送。",
    "end.mismatch.lead.sent": "你的秘密已经发出：如果接收方的页面还没有打开它，会将其丢弃；但如果"
    "验证码确实不同，请把这个秘密视为已泄露并更换它。",
    "end.peer-left.title": "对方已离开",
    "end.peer-left.lead": "对方的页面在秘密发出之前关闭或断开了连接，所以没有发送任何内容：请使用"
    "新链接重新开始。",
    "end.full.title": "此链接已被使用",
    "end.full.lead": "一个链接只供两个人使用一次，而已有两个人通过它连接或曾经连接：请向发送链接的"
    "人索取新链接。",
    "end.no-room.title": "此链接有误或已失效",
    "end.no-room.lead": "它可能在复制时被改动了，创建者可能已关闭页面，或者它太旧了。请索取新链接"
    "。",
    "end.room-expired.title": "此链接已过期",
    "end.room-expired.lead": "链接的有效期为 10 分钟。请索取新链接。",
    "end.room-expired.lead.creator": "链接的有效期为 10 分钟。请重新开始以创建新链接。",
    "end.stopped.title": "已停止",
    # Notes beside the code, and the warning line.
    "note.peer-confirmed": "对方已确认验证码一致。",
    "note.secret-arrived": "秘密已到达。你确认验证码一致后它就会打开。",
    "note.late-mismatch": "发送方现在说验证码不一致。",
    "note.sender-left": "发送方已离开。在你按“完成”之前，秘密会一直留在这里。",
    "warning.intruder": "刚才有其他人试图打开此链接，已被拒绝。如果你只把它给了一个人，"
    "请格外仔细地核对验证码。",
    "warning.marked.receiver": "这个秘密包含不可见或会改变文字外观的字符。每个字符都显示为一个标有"
    "其名称的方框，例如 ⟨U+200B ZERO WIDTH SPACE⟩；“复制”会得到完全相同的原文，不含方框。",
    "warning.marked.sender": "你的秘密包含不可见或会改变文字外观的字符。接收方会看到每个字符显示为"
    "一个标有其名称的方框，如下所示。",
    "kind.bidi": "方向控制字符，会重排周围的文字",
    "kind.invisible": "不可见字符（零宽字符和格式字符）",
    "kind.control": "控制字符（浏览器的复制可能会漏掉 NULL，U+0000）",
    "kind.space": "制表符、不常见的空格，或行首行尾的空格",
    "kind.variation": "表情符号之外的变体选择符",
    "kind.tag": "标签字符（不可见的字母）",
    "kind.private-use": "私用区字符",
    "kind.unassigned": "未分配的码位或非字符",
    "kind.surrogate": "损坏的字符（UTF-16 代理对的一半）",
    "kind.stacked-marks": "一个字符上有超过四个附加符号",
    # The detail line.
    "detail.path.direct": "连接：直接连接，端到端加密。",
    "detail.path.relayed": "连接：经由中继服务器，端到端加密。",
    "detail.path.unknown": "连接：未知，端到端加密。",
    "detail.server-closed": "与服务器的连接已关闭，代码 {code}。",
    "detail.relay-refused": "中继服务器拒绝了此浏览器（{code} {text}）。",
    "detail.cause": "详情：{cause}",
    # Text dom.py writes on its own.
    "share.lead.receiver": "把这个链接发给持有秘密的人。对方打开链接并按“加入”后，你们核对"
    "验证码，然后对方就可以发送。",
    "share.lead.sender": "把这个链接发给应当收到秘密的人。对方打开链接并按“加入”后，你们"
    "核对验证码，然后你就可以发送。",
    "join.title.sender": "有人在等你发送一个秘密",
    "join.lead.sender": "给你发来这个链接的人希望你交给他一个秘密。你们双方确认验证码后，你在"
    "这里输入秘密，它将直接发送到对方的浏览器，并以只有对方浏览器持有的密钥加密。",
    "join.title.receiver": "有人想交给你一个秘密",
    "join.lead.receiver": "给你发来这个链接的人有一个秘密要给你。你的浏览器会生成一个永不"
    "离开它的密钥；秘密将以这个密钥加密。",
    "secret.count": "{size:,} / {limit:,} 字节",
    "secret.problem.surrogate": "秘密的第 {position:,} 个字符已损坏（半个字符，某些键盘和粘贴操作"
    "会留下这种情况）：请删除它，再重新输入该字符。",
    "share.text.receiver": "打开这个链接，用 Secket 把一个秘密交给我。发送任何内容之前，"
    "我们会先核对验证码。",
    "share.text.sender": "打开这个链接，用 Secket 接收我给你的一个秘密。发送任何内容之前，"
    "我们会先核对验证码。",
    "copy.link": "复制链接",
    "copy.secret": "复制",
    "copy.done": "已复制",
    "copy.failed": "复制失败：请选中后复制",
    "camera.on": "发送方看到的你。",
    "camera.off": "发送方看到的你：颜色和表情符号，没有摄像头画面。",
    "video.connecting": "正在连接…",
    # Errors, by code (secket/core/errors.py).
    "error.error": "发生了意外错误。请重新开始。",
    "error.local-protocol": "此页面试图执行协议在此时不允许的操作。",
    "error.secret-too-large": "秘密太大：最多只能发送 64 KiB。",
    "error.secret-empty": "没有可发送的内容：请先输入或粘贴秘密。",
    "error.secret-blank": "秘密只包含空格、换行或不可见字符：没有可发送的内容。请输入或粘贴秘密。",
    "error.secret-surrogate": "秘密中有一个损坏的字符（半个字符，某些键盘和粘贴操作会留下"
    "这种情况）。请删除它，再重新输入该字符。",
    "error.remote-protocol": "对方发送了协议不允许的内容。",
    "error.remote-protocol.version": "对方使用的是另一个版本的 Secket。双方都应重新加载页面。",
    "error.decrypt": "一条消息无法解密：它已被篡改，或者不是为本次会话生成的。",
    "error.signal-tampered": "连接建立过程被篡改：有一条消息不是来自持有链接的人。没有发送"
    "任何内容。" + _START_OVER,
    "error.commit-mismatch": "对方的密钥与其事先承诺的不一致。没有发送任何内容。",
    "error.extra-channel": "对方试图打开第二个连接，而 Secket 从不这样做：可能有人位于中间。"
    + _START_OVER,
    "error.server-protocol": "Secket 服务器违反了信令协议。没有发送任何内容。请重新开始。",
    "error.bad-link": "这不是一个完整的 Secket 链接。请重新索取完整的链接。",
    "error.bad-link.empty": "此链接为空。请粘贴你收到的完整链接。",
    "error.bad-link.no-fragment": "此链接丢失了“#”之后包含秘密的部分。请索取完整的链接。",
    "error.bad-link.incomplete": "此链接不完整：可能在复制时被截断了。",
    "error.bad-link.too-long": "此链接末尾有多余的字符：请重新复制，或删除多出的部分。",
    "error.bad-link.damaged": "此链接已损坏：其中一些字符被改动了。请重新索取链接。",
    "error.bad-link.newer": "此链接由更新版本的 Secket 生成。请重新加载页面以更新，或向对方"
    "索取新链接。",
    "error.unsupported": "此浏览器无法生成 X25519 密钥。请使用最新版的 Chrome、Edge、Firefox "
    "或 Safari。",
    "error.unsupported.no-webrtc": "此浏览器无法建立直接连接（不支持 WebRTC）。请使用最新版"
    "的 Chrome、Edge、Firefox 或 Safari。",
    "error.unreachable": "无法连接到 Secket 服务器。请检查网络连接后重新开始。",
    "error.unreachable.lost": "与 Secket 服务器的连接已断开。请重新开始。",
    "error.no-path": "找不到两个浏览器之间的网络路径。防火墙可能阻止了直接连接；此 Secket "
    "服务器的运营者可以添加 TURN 中继。",
    "error.no-path.bad-offer": "无法使用对方浏览器的连接请求。" + _START_OVER,
    "error.relay-refused": "中继服务器拒绝了此浏览器：凭据错误或已过期。请重新开始；如果再次"
    "发生，运营者应检查提供给 Secket 的 TURN 密钥是否与中继的一致（coturn："
    "static-auth-secret），以及时钟是否一致。",
    "error.too-large-for-channel": "此浏览器的连接无法传输这么大的消息。请发送更短的秘密。",
    "error.peer-failed": "对方的页面因错误而停止（{cause}）。",
    # The terminal peer's own.
    "error.usage": "此命令无法按所给方式运行。",
    "error.no-server": "未设置 Secket 服务器：请提供 --server URL，或将 SECKET_SERVER 设为其地址。",
    "error.no-terminal": "没有可以确认验证码的终端：请在终端中运行，或用 --expect-code 给出"
    "对方屏幕上显示的数字。",
    "error.wrong-command": "此链接用于另一个命令：请按发送链接的人所说，运行 secket send 或 "
    "secket receive。",
    "error.mismatch": "验证码不一致。" + _MIDDLE,
    "error.peer-left": "对方在结束前离开了。" + _START_OVER,
    "error.output": "无法写出秘密。",
    "error.interrupted": "已中断。没有保留任何内容。",
    "error.runtime": "无法从固定版本的软件包生成页面的运行环境。",
    # The server's refusals (the `code` of its `error` frames).
    "error.server-refused": "Secket 服务器拒绝了此操作。",
    "error.room-full": "此链接已由两个人使用，或已被使用过。",
    "error.bad-message": "服务器无法理解一条消息。",
    "error.unknown-type": "服务器不认识此消息类型。",
    "error.too-large": "一条消息超出了服务器接受的大小。",
    "error.not-joined": "请先加入房间，再发送信令。",
    "error.already-joined": "此连接已经加入了一个房间。",
    "error.not-paired": "对方尚未加入。",
    "error.room-expired": "此链接已过期。请使用新链接重新开始。",
    "error.no-room": "此链接有误或已失效：它可能在复制时被改动了，创建者可能已关闭页面，或者"
    "它太旧了。请索取新链接。",
    "error.rate-limited": "消息过多。请稍等片刻再试。",
    "error.server-full": "服务器繁忙。请稍后再试。",
    "error.bad-origin": "此页面不允许使用这个服务器。",
    "error.shutting-down": "服务器正在重启。请稍后再试。",
    "error.unavailable": "服务器无法访问其房间存储。请稍后再试。",
}
