"""Self-contained subgraph pages: no external reference, a legend, sizes by centrality, bounded layout."""

from __future__ import annotations

import json
import re

from graph.model import Entity, Evidence, Relation, Subgraph
from graph.visualize import LAYOUT_BUDGET_MS, MANY, subgraph_html, vis_data, vis_options


def _star(n: int) -> Subgraph:
    nodes = [Entity("company:hub", "COMPANY", "Hub Logistics NV")]
    nodes += [Entity(f"person:p{i}", "PERSON", f"Person {i}") for i in range(n - 1)]
    edges = [Relation(f"person:p{i}", "company:hub", "EMPLOYED_BY", [Evidence("d" * 64, 0, 4, "works there", "rule")])
             for i in range(n - 1)]
    edges.append(Relation("person:p0", "person:p1", "CO_MENTIONED", [Evidence("d" * 64, 0, 4, "both", "cooccurrence")]))
    return Subgraph(nodes, edges)


def _data(page: str) -> dict:
    return json.loads(re.search(r"var data = (\{.*?\});\n", page, re.S).group(1))


def test_page_has_no_url_and_a_legend_of_what_is_on_screen():
    page = subgraph_html(_star(6), focus="company:hub", title="Around <Hub>")
    assert not re.search(r"https?://", page)
    assert "Around &lt;Hub&gt;" in page and "<Hub>" not in page
    legend = re.search(r'<ul class="legend".*?</ul>', page, re.S).group(0)
    assert "Company" in legend and "Person" in legend and "Vessel" not in legend
    assert "employed by" in legend and "co-mentioned (weak)" in legend


def test_node_size_follows_centrality_or_degree():
    sub = _star(6)
    by_degree = {n["id"]: n["value"] for n in vis_data(sub)["nodes"]}
    assert by_degree["company:hub"] == 5 and by_degree["person:p3"] == 1
    given = {n["id"]: n["value"] for n in vis_data(sub, sizes={"person:p3": 0.9})["nodes"]}
    assert given["person:p3"] == 0.9 and given["company:hub"] == 0.0


def test_big_pictures_switch_to_light_settings_with_a_bounded_layout():
    small, big = vis_options(40), vis_options(500)
    assert small["physics"]["stabilization"]["iterations"] <= 400
    assert big["physics"]["stabilization"]["iterations"] <= 200 and big["layout"]["improvedLayout"] is False
    assert big["edges"]["smooth"] is False and big["interaction"]["hideEdgesOnDrag"] is True
    assert big["nodes"]["scaling"]["label"]["drawThreshold"] > small["nodes"]["scaling"]["label"]["drawThreshold"]
    page = subgraph_html(_star(MANY + 50))
    assert f"setTimeout(settle, {LAYOUT_BUDGET_MS})" in page and '"iterations": 200' in page
    edges = _data(page)["edges"]
    assert all(e["label"] == "" for e in edges)  # edge labels give way to tooltips when crowded


def test_tooltips_carry_the_evidence():
    data = _data(subgraph_html(_star(3)))
    tip = [e for e in data["edges"] if e["relation"] == "EMPLOYED_BY"][0]["title"]
    assert "works there" in tip and "1 piece(s) of evidence" in tip
    weak = [e for e in data["edges"] if e["relation"] == "CO_MENTIONED"][0]
    assert weak["dashes"] is True and weak["arrows"] == ""


def test_evidence_that_looks_like_markup_cannot_stop_the_pages_script():
    """``<!--<script>`` in evidence text kept ``</script>`` from closing the data script: a blank page."""
    hostile = "seized <!--<script> note </script><!-- & -->"
    sub = Subgraph([Entity("company:hub", "COMPANY", "Hub <!--<script> NV"), Entity("person:p0", "PERSON", "P")],
                   [Relation("person:p0", "company:hub", "EMPLOYED_BY", [Evidence("d" * 64, 0, 4, hostile, "rule")])])
    page = subgraph_html(sub)
    script = page[page.rindex("var data = "):]
    script = script[:script.index("</script>")]
    assert "<" not in script and ">" not in script.replace("=>", "")  # nothing the HTML parser could read as markup
    data = _data(page)
    assert hostile in data["edges"][0]["title"] and data["nodes"][0]["label"].startswith("Hub <!--<script>")
