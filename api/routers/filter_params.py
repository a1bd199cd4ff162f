"""The filter every reading route takes, under the same query parameter names.

``type``, ``relation_type`` (repeatable), ``include_weak``, ``min_grading``, ``date_from``,
``date_to`` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive), ``max_handling`` and ``undated``
(``include``: relations without any date stay; ``exclude``: they go) become one
:class:`~graph.filters.GraphFilter`. Routes that draw pictures keep weak links by default; paths
and reports leave them out by default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import Depends, Query

from api.routers.models import EntityType, HandlingCode, RelationType
from graph.filters import DATE_PATTERN, GraphFilter
from graph.schema import SCHEMA

__all__ = ["DateParam", "FilterDep", "PathFilterDep", "filter_dependency"]

DateParam = Annotated[str | None, Query(max_length=10, pattern=DATE_PATTERN,
                                        description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive); a relation is "
                                                    "inside the range when one of its evidence dates is")]
UndatedParam = Annotated[Literal["include", "exclude"], Query(
    description="relations without any dated evidence: kept (include) or left out (exclude)")]


def filter_dependency(weak_default: bool) -> Callable[..., GraphFilter]:
    """A dependency reading the filter parameters; ``include_weak`` defaults to ``weak_default``."""

    def graph_filter(
        type: Annotated[list[EntityType] | None, Query(description="keep only these entity types")] = None,
        relation_type: Annotated[list[RelationType] | None,
                                 Query(description="keep only these relation types")] = None,
        include_weak: Annotated[bool, Query(description="keep weak co-mentions (CO_MENTIONED)")] = weak_default,
        min_grading: Annotated[str | None, Query(max_length=8, pattern=SCHEMA.grading_pattern,
                                                 description="only evidence from documents graded at least "
                                                             "this well, e.g. B2")] = None,
        date_from: DateParam = None,
        date_to: DateParam = None,
        max_handling: Annotated[HandlingCode | None, Query(description="only evidence from documents handled "
                                                                       "at this level or below")] = None,
        undated: UndatedParam = "include",
    ) -> GraphFilter:
        return GraphFilter.build(type, relation_type, include_weak, min_grading, date_from, date_to, max_handling,
                                 undated)

    return graph_filter


FilterDep = Annotated[GraphFilter, Depends(filter_dependency(True))]
PathFilterDep = Annotated[GraphFilter, Depends(filter_dependency(False))]
