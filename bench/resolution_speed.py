"""Entity-resolution throughput: 100,000 mentions into a store that already holds 50,000 entities.

    python bench/resolution_speed.py [--size small|full] [--profile]

Builds a throw-away SQLite store of made-up people (surnames drawn from a long-tailed list, so
common surnames make big blocks), firms and vessels with phones and employers, then times
``Resolver(store)`` (loading the index) plus resolving the new documents (about ten mentions
each: half known entities written another way, half new names; decisions are saved). Writing the
resolved documents is the ingest pipeline's cost and is not counted.

The same run resolves a 5,000-mention sample twice from an empty index, once with blocking and
once comparing every mention with every entity of its type ("all pairs"), with the same features.
Targets: under 60 s, at least 20x faster than all pairs. The last line is JSON
(``seconds_100k_mentions``, ``speedup_vs_all_pairs``).

``--index both`` resolves the same documents again into a copy of the same store with the index kept
on disk (``Resolver(index="disk")``), checks that it takes the same decisions, and adds
``disk_vs_memory`` (its time, load included, over the in-memory run's; the same for the sample:
``disk_vs_memory_sample``) and the disk index's cache reads and writes. ``--index disk`` times
only the disk index.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.ids import entity_id  # noqa: E402
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation  # noqa: E402
from graph.resolution import Resolver  # noqa: E402
from graph.resolution.features import Record  # noqa: E402
from graph.resolution.index import BlockingIndex  # noqa: E402
from graph.store import open_store  # noqa: E402

SIZES = {"full": (50_000, 100_000, 5_000), "small": (5_000, 10_000, 1_000)}
SYLLABLES = ["van", "der", "ber", "ghe", "mans", "sen", "ters", "cke", "aer", "bo", "gaert", "de", "wit", "laer",
             "hout", "ver", "stra", "ten", "ma", "kers", "mo", "rel", "ha", "dou", "chi", "bel", "ka", "ri", "mi",
             "lo", "zi", "ani", "ouar", "di", "ste", "vens", "goo", "ssens", "lam", "brecht", "ruy", "ssen", "pe"]
FIRST = ["Jan", "Joris", "Pieter", "Bart", "Koen", "Wouter", "Tom", "Dirk", "Geert", "Kristof", "Annelies", "Sofie",
         "Griet", "Katrien", "Jeroen", "Bas", "Ruud", "Niels", "Thijs", "Femke", "Ilse", "Esther", "Mohamed",
         "Youssef", "Karim", "Bilal", "Hamza", "Nabil", "Samir", "Rachid", "Nadia", "Imane", "Jérôme", "Benoît",
         "Hélène", "Cédric", "Olivier", "Mathieu", "Julien", "José", "Andrés", "Rubén", "Lucía", "Mehmet", "Emre",
         "Özlem", "Lars", "Sven", "Ana", "Marco", "Luca", "Giulia", "Elena", "Ivan", "Olga", "Piotr", "Anna"]
TRADES = ["Logistics", "Shipping", "Transport", "Trading", "Expeditie", "Holding", "Services", "Import", "Reefer"]
FORMS = ["NV", "BV", "BVBA", "SA", "SARL", "Ltd", "GmbH", "S.A."]


class AllPairsIndex(BlockingIndex):
    """No blocking: every known entity of the same type is a candidate."""

    def candidates(self, record: Record) -> list[Record]:
        return [r for eid, r in self.records.items() if r.type == record.type and eid != record.entity_id]


class Population:
    def __init__(self, rng: random.Random, n_surnames: int) -> None:
        self.rng = rng
        surnames: set[str] = set()
        while len(surnames) < n_surnames:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 2, 3]))).capitalize()
            surnames.add(("Van " + word) if rng.random() < 0.08 else word)
        self.surnames = sorted(surnames)
        rng.shuffle(self.surnames)
        # long-tailed, like real surnames: the commonest is about 1% of people (Peeters in Belgium: 0.3%)
        self.weights = [1.0 / (1 + i) ** 0.6 for i in range(len(self.surnames))]

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choices(self.surnames, self.weights)[0]}"

    def company(self) -> str:
        words = "".join(self.rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        return f"{words} {self.rng.choice(TRADES)} {self.rng.choice(FORMS)}"

    def vessel(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(2)).capitalize() + " " + \
            self.rng.choice(["Star", "Trader", "Spirit", "Express", "Pioneer", "Horizon"])

    def variant(self, type_: str, name: str) -> str:
        """The same entity as another document writes it."""
        r = self.rng.random()
        if type_ == "PERSON":
            first, _, last = name.partition(" ")
            if r < 0.15:
                return f"{last.upper()} {first}"
            if r < 0.25:
                return f"{first[0]}. {last}"
            if r < 0.3:
                return f"Mr {name}"
        elif type_ == "COMPANY" and r < 0.3:
            return name.rsplit(" ", 1)[0]
        elif type_ == "VESSEL" and r < 0.3:
            return "MV " + name
        return name


def document(key: str, mentions: list[tuple[str, str, str | None]]) -> Extraction:
    """One extraction: (type, name, phone or None) per mention; a person's phone becomes HAS_PHONE."""
    text = " ; ".join(name for _, name, _ in mentions)
    doc = Document(doc_id=hashlib.sha256(key.encode()).hexdigest(), text=text, title=key, source=key)
    entities: dict[str, Entity] = {}
    spans, relations = [], []
    offset = 0
    ev = [Evidence(doc.doc_id, 0, 1, "", "rule", "bench")]
    for type_, name, phone in mentions:
        eid = entity_id(type_, name)
        entities.setdefault(eid, Entity(eid, type_, name))
        spans.append(Mention(eid, name, type_, offset, offset + len(name), doc.doc_id))
        offset += len(name) + 3
        if phone:
            pid = entity_id("PHONE", phone, {"PHONE": phone})
            entities.setdefault(pid, Entity(pid, "PHONE", phone, identifiers={"PHONE": phone}))
            relations.append(Relation(eid, pid, "HAS_PHONE", list(ev)))
    return Extraction(document=doc, entities=list(entities.values()), mentions=spans, relations=relations)


def make_docs(pop: Population, prefix: str, n_mentions: int, known: list[tuple[str, str, str]],
              fresh_share: float) -> list[Extraction]:
    rng, docs, batch = pop.rng, [], []
    types = [("PERSON", 0.6), ("COMPANY", 0.3), ("VESSEL", 0.1)]
    for i in range(n_mentions):
        if known and rng.random() > fresh_share:
            type_, name, phone = rng.choice(known)
            mention = (type_, pop.variant(type_, name), phone if rng.random() < 0.3 else None)
        else:
            type_ = rng.choices([t for t, _ in types], [w for _, w in types])[0]
            name = {"PERSON": pop.person, "COMPANY": pop.company, "VESSEL": pop.vessel}[type_]()
            phone = f"+3247{rng.randrange(10**7):07d}" if type_ == "PERSON" and rng.random() < 0.4 else None
            mention = (type_, name, phone)
        batch.append(mention)
        if len(batch) == 10 or i == n_mentions - 1:
            docs.append(document(f"{prefix}-{len(docs)}", batch))
            batch = []
    return docs


def preload(store: object, pop: Population, n_entities: int) -> list[tuple[str, str, str]]:
    """Write documents until the store holds ``n_entities`` people, firms and vessels (or a few more)."""
    docs = make_docs(pop, "known", n_entities * 107 // 100, [], 1.0)  # some names come up twice
    resolver = Resolver(None, match=False)
    store.write_many([resolver.resolve(d) for d in docs])  # type: ignore[attr-defined]
    known = []
    for d in docs:
        phones = {r.source: r.target.split(":", 1)[1] for r in d.relations}
        known.extend((e.type, e.name, phones.get(e.entity_id)) for e in d.entities if e.type != "PHONE")
    return known


def timed_resolve(docs: list[Extraction], resolver: Resolver) -> float:
    start = time.perf_counter()
    for d in docs:
        resolver.resolve(d)
    return time.perf_counter() - start


def timed_run(url: str, docs: list[Extraction], index: str, profile: bool) -> dict:
    """Load a resolver on the store at ``url`` and resolve ``docs``; times, decisions, index figures."""
    store = open_store(url)
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    start, cpu = time.perf_counter(), time.process_time()
    resolver = Resolver(store, index=index)
    load = time.perf_counter() - start
    indexed = len(resolver.index)
    timed_resolve(docs, resolver)
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    cache = {k: getattr(resolver.index, k) for k in ("reads", "writes", "peak_cached", "cache_records")
             if hasattr(resolver.index, k)}
    resolver.close()
    store.close()
    return {"load": load, "indexed": indexed, "total": total, "cpu": cpu, "cache": cache,
            "decisions": [(d["kind"], d["a"], d["b"], d["score"]) for d in resolver.new_decisions]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions")
    parser.add_argument("--index", choices=["memory", "disk", "both"], default="memory",
                        help="the blocking index to time; both: memory, then disk on a copy of the store")
    args = parser.parse_args()
    indexes = ["memory", "disk"] if args.index == "both" else [args.index]
    n_entities, n_mentions, n_sample = SIZES[args.size]
    pop = Population(random.Random(6), n_surnames=max(2000, n_entities // 3))
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'speed.db'}")
        t0 = time.perf_counter()
        known = preload(store, pop, n_entities)
        setup = time.perf_counter() - t0
        store.close()
        for index in indexes:  # each on its own copy: a run stores its decisions
            shutil.copy(Path(tmp) / "speed.db", Path(tmp) / f"{index}.db")
        docs = make_docs(pop, "new", n_mentions, known, 0.5)
        for index in indexes:
            runs[index] = timed_run(f"sqlite:///{Path(tmp) / f'{index}.db'}", docs, index, args.profile)
    first = runs[indexes[0]]
    total, cpu, load, indexed = first["total"], first["cpu"], first["load"], first["indexed"]
    decisions = {k: sum(d[0] == k for d in first["decisions"]) for k in ("merge", "distinct", "candidate")}
    small = Population(random.Random(7), 2000)
    seen = [(t, n, p) for d in make_docs(small, "seen", n_sample // 2, [], 1.0)
            for t, n, p in ((e.type, e.name, None) for e in d.entities) if t != "PHONE"]
    sample = make_docs(small, "sample", n_sample, seen, 0.5)
    fast, naive_resolver = Resolver(None, index=indexes[0]), Resolver(None)
    naive_resolver.index = AllPairsIndex()
    blocked = timed_resolve(sample, fast)
    naive = timed_resolve(sample, naive_resolver)
    merged_by = {k: {(d["a"], d["b"]) for d in r.new_decisions if d["kind"] == "merge"}
                 for k, r in (("blocked", fast), ("naive", naive_resolver))}
    agree = len(merged_by["blocked"] & merged_by["naive"]) / max(1, len(merged_by["naive"]))
    print(f"store: {indexed} people, firms and vessels ({setup:.1f} s to build); index loaded in {load:.2f} s "
          f"({indexes[0]})")
    print(f"{n_mentions} mentions in {len(docs)} documents resolved in {total:.2f} s, {cpu:.2f} s of CPU "
          f"({n_mentions / total:,.0f} mentions/s); decisions: {decisions}")
    print(f"sample of {n_sample} mentions: blocked {blocked:.2f} s, all pairs {naive:.2f} s; "
          f"{agree:.1%} of the all-pairs merges also made with blocking")
    out = {"seconds_100k_mentions": round(total * 100_000 / n_mentions, 2),
           "speedup_vs_all_pairs": round(naive / blocked, 1), "load_seconds": round(load, 2),
           "cpu_seconds": round(cpu * 100_000 / n_mentions, 2), "blocking_recall": round(agree, 4),
           "mentions": n_mentions, "store_entities": indexed, "size": args.size, "index": args.index}
    if args.index == "both":
        disk = runs["disk"]
        on_disk = Resolver(None, index="disk")
        blocked_disk = timed_resolve(sample, on_disk)
        same_sample = [(d["kind"], d["a"], d["b"], d["score"]) for d in on_disk.new_decisions] == \
            [(d["kind"], d["a"], d["b"], d["score"]) for d in fast.new_decisions]
        on_disk.close()
        print(f"disk index: {disk['total']:.2f} s (load {disk['load']:.2f} s), {disk['cpu']:.2f} s of CPU; "
              f"same decisions: {disk['decisions'] == first['decisions']}; cache: {disk['cache']}; "
              f"sample {blocked_disk:.2f} s, same decisions: {same_sample}")
        out.update(disk_vs_memory=round(disk["total"] / total, 2), disk_vs_memory_cpu=round(disk["cpu"] / cpu, 2),
                   disk_vs_memory_load=round(disk["load"] / load, 2),
                   disk_vs_memory_sample=round(blocked_disk / blocked, 2),
                   disk_same_decisions=disk["decisions"] == first["decisions"] and same_sample,
                   disk_cache=disk["cache"])
    out["load_average"] = round(os.getloadavg()[0], 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
