//! `group`: people in general right before the verb, an anonymous source the reader cannot
//! name but a researcher counts: "analysts said", "But analysts say", "Welfare experts say",
//! "western residents complained", "Arab diplomats estimated", "traders said". The speaker
//! is the group as written (its noun from `words/generic_groups.txt`, with up to two words
//! before it that describe it), kind `anonymous`. Not a group that belongs to a named body
//! ("Goldman Sachs analysts", "Treasury officials": the body speaks, see
//! [`super::spokesperson`]) nor a sentence's object ("told analysts").

use super::{Candidate, Cue, Outcome, Place, Sieve, Who};
use crate::lexicon::is_function_word;
use crate::speakers::How;
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{self, List, is_any_nationality, is_capitalised, is_lower_word};

pub const SIEVE: Sieve = Sieve {
    name: "group",
    place: Place::Before,
    run: group,
};

/// Most words before the noun that describe the group ("well-placed", "social").
const MAX_MODIFIERS: usize = 2;

pub fn group(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    let Some(b) = cue.before().filter(|b| b.adjacent) else {
        return Outcome::Pass;
    };
    let noun = b.i - 1;
    if !words::is(List::GenericGroup, b.prev)
        || words::is(List::VagueGroup, b.prev)
        || (is_capitalised(b.prev) && noun != 0 && !is_acronym_plural(b.prev))
        // "the views of 100000 voters says": a plural group does not take "says".
        || cue.verb.ends_with('s')
    {
        return Outcome::Pass;
    }
    // Walk back over the words that describe the group; a capitalised word that is no
    // nationality and does not open the sentence names the body it belongs to.
    let mut first = noun;
    let mut modifiers = 0;
    while first > 0 && modifiers < MAX_MODIFIERS {
        // "well-placed": a hyphen joins two words into one modifier.
        if first < noun && s.gap_before(first) == "-" && is_lower_word(s.word(first - 1)) {
            first -= 1;
            continue;
        }
        if !s.joined(first) {
            break;
        }
        let w = s.word(first - 1);
        // "Welfare experts say": the capital that opens the sentence is not the word's.
        let opening = first - 1 == 0 && !words::is_starter(w);
        let describing = (is_lower_word(w) || opening) && describes(&w.to_lowercase());
        if is_any_nationality(w) || describing {
            first -= 1;
            modifiers += 1;
            continue;
        }
        // "Garib's lawyers argued": the group of someone named.
        if (is_capitalised(w) && !(first - 1 == 0 && words::is_starter(w)))
            || words::without_possessive(w).is_some()
        {
            return Outcome::Pass;
        }
        break;
    }
    let mut written = String::new();
    for k in first..=noun {
        if k > first {
            written.push_str(if s.gap_before(k) == "-" { "-" } else { " " });
        }
        let w = s.word(k);
        // The capital that opens a sentence is not the group's ("Welfare experts").
        if k == 0 && !is_any_nationality(w) && !is_acronym_plural(w) {
            written.push_str(&w.to_lowercase());
        } else {
            written.push_str(w);
        }
    }
    Outcome::Speaker(Candidate::new(Who::Group(written), How::Description))
}

/// Capitals and a plural s: "MPs", "MEPs".
fn is_acronym_plural(w: &str) -> bool {
    w.len() >= 3 && w.ends_with('s') && w[..w.len() - 1].bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a lower-case word may describe a group ("social", "well", "western"): a word of
/// letters that is no function word, determiner, quantifier, verb, adverb of the verb or
/// word of time ("some analysts", "One day doctors said").
fn describes(w: &str) -> bool {
    is_lower_word(w)
        && !is_function_word(w)
        && !words::is(List::Determiner, w)
        && !words::is(List::Quantifier, w)
        && !words::is(List::Verb, w)
        && !words::is(List::Between, w)
        && !words::is(List::TimeWord, w)
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn people_in_general_speak_as_a_group() {
        let g = |who: &'static str, verb: &'static str| vec![(who, "", "description", verb)];
        check(
            "Analysts said the market would fall.",
            &g("analysts", "said"),
        );
        check(
            "But analysts say investors should be cautious.",
            &g("analysts", "say"),
        );
        check(
            "Welfare experts say the changes help.",
            &g("welfare experts", "say"),
        );
        check(
            "The cuts forced localities to trim programs, social workers now say.",
            &g("social workers", "say"),
        );
        check(
            "It was a blow, western residents complained last month.",
            &g("western residents", "complained"),
        );
        check(
            "Talks here, which well-placed sources said would focus on debt, began.",
            &g("well-placed sources", "said"),
        );
        check(
            "Western diplomats said the vote was close.",
            &g("western diplomats", "said"),
        );
        check(
            "Some analysts said the rally would fade.",
            &g("analysts", "said"),
        );
    }

    #[test]
    fn a_named_body_or_a_person_is_no_group() {
        // The body speaks through its officials; a person is named.
        check(
            "Treasury officials said the plan would work.",
            &[("Treasury", "officials", "named", "said")],
        );
        check(
            "Paul Richards said the plan would work.",
            &[("Paul Richards", "", "named", "said")],
        );
        // A group that is the verb's object is not its subject; a plural group does not take
        // "says"; people in general are no source; a named person's group is theirs.
        check("The minister told analysts the plan would work.", &[]);
        check("A study of 100000 voters says support is rising.", &[]);
        check("I never care what people say or think.", &[]);
        check("But garib's lawyers argued the decision was unfair.", &[]);
        check(
            "One day Ukrainian doctors said he would walk.",
            &[("Ukrainian doctors", "", "description", "said")],
        );
    }
}
