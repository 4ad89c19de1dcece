#!/usr/bin/python3
"""Reference optimum for match.Assign, with scipy.

Reads one JSON object on stdin and writes one JSON object on stdout.

  {"instances": [{"mentees": m, "capacity": [...], "arcs": [[i, j, w], ...],
                  "objective": "max_weight" | "max_cardinality"}, ...]}
  -> {"results": [{"weight": W, "matched": C, "seconds": s}, ...]}

An instance may give "arcs_file" instead of "arcs": a raw little-endian int64 file of
(mentee, mentor, weight) triples, for the big timing instances. "solver" picks the method:

  "dense"  (default) scipy.optimize.linear_sum_assignment on an m x (sum(capacity) + m) matrix:
           each mentor expanded to capacity columns, each mentee with a private "unmatched"
           column of weight 0, forbidden pairs a very negative weight, maximize=True; under
           max_cardinality every real pair gets a bonus larger than any total of weights.
  "sparse" scipy.sparse.csgraph.min_weight_full_bipartite_matching on the same expanded graph,
           only the allowed pairs stored (for instances too big for a dense matrix).

"seconds" is the time of the scipy call alone (not the matrix building).
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def load_arcs(inst):
    if "arcs_file" in inst:
        a = np.fromfile(inst["arcs_file"], dtype="<i8").reshape(-1, 3)
    else:
        a = np.array(inst["arcs"], dtype=np.int64).reshape(-1, 3)
    return a[:, 0], a[:, 1], a[:, 2]


def solve(inst):
    m = int(inst["mentees"])
    cap = np.array(inst["capacity"], dtype=np.int64)
    cap = np.minimum(cap, m)
    card = inst.get("objective", "max_weight") == "max_cardinality"
    mi, mj, w = load_arcs(inst)
    keep = cap[mj] > 0 if len(mj) else np.zeros(0, dtype=bool)
    if not card:
        keep &= w > 0
    mi, mj, w = mi[keep], mj[keep], w[keep]
    if m == 0:
        return {"weight": 0, "matched": 0, "seconds": 0.0}
    slots = int(cap.sum())
    first = np.concatenate(([0], np.cumsum(cap)[:-1])).astype(np.int64)  # first slot of a mentor
    lo, hi = min(0, int(w.min()) if len(w) else 0), max(0, int(w.max()) if len(w) else 0)
    k = min(m, slots)
    bonus = k * (hi - lo) + 1 if card else 0
    wb = w + bonus
    total_abs = k * (hi + bonus) + 1
    if total_abs * 4 >= 2**53:
        raise SystemExit("weights too large for exact float64 arithmetic")
    # Expand every arc to the capacity slots of its mentor.
    reps = cap[mj]
    rows = np.repeat(mi, reps)
    offs = np.arange(int(reps.sum()), dtype=np.int64) - np.repeat(np.cumsum(reps) - reps, reps)
    cols = np.repeat(first[mj], reps) + offs
    vals = np.repeat(wb, reps)
    solver = inst.get("solver", "dense")
    if solver == "dense":
        forbidden = -float(2 * total_abs)
        mat = np.full((m, slots + m), forbidden)
        mat[rows, cols] = vals
        mat[np.arange(m), slots + np.arange(m)] = 0.0
        t0 = time.perf_counter()
        r, c = linear_sum_assignment(mat, maximize=True)
        secs = time.perf_counter() - t0
        if np.any(mat[r, c] == forbidden):
            raise SystemExit("scipy chose a forbidden pair")
        real = c < slots
        chosen = mat[r[real], c[real]]
    else:
        # min_weight_full_bipartite_matching: every mentee gets one column; costs positive.
        top = float(hi + bonus + 1)
        all_rows = np.concatenate((rows, np.arange(m)))
        all_cols = np.concatenate((cols, slots + np.arange(m)))
        all_vals = np.concatenate((top - vals, np.full(m, top)))
        g = csr_matrix((all_vals, (all_rows, all_cols)), shape=(m, slots + m))
        t0 = time.perf_counter()
        _, c = min_weight_full_bipartite_matching(g)
        secs = time.perf_counter() - t0
        real = c < slots
        chosen = top - np.asarray(g[np.arange(m)[real], c[real]]).ravel()
    matched = int(real.sum())
    weight = int(round(float(chosen.sum()))) - matched * bonus
    return {"weight": weight, "matched": matched, "seconds": secs}


def main():
    req = json.load(sys.stdin)
    out = [solve(inst) for inst in req["instances"]]
    json.dump({"results": out}, sys.stdout)


if __name__ == "__main__":
    main()
