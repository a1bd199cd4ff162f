"""The page in headless Chromium: a date range narrows the picture and the open entity's relation list
alike, undated links stay until "undated links" is unticked."""

from __future__ import annotations

import json

import pytest
from api_support import ARTIFACTS, add_keys, live_server
from dated_network import ANNA, BERT, EVA, FRITZ, PHONE, dated_network

from api.app import create_app
from api.settings import Settings
from graph.store import open_store

pytestmark = pytest.mark.browser
pytest.importorskip("websocket", reason="the browser tests need websocket-client (a dev dependency)")
from cdp import Browser, chromium_path  # noqa: E402

if chromium_path() is None:
    pytest.skip("chromium is not installed (apt-get install chromium); skipping the browser tests",
                allow_module_level=True)

LISTED = "Array.from(document.querySelectorAll('#relations li a')).map(a => a.textContent).sort()"
DRAWN = "window.havengraph.nodes.getIds().sort()"


def test_date_range_narrows_picture_and_relation_list(tmp_path):
    url = f"sqlite:///{tmp_path / 'dated.db'}"
    store = open_store(url)
    store.write_many(dated_network())
    store.close()
    keys = add_keys(str(tmp_path / "keys.db"))
    app = create_app(Settings(store=url, keys_db=str(tmp_path / "keys.db")))
    with live_server(app) as base, Browser() as browser:
        browser.goto(base + "/")
        browser.js(f"document.getElementById('key').value = {json.dumps(keys.analyst)};"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("document.querySelectorAll('#f-rels option').length > 10")
        browser.js(f"openEntity({json.dumps(ANNA)})")
        browser.wait_for("document.querySelectorAll('#relations li a').length === 4")
        assert browser.js(LISTED) == ["+32470999888", "Bert Goossens", "Eva Smet", "Fritz Lenaerts"]

        # June 2023 on: the May call goes from the list and the picture; the undated phone stays
        browser.js("document.getElementById('f-from').value = '2023-06-01';"
                   "document.getElementById('filters-form').requestSubmit()")
        browser.wait_for("document.querySelectorAll('#relations li a').length === 3")
        assert browser.js(LISTED) == ["+32470999888", "Eva Smet", "Fritz Lenaerts"]
        browser.wait_for(f"{DRAWN}.length === 4")
        assert browser.js(DRAWN) == sorted([ANNA, EVA, FRITZ, PHONE])

        browser.js("document.getElementById('f-undated').checked = false;"
                   "document.getElementById('filters-form').requestSubmit()")
        browser.wait_for("document.querySelectorAll('#relations li a').length === 2")
        assert browser.js(LISTED) == ["Eva Smet", "Fritz Lenaerts"]
        browser.wait_for(f"{DRAWN}.length === 3")
        assert BERT not in browser.js(DRAWN)
        browser.screenshot(ARTIFACTS / "date-filter.png")

        # saved with this filter, then reopened after a reset: the picture, list and panel are the saved ones
        browser.js("document.getElementById('inv-name').value = 'June on';document.getElementById('inv-save').click()")
        browser.wait_for("document.querySelectorAll('#inv-list li[data-id]').length === 1")
        browser.js("document.getElementById('f-reset').click()")
        browser.wait_for("document.querySelectorAll('#relations li a').length === 4")
        browser.js("document.querySelector('#inv-list li[data-id] .inv-open').click()")
        browser.wait_for("document.getElementById('graph-hint').textContent.includes('as saved')")
        assert browser.js("document.getElementById('f-from').value") == "2023-06-01"
        assert browser.js("document.getElementById('f-undated').checked") is False
        assert browser.js("window.havengraph.edges.get().length") == 2  # June and July, not the May call
        browser.wait_for("document.querySelectorAll('#relations li a').length === 2")
