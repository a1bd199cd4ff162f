"""Exports for Gephi, Cytoscape and spreadsheets: GraphML, GEXF and CSV of a result table.

Graph formats only carry scalar attributes, so tuples and lists (``types``, ``aliases``) are
written as ``;``-separated text, dictionaries (``identifiers``, ``properties``) as
``key=value`` pairs, and missing values are left out.

>>> import tempfile, os
>>> from graph.analysis.examples import port_network
>>> path = os.path.join(tempfile.mkdtemp(), "port.graphml")
>>> write_graph(port_network(), path)
'graphml'
>>> import networkx as nx
>>> nx.read_graphml(path).number_of_edges()
16
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analysis.projection import as_graph
from graph.errors import InvalidInput

__all__ = ["write_graph", "write_table", "flat_graph", "FORMATS"]

FORMATS = ("graphml", "gexf")


def _scalar(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Mapping):
        return "; ".join(f"{k}={_scalar(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0])))
    if isinstance(value, Iterable):
        return "; ".join(str(_scalar(v)) for v in value)
    return str(value)


def flat_graph(G: nx.Graph, scores: Mapping[str, Mapping[Any, float]] | None = None) -> nx.Graph:
    """Copy of ``G`` with scalar attributes only, plus optional per-node score columns."""
    out = nx.Graph()
    for node, data in G.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if v is not None}
        attrs.setdefault("label", str(data.get("name", node)))
        for column, values in (scores or {}).items():
            if node in values:
                attrs[column] = float(values[node])
        out.add_node(str(node), **attrs)
    for u, v, data in G.edges(data=True):
        attrs = {k: _scalar(val) for k, val in data.items() if val is not None and val != float("inf")}
        out.add_edge(str(u), str(v), **attrs)
    return out


def write_graph(G: Any, path: str | Path, fmt: str | None = None,
                scores: Mapping[str, Mapping[Any, float]] | None = None) -> str:
    """Write a projection (or store) as GraphML or GEXF; the format defaults to the file suffix.

    Returns the format written.
    """
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    flat = flat_graph(as_graph(G), scores)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(flat, path)
    else:
        nx.write_gexf(flat, path)
    return fmt


def write_table(rows: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """Write result rows (list of dicts) as CSV; nested values become JSON text. Returns the row count.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "t.csv")
    >>> write_table([{"entity_id": "person:a", "score": 0.5}], p)
    1
    >>> open(p).read().splitlines()[0]
    'entity_id,score'
    """
    rows = [dict(r) for r in rows]
    columns: list[str] = []
    for r in rows:
        columns.extend(k for k in r if k not in columns)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False, default=str)
                             if isinstance(v, dict | list | tuple) else v for k, v in r.items()})
    return len(rows)
