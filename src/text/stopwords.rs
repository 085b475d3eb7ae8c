//! Stage 3 of text analysis: the stop-word list and what else is not a term.
//!
//! Owns which normalised words are dropped: stop words (the NLTK English list from the
//! `stop-words` crate plus the user's own), pure numbers and single characters. The list is
//! normalised like tokens, so `don’t` and `don't` are both stop words.

use ahash::AHashSet;

/// The effective stop-word list. Cheap to share between threads by reference.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StopWords {
    words: AHashSet<String>,
}

impl StopWords {
    /// The NLTK English list (198 words: it keeps news words such as "said", "new", "year").
    pub fn nltk_english() -> Self {
        Self::from_words(stop_words::get("en").iter().copied())
    }

    /// A list made of the given words, normalised like tokens; blank entries are ignored.
    pub fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let words = words
            .into_iter()
            .map(super::normalize::normalize_word)
            .filter(|w| !w.is_empty())
            .collect();
        Self { words }
    }

    /// Adds the words of a user's list (one per line; `#` starts a comment line).
    pub fn extend_from_lines(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let w = super::normalize::normalize_word(line);
            if !w.is_empty() {
                self.words.insert(w);
            }
        }
    }

    /// Whether a normalised (lower-case) word is a stop word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The list, sorted (for `--list-stop-words`).
    pub fn sorted(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.words.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Whether a normalised word can never be a term: a single character or a pure number
/// (every character numeric: `1990`, `½`).
pub fn is_not_a_term(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) | (Some(_), None) => true,
        _ => word.chars().all(char::is_numeric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nltk_list_keeps_news_words() {
        let s = StopWords::nltk_english();
        // 198 words, 195 once normalised: "he's", "it's" and "she's" fold into "he", "it" and
        // "she" when the possessive "'s" goes, as the tokens they stand for do.
        assert_eq!(s.len(), 195);
        for w in ["the", "and", "he", "it", "don't", "should've"] {
            assert!(s.contains(w), "{w} should be a stop word");
        }
        for w in ["said", "new", "year", "state", "US", "us"] {
            assert!(!s.contains(w), "{w} should not be a stop word");
        }
    }

    #[test]
    fn user_list_is_normalised_and_commented() {
        let mut s = StopWords::from_words([]);
        s.extend_from_lines("# mine\nSaid\n  Moscow’s \n\nwon’t\n");
        assert_eq!(s.sorted(), ["moscow", "said", "won't"]);
    }

    #[test]
    fn numbers_and_single_characters() {
        for w in ["1990", "2", "½", "x", "é"] {
            assert!(is_not_a_term(w), "{w}");
        }
        for w in ["1990s", "g20", "us", "xx"] {
            assert!(!is_not_a_term(w), "{w}");
        }
    }
}
