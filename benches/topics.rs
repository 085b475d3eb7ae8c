//! The topic factorisation (NMF) alone, on one and on two threads: how far it scales, which
//! bounds how far a whole run on a small corpus scales (the passes over the articles scale
//! better). The matrix is made here, seeded, shaped like newsgroups20's NMF input (18,389
//! documents x 5,000 terms, about 60 terms a document, 20 topics), so the bench needs no
//! corpus and its figures compare across machines.
//!
//! `cargo bench --bench topics`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use newsreport::topics::nmf::{self, Csr, Options};

const DOCS: usize = 18_389;
const TERMS: usize = 5_000;
const TOPICS: usize = 20;
const TERMS_PER_DOC: usize = 60;
const ITERATIONS: usize = 31;

/// xorshift64*: enough for made-up data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Roughly Zipf-distributed in 0..n: small values far more often.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as usize % n
    }
}

/// Each document draws its terms from one or two of [`TOPICS`] topics (each topic owns a
/// block of terms, its words Zipf-distributed) and from the common words; rows are
/// L2-normalised counts, as the run's TF-IDF rows are.
fn matrix() -> Csr {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let block = TERMS / (TOPICS + 1);
    let rows: Vec<Vec<(u32, f64)>> = (0..DOCS)
        .map(|_| {
            let first = rng.next() as usize % TOPICS;
            let second = rng.next() as usize % TOPICS;
            let mut counts = std::collections::BTreeMap::new();
            for i in 0..TERMS_PER_DOC {
                let term = match i % 4 {
                    0 => TOPICS * block + rng.zipf(block),
                    1 => second * block + rng.zipf(block),
                    _ => first * block + rng.zipf(block),
                };
                *counts.entry(term as u32).or_insert(0.0) += 1.0;
            }
            let norm = counts.values().map(|c: &f64| c * c).sum::<f64>().sqrt();
            counts.into_iter().map(|(t, c)| (t, c / norm)).collect()
        })
        .collect();
    Csr::from_rows(TERMS, &rows)
}

fn factorisation(c: &mut Criterion) {
    let x = matrix();
    // A fixed amount of work: exactly ITERATIONS outer iterations (this easy made-up matrix
    // would converge in 7), as many as newsgroups20 itself takes.
    let options = Options {
        k: TOPICS,
        seed: 1,
        max_iter: ITERATIONS,
        tol: f64::NEG_INFINITY,
    };
    let mut group = c.benchmark_group("nmf_18389_x_5000_k20");
    group.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        let f = pool.install(|| nmf::factorize(&x, &options));
        assert_eq!(
            f.iterations, ITERATIONS,
            "the bench runs a fixed number of iterations"
        );
        group.bench_function(format!("threads_{threads}"), |b| {
            b.iter(|| pool.install(|| black_box(nmf::factorize(black_box(&x), &options))))
        });
    }
    group.finish();
}

// No plots, as in the analysis bench: criterion's plots need system fonts.
criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = factorisation
}
criterion_main!(benches);
