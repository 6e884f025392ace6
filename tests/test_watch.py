"""Watched execution: floating-point conditions raised on worker threads warn as numpy
does (parallel reductions and elementwise loops), masked-out items report nothing, and
Ctrl-C stops a long loop."""

import os
import signal
import subprocess
import sys
import textwrap
import time
import warnings

import numpy as np
import pytest

import rumpy as rp


def warned(fn):
    """(result, sorted (category, message) pairs) of fn()."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = fn()
    return r, sorted({(x.category.__name__, str(x.message)) for x in w})


def same_warnings(fn_np, fn_rp):
    n, wn = warned(fn_np)
    r, wr = warned(fn_rp)
    np.testing.assert_array_equal(np.asarray(r), n)
    assert wr == wn, f"rumpy warned {wr}, numpy {wn}"
    return wn


# Large enough that rumpy splits the work across threads (the condition arises on one part).
BIG = [(4, 2_000_000), (2_000_000, 4), (8_000_000,), (300, 300, 40)]


@pytest.mark.parametrize("dt", ["float32", "float64", "float16"])
@pytest.mark.parametrize("shape", BIG)
@pytest.mark.parametrize("axis", [None, 0, -1])
def test_parallel_reduction_overflow_warns(shape, axis, dt):
    big = {"float16": 6e4, "float32": 3e38, "float64": 1.7e308}[dt]
    n = np.full(shape, big, dt)
    r = rp.full(shape, big, dt)
    got = same_warnings(lambda: n.sum(axis=axis), lambda: r.sum(axis=axis))
    assert got, "numpy warns here; the test must compare a warning"


@pytest.mark.parametrize("shape", BIG)
@pytest.mark.parametrize("axis", [None, 0, -1])
def test_parallel_reduction_invalid_warns_once_at_the_end(shape, axis):
    # inf - inf in the last part only: invalid is raised by whichever thread folds it
    n = np.ones(shape)
    n.reshape(-1)[-1] = np.inf
    n.reshape(-1)[-2] = -np.inf
    r = rp.asarray(n.copy())
    same_warnings(lambda: n.sum(axis=axis), lambda: r.sum(axis=axis))
    same_warnings(lambda: np.multiply.reduce(n, axis=axis),
                  lambda: rp.multiply.reduce(r, axis=axis))


@pytest.mark.parametrize("where", ["first", "last", "nowhere"])
def test_parallel_elementwise_warns(where):
    n = np.ones(4_000_000)
    z = np.ones(4_000_000)
    if where == "first":
        z[0] = 0
    elif where == "last":
        z[-1] = 0
    r, rz = rp.asarray(n), rp.asarray(z)
    same_warnings(lambda: n / z, lambda: r / rz)
    same_warnings(lambda: np.log(z - 1), lambda: rp.log(rz - 1))


@pytest.mark.parametrize("size", [4, 3_000_000])
@pytest.mark.parametrize("name", ["divide", "floor_divide", "remainder", "power", "arctanh"])
def test_where_masked_items_report_nothing(name, size):
    nb = np.arange(size, dtype=np.float64) % 3
    na = np.ones(size)
    if name == "arctanh":
        na[:] = 1.0  # arctanh(1) divides by zero
    mask = nb != 0
    fn, rfn = getattr(np, name), getattr(rp, name)
    if name == "arctanh":
        args_n, args_r = (na,), (rp.asarray(na),)
    elif name == "power":
        nb0 = np.where(mask, 2.0, 0.0)
        args_n, args_r = (nb0, -1.0), (rp.asarray(nb0), -1.0)
    else:
        args_n, args_r = (na, nb), (rp.asarray(na), rp.asarray(nb))
    on, orr = np.zeros(size), rp.zeros(size)
    wn = same_warnings(lambda: fn(*args_n, out=on, where=mask),
                       lambda: rfn(*args_r, out=orr, where=rp.asarray(mask)))
    np.testing.assert_array_equal(np.asarray(orr), on)
    if name in ("divide", "floor_divide", "remainder"):
        assert wn == [], "numpy reports nothing for masked-out items"
        # and unmasked, both warn: the test can tell the difference
        assert same_warnings(lambda: fn(*args_n), lambda: rfn(*args_r))


def test_issue_example_where_divide():
    a, b = np.ones(4), np.array([0.0, 1, 0, 2])
    o, ro = np.zeros(4), rp.zeros(4)
    assert same_warnings(lambda: np.divide(a, b, out=o, where=b != 0),
                         lambda: rp.divide(rp.asarray(a), rp.asarray(b), out=ro,
                                           where=rp.asarray(b) != 0)) == []


def test_issue_example_parallel_sum():
    got = same_warnings(lambda: np.full((4, 2_000_000), 3e38, "f4").sum(axis=1),
                        lambda: rp.full((4, 2_000_000), 3e38, "f4").sum(axis=1))
    assert got == [("RuntimeWarning", "overflow encountered in reduce")]


def test_errstate_raise_from_worker_threads():
    with np.errstate(over="raise"), rp.errstate(over="raise"):
        with pytest.raises(FloatingPointError):
            np.full((4, 2_000_000), 3e38, "f4").sum(axis=1)
        with pytest.raises(FloatingPointError):
            rp.full((4, 2_000_000), 3e38, "f4").sum(axis=1)


# ---------------------------------------------------------------------------
# Ctrl-C
# ---------------------------------------------------------------------------

CHILD = textwrap.dedent("""
    import signal, sys, time
    import rumpy as rp
    # Python's own handler, even when started with SIGINT ignored (a background job of a
    # shell without job control)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # 1e9 items: many seconds of work with the GIL released
    x = rp.broadcast_to(rp.linspace(0, 1, 1000), (10**6, 1000))
    keep = rp.arange(10.0)
    print("ready", flush=True)
    t0 = time.perf_counter()
    try:
        OPERATION
        print("finished", time.perf_counter() - t0, flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    # everything still usable afterwards
    assert keep.sum() == 45.0 and rp.logaddexp.reduce(rp.zeros(2)) > 0
    assert float(x[5, 999]) == 1.0
    print("ok", flush=True)
""")

OPERATIONS = {
    "reduce along axis 0 (one thread, line by line)": "rp.logaddexp.reduce(x, axis=0)",
    "reduce along axis 1 (rows across threads)": "rp.logaddexp.reduce(x, axis=1)",
    "reduce over every axis": "rp.logaddexp.reduce(x, axis=None)",
}


@pytest.mark.skipif(sys.platform != "linux", reason="SIGINT delivery to a child process")
@pytest.mark.parametrize("op", list(OPERATIONS))
def test_ctrl_c_stops_a_long_loop(op):
    src = CHILD.replace("OPERATION", OPERATIONS[op])
    p = subprocess.Popen([sys.executable, "-c", src], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "ready"
        time.sleep(0.5)
        t = time.perf_counter()
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=60)
        elapsed = time.perf_counter() - t
    finally:
        if p.poll() is None:
            p.kill()
    lines = out.split()
    assert "interrupted" in lines, (out, err)
    assert lines[-1] == "ok", (out, err)
    assert elapsed < 3.0, f"took {elapsed:.1f}s to stop"


def test_ctrl_c_is_python_handlers_business():
    """With a handler of the program's own, the loop runs to the end (as in numpy) and the
    handler runs afterwards."""
    src = textwrap.dedent("""
        import os, signal, threading, time
        import rumpy as rp
        hits = []
        signal.signal(signal.SIGINT, lambda *a: hits.append(1))
        x = rp.broadcast_to(rp.linspace(0, 1, 100), (10**5, 100))
        threading.Timer(0.2, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            r = rp.logaddexp.reduce(x, axis=0)
            print("finished", r.shape)
        except KeyboardInterrupt:
            print("interrupted")
        time.sleep(0.5)
        print("hits", len(hits))
    """)
    out = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True,
                         timeout=120).stdout
    assert "finished (100,)" in out, out
    assert "hits 1" in out, out
