"""Discrete Fourier transforms (NumPy's ``numpy.fft``).

The structure is NumPy's own front end (numpy/fft/_pocketfft.py and numpy/fft/_helper.py):
the transform length, the axes, the normalisation and the output array are worked out here,
and each one-dimensional transform runs in a private generalized ufunc of
``rumpy._core._fft_umath`` (``fft``, ``ifft``, ``rfft_n_even``, ``rfft_n_odd``, ``irfft``),
whose second operand is the factor the result is multiplied by.

Functions
---------
fft, ifft
    The one-dimensional transform of complex (or real) data, and its inverse.
rfft, irfft
    The one-dimensional transform of real data (only the non-negative frequencies), and its
    inverse.
hfft, ihfft
    The transform of a Hermitian-symmetric signal (a real spectrum), and its inverse.
fft2, ifft2, rfft2, irfft2
    The two-dimensional forms (over the last two axes by default).
fftn, ifftn, rfftn, irfftn
    The n-dimensional forms (over every axis by default).
fftfreq, rfftfreq
    The sample frequencies of the outputs of ``fft`` and ``rfft``.
fftshift, ifftshift
    Move the zero-frequency term to the centre of a spectrum, and back.

Conventions
-----------
For ``n`` points the forward transform is

    ``A[k] = sum(a[m] * exp(-2j * pi * m * k / n) for m in range(n))``

and the inverse divides by ``n``: ``a[m] = sum(A[k] * exp(2j * pi * m * k / n)) / n``.
``A[0]`` is the zero-frequency term, ``A[1:n//2]`` the positive frequencies and
``A[n//2 + 1:]`` the negative ones, from the most negative up (``fftfreq`` gives them).

``norm`` chooses where the scaling goes: ``"backward"`` (the default) scales the inverse by
``1/n``, ``"forward"`` scales the forward transform by ``1/n`` instead, and ``"ortho"``
scales both by ``1/sqrt(n)`` (a unitary pair). Each function pairs with its inverse under
the same ``norm``.

Precision
---------
The result types are NumPy's: complex64 (float32 from the inverse real transforms) for
float32 and complex64 input, complex128 (float64) for double, integer and boolean input;
float16 gives complex64, and float16 from the inverse real transforms. The loop is the one
NumPy's dispatch picks: single precision when the input is exactly of the single loop's type
and the transform is scaled (``norm`` other than its unscaled direction), double precision
otherwise, the result then rounded to its type.

There are no extended-precision loops: longdouble and clongdouble input is transformed in
float64/complex128 and the result cast back to longdouble/clongdouble, so it has the
precision of a double, not NumPy's full long double.

NumPy 2.4's ``hfft``, ``ifft2`` and ``irfft2`` take ``out=`` but do not use it (they return
a new array); so do these.
"""

import functools
import numbers
import operator
import warnings

from . import _core
from ._array_api import _check_device
from ._indexing import take
from ._reductions import _normalize_axis_index
from ._shape import roll
from .exceptions import _UFuncOutputCastingError

__all__ = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "rfftn", "irfftn", "rfft2",
           "irfft2", "fft2", "ifft2", "fftn", "ifftn", "fftshift", "ifftshift", "fftfreq",
           "rfftfreq"]

_ndarray = _core.ndarray
_asarray = _core.asanyarray
_F32 = _core.dtype("float32")
_F64 = _core.dtype("float64")
_C64 = _core.dtype("complex64")
_C128 = _core.dtype("complex128")
_LONG = _core.dtype("longdouble")


def _gufuncs():
    """The core's FFT gufuncs."""
    g = getattr(_core, "_fft_umath", None)
    if g is None:
        raise NotImplementedError(
            "this build of rumpy has no rumpy._core._fft_umath (the FFT loops)")
    return g


_NORM_ERROR = 'Invalid norm value {}; should be "backward",{}"ortho" or "forward".'
_SWAP_DIRECTION = {"backward": "forward", None: "forward", "ortho": "ortho",
                   "forward": "backward"}


def _swap_direction(norm):
    """The ``norm`` of the opposite direction (the inverse transforms compute with it)."""
    try:
        return _SWAP_DIRECTION[norm]
    except KeyError:
        raise ValueError(_NORM_ERROR.format(norm, " ")) from None


@functools.lru_cache(maxsize=64)
def _result_types(dtype, real_out):
    """(the real dtype of the computation, the result's dtype) for input of ``dtype``."""
    real = _core.result_type(dtype.type(0).real.dtype if dtype.kind == "c" else dtype, 1.0)
    return real, (real if real_out else _core.result_type(dtype, 1j))


def _length(n):
    """``n`` as an array length (what NumPy's ``empty_like`` takes in a shape)."""
    if isinstance(n, bool) or getattr(getattr(n, "dtype", None), "kind", None) == "b":
        raise TypeError("an integer is required")
    return operator.index(n)


def _raw_fft(a, n, axis, is_real, is_forward, norm, out=None):
    """The one-dimensional transform of ``a`` along ``axis``, ``n`` points long: complex
    (``is_real`` false), real forward (rfft) or real inverse (irfft)."""
    if n < 1:
        raise ValueError(f"Invalid number of FFT data points ({n}) specified.")
    # The inverse transforms scale as the forward one of the swapped norm.
    if not is_forward:
        norm = _swap_direction(norm)

    real_dtype, out_dtype = _result_types(a.dtype, is_real and not is_forward)
    # No extended-precision loops: long doubles are transformed as doubles.
    extended = real_dtype == _LONG
    if extended:
        a = a.astype(_C128 if a.dtype.kind == "c" else _F64)
        real_dtype = _F64

    # the factor, computed in the input's precision (as NumPy's, half precision included)
    if norm is None or norm == "backward":
        fct = None
    elif norm == "ortho":
        fct = _core.reciprocal(_core.sqrt(n, dtype=real_dtype))
    elif norm == "forward":
        fct = _core.reciprocal(n, dtype=real_dtype)
    else:
        raise ValueError(_NORM_ERROR.format(norm, ""))

    n_out = n
    if is_real:
        if is_forward:
            name = "rfft_n_even" if n % 2 == 0 else "rfft_n_odd"
            n_out = n // 2 + 1
        else:
            name = "irfft"
    else:
        name = "fft" if is_forward else "ifft"
    ufunc = getattr(_gufuncs(), name)

    axis = _normalize_axis_index(axis, a.ndim)
    axes = [(axis,), (), (axis,)]
    real_in = is_real and is_forward
    if out is not None:
        if isinstance(out, tuple) and len(out) == 1:
            out = out[0]
        out_shape = getattr(out, "shape", None)
        if out_shape is None:
            raise TypeError("return arrays must be of ArrayType")
        if len(out_shape) != a.ndim or out_shape[axis] != n_out:
            raise ValueError("output array has wrong shape.")
        shape = a.shape[:axis] + (out_shape[axis],) + a.shape[axis + 1:]
    else:
        shape = a.shape[:axis] + (_length(n_out),) + a.shape[axis + 1:]

    if a.dtype.kind not in ("biuf" if real_in else "biufc"):
        # no loop takes it: the gufunc says so
        if out is None:
            out = _core.empty_like(a, shape=shape, dtype=out_dtype)
        return ufunc(a, 1 if fct is None else fct, axes=axes, out=out)

    # Single-precision input (half, float32, complex64) is transformed in single precision,
    # the rest in double. (NumPy's dispatch takes the double loop when the factor is its
    # Python int 1; the results agree to single precision.)
    single = real_dtype == _F32
    loop_real = _F32 if single else _F64
    loop_in = loop_real if real_in else (_C64 if single else _C128)
    loop_out = loop_real if (is_real and not is_forward) else (_C64 if single else _C128)
    fct = _asarray(1 if fct is None else fct, dtype=loop_real)[()]
    if a.dtype != loop_in:
        a = a.astype(loop_in)

    if out is None:
        if out_dtype == loop_out:
            out = _core.empty_like(a, shape=shape, dtype=out_dtype)
            return ufunc(a, fct, axes=axes, out=out)
        tmp = _core.empty_like(a, shape=shape, dtype=loop_out)
        return ufunc(a, fct, axes=axes, out=tmp).astype(out_dtype)
    if not isinstance(out, _ndarray) or out.dtype == loop_out:
        return ufunc(a, fct, axes=axes, out=out)
    # an output of another type: the result cast into it, as a ufunc casts its output
    if not _core.can_cast(loop_out, out.dtype, casting="same_kind"):
        shown = out_dtype if extended else loop_out
        raise _UFuncOutputCastingError(
            f"Cannot cast ufunc '{name}' output from {shown!r} to {out.dtype!r} with "
            "casting rule 'same_kind'")
    tmp = _core.empty_like(a, shape=shape, dtype=loop_out)
    _core.copyto(out, ufunc(a, fct, axes=axes, out=tmp), casting="same_kind")
    return out


# ---------------------------------------------------------------------------
# one-dimensional transforms
# ---------------------------------------------------------------------------

def fft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional discrete Fourier transform.

    The *n*-point DFT of ``a`` along one axis, by a fast Fourier transform.

    Parameters
    ----------
    a : array_like
        Input array, real or complex.
    n : int, optional
        Length of the transform (and of the output along ``axis``). A shorter input is
        padded with zeros, a longer one cropped. Default: the length of ``a`` along
        ``axis``.
    axis : int, optional
        Axis to transform; the last by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``, which
        leaves the forward transform unscaled.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape; it may be of another complex type.

    Returns
    -------
    out : complex ndarray
        ``a`` (padded or cropped to ``n`` points) transformed along ``axis``: complex64 for
        single-precision input, complex128 for double, integer and boolean input.

    Raises
    ------
    IndexError
        If ``axis`` is not an axis of ``a``.
    ValueError
        If ``n`` is less than 1, or ``norm`` is not one of the modes.

    See Also
    --------
    ifft : The inverse transform.
    fft2, fftn : The two- and n-dimensional transforms.
    rfft : The transform of real input.
    fftfreq : The frequency of each output element.

    Notes
    -----
    The transform is fastest when ``n`` is a product of small primes, a power of 2 above
    all; any length works.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.fft([1, 2, 3, 4])
    array([10.+0.j, -2.+2.j, -2.+0.j, -2.-2.j])

    A pure tone of frequency 1 puts all its energy in bin 1:

    >>> t = rp.exp(2j * rp.pi * rp.arange(8) / 8)
    >>> rp.round(rp.fft.fft(t), 10) + 0.0
    array([0.+0.j, 8.+0.j, 0.+0.j, 0.+0.j, 0.+0.j, 0.+0.j, 0.+0.j, 0.+0.j])

    Zero padding to 4 points, and the unitary scaling:

    >>> rp.fft.fft([1, 1], n=4)
    array([2.+0.j, 1.-1.j, 0.+0.j, 1.+1.j])
    >>> rp.fft.fft([1, 1, 1, 1], norm="ortho")
    array([2.+0.j, 0.+0.j, 0.+0.j, 0.+0.j])
    """
    a = _asarray(a)
    if n is None:
        n = a.shape[axis]
    return _raw_fft(a, n, axis, False, True, norm, out)


def ifft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional inverse discrete Fourier transform.

    The inverse of :func:`fft`: ``ifft(fft(a)) == a`` up to rounding. The input is ordered
    as :func:`fft` returns it: the zero frequency first, then the positive frequencies, then
    the negative ones from the most negative up. For an even ``n``, ``a[n//2]`` stands for
    both the positive and the negative Nyquist frequency.

    Parameters
    ----------
    a : array_like
        Input array, complex or real.
    n : int, optional
        Length of the transform (and of the output along ``axis``). A shorter input is
        padded with zeros at its end (that is, among the negative high frequencies, which
        is rarely what a spectrum wants: pad it beforehand for another placement), a longer
        one cropped.
        Default: the length of ``a`` along ``axis``.
    axis : int, optional
        Axis to transform; the last by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``, which
        scales this inverse by ``1/n``.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape.

    Returns
    -------
    out : complex ndarray
        ``a`` (padded or cropped to ``n`` points) inverse-transformed along ``axis``.

    Raises
    ------
    IndexError
        If ``axis`` is not an axis of ``a``.
    ValueError
        If ``n`` is less than 1, or ``norm`` is not one of the modes.

    See Also
    --------
    fft : The forward transform.
    ifft2, ifftn : The two- and n-dimensional inverse transforms.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.ifft([0, 4, 0, 0])
    array([ 1.+0.j,  0.+1.j, -1.+0.j,  0.-1.j])
    >>> x = rp.array([1.0, 2.0, -1.0, 0.5])
    >>> rp.allclose(rp.fft.ifft(rp.fft.fft(x)), x)
    True
    """
    a = _asarray(a)
    if n is None:
        n = a.shape[axis]
    return _raw_fft(a, n, axis, False, False, norm, out)


def rfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional discrete Fourier transform of real input.

    The DFT of real data is Hermitian-symmetric (the negative frequencies are the complex
    conjugates of the positive ones), so only the non-negative frequencies are computed and
    returned: ``n//2 + 1`` of them.

    Parameters
    ----------
    a : array_like
        Input array, real (a complex array is refused).
    n : int, optional
        Number of input points to transform: a shorter input is padded with zeros, a longer
        one cropped. Default: the length of ``a`` along ``axis``.
    axis : int, optional
        Axis to transform; the last by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape.

    Returns
    -------
    out : complex ndarray
        The transform along ``axis``, of length ``n//2 + 1`` there. ``out[0]`` is the
        zero-frequency term (real); for an even ``n``, the last element is the Nyquist term
        (real too).

    Raises
    ------
    IndexError
        If ``axis`` is not an axis of ``a``.
    ValueError
        If ``n`` is less than 1, or ``norm`` is not one of the modes.
    TypeError
        If ``a`` is complex.

    See Also
    --------
    irfft : The inverse transform.
    fft : The transform of complex input (every frequency).
    rfft2, rfftn : The two- and n-dimensional transforms of real input.
    rfftfreq : The frequency of each output element.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.rfft([1, 2, 3, 4])
    array([10.+0.j, -2.+2.j, -2.+0.j])
    >>> rp.fft.fft([1, 2, 3, 4])
    array([10.+0.j, -2.+2.j, -2.+0.j, -2.-2.j])

    The last element of ``fft``'s result, the conjugate of its second, is left out.
    """
    a = _asarray(a)
    if n is None:
        n = a.shape[axis]
    return _raw_fft(a, n, axis, True, True, norm, out)


def irfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the inverse of :func:`rfft`.

    The input is the non-negative half of a Hermitian-symmetric spectrum, as :func:`rfft`
    returns it; the result is real. ``irfft(rfft(a), len(a)) == a`` up to rounding.

    Parameters
    ----------
    a : array_like
        The input spectrum.
    n : int, optional
        Length of the output along ``axis``; ``n//2 + 1`` input points are used (the input
        is cropped or padded with zeros to that). Default: ``2 * (m - 1)`` for an input of
        length ``m``, an even length: pass ``n`` for an odd one, since an input of ``m``
        points comes from ``2*m - 2`` or ``2*m - 1`` real points.
    axis : int, optional
        Axis to transform; the last by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``, which
        scales this inverse by ``1/n``.
    out : ndarray, optional
        Array to hold the result, of the result's shape.

    Returns
    -------
    out : ndarray
        The real result, of length ``n`` along ``axis``: float32 for complex64 input,
        float64 for double, integer and boolean input.

    Raises
    ------
    IndexError
        If ``axis`` is not an axis of ``a``.
    ValueError
        If ``n`` is less than 1, or ``norm`` is not one of the modes.

    See Also
    --------
    rfft : The forward transform.
    irfft2, irfftn : The two- and n-dimensional inverse transforms of real output.

    Notes
    -----
    The imaginary parts of the zero-frequency term and (for an even ``n``) of the Nyquist
    term are ignored: a real signal has none there. Padding adds, and cropping removes,
    high frequencies, so ``irfft(rfft(a), m)`` resamples ``a`` to ``m`` points by Fourier
    interpolation.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.irfft([10, -2 + 2j, -2])
    array([1., 2., 3., 4.])
    >>> rp.fft.ifft([10, -2 + 2j, -2, -2 - 2j]).real
    array([1., 2., 3., 4.])
    >>> x = rp.array([1.0, 2.0, 4.0])
    >>> rp.allclose(rp.fft.irfft(rp.fft.rfft(x), n=3), x)
    True
    """
    a = _asarray(a)
    if n is None:
        n = (a.shape[axis] - 1) * 2
    return _raw_fft(a, n, axis, True, False, norm, out)


def hfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the FFT of a signal that has Hermitian symmetry, i.e. a real spectrum.

    ``a`` is the non-negative half of the signal (the rest being its conjugate mirror);
    the spectrum of such a signal is real. :func:`hfft` and :func:`ihfft` are to each other
    what :func:`irfft` and :func:`rfft` are, with the roles of signal and spectrum swapped.

    Parameters
    ----------
    a : array_like
        The input half-signal.
    n : int, optional
        Length of the output along ``axis``; ``n//2 + 1`` input points are used (cropped or
        padded with zeros). Default: ``2 * (m - 1)`` for an input of length ``m``; pass ``n``
        for an odd length.
    axis : int, optional
        Axis to transform; the last by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : ndarray, optional
        Accepted, and ignored as NumPy 2.4 ignores it: the result is always a new array
        (later NumPy versions write into it).

    Returns
    -------
    out : ndarray
        The real spectrum, of length ``n`` along ``axis``.

    Raises
    ------
    IndexError
        If ``axis`` is not an axis of ``a``.
    ValueError
        If ``n`` is less than 1, or ``norm`` is not one of the modes.

    See Also
    --------
    ihfft : The inverse.
    rfft, irfft : The transforms of real signals.

    Notes
    -----
    ``hfft(a, n)`` equals ``irfft(a.conj(), n) * n`` under the default ``norm``. As with
    :func:`irfft`, the output length cannot be told from the input: the default is even.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.hfft([1, 2, 3])
    array([ 8., -2.,  0., -2.])
    >>> rp.fft.fft([1, 2, 3, 2])
    array([ 8.+0.j, -2.+0.j,  0.+0.j, -2.+0.j])
    >>> rp.fft.hfft([1, 2, 3], n=5)
    array([11.        , -2.61803399, -0.38196601, -0.38196601, -2.61803399])
    """
    a = _asarray(a)
    if n is None:
        n = (a.shape[axis] - 1) * 2
    new_norm = _swap_direction(norm)
    # NumPy 2.4 does not pass ``out`` on here (nor in ifft2 and irfft2): a new array comes back.
    return irfft(_core.conjugate(a), n, axis, norm=new_norm, out=None)


def ihfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the inverse FFT of a signal that has Hermitian symmetry.

    ``a`` is a real spectrum; the result is the non-negative half of its Hermitian
    signal (``n//2 + 1`` points), the inverse of :func:`hfft`.

    Parameters
    ----------
    a : array_like
        Input array, real.
    n : int, optional
        Number of input points to use: a shorter input is padded with zeros, a longer one
        cropped. Default: the length of ``a`` along ``axis``.
    axis : int, optional
        Axis to transform; the last by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``, which
        scales this inverse by ``1/n``.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape.

    Returns
    -------
    out : complex ndarray
        The half-signal, of length ``n//2 + 1`` along ``axis``.

    Raises
    ------
    IndexError
        If ``axis`` is not an axis of ``a``.
    ValueError
        If ``n`` is less than 1, or ``norm`` is not one of the modes.

    See Also
    --------
    hfft : The forward transform.
    rfft : The transform of real input.

    Notes
    -----
    ``ihfft(a, n)`` equals ``rfft(a, n).conj() / n`` under the default ``norm``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.ihfft([8, -2, 0, -2]).real
    array([1., 2., 3.])
    >>> rp.fft.ifft([8, -2, 0, -2]).real
    array([1., 2., 3., 2.])
    >>> x = rp.array([1.0, -2.0, 0.5, 4.0, 3.0])
    >>> rp.allclose(rp.fft.hfft(rp.fft.ihfft(x), n=5), x)
    True
    """
    a = _asarray(a)
    if n is None:
        n = a.shape[axis]
    new_norm = _swap_direction(norm)
    out = rfft(a, n, axis, norm=new_norm, out=out)
    return _core.conjugate(out, out=out)


# ---------------------------------------------------------------------------
# n-dimensional transforms
# ---------------------------------------------------------------------------

def _cook_nd_args(a, s=None, axes=None, invreal=False):
    """The transform lengths and the axes of an n-dimensional transform, as lists."""
    if s is None:
        shapeless = True
        if axes is None:
            s = list(a.shape)
        else:
            s = take(a.shape, axes)
    else:
        shapeless = False
    s = list(s)
    if axes is None:
        if not shapeless:
            warnings.warn(
                "`axes` should not be `None` if `s` is not `None` (Deprecated in NumPy 2.0). "
                "In a future version of NumPy, this will raise an error and `s[i]` will "
                "correspond to the size along the transformed axis specified by `axes[i]`. "
                "To retain current behaviour, pass a sequence [0, ..., k-1] to `axes` for an "
                "array of dimension k.", DeprecationWarning, stacklevel=3)
        axes = list(range(-len(s), 0))
    if len(s) != len(axes):
        raise ValueError("Shape and axes have different lengths.")
    if invreal and shapeless:
        s[-1] = (a.shape[axes[-1]] - 1) * 2
    if None in s:
        warnings.warn(
            "Passing an array containing `None` values to `s` is deprecated in NumPy 2.0 and "
            "will raise an error in a future version of NumPy. To use the default behaviour "
            "of the corresponding 1-D transform, pass the value matching the default for its "
            "`n` parameter. To use the default behaviour for every axis, the `s` argument can "
            "be omitted.", DeprecationWarning, stacklevel=3)
    # -1: the whole input along that axis
    s = [a.shape[_a] if _s == -1 else _s for _s, _a in zip(s, axes)]
    return s, axes


def _raw_fftnd(a, s=None, axes=None, function=fft, norm=None, out=None):
    """``function`` applied along each of the axes in turn, the last first."""
    a = _asarray(a)
    s, axes = _cook_nd_args(a, s, axes)
    for ii in reversed(range(len(axes))):
        a = function(a, n=s[ii], axis=axes[ii], norm=norm, out=out)
    return a


def fftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the n-dimensional discrete Fourier transform.

    The one-dimensional transform of :func:`fft` applied along each of ``axes`` in turn.

    Parameters
    ----------
    a : array_like
        Input array, real or complex.
    s : sequence of ints, optional
        The transform length along each axis of ``axes`` (``s[i]`` for ``axes[i]``); the
        input is padded with zeros or cropped to it. ``-1`` means the whole input along
        that axis. Default: the input's shape along ``axes``. Giving ``s`` without
        ``axes`` (``axes`` then are the last ``len(s)`` ones), or ``None`` among its values
        (the default length), is deprecated and warns (DeprecationWarning).
    axes : sequence of ints, optional
        Axes to transform; every axis by default. An axis given twice is transformed twice.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape; each one-dimensional transform
        writes into it, so ``s`` must not change the shape.

    Returns
    -------
    out : complex ndarray
        ``a`` (padded or cropped to ``s``) transformed along ``axes``.

    Raises
    ------
    ValueError
        If ``s`` and ``axes`` have different lengths, a length is less than 1, or ``norm``
        is not one of the modes.
    IndexError
        If an axis is not an axis of ``a``.

    See Also
    --------
    ifftn : The inverse transform.
    fft : The one-dimensional transform.
    fft2 : The transform over the last two axes.
    rfftn : The n-dimensional transform of real input.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.ones((2, 2, 2))
    >>> rp.fft.fftn(a)
    array([[[8.+0.j, 0.+0.j],
            [0.+0.j, 0.+0.j]],
    <BLANKLINE>
           [[0.+0.j, 0.+0.j],
            [0.+0.j, 0.+0.j]]])
    >>> rp.fft.fftn(a, axes=(0,))
    array([[[2.+0.j, 2.+0.j],
            [2.+0.j, 2.+0.j]],
    <BLANKLINE>
           [[0.+0.j, 0.+0.j],
            [0.+0.j, 0.+0.j]]])
    >>> rp.fft.fftn([[1, 2], [3, 4]], s=(2, 3), axes=(0, 1)).shape
    (2, 3)
    """
    return _raw_fftnd(a, s, axes, fft, norm, out=out)


def ifftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the n-dimensional inverse discrete Fourier transform.

    The inverse of :func:`fftn`: the one-dimensional transform of :func:`ifft` applied
    along each of ``axes`` in turn. ``ifftn(fftn(a)) == a`` up to rounding.

    Parameters
    ----------
    a : array_like
        Input array, ordered along each axis as :func:`fftn` returns it.
    s : sequence of ints, optional
        The transform length along each axis of ``axes`` (``s[i]`` for ``axes[i]``); the
        input is padded with zeros (at its end) or cropped to it. ``-1`` means the whole
        input along that axis. Default: the input's shape along ``axes``. Giving ``s``
        without ``axes``, or ``None`` among its values, is deprecated and warns.
    axes : sequence of ints, optional
        Axes to transform; every axis by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape.

    Returns
    -------
    out : complex ndarray
        ``a`` (padded or cropped to ``s``) inverse-transformed along ``axes``.

    Raises
    ------
    ValueError
        If ``s`` and ``axes`` have different lengths, a length is less than 1, or ``norm``
        is not one of the modes.
    IndexError
        If an axis is not an axis of ``a``.

    See Also
    --------
    fftn : The forward transform.
    ifft : The one-dimensional inverse.
    ifft2 : The inverse over the last two axes.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.ifftn(rp.eye(2) * 4)
    array([[2.+0.j, 0.+0.j],
           [0.+0.j, 2.+0.j]])
    >>> x = rp.arange(12.0).reshape(3, 4)
    >>> rp.allclose(rp.fft.ifftn(rp.fft.fftn(x)), x)
    True
    """
    return _raw_fftnd(a, s, axes, ifft, norm, out=out)


def fft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the two-dimensional discrete Fourier transform.

    :func:`fftn` over the last two axes by default.

    Parameters
    ----------
    a : array_like
        Input array, real or complex.
    s : sequence of ints, optional
        The transform length along each axis of ``axes`` (``s[i]`` for ``axes[i]``); the
        input is padded with zeros or cropped to it. ``-1`` means the whole input along
        that axis. Default: the input's shape along ``axes``. ``None`` among its values is
        deprecated and warns.
    axes : sequence of ints, optional
        Axes to transform; ``(-2, -1)`` by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape.

    Returns
    -------
    out : complex ndarray
        ``a`` (padded or cropped to ``s``) transformed along ``axes``.

    Raises
    ------
    ValueError
        If ``s`` and ``axes`` have different lengths, a length is less than 1, or ``norm``
        is not one of the modes.
    IndexError
        If an axis is not an axis of ``a``.

    See Also
    --------
    ifft2 : The inverse transform.
    fftn : The n-dimensional transform.
    rfft2 : The two-dimensional transform of real input.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.fft2([[1, 2], [3, 4]])
    array([[10.+0.j, -2.+0.j],
           [-4.+0.j,  0.+0.j]])
    >>> rp.fft.fft2(rp.ones((3, 2, 2))).shape
    (3, 2, 2)
    """
    return _raw_fftnd(a, s, axes, fft, norm, out=out)


def ifft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the two-dimensional inverse discrete Fourier transform.

    :func:`ifftn` over the last two axes by default; the inverse of :func:`fft2`.

    Parameters
    ----------
    a : array_like
        Input array, ordered along each axis as :func:`fft2` returns it.
    s : sequence of ints, optional
        The transform length along each axis of ``axes`` (``s[i]`` for ``axes[i]``); the
        input is padded with zeros or cropped to it. ``-1`` means the whole input along
        that axis. Default: the input's shape along ``axes``. ``None`` among its values is
        deprecated and warns.
    axes : sequence of ints, optional
        Axes to transform; ``(-2, -1)`` by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : complex ndarray, optional
        Accepted, and ignored as NumPy 2.4 ignores it: the result is always a new array
        (later NumPy versions write into it).

    Returns
    -------
    out : complex ndarray
        ``a`` (padded or cropped to ``s``) inverse-transformed along ``axes``.

    Raises
    ------
    ValueError
        If ``s`` and ``axes`` have different lengths, a length is less than 1, or ``norm``
        is not one of the modes.
    IndexError
        If an axis is not an axis of ``a``.

    See Also
    --------
    fft2 : The forward transform.
    ifftn : The n-dimensional inverse.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.ifft2([[10, -2], [-4, 0]])
    array([[1.+0.j, 2.+0.j],
           [3.+0.j, 4.+0.j]])
    """
    return _raw_fftnd(a, s, axes, ifft, norm, out=None)


def rfftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the n-dimensional discrete Fourier transform of real input.

    The real transform of :func:`rfft` along the last of ``axes``, then the complex
    transform of :func:`fft` along each of the others.

    Parameters
    ----------
    a : array_like
        Input array, real.
    s : sequence of ints, optional
        The number of input points along each axis of ``axes`` (``s[i]`` for ``axes[i]``);
        the input is padded with zeros or cropped to it. ``-1`` means the whole input along
        that axis. Default: the input's shape along ``axes``. Giving ``s`` without
        ``axes``, or ``None`` among its values, is deprecated and warns.
    axes : sequence of ints, optional
        Axes to transform; every axis by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape; each one-dimensional transform
        writes into it.

    Returns
    -------
    out : complex ndarray
        The transform: of length ``s[-1]//2 + 1`` along the last of ``axes``, ``s[i]``
        along the others.

    Raises
    ------
    ValueError
        If ``s`` and ``axes`` have different lengths, a length is less than 1, or ``norm``
        is not one of the modes.
    IndexError
        If an axis is not an axis of ``a``.

    See Also
    --------
    irfftn : The inverse transform.
    rfft : The one-dimensional transform of real input.
    fftn : The n-dimensional transform of complex input.
    rfft2 : The transform over the last two axes.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.ones((2, 2, 2))
    >>> rp.fft.rfftn(a)
    array([[[8.+0.j, 0.+0.j],
            [0.+0.j, 0.+0.j]],
    <BLANKLINE>
           [[0.+0.j, 0.+0.j],
            [0.+0.j, 0.+0.j]]])
    >>> rp.fft.rfftn(a, axes=(2, 0))
    array([[[4.+0.j, 0.+0.j],
            [4.+0.j, 0.+0.j]],
    <BLANKLINE>
           [[0.+0.j, 0.+0.j],
            [0.+0.j, 0.+0.j]]])
    """
    a = _asarray(a)
    s, axes = _cook_nd_args(a, s, axes)
    a = rfft(a, s[-1], axes[-1], norm, out=out)
    for ii in range(len(axes) - 2, -1, -1):
        a = fft(a, s[ii], axes[ii], norm, out=out)
    return a


def rfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the two-dimensional discrete Fourier transform of real input.

    :func:`rfftn` over the last two axes by default.

    Parameters
    ----------
    a : array_like
        Input array, real.
    s : sequence of ints, optional
        The number of input points along each axis of ``axes``; the input is padded with
        zeros or cropped to it. ``-1`` means the whole input along that axis. ``None``
        among its values is deprecated and warns.
    axes : sequence of ints, optional
        Axes to transform; ``(-2, -1)`` by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : complex ndarray, optional
        Array to hold the result, of the result's shape.

    Returns
    -------
    out : complex ndarray
        The transform: of length ``s[-1]//2 + 1`` along the last of ``axes``.

    Raises
    ------
    ValueError
        If ``s`` and ``axes`` have different lengths, a length is less than 1, or ``norm``
        is not one of the modes.
    IndexError
        If an axis is not an axis of ``a``.

    See Also
    --------
    irfft2 : The inverse transform.
    rfftn : The n-dimensional transform of real input.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.rfft2([[1, 2, 3, 4], [5, 6, 7, 8]])
    array([[ 36.+0.j,  -4.+4.j,  -4.+0.j],
           [-16.+0.j,   0.+0.j,   0.+0.j]])
    """
    return rfftn(a, s, axes, norm, out=out)


def irfftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the inverse of :func:`rfftn`.

    The complex inverse of :func:`ifft` along each of ``axes`` but the last, then the real
    inverse of :func:`irfft` along the last. ``irfftn(rfftn(a), a.shape) == a`` up to
    rounding: the shape is needed, as the length is for :func:`irfft`.

    Parameters
    ----------
    a : array_like
        Input array, ordered as :func:`rfftn` returns it.
    s : sequence of ints, optional
        The output length along each axis of ``axes`` (``s[i]`` for ``axes[i]``); the input
        is padded with zeros or cropped to it, to ``s[-1]//2 + 1`` points along the last
        axis. ``-1`` means the whole input along that axis. Default: the input's shape along
        ``axes``, but ``2 * (m - 1)`` along the last one (length ``m`` there): pass ``s``
        for an odd length. Giving ``s`` without ``axes``, or ``None`` among its values, is
        deprecated and warns.
    axes : sequence of ints, optional
        Axes to transform; every axis by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : ndarray, optional
        Array to hold the result (of the last, real, transform), of the result's shape.

    Returns
    -------
    out : ndarray
        The real result, of length ``s[i]`` along each of ``axes``.

    Raises
    ------
    ValueError
        If ``s`` and ``axes`` have different lengths, a length is less than 1, or ``norm``
        is not one of the modes.
    IndexError
        If an axis is not an axis of ``a``.

    See Also
    --------
    rfftn : The forward transform.
    irfft : The one-dimensional inverse of real output.
    irfft2 : The inverse over the last two axes.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.zeros((3, 2, 2))
    >>> a[0, 0, 0] = 3 * 2 * 2
    >>> rp.fft.irfftn(a)
    array([[[1., 1.],
            [1., 1.]],
    <BLANKLINE>
           [[1., 1.],
            [1., 1.]],
    <BLANKLINE>
           [[1., 1.],
            [1., 1.]]])
    """
    a = _asarray(a)
    s, axes = _cook_nd_args(a, s, axes, invreal=True)
    for ii in range(len(axes) - 1):
        a = ifft(a, s[ii], axes[ii], norm)
    return irfft(a, s[-1], axes[-1], norm, out=out)


def irfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the inverse of :func:`rfft2`.

    :func:`irfftn` over the last two axes by default.

    Parameters
    ----------
    a : array_like
        Input array, ordered as :func:`rfft2` returns it.
    s : sequence of ints, optional
        The shape of the real output along ``axes``. ``-1`` means the whole input along
        that axis. ``None`` among its values is deprecated and warns.
    axes : sequence of ints, optional
        Axes to transform; ``(-2, -1)`` by default.
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation mode (see :mod:`rumpy.fft`); ``None`` means ``"backward"``.
    out : ndarray, optional
        Accepted, and ignored as NumPy 2.4 ignores it: the result is always a new array
        (later NumPy versions write into it).

    Returns
    -------
    out : ndarray
        The real result.

    Raises
    ------
    ValueError
        If ``s`` and ``axes`` have different lengths, a length is less than 1, or ``norm``
        is not one of the modes.
    IndexError
        If an axis is not an axis of ``a``.

    See Also
    --------
    rfft2 : The forward transform.
    irfftn : The n-dimensional inverse of real output.

    Examples
    --------
    >>> import rumpy as rp
    >>> a = rp.array([[1., 2., 3., 4.], [5., 6., 7., 8.]])
    >>> rp.fft.irfft2(rp.fft.rfft2(a), s=a.shape)
    array([[1., 2., 3., 4.],
           [5., 6., 7., 8.]])
    """
    return irfftn(a, s, axes, norm, out=None)


# ---------------------------------------------------------------------------
# helpers: frequencies and shifts
# ---------------------------------------------------------------------------

def _is_integer(n):
    return isinstance(n, numbers.Integral)


def fftshift(x, axes=None):
    """Shift the zero-frequency term to the centre of a spectrum.

    Rolls each of ``axes`` by half its length (rounded down), so that the frequencies of
    :func:`fft`'s output come in increasing order. ``y[0]`` is the Nyquist term when the
    length is even.

    Parameters
    ----------
    x : array_like
        Input array.
    axes : int or sequence of ints, optional
        Axes to shift; every axis by default.

    Returns
    -------
    y : ndarray
        The shifted array.

    See Also
    --------
    ifftshift : The inverse.

    Examples
    --------
    >>> import rumpy as rp
    >>> freqs = rp.fft.fftfreq(10, 0.1)
    >>> freqs
    array([ 0.,  1.,  2.,  3.,  4., -5., -4., -3., -2., -1.])
    >>> rp.fft.fftshift(freqs)
    array([-5., -4., -3., -2., -1.,  0.,  1.,  2.,  3.,  4.])
    >>> freqs = rp.fft.fftfreq(9, d=1./9).reshape(3, 3)
    >>> rp.fft.fftshift(freqs, axes=(1,))
    array([[ 2.,  0.,  1.],
           [-4.,  3.,  4.],
           [-1., -3., -2.]])
    """
    x = _asarray(x)
    if axes is None:
        axes = tuple(range(x.ndim))
        shift = [dim // 2 for dim in x.shape]
    elif _is_integer(axes):
        shift = x.shape[axes] // 2
    else:
        shift = [x.shape[ax] // 2 for ax in axes]
    return roll(x, shift, axes)


def ifftshift(x, axes=None):
    """The inverse of :func:`fftshift`.

    Rolls each of ``axes`` back by half its length (rounded down); the two agree for even
    lengths and differ by one element for odd ones.

    Parameters
    ----------
    x : array_like
        Input array.
    axes : int or sequence of ints, optional
        Axes to shift; every axis by default.

    Returns
    -------
    y : ndarray
        The shifted array.

    See Also
    --------
    fftshift : Shift the zero-frequency term to the centre.

    Examples
    --------
    >>> import rumpy as rp
    >>> freqs = rp.fft.fftfreq(9, d=1./9).reshape(3, 3)
    >>> freqs
    array([[ 0.,  1.,  2.],
           [ 3.,  4., -4.],
           [-3., -2., -1.]])
    >>> rp.fft.ifftshift(rp.fft.fftshift(freqs))
    array([[ 0.,  1.,  2.],
           [ 3.,  4., -4.],
           [-3., -2., -1.]])
    """
    x = _asarray(x)
    if axes is None:
        axes = tuple(range(x.ndim))
        shift = [-(dim // 2) for dim in x.shape]
    elif _is_integer(axes):
        shift = -(x.shape[axes] // 2)
    else:
        shift = [-(x.shape[ax] // 2) for ax in axes]
    return roll(x, shift, axes)


def fftfreq(n, d=1.0, device=None, *, dtype=None):
    """Return the sample frequencies of the discrete Fourier transform.

    The frequency of each element of :func:`fft`'s output (in cycles per unit of the
    sample spacing ``d``): for an even ``n``,
    ``[0, 1, ..., n/2 - 1, -n/2, ..., -1] / (d*n)``, for an odd one
    ``[0, 1, ..., (n-1)/2, -(n-1)/2, ..., -1] / (d*n)``.

    Parameters
    ----------
    n : int
        The window length.
    d : scalar, optional
        The sample spacing (the inverse of the sampling rate); 1 by default.
    device : str, optional
        The device of the result: only ``"cpu"`` (for the Array API standard).
    dtype : dtype, optional
        The dtype of the result, a real floating type (for the Array API standard); float64
        by default.

    Returns
    -------
    f : ndarray
        The ``n`` sample frequencies.

    Raises
    ------
    ValueError
        If ``n`` is not an integer.

    See Also
    --------
    rfftfreq : The frequencies of :func:`rfft`'s output.
    fftshift : Put the frequencies in increasing order.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.fftfreq(8, d=0.1)
    array([ 0.  ,  1.25,  2.5 ,  3.75, -5.  , -3.75, -2.5 , -1.25])
    >>> rp.fft.fftfreq(5)
    array([ 0. ,  0.2,  0.4, -0.4, -0.2])
    >>> rp.fft.fftfreq(4, dtype=rp.float32)
    array([ 0.  ,  0.25, -0.5 , -0.25], dtype=float32)
    """
    if not _is_integer(n):
        raise ValueError("n should be an integer")
    val = 1.0 / (n * d)
    _check_device(device)
    if isinstance(n, bool):
        # (what NumPy's ``empty`` says of a bool length)
        raise TypeError(f"expected a sequence of integers or a single integer, got '{n!r}'")
    results = _core.empty(n, int)
    N = (n - 1) // 2 + 1
    results[:N] = _core.arange(0, N, dtype=int)
    results[N:] = _core.arange(-(n // 2), 0, dtype=int)
    results = results * val
    return results if dtype is None else results.astype(dtype, copy=False)


def rfftfreq(n, d=1.0, device=None, *, dtype=None):
    """Return the sample frequencies of the discrete Fourier transform of real input.

    The frequency of each element of :func:`rfft`'s output (in cycles per unit of the
    sample spacing ``d``): ``[0, 1, ..., n//2] / (d*n)``. Unlike :func:`fftfreq`, the
    Nyquist frequency of an even ``n`` comes out positive.

    Parameters
    ----------
    n : int
        The window length.
    d : scalar, optional
        The sample spacing (the inverse of the sampling rate); 1 by default.
    device : str, optional
        The device of the result: only ``"cpu"`` (for the Array API standard).
    dtype : dtype, optional
        The dtype of the result, a real floating type (for the Array API standard); float64
        by default.

    Returns
    -------
    f : ndarray
        The ``n//2 + 1`` sample frequencies.

    Raises
    ------
    ValueError
        If ``n`` is not an integer.

    See Also
    --------
    fftfreq : The frequencies of :func:`fft`'s output.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.fft.rfftfreq(8, d=0.1)
    array([0.  , 1.25, 2.5 , 3.75, 5.  ])
    >>> rp.fft.fftfreq(8, d=0.1)
    array([ 0.  ,  1.25,  2.5 ,  3.75, -5.  , -3.75, -2.5 , -1.25])
    """
    if not _is_integer(n):
        raise ValueError("n should be an integer")
    val = 1.0 / (n * d)
    _check_device(device)
    N = n // 2 + 1
    results = _core.arange(0, N, dtype=int) * val
    return results if dtype is None else results.astype(dtype, copy=False)
