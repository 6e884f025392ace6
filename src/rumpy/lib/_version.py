"""``NumpyVersion``: compare NumPy version strings, pre-releases and dev builds included."""

import re

__all__ = ["NumpyVersion"]

_RELEASE = re.compile(r"\d+\.\d+\.\d+")
_PRE_RELEASE = re.compile(r"a\d|b\d|rc\d")


def _sign(a, b):
    return (a > b) - (a < b)


class NumpyVersion:
    """A parsed ``X.Y.Z[aN|bN|rcN][.devM...]`` version that compares with others and with
    strings: a pre-release sorts before its release, a dev build before everything else
    of the same version."""

    __module__ = "rumpy.lib"

    def __init__(self, vstring):
        self.vstring = vstring
        release = _RELEASE.match(vstring)
        if not release:
            raise ValueError("Not a valid numpy version string")
        self.version = release.group()
        self.major, self.minor, self.bugfix = (int(p) for p in self.version.split("."))
        rest = vstring[release.end():]
        if not rest:
            self.pre_release = "final"
        else:
            pre = _PRE_RELEASE.match(rest)
            self.pre_release = pre.group() if pre else ""
        self.is_devversion = bool(re.search(r".dev", vstring))

    def _pre_release_order(self, other):
        if self.pre_release == other.pre_release:
            return 0
        if self.pre_release == "final":
            return 1
        if other.pre_release == "final":
            return -1
        return _sign(self.pre_release, other.pre_release)

    def _compare(self, other):
        if not isinstance(other, (str, NumpyVersion)):
            raise ValueError("Invalid object to compare with NumpyVersion.")
        if isinstance(other, str):
            other = NumpyVersion(other)
        order = _sign((self.major, self.minor, self.bugfix),
                      (other.major, other.minor, other.bugfix))
        if order == 0:
            order = self._pre_release_order(other)
        if order == 0:
            # a dev build comes before the version it leads to
            order = _sign(other.is_devversion, self.is_devversion)
        return order

    def __lt__(self, other):
        return self._compare(other) < 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __eq__(self, other):
        return self._compare(other) == 0

    def __ne__(self, other):
        return self._compare(other) != 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __ge__(self, other):
        return self._compare(other) >= 0

    def __repr__(self):
        return f"NumpyVersion({self.vstring})"
