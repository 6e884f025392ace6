"""The particle field: `rp.step` against the same formulas on separate float64 arrays with
NumPy, and `rp.resonate` with pairs given as arrays against a Python loop of single-pair
calls. Prints the reference time, rumpy time and ratio.

Run: python tests/benchmarks/bench_field.py
"""

import sys
import time
from pathlib import Path

import numpy as np

import rumpy as rp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from field_reference import numpy_step  # noqa: E402


def field(n, seed=0):
    rng = np.random.default_rng(seed)
    f = rp.create_field(n)
    nf = np.asarray(f)
    nf["target"] = rng.normal(size=n)
    nf["mass"] = rng.uniform(0.5, 2.0, n)
    nf["damping"] = rng.uniform(0.0, 0.3, n)
    return f, nf


def main():
    print(f"{'benchmark':38} {'numpy ms':>10} {'rumpy ms':>10} {'ratio':>7}")
    for n, cycles in [(10**4, 1000), (10**6, 100)]:
        _, nf = field(n)
        t_np = float("inf")
        for _ in range(2):  # numpy_step works on copies of the fields
            t0 = time.perf_counter()
            v, w = numpy_step(nf, cycles, 0.1)
            t_np = min(t_np, time.perf_counter() - t0)
        t_rp = float("inf")
        for _ in range(2):
            g, ng = field(n)
            t0 = time.perf_counter()
            rp.step(g, cycles, 0.1)
            t_rp = min(t_rp, time.perf_counter() - t0)
        same = np.array_equal(ng["value"], v) and np.array_equal(ng["velocity"], w)
        print(f"{f'step {n:.0e} atoms x {cycles} cycles':38} {t_np * 1e3:10.1f} {t_rp * 1e3:10.2f} "
              f"{t_rp / t_np:7.3f}  goal 0.1x  bit-identical: {same}")


def resonate_loop(f, i, j, s):
    """The single-pair alternative: one rp.resonate call per pair, from Python."""
    for a, b, c in zip(i.tolist(), j.tolist(), s.tolist()):
        rp.resonate(f, a, b, c)


def bench_resonate():
    n_atoms, n_pairs = 10**5, 10**5
    rng = np.random.default_rng(1)
    i = rng.integers(0, n_atoms, n_pairs)
    j = rng.integers(0, n_atoms, n_pairs)
    s = rng.uniform(0.0, 1.0, n_pairs)
    f, _ = field(n_atoms)
    g, _ = field(n_atoms)
    t0 = time.perf_counter()
    resonate_loop(f, i, j, s)
    t_loop = time.perf_counter() - t0
    t0 = time.perf_counter()
    rp.resonate(g, rp.asarray(i), rp.asarray(j), rp.asarray(s))
    t_arr = time.perf_counter() - t0
    same = np.array_equal(np.asarray(f), np.asarray(g))
    print(f"{'resonate 1e5 pairs: loop vs arrays':38} {t_loop * 1e3:10.1f} {t_arr * 1e3:10.2f} "
          f"{t_arr / t_loop:7.4f}  goal 0.05x  same result: {same}")


if __name__ == "__main__":
    main()
    bench_resonate()
