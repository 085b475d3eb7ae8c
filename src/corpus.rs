//! Stage 3: merge the documents' analyses into corpus figures.
//!
//! Owns the corpus-wide numbers: term counts and document frequencies, the word shown for
//! each stem, adjacent-pair counts, and the final numbering of terms. Does no I/O and never
//! fails.
//!
//! Per-document results carry ids in the order threads met words; [`build`] renumbers terms by
//! stem (code-point order), so every later computation, float sums included, runs in one fixed
//! order and the report is the same whatever the thread count.
//! Counts of surface words and pairs are summed per worker in a [`Partial`] and merged once;
//! integer sums do not depend on the order of merging.

use ahash::AHashMap;
use rayon::prelude::*;

use crate::meta::Meta;
use crate::text::{Bigram, DocAnalysis, Lexicon, TermId, bigram, bigram_parts};

/// What became of an input article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Analysed and counted.
    Ok,
    /// A copy of the article with this `doc_id`; left out of every count.
    Duplicate(String),
    /// Not analysed, and why (unreadable, binary, empty).
    Skipped(String),
}

impl Status {
    /// `ok`, `duplicate`, or `skipped: <why>`.
    pub fn label(&self) -> String {
        match self {
            Status::Ok => "ok".into(),
            Status::Duplicate(_) => "duplicate".into(),
            Status::Skipped(why) => format!("skipped: {why}"),
        }
    }
}

/// One input article, whatever became of it: a row of documents.csv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub doc_id: String,
    pub path: String,
    pub status: Status,
    /// None for a skipped article.
    pub meta: Option<Meta>,
    pub encoding: &'static str,
    /// Index into [`Corpus::docs`] when analysed.
    pub analysed: Option<usize>,
    /// XXH3 of the bytes of the file it came from (0 if unreadable).
    pub fingerprint: u64,
}

/// One document in the corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocStats {
    pub doc_id: String,
    pub path: String,
    pub characters: u64,
    pub tokens: u32,
    pub sentences: u32,
    /// Term counts, sorted by term id.
    pub terms: Vec<(TermId, u32)>,
    /// Statements and people named.
    pub speech: crate::speakers::Speech,
    /// Dictionary-topic matches: (topic, matches), sorted by topic.
    pub topics: Vec<(u16, u32)>,
}

impl DocStats {
    /// Number of term occurrences (tokens that are terms), the length tidytext and Voyant use.
    pub fn term_total(&self) -> u64 {
        self.terms.iter().map(|&(_, n)| u64::from(n)).sum()
    }
}

/// A term of the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub stem: Box<str>,
    /// The most frequent word with this stem (ties: alphabetically first).
    pub display: Box<str>,
    pub count: u64,
    pub doc_freq: u32,
}

/// Adjacent terms within a sentence, counted over the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub first: TermId,
    pub second: TermId,
    pub count: u64,
    pub doc_freq: u32,
}

/// The merged corpus.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// In document order.
    pub docs: Vec<DocStats>,
    /// Indexed by [`TermId`], sorted by stem.
    pub terms: Vec<Term>,
    /// Sorted by (first, second).
    pub pairs: Vec<Pair>,
    pub tokens: u64,
}

impl Corpus {
    /// The term with this stem, if the corpus has it (terms are sorted by stem).
    pub fn term_of_stem(&self, stem: &str) -> Option<TermId> {
        (self.terms.binary_search_by(|t| (*t.stem).cmp(stem)).ok()).map(|i| i as TermId)
    }
}

/// How many maps the pair counts are split into, by key: merging two partials then runs one
/// task per shard, and never a single serial pass over millions of pairs.
const PAIR_SHARDS: usize = 16;

/// Corpus-wide counts summed by one worker.
#[derive(Debug)]
pub struct Partial {
    word_counts: Vec<u64>,
    /// Pair counts (count, documents), split by [`pair_shard`].
    pairs: Vec<AHashMap<Bigram, (u64, u32)>>,
}

impl Default for Partial {
    fn default() -> Partial {
        Partial {
            word_counts: Vec::new(),
            // Empty maps do not allocate.
            pairs: (0..PAIR_SHARDS).map(|_| AHashMap::new()).collect(),
        }
    }
}

/// The shard of a pair: the top bits of a multiplicative hash, so that pairs of the same
/// first word spread over every shard.
fn pair_shard(b: Bigram) -> usize {
    (b.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize % PAIR_SHARDS
}

impl Partial {
    /// Adds the surface-word and pair counts of one document.
    pub fn add(&mut self, doc: &DocAnalysis) {
        for &(w, n) in &doc.words {
            let w = w as usize;
            if w >= self.word_counts.len() {
                self.word_counts.resize(w + 1, 0);
            }
            self.word_counts[w] += u64::from(n);
        }
        for &(b, n) in &doc.bigrams {
            let e = self.pairs[pair_shard(b)].entry(b).or_insert((0, 0));
            e.0 += u64::from(n);
            e.1 += 1;
        }
    }

    /// Exact and order-independent. The shards merge in parallel on the current rayon pool,
    /// each the smaller map into the larger.
    pub fn merge(mut self, mut other: Partial) -> Partial {
        if other.word_counts.len() > self.word_counts.len() {
            std::mem::swap(&mut self.word_counts, &mut other.word_counts);
        }
        for (i, n) in other.word_counts.into_iter().enumerate() {
            self.word_counts[i] += n;
        }
        self.pairs
            .par_iter_mut()
            .zip(other.pairs.into_par_iter())
            .for_each(|(mine, mut theirs)| {
                if theirs.len() > mine.len() {
                    std::mem::swap(mine, &mut theirs);
                }
                for (b, (n, d)) in theirs {
                    let e = mine.entry(b).or_insert((0, 0));
                    e.0 += n;
                    e.1 += d;
                }
            });
        self
    }

    /// Every pair count, in no particular order.
    fn pair_counts(&self) -> impl ParallelIterator<Item = (&Bigram, &(u64, u32))> {
        self.pairs.par_iter().flat_map_iter(|m| m.iter())
    }
}

/// Merges documents (in document order) and the summed partial counts into the corpus.
pub fn build(lexicon: Lexicon, mut docs: Vec<DocStats>, partial: Partial) -> Corpus {
    // New ids in stem order.
    let mut order: Vec<TermId> = (0..lexicon.terms.len() as TermId).collect();
    order.sort_unstable_by(|&a, &b| lexicon.terms[a as usize].cmp(&lexicon.terms[b as usize]));
    let mut new_id = vec![0 as TermId; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old as usize] = new as TermId;
    }
    let mut terms: Vec<Term> = order
        .iter()
        .map(|&old| Term {
            stem: lexicon.terms[old as usize].clone(),
            display: lexicon.terms[old as usize].clone(),
            count: 0,
            doc_freq: 0,
        })
        .collect();

    docs.par_iter_mut().for_each(|doc| {
        for (t, _) in &mut doc.terms {
            *t = new_id[*t as usize];
        }
        doc.terms.sort_unstable_by_key(|&(t, _)| t);
    });
    let tokens: u64 = docs.iter().map(|d| u64::from(d.tokens)).sum();
    for doc in &docs {
        for &(t, n) in &doc.terms {
            let term = &mut terms[t as usize];
            term.count += u64::from(n);
            term.doc_freq += 1;
        }
    }

    // The display word: most frequent, ties to the alphabetically first.
    let mut best: Vec<Option<(u64, &str)>> = vec![None; terms.len()];
    for (w, word) in lexicon.words.iter().enumerate() {
        let n = partial.word_counts.get(w).copied().unwrap_or(0);
        if n == 0 {
            continue;
        }
        let t = new_id[lexicon.word_term[w] as usize] as usize;
        let better = match best[t] {
            None => true,
            Some((bn, bw)) => n > bn || (n == bn && &**word < bw),
        };
        if better {
            best[t] = Some((n, word));
        }
    }
    for (term, b) in terms.iter_mut().zip(&best) {
        if let Some((_, w)) = b {
            term.display = (*w).into();
        }
    }

    let mut pairs: Vec<Pair> = partial
        .pair_counts()
        .map(|(&b, &(count, doc_freq))| {
            let (x, y) = bigram_parts(b);
            let (first, second) = (new_id[x as usize], new_id[y as usize]);
            Pair {
                first,
                second,
                count,
                doc_freq,
            }
        })
        .collect();
    pairs.par_sort_unstable_by_key(|p| bigram(p.first, p.second));

    Corpus {
        docs,
        terms,
        pairs,
        tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Analyzer, Stemmer, StopWords};

    fn corpus_of(texts: &[&str]) -> Corpus {
        let a = Analyzer::new(StopWords::nltk_english(), Stemmer::english());
        let mut partial = Partial::default();
        let docs: Vec<DocStats> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let d = a.analyze(t);
                partial.add(&d);
                DocStats {
                    doc_id: format!("d{i}"),
                    path: format!("d{i}.txt"),
                    characters: t.chars().count() as u64,
                    tokens: d.tokens,
                    sentences: d.sentences,
                    terms: d.terms,
                    speech: Default::default(),
                    topics: Vec::new(),
                }
            })
            .collect();
        build(a.into_lexicon(), docs, partial)
    }

    #[test]
    fn counts_doc_freq_and_display_words() {
        let c = corpus_of(&[
            "Relations relations relation.",
            "The relational talks.",
            "Talks",
        ]);
        let got: Vec<(&str, &str, u64, u32)> = c
            .terms
            .iter()
            .map(|t| (&*t.stem, &*t.display, t.count, t.doc_freq))
            .collect();
        // Stem order; "relat" shows as "relations" (2 of 4), "talk" as "talks".
        assert_eq!(got, [("relat", "relations", 4, 2), ("talk", "talks", 2, 2)]);
        assert_eq!(c.tokens, 3 + 3 + 1);
        assert_eq!(c.docs[0].terms, [(0, 3)]);
    }

    #[test]
    fn display_tie_goes_to_alphabetically_first() {
        let c = corpus_of(&["sanctioned sanctions"]);
        assert_eq!(&*c.terms[0].display, "sanctioned");
    }

    #[test]
    fn numbering_does_not_depend_on_first_sight() {
        let a = corpus_of(&["zebra apple", "apple"]);
        let b = corpus_of(&["apple", "zebra apple"]);
        let names = |c: &Corpus| {
            c.terms
                .iter()
                .map(|t| t.stem.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&a), names(&b));
        assert_eq!(
            a.pairs,
            [Pair {
                first: 1,
                second: 0,
                count: 1,
                doc_freq: 1
            }]
        );
    }

    #[test]
    fn partial_merge_is_exact() {
        let a = Analyzer::new(StopWords::nltk_english(), Stemmer::english());
        let d1 = a.analyze("strategic stability talks");
        let d2 = a.analyze("strategic stability matters, strategic stability");
        let (mut p1, mut p2, mut all) =
            (Partial::default(), Partial::default(), Partial::default());
        p1.add(&d1);
        p2.add(&d2);
        all.add(&d1);
        all.add(&d2);
        let merged = p2.merge(p1);
        assert_eq!(merged.word_counts, all.word_counts);
        let mut x: Vec<_> = merged.pairs.into_iter().flatten().collect();
        let mut y: Vec<_> = all.pairs.into_iter().flatten().collect();
        x.sort();
        y.sort();
        assert_eq!(x, y);
        // "strategic stability": 3 times in 2 documents.
        assert!(x.iter().any(|&(_, v)| v == (3, 2)));
    }

    #[test]
    fn pairs_spread_over_shards_merge_exactly() {
        // 1,000 pairs in one document and every other one of them in a second: the merge
        // sums every shard, whichever side is larger.
        let doc = |step: usize| DocAnalysis {
            bigrams: (0..1000u32)
                .step_by(step)
                .map(|i| (bigram(i, i + 1), 2))
                .collect(),
            ..DocAnalysis::default()
        };
        let (mut small, mut large) = (Partial::default(), Partial::default());
        small.add(&doc(2));
        large.add(&doc(1));
        assert!(small.pairs.iter().filter(|m| !m.is_empty()).count() > PAIR_SHARDS / 2);
        for merged in [small.merge(large), {
            let (mut s, mut l) = (Partial::default(), Partial::default());
            s.add(&doc(2));
            l.add(&doc(1));
            l.merge(s)
        }] {
            let mut got: Vec<_> = merged.pairs.into_iter().flatten().collect();
            got.sort();
            assert_eq!(got.len(), 1000);
            assert_eq!(got[0], (bigram(0, 1), (4, 2)));
            assert_eq!(got[1], (bigram(1, 2), (2, 1)));
            assert_eq!(got[999], (bigram(999, 1000), (2, 1)));
        }
    }
}
