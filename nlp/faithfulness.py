"""The faithfulness invariant of typed relations: the evidence shows both ends.

A typed relation is *faithful* when, for every piece of its evidence, the evidence sentence
contains a mention of each endpoint, or the relation records the reference it resolved there
("he", "the firm", a vessel named once at the top of a report) with the span of the antecedent,
and that antecedent is a mention of the same entity. A person mention with a given name never
stands for an entity whose given name contradicts it ("Gustaaf Moerman" is not "Hilde Moerman").

>>> from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
>>> text = "Ann Peeters works for Blauw BV."
>>> ex = Extraction(Document("d", text), [Entity("p", "PERSON", "Ann Peeters"), Entity("c", "COMPANY", "Blauw BV")],
...                 [Mention("p", "Ann Peeters", "PERSON", 0, 11), Mention("c", "Blauw BV", "COMPANY", 22, 30)], [],
...                 [Relation("p", "c", "EMPLOYED_BY", [Evidence("d", 0, 30, text)])])
>>> unfaithful(ex)
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.ids import fold
from graph.model import Extraction, Relation

__all__ = ["contradicts", "faithful_share", "unfaithful"]


# surname particles: "Ó Súilleabháin", "van den Berg", "El M." begin with no given name
_PARTICLES = frozenset("o mac mc ni nic ui van von de der den ter ten te le la du da di del el al ben bin abu".split())


def _given(name: str) -> str:
    words = [w for w in fold(name).replace(".", ". ").split() if w]
    return words[0] if len(words) >= 2 and words[0].rstrip(".'’") not in _PARTICLES else ""


def contradicts(mention: str, name: str) -> bool:
    """Whether the given names of a person ``mention`` and the entity ``name`` disagree.

    >>> contradicts("Gustaaf Moerman", "Hilde Moerman"), contradicts("G. Moerman", "Gustaaf Moerman")
    (True, False)
    >>> contradicts("Moerman", "Hilde Moerman"), contradicts("Ó Súilleabháin", "Declan Ó Súilleabháin")
    (False, False)
    """
    a, b = _given(mention), _given(name)
    if not a or not b or a == b:
        return False
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:  # an initial agrees with any name it begins
        return a[0] != b[0]
    return a != b and fold(mention).split()[-1] == fold(name).split()[-1]


def _sentence_span(text: str, sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where ``sentence`` stands in ``text`` around the evidence span ``start:end``."""
    if not sentence:
        return start, end
    pos = text.find(sentence, max(0, end - len(sentence)))
    while 0 <= pos <= start:
        if pos + len(sentence) >= end:
            return pos, pos + len(sentence)
        pos = text.find(sentence, pos + 1)
    return start, end


def unfaithful(extraction: Extraction) -> list[tuple[Relation, str]]:
    """The typed relations of ``extraction`` that break the invariant, each with the reason."""
    text = extraction.document.text
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for m in extraction.mentions:
        spans[m.entity_id].append((m.start, m.end, m.text))
    for i in extraction.identifiers:
        if i.entity_id:
            spans[i.entity_id].append((i.start, i.end, i.text))
    entities = {e.entity_id: e for e in extraction.entities}
    out = []
    for rel in extraction.relations:
        if rel.type == "CO_MENTIONED":
            continue
        resolved = {(r["entity_id"], tuple(r["antecedent"])) for r in rel.properties.get("resolved", [])}
        reason = ""
        for ev in rel.evidence:
            lo, hi = _sentence_span(text, ev.sentence, ev.start, ev.end)
            for end in (rel.source, rel.target):
                entity = entities.get(end)
                inside = [(s, e, t) for s, e, t in spans[end] if lo <= s and e <= hi]
                if entity is not None and entity.type == "PERSON":
                    bad = [t for _s, _e, t in inside if contradicts(t, entity.name)]
                    if bad:
                        reason = f"{bad[0]!r} is not {entity.name!r}"
                        break
                if inside:
                    continue
                if any((end, (s, e)) in resolved for s, e, _t in spans[end]):
                    continue
                reason = f"no mention of {entity.name if entity else end!r} in {ev.sentence[:80]!r}"
                break
            if reason:
                break
        if reason:
            out.append((rel, reason))
    return out


def faithful_share(extractions: Iterable[Extraction]) -> tuple[int, int]:
    """``(faithful, typed)``: how many typed relations keep the invariant, out of how many."""
    good = total = 0
    for ex in extractions:
        typed = sum(r.type != "CO_MENTIONED" for r in ex.relations)
        total += typed
        good += typed - len(unfaithful(ex))
    return good, total
