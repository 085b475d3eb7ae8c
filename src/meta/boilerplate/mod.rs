//! Boilerplate removal: page furniture, wire sign-offs and archive stamps are not news and
//! must not reach any count.
//!
//! This module owns the decision "is this line furniture?" and the report of what was removed
//! (`boilerplate.csv`): it works line by line, never rewrites what it keeps, and turns every
//! removed line into an empty line so that paragraph boundaries stay paragraph boundaries.
//! Repeated paragraphs inside one article are left to the duplicate step; a first line
//! starting with `date ` belongs to the header parser and is never touched.
//!
//! Lines are compared *normalised*: trimmed, inner whitespace runs (non-breaking and other
//! Unicode spaces included) folded to one space, zero-width characters dropped, case-folded.
//!
//! The mechanisms, all biased towards keeping text (precision over recall), each in its own
//! file:
//!
//! 1. **Known furniture** ([`known`]), on the normalised line alone: whole lines of
//!    `words/lines.txt` (comment boxes, widgets, video-player and caption controls such as
//!    "JUST WATCHED", "Hide Caption", "Story highlights", wire sign-offs), line beginnings of
//!    `words/prefixes.txt` with a word cap ("MUST WATCH <title>", "Photos: <title>"), and
//!    shapes: copyright stamps and photo credits, Factiva stamps ("86 words", "document
//!    theexp00..."), page clocks, gallery counters ("3 of 12").
//! 2. **Furniture learned from the corpus** ([`recurring`]): a first pass counts, per
//!    document, label lines (verbatim, or as a template once their date or time is masked),
//!    label prefixes before a changing tail ("JUST WATCHED <title>"), and prose lines; those
//!    above their share of the documents are furniture. A prose line must recur in many
//!    articles (10%) before it goes; a label line in 4%; a label prefix, whose shape already
//!    says "label", in 1%. The title line is never removed for recurring.
//! 3. **Export header** ([`layout`]): Factiva's run from "N words" to the language line.
//! 4. **Place on the page** ([`layout`]): a photo caption directly above its credit, a
//!    Usenet signature after "--", and related headlines and tag lines after the story.
//!
//! Lines over 1,000 bytes are never furniture (and are not normalised: a fast path). Every
//! pass is linear in the input size; nothing indexes or unwraps on input.

pub mod known;
mod layout;
pub mod recurring;
mod text;

use std::collections::BTreeMap;

pub use known::Known;
pub use recurring::{
    LineBatch, LineSums, MAX_RECURRING_WORDS, MIN_DOCS, RECURRING_SHARE_PERCENT, RecurringLines,
    Recurs, recurring_threshold,
};
use text::{Header, normalize, normalize_into};

/// Longer lines are text: no known pattern or recurring line is that long (fast path too).
const MAX_FURNITURE_BYTES: usize = 1000;

/// An article's text with its furniture removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub removed_lines: usize,
    /// Each removed line (trimmed) and why, in text order.
    pub removed: Vec<(Removal, String)>,
}

/// Why a line was removed: the mechanism, and for known furniture the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Removal {
    /// Mechanism 1: known furniture, by rule.
    Known(Known),
    /// Mechanism 2: recurs across the corpus, verbatim, masked or by its label prefix.
    Recurring(Recurs),
    /// Mechanism 3: archive export header (Factiva date/source/code lines).
    ExportHeader,
    /// Mechanism 4: Usenet signature after "--".
    Signature,
    /// Mechanism 4: related headlines / tag lines after the body.
    RelatedTail,
    /// A photo caption: the line right above a photo credit ("© REUTERS/ Maxim Shemetov").
    Caption,
}

impl Removal {
    /// `known`, `template` or `recurring`: the `kind` column of `boilerplate.csv`.
    pub fn kind(self) -> &'static str {
        match self {
            Removal::Recurring(Recurs::Verbatim) => "recurring",
            Removal::Recurring(Recurs::Masked | Recurs::Prefix) => "template",
            _ => "known",
        }
    }

    /// The pattern a removed `line` stands for, with the variable part as `…`: the rule for
    /// known furniture, the (masked) line or its label prefix for learned furniture.
    pub fn pattern(self, line: &str) -> String {
        let shorten = |s: String| match s.char_indices().nth(100) {
            Some((cut, _)) => format!("{}…", &s[..cut]),
            None => s,
        };
        match self {
            Removal::Known(k) => k.pattern(),
            Removal::Recurring(Recurs::Verbatim) => shorten(normalize(line)),
            Removal::Recurring(Recurs::Masked) => {
                shorten(recurring::mask(&normalize(line)).replace('#', "…"))
            }
            Removal::Recurring(Recurs::Prefix) => {
                let prefix = recurring::label_prefix(line).unwrap_or_default();
                format!("{prefix} …")
            }
            Removal::ExportHeader => "export header (date, source, code, edition, language)".into(),
            Removal::Signature => "signature after --".into(),
            Removal::RelatedTail => "related headlines and tags after the story".into(),
            Removal::Caption => "photo caption above its credit".into(),
        }
    }
}

/// Remove boilerplate lines; keeps the line structure of what stays (removed lines become
/// empty lines so that paragraph boundaries stay paragraph boundaries).
pub fn clean(text: &str, recurring: &RecurringLines) -> Cleaned {
    let verdicts = classify_lines(text, recurring);
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    for (i, (line, verdict)) in text.split('\n').zip(&verdicts).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match verdict {
            Some(r) => removed.push((*r, line.trim().to_string())),
            None => out.push_str(line),
        }
    }
    Cleaned {
        text: out,
        removed_lines: removed.len(),
        removed,
    }
}

/// One verdict per line of `text.split('\n')`: `None` = kept.
pub fn classify_lines(text: &str, recurring: &RecurringLines) -> Vec<Option<Removal>> {
    let lines: Vec<&str> = text.split('\n').collect();
    let head = Header::of(&lines);
    let mut verdicts = vec![None; lines.len()];
    let mut buf = String::new();
    for i in head.body_start..lines.len() {
        if lines[i].len() > MAX_FURNITURE_BYTES {
            continue;
        }
        normalize_into(lines[i], &mut buf);
        if buf.is_empty() {
            continue;
        }
        if let Some(k) = known::known(&buf) {
            verdicts[i] = Some(Removal::Known(k));
        } else if Some(i) != head.title
            && let Some(how) = recurring.recurs(lines[i], &buf)
        {
            verdicts[i] = Some(Removal::Recurring(how));
        }
    }
    layout::photo_captions(&lines, &mut verdicts, &head);
    layout::export_header(&lines, &mut verdicts, head.body_start);
    layout::usenet_signature(&lines, &mut verdicts, head.body_start);
    layout::related_tail(&lines, &mut verdicts, &head);
    verdicts
}

/// Whether one line, on its own, is known furniture (mechanism 1 of the module doc).
pub fn is_known_boilerplate(line: &str) -> bool {
    line.len() <= MAX_FURNITURE_BYTES && known::known(&normalize(line)).is_some()
}

/// A removed line as `boilerplate.csv` counts it: its kind (`known`, `template` or
/// `recurring`), the pattern it stands for, and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedLine {
    pub kind: &'static str,
    pub pattern: String,
    pub line: String,
}

/// Each removed line with its kind and pattern.
pub fn lines_of(removed: &[(Removal, String)]) -> Vec<RemovedLine> {
    (removed.iter())
        .map(|(removal, line)| RemovedLine {
            kind: removal.kind(),
            pattern: removal.pattern(line),
            line: line.clone(),
        })
        .collect()
}

/// The kind of [`RemovedLine`] named `s`, if it is one.
pub fn kind_named(s: &str) -> Option<&'static str> {
    ["known", "template", "recurring"]
        .into_iter()
        .find(|k| *k == s)
}

/// What was removed over the corpus, pattern by pattern: the rows of `boilerplate.csv`.
/// Built per worker and merged; exact and order-free, so it does not depend on threads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    /// (kind, pattern) -> tally.
    patterns: BTreeMap<(&'static str, String), Tally>,
}

/// How often one pattern was removed, and an example.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub articles: u64,
    pub lines: u64,
    /// The example shown: the first removed line of the first article (by doc_id).
    pub example: (String, String),
}

/// One row of `boilerplate.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternRow {
    pub pattern: String,
    pub kind: &'static str,
    pub articles: u64,
    pub lines: u64,
    pub example: String,
}

impl Removed {
    /// Adds the lines removed from the article `doc_id` (the run adds them with their kind and
    /// pattern, made where the article was worked: [`Removed::add_lines`]).
    #[cfg(test)]
    pub fn add(&mut self, doc_id: &str, removed: &[(Removal, String)]) {
        self.add_lines(doc_id, &lines_of(removed));
    }

    /// Adds the lines removed from the article `doc_id`, each with its kind and pattern.
    pub fn add_lines(&mut self, doc_id: &str, removed: &[RemovedLine]) {
        let mut seen: Vec<(&'static str, &str)> = Vec::new();
        for r in removed {
            let key = (r.kind, r.pattern.as_str());
            let t = (self.patterns)
                .entry((r.kind, r.pattern.clone()))
                .or_default();
            t.lines += 1;
            if !seen.contains(&key) {
                t.articles += 1;
                let candidate = (doc_id.to_string(), r.line.clone());
                if t.example.0.is_empty() || candidate < t.example {
                    t.example = candidate;
                }
                seen.push(key);
            }
        }
    }

    pub fn merge(mut self, other: Removed) -> Removed {
        for (key, t) in other.patterns {
            let mine = self.patterns.entry(key).or_default();
            mine.articles += t.articles;
            mine.lines += t.lines;
            if mine.example.0.is_empty() || (!t.example.0.is_empty() && t.example < mine.example) {
                mine.example = t.example;
            }
        }
        self
    }

    /// The patterns, most articles first (ties: most lines, then pattern A-Z).
    pub fn rows(&self) -> Vec<PatternRow> {
        let mut rows: Vec<PatternRow> = self
            .patterns
            .iter()
            .map(|((kind, pattern), t)| PatternRow {
                pattern: pattern.clone(),
                kind,
                articles: t.articles,
                lines: t.lines,
                example: t.example.1.clone(),
            })
            .collect();
        rows.sort_by(|a, b| {
            (b.articles, b.lines)
                .cmp(&(a.articles, a.lines))
                .then_with(|| (&a.pattern, a.kind).cmp(&(&b.pattern, b.kind)))
        });
        rows
    }
}

#[cfg(test)]
mod tests;
