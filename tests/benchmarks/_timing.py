"""Shared timing for the benchmarks: the best of several runs of a callable."""

import time


def best(fn, repeat=5):
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t
