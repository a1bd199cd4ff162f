"""The schema is data; tables, styles and mappings are derived from it."""

from __future__ import annotations

import sqlite3

import pytest
import yaml

from graph.errors import InvalidInput, InvalidSchema
from graph.identifiers import REGISTRY
from graph.schema import SCHEMA, SCHEMA_FILE, parse_schema
from graph.store.sqlite_ddl import ddl, relation_rule_rows


def raw_schema() -> dict:
    return yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_design_types_are_declared():
    for t in ("PERSON", "COMPANY", "ORGANIZATION", "VESSEL", "PORT", "LOCATION", "ADDRESS", "CONTAINER",
              "PHONE", "EMAIL", "BANK_ACCOUNT", "SHIPMENT", "DOCUMENT"):
        assert t in SCHEMA.nodes
    for r in ("EMPLOYED_BY", "DIRECTOR_OF", "OWNS", "MEMBER_OF", "ASSOCIATE_OF", "FAMILY_OF", "OPERATES",
              "CALLED_AT", "SHIPPED_IN", "LOCATED_AT", "HAS_PHONE", "HAS_EMAIL", "HAS_ACCOUNT", "HAS_ADDRESS",
              "CONTACTED", "SHIPPER_OF", "CONSIGNEE_OF", "FORWARDER_OF", "WORKS_AT", "CO_MENTIONED", "MENTIONS"):
        assert r in SCHEMA.relations
    assert SCHEMA.extract_types == ["PERSON", "COMPANY", "ORGANIZATION", "VESSEL", "PORT", "LOCATION"]


def test_lookup_by_any_spelling():
    assert SCHEMA.node_name("person") == "PERSON"
    assert SCHEMA.node_name("BankAccount") == "BANK_ACCOUNT"
    with pytest.raises(InvalidInput, match="use one of"):
        SCHEMA.node_name("spaceship")


def test_endpoints_are_checked():
    assert SCHEMA.relation("CALLED_AT").allows("VESSEL", "PORT")
    assert not SCHEMA.relation("CALLED_AT").allows("PERSON", "PORT")
    assert SCHEMA.relation("CO_MENTIONED").allows("PERSON", "VESSEL")


def test_co_accused_is_a_strong_symmetric_tie_and_crews_work_at_their_vessel():
    co = SCHEMA.relation("CO_ACCUSED")
    assert co.symmetric and not co.weak
    assert co.allows("PERSON", "COMPANY") and co.allows("COMPANY", "PERSON")
    assert not co.allows("PERSON", "VESSEL")
    assert SCHEMA.relation("WORKS_AT").allows("PERSON", "VESSEL")


def test_bad_schema_is_refused_on_load():
    raw = raw_schema()
    raw["relations"]["BROKEN"] = {"from": ["PERSON"], "to": ["SPACESHIP"]}
    with pytest.raises(InvalidSchema, match="SPACESHIP"):
        parse_schema(raw)
    raw = raw_schema()
    raw["nodes"]["VESSEL"]["identifiers"] = ["IMO", "HULL_NUMBER"]
    with pytest.raises(InvalidSchema, match="HULL_NUMBER"):
        parse_schema(raw)


def test_sqlite_tables_follow_the_schema():
    raw = raw_schema()
    raw["nodes"]["DRONE"] = {"label": "Drone", "id_prefix": "drone"}
    raw["relations"]["FLEW_OVER"] = {"from": ["DRONE"], "to": ["PORT"]}
    schema = parse_schema(raw)
    db = sqlite3.connect(":memory:")
    for statement in ddl(schema):
        db.execute(statement)
    db.execute("INSERT INTO entities (entity_id, type, name, name_norm) VALUES ('drone:x', 'DRONE', 'x', 'x')")
    db.execute("INSERT INTO relations (rel_id, source, target, type) VALUES ('r', 'drone:x', 'port:BEANR', 'FLEW_OVER')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO entities (entity_id, type, name, name_norm) VALUES ('y', 'UFO', 'y', 'y')")
    assert ("FLEW_OVER", "DRONE", "PORT") in relation_rule_rows(schema)
    # the live schema's tables refuse unknown types too
    live = sqlite3.connect(":memory:")
    for statement in ddl(SCHEMA):
        live.execute(statement)
    with pytest.raises(sqlite3.IntegrityError):
        live.execute("INSERT INTO entities (entity_id, type, name, name_norm) VALUES ('drone:x', 'DRONE', 'x', 'x')")


def test_styles_and_spacy_map_are_derived():
    styles = SCHEMA.styles()
    assert set(styles) == set(SCHEMA.nodes)
    raw = raw_schema()
    raw["nodes"]["PERSON"]["style"]["color"] = "#123456"
    raw["nodes"]["PERSON"]["spacy"] = ["PERSON", "PER", "HUMAN"]
    changed = parse_schema(raw)
    assert changed.styles()["PERSON"]["color"] == "#123456"
    assert changed.spacy_label_map()["HUMAN"] == "PERSON"
    assert SCHEMA.spacy_label_map()["ORG"] == "COMPANY"


def test_identifier_registry_matches_schema():
    assert set(REGISTRY) == set(SCHEMA.identifiers)
    for name, scheme in REGISTRY.items():
        assert scheme.node_type == SCHEMA.identifiers[name].node


def test_handling_and_grading_come_from_the_schema():
    assert SCHEMA.handling_rank(None) == 0
    assert SCHEMA.handling_rank("restricted") < SCHEMA.handling_rank("SECRET")
    assert SCHEMA.handling_rank("made-up") > SCHEMA.handling_rank("SECRET")  # fail closed
    assert SCHEMA.grading_weight("A1") == 1.0
    assert SCHEMA.grading_weight("E5") < SCHEMA.grading_weight("B2") < 1.0


def test_one_grading_table_serves_the_schema_and_the_scoring():
    from graph.analysis import grade_weight

    for code in ("A1", "B2", "E5", "1-B-P", "3-E", None, "??"):
        assert grade_weight(code) == SCHEMA.grading_weight(code)
    assert SCHEMA.grading_weight("2-C-P") == pytest.approx(0.7 * 0.7)  # digit-first 3x5x2 style
    assert SCHEMA.grading_weight(None) == SCHEMA.grading["ungraded"]


def test_grading_section_is_checked(tmp_path):
    raw = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    raw["grading"] = {"source": {"A": 1.0}}
    with pytest.raises(InvalidSchema, match="unknown key"):
        parse_schema(raw)
    raw["grading"] = {"letter_first": {"source": {"A": 1.5}, "information": {"1": 1.0}}}
    with pytest.raises(InvalidSchema, match="between 0 and 1"):
        parse_schema(raw)


def test_grading_pattern_accepts_what_the_table_can_weigh():
    import re

    pattern = re.compile(SCHEMA.grading_pattern)
    for code in ("B2", "F6", "A", "2-C-P", "1B", ""):
        assert pattern.match(code), code
    for code in ("G1", "B7", "4-A", "2-C-P-Q", "B2 extra"):
        assert not pattern.match(code), code


def test_reading_every_documents_handling_uses_a_covering_index(tmp_path):
    from graph.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'plan.db'}")
    store.close()
    with sqlite3.connect(tmp_path / "plan.db") as conn:
        plan = " ".join(row[-1] for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT doc_id, handling, ingested_at FROM documents"))
    assert "COVERING INDEX" in plan, plan
