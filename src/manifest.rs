//! `run.json`: what a report was made from and with, written last.
//!
//! Owns the manifest's fields: tool version, the options that change numbers (the TF-IDF
//! scheme and its formula among them), counts, warnings, the files written and the time
//! taken. Only `seconds` changes between two runs on the same input.

use std::path::PathBuf;

use serde::Serialize;

use crate::Warning;
use crate::error::Result;
use crate::output::OutDir;
use crate::pipeline::Summary;
use crate::settings::Settings;

#[derive(Serialize)]
struct Manifest<'a> {
    tool: &'static str,
    version: &'static str,
    options: Options,
    documents: usize,
    tokens: u64,
    terms: usize,
    warnings: &'a [Warning],
    files: Vec<String>,
    seconds: f64,
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
    /// None: chosen from the dates (the summary says which).
    period: Option<&'static str>,
    trend_terms: usize,
    track: Vec<String>,
    /// `built-in`, `none` or the dictionary file.
    topics: String,
    topics_k: Option<usize>,
    seed: u64,
}

/// Writes run.json into `out`; returns its path.
pub fn write(
    out: &OutDir,
    settings: &Settings,
    summary: &Summary,
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
            period: settings.period.map(|p| p.name()),
            trend_terms: settings.trend_terms,
            track: settings.track.clone(),
            topics: settings.topics_from.clone(),
            topics_k: settings.topics_k,
            seed: settings.seed,
        },
        documents: summary.documents,
        tokens: summary.tokens,
        terms: summary.terms,
        warnings: &summary.warnings,
        files: files
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect(),
        seconds: (summary.seconds * 1000.0).round() / 1000.0,
    };
    out.write("run.json", |w| {
        serde_json::to_writer_pretty(&mut *w, &manifest)?;
        w.write_all(b"\n")
    })
}
