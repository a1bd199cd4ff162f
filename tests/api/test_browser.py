"""A real browser: headless Chromium loads the web page from a live server on 127.0.0.1, with every
other network path closed, searches the sample case, opens an entity and sees the graph drawn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from api_support import ARTIFACTS, SAMPLE_CASE, add_keys, live_server

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from graph.visualize import subgraph_html

pytestmark = pytest.mark.browser
pytest.importorskip("websocket", reason="the browser tests need websocket-client (a dev dependency)")
from cdp import Browser, chromium_path  # noqa: E402

if chromium_path() is None:
    pytest.skip("chromium is not installed (apt-get install chromium); skipping the browser tests",
                allow_module_level=True)


def _local(url: str, base: str) -> bool:
    return url.startswith((base + "/", "data:", "blob:", "file://", "about:"))


@pytest.fixture(scope="module")
def served(sample_store, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    keys = add_keys(str(tmp / "keys.db"))
    app = create_app(Settings(store=sample_store, keys_db=str(tmp / "keys.db"),
                              watchlist=str(SAMPLE_CASE / "watchlist.csv")))
    with live_server(app) as base:
        yield base, keys


def test_page_searches_opens_and_draws_offline(served):
    base, keys = served
    with Browser() as browser:
        browser.goto(base + "/")
        assert browser.js("location.pathname") == "/web/"
        assert browser.js("typeof vis") == "object", "vis-network did not load from the server"
        browser.js(f"document.getElementById('key').value = {json.dumps(keys.analyst)};"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("document.getElementById('whoami').textContent.includes('anna')")
        browser.wait_for("document.querySelectorAll('#type option').length > 5")

        browser.js("document.getElementById('q').value = 'Kasteleyn';"
                   "document.getElementById('search-form').requestSubmit()")
        names = browser.wait_for("Array.from(document.querySelectorAll('#results li[data-id]'))"
                                 ".map(li => li.dataset.id)")
        assert any(name.startswith("person:") and "kasteleyn" in name for name in names), names

        # the forwarding firm the network controls: not on the watchlist itself
        browser.js("document.getElementById('q').value = 'Blauwhoeve';"
                   "document.getElementById('type').value = 'COMPANY';"
                   "document.getElementById('search-form').requestSubmit()")
        browser.wait_for("document.querySelector('#results li[data-id^=\"company:\"]') !== null")
        browser.js("document.querySelector('#results li[data-id^=\"company:\"]').click()")
        browser.wait_for("!document.getElementById('entity-panel').hidden && "
                         "document.querySelectorAll('#relations li .ev').length > 0")
        count = browser.wait_for("window.havengraph && window.havengraph.nodes.length > 2 && "
                                 "window.havengraph.nodes.length")
        browser.wait_for("document.querySelector('#graph canvas') !== null")
        browser.js("new Promise(r => setTimeout(r, 2500))")
        assert browser.drawn_pixels("#graph canvas") > 2000, "the graph canvas is blank"

        # double-click a neighbour: its own neighbours are added
        target = browser.js("""(() => {
            const h = window.havengraph, focus = h.network.getSelectedNodes()[0] || h.nodes.getIds()[0];
            const ids = h.nodes.getIds().filter(id => id !== focus && id.startsWith('company:'));
            return ids[0] || h.nodes.getIds().find(id => id !== focus);
        })()""")
        browser.js(f"window.havengraph.network.focus({json.dumps(target)}, {{scale: 1.0}})")
        browser.js("new Promise(r => setTimeout(r, 300))")
        x, y = browser.js(f"""(() => {{
            const h = window.havengraph, p = h.network.canvasToDOM(h.network.getPosition({json.dumps(target)}));
            const r = document.getElementById('graph').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }})()""")
        browser.click_at(x, y, count=2)
        grown = browser.wait_for(f"window.havengraph.nodes.length > {count} && window.havengraph.nodes.length")
        assert grown > count

        browser.js("document.getElementById('btn-watchlist').click()")
        path = browser.wait_for("(t => t.includes('hop') && t)(document.getElementById('path').textContent)")
        assert "watchlist member" in path and not path.startswith("0 hop")
        browser.js("new Promise(r => setTimeout(r, 1500))")
        shot = browser.screenshot(ARTIFACTS / "webpage.png")
        assert shot.stat().st_size > 20_000

        outside = [u for u in browser.requests if not _local(u, base)]
        assert browser.requests and not outside, outside


WATCHLISTED = ("Zeeslang group", "Ruben Kasteleyn", "Milan Kasteleyn", "Nordin Haddouchi", "Stijn Dewolfs",
               "Jeroen Bakkenes", "Esteban Laínez Montero")


def test_page_keys_watchlist_path_entity_panel_and_merged_ids(served):
    base, keys = served
    with Browser() as browser:
        browser.goto(base + "/")
        # first use: the page says a key is needed and how to get one; a wrong key is rejected, not "needed"
        browser.wait_for("document.getElementById('whoami').textContent.includes('key needed')")
        assert "havengraph users add" in browser.js("document.getElementById('key-help').textContent")
        assert browser.js("document.getElementById('key-help').hidden") is False
        browser.js("document.getElementById('key').value = 'hg_not-a-key';"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("document.getElementById('whoami').textContent.includes('key rejected')")
        browser.js(f"document.getElementById('key').value = {json.dumps(keys.analyst)};"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("document.getElementById('whoami').textContent.includes('anna')")
        assert browser.js("document.getElementById('key-help').hidden") is True
        browser.wait_for("document.querySelectorAll('#type option').length > 5")

        # the firm's path to the watchlist ends at someone the watchlist lists, each hop drawn as its evidence says
        browser.js("document.getElementById('q').value = 'Blauwhoeve Logistics';"
                   "document.getElementById('type').value = 'COMPANY';"
                   "document.getElementById('search-form').requestSubmit()")
        browser.wait_for("document.querySelector('#results li[data-id^=\"company:\"]') !== null")
        browser.js("document.querySelector('#results li[data-id^=\"company:\"]').click()")
        browser.wait_for("!document.getElementById('entity-panel').hidden && "
                         "document.querySelectorAll('#relations li').length > 0")
        browser.js("document.getElementById('btn-watchlist').click()")
        headline = browser.wait_for("(b => b && b.textContent.includes('hop') && b.textContent)"
                                    "(document.querySelector('#path b'))")
        assert "Jordy Van Aken" not in headline
        assert any(f"watchlist member {name}" in headline for name in WATCHLISTED), headline
        hops = browser.js("Array.from(document.querySelectorAll('#path ol > li')).map(li => li.firstChild.textContent)")
        assert hops and all("\u2192" in h or "\u2014 " in h for h in hops), hops
        browser.js("new Promise(r => setTimeout(r, 1500))")
        browser.screenshot(ARTIFACTS / "watchlist-path.png")

        # an entity panel lists the entity's own relations only
        browser.js("openEntity('person:nordin-haddouchi')")
        browser.wait_for("document.getElementById('entity-name').textContent.includes('Nordin Haddouchi')")
        browser.wait_for("document.querySelectorAll('#relations li a').length > 0")
        own = browser.js("fetch('/entities/person%3Anordin-haddouchi', {headers: {Authorization: 'Bearer ' + "
                         "sessionStorage.getItem('havengraph-key')}}).then(r => r.json()).then(b => "
                         "b.relations.map(r => r.source === b.entity_id ? r.target : r.source))")
        shown = browser.js("Array.from(document.querySelectorAll('#relations li a')).map(a => a.textContent)")
        names = browser.js("state.entity.names")
        assert len(shown) == len(own) and set(shown) == {names.get(o, o) for o in own}
        assert all("person:nordin-haddouchi" in (r["source"], r["target"]) for r in browser.js("state.entity.relations"))
        browser.screenshot(ARTIFACTS / "entity-panel.png")

        # an id merged away still opens its entity
        browser.js("openEntity('company:blauwhoeve-logistics-bv')")
        meta = browser.wait_for("(t => t.startsWith('company:vat:BE0798437187') && t)"
                                "(document.getElementById('entity-meta').textContent)")
        assert "company:blauwhoeve-logistics-bv was merged into it" in meta
        browser.js("new Promise(r => setTimeout(r, 1000))")
        assert browser.js("document.getElementById('toast').hidden") is not False, \
            browser.js("document.getElementById('toast').textContent")
        browser.screenshot(ARTIFACTS / "merged-id.png")


def test_page_names_no_other_host(served):
    import re
    import urllib.request

    base, _ = served
    for path in ("/web/", "/web/app.js", "/web/upload.js", "/web/app.css", "/web/vendor/vis-network.min.js",
                 "/web/vendor/vis-network.css"):
        body = urllib.request.urlopen(base + path, timeout=10).read().decode()
        assert not re.search(r"https?://", body), path


def test_subgraph_page_renders_from_a_file_offline(sample_store, tmp_path):
    store = open_store(sample_store)
    try:
        focus = store.search("Blauwhoeve", type="COMPANY", limit=1) or store.search("Kasteleyn", limit=1)
        sub = store.neighbors(focus[0].entity_id, depth=2, limit=150)
    finally:
        store.close()
    page = tmp_path / "subgraph.html"
    page.write_text(subgraph_html(sub, focus=focus[0].entity_id, title=f"Around {focus[0].name}"), encoding="utf-8")
    with Browser() as browser:
        browser.goto(page.as_uri())
        browser.wait_for("window.havengraph && window.havengraph.nodes.length > 0")
        browser.wait_for("document.getElementById('status').textContent.includes('double-click')", timeout=15)
        assert browser.drawn_pixels("#graph canvas") > 2000
        assert browser.js("document.querySelectorAll('#legend li').length") >= 3
        browser.screenshot(ARTIFACTS / "subgraph.png")
        assert all(u.startswith(("file://", "data:", "about:")) for u in browser.requests), browser.requests


def test_five_hundred_nodes_settle_within_the_budget(tmp_path):
    from graph.model import Entity, Evidence, Relation, Subgraph

    nodes = [Entity(f"person:p{i}", "PERSON" if i % 3 else "COMPANY", f"Name {i}") for i in range(500)]
    edges = [Relation(nodes[i].entity_id, nodes[(i * 7 + 1) % 500].entity_id, "ASSOCIATE_OF",
                      [Evidence("d" * 64, 0, 5, "x", "rule")]) for i in range(500)]
    edges += [Relation(nodes[i].entity_id, nodes[i // 10].entity_id, "CONTACTED",
                       [Evidence("d" * 64, 0, 5, "x", "rule")]) for i in range(10, 500)]
    page = tmp_path / "big.html"
    page.write_text(subgraph_html(Subgraph(nodes, edges), focus="person:p0"), encoding="utf-8")
    with Browser() as browser:
        browser.goto(page.as_uri())
        browser.wait_for("window.havengraph && window.havengraph.nodes.length === 500")
        browser.wait_for("document.getElementById('status').textContent.includes('double-click')", timeout=12)
        assert browser.js("window.havengraph.network.physics.physicsEnabled") is False
        assert browser.drawn_pixels("#graph canvas") > 5000
        browser.screenshot(ARTIFACTS / "subgraph-500.png")


def test_artifacts_folder_is_the_repository_one():
    assert ARTIFACTS == Path(__file__).resolve().parents[2] / "test-artifacts"


def test_subgraph_page_draws_with_markup_in_its_evidence(tmp_path):
    """``<!--<script>`` in evidence text used to keep the page's script from running: a blank picture."""
    from graph.model import Entity, Evidence, Relation, Subgraph

    sub = Subgraph([Entity("company:hub", "COMPANY", "Hub NV"), Entity("person:p0", "PERSON", "Ann <!--<script>")],
                   [Relation("person:p0", "company:hub", "EMPLOYED_BY",
                             [Evidence("d" * 64, 0, 4, "noted <!--<script> in the log", "rule")])])
    page = tmp_path / "hostile.html"
    page.write_text(subgraph_html(sub, focus="company:hub"), encoding="utf-8")
    with Browser() as browser:
        browser.goto(page.as_uri())
        assert browser.wait_for("window.havengraph && window.havengraph.nodes.length") == 2
        assert browser.js("window.havengraph.nodes.get('person:p0').label").startswith("Ann <!--<script>")
