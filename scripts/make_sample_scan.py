"""Render the sample case's scanned page (ingest/sample_case/28_scan-patrol-note-quay-1955.png).

The page is typeset from the text below (fiction, written for the sample case) by
``ingest.synthetic_scans`` and saved black and white, so the file stays small. Run it again after
changing the text: ``.venv/bin/python scripts/make_sample_scan.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.synthetic_scans import scan_png  # noqa: E402

OUT = ROOT / "ingest" / "sample_case" / "28_scan-patrol-note-quay-1955.png"
TEXT = """FICTIONAL TRAINING MATERIAL - all names, firms, vessels and numbers are invented.
PORT POLICE ANTWERP - patrol note (scanned copy), 23 October 2023, 22:40

During the evening patrol at Quay 1955 the officers checked a grey van parked beside the gate of \
the Hoverkade terminal. The driver was Nordin Haddouchi, who showed a visitor badge requested by \
Blauwhoeve Logistics BV. He said he was waiting for the discharge of the Santa Brisa to inspect \
bananas for his employer. No cargo was in the van. The officers noted that the crane of berth 3 \
was working and that Kenneth Lauwers was on shift.

Signed: the patrol officer on duty, Port Police Antwerp
"""


def main() -> None:
    OUT.write_bytes(scan_png(TEXT, bilevel=True, crop=True, seed=28, noise=0.01, skew=0.7))
    print(f"{OUT.name}: {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
