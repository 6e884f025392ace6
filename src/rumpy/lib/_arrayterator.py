"""``Arrayterator``: iterate over a big array (or any sliceable object) in blocks of at
most ``buf_size`` elements, reading one block at a time."""

import math

__all__ = ["Arrayterator"]


class Arrayterator:
    """A sliceable, iterable window on ``var`` whose iteration yields blocks of at most
    ``buf_size`` elements (the whole window when ``buf_size`` is None)."""

    __module__ = "rumpy.lib"

    def __init__(self, var, buf_size=None):
        self.var = var
        self.buf_size = buf_size
        self.start = [0] * len(var.shape)
        self.stop = list(var.shape)
        self.step = [1] * len(var.shape)

    def __getattr__(self, attr):
        return getattr(self.var, attr)

    def _full_index(self, index):
        """``index`` as one slice per dimension (an int selects a length-1 slice)."""
        if not isinstance(index, tuple):
            index = (index,)
        fixed = []
        for item in index:
            if item is Ellipsis:
                fixed.extend([slice(None)] * (self.ndim - len(index) + 1))
            elif isinstance(item, int):
                fixed.append(slice(item, item + 1, 1))
            else:
                fixed.append(item)
        return fixed + [slice(None)] * (self.ndim - len(fixed))

    def __getitem__(self, index):
        out = self.__class__(self.var, self.buf_size)
        dims = zip(self.start, self.stop, self.step, self._full_index(index))
        for i, (start, stop, step, item) in enumerate(dims):
            out.start[i] = start + (item.start or 0)
            out.step[i] = step * (item.step or 1)
            out.stop[i] = min(stop, start + (item.stop or stop - start))
        return out

    def __array__(self, dtype=None, copy=None):
        return self.var[self._slices(self.start, self.stop)]

    def _slices(self, start, stop):
        return tuple(slice(*t) for t in zip(start, stop, self.step))

    @property
    def flat(self):
        """The window's elements one by one, read block by block."""
        for block in self:
            yield from block.flat

    @property
    def shape(self):
        """The window's shape."""
        return tuple((stop - start - 1) // step + 1
                     for start, stop, step in zip(self.start, self.stop, self.step))

    def __iter__(self):
        shape = self.shape
        if any(n <= 0 for n in shape):
            return
        start, stop = self.start[:], self.stop[:]
        ndim = len(self.var.shape)
        while True:
            # the block spans whole trailing dimensions and as much of one more as fits
            count = self.buf_size or math.prod(shape)
            rundim = 0
            for i in range(ndim - 1, -1, -1):
                if count == 0:
                    stop[i] = start[i] + 1
                elif count <= shape[i]:
                    stop[i] = start[i] + count * self.step[i]
                    rundim = i
                else:
                    stop[i] = self.stop[i]
                stop[i] = min(self.stop[i], stop[i])
                count //= shape[i]
            yield self.var[self._slices(start, stop)]
            start[rundim] = stop[rundim]
            for i in range(ndim - 1, 0, -1):
                if start[i] >= self.stop[i]:
                    start[i] = self.start[i]
                    start[i - 1] += self.step[i - 1]
            if start[0] >= self.stop[0]:
                return
