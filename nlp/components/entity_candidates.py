"""Entity candidates the statistical models and the other rules miss, for the entity merger.

Shipping lines, terminal operators and other firms named without a legal form
(``data/carriers.tsv``, sources in its header); law firms written with commas and "&" ("Hill,
Betts & Nash LLP"); names with initials or a nickname; named parts of a port -- terminals, piers,
berths, docks, basins and quays ("Packer Avenue Marine Terminal", "Pier 15", "Deurganckdok",
"terminal des Flandres") -- as PORT mentions keyed ``part-of:``; ships named by their verb.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from nlp.components.common import doc_text
from nlp.components.organizations import classify_org
from nlp.components.persons import TITLES
from nlp.resources import _rows, known_organizations, place_gazetteer

# a legal form (85) still wins over a port part: "Noordkaai Stevedoring BV" is a firm
P_CARRIER, P_PORT_PART, P_LAW_FIRM, P_NAME_FORM = 86, 84, 88, 86
# kb_id of a named part of a port (terminal, pier, basin): "part-of:" + the UN/LOCODE of the port named
# beside it in the same sentence, when there is one; the adapter keeps it as the entity's "part_of"
PART_OF = "part-of:"
P_PORT_PART_FR = 91  # "terminal minéralier de Fos": above the vessel cue "minéralier"

_W = r"[A-Z](?:[\w'’-]|\.(?=\w))*"  # a capitalised word of a name (no full stop at its end)
_PORT_PART = re.compile(
    r"(?<![\w-])(?:"
    r"(?:" + _W + r"[ \t]+){1,4}(?:(?:Marine|Container|Cruise|Fruit|Reefer|Bulk|Ro-Ro|Deepwater)[ \t]+)?(?:Terminals?|Dock|Basin|Quay|Wharf|Berth"
    r"|Jetty)"
    r"(?![ \t]+(?:Operators?|Company|Ltd|LLC|Inc|NV|BV|SA|GmbH|Services|Holdings?|Workers?|Police)\b)"
    r"|Container[ \t]+Terminal[ \t]+[A-Z][\w-]+"
    r"|(?:" + _W + r"[ \t]+){1,2}(?:Port|Europort|Harbour)(?![ \t]+(?:Authority|Company|Police|of|Ltd|Services|Operators?|Maritime)\b)"
    r"|Port[ \t]+(?!Authority|Police|Company|State|Of\b|Louis|Said|Services|Logistics|Holdings|Operations"
    r"|Partners|Group|Security|Workers)[A-Z][a-z]{3,}"
    r"|(?<=Port of )New York and New Jersey"
    r"|(?:Pier|Berth|Quay|Kaai|Kade|Quai|Dock|Darse|Bassin|Môle|Steiger|Ligplaats|Poste|Terminal|Muelle"
    r"|kaai|kade|quai|darse|bassin|môle|ligplaats)[ \t]+\d{1,4}[A-Z]?"
    r"(?!\s*(?:[-/]\d|%|kg|tonnes?))"
    r"|(?:[A-Z][a-zà-ÿ]{2,}(?:dok|haven|kaai|kai|bassin|kanaal|höft)(?:-(?:kade|terminal|haven|dok))?"
    r"|[A-Z][\w]{2,}-(?:terminal|kade|haven|dok|kanaal)"
    r"|Maasvlakte(?:[ \t]+(?:II|2))?|Europoort|Botlek|Port[ \t]+2000|North Sea Port|Rotterdam World Gateway|RWG"
    r"|Euromax(?:[ \t]+Terminal)?|ECT Delta(?:[ \t]+Terminal)?)"
    r"(?![\w-]|[ \t]+[A-Z0-9])"  # not the first word of a firm ("Polderhaven Logistics")
    r")(?![\w-])")
# an operator's terminal named by its place: "APM Terminals Maasvlakte II", "DP World London Gateway"
_NAMED_TERMINAL = re.compile(r"(?<![\w-])(?:APM Terminals|Hutchison Ports|DP World|PSA|HHLA|Eurogate)[ \t]+(?:Container[ \t]+Terminal[ \t]+)?"
                             r"(?!Ltd|Limited|Inc|NV|BV|B\.V\.|GmbH)[A-Z][\w-]+(?:[ \t]+(?:II|2|Gateway|[A-Z][a-z]+))?(?![\w-])")
P_NAMED_TERMINAL = 87
# port companies: "Associated British Ports", "Peel Ports", "Dublin Port Company", "Port of Cork Company"
_PORT_COMPANY = re.compile(r"(?<![\w-])(?:(?:[A-Z][\w'’-]+[ \t]+){1,3}Ports(?![ \t]+of\b)(?:[ \t]+(?:UK|Ltd|Limited|[A-Z][a-z]+))?"
                           r"|(?:Port[ \t]+of[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?[ \t]+Port[ \t]+Company)(?![\w-])")
P_PORT_COMPANY = 88
# a firm named after the noun that says it is one: "containerbedrijf Progeco Holland", "la société Seine Transit"
_FIRM_NOUN = re.compile(r"(?:\b(?:\w*bedrijf|rederij|firma|vennootschap|expediteur|transporteur|scheepvaartmaatschappij)"
                        r"|\bla société(?: d[e'’] ?[a-zà-ÿ]+)?|\bl['’]entreprise|\bla compagnie(?: maritime)?|\bl['’]armateur"
                        r"|\bl['’]armement|\bthe (?:company|firm|shipping line|shipping company|freight forwarder|haulier|haulage firm"
                        r"|trucking company|terminal operator|stevedoring company|logistics company))"
                        r"[ \t]+([A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]+|d['’][A-Z][\w'’-]+|de[ \t]+l['’][A-Z][\w'’-]+|de[ \t]+la(?=[ \t]+[A-Z])"
                        r"|&|van|de|der|den|et|du|des)){0,3}(?<![ \t]))")
P_FIRM_NOUN = 81
# a ship named without a cue word, by what it does or an apposition: "the Coral Mistral sailed",
# "the Amber Tide, a Liberian-flagged reefer,", "de Celeste Horizon meerde aan", "le Atlantic Juniper a accosté"
_SHIP_WORDS = (r"vessel|ship|container ship|containership|bulk carrier|bulker|reefer|tanker|freighter|tug|trawler|yacht"
               r"|feeder|car carrier|cargo ship|porte-conteneurs|vraquier|navire|cargo|containerschip|koelschip|schip|vrachtschip")
_SHIP_BY_VERB = re.compile(
    r"\b(?:the|The|de|De|het|Het|le|Le|la|La) ((?:[A-Z][\w'’-]+[ \t]+){1,3}(?:[A-Z][\w'’-]+|II|III|IV|\d{1,2}))"
    r"(?=[ \t]+(?:had[ \t]+|has[ \t]+|was[ \t]+|then[ \t]+|later[ \t]+)?(?:sailed|docked|berthed|arrived|departed|left|called"
    r"|anchored|moored|was boarded|was searched|was detained|was escorted|entered|loaded|discharged|meerde|kwam|voer|vertrok"
    r"|lag|arriveerde|a accosté|est arrivée?|a quitté|a appareillé|a fait escale)\b"
    r"|,[ \t]+(?:a|an|the|un|une|le|la|een|het)[ \t]+(?:[\w-]+[ \t]+){0,3}(?:" + _SHIP_WORDS + r")\b)")
P_SHIP_BY_VERB = 83
# French: "terminal des Flandres", "terminal minéralier de Fos", "quai de l'Europe", "darse 2" above
_PORT_PART_FR = re.compile(
    r"(?<![\w-])(?:[Tt]erminal|[Qq]uai|[Bb]assin|[Dd]arse|[Mm]ôle)(?:\s+(?:minéralier|fruitier|roulier|multivrac|vraquier"
    r"|pétrolier|à conteneurs|de conteneurs|conteneurs|sucrier|céréalier))?\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+)"
    r"[A-ZÉ][\w'’]+(?:-[\w'’]+)*(?:\s+[A-Z][\w-]+)?(?![\w-]|\s+\d)")  # "Darse 2" is the numbered form
# "au terminal Porte Océane", "quai Joannès Couvert": a lower-case part-of-port noun right before a name
_PORT_PART_NAMED = re.compile(r"(?<![\w-])(?:terminal|quai|bassin|darse|môle)\s+(?!(?:Le|La|Les|De|Du|Des|The)\b)"
                              r"[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+){0,2}(?![\w-])")
# terminal-ish words that belong to a firm, not a place
_NOT_PORT_WORDS = re.compile(r"^(?:The|A|An|Le|La|De|Het|In|At|On|From|To|Of|And|Et|En)$")
_FIRM_FORM = r",?[ \t]+(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|P\.A\.|P\.C\.|PLLC|PC|Ltd\.?|Inc\.?|SCRL|SPRL|BV|B\.V\.|NV|CVBA|SA|SAS|SARL)"
# a legal form after a firm's name, with a comma or "& Co. KG" ("Blum Caribbean Freight, LLC", "Maersk A/S")
FORM_AFTER = re.compile(r"(?:,?[ \t]+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Corp\.?|Co\.(?![ \t]+[A-Z])|A/S|AS|AB|Oy|S\.p\.A\.|SpA|S\.A\.|SA|NV|N\.V\.|BV"
                         r"|B\.V\.|GmbH|KG|LLP|PLC|plc|Pty Ltd|Limited|DAC|& Co\.(?:[ \t]+KG)?|\((?:[A-Z]{2,3})\)[ \t]+Ltd\.?)"
                         r"(?![\w]|[ \t]+[A-Z][a-z]))+")  # not "Co. Cork", the county
_FORM_BEFORE = r"(?:(?:SARL|SAS|SA|EURL|SNC|NV|BV|BVBA)\s+)?"
_LAW_FIRM = re.compile(r"(?<![\w-])" + _FORM_BEFORE + r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}(?:,[ \t]+[A-Z][\w'’-]+)*,?"
                       r"[ \t]+(?:&[ \t]+(?!Ors\b)[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3}(?:" + _FIRM_FORM + r")?"
                       r"|and[ \t]+[A-Z][\w'’-]+" + _FIRM_FORM + r")(?![\w-])")
_PARTICLE = r"(?:van|de|der|den|ten|ter|te|in 't|'t|le|la|du|da|el|al)"
# "G.H. ten Velde", "P.H. van Rijswijk-Oomen": initials, then a particle or a double surname
_INITIALS_NAME = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,4}\s?(?:(?:" + _PARTICLE + r"\s+){1,3}[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?"
                            r"|[A-Z][a-zà-ÿ]+-[A-Z][a-zà-ÿ]+)(?![\w-])")
# "Rachid 'Ricco' Amrani", 'Thomas "Tommy Bags" Carrozza': a nickname of one to three words between given name and surname
_NICKNAME = re.compile(r"(?<![\w-])[A-Z][a-zà-ÿ]+\s+['‘\"“][A-Z][\w]+(?:\s[A-Z][\w]+){0,2}['’\"”]\s+(?:" + _PARTICLE
                       + r"\s+)?[A-Z][\w'’-]+")
TITLE_WORDS = frozenset("M. Mme Mme. Mr Mr. Mrs Mrs. Ms Ms. Dhr. Dhr Mevr. Mevr Me Maître Mlle".split()) | frozenset(
    w.title() for w in TITLES if not w.endswith(".")) | frozenset("""Detective Garda Chief Superintendent Inspector Sergeant
    Constable Commander Special Agent Officer Judge Justice Defendant Defendants Co-defendant Plaintiff Appellant Deputy
    Assistant Senior District Magistrate Attorney Prosecutor Director Commissioner Minister Senator Councillor""".split())
_NOT_FIRM_END = frozenset("justitie veiligheid justice sécurité security".split())
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


def _spans(doc: Doc, pattern: re.Pattern[str], label: str) -> list[Span]:
    out = []
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="contract")
        if span is not None and len(span):
            out.append(span)
    return out


# a suspect named by initials only, as Belgian and Dutch releases do, with an age beside them: "S.V. (38 ans)",
# "K.D., 41 jaar", "M.A. (30)"; once so named, the same initials elsewhere in the text are that person
_INITIALS_AGED = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})(?=\s*(?:\(\s*\d{1,3}(?:\s*(?:ans|jaar|years?))?\s*\)"
                            r"|,\s*\d{1,3}\s*(?:ans|jaar|years? old)\b))")


def _initials(doc: Doc) -> list[Span]:
    text = doc_text(doc)
    named = {m.group(1) for m in _INITIALS_AGED.finditer(text)}
    if not named:
        return []
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
                         + r")(?![\w])")
    out = []
    for m in pattern.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), label="PERSON", alignment_mode="expand")
        if span is not None and len(span) and span.start_char == m.start(1):
            if span.end_char > m.end(1):  # "M.A.," kept whole by the tokenizer: the name without what follows
                span = doc.char_span(m.start(1), m.end(1), label="PERSON", alignment_mode="contract")
            if span is not None and len(span):
                out.append(span)
    return out


# a French port authority, the public body that employs its agents: "Grand Port Maritime de Marseille", "du Havre"
_PORT_AUTHORITY_FR = re.compile(r"(?<![\w-])Grand[ \t]+Port[ \t]+Maritime[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l['’]|du[ \t]+|des[ \t]+"
                                r"|de[ \t]+)[A-ZÉ][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?")
P_PORT_AUTHORITY = 89
# a field office: an agency's acronym and the city of its office ("HSI Baltimore", "FBI Miami", "LKA Hamburg")
P_FIELD_OFFICE = 84


@cache
def _field_office_pattern() -> re.Pattern[str]:
    acronyms = sorted(n for n, t in known_organizations().items() if t == "ORGANIZATION" and re.fullmatch(r"[A-Z]{2,6}", n))
    return re.compile(r"(?<![\w-])(?:" + "|".join(acronyms) + r")[ \t]+(?P<city>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![\w-])")


def _office_city(place: object) -> bool:
    return place is not None and getattr(place, "population", 0) >= 20_000  # a town of a field office, not a hamlet


def _field_offices(doc: Doc) -> list[Span]:
    from graph.ids import fold

    places = place_gazetteer()
    out = []
    for match in _field_office_pattern().finditer(doc_text(doc)):
        city = match.group("city")
        if not _office_city(places.get(fold(city))):
            first = city.split()[0]
            if not _office_city(places.get(fold(first))):
                continue
            end = match.start("city") + len(first)  # "HSI Miami Special Agent": the city is one word
        else:
            end = match.end()
        span = doc.char_span(match.start(), end, label="ORGANIZATION", alignment_mode="contract")
        if span is not None and len(span) >= 2:
            out.append(span)
    return out


def extra_candidates(doc: Doc) -> list[tuple[int, Span]]:
    """Carriers, law firms and parts of ports, as (priority, span) candidates of the entity merger."""
    out: list[tuple[int, Span]] = [(P_CARRIER, s) for s in _spans(doc, _carrier_pattern(), "COMPANY")]
    out += [(P_LAW_FIRM, s) for s in _spans(doc, _LAW_FIRM, "COMPANY") if s[-1].text.lower() not in _NOT_FIRM_END]
    out += [(P_FIELD_OFFICE, s) for s in _field_offices(doc)]
    out += [(P_PORT_AUTHORITY, s) for s in _spans(doc, _PORT_AUTHORITY_FR, "ORGANIZATION")]
    out += [(P_NAME_FORM, s) for s in _initials(doc)]
    out += [(P_NAME_FORM, s) for s in _spans(doc, _INITIALS_NAME, "PERSON") + _spans(doc, _NICKNAME, "PERSON")]
    out += [(P_PORT_PART_FR, Span(doc, s.start, s.end, label="PORT", kb_id=PART_OF))
            for s in _spans(doc, _PORT_PART_FR, "PORT") + _spans(doc, _PORT_PART_NAMED, "PORT")]
    out += [(P_NAMED_TERMINAL, Span(doc, s.start, s.end, label="PORT", kb_id=PART_OF))
            for s in _spans(doc, _NAMED_TERMINAL, "PORT")]
    out += [(P_PORT_COMPANY, s) for s in _spans(doc, _PORT_COMPANY, "COMPANY")]
    for match in _FIRM_NOUN.finditer(doc_text(doc)):
        firm = doc.char_span(match.start(1), match.end(1), label="COMPANY", alignment_mode="contract")
        while firm is not None and len(firm) > 1 and firm[-1].lower_ in ("van", "de", "der", "den", "et", "du", "des", "&"):
            firm = Span(doc, firm.start, firm.end - 1, label="COMPANY")
        if firm is not None and len(firm) and not firm[0].is_sent_start and not firm[0].is_stop:
            out.append((P_FIRM_NOUN, firm))
    for match in _SHIP_BY_VERB.finditer(doc_text(doc)):
        ship = doc.char_span(match.start(1), match.end(1), label="VESSEL", alignment_mode="contract")
        if ship is not None and len(ship) and classify_org(ship.text)[0] is None \
                and not any(t.text in TITLE_WORDS for t in ship):
            out.append((P_SHIP_BY_VERB, ship))
    for span in _spans(doc, _PORT_PART, "PORT"):
        cut = max((t.i + 1 for t in span if t.text in ("'s", "’s")), default=span.start)
        span = Span(doc, cut, span.end, label="PORT") if cut < span.end else span  # "Felixstowe's Trinity Terminal"
        while len(span) > 1 and _NOT_PORT_WORDS.match(span[0].text):
            span = Span(doc, span.start + 1, span.end, label="PORT")
        if span[0].text == "Port" and span.start > 0 and doc[span.start - 1].is_title and not span[0].is_sent_start:
            continue  # "Meridian Port Services": a firm's words
        if len(span) > 1 or not span[0].is_sent_start:
            out.append((P_PORT_PART, Span(doc, span.start, span.end, label="PORT", kb_id=PART_OF)))
    return out

