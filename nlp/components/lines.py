"""``havengraph_lines_v1``: sentence starts at line breaks that end a statement.

Case files are full of lists, table rows and "Key: value" lines that the parser would glue into
one long sentence. A line break starts a new sentence unless it only wraps running prose: a long
line that does not end a sentence, followed by a line starting in lower case.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.common import doc_text

WRAP_MIN = 60
_BREAK = re.compile(r"\n\s*")


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        idx: list[int] | None = None
        for match in _BREAK.finditer(text):
            end = match.end()
            if end >= len(text):
                break
            if idx is None:
                idx = doc.to_array([IDX]).tolist()
            i = bisect.bisect_right(idx, end) - 1
            if i <= 0 or idx[i] != end:
                continue
            nxt = doc[i]
            if match.group(0).count("\n") == 1 and nxt.is_lower:
                line = text[text.rfind("\n", 0, match.start()) + 1:match.start()].rstrip()
                if len(line) >= WRAP_MIN and line[-1:] not in ".!?:;":
                    continue  # prose wrapped at a fixed width
            nxt.is_sent_start = True
        return doc


@Language.factory("havengraph_lines_v1", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
