//! Compiles the C part of the longdouble families (`dtype/longdouble.c`): C's `long double`
//! arithmetic, which Rust has no type for.

fn main() {
    println!("cargo:rerun-if-changed=src/dtype/longdouble.c");
    cc::Build::new()
        .file("src/dtype/longdouble.c")
        .opt_level(3)
        .flag_if_supported("-std=c11")
        .flag_if_supported("-fno-math-errno")
        .warnings(true)
        .compile("rumpy_longdouble");
}
