"""Ufunc engine benchmarks: numpy time, rumpy time and their ratio, in one process.

Run: python tests/benchmarks/bench_ufunc.py   (after installing rumpy; numpy is required)
A ratio below 1 means rumpy is faster. Rows follow the ufunc-engine issue's list.
"""

import sys
import timeit

import numpy as np

import rumpy as rp


def best(fn, number, repeat=5, env=None):
    """Seconds per call of ``fn``: a callable, or a statement timed as written (its names from
    ``env``, no wrapper call between calls: the per-call rows)."""
    return min(timeit.repeat(fn, number=number, repeat=repeat, globals=env)) / number


def row(name, f_np, f_rp, number, goal=None, env=None):
    t_np = best(f_np, number, env=env and {**env, "m": np})
    t_rp = best(f_rp, number, env=env and {**env, "m": rp})
    ratio = t_rp / t_np
    mark = "" if goal is None else ("ok" if ratio <= goal else f"goal {goal}x")
    print(f"{name:<34} {t_np * 1e6:>12.2f} {t_rp * 1e6:>12.2f} {ratio:>8.2f}  {mark}")


def main():
    rng = np.random.default_rng(0)
    print(f"{'benchmark':<34} {'numpy us':>12} {'rumpy us':>12} {'ratio':>8}")
    for n, number in [(10**3, 20000), (10**6, 50), (10**7, 5)]:
        a, b, c = rng.random(n), rng.random(n), rng.random(n)
        ra, rb, rc = rp.asarray(a), rp.asarray(b), rp.asarray(c)
        goal = 0.8 if n >= 10**6 else 1.2
        row(f"a+b float64 {n:.0e}", lambda: a + b, lambda: ra + rb, number, goal)
        row(f"a*b+c float64 {n:.0e}", lambda: a * b + c, lambda: ra * rb + rc, number, goal)
    # Small arrays: the per-call path (allocation, loop lookup, wrapping), as written.
    for dt in ["float64", "int64"]:
        env = {"a": np.arange(10, dtype=dt), "b": np.arange(10, dtype=dt),
               "ra": rp.arange(10, dtype=dt), "rb": rp.arange(10, dtype=dt)}
        for what, stmt in [("a+b", "{a} + {b}"), ("a*2", "{a} * 2"), ("2.5*a", "2.5 * {a}"),
                           ("a<3", "{a} < 3"), ("m.add(a, b)", "m.add({a}, {b})")]:
            row(f"{what} {dt} 10 items", stmt.format(a="a", b="b"),
                stmt.format(a="ra", b="rb"), 200000, 1.2, env)
    n = 10**6
    for dt in ["float64", "float32"]:
        a = (rng.random(n) + 0.5).astype(dt)
        ra = rp.asarray(a)
        for name in ["exp", "sin", "log", "sqrt"]:
            fn, rfn = getattr(np, name), getattr(rp, name)
            row(f"{name} {dt} 1e6", lambda: fn(a), lambda: rfn(ra), 20, 0.6 if name != "sqrt" else 0.8)
    # float16 computes through float32 blocks (no goal: NumPy converts eight at a time too)
    a = (rng.random(n) + 0.5).astype("float16")
    ra = rp.asarray(a)
    for name in ["exp", "sin", "tan"]:
        fn, rfn = getattr(np, name), getattr(rp, name)
        row(f"{name} float16 1e6", lambda: fn(a), lambda: rfn(ra), 20, None)
    # float32 functions computed in float64 lanes (kernels/vmath_wide.rs); no goal (NumPy's
    # are float32 AVX-512 loops)
    u = rng.random(n).astype("float32")
    for name, x in [("tan", u), ("arctan", 20 * u - 10), ("arcsin", 2 * u - 1),
                    ("tanh", 20 * u - 10), ("sinh", 20 * u - 10), ("expm1", 20 * u - 10),
                    ("exp2", 20 * u - 10), ("log1p", 10 * u), ("log10", 10 * u + 1e-3),
                    ("cbrt", 20 * u - 10), ("arcsinh", 20 * u - 10), ("arctan2", u)]:
        fn, rfn = getattr(np, name), getattr(rp, name)
        args = (x,) if fn.nin == 1 else (x, x[::-1].copy())
        rargs = tuple(rp.asarray(v) for v in args)
        row(f"{name} float32 1e6", lambda: fn(*args), lambda: rfn(*rargs), 20, None)
    # float64 functions vectorised besides exp/log/sin/cos (kernels/vmath.rs); no goal
    u = rng.random(n)
    for name, x in [("exp2", 20 * u - 10), ("expm1", 20 * u - 10), ("log2", 10 * u + 1e-3),
                    ("log10", 10 * u + 1e-3), ("log1p", 10 * u), ("arctan", 20 * u - 10),
                    ("sinh", 20 * u - 10), ("cosh", 20 * u - 10), ("tanh", 20 * u - 10)]:
        fn, rfn = getattr(np, name), getattr(rp, name)
        rx = rp.asarray(x)
        row(f"{name} float64 1e6", lambda: fn(x), lambda: rfn(rx), 20, None)
    a = rng.random(10**7)
    ra = rp.asarray(a)
    row("sum float64 1e7", lambda: a.sum(), lambda: ra.sum(), 10, 0.8)
    row("mean float64 1e7", lambda: a.mean(), lambda: ra.mean(), 10, 0.8)
    m = rng.random((2000, 2000))
    rm = rp.asarray(m)
    row("sum axis 0 (2000,2000)", lambda: m.sum(axis=0), lambda: rm.sum(axis=0), 10, 0.8)
    row("sum axis 1 (2000,2000)", lambda: m.sum(axis=1), lambda: rm.sum(axis=1), 10, 0.8)
    a, b = rng.random(10**6), rng.random(10**6)
    ra, rb = rp.asarray(a), rp.asarray(b)
    row("a[::2]+b[::2] 1e6", lambda: a[::2] + b[::2], lambda: ra[::2] + rb[::2], 50, 0.8)
    x, y = rng.random((1000, 1)), rng.random((1, 1000))
    rx, ry = rp.asarray(x), rp.asarray(y)
    row("(1000,1)+(1,1000)", lambda: x + y, lambda: rx + ry, 50, 0.8)
    s1, s2 = rng.random(10), rng.random(10)
    r1, r2 = rp.asarray(s1), rp.asarray(s2)
    row("a+b n=10 (per call)", lambda: s1 + s2, lambda: r1 + r2, 100000, 1.2)
    i1 = rng.integers(-1000, 1000, 10**6)
    i2 = rng.integers(1, 100, 10**6)
    ri1, ri2 = rp.asarray(i1), rp.asarray(i2)
    row("int64 floor_divide 1e6", lambda: i1 // i2, lambda: ri1 // ri2, 20, 0.8)
    # by one divisor: multiplication by its magic number (kernels/divisor.rs); no goal
    row("int64 a // 7 1e6", lambda: i1 // 7, lambda: ri1 // 7, 20, None)
    row("int64 divmod(a, 7) 1e6", lambda: np.divmod(i1, 7), lambda: rp.divmod(ri1, 7), 20, None)
    i32 = i1.astype(np.int32)
    ri32 = rp.asarray(i32)
    row("int32 divmod(a, 7) 1e6", lambda: np.divmod(i32, 7), lambda: rp.divmod(ri32, 7), 20,
        None)
    row("a<b float64 -> bool 1e6", lambda: a < b, lambda: ra < rb, 50, 0.8)
    p, q = a < 0.5, b < 0.5
    rpp, rq = rp.asarray(p), rp.asarray(q)
    row("logical_and bool 1e6", lambda: np.logical_and(p, q), lambda: rp.logical_and(rpp, rq), 50, 0.8)
    row("~bool 1e6", lambda: ~p, lambda: ~rpp, 50, 0.8)
    row("sum bool 1e6", lambda: p.sum(), lambda: rpp.sum(), 50, 0.8)
    row("any bool 1e6 (all False)", lambda: (a > 2).any(), lambda: (ra > 2).any(), 50, 0.8)
    return 0


if __name__ == "__main__":
    sys.exit(main())
