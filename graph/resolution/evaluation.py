"""Measure resolution on labelled mentions: pairwise precision, recall and F1.

A labelled mention is a dict with ``mention_id``, ``doc``, ``type``, ``text``, ``cluster`` (the true
entity) and optional ``identifiers``, ``properties`` and ``neighbours`` (mention ids of the same
document, or ``SCHEME:value`` of a phone, e-mail, IBAN or address). Each document becomes an
:class:`~graph.model.Extraction`, is resolved against everything resolved before it and written to
the store; a mention's prediction is the entity it ends up in after all decisions.

>>> pairwise({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "x"})["precision"]
0.3333
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from graph.resolution.normalize import name_fold
from graph.resolution.resolver import Resolver
from graph.schema import SCHEMA

#: ``SCHEME:value`` neighbour -> (node type, identifier scheme or None, relation type)
NEIGHBOUR_NODES = {
    "PHONE": ("PHONE", "PHONE", "HAS_PHONE"),
    "EMAIL": ("EMAIL", "EMAIL", "HAS_EMAIL"),
    "IBAN": ("BANK_ACCOUNT", "IBAN", "HAS_ACCOUNT"),
    "ADDRESS": ("ADDRESS", None, "HAS_ADDRESS"),
}
#: relation used between two labelled mentions of a document, by their types
LINKS = {("PERSON", "COMPANY"): "EMPLOYED_BY", ("COMPANY", "VESSEL"): "OPERATES",
         ("PERSON", "ORGANIZATION"): "MEMBER_OF", ("PERSON", "PERSON"): "ASSOCIATE_OF",
         ("COMPANY", "COMPANY"): "ASSOCIATE_OF"}


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise(truth: dict[str, Hashable], predicted: dict[str, Hashable]) -> dict[str, Any]:
    """Pairwise scores of a predicted clustering against the true one (same keys)."""
    both = Counter((truth[k], predicted[k]) for k in truth)
    tp = _pairs(both.values())
    pred = _pairs(Counter(predicted[k] for k in truth).values())
    true = _pairs(Counter(truth.values()).values())
    precision = tp / pred if pred else 1.0
    recall = tp / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "true_pairs": true, "predicted_pairs": pred, "correct_pairs": tp}


def group_documents(mentions: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Mentions grouped by document, documents in order of first appearance."""
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        docs[m["doc"]].append(m)
    return list(docs.items())


def to_extraction(doc: str, mentions: list[dict[str, Any]]) -> Extraction:
    """One document's labelled mentions as an extraction (one entity per distinct id, spans made up)."""
    text = " ; ".join(m["text"] for m in mentions)
    document = Document(doc_id=hashlib.sha256(doc.encode()).hexdigest(), text=text, title=doc, source=doc,
                        lang=mentions[0].get("lang") or "en")
    entities: dict[str, Entity] = {}
    spans: list[Mention] = []
    ids: dict[str, str] = {}
    offset = 0
    for m in mentions:
        idents = dict(m.get("identifiers") or {})
        eid = entity_id(m["type"], m["text"], idents)
        ids[m["mention_id"]] = eid
        known = entities.get(eid)
        if known is None:
            entities[eid] = Entity(eid, m["type"], m["text"], [], idents, dict(m.get("properties") or {}))
        else:
            if m["text"] != known.name and m["text"] not in known.aliases:
                known.aliases.append(m["text"])
            known.identifiers.update(idents)
            known.properties.update(m.get("properties") or {})
        spans.append(Mention(eid, m["text"], m["type"], offset, offset + len(m["text"]), document.doc_id))
        offset += len(m["text"]) + 3
    relations: dict[tuple[str, str, str], Relation] = {}
    evidence = [Evidence(document.doc_id, 0, len(text), text[:200], "rule", "evaluation")]
    for m in mentions:
        source = ids[m["mention_id"]]
        for n in m.get("neighbours") or []:
            if n in ids:
                target, type_ = ids[n], LINKS.get((m["type"], entities[ids[n]].type), "ASSOCIATE_OF")
                if not SCHEMA.relation(type_).allows(m["type"], entities[target].type):
                    continue
            else:
                scheme, _, value = n.partition(":")
                node_type, ident, type_ = NEIGHBOUR_NODES[scheme]
                node_ids = {ident: value} if ident else {}
                target = entity_id(node_type, value, node_ids)
                entities.setdefault(target, Entity(target, node_type, value, [], node_ids))
            if target != source:
                relations.setdefault((source, type_, target), Relation(source, target, type_, list(evidence)))
    return Extraction(document=document, entities=list(entities.values()), mentions=spans,
                      relations=list(relations.values()))


def run(mentions: list[dict[str, Any]], store: Any, index: str = "memory") -> dict[str, str]:
    """Resolve the labelled documents in order into ``store``; the final entity id of every mention.
    ``index``: the resolver's blocking index (``Resolver(index=...)``)."""
    resolver = Resolver(store, index=index)
    assigned: dict[str, str] = {}
    for doc, rows in group_documents(mentions):
        resolved = resolver.resolve(to_extraction(doc, rows))
        store.write(resolved)
        for row, mention in zip(rows, resolved.mentions, strict=True):
            assigned[row["mention_id"]] = mention.entity_id
    return {mid: resolver.canonical(eid) for mid, eid in assigned.items()}


def evaluate(mentions: list[dict[str, Any]], store: Any, index: str = "memory") -> dict[str, Any]:
    """Overall, per-type and per-source pairwise scores, and the final entity of each mention."""
    predicted = run(mentions, store, index)
    truth = {m["mention_id"]: m["cluster"] for m in mentions}
    report = pairwise(truth, predicted)
    for field in ("type", "source"):
        report[f"by_{field}"] = {}
        for value in sorted({m[field] for m in mentions if field in m}):
            keys = [m["mention_id"] for m in mentions if m.get(field) == value]
            report[f"by_{field}"][value] = pairwise({k: truth[k] for k in keys}, {k: predicted[k] for k in keys})
    report.update(mentions=len(mentions), true_entities=len(set(truth.values())),
                  predicted_entities=len(set(predicted.values())), predicted=predicted)
    return report


def errors(mentions: list[dict[str, Any]], predicted: dict[str, str], limit: int | None = 20,
           docs: str = "") -> dict[str, list[str]]:
    """False merges (predicted entities holding several true ones) and missed merges (true entities
    split over several predicted ones), the most wrong or missed pairs first, each with its mentions
    as ``text @ document``. ``limit``: how many of each (None: all); ``docs``: only errors with a
    mention in a document whose key starts with it ("dev8_").

    A false merge whose true entities share a surface form (two labels for "NCA", or for "rechtbank
    Rotterdam" and "Rechtbank Rotterdam"), or whose labels differ only in case, is marked ``[same text under two labels]``: the labels may
    be what is wrong, not the merge (never for people: two people of one name are namesakes).
    """
    by_id = {m["mention_id"]: m for m in mentions}
    pred_groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    true_groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mid, eid in predicted.items():
        pred_groups[eid].append(by_id[mid])
        true_groups[by_id[mid]["cluster"]].append(by_id[mid])

    def wanted(rows: list[dict[str, Any]]) -> bool:
        return not docs or any(r["doc"].startswith(docs) for r in rows)

    def parts(rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            out[key(r)].append(r)
        return out

    def cross_pairs(groups: dict[str, list[dict[str, Any]]]) -> int:
        sizes = [len(v) for v in groups.values()]
        return (sum(sizes) ** 2 - sum(n * n for n in sizes)) // 2

    def show(groups: dict[str, list[dict[str, Any]]]) -> list[str]:
        return [f"    {k}: " + "; ".join(sorted(f"{r['text']} @ {r['doc']}" for r in v)) for k, v in groups.items()]

    merged, missed = [], []
    for eid, rows in pred_groups.items():
        groups = parts(rows, lambda r: r["cluster"])
        if len(groups) > 1 and wanted(rows):
            texts = [{r["text"] for r in v} | {name_fold(k)} for k, v in groups.items()]
            suspect = rows[0]["type"] != "PERSON" and any(  # two people of one name are namesakes
                texts[i] & texts[j] for i in range(len(texts)) for j in range(i + 1, len(texts)))
            head = f"{eid}: {cross_pairs(groups)} wrong pairs" + (" [same text under two labels]" if suspect else "")
            merged.append((cross_pairs(groups), eid, [head, *show(groups)]))
    for cluster, rows in true_groups.items():
        groups = parts(rows, lambda r: predicted[r["mention_id"]])
        if len(groups) > 1 and wanted(rows):
            missed.append((cross_pairs(groups), cluster,
                           [f"{cluster}: {cross_pairs(groups)} missed pairs", *show(groups)]))
    merged.sort(key=lambda x: (-x[0], x[1]))
    missed.sort(key=lambda x: (-x[0], x[1]))
    return {"false_merges": [line for _, _, lines in merged[:limit] for line in lines],
            "missed_merges": [line for _, _, lines in missed[:limit] for line in lines]}


def missed_by_variant(mentions: list[dict[str, Any]], predicted: dict[str, str]) -> dict[str, int]:
    """Missed true pairs, counted against the variants ("initial", "typo"...) of their two mentions."""
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        clusters[m["cluster"]].append(m)
    missed: Counter[str] = Counter()
    for rows in clusters.values():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if predicted[a["mention_id"]] != predicted[b["mention_id"]]:
                    for v in {a.get("variant", "?"), b.get("variant", "?")}:
                        missed[v] += 1
    return dict(missed.most_common())
