//! `pronoun`: a pronoun right before the verb ("he said", "It blamed a weaker dollar", "But
//! the US says it cannot"): "he", "she", "they", "it", resolved in stage 2. "I", "you" and
//! "we" are the words of someone quoted, or the reporter's: no speaker before the verb.

use super::{Candidate, Cue, Outcome, Place, Sieve, Who};
use crate::speakers::How;
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{self, List, in_list, lower};

pub const SIEVE: Sieve = Sieve {
    name: "pronoun",
    place: Place::Before,
    run: pronoun,
};

pub fn pronoun(_: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    let Some(b) = cue.before().filter(|b| b.adjacent) else {
        return Outcome::Pass;
    };
    if words::is(List::Pronoun, b.prev) {
        return Outcome::Speaker(Candidate::new(Who::Pronoun(lower(b.prev)), How::Pronoun));
    }
    if in_list(&["you", "i", "we"], b.prev) {
        return Outcome::NoneBefore;
    }
    Outcome::Pass
}
