"""Keys, roles, the audit log, request bounds and headers, through the real app."""

from __future__ import annotations

import sqlite3

import pytest
from api_support import Keys, add_keys
from fastapi.testclient import TestClient

from api.app import create_app
from api.security.audit import AuditLog
from api.security.keys import KeyStore, hash_key
from api.settings import Settings
from factories import JAN, RUDI, ZL

H = Keys.header


def test_settings_default_to_auth_on_loopback_and_closed_cors():
    settings = Settings(_env_file=None)
    assert settings.auth is True
    assert settings.host == "127.0.0.1"
    assert settings.cors_origins == []


def test_no_key_is_401_with_the_error_shape(secure):
    client, _ = secure
    for path in ("/entities?q=jan", f"/entities/{JAN.entity_id}", "/documents", "/me", "/paths?source=a&target=b"):
        resp = client.get(path)
        assert resp.status_code == 401, path
        assert resp.json()["error"] == "Unauthorized" and resp.json()["status"] == 401
        assert resp.headers["www-authenticate"] == "Bearer"
    assert client.get("/entities?q=jan", headers=H("hg_not-a-real-key")).status_code == 401
    assert client.get("/entities?q=jan", headers={"Authorization": "Basic abc"}).status_code == 401


def test_health_and_page_need_no_key(secure):
    client, _ = secure
    assert client.get("/health").json() == {"status": "ok", "store": "sqlite", "auth": True}
    assert client.get("/web/").status_code == 200


def test_keys_are_stored_hashed(tmp_path):
    keys = KeyStore(str(tmp_path / "k.db"))
    key = keys.add_user("kim", "analyst", "RESTRICTED")
    raw = sqlite3.connect(tmp_path / "k.db").execute("SELECT key_hash FROM users").fetchall()
    assert raw == [(hash_key(key),)] and key not in str(raw)
    assert keys.authenticate(key).role == "analyst"
    assert keys.authenticate(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert keys.revoke("kim") and keys.authenticate(key) is None
    assert keys.add_user("kim", "viewer") != key  # a revoked name may get a new key


def test_revoked_key_is_refused_at_once(secure, tmp_path):
    client, keys = secure
    assert client.get("/me", headers=H(keys.viewer)).json()["name"] == "vera"
    store = KeyStore(str(tmp_path / "keys.db"))
    store.revoke("vera")
    store.close()
    assert client.get("/me", headers=H(keys.viewer)).status_code == 401


@pytest.mark.parametrize("method,path,body", [
    ("post", "/documents", None),
    ("delete", "/documents/abc", None),
    ("post", "/resolution/merge", {"keep": "person:a", "drop": "person:b"}),
    ("post", "/resolution/split/abc", None),
    ("post", "/resolution/pin", {"a": "person:a", "b": "person:b"}),
    ("post", "/cypher", {"query": "MATCH (n) RETURN n"}),
    ("get", "/exports/graphml", None),
    ("post", "/evidence-packages", {"entity_id": "person:a"}),
    ("get", "/audit", None),
    ("get", "/users", None),
])
def test_viewer_is_forbidden_to_write_merge_cypher_export_audit(secure, method, path, body):
    client, keys = secure
    kwargs = {"json": body} if body else {}
    if path == "/documents" and method == "post":
        kwargs = {"files": {"file": ("a.txt", b"Jan Peeters met Rudi.", "text/plain")}}
    resp = client.request(method, path, headers=H(keys.viewer), **kwargs)
    assert resp.status_code == 403, resp.text
    assert resp.json()["error"] == "Forbidden"


@pytest.mark.parametrize("method,path", [("delete", "/documents/abc"), ("get", "/audit"), ("get", "/users")])
def test_analyst_is_forbidden_admin_work(secure, method, path):
    client, keys = secure
    assert client.request(method, path, headers=H(keys.analyst)).status_code == 403
    assert client.request(method, path, headers=H(keys.admin)).status_code in (200, 404)


def test_viewer_reads(secure):
    client, keys = secure
    for path in ("/entities?q=peeters", f"/entities/{JAN.entity_id}", f"/entities/{JAN.entity_id}/neighbors",
                 f"/paths?source={RUDI.entity_id}&target={ZL.entity_id}", "/documents", "/schema", "/stats"):
        assert client.get(path, headers=H(keys.viewer)).status_code == 200, path


def test_every_request_is_audited(secure):
    client, keys = secure
    client.get("/entities", params={"q": "peeters", "limit": 5}, headers=H(keys.viewer))
    client.get(f"/entities/{JAN.entity_id}/neighbors", params={"depth": 2}, headers=H(keys.analyst))
    client.get("/entities", params={"q": "x"})  # no key
    client.post("/cypher", json={"query": "MATCH (n) RETURN n LIMIT 1"}, headers=H(keys.analyst))
    client.get("/health")
    entries = client.get("/audit", params={"limit": 50}, headers=H(keys.admin)).json()
    log = {(e["who"], e["endpoint"]): e for e in entries}
    search = log[("vera", "/entities")]
    assert search["params"] == {"q": "peeters", "limit": "5"} and search["status"] == 200
    assert search["result_items"] == 1 and search["result_bytes"] > 0 and search["role"] == "viewer"
    assert log[("anna", f"/entities/{JAN.entity_id}/neighbors")]["result_items"] == 5
    assert log[("-", "/entities")]["status"] == 401
    cypher = log[("anna", "/cypher")]
    assert cypher["status"] == 400 and cypher["params"]["query"] == "MATCH (n) RETURN n LIMIT 1"
    assert not any(e["endpoint"] == "/health" for e in entries)
    assert client.get("/audit/verify", headers=H(keys.admin)).json()["ok"] is True
    assert all(e["at"] and e["duration_ms"] >= 0 for e in entries)


def test_audit_log_is_append_only_and_tamper_evident(tmp_path):
    path = str(tmp_path / "a.db")
    log = AuditLog(path)
    for i in range(3):
        log.append("ann", "viewer", "GET", f"/entities/{i}", {"q": str(i)}, 200, 10 + i, 1, 1.5)
    assert log.verify() == {"ok": True, "entries": 3, "first_bad_seq": None}
    raw = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE audit SET who='eve' WHERE seq=2")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("DELETE FROM audit WHERE seq=2")
    # someone who drops the trigger still cannot hide an edit
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("UPDATE audit SET who='eve' WHERE seq=2")
    raw.commit()
    assert log.verify()["ok"] is False and log.verify()["first_bad_seq"] == 2


def test_errors_keep_one_shape(secure):
    client, keys = secure
    h = H(keys.admin)
    cases = [
        (client.get("/nowhere", headers=h), 404),
        (client.get("/entities", params={"q": ""}, headers=h), 422),
        (client.get("/entities", params={"q": "a", "limit": "many"}, headers=h), 422),
        (client.get("/entities", params={"q": "a", "type": "SPACESHIP"}, headers=h), 422),
        (client.get(f"/entities/{JAN.entity_id}/neighbors", params={"depth": 4}, headers=h), 422),
        (client.get("/entities/person:nobody", headers=h), 404),
        (client.put("/entities", headers=h), 405),
        (client.post("/cypher", content=b"{not json", headers={**h, "Content-Type": "application/json"}), 422),
    ]
    for resp, status in cases:
        assert resp.status_code == status, resp.text
        body = resp.json()
        assert set(body) == {"error", "status", "detail"} and body["status"] == status


def test_request_size_is_bounded(secure):
    client, keys = secure
    big = {"query": "x" * 300_000}
    resp = client.post("/cypher", json=big, headers=H(keys.analyst))
    assert resp.status_code == 413 and resp.json()["error"] == "PayloadTooLarge"


def test_upload_size_is_bounded(tmp_path, small_store):
    keys_db = str(tmp_path / "keys.db")
    from api_support import add_keys

    keys = add_keys(keys_db)
    app = create_app(Settings(store=small_store, keys_db=keys_db, max_upload_mb=1))
    with TestClient(app) as client:
        resp = client.post("/documents", files={"file": ("big.txt", b"a" * (1024 * 1024 + 10), "text/plain")},
                           headers=H(keys.analyst))
    assert resp.status_code == 413


def test_security_headers_and_no_cors_by_default(secure):
    client, keys = secure
    resp = client.get("/me", headers={**H(keys.viewer), "Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in resp.headers
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["cache-control"] == "no-store"
    pre = client.options("/me", headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers
    page = client.get("/web/")
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_cors_opens_only_to_listed_origins(small_store, tmp_path):
    app = create_app(Settings(store=small_store, auth=False, keys_db=str(tmp_path / "k.db"),
                              cors_origins=["http://127.0.0.1:9000"]))
    with TestClient(app) as client:
        ok = client.get("/health", headers={"Origin": "http://127.0.0.1:9000"})
        other = client.get("/health", headers={"Origin": "https://elsewhere.example"})
    assert ok.headers["access-control-allow-origin"] == "http://127.0.0.1:9000"
    assert "access-control-allow-origin" not in other.headers


def test_audit_names_the_keys_user_whatever_the_status(secure, tmp_path):
    """404/405/413/422 answers and revoked keys were logged as '-' even with a valid key."""
    client, keys = secure
    h = H(keys.analyst)
    assert client.get("/no-such-endpoint", headers=h).status_code == 404
    assert client.put("/entities", headers=h).status_code == 405
    assert client.post("/cypher", content=b"x" * 300_000, headers={**h, "Content-Type": "application/json"}
                       ).status_code == 413
    assert client.post("/resolution/merge", json={"keep": 1}, headers=h).status_code == 422
    store = KeyStore(str(tmp_path / "keys.db"))
    store.revoke("vera")
    store.close()
    assert client.get("/entities", params={"q": "jan"}, headers=H(keys.viewer)).status_code == 401
    entries = client.get("/audit", params={"limit": 20}, headers=H(keys.admin)).json()
    by_status = {(e["endpoint"], e["status"]): e for e in entries}
    for endpoint, status in (("/no-such-endpoint", 404), ("/entities", 405), ("/cypher", 413),
                             ("/resolution/merge", 422)):
        entry = by_status[(endpoint, status)]
        assert entry["who"] == "anna" and entry["role"] == "analyst", entry
    revoked = by_status[("/entities", 401)]
    assert revoked["who"] == "vera" and revoked["params"]["key"] == "revoked"


def test_requests_without_a_key_are_bounded_and_cannot_flood_the_audit_log(tmp_path, small_store):
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    settings = Settings(store=small_store, keys_db=keys_db, keyless_per_minute=5)
    with TestClient(create_app(settings)) as client:
        answers = [client.get("/entities", params={"q": str(i)}).status_code for i in range(40)]
        answers += [client.get("/me", headers=H("hg_not-a-real-key")).status_code for _ in range(10)]
        assert answers[:5] == [401] * 5 and set(answers[5:]) == {429}
        assert client.get("/me", headers=H(keys.viewer)).status_code == 200  # a valid key still gets in
        entries = client.get("/audit", params={"limit": 200}, headers=H(keys.admin)).json()
    keyless = [e for e in entries if e["who"] == "-"]
    assert len(keyless) == 6, [(e["status"], e["params"]) for e in keyless]  # 5 answered, 1 refusal noted
