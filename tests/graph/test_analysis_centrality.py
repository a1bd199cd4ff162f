"""Centrality: a hand-checked port network, and agreement with networkx on real criminal networks."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from analysis_fixtures import by_name, edges_extraction, network_files, reference_graph, sqlite_store

from graph.analysis import (
    MEASURES,
    betweenness_error_bound,
    centrality,
    centrality_scores,
    load_edge_list,
    port_network,
    project,
)
from graph.analysis.fast import FastGraph
from graph.errors import InvalidInput

REFERENCE = {
    "degree": nx.degree_centrality,
    "betweenness": nx.betweenness_centrality,
    "eigenvector": nx.eigenvector_centrality,
    "pagerank": nx.pagerank,
    "closeness": nx.closeness_centrality,
}


def scores(G, measure, **kw):
    return {r["entity_id"]: r["score"] for r in centrality(G, measure, **kw)}


# --- the 12-node port network, by hand ------------------------------------------------------------
def test_degree_by_hand():
    G = port_network()
    deg = scores(G, "degree")
    # Scheldt Forwarding: phone, Jan Peeters, address, Havenzicht (weak co-mention) = 4 of 11
    assert deg["company:scheldt-forwarding-nv"] == pytest.approx(4 / 11)
    assert deg["company:bakkerij-de-ridder"] == pytest.approx(1 / 11)
    strong = scores(project(G, include_weak=False), "degree")
    assert strong["company:scheldt-forwarding-nv"] == pytest.approx(3 / 11)


def test_closeness_and_betweenness_by_hand():
    G = port_network()
    # the bakery is a leaf: distances 1 (address), 2, 3, 3, 3, 4, 4, 4, 4, 4, 5 -> 37
    assert scores(G, "closeness")["company:bakkerij-de-ridder"] == pytest.approx(11 / 37)
    btw = scores(G, "betweenness")
    assert btw["company:bakkerij-de-ridder"] == 0.0
    # the address carries the bakery's 10 shortest paths, out of 55 pairs
    assert btw["address:industrieweg-12-antwerpen"] == pytest.approx(10 / 55)


def test_rows_are_sorted_filtered_and_cut():
    G = port_network()
    rows = centrality(G, "pagerank", top=3, types=["company"])
    assert [r["type"] for r in rows] == ["COMPANY"] * 3
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert set(rows[0]) == {"entity_id", "name", "type", "score"}
    assert math.isclose(sum(r["score"] for r in centrality(G, "pagerank")), 1.0)


def test_weighted_paths_use_distance_one_over_weight():
    G = nx.Graph()
    G.add_edge("a", "b", weight=1.0)
    G.add_edge("a", "c", weight=4.0)
    G.add_edge("c", "b", weight=4.0)
    assert centrality_scores(G, "betweenness")["c"] == 0.0
    # a-c-b has length 0.25 + 0.25 < 1: with tie strength the strong detour is the shortest path
    assert centrality_scores(G, "betweenness", weighted=True)["c"] == 1.0
    assert centrality_scores(G, "closeness", weighted=True)["c"] == pytest.approx(2 / 0.5)


def test_pagerank_uses_tie_strength_by_default():
    G = nx.Graph()
    G.add_edge("hub", "strong", weight=10.0)
    G.add_edge("hub", "weak", weight=1.0)
    pr = centrality_scores(G, "pagerank")
    assert pr["strong"] > pr["weak"]
    assert centrality_scores(G, "pagerank", weighted=False)["strong"] == pytest.approx(
        centrality_scores(G, "pagerank", weighted=False)["weak"])


def test_bad_arguments():
    G = port_network()
    with pytest.raises(InvalidInput):
        centrality(G, "fame")
    with pytest.raises(InvalidInput):
        centrality(G, "pagerank", k=3)
    with pytest.raises(InvalidInput):
        centrality(G, "degree", top=0)


def test_time_window():
    G = port_network()
    recent = project(G, since="2024-01-01")
    assert recent.has_edge("person:jan-peeters", "person:milan-vos")
    assert not recent.has_edge("person:tom-wouters", "port:BEANR")  # 2018
    assert recent.number_of_nodes() == 12  # nodes stay unless drop_isolates
    assert project(G, since="2024-01-01", drop_isolates=True).number_of_nodes() < 12


# --- real criminal networks ---------------------------------------------------------------------
@pytest.mark.parametrize("measure", MEASURES)
def test_agrees_with_networkx_on_real_networks(measure):
    for path in network_files():
        G = load_edge_list(path)
        ref = REFERENCE[measure](reference_graph(path))
        got = by_name(G, centrality_scores(G, measure))
        assert got.keys() == ref.keys(), path.name
        worst = max(abs(got[n] - ref[n]) for n in ref)
        assert worst <= 1e-9, f"{path.name}: {measure} differs by {worst}"


def test_cli_rows_agree_through_a_store(tmp_path):
    # reciprocal rows a->b and b->a become one relation whose weight is their sum
    path = next(p for p in network_files() if p.name == "morselli_caviar.edges.csv")
    store = sqlite_store(tmp_path, edges_extraction(path))
    ref_graph = reference_graph(path)
    for measure in ("pagerank", "betweenness", "eigenvector"):
        rows = centrality(store, measure)
        ref = REFERENCE[measure](ref_graph)
        assert {r["name"]: r["score"] for r in rows} == pytest.approx(ref, abs=1e-9)
    store.close()


def test_fast_backend_matches_networkx():
    for path in network_files()[:6]:
        G = load_edge_list(path)
        for measure in ("degree", "pagerank", "betweenness"):
            fast = centrality_scores(G, measure, backend="fast")
            ref = centrality_scores(G, measure, backend="networkx")
            assert max(abs(fast[n] - ref[n]) for n in ref) < 1e-12, (path.name, measure)
        fast = centrality_scores(G, "betweenness", k=8, seed=3, backend="fast")
        ref = centrality_scores(G, "betweenness", k=8, seed=3, backend="networkx")
        assert max(abs(fast[n] - ref[n]) for n in ref) < 1e-12, path.name


def test_sampled_betweenness_is_networkx_sampling():
    G = load_edge_list(network_files()[0])
    got = centrality_scores(G, "betweenness", k=10, seed=7)
    assert got == nx.betweenness_centrality(G, k=10, seed=7)


def _overlap(exact, sampled, t=10):
    top = sorted(sampled, key=lambda n: (-sampled[n], str(n)))[:t]
    threshold = sorted(exact.values(), reverse=True)[t - 1]
    return sum(exact[n] >= threshold - 1e-12 for n in top) / t


def test_sampled_betweenness_top10_overlap_and_error_bound():
    overlaps = []
    for path in network_files():
        G = load_edge_list(path)
        exact = centrality_scores(G, "betweenness")
        k = min(32, len(G))
        sampled = centrality_scores(G, "betweenness", k=k, seed=0)
        overlaps.append(_overlap(exact, sampled))
        worst = max(abs(sampled[n] - exact[n]) for n in exact)
        assert worst <= betweenness_error_bound(len(G), k, delta=0.01), path.name
    assert sum(overlaps) / len(overlaps) >= 0.9
    assert min(overlaps) >= 0.6


def test_error_bound_shrinks_with_more_sources():
    assert betweenness_error_bound(500, 500) == 0.0
    assert betweenness_error_bound(500, 256) < betweenness_error_bound(500, 64) < betweenness_error_bound(500, 16)


def test_fast_graph_from_edges_matches_from_networkx():
    G = nx.Graph([(0, 1, {"weight": 2.0}), (1, 2, {"weight": 1.0}), (2, 0, {"weight": 3.0}), (2, 3, {"weight": 1.0})])
    a = FastGraph.from_networkx(G).pagerank()
    b = FastGraph.from_edges(list(G), [(0, 1, 2.0), (1, 2, 1.0), (2, 0, 3.0), (2, 3, 1.0)]).pagerank()
    assert a == pytest.approx(b, abs=1e-15)
