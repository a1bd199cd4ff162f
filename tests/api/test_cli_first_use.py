"""What a new analyst meets first on the command line: missing stores, keys, clearances, paths (issue 14)."""

from __future__ import annotations

import json

import uvicorn
from typer.testing import CliRunner

from api.cli import app as cli
from factories import ANR, JAN, PHONE, _doc, _ent, _mentions, doc_one, doc_two
from graph.model import Evidence, Extraction, Relation
from graph.store import open_store

runner = CliRunner()


def run(*args: str, code: int = 0):
    result = runner.invoke(cli, list(args))
    assert result.exit_code == code, result.output
    return result


def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path):
    missing = tmp_path / "nothing-here.db"
    for args in (["search", "peeters"], ["stats"], ["show", "person:jan-peeters"],
                 ["analyze", "centrality"], ["review"]):
        result = run(*args, "--store", f"sqlite:///{missing}", code=1)
        said = result.output + str(result.exception)
        assert "no store at" in said and "havengraph ingest" in said, args
    assert not missing.exists()


def test_users_add_says_which_clearance_it_gave(small_store, tmp_path):
    keys_db = str(tmp_path / "keys.db")
    out = run("users", "add", "omar", "--role", "analyst", "--store", small_store, "--keys-db", keys_db)
    assert "clearance PUBLIC was given by default" in out.output and "--clearance" in out.output
    chosen = run("users", "add", "lena", "--role", "analyst", "--clearance", "SECRET", "--store", small_store,
                 "--keys-db", keys_db)
    assert "by default" not in chosen.output


def test_serve_says_how_to_get_a_key(small_store, tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append(kw))
    out = run("serve", "--store", small_store, "--port", "8765")
    assert started == [{"host": "127.0.0.1", "port": 8765, "log_level": "info"}]
    assert "havengraph users add NAME --role analyst --clearance SECRET" in out.output


def test_serve_says_when_the_store_holds_no_document(small_store, tmp_path, monkeypatch):
    """A mistyped store path opens a new, empty store; the page would then find nothing without saying why."""
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    empty = f"sqlite:///{tmp_path / 'typo.db'}"
    out = run("serve", "--store", empty, "--port", "8765")
    assert "holds no documents yet" in out.output and f"havengraph ingest DIR --store {empty}" in out.output
    assert "holds no documents" not in run("serve", "--store", small_store, "--port", "8765").output


def test_show_lists_only_the_entity_s_own_relations(small_store):
    body = json.loads(run("show", JAN.entity_id, "--store", small_store, "--json").stdout)
    assert body["relations"] and all(JAN.entity_id in (r["source"], r["target"]) for r in body["relations"])
    # Rüdiger's phone is one hop from Jan, but the phone is Rüdiger's, not Jan's
    assert not any(r["type"] == "HAS_PHONE" for r in body["relations"])


def test_path_with_weak_ties_prints_hops_in_order(small_store):
    body = json.loads(run("path", ANR.entity_id, PHONE.entity_id, "--include-weak", "--store", small_store,
                          "--json").stdout)
    ids = [n["entity_id"] for n in body["nodes"]]
    pairs = [{a, b} for a, b in zip(ids, ids[1:], strict=False)]
    order = [pairs.index({e["source"], e["target"]}) for e in body["edges"]]
    assert len(pairs) >= 4 and order == sorted(order)
    text = run("path", ANR.entity_id, PHONE.entity_id, "--include-weak", "--store", small_store).stdout
    assert "-[CO_MENTIONED]- " in text and "-[CALLED_AT]-> " in text  # arrows only where there is a direction


def test_suspicious_links_say_how_many_firms_had_no_tie(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    store = open_store(url)
    store.write(doc_one())
    store.write(doc_two())
    doc = _doc("Kempen Trucking NV moved empty trailers.", "kempen.txt")
    firm = _ent("COMPANY", "Kempen Trucking NV")
    store.write(Extraction(document=doc, entities=[firm], mentions=_mentions(doc, firm)))
    store.close()
    watchlist = tmp_path / "w.csv"
    watchlist.write_text("name\nRüdiger Maës\n", encoding="utf-8")
    out = run("analyze", "suspicious-links", "--watchlist", str(watchlist), "--store", url, "--json")
    assert [r["name"] for r in json.loads(out.stdout)] == ["Zeebrugge Logistics BVBA"]
    assert "1 firm with no tie to the watchlist is not listed" in out.output


def test_show_and_path_keep_both_ends_of_a_long_evidence_sentence_in_sight(tmp_path):
    text = ("During the searches of that morning the officers also held the crane driver who had worked the night "
            "shift at the terminal, Ilse Wouters and Bram Claes, before noon.")
    doc = _doc(text, "long.txt")
    ilse, bram = _ent("PERSON", "Ilse Wouters"), _ent("PERSON", "Bram Claes")
    store_url_ = f"sqlite:///{tmp_path / 's.db'}"
    store = open_store(store_url_)
    rel = Relation(ilse.entity_id, bram.entity_id, "CO_ACCUSED",
                   [Evidence(doc.doc_id, text.index("Ilse"), text.index(" before"), text, "rule")])
    store.write(Extraction(document=doc, entities=[ilse, bram], mentions=_mentions(doc, ilse, bram), relations=[rel]))
    store.close()
    assert text.index("Ilse Wouters") > 110  # the old display cut the sentence before either name
    for out in (run("show", ilse.entity_id, "--store", store_url_).stdout,
                run("path", ilse.entity_id, bram.entity_id, "--store", store_url_).stdout):
        shown = [line for line in out.splitlines() if "…" in line]
        assert shown and all("Ilse Wouters" in line and "Bram Claes" in line for line in shown), out
