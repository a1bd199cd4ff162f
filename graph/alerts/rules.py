"""Watch rules and what they find: a watchlist, a saved query, a suspicious-link threshold.

A rule is evaluated against the whole store and yields :class:`Hit` objects, each with a stable
``key``: a hit whose key was seen before is not new. Keys are chosen so that new evidence makes a
new hit: a watched person's relation documented in one more file, one more document naming what a
query matches, a firm whose suspicious-link score first reaches the threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.errors import DocumentNotFound, HavengraphError, InvalidInput
from graph.store.base import own_relations

__all__ = ["Hit", "WatchRule", "RULE_KINDS", "RuleExists", "RuleNotFound", "evaluate", "check_rule"]

RULE_KINDS = ("watchlist", "query", "suspicious")
MAX_EVIDENCE = 3


class RuleNotFound(HavengraphError):
    """No saved alert rule by that id or name."""

    status = 404


class RuleExists(HavengraphError):
    """A rule by that name is saved already."""

    status = 409


@dataclass(frozen=True)
class WatchRule:
    """A saved rule: ``kind`` with its ``params`` (see :func:`check_rule`)."""

    rule_id: str
    name: str
    kind: str
    params: dict[str, Any]
    owner: str = ""
    created_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"rule_id": self.rule_id, "name": self.name, "kind": self.kind, "params": self.params,
                "owner": self.owner, "created_at": self.created_at}


@dataclass
class Hit:
    """Something a rule found, with the evidence for it."""

    key: str
    entity_id: str
    title: str
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def doc_ids(self) -> list[str]:
        return sorted({e["doc_id"] for e in self.evidence if e.get("doc_id")})


def _entries(params: dict[str, Any]) -> list[dict[str, Any]]:
    entries = params.get("entries")
    if not isinstance(entries, list) or not entries:
        raise InvalidInput("a watchlist rule needs 'entries': a list of {name, type, identifier}")
    out = []
    for entry in entries:
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or not (entry.get("name") or entry.get("identifier")):
            raise InvalidInput("each watchlist entry needs a name or an identifier")
        out.append({k: (str(entry[k]).strip() if entry.get(k) else None) for k in ("name", "type", "identifier")})
    return out


def check_rule(kind: str, params: dict[str, Any]) -> dict[str, Any]:
    """The rule's parameters, checked and normalised; bad ones raise ``InvalidInput`` saying what is expected.

    - ``watchlist``: ``{"entries": [{"name", "type", "identifier"}...], "include_weak": false}``
    - ``query``: ``{"text": "...", "type": "PERSON"}`` (type optional)
    - ``suspicious``: ``{"threshold": 0.5, "entries": [...]}`` (entries: the watchlist to score against)
    """
    if kind not in RULE_KINDS:
        raise InvalidInput(f"a rule kind is one of {', '.join(RULE_KINDS)}, not {kind!r}")
    if kind == "watchlist":
        return {"entries": _entries(params), "include_weak": bool(params.get("include_weak", False))}
    if kind == "query":
        text = str(params.get("text") or "").strip()
        if not text:
            raise InvalidInput("a query rule needs 'text': the name, alias or identifier to look for")
        return {"text": text, "type": (str(params["type"]).upper() if params.get("type") else None)}
    try:
        threshold = float(params.get("threshold", ""))
    except ValueError:
        threshold = -1.0
    if not 0.0 < threshold <= 1.0:
        raise InvalidInput("a suspicious rule needs 'threshold': a score between 0 and 1 (e.g. 0.5)")
    return {"threshold": threshold, "entries": _entries(params)}


def _evidence_rows(evidence: Iterable[Any], doc_id: str | None = None) -> list[dict[str, Any]]:
    rows = [{"doc_id": e.doc_id, "start": e.start, "end": e.end, "sentence": e.sentence, "date": e.date,
             "method": e.method} for e in evidence if doc_id is None or e.doc_id == doc_id]
    return rows[:MAX_EVIDENCE]


def _watched(store: Any, entries: list[dict[str, Any]]) -> list[str]:
    from graph.analysis.watchlist import WatchlistEntry, match_watchlist

    listed = [WatchlistEntry(e["name"] or "", e["type"], e["identifier"]) for e in entries]
    return list(match_watchlist(store, listed, tagged=False).entity_ids)


def _watchlist_hits(store: Any, params: dict[str, Any]) -> list[Hit]:
    hits = []
    for watched in _watched(store, params["entries"]):
        sub = own_relations(store, watched, include_weak=params["include_weak"], limit=2000)
        names = {n.entity_id: n.name for n in sub.nodes}
        for rel in sub.edges:
            other = rel.target if rel.source == watched else rel.source
            for doc_id in sorted({e.doc_id for e in rel.evidence}):
                title = f"{names.get(rel.source, rel.source)} -[{rel.type}]- {names.get(rel.target, rel.target)}"
                hits.append(Hit(f"{rel.source}|{rel.type}|{rel.target}|{doc_id}", other, title,
                                _evidence_rows(rel.evidence, doc_id)))
    return hits


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding ``text[start:end]``."""
    cut = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[cut:min(stops) + 1 if stops else len(text)].strip()[:400]


def _query_hits(store: Any, params: dict[str, Any]) -> list[Hit]:
    hits = []
    for entity in store.search(params["text"], type=params["type"], limit=50):
        mentions = store.mentions(entity.entity_id, limit=500)
        for doc_id in store.documents_mentioning([entity.entity_id]):
            try:
                doc = store.get_document(doc_id)
            except DocumentNotFound:
                continue
            rows = [{"doc_id": m.doc_id, "start": m.start, "end": m.end, "date": doc.date, "method": "mention",
                     "sentence": _sentence_around(doc.text, m.start, m.end)}
                    for m in mentions if m.doc_id == doc_id][:MAX_EVIDENCE]
            hits.append(Hit(f"{entity.entity_id}|{doc_id}", entity.entity_id,
                            f"{entity.name} ({entity.type}) named in {doc.title or doc_id[:12]}",
                            rows or [{"doc_id": doc_id, "sentence": "", "method": "relation"}]))
    return hits


def _suspicious_hits(store: Any, params: dict[str, Any]) -> list[Hit]:
    from graph.analysis.suspicious import suspicious_links
    from graph.analysis.watchlist import WatchlistEntry

    listed = [WatchlistEntry(e["name"] or "", e["type"], e["identifier"]) for e in params["entries"]]
    if not _watched(store, params["entries"]):  # nobody watched is in the graph yet: a later ingest may bring them
        return []
    hits = []
    for link in suspicious_links(store, listed, top=None, store=store):
        if link.score < params["threshold"]:
            continue
        evidence = [{"doc_id": None, "sentence": link.summary, "score": round(link.score, 4), "method": "analysis"}]
        for path in link.paths[:2]:
            for edge in path.get("edges", [])[:4]:
                for ev in edge.get("evidence", [])[:1]:
                    evidence.append({k: ev.get(k) for k in ("doc_id", "start", "end", "sentence", "date", "method")})
        hits.append(Hit(link.entity_id, link.entity_id, f"{link.name}: suspicious-link score {link.score:.2f} "
                                                        f"(threshold {params['threshold']:g})", evidence))
    return hits


_EVALUATORS: dict[str, Callable[[Any, dict[str, Any]], list[Hit]]] = {
    "watchlist": _watchlist_hits, "query": _query_hits, "suspicious": _suspicious_hits}


def evaluate(store: Any, rule: WatchRule) -> list[Hit]:
    """Every hit of ``rule`` in ``store`` now (old and new; :class:`~graph.alerts.book.AlertBook` tells them apart)."""
    return _EVALUATORS[rule.kind](store, check_rule(rule.kind, rule.params))
