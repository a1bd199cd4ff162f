"""Build the shipped UN/LOCODE list and seaport gazetteer in ``nlp/data/``.

The raw sources are not committed; pass their paths on the command line.  With a
complete UNECE release only the first form is needed::

    python scripts/build_gazetteer.py \\
        --codelist "2024-2 UNLOCODE CodeListPart1.csv" \\
        --codelist "2024-2 UNLOCODE CodeListPart2.csv" \\
        --codelist "2024-2 UNLOCODE CodeListPart3.csv" \\
        --alias-csv alias.csv --out nlp/data

When some countries are missing from the ``--codelist`` files (the shipped data was
built without Part 1, see ``nlp/data/README.md``), those countries are filled in from:

* ``--code-header``: a C/C++ header that declares every code of the wanted edition as
  ``constexpr int XXYYY = n;`` -- gives the complete set of codes;
* ``--code-body``: a C/C++ body with parallel ``m_codes`` / ``m_function`` /
  ``m_fullNames`` arrays -- gives the function flags (bit 0 = seaport) and the
  ASCII name of the entries it covers;
* ``--fallback-rda``: an R data file (``unlocode`` data frame of an older edition) --
  gives the names with diacritics and the function strings of older entries.
  Reading it needs the ``rdata`` package (build time only).

Outputs (all sorted, byte-for-byte reproducible):

* ``locodes.txt.gz``  every UN/LOCODE, one per line;
* ``ports.tsv``       seaports (function position 1 == '1'):
  ``locode  name  country  aliases  major``;
* the hand-curated ``port_aliases.tsv`` is read, never written.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "nlp" / "data"
LOCODE_RE = re.compile(r"^[A-Z]{2}[A-Z0-9]{3}$")  # a few real codes hold a 0 (IT940)
SEAPORT_BIT = 1  # bit 0 of the function mask in --code-body


@dataclass
class Entry:
    """One UN/LOCODE entry, as far as the sources tell."""

    locode: str
    name: str = ""
    ascii_name: str = ""
    function: str = ""  # 8-character classifier, '' when unknown
    is_port: bool | None = None  # None = unknown (no source gave the function)
    aliases: list[str] = field(default_factory=list)
    duplicate: bool = False  # the source lists this code on more than one row


def merge_rows(rows: Iterable[Entry]) -> dict[str, Entry]:
    """Fold rows that share a code (UNECE lists e.g. both spellings of a Greek port,
    or a Chinese city port and its airport, under one code).

    The first seaport row wins; other seaport rows give aliases; a non-port row never
    lends its name to a port.
    """
    grouped: dict[str, list[Entry]] = {}
    for row in rows:
        grouped.setdefault(row.locode, []).append(row)
    merged: dict[str, Entry] = {}
    for code, group in grouped.items():
        first = next((r for r in group if r.is_port), group[0])
        for other in group:
            if other is not first and other.is_port:
                first.aliases.extend(n for n in (other.name, other.ascii_name) if n)
        first.duplicate = len(group) > 1
        merged[code] = first
    return merged


# ---------------------------------------------------------------- readers


def read_unece_csv(path: Path) -> tuple[dict[str, Entry], list[tuple[str, str, str]]]:
    """Read one UNECE ``CodeListPartN.csv`` (ISO 8859-1, no header).

    Returns the entries by code and the reference rows ``(country, alias, official)``
    that UNECE writes as ``"Alias = Official"`` with change indicator ``=``.
    """
    rows: list[Entry] = []
    refs: list[tuple[str, str, str]] = []
    with path.open(encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) < 8:
                continue
            change, country, place, name, ascii_name, _subdiv, function = row[:7]
            if not place:
                if change == "=" and " = " in ascii_name:
                    alias, official = (part.strip() for part in ascii_name.split(" = ", 1))
                    refs.append((country, alias, official))
                continue
            code = country + place
            if not LOCODE_RE.match(code):
                continue
            rows.append(Entry(code, name.strip(), ascii_name.strip(), function, is_port=function[:1] == "1"))
    return merge_rows(rows), refs


def read_alias_csv(path: Path) -> list[tuple[str, str, str]]:
    """Read ``Country,Name,NameWoDiacritics`` rows of the form ``Alias = Official``."""
    refs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row.get("NameWoDiacritics") or row.get("Name") or ""
            if " = " in text:
                alias, official = (part.strip() for part in text.split(" = ", 1))
                refs.append((row["Country"], alias, official))
    return refs


def read_code_header(path: Path) -> set[str]:
    """Codes declared as ``constexpr int XXYYY = n;`` (a placeholder ``XXXXX`` is dropped)."""
    text = path.read_text(encoding="latin-1")
    codes = set(re.findall(r"constexpr\s+int\s+([A-Z]{2}[A-Z0-9]{3})\s*=\s*\d+\s*;", text))
    codes.discard("XXXXX")
    return codes


def _c_array(text: str, name: str) -> str:
    pattern = "::" + re.escape(name) + r"\s*\[[^\]]*\][^{]*=\s*\{(.*?)\};"
    match = re.search(pattern, text, re.S)
    if not match:
        raise ValueError(f"array {name} not found")
    return match.group(1)


def read_code_body(path: Path) -> dict[str, tuple[int, str]]:
    """Function mask and ASCII name per code from parallel C arrays."""
    text = path.read_text(encoding="latin-1")
    codes = re.findall(r'"([^"]*)"', _c_array(text, "m_codes"))
    names = [
        n.replace("\\'", "'").replace('\\"', '"')
        for n in re.findall(r'"((?:[^"\\]|\\.)*)"', _c_array(text, "m_fullNames"))
    ]
    masks = [
        0 if tok.startswith("Function") else int(tok)
        for tok in re.findall(r"Function::\w+|\d+", _c_array(text, "m_function"))
    ]
    if not len(codes) == len(names) == len(masks):
        raise ValueError(f"{path}: arrays differ in length ({len(codes)}, {len(names)}, {len(masks)})")
    return {c: (m, n) for c, m, n in zip(codes, masks, names, strict=True) if LOCODE_RE.match(c)}


def read_fallback_rda(path: Path) -> dict[str, Entry]:
    """Entries of the ``unlocode`` data frame in an R data file (older edition)."""
    import warnings

    import rdata  # build-time only

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = rdata.parser.parse_file(path)
        frame = rdata.conversion.convert(parsed, default_encoding="latin1", force_default_encoding=True)[
            "unlocode"
        ]
    rows: list[Entry] = []
    for code, name, ascii_name, function in zip(
        frame["un_locode"], frame["name"], frame["name_en"], frame["function_code"], strict=True
    ):
        code = str(code).replace(" ", "")
        if not LOCODE_RE.match(code):
            continue
        function = function if isinstance(function, str) else ""
        rows.append(
            Entry(
                code,
                _text(name),
                _text(ascii_name),
                function,
                is_port=function[:1] == "1" if function else None,
            )
        )
    return merge_rows(rows)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def read_hand_aliases(path: Path) -> dict[str, list[str]]:
    """``locode<TAB>alias|alias|...`` lines; ``#`` starts a comment line."""
    aliases: dict[str, list[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("locode\t"):
            continue
        code, _, names = line.partition("\t")
        code = code.strip()
        if not LOCODE_RE.match(code) or not names.strip():
            raise ValueError(f"{path}:{number}: bad line {line!r}")
        if code in aliases:
            raise ValueError(f"{path}:{number}: {code} listed twice")
        aliases[code] = [n.strip() for n in names.split("|") if n.strip()]
    return aliases


# ---------------------------------------------------------------- merging


def fold(text: str) -> str:
    """Case- and accent-insensitive key used to compare names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def fill_missing_countries(
    entries: dict[str, Entry],
    header_codes: set[str],
    body: dict[str, tuple[int, str]],
    fallback: dict[str, Entry],
) -> dict[str, str]:
    """Add codes of countries absent from ``entries``; return code -> source label."""
    covered = {code[:2] for code in entries}
    wanted = {c for c in header_codes if c[:2] not in covered}
    if not header_codes:  # no complete code set: fall back to the older edition's codes
        wanted = {c for c in fallback if c[:2] not in covered}
    sources: dict[str, str] = {}
    for code in sorted(wanted):
        old = fallback.get(code)
        mask_name = body.get(code)
        entry = Entry(code)
        # The body keeps one row per code; when the older edition shows the code on
        # several rows and one of them is a port, the body may hold the other row.
        lost_sibling = (
            old is not None
            and old.duplicate
            and bool(old.is_port)
            and mask_name is not None
            and not mask_name[0] & SEAPORT_BIT
        )
        if mask_name is not None and not lost_sibling:
            mask, ascii_name = mask_name
            entry.ascii_name = ascii_name
            entry.is_port = bool(mask & SEAPORT_BIT)
            entry.name = ascii_name
            if old is not None and fold(old.ascii_name) == fold(ascii_name):
                entry.name = old.name or ascii_name  # same place: keep the diacritics
                entry.aliases = list(old.aliases)
            sources[code] = "body"
        elif old is not None:
            entry = old
            sources[code] = "fallback"
        else:
            sources[code] = "code-only"
        entries[code] = entry
    return sources


def attach_reference_aliases(entries: dict[str, Entry], refs: Iterable[tuple[str, str, str]]) -> int:
    """Give ``Alias = Official`` names to the port(s) named ``Official`` in that country."""
    by_name: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries.values():
        if entry.is_port:
            for name in {entry.name, entry.ascii_name}:
                by_name.setdefault((entry.locode[:2], fold(name)), []).append(entry)
    attached = 0
    for country, alias, official in refs:
        for entry in by_name.get((country, fold(official)), []):
            if alias not in entry.aliases:
                entry.aliases.append(alias)
                attached += 1
    return attached


def port_aliases(entry: Entry, hand: list[str]) -> list[str]:
    """Aliases in output order: ASCII name, UNECE references, hand-curated; no repeats."""
    seen = {fold(entry.name)}
    result = []
    for alias in [entry.ascii_name, *entry.aliases, *hand]:
        key = fold(alias)
        if alias and key not in seen:
            seen.add(key)
            result.append(alias)
    return result


def clean_field(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


# ---------------------------------------------------------------- writing


def write_locodes(path: Path, codes: Iterable[str]) -> None:
    data = "".join(f"{code}\n" for code in sorted(codes)).encode("ascii")
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(data)


def write_ports(path: Path, entries: dict[str, Entry], hand: dict[str, list[str]]) -> tuple[int, int]:
    rows, alias_count = [], 0
    for code in sorted(entries):
        entry = entries[code]
        if not entry.is_port:
            continue
        aliases = [clean_field(a) for a in port_aliases(entry, hand.get(code, []))]
        alias_count += len(aliases)
        major = "1" if code in hand else "0"
        rows.append(f"{code}\t{clean_field(entry.name)}\t{code[:2]}\t{'|'.join(aliases)}\t{major}\n")
    path.write_text("locode\tname\tcountry\taliases\tmajor\n" + "".join(rows), encoding="utf-8")
    return len(rows), alias_count


def build(args: argparse.Namespace) -> dict[str, int]:
    entries: dict[str, Entry] = {}
    refs: list[tuple[str, str, str]] = []
    for path in args.codelist:
        part, part_refs = read_unece_csv(path)
        entries.update(part)
        refs.extend(part_refs)
    primary = len(entries)
    header = read_code_header(args.code_header) if args.code_header else set()
    body = read_code_body(args.code_body) if args.code_body else {}
    fallback = read_fallback_rda(args.fallback_rda) if args.fallback_rda else {}
    sources = fill_missing_countries(entries, header, body, fallback)
    for path in args.alias_csv:
        refs.extend(read_alias_csv(path))
    attached = attach_reference_aliases(entries, refs)
    hand = read_hand_aliases(args.aliases)
    not_ports = sorted(code for code in hand if not entries.get(code) or not entries[code].is_port)
    if not_ports:
        raise SystemExit(f"hand-curated codes that are not seaports in the sources: {', '.join(not_ports)}")
    args.out.mkdir(parents=True, exist_ok=True)
    write_locodes(args.out / "locodes.txt.gz", entries)
    ports, alias_count = write_ports(args.out / "ports.tsv", entries, hand)
    return {
        "locodes": len(entries),
        "from_codelist": primary,
        "from_code_body": sum(1 for s in sources.values() if s == "body"),
        "from_fallback": sum(1 for s in sources.values() if s == "fallback"),
        "code_only": sum(1 for s in sources.values() if s == "code-only"),
        "ports": ports,
        "major_ports": len(hand),
        "aliases": alias_count,
        "reference_aliases_attached": attached,
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--codelist",
        type=Path,
        action="append",
        default=[],
        required=True,
        help="UNECE 'UNLOCODE CodeListPartN.csv' (repeat for each part)",
    )
    parser.add_argument(
        "--code-header", type=Path, help="header declaring every code (fills missing countries)"
    )
    parser.add_argument("--code-body", type=Path, help="body with m_codes/m_function/m_fullNames arrays")
    parser.add_argument("--fallback-rda", type=Path, help="R data file with an older 'unlocode' data frame")
    parser.add_argument(
        "--alias-csv",
        type=Path,
        action="append",
        default=[],
        help="CSV of 'Alias = Official' reference names (Country,Name,NameWoDiacritics)",
    )
    parser.add_argument(
        "--aliases",
        type=Path,
        default=DEFAULT_OUT / "port_aliases.tsv",
        help="hand-curated aliases of major ports (default: nlp/data/port_aliases.tsv)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: nlp/data)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    counts = build(parse_args(argv))
    for key, value in counts.items():
        print(f"{key}\t{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
