"""Generate the documentation pages that are derived from code: today ``docs/data-model.md``.

The data model is declared once, in ``graph/schema.yaml`` (loaded and checked by
``graph/schema.py``); this script turns the loaded ``SCHEMA`` into Markdown tables, so the page
can never disagree with the code. Run it after editing the schema::

    .venv/bin/python scripts/gen_docs.py            # rewrite docs/data-model.md
    .venv/bin/python scripts/gen_docs.py --check    # exit 1 if the committed page is stale

``tests/graph/test_docs_generated.py`` runs the same comparison in the test suite.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a file from a checkout without an installed package
    sys.path.insert(0, str(ROOT))

from graph.schema import ANY, SCHEMA, Schema  # noqa: E402

DATA_MODEL = ROOT / "docs" / "data-model.md"
COMMAND = "python scripts/gen_docs.py"


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _code(value: str) -> str:
    return f"`{value}`" if value else ""


def _ends(names: Sequence[str]) -> str:
    return "any" if ANY in names else ", ".join(f"`{n}`" for n in names)


def _yes(flag: bool) -> str:
    return "yes" if flag else ""


def _number(value: float) -> str:
    return f"{value:g}"


def render_data_model(schema: Schema = SCHEMA) -> str:
    """The Markdown of ``docs/data-model.md`` for ``schema``."""
    out = [
        "# Data model",
        "",
        "<!-- Generated from graph/schema.yaml by scripts/gen_docs.py: do not edit by hand. -->",
        f"> Generated from `graph/schema.yaml` (schema version {schema.version}) by `scripts/gen_docs.py`; "
        f"after changing the schema, run `{COMMAND}`.",
        "",
        "Everything below is read from the one schema file. The SQLite tables and relation rules, the",
        "Neo4j constraints and indexes, the API's type enums, the spaCy label mapping, the FollowTheMoney",
        "export and the colours and shapes of the pictures are all derived from the same `SCHEMA` object",
        "(`graph/schema.py`), which checks the file when it is loaded.",
        "",
        "## Node types",
        "",
        "An entity id is `<id prefix>:<key>`: an identifier when the entity has one",
        "(`vessel:imo:9074729`, `container:MSCU1234565`), otherwise the normalised name",
        "(`person:jan-peeters`). *Extracted* types are the ones `havengraph extract` reports as entities;",
        "*spaCy labels* are the statistical model's labels mapped to the type when no domain rule is surer.",
        "",
    ]
    out += _table(
        ["type", "label", "id prefix", "identifiers", "FtM schema", "spaCy labels", "extracted", "colour", "shape"],
        [(f"`{n.name}`", n.label, _code(n.id_prefix + ":"), ", ".join(f"`{i}`" for i in n.identifiers),
          n.ftm, ", ".join(n.spacy), _yes(n.extract), _code(n.color), n.shape) for n in schema.nodes.values()],
    )
    out += [
        "",
        "## Identifier types",
        "",
        "Hard identifiers, cleaned and checked by `graph/identifiers.py`. An identifier keys the entity of",
        "its node type; phones, e-mail addresses, bank accounts and containers are entities of their own, so",
        "two people sharing a phone are connected through it.",
        "",
    ]
    out += _table(
        ["identifier", "node type", "property", "description"],
        [(f"`{i.name}`", f"`{i.node}`", _code(i.property), i.description) for i in schema.identifiers.values()],
    )
    out += [
        "",
        "## Relation types",
        "",
        "A relation is accepted only between the endpoint types listed (*any* = every node type).",
        "*Symmetric* relations have no direction (stored with source < target); *weak* relations are",
        "co-occurrence signals, left out of evidence paths unless asked for. Every relation carries its",
        "evidence (document, character span, sentence, method, extractor, confidence); a relation whose",
        "last piece of evidence is removed disappears.",
        "",
    ]
    out += _table(
        ["type", "from", "to", "symmetric", "weak", "FtM schema"],
        [(f"`{r.name}`", _ends(r.sources), _ends(r.targets), _yes(r.symmetric), _yes(r.weak), r.ftm)
         for r in schema.relations.values()],
    )
    out += [
        "",
        "## Handling levels",
        "",
        "A document's handling code, lowest first. A user cleared for a level sees what is known from",
        "documents at or below it; a document without a code counts as the lowest level, and an unknown",
        "code ranks above every level (fail closed).",
        "",
    ]
    out += _table(["rank", "handling code"], [(i, f"`{h}`") for i, h in enumerate(schema.handling_levels)])
    out += [
        "",
        "## Source grading",
        "",
        "A document may carry a source grading; its evidence then weighs *source weight* x *information",
        "weight* (`SCHEMA.grading_weight`, used by the suspicious-link scoring and the evidence reliability).",
        "Two styles are read: letter first (`B2`: source reliability A-F, information credibility 1-6) and",
        "digit first (`2-C-P`, 3x5x2: source evaluation 1-3, intelligence assessment A-E; the handling",
        f"letter is ignored). An ungraded or unreadable code weighs {_number(schema.grading.get('ungraded', 1.0))}.",
        "",
    ]
    for style in ("letter_first", "digit_first"):
        scheme = schema.grading.get(style)
        if scheme:
            rows = [(part, f"`{g}`", _number(w)) for part in ("source", "information")
                    for g, w in scheme.get(part, {}).items()]
            out += _table([style.replace("_", "-"), "grade", "weight"], rows)
            out.append("")
    examples = [f"`{g}` = {_number(schema.grading_weight(g))}" for g in ("A1", "B2", "C3", "E5", "1-B-P", "3-E")]
    out += ["Examples: " + ", ".join(examples) + ".", ""]
    out += [
        "## Roles used by the analysis",
        "",
        "A company whose name or activity contains a *logistics cue* counts as logistics-type (a candidate",
        "of `analyze suspicious-links`); a person with a `WORKS_AT` tie, or whose role contains an *insider",
        "role*, counts as a port insider. Text is compared case- and accent-folded, and a cue may be a word",
        "stem (`warehous`). A name with a whole word of the *public body cues* (a customs \"Container Control",
        "Team\", a police unit) is never a logistics firm, whatever logistics word it carries.",
        "",
        "- logistics cues: " + ", ".join(f"`{c}`" for c in schema.logistics_cues),
        "- public body cues: " + ", ".join(f"`{c}`" for c in schema.public_body_cues),
        "- insider roles: " + ", ".join(f"`{r}`" for r in schema.insider_roles),
        "",
    ]
    return "\n".join(out)


def check(path: Path, expected: str) -> list[str]:
    """Differences between ``path`` and ``expected`` (empty when the file is up to date)."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current == expected:
        return []
    return list(difflib.unified_diff(current.splitlines(), expected.splitlines(), str(path), "generated",
                                     lineterm="", n=1))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate docs/data-model.md from the schema.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale; write nothing")
    parser.add_argument("--output", type=Path, default=DATA_MODEL, help="file to write or check")
    args = parser.parse_args(argv)
    text = render_data_model()
    if args.check:
        diff = check(args.output, text)
        if diff:
            print("\n".join(diff[:60]), file=sys.stderr)
            print(f"{args.output} is stale: run `{COMMAND}` and commit the result", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
