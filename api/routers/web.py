"""The web page: static files from ``api/web`` and vis-network from pyvis's bundled copy.

Nothing here holds case data, so these files need no key: the page asks for one and sends it
with every API call. Everything is served from this server; the page names no other host.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import RedirectResponse, Response

from graph.errors import HavengraphError
from graph.visualize import vis_assets

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MEDIA = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png"}

router = APIRouter(include_in_schema=False)


class PageNotFound(HavengraphError):
    status = 404


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/web/", status_code=307)


@router.get("/web/vendor/vis-network.min.js")
def vis_js() -> Response:
    return Response(vis_assets()[0], media_type=MEDIA[".js"], headers={"Cache-Control": "max-age=3600"})


@router.get("/web/vendor/vis-network.css")
def vis_css() -> Response:
    return Response(vis_assets()[1], media_type=MEDIA[".css"], headers={"Cache-Control": "max-age=3600"})


@router.get("/web/")
def index() -> Response:
    return static("index.html")


@router.get("/web/{name}")
def static(name: str) -> Response:
    files = {p.name: p for p in WEB_DIR.iterdir() if p.is_file() and p.suffix in MEDIA}
    if name not in files:
        raise PageNotFound(f"no page {name!r}")
    path = files[name]
    return Response(path.read_bytes(), media_type=MEDIA[path.suffix], headers={"Cache-Control": "no-cache"})
