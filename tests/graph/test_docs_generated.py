"""docs/data-model.md is generated from the schema and must match it; the generator's --check works."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from graph.schema import SCHEMA, parse_schema

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "gen_docs.py"


@pytest.fixture(scope="module")
def gen_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_docs", module)
    spec.loader.exec_module(module)
    return module


def test_committed_data_model_matches_the_schema(gen_docs: ModuleType) -> None:
    expected = gen_docs.render_data_model()
    committed = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    assert committed == expected, (
        "docs/data-model.md is stale (the schema changed): run `.venv/bin/python scripts/gen_docs.py` "
        "and commit docs/data-model.md"
    )


def test_every_type_of_the_schema_is_in_the_page(gen_docs: ModuleType) -> None:
    text = gen_docs.render_data_model()
    for name in [*SCHEMA.nodes, *SCHEMA.relations, *SCHEMA.identifiers, *SCHEMA.handling_levels]:
        assert f"`{name}`" in text, name
    assert "| `VESSEL` | Vessel | `vessel:` | `IMO`, `MMSI` | Vessel |" in text
    assert "| `CO_MENTIONED` | any | any | yes | yes | UnknownLink |" in text
    assert "`B2` = 0.7225" in text  # 0.85 x 0.85
    assert "| source | `B` | 0.85 |" in text  # the scoring's own table, graph/analysis/weights.yaml


def test_page_follows_a_changed_schema(gen_docs: ModuleType) -> None:
    raw = {
        "version": 7,
        "identifiers": {"IMO": {"node": "VESSEL", "property": "imo", "description": "ship number"}},
        "nodes": {
            "VESSEL": {"label": "Vessel", "id_prefix": "vessel", "identifiers": ["IMO"], "ftm": "Vessel",
                       "style": {"color": "#000000", "shape": "triangle"}},
            "BERTH": {"label": "Berth", "id_prefix": "berth", "ftm": "Address"},
        },
        "relations": {"MOORED_AT": {"from": ["VESSEL"], "to": ["BERTH"], "ftm": "UnknownLink"}},
        "handling_levels": ["open", "closed"],
        "grading": {"source": {"A": 1.0}, "information": {"1": 0.5}},
    }
    text = gen_docs.render_data_model(parse_schema(raw))
    assert "schema version 7" in text
    assert "| `BERTH` | Berth | `berth:` |  | Address |" in text
    assert "| `MOORED_AT` | `VESSEL` | `BERTH` |  |  | UnknownLink |" in text
    assert "| 1 | `CLOSED` |" in text
    assert "`A1` = 0.5" in text


def test_check_flags_a_stale_file_and_accepts_a_fresh_one(gen_docs: ModuleType, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "data-model.md"
    assert gen_docs.main(["--check", "--output", str(page)]) == 1  # missing
    assert gen_docs.main(["--output", str(page)]) == 0
    assert gen_docs.main(["--check", "--output", str(page)]) == 0
    page.write_text(page.read_text(encoding="utf-8").replace("`MEMBER_OF`", "`MEMBER`"), encoding="utf-8")
    capsys.readouterr()
    assert gen_docs.main(["--check", "--output", str(page)]) == 1
    err = capsys.readouterr().err
    assert "is stale: run `python scripts/gen_docs.py`" in err
    assert "+| `MEMBER_OF`" in err
