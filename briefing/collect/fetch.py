"""The HTTP client of ``briefing collect``: safe against hostile servers, polite to all.

Every request, and every redirect hop, goes through ``Guard.check`` first and then connects only
to the addresses that were checked. A request has a connect and read time-out and a total
deadline (a watchdog closes the socket when it passes, so a server that trickles bytes cannot hold
a run); a body is read in chunks and refused as soon as it passes the size limit, on the wire and
once decompressed (a gzip bomb is stopped after ``max_bytes`` of output, not inflated first).
Requests to one host go one at a time, ``delay`` seconds apart (``HostGate``).

Only the standard library's ``http.client`` is used: it reads no proxy variables and no netrc,
follows no redirect by itself and decompresses nothing, so each of those is decided here.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from urllib.parse import urljoin

from .. import __version__
from ..errors import FetchError, RefusedError
from .guard import Guard, Target

USER_AGENT = f"briefing/{__version__} (news briefing collector; +https://pypi.org/project/briefing/)"
ROBOTS_AGENT = "briefing"  # the product token robots.txt rules name
CHUNK = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may take: seconds and bytes."""

    timeout: float = 15.0
    deadline: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    redirects: int = 5


@dataclass(frozen=True, slots=True)
class Response:
    """A response read whole: the final URL (after redirects), status, headers, decoded body."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes = b""

    @property
    def content_type(self) -> str:
        """The media type, lower-cased, without parameters ("" when there is none)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset parameter of Content-Type, if any."""
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


@dataclass
class HostGate:
    """One request at a time per host, ``delay`` seconds between their starts (longer for a host
    whose robots.txt asks for a longer Crawl-delay)."""

    delay: float = 1.0
    _locks: dict[str, threading.Lock] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _delays: dict[str, float] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def set_delay(self, host: str, seconds: float) -> None:
        """Ask for at least ``seconds`` between requests to ``host``."""
        with self._guard:
            self._delays[host] = max(self.delay, seconds)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold ``host`` for one request, after waiting out its delay."""
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, -1e9) + self._delays.get(host, self.delay) - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()
            yield


Hook = Callable[[Target], None]


class Client:
    """GET with the guard, the gate, the limits and a user agent that names the tool."""

    def __init__(self, guard: Guard, gate: HostGate, limits: Limits, user_agent: str = USER_AGENT) -> None:
        self.guard = guard
        self.gate = gate
        self.limits = limits
        self.user_agent = user_agent

    def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        before: Hook | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """GET ``url``, following up to ``limits.redirects`` redirects, each hop checked again
        (and passed to ``before``, which may refuse it: the robots.txt rule). Returns any final
        status (304 and errors included) with its body; raises ``RefusedError`` for what the
        policy refuses and ``FetchError`` for what failed."""
        current = url
        for _hop in range(self.limits.redirects + 1):
            try:
                target = self.guard.check(current)
                if before is not None:
                    before(target)
            except RefusedError as exc:
                if current == url:
                    raise
                raise RefusedError(
                    current, f"{exc.reason} (redirected from {url})", permanent=exc.permanent
                ) from None
            with self.gate.slot(f"{target.host}:{target.port}"):
                response = self._once(target, headers or {}, max_bytes or self.limits.max_bytes)
            if response.status not in REDIRECTS:
                return response
            location = response.headers.get("location", "").strip()
            if not location:
                raise FetchError(current, f"HTTP {response.status} redirect without a Location")
            current = urljoin(current, location)
        raise RefusedError(url, f"more than {self.limits.redirects} redirects (last to {current})")

    def _once(self, target: Target, extra: Mapping[str, str], max_bytes: int) -> Response:
        limits = self.limits
        started = time.monotonic()
        opened: list[socket.socket] = []
        conn = _connection(target, min(limits.timeout, limits.deadline), opened)
        watchdog = threading.Timer(limits.deadline, _abort, (opened,))
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.putrequest("GET", target.path, skip_accept_encoding=True)
            for name, value in {
                "User-Agent": self.user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Accept": "*/*",
                "Connection": "close",
                **extra,
            }.items():
                conn.putheader(name, value)
            conn.endheaders()
            reply = conn.getresponse()
            found = {k.lower(): v for k, v in reply.getheaders()}
            if reply.status in REDIRECTS or reply.status == 304 or reply.status >= 400:
                return Response(target.url, reply.status, found)
            body = _read_body(reply, found, target.url, max_bytes)
            if time.monotonic() - started >= limits.deadline:  # the watchdog cut the body short
                raise RefusedError(target.url, f"took longer than the {limits.deadline:g} s deadline")
            return Response(target.url, reply.status, found, body)
        except TimeoutError:
            raise RefusedError(target.url, f"timed out (no data for {limits.timeout:g} s)") from None
        except (OSError, http.client.HTTPException) as exc:
            if time.monotonic() - started >= limits.deadline:
                raise RefusedError(
                    target.url, f"took longer than the {limits.deadline:g} s deadline"
                ) from None
            if isinstance(exc, ssl.SSLError | ssl.CertificateError):
                raise FetchError(target.url, f"TLS error: {exc}") from None
            raise FetchError(target.url, f"{type(exc).__name__}: {exc}") from None
        finally:
            watchdog.cancel()
            conn.close()


def _connection(target: Target, timeout: float, opened: list[socket.socket]) -> http.client.HTTPConnection:
    """A connection that speaks to ``target.host`` (Host header, TLS name check) but connects
    only to the addresses the guard checked; the socket it opens is added to ``opened``."""
    conn: http.client.HTTPConnection
    if target.scheme == "https":
        conn = http.client.HTTPSConnection(
            target.host, target.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(target.host, target.port, timeout=timeout)

    def connect(_address: object, timeout: float | None = None, source: object = None) -> socket.socket:
        error: OSError | None = None
        for address in target.addresses:
            try:
                sock = socket.create_connection((address, target.port), timeout)
                opened.append(sock)
                return sock
            except OSError as exc:
                error = exc
        raise error or OSError("no address to connect to")

    conn._create_connection = connect  # type: ignore[attr-defined]
    return conn


def _abort(opened: list[socket.socket]) -> None:
    """The deadline passed: shut the socket down so the blocked read returns. (The socket, not
    the connection's: ``http.client`` hands the socket to the response and forgets it.)"""
    for sock in opened:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _read_body(reply: http.client.HTTPResponse, headers: Mapping[str, str], url: str, limit: int) -> bytes:
    """The body, decompressed, refused as soon as it passes ``limit`` either way."""
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise RefusedError(
            url, f"body of {int(declared)} bytes is over the {limit}-byte limit", permanent=True
        )
    encoding = headers.get("content-encoding", "identity").strip().lower()
    inflate: zlib._Decompress | None
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in ("gzip", "x-gzip"):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflate = zlib.decompressobj()
    else:
        raise RefusedError(url, f"unsupported Content-Encoding {encoding!r}", permanent=True)
    wire = 0
    out: list[bytes] = []
    size = 0
    while True:
        chunk = reply.read(CHUNK)
        if not chunk:
            break
        wire += len(chunk)
        if wire > limit:
            raise RefusedError(url, f"body is over the {limit}-byte limit", permanent=True)
        if inflate is None:
            out.append(chunk)
            size += len(chunk)
            continue
        data = chunk
        while data:
            try:
                piece = inflate.decompress(data, limit + 1 - size)
            except zlib.error as exc:
                raise FetchError(url, f"corrupt {encoding} body: {exc}", permanent=True) from None
            size += len(piece)
            out.append(piece)
            if size > limit:
                raise RefusedError(
                    url,
                    f"decompressed body is over the {limit}-byte limit after {wire} bytes on the wire "
                    "(a compression bomb?)",
                    permanent=True,
                )
            data = inflate.unconsumed_tail
            if not piece and not data:
                break
    if inflate is not None:
        out.append(inflate.flush())
    return b"".join(out)
