"""Rule assets of the NLP layer, read once from ``nlp/data/`` (plain text, TSV and gzip files).

Every list a rule uses lives in a data file, so a reviewer can read and extend it without
touching code. Loaders are cached; a missing optional file yields an empty list.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


def _lines(name: str) -> Iterator[str]:
    path = DATA_DIR / name
    if not path.exists():
        return
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                yield line


def _rows(name: str) -> Iterator[list[str]]:
    for line in _lines(name):
        yield [cell.strip() for cell in line.split("\t")]


@cache
def word_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line file (``legal_forms.txt``, ``company_words.txt`` ...)."""
    return tuple(line.strip() for line in _lines(name))


@cache
def cue_table(name: str) -> tuple[tuple[str, str, str], ...]:
    """Rows ``(lang, kind, phrase)`` of a cue file (``vessel_cues.tsv``, ``port_context.tsv``)."""
    return tuple((r[0], r[1], r[2]) for r in _rows(name) if len(r) >= 3)


def cues(name: str, lang: str, kind: str) -> tuple[str, ...]:
    """Phrases of one ``kind`` for ``lang`` (rows marked ``*`` apply to every language)."""
    return tuple(p for lg, k, p in cue_table(name) if k == kind and lg in (lang, "*"))


@cache
def known_organizations() -> dict[str, str]:
    """Name -> ``ORGANIZATION`` or ``COMPANY`` for well-known agencies, carriers and gangs."""
    return {r[0]: r[1] for r in _rows("known_organizations.tsv") if len(r) >= 2 and r[0] != "name"}


@dataclass(frozen=True)
class PortGazetteer:
    """Port names and aliases -> UN/LOCODE, with each code's display name."""

    by_name: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    major: frozenset[str] = frozenset()
    locodes: frozenset[str] = frozenset()

    def lookup(self, text: str) -> str | None:
        """LOCODE for a surface form ("Anvers" -> "BEANR"), case- and accent-insensitive."""
        from graph.ids import fold

        return self.by_name.get(fold(text))


def _read_tsv_dicts(name: str) -> Iterator[dict[str, str]]:
    path = DATA_DIR / name
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        body = "".join(line for line in fh if not line.startswith("#"))
    yield from csv.DictReader(io.StringIO(body), delimiter="\t")


@cache
def port_gazetteer() -> PortGazetteer:
    """The port gazetteer from ``ports.tsv`` (all ports) and ``port_aliases.tsv`` (major ports)."""
    from graph.ids import fold

    by_name: dict[str, str] = {}
    names: dict[str, str] = {}
    major: set[str] = set()
    for row in _read_tsv_dicts("ports.tsv"):
        code = (row.get("locode") or "").strip().upper()
        name = (row.get("name") or "").strip()
        if len(code) != 5 or not name:
            continue
        names.setdefault(code, name)
        is_major = (row.get("major") or "0").strip() == "1"
        if is_major:
            major.add(code)
        aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
        for alias in [name, *aliases]:
            key = fold(alias)
            # a major port keeps a contested name ("Santos"); otherwise the first listed wins
            if key and (key not in by_name or (is_major and by_name[key] not in major)):
                by_name[key] = code
    for row in _rows("port_aliases.tsv"):
        if len(row) < 2 or row[0] == "locode":
            continue
        code = row[0].upper()
        major.add(code)
        aliases = [a for a in row[1].split("|") if a.strip()]
        if aliases:
            names[code] = aliases[0]  # the curated (English) name of a major port
        for alias in aliases:
            by_name[fold(alias)] = code
    return PortGazetteer(by_name, names, frozenset(major), frozenset(locode_list()) | frozenset(names))


@cache
def locode_list() -> frozenset[str]:
    """Every UN/LOCODE code known to the project (``locodes.txt.gz``), for validation."""
    codes: set[str] = set()
    for line in _lines("locodes.txt.gz"):
        code = line.split("\t")[0].replace(" ", "").strip().upper()
        if len(code) == 5:
            codes.add(code)
    return frozenset(codes)


_PORT_PHRASE = re.compile(r"^(?:port|ports|haven|havens|harbour|harbor)\s+(?:of|de|du|d'|d’|van)\b|^port\s+d['’]", re.I)


@cache
def port_surface_forms() -> tuple[str, ...]:
    """Names and aliases of the major ports as written in the data (for the phrase matcher)."""
    out: list[str] = []
    for row in _read_tsv_dicts("ports.tsv"):
        if (row.get("major") or "0").strip() != "1":
            continue
        for alias in [row.get("name") or "", *(row.get("aliases") or "").split("|")]:
            if alias.strip():
                out.append(alias.strip())
    for row in _rows("port_aliases.tsv"):
        if len(row) >= 2 and row[0] != "locode":
            out.extend(a.strip() for a in row[1].split("|") if a.strip())
    # "Port of Antwerp" is matched as "port of" + "Antwerp": the mention is the port's name
    return tuple(a for a in dict.fromkeys(out) if not _PORT_PHRASE.match(a))


@cache
def first_names() -> frozenset[str]:
    """Given names (``first_names.txt``), as written (title case)."""
    return frozenset(word for line in _lines("first_names.txt") for word in line.split())


@cache
def port_name_stoplist() -> dict[str, str]:
    """Folded port name -> why it is ambiguous (``word``, ``person``, ``place``, ``city``)."""
    from graph.ids import fold

    return {fold(r[0]): r[1] for r in _rows("port_name_stoplist.txt") if len(r) >= 2}


@cache
def country_names() -> dict[str, str]:
    """Country and world-region names (EN/FR/NL, ``countries.tsv`` + ``country_aliases.tsv``) -> ISO or M49 code."""
    out: dict[str, str] = {}
    for name in ("countries.tsv", "country_aliases.tsv"):
        for row in _rows(name):
            if len(row) >= 2:
                for alias in row[1].split("|"):
                    if alias.strip():
                        out.setdefault(alias.strip(), row[0])
    return out


@dataclass(frozen=True)
class Place:
    """A city or municipality of ``places.tsv.gz`` (GeoNames), as found under one of its names."""

    name: str
    country: str
    population: int
    alias: bool = False


@cache
def place_gazetteer() -> dict[str, Place]:
    """Folded name or other name -> :class:`Place` (cities of Europe and the world's large cities)."""
    from graph.ids import fold

    out: dict[str, Place] = {}
    for row in _rows("places.tsv.gz"):
        if len(row) < 3 or not row[2].isdigit():
            continue
        place = Place(row[0], row[1], int(row[2]))
        out.setdefault(fold(row[0]), place)
        for alias in (row[3].split("|") if len(row) > 3 else []):
            if alias:
                out.setdefault(fold(alias), Place(row[0], row[1], place.population, alias=True))
    return out


@cache
def place_stoplist() -> frozenset[str]:
    """Folded place names that are also words or personal names (``place_stoplist.txt``)."""
    from graph.ids import fold

    return frozenset(fold(line.strip()) for line in _lines("place_stoplist.txt"))
