"""The filter options of every command that shows relations (the API's filter parameters).

``--type``, ``--relation-type`` (repeatable), ``--weak/--no-weak``, ``--min-grading``, ``--from``,
``--to`` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive: a relation is inside the range when one of its
evidence dates is), ``--max-handling`` and ``--undated include|exclude`` (relations without any
date: kept, or left out) make one :class:`~graph.filters.GraphFilter`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from graph.errors import InvalidInput
from graph.filters import GraphFilter

__all__ = ["TypeOpt", "RelOpt", "WeakOpt", "GradingOpt", "FromOpt", "ToOpt", "HandlingOpt", "UndatedOpt",
           "build_filter"]

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
