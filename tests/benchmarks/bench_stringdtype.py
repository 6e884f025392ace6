"""StringDType (variable-width strings) against NumPy in the same process: comparisons, add,
multiply, maximum, casts to and from fixed-width str and numbers, creation from a list of
str, tolist, and numpy.strings' upper/find/str_len/isalpha. Prints numpy time, rumpy time and the
ratio (rumpy / numpy; below 1 is faster).

Run: python tests/benchmarks/bench_stringdtype.py
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
    longs = [w * 3 for w in words]
    T = np.dtypes.StringDType()
    nu, nv, nl = (np.array(w, dtype=T) for w in (words, words2, longs))
    ru, rv, rl = (rp.array(w, dtype="T") for w in (words, words2, longs))
    fixed = np.array(words)
    rfixed = rp.asarray(fixed)
    nums = rng.random(n)
    rnums = rp.asarray(nums)
    ntext = nums.astype(T)
    rtext = rnums.astype("T")
    small = words[:10**5]
    cases = [
        ("T == T (1e6, 10 chars)", lambda: nu == nv, lambda: ru == rv),
        ("T < T (1e6)", lambda: nu < nv, lambda: ru < rv),
        ("T == 'abcde' (1e6)", lambda: nu == "abcde", lambda: ru == "abcde"),
        ("T == T (1e6, 30 chars)", lambda: nl == nl[::-1], lambda: rl == rl[::-1]),
        ("T + T (1e6)", lambda: nu + nv, lambda: ru + rv),
        ("T * 3 (1e6)", lambda: nu * 3, lambda: ru * 3),
        ("maximum(T, T) (1e6)", lambda: np.maximum(nu, nv), lambda: rp.maximum(ru, rv)),
        ("T.copy() (1e6, 30 chars)", lambda: nl.copy(), lambda: rl.copy()),
        ("U10 -> T (1e6)", lambda: fixed.astype(T), lambda: rfixed.astype("T")),
        ("T -> U10 (1e6)", lambda: nu.astype("U10"), lambda: ru.astype("U10")),
        ("float64 -> T (1e6)", lambda: nums.astype(T), lambda: rnums.astype("T")),
        ("T -> float64 (1e6)", lambda: ntext.astype(float), lambda: rtext.astype(float)),
        ("strings.upper (1e6)", lambda: np.strings.upper(nu), lambda: rp.strings.upper(ru)),
        ("strings.find (1e6)", lambda: np.strings.find(nu, "ab"),
         lambda: rp.strings.find(ru, "ab")),
        ("strings.str_len (1e6)", lambda: np.strings.str_len(nu),
         lambda: rp.strings.str_len(ru)),
        ("strings.isalpha (1e6)", lambda: np.strings.isalpha(nu),
         lambda: rp.strings.isalpha(ru)),
        ("array(list of 1e5 str, T)", lambda: np.array(small, dtype=T),
         lambda: rp.array(small, dtype="T")),
        ("tolist() of 1e5 T", lambda: nu[:10**5].tolist(), lambda: ru[:10**5].tolist()),
    ]
    report(cases)


if __name__ == "__main__":
    main()
