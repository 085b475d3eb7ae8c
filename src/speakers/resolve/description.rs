//! Descriptions of a person ("the minister", "the Russian diplomat", "The Head of the
//! Republic"): the person named so far whose title fits best ([`Context::resolve_description`]);
//! when no one named so far has the title, the first person named with it in the next
//! sentences ("The finance minister has urged ... Scottish Finance Minister, Tom McCabe MSP,
//! said"). "a spokesman" with no spokesman named speaks for the organisation that spoke.

use super::{Resolved, Scene, resolved_as};
use crate::speakers::context::{Context, Desc, fit};
use crate::speakers::names::title_before_comma;
use crate::speakers::words::{self, List};
use crate::speakers::{How, Kind};

pub fn resolve(d: &Desc, how: How, at: &Scene<'_>, cx: &mut Context) -> Option<Resolved> {
    let si = at.si;
    // "an Egyptian official said": someone new and never named, an anonymous source that
    // "the official" and "he" take up later. Not "a spokesman" (the organisation speaks).
    if d.indefinite && !d.noun.starts_with("spokes") {
        let i = cx.note_anonymous(written(d));
        return Some(Resolved::person(cx, i, resolved_as(how, How::Description)));
    }
    // "the insider said": only someone described so before, never anyone else.
    if words::is(List::AnonymousNoun, &d.noun) {
        let i = cx
            .resolve_description(d)
            .filter(|&i| !cx.persons[i].role.is_empty() && fit(d, &cx.persons[i].role) > 0)?;
        return Some(Resolved::person(cx, i, resolved_as(how, How::Description)));
    }
    // No one named so far has the title: the first one named with it in the next sentences.
    let known = cx.resolve_description(d);
    let titled = known.filter(|&i| fit(d, &cx.persons[i].role) >= 2);
    // With no one named before at all, the first person named with a title or an honorific
    // in the next two ("... announced by the lord chancellor. Lord Falconer wants ...").
    let anyone = known.is_none();
    let ahead = || {
        let (n, next) = (at.sentences.len(), si + 1);
        (next..n.min(si + 4)).find_map(|sj| {
            let t = &at.sentences[sj];
            at.people[sj].iter().find(|f| {
                let fits = fit(d, &f.role) >= 2 || fit(d, &title_before_comma(t, f.start)) >= 2;
                f.kind == Kind::Person
                    && (f.name.contains(' ') || f.titled)
                    && (fits || (anyone && f.titled && sj <= si + 2))
            })
        })
    };
    // Not past someone who spoke ("Gordon Brown said ... The chancellor said").
    let spoke = known.is_some_and(|i| cx.persons[i].spoke);
    let later = if titled.is_none() && !d.indefinite && !spoke {
        ahead()
    } else {
        None
    };
    let how = resolved_as(how, How::Description);
    let person = titled.or_else(|| later.and_then(|f| cx.note(f)));
    // "a spokesman said" with no spokesman named: the organisation that spoke ("The
    // Conservatives insisted ... a spokesman said").
    if person.is_none()
        && words::is(List::Spokesperson, &d.noun)
        && let Some(o) = cx.resolve_org(&d.noun)
    {
        return Some(Resolved::organisation(o.clone(), how));
    }
    let i = person.or(known)?;
    Some(Resolved::person(cx, i, how))
}

/// A description as a speaker's name: its words, a nationality capitalised ("Egyptian
/// official", "senior diplomat").
fn written(d: &Desc) -> String {
    d.words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            let capital: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            if words::is_any_nationality(&capital) {
                capital
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn descriptions_fit_the_title_of_a_speaker() {
        // "The Head of the Republic" fits Melikov's title; "The President" fits no title
        // known, so it goes to the person whose title is unknown (Putin), not to Melikov.
        check(
            "Vladimir Putin met Head of the Republic of Dagestan Sergei Melikov. Sergei Melikov said the situation was stable. The Head of the Republic noted the role of the clergy. The President noted that it is necessary to thank them.",
            &[
                (
                    "Sergei Melikov",
                    "Head of the Republic of Dagestan",
                    "named",
                    "said",
                ),
                (
                    "Sergei Melikov",
                    "Head of the Republic of Dagestan",
                    "description",
                    "noted",
                ),
                ("Vladimir Putin", "", "description", "noted"),
            ],
        );
        // "she" never goes to a man known by his honorific.
        check(
            "Ms Hewitt met Mr Brown. Ms Hewitt said pay would rise. Mr Brown agreed. She said more was to come.",
            &[
                ("Hewitt", "", "named", "said"),
                ("Hewitt", "", "pronoun", "said"),
            ],
        );
        // A company described goes to the company that spoke.
        check(
            "Diageo said sales rose. The company said profits fell.",
            &[
                ("Diageo", "", "named", "said"),
                ("Diageo", "", "description", "said"),
            ],
        );
    }

    #[test]
    fn someone_described_but_never_named_is_an_anonymous_source() {
        check(
            "Egypt wants Arab states to buy its debt, an Egyptian official said. The official \
             said talks would start soon. \"We will ask for more time,\" he added.",
            &[
                ("Egyptian official", "", "description", "said"),
                ("Egyptian official", "", "description", "said"),
                ("Egyptian official", "", "pronoun", "added"),
            ],
        );
        // A named minister is not "a minister" who speaks later.
        check(
            "Finance Minister John Smith said taxes would rise. A senior minister said they \
             would not.",
            &[
                ("John Smith", "Finance Minister", "named", "said"),
                ("senior minister", "", "description", "said"),
            ],
        );
    }

    #[test]
    fn anonymous_nouns_after_a_or_another() {
        check(
            "Ukip staff are unhappy, one former employee said. But another insider said the \
             reports were overblown. The insider added that morale was high.",
            &[
                ("former employee", "", "description", "said"),
                ("insider", "", "description", "said"),
                ("insider", "", "description", "added"),
            ],
        );
        // "the resident" takes up no one who was not described so.
        check(
            "Timothy Jones spoke at Northwestern High. \"I want to do better,\" the \
             Hyattsville resident said.",
            &[],
        );
    }

    #[test]
    fn a_definite_description_may_come_before_the_name() {
        // No one named so far is a minister: the minister named in the next sentences.
        check(
            "Council tax will rise, BBC Scotland has learned. The finance minister has urged \
             councils to limit increases. Scottish Finance Minister, Tom McCabe MSP, said: \
             \"We are fair.\"",
            &[
                ("Tom McCabe", "", "description", "urged"),
                ("Tom McCabe", "", "named", "said"),
            ],
        );
        // No one named before at all: the first person named with an honorific next.
        check(
            "New targets have been announced by the lord chancellor. Lord Falconer wants all \
             courts to change.",
            &[("Falconer", "", "description", "announced")],
        );
        // "A spokesman" is someone not named, never the spokesman named next.
        check(
            "The Conservatives insisted they would act. \"It will take a decade,\" a spokesman \
             said. Lib Dem home affairs spokesman Mark Oaten said: \"No.\"",
            &[
                ("Conservatives", "", "named", "insisted"),
                ("Conservatives", "", "description", "said"),
                ("Mark Oaten", "home affairs spokesman", "named", "said"),
            ],
        );
    }

    #[test]
    fn description_words_fit_whole_title_words() {
        // "The Head of State" shares no word with "President of the United States of
        // America ...": "state" is not "States". The President who spoke is the one.
        check(
            "President of Ukraine Volodymyr Zelenskyy welcomed the talks between President of the \
             United States of America Joseph Biden and President of Russia Vladimir Putin. \
             Volodymyr Zelenskyy said that a meeting was held. The Head of State expressed hope \
             that progress would be made.",
            &[
                (
                    "Volodymyr Zelenskyy",
                    "President of Ukraine",
                    "named",
                    "welcomed",
                ),
                (
                    "Volodymyr Zelenskyy",
                    "President of Ukraine",
                    "named",
                    "said",
                ),
                (
                    "Volodymyr Zelenskyy",
                    "President of Ukraine",
                    "description",
                    "expressed hope",
                ),
            ],
        );
    }
}
