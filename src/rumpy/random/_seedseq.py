"""Seed sequences (numpy's ``numpy.random.SeedSequence``): entropy of any size is hashed into a
small pool of 32-bit words from which bit generators draw their initial state.

This is numpy's algorithm (Melissa O'Neill's ``seed_seq`` alternative, as in
``numpy/random/bit_generator.pyx``) word for word, with Python ints masked to 32 bits, so that
a seed gives numpy's pool and ``generate_state`` words, and therefore numpy's streams.
"""

import abc
import operator
import re
import sys
from secrets import randbits

from .. import _core, _scalars

DEFAULT_POOL_SIZE = 4
_INIT_A = 0x43b0d7e5
_MULT_A = 0x931e8875
_INIT_B = 0x8b51f9dd
_MULT_B = 0x58f38ded
_MIX_MULT_L = 0xca01f9dd
_MIX_MULT_R = 0x4973f715
_XSHIFT = 16
_MASK32 = 0xFFFFFFFF

_U32 = _core.dtype("uint32")
_U64 = _core.dtype("uint64")
_DECIMAL_RE = re.compile(r"[0-9]+")


def _numpy():
    """numpy if it has been imported (its objects can only exist then), else None."""
    return sys.modules.get("numpy")


def _is_integer_scalar(x):
    np = _numpy()
    return isinstance(x, (int, _scalars.integer)) or (np is not None
                                                      and isinstance(x, np.integer))


def _is_inexact_scalar(x):
    np = _numpy()
    return isinstance(x, (float, _scalars.inexact)) or (np is not None
                                                        and isinstance(x, np.inexact))


def _is_array(x):
    np = _numpy()
    return isinstance(x, _core.ndarray) or (np is not None and isinstance(x, np.ndarray))


def _is_uint32_array(x):
    """A rumpy or numpy array of native uint32 (numpy passes those through unchanged)."""
    if isinstance(x, _core.ndarray):
        return x.dtype == _U32
    np = _numpy()
    return np is not None and isinstance(x, np.ndarray) and x.dtype == np.dtype(np.uint32)


def _to_uint32(value):
    """``value`` as a C ``uint32_t``, converted as numpy's Cython code converts it (numpy
    keeps ``n_children_spawned`` in one): integers as they are, other numbers truncated."""
    if hasattr(type(value), "__index__"):
        value = operator.index(value)
    elif hasattr(type(value), "__int__"):
        value = int(value)
    else:
        raise TypeError("an integer is required")
    if value < 0:
        raise OverflowError("can't convert negative value to uint32_t")
    if value > _MASK32:
        raise OverflowError("value too large to convert to uint32_t")
    return value


def _int_to_words(n):
    """A non-negative integer as 32-bit words, least significant first (``0`` gives ``[0]``)."""
    if n < 0:
        raise ValueError("expected non-negative integer")
    n = int(n)
    if n == 0:
        return [0]
    words = []
    while n > 0:
        words.append(n & _MASK32)
        n >>= 32
    return words


def _check_concatenable(x):
    """numpy concatenates the words of a uint32 array as the array itself: only 1-d ones
    concatenate with the others."""
    if x.ndim == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    if x.ndim != 1:
        raise ValueError("all the input arrays must have same number of dimensions, but "
                         f"the array at index 0 has {x.ndim} dimension(s) and the array "
                         "at index 1 has 1 dimension(s)")


def _coerce_to_words(x):
    """numpy's ``_coerce_to_uint32_array``, as a list of Python ints.

    A uint32 array is taken as it is; an integer is split into 32-bit words, least significant
    first; a string is read as hexadecimal (``'0x...'``) or decimal; any other sequence
    (including arrays of other integer types) is converted element by element and the words
    are concatenated, so that ``[1, 2**40]`` gives ``[1, 0, 256]``.
    """
    if _is_uint32_array(x):
        _check_concatenable(x)
        return [int(v) for v in x.tolist()]
    if isinstance(x, str):
        if x.startswith("0x"):
            x = int(x, base=16)
        elif _DECIMAL_RE.match(x):
            x = int(x)
        else:
            raise ValueError("unrecognized seed string")
    if _is_integer_scalar(x):
        return _int_to_words(x)
    if _is_inexact_scalar(x):
        raise TypeError("seed must be integer")
    if len(x) == 0:
        return []
    words = []
    for v in x:
        words.extend(_coerce_to_words(v))
    return words


def _hashmix(value, hash_const):
    """One ``hashmix`` step; ``hash_const`` is a one-element list carried from call to call."""
    value = (value ^ hash_const[0]) & _MASK32
    hash_const[0] = (hash_const[0] * _MULT_A) & _MASK32
    value = (value * hash_const[0]) & _MASK32
    return value ^ (value >> _XSHIFT)


def _mix(x, y):
    result = (_MIX_MULT_L * x - _MIX_MULT_R * y) & _MASK32
    return result ^ (result >> _XSHIFT)


def _mix_entropy(pool_size, entropy):
    """The pool of ``pool_size`` words hashed from the entropy words (numpy's
    ``mix_entropy``)."""
    hash_const = [_INIT_A]
    pool = [_hashmix(entropy[i] if i < len(entropy) else 0, hash_const)
            for i in range(pool_size)]
    # Mix every word into every other, so that late bits affect early ones.
    for i_src in range(pool_size):
        for i_dst in range(pool_size):
            if i_src != i_dst:
                pool[i_dst] = _mix(pool[i_dst], _hashmix(pool[i_src], hash_const))
    # Words beyond the pool's size are mixed into each pool word.
    for i_src in range(pool_size, len(entropy)):
        for i_dst in range(pool_size):
            pool[i_dst] = _mix(pool[i_dst], _hashmix(entropy[i_src], hash_const))
    return pool


def _n_words(n_words):
    """``n_words`` as a count, with the errors numpy's ``np.zeros(n_words)`` gives."""
    if isinstance(n_words, bool) or not hasattr(type(n_words), "__index__"):
        raise TypeError("expected a sequence of integers or a single integer, "
                        f"got '{n_words!r}'")
    n = operator.index(n_words)
    if n < 0:
        raise ValueError("negative dimensions are not allowed")
    return n


class ISeedSequence(abc.ABC):
    """Abstract base class of seed sequences: a bit generator treats any object with this
    interface as a seed sequence and calls its ``generate_state`` to seed itself.

    See Also
    --------
    SeedSequence, SeedlessSeedSequence

    Examples
    --------
    >>> import rumpy as rp
    >>> isinstance(rp.random.SeedSequence(1), rp.random.ISeedSequence)
    True
    """

    @abc.abstractmethod
    def generate_state(self, n_words, dtype=_scalars.uint32):
        """Return the requested number of words for seeding a bit generator.

        Parameters
        ----------
        n_words : int
            How many words.
        dtype : {uint32, uint64}, optional
            The size of each word; ``uint64`` draws twice as many bits as ``uint32`` for the
            same ``n_words``. Strings (``'uint32'``, ``'uint64'``) are fine.

        Returns
        -------
        state : uint32 or uint64 array, shape (n_words,)
        """


class ISpawnableSeedSequence(ISeedSequence):
    """Abstract base class of the seed sequences that can spawn children.

    See Also
    --------
    SeedSequence

    Examples
    --------
    >>> import rumpy as rp
    >>> isinstance(rp.random.SeedSequence(1), rp.random.ISpawnableSeedSequence)
    True
    """

    @abc.abstractmethod
    def spawn(self, n_children):
        """Spawn ``n_children`` child seed sequences by extending the ``spawn_key``.

        Parameters
        ----------
        n_children : int
            How many children.

        Returns
        -------
        seqs : list of seed sequences
        """


class SeedlessSeedSequence:
    """A seed sequence for bit generators that need no seed state: ``generate_state``
    raises ``NotImplementedError`` and ``spawn(n)`` returns this object ``n`` times.

    See Also
    --------
    SeedSequence, ISeedSequence

    Examples
    --------
    >>> import rumpy as rp
    >>> s = rp.random.SeedlessSeedSequence()
    >>> s.spawn(2) == [s, s]
    True
    >>> s.generate_state(1)
    Traceback (most recent call last):
        ...
    NotImplementedError: seedless SeedSequences cannot generate state
    """

    def generate_state(self, n_words, dtype=_scalars.uint32):
        """Not available: a seedless sequence has no state to give.

        Raises
        ------
        NotImplementedError
            Always.

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.SeedlessSeedSequence().generate_state(4)
        Traceback (most recent call last):
            ...
        NotImplementedError: seedless SeedSequences cannot generate state
        """
        raise NotImplementedError("seedless SeedSequences cannot generate state")

    def spawn(self, n_children):
        """This sequence ``n_children`` times (the children of a seedless sequence are
        itself).

        Examples
        --------
        >>> import rumpy as rp
        >>> s = rp.random.SeedlessSeedSequence()
        >>> all(c is s for c in s.spawn(3))
        True
        """
        return [self] * n_children


# Registered rather than derived, as numpy does.
ISpawnableSeedSequence.register(SeedlessSeedSequence)


class SeedSequence:
    """Mixes sources of entropy, reproducibly, into the initial state of independent bit
    generators (numpy's ``SeedSequence``; the same entropy gives numpy's words).

    ``generate_state`` gives a seed of any size; ``spawn(n)`` gives ``n`` children for
    seeding independent streams (for example one per thread).

    Parameters
    ----------
    entropy : {None, int, sequence[int]}, optional
        The entropy: a non-negative integer of any size, or a sequence (list, tuple, range,
        integer array) of them. None draws 128 bits (``32 * pool_size``) from the operating
        system; they are kept as ``entropy`` so that the sequence can be recreated.
    spawn_key : {(), sequence[int]}, optional
        The position of this sequence in the tree of sequences made by ``spawn``; an extra
        source of entropy, normally set by ``spawn`` only.
    pool_size : int, optional
        The number of 32-bit words in the entropy pool (at least 4, the default).
    n_children_spawned : int, optional
        The number of children already spawned; only to rebuild a sequence from its
        ``state``.

    Attributes
    ----------
    entropy : int or sequence of int
        The entropy as given (or drawn).
    spawn_key : tuple of int
    pool_size : int
    n_children_spawned : int
    pool : ndarray of uint32
        The mixed entropy pool, ``pool_size`` words.
    state : dict
        The keyword arguments that recreate this sequence.

    See Also
    --------
    SeedlessSeedSequence, ISeedSequence

    Notes
    -----
    For reproducible streams, seed from fresh entropy (the default None) and record
    ``entropy``: ``SeedSequence(entropy)`` gives the same words again.

    Examples
    --------
    >>> import rumpy as rp
    >>> ss = rp.random.SeedSequence(12345)
    >>> ss.pool
    array([4069775156, 4251353637, 4182767765, 2267058336], dtype=uint32)
    >>> ss.generate_state(2)
    array([2688385916, 3048105090], dtype=uint32)
    >>> child = ss.spawn(2)[1]
    >>> child
    SeedSequence(
        entropy=12345,
        spawn_key=(1,),
    )
    >>> ss.n_children_spawned
    2
    >>> fresh = rp.random.SeedSequence()
    >>> again = rp.random.SeedSequence(fresh.entropy)
    >>> bool((fresh.generate_state(4) == again.generate_state(4)).all())
    True
    """

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=DEFAULT_POOL_SIZE,
                 n_children_spawned=0):
        if pool_size < DEFAULT_POOL_SIZE:
            raise ValueError("The size of the entropy pool should be at least "
                             f"{DEFAULT_POOL_SIZE}")
        if entropy is None:
            entropy = randbits(pool_size * 32)
        elif not (_is_integer_scalar(entropy) or _is_array(entropy)
                  or isinstance(entropy, (list, tuple, range))):
            raise TypeError("SeedSequence expects int or sequence of ints for "
                            f"entropy not {entropy}")
        self._entropy = entropy
        self._spawn_key = tuple(spawn_key)
        self._pool_size = operator.index(pool_size)
        self._n_children_spawned = _to_uint32(n_children_spawned)
        words = _mix_entropy(self._pool_size, self._assembled_entropy())
        self._pool = _core.asanyarray(words, dtype=_U32)

    def _assembled_entropy(self):
        """The entropy and the spawn key as one list of 32-bit words."""
        if _is_uint32_array(self._entropy) and self._entropy.ndim != 1:
            # numpy takes the array as it is, converts the spawn key, and fails on the length
            # of a 0-d array (with a spawn key) or else on concatenating.
            if _coerce_to_words(self._spawn_key) and self._entropy.ndim == 0:
                raise TypeError("len() of unsized object")
            _check_concatenable(self._entropy)
        run_entropy = _coerce_to_words(self._entropy)
        spawn_entropy = _coerce_to_words(self._spawn_key)
        if len(spawn_entropy) > 0 and len(run_entropy) < self._pool_size:
            # With a spawn key, short entropy is padded with zeros to the pool's size, so
            # that its words cannot be confused with the key's (numpy's fix of gh-16539,
            # applied only then to keep the unspawned streams as they were).
            run_entropy = run_entropy + [0] * (self._pool_size - len(run_entropy))
        return run_entropy + spawn_entropy

    @property
    def entropy(self):
        """The entropy the sequence was made from (as given, or as drawn for None)."""
        return self._entropy

    @property
    def spawn_key(self):
        """The position of this sequence in its spawn tree (a tuple of ints)."""
        return self._spawn_key

    @property
    def pool_size(self):
        """The number of 32-bit words in the entropy pool."""
        return self._pool_size

    @property
    def n_children_spawned(self):
        """How many children ``spawn`` has made so far."""
        return self._n_children_spawned

    @property
    def pool(self):
        """The mixed entropy pool: a uint32 array of ``pool_size`` words."""
        return self._pool

    @property
    def state(self):
        """The keyword arguments that recreate this sequence: a dict with ``entropy``,
        ``spawn_key``, ``pool_size`` and ``n_children_spawned``.

        Examples
        --------
        >>> import rumpy as rp
        >>> rp.random.SeedSequence(7, spawn_key=(1,)).state
        {'entropy': 7, 'spawn_key': (1,), 'pool_size': 4, 'n_children_spawned': 0}
        """
        return {k: getattr(self, k)
                for k in ("entropy", "spawn_key", "pool_size", "n_children_spawned")
                if getattr(self, k) is not None}

    def __repr__(self):
        lines = [f"{type(self).__name__}(", f"    entropy={self._entropy!r},"]
        # Entries left at their defaults are omitted.
        if self._spawn_key:
            lines.append(f"    spawn_key={self._spawn_key!r},")
        if self._pool_size != DEFAULT_POOL_SIZE:
            lines.append(f"    pool_size={self._pool_size!r},")
        if self._n_children_spawned != 0:
            lines.append(f"    n_children_spawned={self._n_children_spawned!r},")
        lines.append(")")
        return "\n".join(lines)

    def generate_state(self, n_words, dtype=_scalars.uint32):
        """Return the requested number of words for seeding a bit generator.

        The words are hashed from the pool afresh on every call, so the same call gives the
        same words.

        Parameters
        ----------
        n_words : int
            How many words.
        dtype : {uint32, uint64}, optional
            The size of each word; ``uint64`` draws twice as many bits as ``uint32`` for the
            same ``n_words`` (word ``i`` is 32-bit words ``2i`` and ``2i + 1``, low first).
            Strings (``'uint32'``, ``'u8'``) are fine.

        Returns
        -------
        state : uint32 or uint64 array, shape (n_words,)

        Raises
        ------
        ValueError
            If ``dtype`` is neither uint32 nor uint64.

        Examples
        --------
        >>> import rumpy as rp
        >>> ss = rp.random.SeedSequence(12345)
        >>> ss.generate_state(3)
        array([2688385916, 3048105090, 4196366895], dtype=uint32)
        >>> ss.generate_state(1, rp.uint64)
        array([13091511679009522556], dtype=uint64)
        >>> ss.generate_state(1, rp.float64)
        Traceback (most recent call last):
            ...
        ValueError: only support uint32 or uint64
        """
        out_dtype = _core.dtype(dtype)
        if out_dtype == _U32:
            wide = False
        elif out_dtype == _U64:
            wide = True
            n_words = n_words * 2
        else:
            raise ValueError("only support uint32 or uint64")
        n = _n_words(n_words)
        pool = [int(v) for v in self._pool.tolist()]
        hash_const = _INIT_B
        words = []
        for i in range(n):
            value = pool[i % len(pool)] ^ hash_const
            hash_const = (hash_const * _MULT_B) & _MASK32
            value = (value * hash_const) & _MASK32
            words.append(value ^ (value >> _XSHIFT))
        if wide:
            words = [words[i] | (words[i + 1] << 32) for i in range(0, n, 2)]
        return _core.asanyarray(words, dtype=out_dtype)

    def spawn(self, n_children):
        """Spawn ``n_children`` child sequences: the same entropy and pool size, with this
        sequence's ``spawn_key`` extended by the child's number (counting on from
        ``n_children_spawned``, which grows by ``n_children``).

        Parameters
        ----------
        n_children : int
            How many children.

        Returns
        -------
        seqs : list of SeedSequence

        Examples
        --------
        >>> import rumpy as rp
        >>> ss = rp.random.SeedSequence(12345)
        >>> [c.spawn_key for c in ss.spawn(2)]
        [(0,), (1,)]
        >>> [c.spawn_key for c in ss.spawn(1)]
        [(2,)]
        >>> ss.spawn(1)[0].spawn(1)[0].spawn_key
        (3, 0)
        """
        start = self._n_children_spawned
        children = range(start, start + n_children)
        if start + n_children > _MASK32 + 1:
            # numpy's child numbers are uint32: it fails when the count passes 2**32 - 1.
            raise OverflowError("value too large to convert to uint32_t")
        seqs = [type(self)(self._entropy, spawn_key=self._spawn_key + (i,),
                           pool_size=self._pool_size)
                for i in children]
        self._n_children_spawned = _to_uint32(start + n_children)
        return seqs


ISpawnableSeedSequence.register(SeedSequence)
