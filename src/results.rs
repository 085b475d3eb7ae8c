//! The one set of results of a run, built once by the pipeline and handed to every writer:
//! the tables ([`crate::tables`]: CSV and the workbook), the charts and the page. Writers
//! format these results; they never recompute a rate, re-sort terms or read a file another
//! writer wrote. (Each document's top terms are the one thing chosen when asked for, by the
//! one function [`crate::tfidf::TopTerms`], so every writer sees the same.) Also [`Summary`], what the run did, for the terminal, the page and
//! `run.json`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::Warning;
use crate::compare::Comparison;
use crate::compare::kwic::{Line, Wanted};
use crate::corpus::{Corpus, Record};
use crate::human::{count, thousands};
use crate::meta::boilerplate::PatternRow;
use crate::phrases::Phrases;
use crate::speakers::merge::Speakers;
use crate::text::TermId;
use crate::topics::{Discovered, NmfInput, TopicSeries};
use crate::trends::Trends;

/// Everything a report shows.
pub struct Results<'a> {
    /// Every input article, in doc_id order, whatever became of it.
    pub records: &'a [Record],
    pub corpus: &'a Corpus,
    /// idf of each term under the chosen scheme.
    pub idfs: &'a [f64],
    /// Each document's top terms (term, count, weight), chosen when asked for.
    pub top: crate::tfidf::TopTerms<'a>,
    /// Each document's weights in the order of its terms, when the whole matrix is asked for.
    pub matrix: Option<&'a [Vec<f64>]>,
    pub phrases: &'a Phrases,
    pub speakers: &'a Speakers<'a>,
    /// Periods, term series and change; None when no document has a date.
    pub trends: Option<&'a Trends>,
    /// Topics over the periods of `trends`.
    pub topic_series: Option<&'a [TopicSeries]>,
    pub discovered: Option<&'a Discovered>,
    /// The matrix the topics were discovered in, when the whole matrix is asked for.
    pub nmf_input: Option<&'a NmfInput>,
    /// The user's metadata columns kept as document attributes, in the sheet's order.
    pub attributes: &'a [Arc<str>],
    /// Furniture removed, pattern by pattern, most articles first.
    pub boilerplate: &'a [PatternRow],
    /// Every term, in the order of `terms.csv`: most frequent first, ties by display word
    /// then stem.
    pub terms_order: Vec<TermId>,
    /// Statements per period of the timeline and speaker (see [`crate::trends::speaker_periods`]).
    pub speaker_periods: Vec<(usize, String, u32)>,
    /// Groups compared and their key terms, speakers' terms, co-mentions.
    pub comparison: &'a Comparison,
    /// The terms shown in context, and the lines, by term then date.
    pub kwic_terms: &'a [Wanted],
    pub kwic: &'a [Line],
}

impl Results<'_> {
    /// The metadata of each analysed document, by its index in the corpus.
    pub fn meta_of_docs(&self) -> Vec<Option<&crate::meta::Meta>> {
        let mut meta = vec![None; self.corpus.docs.len()];
        for r in self.records {
            if let Some(i) = r.analysed() {
                meta[i] = r.meta.as_ref();
            }
        }
        meta
    }

    /// The order of `terms.csv`, computed once for every writer.
    pub fn order_terms(corpus: &Corpus) -> Vec<TermId> {
        let mut order: Vec<TermId> = (0..corpus.terms.len() as TermId).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&corpus.terms[a as usize], &corpus.terms[b as usize]);
            y.count
                .cmp(&x.count)
                .then_with(|| x.display().cmp(y.display()))
                .then_with(|| x.stem().cmp(y.stem()))
        });
        order
    }
}

/// What a run did, for the closing lines on the terminal.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Articles analysed (duplicates and skipped files apart).
    pub documents: usize,
    pub duplicates: usize,
    pub skipped: usize,
    pub tokens: u64,
    pub terms: usize,
    pub boilerplate_lines: u64,
    /// Analysed articles without a usable date, by reason, most common first.
    pub undated: Vec<(String, usize)>,
    /// What became of trends, speakers, topics and comparisons, a line each.
    pub notes: Vec<String>,
    /// The memory budget and whether counts went to disk. Like the times, not in the
    /// workbook: it changes with `--memory`, which must not change the report.
    pub memory: String,
    /// Time taken to discover topics (NMF input and factorisation), when they were.
    pub topics_seconds: Option<f64>,
    pub seconds: f64,
    /// Seconds spent planning and drawing the charts (part of `seconds`).
    pub chart_seconds: f64,
    /// Charts not drawn, each with its reason.
    pub not_drawn: Vec<String>,
    pub out: PathBuf,
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
}

impl Summary {
    /// What the run did, as (label, value) lines for the workbook's About sheet: everything
    /// the terminal says but the times, so the same input makes the same workbook.
    pub fn about(&self) -> Vec<(String, String)> {
        let n = |v: usize| thousands(v as i64);
        let mut lines = vec![
            ("Documents analysed".to_string(), n(self.documents)),
            ("Duplicates left out".into(), n(self.duplicates)),
            ("Files skipped".into(), n(self.skipped)),
            ("Word tokens".into(), thousands(self.tokens as i64)),
            ("Distinct terms".into(), n(self.terms)),
            (
                "Boilerplate lines removed".into(),
                thousands(self.boilerplate_lines as i64),
            ),
        ];
        let undated: usize = self.undated.iter().map(|(_, n)| n).sum();
        if undated > 0 {
            let why: Vec<String> = (self.undated.iter())
                .map(|(r, k)| format!("{} {r}", n(*k)))
                .collect();
            lines.push((
                "Without a usable date".into(),
                format!("{} ({})", n(undated), why.join(", ")),
            ));
        }
        for note in &self.notes {
            // The topics' time is the one varying part of a note.
            let note = match note.find(") in ") {
                Some(at) if note.ends_with(" s") => &note[..=at],
                _ => note.as_str(),
            };
            lines.push(("Note".into(), note.to_string()));
        }
        if !self.warnings.is_empty() {
            lines.push((
                "Warnings".into(),
                format!("{}, listed in run.json", n(self.warnings.len())),
            ));
        }
        lines
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = |v: usize| v as u64;
        writeln!(
            f,
            "newsreport: {}, {}, {} in {:.2} s",
            count(n(self.documents), "document"),
            count(self.tokens, "token"),
            count(n(self.terms), "distinct term"),
            self.seconds
        )?;
        writeln!(
            f,
            "  {} left out, {} skipped, {} removed",
            count(n(self.duplicates), "duplicate"),
            count(n(self.skipped), "file"),
            count(self.boilerplate_lines, "boilerplate line"),
        )?;
        let undated: usize = self.undated.iter().map(|(_, n)| n).sum();
        if undated > 0 {
            let why: Vec<String> = self
                .undated
                .iter()
                .map(|(r, n)| format!("{} {r}", thousands(*n as i64)))
                .collect();
            writeln!(
                f,
                "  {} of {} {} no usable date ({}); see date_raw in documents.csv, or give dates with --metadata",
                thousands(undated as i64),
                count(n(self.documents), "document"),
                if undated == 1 { "has" } else { "have" },
                why.join(", ")
            )?;
        }
        for note in &self.notes {
            writeln!(f, "  {note}")?;
        }
        if !self.memory.is_empty() {
            writeln!(f, "  memory budget: {}", self.memory)?;
        }
        let charts = self
            .files
            .iter()
            .filter(|p| crate::charts::is_chart(p))
            .count();
        if charts > 0 {
            writeln!(
                f,
                "  {} drawn in {:.2} s",
                count(n(charts), "chart"),
                self.chart_seconds
            )?;
        }
        for why in &self.not_drawn {
            writeln!(f, "  {why}")?;
        }
        if !self.warnings.is_empty() {
            writeln!(
                f,
                "  {}, listed above and in run.json",
                count(n(self.warnings.len()), "warning")
            )?;
        }
        let names: Vec<String> = self
            .files
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        write!(
            f,
            "report in {}/ (open index.html): {}",
            self.out.display(),
            names.join(", ")
        )
    }
}
