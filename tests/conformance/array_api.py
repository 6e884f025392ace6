"""Run the Array API conformance suite (data-apis/array-api-tests) against rumpy and against
NumPy, with the same seed, and print the tests rumpy fails that NumPy passes.

    git clone --recursive https://github.com/data-apis/array-api-tests /path/to/array-api-tests
    pip install -r /path/to/array-api-tests/requirements.txt
    python tests/conformance/array_api.py /path/to/array-api-tests

Exits 1 when rumpy fails a test NumPy passes, outside the extensions rumpy does not have yet
(given with --missing, default: fft).
"""

import argparse
import os
import re
import subprocess
import sys


def failures(suite, module, extra):
    env = dict(os.environ, PYTHONHASHSEED="0", ARRAY_API_TESTS_MODULE=module)
    cmd = [sys.executable, "-m", "pytest", "array_api_tests/", "--max-examples=20",
           "--hypothesis-seed=0", "-q", "-p", "no:cacheprovider", *extra]
    out = subprocess.run(cmd, cwd=suite, env=env, capture_output=True, text=True).stdout
    summary = out.strip().splitlines()[-1] if out.strip() else "(no output)"
    failed = {m.group(1) for m in re.finditer(r"^FAILED (\S+(?:\[.*?\])?)", out, re.M)}
    return summary, failed


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("suite", help="a checkout of data-apis/array-api-tests (with submodules)")
    p.add_argument("--missing", default="fft",
                   help="names whose failures are expected while rumpy lacks them")
    p.add_argument("pytest_args", nargs="*", help="passed to pytest (e.g. -n 2)")
    a = p.parse_args()
    rp_summary, rp_failed = failures(a.suite, "rumpy", a.pytest_args)
    np_summary, np_failed = failures(a.suite, "numpy", a.pytest_args)
    print(f"rumpy: {rp_summary}\nnumpy: {np_summary}")
    missing = [m for m in a.missing.split(",") if m]
    only = sorted(t for t in rp_failed - np_failed if not any(m in t for m in missing))
    print(f"failed by rumpy only ({len(only)}):")
    for t in only:
        print("  " + t)
    return 1 if only else 0


if __name__ == "__main__":
    sys.exit(main())
