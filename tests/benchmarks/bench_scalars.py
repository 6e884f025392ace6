"""Scalar arithmetic per call: numpy time, rumpy time and their ratio, in one process.

Run: python tests/benchmarks/bench_scalars.py   (after installing rumpy; numpy is required)
A ratio below 1 means rumpy is faster. The open-engine issue's goal: `x + y` at most 1.5x.
"""

import timeit

import numpy as np

import rumpy as rp

OPS = ["x + y", "x * y", "x / y", "x < y", "x == y", "x + 1", "2.0 * x", "x // y", "x ** y"]


def per_call(expr, x, y, number=200_000, repeat=5):
    # The expression is the timed statement itself: no call around it.
    env = {"x": x, "y": y}
    return min(timeit.repeat(expr, globals=env, number=number, repeat=repeat)) / number


def main():
    print(f"{'benchmark':<28} {'numpy ns':>10} {'rumpy ns':>10} {'ratio':>8}")
    for name in ["float64", "float32", "int64", "int8"]:
        for expr in OPS:
            nx, ny = getattr(np, name)(7), getattr(np, name)(2)
            rx, ry = getattr(rp, name)(7), getattr(rp, name)(2)
            t_np, t_rp = per_call(expr, nx, ny), per_call(expr, rx, ry)
            ratio = t_rp / t_np
            goal = ""
            if expr == "x + y":
                goal = "ok" if ratio <= 1.5 else "goal 1.5x"
            print(f"{name + ' ' + expr:<28} {t_np * 1e9:>10.0f} {t_rp * 1e9:>10.0f} {ratio:>8.2f}  {goal}")


if __name__ == "__main__":
    main()
