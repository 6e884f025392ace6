"""savetxt against numpy: the same text for the same array and arguments, and numpy's
exception classes and messages for bad ones."""

import io

import numpy as np
import pytest

import rumpy as rp


def texts(a, **kw):
    """The text numpy and rumpy write for ``a`` (a numpy array) with ``kw``, or the
    exceptions they raise."""
    out = []
    for m, x in ((np, a), (rp, rp.asarray(a))):
        s = io.StringIO()
        try:
            m.savetxt(s, x, **kw)
            out.append(s.getvalue())
        except Exception as e:  # noqa: BLE001 - compared below
            out.append((type(e).__name__, str(e)))
    return out


ARRAYS = {
    "f8": np.array([[1.5, -2.0, 3.25], [np.nan, np.inf, -np.inf]]),
    "f4": np.array([[0.1, 0.2], [1e30, -0.0]], dtype=np.float32),
    "f2": np.array([[0.1, 65504.0]], dtype=np.float16),
    "i8": np.array([[1, -2], [3, 2**62]]),
    "u1": np.array([[0, 255]], dtype=np.uint8),
    "bool": np.array([[True, False]]),
    "c16": np.array([[1 + 2j, 3 - 4j], [-0.5j, np.nan + 1j]]),
    "c8": np.array([[1 + 2j]], dtype=np.complex64),
    "1d": np.array([1.0, 2.5, -3.0]),
    "empty": np.zeros((0, 3)),
    "struct": np.array([(1, 2.5), (3, 4.5)], dtype=[("a", "i4"), ("b", "f8")]),
    "noncontig": np.arange(24.0).reshape(4, 6)[::2, ::-2],
}

FORMATS = [
    {},
    {"fmt": "%d"},
    {"fmt": "%.3f", "delimiter": ","},
    {"fmt": "%s"},
    {"fmt": "%10.4g", "delimiter": "\t"},
    {"fmt": "%.2e", "newline": "\r\n"},
    {"header": "a b\nc", "footer": "end"},
    {"header": "h", "comments": "% "},
    {"header": "h", "comments": ""},
]


@pytest.mark.parametrize("kw", FORMATS, ids=repr)
@pytest.mark.parametrize("name", ARRAYS)
def test_savetxt(name, kw):
    a = ARRAYS[name]
    if name == "struct" and kw.get("fmt") not in ("%s", "%d"):
        kw = dict(kw, fmt="%s")
    n, r = texts(a, **kw)
    assert r == n


@pytest.mark.parametrize("kw", [
    {"fmt": "%d and %d"},
    {"fmt": ["%d", "%.1f"]},
    {"fmt": ("%x", "%o")},
    {"fmt": "%d and"},
    {"fmt": "%d%%"},
    {"fmt": ["%d"]},
    {"fmt": b"%d"},
    {"fmt": 5},
    {"fmt": "%q"},
    {"fmt": "%d", "delimiter": None},
    {"fmt": "%s", "newline": "%\n"},
], ids=repr)
def test_formats_and_errors(kw):
    n, r = texts(np.array([[1, 2], [3, 4]]), **kw)
    assert r == n


@pytest.mark.parametrize("a", [np.float64(1.0), np.zeros((2, 2, 2))], ids=["0d", "3d"])
def test_dimensions(a):
    n, r = texts(a)
    assert r == n


def test_complex_formats():
    a = np.array([[1 + 2j, -3 - 4j]])
    for kw in ({"fmt": "%.1f"}, {"fmt": "%.1f %.1f %.1f %.1f"}, {"fmt": ["%.1f", "%.1f"]},
               {"fmt": ["%.1f%+.1fj", "%.1f%+.1fj"]}):
        n, r = texts(a, **kw)
        assert r == n, kw


def test_mismatch_keeps_rows_before(tmp_path):
    a = np.array([["1", "x"]], dtype=object)
    n, r = texts(a, fmt="%d")
    assert r == n


@pytest.mark.parametrize("suffix", ["", ".gz"])
def test_file_names(tmp_path, suffix):
    a = np.arange(6.0).reshape(2, 3)
    pn, pr = tmp_path / f"n.txt{suffix}", tmp_path / f"r.txt{suffix}"
    np.savetxt(pn, a, header="x")
    rp.savetxt(str(pr), rp.asarray(a), header="x")
    assert np.array_equal(np.loadtxt(pn), np.loadtxt(pr))
    if not suffix:
        assert pn.read_bytes() == pr.read_bytes()


def test_binary_sink_and_encoding():
    a = np.array([[1.0, 2.0]])
    for enc in (None, "latin1", "utf-8"):
        bn, br = io.BytesIO(), io.BytesIO()
        np.savetxt(bn, a, header="é", encoding=enc)
        rp.savetxt(br, rp.asarray(a), header="é", encoding=enc)
        assert br.getvalue() == bn.getvalue()


def test_bad_fname():
    for m in (np, rp):
        with pytest.raises(ValueError, match="fname must be a string or file handle"):
            m.savetxt(5, m.asarray([1.0]))
