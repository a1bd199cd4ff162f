"""Registry of hard identifier types: each knows how to clean, validate and key its values.

Finding identifiers in running text is ``nlp/``'s job; this module only judges a candidate.

>>> check("IMO", "IMO 9074729")
('9074729', True)
>>> check("CONTAINER", "CSQU 305438-3")
('CSQU3054383', True)
>>> check("IBAN", "BE68 5390 0754 7034")
('BE68539007547034', True)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import phonenumbers

from graph.ids import entity_id
from graph.schema import SCHEMA

_ISO6346_VALUES: dict[str, int] = {}
_value = 10
for _letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _value % 11 == 0:
        _value += 1
    _ISO6346_VALUES[_letter] = _value
    _value += 1


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _alnum_upper(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


# --- IMO -------------------------------------------------------------------------------------
def clean_imo(text: str) -> str:
    return _digits(text)


def valid_imo(value: str) -> bool:
    if not re.fullmatch(r"\d{7}", value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(value[6])


# --- ISO 6346 container -----------------------------------------------------------------------
def clean_container(text: str) -> str:
    return _alnum_upper(text)


def iso6346_check_digit(first10: str) -> int:
    """Check digit of an ISO 6346 owner code + category + serial (10 characters)."""
    total = 0
    for i, ch in enumerate(first10):
        val = _ISO6346_VALUES[ch] if ch.isalpha() else int(ch)
        total += val * (2**i)
    return total % 11 % 10


def valid_container(value: str) -> bool:
    if not re.fullmatch(r"[A-Z]{3}[UJZ]\d{7}", value):
        return False
    return iso6346_check_digit(value[:10]) == int(value[10])


# --- MMSI --------------------------------------------------------------------------------------
def clean_mmsi(text: str) -> str:
    return _digits(text)


def valid_mmsi(value: str) -> bool:
    # ship stations: 9 digits starting with a Maritime Identification Digit 201-775
    return bool(re.fullmatch(r"\d{9}", value)) and 201 <= int(value[:3]) <= 775


# --- UN/LOCODE ---------------------------------------------------------------------------------
def clean_locode(text: str) -> str:
    return _alnum_upper(text)


def valid_locode(value: str, known: Collection[str] | None = None) -> bool:
    """Format check, and membership in the code list when ``known`` is given."""
    if not re.fullmatch(r"[A-Z]{2}[A-Z2-9]{3}", value):
        return False
    return known is None or value in known


# --- phone -------------------------------------------------------------------------------------
DEFAULT_REGION = "BE"


def clean_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form (``+32470123456``); the raw digits if it cannot be parsed."""
    raw = text.strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return "+" + _digits(raw) if raw.startswith("+") else _digits(raw)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def valid_phone(value: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, None))
    except phonenumbers.NumberParseException:
        return False


# --- e-mail ------------------------------------------------------------------------------------
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def clean_email(text: str) -> str:
    return text.strip().strip("<>.,;").lower()


def valid_email(value: str) -> bool:
    return bool(_EMAIL.fullmatch(value))


# --- IBAN / LEI (ISO 7064 mod 97-10) -----------------------------------------------------------
def _mod97(text: str) -> int:
    digits = "".join(str(int(c, 36)) for c in text)
    return int(digits) % 97


def clean_iban(text: str) -> str:
    return _alnum_upper(text)


_IBAN_LENGTHS = {"BE": 16, "NL": 18, "FR": 27, "DE": 22, "LU": 20, "ES": 24, "IT": 27, "GB": 22, "PT": 25,
                 "CH": 21, "AE": 23, "TR": 26, "MA": 28, "IE": 22, "AT": 20, "PL": 28, "MT": 31, "CY": 28}


def valid_iban(value: str) -> bool:
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", value):
        return False
    expected = _IBAN_LENGTHS.get(value[:2])
    if expected is not None and len(value) != expected:
        return False
    return _mod97(value[4:] + value[:4]) == 1


def clean_lei(text: str) -> str:
    return _alnum_upper(text)


def valid_lei(value: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9]{18}\d{2}", value)) and _mod97(value) == 1


# --- VAT / company numbers ---------------------------------------------------------------------
def clean_vat(text: str) -> str:
    value = _alnum_upper(text)
    if re.fullmatch(r"\d{10}", value) and value[0] in "01":  # a bare Belgian enterprise number
        value = "BE" + value
    if re.fullmatch(r"BE\d{9}", value):  # old 9-digit Belgian form
        value = "BE0" + value[2:]
    return value


def valid_vat(value: str) -> bool:
    if re.fullmatch(r"BE[01]\d{9}", value):
        body, check = int(value[2:10]), int(value[10:])
        return 97 - body % 97 == check
    if re.fullmatch(r"NL\d{9}B\d{2}", value):
        digits = value[2:11]
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
        return total % 11 == 0
    if re.fullmatch(r"FR[0-9A-Z]{2}\d{9}", value):
        siren = int(value[4:])
        key = value[2:4]
        return not key.isdigit() or int(key) == (12 + 3 * (siren % 97)) % 97
    return bool(re.fullmatch(r"[A-Z]{2}[0-9A-Z]{8,12}", value))


@dataclass(frozen=True)
class IdentifierScheme:
    name: str
    clean: Callable[[str], str]
    validate: Callable[[str], bool]

    @property
    def node_type(self) -> str:
        return SCHEMA.identifiers[self.name].node

    def node_id(self, value: str) -> str:
        """Id of the graph node that this identifier keys (a phone node, a vessel...)."""
        return entity_id(self.node_type, value, identifiers={self.name: value})


REGISTRY: dict[str, IdentifierScheme] = {
    "IMO": IdentifierScheme("IMO", clean_imo, valid_imo),
    "MMSI": IdentifierScheme("MMSI", clean_mmsi, valid_mmsi),
    "CONTAINER": IdentifierScheme("CONTAINER", clean_container, valid_container),
    "LOCODE": IdentifierScheme("LOCODE", clean_locode, valid_locode),
    "PHONE": IdentifierScheme("PHONE", clean_phone, valid_phone),
    "EMAIL": IdentifierScheme("EMAIL", clean_email, valid_email),
    "IBAN": IdentifierScheme("IBAN", clean_iban, valid_iban),
    "VAT": IdentifierScheme("VAT", clean_vat, valid_vat),
    "LEI": IdentifierScheme("LEI", clean_lei, valid_lei),
}
assert set(REGISTRY) == set(SCHEMA.identifiers), "identifier registry and schema disagree"


def check(scheme: str, text: str) -> tuple[str, bool]:
    """Clean ``text`` as identifier ``scheme`` and say whether it is valid."""
    entry = REGISTRY[scheme.upper()]
    value = entry.clean(text)
    return value, entry.validate(value)
