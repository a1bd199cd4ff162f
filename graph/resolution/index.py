"""Blocking: an in-memory index of known entities by cheap keys, so each new mention is compared
with a handful of candidates instead of the whole store.

Exact keys (given name + surname, surname + initial, company core, vessel name) always count;
broad keys that survive one typo (first or last three letters of a surname with the given name or
initial, first word of a firm) are skipped when too many entities share them. An entity is filed
under ``blocking_keys`` and looked up with ``query_keys``.

>>> sorted(k for k in blocking_keys("PERSON", "PEETERS Jan") if not k.startswith("fd:"))
['fs:jan:peeters', 's:peeters', 'si:peeters:j']
>>> "fd:jan:peters" in blocking_keys("PERSON", "PEETERS Jan") & blocking_keys("PERSON", "Jan Peteers")
True
>>> sorted(k for k, _ in query_keys("PERSON", "J. Peeters"))
['is:peeters:j', 'si:peeters:j']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from graph.resolution.features import Record
from graph.resolution.normalize import (
    PARSE_CACHE_SIZE,
    acronym,
    company_name,
    org_core,
    person_name,
    vessel_name,
)

MAX_BLOCK = 200  # a broad key shared by more entities than this is too common to help ("pee:j")
MAX_BROAD_PERSON = 50  # the same, for the keys that survive a typo in a surname ("jan" + "van...")
MAX_CANDIDATES = 20
EXACT = ("s:", "si:", "is:", "fs:", "c:", "v:", "n:", "nw:")


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def deletions(word: str) -> frozenset[str]:
    """The word and the word without each one of its letters: two words one slip apart (a letter
    added, dropped, changed or two swapped) share one of these."""
    if len(word) < 4:
        return frozenset((word,))
    return frozenset([word] + [word[:i] + word[i + 1:] for i in range(len(word))])


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def blocking_keys(type_: str, name: str) -> frozenset[str]:
    """Keys under which an entity of ``type_`` called ``name`` is filed."""
    keys: set[str] = set()
    if type_ == "PERSON":
        p = person_name(name)
        if not p.surname:
            return frozenset()
        key = p.surname_key
        keys.add("s:" + key)
        if p.first:  # found by the same given name (also with one slip in the surname), or by its initial
            first, initial = p.first[0], p.given_initials[0]
            keys.update((f"fs:{first}:{key}", f"si:{key}:{initial}"))
            keys.update(f"fd:{first}:{d}" for d in deletions(key.replace(" ", "")))
        elif p.initials:
            keys.add(f"is:{key}:{p.initials[0]}")
    elif type_ == "COMPANY":
        core = company_name(name).core
        words = core.split()
        if words:
            keys.update(("c:" + core, "c1:" + words[0], "cp:" + core.replace(" ", "")[:4]))
            keys.add("ca:" + (acronym(core) if len(words) > 1 else words[0]))
            if len(words) > 1:
                keys.add("c2:" + words[1])
    elif type_ == "VESSEL":
        v = vessel_name(name)
        if v:
            flat = v.replace(" ", "")
            keys.update(("v:" + v, f"vx:{flat[:3]}{flat[-3:]}"))
    else:
        g = org_core(name)
        if g:
            words = g.split()
            keys.update(("n:" + g, "nw:" + " ".join(sorted(words))))
            keys.update("n+:" + w for w in words if len(w) >= 4)
    return frozenset(keys)


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def query_keys(type_: str, name: str) -> frozenset[tuple[str, bool]]:
    """Keys looked up to find the candidates of ``name``, each with whether it is exact.

    "Jan Peeters" looks for the same given name (also with a slip in the surname) and for
    "J. Peeters"; never for Joris Peeters, whose given name rules him out. "J. Peeters" looks for
    every Peeters with a J. A firm named by an acronym ("ZL bvba") looks for the firms it abbreviates.
    """
    if type_ == "PERSON":
        p = person_name(name)
        if not p.surname or p.surname_only:
            return frozenset()
        key = p.surname_key
        if p.first:
            first, initial = p.first[0], p.given_initials[0]
            wanted = {f"fs:{first}:{key}", f"is:{key}:{initial}"}
            wanted.update(f"fd:{first}:{d}" for d in deletions(key.replace(" ", "")))
        else:
            initial = p.initials[0]
            wanted = {f"si:{key}:{initial}", f"is:{key}:{initial}"}
        return frozenset((k, k.startswith(EXACT)) for k in wanted)
    single = type_ == "COMPANY" and " " not in company_name(name).core
    return frozenset((k, k.startswith(EXACT) or (single and k.startswith("ca:")))
                     for k in blocking_keys(type_, name))


def pool(known: Record, record: Record) -> list[str]:
    """Add what ``record`` knows to the ``known`` record of the same id (names, identifiers and properties
    not yet there, neighbours); returns the names that were new."""
    new_names = [n for n in record.names if n not in known.names]
    known.names.extend(new_names)
    known.identifiers.update({k: v for k, v in record.identifiers.items() if k not in known.identifiers})
    known.properties.update({k: v for k, v in record.properties.items() if k not in known.properties})
    known.neighbours |= record.neighbours
    return new_names


class BlockingIndex:
    """Entity records filed by type and blocking key; identifiers indexed for hard-key matches."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.redirect: dict[str, str] = {}  # merged entity -> the entity that absorbed it
        self._blocks: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._identifiers: dict[tuple[str, str, str], str] = {}

    def __len__(self) -> int:
        return len(self.records)

    def get(self, entity_id: str) -> Record | None:
        return self.records.get(self._final(entity_id))

    def _final(self, entity_id: str) -> str:
        seen = set()
        while entity_id in self.redirect and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.redirect[entity_id]
        return entity_id

    def add(self, record: Record) -> Record:
        """File ``record`` (or pool it into the known record with its id); returns the filed record."""
        known = self.get(record.entity_id)
        new_names = record.names
        if known is not None:
            new_names = pool(known, record)
            record = known
        else:
            self.records[record.entity_id] = record
        for name in new_names:
            for key in blocking_keys(record.type, name):
                self._blocks[(record.type, key)].add(record.entity_id)
        for scheme, value in record.identifiers.items():
            self._identifiers.setdefault((record.type, scheme, value), record.entity_id)
        return record

    def add_all(self, records: Iterable[Record]) -> None:
        for record in records:
            self.add(record)

    def absorb(self, drop: str, keep: str) -> None:
        """``drop`` was merged into ``keep``: one record from now on, found under either's keys."""
        drop, keep = self._final(drop), self._final(keep)
        if drop == keep or drop not in self.records:
            return
        old = self.records.pop(drop)
        self.redirect[drop] = keep
        if keep in self.records:
            self.add(Record(keep, old.type, old.names, old.identifiers, old.properties, old.neighbours))
        else:
            self.records[keep] = Record(keep, old.type, old.names, old.identifiers, old.properties, old.neighbours)

    def by_identifier(self, record: Record) -> str | None:
        for scheme, value in record.identifiers.items():
            found = self._identifiers.get((record.type, scheme, value))
            if found is not None:
                found = self._final(found)
                if found != record.entity_id:
                    return found
        return None

    def candidates(self, record: Record) -> list[Record]:
        """Known records of the same type sharing a blocking key, most keys shared first; apart from
        people, one shared broad key ("logistics") is not enough."""
        hits: dict[str, int] = defaultdict(int)
        exact: set[str] = set()
        keys: set[tuple[str, bool]] = set()
        for name in record.names:
            keys |= query_keys(record.type, name)
        broad_limit = MAX_BROAD_PERSON if record.type == "PERSON" else MAX_BLOCK
        for key, is_exact in keys:
            block = self._blocks.get((record.type, key), ())
            if len(block) > broad_limit and not is_exact:
                continue
            for eid in block:
                hits[eid] += 1
            if is_exact:
                exact.update(block)
        if record.type != "PERSON":
            hits = {e: n for e, n in hits.items() if n >= 2 or e in exact}
        if self.redirect:
            merged: dict[str, int] = defaultdict(int)
            for eid, n in hits.items():
                merged[self._final(eid)] += n
            hits = merged
        hits.pop(record.entity_id, None)
        ranked = sorted(hits, key=lambda e: (-hits[e], e))[:MAX_CANDIDATES]
        return [self.records[e] for e in ranked if e in self.records]
