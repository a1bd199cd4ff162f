"""Score the extractor against the gold annotations of the development set.

Usage: ``python bench/eval_extraction.py [DATA_DIR] [--lang auto|en|fr|nl] [--errors]``
(DATA_DIR defaults to ``tests/data/extraction``; every ``*.txt`` with a ``*.json`` beside it counts).

Matching rules
- Entities: per document, the distinct ``(type, surface)`` pairs of the extraction against those
  of the gold file. Surfaces are compared after case and accent folding, with a leading article
  ("the", "le", "la", "l'", "de", "het") and a ship prefix ("MV", "M/V", "MT") removed. Scored per
  type; ``entity_micro_f1`` is the micro average over PERSON, COMPANY, VESSEL and PORT (the
  issue's target types); the six-type figure is printed too.
- Identifiers: distinct ``(type, normalised value)`` per document. ``identifier_precision`` and
  ``identifier_recall`` cover the check-digit types (IMO, CONTAINER, IBAN, LEI, VAT); all nine
  types and the agreement of the ``valid`` flag are reported as well.
- Relations (CO_MENTIONED excluded): ``(type, source, target)`` per document, where each
  extracted endpoint is mapped to a gold canonical name through the gold surface forms of the
  mentions of that entity (identifier nodes by their value). Symmetric types (ASSOCIATE_OF,
  FAMILY_OF, CONTACTED) ignore direction. An endpoint the gold file does not know is a miss.

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.ids import fold  # noqa: E402
from graph.model import Document  # noqa: E402
from nlp import Extractor  # noqa: E402

TARGET_TYPES = ("PERSON", "COMPANY", "VESSEL", "PORT")
ALL_TYPES = ("PERSON", "COMPANY", "ORGANIZATION", "VESSEL", "PORT", "LOCATION")
CHECK_DIGIT = ("IMO", "CONTAINER", "IBAN", "LEI", "VAT")
SYMMETRIC = {"ASSOCIATE_OF", "FAMILY_OF", "CONTACTED"}
# an article or ship prefix is a word of its own ("de " but not the "De" of "Dennis"); "l'" is glued
_LEADING = re.compile(r"^(?:(?:the|le|la|les|de|het|mv|m/v|m\.v\.|mt|m/t)\s+|l['’]\s*)", re.I)


def norm(text: str) -> str:
    out = fold(text).strip(" .,;:'\"«»“”")
    while True:
        stripped = _LEADING.sub("", out, count=1)
        if stripped == out:
            return out
        out = stripped


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return f"{name:<22} P {self.precision:6.3f}  R {self.recall:6.3f}  F1 {self.f1:6.3f}   (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def load_gold(data: Path) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for txt in sorted(data.rglob("*.txt")):
        js = txt.with_suffix(".json")
        if js.exists():
            out.append((txt, json.loads(js.read_text(encoding="utf-8"))))
    return out


def entity_pairs(items: list[dict[str, Any]] | list[tuple[str, str]]) -> set[tuple[str, str]]:
    pairs = set()
    for item in items:
        type_, text = (item["type"], item["text"]) if isinstance(item, dict) else item
        pairs.add((type_, norm(text)))
    return pairs


def relation_keys(extraction: Any, gold: dict[str, Any]) -> set[tuple[str, str, str]]:
    surface: dict[str, set[str]] = defaultdict(set)
    for ent in gold["entities"]:
        surface[norm(ent["text"])].add(ent["canonical"])
        surface[norm(ent["canonical"])].add(ent["canonical"])
    texts: dict[str, set[str]] = defaultdict(set)
    for m in extraction.mentions:
        texts[m.entity_id].add(m.text)
    names: dict[str, set[str]] = {}
    for e in extraction.entities:
        if e.identifiers and e.type in ("PHONE", "EMAIL", "BANK_ACCOUNT", "CONTAINER"):
            names[e.entity_id] = {next(iter(e.identifiers.values()))}
            continue
        canon: set[str] = set()
        for t in texts[e.entity_id] | {e.name, *e.aliases}:
            canon |= surface.get(norm(t), set())
        names[e.entity_id] = canon
    keys = set()
    for r in extraction.relations:
        if r.type == "CO_MENTIONED":
            continue
        for s in names.get(r.source) or {"?" + r.source}:
            for t in names.get(r.target) or {"?" + r.target}:
                keys.add(relation_key(r.type, s, t))
    return keys


def relation_key(type_: str, source: str, target: str) -> tuple[str, str, str]:
    s, t = norm(source), norm(target)
    if type_ in SYMMETRIC and t < s:
        s, t = t, s
    return (type_, s, t)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=str(ROOT / "tests" / "data" / "extraction"))
    parser.add_argument("--lang", default="auto")
    parser.add_argument("--errors", action="store_true", help="print the misses and false hits of every document")
    args = parser.parse_args(argv)

    gold_files = load_gold(Path(args.data))
    if not gold_files:
        raise SystemExit(f"no annotated texts (*.txt with *.json) under {args.data}")
    docs = [Document(doc_id=p.stem, text=p.read_text(encoding="utf-8"), lang="", source=str(p)) for p, _ in gold_files]
    extractor = Extractor(lang=args.lang)
    started = time.perf_counter()
    extractions = list(extractor.pipe(docs))
    seconds = time.perf_counter() - started

    ent = {t: Score() for t in ALL_TYPES}
    ent_lang: dict[str, Score] = defaultdict(Score)
    ids_cd, ids_all, valid_ok = Score(), Score(), Counter()
    rel, rel_lang = Score(), defaultdict(Score)
    rel_type: dict[str, Score] = defaultdict(Score)
    lang_hits = 0
    for (path, gold), ex in zip(gold_files, extractions, strict=True):
        lang = gold.get("lang", "?")
        lang_hits += ex.document.lang == lang
        pred_e = entity_pairs([(m.type, m.text) for m in ex.mentions])
        gold_e = entity_pairs(gold["entities"])
        for t in ALL_TYPES:
            ent[t].add({p for p in pred_e if p[0] == t}, {g for g in gold_e if g[0] == t})
        ent_lang[lang].add({p for p in pred_e if p[0] in TARGET_TYPES}, {g for g in gold_e if g[0] in TARGET_TYPES})
        pred_i = {(i.type, i.value) for i in ex.identifiers}
        gold_i = {(i["type"], i["value"]) for i in gold["identifiers"]}
        ids_all.add(pred_i, gold_i)
        ids_cd.add({p for p in pred_i if p[0] in CHECK_DIGIT}, {g for g in gold_i if g[0] in CHECK_DIGIT})
        gold_valid = {(i["type"], i["value"]): i["valid"] for i in gold["identifiers"]}
        for i in ex.identifiers:
            if (i.type, i.value) in gold_valid:
                valid_ok[i.valid == gold_valid[(i.type, i.value)]] += 1
        pred_r = relation_keys(ex, gold)
        gold_r = {relation_key(r["type"], r["source"], r["target"]) for r in gold["relations"] if r["type"] != "CO_MENTIONED"}
        rel.add(pred_r, gold_r)
        rel_lang[lang].add(pred_r, gold_r)
        for t in {k[0] for k in pred_r | gold_r}:
            rel_type[t].add({k for k in pred_r if k[0] == t}, {k for k in gold_r if k[0] == t})
        if args.errors:
            target = {p for p in pred_e if p[0] in ALL_TYPES}
            print(f"== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} [{lang}->{ex.document.lang}]")
            for label, miss, extra in (("entity", gold_e - target, target - gold_e), ("ident", gold_i - pred_i, pred_i - gold_i),
                                       ("relation", gold_r - pred_r, pred_r - gold_r)):
                for m in sorted(miss):
                    print(f"   MISS {label}: {m}")
                for x in sorted(extra):
                    print(f"   FALSE {label}: {x}")

    micro = Score()
    for t in TARGET_TYPES:
        micro.tp += ent[t].tp
        micro.fp += ent[t].fp
        micro.fn += ent[t].fn
    micro_all = Score()
    for t in ALL_TYPES:
        micro_all.tp += ent[t].tp
        micro_all.fp += ent[t].fp
        micro_all.fn += ent[t].fn
    print(f"{len(docs)} documents, {seconds:.1f} s, language detected right for {lang_hits}/{len(docs)}")
    print("-- entities (type + surface)")
    for t in ALL_TYPES:
        print(ent[t].row(t))
    print(micro.row("micro (4 target types)"))
    print(micro_all.row("micro (all 6 types)"))
    for lang, s in sorted(ent_lang.items()):
        print(s.row(f"  lang {lang}"))
    print("-- identifiers (type + value)")
    print(ids_cd.row("check-digit types"))
    print(ids_all.row("all types"))
    print(f"valid flag agrees on {valid_ok[True]}/{valid_ok[True] + valid_ok[False]} matched identifiers")
    print("-- relations (typed, CO_MENTIONED excluded)")
    for t, s in sorted(rel_type.items()):
        print(s.row(t))
    print(rel.row("all typed"))
    for lang, s in sorted(rel_lang.items()):
        print(s.row(f"  lang {lang}"))
    result = {
        "documents": len(docs),
        "entity_micro_f1": round(micro.f1, 4),
        "entity_f1_by_type": {t: round(ent[t].f1, 4) for t in ALL_TYPES},
        "entity_micro_f1_all_types": round(micro_all.f1, 4),
        "entity_micro_f1_by_lang": {k: round(v.f1, 4) for k, v in sorted(ent_lang.items())},
        "identifier_precision": round(ids_cd.precision, 4),
        "identifier_recall": round(ids_cd.recall, 4),
        "identifier_precision_all_types": round(ids_all.precision, 4),
        "identifier_recall_all_types": round(ids_all.recall, 4),
        "relation_f1": round(rel.f1, 4),
        "relation_precision": round(rel.precision, 4),
        "relation_recall": round(rel.recall, 4),
        "relation_f1_by_lang": {k: round(v.f1, 4) for k, v in sorted(rel_lang.items())},
        "relation_prf_by_type": {k: [round(v.precision, 4), round(v.recall, 4), round(v.f1, 4)]
                                 for k, v in sorted(rel_type.items())},
        "relation_prf_by_lang": {k: [round(v.precision, 4), round(v.recall, 4), round(v.f1, 4)]
                                 for k, v in sorted(rel_lang.items())},
        "docs_per_s": round(len(docs) / seconds, 2),
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
