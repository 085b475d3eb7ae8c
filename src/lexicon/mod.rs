//! Word lists shared by more than one module, kept as data: one list a file (`*.txt` beside
//! this module, one entry a line, `#` comments), read with `include_str!` and turned into sets
//! once. A list written twice drifts apart; a list here is the one copy its users read.
//!
//! - [`honorifics`]: "Mr", "Mrs", "Dr", "Lord" (the speaker attribution drops them from names;
//!   the tokenizer does not end a sentence after the abbreviated ones).
//! - [`company_suffixes`]: "Inc", "Corp", "plc" (the end of a company's name: one name for
//!   the speaker attribution, an ending [`crate::meta::headline`] strips from an outlet's
//!   name, an abbreviation for the tokenizer).
//! - [`TITLE_ABBREVIATIONS_TXT`]: "Gen.", "Rep.", "Sen." (a title before a name for the
//!   speaker attribution, an abbreviation for the tokenizer).
//!
//! - [`gazetteer`]: evidence of what a capitalised name is: given names, places,
//!   nationalities, news organisations, institutions, company legal forms (open data; see
//!   `SOURCES.md`).
//!
//! Weekdays and months are [`crate::meta::dates`]' (`is_weekday`, `month_of`).
//!
//! [`entries`] and [`Words`] read any such file, also those that a single module owns
//! (`speakers/words/`, `text/abbreviations.txt`). No I/O beyond the binary itself, never fails.

pub mod gazetteer;

use std::sync::LazyLock;

pub use gazetteer::{
    is_ambiguous_given_name, is_company_suffix, is_given_name, is_institution, is_institution_word,
    is_nationality, is_news_organisation, is_place, load,
};

use ahash::AHashSet;

use crate::text::stopwords::StopWords;

/// The entries of a word-list file: one a line, trimmed, lower case as written; blank lines
/// and everything after a `#` are skipped.
pub fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// A set of lower-case words, asked about in any case.
#[derive(Debug, Clone, Default)]
pub struct Words {
    set: AHashSet<&'static str>,
}

impl Words {
    /// The words of a word-list file (see [`entries`]), as written ("u.s." keeps its stops).
    pub fn parse(text: &'static str) -> Self {
        entries(text).collect()
    }

    /// The words of a word-list file whose trailing full stop marks an abbreviation (the
    /// shared lists here): the mark is not part of the word.
    pub fn parse_marked(text: &'static str) -> Self {
        entries(text)
            .map(|w| w.strip_suffix('.').unwrap_or(w))
            .collect()
    }

    /// The entries of a word-list file written with a trailing full stop (abbreviations:
    /// "mr.", "inc."), without it.
    pub fn abbreviated(text: &'static str) -> Self {
        entries(text)
            .filter_map(|w| w.strip_suffix('.'))
            .filter(|w| !w.contains('.'))
            .collect()
    }

    /// Whether `word` is in the set, compared ignoring ASCII case (the lists are ASCII: a
    /// word with other letters is in none). Does not allocate for words of up to 32 bytes.
    pub fn contains(&self, word: &str) -> bool {
        with_ascii_lower(word, |w| w.is_some_and(|w| self.set.contains(w)))
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.set.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

impl FromIterator<&'static str> for Words {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        Self {
            set: iter.into_iter().collect(),
        }
    }
}

/// Calls `f` with `word` in ASCII lower case, lowered on the stack when short; `None` when the
/// word is not ASCII (no entry of a word list can match it).
#[inline]
pub fn with_ascii_lower<R>(word: &str, f: impl FnOnce(Option<&str>) -> R) -> R {
    if !word.is_ascii() {
        return f(None);
    }
    let mut buf = [0u8; 32];
    if word.len() > buf.len() {
        return f(Some(&word.to_ascii_lowercase()));
    }
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    f(std::str::from_utf8(&buf[..word.len()]).ok())
}

static FUNCTION_WORDS: LazyLock<StopWords> = LazyLock::new(StopWords::nltk_english);

/// The English function words (`the`, `them`, `should`: the NLTK list of the `stop-words`
/// crate, the list the text analysis drops by default), normalised like tokens (lower case,
/// straight apostrophes). One set for every module that asks.
pub fn function_words() -> &'static StopWords {
    &FUNCTION_WORDS
}

/// The same list as written (`it's`, `don't` whole), for words asked about as they stand in
/// a name or a line rather than as normalised terms.
static FUNCTION_WORDS_AS_WRITTEN: LazyLock<AHashSet<&'static str>> =
    LazyLock::new(|| stop_words::get("en").iter().copied().collect());

/// Whether a word is an English function word as written (`It's`, `Having`), in any ASCII case.
pub fn is_function_word(w: &str) -> bool {
    with_ascii_lower(w, |l| {
        l.is_some_and(|l| FUNCTION_WORDS_AS_WRITTEN.contains(l))
    })
}

pub const HONORIFICS_TXT: &str = include_str!("honorifics.txt");
pub const COMPANY_SUFFIXES_TXT: &str = include_str!("company_suffixes.txt");
/// Titles written abbreviated before a name ("Gen.", "Rep.", "Sen."), each with its full
/// stop: abbreviations for the tokenizer, titles for the speaker attribution.
pub const TITLE_ABBREVIATIONS_TXT: &str = include_str!("title_abbreviations.txt");

static HONORIFICS: LazyLock<Words> = LazyLock::new(|| Words::parse_marked(HONORIFICS_TXT));
static COMPANY_SUFFIXES: LazyLock<Words> =
    LazyLock::new(|| Words::parse_marked(COMPANY_SUFFIXES_TXT));

/// "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof".
pub fn honorifics() -> &'static Words {
    &HONORIFICS
}

/// "inc", "corp", "co", "ltd", "plc", "llc".
pub fn company_suffixes() -> &'static Words {
    &COMPANY_SUFFIXES
}

static COMPANY_SUFFIX_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    entries(COMPANY_SUFFIXES_TXT)
        .map(|w| w.strip_suffix('.').unwrap_or(w))
        .collect()
});

/// The company suffixes in the order of their file, for code that strips them in turn.
pub fn company_suffix_list() -> &'static [&'static str] {
    &COMPANY_SUFFIX_LIST
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_once_in_lower_case_without_comments() {
        assert!(honorifics().contains("Mr"));
        assert!(honorifics().contains("DAME"));
        assert!(!honorifics().contains("mr."));
        assert!(!honorifics().contains("Mister"));
        assert_eq!(honorifics().len(), 10);
        assert!(company_suffixes().contains("Plc"));
        for text in [HONORIFICS_TXT, COMPANY_SUFFIXES_TXT] {
            for w in entries(text) {
                assert_eq!(w, w.to_lowercase(), "{w:?} is not lower case");
                assert!(!w.contains(' '), "{w:?}");
            }
        }
    }

    #[test]
    fn abbreviations_are_the_entries_with_a_full_stop() {
        let abbr = Words::abbreviated(HONORIFICS_TXT);
        let mut got: Vec<&str> = abbr.iter().collect();
        got.sort_unstable();
        assert_eq!(got, ["dr", "mr", "mrs", "ms", "prof"]);
        let abbr = Words::abbreviated(COMPANY_SUFFIXES_TXT);
        let mut got: Vec<&str> = abbr.iter().collect();
        got.sort_unstable();
        assert_eq!(got, ["corp", "inc", "ltd"]);
    }

    #[test]
    fn words_are_asked_about_in_any_case_and_never_match_other_letters() {
        let w: Words = ["u.s.", "kremlin"].into_iter().collect();
        assert!(w.contains("U.S."));
        assert!(w.contains("KREMLIN"));
        assert!(!w.contains("kreml\u{0130}n"));
        assert!(!w.contains(&"x".repeat(40)));
    }
}
