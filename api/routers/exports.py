"""Exports of the graph you may see: GraphML, GEXF, CSV (edges or nodes); the whole graph or a neighbourhood."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Annotated, Literal

import networkx as nx
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import Analyst, SettingsDep, StoreDep, note
from api.errors import ERROR_RESPONSES
from api.routers.filter_params import FilterDep
from graph.filters import GraphFilter
from graph.store.base import build_projection
from graph.store.view import ClearedView

router = APIRouter(prefix="/exports", tags=["exports"], responses=ERROR_RESPONSES)

Format = Literal["graphml", "gexf", "csv", "nodes.csv"]
MEDIA = {"graphml": "application/xml", "gexf": "application/xml", "csv": "text/csv", "nodes.csv": "text/csv"}
FILENAME = {"graphml": "havengraph.graphml", "gexf": "havengraph.gexf", "csv": "havengraph-edges.csv",
            "nodes.csv": "havengraph-nodes.csv"}


def _graph(store: ClearedView, entity_id: str | None, depth: int, limit: int, flt: GraphFilter) -> nx.MultiDiGraph:
    """The whole graph or a neighbourhood, through the relations that pass ``flt``."""
    from graph.analysis.filtered import filtered_neighbors, filtered_subgraph

    types = sorted(flt.entity_types) if flt.entity_types else None
    relation_types = sorted(flt.relation_types) if flt.relation_types else None
    whole = store.projection(types=types, relation_types=relation_types, include_weak=flt.include_weak) \
        if not entity_id else None
    if whole is not None and not (flt.dated or flt.needs_documents or flt.undated != "include"):
        return whole
    if whole is not None:  # dates, grading or handling are judged on each relation's evidence
        ids = sorted(whole.nodes)
        sub = filtered_subgraph(store, ids, flt)
        linked = {r.source for r in sub.edges} | {r.target for r in sub.edges}
        nodes = [(eid, whole.nodes[eid]["type"], whole.nodes[eid]["name"]) for eid in ids if eid in linked]
    else:
        sub = filtered_neighbors(store, str(entity_id), flt, depth=depth, limit=limit)
        nodes = [(n.entity_id, n.type, n.name) for n in sub.nodes]
    edges = []
    for rel in sub.edges:
        row = rel.to_dict()
        edges.append((rel.source, rel.target, rel.type, row["weight"], row["count"], row["first_seen"],
                      row["last_seen"]))
    return build_projection(nodes, edges)


def _clean(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML and GEXF writers refuse None values: drop them, keep scalars, stringify the rest."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: v if isinstance(v, str | int | float | bool) else str(v)
                              for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: val if isinstance(val, str | int | float | bool) else str(val)
                                       for k, val in data.items() if val is not None})
    return out


def _library_export(graph: nx.MultiDiGraph, fmt: str) -> bytes | None:
    """GraphML and GEXF through the analysis package's writer (one tie per pair, as analyses see it)."""
    if fmt not in ("graphml", "gexf"):
        return None
    try:
        from graph.analysis import write_graph
    except ImportError:
        return None
    with tempfile.TemporaryDirectory(prefix="havengraph-export-") as tmp:
        path = Path(tmp) / f"graph.{fmt}"
        write_graph(graph, path, fmt)
        return path.read_bytes()


def render(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """``graph`` in ``fmt`` (graphml, gexf, csv = edge list, nodes.csv)."""
    done = _library_export(graph, fmt)
    if done is not None:
        return done
    if fmt in ("graphml", "gexf"):
        buf = io.BytesIO()
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        writer(_clean(graph), buf)
        return buf.getvalue()
    text = io.StringIO()
    out = csv.writer(text, lineterminator="\n")
    if fmt == "nodes.csv":
        out.writerow(("entity_id", "name", "type"))
        for node, data in sorted(graph.nodes(data=True)):
            out.writerow((node, data.get("name", ""), data.get("type", "")))
    else:
        out.writerow(("source", "target", "type", "weight", "count", "first_seen", "last_seen", "weak"))
        for u, v, key, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            out.writerow((u, v, key, d.get("weight", 0), d.get("count", 0), d.get("first_seen") or "",
                          d.get("last_seen") or "", d.get("weak", False)))
    return text.getvalue().encode("utf-8")


@router.get("/{fmt}", summary="Export the graph (analyst)", response_class=Response,
            responses={200: {"content": {"application/xml": {}, "text/csv": {}},
                             "description": "the graph file"}})
def export_graph(request: Request, fmt: Format, store: StoreDep, settings: SettingsDep, user: Analyst, flt: FilterDep,
                 entity_id: Annotated[str | None, Query(max_length=300, description="only this neighbourhood")] = None,
                 depth: Annotated[int, Query(ge=1, le=3)] = 2,
                 limit: Annotated[int, Query(ge=1, le=500)] = 500) -> Response:
    """The filter parameters are those of ``/entities/{id}/neighbors``: with a date range (or a
    grading or handling bound) only relations with evidence inside it are exported, and the
    entities they link."""
    graph = _graph(store, entity_id, min(depth, settings.max_depth), min(limit, settings.max_limit), flt)
    note(request, items=graph.number_of_nodes())
    return Response(render(graph, fmt), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{FILENAME[fmt]}"'})
