"""The notebooks never write the sample case into a store that holds another case (issue 14)."""

from __future__ import annotations

from factories import _doc, doc_one
from graph.model import Extraction
from graph.store import open_store
from ingest import notebook_store_url


def test_a_store_with_a_real_case_is_copied_and_left_unchanged(tmp_path):
    case = tmp_path / "case.db"
    store = open_store(f"sqlite:///{case}")
    store.write(doc_one())
    store.close()
    url, which = notebook_store_url(tmp_path / "out", {"HAVENGRAPH_STORE": f"sqlite:///{case}"})
    assert "copy" in which and url != f"sqlite:///{case}"
    copy = open_store(url)
    copy.write(Extraction(document=_doc("A note the notebook adds.", "note.txt")))
    assert copy.stats()["documents"] == 2
    copy.close()
    original = open_store(f"sqlite:///{case}")
    assert original.stats()["documents"] == 1  # what the notebook wrote went to the copy
    original.close()


def test_an_empty_store_or_none_named_is_used_as_it_is(tmp_path):
    fresh = f"sqlite:///{tmp_path / 'new.db'}"
    assert notebook_store_url(tmp_path, {"HAVENGRAPH_STORE": fresh})[0] == fresh
    assert notebook_store_url(tmp_path, {})[0] == f"sqlite:///{tmp_path / 'havengraph.db'}"
    case = tmp_path / "case.db"
    store = open_store(f"sqlite:///{case}")
    store.write(doc_one())
    store.close()
    env = {"HAVENGRAPH_STORE": f"sqlite:///{case}", "HAVENGRAPH_NOTEBOOK_IN_PLACE": "1"}
    assert notebook_store_url(tmp_path, env)[0] == f"sqlite:///{case}"


def test_a_missing_named_store_is_not_created(tmp_path):
    url, _ = notebook_store_url(tmp_path, {"HAVENGRAPH_STORE": f"sqlite:///{tmp_path / 'later.db'}"})
    assert not (tmp_path / "later.db").exists() and url.endswith("later.db")
