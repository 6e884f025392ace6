"""datetime64 and timedelta64 against NumPy in the same process: parsing ISO strings,
arithmetic, comparisons, casts between units, formatting. Prints numpy time, rumpy time and
the ratio (rumpy / numpy; below 1 is faster). The issue's goals are at most 1.0x for parsing
1e6 ISO date strings and for datetime arithmetic on 1e7 values.

Run: python tests/benchmarks/bench_datetime.py
"""

import numpy as np

import rumpy as rp
from _timing import report


def main():
    rng = np.random.default_rng(0)
    n = 10**6
    days = rng.integers(-20000, 40000, n).astype("M8[D]")
    strings = days.astype("U10")
    rstrings = rp.asarray(strings)
    listed = strings[:10**5].tolist()
    big = 10**7
    stamps = rng.integers(-10**17, 10**17, big).astype("M8[ns]")
    deltas = rng.integers(-10**12, 10**12, big).astype("m8[ns]")
    rstamps, rdeltas = rp.asarray(stamps), rp.asarray(deltas)
    secs = stamps.astype("M8[s]")
    rsecs = rp.asarray(secs)
    rdays = rp.asarray(days)
    cases = [
        ("U10 -> M8[D] (1e6 ISO)", lambda: strings.astype("M8[D]"),
         lambda: rstrings.astype("M8[D]")),
        ("array(1e5 ISO str, M8[D])", lambda: np.array(listed, "M8[D]"),
         lambda: rp.array(listed, "M8[D]")),
        ("M8[D] -> U (1e6)", lambda: days.astype("U"), lambda: rdays.astype("U")),
        ("M8[ns] + m8[ns] (1e7)", lambda: stamps + deltas, lambda: rstamps + rdeltas),
        ("M8[ns] - M8[ns] (1e7)", lambda: stamps - stamps[::-1],
         lambda: rstamps - rstamps[::-1]),
        ("M8[ns] < M8[ns] (1e7)", lambda: stamps < stamps[::-1],
         lambda: rstamps < rstamps[::-1]),
        ("m8[ns] * 3 (1e7)", lambda: deltas * 3, lambda: rdeltas * 3),
        ("M8[s] + m8[ns] (1e7)", lambda: secs + deltas, lambda: rsecs + rdeltas),
        ("M8[ns] -> M8[s] (1e7)", lambda: stamps.astype("M8[s]"),
         lambda: rstamps.astype("M8[s]")),
        ("max of M8[ns] (1e7)", lambda: stamps.max(), lambda: rstamps.max()),
    ]
    report(cases)


if __name__ == "__main__":
    main()
