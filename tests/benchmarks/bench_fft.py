"""FFT benchmarks (rumpy.fft against numpy.fft): numpy time, rumpy time and their ratio, in
one process.

Run: python tests/benchmarks/bench_fft.py   (after installing rumpy; numpy is required)
A ratio below 1 means rumpy is faster. Rows with a goal say "ok" when rumpy takes at most that
fraction of numpy's time, and name the goal otherwise; the others are for information (the
cost of one small call, the inverse and n-d transforms, a real transform along a strided
axis). numpy's pocketfft runs on one thread; rumpy's transforms may use several.
"""

import sys
import time
import timeit

import numpy as np

import rumpy as rp

GOAL = 0.7


def best(fn, number, repeat=5):
    fn()
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def row(name, f_np, f_rp, number, goal=None):
    time.sleep(0.2)
    t_np = best(f_np, number)
    time.sleep(0.2)
    t_rp = best(f_rp, number)
    ratio = t_rp / t_np
    mark = "" if goal is None else ("ok" if ratio <= goal else f"goal {goal}x")
    print(f"{name:<40} {t_np * 1e6:>12.1f} {t_rp * 1e6:>12.1f} {ratio:>8.2f}  {mark}")


def pair(rng, shape, dtype):
    a = rng.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.standard_normal(shape)
    a = a.astype(dtype)
    return a, rp.asarray(a)


def main():
    rng = np.random.default_rng(0)
    print(f"{'benchmark':<40} {'numpy us':>12} {'rumpy us':>12} {'ratio':>8}")

    a, ra = pair(rng, 2 ** 20, "complex128")
    row("fft 2**20 complex128", lambda: np.fft.fft(a), lambda: rp.fft.fft(ra), 5, GOAL)
    x, rx = pair(rng, 2 ** 20, "float64")
    row("rfft 2**20 float64", lambda: np.fft.rfft(x), lambda: rp.fft.rfft(rx), 5, GOAL)
    p, rpr = pair(rng, 100003, "complex128")
    row("fft 100003 (prime) complex128", lambda: np.fft.fft(p), lambda: rp.fft.fft(rpr), 10,
        GOAL)
    m, rm = pair(rng, (1024, 1024), "complex128")
    row("fft2 (1024, 1024) complex128", lambda: np.fft.fft2(m), lambda: rp.fft.fft2(rm), 3,
        GOAL)
    f, rf = pair(rng, (4096, 1024), "float32")
    row("rfft axis=1 (4096, 1024) float32", lambda: np.fft.rfft(f, axis=1),
        lambda: rp.fft.rfft(rf, axis=1), 5, GOAL)
    h, rh = pair(rng, 2 ** 19 + 1, "complex128")
    row("irfft 2**19+1 -> 2**20 float64", lambda: np.fft.irfft(h), lambda: rp.fft.irfft(rh), 5,
        GOAL)

    s, rs = pair(rng, 64, "complex128")
    row("fft 64 complex128 (per call)", lambda: np.fft.fft(s), lambda: rp.fft.fft(rs), 20000)
    row("ifft 2**20 complex128", lambda: np.fft.ifft(a), lambda: rp.fft.ifft(ra), 5)
    c, rc = pair(rng, 2 ** 20, "complex64")
    row("fft 2**20 complex64", lambda: np.fft.fft(c), lambda: rp.fft.fft(rc), 5)
    n3, rn3 = pair(rng, (64, 64, 64), "complex128")
    row("fftn (64, 64, 64) complex128", lambda: np.fft.fftn(n3), lambda: rp.fft.fftn(rn3), 5)
    g, rg = pair(rng, (4096, 1024), "float64")
    row("rfft axis=0 (4096, 1024) float64", lambda: np.fft.rfft(g, axis=0),
        lambda: rp.fft.rfft(rg, axis=0), 3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
