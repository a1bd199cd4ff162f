"""``havengraph users``, ``audit`` and ``evidence`` commands, end to end through the typer app."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from api.settings import Settings
from factories import JAN, RUDI, ZL

runner = CliRunner()


def run(*args: str, ok: bool = True):
    result = runner.invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_users_add_prints_the_key_last_and_it_works(small_store, tmp_path):
    keys_db = str(tmp_path / "keys.db")
    out = run("users", "add", "ines", "--role", "analyst", "--clearance", "confidential", "--store", small_store,
              "--keys-db", keys_db)
    key = out.stdout.strip().splitlines()[-1]
    assert key.startswith("hg_") and len(key) > 40
    listed = json.loads(run("users", "list", "--json", "--keys-db", keys_db, "--store", small_store).stdout)
    assert listed[0]["name"] == "ines" and listed[0]["clearance"] == "CONFIDENTIAL" and key not in json.dumps(listed)
    with TestClient(create_app(Settings(store=small_store, keys_db=keys_db))) as client:
        assert client.get("/me", headers={"Authorization": f"Bearer {key}"}).json()["role"] == "analyst"
        client.get("/entities", params={"q": "peeters"}, headers={"Authorization": f"Bearer {key}"})
        run("users", "revoke", "ines", "--keys-db", keys_db, "--store", small_store)
        assert client.get("/me", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    entries = json.loads(run("audit", "--json", "--keys-db", keys_db, "--store", small_store).stdout)
    assert [(e["who"], e["endpoint"], e["status"]) for e in entries][-2:] == [("ines", "/entities", 200),
                                                                            ("ines", "/me", 200)]
    assert json.loads(run("audit", "--verify", "--keys-db", keys_db, "--store", small_store).stdout)["ok"]


def test_users_bad_input_is_a_clean_error(small_store, tmp_path):
    keys_db = str(tmp_path / "keys.db")
    assert run("users", "add", "x", "--role", "boss", "--keys-db", keys_db, ok=False).exit_code == 1
    assert run("users", "add", "x", "--clearance", "TOP", "--keys-db", keys_db, ok=False).exit_code == 1
    run("users", "add", "x", "--keys-db", keys_db, "--store", small_store)
    again = run("users", "add", "x", "--keys-db", keys_db, "--store", small_store, ok=False)
    assert again.exit_code == 1
    assert run("users", "revoke", "nobody", "--keys-db", keys_db, ok=False).exit_code == 1


def test_keys_file_defaults_to_next_to_the_store(small_store):
    run("users", "add", "solo", "--store", small_store)
    path = small_store.split("sqlite:///", 1)[1]
    assert path.endswith("api.db")
    from pathlib import Path

    assert (Path(path).parent / "api.keys.db").exists()


def test_evidence_export_and_verify(small_store, tmp_path):
    bundle = tmp_path / "case.zip"
    out = run("evidence", "export", "--source", RUDI.entity_id, "--target", ZL.entity_id, "-o", str(bundle),
              "--who", "ines", "--store", small_store)
    assert out.stdout.strip() == str(bundle)
    result = json.loads(run("evidence", "verify", str(bundle), "--against-store", "--store", small_store,
                            "--json").stdout)
    assert result["valid"] and result["counts"]["nodes"] == 3
    data = bytearray(bundle.read_bytes())
    at = data.find(b"Jan Peeters")
    if at < 0:  # compressed: corrupt a byte in the middle instead
        at = len(data) // 2
    data[at] ^= 0x01
    bundle.write_bytes(bytes(data))
    assert run("evidence", "verify", str(bundle), "--store", small_store, ok=False).exit_code == 1
    neighbourhood = tmp_path / "jan.zip"
    run("evidence", "export", JAN.entity_id, "--depth", "1", "-o", str(neighbourhood), "--store", small_store)
    assert json.loads(run("evidence", "verify", str(neighbourhood), "--json").stdout)["valid"]
