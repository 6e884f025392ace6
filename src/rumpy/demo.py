"""The README's demonstration: views, ufuncs, zero-copy interop and NumPy's repr.

Run with ``python -m rumpy.demo``.
"""

import time

import rumpy as rp


def main():
    a = rp.arange(12, dtype=rp.float32).reshape(3, 4)
    b = a[1:, ::-2]
    print("a =", repr(a))
    print("b = a[1:, ::-2] =", repr(b))
    print("b shares memory with a:", rp.shares_memory(a, b))
    b[0, 0] = 100
    print("after b[0, 0] = 100, a[1, 3] =", a[1, 3])
    x = rp.linspace(0, 1, 5)
    print("rp.exp(x) =", repr(rp.exp(x)))
    print("int8 + Python int stays int8 (NEP 50):", (rp.arange(3, dtype=rp.int8) + 1).dtype)
    print("a.sum(axis=0) =", repr(a.sum(axis=0)), " a.argmax() =", a.argmax())
    with rp.errstate(divide="ignore"):
        print("rp.log(0.0) =", rp.log(rp.zeros(1))[0])
    try:
        import numpy as np
    except ImportError:
        print("(numpy is not installed: skipping the interop part)")
        return
    n = np.asarray(b)
    print("np.asarray(b) shares rumpy's memory:", np.shares_memory(n, np.asarray(a)))
    r = rp.asarray(np.ones((2, 3)))
    print("rp.asarray(np.ones((2, 3))) =", repr(r))
    big = np.zeros(10**7)
    t0 = time.perf_counter()
    for _ in range(100):
        rp.asarray(big)
    t1 = time.perf_counter()
    print(f"rp.asarray of 1e7 float64 from numpy: {(t1 - t0) / 100 * 1e6:.1f} us (no copy)")
    print("repr identical to numpy's for the same array:", repr(a) == repr(np.asarray(a)))
    big_rp = rp.asarray(np.linspace(-5, 5, 10**6))
    t0 = time.perf_counter()
    for _ in range(20):
        np.exp(np.asarray(big_rp))
    t1 = time.perf_counter()
    for _ in range(20):
        rp.exp(big_rp)
    t2 = time.perf_counter()
    print(f"exp of 1e6 float64: numpy {(t1 - t0) / 20 * 1e3:.2f} ms, "
          f"rumpy {(t2 - t1) / 20 * 1e3:.2f} ms")
    field_demo(np)


def field_demo(np):
    """A million atoms pulled towards their targets, stepped 50 cycles, next to NumPy."""
    n, cycles = 10**6, 50
    f = rp.create_field(n)
    nf = np.asarray(f)                      # the same memory, seen by NumPy
    x = np.linspace(0.0, 1.0, n)
    rp.set_target(f, slice(None), np.sin(6.28 * x))
    rp.set_props(f, slice(None), 1.0 + x, 0.05)
    cols = {k: nf[k].copy() for k in ("value", "velocity", "mass", "damping", "target")}
    t0 = time.perf_counter()
    value, velocity = cols["value"], cols["velocity"]
    for _ in range(cycles):
        force = cols["target"] - value
        acc = force / cols["mass"]
        velocity = velocity + acc * 0.1
        velocity = velocity * (1 - cols["damping"])
        value = value + velocity * 0.1
        bad = ~np.isfinite(value)
        value[bad] = 0
        velocity[bad] = 0
    t1 = time.perf_counter()
    rp.step(f, cycles, 0.1)
    t2 = time.perf_counter()
    err = np.abs(nf["value"] - nf["target"])
    print(f"field of {n:,} atoms, {cycles} cycles: mean distance to target {err.mean():.4f} "
          f"(from {np.abs(nf['target']).mean():.4f}), bit-identical to NumPy: "
          f"{np.array_equal(nf['value'], value)}")
    print(f"  numpy {1e3 * (t1 - t0):.0f} ms, rumpy {1e3 * (t2 - t1):.1f} ms "
          f"({(t1 - t0) / (t2 - t1):.0f}x faster)")


if __name__ == "__main__":
    main()
