"""E-mail, mailboxes and ZIP archives: what is inside becomes documents of its own, safely."""

from __future__ import annotations

import io
import zipfile

import pytest

from graph.errors import UnreadableDocument
from ingest import read_file
from ingest import synthetic as make
from ingest.context import ReadContext
from ingest.registry import Problem, read_source, walk
from ingest.source import Limits, Source


def tree(path, limits=None):
    """The documents read from ``path`` and what failed, depth-first, containers last."""
    docs, failed = [], []
    for found in walk(Source.from_path(path), ReadContext(limits=limits or Limits())):
        if isinstance(found, Problem):
            failed.append(found.reason)
        else:
            docs.append(found.result.document)
    return docs, failed


MAIL = make.eml_bytes(
    '"Jan Peeters" <Jan.Peeters@zeebrugge-logistics.example>',
    ["Milan Kasteleyn <milan@kasteleyn.example>", "ops@harbour-agency.example"],
    "Container CSQU3054383", "The box leaves Friday.\nCall me.",
    cc=["Blauwhoeve BVBA <info@blauwhoeve.example>"],
    attachments=[("manifest.txt", b"Manifest for the Santa Brisa", "text/plain"),
                 ("scan.pdf", make.pdf_bytes(["Bill of lading MEDU1234567"]), "application/pdf")])


def test_email_headers_become_metadata_and_facts(write):
    path = write("mail.eml", MAIL)
    docs, failed = tree(path)
    assert not failed
    mail = docs[-1]
    assert mail.format == "eml" and mail.title == "Container CSQU3054383" and mail.date == "2023-10-04"
    assert mail.metadata["sender"] == ["Jan.Peeters@zeebrugge-logistics.example"]
    assert set(mail.metadata["recipients"]) == {"milan@kasteleyn.example", "ops@harbour-agency.example",
                                                 "info@blauwhoeve.example"}
    assert mail.text.startswith("From: Jan Peeters <Jan.Peeters@zeebrugge-logistics.example>\nTo: ")
    assert "The box leaves Friday." in mail.text

    result = read_source(Source.from_path(path), ReadContext())
    facts = result.facts
    ids = {e.entity_id: e for e in facts.entities}
    assert ids["email:jan.peeters@zeebrugge-logistics.example"].type == "EMAIL"
    assert ids["person:jan-peeters"].name == "Jan Peeters"
    assert ids["company:blauwhoeve-bvba"].type == "COMPANY"
    contacted = {(r.source, r.target) for r in facts.relations if r.type == "CONTACTED"}
    assert contacted == {("email:jan.peeters@zeebrugge-logistics.example", f"email:{a}")
                         for a in ("milan@kasteleyn.example", "ops@harbour-agency.example", "info@blauwhoeve.example")}
    owns = {(r.source, r.target) for r in facts.relations if r.type == "HAS_EMAIL"}
    assert ("person:milan-kasteleyn", "email:milan@kasteleyn.example") in owns
    for rel in facts.relations:
        ev = rel.evidence[0]
        assert ev.method == "header" and ev.date == "2023-10-04T09:30:00+00:00"
        assert mail.text[ev.start:ev.end].lower().endswith(".example")


def test_email_attachments_are_documents_read_first(write):
    docs, _ = tree(write("mail.eml", MAIL))
    names = [d.source for d in docs]
    assert names[0].endswith("mail.eml!manifest.txt") and names[1].endswith("mail.eml!scan.pdf")
    assert docs[0].text == "Manifest for the Santa Brisa"
    assert docs[1].format == "pdf" and "MEDU1234567" in docs[1].text
    assert docs[0].metadata["parent"] == docs[-1].doc_id


def test_forwarded_message_is_read_as_an_email(write):
    inner = make.eml_bytes("a@example.org", ["b@example.org"], "Inner", "Inner body")
    outer = make.eml_bytes("c@example.org", ["d@example.org"], "Fwd", "See below",
                           attachments=[("orig.eml", inner, "message/rfc822")])
    docs, failed = tree(write("fwd.eml", outer))
    assert not failed
    assert [d.format for d in docs] == ["eml", "eml"] and "Inner body" in docs[0].text


def test_base64_encoded_forwarded_message(write):
    inner = make.eml_bytes("a@example.org", ["b@example.org"], "Inner", "Inner body")
    import base64

    outer = (b"From: c@example.org\nTo: d@example.org\nSubject: Fwd\nMIME-Version: 1.0\n"
             b"Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nSee below\n"
             b"--B\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n"
             b"Content-Disposition: attachment; filename=\"orig.eml\"\n\n" + base64.encodebytes(inner) + b"--B--\n")
    docs, failed = tree(write("fwd64.eml", outer))
    assert not failed and "Inner body" in docs[0].text


def test_malformed_email_without_headers(write):
    with pytest.raises(UnreadableDocument, match=r"notmail.eml: not an e-mail"):
        read_file(write("notmail.eml", b"just some words\nwithout any header at all\n"))


def test_malformed_email_with_missing_boundary(write):
    data = (b"From: a@example.org\r\nTo: b@example.org\r\nSubject: cut\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\nno boundary ever appears here\r\n")
    with pytest.raises(UnreadableDocument, match=r"cut.eml: damaged e-mail"):
        read_file(write("cut.eml", data))


def test_mbox_messages_are_emails(write):
    one = make.eml_bytes("a@example.org", ["b@example.org"], "First", "From the port, hello")
    two = make.eml_bytes("b@example.org", ["a@example.org"], "Second", "Reply")
    body_one = one.replace(b"\nFrom the", b"\n>From the")
    mbox = b"From a@example.org Wed Oct  4 09:30:00 2023\n" + body_one + b"\n" + \
           b"From b@example.org Wed Oct  4 10:30:00 2023\n" + two + b"\n"
    docs, failed = tree(write("box.mbox", mbox))
    assert not failed
    assert [d.title for d in docs] == ["First", "Second", "box.mbox"]
    assert "From the port, hello" in docs[0].text
    assert docs[-1].metadata["messages"] == 2


def test_zip_recursive_with_nested_zip(write):
    inner = make.zip_bytes({"deep.txt": b"Deep text about Antwerp"})
    data = make.zip_bytes({"a/one.txt": b"One", "two.txt": "Deux \xe9t\xe9".encode("latin-1"),
                           "inner.zip": inner, "__MACOSX/._one.txt": b"junk", ".DS_Store": b"junk"})
    docs, failed = tree(write("case.zip", data))
    assert not failed
    assert [d.source.split("files/")[-1] for d in docs] == [
        "case.zip!a/one.txt", "case.zip!two.txt", "case.zip!inner.zip!deep.txt", "case.zip!inner.zip", "case.zip"]
    assert docs[1].text == "Deux été"


def test_zip_bomb_by_ratio(write):
    data = make.zip_bytes({"zeros.txt": b"\x00" * (50 << 20)})
    assert len(data) < 200_000
    with pytest.raises(UnreadableDocument, match=r"bomb.zip: .*expands \d+ times.*zip bomb"):
        read_file(write("bomb.zip", data))


def test_zip_bomb_by_total_size(write):
    members = {f"part{i}.txt": (b"port of Antwerp " * 70_000)[:1_000_000] for i in range(12)}
    docs, failed = tree(write("big.zip", make.zip_bytes(members)), Limits(max_archive_bytes=10 << 20))
    assert any("big.zip: archive declares" in f and "zip bomb" in f for f in failed)
    assert docs == []


def test_zip_bomb_by_entry_count(write):
    data = make.zip_bytes({f"f{i}.txt": b"x" for i in range(60)})
    _, failed = tree(write("many.zip", data), Limits(max_archive_members=50))
    assert any("60 entries" in f for f in failed)


def test_zip_nested_too_deep(write):
    data = b"innermost text"
    for level in range(5):
        data = make.zip_bytes({f"level{level}.zip" if level else "x.txt": data})
    docs, failed = tree(write("deep.zip", data), Limits(max_depth=3))
    assert any("nested more than 3 containers" in f for f in failed)
    assert "innermost text" not in [d.text for d in docs]


@pytest.mark.parametrize("evil", ["../../etc/passwd", "/etc/cron.d/job", "C:\\Windows\\x.txt", "a/../../b.txt"])
def test_zip_with_path_traversal_names_is_refused(write, evil):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("fine.txt", "fine")
        archive.writestr(zipfile.ZipInfo(evil), "evil")
    with pytest.raises(UnreadableDocument, match=r"evil.zip: archive entry with an unsafe path"):
        read_file(write("evil.zip", out.getvalue()))


def test_damaged_zip_member_is_reported_and_the_rest_read(write):
    good = make.zip_bytes({"a.txt": b"first member text", "b.txt": b"second member text"})
    # corrupt the compressed bytes of the second member (its CRC check fails)
    at = good.index(b"b.txt") + 5
    damaged = good[:at] + bytes(b ^ 0xFF for b in good[at:at + 4]) + good[at + 4:]
    docs, failed = tree(write("damaged.zip", damaged))
    assert any("b.txt" in f for f in failed)
    assert any(d.text == "first member text" for d in docs)
