"""Holders named after a verb that ties an identifier to them, the verb standing before the identifier:
"investigators linked the number N to X", "les enquêteurs ont attribué le numéro N à X", "de politie
koppelde het nummer N aan X".

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
