"""The Array API standard's entry points (2024.12): ``ndarray.__array_namespace__``,
``device`` and ``to_device``, and ``__array_namespace_info__``, as NumPy has them (rumpy
arrays live on the CPU; the namespace is the ``rumpy`` module itself)."""

import sys

from . import _core

__array_api_version__ = "2024.12"

_VERSIONS = ("2021.12", "2022.12", "2023.12", "2024.12")


def _check_device(device):
    if device not in ["cpu", None]:
        raise ValueError('Device not understood. Only "cpu" is allowed, but received:'
                         f' {device}')


class __array_namespace_info__:
    """Information on the Array API namespace: capabilities, devices, default and
    supported dtypes (NumPy's ``__array_namespace_info__``)."""

    __module__ = "rumpy"

    def capabilities(self):
        """The optional features the namespace supports."""
        return {"boolean indexing": True, "data-dependent shapes": True,
                "max dimensions": 64}

    def default_device(self):
        """The device arrays are made on: ``'cpu'``."""
        return "cpu"

    def devices(self):
        """The devices the namespace supports: ``['cpu']``."""
        return ["cpu"]

    def default_dtypes(self, *, device=None):
        """The default real floating, complex floating, integral and indexing dtypes."""
        from . import dtype, float64, complex128, intp
        _check_device(device)
        return {"real floating": dtype(float64), "complex floating": dtype(complex128),
                "integral": dtype(intp), "indexing": dtype(intp)}

    def dtypes(self, *, device=None, kind=None):
        """The Array API dtypes of a kind (a kind name, or a tuple of them), by name."""
        _check_device(device)
        from . import dtype
        ints = ["int8", "int16", "int32", "int64"]
        uints = ["uint8", "uint16", "uint32", "uint64"]
        kinds = {
            None: ["bool"] + ints + uints + ["float32", "float64", "complex64", "complex128"],
            "signed integer": ints, "unsigned integer": uints, "integral": ints + uints,
            "real floating": ["float32", "float64"],
            "complex floating": ["complex64", "complex128"],
            "numeric": ints + uints + ["float32", "float64", "complex64", "complex128"],
        }
        if kind == "bool":
            # NumPy answers with the scalar type here, not a dtype.
            from . import bool as bool_
            return {"bool": bool_}
        if isinstance(kind, tuple):
            res = {}
            for k in kind:
                res.update(self.dtypes(kind=k))
            return res
        if kind not in kinds:
            raise ValueError(f"unsupported kind: {kind!r}")
        return {name: dtype(name) for name in kinds[kind]}


def _array_namespace(self, *, api_version=None):
    """The Array API namespace of the array: the ``rumpy`` module."""
    if api_version is not None:
        if not isinstance(api_version, str):
            raise ValueError("Only None and strings are allowed as the Array API version, "
                             f"but received: {api_version}.")
        if api_version not in _VERSIONS:
            raise ValueError(f'Version "{api_version}" of the Array API Standard is not '
                             "supported.")
    return sys.modules["rumpy"]


def _device(self):
    """The device the array lives on: ``'cpu'``."""
    return "cpu"


def _to_device(self, device, /, *, stream=None):
    """The array on ``device`` (only ``'cpu'``: the array itself)."""
    if stream is not None:
        raise ValueError("The stream argument in to_device() is not supported")
    if device == "cpu":
        return self
    raise ValueError(f"Unsupported device: {device}. Only 'cpu' is accepted.")


for _name, _fn in [("__array_namespace__", _array_namespace), ("device", property(_device)),
                   ("to_device", _to_device)]:
    if _name not in _core.ndarray.__dict__:
        setattr(_core.ndarray, _name, _fn)
