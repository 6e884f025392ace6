"""``rumpy.lib.introspect``: which optimised loops a function dispatches to.

NumPy compiles each ufunc loop for several CPU feature sets and picks one at run time;
``opt_func_info`` lists those choices. Rumpy's core is compiled once, for the baseline of
its target, with no run-time dispatch, so every matching function and signature reports
the single target ``"baseline"`` as both the current and the available ones.
"""

import re

__all__ = ["opt_func_info"]


def _loops():
    """{ufunc name: [type signature, ...]} of rumpy's ufuncs, e.g. ``"dd->d"``."""
    import rumpy
    loops = {}
    for name in dir(rumpy):
        func = getattr(rumpy, name)
        if isinstance(func, rumpy.ufunc):
            loops[func.__name__] = list(func.types)
    return loops


def _matches(pattern, chars):
    """Does a type code of ``chars``, or its dtype's name, match ``pattern``?"""
    import rumpy
    return any(pattern.search(c) or pattern.search(rumpy.dtype(c).name) for c in chars)


def opt_func_info(func_name=None, signature=None):
    """{function: {signature: {"current": target, "available": targets}}} for the
    functions whose name matches the regular expression ``func_name`` and the signatures
    with a type code or dtype name matching ``signature``."""
    loops = _loops()
    if func_name is not None:
        name_pattern = re.compile(func_name)
        loops = {k: v for k, v in loops.items() if name_pattern.search(k)}
    sig_pattern = re.compile(signature) if signature is not None else None
    info = {}
    for name, sigs in loops.items():
        chars = [s.replace("->", "") for s in sigs]
        chosen = {c: {"current": "baseline", "available": "baseline"}
                  for c in chars if sig_pattern is None or _matches(sig_pattern, c)}
        if chosen:
            info[name] = chosen
    return info
