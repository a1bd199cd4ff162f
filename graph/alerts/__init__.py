"""Alerts: saved watch rules (a watchlist, a query, a suspicious-link threshold) evaluated after
every ingest, and the new hits they find, each with its evidence; kept in the graph store."""

from graph.alerts.book import AlertBook, alerts_db_path, migrate_side_file, visible_hits
from graph.alerts.rules import RULE_KINDS, Hit, RuleNotFound, WatchRule, check_rule, evaluate

__all__ = ["AlertBook", "alerts_db_path", "migrate_side_file", "RULE_KINDS", "Hit", "RuleNotFound", "WatchRule", "check_rule",
           "evaluate", "visible_hits"]
