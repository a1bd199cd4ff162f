"""Small helpers shared by the rule components (token tests, span trimming, cue patterns)."""

from __future__ import annotations

import bisect
import re
from functools import cache

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

#: function words that never start or end a name ("The Santa Brisa" -> "Santa Brisa")
EDGE_WORDS = frozenset(
    """the a an this that these those his her its their our le la les l' l’ un une des du de d' d’ ce cet cette
    son sa ses leur het een de der den dit deze die dat zijn haar hun and et en or ou of""".split()
)
_LINE = re.compile(r"[^\n]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")
CONNECTORS = frozenset("de du des la le l' l’ van der den von di del da dos do y et and & 't ter ten te".split())

#: token pattern pieces (Matcher) for words of a proper name
NAME_START = {"IS_LOWER": False, "IS_PUNCT": False, "IS_SPACE": False, "IS_DIGIT": False, "LIKE_NUM": False,
              "IS_STOP": False}
NAME_PART = {"IS_LOWER": False, "IS_PUNCT": False, "IS_SPACE": False}


def is_name_word(token: Token) -> bool:
    """A word that can belong to a proper name: capitalised, upper case, or digits after a name."""
    text = token.text
    if token.is_punct or token.is_space or not text:
        return text in ("-", "&", "'", "’")
    return not token.is_lower


def trim(span: Span) -> Span | None:
    """``span`` without leading/trailing function words and punctuation; None if nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in EDGE_WORDS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_WORDS or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label, kb_id=span.kb_id)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy joins the tokens again on every access)."""
    text = doc.user_data.get("hg_text")
    if text is None:
        text = doc.user_data["hg_text"] = doc.text
    return text


def upper_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the lines written in capitals (headers, table labels), computed once."""
    lines = doc.user_data.get("hg_upper_lines")
    if lines is None:
        lines = []
        for match in _LINE.finditer(doc_text(doc)):
            letters = _NOT_LETTER.sub("", match.group(0))
            if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
                lines.append(match.span())
        doc.user_data["hg_upper_lines"] = lines
    return lines


def line_is_upper(doc: Doc, token: Token) -> bool:
    """Whether the text line holding ``token`` is written in capitals."""
    lines = upper_lines(doc)
    k = bisect.bisect_right(lines, (token.idx, len(doc_text(doc)) + 1)) - 1
    return k >= 0 and lines[k][0] <= token.idx < lines[k][1]


@cache
def _tokenizer_of(lang: str) -> Language:
    import spacy

    return spacy.blank(lang)


def phrase_tokens(lang: str, phrase: str) -> list[str]:
    """How ``lang``'s tokenizer splits ``phrase`` (to build Matcher patterns from cue lists)."""
    return [t.text for t in _tokenizer_of(lang).make_doc(phrase)]


_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])(?<!\b(?:Mr|Ms|Dr|St|Me|Mt|nr|no|Nr|No|vs|cf|ca))(?<!\b(?:Mrs|Mme|dhr|art|Art))"
                           r"[.!?…]+[\"')\]»”]*\s+(?=[A-Z0-9À-Ý\"'(«“\-•])|\n[ \t]*\n\s*")
_LINE_END = re.compile(r"\n\s*")
# "Kees P. Hij werkte ...", "Mo B. De rechtbank ...": the initial of an anonymised name ends a sentence when a
# pronoun, an article before a lower-case noun or a sentence adverb follows
_INITIAL_END = re.compile(r"\b[A-Z][a-zà-ÿ]+ [A-Z]\.\s+(?=(?:De|Het|Een|Le|La|Les|The|A|Un|Une)\s+[a-zà-ÿ]"
                          r"|(?:Hij|Zij|Ze|Op|Volgens|Daarna|Ook|Tijdens|Er|He|She|They|According|Il|Elle|Ils|Selon)\b)")
# abbreviations that a full stop does not end a sentence after: always (court citations, titles, "v."),
# or before a number ("Oct. 12", "No. 5", "art. 3")
_ABBREV_ALWAYS = frozenset("""v vs U.S F Supp App Cir Gen Lt Sgt Det Insp Supt Hon Rep Sen Gov Cpl Capt Cmdr Col Rev Prof
    Mrs Mr Ms Dr St Mt Messrs Mme Mlle Me Dhr Mevr Mass Pa Fla Cal Tex Ill Md Va Ga La Ala Conn Del Wash""".split())
_ABBREV_BEFORE_NUMBER = frozenset("""Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Nr nr no art Art para p pp
    ch sec Sec Vol vol ca""".split())
_WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")
# "GmbH & Co. KG", "Smith & Co. Ltd": "Co." inside a firm's name; "... Stevedoring Co. He was" still ends
_CO_LEGAL_FORM = re.compile(r"\s*(?:KG|KGaA|OHG|Ltd|Limited|LLC|L\.L\.C|Inc|BV|B\.V|NV|N\.V|Pte|Pty|GmbH|AG)\b")


def _abbreviation_before(text: str, match: re.Match[str]) -> bool:
    """Whether the full stop of a sentence-end match closes an abbreviation ("Oct. 12", "F. Supp. 2d")."""
    if not match.group(0).startswith("."):
        return False
    word = _WORD_BEFORE_STOP.search(text, max(0, match.start() - 12), match.start() + 1)
    if word is None:
        return False
    token = word.group(1)
    following = text[match.end():match.end() + 1]
    if token == "Co" and _CO_LEGAL_FORM.match(text, match.start() + 1):
        return True
    return (token in _ABBREV_ALWAYS or (len(token) == 1 and token.isupper())
            or (token in _ABBREV_BEFORE_NUMBER and following.isdigit()))


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start, by punctuation and line breaks (computed once per doc).

    The relation rules use these rather than the parser's sentences: the small models split French
    sentences in odd places, and Dutch has no parser at all.
    """
    starts = doc.user_data.get("hg_sent_starts")
    if starts is not None:
        return starts
    text = doc_text(doc)
    chars = {m.end() for m in _SENTENCE_END.finditer(text) if not _abbreviation_before(text, m)}
    chars |= {m.end() for m in _INITIAL_END.finditer(text)}
    for match in _LINE_END.finditer(text):
        end = match.end()
        line = text[text.rfind("\n", 0, match.start()) + 1:match.start()].rstrip()
        nxt = text[end:end + 1]
        if not (len(line) >= 60 and line[-1:] not in ".!?:;" and nxt.islower()):
            chars.add(end)
    idx = doc.to_array([IDX]).tolist() if len(doc) else []
    starts = sorted({0} | {bisect.bisect_left(idx, c) for c in chars if c < len(text)} - {len(doc)})
    doc.user_data["hg_sent_starts"] = starts
    return starts


def sentence_bounds(token: Token) -> tuple[int, int]:
    """Token index range of the sentence holding ``token`` (the whole doc without sentences)."""
    doc = token.doc
    starts = sentence_starts(doc)
    k = bisect.bisect_right(starts, token.i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return starts[k], end
