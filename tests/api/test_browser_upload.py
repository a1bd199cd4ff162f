"""The web page uploads a case file and shows its ingest job moving on until it is done (headless
Chromium, live server on 127.0.0.1, every other network path closed)."""

from __future__ import annotations

import json

import pytest
from api_support import ARTIFACTS, add_keys, live_server

from api.app import create_app
from api.settings import Settings

pytestmark = pytest.mark.browser
pytest.importorskip("websocket", reason="the browser tests need websocket-client (a dev dependency)")
pytest.importorskip("nlp")
from cdp import Browser, chromium_path  # noqa: E402

if chromium_path() is None:
    pytest.skip("chromium is not installed (apt-get install chromium); skipping the browser tests",
                allow_module_level=True)

REPORT = ("FICTIONAL. Harbour police note of 4 May 2024: Bram Wuyts, a straddle carrier driver at the "
          "Antwerp terminal, met Lotte Claes of Deurganck Cargo NV twice. ")


def test_page_uploads_a_file_and_follows_its_job(tmp_path, small_store):
    keys = add_keys(str(tmp_path / "keys.db"))
    app = create_app(Settings(store=small_store, keys_db=str(tmp_path / "keys.db")))
    with live_server(app) as base, Browser() as browser:
        browser.goto(base + "/")
        browser.js(f"document.getElementById('key').value = {json.dumps(keys.analyst)};"
                   "document.getElementById('key-form').requestSubmit()")
        browser.wait_for("document.getElementById('whoami').textContent.includes('anna')")
        browser.wait_for("document.getElementById('upload-handling').options.length > 2")
        # record every status the row shows, from the first one on
        browser.js("""window.seen = [];
            new MutationObserver(() => document.querySelectorAll('#uploads li').forEach(li => {
                const s = li.dataset.status + ':' + li.querySelector('.stage').textContent.split(' ')[0];
                if (window.seen[window.seen.length - 1] !== s) window.seen.push(s);
            })).observe(document.getElementById('uploads'), {subtree: true, childList: true, attributes: true,
                                                               characterData: true});""")
        browser.js(f"""(() => {{
            const dt = new DataTransfer();
            dt.items.add(new File([{json.dumps(REPORT * 40)}], 'harbour-note.txt', {{type: 'text/plain'}}));
            document.getElementById('upload-file').files = dt.files;
            document.getElementById('upload-handling').value = 'RESTRICTED';
            document.getElementById('upload-grading').value = 'B2';
            document.getElementById('upload-form').requestSubmit();
        }})()""")
        browser.wait_for("document.querySelector('#uploads li') !== null")
        browser.wait_for("['running', 'queued'].includes(document.querySelector('#uploads li').dataset.status)",
                         timeout=10)
        browser.screenshot(ARTIFACTS / "upload-running.png")
        browser.wait_for("document.querySelector('#uploads li').dataset.status === 'done'", timeout=90)
        row = browser.js("document.querySelector('#uploads li').textContent")
        assert "harbour-note.txt" in row and "ingested" in row and "entities" in row, row
        assert browser.js("document.querySelector('#uploads li progress').value") == 1
        seen = browser.js("window.seen")
        assert any(s.startswith("running:") for s in seen) and seen[-1].startswith("done:"), seen
        browser.js("document.querySelector('#uploads li a').click()")
        browser.wait_for("!document.getElementById('doc-panel').hidden && "
                         "document.getElementById('doc-text').textContent.includes('Bram Wuyts')")
        browser.screenshot(ARTIFACTS / "upload-done.png")
        assert all(u.startswith((base + "/", "data:", "blob:", "about:")) for u in browser.requests), browser.requests
