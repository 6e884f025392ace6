"""rumpy.fft against numpy.fft (NumPy 2.4).

Every case runs the same call in numpy and in rumpy (the rumpy inputs built by ``to_rp`` from
the same values, or the same views of them) and compares: the exception class when numpy
raises; the warnings both emit (their classes, and the key phrase of numpy's
DeprecationWarnings about ``s`` and ``axes``); otherwise the result's class, dtype and shape
exactly, and its values within the tolerance below. What only moves values (the shifts,
``fftn`` over no axes) must agree exactly.

Tolerance. An FFT of ``N`` points computed in floating point has an error, in every element
of its result, of a few units of ``eps * log2(N)`` times the 2-norm of its input (times the
normalization's factor), and by Parseval's identity the largest magnitude of the result is at
least that 2-norm (times the same factor). Results are therefore compared with::

    atol = C * eps * max(1, log2(N)) * max|numpy's result|,    C = 8

where eps is the machine epsilon of the result's dtype, or of the input's when that is less
precise (float16 input; single-precision input written into a double-precision out=), and
``N`` is the larger of the input's and the result's sizes (at least the number of
points of the transform; for a batch of transforms it adds the log of the batch size, a few
ulps at most). Measured against transforms done in a wider type, numpy's own error stays below
0.5 of these units for lengths 2 to 1e5+3 (primes included), for every function and
normalization; two independent implementations can differ by the sum of their errors, and a
different algorithm (Bluestein or Rader for primes, another factorization, a normalization
applied in another order) doubles that again: C = 8 leaves that margin and a little more,
while an error in a single twiddle factor, a wrong sign, scale or element is orders of
magnitude above it.
"""

import inspect
import math
import threading
import warnings
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rumpy as rp
from conftest import P, Raised, assert_same, assert_same_error, fail_if_broken, to_rp

C = 8
ONE_D = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"]
N_D = ["fftn", "ifftn", "rfftn", "irfftn", "fft2", "ifft2", "rfft2", "irfft2"]
TRANSFORMS = ONE_D + N_D
HELPERS = ["fftfreq", "rfftfreq", "fftshift", "ifftshift"]
# functions that take real input (complex input is numpy's TypeError)
REAL_IN = {"rfft", "ihfft", "rfftn", "rfft2"}
NORMS = [None, "backward", "ortho", "forward"]
# numpy's DeprecationWarnings of the n-d transforms, by the phrase that names each
DEPRECATIONS = ["`axes` should not be `None` if `s` is not `None`",
                "Passing an array containing `None` values to `s`"]


# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------

def _rng(*key):
    return np.random.default_rng(zlib.crc32(repr(key).encode()))


def rand(shape, dtype, key=0):
    """Deterministic data: Gaussian (both parts for complex dtypes), small integers, random
    bools."""
    rng = _rng("rand", shape, str(dtype), key)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(shape) < 0.5
    if dt.kind == "u":
        return rng.integers(0, 10, shape).astype(dt)
    if dt.kind == "i":
        return rng.integers(-9, 10, shape).astype(dt)
    x = rng.standard_normal(shape)
    if dt.kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dt)


def in_dtype(name):
    """The natural input dtype of a transform: real for the real-input ones."""
    return "float64" if name in REAL_IN else "complex128"


def twin(a):
    """The rumpy twin of numpy array ``a``: built from Python values (``to_rp``), or copied
    through NumPy's buffer for what ``to_rp`` cannot name (non-native byte order)."""
    if a.dtype.isnative and a.dtype.kind in "biufc":
        return to_rp(a)
    return rp.array(a, copy=True)


def pair(shape, dtype, key=0):
    """P(rumpy, numpy) of the same data."""
    a = rand(shape, dtype, key)
    return P(twin(a), a)


def _neg(x):
    return x[(slice(None, None, -1),) * x.ndim]


# name -> (base shape from the wanted shape, view of a base): the same view in both libraries
VIEWS = {
    "C": (lambda s: s, lambda m, x: x),
    "T": (lambda s: s[::-1], lambda m, x: x.T),
    "F": (lambda s: s, lambda m, x: m.asfortranarray(x)),
    "neg": (lambda s: s, lambda m, x: _neg(x)),
    "step": (lambda s: s[:-1] + (2 * s[-1] + 1,), lambda m, x: x[..., 1::2]),
    "offset": (lambda s: (s[0] + 3,) + s[1:], lambda m, x: x[3:]),
    "bcast": (lambda s: s[1:], None),
}


def view_pair(shape, dtype, view, key=0):
    """P(rumpy, numpy): the same ``view`` (a VIEWS name) of the same data, of ``shape``."""
    base_shape, op = VIEWS[view]
    a = rand(base_shape(tuple(shape)), dtype, key)
    r = twin(a)
    if view == "bcast":
        return P(rp.broadcast_to(r, shape), np.broadcast_to(a, shape))
    out = P(op(rp, r), op(np, a))
    assert out.np.shape == tuple(shape), (view, out.np.shape)
    return out


# ---------------------------------------------------------------------------
# running and comparing
# ---------------------------------------------------------------------------

def outcome(fn):
    """(fn()'s value or Raised(exception), [(warning class, message)])."""
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            value = fn()
        except Exception as e:  # noqa: BLE001
            value = Raised(e)
    return value, [(w.category, str(w.message)) for w in rec]


def same_warnings(rw, nw, msg):
    names_r = [c.__name__ for c, _ in rw]
    names_n = [c.__name__ for c, _ in nw]
    assert names_r == names_n, f"{msg}: rumpy warned {rw} where numpy warned {nw}"
    for (_, mr), (_, mn) in zip(rw, nw):
        for phrase in DEPRECATIONS:
            if phrase in mn:
                assert phrase in mr, f"{msg}: rumpy's warning {mr!r} lacks {phrase!r}"


def fft_atol(n, npoints, in_dtype=None):
    """The tolerance of the module docstring for numpy's result ``n`` of an input of
    ``in_dtype``. eps is that of the less precise of the two: a single-precision input
    written to a double-precision out= is transformed in single or in double precision as
    numpy's loop selection happens to fall (ifft, irfft and ihfft in single, fft and rfft in
    double), and numpy computes the normalization factor of float16 input in float16."""
    eps = float(np.finfo(n.dtype).eps)
    if in_dtype is not None and np.dtype(in_dtype).kind in "fc":
        eps = max(eps, float(np.finfo(in_dtype).eps))
    finite = np.abs(n[np.isfinite(n)])
    scale = float(finite.max()) if finite.size else 0.0
    return C * eps * max(1.0, math.log2(max(npoints, 1))) * scale


def _wide(x):
    return x.astype(np.complex128 if x.dtype.kind == "c" else np.float64)


def assert_fft(r, n, npoints=1, msg="", in_dtype=None):
    """rumpy's result ``r`` is numpy's ``n``: the same class, dtype and shape, and values
    within ``fft_atol`` (exactly equal for results that are not inexact)."""
    if not isinstance(n, np.ndarray):
        assert_same(r, n, msg=msg)
        return
    assert isinstance(r, rp.ndarray), f"{msg}: expected a rumpy ndarray, got {type(r)!r}"
    ra = np.asarray(r)
    assert ra.dtype.str == n.dtype.str, f"{msg}: dtype {ra.dtype.str} != numpy {n.dtype.str}"
    assert ra.shape == n.shape, f"{msg}: shape {ra.shape} != numpy {n.shape}"
    if n.dtype.kind not in "fc" or n.size == 0:
        assert_same(r, n, msg=msg)
        return
    npoints = max(npoints, n.size)
    atol = fft_atol(n, npoints, in_dtype)
    np.testing.assert_allclose(_wide(ra), _wide(n), rtol=0, atol=atol, equal_nan=True,
                               err_msg=f"{msg} (atol {atol:.3g}, N {npoints})")


def _side(x, lib):
    """One library's argument: the side of a P, or a numpy array's rumpy twin."""
    if isinstance(x, P):
        return x.rp if lib is rp else x.np
    if isinstance(x, np.ndarray) and lib is rp:
        return twin(x)
    return x


def run(name, *args, **kw):
    """numpy.fft.<name> and rumpy.fft.<name> on the same arguments (numpy arrays get rumpy
    twins, P values their own side). Compares warnings, errors and results; returns
    (rumpy's result, numpy's), or (None, None) when both raised."""
    nargs = [_side(a, np) for a in args]
    nkw = {k: _side(v, np) for k, v in kw.items()}
    rargs = [_side(a, rp) for a in args]
    rkw = {k: _side(v, rp) for k, v in kw.items()}
    msg = f"{name}{tuple(np.shape(a) if hasattr(a, 'shape') else a for a in nargs)} {kw}"
    n, nw = outcome(lambda: getattr(np.fft, name)(*nargs, **nkw))
    fail_if_broken(n, msg)
    r, rw = outcome(lambda: getattr(rp.fft, name)(*rargs, **rkw))
    if isinstance(n, Raised):
        if not isinstance(r, Raised):
            raise AssertionError(f"{msg}: numpy raised {n.exc!r}, rumpy returned {r!r}")
        assert_same_error(r.exc, n.exc, msg)
        same_warnings(rw, nw, msg)
        return None, None
    if isinstance(r, Raised):
        raise AssertionError(f"{msg}: rumpy raised {r.exc!r}, numpy returned") from r.exc
    same_warnings(rw, nw, msg)
    npoints = max([int(np.size(a)) for a in nargs if isinstance(a, (np.ndarray, list, tuple))]
                  + [1])
    if name in ("fftshift", "ifftshift"):
        assert_same(r, n, msg=msg)
    else:
        first = nargs[0] if nargs else None
        assert_fft(r, n, npoints, msg, getattr(first, "dtype", None))
    return r, n


def raises(name, *args, **kw):
    """``run``, where numpy must raise."""
    r, n = run(name, *args, **kw)
    assert n is None, f"numpy did not raise for {name} {kw}"


# ---------------------------------------------------------------------------
# the module
# ---------------------------------------------------------------------------

def test_has_numpys_names():
    import rumpy.fft
    assert rumpy.fft is rp.fft
    assert rp.fft.__name__ == "rumpy.fft"
    missing = [n for n in np.fft.__all__ if not hasattr(rp.fft, n)]
    assert not missing, missing
    assert sorted(TRANSFORMS + HELPERS) == sorted(np.fft.__all__)


@pytest.mark.parametrize("name", TRANSFORMS + HELPERS)
def test_keywords_are_numpys(name):
    """Every keyword numpy's function takes, rumpy's takes by the same name (the Array API
    extension's ``dtype`` of the frequency functions besides)."""
    ours = inspect.signature(getattr(rp.fft, name)).parameters
    theirs = inspect.signature(getattr(np.fft, name)).parameters
    missing = [p for p in theirs if p not in ours]
    assert not missing, f"rumpy.fft.{name} lacks {missing}"


# ---------------------------------------------------------------------------
# one-dimensional transforms: lengths, dtypes, n, norm, axis
# ---------------------------------------------------------------------------

LENGTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 25, 27, 31, 32, 49, 60, 64,
           97, 100, 121, 127, 128, 210, 243, 256, 257, 509, 512, 1000, 1009, 1024, 2310, 4096,
           8191]


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("name", ONE_D)
@pytest.mark.parametrize("precision", ["single", "double"])
def test_lengths(name, length, precision):
    """Each transform with ``length`` points (the output length of irfft and hfft, whose input
    has length // 2 + 1)."""
    real = name in REAL_IN
    dtype = {("single", True): "float32", ("single", False): "complex64",
             ("double", True): "float64", ("double", False): "complex128"}[precision, real]
    if name in ("irfft", "hfft"):
        run(name, rand((length // 2 + 1,), dtype, length), n=length)
        run(name, rand((length,), dtype, length))
    else:
        run(name, rand((length,), dtype, length))


@pytest.mark.parametrize("length", [2 ** 16, 2 ** 17 + 3 * 2 ** 10, 100003, 99991 * 2])
@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
def test_long(dtype, length):
    """Long transforms: a power of two, a smooth length, a prime (1e5+3) and twice a prime."""
    x = rand((length,), dtype, length)
    rx = P(twin(x), x)
    if dtype.startswith("complex"):
        run("fft", rx)
        run("ifft", rx, norm="ortho")
        run("irfft", P(rx.rp[: length // 2 + 1], x[: length // 2 + 1]), n=length)
    else:
        run("rfft", rx)
        run("fft", rx, norm="forward")


BIG_CASES = [
    ("fft", (4096, 256), "complex128", {"axis": 0}),
    ("fft", (4096, 256), "complex128", {"axis": 1, "norm": "ortho"}),
    ("ifft", (256, 4099), "complex64", {"axis": 1}),
    ("rfft", (2048, 515), "float32", {"axis": 0}),
    ("rfft", (515, 2048), "float32", {"axis": 1}),
    ("rfft", (4096, 255), "float64", {"axis": 0, "n": 4000}),
    ("irfft", (1025, 301), "complex64", {"axis": 0}),
    ("irfft", (301, 1025), "complex128", {"axis": 1, "n": 2047}),
    ("hfft", (513, 300), "complex128", {"axis": 0}),
    ("ihfft", (300, 1024), "float64", {"axis": -1}),
    ("fft2", (512, 768), "complex128", {}),
    ("ifft2", (768, 512), "complex64", {"s": (700, 520), "axes": (0, 1)}),
    ("rfftn", (64, 48, 96), "float64", {}),
    ("irfftn", (64, 48, 49), "complex128", {"axes": (2, 0, 1)}),
]


@pytest.mark.parametrize("view", ["C", "neg", "T"])
@pytest.mark.parametrize("name, shape, dtype, kw", BIG_CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[3]}".replace(" ", "") for c in BIG_CASES])
def test_big_batches(name, shape, dtype, kw, view):
    """Batches big enough to be split across threads and gathered in blocks of lanes (lane
    counts that are not multiples of a block), contiguous and strided, forwards and
    reversed."""
    run(name, view_pair(shape, dtype, view, 7), **kw)


@pytest.mark.parametrize("layout", ["C", "T", "neg"])
@pytest.mark.parametrize("name, shape, dtype, kw", [BIG_CASES[0], BIG_CASES[3], BIG_CASES[7]],
                         ids=["fft", "rfft", "irfft"])
def test_big_batches_into_out(name, shape, dtype, kw, layout):
    x = rand(shape, dtype, 7)
    want = getattr(np.fft, name)(x, **kw)
    run_out(name, x, out_pair(want.shape, want.dtype, layout), **kw)


DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "uint64", "float16", "float32",
          "float64", "complex64", "complex128", ">f8", ">c16"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", TRANSFORMS)
def test_dtypes(name, dtype):
    """float32 and complex64 stay single precision, integers and bool promote to double,
    float16 as numpy (complex64, and float16 from the inverse real transforms); complex input
    to the real-input transforms is numpy's TypeError."""
    x = rand((3, 10), dtype)
    run(name, x)
    run(name, x, norm="ortho")


LONG_DOUBLE_IN_DOUBLE = pytest.mark.xfail(
    strict=True, reason="rumpy.fft transforms longdouble and clongdouble input in double "
    "precision (its documented choice: no extended-precision loops) and casts the result "
    "back; numpy transforms them in long double precision")


@pytest.mark.parametrize("name, dtype", [
    pytest.param(name, dtype, marks=() if name in REAL_IN and dtype == "clongdouble"
                 else LONG_DOUBLE_IN_DOUBLE)
    for name in TRANSFORMS for dtype in ("longdouble", "clongdouble")])
def test_long_double(name, dtype):
    """numpy transforms long doubles in long double precision (clongdouble results, or
    longdouble from the inverse real transforms; complex input to the real-input ones is its
    TypeError)."""
    x = rand((3, 10), dtype)
    run(name, x)
    run(name, x, norm="ortho")


@pytest.mark.parametrize("dtype", ["int64", "float32", "complex64", "float16"])
@pytest.mark.parametrize("name", ONE_D)
def test_norm_with_n_in_each_precision(name, dtype):
    x = rand((2, 9), dtype)
    for n in (None, 4, 9, 16):
        for norm in NORMS:
            run(name, x, n=n, norm=norm)


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("n", [None, 1, 2, 5, 8, 11, 20, 33])
@pytest.mark.parametrize("name", ONE_D)
def test_n_crops_and_pads(name, n, norm):
    run(name, rand((11,), in_dtype(name), n or 0), n=n, norm=norm)


@pytest.mark.parametrize("name", ONE_D)
def test_python_sequences_and_scalars(name):
    run(name, [1, 2, 3, 4])
    run(name, [1.5, -2, 0.25, 3, 1])
    run(name, (True, False, True))
    run(name, [[1, 2], [3, 4]], axis=0)
    run(name, [1 + 2j, 3, -1j])
    run(name, 3.0)
    run(name, 3.0, n=2)


@pytest.mark.parametrize("axis", [-4, -3, -2, -1, 0, 1, 2, 3, np.int64(1), 1.0, None, "0"],
                         ids=repr)
@pytest.mark.parametrize("n", [None, 3, 7])
@pytest.mark.parametrize("name", ONE_D)
def test_axis(name, axis, n):
    """Every axis of a 3-d array; out of range: numpy's IndexError (the length lookup) when n
    is not given, its AxisError when it is; a float axis: TypeError."""
    run(name, rand((3, 4, 5), in_dtype(name)), n=n, axis=axis)


@pytest.mark.parametrize("n", [0, -1, -5, 2.0, 2.5, "3", True, False, np.int8(3), np.int64(4),
                               np.uint16(6), np.float64(3.0), [3], (3,)], ids=repr)
@pytest.mark.parametrize("name", ONE_D)
def test_bad_and_odd_n(name, n):
    """n < 1: ValueError; a float or a str: TypeError; numpy's integers work; bools are
    numpy's TypeError (True) and ValueError (False)."""
    run(name, rand((6,), in_dtype(name)), n=n)


@pytest.mark.parametrize("norm", ["bad", "Ortho", "BACKWARD", "", 1, 0.5, b"ortho"], ids=repr)
@pytest.mark.parametrize("name", TRANSFORMS)
def test_bad_norm(name, norm):
    raises(name, rand((4, 6), in_dtype(name)), norm=norm)


@pytest.mark.parametrize("name", ONE_D)
def test_positional_arguments(name):
    x = rand((4, 6), in_dtype(name))
    run(name, x, 5, 0, "ortho")
    run(name, x, None, -1, "forward")
    run(name, a=x, n=4)


# ---------------------------------------------------------------------------
# strides and layouts
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
@pytest.mark.parametrize("name", TRANSFORMS)
def test_views(name, dtype, view):
    """Transposed, Fortran-ordered, reversed (negative strides), strided, offset and broadcast
    (zero strides) inputs, along every axis."""
    if name in REAL_IN and dtype.startswith("complex"):
        dtype = "float32" if dtype == "complex64" else "float64"
    x = view_pair((6, 5, 8), dtype, view)
    if name in ONE_D:
        for axis in (0, 1, 2):
            run(name, x, axis=axis)
        run(name, x, n=7, axis=1)
    else:
        run(name, x)
        run(name, x, axes=(0, 2))
        run(name, x, s=(4, 9), axes=(2, 1))


@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("n", [None, 7, 12])
@pytest.mark.parametrize("name", ["fft", "ifft", "rfft", "irfft"])
def test_result_layout(name, order, n):
    """numpy makes the result like the input (empty_like): an F-ordered input gives an
    F-ordered result."""
    a = np.asarray(rand((10, 6), in_dtype(name)), order=order)
    ra = rp.asfortranarray(twin(a)) if order == "F" else twin(a)
    r, res = run(name, P(ra, a), n=n, axis=0)
    flags = np.asarray(r).flags
    assert (flags.c_contiguous, flags.f_contiguous) == (res.flags.c_contiguous,
                                                        res.flags.f_contiguous)


# ---------------------------------------------------------------------------
# 0-d and empty inputs
# ---------------------------------------------------------------------------

def _reads_past_empty(name, x, kw):
    """Does numpy's irfft loop get an empty input to pad (irfft, hfft, irfftn, irfft2 with the
    length given for an axis the input has no elements along)? numpy then reads past the end
    of the input and its values are whatever memory holds."""
    if name not in ("irfft", "hfft", "irfftn", "irfft2") or x.ndim == 0:
        return []
    if name in ONE_D:
        axes = [kw.get("axis", -1)] if kw.get("n") is not None else []
    else:
        axes = list(kw.get("axes") or []) if kw.get("s") is not None else []
    return [a % x.ndim for a in axes if -x.ndim <= a < x.ndim and x.shape[a] == 0]


def run_empty(name, x, **kw):
    """``run``; where numpy reads past an empty input, its result for the input padded with
    zeros (length 1 along those axes) is the expected one."""
    empty = _reads_past_empty(name, x, kw)
    if not empty:
        run(name, x, **kw)
        return
    padded = np.zeros(tuple(1 if i in empty else k for i, k in enumerate(x.shape)), x.dtype)
    want, _ = outcome(lambda: getattr(np.fft, name)(padded, **kw))
    if isinstance(want, Raised):  # an error that does not depend on the values
        run(name, x, **kw)
        return
    assert_fft(getattr(rp.fft, name)(twin(x), **kw), want, 4, f"{name}{x.shape} {kw}")


@pytest.mark.parametrize("shape", [(), (0,), (1,), (0, 3), (3, 0), (2, 0, 3), (3, 1)], ids=str)
@pytest.mark.parametrize("name", TRANSFORMS)
def test_0d_and_empty(name, shape):
    """numpy's rules: no length for a 0-d array (IndexError; AxisError when n is given; the
    n-d transforms over no axes return their input), zero points along the axis is a
    ValueError, an empty batch transforms to an empty result, an empty axis padded to n
    points is zeros."""
    x = rand(shape, in_dtype(name))
    run(name, x)
    if name in ONE_D:
        run_empty(name, x, n=2)
        run_empty(name, x, n=3, axis=0)
    else:
        run(name, x, axes=())
        run_empty(name, x, s=(2,), axes=(0,))
        run_empty(name, x, s=(2, 2), axes=(-2, -1))


def test_fftn_over_no_axes_is_its_input():
    """numpy's fftn/ifftn over no axes (or of a 0-d array) returns ``asarray`` of its input:
    the same array, with its dtype."""
    for name in ("fftn", "ifftn"):
        for x in (rand((3, 4), "int64"), rand((), "float32")):
            rx = twin(x)
            kw = {"axes": ()} if x.ndim else {}
            n = getattr(np.fft, name)(x, **kw)
            r = getattr(rp.fft, name)(rx, **kw)
            assert_same(r, n)
            assert (r is rx) == (n is x)


# ---------------------------------------------------------------------------
# n-dimensional transforms: s and axes
# ---------------------------------------------------------------------------

ND_CASES = [
    ((4, 6), {}),
    ((4, 6), {"axes": (0,)}),
    ((4, 6), {"axes": (1, 0)}),
    ((4, 6), {"axes": (-1,)}),
    ((4, 6), {"axes": [0, 1]}),
    ((4, 6), {"axes": (0, 0)}),
    ((4, 6), {"axes": (1, 1)}),
    ((4, 6), {"axes": None}),
    ((4, 6), {"s": (3, 8), "axes": (0, 1)}),
    ((4, 6), {"s": [3, 8], "axes": [1, 0]}),
    ((4, 6), {"s": (-1, 5), "axes": (0, 1)}),
    ((4, 6), {"s": (7, -1), "axes": (0, 1)}),
    ((4, 6), {"s": (5,), "axes": (1,)}),
    ((4, 6), {"s": (5,), "axes": (0,)}),
    ((4, 6), {"s": (3, 8)}),
    ((4, 6), {"s": (3, 8), "axes": None}),
    ((4, 6), {"s": (5,)}),
    ((4, 6), {"s": (None, 5), "axes": (0, 1)}),
    ((4, 6), {"s": (None, 5)}),
    ((4, 6), {"s": (None, None), "axes": (1, 0)}),
    ((4, 6), {"s": (np.int64(3), np.int32(8)), "axes": (np.int64(0), 1)}),
    ((4, 6), {"s": P(rp.array([3, 8]), np.array([3, 8])),
              "axes": P(rp.array([0, 1]), np.array([0, 1]))}),
    ((4, 6), {"norm": "ortho", "axes": (0,)}),
    ((4, 6), {"norm": "forward", "s": (5, 7), "axes": (0, 1)}),
    ((3, 4, 5), {}),
    ((3, 4, 5), {"axes": (2, 0)}),
    ((3, 4, 5), {"axes": (0, 1, 2)}),
    ((3, 4, 5), {"axes": (-1, -3, -2)}),
    ((3, 4, 5), {"s": (4,), "axes": (1,)}),
    ((3, 4, 5), {"s": (2, 3)}),
    ((3, 4, 5), {"s": (2, 6, 4), "axes": (0, 0, 1)}),
    ((3, 4, 5), {"s": (6, None, 3), "axes": (0, 1, 2)}),
    ((2, 3), {"s": (10, 20, 40), "axes": (0, 0, 1)}),
    ((2, 3, 4, 5), {"axes": (1, 3)}),
    ((2, 3, 4, 5), {"s": (4, 4), "axes": (3, 1), "norm": "ortho"}),
    ((5,), {}),
    ((5,), {"s": (8,), "axes": (0,)}),
    # errors
    ((4, 6), {"s": (3,), "axes": (0, 1)}),
    ((4, 6), {"s": (3, 4, 5), "axes": (0, 1)}),
    ((4, 6), {"s": (3, 4, 5)}),
    ((4, 6), {"axes": (2,)}),
    ((4, 6), {"axes": (-3,)}),
    ((4, 6), {"axes": (0, 5)}),
    ((4, 6), {"s": (0, 6), "axes": (0, 1)}),
    ((4, 6), {"s": (-2, 6), "axes": (0, 1)}),
    ((4, 6), {"s": (2.0, 6), "axes": (0, 1)}),
    ((4, 6), {"s": (2, 2.5), "axes": (0, 1)}),
    ((4, 6), {"s": 3, "axes": (0,)}),
    ((4, 6), {"s": (3,), "axes": 0}),
    ((4, 6), {"axes": 0}),
    ((4, 6), {"axes": (0.0,)}),
    ((5,), {"axes": (0, 1)}),
]


def _case_id(shape, kw):
    parts = [f"{k}={'arr' if isinstance(v, P) else v}" for k, v in kw.items()]
    return f"{shape}-{','.join(parts)}".replace(" ", "")


@pytest.mark.parametrize("shape, kw", ND_CASES, ids=[_case_id(s, k) for s, k in ND_CASES])
@pytest.mark.parametrize("name", N_D)
def test_s_and_axes(name, shape, kw):
    """numpy 2's rules for s and axes: s[i] is the length along axes[i], -1 the input's
    length, repeated axes transform again, the real transform is over the last of axes; s
    without axes (DeprecationWarning; the last len(s) axes) or with None in it
    (DeprecationWarning); lengths that differ (ValueError), axes out of range, non-integer
    lengths and sizes below 1 as numpy raises them."""
    run(name, rand(shape, in_dtype(name), len(shape)), **kw)


@pytest.mark.parametrize("name", ["irfftn", "irfft2"])
@pytest.mark.parametrize("s", [None, (4, 6), (4, 7), (-1, -1), (3, 1)], ids=str)
def test_irfftn_output_lengths(name, s):
    """The last of s is the output length of the real axis; -1 there is the input's length
    (not 2 * (m - 1) as when s is not given)."""
    kw = {} if s is None else {"s": s, "axes": (0, 1)}
    run(name, rand((4, 4), "complex128"), **kw)


@pytest.mark.parametrize("name", ["fftn", "ifftn", "rfftn", "irfftn"])
def test_axes_orders_are_transposes(name):
    """numpy's own identity, against numpy: op(x.transpose(a)) == op(x, axes=a).transpose(a)."""
    x = rand((6, 5, 4), in_dtype(name))
    rx = twin(x)
    for a in [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]:
        r, n = run(name, P(rx, x), axes=a)
        run(name, P(rp.transpose(rx, a), np.transpose(x, a)))
        assert_fft(rp.transpose(r, a), np.transpose(n, a), x.size, f"{name} axes={a}")


# ---------------------------------------------------------------------------
# out=
# ---------------------------------------------------------------------------

def out_pair(shape, dtype, layout="C", fill=7.0):
    """P(rumpy, numpy): an output array filled with ``fill`` (a transposed view when layout
    is "T", a reversed one when "neg")."""
    if layout == "T":
        base = np.full(shape[::-1], fill, dtype=dtype)
        return P(twin(base).T, base.T)
    base = np.full(shape, fill, dtype=dtype)
    if layout == "neg":
        return P(_neg(twin(base)), _neg(base))
    return P(twin(base), base)


def run_out(name, x, out, **kw):
    """``run`` with out=: the result is the output array exactly when numpy's is, and the
    output arrays agree after the call."""
    r, n = run(name, x, out=out, **kw)
    if n is None:
        return
    assert (r is out.rp) == (n is out.np), \
        f"{name} {kw}: result is out: rumpy {r is out.rp}, numpy {n is out.np}"
    assert_fft(out.rp, out.np, n.size, f"{name} {kw}: the output array",
               getattr(x, "dtype", None))


@pytest.mark.parametrize("layout", ["C", "T", "neg"])
@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("name", ONE_D)
def test_out_1d(name, axis, layout):
    x = rand((10, 12), in_dtype(name))
    want = getattr(np.fft, name)(x, axis=axis)
    run_out(name, x, out_pair(want.shape, want.dtype, layout), axis=axis)
    n = 7
    want = getattr(np.fft, name)(x, n=n, axis=axis)
    run_out(name, x, out_pair(want.shape, want.dtype, layout), n=n, axis=axis)


@pytest.mark.parametrize("out_dtype", ["complex64", "complex128", "float64", "float32",
                                       "int64", "float16"])
@pytest.mark.parametrize("name", ONE_D)
def test_out_dtype(name, out_dtype):
    """An output of another dtype: cast under 'same_kind' (a complex result into a real
    output is numpy's UFuncTypeError)."""
    x = rand((3, 8), in_dtype(name))
    want = getattr(np.fft, name)(x)
    run_out(name, x, out_pair(want.shape, out_dtype))


@pytest.mark.parametrize("name", ONE_D)
def test_out_single_precision_input(name):
    x = rand((3, 8), "float32" if name in REAL_IN else "complex64")
    want = getattr(np.fft, name)(x)
    for dt in (want.dtype, "complex128" if want.dtype.kind == "c" else "float64"):
        run_out(name, x, out_pair(want.shape, dt))


@pytest.mark.parametrize("name", ONE_D)
def test_out_errors(name):
    """Wrong shape (ValueError), read-only (ValueError), not an array (TypeError)."""
    x = rand((4, 6), in_dtype(name))
    want = getattr(np.fft, name)(x)
    m, k = want.shape
    for shape in [(m, k + 1), (m, k - 1), (m, k, 1), (k,), (m + 1, k), (1, k)]:
        run_out(name, x, out_pair(shape, want.dtype))
    ro = np.zeros((m, k), want.dtype)
    run(name, x, out=P(rp.broadcast_to(twin(ro[0]), (m, k)), np.broadcast_to(ro[0], (m, k))))
    # numpy's hfft takes any out (it does not pass it on); the others raise TypeError
    run(name, x, out=[0] * (m * k))
    run(name, x, out="")


@pytest.mark.parametrize("name", N_D)
@pytest.mark.parametrize("layout", ["C", "T"])
@pytest.mark.parametrize("axes", [(0, 1), (0, 2), None, (2,)], ids=str)
def test_out_nd(name, axes, layout):
    """out= of the n-d transforms: used by every step (fftn, rfftn); ignored by ifft2 and
    irfft2 (numpy passes out=None on), used only by the last step of irfftn."""
    x = rand((6, 5, 4), in_dtype(name))
    want = getattr(np.fft, name)(x, axes=axes)
    run_out(name, x, out_pair(want.shape, want.dtype, layout), axes=axes)


@pytest.mark.parametrize("name", ["fftn", "ifftn", "rfftn", "irfftn"])
@pytest.mark.parametrize("s", [(6, 5, 4), (6, 5, 3), (3, 3, 3), (6, 4, 4)], ids=str)
def test_out_and_s(name, s):
    """With s changing lengths the steps before the last cannot write into out: numpy's
    ValueError, except for irfftn (whose earlier steps never take out)."""
    x = rand((6, 5, 4), in_dtype(name))
    want = getattr(np.fft, name)(x, s=s, axes=(0, 1, 2))
    run_out(name, x, out_pair(want.shape, want.dtype), s=s, axes=(0, 1, 2))
    run_out(name, x, out_pair(x.shape, want.dtype), s=s, axes=(0, 1, 2))


def _into(fn, x, out, **kw):
    return fn(x, out=out, **kw), out


IN_PLACE = {
    # name: f(m, y) -> (result, out); y is a fresh (20, 20) complex array
    "fully in place axis 0": lambda m, y: _into(m.fft.fft, y, y, axis=0),
    "fully in place axis 1": lambda m, y: _into(m.fft.fft, y, y, axis=1),
    "ifft in place": lambda m, y: _into(m.fft.ifft, y, y, norm="ortho"),
    "part, n=10": lambda m, y: _into(m.fft.fft, y, y[:10], n=10, axis=0),
    "part, n=10, axis 1": lambda m, y: _into(m.fft.fft, y, y[:, :10], n=10, axis=1),
    "shifted part": lambda m, y: _into(m.fft.fft, y[5:], y[5:15], n=10, axis=0),
    "n > input": lambda m, y: _into(m.fft.fft, y[:10], y[:15], n=15, axis=0),
    "into the transpose": lambda m, y: _into(m.fft.fft, y, y.T, axis=0),
    "into the reverse": lambda m, y: _into(m.fft.fft, y, y[:, ::-1], axis=1),
    "fftn in place": lambda m, y: _into(m.fft.fftn, y, y),
    "ifftn in place": lambda m, y: _into(m.fft.ifftn, y, y, axes=(1, 0)),
    "fftn into the transpose": lambda m, y: _into(m.fft.fftn, y, y.T),
    "rfft of the real part": lambda m, y: _into(m.fft.rfft, y.real, y[:, :11], axis=1),
}


@pytest.mark.parametrize("case", list(IN_PLACE))
def test_out_overlapping_the_input(case):
    """out= sharing memory with the input: the result is numpy's (which works on a copy where
    they overlap), it is the output array, and the rest of the array is as numpy leaves it."""
    y = rand((20, 20), "complex128")
    ny, ry = y.copy(), twin(y)
    f = IN_PLACE[case]
    n, _ = outcome(lambda: f(np, ny))
    fail_if_broken(n, case)
    r, _ = outcome(lambda: f(rp, ry))
    if isinstance(r, Raised):
        raise AssertionError(f"{case}: rumpy raised {r.exc!r}") from r.exc
    (r, rout), (n, nout) = r, n
    assert_fft(r, n, 400, case)
    assert (r is rout) == (n is nout), case
    assert_fft(ry, ny, 400, case + ": the whole array after the call")


@pytest.mark.parametrize("name", ["hfft", "ifft2", "irfft2"])
def test_out_numpy_ignores(name):
    """numpy's hfft, ifft2 and irfft2 take out= but do not pass it on: a new array comes
    back and out keeps its values."""
    x = rand((4, 6), "complex128")
    want = getattr(np.fft, name)(x)
    run_out(name, x, out_pair(want.shape, want.dtype))


def test_ihfft_out_is_conjugated_in_place():
    x = rand((4, 6), "float64")
    run_out("ihfft", x, out_pair((4, 4), "complex128"))
    run_out("ihfft", x, out_pair((4, 4), "complex64", "T"), norm="forward")


# ---------------------------------------------------------------------------
# cases from numpy's own tests, against numpy
# ---------------------------------------------------------------------------

def test_numpys_regressions():
    x = np.arange(10)
    run("irfft", x, n=1)
    run("hfft", x, n=1)
    run("irfft", np.array([0], complex), n=10)
    run("hfft", np.arange(5) * (1 + 1j), n=10)
    run("rfft", np.arange(8), 4)
    run("rfft", np.array([1, 0, 2, 3, -3]))
    run("rfftn", np.ones((2, 3)), axes=(0, 0, 1), s=(10, 20, 40))
    run("irfftn", rand((2, 16, 8, 32), "complex128"), axes=(-2,))
    run("ifft", [], norm="ortho")
    run("fft", [1, 2, 3], 0)


@pytest.mark.parametrize("name", ["fft", "ifft", "rfft", "irfft"])
@pytest.mark.parametrize("data", [np.array([False, True, False]), np.arange(10, dtype=np.uint8),
                                  np.arange(5, dtype=np.int16)], ids=["bool", "uint8", "int16"])
def test_integer_and_bool_input(name, data):
    run(name, data)


ROUND_TRIPS = {"fft": ("ifft", "complex"), "ifft": ("fft", "complex"),
               "rfft": ("irfft", "float"), "irfft": ("rfft", "complex"),
               "ihfft": ("hfft", "float"), "hfft": ("ihfft", "complex")}


@pytest.mark.parametrize("bits", [64, 128])
@pytest.mark.parametrize("name", list(ROUND_TRIPS))
def test_round_trips(name, bits):
    """inverse(forward(x, n), n) for every n from 1 to 40 against numpy's; and where the
    forward transform keeps every value (complex ones, or real input of length n), the
    round trip gives x back."""
    inverse, kind = ROUND_TRIPS[name]
    dtype = f"complex{bits}" if kind == "complex" else f"float{bits // 2}"
    for i in range(1, 41):
        x = rand((i,), dtype, i)
        r, n = run(name, x, n=i)
        r2, n2 = run(inverse, P(r, n), n=i)
        if name in ("fft", "ifft", "rfft", "ihfft"):
            assert_fft(r2, x.astype(n2.dtype), i, f"{inverse}({name}(x)) length {i}")


# ---------------------------------------------------------------------------
# fftfreq, rfftfreq, fftshift, ifftshift
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["fftfreq", "rfftfreq"])
@pytest.mark.parametrize("n", [1, 2, 3, 8, 9, 10, 101, np.int64(7), np.uint8(4)], ids=repr)
@pytest.mark.parametrize("d", [1.0, 0.5, math.pi, 2, -0.1, np.float32(0.1), np.float64(3.0),
                               True], ids=repr)
def test_freq(name, n, d):
    run(name, n, d)
    run(name, n, d=d)


@pytest.mark.parametrize("name", ["fftfreq", "rfftfreq"])
@pytest.mark.parametrize("args, kw", [
    ((0,), {}), ((-1,), {}), ((4.0,), {}), ((True,), {}), (("4",), {}), ((None,), {}),
    ((4, 0), {}), ((4,), {"device": "cpu"}), ((4,), {"device": None}),
    ((4,), {"device": "gpu"}), ((4,), {"device": 1}), ((4,), {"d": 0.0}),
    ((np.array(4),), {}),
], ids=lambda v: repr(v))
def test_freq_arguments(name, args, kw):
    run(name, *args, **kw)


@pytest.mark.parametrize("name", ["fftfreq", "rfftfreq"])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("n", [1, 5, 8])
def test_freq_dtype(name, dtype, n):
    """The Array API's dtype= (numpy 2.4's functions lack it): numpy's float64 frequencies
    in that dtype (within two ulps: rumpy may compute them in it)."""
    want = getattr(np.fft, name)(n, d=0.3).astype(dtype)
    got = getattr(rp.fft, name)(n, d=0.3, dtype=getattr(rp, dtype), device="cpu")
    assert_same(got, want, nulp=2)
    got = getattr(rp.fft, name)(n, dtype=dtype)
    assert_same(got, getattr(np.fft, name)(n).astype(dtype), nulp=2)


SHIFT_SHAPES = [(), (1,), (9,), (10,), (0,), (3, 4), (4, 3), (3, 0), (5, 1, 2), (3, 4, 5)]
SHIFT_AXES = [None, 0, 1, -1, (0,), [0], (0, 1), [1, 0], (-1, -2), (0, 0), (0, 1, 1), 3, -4,
              (0, 5), (), 1.0]


@pytest.mark.parametrize("name", ["fftshift", "ifftshift"])
@pytest.mark.parametrize("shape", SHIFT_SHAPES, ids=str)
@pytest.mark.parametrize("axes", SHIFT_AXES, ids=repr)
def test_shifts(name, shape, axes):
    x = rand(shape, "int64")
    if axes is None:
        run(name, x)
    else:
        run(name, x, axes)
        run(name, x, axes=axes)


@pytest.mark.parametrize("name", ["fftshift", "ifftshift"])
def test_shift_inputs(name):
    for x in ([0, 1, 2, 3, 4, -4, -3, -2, -1], [[0, 1, 2], [3, 4, -4], [-3, -2, -1]],
              rand((5, 4), "complex64"), rand((6,), "bool"), np.array(["a", "bc", "d"]),
              rand((7,), "float16")):
        run(name, x)
    run(name, view_pair((6, 5), "float64", "neg"), axes=0)
    run(name, view_pair((6, 5), "float64", "T"), axes=(0, 1))
    run(name, view_pair((6, 5), "float64", "bcast"))
    run(name, P(rp.fft.fftfreq(10), np.fft.fftfreq(10)))


def test_shifts_invert_each_other():
    for n in (1, 4, 9, 100, 211):
        x = rand((n,), "float64")
        r = rp.fft.ifftshift(rp.fft.fftshift(twin(x)))
        assert_same(r, np.fft.ifftshift(np.fft.fftshift(x)))
        assert_same(r, x)


# ---------------------------------------------------------------------------
# the Array API fft extension
# ---------------------------------------------------------------------------

ARRAY_API_CALLS = [
    ("fft", {"n": 6, "axis": 0, "norm": "backward"}),
    ("ifft", {"n": 3, "axis": -1, "norm": "ortho"}),
    ("fftn", {"s": (3, 5), "axes": (0, 1), "norm": "forward"}),
    ("ifftn", {"s": None, "axes": (1,), "norm": "backward"}),
    ("rfft", {"n": 9, "axis": 1, "norm": "forward"}),
    ("irfft", {"n": 8, "axis": -1, "norm": "ortho"}),
    ("rfftn", {"s": (4, 6), "axes": (0, 1), "norm": "ortho"}),
    ("irfftn", {"s": (4, 7), "axes": (0, 1), "norm": "backward"}),
    ("hfft", {"n": 10, "axis": -1, "norm": "forward"}),
    ("ihfft", {"n": 5, "axis": 0, "norm": "backward"}),
    ("fftshift", {"axes": (0,)}),
    ("ifftshift", {"axes": None}),
]


@pytest.mark.parametrize("name, kw", ARRAY_API_CALLS, ids=[c[0] for c in ARRAY_API_CALLS])
@pytest.mark.parametrize("dtype", ["float32", "float64", "complex64", "complex128"])
def test_array_api_signatures(name, kw, dtype):
    """The extension's keyword forms (x positional, the rest by keyword), through the
    array's namespace, in both precisions (float32/complex64 stay single)."""
    if name in REAL_IN and dtype.startswith("complex"):
        dtype = "float32" if dtype == "complex64" else "float64"
    x = rand((4, 6), dtype)
    rx = twin(x)
    xp = rx.__array_namespace__()
    n = getattr(np.fft, name)(x, **kw)
    r = getattr(xp.fft, name)(rx, **kw)
    assert_fft(r, n, x.size, f"{name} {kw}")


def test_array_api_default_norm_is_backward():
    x = rand((8,), "complex128")
    for name in ("fft", "ifft", "fftn", "ifftn"):
        params = inspect.signature(getattr(rp.fft, name)).parameters
        assert params["norm"].default in (None, "backward"), name
        r, n = getattr(rp.fft, name)(twin(x)), getattr(np.fft, name)(x, norm="backward")
        assert_fft(r, n, 8, name)


def test_array_api_freq_signatures():
    for name in ("fftfreq", "rfftfreq"):
        f = getattr(twin(np.zeros(1)).__array_namespace__().fft, name)
        params = inspect.signature(f).parameters
        assert {"d", "dtype", "device"} <= set(params), name
        assert_same(f(8, d=0.25, dtype=rp.float64, device="cpu"),
                    getattr(np.fft, name)(8, d=0.25))


# ---------------------------------------------------------------------------
# NumPy's override protocol
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", TRANSFORMS + ["fftshift", "ifftshift"])
def test_numpy_functions_on_rumpy_arrays(name):
    """numpy.fft's functions given rumpy arrays run rumpy.fft's (no NumPy code on views) and
    return rumpy arrays."""
    from rumpy import _overrides
    assert _overrides._rumpy_function(getattr(np.fft, name), np) is getattr(rp.fft, name)
    x = rand((4, 6), in_dtype(name))
    rx = twin(x)
    r = getattr(np.fft, name)(rx)
    assert_fft(r, getattr(np.fft, name)(x), x.size, name)
    if name in ONE_D:
        r = getattr(np.fft, name)(rx, n=5, axis=0, norm="ortho")
        assert_fft(r, getattr(np.fft, name)(x, n=5, axis=0, norm="ortho"), x.size, name)


def test_numpy_fft_with_rumpy_out():
    x = rand((4, 6), "complex128")
    o = rp.zeros((4, 6), dtype=complex)
    assert np.fft.fft(twin(x), out=o) is o
    assert_fft(o, np.fft.fft(x), x.size)
    o = rp.zeros((4, 6), dtype=complex)
    assert np.fft.fftn(x, out=o) is o
    assert_fft(o, np.fft.fftn(x), x.size)


# ---------------------------------------------------------------------------
# threads
# ---------------------------------------------------------------------------

def test_threads_get_the_same_result():
    x = rand((400, 120), "complex128")
    rx = twin(x)
    want = np.fft.fft(x)
    first = np.asarray(rp.fft.fft(rx))
    assert_fft(rp.asarray(first), want, x.size)
    results = [None] * 8

    def work(i):
        results[i] = np.asarray(rp.fft.rfft(rx.real) if i % 2 else rp.fft.fft(rx))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    real = np.asarray(rp.fft.rfft(rx.real))
    for i, got in enumerate(results):
        np.testing.assert_array_equal(got, real if i % 2 else first)


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

INEXACT = ["float32", "float64", "complex64", "complex128"]


@st.composite
def one_d_calls(draw):
    ndim = draw(st.integers(1, 3))
    shape = tuple(draw(st.integers(1, 9)) for _ in range(ndim))
    dtype = draw(st.sampled_from(INEXACT))
    axis = draw(st.integers(-ndim, ndim - 1))
    n = draw(st.one_of(st.none(), st.integers(1, 12)))
    norm = draw(st.sampled_from(NORMS))
    view = draw(st.sampled_from(["C", "neg", "T", "step"]))
    seed = draw(st.integers(0, 2 ** 31))
    return shape, dtype, axis, n, norm, view, seed


@settings(max_examples=100, deadline=None)
@given(one_d_calls())
def test_roundtrip_property(call):
    """ifft(fft(x)) and irfft(rfft(x)) of random shapes, axes, lengths, norms and views: each
    step as numpy's, and the round trip close to x where the length is x's."""
    shape, dtype, axis, n, norm, view, seed = call
    x = view_pair(shape, dtype, view, seed)
    length = shape[axis]
    kw = {"n": n, "axis": axis, "norm": norm}
    r, res = run("fft", x, **kw)
    r2, res2 = run("ifft", P(r, res), **kw)
    if n is None or n == length:
        assert_fft(r2, x.np.astype(res2.dtype), res2.size, "ifft(fft(x)) == x")
    if dtype.startswith("float"):
        r, res = run("rfft", x, **kw)
        back = {"n": n or length, "axis": axis, "norm": norm}
        r2, res2 = run("irfft", P(r, res), **back)
        if n is None or n == length:
            assert_fft(r2, x.np, res2.size, "irfft(rfft(x)) == x")


@st.composite
def n_d_calls(draw):
    ndim = draw(st.integers(1, 4))
    shape = tuple(draw(st.integers(1, 6)) for _ in range(ndim))
    name = draw(st.sampled_from(N_D))
    if draw(st.booleans()):
        axes = None
    else:
        axes = draw(st.lists(st.integers(-ndim, ndim - 1), min_size=1, max_size=ndim + 1))
    s = None
    if axes is not None and draw(st.booleans()):
        s = [draw(st.sampled_from([-1, 1, 2, 3, 5, 8])) for _ in axes]
    norm = draw(st.sampled_from(NORMS))
    dtype = draw(st.sampled_from(INEXACT))
    seed = draw(st.integers(0, 2 ** 31))
    return shape, name, axes, s, norm, dtype, seed


@settings(max_examples=100, deadline=None)
@given(n_d_calls())
def test_n_d_property(call):
    """Random shapes, axes (repeated, negative) and lengths for the n-d transforms."""
    shape, name, axes, s, norm, dtype, seed = call
    if name in REAL_IN and dtype.startswith("complex"):
        dtype = "float32" if dtype == "complex64" else "float64"
    kw = {"norm": norm}
    if axes is not None or not name.endswith("2"):
        kw["axes"] = axes
    if s is not None:
        kw["s"] = s
    run(name, rand(shape, dtype, seed), **kw)
