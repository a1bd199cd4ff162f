"""People and firms named together as charged, arrested or sentenced: ``CO_ACCUSED`` pairs.

Indictments, sentencing releases and police statements name co-defendants as one list: "A, 41,
of Miami, B and C were charged", "police arrested A and B", "A en B werden veroordeeld", "A, B
et C ont été mis en examen". A *list* is a run of PERSON and COMPANY mentions joined only by
commas, "and"/"et"/"en"/"&", "along with"/"samen met"/"avec" (and "his co-defendant", "its
director" before a member), with ages, home towns ("of Miami, Florida"), aliases, short role
appositions ("a crane operator") and brackets as asides. A list is co-accused when a word of
the criminal process (``data/charge_words.tsv``) follows its last member before any other
mention, or stands right before its first member. Every pair of the list is a ``CO_ACCUSED``.

The reading is over the surface, so it is the same for the three languages (Dutch has no
parser). Lists that a verb interrupts ("A was jailed for 14 years and B received 11") are read clause by
clause in :mod:`nlp.components.co_accused_runs`. A charge word right after a negation ("were not charged",
"n'ont pas été poursuivis", "werden niet vervolgd") does not count.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from nlp.resources import _lines, _rows

MEMBER_TYPES = frozenset({"PERSON", "COMPANY"})
MAX_GAP_AFTER = 70

_NOT_CONJ = (r"(?!(?:and|et|en|or|ou|as well as|ainsi que|alsook|along with|together with|avec|samen met|met|with|his|her"
             r"|son|sa|zijn|haar|diens|were|was|are|is|have|has|had|will|would|who|which|said|told|ont|sont|était|étaient|qui"
             r"|werden|waren|zijn|die|dat|heeft|hebben)\b)")
# ages, home towns, aliases, brackets: what an apposition reading may step over
_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|un|deux|trois|quatre|cinq|six|sept|huit"
                 r"|neuf|dix|onze|douze|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf")
_SHORT_ASIDE = (r"(?:,?\s*\(\s*(?:aged?\s+)?\d{1,3}(?:\s*(?:ans|jaar|years?))?\s*\)"
                r"|,\s*(?:aged?\s+)?\d{1,3}(?:\s*(?:ans|jaar|years? old))?(?=\s*[,;])"
                r"|,\s*(?:of|from|de|d['’]|uit|van|wonende te|domicilié à|both of|all of|tous deux de|beiden uit)\s+[^,;()]{1,40}"
                r"(?:,\s*[A-Z][\w. ]{1,25})?(?=\s*[,;])"
                r"|,\s*(?:also known as|a\.k\.a\.|a/k/a|aka|alias|dit|dite|genaamd|bijgenaamd)\s+[\"“][^\"”]{1,40}?,?[\"”]"
                r"(?:\s*,?\s*(?:of|from|de|uit|van)\s+[^,;()]{1,40})?(?=\s*[,;])"
                r"|,\s*(?:also known as|a\.k\.a\.|a/k/a|aka|alias|dit|dite|genaamd|bijgenaamd)\s+[^,;]{1,40}(?=\s*[,;]))")
_ASIDE = (r"(?:,?\s*\(\s*(?:aged?\s+)?\d{1,3}(?:\s*(?:ans|jaar|years?))?\s*\)"
          r"|,\s*(?:aged?\s+)?\d{1,3}(?:\s*(?:ans|jaar|years? old))?(?=\s*[,;])"
          r"|,\s*(?:of|from|de|d['’]|uit|van|wonende te|domicilié à|both of|all of|tous deux de|beiden uit)\s+[^,;()]{1,40}"
          r"(?:,\s*[A-Z][\w. ]{1,25})?(?=\s*[,;])"
          r"|,\s*(?:also known as|a\.k\.a\.|a/k/a|aka|alias|dit|dite|genaamd|bijgenaamd)\s+[\"“][^\"”]{1,40}?,?[\"”]"
                r"(?:\s*,?\s*(?:of|from|de|uit|van)\s+[^,;()]{1,40})?(?=\s*[,;])"
                r"|,\s*(?:also known as|a\.k\.a\.|a/k/a|aka|alias|dit|dite|genaamd|bijgenaamd)\s+[^,;]{1,40}(?=\s*[,;])"
          # (not the French verb "a": ", a témoigné", ", a été condamné")
          r"|,\s*(?!a\s+(?:été|[\w-]+(?:é|ée|és|i|is|u|us|it|ait)\b))(?:a|an|the|un|une|le|la|een|de|het)\s+(?:(?!\b(?:whose|dont|wiens|wier|waarvan)\b)[^,;()]){1,80}(?=\s*[,;])"
          r"|,\s*" + _NOT_CONJ + r"[a-zà-ÿ](?:(?!\b(?:whose|dont|wiens|wier|waarvan)\b)[^,;()]){1,60}(?=\s*,)"  # ", docker,"
          r"|\s*\([^()]{1,60}\)"
          r"|,\s*(?:who|qui|die)\s+[^,;()]{1,60}(?=\s*,)"  # ", who also worked on the docks,"
          # a home town without commas: "Jan de B. (34) uit Rotterdam en Kees S. (41) uit Schiedam"
          r"|\s+(?:uit|from|of|de|d['’]|van)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?(?=\s+(?:and|et|en)\b|\s*[,;])"
          # the term after a dash or colon, with the home town before it: "A, 41, Newark - 120 months; B ..."
          r"|,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}(?=\s*[-–—:]\s*\d{1,3}\s+(?:months?|years?|ans|mois|jaar|maanden)\b)"
          r"|\s*[-–—:]\s*\d{1,3}\s+(?:months?|years?|ans|mois|jaar|maanden)\b(?:\s+(?:in prison|in federal prison|of imprisonment"
          r"|de prison|d['’]emprisonnement|cel|gevangenisstraf))?(?=\s*[,;.]|\s+(?:and|et|en)\b|\s*$)"
          # the sentence of each, in a list of people sentenced one after the other
          r"|\s+(?:à|to|tot)\s+(?:[\w'’-]+\s+){0,4}?(?:ans?|years?|months?|mois|jaar|maanden)(?:\s+(?:d['’]emprisonnement"
          r"|de prison|ferme|avec sursis|in prison|of imprisonment|cel|gevangenisstraf|celstraf|onvoorwaardelijk"
          r"|voorwaardelijk))*"
          r"|\s+(?:\d{1,3}|" + _NUMBER_WORDS + r")\s+(?:ans|years|jaar|maanden|months|mois)\b(?:\s+(?:cel|de prison|in prison|gevangenisstraf))?(?=\s+(?:and|et|en)\b|\s*[,;.]))")
_KIN_ROLE = (r"(?:brother|sister|son|daughter|father|mother)-in-law|beau-frère|belle-sœur|belle-soeur|beau-père|belle-mère"
             r"|uncle|daughters?|mother|nieces?|stepson|girlfriend|boyfriend|neveux?|oncle|nièce|père|mère|sœur|soeur|gendre"
             r"|femme|mari|compagne|compagnon|cousines?|filles?|oom|vader|moeder|zus|zuster|zwager|schoonzoon|schoonvader"
             r"|echtgenote|echtgenoot|dochter|vriendin|co-?defendants?|co-?accused|co-?conspirators?|brothers?|sisters?|sons?|father|wife|husband|partner|directors?"
             r"|officers|managers?|dirigeants?|gérants|administrateurs?|directeurs?|bestuurders|directeuren|werknemers?"
             r"|owners?|president|ceo|propriétaire|eigenaar"
             r"|manager|associates?|accomplices?|cousins?|nephews?|employees?|complices?|frères?|fils|gérant|épouse"
             r"|co-?prévenus?|acolytes?|comparses?|broers?|zoons?|zaakvoerder|bestuurder|handlangers?|kompanen|kompaan"
             r"|medeverdachten?|neef|vrouw|company|firm|société|entreprise|bedrijf|firma|vennootschap")
_LISTED_ROLES = "|".join(sorted((w.replace("_", r"\s+") for line in _lines("listed_roles.txt") for w in line.split()),
                                key=len, reverse=True))


_TERM_AGAINST = r"(?:[,;]\s*(?:(?:and|et|en)\s+)?|\s*(?:and|et|en)\s+)(?:\d{1,3}|" + _NUMBER_WORDS + r")\s+(?:[\w'’-]+\s+){0,3}?(?:against|contre|tegen|for|pour|voor)"


def _separator(aside: str) -> re.Pattern[str]:
    return re.compile(
        r"^(?:" + aside + r")*\s*(?:,\s*(?:ainsi que|as well as|alsook|evenals|de même que|along with|together with|samen met)"
        r"|(?:,|;)(?:\s*(?:and|et|en)(?:\s+(?:de|of|van)|\s+d['’])?)?|\s*(?:and|et|en)\s+(?:[\w'’-]+\s+){0,3}?(?:against|contre|tegen)"
        # "acht jaar tegen A, zes jaar tegen B en vier jaar tegen C": a term before each name
        r"|" + _TERM_AGAINST + r"|\s*(?:et de|et d['’]|en van|en om|and of|and|et|en|&|as well as|ainsi que|alsook|along with"
        r"|together with|avec|samen met|met))"
        # "en de 41-jarige B", "and 35-year-old B"
        r"(?:\s+(?:(?:de|het|een|the|a|le|la)\s+)?\d{1,3}[- ](?:jarige|year-old|years-old|ans)\b)?"
        r"(?:\s+(?:his|her|its|their|son|sa|ses|leur|zijn|haar|hun|diens|dier|wiens)(?:\s+[\w-]+){0,2}?\s+(?:"
        + _KIN_ROLE + r")\s*,?"
        # "and a third crew member, C", "et un autre docker, C"
        r"|\s+(?:a|an|the|un|une|le|la|een|de)\s+(?:first|second|third|fourth|fifth|other|another|fellow|premier|première"
        r"|deuxième|troisième|quatrième|autre|eerste|tweede|derde|vierde|andere)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*,"
        # "and the cook, B", "and the ship's bosun, B", "and chief officer B", "et le docker B", "en de stuurman B"
        r"|\s+(?:(?:the|le|la|l['’]|de|het)\s*(?:ship['’]s\s+|vessel['’]s\s+)?)?(?:" + _LISTED_ROLES + r")(?:\s*,)?)?(?:\s+(?:two|three|four|five|deux|trois|quatre|cinq|twee|drie|vier|vijf)\s+[\w-]+\s*,)?"
        r"(?:\s+(?:la|le|l['’]|the|het|de)\s*(?:[\w-]+\s+){0,2}?(?:société|entreprise|firme|company|firm|[\w-]*bedrijf|firma"
        r"|vennootschap|rederij)(?:\s+(?:de|d['’])\s*[\w-]+)?)?\s*$", re.I)


_SEPARATOR = _separator(_ASIDE)
_PLAIN_SEPARATOR = _separator(_SHORT_ASIDE)  # no role of its own between the members
_OPENER = re.compile(r"^(?:" + _SHORT_ASIDE + r")*\s*(?:,\s*" + _NOT_CONJ + r"[a-zà-ÿ][^,;()]{0,60}|\s*\([^()]{0,60})$")
_TAIL = re.compile(r"(?:" + _ASIDE + r")*", re.I)  # used with match(text, pos): no "^"
_CLAUSE = re.compile(r"[.;:!?\n]")
# "along with his cousin, B", "alongside a third man, B"; "arrested with B" only right after a charge verb
_ALONG = re.compile(r"\b(?:along with|together with|alongside|as did|as (?:was|were|had|has)|avec|en même temps que|aux côtés de"
                    r"|tout comme|de même que|samen met|net als|evenals|net zoals"
                    r"|(?:arrested|charged|convicted|indicted|sentenced|detained|tried|jailed|prosecuted|apprehended)"
                    r"(?:\s+\w+ly)?\s+with)"
                    r"(?:\s+(?:(?:his|her|their|son|sa|ses|leur|zijn|haar|hun)\s+(?:[\w-]+,?\s+){0,2}?"
                    r"|(?:a|an|un|une|een)\s+(?:second|third|fourth|fifth|other|another|fellow|deuxième|troisième|autre"
                    r"|tweede|derde|andere)\s+(?:[\w-]+\s+){0,1}?[\w-]+\s*,\s*"
                    r"|(?:the|le|la|l['’]|de|het)\s*(?:ship['’]s\s+|vessel['’]s\s+)?(?:" + _LISTED_ROLES + r")\s*,\s*"
                    # "alongside accomplices B and C", "avec ses complices B et C", "samen met medeverdachte B"
                    r"|(?:(?:his|her|their|son|sa|ses|leur|leurs|zijn|haar|hun|the|les|de)\s+)?(?:fellow\s+|two\s+|three\s+)?"
                    r"(?:co-?defendants?|co-?accused|co-?conspirators?|accomplices?|complices?|co-?prévenue?s?|coprévenue?s?"
                    r"|medeverdachten?|mededaders?|handlangers?)\s*,?\s*))?\s*$")
# a co-defendant named as such joins without a charge word; an accomplice (ASSOCIATE_OF) does not
_CO_NOUN = re.compile(r"\b(?:co-?defendants?|co-?accused|co-?prévenue?s?|coprévenue?s?|medeverdachten?|medebeklaagden?)\b", re.I)
# "Sentenced alongside him were B and C", "Samen met hem werden B en C veroordeeld"
_ALONG_BEFORE = re.compile(r"\b(?:alongside|along with|together with|with|avec|aux côtés de|samen met|met)\s*$")
_INVERTED = re.compile(r"^\s*(?:were|was|are|have been|ont été|sont|werden|zijn|waren)\b(?:\s+(?:also|ook|également))?\s*$")
# a Dutch separable verb around the list: "De politie hield dinsdag A en B aan"
_SPLIT_VERB_HEAD = re.compile(r"\b(?:hield|hielden|houdt|houden|nam|namen|neemt|nemen|staan|stonden|staat|stond)\b[^.;:]{0,40}$")
# "... dinsdag aan", "Sinds maandag staan A en B terecht"
_SPLIT_VERB_TAIL = re.compile(r"^(?:\s*\(\d{1,3}\))?[\s,]*(?:[\w-]+\s+){0,3}?(?:aan|in (?:hechtenis|verzekering|bewaring)|terecht)\b")
# a case caption: "United States v. A and B", "R v A and B"
_CAPTION = re.compile(r"\b(?:v|vs)\.?\s*$|\bversus\s*$")


class _Ref(Protocol):
    start: int
    end: int
    type: str
    anaphor: bool


# "arrested three men:", "a interpellé quatre personnes :", "hield twee verdachten aan:"
_COUNT = (r"(?:(?:a total of |au total |in totaal )?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|deux|trois"
          r"|quatre|cinq|sept|huit|neuf|dix|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(?:other |more |further "
          r"|autres |andere )?)?")


# a day between the verb and its objects: "a condamné mardi A et B", "sentenced on Tuesday A and B", "veroordeelde gisteren A"
_WHEN = (r"(?:\s+(?:on\s+|op\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|lundi|mardi|mercredi"
         r"|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
         r"|gisteren|vandaag))?")


@cache
def _charge_words(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    after, before = [], []
    for row in _rows("charge_words.tsv"):
        if len(row) >= 3 and row[0] == lang:
            if row[1] in ("after", "both"):
                after.append(row[2])
            if row[1] in ("before", "both"):
                before.append(row[2])
    after_re = re.compile(r"\b(?:" + "|".join(after or ["(?!)"]) + r")\b")
    before_re = re.compile(r"\b(?:" + "|".join(before or ["(?!)"]) + r")\b" + _WHEN + r"(?:\s+(?:in|by|dans|in het|bij) (?:the|a|l['’]|la|le|de|het)"
                           r"\s*(?:superseding |federal |\d+-count )?(?:indictment|complaint|information|case|affaire|dossier"
                           r"|zaak)s?)?(?:\s+(?:are|were|include|included|is|sont|zijn|waren|figurent|figuraient|se trouvent|bevinden zich|bevonden zich))?(?:\s+(?:the|les|de)?\s*"
                           + _COUNT + r"(?:defendants?|suspects?|men|women|individuals|persons|people|following|hommes"
                           r"|personnes|mannen|personen|verdachten|crew ?members|crewmen|sailors|dockers|marins|others|pair|duo|trio|couple"
                           r"|brothers|longshoremen|dockworkers|stevedores|lashers|havenarbeiders|havenmedewerkers|employees"
                           r"|workers|drivers|truckers|customs officers|douaniers|[a-zà-ÿ-]+(?:ans|ens|ais|ois|ers|ese|ish|ers)))?"
                           r"\s*[:,]?\s*(?:(?:including|among them|among whom|namely|notamment|dont|parmi lesquel(?:le)?s|parmi eux"
                           r"|parmi elles|à savoir|waaronder|onder wie|onder hen|te weten|namelijk)\s*[:,]?\s*)?"
                           r"(?:the |les |de )?$")
    return after_re, before_re


# a sentence that opens on one more defendant: "In addition to Shaw, ...", "Naast De Boer zijn ook ...", "Outre X, ..."
_ADDITION = re.compile(r"^\W*(?:in addition to|besides|apart from|aside from|as well as|naast|behalve|buiten|outre|en plus de"
                       r"|à côté de)\s*$", re.I)
_SHORT_GAP = re.compile(r"\s*,?\s*(?:[\w'’-]+\s+){0,2}$")  # "," / " zijn ook " between A and the list after it
_NEGATION = re.compile(r"\b(?:not|never|no longer|without|pas|jamais|sans|niet|nooit|geen|zonder"
                       # an acquittal: "cleared of all charges", "acquitté des faits", "vrijgesproken van"
                       r"|cleared|acquitted|exonerated|acquittée?s?|relaxée?s?|blanchie?s?|vrijgesproken)\b(?:\s+\S+){0,2}\s*$")


# "freight charges", "port charges": a fee, not a charge brought against anyone
_FEE_BEFORE = re.compile(r"\b(?:freight|port|handling|storage|demurrage|detention|terminal|customs|bank|transport|shipping"
                         r"|service|haulage|delivery|fuel|courier|towage|pilotage|berthing|admin(?:istrative)?)\s+$")


def _affirmed(pattern: re.Pattern[str], segment: str) -> bool:
    """Whether ``pattern`` occurs in ``segment`` without a negation right before it ("were not charged"), and
    not as the fee of "freight charges"."""
    return any(not _NEGATION.search(segment[max(0, m.start() - 40):m.start()])
               and not (m.group(0).startswith("charge") and _FEE_BEFORE.search(segment[max(0, m.start() - 20):m.start()]))
               for m in pattern.finditer(segment))


def charged_sentence(sentence: str, lang: str) -> bool:
    """Whether a sentence speaks of charging, arresting, trying or sentencing (and does not deny it)."""
    return _affirmed(_charge_words(lang)[0], sentence.lower())


# a firm named as someone's employer or workplace, not as one more defendant
_EMPLOYER_BEFORE = re.compile(r"\b(?:employed|hired|working|worked|works|contracted|subcontracted|engaged|employé|employée|salarié"
                              r"|travaillant|travaillait|werkzaam|werkte|werkt|in dienst)\s+(?:by|for|at|with|par|pour|chez|bij|voor)"
                              r"\s+(?:(?:the|a|an|le|la|l['’]|de|het|een)\s*)?(?:[\w'’-]+\s+){0,3}$"
                              # "Le gérant de la société X, ..., B", "De zaakvoerder van het importbedrijf X BV, B"
                              r"|\b(?:gérante?|directeur|directrice|dirigeant|président|patron|propriétaire|zaakvoerder"
                              r"|bestuurder|eigenaar|director|manager|owner|boss|ceo|head)\s+(?:de|du|d['’]|des|of|van)"
                              r"\s+(?:(?:the|la|le|l['’]|de|het|een)\s*)?(?:[\w'’-]+\s+){0,2}$", re.I)


# a person named as whose kin or counsel someone is: "the son of A, B, ...", "le fils de A, B", "de zoon van A, B"
_KIN_OF_BEFORE = re.compile(r"\b(?:son|daughter|father|mother|brother|sister|cousin|nephew|niece|uncle|aunt|wife|husband"
                            r"|partner|girlfriend|boyfriend|brother-in-law|son-in-law|father-in-law|lawyer|solicitor|counsel"
                            r"|fils|fille|père|mère|frère|sœur|soeur|cousine?|neveu|nièce|oncle|tante|épouse|époux|femme|mari"
                            r"|compagne|compagnon|beau-frère|gendre|avocate?|zoon|dochter|vader|moeder|broer|zus|neef|nicht"
                            r"|oom|tante|vrouw|echtgenote|echtgenoot|zwager|schoonzoon|advocaat)\s+(?:of|de|du|d['’]|van)\s*$",
                            re.I)


_ACQUITTAL_BETWEEN = re.compile(r"\b(?:vrijspraak|vrijgesproken|acquittal|acquitted|relaxe|relaxée?s?|acquittement"
                                r"|acquittée?s?|ontslag van rechtsvervolging)\b", re.I)
_POSSESSOR = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:wife|husband|partner|girlfriend|boyfriend|brother|sister|son|daughter|father"
                        r"|mother|cousin|nephew|niece|uncle|aunt|brother-in-law|son-in-law|stepson|lawyer|solicitor|counsel"
                        r"|employer|boss|landlord|neighbou?r)\b", re.I)


def _lists(text: str, refs: Sequence[_Ref], plain: bool = False, smallest: int = 2) -> list[list[int]]:
    """Runs of PERSON/COMPANY mentions (indices into ``refs``) joined by list separators.

    ``plain``: only members without an apposition of their own ("A, 41, and B", not "A, a docker, and B").
    """
    separator = _PLAIN_SEPARATOR if plain else _SEPARATOR
    groups: list[list[int]] = []
    current: list[int] = []
    last = -1
    for k, ref in enumerate(refs):
        if ref.type not in MEMBER_TYPES or ref.anaphor:
            continue
        if current and _OPENER.match(text[refs[last].end:ref.start]) and not re.match(
                r"\s*" + _TERM_AGAINST + r"\s*$", text[refs[last].end:ref.start], re.I):
            continue  # "A, cariste chez Firm SAS, et B": the firm stands in A's aside
        if ref.type == "COMPANY" and _EMPLOYER_BEFORE.search(text[max(0, ref.start - 60):ref.start]):
            continue  # "a diver employed by Ostend firm X BVBA, B, was arrested": the firm names B's employer
        if _KIN_OF_BEFORE.search(text[max(0, ref.start - 40):ref.start]):
            continue  # "The son of A, B, was arrested": A only says whose son B is
        if _POSSESSOR.match(text, ref.end):
            continue  # "B, A's wife, was charged", "A's partner, B, and C": A only says whose wife B is
        if current and separator.match(text[refs[last].end:ref.start]) and not _ACQUITTAL_BETWEEN.search(
                text[refs[last].end:ref.start]):  # "... en vrijspraak tegen C": C is no co-accused of the list
            current.append(k)
        else:
            if len(current) >= smallest:
                groups.append(current)
            current = [k]
        last = k
    if len(current) >= smallest:
        groups.append(current)
    return groups


def _along_with(text: str, refs: Sequence[_Ref], after_re: re.Pattern[str]) -> list[tuple[int, int]]:
    """"A was sentenced along with B", "A a été condamné avec B", "A werd samen met B veroordeeld"."""
    out = []
    # a pronoun may stand first ("He was sentenced together with B"): the reference carries whom it stands for
    members = [k for k, r in enumerate(refs) if r.type in MEMBER_TYPES]
    for a, b in zip(members, members[1:], strict=False):
        if refs[b].anaphor or (refs[a].anaphor and (refs[a].target_start, refs[a].target_end)
                               == (refs[b].target_start, refs[b].target_end)):
            continue
        between = text[refs[a].end:refs[b].start].lower()
        joined = _ALONG.search(between)
        before = _CLAUSE.split(text[max(0, refs[a].start - 60):refs[a].start].lower())[-1]  # this clause only
        if (refs[a].anaphor and refs[a].end > refs[a].start and _ALONG_BEFORE.search(before)
                and after_re.search(before) and _INVERTED.match(between)):
            joined = _INVERTED.match(between)  # "Sentenced alongside him were B and C": "him" is the one before
            before_pronoun = True
        else:
            before_pronoun = False
        named_co = joined is not None and _CO_NOUN.search(joined.group(0)) is not None  # "samen met zijn medeverdachten B"
        if joined and (before_pronoun or named_co or _affirmed(after_re, between[:joined.start()]) or _affirmed(after_re,
                _CLAUSE.split(text[refs[b].end:refs[b].end + MAX_GAP_AFTER].lower(), maxsplit=1)[0])):
            out.append((a, b))
            # "... together with B, 35, of Grays, and C, 50": the list that B opens is sentenced with A too
            listed = next((g for g in _lists(text, refs) if g[0] == b), [b])
            out.extend((x, y) for n, x in enumerate([a, *listed]) for y in [a, *listed][n + 1:])
    return sorted(set(out))


# a list of witnesses: the trial or the case is theirs only to testify in
_WITNESS_BEFORE = re.compile(r"\b(?:witness(?:es)?|getuigen?|témoins?|the (?:victims?|informants?)|slachtoffers?|victimes?)\s*,?\s*$",
                             re.I)
_WITNESS_AFTER = re.compile(r"^\W*(?:(?:\w+\s+){0,3}?(?:testified|testify|gave evidence|getuigden|getuigde|ont témoigné|témoignent"
                            r"|témoigneront|as witnesses|als getuigen?|comme témoins?))\b", re.I)


_TESTIMONY = re.compile(r"\b(?:testified|testify|testifies|gave evidence|getuigden|getuigde|getuigen|ont témoigné|a témoigné"
                        r"|témoignent|témoigneront|as witnesses|als getuigen?|comme témoins?)\b", re.I)


def co_accused_pairs(text: str, refs: Sequence[_Ref], s_start: int, s_end: int, lang: str) -> list[tuple[int, int]]:
    """``(i, j)`` index pairs (i < j) of the mentions of one sentence that are named as co-accused."""
    after_re, before_re = _charge_words(lang)
    out: list[tuple[int, int]] = []
    groups: list[list[int]] = []
    joined: set[int] = set()
    for group in _lists(text, refs, smallest=1):
        if groups:
            between = text[refs[groups[-1][-1]].end:refs[group[0]].start].lower()
            if _ALONG.search(between) and after_re.search(between):
                groups[-1] = groups[-1] + group  # "A and B were charged alongside C and D"
                joined.add(len(groups) - 1)
                continue
            first_start = refs[groups[-1][0]].start
            if (len(groups) == 1 and _ADDITION.search(text[s_start:first_start])
                    and _SHORT_GAP.match(text, refs[groups[-1][-1]].end, refs[group[0]].start)):
                groups[-1] = groups[-1] + group  # "In addition to A, B and C were charged", "Naast A zijn ook B en C ..."
                continue
        groups.append(group)
    for n, group in enumerate(groups):
        if len(group) < 2:
            continue
        first, last = refs[group[0]], refs[group[-1]]
        aside = _TAIL.match(text, last.end, s_end)
        after = aside.end() if aside else last.end  # "A and B, crew of the X, were charged": past the aside
        following = [r.start for r in refs if r.start >= after and not r.anaphor]
        tail = text[last.end:min(following + [s_end])]  # the asides too: "A and B, both of X, were charged alongside C"
        tail = _CLAUSE.split(tail, maxsplit=1)[0][:MAX_GAP_AFTER].lower()
        previous = [r.end for r in refs if r.end <= first.start and not r.anaphor]
        head = text[max(previous + [s_start]):first.start].lower()
        if _WITNESS_BEFORE.search(head) or _WITNESS_AFTER.match(tail):
            continue  # "Witnesses A and B testified at the trial", "A et B ont été entendus comme témoins"
        if not (n in joined or _affirmed(after_re, tail) or _CAPTION.search(head)
                or (_SPLIT_VERB_HEAD.search(head) and _SPLIT_VERB_TAIL.match(tail)) or (before_re.search(head) and not _NEGATION.search(
                head[:before_re.search(head).start()]))):
            continue
        out.extend((a, b) for x, a in enumerate(group) for b in group[x + 1:])
    return sorted(set(out) | set(_along_with(text, refs, after_re)))


_BULLET_LEAD = re.compile(r"(?:la société|la sociét[ée]|l['’]entreprise|la firme|the company|the firm|de vennootschap|het bedrijf"
                          r"|de firma"
                          # "- 10 ans pour A ;", "- 8 years for B", "- 6 jaar cel tegen C": the term before the name
                          r"|(?:\d{1,3}|" + _NUMBER_WORDS + r")\s+(?:ans|years?|jaar|mois|months?|maanden)(?:\s+[\w'’-]+){0,3}?"
                          r"\s+(?:pour|for|voor|contre|against|tegen))\s+", re.I)
_BULLET = re.compile(r"^[ \t]*(?:[-–—•*·|]|\d{1,2}[.)]|[a-z][.)])[ \t]+", re.M)  # "|": a row of a text table
_TABLE_RULE = re.compile(r"^[\s|:+=-]*$")  # "|---|:--:|" under a table's header


# a term of one line of a sentencing list: "8 jaar cel", "135 months", "huit ans", "life", "€ 5.000 boete"
_PENALTY = re.compile(r"\b(?:\d{1,3}|" + _NUMBER_WORDS + r")\s+(?:years?|months?|ans|mois|jaar|maanden|weken|weeks|semaines)\b"
                      r"|\b(?:life imprisonment|life in prison|réclusion criminelle à perpétuité|levenslang|taakstraf|werkstraf"
                      r"|probation|suspended sentence|avec sursis|met uitstel|voorwaardelijk)\b", re.I)


# what the line over such a list says, or what each line says beside the term: a sentence or its demand
_SENTENCING = re.compile(r"\b(?:sentenc\w*|terms?|imposed|penalt\w+|eis|eisen|geëist|gevorderd|straf\w*|strafeisen|opgelegd"
                         r"|vonnis|uitspraak|peines?|requis|réquisitions?|réquisitoire|condamn\w*|jugement|prononcé)\b", re.I)
_PRISON = re.compile(r"\b(?:prison|imprisonment|custody|jail|cel|celstraf|gevangenisstraf|emprisonnement|ferme|réclusion)\b", re.I)


def bullet_lists(text: str, refs: Sequence[_Ref], lang: str) -> list[tuple[list[int], int, int]]:
    """Co-accused named one per bulleted line under a line that charges them ("were charged:").

    ``(indices, start, end)``: the first person or firm of each bullet line, and the span of the
    block (the introducing line and the bullets) that is their evidence.
    """
    after_re, before_re = _charge_words(lang)
    bullets = {m.start(): m.end() for m in _BULLET.finditer(text)}
    ref_starts = sorted(r.start for r in refs if r.type in MEMBER_TYPES and not r.anaphor)
    starts = []
    for line in re.finditer(r"^[^\n]*$", text, re.M):
        if not line.group(0).strip():
            continue
        marker_end = bullets.get(line.start(), line.start())
        k = bisect.bisect_left(ref_starts, marker_end)
        if marker_end in bullets.values() or (k < len(ref_starts) and ref_starts[k] <= marker_end + 2):
            starts.append((line.start(), marker_end))  # a bullet, or a line that opens with a name
    out = []
    k = 0
    while k < len(starts):
        run = [starts[k]]
        while k + 1 < len(starts) and text.count("\n", run[-1][1], starts[k + 1][0]) == 1:
            k += 1
            run.append(starts[k])
        k += 1
        if len(run) < 2:
            continue
        intro_end = text.rfind("\n", 0, run[0][0])
        while intro_end > 0 and text[intro_end - 1] == "\n":
            intro_end -= 1  # a blank line between the introducing line and the bullets
        intro_start = text.rfind("\n", 0, max(0, intro_end - 1)) + 1
        if intro_end > 0 and _TABLE_RULE.match(text[intro_start:intro_end]) and "|" in text[intro_start:intro_end]:
            intro_end = intro_start - 1  # a table: its header row introduces the rows
            intro_start = text.rfind("\n", 0, max(0, intro_end - 1)) + 1
        intro = text[intro_start:max(intro_start, intro_end)].lower()
        # "The sentences:" / "De eisen op een rij:" over lines that each give a term: "- A: 8 jaar cel", "B, 45 – 70 months"
        lines = [text[start:text.find("\n", start) if text.find("\n", start) >= 0 else len(text)] for start, _m in run]
        penalties = all(_PENALTY.search(line) for line in lines) and (
            _SENTENCING.search(intro) is not None or all(_PRISON.search(line) for line in lines))
        if not (after_re.search(intro) or before_re.search(intro) or penalties):
            continue
        members = []
        for _line_start, marker_end in run:
            lead = _BULLET_LEAD.match(text, marker_end)
            reach = lead.end() + 6 if lead else marker_end + 6
            first = next((i for i, r in enumerate(refs) if marker_end <= r.start <= reach and not r.anaphor), None)
            if first is not None and refs[first].type in MEMBER_TYPES:
                members.append(first)
        block_end = text.find("\n", run[-1][1])
        if len(members) >= 2:
            out.append((members, intro_start, len(text) if block_end < 0 else block_end))
    return out


# people of a sentence who are not the accused: judges, prosecutors, police, lawyers, witnesses
_OFFICIAL = (r"judge|justice|magistrate|prosecutors?|attorney|counsel|lawyer|solicitor|barrister|detective|inspector|sergeant"
             r"|superintendent|constable|officers?|agents?|special agent|in charge|commissioner|minister|secretary|spokes\w+"
             r"|director|chief|commander|garda|district|u\.s\.|juge|procureure?|substitut|avocate?|maître|me|présidente?"
             r"|enquêteurs?|commissaire|ministre|rechter|officier van justitie|advocaat|advocate|woordvoerder|woordvoerster"
             r"|rechercheur|officier|raadsheer|advocaat-generaal|kamerlid|mp|senator|lord|baroness|hon\.?|deputy|assistant"
             r"|senior|branch|de heer|mevrouw|monsieur|madame")
_NOT_ACCUSED_BEFORE = re.compile(r"(?:\b(?:" + _OFFICIAL + r")\.?\s+)+$|(?:represented by|defended by|according to|selon"
                                 r"|volgens|défendu par|bijgestaan door)\W+(?:\w+\W+){0,3}$", re.I)
# a plural verb: "were arrested", "ont été condamnés", "werden opgepakt" (both charged, not one of them)
PLURAL = re.compile(r"\b(?:were|have been|had been|are|both|all|each|ont été|ont|sont|étaient|tous|werden|zijn|waren|hebben"
                    r"|beiden|allen|(?:les|the|de|des) (?:deux|trois|quatre|cinq|six|two|three|four|five|six|twee|drie|vier|vijf"
                    r"|zes))\b")
_ALIAS_BEFORE = re.compile(r"(?:known as|alias|a\.k\.a\.|a/k/a|aka|nicknamed|dit|surnommée?|bijgenaamd|genaamd|alias)\W{0,3}$", re.I)
_NOT_ACCUSED_AFTER = re.compile(r"^(?:['’]s?\s)|^\W{0,3}(?:said|says|told|added|stated|explained|warned|a déclaré|a indiqué|a précisé|"
                                r"zei|verklaarde|aldus|of the (?:court|police|agency|office|bureau|service))", re.I)


def charged_people(text: str, refs: Sequence[_Ref], s_start: int, s_end: int, lang: str) -> list[tuple[int, int]]:
    """In a sentence of the criminal process, the people it names who are not officials, counsel or
    speakers: pairs of them (a weaker reading than a list; used when the sentence has no list)."""
    sentence = text[s_start:s_end].lower()
    if not charged_sentence(sentence, lang) or not PLURAL.search(sentence):
        return []  # "X, complice de Y, a été interpellé": one of them
    if _TESTIMONY.search(sentence):
        return []  # "A et B ont témoigné au procès": witnesses of the trial
    people = []
    for k, ref in enumerate(refs):
        if ref.type != "PERSON" or ref.anaphor:
            continue
        before = text[max(s_start, ref.start - 40):ref.start]
        after = text[ref.end:min(s_end, ref.end + 40)]
        if _NOT_ACCUSED_BEFORE.search(before) or _NOT_ACCUSED_AFTER.match(after) or _ALIAS_BEFORE.search(before):
            continue
        if _KIN_OF_BEFORE.search(before):
            continue  # "dont l'épouse de A, B": A only says whose wife B is
        if any(text[refs[j].start:refs[j].end].endswith(text[ref.start:ref.end]) for j in people):
            continue  # "Gačanin" after "Edin Gačanin": the same man
        people.append(k)
    if len(people) < 2 or len(people) > 8:
        return []
    return [(a, b) for x, a in enumerate(people) for b in people[x + 1:]]
