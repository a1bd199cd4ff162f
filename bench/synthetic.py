"""A synthetic port ecosystem with planted infiltrations: ground truth for suspicious-link scoring.

The port: logistics firms (forwarders, hauliers, stevedores, customs brokers, shipping agents,
terminal operators) and other firms, their workers (some with a port role and a ``WORKS_AT``
tie: dockers, crane operators, planners...), directors, phones, e-mail addresses, addresses
(including business centres that host many firms), bank accounts, vessels calling at ports,
shipments and containers, everyday contacts between people, and weak co-mentions.

The network: members in close contact, an organisation, front companies, burner phones; half
of the members (and the organisation) are on the watchlist, the others are hidden.

Planted infiltrations: ``n_planted`` logistics firms each receive two or three ties to the
network at a chosen depth (1: a watchlisted member is an officer, or shares a phone or address;
2: a hidden member is an officer, or an employee is in contact with a watchlisted member, or the
firm shares a phone with a front company; 3: an employee is in contact with a hidden member, or
the firm forwards shipments of a front company). Their corrupted employees are the planted
insiders. Noise: members' everyday contacts with ordinary people, and a share ``noise`` of
ordinary logistics firms with one incidental tie of a random depth; recently founded firms and
crowded addresses among ordinary firms too.

>>> eco = generate(2_000, seed=1)
>>> len(eco.planted_firms), eco.graph.number_of_nodes() > 1_500
(6, True)

Run ``python bench/synthetic.py --nodes 10000`` to print the ranking quality as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.identifiers import iso6346_check_digit  # noqa: E402
from graph.ids import name_key  # noqa: E402
from graph.model import Document, Entity, Evidence, Extraction, Relation  # noqa: E402

__all__ = ["Ecosystem", "generate", "precision_at_k", "roc_auc", "evaluate"]

FIRST = ["Jan", "Els", "Tom", "An", "Pieter", "Sofie", "Karim", "Nadia", "Luc", "Marie", "Bram", "Lotte",
         "Youssef", "Inge", "Dirk", "Fatima", "Koen", "Sarah", "Wim", "Leen", "Ahmed", "Julie", "Stijn",
         "Eva", "Mehmet", "Nele", "Joris", "Hanne", "Rachid", "Katrien", "Bart", "Amina", "Geert", "Lies"]
LAST = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
        "De Smet", "Dubois", "Lambert", "Dupont", "Hermans", "Aerts", "Vos", "Bakker", "Visser", "Smit",
        "El Amrani", "Yilmaz", "Benali", "Van Damme", "De Vries", "Martens", "Cools", "Verhoeven", "Segers"]
PLACES = ["Schelde", "Noordzee", "Haven", "Kaai", "Polder", "Delta", "Waasland", "Berendrecht", "Lillo",
          "Kallo", "Zandvliet", "Doel", "Ekeren", "Merksem", "Hoboken", "Wilrijk", "Deurne", "Zwijndrecht"]
LOGISTICS = ["Logistics", "Forwarding", "Shipping Agency", "Stevedoring", "Transport", "Freight",
             "Customs Brokers", "Container Terminal", "Haulage", "Expeditie", "Cargo Services", "Warehousing"]
OTHER = ["Bakery", "Consulting", "Trading", "Construction", "Motors", "Textiles", "Foods", "Garage",
         "Real Estate", "Catering", "Cleaning", "Printing"]
FORMS = ["NV", "BV", "BVBA", "SA", "SRL", "Ltd"]
ROLES = ["docker", "crane operator", "planner", "straddle carrier driver", "lasher", "checker",
         "truck driver", "security guard", "customs officer"]
PORTS = [("port:BEANR", "Antwerp"), ("port:NLRTM", "Rotterdam"), ("port:DEHAM", "Hamburg"),
         ("port:FRLEH", "Le Havre"), ("port:BEZEE", "Zeebrugge")]


@dataclass
class Ecosystem:
    """The generated graph (store projection format) and its ground truth."""

    graph: nx.MultiDiGraph
    watchlist: list[str]
    hidden_members: list[str]
    planted_firms: dict[str, int]
    planted_insiders: dict[str, int]
    logistics_firms: list[str]
    insiders: list[str]
    noise_firms: dict[str, int] = field(default_factory=dict)

    def projection(self) -> nx.Graph:
        from graph.analysis.projection import project

        return project(self.graph)

    def truth(self) -> dict[str, Any]:
        return {"watchlist": self.watchlist, "planted_firms": self.planted_firms,
                "planted_insiders": self.planted_insiders, "hidden_members": self.hidden_members}

    def to_extractions(self, batch: int = 2000) -> Iterator[Extraction]:
        """The graph as extractions (one synthetic document per ``batch`` relations) for a store."""
        G = self.graph
        edges = list(G.edges(keys=True, data=True))
        written: set[str] = set()
        for part, start in enumerate(range(0, max(1, len(edges)), batch)):
            chunk = edges[start:start + batch]
            lines = [f"{u} {k} {v}" for u, v, k, _ in chunk]
            text = "\n".join(lines)
            doc = Document(doc_id=Document.id_for_bytes(text.encode()), text=text, format="csv",
                           title=f"synthetic port registry, part {part + 1}", source=f"synthetic/part{part + 1}.csv",
                           grading="B2")
            ents = []
            for u, v, _, _ in chunk:
                for n in (u, v):
                    if n not in written:
                        written.add(n)
                        d = G.nodes[n]
                        ents.append(Entity(n, d["type"], d["name"], properties=dict(d.get("properties", {}))))
            rels, offset = [], 0
            for (u, v, k, d), line in zip(chunk, lines, strict=True):
                ev = Evidence(doc_id=doc.doc_id, start=offset, end=offset + len(line), sentence=line,
                              method="structured", extractor="synthetic", weight=d["weight"], date=d["last_seen"])
                rels.append(Relation(u, v, k, evidence=[ev]))
                offset += len(line) + 1
            yield Extraction(document=doc, entities=ents, relations=rels)


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.nodes: dict[str, tuple[str, str, dict[str, Any]]] = {}
        self.edges: dict[tuple[str, str, str], list[Any]] = {}
        self.names: set[tuple[str, str]] = set()
        self.repeats: dict[tuple[str, str], int] = {}

    def date(self, lo: int = 2018, hi: int = 2024) -> str:
        """A day between 1 January of ``lo`` and 28 December of ``hi``."""
        day = self.rng.randrange((hi - lo + 1) * 336)
        year, rest = divmod(day, 336)
        return f"{lo + year}-{rest // 28 + 1:02d}-{rest % 28 + 1:02d}"

    def node(self, prefix: str, type_: str, name: str, key: str | None = None, **props: Any) -> str:
        if key is not None and f"{prefix}:{key}" in self.nodes:
            return f"{prefix}:{key}"  # the same identifier drawn twice: one node
        if (type_, name) in self.names:  # a namesake: number it
            base = name
            while (type_, name) in self.names:
                self.repeats[(type_, base)] = self.repeats.get((type_, base), 1) + 1
                name = f"{base} {self.repeats[(type_, base)]}"
        self.names.add((type_, name))
        nid = f"{prefix}:{key or name_key(name)}"
        self.nodes[nid] = (type_, name, props)
        return nid

    def edge(self, u: str, v: str, type_: str, weight: float = 1.0, date: str | None = None) -> None:
        if u == v:
            return
        d = date or self.date()
        cur = self.edges.get((u, v, type_))
        if cur is None:
            self.edges[(u, v, type_)] = [weight, 1, d, d]
        else:
            cur[0] += weight
            cur[1] += 1
            cur[2], cur[3] = min(cur[2], d), max(cur[3], d)

    def person(self, **props: Any) -> str:
        return self.node("person", "PERSON", f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}", **props)

    def phone(self) -> str:
        number = f"+32{self.rng.choice('4')}{self.rng.randint(60, 99)}{self.rng.randint(100000, 999999)}"
        return self.node("phone", "PHONE", number, key=number)

    def firm(self, logistics: bool, **props: Any) -> str:
        words = LOGISTICS if logistics else OTHER
        name = f"{self.rng.choice(PLACES + LAST)} {self.rng.choice(words)} {self.rng.choice(FORMS)}"
        return self.node("company", "COMPANY", name, **props)

    def graph(self) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph()
        for nid, (type_, name, props) in self.nodes.items():
            G.add_node(nid, name=name, type=type_, properties=props)
        for (u, v, t), (w, c, first, last) in self.edges.items():
            G.add_edge(u, v, key=t, type=t, weight=float(w), count=c, first_seen=first, last_seen=last,
                       weak=t == "CO_MENTIONED")
        return G


def generate(n_nodes: int = 10_000, *, n_planted: int | None = None, depths: Sequence[int] = (1, 2, 3),
             noise: float = 0.1, members: int | None = None, seed: int = 0) -> Ecosystem:
    """Generate a port ecosystem of about ``n_nodes`` entities (about 4 edges per entity).

    Parameters
    ----------
    n_nodes : int
        Approximate number of entities.
    n_planted : int, optional
        Infiltrated logistics firms (default ``max(6, n_nodes // 500)``), spread over ``depths``.
    depths : sequence of int
        Depths (1 to 3) of the planted infiltrations, used in turn.
    noise : float
        Share of ordinary logistics firms given one incidental tie to the network.
    members : int, optional
        Network members (default ``max(12, n_nodes // 250)``); half are watchlisted.
    seed : int
    """
    b = _Builder(seed)
    r = b.rng
    n_planted = n_planted if n_planted is not None else max(6, n_nodes // 500)
    n_members = members if members is not None else max(12, n_nodes // 250)
    n_firms = max(20, int(n_nodes * 0.06))
    n_people = max(40, int(n_nodes * 0.38))
    ports = [b.node("port", "PORT", name, key=loc.split(":")[1]) for loc, name in PORTS]

    firms = [b.firm(i % 5 < 3, founded=b.date(1970, 2022)) for i in range(n_firms)]
    logistics = [f for i, f in enumerate(firms) if i % 5 < 3]
    centres = [b.node("address", "ADDRESS", f"Business Centre {p} {i}") for i, p in enumerate(PLACES[:max(3, n_firms // 150)])]
    sizes = [max(1, int(r.paretovariate(1.3))) for _ in firms]
    employers = r.choices(firms, weights=sizes, k=n_people)
    people, insiders = [], []
    employer: dict[str, str] = {}
    for f in employers:
        p = b.person()
        employer[p] = f
        b.edge(p, f, "EMPLOYED_BY", date=b.date(2005, 2023))
        if f in logistics and r.random() < 0.35:
            b.nodes[p][2]["role"] = r.choice(ROLES)
            b.edge(p, r.choice(ports[:3]), "WORKS_AT")
            insiders.append(p)
        if r.random() < 0.75:
            b.edge(p, b.phone(), "HAS_PHONE")
        if r.random() < 0.3:
            b.edge(p, b.node("address", "ADDRESS", f"{r.choice(PLACES)}straat {r.randint(1, 400)}"), "HAS_ADDRESS")
        people.append(p)
    for f in firms:
        for p in r.sample(people, r.choice([1, 1, 2])):
            b.edge(p, f, "DIRECTOR_OF", date=b.date(2000, 2023))
        b.edge(f, b.phone(), "HAS_PHONE")
        home = r.choice(centres) if r.random() < 0.1 else b.node("address", "ADDRESS", f"{b.nodes[f][1]} site")
        b.edge(f, home, "HAS_ADDRESS")
        if r.random() < 0.5:
            b.edge(f, b.node("email", "EMAIL", f"info@{name_key(b.nodes[f][1])}.be"), "HAS_EMAIL")
        if r.random() < 0.3:
            b.edge(f, b.node("account", "BANK_ACCOUNT", f"BE{r.randint(10, 99)}{r.randint(10**11, 10**12 - 1)}"), "HAS_ACCOUNT")
    by_firm: dict[str, list[str]] = {}
    for p, f in employer.items():
        by_firm.setdefault(f, []).append(p)
    for p in people:  # everyday contacts: mostly colleagues
        for _ in range(r.choice([1, 2, 2, 3])):
            mates = by_firm[employer[p]]
            q = r.choice(mates) if r.random() < 0.6 and len(mates) > 1 else r.choice(people)
            b.edge(p, q, "CONTACTED", weight=r.randint(1, 6))
    # vessels, shipments, containers
    shippers = [f for f in logistics if any(w in b.nodes[f][1] for w in ("Shipping", "Terminal", "Cargo"))] or logistics
    vessels = []
    for i in range(max(5, n_nodes // 100)):
        imo = f"9{r.randint(100000, 999999)}"
        v = b.node("vessel", "VESSEL", f"{r.choice(PLACES)} Star {i}", key=f"imo:{imo}")
        vessels.append(v)
        b.edge(r.choice(shippers), v, "OPERATES")
        for port in r.sample(ports, 2):
            b.edge(v, port, "CALLED_AT", weight=r.randint(1, 5))

    def shipment(forwarder: str, consignee: str, date: str | None = None) -> None:
        s = b.node("shipment", "SHIPMENT", f"BL {r.randint(10**7, 10**8 - 1)}")
        owner = "".join(r.choice("ABCDEFGHIJKLMNOPRSTVWXYZ") for _ in range(3)) + "U"
        serial = f"{r.randint(0, 999999):06d}"
        number = owner + serial + str(iso6346_check_digit(owner + serial))
        c = b.node("container", "CONTAINER", number, key=number)
        b.edge(forwarder, s, "FORWARDER_OF", date=date)
        b.edge(consignee, s, "CONSIGNEE_OF", date=date)
        b.edge(r.choice(firms), s, "SHIPPER_OF", date=date)
        b.edge(s, c, "SHIPPED_IN", date=date)
        b.edge(s, r.choice(vessels), "SHIPPED_IN", date=date)

    for _ in range(max(10, n_nodes // 25)):
        shipment(r.choice(logistics), r.choice(firms))
    # the network
    org = b.node("org", "ORGANIZATION", "Zwarte Kaai group")
    crew = [b.person() for _ in range(n_members)]
    r.shuffle(crew)
    watched, hidden = crew[: n_members // 2], crew[n_members // 2:]
    burners = [b.phone() for _ in range(max(2, n_members // 4))]
    phone_of: dict[str, str] = {}
    for m in crew:
        phone_of[m] = b.phone()
        b.edge(m, phone_of[m], "HAS_PHONE", date=b.date(2021, 2024))
        if r.random() < 0.4:
            b.edge(m, r.choice(burners), "HAS_PHONE", date=b.date(2022, 2024))
        if r.random() < 0.6:
            b.edge(m, org, "MEMBER_OF", date=b.date(2020, 2024))
        for q in r.sample(crew, 3):
            b.edge(m, q, "CONTACTED", weight=r.randint(3, 30), date=b.date(2022, 2024))
        for q in r.sample(people, 2):  # everyday life: innocent contacts
            b.edge(m, q, "CONTACTED", weight=r.randint(1, 3))
    fronts = [b.firm(False, founded=b.date(2021, 2024)) for _ in range(max(2, n_members // 6))]
    for f in fronts:
        b.edge(r.choice(hidden), f, "DIRECTOR_OF", date=b.date(2021, 2024))
        b.edge(f, b.phone(), "HAS_PHONE")
        b.edge(f, r.choice(centres), "HAS_ADDRESS", date=b.date(2021, 2024))
    home_of = {m: b.node("address", "ADDRESS", f"{r.choice(PLACES)}laan {r.randint(1, 400)}") for m in crew}
    for m, a in home_of.items():
        b.edge(m, a, "HAS_ADDRESS")

    def recent() -> str:
        return b.date(2023, 2024)

    def tie(firm: str, depth: int) -> str | None:
        """One tie of ``depth`` between a firm and the network; returns a corrupted insider, if any."""
        staff = by_firm.get(firm, [])
        kind = r.randrange(3)
        if depth == 1:
            w = r.choice(watched)
            if kind == 0:
                b.edge(w, firm, r.choice(["DIRECTOR_OF", "EMPLOYED_BY"]), date=recent())
            elif kind == 1:
                b.edge(firm, phone_of[w], "HAS_PHONE", date=recent())
            else:
                b.edge(firm, home_of[w], "HAS_ADDRESS", date=recent())
            return None
        if depth == 2:
            if kind == 0:
                b.edge(r.choice(hidden), firm, r.choice(["DIRECTOR_OF", "EMPLOYED_BY"]), date=recent())
                return None
            if kind == 1 and staff:
                e = r.choice(staff)
                b.edge(e, r.choice(watched), "CONTACTED", weight=r.randint(2, 12), date=recent())
                return e
            b.edge(firm, r.choice([phone_of[h] for h in hidden] + burners), "HAS_PHONE", date=recent())
            return None
        if kind < 2 and staff:
            e = r.choice(staff)
            b.edge(e, r.choice(hidden), "CONTACTED", weight=r.randint(2, 12), date=recent())
            return e
        shipment(firm, r.choice(fronts), date=recent())
        return None

    ordinary = [f for f in logistics]
    r.shuffle(ordinary)
    planted = {f: depths[i % len(depths)] for i, f in enumerate(ordinary[:n_planted])}
    planted_insiders: dict[str, int] = {}
    for f, depth in planted.items():
        for _ in range(r.choice([2, 3])):
            e = tie(f, depth)
            if e is not None and e in insiders:
                planted_insiders[e] = depth
        if r.random() < 0.5:
            b.nodes[f][2]["founded"] = b.date(2023, 2024)
    noisy = {f: r.choice([1, 2, 3]) for f in ordinary[n_planted:] if r.random() < noise}
    for f, depth in noisy.items():
        tie(f, depth)
    pool = firms + people
    for _ in range(max(5, n_nodes // 50)):  # weak co-mentions
        u, v = r.sample(pool, 2)
        b.edge(u, v, "CO_MENTIONED")
    return Ecosystem(graph=b.graph(), watchlist=sorted(watched + [org]), hidden_members=sorted(hidden),
                     planted_firms=planted, planted_insiders=planted_insiders, logistics_firms=sorted(logistics),
                     insiders=sorted(insiders), noise_firms=noisy)


def precision_at_k(ranked: Sequence[str], positives: set[str] | dict[str, Any], k: int = 10) -> float:
    """Share of the first ``k`` ranked ids that are positives.

    >>> precision_at_k(["a", "b", "c"], {"a", "c"}, k=2)
    0.5
    """
    top = list(ranked)[:k]
    return sum(1 for x in top if x in positives) / k if k else 0.0


def roc_auc(scores: dict[str, float], positives: set[str] | dict[str, Any]) -> float:
    """Area under the ROC curve (Mann-Whitney, ties count half).

    >>> roc_auc({"a": 0.9, "b": 0.1, "c": 0.5}, {"a"})
    1.0
    """
    pos = [s for k, s in scores.items() if k in positives]
    neg = sorted(s for k, s in scores.items() if k not in positives)
    if not pos or not neg:
        return float("nan")
    import bisect

    total = 0.0
    for s in pos:
        lo, hi = bisect.bisect_left(neg, s), bisect.bisect_right(neg, s)
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def evaluate(eco: Ecosystem, G: nx.Graph | None = None, kind: str = "firms") -> dict[str, float]:
    """precision@10 and ROC-AUC of the suspicious-link ranking on the planted firms (or insiders)."""
    from graph.analysis.suspicious import find_candidates, suspicious_links

    graph = G if G is not None else eco.projection()
    ranked = suspicious_links(graph, eco.watchlist, top=None, kind=kind, explain=False)
    positives = eco.planted_firms if kind == "firms" else eco.planted_insiders
    # candidates with no tie to the watchlist are left out of the ranking: they score 0 here
    scores = {c: 0.0 for c in find_candidates(graph, kind)}
    scores.update({r.entity_id: r.score for r in ranked})
    return {"precision_at_10": precision_at_k([r.entity_id for r in ranked], positives, 10),
            "roc_auc": roc_auc(scores, positives), "candidates": len(ranked), "positives": len(positives)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--noise", type=float, default=0.1)
    args = parser.parse_args(argv)
    eco = generate(args.nodes, seed=args.seed, noise=args.noise)
    G = eco.projection()
    out = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), **evaluate(eco, G)}
    ins = evaluate(eco, G, kind="insiders")
    out.update(insiders_precision_at_10=ins["precision_at_10"], insiders_roc_auc=ins["roc_auc"])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
