//! `run.json`: what a report was made from and with, written last.
//!
//! Owns the manifest's fields: tool version, the options that change numbers (the TF-IDF
//! scheme and its formula among them), a fingerprint of the input, counts, warnings, the
//! files written and the time taken. Only `seconds` and `chart_seconds` change between two
//! runs on the same input. Its presence marks a report as complete (see [`crate::output`]).

use std::path::PathBuf;

use serde::Serialize;

use crate::Warning;
use crate::corpus::{Record, Status};
use crate::error::Result;
use crate::output::OutDir;
use crate::results::Summary;
use crate::settings::Settings;

#[derive(Serialize)]
struct Manifest<'a> {
    tool: &'static str,
    version: &'static str,
    options: Options,
    input: Input,
    documents: usize,
    tokens: u64,
    terms: usize,
    warnings: &'a [Warning],
    /// Charts not drawn, each with its reason.
    charts_not_drawn: &'a [String],
    files: Vec<String>,
    seconds: f64,
    /// Of `seconds`, the time spent drawing charts.
    chart_seconds: f64,
}

/// What the report was made from.
#[derive(Serialize)]
struct Input {
    files: usize,
    articles: usize,
    duplicates: usize,
    skipped: usize,
    /// XXH3 over every article's id and the hash of its file's bytes, in id order: equal
    /// fingerprints, same input.
    fingerprint: String,
}

impl Input {
    fn of(records: &[Record]) -> Self {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut files = std::collections::HashSet::new();
        let (mut duplicates, mut skipped) = (0, 0);
        for r in records {
            hasher.update(r.name.doc_id().as_bytes());
            hasher.update(&[0]);
            hasher.update(&r.fingerprint.to_le_bytes());
            files.insert(r.name.path());
            match r.status {
                Status::Ok => {}
                Status::Duplicate(_) => duplicates += 1,
                Status::Skipped(_) => skipped += 1,
            }
        }
        Self {
            files: files.len(),
            articles: records.len(),
            duplicates,
            skipped,
            fingerprint: format!("xxh3:{:016x}", hasher.digest()),
        }
    }
}

#[derive(Serialize)]
struct Options {
    inputs: Vec<String>,
    tfidf: &'static str,
    tfidf_formula: &'static str,
    sublinear_tf: bool,
    stem: bool,
    stop_words: usize,
    top_per_doc: usize,
    matrix: bool,
    excel: bool,
    no_charts: bool,
    /// None: chosen from the dates (the summary says which).
    period: Option<&'static str>,
    trend_terms: usize,
    track: Vec<String>,
    /// `built-in`, `none` or the dictionary file.
    topics: String,
    topics_k: Option<usize>,
    seed: u64,
    topics_sample: usize,
    parquet: bool,
}

/// Writes run.json into `out`; returns its path.
pub fn write(
    out: &OutDir,
    settings: &Settings,
    summary: &Summary,
    records: &[Record],
    files: &[PathBuf],
) -> Result<PathBuf> {
    let w = settings.weighting;
    let manifest = Manifest {
        tool: "newsreport",
        version: env!("CARGO_PKG_VERSION"),
        options: Options {
            inputs: settings
                .inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            tfidf: w.scheme.name(),
            tfidf_formula: w.scheme.formula(w.sublinear),
            sublinear_tf: w.sublinear,
            stem: settings.stem,
            stop_words: settings.stop_words.len(),
            top_per_doc: settings.top_per_doc,
            matrix: settings.matrix,
            excel: settings.excel,
            no_charts: settings.no_charts,
            period: settings.period.map(|p| p.name()),
            trend_terms: settings.trend_terms,
            track: settings.track.clone(),
            topics: settings.topics_from.clone(),
            topics_k: settings.topics_k,
            seed: settings.seed,
            topics_sample: settings.topics_sample,
            parquet: settings.parquet,
        },
        input: Input::of(records),
        documents: summary.documents,
        tokens: summary.tokens,
        terms: summary.terms,
        warnings: &summary.warnings,
        charts_not_drawn: &summary.not_drawn,
        files: files
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect(),
        seconds: (summary.seconds * 1000.0).round() / 1000.0,
        chart_seconds: (summary.chart_seconds * 1000.0).round() / 1000.0,
    };
    out.write("run.json", |w| {
        serde_json::to_writer_pretty(&mut *w, &manifest)?;
        std::io::Write::write_all(w, b"\n")
    })
}
