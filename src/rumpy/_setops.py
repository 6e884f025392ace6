"""Set routines (NumPy's ``unique`` and its Array API variants, ``isin``, ``intersect1d``,
``union1d``, ``setdiff1d``, ``setxor1d``): sorting-based, on the core's sort and compare."""

__all__ = []
