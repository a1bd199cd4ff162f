"""Watchlists: known network members, matched to entities of the graph.

A watchlist is a CSV file with a ``name`` column and optional ``type`` and ``identifier`` columns
(``name,type,identifier``). An entry matches

* entities whose folded name or alias equals the folded ``name`` (of ``type`` when given);
* organisations whose name equals it once words that only say "a group" are set aside on both
  sides ("Zeeslang group", "de bende Zeeslang" and "Zeeslang" name one criminal group; ``how`` is
  then ``"group name"``): only when no name matches as written, and never a person or a firm;
* entities that carry the ``identifier`` (phone, e-mail, IBAN, IMO...), and the identifier's own
  node (``phone:+32470123456``) when the graph has it: a known member's phone is part of the
  network too.

Entities tagged by analysts with the property ``watchlist: true`` are added (``tagged=True``).

>>> from graph.analysis.examples import port_network
>>> m = match_watchlist(port_network(), [WatchlistEntry("jan peeters")])
>>> m.entity_ids
['org:noordzee-group', 'person:jan-peeters']
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analysis.projection import is_store, project
from graph.errors import InvalidInput
from graph.identifiers import REGISTRY
from graph.ids import fold
from graph.schema import SCHEMA

__all__ = ["WatchlistEntry", "WatchlistMatch", "read_watchlist", "parse_watchlist", "match_watchlist",
           "tagged_entities"]

_TRUE = {"true", "yes", "1", "y", "oui", "ja"}
#: words that say "a criminal group" around an organisation's name (EN, FR, NL), and articles
_GROUP_WORDS = frozenset({"the", "group", "gang", "clan", "network", "cartel", "crew", "organisation", "organization",
                          "le", "la", "les", "groupe", "bande", "reseau",
                          "de", "het", "groep", "bende", "netwerk", "kartel", "organisatie"})
#: the words among them that name the group itself (the rest are articles)
_KIND_WORDS = _GROUP_WORDS - {"the", "le", "la", "les", "de", "het"}
#: after a group word, these say where the group is from, not what it is called: "groupe de Marseille",
#: "bende uit Breda", "the gang from Tilbury" name a place
_ORIGIN_WORDS = frozenset({"de", "du", "des", "d", "of", "from", "van", "uit", "in"})


def _group_key(name: str) -> str:
    """An organisation's folded name without the words that only say it is a group ("" if nothing is left).

    "" too when a group word is followed by a word of origin ("groupe de Marseille", "bende uit Breda"):
    what is left is a place, and a place is not a group's name.
    """
    words = [w for w in re.split(r"[\s\-']+", fold(name)) if w]
    if any(w in _KIND_WORDS and nxt in _ORIGIN_WORDS for w, nxt in zip(words, words[1:], strict=False)):
        return ""
    return " ".join(w for w in words if w not in _GROUP_WORDS)


@dataclass(frozen=True)
class WatchlistEntry:
    name: str
    type: str | None = None
    identifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class WatchlistMatch:
    """What a watchlist matched: ``entity_ids`` plus, per entry, which entities and how."""

    entity_ids: list[str] = field(default_factory=list)
    matches: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[WatchlistEntry] = field(default_factory=list)
    tagged: list[str] = field(default_factory=list)
    #: one row per entry, in the watchlist's order: the entry, the entity it names (``entity_id``:
    #: a name match first, else what carries its identifier) and every entity it matched
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"entity_ids": self.entity_ids, "matches": self.matches,
                "unmatched": [e.to_dict() for e in self.unmatched], "tagged": self.tagged}

    def entry_of(self, entity_id: str) -> str | None:
        """The name of the first entry that matched ``entity_id`` (``None`` if only tagged or not at all)."""
        for row in self.rows:
            if entity_id in row["entity_ids"]:
                return str(row["name"] or row["identifier"])
        return None


def parse_watchlist(text: str) -> list[WatchlistEntry]:
    """Entries of a watchlist CSV given as text (header with a ``name`` column).

    >>> parse_watchlist("name,type,identifier\\nJan Peeters,PERSON,+32470123456\\n")
    [WatchlistEntry(name='Jan Peeters', type='PERSON', identifier='+32470123456')]
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "name" not in fields:
        raise InvalidInput("a watchlist needs a header row with a 'name' column (optional: type, identifier)")
    entries = []
    for raw in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        name, type_, ident = row.get("name", ""), row.get("type", ""), row.get("identifier", "")
        if not name and not ident:
            continue
        entries.append(WatchlistEntry(name=name, type=SCHEMA.node_name(type_) if type_ else None,
                                      identifier=ident or None))
    return entries


def read_watchlist(path: str | Path) -> list[WatchlistEntry]:
    """Entries of a watchlist CSV file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"cannot read watchlist {path}: {exc.strerror}") from exc
    return parse_watchlist(text)


def _identifier_keys(text: str) -> set[str]:
    """Cleaned values an identifier may take under any scheme where it is valid, plus node ids."""
    keys = {text.strip(), text.strip().lower()}
    for scheme in REGISTRY.values():
        try:
            value = scheme.clean(text)
        except Exception:  # noqa: BLE001 - a cleaner may reject input of another scheme
            continue
        if value and scheme.validate(value):
            keys.add(value)
            keys.add(scheme.node_id(value))
    return keys


def tagged_entities(G: nx.Graph) -> list[str]:
    """Entities whose ``properties`` say ``watchlist: true``."""
    out = []
    for node, data in G.nodes(data=True):
        flag = (data.get("properties") or {}).get("watchlist", data.get("watchlist"))
        if flag is True or (isinstance(flag, str | int) and str(flag).strip().lower() in _TRUE):
            out.append(node)
    return sorted(out, key=str)


def match_watchlist(source: Any, entries: Iterable[WatchlistEntry] | None = None, *,
                    tagged: bool = True) -> WatchlistMatch:
    """Match watchlist entries (and analyst tags) to entities of a projection or store.

    Parameters
    ----------
    source : networkx.Graph or GraphStore
        A projection (nodes with ``name`` and, when known, ``aliases``, ``identifiers``,
        ``properties``) or a store (projected with its entities' details).
    entries : iterable of WatchlistEntry, optional
    tagged : bool
        Add entities tagged ``watchlist: true``.

    Returns
    -------
    WatchlistMatch
    """
    G = project(source, entities=True) if is_store(source) else source
    by_name: dict[str, list[Any]] = {}
    by_ident: dict[str, list[Any]] = {}
    by_group: dict[str, list[Any]] = {}
    places: set[str] = set()
    for node, data in G.nodes(data=True):
        for label in {data.get("name", ""), *data.get("aliases", ())}:
            if label:
                by_name.setdefault(fold(str(label)), []).append(node)
                if data.get("type") == "ORGANIZATION" and _group_key(str(label)):
                    by_group.setdefault(_group_key(str(label)), []).append(node)
                if data.get("type") in ("LOCATION", "PORT"):
                    places.add(fold(str(label)))
        for value in (data.get("identifiers") or {}).values():
            by_ident.setdefault(str(value), []).append(node)
            by_ident.setdefault(str(value).lower(), []).append(node)
    # "the Marseille group" may be a group from Marseille: a group-word match never rests on a place name
    by_group = {key: nodes for key, nodes in by_group.items() if key not in places}
    result = WatchlistMatch()
    found: set[Any] = set()
    for entry in entries or []:
        hits: dict[Any, str] = {}
        if entry.name:
            for node in by_name.get(fold(entry.name), []):
                if entry.type is None or G.nodes[node].get("type") == entry.type:
                    hits.setdefault(node, "name")
            if not hits and entry.type in (None, "ORGANIZATION") and _group_key(entry.name):
                for node in by_group.get(_group_key(entry.name), []):
                    hits.setdefault(node, "group name")
        if entry.identifier:
            for key in _identifier_keys(entry.identifier):
                if key in G:
                    hits.setdefault(key, "identifier")
                for node in by_ident.get(key, []):
                    hits.setdefault(node, "identifier")
        ordered = sorted(hits, key=str)
        named = [n for n in ordered if hits[n] in ("name", "group name")]
        result.rows.append({**entry.to_dict(), "entity_id": (named or ordered or [None])[0],
                            "entity_ids": ordered})
        if hits:
            result.matches.append({"entry": entry.to_dict(),
                                   "entity_ids": ordered, "how": [hits[n] for n in ordered]})
            found.update(hits)
        else:
            result.unmatched.append(entry)
    if tagged:
        result.tagged = tagged_entities(G)
        found.update(result.tagged)
    result.entity_ids = sorted(found, key=str)
    return result
