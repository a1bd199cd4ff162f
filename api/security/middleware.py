"""One ASGI middleware for what every request goes through: body size, security headers, audit.

* bodies larger than the limit are refused with 413 (declared length, or counted as they arrive);
* answers carry ``nosniff``, ``no-referrer``, ``DENY`` framing and ``no-store`` caching, and the
  web page a strict Content-Security-Policy (same origin only);
* every request but the health check and static files gets an audit entry (in the app's
  ``state.audit``): who, role, method,
  path, query and body parameters, status, bytes and items returned, duration. "Who" is the
  key's user whatever the answer (a 404, 405, 413 or 422 too, and a revoked key with ``key: revoked``);
* requests without a valid key are bounded per client address (:mod:`api.security.rate_limit`):
  past the limit they get 429 at once and only the first refusal of the minute is logged.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response
from api.security.audit import AuditLog
from api.security.keys import User
from api.security.rate_limit import KeylessLimiter

#: the web page may only talk to the server that served it
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
UNAUDITED = ("/health", "/web/", "/favicon.ico", "/docs", "/redoc", "/openapi.json")


def _unaudited(path: str) -> bool:
    return path == "/" or any(path == p or (p.endswith("/") and path.startswith(p)) for p in UNAUDITED)


class GuardMiddleware:
    def __init__(self, app: ASGIApp, max_body: int, max_upload: int, upload_paths: tuple[str, ...] = (),
                 keyless: KeylessLimiter | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.max_upload = max_upload
        self.upload_paths = upload_paths
        self.keyless = keyless

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path: str = scope.get("path", "")
        state: dict[str, Any] = scope.setdefault("state", {})
        limit = self.max_upload if scope["method"] == "POST" and path in self.upload_paths else self.max_body
        result = {"status": 500, "bytes": 0}
        headers = dict(scope.get("headers") or [])

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                result["status"] = message["status"]
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                         (b"x-frame-options", b"DENY")]
                names = {k.lower() for k, _ in message.get("headers", [])}
                if b"cache-control" not in names:
                    extra.append((b"cache-control", b"no-store"))
                if path == "/" or path.startswith("/web/"):
                    extra.append((b"content-security-policy", PAGE_CSP.encode()))
                message["headers"] = [*message.get("headers", []), *extra]
            elif message["type"] == "http.response.body":
                result["bytes"] += len(message.get("body", b""))
            await send(message)

        received = 0

        async def receive_wrapper() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, f"request body larger than {limit} bytes")
            return message

        try:
            declared = int(headers.get(b"content-length", b"0") or 0)
        except ValueError:
            declared = 0
        audited = not _unaudited(path) and "app" in scope
        identity, key_note = self._identify(scope, headers) if audited else (None, None)
        if audited and self.keyless is not None and scope["app"].state.settings.auth \
                and (identity is None or key_note == "revoked"):
            verdict = self.keyless.check((scope.get("client") or ("?",))[0])
            if verdict != "ok":
                response = error_response(429, "TooManyRequests", "too many requests without a valid API key from "
                                          "this address; wait a minute, or send 'Authorization: Bearer KEY'")
                await response(scope, receive, send_wrapper)
                audit = getattr(scope["app"].state, "audit", None)
                if verdict == "first-refusal" and audit is not None:
                    state.setdefault("audit_params", {})["note"] = "later requests without a key this minute are not logged"
                    self._record(audit, scope, state, result, time.perf_counter() - started, identity, key_note)
                return
        try:
            if declared > limit:
                response = error_response(413, "PayloadTooLarge", f"request body larger than {limit} bytes")
                await response(scope, receive, send_wrapper)
            else:
                await self.app(scope, receive_wrapper, send_wrapper)
        finally:
            audit = getattr(scope["app"].state, "audit", None) if "app" in scope else None
            if audit is not None and audited:
                self._record(audit, scope, state, result, time.perf_counter() - started, identity, key_note)

    @staticmethod
    def _identify(scope: Scope, headers: dict[bytes, bytes]) -> tuple[User | None, str | None]:
        """The key's user, whatever the request's fate; with ``revoked`` or ``unknown`` when so."""
        scheme, _, key = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        keys = getattr(scope["app"].state, "keys", None)
        if scheme.lower() != "bearer" or not key.strip() or keys is None:
            return None, None
        found = keys.identify(key.strip())
        if found is None:
            return None, "unknown"
        return found[0], "revoked" if found[1] else None

    def _record(self, audit: AuditLog, scope: Scope, state: dict[str, Any], result: dict[str, int],
                elapsed: float, identity: User | None = None, key_note: str | None = None) -> None:
        user = state.get("user") or identity
        query = {k: v[0] if len(v) == 1 else v
                 for k, v in parse_qs(scope.get("query_string", b"").decode("latin-1")).items()}
        params = {**query, **state.get("audit_params", {})}
        if key_note and not state.get("user"):
            params["key"] = key_note
        audit.append(
            who=user.name if user else "-", role=user.role if user else None, method=scope["method"],
            endpoint=scope.get("path", ""), params=params, status=result["status"], result_bytes=result["bytes"],
            result_items=state.get("result_items"), duration_ms=elapsed * 1000)
