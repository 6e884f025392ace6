"""The distribution methods of :class:`Generator` (numpy's ``_generator.pyx``), each drawing
with numpy's algorithm in the core, so that a seed gives numpy's numbers bit for bit. The
parameter checks (and their messages) run before any draw, as numpy's."""

from .. import _core
from ._common import (BOUNDED_0_1, BOUNDED_GT_0_1, BOUNDED_LT_0_1, F32, F64, GT_1, I64, NONE,
                      NON_NEGATIVE, POISSON, POISSON_LAM_MAX, POSITIVE, POSITIVE_NOT_NAN,
                      as_double, as_int64, as_param, check_array, check_scalar, cont, disc, fill)

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
        return fill(self._bit_generator, "standard_normal", size, out, dt)

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
        return fill(self._bit_generator, name, size, out, dt)

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
        if not bool(_core.all(_core.isfinite(arange))):
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
        ol, om, orr = (as_param(v, F64) for v in (left, mode, right))
        if ol.ndim == om.ndim == orr.ndim == 0:
            fl, fr, fm = as_double(left), as_double(right), as_double(mode)
            if fl > fm:
                raise ValueError("left > mode")
            if fm > fr:
                raise ValueError("mode > right")
            if fl == fr:
                raise ValueError("left == right")
            return cont(self._bit_generator, "triangular", size,
                        [(fl, "", NONE), (fm, "", NONE), (fr, "", NONE)])
        if bool(_core.any(_core.greater(ol, om))):
            raise ValueError("left > mode")
        if bool(_core.any(_core.greater(om, orr))):
            raise ValueError("mode > right")
        if bool(_core.any(_core.equal(ol, orr))):
            raise ValueError("left == right")
        return cont(self._bit_generator, "triangular", size,
                    [(ol, "", NONE), (om, "", NONE), (orr, "", NONE)])

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
            with _core.errstate(all="ignore"):
                max_lam = _core.multiply(_core.divide(_core.subtract(1, p_arr), p_arr),
                                         _core.add(n_arr, _core.multiply(10, _core.sqrt(n_arr))))
            if bool(_core.any(_core.greater(max_lam, POISSON_LAM_MAX))):
                raise ValueError("n too large or p too small, see Generator.negative_binomial "
                                 "Notes")
        else:
            dn, dp = float(n_arr), float(p_arr)
            check_scalar(dn, "n", POSITIVE_NOT_NAN)
            check_scalar(dp, "p", BOUNDED_GT_0_1)
            with _core.errstate(all="ignore"):
                max_lam = float((1 - _core.float64(dp)) / dp * (dn + 10 * _core.sqrt(dn)))
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
        if bool(_core.any(_core.greater_equal(og, _HYPERGEOM_MAX))) or \
                bool(_core.any(_core.greater_equal(ob, _HYPERGEOM_MAX))):
            raise ValueError(f"both ngood and nbad must be less than {_HYPERGEOM_MAX}")
        if bool(_core.any(_core.less(_core.add(og, ob), os_))):
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
