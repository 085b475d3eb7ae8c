//! `appositive`: a comma between a speaker and the verb: "Paul Richards, an analyst at
//! Numis, said" (the name before the first comma), "The Shadow Secretary of State, Theresa
//! May, said" (the name between the commas), "..., Russian Deputy Foreign Minister Sergey
//! Ryabkov told Sputnik" (the name right before the verb), or a description that opens the
//! sentence ("The bank, Canada's fifth largest, said"). Nothing else before a comma is a
//! speaker.

use super::description::describe;
use super::{Candidate, Cue, Outcome, Place, Sieve};
use crate::speakers::Kind;
use crate::speakers::names::name_ending_at;
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{List, is_capitalised, is_starter};

pub const SIEVE: Sieve = Sieve {
    name: "appositive",
    place: Place::Before,
    run: appositive_sieve,
};

fn appositive_sieve(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    match cue.before() {
        Some(b) if b.gap.contains(',') => Outcome::or(appositive(s, b.i), Outcome::NoneBefore),
        _ => Outcome::Pass,
    }
}

/// An appositive between a speaker and the verb at `v` (the comma before token `v`).
fn appositive(s: &Sentence<'_>, v: usize) -> Option<Candidate> {
    // The comma that opens the appositive, at most 16 tokens back.
    let lo = v.saturating_sub(16);
    let j = (lo + 1..v).rev().find(|&j| s.gap_before(j).contains(','))?;
    // Between the commas: a name ("Theresa May", "Tom McCabe MSP")?
    let mut end = v;
    if s.is_in(end - 1, List::Postnominal) && end - 1 > j {
        end -= 1;
    }
    if end > j
        && let Some(f) = name_ending_at(s, end)
        && f.start == j
        && f.kind == Kind::Person
        && (f.name.contains(' ') || s.is_in(j.saturating_sub(1), List::Honorific))
    {
        return Some(Candidate::named(f));
    }
    // Else the name before the comma: "Paul Richards, an analyst at Numis, said".
    if s.gap_before(j).contains(['"', '\u{201D}']) {
        return None;
    }
    let prev = s.word(j - 1);
    if is_capitalised(prev) {
        let f = name_ending_at(s, j)?;
        if f.start == 0 && is_starter(&f.name) {
            return None;
        }
        return Some(Candidate::named(f));
    }
    // "The bank, Canada's fifth largest, said": a description that opens the sentence.
    let det = (0..j)
        .rev()
        .take(4)
        .find(|&k| s.is_in(k, List::Determiner))?;
    if det != 0 || !(det + 1..j).all(|k| s.joined(k)) {
        return None;
    }
    describe(s, det, j)
}
