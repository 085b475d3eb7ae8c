//! A document's statements as the run keeps them, from attribution until the tables are
//! written: fixed-size rows and one buffer of their words. A [`Statement`] took 48 bytes and
//! an allocation of its own for its speaker, role and verb (93 bytes a statement in all on
//! the 16x corpus of `benches/scale_corpus.py`, 2.2 million statements, measured by dropping
//! them); a row takes 28 and its words are laid end to end.
//!
//! Read a statement with [`Statements::get`] or [`Statements::iter`]: a [`StatementRef`] has
//! what a [`Statement`] shows.

use super::attribute::{How, Kind, Statement, rule_count, rule_name};
use crate::bytes::{In, Out};

/// The statements of one document, in order.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Statements {
    rows: Box<[Row]>,
    /// Every statement's text (until it goes to disk), speaker, role and verb, in order.
    words: Box<str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    sentence: u32,
    /// Where the text ends among the document's texts on disk; 0 while it is here.
    text_end: u32,
    /// Where the text, speaker, role and verb end in `words`; the text starts where the
    /// previous row's verb ends.
    ends: [u32; 4],
    kind: Kind,
    how: How,
    rule: u8,
}

/// One statement of a [`Statements`], borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementRef<'a> {
    /// Sentence number in the document (0-based).
    pub sentence: u32,
    pub kind: Kind,
    pub how: How,
    rule: u8,
    /// Where the text ends among the document's texts on disk; 0 while it is here.
    pub(super) text_end: u32,
    words: [&'a str; 4],
}

impl<'a> StatementRef<'a> {
    /// The sentence as written; "" once the document's texts are on disk (read them with
    /// [`super::texts::Texts::text`]).
    pub fn text(&self) -> &'a str {
        self.words[0]
    }

    /// The speaker's name as written in the document (for a resolved statement: the name of
    /// the person it was resolved to).
    pub fn speaker(&self) -> &'a str {
        self.words[1]
    }

    /// Title or description seen with the name ("Russian Deputy Foreign Minister").
    pub fn role(&self) -> &'a str {
        self.words[2]
    }

    /// The reporting verb as written, lower case ("said", "expressed hope").
    pub fn verb(&self) -> &'a str {
        self.words[3]
    }

    /// The name of the sieve that found the speaker (see [`super::sieve::rule_names`]).
    pub fn rule(&self) -> &'static str {
        rule_name(self.rule)
    }
}

impl Statements {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `i`th statement, if there is one.
    pub fn get(&self, i: usize) -> Option<StatementRef<'_>> {
        let row = self.rows.get(i)?;
        let mut start = i.checked_sub(1).map_or(0, |p| self.rows[p].ends[3]) as usize;
        let words = row.ends.map(|end| {
            let word = self.words.get(start..end as usize).unwrap_or("");
            start = end as usize;
            word
        });
        Some(StatementRef {
            sentence: row.sentence,
            kind: row.kind,
            how: row.how,
            rule: row.rule,
            text_end: row.text_end,
            words,
        })
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            statements: self,
            next: 0,
        }
    }

    /// The statements without their texts, which end at `ends` among the document's texts on
    /// disk (one end a statement).
    pub(super) fn without_texts(&self, ends: &[u32]) -> Statements {
        let mut packed = Packer::default();
        for ((st, row), &end) in self.iter().zip(&self.rows).zip(ends) {
            let words = packed.push(&["", st.speaker(), st.role(), st.verb()]);
            packed.rows.push(Row {
                text_end: end,
                ends: words,
                ..*row
            });
        }
        packed.done()
    }
}

impl Statements {
    /// Writes the statements, texts included (they must still be here), for
    /// [`Statements::read`].
    pub fn write(&self, out: &mut Out) {
        out.count(self.rows.len());
        for row in &self.rows {
            out.u32(row.sentence);
            for e in row.ends {
                out.u32(e);
            }
            out.u8(row.kind as u8);
            out.u8(row.how as u8);
            out.u8(row.rule);
        }
        out.str(&self.words);
    }

    /// Statements that [`Statements::write`] wrote; `None` for bytes it cannot have made.
    pub fn read(from: &mut In<'_>) -> Option<Statements> {
        let n = from.count()?;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let sentence = from.u32()?;
            let ends = [from.u32()?, from.u32()?, from.u32()?, from.u32()?];
            let kind = match from.u8()? {
                0 => Kind::Person,
                1 => Kind::Organisation,
                2 => Kind::Anonymous,
                _ => return None,
            };
            let how = match from.u8()? {
                0 => How::Named,
                1 => How::Pronoun,
                2 => How::Description,
                3 => How::AccordingTo,
                _ => return None,
            };
            let rule = from.u8()?;
            (usize::from(rule) < rule_count() || rule == u8::MAX).then_some(())?;
            rows.push(Row {
                sentence,
                text_end: 0,
                ends,
                kind,
                how,
                rule,
            });
        }
        let words = from.str()?;
        // Ends in order, on character boundaries, the last at the end of the words.
        let mut at = 0;
        for e in rows.iter().flat_map(|r| r.ends) {
            if e < at || !words.is_char_boundary(e as usize) {
                return None;
            }
            at = e;
        }
        (at as usize == words.len()).then(|| Statements {
            rows: rows.into_boxed_slice(),
            words: words.into(),
        })
    }
}

impl<'a> IntoIterator for &'a Statements {
    type Item = StatementRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The statements of a [`Statements`], in order.
pub struct Iter<'a> {
    statements: &'a Statements,
    next: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = StatementRef<'a>;

    fn next(&mut self) -> Option<StatementRef<'a>> {
        let st = self.statements.get(self.next)?;
        self.next += 1;
        Some(st)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.statements.len().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl FromIterator<Statement> for Statements {
    /// Packs statements, sized exactly: kept for the whole run.
    fn from_iter<I: IntoIterator<Item = Statement>>(statements: I) -> Self {
        let mut packed = Packer::default();
        for st in statements {
            let ends = packed.push(&[st.text(), st.speaker(), st.role(), st.verb()]);
            packed.rows.push(Row {
                sentence: st.sentence,
                text_end: 0,
                ends,
                kind: st.kind,
                how: st.how,
                rule: st.rule_id(),
            });
        }
        packed.done()
    }
}

/// Rows and words as they are packed.
#[derive(Default)]
struct Packer {
    rows: Vec<Row>,
    words: String,
}

impl Packer {
    /// Adds a statement's four words; where each ends. Offsets are 32-bit: past 4 GiB of
    /// words in one document, the rest is cut (at a character boundary), as
    /// [`crate::packed::Packed`] does.
    fn push(&mut self, parts: &[&str; 4]) -> [u32; 4] {
        parts.map(|part| {
            self.words
                .push_str(crate::packed::fitting(part, self.words.len()));
            self.words.len() as u32
        })
    }

    fn done(self) -> Statements {
        Statements {
            rows: self.rows.into_boxed_slice(),
            words: self.words.into_boxed_str(),
        }
    }
}

impl std::fmt::Debug for Statements {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Packed statements read back as the statements they were made from, with and without
    /// their texts; a row is 28 bytes.
    #[test]
    fn statements_read_back_as_made() {
        let made = vec![
            Statement::new(
                0,
                "“Go,” she said.",
                "Ann Lee",
                "",
                Kind::Person,
                How::Pronoun,
                "subject",
                "said",
            ),
            Statement::new(3, "", "", "", Kind::Anonymous, How::Named, "subject", ""),
            Statement::new(
                4,
                "Prices rose, the ministry said.",
                "ministry",
                "Économie",
                Kind::Organisation,
                How::Description,
                "subject",
                "expressed hope",
            ),
        ];
        let kept: Statements = made.iter().cloned().collect();
        assert_eq!(kept.len(), 3);
        for (st, want) in kept.iter().zip(&made) {
            let got = (st.sentence, st.text(), st.speaker(), st.role(), st.verb());
            let wanted = (
                want.sentence,
                want.text(),
                want.speaker(),
                want.role(),
                want.verb(),
            );
            assert_eq!(got, wanted);
            assert_eq!(
                (st.kind, st.how, st.rule()),
                (want.kind, want.how, want.rule())
            );
            assert_eq!(st.text_end, 0);
        }
        assert!(kept.get(3).is_none());
        let mut out = Out::default();
        kept.write(&mut out);
        let mut bytes = In::new(&out.0);
        assert_eq!(Statements::read(&mut bytes).as_ref(), Some(&kept));
        assert!(bytes.is_done());
        // A kind that is none of the three is refused.
        let mut bad = out.0.clone();
        bad[4 + 20] = 9;
        assert_eq!(Statements::read(&mut In::new(&bad)), None);
        let gone = kept.without_texts(&[17, 17, 48]);
        let ends: Vec<u32> = gone.iter().map(|s| s.text_end).collect();
        assert_eq!(ends, [17, 17, 48]);
        assert!(gone.iter().all(|s| s.text().is_empty()));
        let speakers: Vec<&str> = gone.iter().map(|s| s.speaker()).collect();
        assert_eq!(speakers, ["Ann Lee", "", "ministry"]);
        assert_eq!(gone.get(2).map(|s| s.verb()), Some("expressed hope"));
        assert_eq!(gone.get(2).map(|s| s.role()), Some("Économie"));
        assert_eq!(std::mem::size_of::<Row>(), 28);
    }
}
