"""RTCPeerConnection and its data channel, driven from Python; what happens goes onto the
flow's queue as the page's inputs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import js
from pyodide.ffi import create_proxy, to_js

from ..core.errors import TooLargeForChannelError
from ..page import inputs as put
from .jsutil import is_null, obj, to_bytes, u8

CHANNEL_LABEL = "secket"
DRAIN_SECONDS = 1.0
DELIVERY_GRACE_SECONDS = 0.2


def webrtc_available() -> bool:
    return hasattr(js, "RTCPeerConnection")


class PeerLink:
    def __init__(
        self,
        ice_servers: Sequence[Mapping[str, Any]],
        relay_only: bool,
        post: put.Post,
        negotiation: put.SessionStart,
    ) -> None:
        self._post = post
        #: What the session binds, handed on when the data channel opens.
        self._negotiation = negotiation
        self._listeners: list[tuple[Any, str, Any]] = []
        config = to_js(
            {
                "iceServers": [dict(s) for s in ice_servers],
                "iceTransportPolicy": "relay" if relay_only else "all",
            },
            dict_converter=js.Object.fromEntries,
        )
        self.pc = js.RTCPeerConnection.new(config)
        self.channel: Any = None
        self._listen(self.pc, "icecandidate", self._on_candidate)
        self._listen(self.pc, "connectionstatechange", self._on_state)
        self._listen(self.pc, "datachannel", self._on_datachannel)
        self._listen(self.pc, "track", self._on_track)
        self._listen(self.pc, "icecandidateerror", self._on_candidate_error)

    def _listen(self, target: Any, event: str, handler: Callable[[Any], None]) -> None:
        proxy = create_proxy(handler)
        self._listeners.append((target, event, proxy))
        target.addEventListener(event, proxy)

    def _on_candidate(self, event: Any) -> None:
        candidate = event.candidate
        found = None if is_null(candidate) else dict(candidate.toJSON().to_py())
        self._post(put.CandidateFound(found))

    def _on_candidate_error(self, event: Any) -> None:
        # 401/403 from a TURN server: its credentials are wrong or expired.
        self._post(put.IceFailed(int(event.errorCode), str(event.errorText), str(event.url)))

    def _on_state(self, _event: Any) -> None:
        self._post(put.ConnectionChanged(str(self.pc.connectionState)))

    def _on_track(self, event: Any) -> None:
        streams = event.streams
        stream = streams[0] if streams.length else js.MediaStream.new(to_js([event.track]))
        self._post(put.TrackArrived(stream))

    def _on_datachannel(self, event: Any) -> None:
        # One session, one channel: the offerer (R) makes it, the answerer (S) takes it.
        # Another one would start the protocol again, with a new code: a second guess for
        # whoever sits in the middle. It is closed, and the session ends.
        channel = event.channel
        if self.channel is not None or str(channel.label) != CHANNEL_LABEL:
            channel.close()
            self._post(put.ExtraChannel())
        else:
            self._adopt(channel)

    def _adopt(self, channel: Any) -> None:
        self.channel = channel
        channel.binaryType = "arraybuffer"
        self._listen(channel, "open", lambda e: self._post(put.ChannelOpened(self._negotiation)))
        self._listen(channel, "close", lambda e: self._post(put.ChannelClosed()))
        self._listen(channel, "message", lambda e: self._post(put.FrameArrived(to_bytes(e.data))))

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

    async def add_candidate(self, candidate: Mapping[str, Any] | None) -> None:
        await self.pc.addIceCandidate(obj(**candidate) if candidate else None)

    # Both ---------------------------------------------------------------------------------
    def send(self, frame: bytes) -> None:
        if self.channel is not None and str(self.channel.readyState) == "open":
            limit = self.pc.sctp.maxMessageSize if not is_null(self.pc.sctp) else 65536
            if len(frame) > limit:
                raise TooLargeForChannelError()
            self.channel.send(u8(frame))

    async def drained(self) -> None:
        """Wait until the channel has handed every queued byte on (for at most a second),
        then a little longer, so that they arrive before anything closes."""
        channel = self.channel
        if channel is not None and str(channel.readyState) == "open" and channel.bufferedAmount:
            low = asyncio.Event()
            proxy = create_proxy(lambda _event: low.set())
            channel.bufferedAmountLowThreshold = 0
            channel.addEventListener("bufferedamountlow", proxy)
            try:
                await asyncio.wait_for(low.wait(), DRAIN_SECONDS)
            except TimeoutError:
                pass
            finally:
                channel.removeEventListener("bufferedamountlow", proxy)
                proxy.destroy()
        await asyncio.sleep(DELIVERY_GRACE_SECONDS)

    async def path(self) -> str:
        """ "direct" or "relayed": the candidate types of the pair the transport selected."""
        reports = {str(r.id): r for r in (await self.pc.getStats()).values()}
        selected = [
            reports.get(str(r.selectedCandidatePairId))
            for r in reports.values()
            if str(r.type) == "transport" and not is_null(r.selectedCandidatePairId)
        ] or [
            r
            for r in reports.values()
            if str(r.type) == "candidate-pair" and str(r.state) == "succeeded" and r.nominated
        ]
        for pair in selected:
            if pair is None:
                continue
            ends = [
                reports.get(str(pair.localCandidateId)),
                reports.get(str(pair.remoteCandidateId)),
            ]
            types = {str(end.candidateType) for end in ends if end is not None}
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
