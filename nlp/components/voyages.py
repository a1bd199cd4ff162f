"""Sentence frames about one vessel: its ports of call and the containers on board.

- a port named right after a port-call phrase ("arrived at", "accosté au", "meerde aan in"), or after
  the verb in Dutch verb-final clauses ("in Antwerpen aangekomen"), is a ``CALLED_AT`` of the one
  vessel the sentence names;
- every port of a sentence that moves its one vessel ("sailed from A and B before discharging at C")
  is a ``CALLED_AT`` unless it is a registry, a seat or an authority ("registered in Liberia");
- a container in a sentence that puts it on board its one vessel is ``SHIPPED_IN`` it;
- a port in a clause that moves the vessel named right before it ("the X, which arrived from Y",
  "X, bound for Y", "de X, die vanuit Y voer") is a ``CALLED_AT`` of that vessel, even when the
  sentence names other ships (:func:`vessel_clauses`).

Each frame gives ``(type, source index, target index, rule)`` over the mentions of the sentence and
adds the pair it ties to ``typed``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.components.consignees import shippers
from nlp.components.coreference import Ref
from nlp.resources import _rows, country_names

Frame = tuple[str, int, int, str]
_SPACES = re.compile(r"\s+")

_CALL_CUE = {
    "en": re.compile(r"(?:called at|calls at|calling at|call at|call in|arrived in|arrived at|arrival in|arrival at|docked in|"
                     r"docked at|berthed at|berthed in|moored at|moored in|discharged at|discharged in|unloaded at|"
                     r"unloaded in|loaded in|loaded at|loaded them in|escorted into|diverted to|brought into|entered|"
                     r"stop in|stopover in|stopped in|stopped at|port call in|reached|reaching|port of|harbour of|harbor of|"
                     r"arrived from|sailed from|departed from|coming from|bound for|inbound from|en route to|headed for|"
                     r"transhipped at|transshipped at|transhipped in|transshipped in|sailed for|departed for|left for"
                     r"|(?:port|ports) of call (?:was|is|were|included)|(?:last|previous|next|first|final) port (?:was|is)"
                     r"|port of (?:loading|discharge|departure|origin) (?:was|is)|destination (?:was|is)|visited|visiting"
                     r"|arriving in|arriving at|landed at|landed in|offloaded at|offloaded in|off-loaded at|voyage from"
                     r"|voyage to|put into|put in at|sailed to|sailing to|sailing from|departing from|departing|heading to"
                     r"|returned to|calling at|stopping at|stopping in|anchored at)"
                     r" (?:the )?(?:port of )?$"),
    "fr": re.compile(r"(?:escale à|escale au|escale en|arrivée à|arrivée au|arrivé à|arrivé au|accosté à|accosté au|"
                     r"dérouté vers|déchargé à|déchargé au|port de|port du|port d'|ports de|quais de|quai de|"
                     r"en provenance de|en provenance d'|venant de|parti de|partie de|à destination de|à destination d'|"
                     r"transbordé à|transbordée à|chargé à|chargée à|chargé au|en route vers|touché|rallier|rallié|rejoindre"
                     r"|remonter vers|remontant vers|fait route vers|faisait route vers|cap sur|débarqué à|débarqué au"
                     r"|débarquée à|débarquée au|débarqués à|débarqués au|accoster à|accoster au|accostant à|accostant au"
                     r"|arrivant à|arrivant au|touché à|touchant|appareillé de|appareillé d'|quitté|quittant|au départ de"
                     r"|au départ d')"
                     r" ?(?:le |la |l')?(?:port de |port du |port d')?$"),
    "nl": re.compile(r"(?:aangekomen in|aangemeerd in|aangemeerd te|kwam aan in|kwamen aan in|meerde aan in|meerden aan in|"
                     r"legden aan in|legden aan bij|meerden aan bij|vertrokken uit|gelost in|haven van|"
                     r"binnengelopen in|lag in|aankomst in|in de haven van|vanuit|vertrokken uit|vertrok uit|afkomstig uit|"
                     r"komende uit|op weg naar|onderweg naar|met bestemming|legde aan in|legde aan aan|legde aan bij|"
                     r"meerde aan aan|meerde aan bij|aangemeerd aan|aangemeerd bij) (?:de |het )?(?:haven van )?$"),
}
_CALL_LIST = re.compile(r"(?:,|\band|\bet|\ben|\bthen|\bpuis|\bdaarna) (?:then |puis |daarna )?(?:at|in|à|au|te|naar)"
                        r" (?:the |le |la |de )?(?:port of |port de |port du |haven van )?$")

# the ship, then where it lay: "aboard the X in Antwerp", "à bord du X au Havre", "aan boord van de X in Gent"
_BESIDE = re.compile(r"^[\"”’»]? ?(?:in|at|à|au|te) (?:the |le |la |de |het )?(?:port of |port de |port du |port d'|harbour of "
                     r"|harbor of |haven van )?$")

# "the owner of the X in Limassol": the owner's seat, not where the ship lay
_OWNER_BEFORE = re.compile(r"(?:owners?|managers?|operators?|charterers?|propriétaires?|armateurs?|gestionnaires?|eigenaars?"
                           r"|reders?|beheerders?) (?:of|du|de|d'|van) (?:the |la |le |l'|de |het )?(?:vessel |ship |navire |schip )?$")

# a clause with a subject of its own after the ship: "while the Baltic Tern was in Hamburg", "tandis que le Y"
_OTHER_CLAUSE = re.compile(r"\b(?:while|whereas|whilst|tandis que|tandis qu['’]|alors que|alors qu['’]|terwijl|waarna|whereafter)"
                           r"\s+(?:the|a|an|another|le|la|l['’]|un|une|de|het|een|een ander)\s", re.I)

# Dutch puts the verb last: "in Antwerpen aangekomen", "in Rotterdam waren aangekomen"
_CALL_AFTER = {"nl": re.compile(r"^ (?:\S+ ){0,2}?(?:aangekomen|aangemeerd|gelost|binnengelopen|aangelopen|gearriveerd|aanmeerde"
                               r"|aanmeerden|aanlegde|aangelegd|aankwam|binnenliep|arriveerde|lag)\b")}

# a sentence that moves its vessel: every port it names is a port of call
_MOVE = {
    "en": re.compile(r"\b(?:arriv\w*|sail\w*|depart\w*|dock(?:ed|ing)|berth(?:ed|ing)|moor(?:ed|ing)|loaded|loading|discharg\w*"
                     r"|unload\w*|call(?:ed|ing)? at|port calls?|bound for|en route|voyage|transs?hip\w*|came from|coming from"
                     r"|left|leaving|reached|entered|itinerary|rotation|routed|visit(?:ed|ing)|ports? of call)\b"),
    "fr": re.compile(r"\b(?:arriv\w*|accost\w*|parti\w*|quitt\w*|escale|provenance|destination|décharg\w*|chargé\w*"
                     r"|amarr\w*|rallié|rallier|touché|remont\w*|transbord\w*|voyage|rotation|venant|venu)\b"),
    "nl": re.compile(r"\b(?:aangekomen|aankomst|kwam|vertrok\w*|meerde|aangemeerd|afgemeerd|gelost|geladen|vanuit|onderweg"
                     r"|bestemming|reis|binnengelopen|arriveerde|aanleg\w*|voer|varen|gevaren|route|aanmeerde|aankwam"
                     r"|binnenliep|aangelegd|op weg|gekomen|aangevoerd)\b"),
}
_NOT_CALL = re.compile(r"(?:registered|flagged|flag|based|headquartered|owned|operated|managed|seat|immatriculé|pavillon"
                       r"|siège|basée?|geregistreerd|vlag|gevestigd|eigendom|authority|police|politie|douane|customs|court"
                       r"|tribunal|rechtbank) (?:in |at |à |en |te |of |de |van |du )?(?:the |le |la |de |het )?$")
_FROM_TO = re.compile(r"(?:from|via|by way of|to|for|de|d'|depuis|vers|pour|à|uit|vanuit|naar|van) $")
_ON_BOARD = re.compile(r"(?:aboard|on board(?: of)?|loaded (?:on|onto)|discharged from|unloaded from|à bord d[eu]|chargée?s? sur"
                       r"|déchargée?s? d[eu]|aan boord van|geladen op|gelost uit|gelost van) (?:the |le |la |de |het )?"
                       r"(?:vessel |ship |navire |schip |containerschip )?$")


# "Antwerp prosecutors", "the Rotterdam court": a port city naming an authority; "Jan Smit, 45, of Houston": a home town
_AUTHORITY_AFTER = re.compile(r"^\s*(?:(?:'s|’s)\s+)?(?:public\s+|district\s+|crown\s+|federal\s+)?(?:prosecutors?|prosecution"
                              r"|court|police|judges?|tribunal|magistrates?|parquet|rechtbank|politie|parket|authorit(?:y|ies)"
                              r"|port authority|harbour master|harbor master|office)\b", re.I)
_REGISTRY_AFTER = re.compile(r"^-(?:registered|flagged|based|owned)\b", re.I)  # "the Hamburg-registered X"
_SEAT_BEFORE = re.compile(r"^,?\s*(?:\(|of|from|uit|van|de|d'|d’|du|in|te|à|based in|gevestigd (?:in|te)|basée? à|établie? à)\s*$", re.I)
_HOME_BEFORE = re.compile(r",\s*(?:\d{1,3},\s*)?(?:of|from|uit|de|van)\s+$", re.I)


_PERSON_CLAUSE = re.compile(r"^\s*,\s*(?:who|whom|whose|qui|dont|die|wie|wiens)\b", re.I)


def persons_port(after_person: str) -> bool:
    """Whether a port after a person named after the ship is the person's: no comma closes the person's aside
    ("boarded by Ivan Petrov in Madrid"), or a relative clause about the person holds it (", who flew from X")."""
    return "," not in after_person or _PERSON_CLAUSE.match(after_person) is not None


def _seat_or_home(text: str, refs: Sequence[Ref], k: int) -> bool:
    """Whether the port ``refs[k]`` names an authority's seat, a person's home town or a firm's seat
    ("Thalassa Bulk Management Ltd uit Limassol"), not a port of call."""
    port = refs[k]
    if _AUTHORITY_AFTER.match(text[port.end:port.end + 40]) or _REGISTRY_AFTER.match(text[port.end:port.end + 12]):
        return True
    if k > 0 and refs[k - 1].type == "COMPANY" and _SEAT_BEFORE.match(text[refs[k - 1].end:port.start]):
        return True
    return k > 0 and refs[k - 1].type == "PERSON" and _HOME_BEFORE.search(text[refs[k - 1].end:port.start]) is not None


def _person_moved(text: str, refs: Sequence[Ref], v: int, port: Ref) -> bool:
    """"Jansen departed from Santos while the X stayed at anchor": a port before the ship, right after a person
    (no other mention and no comma between them; "le conteneur X, arrivé au Havre à bord du Y" still holds)."""
    if port.start > refs[v].start:
        return False
    before = [r for r in refs if r.end <= port.start]
    if not before or before[-1].type != "PERSON":
        return False
    gap = text[before[-1].end:port.start]
    # "X called Y before the container arrived at Z on the V": the cargo moved, not the person
    return "," not in gap and _CARGO_SUBJECT.search(gap) is None


_CARGO_SUBJECT = re.compile(r"\b(?:the|that|this|its|le|la|ce|cette|de|het|die|dat)\s+(?:[\w-]+\s+)?(?:containers?|box(?:es)?"
                            r"|cargo|shipment|consignment|load|conteneurs?|cargaison|chargement|lading|zending)\b", re.I)


_SHIP_AND = re.compile(r"^\s*(?:,\s*)?(?:and|et|en|as well as|ainsi que|of|or|ou)?\s*(?:the |le |la |l'|l’|de |het )?"
                       r"(?:(?:vessel|ship|navire|schip|cargo|porte-conteneurs|containerschip) )?$", re.I)
_BOTH = re.compile(r"^\s*(?:,\s*)?(?:both|all|each|tous (?:les )?deux|toutes (?:les )?deux|beide|allebei|allemaal)?\b", re.I)


def _coordinated_calls(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
                       s_start: int, lang: str) -> list[Frame]:
    """"The X and the Y (both) called at Z", "le X et le Y ont accosté à Z": a port-call phrase after ships joined
    as one subject gives the port to every ship of the list."""
    cue = _CALL_CUE.get(lang)
    out: list[Frame] = []
    k = 0
    while cue is not None and k < len(refs):
        if refs[k].type != "VESSEL" or refs[k].anaphor:
            k += 1
            continue
        run = [k]
        while run[-1] + 1 < len(refs) and refs[run[-1] + 1].type == "VESSEL" and not refs[run[-1] + 1].anaphor \
                and _SHIP_AND.match(text[refs[run[-1]].end:refs[run[-1] + 1].start]):
            run.append(run[-1] + 1)
        k = run[-1] + 1
        if len(run) < 2 or len({(refs[i].target_start, refs[i].target_end) for i in run}) < 2:
            continue
        for p in range(run[-1] + 1, len(refs)):
            port = refs[p]
            if port.type in ("VESSEL", "PERSON", "COMPANY", "ORGANIZATION"):
                break  # another subject or party: the list is no longer the one that moves
            if port.type != "PORT" or port.anaphor:
                continue
            between = _SPACES.sub(" ", text[refs[run[-1]].end:port.start].lower())
            if _OTHER_CLAUSE.search(between) or _NOT_CALL.search(between) or not cue.search(between[-40:]) \
                    or not _BOTH.match(between) or any(c in between for c in ".;:"):
                continue
            for v in run:
                pair = (min(v, p), max(v, p))
                if pair not in typed and pair not in blocked:
                    typed.add(pair)
                    out.append(("CALLED_AT", v, p, f"{lang}:coordinated-ships"))
    return out


def port_calls(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
           s_start: int, s_end: int, lang: str) -> list[Frame]:
    """A port named right after a port-call phrase, in a sentence about a single vessel, or about ships joined
    as one subject (:func:`_coordinated_calls`)."""
    cue = _CALL_CUE.get(lang)
    vessels = {(r.target_start, r.target_end) for r in refs if r.type == "VESSEL"}
    if cue is None or len(vessels) != 1:
        return _coordinated_calls(text, refs, typed, blocked, s_start, lang) if cue is not None else []
    v = next(k for k, r in enumerate(refs) if r.type == "VESSEL")
    out = []
    for k, ref in enumerate(refs):
        if ref.type != "PORT" or (min(v, k), max(v, k)) in typed or (min(v, k), max(v, k)) in blocked \
                or _person_moved(text, refs, v, ref):
            continue
        before = _SPACES.sub(" ", text[max(s_start, ref.start - 40):ref.start].lower())
        after = _SPACES.sub(" ", text[ref.end:min(s_end, ref.end + 40)].lower())
        after_cue = _CALL_AFTER.get(lang)
        # "called at A, Panama, on 9 June and at B": a port listed after one that the vessel called at
        listed = _CALL_LIST.search(before) is not None and any(
            refs[k2].type == "PORT" and (min(v, k2), max(v, k2)) in typed for k2 in range(k))
        # "found aboard the X in the port of Y", "à bord du X à Dunkerque": the port right after the ship
        beside = k > 0 and refs[k - 1].type == "VESSEL" and _BESIDE.match(
            _SPACES.sub(" ", text[refs[k - 1].end:ref.start].lower())) is not None and not _OWNER_BEFORE.search(
            _SPACES.sub(" ", text[max(s_start, refs[k - 1].start - 30):refs[k - 1].start].lower()))
        if cue.search(before) or listed or beside or (after_cue is not None and after_cue.match(after)):
            typed.add((min(v, k), max(v, k)))
            out.append(("CALLED_AT", v, k, f"{lang}:port-call"))
    return out

def voyage(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
       s_start: int, s_end: int, lang: str) -> list[Frame]:
    """Every port of a sentence that moves its one vessel ("sailed from A and B before discharging at C")."""
    vessels = [k for k, r in enumerate(refs) if r.type == "VESSEL"]
    move = _MOVE.get(lang)
    if move is None or len({(refs[k].target_start, refs[k].target_end) for k in vessels}) != 1:
        return []
    sentence = text[s_start:s_end]
    if not move.search(sentence.lower()):
        return []
    v = next((k for k in vessels if not refs[k].anaphor), vessels[0])
    out = []
    for k, ref in enumerate(refs):
        pair = (min(v, k), max(v, k))
        if ref.anaphor or pair in typed or pair in blocked or ref.type not in ("PORT", "LOCATION"):
            continue
        before = _SPACES.sub(" ", text[max(s_start, ref.start - 30):ref.start].lower())
        if _NOT_CALL.search(before):
            continue  # "registered in Liberia", "based in Gulfport"
        if _person_moved(text, refs, v, ref) or _seat_or_home(text, refs, k):
            continue
        if ref.start > refs[v].end and _OTHER_CLAUSE.search(text[refs[v].end:ref.start]):
            continue  # "the X was inspected in Rotterdam while the Baltic Tern was in Hamburg": another subject
        if any(p.type == "PERSON" and refs[v].end <= p.start and p.end <= ref.start and persons_port(text[p.end:ref.start])
               for p in refs):
            continue  # "the X was boarded by Ivan Petrov, who had arrived from Madrid": the person's journey
        if ref.type == "LOCATION" and (text[ref.start:ref.end] in country_names() or not (
                _FROM_TO.search(before) or _CALL_CUE[lang].search(before) if lang in _CALL_CUE else _FROM_TO.search(before))):
            continue  # a place is a port of call after "from/to" or a call phrase ("docked at Ocean Pier")
        typed.add(pair)
        out.append(("CALLED_AT", v, k, f"{lang}:voyage"))
    return out

def cargo(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
      s_start: int, s_end: int, lang: str) -> list[Frame]:
    """Containers of a sentence that puts them on board its one vessel ("aan boord van de X, container Y"),
    and the shippers, consignees and importers named with a role noun (:func:`nlp.components.consignees.shippers`)."""
    out = shippers(text, refs, typed, blocked, s_start, s_end, lang)
    vessels = [k for k, r in enumerate(refs) if r.type == "VESSEL"]
    if len({(refs[k].target_start, refs[k].target_end) for k in vessels}) != 1:
        return out
    v = vessels[0]
    if not _ON_BOARD.search(_SPACES.sub(" ", text[max(s_start, refs[v].start - 30):refs[v].start].lower())):
        return out
    for k, ref in enumerate(refs):
        pair = (min(v, k), max(v, k))
        if ref.type == "CONTAINER" and pair not in typed and pair not in blocked:
            typed.add(pair)
            out.append(("SHIPPED_IN", v, k, f"{lang}:on-board"))
    return out


def _moves(lang: str) -> re.Pattern[str] | None:
    words = [row[1] for row in _rows("vessel_moves.tsv") if len(row) >= 2 and row[0] == lang]
    if not words:
        return None
    # Dutch relative clauses put the verb last: "de X, die vanuit Santos naar Rotterdam voer"
    return re.compile(r"^\s*,\s*(?:(?:which|that|qui|dat|die|waarmee)\s+(?:[^,;.]{0,60}?\s)?)?(?:" + "|".join(words)
                      + r")\b", re.I)


_MOVES = {lang: _moves(lang) for lang in ("en", "fr", "nl")}
_CLAUSE_STOP = re.compile(r"[;:()\n]|\.\s")
# after the first port, a comma ends the clause unless a list or another leg of the voyage goes on
_GOES_ON = re.compile(r"^\s*(?:,\s*)?(?:(?:and|et|en|or|ou|of|then|puis|daarna|before|after|avant|après|voordat|via)\b[^,]*)?$", re.I)


# "loaded in Guayaquil onto the MSC Anna", "chargée à Santos sur le X", "in Santos geladen op de X": the port of
# loading right before the ship it was loaded onto (the sentence may name other ships)
_LOADED_BEFORE = {
    "en": re.compile(r"\b(?:loaded|shipped|embarked|stowed|placed|put|transs?hipped|reloaded)(?: \S+){0,3}? (?:in|at|from) "
                     r"(?:the )?(?:port of )?$"),
    "fr": re.compile(r"\b(?:chargée?s?|embarquée?s?|transbordée?s?|placée?s?)(?: \S+){0,3}? (?:à|au|depuis) (?:le |la |l')?"
                     r"(?:port de |port du |port d')?$"),
    "nl": re.compile(r"\b(?:in|te|vanuit) (?:de haven van )?$"),
}
_ONTO_AFTER = {
    "en": re.compile(r"^,? ?(?:on \d{1,2} \w+,? )?(?:onto|on to|on board|aboard|on) (?:the )?(?:\S+ ){0,2}?$"),
    "fr": re.compile(r"^,? ?(?:le \d{1,2} \w+,? )?(?:sur|à bord d[eu]) (?:le |la |l')?(?:\S+ ){0,2}?$"),
    "nl": re.compile(r"^ (?:\S+ ){0,2}?(?:geladen|ingeladen|aan boord gebracht|overgeladen) (?:op|aan boord van) (?:de |het )?"
                     r"(?:\S+ ){0,1}?$"),
}


def _loaded_onto(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
                 s_start: int, lang: str) -> list[Frame]:
    """The port where cargo was loaded onto the ship named right after it."""
    before_cue, after_cue = _LOADED_BEFORE.get(lang), _ONTO_AFTER.get(lang)
    if before_cue is None or after_cue is None:
        return []
    out: list[Frame] = []
    for k in range(len(refs) - 1):
        port, ship = refs[k], refs[k + 1]
        if port.type not in ("PORT", "LOCATION") or ship.type != "VESSEL" or port.anaphor or ship.anaphor:
            continue
        if port.type == "LOCATION" and text[port.start:port.end] in country_names():
            continue
        between = _SPACES.sub(" ", text[port.end:ship.start].lower())
        before = _SPACES.sub(" ", text[max(s_start, port.start - 50):port.start].lower())
        pair = (k, k + 1)
        if pair in typed or pair in blocked or not after_cue.match(between) or not before_cue.search(before):
            continue
        typed.add(pair)
        out.append(("CALLED_AT", k + 1, k, f"{lang}:loaded-onto"))
    return out


# "de Santa Rita van rederij X", "the Cala Rosa of the shipping line X", "le Rio Tacuari de l'armement X"
_CARRIER_BETWEEN = re.compile(r"^,?\s*(?:[\w'’-]+\s+){0,2}?(?:van|of|de|du|d'|d’)\s+(?:de\s+|het\s+|la\s+|l'|l’|the\s+)?"
                              r"(?:rederij|scheepvaartmaatschappij|containerrederij|reder|compagnie(?:\s+maritime)?|armateur"
                              r"|armement|shipping\s+line|shipping\s+company|container\s+line|carrier|line)\s+$", re.I)


def _carrier_of(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
                lang: str) -> list[Frame]:
    """``OPERATES`` for a ship named with its carrier right after it ("het schip X van rederij Y")."""
    out: list[Frame] = []
    for k in range(len(refs) - 1):
        ship, firm = refs[k], refs[k + 1]
        if ship.type != "VESSEL" or firm.type != "COMPANY" or firm.anaphor or (k, k + 1) in typed or (k, k + 1) in blocked:
            continue
        if _CARRIER_BETWEEN.match(text[ship.end:firm.start]):
            typed.add((k, k + 1))
            out.append(("OPERATES", k + 1, k, f"{lang}:carrier-of"))
    return out


def vessel_clauses(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
                   s_start: int, s_end: int, lang: str) -> list[Frame]:
    """Ports in a relative or participial clause that moves the vessel named right before it, ports of
    loading right before the ship (:func:`_loaded_onto`) and the carrier named after it (:func:`_carrier_of`)."""
    out: list[Frame] = (_loaded_onto(text, refs, typed, blocked, s_start, lang)
                        + _carrier_of(text, refs, typed, blocked, lang))
    moves = _MOVES.get(lang)
    if moves is None:
        return out
    for v, vessel in enumerate(refs):
        if vessel.type != "VESSEL" or vessel.anaphor:
            continue
        after = text[vessel.end:s_end]
        head = moves.match(after)
        if head is None:
            continue
        stop = _CLAUSE_STOP.search(after, head.end())
        limit = vessel.end + (stop.start() if stop else len(after))
        last = vessel.end + min(head.end(), after.index(",") + 1)
        found = False
        for k in range(v + 1, len(refs)):
            ref = refs[k]
            if ref.start >= limit or ref.type in ("VESSEL", "PERSON"):
                break
            if ref.type != "PORT" or ref.anaphor:
                continue
            gap = _SPACES.sub(" ", text[last:ref.start].lower())
            if found and "," in gap and not _GOES_ON.match(gap.split(",", 1)[1] if gap.count(",") == 1 else gap):
                break
            pair = (min(v, k), max(v, k))
            last = ref.end
            if _OTHER_CLAUSE.search(gap):
                break  # "... while the Baltic Tern was in Hamburg"
            if pair in typed or pair in blocked or _NOT_CALL.search(gap):
                found = found or pair in typed  # a port of the clause read by a cue: the clause still ends at its comma
                continue
            typed.add(pair)
            found = True
            out.append(("CALLED_AT", v, k, f"{lang}:vessel-clause"))
    return out


_ROW_SEPARATOR = re.compile(r"\t| {2,}|\|")
_ROUTE_JOIN = re.compile(r"^\s*(?:-|–|—|→|->|>|/|to|naar|vers)\s*$", re.I)


def table_rows(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], blocked: set[tuple[int, int]],
               s_start: int, s_end: int, lang: str) -> list[Frame]:
    """Ports on a line of an arrivals table or a route with its one ship: "MSC Leandra | Cartagena | Savannah",
    "Cala Palma: Santos – Algeciras – Rotterdam". No person may stand on the line (a home town is no call)."""
    vessels = [k for k, r in enumerate(refs) if r.type == "VESSEL" and not r.anaphor]
    if len({(refs[k].target_start, refs[k].target_end) for k in vessels}) != 1 or any(r.type == "PERSON" for r in refs):
        return []
    # a place on a ship's row is a port even when the gazetteer reads it as a city ("Cartagena", "Santos")
    ports = [k for k, r in enumerate(refs) if r.type in ("PORT", "LOCATION") and not r.anaphor
             and text[r.start:r.end] not in country_names()]
    line = text[s_start:s_end]
    route = any(_ROUTE_JOIN.match(text[refs[a].end:refs[b].start]) for a, b in zip(ports, ports[1:], strict=False))
    if not ports or not (route or len(_ROW_SEPARATOR.findall(line.strip())) >= 2):  # two cells apart, not a stray gap
        return []
    v, out = vessels[0], []
    for k in ports:
        pair = (min(v, k), max(v, k))
        before = _SPACES.sub(" ", text[max(s_start, refs[k].start - 30):refs[k].start].lower())
        if pair in typed or pair in blocked or _NOT_CALL.search(before) or _seat_or_home(text, refs, k):
            continue
        typed.add(pair)
        out.append(("CALLED_AT", v, k, f"{lang}:table-row"))
    return out

