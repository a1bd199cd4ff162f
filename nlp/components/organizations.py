"""``havengraph_organizations_v1``: firms and organisations the statistical model misses or mislabels.

Three rules, each from a data file:

- a legal form (``data/legal_forms.txt``: NV, BVBA, SARL, GmbH, S.p.A., Ltd...) after a run of
  capitalised words makes a COMPANY: "Zeebrugge Logistics BVBA", "Terminaux de l'Estuaire SAS";
- a capitalised role word (``data/company_words.txt``: Logistics, Shipping, Transports...) inside a
  run of capitalised words makes a COMPANY: "Columbia Shipmanagement";
- well-known agencies, carriers and gangs (``data/known_organizations.tsv``) keep their type.

:func:`classify_org` is also used by the merger to type the model's ORG spans.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from nlp.components.agencies import AgencyFinder
from nlp.components.common import CONNECTORS, EDGE_WORDS, doc_text, line_is_upper, sentence_bounds, trim
from nlp.resources import cue_table, first_names, known_organizations, word_list

MAX_NAME_TOKENS = 6
#: short legal forms that are also ordinary words in capitals ("SUCH AS", "CV")
#: legal forms written before the name after an article ("la SARL Trans-Fos", "la SAS Azur Fret")
FORMS_BEFORE = _FORMS_BEFORE = frozenset({"SARL", "S.A.R.L.", "SAS", "S.A.S.", "SASU", "EURL", "SNC", "SCI", "SELARL", "SA", "BV", "NV", "BVBA"})
_ARTICLES = frozenset(("la", "une", "l'", "l’", "de", "het", "een", "cette", "sa", "leur"))
# a firm noun written before a firm's name: "la société (de transport) X", "the haulage firm X", "transportbedrijf X"
_FIRM_NOUN = re.compile(r"(?:\b(?:[Ll]a|[Uu]ne|[Ss]a|[Ll]eur|[Dd]e|[Cc]ette|[Ll]['’])\s*(?:société|entreprise|firme|compagnie(?: maritime)?|agence(?: maritime)?)"
                        r"(?:\s+(?:de|d['’])\s*[a-zà-ÿ-]{3,20}(?:\s+[a-zà-ÿ-]{3,12})?)?"
                        r"|\b(?:[Tt]he|[Aa]|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[a-z-]{3,15}\s+)?(?:firm|company|business|operator)"
                        r"|\b(?:[a-z]+bedrijf|rederij|stuwadoor|stuwadoorsbedrijf|uitzendbureau|expediteur|transporteur"
                        r"|firma|vennootschap))\s+(?=[A-ZÀ-Ý])")
# a quoted name after a group noun and a naming verb
_GROUP_NAMED = re.compile(
    r"\b(?:gang|network|group|organi[sz]ation|crew|clan|cartel|syndicate|cell|bende|netwerk|groep|organisatie|groepering"
    r"|réseau|bande|groupe|organisation|clan|cellule)\b[^.;:\n\"“”«»]{0,40}?"
    r"(?:known as|dubbed|called|named|calling itself|which called itself|who called themselves|die zich|genaamd|bekend als"
    r"|baptisée?|surnommée?|appelée?|dénommée?|dite?|qui se fait appeler|connue? sous le nom d[e'’])\s*"
    r"[\"'“‘«]\s*(?P<name>(?:(?:les|le|la|de|het|the)\s+)?[A-ZÀ-Ý][\w'’&-]*(?:\s+[\w'’&-]+){0,4}?)\s*[\"'”’»]")
# a gang named right after its noun, without quotes: "de bende Mocro Crew", "the gang Eastside Boys", "la bande des Quais"
_GROUP_NOUN_NAME = re.compile(r"\b(?:de bende|the gang|la bande(?: des| du| de)?|le gang|le clan|de clan|het kartel|le cartel"
                              r"|the cartel|de groepering)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")
_AMBIGUOUS_IN_CAPS = frozenset({"AS", "AB", "AG", "CV", "SA", "SL", "CO.", "KG", "UG", "SAS", "NV", "BV", "SC"})


@cache
def _legal_form_regex() -> re.Pattern[str]:
    forms = sorted(word_list("legal_forms.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(r"(?<![\w.&])(?:" + alternatives + r")(?![\w&]|\.\w)")


@cache
def _word_sets() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(word_list("company_words.txt")), frozenset(word_list("org_words.txt"))


def classify_org(text: str) -> tuple[str | None, bool]:
    """(type, sure) for an organisation name: ``COMPANY``/``ORGANIZATION`` or None when unknown."""
    known = known_organizations().get(text)
    if known:
        return known, True
    company_words, org_words = _word_sets()
    if _legal_form_regex().search(text):
        return "COMPANY", True
    words = re.findall(r"[\w'’-]+", text.lower())
    lowered = " ".join(words)
    if any(w in org_words for w in words) or any(" " in w and w in lowered for w in org_words):
        return "ORGANIZATION", True
    if any(w in company_words for w in words) and any(w not in company_words and w.isalpha() for w in words):
        return "COMPANY", True
    return None, False


def _name_token(tok, first: bool) -> bool:  # type: ignore[no-untyped-def]
    text = tok.text
    if text == "-" and not tok.whitespace_:
        return False  # "Seine-Maritime" is a place, not a firm called "Maritime"
    if tok.is_space or (tok.is_punct and text not in ("&", "-", "'", "’")):
        return False
    if tok.lower_ in CONNECTORS:
        return not first
    return not tok.is_lower


class OrganizationFinder:
    def __init__(self, nlp: Language):
        company_words, _ = _word_sets()
        self.role_matcher = Matcher(nlp.vocab)
        single = [w for w in company_words if " " not in w]
        self.role_matcher.add("ROLE", [[{"LOWER": {"IN": single}, "IS_TITLE": True}],
                                       [{"LOWER": {"IN": single}, "IS_UPPER": True}]])
        self.agencies = AgencyFinder(nlp.lang)
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")
        for name, type_ in known_organizations().items():
            self.known.add(type_, [nlp.make_doc(name)])
        for lang, type_, name in cue_table("language_organizations.tsv"):
            if lang == nlp.lang:
                self.known.add(type_, [nlp.make_doc(name)])

    def _extend_left(self, doc: Doc, start: int, floor: int) -> int:
        i = start
        while i > floor and start - i < MAX_NAME_TOKENS and _name_token(doc[i - 1], first=False) \
                and not _legal_form_regex().fullmatch(doc[i - 1].text):
            i -= 1
        while i < start and (doc[i].lower_ in CONNECTORS or doc[i].lower_ in EDGE_WORDS or doc[i].is_punct):
            i += 1
        # "Jan de Wit van Maasstad Stevedoring BV": a given name, its surname, then "van"/"of" -- a person and his firm
        if i < start and doc[i].text in first_names():
            cut = next((k + 1 for k in range(start - 1, i, -1) if doc[k].lower_ in ("van", "of", "von", "from", "bij", "chez")
                        and k + 1 < start and doc[k - 1].text[:1].isupper()), None)
            if cut is not None:
                i = cut
        if i < start and i == floor and doc[i].is_stop:
            i += 1  # a capitalised sentence opener ("The", "Yesterday") is not part of the name
        return i

    def _extend_right(self, doc: Doc, end: int, ceiling: int) -> int:
        i = end
        while i < ceiling and i - end < 3 and _name_token(doc[i], first=False) and doc[i].lower_ not in CONNECTORS:
            i += 1
        return i

    def _form_first(self, doc: Doc, start: int, end: int) -> list[Span]:
        """The firm named by a legal form written before its name after an article ("la SARL Trans-Fos",
        "la SA Antwerp Fresh Trading"): the form and the capitalised words after it, or nothing."""
        if start == 0 or doc[start - 1].lower_ not in _ARTICLES:
            return []
        right = self._extend_right(doc, end, sentence_bounds(doc[start])[1])
        if right == end or not any(t.text[:1].isupper() and t.text[1:2].islower() for t in doc[end:right]):
            return []
        span = trim(Span(doc, start, right, label="COMPANY"))
        return [span] if span is not None else []

    def _after_firm_noun(self, doc: Doc) -> list[Span]:
        """Firms named right after a firm noun: "la société de transport Trans-Normandie", "the haulage firm
        Kestrel Haulage", "stuwadoor Kustkaai Stevedoring", "la société de lamanage Lamaneurs de la Seine". The
        capitalised words after the noun (with "de la", "du", "&" and hyphens inside) are the name."""
        out = []
        text = doc_text(doc)
        for match in _FIRM_NOUN.finditer(text):
            start = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if start is None:
                continue
            i = start.start
            _s_start, s_end = sentence_bounds(doc[i])
            if not (doc[i].text[:1].isupper() and doc[i].text[1:2].isalpha()) or doc[i].is_stop:
                continue
            j = i + 1
            while j < s_end and j - i < MAX_NAME_TOKENS:
                tok = doc[j]
                if tok.text[:1].isupper() and not tok.is_punct:
                    j += 1
                elif tok.text in ("-", "&") and j + 1 < s_end and doc[j + 1].text[:1].isupper():
                    j += 2
                elif tok.lower_ in ("de", "du", "des", "d'", "d’", "la", "van", "der", "of") and j + 1 < s_end \
                        and (doc[j + 1].text[:1].isupper() or (doc[j + 1].lower_ in ("la", "l'", "l’", "de")
                                                               and j + 2 < s_end and doc[j + 2].text[:1].isupper())):
                    j += 2 if doc[j + 1].text[:1].isupper() else 3
                else:
                    break
            span = trim(Span(doc, i, j, label="COMPANY"))
            if span is not None:
                type_, _sure = classify_org(span.text)
                out.append(Span(doc, span.start, span.end, label=type_ or "COMPANY"))
        return out

    def _named_groups(self, doc: Doc) -> list[Span]:
        """A gang or network named in quotes after a group noun: "the network known as 'les Quatre Vents'", "de
        bende die zich 'De Kadewachters' noemt", "le réseau baptisé « Les Gars du Quai »"."""
        out = []
        for match in _GROUP_NAMED.finditer(doc_text(doc)):
            span = doc.char_span(match.start("name"), match.end("name"), label="ORGANIZATION", alignment_mode="contract")
            span = trim(span) if span is not None and len(span) else None  # "'De Kadewachters'": the name, not its article
            if span is not None and len(span) <= MAX_NAME_TOKENS:
                out.append(span)
        for match in _GROUP_NOUN_NAME.finditer(doc_text(doc)):
            span = doc.char_span(match.start("name"), match.end("name"), label="ORGANIZATION", alignment_mode="contract")
            if span is not None and len(span) and not any(t.is_sent_start for t in span):
                out.append(span)
        return out

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        found.extend(self._after_firm_noun(doc))
        found.extend(self._named_groups(doc))
        for match in _legal_form_regex().finditer(doc_text(doc)):
            form = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if form is None or form.start == 0:
                continue
            if match.group(0).upper() in _AMBIGUOUS_IN_CAPS and line_is_upper(doc, form[0]):
                continue
            if match.group(0) == "SAC" and not doc[form.start - 1].is_title:
                continue  # "HSI SAC Maria Lopez": a special agent in charge; "Agroexport Sierra Verde SAC": a firm
            s_start, _ = sentence_bounds(form[0])
            left = self._extend_left(doc, form.start, max(s_start, form.start - MAX_NAME_TOKENS - 1))
            if left < form.start and any(t.is_alpha and not t.is_lower for t in doc[left:form.start]):
                span = trim(Span(doc, left, form.end, label="COMPANY"))
                if span is not None:
                    found.append(span)
            elif form.text in _FORMS_BEFORE:
                found.extend(self._form_first(doc, form.start, form.end))
        for _, start, end in self.role_matcher(doc):
            s_start, s_end = sentence_bounds(doc[start])
            left = self._extend_left(doc, start, max(s_start, start - MAX_NAME_TOKENS))
            right = self._extend_right(doc, end, s_end)
            if right - left >= 2:
                span = trim(Span(doc, left, right, label="COMPANY"))
                if span is not None and len(span) >= 2:
                    type_, _sure = classify_org(span.text)
                    found.append(Span(doc, span.start, span.end, label=type_ or "COMPANY"))
        known = [Span(doc, start, end, label=doc.vocab.strings[match_id]) for match_id, start, end in self.known(doc)]
        found.extend(known)
        from nlp.components.vessel_tables import party_cells  # (it reads the table cells of vessels.py)

        found.extend(party_cells(doc, first_names()))  # "Shipper | Consignee" columns of a table
        # "| Thamesbrook Trading Ltd": the cell bar of a table row is no part of the name
        found = [Span(doc, s.start + 1, s.end, label=s.label_) if len(s) > 1 and s[0].text == "|" else s for s in found]
        doc.spans["hg_org"] = found
        # a known name holds the agency read inside it: "Customs and Monopolies Agency", not "Monopolies Agency"
        doc.spans["hg_agency"] = [a for a in self.agencies(doc) if not any(
            k.start <= a.start and a.end <= k.end and len(k) > len(a) for k in known)]
        return doc


@Language.factory("havengraph_organizations_v1", assigns=["doc.spans"])
def make_organization_finder(nlp: Language, name: str) -> OrganizationFinder:
    return OrganizationFinder(nlp)
