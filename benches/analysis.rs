//! Benchmarks of the per-document analysis (bytes per second), the corpus merge, and a whole
//! run on the seeds. Whole-run timings on the large corpora: `benches/whole_run.sh`.
//!
//! `cargo bench --bench analysis`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsreport::Settings;
use newsreport::text::{Analyzer, Stemmer, StopWords};

fn seed_texts() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let text = std::fs::read_to_string(e.path()).ok()?;
                    Some((e.file_name().to_string_lossy().into_owned(), text))
                })
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    texts
}

fn analyze(c: &mut Criterion) {
    let texts = seed_texts();
    let all: String = texts
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(all.len() as u64));
    // The word cache is warm after the first iteration, as it is for all but the first few
    // documents of a real run.
    let analyzer = Analyzer::new(StopWords::nltk_english(), Stemmer::english());
    group.bench_function("seeds_one_document", |b| {
        b.iter(|| analyzer.analyze(black_box(&all)))
    });
    group.bench_function("tokenize_only", |b| {
        b.iter(|| {
            newsreport::text::tokenize::for_each_token(black_box(&all), |t| {
                black_box(t);
            })
        })
    });
    group.finish();
}

fn merge(c: &mut Criterion) {
    let texts = seed_texts();
    // 200 documents: the seeds 40 times over.
    let docs: Vec<(String, &str)> = (0..40)
        .flat_map(|i| {
            texts
                .iter()
                .map(move |(n, t)| (format!("{i}/{n}"), t.as_str()))
        })
        .collect();
    let refs: Vec<(&str, &str)> = docs.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    let settings = Settings::default();
    c.bench_function("corpus_of_200_documents", |b| {
        b.iter(|| newsreport::pipeline::corpus_of(black_box(&refs), &settings))
    });
}

fn whole_run(c: &mut Criterion) {
    let out = tempfile::tempdir().expect("temp dir");
    let settings = Settings {
        inputs: vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")],
        out: out.path().to_path_buf(),
        quiet: true,
        ..Settings::default()
    };
    let mut group = c.benchmark_group("whole_run");
    group.sample_size(20);
    group.bench_function("seeds", |b| b.iter(|| newsreport::run(&settings)));
    group.finish();
}

criterion_group!(benches, analyze, merge, whole_run);
criterion_main!(benches);
