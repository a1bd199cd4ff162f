"""Case files of a synthetic port ecosystem (``synthetic.generate``), written to a folder.

Two kinds of documents, as an investigation holds them:

* **prose reports** (``reports/*.txt``): police reports about one subject (a network member, a
  planted insider or firm first, then ordinary people and firms), one English sentence per fact
  of the subject and of a few neighbours ("X works as a crane operator at Y NV.", "X called Z 12
  times ...", "MV V called at the port of Antwerp ..."), which the NLP pipeline has to find;
* **structured records** (CSV files): company-registry extracts and port-call lists read with the
  bundled mappings (``company_registry``, ``port_calls``), and relation lists (``source,target,
  type,weight,date,source_type,target_type``) for every other fact. Together they carry every
  relation of the ecosystem, so the relation volume grows with the size while NLP, the slow part,
  can be capped.

Namesakes of the generator ("Jan Peeters 2") get a distinct made-up surname, so that prose reads
naturally and the same display name is used in prose and in records.
"""

from __future__ import annotations

import csv
import math
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from synthetic import Ecosystem

SYLLABLES = ["van", "der", "ka", "ste", "leyn", "dew", "olf", "had", "dou", "chi", "pei", "rs", "man", "bak",
             "ken", "es", "ver", "bie", "st", "lau", "wers", "jans", "sens", "ro", "mb", "outs", "aer", "ts"]
MAPPED_FOLDERS = {"registry": "company_registry", "port_calls": "port_calls"}
OFFICERS = ["Bram Goossens", "Els Wouters", "Karim Benali", "Sofie Claes", "Luc Hermans"]
ANALYSTS = ["analyst Inge Segers", "analyst Koen Cools", "analyst Nadia El Amrani"]


@dataclass
class Corpus:
    """Where the files are and what they hold."""

    folder: Path
    reports: list[Path] = field(default_factory=list)
    records: list[tuple[Path, str | None]] = field(default_factory=list)  # (file, mapping name or None)
    watchlist: Path | None = None
    record_rows: int = 0
    report_facts: int = 0

    @property
    def documents(self) -> int:
        return len(self.reports) + len(self.records)


def display_names(eco: Ecosystem, seed: int = 0) -> dict[str, str]:
    """A unique, natural-looking name per node (numbered namesakes renamed)."""
    rng = random.Random(seed)
    taken: set[tuple[str, str]] = set()
    out: dict[str, str] = {}
    for node, d in eco.graph.nodes(data=True):
        name, type_ = d["name"], d["type"]
        head, _, tail = name.rpartition(" ")
        if type_ in ("PERSON", "COMPANY") and tail.isdigit() and head:
            words = head.split()
            while True:
                made = "".join(rng.choices(SYLLABLES, k=rng.choice([2, 3]))).title()
                if type_ == "PERSON":
                    name = f"{words[0]} {made}"
                else:
                    name = " ".join([made, *words[1:]]) if len(words) > 2 else f"{made} {head}"
                if (type_, name) not in taken:
                    break
        taken.add((type_, name))
        out[node] = name
    return out


def _phone(value: str) -> str:
    """+32471234567 written as a person would: +32 471 23 45 67."""
    digits = value[3:]
    return f"+32 {digits[:3]} {digits[3:5]} {digits[5:7]} {digits[7:]}"


def imo(node: str) -> str:
    """The vessel's IMO number with its check digit made valid (the generator draws random digits)."""
    digits = node.split(":")[-1][:6]
    check = sum(int(c) * (7 - i) for i, c in enumerate(digits)) % 10
    return f"{digits}{check}"


def _date_text(iso: str | None) -> str:
    if not iso:
        return "2023"
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    y, m, d = iso.split("-")
    return f"{int(d)} {months[int(m) - 1]} {y}"


class _Writer:
    def __init__(self, eco: Ecosystem, seed: int) -> None:
        self.eco, self.G = eco, eco.graph
        self.rng = random.Random(seed)
        self.name = display_names(eco, seed)

    def label(self, node: str) -> str:
        d, name = self.G.nodes[node], self.name[node]
        if d["type"] == "PHONE":
            return _phone(name)
        if d["type"] == "VESSEL":
            return f"MV {name} (IMO {imo(node)})"
        if d["type"] == "PORT":
            return f"the port of {name}"
        if d["type"] == "ORGANIZATION":
            return f"the {name}"
        return name

    def sentence(self, u: str, v: str, t: str, d: dict[str, Any]) -> str | None:
        a, b = self.label(u), self.label(v)
        role = self.G.nodes[u].get("properties", {}).get("role") or self.rng.choice(["clerk", "planner", "driver"])
        when = _date_text(d.get("last_seen"))
        templates = {
            "EMPLOYED_BY": f"{a} works as a {role} at {b}.",
            "DIRECTOR_OF": f"{a} is the managing director of {b}.",
            "HAS_PHONE": f"{a} can be reached on {b}.",
            "HAS_EMAIL": f"{a} uses the e-mail address {b}.",
            "HAS_ACCOUNT": f"{a} holds the bank account {b}.",
            "HAS_ADDRESS": f"{a} is registered at {b}.",
            "CONTACTED": f"{a} called {b} {int(d.get('weight', 1))} times, most recently on {when}.",
            "WORKS_AT": f"{a} works as a {role} in {b}.",
            "MEMBER_OF": f"{a} is a known member of {b}.",
            "OPERATES": f"{a} operates the vessel {b}.",
            "CALLED_AT": f"{a} called at {b} on {when}.",
            "FORWARDER_OF": f"{a} acted as forwarder for shipment {b}.",
            "CONSIGNEE_OF": f"The consignee of shipment {b} is {a}.",
            "SHIPPER_OF": f"{a} shipped the goods of {b} on {when}.",
            "SHIPPED_IN": f"Shipment {a} travelled in {b}.",
            "CO_MENTIONED": f"An informant named {a} and {b} in the same conversation.",
        }
        return templates.get(t)

    def report(self, subject: str, number: int) -> tuple[str, int]:
        G = self.G
        facts = [(u, v, k, d) for u, v, k, d in G.out_edges(subject, keys=True, data=True)]
        facts += [(u, v, k, d) for u, v, k, d in G.in_edges(subject, keys=True, data=True)]
        self.rng.shuffle(facts)
        facts = facts[:8]
        for u, v, _, _ in list(facts[:2]):  # a few facts about the people around the subject
            other = u if v == subject else v
            around = list(G.out_edges(other, keys=True, data=True))
            self.rng.shuffle(around)
            facts += around[:2]
        lines = [self.sentence(u, v, k, d) for u, v, k, d in facts]
        body = " ".join(s for s in lines if s)
        head = (f"FICTIONAL TRAINING MATERIAL - synthetic case file.\n"
                f"FEDERAL JUDICIAL POLICE ANTWERP - Operation GREY HARBOUR\n"
                f"Report PV AN.{number:06d}/2023 on {self.name[subject]}\n"
                f"Drafted by Inspector {self.rng.choice(OFFICERS)}, with {self.rng.choice(ANALYSTS)}.\n\n")
        return head + body + "\n", len(facts)


def _subjects(eco: Ecosystem, n: int, rng: random.Random) -> list[str]:
    G = eco.graph
    if n <= 0:
        return []
    first = [*eco.watchlist, *eco.hidden_members, *eco.planted_firms, *eco.planted_insiders]
    rest = [v for v, d in G.nodes(data=True) if d["type"] in ("PERSON", "COMPANY")]
    rng.shuffle(rest)
    seen: set[str] = set()
    out = []
    for v in [*first, *rest]:
        if v not in seen and G.degree(v) > 0:
            seen.add(v)
            out.append(v)
            if len(out) == n:
                break
    return out


def _record_rows(w: _Writer) -> dict[str, list[list[Any]]]:
    """Rows of every kind of record file; every relation of the ecosystem is in one row."""
    G, name = w.G, w.name
    address_of: dict[str, str] = {}
    for u, v, k in G.edges(keys=True):
        if k == "HAS_ADDRESS" and G.nodes[u]["type"] == "COMPANY":
            address_of.setdefault(u, v)
    rows: dict[str, list[list[Any]]] = defaultdict(list)
    registered: set[str] = set()
    for u, v, k, d in G.edges(keys=True, data=True):
        du, dv = G.nodes[u], G.nodes[v]
        if k == "DIRECTOR_OF" and du["type"] == "PERSON" and v in address_of:
            props = dv.get("properties", {})
            number = _enterprise_number(v)
            rows["registry"].append([name[v], number, name[v].split()[-1], props.get("founded", ""),
                                     name[address_of[v]], name[u], _dmy(d["first_seen"])])
            registered.add(v)
        elif k == "CALLED_AT":
            rows["port_calls"].append([name[u], imo(u), "BE", name[v], v.split(":")[-1], _dmy(d["last_seen"])])
        else:
            rows["edges"].append([name[u], name[v], k, d["weight"], d["last_seen"], du["type"], dv["type"]])
    # the registry rows bring each registered firm's first address: drop it from the edge list
    firm_address = {(name[f], name[a]) for f, a in address_of.items() if f in registered}
    rows["edges"] = [r for r in rows["edges"] if not (r[2] == "HAS_ADDRESS" and (r[0], r[1]) in firm_address)]
    return rows


HEADERS = {
    "registry": ["company_name", "enterprise_number", "legal_form", "founded", "address", "director", "appointed"],
    "port_calls": ["vessel", "imo", "flag", "port", "locode", "arrival"],
    "edges": ["source", "target", "type", "weight", "date", "source_type", "target_type"],
}


def _dmy(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _enterprise_number(node: str) -> str:
    """A Belgian enterprise number with a valid mod-97 check, stable per firm."""
    base = 2_000_000 + (sum(ord(c) * 131 ** i for i, c in enumerate(node)) % 7_999_999)
    first8 = int(f"0{base:07d}")
    digits = f"0{base:07d}{97 - first8 % 97:02d}"
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def _chunks(rows: list[list[Any]], size: int) -> Iterable[list[list[Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def write_corpus(eco: Ecosystem, folder: Path, n_documents: int, n_reports: int, seed: int = 0) -> Corpus:
    """Write ``n_reports`` prose reports and about ``n_documents - n_reports`` record files."""
    folder.mkdir(parents=True, exist_ok=True)
    w = _Writer(eco, seed)
    corpus = Corpus(folder)
    (folder / "reports").mkdir(exist_ok=True)
    for i, subject in enumerate(_subjects(eco, n_reports, w.rng), 1):
        text, facts = w.report(subject, i)
        path = folder / "reports" / f"report_{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        corpus.reports.append(path)
        corpus.report_facts += facts
    rows = _record_rows(w)
    total = sum(len(r) for r in rows.values())
    per_file = max(1, math.ceil(total / max(1, n_documents - len(corpus.reports))))
    for kind, kind_rows in rows.items():
        (folder / kind).mkdir(exist_ok=True)
        for j, chunk in enumerate(_chunks(kind_rows, per_file), 1):
            path = folder / kind / f"{kind}_{j:06d}.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                out = csv.writer(fh)
                out.writerow(HEADERS[kind])
                out.writerows(chunk)
            corpus.records.append((path, MAPPED_FOLDERS.get(kind)))
            corpus.record_rows += len(chunk)
    corpus.watchlist = folder / "watchlist.csv"
    with corpus.watchlist.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["name", "type"])
        for node in eco.watchlist:
            out.writerow([w.name[node], eco.graph.nodes[node]["type"]])
    return corpus
