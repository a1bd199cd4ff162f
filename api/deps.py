"""FastAPI dependencies: settings, the caller, role checks and the store as the caller may see it.

``StoreDep`` is a read-only :class:`~graph.store.view.ClearedView` limited to the caller's
clearance, so every route that reads through it (search, neighbours, paths, analyses, exports)
applies need-to-know without further thought. Routes that write ask for ``WriteStoreDep``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.security.keys import User
from api.security.roles import role_allows
from api.settings import Settings
from graph.errors import Forbidden, Unauthorized
from graph.store import GraphStore
from graph.store.view import ClearedView, check_clearance

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


def get_store(request: Request, user: UserDep) -> ClearedView:
    """The store as ``user`` may see it."""
    return request.app.state.gate.view(user.clearance)


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
