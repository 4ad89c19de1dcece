#!/usr/bin/python3
"""Reference for match.Pair: networkx's max_weight_matching.

Reads one JSON object on stdin:
    {"instances": [{"n": 4, "edges": [[u, v, w], ...], "maxcard": false}, ...]}
and writes one JSON array on stdout, one entry per instance:
    {"pairs": number of matched pairs, "weight": total weight,
     "seconds": time spent in max_weight_matching}

Run with /usr/bin/python3 (Debian's python3-networkx).
"""
import json
import sys
import time

import networkx as nx


def solve(inst):
    g = nx.Graph()
    g.add_nodes_from(range(inst["n"]))
    for u, v, w in inst["edges"]:
        g.add_edge(u, v, weight=w)
    start = time.perf_counter()
    m = nx.max_weight_matching(g, maxcardinality=bool(inst.get("maxcard")))
    seconds = time.perf_counter() - start
    weight = sum(g[u][v]["weight"] for u, v in m)
    return {"pairs": len(m), "weight": weight, "seconds": seconds}


def main():
    req = json.load(sys.stdin)
    out = [solve(inst) for inst in req["instances"]]
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
