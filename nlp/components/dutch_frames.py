"""``havengraph_dutch_frames_v1``: typed relations read from Dutch clause frames (Dutch documents only).

Dutch has no parser here, so the cue rules read the words *between* two mentions. Dutch word order
often puts the words that carry the relation elsewhere: at the end of a subordinate clause ("Dennis
V., die als planner bij Delta Kade werkte, ..."), around the name ("tegen A en B eiste het OM ...")
or on separate lines (a list of suspects and their sentences). This last step reads those frames
over the sentence's mentions and adds what the earlier components did not link with that type:

- *job clauses*: after a person (and the asides "(36)", "uit Breda"), a relative clause ", die ...
  als sjorder bij X werkte", an apposition ", in dienst van X," / ", directeur van X," or a main
  clause "P werkte als dokwerker in de Waaslandhaven" gives ``EMPLOYED_BY``/``DIRECTOR_OF``/``OWNS``
  to a firm and ``WORKS_AT`` to a port; the clause stops at the next person, and a negation or an
  official's role before the name (lawyer, prosecutor, judge, spokesman, witness) blocks it;
- *the defendant of a judgment*: "in de strafzaak tegen P" makes a bare "verdachte" later in the text
  stand for P (one defendant only), as the subject of the job clauses and of "samen met";
- *demands and sentences distributed over a list*: "eiste acht jaar tegen A, zes jaar tegen B en vier
  jaar tegen C", "veroordeelt A tot zeven jaar, B tot negen jaar" make the defendants ``CO_ACCUSED``,
  except one acquitted ("vrijspraak", "spreekt D vrij");
- *lines of suspects*: consecutive list lines that each open with a person and give a penalty
  ("- Dennis V.: 8 jaar cel", "2. Ilias A. (33) - 8 jaar"), without an acquittal;
- *"samen met"*: a clause that charges its subject ("werd samen met B en C aangehouden", "heeft samen
  met zijn medeverdachten B en C gehandeld") makes the subject ``CO_ACCUSED`` with each person listed;
- *lists charged together*: plural subjects of a charge ("A, die ..., en B zijn aangehouden",
  "Havenarbeiders A en B staan terecht"), a list after a charge ("... zijn opgepakt. Het gaat om A en B
  en om C") or after a charge noun ("de voorlopige hechtenis van A en B", "de zaak tegen A en B");
- *kin*: "de broers A en B" (every pair), "A (45), diens broer B" (that pair only);
- *holders*: "het nummer X, dat in gebruik was bij P", "de rekening X, die op naam van P staat",
  "P, die het nummer X gebruikte", "ontving ... op haar rekening X", "via het nummer X, dat op haar naam
  stond" (the subject's, not the party called);
- *shippers*: a container number or "de container" of the sentence before, then "stond op naam van C",
  "ingeklaard op naam van C", "geadresseerd aan C", "die door C was verzonden";
- *operators and calls of a ship*: "het schip, dat door C wordt geëxploiteerd", "de Amazonehaven, waar C
  een terminal exploiteert", "C exploiteert de terminal aan de X"; the ports of a ship's relative clause
  and of the main clause after it ("Het schip, dat ..., vertrok uit Y"); "het schip" opening a sentence
  stands for the one ship named just before;
- *contacts*: "P belde (via X) met Q", "P stuurde berichten naar Q" (messages, not money), "P had contact
  met Q", "P werd gebeld door Q", verb-final "dat P met Q belde", "hoe P Q liet weten", also past an
  inserted clause after P;
- *firm references and roles before the name*: "dat bedrijf", "hetzelfde bedrijf" and a bare
  "Zaakvoerder P" stand for the one firm named just before; "de directeur van dat bedrijf, P".

Every frame gives up where a negation, an acquittal, another case or an official's role stands in its
way; a relation to a firm whose mention opens with an adjective of nationality or follows a legal form
("het Griekse X", "de bvba X": a name read past its bounds) is not added. Word classes are in
``data/dutch_frames.tsv``.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.common import doc_text, sentence_starts
from nlp.components.coreference import Ref
from nlp.components.relation_settling import AUTHORITY
from nlp.components.relations import RelationHit
from nlp.resources import _rows

_IDENTIFIER_NODES = {"PHONE": "PHONE", "EMAIL": "EMAIL", "IBAN": "BANK_ACCOUNT", "CONTAINER": "CONTAINER"}
FIRMS = frozenset({"COMPANY", "ORGANIZATION"})
ROLE_TYPES = frozenset({"EMPLOYED_BY", "WORKS_AT", "DIRECTOR_OF", "OWNS", "MEMBER_OF"})
# "(36)", ", 36,", "uit Spijkenisse", "(41) uit Rotterdam": asides after a name
_ASIDE = re.compile(r"(?:\s*\(\d{1,3}\)|\s*,\s*\d{1,3}(?:\s*jaar)?(?=\s*,))?"
                    r"(?:\s*,?\s*(?:uit|wonende te|wonend te|woonachtig te|woonachtig in|geboren te)\s+"
                    r"(?-i:[A-Z])[\w'’-]*(?:[ -](?-i:[A-Z])[\w'’-]*){0,2})?")
_NEGATION = re.compile(r"\b(?:niet|geen|nooit|noch)\b")


@cache
def _words(kind: str) -> str:
    rows = [r[1] for r in _rows("dutch_frames.tsv") if len(r) >= 2 and r[0] == kind]
    return "|".join(f"(?:{r})" for r in rows) or "(?!)"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    job, director, owner = _words("job"), _words("director"), _words("owner")
    lead = r"(?:(?:de|het|een)\s+)?(?:[a-z][\w-]*\s+)?"  # "bij stuwadoor X", "bij het bedrijf X"
    return {
        "director": re.compile(r"\b(?:" + director + r")\s+(?:(?:is|was|werd)\s+)?(?:van|bij)\s+" + lead + r"$"),
        "owner": re.compile(r"\b(?:" + owner + r")\s+(?:(?:is|was|werd)\s+)?(?:van|bij)\s+" + lead + r"$"),
        # "werkzaam bij", "in dienst was van", "medewerker van", "als planner bij", "als chauffeur voor"
        "employ": re.compile(r"(?:\btewerkgesteld|\baangeworven|\bin loondienst|\bop de loonlijst|\bwerkzaam|\bin dienst(?:\s+(?:is|was|waren|geweest))?|\bwerkte|\bwerkt|\baan de slag"
                             r"|\bals\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + job + r")|\b(?:" + job + r"))\s+(?:(?:is|was|werd|bleef)\s+)?"
                             r"(?:bij|van|voor)\s+" + lead + r"$"),  # "die planner was bij X"
        "for": re.compile(r"\b(?:voor|bij)\s+" + lead + r"$"),  # "die voor X reed": the closing verb says it is a job
        "port": re.compile(r"(?:\bwerkzaam|\bwerkte|\bwerkt|\baan de slag|\bals\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + job + r")"
                           r"|\b(?:" + job + r"))\s+(?:(?:bij|voor)\s+(?:[a-z-]+\s+)?ent\s+)?(?:op|in|aan)\s+(?:de\s+|het\s+)?"
                           r"(?:(?:haven|terminal|containerterminal|kade|terrein|haventerrein)\s+(?:van\s+)?)?$"),
        "work_verb": re.compile(r"\b(?:" + _words("work_verb") + r")\s*$"),
        "official": re.compile(r"\b(?:" + _words("official") + r")\.?\s*(?:[a-z][\w-]*\s+){0,3}?,?\s*$"),
        "demand": re.compile(r"\b(?:" + _words("demand") + r")\b"),
        "penalty": re.compile(r"\b(?:" + _words("penalty") + r")"),
        "acquittal": re.compile(r"\b(?:" + _words("acquittal") + r")"),
        "charged": re.compile(r"\b(?:" + _words("charged") + r")\b"),
    }


_FORM_BEFORE = re.compile(r"\b(?:bvba|bv|nv|vof|cv|sprl|srl)\s+\Z")


def _mentions(doc: Doc) -> list[Ref]:
    refs = [Ref(s.start_char, s.end_char, s.label_, s.start_char, s.end_char)
            for s in doc.spans.get("hg_entities", []) if any(c.isalpha() for c in s.text)]
    for hit in doc._.hg_identifiers or []:
        node = _IDENTIFIER_NODES.get(hit.type)
        if node:
            refs.append(Ref(hit.start, hit.end, node, hit.start, hit.end))
    return sorted(refs, key=lambda r: (r.start, r.end))


_DEFENDANT_HEAD = re.compile(r"\b(?:in de (?:straf)?zaak tegen|strafzaak tegen|inzake|verdachte\s*:|beklaagde\s*:)\s*:?\s*\n?\s*",
                             re.I)
_DEFENDANT_WORD = re.compile(r"(?<![\w-])(?:(?:[Dd]e|[Zz]ijn|[Hh]aar)\s+)?(?-i:[Vv]erdachte|[Bb]eklaagde)(?![\w-])"
                             r"(?!\s+(?-i:[A-Z]))")


_NUMBERED_HEAD = re.compile(r"^[ \t]*(?:Verdachte|Beklaagde|VERDACHTE|BEKLAAGDE)\s+(\d{1,2})\s*[:.–-]\s*", re.M)
_NUMBERED_WORD = re.compile(r"\b(?:[Vv]erdachte|[Bb]eklaagde)\s+(?:sub\s+)?(\d{1,2})\b")


def numbered_defendants(text: str, refs: list[Ref]) -> list[Ref]:
    """"verdachte 2" standing for the person of the header line "Verdachte 2: P" (indictments, judgments)."""
    persons = [r for r in refs if r.type == "PERSON" and not r.anaphor]
    named: dict[str, Ref] = {}
    for m in _NUMBERED_HEAD.finditer(text):
        first = next((r for r in persons if r.start >= m.end()), None)
        if first is not None and first.start == m.end():
            if m.group(1) in named and text[named[m.group(1)].start:named[m.group(1)].end] != text[first.start:first.end]:
                return []  # two people under one number: no reading
            named[m.group(1)] = first
    out = []
    for m in _NUMBERED_WORD.finditer(text):
        who = named.get(m.group(1))
        if who is not None and m.start() > who.end:  # the header words themselves stand before the name
            out.append(Ref(m.start(), m.end(), "PERSON", who.start, who.end, anaphor=True))
    return out


def defendant_refs(text: str, refs: list[Ref]) -> list[Ref]:
    """Bare "verdachte" / "de verdachte" standing for the one defendant a judgment names at its head
    ("in de strafzaak tegen P"), as references (``anaphor=True``) to that person's first mention."""
    persons = [r for r in refs if r.type == "PERSON"]
    named = []
    for m in _DEFENDANT_HEAD.finditer(text):
        first = next((r for r in persons if r.start >= m.end()), None)
        if first is not None and first.start - m.end() <= 3:
            named.append(first)
    if len({text[r.start:r.end] for r in named}) != 1:
        return []
    who = named[0]
    out = []
    for m in _DEFENDANT_WORD.finditer(text, who.end):
        before = text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"\b(?:een|andere|zesde|vijfde|vierde|derde|tweede|eerste|elke|iedere|medeverdachte)\s*$", before):
            continue
        word = re.search(r"[Vv]erdachte|[Bb]eklaagde", m.group(0))
        assert word is not None
        start = m.start() + word.start()
        out.append(Ref(start, m.end(), "PERSON", who.start, who.end, anaphor=True))
    return out


class DutchFrames:
    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        if self.lang != "nl" or not doc.spans.get("hg_entities"):
            return doc
        text = doc_text(doc)
        refs = _mentions(doc)
        refs = sorted(refs + defendant_refs(text, refs) + numbered_defendants(text, refs), key=lambda r: (r.start, r.end))
        hits = list(doc._.hg_relations or [])
        known: dict[frozenset[str], set[str]] = {}

        def key(a: tuple[int, int], b: tuple[int, int]) -> frozenset[str]:
            # pairs are compared by the surfaces of their ends, so a second mention of a linked pair is not linked again
            return frozenset((text[a[0]:a[1]].lower(), text[b[0]:b[1]].lower()))

        for h in hits:
            if h.type != "CO_MENTIONED":
                known.setdefault(key(h.source, h.target), set()).add(h.type)
        added: list[RelationHit] = []

        def add(type_: str, src: Ref, tgt: Ref, s_start: int, s_end: int, rule: str) -> None:
            k = key((src.target_start, src.target_end), (tgt.target_start, tgt.target_end))
            if text[src.target_start:src.target_end].lower() == text[tgt.target_start:tgt.target_end].lower():
                return
            have = known.setdefault(k, set())
            if type_ in have or (type_ in ROLE_TYPES and have & ROLE_TYPES):
                return
            have.add(type_)
            resolved = tuple(((r.target_start, r.target_end), (r.start, r.end)) for r in (src, tgt) if r.anaphor)
            added.append(RelationHit(type_, (src.target_start, src.target_end), (tgt.target_start, tgt.target_end),
                                     min(src.start, tgt.start), max(src.end, tgt.end), s_start, s_end, "rule", 0.65,
                                     f"nl:frame:{rule}", resolved))

        demonym = re.compile(r"(?:" + _words("demonym") + r")\s", re.I)
        for found in frame_readings(doc, refs):
            if any(r.type in FIRMS and (demonym.match(text, r.target_start)
                                        or _FORM_BEFORE.search(text[max(0, r.target_start - 8):r.target_start]))
                   for r in found[1:3]):
                continue  # "het Griekse Kalamaki Bulk Carriers S.A.", "de bvba Verstraeten Fruit": a name read past its start or end
            add(*found)
        if added:
            linked = {frozenset((h.source, h.target)) for h in added}
            doc._.hg_relations = [h for h in hits if h.type != "CO_MENTIONED"
                                  or frozenset((h.source, h.target)) not in linked] + added
        return doc


def frame_readings(doc: Doc, refs: list[Ref] | None = None) -> list[tuple[str, Ref, Ref, int, int, str]]:
    """Every relation the frames read in ``doc``, before the pairs already linked are left out:
    ``(type, source, target, evidence start, evidence end, rule)``."""
    text = doc_text(doc)
    if refs is None:
        refs = _mentions(doc)
        refs = sorted(refs + defendant_refs(text, refs) + numbered_defendants(text, refs), key=lambda r: (r.start, r.end))
    out: list[tuple[str, Ref, Ref, int, int, str]] = []
    # a sentence start inside a name ("Hanse Südatlantik GmbH & Co. KG") is no sentence start
    bounds = [b for b in (doc[i].idx for i in sentence_starts(doc)) if not any(r.start < b < r.end for r in refs)]
    bounds.append(len(text))
    starts = [r.start for r in refs]
    for s_start, s_end in zip(bounds, bounds[1:], strict=False):
        lo, hi = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        in_sent = [r for r in refs[lo:hi] if r.end <= s_end]
        ship = vessel_reference(text, refs, s_start, s_end)
        if ship is not None:
            in_sent = sorted(in_sent + [ship], key=lambda r: (r.start, r.end))
        firms = firm_references(text, refs, s_start, s_end)
        if firms:
            in_sent = sorted(in_sent + firms, key=lambda r: (r.start, r.end))
        box = container_reference(text, refs, s_start, s_end)
        if box is not None:
            in_sent = sorted(in_sent + [box], key=lambda r: (r.start, r.end))
        if len(in_sent) < 2:
            continue
        for type_, src, tgt, rule in (shippers(text, in_sent, s_start, s_end)
                                      + job_clauses(text, in_sent, s_start, s_end) + holders(text, in_sent, s_start, s_end)
                                      + operators(text, in_sent, s_start, s_end) + contacts(text, in_sent, s_start, s_end)
                                      + vessel_calls(text, in_sent, s_start, s_end) + kin(text, in_sent, s_start, s_end)
                                      + roles_before(text, in_sent, s_start, s_end)):
            out.append((type_, src, tgt, s_start, s_end, rule))
        previous = text[max(0, s_start - 400):s_start]
        previous = previous[previous.rfind(".", 0, len(previous) - 2) + 1:]
        for group, rule in (demand_lists(text, in_sent, s_start, s_end) + together(text, in_sent, s_start, s_end)
                            + charged_lists(text, in_sent, s_start, s_end, previous)):
            out.extend(("CO_ACCUSED", a, b, s_start, s_end, rule) for x, a in enumerate(group) for b in group[x + 1:])
    for group, b_start, b_end in suspect_lines(text, refs):
        out.extend(("CO_ACCUSED", a, b, b_start, b_end, "suspect-lines") for x, a in enumerate(group) for b in group[x + 1:])
    return [f for f in out if (f[1].target_start, f[1].target_end) != (f[2].target_start, f[2].target_end)]


def _masked(text: str, refs: list[Ref], start: int, end: int) -> str:
    """``text[start:end]`` in lower case with every mention inside written ``ent``, spaces collapsed."""
    parts, pos = [], start
    for r in refs:
        if r.start >= pos and r.end <= end:
            parts.append(text[pos:r.start])
            parts.append(" ent ")
            pos = r.end
    parts.append(text[pos:end])
    return " ".join("".join(parts).lower().split()) + " "


def _clause_end(text: str, refs: list[Ref], pos: int, s_end: int) -> int:
    """Where the clause opened at ``pos`` ends: the first comma or stop outside a mention ("B.V.")."""
    for m in re.finditer(r"[,.;:!?()\n]", text[pos:s_end]):
        at = pos + m.start()
        if not any(r.start <= at < r.end for r in refs):
            return at
    return s_end


def _official(text: str, ref: Ref, s_start: int) -> bool:
    before = " ".join(text[max(s_start, ref.start - 45):ref.start].lower().split())
    return bool(_patterns()["official"].search(before + " " if before else ""))


# a role of someone named by a noun: "de zoon van de eigenaar van", "een collega van de planner bij"
_SOMEONE_ELSES = re.compile(r"\b(?!(?:terminal|containerterminal|haven|kade|terrein|haventerrein|dok)\s)[a-z-]+\s+van\s+(?:de|het|een|zijn|haar|hun)\s+(?:[a-z-]+\s+)?(?:[a-z-]+)\s+(?:van|bij|voor)\s")
_MEMBER = re.compile(r"(?:\b(?:lid|leden|leider|leiders|kopstuk|kopstukken|kopman|baas|oprichter|oprichters|stichter|voorzitter)"
                     r"\s+(?:(?:is|was|werd|zijn|waren)\s+)?van|\bdeel\s+(?:uitmaakte|uitmaakt|uitmaken|uitmaakten|uit)\s+van"
                     r"|\b(?:aangesloten|aangesloten was|aangesloten is)\s+bij)\s+(?:(?:de|het)\s+)?$")
_RELATIVE_OPEN = re.compile(r"\s*,\s*die\s+")
_APPOSITION_OPEN = re.compile(r"\s*,\s*(?:(?:de|een|het|als)\s+)?(?=[a-z])")
_MAIN_OPEN = re.compile(r"\s+(?=(?:werkte|werkt|was|is|werd|bleef|stond|staat|maakte|maakt)\b)")


def job_clauses(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[str, Ref, Ref, str]]:
    """Job relations of the clause right after each person: ``(type, person, firm or port, rule)``."""
    pat = _patterns()
    out = []
    for i, person in enumerate(refs):
        if person.type != "PERSON" or _official(text, person, s_start):
            continue
        if re.search(r"\b(?:de|het|een|zijn|haar|hun|diens)\s+[a-z-]+\s+van\s+$", text[max(s_start, person.start - 40):person.start],
                     re.I):
            continue  # "De echtgenote van Dekker, die mede-eigenaar is": the clause is the wife's
        aside = _ASIDE.match(text, person.end, s_end)
        pos = aside.end() if aside else person.end
        kind = None
        for name, opener in (("relative", _RELATIVE_OPEN), ("apposition", _APPOSITION_OPEN), ("main", _MAIN_OPEN)):
            m = opener.match(text, pos, s_end)
            if m:
                kind, pos = name, m.end()
                break
        if kind is None:
            continue
        if kind == "main" and (re.search(r"\b(?:volgens|aldus|zegt|zei|verklaarde|meldt)\s+$",
                                         text[max(s_start, person.start - 15):person.start], re.I)
                               or re.match(r"\w+\s+(?:hij|zij|ze)\b", text[pos:s_end])):
            continue  # "Volgens A werkte hij bij X": A is the source, the subject is another
        end = _clause_end(text, refs, pos, s_end)
        later = [r for r in refs[i + 1:] if r.start >= pos and r.end <= end]
        cut = next((r.start for r in later if r.type == "PERSON"), None)
        if cut is not None:  # the clause belongs to the person named in it
            end = cut
            later = [r for r in later if r.end <= end]
        clause = _masked(text, refs, pos, end)
        if _NEGATION.search(clause):
            continue
        closing = pat["work_verb"].search(clause.rstrip())
        if kind == "apposition" and re.search(r"\bdie\b", clause):
            kind = "relative"  # "P, een chauffeur die voor X reed": the relative clause of the apposition
        for target in later:
            prefix = _masked(text, refs, pos, target.start)
            if _SOMEONE_ELSES.search(prefix):
                continue  # "P, de zoon van de eigenaar van X": the role is another person's
            if re.search(r"\b(?:zijn|haar|hun|diens)\s+(?:[a-z-]+\s+)?(?:" + _words("kin") + r")\b", prefix, re.I):
                continue  # "P is bestuurder van X. Zijn vrouw werkte bij Y" read as one clause: the job is the wife's
            if target.type == "ORGANIZATION" and _MEMBER.search(prefix) and not AUTHORITY.search(text[target.start:target.end]):
                out.append(("MEMBER_OF", person, target, f"{kind}-member"))  # "P, de leider van de X-bende,"
            elif target.type in FIRMS:
                if target.type == "COMPANY" and pat["director"].search(prefix):
                    out.append(("DIRECTOR_OF", person, target, f"{kind}-director"))
                elif target.type == "COMPANY" and pat["owner"].search(prefix):
                    out.append(("OWNS", person, target, f"{kind}-owner"))
                elif pat["employ"].search(prefix) and (kind != "relative" or closing
                                                       or re.search(r"\b(?:is|was|werd|bleef|werkte|werkt)\b", prefix)):
                    out.append(("EMPLOYED_BY", person, target, f"{kind}-job"))
                elif kind == "relative" and closing and pat["for"].search(prefix) and prefix.count(" ent ") == 0:
                    out.append(("EMPLOYED_BY", person, target, f"{kind}-for"))
            elif target.type == "PORT" and pat["port"].search(prefix) and (kind != "relative" or closing) and (
                    re.search(r"\b(?:" + _words("job") + r")\b", prefix)
                    or re.search(r"\b(?:haven|terminal|containerterminal|kade|terrein|haventerrein)\s+(?:van\s+)?$", prefix)
                    or re.search(r"(?i)haven|terminal|kade|dok\b|pier|steiger|maasvlakte", text[target.start:target.end])):
                # "werkte in Rotterdam" names a city; a port job, "de haven van" or a terminal's name makes it a port
                out.append(("WORKS_AT", person, target, f"{kind}-port"))
        if kind in ("relative", "apposition") and _PLURAL_CLAUSE.search(clause):
            # "A en B, die bij X werkten," / "A en B, beiden werkzaam bij X,": the clause holds for every conjunct
            listed = _listed_before(text, refs, i, s_start)
            out.extend((type_, other, target, f"{rule}-list") for other in listed
                       for type_, who, target, rule in list(out) if who is person)
    return out


_PLURAL_CLAUSE = re.compile(r"^(?:beiden|allebei|allen|alle\s+(?:twee|drie|vier|vijf))\b|\b(?:werkten|werken|waren|zijn|reden"
                            r"|stonden|staan)\s*$")


def _listed_before(text: str, refs: list[Ref], i: int, s_start: int) -> list[Ref]:
    """The persons listed right before ``refs[i]`` with only commas, "en" and asides between them."""
    out: list[Ref] = []
    k, current = i - 1, refs[i]
    while k >= 0 and refs[k].type == "PERSON" and not refs[k].anaphor and refs[k].start >= s_start:
        prev = refs[k]
        aside = _ASIDE.match(text, prev.end, current.start)
        if not _SIMPLE_LINK.match(text[aside.end() if aside else prev.end:current.start]) or _official(text, prev, s_start):
            break
        out.append(prev)
        current, k = prev, k - 1
    return out


_HOLDS = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL", "BANK_ACCOUNT": "HAS_ACCOUNT"}
_HELD_BY = re.compile(r"^\s*,?\s*(?:(?:dat|die|welke?|en)\s+(?:[a-z]+\s+){0,4}?)?"
                      r"(?:(?:(?:was|is|stond|staat)\s+)?in gebruik\s+(?:(?:was|is|werd genomen|stond)\s+)?(?:bij|door)|(?:stond|staat|was|is)\s+(?:op naam\s+)?"
                      r"(?:geregistreerd\s+)?op naam van|op naam (?:stond|staat|was|is)?\s*van|(?:werd|wordt)\s+(?:vooral\s+)?"
                      r"gebruikt door|gebruikt door|toebehoorde aan|toebehoort aan|op naam van|(?:werd|wordt) beheerd door"
                      r"|in handen van|in het bezit van)\s+(?:(?:de|het|zijn|haar)\s+)?$")
_HOLDS_AFTER = re.compile(r"^\s*,\s*die\s+(?:[a-z]+\s+){0,3}?(?:het|een|de|zijn|haar)?\s*(?:[a-z-]*(?:nummer|telefoon|gsm|toestel"
                          r"|rekening|rekeningnummer|adres|e-mailadres|mailadres|account))\s*$")
_HOLDS_VERB = re.compile(r"^\s*(?:(?:in|voor|bij|om)\s+[^,]{0,40}?\s+)?(?:gebruikte|gebruikt|hanteerde|had|heeft|beheerde|beheert"
                         r"|bezat|bezit|in gebruik had)\b")


# "ontving ... op haar rekening X", "via zijn telefoonnummer X": the identifier is its subject's
_POSSESSED = re.compile(r"\b(?:zijn|haar|hun|diens)\s+(?:eigen\s+)?(?:[a-z-]*(?:rekening|rekeningnummer|bankrekening|nummer"
                        r"|telefoonnummer|gsm-nummer|gsm|telefoon|toestel|e-mailadres|mailadres|emailadres))\s*[:,]?\s*$")


_ON_OWN_NAME = re.compile(r"\s*,?\s*(?:dat|die|welke?)\s+(?:(?:stond|staat|was|is)\s+)?op\s+(?:zijn|haar|hun)\s+(?:eigen\s+)?naam"
                          r"\s*(?:stond|staat|was geregistreerd|geregistreerd stond|was gesteld|is geregistreerd)?\b")


_FROM_NUMBER = re.compile(r"\bvanaf\s+(?:het|een|zijn|haar)?\s*(?:[a-z]+\s+)?(?:telefoon|gsm-?|mobiele\s+)?nummer\s*$")


def holders(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[str, Ref, Ref, str]]:
    """"het nummer X, dat in gebruik was bij P", "de rekening X, die op naam van P staat", "P, die het nummer
    X gebruikte": the holder of a phone number, e-mail address or account."""
    out = []
    for k, ident in enumerate(refs):
        if ident.type not in _HOLDS:
            continue
        own = _POSSESSED.search(text[max(s_start, ident.start - 60):ident.start].lower())
        holder = next((r for r in reversed(refs[:k]) if r.type in ("PERSON", "COMPANY", "ORGANIZATION")), None)
        if own is not None and holder is not None and holder.type != "ORGANIZATION" and not _official(text, holder, s_start):
            clause = text[holder.end:ident.start].lower()
            called = re.search(r"\b(?:hem|hen)\b|\b" + _CALL + r"\b|\b" + _SEND + r"\b", clause)
            if not _NEGATION.search(clause) and not re.search(r"[.;:()]", clause) and len(clause) < 160 and not called:
                out.append((_HOLDS[ident.type], holder, ident, "possessed"))  # not "P belde hem op zijn nummer X"
        origin = _FROM_NUMBER.search(text[max(s_start, ident.start - 50):ident.start].lower())
        if origin is not None and ident.type == "PHONE":
            # "P belde hem (...) vanaf het nummer X": the caller's number
            verb = None
            for m in re.finditer(r"\b" + _CALL + r"\b", text[s_start:ident.start].lower()):
                verb = m
            caller = None
            if verb is not None:
                at = s_start + verb.start()
                before = [r for r in refs[:k] if r.type == "PERSON" and r.end <= at]
                if before and re.fullmatch(r"\s*(?:\(\d{1,3}\)\s*)?", text[before[-1].end:at]):
                    caller = before[-1]
            if caller is not None and not _official(text, caller, s_start) and not _NEGATION.search(text[caller.end:ident.start]):
                out.append(("HAS_PHONE", caller, ident, "called-from"))
        if _ON_OWN_NAME.match(text[ident.end:s_end]):
            # "Koolhoven had contact met Martis via het nummer X, dat op haar naam stond": the subject's number
            subject = next((r for r in refs if r.type in ("PERSON", "COMPANY") and r.start < ident.start), None)
            objects = [r for r in refs[:k] if r.type == "PERSON" and r is not subject]
            if (subject is not None and not _official(text, subject, s_start) and not _NEGATION.search(text[s_start:ident.start])
                    and re.match(r"\W*(?:(?:uit|volgens)\s+[^,]{0,60}?(?:blijkt|bleek)\s+dat\s+)?$",
                                 text[s_start:subject.start], re.I)
                    and all(re.search(r"\b(?:met|naar|door|aan|van)\s+$", text[max(s_start, r.start - 8):r.start])
                            for r in objects)):
                out.append((_HOLDS[ident.type], subject, ident, "own-name"))
        nxt = refs[k + 1] if k + 1 < len(refs) else None
        if nxt is not None and nxt.type in ("PERSON", "COMPANY") and not _official(text, nxt, s_start):
            between = " ".join(text[ident.end:nxt.start].lower().split()) + " "
            if _HELD_BY.match(between) and not _NEGATION.search(between):
                tail = text[nxt.end:_clause_end(text, refs, nxt.end, s_end)].lower()
                if not _NEGATION.search(tail):
                    out.append((_HOLDS[ident.type], nxt, ident, "held-by"))
        prev = refs[k - 1] if k else None
        if prev is not None and prev.type in ("PERSON", "COMPANY") and not _official(text, prev, s_start):
            aside = _ASIDE.match(text, prev.end, s_end)
            between = " ".join(text[aside.end() if aside else prev.end:ident.start].lower().split())
            after = text[ident.end:_clause_end(text, refs, ident.end, s_end)].lower()
            if _HOLDS_AFTER.match(between) and _HOLDS_VERB.match(after) and not _NEGATION.search(between + after):
                out.append((_HOLDS[ident.type], prev, ident, "holds"))
    return out


_SHIP_WORD = re.compile(r"\s*(?:Het|Dit|Dat)\s+(?:schip|vaartuig|koelschip|containerschip|vrachtschip|bulkschip|zeeschip"
                        r"|vissersschip|jacht)\b|\s*(?:De|Deze)\s+(?:bulkcarrier|tanker|feeder|coaster|trawler|reefer)\b")


def vessel_reference(text: str, refs: list[Ref], s_start: int, s_end: int) -> Ref | None:
    """"Het schip" opening a sentence: the last vessel named in the 1,500 characters before it."""
    m = _SHIP_WORD.match(text, s_start, s_end)
    if m is None:
        return None
    ships = [r for r in refs if r.type == "VESSEL" and not r.anaphor and s_start - 1500 <= r.start and r.end <= s_start]
    if not ships or len({text[r.start:r.end].lower() for r in ships[-3:]}) > 1:
        return None  # several ships just named: "het schip" could be any of them
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    return Ref(start, m.end(), "VESSEL", ships[-1].start, ships[-1].end, anaphor=True)


_FIRM_WORD = re.compile(r"\b(?:dat|dit|hetzelfde|datzelfde|deze|dezelfde|het)\s+(?:bedrijf|firma|vennootschap|onderneming"
                        r"|transportbedrijf|expeditiebedrijf|stuwadoorsbedrijf|overslagbedrijf|importbedrijf)\b", re.I)
_BARE_ROLE = re.compile(r"^\W*(?:Zaakvoerder|Zaakvoerster|Directeur|Directrice|Bestuurder|Bedrijfsleider|Eigenaar|Eigenares)\s+$")


def _one_firm(text: str, refs: list[Ref], start: int, end: int) -> Ref | None:
    firms = [r for r in refs if r.type == "COMPANY" and not r.anaphor and start <= r.start and r.end <= end]
    return firms[-1] if firms and len({text[r.start:r.end].lower().rstrip(".") for r in firms}) == 1 else None


def firm_references(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[Ref]:
    """"dat bedrijf", "hetzelfde bedrijf", and a bare "Zaakvoerder P" opening a sentence: the one firm named in
    the 400 characters before (none when two firms were named there)."""
    out = []
    for m in _FIRM_WORD.finditer(text, s_start, s_end):
        if m.group(0).lower().startswith("het ") and not re.search(r"\b(?:van|bij|voor)\s+$", text[max(s_start, m.start() - 6):m.start()]):
            continue  # a bare "het bedrijf" is a firm of the clause only after "van/bij/voor"
        firm = _one_firm(text, refs, max(0, m.start() - 400), m.start())
        if firm is not None:
            out.append(Ref(m.start(), m.end(), "COMPANY", firm.start, firm.end, anaphor=True))
    person = next((r for r in refs if r.type == "PERSON" and s_start <= r.start < s_end), None)
    role = _BARE_ROLE.match(text[s_start:person.start]) if person is not None else None
    if role is not None and person is not None:
        firm = _one_firm(text, refs, max(0, s_start - 300), s_start)
        if firm is not None:
            word = s_start + role.group(0).find(role.group(0).strip())
            out.append(Ref(word, word + len(role.group(0).strip()), "COMPANY", firm.start, firm.end, anaphor=True))
    return out


# a role written before the name: "De 56-jarige directeur van dat bedrijf, P", "Zaakvoerder P"
_ROLE_BEFORE = re.compile(r"(?:^|[,;]\s*|\b(?:de|het|een|ook|en)\s+)(?:\d{1,3}-jarige\s+)?(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
                          r"(?:van|bij|voor)\s+ent\s*,\s*$")


def roles_before(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[str, Ref, Ref, str]]:
    """A role between a firm and the name after it: "de directeur van dat bedrijf, P"; and "Zaakvoerder P" with the
    firm of the sentence before."""
    pat = _patterns()
    director, owner = re.compile(r"(?:" + _words("director") + r")$"), re.compile(r"(?:" + _words("owner") + r")$")
    job = re.compile(r"(?:" + _words("job") + r")$")
    out = []
    for k, person in enumerate(refs):
        if person.type != "PERSON" or person.anaphor:
            continue
        firm = refs[k - 1] if k else None
        if firm is None or firm.type != "COMPANY":
            continue
        own = re.match(r"\s*(?:\(\d{1,3}\)\s*)?(?:van|bij)\s", text[person.end:s_end])
        if firm.anaphor and firm.end <= person.start and _BARE_ROLE.match(text[s_start:person.start]) and own is None:
            word = text[firm.start:firm.end].lower()
            type_ = "OWNS" if owner.match(word) else "DIRECTOR_OF"
            out.append((type_, person, firm, "bare-role"))
            continue
        before = _masked(text, refs, s_start, person.start).rstrip() + " "
        m = _ROLE_BEFORE.search(before)
        if m is None or _NEGATION.search(before) or _SOMEONE_ELSES.search(before[max(0, m.start() - 30):]):
            continue
        role = m.group("role")
        if director.search(role):
            out.append(("DIRECTOR_OF", person, firm, "role-before"))
        elif owner.search(role):
            out.append(("OWNS", person, firm, "role-before"))
        elif job.search(role) and pat["employ"].search(role + " bij "):
            out.append(("EMPLOYED_BY", person, firm, "role-before"))
    return out


_BOX_WORD = re.compile(r"\s*(?:(?:In|Op|Uit|Bij)\s+)?(?:[Dd]e|[Dd]ie|[Dd]eze)\s+(?:koel|zee)?container\b(?!s)")


def container_reference(text: str, refs: list[Ref], s_start: int, s_end: int) -> Ref | None:
    """"De container" / "In die container" opening a sentence that writes no container number: the one
    container number of the sentences just before (none when two numbers were written there)."""
    m = _BOX_WORD.match(text, s_start, s_end)
    if m is None or any(r.type == "CONTAINER" and s_start <= r.start < s_end for r in refs):
        return None
    boxes = [r for r in refs if r.type == "CONTAINER" and s_start - 600 <= r.start and r.end <= s_start]
    if not boxes or len({text[r.start:r.end].replace(" ", "") for r in boxes}) > 1:
        return None
    word = re.search(r"container", m.group(0), re.I)
    assert word is not None
    start = m.start() + word.start()
    while start > m.start() and text[start - 1] != " ":
        start -= 1  # "koelcontainer"
    return Ref(start, m.end(), "CONTAINER", boxes[-1].start, boxes[-1].end, anaphor=True)


# the container, then its shipper, consignee or importer: "X stond op naam van C", "X, die door C was verzonden"
_SHIPPED_BY = re.compile(
    r"^\s*[,)]?\s*(?:,\s*)?(?:(?:die|dat|welke)\s+)?(?:(?:stond|staat|was|werd|is|zou)\s+)?(?:[a-z0-9]+\s+){0,5}?"
    r"(?:op naam\s+(?:(?:stond|staat|was gesteld|gesteld)\s+)?van|ingeklaard\s+op\s+naam\s+van|geadresseerd\s+(?:was\s+)?aan"
    r"|bestemd\s+(?:was\s+)?voor|verzonden\s+door|verscheept\s+door|geboekt\s+door|ingevoerd\s+door|besteld\s+door"
    r"|afgezonden\s+door|geëxporteerd\s+door|geïmporteerd\s+door)\s+"
    r"(?:(?:een|de|het)\s+(?:[a-z-]+\s+){1,4}?(?:uit\s+x\s+)?,\s*)?"  # "een invoerder van fruit uit Gent, C"
    r"(?:(?:de|het)\s+(?:[a-z-]+\s+)?(?:bedrijf|firma|importeur|invoerder|vennootschap|bv|nv|bvba|handelaar)\s+)?$")
_SHIPPED_VERB_FINAL = re.compile(r"^\s*,?\s*(?:die|dat|welke)\s+(?:[a-z0-9]+\s+){0,3}?door\s+(?:(?:de|het)\s+)?(?:[a-z-]+\s+)?$")
_SHIPPED_FINAL = re.compile(r"^\s*(?:(?:uit|van)\s+x\s+)?(?:[a-z0-9]+\s+){0,3}?(?:was|werd|is|werden|waren)?\s*"
                            r"(?:verzonden|verscheept|geboekt|ingevoerd|besteld|geëxporteerd|geïmporteerd|afgezonden)\b"
                            r"|^\s*(?:(?:uit|van)\s+x\s+)?(?:was|werd|is)\s+(?:[a-z0-9]+\s+){0,3}?"
                            r"(?:verzonden|verscheept|geboekt|ingevoerd|besteld|geëxporteerd|geïmporteerd)\b")


def shippers(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[str, Ref, Ref, str]]:
    """``SHIPPED_IN`` from the shipper, consignee or importer named after a container number (or "de container")."""
    out = []
    for k, box in enumerate(refs):
        if box.type != "CONTAINER":
            continue
        for party in refs[k + 1:k + 4]:
            if party.type not in ("COMPANY", "PERSON") or _official(text, party, s_start):
                continue
            if any(r.type in ("COMPANY", "PERSON", "CONTAINER") for r in refs if box.end <= r.start and r.end <= party.start):
                break  # another party or box stands between
            gap = re.sub(r"\bent\b", "x", _masked(text, refs, box.end, party.start))
            gap = " " + gap if gap[:1] in ",)" else gap
            after = re.sub(r"\bent\b", "x", _masked(text, refs, party.end, _clause_end(text, refs, party.end, s_end)))
            if _NEGATION.search(gap) or _NEGATION.search(after) or re.search(r"\b(?:container|lading|zending|partij)s?\b", gap):
                break  # "stond naast een container die bestemd was voor C": another box's party
            if _SHIPPED_BY.match(gap):
                out.append(("SHIPPED_IN", party, box, "shipped-by"))
            elif _SHIPPED_VERB_FINAL.match(gap) and _SHIPPED_FINAL.match(" " + after):
                out.append(("SHIPPED_IN", party, box, "shipped-by-final"))
            break
    return out


_OPERATED_BY = re.compile(r"^\s*,?\s*(?:(?:dat|die|welke?)\s+(?:[a-z]+\s+){0,2}?|(?:wordt|werd)\s+(?:[a-z0-9]+\s+){0,3}?)door\s+"
                          r"(?:(?:het|de)\s+)?(?:[a-z]+\s+){0,2}?$")
# "het schip, dat wordt beheerd door C": the participle before "door"
_OPERATED_BY_VERB = re.compile(r"^\s*,?\s*(?:dat|die|welke?)\s+(?:wordt|werd|is|was)\s+(?:[a-z]+\s+){0,2}?"
                               r"(?:ge[eë]xploiteerd|uitgebaat|beheerd|bevracht|gecharterd)\s+door\s+(?:(?:het|de)\s+)?"
                               r"(?:[a-z]+\s+){0,2}?$")
_OPERATED_VERB = re.compile(r"^\s*(?:(?:uit|van)\s+(?-i:[A-Z])[\w'’-]*\s+)?(?:wordt|werd|is|was)\s+(?:[a-z]+\s+){0,2}?"
                            r"(?:ge[eë]xploiteerd|uitgebaat|beheerd|bevracht|gecharterd)\b")
_OPERATES_AT = re.compile(r"^\s*(?:exploiteert|exploiteerde|baat|beheert|beheerde|runt)\s+(?:de|het|een)\s+(?:[a-z-]+\s+)?"
                          r"(?:terminal|containerterminal|kade|overslagterminal|terminals)\s+(?:aan|in|op|bij)\s+"
                          r"(?:(?:de|het)\s+)?$")
_WHERE_OPERATES = re.compile(r"^\s*(?:(?:een|de|het)\s+)?(?:[a-z-]+\s+)?(?:terminal|containerterminal|kade|overslagterminal)\s+"
                             r"(?:exploiteert|uitbaat|beheert|exploiteerde|uitbaatte|beheerde|runt)\b")


def operators(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[str, Ref, Ref, str]]:
    """"het schip, dat door C wordt geëxploiteerd", "C exploiteert de terminal aan de Amazonehaven",
    "de Amazonehaven, waar C een terminal exploiteert": ``OPERATES`` from the firm to the ship or port."""
    out = []
    for k in range(len(refs) - 1):
        a, b = refs[k], refs[k + 1]
        gap = " ".join(text[a.end:b.start].lower().split()) + " "
        after = text[b.end:_clause_end(text, refs, b.end, s_end)]
        if a.type in ("VESSEL", "PORT") and b.type == "COMPANY":
            passive = bool(re.match(r"\s*(?:wordt|werd)\b", gap)) and re.match(
                r"\s*(?:[a-z]+\s+){0,2}?(?:ge[eë]xploiteerd|uitgebaat|beheerd|bevracht|gecharterd)\b", after) is not None
            if ((_OPERATED_BY.match(gap) and (_OPERATED_VERB.match(after) or passive)) or _OPERATED_BY_VERB.match(gap)) \
                    and not _NEGATION.search(gap + after):
                out.append(("OPERATES", b, a, "operated-by"))
            elif a.type == "PORT" and re.match(r"^\s*,\s*waar\s+$", gap) and _WHERE_OPERATES.match(after.lower()):
                out.append(("OPERATES", b, a, "where-operates"))
        elif a.type == "COMPANY" and b.type == "PORT" and _OPERATES_AT.match(gap):
            out.append(("OPERATES", a, b, "operates-at"))
    return out


# the words of a ship's call: arrived, moored, left, unloaded, loaded, came from, was heading for
_MOVE = re.compile(r"\b(?:aangelegd|legde\s+(?:[a-z0-9]+\s+){0,4}?aan|aanlegde|aangemeerd|aanmeerde|meerde\s+(?:[a-z0-9]+\s+){0,4}?aan"
                   r"|afgemeerd|afmeerde|aangekomen|aankwam|kwam\s+(?:[a-z0-9]+\s+){0,4}?aan|arriveerde|gearriveerd"
                   r"|binnenliep|binnengelopen|liep\s+(?:[a-z0-9]+\s+){0,4}?binnen|vertrok|vertrokken|uitvoer|voer|gevaren"
                   r"|gelost|geladen|lag|lagen|aangedaan|deed\s+(?:[a-z0-9]+\s+){0,4}?aan|op weg naar|met bestemming"
                   r"|afkomstig\s+(?:uit|van)|onderweg|koers)\b")
_PORT_PREP = re.compile(r"\b(?:in|te|bij|aan|naar|uit|van|vanuit|via|richting|bestemming)\s+(?:(?:de|het)\s+)?"
                        r"(?:(?:haven|kade|terminal)\s+(?:van\s+)?)?$")


def vessel_calls(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[str, Ref, Ref, str]]:
    """``CALLED_AT`` from a ship to the ports of its own clause: a relative clause ("de X, die in Antwerpen werd
    gelost") and the main clause that goes on after it ("Het schip, dat ..., vertrok uit Y")."""
    out = []
    for i, ship in enumerate(refs):
        if ship.type != "VESSEL":
            continue
        aside = re.match(r"\s*\([^()]{1,40}\)", text[ship.end:s_end])
        pos = ship.end + (aside.end() if aside else 0)
        opener = re.match(r"\s*,\s*(?:die|dat)\s+", text[pos:s_end])
        if opener is None:
            continue
        first_end = _clause_end(text, refs, pos + opener.end(), s_end)
        pieces = [(pos + opener.end(), first_end)]
        if text[first_end:first_end + 1] == ",":
            nxt = re.match(r",\s*(?=[a-z])", text[first_end:s_end])
            if nxt is not None:  # "Het schip, dat ..., vertrok uit Y": the main clause goes on
                start = first_end + nxt.end()
                pieces.append((start, _clause_end(text, refs, start, s_end)))
        for start, end in pieces:
            inside = [r for r in refs[i + 1:] if start <= r.start and r.end <= end]
            if any(r.type == "VESSEL" for r in inside):
                break
            clause = _masked(text, refs, start, end)
            if _NEGATION.search(clause) or not _MOVE.search(clause):
                continue
            for port in inside:
                if port.type == "PORT" and _PORT_PREP.search(_masked(text, refs, start, port.start)):
                    out.append(("CALLED_AT", ship, port, "ship-clause"))
    return out


_SIMPLE_LINK = re.compile(r"^(?:\s*,\s*|\s+en\s+|\s*,\s*en\s+)$")


def kin(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[str, Ref, Ref, str]]:
    """``FAMILY_OF``: "de broers A en B" (every pair of the list) and "A (45), diens broer B" (A and B only)."""
    out = []
    plural = re.compile(r"\b(?:de\s+|het\s+)?(?:" + _words("kin_plural") + r")\s+$", re.I)
    single = re.compile(r"^\s*,\s*(?:diens|zijn|haar|wiens)\s+(?:" + _words("kin") + r")\s+$", re.I)
    persons = [r for r in refs if r.type == "PERSON"]
    for k, a in enumerate(persons):
        if plural.search(text[max(s_start, a.start - 40):a.start]):
            group = [a]
            for b in persons[k + 1:]:
                aside = _ASIDE.match(text, group[-1].end, b.start)
                if not _SIMPLE_LINK.match(text[aside.end() if aside else group[-1].end:b.start]):
                    break
                group.append(b)
            if len(group) >= 2 and not re.search(r"\b(?:en|zijn|haar|diens)\s+(?:" + _words("kin") + r")\s*$",
                                                 text[max(s_start, a.start - 40):a.start], re.I):
                out.extend(("FAMILY_OF", x, y, "kin-plural") for n, x in enumerate(group) for y in group[n + 1:])
        if k + 1 < len(persons):
            b = persons[k + 1]
            aside = _ASIDE.match(text, a.end, b.start)
            if single.match(text[aside.end() if aside else a.end:b.start]):
                out.append(("FAMILY_OF", a, b, "kin-apposition"))
    return [f for f in out if not f[1].anaphor or not f[2].anaphor]


_CALL = (r"(?:belde|belden|belt|sms'te|sms'ten|smste|mailde|mailden|appte|appten|whatsappte|chatte|chatten|telefoneerde"
         r"|contacteerde|communiceerde|bel(?:de)?\s+op)")
_SEND = r"(?:stuurde|stuurden|verstuurde|doorstuurde|zond|stuurt|verstuurt|mailde|doorgestuurd|gestuurd|verzonden)"
# between a caller and the party called, V2 order: "P belde (op 3 mei) met Q", "P stuurde berichten naar Q",
# "P had contact met Q", "P werd gebeld door Q"
_CONTACT_BETWEEN = re.compile(
    r"^(?:\s*,?\s*(?:uit\s+ent\s*,?\s*)?)\s*(?:(?:[a-z0-9']+\s+){0,3}?)?(?:"
    r"" + _CALL + r"(?:\s+(?:hij|zij|ze))?\s+(?:(?:\d+|[a-z']+)\s+){0,4}?(?:met\s+)?"
    r"|" + _SEND + r"\s+(?:hij|zij|ze\s+)?(?:[a-z0-9'’-]+\s+){0,6}?naar\s+(?:het\s+(?:telefoon)?nummer\s+van\s+)?"
    r"|(?:[a-z0-9'’-]+\s+){0,10}?" + _SEND + r"\s+naar\s+(?:het\s+(?:telefoon)?nummer\s+van\s+)?"
    r"|(?:had|hadden|heeft|hebben|stond|stonden|onderhield|onderhielden)\s+(?:[a-z]+\s+){0,3}?(?:contact|telefooncontact"
    r"|berichtencontact)\s+met\s+"
    r"|(?:werd|werden|is|was)\s+(?:[a-z0-9]+\s+){0,4}?(?:gebeld|gecontacteerd|gebeld\s+en\s+ge[a-z']+)\s+door\s+"
    r"(?:(?:de|het)\s+(?:[a-z]+\s+)?[a-z]+,\s*)?"
    r")$")
# verb-final: "dat P (in de dagen ...) met Q belde", "hoe P Q telkens liet weten"
_MESSAGE = re.compile(r"\b(?:berichte?n?|sms(?:'je|'jes|jes|je)?|e-?mails?|mailtjes?|mails?|foto'?s?|pincodes?|codes?|gegevens"
                      r"|informatie|locaties?|containernummers?|screenshots?|lijst(?:en)?|instructies?|teksten|tekst|opdrachten?"
                      r"|spraakberichten|voicemails?|whatsapp(?:je|jes|berichten)?|chats?|brieven|brief)\b")
_CONTACT_BEFORE_FINAL = re.compile(r"^\s*(?:(?:[a-z0-9']+\s+){0,8}?)?(?:met\s+)?$")
_CONTACT_FINAL = re.compile(r"^\s*(?:[a-z0-9']+\s+){0,4}?(?:" + _CALL + r"|contact\s+(?:had|hadden|heeft|onderhield|opnam|zocht)"
                            r"|(?:liet|lieten)\s+weten|berichten\s+(?:stuurde|uitwisselde))\b")
_NOT_A_CALL = re.compile(r"\b(?:van|voor|over|namens|zonder|de|het|een|zijn|haar|hun|advocaat|politie|rechter|agent)\b")


def contacts(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[str, Ref, Ref, str]]:
    """``CONTACTED`` between two persons with no other person between them, in V2 or verb-final order."""
    out = []
    persons = [r for r in refs if r.type == "PERSON"]
    for k in range(len(persons) - 1):
        a, b = persons[k], persons[k + 1]
        if _official(text, a, s_start) or _official(text, b, s_start):
            continue
        if re.search(r"\b(?:volgens|aldus|zegt|zei|verklaarde|verklaart|meldt|meldde)\s+$",
                     text[max(s_start, a.start - 15):a.start], re.I):
            continue  # "Volgens A belde B met C": A is the source, not the caller
        aside = _ASIDE.match(text, a.end, b.start)
        gap = _masked(text, refs, aside.end() if aside else a.end, b.start)
        inserted = re.match(r"^,\s*(?:die\b[^,]*|[a-z][^,]{0,80}),\s*(?=[a-z]|$)", gap)  # ", die ... werkte," / ", de leider,"
        if inserted is not None:
            gap = gap[inserted.end():]
        elif gap.startswith(","):
            continue  # "A, de broer van B, belde met C": B closes an apposition, the caller is A
        b_aside = _ASIDE.match(text, b.end, s_end)
        after = _masked(text, refs, b_aside.end() if b_aside else b.end, _clause_end(text, refs, b.end, s_end))
        if _NEGATION.search(gap) or _NEGATION.search(after):
            continue
        between = _CONTACT_BETWEEN.match(gap)
        inverted = re.search(r"\b" + _CALL + r"\s+$", text[max(s_start, a.start - 20):a.start].lower())
        if inverted is not None and re.fullmatch(r"(?:[a-z0-9]+\s+){0,4}?met\s+", gap) and not _NOT_A_CALL.search(gap[:-4]):
            out.append(("CONTACTED", a, b, "contact-inverted"))  # "Volgens het OM belde A (...) met B"
        elif between is not None:
            words = gap[:between.end()]
            # "P belde de broer van Q": an article or "van" makes another object than Q
            call_tail = re.search(_CALL + r"\s+(.*)$", words)
            if call_tail is not None and _NOT_A_CALL.search(call_tail.group(1)):
                continue
            if re.search(r"\b" + _SEND + r"\b", words) and not _MESSAGE.search(words):
                continue  # "stuurde geld naar B" is no contact; "stuurde berichten naar B" is
            out.append(("CONTACTED", a, b, "contact"))
        elif (_CONTACT_BEFORE_FINAL.match(gap) and _CONTACT_FINAL.match(after)
              and (gap.endswith("met ") or not _NOT_A_CALL.search(gap))):  # "dat P (...) met Q belde"
            out.append(("CONTACTED", a, b, "contact-final"))
    return out


def _persons_of(text: str, refs: list[Ref], s_start: int) -> list[Ref]:
    return [r for r in refs if r.type == "PERSON" and not _official(text, r, s_start)]


# "tegen de vermeende organisatoren A", "zes jaar cel voor A" (not "die voor A werkte")
_TEGEN = re.compile(r"(?:\btegen|(?<!\bdie )(?<!\bdat )(?<!\bwie )(?<!werkte )(?<!werkt )\bvoor)\s+"
                    r"(?:(?:de|het)\s+(?:[a-z\d-]+\s+){1,2})?$", re.I)
_LINKER = re.compile(r"^(?:\s*,\s*|\s+en\s+|\s*,\s*en\s+)$")
_GAPPED = re.compile(r"\s*,?\s*(?:(?:kreeg|krijgt|riskeert|hoorde|hoort)\s+)?")  # "A kreeg zes jaar, B vier jaar"
_TOT = re.compile(r"\s+tot\s+(?:(?:een|[a-z]+)\s+)?")


# another case named in the sentence: its defendants are no co-accused of this one
_OTHER_CASE = re.compile(r"\b(?:(?:een\s+)?andere\s+(?:zaak|strafzaak)|ander\s+(?:onderzoek|dossier)|afzonderlijke\s+zaak|los\s+daarvan"
                         r"|net\s+als)\b")


def demand_lists(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[list[Ref], str]]:
    """The defendants a sentence's demand or sentence is distributed over ("tegen A ..., tegen B ...",
    "A tot zeven jaar, B tot negen jaar"), without the acquitted."""
    pat = _patterns()
    sentence = text[s_start:s_end].lower()
    if not pat["demand"].search(sentence) or not pat["penalty"].search(sentence) or _OTHER_CASE.search(sentence):
        return []
    persons = _persons_of(text, [r for r in refs if not r.anaphor], s_start)
    items: list[Ref] = []
    for k, p in enumerate(persons):
        before = text[max(s_start, p.start - 40):p.start]
        aside = _ASIDE.match(text, p.end, s_end)
        after = aside.end() if aside else p.end
        nxt = persons[k + 1].start if k + 1 < len(persons) else s_end
        item = text[after:nxt].lower()
        tot = _TOT.match(text, after, s_end) or _GAPPED.match(text, after, s_end)
        listed = bool(items) and items[-1] is persons[k - 1] and _LINKER.match(
            text[(_ASIDE.match(text, persons[k - 1].end, s_end) or persons[k - 1]).end():p.start]) is not None
        if not (_TEGEN.search(before) or (tot and pat["penalty"].match(text.lower(), tot.end())) or listed):
            continue
        # the words of the item: before a "tegen" name ("vier jaar tegen B"), after a "tot" name ("B tot vier jaar")
        own = text[persons[k - 1].end if k else s_start:p.start].lower() if _TEGEN.search(before) else item
        if pat["acquittal"].search(own) or pat["acquittal"].search(before.lower()[-20:]):
            continue
        if (_TEGEN.search(before) and not listed and not pat["penalty"].search(own)
                and not re.match(r"\W*(?:tegen|voor)\b", own)):
            continue  # "..., die berichten stuurde voor B": no penalty of B's own
        if not listed and not pat["penalty"].search(item) and not _TEGEN.search(before):
            continue
        items.append(p)
    # "tegen A en B eiste het OM": the demand after a list holds for each; a lone "tegen A" is no list
    return [(items, "demand-list")] if len({text[r.start:r.end] for r in items}) >= 2 else []


_SAMEN = re.compile(r"\bsamen\s+met\s+(?:(?:zijn|haar|hun|de)\s+)?(?:(?:mede)?verdachten?\s+|kompanen?\s+|handlangers?\s+"
                    r"|medebeklaagden?\s+|mededaders?\s+)?$", re.I)


def together(text: str, refs: list[Ref], s_start: int, s_end: int) -> list[tuple[list[Ref], str]]:
    """"P werd samen met B (en C) aangehouden": the subject and the persons after "samen met"."""
    pat = _patterns()
    sentence = " ".join(text[s_start:s_end].lower().split())
    if (not pat["charged"].search(sentence) or pat["acquittal"].search(sentence) or _NEGATION.search(sentence)
            or _OTHER_CASE.search(sentence)):
        return []
    persons = _persons_of(text, refs, s_start)
    out = []
    for k, p in enumerate(persons):
        if not _SAMEN.search(text[max(s_start, p.start - 60):p.start]):
            continue
        subject = next((q for q in persons[:k] if q.end <= p.start), None)
        if subject is None:
            continue
        group = [subject, p]
        for q in persons[k + 1:]:
            gap = text[(_ASIDE.match(text, group[-1].end, s_end) or group[-1]).end():q.start]
            if not _LINKER.match(gap):
                break
            group.append(q)
        # the charge is the clause's own: before "samen met" ("werd samen met B aangehouden" reads on) or after the list
        last = group[-1]
        tail = text[last.end:_clause_end(text, refs, (_ASIDE.match(text, last.end, s_end) or last).end(), s_end)].lower()
        head = text[subject.end:p.start].lower()
        if not (pat["charged"].search(tail) or pat["charged"].search(head)) or re.search(r"\bgetuigen?\b", sentence):
            continue
        out.append((group, "samen-met"))
    return out


# what may stand between two persons of a list: asides, a relative clause or an apposition, then "," / "en" / "en om"
_ITEM_GAP = re.compile(r"^(?:\s*,\s*(?:die|dat|wiens)\b[^,;]{1,120},|\s*,\s*(?:de\s+|het\s+|een\s+)?[a-z][^,;]{0,80},)?"
                       r"(?:\s*,\s*|\s+en\s+(?:om\s+|tegen\s+)?|\s*,\s*en\s+(?:om\s+|tegen\s+)?)"
                       r"(?:(?:de|het|een|zijn|haar)\s+)?(?:[a-z][\w-]*\s+)?$")
_GAAT_OM = re.compile(r"^\W*(?:het\s+(?:gaat|ging)\s+om|het\s+betreft|(?:zij|ze)\s+(?:heten|zijn))\s+(?:(?:de|het|een)\s+)?"
                      r"(?:[a-z][\w-]*\s+){0,2}?$", re.I)
_PLURAL_CHARGE = re.compile(r"^(?:\s*,\s*(?:die|dat)\b[^,;]{1,120},|\s*,\s*[a-z][^,;]{0,80},)?\s*(?:zijn|werden|worden|waren"
                            r"|staan|stonden|zitten|zaten|moeten)\s+(?:[a-z0-9]+\s+){0,5}?")


def _list_after(text: str, refs: list[Ref], first: int, s_end: int) -> list[Ref]:
    """The persons listed from ``refs[first]`` on ("A (41), die ..., en B (35) en om C")."""
    group = [refs[first]]
    for r in refs[first + 1:]:
        if r.type != "PERSON":
            continue
        aside = _ASIDE.match(text, group[-1].end, r.start)
        gap = " " + re.sub(r"\bent\b", "x", _masked(text, refs, aside.end() if aside else group[-1].end, r.start))
        if not _ITEM_GAP.match(gap):
            break
        group.append(r)
    return group


def charged_lists(text: str, refs: list[Ref], s_start: int, s_end: int, previous: str) -> list[tuple[list[Ref], str]]:
    """A list of persons charged together: as the subject of a plural charge ("A, die ..., en B zijn
    aangehouden") or named after a charge ("... zijn drie mensen opgepakt. Het gaat om A en B en om C")."""
    pat = _patterns()
    persons = [r for r in refs if r.type == "PERSON" and not r.anaphor and not _official(text, r, s_start)]
    if len(persons) < 2:
        return []
    sentence = " ".join(text[s_start:s_end].lower().split())
    if (pat["acquittal"].search(sentence) or _NEGATION.search(sentence) or re.search(r"\bgetuigen?\b", sentence)
            or _OTHER_CASE.search(sentence)):
        return []
    first = refs.index(persons[0])
    group = [r for r in _list_after(text, refs, first, s_end) if not _official(text, r, s_start)]
    if len({text[r.start:r.end] for r in group}) < 2:
        return []
    head = text[s_start:persons[0].start]
    if re.search(r"\b(?:" + _words("charge_noun") + r")\s+(?:van|tegen)\s+$", head, re.I) and not re.search(
            r"\b(?:getuigen|getuige)\b", head, re.I):
        return [(group, "charge-noun-list")]  # "De rechter verlengde de voorlopige hechtenis van A en B"
    if _GAAT_OM.match(head) and pat["charged"].search(previous.lower()) and not _NEGATION.search(previous.lower()):
        return [(group, "listed-after-charge")]
    last = group[-1]
    aside = _ASIDE.match(text, last.end, s_end)
    tail = _masked(text, refs, aside.end() if aside else last.end, s_end)
    tail = " " + tail
    verb = re.compile(_PLURAL_CHARGE.pattern + r"(?:" + _words("charged") + r")\b").match(tail)
    # "Ook A en B zijn ...", "De havenarbeiders A en B staan terecht"
    if verb and re.fullmatch(r"\W*(?:(?:ook|daarnaast|verder|tevens|eveneens)\s+)?(?:(?:de|het)\s+)?(?:[A-Za-z][a-z-]*\s+)?(?-i:[a-z-]+\s+)?",
                             head, re.I) and not re.search(r"\b(?:en|of|dat|die|en|met|van|voor|door)\s*$", head, re.I):
        return [(group, "charged-subjects")]
    return []


_NOT_SUSPECTS = re.compile(r"getuige|personeel|medewerkers|werknemers|dienstjaren|ervaring|bemanning|crew")
_LINE_OPEN = re.compile(r"^[ \t]*(?:[-–•*·|]|\d{1,2}[.)])?[ \t]*", re.M)
# a line that opens with the name and gives its penalty after a colon, a dash or a table bar: "Dennis V. (41): 8 jaar"
_NAME_THEN_PENALTY = re.compile(r"\s*(?:\(\d{1,3}\)|,\s*\d{1,3}\s*(?:jaar)?)?\s*(?::|–|-|\|)\s*")


def suspect_lines(text: str, refs: list[Ref]) -> list[tuple[list[Ref], int, int]]:
    """Runs of list lines that each open with a person and give a penalty: the suspects of one case."""
    pat = _patterns()
    persons = [r for r in refs if r.type == "PERSON" and not r.anaphor]
    p_starts = [r.start for r in persons]
    out = []
    run: list[tuple[Ref, int, int]] = []

    def close() -> None:
        if len({text[r.start:r.end] for r, _, _ in run}) >= 2:
            intro = text[text.rfind("\n", 0, max(0, text.rfind("\n", 0, run[0][1]) - 1)) + 1:run[0][1]].lower()
            if _NOT_SUSPECTS.search(intro):
                return  # "Getuigen:", "Personeel:": years of service, not penalties
            out.append(([r for r, _, _ in run], run[0][1], run[-1][2]))

    last_end = -2
    for m in _LINE_OPEN.finditer(text):
        line_end = text.find("\n", m.start())
        line_end = len(text) if line_end < 0 else line_end
        k = bisect.bisect_left(p_starts, m.end())
        first = persons[k] if k < len(persons) else None
        line = text[m.start():line_end].lower()
        marked = text[m.start():m.end()].strip() != ""
        # the penalty is the line's last field: "- Dennis V.: 8 jaar cel", "2. A (33), planner – 8 jaar", "| A | 41 | 6 jaar |"
        last_field = re.split(r"[:–|]|\s-\s", line.rstrip(" |\t"))[-1]
        if re.search(r"\b(?:in dienst|werkzaam|ervaring|oud|geleden|aan boord)\b", last_field):
            last_field = ""  # "3 jaar in dienst": years of service
        ok = (first is not None and first.start == m.end() and first.end <= line_end
              and (marked or _NAME_THEN_PENALTY.match(text, first.end, line_end) is not None)
              and re.match(r"\s*(?:[\w.,€]+\s+){0,2}?(?:" + _words("penalty") + r")", last_field) is not None
              and not pat["acquittal"].search(line) and len(line) < 160)
        if ok and first is not None:
            if text.count("\n", last_end, m.start()) > 1 or last_end < 0:
                close()
                run = []
            run.append((first, m.start(), line_end))
            last_end = line_end
        elif (run and marked and text.count("\n", last_end, m.start()) <= 1 and not pat["acquittal"].search(line)
              and re.match(r"\s*(?:[\w.,€]+\s+){0,2}?(?:" + _words("penalty") + r")", last_field)):
            last_end = line_end  # a line of the list whose name was not read: the list goes on
        elif line.strip():
            close()
            run, last_end = [], -2
    close()
    return out


@Language.factory("havengraph_dutch_frames_v1", assigns=["doc._.hg_relations"])
def make_dutch_frames(nlp: Language, name: str) -> DutchFrames:
    return DutchFrames(nlp.lang)
