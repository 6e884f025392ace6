"""Shared timing for the benchmarks: the best of several runs of a callable."""

import time


def best(fn, repeat=5):
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def report(cases, repeat=5, width=28):
    """Print each case's best numpy time, best rumpy time and their ratio (rumpy / numpy).
    ``cases``: (name, numpy callable, rumpy callable)."""
    print(f"{'benchmark':{width}} {'numpy ms':>10} {'rumpy ms':>10} {'ratio':>7}")
    for name, f_np, f_rp in cases:
        t_np, t_rp = best(f_np, repeat), best(f_rp, repeat)
        print(f"{name:{width}} {t_np * 1e3:10.2f} {t_rp * 1e3:10.2f} {t_rp / t_np:7.2f}")
