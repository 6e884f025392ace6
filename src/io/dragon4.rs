//! NumPy's float printing (Steele and White's Dragon4, in the form of NumPy's dragon4.c):
//! the digits of a float16/32/64 in unique mode (the shortest digits that read back as the
//! value, or fewer at a cutoff, rounded exactly), laid out positionally or in scientific
//! notation as `format_float_positional` and `format_float_scientific` write them, array
//! printing included. Exact mode (`unique=False`) and long double stay in Python.

use std::cmp::Ordering;

/// An unsigned big integer, little-endian 32-bit limbs without leading zero limbs.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
    fn shl(&mut self, bits: u32) {
        let (limbs, rem) = ((bits / 32) as usize, bits % 32);
        if rem > 0 {
            let mut carry = 0u32;
            for l in self.0.iter_mut() {
                let v = (*l as u64) << rem | carry as u64;
                *l = v as u32;
                carry = (v >> 32) as u32;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 && !self.is_zero() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }
    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for l in self.0.iter_mut() {
            let v = *l as u64 * k as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }
    fn mul_pow10(&mut self, mut k: u32) {
        while k >= 9 {
            self.mul_small(1_000_000_000);
            k -= 9;
        }
        if k > 0 {
            self.mul_small(10u32.pow(k));
        }
    }
    fn add(&self, o: &Big) -> Big {
        let (long, short) = if self.0.len() >= o.0.len() {
            (self, o)
        } else {
            (o, self)
        };
        let mut out = Vec::with_capacity(long.0.len() + 1);
        let mut carry = 0u64;
        for (i, &l) in long.0.iter().enumerate() {
            let v = l as u64 + short.0.get(i).copied().unwrap_or(0) as u64 + carry;
            out.push(v as u32);
            carry = v >> 32;
        }
        if carry > 0 {
            out.push(carry as u32);
        }
        Big(out)
    }
    /// `self -= o` (`o <= self`).
    fn sub_assign(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for (i, l) in self.0.iter_mut().enumerate() {
            let v = *l as i64 - o.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            *l = v.rem_euclid(1 << 32) as u32;
            borrow = (v < 0) as i64;
        }
        self.trim();
    }
    /// `(self / scale, self % scale)` for a quotient below 10, the remainder left in `self`.
    fn div_digit(&mut self, scale: &Big) -> u32 {
        let mut q = 0;
        while *self >= *scale {
            self.sub_assign(scale);
            q += 1;
        }
        q
    }
}

impl Ord for Big {
    fn cmp(&self, o: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
}
impl PartialOrd for Big {
    fn partial_cmp(&self, o: &Big) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// A finite float split as Dragon4 takes it.
struct Parts {
    negative: bool,
    mantissa: u64,
    exponent: i32,
    mantissa_bit: u32,
    unequal_margins: bool,
}

/// The float type's layout: 'e' (half), 'f' (single), 'd' (double).
fn decompose(x: f64, ftype: char) -> Option<Parts> {
    let (bits, mbits, ebits, bias): (u64, u32, u32, i32) = match ftype {
        'd' => (x.to_bits(), 52, 11, 1023),
        'f' => ((x as f32).to_bits() as u64, 23, 8, 127),
        'e' => (half::f16::from_f64(x).to_bits() as u64, 10, 5, 15),
        _ => return None,
    };
    let frac = bits & ((1 << mbits) - 1);
    let exp = ((bits >> mbits) & ((1 << ebits) - 1)) as i32;
    let negative = bits >> (mbits + ebits) != 0;
    Some(if exp != 0 {
        Parts {
            negative,
            mantissa: (1 << mbits) | frac,
            exponent: exp - bias - mbits as i32,
            mantissa_bit: mbits,
            unequal_margins: exp != 1 && frac == 0,
        }
    } else {
        Parts {
            negative,
            mantissa: frac,
            exponent: 1 - bias - mbits as i32,
            mantissa_bit: 63u32.saturating_sub(frac.leading_zeros()),
            unequal_margins: false,
        }
    })
}

/// Unique-mode digit generation: the digits (ASCII) and the decimal exponent of the first.
/// A negative cutoff is none; `total_length`: cutoffs count all digits, not fractional ones.
fn digits(p: &Parts, total_length: bool, cutoff_max: i32, cutoff_min: i32) -> (Vec<u8>, i32) {
    if p.mantissa == 0 {
        return (vec![b'0'], 0);
    }
    let (e, m) = (p.exponent, p.mantissa);
    let mut value = Big::from_u64(m);
    let (mut scale, mut margin_low);
    let unequal = p.unequal_margins;
    // The margins are kept as margin_low (and margin_high = 2 * low when unequal).
    if unequal {
        if e > 0 {
            value.shl(e as u32 + 2);
            scale = Big::from_u64(4);
            margin_low = Big::from_u64(1);
            margin_low.shl(e as u32);
        } else {
            value.shl(2);
            scale = Big::from_u64(1);
            scale.shl((-e + 2) as u32);
            margin_low = Big::from_u64(1);
        }
    } else if e > 0 {
        value.shl(e as u32 + 1);
        scale = Big::from_u64(2);
        margin_low = Big::from_u64(1);
        margin_low.shl(e as u32);
    } else {
        value.shl(1);
        scale = Big::from_u64(1);
        scale.shl((-e + 1) as u32);
        margin_low = Big::from_u64(1);
    }
    let high = |low: &Big| {
        if unequal {
            low.add(low)
        } else {
            low.clone()
        }
    };
    let mut digit_exponent =
        ((p.mantissa_bit as i32 + e) as f64 * std::f64::consts::LOG10_2 - 0.69).ceil() as i32;
    if cutoff_max >= 0 && !total_length && digit_exponent <= -cutoff_max {
        digit_exponent = -cutoff_max + 1;
    }
    if digit_exponent > 0 {
        scale.mul_pow10(digit_exponent as u32);
    } else if digit_exponent < 0 {
        value.mul_pow10((-digit_exponent) as u32);
        margin_low.mul_pow10((-digit_exponent) as u32);
    }
    if value >= scale {
        digit_exponent += 1;
    } else {
        value.mul_small(10);
        margin_low.mul_small(10);
    }
    let mut margin_high = high(&margin_low);
    let mut cutoff_max_exponent = digit_exponent - 16384;
    if cutoff_max >= 0 {
        let desired = if total_length {
            digit_exponent - cutoff_max
        } else {
            -cutoff_max
        };
        cutoff_max_exponent = cutoff_max_exponent.max(desired);
    }
    let mut cutoff_min_exponent = digit_exponent;
    if cutoff_min >= 0 {
        let desired = if total_length {
            digit_exponent - cutoff_min
        } else {
            -cutoff_min
        };
        cutoff_min_exponent = cutoff_min_exponent.min(desired);
    }
    let mut out_exponent = digit_exponent - 1;
    // IEEE round-half-even on input: the boundaries belong to an even mantissa.
    let even = m & 1 == 0;
    let mut out: Vec<u8> = Vec::with_capacity(20);
    let (mut low, mut high_hit, mut digit);
    loop {
        digit_exponent -= 1;
        digit = value.div_digit(&scale);
        let top = value.add(&margin_high);
        if even {
            low = value <= margin_low;
            high_hit = top >= scale;
        } else {
            low = value < margin_low;
            high_hit = top > scale;
        }
        if ((low || high_hit) && digit_exponent <= cutoff_min_exponent)
            || digit_exponent == cutoff_max_exponent
        {
            break;
        }
        out.push(digit as u8);
        value.mul_small(10);
        margin_low.mul_small(10);
        margin_high = high(&margin_low);
    }
    let round_down = if low == high_hit {
        let twice = value.add(&value);
        match twice.cmp(&scale) {
            Ordering::Less => true,
            Ordering::Greater => false,
            Ordering::Equal => digit & 1 == 0,
        }
    } else {
        low
    };
    if round_down {
        out.push(digit as u8);
    } else if digit == 9 {
        loop {
            match out.pop() {
                None => {
                    out.push(1);
                    out_exponent += 1;
                    break;
                }
                Some(9) => {}
                Some(d) => {
                    out.push(d + 1);
                    break;
                }
            }
        }
    } else {
        out.push(digit as u8 + 1);
    }
    (out.into_iter().map(|d| b'0' + d).collect(), out_exponent)
}

/// Drop the trailing zeros of the fraction (NumPy's `trim` other than 'k'); whether the
/// point is left last.
fn strip_zeros(body: &mut String, nfrac: &mut i32) -> bool {
    while body.ends_with('0') {
        body.pop();
        *nfrac -= 1;
    }
    body.ends_with('.')
}

/// `format_float_positional` in unique mode; None for a type or mode left to Python.
#[allow(clippy::too_many_arguments)]
pub fn positional(
    x: f64,
    ftype: char,
    precision: i32,
    min_digits: i32,
    fractional: bool,
    trim: char,
    sign: bool,
    pad_left: i32,
    pad_right: i32,
) -> Option<String> {
    let (p, signchar) = match start(x, ftype, sign)? {
        Ok(v) => v,
        Err(text) => return Some(text),
    };
    let total = !fractional;
    let (d, pexp) = digits(&p, total, precision, min_digits);
    let nd = d.len() as i32;
    let text = |r: &[u8]| String::from_utf8_lossy(r).into_owned();
    let (mut body, mut nfrac, nwhole);
    if pexp >= 0 {
        nwhole = pexp + 1;
        if nd <= nwhole {
            body = text(&d) + &"0".repeat((nwhole - nd) as usize);
            nfrac = 0;
        } else {
            body = format!(
                "{}.{}",
                text(&d[..nwhole as usize]),
                text(&d[nwhole as usize..])
            );
            nfrac = nd - nwhole;
        }
    } else {
        let nzeros = -(pexp + 1);
        body = format!("0.{}{}", "0".repeat(nzeros as usize), text(&d));
        nfrac = nzeros + nd;
        nwhole = 1;
    }
    if trim != '-' && nfrac == 0 {
        body.push('.');
    }
    let add_digits = min_digits;
    let desired = if total {
        add_digits - nwhole
    } else {
        add_digits.max(0)
    };
    if trim == '0' {
        if nfrac == 0 {
            body.push('0');
            nfrac += 1;
        }
    } else if trim == 'k' && desired > nfrac {
        body.push_str(&"0".repeat((desired - nfrac) as usize));
        nfrac = desired;
    }
    if trim != 'k' && nfrac > 0 && strip_zeros(&mut body, &mut nfrac) {
        if trim == '0' {
            body.push('0');
            nfrac += 1;
        } else if trim == '-' {
            body.pop();
        }
    }
    if pad_right >= nfrac {
        if trim == '-' && nfrac == 0 {
            body.push(' ');
        }
        body.push_str(&" ".repeat((pad_right - nfrac) as usize));
    }
    let has_sign = !signchar.is_empty() as i32;
    let lead = if pad_left > nwhole + has_sign {
        " ".repeat((pad_left - nwhole - has_sign) as usize)
    } else {
        String::new()
    };
    Some(format!("{lead}{signchar}{body}"))
}

/// `format_float_scientific` in unique mode; None for a type left to Python.
#[allow(clippy::too_many_arguments)]
pub fn scientific(
    x: f64,
    ftype: char,
    precision: i32,
    min_digits: i32,
    trim: char,
    sign: bool,
    pad_left: i32,
    exp_digits: i32,
) -> Option<String> {
    let (p, signchar) = match start(x, ftype, sign)? {
        Ok(v) => v,
        Err(text) => return Some(text),
    };
    let mut out = String::new();
    let leftchars = 1 + !signchar.is_empty() as i32;
    if pad_left > leftchars {
        out.push_str(&" ".repeat((pad_left - leftchars) as usize));
    }
    out.push_str(signchar);
    let plus_one = |c: i32| if c < 0 { -1 } else { c + 1 };
    let (d, pexp) = digits(&p, true, plus_one(precision), plus_one(min_digits));
    let mut body = String::from(d[0] as char);
    let mut nfrac = d.len() as i32 - 1;
    if nfrac > 0 {
        body.push('.');
        body.push_str(&String::from_utf8_lossy(&d[1..]));
    }
    if trim != '-' && nfrac == 0 {
        body.push('.');
    }
    let add_digits = min_digits.max(0);
    if trim == '0' {
        if nfrac == 0 {
            body.push('0');
            nfrac += 1;
        }
    } else if trim == 'k' && add_digits > nfrac {
        body.push_str(&"0".repeat((add_digits - nfrac) as usize));
        nfrac = add_digits;
    }
    if trim != 'k' && nfrac > 0 && strip_zeros(&mut body, &mut nfrac) && trim == '0' {
        body.push('0');
    }
    let exp_digits = if exp_digits < 0 { 2 } else { exp_digits.min(5) };
    let esign = if pexp >= 0 { '+' } else { '-' };
    // As NumPy's C: exp_digits=0 prints no digits for a zero exponent.
    let e = if pexp != 0 {
        pexp.unsigned_abs().to_string()
    } else {
        String::new()
    };
    out.push_str(&body);
    out.push_str(&format!("e{esign}{e:0>w$}", w = exp_digits as usize));
    Some(out)
}

/// The parts of a finite `x` and the text of its sign, or the whole text of a non-finite one;
/// None for a type left to Python.
fn start(x: f64, ftype: char, sign: bool) -> Option<Result<(Parts, &'static str), String>> {
    if !x.is_finite() {
        return Some(Err(inf_nan(x, sign)));
    }
    let p = decompose(x, ftype)?;
    let s = if p.negative {
        "-"
    } else if sign {
        "+"
    } else {
        ""
    };
    Some(Ok((p, s)))
}

fn inf_nan(x: f64, sign: bool) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x < 0.0 {
        "-inf".into()
    } else if sign {
        "+inf".into()
    } else {
        "inf".into()
    }
}

#[cfg(test)]
mod tests {
    //! Expected strings are numpy 2.4's `format_float_positional`/`_scientific` output for the
    //! same arguments (the Python suite compares thousands more against numpy directly).
    use super::*;

    fn pos(x: f64, precision: i32) -> String {
        positional(x, 'd', precision, -1, true, 'k', false, -1, -1).unwrap()
    }

    #[test]
    fn shortest_digits() {
        assert_eq!(pos(0.1, -1), "0.1");
        assert_eq!(pos(1.0, -1), "1.");
        assert_eq!(pos(123456.789, -1), "123456.789");
        assert_eq!(pos(1e-300, -1).len(), 302);
        assert_eq!(pos(5e-324, -1), format!("0.{}5", "0".repeat(323)));
        assert_eq!(pos(1.7976931348623157e308, -1).len(), 310);
        // Unique mode stops at the shortest digits: zeros fill the rest of the integer.
        assert_eq!(pos(2.0f64.powi(60), -1), "1152921504606847000.");
    }

    #[test]
    fn cutoff_rounds_exactly() {
        assert_eq!(pos(0.123456789, 8), "0.12345679");
        assert_eq!(pos(2.0 / 3.0, 3), "0.667");
        assert_eq!(pos(0.5, 0), "0.");
        assert_eq!(pos(1.5, 0), "2.");
        assert_eq!(pos(9.9999999999, 4), "10.");
    }

    #[test]
    fn scientific_layout() {
        let s = |x: f64| scientific(x, 'd', -1, -1, 'k', false, -1, -1).unwrap();
        assert_eq!(s(1.0), "1.e+00");
        assert_eq!(s(12345.0), "1.2345e+04");
        assert_eq!(s(1e-310), "1.e-310");
        let f = scientific(0.1, 'f', -1, -1, '.', false, -1, -1).unwrap();
        assert_eq!(f, "1.e-01");
        assert_eq!(
            positional(65504.0, 'e', -1, -1, true, '-', false, -1, -1).unwrap(),
            "65500"
        );
    }
}
