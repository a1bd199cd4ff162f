"""Scans as uploads: a PNG/JPEG/TIFF page or a scanned PDF is accepted and read by OCR, within a
time budget that grows with its scanned pages and is stated when it runs out (pages rendered by our
generator from sentences written for these tests; names invented)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import Keys, add_keys, wait_for_job
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from ingest import ocr
from ingest.upload_job import Budget, BudgetExceeded, extract_in_child

pytest.importorskip("nlp")
pytest.importorskip("PIL", reason="Pillow renders the test scans (pip install pillow)")
pytestmark = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed: apt-get install "
                                "tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld poppler-utils")

from ingest import synthetic as make  # noqa: E402
from ingest.synthetic_scans import scan_pdf, scan_png, scan_tiff  # noqa: E402

NOTE = "Patrol note. The crane driver Wout Verbeke was seen at gate 4 with Hicham Ouali."


@pytest.fixture
def jobs_app(tmp_path: Path, small_store: str) -> Iterator[tuple[TestClient, Keys]]:
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    with TestClient(create_app(Settings(store=small_store, keys_db=keys_db, clearance_cache_s=0.0))) as client:
        yield client, keys


def test_a_scanned_page_uploaded_as_png_is_read_by_ocr(jobs_app):
    client, keys = jobs_app
    resp = client.post("/documents", files={"file": ("patrol-note.png", scan_png(NOTE, seed=3, crop=True), "image/png")},
                       headers=Keys.header(keys.analyst))
    assert resp.status_code == 202, resp.text
    done = wait_for_job(client, resp.json()["job_id"], keys.analyst, timeout=120)
    assert done["status"] == "done", done
    doc = client.get(f"/documents/{done['result']['doc_id']}", headers=Keys.header(keys.viewer)).json()
    assert doc["format"] == "image" and "Verbeke" in doc["text"]
    pages = client.get(f"/documents/{doc['doc_id']}/ocr", headers=Keys.header(keys.viewer)).json()["pages"]
    assert [p["page"] for p in pages] == [1]


@pytest.mark.parametrize(("name", "data"), [("page.jpg", b"\xff\xd8\xff\xe0 not really"), ("page.tif", b"II*\x00 x")])
def test_image_types_are_accepted_and_checked_by_their_first_bytes(jobs_app, name, data):
    client, keys = jobs_app
    ok = client.post("/documents", files={"file": (name, data)}, headers=Keys.header(keys.analyst))
    assert ok.status_code == 202, ok.text
    wrong = client.post("/documents", files={"file": (name, b"GIF89a...")}, headers=Keys.header(keys.analyst))
    assert wrong.status_code != 202 and "does not look like" in wrong.json()["detail"]


def test_ocr_pages_are_counted_before_the_reading():
    assert ocr.image_pages(scan_png("One line.", seed=1, crop=True)) == 1
    assert ocr.image_pages(scan_tiff(["Page one.", "Page two.", "Page three."], seed=1, crop=True)) == 3
    assert ocr.image_pages(b"%PDF-1.4") == 0
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for blob in (make.pdf_bytes(["A typed page about the reefer Noordster."]), scan_pdf(["A scanned page."], seed=5, crop=True)):
        for page in PdfReader(io.BytesIO(blob)).pages:
            writer.add_page(page)
    mixed = io.BytesIO()
    writer.write(mixed)
    assert ocr.scanned_pdf_pages(mixed.getvalue()) == 1
    assert ocr.scanned_pdf_pages(make.pdf_bytes(["Only typed text here."])) == 0


def test_an_ocr_upload_over_its_budget_states_the_budget_per_page(tmp_path):
    path = tmp_path / "three-pages.tif"
    path.write_bytes(scan_tiff([NOTE, NOTE, NOTE], seed=2, crop=True))
    with pytest.raises(BudgetExceeded) as caught:
        extract_in_child(path, "three-pages.tif", budget=Budget(seconds=0.5, ocr_page_seconds=0.25))
    message = str(caught.value)
    assert "1.25 s" in message and "0.25 s of OCR for each of its 3 scanned page(s)" in message, message
    assert "three-pages.tif" in message and str(tmp_path) not in message


def test_a_scanned_pdf_gets_the_ocr_time_the_child_counts(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_pdf([NOTE] * 4, seed=2))  # four whole pages at 300 dpi: seconds of OCR each
    with pytest.raises(BudgetExceeded) as caught:  # time to start and count the pages, not to read them
        extract_in_child(path, "scan.pdf", budget=Budget(seconds=12.0, ocr_page_seconds=0.01))
    assert "0.01 s of OCR for each of its 4 scanned page(s)" in str(caught.value), caught.value
