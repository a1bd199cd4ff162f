"""A person named only as whose partner, wife or lawyer someone is ("A's partner, B") is no co-accused."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Freight charges were paid from an account held in the name of Gary Ainscough's partner, Leanne Mayhew.", set()),
    ("Gary Ainscough's partner, Leanne Mayhew, and Wayne Corrigan were both charged.",
     {frozenset(("Leanne Mayhew", "Wayne Corrigan"))}),
    ("Leanne Hughes, Wayne Corrigan's wife, was charged with money laundering.", set()),
    # a real co-defendant named by a possessive stays paired
    ("Wayne Corrigan's co-defendant, Nathan Pryce, was sentenced to 87 months.",
     {frozenset(("Wayne Corrigan", "Nathan Pryce"))}),
    ("Gary Ainscough and Leanne Mayhew were charged with importing cocaine.", {frozenset(("Gary Ainscough", "Leanne Mayhew"))}),
])
def test_possessor(run, text: str, expected: set[frozenset[str]]) -> None:
    assert _pairs(run(text, lang="en")) == expected
