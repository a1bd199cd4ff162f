"""Build ``mentions.jsonl``, the labelled set of the entity-resolution evaluation (fixed seed).

    python tests/data/resolution/build.py

Three sources, one mention per line (a distinct surface form of an entity in one document):

* ``dev``: the extraction development texts (``tests/data/extraction/*/*.json``): the gold surface
  forms and canonical names, with the gold relations as neighbours;
* ``sample``: the sample case files (``ingest/sample_case``) scanned for the names of its cast key
  (``sample_key.py``), with the key's phones, e-mails, accounts, addresses and relations;
* ``generated``: documents about a made-up population (``synthetic.py``).

Fields: ``mention_id``, ``doc``, ``lang`` (of the document), ``type``, ``text``, ``cluster`` (the true entity), ``source``,
``variant`` and, when known, ``identifiers`` ({scheme: value}), ``properties`` (``birth_date``) and
``neighbours`` (mention ids of the same document, or ``SCHEME:value`` of a phone, e-mail, IBAN or
address the entity is linked to there). Ports and places are left out: the gazetteer, not the
resolver, gives them their ids.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))

import sample_key  # noqa: E402
import synthetic  # noqa: E402

SEED = 6
GENERATED_DOCS = 330
TYPES = ("PERSON", "COMPANY", "ORGANIZATION", "VESSEL")
IDENT_PREFIX = {"PHONE": "PHONE", "EMAIL": "EMAIL", "IBAN": "IBAN"}
# canonical names the gold writes two ways for one entity
_ONE_BODY = {  # (the other canonical names the gold gives one public body) -> the one kept
    "Public Prosecutor's Office Antwerp": ("Antwerp Public Prosecutor's Office",),
    "HARC-team": ("HARC team", "Hit and Run Cargo-team"),
    "National Crime Agency": ("NCA",),
    "Direction nationale du renseignement et des enquêtes douanières": (
        "DNRED", "direction nationale du renseignement et des enquêtes douanières"),
    "Office anti-stupéfiants": ("OFAST",),
    "Australian Federal Police": ("AFP",),
    "Australian Border Force": ("ABF",),
    "Rechtbank Rotterdam": ("rechtbank Rotterdam",),
    "Garda National Drugs and Organised Crime Bureau": ("GNDOCB",),
    "Parquet fédéral": ("parquet fédéral",),
    "Direction générale des douanes et droits indirects": ("direction générale des douanes et droits indirects",),
    "Tribunal correctionnel de Marseille": ("tribunal correctionnel de Marseille", "TRIBUNAL CORRECTIONNEL DE MARSEILLE"),
    "FIOD": ("Fiscale Inlichtingen- en Opsporingsdienst",),
    "Revenue's Customs Service": ("Revenue", "Revenue Customs Service"),
}
SAME = {("ORGANIZATION", other): kept for kept, others in _ONE_BODY.items() for other in others}
#: languages of the sample case files (CAST.md); the others are in English
SAMPLE_LANG = {5: "fr", 10: "fr", 16: "fr", 22: "fr", 24: "fr", 2: "nl", 13: "nl", 19: "nl"}


def cluster_of(type_: str, canonical: str) -> str:
    return f"{type_}:{SAME.get((type_, canonical), canonical)}"


def dev_docs() -> list[tuple[str, list[dict]]]:
    docs = []
    for path in sorted((ROOT / "tests/data/extraction").glob("*/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        mentions: list[dict] = []
        for e in gold["entities"]:
            if e["type"] in TYPES and not any(m["text"] == e["text"] and m["type"] == e["type"] for m in mentions):
                mentions.append({"type": e["type"], "text": e["text"], "cluster": cluster_of(e["type"], e["canonical"]),
                                 "variant": "gold", "lang": gold["lang"], "_canonical": e["canonical"]})
        idents = {i["value"]: i["type"] for i in gold["identifiers"]}
        for rel in gold["relations"]:
            source = _main_mention(mentions, rel["source"])
            if source is None:
                continue
            target = _main_mention(mentions, rel["target"])
            if target is not None:
                source.setdefault("_links", []).append(target)
            elif idents.get(rel["target"]) in IDENT_PREFIX:
                source.setdefault("neighbours", []).append(f"{IDENT_PREFIX[idents[rel['target']]]}:{rel['target']}")
        docs.append((path.stem, mentions))
    return docs


def _main_mention(mentions: list[dict], canonical: str, type_: str | None = None) -> dict | None:
    """The mention a relation about ``canonical`` hangs on: the canonical form, else the longest."""
    same = [m for m in mentions if m["_canonical"] == canonical and type_ in (None, m["type"])]
    exact = [m for m in same if m["text"] == canonical]
    return (exact or sorted(same, key=lambda m: -len(m["text"])) or [None])[0]


def sample_docs() -> list[tuple[str, list[dict]]]:
    docs = []
    for path in sorted((ROOT / "ingest/sample_case").glob("*.txt")):
        number = int(path.name[:2])
        text = path.read_text(encoding="utf-8")
        forms = []
        for (type_, canonical), variants in sample_key.NAMES.items():
            for v in variants:
                form, files = (v, None) if isinstance(v, str) else v
                if files is None or number in files:
                    forms.append((form, type_, canonical))
        forms.sort(key=lambda f: -len(f[0]))
        taken = [False] * len(text)
        mentions: list[dict] = []
        for form, type_, canonical in forms:  # longest first; a shorter form never inside a longer one
            for hit in re.finditer(rf"(?<![\w.]){re.escape(form)}(?!\w)", text):
                if any(taken[hit.start():hit.end()]):
                    continue
                taken[hit.start():hit.end()] = [True] * (hit.end() - hit.start())
                if not any(m["text"] == form and m["type"] == type_ for m in mentions):
                    m = {"type": type_, "text": form, "cluster": cluster_of(type_, canonical), "variant": "case",
                         "lang": SAMPLE_LANG.get(number, "en"), "_canonical": canonical}
                    born = re.match(r"\s*[(,]\s*born (\d{4})", text[hit.end():])
                    if born and type_ == "PERSON":
                        m["properties"] = {"birth_date": born.group(1)}
                    mentions.append(m)
                elif type_ == "PERSON":
                    born = re.match(r"\s*[(,]\s*born (\d{4})", text[hit.end():])
                    m = next(m for m in mentions if m["text"] == form and m["type"] == type_)
                    if born:
                        m["properties"] = {"birth_date": born.group(1)}
        for (type_, canonical), value, files in sample_key.FACTS:
            if number not in files:
                continue
            source = _main_mention(mentions, canonical, type_)
            if source is None:
                continue
            if isinstance(value, str):
                source.setdefault("neighbours", []).append(value)
            else:
                target = _main_mention(mentions, value[1], value[0])
                if target is not None:
                    source.setdefault("_links", []).append(target)
        for (type_, canonical), idents, files in sample_key.IDENTIFIERS:
            source = _main_mention(mentions, canonical, type_) if number in files else None
            if source is not None:
                source.setdefault("identifiers", {}).update(idents)
        docs.append((f"case_{path.stem}", mentions))
    return docs


def generated_docs(avoid: set[str]) -> list[tuple[str, list[dict]]]:
    rng = random.Random(SEED)
    pop = synthetic.population(rng, avoid)
    docs = synthetic.documents(rng, pop, GENERATED_DOCS)
    for doc in docs:
        for m in doc:
            firm = m.pop("_employer", None)
            if firm is not None:
                m.setdefault("_links", []).append(firm)
            m.setdefault("_canonical", m["cluster"])
    return [(f"gen_{i:03d}", doc) for i, doc in enumerate(docs)]


def finish(source: str, docs: list[tuple[str, list[dict]]]) -> list[dict]:
    rows = []
    for doc, mentions in docs:
        for i, m in enumerate(mentions):
            m["mention_id"] = f"{doc}#{i:02d}"
        for m in mentions:
            links = [t["mention_id"] for t in m.pop("_links", []) if t is not m]
            neighbours = list(dict.fromkeys(m.get("neighbours", []) + links))
            row = {"mention_id": m["mention_id"], "doc": doc, "lang": m["lang"], "type": m["type"], "text": m["text"],
                   "cluster": m["cluster"], "source": source, "variant": m["variant"]}
            for key in ("identifiers", "properties"):
                if m.get(key):
                    row[key] = m[key]
            if neighbours:
                row["neighbours"] = neighbours
            rows.append(row)
    return rows


def build() -> list[dict]:
    dev, sample = dev_docs(), sample_docs()
    used = {m["_canonical"].split()[-1] for _, ms in dev + sample for m in ms if m["type"] == "PERSON"}
    used |= {m["_canonical"] for _, ms in dev + sample for m in ms if m["type"] == "VESSEL"}
    rows = finish("dev", dev) + finish("sample", sample) + finish("generated", generated_docs(used))
    return rows


def main() -> None:
    rows = build()
    out = HERE / "mentions.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    clusters = {r["cluster"] for r in rows}
    by_source = {s: sum(r["source"] == s for r in rows) for s in ("dev", "sample", "generated")}
    print(f"{len(rows)} mentions, {len(clusters)} entities, {len({r['doc'] for r in rows})} documents: {by_source}")


if __name__ == "__main__":
    main()
