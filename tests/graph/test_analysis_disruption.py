"""Network disruption: fragmentation after removing actors, against a random baseline."""

import networkx as nx
import pytest

from graph.analysis import disruption_curve, fragmentation, random_disruption


def test_cutting_the_middle_of_a_chain_splits_it_in_two() -> None:
    chain = nx.path_graph(["a", "b", "c", "d", "e"])
    intact = fragmentation(chain)
    assert intact == {"removed": 0, "largest_component": 5, "components": 1, "reachability": 1.0}
    cut = fragmentation(chain, ["c"])
    assert cut["largest_component"] == 2 and cut["components"] == 2
    assert cut["reachability"] == pytest.approx((2 + 2) / (5 * 4))  # pairs counted over the original 5 nodes


def test_unknown_nodes_are_ignored_and_directed_graphs_count_weak_links() -> None:
    g = nx.DiGraph([("a", "b"), ("c", "b")])
    result = fragmentation(g, ["nobody"])
    assert result["removed"] == 0 and result["largest_component"] == 3


def test_removing_the_hub_of_a_star_beats_random_removals() -> None:
    star = nx.star_graph(6)  # node 0 is the hub
    star = nx.relabel_nodes(star, str)
    curve = disruption_curve(star, ["0", "1", "2"])
    assert [p["removed"] for p in curve] == [0, 1, 2, 3]
    assert curve[1]["largest_component"] == 1 and curve[1]["reachability"] == 0.0
    baseline = random_disruption(star, 1, draws=50, seed=3)
    assert len(baseline) == 2
    assert curve[1]["reachability"] < baseline[1]["reachability"] < 1.0


def test_steps_limit_the_curve_and_a_small_pool_is_refused() -> None:
    chain = nx.path_graph(4)
    assert len(disruption_curve(chain, [0, 1, 2, 3], steps=2)) == 3
    with pytest.raises(ValueError, match="cannot draw 3"):
        random_disruption(chain, 3, among=[0, 1])
