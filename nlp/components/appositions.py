"""Relations stated by a role apposition: "X, 40, a longshoreman at the Port of Y", "A, B et C,
membres d'équipage du Z", "de kapitein van de Y, X", "Z, the owner of W".

A person (or a list of people joined as in :mod:`nlp.components.co_accused`) followed by a role
noun (``data/role_words.tsv``) and a preposition right before another mention is tied to that
mention by the role's class: crew to a vessel and port jobs to a port or terminal are
``WORKS_AT``; jobs at a firm or a public body ``EMPLOYED_BY``; managers ``DIRECTOR_OF``; owners
``OWNS``. The same holds the other way round when the role and its place come first and the
person follows after a comma ("the second officer of the MSC Gayane, Ivan Durasevic"). The
reading is over the surface, identical in the three languages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.components.co_accused import _SHORT_ASIDE, _lists
from nlp.resources import _rows

RELATION = {
    ("crew", "VESSEL"): "WORKS_AT", ("crew", "COMPANY"): "EMPLOYED_BY", ("crew", "ORGANIZATION"): "EMPLOYED_BY",
    ("job", "PORT"): "WORKS_AT", ("job", "COMPANY"): "EMPLOYED_BY", ("job", "ORGANIZATION"): "EMPLOYED_BY",
    ("director", "COMPANY"): "DIRECTOR_OF", ("owner", "COMPANY"): "OWNS", ("owner", "VESSEL"): "OWNS",
    ("kin", "PERSON"): "FAMILY_OF",
}
MAX_REACH = 160
# a noun and "of" right before a name: "the father of X", "le gérant de X", "de vader van X"
NOUN_OF_BEFORE = re.compile(r"\b[a-zà-ÿ-]{3,} (?:of|de|du|d['’]|van) (?:the |la |le |de |het )?$", re.I)
_PREP = (r"(?:of|at|for|with|on|aboard|on board|on board of|in|assigned to|posted to|seconded to|employed by|working for|working at|hired by|de|du|de la|des"
         r"|d['’]|au|aux|à|chez|pour|pour le compte de|à bord du|à bord de|à bord|sur|employée? par|travaillant pour"
         r"|travaillant chez|van|bij|op|aan boord van|voor|in dienst van|werkzaam bij|werkzaam op|werkzaam voor)")
_ARTICLE = r"(?:(?:the|le|la|les|de|het|a|an|un|une|een|his|her|its|son|sa|zijn|haar)\s+|l['’]\s*)?"
# "la société de transport X", "het importbedrijf X": a firm noun with what the firm does
_PLACE_WORD = (r"(?:(?:[\w-]+\s+(?=(?:firm|company|société|firma)\s))?(?:port|harbour|harbor|haven|société|entreprise|company|firm|firma|\w*bedrijf|vennootschap|terminal operator|vessel|ship"
               r"|navire|schip|containerschip|vrachtschip|vraquier|porte-conteneurs|cargo|bulk carrier|container ship"
               r"|reefer|koelschip|tanker|pétrolier|minéralier|chalutier|trawler)(?:\s+(?:de|d['’])\s*[a-zà-ÿ]+)?"
               r"\s+(?:of\s+|de\s+|du\s+|d['’]|van\s+)?"
               + _ARTICLE + r")?(?:(?:mv|m/v|m\.v\.|mt|ms|m/s)\s+)?")
# a nationality stated between the name and the job: "A, 39, is a Lithuanian national who served as ...",
# "A, 33, and B, 40, both citizens of the Dominican Republic, were crew members of ..."
_NATIONALITY = (r"(?:(?:(?:is|was|are|were|est|était|is|was)\s+)?(?:both\s+|all\s+|tous\s+(?:deux\s+)?|beiden\s+)?(?:an?\s+|une?\s+|een\s+)?"
                r"(?:[\w-]+\s+){0,2}?(?:nationals?|citizens?|ressortissante?s?|onderdanen|onderdaan)"
                r"(?:\s+(?:of|de|du|van)\s+[^,;()]{1,40}?)?\s*(?:,\s*|\s+(?:who|qui|die)\s+(?=\w)))?")
_LEAD = r"(?:(?:(?:who|qui|die|and|et|en)\s+)?(?:is|was|were|are|est|était|sont|étaient|waren|zijn|works|worked|working|travaille|travaillait|werkt|werkte|werkzaam|served|serves|serving|acted|acts|acting|fungeerde|fungeert|officiait)\s+(?:as\s+|comme\s+|en tant que\s+|als\s+)?)?(?:(?:both|all|tous|toutes|beiden|allen)\s+(?:(?:deux|trois|quatre|twee|drie|vier|three|four)\s+)?)?"


@cache
def _roles(lang: str) -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    out = []
    for row in _rows("role_words.tsv"):
        if len(row) >= 3 and row[0] == lang:
            role = r"(?P<role>" + row[2] + r")"
            after = re.compile(r"(?:" + _SHORT_ASIDE + r")*\s*,?\s*" + _NATIONALITY + _LEAD + _ARTICLE
                               + r"(?:(?!(?:and|et|en|or|ou|of)\s)[\w'’-]+\s+){0,2}?" + role  # "and the owner": someone else
                               + r"(?:\s+(?:(?:de|d['’])\s*)?[a-zà-ÿ]+)?"  # "seaman aboard", "agent de maîtrise chez"
                               + r"\s+(?:(?:employed|working|hired|employée?|travaillant|werkzaam|actif|active|based)\s+)?"
                               + _PREP + r"\s+" + _ARTICLE + _PLACE_WORD, re.I)
            before = re.compile(r"(?:^|[,;:(]\s*|\b(?:the|le|la|de|het|a|an|un|une|een)\s+|\b[lL]['’]\s*)(?:[\w'’-]+\s+){0,2}?" + role.replace("(?P<role>", "(?:") + r"\s+" + _PREP
                                + r"\s+" + _ARTICLE + _PLACE_WORD + r"$", re.I)
            out.append((row[1], after, before))
    return out


def apposition_relations(text: str, refs: Sequence, s_start: int, s_end: int, lang: str) -> list[tuple[str, int, int]]:
    """``(type, source index, target index)`` stated by role appositions among the mentions of one sentence."""
    roles = _roles(lang)
    if not roles:
        return []
    # "the father of X, Y": X is no member of a list with Y
    lists = {group[-1]: group for group in _lists(text, refs, plain=True)
             if not NOUN_OF_BEFORE.search(text[max(s_start, refs[group[0]].start - 40):refs[group[0]].start])}
    out: list[tuple[str, int, int]] = []
    for i, ref in enumerate(refs):
        if ref.anaphor and ref.type != "PERSON" and (ref.type not in ("VESSEL", "COMPANY") or ref.start == ref.end):
            continue  # "the vessel" and "the company" stand for their antecedent when a role names them
        if ref.type == "PERSON" and _after_role(text, refs, i, roles, lists, out, lang):
            continue
        if ref.type in ("VESSEL", "PORT", "COMPANY", "ORGANIZATION", "PERSON") and i + 1 < len(refs):
            person = refs[i + 1]
            if person.type != "PERSON" or person.anaphor or not _NAME_AFTER.fullmatch(text[ref.end:person.start]):
                continue
            if ref.type == "PERSON" and ref.anaphor:
                continue
            head_start = max(s_start, ref.start - 80)
            head = text[head_start:ref.start]
            group = next((g for g in _lists(text, refs, plain=True) if g[0] == i + 1), [i + 1])
            for cls, _after, before in roles:
                type_ = RELATION.get((cls, ref.type))
                found = before.search(head) if type_ else None
                if found and not _role_of_person_before(text, refs, i, head_start + found.start(), found.group(0)):
                    out.extend((type_, k, i) for k in group if refs[k].type == "PERSON")
                    break
    return out


_PLACES_IN_ASIDES = ("LOCATION", "PORT")  # a home town in a person's asides ("of Elizabeth", "uit Breda")
_JOINED = re.compile(r"[,;:(]?\s*(?:and|et|en|or|ou|of)\b", re.I)
_ASIDES_ONLY = re.compile(r"(?:" + _SHORT_ASIDE + r")*\s*[,(]?\s*", re.I)


def _role_of_person_before(text: str, refs: Sequence, i: int, role_start: int, role: str) -> bool:
    """Whether the role phrase before ``refs[i]`` is the apposition of the person named just before it
    ("John Carver, 41, a crane operator employed by X, Mark Ellis and ...": the job is Carver's, and
    the names after X are the next members of a list, not X's staff)."""
    k = i - 1
    while k >= 0 and refs[k].type in _PLACES_IN_ASIDES:  # "A, 44, of Elizabeth, a checker employed by X, B ..."
        k -= 1
    if k < 0 or refs[k].type != "PERSON" or refs[k].end > role_start or _JOINED.match(role):
        return False  # "A, and the owner of X, B": a new member of the list, with its own role
    asides = _ASIDES_ONLY.match(text, refs[k].end)
    return asides is not None and asides.end() >= role_start


# a role noun in the singular ("a docker", "zaakvoerder"); plurals ("dockers", "membres d'équipage", "matrozen")
# and participles ("employed", "werkzaam", "in dienst"), which have no number, are read for a whole list
_PLURAL_WORD = re.compile(r"[\w'’-]*(?:[^s\W]s|x|men|en|ed|ing|é|ée|ées|zaam|dienst)", re.I)


def _singular(role: str) -> bool:
    return not any(_PLURAL_WORD.fullmatch(w) for w in role.split())


_ALL = re.compile(r"\b(?:both|all|each|tous|toutes|chacun|beiden|allen|beide|elk)\b", re.I)
# "the master of the vessel, Captain Oleg Varga", "de vader van Jonas P., Marc P."
_NAME_AFTER = re.compile(r"\s*[,:]\s*(?:[a-zà-ÿ][^,;.()\d]{2,60},\s*)?(?i:(?:captain|capt\.|capitaine|commandant|kapitein)\s+)?"
                         r"(?:(?:Mr|Mrs|Ms|Mme|Mlle|M|Dhr|Mevr)\.?\s+|(?:Monsieur|Madame|mevrouw|de heer)\s+)?")


@cache
@cache
def kin_words(lang: str) -> re.Pattern[str] | None:
    """Any kin noun of the language's kin row ("brother", "épouse", "zwager")."""
    rows = [row[2] for row in _rows("role_words.tsv") if len(row) >= 3 and row[0] == lang and row[1] == "kin"]
    return re.compile(r"\b(?:" + "|".join(rows) + r")s?\b", re.I) if rows else None


@cache
def kin_of(lang: str) -> re.Pattern[str] | None:
    """A kin noun and "of" right before a name ("De echtgenote van Dekker", "the wife of X"), from the kin row."""
    rows = [row[2] for row in _rows("role_words.tsv") if len(row) >= 3 and row[0] == lang and row[1] == "kin"]
    if not rows:
        return None
    return re.compile(r"\b(?:" + "|".join(rows) + r")\s+(?:of|van|de|du|d['’])\s*(?:the\s+|het\s+|de\s+|la\s+|le\s+)?$",
                      re.I)


def _after_role(text: str, refs: Sequence, i: int, roles: list, lists: dict, out: list, lang: str = "") -> bool:
    """A person followed by a role and its place: "X, 40, a longshoreman at the Port of Y". A person named
    as whose kin someone is ("De echtgenote van Dekker, die mede-eigenaar van het bedrijf is") takes no
    role of the clause after the name: the clause is the kin's."""
    ref = refs[i]
    kin = kin_of(lang)
    if kin is not None and kin.search(text[max(0, ref.start - 40):ref.start]):
        return False
    for j in range(i + 1, min(len(refs), i + 4)):
        target = refs[j]
        if target.anaphor or target.start - ref.end > MAX_REACH or target.type not in ("VESSEL", "PORT", "COMPANY",
                                                                                        "ORGANIZATION"):
            continue
        between = _row_role(text, ref.start, text[ref.end:target.start])
        if not _OPENS_ROLE.match(between):
            continue  # "X told the driver at Y": the role is someone else's, the name is the verb's subject
        if BARE_ROLE_CELL.fullmatch(between) and _ITEM_END.match(text, target.end) and j == i + 1 + sum(
                1 for r in refs[i + 1:j] if r.type in _PLACES_IN_ASIDES):
            # "A, 41, crane operator, Harwich Lashing Ltd; B, ...": a list item of name, job and employer
            between = between.rstrip()[:-1] + {"fr": " chez ", "nl": " bij "}.get(lang, " at ")
        for cls, after, _before in roles:
            type_ = RELATION.get((cls, target.type))
            found = after.fullmatch(between) if type_ else None
            if found:
                # "A, B en om C, zaakvoerder van X": a singular role is the last name's alone
                members = lists.get(i, [i]) if not _singular(found.group("role")) or _ALL.search(
                    found.group(0)) else [i]
                out.extend((type_, k, j) for k in members if refs[k].type == "PERSON")
                return True
    return False


# how an apposition or a predicate opens after a name: a comma, a bracket or a colon (after asides), or a
# copula or job verb ("X is a docker at Y", "X worked as a crane operator for Y", "X has been a director of Y")
_OPENS_ROLE = re.compile(r"(?:" + _SHORT_ASIDE + r")*\s*(?:[,(:;–-]|(?:who|qui|die|and|et|en|is|was|were|are|est|était|sont"
                         r"|étaient|waren|zijn|works|worked|working|travaille|travaillait|travaillaient|werkt|werkte|werkten"
                         r"|werkzaam|served|serves|serving|acted|acts|acting|fungeerde|fungeert|officiait|has|had|have|heeft"
                         r"|hebben|a|avait|ont|became|becomes|become|remains|remained|devenu|devenue|werd|wordt|reste|restait"
                         r"|bleef|blijft|as|als|comme|en tant que|employed|employée?|hired|engagé|engagée|aangenomen)\b)", re.I)


# a list item "A, 41, crane operator, X;": the job written bare between commas, then the employer
BARE_ROLE_CELL = re.compile(r"(?:\s*[,(]\s*\d{1,3}(?:\s*(?:ans|jaar|years old))?\s*\)?)?(?:\s*,\s*[^,;()\n]{2,40})?\s*,\s*"
                             r"[a-zà-ÿ][a-zà-ÿ' ’-]{2,40},\s*")
_ITEM_END = re.compile(r"\s*(?:[;\n)]|\.\s*$|\.\s+[A-ZÀ-Ý]|$|\s+[–-]\s)")


# the cells of a table row between its first cell, a name, and the cell of the person's job
# ("Quang Pham | 29 | Summerville | lasher employed by Palmetto Lashing Services Inc. | 70 months")
_ROW_CELLS = re.compile(r"[ \t]*\|(?:[^|\n]*\|){0,4}[ \t]*")
_CELL_PLACE = re.compile(r"(.*\S)\s*,\s*")


def _row_role(text: str, start: int, between: str) -> str:
    """The text between a name and a later mention, read as an apposition when the name is the first
    cell of a table row: the cells between them drop out, and a job cell that gives the place after a
    comma ("checker, Marsh Point Terminal") reads as "checker at". Any other text comes back as it is."""
    line_start = text.rfind("\n", 0, start) + 1
    cells = _ROW_CELLS.match(between)
    if cells is None or cells.end() == 0 or text[line_start:start].strip(" \t-*") or "|" in between[cells.end():]:
        return between
    role = between[cells.end():]
    comma = _CELL_PLACE.fullmatch(role)
    return ", " + (comma.group(1) + " at " if comma else role)


# officials: "Detective Sergeant Karen Doyle of the Australian Federal Police", "Border Force officer Mark Ellery"
_OFFICIAL_TITLE = (r"(?:detective|sergeant|inspector|chief|superintendent|constable|branch|commander|officers?|special|agents?"
                   r"|in charge|spokes(?:person|man|woman)|director|deputy|assistant|commissioner|minister|secretary|head"
                   r"|senior|investigating|investigators?|prosecutors?|attorney|garda|officier|commissaire|inspect(?:eur|rice)"
                   r"|procureure?|directeur|directrice|porte-parole|woordvoerder|woordvoerster|rechercheur|hoofdinspecteur"
                   r"|commissaris|officier van justitie|staatssecretaris|analyst|analiste|head of \w+|executive|acting"
                   r"|regional|national|(?:agent )?in charge|commandant|capitaine|lieutenant|brigadier(?:-chef)?|adjudant(?:-chef)?|major"
                   r"|colonel|gendarme|enquêt(?:eur|rice)|agents? de police|officier de police judiciaire|recherchechef"
                   r"|teamleider|politie-?inspecteur|douanier|douanière)")
_TITLES_BEFORE = re.compile(r"(?:^|\b)(?:" + _OFFICIAL_TITLE + r"\s+){1,5}$", re.I)
_OF_BODY = re.compile(r"\s*,?\s*(?:of|from|with|at|de|du|van|bij)\s+(?:the\s+|la\s+|le\s+|l['’]|de\s+|het\s+)?", re.I)
_BODY_TITLE = re.compile(r"(?:['’]s)?\s+(?:" + _OFFICIAL_TITLE + r"\s+){1,5}", re.I)
# "Ricky Patel, the Special Agent in Charge of HSI Newark": the title after the name, then the body
_TITLE_AFTER = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:" + _OFFICIAL_TITLE + r"\s+){1,6}(?:of|at|with|for|de|du|van|bij)"
                          r"\s+(?:the\s+|la\s+|le\s+|l['’]|de\s+|het\s+)?", re.I)
PUBLIC_BODY = re.compile(r"police|politie|customs|douane|garda|border|crime agency|\bNCA\b|federal|bureau|agency|office"
                        r"|ministry|minist|department|authority|service|force|prosecut|parquet|parket|\bHSI\b|homeland"
                        r"|\bDEA\b|\bFBI\b|\bAFP\b|\bABF\b|\bPSNI\b|\bCBP\b|revenue|gendarmerie|europol|eenheid|\bunit\b"
                        r"|squad|directorate|direction|marechaussee|guardia|carabinieri|\bOFAST\b|\bDNRED\b|\bFIOD\b"
                        r"|\bKMar\b|\bGNDOCB\b|\bOCRTIS\b|\bOM\b|parket|ministerie", re.I)


_ACRONYM = re.compile(r"[A-Z]{3,8}")


def official_relations(text: str, refs: Sequence, s_start: int, s_end: int) -> list[tuple[str, int, int]]:
    """EMPLOYED_BY for officials named with their title and their body."""
    out = []
    for i, ref in enumerate(refs):
        if ref.type != "PERSON" or ref.anaphor:
            continue
        titled = _TITLES_BEFORE.search(text[max(s_start, ref.start - 60):ref.start]) is not None
        if i + 1 < len(refs):
            body = refs[i + 1]
            link = _OF_BODY if titled else _TITLE_AFTER
            if body.type in ("ORGANIZATION", "COMPANY") and not body.anaphor and link.fullmatch(
                    text[ref.end:body.start]) and (PUBLIC_BODY.search(text[body.start:body.end])
                                                   or _ACRONYM.fullmatch(text[body.start:body.end])):
                out.append(("EMPLOYED_BY", i, i + 1))  # "Detective Superintendent X of the GNDOCB": an acronym too
                continue
        if i > 0:
            body = refs[i - 1]
            if body.type in ("ORGANIZATION", "COMPANY") and not body.anaphor and _BODY_TITLE.fullmatch(
                    text[body.end:ref.start]) and PUBLIC_BODY.search(text[body.start:body.end]):
                out.append(("EMPLOYED_BY", i, i - 1))
            elif body.type == "COMPANY" and not body.anaphor and _FIRM_JOB.fullmatch(text[body.end:ref.start]):
                out.append(("EMPLOYED_BY", i, i - 1))  # "DP World employee Mark Hale", "Harbourline stevedore X"
            elif body.type == "COMPANY" and not body.anaphor and _FIRM_HEAD.fullmatch(text[body.end:ref.start]):
                out.append(("DIRECTOR_OF", i, i - 1))  # "Nordsee Shipmanagement managing director Claudia B."
        if i + 1 < len(refs) and refs[i + 1].type == "ORGANIZATION" and not refs[i + 1].anaphor \
                and text[ref.end:refs[i + 1].start].strip() == "," \
                and _TITLE_CLOSE.match(text, refs[i + 1].end) and PUBLIC_BODY.search(text[refs[i + 1].start:refs[i + 1].end]):
            out.append(("EMPLOYED_BY", i, i + 1))  # "Jayne Lloyd, NCA Branch Commander, said"
            continue
        if titled and i + 1 < len(refs) and _ACRONYM_AFTER.fullmatch(text[ref.end:refs[i + 1].start]) \
                and refs[i + 1].type == "ORGANIZATION" and _ACRONYM.fullmatch(text[refs[i + 1].start:refs[i + 1].end]) \
                and text[refs[i + 1].end:refs[i + 1].end + 1] in (",", ")", ";", "."):
            out.append(("EMPLOYED_BY", i, i + 1))  # "Detective Superintendent Orla K., GNDOCB, said"
    return out


_FIRM_HEAD = re.compile(r"(?:(?:['’]s)?\s+(?:(?:managing|executive|general|sole)\s+)?(?:director|ceo|chief executive"
                        r"|chairman|chairwoman|president|founder|co-founder)\s+"
                        r"|['’]s\s+(?:(?:managing|executive|general|sole|commercial|operations)\s+)?(?:director|ceo"
                        r"|chief executive(?: officer)?|chairman|chairwoman|president|founder|co-founder|boss"
                        r"|general manager|manager)\s*,\s*)", re.I)
# the title after a body written after a name: "X, NCA Branch Commander,"
_TITLE_CLOSE = re.compile(r"(?:['’]s)?\s+(?:" + _OFFICIAL_TITLE + r"\s+){0,4}" + _OFFICIAL_TITLE + r"\s*[,;.]", re.I)
_ACRONYM_AFTER = re.compile(r"\s*[,(]\s*")
_FIRM_JOB = re.compile(r"(?:['’]s)?\s+(?:(?:longtime|long-time|senior|junior|veteran)\s+)?(?:employee|worker|driver"
                       r"|truck driver|lorry driver|stevedore|longshoreman|docker|dockworker|crane operator|planner|clerk"
                       r"|supervisor|manager|foreman|engineer|agent|broker|dispatcher|straddle carrier driver|security guard"
                       r"|medewerker|werknemer|chauffeur|planner|employé|salarié|cariste|grutier)\s+", re.I)


# between a name and its firm after a role written before the name: "(41)", ", 41,", then "of" / "van" / "de" / "bij"
_STAFF_OF = re.compile(r"\s*(?:\(\d{1,3}\)|,\s*\d{1,3}(?:\s*(?:ans|jaar))?\s*,)?\s*,?\s*(?:of|from|at|with|van|bij|de|du|d['’]|chez)\s+"
                       r"(?:the\s+|la\s+|le\s+|l['’]|de\s+|het\s+)?(?:(?:company|firm|société|entreprise|bedrijf|firma|\w+bedrijf)\s+)?",
                       re.I)


@cache
def _roles_before_name(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for row in _rows("role_words.tsv"):
        if len(row) >= 3 and row[0] == lang and row[1] in ("job", "director", "owner"):
            out.append((row[1], re.compile(r"(?:^|[\s(:;,])(?:the|le|la|l['’]|de|het|a|an|un|une|een)?\s*(?:[\w-]+\s+)?(?:"
                                           + row[2] + r")\s*$", re.I)))
    return out


def staff_before_name(text: str, refs: Sequence, s_start: int, lang: str) -> list[tuple[str, int, int]]:
    """``(type, person index, firm index)`` for a role written before a name and the firm after it: "De
    havenarbeider Jan W. van Maasstad Stevedoring BV", "le gérant Paul F. de la société X", "crane operator
    Liam C. of Harwich Lashing Ltd". A public body's officials are read by :func:`official_relations`."""
    out = []
    roles = _roles_before_name(lang)
    for i, ref in enumerate(refs[:-1]):
        firm = refs[i + 1]
        if ref.type != "PERSON" or ref.anaphor or firm.anaphor or firm.type not in ("COMPANY", "ORGANIZATION"):
            continue
        if not _STAFF_OF.fullmatch(text[ref.end:firm.start]) or (i > 0 and refs[i - 1].end > ref.start - 40):
            continue  # another mention right before the role: the role may be its
        head = text[max(s_start, ref.start - 40):ref.start]
        for cls, pattern in roles:
            type_ = RELATION.get((cls, firm.type))
            if type_ and pattern.search(head):
                out.append((type_, i, i + 1))
                break
    return out


# "the company" / "l'entreprise" / "het bedrijf" not followed by a name: the firm named before
_DEFINITE_FIRM = re.compile(r"\b(?:the (?:company|firm)|l['’]entreprise|la société|het bedrijf|de firma|de onderneming"
                            r"|de vennootschap)\b(?!\s*(?-i:[A-ZÀ-Ý0-9]))", re.I)


def roles_at_the_firm(text: str, refs: Sequence, s_start: int, s_end: int, lang: str) -> list[tuple[str, int, int]]:
    """``(type, person index, firm index)`` for a role apposition whose place is "the company" and the one firm
    named before in the sentence: "A, director of X Ltd, and his son B, an employee of the company", "salarié de
    l'entreprise", "werknemer van het bedrijf"."""
    roles = _roles(lang)
    out = []
    for i, ref in enumerate(refs):
        if ref.type != "PERSON" or ref.anaphor:
            continue
        nxt = min([r.start for r in refs[i + 1:] if r.start >= ref.end] + [s_end])
        match = _DEFINITE_FIRM.search(text, ref.end, nxt)
        if match is None or match.start() - ref.end > 80:
            continue
        firms = {(r.target_start, r.target_end): k for k, r in enumerate(refs[:i]) if r.type == "COMPANY"}
        if len(firms) != 1:
            continue  # two firms before: "the company" could be either
        k = next(iter(firms.values()))
        between = text[ref.end:match.end()] + " "
        if not _OPENS_ROLE.match(between):
            continue
        for cls, after, _before in roles:
            type_ = RELATION.get((cls, "COMPANY"))
            if type_ and after.fullmatch(between):
                out.append((type_, i, k))
                break
    return out
