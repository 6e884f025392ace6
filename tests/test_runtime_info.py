"""show_config, show_runtime, ``python -m rumpy`` and the error for NumPy names rumpy does
not have yet."""

import subprocess
import sys

import numpy as np
import pytest

import rumpy as rp
from rumpy._numpy_names import NUMPY_NAMES


def test_show_config(capsys):
    d = rp.show_config(mode="dicts")
    assert d["Build"]["language"] == "Rust"
    assert d["SIMD Extensions"]["in use"] in ["AVX512 (F, BW, DQ, VL)", "AVX2 + FMA",
                                              "baseline"]
    assert rp.show_config() is None
    out = capsys.readouterr().out
    assert "SIMD Extensions:" in out and "Build:" in out
    for m in [np, rp]:
        with pytest.raises(AttributeError, match="Invalid `mode`"):
            m.show_config(mode="x")


def test_show_runtime(capsys):
    rp.show_runtime()
    out = capsys.readouterr().out
    assert "rumpy_version" in out and "simd_extensions" in out and "threads" in out


def test_python_m_rumpy():
    r = subprocess.run([sys.executable, "-m", "rumpy"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "SIMD in use" in r.stdout and "all checks passed" in r.stdout


@pytest.mark.skipif(not np.__version__.startswith("2.4"), reason="the names of NumPy 2.4")
def test_numpy_names_are_numpys():
    # In a fresh interpreter: other libraries add names to NumPy's module (numexpr's expm1x).
    code = "import numpy as np; print(' '.join(n for n in dir(np) if not n.startswith('_')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert NUMPY_NAMES == set(out.stdout.split())


def test_missing_numpy_names_say_so():
    missing = sorted(NUMPY_NAMES - set(dir(rp)))
    for name in missing[:5]:
        with pytest.raises(AttributeError, match=f"numpy.{name} is not implemented in rumpy"):
            getattr(rp, name)
    with pytest.raises(AttributeError, match="^module 'rumpy' has no attribute 'no_such'$"):
        rp.no_such  # noqa: B018
    assert not hasattr(rp, "no_such")
    for name in sorted(NUMPY_NAMES & set(dir(rp)))[:50]:
        getattr(rp, name)
