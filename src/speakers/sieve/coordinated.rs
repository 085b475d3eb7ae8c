//! `coordinated`: a second subject joined by "and" before a speaker named before the verb
//! also speaks: "the Conservatives" in "But the Conservatives and Lib Dems insist". Not half
//! of one name ("Marks and Spencer", "Standard and Poor's Corp"), and across a title only a
//! person's full name ("Former US Ambassador to Russia and former Adviser Michael McFaul" is
//! one speaker). Runs after the verb sieves, on the subject they named.

use crate::speakers::Kind;
use crate::speakers::names::{Found, name_ending_at};
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{self, List, is_role_word, is_starter};

pub const NAME: &str = "coordinated";

/// The name joined by "and" before the speaker's name `f`, if it speaks too.
pub fn coordinated(s: &Sentence<'_>, f: &Found) -> Option<Found> {
    let mut k = f.start;
    while k > 0
        && s.joined(k)
        && !s.is(k - 1, &["and"])
        && (is_role_word(s.word(k - 1)) || s.is_in(k - 1, List::Honorific))
    {
        k -= 1;
    }
    if k < 2 || !s.is(k - 1, &["and"]) || !s.joined(k) || !s.joined(k - 1) {
        return None;
    }
    let g = name_ending_at(s, k - 1)?;
    // Across a title ("Ambassador to Russia and former Adviser Michael McFaul") only a
    // person's full name is another speaker.
    let across_title = k < f.start;
    // One word after no "the" may be half of one name ("Standard and Poor's Corp", "Marks
    // and Spencer"): "the Conservatives and Lib Dems" are two.
    let own = g.name.contains(' ') || g.titled || (g.start > 0 && s.is(g.start - 1, &["the"]));
    let company = f
        .name
        .rsplit(' ')
        .next()
        .is_some_and(|w| words::is(List::CompanySuffix, w) || w.eq_ignore_ascii_case("group"));
    let ok = own
        && !company
        && !(g.start == 0 && is_starter(&g.name))
        && (!across_title || (g.kind == Kind::Person && g.name.contains(' ')));
    ok.then_some(g)
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn names_joined_by_and_both_speak() {
        check(
            "But the Conservatives and Lib Dems insist voters face higher taxes.",
            &[
                ("Lib Dems", "", "named", "insist"),
                ("Conservatives", "", "named", "insist"),
            ],
        );
        // One company ("Standard and Poor's Corp"), one word with no "the" ("Marks and
        // Spencer"), a place inside a title: one speaker.
        check(
            "Standard and Poor's Corp said it cut the rating. Marks and Spencer said sales \
             rose. Former US Ambassador to Russia and former Adviser Michael McFaul said it \
             was time.",
            &[
                ("Standard and Poor's Corp", "", "named", "said"),
                ("Spencer", "", "named", "said"),
                (
                    "Michael McFaul",
                    "Former US Ambassador to Russia and former Adviser",
                    "named",
                    "said",
                ),
            ],
        );
    }

    #[test]
    fn the_before_a_name_makes_a_body_and_its_spokesman_speaks_for_it() {
        // "the Conservatives" is a party: "the chancellor" stays Gordon Brown, and "a
        // spokesman" with no spokesman named speaks for the party.
        check(
            "Gordon Brown said taxes would fall. The Conservatives and Lib Dems insisted that \
             taxes would rise. The chancellor promised growth. \"It is false,\" a spokesman \
             said.",
            &[
                ("Gordon Brown", "", "named", "said"),
                ("Lib Dems", "", "named", "insisted"),
                ("Conservatives", "", "named", "insisted"),
                ("Gordon Brown", "", "description", "promised"),
                ("Conservatives", "", "description", "said"),
            ],
        );
    }
}
