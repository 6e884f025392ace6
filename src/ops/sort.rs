//! `sort` and `argsort` along one axis of an array of any dtype, lane by lane
//! (`loops::lanes`): the built-in numbers by their radix keys (`kernels::sort`), every other
//! family by a stable merge sort under its compare hook, objects by Python's `<` through the
//! object runtime. Every kind is stable (see `kernels::sort`).

use crate::array::{NdArray, Order};
use crate::dtype::object::runtime;
use crate::dtype::{CompareFn, DType, ScalarType, SortWords, SortsAs};
use crate::error::{Error, Result};
use crate::kernels::sort::{
    argpartition_numbers, argsort_numbers, merge_sort, partition_numbers, sort_by_words,
    sort_numbers, MinLast, SortKey,
};
use crate::loops::lanes::for_each_lane;
use crate::loops::watch::FirstError;

/// How two items of a family order: its compare hook, or Python's `<` for objects.
enum Order2 {
    Hook(CompareFn),
    Objects,
}

/// How sorts order a family's items: by its words when it has them, else two at a time.
enum SortBy {
    Words(SortWords),
    Pairs(Order2),
}

fn order_of(d: &DType) -> Result<Order2> {
    if d.kind() == 'O' {
        return Ok(Order2::Objects);
    }
    d.compare()
        .map(Order2::Hook)
        .ok_or_else(|| Error::Type(format!("the dtype {} has no sort order", d.typestr())))
}

/// The order sorts use: the family's words when it has them.
fn sort_order(d: &DType) -> Result<SortBy> {
    match d.0.sort_words() {
        Some(w) => Ok(SortBy::Words(w)),
        None => order_of(d).map(SortBy::Pairs),
    }
}

/// NumPy's refusal of items a family cannot order (StringDType's missing values that are
/// neither NaN-like nor strings), checked before anything moves.
fn check_ordered(a: &NdArray) -> Result<()> {
    let Some((missing, message)) = a.dtype().0.unordered() else {
        return Ok(());
    };
    let mut found = false;
    crate::loops::for_each_line2(
        a.shape(),
        a.strides(),
        a.strides(),
        a.data_ptr(),
        a.data_ptr(),
        false,
        |p, _, n, s, _| {
            // SAFETY: the walker stays inside the array.
            found |= (0..n).any(|i| missing(p.wrapping_offset(i as isize * s)));
        },
    );
    if found {
        return Err(Error::Value(message.into()));
    }
    Ok(())
}

/// The stable order of a lane of `len` items at `p` (stride `step`) under `order`.
fn lane_order(order: &SortBy, p: *const u8, step: isize, len: usize) -> Result<Vec<usize>> {
    let mut idx: Vec<usize> = (0..len).collect();
    let at = |i: usize| p.wrapping_offset(i as isize * step);
    match order {
        SortBy::Pairs(Order2::Hook(cmp)) => {
            merge_sort(&mut idx, &mut |x, y| Ok(cmp(at(x), at(y)).is_lt()))?;
        }
        SortBy::Words(w) => sort_by_words(&mut idx, w.words, &|i, k| (w.word)(at(i), k)),
        SortBy::Pairs(Order2::Objects) => {
            // The references sort with their indices, so a comparison reads no lane.
            // SAFETY: object items of the lane.
            let mut refs: Vec<(usize, usize)> = (0..len)
                .map(|i| (unsafe { crate::dtype::object::get(at(i)) }, i))
                .collect();
            let rt = runtime()?;
            let mut ints = Vec::new();
            rt.with_api(&mut || {
                // Exact ints order as their values: a radix sort, no comparison called.
                // SAFETY: inside with_api; live references (the lane holds them).
                ints = refs
                    .iter()
                    .map_while(|r| unsafe { rt.exact_int(r.0) })
                    .collect();
                if ints.len() < len {
                    // SAFETY: as above.
                    merge_sort(&mut refs, &mut |x, y| unsafe {
                        rt.compare("less", x.0, y.0)
                    })?;
                }
                Ok(0)
            })?;
            if ints.len() == len {
                let mut order = vec![0i64; len];
                argsort_numbers(&ints, &mut order);
                idx = order.into_iter().map(|i| i as usize).collect();
            } else {
                idx = refs.into_iter().map(|r| r.1).collect();
            }
        }
    }
    Ok(idx)
}

/// The lanes' walk with errors: the first error stops it. Lanes of a family that calls into
/// Python stay on this thread.
fn lanes(
    a: &NdArray,
    axis: usize,
    others: &[&NdArray],
    f: impl Fn(&[*mut u8], &[isize], usize) -> Result<()> + Sync,
) -> Result<()> {
    let failed = FirstError::default();
    let mut strides: Vec<&[isize]> = vec![a.strides()];
    let mut ptrs = vec![a.data_ptr()];
    for o in others {
        strides.push(o.strides());
        ptrs.push(o.data_ptr());
    }
    let per_item = if a.dtype().flags().needs_api {
        0
    } else {
        a.dtype().itemsize().max(1) * 4
    };
    for_each_lane(a.shape(), axis, &strides, &ptrs, per_item, |p, s, n| {
        if !failed.failed() {
            failed.keep(f(p, s, n));
        }
    });
    failed.into_result()
}

/// Sort `a` in place along `axis` (NumPy's `ndarray.sort`).
pub fn sort_in_place(a: &NdArray, axis: usize) -> Result<()> {
    a.check_writeable()?;
    let d = a.dtype().clone();
    if let Some(st) = d.scalar_type() {
        if !d.is_native() {
            // A native copy sorted, then written back in the array's byte order.
            let b = a.astype(&d.to_native(), Order::K)?;
            sort_in_place(&b, axis)?;
            return a.assign(&b);
        }
        crate::with_scalar_type!(st, T, {
            return lanes(a, axis, &[], |p, s, n| {
                sort_lane::<T>(p[0], s[0], n);
                Ok(())
            });
        });
    }
    if d.to_native().0.sorts_as().is_some() {
        if !d.is_native() {
            let b = a.astype(&d.to_native(), Order::K)?;
            sort_in_place(&b, axis)?;
            return a.assign(&b);
        }
        // Times: int64 ticks, NaT last.
        return lanes(a, axis, &[], |p, s, n| {
            sort_lane::<MinLast>(p[0], s[0], n);
            Ok(())
        });
    }
    check_ordered(a)?;
    let order = sort_order(&d)?;
    let isz = d.itemsize();
    lanes(a, axis, &[], |p, s, n| {
        let idx = lane_order(&order, p[0], s[0], n)?;
        // The lane's items permuted (references move, none is taken or given up).
        let mut buf = vec![0u8; n * isz];
        for (k, &i) in idx.iter().enumerate() {
            // SAFETY: item i of the lane; slot k of the buffer.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    p[0].wrapping_offset(i as isize * s[0]),
                    buf.as_mut_ptr().add(k * isz),
                    isz,
                )
            };
        }
        for k in 0..n {
            // SAFETY: slot k of the buffer; item k of the lane.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    buf.as_ptr().add(k * isz),
                    p[0].wrapping_offset(k as isize * s[0]),
                    isz,
                )
            };
        }
        Ok(())
    })
}

/// Sort one lane of numbers in place: in memory when it is contiguous and aligned, else
/// through a copy.
fn sort_lane<T: SortKey + Default>(p: *mut u8, step: isize, n: usize) {
    let mut tmp = Vec::new();
    on_lane::<T>(p, step, n, |v| sort_numbers(v, &mut tmp));
}

/// Run `f` on a lane of numbers as a slice: in memory when it is contiguous and aligned, else
/// on a copy written back.
fn on_lane<T: Copy>(p: *mut u8, step: isize, n: usize, f: impl FnOnce(&mut [T])) {
    let size = std::mem::size_of::<T>();
    if step == size as isize && (p as usize).is_multiple_of(std::mem::align_of::<T>()) {
        // SAFETY: n contiguous, aligned items of T of the lane (the walk's guarantee); the
        // array is writable and no other lane overlaps this one.
        f(unsafe { std::slice::from_raw_parts_mut(p as *mut T, n) });
        return;
    }
    let at = |i: usize| p.wrapping_offset(i as isize * step) as *mut T;
    // SAFETY: item i of the lane.
    let mut v: Vec<T> = (0..n).map(|i| unsafe { at(i).read_unaligned() }).collect();
    f(&mut v);
    for (i, x) in v.into_iter().enumerate() {
        // SAFETY: as above.
        unsafe { at(i).write_unaligned(x) };
    }
}

/// The stable order of one lane of numbers (`p[0]`, step `s[0]`) into the int64 lane `p[1]`
/// (step `s[1]`): read and written in place when the lanes are contiguous and aligned.
fn argsort_lane<T: SortKey>(p: &[*mut u8], s: &[isize], n: usize) {
    let at = |i: usize| p[0].wrapping_offset(i as isize * s[0]) as *const T;
    let copy: Vec<T>;
    let v: &[T] = if s[0] == std::mem::size_of::<T>() as isize
        && (p[0] as usize).is_multiple_of(std::mem::align_of::<T>())
    {
        // SAFETY: n contiguous, aligned items of T (the walk's guarantee), only read here.
        unsafe { std::slice::from_raw_parts(p[0] as *const T, n) }
    } else {
        // SAFETY: item i of the lane.
        copy = (0..n).map(|i| unsafe { at(i).read_unaligned() }).collect();
        &copy
    };
    if s[1] == 8 && (p[1] as usize).is_multiple_of(8) {
        // SAFETY: n contiguous, aligned int64 items of the output lane, which no other lane
        // and no input overlaps (the output is a fresh array).
        argsort_numbers(v, unsafe {
            std::slice::from_raw_parts_mut(p[1] as *mut i64, n)
        });
        return;
    }
    let mut idx = vec![0i64; n];
    argsort_numbers(v, &mut idx);
    for (k, &i) in idx.iter().enumerate() {
        // SAFETY: item k of the output lane (an int64).
        unsafe { (p[1].wrapping_offset(k as isize * s[1]) as *mut i64).write_unaligned(i) };
    }
}

/// The indices that sort `a` along `axis` (NumPy's `argsort`, stable): an intp array of
/// `a`'s shape.
pub fn argsort(a: &NdArray, axis: usize) -> Result<NdArray> {
    let d = a.dtype().clone();
    let numbers = d.scalar_type().is_some() || d.to_native().0.sorts_as().is_some();
    if numbers && !d.is_native() {
        return argsort(&a.astype(&d.to_native(), Order::K)?, axis);
    }
    let out = NdArray::empty(a.shape(), &ScalarType::Int64.dtype(), Order::C)?;
    let write = |o: *mut u8, os: isize, idx: &[i64]| {
        for (k, &i) in idx.iter().enumerate() {
            // SAFETY: item k of the output lane (an int64).
            unsafe { (o.wrapping_offset(k as isize * os) as *mut i64).write_unaligned(i) };
        }
    };
    if let Some(st) = d.scalar_type() {
        crate::with_scalar_type!(st, T, {
            return lanes(a, axis, &[&out], |p, s, n| {
                argsort_lane::<T>(p, s, n);
                Ok(())
            })
            .map(|()| out);
        });
    }
    if d.0.sorts_as() == Some(SortsAs::Int64MinLast) {
        return lanes(a, axis, &[&out], |p, s, n| {
            argsort_lane::<MinLast>(p, s, n);
            Ok(())
        })
        .map(|()| out);
    }
    check_ordered(a)?;
    let order = sort_order(&d)?;
    lanes(a, axis, &[&out], |p, s, n| {
        let idx = lane_order(&order, p[0], s[0], n)?;
        let idx: Vec<i64> = idx.into_iter().map(|i| i as i64).collect();
        write(p[1], s[1], &idx);
        Ok(())
    })?;
    Ok(out)
}

/// The first index in `0..n` at which `before` turns false (`before` is true, then false).
fn bisect(n: usize, mut before: impl FnMut(usize) -> Result<bool>) -> Result<usize> {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// Where each item of `v` would go in the sorted 1-d `a` (NumPy's `searchsorted`): the first
/// index whose item is not less than it (`right`: greater than it). `sorter` gives `a`'s order
/// (indices into `a`); an index out of range is NumPy's ValueError when the search meets it.
/// `a` and `v` have the same dtype; the result is int64 of `v`'s shape.
pub fn searchsorted(
    a: &NdArray,
    v: &NdArray,
    right: bool,
    sorter: Option<&NdArray>,
) -> Result<NdArray> {
    ensure!(a.ndim() == 1, Value, "object too deep for desired array");
    let d = a.dtype().clone();
    let native = d.to_native();
    let (a, v) = if d.is_native() && v.dtype() == &d {
        (a.clone(), v.copy(Order::C)?)
    } else {
        (a.astype(&native, Order::K)?, v.astype(&native, Order::C)?)
    };
    let n = a.shape()[0];
    let sorter = sorter
        .map(|s| s.astype(&ScalarType::Int64.dtype(), Order::C))
        .transpose()?;
    // SAFETY: a C-contiguous int64 array of s.size() items, alive for the search.
    let order: Option<&[i64]> = sorter
        .as_ref()
        .map(|s| unsafe { std::slice::from_raw_parts(s.data_ptr() as *const i64, s.size()) });
    let (ap, step, isz) = (a.data_ptr() as usize, a.strides()[0], native.itemsize());
    let item = |i: usize| -> Result<*const u8> {
        let k = match order {
            Some(o) => {
                let k = o[i];
                ensure!(
                    k >= 0 && (k as usize) < n,
                    Value,
                    "Sorter index out of range."
                );
                k as usize
            }
            None => i,
        };
        Ok((ap as isize + k as isize * step) as *const u8)
    };
    let out = NdArray::empty(v.shape(), &ScalarType::Int64.dtype(), Order::C)?;
    let (vp, op, m) = (v.data_ptr() as usize, out.data_ptr() as usize, v.size());
    let put = |j: usize, at: usize| {
        // SAFETY: item j of the fresh C-contiguous int64 output.
        unsafe { *(op as *mut i64).add(j) = at as i64 };
    };
    let value = |j: usize| (vp + j * isz) as *const u8;
    if let Some(st) = native.scalar_type() {
        crate::with_scalar_type!(st, T, {
            let key = |p: *const u8| {
                // SAFETY: an item of T (native) at p, any alignment.
                let x = unsafe { (p as *const T).read_unaligned() };
                x.order()
            };
            if order.is_none() && n >= 1 << 15 && m >= n / 16 {
                // Many queries into many items (whose bisections would miss the caches):
                // the queries sort, then meet the items in one walk.
                let at = |i: usize| key((ap as isize + i as isize * step) as *const u8);
                // SAFETY: v is a fresh C-contiguous native copy of m items of T.
                let vs = unsafe { std::slice::from_raw_parts(vp as *const T, m) };
                let mut idx = vec![0i64; m];
                argsort_numbers(vs, &mut idx);
                let chunk = m.div_ceil(rayon::current_num_threads().max(1) * 4);
                return par_items(m.div_ceil(chunk), |c| {
                    let part = &idx[c * chunk..((c + 1) * chunk).min(m)];
                    let before = |i: usize, kv| {
                        if right {
                            at(i) <= kv
                        } else {
                            at(i) < kv
                        }
                    };
                    let first = key(value(part[0] as usize));
                    let mut i = bisect(n, |i| Ok(before(i, first)))?;
                    for &j in part {
                        let kv = key(value(j as usize));
                        while i < n && before(i, kv) {
                            i += 1;
                        }
                        put(j as usize, i);
                    }
                    Ok(())
                })
                .map(|()| out);
            }
            return par_items(m, |j| {
                let kv = key(value(j));
                let at = bisect(n, |i| {
                    let ka = key(item(i)?);
                    Ok(if right { ka <= kv } else { ka < kv })
                })?;
                put(j, at);
                Ok(())
            })
            .map(|()| out);
        });
    }
    match order_of(&native)? {
        Order2::Hook(cmp) => par_items(m, |j| {
            let x = value(j);
            let at = bisect(n, |i| {
                let c = cmp(item(i)?, x);
                Ok(if right { c.is_le() } else { c.is_lt() })
            })?;
            put(j, at);
            Ok(())
        })?,
        Order2::Objects => {
            let rt = runtime()?;
            rt.with_api(&mut || {
                for j in 0..m {
                    // SAFETY: inside with_api; object items of `a` and `v`.
                    let at = bisect(n, |i| unsafe {
                        let (ai, x) = (
                            crate::dtype::object::get(item(i)?),
                            crate::dtype::object::get(value(j)),
                        );
                        if right {
                            rt.compare("less", x, ai).map(|b| !b)
                        } else {
                            rt.compare("less", ai, x)
                        }
                    })?;
                    put(j, at);
                }
                Ok(0)
            })?;
        }
    }
    Ok(out)
}

/// `f(j)` for every `j < m`, across threads when there are many; the first error wins.
fn par_items(m: usize, f: impl Fn(usize) -> Result<()> + Sync) -> Result<()> {
    const CHUNK: usize = 1 << 14;
    if m <= CHUNK || rayon::current_num_threads() < 2 {
        return (0..m).try_for_each(f);
    }
    let failed = FirstError::default();
    crate::loops::watch::par_for_each(m.div_ceil(CHUNK), |c| {
        if !failed.failed() {
            failed.keep((c * CHUNK..((c + 1) * CHUNK).min(m)).try_for_each(&f));
        }
    });
    failed.into_result()
}

/// Partition `a` in place along `axis` at the indices `kth` (NumPy's `ndarray.partition`;
/// `kth` sorted, distinct and inside the axis): numbers by introselect on their sort keys,
/// other families by a full stable sort (a partition at every index).
pub fn partition_in_place(a: &NdArray, axis: usize, kth: &[usize]) -> Result<()> {
    a.check_writeable()?;
    let d = a.dtype().clone();
    let Some(st) = d.scalar_type() else {
        return sort_in_place(a, axis);
    };
    if !d.is_native() {
        let b = a.astype(&d.to_native(), Order::K)?;
        partition_in_place(&b, axis, kth)?;
        return a.assign(&b);
    }
    crate::with_scalar_type!(st, T, {
        lanes(a, axis, &[], |p, s, n| {
            on_lane::<T>(p[0], s[0], n, |v| partition_numbers(v, kth));
            Ok(())
        })
    })
}

/// The indices that partition `a` along `axis` at `kth` (NumPy's `argpartition`).
pub fn argpartition(a: &NdArray, axis: usize, kth: &[usize]) -> Result<NdArray> {
    let d = a.dtype().clone();
    let Some(st) = d.scalar_type() else {
        return argsort(a, axis);
    };
    if !d.is_native() {
        return argpartition(&a.astype(&d.to_native(), Order::K)?, axis, kth);
    }
    let out = NdArray::empty(a.shape(), &ScalarType::Int64.dtype(), Order::C)?;
    crate::with_scalar_type!(st, T, {
        lanes(a, axis, &[&out], |p, s, n| {
            let at = |i: usize| p[0].wrapping_offset(i as isize * s[0]) as *const T;
            // SAFETY: item i of the lane.
            let v: Vec<T> = (0..n).map(|i| unsafe { at(i).read_unaligned() }).collect();
            let mut idx = vec![0i64; n];
            argpartition_numbers(&v, kth, &mut idx);
            for (k, &i) in idx.iter().enumerate() {
                // SAFETY: item k of the output lane (an int64).
                unsafe { (p[1].wrapping_offset(k as isize * s[1]) as *mut i64).write_unaligned(i) };
            }
            Ok(())
        })?;
    });
    Ok(out)
}
