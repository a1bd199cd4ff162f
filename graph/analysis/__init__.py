"""Network analysis over a projection of the graph: plain functions, graph first, plain data out.

>>> from graph.analysis import centrality, port_network
>>> centrality(port_network(), measure="pagerank", top=1)[0]["name"]
'Jan Peeters'
"""

from graph.analysis.brokers import brokers, intercommunity_betweenness
from graph.analysis.centrality import MEASURES, betweenness_error_bound, centrality, centrality_scores
from graph.analysis.communities import Community, CommunityResult, communities, community_sets
from graph.analysis.disruption import disruption_curve, fragmentation, random_disruption
from graph.analysis.examples import PORT_NETWORK_WATCHLIST, port_network, port_network_extraction
from graph.analysis.expand import expand
from graph.analysis.export import write_graph, write_table
from graph.analysis.fast import FastGraph
from graph.analysis.link_prediction import LINK_METHODS, predict_links
from graph.analysis.paths import evidence_paths, resolve_entity
from graph.analysis.projection import load_edge_list, project
from graph.analysis.signals import SIGNALS, grade_weight, load_config
from graph.analysis.suspicious import (
    SuspiciousLink,
    annotate_reliability,
    find_candidates,
    suspicious_links,
)
from graph.analysis.timeline import time_ordered_path, timeline
from graph.analysis.watchlist import (
    WatchlistEntry,
    WatchlistMatch,
    match_watchlist,
    parse_watchlist,
    read_watchlist,
)

__all__ = [
    "MEASURES", "LINK_METHODS", "SIGNALS",
    "project", "load_edge_list",
    "centrality", "centrality_scores", "betweenness_error_bound",
    "communities", "community_sets", "Community", "CommunityResult",
    "brokers", "intercommunity_betweenness",
    "fragmentation", "disruption_curve", "random_disruption",
    "evidence_paths", "resolve_entity",
    "timeline", "time_ordered_path", "expand",
    "suspicious_links", "SuspiciousLink", "find_candidates", "annotate_reliability",
    "grade_weight", "load_config",
    "predict_links",
    "WatchlistEntry", "WatchlistMatch", "read_watchlist", "parse_watchlist", "match_watchlist",
    "write_graph", "write_table",
    "FastGraph",
    "port_network", "port_network_extraction", "PORT_NETWORK_WATCHLIST",
]
