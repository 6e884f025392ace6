"""Random numbers (numpy's ``numpy.random``), bit for bit: a seed gives numpy's numbers.

The bit generators :class:`PCG64`, :class:`PCG64DXSM`, :class:`MT19937`, :class:`Philox` and
:class:`SFC64`, :class:`SeedSequence`, :class:`Generator` and :func:`default_rng`, the legacy
:class:`RandomState` and the module-level functions drawing from one global RandomState (see
plans/random.md for what is implemented). The generators keep their state in the core and fill
arrays there.
"""

from ._bit_generator import MT19937, PCG64, PCG64DXSM, SFC64, BitGenerator, Philox
from ._generator import Generator, default_rng
from ._legacy import (RandomState, beta, binomial, bytes, chisquare, choice, dirichlet,
                      exponential, f, gamma, geometric, get_bit_generator, get_state, gumbel,
                      hypergeometric, laplace, logistic, lognormal, logseries, multinomial,
                      multivariate_normal, negative_binomial, noncentral_chisquare,
                      noncentral_f, normal, pareto, permutation, poisson, power, rand, randint,
                      randn, random, random_integers, random_sample, ranf, rayleigh, sample,
                      seed, set_bit_generator, set_state, shuffle, standard_cauchy,
                      standard_exponential, standard_gamma, standard_normal, standard_t,
                      triangular, uniform, vonmises, wald, weibull, zipf)
from ._seedseq import ISeedSequence, ISpawnableSeedSequence, SeedlessSeedSequence, SeedSequence
from . import bit_generator, mtrand  # noqa: F401  (numpy's submodules of these names)

__all__ = ["BitGenerator", "Generator", "ISeedSequence", "ISpawnableSeedSequence", "MT19937",
           "PCG64", "PCG64DXSM", "Philox", "RandomState", "SFC64", "SeedSequence",
           "SeedlessSeedSequence", "beta", "binomial", "bytes", "chisquare", "choice",
           "default_rng", "dirichlet", "exponential", "f", "gamma", "geometric",
           "get_bit_generator", "get_state", "gumbel", "hypergeometric", "laplace", "logistic",
           "lognormal", "logseries", "multinomial", "multivariate_normal", "negative_binomial",
           "noncentral_chisquare", "noncentral_f", "normal", "pareto", "permutation", "poisson",
           "power", "rand", "randint", "randn", "random", "random_integers", "random_sample",
           "ranf", "rayleigh", "sample", "seed", "set_bit_generator", "set_state", "shuffle",
           "standard_cauchy", "standard_exponential", "standard_gamma", "standard_normal",
           "standard_t", "triangular", "uniform", "vonmises", "wald", "weibull", "zipf"]
