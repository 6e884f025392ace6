"""Random numbers (numpy's ``numpy.random``), bit for bit: a seed gives numpy's numbers.

Implemented so far: :class:`SeedSequence`, :class:`BitGenerator`, :class:`PCG64`,
:class:`Generator` (``random``, ``spawn``) and :func:`default_rng`. The generators keep their
state in the core and fill arrays there.
"""

from ._bit_generator import PCG64, BitGenerator
from ._generator import Generator, default_rng
from ._seedseq import ISeedSequence, ISpawnableSeedSequence, SeedlessSeedSequence, SeedSequence

__all__ = ["BitGenerator", "Generator", "ISeedSequence", "ISpawnableSeedSequence", "PCG64",
           "SeedSequence", "SeedlessSeedSequence", "default_rng"]
