"""Alerts: saved watch rules (a watchlist, a query, a suspicious-link threshold) evaluated after
every ingest, and the new hits they find, each with its evidence."""

from graph.alerts.book import AlertBook, alerts_db_path, visible_hits
from graph.alerts.rules import RULE_KINDS, Hit, RuleNotFound, WatchRule, check_rule, evaluate

__all__ = ["AlertBook", "alerts_db_path", "RULE_KINDS", "Hit", "RuleNotFound", "WatchRule", "check_rule",
           "evaluate", "visible_hits"]
