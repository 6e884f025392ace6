"""Generalized-ufunc benchmarks (matmul, vecdot): numpy time, rumpy time and their ratio, in
one process.

Run: python tests/benchmarks/bench_linalg.py   (after installing rumpy; numpy is required)
     [--products | --decompositions]  (only the matmul rows and those; default: everything)
A ratio below 1 means rumpy is faster. numpy multiplies floats with OpenBLAS on every core,
rumpy with its own kernel (from 160**3 on several threads) or faer. OpenBLAS's
threads keep spinning for a while after each call, which would slow whatever runs next in
the process; each library is therefore timed after a pause, so that neither measures the
other's idle threads.
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
    # Rows with a goal: the best of five interleaved rounds. The host's speed drifts by
    # several percent within a minute, and a virtual machine's CPUs are taken away for
    # milliseconds at a time: with three rounds, a row's ratio swung by 0.2 from run to run.
    t_np = t_rp = float("inf")
    for _ in range(1 if goal is None else 5):
        time.sleep(0.3)
        t_np = min(t_np, best(f_np, number))
        time.sleep(0.3)
        t_rp = min(t_rp, best(f_rp, number))
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
    row("x @ A float64 1000x1000", lambda: x @ m, lambda: rx @ rm, 50)
    row("A.T @ x float64 1000x1000", lambda: m.T @ x, lambda: rm.T @ rx, 50)
    if "--products" in sys.argv or "--all" in sys.argv or len(sys.argv) == 1:
        products(rng)
    if "--decompositions" in sys.argv or "--all" in sys.argv or len(sys.argv) == 1:
        decompositions(rng)
    return 0


def pair(rng, *shape, dt="float64"):
    a = rng.standard_normal(shape).astype(dt)
    return a, rp.asarray(a)


def products(rng):
    for dt in ["float64", "float32"]:
        a, ra = pair(rng, 1000, 1000, dt=dt)
        b, rb = pair(rng, 1000, 1000, dt=dt)
        row(f"dot {dt} 1000x1000", lambda: np.dot(a, b), lambda: rp.dot(ra, rb), 3, 1.0)
    a, ra = pair(rng, 300, 300)
    b, rb = pair(rng, 300, 300)
    row("einsum 'ij,jk->ik' 300x300", lambda: np.einsum("ij,jk->ik", a, b),
        lambda: rp.einsum("ij,jk->ik", ra, rb), 5, 1.0)
    a, ra = pair(rng, 64, 128, 128)
    b, rb = pair(rng, 64, 128, 128)
    row("einsum 'bij,bjk->bik' (64,128,128)", lambda: np.einsum("bij,bjk->bik", a, b),
        lambda: rp.einsum("bij,bjk->bik", ra, rb), 5, 1.0)
    a, ra = pair(rng, 2000, 2000)
    row("einsum 'ii->' 2000x2000", lambda: np.einsum("ii->", a), lambda: rp.einsum("ii->", ra),
        200, 1.0)
    b, rb = pair(rng, 2000, 2000)
    row("einsum 'ij,ij->i' 2000x2000", lambda: np.einsum("ij,ij->i", a, b),
        lambda: rp.einsum("ij,ij->i", ra, rb), 20, 1.0)


def decompositions(rng):
    a, ra = pair(rng, 1000, 1000)
    b, rb = pair(rng, 1000, 1000)
    spd = a @ a.T + 1000 * np.eye(1000)
    rspd = rp.asarray(spd)
    row("solve 1000x1000", lambda: np.linalg.solve(a, b), lambda: rp.linalg.solve(ra, rb), 3, 1.0)
    row("inv 1000x1000", lambda: np.linalg.inv(a), lambda: rp.linalg.inv(ra), 3, 1.0)
    row("det 1000x1000", lambda: np.linalg.det(spd), lambda: rp.linalg.det(rspd), 3, 1.0)
    row("qr 1000x1000", lambda: np.linalg.qr(a), lambda: rp.linalg.qr(ra), 2, 1.0)
    row("cholesky 1000x1000", lambda: np.linalg.cholesky(spd),
        lambda: rp.linalg.cholesky(rspd), 3, 1.0)
    a5, ra5 = pair(rng, 500, 500)
    s5 = a5 + a5.T
    rs5 = rp.asarray(s5)
    row("svd 500x500", lambda: np.linalg.svd(a5), lambda: rp.linalg.svd(ra5), 2, 1.0)
    row("eigh 500x500", lambda: np.linalg.eigh(s5), lambda: rp.linalg.eigh(rs5), 2, 1.0)
    a3, ra3 = pair(rng, 300, 300)
    row("eig 300x300", lambda: np.linalg.eig(a3), lambda: rp.linalg.eig(ra3), 2, 1.0)
    al, ral = pair(rng, 2000, 200)
    bl, rbl = pair(rng, 2000, 1)
    row("lstsq (2000, 200)", lambda: np.linalg.lstsq(al, bl), lambda: rp.linalg.lstsq(ral, rbl),
        3, 1.0)
    sm, rsm = pair(rng, 10000, 3, 3)
    v, rv = pair(rng, 10000, 3, 1)
    row("inv 1e4 x (3, 3)", lambda: np.linalg.inv(sm), lambda: rp.linalg.inv(rsm), 5, 0.5)
    row("solve 1e4 x (3, 3)", lambda: np.linalg.solve(sm, v), lambda: rp.linalg.solve(rsm, rv),
        5, 0.5)


if __name__ == "__main__":
    sys.exit(main())
