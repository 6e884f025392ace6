"""File benchmarks: numpy time, rumpy time and their ratio, in one process, the same data in
both (each library writes its own file; each reads the file numpy wrote).

Run: python tests/benchmarks/bench_files.py   (after installing rumpy; numpy is required)
A ratio below 1 means rumpy is faster. Goals (issue 18): 1.0x numpy, loadtxt and genfromtxt 0.5x.
"""

import io
import os
import tempfile
import timeit

import numpy as np

import rumpy as rp
from _timing import best_alternating


def best(fn, number, repeat=3):
    fn()
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def row(name, f_np, f_rp, number=1, goal=1.0, alternate=False):
    """One row; ``alternate``: the two called in turn, one call each a round, where a call's
    time depends on what the one before it left (the disk's writeback)."""
    if alternate:
        t_np, t_rp = best_alternating(f_np, f_rp, 5)
    else:
        t_np = best(f_np, number)
        t_rp = best(f_rp, number)
    ratio = t_rp / t_np
    mark = "" if goal is None else ("ok" if ratio <= goal else f"goal {goal}x")
    print(f"{name:<40} {t_np * 1e3:>10.1f} {t_rp * 1e3:>10.1f} {ratio:>8.2f}  {mark}")


def main():
    print(f"{'benchmark':<40} {'numpy ms':>10} {'rumpy ms':>10} {'ratio':>8}")
    rng = np.random.default_rng(0)
    # Files in memory (tmpfs) where the machine has one: a write's time is then the library's,
    # not the disk's writeback of what was written before it.
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=shm) as d:
        p = lambda name: os.path.join(d, name)  # noqa: E731
        arrays_n = {f"a{k}": rng.standard_normal(10**6) for k in range(10)}
        arrays_r = {k: rp.asarray(v) for k, v in arrays_n.items()}
        row("savez 10 x 1e6 float64", lambda: np.savez(p("n.npz"), **arrays_n),
            lambda: rp.savez(p("r.npz"), **arrays_r))

        # On disk: saving over an existing file there is where a rename over it would make
        # the file system write the new data out at once.
        with tempfile.TemporaryDirectory() as disk:
            one_n = rng.standard_normal(4_500_000)
            one_r = rp.asarray(one_n)
            row("save .npy 36 MB over a file on disk",
                lambda: np.save(os.path.join(disk, "n.npy"), one_n),
                lambda: rp.save(os.path.join(disk, "r.npy"), one_r), alternate=True)

        def load_all(m):
            with m.load(p("n.npz")) as f:
                return [f[k] for k in f.files]
        row("load .npz 10 x 1e6 float64", lambda: load_all(np), lambda: load_all(rp))
        big_n = rng.standard_normal(10**7)
        big_r = rp.asarray(big_n)
        row("savez_compressed 1e7 float64", lambda: np.savez_compressed(p("nc.npz"), a=big_n),
            lambda: rp.savez_compressed(p("rc.npz"), a=big_r))
        table_n = rng.standard_normal((10**6, 5))
        table_r = rp.asarray(table_n)
        np.savetxt(p("t.csv"), table_n, delimiter=",")
        row("loadtxt 1e6 x 5 CSV floats", lambda: np.loadtxt(p("t.csv"), delimiter=","),
            lambda: rp.loadtxt(p("t.csv"), delimiter=","), goal=0.5)
        row("savetxt (1e6, 5)", lambda: np.savetxt(io.StringIO(), table_n),
            lambda: rp.savetxt(io.StringIO(), table_r))
        raw_n = rng.integers(0, 255, 10**8, dtype=np.uint8)
        raw_r = rp.asarray(raw_n)
        row("tofile 1e8 bytes", lambda: raw_n.tofile(p("n.bin")), lambda: raw_r.tofile(p("r.bin")))
        row("fromfile 1e8 bytes", lambda: np.fromfile(p("n.bin"), dtype=np.uint8),
            lambda: rp.fromfile(p("n.bin"), dtype=rp.uint8))
        # 1e5 rows of 5 floats, a fifth of the rows with an empty field, some with "N/A"
        lines = []
        for r, values in enumerate(rng.random((10**5, 5)).round(6).tolist()):
            fields = [repr(v) for v in values]
            if r % 5 == 0:
                fields[r % 3] = ""
            if r % 17 == 0:
                fields[4] = "N/A"
            lines.append(",".join(fields))
        with open(p("g.csv"), "w") as f:
            f.write("\n".join(lines) + "\n")
        for label, kw in [("", {}), (", filling 0", {"filling_values": 0.0}),
                          (", dtype=None", {"dtype": None})]:
            row(f"genfromtxt 1e5 x 5 missing{label}",
                lambda kw=kw: np.genfromtxt(p("g.csv"), delimiter=",", missing_values="N/A",
                                            **kw),
                lambda kw=kw: rp.genfromtxt(p("g.csv"), delimiter=",", missing_values="N/A",
                                            **kw), goal=0.5)
        text = " ".join(repr(v) for v in rng.standard_normal(10**6).tolist())
        row("fromstring 1e6 floats, sep=' '", lambda: np.fromstring(text, sep=" "),
            lambda: rp.fromstring(text, sep=" "))
        csv = ", ".join(str(v) for v in rng.integers(-10**9, 10**9, 10**6).tolist())
        row("fromstring 1e6 int64, sep=', '", lambda: np.fromstring(csv, dtype=np.int64, sep=", "),
            lambda: rp.fromstring(csv, dtype=rp.int64, sep=", "))
        mm = np.lib.format.open_memmap(p("m.npy"), mode="w+", dtype=np.float64,
                                       shape=(10**8,))
        mm[:] = 1.5
        mm.flush()
        del mm
        row("memmap open + sum 1e8 float64",
            lambda: np.memmap(p("m.npy"), dtype=np.float64, mode="r", offset=128).sum(),
            lambda: rp.memmap(p("m.npy"), dtype=rp.float64, mode="r", offset=128).sum())


if __name__ == "__main__":
    main()
