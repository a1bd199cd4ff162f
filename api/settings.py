"""One typed settings object (environment prefix ``HAVENGRAPH_``), passed explicitly."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.store import DEFAULT_URL


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as ``HAVENGRAPH_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="HAVENGRAPH_", extra="ignore")

    store: str = DEFAULT_URL
    host: str = "127.0.0.1"
    port: int = 8000
    #: require API keys (Authorization: Bearer KEY) on every endpoint except /health
    auth: bool = False
    max_depth: int = 3
    max_limit: int = 500
    max_upload_mb: int = 50
    cors_origins: list[str] = []
    out_dir: str = "out"
