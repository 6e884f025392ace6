"""Set routines against numpy in the same process: unique of 1e7 items with 1e3 distinct
values (int64 and float64; values only, with counts, with the inverse), isin of 1e6 items
against 1e4 (integers through the lookup table, floats by sorting), intersect1d, union1d,
setdiff1d and setxor1d of 1e6 items, and unique rows (axis=0). Prints numpy time, rumpy time
and the ratio (rumpy / numpy).

    python tests/benchmarks/bench_sets.py
"""

import numpy as np

import rumpy as rp
from _timing import report


def main():
    rng = np.random.default_rng(0)
    cases = []
    ints = rng.integers(0, 1000, 10**7)
    floats = rng.integers(0, 1000, 10**7) * 0.25
    for dt, a in [("int64", ints), ("float64", floats)]:
        r = rp.asarray(a)
        cases.append((f"unique 1e7 (1e3 distinct) {dt}", lambda a=a: np.unique(a),
                      lambda r=r: rp.unique(r)))
        cases.append((f"unique return_counts {dt}", lambda a=a: np.unique(a, return_counts=True),
                      lambda r=r: rp.unique(r, return_counts=True)))
        cases.append((f"unique return_inverse {dt}",
                      lambda a=a: np.unique(a, return_inverse=True),
                      lambda r=r: rp.unique(r, return_inverse=True)))
    wide = rng.integers(-2**62, 2**62, 10**6)
    rwide = rp.asarray(wide)
    cases.append(("unique 1e6 int64 wide range", lambda: np.unique(wide),
                  lambda: rp.unique(rwide)))
    for dt, hay, needles in [
            ("int64", rng.integers(0, 10**6, 10**6), rng.integers(0, 10**6, 10**4)),
            ("float64", rng.integers(0, 10**6, 10**6) * 0.5, rng.integers(0, 10**6, 10**4) * 0.5)]:
        rh, rn = rp.asarray(hay), rp.asarray(needles)
        cases.append((f"isin 1e6 against 1e4 {dt}", lambda h=hay, n=needles: np.isin(h, n),
                      lambda h=rh, n=rn: rp.isin(h, n)))
    hay, needles = rng.integers(0, 10**6, 10**6), rng.integers(0, 10**6, 10**4)
    rh, rn = rp.asarray(hay), rp.asarray(needles)
    cases.append(("isin 1e6 against 1e4 kind=sort", lambda: np.isin(hay, needles, kind="sort"),
                  lambda: rp.isin(rh, rn, kind="sort")))
    x, y = rng.integers(0, 2 * 10**6, 10**6), rng.integers(0, 2 * 10**6, 10**6)
    rx, ry = rp.asarray(x), rp.asarray(y)
    cases.append(("intersect1d 1e6 int64", lambda: np.intersect1d(x, y),
                  lambda: rp.intersect1d(rx, ry)))
    cases.append(("intersect1d return_indices",
                  lambda: np.intersect1d(x, y, return_indices=True),
                  lambda: rp.intersect1d(rx, ry, return_indices=True)))
    fx, fy = x * 0.5, y * 0.5
    rfx, rfy = rp.asarray(fx), rp.asarray(fy)
    cases.append(("intersect1d 1e6 float64", lambda: np.intersect1d(fx, fy),
                  lambda: rp.intersect1d(rfx, rfy)))
    for fn in ["union1d", "setdiff1d", "setxor1d"]:
        cases.append((f"{fn} 1e6 int64", lambda f=getattr(np, fn): f(x, y),
                      lambda f=getattr(rp, fn): f(rx, ry)))
    rows = rng.integers(0, 4, (10**5, 3))
    rrows = rp.asarray(rows)
    cases.append(("unique axis=0 (1e5 x 3)", lambda: np.unique(rows, axis=0),
                  lambda: rp.unique(rrows, axis=0)))
    report(cases, width=34)


if __name__ == "__main__":
    main()
