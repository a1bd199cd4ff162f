"""Who shipped, received or imported a container, stated with a role noun (``SHIPPED_IN``).

The cue rules read the words between two mentions; a role noun often stands elsewhere:
before both ("the consignee of container Y was X"), after the second ("Y ... named X as
consignee") or between them as a predicate ("X was the importer of container Y"). The role
nouns are in ``data/shipper_roles.tsv``; a negation in the frame blocks it. A list of containers
after the role ("the consignee of containers A and B") gives each its relation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.components.coreference import Ref
from nlp.relation_rules import negated
from nlp.resources import _rows

Frame = tuple[str, int, int, str]
_SPACES = re.compile(r"\s+")
_PARTIES = ("PERSON", "COMPANY")
_IS = {"en": ("was", "is", "were", ":"), "fr": ("était", "est", ":"), "nl": ("was", "is", "waren", ":")}
_WORDS = {
    "en": {"be": r"(?:was|were|is|are|acted as|served as|appeared as|(?:was|is|were) (?:listed|named|registered|declared|"
                  r"recorded|shown|identified) as)", "the": r"(?:the |a |an )?", "of": r"(?:of|for)",
           "box": r"(?:(?:the |a )?(?:refrigerated |reefer |shipping |40-foot |20-foot )?(?:container|containers|box|boxes)"
                  r"(?: numbered| number| no\.?)? )?", "as": r"as", "named": r"(?:named|listed|showed|shows|gave|identified"
                  r"|declared|recorded|designated|mentioned)"},
    "fr": {"be": r"(?:était|est|étaient|sont|a été|figurait comme|figure comme|apparaissait comme|(?:était|est) (?:déclarée?|"
                  r"enregistrée?|mentionnée?) comme)", "the": r"(?:le |la |l'|l’|un |une )?", "of": r"(?:du|des|de|d'|pour)",
           "box": r"(?:(?:le |du |des )?(?:conteneurs?|boîtes?) )?", "as": r"comme",
           "named": r"(?:désignait|mentionnait|indiquait|déclarait|désigne|mentionne|indique)"},
    "nl": {"be": r"(?:was|is|waren|zijn|stond als|staat als|trad op als|werd vermeld als|stond vermeld als)",
           "the": r"(?:de |het |een )?", "of": r"(?:van|voor)", "box": r"(?:(?:de |het )?(?:container|containers) )?",
           "as": r"als", "named": r"(?:vermeldde|noemde|vermeldt|noemt|gaf)"},
}


# "X was named as consignee on the bill of lading for container Y": the paper that names the role
_PAPERS = {
    "en": r"(?:(?:on|in) (?:the |a )?(?:bill of lading|bills of lading|manifest|cargo manifest|customs declaration|booking"
          r"|shipping documents|documents|paperwork) )?",
    "fr": r"(?:(?:sur|dans) (?:le |la |les )?(?:connaissement|manifeste|déclaration en douane|documents) )?",
    "nl": r"(?:(?:op|in) (?:het |de )?(?:cognossement|vrachtbrief|manifest|douaneaangifte|documenten) )?",
}


@cache
def _roles(lang: str) -> str:
    """The role nouns of shippers, consignees and importers in ``lang`` (``data/shipper_roles.tsv``), as one alternation."""
    return "|".join(row[1] for row in _rows("shipper_roles.tsv") if len(row) == 2 and row[0] == lang)


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], ...] | None:
    w = _WORDS.get(lang)
    if not _roles(lang) or w is None:
        return None
    role = "(?:" + _roles(lang) + ")"
    return (
        # party -> container: "X was the consignee of container Y", "X, the importer of Y"
        re.compile(rf"^,? ?(?:{w['be']} |,? )?{w['the']}(?:\S+ )?{role} {_PAPERS.get(lang, '')}{w['of']} ?{w['the']}{w['box']}$"),
        # container -> party: "Y ... named X as consignee" (the role after the party)
        re.compile(rf"^,? ?(?:\S+ ){{0,3}}?{w['named']} {w['the']}$"),
    )


def _column(lang: str, kind: str) -> str | None:
    rows = [row[2] for row in _rows("shipper_roles.tsv") if len(row) >= 3 and row[0] == lang and row[1] == kind]
    return rows[0] if rows else None


@cache
def _earlier(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """(role noun right before a party, shipping verb right before a party, "the container") for sentences
    that name no container and so speak of the one of an earlier sentence."""
    roles = _roles(lang)
    verbs, box = _column(lang, "verbs"), _column(lang, "box")
    if not roles or verbs is None or box is None:
        return None
    role = re.compile(rf"\b(?:{roles})\b(?: [\w'’-]+){{0,5}}? ?(?:was|is|were|était|est|stond|staat|:|,)? ?"
                      rf"(?:la société |la sa |la sarl |de bvba |de nv |de bv |de firma |het bedrijf |the company |société )?$")
    return role, re.compile(verbs + "$"), re.compile(box)


# "the consignee of container Y was the company X", "le destinataire du conteneur Y était la société X"
_FIRM_NOUN = re.compile(r"^(?: (?:the company|the firm|a company|la société|l'entreprise|l’entreprise|la sarl|la sas|la sa"
                        r"|het bedrijf|de firma|de vennootschap|de onderneming))?$")


def _is_firm(lang: str, tail: str) -> bool:
    """"was", "was the company", "était la société": the verb between a role-first container and its party."""
    verb = next((v for v in _IS.get(lang, ()) if tail == v or tail.startswith(v + " ")), None)
    return verb is not None and _FIRM_NOUN.match(tail[len(verb):]) is not None


_VERB_AFTER_ROLE = re.compile(r"\b(?:was|is|were|était|est|stond|staat)\b")
_BOX = re.compile(r"(?<![A-Za-z0-9])[A-Z]{3}[UJZ][\s-]?\d{3}[\s-]?\d{3}[\s-]?\d(?![\w-])")
_STOP = re.compile(r"[.!?]\s")


def _last_boxes(text: str, s_start: int) -> list[tuple[int, int]]:
    """The container numbers of the last sentence before ``s_start`` (within 600 characters) that names some."""
    window = text[max(0, s_start - 600):s_start]
    offset = max(0, s_start - 600)
    found = [(m.start() + offset, m.end() + offset) for m in _BOX.finditer(window)]
    if not found:
        # further back, "the container" is the text's one box when it has named a single number so far
        earlier = [(m.start(), m.end()) for m in _BOX.finditer(text, 0, s_start)]
        numbers = {re.sub(r"[\s-]", "", text[a:b]) for a, b in earlier}
        return earlier[-1:] if len(numbers) == 1 else []
    last = found[-1]
    out = [last]
    for box in reversed(found[:-1]):
        if _STOP.search(text, box[1], last[0]) is not None:
            break
        out.insert(0, box)
        last = box
    return out


def earlier_boxes(text: str, refs: list[Ref], typed: set[tuple[int, int]], s_start: int, s_end: int,
                  lang: str) -> list[Frame]:
    """A shipper, consignee or importer named in a sentence without a container number, for the container(s)
    of the sentence before: "The container was consigned to X", "De ontvanger was X", "Le destinataire
    officiel, la société X". A role noun alone stands for the one box of the sentence before, "the
    containers" for all of them. The boxes join ``refs`` as references (the span of "the container" or of
    the role noun) to the numbers they stand for."""
    patterns = _earlier(lang)
    if patterns is None or any(r.type == "CONTAINER" for r in refs):
        return []
    role, verbs, box_words = patterns
    sentence = text[s_start:s_end].lower()
    out: list[Frame] = []
    for i, party in enumerate(list(refs)):
        if party.type not in _PARTIES or party.anaphor:
            continue
        start = max([s_start] + [r.end for r in refs if r.end <= party.start])
        before = _SPACES.sub(" ", text[start:party.start].lower())
        if negated(lang, before):
            continue
        # a shipping verb with "the container(s)" first ("ils étaient déclarés au nom d'un importateur, X"),
        # else a role noun right before the party
        cue = verbs.search(before)
        mention = box_words.search(sentence[:party.start - s_start]) if cue is not None else None
        phrase = None if mention is not None else role.search(before)
        if mention is not None:
            span = (s_start + mention.start(), s_start + mention.end())
        elif phrase is not None:
            span = (start + phrase.start(), start + phrase.start() + len(phrase.group(0).split()[0]))
            if party.type == "PERSON" and not _VERB_AFTER_ROLE.search(phrase.group(0)):
                continue  # "le dirigeant de la société destinataire, Jean-Marc Delattre": the role is the firm's
        else:
            continue
        if negated(lang, sentence[:party.start - s_start][-60:]):
            continue
        boxes = _last_boxes(text, s_start)
        if phrase is not None and len(boxes) != 1:
            continue  # "the consignee was X" after a list of boxes does not say which of them
        for c_start, c_end in boxes:
            refs.append(Ref(span[0], span[1], "CONTAINER", c_start, c_end, anaphor=True))
            k = len(refs) - 1
            typed.add((min(i, k), max(i, k)))
            out.append(("SHIPPED_IN", i, k, f"{lang}:shipper-earlier-box"))
    return out


@cache
def _labelled(lang: str) -> re.Pattern[str] | None:
    """A role noun written as a label right before a party: "; consignee X", "(expéditeur : X)"."""
    roles = _roles(lang)
    return re.compile(rf"(?:^|[;,(–—-] ?)(?:{roles}) ?:? ?$") if roles else None


@cache
def _role_after_pattern(lang: str) -> re.Pattern[str]:
    w = _WORDS[lang]
    return re.compile(rf"^\s*{w['as']} {w['the']}(?:\S+ )?(?:{_roles(lang)})\b")


def _role_after(lang: str, text: str) -> bool:
    return _role_after_pattern(lang).match(text) is not None


def _role_before(lang: str, text: str) -> bool:
    """"the consignee of container": the role noun before the container (then "Y was X")."""
    return _role_before_pattern(lang).search(text) is not None


@cache
def _role_before_pattern(lang: str) -> re.Pattern[str]:
    w = _WORDS[lang]
    return re.compile(rf"\b(?:{_roles(lang)}) {w['of']} ?{w['the']}{w['box']}$")


def shippers(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
             s_start: int, s_end: int, lang: str) -> list[Frame]:
    """``("SHIPPED_IN", party, container, rule)`` for the role-noun frames of one sentence."""
    patterns = _patterns(lang)
    if patterns is None or not any(r.type == "CONTAINER" for r in refs):
        return []
    predicate, naming = patterns
    out: list[Frame] = []
    labelled = _labelled(lang)

    def add(p: int, c: int, rule: str) -> None:
        pair = (min(p, c), max(p, c))
        if pair not in typed and pair not in blocked:
            typed.add(pair)
            out.append(("SHIPPED_IN", p, c, f"{lang}:{rule}"))

    for i, a in enumerate(refs):
        for j in range(i + 1, min(len(refs), i + 5)):
            b = refs[j]
            if a.anaphor or b.anaphor:
                continue
            inner = refs[i + 1:j]
            if any(r.type != "CONTAINER" for r in inner):
                break  # only a list of containers may stand between the two
            between = _SPACES.sub(" ", text[a.end:b.start].lower()).strip()
            if negated(lang, between):
                continue
            if a.type in _PARTIES and b.type == "CONTAINER":
                first = _SPACES.sub(" ", text[a.end:(inner[0].start if inner else b.start)].lower()).strip()
                if predicate.match(first + " ") or predicate.match(first):
                    for k in [*[i + 1 + n for n, _ in enumerate(inner)], j]:
                        add(i, k, "shipper-role")
            elif a.type == "CONTAINER" and b.type in _PARTIES:
                last = inner[-1].end if inner else a.end
                tail = _SPACES.sub(" ", text[last:b.start].lower()).strip()
                after = _SPACES.sub(" ", text[b.end:s_end].lower())
                before = _SPACES.sub(" ", text[max(s_start, a.start - 60):a.start].lower())
                boxes = [i, *[i + 1 + n for n, _ in enumerate(inner)]]
                if not inner and naming.match(between + " ") and _role_after(lang, after):
                    add(j, i, "shipper-named-as")
                elif _is_firm(lang, tail) and _role_before(lang, before) and not negated(lang, before):
                    for k in boxes:
                        add(j, k, "shipper-role-first")
    # "ONEU1160925 – shipper X, Santa Marta; consignee Y": a party labelled with its role after the last box
    for j, party in enumerate(refs):
        if party.type not in _PARTIES or party.anaphor or labelled is None:
            continue
        lead = _SPACES.sub(" ", text[max(s_start, party.start - 40):party.start].lower())
        if not labelled.search(lead):
            continue
        boxes = [k for k in range(j) if refs[k].type == "CONTAINER"]
        if boxes:
            add(j, boxes[-1], "shipper-labelled")
    return out
