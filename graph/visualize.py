"""Self-contained interactive subgraph pages (pyvis / vis-network), safe on an air-gapped network.

pyvis builds the nodes, edges and physics options; the page template is our own so that the
vis-network script and stylesheet are inlined and nothing is fetched from a CDN. Colours and
shapes come from the schema.
"""

from __future__ import annotations

import html
import json
from functools import cache
from pathlib import Path

from pyvis.network import Network

from graph.model import Subgraph
from graph.schema import SCHEMA

_VIS_DIR = Path(__import__("pyvis").__file__).parent / "templates" / "lib" / "vis-9.1.2"


def _defang(text: str) -> str:
    """Inline assets may name URLs (licence comments, the SVG namespace); keep them inert.

    ``\\x3a`` is ``:`` inside a JavaScript string, so the SVG namespace string still evaluates
    to the same value, while the page itself no longer contains any ``http://`` reference.
    """
    return text.replace("http://", "http\\x3a//").replace("https://", "https\\x3a//")


@cache
def _assets() -> tuple[str, str]:
    js = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    css = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    return _defang(js), css.replace("http://", "").replace("https://", "")


def _tooltip(lines: list[str]) -> str:
    return "\n".join(lines)


def build_network(sub: Subgraph, focus: str | None = None, sizes: dict[str, float] | None = None) -> Network:
    """A pyvis ``Network`` of ``sub``, styled from the schema; node size by ``sizes`` (e.g. centrality)."""
    styles = SCHEMA.styles()
    net = Network(height="100%", width="100%", directed=True, cdn_resources="local")
    top = max(sizes.values(), default=0.0) if sizes else 0.0
    for node in sub.nodes:
        style = styles.get(node.type, {"color": "#999999", "shape": "dot"})
        size = 14.0
        if sizes and top > 0:
            size = 10.0 + 30.0 * sizes.get(node.entity_id, 0.0) / top
        tip = [f"{node.name} [{node.type}]", node.entity_id]
        tip += [f"{k}: {v}" for k, v in node.identifiers.items()]
        if node.aliases:
            tip.append("aka " + "; ".join(node.aliases[:6]))
        net.add_node(node.entity_id, label=node.name[:40], title=_tooltip(tip), color=style["color"],
                     shape=style["shape"], size=size, borderWidth=4 if node.entity_id == focus else 1)
    for rel in sub.edges:
        weak = SCHEMA.relations[rel.type].weak
        tip = [f"{rel.type} ({len(rel.evidence)} piece(s) of evidence)"]
        for ev in rel.evidence[:4]:
            tip.append(f"- doc {ev.doc_id[:10]} [{ev.start}:{ev.end}] {ev.sentence[:160]}")
        net.add_edge(rel.source, rel.target, title=_tooltip(tip), label="" if weak else rel.type,
                     dashes=weak, width=1 + min(len(rel.evidence), 6) * 0.5,
                     color="#c0c0c0" if weak else "#555555",
                     arrows="" if SCHEMA.relations[rel.type].symmetric else "to")
    many = len(sub.nodes) > 150
    net.set_options(json.dumps({
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 250 if many else 400, "fit": True},
            "minVelocity": 0.75,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": many},
        "edges": {"smooth": {"enabled": not many, "type": "continuous"}, "font": {"size": 9, "align": "middle"}},
        "nodes": {"font": {"size": 12}},
    }))
    return net


def _legend(types: list[str]) -> str:
    styles = SCHEMA.styles()
    items = "".join(
        f'<li><span class="sw" style="background:{styles[t]["color"]}"></span>{html.escape(t.title())}'
        f' <small>({styles[t]["shape"]})</small></li>'
        for t in types
    )
    return f'<ul class="legend">{items}<li><span class="sw dash"></span>co-mentioned (weak)</li></ul>'


def subgraph_html(sub: Subgraph, focus: str | None = None, title: str = "Havengraph subgraph",
                  sizes: dict[str, float] | None = None) -> str:
    """The whole page as one string: no external reference, works offline."""
    net = build_network(sub, focus=focus, sizes=sizes)
    js, css = _assets()
    types = sorted({n.type for n in sub.nodes})
    data = {"nodes": net.nodes, "edges": net.edges}
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{html.escape(title)}</title>
<style>{css}</style>
<style>
 html,body{{margin:0;height:100%;font-family:system-ui,sans-serif;}}
 header{{padding:6px 12px;background:#1d3557;color:#fff;font-size:15px}}
 #graph{{position:absolute;top:34px;bottom:0;left:0;right:0;}}
 .legend{{position:absolute;top:44px;right:10px;background:#fffe;border:1px solid #ccc;padding:6px 10px;
   list-style:none;margin:0;font-size:12px;z-index:5}}
 .legend li{{margin:2px 0}} .sw{{display:inline-block;width:11px;height:11px;margin-right:6px;border-radius:2px}}
 .sw.dash{{border-top:2px dashed #aaa;height:0;border-radius:0}}
 div.vis-tooltip{{white-space:pre-wrap;max-width:420px;font-size:12px}}
</style></head>
<body><header>{html.escape(title)} &middot; {len(sub.nodes)} entities, {len(sub.edges)} relations</header>
<div id="graph"></div>{_legend(types)}
<script>{js}</script>
<script>
 var data = {payload};
 var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
 var network = new vis.Network(document.getElementById("graph"), {{nodes: nodes, edges: edges}}, {json.dumps(options)});
 network.once("stabilizationIterationsDone", function () {{ network.setOptions({{physics: false}}); }});
 window.havengraph = {{network: network, nodes: nodes, edges: edges}};
</script></body></html>
"""
