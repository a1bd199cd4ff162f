"""Who holds a phone, an e-mail address or an account, when the noun of the identifier stands before
the holder: "the account of Kwelderland BV, NL41 INGB ...", "le numéro de X, le 06 ...", and lists of
contact details after a colon: "les coordonnées de X : téléphone +870 ..., adresse ops@...".

The cue rules read the words between holder and identifier; here that is only a comma or a colon,
and the noun that ties them is before the holder. Nouns are in ``data/identifier_nouns.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.components.coreference import Ref
from nlp.relation_rules import negated
from nlp.resources import _rows

_HOLDERS = ("PERSON", "COMPANY", "ORGANIZATION")
RELATION = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL", "BANK_ACCOUNT": "HAS_ACCOUNT"}
_OF = {"en": r"of", "fr": r"(?:de|du|d'|d’)", "nl": r"van"}
_ARTICLE = r"(?:the |his |her |its |their |le |la |l'|l’|les |son |sa |ses |de |het |zijn |haar )?"
_GLUE = re.compile(r"^\s*[,:(]?\s*(?:(?:le|la|het|the|nummer|number|n°|no\.?|tel\.?|tél\.?|iban)\s*:?\s*)?$", re.I)
_COLON = re.compile(r"^\s*(?::|—|–|-)\s*")
# between two identifiers of one list: "téléphone satellite +870 ..., adresse ops@..."; no name, no verb of another holder
_LIST_GAP = re.compile(r"^\s*(?:[,;/]|—|–|-|\band\b|\bet\b|\ben\b|\bou\b|\bor\b)?\s*(?:[\w'’-]+\s*){0,3}:?\s*$", re.I)


@cache
def _nouns(lang: str) -> dict[str, re.Pattern[str]]:
    out = {}
    for row in _rows("identifier_nouns.tsv"):
        if len(row) >= 3 and row[0] == lang:
            out[row[1]] = re.compile(rf"\b{row[2]} {_OF.get(lang, 'of')} ?{_ARTICLE}$", re.I)
    return out


def holders(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
            lang: str) -> list[tuple[str, int, int, str]]:
    """``(HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT, holder, identifier, rule)`` for the noun-before-holder frames."""
    nouns = _nouns(lang)
    if not nouns:
        return []
    out = []
    for i, holder in enumerate(refs[:-1]):
        if holder.type not in _HOLDERS or holder.anaphor:
            continue
        before = re.sub(r"\s+", " ", text[max(s_start, holder.start - 50):holder.start].lower())
        if negated(lang, before[-30:]):
            continue
        first = refs[i + 1]
        if first.type in RELATION and first.type in nouns and nouns[first.type].search(before) \
                and _GLUE.match(text[holder.end:first.start]):
            if (i, i + 1) not in typed:
                typed.add((i, i + 1))
                out.append((RELATION[first.type], i, i + 1, f"{lang}:identifier-of"))
            continue
        details = nouns.get("DETAILS")
        colon = _COLON.match(text[holder.end:first.start + 1]) if first.start > holder.end else None
        if details is None or colon is None or not details.search(before):
            continue
        last = holder.end
        for k in range(i + 1, len(refs)):
            ident = refs[k]
            if ident.type not in RELATION or not _LIST_GAP.match(text[last:ident.start]) and k > i + 1:
                break
            if (i, k) not in typed:
                typed.add((i, k))
                out.append((RELATION[ident.type], i, k, f"{lang}:contact-details"))
            last = ident.end
    return out
