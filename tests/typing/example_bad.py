"""Misuses the type checker must report against rumpy's stub (each line names its error)."""

import rumpy as rp

rp.zeros((3,), "f8", "C", 1, 2)  # E: too many positional arguments
rp.sum(rp.arange(3), axes=0)  # E: unexpected keyword argument "axes"
n: int = rp.pi  # E: float is not int
