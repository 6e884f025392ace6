//! The bool dtype: one byte. NumPy writes 0 or 1 but reads any non-zero byte as true, and
//! memory from a view (`uint8.view(bool)`) or a foreign buffer may hold any byte; so the element
//! is a byte, [`Bool`], never a Rust `bool` formed from array memory.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{BitAnd, BitOr, BitXor, Not};

use super::{Element, Num, ScalarType};

/// A bool array's element: a byte whose truth is `!= 0`. Equality and order are of the truth
/// values; results of its operators are normalised to 0 or 1.
#[derive(Copy, Clone, Default)]
#[repr(transparent)]
pub struct Bool(pub u8);

impl Bool {
    pub const FALSE: Bool = Bool(0);
    pub const TRUE: Bool = Bool(1);
    /// The truth value.
    #[inline(always)]
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

impl From<bool> for Bool {
    #[inline(always)]
    fn from(b: bool) -> Bool {
        Bool(b as u8)
    }
}

impl fmt::Debug for Bool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

impl PartialEq for Bool {
    #[inline(always)]
    fn eq(&self, o: &Bool) -> bool {
        self.get() == o.get()
    }
}
impl Eq for Bool {}

impl PartialOrd for Bool {
    #[inline(always)]
    fn partial_cmp(&self, o: &Bool) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Bool {
    #[inline(always)]
    fn cmp(&self, o: &Bool) -> Ordering {
        self.get().cmp(&o.get())
    }
}

macro_rules! bool_op {
    ($tr:ident, $f:ident, $op:tt) => {
        impl $tr for Bool {
            type Output = Bool;
            #[inline(always)]
            fn $f(self, o: Bool) -> Bool {
                Bool(((self.0 != 0) as u8) $op ((o.0 != 0) as u8))
            }
        }
    };
}
bool_op!(BitAnd, bitand, &);
bool_op!(BitOr, bitor, |);
bool_op!(BitXor, bitxor, ^);

impl Not for Bool {
    type Output = Bool;
    #[inline(always)]
    fn not(self) -> Bool {
        Bool((self.0 == 0) as u8)
    }
}

impl Element for Bool {
    const TYPE: ScalarType = ScalarType::Bool;
    const NAME: &'static str = "bool";
    const CHAR: char = '?';
    const NUM: i32 = 0;
    #[inline(always)]
    fn to_num(self) -> Num {
        Num::B(self.get())
    }
    #[inline(always)]
    fn from_num(n: Num) -> Self {
        Bool::from(match n {
            Num::B(b) => b,
            Num::I(i) => i != 0,
            Num::U(u) => u != 0,
            Num::F(f) => f != 0.0,
            Num::C(r, i) => r != 0.0 || i != 0.0,
        })
    }
    #[inline(always)]
    fn byteswap(self) -> Self {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_nonzero_byte_is_true() {
        let (t, f, odd) = (Bool(1), Bool(0), Bool(0xfe));
        assert_eq!(odd, t);
        assert!(odd > f);
        assert_eq!((odd & t).0, 1);
        assert_eq!((odd ^ t).0, 0);
        assert_eq!((!odd).0, 0);
        assert_eq!((!f).0, 1);
        assert_eq!(odd.to_num(), Num::B(true));
        assert_eq!(Bool::from_num(Num::I(2)).0, 1);
    }
}
