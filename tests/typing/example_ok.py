"""Typical rumpy code: the type checker must accept it against rumpy's stub."""

import rumpy as rp

a: rp.ndarray = rp.arange(12, dtype=rp.float32).reshape(3, 4)
b = rp.zeros((3, 4)) + a * 2
total = rp.sum(b, axis=0, keepdims=True)
m = rp.mean(a) + rp.float64(1.5)
c = rp.concatenate([a, b], axis=1)
d: rp.dtype = rp.dtype([("value", "f8"), ("mass", "f4")])
f = rp.create_field(10)
rp.step(f, cycles=2, dt=0.1)
s = rp.sin(a).max()
x = rp.float32(2.5) * rp.int8(3)
print(a.shape, b.T.shape, total, m, c.dtype, d.itemsize, s, x, rp.pi, rp.char.upper(["a"]))
with rp.errstate(divide="ignore"):
    q = rp.log(rp.asarray([0.0, 1.0]))
