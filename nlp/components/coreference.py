"""Light coreference for the relation rules: pronouns, possessives and definite descriptions.

Investigative prose names a person once and then goes on with "he", "his phone", "the
suspect"; a gang is named once and then is "the gang" or "its leader". These references become
mentions (:class:`Ref`) that stand for an antecedent, so the cue rules can read "He was employed
by X" or "his brother-in-law, Y" as they read a sentence with the name in it.

Antecedents follow the usual salience order of written reports:

- a subject pronoun at the start of a clause ("He ...", "Le 14 juin, il a appelé ...") stands
  for the *first* person of the last sentence that named one (its subject, most of the time);
  after "stated that" / "indique que" / "verklaart dat" it stands for the first person of its
  own sentence;
- a possessive before a relation noun ("his mobile number", "son compte", "zijn broer") stands
  for the first person named before it in the sentence, else the salient person; it is a
  zero-width mention at the possessive, so the text "his brother-in-law, " stays between the
  two mentions for the cue rules;
- "she" stands for a ship when the last person-or-ship named was a ship;
- "the gang", "la bande", "de bende" and "its leader" stand for the last organisation named
  that is not a public body; "the port", "le port", "de haven" for the last port named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.components.appositions import kin_of

MAX_DISTANCE = 1500  # characters between a reference and its antecedent


@dataclass(frozen=True)
class Ref:
    """A mention: its character span, type and, for a reference, the span of what it stands for."""

    start: int
    end: int
    type: str
    target_start: int
    target_end: int
    anaphor: bool = False


_SUBJECT = {
    "en": r"\b(?:he|she|the (?:witness|suspect|accused|defendant|interviewee|person concerned|officer|docker|employee))\b",
    "fr": r"\b(?:il|elle|le témoin|la témoin|le suspect|la suspecte|le prévenu|la prévenue|l['’]intéressée?"
          r"|le mis en cause|l['’]accusée?|le gardé à vue)\b",
    "nl": r"\b(?:hij|zij|ze|de getuige|de verdachte|betrokkene|de beklaagde|verdachte)\b",  # a judgment's bare "verdachte"
}
_PRONOUNS = {"he", "she", "il", "elle", "hij", "zij", "ze"}  # "belde hij Sander K.": a pronoun before a name still refers
_PLURAL_VERB = re.compile(r"\s+(?:zijn|waren|hebben|hadden|werden|worden|kunnen|konden|zullen|zouden|moeten|moesten"
                          r"|\w+(?:den|ten))\b", re.I)
_VESSEL = {
    # "the ship", "the 1,100 teu ship", "the Maltese-flagged vessel" (not "the other ship": another one)
    "en": r"\bthe (?!(?:other|second|third|another|first|same|sister|next|two|three|both)\b)(?:[\w,.-]+ ){0,2}?"
          r"(?:vessel|ship|boat|freighter|tanker|bulk carrier|bulker|container ship|containership|reefer ship|trawler)\b(?!-)",
    "fr": r"\b(?:le navire|le bateau|le cargo|le vraquier|le porte-conteneurs|le chalutier|il)\b",
    "nl": r"\b(?:het schip|het vaartuig|het vrachtschip|het containerschip|het koelschip|het vriesschip|het bulkschip)\b",
}
KIN_NOUNS = (r"brother|sister|son|daughter|father|mother|cousin|nephew|niece|uncle|aunt|wife|husband|spouse|partner"
        r"|brother-in-law|sister-in-law|father-in-law|son-in-law|frère|sœur|soeur|fils|fille|père|mère|cousine?"
        r"|neveu|nièce|oncle|tante|épouse|époux|femme|mari|beau-frère|belle-sœur|belle-soeur|beau-père|broer|zus"
        r"|zuster|zoon|dochter|vader|moeder|neef|nicht|oom|tante|vrouw|echtgenote|echtgenoot|man|schoonbroer"
        r"|zwager|schoonzus|schoonvader|compagne|compagnon|concubine?|girlfriend|boyfriend|fiancée?|vriendin"
        r"|stepson|stepdaughter|stepfather|grandson|granddaughter|beau-fils|belle-fille|gendre|schoonzoon|stiefzoon")
_THINGS = (r"mobile|phone|telephone|number|line|handset|gsm|e-mail|email|mail|address|account|iban|name|employer"
           r"|accomplice|associate|numéro|téléphone|portable|ligne|adresse|compte|nom|employeur|complice|associée?"
           r"|nummer|telefoon|toestel|e-mailadres|mailadres|adres|rekening|rekeningnummer|naam|werkgever|handlanger|kompaan"
           r"|acolyte|comparse")
_POSSESSIVE = {
    "en": r"\b(?:his|her)(?= (?:\S+ ){0,2}?(?:%s)\b)",
    "fr": r"\b(?:son|sa|ses)(?= (?:\S+ ){0,2}?(?:%s)\b)",
    "nl": r"\b(?:zijn|haar)(?= (?:\S+ ){0,2}?(?:%s)\b)",
}
_GROUP_NOUNS = (r"leader|leaders|member|members|head|boss|chief|lieutenant|ringleader|chef|chefs|membre|membres|dirigeant"
                r"|leider|leiders|lid|leden|kopstuk|baas")
_GROUP = {
    "en": r"\b(?:the (?:gang|network|organisation|organization|group|cartel|clan|syndicate)\b(?! of)|(?:its|their)"
          r"(?= (?:\S+ ){0,2}?(?:" + _GROUP_NOUNS + r")\b))",
    "fr": r"\b(?:la bande|le réseau|l['’]organisation|le groupe|le clan|le cartel)\b(?! d)",
    "nl": r"\b(?:de bende|de organisatie|het netwerk|de groep|de clan|het kartel)\b(?! van)",
}
# "Its managing director is X", "son gérant, X", "haar zaakvoerder X": the firm named last
_FIRM_ROLES = (r"director|directors|managing director|manager|owner|owners|ceo|chief executive|president|founder|chairman"
               r"|shareholder|employees?|gérante?|directeur|directrice|dirigeant|président|fondateur|propriétaire"
               r"|actionnaire|zaakvoerder|bestuurder|directeur|eigenaar|oprichter|aandeelhouder")
_OWNERS = ("COMPANY", "ORGANIZATION", "VESSEL")  # a place after a firm is its seat
_FIRM_POSSESSIVE = {
    "en": r"\b(?:its|their)(?= (?:\S+ ){0,2}?(?:" + _FIRM_ROLES + r")\b)",
    "fr": r"\b(?:son|sa|leur)(?= (?:\S+ ){0,1}?(?:gérante?|directeur|directrice|dirigeant|président|fondateur"
          r"|propriétaire|actionnaire)\b)",
    "nl": r"\b(?:haar|zijn|hun)(?= (?:\S+ ){0,1}?(?:zaakvoerder|bestuurder|directeur|eigenaar|oprichter|aandeelhouder)\b)",
}
_PORT = {
    "en": r"\bthe (?:port|harbour|harbor)\b(?! of| authority| police)",
    "fr": r"\ble port\b(?! d| autonome)",
    "nl": r"\bde haven\b(?! van)",
}
_DEFINITE = {
    "COMPANY": {"en": r"\bthe (?:company|firm)\b(?! of)", "fr": r"\b(?:la société|l['’]entreprise|la firme)\b(?! d)",
                "nl": r"\b(?:het bedrijf|de vennootschap|de firma|de onderneming)\b(?! van)"},
    "PHONE": {"en": r"\b(?:that|this|the same) (?:number|line|phone number)\b(?! of)",
              "fr": r"\b(?:ce numéro|cette ligne|le même numéro)\b", "nl": r"\b(?:dat|dit|hetzelfde) (?:nummer|gsm-nummer)\b"},
}
#: an object pronoun is not its own clause's subject ("Delacourt l'a appelé": not Delacourt)
_OBJECT = {"en": r"\bhim\b", "fr": r"\bl['’](?=(?:a|avait|aurait|ont|avaient) )", "nl": r"\bhem\b"}
_THAT = {"en": r"(?:that|whether|and|but|when|after|because|where) $",
         "fr": r"(?:que|qu['’]|et|mais|lorsqu['’]|quand|où|dont|car|puis) ?$",
         "nl": r"(?:dat|of|waarvan|waarna|toen|nadat|omdat|maar|en|waar) $"}
_AUTHORITY = re.compile(r"police|politie|customs|douane|court|tribunal|rechtbank|parquet|parket|prosecut|minist|agency"
                        r"|agence|office|bureau|guard|europol|interpol|eurojust|gendarmerie|parliament|kamer|sénat"
                        r"|senate|commission|council|administration|directorate|direction", re.I)


_LINE_BREAKS = str.maketrans("\n\r\t\f\v", "     ")


def _compile(table: dict[str, str], fill: str | None = None) -> dict[str, re.Pattern[str]]:
    return {lang: re.compile(p % fill if fill else p, re.I) for lang, p in table.items()}


_SUBJECT_RE, _VESSEL_RE, _PORT_RE = _compile(_SUBJECT), _compile(_VESSEL), _compile(_PORT)
_POSSESSIVE_RE = {lang: re.compile(p % (KIN_NOUNS + "|" + _THINGS), re.I) for lang, p in _POSSESSIVE.items()}
_GROUP_RE = _compile(_GROUP)
_FIRM_POSSESSIVE_RE = _compile(_FIRM_POSSESSIVE)
_DEFINITE_RE = {type_: _compile(table) for type_, table in _DEFINITE.items()}
_OBJECT_RE = _compile(_OBJECT)
_THAT_RE = _compile(_THAT)


_NAME_NEXT = re.compile(r"[ \t]+[A-ZÀ-Ý][\w'’-]")


def _describes(match: re.Match[str], s_start: int, in_sent: list[Ref]) -> bool:
    """Whether a name follows the noun phrase right away: then it names, it does not refer. A capitalised
    word counts even when no mention was found there ("la société Trans-Fret": not the firm named before)."""
    end = s_start + match.end()
    return any(not r.anaphor and end <= r.start <= end + 2 for r in in_sent) or \
        _NAME_NEXT.match(match.string, match.end()) is not None


class Coreference:
    """Turns the references of one sentence into :class:`Ref` mentions; keeps salience between sentences."""

    def __init__(self, lang: str):
        self.lang = lang
        self.salient: dict[str, Ref] = {}
        self.last: dict[str, Ref] = {}
        self.last_owner: Ref | None = None  # the last firm, body (public ones too) or ship named

    def reset(self) -> None:
        self.salient, self.last, self.last_owner = {}, {}, None

    def _antecedent(self, type_: str, pos: int, in_sent: list[Ref], first: bool = True) -> Ref | None:
        before = [r for r in in_sent if r.type == type_ and r.end <= pos]
        if before:
            return before[0] if first else before[-1]
        ante = self.salient.get(type_) if first and type_ == "PERSON" else self.last.get(type_)
        return ante if ante is not None and pos - ante.end <= MAX_DISTANCE else None

    @staticmethod
    def _ref(start: int, end: int, ante: Ref) -> Ref:
        return Ref(start, end, ante.type, ante.target_start, ante.target_end, anaphor=True)

    def refs(self, full_text: str, s_start: int, s_end: int, in_sent: list[Ref]) -> list[Ref]:
        """References in the sentence ``full_text[s_start:s_end]``, given its named mentions."""
        lang, out = self.lang, []
        # a line wrapped inside the sentence reads as a space (same length: offsets hold)
        text = full_text[s_start:s_end].translate(_LINE_BREAKS)
        subject = _SUBJECT_RE.get(lang)
        persons = [r for r in in_sent if r.type == "PERSON"]
        for match in subject.finditer(text) if subject is not None else ():
            pos = s_start + match.start()
            word = match.group(0).lower()
            if word in ("she", "il", "elle") and self._ship_antecedent(pos, in_sent):
                continue  # "She was escorted into Cork": the ship, handled below
            if word == "ze" and _PLURAL_VERB.match(text, match.end()):
                continue  # "Ze werkten voor X": they, not she
            if word not in _PRONOUNS and _describes(match, s_start, in_sent):
                continue  # "The defendant, Jonas Peeters, ...", "De beklaagde Jonas P.": the name that follows
            if any(r.start < pos for r in persons):
                head = text[:match.start()][-12:]
                that = _THAT_RE.get(lang)
                if that is None or not that.search(head.lower()):
                    continue
                out.append(self._ref(pos, s_start + match.end(), persons[0]))
            else:
                ante = self._antecedent("PERSON", pos, in_sent)
                if ante is not None:
                    out.append(self._ref(pos, s_start + match.end(), ante))
            break
        possessive = _POSSESSIVE_RE.get(lang)
        for match in possessive.finditer(text) if possessive is not None else ():
            pos = s_start + match.start()
            named = sorted(in_sent + out, key=lambda r: r.start)
            clause = s_start + text.rfind(";", 0, match.start()) + 1
            if any(r.type == "PERSON" and clause <= r.start and r.end <= pos for r in named):
                # "A ... à douze ans ; B ... à huit ans, et son frère C": the clause after ";" has a subject of its own
                named = [r for r in named if r.start >= clause]
            ante = self._antecedent("PERSON", pos, named)  # "he ... his": he
            if ante is not None:
                out.append(self._ref(pos, pos, ante))
        out.extend(self._simple(_VESSEL_RE, "VESSEL", text, s_start, in_sent))
        if self._ship_antecedent(s_start + len(text), in_sent) and lang == "en":
            match = re.search(r"\b(?:she|it)\b", text, re.I)
            if match is not None and not any(r.type == "VESSEL" and r.start < s_start + match.start() for r in in_sent):
                ante = self._antecedent("VESSEL", s_start + match.start(), in_sent)
                if ante is not None:
                    out.append(self._ref(s_start + match.start(), s_start + match.end(), ante))
        out.extend(self._simple(_PORT_RE, "PORT", text, s_start, in_sent, first=False))
        for type_, table in _DEFINITE_RE.items():
            out.extend(self._simple(table, type_, text, s_start, in_sent, first=False))
        obj = _OBJECT_RE.get(lang)
        match = obj.search(text) if obj is not None else None
        if match is not None:
            pos = s_start + match.start()
            before = [r for r in persons if r.end <= pos]
            ante = before[0] if len(before) >= 2 else self.salient.get("PERSON")
            if ante is not None and (not before or (ante.target_start, ante.target_end) != (
                    before[-1].target_start, before[-1].target_end)) and pos - ante.end <= MAX_DISTANCE:
                out.append(self._ref(pos, s_start + match.end(), ante))
        group = _GROUP_RE.get(lang)
        for match in group.finditer(text) if group is not None else ():
            pos = s_start + match.start()
            cands = [r for r in in_sent if r.type == "ORGANIZATION" and r.end <= pos and not r.anaphor
                     and not _AUTHORITY.search(full_text[r.start:r.end])]
            ante = cands[-1] if cands else self.last.get("ORGANIZATION")
            if ante is None or pos - ante.end > MAX_DISTANCE:
                continue
            end = pos if match.group(0).lower() in ("its", "their") else s_start + match.end()
            out.append(self._ref(pos, end, ante))
        out.extend(self._firm_possessive(text, s_start, in_sent))
        return out

    def _firm_possessive(self, text: str, s_start: int, in_sent: list[Ref]) -> list[Ref]:
        """A zero-width reference at "its" / "son" before a firm's role, to the last firm named before it."""
        pattern = _FIRM_POSSESSIVE_RE.get(self.lang)
        out = []
        for match in pattern.finditer(text) if pattern is not None else ():
            pos = s_start + match.start()
            if self.lang != "en" and any(r.type == "PERSON" and r.end <= pos for r in in_sent):
                continue  # "Jan Claes et son gérant": "son" may be the person's; only a firm stands before
            ante = self._antecedent("COMPANY", pos, in_sent, first=False)
            bodies = [r for r in in_sent if r.type in _OWNERS and r.end <= pos] or (
                [self.last_owner] if self.last_owner is not None else [])
            if ante is not None and bodies and bodies[-1].type == "COMPANY":  # "its" is the last firm, body or ship
                out.append(self._ref(pos, pos, ante))
        return out

    def _simple(self, table: dict[str, re.Pattern[str]], type_: str, text: str, s_start: int, in_sent: list[Ref],
                first: bool = True) -> list[Ref]:
        pattern = table.get(self.lang)
        # "la société Normandie Fret Express", "the vessel Cala Verde": a noun before a name describes that name
        match = next((m for m in pattern.finditer(text) if not _describes(m, s_start, in_sent)), None) \
            if pattern is not None else None
        if match is None:
            return []
        pos = s_start + match.start()
        if any(r.type == type_ and r.start < pos for r in in_sent):
            return []
        ante = self._antecedent(type_, pos, in_sent, first=first)
        return [self._ref(pos, s_start + match.end(), ante)] if ante is not None else []

    def _ship_antecedent(self, pos: int, in_sent: list[Ref]) -> bool:
        """Whether the last person-or-ship named before ``pos`` is a ship."""
        named = [r for r in in_sent if r.type in ("PERSON", "VESSEL") and r.end <= pos]
        if named:
            return named[-1].type == "VESSEL"
        vessel, person = self.last.get("VESSEL"), self.last.get("PERSON")
        return vessel is not None and (person is None or person.end < vessel.end)

    def update(self, refs: list[Ref], full_text: str) -> None:
        """After a sentence: its first person becomes the salient one; the last of each type is kept. A person
        named only as whose relative the subject is ("The father of X, Y, was questioned") is not the first."""
        people = [r for r in refs if r.type == "PERSON"]
        kin = kin_of(self.lang)
        if len(people) > 1 and kin is not None and not people[0].anaphor \
                and kin.search(full_text[max(0, people[0].start - 40):people[0].start]):
            people = people[1:]
        first_person = people[0] if people else None
        if first_person is not None:
            self.salient["PERSON"] = first_person
        for ref in refs:
            if ref.type in _OWNERS and not ref.anaphor:
                self.last_owner = ref
            if ref.type == "ORGANIZATION" and _AUTHORITY.search(full_text[ref.target_start:ref.target_end]):
                continue
            self.last[ref.type] = ref

