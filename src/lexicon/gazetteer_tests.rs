use super::*;

/// Checks a predicate on each word: `expected` for all of them.
fn check(what: &str, f: fn(&str) -> bool, words: &[&str], expected: bool) {
    for w in words {
        assert_eq!(f(w), expected, "{what}({w:?})");
    }
}

#[test]
fn given_names_of_people_in_the_news() {
    let names = [
        "Volodymyr",
        "Sergey",
        "Sergei",
        "Dmitry",
        "Oleksiy",
        "Oleksandr",
        "Mykhailo",
        "Narendra",
        "Theresa",
        "Emmanuel",
        "Olaf",
        "Recep",
        "Tayyip",
        "Jinping",
        "Mohammed",
        "Muhammad",
        "Ebrahim",
        "Cyril",
        "Muhammadu",
        "Luiz",
        "Giorgia",
        "Keir",
        "Kamala",
        "Benjamin",
        "Shehbaz",
        "Xochitl",
        "Tedros",
        "Abiy",
        "Kassym-Jomart",
        "Jean-Luc",
        "David",
        "Vladimir",
    ];
    check("is_given_name", is_given_name, &names, true);
    check(
        "is_ambiguous_given_name",
        is_ambiguous_given_name,
        &names,
        false,
    );
}

#[test]
fn given_names_ignore_case_and_keep_accents_and_their_folding() {
    let names = [
        "volodymyr",
        "VOLODYMYR",
        "José",
        "JOSÉ",
        "jose",
        "François",
        "Francois",
    ];
    check("is_given_name", is_given_name, &names, true);
    check(
        "is_given_name",
        is_given_name,
        &["Zoë", "Zoe", "Élisabeth", "Elisabeth"],
        true,
    );
}

#[test]
fn words_of_news_pages_are_no_given_names() {
    let words = [
        "Story",
        "Caption",
        "Brexit",
        "Reuters",
        "The",
        "Minister",
        "President",
        "Police",
        "Court",
        "Said",
        "Mr",
        "Sir",
        "King",
        "Al",
        "Bin",
        "Van",
        "Unknown",
        "Baby",
        "Apple",
        "Tesla",
        "Smith",
        "",
        " ",
    ];
    check("is_given_name", is_given_name, &words, false);
    let not_even_ambiguous = [
        "Story", "Caption", "Brexit", "The", "Court", "Unknown", "Baby",
    ];
    check(
        "is_ambiguous_given_name",
        is_ambiguous_given_name,
        &not_even_ambiguous,
        false,
    );
}

#[test]
fn names_that_are_words_or_places_are_ambiguous() {
    let names = [
        "Will",
        "May",
        "June",
        "Grace",
        "Hope",
        "Bill",
        "Mark",
        "Rob",
        "Art",
        "China",
        "Georgia",
        "Paris",
        "Washington",
        "Jordan",
        "Israel",
        "Victoria",
        "Christian",
        "Xinhua",
        "Austin",
    ];
    check(
        "is_ambiguous_given_name",
        is_ambiguous_given_name,
        &names,
        true,
    );
    check("is_given_name", is_given_name, &names, false);
}

#[test]
fn places() {
    let places = [
        "New Zealand",
        "new zealand",
        "NEW ZEALAND",
        "  New   Zealand ",
        "San Diego",
        "Donetsk",
        "Luhansk",
        "Crimea",
        "Kherson",
        "Zaporizhzhia",
        "Kyiv",
        "Kiev",
        "Donetsk region",
        "Kharkiv Oblast",
        "Belgorod",
        "Chechnya",
        "US",
        "UK",
        "Britain",
        "Russia",
        "the Netherlands",
        "The Netherlands",
        "Netherlands",
        "The Hague",
        "Côte d’Ivoire",
        "Gaza Strip",
        "West Bank",
        "Texas",
        "Scotland",
        "Yorkshire",
        "Middle East",
        "São Paulo",
        "Sao Paulo",
        "Zürich",
        "Zurich",
        "Geneva",
        "Boston",
        "Austin",
        "Mariupol",
        "Bakhmut",
    ];
    check("is_place", is_place, &places, true);
    let not_places = [
        "Story",
        "Reuters",
        "Volodymyr",
        "David",
        "Police",
        "Union",
        "The",
        "the",
        "",
        "Ukrainian",
    ];
    check("is_place", is_place, &not_places, false);
}

#[test]
fn nationalities() {
    let words = [
        "Ukrainian",
        "Ukrainians",
        "Russian",
        "British",
        "Britons",
        "Kurds",
        "Israeli",
    ];
    check("is_nationality", is_nationality, &words, true);
    check(
        "is_nationality",
        is_nationality,
        &["Ukraine", "Kyiv", "Reuters", "Volodymyr"],
        false,
    );
}

#[test]
fn news_organisations() {
    let names = [
        "Reuters",
        "reuters",
        "AP",
        "Associated Press",
        "AFP",
        "TASS",
        "Sputnik",
        "RIA Novosti",
        "Interfax",
        "Xinhua",
        "BBC",
        "CNN",
        "Fox News",
        "the Guardian",
        "The Guardian",
        "Guardian",
        "New York Times",
        "the New York Times",
        "Al Jazeera",
        "Kyiv Independent",
    ];
    check("is_news_organisation", is_news_organisation, &names, true);
    // Acronyms match only in capitals: "ap", "Bbc" and "Mia" are not outlets.
    let not_outlets = [
        "ap",
        "Ap",
        "Bbc",
        "Mia",
        "Story",
        "Kremlin",
        "Volodymyr",
        "",
    ];
    check(
        "is_news_organisation",
        is_news_organisation,
        &not_outlets,
        false,
    );
}

#[test]
fn institutions() {
    let names = [
        "Kremlin",
        "the Kremlin",
        "NATO",
        "Nato",
        "Hamas",
        "the White House",
        "Pentagon",
    ];
    check("is_institution", is_institution, &names, true);
    check(
        "is_institution",
        is_institution,
        &["who", "Who", "nato", "Volodymyr", "Reuters"],
        false,
    );
    check("is_institution", is_institution, &["WHO"], true);
}

#[test]
fn institution_words() {
    let words = [
        "Ministry",
        "ministry",
        "Department",
        "Commission",
        "Council",
        "Agency",
        "Bank",
        "Fund",
        "Party",
        "Union",
        "Court",
        "Parliament",
        "Senate",
        "Congress",
        "Reserve",
        "Exchange",
        "Index",
    ];
    check("is_institution_word", is_institution_word, &words, true);
    check(
        "is_institution_word",
        is_institution_word,
        &["Minister", "Volodymyr", "Said"],
        false,
    );
}

#[test]
fn company_suffixes() {
    let words = [
        "Inc", "Inc.", "Corp", "Ltd", "Ltd.", "PLC", "plc", "Plc", "LLC", "AG", "SA", "S.A.", "NV",
        "N.V.", "GmbH", "Co", "Co.",
    ];
    check("is_company_suffix", is_company_suffix, &words, true);
    check(
        "is_company_suffix",
        is_company_suffix,
        &["sa", "as", "ag", "Story", "eg", ""],
        false,
    );
}

#[test]
fn helpers() {
    assert!(is_capitals("RFE/RL") && is_capitals("G7") && !is_capitals("dpa") && !is_capitals("7"));
    assert_eq!(tidy("  Côte d’Ivoire \t"), "Côte d'Ivoire");
    assert_eq!(without_the("the Netherlands"), Some("Netherlands"));
    assert_eq!(without_the("The  Hague"), Some("Hague"));
    assert_eq!(without_the("the "), None);
    assert_eq!(without_the("Thebes"), None);
    assert_eq!(with_lower("ÉLISABETH", str::to_owned), "élisabeth");
}

/// Every list: one entry a line, trimmed, sorted, without duplicates or blank lines; the
/// given-name lists in lower case and apart from each other.
#[test]
fn files_are_sorted_unique_and_tidy() {
    let files = [
        ("given_names.txt", GIVEN_NAMES),
        ("given_names_ambiguous.txt", AMBIGUOUS_GIVEN_NAMES),
        ("places.txt", PLACES),
        ("nationalities.txt", NATIONALITIES),
        ("organisations.txt", ORGANISATIONS),
        ("institutions.txt", INSTITUTIONS),
        ("institution_words.txt", INSTITUTION_WORDS),
        ("company_forms.txt", COMPANY_FORMS),
    ];
    for (name, text) in files {
        assert!(text.ends_with('\n'), "{name}: no final newline");
        let lines: Vec<&str> = text.lines().collect();
        assert!(!lines.is_empty(), "{name}: empty");
        for pair in lines.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        for l in &lines {
            assert!(!l.is_empty() && l.trim() == *l, "{name}: line {l:?}");
            assert!(!l.contains("  ") && !l.contains('\t'), "{name}: line {l:?}");
        }
    }
    for text in [GIVEN_NAMES, AMBIGUOUS_GIVEN_NAMES] {
        assert!(
            text.lines().all(|l| l == l.to_lowercase()),
            "a given name not in lower case"
        );
    }
    let plain: AHashSet<&str> = entries(GIVEN_NAMES).collect();
    let both: Vec<&str> = entries(AMBIGUOUS_GIVEN_NAMES)
        .filter(|n| plain.contains(n))
        .collect();
    assert!(both.is_empty(), "in both given-name lists: {both:?}");
}

#[test]
fn lists_have_their_expected_sizes() {
    load();
    let l = &*LEXICON;
    assert!(l.given_names.len() > 40_000, "{}", l.given_names.len());
    assert!(l.ambiguous_given_names.len() > 1_000);
    assert!(l.places.len() > 30_000);
    assert!(l.nationalities.len() > 500);
    assert!(l.organisations.capitals.len() + l.organisations.folded.len() > 500);
    assert!(l.institutions.len() > 300);
}
