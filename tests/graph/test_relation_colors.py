"""Relation colours are declared once (``relation_colors`` in the schema) and drawn from there."""

from __future__ import annotations

import pytest
import yaml

from factories import doc_one, doc_two
from graph.errors import InvalidSchema
from graph.model import Subgraph
from graph.schema import SCHEMA, SCHEMA_FILE, parse_schema
from graph.visualize import subgraph_html, vis_data


def raw_schema() -> dict:
    return yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_every_strong_relation_type_has_a_family_and_a_colour():
    styles = SCHEMA.relation_styles()
    strong = [r.name for r in SCHEMA.relations.values() if not r.weak and r.name != "MENTIONS"]
    assert all(styles[r]["family"] for r in strong), [r for r in strong if not styles[r]["family"]]
    assert styles["CONTACTED"]["color"] != styles["DIRECTOR_OF"]["color"]


def test_edges_and_the_saved_picture_legend_take_the_schema_colour():
    one, two = doc_one(), doc_two()
    sub = Subgraph(nodes=one.entities + two.entities, edges=one.relations + two.relations)
    colours = {e["relation"]: e["color"] for e in vis_data(sub)["edges"]}
    assert colours["CONTACTED"] == SCHEMA.relations["CONTACTED"].color
    assert colours["OPERATES"] == SCHEMA.relations["OPERATES"].color
    assert colours["CO_MENTIONED"] == "#c0c0c0"  # weak ties stay grey and dashed
    assert f'border-top-color:{SCHEMA.relations["CALLED_AT"].color}' in subgraph_html(sub)


def test_a_changed_colour_is_used_and_bad_sections_are_refused():
    raw = raw_schema()
    raw["relation_colors"]["contact"]["color"] = "#123456"
    assert parse_schema(raw).relations["CONTACTED"].color == "#123456"
    for family, spec, message in (("x", {"color": "red", "types": ["OWNS"]}, "#rrggbb"),
                                  ("x", {"color": "#000000", "types": ["KNOWS"]}, "KNOWS"),
                                  ("x", {"color": "#000000", "types": ["CONTACTED"]}, "two families")):
        raw = raw_schema()
        raw["relation_colors"][family] = spec
        with pytest.raises(InvalidSchema, match=message):
            parse_schema(raw)
