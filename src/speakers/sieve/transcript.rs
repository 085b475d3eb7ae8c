//! `transcript`: a transcript's speaker label at the start of a line: "President of Russia
//! Vladimir Putin: Friends, ...". In a transcript flattened into one paragraph a label may
//! start any sentence, but then only a titled name or a person named before makes one
//! ("...today? Aeroflot CEO Mikhail Poluboyarinov: You are"), not any capitalised words
//! before a colon. Reads a whole sentence; the verb of its statement is "transcript".

use crate::speakers::Kind;
use crate::speakers::context::Context;
use crate::speakers::names::{Found, name_ending_at};
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{is_capitalised, is_role_word};

pub const NAME: &str = "transcript";

/// The person a sentence's label names, if it opens with one.
pub fn transcript_label(s: &Sentence<'_>, cx: &Context) -> Option<Found> {
    let before = s.before();
    let line_start = s.start == 0 || before.trim_end_matches([' ', '\t']).ends_with('\n');
    let after_sentence_end = before
        .trim_end()
        .ends_with(['.', '?', '!', '"', '\u{201D}']);
    if !line_start && !after_sentence_end {
        return None;
    }
    let n = s.len().min(10);
    for end in 2..n {
        let w = s.word(end - 1);
        if !(is_capitalised(w) || is_role_word(w)) {
            return None;
        }
        let gap = s.gap_before(end);
        if gap.trim() == ":" {
            let f = name_ending_at(s, end)?;
            let known = line_start || !f.role.is_empty() || cx.by_name.contains_key(&f.name);
            // "Subs Not Used: Howard, Bellion." is a line-up, not a speaker's label.
            let person =
                f.kind == Kind::Person && !crate::speakers::evidence::not_a_person(&f.name);
            return (person && f.name.contains(' ') && known).then_some(f);
        }
        if !gap.trim().is_empty() {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn a_line_up_is_no_label() {
        check("Subs Not Used: Howard, Bellion.", &[]);
    }

    #[test]
    fn transcript_labels_are_statements() {
        check(
            "President of Russia Vladimir Putin: Friends, I greet you.",
            &[(
                "Vladimir Putin",
                "President of Russia",
                "named",
                "transcript",
            )],
        );
    }

    #[test]
    fn transcript_labels_may_start_a_sentence_mid_paragraph() {
        // Titled or named before: a label. A colon after capitalised words that name no
        // known person mid-paragraph ("Plans: ...") is none.
        check(
            "President of Russia Vladimir Putin: What is the situation today? Aeroflot CEO \
             Mikhail Poluboyarinov: You are right. We grew. Vladimir Putin: Good. Ivan Petrov: \
             no label.",
            &[
                (
                    "Vladimir Putin",
                    "President of Russia",
                    "named",
                    "transcript",
                ),
                ("Mikhail Poluboyarinov", "CEO", "named", "transcript"),
                (
                    "Vladimir Putin",
                    "President of Russia",
                    "named",
                    "transcript",
                ),
            ],
        );
    }
}
