"""Blocking: an in-memory index of known entities by cheap keys, so each new mention is compared
with a handful of candidates instead of the whole store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.ids import fold
from graph.resolution.features import Record
from graph.resolution.normalize import acronym, company_name, person_name, vessel_name

MAX_BLOCK = 200  # a key shared by more entities than this is too common to help ("peeters")


def blocking_keys(type_: str, name: str) -> set[str]:
    """Keys under which an entity of ``type_`` called ``name`` is filed."""
    if type_ == "PERSON":
        p = person_name(name)
        if not p.surname:
            return set()
        keys = {"s:" + p.surname_key}
        if p.given_initials:
            keys.add(f"si:{p.surname_key}:{p.given_initials[0]}")
        return keys
    if type_ == "COMPANY":
        c = company_name(name)
        words = c.core.split()
        keys = {"c:" + c.core} if c.core else set()
        if words:
            keys.add("c1:" + words[0])
            keys.add("ca:" + acronym(c.core))
            if len(words) == 1:
                keys.add("ca:" + words[0])
        return keys
    if type_ == "VESSEL":
        return {"v:" + vessel_name(name)}
    folded = fold(name)
    return {"n:" + folded} if folded else set()


class BlockingIndex:
    """Entity records filed by type and blocking key; identifiers indexed for hard-key matches."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self._blocks: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._identifiers: dict[tuple[str, str, str], str] = {}

    def __len__(self) -> int:
        return len(self.records)

    def add(self, record: Record) -> None:
        known = self.records.get(record.entity_id)
        if known is not None:
            known.names.extend(n for n in record.names if n not in known.names)
            known.identifiers.update({k: v for k, v in record.identifiers.items() if k not in known.identifiers})
            known.neighbours |= record.neighbours
            record = known
        else:
            self.records[record.entity_id] = record
        for name in record.names:
            for key in blocking_keys(record.type, name):
                self._blocks[(record.type, key)].add(record.entity_id)
        for scheme, value in record.identifiers.items():
            self._identifiers.setdefault((record.type, scheme, value), record.entity_id)

    def add_all(self, records: Iterable[Record]) -> None:
        for record in records:
            self.add(record)

    def by_identifier(self, record: Record) -> str | None:
        for scheme, value in record.identifiers.items():
            found = self._identifiers.get((record.type, scheme, value))
            if found and found != record.entity_id:
                return found
        return None

    def candidates(self, record: Record) -> list[Record]:
        """Known records of the same type sharing a blocking key, most keys shared first."""
        hits: dict[str, int] = defaultdict(int)
        for name in record.names:
            for key in blocking_keys(record.type, name):
                block = self._blocks.get((record.type, key), ())
                if len(block) > MAX_BLOCK and not key.startswith(("si:", "c:", "v:")):
                    continue
                for eid in block:
                    if eid != record.entity_id:
                        hits[eid] += 1
        ranked = sorted(hits, key=lambda e: (-hits[e], e))
        return [self.records[e] for e in ranked[:50]]
