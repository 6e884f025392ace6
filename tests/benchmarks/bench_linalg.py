"""Generalized-ufunc benchmarks (matmul, vecdot): numpy time, rumpy time and their ratio, in
one process.

Run: python tests/benchmarks/bench_linalg.py   (after installing rumpy; numpy is required)
A ratio below 1 means rumpy is faster. numpy multiplies floats with OpenBLAS on every core,
rumpy with its own kernel (from about 600**3) or faer, on rayon's threads. OpenBLAS's threads keep spinning for a while after each
call, which would slow whatever runs next in the process; each library is therefore timed
after a pause, so that neither measures the other's idle threads.
"""

import sys
import time
import timeit

import numpy as np

import rumpy as rp


def best(fn, number, repeat=5):
    fn()
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def row(name, f_np, f_rp, number, goal=None):
    time.sleep(0.3)
    t_np = best(f_np, number)
    time.sleep(0.3)
    t_rp = best(f_rp, number)
    ratio = t_rp / t_np
    mark = "" if goal is None else ("ok" if ratio <= goal else f"goal {goal}x")
    print(f"{name:<34} {t_np * 1e6:>12.1f} {t_rp * 1e6:>12.1f} {ratio:>8.2f}  {mark}")


def main():
    rng = np.random.default_rng(0)
    print(f"{'benchmark':<34} {'numpy us':>12} {'rumpy us':>12} {'ratio':>8}")
    for n in [100, 500, 1000, 2000]:
        for dt in ["float64", "float32"]:
            a = rng.random((n, n)).astype(dt)
            b = rng.random((n, n)).astype(dt)
            ra, rb = rp.asarray(a), rp.asarray(b)
            number = max(1, int(2e8 / n**3))
            row(f"matmul {dt} {n}x{n}", lambda: a @ b, lambda: ra @ rb, number,
                1.0 if n >= 1000 else None)
    a = rng.random((64, 64, 64))
    b = rng.random((64, 64, 64))
    ra, rb = rp.asarray(a), rp.asarray(b)
    row("matmul float64 (64,64,64) batched", lambda: a @ b, lambda: ra @ rb, 50)
    ai = rng.integers(-100, 100, (200, 200))
    bi = rng.integers(-100, 100, (200, 200))
    rai, rbi = rp.asarray(ai), rp.asarray(bi)
    row("matmul int64 200x200", lambda: ai @ bi, lambda: rai @ rbi, 10)
    v = rng.random((10**6, 3))
    w = rng.random((10**6, 3))
    rv, rw = rp.asarray(v), rp.asarray(w)
    row("vecdot 1e6 pairs of 3-vectors", lambda: np.vecdot(v, w), lambda: rp.vecdot(rv, rw), 10)
    m = rng.random((1000, 1000))
    x = rng.random(1000)
    rm, rx = rp.asarray(m), rp.asarray(x)
    row("matvec float64 1000x1000", lambda: np.matvec(m, x), lambda: rp.matvec(rm, rx), 50)
    return 0


if __name__ == "__main__":
    sys.exit(main())
