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
    // Stemming alone, every token of the seeds (no cache: what a cache miss costs).
    let stemmer = Stemmer::english();
    let mut words: Vec<String> = Vec::new();
    newsreport::text::tokenize::for_each_token(&all, |t| words.push(t.text.to_lowercase()));
    group.bench_function("stem_every_token_uncached", |b| {
        b.iter(|| {
            for w in &words {
                black_box(stemmer.stem(black_box(w)));
            }
        })
    });
    // Speaker attribution on tokens already made, as the pipeline runs it.
    let tokens = newsreport::text::tokenize::tokenize(&all);
    group.bench_function("speakers_attribute", |b| {
        b.iter(|| newsreport::speakers::attribute::attribute_tokens(black_box(&all), &tokens, None))
    });
    // Dates, title and source, known boilerplate: what the pipeline does before analysis.
    let given = newsreport::meta::Given::default();
    let recurring = newsreport::meta::boilerplate::RecurringLines::none();
    group.bench_function("describe", |b| {
        b.iter(|| newsreport::meta::describe(black_box(&all), &given, Some(&recurring)))
    });
    // MinHash signature of the first pass.
    group.bench_function("duplicate_signature", |b| {
        b.iter(|| newsreport::meta::duplicates::signature(black_box(&all)))
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

// No plots: criterion draws them with system fonts, which a fresh machine does not have (its
// report would panic on the second run); the figures are printed all the same.
criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = analyze, merge, whole_run
}
criterion_main!(benches);
