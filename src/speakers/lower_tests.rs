//! Tests of [`super`]: lower-case documents, hand-made sentences with their real results.
use super::*;
use crate::text::tokenize::tokenize;

fn cased(text: &str) -> String {
    truecase(text, &tokenize(text))
}

#[test]
fn lower_case_is_told_by_the_share_of_capitals() {
    let lower = "mr farage said the party would win seats in the north and the south of \
                 the country at the next election";
    assert!(is_lower_case(&tokenize(lower)));
    let cased = "Mr Farage said the party would win seats in the North and the South of \
                 the country at the next election";
    assert!(!is_lower_case(&tokenize(cased)));
    assert!(
        !is_lower_case(&tokenize("mr farage said so")),
        "too short to tell"
    );
}

/// The statements of a lower-case text as (speaker, kind, how, rule).
fn said(text: &str) -> Vec<(String, &'static str, &'static str, &'static str)> {
    let speech = crate::speakers::attribute(text, None);
    assert!(speech.lower_case, "{text}");
    speech
        .statements
        .into_iter()
        .map(|s| {
            (
                s.speaker().to_string(),
                s.kind.as_str(),
                s.how.as_str(),
                s.rule(),
            )
        })
        .collect()
}

fn want(
    rows: &[(&str, &'static str, &'static str, &'static str)],
) -> Vec<(String, &'static str, &'static str, &'static str)> {
    rows.iter()
        .map(|&(a, b, c, d)| (a.to_string(), b, c, d))
        .collect()
}

#[test]
fn speakers_of_lower_case_text_by_honorifics_titles_and_given_names() {
    assert_eq!(
        said(
            "the party would win seats in the north mr farage said on a visit to the town\n\
             home secretary theresa may said the figures were clear and mrs may added that \
             more would follow\n\
             she said the rules would change next year"
        ),
        want(&[
            ("Farage", "person", "named", "subject"),
            ("Theresa May", "person", "named", "subject"),
            // "mrs may added" in the same sentence: one statement a speaker.
            ("Theresa May", "person", "pronoun", "pronoun"),
        ])
    );
}

#[test]
fn bodies_and_appositives_without_commas() {
    assert_eq!(
        said(
            "a ukip spokesman said the candidate had been suspended from the party\n\
             later ukip said the matter was closed and nigel farage the ukip leader said \
             he was sorry for the words of the candidate"
        ),
        want(&[
            ("Ukip", "organisation", "named", "spokesperson"),
            ("Ukip", "organisation", "named", "subject"),
            ("Nigel Farage", "person", "named", "appositive"),
        ])
    );
    // The statement keeps its sentence as written.
    let speech = crate::speakers::attribute(
        "the minister david cameron said the figures would be published next week by the \
         office for national statistics in london",
        None,
    );
    assert_eq!(
        speech.statements.get(0).expect("a statement").text(),
        "the minister david cameron said the figures would be published next week by the \
         office for national statistics in london"
    );
    assert_eq!(
        speech.statements.get(0).expect("a statement").speaker(),
        "David Cameron"
    );
}

/// "whose" opens a clause after the name: it is no part of it.
#[test]
fn a_clause_after_a_name_is_no_part_of_it() {
    assert_eq!(
        said(
            "the ward was full and we waited for hours says pauline whose husband works \
             in the city\n\
             the baby was born later that night and both are now at home with the family"
        ),
        want(&[("Pauline", "person", "named", "after-verb")])
    );
}

#[test]
fn the_summary_says_how_many_documents_are_lower_case() {
    assert_eq!(note(0, 10), None);
    assert_eq!(
        note(2833, 2833).as_deref(),
        Some(
            "text is lower case in 2,833 of 2,833 documents: speakers found by titles and \
             known names only"
        )
    );
}

#[test]
fn names_with_evidence_take_capitals() {
    assert_eq!(
        cased("home secretary theresa may said mrs may was right"),
        "Home Secretary Theresa May said Mrs May was right"
    );
    assert_eq!(
        cased("nigel farage spoke and later farage said so but it may rain"),
        "Nigel Farage spoke and later Farage said so but it may rain"
    );
    // A word after a given name that ends like a verb is known there only.
    assert_eq!(
        cased("john wants a vote and he wants it now"),
        "John Wants a vote and he wants it now"
    );
    assert_eq!(
        cased("mr farage spoke and later farage said it may rain"),
        "Mr Farage spoke and later Farage said it may rain"
    );
    assert_eq!(
        cased("sir steve smith and iain duncan smith met ukip in london"),
        "Sir Steve Smith and Iain Duncan Smith met ukip in london"
    );
    // "miss" and "lady" are words too: no name follows them here.
    assert_eq!(cased("we miss the lady said"), "we miss the lady said");
}

#[test]
fn inversions_possessives_and_clauses_of_a_line() {
    // A quotation that lost its marks: the name after "said" speaks.
    assert_eq!(
        said(
            "we could do with a change said david mayon a pensioner who has lived in the town \
             for most of his life"
        ),
        want(&[("David Mayon", "person", "named", "after-verb")])
    );
    // "camerons": a possessive without its apostrophe, no name of its own.
    assert_eq!(
        cased("mr cameron spoke and david camerons plan was the one the party chose"),
        "Mr Cameron spoke and david camerons plan was the one the party chose"
    );
    // One line, two clauses: each statement keeps the whole line as written.
    let text = "the figures were a disgrace mr farage said on monday in a speech to voters \
                across the country and ms cooper said the plans would fail";
    let speech = crate::speakers::attribute(text, None);
    let got: Vec<(&str, &str)> = speech
        .statements
        .iter()
        .map(|s| (s.speaker(), s.text()))
        .collect();
    assert_eq!(got, [("Farage", text), ("Cooper", text)]);
}
