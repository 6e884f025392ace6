"""The distribution methods of :class:`Generator` (numpy's ``_generator.pyx``), each drawing
with numpy's algorithm in the core, so that a seed gives numpy's numbers bit for bit. The
parameter checks (and their messages) run before any draw, as numpy's."""

import math
import numbers
import operator

from .. import _core
from .._shape import broadcast_shapes, broadcast_to
from ._common import (BOUNDED_0_1, BOUNDED_GT_0_1, BOUNDED_LT_0_1, F32, F64, GT_1, I64, NONE,
                      NON_NEGATIVE, POISSON, POISSON_LAM_MAX, POSITIVE, POSITIVE_NOT_NAN,
                      _all, _any, as_double, as_int64, as_param, check_array, check_scalar, cont,
                      disc, kahan_sum, triangular_params)

_HYPERGEOM_MAX = 10**9


def _float_dtype(dtype, method):
    dt = _core.dtype(dtype)
    if dt != F64 and dt != F32:
        raise TypeError(f"Unsupported dtype {dt!r} for {method}")
    return dt


class Distributions:
    """numpy's distributions, for :class:`Generator` (which provides ``_bit_generator``)."""

    def standard_normal(self, size=None, dtype=F64, out=None):
        """Standard normal draws (numpy's ziggurat), float64 or float32.

        Parameters
        ----------
        size : int or tuple of ints, optional
            Output shape; one Python float when neither ``size`` nor ``out`` is given.
        dtype : {float64, float32}, optional
        out : ndarray, optional
            A C- or F-contiguous array of ``dtype`` to fill in memory order.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).standard_normal(4)
        >>> r.tolist() == np.random.default_rng(1).standard_normal(4).tolist()
        True
        """
        dt = _float_dtype(dtype, "standard_normal")
        return cont(self._bit_generator, "standard_normal", size, [], out=out, dtype=dt)

    def standard_exponential(self, size=None, dtype=F64, method="zig", out=None):
        """Standard exponential draws: numpy's ziggurat (``method='zig'``) or the inverse of
        the distribution function (``'inv'``), float64 or float32.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).standard_exponential(4, method="inv")
        >>> r.tolist() == np.random.default_rng(1).standard_exponential(4, method="inv").tolist()
        True
        """
        dt = _float_dtype(dtype, "standard_exponential")
        name = "standard_exponential" if method == "zig" else "standard_exponential_inv"
        return cont(self._bit_generator, name, size, [], out=out, dtype=dt)

    def standard_gamma(self, shape, size=None, dtype=F64, out=None):
        """Standard gamma draws with ``shape`` (Marsaglia and Tsang's method above 1), float64
        or float32 (computed in float32, as numpy's).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).standard_gamma(0.5, 4)
        >>> r.tolist() == np.random.default_rng(1).standard_gamma(0.5, 4).tolist()
        True
        """
        dt = _float_dtype(dtype, "standard_gamma")
        return cont(self._bit_generator, "standard_gamma", size,
                    [(shape, "shape", NON_NEGATIVE)], out=out, dtype=dt)

    def uniform(self, low=0.0, high=1.0, size=None):
        """Floats uniform in [low, high): ``low + (high - low) * random()``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).uniform(-1, 2, 4)
        >>> r.tolist() == np.random.default_rng(1).uniform(-1, 2, 4).tolist()
        True
        """
        alow = as_param(low, F64)
        ahigh = as_param(high, F64)
        if alow.ndim == 0 and ahigh.ndim == 0:
            lo = as_double(low)
            rng = as_double(high) - lo
            if rng != rng or rng in (float("inf"), float("-inf")):
                raise OverflowError("high - low range exceeds valid bounds")
            return cont(self._bit_generator, "uniform", size,
                        [(lo, "", NONE), (rng, "high - low", NON_NEGATIVE)])
        arange = _core.subtract(ahigh, alow)
        if not _all(_core.isfinite(arange)):
            raise OverflowError("Range exceeds valid bounds")
        return cont(self._bit_generator, "uniform", size,
                    [(alow, "", NONE), (arange, "high - low", NON_NEGATIVE)])

    def triangular(self, left, mode, right, size=None):
        """Triangular distribution on [left, right] peaking at ``mode``.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).triangular(0, 1, 3, 4)
        >>> r.tolist() == np.random.default_rng(1).triangular(0, 1, 3, 4).tolist()
        True
        """
        return cont(self._bit_generator, "triangular", size,
                    triangular_params(left, mode, right))

    def binomial(self, n, p, size=None):
        """Binomial draws: successes in ``n`` trials of probability ``p`` (inversion for
        small ``n*p``, BTPE otherwise), int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).binomial(100, 0.3, 4)
        >>> r.tolist() == np.random.default_rng(1).binomial(100, 0.3, 4).tolist()
        True
        """
        return disc(self._bit_generator, "binomial", size, [(p, "p", BOUNDED_0_1)],
                    [(n, "n", NON_NEGATIVE)])

    def negative_binomial(self, n, p, size=None):
        """Negative binomial draws: failures before ``n`` successes of probability ``p``
        (a Poisson of a gamma), int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).negative_binomial(5, 0.5, 4)
        >>> r.tolist() == np.random.default_rng(1).negative_binomial(5, 0.5, 4).tolist()
        True
        """
        n_arr = as_param(n, F64)
        p_arr = as_param(p, F64)
        if n_arr.ndim or p_arr.ndim:
            check_array(n_arr, "n", POSITIVE_NOT_NAN)
            check_array(p_arr, "p", BOUNDED_GT_0_1)
            max_lam = _core.multiply(_core.divide(_core.subtract(1, p_arr), p_arr),
                                     _core.add(n_arr, _core.multiply(10, _core.sqrt(n_arr))))
            if _any(_core.greater(max_lam, POISSON_LAM_MAX)):
                raise ValueError("n too large or p too small, see Generator.negative_binomial "
                                 "Notes")
        else:
            dn, dp = float(n_arr), float(p_arr)
            check_scalar(dn, "n", POSITIVE_NOT_NAN)
            check_scalar(dp, "p", BOUNDED_GT_0_1)
            max_lam = (1 - dp) / dp * (dn + 10 * math.sqrt(dn))
            if max_lam > POISSON_LAM_MAX:
                raise ValueError("n too large or p too small, see Generator.negative_binomial "
                                 "Notes")
        return disc(self._bit_generator, "negative_binomial", size,
                    [(n_arr, "n", NONE), (p_arr, "p", NONE)], [])

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        """Hypergeometric draws: good items among ``nsample`` drawn without replacement from
        ``ngood`` good and ``nbad`` bad ones (Stadlober's ratio of uniforms for larger
        samples), int64.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).hypergeometric(20, 30, 15, 4)
        >>> r.tolist() == np.random.default_rng(1).hypergeometric(20, 30, 15, 4).tolist()
        True
        """
        og, ob, os_ = (as_param(v, I64) for v in (ngood, nbad, nsample))
        if og.ndim == ob.ndim == os_.ndim == 0:
            g, b, s = as_int64(ngood), as_int64(nbad), as_int64(nsample)
            if g >= _HYPERGEOM_MAX or b >= _HYPERGEOM_MAX:
                raise ValueError(f"both ngood and nbad must be less than {_HYPERGEOM_MAX}")
            if g + b < s:
                raise ValueError("ngood + nbad < nsample")
            return disc(self._bit_generator, "hypergeometric", size, [],
                        [(g, "ngood", NON_NEGATIVE), (b, "nbad", NON_NEGATIVE),
                         (s, "nsample", NON_NEGATIVE)])
        if _any(_core.greater_equal(og, _HYPERGEOM_MAX)) or \
                _any(_core.greater_equal(ob, _HYPERGEOM_MAX)):
            raise ValueError(f"both ngood and nbad must be less than {_HYPERGEOM_MAX}")
        if _any(_core.less(_core.add(og, ob), os_)):
            raise ValueError("ngood + nbad < nsample")
        return disc(self._bit_generator, "hypergeometric", size, [],
                    [(og, "ngood", NON_NEGATIVE), (ob, "nbad", NON_NEGATIVE),
                     (os_, "nsample", NON_NEGATIVE)])

    def exponential(self, scale=1.0, size=None):
        """Exponential distribution with ``scale`` (1/rate).

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).exponential(size=3)
        >>> r.tolist() == np.random.default_rng(7).exponential(size=3).tolist()
        True
        """
        return cont(self._bit_generator, "exponential", size, [(scale, "scale", NON_NEGATIVE)])

    def normal(self, loc=0.0, scale=1.0, size=None):
        """Normal (Gaussian) distribution: ``loc + scale * standard_normal``.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).normal(size=3)
        >>> r.tolist() == np.random.default_rng(7).normal(size=3).tolist()
        True
        """
        return cont(self._bit_generator, "normal", size,
                    [(loc, "loc", NONE), (scale, "scale", NON_NEGATIVE)])

    def gamma(self, shape, scale=1.0, size=None):
        """Gamma distribution: ``scale * standard_gamma(shape)``.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).gamma(1.5, size=3)
        >>> r.tolist() == np.random.default_rng(7).gamma(1.5, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "gamma", size,
                    [(shape, "shape", NON_NEGATIVE), (scale, "scale", NON_NEGATIVE)])

    def beta(self, a, b, size=None):
        """Beta distribution (Johnk's algorithm when ``a`` and ``b`` are at most 1, else two
        gammas).

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).beta(2.0, 1.5, size=3)
        >>> r.tolist() == np.random.default_rng(7).beta(2.0, 1.5, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "beta", size, [(a, "a", POSITIVE), (b, "b", POSITIVE)])

    def chisquare(self, df, size=None):
        """Chi-square distribution with ``df`` degrees of freedom.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).chisquare(2.0, size=3)
        >>> r.tolist() == np.random.default_rng(7).chisquare(2.0, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "chisquare", size, [(df, "df", POSITIVE)])

    def f(self, dfnum, dfden, size=None):
        """F (Fisher-Snedecor) distribution.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).f(2.0, 2.0, size=3)
        >>> r.tolist() == np.random.default_rng(7).f(2.0, 2.0, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "f", size,
                    [(dfnum, "dfnum", POSITIVE), (dfden, "dfden", POSITIVE)])

    def noncentral_chisquare(self, df, nonc, size=None):
        """Noncentral chi-square distribution.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).noncentral_chisquare(2.0, 1.5, size=3)
        >>> r.tolist() == np.random.default_rng(7).noncentral_chisquare(2.0, 1.5, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "noncentral_chisquare", size,
                    [(df, "df", POSITIVE), (nonc, "nonc", NON_NEGATIVE)])

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        """Noncentral F distribution.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).noncentral_f(2.0, 2.0, 1.5, size=3)
        >>> r.tolist() == np.random.default_rng(7).noncentral_f(2.0, 2.0, 1.5, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "noncentral_f", size,
                    [(dfnum, "dfnum", POSITIVE), (dfden, "dfden", POSITIVE),
                     (nonc, "nonc", NON_NEGATIVE)])

    def standard_cauchy(self, size=None):
        """Standard Cauchy distribution (the ratio of two standard normals).

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).standard_cauchy(size=3)
        >>> r.tolist() == np.random.default_rng(7).standard_cauchy(size=3).tolist()
        True
        """
        return cont(self._bit_generator, "standard_cauchy", size, [])

    def standard_t(self, df, size=None):
        """Student's t distribution with ``df`` degrees of freedom.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).standard_t(2.0, size=3)
        >>> r.tolist() == np.random.default_rng(7).standard_t(2.0, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "standard_t", size, [(df, "df", POSITIVE)])

    def vonmises(self, mu, kappa, size=None):
        """von Mises distribution on [-pi, pi].

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).vonmises(1.5, 1.5, size=3)
        >>> r.tolist() == np.random.default_rng(7).vonmises(1.5, 1.5, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "vonmises", size,
                    [(mu, "mu", NONE), (kappa, "kappa", NON_NEGATIVE)])

    def pareto(self, a, size=None):
        """Pareto II (Lomax) distribution with shape ``a``.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).pareto(2.0, size=3)
        >>> r.tolist() == np.random.default_rng(7).pareto(2.0, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "pareto", size, [(a, "a", POSITIVE)])

    def weibull(self, a, size=None):
        """Weibull distribution with shape ``a``.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).weibull(2.0, size=3)
        >>> r.tolist() == np.random.default_rng(7).weibull(2.0, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "weibull", size, [(a, "a", NON_NEGATIVE)])

    def power(self, a, size=None):
        """Power distribution on [0, 1] with exponent ``a - 1``.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).power(2.0, size=3)
        >>> r.tolist() == np.random.default_rng(7).power(2.0, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "power", size, [(a, "a", POSITIVE)])

    def laplace(self, loc=0.0, scale=1.0, size=None):
        """Laplace (double exponential) distribution.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).laplace(size=3)
        >>> r.tolist() == np.random.default_rng(7).laplace(size=3).tolist()
        True
        """
        return cont(self._bit_generator, "laplace", size,
                    [(loc, "loc", NONE), (scale, "scale", NON_NEGATIVE)])

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        """Gumbel (extreme value type I) distribution.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).gumbel(size=3)
        >>> r.tolist() == np.random.default_rng(7).gumbel(size=3).tolist()
        True
        """
        return cont(self._bit_generator, "gumbel", size,
                    [(loc, "loc", NONE), (scale, "scale", NON_NEGATIVE)])

    def logistic(self, loc=0.0, scale=1.0, size=None):
        """Logistic distribution.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).logistic(size=3)
        >>> r.tolist() == np.random.default_rng(7).logistic(size=3).tolist()
        True
        """
        return cont(self._bit_generator, "logistic", size,
                    [(loc, "loc", NONE), (scale, "scale", NON_NEGATIVE)])

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        """Log-normal distribution: ``exp(normal(mean, sigma))``.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).lognormal(size=3)
        >>> r.tolist() == np.random.default_rng(7).lognormal(size=3).tolist()
        True
        """
        return cont(self._bit_generator, "lognormal", size,
                    [(mean, "mean", NONE), (sigma, "sigma", NON_NEGATIVE)])

    def rayleigh(self, scale=1.0, size=None):
        """Rayleigh distribution.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).rayleigh(size=3)
        >>> r.tolist() == np.random.default_rng(7).rayleigh(size=3).tolist()
        True
        """
        return cont(self._bit_generator, "rayleigh", size, [(scale, "scale", NON_NEGATIVE)])

    def wald(self, mean, scale, size=None):
        """Wald (inverse Gaussian) distribution.

        Parameters are floats or arrays of floats, broadcast together (and against ``size``
        when given); one Python float is returned for scalar parameters without ``size``.
        numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).wald(1.5, 1.5, size=3)
        >>> r.tolist() == np.random.default_rng(7).wald(1.5, 1.5, size=3).tolist()
        True
        """
        return cont(self._bit_generator, "wald", size,
                    [(mean, "mean", POSITIVE), (scale, "scale", POSITIVE)])

    def poisson(self, lam=1.0, size=None):
        """Poisson distribution (multiplication below 10, Hormann's PTRS from 10 on).

        Parameters broadcast as numpy's; int64 results (one Python int for scalar
        parameters without ``size``). numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).poisson(size=3)
        >>> r.tolist() == np.random.default_rng(7).poisson(size=3).tolist()
        True
        """
        return disc(self._bit_generator, "poisson", size, [(lam, "lam", POISSON)], [])

    def zipf(self, a, size=None):
        """Zipf distribution with exponent ``a``.

        Parameters broadcast as numpy's; int64 results (one Python int for scalar
        parameters without ``size``). numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).zipf(2.0, size=3)
        >>> r.tolist() == np.random.default_rng(7).zipf(2.0, size=3).tolist()
        True
        """
        return disc(self._bit_generator, "zipf", size, [(a, "a", GT_1)], [])

    def geometric(self, p, size=None):
        """Geometric distribution: trials until the first success.

        Parameters broadcast as numpy's; int64 results (one Python int for scalar
        parameters without ``size``). numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).geometric(0.5, size=3)
        >>> r.tolist() == np.random.default_rng(7).geometric(0.5, size=3).tolist()
        True
        """
        return disc(self._bit_generator, "geometric", size, [(p, "p", BOUNDED_GT_0_1)], [])

    def logseries(self, p, size=None):
        """Logarithmic series distribution.

        Parameters broadcast as numpy's; int64 results (one Python int for scalar
        parameters without ``size``). numpy's algorithm, bit for bit.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(7).logseries(0.5, size=3)
        >>> r.tolist() == np.random.default_rng(7).logseries(0.5, size=3).tolist()
        True
        """
        return disc(self._bit_generator, "logseries", size, [(p, "p", BOUNDED_LT_0_1)], [])

    def multinomial(self, n, pvals, size=None):
        """Multinomial draws: counts of ``n`` trials over the categories of ``pvals`` (the
        last axis), by successive binomials; ``n`` and the leading axes of ``pvals``
        broadcast.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).multinomial(20, [0.2, 0.3, 0.5], 2)
        >>> r.tolist() == np.random.default_rng(1).multinomial(20, [0.2, 0.3, 0.5], 2).tolist()
        True
        """
        on = as_param(n, I64)
        parr = as_param(pvals, F64)
        ndim = parr.ndim
        d = parr.shape[-1] if ndim >= 1 else 0
        if d == 0:
            raise ValueError("pvals must have at least 1 dimension and the last dimension of "
                             "pvals must be greater than 0.")
        check_array(parr, "pvals", BOUNDED_0_1)
        rows = parr.reshape(-1, d)[:, :d - 1].tolist()
        for row in rows:
            if kahan_sum(row) > 1.0 + 1e-12:
                slice_repr = "[:-1]" if ndim == 1 else "[...,:-1]"
                dt = getattr(pvals, "dtype", None)
                if dt is not None and hasattr(pvals, "sum") and _core.dtype(dt).kind == "f" \
                        and _core.dtype(dt) != F64 and float(pvals.sum()) < 1.0001:
                    msg = (f"sum(pvals{slice_repr}.astype(np.float64)) > 1.0. The pvals array "
                           "is cast to 64-bit floating point prior to checking the sum. "
                           "Precision changes when casting may cause problems even if the sum "
                           "of the original pvals is valid.")
                else:
                    msg = f"sum(pvals{slice_repr}) > 1.0"
                raise ValueError(msg)
        bg = self._bit_generator
        if on.ndim != 0 or ndim > 1:
            check_array(on, "n", NON_NEGATIVE)
            lead = tuple(parr.shape[:-1])
            if size is None:
                shape = broadcast_shapes(on.shape, lead)
            else:
                try:
                    want = (operator.index(size),)
                except TypeError:
                    want = tuple(size)
                shape = broadcast_shapes(on.shape, lead, want)
                if shape != want:
                    raise ValueError(f"Output size {want} is not compatible with broadcast "
                                     f"dimensions of inputs {shape}.")
            out = _core.zeros(shape + (d,), dtype=I64)
            nflat = _core.ascontiguousarray(broadcast_to(on, shape)).reshape(-1)
            if ndim == 1:
                pflat = _core.ascontiguousarray(parr)
            else:
                pflat = _core.ascontiguousarray(broadcast_to(parr, shape + (d,))).reshape(-1)
            with bg.lock:
                bg._core.fill_vectors("multinomial", out, d, nflat, pflat, 0)
            return out
        shape = (d,) if size is None else _with_last(size, d)
        out = _core.zeros(shape, dtype=I64)
        ni = as_int64(n)
        check_scalar(float(ni), "n", NON_NEGATIVE)
        with bg.lock:
            bg._core.fill_vectors("multinomial", out, d, _core.asanyarray([ni], dtype=I64),
                                  _core.ascontiguousarray(parr).reshape(-1), 0)
        return out

    def dirichlet(self, alpha, size=None):
        """Dirichlet draws of concentration ``alpha`` (a 1-d sequence): normalised gammas, or
        stick breaking with betas when every alpha is below 0.1.

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).dirichlet([1.0, 2.0, 3.0], 2)
        >>> r.tolist() == np.random.default_rng(1).dirichlet([1.0, 2.0, 3.0], 2).tolist()
        True
        """
        k = len(alpha)
        arr = as_param(alpha, F64)
        if arr.ndim != 1:
            raise ValueError("object too deep for desired array" if arr.ndim > 1 else
                             "object of too small depth for desired array")
        if _any(_core.less(arr, 0)):
            raise ValueError("alpha < 0")
        shape = (k,) if size is None else _with_last(size, k)
        out = _core.zeros(shape, dtype=F64)
        bg = self._bit_generator
        with bg.lock:
            bg._core.fill_vectors("dirichlet", out, k, _core.zeros(1, dtype=I64),
                                  _core.ascontiguousarray(arr), 0)
        return out

    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        """Multivariate hypergeometric draws: how many of each colour among ``nsample`` items
        drawn without replacement from ``colors[i]`` items of colour i (``method='count'``:
        a partial shuffle of the items; ``'marginals'``: successive hypergeometrics).

        Examples
        --------
        >>> import rumpy as rp
        >>> import numpy as np
        >>> r = rp.random.default_rng(1).multivariate_hypergeometric([4, 5, 6], 7, 2)
        >>> r.tolist() == np.random.default_rng(1).multivariate_hypergeometric(
        ...     [4, 5, 6], 7, 2).tolist()
        True
        """
        int64_max = 2**63 - 1
        if method not in ("count", "marginals"):
            raise ValueError('method must be "count" or "marginals".')
        try:
            operator.index(nsample)
        except TypeError:
            raise ValueError("nsample must be an integer") from None
        if nsample < 0:
            raise ValueError("nsample must be nonnegative.")
        if nsample > int64_max:
            raise ValueError(f"nsample must not exceed {int64_max}")
        nsamp = operator.index(nsample)
        invalid = False
        try:
            try:
                arr = _core.asanyarray(colors)
            except OverflowError:
                arr = _core.asanyarray(colors, dtype=object)
            if arr.ndim != 1:
                invalid = True
            elif arr.size > 0 and arr.dtype.kind not in "iu":
                invalid = True
            elif _any(_core.logical_or(_core.less(arr, 0),
                                                 _core.greater(arr, int64_max))):
                invalid = True
        except ValueError:
            invalid = True
        if invalid:
            raise ValueError("colors must be a one-dimensional sequence of nonnegative "
                             f"integers not exceeding {int64_max}.")
        arr = _core.ascontiguousarray(arr, dtype=I64)
        num_colors = arr.size
        total = 0
        for c in arr.tolist():
            total += c
            if total > int64_max:
                raise ValueError("sum(colors) must not exceed the maximum value of a 64 bit "
                                 f"signed integer ({int64_max})")
        if method == "marginals" and total >= 1000000000:
            raise ValueError('When method is "marginals", sum(colors) must be less than '
                             '1000000000.')
        max_index = int64_max // 8
        if method == "count" and total > max_index:
            raise ValueError(f"When method is 'count', sum(colors) must not exceed {max_index}")
        if nsamp > total:
            raise ValueError("nsample > sum(colors)")
        if size is None:
            shape = (num_colors,)
        elif _isscalar(size):
            shape = (size, num_colors)
        else:
            shape = tuple(size) + (num_colors,)
        out = _core.zeros(shape, dtype=I64)
        if num_colors == 0:
            return out
        bg = self._bit_generator
        with bg.lock:
            bg._core.fill_vectors("mvhg_" + method, out, num_colors, arr,
                                  _core.zeros(1, dtype=F64), nsamp)
        return out


def _with_last(size, k):
    """``size`` (an int or a sequence) with ``k`` appended, as numpy's vector samplers."""
    try:
        return (operator.index(size), k)
    except TypeError:
        return tuple(size) + (k,)


def _isscalar(x):
    """numpy's ``isscalar``: a Python number or string, or a numpy or rumpy scalar."""
    if isinstance(x, (numbers.Number, str, bytes)):
        return True
    return getattr(x, "shape", None) == () and not isinstance(x, _core.ndarray) and \
        not hasattr(x, "__array_interface__")
