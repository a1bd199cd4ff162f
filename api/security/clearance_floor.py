"""The lowest clearance that may see an entity: what an analyst's note or entry may not be kept below.

Writing a fact about an entity into a record kept at a lower handling code would show the entity
to readers who may not see it ("writing down"); the routes that write notes and analyst entries
refuse that, using :func:`clearance_floor`.
"""

from __future__ import annotations

from api.security.roles import ROLES
from graph.schema import SCHEMA
from graph.store.view import NeedToKnow


def clearance_floor(gate: NeedToKnow, entity_id: str) -> int:
    """Rank of the lowest handling level at which ``entity_id`` is visible (the highest if never)."""
    for rank in range(len(SCHEMA.handling_levels)):
        if gate.taint(rank).entity_visible(entity_id):
            return rank
    return len(SCHEMA.handling_levels) - 1


def roles_held(role: str) -> tuple[str, ...]:
    """The roles a user of ``role`` holds (each role includes those below it)."""
    return ROLES[:ROLES.index(role) + 1]
