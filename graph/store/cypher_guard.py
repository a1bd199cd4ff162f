"""Whether an analyst's Cypher query only reads, decided from the server's plan, not from its text.

The query is planned with ``EXPLAIN`` (nothing runs) and every operator of the plan must be a
read operator; a procedure call must name a procedure on a short list of read-only ones. LOAD CSV,
writes, administration and schema commands (``SHOW …``, ``TERMINATE …``, ``CREATE INDEX …``),
``CALL … IN TRANSACTIONS`` and any other procedure are refused, whatever comments, strings or
casing the text uses, because they all show up in the plan as their own operators.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from graph.errors import Forbidden

__all__ = ["READ_PROCEDURES", "check_read_plan", "plan_operators"]

#: read-only procedures an analyst may call: the data model's labels, types and keys
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys",
    "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
})

#: operators that only read (Neo4j 5 names, without the ``@database`` suffix)
_READ_OPERATORS = frozenset({
    "ProduceResults", "Projection", "Filter", "Argument", "ArgumentTracker", "EmptyRow",
    "AllNodesScan", "NodeByLabelScan", "NodeByIdSeek", "NodeByElementIdSeek",
    "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan", "SubtractionNodeByLabelsScan",
    "NodeCountFromCountStore", "RelationshipCountFromCountStore",
    "ProjectEndpoints", "ShortestPath", "Trail", "Repeat(Trail)",
    "Aggregation", "EagerAggregation", "OrderedAggregation", "Distinct", "OrderedDistinct",
    "Sort", "PartialSort", "Top", "PartialTop", "Limit", "ExhaustiveLimit", "Skip", "Unwind",
    "Optional", "CacheProperties", "Eager", "NullifyMetadata", "Anti", "AssertSameNode",
    "AssertSameRelationship", "TriadicSelection", "TriadicBuild", "TriadicFilter",
    "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
    "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "ConditionalApply",
    "AntiConditionalApply", "RollUpApply", "CartesianProduct", "NodeHashJoin", "ValueHashJoin",
    "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "Union", "OrderedUnion",
})
#: families of read operators named by pattern: index and scan reads, expansions, path searches
_READ_FAMILIES = re.compile(
    r"(Directed|Undirected)(AllRelationships|RelationshipType|UnionRelationshipTypes)Scan"
    r"|(Directed|Undirected)Relationship(ById|ByElementId)Seek"
    r"|(Directed|Undirected)?(Node|Relationship)(Unique)?Index(Seek|Scan|ContainsScan|EndsWithScan|SeekByRange)"
    r"|(Asserting)?MultiNodeIndexSeek"
    r"|(Optional)?Expand\((All|Into)\)"
    r"|(BFSPruning|Pruning)?VarLengthExpand\([A-Za-z,]+\)"
    r"|StatefulShortestPath\((All|Into)\)")
_PROCEDURE_NAME = re.compile(r"\s*([\w.`]+)\s*\(")


def plan_operators(plan: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """Every operator of a plan as ``(name, database, details)``, the root first."""
    name, _, database = str(plan.get("operatorType", "")).partition("@")
    yield name, database, str((plan.get("args") or {}).get("Details", ""))
    for child in plan.get("children") or ():
        yield from plan_operators(child)


def check_read_plan(plan: Mapping[str, Any] | None, query_type: str | None) -> None:
    """Raise ``Forbidden`` unless the plan only reads, and calls only :data:`READ_PROCEDURES`.

    ``plan`` is the ``EXPLAIN`` summary's plan, ``query_type`` its ``r``/``rw``/``w``/``s`` kind.
    """
    if plan is None:
        raise Forbidden("the server gave no plan for this query, so it cannot be shown to only read; "
                        "only MATCH … RETURN reads may run here")
    for name, database, details in plan_operators(plan):
        if database == "system" or name == "AdministrationCommand":
            raise Forbidden("administration commands (users, roles, databases, transactions) cannot "
                            "run here; only reads of the graph may")
        if name == "LoadCSV":
            raise Forbidden("LOAD CSV is not allowed here: it makes the database server read files "
                            "or fetch URLs")
        if name == "ProcedureCall":
            match = _PROCEDURE_NAME.match(details)
            procedure = match.group(1).replace("`", "") if match else details
            if procedure not in READ_PROCEDURES:
                raise Forbidden(f"procedure {procedure} cannot be called here; the read-only ones are "
                                f"{', '.join(sorted(READ_PROCEDURES))}")
            continue
        if name not in _READ_OPERATORS and not _READ_FAMILIES.fullmatch(name):
            raise Forbidden(f"this query does not only read the graph (its plan has {name}); only "
                            "read-only Cypher (MATCH … RETURN) may run here")
    if query_type != "r":
        raise Forbidden(f"the server classes this query as {query_type!r}, not read-only; only "
                        "read-only Cypher (MATCH … RETURN) may run here")
