"""Uploads are ingest jobs: the upload answers at once, a job is bounded in time and memory, at most
``ingest_workers`` run and ``ingest_queue`` wait, and its errors name the file, not server paths.

Before, a 5.8 MB text upload (the limit is 50 MB) ran the NLP inside the server for 12 CPU-minutes,
grew it to 2.6 GB and never answered."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import Keys, add_keys, wait_for_job
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

pytest.importorskip("nlp")

SENTENCE = ("Line {n}: the reefer Noordster {n} was unloaded at quay {q} and the crane driver logged "
            "container TGHU {n:07d} before the customs team sealed it again. ")


def big_text(size: int) -> bytes:
    """Fictional log lines of our own, ``size`` bytes long."""
    out, n = [], 0
    total = 0
    while total < size:
        line = SENTENCE.format(n=n, q=n % 40)
        out.append(line)
        total += len(line)
        n += 1
    return "".join(out).encode()[:size]


@pytest.fixture
def jobs_app(tmp_path: Path, small_store: str, request: pytest.FixtureRequest) -> Iterator[tuple[TestClient, Keys]]:
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    options = getattr(request, "param", {})
    settings = Settings(store=small_store, keys_db=keys_db, clearance_cache_s=0.0, **options)
    with TestClient(create_app(settings)) as client:
        yield client, keys


@pytest.mark.parametrize("jobs_app", [{"ingest_job_seconds": 3.0}], indirect=True)
def test_a_big_upload_answers_at_once_and_is_stopped_at_its_time_budget(jobs_app):
    client, keys = jobs_app
    data = big_text(5_800_000)
    started = time.monotonic()
    resp = client.post("/documents", files={"file": ("harbour-log.txt", data, "text/plain")},
                       headers=Keys.header(keys.analyst))
    assert resp.status_code == 202, resp.text
    assert time.monotonic() - started < 1.0
    job = resp.json()
    assert job["status"] in ("queued", "running") and job["bytes"] == len(data)
    assert client.get("/health").status_code == 200  # the server answers while the job runs
    assert client.get("/entities", params={"q": "peeters"}, headers=Keys.header(keys.viewer)).json()
    done = wait_for_job(client, job["job_id"], keys.analyst, timeout=60)
    assert done["status"] == "failed" and "3 s" in done["error"] and "harbour-log.txt" in done["error"], done
    assert done["elapsed_s"] < 10


@pytest.mark.parametrize("jobs_app", [{"ingest_job_memory_mb": 120}], indirect=True)
def test_an_upload_over_its_memory_budget_is_stopped_with_a_clear_error(jobs_app):
    client, keys = jobs_app
    resp = client.post("/documents", files={"file": ("note.txt", b"Jan Peeters met Els Maes in Antwerp.")},
                       headers=Keys.header(keys.analyst))
    done = wait_for_job(client, resp.json()["job_id"], keys.analyst, timeout=60)
    assert done["status"] == "failed" and "120 MB" in done["error"], done
    assert client.get("/health").status_code == 200


@pytest.mark.parametrize("jobs_app", [{"ingest_workers": 1, "ingest_queue": 1, "ingest_job_seconds": 20.0}],
                         indirect=True)
def test_at_most_n_jobs_run_the_rest_wait_and_a_full_queue_says_try_later(jobs_app):
    client, keys = jobs_app
    h = Keys.header(keys.analyst)
    first = client.post("/documents", files={"file": ("a.txt", b"Els Maes called Jan Peeters.")}, headers=h).json()
    second = client.post("/documents", files={"file": ("b.txt", b"Koen Janssens met Els Maes.")}, headers=h).json()
    assert second["status"] == "queued" and second["queue_position"] == 0
    third = client.post("/documents", files={"file": ("c.txt", b"Piet Verlinden drove a truck.")}, headers=h)
    assert third.status_code == 429 and "try again" in third.json()["detail"]
    for job in (first, second):
        assert wait_for_job(client, job["job_id"], keys.analyst)["status"] == "done"
    # someone else's job is not found, an admin may look
    assert client.get(f"/jobs/{first['job_id']}", headers=Keys.header(keys.viewer)).status_code == 403
    assert client.get(f"/jobs/{first['job_id']}", headers=Keys.header(keys.admin)).status_code == 200


def test_upload_errors_name_the_file_not_server_paths(jobs_app):
    client, keys = jobs_app
    broken = b"PK\x03\x04" + b"\x00garbage, not a zip archive" * 20
    resp = client.post("/documents", files={"file": ("minutes.docx", broken)}, headers=Keys.header(keys.analyst))
    done = wait_for_job(client, resp.json()["job_id"], keys.analyst)
    assert done["status"] == "failed" and "minutes.docx" in done["error"], done
    assert "/tmp" not in done["error"] and "havengraph-jobs" not in done["error"] and "/" not in done["error"]


def test_utf16_text_uploads_are_ingested(jobs_app):
    client, keys = jobs_app
    text = "Rapport : Anaïs Dubois dirige Transports Dubois SARL au Havre."
    for encoding in ("utf-16", "utf-16-le"):
        resp = client.post("/documents", files={"file": (f"rapport-{encoding}.txt", text.encode(encoding))},
                           headers=Keys.header(keys.analyst))
        assert resp.status_code == 202, resp.text
        done = wait_for_job(client, resp.json()["job_id"], keys.analyst)
        assert done["status"] == "done", done
        doc = client.get(f"/documents/{done['result']['doc_id']}", headers=Keys.header(keys.admin)).json()
        assert "Anaïs Dubois" in doc["text"]
    nul = client.post("/documents", files={"file": ("junk.txt", b"\x00\x01\x02binary\xff\xfe\x00")},
                      headers=Keys.header(keys.analyst))
    assert nul.status_code == 422
