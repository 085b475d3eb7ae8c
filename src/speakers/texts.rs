//! Where a document's statement texts are: in its statements while it is analysed, then, in
//! a run, on disk (a [`Spool`]) from the end of the second pass until the quotes are
//! written. Only `quotes.csv` and the speakers' terms read them, each once in document
//! order, and they were most of what the statements kept: 42 of the 59 MB of statements on
//! the 4x corpus of `benches/scale_corpus.py` (261,498 statements).
//!
//! A document's texts go to disk together, one after another in statement order; each
//! statement keeps where its text ends, and the document where they start.

use std::borrow::Cow;

use super::attribute::Spoken;
use super::statements::Statements;
use crate::spool::{Spool, Stored};

/// Where a document's statement texts are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Texts {
    /// In the statements.
    #[default]
    Here,
    /// In a sealed spool.
    Spooled(Stored),
}

impl Texts {
    /// The text of `statements[i]`, the statements being those of the document these are
    /// the texts of. "" past the statements, or when the bytes could not be read back (the
    /// spool keeps why: [`Spooled::failed`]).
    pub fn text<'s>(&self, statements: &'s Statements, i: usize) -> Cow<'s, str> {
        let Some(st) = statements.get(i) else {
            return Cow::Borrowed("");
        };
        match self {
            Texts::Here => Cow::Borrowed(st.text()),
            Texts::Spooled(stored) => {
                let before = i.checked_sub(1).and_then(|p| statements.get(p));
                let start = before.map_or(0, |p| p.text_end) as usize;
                let end = st.text_end as usize;
                stored.with(|bytes| {
                    let text = bytes
                        .get(start..end)
                        .and_then(|b| std::str::from_utf8(b).ok());
                    Cow::Owned(text.unwrap_or_default().to_string())
                })
            }
        }
    }
}

impl Spoken {
    /// Writes the statements' texts to `spool`, one piece for the document, and takes them
    /// out of the statements: they are read from there once the spool is sealed (as "" before).
    /// The texts stay here for a document without statements (or with more than 4 GiB of
    /// them).
    pub fn spool_texts(&mut self, spool: &Spool) {
        let len: usize = self.statements.iter().map(|s| s.text().len()).sum();
        if self.statements.is_empty() || u32::try_from(len).is_err() {
            return;
        }
        let mut texts = String::with_capacity(len);
        let ends: Vec<u32> = (self.statements.iter())
            .map(|st| {
                texts.push_str(st.text());
                texts.len() as u32
            })
            .collect();
        self.statements = self.statements.without_texts(&ends);
        self.texts = Texts::Spooled(spool.stored(texts.as_bytes()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts taken to disk come back as they were, for each statement of each document,
    /// read in any order; the statements keep everything else.
    #[test]
    fn texts_on_disk_come_back_as_they_were() {
        let dir = tempfile::tempdir().expect("temp dir");
        let spool = Spool::create(dir.path(), "texts", "statement texts").expect("spool");
        let texts = [
            "Prices rose 2%, Ann Lee said.",
            "",
            "Prices rose 2%, Ann Lee said. Ça va bien, said Tom Hart.",
            "Officials said the talks would go on.",
        ];
        let docs: Vec<Spoken> = vec![
            crate::speakers::attribute(texts[0], None).split().0,
            crate::speakers::attribute(texts[1], None).split().0,
            crate::speakers::attribute(texts[2], None).split().0,
            crate::speakers::attribute(texts[3], None).split().0,
        ];
        let counts: Vec<usize> = docs.iter().map(|d| d.statements.len()).collect();
        assert_eq!(counts, [1, 0, 2, 0], "{docs:?}");
        let mut spooled = docs.clone();
        spooled.iter_mut().for_each(|d| d.spool_texts(&spool));
        // A document without statements has nothing to put.
        let sent: Vec<bool> = (spooled.iter())
            .map(|d| matches!(d.texts, Texts::Spooled(_)))
            .collect();
        assert_eq!(sent, [true, false, true, false]);
        assert!(spooled[2].statements.iter().all(|s| s.text().is_empty()));
        let sealed = spool.seal().expect("seal");
        for (k, (before, after)) in docs.iter().zip(&spooled).enumerate().rev() {
            for i in (0..before.statements.len()).rev() {
                let text = |d: &Spoken| d.texts.text(&d.statements, i).into_owned();
                fn st(d: &Spoken, i: usize) -> crate::speakers::StatementRef<'_> {
                    d.statements.get(i).expect("a statement")
                }
                assert_eq!(text(after), st(before, i).text(), "doc {k}, {i}");
                assert_eq!(text(before), st(before, i).text());
                let (a, b) = (st(after, i), st(before, i));
                assert_eq!(
                    (a.speaker(), a.role(), a.verb(), a.sentence, a.rule()),
                    (b.speaker(), b.role(), b.verb(), b.sentence, b.rule())
                );
            }
            assert_eq!(after.texts.text(&after.statements, 9), "");
        }
        let d = &spooled[2];
        assert_eq!(d.texts.text(&d.statements, 1), "Ça va bien, said Tom Hart.");
        assert_eq!(sealed.failed(), None);
    }
}
