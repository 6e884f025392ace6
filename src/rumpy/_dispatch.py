"""NumPy's functions that dispatch (NEP 18) and the rumpy functions that stand for them.

Each public rumpy function of these names is wrapped in ``_core.array_function``
(made by ``_core._array_function``): given
operands that NumPy's protocols hand to someone else (classes overriding
``__array_function__`` such as Dask's arrays, NumPy's subclasses such as masked arrays, and,
for the functions NumPy implements by calling a method, objects with that method such as
pandas' and xarray's), NumPy's function of the same name runs, so the call goes where it goes
in NumPy; otherwise rumpy's implementation runs.
"""

from . import _core

# numpy 2.4's public functions with an array-function dispatcher.
NAMES = """
    all allclose amax amin angle any append apply_along_axis apply_over_axes argmax argmin
    argpartition argsort argwhere around array2string array_equal array_equiv array_repr
    array_split array_str astype atleast_1d atleast_2d atleast_3d average bincount block
    broadcast_arrays broadcast_to busday_count busday_offset can_cast choose clip
    column_stack common_type compress concat concatenate convolve copy copyto corrcoef
    correlate count_nonzero cov cross cumprod cumsum cumulative_prod cumulative_sum
    datetime_as_string delete diag diag_indices_from diagflat diagonal diff digitize dot
    dsplit dstack ediff1d einsum einsum_path empty_like expand_dims extract fill_diagonal
    fix flatnonzero flip fliplr flipud full_like geomspace gradient histogram histogram2d
    histogram_bin_edges histogramdd hsplit hstack i0 imag inner insert interp intersect1d
    is_busday isclose iscomplex iscomplexobj isin isneginf isposinf isreal isrealobj ix_
    kron lexsort linspace logspace matrix_transpose max may_share_memory mean median
    meshgrid min min_scalar_type moveaxis nan_to_num nanargmax nanargmin nancumprod
    nancumsum nanmax nanmean nanmedian nanmin nanpercentile nanprod nanquantile nanstd
    nansum nanvar ndim nonzero ones_like outer packbits pad partition percentile
    permute_dims piecewise place poly polyadd polyder polydiv polyfit polyint polymul
    polysub polyval prod ptp put put_along_axis putmask quantile ravel ravel_multi_index
    real real_if_close repeat reshape resize result_type roll rollaxis roots rot90 round
    save savetxt savez savez_compressed searchsorted select setdiff1d setxor1d shape
    shares_memory sinc size sort sort_complex split squeeze stack std sum swapaxes take
    take_along_axis tensordot tile trace transpose trapezoid tril tril_indices_from
    trim_zeros triu triu_indices_from union1d unique unique_all unique_counts unique_inverse
    unique_values unpackbits unravel_index unstack unwrap vander var vdot vsplit vstack
    where zeros_like
""".split()

# NumPy's functions that call a method of the same meaning on objects other than its arrays
# (its ``_wrapfunc``/``_wrapreduction``): name -> (method, position of the object).
METHODS = {
    "all": ("all", 0),
    "amax": ("max", 0),
    "amin": ("min", 0),
    "any": ("any", 0),
    "argmax": ("argmax", 0),
    "argmin": ("argmin", 0),
    "argpartition": ("argpartition", 0),
    "argsort": ("argsort", 0),
    "around": ("round", 0),
    "choose": ("choose", 0),
    "clip": ("clip", 0),
    "compress": ("compress", 1),
    "cumprod": ("cumprod", 0),
    "cumsum": ("cumsum", 0),
    "max": ("max", 0),
    "mean": ("mean", 0),
    "min": ("min", 0),
    "nonzero": ("nonzero", 0),
    "prod": ("prod", 0),
    "repeat": ("repeat", 0),
    "reshape": ("reshape", 0),
    "round": ("round", 0),
    "searchsorted": ("searchsorted", 0),
    "squeeze": ("squeeze", 0),
    "std": ("std", 0),
    "sum": ("sum", 0),
    "swapaxes": ("swapaxes", 0),
    "take": ("take", 0),
    "transpose": ("transpose", 0),
    "var": ("var", 0),
}


def install(namespace):
    """Wrap the functions of ``namespace`` (rumpy's) that NumPy dispatches."""
    for name in NAMES:
        f = namespace.get(name)
        if type(f).__name__ not in ("function", "builtin_function_or_method"):
            continue  # absent, or a ufunc (those dispatch through __array_ufunc__)
        method, index = METHODS.get(name, (None, 0))
        namespace[name] = _core._array_function(f, name, method, index)
