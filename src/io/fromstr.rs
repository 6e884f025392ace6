//! The bulk of `fromstring`'s text mode: the longest run of `item separator` pairs at the
//! start of the text, read as numpy's parsers read them (decimal floats, or integers of at
//! most 18 digits). Python reads what follows the run (the last item, anything unusual) with
//! numpy's full rules.

/// C's `isspace` in the "C" locale.
fn ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn digits(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// The end of a decimal float at `i` (`[+-]?(d+\.?d*|\.d+)([eE][+-]?d+)?`), or None.
fn decimal(b: &[u8], mut i: usize) -> Option<usize> {
    if i < b.len() && matches!(b[i], b'+' | b'-') {
        i += 1;
    }
    let int_end = digits(b, i);
    let mut end = if int_end > i {
        let mut e = int_end;
        if e < b.len() && b[e] == b'.' {
            e = digits(b, e + 1);
        }
        e
    } else if i < b.len() && b[i] == b'.' && digits(b, i + 1) > i + 1 {
        digits(b, i + 1)
    } else {
        return None;
    };
    if end < b.len() && matches!(b[end], b'e' | b'E') {
        let mut k = end + 1;
        if k < b.len() && matches!(b[k], b'+' | b'-') {
            k += 1;
        }
        let e = digits(b, k);
        if e > k {
            end = e;
        }
    }
    Some(end)
}

/// The end of an integer of 1 to 18 digits at `i` (a sign first when `signed`) that no digit
/// follows, or None.
fn integer(b: &[u8], mut i: usize, signed: bool) -> Option<usize> {
    if signed && i < b.len() && matches!(b[i], b'+' | b'-') {
        i += 1;
    }
    let e = digits(b, i);
    (e > i && e - i <= 18).then_some(e)
}

/// The end of separator `sep` (spaces in it match any run of white space, also none; a
/// separator of only spaces needs at least one white-space character) at `i`, or None.
fn separator(b: &[u8], mut i: usize, sep: &[u8]) -> Option<usize> {
    if sep.iter().all(|&c| c == b' ') {
        let start = i;
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        return (i > start).then_some(i);
    }
    for &c in sep {
        if c == b' ' {
            while i < b.len() && ws(b[i]) {
                i += 1;
            }
        } else if i < b.len() && b[i] == c {
            i += 1;
        } else {
            return None;
        }
    }
    Some(i)
}

/// What the items are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Float,
    Signed,
    Unsigned,
}

/// The values of the longest run of `item separator` pairs at the start of `b` (each item
/// after optional white space), and where the run ends. Floats are correctly rounded, as
/// Python's `float()` of the item; integers are exact.
pub fn prefix(b: &[u8], sep: &[u8], item: Item) -> (Vec<f64>, Vec<i64>, usize) {
    let (mut floats, mut ints) = (Vec::new(), Vec::new());
    let mut pos = 0;
    loop {
        let mut i = pos;
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        let end = match item {
            Item::Float => decimal(b, i),
            Item::Signed => integer(b, i, true),
            Item::Unsigned => integer(b, i, false),
        };
        let Some(end) = end else { break };
        let Some(next) = separator(b, end, sep) else {
            break;
        };
        // SAFETY of the conversions: the item is ASCII digits, signs, '.', 'e'
        let text = std::str::from_utf8(&b[i..end]).unwrap_or("");
        match item {
            Item::Float => floats.push(text.parse().unwrap_or(f64::NAN)),
            _ => ints.push(text.parse().unwrap_or(0)),
        }
        pos = next;
    }
    (floats, ints, pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs() {
        let (f, _, stop) = prefix(b"1.5, 2e3 ,.5,3", b" ,", Item::Float);
        assert_eq!(f, [1.5, 2000.0, 0.5]);
        assert_eq!(stop, 13);
        let (f, _, stop) = prefix(b" 1 2\t3", b" ", Item::Float);
        assert_eq!((f, stop), (vec![1.0, 2.0], 5));
        let (_, i, stop) = prefix(b"-12;+3;4x", b" ;", Item::Signed);
        assert_eq!((i, stop), (vec![-12, 3], 7));
        let (_, i, _) = prefix(b"-1;2", b" ;", Item::Unsigned);
        assert!(i.is_empty());
        // 1e as the item "1" then "e" where the separator should be
        let (f, _, stop) = prefix(b"1e,2", b" ,", Item::Float);
        assert_eq!((f, stop), (vec![], 0));
        let (_, i, _) = prefix(b"1234567890123456789 1", b" ", Item::Signed);
        assert!(i.is_empty());
    }
}
