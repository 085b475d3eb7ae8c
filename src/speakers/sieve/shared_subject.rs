//! `shared-subject`: a verb after "and" or "but" shares the subject the sentence opens with:
//! "Ex-chat show host Robert Kilroy-Silk has quit the party and accused it of betrayal", "The
//! Fed did not rule out more but noted that ...". A subject we cannot name ("Analysts
//! claimed ... but stressed") leaves the words before the verb without a speaker.

use super::{Candidate, Cue, Outcome, Place, Sieve};
use crate::speakers::Kind;
use crate::speakers::names::{Found, name_ending_at};
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{self, List, is_capitalised, is_starter};

pub const SIEVE: Sieve = Sieve {
    name: "shared-subject",
    place: Place::Before,
    run: shared_subject,
};

pub fn shared_subject(s: &Sentence<'_>, cue: &Cue<'_>) -> Outcome {
    let Some(b) = cue.before() else {
        return Outcome::Pass;
    };
    let and = b.prev.eq_ignore_ascii_case("and") || b.prev.eq_ignore_ascii_case("but");
    if !(and && b.gap.trim().is_empty()) {
        return Outcome::Pass;
    }
    Outcome::or(
        sentence_subject(s, b.i - 1).map(Candidate::named),
        Outcome::NoneBefore,
    )
}

/// The subject a sentence opens with, before token `before`: its first name of two words
/// or more, an organisation, or a name with a title or honorific, followed by a lower-case
/// word ("Ex-chat show host Robert Kilroy-Silk has quit", "The Federal Reserve has raised").
pub fn sentence_subject(s: &Sentence<'_>, before: usize) -> Option<Found> {
    let mut k = 0;
    while k < before.min(10) {
        if !is_capitalised(s.word(k)) || (k == 0 && is_starter(s.word(k))) {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < before && is_capitalised(s.word(end)) && s.joined(end) {
            end += 1;
        }
        let run_end = end;
        while end > k + 1 && s.is_in(end - 1, List::Postnominal) {
            end -= 1;
        }
        let verb_follows =
            run_end < before && !is_capitalised(s.word(run_end)) && s.joined(run_end);
        let last = s.word(end - 1);
        let possessive = words::without_possessive(last).is_some();
        let subject = name_ending_at(s, end).filter(|f| {
            verb_follows
                && !possessive
                && f.start >= k
                && (f.name.contains(' ')
                    || f.kind == Kind::Organisation
                    || f.titled
                    // "The Fed did not ... but noted": no person is "the X".
                    || (f.start > 0 && s.is(f.start - 1, &["the"])))
        });
        // A run before a verb or an auxiliary is the subject, named or not: in "Analysts
        // claimed the Fed's ... but stressed" it is none we name.
        let verb_next = verb_follows && {
            let l = words::lists(s.word(run_end));
            l.has(List::Verb) || l.has(List::Between)
        };
        if subject.is_some() || verb_next {
            return subject;
        }
        k = run_end;
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn a_verb_after_and_shares_the_subject() {
        check(
            "Ex-chat show host Robert Kilroy-Silk has quit the party and accused it of betrayal.",
            &[("Robert Kilroy-Silk", "", "named", "accused")],
        );
        check(
            "The Federal Reserve raised rates. The Fed did not rule out more but noted that \
             rises would be measured.",
            &[("Federal Reserve", "", "named", "noted")],
        );
        // The subject is one we cannot name: the first verb's group only.
        check(
            "Analysts claimed the Fed's view was positive but stressed that risks remain.",
            &[("analysts", "", "description", "claimed")],
        );
    }
}
