"""Jobs given in a table row whose first cell is the person (issue 16)."""

from __future__ import annotations

from nlp_support import relations

_TABLE = """Defendant | Age | Residence | Position | Sentence
Marcus Hale | 38 | Garden City | yard planner employed by Tidewater Stevedoring LLC | 96 months
Owen Pratt | 44 | Pooler | crane operator, Ocean Terminal | 84 months
Felix Ward | 52 | Savannah | director of Ward Fresh Imports Inc. | 120 months
Simon Tate | 27 | Richmond Hill | none | 48 months
"""


def test_each_row_ties_its_first_cell_to_the_place_of_its_job_cell(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(_TABLE, lang="en"))
    assert ("EMPLOYED_BY", "Marcus Hale", "Tidewater Stevedoring LLC") in found
    assert ("WORKS_AT", "Owen Pratt", "Ocean Terminal") in found
    assert ("DIRECTOR_OF", "Felix Ward", "Ward Fresh Imports Inc.") in found


def test_a_row_without_a_job_gives_its_person_nobody_elses_employer(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(_TABLE, lang="en"))
    jobs = {r for r in found if r[0] in ("EMPLOYED_BY", "WORKS_AT", "DIRECTOR_OF")}
    assert not {r for r in jobs if r[1] == "Simon Tate"}
    assert ("EMPLOYED_BY", "Owen Pratt", "Tidewater Stevedoring LLC") not in jobs
    assert ("DIRECTOR_OF", "Owen Pratt", "Ward Fresh Imports Inc.") not in jobs


def test_a_hustler_and_a_bookkeeper_are_jobs_of_a_row(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("Defendant | Age, residence | Role | Sentence\n"
                          "Darius Whitley | 31, of Camden, New Jersey | yard hustler at Tioga Marine Terminal | 90 months\n"
                          "Renee Kolb | 45, of Media, Pennsylvania | bookkeeper, Brandywine Fruit Traders LLC | 30 months\n",
                          lang="en"))
    assert ("WORKS_AT", "Darius Whitley", "Tioga Marine Terminal") in found
    assert ("EMPLOYED_BY", "Renee Kolb", "Brandywine Fruit Traders LLC") in found
    assert not {r for r in found if "|" in r[1] or "|" in r[2]}
