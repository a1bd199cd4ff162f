"""Self-contained interactive subgraph pages (pyvis / vis-network), safe on an air-gapped network.

pyvis builds the nodes, edges and physics options; the page template is our own so that the
vis-network script and stylesheet are inlined and nothing is fetched from a CDN. Colours and
shapes come from the schema; node size follows a centrality score (PageRank when given, else
the degree inside the picture); a legend names the types on screen. Pictures stay readable up
to about 500 nodes: labels of small nodes appear only when zoomed in, edge labels give way to
tooltips, and the layout stops after a bounded number of iterations (and a few seconds at most).
"""

from __future__ import annotations

import html
import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from pyvis.network import Network

from graph.model import Subgraph
from graph.schema import SCHEMA
from graph.snippets import snippet

__all__ = ["build_network", "subgraph_html", "vis_data", "vis_options", "vis_assets"]

_VIS_DIR = Path(__import__("pyvis").__file__).parent / "templates" / "lib" / "vis-9.1.2"
#: above this many nodes the picture switches to its "large" settings
MANY = 150
#: hard cap on layout time in the browser, in milliseconds
LAYOUT_BUDGET_MS = 6000


def _defang(text: str) -> str:
    """Inline assets may name URLs (licence comments, the SVG namespace); keep them inert.

    ``\\x3a`` is ``:`` inside a JavaScript string, so the SVG namespace string still evaluates
    to the same value, while the page itself no longer contains any ``http://`` reference.
    """
    return text.replace("http://", "http\\x3a//").replace("https://", "https\\x3a//")


@cache
def vis_assets() -> tuple[str, str]:
    """The vis-network script and stylesheet bundled with pyvis, with no URL left in them."""
    js = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    css = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    return _defang(js), css.replace("http://", "").replace("https://", "")


_assets = vis_assets  # older name


def _degree_sizes(sub: Subgraph) -> dict[str, float]:
    degree: Counter[str] = Counter()
    for rel in sub.edges:
        degree[rel.source] += 1
        degree[rel.target] += 1
    return {n.entity_id: float(degree[n.entity_id]) for n in sub.nodes}


def _edge_tooltip(rel: Any, names: dict[str, str]) -> str:
    lines = [f"{names.get(rel.source, rel.source)} -[{rel.type}]- {names.get(rel.target, rel.target)}",
             f"{len(rel.evidence)} piece(s) of evidence"]
    for ev in rel.evidence[:4]:
        where = f"p.{ev.page} " if ev.page else ""
        lines.append(f"- {where}doc {ev.doc_id[:10]} [{ev.start}:{ev.end}] ({ev.method}) "
                     f"{snippet(ev.sentence, (names.get(rel.source, ''), names.get(rel.target, '')), 180)}")
    if len(rel.evidence) > 4:
        lines.append(f"... and {len(rel.evidence) - 4} more")
    return "\n".join(lines)


def _node_tooltip(node: Any, score: float | None) -> str:
    lines = [f"{node.name} [{node.type}]", node.entity_id]
    lines += [f"{k}: {v}" for k, v in node.identifiers.items()]
    if node.aliases:
        lines.append("aka " + "; ".join(node.aliases[:6]))
    if score is not None:
        lines.append(f"centrality {score:.4g}")
    return "\n".join(lines)


def build_network(sub: Subgraph, focus: str | None = None, sizes: dict[str, float] | None = None) -> Network:
    """A pyvis ``Network`` of ``sub``, styled from the schema; node ``value`` from ``sizes`` (centrality)."""
    styles = SCHEMA.styles()
    scores = sizes if sizes else _degree_sizes(sub)
    many = len(sub.nodes) > MANY
    names = {n.entity_id: n.name for n in sub.nodes}
    net = Network(height="100%", width="100%", directed=True, cdn_resources="local")
    for node in sub.nodes:
        style = styles.get(node.type, {"color": "#999999", "shape": "dot"})
        score = scores.get(node.entity_id, 0.0)
        net.add_node(node.entity_id, label=node.name[:40], title=_node_tooltip(node, score), color=style["color"],
                     shape=style["shape"], value=score, etype=node.type,
                     borderWidth=4 if node.entity_id == focus else 1,
                     font={"size": 16, "strokeWidth": 3} if node.entity_id == focus else {})
    for rel in sub.edges:
        kind = SCHEMA.relations[rel.type]
        net.add_edge(rel.source, rel.target, title=_edge_tooltip(rel, names),
                     label="" if (kind.weak or many) else rel.type, relation=rel.type,
                     dashes=kind.weak, width=1 + min(len(rel.evidence), 6) * 0.5,
                     color="#c0c0c0" if kind.weak else kind.color, arrows="" if kind.symmetric else "to")
    _mark_analyst_facts(net, sub)
    net.set_options(json.dumps(vis_options(len(sub.nodes))))
    return net


def _mark_analyst_facts(net: Network, sub: Subgraph) -> None:
    """Entities and links entered by an analyst are drawn apart: dashed border, dashed red line."""
    by_hand = {n.entity_id for n in sub.nodes if n.properties.get("analyst")}
    hand_links = {(r.source, r.type, r.target) for r in sub.edges
                  if r.evidence and all(e.method == "analyst" for e in r.evidence)}
    for node in net.nodes:
        if node["id"] in by_hand:
            node.update(shapeProperties={"borderDashes": [5, 4]}, borderWidth=3, analyst=True)
    for edge in net.edges:
        if (edge["from"], edge.get("relation"), edge["to"]) in hand_links:
            edge.update(dashes=[8, 4], color="#d62828", analyst=True)


def vis_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: bounded stabilisation, scaled labels; lighter settings for big pictures."""
    many = n_nodes > MANY
    return {
        "layout": {"improvedLayout": not many, "randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -45 if many else -60, "centralGravity": 0.01,
                                 "springLength": 90 if many else 120, "springConstant": 0.08,
                                 "avoidOverlap": 0.3 if many else 0.5, "damping": 0.5},
            "stabilization": {"enabled": True, "iterations": 200 if many else 400, "updateInterval": 50,
                              "fit": True},
            "minVelocity": 1.0 if many else 0.75,
            "timestep": 0.4,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": many, "hideEdgesOnZoom": many,
                        "navigationButtons": False, "keyboard": False},
        "edges": {"smooth": False if many else {"enabled": True, "type": "continuous"},
                  "font": {"size": 9, "align": "middle", "strokeWidth": 2}, "selectionWidth": 2},
        "nodes": {"font": {"size": 12, "strokeWidth": 2, "strokeColor": "#ffffff"},
                  "scaling": {"min": 8, "max": 42,
                              "label": {"enabled": True, "min": 11, "max": 24, "drawThreshold": 7 if many else 3,
                                        "maxVisible": 30}}},
    }


def vis_data(sub: Subgraph, focus: str | None = None, sizes: dict[str, float] | None = None) -> dict[str, Any]:
    """``{"nodes", "edges"}`` ready for a ``vis.DataSet`` (used by the web page)."""
    net = build_network(sub, focus=focus, sizes=sizes)
    edges = []
    for i, edge in enumerate(net.edges):
        edges.append({**edge, "id": f"{edge['from']}|{edge.get('relation', i)}|{edge['to']}"})
    return {"nodes": net.nodes, "edges": edges}


def _legend(types: list[str], relations: list[str]) -> str:
    styles = SCHEMA.styles()
    items = "".join(
        f'<li><span class="sw" style="background:{styles[t]["color"]}"></span>{html.escape(t.replace("_", " ").capitalize())}'
        f' <small>({styles[t]["shape"]})</small></li>'
        for t in types
    )
    strong = [r for r in relations if not SCHEMA.relations[r].weak]
    rel_items = ""
    for name in strong[:10]:
        rel_items += (f'<li><span class="sw line" style="border-top-color:{SCHEMA.relations[name].color}"></span>'
                      f'{html.escape(name.lower().replace("_", " "))}</li>')
    if len(strong) > 10:
        rel_items += f"<li><small>and {len(strong) - 10} more types</small></li>"
    if any(SCHEMA.relations[r].weak for r in relations):
        rel_items += '<li><span class="sw dash"></span>co-mentioned (weak)</li>'
    return (f'<ul class="legend" id="legend"><li><b>Entities</b> <small>size = centrality</small></li>{items}'
            f'<li><b>Relations</b> <small>width = evidence</small></li>{rel_items}</ul>')


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside an HTML ``<script>``: no ``<``, ``>`` or ``&`` left as such.

    Escaping ``</`` alone is not enough: ``<!--`` followed by ``<script`` in evidence text puts the
    HTML parser in a state where the closing ``</script>`` no longer ends the script, and the page
    stays blank. JSON's ``\\u003c`` escapes read back as the same characters.
    """
    text = json.dumps(value, ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def subgraph_html(sub: Subgraph, focus: str | None = None, title: str = "Havengraph subgraph",
                  sizes: dict[str, float] | None = None) -> str:
    """The whole page as one string: no external reference, works offline."""
    net = build_network(sub, focus=focus, sizes=sizes)
    js, css = vis_assets()
    types = sorted({n.type for n in sub.nodes})
    relations = sorted({e.type for e in sub.edges})
    data = {"nodes": net.nodes, "edges": net.edges}
    payload = script_json(data)
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{html.escape(title)}</title>
<style>{css}</style>
<style>
 html,body{{margin:0;height:100%;font-family:system-ui,sans-serif;}}
 header{{padding:6px 12px;background:#1d3557;color:#fff;font-size:15px}}
 header small{{opacity:.8;margin-left:8px}}
 #graph{{position:absolute;top:34px;bottom:0;left:0;right:0;}}
 .legend{{position:absolute;top:44px;right:10px;background:#fffe;border:1px solid #ccc;padding:6px 10px;
   list-style:none;margin:0;font-size:12px;z-index:5;max-height:80%;max-width:250px;overflow:auto}}
 .legend li{{margin:2px 0}} .sw{{display:inline-block;width:11px;height:11px;margin-right:6px;border-radius:2px}}
 .sw.dash{{border-top:2px dashed #aaa;height:0;border-radius:0}} .sw.line{{border-top:2px solid #555;height:0;border-radius:0}}
 div.vis-tooltip{{white-space:pre-wrap;max-width:460px;font-size:12px}}
</style></head>
<body><header>{html.escape(title)} &middot; {len(sub.nodes)} entities, {len(sub.edges)} relations
<small id="status">laying out...</small></header>
<div id="graph"></div>{_legend(types, relations)}
<script>{js}</script>
<script>
 var data = {payload};
 var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
 var network = new vis.Network(document.getElementById("graph"), {{nodes: nodes, edges: edges}}, {script_json(options)});
 var settled = false;
 function settle() {{
   if (settled) return; settled = true;
   network.stopSimulation(); network.setOptions({{physics: false}});
   document.getElementById("status").textContent = "double-click a node to focus on it";
 }}
 network.once("stabilizationIterationsDone", settle);
 setTimeout(settle, {LAYOUT_BUDGET_MS});
 network.on("doubleClick", function (p) {{
   if (!p.nodes.length) return;
   var id = p.nodes[0], near = network.getConnectedNodes(id).concat([id]);
   network.selectNodes(near);
   network.focus(id, {{scale: 1.2, animation: {{duration: 400}}}});
 }});
 window.havengraph = {{network: network, nodes: nodes, edges: edges}};
</script></body></html>
"""
