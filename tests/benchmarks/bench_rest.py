"""The rest of NumPy by name, against numpy in the same process: masked add and sum on 1e7
float64 with 10% masked, polyfit of degree 5 on 1e6 points, polyval of degree 10 on 1e7,
vectorize of a Python function on 1e6, apply_along_axis on (1000, 1000), and the mean of a
sliding window of 100 over 1e6. Prints numpy time, rumpy time and the ratio (rumpy / numpy).

    python tests/benchmarks/bench_rest.py
"""

import numpy as np
import numpy.lib.stride_tricks as np_st

import rumpy as rp
from _timing import report


def main():
    rng = np.random.default_rng(0)
    cases = []
    x = rng.standard_normal(10**7)
    y = rng.standard_normal(10**7)
    mask = rng.random(10**7) < 0.1
    nma, nmb = np.ma.array(x, mask=mask), np.ma.array(y, mask=mask[::-1].copy())
    rma = rp.ma.array(rp.asarray(x), mask=rp.asarray(mask))
    rmb = rp.ma.array(rp.asarray(y), mask=rp.asarray(mask[::-1].copy()))
    cases.append(("ma add 1e7, 10% masked", lambda: nma + nmb, lambda: rma + rmb))
    cases.append(("ma sum 1e7, 10% masked", lambda: nma.sum(), lambda: rma.sum()))
    px = rng.random(10**6)
    py = np.polyval([1, -2, 3, -4, 5, -6], px) + rng.standard_normal(10**6) * 0.01
    rpx, rpy = rp.asarray(px), rp.asarray(py)
    cases.append(("polyfit deg 5, 1e6 points", lambda: np.polyfit(px, py, 5),
                  lambda: rp.polyfit(rpx, rpy, 5)))
    c10 = rng.standard_normal(11)
    rc10 = rp.asarray(c10)
    cases.append(("polyval deg 10, 1e7", lambda: np.polyval(c10, x),
                  lambda: rp.polyval(rc10, rp.asarray(x))))
    v = rng.standard_normal(10**6)
    rv = rp.asarray(v)

    def f(t):
        return t * 2.0 + 1.0 if t > 0 else -t

    nvec, rvec = np.vectorize(f), rp.vectorize(f)
    cases.append(("vectorize Python fn, 1e6", lambda: nvec(v), lambda: rvec(rv)))
    sq = rng.standard_normal((1000, 1000))
    rsq = rp.asarray(sq)
    cases.append(("apply_along_axis (1000, 1000)",
                  lambda: np.apply_along_axis(np.sum, 1, sq),
                  lambda: rp.apply_along_axis(rp.sum, 1, rsq)))
    w = rng.standard_normal(10**6)
    rw = rp.asarray(w)
    cases.append(("sliding_window_view 100 mean, 1e6",
                  lambda: np_st.sliding_window_view(w, 100).mean(axis=-1),
                  lambda: rp.lib.stride_tricks.sliding_window_view(rw, 100).mean(axis=-1)))
    report(cases, repeat=3, width=36)


if __name__ == "__main__":
    main()
