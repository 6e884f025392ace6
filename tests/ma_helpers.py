"""Comparing rumpy.ma results with numpy.ma's.

``assert_same_ma(r, n)``: ``n`` a numpy.ma result, ``r`` rumpy's. A masked array must be a
rumpy.ma.MaskedArray of the same class name, dtype, shape, data (every element, masked or
not, unless ``data="unmasked"``), mask (values, and whether it is ``nomask``), fill value and
hard-mask flag. The ``masked`` constant must be rumpy's ``masked``; tuples and lists are
compared item by item; anything else goes to conftest's ``assert_same``.

``check_ma(expr, **names)``: ``expr`` run with ``m`` bound to rumpy and to numpy (so it
writes ``m.ma.array(...)``), outcomes compared with ``assert_same_ma`` and exceptions by
class and message.
"""

import numpy as np
import numpy.ma as npma

import rumpy as rp
from conftest import Raised, assert_same, assert_same_error, both


def _rpma():
    return rp.ma


def assert_same_ma(r, n, *, data="all", nulp=None, msg=""):
    pre = (msg + ": ") if msg else ""
    rma = _rpma()
    if n is npma.masked:
        assert r is rma.masked, f"{pre}numpy gave masked, rumpy {r!r}"
        return
    if isinstance(n, npma.MaskedArray):
        assert isinstance(r, rma.MaskedArray), \
            f"{pre}expected a rumpy masked array, got {type(r)!r}: {r!r}"
        assert type(r).__name__ == type(n).__name__, \
            f"{pre}class {type(r).__name__} != numpy {type(n).__name__}"
        rd = np.asarray(r.view(rp.ndarray))
        nd = n.view(np.ndarray)
        assert rd.dtype.str == nd.dtype.str, f"{pre}dtype {rd.dtype.str} != numpy {nd.dtype.str}"
        assert rd.shape == nd.shape, f"{pre}shape {rd.shape} != numpy {nd.shape}"
        nomask_n = n._mask is npma.nomask
        nomask_r = r._mask is rma.nomask
        assert nomask_r == nomask_n, (f"{pre}mask is{'' if nomask_r else ' not'} nomask, "
                                      f"numpy's is{'' if nomask_n else ' not'}")
        nm = npma.getmaskarray(n)
        rm = np.asarray(rma.getmaskarray(r))
        assert rm.dtype == nm.dtype and rm.shape == nm.shape and np.array_equal(rm, nm), \
            f"{pre}mask differs:\nrumpy {rm!r}\nnumpy {nm!r}"
        if data == "all":
            assert_same(r.view(rp.ndarray), nd, nulp=nulp, msg=f"{msg} (data)")
        elif nd.dtype.names is None:
            keep = ~nm
            assert_same(rp.asarray(rd[keep]), nd[keep], nulp=nulp, msg=f"{msg} (unmasked data)")
        assert bool(r.hardmask) == bool(n.hardmask), f"{pre}hardmask {r.hardmask} != {n.hardmask}"
        nf, rf = n.fill_value, r.fill_value
        if nd.dtype.names is not None:
            # a record: compared as one structured item (its fields may be subarrays)
            ra, na = np.asarray(rf), np.asarray(nf)
            same = (repr(ra.item()) == repr(na.item()) if na.dtype.hasobject
                    else ra.tobytes() == na.tobytes())
            assert ra.dtype == na.dtype and same, f"{pre}fill_value {rf!r} != numpy {nf!r}"
        else:
            assert_same(rf, nf, msg=f"{msg} (fill_value)")
        return
    if isinstance(n, (tuple, list)) and not isinstance(n, np.ndarray):
        assert type(r) is type(n), f"{pre}{type(r).__name__} != numpy {type(n).__name__}"
        assert len(r) == len(n), f"{pre}length {len(r)} != numpy {len(n)}"
        for i, (x, y) in enumerate(zip(r, n)):
            assert_same_ma(x, y, data=data, nulp=nulp, msg=f"{msg}[{i}]")
        return
    assert not isinstance(r, rma.MaskedArray), \
        f"{pre}rumpy gave a masked array {r!r}, numpy {type(n).__name__} {n!r}"
    assert_same(r, n, nulp=nulp, msg=msg)


def check_ma(expr, *, data="all", nulp=None, message=True, **names):
    """Run ``expr`` with both libraries and compare: values with :func:`assert_same_ma`,
    exceptions by class (and message, unless ``message=False``)."""
    r, n = both(expr, **names)
    label = expr if isinstance(expr, str) else repr(expr)
    if isinstance(n, Raised):
        assert isinstance(r, Raised), f"{label}: numpy raised {n!r}, rumpy returned {r!r}"
        assert_same_error(r.exc, n.exc, label)
        if message:
            assert str(r.exc) == str(n.exc), f"{label}: message {r.exc} != numpy {n.exc}"
        return r, n
    if isinstance(r, Raised):
        raise AssertionError(f"{label}: rumpy raised {r!r}, numpy returned {n!r}") from r.exc
    assert_same_ma(r, n, data=data, nulp=nulp, msg=label)
    return r, n
