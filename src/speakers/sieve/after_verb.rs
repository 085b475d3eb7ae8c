//! `after-verb`: after a quotation or a comma, the speaker follows the verb: `"...," said
//! Ryabkov`, `"It is vital," said Russian Foreign Minister Sergey Lavrov`, `"...," said the
//! minister`, `said Diageo North America president Ivan Menezes`. [`speaker_after`] also
//! reads the name after "according to" and after "by".

use super::description::describe;
use super::{Candidate, Cue, Outcome, Place, Sieve, Who};
use crate::speakers::evidence::has_given_name;
use crate::speakers::names::name_ending_at;
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{
    self, List, in_list, is_capitalised, is_lower_word, is_name_word, is_role_word, lower,
};
use crate::speakers::{How, Kind};

pub const SIEVE: Sieve = Sieve {
    name: "after-verb",
    place: Place::Other,
    run: after_verb,
};

pub fn after_verb(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    let v = cue.v;
    let gap = s.gap_before(v);
    let after_quote =
        v == 0 || gap.contains([',', '"', '\u{201D}', '\u{201C}', ':']) || gap.contains('\'');
    if cue.participle || !after_quote {
        return Outcome::Pass;
    }
    Outcome::or(speaker_after(s, v + 1), Outcome::Nobody)
}

/// A name or description from token `from` on ("said Russian Foreign Minister Sergey
/// Lavrov", "said the minister", "according to Peskov", "said Diageo North America
/// president Ivan Menezes"). Nothing after a colon or a quote mark: that is the statement.
pub fn speaker_after(s: &Sentence<'_>, from: usize) -> Option<Candidate> {
    let n = s.len();
    if from >= n {
        return None;
    }
    let gap = s.gap_before(from);
    if gap.contains([':', '"', '\u{201C}', '\u{201D}']) {
        return None;
    }
    let first = lower(s.word(from));
    if words::is(List::Determiner, &first) && !matches!(first.as_str(), "his" | "her") {
        // The description runs to the next punctuation, at most ten words.
        let mut end = from + 1;
        while end < n && end - from <= 10 && s.joined(end) {
            let w = s.word(end);
            let l = words::lists(w);
            let part = is_capitalised(w)
                || is_role_word(w)
                || l.has(List::DescriptionNoun)
                || l.has(List::Organisation)
                || l.has(List::Spokesperson)
                || l.has(List::Report)
                // "a House Ways and Means Committee report": "and", "of" inside a name.
                || (in_list(&["and", "of"], w)
                    && end > from + 1
                    && end + 1 < n
                    && is_capitalised(s.word(end - 1))
                    && is_capitalised(s.word(end + 1)))
                || in_list(&["regional", "firm", "business"], w);
            if !part {
                break;
            }
            end += 1;
        }
        // "declared by a presidential executive order": the noun phrase goes on past the
        // description's noun; the agent is a thing.
        if end < n
            && s.joined(end)
            && words::is_lower_word(s.word(end))
            && !crate::lexicon::is_function_word(s.word(end))
            && !s.is_in(end, List::TimeWord)
            && !s.is_in(end, List::Between)
        {
            return None;
        }
        // "announced by the Trade and Industry Secretary Patricia Hewitt": a titled name.
        if let Some(f) = name_ending_at(s, end)
            && f.kind == Kind::Person
            && f.name.contains(' ')
            && !f.role.is_empty()
            && f.start > from + 1
        {
            return Some(Candidate::named(f));
        }
        return describe(s, from, end);
    }
    if words::is(List::Pronoun, &first) {
        return Some(Candidate::new(Who::Pronoun(first), How::Pronoun));
    }
    if matches!(first.as_str(), "him" | "her") {
        let pronoun = if first == "him" { "he" } else { "she" };
        return Some(Candidate::new(Who::Pronoun(pronoun.into()), How::Pronoun));
    }
    if first == "them" {
        return Some(Candidate::new(Who::Pronoun("they".into()), How::Pronoun));
    }
    // Skip the role to the name: capitalised words, role words and the words that join
    // them, up to punctuation; the name is the last run of name words. Inside a title, before
    // any name, "to" and lower-case words join too ("Adviser to the President of Ukraine on
    // economic issues Oleg Ustenko"); after a name they end it ("said Putin on arrival").
    let mut i = from;
    let (mut titled, mut named) = (false, false);
    while i < n && i - from < 16 {
        let w = s.word(i);
        let title_word = is_role_word(w) || w == "to";
        let place = {
            let l = words::lists(w);
            l.has(List::Country) || l.has(List::Organisation)
        };
        if !(is_capitalised(w) || title_word || (titled && !named && is_lower_word(w))) {
            break;
        }
        // "said Jim Vogel of FTN Financial": a person's full name ends before the body
        // they work for.
        if named
            && in_list(&["of", "at", "with"], w)
            && name_ending_at(s, i)
                .is_some_and(|f| f.kind == Kind::Person && has_given_name(&f.name))
        {
            break;
        }
        // "according to HSH Associates of Butler, N.J.": a company's name ends with its
        // legal form, before the place.
        if named
            && in_list(&["of", "in"], w)
            && crate::lexicon::gazetteer::is_company_suffix(s.word(i - 1))
        {
            break;
        }
        titled |= is_role_word(w) && !matches!(w, "the" | "of" | "and" | "for");
        named |= is_name_word(w) && !place;
        i += 1;
        if i < n && !s.linked(i) {
            break;
        }
    }
    while i > from && !is_name_word(s.word(i - 1)) {
        i -= 1;
    }
    if i == from {
        return None;
    }
    name_ending_at(s, i).map(Candidate::named)
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn named_after_a_quote_and_according_to() {
        check(
            "\"We are ready,\" said Ryabkov.",
            &[("Ryabkov", "", "named", "said")],
        );
        check(
            "\"It is vital,\" said Russian Foreign Minister Sergey Lavrov.",
            &[("Sergey Lavrov", "Russian Foreign Minister", "named", "said")],
        );
        check(
            "Russia hopes the candidates \"would do less,\" according to Peskov.",
            &[("Peskov", "", "according-to", "according to")],
        );
        check(
            "Rates fell, according to HSH Associates of Butler, N.J., which tracks them.",
            &[("HSH Associates", "", "according-to", "according to")],
        );
    }

    #[test]
    fn speakers_after_a_quotation_and_titled_agents() {
        // The quotation ends before the verb: the speaker follows it, not "Diageo" before
        // the comma inside the quotation.
        check(
            "\"It is an opportunity for Diageo, with good trends,\" said Diageo North America \
             president Ivan Menezes.",
            &[("Ivan Menezes", "president", "named", "said")],
        );
        check(
            "Pay is to rise as part of proposals announced by the Trade and Industry Secretary \
             Patricia Hewitt.",
            &[(
                "Patricia Hewitt",
                "Trade and Industry Secretary",
                "named",
                "announced",
            )],
        );
        // A country after "the" speaks for its government.
        check(
            "But the US says it cannot support the plan.",
            &[("US", "", "named", "says")],
        );
    }

    #[test]
    fn long_titles_after_the_verb_and_reports_to_someone() {
        check(
            "This was stated by Adviser to the President of Ukraine on economic issues Oleg \
             Ustenko. This was stated by Adviser to the Head of the Office of the President of \
             Ukraine Mykhailo Podolyak.",
            &[
                // The role read before a name stops at lower-case words.
                ("Oleg Ustenko", "", "named", "stated"),
                (
                    "Mykhailo Podolyak",
                    "Adviser to the Head of the Office of the President of Ukraine",
                    "named",
                    "stated",
                ),
            ],
        );
        // After a name, lower-case words end it.
        check(
            "\"We agree,\" said Putin on arrival in Minsk.",
            &[("Putin", "", "named", "said")],
        );
        check(
            "Andrei Chibis reported to the President on the results of the year.",
            &[("Andrei Chibis", "", "named", "reported")],
        );
    }
}
