"""The bundled sample case: fictitious case files of one port-infiltration investigation.

``CAST.md`` in the folder is the answer key (who is who, for tests and for reading along); it
and ``watchlist.csv`` are not evidence and are never ingested as case files.

>>> [p.name for p in sample_case_files()][:2]
['01_pv-initial-report.txt', '02_kbo-uittreksel-blauwhoeve.txt']
>>> sample_watchlist().name
'watchlist.csv'
"""

from __future__ import annotations

from pathlib import Path

SAMPLE_CASE = Path(__file__).resolve().parent / "sample_case"


def sample_case_files(folder: Path = SAMPLE_CASE) -> list[Path]:
    """The case files of the sample case, in reading order (the answer key and watchlist left out)."""
    return sorted(folder.glob("*.txt"))


def sample_watchlist(folder: Path = SAMPLE_CASE) -> Path:
    """The watchlist of known network members that comes with the sample case (CSV)."""
    return folder / "watchlist.csv"
