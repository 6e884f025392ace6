"""Benchmark grid: ufunc x dtype x strides x size, plus reductions, numpy vs rumpy.

Run: python tests/benchmarks/bench_grid.py [--quick] [--filter TEXT] [--no-save] [--baseline PATH]
Each row prints numpy us, rumpy us and ratio = rumpy / numpy (below 1: rumpy is faster).
A full run stores the rows, commit and machine in grid_results.json, redraws grid_ratio.png,
and lists the rows whose ratio got worse than the stored one by more than the noise margin.
"""

import argparse
import datetime
import json
import math
import os
import platform
import subprocess
import sys
import timeit
import warnings
from pathlib import Path

import numpy as np

import rumpy as rp

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RESULTS = HERE / "grid_results.json"
PLOT = HERE / "grid_ratio.png"

TARGET = 0.025  # seconds per repeat for calls faster than this
REPEAT_FAST, REPEAT_SLOW = 5, 3
MARGIN = 0.20  # a ratio must grow by more than this fraction to count as worse ...
FLOOR_US = 2.0  # ... and by more than this many microseconds of rumpy time

SIZES = [10, 10**3, 10**6, 10**7]
SIZE_LABEL = {10: "1e1", 10**3: "1e3", 10**6: "1e6", 10**7: "1e7"}
# 2-d shapes for the reductions, one per element count above
SHAPES = {10: (2, 5), 10**3: (40, 25), 10**6: (1000, 1000), 10**7: (4000, 2500)}

FAMILIES = {
    "arithmetic": ["add", "subtract", "multiply", "divide", "floor_divide"],
    "compare": ["maximum", "less"],
    "transcendental": ["sqrt", "exp", "log", "sin", "cos"],
    "elementwise": ["absolute", "negative", "square"],
}
BINARY = {"add", "subtract", "multiply", "divide", "floor_divide", "maximum", "less"}
MAIN_DTYPES = ["float64", "float32", "int64", "int32"]
SMALL_INT_UFUNCS = ["add", "multiply", "maximum", "less"]  # also timed for int8 and uint8
LAYOUTS = ["contig", "in[::2]", "in[::-1]", "out[::2]"]

REDUCTIONS = ["sum", "prod", "max", "min", "argmax", "mean"]
REDUCE_DTYPES = ["float64", "float32", "int64"]
AXES = [0, 1, None]


class Row:
    """One grid cell: the function, dtype, layout and size to time, and the row's name."""

    def __init__(self, kind, func, dtype, layout, size):
        self.kind, self.func, self.dtype, self.layout, self.size = kind, func, dtype, layout, size
        self.name = f"{func} {dtype} {layout} {SIZE_LABEL[size]}"

    @property
    def family(self):
        if self.kind == "reduce":
            return "reduction"
        return next(fam for fam, names in FAMILIES.items() if self.func in names)


def grid(quick):
    """All rows of the grid, or of the quick subset."""
    sizes = [10**3, 10**6] if quick else SIZES
    rows = []
    for size in sizes:
        rows += ufunc_rows(size, quick)
        rows += reduction_rows(size, quick)
    return rows


def ufunc_rows(size, quick):
    """The elementwise rows of one size: every ufunc, dtype and layout."""
    dtypes = ["float64", "int64"] if quick else MAIN_DTYPES + ["int8", "uint8"]
    names = ["add", "multiply", "less", "sqrt", "exp"] if quick else sum(FAMILIES.values(), [])
    layouts = ["contig", "in[::2]", "out[::2]"] if quick else LAYOUTS
    rows = []
    for dtype in dtypes:
        for name in names:
            if dtype in ("int8", "uint8") and name not in SMALL_INT_UFUNCS:
                continue
            rows += [Row("ufunc", name, dtype, layout, size) for layout in layouts]
    return rows


def reduction_rows(size, quick):
    """The reduction rows of one size: every reduction, dtype and axis of a 2-d array."""
    if quick:
        return [Row("reduce", f, "float64", f"axis={ax}", size)
                for f in ["sum", "max"] for ax in [0, None]]
    rows = []
    for dtype in REDUCE_DTYPES:
        for f in REDUCTIONS:
            if f == "prod" and not dtype.startswith("float"):
                continue
            rows += [Row("reduce", f, dtype, f"axis={ax}", size) for ax in AXES]
    rows += [Row("reduce", f, "bool", f"axis={ax}", size) for f in ["any", "all"] for ax in AXES]
    return rows


def sample(dtype, count, seed):
    """Data that keeps every ufunc in range: positive, nonzero, small."""
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        return np.zeros(count, bool)  # all False: any() must read every element
    if np.dtype(dtype).kind == "f":
        return (rng.random(count) + 0.5).astype(dtype)
    return rng.integers(1, 100, count).astype(dtype)


class Operands:
    """Input arrays for one (dtype, size), built once in numpy and copied into rumpy."""

    def __init__(self, dtype, size):
        self.np = [sample(dtype, 2 * size, seed) for seed in (1, 2)]
        self.rp = [rp.asarray(x) for x in self.np]
        self.np_contig = [x[:size].copy() for x in self.np]
        self.rp_contig = [rp.asarray(x) for x in self.np_contig]
        self.size = size

    def inputs(self, layout, lib):
        """The two inputs of a ufunc row, viewed as the layout asks."""
        base, contig = (self.np, self.np_contig) if lib is np else (self.rp, self.rp_contig)
        if layout == "in[::2]":
            return [x[::2] for x in base]
        if layout == "in[::-1]":
            return [x[::-1] for x in contig]
        return list(contig)


def ufunc_setup(row, ops, lib):
    """(statement, names) that call the row's ufunc through ``lib``."""
    f = getattr(lib, row.func)
    a, b = ops.inputs(row.layout, lib)
    binary = row.func in BINARY
    args = "a, b" if binary else "a"
    env = {"f": f, "a": a, "b": b}
    if row.layout == "out[::2]":
        # the output dtype is numpy's result dtype (int32 / int32 -> float64, ...)
        first = [x[:1] for x in ops.np_contig]
        probe = getattr(np, row.func)(*(first if binary else first[:1]))
        env["o"] = lib.empty(2 * ops.size, probe.dtype.name)[::2]
        return f"f({args}, out=o)", env
    return f"f({args})", env


def reduction_setup(row, cache, lib):
    """(statement, names) that reduce a 2-d array along the row's axis."""
    ops = cache(row.dtype, row.size)
    contig = ops.np_contig if lib is np else ops.rp_contig
    a = contig[0].reshape(SHAPES[row.size])
    if row.func == "all":
        a = ~a  # all True: every element is read
    if row.func == "prod":
        a = a * 0 + 1  # stays finite however many elements are multiplied
    return f"a.{row.func}(axis={row.layout[5:]})", {"a": a}


def same(r, n):
    """Whether rumpy's result ``r`` matches numpy's ``n`` (dtype, shape, values)."""
    r = np.asarray(r)
    n = np.asarray(n)
    if r.dtype != n.dtype or r.shape != n.shape:
        return False
    if n.dtype.kind in "fc":
        rtol = 1e-3 if n.dtype.itemsize <= 4 else 1e-7
        return bool(np.allclose(r, n, rtol=rtol, atol=0, equal_nan=True))
    return bool(np.array_equal(r, n))


def calibrate(timer):
    """Calls per repeat so that one repeat takes about TARGET seconds."""
    if timer.timeit(1) >= TARGET:
        return 1
    number = 1
    while True:
        # the best of three, so that one slow call (a busy machine) cannot stop the search
        t = min(timer.repeat(3, number))
        if t >= TARGET / 20 or number >= 10**6:
            return max(1, round(number * TARGET / t))
        number *= 10


def measure(stmt_np, env_np, stmt_rp, env_rp):
    """Best seconds per call for numpy and rumpy, their repeats interleaved."""
    timers = [timeit.Timer(stmt_np, globals=env_np), timeit.Timer(stmt_rp, globals=env_rp)]
    numbers = [calibrate(t) for t in timers]
    repeat = REPEAT_SLOW if min(numbers) == 1 else REPEAT_FAST
    best = [math.inf, math.inf]
    for _ in range(repeat):
        for i, (timer, number) in enumerate(zip(timers, numbers)):
            best[i] = min(best[i], timer.timeit(number) / number)
    return best


def run_row(row, cache):
    """Time one row; returns its result dict, or a reason string when rumpy fails it."""
    setups = []
    for lib in (np, rp):
        if row.kind == "ufunc":
            setups.append(ufunc_setup(row, cache(row.dtype, row.size), lib))
        else:
            setups.append(reduction_setup(row, cache, lib))
    (s_np, e_np), (s_rp, e_rp) = setups
    want = eval(s_np, e_np)
    try:
        got = eval(s_rp, e_rp)
    except Exception as exc:  # a rumpy fault: note it and skip the row
        return f"rumpy raised {type(exc).__name__}: {exc}"
    if not same(got, want):
        return f"rumpy result differs from numpy's ({np.asarray(got).dtype} vs {want.dtype})"
    t_np, t_rp = measure(s_np, e_np, s_rp, e_rp)
    return {"name": row.name, "family": row.family, "func": row.func, "dtype": row.dtype,
            "layout": row.layout, "size": row.size, "numpy_us": t_np * 1e6,
            "rumpy_us": t_rp * 1e6, "ratio": t_rp / t_np}


def operand_cache():
    """A getter for Operands that keeps only the latest (dtype, size), to bound memory."""
    held = {}

    def get(dtype, size):
        if (dtype, size) not in held:
            held.clear()
            held[(dtype, size)] = Operands(dtype, size)
        return held[(dtype, size)]

    return get


def run_grid(rows):
    """Time and print every row; returns (results, skipped rows with their reasons)."""
    print(f"{'benchmark':<34} {'numpy us':>12} {'rumpy us':>12} {'ratio':>8}", flush=True)
    results, skipped = [], []
    cache = operand_cache()
    # group rows by operands so each (dtype, size) is built once
    for row in sorted(rows, key=lambda r: (r.size, r.dtype)):
        out = run_row(row, cache)
        if isinstance(out, str):
            print(f"{row.name:<34} skipped: {out}", flush=True)
            skipped.append({"name": row.name, "reason": out})
            continue
        results.append(out)
        print(f"{row.name:<34} {out['numpy_us']:>12.2f} {out['rumpy_us']:>12.2f} "
              f"{out['ratio']:>8.2f}", flush=True)
    return results, skipped


def git(*args):
    """The output of a git command in the repository, or None where git fails."""
    try:
        done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def machine():
    """CPU model, core count, platform and the versions that the timings depend on."""
    cpu = None
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")),
                       None)
    except OSError:
        pass
    return {"cpu": cpu or platform.processor() or None, "cores": os.cpu_count(),
            "platform": platform.platform(), "python": platform.python_version(),
            "numpy": np.__version__, "rumpy": getattr(rp, "__version__", None)}


def loadavg():
    """The 1-minute load average (None where the platform has none): a busy machine skews ratios."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def metadata(load_before):
    """What a stored run records besides its rows: commit, date, machine, load, settings."""
    status = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": git("rev-parse", "HEAD"), "dirty": None if status is None else bool(status),
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "machine": machine(), "load": {"before": load_before, "after": loadavg()},
            "timing": {"target_s": TARGET, "repeat": [REPEAT_FAST, REPEAT_SLOW]}}


def load(path):
    """The stored results at ``path``, or None when there are none."""
    try:
        with open(path) as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def regressions(results, baseline):
    """Rows whose ratio grew past the noise margin relative to the baseline's ratio."""
    old = {r["name"]: r for r in baseline.get("rows", [])}
    worse = []
    for r in results:
        prev = old.get(r["name"])
        if prev is None:
            continue
        # the extra rumpy time the ratio change stands for, in this run's numpy time
        extra_us = (r["ratio"] - prev["ratio"]) * r["numpy_us"]
        if r["ratio"] > prev["ratio"] * (1 + MARGIN) and extra_us > FLOOR_US:
            worse.append((r["name"], prev["ratio"], r["ratio"]))
    return worse


def median_shift(results, baseline):
    """The median of new ratio / stored ratio over the rows both runs have (None if none)."""
    old = {r["name"]: r["ratio"] for r in baseline.get("rows", [])}
    shifts = sorted(r["ratio"] / old[r["name"]] for r in results if r["name"] in old)
    return shifts[len(shifts) // 2] if shifts else None


def report_regressions(results, baseline, path):
    """Print the rows whose ratio got worse than the baseline's."""
    if baseline is None:
        print(f"\nno baseline at {path}: nothing to compare")
        return
    worse = regressions(results, baseline)
    print(f"\ncompared with {path} (commit {str(baseline.get('commit'))[:12]}, "
          f"{baseline.get('date')}, load {baseline.get('load')})")
    shift = median_shift(results, baseline)
    if shift is not None:
        # every row moving together points at the machine's load rather than the code
        print(f"median ratio change: x{shift:.2f}")
    print(f"{len(worse)} rows worse by more than {MARGIN:.0%} and {FLOOR_US} us"
          + (":" if worse else ""))
    for name, before, now in worse:
        print(f"  {name:<34} ratio {before:7.2f} -> {now:7.2f}")


def geomean(values):
    """Geometric mean: the fair average of ratios."""
    return math.exp(sum(math.log(v) for v in values) / len(values))


def plot(results, meta, path):
    """Ratio against size: one line per family (geometric mean), each row a faint dot."""
    try:
        import matplotlib
    except ImportError:
        print("matplotlib is not installed: no plot written")
        return
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5), dpi=100)
    families = list(FAMILIES) + ["reduction"]
    for i, fam in enumerate(families):
        rows = [r for r in results if r["family"] == fam]
        if not rows:
            continue
        color = f"C{i}"
        shift = 1.12 ** (i - len(families) / 2)  # spread the dots of each size apart
        ax.scatter([r["size"] * shift for r in rows], [r["ratio"] for r in rows],
                   s=6, alpha=0.25, color=color, linewidths=0)
        sizes = sorted({r["size"] for r in rows})
        means = [geomean([r["ratio"] for r in rows if r["size"] == s]) for s in sizes]
        ax.plot(sizes, means, "o-", color=color, lw=2, label=f"{fam} ({len(rows)} rows)")
    ax.axhline(1.0, color="black", lw=1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("elements per operation")
    ax.set_ylabel("rumpy time / numpy time (below 1: rumpy faster)")
    commit = (meta["commit"] or "unknown")[:10] + (" dirty" if meta["dirty"] else "")
    ax.set_title(f"rumpy vs numpy {meta['machine']['numpy']}: ufunc and reduction grid "
                 f"(lines: geometric mean; commit {commit})", fontsize=10)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    print(f"wrote {path}")


def parse(argv):
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true",
                   help="a small subset, under a minute; saves nothing")
    p.add_argument("--filter", default="", metavar="TEXT",
                   help="only the rows whose name contains TEXT; saves nothing")
    p.add_argument("--no-save", action="store_true", help="compare only; write no files")
    p.add_argument("--baseline", default=str(RESULTS), metavar="PATH",
                   help="stored results to compare with (default: grid_results.json)")
    return p.parse_args(argv)


def save(path, meta, results, skipped):
    """Write the run as JSON, one row a line so that runs diff well."""
    def dumps(items):
        return "[\n" + ",\n".join("  " + json.dumps(x) for x in items) + "\n ]"

    rows = [{k: float(f"{v:.4g}") if isinstance(v, float) else v for k, v in r.items()}
            for r in results]
    head = json.dumps(meta, indent=1)[:-2]  # reopen the object to append the two lists
    with open(path, "w") as fh:
        fh.write(f'{head},\n "rows": {dumps(rows)},\n "skipped": {dumps(skipped)}\n}}\n')
    print(f"wrote {path}")


def main(argv=None):
    """Run the grid, compare it with the baseline, then store it and plot it."""
    args = parse(argv)
    rows = [r for r in grid(args.quick) if args.filter in r.name]
    baseline = load(args.baseline)
    load_before = loadavg()
    start = timeit.default_timer()
    with np.errstate(all="ignore"), rp.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        results, skipped = run_grid(rows)
    print(f"\n{len(results)} rows timed, {len(skipped)} skipped, "
          f"{timeit.default_timer() - start:.0f} s, load average {load_before} -> {loadavg()}")
    report_regressions(results, baseline, args.baseline)
    partial = args.quick or args.filter
    if args.no_save or partial:
        if partial and not args.no_save:
            print("partial run (--quick/--filter): stored results and plot left as they were")
        return 0
    meta = metadata(load_before)
    save(RESULTS, meta, results, skipped)
    plot(results, meta, PLOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
