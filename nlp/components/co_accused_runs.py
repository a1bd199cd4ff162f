"""Co-accused named one per sentence: ``CO_ACCUSED`` across the sentences of one case.

Sentencing releases, indictment summaries and judgments often give each defendant a sentence of
his own: "Ivan Petrov, 34, was sentenced to nine years. Samir Haddad received seven years.",
"Karim B. a été condamné à dix ans ; Youssef A. a écopé de huit ans.", "Jan de V. kreeg zes jaar
cel. De medeverdachte Piet B. hoorde vier jaar eisen." A *run* is a series of sentences (or
clauses cut at ";") each of which opens with a person or firm as the subject of a predicate of
the criminal process (``data/co_accused_verbs.tsv``: passive or intransitive forms only, so that
the judge who "sentenced" someone is no subject of it), or opens with "co-defendant X" /
"his co-defendants, X and Y". Every pair of the run's subjects is ``CO_ACCUSED``; the evidence is
the span from the first subject's sentence to the last one's.

What counts as *one case*: the same document, consecutive sentences. A run ends at a sentence
that names a person or firm who is not one of its subjects (a witness, an investigator, the
defendant of another story), after two sentences without a subject, at a negated predicate
("was not charged", "n'a pas été poursuivi", "werd niet vervolgd") and at words that open another
case ("in a separate case", "dans une autre affaire", "in een andere zaak"). A name whose role
is given before it (judge, prosecutor, lawyer, detective ...) is never a subject.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from nlp.components.co_accused import _NOT_ACCUSED_BEFORE, _TAIL, MEMBER_TYPES, _lists, _Ref
from nlp.resources import _rows

MAX_QUIET = 2  # sentences without a subject that a run may step over
_CO_DEFENDANT = (r"co-?defendants?|co-?accused|co-?conspirators?|co-?prévenue?s?|coprévenue?s?|co-?accusée?s?|complices?"
                 r"|medeverdachten?|mededaders?|medebeklaagden?")
# what may stand before the subject at the head of its sentence
_HEAD = re.compile(r"^\W*(?:(?:on|in|earlier|later|today|yesterday|meanwhile|also|additionally|separately|finally|likewise"
                   r"|similarly|le|la|en|de même|par ailleurs|enfin|quant à|op|in|daarnaast|verder|ook|tot slot)\b[^,;]{0,35},\s*)?"
                   r"(?:(?:the|a|his|her|their|its|son|sa|ses|leur|leurs|le|la|les|de|het|zijn|haar|hun)\s+)?"
                   r"(?:(?:other|fellow|second|third|fourth|last|final|autre|tweede|derde|andere)\s+)?"
                   r"(?P<role>" + _CO_DEFENDANT + r"|defendants?|accused|prévenue?s?|accusée?s?|verdachten?|beklaagden?"
                   r"|beschuldigden?|firm|company|société|bedrijf|vennootschap)?[\s,:]*$", re.I)
_OTHER_CASE = re.compile(r"\b(?:(?:a |an |another )?(?:separate|unrelated|different|other) (?:case|matter|investigation|prosecution)"
                         r"|(?:une |dans une )?autre (?:affaire|enquête|dossier)|affaire distincte|(?:een )?andere zaak"
                         r"|(?:een )?ander onderzoek|afzonderlijke zaak|los daarvan)\b", re.I)
_CLAUSE_CUT = re.compile(r";")


@cache
def _verbs(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = [r[2] for r in _rows("co_accused_verbs.tsv") if len(r) >= 3 and r[0] == lang and r[1] == "verb"]
    negations = [r[2] for r in _rows("co_accused_verbs.tsv") if len(r) >= 3 and r[0] == lang and r[1] == "negation"]
    verb_re = re.compile(r"^\s*,?\s*(?:[\w'’.-]+,?\s+){0,4}?(?P<verb>" + "|".join(verbs or ["(?!)"]) + r")\b", re.I)
    return verb_re, re.compile("|".join(negations or ["(?!)"]), re.I)


def _clauses(text: str, sentence_starts: Sequence[int]) -> list[tuple[int, int]]:
    bounds = list(sentence_starts) + [len(text)]
    out = []
    for s, e in zip(bounds, bounds[1:], strict=False):
        start = s
        for cut in _CLAUSE_CUT.finditer(text, s, e):
            out.append((start, cut.start()))
            start = cut.end()
        out.append((start, e))
    return out


def _same_person(text: str, refs: Sequence[_Ref], i: int, j: int) -> bool:
    a, b = text[refs[i].start:refs[i].end], text[refs[j].start:refs[j].end]
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _subject(text: str, refs: Sequence[_Ref], members: list[int], c_start: int, c_end: int,
             lang: str) -> tuple[list[int], str] | None:
    """The subject(s) of a clause that charges them, with how it was read: ``verb`` or ``cue``."""
    if not members:
        return None
    first = refs[members[0]]
    head = _HEAD.match(text[c_start:first.start])
    if head is None or _NOT_ACCUSED_BEFORE.search(text[max(c_start, first.start - 40):first.start]):
        return None
    group = next((g for g in _lists(text, refs, smallest=1) if g[0] == members[0]), [members[0]])
    last = refs[group[-1]]
    aside = _TAIL.match(text, last.end, c_end)
    after = text[aside.end() if aside else last.end:c_end]
    verb_re, negation = _verbs(lang)
    verb = verb_re.match(after)
    if verb:
        if negation.search(after[:verb.end()]):
            return None
        return group, "verb"
    if head.group("role") and re.fullmatch(_CO_DEFENDANT, head.group("role").lower()):
        return group, "cue"  # "Co-defendant B remains a fugitive", "His co-defendants, B and C, ..."
    return None


def subject_runs(text: str, refs: Sequence[_Ref], sentence_starts: Sequence[int],
                 lang: str) -> list[tuple[list[int], int, int]]:
    """Runs of sentences that each charge their own subject: ``(indices into refs, start, end)``."""
    starts = [r.start for r in refs]
    out: list[tuple[list[int], int, int]] = []
    run: list[int] = []
    span = [0, 0]
    quiet = 0

    def close() -> None:
        distinct = [k for x, k in enumerate(run) if not any(_same_person(text, refs, k, j) for j in run[:x])]
        if len(distinct) >= 2:
            out.append((distinct, span[0], span[1]))

    for c_start, c_end in _clauses(text, sentence_starts):
        lo, hi = bisect.bisect_left(starts, c_start), bisect.bisect_left(starts, c_end)
        members = [k for k in range(lo, hi) if refs[k].type in MEMBER_TYPES and not refs[k].anaphor
                   and refs[k].end <= c_end]
        if _OTHER_CASE.search(text[c_start:c_end]):
            close()
            run, quiet = [], 0
        found = _subject(text, refs, members, c_start, c_end, lang)
        if found is not None:
            group, kind = found
            if kind == "cue" and not run:
                continue  # a co-defendant of nobody named yet
            if not run:
                span[0] = c_start
            run.extend(group)
            span[1] = c_end
            quiet = 0
            continue
        named = [k for k in members if not any(_same_person(text, refs, k, j) for j in run)
                 and not _NOT_ACCUSED_BEFORE.search(text[max(c_start, refs[k].start - 40):refs[k].start])]
        quiet += 1
        if named or quiet > MAX_QUIET:
            close()
            run, quiet = [], 0
    close()
    return out
