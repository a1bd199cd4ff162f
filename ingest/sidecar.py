"""Per-file facts an investigator states next to the file: ``<file>.meta.yaml``.

::

    grading: B2          # source reliability + information validity (e.g. 5x5x5 / 3x5x2 grades)
    handling: "H3"       # handling code: who may see it
    title: Interview with the crane operator
    date: 2023-10-04
    lang: nl
    mapping: port_calls  # for a CSV/XLSX: a bundled mapping name or a YAML file (relative to here)
    skip: true           # leave the file out (e.g. a list of people that is not evidence)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidInput

SUFFIXES = (".meta.yaml", ".meta.yml")
KEYS = {"grading", "handling", "title", "date", "lang", "mapping", "skip", "notes"}
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9 ./_+-]{0,23}$")
LANGS = {"auto", "en", "fr", "nl"}


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def sidecar_for(path: Path) -> Path | None:
    for suffix in SUFFIXES:
        candidate = path.with_name(path.name + suffix)
        if candidate.is_file():
            return candidate
    return None


def check_code(value: Any, what: str) -> str | None:
    """Normalised grading or handling code (upper case); ``InvalidInput`` for something that is not one."""
    if value is None or str(value).strip() == "":
        return None
    code = " ".join(str(value).split()).upper()
    if not _CODE.match(code):
        raise InvalidInput(f"{what} {value!r} does not look like a code (e.g. B2, 1-A-P, H3); "
                           "use letters, digits and - . / only, 24 characters at most")
    return code


def load_sidecar(path: Path) -> dict[str, Any]:
    """The checked content of ``path``'s sidecar, or ``{}`` when there is none."""
    side = sidecar_for(path)
    if side is None:
        return {}
    try:
        raw = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InvalidInput(f"{side}: cannot read this sidecar file ({exc})") from exc
    if not isinstance(raw, dict):
        raise InvalidInput(f"{side}: expected 'key: value' lines ({', '.join(sorted(KEYS))})")
    unknown = set(raw) - KEYS
    if unknown:
        raise InvalidInput(f"{side}: unknown key(s) {sorted(unknown)}; allowed: {', '.join(sorted(KEYS))}")
    meta = dict(raw)
    for key in ("grading", "handling"):
        if key in meta:
            meta[key] = check_code(meta[key], f"{side.name}: {key}")
    if meta.get("lang") and str(meta["lang"]) not in LANGS:
        raise InvalidInput(f"{side}: lang must be one of {sorted(LANGS)}")
    if meta.get("date") is not None:
        meta["date"] = str(meta["date"])
    if meta.get("mapping"):
        candidate = side.parent / str(meta["mapping"])
        meta["mapping"] = str(candidate) if candidate.exists() else str(meta["mapping"])
    return meta
