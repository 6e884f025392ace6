"""Sorting against numpy in the same process: sort and argsort of 1e6 and 1e7 float64,
float32 and int64 (random, sorted, reversed, few unique), sort along axis 1 of (1000, 1000),
the other families, searchsorted and partition. Prints numpy time, rumpy time and the ratio (rumpy / numpy).

    python tests/benchmarks/bench_sort.py [--large]
"""

import sys

import numpy as np

import rumpy as rp
from _timing import report


def main():
    rng = np.random.default_rng(0)
    sizes = [10**6, 10**7] if "--large" in sys.argv else [10**6]
    cases = []
    for n in sizes:
        tag = f"1e{len(str(n)) - 1}"
        for dt in ["f8", "f4", "i8"]:
            base = (rng.random(n) * n).astype(dt)
            for order, a in [("random", base), ("sorted", np.sort(base)),
                             ("reversed", np.sort(base)[::-1].copy()),
                             ("few unique", (rng.integers(0, 16, n)).astype(dt))]:
                if order != "random" and (n > 10**6 or dt != "f8"):
                    continue
                r = rp.asarray(a)
                cases.append((f"sort {dt} {order} ({tag})", lambda a=a: np.sort(a),
                              lambda r=r: rp.sort(r)))
                cases.append((f"argsort {dt} {order} ({tag})", lambda a=a: np.argsort(a),
                              lambda r=r: rp.argsort(r)))
            r = rp.asarray(base)
            cases.append((f"argsort stable {dt} ({tag})",
                          lambda a=base: np.argsort(a, kind="stable"),
                          lambda r=r: rp.argsort(r, kind="stable")))
    m = rng.random((1000, 1000))
    rm = rp.asarray(m)
    cases.append(("sort axis 1 (1000x1000) f8", lambda: np.sort(m, axis=1),
                  lambda: rp.sort(rm, axis=1)))
    cases.append(("sort axis 0 (1000x1000) f8", lambda: np.sort(m, axis=0),
                  lambda: rp.sort(rm, axis=0)))
    i16 = rng.integers(-1000, 1000, 10**6).astype("i2")
    ri16 = rp.asarray(i16)
    cases.append(("sort i2 (1e6)", lambda: np.sort(i16), lambda: rp.sort(ri16)))
    c = rng.random(10**6) + 1j * rng.random(10**6)
    rc = rp.asarray(c)
    cases.append(("sort c16 (1e6)", lambda: np.sort(c), lambda: rp.sort(rc)))
    u = (rng.random(10**5) * 1e9).astype("i8").astype("U10")
    ru = rp.asarray(u)
    cases.append(("sort U10 (1e5)", lambda: np.sort(u), lambda: rp.sort(ru)))
    t = (rng.random(10**6) * 1e9).astype("i8").astype("M8[s]")
    rt = rp.asarray(t)
    cases.append(("sort M8[s] (1e6)", lambda: np.sort(t), lambda: rp.sort(rt)))
    o = np.array(rng.integers(0, 10**6, 10**5).tolist(), dtype=object)
    ro = rp.asarray(o)
    cases.append(("sort object ints (1e5)", lambda: np.sort(o), lambda: rp.sort(ro)))
    hay = np.sort(rng.random(10**6))
    needles = rng.random(10**6)
    rh, rn = rp.asarray(hay), rp.asarray(needles)
    cases.append(("searchsorted 1e6 into 1e6", lambda: np.searchsorted(hay, needles),
                  lambda: rp.searchsorted(rh, rn)))
    big = rng.random(10**7 if "--large" in sys.argv else 10**6)
    rbig = rp.asarray(big)
    tag = "1e7" if "--large" in sys.argv else "1e6"
    cases.append((f"partition f8 ({tag}) at n/2", lambda: np.partition(big, big.size // 2),
                  lambda: rp.partition(rbig, big.size // 2)))
    report(cases, width=32)


if __name__ == "__main__":
    main()
