"""Advanced indexing, joining and rearranging against NumPy in the same process. Prints numpy
time, rumpy time and the ratio (rumpy / numpy; the goal is at most 1.0).

Run: python tests/benchmarks/bench_indexing.py
"""

import numpy as np

import rumpy as rp
from _timing import best


def main():
    rng = np.random.default_rng(0)
    big = rng.random(10**7)
    idx = rng.integers(0, 10**7, 10**6)
    mask = rng.random(10**7) < 0.5
    parts = [rng.random(10**6) for _ in range(10)]
    sq = rng.random((4000, 4000))
    mat = rng.random((1000, 1000))
    order = np.argsort(mat, axis=1)
    r = {k: rp.asarray(v) for k, v in dict(big=big, idx=idx, mask=mask, sq=sq, mat=mat,
                                            order=order).items()}
    rparts = [rp.asarray(p) for p in parts]
    nbig2, rbig2 = big.copy(), rp.asarray(big.copy())
    ii, jj = rng.integers(0, 1000, 10**6), rng.integers(0, 1000, 10**6)
    rii, rjj = rp.asarray(ii), rp.asarray(jj)
    mat2, rmat2 = mat.copy(), rp.asarray(mat.copy())
    cases = [
        ("gather 1e6 random of 1e7 float64", lambda: big[idx], lambda: r["big"][r["idx"]]),
        ("mask selection 1e7 (half true)", lambda: big[mask], lambda: r["big"][r["mask"]]),
        ("masked assignment 1e7 = 0.0", lambda: nbig2.__setitem__(mask, 0.0),
         lambda: rbig2.__setitem__(r["mask"], 0.0)),
        ("scatter 1e6 random into 1e7", lambda: nbig2.__setitem__(idx, 1.0),
         lambda: rbig2.__setitem__(r["idx"], 1.0)),
        ("concatenate ten 1e6", lambda: np.concatenate(parts), lambda: rp.concatenate(rparts)),
        ("transpose copy (4000, 4000)", lambda: sq.T.copy(), lambda: r["sq"].T.copy()),
        ("take_along_axis (1000, 1000)", lambda: np.take_along_axis(mat, order, 1),
         lambda: rp.take_along_axis(r["mat"], r["order"], 1)),
        ("stack ten 1e6", lambda: np.stack(parts), lambda: rp.stack(rparts)),
        ("a[i, j] 1e6 pairs of (1000, 1000)", lambda: mat[ii, jj], lambda: r["mat"][rii, rjj]),
        ("a[i, j] = 0.0, 1e6 pairs", lambda: mat2.__setitem__((ii, jj), 0.0),
         lambda: rmat2.__setitem__((rii, rjj), 0.0)),
        ("a[:, [3, 1, 2]] of (4000, 4000)", lambda: sq[:, [3, 1, 2]], lambda: r["sq"][:, [3, 1, 2]]),
    ]
    print(f"{'benchmark':36} {'numpy ms':>10} {'rumpy ms':>10} {'ratio':>7}")
    for name, fn_np, fn_rp in cases:
        t_np, t_rp = best(fn_np), best(fn_rp)
        print(f"{name:36} {t_np * 1e3:10.2f} {t_rp * 1e3:10.2f} {t_rp / t_np:7.2f}")


if __name__ == "__main__":
    main()
