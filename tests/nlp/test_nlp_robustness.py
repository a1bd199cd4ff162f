"""Long, mixed and messy input: chunk borders, ALL-CAPS headers, OCR noise, order of pipe()."""

from graph.model import Document
from nlp import Extractor


def test_chunk_borders_keep_entities_and_offsets() -> None:
    para = "The reefer Santa Brisa (IMO 9471381) was unloaded in the port of Antwerp by Zeebrugge Logistics BVBA."
    text = "\n\n".join([para] * 12)
    small = Extractor(lang="en", max_chunk_chars=250)
    whole = Extractor(lang="en")
    a = small.extract(Document(doc_id="a", text=text, lang=""))
    b = whole.extract(Document(doc_id="b", text=text, lang=""))
    assert len(small.plan(Document(doc_id="a", text=text, lang="en"))) > 5
    assert sorted((m.start, m.end, m.type) for m in a.mentions) == sorted((m.start, m.end, m.type) for m in b.mentions)
    assert all(text[m.start:m.end] == m.text for m in a.mentions)
    assert all(text[i.start:i.end] == i.text for i in a.identifiers)
    assert len([m for m in a.mentions if m.type == "VESSEL"]) == 12


def test_chunking_cuts_long_paragraph_on_sentences() -> None:
    from nlp.chunking import chunk_text

    text = " ".join(["Jan Peeters met Karim El Amrani in Antwerp."] * 50)
    chunks = chunk_text(text, max_chars=300)
    assert all(c.end - c.start <= 300 for c in chunks)
    assert all(text[c.start:c.end].startswith("Jan") for c in chunks)
    assert chunks[-1].end == len(text)


def test_all_caps_header_and_ocr_noise_do_not_flood(run) -> None:  # type: ignore[no-untyped-def]
    header = "FEDERAL JUDICIAL POLICE ANTWERP - OPERATION SILVER HERON - CONFIDENTIAL - PAGE 1 OF 3\n"
    noise = "~~ |||| ;;; 0O0O l1l1 ### §§§ ++ ¤¤ \x0c\n" * 20
    ex = run(header + noise + "Jan Peeters was employed by Scaldewerf Terminals NV.", "en")
    assert ("PERSON", "Jan Peeters") in {(m.type, m.text) for m in ex.mentions}
    assert len(ex.mentions) <= 6


def test_mixed_language_document_uses_each_pipeline(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The vessel Santa Brisa arrived in Antwerp and the containers were unloaded by the terminal staff.\n\n"
            "De verdachte Jordy Van Aken werkte als planner bij Blauwhoeve Logistics BV in de haven van Antwerpen.")
    doc = Document(doc_id="m", text=text, lang="")
    ex = extractor.extract(doc)
    assert doc.lang == "en"
    assert "Jordy Van Aken" in {m.text for m in ex.mentions if m.type == "PERSON"}


def test_pipe_keeps_order_and_workers_agree(extractor) -> None:  # type: ignore[no-untyped-def]
    texts = ["Jan Peeters works in Antwerp.", "Le Trudy est arrivé à Dunkerque.", "Het schip Maas Pioneer lag in Vlissingen.",
             "", "Container CSQU 305438-3."] * 3
    docs = [Document(doc_id=str(i), text=t, lang="") for i, t in enumerate(texts)]
    one = list(extractor.pipe(docs, batch_size=4))
    two = list(extractor.pipe([Document(doc_id=str(i), text=t, lang="") for i, t in enumerate(texts)],
                              workers=2, batch_size=4))
    assert [e.document.doc_id for e in one] == [str(i) for i in range(len(texts))]
    assert [e.document.doc_id for e in two] == [str(i) for i in range(len(texts))]
    assert [[(m.start, m.type) for m in e.mentions] for e in one] == [[(m.start, m.type) for m in e.mentions] for e in two]
    assert [e.document.lang for e in two][:3] == ["en", "fr", "nl"]


def test_extract_sets_language_and_json_shape(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Le conteneur MSCU 123456 6 a été saisi au port du Havre.")
    assert ex.document.lang == "fr"
    data = ex.to_json()
    assert {"entities", "identifiers", "relations"} <= set(data)
    assert {"text", "type", "start", "end", "entity_id"} <= set(data["entities"][0])
