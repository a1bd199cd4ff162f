"""Chat exports: a messaging app's text export and chat tables become message documents with
directed, dated CONTACTED relations between phones and handles (fictitious chats)."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from ingest import ingest_paths
from ingest.chat_layouts import detect_layout, load_layout
from ingest.chat_messages import read_messages
from ingest.readers import chat
from ingest.registry import read_source, sniff
from ingest.source import Source

WHATSAPP = """12/10/2023, 21:02 - Messages and calls are end-to-end encrypted.
12/10/2023, 21:04 - Kapitein: boat is late, unload moves to Thursday night
12/10/2023, 21:05 - +32 470 55 12 34: ok. same gate as last time?
12/10/2023, 21:07 - Kapitein: gate 7, ask for the straddle driver
he knows the box number
13/10/2023, 06:40 - +32 470 55 12 34: <attached: 00000012-PHOTO-2023-10-13-06-40-11.jpg>
"""

CSV = """sender,sender_name,recipients,time,text,attachment
+32 470 55 12 34,Jordy,+31 6 12345678;+32 486 11 22 33,2023-10-14 22:10,money for the planner is ready,
+31 6 12345678,,+32 470 55 12 34,14/10/2023 22:15,bring it to the usual place,
+32 486 11 22 33,,+32 470 55 12 34,2023-10-14T22:20:00,seen,receipt.pdf
"""

PHONE_REPORT = """From,To,Timestamp,Body,Attachment,Contact Name
+32 470 55 12 34,"+31 6 12345678",15/10/2023 08:00,call me when the crane stops,,Jordy
"""


def _rels(store, source, target):
    return [r for r in store.relations_between([source, target]) if r.type == "CONTACTED"
            and (r.source, r.target) == (source, target)]


def test_whatsapp_text_export_becomes_directed_dated_contacts(store, write, fake):
    path = write("chat-kapitein.txt", WHATSAPP)
    assert sniff(Source.from_path(path)) == "chat"
    report = ingest_paths([path], store, extractor=fake, progress=False)
    assert report.ok and report.ingested == 1, report.failed
    phone = "phone:+32470551234"
    kapitein = store.search("Kapitein", type="HANDLE")[0].entity_id  # a name written under, not a person
    assert kapitein.startswith("handle:kapitein@") and not store.search("Kapitein", type="PERSON")
    out = _rels(store, kapitein, phone)
    back = _rels(store, phone, kapitein)
    assert len(out) == 1 and len(back) == 1  # directed: one relation each way
    assert sorted(e.date for e in out[0].evidence) == ["2023-10-12T21:04:00", "2023-10-12T21:07:00"]
    assert [e.date for e in back[0].evidence] == ["2023-10-12T21:05:00", "2023-10-13T06:40:00"]
    doc = store.get_document(out[0].evidence[1].doc_id)
    ev = out[0].evidence[1]
    # the continuation line belongs to its message, and the evidence is that message's line
    assert doc.text[ev.start:ev.end].endswith("gate 7, ask for the straddle driver he knows the box number")
    assert doc.metadata["layout"] == "whatsapp_text" and doc.metadata["messages"] == 4
    assert doc.metadata["attachments"] == 1 and "end-to-end" not in doc.text
    assert out[0].properties["channel"] == "message"


def test_generic_csv_layout_links_stated_names_and_splits_recipients(store, write, fake):
    path = write("export.csv", CSV)
    assert sniff(Source.from_path(path)) == "chat"
    report = ingest_paths([path], store, extractor=fake, progress=False)
    assert report.ok, report.failed
    a, b, c = "phone:+32470551234", "phone:+31612345678", "phone:+32486112233"
    assert len(_rels(store, a, b)) == 1 and len(_rels(store, a, c)) == 1  # two recipients of one message
    assert [e.date for e in _rels(store, b, a)[0].evidence] == ["2023-10-14T22:15:00"]
    jordy = store.search("Jordy", type="PERSON")[0].entity_id
    assert any(r.type == "HAS_PHONE" and (r.source, r.target) == (jordy, a) for r in store.relations_between([jordy, a]))
    doc = store.get_document(_rels(store, c, a)[0].evidence[0].doc_id)
    assert "[attachment: receipt.pdf]" in doc.text and doc.format == "chat"


def test_json_and_jsonl_layouts_read_the_same_messages(write):
    rows = [{"sender": "Kapitein", "recipients": ["+32 470 55 12 34"], "time": "2023-10-16 01:00", "text": "go"},
            {"sender": "+32 470 55 12 34", "recipients": "Kapitein", "time": "2023-10-16 01:05", "text": "done"}]
    array = write("chat.json", json.dumps(rows, indent=1))
    lines = write("chat.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    layout = load_layout("generic_json")
    read = [[(m.sender, m.recipients, m.time, m.text) for m in read_messages(Source.from_path(p), layout)]
            for p in (array, lines)]
    assert read[0] == read[1] == [("Kapitein", ["+32 470 55 12 34"], "2023-10-16T01:00:00", "go"),
                                  ("+32 470 55 12 34", ["Kapitein"], "2023-10-16T01:05:00", "done")]


def test_phone_report_layout_is_chosen_by_its_header():
    layout = detect_layout(PHONE_REPORT.encode(), ".csv")
    assert layout is not None and layout.name == "phone_report_csv"
    assert detect_layout(b"vessel,imo,port\nA,1,B\n", ".csv") is None
    assert detect_layout(b"Proces-verbaal 12/10/2023, 21:04\nDe verdachte zegt: niets\n", ".txt") is None


def test_a_table_layout_missing_a_column_says_which(write):
    path = write("bad.csv", "sender,recipients,time,body\na,b,2023-01-01,x\n")
    with pytest.raises(Exception, match="needs column"):
        list(read_messages(Source.from_path(path), load_layout("generic_csv")))


def test_a_long_export_streams_in_parts_with_bounded_memory(write, monkeypatch):
    monkeypatch.setattr(chat, "MESSAGES_PER_DOCUMENT", 200)
    phones = [f"+32 470 55 {n:02d} {n + 20:02d}" for n in range(10, 50)]
    lines = ["sender,recipients,time,text"]
    lines += [f"{phones[i % 40]},{phones[(7 * i + 3) % 40]},2023-10-{i % 28 + 1:02d} 10:{i % 60:02d},"
              f"message number {i} about the night shift" for i in range(20_000)]
    path = write("big.csv", "\n".join(lines) + "\n")
    result = read_source(Source.from_path(path), chat_ctx())
    assert not result.nlp and result.document.metadata["kind"] == "chat-export"
    tracemalloc.start()
    parts = 0
    seen = 0
    for part in result.children:
        parts += 1
        seen += part.document.metadata["messages"]
        assert len(part.facts.relations) <= 200
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert parts == 100 and seen == 20_000 and result.document.metadata["messages"] == 20_000
    # one part at a time: what is held stays far below the whole export read at once
    assert peak < 16 << 20, f"{peak / 2**20:.1f} MB held while streaming"


def chat_ctx():
    from ingest.context import ReadContext

    return ReadContext()


def test_a_chat_table_in_a_workbook_is_read_as_messages(store, write, fake):
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [["From", "To", "Timestamp", "Body", "Contact Name"],
                ["+32 470 55 12 34", "+31 6 12345678", "15/10/2023 08:00", "crane stops at six", "Jordy"],
                ["+31 6 12345678", "+32 470 55 12 34", "15/10/2023 08:03", "ok", None]]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    report = ingest_paths([write("report.xlsx", out.getvalue())], store, extractor=fake, progress=False)
    assert report.ok, report.failed
    a, b = "phone:+32470551234", "phone:+31612345678"
    assert [e.date for e in _rels(store, a, b)[0].evidence] == ["2023-10-15T08:00:00"]
    assert [e.date for e in _rels(store, b, a)[0].evidence] == ["2023-10-15T08:03:00"]
    doc = store.get_document(_rels(store, a, b)[0].evidence[0].doc_id)
    assert doc.metadata["layout"] == "phone_report_csv" and "crane stops at six" in doc.text


SECOND_PHONE = """02/11/2023, 09:12 - Kapitein: the van is at the lock gate
02/11/2023, 09:15 - +32 499 87 65 43: coming
"""


def test_one_label_in_two_phones_exports_is_two_handles_and_one_within_an_export(store, write, fake, monkeypatch):
    """'Kapitein' is how each phone labels a contact: two exports do not make it one account."""
    monkeypatch.setattr(chat, "MESSAGES_PER_DOCUMENT", 2)  # the first export comes in parts: still one handle
    report = ingest_paths([write("phone-a.txt", WHATSAPP), write("phone-b.txt", SECOND_PHONE)], store,
                          extractor=fake, progress=False)
    assert report.ok, report.failed
    handles = store.search("Kapitein", type="HANDLE")
    assert len(handles) == 2 and len({h.entity_id for h in handles}) == 2
    exports = sorted(h.properties["export"] for h in handles)
    assert exports == ["phone-a.txt", "phone-b.txt"]
    a = next(h.entity_id for h in handles if h.properties["export"] == "phone-a.txt")
    b = next(h.entity_id for h in handles if h.properties["export"] == "phone-b.txt")
    assert _rels(store, a, "phone:+32470551234") and not _rels(store, b, "phone:+32470551234")
    assert _rels(store, b, "phone:+32499876543") and not _rels(store, a, "phone:+32499876543")
    again = ingest_paths([write("phone-a.txt", WHATSAPP)], store, extractor=fake, progress=False)
    assert again.ok and len(store.search("Kapitein", type="HANDLE")) == 2  # the same export again: no new handle


def test_a_layout_of_platform_account_names_keeps_one_handle_across_exports(store, write, fake, tmp_path):
    layout = tmp_path / "platform.layout.yaml"
    layout.write_text("name: platform_dump\nformat: csv\nhandles: platform\ncolumns:\n  sender: from\n"
                      "  recipients: to\n  time: at\n  text: body\n", encoding="utf-8")
    first = write("dump-1.csv", "from,to,at,body\n@kapitein88,@nachtuil,2023-10-14 22:10,gate 7\n")
    second = write("dump-2.csv", "from,to,at,body\n@nachtuil,@kapitein88,2023-10-15 01:00,done\n")
    report = ingest_paths([first, second], store, extractor=fake, progress=False, mapping=str(layout))
    assert report.ok, report.failed
    assert [h.entity_id for h in store.search("@kapitein88", type="HANDLE")] == ["handle:kapitein88"]


def test_a_layout_with_an_unknown_handle_scope_is_refused_with_the_choices(tmp_path):
    layout = tmp_path / "bad.layout.yaml"
    layout.write_text("format: csv\nhandles: global\ncolumns:\n  sender: a\n  recipients: b\n  time: c\n  text: d\n",
                      encoding="utf-8")
    with pytest.raises(Exception, match="export, platform"):
        load_layout(layout)
