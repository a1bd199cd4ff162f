"""Scanned case files read by OCR: images, scanned PDFs, mixed PDFs (pages made by our generator
from short texts written for these tests; all names invented)."""

from __future__ import annotations

import io

import pytest

from graph.model import Evidence, Extraction, Relation
from ingest import ingest_paths, ocr
from ingest import synthetic as make
from ingest.registry import read_file

pytest.importorskip("PIL", reason="Pillow renders the test scans (pip install pillow)")
pytestmark = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed: apt-get install "
                                "tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld poppler-utils")

from ingest.synthetic_scans import scan_pdf, scan_png, scan_tiff  # noqa: E402

SEIZURE = ("Customs report 4471. On 24 October 2023 the officers opened container PAFU4417526\n"
           "at the Hoverkade terminal and found bricks hidden behind boxes of bananas.")
STATEMENT = "Statement of the docker Pieter Rombouts, taken in Antwerp on 19 September 2023."
BADGE = "Badge note: visitor badge 7731 was requested by Blauwhoeve Logistics for Nordin Haddouchi."


def _offset(doc, phrase):
    flat = " ".join(doc.text.split())
    assert phrase in flat, doc.text
    words = phrase.split()
    start = doc.text.index(words[0])
    return start, doc.text.index(words[-1], start) + len(words[-1])


def test_an_image_is_read_with_word_boxes_and_confidence(write):
    doc = read_file(write("seizure.png", scan_png(SEIZURE, seed=4, crop=True)))
    assert doc.format == "image" and "PAFU4417526" in doc.text and "Hoverkade terminal" in " ".join(doc.text.split())
    start, end = _offset(doc, "Hoverkade terminal")
    boxes = ocr.boxes_for_span(doc, start, end)
    assert len(boxes) == 2 and all(b["page"] == 1 for b in boxes)
    page = doc.metadata["ocr"]["pages"]["1"]
    assert page["width"] == 2480 and page["height"] < 1000 and all(0 < b["left"] < page["width"] and 0 < b["top"] < page["height"] for b in boxes)
    assert boxes[0]["left"] < boxes[1]["left"]  # reading order: "Hoverkade" before "terminal"
    assert 0.6 < doc.metadata["ocr"]["confidence"] <= 1.0


def test_a_scanned_pdf_keeps_its_page_numbers(write):
    doc = read_file(write("scan.pdf", scan_pdf([STATEMENT, BADGE], seed=2, crop=True)))
    assert doc.metadata["ocr_pages"] == [1, 2] and len(doc.pages) == 2
    start, _ = _offset(doc, "Nordin Haddouchi")
    assert doc.page_at(start) == 2 and ocr.boxes_for_span(doc, start, start + 6)[0]["page"] == 2
    assert doc.page_at(doc.text.index("Rombouts")) == 1


def test_a_mixed_pdf_is_read_page_by_page(write):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for blob in (make.pdf_bytes(["Typed page about the vessel Santa Brisa."]), scan_pdf([BADGE], seed=5, crop=True)):
        for page in PdfReader(io.BytesIO(blob)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    doc = read_file(write("mixed.pdf", out.getvalue()))
    assert doc.metadata["ocr_pages"] == [2] and "pages_without_text" not in doc.metadata
    assert doc.text.startswith("Typed page about the vessel Santa Brisa.")  # the text layer, not OCR
    assert {w[2] for w in doc.metadata["ocr"]["words"]} == {2}
    assert doc.page_at(doc.text.index("Blauwhoeve")) == 2


def test_a_multi_page_tiff_gives_one_page_per_frame(write):
    doc = read_file(write("two.tiff", scan_tiff([STATEMENT, BADGE], seed=6, noise=0.0, crop=True)))
    assert len(doc.pages) == 2 and doc.page_at(doc.text.index("Blauwhoeve")) == 2


def test_ocr_confidence_lowers_the_evidence_and_ingest_keeps_it(write, store, fake):
    doc = read_file(write("statement.png", scan_png(STATEMENT, seed=7, noise=0.03, crop=True)))
    start, end = _offset(doc, "Pieter Rombouts")
    expected = ocr.span_confidence(doc, start, end)
    assert expected is not None and 0 < expected < 1
    rel = Relation("person:a", "person:b", "ASSOCIATE_OF", [Evidence(doc.doc_id, start, end, confidence=0.8)])
    ocr.lower_confidence(Extraction(document=doc, relations=[rel]))
    assert rel.evidence[0].confidence == pytest.approx(0.8 * expected, abs=1e-3) and rel.evidence[0].page == 1
    # through the pipeline: the stored evidence of the OCR'd file carries the lowered confidence
    page = write("meeting.png", scan_png("Pieter Rombouts met Nordin Haddouchi at gate 7.", seed=8, crop=True))
    report = ingest_paths([page], store, extractor=fake, progress=False)
    assert report.ok and any("read by OCR" in w for _, w in report.warnings)
    stored = [e for r in store.iter_relations() for e in r.evidence]
    assert stored and all(0 < e.confidence < 1 and e.page == 1 for e in stored)


def test_a_blank_scan_says_ocr_found_nothing(write):
    with pytest.raises(Exception, match="OCR found no text"):
        read_file(write("blank.pdf", make.image_only_pdf(pages=1)))


def test_tsv_lines_of_a_paragraph_are_joined_and_hyphens_mended():
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    rows = [(1, 1, 0, 0, 0, 0, 0, 0, 800, 600, -1, ""),
            (5, 1, 1, 1, 1, 1, 10, 10, 50, 20, 91.5, "Jordy"),
            (5, 1, 1, 1, 2, 1, 10, 40, 40, 20, 88.0, "Van"),
            (5, 1, 1, 1, 2, 2, 60, 40, 50, 20, 90.0, "Aken,"),
            (5, 1, 1, 1, 2, 3, 120, 40, 50, 20, 90.0, "con-"),
            (5, 1, 1, 1, 3, 1, 10, 70, 60, 20, 80.0, "tainer"),
            (5, 1, 2, 1, 1, 1, 10, 200, 60, 20, 70.0, "Signed")]
    page = ocr.parse_tsv(head + "".join("\t".join(map(str, r)) + "\n" for r in rows))[0]
    assert page.text == "Jordy Van Aken, con-tainer\n\nSigned"
    assert (page.width, page.height) == (800, 600)
    assert [page.text[s:e] for s, e, *_ in page.words] == ["Jordy", "Van", "Aken,", "con-", "tainer", "Signed"]
    assert page.confidence == pytest.approx((91.5 + 88 + 90 + 90 + 80 + 70) / 600)
