"""Find hard identifiers in running text and judge them with :mod:`graph.identifiers`.

Each scheme has one compiled pattern; candidates are cleaned and validated by the graph's
registry, and a candidate that fails its check is *kept* with ``valid=False``. Where two
candidates overlap, the more specific scheme wins (an IBAN over the phone number hidden in
its digits). Everything here works on plain strings: the spaCy component in
``nlp.components.identifiers`` only stores the hits on the ``Doc``.

>>> [(h.type, h.value, h.valid) for h in find_identifiers("Container CSQU 305438-3 on MV X, IMO 9074729.")]
[('CONTAINER', 'CSQU3054383', True), ('IMO', '9074729', True)]
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from graph.identifiers import REGISTRY, clean_phone, valid_locode, valid_phone
from nlp.resources import _rows

_NO = r"(?:\s*-?\s*(?:no\.?|nr\.?|n°|n[or]\.?|number|num[ée]ro|nummer|#))?\s*[:.]?\s*"

PATTERNS: dict[str, re.Pattern[str]] = {
    "EMAIL": re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"),
    "IMO": re.compile(r"\b(?:IMO|OMI)" + _NO + r"(\d{7})(?!\d)"),
    "MMSI": re.compile(r"\bMMSI" + _NO + r"(\d{6,12})(?!\d)"),
    "CONTAINER": re.compile(r"(?<![A-Za-z0-9])([A-Z]{3}[UJZ][\s-]?\d{3}[\s-]?\d{3}[\s-]?\d)(?![\w-])"),
    "LEI": re.compile(r"(?:\bLEI" + _NO + r")?(?<![A-Za-z0-9])((?=[A-Z0-9]*\d[A-Z0-9]*[A-Z])[A-Z0-9]{18}\d{2})(?![A-Za-z0-9])"),
    "IBAN": re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])"),
    "VAT": re.compile(
        r"(?<![A-Za-z0-9])("
        r"BE[\s.]?[01]\d{3}[\s.]?\d{3}[\s.]?\d{3}"     # Belgian VAT / enterprise number
        r"|[01]\d{3}\.\d{3}\.\d{3}"                  # Belgian enterprise number, dotted
        r"|NL\s?\d{9}\s?B\s?\d{2}"                   # Dutch VAT
        r"|FR\s?[0-9A-Z]{2}\s?\d{3}\s?\d{3}\s?\d{3}"  # French VAT
        r"|(?:DE|LU|ES|IT|PT|AT)\s?[0-9A-Z]{8,11}(?=\W|$)(?<=\d)"
        r")(?![A-Za-z0-9])"
    ),
    "LOCODE": re.compile(
        r"(?:\((?P<paren>[A-Z]{2}\s?[A-Z2-9]{3})\)"
        r"|\b(?:UN/)?LOCODE\s*:?\s*(?P<cue>[A-Z]{2}\s?[A-Z2-9]{3})"
        r"|\b(?:[Cc]ode|[Pp]ort\s?code)\s*:?\s*(?P<code>[A-Z]{2}\s?[A-Z2-9]{3}))(?![A-Za-z0-9])"
    ),
    # a phone starts with +, 00 or 0 and has 9 to 15 digits in groups; (0) after a country code is allowed
    "PHONE": re.compile(
        r"(?<![\w+/.-])((?:\+|00)\d{1,3}[\s./-]?(?:\(0\)[\s./-]?)?(?:\(\d{2,4}\)[\s./-]?)?\d{1,4}(?:[\s./-]?\d{1,4}){1,5}"
        r"|0\d{1,3}(?:[\s./-]?\d{2,4}){2,4}"
        r"|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4})(?![\w/-]|\.\d)"
    ),
}

#: a candidate of an earlier scheme wins an overlap against a later one
PRIORITY = ("EMAIL", "IMO", "MMSI", "CONTAINER", "LEI", "IBAN", "VAT", "LOCODE", "PHONE")
_VAT_CUE = re.compile(r"(?:VAT|TVA|BTW|btw|USt|enterprise|entreprise|onderneming|KBO|BCE|RPR|RPM)\S*\W{0,4}\S*\W*$", re.I)
_IBAN_CUE = re.compile(r"(?:IBAN|account|compte|rekening)\W*$", re.I)
_IBAN_LENGTHS = {"BE": 16, "NL": 18, "FR": 27, "DE": 22, "LU": 20, "ES": 24, "IT": 27, "GB": 22, "PT": 25,
                 "CH": 21, "AE": 23, "TR": 26, "MA": 28, "IE": 22, "AT": 20, "PL": 28, "MT": 31, "CY": 28}


@dataclass(frozen=True)
class IdentifierHit:
    """One identifier candidate: ``value`` is the cleaned form, ``valid`` the registry's verdict."""

    type: str
    text: str
    value: str
    start: int
    end: int
    valid: bool


def _group_span(match: re.Match[str]) -> tuple[int, int]:
    for name in ("paren", "cue", "code"):
        if name in match.re.groupindex and match.group(name):
            return match.span(name)
    return match.span(1) if match.re.groups else match.span()


def _iban(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim an IBAN candidate to its country's length (it may have swallowed a capitalised word)."""
    raw = text[start:end]
    expected = _IBAN_LENGTHS.get(raw[:2])
    compact = 0
    for i, ch in enumerate(raw):
        if ch.isalnum():
            compact += 1
            if expected and compact == expected:
                return start, start + i + 1
    if expected and compact < expected:
        return (start, end) if _IBAN_CUE.search(text[max(0, start - 30):start]) else None
    return (start, end) if 15 <= compact <= 34 else None


# how numbers are grouped betrays the country: "0470 12 34 56" is Belgian, "06-41837265" Dutch
# (pairs, "06 21 34 56 78", are written in France and in the Low Countries alike: no clue)
_GROUPING_REGION = (
    (re.compile(r"0\d{3}[ /.]\d"), "BE"),
    (re.compile(r"0(?:6[- ]?\d{8}|\d{2}[- ]\d{7})$"), "NL"),
)


@lru_cache(maxsize=4)
def _country_prefixes(known: frozenset[str]) -> frozenset[str]:
    return frozenset(code[:2] for code in known)


def _countries(known: Collection[str] | None) -> frozenset[str]:
    return _country_prefixes(frozenset(known)) if known else frozenset()


#: countries whose numbering a document's language makes likely, most likely first
_LANG_REGIONS = {"nl": ("BE", "NL"), "fr": ("FR", "BE"), "en": ("BE", "GB")}
#: countries tried only to tell a phone from another digit string, never to give a number its country
_ANY_REGION = ("BE", "NL", "FR", "GB", "DE", "ES", "IT", "LU")
#: countries of the North American numbering plan: "(305) 555-0147" is read only in their texts
_NANP = frozenset({"US", "CA", "JM"})
_INTERNATIONAL = re.compile(r"(?<![\w+])(?:\+|00)\d[\d\s./()-]{7,18}\d")


@lru_cache(maxsize=1)
def _country_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``(region, pattern)`` rows of ``data/phone_countries.tsv``: the names that place a text in a country."""
    rows = []
    for row in _rows("phone_countries.tsv"):
        if len(row) >= 2 and row[1]:
            words = "|".join(re.escape(w) for w in row[1].split("|"))
            rows.append((row[0], re.compile(r"(?<![\w.])(?:" + words + r")(?![\w])")))
    return tuple(rows)


def text_countries(text: str) -> tuple[str, ...]:
    """The countries ``text`` names (cities, courts, agencies), the most named first.

    >>> text_countries("Gardaí in Cork seized the drugs; the Dublin court remanded him.")
    ('IE',)
    """
    counts = {region: len(pattern.findall(text)) for region, pattern in _country_cues()}
    return tuple(r for r, n in sorted(counts.items(), key=lambda item: -item[1]) if n)


def _regions(text: str, lang: str) -> tuple[tuple[str, ...], str | None]:
    """The countries to read national numbers in, and the one the text itself points at (or None)."""
    seen: dict[str, int] = {}
    for match in _INTERNATIONAL.finditer(text):
        value = clean_phone(match.group(0))
        if valid_phone(value):
            region = phonenumbers.region_code_for_number(phonenumbers.parse(value, None))
            if region:
                seen[region] = seen.get(region, 0) + 1
    total = sum(seen.values())
    leading = [r for r, n in seen.items() if n * 3 > total * 2]  # more than two in three
    named = list(text_countries(text)) if lang == "en" else []
    regions = tuple(dict.fromkeys([*leading, *named, *_LANG_REGIONS.get(lang, ("BE",))]))
    return regions, (leading or named or [None])[0]


def phone_regions(text: str, lang: str = "en") -> tuple[str, ...]:
    """The countries a national-format number in ``text`` most likely belongs to: the country of
    the international numbers written in the same text when one has most of them, then (English
    texts, written in many countries) the countries the text names, then the language's
    (numbers of many countries side by side say nothing about the next one).

    >>> phone_regions("Zijn broer gebruikt +31 6 41 83 72 65.", "nl")
    ('NL', 'BE')
    >>> phone_regions("Gardaí at Rosslare Europort arrested the driver.", "en")
    ('IE', 'BE', 'GB')
    """
    return _regions(text, lang)[0]


def _phone(raw: str, regions: tuple[str, ...], home: str | None = None) -> tuple[str, bool] | None:
    """A phone's E.164 value in the country its grouping betrays, else in the first of the
    document's ``regions`` where it is valid. A number valid nowhere takes the calling code of
    ``home``, the country the text is about, when it has the length of a number there (a drama
    number such as 07700 900123 is still a British phone); otherwise it keeps its digits, unvalidated."""
    digits = sum(c.isdigit() for c in raw)
    if not 9 <= digits <= 15:
        return None
    if raw.startswith(("+", "00")):
        value = clean_phone(raw, regions[0])
        return value, valid_phone(value)
    if not raw.startswith("0"):  # "(305) 555-0147", "305-555-0147": North American only
        nanp = [r for r in regions if r in _NANP]
        if not nanp:
            return None
        value = clean_phone(raw, nanp[0])
        return value, valid_phone(value)
    grouping = [r for pattern, r in _GROUPING_REGION if pattern.match(raw)]
    for alt in dict.fromkeys([*grouping, *regions]):
        value = clean_phone(raw, alt)
        if valid_phone(value):
            return value, True
    if home is not None and home not in _NANP and _possible(raw, home):
        return clean_phone(raw, home), False
    if any(valid_phone(clean_phone(raw, alt)) for alt in _ANY_REGION):
        return "".join(c for c in raw if c.isdigit()), False  # a phone, but nothing says whose country
    return None  # a national-format digit string that no region accepts is not a phone


def _possible(raw: str, region: str) -> bool:
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(raw, region))
    except phonenumbers.NumberParseException:
        return False


def find_identifiers(text: str, lang: str = "en", known_locodes: Collection[str] | None = None) -> list[IdentifierHit]:
    """Every identifier in ``text``, in text order, overlaps resolved by :data:`PRIORITY`."""
    hits: list[IdentifierHit] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    regions, home = _regions(text, lang)
    for scheme in PRIORITY:
        for match in PATTERNS[scheme].finditer(text):
            start, end = _group_span(match)
            if scheme == "IBAN":
                span = _iban(text, start, end)
                if span is None:
                    continue
                start, end = span
            if not free(start, end):
                continue
            raw = text[start:end]
            if scheme == "PHONE":
                judged = _phone(raw, regions, home)
                if judged is None:
                    continue
                value, valid = judged
            elif scheme == "LEI":
                value = REGISTRY["LEI"].clean(raw)
                valid = REGISTRY["LEI"].validate(value)
                if not valid and not match.group(0).upper().startswith("LEI"):
                    continue  # a 20-character code without its cue is only trusted when it checks
            elif scheme == "VAT" and raw[0].isdigit() and "." not in raw and not _VAT_CUE.search(text[max(0, start - 40):start]):
                value = REGISTRY["VAT"].clean(raw)
                valid = REGISTRY["VAT"].validate(value)
                if not valid:
                    continue
            elif scheme == "LOCODE":
                value = REGISTRY["LOCODE"].clean(raw)
                valid = valid_locode(value, known_locodes) if known_locodes else valid_locode(value)
                if not valid and (match.group("paren") or (match.group("code") and value[:2] not in _countries(known_locodes))):
                    continue  # "(NATO)" is not a code; only a cued code is reported when unknown
            else:
                value = REGISTRY[scheme].clean(raw)
                valid = REGISTRY[scheme].validate(value)
            hits.append(IdentifierHit(scheme, raw, value, start, end, valid))
            taken.append((start, end))
    hits.sort(key=lambda h: h.start)
    return hits
