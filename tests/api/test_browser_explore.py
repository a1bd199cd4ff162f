"""The page's workspace in headless Chromium: filters, capped expansion with "show more", relation
colours and legend, the timeline panel and a time-ordered path, on the sample case."""

from __future__ import annotations

import json

import pytest
from api_support import ARTIFACTS, SAMPLE_CASE, add_keys, live_server

from api.app import create_app
from api.settings import Settings
from graph.schema import SCHEMA

pytestmark = pytest.mark.browser
pytest.importorskip("websocket", reason="the browser tests need websocket-client (a dev dependency)")
from cdp import Browser, chromium_path  # noqa: E402

if chromium_path() is None:
    pytest.skip("chromium is not installed (apt-get install chromium); skipping the browser tests",
                allow_module_level=True)

NORDIN = "person:nordin-haddouchi"


@pytest.fixture(scope="module")
def served(sample_store, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("explore")
    keys = add_keys(str(tmp / "keys.db"))
    app = create_app(Settings(store=sample_store, keys_db=str(tmp / "keys.db"),
                              watchlist=str(SAMPLE_CASE / "watchlist.csv")))
    with live_server(app) as base:
        yield base, keys


def _apply(browser: Browser, script: str) -> None:
    browser.js(script + ";document.getElementById('filters-form').requestSubmit()")


def test_filters_timeline_show_more_and_colours(served):
    base, keys = served
    with Browser(width=1600, height=1000) as browser:
        browser.goto(base + "/")
        browser.js(f"document.getElementById('key').value = {json.dumps(keys.analyst)};"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("document.querySelectorAll('#f-rels option').length > 10")
        families = browser.js("Array.from(document.querySelectorAll('#legend .rel-family')).map(li => li.textContent)")
        assert "contact" in families and "control" in families

        # a degree cap of 4: the entity and its four strongest ties, and a button for the rest
        _apply(browser, "document.getElementById('f-cap').value = '4'")
        browser.js(f"openEntity({json.dumps(NORDIN)})")
        browser.wait_for("document.querySelectorAll('#timeline li.event').length > 3")
        browser.wait_for("window.havengraph && window.havengraph.nodes.length === 5")
        more = browser.wait_for("(b => b && b.textContent)(document.querySelector('#show-more button'))")
        assert more.startswith("show 4 more of ") and "Nordin Haddouchi" in more
        browser.js("document.querySelector('#show-more button').click()")
        browser.wait_for("window.havengraph.nodes.length === 9")

        # relations drawn in the colour the schema gives their family; weak ones grey and dashed
        edges = browser.js("window.havengraph.edges.get().map(e => [e.relation, e.color, !!e.dashes])")
        assert edges
        for relation, colour, dashed in edges:
            if SCHEMA.relations[relation].weak:
                assert dashed
            else:
                assert colour == SCHEMA.relations[relation].color, (relation, colour)

        # the timeline: oldest first, one tick per event
        dates = browser.js("Array.from(document.querySelectorAll('#timeline li.event .when')).map(s => s.textContent)")
        assert dates == sorted(dates) and dates[0].startswith("2023")
        assert browser.js("document.querySelectorAll('#timeline-strip .tick').length") == len(dates)

        # filters: from October 2023, no weak links
        _apply(browser, "document.getElementById('f-from').value = '2023-10-01';"
                        "document.getElementById('f-weak').checked = false;"
                        "document.getElementById('f-cap').value = '25'")
        browser.wait_for("(d => d.length > 0 && d.every(x => x >= '2023-10-01'))(Array.from("
                         "document.querySelectorAll('#timeline li.event .when')).map(s => s.textContent))")
        browser.wait_for("window.havengraph.edges.get().every(e => !e.dashes)")
        later = browser.js("Array.from(document.querySelectorAll('#timeline li.event b')).map(b => b.textContent)")
        assert all("CO_MENTIONED" not in line for line in later)

        # a time-ordered path: each hop no earlier than the one before
        browser.js("document.getElementById('f-from').value = '';"
                   "document.getElementById('tp-target').value = 'person:ruben-kasteleyn';"
                   "document.getElementById('tp-form').requestSubmit()")
        browser.wait_for("(b => b && b.textContent.includes('time-ordered'))(document.querySelector('#path b'))")
        hop_dates = browser.js("Array.from(document.querySelectorAll('#path li .when')).map(s => s.textContent)")
        assert hop_dates and hop_dates == sorted(hop_dates)

        # the picture in the README: the eight strongest ties, the whole timeline, the path above
        _apply(browser, "document.getElementById('f-cap').value = '8';document.getElementById('f-weak').checked = true")
        browser.wait_for("document.querySelectorAll('#timeline li.event').length > 3")
        browser.js("new Promise(r => setTimeout(r, 2500))")
        shot = browser.screenshot(ARTIFACTS / "explore.png")
        assert shot.stat().st_size > 20_000
        assert not [u for u in browser.requests if not u.startswith((base + "/", "data:", "blob:", "about:"))]


def test_watch_an_entity_and_read_its_alerts(served):
    base, keys = served
    with Browser() as browser:
        browser.goto(base + "/")
        browser.js(f"document.getElementById('key').value = {json.dumps(keys.analyst)};"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("!document.getElementById('alerts-panel').hidden")
        browser.js("openEntity('person:kenneth-lauwers')")
        browser.wait_for("document.getElementById('entity-name').textContent.includes('Kenneth Lauwers')")
        browser.js("document.getElementById('btn-watch').click()")
        titles = browser.wait_for("(t => t.length > 0 && t)(Array.from(document.querySelectorAll('#alerts li.hit b'))"
                                  ".map(b => b.textContent))")
        assert all("Kenneth Lauwers" in t for t in titles), titles
        assert browser.js("document.querySelectorAll('#alerts li.hit .ev').length") > 0  # with its sentence
        # a long sentence (a list of defendants) takes three lines at most; the whole of it is its title
        tallest = browser.js("Math.max(...Array.from(document.querySelectorAll('#alerts li.hit .ev'))"
                             ".map(e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)))")
        assert tallest <= 3.2, tallest
        assert browser.js("document.getElementById('alerts-count').textContent") == f"{len(titles)} new"
        browser.screenshot(ARTIFACTS / "alerts.png")
        browser.js("document.querySelector('#alerts li.hit').click()")
        browser.wait_for("!document.getElementById('entity-name').textContent.includes('Kenneth Lauwers') || "
                         "document.getElementById('entity-meta').textContent.length > 0")
        browser.js("document.getElementById('alerts-seen').click()")
        browser.wait_for("document.getElementById('alerts-count').textContent === 'nothing new'")
