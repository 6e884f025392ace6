"""``rumpy.polynomial._polybase``: ``ABCPolyBase``, the abstract base of the convenience
classes (Polynomial, Chebyshev, ...), as ``numpy.polynomial._polybase``."""

import abc
import numbers
import os

import rumpy as rp

from . import polyutils as pu

__all__ = ['ABCPolyBase']

# digit -> character tables (dict form, so the values are strings as in numpy)
_SUPERSCRIPTS = str.maketrans(dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")))
_SUBSCRIPTS = str.maketrans(dict(zip("0123456789", "₀₁₂₃₄₅₆₇₈₉")))


class ABCPolyBase(abc.ABC):
    """Base class of the series classes: a coefficient array with a domain, a window and a
    symbol; arithmetic, evaluation, calculus, fitting and printing are built on the
    subclass's static series functions (``_add``, ``_mul``, ``_val``, ...)."""

    # mutable, so not hashable
    __hash__ = None
    # let numpy/rumpy ufuncs defer to the Python operators
    __array_ufunc__ = None
    # limit on the exponent accepted by ``**``
    maxpower = 100

    _superscript_mapping = _SUPERSCRIPTS
    _subscript_mapping = _SUBSCRIPTS
    # Windows consoles lack the unicode sub/superscript glyphs
    _use_unicode = os.name != 'nt'

    @property
    def symbol(self):
        """The name of the variable used when printing."""
        return self._symbol

    @property
    @abc.abstractmethod
    def domain(self):
        """Default domain of the class."""

    @property
    @abc.abstractmethod
    def window(self):
        """Default window of the class."""

    @property
    @abc.abstractmethod
    def basis_name(self):
        """Name of the basis functions used when printing."""

    @staticmethod
    @abc.abstractmethod
    def _add(c1, c2):
        """Sum of two series."""

    @staticmethod
    @abc.abstractmethod
    def _sub(c1, c2):
        """Difference of two series."""

    @staticmethod
    @abc.abstractmethod
    def _mul(c1, c2):
        """Product of two series."""

    @staticmethod
    @abc.abstractmethod
    def _div(c1, c2):
        """Quotient and remainder of two series."""

    @staticmethod
    @abc.abstractmethod
    def _pow(c, pow, maxpower=None):
        """Power of a series."""

    @staticmethod
    @abc.abstractmethod
    def _val(x, c):
        """Value of a series at ``x``."""

    @staticmethod
    @abc.abstractmethod
    def _int(c, m, k, lbnd, scl):
        """Integral of a series."""

    @staticmethod
    @abc.abstractmethod
    def _der(c, m, scl):
        """Derivative of a series."""

    @staticmethod
    @abc.abstractmethod
    def _fit(x, y, deg, rcond, full):
        """Least-squares fit."""

    @staticmethod
    @abc.abstractmethod
    def _line(off, scl):
        """Series of ``off + scl*x``."""

    @staticmethod
    @abc.abstractmethod
    def _roots(c):
        """Roots of a series."""

    @staticmethod
    @abc.abstractmethod
    def _fromroots(r):
        """Series with the given roots."""

    # -- comparisons of the parts ------------------------------------------------------

    def has_samecoef(self, other):
        """Whether ``other`` has the same coefficients."""
        return len(self.coef) == len(other.coef) and rp.all(self.coef == other.coef)

    def has_samedomain(self, other):
        """Whether ``other`` has the same domain."""
        return rp.all(self.domain == other.domain)

    def has_samewindow(self, other):
        """Whether ``other`` has the same window."""
        return rp.all(self.window == other.window)

    def has_sametype(self, other):
        """Whether ``other`` is an instance of this class."""
        return isinstance(other, self.__class__)

    def _get_coefficients(self, other):
        """The coefficients of ``other`` for arithmetic with ``self``; a series must be of the
        same kind, domain, window and symbol, anything else is passed through."""
        if not isinstance(other, ABCPolyBase):
            return other
        if not isinstance(other, self.__class__):
            raise TypeError("Polynomial types differ")
        if not rp.all(self.domain == other.domain):
            raise TypeError("Domains differ")
        if not rp.all(self.window == other.window):
            raise TypeError("Windows differ")
        if self.symbol != other.symbol:
            raise ValueError("Polynomial symbols differ")
        return other.coef

    # -- construction ------------------------------------------------------------------

    def __init__(self, coef, domain=None, window=None, symbol='x'):
        [coef] = pu.as_series([coef], trim=False)
        self.coef = coef
        if domain is not None:
            [domain] = pu.as_series([domain], trim=False)
            if len(domain) != 2:
                raise ValueError("Domain has wrong number of elements.")
            self.domain = domain
        if window is not None:
            [window] = pu.as_series([window], trim=False)
            if len(window) != 2:
                raise ValueError("Window has wrong number of elements.")
            self.window = window
        try:
            valid = symbol.isidentifier()
        except AttributeError:
            raise TypeError("Symbol must be a non-empty string") from None
        if not valid:
            raise ValueError("Symbol string must be a valid Python identifier")
        self._symbol = symbol

    def _new(self, coef):
        """A series of this class, domain, window and symbol with coefficients ``coef``."""
        return self.__class__(coef, self.domain, self.window, self.symbol)

    # -- printing ----------------------------------------------------------------------

    def __repr__(self):
        # the text inside "array(...)" of each array's repr
        coef = repr(self.coef)[6:-1]
        domain = repr(self.domain)[6:-1]
        window = repr(self.window)[6:-1]
        return (f"{self.__class__.__name__}({coef}, domain={domain}, window={window}, "
                f"symbol='{self.symbol}')")

    def __format__(self, fmt_str):
        if fmt_str == '':
            return self.__str__()
        if fmt_str not in ('ascii', 'unicode'):
            raise ValueError(
                f"Unsupported format string '{fmt_str}' passed to "
                f"{self.__class__}.__format__. Valid options are "
                f"'ascii' and 'unicode'")
        if fmt_str == 'ascii':
            return self._generate_string(self._str_term_ascii)
        return self._generate_string(self._str_term_unicode)

    def __str__(self):
        if self._use_unicode:
            return self._generate_string(self._str_term_unicode)
        return self._generate_string(self._str_term_ascii)

    def _generate_string(self, term_method):
        """The series as text, one term per basis function, wrapped at the print width."""
        linewidth = max(rp.get_printoptions().get('linewidth', 75), 1)
        out = pu.format_float(self.coef[0])
        off, scale = self.mapparms()
        scaled_symbol, needs_parens = self._format_term(pu.format_float, off, scale)
        if needs_parens:
            scaled_symbol = '(' + scaled_symbol + ')'
        rest = self.coef[1:]
        for i, coef in enumerate(rest):
            out += " "
            try:
                if coef >= 0:
                    next_term = "+ " + pu.format_float(coef, parens=True)
                else:
                    next_term = "- " + pu.format_float(-coef, parens=True)
            except TypeError:
                # complex and unordered object coefficients are shown as they are
                next_term = f"+ {coef}"
            next_term += term_method(str(i + 1), scaled_symbol)
            line_len = len(out.split('\n')[-1]) + len(next_term)
            if i < len(rest) - 1:
                # room for the " +" that follows
                line_len += 2
            if line_len >= linewidth:
                next_term = next_term.replace(" ", "\n", 1)
            out += next_term
        return out

    @classmethod
    def _str_term_unicode(cls, i, arg_str):
        """Unicode text of basis function ``i`` applied to ``arg_str``."""
        if cls.basis_name is None:
            raise NotImplementedError(
                "Subclasses must define either a basis_name, or override "
                "_str_term_unicode(cls, i, arg_str)")
        return f"·{cls.basis_name}{i.translate(cls._subscript_mapping)}({arg_str})"

    @classmethod
    def _str_term_ascii(cls, i, arg_str):
        """ASCII text of basis function ``i`` applied to ``arg_str``."""
        if cls.basis_name is None:
            raise NotImplementedError(
                "Subclasses must define either a basis_name, or override "
                "_str_term_ascii(cls, i, arg_str)")
        return f" {cls.basis_name}_{i}({arg_str})"

    @classmethod
    def _repr_latex_term(cls, i, arg_str, needs_parens):
        """LaTeX of basis function ``i`` applied to ``arg_str``."""
        if cls.basis_name is None:
            raise NotImplementedError(
                "Subclasses must define either a basis name, or override "
                "_repr_latex_term(i, arg_str, needs_parens)")
        return f"{{{cls.basis_name}}}_{{{i}}}({arg_str})"

    @staticmethod
    def _repr_latex_scalar(x, parens=False):
        return r'\text{' + pu.format_float(x, parens=parens) + '}'

    def _format_term(self, scalar_format, off, scale):
        """The mapped variable ``off + scale*symbol`` as text, and whether it needs
        parentheses when used as an argument."""
        if off == 0 and scale == 1:
            return self.symbol, False
        if scale == 1:
            return f"{scalar_format(off)} + {self.symbol}", True
        if off == 0:
            return f"{scalar_format(scale)}{self.symbol}", True
        return f"{scalar_format(off)} + {scalar_format(scale)}{self.symbol}", True

    def _repr_latex_coef(self, i, c):
        if i == 0:
            return self._repr_latex_scalar(c)
        if not isinstance(c, numbers.Real):
            return f" + ({self._repr_latex_scalar(c)})"
        if c >= 0:
            return f" + {self._repr_latex_scalar(c, parens=True)}"
        return f" - {self._repr_latex_scalar(-c, parens=True)}"

    def _repr_latex_(self):
        off, scale = self.mapparms()
        term, needs_parens = self._format_term(self._repr_latex_scalar, off, scale)
        parts = []
        for i, c in enumerate(self.coef):
            coef_str = self._repr_latex_coef(i, c)
            term_str = self._repr_latex_term(i, term, needs_parens)
            part = coef_str if term_str == '1' else rf"{coef_str}\,{term_str}"
            if c == 0:
                # zero terms are kept but greyed out
                part = r"\color{LightGray}{" + part + "}"
            parts.append(part)
        body = ''.join(parts) if parts else '0'
        return rf"${self.symbol} \mapsto {body}$"

    # -- pickling ----------------------------------------------------------------------

    def __getstate__(self):
        state = self.__dict__.copy()
        state['coef'] = self.coef.copy()
        state['domain'] = self.domain.copy()
        state['window'] = self.window.copy()
        state['symbol'] = self.symbol
        return state

    def __setstate__(self, state):
        self.__dict__ = state

    # -- container and evaluation ------------------------------------------------------

    def __call__(self, arg):
        return self._val(pu.mapdomain(arg, self.domain, self.window), self.coef)

    def __iter__(self):
        return iter(self.coef)

    def __len__(self):
        return len(self.coef)

    # -- arithmetic --------------------------------------------------------------------

    def __neg__(self):
        return self._new(-self.coef)

    def __pos__(self):
        return self

    def _binary(self, op, c1, c2):
        """``op(c1, c2)`` as a series like ``self``, or NotImplemented when it fails."""
        try:
            coef = op(c1, c2)
        except Exception:  # noqa: BLE001 - any failure lets the other operand try
            return NotImplemented
        return self._new(coef)

    def __add__(self, other):
        return self._binary(self._add, self.coef, self._get_coefficients(other))

    def __sub__(self, other):
        return self._binary(self._sub, self.coef, self._get_coefficients(other))

    def __mul__(self, other):
        return self._binary(self._mul, self.coef, self._get_coefficients(other))

    def __truediv__(self, other):
        # only division by a number is a true division; it is the quotient
        if not isinstance(other, numbers.Number) or isinstance(other, bool):
            raise TypeError(
                f"unsupported types for true division: "
                f"'{type(self)}', '{type(other)}'")
        return self.__floordiv__(other)

    def __floordiv__(self, other):
        res = self.__divmod__(other)
        return res if res is NotImplemented else res[0]

    def __mod__(self, other):
        res = self.__divmod__(other)
        return res if res is NotImplemented else res[1]

    def _division(self, c1, c2):
        """Quotient and remainder series of ``c1 / c2``, or NotImplemented."""
        try:
            quo, rem = self._div(c1, c2)
        except ZeroDivisionError:
            raise
        except Exception:  # noqa: BLE001 - any other failure lets the other operand try
            return NotImplemented
        return self._new(quo), self._new(rem)

    def __divmod__(self, other):
        return self._division(self.coef, self._get_coefficients(other))

    def __pow__(self, other):
        return self._new(self._pow(self.coef, other, maxpower=self.maxpower))

    def __radd__(self, other):
        return self._binary(self._add, other, self.coef)

    def __rsub__(self, other):
        return self._binary(self._sub, other, self.coef)

    def __rmul__(self, other):
        return self._binary(self._mul, other, self.coef)

    def __rtruediv__(self, other):
        # a number divided by a series is not a series
        return NotImplemented

    def __rfloordiv__(self, other):
        res = self.__rdivmod__(other)
        return res if res is NotImplemented else res[0]

    def __rmod__(self, other):
        res = self.__rdivmod__(other)
        return res if res is NotImplemented else res[1]

    def __rdivmod__(self, other):
        return self._division(other, self.coef)

    def __eq__(self, other):
        return (isinstance(other, self.__class__)
                and rp.all(self.domain == other.domain)
                and rp.all(self.window == other.window)
                and self.coef.shape == other.coef.shape
                and rp.all(self.coef == other.coef)
                and self.symbol == other.symbol)

    def __ne__(self, other):
        return not self.__eq__(other)

    # -- methods -----------------------------------------------------------------------

    def copy(self):
        """A copy of the series."""
        return self._new(self.coef)

    def degree(self):
        """The degree: the number of coefficients less one."""
        return len(self) - 1

    def cutdeg(self, deg):
        """The series truncated to degree ``deg``."""
        return self.truncate(deg + 1)

    def trim(self, tol=0):
        """The series without trailing coefficients of magnitude at most ``tol``."""
        return self._new(pu.trimcoef(self.coef, tol))

    def truncate(self, size):
        """The series truncated to its first ``size`` coefficients."""
        isize = int(size)
        if isize != size or isize < 1:
            raise ValueError("size must be a positive integer")
        return self._new(self.coef if isize >= len(self.coef) else self.coef[:isize])

    def convert(self, domain=None, kind=None, window=None):
        """The series as an instance of ``kind`` with the given domain and window."""
        if kind is None:
            kind = self.__class__
        if domain is None:
            domain = kind.domain
        if window is None:
            window = kind.window
        return self(kind.identity(domain, window=window, symbol=self.symbol))

    def mapparms(self):
        """Offset and scale of the map from the domain to the window."""
        return pu.mapparms(self.domain, self.window)

    def integ(self, m=1, k=[], lbnd=None):  # noqa: B006 - numpy's signature
        """The ``m``-th integral, with constants ``k`` and lower bound ``lbnd``."""
        off, scl = self.mapparms()
        lbnd = 0 if lbnd is None else off + scl * lbnd
        return self._new(self._int(self.coef, m, k, lbnd, 1. / scl))

    def deriv(self, m=1):
        """The ``m``-th derivative."""
        _, scl = self.mapparms()
        return self._new(self._der(self.coef, m, scl))

    def roots(self):
        """The roots, in the domain."""
        return pu.mapdomain(self._roots(self.coef), self.window, self.domain)

    def linspace(self, n=100, domain=None):
        """``n`` equally spaced points of ``domain`` and the series' values there."""
        if domain is None:
            domain = self.domain
        x = rp.linspace(domain[0], domain[1], n)
        return x, self(x)

    @classmethod
    def fit(cls, x, y, deg, domain=None, rcond=None, full=False, w=None,
            window=None, symbol='x'):
        """Least-squares fit of the data ``(x, y)`` by a series of degree ``deg``."""
        if domain is None:
            domain = pu.getdomain(x)
            if domain[0] == domain[1]:
                # widen a single point into an interval
                domain[0] -= 1
                domain[1] += 1
        elif isinstance(domain, list) and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        xnew = pu.mapdomain(x, domain, window)
        res = cls._fit(xnew, y, deg, w=w, rcond=rcond, full=full)
        if full:
            coef, status = res
            return cls(coef, domain=domain, window=window, symbol=symbol), status
        return cls(res, domain=domain, window=window, symbol=symbol)

    @classmethod
    def fromroots(cls, roots, domain=[], window=None, symbol='x'):  # noqa: B006
        """The monic-in-the-domain series with the given roots."""
        [roots] = pu.as_series([roots], trim=False)
        if domain is None:
            domain = pu.getdomain(roots)
        elif isinstance(domain, list) and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        deg = len(roots)
        off, scl = pu.mapparms(domain, window)
        rnew = off + scl * roots
        coef = cls._fromroots(rnew) / scl**deg
        return cls(coef, domain=domain, window=window, symbol=symbol)

    @classmethod
    def identity(cls, domain=None, window=None, symbol='x'):
        """The series equal to its argument: ``p(x) == x``."""
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        off, scl = pu.mapparms(window, domain)
        return cls(cls._line(off, scl), domain, window, symbol)

    @classmethod
    def basis(cls, deg, domain=None, window=None, symbol='x'):
        """The basis function of degree ``deg``."""
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        ideg = int(deg)
        if ideg != deg or ideg < 0:
            raise ValueError("deg must be non-negative integer")
        return cls([0] * ideg + [1], domain, window, symbol)

    @classmethod
    def cast(cls, series, domain=None, window=None):
        """``series`` converted to this class."""
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        return series.convert(domain, cls, window)
