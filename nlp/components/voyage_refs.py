"""A voyage told over several sentences: the ship named once, then "the vessel", "ce porte-conteneurs",
"celui-ci", "het schip", "het" as the subject of a later sentence that moves it.

"The Nordic Ember left Cartagena on 2 May. The vessel then called at Valencia before reaching Le Havre."
"... déchargé du navire Rio Coroico. Celui-ci, en provenance de Buenaventura, avait fait escale à Cristóbal."
"Het schip vertrok uit Santos. Het was op weg naar Gdańsk toen het in Vlissingen aanmeerde."

The sentence must open with the reference (its subject, not "the vessel's captain"), move the ship (a word of
``voyages._MOVE``) and name no ship of its own; a port after a person named in it is that person's; the ship is the last one named, within the four sentences before,
with no other ship named since. A pronoun ("celui-ci", "het", "il") stands for the ship only when the ship
is the last person, firm or ship named before it, or the sentence before opened with a reference to it. Each port of the sentence is then a ``CALLED_AT``, unless
it is a registry, a seat or an authority ("registered in", "based in", "Antwerp prosecutors"). The relation
keeps its evidence sentence with the reference resolved to the ship.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.components.common import doc_text, sentence_starts
from nlp.components.coreference import Ref
from nlp.components.voyages import _MOVE, _NOT_CALL, _SPACES, _seat_or_home, persons_port
from nlp.relation_rules import negated

_SHIP_NOUNS = {
    "en": r"(?:vessel|ship|boat|freighter|tanker|bulk carrier|bulker|container ship|containership|boxship|reefer"
          r"|reefer vessel|cargo ship|feeder|feeder vessel|trawler|yacht|carrier)",
    "fr": r"(?:navire|bateau|cargo|vraquier|porte-conteneurs|porte-conteneur|chalutier|pétrolier|minéralier|caboteur"
          r"|voilier|bâtiment|roulier|navire-citerne|frigorifique)",
    "nl": r"(?:schip|vaartuig|vrachtschip|containerschip|bulkschip|koelschip|vissersschip|motorschip|feederschip"
          r"|zeeschip)",
}
_NOUN_OPENING = {
    "en": re.compile(rf"^(?:(?:then|later|there|afterwards|subsequently|meanwhile),? )?(?:the|this|that) {_SHIP_NOUNS['en']}\b"),
    "fr": re.compile(rf"^(?:(?:puis|ensuite|là),? )?(?:le|ce|ledit) {_SHIP_NOUNS['fr']}\b"),
    "nl": re.compile(rf"^(?:(?:daarna|vervolgens|daar) )?(?:het|dit|dat|de|deze) {_SHIP_NOUNS['nl']}\b"),
}
# a pronoun for the ship, then a verb: "Het was op weg naar", "Celui-ci, en provenance de", "Il a ensuite accosté"
_PRONOUN_OPENING = {
    "en": re.compile(r"^(?:it|she) (?:had |has |was |then |later |also |subsequently )*(?:called|sailed|arrived|departed"
                     r"|left|docked|berthed|moored|reached|entered|visited|stopped|made|continued|headed|proceeded)\b"),
    "fr": re.compile(r"^(?:celui-ci|ce dernier|il)\b(?=,| a | avait | est | était | fait | faisait | se | s')"),
    "nl": re.compile(r"^(?:het|dit|zij|ze) (?=was |is |had |heeft |voer |vertrok |kwam |meerde |lag |legde |deed "
                     r"|arriveerde |werd )"),
}
_PARTIES = ("PERSON", "COMPANY", "ORGANIZATION", "VESSEL")
_OWNED = re.compile(r"(?:'s|’s|'|’)(?:\s|$)")


def ship_references(doc: Doc, lang: str) -> list:  # type: ignore[type-arg]
    """``CALLED_AT`` hits for the ports of sentences whose subject refers back to the last-named ship."""
    from nlp.components.relations import RelationHit

    noun_opening, pronoun_opening, move = _NOUN_OPENING.get(lang), _PRONOUN_OPENING.get(lang), _MOVE.get(lang)
    if noun_opening is None or pronoun_opening is None or move is None:
        return []
    mentions = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans.get("hg_entities", []))
    if not any(label == "VESSEL" for _, _, label in mentions):
        return []
    text = doc_text(doc)
    bounds = [doc[i].idx for i in sentence_starts(doc)] + [len(text)]
    sentences = list(zip(bounds, bounds[1:], strict=False))
    out = []
    subjects: dict[int, tuple[int, int, str]] = {}  # sentence -> the ship its opening reference stands for
    for n, (s_start, s_end) in enumerate(sentences):
        inside = [m for m in mentions if s_start <= m[0] and m[1] <= s_end]
        if any(label == "VESSEL" for _, _, label in inside):
            continue
        sentence = text[s_start:s_end]
        lead = len(sentence) - len(sentence.lstrip())
        opening = _SPACES.sub(" ", sentence[lead:lead + 80].lower())
        noun = noun_opening.match(opening)
        if noun is not None and _OWNED.match(opening, noun.end()):
            continue  # "the vessel's captain", "de kapitein van het schip": the subject is a person of the ship
        pronoun = None if noun else pronoun_opening.match(opening)
        if noun is None and pronoun is None:
            continue
        window_start = sentences[max(0, n - 4)][0]
        earlier = [m for m in mentions if window_start <= m[0] and m[1] <= s_start]
        ships = [m for m in earlier if m[2] == "VESSEL"]
        if not ships or len({text[a:b].lower() for a, b, _ in ships}) != 1:
            continue  # no ship, or two ships the reference could stand for
        ship = ships[-1]
        if pronoun is not None and subjects.get(n - 1) != ship:
            named = [m for m in earlier if m[2] in _PARTIES]
            if named[-1] != ship:
                continue  # "celui-ci" after a person or firm named after the ship
        subjects[n] = ship
        if not move.search(sentence.lower()) or negated(lang, opening):
            continue
        match = noun or pronoun
        assert match is not None
        ref_span = (s_start + lead + match.start(), s_start + lead + match.end())
        refs = [Ref(a, b, label, a, b) for a, b, label in inside if label in ("PORT", "COMPANY", "ORGANIZATION")]
        persons = [(a, b) for a, b, label in inside if label == "PERSON"]
        for k, ref in enumerate(refs):
            if ref.type != "PORT" or any(ref_span[1] <= a < ref.start and persons_port(text[b:ref.start])
                                         for a, b in persons):
                continue  # "The vessel was boarded by Ivan Petrov, who flew to Madrid": the person moved
            before = _SPACES.sub(" ", text[max(s_start, ref.start - 30):ref.start].lower())
            if _NOT_CALL.search(before) or _seat_or_home(text, refs, k):
                continue
            out.append(RelationHit("CALLED_AT", (ship[0], ship[1]), (ref.start, ref.end), min(ref_span[0], ref.start),
                                   max(ref_span[1], ref.end), s_start, s_end, "rule", 0.6, f"{lang}:ship-reference",
                                   (((ship[0], ship[1]), ref_span),)))
    return out
