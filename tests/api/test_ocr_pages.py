"""A mention on its page: a scanned page is drawn from its OCR words with the evidence's words
highlighted and the OCR confidence given (a page rendered by our generator from a sentence
written for this test; the names are invented)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from api_support import Keys, add_keys
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from graph.store import open_store
from ingest import ocr
from ingest.registry import read_file

pytest.importorskip("PIL", reason="Pillow renders the test scans (pip install pillow)")
pytestmark = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed: apt-get install "
                                "tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld poppler-utils")

SVG = "{http://www.w3.org/2000/svg}"
MEETING = "Patrol note. At gate 7 the planner Pieter Rombouts handed an envelope to Nordin Haddouchi."


def scanned_meeting(folder: Path, handling: str | None = None) -> tuple[Extraction, int, int]:
    """The page read by OCR, with an ASSOCIATE_OF whose evidence is the sentence of the meeting."""
    from ingest.synthetic_scans import scan_png

    path = folder / "patrol-note.png"
    path.write_bytes(scan_png(MEETING, seed=8, crop=True))
    doc = read_file(path)
    doc.handling = handling
    start = doc.text.index("At gate")
    end = doc.text.index("Haddouchi") + len("Haddouchi")
    people = []
    for name in ("Pieter Rombouts", "Nordin Haddouchi"):
        first = name.split()[0]
        at = doc.text.index(first)
        people.append((Entity(entity_id("PERSON", name), "PERSON", name),
                       Mention(entity_id("PERSON", name), doc.text[at:at + len(name)], "PERSON", at, at + len(name),
                               doc.doc_id)))
    rel = Relation(people[0][0].entity_id, people[1][0].entity_id, "ASSOCIATE_OF",
                   [Evidence(doc.doc_id, start, end, doc.text[start:end], "rule", "test", page=1)])
    return Extraction(document=doc, entities=[p[0] for p in people], mentions=[p[1] for p in people],
                      relations=[rel]), start, end


@pytest.fixture
def scan_app(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'scan.db'}"
    extraction, start, end = scanned_meeting(tmp_path, handling="CONFIDENTIAL")
    typed = Document(doc_id="b" * 64, text="A typed report on the vessel Santa Brisa.", title="typed", source="typed.txt")
    store = open_store(url)
    store.write(extraction)
    store.write(Extraction(document=typed))
    store.close()
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    with TestClient(create_app(Settings(store=url, auth=True, keys_db=keys_db, clearance_cache_s=0.0))) as client:
        yield client, keys, extraction.document, start, end


def test_the_page_is_drawn_from_its_words_with_the_evidence_highlighted(scan_app):
    client, keys, doc, start, end = scan_app
    auth = Keys.header(keys.viewer)
    info = client.get(f"/documents/{doc.doc_id}/ocr", headers=auth)
    assert info.status_code == 200, info.text
    (page,) = info.json()["pages"]
    assert page["page"] == 1 and page["width"] == 2480 and page["words"] == len(doc.metadata["ocr"]["words"])

    res = client.get(f"/documents/{doc.doc_id}/pages/1.svg", params={"start": start, "end": end}, headers=auth)
    assert res.status_code == 200, res.text
    assert res.headers["content-type"].startswith("image/svg+xml")
    svg = ET.fromstring(res.text)
    assert svg.get("viewBox").startswith("0 0 2480 ")
    words = svg.findall(f"{SVG}text[@class='word']") + svg.findall(f"{SVG}text[@class='word in-span']")
    assert len(words) == page["words"]  # every word OCR read, at its box
    in_span = [w for w in svg.iter(f"{SVG}text") if w.get("class") == "word in-span"]
    highlighted = " ".join(w.find(f"{SVG}title").tail for w in in_span)  # the word follows its tooltip
    # whole words: the last one carries its full stop
    assert highlighted.rstrip(".") == " ".join(doc.text[start:end].split()) and "Pieter Rombouts" in highlighted
    assert "Patrol" not in highlighted  # the words before the sentence are drawn, not highlighted
    boxes = ocr.boxes_for_span(doc, start, end)
    hits = svg.findall(f"{SVG}rect[@class='hit']")
    assert len(hits) == len(boxes) == len(in_span)
    # each band surrounds its word's box
    for rect, box in zip(hits, boxes, strict=True):
        assert float(rect.get("x")) < box["left"] and float(rect.get("x")) + float(rect.get("width")) > box["left"] + box["width"]
    # confidence: per word as a tooltip, for the span in the caption and the header
    expected = ocr.span_confidence(doc, start, end)
    assert float(res.headers["X-OCR-Span-Confidence"]) == pytest.approx(expected, abs=1e-3)
    caption = svg.find(f"{SVG}text[@class='caption']").text
    assert f"highlighted words {expected * 100:.0f}%" in caption
    assert all("OCR confidence" in w.find(f"{SVG}title").text for w in in_span)


def test_a_page_not_read_by_ocr_or_not_cleared_is_not_found(scan_app):
    client, keys, doc, start, end = scan_app
    auth = Keys.header(keys.viewer)
    typed = client.get(f"/documents/{'b' * 64}/pages/1.svg", headers=auth)
    assert typed.status_code == 404 and "not read by OCR" in typed.json()["detail"]
    assert client.get(f"/documents/{'b' * 64}/ocr", headers=auth).json()["pages"] == []
    missing = client.get(f"/documents/{doc.doc_id}/pages/2.svg", headers=auth)
    assert missing.status_code == 404 and "pages read by OCR: 1" in missing.json()["detail"]
    # a viewer cleared only for PUBLIC does not see a CONFIDENTIAL scan, drawn or not
    low = Keys.header(keys.low_viewer)
    assert client.get(f"/documents/{doc.doc_id}/pages/1.svg", headers=low).status_code == 404
    assert client.get(f"/documents/{doc.doc_id}/ocr", headers=low).status_code == 404
    assert client.get(f"/documents/{doc.doc_id}/pages/1.svg", params={"start": -1}, headers=auth).status_code == 422
