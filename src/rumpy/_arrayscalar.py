"""The operators of scalars that keep their item as a 0-d array (the time scalars, the
extended floats): each goes through the array (``_array()``), so the scalars compute and
compare exactly as the arrays' loops do, with the arrays' deferral and ``==`` on operands
without a loop."""

import operator

from . import _core


def result(r):
    """A 0-d array result as its scalar (tuples item by item); anything else as it is."""
    if isinstance(r, _core.ndarray) and r.ndim == 0:
        return r[()]
    if isinstance(r, tuple):
        return tuple(result(x) for x in r)
    return r


def _binop(name, reflected, special):
    op = getattr(operator, name)

    def f(self, other):
        if special is not None:
            r = special(self, other, name, op, reflected)
            if r is not NotImplemented:
                return r
        a = self._array()
        return result(op(other, a) if reflected else op(a, other))
    f.__name__ = f"__{'r' if reflected else ''}{name}__"
    return f


def _pow(reflected, special):
    f = _binop("pow", reflected, special)

    def g(self, other, mod=None):
        # Three-argument pow has no loop: Python's TypeError.
        return NotImplemented if mod is not None else f(self, other)
    g.__name__ = f.__name__
    return g


def _unop(name):
    op = getattr(_core, name)

    def f(self):
        return result(op(self._array()))
    return f


def install(cls, special=None):
    """Give `cls` the arithmetic, comparison and unary operators through its 0-d array;
    `special(self, other, name, op, reflected)` answers first for operands it knows
    (NotImplemented for the others)."""
    for name in ["add", "sub", "mul", "truediv", "floordiv", "mod"]:
        setattr(cls, f"__{name}__", _binop(name, False, special))
        setattr(cls, f"__r{name}__", _binop(name, True, special))
    cls.__pow__ = _pow(False, special)
    cls.__rpow__ = _pow(True, special)
    cls.__divmod__ = lambda self, other: result(divmod(self._array(), other))
    cls.__rdivmod__ = lambda self, other: result(divmod(other, self._array()))
    for name in ["eq", "ne", "lt", "le", "gt", "ge"]:
        setattr(cls, f"__{name}__", _binop(name, False, special))
    for dunder, name in [("neg", "negative"), ("pos", "positive"), ("abs", "absolute")]:
        setattr(cls, f"__{dunder}__", _unop(name))
    return cls
