"""rumpy among NumPy and the ecosystem against NumPy itself, in the same process: NumPy
reading a scalar, NumPy reading a dtype, NumPy's ufuncs and functions given rumpy arrays
(their per-call overhead at 10 items, through __array_ufunc__ and __array_function__),
pickling a 1e7-item array (protocol 5, in band and out of band) and its loading. Prints numpy time, rumpy time and the ratio (rumpy / numpy).

    python tests/benchmarks/bench_ecosystem.py
"""

import pickle

import numpy as np

import rumpy as rp
from _timing import report


def loop(f, n=10_000):
    def run():
        for _ in range(n):
            f()
    return run


def calls(stmt, n=10_000, **env):
    """n calls of ``stmt`` as written in a loop (its names local, no wrapper call between
    calls): the per-call rows."""
    src = f"def run({', '.join(env)}):\n    for _ in range({n}):\n        {stmt}\n"
    ns = {}
    exec(src, {}, ns)
    return lambda: ns["run"](**env)


def main():
    n32, r32 = np.float32(1.5), rp.float32(1.5)
    ni, ri = np.arange(10).sum(), rp.arange(10).sum()
    rec = [("value", "f8"), ("velocity", "f8"), ("mass", "f8")]
    nd, rd = np.dtype(rec), rp.dtype(rec)
    big = np.random.default_rng(0).random(10**7)
    rbig = rp.asarray(big).copy()
    nb5, rb5 = pickle.dumps(big, protocol=5), pickle.dumps(rbig, protocol=5)

    def oob(a):
        bufs = []
        data = pickle.dumps(a, protocol=5, buffer_callback=bufs.append)
        return pickle.loads(data, buffers=bufs)

    a, b = np.arange(10.0), np.arange(10.0)
    ra, rb = rp.arange(10.0), rp.arange(10.0)
    k, rk = np.arange(1000.0), rp.arange(1000.0)
    cases = [
        ("np.add(a, b), 10 items x1e4", calls("add(a, b)", add=np.add, a=a, b=b),
         calls("add(a, b)", add=np.add, a=ra, b=rb)),
        ("numpy a + rumpy b, 10 items x1e4", calls("a + b", a=a, b=b), calls("a + b", a=a, b=rb)),
        ("np.sum(a), 1e3 items x1e4", loop(lambda: np.sum(k)), loop(lambda: np.sum(rk))),
        ("np.concatenate, 10 items x1e4", loop(lambda: np.concatenate([a, b])),
         loop(lambda: np.concatenate([ra, rb]))),
        ("np.trace (NumPy's code) x1e4", loop(lambda: np.trace(k.reshape(10, 100))),
         loop(lambda: np.trace(rk.reshape(10, 100)))),
        ("np.asarray(float32 scalar) x1e4", loop(lambda: np.asarray(n32)),
         loop(lambda: np.asarray(r32))),
        ("np.asarray(int64 sum) x1e4", loop(lambda: np.asarray(ni)), loop(lambda: np.asarray(ri))),
        ("np.dtype(float32 type) x1e4", loop(lambda: np.dtype(np.float32)),
         loop(lambda: np.dtype(rp.float32))),
        ("np.dtype(record dtype) x1e4", loop(lambda: np.dtype(nd)), loop(lambda: np.dtype(rd))),
        ("pickle.dumps 1e7 f8 protocol 5", lambda: pickle.dumps(big, protocol=5),
         lambda: pickle.dumps(rbig, protocol=5)),
        ("pickle.loads 1e7 f8 protocol 5", lambda: pickle.loads(nb5), lambda: pickle.loads(rb5)),
        ("pickle out of band 1e7 f8", lambda: oob(big), lambda: oob(rbig)),
        ("pickle.dumps 1e7 f8 protocol 4", lambda: pickle.dumps(big, protocol=4),
         lambda: pickle.dumps(rbig, protocol=4)),
    ]
    report(cases, width=34)


if __name__ == "__main__":
    main()
