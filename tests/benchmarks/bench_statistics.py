"""Order statistics and moments against numpy in the same process: median and percentile of
1e7 float64, nanmedian of 1e6 (with NaNs), quantile along axis 1 of (1000, 1000), weighted
average of 1e7 and cov of (100, 10000). Prints numpy time, rumpy time and the ratio
(rumpy / numpy).

    python tests/benchmarks/bench_statistics.py
"""

import numpy as np

import rumpy as rp
from _timing import report


def main():
    rng = np.random.default_rng(0)
    cases = []

    big = rng.random(10**7)
    rbig = rp.asarray(big)
    cases.append(("median 1e7 f8", lambda: np.median(big), lambda: rp.median(rbig)))
    cases.append(("percentile 1e7 [25,50,75]", lambda: np.percentile(big, [25, 50, 75]),
                  lambda: rp.percentile(rbig, [25, 50, 75])))

    mid = rng.random(10**6)
    mid[rng.random(10**6) < 0.1] = np.nan
    rmid = rp.asarray(mid)
    cases.append(("nanmedian 1e6 (10% NaN)", lambda: np.nanmedian(mid),
                  lambda: rp.nanmedian(rmid)))

    sq = rng.random((1000, 1000))
    rsq = rp.asarray(sq)
    cases.append(("quantile axis 1 (1000x1000)", lambda: np.quantile(sq, 0.3, axis=1),
                  lambda: rp.quantile(rsq, 0.3, axis=1)))

    w = rng.random(10**7)
    rw = rp.asarray(w)
    cases.append(("average weights 1e7", lambda: np.average(big, weights=w),
                  lambda: rp.average(rbig, weights=rw)))

    obs = rng.standard_normal((100, 10000))
    robs = rp.asarray(obs)
    cases.append(("cov (100, 10000)", lambda: np.cov(obs), lambda: rp.cov(robs)))

    report(cases, width=30)


if __name__ == "__main__":
    main()
