"""Readings that the evidence sentence itself contradicts, dropped whichever component gave them.

A relation shown against its own sentence (a call to the brother read as a call to the man, a pair
"not charged along with" each other read as co-accused) is worse than a missed one. The checks here
look only at the text of the sentence and the two ends; the last component of the pipeline applies
them to every hit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.age_references import OFFICIAL_TITLE
from nlp.components.appositions import kin_of
from nlp.components.common import doc_text
from nlp.components.coreference import KIN_NOUNS
from nlp.components.holder_checks import end_in_apposition, wrong_holder

if TYPE_CHECKING:
    from nlp.components.relations import RelationHit

HOLDER_TYPES = ("HAS_PHONE", "HAS_EMAIL", "HAS_ACCOUNT")
# the recipient of what was sent: "sent the files to Y from the address E" -- E is the sender's
_RECIPIENT_BEFORE = re.compile(r"\b(?:sent|forwarded|wrote|mailed|e-?mailed|texted|messaged|transferred|paid|envoy\w*"
                               r"|transmis\w*|adress\w*|stuurde|verstuurde|gestuurd|mailde|doorgestuurd)\b[^.;]{0,60}?"
                               r"\b(?:to|à|au|aux|naar|aan)\s+(?:the\s+|la\s+|le\s+|de\s+|het\s+)?$", re.I)
_TOLD = re.compile(r"\b(?:told|informed|warned|notified|advised|asked|a (?:informé|dit à|prévenu|averti)"
                   r"|informa|vertelde|zei tegen|liet .{0,20}weten|deelde .{0,20}mee)\b", re.I)


# a charge denied or an acquittal between two people: "X was not charged along with Y", "X werd niet samen met Y
# vervolgd", "X a été relaxé avec Y", "X werd samen met Y vrijgesproken"
_CHARGE = (r"(?:charged|indicted|prosecuted|arrested|convicted|sentenced|poursuivie?s?|mise?s? en examen|interpellée?s?"
           r"|condamnée?s?|vervolgd|aangehouden|veroordeeld|gedagvaard|opgepakt)")
_NOT_CHARGED = re.compile(r"\b(?:not|never|n['’](?:a|ont|avait|avaient) (?:pas|jamais) été|niet|nooit)\s+(?:\w+\s+){0,3}?"
                          + _CHARGE + r"\b", re.I)
_ACQUITTED = re.compile(r"\b(?:acquitted|cleared|found not guilty|relaxée?s?|acquittée?s?|vrijgesproken)\b", re.I)
_CONVICTED = re.compile(r"\b(?:convicted|sentenced|found guilty|veroordeeld|condamnée?s?|reconnue?s? coupables?)\b", re.I)
# the people named are the ones who arrested: "Rechercheur X heeft samen met Y de verdachte aangehouden"
_ACTIVE_ARREST = re.compile(r"^[^.;]*?(?:\b(?:heeft|hebben|had|hadden)\b[^.;]{0,60}\b(?:aangehouden|opgepakt|gearresteerd"
                            r"|ingerekend)\b|\b(?:has|have|had)\s+(?:\w+\s+){0,2}?(?:arrested|detained)\b"
                            r"|\b(?:a|ont|avait|avaient)\s+(?!été\b)(?:\w+\s+)?(?:interpellé|arrêté|appréhendé)\b)", re.I)


# a possessive before a kin noun: "the number of his cousin (Wim)" is the cousin's, not the holder of "his"
_POSSESSED_RELATIVE = re.compile(r"(?:his|her|their|son|sa|ses|leur|leurs|zijn|haar|hun)\s+(?:[\w-]+\s+)?(?:"
                                 + KIN_NOUNS + r")\b", re.I)
# an identifier described as a relative's: "N, the phone of his wife", "N, le numéro de son frère"
_RELATIVES_IDENTIFIER = re.compile(
    r"\s*,\s*(?:the|le|la|l['’]|het|de)\s*(?:[\w-]+\s+)?(?:number|phone|mobile|line|handset|address|account"
    r"|numéro|téléphone|portable|ligne|adresse|compte|nummer|telefoon|gsm|toestel|adres|rekening)\s+"
    r"(?:of|de|du|van)\s+" + _POSSESSED_RELATIVE.pattern, re.I)


_APPOSITION_OPEN = re.compile(r",\s*(?:the|a|an|le|la|l['’]|un|une|de|het|een|his|her|son|sa|zijn|haar)?\s*$", re.I)
_APPOSITION_CLOSE = re.compile(r"\s*(?:\(\d{1,3}\)|,\s*\d{1,3}(?:\s*(?:ans|jaar))?\s*(?=,))?\s*,")


def _inside_kin_apposition(text: str, end: tuple[int, int], lang: str) -> bool:
    """Whether the mention at ``end`` is the name inside an aside that says whose relative the subject is:
    "A, the cousin of B, ...", "A, le frère de B, ...", "A, de broer van B, ..." (B is no subject of what follows)."""
    kin = kin_of(lang)
    if kin is None:
        return False
    before = text[max(0, end[0] - 60):end[0]]
    found = kin.search(before)
    return (found is not None and _APPOSITION_OPEN.search(before[:found.start()]) is not None
            and _APPOSITION_CLOSE.match(text, end[1]) is not None)


def contradicted(text: str, hit: RelationHit, lang: str) -> bool:
    """Whether the sentence itself contradicts ``hit``, whatever rule gave it:

    - a holder named as the recipient ("sent the files to Y from the address E"; "à Y depuis le numéro N");
    - an end read from a possessive before a kin noun ("N, the number of his cousin"; "Zijn vrouw werkte bij X":
      the relative's, not the possessor's), and a holder named before an identifier the text gives to a relative
      ("X used N, the phone of his wife");
    - a relation to the person whose relative the text names ("X called the brother of Y" is no call to Y);
    - a pair charged together in a sentence that denies the charge, acquits them or makes them the ones
      who arrested ("X was not charged along with Y", "X werd samen met Y vrijgesproken", "Rechercheur X
      heeft samen met Y de verdachte aangehouden");
    - an officer, judge or lawyer telling someone something ("Detective X told Y that he was under
      arrest") is no contact between the two.
    """
    if hit.type in HOLDER_TYPES and not hit.resolved \
            and _RECIPIENT_BEFORE.search(text[max(0, hit.source[0] - 90):hit.source[0]]):
        return True
    if hit.type != "FAMILY_OF" and any(reference is not None and reference[0] == reference[1]
                                       and _POSSESSED_RELATIVE.match(text, reference[0]) for _, reference in hit.resolved):
        return True  # "N, the number of his cousin", "Zijn vrouw werkte bij X": the relative, not the one "his" names
    if hit.type in HOLDER_TYPES:
        if hit.source[0] < hit.target[0] and _RELATIVES_IDENTIFIER.match(text, hit.target[1]):
            return True  # "X used N, the phone of his wife": the wife's phone
        if wrong_holder(text, hit, lang):
            return True  # "the brother of X used N", "Y e-mailed X from E" (holder_checks)
    if end_in_apposition(text, hit):
        return True  # "Mabry, a crane operator employed by X, calls Y": Mabry calls, not X (holder_checks)
    if hit.type in ("CO_ACCUSED", "ASSOCIATE_OF"):
        first, later = sorted((hit.source, hit.target))
        between = text[first[1]:later[0]]
        clause = re.split(r"[.;,]", text[later[1]:hit.sent_end], maxsplit=1)[0]
        # "zijn vrijgesproken van X, maar wel veroordeeld voor Y": charged and convicted together all the same
        acquitted = (_ACQUITTED.search(between) or _ACQUITTED.search(clause)) \
            and not _CONVICTED.search(text[later[1]:hit.sent_end])
        if acquitted or _NOT_CHARGED.search(between + clause) or _ACTIVE_ARREST.match(text[first[1]:hit.sent_end]):
            return True
    if hit.type != "FAMILY_OF" and _inside_kin_apposition(text, min(hit.source, hit.target), lang):
        return True  # "A, le cousin de B, est membre de X": the predicate after the aside is A's, not B's
    if hit.type != "FAMILY_OF":
        kin = kin_of(lang)
        later = max(hit.source[0], hit.target[0])
        if kin is not None and kin.search(text[max(0, later - 40):later]):
            return True  # "X appelait le frère de Y", "X belde de broer van Y": the relative, not Y
    if hit.type == "CONTACTED" and _TOLD.search(text[min(hit.source[1], hit.target[1]):max(hit.source[0],
                                                                                               hit.target[0])]):
        for end in (hit.source, hit.target):
            if OFFICIAL_TITLE.search(text[max(0, end[0] - 30):end[0]]):
                return True
    return False


class Contradictions:
    def __init__(self, nlp: Language) -> None:
        self.lang = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        if doc._.hg_relations:
            text = doc_text(doc)
            doc._.hg_relations = [h for h in doc._.hg_relations if not contradicted(text, h, self.lang)]
        return doc


@Language.factory("havengraph_contradictions_v1", assigns=["doc._.hg_relations"])
def make_contradictions(nlp: Language, name: str) -> Contradictions:
    return Contradictions(nlp)
