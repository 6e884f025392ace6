"""Record arrays against NumPy in the same process: creation from a list of tuples, tolist,
field views in ufuncs, == between record arrays, record scalars, .npy round trips. Prints
numpy time, rumpy time and the ratio (rumpy / numpy; below 1 is faster).

Run: python tests/benchmarks/bench_records.py
"""

import os
import tempfile
import numpy as np

import rumpy as rp
from _timing import best, best_alternating

DT = [("value", "<f8"), ("velocity", "<f8"), ("mass", "<f8"), ("id", "<i4")]


def each_item(a):
    for i in range(10**4):
        a[i]


def main():
    n = 10**5
    rows = [(float(k), 0.5 * k, 1.0, k) for k in range(n)]
    big = 10**6
    na = np.zeros(big, DT)
    na["value"] = np.arange(big)
    ra = rp.asarray(na).copy()
    nb, rb = na.copy(), ra.copy()
    tmp = tempfile.TemporaryDirectory()
    path = os.path.join(tmp.name, "r.npy")
    cases = [
        ("array(list of 1e5 tuples, dtype)", lambda m, a, b: m.array(rows, dtype=DT)),
        ("tolist() of 1e5 records", lambda m, a, b: a[:n].tolist()),
        ("a['value'] * 2 (1e6, strided view)", lambda m, a, b: a["value"] * 2),
        ("a['mass'].sum() (1e6)", lambda m, a, b: a["mass"].sum()),
        ("a == b (1e6 records)", lambda m, a, b: a == b),
        ("a[['value', 'mass']] copy (1e6)", lambda m, a, b: a[["value", "mass"]].copy()),
        ("a[i] x 1e4, each dropped (record scalars)", lambda m, a, b: each_item(a)),
        ("[a[i] for i] x 1e4, all kept", lambda m, a, b: [a[i] for i in range(10**4)]),
        ("a[i]['value'] x 1e4 (record scalars)",
         lambda m, a, b: [a[i]["value"] for i in range(10**4)]),
        # (saved over the file the other library saved just before: calls taken in turn)
        ("save .npy (1e6 records, 36 MB)", lambda m, a, b: m.save(path, a)),
        ("load .npy (1e6 records, 36 MB)", lambda m, a, b: m.load(path)),
    ]
    print(f"{'benchmark':40} {'numpy ms':>10} {'rumpy ms':>10} {'ratio':>7}")
    for name, fn in cases:
        if name.startswith("save"):
            t_np, t_rp = best_alternating(lambda: fn(np, na, nb), lambda: fn(rp, ra, rb))
        else:
            t_np = best(lambda: fn(np, na, nb))
            t_rp = best(lambda: fn(rp, ra, rb))
        print(f"{name:40} {t_np * 1e3:10.2f} {t_rp * 1e3:10.2f} {t_rp / t_np:7.2f}")


if __name__ == "__main__":
    main()
