//! What a generalized ufunc's core loop receives: the sizes of the signature's dimensions and
//! each operand's strides along its core dimensions (`dispatch/gufunc.rs` computes them).

/// What a core loop is told besides pointers: the size of every signature dimension (a
/// dropped flexible one is 1), each operand's strides along its core dimensions (operand by
/// operand, in signature order; 0 for a dropped dimension), and whether it may use threads.
pub struct CoreArgs<'a> {
    pub sizes: &'a [usize],
    pub strides: &'a [isize],
    /// Operand `i`'s core strides start at `strides[offsets[i]]`.
    pub offsets: &'a [usize],
    /// The loop dimensions hold few items: the core loop may split its own work across
    /// threads (else the items are spread over threads and each runs on one).
    pub par: bool,
}

impl CoreArgs<'_> {
    /// Operand `op`'s stride along its `j`-th core dimension.
    #[inline]
    pub fn stride(&self, op: usize, j: usize) -> isize {
        self.strides[self.offsets[op] + j]
    }
}

/// A gufunc's loop: `n` items of the loop dimensions, operand `i`'s item `t` at
/// `ptrs[i] + t * steps[i]`. Returns status bits as elementwise loops do.
///
/// # Safety
/// The pointers, steps, sizes and core strides describe memory inside each operand; outputs
/// are writable and do not overlap inputs.
pub type CoreFn = unsafe fn(ptrs: &[*mut u8], steps: &[isize], n: usize, core: &CoreArgs) -> u32;
