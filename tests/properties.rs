//! Property tests: the tokenizer, the date finder, the boilerplate filter and speaker
//! attribution on arbitrary Unicode and on news-shaped noise never panic and keep their
//! invariants; adversarial inputs (a 1 MB line, 100,000 quote marks, a name repeated
//! thousands of times) finish.

use newsreport::meta::boilerplate::{RecurringLines, clean};
use newsreport::meta::dates::find_date;
use newsreport::speakers::attribute;
use newsreport::text::tokenize::tokenize;
use newsreport::text::{Analyzer, Stemmer, StopWords};
use proptest::prelude::*;

/// Pieces real articles are made of, including the awkward ones, so that random texts reach
/// the rules (verbs, names, quotes, dates, captions, share buttons), not only the fallbacks.
const PIECES: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "he",
    "she",
    "they",
    "the minister",
    "the Kremlin",
    "Sergei",
    "Sergey",
    "Lavrov",
    "Mr",
    "Blair",
    "Putin's",
    "U.S.",
    "NATO",
    "Dr.",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "'",
    "\u{2019}",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "\u{2026}",
    "(",
    ")",
    "-",
    "\u{2014}",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "date 2019-12-11",
    "March 5, 2018",
    "5 March 2018",
    "14:57 GMT +3 11 December 2019",
    "Monday",
    "2020-W53",
    "31/02/2019",
    "9999-99-99",
    "MOSCOW, March 2 -",
    "Share",
    "Comments",
    "Photo: Reuters",
    "\u{a9} Sputnik",
    "--",
    "2,000",
    "3.5%",
    "\u{feff}",
    "\u{200b}",
    "e\u{301}",
    "\u{1F600}",
    "\u{41F}\u{443}\u{442}\u{438}\u{43D}",
    "\u{5E9}\u{5DC}\u{5D5}\u{5DD}",
    "\0",
    "\u{fffd}",
    "talks",
    "missile defense",
    "WASHINGTON",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(String::from),
            1 => any::<String>(),
            1 => "[A-Z][a-z]{1,8}",
        ],
        0..120,
    )
    .prop_map(|parts| parts.join(" "))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy()]
}

fn check_tokens(text: &str) {
    let tokens = tokenize(text);
    let mut last_start = None;
    let mut last_sentence = 0;
    for t in &tokens {
        assert!(!t.text.is_empty());
        assert_eq!(&text[t.start..t.start + t.text.len()], t.text);
        if let Some(s) = last_start {
            assert!(t.start > s, "tokens in order");
        }
        assert!(t.sentence >= last_sentence, "sentences in order");
        last_start = Some(t.start);
        last_sentence = t.sentence;
    }
}

fn check_date(text: &str) {
    let found = find_date(text);
    if let Some(d) = found.date {
        use chrono::Datelike;
        assert!((1800..=2100).contains(&d.year()), "{d}");
        assert!(found.problem.is_none());
    }
    if found.problem.is_some() {
        assert!(found.date.is_none() && !found.raw.is_empty());
    }
}

fn check_clean(text: &str) {
    let cleaned = clean(text, &RecurringLines::none());
    let before: Vec<&str> = text.split('\n').collect();
    let after: Vec<&str> = cleaned.text.split('\n').collect();
    assert_eq!(before.len(), after.len(), "line structure kept");
    let mut emptied = 0;
    for (b, a) in before.iter().zip(&after) {
        assert!(a == b || a.is_empty(), "a line is kept whole or removed");
        emptied += usize::from(a != b);
    }
    assert!(emptied <= cleaned.removed_lines);
    assert!(cleaned.removed_lines <= before.len());
}

fn check_speech(text: &str) {
    let sentences = tokenize(text).last().map_or(0, |t| t.sentence + 1);
    let speech = attribute(text, None);
    for s in &speech.statements {
        assert!(
            s.sentence < sentences.max(1),
            "sentence {} of {sentences}",
            s.sentence
        );
        assert!(!s.speaker().trim().is_empty());
        assert!(!s.verb().is_empty());
        assert_eq!(s.verb(), s.verb().to_lowercase());
    }
    for m in speech.mentions.get().iter() {
        assert!(!m.name.trim().is_empty());
    }
}

fn check_analysis(text: &str) {
    let analyzer = Analyzer::new(StopWords::nltk_english(), Stemmer::english());
    let a = analyzer.analyze(text);
    assert_eq!(a.tokens as usize, tokenize(text).len());
    let counted: u64 = a.terms.iter().map(|&(_, n)| u64::from(n)).sum();
    assert!(counted <= u64::from(a.tokens));
    assert!(a.terms.iter().all(|&(_, n)| n > 0));
}

proptest! {
    // 256 cases each by default; PROPTEST_CASES=100000 makes a long fuzzing run.

    #[test]
    fn tokenizer_slices_the_text_in_order(s in text()) { check_tokens(&s); }

    #[test]
    fn date_finder_gives_valid_dates_or_a_reason(s in text()) { check_date(&s); }

    #[test]
    fn boilerplate_filter_keeps_or_removes_whole_lines(s in text()) { check_clean(&s); }

    #[test]
    fn attribution_names_a_speaker_and_a_sentence(s in text()) { check_speech(&s); }

    #[test]
    fn analysis_counts_add_up(s in text()) { check_analysis(&s); }
}

/// Adversarial inputs: every stage finishes and keeps its invariants.
#[test]
fn adversarial_inputs_finish() {
    let cases: Vec<(&str, String)> = vec![
        ("1 MB line", "word ".repeat(200_000)),
        ("1 MB without spaces", "x".repeat(1 << 20)),
        ("100,000 quote marks", "\"".repeat(100_000)),
        ("100,000 curly quotes", "\u{201C}\u{201D}".repeat(50_000)),
        (
            "a name repeated",
            "Sergei Lavrov said Lavrov told Lavrov ".repeat(20_000),
        ),
        ("a name without end", "Sergei ".repeat(100_000) + "said."),
        (
            "titles without end",
            "Russian Deputy Foreign ".repeat(30_000) + "Minister said.",
        ),
        ("10,000 short lines", "Share\n".repeat(10_000)),
        ("100,000 full stops", ". ".repeat(100_000)),
        ("open brackets", "(".repeat(100_000)),
        ("digits", "2019-12-11 ".repeat(50_000)),
    ];
    for (what, text) in &cases {
        let started = std::time::Instant::now();
        check_tokens(text);
        check_date(text);
        check_clean(text);
        check_speech(text);
        check_analysis(text);
        // Not a speed test: a generous bound that only a quadratic blow-up would cross.
        let took = started.elapsed();
        assert!(
            took < std::time::Duration::from_secs(60),
            "{what}: {took:?}"
        );
    }
}
