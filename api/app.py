"""``create_app(settings)``: the FastAPI application over the library.

Every router reads the store through the caller's :class:`~graph.store.view.ClearedView`
(``api/deps.py``); keys, roles and the audit log come from ``api/security``.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.deps import ReadPool, require, strict_query
from api.errors import ErrorBody, install_error_handlers
from api.ingest_jobs import IngestJobs
from api.routers.models import Health
from api.security.audit import AuditLog
from api.security.keys import KeyStore, keys_db_path
from api.security.middleware import GuardMiddleware
from api.security.rate_limit import KeylessLimiter
from api.settings import Settings
from graph.store import open_store
from graph.store.view import NeedToKnow, check_clearance, clearance_rank
from ingest.upload_job import Budget

#: routers of this package, in the order they appear in the OpenAPI document
ROUTERS = ("entities", "paths", "documents", "ocr_pages", "jobs", "exports", "evidence", "cypher", "resolution", "analysis", "admin",
           "investigations", "notes", "analyst_facts", "reports", "timeline", "alerts")
UPLOAD_PATHS = ("/documents", "/evidence-packages/verify", "/analysis/suspicious-links")


def _resolution_ready() -> bool:
    try:
        resolution = importlib.import_module("graph.resolution")
    except ImportError:
        return False
    return all(hasattr(resolution, f) for f in ("review_candidates", "merge", "split", "pin_distinct"))


def _router(name: str) -> Any | None:
    if name == "resolution" and not _resolution_ready():
        return None
    try:
        module = importlib.import_module(f"api.routers.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"api.routers.{name}":
            return None
        raise
    return module.router


def _open(app: FastAPI, settings: Settings) -> None:
    """Open the store, the key file and the audit log; a new lifespan after a shutdown reopens them."""
    store = open_store(settings.store)
    keys = KeyStore(keys_db_path(settings.store, settings.keys_db))
    app.state.store = store
    app.state.keys = keys
    app.state.audit = AuditLog(keys.path, db=keys.db, lock=keys.lock) if settings.audit else None
    app.state.readers = ReadPool(settings.store, store)
    app.state.gate = NeedToKnow(store, ttl=settings.clearance_cache_s, reads=app.state.readers.get)
    app.state.size_cache = {}
    gate = app.state.gate
    app.state.jobs = IngestJobs(
        store, workers=settings.ingest_workers, queue=settings.ingest_queue, on_written=gate.invalidate,
        budget=Budget(seconds=settings.ingest_job_seconds, memory_mb=settings.ingest_job_memory_mb,
                      ocr_page_seconds=settings.ingest_ocr_page_seconds),
        visible=lambda doc_id, clearance: gate.taint(clearance_rank(clearance)).doc_visible(doc_id))
    app.state.closed = False


def _close(app: FastAPI) -> None:
    if not app.state.closed:
        app.state.closed = True
        app.state.jobs.close()
        app.state.readers.close()
        app.state.store.close()
        app.state.keys.close()
        if getattr(app.state, "alerts", None) is not None:
            app.state.alerts.close()
            app.state.alerts = None


def _document_errors(app: FastAPI) -> None:
    """Put the error body model in the OpenAPI components (every operation refers to it)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        spec = generate()
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas.setdefault("ErrorBody", ErrorBody.model_json_schema())
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    check_clearance(settings.anonymous_clearance)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.closed:
            _open(app, settings)
        yield
        _close(app)

    app = FastAPI(title="Havengraph", version="0.2.0", lifespan=lifespan,
                  description="Evidence-backed knowledge graph of criminal network infiltration in seaports. "
                              "Send `Authorization: Bearer KEY` (keys from `havengraph users add`).")
    app.state.settings = settings
    _open(app, settings)
    install_error_handlers(app)

    @app.get("/health", tags=["health"], response_model=Health, summary="Liveness (no key needed)")
    def health() -> dict[str, object]:
        return {"status": "ok", "store": settings.store.split("://", 1)[0], "auth": settings.auth}

    for name in ROUTERS:
        router = _router(name)
        if router is not None:
            app.include_router(router, dependencies=[Depends(strict_query), Depends(require("viewer"))])
    from api.routers.web import router as web_router

    app.include_router(web_router)
    _document_errors(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(GuardMiddleware, max_body=settings.max_body_kb * 1024,
                       max_upload=settings.max_upload_mb * 1024 * 1024, upload_paths=UPLOAD_PATHS,
                       keyless=KeylessLimiter(settings.keyless_per_minute, settings.keyless_per_minute * 10))
    return app
