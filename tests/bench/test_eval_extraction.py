"""bench/eval_extraction.py scores the dev set and the blind set apart and prints the targets."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extraction_under_test", ROOT / "bench" / "eval_extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules.pop("eval_extraction_under_test", None)
    return module


def _annotated(folder: Path, name: str, text: str, gold: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")


def test_blind_texts_stay_out_of_the_dev_score(tmp_path: Path) -> None:
    bench = _bench()
    gold = {"lang": "en", "entities": [], "identifiers": [], "relations": []}
    _annotated(tmp_path / "en", "dev_one", "A text.", gold)
    _annotated(tmp_path / "blind" / "en", "blind_one", "Another text.", gold)
    dev = bench.load_gold(tmp_path, skip=tmp_path / "blind")
    blind = bench.load_gold(tmp_path / "blind")
    assert [p.name for p, _ in dev] == ["dev_one.txt"]
    assert [p.name for p, _ in blind] == ["blind_one.txt"]


def test_targets_are_met_only_when_every_figure_reaches_its_bar() -> None:
    bench = _bench()
    figures = {"entity_micro_f1": 0.9, "relation_recall": 0.62, "relation_precision": 0.9, "faithful": 0.99,
               "entity_f1_by_type": {"PERSON": 0.9, "COMPANY": 0.8, "ORGANIZATION": 0.5, "VESSEL": 0.95,
                                     "PORT": 0.76, "LOCATION": 0.8}}
    met = bench.targets(figures)
    assert all(check["met"] for check in met.values())
    figures["entity_f1_by_type"]["COMPANY"] = 0.7
    figures["relation_precision"] = 0.8
    met = bench.targets(figures)
    assert not met["entity_f1_every_type"]["met"] and met["entity_f1_every_type"]["value"] == 0.7
    assert not met["relation_precision"]["met"] and met["faithful"]["met"]


def test_co_accused_pairs_ignore_direction() -> None:
    bench = _bench()
    assert bench.relation_key("CO_ACCUSED", "Ann Peeters", "Jan Claes") == bench.relation_key(
        "CO_ACCUSED", "Jan Claes", "Ann Peeters")


def test_a_folder_that_holds_the_blind_set_is_scored_without_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bench = _bench()
    bench.BLIND = tmp_path / "blind"
    gold = {"lang": "en", "entities": [{"text": "Ann Peeters", "type": "PERSON", "canonical": "Ann Peeters"}],
            "identifiers": [], "relations": []}
    _annotated(tmp_path / "en", "dev_one", "Ann Peeters was heard.", gold)
    _annotated(tmp_path / "blind" / "en", "blind_one", "Jan Claes was heard.", gold)
    result = bench.main([str(tmp_path), "--errors"])
    out = capsys.readouterr().out
    assert result["documents"] == 1
    assert "blind_one" not in out and "Jan Claes" not in out
