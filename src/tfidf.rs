//! TF-IDF: the weighting schemes users know, reproduced exactly.
//!
//! Owns the formulas. Every library weighs differently; a scheme names whose numbers we
//! reproduce (n = documents in the corpus, empty ones included; df = documents with the term;
//! tf = the term's count in the document; len = the document's term occurrences):
//!
//! | scheme | weight |
//! |---|---|
//! | `sklearn` (default) | tf × (ln((1+n)/(1+df)) + 1), each document's vector L2-normalised (scikit-learn `TfidfVectorizer()`) |
//! | `tidytext` | tf/len × ln(n/df) (R tidytext `bind_tf_idf`) |
//! | `quanteda` | tf × log10(n/df) (R quanteda `dfm_tfidf` defaults) |
//! | `voyant` | tf/len × log10(n/df) (Voyant Tools) |
//!
//! `--sublinear-tf` replaces tf by 1 + ln(tf) for `sklearn` (`sublinear_tf=True`) and by
//! 1 + log10(tf) for `quanteda` (`scheme_tf = "logcount"`); the other two have no such option.
//! Pure arithmetic: no I/O, never fails.

use crate::corpus::{Corpus, DocStats};
use crate::text::TermId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    #[default]
    Sklearn,
    Tidytext,
    Quanteda,
    Voyant,
}

impl Scheme {
    pub const ALL: [Scheme; 4] = [
        Scheme::Sklearn,
        Scheme::Tidytext,
        Scheme::Quanteda,
        Scheme::Voyant,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Scheme::Sklearn => "sklearn",
            Scheme::Tidytext => "tidytext",
            Scheme::Quanteda => "quanteda",
            Scheme::Voyant => "voyant",
        }
    }

    pub fn formula(self, sublinear: bool) -> &'static str {
        match (self, sublinear) {
            (Scheme::Sklearn, false) => "tf * (ln((1+n)/(1+df)) + 1), L2-normalised per document",
            (Scheme::Sklearn, true) => {
                "(1 + ln tf) * (ln((1+n)/(1+df)) + 1), L2-normalised per document"
            }
            (Scheme::Tidytext, _) => "tf/len * ln(n/df)",
            (Scheme::Quanteda, false) => "tf * log10(n/df)",
            (Scheme::Quanteda, true) => "(1 + log10 tf) * log10(n/df)",
            (Scheme::Voyant, _) => "tf/len * log10(n/df)",
        }
    }

    /// Whether the scheme has a sublinear tf variant.
    pub fn has_sublinear(self) -> bool {
        matches!(self, Scheme::Sklearn | Scheme::Quanteda)
    }
}

/// A scheme with its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Weighting {
    pub scheme: Scheme,
    pub sublinear: bool,
}

impl Weighting {
    /// The inverse document frequency of a term in `df` of `n` documents.
    pub fn idf(&self, n: usize, df: u32) -> f64 {
        let (n, df) = (n as f64, f64::from(df));
        match self.scheme {
            Scheme::Sklearn => ((1.0 + n) / (1.0 + df)).ln() + 1.0,
            Scheme::Tidytext => (n / df).ln(),
            Scheme::Quanteda | Scheme::Voyant => (n / df).log10(),
        }
    }

    /// The idf of every term of the corpus, indexed by term id.
    pub fn idfs(&self, corpus: &Corpus) -> Vec<f64> {
        let n = corpus.docs.len();
        corpus
            .terms
            .iter()
            .map(|t| self.idf(n, t.doc_freq))
            .collect()
    }

    fn tf(&self, count: u32) -> f64 {
        let c = f64::from(count);
        match (self.scheme, self.sublinear) {
            (Scheme::Sklearn, true) => 1.0 + c.ln(),
            (Scheme::Quanteda, true) => 1.0 + c.log10(),
            _ => c,
        }
    }

    /// The weight of each of the document's terms, in the order of `doc.terms`.
    pub fn weigh(&self, doc: &DocStats, idfs: &[f64]) -> Vec<f64> {
        let mut w: Vec<f64> = doc
            .terms
            .iter()
            .map(|(t, c)| self.tf(c) * idfs[t as usize])
            .collect();
        match self.scheme {
            Scheme::Sklearn => {
                // Summed in term order (stem order), so the norm is the same on every run.
                let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
                if norm > 0.0 {
                    w.iter_mut().for_each(|x| *x /= norm);
                }
            }
            Scheme::Tidytext | Scheme::Voyant => {
                let len = doc.term_total() as f64;
                if len > 0.0 {
                    w.iter_mut().for_each(|x| *x /= len);
                }
            }
            Scheme::Quanteda => {}
        }
        w
    }
}

/// A document's top terms: (term, count, weight), by weight descending, ties by stem
/// ascending (term ids are in stem order).
pub fn top_terms(doc: &DocStats, weights: &[f64], n: usize) -> Vec<(TermId, u32, f64)> {
    let mut v: Vec<(TermId, u32, f64)> = doc
        .terms
        .iter()
        .zip(weights)
        .map(|((t, c), &w)| (t, c, w))
        .collect();
    let order =
        |a: &(TermId, u32, f64), b: &(TermId, u32, f64)| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0));
    // The order is total (ties by term id), so selecting the first n and sorting only those
    // gives exactly the head of the full sort.
    if v.len() > n && n > 0 {
        v.select_nth_unstable_by(n - 1, order);
    }
    v.truncate(n);
    v.sort_unstable_by(order);
    v
}

/// Every document's top terms, chosen when a writer asks for them: held for all documents
/// at once they were among the largest things a run kept to the end (about 280 MB for the
/// 781,000 articles of the 16x benchmark corpus), while choosing them again costs one
/// document's weights. The same function chooses them each time, so every writer sees the
/// same terms.
#[derive(Clone, Copy)]
pub struct TopTerms<'a> {
    corpus: &'a Corpus,
    idfs: &'a [f64],
    weighting: Weighting,
    n: usize,
}

impl<'a> TopTerms<'a> {
    /// The first `n` terms of each document of `corpus`, under `weighting` with `idfs`.
    pub fn new(corpus: &'a Corpus, idfs: &'a [f64], weighting: Weighting, n: usize) -> Self {
        TopTerms {
            corpus,
            idfs,
            weighting,
            n,
        }
    }

    /// Document `i`'s top terms (see [`top_terms`]).
    pub fn of(&self, i: usize) -> Vec<(TermId, u32, f64)> {
        let doc = &self.corpus.docs[i];
        top_terms(doc, &self.weighting.weigh(doc, self.idfs), self.n)
    }

    /// How many top terms document `i` has, without weighing them: every term can be one.
    pub fn len_of(&self, i: usize) -> usize {
        self.corpus.docs[i].terms.len().min(self.n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three documents over terms 0 (a), 1 (b), 2 (c):
    /// d0 = a a b, d1 = a c, d2 = c c c. n = 3; df(a) = 2, df(b) = 1, df(c) = 2.
    fn docs() -> Vec<DocStats> {
        let doc = |terms: Vec<(TermId, u32)>| DocStats {
            terms: crate::corpus::TermCounts::from_sorted(&terms),
            ..Default::default()
        };
        vec![
            doc(vec![(0, 2), (1, 1)]),
            doc(vec![(0, 1), (2, 1)]),
            doc(vec![(2, 3)]),
        ]
    }

    fn idfs(w: Weighting) -> Vec<f64> {
        [2, 1, 2].iter().map(|&df| w.idf(3, df)).collect()
    }

    fn close(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "got {got:?}, want {want:?}");
        }
    }

    #[test]
    fn sklearn_by_hand() {
        let w = Weighting::default();
        // idf(a) = ln(4/3) + 1 = 1.2876820724517808, idf(b) = ln(4/2) + 1 = 1.6931471805599454.
        close(
            &idfs(w),
            &[1.2876820724517808, 1.6931471805599454, 1.2876820724517808],
        );
        // d0: raw (2 x 1.2876821, 1.6931472) = (2.5753641, 1.6931472), norm 3.0820710
        // -> (0.8355915, 0.5493512); scikit-learn's TfidfTransformer gives the same.
        close(
            &w.weigh(&docs()[0], &idfs(w)),
            &[0.8355915419449176, 0.5493512310263033],
        );
    }

    #[test]
    fn sklearn_exact_values() {
        let w = Weighting::default();
        let i = idfs(w);
        let d = docs();
        let a = 2.0 * i[0];
        let b = i[1];
        let norm = (a * a + b * b).sqrt();
        close(&w.weigh(&d[0], &i), &[a / norm, b / norm]);
        // d1: equal idf for a and c -> both 1/sqrt(2).
        close(&w.weigh(&d[1], &i), &[0.5f64.sqrt(), 0.5f64.sqrt()]);
        // d2: one term -> 1.
        close(&w.weigh(&d[2], &i), &[1.0]);
    }

    #[test]
    fn tidytext_by_hand() {
        let w = Weighting {
            scheme: Scheme::Tidytext,
            sublinear: false,
        };
        let i = idfs(w);
        // idf(a) = ln(3/2) = 0.4054651, idf(b) = ln 3 = 1.0986123.
        close(&i, &[1.5f64.ln(), 3f64.ln(), 1.5f64.ln()]);
        // d0: len 3 -> a: 2/3 * 0.4054651 = 0.2703101, b: 1/3 * 1.0986123 = 0.3662041.
        close(
            &w.weigh(&docs()[0], &i),
            &[2.0 / 3.0 * 1.5f64.ln(), 3f64.ln() / 3.0],
        );
        // d2: c in 2 of 3 docs, len 3 -> 3/3 * ln 1.5.
        close(&w.weigh(&docs()[2], &i), &[1.5f64.ln()]);
    }

    #[test]
    fn quanteda_by_hand() {
        let w = Weighting {
            scheme: Scheme::Quanteda,
            sublinear: false,
        };
        let i = idfs(w);
        // log10(3/2) = 0.17609126, log10(3) = 0.47712125.
        close(
            &i,
            &[
                0.17609125905568124,
                0.47712125471966244,
                0.17609125905568124,
            ],
        );
        close(
            &w.weigh(&docs()[0], &i),
            &[2.0 * 0.17609125905568124, 0.47712125471966244],
        );
        close(&w.weigh(&docs()[2], &i), &[3.0 * 0.17609125905568124]);
        let s = Weighting {
            scheme: Scheme::Quanteda,
            sublinear: true,
        };
        // logcount: 1 + log10(3) = 1.47712125.
        close(
            &s.weigh(&docs()[2], &i),
            &[1.477_121_254_719_662_4 * 0.176_091_259_055_681_24],
        );
    }

    #[test]
    fn voyant_by_hand() {
        let w = Weighting {
            scheme: Scheme::Voyant,
            sublinear: false,
        };
        let i = idfs(w);
        close(
            &w.weigh(&docs()[1], &i),
            &[0.5 * 0.17609125905568124, 0.5 * 0.17609125905568124],
        );
    }

    #[test]
    fn sklearn_sublinear() {
        let w = Weighting {
            scheme: Scheme::Sklearn,
            sublinear: true,
        };
        let i = idfs(w);
        let a = (1.0 + 2f64.ln()) * i[0];
        let b = i[1];
        let norm = (a * a + b * b).sqrt();
        close(&w.weigh(&docs()[0], &i), &[a / norm, b / norm]);
    }

    #[test]
    fn top_terms_break_ties_by_stem() {
        let d = DocStats {
            terms: crate::corpus::TermCounts::from_sorted(&[(0, 1), (1, 1), (2, 5)]),
            ..Default::default()
        };
        let top = top_terms(&d, &[0.5, 0.5, 0.9], 2);
        assert_eq!(top, [(2, 5, 0.9), (0, 1, 0.5)]);
    }

    /// A document's top terms chosen when asked are those chosen from its weights, and
    /// their count is known without weighing: checked on every document, with `n` below,
    /// at and above a document's number of terms, and on a document without terms.
    #[test]
    fn top_terms_chosen_when_asked_match_the_weights() {
        let settings = crate::Settings::default();
        let corpus = crate::pipeline::corpus_of(
            &[
                (
                    "a",
                    "Sanctions talks stalled. Sanctions again, said the minister.",
                ),
                ("b", "Talks resumed in Geneva on Monday."),
                ("c", "The of and."),
                ("d", "Geneva talks, Geneva sanctions, Geneva weather."),
            ],
            &settings,
        );
        let w = Weighting::default();
        let idfs = w.idfs(&corpus);
        assert!(corpus.docs[2].terms.is_empty(), "c has only stop words");
        for n in [0, 1, 2, 3, 20] {
            let top = TopTerms::new(&corpus, &idfs, w, n);
            for (i, d) in corpus.docs.iter().enumerate() {
                let want = top_terms(d, &w.weigh(d, &idfs), n);
                assert_eq!(top.of(i), want, "doc {i}, n {n}");
                assert_eq!(top.len_of(i), want.len(), "doc {i}, n {n}");
            }
        }
        // Weights, not counts, order them: "geneva" is 3 of d's 6 terms, yet in 2 documents.
        let top = TopTerms::new(&corpus, &idfs, w, 20);
        assert_eq!(top.of(3).len(), 4);
    }
}
