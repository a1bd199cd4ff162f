"""A search on the page says when the store holds no document at all, instead of a bare "no match"
that hides a mistyped store path (headless Chromium, live server on 127.0.0.1)."""

from __future__ import annotations

import json

import pytest
from api_support import ARTIFACTS, add_keys, live_server

from api.app import create_app
from api.settings import Settings
from graph.store import open_store

pytestmark = pytest.mark.browser
pytest.importorskip("websocket", reason="the browser tests need websocket-client (a dev dependency)")
from cdp import Browser, chromium_path  # noqa: E402

if chromium_path() is None:
    pytest.skip("chromium is not installed (apt-get install chromium); skipping the browser tests",
                allow_module_level=True)


def _search(browser, base: str, key: str, query: str) -> str:
    browser.goto(base + "/")
    browser.js(f"document.getElementById('key').value = {json.dumps(key)};"
               "document.getElementById('key-form').requestSubmit()")
    browser.wait_for("document.getElementById('whoami').textContent.includes('anna')")
    browser.js(f"document.getElementById('q').value = {json.dumps(query)};"
               "document.getElementById('search-form').requestSubmit()")
    return browser.wait_for("(t => t.length > 0 && t)(document.getElementById('results').textContent)")


@pytest.mark.parametrize("filled", [False, True], ids=["empty store", "store with documents"])
def test_search_tells_an_empty_store_from_no_match(tmp_path, small_store, filled):
    url = small_store if filled else f"sqlite:///{tmp_path / 'new.db'}"
    if not filled:
        open_store(url).close()
    keys = add_keys(str(tmp_path / "keys.db"))
    app = create_app(Settings(store=url, keys_db=str(tmp_path / "keys.db")))
    with live_server(app) as base, Browser() as browser:
        shown = _search(browser, base, keys.analyst, "Nobody Of That Name")
        if filled:
            assert shown == "no match", shown
        else:
            assert "holds no document" in shown and "havengraph ingest" in shown, shown
            browser.screenshot(ARTIFACTS / "search-empty-store.png")
