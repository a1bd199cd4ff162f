"""A long chat export: relation totals are extended per message, never recounted from all the
evidence behind a relation (that made a million-message export slow down as it grew), and they
stay exactly what the evidence rows add up to (fictitious phones and messages)."""

from __future__ import annotations

import pytest

from ingest import ingest_paths
from ingest.readers import chat

PHONES = [f"+32 470 55 {n:02d} {n + 20:02d}" for n in range(10, 16)]


def _export(messages: int) -> str:
    lines = ["sender,recipients,time,text"]
    for i in range(messages):
        when = "" if i % 7 == 0 else f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}"
        to = PHONES[(3 * i + 1) % 6] if i % 5 else f"{PHONES[(i + 1) % 6]};{PHONES[(i + 2) % 6]}"
        lines.append(f"{PHONES[i % 6]},{to},{when},message {i} about the gate")
    return "\n".join(lines) + "\n"


def _totals(store) -> dict[str, tuple]:
    rows = store._query("SELECT rel_id, weight, count, first_seen, last_seen FROM relations ORDER BY rel_id")
    return {r[0]: tuple(r[1:]) for r in rows}


def _recounted(store) -> dict[str, tuple]:
    rows = store._query("""SELECT rel_id, SUM(weight), COUNT(*), MIN(date), MAX(date) FROM evidence
                           GROUP BY rel_id ORDER BY rel_id""")
    return {r[0]: tuple(r[1:]) for r in rows}


def test_totals_of_a_long_export_equal_its_evidence(store, write, fake, monkeypatch):
    monkeypatch.setattr(chat, "MESSAGES_PER_DOCUMENT", 40)
    path = write("long.csv", _export(300))
    report = ingest_paths([path], store, extractor=fake, progress=False)
    assert report.ok, report.failed
    totals = _totals(store)
    assert totals == _recounted(store) and len(totals) == 16  # the (sender, recipient) pairs the export has
    assert sum(t[1] for t in totals.values()) == 300 + 300 // 5  # one per (message, recipient)
    assert all(t[2] and t[3] and t[2] <= t[3] for t in totals.values())  # undated messages leave dates alone
    # ingesting again with --replace and deleting one part keep totals equal to the evidence left
    report = ingest_paths([path], store, extractor=fake, progress=False, replace=True)
    assert report.ok and _totals(store) == _recounted(store) == totals
    part = store._query("SELECT doc_id FROM documents WHERE source LIKE '%#part-3'")[0][0]
    assert store.delete_document(part)
    assert _totals(store) == _recounted(store) != totals


def test_writing_more_messages_does_not_rescan_a_relations_evidence(store, write, fake, monkeypatch):
    monkeypatch.setattr(chat, "MESSAGES_PER_DOCUMENT", 40)
    statements: list[str] = []
    ingest_paths([write("first.csv", _export(120))], store, extractor=fake, progress=False)
    store._db.set_trace_callback(statements.append)
    try:
        report = ingest_paths([write("second.csv", _export(121))], store, extractor=fake, progress=False)
    finally:
        store._db.set_trace_callback(None)
    assert report.ok, report.failed
    rescans = [s for s in statements if "SUM(weight)" in s]
    assert not rescans, f"{len(rescans)} statement(s) recount relations from all their evidence"
    assert _totals(store) == _recounted(store)


@pytest.mark.parametrize("dates", [[None, None], ["", "2023-01-02T10:00:00"], ["2023-05-01T00:00:01", None]])
def test_totals_with_missing_or_empty_dates_match_a_recount(store, dates):
    from graph.model import Document, Evidence, Extraction, Relation

    for n, date in enumerate(dates):
        doc = Document(doc_id=f"d{n}", text="a b", title="t", source=f"s{n}")
        rel = Relation("phone:+32470551020", "phone:+32470551121", "CONTACTED",
                       evidence=[Evidence(doc.doc_id, 0, 3, method="structured", date=date, weight=0.5)])
        store.write(Extraction(document=doc, relations=[rel]))
    assert _totals(store) == _recounted(store)


HANDLES = """sender,sender_name,recipients,time,text
@kapitein88,Jordy V.,+32 470 55 12 34,2023-10-14 22:10,boat is late
+32 470 55 12 34,Mehdi,@kapitein88,2023-10-14 22:12,ok
@kapitein88,,+32 470 55 12 34;@nachtuil,2023-10-14 22:15,gate 7
@nachtuil,,@kapitein88,2023-10-15 01:00,done
"""


def test_handles_are_handles_and_a_person_only_where_the_export_states_one(store, write, fake, monkeypatch):
    monkeypatch.setattr(chat, "MESSAGES_PER_DOCUMENT", 2)  # two parts: the stated names must not double
    report = ingest_paths([write("handles.csv", HANDLES)], store, extractor=fake, progress=False)
    assert report.ok, report.failed
    (kapitein,), (nachtuil,) = ([h.entity_id for h in store.search(n, type="HANDLE")] for n in ("@kapitein88", "@nachtuil"))
    phone = "phone:+32470551234"
    assert store.get_entity(kapitein).type == "HANDLE" and store.get_entity(kapitein).name == "@kapitein88"
    persons = store._query("SELECT name FROM entities WHERE type = 'PERSON' ORDER BY name")
    assert [p[0] for p in persons] == ["Jordy V.", "Mehdi"]  # no person named after a handle
    (jordy,) = store.search("Jordy V.", type="PERSON")
    links = {(r.type, r.source, r.target) for r in store.relations_between([jordy.entity_id, kapitein, phone])}
    assert ("HAS_HANDLE", jordy.entity_id, kapitein) in links
    (mehdi,) = store.search("Mehdi", type="PERSON")
    assert any(r.type == "HAS_PHONE" and r.source == mehdi.entity_id for r in store.relations_between([mehdi.entity_id, phone]))
    # the contacts, directed and dated, one piece of evidence per message and recipient
    contacted = {(r.source, r.target): sorted(e.date for e in r.evidence) for r in store.iter_relations()
                 if r.type == "CONTACTED"}
    assert contacted == {(kapitein, phone): ["2023-10-14T22:10:00", "2023-10-14T22:15:00"],
                         (phone, kapitein): ["2023-10-14T22:12:00"], (kapitein, nachtuil): ["2023-10-14T22:15:00"],
                         (nachtuil, kapitein): ["2023-10-15T01:00:00"]}
