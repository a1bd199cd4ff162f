"""A hand-checkable 12-node port network, used by docstrings, tests and the README.

Known network: Jan Peeters and Milan Vos, members of the Noordzee group (all three on the
watchlist). Jan Peeters directs *Scheldt Forwarding NV* and shares a phone with it: that firm is
the infiltrated one. Els Maes, a crane operator at the port of Antwerp employed by *Havenzicht
Transport BVBA*, is in contact with Milan Vos: the corrupted insider. Tom Wouters, a docker at the
same firm, and *Bakkerij De Ridder* (a bakery at Scheldt Forwarding's address) are bystanders.

>>> G = port_network()
>>> G.number_of_nodes(), G.number_of_edges()
(12, 16)
"""

from __future__ import annotations

import networkx as nx

from graph.model import Document, Entity, Evidence, Extraction, Relation

__all__ = ["port_network", "port_network_extraction", "PORT_NETWORK_WATCHLIST"]

#: watchlist CSV rows (name, type, identifier) of the example
PORT_NETWORK_WATCHLIST = [
    ("Jan Peeters", "PERSON", ""),
    ("Milan Vos", "PERSON", ""),
    ("Noordzee group", "ORGANIZATION", ""),
]

_ENTITIES = [
    # entity_id, type, name, identifiers, properties
    ("person:jan-peeters", "PERSON", "Jan Peeters", {}, {}),
    ("person:milan-vos", "PERSON", "Milan Vos", {}, {}),
    ("org:noordzee-group", "ORGANIZATION", "Noordzee group", {}, {"watchlist": True}),
    ("company:scheldt-forwarding-nv", "COMPANY", "Scheldt Forwarding NV", {"VAT": "BE0123456749"},
     {"activity": "freight forwarding", "founded": "2023-02-01"}),
    ("company:havenzicht-transport-bvba", "COMPANY", "Havenzicht Transport BVBA", {},
     {"activity": "road haulage", "founded": "1998-06-15"}),
    ("company:bakkerij-de-ridder", "COMPANY", "Bakkerij De Ridder", {}, {"activity": "bakery"}),
    ("person:els-maes", "PERSON", "Els Maes", {}, {"role": "crane operator"}),
    ("person:tom-wouters", "PERSON", "Tom Wouters", {}, {"role": "docker"}),
    ("phone:+32470123456", "PHONE", "+32470123456", {"PHONE": "+32470123456"}, {}),
    ("port:BEANR", "PORT", "Antwerp", {"LOCODE": "BEANR"}, {}),
    ("vessel:imo:9074729", "VESSEL", "Nordic Star", {"IMO": "9074729"}, {}),
    ("address:industrieweg-12-antwerpen", "ADDRESS", "Industrieweg 12, Antwerpen", {}, {}),
]

_RELATIONS = [
    # source, target, type, weight, date, sentence
    ("person:jan-peeters", "person:milan-vos", "CONTACTED", 3.0, "2024-03-02",
     "Jan Peeters called Milan Vos three times on 2 March 2024."),
    ("person:jan-peeters", "org:noordzee-group", "MEMBER_OF", 1.0, "2023-11-20",
     "Jan Peeters is a member of the Noordzee group."),
    ("person:milan-vos", "org:noordzee-group", "MEMBER_OF", 1.0, "2023-11-20",
     "Milan Vos is a member of the Noordzee group."),
    ("person:jan-peeters", "phone:+32470123456", "HAS_PHONE", 1.0, "2024-01-10",
     "Jan Peeters uses the phone +32470123456."),
    ("company:scheldt-forwarding-nv", "phone:+32470123456", "HAS_PHONE", 1.0, "2024-01-10",
     "Scheldt Forwarding NV lists +32470123456 as its contact number."),
    ("person:jan-peeters", "company:scheldt-forwarding-nv", "DIRECTOR_OF", 1.0, "2023-02-01",
     "Jan Peeters has been director of Scheldt Forwarding NV since February 2023."),
    ("company:scheldt-forwarding-nv", "address:industrieweg-12-antwerpen", "HAS_ADDRESS", 1.0, "2023-02-01",
     "Scheldt Forwarding NV is registered at Industrieweg 12, Antwerpen."),
    ("company:bakkerij-de-ridder", "address:industrieweg-12-antwerpen", "HAS_ADDRESS", 1.0, "2015-04-01",
     "Bakkerij De Ridder trades from Industrieweg 12, Antwerpen."),
    ("person:els-maes", "port:BEANR", "WORKS_AT", 1.0, "2019-09-01",
     "Els Maes works as a crane operator in the port of Antwerp."),
    ("person:els-maes", "person:milan-vos", "CONTACTED", 2.0, "2024-03-05",
     "Els Maes exchanged two messages with Milan Vos on 5 March 2024."),
    ("person:els-maes", "company:havenzicht-transport-bvba", "EMPLOYED_BY", 1.0, "2019-09-01",
     "Els Maes is employed by Havenzicht Transport BVBA."),
    ("person:tom-wouters", "port:BEANR", "WORKS_AT", 1.0, "2018-01-01",
     "Tom Wouters works as a docker in the port of Antwerp."),
    ("person:tom-wouters", "company:havenzicht-transport-bvba", "EMPLOYED_BY", 1.0, "2018-01-01",
     "Tom Wouters is employed by Havenzicht Transport BVBA."),
    ("company:havenzicht-transport-bvba", "vessel:imo:9074729", "OPERATES", 1.0, "2022-05-01",
     "Havenzicht Transport BVBA operates the Nordic Star."),
    ("vessel:imo:9074729", "port:BEANR", "CALLED_AT", 2.0, "2024-03-04",
     "The Nordic Star called at Antwerp twice in March 2024."),
    ("company:scheldt-forwarding-nv", "company:havenzicht-transport-bvba", "CO_MENTIONED", 1.0, "2024-03-06",
     "Scheldt Forwarding NV and Havenzicht Transport BVBA both appear on the manifest."),
]


def port_network_extraction(grading: str | None = "B2") -> Extraction:
    """The example as one document's :class:`~graph.model.Extraction`, ready for a store."""
    text = " ".join(r[5] for r in _RELATIONS)
    doc = Document(doc_id=Document.id_for_bytes(text.encode()), text=text, title="Example port case",
                   source="examples/port_network.txt", date="2024-03-10", grading=grading)
    entities = [Entity(entity_id=eid, type=typ, name=name, identifiers=dict(ids), properties=dict(props))
                for eid, typ, name, ids, props in _ENTITIES]
    relations = []
    offset = 0
    for src, tgt, typ, weight, date, sentence in _RELATIONS:
        ev = Evidence(doc_id=doc.doc_id, start=offset, end=offset + len(sentence), sentence=sentence,
                      method="analyst", extractor="example", weight=weight, date=date)
        relations.append(Relation(source=src, target=tgt, type=typ, evidence=[ev]))
        offset += len(sentence) + 1
    return Extraction(document=doc, entities=entities, relations=relations)


def port_network() -> nx.Graph:
    """The example as a projection (``nx.Graph``) with entity properties on the nodes."""
    from graph.analysis.projection import project

    M = nx.MultiDiGraph()
    for eid, typ, name, ids, props in _ENTITIES:
        M.add_node(eid, name=name, type=typ, aliases=[], identifiers=dict(ids), properties=dict(props))
    for src, tgt, typ, weight, date, _ in _RELATIONS:
        M.add_edge(src, tgt, key=typ, type=typ, weight=weight, count=1, first_seen=date, last_seen=date,
                   weak=typ == "CO_MENTIONED")
    return project(M)
