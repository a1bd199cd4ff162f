"""Case files in: readers per format, structured records, edge lists, FollowTheMoney, the ingest loop.

>>> from ingest import read_file, ingest_paths, ingest_edges, IngestReport
"""

from __future__ import annotations

from ingest.edges import ingest_edges, read_edges
from ingest.ftm import export_ftm
from ingest.pipeline import ingest_paths
from ingest.records import Mapping, load_mapping
from ingest.registry import read_file
from ingest.report import IngestReport
from ingest.sample import SAMPLE_CASE, notebook_store_url, sample_case_files, sample_watchlist
from ingest.source import Limits
from ingest.watch import watch
from ingest.watchlist import WatchEntry, read_watchlist

__all__ = ["SAMPLE_CASE", "IngestReport", "Limits", "Mapping", "WatchEntry", "export_ftm", "ingest_edges",
           "ingest_paths", "load_mapping", "read_edges", "read_file", "read_watchlist", "notebook_store_url", "sample_case_files",
           "sample_watchlist", "watch"]
