"""Dutch verb-final job clauses with an article before the employer (issue 16)."""

from __future__ import annotations

from nlp_support import relations


def test_a_relative_clause_with_de_before_the_body_names_the_employer(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Anouk Brinkman, die sinds 2011 bij de Douane werkte, zou de scans hebben overgeslagen.",
                          lang="nl"))
    assert ("EMPLOYED_BY", "Anouk Brinkman", "Douane") in found


def test_a_negated_clause_with_de_gives_no_employer(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Anouk Brinkman, die nooit bij de Douane werkte, zou de scans hebben overgeslagen.",
                          lang="nl"))
    assert not {r for r in found if r[0] == "EMPLOYED_BY"}
