"""Object arrays against NumPy in the same process: operators on 1e6 Python ints (bound by
Python's own operators: the issue's goal is at most 1.2x numpy's time), comparisons,
reductions, casts and creation. Prints numpy time, rumpy time and the ratio (rumpy / numpy;
below 1 is faster), then resident memory over 1e6 create/drop cycles (flat: no leak).

Run: python tests/benchmarks/bench_object.py
"""

import numpy as np

import rumpy as rp
from _timing import report


def main():
    n = 10**6
    ints = list(range(n))
    na, nb = np.array(ints, dtype=object), np.array(ints[::-1], dtype=object)
    ra, rb = rp.array(ints, dtype=object), rp.array(ints[::-1], dtype=object)
    nf, rf = np.arange(n, dtype=float), rp.arange(n, dtype=float)
    small = ints[:10**5]
    nm, rm = na[:10000].reshape(100, 100), ra[:10000].reshape(100, 100)
    cases = [
        ("object add (1e6 ints)", lambda: na + nb, lambda: ra + rb),
        ("object add scalar (1e6)", lambda: na + 1, lambda: ra + 1),
        ("object multiply (1e6)", lambda: na * nb, lambda: ra * rb),
        ("object == (1e6)", lambda: na == nb, lambda: ra == rb),
        ("object sum (1e6)", lambda: na.sum(), lambda: ra.sum()),
        ("object max (1e6)", lambda: na.max(), lambda: ra.max()),
        ("float64 -> object (1e6)", lambda: nf.astype(object), lambda: rf.astype(object)),
        ("object -> float64 (1e6)", lambda: na.astype(float), lambda: ra.astype(float)),
        ("object copy (1e6)", lambda: na.copy(), lambda: ra.copy()),
        ("array(list, object) 1e5", lambda: np.array(small, dtype=object),
         lambda: rp.array(small, dtype=object)),
        ("tolist() of 1e5 objects", lambda: na[:10**5].tolist(), lambda: ra[:10**5].tolist()),
    ]
    cases.append(("object @ (100x100)", lambda: nm @ nm, lambda: rm @ rm))
    report(cases)


def rss_mb():
    """Resident memory of this process (Linux), in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def leak_check(cycles=10**6):
    """Create and drop an object array holding fresh objects `cycles` times: resident memory
    must stay flat (a leaked reference per cycle would keep every object alive)."""
    for _ in range(1000):
        rp.array([object(), [1], "x"], dtype=object)
    before = rss_mb()
    for i in range(cycles):
        a = rp.array([object(), [i], "x"], dtype=object)
        b = a.copy()
        del a, b
    after = rss_mb()
    print(f"{cycles} create/drop cycles of object arrays: resident memory "
          f"{before:.1f} MB -> {after:.1f} MB ({after - before:+.1f} MB)")


if __name__ == "__main__":
    main()
    leak_check()
