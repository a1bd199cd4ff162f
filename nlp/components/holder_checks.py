"""Holders of a phone, an e-mail address or an account that the sentence gives to someone else.

A number given to the wrong person is worse than a missed one. The cue rules read the words
between a name and an identifier; these checks look at what stands before the name:

- the name only says whose relative, lawyer or employee the subject is: "the brother of X used N",
  "Y, the lawyer of X, used N", "Y, le frère de X, utilisait le N", "Y, de broer van X, gebruikte N";
- the name is the object of a call or a meeting, and the identifier is the caller's: "Y e-mailed X
  from E", "Y met X, using N" (a participle after the comma is the subject's), "Y a appelé X depuis N";
- the holder is read from a possessive after a denial: "X denied that N was his number".

The role and kin nouns are the ``role_words.tsv`` rows plus a few words for people around a suspect.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from nlp.components.coreference import KIN_NOUNS, Ref
from nlp.relation_rules import negated
from nlp.resources import _rows

if TYPE_CHECKING:
    from nlp.components.relations import RelationHit

HOLDER_TYPES = ("HAS_PHONE", "HAS_EMAIL", "HAS_ACCOUNT")
_PEOPLE_AROUND = (r"lawyer|solicitor|counsel|attorney|friend|associate|accomplice|partner|employee|assistant|secretary"
                  r"|bodyguard|driver|courier|contact|avocate?|conseil|amie?|complice|associée?|employée?|chauffeur"
                  r"|secrétaire|advocaat|advocate|raadsman|raadsvrouw|vriend|vriendin|handlanger|medewerker|werknemer"
                  r"|koerier|secretaresse")
_OF = r"(?:of|de|du|d['’]|van)"
_ARTICLE = r"(?:the\s+|le\s+|la\s+|l['’]|les\s+|de\s+|het\s+)?"
# a verb of contact or meeting, or a preposition after one, right before the name: the name is an object
_OBJECT_BEFORE = re.compile(
    r"\b(?:called|phoned|rang|texted|messaged|e-?mailed|mailed|contacted|met|visited|saw|told|wrote\s+to|spoke\s+(?:to|with)"
    r"|sent\s+(?:\S+\s+){0,3}?to|a\s+(?:appelé|contacté|rencontré|joint|écrit\s+à|téléphoné\s+à|envoyé\s+(?:\S+\s+){0,3}?à)"
    r"|appelait|contactait|rencontrait|appela|contacta|rencontra|belde|mailde|appte|sms'te|contacteerde|ontmoette"
    r"|sprak\s+(?:met)?|zag|heeft\s+(?:\S+\s+){0,3}?(?:gebeld|gemaild|ontmoet|gecontacteerd))\s+" + _ARTICLE + "$", re.I)
# the caller's or sender's identifier after the object: "from E", "depuis le N", "vanaf N", ", using N"
_SENDERS_IDENTIFIER = re.compile(r"^\s*(?:from|depuis|vanaf|,\s*(?:using|utilisant|en\s+utilisant|gebruikmakend\s+van"
                                 r"|met\s+gebruik\s+van))\b", re.I)

# an identifier handed on to someone: the one who passes it on need not hold it
_PASSED_ON = re.compile(r"\b(?:sent|gave|given|forwarded|passed|handed|texted|envoy\w*|transmis\w*|donn[ée]\w*|communiqu[ée]\w*"
                        r"|stuurde|stuurden|gestuurd|gaf|gaven|gegeven|doorgegeven|doorgestuurd)\b", re.I)
_PASSED_BEFORE = re.compile(_PASSED_ON.pattern + r"\s+$", re.I)
_BARE_NOUN = re.compile(r"\s*(?:the|het|de|le|la|l['’]|his|her|its|zijn|haar|son|sa|ses)\s+(?:[\w-]+\s+)?"
                        r"(?:number|nummer|numéro|address|adres|adresse|e-mailadres|account|rekening|compte|iban)\s*:?\s*",
                        re.I)
# the identifier said to be held by someone the sentence does not name: "N, held by his mother", "N, used by a friend"
_HELD_BY_SOMEONE_ELSE = re.compile(
    r"\s*,\s*(?:(?:which|that|qui|die|dat)\s+(?:is|was|est|était|is|was)\s+)?(?:\S+\s+){0,2}?(?:held|used|owned|registered|opened"
    r"|subscribed|detenu|détenu|utilisé|ouvert|enregistré|gebruikt|geopend|geregistreerd)\s+(?:by|to|in\s+the\s+name\s+of|par"
    r"|au\s+nom\s+d[eu']|door|op\s+naam\s+van)\s+(?:his|her|their|a|an|another|one|son|sa|ses|un|une|zijn|haar|hun|een)\b",
    re.I)
# the holder received something from the identifier: "received calls from N", "a reçu des courriels depuis l'adresse E"
_RECEIVED_FROM = re.compile(r"\b(?:received|receives|receiving|got|gets|reçu|recevait|recevaient|reçoit|kreeg|kregen|krijgt"
                            r"|ontving|ontvingen|ontvangen)\b.*\b(?:from|depuis|de|d['’]|du|van|vanaf)\s+(?:\S+\s+){0,3}?$", re.I)
# the identifier as a second item coordinated with the name: "X and a number N", "X et un numéro N"
_COORDINATED = re.compile(r"\s*,?\s*(?:and|et|en|ou|or|of)\s+(?:un|une|a|an|een|another|un\s+autre|une\s+autre|the|le|la|het|de)\b",
                          re.I)
_TO_SOMEONE = re.compile(r"\s*,?\s*(?:to|à|au|aux|aan|naar)\s+\S", re.I)


@cache
def _person_of(lang: str) -> re.Pattern[str]:
    """A noun for a person and "of" right before a name: "the brother of", "le gérant de", "de advocaat van"."""
    rows = [row[2] for row in _rows("role_words.tsv")
            if len(row) >= 3 and row[0] == lang and row[1] in ("kin", "job", "director", "crew", "owner")]
    nouns = "|".join([KIN_NOUNS, _PEOPLE_AROUND] + [f"(?:{r})" for r in rows])
    return re.compile(r"\b(?:" + nouns + r")\s+" + _OF + r"\s*" + _ARTICLE + "$", re.I)


def wrong_holder(text: str, hit: RelationHit, lang: str) -> bool:
    """Whether the holder of ``hit`` (named before its identifier) only names whose relative or colleague the
    subject is, or is the party called with the caller's identifier."""
    if hit.type not in HOLDER_TYPES:
        return False
    for antecedent, reference in hit.resolved:
        if reference is not None and antecedent[1] <= reference[0] \
                and negated(lang, text[antecedent[1]:reference[0]].lower()):
            return True  # "X denied that N was his number": the possessive holds what X denies
    if hit.resolved or hit.source[0] > hit.target[0]:
        return False
    start, end = hit.source
    before = re.sub(r"\s+", " ", text[max(hit.sent_start, start - 60):start])
    between = text[end:hit.target[0]]
    if _person_of(lang).search(before) and not re.match(r"^\s*(?:[:(]|(?:'s|’s)\b)", between):
        return True  # "the brother of X used N", "Y, le frère de X, utilisait N"
    if _RECEIVED_FROM.search(between):
        return True  # "Y aurait reçu des courriels depuis l'adresse E": E is the sender's, not Y's
    if _COORDINATED.match(between):
        return True  # "entre le portable de X et un numéro surinamais, le N": a second party, not X's
    if _HELD_BY_SOMEONE_ELSE.match(text, hit.target[1]):
        return True  # "X received the money on account N, held by his mother": the mother's account
    if _PASSED_BEFORE.search(before) and _BARE_NOUN.fullmatch(between):
        return True  # "stuurde Y het nummer N", "sent Y the number N": Y is given it, whose it is is not said
    if re.search(_PASSED_ON.pattern + r"\s+[A-ZÀ-Ý]", between):
        return True  # "X stuurde Y het nummer N": what X hands on is not said to be X's
    if _PASSED_ON.search(between) and _TO_SOMEONE.match(text, hit.target[1]) \
            and not re.search(r"\b(?:from|depuis|vanaf)\s+(?:\S+\s+){0,3}$", between, re.I):
        return True  # "X a envoyé le numéro N à Y", "X gave the number N to Y": whose number is not said
    return bool(_SENDERS_IDENTIFIER.match(between) and _OBJECT_BEFORE.search(before))


# what joins the last name of a list to an identifier with no verb: "A, B and C (+32 ...)", "A, B, C, tel. +32 ..."
_LABEL_ONLY = re.compile(r"^[,:;]?\s*(?:[(<\[]|(?:tel|tél|phone|telephone|téléphone|telefoon|mobile|mob|gsm|cell|portable"
                         r"|e-?mail|mail|courriel|iban|account|compte|rekening|no|nr|n°|number|numéro|nummer)\b)", re.I)


def label_only(rest: str) -> bool:
    """Whether ``rest`` (the words after a list of names, lower case) ties the identifier to the last name alone."""
    return bool(_LABEL_ONLY.match(rest))


# a new clause with a named subject of its own: "A used N1, and B replied from his own phone N2"
_NEW_SUBJECT_BEFORE = re.compile(r"\b(?:and|but|while|whereas|et|mais|tandis\s+que|alors\s+que|en|maar|terwijl)\s+$", re.I)
# an object pronoun in that clause may be the one the possessive goes back to: "and B called him on his phone"
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her|them|hem|haar|hen|lui|leur)\b|\bl['’]", re.I)


def other_subject_between(text: str, refs: Sequence[Ref], hit: RelationHit) -> bool:
    """Whether a possessive holder ("his phone") was resolved past another person who opens a clause of his
    own between the antecedent and the possessive: the possessive is that person's, not the antecedent's."""
    if hit.type not in HOLDER_TYPES:
        return False
    for antecedent, reference in hit.resolved:
        if reference is None or antecedent[1] > reference[0]:
            continue
        if any(r.type == "PERSON" and not r.anaphor and antecedent[1] <= r.start and r.end <= reference[0]
               and (r.target_start, r.target_end) != antecedent
               and _NEW_SUBJECT_BEFORE.search(text[max(0, r.start - 14):r.start])
               and not _OBJECT_PRONOUN.search(text[r.end:reference[0]]) for r in refs):
            return True
    return False


# the first end stands inside an apposition of someone else: "Mabry, a crane operator employed by X, calls Y"
_IN_APPOSITION_BEFORE = re.compile(
    r",\s*(?:(?:a|an|the|his|her|un|une|le|la|l['’]|son|sa|een|de|het|zijn|haar)\s+|who\s+|qui\s+|die\s+)?[a-zà-ÿ][^,;()]{0,60}?"
    r"\b(?:by|at|for|of|with|from|par|chez|pour|de|du|d['’]|bij|van|voor)\s+(?:the\s+|le\s+|la\s+|l['’]|de\s+|het\s+)?$", re.I)
_APPOSITION_CLOSES = re.compile(r"\s*,", re.I)


def end_in_apposition(text: str, hit: RelationHit) -> bool:
    """Whether the first end of a contact is a firm or person named inside another person's apposition, with the
    contact verb after the apposition: the verb's subject is the person, not the end named in the aside."""
    if hit.type != "CONTACTED" or hit.resolved:
        return False
    first, second = sorted((hit.source, hit.target))
    return bool(_IN_APPOSITION_BEFORE.search(text[max(hit.sent_start, first[0] - 90):first[0]])
                and _APPOSITION_CLOSES.match(text, first[1]))
