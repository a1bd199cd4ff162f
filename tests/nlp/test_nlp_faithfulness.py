"""The faithfulness invariant: a typed relation's evidence sentence shows both of its ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from nlp import Extractor
from nlp.faithfulness import contradicts, faithful_share, unfaithful

DEV = Path(__file__).resolve().parents[1] / "data" / "extraction"
DEV_TEXTS = sorted(p for lang in ("en", "fr", "nl") for p in (DEV / lang).glob("*.txt"))


def test_every_dev_text_keeps_the_invariant(extractor: Extractor) -> None:
    assert len(DEV_TEXTS) >= 40
    docs = [Document(doc_id=p.stem, text=p.read_text(encoding="utf-8"), lang="") for p in DEV_TEXTS]
    broken = []
    typed = 0
    for ex in extractor.pipe(docs):
        typed += sum(r.type != "CO_MENTIONED" for r in ex.relations)
        broken += [(ex.document.doc_id, r.type, why) for r, why in unfaithful(ex)]
    assert typed > 100
    assert broken == []


def _extraction(mention_text: str, entity_name: str, resolved: bool = False) -> Extraction:
    text = f"{mention_text} works for Blauw BV. He drives."
    firm = text.index("Blauw BV")
    person = Entity("p", "PERSON", entity_name)
    props = {"resolved": [{"entity_id": "p", "antecedent": [0, len(mention_text)], "reference": [36, 38]}]}
    evidence = Evidence("d", 36, firm + 8, "He drives.") if resolved else Evidence("d", 0, firm + 8, text[:firm + 9])
    return Extraction(Document("d", text), [person, Entity("c", "COMPANY", "Blauw BV")],
                      [Mention("p", mention_text, "PERSON", 0, len(mention_text)),
                       Mention("c", "Blauw BV", "COMPANY", firm, firm + 8)], [],
                      [Relation("p", "c", "EMPLOYED_BY", [evidence], props if resolved else {})])


def test_a_contradicting_given_name_or_a_missing_end_is_caught() -> None:
    assert unfaithful(_extraction("Hilde Moerman", "Hilde Moerman")) == []
    assert "is not 'Hilde Moerman'" in unfaithful(_extraction("Gustaaf Moerman", "Hilde Moerman"))[0][1]
    assert contradicts("Gustaaf Moerman", "Hilde Moerman") and not contradicts("Moerman", "Hilde Moerman")
    assert not contradicts("H. Moerman", "Hilde Moerman") and contradicts("G. Moerman", "Hilde Moerman")
    # the evidence sentence "He drives." names neither end: faithful only with the recorded antecedent
    ex = _extraction("Hilde Moerman", "Hilde Moerman", resolved=True)
    bare = Extraction(ex.document, ex.entities, ex.mentions, [],
                      [Relation("p", "c", "EMPLOYED_BY", ex.relations[0].evidence)])
    assert len(unfaithful(bare)) == 1
    assert faithful_share([bare]) == (0, 1)


@pytest.mark.parametrize("text", [
    "Hilde Moerman runs Blauwhoeve Logistics BV. Her brother Gustaaf Moerman was employed by Kaaiveld NV.",
    "Jan Peeters is the director of Scheldt Forwarding NV. He was employed by Kaaiveld NV until 2020.",
])
def test_pronouns_record_their_antecedent(run, text: str) -> None:
    ex = run(text, lang="en")
    assert unfaithful(ex) == []
    assert any(rel.properties.get("resolved") for rel in ex.relations if rel.type != "CO_MENTIONED")
    names = {e.entity_id: e.name for e in ex.entities}
    assert "Gustaaf Moerman" not in {names[m.entity_id] for m in ex.mentions if m.text == "Hilde Moerman"}
    for rel in ex.relations:
        for ref in rel.properties.get("resolved", []):
            a, b = ref["antecedent"]
            assert names[ref["entity_id"]] in ex.document.text[a:b] or ex.document.text[a:b] in names[ref["entity_id"]]


def test_an_unknown_given_name_before_a_known_surname_is_a_new_person(run) -> None:
    text = "Hilde Moerman runs Blauwhoeve Logistics BV. Zephyrin Moerman werkte voor Kaaiveld NV."
    ex = run(text, lang="nl")
    names = {e.entity_id: e.name for e in ex.entities}
    employed = {(names[r.source], names[r.target]) for r in ex.relations if r.type == "EMPLOYED_BY"}
    assert employed == {("Zephyrin Moerman", "Kaaiveld NV")}
    assert unfaithful(ex) == []
