"""Deterministic, readable entity ids from normalised keys.

Re-ingesting the same fact yields the same id, so a write is an upsert, never a duplicate.

>>> entity_id("PERSON", "Jan  Peetérs")
'person:jan-peeters'
>>> entity_id("VESSEL", "Maersk Elba", identifiers={"IMO": "9074729"})
'vessel:imo:9074729'
>>> entity_id("CONTAINER", "MSCU 123456 5", identifiers={"CONTAINER": "MSCU1234565"})
'container:MSCU1234565'
"""

from __future__ import annotations

import re
import unicodedata

from graph.schema import SCHEMA

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
# Letters that Unicode does not decompose into a base letter plus accents (after case folding).
_LATIN_EXTRA = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae",
                              "œ": "oe", "ħ": "h", "ŧ": "t", "ŀ": "l", "ĸ": "k"})


def fold(text: str) -> str:
    """Lower case, accents removed, whitespace collapsed (for search and keys).

    >>> fold("  Mehmet YILMAZ ")
    'mehmet yilmaz'
    >>> fold("Yılmaz Søren Łukasz Straße")
    'yilmaz soren lukasz strasse'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LATIN_EXTRA)
    return _SPACES.sub(" ", plain).strip()


def name_key(text: str) -> str:
    """Slug of a name: folded, non-alphanumerics turned into single dashes."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


# Identifier schemes whose values read well in upper case inside an id.
_UPPER_SCHEMES = {"CONTAINER", "LOCODE", "IBAN", "VAT", "LEI"}


def entity_id(type_: str, name: str, identifiers: dict[str, str] | None = None) -> str:
    """Stable id: ``prefix:scheme:value`` when the type has a keying identifier, else ``prefix:name-key``.

    The first identifier listed for the type in the schema wins (a vessel with an IMO number is
    keyed by it even when it also has an MMSI). Identifier-typed nodes (container, phone, e-mail,
    account) are keyed by their value directly: ``phone:+32470123456``.
    """
    node = SCHEMA.node(type_)
    identifiers = identifiers or {}
    for scheme in node.identifiers:
        value = identifiers.get(scheme)
        if not value:
            continue
        value = value.upper() if scheme in _UPPER_SCHEMES else value
        ident = SCHEMA.identifiers[scheme]
        if ident.node == node.name and len(node.identifiers) == 1 and node.name != "COMPANY":
            # the node *is* the identifier (container, phone, e-mail, account, port)
            return f"{node.id_prefix}:{value}"
        return f"{node.id_prefix}:{scheme.lower()}:{value}"
    key = name_key(name)
    if not key:
        key = "unnamed"
    return f"{node.id_prefix}:{key}"


def type_of(entity_id_: str) -> str:
    """Node type of an id, from its prefix."""
    prefix = entity_id_.split(":", 1)[0]
    for node in SCHEMA.nodes.values():
        if node.id_prefix == prefix:
            return node.name
    raise ValueError(f"not a Havengraph entity id: {entity_id_!r}")
