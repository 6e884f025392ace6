"""``rumpy.random.bit_generator``: the bit generator base class and the seed sequences, as
``numpy.random.bit_generator``."""

from ._bit_generator import BitGenerator
from ._seedseq import ISeedSequence, ISpawnableSeedSequence, SeedlessSeedSequence, SeedSequence

SeedlessSequence = SeedlessSeedSequence  # numpy's older name

__all__ = ["BitGenerator", "ISeedSequence", "ISpawnableSeedSequence", "SeedSequence",
           "SeedlessSeedSequence", "SeedlessSequence"]
