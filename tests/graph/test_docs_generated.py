"""docs/data-model.md is generated from the schema and must match it (the generator's --check works);
the worked examples of docs/extending.md still parse, import real names and run."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from graph.model import Document
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
    assert f"`B2` = {SCHEMA.grading_weight('B2'):g}" in text  # source B x information 2
    assert "| source | `B` | 0.85 |" in text  # the one grading table, in graph/schema.yaml


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
        "grading": {"letter_first": {"source": {"A": 1.0}, "information": {"1": 0.5}}},
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


# -- docs/extending.md: its worked examples keep matching the code ------------------------------

EXTENDING = ROOT / "docs" / "extending.md"


def _python_blocks() -> list[str]:
    text = EXTENDING.read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)


def _block(first_line: str) -> str:
    found = [b for b in _python_blocks() if b.startswith(first_line)]
    assert len(found) == 1, f"docs/extending.md: no single python block starting with {first_line!r}"
    return found[0]


def test_extending_examples_parse_and_import_what_exists() -> None:
    blocks = _python_blocks()
    assert len(blocks) >= 8
    trees = [ast.parse(b) for b in blocks]
    defined = {n.name for t in trees for n in ast.walk(t) if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    missing = []
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module != "__future__":
                module = importlib.import_module(node.module)
                missing += [f"{node.module}.{a.name}" for a in node.names
                            if not hasattr(module, a.name) and a.name not in defined]
    assert not missing, f"docs/extending.md imports names the code no longer has: {missing}"


def test_extending_reader_example_reads_a_vcard() -> None:
    from ingest.context import ReadContext
    from ingest.source import Source

    namespace: dict[str, object] = {}
    exec(compile(_block('"""vCard contact lists (``.vcf``)'), "extending.md:vcf", "exec"), namespace)
    card = b"BEGIN:VCARD\nFN:Jan Peeters\nTEL;TYPE=CELL:+32 470 12 34 56\nEND:VCARD\n"
    result = namespace["read"](Source.from_bytes(card, "c.vcf", "c.vcf"), ReadContext())  # type: ignore[operator]
    assert result.document.text == "Jan Peeters, telephone +32 470 12 34 56"
    assert result.document.format == "vcf" and result.document.doc_id == Document.id_for_bytes(card)


def test_extending_analysis_example_finds_the_core_of_the_port_network() -> None:
    from graph.analysis import port_network

    namespace: dict[str, object] = {}
    exec(compile(_block('"""The hard core of a network'), "extending.md:cores", "exec"), namespace)
    rows = namespace["core_members"](port_network())  # type: ignore[operator]
    assert len(rows) == 10 and {r["core"] for r in rows} == {2}
    assert "Bakkerij De Ridder" not in {r["name"] for r in rows}
