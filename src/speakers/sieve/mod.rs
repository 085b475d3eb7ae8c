//! Stage 1 of attribution, cue -> candidate: who a sentence says speaks, before anyone is
//! resolved. Built like CoreNLP's quote attribution: an ordered list of small named passes
//! (sieves), each in its own module; for a reporting verb the first sieve that answers wins,
//! and the statement it makes records the sieve's name (`rule` in `quotes.csv`).
//!
//! Two sieves read a whole sentence and need no verb: [`transcript`] (a speaker's label,
//! `Zelenskyy: ...`) and [`writing`] (`The message reads: ...`). Every other sieve reads one
//! reporting verb found by [`cue`] and answers with an [`Outcome`]:
//!
//! 1. [`according_to`]: the name after "according to".
//! 2. [`by_agent`]: the agent after "by" (`announced by Trade Secretary Patricia Hewitt`).
//! 3. [`passive`]: a passive with no agent (`was dismissed`) has no speaker: stop.
//! 4. [`participle`]: `..., noting that`: the subject the sentence opens with.
//! 5. [`shared_subject`]: `... has quit the party and accused it`: the sentence's subject.
//! 6. [`appositive`]: `Paul Richards, an analyst at Numis, said`.
//! 7. [`pronoun`]: `he said`, `it claimed`.
//! 8. [`spokesperson`]: `Treasury officials said`: the organisation.
//! 9. [`group`]: `analysts said`, `Welfare experts say`: people in general, an anonymous
//!    source.
//! 10. [`subject`]: the name right before the verb (`Sergey Ryabkov told Sputnik`).
//! 11. [`description`]: `the Russian diplomat stressed`, `the ministry said`.
//! 12. [`after_verb`]: after a quotation or a comma, the name after the verb
//!     (`"...," said Ryabkov`).
//!
//! Sieves 5 to 11 read the words before the verb ([`Place::Before`]): one that finds them
//! taken by something that is no speaker (a quotation's end, "I", "analysts") answers
//! [`Outcome::NoneBefore`], and only the sieves after the verb are tried. A named subject
//! found before the verb may share it with a name joined by "and" ([`coordinated`]), which
//! makes a second statement. Stage 2 ([`super::resolve`]) turns a candidate into a speaker.
//! No I/O, never fails.

pub mod according_to;
pub mod after_verb;
pub mod appositive;
pub mod by_agent;
pub mod coordinated;
pub mod cue;
pub mod description;
pub mod group;
pub mod participle;
pub mod passive;
pub mod pronoun;
pub mod shared_subject;
pub mod spokesperson;
pub mod subject;
pub mod transcript;
pub mod writing;

#[cfg(test)]
mod tests;

use super::How;
use super::context::Desc;
use super::names::Found;
use super::sentence::Sentence;

pub use cue::Cue;

/// A speaker as a sieve finds it in the sentence, before it is resolved.
pub enum Who {
    Named(Found),
    /// "he", "she", "they", "it", lower case.
    Pronoun(String),
    Description(Desc),
    /// People in general ("analysts", "welfare experts"), as written.
    Group(String),
    /// An organisation described ("the company"): the noun, and the words as written.
    OrgDescription(String, String),
}

/// What a sieve found: the speaker as written, and how it is known.
pub struct Candidate {
    pub who: Who,
    pub how: How,
}

impl Candidate {
    pub fn new(who: Who, how: How) -> Self {
        Self { who, how }
    }

    pub fn named(f: Found) -> Self {
        Self::new(Who::Named(f), How::Named)
    }
}

/// A verb sieve's answer.
pub enum Outcome {
    /// The speaker: the sieves after this one are not asked.
    Speaker(Candidate),
    /// Not this sieve's cue: ask the next.
    Pass,
    /// The words before the verb are no speaker: skip the other sieves of
    /// [`Place::Before`].
    NoneBefore,
    /// The verb has no speaker: ask no other sieve.
    Nobody,
}

impl Outcome {
    /// `Speaker` for a candidate, else `none`.
    fn or(found: Option<Candidate>, none: Outcome) -> Outcome {
        found.map_or(none, Outcome::Speaker)
    }
}

/// Where a verb sieve looks for the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Before the verb.
    Before,
    /// After the verb, or anywhere.
    Other,
}

/// A named pass over a reporting verb.
pub struct Sieve {
    /// The name statements carry in `quotes.csv`'s `rule`.
    pub name: &'static str,
    pub place: Place,
    pub run: fn(&Sentence<'_>, &Cue<'_>) -> Outcome,
}

/// The verb sieves, in order: the first that answers wins.
pub const SIEVES: &[Sieve] = &[
    according_to::SIEVE,
    by_agent::SIEVE,
    passive::SIEVE,
    participle::SIEVE,
    shared_subject::SIEVE,
    appositive::SIEVE,
    pronoun::SIEVE,
    spokesperson::SIEVE,
    group::SIEVE,
    subject::SIEVE,
    description::SIEVE,
    after_verb::SIEVE,
];

/// Names of the sieves that read a whole sentence, and of the step that adds a second,
/// coordinated speaker.
pub const TRANSCRIPT: &str = transcript::NAME;
pub const WRITING: &str = writing::NAME;
pub const COORDINATED: &str = coordinated::NAME;

/// Every rule a statement may carry, in the order they are tried.
pub fn rule_names() -> impl Iterator<Item = &'static str> {
    [TRANSCRIPT, WRITING]
        .into_iter()
        .chain(SIEVES.iter().map(|s| s.name))
        .chain([COORDINATED])
}

/// The speaker of the verb `cue`, before it is resolved, and the name of the sieve that
/// found it.
pub fn find_speaker(s: &Sentence<'_>, cue: &Cue<'_>) -> Option<(Candidate, &'static str)> {
    let mut skip_before = false;
    for sieve in SIEVES {
        if skip_before && sieve.place == Place::Before {
            continue;
        }
        match (sieve.run)(s, cue) {
            Outcome::Speaker(c) => return Some((c, sieve.name)),
            Outcome::Pass => {}
            Outcome::NoneBefore => skip_before = true,
            Outcome::Nobody => return None,
        }
    }
    None
}
