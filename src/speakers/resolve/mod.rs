//! Stage 2 of attribution, candidate -> speaker: the name a sieve found, or the person or
//! organisation a pronoun or a description stands for, asked of the document's
//! [`Context`]. One module per kind of candidate: [`named`], [`pronoun`],
//! [`description`], [`organisation`] (organisations described, bare nouns, short names
//! taking the document's long form). A candidate that stands for no one we can name makes no
//! statement. No I/O, never fails.

pub mod description;
pub mod named;
pub mod organisation;
pub mod pronoun;

use super::context::Context;
use super::names::Found;
use super::sentence::Sentence;
use super::sieve::{Candidate, Who};
use super::{How, Kind, Statement};
use crate::text::tokenize::Token;

/// Where a candidate was found: the document so far and the sentence it is in.
pub struct Scene<'a> {
    pub sentences: &'a [Sentence<'a>],
    /// The people each sentence names.
    pub people: &'a [Vec<Found>],
    /// The document's tokens (hyphenated names joined).
    pub tokens: &'a [Token<'a>],
    /// The sentence, by number.
    pub si: usize,
    /// The verb's token.
    pub v: usize,
    /// The people of this sentence noted in the context: (first token, index).
    pub noted: &'a [(usize, usize)],
    /// The statements this sentence has made so far.
    pub earlier: &'a [Statement],
}

impl<'a> Scene<'a> {
    pub fn sentence(&self) -> &'a Sentence<'a> {
        &self.sentences[self.si]
    }
}

/// A candidate resolved: who spoke, and the person of the context it is (for the focus).
pub struct Resolved {
    pub speaker: String,
    pub role: String,
    pub kind: Kind,
    pub how: How,
    pub person: Option<usize>,
}

impl Resolved {
    fn person(cx: &Context, i: usize, how: How) -> Self {
        let p = &cx.persons[i];
        // Someone described but never named is known by the description: no title beside it.
        let (role, kind) = if p.anonymous {
            (String::new(), Kind::Anonymous)
        } else {
            (p.role.clone(), Kind::Person)
        };
        Self {
            speaker: p.name.clone(),
            role,
            kind,
            how,
            person: Some(i),
        }
    }

    /// The same speaker, with who spoke for it ("spokesman").
    fn with_role(mut self, role: String) -> Self {
        self.role = role;
        self
    }

    fn organisation(name: String, how: How) -> Self {
        Self {
            speaker: name,
            role: String::new(),
            kind: Kind::Organisation,
            how,
            person: None,
        }
    }
}

/// `how` for a resolved candidate: "according to" stays so, else `resolved`.
fn resolved_as(how: How, resolved: How) -> How {
    if how == How::AccordingTo {
        how
    } else {
        resolved
    }
}

/// The speaker a candidate stands for, noting people in the context.
pub fn resolve(c: Candidate, at: &Scene<'_>, cx: &mut Context) -> Option<Resolved> {
    match c.who {
        Who::Named(f) => Some(named::resolve(f, c.how, cx)),
        Who::Pronoun(p) if p == "he" || p == "she" => pronoun::person(&p, c.how, at, cx),
        Who::Pronoun(_) => pronoun::organisation(c.how, at, cx),
        Who::Description(d) => description::resolve(&d, c.how, at, cx),
        Who::Group(written) => Some(Resolved {
            speaker: written,
            role: String::new(),
            kind: Kind::Anonymous,
            how: c.how,
            person: None,
        }),
        Who::OrgDescription(noun, written) => {
            organisation::described(&noun, written, c.how, at, cx)
        }
    }
}
