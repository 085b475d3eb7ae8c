//! `writing`: "The message reads, in part: ...", "His letter says ...": a writing opens the
//! sentence and speaks; its writer is the person the previous sentences were about, or the
//! one who last sent something ("Putin sent greetings to ..."). Reads a whole sentence.

use crate::speakers::sentence::Sentence;
use crate::speakers::words::{List, lower};

pub const NAME: &str = "writing";

/// The verb of a sentence a writing opens ("reads", "says"), if it is one.
pub fn writing_reads(s: &Sentence<'_>) -> Option<String> {
    if s.len() < 3 || !s.is(0, &["the", "his", "her", "this"]) || !s.is_in(1, List::Writing) {
        return None;
    }
    s.is(2, &["reads", "says", "said", "read", "states", "stated"])
        .then(|| lower(s.word(2)))
}

/// Whether the sentence sends a writing ("Putin sent greetings"): its first person is the
/// writer of the next writing.
pub fn sends(s: &Sentence<'_>) -> bool {
    (0..s.len()).any(|k| s.is_in(k, List::Sending))
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn a_writing_speaks_for_the_person_in_focus() {
        check(
            "Vladimir Putin sent greetings to the forum of crafts, LADYA. Winter Fairy Tale, that \
             opened.\nThe message reads, in part: \"It is gratifying.\"",
            &[("Vladimir Putin", "", "description", "reads")],
        );
    }
}
