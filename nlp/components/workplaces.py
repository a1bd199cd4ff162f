"""The port a worker's "the port" stands for: a port the ship only called at is nobody's workplace.

"Officers arrested two men at the Port of Immingham. [...] The Nordlys Spirit had called at
Ponta Delgada before arriving in the Humber. [...] His sister, who also works at the port, ..."
The reference "the port" is read as the last port named, here a port of call of the ship. A job
there (``WORKS_AT``) is moved to the last port named before it in another role (where the arrests,
the searches or the work took place), or dropped when the text named no such port: a job given
to the wrong place is worse than none.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

# the words right before a port named only as a stop of a voyage
_CALL_BEFORE = re.compile(
    r"(?:called|calling|call|calls|sailed|sailing|departed|departing|arrived|arriving|bound|en route|loaded|transshipped"
    r"|transhipped|escale|parti|partie|arrivé|arrivée|provenance|destination|chargé|chargée|aangedaan|vertrokken"
    r"|aangekomen|geladen|onderweg)"
    r"\s+(?:at|in|from|for|to|à|au|aux|de|du|d['’]|des|uit|naar|in|te|via)?\s*(?:the\s+|le\s+|la\s+|l['’]|de\s+|het\s+)?$",
    re.I)

# a terminal, quay or dock inside a port: "the port" does not stand for it
_PART_OF_PORT = re.compile(r"\b(?:terminal|quay|quai|dock|docks|pier|berth|wharf|kaai|kade|dok|steiger|bassin|môle)\b", re.I)


def port_of_call(text: str, start: int) -> bool:
    """Whether the port named at ``start`` is written as a stop of a voyage ("called at X", "sailed from X")."""
    return _CALL_BEFORE.search(text[max(0, start - 40):start]) is not None


def settle_workplaces(text: str, hits: list, ports: Sequence) -> list:
    """The sentence's hits with each ``WORKS_AT`` through a reference to a port of call (a ship's crew stays) moved to the last
    port named before it that is no port of call and no terminal or quay within a port (``ports``: the named port mentions so far, in order),
    or dropped when there is none."""
    out = []
    named = {(p.target_start, p.target_end) for p in ports}
    for hit in hits:
        if hit.type != "WORKS_AT" or hit.target not in named or not port_of_call(text, hit.target[0]):
            out.append(hit)
            continue
        reference = next((ref for ante, ref in hit.resolved if ante == hit.target), None)
        if reference is None:
            out.append(hit)  # the port is named in the sentence itself
            continue
        place = next((p for p in reversed(ports) if p.end <= reference[0] and not port_of_call(text, p.start)
                      and not _PART_OF_PORT.search(text[p.target_start:p.target_end])), None)
        if place is None:
            continue
        target = (place.target_start, place.target_end)
        resolved = tuple((target if ante == hit.target else ante, ref) for ante, ref in hit.resolved)
        out.append(dataclasses.replace(hit, target=target, resolved=resolved))
    return out
