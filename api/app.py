"""``create_app(settings)``: the FastAPI application over the library."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.errors import install_error_handlers
from api.settings import Settings
from graph.store import open_store

ROUTERS = ("entities", "paths", "analysis")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.store.close()

    app = FastAPI(title="Havengraph", version="0.1.0", lifespan=lifespan,
                  description="Evidence-backed knowledge graph of criminal network infiltration in seaports.")
    app.state.settings = settings
    app.state.store = open_store(settings.store)
    install_error_handlers(app)

    @app.get("/health", tags=["health"])
    def health() -> dict[str, object]:
        return {"status": "ok", "store": settings.store.split("://", 1)[0]}

    for name in ROUTERS:
        try:
            module = importlib.import_module(f"api.routers.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"api.routers.{name}":
                continue
            raise
        app.include_router(module.router)
    return app
