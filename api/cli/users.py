"""Access commands: API users, the audit log, evidence packages.

``havengraph users add NAME --role viewer|analyst|admin [--clearance LEVEL]`` prints the new key
once, as its last line; only its hash is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.common import JsonOption, StoreOption, emit, fail, open_store_from, store_url
from api.cli.filter_options import (
    FromOpt,
    GradingOpt,
    HandlingOpt,
    RelOpt,
    ToOpt,
    TypeOpt,
    UndatedOpt,
    WeakOpt,
    build_filter,
)
from api.security.audit import AuditLog
from api.security.keys import KeyStore, keys_db_path
from api.settings import Settings
from graph.schema import SCHEMA

users_app = typer.Typer(help="API users: keys with a role (viewer, analyst, admin) and a clearance.",
                        no_args_is_help=True)
evidence_app = typer.Typer(help="Evidence packages: a subgraph with its evidence and a SHA-256 manifest.",
                           no_args_is_help=True)

KeysOption = Annotated[str | None, typer.Option("--keys-db", help="Keys and audit file (env HAVENGRAPH_KEYS_DB; "
                                                "default: next to the store).")]


def _keys(store: str | None, keys_db: str | None) -> KeyStore:
    path = keys_db_path(store_url(store), keys_db or Settings().keys_db)
    if path == ":memory:":
        fail("an in-memory store has no key file; pass --keys-db FILE")
    return KeyStore(path)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="User name (no spaces).")],
    role: Annotated[str, typer.Option("--role", help="viewer, analyst or admin")] = "viewer",
    clearance: Annotated[str | None, typer.Option("--clearance", help="Highest handling code the user may read "
                                                  "(default: the lowest for viewers and analysts, all for admins).")]
    = None,
    store: StoreOption = None,
    keys_db: KeysOption = None,
) -> None:
    """Create a user and print the API key (shown once, as the last line)."""
    with closing(_keys(store, keys_db)) as keys:
        key = keys.add_user(name, role, clearance)
        user = next(u for u in keys.list_users() if u["name"] == name.strip())
    typer.echo(f"user {user['name']}: role {user['role']}, clearance {user['clearance']} ({keys.path})", err=True)
    if clearance is None and user["clearance"] != SCHEMA.handling_levels[-1]:
        typer.echo(f"clearance {user['clearance']} was given by default: this user reads only {user['clearance']} "
                   f"documents; add --clearance LEVEL (one of {', '.join(SCHEMA.handling_levels)}) for more",
                   err=True)
    typer.echo("keep this key now; it cannot be shown again:", err=True)
    typer.echo(key)


@users_app.command("list")
def users_list(store: StoreOption = None, keys_db: KeysOption = None, json_out: JsonOption = False) -> None:
    """List users (never their keys)."""
    with closing(_keys(store, keys_db)) as keys:
        rows = keys.list_users()
    emit(rows, json_out, _user_lines)


def _user_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        status = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
        yield f"{row['name']:<20} {row['role']:<8} {row['clearance']:<13} {row['key_id']}  {status}"


@users_app.command("revoke")
def users_revoke(name: Annotated[str, typer.Argument(help="User name.")],
                 store: StoreOption = None, keys_db: KeysOption = None) -> None:
    """Revoke a user's key at once."""
    with closing(_keys(store, keys_db)) as keys:
        done = keys.revoke(name)
    if not done:
        fail(f"no active user {name!r}")
    typer.echo(f"revoked {name}")


def audit(
    limit: Annotated[int, typer.Option(help="Most entries, newest first.")] = 100,
    who: Annotated[str | None, typer.Option(help="Only this user.")] = None,
    since: Annotated[str | None, typer.Option(help="Only from this ISO time on.")] = None,
    verify: Annotated[bool, typer.Option("--verify", help="Check the hash chain instead.")] = False,
    store: StoreOption = None,
    keys_db: KeysOption = None,
    json_out: JsonOption = False,
) -> None:
    """The API audit log: who asked what, when, and how much came back."""
    with closing(_keys(store, keys_db)) as keys:
        log = AuditLog(keys.path, db=keys.db, lock=keys.lock)
        data = log.verify() if verify else log.entries(limit=limit, who=who, since=since)
    emit(data, json_out or verify, _audit_lines)  # the verdict of --verify is always JSON
    if verify and not data["ok"]:
        raise typer.Exit(1)


def _audit_lines(entries: list[dict[str, Any]]) -> Iterator[str]:
    for e in entries:
        yield (f"{e['at']}  {e['who']:<14} {e['method']:<6} {e['status']}  {e['endpoint']}  "
               f"{e['result_items'] if e['result_items'] is not None else '-'} items, {e['result_bytes']} B")


@evidence_app.command("export")
def evidence_export(
    entity_id: Annotated[str | None, typer.Argument(help="Package this entity's neighbourhood.")] = None,
    depth: Annotated[int, typer.Option(help="Hops around the entity (1-3).")] = 1,
    limit: Annotated[int, typer.Option(help="Most entities.")] = 100,
    source: Annotated[str | None, typer.Option(help="With --target: package the shortest path.")] = None,
    target: Annotated[str | None, typer.Option(help="Other end of the path.")] = None,
    clearance: Annotated[str | None, typer.Option(help="Package only what this clearance may see.")] = None,
    type: TypeOpt = None,
    relation_type: RelOpt = None,
    weak: WeakOpt = False,
    min_grading: GradingOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    max_handling: HandlingOpt = None,
    undated: UndatedOpt = "include",
    who: Annotated[str, typer.Option(help="Name recorded as the requester.")] = "cli",
    output: Annotated[Path, typer.Option("-o", "--output", help="Zip file to write.")] = Path("evidence-package.zip"),
    store: StoreOption = None,
) -> None:
    """Write an evidence package (zip) for an entity's neighbourhood or a path, through the
    relations that pass the filter options."""
    from api.routers.evidence import select
    from api.routers.models import PackageIn
    from api.security.evidence_package import build_package
    from graph.store.view import ClearedView

    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    spec = PackageIn(entity_id=entity_id, depth=depth, limit=limit, source=source, target=target,
                     include_weak=flt.include_weak, type=sorted(flt.entity_types or ()) or None,
                     relation_type=sorted(flt.relation_types or ()) or None, min_grading=flt.min_grading,
                     date_from=flt.date_from, date_to=flt.date_to, max_handling=flt.max_handling,
                     undated=flt.undated)
    with open_store_from(store) as s:
        view = ClearedView(s, clearance)
        data = build_package(view, select(view, spec), {"request": spec.model_dump(exclude_none=True),
                                                        "clearance": view.clearance}, who=who)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    typer.echo(str(output))


@evidence_app.command("verify")
def evidence_verify(
    package: Annotated[Path, typer.Argument(help="An evidence package (zip).")],
    against_store: Annotated[bool, typer.Option("--against-store/--offline",
                                                help="Also check every snippet against the store.")] = False,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Check a package's files against its manifest (and, if asked, its snippets against the store)."""
    from api.security.evidence_package import verify_package

    if not package.is_file():
        fail(f"{package} is not a file")
    with open_store_from(store) if against_store else nullcontext() as s:
        result = verify_package(package.read_bytes(), s)
    emit(result, json_out, _verdict_lines)
    if not result["valid"]:
        raise typer.Exit(1)


def _verdict_lines(result: dict[str, Any]) -> Iterator[str]:
    yield ("valid" if result["valid"] else "NOT VALID") + f"  sha256 {result['package_sha256']}"
    for problem in result["problems"]:
        yield f"  - {problem}"


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.add_typer(evidence_app, name="evidence")
    app.command("audit")(audit)
