"""Counting and binning against numpy in the same process: histogram of 1e7 into 100 equal
bins (float64, float32, weighted, explicit edges), bincount of 1e7 (plain and weighted),
digitize, interp of 1e6 points, correlate/convolve (1e5 by 101, 1e4 by 1e3), packbits and
unpackbits of 1e7 bits. Prints numpy time, rumpy time and the ratio (rumpy / numpy).

    python tests/benchmarks/bench_histograms.py
"""

import numpy as np

import rumpy as rp
from _timing import report


def main():
    rng = np.random.default_rng(0)
    cases = []

    def add(name, fn, *args, **kw):
        rargs = [rp.asarray(a) if isinstance(a, np.ndarray) else a for a in args]
        cases.append((name, lambda: getattr(np, fn)(*args, **kw),
                      lambda: getattr(rp, fn)(*rargs, **kw)))

    d = rng.normal(size=10**7)
    add("histogram 1e7 float64, 100 bins", "histogram", d, 100)
    add("histogram 1e7 float32, 100 bins", "histogram", d.astype(np.float32), 100)
    add("histogram 1e7, 100 bins, range", "histogram", d, 100, (-2, 2))
    add("histogram 1e7, 100 bins, weights", "histogram", d, 100, None, None, d)
    add("histogram 1e7, 10 explicit edges", "histogram", d, np.linspace(-3, 3, 11) ** 3)
    add("histogram 1e6, bins='auto'", "histogram", d[:10**6], "auto")
    x = rng.integers(0, 1000, 10**7)
    add("bincount 1e7 (1e3 values)", "bincount", x)
    add("bincount 1e7 weighted", "bincount", x, d)
    add("digitize 1e7 into 100", "digitize", d, np.linspace(-3, 3, 100))
    xp = np.sort(rng.random(1000))
    fp = rng.normal(size=1000)
    q = rng.random(10**6)
    add("interp 1e6 into 1e3 points", "interp", q, xp, fp)
    add("interp 1e6 sorted queries", "interp", np.sort(q), xp, fp)
    add("correlate 1e5 x 101 valid", "correlate", d[:10**5], d[:101])
    add("convolve 1e5 x 101 full", "convolve", d[:10**5], d[:101])
    add("convolve 1e4 x 1e3 full", "convolve", d[:10**4], d[:1000])
    add("convolve int64 1e5 x 11", "convolve", x[:10**5], x[:11])
    bits = rng.integers(0, 2, 10**7).astype(bool)
    add("packbits 1e7", "packbits", bits)
    add("packbits (1e5, 100) axis=1", "packbits", bits.reshape(10**5, 100), 1)
    packed = np.packbits(bits)
    add("unpackbits 1.25e6 bytes", "unpackbits", packed)
    report(cases)


if __name__ == "__main__":
    main()
