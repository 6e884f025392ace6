"""Index helpers: r_, c_ (AxisConcatenator), s_ and index_exp (IndexExpression)."""

import rumpy as _rp

__all__ = ["c_", "index_exp", "r_", "s_"]


def _is_complex_step(step):
    return isinstance(step, (complex, _rp.complexfloating))


class AxisConcatenator:
    """Translate slice and array objects into a concatenation along an axis
    (the engine behind ``r_`` and ``c_``).

    Slices become ranges (``start:stop:step`` as ``arange``; a complex step ``Nj``
    means ``linspace`` with N points); a string first entry is a directive:
    ``'0,2,1'`` sets axis, minimum ndim and the position of 1-d inputs' axis,
    ``'1'`` just the axis, ``'r'``/``'c'`` ask for a row/column ``matrix``; a string key
    builds a matrix from the caller's names (``bmat``).
    """

    concatenate = staticmethod(_rp.concatenate)

    def __init__(self, axis=0, matrix=False, ndmin=1, trans1d=-1):
        self.axis = axis
        self.matrix = matrix
        self.trans1d = trans1d
        self.ndmin = ndmin

    @staticmethod
    def makemat(res):
        from .matrixlib import matrix
        return matrix(res)

    def _from_slice(self, item, ndmin, trans1d):
        start = 0 if item.start is None else item.start
        step = 1 if item.step is None else item.step
        stop = item.stop
        if _is_complex_step(step):
            out = _rp.linspace(start, stop, num=int(abs(step)))
        else:
            out = _rp.arange(start, stop, step)
        if ndmin > 1:
            out = _rp.array(out, copy=None, ndmin=ndmin)
            if trans1d != -1:
                out = out.swapaxes(-1, trans1d)
        return out

    @staticmethod
    def _from_array(item, ndmin, trans1d):
        item_ndim = _rp.ndim(item)
        out = _rp.array(item, copy=None, subok=True, ndmin=ndmin)
        if trans1d != -1 and item_ndim < ndmin:
            k2 = ndmin - item_ndim
            k1 = trans1d
            if k1 < 0:
                k1 += k2 + 1
            order = list(range(ndmin))
            out = out.transpose(order[:k1] + order[k2:] + order[k1:k2])
        return out

    def __getitem__(self, key):
        if isinstance(key, str):
            import sys
            from .matrixlib import bmat
            frame = sys._getframe().f_back
            return bmat(key, frame.f_globals, frame.f_locals)
        if not isinstance(key, tuple):
            key = (key,)
        trans1d, ndmin, matrix, axis = self.trans1d, self.ndmin, self.matrix, self.axis
        col = False
        objs = []
        kinds = []  # dtypes, or the scalars themselves (weak promotion in result_type)
        for k, item in enumerate(key):
            if isinstance(item, slice):
                obj = self._from_slice(item, ndmin, trans1d)
                kinds.append(obj.dtype)
            elif isinstance(item, str):
                if k != 0:
                    raise ValueError("special directives must be the first entry.")
                if item in ("r", "c"):
                    matrix = True
                    col = item == "c"
                    continue
                if "," in item:
                    parts = item.split(",")
                    try:
                        axis, ndmin = [int(p) for p in parts[:2]]
                        if len(parts) == 3:
                            trans1d = int(parts[2])
                    except Exception as e:
                        raise ValueError(f"unknown special directive {item!r}") from e
                    continue
                try:
                    axis = int(item)
                except (ValueError, TypeError) as e:
                    raise ValueError("unknown special directive") from e
                continue
            elif type(item) in _rp.ScalarType:
                obj = item
                kinds.append(item)
            else:
                obj = self._from_array(item, ndmin, trans1d)
                kinds.append(obj.dtype)
            objs.append(obj)
        if kinds:
            final = _rp.result_type(*kinds)
            objs = [_rp.array(o, copy=None, subok=True, ndmin=ndmin, dtype=final) for o in objs]
        res = self.concatenate(tuple(objs), axis=axis)
        if matrix:
            oldndim = res.ndim
            res = self.makemat(res)
            if oldndim == 1 and col:
                res = res.T
        return res

    def __len__(self):
        return 0


class RClass(AxisConcatenator):
    """Stack objects along the first axis: ``r_[1:4, 0, [7, 8]]`` ->
    ``array([1, 2, 3, 0, 7, 8])``. See :class:`AxisConcatenator` for directives."""

    def __init__(self):
        super().__init__(0)


class CClass(AxisConcatenator):
    """Stack objects along the last axis, promoting 1-d inputs to columns:
    ``c_[[1, 2], [3, 4]]`` -> ``array([[1, 3], [2, 4]])``."""

    def __init__(self):
        super().__init__(-1, ndmin=2, trans1d=0)


r_ = RClass()
c_ = CClass()


class IndexExpression:
    """Build index tuples: ``index_exp[2::2]`` -> ``(slice(2, None, 2),)``;
    ``s_[2::2]`` -> ``slice(2, None, 2)`` (``maketuple=False``)."""

    def __init__(self, maketuple):
        self.maketuple = maketuple

    def __getitem__(self, item):
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


index_exp = IndexExpression(maketuple=True)
s_ = IndexExpression(maketuple=False)
