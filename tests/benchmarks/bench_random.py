"""numpy.random benchmarks: numpy time, rumpy time and their ratio, in one process, the same
seed in both (the numbers are equal, bit for bit).

Run: python tests/benchmarks/bench_random.py   (after installing rumpy; numpy is required)
A ratio below 1 means rumpy is faster. The goal is at most 1.0x numpy on the large draws; the
per-call rows have none.
"""

import timeit

import numpy as np

import rumpy as rp


def best(fn, number, repeat=5):
    fn()
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def row(name, f_np, f_rp, number, goal=1.0):
    t_np = best(f_np, number)
    t_rp = best(f_rp, number)
    ratio = t_rp / t_np
    mark = "" if goal is None else ("ok" if ratio <= goal else f"goal {goal}x")
    print(f"{name:<36} {t_np * 1e6:>12.1f} {t_rp * 1e6:>12.1f} {ratio:>8.2f}  {mark}")


def main():
    print(f"{'benchmark':<36} {'numpy us':>12} {'rumpy us':>12} {'ratio':>8}")
    gn, gr = np.random.default_rng(1), rp.random.default_rng(1)
    hi_n = np.arange(1, 10**6 + 1, dtype=np.uint8)
    hi_n[hi_n == 0] = 1
    hi_r = rp.asarray(hi_n)
    row("random 1e7 float64", lambda: gn.random(10**7), lambda: gr.random(10**7), 3)
    row("random 1e7 float32", lambda: gn.random(10**7, dtype=np.float32),
        lambda: gr.random(10**7, dtype=rp.float32), 3)
    row("integers 1e7 int64 [0, 100)", lambda: gn.integers(0, 100, 10**7),
        lambda: gr.integers(0, 100, 10**7), 3)
    row("integers 1e7 int32 [0, 100)", lambda: gn.integers(0, 100, 10**7, dtype=np.int32),
        lambda: gr.integers(0, 100, 10**7, dtype=rp.int32), 3)
    row("integers 1e7 int64 [0, 2**40)", lambda: gn.integers(0, 2**40, 10**7),
        lambda: gr.integers(0, 2**40, 10**7), 3)
    row("integers 1e6 uint8 array bounds", lambda: gn.integers(0, hi_n),
        lambda: gr.integers(0, hi_r), 3)
    m = 10**6
    row("standard_normal 1e7 float64", lambda: gn.standard_normal(10**7),
        lambda: gr.standard_normal(10**7), 3)
    row("standard_normal 1e7 float32", lambda: gn.standard_normal(10**7, dtype=np.float32),
        lambda: gr.standard_normal(10**7, dtype=rp.float32), 3)
    row("standard_exponential 1e7", lambda: gn.standard_exponential(10**7),
        lambda: gr.standard_exponential(10**7), 3)
    row("exponential(2.0) 1e7", lambda: gn.exponential(2.0, 10**7),
        lambda: gr.exponential(2.0, 10**7), 3)
    row("gamma(2.5, 1.0) 1e6", lambda: gn.gamma(2.5, 1.0, 10**6),
        lambda: gr.gamma(2.5, 1.0, 10**6), 5)
    row("normal(loc, scale) 1e6 scalar params", lambda: gn.normal(3.0, 2.0, m),
        lambda: gr.normal(3.0, 2.0, m), 5)
    loc_n = np.linspace(0, 1, m)
    loc_r = rp.asarray(loc_n)
    row("normal(loc array) 1e6", lambda: gn.normal(loc_n), lambda: gr.normal(loc_r), 5)
    row("standard_gamma(2.5) 1e6", lambda: gn.standard_gamma(2.5, m),
        lambda: gr.standard_gamma(2.5, m), 5)
    row("standard_gamma(0.3) 1e6", lambda: gn.standard_gamma(0.3, m),
        lambda: gr.standard_gamma(0.3, m), 5)
    row("beta(0.5, 0.5) 1e6", lambda: gn.beta(0.5, 0.5, m), lambda: gr.beta(0.5, 0.5, m), 5)
    row("uniform(-1, 1) 1e6", lambda: gn.uniform(-1, 1, m), lambda: gr.uniform(-1, 1, m), 5)
    row("poisson(3.0) 1e6", lambda: gn.poisson(3.0, m), lambda: gr.poisson(3.0, m), 5)
    row("poisson(57.3) 1e6", lambda: gn.poisson(57.3, m), lambda: gr.poisson(57.3, m), 5)
    row("binomial(1000, 0.3) 1e6", lambda: gn.binomial(1000, 0.3, m),
        lambda: gr.binomial(1000, 0.3, m), 5)
    row("hypergeometric(100, 200, 50) 1e6", lambda: gn.hypergeometric(100, 200, 50, m),
        lambda: gr.hypergeometric(100, 200, 50, m), 3)
    row("dirichlet([1, 2, 3]) 1e5", lambda: gn.dirichlet([1.0, 2.0, 3.0], 10**5),
        lambda: gr.dirichlet([1.0, 2.0, 3.0], 10**5), 5)
    row("multinomial(100, p4) 1e5", lambda: gn.multinomial(100, [.1, .2, .3, .4], 10**5),
        lambda: gr.multinomial(100, [.1, .2, .3, .4], 10**5), 5)
    row("choice(1e7, 1e6, replace=False)", lambda: gn.choice(10**7, 10**6, replace=False),
        lambda: gr.choice(10**7, 10**6, replace=False), 3)
    row("permutation(1e7)", lambda: gn.permutation(10**7), lambda: gr.permutation(10**7), 3)
    rn, rr = np.random.RandomState(1), rp.random.RandomState(1)
    row("legacy randn 1e7", lambda: rn.randn(10**7), lambda: rr.randn(10**7), 3)
    row("legacy randint(0, 100) 1e7", lambda: rn.randint(0, 100, 10**7),
        lambda: rr.randint(0, 100, 10**7), 3)
    mn, mr = np.random.Generator(np.random.MT19937(1)), rp.random.Generator(rp.random.MT19937(1))
    row("MT19937 random 1e7", lambda: mn.random(10**7), lambda: mr.random(10**7), 3)
    pn = np.random.Generator(np.random.Philox(1))
    pr = rp.random.Generator(rp.random.Philox(1))
    row("Philox random 1e7", lambda: pn.random(10**7), lambda: pr.random(10**7), 3)
    sn = np.random.Generator(np.random.SFC64(1))
    sr = rp.random.Generator(rp.random.SFC64(1))
    row("SFC64 random 1e7", lambda: sn.random(10**7), lambda: sr.random(10**7), 3)
    bn, br = np.random.PCG64(1), rp.random.PCG64(1)
    row("PCG64.random_raw 1e7", lambda: bn.random_raw(10**7), lambda: br.random_raw(10**7), 3)
    # per-call costs (no goal: the rows are the large draws)
    row("random() one float (per call)", gn.random, gr.random, 20000, None)
    row("random(10) (per call)", lambda: gn.random(10), lambda: gr.random(10), 20000, None)
    row("normal() one float (per call)", gn.normal, gr.normal, 20000, None)
    row("poisson(3.0) one int (per call)", lambda: gn.poisson(3.0), lambda: gr.poisson(3.0),
        20000, None)
    row("default_rng(seed)", lambda: np.random.default_rng(12345),
        lambda: rp.random.default_rng(12345), 2000, None)


if __name__ == "__main__":
    main()
