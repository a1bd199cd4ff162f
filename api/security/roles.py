"""Roles, lowest first: each role may do what the ones below it may do.

* ``viewer``  reads: search, entities, neighbours, paths, documents, analyses, pages;
* ``analyst`` also uploads documents, exports, builds evidence packages, reviews resolution
  (merge, split, pin) and runs read-only Cypher;
* ``admin``   also deletes documents and reads the audit log and the list of users.
"""

from __future__ import annotations

from graph.errors import InvalidInput

ROLES: tuple[str, ...] = ("viewer", "analyst", "admin")


def check_role(role: str) -> str:
    name = role.strip().lower()
    if name not in ROLES:
        raise InvalidInput(f"unknown role {role!r}; use one of: {', '.join(ROLES)}")
    return name


def role_allows(role: str, needed: str) -> bool:
    """True if ``role`` is at least ``needed``."""
    return ROLES.index(check_role(role)) >= ROLES.index(check_role(needed))
