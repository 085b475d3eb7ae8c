//! Two-word phrases: adjacent terms in one sentence, scored as collocations.
//!
//! Owns which pairs are phrases and their score. A pair is two terms next to each other in one
//! sentence with no stop word or number between ("foreign minister", not "secretary of
//! state"). The score is Dunning's log-likelihood ratio G² of the 2×2 table of the pair's
//! first and second term (as in quanteda's `textstat_collocations` and NLTK's
//! `BigramAssocMeasures.likelihood_ratio`): it is high for a pair seen together far more often
//! than its words' own frequencies predict, so a real phrase outranks two frequent words side
//! by side. Pairs seen once, and pairs seen *less* often than chance, are left out.
//! Pure arithmetic over integer counts: no I/O, never fails, the same on every run.

use std::cmp::Ordering;
use std::iter::once;

use crate::corpus::{Corpus, Pair, Term};

/// A phrase with its counts and score. Its text is made only when it is shown
/// ([`Phrase::text`]): a large corpus has millions of phrases.
#[derive(Debug, Clone, PartialEq)]
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

/// Every phrase of the corpus, strongest first, as indices into [`Corpus::pairs`]: 4 bytes a
/// phrase where the phrase itself takes 32 (a large corpus has millions, all in
/// phrases.csv). A phrase's counts are its pair's; its score is worked out again when read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Phrases(Vec<u32>);

impl Phrases {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `i`th strongest phrase of `corpus` (the corpus these were scored on).
    pub fn get(&self, corpus: &Corpus, i: usize) -> Phrase {
        let pair = corpus.pairs.get(self.0[i] as usize);
        Phrase {
            pair,
            score: above_chance(&pair, corpus).unwrap_or(0.0),
        }
    }

    /// The phrases, strongest first.
    pub fn iter<'c>(&'c self, corpus: &'c Corpus) -> impl Iterator<Item = Phrase> + 'c {
        (0..self.len()).map(|i| self.get(corpus, i))
    }
}

/// The pair's G², if it is seen more often than chance predicts.
fn above_chance(p: &Pair, corpus: &Corpus) -> Option<f64> {
    let margins = &corpus.pair_margins;
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

/// Scores the corpus' pairs; returns the phrases sorted by score descending, then text
/// ascending.
pub fn score(corpus: &Corpus) -> Phrases {
    let mut scored: Vec<(f64, u32)> = (corpus.pairs.iter().enumerate())
        .filter_map(|(i, p)| Some((above_chance(&p, corpus)?, i as u32)))
        .collect();
    let text = |i: u32| {
        let p = corpus.pairs.get(i as usize);
        let terms = &corpus.terms;
        text_bytes((
            terms[p.first as usize].display(),
            terms[p.second as usize].display(),
        ))
    };
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| text(a.1).cmp(text(b.1))));
    Phrases(scored.into_iter().map(|(_, i)| i).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{PairMargins, Term};

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
        let corpus = Corpus {
            terms: ["foreign", "minister", "russia", "said"].map(term).to_vec(),
            pairs: all.iter().filter(|p| p.count >= 2).copied().collect(),
            pair_margins: PairMargins {
                as_first: vec![5, 1, 42, 40],
                as_second: vec![0, 5, 40, 43],
                total: 88,
            },
            ..Default::default()
        };
        let scored = score(&corpus);
        let got: Vec<String> = (scored.iter(&corpus))
            .map(|p| p.text(&corpus.terms))
            .collect();
        let got: Vec<&str> = got.iter().map(String::as_str).collect();
        // "russia russia" (40 of 88 pairs) is a strong pair too; what matters is that the
        // always-together phrase is in and the chance neighbours are out.
        assert!(got.contains(&"foreign minister"), "{got:?}");
        assert!(!got.contains(&"minister said"), "seen once: {got:?}");
        assert!(!got.contains(&"russia said"), "below chance: {got:?}");
    }
}
