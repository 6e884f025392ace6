"""numpy's ``Generator``: the methods draw from a bit generator with numpy's algorithms, so
that a seed gives numpy's numbers (see plans/random.md for what is implemented)."""

import operator

from .. import _core
from ._bit_generator import PCG64, BitGenerator, _shape

_F64 = _core.dtype("float64")
_F32 = _core.dtype("float32")


class Generator:
    """Draws from distributions with a :class:`BitGenerator`, numpy's algorithms bit for bit.

    Parameters
    ----------
    bit_generator : BitGenerator
        The source of random bits (shared, with its lock, by every Generator using it).

    Examples
    --------
    >>> import rumpy as rp
    >>> g = rp.random.Generator(rp.random.PCG64(12345))
    >>> float(g.random()) == float(__import__("numpy").random.default_rng(12345).random())
    True
    """

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("bit_generator must be a rumpy BitGenerator")
        self._bit_generator = bit_generator

    @property
    def bit_generator(self):
        """The bit generator this Generator draws from."""
        return self._bit_generator

    def __repr__(self):
        return f"Generator({type(self._bit_generator).__name__}) at 0x{id(self):X}"

    def spawn(self, n_children):
        """New Generators over bit generators spawned from this one's (see
        :meth:`BitGenerator.spawn`).

        Examples
        --------
        >>> import rumpy as rp
        >>> len(rp.random.default_rng(1).spawn(3))
        3
        """
        return [type(self)(g) for g in self._bit_generator.spawn(n_children)]

    def random(self, size=None, dtype=_F64, out=None):
        """Floats uniform in [0, 1): 53 random bits per float64, 24 per float32.

        Parameters
        ----------
        size : int or tuple of ints, optional
            Output shape; one Python float when neither ``size`` nor ``out`` is given.
        dtype : {float64, float32}, optional
            The result's type.
        out : ndarray, optional
            A C- or F-contiguous array of ``dtype`` to fill (in memory order); its shape
            must be ``size`` if both are given.

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.default_rng(0).random(3).shape
        (3,)
        """
        dt = _core.dtype(dtype)
        if dt != _F64 and dt != _F32:
            raise TypeError(f"Unsupported dtype {dt!r} for random")
        bg = self._bit_generator
        core = bg._core
        if size is None and out is None:
            with bg.lock:
                return core.next_double() if dt == _F64 else float(core.next_float())
        if out is not None:
            _check_output(out, dt, size)
        else:
            out = _core.empty(_shape(size), dtype=dt)
        with bg.lock:
            core.fill_random(out)
        return out


def _check_output(out, dtype, size):
    """numpy's ``check_output`` for the fills (C or F order allowed)."""
    flags = getattr(out, "flags", None)
    behaved = flags is not None and flags.writeable and flags.aligned and \
        out.dtype.isnative and (flags.c_contiguous or flags.f_contiguous)
    if not isinstance(out, _core.ndarray) or not behaved:
        raise ValueError("Supplied output array must be contiguous, writable, aligned, and in "
                         "machine byte-order.")
    if out.dtype != dtype:
        raise TypeError("Supplied output array has the wrong type. "
                        f"Expected {dtype}, got {out.dtype}")
    if size is not None:
        try:
            shape = tuple(size)
        except TypeError:
            shape = (operator.index(size),)
        if shape != out.shape:
            raise ValueError("size must match out.shape when used together")


def default_rng(seed=None):
    """A :class:`Generator` over :class:`PCG64` seeded with ``seed`` (None: fresh entropy);
    given a Generator, that Generator; given a bit generator, a Generator over it.

    Examples
    --------
    >>> import rumpy as rp
    >>> import numpy as np
    >>> rp.random.default_rng(42).random() == np.random.default_rng(42).random()
    True
    """
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    return Generator(PCG64(seed))
