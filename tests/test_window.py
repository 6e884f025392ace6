"""Window functions (hanning, hamming, blackman, bartlett, kaiser) against numpy."""

import pytest
from conftest import Raised, assert_same_error, both, check_message

chk = check_message


WINDOWS = ["hanning", "hamming", "blackman", "bartlett"]
SIZES = ["-3", "-1", "0", "1", "2", "3", "4", "5", "8", "13", "64", "101", "5.0", "6.5", "0.5",
         "True", "False", "m.int8(7)", "m.uint16(6)", "m.int64(1)", "m.float32(9)",
         "m.array(7)"]


@pytest.mark.parametrize("M", SIZES)
@pytest.mark.parametrize("name", WINDOWS)
def test_symmetric_windows(name, M):
    chk(f"m.{name}({M})", nulp=2)


@pytest.mark.parametrize("M", ["None", "'a'", "[1, 2]"])
@pytest.mark.parametrize("name", WINDOWS)
def test_symmetric_windows_bad(name, M):
    r, n = both(f"m.{name}({M})")
    assert isinstance(n, Raised) and isinstance(r, Raised)
    assert_same_error(r.exc, n.exc)


@pytest.mark.parametrize("beta", ["0", "0.5", "1", "5", "8.6", "14", "-2", "m.float32(3)",
                                  "m.int8(4)"])
@pytest.mark.parametrize("M", ["-2", "0", "1", "2", "3", "6", "11", "50", "7.0"])
def test_kaiser(M, beta):
    chk(f"m.kaiser({M}, {beta})", nulp=16)


def test_window_properties():
    chk("m.hanning(7)[::-1] - m.hanning(7)", nulp=2)
    chk("m.bartlett(9).max()")
    chk("m.blackman(12).sum()", nulp=4)
    chk("m.hamming(10).dtype")
