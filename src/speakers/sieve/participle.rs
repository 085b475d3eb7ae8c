//! `participle`: "Putin gave an update, noting that ...": a participle after a comma (or
//! opening the sentence) speaks for the subject the sentence opens with: a pronoun or a name
//! at its start, after "But", "And", "However". A participle right after a name ("with
//! Oliver Letwin branding ...") is left to the sieves that read the words before a verb; no
//! participle has its speaker after it.

use super::{Candidate, Cue, Outcome, Place, Sieve, Who};
use crate::speakers::How;
use crate::speakers::names::name_ending_at;
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{self, List, is_capitalised, is_role_word, lower};

pub const SIEVE: Sieve = Sieve {
    name: "participle",
    place: Place::Other,
    run: participle,
};

pub fn participle(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    let v = cue.v;
    if !cue.participle || !(s.gap_before(v).contains([',', ':']) || v == 0) {
        return Outcome::Pass;
    }
    Outcome::or(subject_of(s, v), Outcome::Nobody)
}

/// The subject of a sentence whose verb at `v` is a participle: a pronoun or a name at its
/// start (after "But", "And", "However,").
fn subject_of(s: &Sentence<'_>, v: usize) -> Option<Candidate> {
    let mut i = 0;
    while i < v && s.is(i, &["but", "and", "however", "meanwhile", "yet", "so"]) {
        i += 1;
    }
    if i >= v {
        return None;
    }
    if words::is(List::Pronoun, s.word(i)) {
        return Some(Candidate::new(Who::Pronoun(lower(s.word(i))), How::Pronoun));
    }
    // The name: the run of capitalised words and role words from i.
    let mut end = i;
    while end < v && (is_capitalised(s.word(end)) || is_role_word(s.word(end))) {
        end += 1;
        if end < v && !s.joined(end) {
            break;
        }
    }
    // No name at the start ("Russia's ministry" is not "Russia"): no one we name.
    if end == i {
        return None;
    }
    name_ending_at(s, end).map(Candidate::named)
}
