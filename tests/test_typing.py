"""rumpy's type stub: up to date with the package, and a type checker (mypy) accepts typical
rumpy code against it and reports misuse at the lines that misuse it."""

import pathlib
import re
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).parent / "typing"
sys.path.insert(0, str(HERE))

import gen_stubs  # noqa: E402


def test_stub_is_up_to_date():
    assert gen_stubs.STUB.read_text() == gen_stubs.render(), \
        "run python tests/typing/gen_stubs.py"
    assert (gen_stubs.STUB.parent / "py.typed").exists()


def mypy(path):
    pytest.importorskip("mypy")
    out = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental",
                          "--cache-dir", "/dev/null", str(path)],
                         capture_output=True, text=True, cwd=HERE)
    return out.returncode, out.stdout


def test_mypy_accepts_typical_code():
    rc, out = mypy(HERE / "example_ok.py")
    assert rc == 0, out


def test_mypy_reports_misuse_where_it_is():
    rc, out = mypy(HERE / "example_bad.py")
    assert rc == 1, out
    want = {k + 1 for k, line in enumerate((HERE / "example_bad.py").read_text().splitlines())
            if "# E:" in line}
    got = {int(m.group(1)) for m in re.finditer(r"example_bad\.py:(\d+): error", out)}
    assert got == want, out
