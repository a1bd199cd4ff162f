"""Holders named after a verb that ties an identifier to them, the verb standing before the identifier:
"investigators linked the number N to X", "les enquêteurs ont attribué le numéro N à X", "de politie
koppelde het nummer N aan X"; and a phone "registered to X, N", the number set after the holder.

The cue rules read only the words between the identifier and the holder ("to", "à", "aan"), which say
nothing alone ("sent messages from N to X" names a recipient); the verb before the identifier decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.components.coreference import Ref
from nlp.components.holders import RELATION
from nlp.relation_rules import negated

_HOLDERS = ("PERSON", "COMPANY", "ORGANIZATION")
_NOUN = (r"(?:(?:phone |mobile |telephone |cell |e-mail |email |bank |prepaid )?(?:number|line|address|account|handset|phone)"
         r"|numéro|ligne|adresse(?: électronique| e-mail| mail)?|compte(?: bancaire)?|nummer|telefoonnummer|gsm-nummer|adres"
         r"|e-mailadres|rekening(?:nummer)?)")
_TIED_BEFORE = re.compile(
    r"\b(?:linked|traced|attributed|assigned|tied|connected|matched|attributes|links|traces"
    r"|(?:a|ont|avait|avaient)\s+(?:\S+\s+)?(?:attribué|relié|rattaché|imputé)|attribuent|attribuait|attribuaient|relient"
    r"|koppelde|koppelden|koppelt|koppelen|linkte|linkten|(?:heeft|hebben|had|hadden)\s+(?:\S+\s+)?gekoppeld"
    r"|schreef|schreven|schrijft)\s+(?:the\s+|this\s+|that\s+|le\s+|la\s+|l['’]|ce\s+|cette\s+|het\s+|de\s+|dit\s+|dat\s+)?"
    r"(?:" + _NOUN + r"\s+)?$", re.I)
_TO = re.compile(r"\s*,?\s*(?:to|à|au|aan|toe\s+aan)\s+(?:the\s+|le\s+|la\s+|l['’]|het\s+|de\s+|a\s+)?(?:(?:suspect|man|woman"
                 r"|firm|company|suspects?|société|verdachte|bedrijf)\s+)?", re.I)


def tied_holders(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
                 lang: str) -> list[tuple[str, int, int, str]]:
    """``(HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT, holder, identifier, rule)`` for "linked N to X" and its FR/NL forms."""
    out = []
    for k, ident in enumerate(refs[:-1]):
        holder = refs[k + 1]
        if ident.type not in RELATION or ident.anaphor or holder.type not in _HOLDERS or (k, k + 1) in typed:
            continue
        before = re.sub(r"\s+", " ", text[max(s_start, ident.start - 70):ident.start])
        if not _TIED_BEFORE.search(before) or not _TO.fullmatch(text[ident.end:holder.start]):
            continue
        if negated(lang, before.lower()[-50:]):
            continue
        typed.add((k, k + 1))
        out.append((RELATION[ident.type], k + 1, k, f"{lang}:identifier-tied"))
    return out


_REGISTERED_BEFORE = re.compile(
    r"\b(?:phone|handset|mobile|line|number|sim(?: card)?|account|address|téléphone|portable|ligne|numéro|compte|adresse"
    r"|telefoon|toestel|gsm|nummer|rekening|adres)\s+(?:\S+\s+)?(?:registered|subscribed|attributed|listed|enregistrée?"
    r"|attribuée?|ouverte?|geregistreerd|toegeschreven)\s+(?:to|in\s+the\s+name\s+of|à|au\s+nom\s+d[eu']|op\s+naam\s+van|aan)\s+"
    r"(?:the\s+|la\s+|le\s+|l['’]|de\s+|het\s+|a\s+|une?\s+|een\s+)?(?:(?:firm|company|société|bedrijf)\s+)?$", re.I)


_NUMBER_AFTER_COMMA = re.compile(r"\s*,\s*(?:(?:number|no\.?|nr\.?|le|het)\s+)?", re.I)


def _named_before(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int, lang: str,
                  cue: re.Pattern[str], reach: int, between: re.Pattern[str], rule: str) -> list[tuple[str, int, int, str]]:
    """``(HAS_*, holder, identifier, rule)`` for a holder named after a cue (within ``reach`` characters before it)
    and followed by its identifier with only ``between`` in the middle: "a phone registered to X, N"."""
    out = []
    for k, holder in enumerate(refs[:-1]):
        ident = refs[k + 1]
        if holder.type not in _HOLDERS or holder.anaphor or ident.type not in RELATION or (k, k + 1) in typed:
            continue
        before = re.sub(r"\s+", " ", text[max(s_start, holder.start - reach):holder.start])
        if not cue.search(before) or not between.fullmatch(text[holder.end:ident.start]):
            continue
        if negated(lang, before.lower()[-50:]):
            continue
        typed.add((k, k + 1))
        out.append((RELATION[ident.type], k, k + 1, f"{lang}:{rule}"))
    return out


def registered_holders(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
                       lang: str) -> list[tuple[str, int, int, str]]:
    """``(HAS_PHONE|HAS_EMAIL|HAS_ACCOUNT, holder, identifier, rule)`` for "a phone registered to X, N"."""
    return _named_before(text, refs, typed, s_start, lang, _REGISTERED_BEFORE, 60, _NUMBER_AFTER_COMMA,
                         "identifier-registered")


# "Een gsm-nummer dat de speurders aan X koppelden, N", "a number that agents attribute to X, N"
_RELATIVE_TIED_BEFORE = re.compile(
    r"\b(?:number|line|phone|mobile|handset|address|account|nummer|gsm-nummer|telefoonnummer|lijn|toestel|adres|rekening"
    r"|numéro|ligne|adresse|compte)\s+(?:that|which|dat|die|que|qu['’])\s+(?:\S+\s+){0,4}?"
    r"(?:(?:attribute|attributes|attributed|tie|tied|link|linked|trace|traced)\s+to|(?:attribuent|attribuaient|ont\s+attribué"
    r"|relient)\s+(?:à|au)|aan)\s+(?:the\s+|le\s+|la\s+|de\s+|het\s+)?$", re.I)
_NL_TIE_AFTER = re.compile(r"\s*(?:(?:koppelden|koppelde|koppelen|linkten|linkte|toeschreven|toeschrijven|toeschreef)\s*)?,\s*",
                           re.I)


def relative_tied_holders(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
                          lang: str) -> list[tuple[str, int, int, str]]:
    """``(HAS_*, holder, identifier, rule)`` for an identifier noun whose relative clause ties it to X, N after X."""
    return _named_before(text, refs, typed, s_start, lang, _RELATIVE_TIED_BEFORE, 70, _NL_TIE_AFTER,
                         "identifier-tied-relative")
