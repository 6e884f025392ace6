"""``rumpy.random.mtrand``: the legacy RandomState and the functions drawing from the global
one, as ``numpy.random.mtrand``."""

from ._legacy import (RandomState, beta, binomial, bytes, chisquare, choice, dirichlet,
                      exponential, f, gamma, geometric, get_bit_generator, get_state, gumbel,
                      hypergeometric, laplace, logistic, lognormal, logseries, multinomial,
                      multivariate_normal, negative_binomial, noncentral_chisquare,
                      noncentral_f, normal, pareto, permutation, poisson, power, rand, randint,
                      randn, random, random_integers, random_sample, ranf, rayleigh, sample,
                      seed, set_bit_generator, set_state, shuffle, standard_cauchy,
                      standard_exponential, standard_gamma, standard_normal, standard_t,
                      triangular, uniform, vonmises, wald, weibull, zipf)

__all__ = ["RandomState", "beta", "binomial", "bytes", "chisquare", "choice", "dirichlet",
           "exponential", "f", "gamma", "geometric", "get_bit_generator", "get_state",
           "gumbel", "hypergeometric", "laplace", "logistic", "lognormal", "logseries",
           "multinomial", "multivariate_normal", "negative_binomial",
           "noncentral_chisquare", "noncentral_f", "normal", "pareto", "permutation",
           "poisson", "power", "rand", "randint", "randn", "random", "random_integers",
           "random_sample", "ranf", "rayleigh", "sample", "seed", "set_bit_generator",
           "set_state", "shuffle", "standard_cauchy", "standard_exponential",
           "standard_gamma", "standard_normal", "standard_t", "triangular", "uniform",
           "vonmises", "wald", "weibull", "zipf"]
