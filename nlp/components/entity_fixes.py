"""Last corrections of the merged entity mentions, for the forms real case texts use.

(The candidates the other rules miss -- carriers, law firms, parts of ports -- are in
:mod:`nlp.components.entity_candidates`.)
- person names run on over a hyphenated surname ("Sánchez-Ortiz") and a generational suffix
  ("Harvey Bartle III", "Eduardo Rivera Jr.");
- vessel names lose a trailing weekday, month or crew word ("MSC Gayane Thursday");
- spans that are no names at all are dropped (``data/entity_stoplist.tsv``): amounts, case and
  badge numbers, street addresses, "Line 1", section headings, court-opinion boilerplate
  ("Plaintiff", "F. Supp"), police titles and institutional words read as people.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from nlp.components.common import doc_text
from nlp.components.entity_candidates import FORM_AFTER, PART_OF, TITLE_WORDS
from nlp.components.organizations import classify_org
from nlp.components.person_forms import captain_not_vessel, roles, without_role
from nlp.resources import _rows, country_names, first_names, place_gazetteer, port_gazetteer, word_list

_GIVEN = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?$")  # "Colleen", "Marie-Laure"
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
_GENERATION = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "Junior", "Senior", "Jnr", "Snr"})
_ROLE_NOUNS = frozenset("""haulier docker dockworker longshoreman stevedore seaman sailor captain skipper driver planner
    lasher checker foreman cariste grutier docker chauffeur havenarbeider kraanmachinist chauffeur planner matroos
    kapitein schipper""".split())
_BODY_WORDS = frozenset("""national federal central royal regional special criminal general international european serious
    organised organized drugs crime bureau unit division service services""".split())
_IRISH = frozenset("Ó Ô O Ní Mac Mhic Nic Uí Ui".split())
_VESSEL_TYPES = frozenset("""vraquier porte-conteneurs minéralier cargo navire chalutier pétrolier roulier containerschip
    vrachtschip bulkcarrier koelschip schip vessel freighter bulker reefer tanker""".split())
_VESSEL_TAIL = frozenset("""pavillon flag vlag monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december crew member members captain master officer seaman sailors
    lundi mardi mercredi jeudi vendredi samedi dimanche maandag dinsdag woensdag donderdag vrijdag zaterdag zondag""".split())
_PLACE_PREFIX = frozenset("San Santa Santo São Sao Saint St St. Sint Port Puerto Porto Fort Cape Kaap".split())


@cache
def _stoplist(lang: str) -> list[tuple[frozenset[str], re.Pattern[str]]]:
    out = []
    for row in _rows("entity_stoplist.tsv"):
        if len(row) >= 3 and row[0] in ("*", lang):
            types = frozenset() if row[1] == "*" else frozenset(row[1].split("|"))
            out.append((types, re.compile(row[2])))
    return out



def _person_edges(doc: Doc, span: Span) -> Span | None:
    """Drop a title ("M. Orsoni-Maïolo"); take in the given name before an initial ("Marco A. de Visser")
    and the first half of a hyphenated given name ("Anne-Sophie")."""
    start, end = span.start, span.end
    if doc[start].text == "M." and start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and not doc[start - 1].is_stop and doc[start - 1].text not in TITLE_WORDS:
        start -= 1  # "Colleen M. Pratt-Odom": an initial, not "Monsieur"
    while start < end and (doc[start].text in TITLE_WORDS or doc[start].lower_ in _ROLE_NOUNS) \
            and not (doc[start].text == "M." and start < span.start):
        start += 1  # "Judge", "Haulier", "Docker" before the name
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha:
        end -= 1  # "Tony Ruiz to 97 months": a name never ends on a lower-case word
    if end - start == 1 and start > 0 and doc[start - 1].text in _IRISH:
        start -= 1  # "Ó Súilleabháin"
    if start == end:
        return None
    if start > span.start and end - start == 1 and end < len(doc) and doc[end].is_title \
            and doc[end].is_alpha and not doc[end].is_stop:
        end += 1  # "M. Gérald Darmanin": the title was read as an initial
    if start == span.start:
        while start > 0 and _INITIAL.match(doc[start - 1].text) and doc[start - 1].text not in TITLE_WORDS:
            start -= 1  # "Colleen M." before "Pratt-Odom"
        if start > 0 and _INITIAL.match(doc[start].text) and doc[start].text not in TITLE_WORDS:
            prev = doc[start - 1]
            if _GIVEN.match(prev.text) and not prev.is_stop and prev.text not in TITLE_WORDS and prev.lower_ not in _VESSEL_TAIL:
                start -= 1
        if start < span.start and not any(_GIVEN.match(t.text) for t in doc[start:span.start]):
            start = span.start  # initials alone, no given name before them: keep the span as it was
    if end - start <= 2 and any(_INITIAL.match(t.text) for t in doc[start:end]) and end < len(doc) \
            and doc[end].is_title and doc[end].is_alpha and not doc[end].is_stop and doc[end - 1].is_title:
        end += 1  # "R. Stanton" + "Greer"
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_ \
            and doc[start - 2].is_title:
        start -= 2
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label="PERSON")


def _extend_person(doc: Doc, span: Span) -> Span:
    end = span.end
    while True:
        if (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
                and doc[end + 1].is_title):
            end += 2  # "Sánchez" + "-" + "Ortiz"
        elif end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text in ("Jr", "Jr.", "Sr", "Sr."):
            end += 2  # "Alvin T. McCray, Jr."
            if doc[end - 1].text in ("Jr", "Sr") and end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
                end += 1
        elif end < len(doc) and doc[end - 1].text in _IRISH and doc[end].is_title and end - span.start >= 2:
            end += 1  # "Diarmuid Ó" + "Ceallacháin"
        elif end + 1 < len(doc) and doc[end].text in _IRISH and doc[end + 1].is_title:
            end += 2  # "Diarmuid Ó Ceallacháin", "Helen Mac Carthaigh"
        elif end < len(doc) and doc[end].text in _GENERATION and doc[end - 1].whitespace_:
            end += 1
            if doc[end - 1].text in ("Jr", "Sr") and end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
                end += 1
        else:
            break
    return span if end == span.end else Span(doc, span.start, end, label="PERSON")


def _trim_vessel(span: Span) -> Span | None:
    end = span.end
    while end - span.start > 1 and span.doc[end - 1].lower_ in _VESSEL_TAIL:
        end -= 1
    return span if end == span.end else Span(span.doc, span.start, end, label=span.label_, kb_id=span.kb_id_)


_ELIDED_HEAD = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][a-zà-ÿ]+ (?:d['’]|de la |du |des )$")


#: legal forms written before a firm's name after an article ("la SA X", "de bvba X", "het nv X")
_FORM_FIRST = frozenset({"sa", "sarl", "sas", "sasu", "eurl", "snc", "bvba", "bv", "nv", "vof", "srl", "cv"})
_FORM_ARTICLES = frozenset({"la", "une", "de", "het", "een", "cette", "leur"})


def _company_edges(doc: Doc, span: Span) -> Span | None:
    """A firm's name without leading lower-case words ("salarié de"), with its hyphenated or particle head
    ("Lockton-" of "Lockton-Harwell Marine Ltd", "Van der" of "Van der Berg Koeltransport B.V.")."""
    start = span.start
    while start < span.end - 1 and doc[start].is_lower:
        start += 1
    if start == span.start:
        if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_ \
                and doc[start - 2].is_title:
            start -= 2
        elif start >= 2 and doc[start - 1].text in ("der", "den", "de") and doc[start - 2].text in ("Van", "Von", "Vander"):
            start -= 2
        elif start >= 1 and doc[start - 1].text in ("Van", "De", "Le", "La", "Von") and not doc[start - 1].is_sent_start:
            start -= 1
        elif start >= 2 and doc[start - 1].lower_ in _FORM_FIRST and doc[start - 2].lower_ in _FORM_ARTICLES \
                and (doc[start - 1].is_upper or doc[start - 1].is_lower):
            start -= 1  # "la SA Antwerp Fresh Trading", "de bvba Verstraeten Fruit": the form written first is part of the name
    return span if start == span.start else Span(doc, start, span.end, label="COMPANY")


def _with_form(doc: Doc, span: Span) -> Span:
    """A firm's name with the legal form written after it ("Blum Caribbean Freight, LLC") and the words
    before an elided article that the rules cut off ("Côte d'" of "Côte d'Albâtre Transit SARL")."""
    text = doc_text(doc)
    head = _ELIDED_HEAD.search(text, max(0, span.start_char - 30), span.start_char)
    if head is not None:
        longer = doc.char_span(head.start(), span.end_char, label="COMPANY", alignment_mode="expand")
        span = longer if longer is not None else span
    if span.text.endswith("&"):
        span = Span(doc, span.start, span.end - 1, label="COMPANY")
    form = FORM_AFTER.match(text, span.end_char)
    if form is None:
        return span
    longer = doc.char_span(span.start_char, form.end(), label="COMPANY", alignment_mode="expand")
    return longer if longer is not None else span


# a seaport named after a port call ("sailed from Posorja", "calling at Kingston and Cartagena")
_CALL = re.compile(r"(?:arrived|arriving|sailed|sailing|departed|departing|bound for|headed for|destined for|calling at"
                   r"|called at|call at|docked|berthed|moored|loaded|transshipped|transhipped|via|en provenance|à destination"
                   r"|escale|quitté|parti|partie|accost\w*|vertrokken|aangekomen|onderweg naar|met bestemming|afkomstig uit"
                   r"|aangemeerd)\b[^.;:!?\n]{0,60}$", re.I)


# a place named right before a part of a port in lower case: "the Fisherman Islands terminal", "the Kallo dock"
_PART_AFTER = re.compile(r"\s+(?:container\s+|cargo\s+|bulk\s+|ferry\s+|cruise\s+)?(?:terminal|dock|wharf|wharves|quay|berth"
                         r"|pier)\b(?!\s+(?:operators?|company|workers?)\b)")


def _part_of_port(doc: Doc, span: Span) -> bool:
    return (span.start > 0 and doc[span.start - 1].lower_ == "the" and span[-1].text[:1].isupper()
            and _PART_AFTER.match(doc_text(doc), span.end_char) is not None)


def _called_port(doc: Doc, span: Span) -> bool:
    from nlp.resources import port_gazetteer

    if port_gazetteer().lookup(span.text) is None:
        return False
    text = doc_text(doc)
    start = span.sent.start_char if doc.has_annotation("SENT_START") else max(0, span.start_char - 80)
    return _CALL.search(text[max(start, span.start_char - 80):span.start_char]) is not None


_SENTENCE_ADVERBS = frozenset("""later then meanwhile yesterday today also however afterwards finally earlier subsequently
    ensuite puis hier aujourd'hui alors enfin également daarna vervolgens later gisteren vandaag toen nadien ook intussen
    eerder uiteindelijk tevens bovendien volgens""".split())


def _unknown_given_name(doc: Doc, span: Span, surnames: set[str]) -> Span:
    """A known surname after a capitalised word no rule knows is a new person with that given name
    ("Zephyrin Moerman" beside "Hilde Moerman"), not the other one."""
    if span.label_ != "PERSON" or len(span) != 1 or span.text not in surnames or span.start == 0:
        return span
    prev = doc[span.start - 1]
    if (_GIVEN.match(prev.text) and not prev.is_stop and prev.text not in TITLE_WORDS and prev.lower_ not in _VESSEL_TAIL
            and prev.lower_ not in _ROLE_NOUNS and prev.ent_type_ not in ("GPE", "LOC", "ORG", "NORP")
            and prev.lower_ not in _SENTENCE_ADVERBS and (not doc.has_annotation("POS") or prev.pos_ == "PROPN")):
        return Span(doc, span.start - 1, span.end, label="PERSON")
    return span


def _split_person_and_firm(span: Span) -> list[Span]:
    """"Kévin Lemaire et Flandres Manutention SAS" read as one firm: the person, then the firm."""
    if span.label_ != "COMPANY" or len(span) < 5 or span[0].text not in first_names():
        return [span]
    for tok in span[2:4]:
        if tok.lower_ in ("et", "and", "en", "&") and all(t.is_title for t in span[:tok.i - span.start]):
            return [Span(span.doc, span.start, tok.i, label="PERSON"), Span(span.doc, tok.i + 1, span.end, label="COMPANY")]
    return [span]


def _split_state(span: Span) -> list[Span]:
    """"Savannah, Georgia" read as one place: the city (or port), then the state."""
    if span.label_ not in ("PORT", "LOCATION") or len(span) < 3:
        return [span]
    for tok in span[1:-1]:
        if tok.text == "," and span.doc[tok.i + 1:span.end].text in word_list("us_states.txt"):
            return [Span(span.doc, span.start, tok.i, label=span.label_, kb_id=span.kb_id_),
                    Span(span.doc, tok.i + 1, span.end, label="LOCATION")]
    return [span]


def _name_after_title(span: Span) -> bool:
    """Whether the words after a leading title look like a person's name: 2-4 capitalised words, no
    organisation word ("Garda Diarmuid Ó Ceallacháin", not "Garda National Drugs Bureau")."""
    first = next((k for k, t in enumerate(span) if t.text not in TITLE_WORDS), len(span))
    rest = [t for t in span[first:]] if first else []
    end = rest[-1].i + 1 if rest else span.end
    if end < len(span.doc) and span.doc[end].lower_ in ("and", "et", "en", "&"):
        return False  # "Garda National Drugs and Organised Crime Bureau": the body goes on
    return (2 <= len(rest) <= 4 and rest[0].is_title and rest[-1].is_title and rest[0].text not in TITLE_WORDS
            and rest[0].lower_ not in _BODY_WORDS
            and all(t.is_title or t.text in _IRISH or t.text == "-" for t in rest)
            and classify_org(" ".join(t.text for t in rest))[0] is None and not any(t.is_stop for t in rest))


def _hyphenated_name(span: Span) -> bool:
    """A given name and a double surname, nothing of an organisation: "Yolanda Reyes-Harmon"."""
    toks = list(span)
    return (len(toks) in (4, 5) and toks[-2].text == "-" and not toks[-2].whitespace_ and not toks[-3].whitespace_
            and all(t.is_title for t in toks if t.text != "-") and classify_org(span.text)[0] is None
            and not any(t.is_stop or t.text.isupper() for t in toks))


def _place_word(word: str) -> bool:
    from graph.ids import fold
    from nlp.resources import place_gazetteer

    return fold(word) in place_gazetteer()


_PLACE_PREPOSITIONS = {"in", "at", "from", "near", "to", "of", "à", "de", "en", "te", "naar", "uit", "bij", "van"}


def _surname_as_person(span: Span, surnames: set[str]) -> Span:
    """"Trang", "Villanueva", "Medina" alone, after the document named "Mitchell Trang": the person, not the
    place or body of that name (unless a preposition of place stands before it: "arrested in Medina")."""
    if span.label_ not in ("LOCATION", "ORGANIZATION", "COMPANY", "PORT") or len(span) != 1 or span.text not in surnames:
        return span
    if span.start > 0 and span.doc[span.start - 1].lower_ in _PLACE_PREPOSITIONS:
        return span
    return Span(span.doc, span.start, span.end, label="PERSON")


def _split_org_and_officer(span: Span) -> list[Span]:
    """"NCA Branch Commander Rachel Onslow" read as one body: the body, then the officer."""
    if span.label_ not in ("ORGANIZATION", "COMPANY") or len(span) < 2:
        return [span]
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].text in TITLE_WORDS | {"Branch", "Senior"}:
        end -= 1  # "NCA Branch Commander" before a name read apart: the body alone
    if end < span.end and span.end < len(span.doc) and span.doc[span.end].is_title and span[0].text not in TITLE_WORDS:
        return [Span(span.doc, span.start, end, label=span.label_)]
    if len(span) < 3:
        return [span]
    for tok in span[1:-1]:
        person = Span(span.doc, tok.i, span.end)
        if tok.text in TITLE_WORDS and _name_after_title(person):
            title_start = tok.i
            while title_start > span.start and span.doc[title_start - 1].text in TITLE_WORDS | {"Branch", "Senior"}:
                title_start -= 1
            parts = [Span(span.doc, tok.i + 1, span.end, label="PERSON")]
            if title_start > span.start:
                parts.insert(0, Span(span.doc, span.start, title_start, label=span.label_))
            return parts
    return [span]


# prepositions written capitalised in title-case headlines: a place's name starts after them
_HEADLINE_PREPOSITIONS = frozenset("Through Via From At In To For Into Onto With".split())


def _age_after(doc: Doc, end: int) -> bool:
    """Whether an age follows token ``end``: ", 58," / ", 58 ans" / " (58)"."""
    after = doc[end:end + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].like_num and after[1].text.isdigit() \
            and 16 <= int(after[1].text) <= 90:
        return len(after) == 2 or after[2].text in (",", ";", "and", "et", "en", "ans", "jaar", "years", ")", ".")
    return len(after) == 3 and after[0].text == "(" and after[1].text.isdigit() and after[2].text == ")"


def _unknown_place(text: str) -> bool:
    """Whether no gazetteer (towns, ports, countries) knows ``text``."""
    from graph.ids import fold

    return fold(text) not in place_gazetteer() and port_gazetteer().lookup(text) is None and text not in country_names()


def aged_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A capitalised word and a town's name before an age are a person: "Wade Trowbridge, 58, of Jersey City".

    Court and police texts give a defendant's age right after the name; a town does not take an age.
    The word before the town must open the name (nothing capitalised before it) and be no title,
    stop word or entity of its own. Returns the spans with such places relabelled as the whole name.
    """
    out: list[Span] = []
    for span in spans:
        start = span.start
        if (span.label_ in ("LOCATION", "PORT") and len(span) <= 2 and start >= 1 and _age_after(doc, span.end)
                and (not out or out[-1].end < start)):
            given = doc[start - 1]
            before = doc[start - 2] if start >= 2 else None
            if (given.is_title and given.is_alpha and len(given) >= 2 and not given.is_stop and given.text not in TITLE_WORDS
                    and given.lower_ not in _ROLE_NOUNS and (before is None or not (before.is_title and before.is_alpha))):
                out.append(Span(doc, start - 1, span.end, label="PERSON"))
                continue
        if (span.label_ in ("LOCATION", "ORGANIZATION") and len(span) in (2, 3) and all(t.is_title and t.is_alpha for t in span)
                and _age_after(doc, span.end) and _unknown_place(span.text)
                and (span.label_ == "LOCATION" or classify_org(span.text)[0] is None)):
            out.append(Span(doc, span.start, span.end, label="PERSON"))  # "Stelios Georgiou, 46,": no town or body has an age
            continue
        if (span.label_ in ("LOCATION", "ORGANIZATION") and len(span) == 1 and span[0].is_title and span[0].is_alpha
                and _age_after(doc, span.end) and _listed_after_person(doc, span, out)):
            out.append(Span(doc, span.start, span.end, label="PERSON"))  # "Kelly, 44, and Murphy, 39, were remanded"
            continue
        out.append(span)
    return out


def _listed_after_person(doc: Doc, span: Span, before: list[Span]) -> bool:
    """Whether ``span`` follows a person in a list of people with ages: the person ends at most six tokens
    before it and only an age, commas and a conjunction stand between ("Kelly, 44, and Murphy")."""
    if not before or before[-1].label_ != "PERSON" or not 0 < span.start - before[-1].end <= 6:
        return False
    gap = doc[before[-1].end:span.start]
    return any(t.lower_ in ("and", "et", "en") for t in gap) and all(
        t.text in (",", "(", ")") or t.like_num or t.lower_ in ("and", "et", "en", "ans", "jaar") for t in gap)


_LIST_OPENING = frozenset([",", ";", ":", "and", "et", "en", "&", "(", "-", "–", "•", "*"])


def _place_opening_name(doc: Doc, spans: list[Span]) -> list[Span]:
    """A one-word place read off the front of a name: "Rusland Jimenez Perez" -> one PERSON.

    Where the model keeps only the surname ("Perez") and a gazetteer reads the given name as a
    country or town, the place, the words between and the surname become one person when the place
    opens a list member or a line (no preposition or article before it), every word is capitalised,
    and the person found had no known given name of its own. Returns the corrected spans.
    """
    given = first_names()
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (span.label_ == "PERSON" and prev is not None and prev.label_ in ("LOCATION", "PORT") and len(prev) == 1
                and span.start - prev.end <= 1 and span[0].text not in given and prev[0].is_title
                and all(t.is_title and t.is_alpha for t in doc[prev.start:span.end])
                and not any(t.text in roles() for t in doc[prev.start:span.end])
                and (prev.start == 0 or doc[prev.start - 1].text in _LIST_OPENING or "\n" in doc[prev.start - 1].text)):
            out[-1] = Span(doc, prev.start, span.end, label="PERSON")
            continue
        out.append(span)
    return out


def finish(doc: Doc, spans: list[Span]) -> list[Span]:
    """The merged mentions after the corrections above (non-overlapping, in order)."""
    stop = _stoplist(doc.lang_)
    out: list[Span] = []
    split = [p for s in spans for half in _split_person_and_firm(s) for part in _split_state(half)
             for p in _split_org_and_officer(part)]
    surnames = {s[-1].text for s in split if s.label_ == "PERSON" and len(s) >= 2}
    split = [_surname_as_person(_unknown_given_name(doc, s, surnames), surnames) for s in split]
    for span in split:
        if span.label_ in ("PORT", "LOCATION") and len(span) > 2:
            cut = max((t.i for t in span[:-1] if t.text in _HEADLINE_PREPOSITIONS), default=None)
            if cut is not None:  # "Trafficking Through Garden City Terminal" in a title-case headline
                span = Span(doc, cut + 1, span.end, label=span.label_, kb_id=span.kb_id_)
        if len(span) > 1 and span[-1].lower_ in ("'s", "’s", "'", "’"):
            span = Span(doc, span.start, span.end - 1, label=span.label_, kb_id=span.kb_id_)  # "Derek Shaw's" -> the name
        if span.label_ in ("PERSON", "ORGANIZATION", "COMPANY") and span[0].lower_ in _VESSEL_TYPES and len(span) > 1:
            span = Span(doc, span.start + 1, span.end, label="VESSEL")  # "Vraquier Santa Clara Bay" at a line start
        span = captain_not_vessel(span)
        if span.label_ == "PERSON" and span[0].text in ("St", "St.", "Saint", "Sint", "Ste", "Ste.") and len(span) > 1:
            span = Span(doc, span.start, span.end, label="LOCATION")  # "St Catherine", "Saint-Nazaire": a place
        if span.label_ == "PERSON" and span[0].text in ("Co", "Co.", "County") and len(span) > 1:
            span = Span(doc, span.start, span.end, label="LOCATION")  # "Ballycogley, Co Wexford": an Irish county
        if span.label_ == "PERSON":
            edged = without_role(span)
            edged = _person_edges(doc, edged) if edged is not None else None
            if edged is None:
                continue
            span = _extend_person(doc, edged)
            if len(span) == 1 and span.start > 0 and doc[span.start - 1].text in _PLACE_PREFIX:
                continue  # "Juan" of "San Juan"
        elif span.label_ == "VESSEL":
            trimmed = _trim_vessel(span)
            if trimmed is None:
                continue
            span = trimmed
        if span.label_ == "PORT" and span[-1].text == "Terminals" and not _place_word(span[0].text):
            span = Span(doc, span.start, span.end, label="COMPANY")  # "Maher Terminals": the operator, not a quay
        if span.label_ == "PERSON" and len(span) == 1 and span.start > 1 and doc[span.start - 1].lower_ in ("of", "from") \
                and doc[span.start - 2].text == "," and span.text not in surnames and span.end < len(doc) \
                and doc[span.end].text in (",", ".", ";"):
            span = Span(doc, span.start, span.end, label="LOCATION")  # "Keller, 41, of Elizabeth,": a home town
        if span.label_ == "COMPANY":
            span = _with_form(doc, _company_edges(doc, span) or span)
        elif span.label_ == "LOCATION" and (_called_port(doc, span) or _part_of_port(doc, span)):
            span = Span(doc, span.start, span.end, label="PORT", kb_id=span.kb_id_)
        elif span.label_ == "ORGANIZATION" and _hyphenated_name(span):
            span = Span(doc, span.start, span.end, label="PERSON")  # "Yolanda Reyes-Harmon" read as a body
        elif span.label_ in ("ORGANIZATION", "COMPANY", "VESSEL") and span[0].text in TITLE_WORDS and _name_after_title(span):
            first = next(t.i for t in span if t.text not in TITLE_WORDS)
            span = _extend_person(doc, Span(doc, first, span.end, label="PERSON"))  # "Garda Diarmuid Ó ..."
        if span.label_ in ("ORGANIZATION", "COMPANY", "LOCATION") and _nickname(doc, span, out):
            span = Span(doc, span.start, span.end, label="PERSON")  # "Marcus Vale, known as AP": his nickname
        if span.label_ == "ORGANIZATION" and span[-1].text in ("Local", "Lodge", "Chapter") and span.end < len(doc) \
                and doc[span.end].like_num:
            span = Span(doc, span.start, span.end + 1, label="ORGANIZATION")  # "... Association Local 1291"
        text = span.text
        if any((not types or span.label_ in types) and rx.fullmatch(text) for types, rx in stop):
            continue
        if span.start > 0 and doc[span.start - 1].like_num and re.search(r"(?:Road|Street|Avenue|Lane|straat|laan)$", text):
            continue  # "14 Harbour Road": an address
        if out and span.label_ == "COMPANY" and out[-1].label_ == "COMPANY" and out[-1].start < span.start < out[-1].end:
            span = Span(doc, out.pop().start, span.end, label="COMPANY")  # "Transports Lemaire" + "-Dubois SA"
        while out and span.start < out[-1].end:
            if span.start < out[-1].start and span.label_ == "PERSON":
                out.pop()  # a name extended to the left takes in the mention before it
                continue
            break
        if out and span.start < out[-1].end:
            continue  # an extended name already holds these tokens
        out.append(span)
    return _key_parts(doc, _listed_names(doc, _surname_not_vessel(doc, _place_opening_name(doc, out))))


@cache
def _nickname_before() -> re.Pattern[str]:
    cues = sorted(word_list("nickname_cues.txt"), key=len, reverse=True)
    return re.compile(r",\s*(?:" + "|".join(re.escape(c) for c in cues) + r")\s*[«\"“'‘]?\s*(?:(?:le|la|the|de)\s+|l['’])?$",
                      re.I)


def _nickname(doc: Doc, span: Span, before: list[Span]) -> bool:
    """Whether ``span`` is the nickname of the person named right before it: "Marcus Vale, known as AP",
    "Rachid Amari, dit « le Chat »". A legal form keeps a firm a firm; the name before must be a person."""
    if not before or before[-1].label_ != "PERSON" or classify_org(span.text)[1]:
        return False
    gap = doc_text(doc)[before[-1].end_char:span.start_char]
    return len(gap) <= 40 and _nickname_before().fullmatch(gap) is not None


_LIST_JOIN = frozenset([",", "and", "et", "en", "&"])
_LIST_END = frozenset([",", ";", ".", "and", "et", "en", "(", "were", "are", "have", "had", "ont", "sont", "avaient", "werden",
                       "zijn", "waren", "hebben", "who", "qui", "die", "both", "tous", "beiden"])


def _listed_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two or three capitalised words listed right after a person are a person the model missed: "Tariq Nasser and
    Omid Rahimi were convicted". The words must be no stop word, title, role, known place or firm word, and the
    list must go on or end there (a comma, a conjunction, a plural verb). Returns the spans with these added."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    for span in spans:
        if span.label_ != "PERSON" or span.end + 3 >= len(doc) or doc[span.end].text not in _LIST_JOIN:
            continue
        start = span.end + 1
        if doc[start].text in ("and", "et", "en") and doc[span.end].text == ",":
            start += 1  # "A, and B"
        end = start
        while end < len(doc) and end - start < 3 and doc[end].is_title and doc[end].is_alpha and not doc[end].is_stop \
                and end not in taken:
            end += 1
        if not 2 <= end - start <= 3 or end >= len(doc) or doc[end].lower_ not in _LIST_END:
            continue
        words = doc[start:end]
        if (any(t.text in TITLE_WORDS or t.text in roles() or _place_word(t.text) for t in words)
                or not _unknown_place(words.text) or classify_org(words.text)[0] is not None):
            continue
        added.append(Span(doc, start, end, label="PERSON"))
        taken.update(range(start, end))
    return sorted(spans + added, key=lambda s: s.start)


def _surname_not_vessel(doc: Doc, spans: list[Span]) -> list[Span]:
    """A vessel whose name is the surname of a person named in full in the doc is that person:
    "Peralta Ruiz, the ship's chief engineer" after "Omar Peralta Ruiz". Returns the corrected spans."""
    surnames = {s[1:].text for s in spans if s.label_ == "PERSON" and len(s) >= 2 and s[0].text in first_names()}
    return [Span(doc, s.start, s.end, label="PERSON") if s.label_ == "VESSEL" and s.text in surnames else s for s in spans]


def _key_parts(doc: Doc, spans: list[Span]) -> list[Span]:
    """Key each named part of a port to the UN/LOCODE of a port named in its sentence ("Pier 15 of the Port
    of San Juan" -> part of PRSJU)."""
    ports = [s for s in spans if s.label_ == "PORT" and len(s.kb_id_) == 5 and s.kb_id_.isalnum()]
    if not ports:
        return spans
    text = doc_text(doc)
    out = []
    for span in spans:
        if span.kb_id_ == PART_OF:
            near = [p for p in ports if abs(p.start_char - span.start_char) < 160
                    and not re.search(r"[.;!?\n]", text[min(p.end_char, span.end_char):max(p.start_char, span.start_char)])]
            if near:
                port = min(near, key=lambda p: abs(p.start_char - span.start_char))
                span = Span(doc, span.start, span.end, label="PORT", kb_id=PART_OF + port.kb_id_)
        out.append(span)
    return out
