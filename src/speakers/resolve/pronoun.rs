//! Pronouns: "he" or "she" is the person named earlier in the sentence, else the person in
//! focus, else the last person named, never one known to be of the other sex; "<content>, he
//! said" takes up a speaker, not someone named inside what was said. "it" and "they" are the
//! organisation the sentence opens with ("Boeing apologised - although it claimed"), else
//! the last organisation that spoke.

use super::{Resolved, Scene, resolved_as};
use crate::speakers::context::Context;
use crate::speakers::names::name_ending_at;
use crate::speakers::sentence::Sentence;
use crate::speakers::words::{capitalised_inside, is_capitalised};
use crate::speakers::{How, Kind};

/// "he" or "she".
pub fn person(p: &str, how: How, at: &Scene<'_>, cx: &mut Context) -> Option<Resolved> {
    let (s, v) = (at.sentence(), at.v);
    let at_byte = s.tokens[v].start;
    // "<content>, he said": people named before the comma are part of what was said, not
    // who said it; the pronoun takes up an earlier speaker.
    let tag_after_content = v >= 2 && {
        let (prev, pron) = (&s.tokens[v - 2], &s.tokens[v - 1]);
        pron.text.eq_ignore_ascii_case(p)
            && s.doc
                .get(prev.start + prev.text.len()..pron.start)
                .is_some_and(|gap| gap.contains([',', '"', '\u{201D}', ':', '\u{2014}']))
    };
    // Except one who spoke earlier in the sentence: "Laws said: "...," he said" is Laws twice.
    let earlier: Vec<usize> = if tag_after_content {
        at.earlier
            .iter()
            .filter(|st| st.kind == Kind::Person && st.how == How::Named)
            .filter_map(|st| cx.find(st.speaker()))
            .collect()
    } else {
        at.noted
            .iter()
            .filter(|(t, _)| s.tokens[*t].start < at_byte)
            .map(|&(_, i)| i)
            .collect()
    };
    // "a Goldstar spokesman told reporters. He told ...": the spokesman again, for the body,
    // unless someone was named earlier in the sentence.
    if earlier.is_empty()
        && let Some((org, role)) = &cx.spokesman_of
    {
        let r = Resolved::organisation(org.clone(), resolved_as(how, How::Pronoun));
        return Some(r.with_role(role.clone()));
    }
    let i = cx.resolve_pronoun(p, &earlier)?;
    cx.persons[i].female = Some(p == "she");
    Some(Resolved::person(cx, i, resolved_as(how, How::Pronoun)))
}

/// "it" or "they".
pub fn organisation(how: How, at: &Scene<'_>, cx: &Context) -> Option<Resolved> {
    let (s, v) = (at.sentence(), at.v);
    let opening = (v >= 3)
        .then(|| opening_organisation(s, v - 1, cx))
        .flatten();
    let o = opening.or_else(|| cx.orgs.last().cloned())?;
    Some(Resolved::organisation(o, resolved_as(how, How::Pronoun)))
}

/// The organisation a sentence opens with, as the subject of its first verb, when it stands
/// before token `before`: "Boeing apologised ...", "But the Pentagon said ...". A lone word
/// must not be a person known to the document.
fn opening_organisation(s: &Sentence<'_>, before: usize, cx: &Context) -> Option<String> {
    let mut k = 0;
    while k < before
        && s.is(
            k,
            &["but", "and", "however", "meanwhile", "yet", "so", "the"],
        )
    {
        k += 1;
    }
    let mut end = k;
    while end < before && is_capitalised(s.word(end)) && (end == k || s.joined(end)) {
        end += 1;
    }
    // The name is followed by its verb: a lower-case word.
    if end == k || end >= before || is_capitalised(s.word(end)) || !s.joined(end) {
        return None;
    }
    let f = name_ending_at(s, end)?;
    let lone = !f.name.contains(' ');
    // A lone word is a name when the document wrote it capitalised inside a sentence before
    // ("Shares fell" is none).
    let org = f.kind == Kind::Organisation
        || (lone
            && !f.titled
            && cx.find(&f.name).is_none()
            && capitalised_inside(s.before(), &f.name));
    (org && f.start == k).then_some(f.name)
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn pronouns_and_descriptions_resolve_to_the_last_speaker() {
        check(
            "Ryabkov said the talks matter. He expressed hope that the group would start. The Russian diplomat stressed that it was necessary.",
            &[
                ("Ryabkov", "", "named", "said"),
                ("Ryabkov", "", "pronoun", "expressed hope"),
                ("Ryabkov", "", "description", "stressed"),
            ],
        );
        // No one to resolve to: no statement.
        check("He said it was fine.", &[]);
    }

    #[test]
    fn he_after_a_spokesman_is_the_spokesman_again() {
        check(
            "Goldstar agreed to make cameras, a Goldstar spokesman told reporters. He told \
             reporters Goldstar will invest. Most output will be sold at home, he said.",
            &[
                ("Goldstar", "spokesman", "named", "told"),
                ("Goldstar", "spokesman", "pronoun", "told"),
                ("Goldstar", "spokesman", "pronoun", "said"),
            ],
        );
        // A person who speaks after the spokesman is the next "he".
        check(
            "A Goldstar spokesman said sales rose. John Smith said costs fell. He said more.",
            &[
                ("Goldstar", "spokesman", "named", "said"),
                ("John Smith", "", "named", "said"),
                ("John Smith", "", "pronoun", "said"),
            ],
        );
    }

    #[test]
    fn a_pronoun_after_the_statement_is_not_someone_named_inside_it() {
        // Putin and Trump are what Lavrov talked about, not who "he" is.
        check(
            "Lavrov said the talks matter. Dialogue between Presidents Vladimir Putin and Donald Trump should not get stuck, he went on.",
            &[
                ("Lavrov", "", "named", "said"),
                ("Lavrov", "", "pronoun", "went on"),
            ],
        );
        // Before the statement, the person named earlier in the sentence is still the one.
        check(
            "Lavrov said the talks matter. President Vladimir Putin arrived in Minsk, where he said the union was strong.",
            &[
                ("Lavrov", "", "named", "said"),
                ("Vladimir Putin", "President", "pronoun", "said"),
            ],
        );
    }

    #[test]
    fn a_tag_after_a_quotation_is_the_speaker_named_before_it() {
        check(
            "Ed Balls said the plans were wrong. Later, David Laws said: \"The chancellor will \
             tell us,\" he said.",
            &[
                ("Ed Balls", "", "named", "said"),
                ("David Laws", "", "named", "said"),
            ],
        );
    }

    #[test]
    fn it_and_they_speak_for_an_organisation() {
        // "It" opening a sentence is the pronoun, not an adverb skipped before the verb.
        check(
            "Diageo said it expects approval. It said Chalone would be integrated. It blamed a \
             weaker dollar.",
            &[
                ("Diageo", "", "named", "said"),
                ("Diageo", "", "pronoun", "said"),
                ("Diageo", "", "pronoun", "blamed"),
            ],
        );
        // The organisation the sentence opens with, named inside a sentence before; not a
        // person named with an honorific who spoke before.
        check(
            "Engineers at Boeing were fired. Mr Sears told prosecutors nothing. Boeing apologised \
             - although it claimed it did not gain any advantage.",
            &[
                ("Sears", "", "named", "told"),
                ("Boeing", "", "pronoun", "claimed"),
            ],
        );
        // "Shares" opens the sentence but was never written capitalised inside one.
        check(
            "Acme said profits fell. Shares fell after it warned of losses.",
            &[
                ("Acme", "", "named", "said"),
                ("Acme", "", "pronoun", "warned"),
            ],
        );
    }
}
