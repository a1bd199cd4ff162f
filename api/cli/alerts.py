"""``havengraph alerts``: saved watch rules and their new hits (see :mod:`graph.alerts`).

``havengraph alerts`` lists the hits (``--unseen`` for the ones you have not marked seen); ``alerts
add`` saves a rule (a watchlist, a query or a suspicious-link threshold); ``havengraph ingest`` runs
the rules after every ingest and says how many new hits there are. Rules and hits are kept in the
store; seen marks are per user (``--who``, your login name by default).
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.common import JsonOption, StoreOption, emit, open_existing_store, store_url
from graph.alerts import AlertBook, alerts_db_path, migrate_side_file
from graph.snippets import snippet

app = typer.Typer(name="alerts", help="Watch rules evaluated after every ingest, and their new hits.",
                  invoke_without_command=True)

AlertsDbOption = Annotated[str | None, typer.Option("--alerts-db", help="An alert file of an earlier version to "
                                                    "bring into the store once (default: <store>.alerts.db "
                                                    "beside an embedded store, havengraph.alerts.db here).")]
WhoOption = Annotated[str | None, typer.Option("--who", help="Whose seen marks (default: your login name).")]


def _book(s: Any, store: str | None, alerts_db: str | None = None) -> AlertBook:
    """The alert book kept in the open store ``s``; an earlier version's side file comes in once."""
    book = AlertBook(s)
    came = migrate_side_file(book, alerts_db_path(store_url(store), alerts_db))
    if came:
        typer.echo(f"{came} alert rule(s) moved from the old alert file into the store", err=True)
    return book


def _hit_lines(hits: list[dict[str, Any]]) -> Iterator[str]:
    if not hits:
        yield "no alert hits"
    for h in hits:
        flag = "   " if h["seen"] else "NEW"
        yield f"{flag} {h['found_at'][:16]}  [{h['rule']}] {h['title']}"
        for ev in h["evidence"][:2]:
            where = f" ({ev['doc_id'][:12]})" if ev.get("doc_id") else ""
            yield f"      {snippet(str(ev.get('sentence') or ''))!r}{where}"


@app.callback()
def alerts(
    ctx: typer.Context,
    unseen: Annotated[bool, typer.Option("--unseen", help="Only hits not marked seen.")] = False,
    rule: Annotated[str | None, typer.Option("--rule", help="Only this rule's hits (id or name).")] = None,
    mark_seen: Annotated[bool, typer.Option("--mark-seen", help="Then mark the hits listed as seen.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 50,
    who: WhoOption = None,
    store: StoreOption = None,
    alerts_db: AlertsDbOption = None,
    json_out: JsonOption = False,
) -> None:
    """List alert hits, newest first, each with its evidence (runs the rules first if documents changed)."""
    if ctx.invoked_subcommand is not None:
        return
    user = who or getpass.getuser()
    with open_existing_store(store) as s:
        book = _book(s, store, alerts_db)
        book.refresh(s)
        hits = book.hits(unseen_only=unseen, rule=rule, limit=limit, user=user)
        if mark_seen:
            book.mark_seen(rule, user=user, hits=hits)
    emit(hits, json_out, _hit_lines)


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="A name for the rule.")],
    watch: Annotated[list[str] | None, typer.Option("--watch", help="A name or identifier to watch (repeatable).")]
    = None,
    watchlist: Annotated[Path | None, typer.Option("--watchlist", help="A watchlist CSV (name[,type,identifier]).")]
    = None,
    query: Annotated[str | None, typer.Option("--query", help="Alert on documents naming what this search finds.")]
    = None,
    type: Annotated[str | None, typer.Option("--type", help="Entity type for --query.")] = None,
    suspicious_above: Annotated[float | None, typer.Option("--suspicious-above", help="Alert when a firm's "
                                                           "suspicious-link score against the watched names "
                                                           "reaches this (0-1).")] = None,
    weak: Annotated[bool, typer.Option("--weak", help="Watchlist rules: count co-mentions too.")] = False,
    who: WhoOption = None,
    store: StoreOption = None,
    alerts_db: AlertsDbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Save a watch rule; what it finds now is listed as its first hits."""
    from graph.analysis import read_watchlist

    entries: list[dict[str, Any]] = [{"name": w, "identifier": w} if any(c.isdigit() for c in w) else {"name": w}
                                     for w in watch or []]
    if watchlist is not None:
        entries += [e.to_dict() for e in read_watchlist(watchlist)]
    if query:
        kind, params = "query", {"text": query, "type": type}
    elif suspicious_above is not None:
        kind, params = "suspicious", {"threshold": suspicious_above, "entries": entries}
    else:
        kind, params = "watchlist", {"entries": entries, "include_weak": weak}
    with open_existing_store(store) as s:
        book = _book(s, store, alerts_db)
        rule = book.add_rule(name, kind, params, owner=who or getpass.getuser())
        hits = book.run(s, [rule])
    emit({"rule": rule.to_dict(), "hits": hits}, json_out,
         lambda out: [f"rule {rule.name} ({rule.kind}) saved: {len(hits)} hit(s) now", *_hit_lines(hits)])


@app.command("rules")
def rules(store: StoreOption = None, alerts_db: AlertsDbOption = None, json_out: JsonOption = False) -> None:
    """The saved watch rules."""
    with open_existing_store(store) as s:
        found = [r.to_dict() for r in _book(s, store, alerts_db).rules()]
    emit(found, json_out, lambda rows: [f"{r['rule_id']}  {r['name']} ({r['kind']}) {r['params']}" for r in rows]
         or ["no rules; add one with `havengraph alerts add`"])


@app.command("remove")
def remove(rule: Annotated[str, typer.Argument(help="Rule id or name.")], store: StoreOption = None,
           alerts_db: AlertsDbOption = None) -> None:
    """Remove a rule and its hits."""
    with open_existing_store(store) as s:
        _book(s, store, alerts_db).remove_rule(rule)
    typer.echo(f"rule {rule} removed", err=True)


@app.command("run")
def run(store: StoreOption = None, alerts_db: AlertsDbOption = None, json_out: JsonOption = False) -> None:
    """Evaluate every rule now and list the new hits."""
    with open_existing_store(store) as s:
        hits = _book(s, store, alerts_db).run(s)
    emit(hits, json_out, _hit_lines)


def run_after_ingest(store: Any, url: str | None) -> int:
    """Run the store's alert rules after an ingest; the number of new hits (0 without rules)."""
    book = AlertBook(store)
    migrate_side_file(book, alerts_db_path(store_url(url)))
    return len(book.run(store)) if book.rules() else 0


def register(root: typer.Typer) -> None:
    root.add_typer(app)
