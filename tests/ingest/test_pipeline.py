"""The ingest loop: bad input reported by name and the batch goes on, idempotent re-ingest,
sidecars, reports, failures isolated, nothing half-written."""

from __future__ import annotations

import json
import os
import random

from ingest_fakes import FakeExtractor

from graph.store.sqlite import SQLiteStore
from ingest import ingest_paths, ocr
from ingest import synthetic as make


def bad_folder(write):
    """Issue 2's folder: an empty file, binary junk, invalid UTF-8, an unreadable file, and good files."""
    write("case/01_good.txt", "Jan Peeters met Milan Kasteleyn at the Deurganck dock.")
    write("case/02_empty.txt", b"")
    write("case/03_junk.txt", os.urandom(2048) + b"\x00\x00")
    write("case/04_bad_utf8.txt", bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(2000)))
    locked = write("case/05_locked.txt", "Stijn Dewolfs")
    locked.chmod(0)
    write("case/06_good.md", "# Note\n\nRuben Kasteleyn phoned Nordin Haddouchi.")
    write("case/07_scan.pdf", make.image_only_pdf())
    write("case/08_locked.pdf", make.encrypted_pdf(["Secret"]))
    return locked.parent


def test_bad_input_is_reported_by_name_and_the_rest_ingested(store, write, fake):
    folder = bad_folder(write)
    root_reads_anything = os.access(folder / "05_locked.txt", os.R_OK)
    report = ingest_paths([folder], store, extractor=fake, progress=False)
    failed = {os.path.basename(p): reason for p, reason in report.failed}
    assert "02_empty.txt" in failed and "empty file" in failed["02_empty.txt"]
    assert "binary content" in failed["03_junk.txt"]
    assert "not valid UTF-8" in failed["04_bad_utf8.txt"]
    assert ("OCR found no" if ocr.available() else "needs OCR") in failed["07_scan.pdf"] and "encrypted PDF" in failed["08_locked.pdf"]
    for name, reason in failed.items():
        assert name in reason  # every reason names its file
    if root_reads_anything:
        assert report.ingested == 3
    else:
        assert "permission denied" in failed["05_locked.txt"] and report.ingested == 2
    assert not report.ok
    docs = {d["title"] for d in store.list_documents()}
    assert {"01_good.txt", "06_good.md"} <= docs
    assert not docs & {"02_empty.txt", "03_junk.txt", "04_bad_utf8.txt", "07_scan.pdf", "08_locked.pdf"}
    (folder / "05_locked.txt").chmod(0o644)


def test_reingest_changes_nothing(store, write, fake):
    folder = bad_folder(write)
    first = ingest_paths([folder], store, extractor=fake, progress=False)
    before = store.stats()
    fake.seen.clear()
    second = ingest_paths([folder], store, extractor=fake, progress=False)
    assert store.stats() == before
    assert second.ingested == 0 and second.skipped == first.ingested
    assert fake.seen == []  # nothing re-extracted
    (folder / "05_locked.txt").chmod(0o644)


def test_same_bytes_under_two_names_is_one_document(store, write, fake):
    write("a/one.txt", "Jan Peeters")
    write("a/copy.txt", "Jan Peeters")
    report = ingest_paths([write("a/x.txt", "Milan Kasteleyn").parent], store, extractor=fake, progress=False)
    assert report.ingested == 2 and report.skipped == 1 and store.stats()["documents"] == 2


def test_replace_re_extracts(store, write, fake):
    path = write("a.txt", "Jan Peeters met Milan Kasteleyn.")
    ingest_paths([path], store, extractor=fake, progress=False)
    report = ingest_paths([path], store, extractor=fake, progress=False, replace=True)
    assert report.ingested == 1 and store.stats()["documents"] == 1
    assert store.stats()["relations"] == 1


def test_walk_is_sorted_and_skips_hidden_files_and_sidecars(store, write, fake):
    write("c/b.txt", "Bee Bee")
    write("c/a/z.txt", "Zed Zed")
    write("c/.hidden.txt", "Hidden Person")
    write("c/.git/config", "x")
    write("c/b.txt.meta.yaml", "grading: B2\n")
    write("c/~$lock.docx", "x")
    report = ingest_paths([write("c/a.txt", "Aa Aa").parent], store, extractor=fake, progress=False)
    assert [p.rsplit("/c/", 1)[1] for p in report.documents] == ["a.txt", "a/z.txt", "b.txt"]


def test_the_store_in_the_ingested_folder_is_not_read_as_a_case_file(write, fake):
    folder = write("case/a.txt", "Aa Aa").parent
    inside = SQLiteStore(f"sqlite:///{folder / 'case.db'}")
    try:
        (folder / "case.keys.db").write_bytes(b"SQLite format 3\x00")
        first = ingest_paths([folder], inside, extractor=fake, progress=False)
        again = ingest_paths([folder], inside, extractor=fake, progress=False)
    finally:
        inside.close()
    assert [p.rsplit("/case/", 1)[1] for p in first.documents] == ["a.txt"] and first.ok
    ignored = {p.rsplit("/case/", 1)[1] for p, _ in again.ignored}
    assert {"case.db", "case.keys.db"} <= ignored and again.ok and again.ingested == 0


def test_sidecar_and_options_set_grading_and_handling(store, write, fake):
    write("d/a.txt", "Jan Peeters")
    write("d/a.txt.meta.yaml", "grading: a1\nhandling: H3\ntitle: Interview one\ndate: 2023-10-04\nlang: nl\n")
    write("d/b.txt", "Milan Kasteleyn")
    write("d/skip.txt", "Ruben Kasteleyn")
    write("d/skip.txt.meta.yaml", "skip: true\n")
    report = ingest_paths([write("d/c.txt", "Nordin Haddouchi").parent], store, extractor=fake, progress=False,
                          grading="B2", handling="P")
    assert report.ok and report.ingested == 3 and report.ignored[0][0].endswith("skip.txt")
    docs = {d["source"].rsplit("/", 1)[1]: d for d in store.list_documents()}
    assert (docs["a.txt"]["grading"], docs["a.txt"]["handling"]) == ("A1", "H3")
    assert docs["a.txt"]["title"] == "Interview one" and docs["a.txt"]["date"] == "2023-10-04"
    assert docs["a.txt"]["lang"] == "nl"
    assert (docs["b.txt"]["grading"], docs["b.txt"]["handling"]) == ("B2", "P")


def test_bad_sidecar_is_a_failure_of_that_file(store, write, fake):
    write("e/a.txt", "Jan Peeters")
    write("e/a.txt.meta.yaml", "grade: B2\n")
    report = ingest_paths([write("e/b.txt", "Milan Kasteleyn").parent], store, extractor=fake, progress=False)
    assert report.ingested == 1
    assert "unknown key(s) ['grade']" in report.failed[0][1]


def test_attachments_inherit_grading_and_email_facts_are_stored(store, write, fake):
    mail = make.eml_bytes("Jan Peeters <jan@example.org>", ["Milan Kasteleyn <milan@example.org>"], "Box",
                          "Milan Kasteleyn knows.", attachments=[("note.txt", b"Ruben Kasteleyn", "text/plain")])
    report = ingest_paths([write("m.eml", mail)], store, extractor=fake, progress=False, grading="C3")
    assert report.ok and report.ingested == 2
    assert {d["grading"] for d in store.list_documents()} == {"C3"}
    contact = store.relations_between(["email:jan@example.org", "email:milan@example.org"])
    assert contact[0].type == "CONTACTED" and contact[0].evidence[0].method == "header"
    assert store.mentions("person:ruben-kasteleyn")  # the attachment went through NLP


def test_report_file_and_dict(store, write, fake, tmp_path):
    write("f/a.txt", "Jan Peeters")
    out = tmp_path / "report.json"
    report = ingest_paths([write("f/empty.txt", b"").parent, tmp_path / "missing"], store, extractor=fake,
                          progress=False, report_file=out)
    data = json.loads(out.read_text())
    assert data == report.to_dict()
    assert data["ok"] is False and data["ingested"] == 1 and data["files"] == 2
    reasons = {os.path.basename(f["path"]): f["reason"] for f in data["failed"]}
    assert "no such file or folder" in reasons["missing"] and "empty file" in reasons["empty.txt"]
    assert "failed" in report.summary() and "empty.txt" in report.summary()


def test_extractor_failure_is_isolated(store, write, fake):
    for i in range(6):
        write(f"g/{i}.txt", f"Person Number{chr(65 + i)}x and Other Person")
    write("g/3.txt", "Jan Peeters EXPLODE")
    report = ingest_paths([write("g/9.txt", "Milan Kasteleyn").parent], store, extractor=fake, progress=False)
    assert report.ingested == 6 and len(report.failed) == 1
    assert report.failed[0][0].endswith("3.txt") and "extraction failed" in report.failed[0][1]


def test_container_not_marked_done_when_content_fails(store, write):
    data = make.zip_bytes({"a.txt": b"Jan Peeters", "b.txt": b"Boom EXPLODE", "c.txt": b"Milan Kasteleyn"})
    path = write("z.zip", data)
    report = ingest_paths([path], store, extractor=FakeExtractor(), progress=False)
    assert report.ingested == 2
    assert any(p.endswith("z.zip!b.txt") for p, _ in report.failed)
    assert any(p.endswith("z.zip") and "retries" in r for p, r in report.failed)
    # the fixed extractor finishes the job on the next run; nothing is duplicated
    again = ingest_paths([path], store, extractor=FakeExtractor(fail_on=None), progress=False)
    assert again.ok and again.ingested == 2 and again.skipped == 2
    assert store.stats()["documents"] == 4


def test_lang_option_is_passed_to_documents(store, write):
    extractor = FakeExtractor("fr")
    ingest_paths([write("fr.txt", "Le navire")], store, extractor=extractor, progress=False, lang="fr")
    assert store.list_documents()[0]["lang"] == "fr"


def test_progress_bar_on_stderr(store, write, fake, capsys):
    ingest_paths([write("p/a.txt", "Jan Peeters").parent], store, extractor=fake, progress=True)
    err = capsys.readouterr().err
    assert "ingest" in err and "file" in err


def exploding_extractor():
    """The real extractor, failing in spaCy's stage on a batch holding a text with ``EXPLODE``;
    ``alone`` lists the documents it was asked to extract one by one (the retries)."""
    from nlp import Extractor

    class Exploding(Extractor):
        def _batch(self, documents, batch_size, plans=None):
            if any("EXPLODE" in d.text for d in documents):
                raise ValueError("cannot parse this document")
            return super()._batch(documents, batch_size, plans)

        def extract(self, document):
            self.alone.append(document.title)
            return super().extract(document)

    extractor = Exploding()
    extractor.alone = []
    return extractor


def real_case(write):
    texts = {
        "01_en.txt": "Jan Peeters was employed by Scaldewerf Terminals NV in Antwerp.",
        "02_fr.txt": "Le navire Trudy est arrivé à Dunkerque avec le conteneur CSQU 305438-3.",
        "03_nl.txt": "Het schip Maas Pioneer (IMO 9471381) lag in Vlissingen.",
        "04_bad.txt": "Milan Kasteleyn EXPLODE in Rotterdam.",
        "06_en.txt": "The reefer Santa Brisa called at Le Havre; Karim El Amrani phoned +32 470 12 34 56.",
        "07_nl.txt": "De verdachte Jordy Van Aken werkte bij Blauwhoeve Logistics BV in Antwerpen.",
    }
    for name, text in texts.items():
        write(f"real/{name}", text)
    write("real/05_box.zip", make.zip_bytes({"a.txt": b"Nordin Haddouchi met Paul Lefevre in Ghent.",
                                             "b.txt": b"Boom EXPLODE", "c.txt": b"Ruben Kasteleyn in Zeebrugge."}))
    for i in range(8):
        write(f"real/1{i}_more.txt", f"Agent {i} of Scaldewerf Terminals NV met Jan Peeters in Antwerp.")
    return write("real/99_last.txt", "La société Marée Noire SARL affrète des navires au Havre.").parent


def test_two_workers_ingest_what_one_process_ingests(write, tmp_path):
    from graph.store.sqlite import SQLiteStore

    folder = real_case(write)
    outcome = {}
    for workers in (1, 2):
        store = SQLiteStore(f"sqlite:///{tmp_path / f'w{workers}.db'}")
        extractor = exploding_extractor()
        report = ingest_paths([folder], store, extractor=extractor, workers=workers, progress=False)
        documents = sorted((d["title"], d["lang"]) for d in store.list_documents(limit=100))
        stats = {k: v for k, v in store.stats().items() if k != "store"}
        outcome[workers] = (report.ingested, [(os.path.basename(p), r.replace(str(folder), ""))
                                              for p, r in report.failed],
                            [os.path.basename(d) for d in report.documents], stats, documents,
                            sorted(extractor.alone))
        store.close()
    assert outcome[1] == outcome[2]
    ingested, failed, documents, _stats, _stored, alone = outcome[2]
    assert ingested == 16 and documents[:3] == ["01_en.txt", "02_fr.txt", "03_nl.txt"]
    assert {name for name, _ in failed} == {"04_bad.txt", "05_box.zip!b.txt", "05_box.zip"}
    # only the failing documents were retried alone; the ones after them went through a new pipe
    assert alone == ["04_bad.txt", "b.txt"]
