"""The classroom's server: uvicorn on a background thread of the game's own process.

The socket is bound here, before anything is printed, so a port already in use is a clear
message and `--port 0` (the default) gives a free port whose number is known at once. uvicorn
logs only warnings, to stderr: stdout carries the one JSON line tools read.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time

import uvicorn

STARTUP_PATIENCE = 10.0    # seconds for uvicorn to start serving
WILDCARDS = ("0.0.0.0", "::", "")


class ServerProblem(Exception):
    """The server could not start; the message says why, in one line."""


class RunningServer:
    """A started server: its address for links, and `stop()`."""

    def __init__(self, server: uvicorn.Server, thread: threading.Thread, host: str, port: int):
        self.server, self.thread, self.host, self.port = server, thread, host, port

    def url(self, path: str) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{path}"

    def stop(self, patience: float = 5.0) -> None:
        self.server.should_exit = True
        self.thread.join(patience)


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio sets TCP_NODELAY only on sockets that say TCP, and
    # without it every answer waits out the phone's delayed ACK (about 40 ms) after its headers.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise ServerProblem(f"cannot listen on {host}:{port} ({err.strerror or err})") from None
    sock.listen(128)
    return sock


def advertised_host(host: str) -> str:
    """The address to put in links: the one bound, or, when every interface is, this machine's
    address on the local network (the phones cannot use 0.0.0.0)."""
    if host not in WILDCARDS:
        return host
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))   # no packet is sent: this only picks a route
        found = probe.getsockname()[0]
    except OSError:
        found = "127.0.0.1"
    finally:
        probe.close()
    return found if not ipaddress.ip_address(found).is_unspecified else "127.0.0.1"


def start_server(app, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve `app` on a daemon thread; returns once it accepts connections."""
    sock = bind(host, port)
    config = uvicorn.Config(app, log_config=None, log_level="warning", access_log=False,
                            lifespan="off", ws="websockets-sansio", ws_max_size=4096,
                            timeout_graceful_shutdown=2, server_header=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="classroom-server",
                              daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_PATIENCE
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise ServerProblem("the classroom server did not start")
        time.sleep(0.01)
    return RunningServer(server, thread, advertised_host(host), sock.getsockname()[1])
