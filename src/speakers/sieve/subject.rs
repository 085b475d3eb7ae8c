//! `subject`: the name right before the verb, with its title: "Ryabkov said", "Russian
//! Deputy Foreign Minister Sergey Ryabkov told Sputnik", "Sergei Shoigu has stated", "Mr
//! Blair said:". Not people in general ("Analysts said": a group, see [`super::group`]) nor
//! some of a group ("some senior Tories argued"); a title of a place or a body ("the
//! President of Ukraine said") is a description of a person.

use super::{Candidate, Cue, Outcome, Place, Sieve, Who};
use crate::lexicon::gazetteer::is_ambiguous_given_name;
use crate::speakers::context::Desc;
use crate::speakers::evidence::has_given_name;
use crate::speakers::names::{Found, has_person_title, name_ending_at, role_len};
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{self, List, is_name_word, is_starter};
use crate::speakers::{How, Kind};

pub const SIEVE: Sieve = Sieve {
    name: "subject",
    place: Place::Before,
    run: subject,
};

pub fn subject(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    let Some(b) = cue.before().filter(|b| b.adjacent) else {
        return Outcome::Pass;
    };
    let i = b.i;
    if !is_name_word(b.prev) || (i - 1 == 0 && is_starter(b.prev)) {
        return Outcome::Pass;
    }
    let Some(f) = name_ending_at(s, i) else {
        return Outcome::NoneBefore;
    };
    // "geoff@East.Sun.COM writes": an address is no name (its "COM" would speak).
    if (f.start..i).any(|k| s.in_address(k)) {
        return Outcome::NoneBefore;
    }
    // "Having said that", "I said": a function word opening the sentence is no name ("Don",
    // a given name, is one).
    if f.start == 0
        && !f.name.contains(' ')
        && crate::lexicon::is_function_word(&f.name)
        && !crate::lexicon::gazetteer::is_given_name(&f.name)
        && !crate::lexicon::gazetteer::is_ambiguous_given_name(&f.name)
    {
        return Outcome::NoneBefore;
    }
    // "Analysts said": people in general (a group, when the group sieve did not take it).
    if f.start == 0 && words::is(List::GenericGroup, &f.name) {
        return Outcome::NoneBefore;
    }
    // "some senior Tories argued": some of them, no one in particular.
    let first = f.start - role_len(s, f.start);
    if first > 0 && s.is_in(first - 1, List::Quantifier) {
        return Outcome::NoneBefore;
    }
    // "Encor Energy Corp, a unit of Dome Petroleum Ltd <DMP>, said": the unit speaks (the
    // appositive sieve reads it), not its parent.
    let mut run = first;
    while run > 0 && words::is_capitalised(s.word(run - 1)) && s.linked(run) {
        run -= 1;
    }
    if run >= 2
        && ((s.is(run - 1, &["of"])
            && s.is(
                run - 2,
                &["unit", "subsidiary", "division", "affiliate", "part"],
            ))
            || (s.is(run - 1, &["by"]) && s.is(run - 2, &["owned", "controlled"])))
    {
        return Outcome::Pass;
    }
    // "<Qintex Ltd> of Brisbane said": the company speaks, not its home town.
    if f.start >= 2
        && s.is(f.start - 1, &["of"])
        && crate::lexicon::gazetteer::is_place(&f.name)
        && let Some(c) = name_ending_at(s, f.start - 1).filter(|c| {
            c.name
                .rsplit(' ')
                .next()
                .is_some_and(crate::lexicon::gazetteer::is_company_suffix)
        })
    {
        return Outcome::Speaker(Candidate::named(c));
    }
    // "Jim Vogel of FTN Financial said": the person speaks, the body is where they work.
    if !has_given_name(&f.name)
        && let Some(p) = person_of(s, f.start)
    {
        return Outcome::Speaker(Candidate::named(p));
    }
    // "the recent talks in Sochi confirmed": a place after a preposition is no subject (a
    // person may be: unpunctuated text runs on, "migrating from mr wood said").
    if first > 0
        && s.is(first - 1, &["in", "from", "near", "during", "across"])
        && s.linked(first)
        && crate::lexicon::gazetteer::is_place(&f.name)
    {
        return Outcome::NoneBefore;
    }
    // "the President of Ukraine said", "The Head of the Republic noted": a title of a
    // place or a body describes a person.
    if f.kind == Kind::Organisation && has_person_title(&f.role) {
        let words: Vec<&str> = f
            .role
            .split_whitespace()
            .chain(f.name.split_whitespace())
            .collect();
        return Outcome::Speaker(Candidate::new(
            Who::Description(Desc::new(&words)),
            How::Description,
        ));
    }
    Outcome::Speaker(Candidate::named(f))
}

/// The person named with a given name right before "of", "at" or "from" that leads, over the
/// organisation's own words, to the organisation starting at token `org`: "Spokesman
/// Marcio Stefani of the Brazilian Association of Automotive Vehicle Distributors".
fn person_of(s: &Sentence<'_>, org: usize) -> Option<Found> {
    let mut k = org;
    while k > 1 {
        k -= 1;
        let w = s.word(k);
        if !s.linked(k + 1) {
            return None;
        }
        if words::in_list(&["of", "at", "from"], w) {
            // A given name with no other reading: not "Royal College of Physicians".
            let p = name_ending_at(s, k).filter(|p| {
                p.kind == Kind::Person
                    && has_given_name(&p.name)
                    && !p
                        .name
                        .split(' ')
                        .next()
                        .is_some_and(is_ambiguous_given_name)
            });
            if p.is_some() {
                return p;
            }
        } else if !(words::is_capitalised(w) || words::in_list(&["the", "and", "for", "&"], w)) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn named_before_the_verb_with_role() {
        check(
            "Russia and the US should talk, Russian Deputy Foreign Minister Sergey Ryabkov said.",
            &[(
                "Sergey Ryabkov",
                "Russian Deputy Foreign Minister",
                "named",
                "said",
            )],
        );
        check(
            "Kremlin spokesman Dmitry Peskov said Friday that talks go on.",
            &[("Dmitry Peskov", "Kremlin spokesman", "named", "said")],
        );
        check(
            "Mr Blair said: \"We will win.\"",
            &[("Blair", "", "named", "said")],
        );
        check(
            "Sergei Shoigu has stated that Russia could help.",
            &[("Sergei Shoigu", "", "named", "stated")],
        );
    }

    #[test]
    fn passive_agents_participles_and_appositives() {
        check(
            "New targets have been announced by Trade Secretary Patricia Hewitt.",
            &[("Patricia Hewitt", "Trade Secretary", "named", "announced")],
        );
        // Passive without an agent: no speaker.
        check("Mr Smith was dismissed last year.", &[]);
        check(
            "Vladimir Putin gave an update, noting that Kiev refuses to talk.",
            &[("Vladimir Putin", "", "named", "noting")],
        );
        check(
            "The Shadow Secretary of State for the Family, Theresa May, said: \"No.\"",
            &[("Theresa May", "", "named", "said")],
        );
        check(
            "Paul Richards, an analyst at Numis Securities, said sales fell.",
            &[("Paul Richards", "", "named", "said")],
        );
        check(
            "Analysts said the deal was good. Some senior Tories argued against it. Bankers \
             said talks failed. I'd say it is likely, Mr Smith said.",
            &[
                ("analysts", "", "description", "said"),
                ("bankers", "", "description", "said"),
                ("Smith", "", "named", "said"),
            ],
        );
        // A person of a body speaks for themself.
        check(
            "Jim Vogel of FTN Financial said bonds rose. Spokesman Marcio Stefani of the \
             Brazilian Association of Automotive Vehicle Distributors said prices rose. \
             The Bank of England said rates stay.",
            &[
                ("Jim Vogel", "", "named", "said"),
                ("Marcio Stefani", "Spokesman", "named", "said"),
                ("Bank of England", "", "named", "said"),
            ],
        );
        // Reuters' tickers and bracketed company names.
        check(
            "LONDON, March 26 - Reuters Holdings Plc <RTRS.L> said it agreed to buy a stake. \
             Fiat Spa <FIAT.MI> said it would cut output. <Qintex Ltd> of Brisbane said it \
             had a letter. Chrysler Corp <C> said sales fell.",
            &[
                ("Reuters Holdings Plc", "", "named", "said"),
                ("Fiat Spa", "", "named", "said"),
                ("Qintex Ltd", "", "named", "said"),
                ("Chrysler Corp", "", "named", "said"),
            ],
        );
        check(
            "Ford Motor Co of Canada Ltd, 90 pct owned by Ford Motor Co <F>, said profit fell. \
             Hughes/Conserdyne Corp, a unit of <Hughes Capital Corp> said it hired a bank.",
            &[("Canada Ltd", "", "named", "said")],
        );
        // A place after a preposition is no subject; particles stay in a name.
        check(
            "He noted that the recent talks in Sochi confirmed good prospects. President \
             Ursula von der Leyen has promised to help. Jane Doe from Oxfam said aid fell.",
            &[
                ("Ursula von der Leyen", "President", "named", "promised"),
                ("Jane Doe", "", "named", "said"),
            ],
        );
        // A name starts at a given name after words that are none; not after an initial.
        check(
            "For her part, Deputy Prime Minister and Minister for the Reintegration of the \
             Temporarily Occupied Territories Iryna Vereshchuk stressed that it works. \
             J. Hugh Liedtke said it was fair.",
            &[
                (
                    "Iryna Vereshchuk",
                    "Deputy Prime Minister and Minister for the Reintegration of the \
                     Temporarily Occupied Territories",
                    "named",
                    "stressed",
                ),
                ("J. Hugh Liedtke", "", "named", "said"),
            ],
        );
        // A firm's name runs back over "and" before its possessive and legal form.
        check(
            "Standard and Poor's Corp said it may lower the ratings. Jefferies and Co Inc said \
             it sold the shares.",
            &[
                ("Standard and Poor's Corp", "", "named", "said"),
                ("Jefferies and Co Inc", "", "named", "said"),
            ],
        );
        // A portfolio after "for" is part of the title, no one a later "she" stands for.
        check(
            "Minister for Reintegration Iryna Vereshchuk met them. The Minister for \
             Reintegration visited Kyiv. \"We hope,\" she said.",
            &[(
                "Iryna Vereshchuk",
                "Minister for Reintegration",
                "pronoun",
                "said",
            )],
        );
        // "Royal" is a given name and a word: no person before "of".
        check(
            "Earlier the Royal College of Physicians said it opposed the plan.",
            &[("Physicians", "", "named", "said")],
        );
        check(
            "Treasury officials have said there will be no giveaway.",
            &[("Treasury", "officials", "named", "said")],
        );
    }

    #[test]
    fn an_address_is_no_name() {
        check("geoff@East.Sun.COM writes: the plan fails.", &[]);
        check(
            "In article <8feu@andrew.cmu.edu>, David O Hunt <bluelobster+@CMU.EDU> writes: I \
             am pretty sure.",
            &[],
        );
        // A name beside an address still speaks.
        check(
            "Mary Jones, mjones@example.com, said the plan fails.",
            &[("Mary Jones", "", "named", "said")],
        );
    }
}
