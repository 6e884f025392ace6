"""numpy's legacy ``RandomState`` (``mtrand.pyx``) and the module-level functions of
``numpy.random`` that draw from one global ``RandomState``, bit for bit: a seed gives numpy's
numbers. The draws run in the core with numpy's legacy samplers (the polar Gaussian with its
cached second value, the legacy gamma, binomial, ...); the argument checks and messages are
numpy's, made before anything is drawn."""

import builtins
import math
import operator
import threading
import warnings

from .. import _core
from ._bit_generator import MT19937, BitGenerator
from ._common import (BOUNDED_0_1, BOUNDED_GT_0_1, BOUNDED_LT_0_1, F64, GT_1, I64, NONE,
                      NON_NEGATIVE, POISSON, POISSON_LAM_MAX, POSITIVE, _all, _any, as_double,
                      as_int64, as_param, check_array, check_scalar, cont, disc, shape_of,
                      kahan_sum, triangular_params)
from ._generator import _INTEGERS, _bounded, _mvn_arguments
from ._shuffling import Shuffling, _is_integer, _p_sum_off, _rp, _shares_memory

_ATOL = math.sqrt(2.220446049250313e-16)  # sqrt(finfo(float64).eps)
_INTP = _core.dtype("intp")


def _wrap64(v):
    """``v`` as C's int64 arithmetic leaves it (wrapping)."""
    return (v + 2**63) % 2**64 - 2**63


def _check_gte_1(a, name):
    """numpy's ``CONS_GTE_1`` on a scalar or an array."""
    if isinstance(a, _core.ndarray):
        if not _all(_core.greater_equal(a, 1)):
            raise ValueError(f"{name} < 1 or {name} contains NaNs")
    elif not a >= 1:
        raise ValueError(f"{name} < 1 or {name} is NaN")


def _one_d(x, min_depth):
    """numpy's ``PyArray_FROMANY(x, NPY_DOUBLE, min_depth, 1, ...)``: a contiguous 1-d (or
    0-d, when ``min_depth`` is 0) float64 array."""
    arr = as_param(x, F64)
    if arr.ndim > 1:
        if isinstance(x, _core.ndarray) or hasattr(x, "__array_interface__"):
            raise ValueError("object too deep for desired array")
        raise ValueError("setting an array element with a sequence. The requested array would "
                         "exceed the maximum number of dimension of 1.")
    if arr.ndim < min_depth:
        raise ValueError("object of too small depth for desired array")
    return _core.ascontiguousarray(arr) if arr.ndim else arr


def _fast(params):
    """Whether every parameter is a Python float or int (not bool): the scalar path can
    skip the array conversions."""
    for v, _, _ in params:
        t = type(v)
        if t is not float and t is not int:
            return False
    return True


def _cont(rs, method, size, params):
    """numpy's ``cont`` with the legacy samplers of ``rs`` (its Gaussian cache updated);
    one draw from Python numbers goes straight to the core."""
    if size is None and _fast(params):
        values = [float(v) for v, _, _ in params]
        for v, (_, name, c) in zip(values, params):
            if c != NONE:
                check_scalar(v, name, c)
        with rs._lock:
            v, _, *rs._gauss_state = rs._bit_generator._core.sample_legacy(
                method, *(values + [0.0, 0.0, 0.0])[:3], 0, 0, 0, *rs._gauss_state)
        return v
    return cont(rs._bit_generator, method, size, params, legacy=rs)


def _disc(rs, method, size, fparams, iparams):
    """numpy's ``disc`` with the legacy samplers of ``rs`` (int64 results, a Python int for
    one draw)."""
    if size is None and _fast(fparams) and _fast(iparams):
        fvals = [float(v) for v, _, _ in fparams]
        ivals = [as_int64(v) for v, _, _ in iparams]
        for v, (_, name, c) in zip(fvals + [float(i) for i in ivals],
                                   list(fparams) + list(iparams)):
            if c != NONE:
                check_scalar(v, name, c)
        with rs._lock:
            _, v, *rs._gauss_state = rs._bit_generator._core.sample_legacy(
                method, *(fvals + [0.0, 0.0])[:2], 0.0, *(ivals + [0, 0, 0])[:3],
                *rs._gauss_state)
        return v
    return disc(rs._bit_generator, method, size, fparams, iparams, legacy=rs)


def _randomstate_ctor(bit_generator="MT19937"):
    """Pickling helper (numpy's ``__randomstate_ctor``): a RandomState over ``bit_generator``
    (an instance, a class or one of the names of the bit generators)."""
    from . import _bit_generator as bgs
    if isinstance(bit_generator, BitGenerator):
        return RandomState(bit_generator)
    if isinstance(bit_generator, type):
        return RandomState(bit_generator())
    known = {n: getattr(bgs, n) for n in ("MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64")}
    if bit_generator not in known:
        raise ValueError(str(bit_generator) + " is not a known BitGenerator module.")
    return RandomState(known[bit_generator]())


class RandomState:
    """numpy's legacy random number generator: the methods draw with the legacy algorithms
    from a bit generator (MT19937 by default), so that a seed gives numpy's numbers.

    Parameters
    ----------
    seed : {None, int, array_like[ints], BitGenerator}, optional
        None seeds an MT19937 from fresh entropy; an int in [0, 2**32) or a 1-d array of
        such ints seeds an MT19937 as numpy's legacy seeding; a bit generator is used as is.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rs = rp.random.RandomState(12345)
    >>> rs.random_sample(3).tolist() == np.random.RandomState(12345).random_sample(3).tolist()
    True
    >>> rs
    RandomState(MT19937) at 0x...
    """

    _poisson_lam_max = POISSON_LAM_MAX

    def __init__(self, seed=None):
        if seed is None:
            bit_generator = MT19937()
        elif not isinstance(seed, BitGenerator):
            bit_generator = _mt19937_for_legacy_seed()
            bit_generator._legacy_seeding(seed)
        else:
            bit_generator = seed
        self._initialize_bit_generator(bit_generator)

    def _initialize_bit_generator(self, bit_generator):
        if not isinstance(bit_generator, BitGenerator):
            raise ValueError("Invalid bit generator. The bit generator must be instantized.")
        self._bit_generator = bit_generator
        self._lock = bit_generator.lock
        with self._lock:
            # [has_gauss, gauss]: the legacy Gaussian's cached second value
            self._gauss_state = [False, 0.0]

    def __repr__(self):
        return f"{self} at 0x{id(self):X}"

    def __str__(self):
        return f"{type(self).__name__}({type(self._bit_generator).__name__})"

    def __getstate__(self):
        return self.get_state(legacy=False)

    def __setstate__(self, state):
        self.set_state(state)

    def __reduce__(self):
        return _randomstate_ctor, (self._bit_generator,), self.get_state(legacy=False)

    def seed(self, seed=None):
        """Re-seed the MT19937 bit generator as numpy's legacy seeding (None: fresh entropy)
        and forget the cached Gaussian.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rs, nrs = rp.random.RandomState(), np.random.RandomState()
        >>> rs.seed(7); nrs.seed(7)
        >>> rs.randint(100, size=4).tolist() == nrs.randint(100, size=4).tolist()
        True
        """
        if not isinstance(self._bit_generator, MT19937):
            raise TypeError("can only re-seed a MT19937 BitGenerator")
        self._bit_generator._legacy_seeding(seed)
        with self._lock:
            self._gauss_state = [False, 0.0]

    def get_state(self, legacy=True):
        """The state: numpy's legacy tuple ``('MT19937', key, pos, has_gauss, gauss)``, or
        with ``legacy=False`` the bit generator's state dict plus ``'has_gauss'`` and
        ``'gauss'``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rs, nrs = rp.random.RandomState(3), np.random.RandomState(3)
        >>> _ = rs.standard_normal(), nrs.standard_normal()
        >>> rs.get_state()[2:] == nrs.get_state()[2:]
        True
        """
        st = self._bit_generator.state
        if st["bit_generator"] != "MT19937" and legacy:
            warnings.warn("get_state and legacy can only be used with the MT19937 "
                          "BitGenerator. To silence this warning, set `legacy` to False.",
                          RuntimeWarning, stacklevel=2)
            legacy = False
        with self._lock:
            has_gauss, gauss = self._gauss_state
        st["has_gauss"] = int(has_gauss)
        st["gauss"] = float(gauss)
        if legacy and not isinstance(self._bit_generator, MT19937):
            raise ValueError("legacy can only be True when the underlying bitgenerator is an "
                             "instance of MT19937.")
        if legacy:
            return (st["bit_generator"], st["state"]["key"], st["state"]["pos"],
                    st["has_gauss"], st["gauss"])
        return st

    def set_state(self, state):
        """Set the state from numpy's legacy tuple (or list) ``('MT19937', key, pos[,
        has_gauss, gauss])`` or a state dict (as :meth:`get_state` gives).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> nrs = np.random.RandomState(5)
        >>> rs = rp.random.RandomState()
        >>> rs.set_state(nrs.get_state())
        >>> rs.random_sample() == nrs.random_sample()
        True
        """
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            st = state
        else:
            if not isinstance(state, (tuple, list)):
                raise TypeError("state must be a dict or a tuple.")
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state "
                                 "instances.")
            st = {"bit_generator": state[0], "state": {"key": state[1], "pos": state[2]}}
            if len(state) > 3:
                st["has_gauss"] = state[3]
                st["gauss"] = state[4]
        gauss = as_double(st.get("gauss", 0.0))
        has_gauss = as_int64(st.get("has_gauss", 0))
        with self._lock:
            self._gauss_state = [bool(has_gauss), gauss]
        self._bit_generator.state = st

    # ------------------------------------------------------------------ uniforms, integers

    def random_sample(self, size=None):
        """Floats uniform in [0, 1) (53 random bits each; one Python float without
        ``size``).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(1).random_sample((2, 2))
        >>> r.tolist() == np.random.RandomState(1).random_sample((2, 2)).tolist()
        True
        """
        bg = self._bit_generator
        if size is None:
            with self._lock:
                return bg._core.next_double()
        out = _core.empty(shape_of(size), dtype=F64)
        with self._lock:
            bg._core.fill_random(out)
        return out

    def random(self, size=None):
        """Floats uniform in [0, 1): :meth:`random_sample`.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.RandomState(1).random() == np.random.RandomState(1).random()
        True
        """
        return self.random_sample(size=size)

    def rand(self, *args):
        """Floats uniform in [0, 1) of shape ``args`` (one float without arguments).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.RandomState(1).rand(2, 3).tolist() == \\
        ...     np.random.RandomState(1).rand(2, 3).tolist()
        True
        """
        if len(args) == 0:
            return self.random_sample()
        return self.random_sample(size=args)

    def randn(self, *args):
        """Standard normal floats of shape ``args`` (one float without arguments).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.RandomState(1).randn(2, 3).tolist() == \\
        ...     np.random.RandomState(1).randn(2, 3).tolist()
        True
        """
        if len(args) == 0:
            return self.standard_normal()
        return self.standard_normal(size=args)

    def tomaxint(self, size=None):
        """Non-negative int64 draws (a 64-bit draw shifted right by one); one Python int
        without ``size``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.RandomState(2).tomaxint(3).tolist() == \\
        ...     np.random.RandomState(2).tomaxint(3).tolist()
        True
        """
        if size is None:
            return _disc(self, "tomaxint", None, [], [])
        out = _core.empty(shape_of(size), dtype=I64)
        with self._lock:
            self._gauss_state = list(self._bit_generator._core.fill_legacy(
                "tomaxint", out, [], [], *self._gauss_state))
        return out

    def randint(self, low, high=None, size=None, dtype=int):
        """Integers in [low, high) ([0, low) when ``high`` is None), numpy's masked rejection
        sampling. ``dtype=int`` means int64; with it (or ``bool``) and no ``size`` a Python
        int (bool) is returned.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.RandomState(12345).randint(0, 10, 5).tolist()
        [2, 5, 1, 4, 9]
        >>> r = rp.random.RandomState(1).randint(-5, 2**40, size=3, dtype="int64")
        >>> r.tolist() == np.random.RandomState(1).randint(-5, 2**40, 3, "int64").tolist()
        True
        """
        if high is None:
            high, low = low, 0
        dt = _core.dtype("int64") if dtype is int else _core.dtype(dtype)
        if not dt.isnative:
            warnings.warn("Providing a dtype with a non-native byteorder is not supported. If "
                          "you require platform-independent byteorder, call byteswap when "
                          "required.\nIn future version, providing byteorder will raise a "
                          "ValueError", DeprecationWarning, stacklevel=2)
            dt = dt.newbyteorder()
        if dt not in _INTEGERS:
            raise TypeError(f"Unsupported dtype {dt!r} for randint")
        ret = _bounded(self._bit_generator, dt, low, high, size, False, True)
        if size is None and (dtype is builtins.bool or dtype is int):
            if _core.asanyarray(ret).shape == ():
                return dtype(ret)
        return ret

    def random_integers(self, low, high=None, size=None):
        """Integers in [low, high] ([1, low] when ``high`` is None), int64; deprecated, as
        numpy's (a DeprecationWarning).

        Examples
        --------
        >>> import warnings
        >>> import rumpy as rp
        >>> import numpy as np
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     a = rp.random.RandomState(1).random_integers(5, size=4)
        ...     b = np.random.RandomState(1).random_integers(5, size=4)
        >>> a.tolist() == b.tolist()
        True
        """
        if high is None:
            warnings.warn(f"This function is deprecated. Please call randint(1, {low} + 1) "
                          "instead", DeprecationWarning, stacklevel=2)
            high = low
            low = 1
        else:
            warnings.warn(f"This function is deprecated. Please call randint({low}, {high} + 1)"
                          " instead", DeprecationWarning, stacklevel=2)
        return self.randint(low, int(high) + 1, size=size, dtype="l")

    def bytes(self, length):
        """``length`` random bytes (from uint32 draws, little-endian), numpy's.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.RandomState(3).bytes(10) == np.random.RandomState(3).bytes(10)
        True
        """
        length = as_int64(length)
        m = length - 1
        # C's division (truncating), as numpy's: a length of 0 still draws one word
        n = (m // 4 if m >= 0 else -(-m // 4)) + 1
        words = self.randint(0, 4294967296, size=n, dtype="uint32")
        return words.astype("<u4").tobytes()[:length]

    # ------------------------------------------------------------------ sampling, shuffling

    def choice(self, a, size=None, replace=True, p=None):
        """A random sample from the 1-d ``a`` (an int ``n`` stands for ``arange(n)``), with
        or without replacement, uniform or with probabilities ``p`` (numpy's legacy
        algorithms: without replacement and ``p``, a full permutation is drawn).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> rp.random.RandomState(12345).choice(10, 3, replace=False).tolist()
        [0, 7, 3]
        >>> r = rp.random.RandomState(7).choice(5, 4, p=[0.1, 0.2, 0.3, 0.4, 0.0])
        >>> r.tolist() == np.random.RandomState(7).choice(5, 4, p=[.1, .2, .3, .4, 0]).tolist()
        True
        """
        rp = _rp()
        a = _core.asanyarray(a)
        if a.ndim == 0:
            try:
                pop_size = operator.index(a.item())
            except TypeError:
                raise ValueError("a must be 1-dimensional or an integer") from None
            if pop_size <= 0 and (size is None or rp.prod(size) != 0):
                raise ValueError("a must be greater than 0 unless no samples are taken")
        elif a.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        else:
            pop_size = a.shape[0]
            if pop_size == 0 and (size is None or rp.prod(size) != 0):
                raise ValueError("'a' cannot be empty unless no samples are taken")

        if p is not None:
            d = len(p)
            atol = _ATOL
            if isinstance(p, _core.ndarray) or type(p).__name__ == "ndarray":
                pdt = _core.dtype(p.dtype)
                if pdt.kind == "f":
                    atol = max(atol, float(rp.sqrt(rp.finfo(pdt).eps)))
            p = _core.ascontiguousarray(as_param(p, F64))
            if p.ndim != 1:
                raise ValueError("'p' must be 1-dimensional")
            if p.size != pop_size:
                raise ValueError("'a' and 'p' must have same size")
            try:
                off = _p_sum_off(p, d, atol)
            except ValueError as exc:
                # numpy's legacy messages are the same, in lower case
                msg = str(exc)
                raise ValueError(msg[:1].lower() + msg[1:]) from None
            if off:
                raise ValueError("probabilities do not sum to 1")

        is_scalar = size is None
        if not is_scalar:
            shape = size
            size = int(rp.prod(shape, dtype=_INTP))
        else:
            shape = ()
            size = 1

        if replace:
            if p is not None:
                cdf = p.cumsum()
                cdf /= cdf[-1]
                uniform_samples = self.random_sample(shape)
                idx = _core.asanyarray(cdf.searchsorted(uniform_samples, side="right"), dtype=I64)
            else:
                idx = self.randint(0, pop_size, size=shape)
        else:
            if size > pop_size:
                raise ValueError("Cannot take a larger sample than population when "
                                 "'replace=False'")
            if size < 0:
                raise ValueError("Negative dimensions are not allowed")
            if p is not None:
                if int(rp.count_nonzero(p > 0)) < size:
                    raise ValueError("Fewer non-zero entries in p than size")
                idx = self._choice_p(p.copy(), size).reshape(shape)
            else:
                idx = self.permutation(pop_size)[:size].reshape(shape)

        if is_scalar and isinstance(idx, _core.ndarray):
            idx = idx.item(0)
        if a.ndim == 0:
            return idx
        if is_scalar:
            return a[idx]
        if idx.ndim == 0:
            return a.take(_core.asanyarray([idx.item()], dtype=_INTP)).reshape(())
        return a.take(_core.asanyarray(idx, dtype=_INTP), axis=0)

    def _choice_p(self, p, size):
        """numpy's legacy sampling with ``p`` without replacement (with ``rand``)."""
        rp = _rp()
        found = _core.zeros(size, dtype=I64)
        n_uniq = 0
        while n_uniq < size:
            x = self.rand(size - n_uniq)
            if n_uniq > 0:
                p[found[0:n_uniq]] = 0
            cdf = p.cumsum()
            cdf /= cdf[-1]
            new = cdf.searchsorted(x, side="right")
            _, first = rp.unique(new, return_index=True)
            first.sort()
            new = new.take(first)
            found[n_uniq:n_uniq + new.size] = new
            n_uniq += new.size
        return found

    def shuffle(self, x):
        """Shuffle ``x`` in place along its first axis (numpy's Fisher-Yates with masked
        draws); ``x`` is a writable array or a mutable sequence.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> a, b = rp.arange(10), np.arange(10)
        >>> rp.random.RandomState(4).shuffle(a)
        >>> np.random.RandomState(4).shuffle(b)
        >>> a.tolist() == b.tolist()
        True
        """
        Shuffling.shuffle(self, x)

    def permutation(self, x):
        """A shuffled ``arange(x)`` for an integer ``x``, else a shuffled copy of the array
        ``x`` along its first axis.

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.RandomState(12345).permutation(10).tolist()
        [0, 7, 3, 9, 6, 4, 1, 8, 5, 2]
        """
        if _is_integer(x):
            dt = _rp().result_type(x, I64)
            arr = _core.arange(x, dtype=dt)
            self.shuffle(arr)
            return arr
        arr = _core.asanyarray(x)
        if arr.ndim < 1:
            raise IndexError("x must be an integer or at least 1-dimensional")
        if arr.ndim == 1:
            if _shares_memory(arr, x):
                arr = arr.copy()
            self.shuffle(arr)
            return arr
        idx = _core.arange(arr.shape[0], dtype=_INTP)
        self.shuffle(idx)
        return arr.take(idx, axis=0)

    # ------------------------------------------------------------------ continuous

    def standard_normal(self, size=None):
        """Standard normal draws (the legacy polar method, caching its second value).

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.RandomState(12345).standard_normal(3).tolist()
        [-0.20470765948471295, 0.47894333805754824, -0.5194387150567381]
        """
        return _cont(self, "standard_normal", size, [])

    def normal(self, loc=0.0, scale=1.0, size=None):
        """Normal draws: ``loc + scale * standard_normal``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).normal(1.0, [1.0, 2.0])
        >>> r.tolist() == np.random.RandomState(7).normal(1.0, [1.0, 2.0]).tolist()
        True
        """
        return _cont(self, "normal", size,
                    [(loc, "", NONE), (scale, "scale", NON_NEGATIVE)])

    def standard_exponential(self, size=None):
        """Standard exponential draws (``-log(1 - U)``, the legacy method).

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.RandomState(12345).standard_exponential(3).tolist()
        [2.6537906331017487, 0.380346568552371, 0.20324143347362159]
        """
        return _cont(self, "standard_exponential", size, [])

    def exponential(self, scale=1.0, size=None):
        """Exponential draws with ``scale`` (1/rate).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).exponential(2.0, 3)
        >>> r.tolist() == np.random.RandomState(7).exponential(2.0, 3).tolist()
        True
        """
        return _cont(self, "exponential", size,
                    [(scale, "scale", NON_NEGATIVE)])

    def standard_gamma(self, shape, size=None):
        """Standard gamma draws with ``shape`` (the legacy Marsaglia-Tsang method).

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.RandomState(12345).standard_gamma(3.0, 3).tolist()
        [2.346154306901345, 3.5277318519145764, 5.6506420494026255]
        """
        return _cont(self, "standard_gamma", size,
                    [(shape, "shape", NON_NEGATIVE)])

    def gamma(self, shape, scale=1.0, size=None):
        """Gamma draws: ``scale * standard_gamma(shape)``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).gamma(0.5, 2.0, 3)
        >>> r.tolist() == np.random.RandomState(7).gamma(0.5, 2.0, 3).tolist()
        True
        """
        return _cont(self, "gamma", size,
                    [(shape, "shape", NON_NEGATIVE), (scale, "scale", NON_NEGATIVE)])

    def beta(self, a, b, size=None):
        """Beta draws (Johnk's algorithm when ``a`` and ``b`` are at most 1, else two
        gammas).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).beta(0.5, 0.7, 3)
        >>> r.tolist() == np.random.RandomState(7).beta(0.5, 0.7, 3).tolist()
        True
        """
        return _cont(self, "beta", size,
                    [(a, "a", POSITIVE), (b, "b", POSITIVE)])

    def chisquare(self, df, size=None):
        """Chi-square draws with ``df`` degrees of freedom.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).chisquare(3.0, 3)
        >>> r.tolist() == np.random.RandomState(7).chisquare(3.0, 3).tolist()
        True
        """
        return _cont(self, "chisquare", size, [(df, "df", POSITIVE)])

    def f(self, dfnum, dfden, size=None):
        """F (Fisher-Snedecor) draws.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).f(3.0, 5.0, 3)
        >>> r.tolist() == np.random.RandomState(7).f(3.0, 5.0, 3).tolist()
        True
        """
        return _cont(self, "f", size,
                    [(dfnum, "dfnum", POSITIVE), (dfden, "dfden", POSITIVE)])

    def noncentral_chisquare(self, df, nonc, size=None):
        """Noncentral chi-square draws.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).noncentral_chisquare(3.0, 2.0, 3)
        >>> r.tolist() == np.random.RandomState(7).noncentral_chisquare(3.0, 2.0, 3).tolist()
        True
        """
        return _cont(self, "noncentral_chisquare", size,
                    [(df, "df", POSITIVE), (nonc, "nonc", NON_NEGATIVE)])

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        """Noncentral F draws.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).noncentral_f(3.0, 5.0, 2.0, 3)
        >>> r.tolist() == np.random.RandomState(7).noncentral_f(3.0, 5.0, 2.0, 3).tolist()
        True
        """
        return _cont(self, "noncentral_f", size,
                    [(dfnum, "dfnum", POSITIVE), (dfden, "dfden", POSITIVE),
                     (nonc, "nonc", NON_NEGATIVE)])

    def standard_cauchy(self, size=None):
        """Standard Cauchy draws (a ratio of two Gaussians).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).standard_cauchy(3)
        >>> r.tolist() == np.random.RandomState(7).standard_cauchy(3).tolist()
        True
        """
        return _cont(self, "standard_cauchy", size, [])

    def standard_t(self, df, size=None):
        """Student's t draws with ``df`` degrees of freedom.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).standard_t(3.0, 3)
        >>> r.tolist() == np.random.RandomState(7).standard_t(3.0, 3).tolist()
        True
        """
        return _cont(self, "standard_t", size, [(df, "df", POSITIVE)])

    def vonmises(self, mu, kappa, size=None):
        """von Mises draws on [-pi, pi] (the legacy algorithm).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).vonmises(0.5, 2.0, 3)
        >>> r.tolist() == np.random.RandomState(7).vonmises(0.5, 2.0, 3).tolist()
        True
        """
        return _cont(self, "vonmises", size,
                    [(mu, "mu", NONE), (kappa, "kappa", NON_NEGATIVE)])

    def pareto(self, a, size=None):
        """Pareto II (Lomax) draws with shape ``a``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).pareto(3.0, 3)
        >>> r.tolist() == np.random.RandomState(7).pareto(3.0, 3).tolist()
        True
        """
        return _cont(self, "pareto", size, [(a, "a", POSITIVE)])

    def weibull(self, a, size=None):
        """Weibull draws with shape ``a``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).weibull(3.0, 3)
        >>> r.tolist() == np.random.RandomState(7).weibull(3.0, 3).tolist()
        True
        """
        return _cont(self, "weibull", size, [(a, "a", NON_NEGATIVE)])

    def power(self, a, size=None):
        """Power-function draws on [0, 1] with exponent ``a - 1``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).power(3.0, 3)
        >>> r.tolist() == np.random.RandomState(7).power(3.0, 3).tolist()
        True
        """
        return _cont(self, "power", size, [(a, "a", POSITIVE)])

    def laplace(self, loc=0.0, scale=1.0, size=None):
        """Laplace (double exponential) draws.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).laplace(size=3)
        >>> r.tolist() == np.random.RandomState(7).laplace(size=3).tolist()
        True
        """
        return _cont(self, "laplace", size,
                    [(loc, "loc", NONE), (scale, "scale", NON_NEGATIVE)])

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        """Gumbel (extreme value type I) draws.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).gumbel(size=3)
        >>> r.tolist() == np.random.RandomState(7).gumbel(size=3).tolist()
        True
        """
        return _cont(self, "gumbel", size,
                    [(loc, "loc", NONE), (scale, "scale", NON_NEGATIVE)])

    def logistic(self, loc=0.0, scale=1.0, size=None):
        """Logistic draws.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).logistic(size=3)
        >>> r.tolist() == np.random.RandomState(7).logistic(size=3).tolist()
        True
        """
        return _cont(self, "logistic", size,
                    [(loc, "loc", NONE), (scale, "scale", NON_NEGATIVE)])

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        """Log-normal draws: ``exp(normal(mean, sigma))``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).lognormal(size=3)
        >>> r.tolist() == np.random.RandomState(7).lognormal(size=3).tolist()
        True
        """
        return _cont(self, "lognormal", size,
                    [(mean, "mean", NONE), (sigma, "sigma", NON_NEGATIVE)])

    def rayleigh(self, scale=1.0, size=None):
        """Rayleigh draws (the legacy formula).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).rayleigh(size=3)
        >>> r.tolist() == np.random.RandomState(7).rayleigh(size=3).tolist()
        True
        """
        return _cont(self, "rayleigh", size, [(scale, "scale", NON_NEGATIVE)])

    def wald(self, mean, scale, size=None):
        """Wald (inverse Gaussian) draws.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).wald(3.0, 2.0, 3)
        >>> r.tolist() == np.random.RandomState(7).wald(3.0, 2.0, 3).tolist()
        True
        """
        return _cont(self, "wald", size,
                    [(mean, "mean", POSITIVE), (scale, "scale", POSITIVE)])

    def triangular(self, left, mode, right, size=None):
        """Triangular draws on [left, right] peaking at ``mode``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).triangular(0, 1, 3, 4)
        >>> r.tolist() == np.random.RandomState(7).triangular(0, 1, 3, 4).tolist()
        True
        """
        params = triangular_params(left, mode, right)
        return _cont(self, "triangular", size, params)

    def uniform(self, low=0.0, high=1.0, size=None):
        """Floats uniform in [low, high): ``low + (high - low) * random_sample()`` (``high``
        may be below ``low``).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).uniform(-1, 2, 4)
        >>> r.tolist() == np.random.RandomState(7).uniform(-1, 2, 4).tolist()
        True
        """
        alow = as_param(low, F64)
        ahigh = as_param(high, F64)
        if alow.ndim == 0 and ahigh.ndim == 0:
            lo = as_double(low)
            rng = as_double(high) - lo
            if not math.isfinite(rng):
                raise OverflowError("Range exceeds valid bounds")
            params = [(lo, "", NONE), (rng, "", NONE)]
        else:
            arange = _core.subtract(ahigh, alow)
            if not _all(_core.isfinite(arange)):
                raise OverflowError("Range exceeds valid bounds")
            params = [(alow, "", NONE), (arange, "", NONE)]
        return _cont(self, "uniform", size, params)

    # ------------------------------------------------------------------ discrete

    def binomial(self, n, p, size=None):
        """Binomial draws (the legacy algorithm: inversion for small ``n*p``, else BTPE);
        int64, one Python int without ``size``.

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.RandomState(12345).binomial(10, 0.3, 5).tolist()
        [5, 2, 2, 2, 3]
        """
        return _disc(self, "binomial", size, [(p, "p", BOUNDED_0_1)],
                    [(n, "n", NON_NEGATIVE)])

    def negative_binomial(self, n, p, size=None):
        """Negative binomial draws (a Poisson of a legacy gamma); int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).negative_binomial(5, 0.5, 4)
        >>> r.tolist() == np.random.RandomState(7).negative_binomial(5, 0.5, 4).tolist()
        True
        """
        return _disc(self, "negative_binomial", size,
                    [(n, "n", POSITIVE), (p, "p", BOUNDED_0_1)], [])

    def poisson(self, lam=1.0, size=None):
        """Poisson draws (multiplication below 10, PTRS from 10 on); int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.RandomState(12345).poisson(3.0, 5).tolist()
        [3, 8, 1, 8, 5]
        """
        return _disc(self, "poisson", size, [(lam, "lam", POISSON)], [])

    def zipf(self, a, size=None):
        """Zipf draws with exponent ``a``; int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).zipf(2.0, 4)
        >>> r.tolist() == np.random.RandomState(7).zipf(2.0, 4).tolist()
        True
        """
        return _disc(self, "zipf", size, [(a, "a", GT_1)], [])

    def geometric(self, p, size=None):
        """Geometric draws: trials until the first success; int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).geometric(0.3, 4)
        >>> r.tolist() == np.random.RandomState(7).geometric(0.3, 4).tolist()
        True
        """
        return _disc(self, "geometric", size, [(p, "p", BOUNDED_GT_0_1)], [])

    def logseries(self, p, size=None):
        """Logarithmic series draws; int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).logseries(0.9, 4)
        >>> r.tolist() == np.random.RandomState(7).logseries(0.9, 4).tolist()
        True
        """
        return _disc(self, "logseries", size, [(p, "p", BOUNDED_LT_0_1)], [])

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        """Hypergeometric draws: good items among ``nsample`` drawn without replacement from
        ``ngood`` good and ``nbad`` bad ones (the legacy algorithms); int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(7).hypergeometric(20, 30, 15, 4)
        >>> r.tolist() == np.random.RandomState(7).hypergeometric(20, 30, 15, 4).tolist()
        True
        """
        og, ob, os_ = (as_param(v, I64) for v in (ngood, nbad, nsample))
        if og.ndim == ob.ndim == os_.ndim == 0:
            g, b, s = as_int64(ngood), as_int64(nbad), as_int64(nsample)
            if _wrap64(g + b) < s:
                raise ValueError("ngood + nbad < nsample")
            check_scalar(float(g), "ngood", NON_NEGATIVE)
            check_scalar(float(b), "nbad", NON_NEGATIVE)
            _check_gte_1(float(s), "nsample")
            params = [(g, "", NONE), (b, "", NONE), (s, "", NONE)]
        else:
            if _any(_core.less(_core.add(og, ob), os_)):
                raise ValueError("ngood + nbad < nsample")
            check_array(og, "ngood", NON_NEGATIVE)
            check_array(ob, "nbad", NON_NEGATIVE)
            _check_gte_1(os_, "nsample")
            params = [(og, "", NONE), (ob, "", NONE), (os_, "", NONE)]
        return _disc(self, "hypergeometric", size, [], params)

    # ------------------------------------------------------------------ vectors

    def multinomial(self, n, pvals, size=None):
        """Multinomial draws: counts of ``n`` trials over the categories of the 1-d
        ``pvals``, by successive binomials; int64 of shape ``size + (len(pvals),)``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(1).multinomial(20, [0.2, 0.3, 0.5], 2)
        >>> r.tolist() == np.random.RandomState(1).multinomial(20, [0.2, 0.3, 0.5], 2).tolist()
        True
        """
        ni = as_int64(n)
        parr = _one_d(pvals, 0)
        if parr.ndim == 0:
            raise TypeError("pvals must be a 1-d sequence")
        d = parr.size
        check_array(parr, "pvals", BOUNDED_0_1)
        if d and kahan_sum(parr.tolist()[:d - 1]) > 1.0 + 1e-12:
            dt = getattr(pvals, "dtype", None)
            if (isinstance(pvals, _core.ndarray) or type(pvals).__name__ == "ndarray") and \
                    _core.dtype(dt).kind == "f" and _core.dtype(dt) != F64 and \
                    float(pvals.sum()) < 1.0001:
                msg = ("sum(pvals[:-1].astype(np.float64)) > 1.0. The pvals array is cast to "
                       "64-bit floating point prior to checking the sum. Precision changes "
                       "when casting may cause problems even if the sum of the original pvals "
                       "is valid.")
            else:
                msg = "sum(pvals[:-1]) > 1.0"
            raise ValueError(msg)
        if size is None:
            shape = (d,)
        else:
            try:
                shape = (operator.index(size), d)
            except TypeError:
                shape = tuple(size) + (d,)
        out = _core.zeros(shape, dtype=I64)
        check_scalar(float(ni), "n", NON_NEGATIVE)
        if d == 0 or out.size == 0:
            return out
        with self._lock:
            self._bit_generator._core.fill_vectors(
                "multinomial", out, d, _core.asanyarray([ni], dtype=I64), parr, 0)
        return out

    def dirichlet(self, alpha, size=None):
        """Dirichlet draws of concentration ``alpha`` (a 1-d sequence of positive numbers):
        legacy gammas, normalised; shape ``size + (len(alpha),)``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.RandomState(1).dirichlet([1.0, 2.0, 3.0], 2)
        >>> r.tolist() == np.random.RandomState(1).dirichlet([1.0, 2.0, 3.0], 2).tolist()
        True
        """
        k = len(alpha)
        arr = _one_d(alpha, 1)
        if _any(_core.less_equal(arr, 0)):
            raise ValueError("alpha <= 0")
        if size is None:
            shape = (k,)
        else:
            try:
                shape = (operator.index(size), k)
            except TypeError:
                shape = tuple(size) + (k,)
        out = _core.zeros(shape, dtype=F64)
        if k == 0 or out.size == 0:
            return out
        with self._lock:
            self._gauss_state = list(self._bit_generator._core.fill_legacy(
                "dirichlet", out, [arr], [], *self._gauss_state))
        return out

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8):
        """Multivariate normal draws of mean ``mean`` (1-d, length N) and covariance ``cov``
        (N x N): legacy standard normals times ``sqrt(s)[:, None] * v`` from ``svd(cov)``,
        numpy's steps; shape ``size + (N,)``. ``check_valid`` ('warn', 'raise' or 'ignore')
        says what to do when ``cov`` is not positive-semidefinite within ``tol``. The factor
        is LAPACK's to rounding, signs included up to N = 25.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> mean, cov = [1.0, 2.0], [[4.0, 0.0], [0.0, 9.0]]
        >>> r = rp.random.RandomState(1).multivariate_normal(mean, cov, 3)
        >>> r.shape
        (3, 2)
        >>> n = np.random.RandomState(1).multivariate_normal(mean, cov, 3)
        >>> bool(np.allclose(r.tolist(), n, rtol=1e-12, atol=1e-12))
        True
        """
        rp = _rp()
        mean, cov, final_shape = _mvn_arguments(rp, mean, cov, size, False)
        # the standard normals first, one row of len(mean) per sample
        x = self.standard_normal(final_shape).reshape(-1, mean.shape[0])
        # float64 so that tol means something (GH10839)
        cov = cov.astype(F64)
        _u, s, v = rp.linalg.svd(cov)
        if check_valid != "ignore":
            if check_valid != "warn" and check_valid != "raise":
                raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
            psd = rp.allclose(rp.dot(v.T * s, v), cov, rtol=tol, atol=tol)
            if not psd:
                if check_valid == "warn":
                    warnings.warn("covariance is not symmetric positive-semidefinite.",
                                  RuntimeWarning, stacklevel=2)
                else:
                    raise ValueError("covariance is not symmetric positive-semidefinite.")
        x = rp.dot(x, rp.sqrt(s)[:, None] * v)
        x += mean
        x.shape = tuple(final_shape)
        return x


def _mt19937_for_legacy_seed():
    """An MT19937 about to be seeded by ``_legacy_seeding`` (which overwrites the whole key
    and the position), without drawing fresh entropy first as ``MT19937()`` would."""
    bg = MT19937.__new__(MT19937)
    bg.lock = threading.Lock()
    bg._seed_seq = None
    bg._core = _core._MT19937State([0] * 624)
    return bg


# ---------------------------------------------------------------------------
# the module-level functions: one global RandomState (numpy's ``mtrand._rand``)
# ---------------------------------------------------------------------------

_rand = RandomState()

beta = _rand.beta
binomial = _rand.binomial
bytes = _rand.bytes
chisquare = _rand.chisquare
choice = _rand.choice
dirichlet = _rand.dirichlet
exponential = _rand.exponential
f = _rand.f
gamma = _rand.gamma
get_state = _rand.get_state
geometric = _rand.geometric
gumbel = _rand.gumbel
hypergeometric = _rand.hypergeometric
laplace = _rand.laplace
logistic = _rand.logistic
lognormal = _rand.lognormal
logseries = _rand.logseries
multinomial = _rand.multinomial
multivariate_normal = _rand.multivariate_normal
negative_binomial = _rand.negative_binomial
noncentral_chisquare = _rand.noncentral_chisquare
noncentral_f = _rand.noncentral_f
normal = _rand.normal
pareto = _rand.pareto
permutation = _rand.permutation
poisson = _rand.poisson
power = _rand.power
rand = _rand.rand
randint = _rand.randint
randn = _rand.randn
random = _rand.random
random_integers = _rand.random_integers
random_sample = _rand.random_sample
rayleigh = _rand.rayleigh
set_state = _rand.set_state
shuffle = _rand.shuffle
standard_cauchy = _rand.standard_cauchy
standard_exponential = _rand.standard_exponential
standard_gamma = _rand.standard_gamma
standard_normal = _rand.standard_normal
standard_t = _rand.standard_t
triangular = _rand.triangular
uniform = _rand.uniform
vonmises = _rand.vonmises
wald = _rand.wald
weibull = _rand.weibull
zipf = _rand.zipf


def seed(seed=None):
    """Re-seed the global RandomState (numpy's legacy seeding for MT19937; another bit
    generator gets the state of a new one seeded with ``seed``).

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.seed(10); np.random.seed(10)
    >>> rp.random.rand(3).tolist() == np.random.rand(3).tolist()
    True
    """
    bg = _rand._bit_generator
    if isinstance(bg, MT19937):
        return _rand.seed(seed)
    bg.state = type(bg)(seed).state
    return None


def get_bit_generator():
    """The bit generator of the global RandomState.

    Examples
    --------
    >>> import rumpy as rp
    >>> type(rp.random.get_bit_generator()).__name__
    'MT19937'
    """
    return _rand._bit_generator


def set_bit_generator(bitgen):
    """Make the global RandomState draw from ``bitgen`` (its cached Gaussian forgotten).

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> old = rp.random.get_bit_generator()
    >>> rp.random.set_bit_generator(rp.random.PCG64(5))
    >>> np_old = np.random.get_bit_generator()
    >>> np.random.set_bit_generator(np.random.PCG64(5))
    >>> rp.random.random_sample() == np.random.random_sample()
    True
    >>> rp.random.set_bit_generator(old); np.random.set_bit_generator(np_old)
    """
    _rand._initialize_bit_generator(bitgen)


def sample(*args, **kwargs):
    """Floats uniform in [0, 1): the global RandomState's ``random_sample``.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.seed(2); np.random.seed(2)
    >>> rp.random.sample(3).tolist() == np.random.sample(3).tolist()
    True
    """
    return _rand.random_sample(*args, **kwargs)


def ranf(*args, **kwargs):
    """Floats uniform in [0, 1): the global RandomState's ``random_sample``.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.seed(2); np.random.seed(2)
    >>> rp.random.ranf(3).tolist() == np.random.ranf(3).tolist()
    True
    """
    return _rand.random_sample(*args, **kwargs)
