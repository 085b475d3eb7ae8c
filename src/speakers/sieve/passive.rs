//! `passive`: a passive verb with no agent after it ("Mr Smith was dismissed last year",
//! "it was announced") has no speaker: its subject is what was said or done. "convinced"
//! reports a view only as "is convinced" ("Mr Smith convinced the board" is no statement).
//! This sieve never names a speaker; it stops the others.

use super::{Cue, Outcome, Place, Sieve};
use crate::speakers::sentence::Sentence;
use crate::speakers::words::List;

pub const SIEVE: Sieve = Sieve {
    name: "passive",
    place: Place::Other,
    run: passive,
};

pub fn passive(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    let v = cue.v;
    let convinced = cue.verb == "convinced";
    if v > 0 && s.is_in(v - 1, List::Passive) && !convinced {
        return Outcome::Nobody;
    }
    if convinced && !(v > 0 && s.is(v - 1, &["is", "am", "was", "are"])) {
        return Outcome::Nobody;
    }
    Outcome::Pass
}
