"""Suspicious links, watchlists, link prediction and exports."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from analysis_fixtures import port_store, synthetic

from graph.analysis import (
    PORT_NETWORK_WATCHLIST,
    WatchlistEntry,
    find_candidates,
    grade_weight,
    match_watchlist,
    parse_watchlist,
    port_network,
    predict_links,
    read_watchlist,
    suspicious_links,
    write_graph,
    write_table,
)
from graph.errors import InvalidInput

WATCHLIST = [WatchlistEntry(*row) for row in PORT_NETWORK_WATCHLIST]


def test_candidates_are_logistics_firms_and_port_insiders():
    cands = find_candidates(port_network(), "all")
    assert cands == {"company:scheldt-forwarding-nv": "firm", "company:havenzicht-transport-bvba": "firm",
                     "person:els-maes": "insider", "person:tom-wouters": "insider"}


def test_infiltrated_firm_ranks_first_with_its_explanation():
    first, second = suspicious_links(port_network(), WATCHLIST)
    assert (first.name, second.name) == ("Scheldt Forwarding NV", "Havenzicht Transport BVBA")
    assert first.score > second.score > 0
    assert sum(f["contribution"] for f in first.factors) == pytest.approx(first.score, abs=1e-5)
    factors = {f["signal"]: f for f in first.factors}
    shared = factors["shared_identifiers"]["detail"]["shared"][0]
    assert shared["identifier"] == "phone:+32470123456" and shared["with"] == ["person:jan-peeters"]
    officers = factors["shared_officers"]["detail"]["officers"]
    assert officers[0]["entity_id"] == "person:jan-peeters" and officers[0]["why"] == "watchlisted"
    assert factors["registry_churn"]["detail"]["recently_founded"] > 0  # founded Feb 2023
    assert first.hops == 1 and first.paths
    assert all(p["nodes"][0]["entity_id"] == first.entity_id for p in first.paths)
    assert {p["watchlisted"] for p in first.paths} <= {"person:jan-peeters", "person:milan-vos",
                                                        "org:noordzee-group"}
    assert "phone +32470123456" in first.summary


def test_insiders_within_two_hops():
    els, tom = suspicious_links(port_network(), WATCHLIST, kind="insiders")
    assert els.name == "Els Maes" and els.within_insider_hops is True and els.hops == 1
    assert tom.within_insider_hops is False and tom.hops == 3  # via Havenzicht, Els Maes


def test_ports_carry_no_path():
    # Tom Wouters and Els Maes both work at Antwerp: that tie alone must not bring Tom within two hops
    rows = {r.entity_id: r for r in suspicious_links(port_network(), WATCHLIST, kind="insiders")}
    assert rows["person:tom-wouters"].hops == 3


def test_weights_come_from_one_config_and_can_be_overridden():
    base = suspicious_links(port_network(), WATCHLIST)[0]
    assert sum(f["weight"] for f in base.factors) == pytest.approx(1.0)
    only_churn = suspicious_links(port_network(), WATCHLIST, weights={s["signal"]: 0 for s in base.factors}
                                  | {"registry_churn": 1})
    assert only_churn[0].score == pytest.approx(
        next(f["value"] for f in base.factors if f["signal"] == "registry_churn"), abs=1e-5)
    with pytest.raises(InvalidInput):
        suspicious_links(port_network(), WATCHLIST, weights={"astrology": 1})
    untagged = port_network()
    untagged.nodes["org:noordzee-group"]["properties"] = {}
    with pytest.raises(InvalidInput):
        suspicious_links(untagged, [WatchlistEntry("Nobody At All")])
    # the analysts' tag alone is a watchlist
    assert suspicious_links(port_network(), [WatchlistEntry("Nobody At All")])[0].hops == 2


def test_store_results_carry_evidence_and_serialise(tmp_path):
    store = port_store(tmp_path)
    csv_path = tmp_path / "watchlist.csv"
    csv_path.write_text("name,type,identifier\nJan Peeters,PERSON,\nMilan Vos,,\n", encoding="utf-8")
    results = suspicious_links(store, csv_path, top=2)
    top = results[0].to_dict()
    assert top["name"] == "Scheldt Forwarding NV" and top["rank"] == 1
    json.dumps(top)
    evidence = [ev for p in top["explanation"]["paths"] for e in p["edges"] for ev in e["evidence"]]
    assert evidence and all(ev["doc_id"] and ev["sentence"] for ev in evidence)
    assert any("director of Scheldt Forwarding" in ev["sentence"] for ev in evidence)
    store.close()


def test_source_grading_weighs_the_evidence(tmp_path):
    reliable = port_store(tmp_path / "a", grading="A1")
    doubtful = port_store(tmp_path / "b", grading="3E")
    assert grade_weight("A1") == 1.0 and grade_weight("3E") < 0.2
    high = suspicious_links(reliable, WATCHLIST)[0].score
    low = suspicious_links(doubtful, WATCHLIST)[0].score
    assert low < high
    # a callable can replace the grading table
    same = suspicious_links(doubtful, WATCHLIST, grade=lambda g: 1.0)[0].score
    assert same == pytest.approx(high)
    reliable.close()
    doubtful.close()


def test_watchlist_matching_by_name_alias_identifier_and_tag(tmp_path):
    G = port_network()
    G.nodes["person:milan-vos"]["aliases"] = ["Milo"]
    G.nodes["person:els-maes"]["identifiers"] = {"PHONE": "+32499111222"}
    entries = parse_watchlist("name,type,identifier\nJAN PEETERS,PERSON,\nmilo,,\n"
                              "Unknown Caller,PERSON,+32 499 11 12 22\nGhost,PERSON,\n"
                              ",,+32470123456\n")
    m = match_watchlist(G, entries)
    assert {"person:jan-peeters", "person:milan-vos", "person:els-maes", "phone:+32470123456",
            "org:noordzee-group"} == set(m.entity_ids)
    assert m.tagged == ["org:noordzee-group"]
    assert [e.name for e in m.unmatched] == ["Ghost"]
    # type restricts name matches
    assert match_watchlist(G, [WatchlistEntry("Jan Peeters", "COMPANY")], tagged=False).entity_ids == []
    with pytest.raises(InvalidInput):
        parse_watchlist("who\nJan\n")
    path = tmp_path / "w.csv"
    path.write_text("name\nJan Peeters\n", encoding="utf-8")
    assert read_watchlist(path) == [WatchlistEntry("Jan Peeters")]


def test_a_group_named_with_or_without_group_words_is_one_watchlist_match():
    G = nx.Graph()
    G.add_node("org:zeeslang", name="Zeeslang", type="ORGANIZATION")
    G.add_node("company:zeeslang-bv", name="Zeeslang Group BV", type="COMPANY")
    G.add_node("person:zeeslang", name="Group Zeeslang", type="PERSON")
    G.add_node("org:noordzee-groep", name="Noordzee Groep", type="ORGANIZATION")
    m = match_watchlist(G, parse_watchlist("name,type\nZeeslang group,ORGANIZATION\nde bende Zeeslang,\n"
                                           "Noordzee-groep,\nGroup,\n"), tagged=False)
    assert [row["entity_ids"] for row in m.rows] == [["org:zeeslang"], ["org:zeeslang"], ["org:noordzee-groep"], []]
    assert m.matches[0]["how"] == ["group name"]
    # a name that matches as written wins: no group-word match is looked for then
    G.add_node("org:zeeslang-group", name="Zeeslang Group", type="ORGANIZATION")
    again = match_watchlist(G, [WatchlistEntry("Zeeslang group")], tagged=False)
    assert again.rows[0]["entity_ids"] == ["org:zeeslang-group"]


def test_a_group_named_by_its_home_town_matches_no_organisation_of_that_name():
    """ "groupe de Marseille" is a group from Marseille: an organisation read as "Marseille" (a football
    club, a mistyped city) is not it; nor is a group-word match made on a name the graph holds as a place."""
    G = nx.Graph()
    G.add_node("org:marseille", name="Marseille", type="ORGANIZATION")
    G.add_node("org:breda", name="Breda", type="ORGANIZATION")
    G.add_node("org:tilbury", name="Tilbury", type="ORGANIZATION")
    G.add_node("port:tilbury", name="Tilbury", type="PORT")
    G.add_node("org:zeeslang", name="Zeeslang", type="ORGANIZATION")
    m = match_watchlist(G, parse_watchlist("name\ngroupe de Marseille\nde bende uit Breda\nthe Tilbury gang\n"
                                           "le groupe Zeeslang\n"), tagged=False)
    assert [row["entity_ids"] for row in m.rows] == [[], [], [], ["org:zeeslang"]]


def test_small_synthetic_ecosystem_precision():
    syn = synthetic()
    precisions, aucs = [], []
    for seed in range(3):
        quality = syn.evaluate(syn.generate(3000, seed=seed, n_planted=15))
        precisions.append(quality["precision_at_10"])
        aucs.append(quality["roc_auc"])
    assert sum(precisions) / 3 >= 0.8
    assert min(aucs) >= 0.9


def test_synthetic_ecosystem_goes_into_a_store(tmp_path):
    syn = synthetic()
    eco = syn.generate(600, seed=2, n_planted=6)
    store = port_store(tmp_path)
    store.write_many(eco.to_extractions(batch=500))
    stats = store.stats()
    assert stats["relations"] >= eco.graph.number_of_edges()
    ranked = suspicious_links(store, eco.watchlist, top=5)
    assert ranked and ranked[0].paths and ranked[0].paths[0]["edges"][0]["evidence"]
    store.close()


def test_link_predictions_are_flagged_and_never_stored(tmp_path):
    store = port_store(tmp_path)
    before = store.stats()
    rows = predict_links(store, ["person:milan-vos", "person:jan-peeters"], method="resource_allocation", top=5)
    assert rows and all(r["predicted"] is True for r in rows)
    assert all(not store.relations_between([r["source"]["entity_id"], r["target"]["entity_id"]])
               for r in rows)
    assert store.stats() == before
    # Milan Vos and Havenzicht share Els Maes: 1 / degree(Els Maes) = 1/3 on the strong graph
    hz = next(r for r in rows if r["source"]["entity_id"] == "person:milan-vos"
              and r["target"]["entity_id"] == "company:havenzicht-transport-bvba")
    assert hz["score"] == pytest.approx(1 / 3)
    assert [c["entity_id"] for c in hz["common_neighbors"]] == ["person:els-maes"]
    store.close()


def test_link_prediction_methods_match_networkx():
    G = port_network()
    for method, fn in (("adamic_adar", nx.adamic_adar_index), ("jaccard", nx.jaccard_coefficient)):
        rows = predict_links(G, ["person:els-maes"], method=method, top=None, include_weak=True)
        ref = {v: p for _, v, p in fn(G, [("person:els-maes", r["target"]["entity_id"]) for r in rows])}
        assert {r["target"]["entity_id"]: r["score"] for r in rows} == pytest.approx(ref)


def test_exports_are_readable(tmp_path):
    G = port_network()
    write_graph(G, tmp_path / "g.graphml")
    write_graph(G, tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == 12 and back.nodes["company:scheldt-forwarding-nv"]["type"] == "COMPANY"
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 16
    rows = [r.to_dict() for r in suspicious_links(G, WATCHLIST)]
    assert write_table(rows, tmp_path / "t.csv") == 2
    header = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("entity_id,name,type,kind,rank,score")
    with pytest.raises(InvalidInput):
        write_graph(G, tmp_path / "g.dot")


def test_public_units_are_not_firms_and_untied_firms_are_counted_not_listed():
    G = port_network()
    # a customs unit the NLP typed as a company, tied to the network, and a haulier nobody is tied to
    G.add_node("company:container-control-team", name="Container Control Team", type="COMPANY")
    G.add_edge("company:container-control-team", "person:jan-peeters", weight=1.0, count=1,
               types=("CO_MENTIONED",), weak=False, distance=1.0)
    G.add_node("company:kempen-trucking-nv", name="Kempen Trucking NV", type="COMPANY")
    assert "company:container-control-team" not in find_candidates(G)
    assert "company:kempen-trucking-nv" in find_candidates(G)
    ranked = suspicious_links(G, WATCHLIST)
    assert [r.name for r in ranked] == ["Scheldt Forwarding NV", "Havenzicht Transport BVBA"]
    assert all(r.score > 0 for r in ranked) and ranked.untied == 1
