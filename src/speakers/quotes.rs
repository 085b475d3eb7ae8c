//! The attributed statements of a corpus (`quotes.csv`), as the speaker merge gives them:
//! three numbers a quote (document, statement, speaker), the words read from the documents'
//! own statements when a quote is asked for. A quote held whole (id, role, verb and text
//! borrowed, the speaker's name shared) cost 112 bytes, and the 4x corpus has 606,000 of
//! them, held from the merge until the tables are written.

use std::borrow::Cow;

use crate::meta::PubDate;

use super::attribute::How;
use super::statements::Statements;
use super::texts::Texts;

/// A statement, with its speaker's merged name, borrowed from the document's statement and
/// the merge's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote<'q> {
    pub doc_id: &'q str,
    pub date: Option<PubDate>,
    /// Sentence number in the document, from 1.
    pub sentence: u32,
    pub speaker: &'q str,
    pub role: &'q str,
    pub verb: &'q str,
    pub how: How,
    /// The sieve that found the speaker (see [`super::sieve::rule_names`]).
    pub rule: &'static str,
    /// Read from disk when the document's texts are there ([`Texts`]).
    pub text: Cow<'q, str>,
}

/// A document that has quotes: its id, date, statements and where their texts are.
#[derive(Clone)]
struct Doc<'a> {
    doc_id: &'a str,
    date: Option<PubDate>,
    statements: &'a Statements,
    texts: &'a Texts,
}

/// The quotes of a corpus, in the order they were pushed (document order).
#[derive(Clone, Default)]
pub struct Quotes<'a> {
    docs: Vec<Doc<'a>>,
    /// (index into `docs`, index into its statements, index into `names`).
    rows: Vec<(u32, u32, u32)>,
    names: Vec<Box<str>>,
}

impl<'a> Quotes<'a> {
    /// Starts a document; its quotes follow with [`Quotes::push`]. A document without
    /// statements can have no quote and is not kept.
    pub fn document(
        &mut self,
        doc_id: &'a str,
        date: Option<PubDate>,
        statements: &'a Statements,
        texts: &'a Texts,
    ) {
        if statements.is_empty() {
            return;
        }
        self.docs.push(Doc {
            doc_id,
            date,
            statements,
            texts,
        });
    }

    /// The statement `statement` of the last document started, said by `speaker` (an index
    /// from [`Quotes::name`]).
    pub fn push(&mut self, statement: usize, speaker: u32) {
        let doc = self.docs.len().saturating_sub(1);
        self.rows.push((doc as u32, statement as u32, speaker));
    }

    /// Adds a speaker's name; quotes refer to it by the index returned.
    pub fn name(&mut self, name: &str) -> u32 {
        self.names.push(name.into());
        (self.names.len() - 1) as u32
    }

    /// Drops spare room, once every quote is pushed.
    pub fn finish(&mut self) {
        self.docs.shrink_to_fit();
        self.rows.shrink_to_fit();
        self.names.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `i`th quote. Panics past [`Quotes::len`].
    pub fn get(&self, i: usize) -> Quote<'_> {
        let (doc, statement, speaker) = self.rows[i];
        let d = &self.docs[doc as usize];
        let st = (d.statements.get(statement as usize))
            .expect("a quote is pushed with a statement of its document");
        Quote {
            doc_id: d.doc_id,
            date: d.date,
            sentence: st.sentence + 1,
            speaker: &self.names[speaker as usize],
            role: st.role(),
            verb: st.verb(),
            how: st.how,
            rule: st.rule(),
            text: d.texts.text(d.statements, statement as usize),
        }
    }

    /// The date and speaker of each quote, in order: [`Quotes::iter`] without the texts.
    pub fn dates_and_speakers(&self) -> impl Iterator<Item = (Option<PubDate>, &str)> {
        (self.rows.iter()).map(|&(doc, _, speaker)| {
            (self.docs[doc as usize].date, &*self.names[speaker as usize])
        })
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Quote<'_>> {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl std::fmt::Debug for Quotes<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Equal when they give the same quotes, however they are stored.
impl PartialEq for Quotes<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Quotes<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::attribute::{Kind, Statement};

    fn statement(sentence: u32, text: &str) -> Statement {
        let (kind, how) = (Kind::Person, How::Named);
        Statement::new(
            sentence,
            text,
            "as written",
            "minister",
            kind,
            how,
            "subject",
            "said",
        )
    }

    #[test]
    fn quotes_read_their_documents_statements() {
        let a: Statements = [statement(0, "A0."), statement(3, "A3.")]
            .into_iter()
            .collect();
        let b = Statements::default();
        let c: Statements = [statement(1, "C1.")].into_iter().collect();
        let here = Texts::Here;
        let mut q = Quotes::default();
        let ann = q.name("Ann Lee");
        let bob = q.name("Bob Roe");
        q.document("a", None, &a, &here);
        q.push(1, bob);
        q.push(0, ann);
        q.document("b", None, &b, &here);
        q.document("c", None, &c, &here);
        q.push(0, bob);
        q.finish();
        // "b" has no quote and is dropped; the others keep their order.
        assert_eq!(q.docs.len(), 2);
        let got: Vec<(&str, u32, &str, String)> = q
            .iter()
            .map(|x| (x.doc_id, x.sentence, x.speaker, x.text.into_owned()))
            .collect();
        assert_eq!(
            got,
            [
                ("a", 4, "Bob Roe", "A3.".to_string()),
                ("a", 1, "Ann Lee", "A0.".to_string()),
                ("c", 2, "Bob Roe", "C1.".to_string())
            ]
        );
        let said: Vec<_> = q.dates_and_speakers().collect();
        assert_eq!(
            said,
            [(None, "Bob Roe"), (None, "Ann Lee"), (None, "Bob Roe")]
        );
        assert_eq!(q.get(2).role, "minister");
        assert_eq!(q.get(2).verb, "said");
    }
}
