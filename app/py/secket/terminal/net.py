"""The terminal peer's only network code: the signaling websocket (aiohttp's client) and
WebRTC (aiortc). It feeds what happens into the :class:`~secket.terminal.flow.Flow` one
input at a time and carries out the actions it returns; it decides nothing itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from typing import Any

import aiohttp
from aiortc import (
    RTCConfiguration,
    RTCDataChannel,
    RTCIceServer,
    RTCIceTransportPolicy,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.sdp import candidate_from_sdp

from ..core.errors import RemoteProtocolError, SecketError, UnreachableError
from .events import (
    Action,
    AddCandidate,
    ChannelOpen,
    ConnectionLost,
    Describe,
    Failed,
    Finish,
    Frame,
    Input,
    LocalDescription,
    OpenPeer,
    ServerClosed,
    ServerMessage,
    Start,
    ToPeer,
    ToServer,
)
from .flow import Flow

CHANNEL_LABEL = "secket"
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=20)
#: How long the last frames may take to be acknowledged before the connection closes.
DRAIN_SECONDS = 2.0
DELIVERY_GRACE_SECONDS = 0.2
_ICE_SCHEMES = ("stun:", "turn:", "turns:")

#: Shows the actions that are not network work (lines, the code, the question, the secret).
Present = Callable[[Action, Callable[[Input], None]], None]


async def signal_url(http: aiohttp.ClientSession, base: str) -> str:
    """The websocket to use: ``signal_url`` from the server's /config.json (as the page
    reads it), else ``/ws`` on the same host."""
    try:
        async with http.get(f"{base}/config.json") as response:
            config = await response.json(content_type=None) if response.ok else {}
    except (aiohttp.ClientError, OSError, TimeoutError, ValueError) as exc:
        raise UnreachableError(f"Cannot reach the Secket server at {base}: {exc}") from None
    url = config.get("signal_url") if isinstance(config, dict) else None
    if isinstance(url, str) and url.startswith(("ws://", "wss://")):
        return url
    scheme, rest = base.split("://", 1)
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest.split('/', 1)[0]}/ws"


def ice_servers(servers: list[dict[str, Any]]) -> list[RTCIceServer]:
    """The server's RTCIceServer dicts as aiortc takes them; URLs it cannot use are dropped."""
    out = []
    for server in servers:
        urls = server.get("urls")
        listed = [urls] if isinstance(urls, str) else urls if isinstance(urls, list) else []
        usable = [u for u in listed if isinstance(u, str) and u.startswith(_ICE_SCHEMES)]
        username, credential = server.get("username"), server.get("credential")
        if usable:
            out.append(
                RTCIceServer(
                    usable,
                    username if isinstance(username, str) else None,
                    credential if isinstance(credential, str) else None,
                )
            )
    return out


class Net:
    def __init__(self, flow: Flow, present: Present) -> None:
        self.flow = flow
        self.present = present
        self.queue: asyncio.Queue[Input] = asyncio.Queue()
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.pc: RTCPeerConnection | None = None
        self.channel: RTCDataChannel | None = None
        self._reader: asyncio.Task[None] | None = None
        #: Candidates being added: an mDNS name takes up to a second to resolve, and the
        #: flow must not wait for it.
        self._candidates: set[asyncio.Task[None]] = set()

    def post(self, event: Input) -> None:
        self.queue.put_nowait(event)

    async def run(self, http: aiohttp.ClientSession, url: str) -> Finish:
        try:
            self.ws = await http.ws_connect(url, timeout=aiohttp.ClientWSTimeout(ws_close=2))
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise UnreachableError(f"Cannot reach the Secket server at {url}: {exc}") from None
        self._reader = asyncio.ensure_future(self._read(self.ws))
        finish = None
        try:
            event: Input = Start()
            while True:
                finish = await self._apply(await self.flow.handle(event))
                if finish is not None:
                    return finish
                event = await self.queue.get()
        finally:
            await self._close(drain=finish is not None)

    async def _apply(self, actions: list[Action]) -> Finish | None:
        for action in actions:
            try:
                finish = await self._carry_out(action)
            except SecketError as exc:
                return await self._apply(await self.flow.handle(Failed(exc)))
            except Exception as exc:  # a bug, or aiortc failing: still a clean ending
                error = SecketError(f"Something unexpected went wrong: {type(exc).__name__}: {exc}")
                return await self._apply(await self.flow.handle(Failed(error)))
            if finish is not None:
                return finish
        return None

    async def _carry_out(self, action: Action) -> Finish | None:
        if isinstance(action, Finish):
            return action
        if isinstance(action, ToServer):
            if self.ws is not None and not self.ws.closed:
                await self.ws.send_str(json.dumps(action.message, separators=(",", ":")))
        elif isinstance(action, ToPeer):
            if self.channel is not None and self.channel.readyState == "open":
                self.channel.send(action.frame)
        elif isinstance(action, OpenPeer):
            await self._open_peer(action)
        elif isinstance(action, Describe):
            await self._describe(action)
        elif isinstance(action, AddCandidate):
            task = asyncio.ensure_future(self._add_candidate(action.candidate))
            self._candidates.add(task)
            task.add_done_callback(self._candidates.discard)
        else:
            self.present(action, self.post)
        return None

    # The server -----------------------------------------------------------------------------
    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for frame in ws:
            if frame.type is not aiohttp.WSMsgType.TEXT:
                break
            try:
                message = json.loads(frame.data)
            except ValueError:
                message = None
            if not isinstance(message, dict):
                message = {"type": "error", "code": "server-protocol", "message": "Unreadable."}
            self.post(ServerMessage(message))
        self.post(ServerClosed())

    # WebRTC ---------------------------------------------------------------------------------
    async def _open_peer(self, action: OpenPeer) -> None:
        policy = RTCIceTransportPolicy.RELAY if action.relay_only else RTCIceTransportPolicy.ALL
        config = RTCConfiguration(ice_servers(action.ice_servers), iceTransportPolicy=policy)
        pc = self.pc = RTCPeerConnection(config)
        pc.on("datachannel", self._on_datachannel)
        pc.on("connectionstatechange", self._on_state)
        if action.offer:
            self._adopt(pc.createDataChannel(CHANNEL_LABEL, ordered=True))
            # aiortc gathers every candidate before the description is ready.
            await pc.setLocalDescription(await pc.createOffer())
            self.post(LocalDescription(pc.localDescription.sdp))

    async def _describe(self, action: Describe) -> None:
        assert self.pc is not None
        description = action.description
        try:
            await self.pc.setRemoteDescription(
                RTCSessionDescription(description.sdp, description.kind)
            )
            if description.kind == "offer":
                # The receiver's page sends its video for the sender's page to show; a
                # terminal shows none, so it takes none (and decodes none).
                for transceiver in self.pc.getTransceivers():
                    transceiver.direction = "inactive"
                await self.pc.setLocalDescription(await self.pc.createAnswer())
                self.post(LocalDescription(self.pc.localDescription.sdp))
        except (ValueError, AssertionError, KeyError) as exc:
            raise RemoteProtocolError(
                f"The other side's connection offer could not be used: {exc}"
            ) from None

    async def _add_candidate(self, candidate: dict[str, Any] | None) -> None:
        assert self.pc is not None
        if candidate is None:
            await self.pc.addIceCandidate(None)
            return
        text = str(candidate.get("candidate"))
        mid, index = candidate.get("sdpMid"), candidate.get("sdpMLineIndex")
        try:
            parsed = candidate_from_sdp(text.split(":", 1)[1])
            parsed.sdpMid = mid if isinstance(mid, str) else None
            parsed.sdpMLineIndex = index if isinstance(index, int) else None
            await self.pc.addIceCandidate(parsed)
        except (ValueError, AssertionError, IndexError, OSError):
            # A candidate aiortc cannot use (an empty one ends a generation, an unknown
            # transport, a name that does not resolve): others may still connect, and ICE
            # failing is reported on its own.
            return

    def _on_datachannel(self, channel: RTCDataChannel) -> None:
        # One session, one channel: R makes it, S takes the first labelled "secket".
        if self.channel is not None or channel.label != CHANNEL_LABEL:
            channel.close()
            self.post(ChannelOpen(extra=True))
        else:
            self._adopt(channel)

    def _adopt(self, channel: RTCDataChannel) -> None:
        self.channel = channel
        channel.on(
            "message", lambda data: self.post(Frame(data if isinstance(data, bytes) else b""))
        )
        channel.on("close", lambda: self.post(ConnectionLost()))
        if channel.readyState == "open":
            self.post(ChannelOpen(path=self._path()))
        else:
            channel.on("open", lambda: self.post(ChannelOpen(path=self._path())))

    def _path(self) -> str:
        """ "direct" or "relayed": the candidate types of the pair ICE nominated. aiortc has
        no candidate-pair statistics; its ICE agent (aioice) keeps the nominated pairs."""
        try:
            ice = self.pc.sctp.transport.transport  # type: ignore[union-attr]
            pairs = list(ice._connection._nominated.values())
            ends = [end for p in pairs for end in (p.local_candidate, p.remote_candidate)]
        except AttributeError:
            return "unknown"
        if not ends:
            return "unknown"
        return "relayed" if any(end.type == "relay" for end in ends) else "direct"

    def _on_state(self) -> None:
        if self.pc is not None and self.pc.connectionState == "failed":
            self.post(ConnectionLost())

    # Closing --------------------------------------------------------------------------------
    async def _drained(self) -> None:
        """Wait until the last frames were acknowledged (at most DRAIN_SECONDS), so that a
        receipt or a goodbye arrives before the other side sees the connection close."""
        channel, pc = self.channel, self.pc
        if channel is None or pc is None or channel.readyState != "open":
            return
        sctp = pc.sctp
        loop = asyncio.get_running_loop()
        deadline = loop.time() + DRAIN_SECONDS
        while loop.time() < deadline:
            # aiortc has no public "all acknowledged"; its SCTP queues say it.
            queued = len(getattr(sctp, "_outbound_queue", ())) + len(
                getattr(sctp, "_sent_queue", ())
            )
            if channel.bufferedAmount == 0 and not queued:
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(DELIVERY_GRACE_SECONDS)

    async def _close(self, drain: bool) -> None:
        for task in list(self._candidates):
            task.cancel()
        if drain:
            with contextlib.suppress(Exception):
                await self._drained()
        if self.pc is not None:
            await self.pc.close()
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
