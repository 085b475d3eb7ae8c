//! Tests of [`super`]: the merge of name variants, evidence of people, middle initials,
//! particles, lone surnames.

use super::super::attribute::attribute;
use super::*;
use chrono::NaiveDate;
use std::borrow::Cow;

/// Each text attributed as one undated document, merged: (speaker, statements).
fn speakers_of(docs: &[&str]) -> Vec<(String, u32)> {
    rows_of(docs)
        .into_iter()
        .map(|(n, _, _, c)| (n, c))
        .collect()
}

#[test]
fn name_variants_are_one_speaker() {
    let a = attribute(
        "Russian Foreign Minister Sergei Lavrov said talks matter. Lavrov stressed it.",
        None,
    );
    let b = attribute(
        "Russian Foreign Minister Sergey Lavrov said so. Sergey Lavrov added that it was true.",
        None,
    );
    let c = attribute("Lavrov said nothing new.", None);
    let d = |speech, day| {
        DocSpeech::of(
            "d",
            NaiveDate::from_ymd_opt(2019, 12, day).map(PubDate::day),
            speech,
        )
    };
    let mentions = [&a, &b, &c].map(|s| s.mentions.clone()).to_vec();
    let m = merge(
        &vec![d(&a, 1), d(&b, 2), d(&c, 3)],
        mentions,
        &HashMap::new(),
    );
    // The lone "Lavrov" of the third document names no one in full there: it is the
    // corpus' only Lavrov.
    assert_eq!(m.speakers.len(), 1, "{:?}", m.speakers);
    let s = &m.speakers[0];
    assert_eq!(s.name, "Sergey Lavrov"); // 2 full mentions against 1
    assert_eq!(s.role, "Russian Foreign Minister");
    assert_eq!(
        (s.statements, s.named, s.resolved, s.documents),
        (5, 5, 0, 3)
    );
    assert_eq!(s.variants, ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"]);
    assert_eq!(
        s.first_date,
        NaiveDate::from_ymd_opt(2019, 12, 1).map(PubDate::day)
    );
    assert_eq!(
        s.last_date,
        NaiveDate::from_ymd_opt(2019, 12, 3).map(PubDate::day)
    );
}

#[test]
fn a_sentence_starter_is_no_first_name() {
    assert_eq!(clean("But Reagan", false), "Reagan");
    assert_eq!(clean(" If Ronald Reagan's", false), "Ronald Reagan");
    assert_eq!(clean("Wendy's", true), "Wendy's");
    assert_eq!(clean("Poor's Corp", false), "Poor's Corp");
    assert_eq!(clean("But", false), "But");
    assert_eq!(clean("Butch Reagan", false), "Butch Reagan");
    assert_eq!(clean("Russia's Putin", false), "Putin");
    assert_eq!(clean("Britain\u{2019}s Tony Blair", false), "Tony Blair");
}

#[test]
fn a_lone_surname_links_across_the_corpus_only_as_spelt() {
    let docs = [
        "Prime Minister Narendra Modi said India would grow.",
        "Moody said the rating was cut.",
        "Modi insisted that it would.",
    ];
    let got = speakers_of(&docs);
    let got: Vec<(&str, u32)> = got.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    assert_eq!(got, [("Narendra Modi", 2), ("Moody", 1)]);
}

#[test]
fn a_lone_surname_of_two_people_stays_as_written() {
    let docs = [
        "James Baker said the dollar fell.",
        "John Baker said the wall would hold.",
        "Baker said nothing new.",
        "Michael Howard said taxes would fall.",
        "Howard insisted that they would.",
    ];
    let got = speakers_of(&docs);
    let got: Vec<(&str, u32)> = got.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    assert_eq!(
        got,
        [
            ("Michael Howard", 2),
            ("Baker", 1),
            ("James Baker", 1),
            ("John Baker", 1),
        ]
    );
}

#[test]
fn spelling_keys_join_transliterations_only() {
    let key = |w: &str| spelling_key(w);
    assert_eq!(key("Sergey"), key("Sergei"));
    assert_eq!(key("Zelensky"), key("Zelenskyy"));
    assert_eq!(key("Alexei"), key("Aleksey"));
    assert_eq!(key("Dmitry"), key("Dmitri"));
    assert_eq!(key("Plenković"), key("Plenkovic"));
    assert_ne!(key("James"), key("Jim"));
    assert_ne!(key("James"), key("John"));
    assert_ne!(key("Michael"), key("Moe"));
}

#[test]
fn a_person_is_a_first_name_and_a_surname() {
    let docs = [
        "Volodymyr Zelensky said talks matter.",
        "Volodymyr Zelenskyy said talks failed. Zelenskyy added that it was hard.",
        "James Baker said the dollar fell. Baker added that it would recover.",
        "John Baker said the wall would hold.",
        "Jim Baker said the vote was close.",
        "Michael Howard said taxes would fall. Moe Howard said it was a joke.",
    ];
    let got = speakers_of(&docs);
    let got: Vec<(&str, u32)> = got.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    assert_eq!(
        got,
        [
            // One full form each: the alphabetically first is shown.
            ("Volodymyr Zelensky", 3),
            ("James Baker", 2),
            ("Jim Baker", 1),
            ("John Baker", 1),
            ("Michael Howard", 1),
            ("Moe Howard", 1),
        ]
    );
}

#[test]
fn aliases_and_mentions() {
    let a = attribute(
        "Zelensky said Ukraine would fight. Bolton held negotiations with Security Council Secretary Nikolai Patrushev.",
        None,
    );
    let aliases = HashMap::from([("zelensky".to_string(), "Volodymyr Zelenskyy".to_string())]);
    let m = merge(
        &vec![DocSpeech::of("d", None, &a)],
        vec![a.mentions.clone()],
        &aliases,
    );
    assert_eq!(m.speakers[0].name, "Volodymyr Zelenskyy");
    let people: Vec<(&str, u32)> = m
        .mentions
        .iter()
        .map(|p| (p.person.as_str(), p.as_speaker))
        .collect();
    // "Bolton" alone is never named in full: not a person we can name. "Zelensky" is, by
    // the alias.
    assert_eq!(
        people,
        [("Nikolai Patrushev", 0), ("Volodymyr Zelenskyy", 1)]
    );
}

/// Each text attributed as one undated document, merged: (speaker, kind, role, statements).
fn rows_of(docs: &[&str]) -> Vec<(String, &'static str, String, u32)> {
    let speech: Vec<Speech> = docs.iter().map(|t| attribute(t, None)).collect();
    let ds: Vec<DocSpeech<'_>> = speech.iter().map(|s| DocSpeech::of("d", None, s)).collect();
    let mentions = speech.iter().map(|s| s.mentions.clone()).collect();
    let m = merge(&ds, mentions, &HashMap::new());
    m.speakers
        .into_iter()
        .map(|s| (s.name, s.kind.as_str(), s.role, s.statements))
        .collect()
}

fn row(name: &str, kind: &'static str, role: &str, n: u32) -> (String, &'static str, String, u32) {
    (name.to_string(), kind, role.to_string(), n)
}

#[test]
fn middle_initials_stay_in_the_name_and_tell_people_apart() {
    let docs = [
        "Federal Reserve Chairman Ben S. Bernanke said inflation was low.",
        "Ben Bernanke said rates would stay low.",
        "Former President George H.W. Bush said he was proud.",
        "President George W. Bush said taxes would fall.",
    ];
    assert_eq!(
        rows_of(&docs),
        [
            row("Ben S. Bernanke", "person", "Chairman", 2),
            row("George H.W. Bush", "person", "Former President", 1),
            row("George W. Bush", "person", "President", 1),
        ]
    );
    assert_eq!(middle("George H.W. Bush"), "HW");
    assert_eq!(middle("Ben S. Bernanke"), "S");
    assert_eq!(middle("Ben Bernanke"), "");
}

#[test]
fn particles_belong_to_the_surname() {
    assert_eq!(
        split("Marine Le Pen"),
        (Some("marine".into()), "lepen".into())
    );
    assert_eq!(split("Le Pen"), (None, "lepen".into()));
    assert_eq!(surname_as_written("Ursula von der Leyen"), "von der Leyen");
    let docs = ["Marine Le Pen said France must leave. Le Pen added that she would run."];
    assert_eq!(rows_of(&docs), [row("Marine Le Pen", "person", "", 2)]);
}

#[test]
fn places_outlets_and_institutions_are_no_people() {
    let docs = [
        "The Federal Reserve said the economy grew. The Wall Street Journal reported that \
         sales rose.",
        "\"We are fine,\" said Jim Vogel of FTN Financial.",
    ];
    assert_eq!(
        rows_of(&docs),
        [
            row("Federal Reserve", "organisation", "", 1),
            row("Jim Vogel", "person", "", 1),
            row("Journal", "organisation", "", 1),
        ]
    );
}

#[test]
fn a_lone_surname_goes_to_the_holder_whose_title_fits() {
    let docs = [
        "President Bill Clinton said the budget was balanced.",
        "Sen. Hillary Clinton said the bill would pass.",
        "President Clinton said he was glad.",
    ];
    assert_eq!(
        rows_of(&docs),
        [
            row("Bill Clinton", "person", "President", 2),
            row("Hillary Clinton", "person", "Sen", 1),
        ]
    );
}

#[test]
fn roles_shown_are_titles_not_fragments() {
    let docs = [
        "Chief economist Frank Nothaft said rates rose.",
        "Frank Nothaft said rates fell.",
        "Senior Frank Nothaft said rates held.",
    ];
    assert_eq!(
        rows_of(&docs),
        [row("Frank Nothaft", "person", "Chief economist", 3)]
    );
}

#[test]
fn a_double_surname_without_its_first_name_is_the_full_name() {
    assert_eq!(
        speakers_of(&[
            "Finance Minister Antonio Ortiz Mena said the loan was agreed.",
            "Mr Ortiz Mena said talks went well. Ortiz Mena added more.",
        ]),
        [("Antonio Ortiz Mena".to_string(), 3)]
    );
    // Names that stay as they are.
    let unchanged = |v: &[&str]| {
        let names: Vec<Cow<'_, str>> = v.iter().map(|&s| Cow::Borrowed(s)).collect();
        assert_eq!(double_surnames(names.clone()), names);
    };
    // Two full names end with it.
    unchanged(&["Antonio Ortiz Mena", "Maria Ortiz Mena", "Ortiz Mena"]);
    // A given name first, an initial, a company: no double surname.
    unchanged(&[
        "Harry David Cameron",
        "David Cameron",
        "Ben S. Bernanke",
        "S. Bernanke",
        "Penn Pacific Corp",
        "Pacific Corp",
    ]);
}
