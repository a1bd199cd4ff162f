"""Generated documents for the resolution set: a made-up population written the way case files write it.

Every person, firm, vessel, phone and address here is invented. The population holds the cases
that matter for resolution: people named in registry order, with titles, initials, without their
accents or with a typo; families sharing a surname and an address; namesakes told apart only by
their birth dates; people only ever named "Mohamed B."-style; firms with and without their legal
form, and two registered firms "X NV" and "X BV"; vessels with and without prefixes and IMO numbers.

Evidence is drawn at the same rates whatever the name form: a document that names someone only as
"J. Peeters" prints a phone, an e-mail or an address no more often than any other document does.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

FIRST = {
    "be": ["Jan", "Joris", "Pieter", "Bart", "Koen", "Wouter", "Tom", "Dirk", "Geert", "Kristof", "Stefaan",
           "Annelies", "Sofie", "Griet", "Katrien", "Liesbeth", "Ine", "Hanne", "Jef", "Ward", "Lieven", "Sander"],
    "nl": ["Jeroen", "Bas", "Ruud", "Sjoerd", "Maarten", "Niels", "Thijs", "Daan", "Femke", "Marloes",
           "Ilse", "Esther", "Wouter", "Gijs", "Joost", "Lotte"],
    "fr": ["Jérôme", "Benoît", "Frédéric", "Hélène", "Amélie", "Cédric", "Gaëlle", "Olivier", "Mathieu",
           "Séverine", "Julien", "Hugo", "Aurélie", "Thierry", "Noémie"],
    "ma": ["Mohamed", "Youssef", "Karim", "Bilal", "Hamza", "Nabil", "Samir", "Rachid", "Soufiane", "Ilias",
           "Yasmina", "Nadia", "Imane", "Anouar", "Zakaria", "Mehdi"],
    "es": ["José", "Andrés", "Joaquín", "Sebastián", "Rubén", "Álvaro", "Martín", "Héctor", "Inés", "Lucía",
           "Iván", "Nicolás"],
    "tr": ["Mehmet", "Emre", "Burak", "Onur", "Gökhan", "Özlem", "Serkan", "Çağlar"],
}
SURNAMES = {
    "be": ["Verstraeten", "Van den Broeck", "De Wachter", "Lemmens", "Claessens", "Van Looy", "Smeets",
           "Goovaerts", "Verhoeven", "Wuyts", "Van de Velde", "Bogaerts", "Mertens", "Cuypers", "Van Hoof",
           "Janssens", "Hermans", "De Backer", "Van Dyck", "Willems", "Michiels", "Vervoort", "Stevens",
           "Aerts", "Vandenberghe", "Schepers", "Peeters", "De Smedt", "Geerts", "Dockx"],
    "nl": ["Van der Linden", "Bosman", "Kuipers", "Brouwer", "Dijkstra", "Schouten", "Visser", "Vermeer",
           "De Groot", "Hoekstra", "Mulder", "Van Dam", "Koster", "Prins", "Smit", "Zwart"],
    "fr": ["Lefèvre", "Dubois", "Moreau", "Lefebvre", "Girard", "Bérenger", "Fournier", "Rousseau", "Lemoine",
           "Duchêne", "Mercier", "Faure", "Gauthier", "Brémond"],
    "ma": ["Boukhari", "El Idrissi", "Benali", "Amrani", "Bouzid", "Chaouki", "El Khattabi", "Aouragh",
           "Benhaddou", "Ziani", "Tahiri", "El Ouardi", "Haddad", "Bakkali", "Azzouzi", "Ouahbi"],
    "es": ["Gómez Ibáñez", "Rodríguez", "Muñoz", "Castaño", "Peña", "Jiménez", "Núñez", "Ordóñez", "Benítez",
           "Quiñones"],
    "tr": ["Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Aydın", "Güneş"],
}
PREFIX = {"be": "+324", "nl": "+316", "fr": "+336", "ma": "+324", "es": "+5939", "tr": "+324"}
#: titles by the language of the document and the gender of the given name
TITLES = {("en", "m"): ["Mr", "Mr."], ("en", "f"): ["Ms", "Mrs"], ("nl", "m"): ["Dhr.", "de heer"],
          ("nl", "f"): ["Mevr.", "mevrouw"], ("fr", "m"): ["M.", "Monsieur"], ("fr", "f"): ["Mme", "Madame"]}
FEMALE = {"Annelies", "Sofie", "Griet", "Katrien", "Liesbeth", "Ine", "Hanne", "Femke", "Marloes", "Ilse", "Esther",
          "Lotte", "Hélène", "Amélie", "Gaëlle", "Séverine", "Aurélie", "Noémie", "Yasmina", "Nadia", "Imane",
          "Inés", "Lucía", "Özlem"}
LANGS = [("en", 40), ("nl", 35), ("fr", 25)]
STREETS = ["Kapelsestraat", "Noorderlaan", "Scheldelaan", "Havenweg", "Rue du Port", "Dorpsstraat", "Kaaistraat",
           "Singel", "Boulevard Maritime", "Kerkstraat", "Polderdijk", "Molenweg"]
TOWNS = ["2030 Antwerpen", "3011 Rotterdam", "8380 Zeebrugge", "76600 Le Havre", "2100 Deurne", "4381 Vlissingen",
         "2610 Wilrijk", "59140 Dunkerque", "2900 Schoten", "3199 Maasvlakte"]
FIRM_WORDS = ["Scheldezicht", "Polderkant", "Noordster", "Kaaimeeuw", "Zilverreiger", "Dijkwacht", "Meerkoet",
              "Oostergeul", "Havenlicht", "Zeewering", "Korenbloem", "Slikweide", "Ankerplaats", "Getijde",
              "Baak", "Duinroos", "Marais", "Estran", "Goéland", "Caravelle", "Rio Claro", "Costa Verde",
              "Boreal", "Atlantis", "Westwind", "Helix", "Orion", "Tijstroom"]
FIRM_TRADES = ["Logistics", "Shipping", "Transport", "Expeditie", "Trading", "Fruit Import", "Freight Services",
               "International Forwarding", "Stevedoring", "Reefer Services", "Holding", "Logistique", "Handel"]
LEGAL = [("BV", "B.V."), ("NV", "N.V."), ("BVBA", "B.V.B.A."), ("SA", "S.A."), ("SARL", "S.à r.l."),
         ("SAS", "S.A.S."), ("Ltd", "Limited"), ("GmbH", "GmbH"), ("S.A.", "Sociedad Anónima")]
SHORTEN = {"International": "Intl", "Logistics": "Log.", "Services": "Svcs", "Shipping": "Shpg"}
VESSEL_WORDS = ["Nordic", "Atlantic", "Santa", "Cape", "Ocean", "Baltic", "Polar", "Stella", "Maas", "Aurora",
                "Pacific", "Coral", "Iberian", "Sea"]
VESSEL_NAMES = ["Wren", "Harmony", "Lucia", "Trader", "Pioneer", "Spirit", "Mariner", "Horizon", "Express",
                "Breeze", "Falcon", "Voyager", "Meridian", "Star", "Endeavour", "Dawn"]


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def imo(rng: random.Random) -> str:
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(5)]
    check = sum(d * w for d, w in zip(digits, range(7, 1, -1), strict=True)) % 10
    return "".join(map(str, digits)) + str(check)


def vat_be(rng: random.Random) -> str:
    base = rng.randint(2000000, 9999999) * 10 + rng.randint(0, 9)
    return f"BE0{base:08d}{97 - base % 97:02d}"


def typo(rng: random.Random, word: str) -> str:
    """One slip in the middle of a word: a letter doubled, dropped or swapped with its neighbour."""
    if len(word) < 6:
        return word
    i = rng.randint(2, len(word) - 3)
    while not (word[i].isalpha() and word[i + 1].isalpha()):  # slips hit letters, not spaces
        i = rng.randint(2, len(word) - 3)
    kind = rng.choice(["double", "drop", "swap"])
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


@dataclass
class Person:
    key: str
    first: str
    surname: str
    origin: str
    phones: list[str]
    email: str | None = None
    address: str | None = None
    birth: str | None = None
    employer: int | None = None
    associates: list[int] = field(default_factory=list)  # the people they are seen with
    always_born: bool = False   # a namesake: every document that names them gives the birth date
    abbreviated: bool = False   # only ever named "Mohamed B." style

    @property
    def full(self) -> str:
        return f"{self.first} {self.surname}"


@dataclass
class Firm:
    key: str
    core: str
    legal: tuple[str, str]
    vat: str | None
    phone: str | None
    always_form: bool = False  # "X NV" and "X BV" both exist: documents print the legal form


@dataclass
class Ship:
    key: str
    name: str
    imo: str
    always_imo: bool = False  # two ships of that name: papers give the IMO number


@dataclass
class Population:
    persons: list[Person] = field(default_factory=list)
    firms: list[Firm] = field(default_factory=list)
    ships: list[Ship] = field(default_factory=list)


def _phone(rng: random.Random, origin: str, used: set[str]) -> str:
    while True:
        number = PREFIX[origin] + "".join(str(rng.randint(0, 9)) for _ in range(12 - len(PREFIX[origin])))
        if number not in used:
            used.add(number)
            return number


def _birth(rng: random.Random) -> str:
    return f"{rng.randint(1960, 2003)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def population(rng: random.Random, avoid: set[str]) -> Population:
    """``avoid``: surnames, firm words and ship names already used by the other sources."""
    # persons (with families, namesakes and abbreviated names), firms (with NV/BV twins) and ships
    pop = Population()
    phones: set[str] = set()
    names: set[str] = set()
    for i in range(28):
        core = f"{FIRM_WORDS[i]} {rng.choice(FIRM_TRADES)}"
        pop.firms.append(Firm(f"firm{i}", core, rng.choice(LEGAL), vat_be(rng) if rng.random() < 0.5 else None,
                              _phone(rng, "be", phones) if rng.random() < 0.5 else None))
    for j, i in enumerate(rng.sample(range(28), 4)):  # the same name registered twice, two legal forms
        twin = pop.firms[i]
        twin.always_form = True
        # another kind of firm: NV and SA are one Belgian form in two languages, BV and BVBA another
        form = ("BV", "B.V.") if twin.legal[0] in ("NV", "SA", "S.A.") else ("NV", "N.V.")
        pop.firms.append(Firm(f"firm-twin{j}", twin.core, form, vat_be(rng), _phone(rng, "be", phones), True))

    def person(origin: str, first: str, surname: str, **kw: object) -> Person:
        p = Person(f"person{len(pop.persons)}", first, surname, origin,
                   [_phone(rng, origin, phones) for _ in range(rng.choice([1, 1, 2]))], **kw)  # type: ignore[arg-type]
        if rng.random() < 0.3:
            p.email = f"{strip_accents(first).lower()}.{strip_accents(surname).lower().replace(' ', '')}@mail.example"
        if p.address is None and rng.random() < 0.4:
            p.address = f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {rng.choice(TOWNS)}"
        if rng.random() < 0.5:
            p.employer = rng.randrange(len(pop.firms))
        if p.birth is None and rng.random() < 0.6:
            p.birth = _birth(rng)
        pop.persons.append(p)
        names.add(p.full)
        return p

    origins = list(FIRST)
    while len(pop.persons) < 110:
        origin = rng.choice(origins)
        first, surname = rng.choice(FIRST[origin]), rng.choice(SURNAMES[origin])
        if f"{first} {surname}" in names or surname in avoid:
            continue
        person(origin, first, surname)
    for _ in range(12):  # families: same surname, same address, different given names
        head = rng.choice(pop.persons)
        others = [f for f in FIRST[head.origin] if f[0] != head.first[0] and f"{f} {head.surname}" not in names]
        if not others:
            continue
        head.address = head.address or f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {rng.choice(TOWNS)}"
        person(head.origin, rng.choice(others), head.surname, address=head.address)
    for _ in range(6):  # namesakes: same full name, different people, told apart by birth date
        model = rng.choice([p for p in pop.persons if not p.always_born])
        model.always_born = True
        model.birth = model.birth or _birth(rng)
        person(model.origin, model.first, model.surname, birth=_birth(rng), always_born=True)
    for k in range(10):  # "Mohamed B.": only ever abbreviated; the first four pairs share the abbreviation
        origin = rng.choice(["ma", "be", "tr", "nl"])
        if k % 2 and k < 8:
            prev = pop.persons[-1]
            surname = rng.choice([s for s in SURNAMES[prev.origin] if s[0] == prev.surname[0] and s != prev.surname]
                                 or [prev.surname[0] + "aert"])
            person(prev.origin, prev.first, surname, abbreviated=True)
        else:
            person(origin, rng.choice(FIRST[origin]), rng.choice(SURNAMES[origin]), abbreviated=True)
    for i, p in enumerate(pop.persons):  # a network: everyone has a few regular contacts
        others = [j for j in range(len(pop.persons)) if j != i and not pop.persons[j].abbreviated]
        p.associates = rng.sample(others, rng.randint(2, 4))
    for i in range(18):
        name = f"{rng.choice(VESSEL_WORDS)} {rng.choice(VESSEL_NAMES)}"
        if any(s.name == name for s in pop.ships) or name in avoid:
            continue
        pop.ships.append(Ship(f"ship{i}", name, imo(rng)))
    for j, ship in enumerate(rng.sample(pop.ships, 3)):  # two ships, one name (a later ship or a sister)
        ship.always_imo = True
        pop.ships.append(Ship(f"ship-twin{j}", ship.name, imo(rng), True))
    return pop


# --- how documents write names ----------------------------------------------------------------
def person_form(rng: random.Random, p: Person, kind: str, lang: str) -> str:
    if p.abbreviated:
        return f"{p.first} {p.surname[0]}."
    title = rng.choice(TITLES[(lang, "f" if p.first in FEMALE else "m")])
    return {
        "plain": p.full,
        "registry": f"{p.surname.upper()} {p.first}",
        "comma": f"{p.surname}, {p.first}",
        "title": f"{title} {p.full}",
        "caps": p.full.upper(),
        "no_accents": strip_accents(p.full),
        "typo": f"{p.first} {typo(rng, p.surname)}" if len(p.surname) >= 6 else strip_accents(p.full),
        "initial": f"{p.first[0]}. {p.surname}",
        "surname": p.surname,
        "title_surname": f"{title} {p.surname}",
    }[kind]


# How often a document first names a person each way. Initials only: 10%, as in the sample case (9%).
# Typos: 3% (the development texts and the sample case have none, outside one OCR'd report).
PRIMARY = [("plain", 50), ("registry", 12), ("comma", 4), ("title", 9), ("caps", 5), ("no_accents", 7),
           ("typo", 3), ("initial", 10)]
SECONDARY = [("surname", 60), ("initial", 20), ("title_surname", 20)]


def firm_form(rng: random.Random, f: Firm, kind: str) -> str:
    short, long_ = f.legal
    return {
        "plain": f"{f.core} {short}",
        "bare": f.core,
        "dotted": f"{f.core} {long_}",
        "caps": f"{f.core} {short}".upper(),
        "abbrev": " ".join(SHORTEN.get(w, w) for w in f.core.split()) + f" {short}",
        "typo": f"{typo(rng, f.core.split()[0])} {' '.join(f.core.split()[1:])} {short}",
        "acronym": "".join(w[0] for w in f.core.split()).upper() + f" {short}",
    }[kind]


FIRM_PRIMARY = [("plain", 48), ("bare", 20), ("dotted", 10), ("caps", 10), ("abbrev", 5), ("typo", 3), ("acronym", 4)]


def ship_form(rng: random.Random, s: Ship, kind: str) -> str:
    return {"plain": s.name, "mv": f"MV {s.name}", "m/v": f"M/V {s.name}", "caps": s.name.upper(),
            "mt": f"MT {s.name}", "typo": f"{s.name.split()[0]} {typo(rng, s.name.split()[1])}"}[kind]


SHIP_PRIMARY = [("plain", 50), ("mv", 15), ("m/v", 10), ("caps", 15), ("mt", 5), ("typo", 5)]


def _pick(rng: random.Random, table: list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


class _Document:
    """One generated document: its language and the mentions written so far."""

    def __init__(self, rng: random.Random, pop: Population) -> None:
        self.rng, self.pop = rng, pop
        self.lang = _pick(rng, LANGS)
        self.mentions: list[dict] = []
        self.seen: set[tuple[str, str]] = set()
        self.firms: dict[int, dict] = {}

    def add(self, type_: str, text: str, cluster: str, variant: str, **extra: object) -> dict | None:
        if (type_, text) in self.seen:  # one mention per surface form and document
            return None
        self.seen.add((type_, text))
        m = {"type": type_, "text": text, "cluster": cluster, "variant": variant, "lang": self.lang, **extra}
        self.mentions.append(m)
        return m

    def firm(self, i: int) -> dict | None:
        if i in self.firms:
            return self.firms[i]
        rng, f = self.rng, self.pop.firms[i]
        kind = _pick(rng, FIRM_PRIMARY)
        if f.always_form and kind in ("bare", "acronym"):  # without its form, "X" could be either twin
            kind = "plain"
        ids = {"VAT": f.vat} if f.vat and rng.random() < 0.3 else {}
        neigh = [f"PHONE:{f.phone}"] if f.phone and rng.random() < 0.25 else []
        m = self.add("COMPANY", firm_form(rng, f, kind), "gen:" + f.key, kind,
                     **({"identifiers": ids} if ids else {}), **({"neighbours": neigh} if neigh else {}))
        if m is not None:
            self.firms[i] = m
        return m

    def people(self, people: list[Person]) -> None:
        rng, firsts = self.rng, {}
        for p in people:
            kin = [q for q in people if q is not p and q.surname == p.surname]  # short forms would be ambiguous
            kind = _pick(rng, PRIMARY)
            if kin and kind == "initial" and any(q.first[0] == p.first[0] for q in kin):
                kind = "plain"
            props = {"birth_date": p.birth if rng.random() < 0.5 else p.birth[:4]} \
                if p.birth and (p.always_born or rng.random() < 0.15) else {}
            neigh: list[str] = []
            if rng.random() < 0.45:
                neigh.append("PHONE:" + rng.choice(p.phones))
            if p.email and rng.random() < 0.12:
                neigh.append("EMAIL:" + p.email)
            if p.address and rng.random() < 0.15:
                neigh.append("ADDRESS:" + p.address)
            first = self.add("PERSON", person_form(rng, p, kind, self.lang), "gen:" + p.key,
                             "abbreviated" if p.abbreviated else kind, **({"properties": props} if props else {}))
            if first is None:
                continue
            if p.employer is not None and rng.random() < 0.3:
                firm = self.firm(p.employer)
                if firm is not None:
                    first["_employer"] = firm
            if neigh:
                first["neighbours"] = neigh
            firsts[p.key] = first
            for q in people:  # "called", "met", "paid": stated contacts with their regular associates
                if q.key in firsts and q is not p and self.pop.persons.index(q) in p.associates \
                        and rng.random() < 0.6:
                    first.setdefault("_links", []).append(firsts[q.key])
            if not p.abbreviated and not kin and kind != "initial" and rng.random() < 0.55:
                second = _pick(rng, SECONDARY)
                self.add("PERSON", person_form(rng, p, second, self.lang), "gen:" + p.key, second)

    def vessel(self) -> None:
        s = self.rng.choice(self.pop.ships)
        kind = _pick(self.rng, SHIP_PRIMARY)
        ids = {"IMO": s.imo} if s.always_imo or self.rng.random() < 0.5 else {}
        self.add("VESSEL", ship_form(self.rng, s, kind), "gen:" + s.key, kind, **({"identifiers": ids} if ids else {}))


def documents(rng: random.Random, pop: Population, n_docs: int) -> list[list[dict]]:
    """``n_docs`` documents, each a list of mentions (``mention_id``s are given by the caller).

    A document is about one person (the frequent ones more often), some of their regular contacts,
    perhaps a firm or two and a ship; the "Mohamed B."s turn up in one to three documents each.
    """
    named = [i for i, p in enumerate(pop.persons) if not p.abbreviated]
    weights = [1.0 / (1 + i) ** 0.4 for i in range(len(named))]
    rng.shuffle(weights)
    court_cases: dict[int, list[int]] = {}
    for i, p in enumerate(pop.persons):
        if p.abbreviated:
            for d in rng.sample(range(n_docs), rng.choice([1, 1, 2, 3])):
                court_cases.setdefault(d, []).append(i)
    docs: list[list[dict]] = []
    for d in range(n_docs):
        doc = _Document(rng, pop)
        lead = rng.choices(named, weights)[0]
        contacts = [rng.choice(pop.persons[lead].associates) if rng.random() < 0.7 else rng.choice(named)
                    for _ in range(rng.choice([0, 1, 1, 2]))]
        doc.people([pop.persons[i] for i in dict.fromkeys([lead, *contacts, *court_cases.get(d, [])])])
        for i in rng.sample(range(len(pop.firms)), rng.choice([0, 0, 1, 1, 2])):
            doc.firm(i)
        if rng.random() < 0.35:
            doc.vessel()
        if doc.mentions:
            docs.append(doc.mentions)
    return docs
