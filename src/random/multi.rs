//! The samplers of vectors (numpy's `random_multinomial`, `random_multivariate_
//! hypergeometric_{count,marginals}` and `Generator.dirichlet`): each row of the output is one
//! draw, rows in order.

use super::dist::{beta, binomial, hypergeometric, interval, Gamma};
use super::legacy::Aug;
use super::BitGen;

/// Rows of `d` counts summing to `n[r]` (one `n` for all rows, or one per row) with
/// probabilities `p` (one row of `d`, or one per row), by successive binomials. `out` starts
/// zeroed.
pub fn fill_multinomial<G: BitGen>(g: &mut G, n: &[i64], p: &[f64], d: usize, out: &mut [i64]) {
    if d == 0 {
        return;
    }
    for (r, row) in out.chunks_mut(d).enumerate() {
        let n = if n.len() == 1 { n[0] } else { n[r] };
        let pix = if p.len() == d {
            p
        } else {
            &p[r * d..(r + 1) * d]
        };
        let mut remaining_p = 1.0;
        let mut dn = n;
        for j in 0..d - 1 {
            row[j] = binomial(g, pix[j] / remaining_p, dn);
            dn -= row[j];
            if dn <= 0 {
                break;
            }
            remaining_p -= pix[j];
        }
        if dn > 0 {
            row[d - 1] = dn;
        }
    }
}

/// Rows of `alpha.len()` draws of the Dirichlet distribution: stick breaking with betas when
/// every alpha is below 0.1, else normalised gammas. `out` starts zeroed.
pub fn fill_dirichlet<G: BitGen>(g: &mut G, alpha: &[f64], out: &mut [f64]) {
    let k = alpha.len();
    if k == 0 {
        return;
    }
    // numpy's `alpha.max()`: NaN if any is NaN
    let max = alpha.iter().copied().fold(f64::NEG_INFINITY, |m, a| {
        if m.is_nan() || a.is_nan() {
            f64::NAN
        } else {
            m.max(a)
        }
    });
    if max < 0.1 {
        let mut csum = vec![0.0; k];
        let mut s = 0.0;
        for j in (0..k).rev() {
            s += alpha[j];
            csum[j] = s;
        }
        if s > 0.0 {
            for row in out.chunks_mut(k) {
                let mut acc = 1.0;
                for j in 0..k - 1 {
                    let v = beta(g, alpha[j], csum[j + 1]);
                    row[j] = acc * v;
                    acc *= 1.0 - v;
                    if csum[j + 1] == 0.0 {
                        break;
                    }
                }
                row[k - 1] = acc;
            }
        }
    } else {
        let gammas: Vec<Gamma> = alpha.iter().map(|&a| Gamma::new(a)).collect();
        for row in out.chunks_mut(k) {
            let mut acc = 0.0;
            for (x, gamma) in row.iter_mut().zip(&gammas) {
                *x = gamma.draw(g);
                acc += *x;
            }
            let inv = 1.0 / acc;
            for v in row.iter_mut() {
                *v *= inv;
            }
        }
    }
}

/// The items of `multivariate_hypergeometric(method='count')` do not fit in memory.
#[derive(Debug)]
pub struct OutOfMemory;

/// `multivariate_hypergeometric(method='count')`: a partial Fisher–Yates shuffle of the
/// items (each labelled with its colour), continued from row to row as numpy's. `out`
/// starts zeroed; `Err` when the items do not fit in memory.
pub fn fill_mvhg_count<G: BitGen>(
    g: &mut G,
    colors: &[i64],
    nsample: i64,
    out: &mut [i64],
) -> Result<(), OutOfMemory> {
    let total: i64 = colors.iter().sum();
    let k = colors.len();
    if total == 0 || nsample == 0 || out.is_empty() || k == 0 {
        return Ok(());
    }
    if k > u32::MAX as usize {
        return Err(OutOfMemory);
    }
    let mut choices: Vec<u32> = Vec::new();
    choices
        .try_reserve_exact(total as usize)
        .map_err(|_| OutOfMemory)?;
    for (i, &c) in colors.iter().enumerate() {
        choices.extend(std::iter::repeat_n(i as u32, c as usize));
    }
    let more_than_half = nsample > total / 2;
    let ns = if more_than_half {
        total - nsample
    } else {
        nsample
    } as usize;
    for row in out.chunks_mut(k) {
        for j in 0..ns {
            let kk = j + interval(g, (total as u64) - j as u64 - 1) as usize;
            choices.swap(j, kk);
        }
        for &c in &choices[..ns] {
            row[c as usize] += 1;
        }
        if more_than_half {
            for (v, &c) in row.iter_mut().zip(colors) {
                *v = c - *v;
            }
        }
    }
    Ok(())
}

/// `multivariate_hypergeometric(method='marginals')`: successive hypergeometric draws.
pub fn fill_mvhg_marginals<G: BitGen>(g: &mut G, colors: &[i64], nsample: i64, out: &mut [i64]) {
    let total: i64 = colors.iter().sum();
    let k = colors.len();
    if total == 0 || nsample == 0 || out.is_empty() || k == 0 {
        return;
    }
    let more_than_half = nsample > total / 2;
    let ns = if more_than_half {
        total - nsample
    } else {
        nsample
    };
    for row in out.chunks_mut(k) {
        let mut left = ns;
        let mut remaining = total;
        let mut j = 0;
        while left > 0 && j + 1 < k {
            remaining -= colors[j];
            let r = hypergeometric(g, colors[j], remaining, left);
            row[j] = r;
            left -= r;
            j += 1;
        }
        if left > 0 {
            row[k - 1] = left;
        }
        if more_than_half {
            for (v, &c) in row.iter_mut().zip(colors) {
                *v = c - *v;
            }
        }
    }
}

/// `RandomState.dirichlet`: normalised legacy gammas, always.
pub fn fill_dirichlet_legacy<G: BitGen>(aug: &mut Aug<'_, G>, alpha: &[f64], out: &mut [f64]) {
    let k = alpha.len();
    if k == 0 {
        return;
    }
    for row in out.chunks_mut(k) {
        let mut acc = 0.0;
        for j in 0..k {
            row[j] = aug.standard_gamma(alpha[j]);
            acc += row[j];
        }
        let inv = 1.0 / acc;
        for v in row.iter_mut() {
            *v *= inv;
        }
    }
}
