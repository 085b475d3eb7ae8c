//! `according-to`: "according to Peskov", "according to the ministry": the name or
//! description after "according to" (read as [`super::after_verb`] reads one), known
//! `according-to`. With nothing there, the cue has no speaker.

use super::{Candidate, Cue, Outcome, Place, Sieve, after_verb};
use crate::speakers::How;
use crate::speakers::sentence::Sentence;

pub const SIEVE: Sieve = Sieve {
    name: "according-to",
    place: Place::Other,
    run: according_to,
};

pub fn according_to(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    if cue.verb != "according to" {
        return Outcome::Pass;
    }
    let found = after_verb::speaker_after(s, cue.v + 2).map(|c| Candidate {
        how: How::AccordingTo,
        ..c
    });
    Outcome::or(found, Outcome::Nobody)
}
