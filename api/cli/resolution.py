"""Resolution control: ``review`` candidates and merges, ``merge``, ``split`` and ``pin`` by hand.

Every decision is recorded with who, why and when; merges are undone with ``split``.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from typing import Annotated, Any

import typer

from api.cli.common import JsonOption, StoreOption, emit, open_existing_store
from graph.resolution import merge as merge_entities
from graph.resolution import merges, pin_distinct, review_candidates
from graph.resolution import split as split_merge


def _analyst() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = os.environ.get("USER", "")
    return f"analyst:{name or 'unknown'}"


WhoOption = Annotated[str | None, typer.Option("--who", help="Name recorded with the decision "
                                                              "(default: analyst:<login name>).")]


def _features(features: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in features.items()) if features else "-"


def review(
    show_merges: Annotated[bool, typer.Option("--merges", help="List the active merges instead of the "
                                                               "candidates, to inspect or split them.")] = False,
    limit: Annotated[int, typer.Option(help="Maximum number of rows.")] = 100,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Pairs that may be one entity (best first), or with --merges the merges in force, with their reasons."""
    with open_existing_store(store) as s:
        if show_merges:
            rows = merges(s)[:limit]
            names = s.get_entities([r[k] for r in rows for k in ("a", "b")])
            for r in rows:
                r["a_name"] = names[r["a"]].name if r["a"] in names else None
                r["b_name"] = names[r["b"]].name if r["b"] in names else None
        else:
            rows = review_candidates(s, limit=limit)
    emit(rows, json_out, lambda rows: _review_lines(rows, show_merges))


def _review_lines(rows: list[dict[str, Any]], show_merges: bool) -> Iterator[str]:
    if not rows:
        yield "no active merges" if show_merges else "nothing to review"
        return
    for r in rows:
        score = "analyst" if r.get("score") is None else f"{r['score']:.2f}"
        yield typer.style(f"{r['decision_id']}  {score:>7}  {r['a']} <- {r['b']}", bold=True)
        yield f"    {r.get('a_name') or '?'}  |  {r.get('b_name') or '(merged away)'}"
        yield f"    {r['reason']}  [{_features(r.get('features') or {})}]  by {r['who']} at {r['at']}"
    hint = "havengraph split DECISION_ID" if show_merges else "havengraph merge A B --why ... / havengraph pin A B"
    yield f"{len(rows)} shown; act with `{hint}`"


def merge(
    keep: Annotated[str, typer.Argument(help="Entity id that stays, e.g. person:jan-peeters.")],
    drop: Annotated[str, typer.Argument(help="Entity id merged into KEEP.")],
    why: Annotated[str, typer.Option("--why", help="The reason, kept with the decision.")],
    who: WhoOption = None,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Merge DROP into KEEP by hand; the documents that mention them are rewritten."""
    with open_existing_store(store) as s:
        decision = merge_entities(s, keep, drop, who=who or _analyst(), reason=why)
    emit(decision, json_out, lambda d: [f"merged {drop} into {keep} (decision {d['decision_id']}, "
                                        f"{d['documents_rewritten']} documents rewritten); undo with "
                                        f"`havengraph split {d['decision_id']}`"])


def split(
    decision_id: Annotated[str, typer.Argument(help="A merge decision id, from `havengraph review --merges`.")],
    why: Annotated[str, typer.Option("--why", help="The reason, kept with the decision.")] = "analyst split",
    who: WhoOption = None,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Undo a merge; the two entities are pinned as distinct so that no automatic merge redoes it."""
    with open_existing_store(store) as s:
        pinned = split_merge(s, decision_id, who=who or _analyst(), reason=why)
    emit(pinned, json_out, lambda d: [f"split {d['a']} and {d['b']} (pinned as distinct: decision "
                                      f"{d['decision_id']}, {d['documents_rewritten']} documents rewritten)"])


def pin(
    a: Annotated[str, typer.Argument(help="Entity id.")],
    b: Annotated[str, typer.Argument(help="Entity id.")],
    why: Annotated[str, typer.Option("--why", help="The reason, kept with the decision.")],
    who: WhoOption = None,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Record that A and B are different entities: never merged automatically, and any merge between them is undone."""
    with open_existing_store(store) as s:
        decision = pin_distinct(s, a, b, who=who or _analyst(), reason=why)
    emit(decision, json_out, lambda d: [f"pinned {a} and {b} as distinct (decision {d['decision_id']}, "
                                        f"{d['documents_rewritten']} documents rewritten)"])


def register(app: typer.Typer) -> None:
    for command in (review, merge, split, pin):
        app.command()(command)
