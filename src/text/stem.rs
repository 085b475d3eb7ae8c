//! Stage 4 of text analysis: Snowball English stemming.
//!
//! Owns the stemmer choice. Stems are keys for counting, never what users read (the corpus
//! shows each stem as its most frequent word). Acronyms are never stemmed.

use rust_stemmers::{Algorithm, Stemmer as Snowball};

/// Snowball English (Porter2), or the identity with `--no-stem`.
pub struct Stemmer {
    inner: Option<Snowball>,
}

impl Stemmer {
    pub fn english() -> Self {
        Self {
            inner: Some(Snowball::create(Algorithm::English)),
        }
    }

    pub fn none() -> Self {
        Self { inner: None }
    }

    /// The stem of a normalised lower-case word.
    /// Whether words are stemmed (false for [`Stemmer::none`]).
    pub fn is_stemming(&self) -> bool {
        self.inner.is_some()
    }

    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        match &self.inner {
            Some(s) => s.stem(word),
            None => std::borrow::Cow::Borrowed(word),
        }
    }
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.inner.is_some() {
            "Stemmer(english)"
        } else {
            "Stemmer(none)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowball_english_stems() {
        let s = Stemmer::english();
        // Expected values are Snowball English 2.x (checked with PyStemmer 2.2.0.3).
        for (word, stem) in [
            ("relations", "relat"),
            ("relation", "relat"),
            ("stability", "stabil"),
            ("strategic", "strateg"),
            ("negotiations", "negoti"),
            ("sanctions", "sanction"),
            ("missile", "missil"),
            ("defense", "defens"),
            ("russian", "russian"),
            ("countries", "countri"),
            ("deteriorated", "deterior"),
            ("international", "intern"),
        ] {
            assert_eq!(s.stem(word), stem, "stem of {word}");
        }
    }

    #[test]
    fn no_stem_is_identity() {
        assert_eq!(Stemmer::none().stem("relations"), "relations");
    }
}
