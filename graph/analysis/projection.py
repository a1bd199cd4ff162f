"""The analysis view of the graph: an undirected, weighted, simple ``nx.Graph``.

A store's :meth:`~graph.store.base.GraphStore.projection` is a ``nx.MultiDiGraph`` with one edge
per relation type. Most network measures want one undirected tie per pair of entities, so
:func:`project` merges parallel edges of any type and direction into one edge whose

* ``weight``   is the summed tie strength (evidence weight; for CSV edge lists the given weight),
* ``count``    is the summed number of evidence pieces,
* ``types``    is the sorted tuple of relation types merged into it,
* ``weak``     is ``True`` only if every merged relation is weak (``CO_MENTIONED``),
* ``first_seen`` / ``last_seen`` span the merged dates (ISO strings or ``None``),
* ``distance`` is ``1 / weight``: the length used when paths should prefer strong ties.

Nodes keep ``name`` and ``type`` (and ``aliases``, ``identifiers``, ``properties`` when asked
for with ``entities=True`` or already present on the input graph).

>>> import networkx as nx
>>> M = nx.MultiDiGraph()
>>> M.add_node("person:a", name="A", type="PERSON")
>>> M.add_node("company:b", name="B Logistics", type="COMPANY")
>>> _ = M.add_edge("person:a", "company:b", key="DIRECTOR_OF", type="DIRECTOR_OF", weight=2.0, count=2)
>>> _ = M.add_edge("company:b", "person:a", key="CO_MENTIONED", type="CO_MENTIONED", weight=1.0,
...                count=1, weak=True)
>>> G = project(M)
>>> G["person:a"]["company:b"]["weight"], G["person:a"]["company:b"]["types"]
(3.0, ('CO_MENTIONED', 'DIRECTOR_OF'))
>>> project(M, include_weak=False)["person:a"]["company:b"]["weight"]
2.0
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import InvalidInput
from graph.ids import entity_id
from graph.schema import SCHEMA

__all__ = ["project", "load_edge_list", "as_graph", "node_row", "is_store"]

_ENTITY_ATTRS = ("aliases", "identifiers", "properties")


def is_store(obj: Any) -> bool:
    """True for a graph store (anything with ``projection`` and ``get_entities``), not a graph."""
    return not isinstance(obj, nx.Graph) and hasattr(obj, "projection") and hasattr(obj, "get_entities")


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def project(
    source: Any,
    *,
    types: Iterable[str] | None = None,
    relation_types: Iterable[str] | None = None,
    include_weak: bool = True,
    min_weak_weight: float | None = None,
    since: str | None = None,
    until: str | None = None,
    keep_undated: bool = True,
    drop_isolates: bool = False,
    entities: bool = False,
) -> nx.Graph:
    """Undirected weighted simple graph of a store or of any networkx graph.

    Parameters
    ----------
    source : GraphStore or networkx graph
        A store (its ``projection()`` is read) or a graph in projection format; a simple
        ``nx.Graph`` is filtered the same way and copied.
    types : iterable of str, optional
        Keep only entities of these types (induced subgraph).
    relation_types : iterable of str, optional
        Keep only relations of these types.
    include_weak : bool
        Keep weak ``CO_MENTIONED`` edges (default ``True``).
    min_weak_weight : float, optional
        Keep a weak edge only when its weight reaches this value (implies ``include_weak``).
    since, until : str, optional
        ISO dates; keep edges whose ``first_seen``..``last_seen`` span overlaps the window.
    keep_undated : bool
        With a time window, keep edges that carry no date (default ``True``).
    drop_isolates : bool
        Remove nodes left without any edge.
    entities : bool
        With a store, attach ``aliases``, ``identifiers`` and ``properties`` to every node.

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> import networkx as nx
    >>> M = nx.MultiDiGraph()
    >>> _ = M.add_edge("a", "b", key="CONTACTED", type="CONTACTED", weight=1.0, last_seen="2020-01-01")
    >>> _ = M.add_edge("b", "c", key="CONTACTED", type="CONTACTED", weight=1.0, last_seen="2024-05-01")
    >>> sorted(project(M, since="2023-01-01").edges())
    [('b', 'c')]
    """
    wanted = None if types is None else {SCHEMA.node_name(t) for t in types}
    rel_types = None if relation_types is None else {SCHEMA.relation(t).name for t in relation_types}
    weak_ok = include_weak or min_weak_weight is not None
    if is_store(source):
        graph = source.projection(types=wanted, relation_types=rel_types, include_weak=weak_ok)
    elif isinstance(source, nx.Graph):
        graph = source
    else:
        raise InvalidInput(f"cannot analyse a {type(source).__name__}: give a store or a networkx graph")
    since, until = _date(since), _date(until)

    out = nx.Graph()
    for node, data in graph.nodes(data=True):
        ntype = data.get("type", "")
        if wanted is not None and ntype not in wanted:
            continue
        attrs = {"name": data.get("name", str(node)), "type": ntype}
        attrs.update({k: data[k] for k in _ENTITY_ATTRS if k in data})
        out.add_node(node, **attrs)

    weak_types = {name for name, rel in SCHEMA.relations.items() if rel.weak}
    merged: dict[tuple[Any, Any], list[Any]] = {}
    for u, v, data in graph.edges(data=True):
        if u not in out or v not in out:
            continue
        types = tuple(data["types"]) if "types" in data else (str(data.get("type", "RELATED")),)
        if rel_types is not None and not rel_types.intersection(types):
            continue
        weak = data.get("weak")
        if weak is None:
            weak = all(t in weak_types for t in types)
        weight = float(data.get("weight", 1.0))
        if weak and not (include_weak or (min_weak_weight is not None and weight >= min_weak_weight)):
            continue
        first, last = _date(data.get("first_seen")), _date(data.get("last_seen"))
        if (since or until) and not _in_window(first, last, since, until, keep_undated):
            continue
        key = (v, u) if (v, u) in merged else (u, v)
        cur = merged.get(key)
        if cur is None:
            merged[key] = [weight, int(data.get("count", 1)), set(types), bool(weak), first, last]
        else:
            cur[0] += weight
            cur[1] += int(data.get("count", 1))
            cur[2].update(types)
            cur[3] = cur[3] and bool(weak)
            if first and (cur[4] is None or first < cur[4]):
                cur[4] = first
            if last and (cur[5] is None or last > cur[5]):
                cur[5] = last
    out.add_edges_from(
        (u, v, {"weight": w, "count": c, "types": tuple(sorted(t)), "weak": wk, "first_seen": f,
                "last_seen": la, "distance": 1.0 / w if w > 0 else float("inf")})
        for (u, v), (w, c, t, wk, f, la) in merged.items())
    if drop_isolates:
        out.remove_nodes_from([n for n in list(out) if out.degree(n) == 0])
    if entities and is_store(source):
        found = source.get_entities(list(out))
        for node, ent in found.items():
            out.nodes[node].update(aliases=list(ent.aliases), identifiers=dict(ent.identifiers),
                                   properties=dict(ent.properties))
    return out


def _in_window(first: str | None, last: str | None, since: str | None, until: str | None,
               keep_undated: bool) -> bool:
    if first is None and last is None:
        return keep_undated
    first = first or last
    last = last or first
    assert first is not None and last is not None
    if since and last < since:
        return False
    # compare on the date part so that "2024-05-01T10:00" falls inside until="2024-05-01"
    return not (until and first[: len(until)] > until)


def load_edge_list(path: str | Path, *, default_type: str = "PERSON",
                   relation_type: str = "CONTACTED") -> nx.Graph:
    """Read a CSV edge list ``source,target[,weight,type,date,source_type,target_type]``.

    Each distinct value becomes a node keyed like ``havengraph ingest --edges`` keys it
    (``person:<name-key>``, a short hash appended when two values fold to one key) whose
    ``name`` is the value itself; rows ``a,b`` and ``b,a`` (and repeated rows) are one
    undirected edge whose ``weight`` is the sum of the rows' weights (default 1).

    Examples
    --------
    >>> import io, tempfile, os
    >>> tmp = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    >>> _ = tmp.write("source,target,weight\\nAnna,Bert,2\\nBert,Anna,3\\n"); tmp.close()
    >>> G = load_edge_list(tmp.name); os.unlink(tmp.name)
    >>> G["person:anna"]["person:bert"]["weight"], G.nodes["person:anna"]["name"]
    (5.0, 'Anna')
    """
    graph = nx.MultiDiGraph()
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"source", "target"} <= set(reader.fieldnames):
            raise InvalidInput(f"{path}: an edge list needs 'source' and 'target' columns")
        rows = list(reader)
    values = set()
    for row in rows:
        for end in ("source", "target"):
            if not (row.get(end) or "").strip():
                raise InvalidInput(f"{path}: a row has an empty {end}")
            values.add((SCHEMA.node_name(row.get(f"{end}_type") or default_type), row[end].strip()))
    ids: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for ntype, name in sorted(values):  # two values folding to one key: the later ones get a hash
        node = entity_id(ntype, name)
        ids[(ntype, name)] = f"{node}~{hashlib.sha1(name.encode()).hexdigest()[:6]}" if node in taken else node
        taken.add(node)
    for row in rows:
        ends = []
        for end in ("source", "target"):
            key = (SCHEMA.node_name(row.get(f"{end}_type") or default_type), row[end].strip())
            graph.add_node(ids[key], name=key[1], type=key[0])
            ends.append(ids[key])
        rtype = SCHEMA.relation(row.get("type") or relation_type).name
        weight = float(row.get("weight") or 1.0)
        date = _date(row.get("date"))
        graph.add_edge(ends[0], ends[1], type=rtype, weight=weight, count=1,
                       first_seen=date, last_seen=date, weak=SCHEMA.relations[rtype].weak)
    return project(graph)


def as_graph(source: Any, **options: Any) -> nx.Graph:
    """``source`` as a projection: a simple ``nx.Graph`` is used as is, anything else is projected."""
    if isinstance(source, nx.Graph) and not source.is_multigraph() and not source.is_directed() \
            and not options:
        return source
    return project(source, **options)


def node_row(G: nx.Graph, node: Any) -> dict[str, Any]:
    """``{"entity_id", "name", "type"}`` of a node."""
    data = G.nodes[node]
    return {"entity_id": node, "name": data.get("name", str(node)), "type": data.get("type", "")}
