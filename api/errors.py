"""One table from errors to HTTP answers; every error body has the same shape.

``{"error": NAME, "status": CODE, "detail": MESSAGE}`` for library errors, FastAPI's request
validation (422), unknown routes and methods (404, 405), oversized bodies (413) and, should it
ever happen, an unexpected failure (500, without internals).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from graph.errors import HavengraphError

log = logging.getLogger("havengraph.api")

_NAMES = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed",
          409: "Conflict", 413: "PayloadTooLarge", 415: "UnsupportedMediaType", 422: "InvalidInput",
          429: "TooManyRequests", 503: "StoreUnavailable"}


class ErrorBody(BaseModel):
    """The body of every error answer."""

    error: str
    status: int
    detail: str


def error_body(status: int, error: str, detail: str) -> dict[str, object]:
    return {"error": error, "status": status, "detail": detail}


def error_response(status: int, error: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, error, detail), status_code=status, headers=headers)


#: the error answers every operation documents in OpenAPI (always JSON, whatever the success type)
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    code: {"description": name,
           "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}}
    for code, name in
    ((400, "Bad request"), (401, "No or unknown API key"), (403, "Role or clearance too low"),
     (404, "Not found"), (413, "Request too large"), (422, "Invalid input"),
     (429, "Too many requests without a valid key, or too many uploads waiting"), (503, "Store unavailable"))
}


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "\x00"})
        if match != Match.NONE:
            methods.update(getattr(route, "methods", None) or ())
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HavengraphError)
    async def _havengraph_error(request: Request, exc: HavengraphError) -> JSONResponse:
        status = exc.status if exc.status < 500 or exc.status == 503 else 500
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return error_response(status, type(exc).__name__, str(exc), headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "InvalidInput", _validation_detail(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        headers = dict(exc.headers) if exc.headers else {}
        if status == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return error_response(status, _NAMES.get(status, "HTTPError"), str(exc.detail), headers or None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "InternalError", "unexpected error; the server log has the details")
