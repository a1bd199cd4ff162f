"""The entity panel shows a mention on its scanned page: an evidence item of a document read by
OCR links to the page drawn from its OCR words, the sentence highlighted (headless Chromium, live
server on 127.0.0.1; the page is rendered by our generator from a sentence written for the test)."""

from __future__ import annotations

import json

import pytest
from api_support import ARTIFACTS, add_keys, live_server
from test_ocr_pages import scanned_meeting

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest import ocr

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")]
pytest.importorskip("websocket", reason="the browser tests need websocket-client (a dev dependency)")
pytest.importorskip("PIL", reason="Pillow renders the test scans (pip install pillow)")
from cdp import Browser, chromium_path  # noqa: E402

if chromium_path() is None:
    pytest.skip("chromium is not installed (apt-get install chromium); skipping the browser tests",
                allow_module_level=True)


def test_an_evidence_item_opens_its_sentence_on_the_scanned_page(tmp_path):
    url = f"sqlite:///{tmp_path / 'scan.db'}"
    extraction, start, end = scanned_meeting(tmp_path)
    store = open_store(url)
    store.write(extraction)
    store.close()
    keys = add_keys(str(tmp_path / "keys.db"))
    app = create_app(Settings(store=url, keys_db=str(tmp_path / "keys.db")))
    person = extraction.entities[0].entity_id
    with live_server(app) as base, Browser() as browser:
        browser.goto(base + "/")
        browser.js(f"document.getElementById('key').value = {json.dumps(keys.viewer)};"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("document.getElementById('whoami').textContent.includes('vera')")
        browser.js(f"openEntity({json.dumps(person)})")
        browser.wait_for("document.querySelector('#relations .ev .scan-link') !== null")
        assert browser.js("document.querySelectorAll('#relations .scan-link').length") == 1
        browser.js("document.querySelector('#relations .scan-link').click()")
        browser.wait_for("!document.getElementById('doc-page').hidden && "
                         "document.querySelector('#doc-page svg rect.hit') !== null")
        shown = browser.js("Array.from(document.querySelectorAll('#doc-page text.in-span'))"
                           ".map(t => t.lastChild.textContent).join(' ')")
        assert "Pieter Rombouts" in shown and shown.startswith("At gate"), shown
        meta = browser.js("document.getElementById('doc-meta').textContent")
        expected = round(ocr.span_confidence(extraction.document, start, end) * 100)
        assert f"highlighted words {expected}%" in meta, meta
        # the page is drawn to the panel's width, the highlight is in view
        box = browser.js("(() => { const r = document.querySelector('#doc-page svg').getBoundingClientRect();"
                         " return [r.width, r.height]; })()")
        assert 400 < box[0] < 700 and box[1] > 50, box
        assert browser.js("(() => { const r = document.querySelector('#doc-page rect.hit').getBoundingClientRect();"
                          " return r.top >= 0 && r.bottom <= innerHeight && r.width > 5; })()")
        browser.screenshot(ARTIFACTS / "scan-page.png")
        # the document's text is one click away, and it replaces the drawing
        browser.js("document.querySelector('#doc-meta a').click()")
        browser.wait_for("document.getElementById('doc-page').hidden && "
                         "document.getElementById('doc-text').textContent.includes('Rombouts')")
