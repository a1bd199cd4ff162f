"""Entity resolution: one node per real-world entity, every merge explained and reversible."""

from graph.resolution.coref import within_document
from graph.resolution.decisions import merge, merges, pin_distinct, reapply, review_candidates, split
from graph.resolution.features import Judgement, Record, decide
from graph.resolution.resolver import Resolver, apply_mapping

__all__ = ["Judgement", "Record", "Resolver", "apply_mapping", "decide", "merge", "merges", "pin_distinct",
           "reapply", "review_candidates", "split", "within_document"]
