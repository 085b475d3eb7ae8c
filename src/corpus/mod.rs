//! Stage 3: merge the documents' analyses into corpus figures.
//!
//! Owns the corpus-wide numbers: term counts and document frequencies, the word shown for
//! each stem, adjacent-pair counts (summed by the [`crate::engine`], which may spill to
//! disk; a full disk is the one way [`build`] fails), and the final numbering of terms.
//!
//! Per-document results carry ids in the order threads met words; [`build`] renumbers terms by
//! stem (code-point order), so every later computation, float sums included, runs in one fixed
//! order and the report is the same whatever the thread count.
//! Counts of surface words are summed per worker in a [`Partial`] and merged once; word pairs
//! go from the workers to the engine in batches. Integer sums do not depend on the order of
//! merging.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::engine::{BATCH_ROWS, EngineError, Sums};
use crate::meta::Meta;
use crate::packed::Packed;
use crate::text::{Bigram, DocAnalysis, Lexicon, TermId, bigram_parts};

mod doc_name;
mod pairs;
mod term_counts;
pub use doc_name::DocName;
pub use pairs::FrequentPairs;
pub use term_counts::{Placed, Spool, Spooled, TermCounts};

/// What became of an input article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Analysed and counted.
    Ok,
    /// A copy of the article with this `doc_id`; left out of every count.
    Duplicate(Box<str>),
    /// Not analysed, and why (unreadable, binary, empty).
    Skipped(Box<str>),
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
    /// Its `doc_id` and path, shared with the document's [`DocStats`] (one copy a document).
    pub name: DocName,
    pub status: Status,
    /// None for a skipped article.
    pub meta: Option<Meta>,
    pub encoding: &'static str,
    /// Index into [`Corpus::docs`] when analysed ([`Record::analysed`]): 32 bits, as
    /// every article keeps its record to the end of the run.
    analysed: Option<u32>,
    /// XXH3 of the bytes of the file it came from (0 if unreadable).
    pub fingerprint: u64,
}

impl Record {
    /// An article's record, not (yet) analysed.
    pub fn new(
        name: DocName,
        status: Status,
        meta: Option<Meta>,
        encoding: &'static str,
        fingerprint: u64,
    ) -> Record {
        Record {
            name,
            status,
            meta,
            encoding,
            analysed: None,
            fingerprint,
        }
    }

    /// Index into [`Corpus::docs`] when analysed.
    pub fn analysed(&self) -> Option<usize> {
        self.analysed.map(|i| i as usize)
    }

    /// Analysed as [`Corpus::docs`]`[doc]`. Panics past 4 billion documents.
    pub fn set_analysed(&mut self, doc: usize) {
        self.analysed = Some(u32::try_from(doc).expect("fewer than 4 billion documents"));
    }
}

/// One document in the corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocStats {
    pub name: DocName,
    pub characters: u64,
    pub tokens: u32,
    pub sentences: u32,
    /// Term counts, packed, term ids ascending.
    pub terms: TermCounts,
    /// Statements and people named.
    pub speech: crate::speakers::Spoken,
    /// Dictionary-topic matches: (topic, matches), sorted by topic.
    pub topics: Vec<(u16, u32)>,
}

impl DocStats {
    /// Number of term occurrences (tokens that are terms), the length tidytext and Voyant use.
    pub fn term_total(&self) -> u64 {
        self.terms.iter().map(|(_, n)| u64::from(n)).sum()
    }
}

/// A term of the corpus.
#[derive(Clone, PartialEq)]
pub struct Term {
    /// The stem and the word shown for it, in one allocation: two boxed strings took 32
    /// bytes and two allocations a term (1.88 million terms on the 16x corpus).
    words: Packed<2>,
    pub count: u64,
    pub doc_freq: u32,
}

impl Term {
    pub fn new(stem: &str, display: &str, count: u64, doc_freq: u32) -> Term {
        Term {
            words: Packed::new([stem, display]),
            count,
            doc_freq,
        }
    }

    pub fn stem(&self) -> &str {
        self.words.get(0)
    }

    /// The most frequent word with this stem (ties: alphabetically first).
    pub fn display(&self) -> &str {
        self.words.get(1)
    }
}

impl std::fmt::Debug for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Term")
            .field("stem", &self.stem())
            .field("display", &self.display())
            .field("count", &self.count)
            .field("doc_freq", &self.doc_freq)
            .finish()
    }
}

/// Adjacent terms within a sentence, counted over the corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pair {
    pub first: TermId,
    pub second: TermId,
    pub count: u64,
    pub doc_freq: u32,
}

/// Pairs seen fewer times than this are counted in the margins only ([`Corpus::pairs`]):
/// a pair seen once is no phrase, and most pairs are seen once.
pub const PAIR_MIN_COUNT: u64 = 2;

/// The merged corpus.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// In document order.
    pub docs: Vec<DocStats>,
    /// Indexed by [`TermId`], sorted by stem.
    pub terms: Vec<Term>,
    /// Adjacent-pair counts: only phrases are scored from them, and a run lets them go
    /// once they are.
    pub pairs: PairCounts,
    pub tokens: u64,
    /// Where the documents' term counts wait on disk, when they do.
    pub spooled: Option<Arc<Spooled>>,
}

impl Corpus {
    /// Why the documents' term counts could not all be read back from disk, if they could
    /// not: a report made from them would be wrong, so the run stops before publishing it.
    pub fn read_back_failed(&self) -> Option<&str> {
        self.spooled.as_deref().and_then(Spooled::failed)
    }
}

/// The corpus' adjacent-pair counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairCounts {
    /// Pairs seen at least [`PAIR_MIN_COUNT`] times, sorted by (first, second).
    pub frequent: FrequentPairs,
    /// Over all pairs, by [`TermId`]: occurrences as the first word of a pair, as the second,
    /// and all pair occurrences.
    pub margins: PairMargins,
}

/// The margins of the pair table (every pair, also those seen once).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairMargins {
    pub as_first: Vec<u64>,
    pub as_second: Vec<u64>,
    pub total: u64,
}

impl Corpus {
    /// The term with this stem, if the corpus has it (terms are sorted by stem).
    pub fn term_of_stem(&self, stem: &str) -> Option<TermId> {
        (self.terms.binary_search_by(|t| t.stem().cmp(stem)).ok()).map(|i| i as TermId)
    }
}

/// Where the workers send word pairs: the engine's sums, bounded by its pool and spilling to
/// disk past it.
pub struct Pairs {
    sums: Sums,
}

impl Pairs {
    /// Starts the engine's sums with a pool of `pool` bytes, spilling into `spill`.
    pub fn start(pool: u64, spill: &Path) -> Result<Pairs, EngineError> {
        Ok(Pairs {
            sums: Sums::start(pool, spill)?,
        })
    }
}

/// Corpus-wide counts summed by one worker: the surface words, and the rows of word pairs
/// (pair, count in one document) not yet sent to [`Pairs`].
#[derive(Debug, Default)]
pub struct Partial {
    word_counts: Vec<u64>,
    keys: Vec<u64>,
    counts: Vec<u64>,
}

impl Partial {
    /// Adds the surface-word and pair counts of one document; sends the pairs on a batch at a
    /// time.
    pub fn add(&mut self, doc: &DocAnalysis, pairs: &Pairs) {
        for &(w, n) in &doc.words {
            let w = w as usize;
            if w >= self.word_counts.len() {
                self.word_counts.resize(w + 1, 0);
            }
            self.word_counts[w] += u64::from(n);
        }
        for &(b, n) in &doc.bigrams {
            self.keys.push(b);
            self.counts.push(u64::from(n));
        }
        if self.keys.len() >= BATCH_ROWS {
            self.flush(pairs);
        }
    }

    /// Sends the pairs not yet sent (one document each: their `docs` is 1).
    pub fn flush(&mut self, pairs: &Pairs) {
        if !self.keys.is_empty() {
            let docs = vec![1; self.keys.len()];
            pairs.sums.feed(
                std::mem::take(&mut self.keys),
                std::mem::take(&mut self.counts),
                docs,
            );
        }
    }

    /// Exact and order-independent (the pairs are summed by the engine).
    pub fn merge(mut self, mut other: Partial) -> Partial {
        if other.word_counts.len() > self.word_counts.len() {
            std::mem::swap(&mut self.word_counts, &mut other.word_counts);
        }
        for (i, n) in other.word_counts.into_iter().enumerate() {
            self.word_counts[i] += n;
        }
        self.keys.append(&mut other.keys);
        self.counts.append(&mut other.counts);
        self
    }
}

/// Merges documents (in document order), the summed partial counts and the pairs summed by
/// the engine into the corpus; also says how often the pairs spilled to disk. With a
/// `spool`, the documents' term counts wait in it, on disk, from here on.
pub fn build(
    lexicon: Lexicon,
    mut docs: Vec<DocStats>,
    mut partial: Partial,
    pairs: Pairs,
    spool: Option<Spool>,
) -> Result<(Corpus, usize), EngineError> {
    // New ids in stem order.
    let mut order: Vec<TermId> = (0..lexicon.terms.len() as TermId).collect();
    order.sort_unstable_by(|&a, &b| lexicon.terms[a as usize].cmp(&lexicon.terms[b as usize]));
    let mut new_id = vec![0 as TermId; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old as usize] = new as TermId;
    }
    let mut terms: Vec<Term> = order
        .iter()
        .map(|&old| {
            let stem = &lexicon.terms[old as usize];
            Term::new(stem, stem, 0, 0)
        })
        .collect();

    // Summed from the counts in memory, under the new ids, before they go to the spool: not
    // read back from it.
    for doc in &docs {
        for (t, n) in &doc.terms {
            let term = &mut terms[new_id[t as usize] as usize];
            term.count += u64::from(n);
            term.doc_freq += 1;
        }
    }
    let renumbered = |doc: &DocStats| {
        let mut renumbered: Vec<(TermId, u32)> = (doc.terms.iter())
            .map(|(t, n)| (new_id[t as usize], n))
            .collect();
        renumbered.sort_unstable_by_key(|&(t, _)| t);
        renumbered
    };
    // Renumbered into the spool, where one is given; the documents' counts in memory are
    // let go only once all are written, so a spool that fails (a full disk) costs memory,
    // never counts: they are then renumbered in memory as without a spool.
    let spooled = spool.and_then(|spool| {
        let placed: Vec<_> = (docs.par_iter())
            .map(|doc| spool.put(&renumbered(doc)))
            .collect();
        let sealed = spool.seal().ok()?;
        Some((sealed, placed))
    });
    let spooled = match spooled {
        Some((sealed, placed)) => {
            for (doc, at) in docs.iter_mut().zip(placed) {
                doc.terms = TermCounts::spooled(&sealed, at);
            }
            Some(sealed)
        }
        None => {
            docs.par_iter_mut().for_each(|doc| {
                doc.terms = TermCounts::from_sorted(&renumbered(doc));
            });
            None
        }
    };
    let tokens: u64 = docs.iter().map(|d| u64::from(d.tokens)).sum();

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
            *term = Term::new(term.stem(), w, term.count, term.doc_freq);
        }
    }

    partial.flush(&pairs);
    drop(partial);
    let mut table = PairTable::new(terms.len(), &new_id);
    // A pair's documents are at most the corpus' documents: a u32.
    let spills = pairs.sums.finish(|(b, n, d)| table.add(b, n, d as u32))?;
    let (mut frequent, margins) = (table.frequent.done(), table.margins);
    frequent.sort_by_terms();

    let corpus = Corpus {
        docs,
        terms,
        pairs: PairCounts { frequent, margins },
        tokens,
        spooled,
    };
    Ok((corpus, spills))
}

/// Every pair count once, in any order: the margins, and the pairs frequent enough to keep.
struct PairTable<'a> {
    new_id: &'a [TermId],
    margins: PairMargins,
    frequent: pairs::Gathering,
}

impl<'a> PairTable<'a> {
    fn new(terms: usize, new_id: &'a [TermId]) -> PairTable<'a> {
        PairTable {
            new_id,
            margins: PairMargins {
                as_first: vec![0; terms],
                as_second: vec![0; terms],
                total: 0,
            },
            frequent: Default::default(),
        }
    }

    fn add(&mut self, b: Bigram, count: u64, doc_freq: u32) {
        let (x, y) = bigram_parts(b);
        let (first, second) = (self.new_id[x as usize], self.new_id[y as usize]);
        self.margins.as_first[first as usize] += count;
        self.margins.as_second[second as usize] += count;
        self.margins.total += count;
        if count >= PAIR_MIN_COUNT {
            self.frequent.push(Pair {
                first,
                second,
                count,
                doc_freq,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Analyzer, Stemmer, StopWords};

    /// The corpus of `texts`, pairs summed with an engine pool of `pool` bytes; and its spills.
    fn corpus_with_pool(texts: &[&str], pool: u64) -> (Corpus, usize) {
        corpus_spooled(texts, pool, false)
    }

    /// As [`corpus_with_pool`], the term counts on disk when `spooled`.
    fn corpus_spooled(texts: &[&str], pool: u64, spooled: bool) -> (Corpus, usize) {
        let dir = tempfile::tempdir().expect("tempdir");
        let spool = spooled.then(|| Spool::create(&dir.path().join("spill")).expect("spool"));
        let pairs = Pairs::start(pool, &dir.path().join("spill")).expect("engine");
        let a = Analyzer::new(StopWords::nltk_english(), Stemmer::english());
        let mut partial = Partial::default();
        let docs: Vec<DocStats> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let d = a.analyze(t);
                partial.add(&d, &pairs);
                DocStats {
                    name: DocName::new(&format!("d{i}"), &format!("d{i}.txt")),
                    characters: t.chars().count() as u64,
                    tokens: d.tokens,
                    sentences: d.sentences,
                    terms: TermCounts::from_sorted(&d.terms),
                    speech: Default::default(),
                    topics: Vec::new(),
                }
            })
            .collect();
        build(a.into_lexicon(), docs, partial, pairs, spool).expect("build")
    }

    /// Term counts kept on disk are the counts kept in memory, and so are the corpus counts
    /// summed from them.
    #[test]
    fn counts_on_disk_are_the_counts_in_memory() {
        let texts = [
            "Relations relations relation.",
            "The relational talks in Geneva.",
            "",
            "Talks, talks and more talks on sanctions in Geneva.",
        ];
        let (here, _) = corpus_spooled(&texts, 64 << 20, false);
        let (there, _) = corpus_spooled(&texts, 64 << 20, true);
        assert!(here.spooled.is_none() && there.spooled.is_some());
        assert_eq!(here.docs, there.docs);
        assert_eq!(here.terms, there.terms);
        // talk (3), sanction, geneva: "and", "more", "on", "in" are stop words.
        assert_eq!(there.docs[3].terms.len(), 3);
        assert_eq!(there.docs[3].terms.iter().map(|(_, n)| n).sum::<u32>(), 5);
        assert_eq!(there.docs[2].terms.to_vec(), []);
        assert_eq!(there.read_back_failed(), None);
    }

    fn corpus_of(texts: &[&str]) -> Corpus {
        corpus_with_pool(texts, 64 << 20).0
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
            .map(|t| (t.stem(), t.display(), t.count, t.doc_freq))
            .collect();
        // Stem order; "relat" shows as "relations" (2 of 4), "talk" as "talks".
        assert_eq!(got, [("relat", "relations", 4, 2), ("talk", "talks", 2, 2)]);
        assert_eq!(c.tokens, 3 + 3 + 1);
        assert_eq!(c.docs[0].terms.to_vec(), [(0, 3)]);
    }

    #[test]
    fn display_tie_goes_to_alphabetically_first() {
        let c = corpus_of(&["sanctioned sanctions"]);
        assert_eq!(c.terms[0].display(), "sanctioned");
    }

    #[test]
    fn numbering_does_not_depend_on_first_sight() {
        let a = corpus_of(&["zebra apple", "apple"]);
        let b = corpus_of(&["apple", "zebra apple"]);
        let names = |c: &Corpus| {
            c.terms
                .iter()
                .map(|t| t.stem().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&a), names(&b));
        // "zebra apple", seen once: in the margins only (zebra = 1 is first, apple = 0 second).
        assert!(a.pairs.frequent.is_empty());
        let margins = PairMargins {
            as_first: vec![0, 1],
            as_second: vec![1, 0],
            total: 1,
        };
        assert_eq!((&a.pairs.margins, &b.pairs.margins), (&margins, &margins));
    }

    /// Pairs counted by hand: within a sentence, no stop word between; the margins count
    /// every pair, the corpus keeps those seen twice or more.
    #[test]
    fn pairs_and_margins_counted_by_hand() {
        let c = corpus_of(&[
            "Strategic stability talks. Strategic stability matters.",
            "Foreign minister Lavrov said strategic stability talks would resume.",
            "The foreign minister spoke of strategic stability, and talks.",
        ]);
        let id = |stem: &str| c.term_of_stem(stem).expect(stem);
        let got: Vec<(TermId, TermId, u64, u32)> = (c.pairs.frequent.iter())
            .map(|p| (p.first, p.second, p.count, p.doc_freq))
            .collect();
        let mut want = vec![
            (id("foreign"), id("minist"), 2, 2),
            (id("stabil"), id("talk"), 2, 2),
            (id("strateg"), id("stabil"), 4, 3),
        ];
        want.sort();
        assert_eq!(got, want);
        // All pairs: strategic stability 4, stability talks 2, stability matters 1,
        // foreign minister 2, minister lavrov 1, lavrov said 1, said strategic 1, talks would 1,
        // would resume 1, minister spoke 1: 15 occurrences.
        assert_eq!(c.pairs.margins.total, 15);
        assert_eq!(c.pairs.margins.as_first[id("stabil") as usize], 3);
        assert_eq!(c.pairs.margins.as_second[id("stabil") as usize], 4);
    }

    /// A pool too small for the pairs makes the engine spill; the corpus is the same.
    #[test]
    fn pairs_spilled_to_disk_equal_pairs_in_memory() {
        // Many distinct pairs: 4,000 documents of 30 words from a 2,000-word vocabulary.
        // Consonants only: no stemmer suffix, no stop word, no number.
        let letters = b"bcdfghjkmnpqrtvwxz";
        let words: Vec<String> = (0..2000usize)
            .map(|i| {
                let l = |k: usize| letters[(i / 18usize.pow(k as u32)) % 18] as char;
                format!("{}{}{}{}", l(0), l(1), l(2), 'q')
            })
            .collect();
        let mut rng = crate::test_rng::XorShift::new(0x9E37_79B9_7F4A_7C15);
        let texts: Vec<String> = (0..4000)
            .map(|_| {
                (0..30)
                    .map(|_| words[rng.below(2000) as usize].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (big, big_spills) = corpus_with_pool(&texts, 256 << 20);
        let (small, small_spills) = corpus_with_pool(&texts, 3 << 20);
        assert_eq!((big_spills, small_spills > 0), (0, true));
        assert_eq!(small.pairs, big.pairs);
        // 4,000 documents x 29 adjacent pairs.
        assert_eq!(big.pairs.margins.total, 4000 * 29);
        assert!(!big.pairs.frequent.is_empty());
    }

    #[test]
    fn partial_merge_is_exact() {
        let a = Analyzer::new(StopWords::nltk_english(), Stemmer::english());
        let dir = tempfile::tempdir().expect("tempdir");
        let pairs = Pairs::start(64 << 20, &dir.path().join("spill")).expect("engine");
        let d1 = a.analyze("strategic stability talks");
        let d2 = a.analyze("strategic stability matters, strategic stability");
        let (mut p1, mut p2) = (Partial::default(), Partial::default());
        p1.add(&d1, &pairs);
        p2.add(&d2, &pairs);
        let merged = p2.merge(p1);
        let mut words = merged.word_counts.clone();
        words.sort();
        // strategic 3, stability 3, talks 1, matters 1.
        assert_eq!(words, [1, 1, 3, 3]);
        let (c, _) = build(a.into_lexicon(), Vec::new(), merged, pairs, None).expect("build");
        // "strategic stability": 3 times in 2 documents.
        assert!(
            c.pairs
                .frequent
                .iter()
                .any(|p| (p.count, p.doc_freq) == (3, 2))
        );
        // 2 pairs in the first; in the second a comma does not part "matters, strategic": 4.
        assert_eq!(c.pairs.margins.total, 6);
    }
}
