"""One table from library errors to HTTP answers; every error body has the same shape."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from graph.errors import HavengraphError


def error_body(status: int, error: str, detail: str) -> dict[str, object]:
    return {"error": error, "status": status, "detail": detail}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HavengraphError)
    async def _havengraph_error(request: Request, exc: HavengraphError) -> JSONResponse:
        status = exc.status if exc.status < 500 or exc.status == 503 else 500
        return JSONResponse(error_body(status, type(exc).__name__, str(exc)), status_code=status)
