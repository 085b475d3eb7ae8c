//! Evidence of what a capitalised name is, from the lexicon's open data
//! ([`crate::lexicon::gazetteer`]): capitalisation alone makes no one a person.
//!
//! - [`not_a_person`]: a place, a nationality, a news outlet, an institution or a company
//!   ("Federal Reserve", "New York", "Wall Street Journal", "FTN Financial", "Senate
//!   Democrats", "Oracle Nasdaq"), the whole name or a part of it. A name that opens with a
//!   given name is a person's unless the whole name is listed or ends in a company's legal
//!   form ("Merrill Lynch", "Charles Schwab Corp").
//! - [`has_given_name`]: a name of two words or more that opens with a given name of the
//!   shipped list ("Ben S. Bernanke", "Sung Won Sohn") or an initial ("J. Smith").
//!
//! The other evidence of a person (a title or honorific before the name, a pronoun that
//! refers to it, the full name elsewhere) is the attribution's and the merge's. Each name is
//! asked about once per document statement or once per distinct name of the corpus, never
//! per word of the text. No I/O, never fails.

use super::words::{self, List, is_capitalised};
use crate::lexicon;

/// The whole name is a place, an institution, a news outlet or a nationality in the lexicon.
pub fn is_listed_place_or_body(name: &str) -> bool {
    lexicon::is_news_organisation(name)
        || lexicon::is_institution(name)
        || lexicon::is_place(name)
        || lexicon::is_nationality(name)
}

/// Whether the lexicon says `name` is no person: a place, nationality, news outlet,
/// institution or company, or a name with one inside it.
pub fn not_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(&first) = words.first() else {
        return false;
    };
    if is_listed_place_or_body(name) {
        return true;
    }
    let company = |w: &str| lexicon::is_company_suffix(w) || words::is(List::CompanySuffix, w);
    if words.len() > 1 && words[1..].iter().any(|w| company(w)) {
        return true;
    }
    // An acronym or a word in capitals ("ING Direct", "LIKE MANY OTHER", "Dealers NASD"), an
    // event's word ("Brexit", "World War II"), a furniture word ("Horror Story"), a stop word
    // of four letters or more after the first ("Shelby Should", "Missouri We're"; not "Sung
    // Won Sohn") or of three last ("B. Any"), a common word last ("N.J. Analysts", "A.
    // During"), a possessive inside ("Martin Scorsese's Aviator") or last ("Macy's"), a
    // nationality first ("Philippine Investment Note"): no one's name.
    let last = words[words.len() - 1];
    // The English stop words ("should", "during", "we're"): no word of a name after its first.
    let stop =
        |w: &str| lexicon::function_words().contains(&w.to_lowercase().replace('\u{2019}', "'"));
    let possessive = |w: &&str| words::without_possessive(w).is_some();
    let common = |w: &&str| {
        let l = words::lists(w);
        l.has(List::Event) || l.has(List::Furniture)
    };
    if words.iter().any(|w| is_shouted(w))
        || words.iter().any(common)
        || words[1..]
            .iter()
            .filter(|w| w.len() >= 4 || w.contains(['\'', '\u{2019}']))
            .any(|w| stop(w))
        || (words.len() > 1 && last.len() >= 3 && stop(last))
        || words[..words.len() - 1].iter().any(possessive)
        // A name that keeps its 's as a verb's subject ("Macy's said"): a shop's, no one's.
        || possessive(&last)
        || (words.len() > 1 && lexicon::is_nationality(first))
        // Initials alone ("B M", "M. G", "F T T": Usenet reply prefixes): no name left.
        || (words.len() > 1 && words.iter().all(|w| is_initial(w)))
        // "A. Net", "O Australia": a word, not an initial; "Can Yahoo": a stop word first.
        || (words.len() > 1 && matches!(first.trim_end_matches('.'), "A" | "I" | "O"))
        || (words.len() > 1 && stop(first) && !lexicon::is_ambiguous_given_name(first))
        // A state or country abbreviated first or last ("Camden N.J.", "U.K. Banking"), a
        // country or nationality last ("Tudor England", "Addressing Argentine").
        || (words.len() > 1 && (is_dotted(first) || is_dotted(last)))
        || (words.len() > 1
            && (words::is(List::Country, last)
                || lexicon::is_nationality(last)
                || words::is_nationality(last)))
        // A month after the first word ("Barack Market Nov"); "May" is a surname too.
        || words[1..].iter().any(|w| {
            crate::meta::dates::month_of(w).is_some() && !w.eq_ignore_ascii_case("may")
        })
        || (words.len() > 1
            && (words::is_starter(last)
                || words::is(List::GenericGroup, last)
                || words::is(List::BareNoun, last)))
    {
        return true;
    }
    let n = words.len();
    let listed_inside = |min: usize| {
        (0..n).any(|i| {
            (i + min..=n).filter(|&j| j - i < n).any(|j| {
                let part = words[i..j].join(" ");
                lexicon::is_news_organisation(&part)
                    || lexicon::is_institution(&part)
                    || (j - i >= 2 && lexicon::is_place(&part))
            })
        })
    };
    let body_word = |w: &&str| {
        is_capitalised(w)
            && (lexicon::is_institution_word(w) || words::is(List::Organisation, w))
            && !lexicon::is_ambiguous_given_name(w)
    };
    // A place last with no given name first: "Addressing Chicago" (not "Donald Houston").
    let place_last = n > 1 && lexicon::is_place(last) && !lexicon::is_given_name(last);
    if n > 1 && (lexicon::is_given_name(first) || is_initial(first)) {
        // "Dow Jones Industrial Average": a listed name of two words inside; "Calvert
        // Republicans", "Cisco Systems": a body's word or name last.
        // A listed body last only in the plural ("Republicans"; not "Gerald Ford").
        return listed_inside(2)
            || body_word(&last)
            || (last.ends_with('s') && lexicon::is_institution(last))
            || lexicon::is_news_organisation(last);
    }
    if place_last {
        return true;
    }
    // A word that names bodies ("Senate", "Financial", "Journal"), or a listed place, outlet
    // or institution inside the name: a place of two words or more ("New York Fed"), an
    // outlet or institution of any length ("Oracle Nasdaq").
    if words.iter().any(body_word) {
        return true;
    }
    listed_inside(1)
}

/// Letters with full stops between them, two or more ("N.J.", "U.K."; not "J.", "J.P" is).
fn is_dotted(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.trim_end_matches('.').contains('.')
}

/// A word of two letters or more in capitals, not initials ("NASD", "ING", "WATCHED"; not
/// "H.W." nor a Roman numeral).
fn is_shouted(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !word.contains('.')
        && word.chars().all(|c| !c.is_lowercase())
        && !word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Whether `name` is of two words or more and opens with a given name of the shipped list
/// or an initial: evidence of a person.
pub fn has_given_name(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let (Some(first), Some(_)) = (words.next(), words.next()) else {
        return false;
    };
    lexicon::is_given_name(first)
        || is_initial(first)
        // "Will Smith", not "Texas Rep" nor "Jordan Valley".
        || (lexicon::is_ambiguous_given_name(first) && !lexicon::is_place(first))
}

/// "J.", "J": one capital letter (not "N.J.", a state).
fn is_initial(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1 && word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_outlets_institutions_and_companies_are_no_people() {
        for name in [
            "Federal Reserve",
            "New York",
            "San Diego",
            "New Zealand",
            "Wall Street Journal",
            "Journal",
            "FTN Financial",
            "Senate Democrats",
            "Oracle Nasdaq",
            "New York Fed",
            "Puerto Rico Senate",
            "Freddie Mac",
            "Merrill Lynch",
            "Charles Schwab Corp",
            "Reuters",
            "Brexit Party",
            "Dow Jones Industrial Average",
            "ING Direct Internet",
            "MUST WATCH Trump",
            "N.J. Analysts",
            "A. During",
            "Brexit",
            "World War II",
            "Horror Story",
            "Shelby Should",
            "Barack Market Nov",
            "Martin Scorsese's Aviator",
            "Calvert Republicans",
            "Cisco Systems",
            "A. Net",
            "B. Any",
            "International Natural Rubber Agreement",
            "Orthodox Church",
            "Jason Russia",
            "Camden N.J.",
            "Can Yahoo",
            "Addressing Argentine",
            "B M",
            "M. G",
            "F T T",
        ] {
            assert!(not_a_person(name), "{name}");
        }
    }

    #[test]
    fn people_stay_people_even_with_a_listed_word_inside() {
        for name in [
            "Ben S. Bernanke",
            "Alan Greenspan",
            "Gerald Ford",
            "Jim Vogel",
            "Marine Le Pen",
            "Bernanke",
            "Sung Won Sohn",
            "George H.W. Bush",
            "Pope John Paul II",
            "David Frost",
            "Theresa May",
            "Yo-Yo Ma",
        ] {
            assert!(!not_a_person(name), "{name}");
        }
    }

    #[test]
    fn a_given_name_or_an_initial_first_is_evidence_of_a_person() {
        for name in ["Ben S. Bernanke", "Donald Trump", "J. Smith", "Theresa May"] {
            assert!(has_given_name(name), "{name}");
        }
        for name in [
            "Horror Story",
            "Texas Rep",
            "Bernanke",
            "Hide Caption",
            "Story",
        ] {
            assert!(!has_given_name(name), "{name}");
        }
    }
}
