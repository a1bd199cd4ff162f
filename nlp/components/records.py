"""``havengraph_records_v1``: relations stated by the layout of "Key: value" records.

Registry extracts, seizure reports and manifests state facts as labelled lines rather than
sentences ("Director: BENALI Hakim", "Operator: Ravensgate Feeder Lines Ltd", "Voyage: Guayaquil -
Antwerp", "Telephone: +32 3 201 44 90"). A "Name"/"Vessel" line sets the record's subject (a firm
or a ship); the labels of ``data/record_keys.tsv`` then relate every mention of a later value to
that subject. A table row "Bestuurder   KASTELEYN Milan" (label, two spaces, value) and a form line
with dot leaders ("OPERATOR ......... FJORDVIK REEFER LINES AS") count too.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from graph.ids import fold
from nlp.components import shipments  # noqa: F401  (registers havengraph_shipments_v1, run after the records)
from nlp.components.common import doc_text
from nlp.components.relations import RelationHit
from nlp.resources import _rows

# "Key: value", "Key<TAB>value", "Key   value" and dot leaders "VESSEL ......... NORDIC SPAR"
_LINE = re.compile(r"^[ \t\-•*]*(?P<key>[^\n:|.]{2,45}?)[ \t]*(?::|\t|[ ]{2,}|[ ]?\.{3,}[ \t]*)[ \t]*(?P<value>[^\n]+)$", re.M)
_IDENT_NODE = {"PHONE": "PHONE", "EMAIL": "EMAIL", "IBAN": "BANK_ACCOUNT", "CONTAINER": "CONTAINER"}
# action -> (types of value mentions, subject kind, subject is source?)
_ACTIONS = {
    "DIRECTOR_OF": ({"PERSON", "COMPANY"}, "firm", False),
    "OWNS": ({"PERSON", "COMPANY", "ORGANIZATION"}, "any", False),
    "OPERATES": ({"COMPANY", "ORGANIZATION"}, "vessel", False),
    "CALLED_AT": ({"PORT"}, "vessel", True),
    "SHIPPED_IN": ({"CONTAINER"}, "vessel", True),
    "HAS_PHONE": ({"PHONE"}, "firm", True),
    "HAS_EMAIL": ({"EMAIL"}, "firm", True),
    "HAS_ACCOUNT": ({"BANK_ACCOUNT"}, "firm", True),
}


def _keys() -> dict[str, str]:
    return {fold(r[0]): r[1] for r in _rows("record_keys.tsv") if len(r) >= 2}


class RecordRelations:
    def __init__(self) -> None:
        self.keys = _keys()

    def _action(self, key: str) -> str | None:
        key = fold(key).strip(" .-")
        if key in self.keys:
            return self.keys[key]
        words = f" {key} "
        best = max((k for k in self.keys if f" {k} " in words), key=len, default=None)
        return self.keys[best] if best else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if ":" not in text and "  " not in text and "..." not in text:
            return doc
        mentions = sorted([(s.start_char, s.end_char, s.label_) for s in doc.spans.get("hg_entities", [])]
                          + [(h.start, h.end, _IDENT_NODE[h.type]) for h in doc._.hg_identifiers or []
                             if h.type in _IDENT_NODE])
        starts = [m[0] for m in mentions]
        firm: tuple[int, int] | None = None
        vessel: tuple[int, int] | None = None
        hits: list[RelationHit] = []
        for line in _LINE.finditer(text):
            action = self._action(line.group("key"))
            if action is None:
                continue
            v_start, v_end = line.start("value"), line.end("value")
            lo, hi = bisect.bisect_left(starts, v_start), bisect.bisect_left(starts, v_end)
            values = [m for m in mentions[lo:hi] if m[1] <= v_end]
            if action in ("subject", "vessel"):
                for start, end, label in values[:1]:
                    if label == "VESSEL":
                        vessel = (start, end)
                    elif label in ("COMPANY", "ORGANIZATION") and action == "subject":
                        firm = (start, end)
                continue
            if action == "CONTACT":  # "Contact: +32 9 234 56 78 — admin@firm.be": each value by its kind
                hits.extend(self._contact_line(line, values, firm))
                continue
            types, kind, subject_is_source = _ACTIONS[action]
            subject = {"firm": firm, "vessel": vessel, "any": vessel if action == "OWNS" and vessel else firm}[kind]
            if subject is None:
                continue
            for start, end, label in values:
                if label not in types or (start, end) == subject:
                    continue
                src, tgt = (subject, (start, end)) if subject_is_source else ((start, end), subject)
                hits.append(RelationHit(action, src, tgt, line.start(), line.end(), line.start(), line.end(),
                                        "rule", 0.8, f"record:{fold(line.group('key'))}",
                                        ((subject, None),)))  # the record's subject, named in its heading
        if hits:
            doc._.hg_relations = list(doc._.hg_relations or []) + hits
        return doc


    @staticmethod
    def _contact_line(line: re.Match[str], values: list[tuple[int, int, str]],
                      firm: tuple[int, int] | None) -> list[RelationHit]:
        """The phones, e-mail addresses and accounts of a "Contact:" line of the record's firm."""
        if firm is None:
            return []
        kinds = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL", "BANK_ACCOUNT": "HAS_ACCOUNT"}
        return [RelationHit(kinds[label], firm, (start, end), line.start(), line.end(), line.start(), line.end(),
                            "rule", 0.8, f"record:{fold(line.group('key'))}", ((firm, None),))
                for start, end, label in values if label in kinds]


@Language.factory("havengraph_records_v1", assigns=["doc._.hg_relations"])
def make_record_relations(nlp: Language, name: str) -> RecordRelations:
    return RecordRelations()
