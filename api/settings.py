"""One typed settings object (environment prefix ``HAVENGRAPH_``), passed explicitly."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.store import DEFAULT_URL


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as ``HAVENGRAPH_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="HAVENGRAPH_", extra="ignore")

    store: str = DEFAULT_URL
    #: loopback unless told otherwise
    host: str = "127.0.0.1"
    port: int = 8000
    #: require API keys (Authorization: Bearer KEY) on every endpoint except /health and the static page
    auth: bool = True
    #: SQLite file holding API keys and the audit log (default: next to an embedded store)
    keys_db: str | None = None
    #: write an audit entry for every request
    audit: bool = True
    #: requests without a valid key one client address may make per minute (then 429, not logged)
    keyless_per_minute: int = 30
    #: clearance of requests when auth is off (None = the highest handling level)
    anonymous_clearance: str | None = None
    max_depth: int = 3
    max_limit: int = 500
    max_offset: int = 10_000
    max_upload_mb: int = 50
    #: uploads ingested at once; more wait in a queue of ``ingest_queue`` (then 429 "try again later")
    ingest_workers: int = 2
    ingest_queue: int = 16
    #: what one upload's extraction may take: wall-clock seconds and resident memory (MB)
    ingest_job_seconds: float = 300.0
    ingest_job_memory_mb: int = 1500
    #: more seconds per scanned page of an upload read by OCR (images, PDF pages without text)
    ingest_ocr_page_seconds: float = 120.0
    #: largest request body accepted by any endpoint but the upload
    max_body_kb: int = 256
    #: origins allowed to call the API from a browser; none by default
    cors_origins: list[str] = []
    #: watchlist CSV (name,type,identifier) for "path to watchlist" and suspicious links
    watchlist: str | None = None
    cypher_timeout_s: float = 10.0
    cypher_max_rows: int = 1000
    #: largest Cypher answer, in bytes of JSON (the rows stop there and the answer says it was truncated)
    cypher_max_bytes: int = 4_000_000
    #: seconds a change made outside the API (e.g. `havengraph ingest`) takes to reach need-to-know filtering
    clearance_cache_s: float = 1.0
    out_dir: str = "out"
