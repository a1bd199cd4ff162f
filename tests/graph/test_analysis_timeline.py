"""Timeline, time-ordered paths, filters and the capped expansion, on a small dated network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dated_network import ANNA, BERT, CAS, DIRK, EVA, FRITZ, PHONE, dated_network

from graph.analysis.expand import expand
from graph.analysis.timeline import time_ordered_path, timeline
from graph.errors import EntityNotFound, InvalidInput, NoPath
from graph.filters import GraphFilter
from graph.store import open_store
from graph.store.view import ClearedView


@pytest.fixture(params=["sqlite", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """The dated network in each backend (Neo4j when HAVENGRAPH_TEST_NEO4J_URL names a server)."""
    if request.param == "neo4j":
        s = request.getfixturevalue("neo")
        s.write_many(dated_network())
        yield s
        return
    s = open_store(f"sqlite:///{tmp_path / 'dated.db'}")
    s.write_many(dated_network())
    yield s
    s.close()


def test_timeline_lists_dated_events_oldest_first_with_their_sentences(store) -> None:
    out = timeline(store, CAS)
    assert [(e["date"], e["type"]) for e in out["events"]] == [
        ("2023-04-01", "CONTACTED"), ("2023-05-10", "ASSOCIATE_OF"), ("2023-05-20", "CONTACTED")]
    assert out["events"][0]["sentence"] == "On 1 April 2023 Cas Wouters called Dirk Jacobs."
    assert out["events"][0]["grading"] == "E5"
    assert {out["events"][1]["source_name"], out["events"][1]["target_name"]} == {"Bert Goossens", "Cas Wouters"}
    # the phone link has no date: counted, not placed on the line
    anna = timeline(store, ANNA)
    assert anna["undated"] == 1 and PHONE not in {e["target"] for e in anna["events"]}


def test_timeline_filters_by_date_range_grading_type_and_weak_links(store) -> None:
    dates = [e["date"] for e in timeline(store, CAS, GraphFilter.build(date_from="2023-05"))["events"]]
    assert dates == ["2023-05-10", "2023-05-20"]
    only_may_10 = timeline(store, CAS, GraphFilter.build(date_from="2023-05-01", date_to="2023-05-15"))
    assert [e["date"] for e in only_may_10["events"]] == ["2023-05-10"]
    assert timeline(store, CAS, GraphFilter.build(min_grading="B2"))["events"] == []
    calls = timeline(store, ANNA, GraphFilter.build(relation_types=["CONTACTED"]))["events"]
    assert [e["target"] for e in calls] == [BERT]
    assert FRITZ in {e["target"] for e in timeline(store, ANNA)["events"]}
    assert FRITZ not in {e["target"] for e in timeline(store, ANNA, GraphFilter.build(include_weak=False))["events"]}


def test_time_ordered_path_never_goes_back_in_time(store) -> None:
    shortest = store.shortest_path(ANNA, DIRK)
    assert [n.entity_id for n in shortest.nodes] == [ANNA, EVA, DIRK]  # June, then January: not in order
    path = time_ordered_path(store, ANNA, DIRK)
    assert [n["entity_id"] for n in path["nodes"]] == [ANNA, BERT, CAS, DIRK]
    assert path["hop_dates"] == ["2023-05-02", "2023-05-10", "2023-05-20"]  # the April call cannot follow
    assert [e["evidence"][0]["date"] for e in path["edges"]] == path["hop_dates"]
    with pytest.raises(NoPath):
        time_ordered_path(store, ANNA, DIRK, flt=GraphFilter.build(date_to="2023-05-15"))
    with pytest.raises(NoPath):
        time_ordered_path(store, ANNA, DIRK, max_depth=2)


def test_need_to_know_view_hides_confidential_events_and_paths(store) -> None:
    public = ClearedView(store, "PUBLIC")
    with pytest.raises(EntityNotFound):  # Cas is known only from the confidential report
        timeline(public, CAS)
    assert [e["date"] for e in timeline(public, DIRK)["events"]] == ["2023-01-01"]
    assert [e["date"] for e in timeline(store, DIRK, GraphFilter.build(max_handling="RESTRICTED"))["events"]] \
        == ["2023-01-01"]
    assert len(timeline(store, DIRK)["events"]) == 3
    with pytest.raises(NoPath):
        time_ordered_path(public, ANNA, DIRK)


def test_expand_pages_neighbours_strongest_first_under_a_cap(store) -> None:
    first = expand(store, ANNA, cap=2)
    assert first["total"] == 4 and first["shown"] == 2 and first["next_offset"] == 2
    rest = expand(store, ANNA, cap=2, offset=2)
    assert rest["next_offset"] is None
    pages = [n["entity_id"] for n in first["nodes"][1:]] + [n["entity_id"] for n in rest["nodes"][1:]]
    assert sorted(pages) == sorted([BERT, EVA, PHONE, FRITZ]) and pages[-1] == FRITZ  # the weak tie last
    assert first["nodes"][0]["entity_id"] == ANNA
    typed = expand(store, ANNA, GraphFilter.build(include_weak=False, entity_types=["PERSON"]), cap=10)
    assert {n["entity_id"] for n in typed["nodes"]} == {ANNA, BERT, EVA}
    dated = expand(store, ANNA, GraphFilter.build(date_from="2023-06-01"), cap=10)
    assert {n["entity_id"] for n in dated["nodes"]} == {ANNA, EVA, FRITZ, PHONE}  # the undated phone stays
    strict = expand(store, ANNA, GraphFilter.build(date_from="2023-06-01", undated="exclude"), cap=10)
    assert {n["entity_id"] for n in strict["nodes"]} == {ANNA, EVA, FRITZ}


def test_expand_draws_relations_among_the_neighbours_shown(store) -> None:
    out = expand(store, BERT, cap=5)
    pairs = {(e["source"], e["target"]) for e in out["edges"]}
    assert (ANNA, BERT) in pairs and (BERT, CAS) in pairs
    assert expand(store, CAS, cap=5)["total"] == 2


@pytest.mark.parametrize("kwargs", [{"date_from": "May 2023"}, {"date_to": "2023-13"},
                                    {"min_grading": "Z9"}, {"max_handling": "TOPSECRET"},
                                    {"relation_types": ["KNOWS"]}])
def test_bad_filters_say_what_is_expected(kwargs) -> None:
    with pytest.raises(InvalidInput):
        GraphFilter.build(**kwargs)


def test_a_date_range_alone_asks_for_dated_hops_in_any_order(store) -> None:
    # within 2023 the short way through Eva is dated, though June comes before January
    assert [n["entity_id"] for n in time_ordered_path(store, ANNA, DIRK, flt=GraphFilter.build(date_from="2023"),
                                                      ordered=False)["nodes"]] == [ANNA, EVA, DIRK]
    # from May on, Eva's January call is out of range: the way round through Bert and Cas remains
    later = time_ordered_path(store, ANNA, DIRK, flt=GraphFilter.build(date_from="2023-05"), ordered=False)
    assert [n["entity_id"] for n in later["nodes"]] == [ANNA, BERT, CAS, DIRK]


def test_one_sentence_naming_a_pair_twice_is_one_event(tmp_path) -> None:
    from graph.model import Evidence, Relation

    ex = dated_network()[0]
    sentence = "On 2 May 2023 Anna Claes called Bert Goossens."
    twice = Evidence(ex.document.doc_id, 3, 9, sentence, "rule", date="2023-05-02")
    ex.relations.append(Relation(ANNA, BERT, "CONTACTED", [twice]))
    store = open_store(f"sqlite:///{tmp_path / 'twice.db'}")
    try:
        store.write(ex)
        events = [e for e in timeline(store, ANNA)["events"] if e["target"] == BERT]
        assert len(events) == 1
    finally:
        store.close()


def test_a_window_that_ends_before_it_starts_is_empty(store) -> None:
    assert timeline(store, CAS, GraphFilter.build(date_from="2023-06", date_to="2023-05"))["events"] == []
