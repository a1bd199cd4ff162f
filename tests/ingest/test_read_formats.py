"""PDF, DOCX, HTML, sniffing by content, formats Havengraph cannot read."""

from __future__ import annotations

import pytest

from graph.errors import UnreadableDocument
from ingest import ocr, read_file
from ingest import synthetic as make


def test_pdf_text_layer_with_page_offsets(write):
    path = write("pv.pdf", make.pdf_bytes(["Page one: Jan Peeters (crane operator).", "Page two: MSC Gayane, Antwerp."],
                                          title="PV 2023/114"))
    doc = read_file(path)
    assert doc.format == "pdf" and doc.title == "PV 2023/114" and doc.date == "2023-10-04"
    assert doc.metadata["page_count"] == 2
    assert len(doc.pages) == 2 and doc.pages[0] == 0
    second = doc.text.index("Page two")
    assert doc.pages[1] == second and doc.page_at(second + 3) == 2 and doc.page_at(5) == 1
    assert "Jan Peeters (crane operator)." in doc.text


def test_encrypted_pdf(write):
    path = write("locked.pdf", make.encrypted_pdf(["Secret statement of Jan Peeters"]))
    with pytest.raises(UnreadableDocument, match=r"locked.pdf: encrypted PDF.*password"):
        read_file(path)


def test_truncated_pdf(write):
    data = make.pdf_bytes(["A statement long enough to be cut in the middle of the file."] * 3)
    with pytest.raises(UnreadableDocument, match=r"cut.pdf: truncated PDF.*copy"):
        read_file(write("cut.pdf", data[: len(data) // 2]))


def test_pdf_without_text_layer_needs_ocr(write):
    # with Tesseract the blank scan is read and found empty; without it the message says to install it
    says = r"OCR found no\s+text" if ocr.available() else r"needs OCR: install Tesseract"
    with pytest.raises(UnreadableDocument, match=rf"scan.pdf: no text layer.*{says}"):
        read_file(write("scan.pdf", make.image_only_pdf(pages=2)))


def test_damaged_pdf(write):
    with pytest.raises(UnreadableDocument, match=r"junk.pdf: damaged PDF"):
        read_file(write("junk.pdf", b"%PDF-1.4\n garbage garbage \n%%EOF\n"))


def test_pdf_with_some_pages_scanned_reads_the_rest(tmp_path, write):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for blob in (make.pdf_bytes(["Typed page about the Maersk Elba."]), make.image_only_pdf(1)):
        for page in PdfReader(io.BytesIO(blob)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    doc = read_file(write("mixed.pdf", out.getvalue()))
    assert "Maersk Elba" in doc.text
    assert doc.metadata["pages_without_text"] == [2]


def test_docx_paragraphs_and_tables_in_order(write):
    path = write("pv.docx", make.docx_bytes(["Interview of the crane operator.", "End of the interview."],
                                            table=[["Name", "Role"], ["Jan Peeters", "crane operator"]],
                                            title="Interview"))
    doc = read_file(path)
    assert doc.format == "docx" and doc.title == "Interview"
    assert doc.text.index("Interview of") < doc.text.index("Jan Peeters | crane operator") < doc.text.index("End of")


def test_damaged_docx(write):
    with pytest.raises(UnreadableDocument, match=r"broken.docx: damaged ZIP archive"):
        read_file(write("broken.docx", b"PK\x03\x04 not really a zip"))


def test_html_scripts_styles_navigation_removed(write):
    markup = ("<html lang='fr'><head><title>Saisie</title><style>.x{color:red}</style>"
              "<script>var suspect = 'Fake Name';</script></head><body>"
              "<nav>Accueil | Menu</nav><p>Le <b>MSC Gayane</b> a accosté à Anvers.</p>"
              "<script>document.write('Other Fake')</script><noscript>enable js</noscript>"
              "<table><tr><td>Nom</td><td>Jan Peeters</td></tr></table>"
              "<footer>Mentions légales</footer><!-- hidden note --></body></html>")
    doc = read_file(write("page.html", markup))
    assert doc.title == "Saisie" and doc.metadata["lang_hint"] == "fr"
    assert "Le MSC Gayane a accosté à Anvers." in doc.text
    assert "Nom | Jan Peeters" in doc.text
    for gone in ("Fake", "color", "Accueil", "enable js", "Mentions", "hidden note", "document.write"):
        assert gone not in doc.text


def test_html_without_visible_text(write):
    with pytest.raises(UnreadableDocument, match="without visible text"):
        read_file(write("empty.html", "<html><head><script>x=1</script></head><body></body></html>"))


def test_content_wins_over_a_wrong_extension(write):
    doc = read_file(write("really-a-pdf.txt", make.pdf_bytes(["Hidden PDF text"])))
    assert doc.format == "pdf" and "Hidden PDF text" in doc.text


def test_html_and_email_sniffed_without_extension(write):
    assert read_file(write("page", "<!DOCTYPE html><html><body><p>Hello port</p></body></html>")).format == "html"
    mail = make.eml_bytes("a@example.org", ["b@example.org"], "Hi", "Body text")
    assert read_file(write("message", mail)).format == "eml"


@pytest.mark.parametrize(("name", "data", "says"), [
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "OCR failed" if ocr.available() else "needs OCR"),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "OCR failed" if ocr.available() else "needs OCR"),
    ("anim.gif", b"GIF89a" + b"\x00" * 100, "save it as PNG"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Office"),
    ("mail.msg", b"something", "Outlook"),
    ("pack.7z", b"7z\xbc\xaf\x27\x1c" + b"\x00" * 10, "7-Zip"),
])
def test_unsupported_formats_say_what_to_do(write, name, data, says):
    with pytest.raises(UnreadableDocument, match=f"{name}: .*{says}"):
        read_file(write(name, data))


def test_docx_tracked_deletions_left_out_content_controls_kept(write):
    import io
    import zipfile

    base = make.docx_bytes(["placeholder"])
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {w}><w:body>'
            '<w:p><w:r><w:t>Jan Peeters</w:t></w:r><w:del><w:r><w:delText> never</w:delText></w:r></w:del>'
            '<w:ins><w:r><w:t xml:space="preserve"> met</w:t></w:r></w:ins><w:r><w:tab/><w:t>Milan</w:t></w:r></w:p>'
            '<w:sdt><w:sdtContent><w:p><w:r><w:t>Inside a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>'
            '</w:body></w:document>').encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, body if info.filename == "word/document.xml" else src.read(info))
    doc = read_file(write("tracked.docx", out.getvalue()))
    assert doc.text == "Jan Peeters met\tMilan\n\nInside a content control"


def test_docx_entity_expansion_is_not_performed(write):
    import io
    import zipfile

    base = make.docx_bytes(["placeholder"])
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            f'<w:document {w}><w:body><w:p><w:r><w:t>Start &b; end</w:t></w:r></w:p></w:body></w:document>').encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, body if info.filename == "word/document.xml" else src.read(info))
    doc = read_file(write("laughs.docx", out.getvalue()))
    assert "AAAA" not in doc.text and doc.text.startswith("Start")


def test_without_tesseract_a_scan_says_how_to_install_it(write, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))  # as on a machine without Tesseract
    assert not ocr.available()
    with pytest.raises(UnreadableDocument, match=r"scan.png: .*needs OCR.*apt-get install tesseract-ocr"):
        read_file(write("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100))
    with pytest.raises(UnreadableDocument, match=r"scan.pdf: no text layer.*needs OCR: install Tesseract"):
        read_file(write("scan.pdf", make.image_only_pdf(pages=1)))
