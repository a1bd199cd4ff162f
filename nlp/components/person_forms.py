"""Person names in the forms court texts write them and the other rules miss.

- a party role glued before the name: "Appellants Wilson Mora", "Verdachte Ruben Kasteleyn",
  "Prévenu Karim Benali" (``data/person_roles.txt``): the role is cut off;
- names in capitals in captions and headings: "UNITED STATES v. WILSON MORA", "DERMOT FAHY and
  GARY HOLT, Appellants"; the caption words that are no names ("UNITED STATES", "RECHTBANK",
  ``data/caption_words.txt``) keep headings out;
- a registry line with a comma, "SURNAME, Given": "DE WIT, Pieter", "MARCHAND, Julien";
- a name after a title of several words ("het lid Eerdmans", "la juge d'instruction Claire Vasseur",
  ``data/person_titles.txt``);
- the master named after his ship ("le capitaine du navire, Andrés Paredes,") is a person, not the ship;
- the particle surname opening a sentence ("Van den Berg-Hoogland is planner" after "Stefan van den
  Berg-Hoogland");
- a surname standing alone, of a person the document named in full, when that surname is also a
  place name of the port gazetteer ("Holt" after "Gary Holt"), unless it is used as a place there
  ("in Holt", "Holt harbour").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from graph.ids import fold
from nlp.components.common import doc_text
from nlp.resources import _lines, country_names, first_names, place_gazetteer

__all__ = ["caption_names", "captain_not_vessel", "comma_registry_names", "surname_mentions", "titled_names", "without_role"]

_CONNECTORS = frozenset({"AND", "ET", "EN", "&", "V", "V.", "VS", "VS.", "C.", "CONTRE", "TEGEN", ","})
_PARTICLES = frozenset("VAN DE DER DEN TER TEN LE LA DU DA DI DOS VON EL AL BEN BIN ABOU ABU MC".split())
# a line that names parties: "X v. Y", "X c. Y", "Appellants", "verdachte:"
_CAPTION = re.compile(r"(?:\s(?:v|vs|c)\.?\s|\s(?:contre|tegen)\s|\b(?:Appell\w+|Defendants?|Petitioners?|Respondents?"
                      r"|Plaintiffs?|verdachte|Verdachte|VERDACHTE|prévenue?s?|Prévenue?s?|PRÉVENUE?S?)\b)")
_PLACE_BEFORE = frozenset("""in at from near to of into via à au aux en te naar uit bij nabij port haven havens
    harbour""".split())
_PLACE_AFTER = frozenset("""port harbour harbor haven terminal dock docks quay wharf road street county district
    city airport""".split())


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in _lines(name) for word in line.split())


def roles() -> frozenset[str]:
    """Party roles that open a name in court texts (``person_roles.txt``)."""
    return _words("person_roles.txt")


def without_role(span: Span) -> Span | None:
    """``span`` without the party roles before the name ("Appellants Wilson Mora" -> "Wilson Mora")."""
    start = span.start
    doc = span.doc
    while start < span.end and (doc[start].text in roles() or doc[start].text.title() in roles()) \
            and not doc[start].is_upper:
        start += 1
    if start == span.start:
        return span
    if start == span.end:
        return None
    return Span(doc, start, span.end, label=span.label_, kb_id=span.kb_id_)


def _caps_word(tok) -> bool:  # noqa: ANN001  (a spaCy Token)
    return tok.is_upper and tok.is_alpha and (len(tok) >= 2 or tok.text in _PARTICLES)


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with "-" joining "SÁNCHEZ-ORTIZ"), cut at connectors."""
    runs, start = [], None
    for tok in doc:
        inside = _caps_word(tok) and tok.text not in _CONNECTORS
        hyphen = (tok.text == "-" and start is not None and not tok.whitespace_ and not doc[tok.i - 1].whitespace_
                  and tok.i + 1 < len(doc) and _caps_word(doc[tok.i + 1]))
        if inside or hyphen:
            start = tok.i if start is None else start
            if tok.whitespace_ and "\n" in tok.whitespace_:
                runs.append((start, tok.i + 1))
                start = None
            continue
        if start is not None:
            runs.append((start, tok.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def _line_of(doc: Doc, span: Span) -> str:
    text = doc_text(doc)
    return text[text.rfind("\n", 0, span.start_char) + 1:(text.find("\n", span.end_char) + 1 or len(text) + 1) - 1]


def _plausible_caps_name(span: Span) -> bool:
    from nlp.components.organizations import classify_org

    words = [t.text for t in span if t.text != "-"]
    names = [w for w in words if w not in _PARTICLES]
    if not 2 <= len(words) <= 4 or len(names) < 2 or words[-1] in _PARTICLES:
        return False
    if any(w in _words("caption_words.txt") or w.title() in roles() for w in words):
        return False
    title = " ".join(w.title() for w in words)
    return (classify_org(title)[0] is None and fold(title) not in place_gazetteer()
            and title not in country_names() and not any(w.title() in country_names() for w in names))


def caption_names(doc: Doc) -> list[Span]:
    """Person names written in capitals on a caption line ("UNITED STATES v. WILSON MORA") or opening
    with a known given name on any capitals line ("GARY HOLT")."""
    out = []
    given = first_names()
    for start, end in _runs(doc):
        span = Span(doc, start, end, label="PERSON")
        if not _plausible_caps_name(span):
            continue
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and (prev.is_title or prev.text in ("M.", "Mr.", "Mme")) and "\n" not in prev.whitespace_:
            continue  # "M. DUPONT Jean-Marc" and "Port of ROTTERDAM" are read by other rules
        if end < len(doc) and doc[end].is_title and not doc[end - 1].whitespace_.count("\n"):
            if doc[end].text in given:
                continue  # "KASTELEYN Ruben": the registry rule reads it
        if span[0].text.title() in given or _CAPTION.search(_line_of(doc, span)):
            out.append(span)
    return out


def comma_registry_names(doc: Doc) -> list[Span]:
    """A registry line "SURNAME, Given" ("DE WIT, Pieter", "MARCHAND, Julien"): surname in capitals,
    a comma, a known given name."""
    out = []
    given = first_names()
    for tok in doc[1:-1]:
        if tok.text != "," or tok.nbor(1).text.title() not in given or not tok.nbor(1).is_alpha:
            continue  # "DE WIT, Pieter"; an OCR'd record writes "DE VRIES, PIETER"
        start = tok.i
        while start > 0 and tok.i - start < 3 and _caps_word(doc[start - 1]) and doc[start - 1].text not in _CONNECTORS \
                and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        if start == tok.i or all(t.text in _PARTICLES for t in doc[start:tok.i]):
            continue
        if any(t.text in _words("caption_words.txt") for t in doc[start:tok.i]):
            continue
        end = tok.i + 2
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_ \
                and (doc[end + 1].is_title or doc[end + 1].is_upper):
            end += 2  # "DUPONT, Jean-Marc" split by the tokenizer
        out.append(Span(doc, start, end, label="PERSON"))
    return out


def _name_forms(chosen: list[Span], gazetteer) -> tuple[set[str], set[str]]:  # noqa: ANN001
    """Full names and lone surnames to look for again: the running-text form of a name written in
    capitals ("Nestor Quillan", "Quillan" after "NESTOR QUILLAN") and surnames that are also
    gazetteer places ("Holt" after "Gary Holt"), which the merger's own propagation leaves out."""
    given = first_names()
    full, surnames = set(), set()
    for s in chosen:
        if s.label_ != "PERSON" or len(s) < 2:
            continue
        words = [t for t in s if t.is_alpha]
        if words and all(t.is_upper for t in words) and "," not in s.text and len(words) >= 2:
            full.add(" ".join(t.text.title() if t.is_alpha else t.text for t in s).replace(" - ", "-"))
            last = words[-1].text.title()
            if len(last) >= 3 and last not in given:
                surnames.add(last)
        if len(s) >= 4 and s[-2].text == "-" and not s[-2].whitespace_ and not s[-3].whitespace_ and s[-3].is_title:
            surnames.add(s[-3:].text)  # "Sánchez-Ortiz" after "Miguel Sánchez-Ortiz"
        doc = s.doc
        if s.end + 1 < len(doc) and doc[s.end].text == "-" and not s[-1].whitespace_ and not doc[s.end].whitespace_ \
                and doc[s.end + 1].is_title and s[-1].is_title:
            surnames.add(doc[s.end - 1:s.end + 2].text)  # "Miguel Sánchez" found before its "-Ortiz"
        if len(s) >= 3 and s[1].is_lower and s[1].lower_ in {p.lower() for p in _PARTICLES}:
            tail = s[1:].text  # "van den Berg-Hoogland" opening a sentence: "Van den Berg-Hoogland"
            surnames.add(tail[0].upper() + tail[1:])
        last_tok = s[-1]
        if (last_tok.is_title and len(last_tok.text) >= 3 and last_tok.text not in given and not last_tok.is_stop
                and gazetteer.lookup(last_tok.text) is not None):
            surnames.add(last_tok.text)
    return full, surnames


def surname_mentions(doc: Doc, chosen: list[Span], gazetteer) -> list[tuple[bool, Span]]:  # noqa: ANN001
    """More mentions of persons already found: ``(is_full_name, span)`` for the running-text form of a
    capitals name and for lone surnames the merger does not propagate; occurrences read as places
    ("in Holt", "Holt harbour") or as the first word of a longer name ("Holt Logistics") are left alone."""
    full, surnames = _name_forms(chosen, gazetteer)
    surnames -= {s.text for s in chosen if s.label_ in ("PORT", "LOCATION")}
    names = full | surnames
    if not names:
        return []
    out = []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is None:
            continue
        if match.group(0) in full:
            out.append((True, Span(doc, span.start, span.end, label="PERSON")))
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if prev is not None and (prev.lower_ in _PLACE_BEFORE or (prev.is_title and prev.text not in roles())):
            continue  # "in Holt", "Gary Holt" itself
        if after is not None and (after.lower_ in _PLACE_AFTER or (after.is_title and after.is_alpha)):
            continue  # "Holt harbour", "Holt Logistics"
        out.append((False, Span(doc, span.start, span.end, label="PERSON")))
    return out


_NAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?"
_NAME_PARTICLE = r"(?:van|de|der|den|ter|ten|le|la|du|da|di|von|el|al|ben|Van|De|Le|La|Du|El|Ben)"


@cache
def _titled_pattern() -> re.Pattern[str]:
    titles = sorted((line.strip() for line in _lines("person_titles.txt")), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?i:" + "|".join(re.escape(t) for t in titles) + r")[ \t]+("
                      + _NAME_WORD + r"(?:[ \t]+(?:" + _NAME_PARTICLE + r"[ \t]+){0,2}" + _NAME_WORD + r"){0,2})(?![\w-])")


def titled_names(doc: Doc) -> list[Span]:
    """Names after a title of several words ("het lid Eerdmans", "juge d'instruction Claire Vasseur")."""
    out = []
    for match in _titled_pattern().finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1), label="PERSON", alignment_mode="contract")
        if span is None or not len(span) or any(t.text in _words("caption_words.txt") for t in span):
            continue
        if span.end < len(doc) and (re.fullmatch(r"[A-Z]\.", doc[span.end].text) or doc[span.end].is_title
                                    or doc[span.end].lower_ in ("dos", "das", "del", "della", "do", "y")):
            continue  # "Juan R. Sánchez", "Ana dos Santos": the name goes on past the pattern
        out.append(span)
    return out


_CREW = frozenset("""captain master skipper capitaine commandant kapitein schipper gezagvoerder""".split())


def captain_not_vessel(span: Span) -> Span:
    """A VESSEL span that is the master's name in apposition ("le capitaine du navire, Andrés Paredes,"):
    a known given name and a surname, between commas, after a crew title: the person."""
    doc = span.doc
    if (span.label_ != "VESSEL" or not 2 <= len(span) <= 3 or span.start < 2 or doc[span.start - 1].text != ","
            or span[0].text not in first_names() or not all(t.is_title for t in span)
            or span.end >= len(doc) or doc[span.end].text not in (",", ".", ";", "(")):
        return span
    if not any(t.lower_ in _CREW for t in doc[max(0, span.start - 5):span.start - 1]):
        return span
    return Span(doc, span.start, span.end, label="PERSON")
