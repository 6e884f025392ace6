//! Changing the shape or axis order of an array: views where NumPy makes views.

use smallvec::SmallVec;

use super::{c_strides, f_strides, Dims, NdArray, Order, Strides};
use crate::error::{Error, Result};

/// Resolve a requested shape with at most one -1 against `size` elements.
pub fn resolve_shape(req: &[isize], size: usize) -> Result<Dims> {
    ensure!(
        req.len() <= super::MAXDIMS,
        Value,
        "maximum supported dimension for an ndarray is currently {}, found {}",
        super::MAXDIMS,
        req.len()
    );
    let mut unknown = None;
    let mut known: usize = 1;
    for (k, &d) in req.iter().enumerate() {
        if d < 0 {
            // NumPy treats any negative size as the unknown one.
            ensure!(
                unknown.is_none(),
                Value,
                "can only specify one unknown dimension"
            );
            unknown = Some(k);
        } else {
            known = known.checked_mul(d as usize).ok_or_else(|| crate::Error::Value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.".into()))?;
        }
    }
    // NumPy's C rendering: leading unknown (negative) sizes are left out, later ones are
    // "newaxis"; a one-entry request keeps its comma.
    let req_repr = || {
        let first = req.iter().position(|&d| d >= 0);
        let Some(first) = first else {
            return "()".to_string();
        };
        let parts: Vec<String> = req[first..]
            .iter()
            .map(|&d| {
                if d < 0 {
                    "newaxis".into()
                } else {
                    d.to_string()
                }
            })
            .collect();
        if req.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(","))
        }
    };
    let mut out: Dims = req.iter().map(|&d| d.max(0) as usize).collect();
    if let Some(k) = unknown {
        if known == 0 || !size.is_multiple_of(known) {
            bail!(
                Value,
                "cannot reshape array of size {} into shape {}",
                size,
                req_repr()
            );
        }
        out[k] = size / known;
    } else if known != size {
        bail!(
            Value,
            "cannot reshape array of size {} into shape {}",
            size,
            req_repr()
        );
    }
    // An empty array may be given huge other dimensions: their product must still fit.
    super::checked_size(&out)?;
    Ok(out)
}

/// NumPy's `_attempt_nocopy_reshape`: strides for `new` over the same memory, if possible.
fn nocopy_strides(
    old_shape: &[usize],
    old_strides: &[isize],
    new: &[usize],
    itemsize: usize,
    f_order: bool,
) -> Option<Strides> {
    let (od, os): (Vec<usize>, Vec<isize>) = old_shape
        .iter()
        .zip(old_strides)
        .filter(|(&d, _)| d != 1)
        .map(|(&d, &s)| (d, s))
        .unzip();
    let oldnd = od.len();
    let newnd = new.len();
    let mut ns: Strides = SmallVec::from_elem(0, newnd);
    let (mut oi, mut oj, mut ni, mut nj) = (0usize, 1usize, 0usize, 1usize);
    while ni < newnd && oi < oldnd {
        let mut np_ = new[ni];
        let mut op = od[oi];
        while np_ != op {
            if np_ < op {
                if nj >= newnd {
                    return None;
                }
                np_ *= new[nj];
                nj += 1;
            } else {
                if oj >= oldnd {
                    return None;
                }
                op *= od[oj];
                oj += 1;
            }
        }
        for ok in oi..oj - 1 {
            if f_order {
                if os[ok + 1] != od[ok] as isize * os[ok] {
                    return None;
                }
            } else if os[ok] != od[ok + 1] as isize * os[ok + 1] {
                return None;
            }
        }
        if f_order {
            ns[ni] = os[oi];
            for nk in ni + 1..nj {
                ns[nk] = ns[nk - 1] * new[nk - 1] as isize;
            }
        } else {
            ns[nj - 1] = os[oj - 1];
            for nk in (ni + 1..nj).rev() {
                ns[nk - 1] = ns[nk] * new[nk] as isize;
            }
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    let mut last = if ni >= 1 {
        ns[ni - 1]
    } else {
        itemsize as isize
    };
    if f_order && ni >= 1 {
        last *= new[ni - 1] as isize;
    }
    for s in ns.iter_mut().skip(ni) {
        *s = last;
    }
    Some(ns)
}

impl NdArray {
    /// Reshape to an already-resolved shape as a view, if the memory allows it (C order).
    pub fn reshape_view(&self, new: &[usize]) -> Option<NdArray> {
        self.reshape_view_order(new, false)
    }

    /// The same array with a new shape (`a.shape = new`): a view that still owns its data
    /// when this array did.
    pub fn reshaped_in_place(&self, new: &[usize]) -> Option<NdArray> {
        let mut v = self.reshape_view(new)?;
        v.flags.owndata = self.flags.owndata;
        Some(v)
    }

    fn reshape_view_order(&self, new: &[usize], f_order: bool) -> Option<NdArray> {
        if self.size() == 0 {
            let strides = if f_order {
                f_strides(new, self.itemsize())
            } else {
                c_strides(new, self.itemsize())
            };
            return self
                .view_with(self.offset(), new.into(), strides, self.dtype().clone())
                .ok();
        }
        let strides = nocopy_strides(self.shape(), self.strides(), new, self.itemsize(), f_order)?;
        self.view_with(self.offset(), new.into(), strides, self.dtype().clone())
            .ok()
    }

    /// `arr.reshape(shape, order)`: a view when NumPy gives one, else a copy.
    pub fn reshape(&self, req: &[isize], order: Order) -> Result<NdArray> {
        let new = resolve_shape(req, self.size())?;
        let f_order = match order {
            Order::F => true,
            Order::A => self.is_f_contiguous() && !self.is_c_contiguous(),
            Order::C => false,
            Order::K => bail!(Value, "order 'K' is not permitted for reshaping"),
        };
        if new.as_slice() == self.shape() {
            return self.view_with(
                self.offset(),
                self.shape().into(),
                self.strides().into(),
                self.dtype().clone(),
            );
        }
        if let Some(v) = self.reshape_view_order(&new, f_order) {
            return Ok(v);
        }
        let o = if f_order { Order::F } else { Order::C };
        let copy = self.copy(o)?;
        // A fresh contiguous array always reshapes as a view; a layout the view check refuses
        // (a size that does not fit) is an error, not a panic.
        copy.reshape_view_order(&new, f_order).ok_or_else(|| {
            crate::Error::Value(
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.".into(),
            )
        })
    }

    /// `arr.ravel(order)`: a view when contiguous in that order.
    pub fn ravel(&self, order: Order) -> Result<NdArray> {
        let n = self.size() as isize;
        match order {
            Order::K => {
                // Memory order: a view when the array is contiguous in some axis order.
                if self.is_c_contiguous() {
                    return self.reshape(&[n], Order::C);
                }
                if self.is_f_contiguous() {
                    return self.reshape(&[n], Order::F);
                }
                // largest stride outermost: a view when that is contiguous (NumPy's ravel('K'))
                let outer_first = |a: &NdArray| {
                    let mut p: Vec<usize> = (0..a.ndim()).collect();
                    p.sort_by(|&x, &y| {
                        a.strides()[y]
                            .unsigned_abs()
                            .cmp(&a.strides()[x].unsigned_abs())
                    });
                    p
                };
                let t = self.transpose(Some(&outer_first(self)))?;
                if t.is_c_contiguous() && self.strides().iter().all(|&s| s >= 0) {
                    return t.reshape(&[n], Order::C);
                }
                let c = self.copy(Order::K)?;
                let t = c.transpose(Some(&outer_first(&c)))?;
                t.reshape(&[n], Order::C)
            }
            // A: F order for an array contiguous only in F order, else C
            Order::A if self.is_f_contiguous() && !self.is_c_contiguous() => {
                self.reshape(&[n], Order::F)
            }
            // NumPy copies unless the array is contiguous in the order asked for
            Order::F if !self.is_f_contiguous() => self.copy(Order::F)?.reshape(&[n], Order::F),
            Order::F => self.reshape(&[n], Order::F),
            _ if !self.is_c_contiguous() => self.copy(Order::C)?.reshape(&[n], Order::C),
            _ => self.reshape(&[n], Order::C),
        }
    }

    /// `arr.flatten(order)`: always a copy.
    pub fn flatten(&self, order: Order) -> Result<NdArray> {
        let r = self.ravel(order)?;
        if std::sync::Arc::ptr_eq(r.buffer(), self.buffer()) {
            r.copy(Order::C)
        } else {
            Ok(r)
        }
    }

    /// `arr.transpose(axes)`; `None` reverses the axes.
    pub fn transpose(&self, axes: Option<&[usize]>) -> Result<NdArray> {
        let nd = self.ndim();
        let perm: Vec<usize> = match axes {
            None => return Ok(self.reversed_axes()),
            Some(a) => {
                ensure!(a.len() == nd, Value, "axes don't match array");
                let mut seen = vec![false; nd];
                for &k in a {
                    ensure!(
                        k < nd,
                        Axis,
                        "axis {} is out of bounds for array of dimension {}",
                        k,
                        nd
                    );
                    ensure!(!seen[k], Value, "repeated axis in transpose");
                    seen[k] = true;
                }
                a.to_vec()
            }
        };
        let shape: Dims = perm.iter().map(|&k| self.shape()[k]).collect();
        let strides: Strides = perm.iter().map(|&k| self.strides()[k]).collect();
        self.view_with(self.offset(), shape, strides, self.dtype().clone())
    }

    /// Normalise a possibly negative axis, with NumPy's AxisError.
    pub fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
        let a = if axis < 0 { axis + ndim as isize } else { axis };
        ensure!(
            a >= 0 && (a as usize) < ndim,
            Axis,
            "axis {} is out of bounds for array of dimension {}",
            axis,
            ndim
        );
        Ok(a as usize)
    }

    pub fn swapaxes(&self, a: isize, b: isize) -> Result<NdArray> {
        let a = Self::named_axis("axis1", a, self.ndim())?;
        let b = Self::named_axis("axis2", b, self.ndim())?;
        let mut perm: Vec<usize> = (0..self.ndim()).collect();
        perm.swap(a, b);
        self.transpose(Some(&perm))
    }

    /// [`Self::normalize_axis`] with the argument named, as NumPy's message does: "axis2: axis
    /// 2 is out of bounds ...".
    fn named_axis(name: &str, axis: isize, ndim: usize) -> Result<usize> {
        Self::normalize_axis(axis, ndim).map_err(|e| match e {
            Error::Axis(m) => Error::Axis(format!("{name}: {m}")),
            e => e,
        })
    }

    /// `arr.diagonal(offset, axis1, axis2)`: the view of the diagonal `offset` (above the
    /// main one when positive) of the 2-d sections spanned by the two axes, which are removed
    /// and replaced by a last axis along the diagonal (NumPy's layout). Its items are this
    /// array's, so it is built without the layout gate.
    pub fn diagonal(&self, offset: isize, axis1: isize, axis2: isize) -> Result<NdArray> {
        let nd = self.ndim();
        ensure!(
            nd >= 2,
            Value,
            "diag requires an array of at least two dimensions"
        );
        let a1 = Self::named_axis("axis1", axis1, nd)?;
        let a2 = Self::named_axis("axis2", axis2, nd)?;
        ensure!(a1 != a2, Value, "axis1 and axis2 cannot be the same");
        let (n1, n2) = (self.shape[a1] as isize, self.shape[a2] as isize);
        let (s1, s2) = (self.strides[a1], self.strides[a2]);
        // Items a[i, i + offset] (offset >= 0) or a[i - offset, i]: the length that fits,
        // and the first one's place.
        let (len, skip) = if offset >= 0 {
            (n1.min(n2.saturating_sub(offset)), offset.wrapping_mul(s2))
        } else {
            (
                n1.saturating_add(offset).min(n2),
                offset.wrapping_neg().wrapping_mul(s1),
            )
        };
        let len = len.max(0);
        let mut v = self.clone();
        let keep = |k: &usize| *k != a1 && *k != a2;
        v.shape = (0..nd).filter(keep).map(|k| self.shape[k]).collect();
        v.shape.push(len as usize);
        v.strides = (0..nd).filter(keep).map(|k| self.strides[k]).collect();
        v.strides.push(s1 + s2);
        if len > 0 && !v.shape.contains(&0) {
            // (Inside the array: a[0, offset] or a[-offset, 0] exists.)
            v.offset = (self.offset as isize + skip) as usize;
        }
        v.refresh_view_flags(self.flags.aligned);
        debug_assert!(v.layout_ok());
        Ok(v)
    }

    /// `arr.squeeze(axis)`.
    pub fn squeeze(&self, axes: Option<&[isize]>) -> Result<NdArray> {
        let nd = self.ndim();
        let mut drop = vec![false; nd];
        match axes {
            None => {
                for (d, &n) in drop.iter_mut().zip(self.shape()) {
                    *d = n == 1;
                }
            }
            Some(list) => {
                // NumPy checks every axis's range (and duplicates) before the sizes.
                let mut ks = Vec::with_capacity(list.len());
                for &a in list {
                    // A 0-d array may squeeze a single axis 0 or -1.
                    if nd == 0 && list.len() == 1 && (a == 0 || a == -1) {
                        continue;
                    }
                    let k = Self::normalize_axis(a, nd)?;
                    ensure!(!ks.contains(&k), Value, "duplicate value in 'axis'");
                    ks.push(k);
                }
                for k in ks {
                    ensure!(
                        self.shape()[k] == 1,
                        Value,
                        "cannot select an axis to squeeze out which has size not equal to one"
                    );
                    drop[k] = true;
                }
            }
        }
        let shape: Dims = (0..nd)
            .filter(|&k| !drop[k])
            .map(|k| self.shape()[k])
            .collect();
        let strides: Strides = (0..nd)
            .filter(|&k| !drop[k])
            .map(|k| self.strides()[k])
            .collect();
        self.view_with(self.offset(), shape, strides, self.dtype().clone())
    }
}

/// Broadcast shapes, NumPy's rules, with NumPy's message.
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1usize; nd];
    for s in shapes {
        for (k, &d) in s.iter().enumerate() {
            let j = nd - s.len() + k;
            if out[j] == 1 {
                out[j] = d;
            } else if d != 1 && d != out[j] {
                let list: Vec<String> = shapes.iter().map(|s| super::shape_repr_c(s)).collect();
                bail!(
                    Value,
                    "operands could not be broadcast together with shapes {} ",
                    list.join(" ")
                );
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::ScalarType;

    #[test]
    fn reshape_views_and_copies() {
        let a = NdArray::zeros(&[3, 4], &ScalarType::Float64.dtype(), Order::C).unwrap();
        let v = a.reshape(&[2, -1], Order::C).unwrap();
        assert_eq!(v.shape(), &[2, 6]);
        assert!(std::sync::Arc::ptr_eq(v.buffer(), a.buffer()));
        let t = a.transpose(None).unwrap();
        let r = t.reshape(&[12], Order::C).unwrap();
        assert!(!std::sync::Arc::ptr_eq(r.buffer(), a.buffer()));
        let r = t.reshape(&[12], Order::F).unwrap();
        assert!(std::sync::Arc::ptr_eq(r.buffer(), a.buffer()));
        assert!(resolve_shape(&[5], 12).is_err());
        assert!(resolve_shape(&[-1, -1], 12).is_err());
    }
}
