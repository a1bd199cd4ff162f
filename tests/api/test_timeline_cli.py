"""``havengraph timeline``, ``havengraph expand`` and ``analyze paths --time-ordered`` on the dated network."""

from __future__ import annotations

import json

import pytest
from dated_network import ANNA, BERT, CAS, DIRK, EVA, PHONE, dated_network
from typer.testing import CliRunner

from api.cli import app as cli
from graph.store import open_store

runner = CliRunner()


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'dated.db'}"
    store = open_store(url)
    store.write_many(dated_network())
    store.close()
    return url


def run(*args: str):
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_timeline_by_name_in_order_and_filtered(url):
    out = json.loads(run("timeline", "Cas Wouters", "--store", url, "--json"))
    assert [e["date"] for e in out["events"]] == ["2023-04-01", "2023-05-10", "2023-05-20"]
    text = run("timeline", CAS, "--from", "2023-05-15", "--store", url)
    assert "2023-05-20  Cas Wouters -[CONTACTED]- Dirk Jacobs" in text and "2023-04-01" not in text
    graded = json.loads(run("timeline", DIRK, "--min-grading", "B2", "--store", url, "--json"))
    assert [e["source"] for e in graded["events"]] == [EVA]


def test_timeline_bad_date_is_a_one_line_error(url):
    result = runner.invoke(cli, ["timeline", CAS, "--from", "May 2023", "--store", url])
    assert result.exit_code != 0
    assert "YYYY" in str(result.exception) + result.output
    result = runner.invoke(cli, ["timeline", CAS, "--from", "2023-06", "--to", "2023-05", "--store", url])
    assert result.exit_code != 0 and "after --to" in str(result.exception) + result.output


def test_expand_caps_and_points_to_the_next_page(url):
    text = run("expand", ANNA, "--cap", "2", "--no-weak", "--store", url)
    assert "2 of 3 neighbours" in text and "more: --offset 2" in text
    rest = json.loads(run("expand", ANNA, "--cap", "2", "--offset", "2", "--no-weak", "--store", url, "--json"))
    assert rest["next_offset"] is None and len(rest["nodes"]) == 2


def test_analyze_paths_time_ordered(url):
    plain = json.loads(run("analyze", "paths", ANNA, DIRK, "--store", url, "--json"))
    assert [n["entity_id"] for n in plain[0]["nodes"]] == [ANNA, EVA, DIRK]
    timed = json.loads(run("analyze", "paths", ANNA, DIRK, "--time-ordered", "--store", url, "--json"))
    assert [n["entity_id"] for n in timed[0]["nodes"]] == [ANNA, BERT, CAS, DIRK]
    assert timed[0]["hop_dates"] == ["2023-05-02", "2023-05-10", "2023-05-20"]
    assert "2023-05-10" in run("analyze", "paths", ANNA, DIRK, "--time-ordered", "--store", url)
    # within dates (not ordered) an undated relation counts, as in every other filtered view
    dated = json.loads(run("analyze", "paths", ANNA, PHONE, "--since", "2023-06", "--store", url, "--json"))
    assert [n["entity_id"] for n in dated[0]["nodes"]] == [ANNA, PHONE] and dated[0]["hop_dates"] == [None]
    assert "undated" in run("analyze", "paths", ANNA, PHONE, "--since", "2023-06", "--store", url)
