//! Non-negative matrix factorisation of a sparse matrix: X (documents x terms) ~ W H.
//!
//! Owns the solver. Initialisation is NNDSVDa (Boutsidis & Gallopoulos 2008; zeros filled with
//! the mean of X, as scikit-learn's `init="nndsvda"`), from a randomized SVD (Halko et al.
//! 2011: a seeded random start, power iterations, and a small symmetric eigenproblem solved by
//! Jacobi rotations). The solver is coordinate descent on the Frobenius loss (HALS, the update
//! of scikit-learn's `solver="cd"`): each column of W, then of H, is set to its exact
//! non-negative least-squares optimum given the others; accelerated as Gillis & Glineur
//! (2012) do, by sweeping each row several times per sparse product (see `update`).
//!
//! Each iteration costs two sparse products (X Hᵀ and Xᵀ W, nnz x k) and small k x k
//! Gram matrices. Rows are updated in parallel; every sum over rows is taken in fixed chunks
//! and added in chunk order, so results are bit-identical whatever the thread count.
//! Pure arithmetic: no I/O, never fails.

use rayon::prelude::*;

/// A sparse matrix in compressed rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Csr {
    pub rows: usize,
    pub cols: usize,
    /// Row r holds entries indptr[r]..indptr[r + 1].
    pub indptr: Vec<usize>,
    pub indices: Vec<u32>,
    pub data: Vec<f64>,
}

impl Csr {
    /// From rows of (column, value), each sorted by column.
    pub fn from_rows(cols: usize, rows: &[Vec<(u32, f64)>]) -> Csr {
        let mut m = Csr::empty(cols);
        for row in rows {
            m.push_row(row);
        }
        m
    }

    /// A matrix of no rows, to be filled with [`Csr::push_row`].
    pub fn empty(cols: usize) -> Csr {
        Csr::with_capacity(cols, 0, 0)
    }

    /// An empty matrix with room for `rows` rows and `entries` entries, so that pushing them
    /// never reallocates (a growing vector can hold twice what it needs at its peak).
    pub fn with_capacity(cols: usize, rows: usize, entries: usize) -> Csr {
        let mut indptr = Vec::with_capacity(rows + 1);
        indptr.push(0);
        Csr {
            cols,
            indptr,
            indices: Vec::with_capacity(entries),
            data: Vec::with_capacity(entries),
            ..Csr::default()
        }
    }

    /// Appends a row of (column, value) entries, columns ascending.
    pub fn push_row(&mut self, row: &[(u32, f64)]) {
        for &(c, v) in row {
            self.indices.push(c);
            self.data.push(v);
        }
        self.indptr.push(self.indices.len());
        self.rows += 1;
    }

    /// Row r's (column, value) entries.
    pub fn row(&self, r: usize) -> impl Iterator<Item = (u32, f64)> + '_ {
        let span = self.indptr[r]..self.indptr[r + 1];
        (self.indices[span.clone()].iter().copied()).zip(self.data[span].iter().copied())
    }

    pub fn transpose(&self) -> Csr {
        let mut counts = vec![0usize; self.cols + 1];
        for &c in &self.indices {
            counts[c as usize + 1] += 1;
        }
        for i in 0..self.cols {
            counts[i + 1] += counts[i];
        }
        let indptr = counts.clone();
        let mut next = counts;
        let mut indices = vec![0u32; self.indices.len()];
        let mut data = vec![0.0; self.data.len()];
        for r in 0..self.rows {
            for e in self.indptr[r]..self.indptr[r + 1] {
                let c = self.indices[e] as usize;
                indices[next[c]] = r as u32;
                data[next[c]] = self.data[e];
                next[c] += 1;
            }
        }
        Csr {
            rows: self.cols,
            cols: self.rows,
            indptr,
            indices,
            data,
        }
    }

    fn norm2(&self) -> f64 {
        self.data.iter().map(|v| v * v).sum()
    }
}

/// The factors: `w` is rows x k and `h` is cols x k (H transposed), both row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Factors {
    pub k: usize,
    pub w: Vec<f64>,
    pub h: Vec<f64>,
    pub iterations: usize,
    /// Final 0.5 x ||X - WH||², the loss scikit-learn reports (as its square root x sqrt 2).
    pub loss: f64,
}

/// Solver settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    pub k: usize,
    pub seed: u64,
    pub max_iter: usize,
    /// Stop when an iteration lowers the loss by less than this fraction of the first loss.
    pub tol: f64,
}

/// Power iterations of the randomized SVD (scikit-learn's `randomized_svd` uses 4 to 7).
const POWER_ITERATIONS: usize = 4;

/// Rows per chunk of every sum over rows (fixed, so sums do not depend on threads).
const CHUNK: usize = 2048;

/// Factorises `x` into k non-negative factors.
pub fn factorize(x: &Csr, o: &Options) -> Factors {
    let k = o.k.max(1);
    let xt = x.transpose();
    let (mut w, mut h) = nndsvda(x, &xt, k, o.seed);
    let x2 = x.norm2();
    let (mut first, mut prev) = (f64::NAN, f64::INFINITY);
    let mut iterations = 0;
    let mut loss = f64::NAN;
    for it in 0..=o.max_iter {
        let hht = gram(&h, k);
        let xht = mul(x, &h, k);
        let wtw = gram(&w, k);
        // ||X - WH||² = ||X||² - 2 <W, X Hᵀ> + <WᵀW, HHᵀ>, from products the update needs.
        let cross: f64 = chunked_sum(&w, &xht, k);
        let quad: f64 = wtw.iter().zip(&hht).map(|(a, b)| a * b).sum();
        loss = 0.5 * (x2 - 2.0 * cross + quad).max(0.0);
        if it == 0 {
            first = loss;
        } else if (prev - loss) < o.tol * first || it == o.max_iter {
            break;
        }
        prev = loss;
        iterations = it + 1;
        update(&mut w, &hht, &xht, k);
        let wtw = gram(&w, k);
        let xtw = mul(&xt, &w, k);
        update(&mut h, &wtw, &xtw, k);
    }
    Factors {
        k,
        w,
        h,
        iterations,
        loss,
    }
}

/// Factorises a seeded sample of at most `sample` rows of `x` ([`sample_rows`]), then folds
/// every row of `x` into the topics found ([`factorize_sample_of`]). With no more rows than
/// `sample`, [`factorize`] itself. (The run makes its rows from the documents instead:
/// `topics::discover`.)
#[cfg(test)]
pub fn factorize_sampled(x: &Csr, o: &Options, sample: usize) -> Factors {
    if x.rows <= sample {
        return factorize(x, o);
    }
    let mut m = Csr::empty(x.cols);
    let mut buf = Vec::new();
    for r in sample_rows(x.rows, o.seed, sample) {
        buf.clear();
        buf.extend(x.row(r));
        m.push_row(&buf);
    }
    factorize_sample_of(&m, x.rows, |r, out| out.extend(x.row(r)), o)
}

/// The rows a factorisation of `sample` of `rows` rows is fitted on, ascending: those whose
/// seeded hash of their index is smallest, so the sample does not depend on threads or on
/// the order of the work. All rows when there are no more than `sample`.
pub fn sample_rows(rows: usize, seed: u64, sample: usize) -> Vec<usize> {
    if rows <= sample {
        return (0..rows).collect();
    }
    let mut ranked: Vec<(u64, usize)> = (0..rows)
        .map(|r| {
            (
                mix(seed ^ (r as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
                r,
            )
        })
        .collect();
    ranked.select_nth_unstable(sample.max(1) - 1);
    let mut chosen: Vec<usize> = ranked[..sample.max(1)].iter().map(|&(_, r)| r).collect();
    chosen.sort_unstable();
    chosen
}

/// Factorises the sample's matrix, then folds every one of `rows` rows into the topics found:
/// W for all rows with H fixed (each row's non-negative least squares, by the same coordinate
/// descent). `row` appends row r's (column, value) entries, columns ascending: the rows are
/// made again one at a time as they are folded in, so no matrix of all rows is ever held and
/// memory does not grow with the corpus beyond W itself (rows x k).
pub fn factorize_sample_of(
    sample: &Csr,
    rows: usize,
    row: impl Fn(usize, &mut Vec<(u32, f64)>) + Sync,
    o: &Options,
) -> Factors {
    let fitted = factorize(sample, o);
    let w = fold_in_rows(rows, &fitted.h, fitted.k, row);
    Factors { w, ..fitted }
}

/// W for every row of `x` with H (cols x k) fixed: coordinate descent from zero, swept until
/// the rows settle (at most [`FOLD_ROUNDS`] x [`INNER_SWEEPS`] sweeps a row).
pub fn fold_in(x: &Csr, h: &[f64], k: usize) -> Vec<f64> {
    fold_in_rows(x.rows, h, k, |r, out| out.extend(x.row(r)))
}

/// [`fold_in`] of `rows` rows made one at a time by `row`: the same arithmetic, row by row
/// (each row is its own problem, so its rounds can run back to back).
fn fold_in_rows(
    rows: usize,
    h: &[f64],
    k: usize,
    row: impl Fn(usize, &mut Vec<(u32, f64)>) + Sync,
) -> Vec<f64> {
    let hht = gram(h, k);
    let h32: Vec<f32> = h.iter().map(|&v| v as f32).collect();
    let mut w = vec![0.0; rows * k];
    w.par_chunks_mut(k).enumerate().for_each_init(
        || (Vec::new(), vec![0.0; k]),
        |(buf, xr), (r, wr)| {
            buf.clear();
            row(r, buf);
            mul_row(buf.iter().copied(), &h32, k, xr);
            for _ in 0..FOLD_ROUNDS {
                sweep_row(wr, &hht, xr, k);
            }
        },
    );
    w
}

/// Calls of [`update`] when folding rows in.
const FOLD_ROUNDS: usize = 5;

/// SplitMix64's finaliser: a well-spread hash of a 64-bit value.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Coordinate descent over the rows of `m` (rows x k): with G = the other factor's Gram
/// matrix and XG = X times the other factor, each entry moves to its non-negative optimum.
///
/// With the other factor fixed, every row is its own small problem, and a sweep over it costs
/// k² while the product XG that feeds it costs a row's non-zeros times k. So each row is swept
/// up to [`INNER_SWEEPS`] times, until a sweep moves it by less than [`INNER_STOP`] of what the
/// first sweep did: the accelerated HALS of Gillis & Glineur (2012), which reaches the same
/// loss in far fewer of the expensive outer iterations. Per row, so thread count cannot
/// change it.
fn update(m: &mut [f64], g: &[f64], xg: &[f64], k: usize) {
    m.par_chunks_mut(k)
        .zip(xg.par_chunks(k))
        .for_each(|(row, xr)| sweep_row(row, g, xr, k));
}

/// One call of [`update`] on one row: up to [`INNER_SWEEPS`] sweeps over its k entries.
fn sweep_row(row: &mut [f64], g: &[f64], xr: &[f64], k: usize) {
    let mut first = 0.0;
    for sweep in 0..INNER_SWEEPS {
        let mut moved = 0.0;
        for t in 0..k {
            let hess = g[t * k + t];
            if hess <= 0.0 {
                continue;
            }
            let mut grad = -xr[t];
            for j in 0..k {
                grad += row[j] * g[j * k + t];
            }
            let new = (row[t] - grad / hess).max(0.0);
            moved += (new - row[t]) * (new - row[t]);
            row[t] = new;
        }
        if sweep == 0 {
            first = moved;
        }
        if moved <= INNER_STOP * first {
            break;
        }
    }
}

/// At most this many coordinate sweeps of a row per outer iteration.
const INNER_SWEEPS: usize = 10;
/// A row stops sweeping when a sweep moves it by less than this share of the first sweep.
const INNER_STOP: f64 = 0.01;

/// X (rows x cols) times B (cols x l, row-major): rows x l, row-major.
///
/// The sparse products are nearly all of the work, and they are bound by gathering rows of B:
/// they run in single precision (half the memory traffic, twice the SIMD lanes), with
/// results returned in double precision. A row's sum has at most a few hundred terms, so the
/// rounding (about 1e-7 relative) is far below what moves a topic.
fn mul(x: &Csr, b: &[f64], l: usize) -> Vec<f64> {
    let b32: Vec<f32> = b.iter().map(|&v| v as f32).collect();
    let mut out = vec![0.0; x.rows * l];
    out.par_chunks_mut(l)
        .enumerate()
        .for_each(|(r, out_row)| mul_row(x.row(r), &b32, l, out_row));
    out
}

/// One row of [`mul`]: the row's entries times B (in single precision, as `b32`).
fn mul_row(entries: impl Iterator<Item = (u32, f64)>, b32: &[f32], l: usize, out: &mut [f64]) {
    let mut acc = vec![0f32; l];
    for (c, v) in entries {
        let v = v as f32;
        let src = &b32[c as usize * l..][..l];
        for (a, s) in acc.iter_mut().zip(src) {
            *a += v * s;
        }
    }
    for (o, a) in out.iter_mut().zip(&acc) {
        *o = f64::from(*a);
    }
}

/// AᵀA of a row-major (rows x l) matrix: l x l.
fn gram(a: &[f64], l: usize) -> Vec<f64> {
    let parts: Vec<Vec<f64>> = a
        .par_chunks(CHUNK * l)
        .map(|chunk| {
            let mut g = vec![0.0; l * l];
            for row in chunk.chunks(l) {
                for i in 0..l {
                    let ri = row[i];
                    if ri == 0.0 {
                        continue;
                    }
                    for j in 0..l {
                        g[i * l + j] += ri * row[j];
                    }
                }
            }
            g
        })
        .collect();
    let mut g = vec![0.0; l * l];
    for p in parts {
        for (a, b) in g.iter_mut().zip(p) {
            *a += b;
        }
    }
    g
}

/// Σ a∘b over two equally shaped row-major matrices, in fixed chunks.
fn chunked_sum(a: &[f64], b: &[f64], l: usize) -> f64 {
    let parts: Vec<f64> = a
        .par_chunks(CHUNK * l)
        .zip(b.par_chunks(CHUNK * l))
        .map(|(x, y)| x.iter().zip(y).map(|(p, q)| p * q).sum())
        .collect();
    parts.iter().sum()
}

/// splitmix64: a small, well-mixed, seedable generator (no dependency needed for a start).
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Standard normal (Box-Muller).
    fn normal(&mut self) -> f64 {
        let u1 = ((self.next_u64() >> 11) as f64 + 1.0) / (1u64 << 53) as f64;
        let u2 = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// Orthonormalises the columns of a row-major (rows x l) matrix in place by Cholesky QR,
/// twice (CholeskyQR2): A = Q R with R from the Cholesky factor of AᵀA, then Q = A R⁻¹ row
/// by row, in parallel. A column that depends on the earlier ones is set to zero.
fn orthonormalize(a: &mut [f64], l: usize) {
    for _ in 0..2 {
        let r = cholesky_upper(&gram(a, l), l);
        a.par_chunks_mut(l).for_each(|row| {
            for j in 0..l {
                let d = r[j * l + j];
                if d <= 0.0 {
                    row[j] = 0.0;
                    continue;
                }
                let mut s = row[j];
                for i in 0..j {
                    s -= row[i] * r[i * l + j];
                }
                row[j] = s / d;
            }
        });
    }
}

/// Upper-triangular R with RᵀR = G (symmetric positive semi-definite, l x l); a pivot too
/// small to trust (relative to G's trace) gives a zero row.
fn cholesky_upper(g: &[f64], l: usize) -> Vec<f64> {
    let trace: f64 = (0..l).map(|i| g[i * l + i]).sum();
    let eps = 1e-13 * trace.max(f64::MIN_POSITIVE);
    let mut r = vec![0.0; l * l];
    for j in 0..l {
        let mut d = g[j * l + j];
        for i in 0..j {
            d -= r[i * l + j] * r[i * l + j];
        }
        if d <= eps {
            continue;
        }
        let d = d.sqrt();
        r[j * l + j] = d;
        for c in j + 1..l {
            let mut s = g[j * l + c];
            for i in 0..j {
                s -= r[i * l + j] * r[i * l + c];
            }
            r[j * l + c] = s / d;
        }
    }
    r
}

/// Eigen-decomposition of a symmetric l x l matrix by cyclic Jacobi rotations: eigenvalues
/// and eigenvectors (columns of a row-major l x l matrix), largest first.
fn eigen_symmetric(s: &[f64], l: usize) -> (Vec<f64>, Vec<f64>) {
    let mut a = s.to_vec();
    let mut v = vec![0.0; l * l];
    for i in 0..l {
        v[i * l + i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..l)
            .flat_map(|i| (0..l).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * l + j] * a[i * l + j])
            .sum();
        let scale: f64 = a.iter().map(|x| x * x).sum();
        if off <= 1e-30 * scale.max(1e-300) {
            break;
        }
        for p in 0..l {
            for q in p + 1..l {
                let apq = a[p * l + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * l + q] - a[p * l + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let sn = t * c;
                for r in 0..l {
                    let (arp, arq) = (a[r * l + p], a[r * l + q]);
                    a[r * l + p] = c * arp - sn * arq;
                    a[r * l + q] = sn * arp + c * arq;
                }
                for r in 0..l {
                    let (apr, aqr) = (a[p * l + r], a[q * l + r]);
                    a[p * l + r] = c * apr - sn * aqr;
                    a[q * l + r] = sn * apr + c * aqr;
                }
                for r in 0..l {
                    let (vrp, vrq) = (v[r * l + p], v[r * l + q]);
                    v[r * l + p] = c * vrp - sn * vrq;
                    v[r * l + q] = sn * vrp + c * vrq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by(|&i, &j| a[j * l + j].total_cmp(&a[i * l + i]).then(i.cmp(&j)));
    let values = order.iter().map(|&i| a[i * l + i]).collect();
    let mut vectors = vec![0.0; l * l];
    for (new, &old) in order.iter().enumerate() {
        for r in 0..l {
            vectors[r * l + new] = v[r * l + old];
        }
    }
    (values, vectors)
}

/// The top k singular triplets of X by randomized SVD: (σ, U rows x k, V cols x k).
fn randomized_svd(x: &Csr, xt: &Csr, k: usize, seed: u64) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let l = (k + 10).min(x.rows.min(x.cols)).max(k);
    let mut rng = Rng(seed);
    let omega: Vec<f64> = (0..x.cols * l).map(|_| rng.normal()).collect();
    let mut q = mul(x, &omega, l);
    orthonormalize(&mut q, l);
    for _ in 0..POWER_ITERATIONS {
        let mut z = mul(xt, &q, l);
        orthonormalize(&mut z, l);
        q = mul(x, &z, l);
        orthonormalize(&mut q, l);
    }
    let z = mul(xt, &q, l); // Xᵀ Q = Bᵀ, cols x l
    let s = gram(&z, l); // B Bᵀ
    let (values, vecs) = eigen_symmetric(&s, l);
    let sigma: Vec<f64> = values.iter().take(k).map(|&v| v.max(0.0).sqrt()).collect();
    let project = |m: &[f64], scale: &dyn Fn(usize) -> f64| -> Vec<f64> {
        let rows = m.len() / l;
        let mut out = vec![0.0; rows * k];
        for r in 0..rows {
            for j in 0..k {
                let mut acc = 0.0;
                for i in 0..l {
                    acc += m[r * l + i] * vecs[i * l + j];
                }
                out[r * k + j] = acc * scale(j);
            }
        }
        out
    };
    let u = project(&q, &|_| 1.0);
    let v = project(&z, &|j| if sigma[j] > 0.0 { 1.0 / sigma[j] } else { 0.0 });
    (sigma, u, v)
}

/// NNDSVD with zeros replaced by the mean of X ("nndsvda").
fn nndsvda(x: &Csr, xt: &Csr, k: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let (n, m) = (x.rows, x.cols);
    let (sigma, u, v) = randomized_svd(x, xt, k, seed);
    let mut w = vec![0.0; n * k];
    let mut h = vec![0.0; m * k];
    let col = |a: &[f64], j: usize| -> Vec<f64> { a.chunks(k).map(|r| r[j]).collect() };
    let norm = |a: &[f64]| a.iter().map(|x| x * x).sum::<f64>().sqrt();
    for j in 0..k.min(sigma.len()) {
        let (x_, y_) = (col(&u, j), col(&v, j));
        let (uj, vj, s) = if j == 0 {
            let a: Vec<f64> = x_.iter().map(|v| v.abs()).collect();
            let b: Vec<f64> = y_.iter().map(|v| v.abs()).collect();
            (a, b, sigma[0])
        } else {
            let pos = |a: &[f64]| a.iter().map(|&v| v.max(0.0)).collect::<Vec<_>>();
            let neg = |a: &[f64]| a.iter().map(|&v| (-v).max(0.0)).collect::<Vec<_>>();
            let (xp, yp, xn, yn) = (pos(&x_), pos(&y_), neg(&x_), neg(&y_));
            let (nxp, nyp, nxn, nyn) = (norm(&xp), norm(&yp), norm(&xn), norm(&yn));
            let (mp, mn) = (nxp * nyp, nxn * nyn);
            let unit = |a: Vec<f64>, nrm: f64| -> Vec<f64> {
                if nrm > 0.0 {
                    a.into_iter().map(|v| v / nrm).collect()
                } else {
                    a
                }
            };
            if mp > mn {
                (unit(xp, nxp), unit(yp, nyp), sigma[j] * mp)
            } else {
                (unit(xn, nxn), unit(yn, nyn), sigma[j] * mn)
            }
        };
        let lbd = s.sqrt();
        for r in 0..n {
            w[r * k + j] = lbd * uj[r];
        }
        for c in 0..m {
            h[c * k + j] = lbd * vj[c];
        }
    }
    let mean = x.data.iter().sum::<f64>() / (n as f64 * m as f64).max(1.0);
    for a in w.iter_mut().chain(h.iter_mut()) {
        if *a < 1e-6 {
            *a = mean;
        }
    }
    (w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row, G = [[2, 1], [1, 2]], XG = [3, 3]: the optimum solves 2a + b = 3, a + 2b = 3,
    /// so a = b = 1. One sweep from 0 stops at (1.5, 0.75); by hand, the third sweep reaches
    /// (1.031, 0.984) and moves less than 1% of the first, so the sweeps stop there.
    #[test]
    fn repeated_sweeps_reach_the_row_optimum() {
        let mut row = vec![0.0, 0.0];
        update(&mut row, &[2.0, 1.0, 1.0, 2.0], &[3.0, 3.0], 2);
        assert!((row[0] - 1.0).abs() < 0.05, "{row:?}");
        assert!((row[1] - 1.0).abs() < 0.05, "{row:?}");
        // A negative optimum is clamped: 2a + b = -1 wants a < 0, so a = 0 and b = 3/2.
        let mut row = vec![1.0, 1.0];
        update(&mut row, &[2.0, 1.0, 1.0, 2.0], &[-1.0, 3.0], 2);
        assert_eq!(row[0], 0.0);
        assert!((row[1] - 1.5).abs() < 1e-9, "{row:?}");
    }

    /// X = W0 H0 with two topics: documents 0-2 use terms 0-2, documents 3-5 terms 3-5,
    /// document 6 both.
    fn known() -> (Csr, Vec<f64>, Vec<f64>) {
        let w0 = [
            [1.0, 0.0],
            [2.0, 0.0],
            [0.5, 0.0],
            [0.0, 1.0],
            [0.0, 3.0],
            [0.0, 0.5],
            [1.0, 1.0],
        ];
        let h0 = [
            [0.6, 0.3, 0.1, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.2, 0.2, 0.6],
        ];
        let rows: Vec<Vec<(u32, f64)>> = w0
            .iter()
            .map(|wr| {
                (0..6u32)
                    .filter_map(|c| {
                        let v = wr[0] * h0[0][c as usize] + wr[1] * h0[1][c as usize];
                        (v != 0.0).then_some((c, v))
                    })
                    .collect()
            })
            .collect();
        (
            Csr::from_rows(6, &rows),
            w0.iter().flatten().copied().collect(),
            h0.iter().flatten().copied().collect(),
        )
    }

    fn options(k: usize) -> Options {
        Options {
            k,
            seed: 7,
            max_iter: 2000,
            tol: 1e-14,
        }
    }

    #[test]
    fn recovers_a_known_factorisation() {
        let (x, w0, h0) = known();
        let f = factorize(&x, &options(2));
        // Exact: the loss goes to 0 (||X||² is 11.97, so this is a relative 1e-9).
        assert!(f.loss < 1e-8, "loss {}", f.loss);
        // Up to order and scale, W's columns are W0's: the ratio of two documents' weights in
        // one topic is the same (document 1 has twice document 0's first-topic weight).
        let t = if f.w[0] > f.w[1] { 0 } else { 1 };
        let o = 1 - t;
        let w = |r: usize, c: usize| f.w[r * 2 + c];
        assert!((w(1, t) / w(0, t) - w0[2] / w0[0]).abs() < 1e-4);
        assert!((w(4, o) / w(3, o) - w0[9] / w0[7]).abs() < 1e-4);
        for r in 0..3 {
            assert!(w(r, o) < 1e-6, "document {r} is pure topic {t}");
        }
        // H's rows are H0's up to scale: term 0 : term 1 = 0.6 : 0.3.
        let h = |c: usize, j: usize| f.h[c * 2 + j];
        assert!((h(0, t) / h(1, t) - h0[0] / h0[1]).abs() < 1e-4);
        assert!((h(5, o) / h(3, o) - h0[11] / h0[9]).abs() < 1e-4);
        // Off its support a topic's weights are zero up to the single-precision products.
        assert!(h(3, t) < 1e-4 * h(0, t) && h(0, o) < 1e-4 * h(5, o));
    }

    #[test]
    fn same_result_whatever_the_threads() {
        let (x, _, _) = known();
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .map(|p| p.install(|| factorize(&x, &options(2))))
                .expect("pool")
        };
        assert_eq!(run(1), run(3));
    }

    #[test]
    fn svd_of_a_diagonal_matrix() {
        // Singular values of diag(3, 2, 1) are 3, 2, 1 (to single precision, as the products).
        let x = Csr::from_rows(3, &[vec![(0, 3.0)], vec![(1, 2.0)], vec![(2, 1.0)]]);
        let (s, _, _) = randomized_svd(&x, &x.transpose(), 2, 1);
        assert!(
            (s[0] - 3.0).abs() < 1e-6 && (s[1] - 2.0).abs() < 1e-6,
            "{s:?}"
        );
    }

    #[test]
    fn jacobi_eigen_by_hand() {
        // [[2, 1], [1, 2]]: eigenvalues 3 (vector (1,1)/√2) and 1.
        let (vals, vecs) = eigen_symmetric(&[2.0, 1.0, 1.0, 2.0], 2);
        assert!((vals[0] - 3.0).abs() < 1e-12 && (vals[1] - 1.0).abs() < 1e-12);
        assert!((vecs[0].abs() - 0.5f64.sqrt()).abs() < 1e-12);
        assert!((vecs[0] - vecs[2]).abs() < 1e-12);
    }

    #[test]
    fn orthonormal_columns() {
        // Columns (1, 1, 0) and (1, 0, 1) -> (1, 1, 0)/√2 and (1, -1, 2)/√6; a third column
        // equal to the first is dependent and becomes zero.
        let mut a = vec![1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0];
        orthonormalize(&mut a, 3);
        let (r2, r6) = (0.5f64.sqrt(), (1.0f64 / 6.0).sqrt());
        let want = [r2, r6, 0.0, r2, -r6, 0.0, 0.0, 2.0 * r6, 0.0];
        for (x, y) in a.iter().zip(want) {
            assert!((x - y).abs() < 1e-7, "{a:?}");
        }
    }

    #[test]
    fn rows_pushed_into_reserved_room_match_and_fill_it_exactly() {
        let rows: Vec<Vec<(u32, f64)>> = vec![vec![(0, 1.0), (2, 0.5)], vec![], vec![(1, 2.0)]];
        let mut m = Csr::with_capacity(3, 3, 3);
        for r in &rows {
            m.push_row(r);
        }
        assert_eq!(m, Csr::from_rows(3, &rows));
        assert_eq!((m.indices.capacity(), m.data.capacity()), (3, 3));
        assert_eq!(m.indptr, vec![0, 2, 2, 3]);
    }

    #[test]
    fn a_sample_finds_the_topics_and_every_row_is_folded_in() {
        let (x, _, _) = known();
        let o = options(2);
        // No more rows than the sample: the factorisation itself (the matrix has 7 rows).
        assert_eq!(factorize_sampled(&x, &o, x.rows), factorize(&x, &o));
        // A sample of 3 of the 7 rows: H from those rows, W for all seven, the same whatever
        // the threads.
        let f = factorize_sampled(&x, &o, 3);
        assert_eq!(f.w.len(), x.rows * 2);
        let again = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("pool")
            .install(|| factorize_sampled(&x, &o, 3));
        assert_eq!(f, again);
        // Folding the rows into the topics a full factorisation found gives back its W
        // (to the tolerance of the solver: each row is its own least-squares problem).
        let full = factorize(&x, &o);
        let w = fold_in(&x, &full.h, 2);
        for (a, b) in w.iter().zip(&full.w) {
            assert!((a - b).abs() < 1e-3, "{a} vs {b}");
        }
    }

    #[test]
    fn folding_in_row_by_row_is_the_whole_matrix_arithmetic_bit_for_bit() {
        // The fold-in once ran on the whole matrix: X Hᵀ for all rows, then FOLD_ROUNDS
        // calls of `update` over all rows. Row by row must give the very same bits.
        let (x, _, _) = known();
        let h = factorize(&x, &options(2)).h;
        let xht = mul(&x, &h, 2);
        let mut whole = vec![0.0; x.rows * 2];
        for _ in 0..FOLD_ROUNDS {
            update(&mut whole, &gram(&h, 2), &xht, 2);
        }
        let rows = fold_in(&x, &h, 2);
        assert!(whole.iter().any(|&v| v > 0.0));
        assert_eq!(
            rows.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            whole.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn transpose_round_trips() {
        let (x, _, _) = known();
        assert_eq!(x.transpose().transpose(), x);
    }
}
