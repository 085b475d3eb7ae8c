//! Stage 1 of text analysis: split text into word tokens and sentences.
//!
//! Owns what a *word* is and where a *sentence* ends. Does no I/O, never fails, and allocates
//! nothing per token: tokens are slices of the input with byte offsets.
//!
//! Rules:
//! - A word is a maximal run of alphanumeric characters (`char::is_alphanumeric`: Unicode
//!   letters, marks of alphabetic scripts, digits). A single apostrophe (`'` or `’`) between two
//!   alphanumerics stays inside the word (`don't`, `O’Neill`, `Moscow's`); everything else,
//!   hyphens included, separates words (`Russian-US` -> `Russian`, `US`).
//! - Dotted capitals (`U.S.`, `U.K.`) are one token of kind [`TokenKind::Dotted`].
//! - A token wholly in capitals in running text is [`TokenKind::Capitals`]; on a line written
//!   wholly in capitals (a shouted headline, page furniture) it is an ordinary [`TokenKind::Word`],
//!   and so is the place name of a dateline (`MOSCOW (Sputnik) -`, `WASHINGTON, March 2 -`):
//!   a city in capitals is the city, not an acronym.
//! - Sentences end at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by white
//!   space and then something that can start a sentence (not a lower-case letter), except after
//!   a known abbreviation (`Mr.`, `Jan.`) or a single initial (`John F. Kennedy`). A blank line
//!   ends a sentence, and so does the end of a short line without final punctuation (a
//!   headline or a caption); a long line without one is taken as hard-wrapped text that goes on.

use std::sync::LazyLock;

use crate::lexicon::{self, Words};

/// What kind of word a token is; decides how it is normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// An ordinary word (possibly capitalised or on a shouted line).
    Word,
    /// Written wholly in capitals in running text (`US`, `NATO`, `G20`).
    Capitals,
    /// Dotted capitals (`U.S.`): an acronym once the dots are gone.
    Dotted,
}

/// One word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written, a slice of the input.
    pub text: &'a str,
    /// Byte offset of the word in the input.
    pub start: usize,
    /// Index of the sentence the word belongs to (0-based, counting only sentences with words).
    pub sentence: u32,
    pub kind: TokenKind,
}

/// Lines at least this long that end without final punctuation are taken as hard-wrapped text
/// (Reuters wraps at about 70 characters); shorter ones end their sentence.
const WRAPPED_LINE_CHARS: usize = 50;

/// Abbreviations after which a full stop does not end a sentence (compared in lower case):
/// `abbreviations.txt`, and the abbreviated honorifics, titles and company suffixes of the
/// shared lists ("Mr.", "Gen.", "Inc.").
static ABBREVIATIONS: LazyLock<Words> = LazyLock::new(|| {
    let own = Words::parse(include_str!("abbreviations.txt"));
    let honorifics = Words::abbreviated(lexicon::HONORIFICS_TXT);
    let companies = Words::abbreviated(lexicon::COMPANY_SUFFIXES_TXT);
    let titles = Words::abbreviated(lexicon::TITLE_ABBREVIATIONS_TXT);
    own.iter()
        .chain(honorifics.iter())
        .chain(titles.iter())
        .chain(companies.iter())
        .collect()
});

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{BB}' | '\u{203A}'
    )
}

/// Counts words and tells whether a line is written wholly in capitals: no lower-case letter and
/// at least two words with capitals, so a lone `NATO` on its own line stays an acronym.
fn is_shouted(line: &str) -> bool {
    let mut words_with_capitals = 0;
    let mut in_word = false;
    let mut word_has_capital = false;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphanumeric() {
            if !in_word {
                in_word = true;
                word_has_capital = false;
            }
            if c.is_uppercase() {
                word_has_capital = true;
            }
        } else if in_word {
            in_word = false;
            if word_has_capital {
                words_with_capitals += 1;
            }
        }
    }
    if in_word && word_has_capital {
        words_with_capitals += 1;
    }
    words_with_capitals >= 2
}

/// Whether a word is written wholly in capitals: at least two characters, at least one
/// upper-case letter and no lower-case one (`US`, `G20`, not `I`, not `2014`).
/// An acronym's plural: two or more capitals and a final lower-case `s` ("ETFs", "CEOs",
/// "MPs"); normalised to the acronym, so "ETFs" and "ETF" are one term.
pub fn is_capitals_plural(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && b[b.len() - 1] == b's' && b[..b.len() - 1].iter().all(u8::is_ascii_uppercase)
}

pub fn is_capitals(word: &str) -> bool {
    let mut upper = false;
    let mut chars = 0;
    for c in word.chars() {
        chars += 1;
        if c.is_lowercase() {
            return false;
        }
        upper |= c.is_uppercase();
    }
    upper && chars >= 2
}

/// Tokenises `text`, calling `emit` for every word in order; returns the number of sentences.
pub fn for_each_token<'a>(text: &'a str, mut emit: impl FnMut(Token<'a>)) -> u32 {
    let mut sentences = Sentences::default();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        scan_line(body, line_start, &mut sentences, &mut emit);
        line_start += line.len();
    }
    sentences.finish()
}

/// Tokenises `text` into a vector (for tests and callers that want all tokens at once).
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t));
    out
}

/// Sentence numbering: a boundary only counts once the sentence has words, so runs of blank
/// lines or punctuation never make empty sentences.
#[derive(Default)]
struct Sentences {
    current: u32,
    has_words: bool,
}

impl Sentences {
    fn word(&mut self) -> u32 {
        self.has_words = true;
        self.current
    }
    fn boundary(&mut self) {
        if self.has_words {
            self.current += 1;
            self.has_words = false;
        }
    }
    fn finish(self) -> u32 {
        self.current + u32::from(self.has_words)
    }
}

fn scan_line<'a>(
    line: &'a str,
    offset: usize,
    sentences: &mut Sentences,
    emit: &mut impl FnMut(Token<'a>),
) {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        sentences.boundary();
        return;
    }
    let shouted = is_shouted(line);
    let dateline = dateline_place_end(line);
    // The last word seen on this line, and where it ended, to tell `Mr.` from a full stop.
    let mut last_word: Option<(&str, usize, TokenKind)> = None;
    let mut ended_with_terminal = false;
    let mut i = 0;
    while i < line.len() {
        // `i` always sits on a char boundary (we advance by whole chars); ASCII needs no decoding.
        let b = line.as_bytes()[i];
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            let Some(c) = line[i..].chars().next() else {
                break;
            };
            c
        };
        if c.is_alphanumeric() {
            let (end, kind) = word_end(line, i);
            let word = &line[i..end];
            let kind = match kind {
                TokenKind::Word
                    if !shouted
                        && i >= dateline
                        && (is_capitals(strip_possessive(word)) || is_capitals_plural(word)) =>
                {
                    TokenKind::Capitals
                }
                TokenKind::Capitals => TokenKind::Word,
                k => k,
            };
            emit(Token {
                text: word,
                start: offset + i,
                sentence: sentences.word(),
                kind,
            });
            last_word = Some((word, end, kind));
            ended_with_terminal = false;
            i = end;
        } else if is_terminal(c) {
            let stop_at = i;
            let mut j = i;
            while let Some(d) = line[j..].chars().next() {
                if is_terminal(d) || is_closing(d) {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &line[j..];
            let followed_by_space = rest.is_empty() || rest.starts_with(char::is_whitespace);
            if followed_by_space {
                ended_with_terminal = true;
                let next = rest.trim_start().chars().next();
                let starts_sentence = next.is_none_or(|n| !n.is_lowercase());
                let abbreviation = c == '.'
                    && j == stop_at + 1
                    && last_word.is_some_and(|(w, end, kind)| {
                        end == stop_at && kind != TokenKind::Dotted && is_abbreviation(w)
                    });
                if starts_sentence && !abbreviation {
                    sentences.boundary();
                }
            }
            i = j;
        } else {
            if !c.is_whitespace() {
                ended_with_terminal = false;
            }
            i += c.len_utf8();
        }
    }
    if !ended_with_terminal && trimmed.chars().count() < WRAPPED_LINE_CHARS {
        sentences.boundary();
    }
}

/// If the line opens with a dateline's place in capitals (`MOSCOW (Sputnik) -`,
/// `NEW YORK, March 2 -`, `SALVADOR, Feb 26 -`, `RICHMOND, Va., March 3 -`), the byte offset
/// where the place ends; 0 otherwise. The place must be followed by `(`, a dash, or a comma and
/// then a capitalised word, so `NATO, the alliance` at the start of a line is not a dateline.
fn dateline_place_end(line: &str) -> usize {
    let start = line.len() - line.trim_start().len();
    let mut end = start;
    let mut words = 0;
    let mut pos = start;
    while words < 4 {
        let rest = &line[pos..];
        let len = rest.find([' ', ',', '(']).unwrap_or(rest.len());
        let word = &rest[..len];
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || !is_capitals(word) || word.chars().any(char::is_numeric) {
            break;
        }
        words += 1;
        end = pos + len;
        if !rest[len..].starts_with(' ') {
            break;
        }
        pos = end + 1;
    }
    if words == 0 {
        return 0;
    }
    let after = line[end..].trim_start();
    let is_dateline = if let Some(next) = after.strip_prefix(',') {
        let next = next.trim_start();
        next.chars().next().is_some_and(char::is_uppercase)
            && (next.len() < 2
                || next
                    .split([' ', ',', '.'])
                    .next()
                    .is_some_and(|w| crate::meta::dates::month_of(w).is_some())
                || next
                    .split([' ', ','])
                    .next()
                    .is_some_and(|w| w.ends_with('.')))
    } else {
        after.starts_with(['(', '-', '\u{2013}', '\u{2014}'])
    };
    if is_dateline { end } else { 0 }
}

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase(); // an initial: "John F. Kennedy"
    }
    word.len() <= 6 && ABBREVIATIONS.contains(word)
}

/// Drops a trailing possessive `'s` / `’s` (either case of `s`).
#[inline]
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "'S", "\u{2019}s", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    word
}

/// Finds where the word starting at `start` ends; recognises dotted capitals (`U.S.`).
fn word_end(line: &str, start: usize) -> (usize, TokenKind) {
    if let Some(end) = dotted_end(line, start) {
        return (end, TokenKind::Dotted);
    }
    // ASCII fast path: most words are plain ASCII letters and digits, which need no decoding;
    // the first byte that is not (an apostrophe, a non-ASCII letter) hands over to the loop
    // over chars below, from where it stopped.
    let bytes = line.as_bytes();
    let mut i = start;
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i < bytes.len() && (bytes[i] == b'\'' || !bytes[i].is_ascii()) {
        return (word_end_chars(line, i), TokenKind::Word);
    }
    (i, TokenKind::Word)
}

/// The general case of [`word_end`]: from `from` (a char boundary inside a word, where the
/// word so far ends), over chars, with apostrophes inside words.
fn word_end_chars(line: &str, from: usize) -> usize {
    let mut i = from;
    let mut chars = line[from..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if c.is_alphanumeric() {
            i = from + off + c.len_utf8();
        } else if is_apostrophe(c) && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    i
}

/// `U.S.`, `U.K.`, `U.S.S.R.`: two or more single capitals each followed by a full stop, not
/// followed by another letter. Returns the end of the match (after the last stop).
fn dotted_end(line: &str, start: usize) -> Option<usize> {
    let mut letters = 0;
    let mut i = start;
    loop {
        let mut it = line[i..].chars();
        match (it.next(), it.next()) {
            (Some(c), Some('.')) if c.is_uppercase() => {
                letters += 1;
                i += c.len_utf8() + 1;
            }
            _ => break,
        }
    }
    let next_is_letter = line[i..].chars().next().is_some_and(char::is_alphanumeric);
    (letters >= 2 && !next_is_letter).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    fn check(text: &str, expected: &[(&str, TokenKind)]) {
        let got: Vec<(&str, TokenKind)> = tokenize(text)
            .into_iter()
            .map(|t| (t.text, t.kind))
            .collect();
        assert_eq!(got, expected, "tokens of {text:?}");
    }

    fn sentences_of(text: &str) -> Vec<Vec<&str>> {
        let mut out: Vec<Vec<&str>> = Vec::new();
        for t in tokenize(text) {
            let s = t.sentence as usize;
            while out.len() <= s {
                out.push(Vec::new());
            }
            out[s].push(t.text);
        }
        out
    }

    use TokenKind::{Capitals, Dotted, Word};

    #[test]
    fn real_sentence_from_seed_000() {
        assert_eq!(
            words("overcome an impasse in the Russian-US relations, it was necessary"),
            [
                "overcome",
                "an",
                "impasse",
                "in",
                "the",
                "Russian",
                "US",
                "relations",
                "it",
                "was",
                "necessary"
            ]
        );
    }

    #[test]
    fn apostrophes_straight_and_curly_stay_inside() {
        check(
            "Moscow's Washington’s wouldn’t leaders’ 'quoted'",
            &[
                ("Moscow's", Word),
                ("Washington’s", Word),
                ("wouldn’t", Word),
                ("leaders", Word),
                ("quoted", Word),
            ],
        );
    }

    /// Words that leave ASCII midway, or hold apostrophes, end where the char rules say:
    /// the byte fast path hands over at the first such byte.
    #[test]
    fn words_mixing_ascii_and_other_letters() {
        assert_eq!(
            words("naïve café l'État rock'n'roll x' Zelenskyy’s 12½ Ōsaka—Kyoto"),
            vec![
                "naïve",
                "café",
                "l'État",
                "rock'n'roll",
                "x",
                "Zelenskyy’s",
                "12½",
                "Ōsaka",
                "Kyoto"
            ]
        );
    }

    #[test]
    fn capitals_are_marked_in_running_text() {
        check(
            "the New START Treaty and INF, I said",
            &[
                ("the", Word),
                ("New", Word),
                ("START", Capitals),
                ("Treaty", Word),
                ("and", Word),
                ("INF", Capitals),
                ("I", Word),
                ("said", Word),
            ],
        );
        check("US's G20", &[("US's", Capitals), ("G20", Capitals)]);
    }

    #[test]
    fn shouted_line_makes_no_acronyms() {
        check(
            "BAHIA COCOA REVIEW\nUS talks",
            &[
                ("BAHIA", Word),
                ("COCOA", Word),
                ("REVIEW", Word),
                ("US", Capitals),
                ("talks", Word),
            ],
        );
        // A lone acronym on its own line is still an acronym.
        check("NATO\n", &[("NATO", Capitals)]);
    }

    #[test]
    fn dateline_places_are_not_acronyms() {
        check(
            "MOSCOW (Sputnik) - US talks",
            &[
                ("MOSCOW", Word),
                ("Sputnik", Word),
                ("US", Capitals),
                ("talks", Word),
            ],
        );
        check(
            "MOSCOW(Sputnik) - US",
            &[("MOSCOW", Word), ("Sputnik", Word), ("US", Capitals)],
        );
        check(
            "MOSCOW, October 23. /TASS/. INF",
            &[
                ("MOSCOW", Word),
                ("October", Word),
                ("23", Word),
                ("TASS", Capitals),
                ("INF", Capitals),
            ],
        );
        check(
            "    NEW YORK, Feb 26 - IBM",
            &[
                ("NEW", Word),
                ("YORK", Word),
                ("Feb", Word),
                ("26", Word),
                ("IBM", Capitals),
            ],
        );
        check(
            "RICHMOND, Va., March 3 - CSX",
            &[
                ("RICHMOND", Word),
                ("Va", Word),
                ("March", Word),
                ("3", Word),
                ("CSX", Capitals),
            ],
        );
        // Not datelines: an acronym opening a sentence.
        check(
            "NATO, the alliance",
            &[("NATO", Capitals), ("the", Word), ("alliance", Word)],
        );
        check("NATO said", &[("NATO", Capitals), ("said", Word)]);
    }

    #[test]
    fn dotted_capitals() {
        check(
            "U.S. Secretary; the U.S.-led e.g. U.S.S.R.",
            &[
                ("U.S.", Dotted),
                ("Secretary", Word),
                ("the", Word),
                ("U.S.", Dotted),
                ("led", Word),
                ("e", Word),
                ("g", Word),
                ("U.S.S.R.", Dotted),
            ],
        );
    }

    #[test]
    fn offsets_point_into_the_input() {
        let text = "Hello — “world”";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.start + t.text.len()], t.text);
        }
    }

    #[test]
    fn numbers_are_tokens_split_at_points() {
        assert_eq!(
            words("5.93 mln in 1987, 155,221 bags"),
            ["5", "93", "mln", "in", "1987", "155", "221", "bags"]
        );
    }

    #[test]
    fn sentences_from_seed_003() {
        let text = "\"We need a more active dialogue for all the rest,\" the defense minister noted. \"I think that today we have a chance.\"\nOn Monday, Bolton held talks.";
        assert_eq!(
            sentences_of(text),
            [
                vec![
                    "We", "need", "a", "more", "active", "dialogue", "for", "all", "the", "rest",
                    "the", "defense", "minister", "noted"
                ],
                vec!["I", "think", "that", "today", "we", "have", "a", "chance"],
                vec!["On", "Monday", "Bolton", "held", "talks"],
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        assert_eq!(
            sentences_of("Mr. Blair met John F. Kennedy on Jan. 5 at 3.5 p.m. Then he left."),
            [
                vec![
                    "Mr", "Blair", "met", "John", "F", "Kennedy", "on", "Jan", "5", "at", "3", "5",
                    "p", "m"
                ],
                vec!["Then", "he", "left"],
            ]
        );
        // Dotted capitals keep their stop: "the U.S. Secretary" is far commoner in news than a
        // sentence ending in "U.S.", so they never end one.
        assert_eq!(sentences_of("the U.S. Secretary of State").len(), 1);
        // A lower-case word after a stop does not start a sentence.
        assert_eq!(sentences_of("about 5 kg. of rice").len(), 1);
    }

    #[test]
    fn headlines_and_blank_lines_end_sentences_wrapped_lines_do_not() {
        let text = "Russia-US ties\nSergei Shoigu has said that\n\nthe visit matters";
        assert_eq!(sentences_of(text).len(), 3);
        let wrapped = "Showers continued throughout the week in the Bahia cocoa\nzone, alleviating the drought since early January.";
        assert_eq!(sentences_of(wrapped).len(), 1);
    }

    #[test]
    fn question_and_quote_endings() {
        assert_eq!(sentences_of("Why? “Because it is.” And so on!").len(), 3);
        assert_eq!(for_each_token("", |_| {}), 0);
        assert_eq!(for_each_token("...\n\n!!", |_| {}), 0);
    }

    #[test]
    fn arbitrary_unicode_never_panics() {
        let nasty = "’’'s '\u{0301}é̂ 日本語テキスト U.S 🙂'x x' \r\n\r\n A. B. . .. ?! «»";
        let toks = tokenize(nasty);
        for t in &toks {
            assert_eq!(&nasty[t.start..t.start + t.text.len()], t.text);
        }
    }
}
