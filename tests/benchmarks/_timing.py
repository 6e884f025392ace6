"""Shared timing for the benchmarks: the best of several runs of a callable."""

import time


def best(fn, repeat=5):
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def best_alternating(f_np, f_rp, repeat=5):
    """The best times of ``f_np`` and ``f_rp`` called in turn, one call of each a round: for
    work whose time depends on what ran before it (a file written over another, whose
    writeback the kernel may be doing), so that each library meets the state the other
    left, rather than its own."""
    t_np = t_rp = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f_np()
        t1 = time.perf_counter()
        f_rp()
        t2 = time.perf_counter()
        t_np, t_rp = min(t_np, t1 - t0), min(t_rp, t2 - t1)
    return t_np, t_rp


def report(cases, repeat=5, width=28):
    """Print each case's best numpy time, best rumpy time and their ratio (rumpy / numpy).
    ``cases``: (name, numpy callable, rumpy callable)."""
    print(f"{'benchmark':{width}} {'numpy ms':>10} {'rumpy ms':>10} {'ratio':>7}")
    for name, f_np, f_rp in cases:
        t_np, t_rp = best(f_np, repeat), best(f_rp, repeat)
        print(f"{name:{width}} {t_np * 1e3:10.2f} {t_rp * 1e3:10.2f} {t_rp / t_np:7.2f}")
