"""Random numbers (numpy's ``numpy.random``), bit for bit: a seed gives numpy's numbers.

The bit generators :class:`PCG64`, :class:`PCG64DXSM`, :class:`MT19937`, :class:`Philox` and
:class:`SFC64`, :class:`SeedSequence`, :class:`Generator` and :func:`default_rng`, the legacy
:class:`RandomState` and the module-level functions drawing from one global RandomState (see
plans/random.md for what is implemented). The generators keep their state in the core and fill
arrays there.
"""

from ._bit_generator import MT19937, PCG64, PCG64DXSM, SFC64, BitGenerator, Philox
from ._generator import Generator, default_rng
from . import mtrand
from .mtrand import *  # noqa: F401,F403  (RandomState and the global-state functions)
from ._seedseq import ISeedSequence, ISpawnableSeedSequence, SeedlessSeedSequence, SeedSequence
from . import bit_generator  # noqa: F401  (numpy's submodule of this name)

__all__ = ["BitGenerator", "Generator", "ISeedSequence", "ISpawnableSeedSequence", "MT19937",
           "PCG64", "PCG64DXSM", "Philox", "SFC64", "SeedSequence", "SeedlessSeedSequence",
           "default_rng"] + mtrand.__all__
