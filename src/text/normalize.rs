//! Stage 2 of text analysis: turn a token into the form that is counted.
//!
//! Owns case folding, apostrophes and acronyms. Writes into a caller's buffer, so a document
//! is normalised without allocating per token. Never fails.
//!
//! - Curly apostrophes become straight ones (`wouldn’t` -> `wouldn't`).
//! - A possessive `'s` is dropped (`Moscow's` -> `moscow`).
//! - Ordinary words are lower-cased.
//! - Acronyms keep their capitals (`US`, `NATO`), and dotted ones lose their dots (`U.S.` ->
//!   `US`), so the country never merges with the pronoun `us`; an acronym's plural is the
//!   acronym (`ETFs` -> `ETF`), so one term is never shown as two.

use super::tokenize::{Token, TokenKind, is_capitals_plural, strip_possessive};

/// Whether a normalised word is an acronym (kept in capitals, never a stop word, never stemmed).
pub fn is_acronym(kind: TokenKind) -> bool {
    kind != TokenKind::Word
}

/// Writes the normalised form of `token` into `out` (cleared first).
pub fn normalize_into(token: &Token<'_>, out: &mut String) {
    out.clear();
    let word = strip_possessive(token.text);
    match token.kind {
        TokenKind::Dotted => out.extend(word.chars().filter(|&c| c != '.')),
        TokenKind::Capitals if is_capitals_plural(word) => out.push_str(&word[..word.len() - 1]),
        TokenKind::Capitals => push_straight(word, out),
        TokenKind::Word => {
            if word.is_ascii() {
                out.push_str(word);
                out.make_ascii_lowercase();
            } else {
                for c in word.chars() {
                    if c == '\u{2019}' {
                        out.push('\'');
                    } else {
                        out.extend(c.to_lowercase());
                    }
                }
            }
        }
    }
}

/// Normalises a free-standing word the way a lower-case token is (for stop-word lists and
/// user word lists): lower case, straight apostrophes, possessive dropped.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::new();
    let token = Token {
        text: word.trim(),
        start: 0,
        sentence: 0,
        kind: TokenKind::Word,
    };
    normalize_into(&token, &mut out);
    out
}

fn push_straight(word: &str, out: &mut String) {
    out.extend(word.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }));
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::tokenize;
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let mut buf = String::new();
        let got: Vec<String> = tokenize(text)
            .iter()
            .map(|t| {
                normalize_into(t, &mut buf);
                buf.clone()
            })
            .collect();
        assert_eq!(got, expected, "normalised tokens of {text:?}");
    }

    #[test]
    fn possessives_and_apostrophes() {
        check(
            "Moscow's Washington’s wouldn’t TRUMP’S US's",
            &["moscow", "washington", "wouldn't", "TRUMP", "US"],
        );
    }

    #[test]
    fn acronyms_keep_capitals_and_lose_dots() {
        check("U.S. us US Us NATO", &["US", "us", "US", "us", "NATO"]);
        check(
            "ETFs ETF etfs CEOs Is",
            &["ETF", "ETF", "etfs", "CEO", "is"],
        );
        check("ÉCOLE Émile", &["ÉCOLE", "émile"]);
    }

    #[test]
    fn shouted_lines_are_lower_cased() {
        check("BAHIA COCOA REVIEW", &["bahia", "cocoa", "review"]);
    }

    #[test]
    fn free_words_normalise_like_tokens() {
        assert_eq!(normalize_word(" Don’t "), "don't");
        assert_eq!(normalize_word("It's"), "it");
    }
}
