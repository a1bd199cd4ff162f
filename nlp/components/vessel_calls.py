"""Ship names read after a port call of the cargo: "the container arrived at Port Elizabeth on the Aurora
Meridiana", "landed at Seaforth from the Baltic Tern", "discharged in Vigo off the Nordic Wren".

The phrase "on the" / "from the" / "aboard the" after a port that cargo reached names the ship that carried it;
the name must be a plausible ship name (no firm, body, country, region, given name, day or month). English only:
French and Dutch write these with "à bord du" and "aangekomen met de", read as cues of their own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from nlp.components.vessels import VesselFinder

_CALLS = {
    "en": re.compile(r"\b(?:arrived|arriving|arrives|landed|docked|berthed|discharged|unloaded|offloaded|off-loaded|came in"
                     r"|reached|shipped)\s+(?:at|in|into)\s+(?:the\s+)?(?:port\s+of\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}"
                     r"(?:on|from|aboard|on board|off)\s+the\s+(?=[A-Z])"),
}
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december weekend""".split())


def ships_after_calls(finder: VesselFinder, doc: Doc, text: str) -> list[Span]:
    """The ship names right after a port that cargo arrived at, landed at or was discharged in."""
    pattern = _CALLS.get(doc.lang_)
    out: list[Span] = []
    for match in pattern.finditer(text) if pattern is not None else ():
        start = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if start is None:
            continue
        span = finder._name_after(doc, start.start)
        if span is None or span[0].i != start.start or span[0].text in finder.first_names \
                or any(t.lower_ in _CALENDAR for t in span) or not finder._plausible(span, sure=True):
            continue
        out.append(span)
    return out
