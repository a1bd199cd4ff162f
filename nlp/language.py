"""Language of a text: English, French or Dutch, decided offline by a stop-word scorer.

Short function words are the most reliable signal in case files (names, numbers and
identifiers are shared between languages), so each language gets a list of its most frequent
words; the language whose words cover most tokens wins. A few spellings that occur in one
language only (``ij`` words, French accents and elisions) break near ties.

>>> detect_language("The vessel was searched in the port of Antwerp.")
'en'
>>> detect_language("Le navire a été fouillé dans le port d'Anvers.")
'fr'
>>> detect_language("Het schip werd in de haven van Antwerpen doorzocht.")
'nl'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = ("en", "fr", "nl")
DEFAULT_LANGUAGE = "en"

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the of and to in a is was were that for on with as by at from his her he she it they
        which this be been has have had are an not or who their after said its into than also but
        would will there about over under when against between during aboard board port vessel
        ship container police customs court investigators seized found were being these those""".split()
    ),
    "fr": frozenset(
        """le la les de des du un une et à au aux en est était sont été dans par pour sur avec que
        qui ne pas il elle ils ont a son sa ses leur lors selon après avant entre sous cette ce ces
        plus navire bord saisie douane tribunal enquêteurs fait d l qu n""".split()
    ),
    "nl": frozenset(
        """de het een en van in is was werd werden dat die voor op met als door aan bij uit naar
        zijn haar hij zij ze er niet geen ook maar om tot over onder tijdens tegen volgens heeft
        hebben had wordt worden deze dit wat wie waar na nog al schip haven boord douane politie
        rechtbank onderzoekers verdachte verdachten inbeslagname""".split()
    ),
}
# words frequent in two lists are no evidence either way
_SHARED = _STOPWORDS["en"] & _STOPWORDS["nl"] | _STOPWORDS["en"] & _STOPWORDS["fr"] | _STOPWORDS["fr"] & _STOPWORDS["nl"]
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_FR_MARKS = re.compile(r"\b(?:[ldjnsc]|qu)['’]\w|[éèêàçùœ]", re.IGNORECASE)
_NL_MARKS = re.compile(r"\b\w*ij\w*\b|\b\w+(?:heid|lijk|tje|schap)\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def language_scores(text: str) -> dict[str, float]:
    """Share of the words of ``text`` that are function words of each language (0..1 each)."""
    words = [w.lower() for w in _WORDS.findall(text)]
    if not words:
        return {lang: 0.0 for lang in LANGUAGES}
    counts = dict.fromkeys(LANGUAGES, 0.0)
    for word in words:
        if word in _SHARED:
            continue
        for lang in LANGUAGES:
            if word in _STOPWORDS[lang]:
                counts[lang] += 1.0
    counts["fr"] += 0.5 * len(_FR_MARKS.findall(text))
    counts["nl"] += 0.5 * len(_NL_MARKS.findall(text))
    return {lang: counts[lang] / len(words) for lang in LANGUAGES}


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """``"en"``, ``"fr"`` or ``"nl"``; ``default`` when the text gives no evidence."""
    scores = language_scores(text[:20000])
    best = max(LANGUAGES, key=lambda lang: (scores[lang], lang == default))
    return best if scores[best] > 0 else default


@dataclass(frozen=True)
class Segment:
    """A stretch of one document in one language (character offsets into the text)."""

    start: int
    end: int
    lang: str


def detect_segments(text: str, default: str | None = None, min_words: int = 12) -> list[Segment]:
    """Split ``text`` into runs of paragraphs that share a language.

    Paragraphs shorter than ``min_words`` words (headers, signatures, table lines) take the
    language of the document; a document in one language is one segment.
    """
    doc_lang = default or detect_language(text)
    if not text:
        return [Segment(0, 0, doc_lang)]
    bounds: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((pos, match.end()))
        pos = match.end()
    bounds.append((pos, len(text)))
    segments: list[Segment] = []
    for start, end in bounds:
        chunk = text[start:end]
        lang = doc_lang
        if len(_WORDS.findall(chunk)) >= min_words:
            scores = language_scores(chunk)
            best = max(LANGUAGES, key=lambda lg: scores[lg])
            # switch only on clear evidence: tables and name lists score low in every language
            if best != doc_lang and scores[best] >= 0.12 and scores[best] >= 1.5 * scores[doc_lang]:
                lang = best
        if segments and segments[-1].lang == lang:
            segments[-1] = Segment(segments[-1].start, end, lang)
        else:
            segments.append(Segment(start, end, lang))
    return segments
