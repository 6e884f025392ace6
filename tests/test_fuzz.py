"""Seeded crash fuzzer: random straight-line programs over rumpy's core API, run in child
processes. A test fails on a crash (the child dies by a signal, e.g. SIGSEGV or SIGABRT), a Rust
panic (``pyo3_runtime.PanicException`` escapes, or "panicked at" appears on stderr), or a hang
(a program runs longer than the per-program timeout, or a child longer than the per-child
timeout). Ordinary Python exceptions are fine: every generated statement is wrapped in
``try: ... except Exception:`` (whose clause passes, or binds the statement's result to an array
that surely exists so later statements have something to work on), so the fuzzer is about
crashes, not about values.

How it works
------------
* ``Gen`` (pure Python, ``random.Random(key)``) writes a program of ~10-30 statements drawn
  from: array creation (including hostile ``rp.ndarray(..., buffer=, offset=, strides=)`` and
  ``rp.frombuffer`` with huge, negative and overflowing values), the 14 numeric dtypes and
  record dtypes (with subarray fields of random, sometimes huge, shapes), ufunc calls with
  keywords, reductions, ufunc methods, basic and fancy indexing get/set, views and reshapes,
  ``resize(refcheck=False)`` with live memoryviews, concatenate/stack/take/put/repeat,
  tolist/item/repr, interop with NumPy and the buffer protocol, record fields and ``.npy``
  round trips through corrupted bytes.
* A child process runs a batch of programs (``PER_CHILD``), each ``exec``'d in a fresh
  namespace, under ``RLIMIT_AS`` so a runaway allocation becomes a MemoryError instead of
  swapping. The child writes ``@@FUZZ-BEGIN i`` / ``@@FUZZ-END i`` to stderr around program
  ``i``, so when it dies the parent knows which program it was; faulthandler shows the line.
* A failing program is re-run alone to confirm (with ``RUST_BACKTRACE=1``), shrunk statement
  by statement, and reported with its full source (runnable as it stands with ``python``).
  A crash or panic that does not recur alone still fails (it crashed after all); a hang that
  does not recur alone is only reported, since a loaded machine can cause it.

Knobs (environment): ``RUMPY_FUZZ_SECONDS`` total time budget over the test functions
(default 120, i.e. about 60 s of wall time with ``pytest -n 2``), ``RUMPY_FUZZ_SEED`` base
seed (default fixed so CI is reproducible), ``RUMPY_FUZZ_PROGRAMS`` optional cap on programs
per test function.

Long runs as a script (keeps going after a crash and collects distinct reproducers)::

    python tests/test_fuzz.py --seconds 1800 --seed 7
    python tests/test_fuzz.py --replay 7/mixed/123      # print and run one program
"""

import argparse
import itertools
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

import pytest

# ---------------------------------------------------------------------------
# parameters
# ---------------------------------------------------------------------------

AREAS = ["arrays", "ufuncs", "records_io", "mixed"]
DEFAULT_SECONDS = 120.0        # total over the AREAS test functions
DEFAULT_SEED = 20240601
PER_CHILD = 100                # programs per child process
PROGRAM_TIMEOUT = 20           # seconds one program may run (faulthandler watchdog)
CHILD_TIMEOUT = 60             # seconds one child may run (backstop for the watchdog)
MEM_LIMIT = 4 << 30            # RLIMIT_AS of the child; rayon's threads still start under it
MAX_ELEMS = 2048               # results bigger than this are dropped from the program's pool
PYTEST_MAX_FAILURES = 3        # distinct failures a test function collects before it stops
PYTEST_REDUCE_SECONDS = 15     # time spent shrinking each failure in pytest mode

# ---------------------------------------------------------------------------
# the child process
# ---------------------------------------------------------------------------

CHILD = r"""
import sys
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (%(mem)d, %(mem)d))
except (ImportError, ValueError, OSError):
    pass
import faulthandler, json, warnings
faulthandler.enable(all_threads=True)
warnings.simplefilter("ignore")
try:
    import rumpy                    # a broken install must not pass as "no crash"
    rumpy.zeros(3).sum()
except Exception as e:
    sys.stderr.write("@@FUZZ-NO-RUMPY %%r\n" %% (e,))
    sys.exit(4)
programs = json.loads(sys.stdin.read())
err = sys.stderr
for i, src in enumerate(programs):
    code = compile(src, "<fuzz-%%d>" %% i, "exec")
    err.write("@@FUZZ-BEGIN %%d\n" %% i); err.flush()
    faulthandler.dump_traceback_later(%(timeout)d, exit=True)
    ns = {"__name__": "__fuzz__"}
    escaped = None
    try:
        exec(code, ns)
    except Exception:
        pass                        # ordinary errors are fine, also outside the try blocks
    except BaseException as e:      # PanicException is a BaseException
        escaped = e
    ns.clear()
    faulthandler.cancel_dump_traceback_later()
    if escaped is not None:
        import traceback
        err.write("@@FUZZ-ESCAPED %%d %%s.%%s\n" %% (
            i, type(escaped).__module__, type(escaped).__qualname__))
        traceback.print_exception(escaped)
        err.write("@@FUZZ-END %%d\n" %% i); err.flush()
        sys.exit(3)                 # a fresh process for the programs after this one
    err.write("@@FUZZ-END %%d\n" %% i); err.flush()
err.write("@@FUZZ-DONE\n"); err.flush()
"""


def child_source(program_timeout=PROGRAM_TIMEOUT, mem=MEM_LIMIT):
    return CHILD % {"mem": mem, "timeout": program_timeout}


class Failure:
    """One program that crashed, panicked, hung or let a BaseException escape."""

    def __init__(self, kind, detail, index, stderr):
        self.kind = kind            # "signal", "panic", "hang", "escaped", "exit"
        self.detail = detail        # e.g. "SIGSEGV", the panic message, the exit code
        self.index = index          # index of the program in its batch (None: unknown)
        self.stderr = stderr        # the child's stderr for that program
        self.key = None
        self.source = None
        self.reduced = None
        self.confirmed = None
        self.tag = None
        self.line = None

    def signature(self):
        """What makes two failures the same: a panic's source location; otherwise the kind,
        the signal and the statement kind (``# @tag``) that was running."""
        if self.kind == "panic":
            return (self.kind, _panic_site(self.detail, self.stderr))
        return (self.kind, self.detail, self.tag)

    def describe(self):
        return f"{self.kind} ({self.detail}) at [{self.tag}]"


def _panic_site(msg, stderr=""):
    """Where a panic happened: file:line, and for a panic inside a dependency (pyo3's
    "PyObject pointer is null", say) the first rumpy frame of the backtrace, when there is
    one (confirmation runs have RUST_BACKTRACE=1)."""
    m = re.search(r"panicked at ([^\s:]+:\d+)", msg or "")
    site = m.group(1) if m else (msg or "")[:80]
    if "/.cargo/" in site or "/rustc/" in site:
        fr = re.search(r"\d+: (rumpy::\S+)", stderr or "")
        if fr:
            site += " via " + fr.group(1)
    return site


def run_batch(programs, program_timeout=PROGRAM_TIMEOUT, child_timeout=CHILD_TIMEOUT,
              backtrace=False):
    """Run ``programs`` (sources) in one child. Returns ``(n_finished, failure_or_None)``: the
    number of programs that ran to their end before the child stopped, and the failure of the
    program that stopped it (or a panic found on stderr)."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONFAULTHANDLER="1")
    env.pop("RUST_BACKTRACE", None)
    if backtrace:
        env["RUST_BACKTRACE"] = "1"
    with tempfile.TemporaryFile() as errf, tempfile.TemporaryDirectory() as cwd:
        proc = subprocess.Popen([sys.executable, "-c", child_source(program_timeout)],
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errf,
                                cwd=cwd, env=env, start_new_session=True)
        timed_out = False
        try:
            proc.communicate(json.dumps(programs).encode(), timeout=child_timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                proc.kill()
            proc.wait()
        errf.seek(0)
        stderr = errf.read().decode("utf-8", "replace")
    return classify(proc.returncode, stderr, timed_out, len(programs))


def _segments(stderr):
    """{index: stderr text between BEGIN and END (or the end)}, and the index of the program
    that began but did not end (None if none)."""
    segs, cur, buf, ended = {}, None, [], set()
    for line in stderr.splitlines(keepends=True):
        m = re.match(r"@@FUZZ-(BEGIN|END) (\d+)$", line.strip())
        if m:
            if cur is not None:
                segs[cur] = "".join(buf)
            cur, buf = int(m.group(2)), []
            if m.group(1) == "END":
                ended.add(cur)
                cur = None
            continue
        buf.append(line)
    if cur is not None:
        segs[cur] = "".join(buf)
    unfinished = [i for i in segs if i not in ended]
    return segs, (max(unfinished) if unfinished else None), ended


def classify(rc, stderr, timed_out, n_programs):
    segs, unfinished, ended = _segments(stderr)
    n_done = len(ended)
    # a panic anywhere (also one caught and converted into an ordinary exception)
    for i in sorted(segs):
        s = segs[i]
        if "panicked at" in s or "PanicException" in s:
            m = re.search(r"panicked at [^\n]*\n[^\n]*", s)
            msg = m.group(0) if m else re.search(r"[^\n]*PanicException[^\n]*", s).group(0)
            return min(n_done, i), Failure("panic", msg.strip(), i, s)
    if timed_out:
        return n_done, Failure("hang", f"child ran over its timeout", unfinished, segs.get(
            unfinished, stderr[-4000:]))
    if rc is not None and rc < 0:
        try:
            name = signal.Signals(-rc).name
        except ValueError:
            name = f"signal {-rc}"
        return n_done, Failure("signal", name, unfinished, segs.get(unfinished, stderr[-4000:]))
    if rc == 4 and "@@FUZZ-NO-RUMPY" in stderr:
        return 0, Failure("exit", "rumpy does not import", None, stderr[-4000:])
    if rc == 3:
        esc = re.search(r"@@FUZZ-ESCAPED (\d+) (\S+)", stderr)
        if esc:
            i = int(esc.group(1))
            return min(n_done, i), Failure("escaped", esc.group(2), i, segs.get(i, ""))
    if rc != 0:
        seg = segs.get(unfinished, stderr[-4000:]) if unfinished is not None else stderr[-4000:]
        if "Timeout (" in seg:
            return n_done, Failure("hang", f"program ran over {PROGRAM_TIMEOUT} s", unfinished,
                                   seg)
        return n_done, Failure("exit", f"exit code {rc}", unfinished, seg)
    if "@@FUZZ-DONE" not in stderr or n_done != n_programs:
        return n_done, Failure("exit", "child stopped early", unfinished, stderr[-4000:])
    return n_done, None


def crash_line(failure, source):
    """(line number, tag) of the statement running when the program died, from the
    faulthandler/traceback text; tags are the ``# @tag`` comments the generator writes."""
    lines = source.splitlines()
    found = None
    for m in re.finditer(r'File "<fuzz-\d+>", line (\d+)', failure.stderr or ""):
        found = int(m.group(1))
        if failure.kind != "escaped":
            break               # faulthandler: most recent call first
    # (for an escaped exception the traceback is oldest first: keep the last one)
    if found is None:
        return None, "?"
    tag = "?"
    for j in range(min(found, len(lines)) - 1, -1, -1):
        m = re.match(r"# @(\S+)", lines[j])
        if m:
            tag = m.group(1)
            break
    return found, tag


# ---------------------------------------------------------------------------
# the program generator
# ---------------------------------------------------------------------------

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
DTYPE_ALIASES = ["'?'", "'b'", "'B'", "'h'", "'H'", "'i'", "'I'", "'l'", "'L'", "'q'", "'Q'",
                 "'e'", "'f'", "'d'", "'F'", "'D'", "'>i4'", "'<u2'", "'>f8'", "'>c16'",
                 "'=i8'", "'|b1'", "'>f2'", "'<c8'", "'>u8'", "rp.float32", "rp.int64",
                 "rp.bool_", "rp.complex64", "rp.uint8", "rp.float16", "int", "float",
                 "complex", "bool", "None", "rp.dtype('>i2')"]
BAD_DTYPES = ["'V8'", "'V0'", "'S3'", "'O'", "'M8[s]'", "'U4'", "'i3'", "'f7'", "'<x'", "''",
              "'f8,'", "'i4,f8'", "'(2,3)f4'", "'(2**62)f8'", "('f8', (2**62,))", "('i4', -1)",
              "('u1', (2**31, 2**31))", "('f8', (0,))", "('c16', (2, 3))",
              "{'names': ['a'], 'formats': ['f8'], 'offsets': [2**62]}", "3", "[1, 2]",
              "'float128'", "rp.ndarray", "object", "[]",
              "{'names': [], 'formats': [], 'itemsize': 8}",
              "{'names': ['a', 'b'], 'formats': ['<f8', '<i4'], 'offsets': [0, 2]}",
              "('V8', [('a', '<i4'), ('b', '<i4')])", "('<i8', [('lo', '<u4'), ('hi', '<u4')])"]
HUGE = ["2**61+1", "2**62", "2**63", "2**63-1", "2**64", "2**64+1", "-2**63", "-2**63-1",
        "2**31", "2**31-1", "2**32", "2**32+1", "2**40", "2**53+1", "2**57", "-1", "-2",
        "-2**31", "10**20", "-10**20", "2**60", "2**62+3"]
UNARY = ["absolute", "negative", "positive", "sqrt", "square", "exp", "log", "sin", "cos",
         "tanh", "arcsinh", "arccos", "invert", "logical_not", "isnan", "isinf", "isfinite",
         "sign", "floor", "ceil", "rint", "trunc", "reciprocal", "cbrt", "exp2", "expm1",
         "log1p", "log2", "log10", "signbit", "spacing", "bitwise_count", "conjugate", "fabs",
         "rad2deg", "deg2rad", "sinh", "arctanh", "isnat"]
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "power",
          "maximum", "minimum", "fmax", "fmin", "arctan2", "hypot", "bitwise_and",
          "bitwise_or", "bitwise_xor", "left_shift", "right_shift", "logical_and",
          "logical_or", "logical_xor", "equal", "not_equal", "less", "greater", "less_equal",
          "greater_equal", "copysign", "nextafter", "ldexp", "gcd", "lcm", "heaviside",
          "fmod", "logaddexp", "logaddexp2", "float_power", "true_divide"]
MULTI_OUT = ["divmod", "modf", "frexp"]
METHOD_UFUNCS = ["add", "multiply", "maximum", "minimum", "subtract", "logical_and",
                 "logical_or", "bitwise_or", "bitwise_xor", "divide", "power", "equal", "fmax",
                 "hypot", "arctan2", "floor_divide", "remainder", "left_shift", "gcd",
                 "logaddexp", "divmod", "negative", "less", "true_divide", "fmin"]
CASTINGS = ["'no'", "'equiv'", "'safe'", "'same_kind'", "'unsafe'", "'bogus'"]
ORDERS = ["'C'", "'F'", "'A'", "'K'", "'X'", "None"]
SIGNATURES = ["'dd->d'", "'ff->f'", "'ii->i'", "'ll->l'", "'??->?'", "'FF->F'", "'ee->e'",
              "'d->d'", "'f'", "'d'", "('f8', 'f8', None)", "(None, None, 'i4')",
              "('i1', 'i1', 'i1')", "'qq->d'", "'xx->x'", "'DD->D'", "('u8', None, None)",
              "'dd->dd'", "rp.float32", "(rp.float64, rp.float64, rp.float64)"]
REDUCTIONS = ["sum", "prod", "max", "min", "argmax", "argmin", "mean", "any", "all", "cumsum",
              "cumprod", "var", "std", "ptp", "count_nonzero", "nansum", "nanmax", "nanmean",
              "nanargmin", "nancumsum", "amax"]
METHOD_REDUCTIONS = {"sum", "prod", "max", "min", "argmax", "argmin", "mean", "any", "all",
                     "cumsum", "cumprod", "var", "std"}
NP_FORMATS = ["B", "b", "h", "H", "i", "I", "q", "Q", "l", "f", "d", "?", "e", "c", "x",
              "<i", ">d", "=q", "Zd", "Zf", "P", "n", "N", "2i", "T{i:a:}", "w"]


def _prod(shape):
    p = 1
    for d in shape:
        p *= d
    return p


SAFE_RECS = [
    ("[('a', '<i4'), ('b', '<f8')]", ["a", "b"]),
    ("[('a', 'u1'), ('b', '<f8', (2,)), ('c', '<c8')]", ["a", "b", "c"]),
    ("[('x', '<i2', (2, 3)), ('y', [('p', 'u1'), ('q', '>f4')])]", ["x", "y"]),
    ("{'names': ['a', 'b'], 'formats': ['<i4', 'u1'], 'offsets': [0, 6], 'itemsize': 12}",
     ["a", "b"]),
    ("[('a', '?'), ('b', '>i8'), ('c', '<f2', (3,))]", ["a", "b", "c"]),
]


class Arr:
    __slots__ = ("name", "shape", "dtype", "fields", "safe")

    def __init__(self, name, shape=None, dtype=None, fields=None, safe=False):
        self.name, self.shape, self.dtype, self.fields = name, shape, dtype, fields
        self.safe = safe


class Gen:
    """Writes one program. ``area`` biases the statement mix."""

    WEIGHTS = {
        #  kind          arrays ufuncs rec_io mixed
        "create":        (14,   8,     4,     8),
        "create_data":   (6,    8,     2,     4),
        "hostile_ctor":  (3,    1,     6,     3),
        "frombuffer":    (3,    1,     5,     3),
        "hostile_shape": (2,    1,     3,     2),
        "dtype":         (1,    1,     4,     2),
        "ufunc":         (2,    20,    1,     6),
        "operator":      (2,    8,     1,     3),
        "reduction":     (2,    14,    1,     5),
        "ufunc_method":  (1,    12,    1,     4),
        "getitem":       (16,   2,     3,     7),
        "setitem":       (12,   2,     3,     6),
        "view":          (12,   3,     3,     6),
        "resize":        (3,    1,     2,     2),
        "join":          (6,    2,     2,     3),
        "take_put":      (5,    2,     1,     3),
        "misc":          (4,    3,     1,     3),
        "output":        (5,    2,     3,     4),
        "memoryview":    (3,    1,     4,     3),
        "np_interop":    (2,    2,     6,     3),
        "rec_create":    (1,    0,     8,     3),
        "rec_get":       (0,    0,     7,     2),
        "rec_set":       (0,    0,     6,     2),
        "rec_ops":       (0,    0,     5,     2),
        "npy":           (1,    0,     7,     2),
        "npy_forged":    (0,    0,     4,     1),
        "field":         (0,    1,     2,     1),
        "errstate":      (0,    2,     0,     1),
        "threads":       (1,    1,     1,     2),
        "buffer_mut":    (2,    0,     3,     2),
    }

    def __init__(self, key, area="mixed"):
        self.r = random.Random(key)
        self.key = key
        col = AREAS.index(area)
        self.kinds = [k for k, w in self.WEIGHTS.items() if w[col]]
        self.wts = [self.WEIGHTS[k][col] for k in self.kinds]
        self.blocks = []            # [tag, lines, [(name, fallback)]]
        self.pending = []
        self.arrs = []
        self.recs = []
        self.n = 0
        self.uses_np = False
        self.uses_io = False
        self.rec_mode = "zero"

    # -- small helpers ---------------------------------------------------------
    def p(self, x):
        return self.r.random() < x

    def ch(self, seq):
        return self.r.choice(seq)

    def fresh(self, prefix="v"):
        self.n += 1
        return f"{prefix}{self.n}"

    def emit(self, tag, lines):
        self.blocks.append([tag, list(lines), self.pending])
        self.pending = []

    def cap(self, name):
        """A check that sends a big result to the fallback (so later statements stay fast)."""
        return (f"assert getattr({name}, 'size', 0) <= {MAX_ELEMS} and "
                f"max(getattr({name}, 'shape', None) or (0,)) <= {MAX_ELEMS}")

    def fallback(self, pool=None):
        safe = [a.name for a in (self.recs if pool == "rec" else self.arrs) if a.safe]
        return self.ch(safe) if safe else "rp.arange(6.0)"

    def add(self, arr, pool=None):
        """Put ``arr`` in a pool. Unless it is safe, the block that assigns it gets an
        ``except`` clause binding it to a safe array, so later statements find a value."""
        items = self.recs if pool == "rec" else self.arrs
        if not arr.safe:
            fb = (arr.name, self.fallback(pool))
            pat = re.compile(rf"\s*{arr.name}\s*=[^=]")
            if self.blocks and any(pat.match(ln) for ln in self.blocks[-1][1]):
                self.blocks[-1][2].append(fb)
            else:
                self.pending.append(fb)
        items.append(arr)
        return arr

    def np(self):
        self.uses_np = True
        return "np"

    def render(self):
        out = ["import rumpy as rp"]
        if self.uses_np:
            out.append("import numpy as np")
        if self.uses_io:
            out.append("import io")
        for tag, lines, results in self.blocks:
            out.append(f"# @{tag}")
            out.append("try:")
            out.extend("    " + ln for ln in lines)
            out.append("except Exception:")
            out.extend(f"    {name} = {fb}" for name, fb in results)
            if not results:
                out.append("    pass")
        return "\n".join(out) + "\n"

    # -- values ------------------------------------------------------------------
    def small_int(self, lo=-4, hi=6):
        return self.r.randint(lo, hi)

    def huge(self):
        return self.ch(HUGE)

    def int_code(self, lo=-4, hi=6, hostile=0.05):
        return self.huge() if self.p(hostile) else str(self.small_int(lo, hi))

    def dtype_name(self):
        return self.ch(DTYPES)

    def dtype_code(self, rec=0.05, bad=0.04, alias=0.15):
        x = self.r.random()
        if x < rec:
            return self.rec_spec()[0]
        if x < rec + bad:
            return self.ch(BAD_DTYPES)
        if x < rec + bad + alias:
            return self.ch(DTYPE_ALIASES)
        return repr(self.dtype_name())

    def scalar_code(self, kind=None):
        k = kind or self.ch("bifcx")
        if k == "b":
            return self.ch(["True", "False"])
        if k == "i":
            return self.ch(["0", "1", "-1", "3", "-7", "127", "-128", "255", "256", "65535",
                            "2**31-1", "2**63-1", "2**64-1", "-2**63", "2**64", "-2**63-1",
                            "2**100", "42"])
        if k == "f":
            return self.ch(["0.0", "-0.0", "1.5", "-2.25", "1e300", "-1e-300", "float('nan')",
                            "float('inf')", "-float('inf')", "65504.0", "3.4e38", "0.1"])
        if k == "c":
            return self.ch(["1j", "(1+2j)", "complex('nan+1j')", "(-0.0-0.0j)", "1e300j",
                            "complex(float('inf'), 0)"])
        return self.ch(["rp.float16(1.5)", "rp.int8(-3)", "rp.uint64(2**64-1)",
                        "rp.complex64(1j)", "rp.bool_(True)", "rp.float32('nan')",
                        "rp.int64(-2**63)", "rp.uint8(255)", "None", "'3'", "b'x'", "[]",
                        "()"])

    def small_shape(self, max_nd=4, max_size=1000):
        nd = self.r.choices(range(max_nd + 1), [1, 4, 4, 2, 1][:max_nd + 1])[0]
        dims = [self.ch([0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 10, 16, 33]) for _ in range(nd)]
        while _prod(dims) > max_size:
            i = self.r.randrange(nd)
            dims[i] = max(1, dims[i] // 2)
        return tuple(dims)

    def shape_code(self, shape):
        if len(shape) == 1 and self.p(0.3):
            return str(shape[0])
        if self.p(0.05):
            return repr(list(shape))
        return repr(tuple(shape))

    def hostile_shape_code(self):
        nd = self.r.randint(1, 3)
        dims = [self.huge() if self.p(0.5) else str(self.ch([0, 1, 2, 3, 4]))
                for _ in range(nd)]
        if not any(d.startswith(("2", "1", "-")) and len(d) > 1 for d in dims):
            dims[self.r.randrange(nd)] = self.huge()
        return "(" + ", ".join(dims) + ("," if nd == 1 else "") + ")"

    def any_shape_code(self, size=None):
        x = self.r.random()
        if size is not None and x < 0.55:
            return self.shape_code(self.factor(size))
        if x < 0.7 and size is not None:
            s = list(self.factor(size))
            if s:
                s[self.r.randrange(len(s))] = -1
            return self.shape_code(tuple(s))
        if x < 0.9:
            return self.shape_code(self.small_shape())
        return self.hostile_shape_code()

    def factor(self, size):
        """A random shape with ``size`` elements."""
        dims = []
        n = size
        for _ in range(self.r.randint(0, 3)):
            divs = [d for d in range(1, min(n, 16) + 1) if n % d == 0] or [1]
            d = self.ch(divs)
            dims.append(d)
            n //= d if d else 1
        dims.append(n)
        if self.p(0.2):
            dims.insert(self.r.randrange(len(dims) + 1), 1)
        self.r.shuffle(dims)
        if size == 1 and self.p(0.3):
            return ()
        return tuple(dims)

    def nested_list(self, shape, kind, ragged=0.03):
        if not shape:
            return self.value_lit(kind)
        n = shape[0]
        if self.p(ragged) and n > 0:
            items = [self.nested_list(shape[1:], kind, 0) for _ in range(n - 1)]
            items.append(self.nested_list(shape[2:] if len(shape) > 1 else (2,), kind, 0))
        else:
            items = [self.nested_list(shape[1:], kind, ragged) for _ in range(n)]
        return "[" + ", ".join(items) + "]"

    def value_lit(self, kind):
        if self.p(0.03):
            return self.scalar_code()
        if kind == "b":
            return self.ch(["True", "False", "0", "1"])
        if kind in "iu":
            return str(self.r.randint(-20 if kind == "i" else 0, 40))
        if kind == "f":
            return self.ch(["0.5", "-1.25", "3.0", "2.0", "-0.0", "7.75", "1e3",
                            "float('nan')", "0.0"])
        return self.ch(["1j", "(2-1j)", "0j", "(0.5+0.25j)", "3.0"])

    def kind_of(self, dtype):
        if dtype is None:
            return self.ch("bif")
        return {"b": "b", "i": "i", "u": "u", "f": "f", "c": "c"}[
            "b" if dtype == "bool" else "u" if dtype.startswith("u") else dtype[0]]

    # -- pools -----------------------------------------------------------------
    def pick(self, pool=None, known=0.0):
        """An array from the pool (``known``: the chance to insist on a known shape)."""
        rec = pool == "rec"
        items = self.recs if rec else self.arrs
        if not any(a.safe for a in items):
            if rec:
                self.st_rec_create(safe=True)
            else:
                self.st_create(safe=True)
            items = self.recs if rec else self.arrs
        if known and self.p(known):
            items = [a for a in items if a.shape is not None] or items
        # prefer recent arrays, but reach back sometimes
        if self.p(0.6):
            return items[-self.r.randint(1, min(3, len(items)))]
        return self.ch(items)

    def operand(self):
        x = self.r.random()
        if x < 0.62:
            return self.pick().name
        if x < 0.77:
            return self.scalar_code()
        if x < 0.85:
            return self.nested_list(self.small_shape(2, 12), self.ch("bifc"))
        if x < 0.96:
            a = self.pick()
            return self.ch([f"{a.name}[::-1]", f"{a.name}.T", f"{a.name}[..., None]",
                            f"{a.name}[::2]", f"{a.name}[1:]", f"{a.name}.reshape(-1)"])
        return self.np_array_code()

    def out_code(self, shape=None):
        x = self.r.random()
        if x < 0.4:
            return self.pick().name
        if x < 0.75:
            s = shape if (shape is not None and self.p(0.6)) else self.small_shape(3, 64)
            return f"rp.empty({self.shape_code(s)}, {self.dtype_code(rec=0.02, bad=0.02)})"
        if x < 0.85:
            return f"({self.pick().name},)"
        if x < 0.9:
            a = self.pick()
            return self.ch([f"{a.name}[::-1]", f"{a.name}.T", f"{a.name}[::2]"])
        if x < 0.95:
            return "None"
        return self.ch(["[1, 2]", "(None,)", "(None, None)", self.np_array_code(), "3"])

    def where_code(self, shape=None, name=None):
        x = self.r.random()
        if name is not None and x < 0.3:
            return self.ch([f"{name}.astype(bool)", f"rp.ones({name}.shape, bool)",
                            f"rp.arange({name}.size).reshape({name}.shape) % 2 == 0",
                            f"{name}[..., :1].astype(bool)", f"{name} != 0"])
        if name is not None:
            x = (x - 0.3) / 0.7
        if x < 0.15:
            return self.ch(["True", "False"])
        if x < 0.55:
            s = shape if (shape is not None and self.p(0.6)) else self.small_shape(3, 64)
            if s and self.p(0.3):
                s = s[self.r.randrange(len(s)):]
            return f"rp.array({self.nested_list(s, 'b', 0)}, dtype=bool)"
        if x < 0.7:
            return self.pick().name
        if x < 0.85:
            return f"rp.ones({self.shape_code(self.small_shape(3, 64))}, dtype=bool)"
        return self.ch(["[True, False]", "[[True], [False]]", "None", "rp.zeros(0, bool)",
                        f"rp.ones(4, bool)[::{self.ch([-1, 2, -2])}]", "1", "'x'"])

    def axis_code(self, nd=None, tuples=0.15, hostile=0.04):
        x = self.r.random()
        if x < hostile:
            return self.huge()
        if x < 0.2:
            return "None"
        if nd and self.p(0.7):
            return str(self.r.randint(-nd, nd - 1))
        hi = (nd or 3)
        if x < 0.2 + tuples:
            k = self.r.randint(0, 3)
            return "(" + ", ".join(str(self.r.randint(-hi, hi)) for _ in range(k)) + \
                ("," if k == 1 else "") + ")"
        return str(self.r.randint(-hi - 1, hi))

    # -- index expressions -----------------------------------------------------
    def index_component(self, n):
        x = self.r.random()
        lim = n if n is not None else 5
        if x < 0.3:
            if self.p(0.06):
                return self.huge()
            return str(self.r.randint(-lim - 1, lim))
        if x < 0.6:
            return self.slice_code(lim)
        if x < 0.66:
            return "None"
        if x < 0.71:
            return "..."
        if x < 0.74:
            return self.ch(["True", "False"])
        if x < 0.87:
            return self.int_array_code(lim)
        return self.bool_mask_code(n)

    def slice_code(self, lim):
        def part():
            y = self.r.random()
            if y < 0.35:
                return ""
            if y < 0.93:
                return str(self.r.randint(-lim - 2, lim + 2))
            return self.huge()
        st = ""
        if self.p(0.5):
            st = self.ch(["1", "2", "-1", "-2", "3", "-3", "0", "7", self.huge()])
        s = f"{part()}:{part()}"
        return s + (":" + st if st else "")

    def int_array_code(self, lim):
        k = self.ch([0, 1, 2, 3, 4, 5, 8])
        vals = [str(self.r.randint(-lim - 1, lim)) if not self.p(0.04) else self.huge()
                for _ in range(k)]
        lit = "[" + ", ".join(vals) + "]"
        y = self.r.random()
        if y < 0.3:
            return lit
        if y < 0.6:
            return f"rp.array({lit}, dtype=rp.intp)" if vals else "rp.array([], dtype=rp.intp)"
        if y < 0.7 and k:
            dt = self.ch(["'i1'", "'u1'", "'i2'", "'u8'", "'u4'", "'i4'", "'f8'", "'?'"])
            return f"rp.array({lit}, dtype={dt})"
        if y < 0.85:
            return f"rp.array([{lit}, {lit}])"
        return f"rp.arange({self.r.randint(-3, 3)}, {self.r.randint(0, lim + 3)})"

    def bool_mask_code(self, n):
        k = n if (n is not None and self.p(0.7)) else self.r.randint(0, 8)
        lit = "[" + ", ".join(self.ch(["True", "False"]) for _ in range(k)) + "]"
        return lit if self.p(0.4) else f"rp.array({lit}, dtype=bool)"

    def index_code(self, arr):
        shape = arr.shape
        x = self.r.random()
        if x < 0.04:
            return "()"
        if x < 0.1 and shape is not None:
            m = self.nested_list(shape, "b", 0)
            return f"rp.array({m}, dtype=bool)"
        if x < 0.13:
            return self.pick().name
        nd = len(shape) if shape is not None else self.r.randint(0, 3)
        # components that consume a dimension; now and then one too many
        k = self.r.randint(min(nd, 1), nd) + (1 if self.p(0.05) else 0)
        comps = []
        for dim in range(k):
            n = shape[dim] if (shape is not None and dim < len(shape)) else None
            c = "..."
            while c in ("None", "...", "True", "False"):
                c = self.index_component(n)
            comps.append(c)
        for _ in range(self.r.choices([0, 1, 2], [6, 3, 1])[0]):
            comps.insert(self.r.randint(0, len(comps)),
                         self.ch(["None", "None", "...", "True", "False"]))
        if not comps:
            return "..."
        if len(comps) == 1 and self.p(0.8):
            return comps[0]
        return ", ".join(comps) + ("," if len(comps) == 1 else "")

    # -- numpy arrays (interop) ------------------------------------------------
    def np_array_code(self):
        np_ = self.np()
        dt = self.dtype_name()
        shape = self.small_shape(3, 64)
        n = _prod(shape)
        base = f"{np_}.arange({n}).astype({dt!r}).reshape({shape!r})"
        x = self.r.random()
        if x < 0.25:
            return base
        if x < 0.35:
            return f"{base}[::-1]" if shape else base
        if x < 0.45:
            return f"{base}.T"
        if x < 0.55:
            bo = self.ch([">", "<"])
            return f"{np_}.arange({n}, dtype='{bo}{self.ch(['i2', 'u4', 'f8', 'c8', 'f2', 'i8'])}')"
        if x < 0.63:
            off = self.r.randint(0, 7)
            cnt = self.r.randint(0, 8)
            return (f"{np_}.frombuffer(bytearray({cnt * 8 + off + 8}), dtype="
                    f"{self.ch(['f8', 'i4', 'c16', 'u2', 'f4'])!r}, count={cnt}, offset={off})")
        if x < 0.73:
            st = tuple(self.ch([0, 8, -8, 16, 24, 4, 1]) for _ in shape) or ()
            return (f"{np_}.lib.stride_tricks.as_strided({np_}.zeros(256), shape={shape!r}, "
                    f"strides={st!r})") if all(s >= 0 for s in st) and shape else \
                f"{np_}.zeros({shape!r}, {dt!r}, order='F')"
        if x < 0.8:
            return f"{np_}.broadcast_to({np_}.arange(3.0), ({self.r.randint(0, 4)}, 3))"
        if x < 0.87:
            return (f"{np_}.array([(1, 2.0, (3, 4)), (5, 6.5, (7, 8))], dtype=[('a', '<i4'), "
                    f"('b', '>f8'), ('c', 'u1', (2,))])")
        if x < 0.93:
            return f"{np_}.{dt}({self.ch(['1', '0', '5'])})"
        return self.ch([f"{np_}.zeros(())", f"{np_}.empty((0, 3))",
                        f"{np_}.array(['a', 'b'])", f"{np_}.array([None, 1])",
                        f"{np_}.arange(4).astype('M8[s]')", f"{np_}.ones(3, dtype='g')"])

    # -- record dtypes ---------------------------------------------------------
    def sub_shape(self):
        """A subarray shape. A spec has huge shapes or zero-size ones, never both: a zero-size
        item with a huge leading dimension is legitimately slow to print or list (in NumPy
        too), which would look like a hang."""
        x = self.r.random()
        if x < 0.55 or (self.rec_mode == "zero" and x < 0.85):
            return self.ch(["(2,)", "(2, 3)", "3", "(1,)", "(4, 1)", "()", "(2, 2, 2)"]
                           + (["(0,)", "(3, 0)", "(0, 2**63)"] if self.rec_mode == "zero"
                              else []))
        if x < 0.85:
            return self.ch(["(2**31, 2**31)", "(2**62,)", "(-1,)", "(2**32, 2**32)", "2**40",
                            "(2**20, 2**20, 2**20)", "(2**61+1,)",
                            "(-2, 3)", "(2**63,)", "(2**28,)", "(3, 2**61)", "2**64",
                            "(2**24,)", "(2**16, 2**16)"])
        return self.ch(["(2.5,)", "'x'", "(None,)", "[2, 2]", "(1,) * 40"])

    def rec_spec(self, depth=0):
        """(dtype code, top-level field names)."""
        if depth == 0:
            self.rec_mode = "huge" if self.p(0.4) else "zero"
        x = self.r.random()
        nf = self.r.randint(1, 4)
        names = []
        for i in range(nf):
            if self.p(0.05) and names:
                names.append(names[-1])        # duplicate name: an error
            elif self.p(0.03):
                names.append("")
            else:
                names.append("abcdefgh"[i])

        def fmt():
            if depth < 2 and self.p(0.15):
                return self.rec_spec(depth + 1)[0]
            if self.p(0.05):
                return self.ch([d for d in BAD_DTYPES
                                if self.rec_mode == "zero" or "(0," not in d])
            return repr(self.ch(DTYPES + ["<i4", ">f8", ">c8", "u1", ">u2", "V3"]))

        if x < 0.65:
            items = []
            for nm in names:
                if self.p(0.35):
                    items.append(f"({nm!r}, {fmt()}, {self.sub_shape()})")
                else:
                    items.append(f"({nm!r}, {fmt()})")
            code = "[" + ", ".join(items) + "]"
        elif x < 0.85:
            offs = []
            for i in range(nf):
                if self.p(0.1):
                    offs.append(self.huge())
                else:
                    offs.append(str(self.ch([0, 1, 2, 3, 4, 8, 12, 16, 24, 7])))
            fm = ", ".join(fmt() if not self.p(0.2) else f"({fmt()}, {self.sub_shape()})"
                           for _ in names)
            code = (f"{{'names': {names!r}, 'formats': [{fm}], 'offsets': [{', '.join(offs)}]"
                    + (f", 'itemsize': {self.int_code(0, 64, 0.15)}" if self.p(0.5) else "")
                    + "}")
        elif x < 0.95:
            code = f"({fmt()}, {self.sub_shape()})"
            names = []
        else:
            code = repr(",".join(self.ch(["i4", "f8", "u1", "c8", "2f4", "(2,3)i2"])
                                 for _ in range(nf)))
            names = [f"f{i}" for i in range(nf)]
        if self.p(0.1):
            code = f"rp.dtype({code}, align=True)"
        return code, [n for n in names if n]

    # -- statements ------------------------------------------------------------
    def statement(self):
        kind = self.r.choices(self.kinds, self.wts)[0]
        getattr(self, "st_" + kind)()

    def st_create(self, safe=False):
        v = self.fresh("a")
        dt = self.dtype_name()
        shape = self.small_shape()
        n = _prod(shape)
        x = self.r.random()
        sc = self.shape_code(shape)
        if safe:
            # cannot fail: later statements fall back to these
            fn = self.ch(["arange", "arange", "arange", "zeros", "ones"])
            if fn == "arange":
                code = f"{v} = rp.arange({n}).astype({dt!r}).reshape({shape!r})"
            else:
                code = f"{v} = rp.{fn}({shape!r}, dtype={dt!r})"
            self.emit("create", [code])
            self.add(Arr(v, shape, dt, safe=True))
            return
        dtc = repr(dt) if self.p(0.85) else self.dtype_code()
        if x < 0.35:
            fill = ""
            if dt != "bool":
                fill = f" + {self.ch(['0', '1', '-3', '0.5', '200', '1j'])}" if self.p(0.2) else ""
            code = f"{v} = (rp.arange({n}){fill}).astype({dtc}).reshape({sc})"
            if self.p(0.15):
                code = f"{v} = rp.arange({n}, dtype={dtc}).reshape({sc})"
        elif x < 0.55:
            fn = self.ch(["zeros", "ones", "empty"])
            order = f", order={self.order()}" if self.p(0.15) else ""
            code = f"{v} = rp.{fn}({sc}, dtype={dtc}{order})"
        elif x < 0.7:
            code = f"{v} = rp.full({sc}, {self.scalar_code()}, dtype={dtc})"
        elif x < 0.8:
            a = self.pick()
            fn = self.ch(["zeros_like", "ones_like", "empty_like", "full_like"])
            extra = f", {self.scalar_code()}" if fn == "full_like" else ""
            kw = ""
            if self.p(0.3):
                kw += f", dtype={self.dtype_code()}"
            if self.p(0.2):
                kw += f", shape={self.any_shape_code()}"
            if self.p(0.15):
                kw += f", order={self.order()}"
            code = f"{v} = rp.{fn}({a.name}{extra}{kw})"
            shape = None
        elif x < 0.88:
            y = self.r.random()
            if y < 0.4:
                code = (f"{v} = rp.arange({self.int_code(-5, 5, 0)}, {self.int_code(0, 40, 0)}, "
                        f"{self.ch(['1', '2', '-1', '0.5', '3', '0.25', '-2'])}, dtype={dtc})")
            elif y < 0.7:
                code = (f"{v} = rp.linspace({self.ch(['0', '-1', '2.5', '1j'])}, "
                        f"{self.ch(['1', '10', '-3'])}, {self.r.randint(0, 40)}, "
                        f"endpoint={self.ch(['True', 'False'])}, dtype={dtc})")
            else:
                code = (f"{v} = rp.eye({self.r.randint(0, 8)}, {self.r.randint(0, 8)}, "
                        f"k={self.r.randint(-9, 9)}, dtype={dtc})")
            shape = None
        else:
            code = f"{v} = rp.array({self.nested_list(shape, self.kind_of(dt))}, dtype={dtc})"
            if self.p(0.2):
                code = code[:-1] + f", ndmin={self.r.randint(0, 5)})"
            if self.p(0.1):
                code = code[:-1] + f", order={self.order()})"
        self.emit("create", [code])
        self.add(Arr(v, shape, dt))

    def st_create_data(self):
        v = self.fresh("a")
        shape = self.small_shape(3, 200)
        kind = self.ch("bifcx")
        dt = self.ch(DTYPES) if self.p(0.6) else None
        dtc = f", dtype={dt!r}" if dt else ""
        if kind == "x":
            # mixed element types, nesting mistakes, huge Python ints
            vals = ", ".join(self.scalar_code() for _ in range(self.r.randint(0, 6)))
            code = f"{v} = rp.array([{vals}]{dtc})"
            shape = None
        else:
            code = f"{v} = rp.array({self.nested_list(shape, kind)}{dtc})"
            if dt is None:
                dt = {"b": "bool", "i": "int64", "f": "float64", "c": "complex128"}[kind]
        self.emit("create.data", [code])
        self.add(Arr(v, shape, dt))

    def st_hostile_ctor(self):
        v = self.fresh("h")
        dt = self.dtype_code(rec=0.12, bad=0.03, alias=0.2)
        k = self.ch([0, 1, 7, 8, 16, 63, 64, 100, 1000])
        buf = self.ch([f"bytearray({k})", f"bytes({k})", f"memoryview(bytearray({k}))",
                       f"rp.zeros({k}, 'u1')", f"bytearray({k})",
                       f"memoryview(bytearray({k}))[::2]"])
        nd = self.r.randint(0, 3)
        shape = "(" + ", ".join(self.int_code(0, 5, 0.35) for _ in range(nd)) + \
            ("," if nd == 1 else "") + ")"
        args = [shape, dt]
        kw = [f"buffer={buf}"] if self.p(0.85) else []
        if self.p(0.6):
            kw.append(f"offset={self.int_code(0, 16, 0.3)}")
        if self.p(0.7):
            ndst = nd if self.p(0.85) else self.r.randint(0, 3)
            strides = [self.ch(["0", "1", "2", "4", "8", "-8", "-4", "16", "3", "-1"])
                       if not self.p(0.35) else self.huge() for _ in range(ndst)]
            kw.append("strides=(" + ", ".join(strides) + ("," if ndst == 1 else "") + ")")
        if self.p(0.1):
            kw.append(f"order={self.order()}")
        lines = [f"{v} = rp.ndarray({', '.join(args + kw)})"]
        lines += self.cheap_uses(v)
        self.emit("ctor.ndarray", lines)
        self.add_if_small(v)

    def cheap_uses(self, v, n=None):
        """Statements that are cheap even on an array with a huge (virtual) size."""
        one = f"(-1,) * {v}.ndim"
        opts = [f"repr({v})", f"{v}.shape, {v}.strides, {v}.nbytes, {v}.size",
                f"{v}[{self.int_code(-3, 3, 0.2)}]", f"{v}[{one}] = 1", f"{v}[{one}]",
                f"{v}[-1]", f"{v}[::{self.ch(['-1', '2', '2**62', '-2**62'])}][:3]",
                f"{v}.item({self.int_code(-2, 2, 0.3)})", f"memoryview({v}).nbytes",
                f"{v}.view('u1')[:4]", f"{v}.reshape(-1)[:2]", f"{v}.T[:1]",
                f"{v}.flags.c_contiguous", f"{v}[..., :2]", f"str({v})",
                f"{v}.dtype.fields", f"{v}[(0,) * ({v}.ndim - 1)][:3].tolist()",
                f"{v}.item({one})", f"{v}.flat[{self.int_code(-2, 2, 0.3)}]",
                f"{v}.astype('f8')[:2]" if self.p(0.3) else f"{v}.copy()[:2]"]
        if self.p(0.15):
            self.np()
            opts.append(f"np.asarray({v})[:3]")
        k = n if n is not None else self.r.randint(1, 3)
        return [self.ch(opts) for _ in range(k)]

    def add_if_small(self, v):
        # later statements may use it only if it is small; this check runs in the child
        self.blocks[-1][1].append(self.cap(v))
        self.add(Arr(v))

    def st_frombuffer(self):
        v = self.fresh("h")
        k = self.ch([0, 1, 2, 7, 8, 9, 16, 64, 100])
        buf = self.ch([f"bytearray({k})", f"bytes(range({min(k, 256)}))",
                       f"memoryview(bytearray({k}))", f"rp.arange({k}, dtype='u1')",
                       f"memoryview(bytearray({k * 2}))[::2]", f"bytearray({k})",
                       "b''", f"rp.arange({k}, dtype='u1')[::-1]"])
        dt = self.dtype_code(rec=0.12, bad=0.03, alias=0.2)
        kw = [f"dtype={dt}"]
        if self.p(0.7):
            kw.append(f"count={self.int_code(-2, 8, 0.4)}")
        if self.p(0.6):
            kw.append(f"offset={self.int_code(-1, 9, 0.3)}")
        lines = [f"{v} = rp.frombuffer({buf}, {', '.join(kw)})"] + self.cheap_uses(v)
        self.emit("ctor.frombuffer", lines)
        self.add_if_small(v)

    def st_hostile_shape(self):
        v = self.fresh("h")
        fn = self.ch(["zeros", "ones", "empty", "full", "arange", "broadcast_to", "reshape",
                      "eye", "zeros_like", "linspace", "tile", "repeat", "resize", "ndarray"])
        sc = self.hostile_shape_code()
        dt = self.dtype_code(rec=0.1)
        if fn == "full":
            code = f"{v} = rp.full({sc}, {self.scalar_code()}, dtype={dt})"
        elif fn == "arange":
            code = f"{v} = rp.arange({self.int_code(-2, 2, 0.5)}, {self.huge()}, {self.huge()})"
        elif fn == "broadcast_to":
            code = f"{v} = rp.broadcast_to({self.pick().name}, {sc})"
        elif fn == "reshape":
            code = f"{v} = {self.pick().name}.reshape({sc})"
        elif fn == "eye":
            code = f"{v} = rp.eye({self.huge()}, {self.int_code(0, 3, 0.5)}, dtype={dt})"
        elif fn == "zeros_like":
            code = f"{v} = rp.zeros_like({self.pick().name}, shape={sc})"
        elif fn == "linspace":
            code = f"{v} = rp.linspace(0, 1, {self.huge()})"
        elif fn == "tile":
            code = f"{v} = rp.tile({self.pick().name}, {sc})"
        elif fn == "repeat":
            code = f"{v} = rp.repeat({self.pick().name}, {self.huge()})"
        elif fn == "resize":
            code = f"{v} = rp.resize({self.pick().name}, {sc})"
        elif fn == "ndarray":
            code = f"{v} = rp.ndarray({sc}, {dt})"
        else:
            code = f"{v} = rp.{fn}({sc}, dtype={dt})"
        self.emit("ctor.hostile_shape", [code] + self.cheap_uses(v, self.r.randint(0, 2)))
        self.add_if_small(v)

    def st_dtype(self):
        v = self.fresh("d")
        spec, _ = self.rec_spec() if self.p(0.6) else (self.dtype_code(rec=0, bad=0.3), [])
        uses = [f"repr({v})", f"{v}.itemsize", f"{v}.fields", f"{v}.descr", f"{v}.str",
                f"{v}.shape", f"{v}.subdtype", f"{v}.names", f"{v} == {v}", f"hash({v})",
                f"{v}.base", f"{v}.alignment", f"rp.zeros({self.r.randint(0, 3)}, {v})",
                f"rp.dtype([('x', {v}), ('y', 'u1')])", f"rp.dtype(({v}, (2,)))",
                f"rp.result_type({v}, {self.dtype_code(rec=0)})",
                f"rp.promote_types({v}, {self.dtype_code(rec=0)})",
                f"rp.can_cast({v}, {self.dtype_code(rec=0)}, {self.casting()})",
                f"{v}.newbyteorder()" if self.p(0.5) else f"{v}.isbuiltin",
                f"{v}[{self.ch(['0', '-1', repr('a'), '2**62', '5'])}]",
                f"rp.zeros(2, {v}).tolist()", f"rp.empty(1, {v}).view('u1')"]
        lines = [f"{v} = rp.dtype({spec})"] + [self.ch(uses) for _ in range(self.r.randint(1, 4))]
        self.emit("dtype", lines)

    def related(self, name):
        """An operand that broadcasts against ``name``: itself, a view, a scalar, a copy."""
        return self.ch([name, f"{name}[::-1]", f"{name}[..., :1]", f"{name}[:1]",
                        f"{name}.copy()", self.scalar_code(), self.scalar_code(),
                        f"rp.ones_like({name}, dtype={self.dtype_code(rec=0, bad=0)})",
                        f"{name}.astype({self.dtype_code(rec=0, bad=0)})"])

    def casting(self):
        return self.ch(["'unsafe'", "'unsafe'", "'same_kind'", "'safe'", "'no'", "'equiv'"]
                       if not self.p(0.03) else ["'bogus'", "None", "1"])

    def order(self):
        return self.ch(["'C'", "'F'", "'A'", "'K'"] if not self.p(0.05) else ["'X'", "None"])

    def signature(self, nin, nout):
        if self.p(0.2):
            return self.ch(SIGNATURES)
        c = self.ch("?bBhHiIlLqQefdFD")
        if self.p(0.7):
            return repr(c * nin + "->" + c * nout) if self.p(0.6) else \
                repr(tuple([self.ch(DTYPES)] * nin + [None] * nout))
        cs = "".join(self.ch("?bBhHiIlLqQefdFD") for _ in range(nin + nout))
        return repr(cs[:nin] + "->" + cs[nin:])

    def st_ufunc(self):
        v = self.fresh("u")
        x = self.r.random()
        first = self.pick()
        a0 = first.name if self.p(0.8) else self.operand()
        if x < 0.35:
            u, nin, nout = self.ch(UNARY), 1, 1
            args = [a0]
        elif x < 0.92:
            u, nin, nout = self.ch(BINARY), 2, 1
            args = [a0, self.related(first.name) if self.p(0.6) else self.operand()]
        else:
            u = self.ch(MULTI_OUT)
            nin, nout = (2, 2) if u == "divmod" else (1, 2)
            args = [a0] + ([self.related(first.name)] if u == "divmod" else [])
        if self.p(0.3):
            args.reverse()

        def out():
            if self.p(0.45):
                return f"rp.empty_like({first.name}, dtype={self.dtype_code(rec=0.01, bad=0.01)})"
            return self.out_code(first.shape)

        kw = []
        if self.p(0.06):
            args.append(out())       # positional out
        if self.p(0.35):
            if nout == 2 and self.p(0.7):
                kw.append(f"out=({out()}, {out()})")
            else:
                kw.append(f"out={out()}")
        if self.p(0.25):
            kw.append(f"where={self.where_code(first.shape, first.name)}")
        if self.p(0.3):
            kw.append(f"casting={self.casting()}")
        if self.p(0.15):
            kw.append(f"dtype={self.dtype_code(rec=0.01, bad=0.02)}")
        if self.p(0.08):
            kw.append(f"order={self.order()}")
        if self.p(0.07):
            kw.append(f"signature={self.signature(nin, nout)}")
        if self.p(0.02):
            kw.append(self.ch(["subok=False", "bogus=1", "axes=[(0,)]", "extobj=None"]))
        lines = [f"{v} = rp.{u}({', '.join(args + kw)})"]
        if self.p(0.3):
            lines.append(self.ch([f"repr({v})", f"{v}.tolist()", f"{v}.sum()"]))
        lines.append(self.cap(v))
        self.emit(f"ufunc.{u}", lines)
        self.add(Arr(v, first.shape if len(args) <= 2 else None))

    def st_operator(self):
        a, b = self.pick().name, self.operand()
        op = self.ch(["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>", "<",
                      "<=", "==", "!=", ">", ">=", "@"])
        x = self.r.random()
        if x < 0.6:
            v = self.fresh("u")
            lines = [f"{v} = {a} {op} {b}" if self.p(0.7) else f"{v} = {b} {op} {a}",
                     self.cap(v)]
            self.add(Arr(v))
        elif x < 0.85:
            iop = op if op not in ("<", "<=", "==", "!=", ">", ">=") else "+"
            lines = [f"{a} {iop}= {b}"]
        else:
            un = self.ch(["-", "+", "~", "abs(", "not "])
            lines = [f"{un}{a})" if un == "abs(" else f"{un}{a}"]
        self.emit("operator", lines)

    def st_reduction(self):
        a = self.pick(known=0.6)
        fn = self.ch(REDUCTIONS)
        cum = fn in ("cumsum", "cumprod", "nancumsum")
        v = self.fresh("s")
        nd = len(a.shape) if a.shape is not None else None
        kw = []
        ax = None
        if self.p(0.7):
            tuples = 0.15 if fn not in ("argmax", "argmin", "nanargmin") and not cum else 0.02
            ax = self.axis_code(nd, tuples=tuples)
            kw.append(f"axis={ax}")
        kd = None
        if not cum and fn != "count_nonzero" and self.p(0.3):
            kd = self.ch(["True", "False"])
            kw.append(f"keepdims={kd}")
        if fn != "count_nonzero" and self.p(0.2):
            if self.p(0.5):
                # an out= of exactly the result's shape, in some dtype
                same = ", ".join(([f"axis={ax}"] if ax else [])
                                 + ([f"keepdims={kd}"] if kd else []))
                kw.append(f"out=rp.empty(rp.{fn}({a.name}{', ' + same if same else ''}).shape, "
                          f"{self.dtype_code(rec=0, bad=0.01)})")
            else:
                kw.append(f"out={self.out_code()}")
        if fn in ("sum", "prod", "max", "min", "nansum", "nanmax", "amax") and self.p(0.25):
            kw.append(f"initial={self.scalar_code(self.ch('bifc'))}")
        if fn in ("sum", "prod", "max", "min", "mean", "any", "all", "var", "std", "nansum",
                  "nanmax", "nanmean", "amax") and self.p(0.25):
            kw.append(f"where={self.where_code(a.shape, a.name)}")
        if fn in ("sum", "prod", "mean", "cumsum", "cumprod", "var", "std", "nansum",
                  "nanmean", "nancumsum") and self.p(0.2):
            kw.append(f"dtype={self.dtype_code(rec=0.02)}")
        if fn in ("var", "std") and self.p(0.3):
            kw.append(f"ddof={self.int_code(-2, 5, 0.1)}")
        if self.p(0.02):
            kw.append("bogus=True")
        if fn in METHOD_REDUCTIONS and self.p(0.45):
            code = f"{v} = {a.name}.{fn}({', '.join(kw)})"
        else:
            code = f"{v} = rp.{fn}({', '.join([a.name] + kw)})"
        self.emit(f"reduce.{fn}", [code, self.cap(v)])
        self.add(Arr(v))

    def st_ufunc_method(self):
        u = self.ch(METHOD_UFUNCS)
        a = self.pick()
        v = self.fresh("m")
        meth = self.ch(["reduce", "reduce", "accumulate", "outer", "at", "at", "reduceat",
                        "reduceat"])
        nd = len(a.shape) if a.shape is not None else None
        if meth == "reduce":
            kw = []
            if self.p(0.6):
                kw.append(f"axis={self.axis_code(nd, tuples=0.25)}")
            if self.p(0.2):
                kw.append(f"dtype={self.dtype_code(rec=0.02)}")
            if self.p(0.2):
                kw.append(f"out={self.out_code()}")
            if self.p(0.25):
                kw.append(f"keepdims={self.ch(['True', 'False'])}")
            if self.p(0.25):
                kw.append(f"initial={self.scalar_code(self.ch('bif'))}")
            if self.p(0.25):
                kw.append(f"where={self.where_code(a.shape)}")
            code = f"{v} = rp.{u}.reduce({', '.join([a.name] + kw)})"
        elif meth == "accumulate":
            kw = []
            if self.p(0.6):
                kw.append(f"axis={self.axis_code(nd, tuples=0.1)}")
            if self.p(0.2):
                kw.append(f"dtype={self.dtype_code(rec=0.02)}")
            if self.p(0.25):
                kw.append(f"out={self.out_code(a.shape)}")
            code = f"{v} = rp.{u}.accumulate({', '.join([a.name] + kw)})"
        elif meth == "outer":
            b = self.pick()
            kw = []
            if self.p(0.15):
                kw.append(f"out={self.out_code()}")
            if self.p(0.15):
                kw.append(f"dtype={self.dtype_code(rec=0.02)}")
            if self.p(0.1):
                kw.append(f"where={self.where_code()}")
            code = f"{v} = rp.{u}.outer({', '.join([a.name, b.name] + kw)})"
        elif meth == "at":
            n = a.shape[0] if a.shape else None
            idx = self.ch([self.int_array_code(n or 5), self.int_array_code(n or 5),
                           self.int_code(-(n or 5) - 1, n or 5, 0.1),
                           "slice(None, None, -1)", "slice(1, None, 2)", "Ellipsis",
                           self.bool_mask_code(n), a.name, f"{a.name}[::-1]",
                           f"({self.int_array_code(3)}, {self.int_array_code(3)})"])
            with_b = u != "negative"
            if self.p(0.05):
                with_b = not with_b         # the wrong number of operands
            b = self.related(a.name) if with_b else ""
            code = f"rp.{u}.at({a.name}, {idx}{', ' + b if b else ''})"
            self.emit(f"ufunc.at", [code])
            return
        else:
            lim = (a.shape[0] if a.shape else 5) if self.p(0.8) else 5
            vals = [str(self.r.randint(-lim - 1, lim + 1)) if not self.p(0.05) else self.huge()
                    for _ in range(self.ch([0, 1, 2, 3, 4, 6]))]
            idx = "[" + ", ".join(vals) + "]"
            if self.p(0.3):
                idx = f"rp.array({idx}, dtype={self.ch(['rp.intp', 'int', 'float', 'bool'])})"
            kw = []
            if self.p(0.5):
                kw.append(f"axis={self.axis_code(nd, tuples=0.05)}")
            if self.p(0.2):
                kw.append(f"dtype={self.dtype_code(rec=0.02)}")
            if self.p(0.2):
                kw.append(f"out={self.out_code()}")
            code = f"{v} = rp.{u}.reduceat({', '.join([a.name, idx] + kw)})"
        self.emit(f"ufunc.{meth}", [code, self.cap(v)])
        self.add(Arr(v))

    def value_code(self, arr=None):
        x = self.r.random()
        if x < 0.4:
            return self.scalar_code()
        if x < 0.6:
            return self.pick().name
        if x < 0.8:
            shp = self.small_shape(2, 10)
            if arr is not None and arr.shape and self.p(0.5):
                shp = arr.shape[-1:]
            return self.nested_list(shp, self.ch("bifc"))
        if x < 0.9:
            return f"rp.arange({self.r.randint(0, 12)})"
        return self.ch([f"{self.pick().name}[::-1]", f"{self.pick().name}.T",
                        f"rp.zeros({self.shape_code(self.small_shape(3, 24))}, "
                        f"{self.dtype_code(rec=0.05)})"])

    def st_getitem(self):
        a = self.pick(known=0.75)
        v = self.fresh("g")
        idx = self.index_code(a)
        lines = [f"{v} = {a.name}[{idx}]"]
        if self.p(0.2):
            lines.append(self.ch([f"{v}.tolist()", f"repr({v})", f"{v}[...] = 1",
                                  f"{v}.sum()", f"{v}.copy()"]))
        if self.p(0.08):
            lines = [f"{v} = {a.name}.flat[{self.index_component(None)}]"]
        self.emit("index.get", lines + [self.cap(v)])
        self.add(Arr(v))

    def st_setitem(self):
        a = self.pick(known=0.75)
        idx = self.index_code(a)
        val = self.value_code(a)
        x = self.r.random()
        if x < 0.75:
            line = f"{a.name}[{idx}] = {val}"
        elif x < 0.9:
            line = f"{a.name}[{idx}] {self.ch(['+', '*', '-', '//', '|'])}= {val}"
        else:
            line = f"{a.name}.flat[{self.index_component(None)}] = {val}"
        self.emit("index.set", [line])

    def st_view(self):
        a = self.pick()
        v = self.fresh("w")
        size = _prod(a.shape) if a.shape is not None else None
        nd = len(a.shape) if a.shape is not None else None
        op = self.ch(["reshape", "reshape", "transpose", "swapaxes", "ravel", "view", "view",
                      "astype", "copy", "broadcast_to", "squeeze", "expand_dims", "T",
                      "flatten", "moveaxis", "flip", "real", "diagonal", "mT", "ascontig"])
        shape = None
        if op == "reshape":
            sc = self.any_shape_code(size)
            order = f", order={self.order()}" if self.p(0.15) else ""
            code = f"{v} = {a.name}.reshape({sc}{order})" if self.p(0.8) else \
                f"{v} = rp.reshape({a.name}, {sc}{order})"
        elif op == "transpose":
            if nd is not None and self.p(0.7):
                perm = list(range(nd))
                self.r.shuffle(perm)
                if self.p(0.15) and perm:
                    perm[0] = self.r.randint(-nd - 1, nd)
                axes = repr(tuple(perm))
            else:
                axes = [self.int_code(-3, 3) for _ in range(self.r.randint(0, 4))]
                axes = "(" + ", ".join(axes) + ("," if len(axes) == 1 else "") + ")"
            code = f"{v} = {a.name}.transpose({axes})" if self.p(0.5) else \
                f"{v} = rp.transpose({a.name}, {axes})"
        elif op == "swapaxes":
            ax1, ax2 = self.axis_code(nd, 0, 0.06), self.axis_code(nd, 0, 0.06)
            code = f"{v} = {a.name}.swapaxes({ax1}, {ax2})"
        elif op == "ravel":
            code = f"{v} = {a.name}.ravel({self.order() if self.p(0.5) else ''})"
        elif op == "view":
            code = f"{v} = {a.name}.view({self.dtype_code(rec=0.15, bad=0.05, alias=0.2)})"
            if self.p(0.2):
                code = f"{v} = {a.name}[{self.slice_code(4)}].view({self.dtype_code(rec=0.1)})"
        elif op == "astype":
            kw = ""
            if self.p(0.2):
                kw += f", order={self.order()}"
            if self.p(0.2):
                kw += f", casting={self.casting()}"
            if self.p(0.2):
                kw += f", copy={self.ch(['True', 'False'])}"
            code = f"{v} = {a.name}.astype({self.dtype_code(rec=0.1)}{kw})"
        elif op == "copy":
            code = f"{v} = {a.name}.copy({self.order() if self.p(0.4) else ''})"
        elif op == "broadcast_to":
            if a.shape is not None and self.p(0.6):
                ext = self.small_shape(2, 8)
                sc = repr(tuple(ext) + tuple(a.shape))
            else:
                sc = self.any_shape_code()
            code = f"{v} = rp.broadcast_to({a.name}, {sc})"
        elif op == "squeeze":
            ax = f"axis={self.axis_code(nd)}" if self.p(0.5) else ""
            code = f"{v} = {a.name}.squeeze({ax})" if self.p(0.5) else \
                f"{v} = rp.squeeze({a.name}{', ' + ax if ax else ''})"
        elif op == "expand_dims":
            code = f"{v} = rp.expand_dims({a.name}, {self.axis_code(nd, 0.3, 0.05)})"
        elif op == "T":
            code = f"{v} = {a.name}.T"
            shape = tuple(reversed(a.shape)) if a.shape is not None else None
        elif op == "flatten":
            code = f"{v} = {a.name}.flatten({self.order() if self.p(0.4) else ''})"
        elif op == "moveaxis":
            src, dst = self.axis_code(nd, 0.2), self.axis_code(nd, 0.2)
            code = f"{v} = rp.moveaxis({a.name}, {src}, {dst})"
        elif op == "flip":
            code = f"{v} = rp.flip({a.name}, {self.axis_code(nd, 0.2)})"
        elif op == "real":
            code = f"{v} = {a.name}.{self.ch(['real', 'imag'])}"
            if self.p(0.4):
                code += f"\n{v}[...] = {self.scalar_code()}"
        elif op == "diagonal":
            code = (f"{v} = {a.name}.diagonal({self.int_code(-4, 4, 0.1)}, "
                    f"{self.axis_code(nd, 0, 0.03)}, {self.axis_code(nd, 0, 0.03)})")
        elif op == "mT":
            code = f"{v} = {a.name}.mT"
        else:
            fn = self.ch(["ascontiguousarray", "asfortranarray", "asarray"])
            code = f"{v} = rp.{fn}({a.name})"
        lines = code.split("\n")
        if self.p(0.25):
            lines.append(self.ch([f"{v}[...] = {self.scalar_code()}", f"{v}.tolist()",
                                  f"repr({v})", f"{v}.sum()", f"{v}.copy()",
                                  f"{v}.flags.writeable"]))
        self.emit(f"view.{op}", lines + [self.cap(v)])
        self.add(Arr(v, shape, a.dtype if op in ("reshape", "transpose", "T", "copy") else None))

    def st_resize(self):
        v = self.fresh("r")
        n = self.r.randint(0, 40)
        dt = self.dtype_name()
        hostile = self.p(0.1)
        new = self.hostile_shape_code() if hostile else self.ch(
            [str(self.r.randint(0, 200)), repr(self.small_shape(3, 200)),
             f"({self.r.randint(0, 9)}, {self.r.randint(0, 9)})", "0", "100000"])
        lines = [f"{v} = rp.arange({n}).astype({dt!r})"]
        holders = []
        x = self.r.random() * 2.0     # no holder half of the time
        if x < 0.45:
            lines.append(f"m{v} = memoryview({v})")
            holders.append(f"m{v}")
        elif x < 0.6:
            lines.append(f"w{v} = {v}[::{self.ch(['1', '2', '-1'])}]")
            holders.append(f"w{v}")
        elif x < 0.75:
            self.np()
            lines.append(f"n{v} = np.asarray({v})")
            holders.append(f"n{v}")
        elif x < 0.85:
            lines.append(f"m{v} = memoryview({v}).cast('B')")
            holders.append(f"m{v}")
        rc = self.ch(["refcheck=False", "refcheck=False", "refcheck=False", "refcheck=True", ""])
        sep = ", " if rc else ""
        lines.append(f"{v}.resize({new}{sep}{rc})" if self.p(0.8)
                     else f"{v}.resize(*{new if new.startswith('(') else '(' + new + ',)'}"
                          f"{sep}{rc})")
        for h in holders:
            lines.append(self.ch([f"bytes({h})", f"{h}.tolist()" if not h.startswith("n")
                                  else f"{h}.sum()", f"{h}[0]", f"{h}[-1] = 1" if h[0] != "m"
                                  else f"{h}[:1] = {h}[:1]", f"repr({h})"]))
            if self.p(0.5):
                lines.append(f"del {h}")
        if hostile:
            lines += self.cheap_uses(v)
        else:
            lines.append(self.ch([f"{v}[...] = 7", f"{v}.sum()", f"repr({v})", f"{v}[-1]",
                                  f"{v}.tolist()"]))
        lines.append(self.cap(v))
        self.emit("resize", lines)
        self.add(Arr(v))

    def st_join(self):
        v = self.fresh("j")
        k = self.r.randint(0, 4)
        arrs = ", ".join(self.pick().name if self.p(0.85) else self.operand() for _ in range(k))
        fn = self.ch(["concatenate", "concatenate", "stack", "vstack", "hstack", "repeat",
                      "repeat", "tile", "append", "column_stack"])
        if fn in ("concatenate", "stack"):
            kw = []
            if self.p(0.6):
                kw.append(f"axis={self.axis_code(3, 0, 0.04)}")
            if self.p(0.2):
                kw.append(f"out={self.out_code()}")
            if self.p(0.15):
                kw.append(f"dtype={self.dtype_code(rec=0.05)}")
            if self.p(0.15):
                kw.append(f"casting={self.casting()}")
            code = f"{v} = rp.{fn}([{arrs}]{''.join(', ' + x for x in kw)})"
        elif fn == "repeat":
            a = self.pick()
            reps = self.ch([str(self.r.randint(-1, 4)), "[1, 2]", "[0, 0, 1]",
                            f"rp.arange({self.r.randint(0, 6)})", "[]", "[-1, 2]",
                            self.huge() if self.p(0.2) else "2", "2.5",
                            f"{self.int_array_code(3)}"])
            ax = f", axis={self.axis_code(3, 0, 0.04)}" if self.p(0.5) else ""
            code = f"{v} = {a.name}.repeat({reps}{ax})" if self.p(0.5) else \
                f"{v} = rp.repeat({a.name}, {reps}{ax})"
        elif fn == "tile":
            code = f"{v} = rp.tile({self.pick().name}, {self.shape_code(self.small_shape(3, 8))})"
        elif fn == "append":
            code = (f"{v} = rp.append({self.pick().name}, {self.operand()}, "
                    f"axis={self.axis_code(3)})")
        else:
            code = f"{v} = rp.{fn}([{arrs}])"
        self.emit(f"join.{fn}", [code, self.cap(v)])
        self.add(Arr(v))

    def st_take_put(self):
        a = self.pick()
        n = _prod(a.shape) if a.shape is not None else 6
        x = self.r.random()
        mode = f", mode={self.ch(['raise', 'wrap', 'clip', 'bogus'])!r}" if self.p(0.5) else ""
        if x < 0.4:
            v = self.fresh("t")
            ax = f", axis={self.axis_code(3, 0, 0.04)}" if self.p(0.5) else ""
            out = f", out={self.out_code()}" if self.p(0.15) else ""
            idx = self.int_array_code(n) if self.p(0.85) else self.int_code(-n - 1, n, 0.1)
            code = f"{v} = rp.take({a.name}, {idx}{ax}{out}{mode})" if self.p(0.6) else \
                f"{v} = {a.name}.take({idx}{ax}{out}{mode})"
            self.emit("take", [code, self.cap(v)])
            self.add(Arr(v))
            return
        if x < 0.7:
            idx = self.int_array_code(n) if self.p(0.85) else self.int_code(-n - 1, n, 0.1)
            code = f"rp.put({a.name}, {idx}, {self.value_code()}{mode})" if self.p(0.6) else \
                f"{a.name}.put({idx}, {self.value_code()}{mode})"
            self.emit("put", [code])
            return
        v = self.fresh("t")
        fn = self.ch(["compress", "choose", "take_along_axis", "put_along_axis", "nonzero",
                      "argwhere", "where", "clip", "copyto", "place", "putmask", "extract"])
        o = self.operand()
        if fn == "compress":
            code = (f"{v} = rp.compress({self.bool_mask_code(None)}, {a.name}, "
                    f"axis={self.axis_code(3)})")
        elif fn == "choose":
            code = f"{v} = rp.choose({self.int_array_code(3)}, [{a.name}, {o}]{mode})"
        elif fn == "take_along_axis":
            code = (f"{v} = rp.take_along_axis({a.name}, {self.int_array_code(n)}, "
                    f"{self.axis_code(3, 0)})")
        elif fn == "put_along_axis":
            code = (f"rp.put_along_axis({a.name}, {self.int_array_code(n)}, {o}, "
                    f"{self.axis_code(3, 0)})")
        elif fn == "nonzero":
            code = f"{v} = rp.nonzero({a.name})"
        elif fn == "argwhere":
            code = f"{v} = rp.argwhere({a.name})"
        elif fn == "where":
            code = f"{v} = rp.where({self.where_code(a.shape)}, {a.name}, {o})"
        elif fn == "clip":
            code = f"{v} = rp.clip({a.name}, {self.scalar_code()}, {self.scalar_code()}" + \
                (f", out={self.out_code(a.shape)})" if self.p(0.3) else ")")
        elif fn == "copyto":
            code = (f"rp.copyto({a.name}, {o}, casting={self.casting()}"
                    + (f", where={self.where_code(a.shape)})" if self.p(0.4) else ")"))
        elif fn == "place":
            code = f"rp.place({a.name}, {self.where_code(a.shape)}, {self.value_code()})"
        elif fn == "putmask":
            code = f"rp.putmask({a.name}, {self.where_code(a.shape)}, {self.value_code()})"
        else:
            code = f"{v} = rp.extract({self.where_code(a.shape)}, {a.name})"
        self.emit(f"index.{fn}", [code])
        if code.startswith(v):
            self.add(Arr(v))

    def st_misc(self):
        a = self.pick()
        nd = len(a.shape) if a.shape is not None else None
        v = self.fresh("x")
        code = self.ch([
            f"{a.name}.fill({self.scalar_code()})",
            f"{a.name}.setflags(write={self.ch(['False', 'True'])})",
            f"{a.name}.flags.writeable = {self.ch(['False', 'True'])}",
            f"{a.name}.shape = {self.any_shape_code(_prod(a.shape) if a.shape else None)}",
            f"{v} = rp.roll({a.name}, {self.int_code(-5, 5, 0.1)}, axis={self.axis_code(nd)})",
            f"{v} = rp.pad({a.name}, {self.ch(['1', '(1, 2)', '0', '((1, 0),)', '-1', '2**40'])})",
            f"{v} = rp.insert({a.name}, {self.int_code(-3, 3, 0.05)}, {self.scalar_code()})",
            f"{v} = rp.delete({a.name}, {self.int_array_code(5)})",
            f"{v} = rp.split({a.name}, {self.ch(['2', '[1, 3]', '0', '[5, 1]', '3'])})",
            f"{v} = rp.array({a.name}, copy={self.ch(['True', 'False', 'None'])}, "
            f"dtype={self.dtype_code(rec=0.02)})",
            f"{v} = rp.asarray({a.name}, order={self.order()})",
            f"{v} = {a.name}.nonzero()",
            f"{v} = rp.shares_memory({a.name}, {self.pick().name})",
            f"{v} = rp.may_share_memory({a.name}, {self.pick().name})",
            f"{v} = rp.array_equal({a.name}, {self.operand()})",
            f"{v} = rp.isclose({a.name}, {self.operand()})",
            f"{v} = rp.fromiter(iter({self.nested_list((self.r.randint(0, 6),), 'i')}), "
            f"{self.dtype_code(rec=0.05)}, count={self.int_code(-1, 8, 0.1)})",
            f"{v} = list(rp.ndindex({self.shape_code(self.small_shape(3, 12))}))",
            f"{v} = [x for x in rp.nditer({a.name})][:5]",
            f"{v} = rp.unravel_index({self.int_code(-2, 40, 0.1)}, "
            f"{self.shape_code(self.small_shape(3, 40))})",
            f"{v} = rp.ravel_multi_index(({self.int_array_code(3)}, {self.int_array_code(3)}), "
            f"(3, 4), mode={self.ch(['raise', 'wrap', 'clip'])!r})",
            f"{v} = rp.atleast_3d({a.name})",
            f"{v} = rp.split({a.name}, {self.int_code(0, 4, 0.05)}, axis={self.axis_code(nd)})",
            f"{v} = rp.block([[{a.name}, {a.name}]])",
        ])
        self.emit("misc", [code])

    def st_output(self):
        a = self.pick(self.ch([None, None, "rec"]) if self.recs else None)
        x = self.ch([
            f"{a.name}.tolist()", f"{a.name}.item()", f"{a.name}.item({self.int_code(-3, 8, 0.1)})",
            f"{a.name}.item({self.int_code(-1, 2)}, {self.int_code(-1, 2)})",
            f"repr({a.name})", f"str({a.name})", f"{a.name}.tobytes({self.order()})",
            f"bool({a.name})", f"int({a.name})", f"float({a.name})", f"complex({a.name})",
            f"len({a.name})", f"list({a.name})", f"format({a.name}, '')", f"{a.name}.__index__()",
            f"rp.array2string({a.name}, precision={self.int_code(0, 20, 0.05)}, "
            f"threshold={self.int_code(0, 20, 0.05)}, edgeitems={self.int_code(0, 4, 0.1)}, "
            f"max_line_width={self.int_code(1, 100, 0.05)})",
            f"rp.array_repr({a.name})",
            f"repr({a.name}[{self.index_code(a)}])",
            f"{a.name}.tobytes()[:{self.int_code(0, 9)}]",
            f"[repr(x) for x in {a.name}.flat][:10]",
            f"{a.name}.flags, {a.name}.strides, {a.name}.base is None, {a.name}.data",
            f"hash({a.name})", f"{a.name} == None", f"{a.name}.__reduce__()",
            f"__import__('pickle').loads(__import__('pickle').dumps({a.name}))",
            f"__import__('copy').deepcopy({a.name})",
        ])
        lines = [x]
        if self.p(0.15):
            opts = (f"precision={self.int_code(0, 20, 0.05)}, "
                    f"threshold={self.int_code(0, 20, 0.05)}, "
                    f"edgeitems={self.int_code(0, 4, 0.1)}, linewidth={self.int_code(1, 80, 0.05)}")
            lines = [f"with rp.printoptions({opts}):", f"    {x}"]
        self.emit("output", lines)

    def st_errstate(self):
        mode = self.ch(["'raise'", "'ignore'", "'warn'", "'print'", "'call'", "'log'", "'bogus'"])
        lines = [f"with rp.errstate(all={mode}):"]
        a, b = self.pick().name, self.operand()
        lines.append(f"    {self.fresh('e')} = rp.{self.ch(BINARY)}({a}, {b})")
        lines.append(f"    {self.pick().name}.{self.ch(['sum', 'prod', 'mean', 'var'])}()")
        self.emit("errstate", lines)

    def st_memoryview(self):
        a = self.pick(self.ch([None, None, "rec"]) if self.recs else None)
        m = self.fresh("mv")
        sub = f"[{self.index_code(a)}]" if self.p(0.3) else ""
        lines = [f"{m} = memoryview({a.name}{sub})"]
        uses = [f"{m}.tobytes()", f"{m}.cast('B')", f"{m}.shape, {m}.strides, {m}.format",
                f"{m}.tolist()", f"{m}[0]", f"{m}[{self.int_code(-3, 3, 0.1)}]",
                f"bytes({m})", f"{m}.nbytes", f"{m}.release()", f"{m}.readonly",
                f"{m}.cast('B')[:{self.int_code(0, 5)}] = bytes({self.r.randint(0, 5)})",
                f"{m}[...] if {m}.ndim == 0 else {m}[:1]", f"{m}.contiguous, {m}.c_contiguous",
                f"rp.asarray({m})", f"rp.frombuffer({m}, dtype={self.dtype_code(rec=0.05)})",
                f"{m}.cast({self.ch(NP_FORMATS)!r})",
                f"{m}.cast('B').cast({self.ch(NP_FORMATS)!r}, ({self.r.randint(0, 4)}, "
                f"{self.r.randint(0, 4)}))",
                f"del {a.name}" if self.p(0.05) else f"{m}.hex()"]
        for _ in range(self.r.randint(1, 4)):
            lines.append(self.ch(uses))
        if self.p(0.2):
            # the buffer stays exported while the array is changed
            lines.append(self.ch([f"{a.name}.resize(0, refcheck=False)",
                                  f"{a.name}.shape = (-1,)",
                                  f"{a.name}.setflags(write=False)",
                                  f"{a.name}[...] = 0"]))
            lines.append(self.ch([f"{m}.tobytes()", f"{m}.tolist()", f"bytes({m})"]))
        if self.p(0.3):
            v = self.fresh("b")
            k = self.r.randint(0, 24)
            fmt = self.ch(NP_FORMATS)
            shp = f", ({self.r.randint(0, 4)}, {self.r.randint(0, 4)})" if self.p(0.4) else ""
            lines.append(f"{v} = rp.asarray(memoryview(bytearray({k})).cast({fmt!r}{shp}))")
            lines.append(self.cap(v))
            self.add(Arr(v))
        self.emit("memoryview", lines)

    def st_np_interop(self):
        np_ = self.np()
        x = self.r.random()
        v = self.fresh("n")
        if x < 0.35:
            a = self.pick(self.ch([None, None, "rec"]) if self.recs else None)
            src = a.name if self.p(0.6) else f"{a.name}[{self.index_code(a)}]"
            lines = [f"{v} = {np_}.asarray({src})"]
            lines += [self.ch([f"{v}.sum()", f"{v}[...] = 1", f"{v}.tolist()", f"repr({v})",
                               f"rp.asarray({v})", f"{v}.copy()", f"{v} + 1",
                               f"{v}.flags.writeable", f"{v}.base",
                               f"{np_}.add({v}, 1, out={v})",
                               f"{v}.view('u1')", f"{v}.dtype.descr"])
                      for _ in range(self.r.randint(1, 3))]
            self.emit("interop.np_asarray", lines)
            return
        if x < 0.5:
            t = self.fresh("t")
            lines = [f"{t} = rp.arange({self.r.randint(0, 30)}, dtype={self.dtype_name()!r})"
                     f"[::{self.ch(['1', '-1', '2', '-3'])}]",
                     f"{v} = {np_}.asarray({t})" if self.p(0.7) else
                     f"{v} = {np_}.from_dlpack({t})",
                     f"del {t}",
                     self.ch([f"{v}.tolist()", f"{v}.sum()", f"{v}[...] = 3", f"repr({v})"])]
            self.emit("interop.lifetime", lines)
            return
        src = self.np_array_code()
        fn = self.ch(["rp.asarray", "rp.asarray", "rp.array", "rp.frombuffer",
                      "rp.from_dlpack", "rp.ascontiguousarray", "rp.asarray"])
        extra = ""
        if fn in ("rp.asarray", "rp.array") and self.p(0.3):
            extra = f", dtype={self.dtype_code(rec=0.05)}"
        if fn == "rp.array" and self.p(0.3):
            extra += f", copy={self.ch(['True', 'False', 'None'])}"
        lines = [f"{v} = {fn}({src}{extra})"]
        if self.p(0.4):
            lines.insert(0, f"s{v} = {src}")
            lines[1] = f"{v} = {fn}(s{v}{extra})"
            lines.append(self.ch([f"s{v}[...] = 2", f"del s{v}", f"s{v}.setflags(write=False)"]))
        lines.append(self.cap(v))
        self.emit("interop.to_rp", lines)
        self.add(Arr(v))

    def st_rec_create(self, safe=False):
        v = self.fresh("rec")
        shape = self.small_shape(2, 12)
        if safe:
            spec, names = self.ch(SAFE_RECS)
            self.emit("rec.create", [f"{v} = rp.zeros({shape!r}, dtype={spec})"])
            self.add(Arr(v, shape, None, names, safe=True), "rec")
            return
        if not any(a.safe for a in self.recs):
            self.st_rec_create(safe=True)
        spec, names = self.rec_spec()
        x = self.r.random()
        if x < 0.45:
            fn = self.ch(["zeros", "empty", "ones"])
            code = f"{v} = rp.{fn}({self.shape_code(shape)}, dtype={spec})"
        elif x < 0.75:
            nf = len(names) or 1
            rows = []
            for _ in range(self.r.randint(0, 4)):
                vals = [self.value_lit(self.ch("bifc")) for _ in range(
                    nf if self.p(0.85) else self.r.randint(0, nf + 2))]
                rows.append("(" + ", ".join(vals) + ("," if len(vals) == 1 else "") + ")")
            code = f"{v} = rp.array([{', '.join(rows)}], dtype={spec})"
            shape = None
        elif x < 0.9:
            code = f"{v} = rp.frombuffer(bytearray({self.ch([0, 8, 24, 64, 100])}), dtype={spec})"
            shape = None
        else:
            code = f"{v} = {self.pick().name}.view({spec})"
            shape = None
        self.emit("rec.create", [code, self.cap(v)])
        self.add(Arr(v, shape, None, names), "rec")

    def field_name(self, r):
        if r.fields and self.p(0.9):
            return repr(self.ch(r.fields))
        return self.ch(["'zz'", "''", "'a'", "0", "b'a'", "'f0'"])

    def st_rec_get(self):
        r = self.pick("rec")
        v = self.fresh("f")
        f = self.field_name(r)
        x = self.r.random()
        if x < 0.45:
            code = f"{v} = {r.name}[{f}]"
        elif x < 0.6:
            fs = ", ".join(self.field_name(r) for _ in range(self.r.randint(0, 3)))
            code = f"{v} = {r.name}[[{fs}]]"
        elif x < 0.75:
            code = f"{v} = {r.name}[{self.index_code(r)}][{f}]"
        elif x < 0.9:
            code = f"{v} = {r.name}[{f}][{self.index_code(Arr('', None))}]"
        else:
            code = f"{v} = {r.name}[{self.int_code(-2, 2)}]"
        lines = [code]
        if self.p(0.4):
            lines.append(self.ch([f"{v}.tolist()", f"repr({v})", f"{v}.shape",
                                  f"{v}.sum()", f"{v}.copy()", f"{v}.strides"]))
        self.emit("rec.get", lines + [self.cap(v)])
        self.add(Arr(v))

    def st_rec_set(self):
        r = self.pick("rec")
        f = self.field_name(r)
        x = self.r.random()
        if x < 0.5:
            code = f"{r.name}[{f}] = {self.value_code()}"
        elif x < 0.7:
            vals = [self.value_lit(self.ch("bif")) for _ in range(self.r.randint(0, 4))]
            tup = "(" + ", ".join(vals) + ("," if len(vals) == 1 else "") + ")"
            code = f"{r.name}[{self.index_code(r)}] = {tup}" if self.p(0.3) else \
                f"{r.name}[{self.int_code(-2, 2)}] = {tup}"
        elif x < 0.8:
            fs = ", ".join(self.field_name(r) for _ in range(self.r.randint(1, 3)))
            code = f"{r.name}[[{fs}]] = {self.value_code()}"
        elif x < 0.9:
            code = f"{r.name}[{f}][{self.index_code(Arr('', None))}] = {self.scalar_code()}"
        else:
            code = f"{r.name}[...] = {self.pick('rec').name}"
        self.emit("rec.set", [code])

    def st_rec_ops(self):
        r = self.pick("rec")
        v = self.fresh("o")
        code = self.ch([
            f"{v} = {r.name}.view({self.dtype_code(rec=0.4, alias=0.3)})",
            f"{v} = {r.name}.tolist()", f"{v} = repr({r.name})",
            f"{v} = {r.name} == {self.pick('rec').name}",
            f"{v} = {r.name} != {r.name}[::-1]",
            f"{v} = {r.name}.astype({self.rec_spec()[0]})",
            f"{v} = rp.concatenate([{r.name}, {self.pick('rec').name}])",
            f"{v} = {r.name}.copy()", f"{v} = {r.name}.reshape({self.any_shape_code()})",
            f"{v} = {r.name}.item()", f"{v} = {r.name}.tobytes()",
            f"{v} = {r.name}.dtype.fields", f"{v} = {r.name}.dtype.descr",
            f"{v} = {r.name}[::-1].copy()", f"{v} = {r.name}.T.tolist()",
            f"{v} = rp.rec.fromarrays([{self.pick().name}, {self.pick().name}])",
            f"{v} = {r.name}.view(rp.recarray)",
            f"{v} = rp.take({r.name}, {self.int_array_code(4)})",
            f"{v} = rp.stack([{r.name}, {r.name}])",
            f"{v} = rp.asarray({r.name}, dtype={self.rec_spec()[0]})",
            f"{v} = {r.name}.astype({self.dtype_code(rec=0)})",
        ])
        self.emit("rec.ops", [code, self.cap(v)])
        self.add(Arr(v))

    def corruptions(self, buf, hdr_len_guess=128):
        lines = []
        for _ in range(self.r.randint(1, 3)):
            y = self.r.random()
            pos = self.r.randint(0, hdr_len_guess + 32) if self.p(0.75) else self.r.randint(-20, -1)
            if y < 0.4:
                lines.append(f"{buf}[{pos}] ^= {self.ch([1, 2, 4, 8, 16, 32, 64, 128, 255])}")
            elif y < 0.6:
                lines.append(f"del {buf}[{pos}:{pos + self.r.randint(1, 40) if pos >= 0 else ''}]")
            elif y < 0.8:
                ins = self.ch(["b'9'", "b'99999999'", "b','", "b'('", "b' '", "b'\\x00' * 3",
                               "b\"'descr': '<f8', \"", "b'(2**62,), '", "b'-1, '",
                               "b\"'fortran_order': True, \"", "bytes(70000)"])
                lines.append(f"{buf}[{pos}:{pos}] = {ins}")
            else:
                rep = self.ch(["b'0'", "b'9'", "b'\\xff\\xff'", "b'('", "b'T'"])
                lines.append(f"{buf}[{pos}:{pos + self.r.randint(1, 4)}] = {rep}")
        return lines

    def st_npy(self):
        self.uses_io = True
        a = self.pick(self.ch([None, None, "rec"]) if self.recs else None)
        v = self.fresh("l")
        b = self.fresh("buf")
        lines = [f"{b} = io.BytesIO()", f"rp.save({b}, {a.name})",
                 f"{b} = bytearray({b}.getvalue())"]
        x = self.r.random()
        if x < 0.35:
            # edit the header as text and write it back with a matching length
            hd = self.fresh("hd")
            lines.append(f"{hd} = bytes({b}[10:10 + int.from_bytes({b}[8:10], 'little')])")
            for _ in range(self.r.randint(1, 2)):
                y = self.r.random()
                if y < 0.45:
                    new = self.ch(["(2**62, ", "(0, 2**63, ", "(2**31, 2**31, ", "(-1, ",
                                   "(3, ", "(1, 1, ", "(0, ", "(2**61+1, ", "("])
                    lines.append(f"{hd} = {hd}.replace(b\"'shape': (\", b\"'shape': {new}\", 1)")
                elif y < 0.75:
                    new = self.ch(["'<f8'", "'|u1'", "'>i4'", "'<c16'", "'|b1'", "'<f2'",
                                   "'|V8'", "'<u8'", "[('a', '<f8', (2**40,))]",
                                   "[('a', '<i2'), ('b', '<f8', (2, 2))]", "'|V0'",
                                   "[('a', '<u1', (0,))]", "[('', '|V4'), ('a', '<i2')]"])
                    lines.append(f"{hd} = __import__('re').sub("
                                 f"rb\"'descr': ('[^']*'|\\[.*?\\]),\", "
                                 f"b\"'descr': {new},\", {hd}, 1)")
                else:
                    lines.append(f"{hd} = {hd}.replace(b'False', b'True') if b'False' in {hd} "
                                 f"else {hd}.replace(b'True', b'False')")
            lines.append(f"{b} = {b}[:8] + len({hd}).to_bytes(2, 'little') + {hd} + "
                         f"{b}[10 + int.from_bytes({b}[8:10], 'little'):]")
            if self.p(0.3):
                lines.append(self.ch([f"del {b}[-{self.r.randint(1, 16)}:]",
                                      f"{b} += bytes({self.r.randint(1, 64)})"]))
        elif x < 0.75:
            lines += self.corruptions(b)
        lines.append(f"{v} = rp.load(io.BytesIO(bytes({b})))")
        lines += [self.ch([f"repr({v})", f"{v}.tolist()", f"{v}.sum()", f"{v}[...] = 1",
                           f"{v}.copy()", f"{v}.T.copy()"])
                  for _ in range(self.r.randint(0, 2))]
        lines.append(self.cap(v))
        self.emit("npy.corrupt", lines)
        self.add(Arr(v))

    def st_npy_forged(self):
        self.uses_io = True
        v = self.fresh("l")
        descr = self.ch(["'<f8'", "'|u1'", "'>i4'", "'<c16'", "'|b1'", "'<f2'", "'|V8'",
                         "'|V0'", "'<V4'", "'|S4'", "'<U2'", "'|O'", "'<M8[s]'", "'x'",
                         "[('a', '<i4'), ('b', '<f8', (2,))]",
                         "[('a', '<f8', (2**40,))]", "[('', '|V4'), ('a', '<i2')]",
                         "[('a', '<f8', (2**31, 2**31))]", "[('a', [('b', '<u1', (3,))])]",
                         "[('a', '<i4'), ('a', '<i4')]", "[(('t', 'a'), '<i4')]",
                         "[('a', '<f8', (-1,))]", "[('a', '|V2**62')]", "[]", "[('a',)]",
                         "[('a', '<u1', (0, 2**63))]"])
        shape = self.ch([repr(self.small_shape(3, 20)), "(2**62,)", "(2**31, 2**31)",
                         "(0, 2**63)", "(-1,)", "(3,)", "(2, 2)", "()", "(2**64,)",
                         "(1.5,)", "[3]", "(2**61+1, 8)", "(0,)"])
        fo = self.ch(["False", "True", "0", "None"])
        version = self.ch(["1, 0", "2, 0", "3, 0", "1, 0", "9, 9"])
        nbytes = self.ch([0, 1, 7, 8, 16, 64, 256, 4096])
        hdr = f"\"{{'descr': {descr}, 'fortran_order': {fo}, 'shape': {shape}, }}\""
        lenb = "2" if version.startswith("1") else "4"
        lines = [f"h = {hdr}.encode('latin1')",
                 f"h = h + b' ' * (-({lenb} + 8 + len(h) + 1) % 64) + b'\\n'",
                 f"d = b'\\x93NUMPY' + bytes(({version})) + len(h).to_bytes({lenb}, 'little')"
                 f" + h + bytes(range(256)) * {nbytes // 256} + bytes({nbytes % 256})",
                 f"{v} = rp.load(io.BytesIO(d))"]
        lines += [self.ch([f"repr({v})", f"{v}.tolist()", f"{v}.sum()", f"{v}[...] = 1",
                           f"{v}.dtype", f"{v}.ravel()[:3]", f"{v}.T.copy()"])
                  for _ in range(self.r.randint(0, 2))]
        lines.append(self.cap(v))
        self.emit("npy.forged", lines)
        self.add(Arr(v))

    def st_field(self):
        DTS = ["0.1", "0.0", "-1.0", "float('nan')", "1e300"]
        FORCES = ["1.0", "[1.0, 2.0]", "float('inf')"]
        f = self.fresh("fld")
        n = self.small_shape(2, 40)
        lines = [f"{f} = rp.create_field({self.shape_code(n)})"]
        view = self.ch(["", "", "[::2]", "[::-1]", "[1:]", "[..., ::3]", "['value']"])
        idx = self.ch(["0", "[0, 1]", "slice(None)", "-1", "[2**62]", "[-1, 0]", "[]",
                       str(self.r.randint(-5, 40)), "rp.array([1, 3])", "[0, 0, 0]",
                       f"[{self.huge()}]", "True"])
        for _ in range(self.r.randint(1, 3)):
            lines.append(self.ch([
                f"rp.step({f}{view}, cycles={self.ch(['1', '2', '3', '0', '-1', '2.5'])}, "
                f"dt={self.ch(DTS)})",
                f"rp.resonate({f}{view}, {idx}, {idx}, {self.ch(['0.5', '0', '-1.0', '1e308'])})",
                f"rp.force({f}{view}, {idx}, {self.ch(FORCES)})",
                f"rp.set_props({f}{view}, {idx}, {self.ch(['1.0', '0.0', '-1.0'])}, "
                f"{self.ch(['0.1', '2.0', '-1.0'])})",
                f"rp.set_target({f}{view}, {idx}, {self.ch(['1.0', '[1.0]', 'None'])})",
                f"rp.step({self.pick().name})",
            ]))
        lines.append(f"repr({f})")
        self.emit("field", lines)

    def st_buffer_mut(self):
        """A rumpy array over a Python buffer whose owner then tries to resize or release it
        (which must fail while rumpy holds the buffer, or leave rumpy's array valid)."""
        bb = self.fresh("bb")
        v = self.fresh("x")
        k = self.ch([64, 4096, 1 << 20])
        dt = self.ch(["'u1'", "'f8'", "'i4'", "'c16'", "'f2'"])
        make = self.ch([
            f"{v} = rp.frombuffer({bb}, dtype={dt})",
            f"{v} = rp.frombuffer(memoryview({bb}), dtype={dt}, offset=8)",
            f"{v} = rp.ndarray(({k // 16},), {dt}, buffer={bb})",
            f"{v} = rp.asarray(memoryview({bb}))",
            f"{v} = rp.asarray(memoryview({bb}).cast('d'))",
            f"{v} = rp.frombuffer({bb}, dtype={dt})[::-3]",
            f"{v} = rp.array(memoryview({bb}), copy=False)",
        ])
        mutate = self.ch([f"{bb}.extend(bytes({k}))", f"del {bb}[:]", f"{bb}.clear()",
                          f"{bb} *= 3", f"{bb}[:] = b''", f"{bb}.pop()",
                          f"mv{bb}.release()", f"del {bb}"])
        lines = [f"{bb} = bytearray({k})"]
        if mutate.startswith("mv"):
            lines.append(f"mv{bb} = memoryview({bb})")
            make = make.replace(f"({bb}", f"(mv{bb}").replace(f"memoryview(mv{bb})", f"mv{bb}")
        lines.append(make)
        lines.append("try:")
        lines.append(f"    {mutate}")
        lines.append("except BufferError:")
        lines.append("    pass")
        lines.append("__import__('gc').collect()" if self.p(0.2) else "pass")
        for _ in range(self.r.randint(1, 3)):
            lines.append(self.ch([f"{v}.sum()", f"{v}[...] = 1", f"{v}.tolist()[:3]",
                                  f"{v}.copy()", f"bytes(memoryview({v}))[:4]",
                                  f"repr({v})", f"{v}[-1]"]))
        self.emit("buffer_mut", lines)

    def st_threads(self):
        """Threads working on one array at once (the kernels may run without the GIL)."""
        v = self.fresh("sh")
        n = self.ch([16, 1000, 100000])
        dt = self.ch(["float64", "int32", "uint8", "complex128", "float32"])
        ops = [f"{v}.resize({self.ch([n, n // 2, 2 * n, 0])}, refcheck=False)",
               f"rp.add({v}, 1, out={v})", f"{v}[:] = 0", f"{v}.sum()", f"{v}.tolist()",
               f"memoryview({v}).tobytes()", f"{v}.shape = (-1,)", f"{v}.reshape(-1, 2).copy()",
               f"rp.multiply.at({v}, [0, 1, 2], 2)", f"{v}.astype('f4')", f"{v}[::-1].copy()",
               f"{v}.setflags(write=False)", f"{v}.setflags(write=True)",
               f"rp.concatenate([{v}, {v}])", f"{v}[{v} > 3] = 1", f"repr({v})",
               f"rp.copyto({v}, {v}[::-1])", f"{v}.view('u1')[:4] = 7"]
        if self.p(0.3):
            self.np()
            ops.append(f"np.asarray({v}).sum()")
        if n >= 1000:
            ops = [op for op in ops if not any(w in op for w in ("tolist", "concat", "repr"))]
        chosen = [self.ch(ops) for _ in range(self.r.randint(2, 3))]
        lines = [f"{v} = rp.arange({n}).astype({dt!r})", "import threading"]
        for k, op in enumerate(chosen):
            lines += [f"def _w{k}():", "    for _ in range(20):", "        try:",
                      f"            {op}", "        except Exception:", "            pass"]
        fns = ", ".join(f"_w{k}" for k in range(len(chosen)))
        lines.append(f"_ts = [threading.Thread(target=f) for f in ({fns},)]")
        lines.append("[t.start() for t in _ts]")
        lines.append("[t.join() for t in _ts]")
        self.emit("threads", lines)

    def program(self):
        for _ in range(self.r.randint(1, 3)):
            self.st_create(safe=True)
        if self.p(0.3):
            self.st_create_data()
        for _ in range(self.r.randint(8, 26)):
            self.statement()
        return self.render()


def program_key(seed, area, k):
    return f"{seed}/{area}/{k}"


def generate(key):
    """The program of ``key`` ("seed/area/k"): deterministic."""
    area = key.split("/")[1]
    src = Gen(key, area).program()
    compile(src, "<fuzz>", "exec")   # a generator bug is not a rumpy bug: fail loudly here
    return src


# ---------------------------------------------------------------------------
# confirming and shrinking
# ---------------------------------------------------------------------------

def run_one(src, program_timeout=PROGRAM_TIMEOUT, backtrace=False):
    _, f = run_batch([src], program_timeout, child_timeout=program_timeout + 30,
                     backtrace=backtrace)
    if f is not None:
        f.source = src
        f.line, f.tag = crash_line(f, src)
    return f


def _blocks(src):
    """(header lines, [block lines]) of a generated program."""
    lines = src.splitlines()
    head, blocks, cur = [], [], None
    for ln in lines:
        if ln.startswith("# @"):
            cur = [ln]
            blocks.append(cur)
        elif cur is None:
            head.append(ln)
        else:
            cur.append(ln)
    return head, blocks


def _join(head, blocks):
    return "\n".join(head + [ln for b in blocks for ln in b]) + "\n"


def _unwrap(block):
    """A block without its try/except wrapper."""
    if len(block) >= 4 and block[1] == "try:" and "except Exception:" in block:
        j = block.index("except Exception:")
        return [block[0]] + [ln[4:] for ln in block[2:j]]
    return block


def _fallback_only(block):
    """A block replaced by what its ``except`` clause binds (``v = a1``), if anything."""
    if len(block) >= 4 and block[1] == "try:" and "except Exception:" in block:
        j = block.index("except Exception:")
        rest = [ln[4:] for ln in block[j + 1:] if ln.strip() != "pass"]
        if rest:
            return [block[0]] + rest
    return block


def reduce_failure(f, seconds, program_timeout=PROGRAM_TIMEOUT):
    """Shrink ``f.source`` while it fails the same way; sets ``f.reduced``."""
    deadline = time.monotonic() + seconds
    want = f.signature()
    # a hang is slow to check: give each try a short timeout
    pt = min(program_timeout, 8) if f.kind == "hang" else program_timeout

    def same(src):
        if time.monotonic() > deadline:
            return False
        try:
            compile(src, "<candidate>", "exec")
        except SyntaxError:
            return False
        g = run_one(src, pt, backtrace=True)    # as the confirmation ran: same signature
        return g is not None and g.signature() == want

    head, blocks = _blocks(f.source)
    # drop chunks of statements, big chunks first (ddmin-like)
    chunk = max(1, len(blocks) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i = 0
        changed = False
        while i < len(blocks) and time.monotonic() < deadline:
            cand = blocks[:i] + blocks[i + chunk:]
            if cand and same(_join(head, cand)):
                blocks = cand
                changed = True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    # a statement whose result only matters through its fallback: keep just the fallback
    for i in range(len(blocks)):
        if time.monotonic() > deadline:
            break
        cand = blocks[:i] + [_fallback_only(blocks[i])] + blocks[i + 1:]
        if cand != blocks and same(_join(head, cand)):
            blocks = cand
    # drop unused imports, then try without the try/except wrappers
    for imp in ("import numpy as np", "import io"):
        if imp in head and time.monotonic() < deadline:
            h2 = [ln for ln in head if ln != imp]
            if same(_join(h2, blocks)):
                head = h2
    bare = [_unwrap(b) for b in blocks]
    if bare != blocks and time.monotonic() < deadline and same(_join(head, bare)):
        blocks = bare
    else:
        for i in range(len(blocks)):
            if time.monotonic() > deadline:
                break
            cand = blocks[:i] + [_unwrap(blocks[i])] + blocks[i + 1:]
            if cand != blocks and same(_join(head, cand)):
                blocks = cand
    # drop single lines inside blocks
    for i in range(len(blocks)):
        j = 1
        while j < len(blocks[i]) and time.monotonic() < deadline:
            ln = blocks[i][j]
            if ln.strip() in ("try:", "except Exception:", "pass") or ln.startswith("# @"):
                j += 1
                continue
            cand_block = blocks[i][:j] + blocks[i][j + 1:]
            body = [x for x in cand_block[1:] if x.strip() not in
                    ("try:", "except Exception:", "pass")]
            if not body:
                j += 1
                continue
            cand = blocks[:i] + [cand_block] + blocks[i + 1:]
            if same(_join(head, cand)):
                blocks = cand
            else:
                j += 1
    f.reduced = _join(head, blocks)
    return f


# ---------------------------------------------------------------------------
# the campaign
# ---------------------------------------------------------------------------

class Campaign:
    def __init__(self, seed, areas, seconds, max_programs=None, max_failures=None,
                 reduce_seconds=20, log=None, program_timeout=PROGRAM_TIMEOUT):
        self.seed, self.areas, self.seconds = seed, list(areas), seconds
        self.max_programs, self.max_failures = max_programs, max_failures
        self.reduce_seconds, self.log = reduce_seconds, log or (lambda s: None)
        self.program_timeout = program_timeout
        self.ran = 0
        self.failures = {}          # signature -> first Failure
        self.counts = {}            # signature -> occurrences
        self.unconfirmed = []
        self.flaky_hangs = []
        self.fuzz_time = 0.0

    def _done(self, deadline):
        return (time.monotonic() > deadline
                or (self.max_programs is not None and self.ran >= self.max_programs)
                or (self.max_failures is not None and len(self.failures) >= self.max_failures))

    def run(self):
        deadline = time.monotonic() + self.seconds
        counters = {a: itertools.count() for a in self.areas}
        rr = itertools.cycle(self.areas)
        while not self._done(deadline):
            n = PER_CHILD
            if self.ran and self.fuzz_time:
                # no big overshoot of the budget: the last batches fit the time left
                left = deadline - time.monotonic()
                n = max(5, min(n, int(self.ran / self.fuzz_time * left) + 1))
            if self.max_programs is not None:
                n = min(n, self.max_programs - self.ran)
            area = next(rr)
            keys = [program_key(self.seed, area, next(counters[area])) for _ in range(n)]
            srcs = [generate(k) for k in keys]
            start = 0
            while start < len(srcs):
                t0 = time.monotonic()
                done, f = run_batch(srcs[start:], self.program_timeout)
                self.fuzz_time += time.monotonic() - t0
                if f is None:
                    self.ran += len(srcs) - start
                    break
                idx = f.index if f.index is not None else done
                self.ran += idx + 1
                if f.index is None or start + f.index >= len(srcs):
                    # died outside any program (e.g. at start-up): report the batch
                    f.key, f.source, f.tag = keys[start], srcs[start], "?"
                    self._record(f, confirmed=False)
                    if f.detail == "rumpy does not import":
                        return self
                    break
                i = start + f.index
                self._handle(f, keys[i], srcs[i])
                start = i + 1
                if self._done(deadline):
                    break
        return self

    def _handle(self, f, key, src):
        f.key, f.source = key, src
        f.line, f.tag = crash_line(f, src)
        g = run_one(src, self.program_timeout, backtrace=True)
        if g is None or g.kind != f.kind:
            f.confirmed = False
            self.log(f"  {key}: {f.describe()} did not recur when run alone")
            if f.kind == "hang":
                self.flaky_hangs.append(f)      # a loaded machine, most likely
            else:
                self._record(f, confirmed=False)
            return
        g.key, g.confirmed = key, True
        sig = g.signature()
        if sig in self.failures:
            self.counts[sig] += 1
            return
        self.log(f"  {key}: {g.describe()}; shrinking")
        if self.reduce_seconds > 0:
            reduce_failure(g, self.reduce_seconds, self.program_timeout)
        self._record(g, confirmed=True)

    def _record(self, f, confirmed):
        f.confirmed = confirmed
        sig = f.signature()
        if not confirmed:
            self.unconfirmed.append(f)
            sig = ("unconfirmed",) + sig
        if sig in self.failures:
            self.counts[sig] += 1
        else:
            self.failures[sig] = f
            self.counts[sig] = 1

    def report(self, limit=None):
        out = []
        items = list(self.failures.items())
        for n, (sig, f) in enumerate(items[:limit]):
            out.append("=" * 78)
            out.append(f"[{n + 1}] {f.describe()}  x{self.counts[sig]}"
                       f"{'' if f.confirmed else '  (NOT reproduced alone: ran in a batch)'}")
            out.append(f"program key: {f.key}   (python tests/test_fuzz.py --replay {f.key})")
            detail = [ln for ln in (f.stderr or "").strip().splitlines()
                      if not re.match(r"\s+at ", ln)]      # backtrace source lines
            out.append("stderr:\n    " + "\n    ".join(detail[:30]))
            if f.reduced and f.reduced != f.source:
                out.append("shrunk reproducer:\n" + f.reduced)
            out.append(f"full program (line {f.line}):\n" + (f.source or ""))
        if limit is not None and len(items) > limit:
            out.append(f"... and {len(items) - limit} more distinct failures")
        return "\n".join(out)


def _env_float(name, default):
    v = os.environ.get(name)
    return float(v) if v else default


# ---------------------------------------------------------------------------
# pytest entry points
# ---------------------------------------------------------------------------

def test_generator_is_deterministic_and_compiles():
    for area in AREAS:
        for k in range(20):
            key = program_key(1, area, k)
            assert generate(key) == generate(key)


def test_harness_detects_crashes_panics_and_hangs():
    """The harness must be able to fail: a segfault, an abort, a hang, an escaped
    BaseException and a clean program, each classified as such."""
    ok = "import rumpy as rp\ntry:\n    rp.zeros(3)[5]\nexcept Exception:\n    pass\n"
    segv = "# @boom\nimport ctypes\nctypes.string_at(0)\n"
    abrt = "# @boom\nimport os\nos.abort()\n"
    esc = "# @boom\nraise KeyboardInterrupt\n"
    hang = "# @boom\nimport time\nwhile True:\n    time.sleep(0.1)\n"
    done, f = run_batch([ok, ok, segv, ok])
    assert f is not None and f.kind == "signal" and f.detail == "SIGSEGV" and f.index == 2, f
    assert done == 2
    assert crash_line(f, segv)[1] == "boom"
    f = run_one(abrt)
    assert f is not None and f.kind == "signal" and f.detail == "SIGABRT"
    f = run_one(esc)
    assert f is not None and f.kind == "escaped"
    f = run_one(hang, program_timeout=2)
    assert f is not None and f.kind == "hang"
    assert run_batch([ok] * 3) == (3, None)
    # a Rust panic's message on stderr counts even when the program goes on
    f = run_one("import sys\n"
                "sys.stderr.write(\"thread 'x' panicked at src/a.rs:1:2:\\nboom\\n\")\n")
    assert f is not None and f.kind == "panic" and "src/a.rs:1" in f.detail


@pytest.mark.parametrize("area", AREAS)
def test_fuzz(area):
    total = _env_float("RUMPY_FUZZ_SECONDS", DEFAULT_SECONDS)
    seed = int(os.environ.get("RUMPY_FUZZ_SEED", DEFAULT_SEED))
    progs = os.environ.get("RUMPY_FUZZ_PROGRAMS")
    c = Campaign(seed, [area], total / len(AREAS), max_programs=int(progs) if progs else None,
                 max_failures=PYTEST_MAX_FAILURES, reduce_seconds=PYTEST_REDUCE_SECONDS)
    c.run()
    print(f"{area}: {c.ran} programs in {c.fuzz_time:.1f} s "
          f"({c.ran / max(c.fuzz_time, 1e-9):.1f}/s), seed {seed}")
    for f in c.flaky_hangs:
        print(f"warning: {f.key} hung in a batch but not alone")
    assert not c.failures, (f"fuzzing {area} (seed {seed}) found {len(c.failures)} distinct "
                            f"failure(s) in {c.ran} programs:\n" + c.report(limit=3))


# ---------------------------------------------------------------------------
# script mode
# ---------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--area", choices=AREAS + ["all"], default="all")
    ap.add_argument("--programs", type=int, default=None)
    ap.add_argument("--reduce-seconds", type=float, default=90)
    ap.add_argument("--replay", metavar="KEY", help="print and run the program SEED/AREA/K")
    ap.add_argument("--print", metavar="KEY", dest="show", help="print the program SEED/AREA/K")
    ap.add_argument("--out", metavar="DIR", help="write each distinct reproducer to DIR")
    args = ap.parse_args(argv)
    if args.show:
        print(generate(args.show), end="")
        return 0
    if args.replay:
        src = generate(args.replay)
        print(src)
        f = run_one(src)
        print("no failure" if f is None else f"{f.describe()}\n{f.stderr}")
        return 0 if f is None else 1
    areas = AREAS if args.area == "all" else [args.area]
    t0 = time.monotonic()
    c = Campaign(args.seed, areas, args.seconds, max_programs=args.programs,
                 reduce_seconds=args.reduce_seconds,
                 log=lambda s: print(f"[{time.monotonic() - t0:7.1f}s] {s}", flush=True))
    c.run()
    wall = time.monotonic() - t0
    print(f"ran {c.ran} programs in {wall:.0f} s of wall time "
          f"({c.ran / max(c.fuzz_time, 1e-9):.1f} programs/s while fuzzing), seed {args.seed}")
    print(f"{len(c.failures)} distinct failure(s)")
    for f in c.flaky_hangs:
        print(f"warning: {f.key} hung in a batch but not alone")
    if c.failures:
        print(c.report())
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        for n, (sig, f) in enumerate(c.failures.items()):
            with open(os.path.join(args.out, f"crash{n + 1:02d}.py"), "w") as fh:
                head = (f"{f.describe()} x{c.counts[sig]} key {f.key}\n"
                        f"{'confirmed' if f.confirmed else 'NOT reproduced alone'}")
                fh.write("".join(f"# {ln}\n" for ln in head.splitlines()))
                fh.write(f.reduced or f.source or "")
            with open(os.path.join(args.out, f"crash{n + 1:02d}.full.py"), "w") as fh:
                fh.write(f.source or "")
                fh.write("\n'''\n" + (f.stderr or "") + "\n'''\n")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
