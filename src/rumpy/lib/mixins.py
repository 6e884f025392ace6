"""``rumpy.lib.mixins``: Python operators for array-likes that implement ``__array_ufunc__``."""

from .. import _core

__all__ = ["NDArrayOperatorsMixin"]


def _refuses_ufuncs(obj):
    """An operand that set ``__array_ufunc__ = None`` asks the operators to step aside."""
    return getattr(obj, "__array_ufunc__", False) is None


def _forward(ufunc, name):
    def method(self, other):
        if _refuses_ufuncs(other):
            return NotImplemented
        return ufunc(self, other)
    method.__name__ = f"__{name}__"
    return method


def _reflected(ufunc, name):
    def method(self, other):
        if _refuses_ufuncs(other):
            return NotImplemented
        return ufunc(other, self)
    method.__name__ = f"__r{name}__"
    return method


def _inplace(ufunc, name):
    def method(self, other):
        return ufunc(self, other, out=(self,))
    method.__name__ = f"__i{name}__"
    return method


def _unary(ufunc, name):
    def method(self):
        return ufunc(self)
    method.__name__ = f"__{name}__"
    return method


_COMPARISONS = {"lt": "less", "le": "less_equal", "eq": "equal", "ne": "not_equal",
                "gt": "greater", "ge": "greater_equal"}
_NUMERIC = {"add": "add", "sub": "subtract", "mul": "multiply", "matmul": "matmul",
            "truediv": "divide", "floordiv": "floor_divide", "mod": "remainder",
            "pow": "power", "lshift": "left_shift", "rshift": "right_shift",
            "and": "bitwise_and", "xor": "bitwise_xor", "or": "bitwise_or"}
_UNARY = {"neg": "negative", "pos": "positive", "abs": "absolute", "invert": "invert"}


def _operators():
    """The special methods of the mixin, each calling its ufunc."""
    methods = {}
    for name, ufunc in _COMPARISONS.items():
        methods[f"__{name}__"] = _forward(getattr(_core, ufunc), name)
    for name, ufunc in _NUMERIC.items():
        func = getattr(_core, ufunc)
        methods[f"__{name}__"] = _forward(func, name)
        methods[f"__r{name}__"] = _reflected(func, name)
        methods[f"__i{name}__"] = _inplace(func, name)
    # divmod has no in-place form
    methods["__divmod__"] = _forward(_core.divmod, "divmod")
    methods["__rdivmod__"] = _reflected(_core.divmod, "divmod")
    for name, ufunc in _UNARY.items():
        methods[f"__{name}__"] = _unary(getattr(_core, ufunc), name)
    return methods


NDArrayOperatorsMixin = type("NDArrayOperatorsMixin", (), {
    "__slots__": (),
    "__module__": __name__,
    "__doc__": "Python's arithmetic, comparison and unary operators, each calling the "
               "matching ufunc, so that ``__array_ufunc__`` decides what they do.",
    **_operators(),
})
