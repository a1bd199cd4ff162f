"""Analysis at scale: PageRank, degree, sampled betweenness, Louvain and suspicious links.

On a synthetic port ecosystem of about 1,000,000 edges (``--size full``, the default) or about
55,000 edges (``--size small``), time networkx and the fast backend (:mod:`graph.analysis.fast`)
on the same projection and check that their results match:

* PageRank: ``nx.pagerank`` against the fast power iteration (same algorithm on a CSR matrix);
* degree centrality: ``nx.degree_centrality`` against array counts;
* betweenness sampled from k = 256 sources: the fast backend (igraph) runs all 256 sources.
  networkx is run on the same graph with fewer sources (``--nx-sources``, default 4 on the full
  graph, 32 on the small one) and both backends' values are compared on that sample; the
  speed-up is the ratio of **seconds per sampled source** (networkx's cost grows linearly with
  the number of sources, so this extrapolates networkx to k = 256);
* Louvain on the fast backend (igraph multilevel), seeded;
* suspicious-link ranking of all logistics firms against 50 watchlisted entities.

Times are CPU seconds of the process (``time.process_time``), so that other work on the machine
does not distort the ratios; wall-clock seconds are printed alongside. Conversion of the projection to the fast backend's arrays is timed on its own and not counted
in the speed-ups (it is done once per projection and shared by every measure); the JSON also
carries the PageRank speed-up with the conversion counted.

The last line is one JSON object with the keys ``pagerank_speedup_vs_networkx``,
``betweenness_speedup_vs_networkx``, ``louvain_seconds``, ``suspicious_links_seconds``,
``peak_rss_mb``, ``precision_at_10`` and ``roc_auc`` (these two on a 10,000-node ecosystem, the
size the targets are set for; the same figures on the large graph are also given).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import networkx as nx  # noqa: E402
from synthetic import evaluate, generate, precision_at_k, roc_auc  # noqa: E402

from graph.analysis.communities import communities  # noqa: E402
from graph.analysis.fast import FastGraph  # noqa: E402
from graph.analysis.suspicious import suspicious_links  # noqa: E402
from ingest.report import peak_rss_mb  # noqa: E402  (VmHWM: this process's own peak)

SIZES = {"full": 540_000, "small": 30_000}
WALL: dict[str, float] = {}




def timed(label: str, fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """Result and CPU seconds of this process (wall time is printed too: it suffers on a busy machine)."""
    start, wall = time.process_time(), time.perf_counter()
    out = fn(*args, **kwargs)
    cpu = time.process_time() - start
    WALL[label] = time.perf_counter() - wall
    return out, cpu


def say(msg: str) -> None:
    print(msg, flush=True)


def max_diff(a: dict[Any, float], b: dict[Any, float]) -> float:
    return max((abs(a[n] - b[n]) for n in b), default=0.0)


def top_overlap(a: dict[Any, float], b: dict[Any, float], k: int = 100) -> float:
    ta = set(sorted(a, key=lambda n: (-a[n], str(n)))[:k])
    tb = set(sorted(b, key=lambda n: (-b[n], str(n)))[:k])
    return len(ta & tb) / k


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description="Analysis benchmark on a synthetic port ecosystem.")
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--k", type=int, default=256, help="sampled sources for betweenness")
    parser.add_argument("--nx-sources", type=int, default=None,
                        help="sources networkx runs (default: 4 on the full graph, k on the small one)")
    args = parser.parse_args(argv)
    nx_k = args.nx_sources or (4 if args.size == "full" else 32)
    out: dict[str, Any] = {"size": args.size}

    eco, t = timed("generate", generate, SIZES[args.size], seed=args.seed, members=98, n_planted=100)
    G, t_proj = timed("projection", eco.projection)
    watchlist = eco.watchlist
    out.update(nodes=G.number_of_nodes(), edges=G.number_of_edges(), watchlisted=len(watchlist),
               generate_seconds=round(t, 1), projection_seconds=round(t_proj, 1))
    say(f"graph: {out['nodes']} nodes, {out['edges']} edges, generated in {t:.1f} s, projected in {t_proj:.1f} s")

    fg, t_conv = timed("fast_conversion", FastGraph.from_networkx, G)
    out["fast_conversion_seconds"] = round(t_conv, 2)
    say(f"fast backend arrays built in {t_conv:.2f} s")

    ref, t_nx = timed("pagerank_networkx", nx.pagerank, G)
    got, t_fast = timed("pagerank_fast", fg.pagerank)
    out.update(pagerank_networkx_seconds=round(t_nx, 2), pagerank_fast_seconds=round(t_fast, 3),
               pagerank_speedup_vs_networkx=round(t_nx / t_fast, 1),
               pagerank_speedup_with_conversion=round(t_nx / (t_fast + t_conv), 2),
               pagerank_max_abs_diff=max_diff(got, ref))
    say(f"pagerank: networkx {t_nx:.2f} s, fast {t_fast:.3f} s, max |diff| {out['pagerank_max_abs_diff']:.2e}")

    ref, t_nx = timed("degree_networkx", nx.degree_centrality, G)
    got, t_fast = timed("degree_fast", fg.degree)
    out.update(degree_networkx_seconds=round(t_nx, 2), degree_fast_seconds=round(t_fast, 3),
               degree_max_abs_diff=max_diff(got, ref))
    say(f"degree: networkx {t_nx:.2f} s, fast {t_fast:.3f} s")

    _, t_fast_k = timed("betweenness_fast", fg.betweenness, k=args.k, seed=args.seed)
    ref, t_nx_small = timed("betweenness_networkx", nx.betweenness_centrality, G, k=nx_k, seed=args.seed + 1)
    got = fg.betweenness(k=nx_k, seed=args.seed + 1)
    per_source_nx, per_source_fast = t_nx_small / nx_k, t_fast_k / args.k
    out.update(betweenness_k=args.k, betweenness_fast_seconds=round(t_fast_k, 2),
               betweenness_networkx_sources=nx_k, betweenness_networkx_seconds=round(t_nx_small, 2),
               betweenness_networkx_seconds_extrapolated=round(per_source_nx * args.k, 1),
               betweenness_speedup_vs_networkx=round(per_source_nx / per_source_fast, 1),
               betweenness_max_abs_diff=max_diff(got, ref))
    say(f"betweenness: fast k={args.k} in {t_fast_k:.2f} s; networkx k={nx_k} in {t_nx_small:.2f} s "
        f"(per source {per_source_nx:.2f} s vs {per_source_fast:.3f} s), same sample max |diff| "
        f"{out['betweenness_max_abs_diff']:.2e}")

    comm, t_louvain = timed("louvain", communities, G, method="louvain", seed=args.seed, backend="fast")
    out.update(louvain_seconds=round(t_louvain, 2), louvain_modularity=round(comm.modularity, 4),
               louvain_communities=len(comm.communities))
    say(f"louvain (fast): {t_louvain:.2f} s, modularity {comm.modularity:.3f}, {len(comm.communities)} communities")

    ranked, t_susp = timed("suspicious_links", suspicious_links, G, watchlist, top=None, explain=False)
    top = suspicious_links(G, watchlist, top=20, explain=True)
    scores = {r.entity_id: r.score for r in ranked}
    out.update(suspicious_links_seconds=round(t_susp, 2), suspicious_candidates=len(ranked),
               precision_at_10_large=precision_at_k([r.entity_id for r in ranked], eco.planted_firms, 10),
               roc_auc_large=round(roc_auc(scores, eco.planted_firms), 4),
               top_result_explained=bool(top and top[0].paths))
    say(f"suspicious links: {len(ranked)} candidates ranked in {t_susp:.2f} s; precision@10 "
        f"{out['precision_at_10_large']}, ROC-AUC {out['roc_auc_large']}")
    del G, fg, eco, ranked

    quality = evaluate(generate(10_000, seed=args.seed))
    out.update(precision_at_10=quality["precision_at_10"], roc_auc=round(quality["roc_auc"], 4))
    say(f"quality at 10,000 nodes: precision@10 {out['precision_at_10']}, ROC-AUC {out['roc_auc']}")
    out["wall_seconds"] = {k: round(v, 2) for k, v in WALL.items()}
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
