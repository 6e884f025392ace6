"""Numerical helpers against numpy in the same process: diff, gradient (1-d and 2-d),
trapezoid, cumulative_sum and unwrap on float64 data. Prints numpy time, rumpy time and the
ratio (rumpy / numpy).

    python tests/benchmarks/bench_numerical.py
"""

import numpy as np

import rumpy as rp
from _timing import report


def main():
    rng = np.random.default_rng(0)
    x = rng.random(10**7)
    rx = rp.asarray(x)
    m = rng.random((2000, 2000))
    rm = rp.asarray(m)
    ph = np.cumsum(rng.random(10**6) - 0.5) * 3 % (2 * np.pi)
    rph = rp.asarray(ph)
    cases = [
        ("diff f8 (1e7)", lambda: np.diff(x), lambda: rp.diff(rx)),
        ("gradient f8 (1e7)", lambda: np.gradient(x), lambda: rp.gradient(rx)),
        ("gradient f8 (2000, 2000)", lambda: np.gradient(m), lambda: rp.gradient(rm)),
        ("trapezoid f8 (1e7)", lambda: np.trapezoid(x), lambda: rp.trapezoid(rx)),
        ("cumulative_sum f8 (1e7)", lambda: np.cumulative_sum(x),
         lambda: rp.cumulative_sum(rx)),
        ("unwrap f8 (1e6)", lambda: np.unwrap(ph), lambda: rp.unwrap(rph)),
    ]
    report(cases, width=28)


if __name__ == "__main__":
    main()
