//! `by-agent`: a passive verb's agent after "by": "New targets have been announced by Trade
//! Secretary Patricia Hewitt", "This was stated by Adviser ... Mykhailo Podolyak" (read as
//! [`super::after_verb`] reads a name). With no name there, the cue has no speaker.

use super::{Cue, Outcome, Place, Sieve, after_verb};
use crate::speakers::sentence::Sentence;

pub const SIEVE: Sieve = Sieve {
    name: "by-agent",
    place: Place::Other,
    run: by_agent,
};

pub fn by_agent(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    if !(s.is(cue.v + 1, &["by"]) && s.joined(cue.v + 1)) {
        return Outcome::Pass;
    }
    Outcome::or(after_verb::speaker_after(s, cue.v + 2), Outcome::Nobody)
}
