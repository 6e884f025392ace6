"""What rumpy was built with and runs with (NumPy's ``show_config`` and ``show_runtime``),
the names NumPy has that rumpy does not yet, and the self-check ``python -m rumpy`` runs."""

import platform
import sys

from . import _core


def _runtime_info():
    r = _core._runtime()
    return [
        {"rumpy_version": r["version"], "python": sys.version,
         "uname": platform.uname()},
        {"simd_extensions": {"in use": r["simd"]}},
        {"threads": r["threads"], "arch": r["arch"], "os": r["os"]},
    ]


def show_runtime():
    """Print the rumpy version, the Python and system running it, the vector instruction
    level the loops use and the worker threads (NumPy's ``show_runtime``)."""
    from pprint import pprint
    pprint(_runtime_info())


def show_config(mode="stdout"):
    """Print (``mode='stdout'``) or return (``mode='dicts'``) how rumpy was built: its
    version, the Rust core and the libraries in it (NumPy's ``show_config``).

    Parameters
    ----------
    mode : {'stdout', 'dicts'}, optional
        Print the configuration, or return it as a dict.

    Returns
    -------
    dict or None
        The configuration when ``mode='dicts'``.

    Examples
    --------
    >>> import rumpy as rp
    >>> rp.show_config(mode='dicts')['Build']['language']
    'Rust'
    """
    r = _core._runtime()
    config = {
        "Build": {"language": "Rust", "version": r["version"],
                  "debug": r["debug"], "abi": "abi3 (CPython >= 3.11)"},
        "Machine": {"arch": r["arch"], "os": r["os"]},
        "Libraries": {"linear algebra": "faer", "fft": "rustfft", "threads": "rayon",
                      "float16": "half", "long double": "the C compiler's long double"},
        "SIMD Extensions": {"baseline": "x86-64 SSE2" if r["arch"] == "x86_64" else "baseline",
                            "in use": r["simd"]},
    }
    if mode == "dicts":
        return config
    if mode != "stdout":
        raise AttributeError("Invalid `mode`, use one of: stdout, dicts")
    for section, items in config.items():
        print(f"{section}:")
        for k, v in items.items():
            print(f"  {k}: {v}")
