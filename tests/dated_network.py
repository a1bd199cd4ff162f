"""A small dated network over two documents of different grading and handling.

Anna -> Bert (call, 2 May 2023) -> Cas (meeting, 10 May) -> Dirk (calls on 1 April and 20 May):
a time-ordered path of three hops. Anna -> Eva (1 June) -> Dirk (1 January) is shorter but goes
back in time. The meeting and Dirk's calls come from a low-graded, confidential report.
"""

from __future__ import annotations

from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Relation

ANNA, BERT, CAS, DIRK, EVA, FRITZ = (entity_id("PERSON", n) for n in ("Anna Claes", "Bert Goossens", "Cas Wouters",
                                                                       "Dirk Jacobs", "Eva Smet", "Fritz Lenaerts"))
PHONE = entity_id("PHONE", "+32470999888", {"PHONE": "+32470999888"})


def _people(*ids: str) -> list[Entity]:
    names = {ANNA: "Anna Claes", BERT: "Bert Goossens", CAS: "Cas Wouters", DIRK: "Dirk Jacobs", EVA: "Eva Smet",
             FRITZ: "Fritz Lenaerts"}
    return [Entity(i, "PERSON", names[i]) for i in ids]


def _extraction(text: str, grading: str, handling: str,
                facts: list[tuple[str, str, str, str, str | None, str]]) -> Extraction:
    doc = Document(Document.id_for_bytes(text.encode()), text, title=grading, source=f"{grading}.txt",
                   date="2023-12-31", grading=grading, handling=handling)
    relations: dict[tuple[str, str, str], Relation] = {}
    for src, tgt, type_, sentence, when, method in facts:
        start = text.index(sentence)
        ev = Evidence(doc.doc_id, start, start + len(sentence), sentence, method, date=when)
        relations.setdefault((src, tgt, type_), Relation(src, tgt, type_)).evidence.append(ev)
    ids = sorted({x for s, t, *_ in facts for x in (s, t)})
    entities = [Entity(PHONE, "PHONE", "+32470999888", identifiers={"PHONE": "+32470999888"}) if i == PHONE
                else _people(i)[0] for i in ids]
    return Extraction(doc, entities, relations=list(relations.values()))


def dated_network() -> list[Extraction]:
    sure = ("On 2 May 2023 Anna Claes called Bert Goossens. Anna Claes met Eva Smet on 1 June 2023. "
            "Eva Smet phoned Dirk Jacobs on 1 January 2023. Anna Claes uses +32470999888. "
            "Anna Claes and Fritz Lenaerts were named together on 1 July 2023.")
    doubtful = ("On 10 May 2023 Bert Goossens met Cas Wouters. On 1 April 2023 Cas Wouters called Dirk Jacobs. "
                "On 20 May 2023 Cas Wouters called Dirk Jacobs again.")
    return [
        _extraction(sure, "A1", "PUBLIC", [
            (ANNA, BERT, "CONTACTED", "On 2 May 2023 Anna Claes called Bert Goossens.", "2023-05-02", "rule"),
            (ANNA, EVA, "ASSOCIATE_OF", "Anna Claes met Eva Smet on 1 June 2023.", "2023-06-01", "rule"),
            (EVA, DIRK, "CONTACTED", "Eva Smet phoned Dirk Jacobs on 1 January 2023.", "2023-01-01", "rule"),
            (ANNA, PHONE, "HAS_PHONE", "Anna Claes uses +32470999888.", None, "rule"),
            (ANNA, FRITZ, "CO_MENTIONED", "Anna Claes and Fritz Lenaerts were named together on 1 July 2023.",
             "2023-07-01", "cooccurrence"),
        ]),
        _extraction(doubtful, "E5", "CONFIDENTIAL", [
            (BERT, CAS, "ASSOCIATE_OF", "On 10 May 2023 Bert Goossens met Cas Wouters.", "2023-05-10", "rule"),
            (CAS, DIRK, "CONTACTED", "On 1 April 2023 Cas Wouters called Dirk Jacobs.", "2023-04-01", "rule"),
            (CAS, DIRK, "CONTACTED", "On 20 May 2023 Cas Wouters called Dirk Jacobs again.", "2023-05-20", "rule"),
        ]),
    ]
