"""The classroom's web app (starlette): the phone page, the instructor page and their API.

The routes are a contract that tests and tools rely on:

    GET  /j/CODE                  the students' page (403 for a wrong code)
    GET  /i/TOKEN                 the instructor's page (403 for a wrong token)
    GET  /api/state?code=CODE     {"node", "turn", "open", "choices": [{"shown", "text", "stance"}],
                                   "votes": {"SHOWN": COUNT}, ...}
    POST /api/vote                {"code", "voter", "shown", "stance"} -> 200; 403 wrong code;
                                   422 not offered, closed or malformed; 413 over 1 KB;
                                   429 more than 5 votes a second from one voter
    GET  /api/instructor?token=T  the instructor's view
    POST /api/instructor/ACTION   open | close | reveal | take | rewind | finish, with the token
                                   as `?token=` or in the JSON body ({"token", "shown"})
    WS   /api/live?code=C | ?token=T   the same views, pushed on every change

Every page and answer carries headers that keep the token in its URL from leaking (no
Referer) and the pages from running anything but their own files.
"""
from __future__ import annotations

import asyncio
import json
from concurrent.futures import Future
from importlib import resources

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from .qr import qr_svg
from .room import Classroom, CommandRefused
from .votes import STANCES, VoteRefused

BODY_LIMIT = 1024          # bytes: a vote is under 200
COMMAND_PATIENCE = 5.0     # seconds to wait for the presenter's side to take a request
LIVE_COALESCE = 0.15       # seconds between pushes to one phone: a burst of votes is one update
LIVE_HEARTBEAT = 20.0      # seconds: a quiet room still proves the connection alive
MAX_LIVE = 400             # open websockets at most; the rest poll
STATIC = {"room.css": "text/css", "live.js": "text/javascript", "student.js": "text/javascript",
          "instructor.js": "text/javascript"}
SECURITY_HEADERS = [
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; "
     b"img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
]


class Refusal(Exception):
    def __init__(self, status: int, reason: str, **extra):
        super().__init__(reason)
        self.status, self.reason, self.extra = status, reason, extra


def refusal_response(refusal: Refusal) -> JSONResponse:
    return JSONResponse({"error": refusal.reason, **refusal.extra}, status_code=refusal.status)


def static_text(name: str) -> str:
    return resources.files("game.classroom").joinpath("static", name).read_text(encoding="utf-8")


def address_of(request) -> str:
    return request.client.host if request.client else "unknown"


async def read_json(request: Request) -> dict:
    """The body as a JSON object: 413 past BODY_LIMIT (read no further), 400 when it is not
    JSON, 422 when it is JSON but not an object."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > BODY_LIMIT):
        raise Refusal(413 if declared.isdigit() else 400, f"a body is at most {BODY_LIMIT} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > BODY_LIMIT:
            raise Refusal(413, f"a body is at most {BODY_LIMIT} bytes")
    try:
        data = json.loads(body.decode("utf-8")) if body else {}
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Refusal(400, "the body is not JSON") from None
    if not isinstance(data, dict):
        raise Refusal(422, "the body must be a JSON object")
    return data


def whole_number(value, name: str, required: bool = True) -> int | None:
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit() or len(str(value)) > 4:
        raise Refusal(422, f"{name} must be a whole number")
    return int(value)


def ballot_of(data: dict) -> tuple[str, str, int, int | None]:
    """(voter, stance, shown, turn) from a vote's body, or 422."""
    voter, stance = data.get("voter"), data.get("stance")
    if not isinstance(voter, str) or not 1 <= len(voter) <= 64 or not voter.isprintable():
        raise Refusal(422, "voter must be a short text (1 to 64 characters)")
    if stance not in STANCES:
        raise Refusal(422, "stance must be lead or follow")
    return voter, stance, whole_number(data.get("shown"), "shown"), whole_number(data.get("turn"), "turn", False)


class ClassroomApp:
    """The routes over one Classroom."""

    def __init__(self, room: Classroom):
        self.room = room
        self.live_count = 0

    # -- guards -----------------------------------------------------------------------------

    def check_code(self, code) -> None:
        """A wrong code is always a 403, never a lock-out: one student's typo must not shut out
        the classmates who share their address. (Six letters from 31 are not worth guessing
        within a class hour, and the code is on the projector anyway.)"""
        if not self.room.is_code(code):
            raise Refusal(403, "that join code is not this class's")

    def check_token(self, token) -> None:
        if not self.room.is_token(token):
            raise Refusal(403, "the instructor's link is needed for this")

    # -- pages ------------------------------------------------------------------------------

    async def student_page(self, request: Request) -> Response:
        return self._page(request, "student.html", lambda: self.check_code(request.path_params["code"]))

    async def instructor_page(self, request: Request) -> Response:
        return self._page(request, "instructor.html", lambda: self.check_token(request.path_params["token"]))

    async def join_page(self, request: Request) -> Response:
        """Type the code (the form works without the script): a code sent here goes to its page."""
        typed = "".join(ch for ch in request.query_params.get("code", "") if ch.isalnum())[:12]
        if typed:
            return RedirectResponse(f"/j/{typed.upper()}", status_code=303)
        return Response(static_text("join.html"), media_type="text/html")

    def _page(self, request, name: str, check) -> Response:
        try:
            check()
        except Refusal as refusal:
            page = static_text("refused.html").replace("{reason}", refusal.reason)
            return Response(page, status_code=refusal.status, media_type="text/html")
        return Response(static_text(name), media_type="text/html")

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return Response("not found", status_code=404, media_type="text/plain")
        return Response(static_text(name), media_type=STATIC[name])

    async def qr(self, request: Request) -> Response:
        try:
            self.check_code(request.query_params.get("code"))
        except Refusal as refusal:
            return refusal_response(refusal)
        return Response(qr_svg(self.room.urls.get("join", "")), media_type="image/svg+xml")

    # -- the students' API ------------------------------------------------------------------

    async def state(self, request: Request) -> Response:
        try:
            self.check_code(request.query_params.get("code"))
        except Refusal as refusal:
            return refusal_response(refusal)
        return JSONResponse(self.room.state())

    async def vote(self, request: Request) -> Response:
        address = address_of(request)
        try:
            if not self.room.limits.vote_from_address(address):
                raise Refusal(429, "too many votes from this address: slow down")
            data = await read_json(request)
            if not isinstance(data.get("code"), str):
                raise Refusal(422, "code is missing")
            self.check_code(data["code"])
            voter, stance, shown, turn = ballot_of(data)
            if not self.room.limits.vote_from_voter(voter):
                raise Refusal(429, "more than 5 votes a second: slow down")
            tally = self.room.vote(voter, stance, shown, turn)
        except Refusal as refusal:
            return refusal_response(refusal)
        except VoteRefused as refused:
            return JSONResponse({"error": refused.reason}, status_code=refused.status)
        return JSONResponse({"counted": {"shown": shown, "stance": stance}, "total": tally.total})

    # -- the instructor's API ---------------------------------------------------------------

    async def instructor_state(self, request: Request) -> Response:
        try:
            self.check_token(request.query_params.get("token"))
        except Refusal as refusal:
            return refusal_response(refusal)
        return JSONResponse(self.room.instructor_state())

    async def instructor_action(self, request: Request) -> Response:
        action = request.path_params["action"]
        try:
            data = await read_json(request)
            self.check_token(request.query_params.get("token") or data.get("token"))
            result = await self._act(action, data)
        except Refusal as refusal:
            return refusal_response(refusal)
        return JSONResponse({**result, "state": self.room.instructor_state()})

    async def _act(self, action: str, data: dict) -> dict:
        if action in ("open", "close", "reveal"):
            return {"done": self.room.control(action)}
        if action not in ("take", "rewind", "finish"):
            raise Refusal(404, f"no such action: {action}")
        details = {"shown": whole_number(data.get("shown"), "shown", False)} if action == "take" else {}
        return await self._owner_does(self.room.ask(action, **details))

    async def _owner_does(self, future: Future) -> dict:
        """Wait for the session's owner to carry out a request, without blocking the server."""
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), COMMAND_PATIENCE)
        except asyncio.TimeoutError:
            future.cancel()
            raise Refusal(503, "the presenter's screen did not answer: is the session on screen?") from None
        except CommandRefused as refused:
            extra = {"tied": refused.tied} if refused.tied is not None else {}
            raise Refusal(refused.status, refused.reason, **extra) from None

    # -- live updates -----------------------------------------------------------------------

    async def live(self, websocket: WebSocket) -> None:
        """Push the view on every change; pages fall back to polling when this fails."""
        params = websocket.query_params
        try:
            if "token" in params:
                self.check_token(params["token"])
                view = self.room.instructor_state
            else:
                self.check_code(params.get("code"))
                view = self.room.state
        except Refusal:
            await websocket.close(code=1008)
            return
        if self.live_count >= MAX_LIVE:
            await websocket.close(code=1013)
            return
        await websocket.accept()
        self.live_count += 1
        try:
            await self._push(websocket, view)
        except (WebSocketDisconnect, RuntimeError, OSError):
            pass
        finally:
            self.live_count -= 1

    async def _push(self, websocket: WebSocket, view) -> None:
        gone = asyncio.ensure_future(_until_closed(websocket))
        try:
            while not gone.done():
                seen = self.room.changes.version
                await websocket.send_text(json.dumps(view()))
                await asyncio.sleep(LIVE_COALESCE)
                changed = asyncio.ensure_future(self.room.changes.wait(seen, LIVE_HEARTBEAT))
                await asyncio.wait({changed, gone}, return_when=asyncio.FIRST_COMPLETED)
                changed.cancel()
        finally:
            gone.cancel()


async def _until_closed(websocket: WebSocket) -> None:
    """Read (and ignore) what the page sends, until it goes away."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP answer (pure ASGI, so websockets pass untouched)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", [])) + SECURITY_HEADERS}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def build_app(room: Classroom):
    """The ASGI app for `room`."""
    routes = ClassroomApp(room)
    app = Starlette(routes=[
        Route("/", routes.join_page),
        Route("/j/{code}", routes.student_page),
        Route("/i/{token}", routes.instructor_page),
        Route("/static/{name}", routes.static),
        Route("/api/state", routes.state),
        Route("/api/qr.svg", routes.qr),
        Route("/api/vote", routes.vote, methods=["POST"]),
        Route("/api/instructor", routes.instructor_state),
        Route("/api/instructor/{action}", routes.instructor_action, methods=["POST"]),
        WebSocketRoute("/api/live", routes.live),
    ])
    return SecurityHeaders(app)
