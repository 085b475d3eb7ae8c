//! [`run`]: the stages of a run, in order. The only module that sees them all.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use crate::Warning;
use crate::corpus::{self, Corpus, DocStats, Partial};
use crate::discover::{self, Source};
use crate::error::{Error, Result};
use crate::manifest;
use crate::output::OutDir;
use crate::phrases;
use crate::read::{self, Read};
use crate::settings::Settings;
use crate::tables::{self, Tables};
use crate::text::{Analyzer, Stemmer};

/// What a run did, for the closing lines on the terminal.
#[derive(Debug, Clone)]
pub struct Summary {
    pub documents: usize,
    pub tokens: u64,
    pub terms: usize,
    pub seconds: f64,
    pub out: PathBuf,
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "newsreport: {} documents, {} tokens, {} distinct terms in {:.2} s",
            self.documents, self.tokens, self.terms, self.seconds
        )?;
        if !self.warnings.is_empty() {
            writeln!(
                f,
                "{} warning(s), listed above and in run.json",
                self.warnings.len()
            )?;
        }
        let names: Vec<String> = self
            .files
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        write!(f, "tables in {}/: {}", self.out.display(), names.join(", "))
    }
}

/// Analyses the inputs named in `settings` and writes the report.
pub fn run(settings: &Settings) -> Result<Summary> {
    let started = Instant::now();
    settings.check()?;
    let found = discover::discover(&settings.inputs)?;
    // Fail on an unwritable output folder before the long work, not after it.
    let out = OutDir::create(&settings.out)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} threads: {e}", settings.threads)))?;

    let stemmer = if settings.stem {
        Stemmer::english()
    } else {
        Stemmer::none()
    };
    let analyzer = Analyzer::new(settings.stop_words.clone(), stemmer);
    let (docs, partial, mut warnings) = pool.install(|| analyze_all(&found.sources, &analyzer));
    warnings.extend(found.warnings);
    warnings.sort();
    for w in &warnings {
        eprintln!("newsreport: warning: {w}");
    }
    if docs.is_empty() {
        return Err(Error::NoDocuments(format!(
            "no readable article in {}: newsreport reads .txt files (UTF-8) in the folders it is given",
            settings
                .inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let corpus = corpus::build(analyzer.into_lexicon(), docs, partial);

    let weighting = settings.weighting;
    let idfs = weighting.idfs(&corpus);
    let (top, matrix) = pool.install(|| {
        let weights: Vec<Vec<f64>> = corpus
            .docs
            .par_iter()
            .map(|d| weighting.weigh(d, &idfs))
            .collect();
        let top: Vec<_> = corpus
            .docs
            .par_iter()
            .zip(&weights)
            .map(|(d, w)| crate::tfidf::top_terms(d, w, settings.top_per_doc))
            .collect();
        (top, settings.matrix.then_some(weights))
    });
    let phrases = phrases::score(&corpus);

    let tables = Tables {
        corpus: &corpus,
        idfs: &idfs,
        top: &top,
        matrix: matrix.as_deref(),
        phrases: &phrases,
    };
    let mut files = tables::write_all(&out, &tables, settings.excel)?;
    let mut summary = Summary {
        documents: corpus.docs.len(),
        tokens: corpus.tokens,
        terms: corpus.terms.len(),
        seconds: 0.0,
        out: settings.out.clone(),
        files: Vec::new(),
        warnings,
    };
    summary.seconds = started.elapsed().as_secs_f64();
    files.push(manifest::write(&out, settings, &summary, &files)?);
    summary.files = files;
    Ok(summary)
}

/// Reads and analyses every source in parallel; returns documents in source order, the summed
/// corpus-wide counts, and the files that could not be read.
fn analyze_all(sources: &[Source], analyzer: &Analyzer) -> (Vec<DocStats>, Partial, Vec<Warning>) {
    type Acc = (Vec<(usize, DocStats)>, Partial, Vec<Warning>);
    let (mut docs, partial, warnings) = sources
        .par_iter()
        .enumerate()
        .fold(
            || -> Acc { (Vec::new(), Partial::default(), Vec::new()) },
            |(mut docs, mut partial, mut warnings), (i, source)| {
                match read::read(&source.path) {
                    Read::Text { text, lossy } => {
                        if lossy {
                            warnings.push(Warning::new(
                                &source.path,
                                "not valid UTF-8; undecodable bytes were replaced by U+FFFD (re-save the file as UTF-8)",
                            ));
                        }
                        let analysis = analyzer.analyze(&text);
                        partial.add(&analysis);
                        docs.push((
                            i,
                            DocStats {
                                doc_id: source.doc_id.clone(),
                                path: source.path.display().to_string(),
                                characters: text.chars().count() as u64,
                                tokens: analysis.tokens,
                                sentences: analysis.sentences,
                                terms: analysis.terms,
                            },
                        ));
                    }
                    Read::Skipped(why) => warnings.push(Warning::new(&source.path, why)),
                }
                (docs, partial, warnings)
            },
        )
        .reduce(
            || (Vec::new(), Partial::default(), Vec::new()),
            |mut a, b| {
                a.0.extend(b.0);
                a.2.extend(b.2);
                (a.0, a.1.merge(b.1), a.2)
            },
        );
    docs.sort_unstable_by_key(|&(i, _)| i);
    (
        docs.into_iter().map(|(_, d)| d).collect(),
        partial,
        warnings,
    )
}

/// For tests and benches: the corpus of in-memory texts, analysed as a run would.
pub fn corpus_of(texts: &[(&str, &str)], settings: &Settings) -> Corpus {
    let stemmer = if settings.stem {
        Stemmer::english()
    } else {
        Stemmer::none()
    };
    let analyzer = Analyzer::new(settings.stop_words.clone(), stemmer);
    let mut partial = Partial::default();
    let docs = texts
        .iter()
        .map(|&(id, text)| {
            let a = analyzer.analyze(text);
            partial.add(&a);
            DocStats {
                doc_id: id.to_string(),
                path: format!("{id}.txt"),
                characters: text.chars().count() as u64,
                tokens: a.tokens,
                sentences: a.sentences,
                terms: a.terms,
            }
        })
        .collect();
    corpus::build(analyzer.into_lexicon(), docs, partial)
}
