"""Per-type name normalisation: what two mentions must share before they are compared.

Every parser is cached: the same surface form is parsed once per process, however many
candidates it is compared with.

>>> person_name("Mr PEETERS Jan").tokens
('jan', 'peeters')
>>> person_name("J. Peeters").initials
('j',)
>>> person_name("Christy Kinahan Jnr").generation
'jr'
>>> company_name("Zeebrugge Logistics B.V.B.A.").core, company_name("Zeebrugge Logistics B.V.B.A.").legal_form
('zeebrugge logistics', 'bvba')
>>> company_name("Westwind Sociedad Anónima").legal_form
'sa'
>>> vessel_name("MV Maersk Elba")
'maersk elba'
>>> name_fold("Mehmet YILMAZ") == name_fold("Mehmet Yılmaz"), name_fold("SEAP0RT POLICE R0TTERDAM")
(True, 'seaport police rotterdam')
>>> person_name(for_matching("M. Dubois", "PERSON", "fr")).surname_only, person_name("M. Dubois").initials
(True, ('m',))
>>> weak_org("de douane"), weak_org("Douane Nederland")
(True, False)
>>> org_core("groupe Zeeslang") == org_core("Zeeslang-groep") == org_core("the Zeeslang group")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from graph.ids import fold

#: names each parser (and the blocking keys of ``index.py``) keeps parsed. A few batches' worth:
#: a name comes back within its document and the ones near it. A parsed person name with its keys
#: holds about 7 KB, so caches sized to a case's whole vocabulary (200,000 names) grew to 1.5 GB
#: on a 100,000-document ingest; this size holds about 60 MB at most.
PARSE_CACHE_SIZE = 8_192

# letters that Unicode decomposition leaves alone
_TRANSLIT = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
                           "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ĸ": "k"})

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "m", "mme", "mlle", "monsieur", "madame", "me", "maitre",
    "dhr", "mevr", "mevrouw", "meneer", "heer", "mw", "ir", "ing", "drs", "herr", "frau",
    "sr", "sra", "senor", "senora", "don", "dona", "the", "defendant", "accused", "suspect", "inspector",
    "inspectrice", "inspecteur", "commissioner", "officer", "captain", "capt", "agent", "chief", "financial",
    "douane-inspecteur", "juge", "judge", "procureur", "prosecutor", "minister", "ministre",
}
TITLE_PHRASES = {"de heer", "la senora", "el senor", "herr dr", "mr dr", "chief inspector", "juge d", "le juge"}
#: titles that are also initials: "M. Peeters" may be Monsieur Peeters or Marc Peeters
AMBIGUOUS_TITLES = {"m"}
GENERATIONS = {"jr": "jr", "jnr": "jr", "junior": "jr", "sr": "sr", "snr": "sr", "senior": "sr", "ii": "ii",
               "iii": "iii", "fils": "jr", "pere": "sr"}
# surname particles kept with the surname ("van der Berg", "de Smet", "El Amrani")
PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "te", "vander", "vanden", "le", "la", "du", "des",
             "d", "von", "zu", "el", "al", "ben", "bin", "da", "di", "dos", "das", "del", "y", "mac", "mc", "o"}

LEGAL_FORMS = {
    # Belgium / Netherlands / France / Luxembourg
    "nv": "nv", "n v": "nv", "naamloze vennootschap": "nv", "bv": "bv", "b v": "bv",
    "besloten vennootschap": "bv", "bvba": "bvba", "b v b a": "bvba", "cvba": "cvba", "cv": "cv",
    "vof": "vof", "comm v": "commv", "commv": "commv", "sprl": "sprl", "srl": "srl", "sa": "sa", "s a": "sa",
    "societe anonyme": "sa", "sarl": "sarl", "s a r l": "sarl", "s a rl": "sarl", "s a r l u": "sarl",
    "societe a responsabilite limitee": "sarl", "sas": "sas", "s a s": "sas", "sasu": "sasu", "eurl": "eurl",
    "sc": "sc", "scrl": "scrl", "asbl": "asbl", "vzw": "vzw",
    # Germany / Austria / Switzerland
    "gmbh": "gmbh", "ag": "ag", "kg": "kg", "ug": "ug", "gmbh co kg": "gmbh & co kg",
    "gesellschaft mit beschrankter haftung": "gmbh", "aktiengesellschaft": "ag",
    # UK / US / international
    "ltd": "ltd", "limited": "ltd", "plc": "plc", "llp": "llp", "llc": "llc", "inc": "inc",
    "incorporated": "inc", "corp": "corp", "corporation": "corp", "co": "co", "company": "co", "lp": "lp",
    "company limited": "ltd", "co ltd": "ltd",
    # Southern Europe / Latin America
    "spa": "spa", "s p a": "spa", "sl": "sl", "s l": "sl", "sau": "sau", "s a u": "sau",
    "sociedad anonima": "sa", "sociedad limitada": "sl", "societa per azioni": "spa",
    "lda": "lda", "ltda": "ltda", "s a de c v": "sa de cv", "sa de cv": "sa de cv", "cia": "cia",
    "eireli": "eireli", "sac": "sac", "s a c": "sac", "eirl": "eirl",
    # elsewhere
    "oy": "oy", "ab": "ab", "as": "as", "a s": "as", "aps": "aps", "sp z o o": "sp zoo", "doo": "doo",
    "d o o": "doo", "fze": "fze", "fzco": "fzco", "fzc": "fzc", "pte": "pte", "pty": "pty", "pte ltd": "ltd",
    "pty ltd": "ltd",
}
#: legal forms that name the same kind of firm (Belgian NV = SA; BVBA became BV in 2019, SPRL became SRL)
FORM_CLASS = {"sa": "nv", "bvba": "bv", "sprl": "bv", "srl": "bv", "cvba": "cv", "scrl": "cv", "sc": "cv",
              "sasu": "sas", "sau": "sa", "co": "", "inc": "corp"}
_LONGEST_FORM = max(len(f.split()) for f in LEGAL_FORMS)
_LEADING_FORMS = {"nv", "bv", "sa", "sarl", "sas", "srl", "bvba"}
ABBREVIATIONS = {"intl": "international", "int": "international", "log": "logistics", "logistiek": "logistics",
                 "logistique": "logistics", "logistik": "logistics", "trans": "transport", "shpg": "shipping",
                 "svcs": "services", "svc": "services", "mgmt": "management", "bros": "brothers", "and": "and",
                 "en": "and", "et": "and", "und": "and", "y": "and"}
_VESSEL_STRIP = ("m v", "m t", "m s", "f v", "s s", "mv", "mt", "ms", "fv", "ss", "rv", "my", "the")
_SPLIT = re.compile(r"[^\w]+", re.UNICODE)


_OCR_ZERO = re.compile(r"(?<=[^\W\d_])0|0(?=[^\W\d_])")


def _fold(text: str) -> str:
    """``graph.ids.fold``, quicker for plain ASCII (most names)."""
    return " ".join(text.lower().split()) if text.isascii() else fold(text)


def name_fold(text: str) -> str:
    """``fold`` plus the letters decomposition leaves alone (ı, ø, ß, ł...), and a zero inside a
    word read as the letter O it was scanned from ("R0TTERDAM")."""
    folded = _fold(text.translate(_TRANSLIT))
    return _OCR_ZERO.sub("o", folded) if "0" in folded else folded


def name_words(text: str) -> list[str]:
    """The folded words of a name."""
    return _words(text)


def _words(text: str) -> list[str]:
    return [w for w in _SPLIT.split(name_fold(text)) if w]


@dataclass(frozen=True)
class PersonName:
    raw: str
    first: tuple[str, ...]      # given names, full words
    initials: tuple[str, ...]   # given names known only by initial
    surname: tuple[str, ...]    # surname words, particles included
    generation: str = ""        # "jr", "sr"...: father and son share the rest
    surname_initials: bool = False  # the surname is written as initials ("V.H.", "R.K.")

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        return tuple(sorted(self.first + self.surname))

    @cached_property
    def surname_key(self) -> str:
        return " ".join(w for w in self.surname if w not in PARTICLES) or " ".join(self.surname)

    @cached_property
    def particles(self) -> str:
        """The surname's particles run together ("elamrani" gives "el", "Van der Berg" and "Vander Berg"
        give "vander"): "Youssef el Amrani" and "Youssef Amrani" share a surname key, not a surname."""
        return "".join(w for w in self.surname if w in PARTICLES)

    @cached_property
    def given_initials(self) -> tuple[str, ...]:
        return tuple(part[0] for w in self.first for part in w.split("-") if part) + self.initials

    @cached_property
    def surname_only(self) -> bool:
        return not self.first and not self.initials

    @cached_property
    def abbreviated(self) -> bool:
        """The surname is reduced to an initial ("Mohamed B.", "R.K."): it identifies nobody."""
        return self.surname_initials or len(self.surname_key.replace(" ", "").replace("-", "")) <= 1

    @cached_property
    def full(self) -> bool:
        """A given name and a surname: the only form that may identify someone on its own."""
        return bool(self.first) and not self.weak

    @cached_property
    def weak(self) -> bool:
        """Surname only, or an abbreviated surname: the name alone cannot identify anyone."""
        return not self.surname or self.surname_only or self.abbreviated


_INITIAL = re.compile(r"(\w\.?-?)+")
_NOT_NAME = re.compile(r"[^\w-]")


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def person_name(raw: str) -> PersonName:
    """Split a person's name into given names, initials and surname.

    Handles titles ("Mr", "Mme", "Dhr."), registry order ("PEETERS Jan": leading all-caps words are
    the surname), "Peeters, Jan", initials ("J.", "J.-P."), generations ("Jr", "Senior") and surname
    particles. "M. Peeters" keeps "M." as an initial: it may be Monsieur, it may be Marc.
    """
    text = raw.strip().translate(_TRANSLIT)
    if "," in text:  # "Peeters, Jan"
        last, _, given = text.partition(",")
        text = f"{given.strip()} {last.strip()}"
    parts = text.split()
    folded = [_fold(p) for p in parts]
    generation = ""
    while len(parts) > 1 and folded[-1].strip(".") in GENERATIONS:
        generation = GENERATIONS[folded[-1].strip(".")]
        parts, folded = parts[:-1], folded[:-1]
    while len(parts) > 2 and f"{folded[0].rstrip('.')} {folded[1].rstrip('.')}" in TITLE_PHRASES:
        parts, folded = parts[2:], folded[2:]
    while len(parts) > 1 and folded[0].rstrip(".") in TITLES:
        if folded[0].rstrip(".") in AMBIGUOUS_TITLES and len(parts) == 2:
            break  # "M. Peeters": keep the M. as an initial
        parts, folded = parts[1:], folded[1:]
    # registry order: leading ALL-CAPS words (len > 1) followed by a capitalised given name
    caps = 0
    while caps < len(parts) and parts[caps].isupper() and "." not in parts[caps] and len(parts[caps]) > 1:
        caps += 1
    if 0 < caps < len(parts) and not parts[caps].isupper():
        folded = folded[caps:] + folded[:caps]
    words = folded
    initials: list[str] = []
    first: list[str] = []
    i = 0
    while i < len(words) - 1:
        w = words[i]
        bare = _NOT_NAME.sub("", w)
        if len(w) <= 6 and _INITIAL.fullmatch(w) and len(bare.replace("-", "")) <= 2 and ("." in w or len(bare) == 1):
            initials.extend(c for c in bare.replace("-", "") if c.isalpha())
        elif w in PARTICLES or initials:  # after "H." comes the surname: "H. Gómez Ibáñez"
            break
        else:
            first.append(bare)
        i += 1
    surname = tuple(s for s in (_NOT_NAME.sub("", w) for w in words[i:]) if s)
    dotted = [w for w in words[i:] if w not in PARTICLES]
    as_initials = bool(dotted) and all("." in w and _INITIAL.fullmatch(w) and len(w.replace(".", "")) <= 3
                                       for w in dotted)
    return PersonName(raw=raw, first=tuple(f for f in first if f), initials=tuple(initials), surname=surname,
                      generation=generation, surname_initials=as_initials)


@dataclass(frozen=True)
class CompanyName:
    raw: str
    core: str
    legal_form: str | None

    @property
    def form_class(self) -> str | None:
        """Legal forms that name the same kind of firm share a class ("sa" and "nv")."""
        return None if self.legal_form is None else FORM_CLASS.get(self.legal_form, self.legal_form)


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def company_name(raw: str) -> CompanyName:
    """Company name without its legal form (kept apart) and with common abbreviations expanded."""
    words = _words(raw.replace("&", " and ").replace("S.à r.l.", "sarl").replace("S.à.r.l.", "sarl"))
    legal = None
    for n in range(min(_LONGEST_FORM, len(words) - 1), 0, -1):  # the longest form at the end
        tail = " ".join(words[-n:])
        if tail in LEGAL_FORMS:
            legal, words = LEGAL_FORMS[tail], words[:-n]
            break
    else:
        if len(words) > 1 and words[0] in _LEADING_FORMS:  # "NV Zeevaart"
            legal, words = LEGAL_FORMS[words[0]], words[1:]
    core = " ".join(ABBREVIATIONS.get(w, w) for w in words)
    return CompanyName(raw=raw, core=core, legal_form=legal)


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def vessel_name(raw: str) -> str:
    """Vessel name without MV/MT/M/V... prefixes."""
    text = " ".join(_words(raw))
    changed = True
    while changed:
        changed = False
        for prefix in _VESSEL_STRIP:
            if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
                text = text[len(prefix) + 1:]
                changed = True
    return text


_ORG_STOP = {"the", "of", "van", "de", "du", "des", "la", "le", "les", "het", "d", "l", "von", "der", "den", "di",
             "del", "da", "and", "en", "et", "und", "y", "for", "pour", "voor"}
#: what kind of body a name says it is, kept apart like a legal form ("groupe Zeeslang" = "Zeeslang-groep")
GROUP_WORDS = {"group", "groupe", "groep", "gang", "bende", "clan", "organisation", "organization", "organisatie",
               "cartel", "kartel", "network", "netwerk", "reseau", "syndicate", "crew", "mob", "band", "banda"}


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def generic_name(raw: str) -> str:
    """Organisations and other names: folded words without function words ("Parket van Antwerpen"
    = "Parket Antwerpen")."""
    words = _words(raw.replace("&", " and "))
    return " ".join(w for w in words if w not in _ORG_STOP) or " ".join(words)


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def org_core(raw: str) -> str:
    """An organisation's name without the word that says it is a group: "zeeslang" for "the Zeeslang group"."""
    words = generic_name(raw).split()
    kept = [w for w in words if w not in GROUP_WORDS]
    return " ".join(kept) if kept else " ".join(words)


#: words that name a kind of body, not one body: "Douane" or "the Court" alone identifies nothing
GENERIC_ORG_WORDS = {
    "douane", "douanes", "customs", "police", "politie", "polizei", "policia", "gendarmerie", "court", "cour",
    "tribunal", "rechtbank", "hof", "parquet", "parket", "prosecutor", "prosecution", "justice", "justitie",
    "government", "gouvernement", "regering", "ministry", "ministere", "ministerie", "army", "navy", "revenue",
    "treasury", "commission", "commissie", "senate", "senat", "senaat", "parliament", "parlement", "coastguard",
    "kustwacht", "garde", "guard", "agency", "service", "dienst", "unit", "team", "brigade", "office", "bureau",
}
_ORG_FILLER = {"the", "de", "la", "le", "l", "het", "des", "du", "van"}


def weak_org(raw: str) -> bool:
    """An organisation named only by a generic word ("Douane", "the Court", "Parquet")."""
    words = [w for w in generic_name(raw).split() if w not in _ORG_FILLER]
    return 0 < len(words) <= 2 and all(w in GENERIC_ORG_WORDS for w in words)


_MONSIEUR = re.compile(r"^M\.\s+(?=\S+$)")


def for_matching(name: str, type_: str, lang: str | None) -> str:
    """The name as resolution reads it: in French, "M. Dubois" is Monsieur Dubois, not an initial."""
    if type_ == "PERSON" and lang == "fr":
        return _MONSIEUR.sub("Monsieur ", name)
    return name


def acronym(core: str) -> str:
    """First letters of a company core name: "zeebrugge logistics" -> "zl"."""
    return "".join(w[0] for w in core.split() if w not in {"and", "of", "the", "de", "du", "des", "la", "le",
                                                           "van", "der", "den", "het", "d", "l"})


def compact(text: str) -> str:
    """Letters and digits only: "MAOC-N" -> "maocn"."""
    return "".join(_words(text))
