"""Neighbourhoods, paths and chosen subgraphs under one filter (date range, undated relations, grading)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dated_network import ANNA, BERT, CAS, DIRK, EVA, FRITZ, PHONE, dated_network

from graph.analysis.filtered import (
    filtered_neighbors,
    filtered_own_relations,
    filtered_path,
    filtered_subgraph,
)
from graph.errors import InvalidInput, NoPath
from graph.filters import GraphFilter
from graph.store import open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator:
    s = open_store(f"sqlite:///{tmp_path / 'dated.db'}")
    s.write_many(dated_network())
    yield s
    s.close()


def ids(sub) -> set[str]:
    return {n.entity_id for n in sub.nodes}


def test_a_relation_is_in_a_range_when_one_of_its_dates_is_and_undated_ones_stay_unless_excluded(store) -> None:
    may = GraphFilter.build(date_from="2023-05", date_to="2023-05")
    # Anna: the May call stays, the June meeting and July co-mention go, the undated phone stays
    assert ids(filtered_own_relations(store, ANNA, may)) == {ANNA, BERT, PHONE}
    strict = GraphFilter.build(date_from="2023-05", date_to="2023-05", undated="exclude")
    assert ids(filtered_own_relations(store, ANNA, strict)) == {ANNA, BERT}
    # Cas-Dirk has calls on 1 April and 20 May: inside May, with only the May evidence kept
    cas = filtered_own_relations(store, CAS, may)
    call = next(r for r in cas.edges if DIRK in (r.source, r.target))
    assert [e.date for e in call.evidence] == ["2023-05-20"]
    with pytest.raises(InvalidInput, match="undated"):
        GraphFilter.build(undated="maybe")


def test_neighbourhood_two_hops_follows_only_relations_inside_the_range(store) -> None:
    everything = filtered_neighbors(store, ANNA, GraphFilter.build(), depth=2)
    assert {EVA, DIRK, CAS} <= ids(everything)
    may = filtered_neighbors(store, ANNA, GraphFilter.build(date_from="2023-05", date_to="2023-05"), depth=2)
    # Eva is reached only in June, Dirk through Eva only in January: both go; Cas (10 May) stays
    assert ids(may) == {ANNA, BERT, PHONE, CAS}
    assert all(e.date is None or e.date.startswith("2023-05") for r in may.edges for e in r.evidence)
    graded = filtered_neighbors(store, ANNA, GraphFilter.build(min_grading="B2", undated="exclude"), depth=3)
    assert ids(graded) == {ANNA, BERT, EVA, DIRK, FRITZ}  # Cas only through the E5 report


def test_shortest_path_under_a_date_range_takes_the_way_inside_it(store) -> None:
    assert [n["entity_id"] for n in filtered_path(store, ANNA, DIRK)["nodes"]] == [ANNA, EVA, DIRK]
    may = filtered_path(store, ANNA, DIRK, GraphFilter.build(date_from="2023-05", include_weak=False))
    assert [n["entity_id"] for n in may["nodes"]] == [ANNA, BERT, CAS, DIRK] and may["hops"] == 3
    assert [e["source"] for e in may["edges"]] == [ANNA, BERT, CAS]
    with pytest.raises(NoPath, match="filters"):
        filtered_path(store, ANNA, DIRK, GraphFilter.build(date_from="2023-06", include_weak=False))


def test_a_chosen_subgraph_keeps_its_entities_and_drops_relations_outside_the_range(store) -> None:
    sub = filtered_subgraph(store, [ANNA, EVA, FRITZ], GraphFilter.build(date_to="2023-05"))
    assert ids(sub) == {ANNA, EVA, FRITZ} and sub.edges == []
    assert len(filtered_subgraph(store, [ANNA, EVA, FRITZ], GraphFilter.build()).edges) == 2


def test_a_reopened_investigation_draws_only_the_relations_its_saved_filters_let_through(store) -> None:
    from graph import investigations

    panel = {"types": [], "relation_types": [], "include_weak": True, "date_from": "", "date_to": "2023-05-31",
             "undated": "exclude", "min_grading": "", "max_handling": "", "cap": 25}
    saved = investigations.save(store, "ann", {"name": "spring", "pinned": [ANNA, BERT, EVA, PHONE], "filters": panel},
                                roles={"analyst"})
    picture = investigations.reopen(store, saved)
    assert {n["entity_id"] for n in picture["nodes"]} == {ANNA, BERT, EVA, PHONE}  # pinned entities all stay
    assert {(e["source"], e["target"]) for e in picture["edges"]} == {(ANNA, BERT)}  # not June, not undated
    everything = investigations.reopen(store, {**saved, "filters": {}})
    assert {(e["source"], e["target"]) for e in everything["edges"]} == {(ANNA, BERT), (ANNA, EVA), (ANNA, PHONE)}
    broken = investigations.reopen(store, {**saved, "filters": {"min_grading": "Q9"}})
    assert len(broken["edges"]) == 3 and "not applied" in broken["filter_ignored"]


def test_a_filtered_neighbourhood_keeps_to_its_limit(store) -> None:
    dated = GraphFilter.build(date_from="2023")
    assert len(filtered_neighbors(store, ANNA, dated, depth=3, limit=2).nodes) == 3  # the entity and two more
    assert len(filtered_neighbors(store, ANNA, dated, depth=3, limit=100).nodes) == 7
