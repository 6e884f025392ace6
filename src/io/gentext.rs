//! numpy's `genfromtxt` line splitter and the parts of its converters that need no Python:
//! lines cut at a comment string, stripped of spaces and line ends, split at a delimiter
//! string (or runs of white space), fields stripped when asked; then, column by column, the
//! fields that a converter's Python function would certainly turn into the same value (the
//! rest are left for Python to convert), and the type `dtype=None` would infer.
//!
//! The fields are kept in a [`Table`] as the loadtxt reader's.

use crate::io::text::{is_space, parse_f64, parse_int, Table};

/// How a line is split (numpy's `LineSplitter` for a delimiter that is a string or None).
#[derive(Clone, Debug, Default)]
pub struct SplitConfig {
    /// None: runs of white space (Python's `str.split()`), else this exact string.
    pub delimiter: Option<String>,
    /// The text that starts a comment (non-empty), or None.
    pub comment: Option<String>,
    /// Strip each field of white space.
    pub autostrip: bool,
    /// The columns kept (indices into each line's fields; negative count from the end).
    pub usecols: Option<Vec<isize>>,
    /// The fields a line must have when `usecols` is None.
    pub nbcols: usize,
    /// Stop after this many rows.
    pub max_rows: Option<usize>,
}

/// The rows read, and the lines that did not give one: (line index, fields found).
#[derive(Debug, Default)]
pub struct Rows {
    pub table: Table,
    pub invalid: Vec<(usize, usize)>,
}

fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// A line's fields as numpy's `LineSplitter._delimited_splitter` (and `autostrip`) gives them.
pub fn split_line<'a>(line: &'a str, cfg: &SplitConfig, out: &mut Vec<&'a str>) {
    out.clear();
    let mut line = line;
    if let Some(c) = cfg.comment.as_deref() {
        if let Some(k) = line.find(c) {
            line = &line[..k];
        }
    }
    let line = line.trim_matches([' ', '\r', '\n']);
    if line.is_empty() {
        return;
    }
    match cfg.delimiter.as_deref() {
        None => out.extend(line.split(is_space).filter(|f| !f.is_empty())),
        Some(d) => out.extend(line.split(d)),
    }
    if cfg.autostrip {
        for f in out.iter_mut() {
            *f = strip(f);
        }
    }
}

impl Rows {
    /// Read `lines` (`first` is the index of the first) until `max_rows` rows are held;
    /// returns false once that count is reached.
    pub fn read<'a>(
        &mut self,
        lines: impl IntoIterator<Item = &'a str>,
        first: usize,
        cfg: &SplitConfig,
    ) -> bool {
        if self.table.rows.is_empty() {
            self.table.rows.push(0);
        }
        let mut values = Vec::new();
        for (k, line) in lines.into_iter().enumerate() {
            if cfg.max_rows.is_some_and(|m| self.table.nrows() >= m) {
                return false;
            }
            split_line(line, cfg, &mut values);
            let n = values.len();
            if n == 0 {
                continue;
            }
            match &cfg.usecols {
                Some(cols) => {
                    let picked: Option<Vec<&str>> = cols
                        .iter()
                        .map(|&c| {
                            let i = if c < 0 { c + n as isize } else { c };
                            usize::try_from(i).ok().and_then(|i| values.get(i).copied())
                        })
                        .collect();
                    match picked {
                        Some(p) => self.push(&p),
                        None => {
                            self.invalid.push((first + k, n));
                            continue;
                        }
                    }
                }
                None if n != cfg.nbcols => {
                    self.invalid.push((first + k, n));
                    continue;
                }
                None => {
                    let v = std::mem::take(&mut values);
                    self.push(&v);
                    values = v;
                }
            }
        }
        cfg.max_rows.is_none_or(|m| self.table.nrows() < m)
    }

    /// Append one row of fields.
    pub fn push(&mut self, fields: &[&str]) {
        if self.table.rows.is_empty() {
            self.table.rows.push(0);
        }
        for f in fields {
            self.table.text.push_str(f);
            self.table.ends.push(self.table.text.len());
        }
        self.table.rows.push(self.table.ends.len());
    }

    /// Keep the first `n` rows.
    pub fn truncate(&mut self, n: usize) {
        if n < self.table.nrows() {
            self.table.rows.truncate(n + 1);
            let k = self.table.rows[n];
            self.table.ends.truncate(k);
            let len = self.table.ends.last().copied().unwrap_or(0);
            self.table.text.truncate(len);
        }
    }
}

/// What a converter's function makes of a field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Parsed<T> {
    /// The value, certainly the one Python would give.
    Value(T),
    /// Only white space: every converter's function refuses it.
    Empty,
    /// Left to Python.
    Other,
}

/// The converters whose functions are parsed here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// numpy's `str2bool`: `TRUE` or `FALSE` in any case, nothing around.
    Bool,
    /// `int`, `numpy.int64`, `numpy.uint64`, in [min, max].
    Int { min: i128, max: i128 },
    /// `int(float(x))` in [min, max] (numpy's function for the other integer types).
    IntOfFloat { min: i128, max: i128 },
    /// `float`.
    Float,
}

fn str2bool(s: &str) -> Parsed<bool> {
    if s.eq_ignore_ascii_case("true") {
        Parsed::Value(true)
    } else if s.eq_ignore_ascii_case("false") {
        Parsed::Value(false)
    } else if strip(s).is_empty() {
        Parsed::Empty
    } else {
        Parsed::Other
    }
}

fn empty_or_other<T>(s: &str) -> Parsed<T> {
    if strip(s).is_empty() {
        Parsed::Empty
    } else {
        Parsed::Other
    }
}

/// A field parsed as `kind`: a bool, an integer or a float, as f64 or i128.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Bool(bool),
    Int(i128),
    Float(f64),
}

pub fn parse(s: &str, kind: Kind) -> Parsed<Number> {
    let got = match kind {
        Kind::Bool => return map(str2bool(s), Number::Bool),
        Kind::Int { min, max } => parse_int(s, min, max).ok().map(Number::Int),
        // exact: |v| < 2**63 once it is in the range of a 32-bit type
        Kind::IntOfFloat { min, max } => parse_f64(s)
            .ok()
            .map(f64::trunc)
            .filter(|&v| v >= min as f64 && v <= max as f64)
            .map(|v| Number::Int(v as i128)),
        Kind::Float => parse_f64(s).ok().map(Number::Float),
    };
    match got {
        Some(v) => Parsed::Value(v),
        None => empty_or_other(s),
    }
}

fn map<T, U>(p: Parsed<T>, f: impl Fn(T) -> U) -> Parsed<U> {
    match p {
        Parsed::Value(v) => Parsed::Value(f(v)),
        Parsed::Empty => Parsed::Empty,
        Parsed::Other => Parsed::Other,
    }
}

/// Column `col` parsed as `kind` into `out` (one value per row, zero where not parsed):
/// the rows left to Python and the rows of white space only.
pub fn convert_column<T: Default + Copy>(
    table: &Table,
    col: usize,
    kind: Kind,
    cast: impl Fn(Number) -> T,
) -> (Vec<T>, Vec<usize>, Vec<usize>) {
    let n = table.nrows();
    let mut out = vec![T::default(); n];
    let (mut other, mut empty) = (Vec::new(), Vec::new());
    for (r, slot) in out.iter_mut().enumerate() {
        match parse(table.field(r, col), kind) {
            Parsed::Value(v) => *slot = cast(v),
            Parsed::Empty => empty.push(r),
            Parsed::Other => other.push(r),
        }
    }
    (out, other, empty)
}

/// The converter `dtype=None` settles on for a column (numpy's `StringConverter.iterupgrade`
/// over its mapper: 0 bool, 1 int, 2 float64, ..., 8 str), when every field is decided here:
/// `(status, missing_at_bool)`, the second saying a missing value was met while the status
/// stayed bool (numpy then marks the converter unchecked). None: Python must decide.
pub fn infer_column(table: &Table, col: usize, missing: &[String]) -> Option<(u8, bool)> {
    let (mut bools, mut ints, mut floats, mut missing_not_bool) = (false, false, false, false);
    let mut undecided = false;
    for r in 0..table.nrows() {
        let f = table.field(r, col);
        if missing.iter().any(|m| m == strip(f)) {
            // (a non-ASCII field may still upper-case to TRUE or FALSE)
            undecided |= !f.is_ascii();
            missing_not_bool |= !matches!(str2bool(f), Parsed::Value(_));
            continue;
        }
        if !f.is_ascii() {
            undecided = true;
        } else if matches!(str2bool(f), Parsed::Value(_)) {
            bools = true;
        } else if parse_int(f, i64::MIN as i128, i64::MAX as i128).is_ok() {
            ints = true;
        } else if parse_f64(f).is_ok() {
            floats = true;
        } else if certainly_text(f) {
            // no function before str's converts it: the column is str, unless numpy's pass
            // with `int` (status 5) meets a field int() takes first, where numpy raises
            return str_without_error(table, col, missing).then_some((8, false));
        } else {
            undecided = true;
        }
    }
    if undecided {
        return None;
    }
    Some(match (bools, ints || floats) {
        (true, true) => (8, false),
        (true, false) => (0, missing_not_bool),
        (false, _) if floats => (2, false),
        (false, _) if ints => (1, false),
        _ => (0, missing_not_bool),
    })
}

/// Whether numpy's pass over the column with its `int` converter (the mapper's entry for
/// `numpy.integer`, whose integer check raises TypeError) meets a field `int()` refuses and
/// that is not missing before any field `int()` might take.
fn str_without_error(table: &Table, col: usize, missing: &[String]) -> bool {
    for r in 0..table.nrows() {
        let f = table.field(r, col);
        let t = strip(f);
        let int_may_take = !f.is_ascii()
            || (!t.is_empty() && t.bytes().all(|c| c.is_ascii_digit() || b"_+-".contains(&c)));
        if int_may_take {
            return false;
        }
        if !missing.iter().any(|m| m == t) {
            return true;
        }
    }
    true
}

/// An ASCII field that none of the numeric functions of the mapper (`int`, `float`,
/// `complex`, `numpy.longdouble`) accepts, nor `str2bool`: it has no digit, no `j` and no
/// `inf` or `nan`, which every number they read needs.
fn certainly_text(f: &str) -> bool {
    let lower = f.to_ascii_lowercase();
    !matches!(str2bool(f), Parsed::Value(_))
        && !lower.bytes().any(|c| c.is_ascii_digit() || c == b'j')
        && !lower.contains("inf")
        && !lower.contains("nan")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str, cfg: &SplitConfig) -> Vec<String> {
        let mut v = Vec::new();
        split_line(line, cfg, &mut v);
        v.into_iter().map(str::to_string).collect()
    }

    #[test]
    fn lines() {
        let mut cfg = SplitConfig {
            comment: Some("#".into()),
            ..SplitConfig::default()
        };
        assert_eq!(split(" 1\t 2 # x\r\n", &cfg), ["1", "2"]);
        assert_eq!(split("   # only\n", &cfg), Vec::<String>::new());
        cfg.delimiter = Some(", ".into());
        assert_eq!(split("a , b, c\n", &cfg), ["a ", "b", "c"]);
        cfg.autostrip = true;
        assert_eq!(split("a , b,  c\n", &cfg), ["a", "b", "c"]);
        cfg.delimiter = Some(",".into());
        assert_eq!(split(",\n", &cfg), ["", ""]);
    }

    #[test]
    fn reading() {
        let cfg = SplitConfig {
            delimiter: Some(",".into()),
            nbcols: 2,
            ..SplitConfig::default()
        };
        let mut rows = Rows::default();
        assert!(rows.read(["1,2", "", "3", "4,5"], 0, &cfg));
        assert_eq!(rows.table.nrows(), 2);
        assert_eq!(rows.invalid, [(2, 1)]);
        assert_eq!(rows.table.field(1, 1), "5");
        rows.truncate(1);
        assert_eq!(rows.table.nrows(), 1);
        assert_eq!(rows.table.text, "12");
        let picked = SplitConfig {
            usecols: Some(vec![-1]),
            max_rows: Some(1),
            ..cfg
        };
        let mut rows = Rows::default();
        assert!(!rows.read(["1,2,3", "4"], 0, &picked));
        assert_eq!(rows.table.field(0, 0), "3");
    }

    #[test]
    fn kinds() {
        assert_eq!(parse("TrUe", Kind::Bool), Parsed::Value(Number::Bool(true)));
        assert_eq!(parse(" true", Kind::Bool), Parsed::Other);
        assert_eq!(parse("  ", Kind::Float), Parsed::Empty);
        assert_eq!(parse("1_0", Kind::Float), Parsed::Other);
        let i8s = Kind::IntOfFloat {
            min: -128,
            max: 127,
        };
        assert_eq!(parse("-1.9", i8s), Parsed::Value(Number::Int(-1)));
        assert_eq!(parse("128.5", i8s), Parsed::Other);
        assert_eq!(parse("nan", i8s), Parsed::Other);
    }

    #[test]
    fn inference() {
        let mut rows = Rows::default();
        for r in [["1", "true", "1.5", "x"], ["", "", "2", "y"]] {
            rows.push(&r);
        }
        let miss = vec![String::new()];
        assert_eq!(infer_column(&rows.table, 0, &miss), Some((1, false)));
        assert_eq!(infer_column(&rows.table, 1, &miss), Some((0, true)));
        assert_eq!(infer_column(&rows.table, 2, &miss), Some((2, false)));
        assert_eq!(infer_column(&rows.table, 3, &miss), Some((8, false)));
        let mut rows = Rows::default();
        for r in [["x", "1+2j"], ["1_0", "2"]] {
            rows.push(&r);
        }
        assert_eq!(infer_column(&rows.table, 0, &miss), Some((8, false)));
        assert_eq!(infer_column(&rows.table, 1, &miss), None);
        assert!(certainly_text("N/A") && !certainly_text("-Inf") && !certainly_text("j"));
        // numpy's TypeError when int() takes a field of a str column before refusing one
        let mut rows = Rows::default();
        for r in [["", "1"], ["x", "x"]] {
            rows.push(&r);
        }
        assert_eq!(infer_column(&rows.table, 0, &miss), Some((8, false)));
        assert_eq!(infer_column(&rows.table, 1, &miss), None);
    }
}
