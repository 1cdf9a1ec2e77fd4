"""The page's wiring: one queue, the page's state machine, and the effects carried out.

Everything that happens (a click, a server message, a WebRTC event, a data-channel frame)
is posted as an input of ``secket.page.inputs`` and fed, in order, to the state machine
(``secket.page.machine.Page``), which decides; its effects are carried out here, one after
the other: the connection's work by ``Connection`` and ``OverlayVideo``, everything shown
by ``Ui`` (``dom.py``). So there is one data path from the person's click to the bytes on
the channel, and no two inputs are ever handled at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

import js

from ..core.errors import SecketError, UnsupportedBrowserError
from ..i18n import Msg
from ..page import effects as fx
from ..page import inputs as put
from ..page.machine import Page
from .connection import Connection
from .dom import Ui
from .rtc import webrtc_available
from .video import OverlayVideo
from .webcrypto import WebCrypto


class App:
    def __init__(self, signal_url: str) -> None:
        self.signal_url = signal_url
        self.queue: asyncio.Queue[put.Input] = asyncio.Queue()
        self.ui = Ui(self.queue.put_nowait)
        self.port = WebCrypto()
        self.page = Page(self.port)
        self.connection: Connection | None = None
        self.video: OverlayVideo | None = None
        #: Work that runs beside the queue (closing connections, the camera prompt).
        self._background: set[asyncio.Future[None]] = set()

    async def run(self) -> None:
        fragment = self.ui.take_fragment()
        problem = await self._support_problem()
        await self._feed(put.Loaded(fragment, problem, self.ui.languages()))
        while True:
            await self._feed(await self.queue.get())

    async def _support_problem(self) -> SecketError | None:
        if not webrtc_available():
            return UnsupportedBrowserError(reason="no-webrtc")
        try:
            await self.port.x25519_generate()
        except SecketError as exc:
            return exc
        return None

    async def _feed(self, event: put.Input) -> None:
        """Hand one input to the page and carry out its effects; an effect that fails stops
        the rest and is fed back as ``Failed``."""
        pending: put.Input | None = event
        while pending is not None:
            effects, pending = await self._handle(pending), None
            for effect in effects:
                try:
                    await self._apply(effect)
                except SecketError as exc:
                    pending = put.Failed(exc)
                    break
                except Exception as exc:
                    pending = put.Failed(_unexpected(exc))
                    break

    async def _handle(self, event: put.Input) -> list[fx.Effect]:
        try:
            return await self.page.handle(event)
        except Exception as exc:
            return await self.page.handle(put.Failed(_unexpected(exc)))

    async def _apply(self, effect: fx.Effect) -> None:
        match effect:
            case fx.OpenConnection(link=link, role=role, create=create):
                post = self.queue.put_nowait
                self.connection = Connection(self.port, link, role, self.signal_url, post)
                await self.connection.join(create)
            case fx.PairConnection(ice_servers=servers, relay_only=relay_only):
                self._live.pair(servers, relay_only)
            case fx.StartVideo():
                self._start_video()
            case fx.MakeOffer():
                assert self.video is not None
                await self._live.offer(self.video.stream)
            case fx.OpenSignal(payload=payload):
                await self._live.receive_signal(payload)
            case fx.SendCandidate(candidate=candidate):
                await self._live.send_candidate(candidate)
            case fx.SendFrames(frames=frames):
                for frame in frames:
                    self._live.send_frame(frame)
            case fx.DrawSas(sas=sas):
                if self.video is not None:
                    self.video.show_sas(sas)
            case fx.ReportPath():
                self.ui.show_path(await self._live.path())
            case fx.LetGo():
                self._let_go()
            case _:
                self.ui.apply(effect)

    @property
    def _live(self) -> Connection:
        assert self.connection is not None, "the page asks for this only while connected"
        return self.connection

    def _start_video(self) -> None:
        canvas, camera = self.ui.video_elements()
        video = OverlayVideo(canvas, camera, self.ui.text(Msg("video.connecting")))
        self.video = video
        video.start()
        self.ui.show_local_video(video.stream)
        # The camera prompt may stay open for a while: it must hold up nothing else.
        self._in_background(self._ask_for_camera(video))

    async def _ask_for_camera(self, video: OverlayVideo) -> None:
        camera = await video.attach_camera()
        if video is self.video:  # not the video of a room that has ended since
            self.queue.put_nowait(put.CameraAnswered(camera))

    def _let_go(self) -> None:
        """Close the connection once the last frame is out; stop the video."""
        if self.connection is not None:
            self._in_background(self.connection.close_when_sent())
        if self.video is not None:
            self.video.close()
        self.connection, self.video = None, None

    def _in_background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)


def _unexpected(exc: Exception) -> SecketError:
    js.console.error(f"secket: {type(exc).__name__}: {exc}")
    return SecketError()
