"""Watchlists of known network members, from a CSV (``name[,type,identifier]``) or a FollowTheMoney file.

>>> entry = WatchEntry.make("Ruben Kasteleyn", "PERSON", "+32468207135")
>>> entry.entity_id, entry.identifiers
('person:ruben-kasteleyn', {'PHONE': '+32468207135'})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InvalidInput
from graph.identifiers import REGISTRY
from graph.ids import entity_id
from graph.schema import SCHEMA
from ingest.encoding import decode_bytes
from ingest.ftm import IDENTIFIER_PROPS, NODE_FOR_SCHEMA, _lines, _texts
from ingest.source import Source
from ingest.tables import csv_table

#: schemes tried, in order, on a bare identifier value of a watchlist row
_GUESS_ORDER = ("EMAIL", "IBAN", "LEI", "IMO", "MMSI", "CONTAINER", "VAT", "PHONE")


def guess_identifier(text: str) -> tuple[str, str] | None:
    """``(scheme, clean value)`` of the first identifier scheme that validates ``text``."""
    order = _GUESS_ORDER
    if text.strip().startswith(("+", "0")):  # dialled numbers before bare 9-digit MMSIs
        order = ("PHONE", *(s for s in _GUESS_ORDER if s != "PHONE"))
    for scheme in order:
        entry = REGISTRY[scheme]
        value = entry.clean(text)
        if value and entry.validate(value):
            return scheme, value
    return None


@dataclass
class WatchEntry:
    name: str
    type: str
    entity_id: str
    identifiers: dict[str, str] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)

    @classmethod
    def make(cls, name: str, type_: str = "PERSON", identifier: str = "", aliases: list[str] | None = None) -> WatchEntry:
        node_type = SCHEMA.node_name(type_ or "PERSON")
        idents: dict[str, str] = {}
        for raw in filter(None, (s.strip() for s in identifier.replace(";", "|").split("|"))):
            found = guess_identifier(raw)
            if found:
                idents.setdefault(*found)
        own = {k: v for k, v in idents.items() if k in SCHEMA.node(node_type).identifiers}
        return cls(name, node_type, entity_id(node_type, name, own), idents, aliases or [])

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "entity_id": self.entity_id,
                "identifiers": dict(self.identifiers), "aliases": list(self.aliases)}


def read_watchlist(path: str | Path) -> list[WatchEntry]:
    """Entries of a watchlist file: CSV with a ``name`` column (``type``, ``identifier`` optional) or FtM JSON lines."""
    source = Source.from_path(Path(path))
    text = decode_bytes(source.read_bytes(), source.name).text
    if text.lstrip().startswith("{"):
        return _from_ftm(text)
    table = csv_table(text, source.name)
    name_col, type_col, id_col = table.column("name"), table.column("type"), table.column("identifier")
    alias_col = table.column("aliases") or table.column("alias")
    if name_col is None:
        raise InvalidInput(f"{source.name}: a watchlist needs a 'name' column (it has: {', '.join(table.columns)})")
    out = []
    for row in table.rows:
        name = row.values[name_col].strip()
        if not name:
            continue
        aliases = [a.strip() for a in row.values.get(alias_col or "", "").split("|") if a.strip()]
        try:
            out.append(WatchEntry.make(name, row.values.get(type_col or "", "").strip() or "PERSON",
                                       row.values.get(id_col or "", ""), aliases))
        except InvalidInput as exc:
            raise InvalidInput(f"{source.name} line {row.number}: {exc}") from exc
    return out


def _from_ftm(text: str) -> list[WatchEntry]:
    objects = [obj for _, _, _, obj in _lines(text)]
    if any("target" in obj for obj in objects):
        objects = [obj for obj in objects if obj.get("target")]
    out = []
    for obj in objects:
        type_ = NODE_FOR_SCHEMA.get(str(obj.get("schema")))
        names = _texts(obj, "name")
        if type_ is None or not names or type_ in {"ADDRESS", "BANK_ACCOUNT"}:
            continue
        idents = " | ".join(v for p in (*IDENTIFIER_PROPS, "phone", "email") for v in _texts(obj, p))
        aliases = [a for p in ("alias", "weakAlias") for a in _texts(obj, p)] + names[1:]
        out.append(WatchEntry.make(names[0], type_, idents, aliases))
    return out
