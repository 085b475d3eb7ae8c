//! `spokesperson`: those who speak for an organisation, after its name: "Treasury officials
//! have said", "a Cosla spokesman said". The organisation is the speaker.

use super::{Candidate, Cue, Outcome, Place, Sieve};
use crate::speakers::Kind;
use crate::speakers::names::name_ending_at;
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{self, List, is_capitalised, is_role_word, is_starter};

pub const SIEVE: Sieve = Sieve {
    name: "spokesperson",
    place: Place::Before,
    run: spokesperson,
};

pub fn spokesperson(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    let Some(b) = cue.before().filter(|b| b.adjacent) else {
        return Outcome::Pass;
    };
    let i = b.i;
    if !(words::is(List::Spokesperson, b.prev)
        && !is_capitalised(b.prev)
        && i >= 2
        && s.joined(i - 1))
    {
        return Outcome::Pass;
    }
    let org = s.word(i - 2);
    let opens_sentence = i - 2 == 0 && is_starter(org);
    if !is_capitalised(org) || is_role_word(org) || opens_sentence {
        return Outcome::Pass;
    }
    let Some(mut f) = name_ending_at(s, i - 1) else {
        return Outcome::NoneBefore;
    };
    // "A Goldstar spokesman said": the article that opens the sentence is not the name's.
    if f.start == 0
        && s.is_in(0, List::Determiner)
        && let Some((_, rest)) = f.name.split_once(' ')
    {
        f.name = rest.to_string();
        f.start = 1;
    }
    f.kind = Kind::Organisation;
    // Who spoke for it ("spokesman"): a later "he said" is the same spokesman.
    f.role = b.prev.to_lowercase();
    Outcome::Speaker(Candidate::named(f))
}
