"""Order statistics and moments (NumPy's ``median``, ``percentile``, ``quantile`` and their
nan- versions, ``average``, ``cov``, ``corrcoef``)."""

__all__ = []
