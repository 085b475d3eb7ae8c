//! A line split into tokens: digit runs (with their value and length), words and single
//! punctuation characters, each with its byte range. Dates are recognised on tokens, so
//! `13.04.2017`, `13 April 2017` and `April 13, 2017` are read by the same small rules.

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// ASCII digit run: value (saturating) and digit count (capped at 255).
    Num(u32, u8),
    /// Run of alphabetic characters.
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Most tokens ever needed: date lines are short, datelines start a line.
pub(super) const MAX_TOKENS: usize = 40;

pub(super) fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(16);
    let mut it = s.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if toks.len() >= MAX_TOKENS {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            let (mut val, mut len) = (u32::from(c as u8 - b'0'), 1u8);
            while let Some(&(_, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                val = val
                    .saturating_mul(10)
                    .saturating_add(u32::from(d as u8 - b'0'));
                len = len.saturating_add(1);
                it.next();
            }
            Kind::Num(val, len)
        } else if c.is_alphabetic() {
            while it.peek().is_some_and(|&(_, d)| d.is_alphabetic()) {
                it.next();
            }
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        let end = it.peek().map_or(s.len(), |&(i, _)| i);
        toks.push(Tok { kind, start, end });
    }
    toks
}

/// A line and its tokens.
pub(super) struct Line<'a> {
    pub(super) s: &'a str,
    pub(super) t: Vec<Tok>,
}

impl<'a> Line<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        Line { s, t: tokenize(s) }
    }
    pub(super) fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.get(i)?.kind {
            Kind::Num(v, l) => Some((v, l)),
            _ => None,
        }
    }
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Word).then(|| &self.s[t.start..t.end])
    }
    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    pub(super) fn is(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }
    /// Token i ends where token i+1 starts (no space between).
    pub(super) fn glued(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    /// At most two bytes (e.g. spaces) between token i and i+1: dates are
    /// written together, table columns are not (`May       40`).
    pub(super) fn near(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => b.start - a.end <= 2,
            _ => false,
        }
    }
    pub(super) fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.word_is(i, |w| list.iter().any(|x| x.eq_ignore_ascii_case(w)))
    }
    /// Token i is a word for which `f` holds (`l.word_is(i, is_weekday)`).
    pub(super) fn word_is(&self, i: usize, f: impl Fn(&str) -> bool) -> bool {
        self.word(i).is_some_and(f)
    }
    /// Text from the start of token a to the end of token b (inclusive).
    pub(super) fn span(&self, a: usize, b: usize) -> String {
        match (self.t.get(a), self.t.get(b)) {
            (Some(x), Some(y)) if x.start <= y.end => self.s[x.start..y.end].trim().to_string(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds of a line's tokens, digits as (value, length).
    fn kinds(s: &str) -> Vec<Kind> {
        tokenize(s).iter().map(|t| t.kind).collect()
    }

    #[test]
    fn numbers_words_and_punctuation() {
        assert_eq!(
            kinds("13.04.2017"),
            [
                Kind::Num(13, 2),
                Kind::Punct('.'),
                Kind::Num(4, 2),
                Kind::Punct('.'),
                Kind::Num(2017, 4)
            ]
        );
        assert_eq!(
            kinds("Sept. 4"),
            [Kind::Word, Kind::Punct('.'), Kind::Num(4, 1)]
        );
        assert_eq!(kinds("  "), []);
        assert_eq!(kinds("é日本"), [Kind::Word]);
    }

    #[test]
    fn huge_numbers_saturate_and_token_count_is_bounded() {
        let big = "9".repeat(300);
        assert_eq!(kinds(&big), [Kind::Num(u32::MAX, 255)]);
        assert_eq!(tokenize(&"a ".repeat(100)).len(), MAX_TOKENS);
    }

    #[test]
    fn line_accessors() {
        let l = Line::new("Feb 26  1987,DEC8");
        assert_eq!(l.word(0), Some("Feb"));
        assert_eq!(l.num(1), Some((26, 2)));
        assert!(l.near(1) && !l.glued(1));
        assert!(l.glued(2) && l.is(3, ','));
        assert!(l.word_in(4, &["dec"]) && l.glued(4));
        assert_eq!(l.span(0, 2), "Feb 26  1987");
        assert_eq!(l.span(2, 0), "");
        assert_eq!((l.word(9), l.num(9), l.punct(9)), (None, None, None));
        let far = Line::new("May       40");
        assert!(!far.near(0));
    }
}
