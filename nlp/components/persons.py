"""``havengraph_persons_v1``: person names from rules, for Dutch (no model) and the forms models miss.

- a given name (``data/first_names.txt``) followed by a surname, with particles:
  "Jordy Van Aken", "Nordin El Haddouchi", "Pieter de Vries";
- a given name and an initial, as the press anonymises suspects: "Jan P.", "Ridouan T.";
- a registry line "SURNAME Firstname": "KASTELEYN Milan", "VAN AKEN Jordy";
- a title or role word before a surname: "de heer Peeters", "Mme Dubois", "inspector Goossens";
- names in capitals on caption lines and "SURNAME, Given" lines (:mod:`nlp.components.person_forms`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from nlp.components.common import trim
from nlp.components.person_forms import caption_names, comma_registry_names
from nlp.resources import first_names

PARTICLES = ["van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "el", "al", "ben", "da", "dos", "di", "du",
             "le", "la", "von", "mc", "ibn", "bin", "abou", "abu", "Van", "De", "El", "Al", "Ben", "Da", "Du", "Le", "La",
             "Von", "Ter", "Ten", "Der", "Den"]
TITLES = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "m.", "mme", "mme.", "mlle", "monsieur", "madame", "maître", "me",
          "dhr.", "dhr", "mevr.", "mevr", "mevrouw", "heer", "meester", "mister", "dr", "dr.", "inspector",
          "inspecteur", "hoofdinspecteur", "commissaris", "commissaire", "judge", "juge", "rechter",
          "onderzoeksrechter", "prosecutor", "procureur", "magistrat", "advocaat", "avocat", "lawyer", "agent",
          "officer", "detective", "sergeant", "brigadier", "captain", "capitaine", "kapitein", "kapt.", "cdt.",
          "justice", "superintendent", "commissioner", "minister", "ministre", "senator", "sénateur", "député",
          "kamerlid", "burgemeester", "mayor", "maire", "colonel", "kolonel", "general", "général", "président",
          "voorzitter", "chairman", "substitut", "advocaat-generaal"]
# a stop word may be a surname ("Sébastien Hue", "Brian May") but no particle, article or short word is
_NOT_SURNAME = ["the", "and", "les", "des", "het", "een", "une", "in", "on", "of", "at", "to", "is", "it", "as", "an", "en",
                "et", "un", "op", "om", "he", "we", "il", "on", "by", "or", "ou", "si", "ni", "is",
                # subject pronouns that open the next sentence after "Kees P.": "Kees P. Hij werkte ..."
                "hij", "zij", "ze", "she", "they", "elle", "ils", "elles"]
_SURNAME = {"IS_TITLE": True, "LENGTH": {">=": 2}, "LOWER": {"NOT_IN": [p.lower() for p in PARTICLES] + _NOT_SURNAME}}
# after an initial or a first surname, a stop word opens the next sentence: "Marcel de G. Ook e-mails ...", "Jan P. Then"
_LATER_SURNAME = dict(_SURNAME, IS_STOP=False)
_SURNAME_ANY = {"IS_LOWER": False, "IS_PUNCT": False, "IS_DIGIT": False, "LIKE_NUM": False, "LENGTH": {">=": 2}}


def _place_or_firm(word: str) -> bool:
    from graph.ids import fold
    from nlp.resources import place_gazetteer, word_list

    return fold(word) in place_gazetteer() or word.lower() in word_list("company_words.txt")


class PersonFinder:
    def __init__(self, nlp: Language):
        names = sorted(first_names())
        first = {"ORTH": {"IN": names}}
        particle = {"ORTH": {"IN": PARTICLES}, "OP": "{0,2}"}
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("FULL", [[first, dict(first, OP="?"), particle, _SURNAME, dict(_LATER_SURNAME, OP="?")],
                                  [first, particle, {"IS_UPPER": True, "LENGTH": {">=": 2}}]], greedy="LONGEST")
        initial = {"SHAPE": "X."}
        self.matcher.add("INITIAL", [[first, initial], [initial, particle, _LATER_SURNAME]], greedy="LONGEST")
        # "Peter-Jan de W.", "Gert-Jan Mulder": two listed given names joined by a hyphen, one token for Dutch
        self.names = frozenset(names)
        hyphened = {"TEXT": {"REGEX": r"^[A-Z][a-zà-ÿ]+-[A-Z][a-zà-ÿ]+$"}}
        self.matcher.add("HYPHENED", [[hyphened, particle, _SURNAME, dict(_SURNAME, OP="?")],
                                      [hyphened, particle, {"IS_UPPER": True, "LENGTH": {">=": 2}}],
                                      [hyphened, initial], [hyphened, particle, {"TEXT": {"REGEX": r"^[A-Z]\.$"}}]],
                         greedy="LONGEST")
        self.matcher.add("GIVEN", [[first]])
        # "Aris S.", "Iwan Z.": the press's anonymised suspect, given name unknown to the list
        self.matcher.add("ANON", [[{"IS_TITLE": True, "IS_ALPHA": True, "IS_STOP": False, "LENGTH": {">=": 3}},
                                   {"TEXT": {"REGEX": r"^[A-Z]\.$"}}]])
        self.matcher.add("TITLE", [[{"LOWER": {"IN": TITLES}}, {"ORTH": ".", "OP": "?"}, particle, _SURNAME_ANY,
                                    dict(_SURNAME_ANY, OP="?")]], greedy="LONGEST")

    def _registry(self, doc: Doc, first: int) -> Span | None:
        """"KASTELEYN Milan", "VAN AKEN Jordy": surname words in capitals before a given name."""
        i = first
        while i > 0 and first - i < 5:
            prev = doc[i - 1]
            if prev.is_upper and prev.is_alpha and len(prev) >= 2:
                i -= 1
            elif prev.text == "-" and i >= 2 and not prev.whitespace_ and not doc[i - 2].whitespace_ \
                    and doc[i - 2].is_upper and doc[i - 2].is_alpha and i < first:
                i -= 1  # "SÁNCHEZ-ORTIZ Miguel"
            else:
                break
        return Span(doc, i, first + 1, label="PERSON") if i < first else None

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind == "GIVEN":
                if start > 0 and doc[start - 1].is_upper and doc[start - 1].is_alpha:
                    registry = self._registry(doc, start)
                    if registry is not None:
                        found.append(registry)
                continue
            if kind == "HYPHENED" and not all(part in self.names for part in doc[start].text.split("-")):
                continue  # "Saint-Nazaire", "Rotterdam-Zuid": not two given names
            if kind == "ANON" and (_place_or_firm(doc[start].text) or (start > 0 and doc[start - 1].is_title
                                                                and not doc[start - 1].is_sent_start)
                                   or (end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper())):
                continue  # "Antwerpen N.", "Scaldis Trading N.", "Alvin T. McCray": no anonymised name
            if kind == "TITLE":
                start += 1
                while start < end and (doc[start].text == "." or doc[start].is_lower):
                    start += 1
            span = trim(Span(doc, start, end, label="PERSON")) if start < end else None
            if span is None:
                continue
            if kind == "TITLE" and span[0].is_upper and len(span) == 1 and len(span.text) <= 3:
                continue  # "inspector DJSOC" is not a name
            found.append(span)
        found += caption_names(doc) + comma_registry_names(doc)
        doc.spans["hg_person"] = found
        return doc


@Language.factory("havengraph_persons_v1", assigns=["doc.spans"])
def make_person_finder(nlp: Language, name: str) -> PersonFinder:
    return PersonFinder(nlp)
