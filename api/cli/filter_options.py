"""The filter options of every command that shows relations (the API's filter parameters).

``--type``, ``--relation-type`` (repeatable), ``--weak/--no-weak``, ``--min-grading``, ``--from``,
``--to`` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive: a relation is inside the range when one of its
evidence dates is), ``--max-handling`` and ``--undated include|exclude`` (relations without any
date: kept, or left out) make one :class:`~graph.filters.GraphFilter`.
"""

from __future__ import annotations

import calendar
from typing import Annotated

import typer

from graph.errors import InvalidInput
from graph.filters import GraphFilter

__all__ = ["TypeOpt", "RelOpt", "WeakOpt", "GradingOpt", "FromOpt", "ToOpt", "HandlingOpt", "UndatedOpt",
           "build_filter", "panel_filters"]

TypeOpt = Annotated[list[str] | None, typer.Option("--type", help="Only this entity type (repeatable).")]
RelOpt = Annotated[list[str] | None, typer.Option("--relation-type", help="Only this relation type (repeatable).")]
WeakOpt = Annotated[bool, typer.Option("--weak/--no-weak", "--include-weak/--no-include-weak",
                                       help="Keep weak co-mentions (CO_MENTIONED).")]
GradingOpt = Annotated[str | None, typer.Option("--min-grading", help="Only evidence from documents graded at "
                                                "least this well (e.g. B2).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="Only relations dated on or after (YYYY[-MM[-DD]]).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Only relations dated on or before (YYYY[-MM[-DD]]).")]
HandlingOpt = Annotated[str | None, typer.Option("--max-handling", help="Only evidence from documents handled at "
                                                 "this level or below (e.g. RESTRICTED).")]
UndatedOpt = Annotated[str, typer.Option("--undated", help="Relations without any date: include (kept) or "
                                         "exclude (left out).")]


def build_filter(types: list[str] | None, relation_types: list[str] | None, weak: bool, min_grading: str | None,
                 date_from: str | None, date_to: str | None, max_handling: str | None,
                 undated: str = "include") -> GraphFilter:
    """The checked filter; ``--from`` after ``--to`` is refused rather than showing nothing."""
    flt = GraphFilter.build(types, relation_types, weak, min_grading, date_from, date_to, max_handling, undated)
    if flt.date_from and flt.date_to and flt.date_from[: len(flt.date_to)] > flt.date_to:
        raise InvalidInput(f"--from {flt.date_from} is after --to {flt.date_to}")
    return flt


def panel_filters(flt: GraphFilter) -> dict[str, object]:
    """``flt`` in the shape the page's filter panel saves with an investigation (empty when it
    narrows nothing), so that the page reopens it with these filters in the panel."""
    if not flt.active and flt.include_weak:
        return {}
    return {"types": sorted(flt.entity_types or ()), "relation_types": sorted(flt.relation_types or ()),
            "include_weak": flt.include_weak, "min_grading": flt.min_grading or "",
            "date_from": _day(flt.date_from, last=False), "date_to": _day(flt.date_to, last=True),
            "max_handling": flt.max_handling or "", "undated": flt.undated}


def _day(value: str | None, last: bool) -> str:
    """A YYYY or YYYY-MM bound as the day the page's date field shows (the first or last day)."""
    if not value or len(value) == 10:
        return value or ""
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 else (12 if last else 1)
    day = calendar.monthrange(year, month)[1] if last else 1
    return f"{year:04d}-{month:02d}-{day:02d}"
