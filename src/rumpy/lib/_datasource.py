"""``DataSource``: open local or remote files, compressed or not (numpy.lib.npyio.DataSource).

A URL is downloaded once into the destination directory and opened from there; a name
without a compression suffix also matches the same name ending in .gz, .bz2, .xz or .lzma.
"""

import bz2
import gzip
import lzma
import os
import shutil
import tempfile
from urllib.parse import urlparse

__all__ = ["DataSource"]

_OPENERS = {None: open, ".bz2": bz2.open, ".gz": gzip.open, ".xz": lzma.open,
            ".lzma": lzma.open}


def _is_url(path):
    parts = urlparse(path)
    return bool(parts.scheme and parts.netloc)


def _compression(filename):
    """The compression suffix of ``filename`` (a key of _OPENERS), or None."""
    ext = os.path.splitext(filename)[1]
    return ext if ext in _OPENERS else None


def _candidates(filename):
    """``filename``, and when it has no compression suffix, it with each suffix."""
    if _compression(filename):
        return [filename]
    return [filename] + [filename + ext for ext in _OPENERS if ext]


def _relative(path):
    """``path`` with every leading separator, ``..`` and drive removed, so it stays inside
    the destination directory."""
    last = None
    path = os.path.normpath(path)
    while path != last:
        last = path
        path = path.lstrip(os.sep).lstrip("/")
        path = path.lstrip(os.pardir).removeprefix("..")
        path = os.path.splitdrive(path)[1]
    return path


class DataSource:
    """A directory caching opened files: ``open(path)`` finds ``path`` locally, under the
    directory, or downloads a URL into it; ``destpath=None`` uses a temporary directory."""

    __module__ = "rumpy.lib.npyio"

    def __init__(self, destpath=os.curdir):
        self._istmpdest = not destpath
        self._destpath = tempfile.mkdtemp() if self._istmpdest else os.path.abspath(destpath)

    def __del__(self):
        if getattr(self, "_istmpdest", False):
            shutil.rmtree(self._destpath)

    def abspath(self, path):
        """Where ``path`` (a file name or URL) is or would be cached under the directory."""
        parts = path.split(self._destpath, 2)
        if len(parts) > 1:
            path = parts[1]
        url = urlparse(path)
        return os.path.join(self._destpath, _relative(url.netloc), _relative(url.path))

    def exists(self, path):
        """Is ``path`` a local file, a file in the cache, or a URL that answers?"""
        if os.path.exists(path) or os.path.exists(self.abspath(path)):
            return True
        if not _is_url(path):
            return False
        from urllib.error import URLError  # urllib.request is slow to import: on use only
        from urllib.request import urlopen
        try:
            urlopen(path).close()
        except URLError:
            return False
        return True

    def open(self, path, mode="r", encoding=None, newline=None):
        """Open ``path`` (decompressing by its suffix); FileNotFoundError when absent."""
        if _is_url(path) and any(c in "w+" for c in mode):
            raise ValueError("URLs are not writeable")
        found = self._find(path)
        if not found:
            raise FileNotFoundError(f"{path} not found.")
        return _OPENERS[_compression(found)](found, mode=mode, encoding=encoding,
                                             newline=newline)

    def _find(self, path):
        local = _candidates(path)
        cached = _candidates(self.abspath(path))
        for name in (cached + local if _is_url(path) else local + cached):
            if self.exists(name):
                return self._cache(name) if _is_url(name) else name
        return None

    def _cache(self, url):
        from urllib.request import urlopen
        target = self.abspath(url)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with urlopen(url) as remote, open(target, "wb") as f:
            shutil.copyfileobj(remote, f)
        return target
