"""The Array API entry points against NumPy's: ``__array_namespace__`` (api_version checks),
``device``/``to_device``, ``__array_api_version__`` and ``__array_namespace_info__``."""

import numpy as np
import pytest

import rumpy as rp
from conftest import P, check


@pytest.mark.parametrize("expr", [
    "a.__array_namespace__() is m",
    "a.__array_namespace__(api_version=None) is m",
    "a.__array_namespace__(api_version='2021.12') is m",
    "a.__array_namespace__(api_version='2023.12') is m",
    "a.__array_namespace__(api_version='2024.12') is m",
    "a.__array_namespace__(api_version='2025.12')",
    "a.__array_namespace__(api_version='2019.1')",
    "a.__array_namespace__(api_version=2024)",
    "a.__array_namespace__('2024.12')",
    "a.device", "a.to_device('cpu') is a", "a.to_device('gpu')",
    "a.to_device('cpu', stream=1)", "a.to_device()",
    "a[1:].device", "a.mT.shape", "m.__array_api_version__",
])
def test_array_entry_points(expr):
    check(expr, a=P(rp.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)))


@pytest.mark.parametrize("expr", [
    "m.__array_namespace_info__().capabilities()",
    "m.__array_namespace_info__().default_device()",
    "m.__array_namespace_info__().devices()",
    "m.__array_namespace_info__().default_dtypes()",
    "m.__array_namespace_info__().default_dtypes(device='cpu')",
    "m.__array_namespace_info__().dtypes()",
    "m.__array_namespace_info__().dtypes(kind='bool')",
    "m.__array_namespace_info__().dtypes(kind='signed integer')",
    "m.__array_namespace_info__().dtypes(kind='unsigned integer')",
    "m.__array_namespace_info__().dtypes(kind='integral')",
    "m.__array_namespace_info__().dtypes(kind='real floating')",
    "m.__array_namespace_info__().dtypes(kind='complex floating')",
    "m.__array_namespace_info__().dtypes(kind='numeric')",
    "m.__array_namespace_info__().dtypes(kind=('bool', 'real floating'))",
])
def test_namespace_info(expr):
    n = eval(expr.replace("m.", "np."))
    r = eval(expr.replace("m.", "rp."))
    assert type(r) is type(n)
    if isinstance(n, dict):
        assert list(r) == list(n)
        for k in n:
            if isinstance(n[k], np.dtype):
                assert isinstance(r[k], rp.dtype) and str(r[k]) == str(n[k])
            elif isinstance(n[k], type):
                assert r[k] is getattr(rp, n[k].__name__)
            else:
                assert r[k] == n[k]
    else:
        assert r == n


@pytest.mark.parametrize("expr", [
    "m.__array_namespace_info__().dtypes(kind='x')",
    "m.__array_namespace_info__().dtypes(device='gpu')",
    "m.__array_namespace_info__().default_dtypes(device='gpu')",
])
def test_namespace_info_errors(expr):
    check(expr)


@pytest.mark.parametrize("expr", [
    "m.astype(s, m.float64)", "m.astype(s, m.int8, copy=False)", "m.astype(s, m.bool)",
    "m.astype(s, m.float32, device='cpu')", "m.astype(s, m.float32, device='gpu')",
    "m.astype(1.5, m.float32)", "m.astype([1], m.float32)",
    "s[m.asarray(True)]", "s[m.asarray(False)]", "s[(m.asarray(True),)]", "s[...]",
    "s[None]", "s[..., None]", "s[()]", "s[0]", "s[:]", "s[[0]]",
])
@pytest.mark.parametrize("name", ["float32", "int16", "bool", "complex128"])
def test_scalars_as_array_api_operands(expr, name):
    # The conformance suite draws NumPy scalars as 0-d arrays (its `a[()]`).
    check(expr, s=P(getattr(rp, name)(1), getattr(np, name)(1)))
