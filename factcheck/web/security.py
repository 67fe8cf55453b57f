"""Who may do what in the review app.

- **Token.** ``factcheck serve`` makes a random token at start (or takes ``--token`` /
  ``$FACTCHECK_SERVE_TOKEN``) and prints ``http://HOST:PORT/login?token=...``. Opening it
  sets the session cookie (HttpOnly, SameSite=Strict); every other page and request needs
  that cookie. The cookie's value is derived from the token (HMAC), so the token itself is
  never stored in the browser and a restarted server with a new token ends old sessions.
- **CSRF.** Every state-changing request (POST) needs the session cookie *and* the form
  field ``csrf``, whose value only pages served to a session carry (HMAC of the token); a
  request whose ``Origin`` is not this server, or that a browser marks ``Sec-Fetch-Site:
  cross-site``, is refused as well. A refused request changes nothing.
- **Hosts.** Requests must name this server in ``Host`` (no DNS rebinding). It binds to
  127.0.0.1 unless ``--host`` names another address *and* ``--allow-remote`` is given with
  an explicit token.
- **Headers.** A strict Content-Security-Policy (scripts and styles only from this server's
  /static/, no inline script or style, no frames, forms post only here), no sniffing, no
  framing, pages not cached, the referrer kept to this server.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets

from starlette.requests import Request

SESSION_COOKIE = "factcheck_session"
REVIEWER_COOKIE = "factcheck_reviewer"
TOKEN_ENV = "FACTCHECK_SERVE_TOKEN"
MIN_TOKEN = 16  # characters of an explicit token

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class BindError(ValueError):
    """``serve`` refuses to listen where it was asked to (message for the user)."""


def new_token() -> str:
    return secrets.token_urlsafe(32)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, allow_remote: bool, token: str | None) -> None:
    """Binding beyond this machine needs ``--allow-remote`` and a token chosen by the operator."""
    if is_loopback(host):
        return
    if not allow_remote:
        raise BindError(f"--host {host} would let other machines reach the review app; pass --allow-remote (and --token) "
                        "if that is what you want, or keep the default 127.0.0.1")
    if not token or len(token) < MIN_TOKEN:
        raise BindError(f"--allow-remote needs --token (or ${TOKEN_ENV}) of at least {MIN_TOKEN} characters, shared only with the "
                        "reviewers; serve it behind HTTPS, the token travels with every request")


def allowed_hosts(host: str) -> list[str]:
    """Host header values this server answers to (TrustedHostMiddleware ignores the port)."""
    hosts = {"127.0.0.1", "localhost", "[::1]", "::1"}
    if host not in ("0.0.0.0", "::"):
        hosts.add(host)
    else:
        hosts.add("*")  # bound to every address: the operator chose it with --allow-remote and a token
    return sorted(hosts)


class Guard:
    """The session and CSRF values for one token, and the checks on a request."""

    def __init__(self, token: str):
        self._key = token.encode("utf-8")
        self.session = self._mac("session")
        self.csrf = self._mac("csrf")

    def _mac(self, purpose: str) -> str:
        return hmac.new(self._key, purpose.encode(), hashlib.sha256).hexdigest()

    def token_ok(self, token: str | None) -> bool:
        return isinstance(token, str) and bool(token) and hmac.compare_digest(token.encode("utf-8"), self._key)

    def has_session(self, request: Request) -> bool:
        return hmac.compare_digest(request.cookies.get(SESSION_COOKIE, ""), self.session)

    def csrf_ok(self, value: str | None) -> bool:
        return isinstance(value, str) and hmac.compare_digest(value, self.csrf)

    @staticmethod
    def same_origin(request: Request) -> bool:
        """What a browser says of where a request comes from agrees with this server."""
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return False
        origin = request.headers.get("origin")
        if origin is None:
            return True  # not a browser, or an old one: the CSRF field still has to match
        host = request.headers.get("host", "")
        return origin in (f"http://{host}", f"https://{host}")
