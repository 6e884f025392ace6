"""Fixed-width text arrays (U and S) against NumPy in the same process: comparisons, add,
casts to and from numbers, creation from a list of str, tolist. Prints numpy time, rumpy time
and the ratio (rumpy / numpy; below 1 is faster). The issue's goal is at most 1.0x for the
comparison and add on 1e6 U10 strings.

Run: python tests/benchmarks/bench_text.py
"""

import numpy as np

import rumpy as rp
from _timing import report


def main():
    n = 10**6
    rng = np.random.default_rng(0)
    letters = np.array(list("abcdefghij"))
    words = ["".join(w) for w in letters[rng.integers(0, 10, (n, 10))]]
    words2 = list(words)
    for i in range(0, n, 3):
        words2[i] = words2[i][:5] + "zzzzz"
    nu, nv = np.array(words), np.array(words2)
    ru, rv = rp.asarray(nu), rp.asarray(nv)
    ns, nt = nu.astype("S10"), nv.astype("S10")
    rs, rt = rp.asarray(ns), rp.asarray(nt)
    nums = rng.random(n)
    rnums = rp.asarray(nums)
    ints = rng.integers(-10**9, 10**9, n)
    rints = rp.asarray(ints)
    ntext = nums.astype("U32")
    rtext = rp.asarray(ntext)
    small = words[:10**5]
    cases = [
        ("U10 == U10 (1e6)", lambda: nu == nv, lambda: ru == rv),
        ("U10 < U10 (1e6)", lambda: nu < nv, lambda: ru < rv),
        ("U10 == 'abcde' (1e6)", lambda: nu == "abcde", lambda: ru == "abcde"),
        ("S10 == S10 (1e6)", lambda: ns == nt, lambda: rs == rt),
        ("U10 + U10 (1e6)", lambda: np.add(nu, nv), lambda: rp.add(ru, rv)),
        ("S10 + S10 (1e6)", lambda: np.add(ns, nt), lambda: rp.add(rs, rt)),
        ("float64 -> U (1e6)", lambda: nums.astype("U"), lambda: rnums.astype("U")),
        ("int64 -> U (1e6)", lambda: ints.astype("U"), lambda: rints.astype("U")),
        ("U32 -> float64 (1e6)", lambda: ntext.astype(float), lambda: rtext.astype(float)),
        ("U10 -> S10 (1e6)", lambda: nu.astype("S10"), lambda: ru.astype("S10")),
        ("array(list of 1e5 str)", lambda: np.array(small), lambda: rp.array(small)),
        ("tolist() of 1e5 U10", lambda: nu[:10**5].tolist(), lambda: ru[:10**5].tolist()),
    ]
    report(cases)


if __name__ == "__main__":
    main()
