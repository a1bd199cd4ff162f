"""Batched writing during ingest: same store as one document per transaction, failures isolated,
containers after their parts, documents resolved again when a later one changes the decisions."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from factories import named_doc as doc
from graph.model import Evidence, Relation
from graph.resolution import Resolver
from graph.store import open_store
from ingest.writer import BatchWriter


@dataclass
class Item:
    name: str
    doc_id: str
    ancestors: tuple[str, ...] = ()


def picture(store) -> tuple:
    """What a reader sees, minus ingest times and decision ids."""
    entities = sorted((e.entity_id, e.name, tuple(sorted(e.aliases))) for e in store.iter_entities())
    relations = sorted((r.source, r.type, r.target, len(r.evidence)) for r in store.iter_relations())
    decisions = sorted((d["kind"], d["a"], d["b"], d["reason"]) for d in store.list_decisions(status=None))
    return entities, relations, decisions


def bridging_case():
    phone = ("PHONE", "+32470123456")
    return [doc("a", ("PERSON", "Jan Peeters")), doc("b", ("PERSON", "J. Peeters", {}, {}, [phone])),
            doc("x", ("COMPANY", "Scaldewerf Terminals NV"), ("PERSON", "Els Maes")),
            doc("c", ("PERSON", "Jan Peeters", {}, {}, [phone]))]  # now Jan has the phone: J. Peeters is him


def run(store, extractions, seen: list[tuple[str, str]] | None = None, **limits) -> list[tuple[str, str]]:
    resolver = Resolver(store)
    seen = [] if seen is None else seen
    writer = BatchWriter(store, replace=False, stored=lambda item, status: seen.append((item.name, status)),
                         failed=lambda item, reason: seen.append((item.name, "failed: " + reason)),
                         refresh=resolver.again, version=lambda: resolver.version, **limits)
    for ex in extractions:
        item = Item(ex.document.title, ex.document.doc_id)
        writer.before(item)
        writer.add(item, resolver.resolve(ex))
    writer.flush()
    return seen


def test_a_batch_gives_the_store_that_one_document_at_a_time_gives(tmp_path):
    """The bridge in the last document reaches the documents still waiting in the batch."""
    stores = {}
    for name, limits in (("alone", {"max_docs": 1}), ("batched", {"max_docs": 64})):
        store = stores[name] = open_store(f"sqlite:///{tmp_path / name}.db")
        seen = run(store, bridging_case(), **limits)
        assert seen == [(t, "written") for t in "abxc"]
    try:
        assert picture(stores["batched"]) == picture(stores["alone"])
        people = [e for e in stores["batched"].iter_entities() if e.type == "PERSON"]
        assert len(people) == 2 and "J. Peeters" in stores["batched"].get_entity("person:jan-peeters").aliases
    finally:
        for store in stores.values():
            store.close()


@pytest.mark.parametrize("max_docs", [1, 3, 64])
def test_a_bad_document_fails_alone_and_the_batch_around_it_is_kept(tmp_path, max_docs):
    case = bridging_case()
    bad = case[2]
    bad.relations.append(Relation(bad.entities[0].entity_id, bad.entities[1].entity_id, "BRIBED",
                                  [Evidence(bad.document.doc_id, 0, 1, "x", "rule")]))
    store = open_store(f"sqlite:///{tmp_path / 'bad.db'}")
    try:
        seen = run(store, case, max_docs=max_docs)
        assert [name for name, _ in seen] == ["a", "b", "x", "c"]
        assert [status for name, status in seen if name != "x"] == ["written"] * 3
        assert seen[2][1].startswith("failed: could not be stored") and "BRIBED" in seen[2][1]
        assert [d["title"] for d in store.list_documents()] == ["a", "b", "c"]
    finally:
        store.close()


def test_a_container_waits_for_its_parts_and_a_full_batch_is_written(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'box.db'}")
    seen: list[tuple[str, str]] = []
    writer = BatchWriter(store, replace=False, stored=lambda item, status: seen.append((item.name, status)),
                         failed=lambda item, reason: seen.append((item.name, reason)), max_docs=3)
    a, b, x, c = bridging_case()
    box = Item("box.zip", "f" * 64)
    try:
        writer.before(Item("a", a.document.doc_id, (box.doc_id,)))
        writer.add(Item("a", a.document.doc_id, (box.doc_id,)), a)
        writer.add(Item("b", b.document.doc_id, (box.doc_id,)), b)
        assert seen == [] and not store.has_document(a.document.doc_id)  # waiting in the batch
        writer.before(box)  # the container's turn: its parts are written first
        assert seen == [("a", "written"), ("b", "written")]
        for item, ex in ((Item("x", x.document.doc_id), x), (Item("c", c.document.doc_id), c),
                         (Item("a again", a.document.doc_id), a)):
            writer.before(item)
            writer.add(item, ex)
        assert seen[2:] == [("x", "written"), ("c", "written"), ("a again", "skipped")]  # three make a batch
        writer.flush()
        assert len(seen) == 5
    finally:
        store.close()


def test_an_unreachable_store_fails_the_batch_at_once_and_a_rerun_finishes_it(tmp_path):
    """Documents are not retried one by one against a store that is away (each try would wait)."""
    from graph.errors import StoreUnavailable
    from graph.store.sqlite import SQLiteStore

    class Away(SQLiteStore):  # the real store, behind a link that is down for the first batch
        down = True
        tries = 0

        def write_many(self, extractions, *, replace=False):
            if self.down:
                type(self).tries += 1
                raise StoreUnavailable("cannot reach the store; run the same command again to finish")
            return super().write_many(extractions, replace=replace)

        def write(self, extraction, *, replace=False):
            return self.write_many([extraction], replace=replace)[0]

    store = Away(f"sqlite:///{tmp_path / 'away.db'}")
    seen: list[tuple[str, str]] = []
    try:
        with pytest.raises(StoreUnavailable):  # the caller stops: every later batch would wait too
            run(store, bridging_case(), max_docs=64, seen=seen)
        assert Away.tries == 1 and [name for name, _ in seen] == list("abxc")
        assert all("run the same command again" in status for _, status in seen)
        Away.down = False
        assert run(store, bridging_case()) == [(t, "written") for t in "abxc"]
    finally:
        store.close()


def test_an_ingest_stops_when_the_store_goes_away_and_a_rerun_finishes(tmp_path, write, fake):
    """The files after the outage are not read (each would wait for the server); a re-run stores them."""
    from graph.errors import StoreUnavailable
    from graph.store.sqlite import SQLiteStore
    from ingest import ingest_paths

    class Flaky(SQLiteStore):  # the real store behind a link that drops after two batches
        batches = 0
        down_after = 2

        def write_many(self, extractions, *, replace=False):
            Flaky.batches += 1
            if Flaky.batches > self.down_after:
                raise StoreUnavailable("cannot reach the store; run the same command again to finish")
            return super().write_many(extractions, replace=replace)

    for i in range(200):
        folder = write(f"case/{i:03d}.txt", f"Report {i}. Agent Number{i} met Jan Peeters at the Deurganck dock.").parent
    store = Flaky(f"sqlite:///{tmp_path / 'flaky.db'}")
    try:
        report = ingest_paths([folder], store, extractor=fake, progress=False)
        assert report.ingested == 128 and not report.ok  # two full batches of 64
        stopped = [reason for path, reason in report.failed if path == store.url]
        assert len(stopped) == 1 and "the ingest stopped there" in stopped[0]
        assert len(report.failed) == 1 + 64 and len(fake.seen) < 200  # the batch lost, nothing read after
        Flaky.down_after = 10**6
        again = ingest_paths([folder], store, extractor=fake, progress=False)
        assert again.ok and again.skipped == 128 and again.ingested == 72
        assert store.stats()["documents"] == 200
    finally:
        store.close()
