"""Chat layouts chosen with ``--mapping``: a bundled layout by name or a user's own layout file
reads an export that would not be recognised on its own, and an export that does not fit the
layout is refused with the fields the layout expects (fictitious chats)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from api.cli import app as cli
from graph.store import open_store
from ingest import ingest_paths

SEIZED_PHONE = """afzender,bestemming,verzonden,inhoud
+32 470 55 12 34,+31 6 12345678,2023-10-14 22:10,de planner wil vanavond betalen
+31 6 12345678,+32 470 55 12 34,2023-10-14 22:12,ok morgen aan de poort
"""

OWN_LAYOUT = """# how the phone-extraction tool of our unit writes messages (Dutch headers)
name: unit_tool_nl
format: csv
columns:
  sender: afzender
  recipients: bestemming
  time: verzonden
  text: inhoud
recipients_separator: ";"
"""


def _contacted(store):
    return sorted((r.source, r.target, [e.date for e in r.evidence]) for r in store.iter_relations()
                  if r.type == "CONTACTED")


def test_a_users_own_layout_file_reads_an_export_it_describes(store, write, fake):
    export = write("toestel-7.csv", SEIZED_PHONE)
    layout = write("unit_tool_nl.yaml", OWN_LAYOUT)
    # without the layout it is a table of no known kind: no messages, no contacts
    assert not _contacted(store)
    report = ingest_paths([export], store, extractor=fake, progress=False, mapping=layout)
    assert report.ok, report.failed
    a, b = "phone:+32470551234", "phone:+31612345678"
    assert _contacted(store) == [(b, a, ["2023-10-14T22:12:00"]), (a, b, ["2023-10-14T22:10:00"])]
    doc = store.get_document(store.relations_between([a, b])[0].evidence[0].doc_id)
    assert doc.format == "chat" and doc.metadata["layout"] == "unit_tool_nl"


def test_without_the_layout_the_same_file_gives_no_messages(store, write, fake):
    report = ingest_paths([write("toestel-7.csv", SEIZED_PHONE)], store, extractor=fake, progress=False)
    assert report.ok and not _contacted(store)


def test_the_cli_takes_a_layout_file_and_a_bundled_layout_by_name(tmp_path, write):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    export = write("toestel-7.csv", SEIZED_PHONE)
    layout = write("mine.layout.yaml", OWN_LAYOUT)
    done = runner.invoke(cli, ["ingest", str(export), "--store", url, "--mapping", str(layout), "--no-progress",
                               "--json", "--no-resolve"])
    assert done.exit_code == 0, done.output
    store = open_store(url)
    try:
        assert len(_contacted(store)) == 2
    finally:
        store.close()
    # a bundled layout by name, on a file whose columns it does not have: the fields it expects
    wrong = runner.invoke(cli, ["ingest", str(export), "--store", url, "--mapping", "generic_csv", "--replace",
                                "--no-progress", "--json"])
    assert wrong.exit_code == 1
    failed = json.loads(wrong.output[wrong.output.index("{"):])["failed"]
    reason = " ".join(str(f) for f in failed)
    assert "chat layout 'generic_csv' needs column(s) sender, recipients, time, text" in reason, reason
    assert "expects column(s) sender, recipients, time, text (optional: attachment, sender_name)" in reason
    assert "the file has: afzender, bestemming, verzonden, inhoud" in reason


def test_a_text_export_that_does_not_fit_its_layout_says_what_was_expected(store, write, fake):
    notes = write("notes.txt", "Meeting at the quay.\nNothing else to report.\n")
    report = ingest_paths([notes], store, extractor=fake, progress=False, mapping="whatsapp_text")
    assert not report.ok
    reason = report.failed[0][1]
    assert "chat layout 'whatsapp_text'" in reason and "lines like '12/03/2024, 21:15 - Name: text'" in reason


def test_a_json_export_missing_a_key_names_it(store, write, fake):
    rows = [{"from": "+32 470 55 12 34", "recipients": ["+31 6 12345678"], "time": "2023-10-16 01:00", "text": "go"}]
    report = ingest_paths([write("chat.json", json.dumps(rows))], store, extractor=fake, progress=False,
                          mapping="generic_json")
    reason = report.failed[0][1]
    assert "needs key(s) sender" in reason and "the first message has: from, recipients, time, text" in reason
