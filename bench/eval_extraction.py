"""Score the extractor against the gold annotations of the development set.

Usage: ``python bench/eval_extraction.py [DATA_DIR] [--lang auto|en|fr|nl] [--errors] [--blind-only]``

Without DATA_DIR two sets are scored apart: the old development set (``tests/data/extraction``
without its ``blind/`` folder) and the blind set (``tests/data/extraction/blind``, written by
people who never read the extractor; see ``tests/data/extraction/README.md``). Every ``*.txt``
with a ``*.json`` beside it counts. The JSON keeps the dev figures at the top level (keys as
before, plus ``co_accused_f1`` and ``faithful``), the blind figures under ``blind`` and the
issue's targets, met or not, under ``blind_targets`` (entity micro-F1 >= 0.85 with each of
PERSON, COMPANY, VESSEL, PORT >= 0.75; typed relation recall >= 0.6 at precision >= 0.85;
faithful >= 0.98).

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
  FAMILY_OF, CONTACTED, CO_ACCUSED) ignore direction. An endpoint the gold file does not know is a
  miss.
- ``faithful``: the share of typed relations whose evidence sentence contains a mention of each
  end, or records the reference it resolved with its antecedent (:mod:`nlp.faithfulness`).

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
from nlp.faithfulness import faithful_share, unfaithful  # noqa: E402

TARGET_TYPES = ("PERSON", "COMPANY", "VESSEL", "PORT")
ALL_TYPES = ("PERSON", "COMPANY", "ORGANIZATION", "VESSEL", "PORT", "LOCATION")
CHECK_DIGIT = ("IMO", "CONTAINER", "IBAN", "LEI", "VAT")
SYMMETRIC = {"ASSOCIATE_OF", "FAMILY_OF", "CONTACTED", "CO_ACCUSED"}
DATA = ROOT / "tests" / "data" / "extraction"
BLIND = DATA / "blind"
# the targets, scored on the blind set only
TARGETS = {"entity_micro_f1": 0.85, "entity_f1_every_type": 0.75, "relation_recall": 0.6, "relation_precision": 0.85,
           "faithful": 0.98}
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


def load_gold(data: Path, skip: Path | None = None) -> list[tuple[Path, dict[str, Any]]]:
    """Annotated texts under ``data`` (those under ``skip`` left out)."""
    out: list[tuple[Path, dict[str, Any]]] = []
    if not data.is_dir():
        return out
    for txt in sorted(data.rglob("*.txt")):
        if skip is not None and txt.resolve().is_relative_to(skip.resolve()):
            continue
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
    """The typed relations of one extraction as ``(type, source, target)`` in gold canonical names."""
    names = gold_names(extraction, gold)
    keys = set()
    for r in extraction.relations:
        if r.type == "CO_MENTIONED":
            continue
        for s in names.get(r.source) or {"?" + r.source}:
            for t in names.get(r.target) or {"?" + r.target}:
                keys.add(relation_key(r.type, s, t))
    return keys


def gold_names(extraction: Any, gold: dict[str, Any]) -> dict[str, set[str]]:
    """Each extracted entity's gold canonical names (through the surfaces of its mentions)."""
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
    return names


MISS_CAUSES = ("end_missing", "reversed", "other_type", "co_mentioned_only", "unlinked")


def miss_causes(extraction: Any, gold: dict[str, Any], missed: set[tuple[str, str, str]]) -> Counter[tuple[str, str]]:
    """Why each missed gold relation was missed, as ``(type, cause)`` counts.

    ``end_missing``: no extracted entity maps to one end (an entity miss or a wrong surface);
    ``reversed``: the same type links the pair the other way; ``other_type``: another typed relation
    links the pair; ``co_mentioned_only``: the pair shares a sentence but no type was read;
    ``unlinked``: both ends were found and nothing links them (often not in one sentence).
    """
    names = gold_names(extraction, gold)
    found = {norm(c) for canon in names.values() for c in canon}
    links: dict[frozenset[str], set[tuple[str, str, str]]] = defaultdict(set)
    for r in extraction.relations:
        for s in names.get(r.source, ()):
            for t in names.get(r.target, ()):
                links[frozenset((norm(s), norm(t)))].add((r.type, norm(s), norm(t)))
    types = {norm(e["canonical"]): e["type"] for e in gold["entities"]}
    out: Counter[tuple[str, str]] = Counter()
    for type_, s, t in missed:
        seen = links.get(frozenset((s, t)), set())
        if s not in found or t not in found:
            cause = "end_missing"
            for end in (s, t):
                if end not in found:
                    out[("end_missing_type", types.get(end, "IDENTIFIER"))] += 1
        elif any(k[0] == type_ for k in seen):
            cause = "reversed"
        elif any(k[0] != "CO_MENTIONED" for k in seen):
            cause = "other_type"
        elif seen:
            cause = "co_mentioned_only"
        else:
            cause = "unlinked"
        out[(type_, cause)] += 1
    return out


def relation_key(type_: str, source: str, target: str) -> tuple[str, str, str]:
    s, t = norm(source), norm(target)
    if type_ in SYMMETRIC and t < s:
        s, t = t, s
    return (type_, s, t)


def score(gold_files: list[tuple[Path, dict[str, Any]]], extractions: list[Any], show_errors: bool) -> dict[str, Any]:
    """Print the scores of one annotated set and return its figures."""
    ent = {t: Score() for t in ALL_TYPES}
    ent_lang: dict[str, Score] = defaultdict(Score)
    ids_cd, ids_all, valid_ok = Score(), Score(), Counter()
    rel, rel_lang = Score(), defaultdict(Score)
    rel_type: dict[str, Score] = defaultdict(Score)
    lang_hits = 0
    causes: Counter[tuple[str, str]] = Counter()
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
        causes += miss_causes(ex, gold, gold_r - pred_r)
        rel_lang[lang].add(pred_r, gold_r)
        for t in {k[0] for k in pred_r | gold_r}:
            rel_type[t].add({k for k in pred_r if k[0] == t}, {k for k in gold_r if k[0] == t})
        if show_errors:
            target = {p for p in pred_e if p[0] in ALL_TYPES}
            print(f"== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} [{lang}->{ex.document.lang}]")
            for label, miss, extra in (("entity", gold_e - target, target - gold_e), ("ident", gold_i - pred_i, pred_i - gold_i),
                                       ("relation", gold_r - pred_r, pred_r - gold_r)):
                for m in sorted(miss):
                    print(f"   MISS {label}: {m}")
                for x in sorted(extra):
                    print(f"   FALSE {label}: {x}")
            for relation, reason in unfaithful(ex):
                print(f"   UNFAITHFUL {relation.type}: {reason}")

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
    good, typed = faithful_share(extractions)
    print(f"{len(extractions)} documents, language detected right for {lang_hits}/{len(extractions)}")
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
    print(f"faithful: {good}/{typed} typed relations show both ends in their evidence sentence")
    print("-- why gold relations were missed (counts)")
    print(f"{'type':<14}" + "".join(f"{c:>19}" for c in MISS_CAUSES))
    for t in sorted({k[0] for k in causes} - {"end_missing_type"}) + ["all"]:
        row = [sum(n for (tt, c), n in causes.items() if c == cause and t in (tt, "all")) for cause in MISS_CAUSES]
        print(f"{t:<14}" + "".join(f"{n:>19}" for n in row))
    missing_ends = {c: n for (t, c), n in sorted(causes.items()) if t == "end_missing_type"}
    print("ends not found, by gold type: " + ", ".join(f"{c} {n}" for c, n in missing_ends.items()))
    return {
        "documents": len(extractions),
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
        "co_accused_f1": round(rel_type["CO_ACCUSED"].f1, 4) if "CO_ACCUSED" in rel_type else None,
        "faithful": round(good / typed, 4) if typed else 1.0,
        "miss_causes": {cause: sum(n for (t, c), n in causes.items() if c == cause and t != "end_missing_type")
                        for cause in MISS_CAUSES},
    }


def targets(figures: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The issue's targets for the blind set, each with its value and whether it is met."""
    worst_type = min(figures["entity_f1_by_type"][t] for t in TARGET_TYPES)
    checks = {
        "entity_micro_f1": (figures["entity_micro_f1"], TARGETS["entity_micro_f1"]),
        "entity_f1_every_type": (worst_type, TARGETS["entity_f1_every_type"]),
        "relation_recall": (figures["relation_recall"], TARGETS["relation_recall"]),
        "relation_precision": (figures["relation_precision"], TARGETS["relation_precision"]),
        "faithful": (figures["faithful"], TARGETS["faithful"]),
    }
    return {k: {"value": v, "target": t, "met": v >= t} for k, (v, t) in checks.items()}


def run_set(name: str, gold_files: list[tuple[Path, dict[str, Any]]], extractor: Extractor,
            show_errors: bool) -> tuple[dict[str, Any], float]:
    print(f"==== {name} set")
    docs = [Document(doc_id=p.stem, text=p.read_text(encoding="utf-8"), lang="", source=str(p)) for p, _ in gold_files]
    started = time.perf_counter()
    extractions = list(extractor.pipe(docs))
    seconds = time.perf_counter() - started
    print(f"{name}: {len(docs)} documents extracted in {seconds:.1f} s")
    return score(gold_files, extractions, show_errors), seconds


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=None,
                        help="one annotated folder to score alone (default: the dev set, then the blind set)")
    parser.add_argument("--lang", default="auto")
    parser.add_argument("--errors", action="store_true", help="print the misses and false hits of every document")
    parser.add_argument("--blind-only", action="store_true", help="score only the blind set")
    args = parser.parse_args(argv)

    dev_dir = Path(args.data) if args.data else DATA
    # the blind set is scored apart and never item by item: a folder that holds it is read without it
    inside_blind = dev_dir.resolve().is_relative_to(BLIND.resolve())
    dev = [] if args.blind_only or inside_blind else load_gold(dev_dir, skip=BLIND)
    blind = load_gold(BLIND) if not args.data or inside_blind else []
    if not dev and not blind:
        raise SystemExit(f"no annotated texts (*.txt with *.json) under {dev_dir}")
    extractor = Extractor(lang=args.lang)
    result: dict[str, Any] = {}
    seconds = 0.0
    count = 0
    if dev:
        figures, took = run_set("dev", dev, extractor, args.errors)
        result.update(figures)
        seconds, count = seconds + took, count + len(dev)
    if blind:
        if args.errors:
            print("-- the blind set prints its aggregate scores only (--errors applies to the dev set)")
        figures, took = run_set("blind", blind, extractor, False)
        met = targets(figures)
        print("-- targets on the blind set")
        for key, check in met.items():
            print(f"{key:<22} {check['value']:6.3f}  target >= {check['target']:.2f}  {'met' if check['met'] else 'NOT MET'}")
        result["blind"] = figures
        result["blind_targets"] = met
        result["blind_targets_met"] = all(c["met"] for c in met.values())
        seconds, count = seconds + took, count + len(blind)
    elif not args.data:
        print(f"no blind set under {BLIND.relative_to(ROOT)} yet: targets not scored")
    result["docs_per_s"] = round(count / seconds, 2) if seconds else 0.0
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
