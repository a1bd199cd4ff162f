"""Last corrections of the merged entity mentions, for the forms real case texts use.

- candidates the other rules miss: shipping lines, terminal operators and other firms named
  without a legal form (``data/carriers.tsv``, sources in its header); law firms written with
  commas and "&" ("Hill, Betts & Nash LLP"); named parts of a port -- terminals, piers, berths,
  docks, basins and quays ("Packer Avenue Marine Terminal", "Pier 15", "Deurganckdok",
  "Waaslandhaven", "terminal des Flandres") -- which are PORT mentions;
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
from nlp.resources import _rows, first_names, port_gazetteer

# a legal form (85) still wins over a port part: "Noordkaai Stevedoring BV" is a firm
P_CARRIER, P_PORT_PART, P_LAW_FIRM = 86, 84, 88

_PORT_PART = re.compile(
    r"(?<![\w-])(?:"
    r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:(?:Marine|Container|Cruise|Fruit|Reefer|Bulk|Ro-Ro)\s+)?(?:Terminal|Dock|Basin|Quay|Wharf)"
    r"(?!\s+(?:Operators?|Company|Ltd|LLC|Inc|NV|BV|SA|GmbH|Services|Holdings?|Workers?|Police)\b)"
    r"|(?:Pier|Berth|Quay|Kaai|Quai|Dock|Ligplaats|Poste|Terminal|Muelle)\s+\d{1,4}[A-Z]?(?!\s*(?:[-/]\d|%|kg|tonnes?))"
    r"|(?:[A-Z][a-zà-ÿ]{2,}(?:dok|haven|kaai|bassin)|Maasvlakte(?:\s+(?:II|2))?|Europoort|Botlek|Port\s+2000)"
    r"(?![\w-]|[ \t]+[A-Z0-9])"  # not the first word of a firm ("Polderhaven Logistics")
    r"|(?:[Tt]erminal|[Qq]uai|[Bb]assin|[Dd]arse|[Mm]ôle)\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+)[A-ZÉ][\w'’-]+"
    r"(?:\s+[A-Z][\w-]+)?"
    r")(?![\w-])")
# terminal-ish words that belong to a firm, not a place
_NOT_PORT_WORDS = re.compile(r"^(?:The|A|An|Le|La|De|Het|In|At|On|From|To|Of|And|Et|En)$")
_FIRM_FORM = r",?\s+(?:LLP|L\.L\.P\.|LLC|P\.A\.|P\.C\.|PLLC|PC|Ltd\.?|SCRL|SPRL|BV|NV|CVBA)"
_LAW_FIRM = re.compile(r"(?<![\w-])[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+)+,?\s+(?:&\s+[A-Z][\w'’-]+(?:" + _FIRM_FORM
                       + r")?|and\s+[A-Z][\w'’-]+" + _FIRM_FORM + r")(?![\w-])")
_GENERATION = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "Junior", "Senior", "Jnr", "Snr"})
_VESSEL_TAIL = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december crew member members captain master officer seaman sailors
    lundi mardi mercredi jeudi vendredi samedi dimanche maandag dinsdag woensdag donderdag vrijdag zaterdag zondag""".split())
_GENERIC_PART = frozenset("terminal quai bassin darse môle".split())
_PLACE_PREFIX = frozenset("San Santa Santo São Sao Saint St St. Sint Port Puerto Porto Fort Cape Kaap".split())


@cache
def _carriers() -> dict[str, str]:
    out = {}
    for row in _rows("carriers.tsv"):
        if len(row) >= 2:
            for name in [row[0], *(row[2].split("|") if len(row) > 2 and row[2] else [])]:
                out[name] = row[1]
    return out


@cache
def _carrier_pattern() -> re.Pattern[str]:
    names = sorted(_carriers(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@cache
def _stoplist(lang: str) -> list[tuple[frozenset[str], re.Pattern[str]]]:
    out = []
    for row in _rows("entity_stoplist.tsv"):
        if len(row) >= 3 and row[0] in ("*", lang):
            types = frozenset() if row[1] == "*" else frozenset(row[1].split("|"))
            out.append((types, re.compile(row[2])))
    return out


def _spans(doc: Doc, pattern: re.Pattern[str], label: str) -> list[Span]:
    out = []
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="contract")
        if span is not None and len(span):
            out.append(span)
    return out


def extra_candidates(doc: Doc) -> list[tuple[int, Span]]:
    """Carriers, law firms and parts of ports, as (priority, span) candidates of the entity merger."""
    out: list[tuple[int, Span]] = [(P_CARRIER, s) for s in _spans(doc, _carrier_pattern(), "COMPANY")]
    out += [(P_LAW_FIRM, s) for s in _spans(doc, _LAW_FIRM, "COMPANY")]
    for span in _spans(doc, _PORT_PART, "PORT"):
        while len(span) > 1 and _NOT_PORT_WORDS.match(span[0].text):
            span = Span(doc, span.start + 1, span.end, label="PORT")
        last = span[-1].text
        if span[0].lower_ in _GENERIC_PART and port_gazetteer().lookup(last):
            continue  # "terminal de Montoir": the port itself, not a named part of it
        if len(span) > 1 or not span[0].is_sent_start:
            out.append((P_PORT_PART, span))
    return out


def _extend_person(doc: Doc, span: Span) -> Span:
    end = span.end
    while True:
        if (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
                and doc[end + 1].is_title):
            end += 2  # "Sánchez" + "-" + "Ortiz"
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


def _split_person_and_firm(span: Span) -> list[Span]:
    """"Kévin Lemaire et Flandres Manutention SAS" read as one firm: the person, then the firm."""
    if span.label_ != "COMPANY" or len(span) < 5 or span[0].text not in first_names():
        return [span]
    for tok in span[2:4]:
        if tok.lower_ in ("et", "and", "en", "&") and all(t.is_title for t in span[:tok.i - span.start]):
            return [Span(span.doc, span.start, tok.i, label="PERSON"), Span(span.doc, tok.i + 1, span.end, label="COMPANY")]
    return [span]


def finish(doc: Doc, spans: list[Span]) -> list[Span]:
    """The merged mentions after the corrections above (non-overlapping, in order)."""
    stop = _stoplist(doc.lang_)
    out: list[Span] = []
    for span in [part for s in spans for part in _split_person_and_firm(s)]:
        if span.label_ == "PERSON":
            span = _extend_person(doc, span)
            if len(span) == 1 and span.start > 0 and doc[span.start - 1].text in _PLACE_PREFIX:
                continue  # "Juan" of "San Juan"
        elif span.label_ == "VESSEL":
            trimmed = _trim_vessel(span)
            if trimmed is None:
                continue
            span = trimmed
        text = span.text
        if any((not types or span.label_ in types) and rx.fullmatch(text) for types, rx in stop):
            continue
        if span.start > 0 and doc[span.start - 1].like_num and re.search(r"(?:Road|Street|Avenue|Lane|straat|laan)$", text):
            continue  # "14 Harbour Road": an address
        if out and span.start < out[-1].end:
            continue  # an extended name already holds these tokens
        out.append(span)
    return out
