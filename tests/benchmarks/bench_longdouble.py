"""longdouble (x87 extended) and clongdouble against NumPy in the same process: arithmetic,
math functions, comparisons, sums, casts and formatting. Prints numpy time, rumpy time and the
ratio (rumpy / numpy; below 1 is faster).

Run: python tests/benchmarks/bench_longdouble.py
"""

import numpy as np

import rumpy as rp
from _timing import report


def main():
    rng = np.random.default_rng(0)
    n = 10**6
    a = (rng.random(n) * 100).astype("g") / 3
    b = (rng.random(n) * 100 + 1).astype("g") / 7
    c = a + 1j * b
    ra, rb, rc = rp.asarray(a), rp.asarray(b), rp.asarray(c)
    f8 = rng.random(n)
    rf8 = rp.asarray(f8)
    small = a[:10**5]
    floats = small.astype("f8").tolist()
    rsmall = rp.asarray(small)
    m = a[:40000].reshape(200, 200)
    rm = rp.asarray(m)
    cm = c[:1000000].reshape(1000, 1000)
    rcm = rp.asarray(cm)
    cases = [
        ("g + g (1e6)", lambda: a + b, lambda: ra + rb),
        ("g * g (1e6)", lambda: a * b, lambda: ra * rb),
        ("g / g (1e6)", lambda: a / b, lambda: ra / rb),
        ("g < g (1e6)", lambda: a < b, lambda: ra < rb),
        ("sqrt(g) (1e6)", lambda: np.sqrt(a), lambda: rp.sqrt(ra)),
        ("sin(g) (1e6)", lambda: np.sin(a), lambda: rp.sin(ra)),
        ("exp(g) (1e6)", lambda: np.exp(-a), lambda: rp.exp(-ra)),
        ("sum(g) (1e6)", lambda: a.sum(), lambda: ra.sum()),
        ("G * G (1e6)", lambda: c * c, lambda: rc * rc),
        ("G / G (1e6)", lambda: c / c[::-1], lambda: rc / rc[::-1]),
        ("abs(G) (1e6)", lambda: np.abs(c), lambda: rp.abs(rc)),
        ("f8 -> g (1e6)", lambda: f8.astype("g"), lambda: rf8.astype("g")),
        ("g -> f8 (1e6)", lambda: a.astype("f8"), lambda: ra.astype("f8")),
        ("g -> U (1e5)", lambda: small.astype("U"), lambda: rsmall.astype("U")),
        ("array(1e5 floats, g)", lambda: np.array(floats, "g"), lambda: rp.array(floats, "g")),
        ("max(g) (1e6)", lambda: a.max(), lambda: ra.max()),
        ("repr(g) (1e3)", lambda: repr(small[:1000]), lambda: repr(rsmall[:1000])),
        ("g @ g (200x200)", lambda: m @ m, lambda: rm @ rm),
        ("vecdot(G) (1e3x1e3)", lambda: np.vecdot(cm, cm), lambda: rp.vecdot(rcm, rcm)),
    ]
    report(cases, width=20)


if __name__ == "__main__":
    main()
