//! Two-word phrases: adjacent terms in one sentence, scored as collocations.
//!
//! Owns which pairs are phrases and their score. A pair is two terms next to each other in one
//! sentence with no stop word or number between ("foreign minister", not "secretary of
//! state"). The score is Dunning's log-likelihood ratio G² of the 2×2 table of the pair's
//! first and second term (as in quanteda's `textstat_collocations` and NLTK's
//! `BigramAssocMeasures.likelihood_ratio`): it is high for a pair seen together far more often
//! than its words' own frequencies predict, so a real phrase outranks two frequent words side
//! by side. Pairs seen once, and pairs seen *less* often than chance, are left out.
//! Arithmetic over integer counts, the same on every run; the phrases are written to a
//! [`Spool`] (on disk) once scored, the only I/O, and a failed write is the one error.

use std::cmp::Ordering;
use std::io;
use std::iter::once;
use std::sync::Arc;

use crate::corpus::{Pair, PairCounts, PairMargins, Term};
use crate::spool::{At, Spool, Spooled};

/// A phrase with its counts and score. Its text is made only when it is shown
/// ([`Phrase::text`]): a large corpus has millions of phrases.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Phrase {
    pub pair: Pair,
    pub score: f64,
}

impl Phrase {
    /// The two display words, as the tables and charts show them ("foreign minister").
    pub fn text(&self, terms: &[Term]) -> String {
        let (a, b) = self.words(terms);
        format!("{a} {b}")
    }

    fn words<'t>(&self, terms: &'t [Term]) -> (&'t str, &'t str) {
        (
            terms[self.pair.first as usize].display(),
            terms[self.pair.second as usize].display(),
        )
    }

    /// The order of the two phrases' texts, byte by byte, without making them.
    pub fn cmp_text(&self, other: &Phrase, terms: &[Term]) -> Ordering {
        text_bytes(self.words(terms)).cmp(text_bytes(other.words(terms)))
    }
}

/// The bytes of "first second".
fn text_bytes<'t>((a, b): (&'t str, &'t str)) -> impl Iterator<Item = u8> + 't {
    (a.bytes()).chain(once(b' ')).chain(b.bytes())
}

/// G² of a 2×2 contingency table: the pair `o11` times, the first term followed by another
/// `o12` times, the second preceded by another `o21` times, neither `o22` times.
pub fn log_likelihood(o11: f64, o12: f64, o21: f64, o22: f64) -> f64 {
    let n = o11 + o12 + o21 + o22;
    let (r1, r2, c1, c2) = (o11 + o12, o21 + o22, o11 + o21, o12 + o22);
    let term = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (term(o11, r1 * c1 / n)
        + term(o12, r1 * c2 / n)
        + term(o21, r2 * c1 / n)
        + term(o22, r2 * c2 / n))
}

/// Every phrase of the corpus, strongest first, with its counts and score: 28 bytes a
/// phrase, in blocks of 4,096 written to a spool (on disk) when the run has one. The
/// pair counts they were scored from can then go: 6 million phrases on the 16x corpus of
/// `benches/scale_corpus.py`, whose pairs, margins and order took 150 MB to the end of the
/// run.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    len: usize,
    blocks: Blocks,
}

#[derive(Debug, Clone)]
enum Blocks {
    /// Every row, in order (a run without a spool, and tests).
    Here(Vec<u8>),
    /// Where each block's rows went.
    Spooled { spool: Arc<Spooled>, at: Vec<At> },
}

impl Default for Blocks {
    fn default() -> Self {
        Blocks::Here(Vec::new())
    }
}

/// Bytes of a phrase: first and second term (u32 each), count (u64), documents (u32) and
/// score (f64), little-endian.
const ROW: usize = 28;

/// Phrases read from disk at once: phrases.csv reads them in order, a block at a time.
const BLOCK: usize = 4096;

impl Phrases {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `i`th strongest phrase. Panics past [`Phrases::len`]. A block that cannot be read
    /// back gives empty phrases, and its spool keeps why ([`Phrases::read_back_failed`]).
    pub fn get(&self, i: usize) -> Phrase {
        let (block, row) = (i / BLOCK, i % BLOCK);
        let from = |bytes: &[u8], row: usize| bytes.get(row * ROW..(row + 1) * ROW).map(decode);
        match &self.blocks {
            Blocks::Here(bytes) => {
                assert!(i < self.len, "phrase {i} of {}", self.len);
                from(bytes, i)
            }
            Blocks::Spooled { spool, at } => spool.with(at[block], |bytes| from(bytes, row)),
        }
        .unwrap_or_default()
    }

    /// The phrases, strongest first.
    pub fn iter(&self) -> impl Iterator<Item = Phrase> + '_ {
        (0..self.len).map(|i| self.get(i))
    }

    /// Why the phrases could not all be read back from disk, if they could not.
    pub fn read_back_failed(&self) -> Option<&str> {
        match &self.blocks {
            Blocks::Spooled { spool, .. } => spool.failed(),
            Blocks::Here(_) => None,
        }
    }
}

fn encode(p: &Phrase, out: &mut Vec<u8>) {
    out.extend(p.pair.first.to_le_bytes());
    out.extend(p.pair.second.to_le_bytes());
    out.extend(p.pair.count.to_le_bytes());
    out.extend(p.pair.doc_freq.to_le_bytes());
    out.extend(p.score.to_le_bytes());
}

/// A phrase from its [`ROW`] bytes.
fn decode(b: &[u8]) -> Phrase {
    let word = |at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let wide = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        w
    };
    Phrase {
        pair: Pair {
            first: word(0),
            second: word(4),
            count: u64::from_le_bytes(wide(8)),
            doc_freq: word(16),
        },
        score: f64::from_le_bytes(wide(20)),
    }
}

/// The pair's G², if it is seen more often than chance predicts.
fn above_chance(p: &Pair, margins: &PairMargins) -> Option<f64> {
    let n = margins.total as f64;
    let o11 = p.count as f64;
    let r1 = margins.as_first[p.first as usize] as f64;
    let c1 = margins.as_second[p.second as usize] as f64;
    if o11 * n <= r1 * c1 {
        return None;
    }
    let (o12, o21) = (r1 - o11, c1 - o11);
    let o22 = n - r1 - c1 + o11;
    Some(log_likelihood(o11, o12, o21, o22))
}

/// Scores the corpus' pairs (`terms`: the corpus' terms, for the order of ties); returns the
/// phrases sorted by score descending, then text ascending, in `spool` if there is one. A
/// write that failed is the error.
pub fn score(pairs: &PairCounts, terms: &[Term], spool: Option<Spool>) -> io::Result<Phrases> {
    let frequent = &pairs.frequent;
    // Room for every pair: room never written to takes no memory, where a vector grown by
    // doubling held its old and new buffers at once.
    let mut scored: Vec<(f64, u32)> = Vec::with_capacity(frequent.len());
    scored.extend(
        (frequent.iter().enumerate())
            .filter_map(|(i, p)| Some((above_chance(&p, &pairs.margins)?, i as u32))),
    );
    let text = |i: u32| {
        let p = frequent.get(i as usize);
        text_bytes((
            terms[p.first as usize].display(),
            terms[p.second as usize].display(),
        ))
    };
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| text(a.1).cmp(text(b.1))));
    let len = scored.len();
    let mut here = Vec::new();
    let mut at = Vec::new();
    let mut block = Vec::with_capacity(BLOCK.min(len) * ROW);
    for chunk in scored.chunks(BLOCK) {
        block.clear();
        for &(score, i) in chunk {
            let pair = frequent.get(i as usize);
            encode(&Phrase { pair, score }, &mut block);
        }
        match &spool {
            Some(s) => at.push(s.put(&block)),
            None => here.extend_from_slice(&block),
        }
    }
    let blocks = match spool {
        Some(s) => Blocks::Spooled {
            spool: s.seal()?,
            at,
        },
        None => Blocks::Here(here),
    };
    Ok(Phrases { len, blocks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_likelihood_by_hand() {
        // Table [[10, 0], [0, 90]]: E11 = 1, E22 = 81.
        // G² = 2 (10 ln 10 + 90 ln(90/81)) = 2 (23.0258509 + 9.4824464) = 65.0165946.
        let g = log_likelihood(10.0, 0.0, 0.0, 90.0);
        assert!((g - 65.01659459).abs() < 1e-6, "{g}");
        // Independence gives 0.
        assert!(log_likelihood(1.0, 9.0, 9.0, 81.0).abs() < 1e-12);
    }

    fn term(name: &str) -> Term {
        Term::new(name, name, 0, 0)
    }

    /// Phrases are ordered as their texts would be, without making them: also where one
    /// word is the start of another ("new york" before "newark x", "a b" before "a ab").
    #[test]
    fn text_order_without_the_text() {
        let terms: Vec<Term> = ["new", "york", "newark", "x", "a", "b", "ab", "é", "z"]
            .map(term)
            .to_vec();
        let n = terms.len() as u32;
        let phrases: Vec<Phrase> = (0..n * n)
            .map(|i| Phrase {
                pair: Pair {
                    first: i / n,
                    second: i % n,
                    count: 2,
                    doc_freq: 1,
                },
                score: 1.0,
            })
            .collect();
        assert_eq!(phrases[2 * 9 + 3].text(&terms), "newark x");
        for a in &phrases {
            for b in &phrases {
                assert_eq!(
                    a.cmp_text(b, &terms),
                    a.text(&terms).cmp(&b.text(&terms)),
                    "{} / {}",
                    a.text(&terms),
                    b.text(&terms)
                );
            }
        }
    }

    #[test]
    fn phrase_beats_frequent_neighbours_and_singletons_go() {
        // Terms: 0 foreign, 1 minister, 2 russia, 3 said. "foreign minister" 5 times, always
        // together; "russia said" twice, but of 88 pairs russia starts 42 and said ends 43, so
        // chance alone predicts 20.
        let pair = |first, second, count| Pair {
            first,
            second,
            count,
            doc_freq: 1,
        };
        let all = [
            pair(0, 1, 5),
            pair(1, 3, 1),
            pair(2, 2, 40),
            pair(2, 3, 2),
            pair(3, 3, 40),
        ];
        // The margins count every pair; the corpus keeps the pairs seen twice or more.
        let pairs = PairCounts {
            frequent: all.iter().filter(|p| p.count >= 2).copied().collect(),
            margins: PairMargins {
                as_first: vec![5, 1, 42, 40],
                as_second: vec![0, 5, 40, 43],
                total: 88,
            },
        };
        let terms = ["foreign", "minister", "russia", "said"].map(term);
        let scored = score(&pairs, &terms, None).expect("in memory");
        let got: Vec<String> = scored.iter().map(|p| p.text(&terms)).collect();
        let got: Vec<&str> = got.iter().map(String::as_str).collect();
        // "russia russia" (40 of 88 pairs) is a strong pair too; what matters is that the
        // always-together phrase is in and the chance neighbours are out.
        assert!(got.contains(&"foreign minister"), "{got:?}");
        assert!(!got.contains(&"minister said"), "seen once: {got:?}");
        assert!(!got.contains(&"russia said"), "below chance: {got:?}");
    }

    /// Phrases written to a spool read back as those kept in memory, across blocks, with a
    /// count past 32 bits and the score bit for bit; and in the order worked out by hand.
    #[test]
    fn spooled_phrases_read_back_as_kept() {
        // 9,000 terms in a chain: 8,999 pairs, three blocks.
        let n: u32 = 9_000;
        let terms: Vec<Term> = (0..n).map(|i| term(&format!("w{i:05}"))).collect();
        // Pair (i, i+1) seen 2 + i % 7 times; the first one seen 2^33 times.
        let frequent: crate::corpus::FrequentPairs = (0..n - 1)
            .map(|i| Pair {
                first: i,
                second: i + 1,
                count: if i == 0 {
                    1 << 33
                } else {
                    2 + u64::from(i % 7)
                },
                doc_freq: 1 + i % 3,
            })
            .collect();
        // Each term starts one pair and ends one: its margins are those counts (a small
        // total would put no pair above chance, so the total is large).
        let mut margins = PairMargins {
            as_first: vec![0; n as usize],
            as_second: vec![0; n as usize],
            total: 1 << 40,
        };
        for p in frequent.iter() {
            margins.as_first[p.first as usize] += p.count;
            margins.as_second[p.second as usize] += p.count;
        }
        let pairs = PairCounts { frequent, margins };
        let here = score(&pairs, &terms, None).expect("in memory");
        let dir = tempfile::tempdir().expect("tempdir");
        let spool = Spool::create(dir.path(), "phrases", "phrases");
        assert!(spool.is_some());
        let there = score(&pairs, &terms, spool).expect("spooled");
        assert_eq!((here.len(), there.len()), (8_999, 8_999));
        assert!(matches!(there.blocks, Blocks::Spooled { ref at, .. } if at.len() == 3));
        let a: Vec<Phrase> = here.iter().collect();
        let b: Vec<Phrase> = there.iter().collect();
        assert_eq!(a, b);
        assert_eq!(there.read_back_failed(), None);
        // The strongest is the pair seen 2^33 times; then pairs seen 8 times (i % 7 == 6),
        // ties in text order: "w00006 w00007" first.
        assert_eq!(b[0].pair.count, 1 << 33);
        assert_eq!(b[1].text(&terms), "w00006 w00007");
        assert_eq!(b[1].pair.doc_freq, 1);
        // Scores as worked out again from the counts, bit for bit, and never rising.
        for p in &b {
            assert_eq!(
                Some(p.score.to_bits()),
                above_chance(&p.pair, &pairs.margins).map(f64::to_bits)
            );
        }
        assert!(b.windows(2).all(|w| w[0].score >= w[1].score));
    }
}
