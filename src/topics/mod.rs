//! Topics: dictionary topics (a user's or the built-in word lists, matched in each document
//! during analysis) and discovered topics (NMF of the TF-IDF matrix), and both over time.
//!
//! Owns the NMF input (vocabulary and weighting), the default number of topics, topic labels
//! and order, each document's topic shares, and the per-period topic series.
//! [`dictionary`] owns the word lists and matching, [`nmf`] the factorisation.
//!
//! The NMF input: terms in at least [`MIN_DF`] documents and at most [`MAX_DF_SHARE`] of them,
//! the [`MAX_VOCABULARY`] with the highest document frequency (ties by stem); weighted as
//! scikit-learn's `TfidfVectorizer()` does (raw counts x smooth idf, each document
//! L2-normalised), whatever `--tfidf` says, since the factorisation wants unit rows.
//! No I/O, never fails.

pub mod dictionary;
pub mod nmf;

use crate::corpus::{Corpus, DocStats};
use crate::packed::Lists;
use crate::text::TermId;
use crate::trends::Timeline;

pub const MIN_DF: u32 = 2;
pub const MAX_DF_SHARE: f64 = 0.95;
pub const MAX_VOCABULARY: usize = 5000;
/// Fewer documents than this and topics are not discovered.
pub const MIN_DOCUMENTS: usize = 50;
/// Terms listed per discovered topic (topics.csv) and used for its matches.
pub const TERMS_PER_TOPIC: usize = 10;
/// Shares of a document below this are left out of document_topics.csv.
pub const MIN_SHARE: f64 = 0.05;
pub const MAX_ITER: usize = 200;
/// Most documents the factorisation is fitted on by default; the others are folded in.
/// Above every corpus of `../shared/corpora` (the largest has 21,578), whose topics stay
/// those of the whole matrix: on reuters21578 a sample of 10,000 gives topics whose
/// documents' dominant topic agrees with the whole matrix's at NMI 0.73, while two seeds of
/// the whole matrix agree at 0.80 (newsgroups20: 0.67 and 0.74).
pub const DEFAULT_SAMPLE: usize = 50_000;
/// Stop when an iteration gains less than this fraction of the first loss.
pub const TOL: f64 = 1e-5;

/// The default number of discovered topics: √(documents / 10), between 3 and 20; None when
/// the corpus is too small to say anything.
pub fn default_k(documents: usize) -> Option<usize> {
    (documents >= MIN_DOCUMENTS)
        .then(|| ((documents as f64 / 10.0).sqrt().round() as usize).clamp(3, 20))
}

/// What the factorisation reads: which term each column is, and how a document becomes its
/// row. Rows are made when they are needed rather than kept as one matrix: past the sample
/// size only the sample is ever held.
#[derive(Debug, Clone)]
pub struct NmfInput {
    pub terms: Vec<TermId>,
    /// Term id -> column, `u32::MAX` for a term left out.
    column: Vec<u32>,
    /// Per column: smooth idf.
    idf: Vec<f64>,
}

impl NmfInput {
    /// Appends the document's row: (column, count x idf), L2-normalised, columns ascending
    /// (terms are in stem order, as columns are).
    pub fn row(&self, d: &DocStats, out: &mut Vec<(u32, f64)>) {
        let start = out.len();
        out.extend(d.terms.iter().filter_map(|(t, c)| {
            let col = self.column[t as usize];
            (col != u32::MAX).then(|| (col, f64::from(c) * self.idf[col as usize]))
        }));
        let row = &mut out[start..];
        let norm = row.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, v) in row {
                *v /= norm;
            }
        }
    }

    /// The rows of `docs` as one matrix, allocated once at its exact size (a growing vector
    /// can hold twice what it needs at its peak).
    pub fn matrix<'d>(&self, docs: impl Iterator<Item = &'d DocStats> + Clone) -> nmf::Csr {
        let (rows, entries) = (docs.clone()).fold((0, 0), |(n, e), d| (n + 1, e + self.width(d)));
        let mut matrix = nmf::Csr::with_capacity(self.terms.len(), rows, entries);
        let mut row = Vec::new();
        for d in docs {
            row.clear();
            self.row(d, &mut row);
            matrix.push_row(&row);
        }
        matrix
    }

    /// Entries in the document's row: its terms in the vocabulary.
    fn width(&self, d: &DocStats) -> usize {
        (d.terms.iter())
            .filter(|&(t, _)| self.column[t as usize] != u32::MAX)
            .count()
    }
}

/// Builds the NMF input of the corpus (see the module docs).
pub fn nmf_input(corpus: &Corpus) -> NmfInput {
    let n = corpus.docs.len();
    let max_df = (MAX_DF_SHARE * n as f64).floor() as u32;
    let mut keep: Vec<usize> = (0..corpus.terms.len())
        .filter(|&t| {
            let df = corpus.terms[t].doc_freq;
            df >= MIN_DF && df <= max_df
        })
        .collect();
    // Terms are numbered in stem order, so a stable sort by df keeps ties by stem.
    keep.sort_by_key(|&t| std::cmp::Reverse(corpus.terms[t].doc_freq));
    keep.truncate(MAX_VOCABULARY);
    keep.sort_unstable();
    let mut column = vec![u32::MAX; corpus.terms.len()];
    for (c, &t) in keep.iter().enumerate() {
        column[t] = c as u32;
    }
    let idf: Vec<f64> = keep
        .iter()
        .map(|&t| ((1.0 + n as f64) / (1.0 + f64::from(corpus.terms[t].doc_freq))).ln() + 1.0)
        .collect();
    NmfInput {
        terms: keep.iter().map(|&t| t as TermId).collect(),
        column,
        idf,
    }
}

/// A discovered topic.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// Its three most distinctive terms (display words), space-separated: among its top
    /// [`LABEL_POOL`] terms by weight, those whose weight lies most in this topic (weight ×
    /// the term's share of its weight over all topics), so words every topic uses ("said",
    /// "mr", "year") do not lead.
    pub label: String,
    /// The top [`TERMS_PER_TOPIC`] terms and their weights in H, heaviest first.
    pub terms: Vec<(TermId, f64)>,
}

/// Topics found by NMF. Topics are numbered by their total weight over the documents,
/// heaviest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Discovered {
    pub topics: Vec<Topic>,
    /// Per corpus document: (topic, share of the document's weight), shares of at least
    /// [`MIN_SHARE`], largest first (ties: lower topic). Empty for a document with no term of
    /// the vocabulary.
    pub doc_topics: Lists<(u16, f64)>,
    /// Per corpus document: its heaviest topic.
    pub dominant: Vec<Option<u16>>,
    pub vocabulary: usize,
    pub iterations: usize,
    pub loss: f64,
}

/// A topic's label is chosen among its this many heaviest terms.
pub const LABEL_POOL: usize = 20;

/// Discovers `k` topics in the corpus.
pub fn discover(
    corpus: &Corpus,
    input: &NmfInput,
    k: usize,
    seed: u64,
    sample: usize,
) -> Discovered {
    let k = k.clamp(1, usize::from(u16::MAX));
    let options = nmf::Options {
        k,
        seed,
        max_iter: MAX_ITER,
        tol: TOL,
    };
    let docs = &corpus.docs;
    let f = if docs.len() <= sample {
        nmf::factorize(&input.matrix(docs.iter()), &options)
    } else {
        // Only the sample is held as a matrix; every document's row is made again as it is
        // folded in.
        let chosen = nmf::sample_rows(docs.len(), seed, sample);
        let m = input.matrix(chosen.iter().map(|&r| &docs[r]));
        let row = |r: usize, out: &mut Vec<(u32, f64)>| input.row(&docs[r], out);
        nmf::factorize_sample_of(&m, docs.len(), row, &options)
    };
    let mass: Vec<f64> = (0..k).map(|j| f.w.chunks(k).map(|r| r[j]).sum()).collect();
    // Each term's weight over all topics: what a topic's share of it is measured against.
    let total: Vec<f64> = f.h.chunks(k).map(|row| row.iter().sum()).collect();
    let topics: Vec<(f64, Topic)> = (0..k)
        .map(|j| {
            let mut terms: Vec<(TermId, f64, f64)> = input
                .terms
                .iter()
                .zip(f.h.chunks(k))
                .zip(&total)
                .map(|((&t, row), &all)| (t, row[j], if all > 0.0 { row[j] / all } else { 0.0 }))
                .filter(|&(_, v, _)| v > 0.0)
                .collect();
            // Heaviest first; ties by term id, which is stem order.
            terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            terms.truncate(TERMS_PER_TOPIC.max(LABEL_POOL));
            let mut pool: Vec<&(TermId, f64, f64)> = terms.iter().take(LABEL_POOL).collect();
            pool.sort_by(|a, b| {
                (b.1 * b.2)
                    .total_cmp(&(a.1 * a.2))
                    .then(b.1.total_cmp(&a.1))
                    .then(a.0.cmp(&b.0))
            });
            let label = pool
                .iter()
                .take(3)
                .map(|&&(t, _, _)| corpus.terms[t as usize].display())
                .collect::<Vec<_>>()
                .join(" ");
            terms.truncate(TERMS_PER_TOPIC);
            let terms = terms.into_iter().map(|(t, w, _)| (t, w)).collect();
            (mass[j], Topic { label, terms })
        })
        .collect();
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| {
        topics[b]
            .0
            .total_cmp(&topics[a].0)
            .then_with(|| topics[a].1.label.cmp(&topics[b].1.label))
            .then(a.cmp(&b))
    });
    let mut new_of = vec![0u16; k];
    for (new, &old) in order.iter().enumerate() {
        new_of[old] = new as u16;
    }
    let mut doc_topics = Lists::default();
    let mut dominant = Vec::with_capacity(corpus.docs.len());
    // An empty document has an all-zero TF-IDF row, but NNDSVDa's fill leaves it a small
    // equal weight on every topic: it has no topic.
    for (row, d) in f.w.chunks(k).zip(docs) {
        let total: f64 = row.iter().sum();
        let mut shares: Vec<(u16, f64)> = if total > 0.0 && input.width(d) > 0 {
            row.iter()
                .enumerate()
                .map(|(j, &v)| (new_of[j], v / total))
                .filter(|&(_, s)| s > 0.0)
                .collect()
        } else {
            Vec::new()
        };
        shares.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        dominant.push(shares.first().map(|s| s.0));
        shares.retain(|&(_, s)| s >= MIN_SHARE);
        doc_topics.push(shares);
    }
    let topics: Vec<Topic> = order.iter().map(|&j| topics[j].1.clone()).collect();
    Discovered {
        topics,
        doc_topics,
        dominant,
        vocabulary: input.terms.len(),
        iterations: f.iterations,
        loss: f.loss,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dictionary,
    Discovered,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Dictionary => "dictionary",
            Kind::Discovered => "discovered",
        }
    }
}

/// One topic, period by period.
///
/// For a dictionary topic, `documents` are those with at least one match and `matches` its
/// matches. For a discovered topic, `documents` are those whose heaviest topic it is, and
/// `matches` the occurrences of its [`TERMS_PER_TOPIC`] top terms (in any document).
#[derive(Debug, Clone, PartialEq)]
pub struct TopicSeries {
    /// The dictionary name, or the discovered topic's number and label (`3: oil gas price`).
    pub name: String,
    pub kind: Kind,
    pub documents: Vec<u32>,
    pub matches: Vec<u64>,
}

/// Dictionary topics (named `names`, matches in each document's `topics`) and discovered
/// topics over the timeline's periods.
pub fn topic_trends(
    corpus: &Corpus,
    timeline: &Timeline,
    names: &[String],
    discovered: Option<&Discovered>,
) -> Vec<TopicSeries> {
    let n = timeline.spans.len();
    let empty = |name: String, kind: Kind| TopicSeries {
        name,
        kind,
        documents: vec![0; n],
        matches: vec![0; n],
    };
    let mut out: Vec<TopicSeries> = names
        .iter()
        .map(|name| empty(name.clone(), Kind::Dictionary))
        .collect();
    for (doc, p) in corpus.docs.iter().zip(&timeline.doc_period) {
        let Some(p) = p.map(|p| p as usize) else {
            continue;
        };
        for &(t, m) in &doc.topics {
            if let Some(s) = out.get_mut(usize::from(t)) {
                s.documents[p] += 1;
                s.matches[p] += u64::from(m);
            }
        }
    }
    if let Some(d) = discovered {
        let base = out.len();
        // Which topics each term is a top term of.
        let mut of_term: Vec<Vec<usize>> = vec![Vec::new(); corpus.terms.len()];
        for (j, topic) in d.topics.iter().enumerate() {
            out.push(empty(
                format!("{}: {}", j + 1, topic.label),
                Kind::Discovered,
            ));
            for &(t, _) in &topic.terms {
                of_term[t as usize].push(base + j);
            }
        }
        for (i, (doc, p)) in corpus.docs.iter().zip(&timeline.doc_period).enumerate() {
            let Some(p) = p.map(|p| p as usize) else {
                continue;
            };
            if let Some(Some(j)) = d.dominant.get(i) {
                out[base + usize::from(*j)].documents[p] += 1;
            }
            for (t, c) in &doc.terms {
                for &s in &of_term[t as usize] {
                    out[s].matches[p] += u64::from(c);
                }
            }
        }
    }
    out
}

/// A dictionary topic matching at least this share of the dated articles says nothing about
/// change; one matching fewer than [`RARE_SHARE`] has too little to show.
pub const COMMON_SHARE: f64 = 0.8;
pub const RARE_SHARE: f64 = 0.02;

/// Whether a dictionary topic tells the articles apart: it neither matches nearly every dated
/// article ([`COMMON_SHARE`]) nor almost none ([`RARE_SHARE`]). None when it does; else the
/// reason, with its share (charts leave such a topic out; topic_trends.csv keeps its rows
/// with this note).
pub fn topic_note(tl: &Timeline, s: &TopicSeries) -> Option<String> {
    if s.kind != Kind::Dictionary {
        return None;
    }
    let docs: u32 = tl.documents.iter().sum();
    let matched: u32 = s.documents.iter().sum();
    let ratio = crate::trends::share(matched, docs);
    let pct = (ratio * 100.0).round();
    if ratio >= COMMON_SHARE {
        Some(format!(
            "matches {pct}% of the dated articles: it does not tell them apart"
        ))
    } else if ratio < RARE_SHARE {
        Some(format!(
            "matches {pct}% of the dated articles: too few to show"
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::corpus_of;
    use crate::settings::Settings;

    #[test]
    fn default_k_grows_with_the_corpus() {
        assert_eq!(default_k(5), None);
        assert_eq!(default_k(49), None);
        assert_eq!(default_k(50), Some(3));
        // √222.5 = 14.9
        assert_eq!(default_k(2225), Some(15));
        assert_eq!(default_k(50_000), Some(20));
    }

    #[test]
    fn nmf_input_vocabulary_and_weights() {
        // "common" is in all 3 documents (> 95%), "once" in one (< 2): both left out.
        let c = corpus_of(
            &[
                ("a", "common oil oil gas once"),
                ("b", "common oil gas"),
                ("c", "common"),
            ],
            &Settings::default(),
        );
        let input = nmf_input(&c);
        let names: Vec<&str> = input
            .terms
            .iter()
            .map(|&t| c.terms[t as usize].stem())
            .collect();
        assert_eq!(names, ["gas", "oil"]);
        // Document a: oil 2 x idf = 2 x (ln(4/3) + 1) = 2.575364, gas 1 x 1.287682 (same df);
        // L2-normalised (1, 2)/√5 -> gas 0.447214, oil 0.894427.
        let m = input.matrix(c.docs.iter());
        assert_eq!(&m.indices[m.indptr[0]..m.indptr[1]], &[0, 1]);
        let row = &m.data[m.indptr[0]..m.indptr[1]];
        assert!(
            (row[0] - 0.447_214).abs() < 1e-6 && (row[1] - 0.894_427).abs() < 1e-6,
            "{row:?}"
        );
    }

    #[test]
    fn discovered_topics_separate_two_vocabularies() {
        let mut texts = Vec::new();
        for i in 0..30 {
            let (a, b) = if i % 2 == 0 {
                ("oil gas pipeline barrel", "crude refinery")
            } else {
                ("election vote ballot campaign", "parliament candidate")
            };
            let extra = ["oil", "vote", "gas", "ballot", "crude", "campaign"][i % 6];
            texts.push((format!("d{i:02}"), format!("{a} {b} {extra} {a}")));
        }
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let c = corpus_of(&refs, &Settings::default());
        let input = nmf_input(&c);
        let d = discover(&c, &input, 2, 1, DEFAULT_SAMPLE);
        // Every even document is in one topic and every odd one in the other.
        let even = d.dominant[0];
        let odd = d.dominant[1];
        assert!(even.is_some() && even != odd);
        for (i, t) in d.dominant.iter().enumerate() {
            assert_eq!(*t, if i % 2 == 0 { even } else { odd }, "document {i}");
        }
        let label = &d.topics[usize::from(even.unwrap_or(0))].label;
        assert!(
            label
                .split(' ')
                .all(|w| "oil gas pipeline barrel crude refinery".contains(w)),
            "{label}"
        );
        assert_eq!(d.topics[0].terms.len(), 6);
    }
}
