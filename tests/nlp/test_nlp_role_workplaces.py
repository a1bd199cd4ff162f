"""A worker at "the port" works at the port of the case, not at a ship's port of call (issue 16)."""

from __future__ import annotations

from nlp_support import relations

_CALLED = ("Officers arrested a crane driver at the Port of Tilbury on 3 May. The Baltic Wren had sailed from "
           "Paramaribo and called at Leixoes before arriving. His cousin, Dean Ashworth, who also works at the port, "
           "was not arrested.")


def test_a_job_at_the_port_goes_to_the_port_of_the_arrests(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run(_CALLED, lang="en"))
    assert ("WORKS_AT", "Dean Ashworth", "Tilbury") in found
    assert ("WORKS_AT", "Dean Ashworth", "Leixoes") not in found


def test_no_port_but_ports_of_call_gives_no_workplace(run) -> None:  # type: ignore[no-untyped-def]
    found = relations(run("The Baltic Wren had sailed from Paramaribo and called at Leixoes. Dean Ashworth, who "
                          "works at the port, was questioned.", lang="en"))
    assert not {r for r in found if r[0] == "WORKS_AT" and r[1] == "Dean Ashworth"}
