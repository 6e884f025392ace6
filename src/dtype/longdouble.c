/*
 * The arithmetic of the longdouble (`g`) and clongdouble (`G`) families: C's `long double`
 * (x87 80-bit extended precision on x86-64, stored in 16 bytes) and its complex type.
 *
 * Every loop walks strided memory (byte strides), reads and writes items through memcpy
 * (items need not be aligned) and returns the floating-point conditions it raised as
 * rumpy's status bits: 1 divide by zero, 2 overflow, 4 invalid, 16 underflow. The loops
 * follow NumPy's longdouble loops (loops.c.src, npy_math_internal.h.src,
 * npy_math_complex.c.src): the same formulas in the same order, so results agree bit for bit.
 */
#include <complex.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef long double ld;
typedef unsigned char u8;

#define LD_BYTES 10 /* the bytes of an x87 value; the rest of the 16 is padding */

/* A long double at any address: loads and stores go straight to memory (a bounce through a
 * stack copy costs a store-forwarding stall per item). */
#if defined(__GNUC__)
typedef ld ld_any __attribute__((aligned(1), may_alias));
#endif

static inline ld get(const u8 *p) {
#if defined(__GNUC__)
    return *(const ld_any *)p;
#else
    ld v;
    memcpy(&v, p, sizeof v);
    return v;
#endif
}

static inline void put(u8 *p, ld v) {
#if defined(__GNUC__) && LDBL_MANT_DIG == 64 && __SIZEOF_LONG_DOUBLE__ == 16
    /* The x87 store writes the value's 10 bytes; the padding is zeroed. */
    *(ld_any *)p = v;
    memset(p + LD_BYTES, 0, sizeof(ld) - LD_BYTES);
#else
    memcpy(p, &v, sizeof v);
#endif
}

static inline void clear_status(void) { feclearexcept(FE_ALL_EXCEPT); }

static inline uint32_t status(void) {
    int e = fetestexcept(FE_ALL_EXCEPT);
    return ((e & FE_DIVBYZERO) ? 1u : 0u) | ((e & FE_OVERFLOW) ? 2u : 0u) |
           ((e & FE_INVALID) ? 4u : 0u) | ((e & FE_UNDERFLOW) ? 16u : 0u);
}

/* ---------------------------------------------------------------- real functions */

static ld npy_divmodl(ld a, ld b, ld *modulus) {
    ld div, mod, floordiv;
    mod = fmodl(a, b);
    if (!b) {
        *modulus = mod;
        return a / b;
    }
    div = (a - mod) / b;
    if (mod) {
        if (isless(b, 0.0L) != isless(mod, 0.0L)) {
            mod += b;
            div -= 1.0L;
        }
    } else {
        mod = copysignl(0, b);
    }
    if (div) {
        floordiv = floorl(div);
        if (isgreater(div - floordiv, 0.5L)) {
            floordiv += 1.0L;
        }
    } else {
        floordiv = copysignl(0, a / b);
    }
    *modulus = mod;
    return floordiv;
}

static ld remainder_py(ld a, ld b) {
    ld mod;
    if (!b) {
        return fmodl(a, b);
    }
    npy_divmodl(a, b, &mod);
    return mod;
}

static ld floor_divide_py(ld a, ld b) {
    ld mod;
    if (!b) {
        return a / b;
    }
    return npy_divmodl(a, b, &mod);
}

#define LOGE2L 0.693147180559945309417232121458176568L
#define LOG2EL 1.442695040888963407359924681001892137L
#define LOG10EL 0.434294481903251827651128918916605082L
#define PIL 3.141592653589793238462643383279502884L

static ld logaddexpl(ld x, ld y) {
    if (x == y) {
        return x + LOGE2L;
    }
    ld tmp = x - y;
    if (tmp > 0) {
        return x + log1pl(expl(-tmp));
    } else if (tmp <= 0) {
        return y + log1pl(expl(tmp));
    }
    return tmp;
}

static ld logaddexp2l(ld x, ld y) {
    if (x == y) {
        return x + 1;
    }
    ld tmp = x - y;
    if (tmp > 0) {
        return x + LOG2EL * log1pl(exp2l(-tmp));
    } else if (tmp <= 0) {
        return y + LOG2EL * log1pl(exp2l(tmp));
    }
    return tmp;
}

static ld heavisidel(ld x, ld h0) {
    if (isnan(x)) {
        return (ld)NAN;
    } else if (x == 0) {
        return h0;
    } else if (x < 0) {
        return 0.0L;
    }
    return 1.0L;
}

static ld spacingl(ld x) {
    /* NumPy's npy_spacing: the gap to the next value away from zero. */
    if (isinf(x)) {
        return (ld)NAN;
    }
    if (x == 0) {
        return nextafterl(x, (ld)INFINITY) - x;
    }
    return nextafterl(x, copysignl((ld)INFINITY, x)) - x;
}

static ld maximum_nan(ld a, ld b) { return (a >= b || isnan(a)) ? a : b; }
static ld minimum_nan(ld a, ld b) { return (a <= b || isnan(a)) ? a : b; }
/* C's fmaxl/fminl as glibc computes them on x86-64: NaN loses; of equal values (signed
 * zeros) fmax gives the second, fmin the first. */
static ld fmax_c(ld a, ld b) { return (isgreater(a, b) || isnan(b)) ? a : b; }
static ld fmin_c(ld a, ld b) { return (islessequal(a, b) || isnan(b)) ? a : b; }

/* ---------------------------------------------------------------- real loops */

enum {
    R_NEGATIVE, R_POSITIVE, R_ABSOLUTE, R_SQRT, R_CBRT, R_EXP, R_EXP2, R_EXPM1, R_LOG,
    R_LOG2, R_LOG10, R_LOG1P, R_SIN, R_COS, R_TAN, R_ARCSIN, R_ARCCOS, R_ARCTAN, R_SINH,
    R_COSH, R_TANH, R_ARCSINH, R_ARCCOSH, R_ARCTANH, R_FLOOR, R_CEIL, R_TRUNC, R_RINT,
    R_SQUARE, R_RECIPROCAL, R_SIGN, R_DEG2RAD, R_RAD2DEG, R_SPACING, R_CONJUGATE
};

#define UNARY_CASE(code, expr)                                                          \
    case code:                                                                          \
        for (size_t i = 0; i < n; i++, a += sa, o += so) {                              \
            const ld x = get(a);                                                        \
            put(o, (expr));                                                             \
        }                                                                               \
        break;

static uint32_t ld_unary(int op, const u8 *a, ptrdiff_t sa, u8 *o, ptrdiff_t so, size_t n) {
    clear_status();
    int quiet = 0;
    switch (op) {
        UNARY_CASE(R_NEGATIVE, -x)
        UNARY_CASE(R_POSITIVE, +x)
        UNARY_CASE(R_CONJUGATE, x)
        case R_ABSOLUTE:
            for (size_t i = 0; i < n; i++, a += sa, o += so) {
                const ld x = get(a);
                const ld t = x > 0 ? x : -x;
                put(o, t + 0);
            }
            quiet = 1;
            break;
        UNARY_CASE(R_SQRT, sqrtl(x))
        UNARY_CASE(R_CBRT, cbrtl(x))
        UNARY_CASE(R_EXP, expl(x))
        UNARY_CASE(R_EXP2, exp2l(x))
        UNARY_CASE(R_EXPM1, expm1l(x))
        UNARY_CASE(R_LOG, logl(x))
        UNARY_CASE(R_LOG2, log2l(x))
        UNARY_CASE(R_LOG10, log10l(x))
        UNARY_CASE(R_LOG1P, log1pl(x))
        UNARY_CASE(R_SIN, sinl(x))
        UNARY_CASE(R_COS, cosl(x))
        UNARY_CASE(R_TAN, tanl(x))
        UNARY_CASE(R_ARCSIN, asinl(x))
        UNARY_CASE(R_ARCCOS, acosl(x))
        UNARY_CASE(R_ARCTAN, atanl(x))
        UNARY_CASE(R_SINH, sinhl(x))
        UNARY_CASE(R_COSH, coshl(x))
        UNARY_CASE(R_TANH, tanhl(x))
        UNARY_CASE(R_ARCSINH, asinhl(x))
        UNARY_CASE(R_ARCCOSH, acoshl(x))
        UNARY_CASE(R_ARCTANH, atanhl(x))
        UNARY_CASE(R_FLOOR, floorl(x))
        UNARY_CASE(R_CEIL, ceill(x))
        UNARY_CASE(R_TRUNC, truncl(x))
        UNARY_CASE(R_RINT, rintl(x))
        UNARY_CASE(R_SQUARE, x * x)
        UNARY_CASE(R_RECIPROCAL, 1 / x)
        case R_SIGN:
            for (size_t i = 0; i < n; i++, a += sa, o += so) {
                const ld x = get(a);
                put(o, x > 0 ? 1 : (x < 0 ? -1 : (x == 0 ? 0 : x)));
            }
            quiet = 1;
            break;
        UNARY_CASE(R_DEG2RAD, x * (PIL / 180.0L))
        UNARY_CASE(R_RAD2DEG, x * (180.0L / PIL))
        UNARY_CASE(R_SPACING, spacingl(x))
        default:
            return 0;
    }
    return quiet ? 0 : status();
}

enum {
    B_ADD, B_SUBTRACT, B_MULTIPLY, B_DIVIDE, B_POWER, B_ARCTAN2, B_HYPOT, B_COPYSIGN,
    B_NEXTAFTER, B_FMOD, B_REMAINDER, B_FLOOR_DIVIDE, B_MAXIMUM, B_MINIMUM, B_FMAX, B_FMIN,
    B_LOGADDEXP, B_LOGADDEXP2, B_HEAVISIDE
};

/* One binary operation's loop; in a reduction (the accumulator is input and output at
 * stride 0) the accumulator stays in a register, as NumPy's reduce loops keep it. */
#define BINARY_CASE(code, expr)                                                         \
    case code:                                                                          \
        if (reduce) {                                                                   \
            ld x = get(a);                                                              \
            for (size_t i = 0; i < n; i++, b += sb) {                                   \
                const ld y = get(b);                                                    \
                x = (expr);                                                             \
            }                                                                           \
            put(o, x);                                                                  \
        } else {                                                                        \
            for (size_t i = 0; i < n; i++, a += sa, b += sb, o += so) {                 \
                const ld x = get(a), y = get(b);                                        \
                put(o, (expr));                                                         \
            }                                                                           \
        }                                                                               \
        break;

/* NumPy's pairwise summation of n items (loops_utils.h.src). */
static ld pairwise_sum(const u8 *a, ptrdiff_t n, ptrdiff_t stride) {
    if (n < 8) {
        ld res = -0.0L;
        for (ptrdiff_t i = 0; i < n; i++) {
            res += get(a + i * stride);
        }
        return res;
    } else if (n <= 128) {
        ld r[8], res;
        ptrdiff_t i;
        for (int k = 0; k < 8; k++) {
            r[k] = get(a + k * stride);
        }
        for (i = 8; i < n - (n % 8); i += 8) {
            for (int k = 0; k < 8; k++) {
                r[k] += get(a + (i + k) * stride);
            }
        }
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) {
            res += get(a + i * stride);
        }
        return res;
    } else {
        ptrdiff_t n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise_sum(a, n2, stride) + pairwise_sum(a + n2 * stride, n - n2, stride);
    }
}

static uint32_t ld_binary(int op, const u8 *a, ptrdiff_t sa, const u8 *b, ptrdiff_t sb, u8 *o,
                         ptrdiff_t so, size_t n) {
    clear_status();
    const int reduce = a == o && sa == 0 && so == 0;
    if (op == B_ADD && reduce) {
        /* A sum into the accumulator: NumPy's pairwise sum. */
        put(o, get(a) + pairwise_sum(b, (ptrdiff_t)n, sb));
        return status();
    }
    switch (op) {
        BINARY_CASE(B_ADD, x + y)
        BINARY_CASE(B_SUBTRACT, x - y)
        BINARY_CASE(B_MULTIPLY, x * y)
        BINARY_CASE(B_DIVIDE, x / y)
        BINARY_CASE(B_POWER, powl(x, y))
        BINARY_CASE(B_ARCTAN2, atan2l(x, y))
        BINARY_CASE(B_HYPOT, hypotl(x, y))
        BINARY_CASE(B_COPYSIGN, copysignl(x, y))
        BINARY_CASE(B_NEXTAFTER, nextafterl(x, y))
        BINARY_CASE(B_FMOD, fmodl(x, y))
        BINARY_CASE(B_REMAINDER, remainder_py(x, y))
        BINARY_CASE(B_FLOOR_DIVIDE, floor_divide_py(x, y))
        BINARY_CASE(B_LOGADDEXP, logaddexpl(x, y))
        BINARY_CASE(B_LOGADDEXP2, logaddexp2l(x, y))
        BINARY_CASE(B_HEAVISIDE, heavisidel(x, y))
        BINARY_CASE(B_MAXIMUM, maximum_nan(x, y))
        BINARY_CASE(B_MINIMUM, minimum_nan(x, y))
        BINARY_CASE(B_FMAX, fmax_c(x, y))
        BINARY_CASE(B_FMIN, fmin_c(x, y))
        default:
            return 0;
    }
    /* The extrema raise nothing (NumPy clears what comparing NaN raised). */
    if (op == B_MAXIMUM || op == B_MINIMUM || op == B_FMAX || op == B_FMIN) {
        clear_status();
        return 0;
    }
    return status();
}

enum { C_EQ, C_NE, C_LT, C_LE, C_GT, C_GE, C_AND, C_OR, C_XOR };

#define COMPARE_CASE(code, expr)                                                        \
    case code:                                                                          \
        for (size_t i = 0; i < n; i++, a += sa, b += sb, o += so) {                     \
            const ld x = get(a), y = get(b);                                            \
            *o = (u8)((expr) ? 1 : 0);                                                  \
        }                                                                               \
        break;

/* Comparisons and logical operations to bool; they raise nothing (NumPy clears). */
static uint32_t ld_compare(int op, const u8 *a, ptrdiff_t sa, const u8 *b, ptrdiff_t sb, u8 *o,
                          ptrdiff_t so, size_t n) {
    switch (op) {
        COMPARE_CASE(C_EQ, x == y)
        COMPARE_CASE(C_NE, x != y)
        COMPARE_CASE(C_LT, isless(x, y))
        COMPARE_CASE(C_LE, islessequal(x, y))
        COMPARE_CASE(C_GT, isgreater(x, y))
        COMPARE_CASE(C_GE, isgreaterequal(x, y))
        COMPARE_CASE(C_AND, x && y)
        COMPARE_CASE(C_OR, x || y)
        COMPARE_CASE(C_XOR, (!!x) != (!!y))
        default:
            break;
    }
    clear_status();
    return 0;
}

enum { P_ISNAN, P_ISINF, P_ISFINITE, P_SIGNBIT, P_NOT };

static uint32_t ld_predicate(int op, const u8 *a, ptrdiff_t sa, u8 *o, ptrdiff_t so, size_t n) {
    for (size_t i = 0; i < n; i++, a += sa, o += so) {
        const ld x = get(a);
        int r;
        switch (op) {
            case P_ISNAN: r = isnan(x); break;
            case P_ISINF: r = isinf(x); break;
            case P_ISFINITE: r = isfinite(x); break;
            case P_SIGNBIT: r = signbit(x); break;
            default: r = !x; break;
        }
        *o = (u8)(r != 0);
    }
    clear_status();
    return 0;
}

/* modf: fractional part and integral part. */
static uint32_t ld_modf(const u8 *a, ptrdiff_t sa, u8 *o1, ptrdiff_t s1, u8 *o2, ptrdiff_t s2,
                       size_t n) {
    clear_status();
    for (size_t i = 0; i < n; i++, a += sa, o1 += s1, o2 += s2) {
        ld ip;
        const ld f = modfl(get(a), &ip);
        put(o1, f);
        put(o2, ip);
    }
    return status();
}

/* frexp: mantissa and the int32 exponent. */
static uint32_t ld_frexp(const u8 *a, ptrdiff_t sa, u8 *o1, ptrdiff_t s1, u8 *o2, ptrdiff_t s2,
                        size_t n) {
    clear_status();
    for (size_t i = 0; i < n; i++, a += sa, o1 += s1, o2 += s2) {
        int e = 0;
        const ld m = frexpl(get(a), &e);
        put(o1, m);
        int32_t e32 = (int32_t)e;
        memcpy(o2, &e32, 4);
    }
    return status();
}

/* ldexp with an int64 exponent (NumPy's ldexp_int64 loop). */
static uint32_t ld_ldexp(const u8 *a, ptrdiff_t sa, const u8 *b, ptrdiff_t sb, u8 *o, ptrdiff_t so,
                        size_t n) {
    clear_status();
    for (size_t i = 0; i < n; i++, a += sa, b += sb, o += so) {
        int64_t e;
        memcpy(&e, b, 8);
        int k = ((int)e == e) ? (int)e : (e > 0 ? 2147483647 : (-2147483647 - 1));
        put(o, ldexpl(get(a), k));
    }
    return status();
}

/* divmod: floor quotient and Python's remainder. */
static uint32_t ld_divmod(const u8 *a, ptrdiff_t sa, const u8 *b, ptrdiff_t sb, u8 *o1,
                         ptrdiff_t s1, u8 *o2, ptrdiff_t s2, size_t n) {
    clear_status();
    for (size_t i = 0; i < n; i++, a += sa, b += sb, o1 += s1, o2 += s2) {
        ld mod;
        const ld q = npy_divmodl(get(a), get(b), &mod);
        put(o1, q);
        put(o2, mod);
    }
    return status();
}

/* ---------------------------------------------------------------- complex */

typedef struct {
    ld r, i;
} cld;

static inline cld cget(const u8 *p) {
    cld v;
    v.r = get(p);
    v.i = get(p + sizeof(ld));
    return v;
}

static inline void cput(u8 *p, cld v) {
    put(p, v.r);
    put(p + sizeof(ld), v.i);
}

static inline cld pack(ld r, ld i) {
    cld v = {r, i};
    return v;
}

static inline long double _Complex to_c(cld v) { return CMPLXL(v.r, v.i); }
static inline cld from_c(long double _Complex z) { return pack(creall(z), cimagl(z)); }

static cld cmul(cld a, cld b) { return pack(a.r * b.r - a.i * b.i, a.r * b.i + a.i * b.r); }

static cld cdiv(cld a, cld b) {
    const ld abr = fabsl(b.r), abi = fabsl(b.i);
    if (abr >= abi) {
        if (abr == 0 && abi == 0) {
            return pack(a.r / abr, a.i / abi);
        }
        const ld rat = b.i / b.r;
        const ld scl = 1.0L / (b.r + b.i * rat);
        return pack((a.r + a.i * rat) * scl, (a.i - a.r * rat) * scl);
    }
    const ld rat = b.r / b.i;
    const ld scl = 1.0L / (b.i + b.r * rat);
    return pack((a.r * rat + a.i) * scl, (a.i * rat - a.r) * scl);
}

/* NumPy's npy_cpowl: exact small integer powers by repeated multiplication. */
static cld cpow_np(cld a, cld b) {
    ptrdiff_t n;
    if (b.r == 0. && b.i == 0.) {
        return pack(1., 0.);
    } else if (a.r == 0. && a.i == 0.) {
        if (b.r > 0) {
            return pack(0., 0.);
        }
        volatile ld tmp = (ld)INFINITY;
        tmp -= (ld)INFINITY;
        (void)tmp;
        return pack((ld)NAN, (ld)NAN);
    }
    if (b.i == 0 && b.r > -100 && b.r < 100 && (ld)(n = (ptrdiff_t)b.r) == b.r) {
        if (n == 1) {
            return a;
        } else if (n == 2) {
            return cmul(a, a);
        } else if (n == 3) {
            return cmul(a, cmul(a, a));
        } else if (n > -100 && n < 100) {
            cld p, aa;
            ptrdiff_t mask = 1;
            if (n < 0) {
                n = -n;
            }
            aa = pack(1., 0.);
            p = a;
            while (1) {
                if (n & mask) {
                    aa = cmul(aa, p);
                }
                mask <<= 1;
                if (n < mask || mask <= 0) {
                    break;
                }
                p = cmul(p, p);
            }
            if (b.r < 0) {
                aa = cdiv(pack(1., 0.), aa);
            }
            return aa;
        }
    }
    return from_c(cpowl(to_c(a), to_c(b)));
}

static cld csign_np(cld x) {
    const ld ab = hypotl(x.r, x.i);
    if (isnan(ab)) {
        return pack((ld)NAN, (ld)NAN);
    } else if (isinf(ab)) {
        if (isinf(x.r)) {
            if (isinf(x.i)) {
                return pack((ld)NAN, (ld)NAN);
            }
            return pack(x.r > 0 ? 1. : -1., 0.);
        }
        return pack(0., x.i > 0 ? 1. : -1.);
    } else if (ab == 0) {
        return pack(0., 0.);
    }
    return pack(x.r / ab, x.i / ab);
}

static cld creciprocal_np(cld x) {
    if (fabsl(x.i) <= fabsl(x.r)) {
        const ld r = x.i / x.r;
        const ld d = x.r + x.i * r;
        return pack(1 / d, -r / d);
    }
    const ld r = x.r / x.i;
    const ld d = x.r * r + x.i;
    return pack(r / d, -1 / d);
}

static cld clog1p_np(cld x) {
    const ld l = hypotl(x.r + 1, x.i);
    return pack(logl(l), atan2l(x.i, x.r + 1));
}

static cld cexpm1_np(cld x) {
    const ld a = sinl(x.i / 2);
    return pack(expm1l(x.r) * cosl(x.i) - 2 * a * a, expl(x.r) * sinl(x.i));
}

static cld cscale(cld z, ld k) { return pack(z.r * k, z.i * k); }

enum {
    CU_NEGATIVE, CU_POSITIVE, CU_CONJUGATE, CU_SQUARE, CU_RECIPROCAL, CU_SIGN, CU_SQRT, CU_EXP,
    CU_EXP2, CU_EXPM1, CU_LOG, CU_LOG2, CU_LOG10, CU_LOG1P, CU_SIN, CU_COS, CU_TAN, CU_ARCSIN,
    CU_ARCCOS, CU_ARCTAN, CU_SINH, CU_COSH, CU_TANH, CU_ARCSINH, CU_ARCCOSH, CU_ARCTANH, CU_RINT
};

static uint32_t cld_unary(int op, const u8 *a, ptrdiff_t sa, u8 *o, ptrdiff_t so, size_t n) {
    clear_status();
    for (size_t i = 0; i < n; i++, a += sa, o += so) {
        const cld x = cget(a);
        cld r;
        switch (op) {
            case CU_NEGATIVE: r = pack(-x.r, -x.i); break;
            case CU_POSITIVE: r = pack(+x.r, +x.i); break;
            case CU_CONJUGATE: r = pack(x.r, -x.i); break;
            case CU_SQUARE: r = pack(x.r * x.r - x.i * x.i, x.r * x.i + x.i * x.r); break;
            case CU_RECIPROCAL: r = creciprocal_np(x); break;
            case CU_SIGN: r = csign_np(x); break;
            case CU_SQRT: r = from_c(csqrtl(to_c(x))); break;
            case CU_EXP: r = from_c(cexpl(to_c(x))); break;
            case CU_EXP2: r = from_c(cexpl(to_c(cscale(x, LOGE2L)))); break;
            case CU_EXPM1: r = cexpm1_np(x); break;
            case CU_LOG: r = from_c(clogl(to_c(x))); break;
            case CU_LOG2: r = cscale(from_c(clogl(to_c(x))), LOG2EL); break;
            case CU_LOG10: r = cscale(from_c(clogl(to_c(x))), LOG10EL); break;
            case CU_LOG1P: r = clog1p_np(x); break;
            case CU_SIN: r = from_c(csinl(to_c(x))); break;
            case CU_COS: r = from_c(ccosl(to_c(x))); break;
            case CU_TAN: r = from_c(ctanl(to_c(x))); break;
            case CU_ARCSIN: r = from_c(casinl(to_c(x))); break;
            case CU_ARCCOS: r = from_c(cacosl(to_c(x))); break;
            case CU_ARCTAN: r = from_c(catanl(to_c(x))); break;
            case CU_SINH: r = from_c(csinhl(to_c(x))); break;
            case CU_COSH: r = from_c(ccoshl(to_c(x))); break;
            case CU_TANH: r = from_c(ctanhl(to_c(x))); break;
            case CU_ARCSINH: r = from_c(casinhl(to_c(x))); break;
            case CU_ARCCOSH: r = from_c(cacoshl(to_c(x))); break;
            case CU_ARCTANH: r = from_c(catanhl(to_c(x))); break;
            default: r = pack(rintl(x.r), rintl(x.i)); break;
        }
        cput(o, r);
    }
    return (op == CU_SIGN) ? 0 : status();
}

/* |z| (to the real type). */
static uint32_t cld_absolute(const u8 *a, ptrdiff_t sa, u8 *o, ptrdiff_t so, size_t n) {
    clear_status();
    for (size_t i = 0; i < n; i++, a += sa, o += so) {
        const cld x = cget(a);
        put(o, hypotl(x.r, x.i));
    }
    return status();
}

static inline int cge(cld x, cld y) {
    return (x.r > y.r && !isnan(x.i) && !isnan(y.i)) || (x.r == y.r && x.i >= y.i);
}
static inline int cle(cld x, cld y) {
    return (x.r < y.r && !isnan(x.i) && !isnan(y.i)) || (x.r == y.r && x.i <= y.i);
}
static inline int cgt(cld x, cld y) {
    return (x.r > y.r && !isnan(x.i) && !isnan(y.i)) || (x.r == y.r && x.i > y.i);
}
static inline int clt(cld x, cld y) {
    return (x.r < y.r && !isnan(x.i) && !isnan(y.i)) || (x.r == y.r && x.i < y.i);
}

/* NumPy's complex pairwise summation (loops_utils.h.src), n complex items. */
static void cpairwise_sum(ld *rr, ld *ri, const u8 *a, ptrdiff_t n, ptrdiff_t stride) {
    if (n < 4) {
        *rr = -0.0L;
        *ri = -0.0L;
        for (ptrdiff_t k = 0; k < n; k++) {
            const cld v = cget(a + k * stride);
            *rr += v.r;
            *ri += v.i;
        }
    } else if (n <= 64) {
        /* NumPy counts 2n floats in blocks of 8 (4 complex items). */
        ld r[8];
        ptrdiff_t k;
        for (int j = 0; j < 4; j++) {
            const cld v = cget(a + j * stride);
            r[2 * j] = v.r;
            r[2 * j + 1] = v.i;
        }
        const ptrdiff_t m = 2 * n;
        for (k = 4; 2 * k < m - (m % 8); k += 4) {
            for (int j = 0; j < 4; j++) {
                const cld v = cget(a + (k + j) * stride);
                r[2 * j] += v.r;
                r[2 * j + 1] += v.i;
            }
        }
        *rr = ((r[0] + r[2]) + (r[4] + r[6]));
        *ri = ((r[1] + r[3]) + (r[5] + r[7]));
        for (; k < n; k++) {
            const cld v = cget(a + k * stride);
            *rr += v.r;
            *ri += v.i;
        }
    } else {
        ld rr1, ri1, rr2, ri2;
        ptrdiff_t n2 = (2 * n) / 2;
        n2 -= n2 % 8; /* floats */
        cpairwise_sum(&rr1, &ri1, a, n2 / 2, stride);
        cpairwise_sum(&rr2, &ri2, a + (n2 / 2) * stride, n - n2 / 2, stride);
        *rr = rr1 + rr2;
        *ri = ri1 + ri2;
    }
}

static uint32_t cld_binary(int op, const u8 *a, ptrdiff_t sa, const u8 *b, ptrdiff_t sb, u8 *o,
                          ptrdiff_t so, size_t n) {
    clear_status();
    int quiet = (op == B_MAXIMUM || op == B_MINIMUM || op == B_FMAX || op == B_FMIN);
    if (op == B_ADD && a == o && sa == 0 && so == 0) {
        ld rr, ri;
        cpairwise_sum(&rr, &ri, b, (ptrdiff_t)n, sb);
        cld acc = cget(a);
        acc.r += rr;
        acc.i += ri;
        cput(o, acc);
        return status();
    }
    for (size_t i = 0; i < n; i++, a += sa, b += sb, o += so) {
        const cld x = cget(a), y = cget(b);
        cld r;
        switch (op) {
            case B_ADD: r = pack(x.r + y.r, x.i + y.i); break;
            case B_SUBTRACT: r = pack(x.r - y.r, x.i - y.i); break;
            case B_MULTIPLY: r = cmul(x, y); break;
            case B_DIVIDE: r = cdiv(x, y); break;
            case B_POWER: r = cpow_np(x, y); break;
            case B_MAXIMUM:
                r = (isnan(x.r) || isnan(x.i) || cge(x, y)) ? x : y;
                break;
            case B_MINIMUM:
                r = (isnan(x.r) || isnan(x.i) || cle(x, y)) ? x : y;
                break;
            case B_FMAX:
                r = (isnan(y.r) || isnan(y.i) || cge(x, y)) ? x : y;
                break;
            case B_FMIN:
                r = (isnan(y.r) || isnan(y.i) || cle(x, y)) ? x : y;
                break;
            default: r = pack(0, 0); break;
        }
        cput(o, r);
    }
    if (quiet) {
        clear_status();
        return 0;
    }
    return status();
}

static uint32_t cld_compare(int op, const u8 *a, ptrdiff_t sa, const u8 *b, ptrdiff_t sb, u8 *o,
                           ptrdiff_t so, size_t n) {
    for (size_t i = 0; i < n; i++, a += sa, b += sb, o += so) {
        const cld x = cget(a), y = cget(b);
        int r;
        switch (op) {
            case C_EQ: r = x.r == y.r && x.i == y.i; break;
            case C_NE: r = x.r != y.r || x.i != y.i; break;
            case C_LT: r = clt(x, y); break;
            case C_LE: r = cle(x, y); break;
            case C_GT: r = cgt(x, y); break;
            case C_GE: r = cge(x, y); break;
            case C_AND: r = (x.r || x.i) && (y.r || y.i); break;
            case C_OR: r = (x.r || x.i) || (y.r || y.i); break;
            default: r = (x.r || x.i) != (y.r || y.i); break;
        }
        *o = (u8)(r != 0);
    }
    clear_status();
    return 0;
}

static uint32_t cld_predicate(int op, const u8 *a, ptrdiff_t sa, u8 *o, ptrdiff_t so, size_t n) {
    for (size_t i = 0; i < n; i++, a += sa, o += so) {
        const cld x = cget(a);
        int r;
        switch (op) {
            case P_ISNAN: r = isnan(x.r) || isnan(x.i); break;
            case P_ISINF: r = isinf(x.r) || isinf(x.i); break;
            case P_ISFINITE: r = isfinite(x.r) && isfinite(x.i); break;
            default: r = !(x.r || x.i); break;
        }
        *o = (u8)(r != 0);
    }
    clear_status();
    return 0;
}

/* ---------------------------------------------------------------- the entry point */

/* The loop kinds (longdouble.rs's `Kind`), each taking an operation code of its own. */
enum {
    L_UNARY, L_BINARY, L_COMPARE, L_PREDICATE, L_MODF, L_FREXP, L_LDEXP, L_DIVMOD, L_CUNARY,
    L_CABSOLUTE, L_CBINARY, L_CCOMPARE, L_CPREDICATE
};

/* One strided ufunc loop: `p`/`s` hold the operands' pointers and byte strides, inputs then
 * outputs, as the engine's strided loops take them. */
uint32_t rumpy_ld_loop(int kind, int op, u8 *const *p, const ptrdiff_t *s, size_t n) {
    switch (kind) {
        case L_UNARY: return ld_unary(op, p[0], s[0], p[1], s[1], n);
        case L_BINARY: return ld_binary(op, p[0], s[0], p[1], s[1], p[2], s[2], n);
        case L_COMPARE: return ld_compare(op, p[0], s[0], p[1], s[1], p[2], s[2], n);
        case L_PREDICATE: return ld_predicate(op, p[0], s[0], p[1], s[1], n);
        case L_MODF: return ld_modf(p[0], s[0], p[1], s[1], p[2], s[2], n);
        case L_FREXP: return ld_frexp(p[0], s[0], p[1], s[1], p[2], s[2], n);
        case L_LDEXP: return ld_ldexp(p[0], s[0], p[1], s[1], p[2], s[2], n);
        case L_DIVMOD: return ld_divmod(p[0], s[0], p[1], s[1], p[2], s[2], p[3], s[3], n);
        case L_CUNARY: return cld_unary(op, p[0], s[0], p[1], s[1], n);
        case L_CABSOLUTE: return cld_absolute(p[0], s[0], p[1], s[1], n);
        case L_CBINARY: return cld_binary(op, p[0], s[0], p[1], s[1], p[2], s[2], n);
        case L_CCOMPARE: return cld_compare(op, p[0], s[0], p[1], s[1], p[2], s[2], n);
        case L_CPREDICATE: return cld_predicate(op, p[0], s[0], p[1], s[1], n);
        default: return 0;
    }
}

/* ---------------------------------------------------------------- casts */

/* The numeric kinds a cast reads or writes. */
enum {
    K_BOOL, K_I8, K_U8, K_I16, K_U16, K_I32, K_U32, K_I64, K_U64, K_F32, K_F64, K_C64, K_C128,
    K_LD, K_CLD
};

/* The real kinds besides bool and their C types. */
#define REAL_KINDS(X)                                                                   \
    X(K_I8, int8_t)                                                                     \
    X(K_U8, uint8_t)                                                                    \
    X(K_I16, int16_t)                                                                   \
    X(K_U16, uint16_t)                                                                  \
    X(K_I32, int32_t)                                                                   \
    X(K_U32, uint32_t)                                                                  \
    X(K_I64, int64_t)                                                                   \
    X(K_U64, uint64_t)                                                                  \
    X(K_F32, float)                                                                     \
    X(K_F64, double)

/* Reads `m` items of kind `from` as (re, im) pairs: one loop per kind, chosen once. */
static void read_items(int from, const u8 *a, ptrdiff_t sa, ld *re, ld *im, size_t m) {
    for (size_t i = 0; i < m; i++) {
        im[i] = 0;
    }
    switch (from) {
#define READ(K, T)                                                                      \
    case K:                                                                             \
        for (size_t i = 0; i < m; i++, a += sa) {                                       \
            T v;                                                                        \
            memcpy(&v, a, sizeof v);                                                    \
            re[i] = v;                                                                  \
        }                                                                               \
        break;
#define READ2(K, T)                                                                     \
    case K:                                                                             \
        for (size_t i = 0; i < m; i++, a += sa) {                                       \
            T v[2];                                                                     \
            memcpy(v, a, sizeof v);                                                     \
            re[i] = v[0];                                                               \
            im[i] = v[1];                                                               \
        }                                                                               \
        break;
        case K_BOOL:
            for (size_t i = 0; i < m; i++, a += sa) {
                re[i] = *a != 0;
            }
            break;
        REAL_KINDS(READ)
        READ2(K_C64, float)
        READ2(K_C128, double)
        READ(K_LD, ld)
        READ2(K_CLD, ld)
#undef READ
#undef READ2
        default:
            break;
    }
}

/* Writes `m` (re, im) pairs as items of kind `to` (C's conversions; a real kind takes the
 * real part). */
static void write_items(int to, u8 *o, ptrdiff_t so, const ld *re, const ld *im, size_t m) {
    switch (to) {
#define WRITE(K, T)                                                                     \
    case K:                                                                             \
        for (size_t i = 0; i < m; i++, o += so) {                                       \
            T v = (T)re[i];                                                             \
            memcpy(o, &v, sizeof v);                                                    \
        }                                                                               \
        break;
#define WRITE2(K, T)                                                                    \
    case K:                                                                             \
        for (size_t i = 0; i < m; i++, o += so) {                                       \
            T v[2] = {(T)re[i], (T)im[i]};                                              \
            memcpy(o, v, sizeof v);                                                     \
        }                                                                               \
        break;
        case K_BOOL:
            for (size_t i = 0; i < m; i++, o += so) {
                *o = (u8)(re[i] != 0 || im[i] != 0);
            }
            break;
        REAL_KINDS(WRITE)
        WRITE2(K_C64, float)
        WRITE2(K_C128, double)
#undef WRITE
#undef WRITE2
        case K_LD:
            for (size_t i = 0; i < m; i++, o += so) {
                put(o, re[i]);
            }
            break;
        default:
            for (size_t i = 0; i < m; i++, o += so) {
                cput(o, pack(re[i], im[i]));
            }
            break;
    }
}

/* A real kind to K_LD in one pass; false for the other kinds. */
static int real_to_ld(int from, const u8 *a, ptrdiff_t sa, u8 *o, ptrdiff_t so, size_t n) {
    switch (from) {
#define TO_LD(K, T)                                                                     \
    case K:                                                                             \
        for (size_t i = 0; i < n; i++, a += sa, o += so) {                              \
            T v;                                                                        \
            memcpy(&v, a, sizeof v);                                                    \
            put(o, (ld)v);                                                              \
        }                                                                               \
        return 1;
        REAL_KINDS(TO_LD)
#undef TO_LD
        default:
            return 0;
    }
}

/* K_LD to a real kind in one pass; false for the other kinds. */
static int ld_to_real(int to, const u8 *a, ptrdiff_t sa, u8 *o, ptrdiff_t so, size_t n) {
    switch (to) {
#define FROM_LD(K, T)                                                                   \
    case K:                                                                             \
        for (size_t i = 0; i < n; i++, a += sa, o += so) {                              \
            T v = (T)get(a);                                                            \
            memcpy(o, &v, sizeof v);                                                    \
        }                                                                               \
        return 1;
        REAL_KINDS(FROM_LD)
#undef FROM_LD
        default:
            return 0;
    }
}

/* Casts `n` items of kind `from` to kind `to` (one of them K_LD or K_CLD) with C's
 * conversions, as NumPy's cast loops; complex to real takes the real part. Real kinds to
 * and from K_LD go in one pass, the others through (re, im) buffers. */
uint32_t rumpy_ld_cast(int from, const u8 *a, ptrdiff_t sa, int to, u8 *o, ptrdiff_t so,
                       size_t n) {
    enum { CHUNK = 256 };
    ld re[CHUNK], im[CHUNK];
    clear_status();
    if ((to == K_LD && real_to_ld(from, a, sa, o, so, n)) ||
        (from == K_LD && ld_to_real(to, a, sa, o, so, n))) {
        return status();
    }
    for (size_t done = 0; done < n; done += CHUNK) {
        const size_t m = n - done < CHUNK ? n - done : CHUNK;
        read_items(from, a + (ptrdiff_t)done * sa, sa, re, im, m);
        write_items(to, o + (ptrdiff_t)done * so, so, re, im, m);
    }
    return status();
}

/* ---------------------------------------------------------------- text */

/* The shortest decimal digits that read back as `x` (finite): at most 21 significant digits,
 * written into `digits` (NUL-terminated, no sign or point); returns the decimal exponent of
 * the first digit. */
int rumpy_ld_shortest(const u8 *p, char *digits, int *negative) {
    const ld x = get(p);
    char buf[64];
    *negative = signbit(x) != 0;
    const ld ax = fabsl(x);
    int e2;
    /* Reading back is monotone in the digits given (more digits round closer), except where
     * the gaps below and above differ (powers of two): a binary search, a scan there. 21
     * digits always read back. */
    const int scan = frexpl(ax, &e2) == 0.5L || !isfinite(ax);
    int lo = 1, hi = 21;
    while (lo < hi) {
        const int mid = scan ? lo : (lo + hi) / 2;
        snprintf(buf, sizeof buf, "%.*Le", mid - 1, ax);
        if (strtold(buf, NULL) == ax) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    snprintf(buf, sizeof buf, "%.*Le", lo - 1, ax);
    /* buf: d[.ddd]e[+-]XX */
    int k = 0;
    const char *s = buf;
    for (; *s && *s != 'e'; s++) {
        if (*s >= '0' && *s <= '9') {
            digits[k++] = *s;
        }
    }
    while (k > 1 && digits[k - 1] == '0') {
        k--;
    }
    digits[k] = 0;
    return *s == 'e' ? atoi(s + 1) : 0;
}

/* Reads the text (NUL-terminated, ASCII) as C's strtold; returns the characters used. */
size_t rumpy_ld_parse(const char *text, u8 *out) {
    char *end = NULL;
    const ld v = strtold(text, &end);
    put(out, v);
    return (size_t)(end - text);
}

/* Sort order: NaN last. */
int rumpy_ld_order(const u8 *a, const u8 *b) {
    const ld x = get(a), y = get(b);
    if (x < y) return -1;
    if (x > y) return 1;
    if (x == y) return 0;
    return isnan(x) - isnan(y);
}

/* NumPy's dot loops (LONGDOUBLE_dot, CLONGDOUBLE_dot and _dotc, the matmul inner loops): the
 * sum from 0, the products added in index order; `conj` conjugates a's items. */
uint32_t rumpy_ld_dot(int is_complex, int conj, const u8 *a, ptrdiff_t sa, const u8 *b,
                      ptrdiff_t sb, u8 *o, size_t n) {
    clear_status();
    if (!is_complex) {
        ld sum = 0;
        for (size_t i = 0; i < n; i++, a += sa, b += sb) {
            sum += get(a) * get(b);
        }
        put(o, sum);
    } else {
        ld sr = 0, si = 0;
        for (size_t i = 0; i < n; i++, a += sa, b += sb) {
            const ld ar = get(a), ai = get(a + sizeof(ld)), br = get(b), bi = get(b + sizeof(ld));
            if (conj) {
                sr += ar * br + ai * bi;
                si += ar * bi - ai * br;
            } else {
                sr += ar * br - ai * bi;
                si += ar * bi + ai * br;
            }
        }
        cput(o, pack(sr, si));
    }
    return status();
}

/* NumPy's fill (arange): items 0 and 1 given, item i = start + i * delta, per part. */
void rumpy_ld_fill(u8 *p, size_t n, int is_complex) {
    const size_t parts = is_complex ? 2 : 1, item = parts * sizeof(ld);
    for (size_t k = 0; k < parts; k++) {
        const ld start = get(p + k * sizeof(ld));
        const ld delta = get(p + item + k * sizeof(ld)) - start;
        for (size_t i = 2; i < n; i++) {
            put(p + i * item + k * sizeof(ld), start + (ld)i * delta);
        }
    }
}

size_t rumpy_ld_size(void) { return sizeof(ld); }
