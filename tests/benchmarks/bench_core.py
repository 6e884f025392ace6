"""Core ndarray benchmarks: numpy time, rumpy time and their ratio, in one process.

Run: python tests/benchmarks/bench_core.py   (after installing rumpy; numpy is required)
A ratio below 1 means rumpy is faster.
"""

import sys
import timeit

import numpy as np

import rumpy as rp


def best(stmt, number, repeat=5):
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number


def row(name, np_stmt, rp_stmt, number, goal=None):
    t_np = best(np_stmt, number)
    t_rp = best(rp_stmt, number)
    ratio = t_rp / t_np
    mark = ""
    if goal is not None:
        mark = "ok" if ratio <= goal else f"goal {goal}x"
    print(f"{name:<34} {t_np * 1e6:>12.3f} {t_rp * 1e6:>12.3f} {ratio:>8.2f}  {mark}")
    return t_np, t_rp


def main():
    print(f"{'benchmark':<34} {'numpy us':>12} {'rumpy us':>12} {'ratio':>8}")
    small_np = np.zeros(10**3)
    big_np = np.zeros(10**8, dtype=np.uint8)
    small_rp = rp.zeros(10**3)
    big_rp = rp.zeros(10**8, dtype=rp.uint8)
    # asarray both ways: must be O(1) in the size. The numpy column is numpy taking a foreign
    # buffer the same way (np.asarray of a memoryview), the nearest like-for-like operation.
    mv_small, mv_big = memoryview(small_np), memoryview(big_np)
    _, s = row("rp.asarray(np) 1e3", lambda: np.asarray(mv_small), lambda: rp.asarray(small_np), 20000)
    _, b = row("rp.asarray(np) 1e8", lambda: np.asarray(mv_big), lambda: rp.asarray(big_np), 20000)
    print(f"{'  O(1) check: 1e8/1e3 time':<34} {'':>12} {'':>12} {b / s:>8.2f}  {'ok' if b / s <= 3 else 'FAIL'}")
    _, s = row("np.asarray(rp) 1e3", lambda: np.asarray(mv_small), lambda: np.asarray(small_rp), 20000)
    _, b = row("np.asarray(rp) 1e8", lambda: np.asarray(mv_big), lambda: np.asarray(big_rp), 20000)
    print(f"{'  O(1) check: 1e8/1e3 time':<34} {'':>12} {'':>12} {b / s:>8.2f}  {'ok' if b / s <= 3 else 'FAIL'}")
    n = 10**7
    row("zeros 1e7", lambda: np.zeros(n), lambda: rp.zeros(n), 20)
    row("ones 1e7", lambda: np.ones(n), lambda: rp.ones(n), 10)
    row("arange 1e7", lambda: np.arange(n), lambda: rp.arange(n), 10)
    row("full 1e7", lambda: np.full(n, 3.5), lambda: rp.full(n, 3.5), 10)
    a_np = np.arange(100.0)
    a_rp = rp.arange(100.0)
    row("a[5] get", lambda: a_np[5], lambda: a_rp[5], 200000, goal=1.5)

    def set_np():
        a_np[5] = 1.0

    def set_rp():
        a_rp[5] = 1.0

    row("a[5] = 1.0 set", set_np, set_rp, 200000, goal=1.5)
    row("a[1:-1:2] slice", lambda: a_np[1:-1:2], lambda: a_rp[1:-1:2], 200000, goal=1.5)
    m_np = np.random.default_rng(0).random((100, 100))
    m_rp = rp.asarray(m_np).copy()
    row("repr (100,100)", lambda: repr(m_np), lambda: repr(m_rp), 50)
    c_np = np.ones(10**7)
    c_rp = rp.ones(10**7)
    row("copy 1e7 float64", lambda: c_np.copy(), lambda: c_rp.copy(), 10)
    t_np = np.ones((2000, 2000))
    t_rp = rp.ones((2000, 2000))
    row("transpose-copy (2000,2000)", lambda: t_np.T.copy(), lambda: t_rp.T.copy(), 5)
    # where(c, x, y): the one-pass selection (small: the call's own cost)
    for n, number in [(10, 100000), (10**6, 20)]:
        w_np = np.random.default_rng(1).random(n)
        w_rp = rp.asarray(w_np)
        cw_np, cw_rp = w_np > 0.5, w_rp > 0.5
        row(f"where(c, a, 0.0) {n:.0e}", lambda: np.where(cw_np, w_np, 0.0),
            lambda: rp.where(cw_rp, w_rp, 0.0), number)
    # a function's call through its NEP 18 wrapper (vectorcall)
    r_np, r_rp = np.arange(10.0), rp.arange(10.0)
    row("reshape(a, (2, 5))", lambda: np.reshape(r_np, (2, 5)),
        lambda: rp.reshape(r_rp, (2, 5)), 100000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
