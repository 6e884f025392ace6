//! The ufunc table: one row per ufunc, loops in NumPy's order.

use smallvec::smallvec;

use super::{Identity, Loop, ReduceKind, Resolver, Ufunc};
use crate::dtype::ScalarType as S;
use crate::kernels::arith::*;
use crate::kernels::compare::*;
use crate::kernels::math::*;
use crate::loops::elementwise::{binary, binary_2out, binary_mixed, reduce_of, unary, unary_2out};

/// The Rust element type of a ScalarType name.
macro_rules! rt {
    (Bool) => { crate::dtype::Bool };
    (Int8) => { i8 };
    (UInt8) => { u8 };
    (Int16) => { i16 };
    (UInt16) => { u16 };
    (Int32) => { i32 };
    (UInt32) => { u32 };
    (Int64) => { i64 };
    (UInt64) => { u64 };
    (Float16) => { half::f16 };
    (Float32) => { f32 };
    (Float64) => { f64 };
    (Complex64) => { num_complex::Complex<f32> };
    (Complex128) => { num_complex::Complex<f64> };
}

/// Loops of a two-input kernel: `in => out` pairs (inputs homogeneous).
macro_rules! l2 {
    ($k:ty; $($t:ident => $o:ident),* $(,)?) => {
        vec![$(Loop { ins: smallvec![S::$t, S::$t], outs: smallvec![S::$o], f: binary::<rt!($t), rt!($o), $k>, reduce: reduce_of::<rt!($t), rt!($o), $k>(), longlong: false, core: Option::None }),*]
    };
}

/// Loops of a one-input kernel.
macro_rules! l1 {
    ($k:ty; $($t:ident => $o:ident),* $(,)?) => {
        vec![$(Loop { ins: smallvec![S::$t], outs: smallvec![S::$o], f: unary::<rt!($t), rt!($o), $k>, reduce: Option::None, longlong: false, core: Option::None }),*]
    };
}

/// Same-type loops over a list of types.
macro_rules! same2 {
    ($k:ty; $($t:ident),* $(,)?) => { l2!($k; $($t => $t),*) };
}
macro_rules! same1 {
    ($k:ty; $($t:ident),* $(,)?) => { l1!($k; $($t => $t),*) };
}
macro_rules! to_bool2 {
    ($k:ty; $($t:ident),* $(,)?) => { l2!($k; $($t => Bool),*) };
}
macro_rules! to_bool1 {
    ($k:ty; $($t:ident),* $(,)?) => { l1!($k; $($t => Bool),*) };
}

fn row(
    name: &'static str,
    nin: usize,
    identity: Identity,
    loops: Vec<Loop>,
    doc: &'static str,
) -> Ufunc {
    Ufunc {
        name,
        nin,
        nout: 1,
        identity,
        resolver: Resolver::Default,
        loops,
        doc,
        reduce_kind: ReduceKind::Plain,
        value_based_ints: false,
        reports_underflow: false,
        reports_invalid: true,
        core: Option::None,
        core_sizes: Option::None,
        core_cost: Option::None,
    }
}

/// A ufunc of `numpy.strings`: one input, loops registered by the text families only.
fn strings_row(name: &'static str, identity: Identity, doc: &'static str) -> Ufunc {
    Ufunc {
        resolver: Resolver::Families,
        ..row(name, 1, identity, Vec::new(), doc)
    }
}

pub fn build() -> Vec<Ufunc> {
    use Identity::*;
    let mut t = vec![
        row("add", 2, Zero, [l2!(Add; Bool => Bool), same2!(Add; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128)].concat(), "Add arguments element-wise."),
        row("subtract", 2, None, same2!(Subtract; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Subtract arguments, element-wise."),
        row("multiply", 2, One, [l2!(Multiply; Bool => Bool), same2!(Multiply; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128)].concat(), "Multiply arguments element-wise."),
        Ufunc {
            resolver: Resolver::IntToFloat64,
            ..row("divide", 2, None, same2!(TrueDivide; Float16, Float32, Float64, Complex64, Complex128), "Divide arguments element-wise.")
        },
        row("floor_divide", 2, None, same2!(FloorDivide; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64), "Return the largest integer smaller or equal to the division of the inputs."),
        row("remainder", 2, None, same2!(Remainder; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64), "Returns the element-wise remainder of division."),
        row("fmod", 2, None, same2!(Fmod; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64), "Returns the element-wise remainder of division (C fmod)."),
        row("power", 2, None, same2!(Power; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "First array elements raised to powers from second array, element-wise."),
        row("maximum", 2, ReorderableNone, same2!(Maximum; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Element-wise maximum of array elements."),
        row("minimum", 2, ReorderableNone, same2!(Minimum; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Element-wise minimum of array elements."),
        row("fmax", 2, ReorderableNone, same2!(Fmax; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Element-wise maximum of array elements, ignoring NaNs."),
        row("fmin", 2, ReorderableNone, same2!(Fmin; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Element-wise minimum of array elements, ignoring NaNs."),
        row("equal", 2, None, to_bool2!(Equal; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return (x1 == x2) element-wise."),
        row("not_equal", 2, None, to_bool2!(NotEqual; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return (x1 != x2) element-wise."),
        row("less", 2, None, to_bool2!(Less; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return the truth value of (x1 < x2) element-wise."),
        row("less_equal", 2, None, to_bool2!(LessEqual; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return the truth value of (x1 <= x2) element-wise."),
        row("greater", 2, None, to_bool2!(Greater; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return the truth value of (x1 > x2) element-wise."),
        row("greater_equal", 2, None, to_bool2!(GreaterEqual; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return the truth value of (x1 >= x2) element-wise."),
        row("logical_and", 2, True, to_bool2!(LogicalAnd; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Compute the truth value of x1 AND x2 element-wise."),
        row("logical_or", 2, False, to_bool2!(LogicalOr; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Compute the truth value of x1 OR x2 element-wise."),
        row("logical_xor", 2, False, to_bool2!(LogicalXor; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Compute the truth value of x1 XOR x2, element-wise."),
        row("logical_not", 1, None, to_bool1!(LogicalNot; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Compute the truth value of NOT x element-wise."),
        row("bitwise_and", 2, MinusOne, same2!(BitwiseAnd; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), "Compute the bit-wise AND of two arrays element-wise."),
        row("bitwise_or", 2, Zero, same2!(BitwiseOr; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), "Compute the bit-wise OR of two arrays element-wise."),
        row("bitwise_xor", 2, Zero, same2!(BitwiseXor; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), "Compute the bit-wise XOR of two arrays element-wise."),
        row("invert", 1, None, same1!(Invert; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), "Compute bit-wise inversion, or bit-wise NOT, element-wise."),
        row("left_shift", 2, None, same2!(LeftShift; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), "Shift the bits of an integer to the left."),
        row("right_shift", 2, None, same2!(RightShift; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), "Shift the bits of an integer to the right."),
        row("negative", 1, None, same1!(Negative; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Numerical negative, element-wise."),
        row("positive", 1, None, same1!(Positive; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Numerical positive, element-wise."),
        row("absolute", 1, None, [same1!(Absolute; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64), l1!(Absolute; Complex64 => Float32, Complex128 => Float64)].concat(), "Calculate the absolute value element-wise."),
        row("square", 1, None, same1!(Square; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return the element-wise square of the input."),
        row("reciprocal", 1, None, same1!(Reciprocal; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return the reciprocal of the argument, element-wise."),
        row("sign", 1, None, same1!(Sign; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Returns an element-wise indication of the sign of a number."),
        row("fabs", 1, None, same1!(Absolute; Float16, Float32, Float64), "Compute the absolute values element-wise."),
        row("isnan", 1, None, [to_bool1!(Never; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), to_bool1!(Isnan; Float16, Float32, Float64, Complex64, Complex128)].concat(), "Test element-wise for NaN and return result as a boolean array."),
        row("isinf", 1, None, [to_bool1!(Never; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), to_bool1!(Isinf; Float16, Float32, Float64, Complex64, Complex128)].concat(), "Test element-wise for positive or negative infinity."),
        row("isfinite", 1, None, [to_bool1!(Always; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), to_bool1!(Isfinite; Float16, Float32, Float64, Complex64, Complex128)].concat(), "Test element-wise for finiteness (not infinity and not Not a Number)."),
        row("signbit", 1, None, to_bool1!(Signbit; Float16, Float32, Float64), "Returns element-wise True where signbit is set (less than zero)."),
        row("arctan2", 2, None, same2!(Arctan2; Float16, Float32, Float64), "Element-wise arc tangent of x1/x2 choosing the quadrant correctly."),
        row("hypot", 2, Zero, same2!(Hypot; Float16, Float32, Float64), "Given the legs of a right triangle, return its hypotenuse."),
        row("copysign", 2, None, same2!(Copysign; Float16, Float32, Float64), "Change the sign of x1 to that of x2, element-wise."),
        row("heaviside", 2, None, same2!(Heaviside; Float16, Float32, Float64), "Compute the Heaviside step function."),
        row("logaddexp", 2, NegInf, same2!(Logaddexp; Float16, Float32, Float64), "Logarithm of the sum of exponentiations of the inputs."),
        row("logaddexp2", 2, NegInf, same2!(Logaddexp2; Float16, Float32, Float64), "Logarithm of the sum of exponentiations of the inputs in base-2."),
        row("spacing", 1, None, same1!(Spacing; Float16, Float32, Float64), "Return the distance between x and the nearest adjacent number."),
        row("deg2rad", 1, None, same1!(Deg2rad; Float16, Float32, Float64), "Convert angles from degrees to radians."),
        row("rad2deg", 1, None, same1!(Rad2deg; Float16, Float32, Float64), "Convert angles from radians to degrees."),
    ];
    macro_rules! float_unary {
        ($($name:expr => $k:ty, $doc:expr);* $(;)?) => {$(
            t.push(row($name, 1, None, same1!($k; Float16, Float32, Float64, Complex64, Complex128), $doc));
        )*};
    }
    t.push(row(
        "cbrt",
        1,
        None,
        same1!(Cbrt; Float16, Float32, Float64),
        "Return the cube-root of an array, element-wise.",
    ));
    float_unary! {
        "sqrt" => Sqrt, "Return the non-negative square-root of an array, element-wise.";
        "exp" => Exp, "Calculate the exponential of all elements in the input array.";
        "exp2" => Exp2, "Calculate `2**p` for all `p` in the input array.";
        "expm1" => Expm1, "Calculate ``exp(x) - 1`` for all elements in the array.";
        "log" => Log, "Natural logarithm, element-wise.";
        "log2" => Log2, "Base-2 logarithm of `x`.";
        "log10" => Log10, "Return the base 10 logarithm of the input array, element-wise.";
        "log1p" => Log1p, "Return the natural logarithm of one plus the input array, element-wise.";
        "sin" => Sin, "Trigonometric sine, element-wise.";
        "cos" => Cos, "Cosine element-wise.";
        "tan" => Tan, "Compute tangent element-wise.";
        "arcsin" => Arcsin, "Inverse sine, element-wise.";
        "arccos" => Arccos, "Trigonometric inverse cosine, element-wise.";
        "arctan" => Arctan, "Trigonometric inverse tangent, element-wise.";
        "sinh" => Sinh, "Hyperbolic sine, element-wise.";
        "cosh" => Cosh, "Hyperbolic cosine, element-wise.";
        "tanh" => Tanh, "Compute hyperbolic tangent element-wise.";
        "arcsinh" => Arcsinh, "Inverse hyperbolic sine element-wise.";
        "arccosh" => Arccosh, "Inverse hyperbolic cosine, element-wise.";
        "arctanh" => Arctanh, "Inverse hyperbolic tangent element-wise.";
        "rint" => Rint, "Round elements of the array to the nearest integer.";
    }
    for (name, doc) in [
        ("floor", "Return the floor of the input, element-wise."),
        ("ceil", "Return the ceiling of the input, element-wise."),
        (
            "trunc",
            "Return the truncated value of the input, element-wise.",
        ),
    ] {
        let floats = match name {
            "floor" => same1!(Floor; Float16, Float32, Float64),
            "ceil" => same1!(Ceil; Float16, Float32, Float64),
            _ => same1!(Trunc; Float16, Float32, Float64),
        };
        t.push(row(name, 1, None, [same1!(IntegerIdentity; Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), floats].concat(), doc));
    }
    // Loops with two outputs or mixed input types.
    macro_rules! lp {
        ($f:expr; [$($i:ident),*] -> [$($o:ident),*]) => {
            Loop { ins: smallvec![$(S::$i),*], outs: smallvec![$(S::$o),*], f: $f, reduce: Option::None, longlong: false, core: Option::None }
        };
    }
    macro_rules! divmod_loops {
        ($($t:ident),*) => { vec![$(lp!(binary_2out::<rt!($t), rt!($t), rt!($t), Divmod>; [$t, $t] -> [$t, $t])),*] };
    }
    macro_rules! one_to_two {
        ($k:ty; $($t:ident => $o2:ident),*) => { vec![$(lp!(unary_2out::<rt!($t), rt!($t), rt!($o2), $k>; [$t] -> [$t, $o2])),*] };
    }
    macro_rules! mixed {
        ($k:ty; $($a:ident, $b:ident => $o:ident);*) => { vec![$(lp!(binary_mixed::<rt!($a), rt!($b), rt!($o), $k>; [$a, $b] -> [$o])),*] };
    }
    t.extend([
        Ufunc { nout: 2, ..row("divmod", 2, None, divmod_loops!(Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64), "Return element-wise quotient and remainder simultaneously.") },
        Ufunc { nout: 2, ..row("modf", 1, None, one_to_two!(Modf; Float16 => Float16, Float32 => Float32, Float64 => Float64), "Return the fractional and integral parts of an array, element-wise.") },
        Ufunc { nout: 2, ..row("frexp", 1, None, one_to_two!(Frexp; Float16 => Int32, Float32 => Int32, Float64 => Int32), "Decompose the elements of x into mantissa and twos exponent.") },
        Ufunc {
            resolver: Resolver::PerOperand,
            ..row("ldexp", 2, None, mixed!(Ldexp; Float16, Int32 => Float16; Float32, Int32 => Float32; Float16, Int64 => Float16; Float32, Int64 => Float32; Float64, Int32 => Float64; Float64, Int64 => Float64), "Returns x1 * 2**x2, element-wise.")
        },
        row("nextafter", 2, None, same2!(Nextafter; Float16, Float32, Float64), "Return the next floating-point value after x1 towards x2, element-wise."),
        Ufunc {
            resolver: Resolver::NoBool("ufunc 'gcd' did not contain a loop with signature matching types (<class 'numpy.dtypes.BoolDType'>, <class 'numpy.dtypes.BoolDType'>) -> None"),
            ..row("gcd", 2, Zero, same2!(Gcd; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), "Returns the greatest common divisor of ``|x1|`` and ``|x2|``")
        },
        Ufunc {
            resolver: Resolver::NoBool("ufunc 'lcm' did not contain a loop with signature matching types (<class 'numpy.dtypes.BoolDType'>, <class 'numpy.dtypes.BoolDType'>) -> None"),
            ..row("lcm", 2, None, same2!(Lcm; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64), "Returns the lowest common multiple of ``|x1|`` and ``|x2|``")
        },
        row("bitwise_count", 1, None, l1!(BitwiseCount; Int8 => UInt8, UInt8 => UInt8, Int16 => UInt8, UInt16 => UInt8, Int32 => UInt8, UInt32 => UInt8, Int64 => UInt8, UInt64 => UInt8), "Computes the number of 1-bits in the absolute value of ``x``."),
        row("float_power", 2, None, same2!(Power; Float64, Complex128), "First array elements raised to powers from second array, element-wise."),
        row("degrees", 1, None, same1!(Rad2deg; Float16, Float32, Float64), "Convert angles from radians to degrees."),
        row("radians", 1, None, same1!(Deg2rad; Float16, Float32, Float64), "Convert angles from degrees to radians."),
        row("conjugate", 1, None, same1!(Conjugate; Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128), "Return the complex conjugate, element-wise."),
        Ufunc {
            resolver: Resolver::Unsupported("ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64."),
            ..row("isnat", 1, None, vec![], "Test element-wise for NaT (not a time) and return result as a boolean array.")
        },
        strings_row("isalpha", False, "Returns true for each element if all characters in the data interpreted as a string are alphabetic and there is at least one character, false otherwise."),
        strings_row("isdigit", False, "Returns true for each element if all characters in the string are digits and there is at least one character, false otherwise."),
        strings_row("isspace", False, "Returns true for each element if there are only whitespace characters in the string and there is at least one character, false otherwise."),
        strings_row("isalnum", False, "Returns true for each element if all characters in the string are alphanumeric and there is at least one character, false otherwise."),
        strings_row("islower", False, "Returns true for each element if all cased characters in the string are lowercase and there is at least one cased character, false otherwise."),
        strings_row("isupper", False, "Return true for each element if all cased characters in the string are uppercase and there is at least one character, false otherwise."),
        strings_row("istitle", False, "Returns true for each element if the element is a titlecased string and there is at least one character, false otherwise."),
        strings_row("isdecimal", False, "For each element, return True if there are only decimal characters in the element."),
        strings_row("isnumeric", False, "For each element, return True if there are only numeric characters in the element."),
        strings_row("str_len", Zero, "Returns the length of each element."),
    ]);
    // NumPy lists its `long long` loops ('q', 'Q') after the `long` ones: same types here.
    t.extend(gufunc_rows());
    for u in t.iter_mut() {
        if let Some(pos) = u
            .loops
            .iter()
            .position(|l| l.ins[0] == S::UInt64 && l.ins.iter().all(|t| *t == S::UInt64))
        {
            let extra: Vec<Loop> = u
                .loops
                .iter()
                .filter(|l| {
                    matches!(l.ins[0], S::Int64 | S::UInt64) && l.ins.iter().all(|t| *t == l.ins[0])
                })
                .map(|l| Loop {
                    longlong: true,
                    ..l.clone()
                })
                .collect();
            let tail = u.loops.split_off(pos + 1);
            u.loops.extend(extra);
            u.loops.extend(tail);
        }
    }
    // Comparisons of int64 with uint64 are exact, after the `long long` loops.
    macro_rules! mixed_sign {
        ($k:ty) => {
            vec![
                Loop { longlong: true, ..lp!(binary_mixed::<i64, u64, crate::dtype::Bool, $k>; [Int64, UInt64] -> [Bool]) },
                Loop { longlong: true, ..lp!(binary_mixed::<u64, i64, crate::dtype::Bool, $k>; [UInt64, Int64] -> [Bool]) },
            ]
        };
    }
    for u in t.iter_mut() {
        let extra = match u.name {
            "equal" => mixed_sign!(Equal),
            "not_equal" => mixed_sign!(NotEqual),
            "less" => mixed_sign!(Less),
            "less_equal" => mixed_sign!(LessEqual),
            "greater" => mixed_sign!(Greater),
            "greater_equal" => mixed_sign!(GreaterEqual),
            _ => continue,
        };
        let pos = u
            .loops
            .iter()
            .rposition(|l| l.longlong)
            .map_or(u.loops.len(), |p| p + 1);
        let tail = u.loops.split_off(pos);
        u.loops.extend(extra);
        u.loops.extend(tail);
    }
    for u in t.iter_mut() {
        u.reduce_kind = match u.name {
            "maximum" | "minimum" | "fmax" | "fmin" | "bitwise_and" | "bitwise_or" => {
                ReduceKind::Idempotent
            }
            "logical_and" | "logical_or" | "logical_xor" => ReduceKind::OnBools,
            "add" | "multiply" => ReduceKind::WidenSmallInts,
            _ => ReduceKind::Plain,
        };
        u.reports_invalid = !matches!(u.name, "maximum" | "minimum" | "fmax" | "fmin");
        u.reports_underflow = matches!(
            u.name,
            "multiply"
                | "divide"
                | "square"
                | "power"
                | "float_power"
                | "reciprocal"
                | "ldexp"
                | "exp"
                | "exp2"
        );
        u.value_based_ints = matches!(
            u.name,
            "equal"
                | "not_equal"
                | "less"
                | "less_equal"
                | "greater"
                | "greater_equal"
                | "logical_and"
                | "logical_or"
                | "logical_xor"
        );
        match u.name {
            "subtract" => u.resolver = Resolver::NoBool("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."),
            "sign" => u.resolver = Resolver::NoBool("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"),
            "positive" => u.resolver = Resolver::NoBool("ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"),
            "negative" => u.resolver = Resolver::NoBool("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."),
            _ => {}
        }
    }
    t
}

/// Loops of a generalized ufunc: one per listed type, `$native` for each, except the types
/// after `;` which use `$gemm`.
macro_rules! core_loops {
    ($native:ident [$($t:ident),*] $(; $gemm:ident [$($g:ident),*])?) => {
        vec![
            $(Loop { ins: smallvec![S::$t, S::$t], outs: smallvec![S::$t], f: super::gufunc::not_elementwise, reduce: Option::None, longlong: false, core: Some(crate::loops::linalg::$native::<rt!($t)>) },)*
            $($(Loop { ins: smallvec![S::$g, S::$g], outs: smallvec![S::$g], f: super::gufunc::not_elementwise, reduce: Option::None, longlong: false, core: Some(crate::loops::linalg::$gemm::<rt!($g)>) },)*)?
        ]
    };
}

/// The generalized ufuncs (core dimensions; see `gufunc.rs`).
fn gufunc_rows() -> Vec<Ufunc> {
    let gu = |name, sig: &str, loops, doc| Ufunc {
        core: Some(super::gufunc::CoreSignature::parse(sig).expect("a valid built-in signature")),
        ..row(name, 2, Identity::None, loops, doc)
    };
    // NumPy's order: ? b B h H i I l L q Q e f d F D (matmul's loops also run the float and
    // complex types through faer).
    vec![
        {
            let l = core_loops!(matmul [Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16]; matmul_gemm [Float32, Float64, Complex64, Complex128]);
            gu(
                "matmul",
                "(n?,k),(k,m?)->(n?,m?)",
                l,
                "Matrix product of two arrays.",
            )
        },
        gu(
            "vecdot",
            "(n),(n)->()",
            core_loops!(vecdot [Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16, Float32, Float64, Complex64, Complex128]),
            "Vector dot product of two arrays.",
        ),
        gu(
            "matvec",
            "(m,n),(n)->(m)",
            core_loops!(matvec [Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16]; matvec_gemm [Float32, Float64, Complex64, Complex128]),
            "Matrix-vector dot product of two arrays.",
        ),
        gu(
            "vecmat",
            "(n),(n,m)->(m)",
            {
                // complex vecmat conjugates its vector: the native loop does that
                let mut l = core_loops!(vecmat [Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float16]; vecmat_gemm [Float32, Float64]);
                l.extend(core_loops!(vecmat[Complex64, Complex128]));
                l
            },
            "Vector-matrix dot product of two arrays.",
        ),
    ]
}

/// A loop of a linear-algebra gufunc: input and output types (float64 `D`ouble or complex
/// `Z`), and its core loop.
macro_rules! la {
    ([$($i:ident),*] -> [$($o:ident),*], $f:path) => {
        Loop { ins: smallvec![$(S::$i),*], outs: smallvec![$(S::$o),*], f: super::gufunc::not_elementwise, reduce: Option::None, longlong: false, core: Some($f) }
    };
}

/// The private generalized ufuncs of `rumpy.linalg` (numpy's `_umath_linalg`; see
/// `loops/decomp.rs`): float64 and complex128 loops only (the front end computes in those).
pub fn linalg_rows() -> Vec<Ufunc> {
    use crate::loops::decomp as d;
    type C = num_complex::Complex<f64>;
    let gu = |name, nin, nout, sig: &str, loops, doc| Ufunc {
        nout,
        core: Some(super::gufunc::CoreSignature::parse(sig).expect("a valid built-in signature")),
        core_cost: Some(if sig.starts_with("(m,m)") {
            d::cubic_cost
        } else {
            d::rect_cost
        }),
        ..row(name, nin, Identity::None, loops, doc)
    };
    let min_mn: fn(&mut [Option<usize>]) = |s| d::min_dim(s, 0, 1, 2);
    let with = |mut u: Ufunc, f: fn(&mut [Option<usize>])| {
        u.core_sizes = Some(f);
        u
    };
    vec![
        gu(
            "inv",
            1,
            1,
            "(m,m)->(m,m)",
            vec![
                la!([Float64] -> [Float64], d::inv::<f64>),
                la!([Complex128] -> [Complex128], d::inv::<C>),
            ],
            "Inverse of square matrices.",
        ),
        gu(
            "solve",
            2,
            1,
            "(m,m),(m,n)->(m,n)",
            vec![
                la!([Float64, Float64] -> [Float64], d::solve::<f64>),
                la!([Complex128, Complex128] -> [Complex128], d::solve::<C>),
            ],
            "Solve a x = b for matrices b.",
        ),
        gu(
            "solve1",
            2,
            1,
            "(m,m),(m)->(m)",
            vec![
                la!([Float64, Float64] -> [Float64], d::solve::<f64>),
                la!([Complex128, Complex128] -> [Complex128], d::solve::<C>),
            ],
            "Solve a x = b for vectors b.",
        ),
        gu(
            "det",
            1,
            1,
            "(m,m)->()",
            vec![
                la!([Float64] -> [Float64], d::det::<f64>),
                la!([Complex128] -> [Complex128], d::det::<C>),
            ],
            "Determinant of square matrices.",
        ),
        gu(
            "slogdet",
            1,
            2,
            "(m,m)->(),()",
            vec![
                la!([Float64] -> [Float64, Float64], d::slogdet::<f64>),
                la!([Complex128] -> [Complex128, Float64], d::slogdet::<C>),
            ],
            "Sign and log of the absolute determinant.",
        ),
        gu(
            "cholesky_lo",
            1,
            1,
            "(m,m)->(m,m)",
            vec![
                la!([Float64] -> [Float64], d::cholesky_lo::<f64>),
                la!([Complex128] -> [Complex128], d::cholesky_lo::<C>),
            ],
            "Cholesky factor L from the lower triangle.",
        ),
        gu(
            "cholesky_up",
            1,
            1,
            "(m,m)->(m,m)",
            vec![
                la!([Float64] -> [Float64], d::cholesky_up::<f64>),
                la!([Complex128] -> [Complex128], d::cholesky_up::<C>),
            ],
            "Cholesky factor U from the upper triangle.",
        ),
        gu(
            "eigh_lo",
            1,
            2,
            "(m,m)->(m),(m,m)",
            vec![
                la!([Float64] -> [Float64, Float64], d::eigh_lo::<f64>),
                la!([Complex128] -> [Float64, Complex128], d::eigh_lo::<C>),
            ],
            "Eigenvalues and eigenvectors of Hermitian matrices (lower triangle).",
        ),
        gu(
            "eigh_up",
            1,
            2,
            "(m,m)->(m),(m,m)",
            vec![
                la!([Float64] -> [Float64, Float64], d::eigh_up::<f64>),
                la!([Complex128] -> [Float64, Complex128], d::eigh_up::<C>),
            ],
            "Eigenvalues and eigenvectors of Hermitian matrices (upper triangle).",
        ),
        gu(
            "eigvalsh_lo",
            1,
            1,
            "(m,m)->(m)",
            vec![
                la!([Float64] -> [Float64], d::eigvalsh_lo::<f64>),
                la!([Complex128] -> [Float64], d::eigvalsh_lo::<C>),
            ],
            "Eigenvalues of Hermitian matrices (lower triangle).",
        ),
        gu(
            "eigvalsh_up",
            1,
            1,
            "(m,m)->(m)",
            vec![
                la!([Float64] -> [Float64], d::eigvalsh_up::<f64>),
                la!([Complex128] -> [Float64], d::eigvalsh_up::<C>),
            ],
            "Eigenvalues of Hermitian matrices (upper triangle).",
        ),
        gu(
            "eig",
            1,
            2,
            "(m,m)->(m),(m,m)",
            vec![
                la!([Float64] -> [Complex128, Complex128], d::eig::<f64>),
                la!([Complex128] -> [Complex128, Complex128], d::eig::<C>),
            ],
            "Eigenvalues and right eigenvectors of square matrices.",
        ),
        gu(
            "eigvals",
            1,
            1,
            "(m,m)->(m)",
            vec![
                la!([Float64] -> [Complex128], d::eigvals::<f64>),
                la!([Complex128] -> [Complex128], d::eigvals::<C>),
            ],
            "Eigenvalues of square matrices.",
        ),
        with(
            gu(
                "svd",
                1,
                1,
                "(m,n)->(p)",
                vec![
                    la!([Float64] -> [Float64], d::svd_n::<f64>),
                    la!([Complex128] -> [Float64], d::svd_n::<C>),
                ],
                "Singular values.",
            ),
            min_mn,
        ),
        with(
            gu(
                "svd_s",
                1,
                3,
                "(m,n)->(m,p),(p),(p,n)",
                vec![
                    la!([Float64] -> [Float64, Float64, Float64], d::svd_s::<f64>),
                    la!([Complex128] -> [Complex128, Float64, Complex128], d::svd_s::<C>),
                ],
                "Reduced singular value decomposition.",
            ),
            min_mn,
        ),
        with(
            gu(
                "svd_f",
                1,
                3,
                "(m,n)->(m,m),(p),(n,n)",
                vec![
                    la!([Float64] -> [Float64, Float64, Float64], d::svd_f::<f64>),
                    la!([Complex128] -> [Complex128, Float64, Complex128], d::svd_f::<C>),
                ],
                "Full singular value decomposition.",
            ),
            min_mn,
        ),
        with(
            gu(
                "qr_r_raw",
                1,
                2,
                "(m,n)->(m,n),(p)",
                vec![
                    la!([Float64] -> [Float64, Float64], d::qr_r_raw::<f64>),
                    la!([Complex128] -> [Complex128, Complex128], d::qr_r_raw::<C>),
                ],
                "QR factorization in LAPACK's raw form (factored matrix and tau).",
            ),
            min_mn,
        ),
        with(
            gu(
                "qr_reduced",
                1,
                2,
                "(m,n)->(m,p),(p,n)",
                vec![
                    la!([Float64] -> [Float64, Float64], d::qr_reduced::<f64>),
                    la!([Complex128] -> [Complex128, Complex128], d::qr_reduced::<C>),
                ],
                "Reduced QR factorization.",
            ),
            min_mn,
        ),
        gu(
            "qr_complete",
            1,
            2,
            "(m,n)->(m,m),(m,n)",
            vec![
                la!([Float64] -> [Float64, Float64], d::qr_complete::<f64>),
                la!([Complex128] -> [Complex128, Complex128], d::qr_complete::<C>),
            ],
            "Complete QR factorization.",
        ),
        with(
            gu(
                "lstsq",
                3,
                4,
                "(m,n),(m,k),()->(n,k),(k),(),(p)",
                vec![
                    la!([Float64, Float64, Float64] -> [Float64, Float64, Int32, Float64], d::lstsq::<f64>),
                    la!([Complex128, Complex128, Float64] -> [Complex128, Float64, Int32, Float64], d::lstsq::<C>),
                ],
                "Least-squares solution of a x = b.",
            ),
            |s| d::min_dim(s, 0, 1, 3),
        ),
    ]
}

/// The private generalized ufuncs of `rumpy.fft` (numpy's `_pocketfft_umath`, see
/// `loops/fft.rs`): the second operand is the factor the result is multiplied by; the output
/// length comes from `out`.
pub fn fft_rows() -> Vec<Ufunc> {
    use crate::loops::fft as f;
    let gu = |name, sig: &str, loops, doc| Ufunc {
        core: Some(super::gufunc::CoreSignature::parse(sig).expect("a valid built-in signature")),
        core_cost: Some(f::fft_cost),
        // NumPy's legacy search over the loops, single precision first: a Python number as
        // the factor takes the array's precision.
        resolver: Resolver::PerOperand,
        ..row(name, 2, Identity::None, loops, doc)
    };
    vec![
        gu(
            "fft",
            "(n),()->(m)",
            vec![
                la!([Complex64, Float32] -> [Complex64], f::forward::<f32>),
                la!([Complex128, Float64] -> [Complex128], f::forward::<f64>),
            ],
            "complex forward FFT",
        ),
        gu(
            "ifft",
            "(m),()->(n)",
            vec![
                la!([Complex64, Float32] -> [Complex64], f::backward::<f32>),
                la!([Complex128, Float64] -> [Complex128], f::backward::<f64>),
            ],
            "complex backward FFT",
        ),
        gu(
            "rfft_n_even",
            "(n),()->(m)",
            vec![
                la!([Float32, Float32] -> [Complex64], f::rfft_even::<f32>),
                la!([Float64, Float64] -> [Complex128], f::rfft_even::<f64>),
            ],
            "real forward FFT for even n",
        ),
        gu(
            "rfft_n_odd",
            "(n),()->(m)",
            vec![
                la!([Float32, Float32] -> [Complex64], f::rfft_odd::<f32>),
                la!([Float64, Float64] -> [Complex128], f::rfft_odd::<f64>),
            ],
            "real forward FFT for odd n",
        ),
        gu(
            "irfft",
            "(m),()->(n)",
            vec![
                la!([Complex64, Float32] -> [Float32], f::c2r::<f32>),
                la!([Complex128, Float64] -> [Float64], f::c2r::<f64>),
            ],
            "real backward FFT",
        ),
    ]
}
