"""``havengraph_mail_v1``: relations stated by the layout of e-mails pasted into case files.

- a header block ("From:/To:/Cc:", "De :/À :/Cc :", "Van:/Aan:/CC:") makes its sender CONTACTED
  with every recipient (a person where the line names one, else the address); a name followed by
  its address in angle brackets ("Tom Hendrickx <t.hendrickx@firm.nl>") is HAS_EMAIL;
- a signature (the lines after a closing such as "Kind regards", "Cordialement", "Met
  vriendelijke groet") ties its first person to the firm, phones and e-mails listed under the
  name: EMPLOYED_BY, HAS_PHONE, HAS_EMAIL.

Header and signature keys are ordinary "Key: value" lines, so :mod:`nlp.components.records`
ignores them (their keys are not in ``record_keys.tsv``); this component reads them as a block.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.common import doc_text
from nlp.components.relations import RelationHit

_HEADER = re.compile(r"^[ \t>]*(?P<key>From|To|Cc|Bcc|De|À|A|Van|Aan|Sent|Date|Subject|Envoyé|Objet|Verzonden"
                     r"|Onderwerp|Datum)[ \t]?:[ \t]*(?P<value>[^\n]*)$", re.M | re.I)
_SENDER = frozenset({"from", "de", "van"})
_RECIPIENT = frozenset({"to", "cc", "bcc", "à", "a", "aan"})
_CLOSING = re.compile(r"^[ \t]*(?:kind regards|best regards|regards|best wishes|many thanks|thanks|yours sincerely"
                      r"|cordialement|bien cordialement|bien à vous|salutations distinguées|meilleures salutations"
                      r"|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groeten|mvg|hartelijke groet(?:en)?)"
                      r"[ \t]*[,.!]?[ \t]*$", re.M | re.I)
_IDENT = {"PHONE": "PHONE", "EMAIL": "EMAIL", "IBAN": "BANK_ACCOUNT"}
SIGNATURE_LINES = 6


class MailRelations:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if ":" not in text and not _CLOSING.search(text):
            return doc
        mentions = sorted([(s.start_char, s.end_char, s.label_) for s in doc.spans.get("hg_entities", [])]
                          + [(h.start, h.end, _IDENT[h.type]) for h in doc._.hg_identifiers or [] if h.type in _IDENT])
        starts = [m[0] for m in mentions]

        def within(lo: int, hi: int) -> list[tuple[int, int, str]]:
            a, b = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
            return [m for m in mentions[a:b] if m[1] <= hi]

        hits = self._headers(text, within) + self._signatures(text, within)
        if hits:
            doc._.hg_relations = list(doc._.hg_relations or []) + hits
        return doc

    @staticmethod
    def _party(values: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """The persons named on a header line, else its addresses."""
        persons = [(s, e) for s, e, t in values if t in ("PERSON", "COMPANY", "ORGANIZATION")]
        return persons or [(s, e) for s, e, t in values if t == "EMAIL"]

    def _headers(self, text: str, within) -> list[RelationHit]:  # type: ignore[no-untyped-def]
        hits: list[RelationHit] = []
        blocks: list[list[re.Match[str]]] = []
        for line in _HEADER.finditer(text):
            if blocks and text[blocks[-1][-1].end():line.start()].strip() == "":
                blocks[-1].append(line)
            else:
                blocks.append([line])
        for block in blocks:
            keys = {m.group("key").lower() for m in block}
            if not keys & _SENDER or not keys & _RECIPIENT:
                continue  # "De :" or "A:" alone is not a mail header
            senders: list[tuple[int, int]] = []
            recipients: list[tuple[int, int]] = []
            start, end = block[0].start(), block[-1].end()
            for line in block:
                key = line.group("key").lower()
                values = within(line.start("value"), line.end("value"))
                for (s1, e1, t1), (s2, e2, t2) in zip(values, values[1:], strict=False):
                    if t1 == "PERSON" and t2 == "EMAIL" and text[e1:s2].strip() in ("<", "(", "[", ","):
                        hits.append(RelationHit("HAS_EMAIL", (s1, e1), (s2, e2), s1, e2, start, end, "rule", 0.8,
                                                "mail:address"))
                if key in _SENDER:
                    senders.extend(self._party(values))
                elif key in _RECIPIENT:
                    recipients.extend(self._party(values))
            for src in senders[:1]:
                for tgt in recipients:
                    if tgt != src:
                        hits.append(RelationHit("CONTACTED", src, tgt, start, end, start, end, "rule", 0.8,
                                                "mail:header"))
        return hits

    @staticmethod
    def _signatures(text: str, within) -> list[RelationHit]:  # type: ignore[no-untyped-def]
        hits: list[RelationHit] = []
        for closing in _CLOSING.finditer(text):
            lines = text[closing.end():].lstrip("\n").split("\n")
            body: list[str] = []
            for line in lines[:SIGNATURE_LINES]:
                if not line.strip() or _HEADER.match(line) or line.strip().startswith("---"):
                    break
                body.append(line)
            lo = text.find(body[0], closing.end()) if body else -1
            if lo < 0:
                continue
            hi = lo + len("\n".join(body))
            values = within(lo, hi)
            person = next(((s, e) for s, e, t in values if t == "PERSON"), None)
            if person is None:
                continue
            types = {"COMPANY": "EMPLOYED_BY", "ORGANIZATION": "EMPLOYED_BY", "PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL"}
            firm_seen = False
            for s, e, t in values:
                rel = types.get(t)
                if rel is None or (s, e) == person or (rel == "EMPLOYED_BY" and firm_seen):
                    continue
                firm_seen = firm_seen or rel == "EMPLOYED_BY"
                hits.append(RelationHit(rel, person, (s, e), person[0], e, lo, hi, "rule", 0.7, "mail:signature"))
        return hits


@Language.factory("havengraph_mail_v1", assigns=["doc._.hg_relations"])
def make_mail_relations(nlp: Language, name: str) -> MailRelations:
    return MailRelations()
