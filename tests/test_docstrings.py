"""Every public function, ndarray method and scalar class of rumpy has a docstring, and the examples of
the documented functions give the outputs they show (run as doctests against rumpy)."""

import doctest
import inspect

import pytest

import rumpy as rp

PUBLIC = sorted(n for n in dir(rp) if not n.startswith("_"))
FUNCTIONS = [n for n in PUBLIC
             if callable(getattr(rp, n)) and not inspect.isclass(getattr(rp, n))
             and not inspect.ismodule(getattr(rp, n))]


def _doc(obj):
    d = getattr(obj, "__doc__", None)
    return d.strip() if isinstance(d, str) else ""


METHODS = [n for n in dir(rp.ndarray)
           if not n.startswith("_") and callable(getattr(rp.ndarray, n))]


def test_every_public_function_has_a_docstring():
    missing = [n for n in FUNCTIONS if not _doc(getattr(rp, n))]
    assert not missing, f"no docstring: {missing}"


def test_every_ndarray_method_has_a_docstring():
    missing = [n for n in METHODS if not _doc(getattr(rp.ndarray, n))]
    assert not missing, f"no docstring: {missing}"


def test_every_scalar_class_has_a_docstring():
    classes = [n for n in PUBLIC if inspect.isclass(getattr(rp, n))
               and issubclass(getattr(rp, n), rp.generic)]
    assert len(classes) > 40
    missing = [n for n in classes if not _doc(getattr(rp, n))]
    assert not missing, f"no docstring: {missing}"
    # The concrete ones name their character code, as NumPy's do.
    for n in ("float32", "int8", "uint64", "complex128", "bool", "datetime64"):
        assert f"``'{rp.dtype(getattr(rp, n)).char}'``" in _doc(getattr(rp, n))


@pytest.mark.parametrize("name", [n for n in METHODS if ">>>" in _doc(getattr(rp.ndarray, n))])
def test_method_docstring_examples(name):
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE
                                   | doctest.ELLIPSIS)
    tests = doctest.DocTestFinder(recurse=False).find(getattr(rp.ndarray, name), name,
                                                      globs={})
    assert tests
    for t in tests:
        r = runner.run(t, out=lambda s: None)
        assert r.failed == 0, f"{name}: {r.failed} of {r.attempted} examples differ"


@pytest.mark.parametrize("name", [n for n in FUNCTIONS if ">>>" in _doc(getattr(rp, n))])
def test_docstring_examples(name):
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE
                                   | doctest.ELLIPSIS)
    attempted = 0
    for t in finder.find(getattr(rp, name), name, globs={}):
        r = runner.run(t, out=lambda s: None)
        assert r.failed == 0, f"{name}: {r.failed} of {r.attempted} examples differ"
        attempted += r.attempted
    assert attempted > 0
