"""FastAPI dependencies: settings, the caller, role checks and the store as the caller may see it.

``StoreDep`` is a read-only :class:`~graph.store.view.ClearedView` limited to the caller's
clearance, so every route that reads through it (search, neighbours, paths, analyses, exports)
applies need-to-know without further thought. Routes that write ask for ``WriteStoreDep``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi._compat import field_annotation_is_sequence
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.security.keys import User
from api.security.roles import role_allows
from api.settings import Settings
from graph.errors import Forbidden, InvalidInput, Unauthorized
from graph.store import GraphStore, open_store
from graph.store.view import ClearedView, check_clearance


class ReadPool:
    """One read connection per worker thread for the embedded store.

    ``SQLiteStore`` serialises every call on its connection, and the API answers reads from a
    thread pool; each thread gets its own store on the same file (WAL lets readers run side by
    side while a writer commits). Writes go through the app's main store. Other backends (Neo4j,
    whose driver is thread-safe) and in-memory stores use the main store for everything.
    """

    def __init__(self, url: str, main: GraphStore) -> None:
        self.url = url
        self.main = main
        self.pooled = url.startswith("sqlite:") and ":memory:" not in url
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[GraphStore] = []
        self._closed = False

    def get(self) -> GraphStore:
        """This thread's store (the main store when pooling does not apply)."""
        if not self.pooled or self._closed:
            return self.main
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url, read_only=True)  # never waits for a writer's lock
            with self._lock:
                self._opened.append(store)
            self._local.store = store
        return store

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for store in self._opened:
                store.close()
            self._opened.clear()


bearer = HTTPBearer(auto_error=False, description="API key from `havengraph users add NAME --role ROLE`")


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def current_user(request: Request,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> User:
    """The caller, from ``Authorization: Bearer KEY`` (anyone is an admin when auth is off)."""
    settings: Settings = request.app.state.settings
    if not settings.auth:
        user = User("anonymous", "admin", check_clearance(settings.anonymous_clearance))
    else:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise Unauthorized("send your API key as 'Authorization: Bearer KEY' (havengraph users add NAME)")
        found = request.app.state.keys.authenticate(credentials.credentials)
        if found is None:
            raise Unauthorized("unknown or revoked API key")
        user = found
    request.state.user = user
    return user


UserDep = Annotated[User, Depends(current_user)]


def require(role: str) -> Callable[..., User]:
    """A dependency that lets through callers with at least ``role``."""

    def check(user: UserDep) -> User:
        if not role_allows(user.role, role):
            raise Forbidden(f"this needs the {role} role; {user.name} is a {user.role}")
        return user

    check.__name__ = f"require_{role}"
    return check


Viewer = Annotated[User, Depends(require("viewer"))]
Analyst = Annotated[User, Depends(require("analyst"))]
Admin = Annotated[User, Depends(require("admin"))]


_query_cache: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _query_names(route: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Query parameters a route declares (with its dependencies), and those that take a list."""
    key = id(route)
    if key not in _query_cache:
        names, lists, stack = set(), set(), [route.dependant]
        while stack:
            dependant = stack.pop()
            for param in dependant.query_params:
                names.add(param.alias)
                if field_annotation_is_sequence(param.field_info.annotation):
                    lists.add(param.alias)
            stack.extend(dependant.dependencies)
        _query_cache[key] = (frozenset(names), frozenset(lists))
    return _query_cache[key]


def strict_query(request: Request) -> None:
    """Refuse unknown query parameters and repeated single-valued ones (a typo must not go unnoticed)."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    names, lists = _query_names(route)
    counts: dict[str, int] = {}
    for name, _ in request.query_params.multi_items():
        if name not in names:
            known = ", ".join(sorted(names)) or "none"
            raise InvalidInput(f"unknown query parameter {name[:40]!r}; this endpoint takes: {known}")
        counts[name] = counts.get(name, 0) + 1
        if counts[name] > 1 and name not in lists:
            raise InvalidInput(f"query parameter {name!r} is given more than once")


def get_store(request: Request, user: UserDep) -> ClearedView:
    """The store as ``user`` may see it."""
    return request.app.state.gate.view(user.clearance, request.app.state.readers.get())


def get_write_store(request: Request, user: Analyst) -> GraphStore:
    """The store itself, for analysts and admins who write (uploads, merges)."""
    return request.app.state.store


def note(request: Request, items: int | None = None, **params: Any) -> None:
    """Add the number of results and body parameters to this request's audit entry."""
    if items is not None:
        request.state.result_items = items
    if params:
        extra = getattr(request.state, "audit_params", {})
        extra.update(params)
        request.state.audit_params = extra


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[ClearedView, Depends(get_store)]
WriteStoreDep = Annotated[GraphStore, Depends(get_write_store)]
