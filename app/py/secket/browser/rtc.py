"""RTCPeerConnection and its data channel, driven from Python; events onto the flow's queue."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import js
from pyodide.ffi import create_proxy, to_js

from .jsutil import is_null, obj, to_bytes, u8

Post = Callable[[tuple[Any, ...]], None]

CHANNEL_LABEL = "secket"


class PeerLink:
    def __init__(self, ice_servers: list[dict[str, Any]], post: Post) -> None:
        self._post = post
        self._listeners: list[tuple[Any, str, Any]] = []
        config = to_js({"iceServers": ice_servers}, dict_converter=js.Object.fromEntries)
        self.pc = js.RTCPeerConnection.new(config)
        self.channel: Any = None
        self._listen(self.pc, "icecandidate", self._on_candidate)
        self._listen(self.pc, "connectionstatechange", self._on_state)
        self._listen(self.pc, "datachannel", lambda e: self._adopt(e.channel))
        self._listen(self.pc, "track", self._on_track)

    def _listen(self, target: Any, event: str, handler: Callable[[Any], None]) -> None:
        proxy = create_proxy(handler)
        self._listeners.append((target, event, proxy))
        target.addEventListener(event, proxy)

    def _on_candidate(self, event: Any) -> None:
        candidate = event.candidate
        if is_null(candidate):
            self._post(("rtc", "candidate", None))
        else:
            self._post(("rtc", "candidate", dict(candidate.toJSON().to_py())))

    def _on_state(self, _event: Any) -> None:
        self._post(("rtc", "state", str(self.pc.connectionState)))

    def _on_track(self, event: Any) -> None:
        streams = event.streams
        stream = streams[0] if streams.length else js.MediaStream.new(to_js([event.track]))
        self._post(("rtc", "track", stream))

    def _adopt(self, channel: Any) -> None:
        self.channel = channel
        channel.binaryType = "arraybuffer"
        self._listen(channel, "open", lambda e: self._post(("rtc", "channel-open")))
        self._listen(channel, "close", lambda e: self._post(("rtc", "channel-closed")))
        self._listen(channel, "message", lambda e: self._post(("rtc", "frame", to_bytes(e.data))))

    # The offerer (R) side ----------------------------------------------------------------
    def open_channel(self) -> None:
        self._adopt(self.pc.createDataChannel(CHANNEL_LABEL, obj(ordered=True)))

    def add_stream(self, stream: Any) -> None:
        for track in stream.getTracks():
            self.pc.addTrack(track, stream)

    async def offer(self) -> str:
        await self.pc.setLocalDescription(await self.pc.createOffer())
        return str(self.pc.localDescription.sdp)

    async def accept_answer(self, sdp: str) -> None:
        await self.pc.setRemoteDescription(obj(type="answer", sdp=sdp))

    # The answerer (S) side ---------------------------------------------------------------
    async def answer(self, sdp: str) -> str:
        await self.pc.setRemoteDescription(obj(type="offer", sdp=sdp))
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        return str(self.pc.localDescription.sdp)

    async def add_candidate(self, candidate: dict[str, Any] | None) -> None:
        await self.pc.addIceCandidate(obj(**candidate) if candidate else None)

    # Both ---------------------------------------------------------------------------------
    @property
    def local_sdp(self) -> str:
        return str(self.pc.localDescription.sdp)

    @property
    def remote_sdp(self) -> str:
        return str(self.pc.remoteDescription.sdp)

    def send(self, frame: bytes) -> None:
        if self.channel is not None and str(self.channel.readyState) == "open":
            self.channel.send(u8(frame))

    async def path(self) -> str:
        """ "direct" or "relayed": the type of the selected ICE candidate pair."""
        stats = await self.pc.getStats()
        pairs = {}
        candidates = {}
        for report in stats.values():
            kind = str(report.type)
            if kind == "candidate-pair" and str(report.state) == "succeeded" and report.nominated:
                pairs[str(report.id)] = report
            elif kind in ("local-candidate", "remote-candidate"):
                candidates[str(report.id)] = str(report.candidateType)
        for pair in pairs.values():
            types = {
                candidates.get(str(pair.localCandidateId)),
                candidates.get(str(pair.remoteCandidateId)),
            }
            return "relayed" if "relay" in types else "direct"
        return "unknown"

    def close(self) -> None:
        for target, event, proxy in self._listeners:
            target.removeEventListener(event, proxy)
            proxy.destroy()
        self._listeners.clear()
        if self.channel is not None:
            self.channel.close()
        self.pc.close()
