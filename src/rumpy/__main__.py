"""``python -m rumpy``: the version, the vector instruction level and threads in use, then a
short self-check against NumPy when NumPy is installed."""

import sys
import time

import rumpy as rp


def _checks(np):
    """(name, rumpy thunk, numpy thunk) triples over the main capabilities."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal(100_000)
    m = rng.standard_normal((200, 200))
    i = rng.integers(-1000, 1000, 100_000)
    rx, rm, ri = rp.asarray(x), rp.asarray(m), rp.asarray(i)
    rec = np.zeros(5, [("value", "f8"), ("mass", "f8")])
    rec["value"] = np.arange(5)
    rrec = rp.asarray(rec)
    return [
        ("sum float64", lambda: rp.sum(rx), lambda: np.sum(x)),
        ("add/multiply", lambda: rx * 2 + rx, lambda: x * 2 + x),
        ("exp/sin", lambda: rp.exp(rp.sin(rx)), lambda: np.exp(np.sin(x))),
        ("int promotion", lambda: ri + rp.int8(3), lambda: i + np.int8(3)),
        ("sort", lambda: rp.sort(rx), lambda: np.sort(x)),
        ("argsort stable", lambda: rp.argsort(ri, kind="stable"),
         lambda: np.argsort(i, kind="stable")),
        ("matmul", lambda: rm @ rm, lambda: m @ m),
        ("fancy indexing", lambda: rx[ri % 100], lambda: x[i % 100]),
        ("unique", lambda: rp.unique(ri), lambda: np.unique(i)),
        ("median", lambda: rp.median(rx), lambda: np.median(x)),
        ("histogram", lambda: rp.histogram(rx, 50)[0], lambda: np.histogram(x, 50)[0]),
        ("record field", lambda: rrec["value"] * 2, lambda: rec["value"] * 2),
        ("datetime", lambda: rp.arange("2000-01", "2001-01", dtype="M8[D]"),
         lambda: np.arange("2000-01", "2001-01", dtype="M8[D]")),
        ("strings", lambda: rp.strings.upper(rp.array(["ab", "cd"])),
         lambda: np.strings.upper(np.array(["ab", "cd"]))),
    ]


def main():
    rt = rp._core._runtime()
    print(f"rumpy {rt['version']} on {rt['arch']}/{rt['os']}, Python {sys.version.split()[0]}")
    print(f"SIMD in use: {rt['simd']}; threads: {rt['threads']}")
    try:
        import numpy as np
    except ImportError:
        print("NumPy is not installed: no self-check.")
        return 0
    print(f"Self-check against NumPy {np.__version__}:")
    failed = 0
    start = time.perf_counter()
    for name, mine, theirs in _checks(np):
        a, b = np.asarray(mine()), np.asarray(theirs())
        close = np.allclose if a.dtype.kind in "fc" else np.array_equal
        ok = a.dtype == b.dtype and a.shape == b.shape and close(a, b)
        failed += not ok
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
        if time.perf_counter() - start > 10:
            print("  (stopped after 10 seconds)")
            break
    print("all checks passed" if not failed else f"{failed} checks FAILED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
