"""Which URLs ``briefing collect`` may request: http and https to public addresses only.

A feed is written by someone else, and so is every link and redirect in it. Followed blindly, a
link to ``http://169.254.169.254/`` reads a cloud machine's credentials, one to ``127.0.0.1`` or
``10.0.0.5`` reaches services that trust the local network, and ``file:///etc/shadow`` reads a
file. So every URL is checked before any connection: the scheme, then every address its host
resolves to; the connection then goes to an address that was checked (``Target.addresses``), so a
DNS answer that changes between the check and the connection (rebinding) cannot slip through.
Hosts and networks the operator names (``--allow-host``, ``collect.allow_hosts``) are exempt.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urlsplit

from ..errors import RefusedError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Sequence[str]]
SCHEMES = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: where to connect (``addresses``, all checked) and what to ask for."""

    url: str
    scheme: str
    host: str  # as written in the URL, lower-cased, without brackets
    port: int
    path: str  # path and query, what goes on the request line
    addresses: tuple[str, ...]


def system_resolver(host: str, port: int) -> Sequence[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), as the system resolver answers."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def non_public_reason(address: IPAddress) -> str | None:
    """Why ``address`` is not a public internet address (None when it is)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return non_public_reason(address.ipv4_mapped)
    for test, reason in (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address (cloud metadata lives there)"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private address"),
    ):
        if getattr(address, test):
            return reason
    return None if address.is_global else "not a public address"


class Guard:
    """The URL policy of one run: schemes, address checks and the operator's exemptions."""

    def __init__(self, allow_hosts: Iterable[str] = (), resolver: Resolver = system_resolver) -> None:
        self.names: set[str] = set()
        self.networks: list[IPNetwork] = []
        for entry in allow_hosts:
            entry = entry.strip().lower().strip("[]")
            try:
                self.networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                try:
                    self.names.add(entry.rstrip(".").encode("idna").decode("ascii"))
                except UnicodeError:
                    self.names.add(entry.rstrip("."))
        self.resolver = resolver

    def check(self, url: str) -> Target:
        """Check ``url`` and resolve its host; raise ``RefusedError`` naming the reason."""
        parts = _split(url)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            raise _refused(
                url, f"scheme {scheme + ':' if scheme else '(none)'} not allowed (http and https only)"
            )
        if parts.username is not None or parts.password is not None:
            raise _refused(url, "credentials in the URL")
        host = (parts.hostname or "").rstrip(".")
        if not host:
            raise _refused(url, "no host")
        try:
            port = parts.port or SCHEMES[scheme]
        except ValueError:
            raise _refused(url, "invalid port") from None
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        if any(c in path or c in host for c in "\r\n\t ") or any(ord(c) < 32 or ord(c) == 127 for c in path):
            raise _refused(url, "control characters or spaces in the URL")
        # The request line and Host header are ASCII: an international name in its IDNA form,
        # other characters percent-encoded (those already encoded are left as they are).
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise _refused(url, "invalid host name") from None
        path = quote(path, safe="/%?=&;:@!$'()*+,~[]-._")
        literal = _literal(host)
        if literal is not None:
            addresses = [str(literal)]
        else:
            try:
                addresses = list(self.resolver(host, port))
            except (OSError, UnicodeError) as exc:
                raise _refused(url, f"cannot resolve {host}: {exc}", permanent=False) from None
            if not addresses:
                raise _refused(url, f"cannot resolve {host}: no address", permanent=False)
        if host not in self.names:
            for text in addresses:
                address = ipaddress.ip_address(text.split("%", 1)[0])
                reason = non_public_reason(address)
                if reason and not any(address in net for net in self.networks):
                    shown = host if literal is not None else f"{host} resolves to {address}, which"
                    raise _refused(
                        url, f"{shown} is {reason}; not fetched (allow it with --allow-host {host})"
                    )
        return Target(url, scheme, host, port, path, tuple(addresses))


def _refused(url: str, reason: str, *, permanent: bool = True) -> RefusedError:
    """A refusal of the URL itself: permanent (the same URL is refused again) unless it may pass."""
    return RefusedError(url, reason, permanent=permanent)


def _split(url: str) -> SplitResult:
    try:
        return urlsplit(url.strip())
    except ValueError as exc:
        raise _refused(url, f"malformed URL: {exc}") from None


def _literal(host: str) -> IPAddress | None:
    """The address a host written as an IP literal stands for, in any form the system's resolver
    would accept ("127.1", "2130706433", "0x7f.0.0.1" all mean 127.0.0.1)."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, UnicodeError, ValueError):
        return None
