"""Per-type name normalisation: what two mentions must share before they are compared.

>>> person_name("Mr PEETERS Jan").tokens
('jan', 'peeters')
>>> person_name("J. Peeters").initials
('j',)
>>> company_name("Zeebrugge Logistics B.V.B.A.").core, company_name("Zeebrugge Logistics B.V.B.A.").legal_form
('zeebrugge logistics', 'bvba')
>>> vessel_name("MV Maersk Elba")
'maersk elba'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.ids import fold

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "m", "mme", "mlle", "monsieur", "madame", "me", "maitre",
    "dhr", "mevr", "mevrouw", "meneer", "heer", "de heer", "mw", "ir", "ing", "drs", "mr.", "herr", "frau",
    "sr", "sra", "senor", "senora", "don", "dona", "the", "defendant", "accused", "suspect", "inspector",
    "commissioner", "officer", "captain", "capt", "agent",
}
# surname particles kept with the surname ("van der Berg", "de Smet", "El Amrani")
PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "te", "vander", "vanden", "le", "la", "du", "des",
             "d", "von", "zu", "el", "al", "ben", "bin", "da", "di", "dos", "das", "del", "y", "mac", "mc", "o"}

LEGAL_FORMS = {
    # Belgium / Netherlands / France / Luxembourg
    "nv": "nv", "n v": "nv", "bv": "bv", "b v": "bv", "bvba": "bvba", "b v b a": "bvba", "cvba": "cvba",
    "vof": "vof", "comm v": "commv", "commv": "commv", "sprl": "sprl", "srl": "srl", "sa": "sa", "s a": "sa",
    "sarl": "sarl", "s a r l": "sarl", "sas": "sas", "s a s": "sas", "sasu": "sasu", "eurl": "eurl", "sc": "sc",
    "scrl": "scrl", "asbl": "asbl", "vzw": "vzw",
    # Germany / Austria / Switzerland
    "gmbh": "gmbh", "ag": "ag", "kg": "kg", "ug": "ug", "gmbh co kg": "gmbh & co kg",
    # UK / US / international
    "ltd": "ltd", "limited": "ltd", "plc": "plc", "llp": "llp", "llc": "llc", "inc": "inc",
    "incorporated": "inc", "corp": "corp", "corporation": "corp", "co": "co", "company": "co", "lp": "lp",
    # Southern Europe / Latin America
    "spa": "spa", "s p a": "spa", "srl it": "srl", "sl": "sl", "s l": "sl", "sau": "sau", "s a u": "sau",
    "lda": "lda", "ltda": "ltda", "s a de c v": "sa de cv", "sa de cv": "sa de cv", "cia": "cia",
    "eireli": "eireli", "sac": "sac", "s a c": "sac", "eirl": "eirl",
    # elsewhere
    "oy": "oy", "ab": "ab", "as": "as", "a s": "as", "aps": "aps", "sp z o o": "sp zoo", "doo": "doo",
    "d o o": "doo", "fze": "fze", "fzco": "fzco", "fzc": "fzc", "pte": "pte", "pty": "pty",
}
_LEGAL_SORTED = sorted(LEGAL_FORMS, key=lambda f: -len(f))
ABBREVIATIONS = {"intl": "international", "int": "international", "log": "logistics", "logistiek": "logistics",
                 "logistique": "logistics", "trans": "transport", "shpg": "shipping", "svcs": "services",
                 "svc": "services", "mgmt": "management", "bros": "brothers", "&": "and", "en": "and", "et": "and"}
VESSEL_PREFIXES = {"mv", "m v", "mt", "m t", "ms", "m s", "mss", "fv", "f v", "ss", "s s", "msc"}
_VESSEL_STRIP = {"mv", "m v", "mt", "m t", "ms", "m s", "fv", "f v", "ss", "s s", "rv", "my", "the"}

_SPLIT = re.compile(r"[^\w]+", re.UNICODE)


def _words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(fold(text)) if w]


@dataclass(frozen=True)
class PersonName:
    raw: str
    first: tuple[str, ...]      # given names, full words
    initials: tuple[str, ...]   # given names known only by initial
    surname: tuple[str, ...]    # surname words, particles included

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(sorted(self.first + self.surname))

    @property
    def surname_key(self) -> str:
        return " ".join(w for w in self.surname if w not in PARTICLES) or " ".join(self.surname)

    @property
    def given_initials(self) -> tuple[str, ...]:
        return tuple(part[0] for w in self.first for part in w.split("-") if part) + self.initials

    @property
    def surname_only(self) -> bool:
        return not self.first and not self.initials


def person_name(raw: str) -> PersonName:
    """Split a person's name into given names, initials and surname.

    Handles titles ("Mr", "Mme", "Dhr."), registry order ("PEETERS Jan": an all-caps word first
    is the surname), "Peeters, Jan", initials ("J.", "J.-P.") and surname particles.
    """
    text = raw.strip()
    if "," in text:  # "Peeters, Jan"
        last, _, given = text.partition(",")
        text = f"{given.strip()} {last.strip()}"
    parts = [p for p in re.split(r"\s+", text) if p]
    while parts and fold(parts[0]).rstrip(".") in TITLES and len(parts) > 1:
        parts = parts[1:]
    # registry order: leading ALL-CAPS words (len > 1) followed by a capitalised given name
    caps = 0
    while caps < len(parts) and parts[caps].isupper() and "." not in parts[caps] and len(parts[caps]) > 1:
        caps += 1
    if 0 < caps < len(parts) and not parts[caps].isupper():
        parts = parts[caps:] + parts[:caps]
    words = [fold(p) for p in parts]
    initials: list[str] = []
    first: list[str] = []
    i = 0
    while i < len(words) - 1:
        w = words[i]
        bare = re.sub(r"[^\w-]", "", w)
        if re.fullmatch(r"(\w\.?-?)+", w) and len(bare.replace("-", "")) <= 2 and ("." in w or len(bare) == 1):
            initials.extend(c for c in bare.replace("-", "") if c.isalpha())
        elif w in PARTICLES:
            break
        else:
            first.append(re.sub(r"[^\w-]", "", w))
        i += 1
    surname = tuple(re.sub(r"[^\w-]", "", w) for w in words[i:] if re.sub(r"[^\w-]", "", w))
    return PersonName(raw=raw, first=tuple(f for f in first if f), initials=tuple(initials), surname=surname)


@dataclass(frozen=True)
class CompanyName:
    raw: str
    core: str
    legal_form: str | None


def company_name(raw: str) -> CompanyName:
    """Company name without its legal form (kept apart) and with common abbreviations expanded."""
    words = _words(raw.replace("&", " and "))
    text = " ".join(words)
    legal = None
    for form in _LEGAL_SORTED:
        if text.endswith(" " + form) and len(text) > len(form) + 1:
            legal = LEGAL_FORMS[form]
            text = text[: -len(form) - 1]
            break
        if text.startswith(form + " ") and form in {"nv", "bv", "sa", "sarl", "sas", "srl", "bvba"}:
            legal = LEGAL_FORMS[form]
            text = text[len(form) + 1:]
            break
    core = " ".join(ABBREVIATIONS.get(w, w) for w in text.split())
    return CompanyName(raw=raw, core=core, legal_form=legal)


def vessel_name(raw: str) -> str:
    """Vessel name without MV/MT/M/V... prefixes."""
    text = " ".join(_words(raw))
    changed = True
    while changed:
        changed = False
        for prefix in sorted(_VESSEL_STRIP, key=len, reverse=True):
            if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
                text = text[len(prefix) + 1:]
                changed = True
    return text


def acronym(core: str) -> str:
    """First letters of a company core name: "zeebrugge logistics" -> "zl"."""
    return "".join(w[0] for w in core.split() if w not in {"and", "of", "the"})
