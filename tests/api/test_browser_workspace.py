"""The workspace in a real browser: notes, a link entered by hand, saving and reopening an
investigation with its layout, exports, and the merge review queue (merge, then split)."""

from __future__ import annotations

import json

import pytest
from api_support import ARTIFACTS, live_server
from test_need_to_know import ANR, JAN, _doc, _ent, _extraction, build

from api.app import create_app
from api.security.keys import KeyStore
from api.settings import Settings
from graph.store import open_store

pytestmark = pytest.mark.browser
pytest.importorskip("websocket", reason="the browser tests need websocket-client (a dev dependency)")
from cdp import Browser, chromium_path  # noqa: E402

if chromium_path() is None:
    pytest.skip("chromium is not installed (apt-get install chromium); skipping the browser tests",
                allow_module_level=True)

J_PEETERS = _ent("PERSON", "J. Peeters")


@pytest.fixture
def served(tmp_path):
    url = f"sqlite:///{tmp_path / 'page.db'}"
    build(url)
    store = open_store(url)
    note = _doc("J. Peeters signed the crane roster at gate 4.", "roster.txt", "PUBLIC")
    store.write(_extraction(note, [J_PEETERS], []))
    store.save_decision({"kind": "candidate", "a": JAN.entity_id, "b": J_PEETERS.entity_id, "score": 0.82,
                         "reason": "same surname, initial matches", "who": "resolver"})
    store.close()
    keys = KeyStore(str(tmp_path / "keys.db"))
    key = keys.add_user("anna", "analyst", "SECRET")
    keys.close()
    with live_server(create_app(Settings(store=url, keys_db=str(tmp_path / "keys.db"), clearance_cache_s=0.0))) as base:
        yield base, key


def _click(browser: Browser, selector: str) -> None:
    browser.js(f"document.querySelector({json.dumps(selector)}).click()")


def test_workspace_notes_hand_link_investigation_and_merge_queue(served):
    base, key = served
    with Browser() as browser:
        browser.goto(base + "/")
        browser.js(f"document.getElementById('key').value = {json.dumps(key)};"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("document.getElementById('whoami').textContent.includes('anna')")
        browser.wait_for("document.getElementById('inv-list').children.length > 0")
        browser.js("document.getElementById('q').value = 'Jan Peeters';"
                   "document.getElementById('search-form').requestSubmit()")
        browser.wait_for(f"document.querySelector('#results li[data-id=\"{JAN.entity_id}\"]') !== null")
        _click(browser, f'#results li[data-id="{JAN.entity_id}"]')
        browser.wait_for("document.getElementById('note-text') !== null && window.havengraph.nodes.length > 1")

        # a note on the entity
        browser.js("document.getElementById('note-text').value = 'Seen at gate 4 twice in May';"
                   "document.getElementById('note-add').click()")
        browser.wait_for("document.getElementById('notes').textContent.includes('Seen at gate 4 twice in May')")

        # a link entered by hand is drawn apart
        browser.js(f"document.getElementById('hand-type').value = 'WORKS_AT';"
                   f"document.getElementById('hand-target').value = {json.dumps(ANR.entity_id)};"
                   "document.getElementById('hand-reason').value = 'informant tip';"
                   "document.getElementById('hand-add').click()")
        try:
            browser.wait_for("window.havengraph.edges.get().some(e => e.analyst && e.relation === 'WORKS_AT')")
        except TimeoutError:
            raise AssertionError(browser.js("document.getElementById('toast').textContent + ' | ' + "
                                            "JSON.stringify(window.havengraph.edges.get())")) from None
        browser.js("new Promise(r => setTimeout(r, 2500))")
        browser.screenshot(ARTIFACTS / "workspace-hand-link.png")

        # save the picture as an investigation, scramble it, reopen: the layout comes back
        saved = browser.js("(() => { const n = window.havengraph.network; n.setOptions({physics: {enabled: false}});"
                           f"n.moveNode({json.dumps(JAN.entity_id)}, -250, 120); return n.getPositions(); }})()")
        # with a filter set in the panel: it is saved with the investigation and comes back with it
        browser.js("document.getElementById('f-weak').checked = false;"
                   "document.getElementById('f-from').value = '2023-01-01';"
                   "for (const o of document.getElementById('f-rels').options) "
                   "o.selected = ['WORKS_AT', 'DIRECTOR_OF'].includes(o.value)")
        browser.js("document.getElementById('inv-name').value = 'Gate 4 roster';"
                   "document.getElementById('inv-save').click()")
        browser.wait_for("document.getElementById('inv-list').textContent.includes('Gate 4 roster')")
        browser.js("window.havengraph.nodes.clear(); window.havengraph.edges.clear();"
                   "document.getElementById('filters-form').reset()")
        assert browser.js("window.havengraph.filters.include_weak") is True
        _click(browser, "#inv-list li[data-id] .inv-open")
        browser.wait_for(f"window.havengraph.nodes.length === {len(saved)}")
        reopened = browser.js("window.havengraph.network.getPositions()")
        assert set(reopened) == set(saved)
        for node, pos in saved.items():
            assert abs(reopened[node]["x"] - pos["x"]) < 1 and abs(reopened[node]["y"] - pos["y"]) < 1, node
        assert reopened[JAN.entity_id] == {"x": -250, "y": 120}
        restored = browser.js("window.havengraph.filters")
        assert restored["include_weak"] is False and restored["date_from"] == "2023-01-01"
        assert restored["relation_types"] == ["DIRECTOR_OF", "WORKS_AT"]
        assert browser.js("window.havengraph.edges.get().some(e => e.analyst)")
        # the reopened picture draws the relations its saved filters let through: no ASSOCIATE_OF now
        drawn = browser.js("[...new Set(window.havengraph.edges.get().map(e => e.relation))].sort()")
        assert drawn == ["DIRECTOR_OF", "WORKS_AT"], drawn
        browser.js("document.getElementById('workspace-panel').scrollIntoView(); new Promise(r => setTimeout(r, 500))")
        browser.screenshot(ARTIFACTS / "workspace-investigation.png")

        # the report opens in a new tab (a blob URL of the HTML report); check the server answers it
        status = browser.js(f"""fetch('/reports/html?investigation_id=' +
            document.querySelector('#inv-list li[data-id]').dataset.id,
            {{headers: {{Authorization: 'Bearer ' + {json.dumps(key)}}}}}).then(r => r.text())""")
        assert "Evidence package manifest" in status and "informant tip" in status

        # the merge review queue: merge the candidate, then split it again
        _click(browser, "#merge-load")
        browser.wait_for("document.querySelector('#merge-queue li.candidate .do-merge') !== null")
        assert "J. Peeters" in browser.js("document.getElementById('merge-queue').textContent")
        browser.js("document.getElementById('merge-queue').scrollIntoView()")
        browser.screenshot(ARTIFACTS / "workspace-merge-queue.png")
        _click(browser, "#merge-queue li.candidate .do-merge")
        browser.wait_for("document.querySelector('#merge-queue li.merged .do-split') !== null")
        _click(browser, "#merge-queue li.merged .do-split")
        browser.wait_for("document.querySelector('#merge-queue li.merged') === null")

        # the printable report, as the browser renders it
        browser.js(f"document.documentElement.innerHTML = {json.dumps(status)}; window.scrollTo(0, 0)")
        browser.screenshot(ARTIFACTS / "workspace-report.png")
