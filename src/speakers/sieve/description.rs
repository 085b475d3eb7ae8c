//! `description`: a description right before the verb: "the minister", "the Russian
//! diplomat", "The Head of the Republic", "the head of the President's Office", "The
//! ministry", "a spokesman" (resolved in stage 2), or a country after "the" ("But the US
//! says"). Also "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": a description after
//! a comma that follows a name stands for that name.

use super::{Candidate, Cue, Outcome, Place, Sieve, Who};
use crate::speakers::context::Desc;
use crate::speakers::names::{Found, name_ending_at};
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{self, List, is_capitalised};
use crate::speakers::{How, Kind};

pub const SIEVE: Sieve = Sieve {
    name: "description",
    place: Place::Before,
    run: description,
};

pub fn description(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    match cue.before().filter(|b| b.adjacent) {
        Some(b) => Outcome::or(description_ending_at(s, b.i), Outcome::NoneBefore),
        None => Outcome::Pass,
    }
}

/// A description ending right before `end`.
fn description_ending_at(s: &Sentence<'_>, end: usize) -> Option<Candidate> {
    let mut i = end - 1;
    // Walk back to the determiner that opens the phrase, through "of the" and "to the", and
    // through a place set off by commas after a capitalised word ("The Beaverton, Ore., shoe
    // company said"), if the phrase then opens the sentence.
    let mut commas = 0;
    // Where the words stopped being joined: the "NAME, <description> said" case below.
    let mut first_break: Option<usize> = None;
    let det = loop {
        if s.is_in(i, List::Determiner) && !(i > 0 && s.is(i - 1, &["of", "to", "for"])) {
            break (commas == 0 || i == 0).then_some(i);
        }
        let placed = s.gap_before(i).trim_start_matches('.').trim() == ","
            && i > 0
            && is_capitalised(s.word(i - 1))
            && commas < 2;
        if !s.joined(i) {
            first_break.get_or_insert(i);
        }
        if i == 0 || end - i > 10 || !(s.joined(i) || placed) {
            break None;
        }
        commas += usize::from(placed);
        i -= 1;
    };
    let i = first_break.unwrap_or(i);
    let Some(d) = det else {
        // "NAME, <description> said" without the closing comma.
        if i > 0 && s.gap_before(i).contains(',') && end - i <= 6 {
            let l = words::lists(s.word(end - 1));
            if l.has(List::DescriptionNoun) || l.has(List::Spokesperson) {
                let f = name_ending_at(s, i)?;
                return (f.kind == Kind::Person && f.name.contains(' '))
                    .then(|| Candidate::named(f));
            }
        }
        return None;
    };
    describe(s, d, end)
}

/// The description made of tokens `det + 1 .. end` (token `det` being its determiner).
pub fn describe(s: &Sentence<'_>, det: usize, end: usize) -> Option<Candidate> {
    if det + 1 >= end {
        return None;
    }
    let words: Vec<&str> = (det + 1..end).map(|k| s.word(k)).collect();
    // "a Commerce Department report said", "according to a House Ways and Means Committee
    // report": the body named right before the writing speaks.
    if s.is_in(end - 1, List::Report) && end - det >= 3 {
        let mut first = end - 1;
        while first > det + 1
            && s.joined(first)
            && (is_capitalised(s.word(first - 1))
                || (s.is(first - 1, &["and", "of"]) && first - 1 > det + 1))
        {
            first -= 1;
        }
        while first < end - 1 && !is_capitalised(s.word(first)) {
            first += 1;
        }
        if first < end - 1 && (first + 1..end).all(|k| s.joined(k)) {
            let name = (first..end - 1)
                .map(|k| s.word(k))
                .collect::<Vec<_>>()
                .join(" ");
            return Some(Candidate::named(Found {
                name,
                role: String::new(),
                kind: Kind::Organisation,
                start: first,
                female: None,
                titled: false,
            }));
        }
        return None;
    }
    // Names inside ("the head of the President's Office") are part of the description, but
    // a description is mostly lower case or titles: stop at a verb or a clause.
    // "the US says": a country speaks for its government.
    if let [country] = words[..]
        && is_capitalised(country)
        && words::is(List::Country, country)
    {
        return Some(Candidate::named(Found {
            name: country.to_string(),
            role: String::new(),
            kind: Kind::Organisation,
            start: det + 1,
            female: None,
            titled: false,
        }));
    }
    let mut desc = Desc::new(&words);
    desc.indefinite = s.is(det, &["a", "an", "another", "one"]);
    let written = words.join(" ");
    let noun = words::lists(&desc.noun);
    if noun.has(List::DescriptionNoun) || noun.has(List::AnonymousNoun) {
        return Some(Candidate::new(Who::Description(desc), How::Description));
    }
    if noun.has(List::Organisation)
        || noun.has(List::Spokesperson)
        || matches!(desc.noun.as_str(), "firm" | "business")
    {
        let noun = desc.noun;
        return Some(Candidate::new(
            Who::OrgDescription(noun, written),
            How::Description,
        ));
    }
    None
}
