//! Line features shared by the boilerplate rules: normalisation (how lines are compared),
//! word counts, sentence ends, and where the article file's own header ends. Pure.

pub(super) fn normalize(line: &str) -> String {
    let mut buf = String::new();
    normalize_into(line, &mut buf);
    buf
}

/// Trim, fold whitespace runs (incl. NBSP) to one space, drop zero-width chars, lower-case.
pub(super) fn normalize_into(line: &str, buf: &mut String) {
    buf.clear();
    if line.is_ascii() {
        // Fast path: whole words at a time.
        for w in line.split_ascii_whitespace() {
            if !buf.is_empty() {
                buf.push(' ');
            }
            buf.push_str(w);
        }
        buf.make_ascii_lowercase();
        return;
    }
    let mut pending_space = false;
    for c in line.chars() {
        let space = if c.is_ascii() {
            c.is_ascii_whitespace()
        } else if matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') {
            continue;
        } else {
            c.is_whitespace()
        };
        if space {
            pending_space = !buf.is_empty();
            continue;
        }
        if pending_space {
            buf.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Word count of a normalised line (single ASCII spaces between words).
pub(super) fn norm_words(norm: &str) -> usize {
    if norm.is_empty() {
        0
    } else {
        1 + norm.bytes().filter(|&b| b == b' ').count()
    }
}

pub(super) fn has_letter(norm: &str) -> bool {
    norm.bytes().any(|b| b.is_ascii_alphabetic())
        || (!norm.is_ascii() && norm.chars().any(char::is_alphabetic))
}

/// The last character that is not a closing quote or bracket.
pub(super) fn last_significant(s: &str) -> Option<char> {
    s.trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | ')' | ']' | '»' | '”' | '’' | '*'))
}

pub(super) fn ends_sentence(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '!' | '?' | '…'))
}

pub(super) fn ends_with_punct(s: &str) -> bool {
    matches!(
        last_significant(s),
        Some('.' | '!' | '?' | '…' | ',' | ';' | ':')
    )
}

/// Where the header of the article file layout ends ("date ..." line, title line).
pub(super) struct Header {
    /// First line the module may touch (1 when line 0 is a `date ` line).
    pub(super) body_start: usize,
    /// Title line: exempt from the recurrence rule (titles of syndicated items repeat).
    pub(super) title: Option<usize>,
}

impl Header {
    pub(super) fn of(lines: &[&str]) -> Header {
        let body_start = usize::from(
            lines
                .first()
                .is_some_and(|l| l.trim_start().starts_with("date ")),
        );
        let title = lines
            .get(body_start)
            .filter(|l| !l.trim().is_empty())
            .filter(|_| {
                lines
                    .get(body_start + 1)
                    .is_none_or(|n| n.trim().is_empty())
            })
            .map(|_| body_start);
        Header { body_start, title }
    }
}
