"""``havengraph review / merge / split / pin`` end to end on a temporary store; and the labelled set."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.ids import entity_id
from graph.model import Document, Entity, Extraction, Mention
from graph.resolution import Resolver
from graph.resolution.evaluation import evaluate, group_documents, pairwise
from graph.store import open_store

DATA = Path(__file__).resolve().parents[1] / "data" / "resolution"
runner = CliRunner()


def doc(text: str, *people: str) -> Extraction:
    document = Document(Document.id_for_bytes(text.encode()), text, title=text, source=text)
    entities = [Entity(entity_id("PERSON", n), "PERSON", n) for n in people]
    return Extraction(document, entities, [Mention(e.entity_id, e.name, "PERSON", 0, 1, document.doc_id)
                                           for e in entities])


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = open_store(url)
    resolver = Resolver(store)
    for ex in (doc("Jan Peeters drove.", "Jan Peeters"), doc("PEETERS Jan was heard.", "PEETERS Jan"),
               doc("J. Peeters signed.", "J. Peeters")):
        store.write(resolver.resolve(ex))
    store.close()
    return url


def cli(*args: str, ok: bool = True):
    result = runner.invoke(app, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_review_lists_candidates_and_merges(url):
    (cand,) = json.loads(cli("review", "--json", "--store", url).stdout)
    assert cand["a"] == "person:jan-peeters" and cand["b_name"] == "J. Peeters" and cand["score"] == 0.75
    assert "J. Peeters" in cli("review", "--store", url).stdout
    (active,) = json.loads(cli("review", "--merges", "--json", "--store", url).stdout)
    assert (active["a"], active["b"], active["reason"]) == ("person:jan-peeters", "person:peeters-jan", "same name")
    assert active["features"]["name"] == 1.0 and active["who"] == "havengraph-resolver"
    assert "havengraph split" in cli("review", "--merges", "--store", url).stdout


def test_merge_split_and_pin_by_hand(url):
    (cand,) = json.loads(cli("review", "--json", "--store", url).stdout)
    merged = json.loads(cli("merge", cand["a"], cand["b"], "--why", "same badge number", "--who", "analyst:kim",
                            "--json", "--store", url).stdout)
    assert merged["who"] == "analyst:kim" and merged["reason"] == "same badge number"
    assert merged["documents_rewritten"] == 3  # every document that names either
    store = open_store(url)
    assert store.stats()["entities"] == 1
    store.close()
    assert json.loads(cli("review", "--json", "--store", url).stdout) == []
    out = cli("split", merged["decision_id"], "--store", url).stdout
    assert out.startswith("split person:jan-peeters and " + cand["b"])
    store = open_store(url)
    assert store.stats()["entities"] == 2
    (pin,) = store.list_decisions(kind="distinct")
    assert pin["who"].startswith("analyst:")
    store.close()
    pinned = json.loads(cli("pin", "person:jan-peeters", "person:joris-peeters", "--why", "father and son",
                            "--json", "--store", url).stdout)
    assert pinned["kind"] == "distinct" and pinned["reason"] == "father and son"


def test_errors_are_reported_not_crashed(url):
    result = cli("merge", "person:jan-peeters", "person:nobody", "--why", "x", "--store", url, ok=False)
    assert result.exit_code != 0 and "person:nobody" in str(result.exception)
    assert cli("split", "no-such-decision", "--store", url, ok=False).exit_code != 0
    assert cli("pin", "person:a", "--why", "x", "--store", url, ok=False).exit_code == 2  # usage error


# -- the labelled set ----------------------------------------------------------------------------------
def rows() -> list[dict]:
    return [json.loads(line) for line in (DATA / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_committed_set_is_what_build_py_writes():
    spec = importlib.util.spec_from_file_location("resolution_set_build", DATA / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.build() == rows()
    assert len(rows()) >= 500


def test_pairwise_scores():
    truth = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert pairwise(truth, {"a": "x", "b": "x", "c": "y", "d": "z"})["recall"] == 0.5
    assert pairwise(truth, {"a": "x", "b": "x", "c": "x", "d": "x"})["precision"] == pytest.approx(2 / 6, abs=1e-4)


def test_small_evaluation_keeps_precision(tmp_path):
    """Every fourth document of the labelled set: no false merges to speak of."""
    keep = {d for i, (d, _) in enumerate(group_documents(rows())) if i % 4 == 0}
    subset = [r for r in rows() if r["doc"] in keep]
    store = open_store(f"sqlite:///{tmp_path / 'eval.db'}")
    report = evaluate(subset, store)
    store.close()
    assert report["precision"] >= 0.98
    assert report["recall"] >= 0.8
    assert report["by_type"]["PERSON"]["precision"] >= 0.98
