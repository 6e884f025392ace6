//! numpy 2's text reader (`loadtxt`, `numpy/_core/src/multiarray/textreading/`): the
//! tokenizer that cuts the input into rows of fields, and the conversions of fields to
//! numbers by numpy's rules. Python opens files, checks the arguments and shapes the result;
//! the loop over the characters and the numbers is here. The rules, checked against numpy,
//! are in plans/textio-notes.md.

use std::fmt;

use num_complex::Complex;

use crate::array::NdArray;
use crate::dtype::{Bool, ScalarType};

/// What separates, quotes and comments; `None` turns each off (a `None` delimiter splits on
/// runs of whitespace).
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub delimiter: Option<char>,
    pub comment: Option<char>,
    pub quote: Option<char>,
    /// Physical lines skipped before anything is read.
    pub skiprows: usize,
    /// Data rows read at most.
    pub max_rows: Option<usize>,
}

/// The fields of the data rows, in order: field `k` is `text[ends[k - 1]..ends[k]]` (from 0
/// for the first), and row `r` holds fields `rows[r]..rows[r + 1]`.
#[derive(Debug, Default)]
pub struct Table {
    pub text: String,
    pub ends: Vec<usize>,
    pub rows: Vec<usize>,
    /// The number of data rows read before the first line without data (empty or only a
    /// comment) met while `max_rows` was given: numpy warns about it once.
    pub no_data_after: Option<usize>,
}

impl Table {
    pub fn nrows(&self) -> usize {
        self.rows.len().saturating_sub(1)
    }

    pub fn row_len(&self, r: usize) -> usize {
        self.rows[r + 1] - self.rows[r]
    }

    /// Field `c` of row `r`.
    pub fn field(&self, r: usize, c: usize) -> &str {
        let k = self.rows[r] + c;
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.text[start..self.ends[k]]
    }
}

/// Python's `str.isspace`: Unicode white space and the separators U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// An embedded newline in one item of a line iterator (numpy refuses it).
#[derive(Debug, PartialEq, Eq)]
pub struct EmbeddedNewline;

/// Cut `input` into rows of fields as numpy's tokenizer does, appending to `table`.
/// `one_line` says the input is one item of a line iterator: text after an unquoted line end
/// inside it is an error (after a comment, the rest of the item is dropped).
///
/// Runs of ordinary characters are found byte by byte (UTF-8 never puts an ASCII byte inside
/// a multi-byte character) and copied whole.
pub fn tokenize(
    input: &str,
    cfg: &Config,
    table: &mut Table,
    one_line: bool,
) -> Result<(), EmbeddedNewline> {
    if table.rows.is_empty() {
        table.rows.push(0);
    }
    let b = input.as_bytes();
    let n = b.len();
    let ch = |i: usize| {
        input[i..]
            .chars()
            .next()
            .map_or(('\0', 1), |c| (c, c.len_utf8()))
    };
    let mut i = 0;
    // skiprows: physical lines, whatever they hold
    let mut skipped = 0;
    while skipped < cfg.skiprows && i < n {
        match b[i] {
            b'\n' => skipped += 1,
            b'\r' => {
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                skipped += 1;
            }
            _ => {}
        }
        i += 1;
    }
    let ws = cfg.delimiter.is_none();
    let special = |c: char| {
        c == '\n'
            || c == '\r'
            || Some(c) == cfg.comment
            || match cfg.delimiter {
                Some(d) => c == d,
                None => is_space(c),
            }
    };
    // the ASCII bytes that end a run of ordinary characters
    let mut stop = [false; 128];
    for (k, s) in stop.iter_mut().enumerate() {
        *s = special(k as u8 as char);
    }
    let mut ended_line = false;
    loop {
        if cfg.max_rows.is_some_and(|m| table.nrows() >= m) || i >= n {
            return Ok(());
        }
        if one_line && ended_line {
            return Err(EmbeddedNewline);
        }
        // One row: fields until the line ends (outside quotes) or the input does.
        let row_start = table.ends.len();
        let mut first_quoted = false;
        let mut field_start = true;
        let mut quoted = false;
        loop {
            if field_start {
                field_start = false;
                if ws {
                    while i < n {
                        let (c, l) = ch(i);
                        if c != '\r' && c != '\n' && is_space(c) {
                            i += l;
                        } else {
                            break;
                        }
                    }
                }
                if let Some(q) = cfg.quote {
                    if input[i..].starts_with(q) {
                        i += q.len_utf8();
                        quoted = true;
                        if table.ends.len() == row_start {
                            first_quoted = true;
                        }
                    }
                }
            }
            if i >= n {
                break;
            }
            if quoted {
                let q = cfg.quote.expect("quoted only with a quote character");
                match input[i..].find(q) {
                    Some(k) => {
                        table.text.push_str(&input[i..i + k]);
                        i += k + q.len_utf8();
                        if input[i..].starts_with(q) {
                            table.text.push(q);
                            i += q.len_utf8();
                        } else {
                            quoted = false;
                        }
                    }
                    None => {
                        // a quote left open runs to the end of the input
                        table.text.push_str(&input[i..]);
                        i = n;
                    }
                }
                continue;
            }
            // a run of ordinary characters
            let start = i;
            while i < n {
                let byte = b[i];
                if byte < 0x80 {
                    if stop[byte as usize] {
                        break;
                    }
                    i += 1;
                } else {
                    let (c, l) = ch(i);
                    if special(c) {
                        break;
                    }
                    i += l;
                }
            }
            table.text.push_str(&input[start..i]);
            if i >= n {
                break;
            }
            let (c, l) = ch(i);
            i += l;
            if c == '\n' {
                break;
            }
            if c == '\r' {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                break;
            }
            if Some(c) == cfg.comment {
                if one_line {
                    // the rest of the item is dropped
                    i = n;
                    break;
                }
                // the rest of the physical line is ignored
                while i < n && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                if i < n {
                    if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    i += 1;
                }
                break;
            }
            // a delimiter
            table.ends.push(table.text.len());
            field_start = true;
        }
        ended_line = true;
        // the field in progress always ends the row
        table.ends.push(table.text.len());
        let fields = table.ends.len() - row_start;
        let last_empty = {
            let start = if table.ends.len() >= 2 {
                table.ends[table.ends.len() - 2]
            } else {
                0
            };
            start == table.text.len()
        };
        let first_unquoted = !first_quoted;
        if fields == 1 && last_empty && first_unquoted {
            // nothing on this line: not a row
            table.ends.pop();
            if cfg.max_rows.is_some() && table.no_data_after.is_none() {
                table.no_data_after = Some(table.nrows());
            }
            continue;
        }
        if ws && last_empty && first_unquoted {
            table.ends.pop();
        }
        table.rows.push(table.ends.len());
    }
}

/// Why a field is not a number of the wanted kind.
#[derive(Debug, PartialEq, Eq)]
pub struct BadField;

impl fmt::Display for BadField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a number of the wanted type")
    }
}

fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// The length of the longest prefix of `b` that is a float by Python's `float()` grammar
/// without underscores: a sign, then `inf`, `infinity` or `nan` in any case, or digits with
/// an optional fraction and a complete exponent. 0 when there is none.
fn float_prefix(b: &[u8]) -> usize {
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let word = |w: &[u8]| b.len() >= i + w.len() && b[i..i + w.len()].eq_ignore_ascii_case(w);
    if word(b"infinity") {
        return i + 8;
    }
    if word(b"inf") || word(b"nan") {
        return i + 3;
    }
    let digits = |mut k: usize| {
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        k
    };
    let int_end = digits(i);
    let mut end = int_end;
    let mut any = int_end > i;
    if end < b.len() && b[end] == b'.' {
        let frac_end = digits(end + 1);
        any |= frac_end > end + 1;
        end = frac_end;
    }
    if !any {
        return 0;
    }
    if end < b.len() && matches!(b[end], b'e' | b'E') {
        let mut k = end + 1;
        if k < b.len() && matches!(b[k], b'+' | b'-') {
            k += 1;
        }
        let exp_end = digits(k);
        if exp_end > k {
            end = exp_end;
        }
    }
    end
}

/// The float at the start of `s` (`n` = its [`float_prefix`] length): correctly rounded, and
/// `-nan` keeps its sign as C's strtod.
fn float_of(s: &str) -> f64 {
    let v: f64 = s.parse().unwrap_or(f64::NAN);
    if v.is_nan() {
        f64::NAN.copysign(if s.starts_with('-') { -1.0 } else { 1.0 })
    } else {
        v
    }
}

/// A float64 as numpy's reader parses it: Python's `float()` grammar without underscores,
/// white space around it allowed, correctly rounded.
pub fn parse_f64(s: &str) -> Result<f64, BadField> {
    let t = trim(s);
    let n = float_prefix(t.as_bytes());
    if n == 0 || n != t.len() {
        return Err(BadField);
    }
    Ok(float_of(t))
}

/// An integer of the range [min, max] by numpy's reader: optional sign, ASCII digits, white
/// space around; no fractions, exponents, underscores or wrapping.
pub fn parse_int(s: &str, min: i128, max: i128) -> Result<i128, BadField> {
    let t = trim(s);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(BadField);
    }
    if neg && min == 0 {
        // unsigned: any minus sign is an error, even -0
        return Err(BadField);
    }
    let limit = max.max(-min);
    let mut v: i128 = 0;
    for c in digits.bytes() {
        v = v * 10 + (c - b'0') as i128;
        if v > limit {
            return Err(BadField);
        }
    }
    let v = if neg { -v } else { v };
    if v < min || v > max {
        return Err(BadField);
    }
    Ok(v)
}

/// A complex number by numpy's reader: `1`, `1j`, `1+2j`, `1++2j`, `(1-2j)`, lowercase `j`
/// only, no white space between the parts.
pub fn parse_complex(s: &str) -> Result<Complex<f64>, BadField> {
    let t = trim(s);
    let b = t.as_bytes();
    let mut i = 0;
    let paren = b.first() == Some(&b'(');
    if paren {
        i = 1;
        while i < b.len() && t[i..].starts_with(is_space) {
            i += t[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    let n = float_prefix(&b[i..]);
    if n == 0 {
        return Err(BadField);
    }
    let mut re = float_of(&t[i..i + n]);
    let mut im = 0.0;
    i += n;
    match b.get(i) {
        Some(b'j') => {
            im = re;
            re = 0.0;
            i += 1;
        }
        Some(b'+' | b'-') => {
            if b[i] == b'+' {
                i += 1;
            }
            let n = float_prefix(&b[i..]);
            if n == 0 || b.get(i + n) != Some(&b'j') {
                return Err(BadField);
            }
            im = float_of(&t[i..i + n]);
            i += n + 1;
        }
        _ => {}
    }
    if paren {
        while i < b.len() && t[i..].starts_with(is_space) {
            i += t[i..].chars().next().map_or(1, char::len_utf8);
        }
        if b.get(i) != Some(&b')') {
            return Err(BadField);
        }
        i += 1;
    }
    if i != b.len() {
        return Err(BadField);
    }
    Ok(Complex::new(re, im))
}

/// Why the table does not make an array, with numpy's numbers: `row` of the column errors is
/// 1-based, of a conversion 0-based; `col` is the 1-based column of the file.
#[derive(Debug, PartialEq, Eq)]
pub enum LoadError {
    ColumnsChanged {
        from: usize,
        to: usize,
        row: usize,
    },
    InvalidColumn {
        index: isize,
        row: usize,
        ncols: usize,
    },
    Convert {
        field: String,
        row: usize,
        col: usize,
    },
}

/// The output columns' count: `usecols`' length, or the first row's.
pub fn output_columns(table: &Table, usecols: Option<&[isize]>) -> usize {
    match usecols {
        Some(c) => c.len(),
        None if table.nrows() > 0 => table.row_len(0),
        None => 0,
    }
}

/// Rows converted per task when a table is converted in parallel.
const ROWS_PER_TASK: usize = 8192;

/// The (nrows, ncols) values of the table, row by row, each field by `parse`. Errors come in
/// numpy's order: a row's length is checked first (without `usecols`), then each `usecols`
/// entry just before its field is converted. Large tables are converted in parallel, blocks
/// of rows at a time; the first error is the earliest.
pub fn convert<'a, T: Copy + Default + Send>(
    table: &'a Table,
    usecols: Option<&[isize]>,
    parse: impl Fn(&'a str) -> Result<T, BadField> + Sync,
) -> Result<Vec<T>, LoadError> {
    use rayon::prelude::*;
    let ncols = output_columns(table, usecols);
    let nrows = table.nrows();
    let row_len = |r: usize| -> Result<usize, LoadError> {
        let len = table.row_len(r);
        if usecols.is_none() && len != ncols {
            return Err(LoadError::ColumnsChanged {
                from: ncols,
                to: len,
                row: r + 1,
            });
        }
        Ok(len)
    };
    let block = |first: usize, dst: &mut [T]| -> Result<(), LoadError> {
        for (k, row) in dst.chunks_mut(ncols).enumerate() {
            let r = first + k;
            let len = row_len(r)?;
            for (j, slot) in row.iter_mut().enumerate() {
                let c = match usecols {
                    None => j,
                    Some(cols) => {
                        let index = cols[j];
                        let c = if index < 0 {
                            index + len as isize
                        } else {
                            index
                        };
                        if c < 0 || c >= len as isize {
                            return Err(LoadError::InvalidColumn {
                                index,
                                row: r + 1,
                                ncols: len,
                            });
                        }
                        c as usize
                    }
                };
                let f = table.field(r, c);
                *slot = parse(f).map_err(|BadField| LoadError::Convert {
                    field: f.to_string(),
                    row: r,
                    col: c + 1,
                })?;
            }
        }
        Ok(())
    };
    let mut out = vec![T::default(); nrows * ncols];
    if ncols == 0 {
        // no output columns (`usecols=[]`): nothing to check or convert
        return Ok(out);
    }
    if nrows <= ROWS_PER_TASK {
        block(0, &mut out)?;
        return Ok(out);
    }
    out.par_chunks_mut(ROWS_PER_TASK * ncols)
        .enumerate()
        .map(|(k, dst)| block(k * ROWS_PER_TASK, dst))
        .collect::<Vec<_>>()
        .into_iter()
        .find(Result::is_err)
        .unwrap_or(Ok(()))?;
    Ok(out)
}

/// The fields themselves, (nrows, ncols) row by row, for the types Python converts.
pub fn fields<'a>(table: &'a Table, usecols: Option<&[isize]>) -> Result<Vec<&'a str>, LoadError> {
    convert(table, usecols, Ok)
}

/// The table as an (nrows, ncols) array of `st` (not float16: numpy parses it through
/// Python's scalars).
pub fn to_array(
    table: &Table,
    usecols: Option<&[isize]>,
    st: ScalarType,
) -> Result<crate::Result<NdArray>, LoadError> {
    let shape = [table.nrows(), output_columns(table, usecols)];
    macro_rules! array {
        ($parse:expr) => {
            NdArray::from_vec(convert(table, usecols, $parse)?, &shape)
        };
    }
    macro_rules! ints {
        ($t:ty) => {
            array!(|f| parse_int(f, <$t>::MIN as i128, <$t>::MAX as i128).map(|v| v as $t))
        };
    }
    Ok(match st {
        ScalarType::Float64 => array!(parse_f64),
        // numpy parses float32 as float64 and casts
        ScalarType::Float32 => array!(|f| parse_f64(f).map(|v| v as f32)),
        ScalarType::Complex128 => array!(parse_complex),
        ScalarType::Complex64 => {
            array!(|f| parse_complex(f).map(|z| Complex::new(z.re as f32, z.im as f32)))
        }
        // numpy parses a bool as an int64 and tests it against zero
        ScalarType::Bool => array!(|f| {
            parse_int(f, i64::MIN as i128, i64::MAX as i128).map(|v| Bool((v != 0) as u8))
        }),
        ScalarType::Int8 => ints!(i8),
        ScalarType::UInt8 => ints!(u8),
        ScalarType::Int16 => ints!(i16),
        ScalarType::UInt16 => ints!(u16),
        ScalarType::Int32 => ints!(i32),
        ScalarType::UInt32 => ints!(u32),
        ScalarType::Int64 => ints!(i64),
        ScalarType::UInt64 => ints!(u64),
        ScalarType::Float16 => Err(crate::Error::Value(
            "float16 text is parsed through Python's scalars".into(),
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(input: &str, cfg: &Config) -> Vec<Vec<String>> {
        let mut t = Table::default();
        tokenize(input, cfg, &mut t, false).unwrap();
        (0..t.nrows())
            .map(|r| {
                (0..t.row_len(r))
                    .map(|c| t.field(r, c).to_string())
                    .collect()
            })
            .collect()
    }

    fn ws() -> Config {
        Config {
            comment: Some('#'),
            ..Config::default()
        }
    }

    #[test]
    fn whitespace_rows() {
        assert_eq!(
            rows("1 2\n 3\t4 \n\n# c\n5 6 # x\n", &ws()),
            [["1", "2"], ["3", "4"], ["5", "6"]]
        );
        assert_eq!(rows("a\rb\r\nc", &ws()), [["a"], ["b"], ["c"]]);
    }

    #[test]
    fn delimited_rows() {
        let cfg = Config {
            delimiter: Some(','),
            comment: Some('#'),
            quote: Some('"'),
            ..Config::default()
        };
        assert_eq!(
            rows("1,2,\n,\n a,#c\n", &cfg),
            [vec!["1", "2", ""], vec!["", ""], vec![" a", ""]]
        );
        assert_eq!(rows("\"x,\"\"y\"\"\"z,2\n", &cfg), [["x,\"y\"z", "2"]]);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_f64(" 1.5 "), Ok(1.5));
        assert_eq!(parse_f64("-Infinity"), Ok(f64::NEG_INFINITY));
        assert!(
            parse_f64("1_000").is_err() && parse_f64("0x1p3").is_err() && parse_f64("").is_err()
        );
        assert!(parse_f64("1d5").is_err() && parse_f64("+-1").is_err());
        assert_eq!(parse_int("007", -128, 127), Ok(7));
        assert!(parse_int("128", -128, 127).is_err() && parse_int("-0", 0, 255).is_err());
        assert!(parse_int("1.0", -128, 127).is_err());
        assert_eq!(parse_complex("(1+2j)"), Ok(Complex::new(1.0, 2.0)));
        assert_eq!(parse_complex("1+-2j"), Ok(Complex::new(1.0, -2.0)));
        assert_eq!(parse_complex("1++2j"), Ok(Complex::new(1.0, 2.0)));
        assert_eq!(parse_complex("1e5-2e-3j"), Ok(Complex::new(1e5, -2e-3)));
        assert!(parse_complex("j").is_err() && parse_complex("1 + 2j").is_err());
        assert!(parse_complex("1+2J").is_err() && parse_complex("(1+2j").is_err());
    }
}
