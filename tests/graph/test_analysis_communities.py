"""Communities (reproducible with a seed) and brokers (bridges between groups)."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_fixtures import network_files

from graph.analysis import brokers, communities, community_sets, intercommunity_betweenness, load_edge_list
from graph.analysis.examples import port_network
from graph.errors import InvalidInput


def test_port_network_splits_into_its_three_groups():
    result = communities(port_network(), seed=1)
    groups = [set(c.members) for c in result.communities]
    assert len(groups) == 3
    network = next(g for g in groups if "person:milan-vos" in g)
    assert "org:noordzee-group" in network and "company:bakkerij-de-ridder" not in network
    firm = next(g for g in groups if "company:havenzicht-transport-bvba" in g)
    assert {"person:tom-wouters", "vessel:imo:9074729"} <= firm
    assert result.modularity == pytest.approx(
        nx.community.modularity(port_network(), groups, weight="weight"))
    summary = result.to_dict()
    assert summary["count"] == len(groups)
    assert sum(c["size"] for c in summary["communities"]) == 12
    assert all(c["key_members"] for c in summary["communities"])


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_reproducible_with_seed(method):
    G = load_edge_list(next(p for p in network_files() if p.name == "morselli_caviar.edges.csv"))
    a = communities(G, method, seed=42)
    b = communities(G, method, seed=42)
    assert [c.members for c in a.communities] == [c.members for c in b.communities]
    assert a.modularity == b.modularity > 0.3
    assert sum(c.size for c in a.communities) == len(G)


def test_fast_louvain_reaches_networkx_quality():
    G = load_edge_list(next(p for p in network_files() if p.name == "LONDON_GANG.edges.csv"))
    ref = communities(G, "louvain", seed=0, backend="networkx").modularity
    fast = communities(G, "louvain", seed=0, backend="fast").modularity
    assert fast == pytest.approx(ref, abs=0.03)
    assert communities(G, "louvain", seed=3, backend="fast").modularity == pytest.approx(
        communities(G, "louvain", seed=3, backend="fast").modularity)


def test_resolution_changes_granularity():
    G = nx.connected_caveman_graph(6, 5)
    coarse = community_sets(G, resolution=0.2, seed=1)
    fine = community_sets(G, resolution=2.0, seed=1)
    assert len(fine) > len(coarse)
    with pytest.raises(InvalidInput):
        community_sets(G, "infomap")


def test_broker_on_a_bridge_graph():
    # two cliques joined by a path 4-5-6: node 5 carries every path between the groups
    G = nx.Graph()
    G.add_edges_from(nx.complete_graph(range(5)).edges())
    G.add_edges_from(nx.complete_graph(range(6, 11)).edges())
    G.add_edges_from([(4, 5), (5, 6)])
    parts = [set(range(5)), {5}, set(range(6, 11))]
    rows = brokers(G, top=3, communities=parts)
    assert [r["entity_id"] for r in rows][:3] == [5, 4, 6]
    assert rows[0]["communities_reached"] == 2
    assert rows[0]["constraint"] == pytest.approx(nx.constraint(G, [5])[5])
    assert rows[0]["effective_size"] == pytest.approx(nx.effective_size(G, [5])[5])


def test_intercommunity_betweenness_ignores_paths_inside_a_group():
    G = nx.path_graph(5)  # 0-1-2-3-4
    same = intercommunity_betweenness(G, dict.fromkeys(G, 0))
    assert all(v == 0 for v in same.values())
    split = intercommunity_betweenness(G, {0: 0, 1: 0, 2: 1, 3: 1, 4: 1})
    # ordered cross pairs: 2*3*2 = 12; node 1 lies on 0->{2,3,4} and back: 6 of them
    assert split[1] == pytest.approx(6 / 12)
    sampled = intercommunity_betweenness(G, {0: 0, 1: 0, 2: 1, 3: 1, 4: 1}, k=5)
    assert sampled == pytest.approx(split)


def test_brokers_found_without_a_given_partition():
    rows = brokers(port_network(), top=2, seed=1)
    assert rows[0]["name"] == "Scheldt Forwarding NV"
    assert {"bridging", "constraint", "effective_size", "community"} <= set(rows[0])
