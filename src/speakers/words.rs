//! The speaker attribution's word lists, and the tests of one word they make.
//!
//! Every list is data: `words/*.txt` beside this module (one entry a line, `#` comments),
//! plus the shared honorifics and company suffixes of [`crate::lexicon`]. They are read
//! once into one table from word to the lists that hold it, so that one lookup answers
//! "is it a role, a nationality, an honorific or a pronoun" for the many capitalised words
//! asked about. Lookups ignore ASCII case and do not allocate. No I/O, never fails.

use std::sync::LazyLock;

use ahash::AHashMap;

use crate::lexicon::{self, entries};

/// The word lists of speaker attribution, one bit each in [`Lists`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Reporting verbs, in the forms news uses ("said", "expressed", "noting").
    Verb,
    /// Words of time between a verb and its "that" ("revealed earlier this week that").
    TimeWord,
    /// Words between a speaker and the verb that do not break the link ("has", "also").
    Between,
    /// "he", "she", "they", "it".
    Pronoun,
    /// Auxiliaries that make a verb passive ("was", "been").
    Passive,
    /// People in general ("analysts", "experts").
    GenericGroup,
    /// People in general too vague to be a source ("people").
    VagueGroup,
    /// Those who speak for an organisation ("officials", "spokesman").
    Spokesperson,
    /// Words that make a name one of several ("some", "many").
    Quantifier,
    /// Titles after a name ("MSP", "MP", "Jr").
    Postnominal,
    /// Titles and role words ("president", "deputy", "foreign").
    Role,
    /// Nationality adjectives without the usual endings ("American", "French").
    Nationality,
    /// First names spelt like nationality adjectives ("Brian", "Jean").
    NationalityLikeName,
    /// "Mr", "Mrs", "Dr", "Lord" (shared: [`lexicon::honorifics`]).
    Honorific,
    /// Nouns a description of a person ends in ("minister", "diplomat").
    DescriptionNoun,
    /// People described but often not named ("source", "insider"): anonymous sources.
    AnonymousNoun,
    /// Organisation words and names ("ministry", "Kremlin").
    Organisation,
    /// Countries and capitals that speak for their governments ("Russia", "Moscow").
    Country,
    /// Common nouns that name no one on their own ("company", "sources").
    BareNoun,
    /// "Inc", "Corp", "plc" (shared: [`lexicon::company_suffixes`]).
    CompanySuffix,
    /// Writings that speak for their writer ("message", "letter").
    Writing,
    /// Writings a body publishes ("report", "study"): the body named before them speaks.
    Report,
    /// Verbs of sending a writing ("sent", "addressed").
    Sending,
    /// Determiners that open a description ("the", "a", "its").
    Determiner,
    /// Capitalised words that start sentences but are not names ("The", "However").
    SentenceStarter,
    /// Rank words of a title ("deputy", "acting").
    RankWord,
    /// Titles written abbreviated ("Gen.", "Rep."; shared: [`lexicon::TITLE_ABBREVIATIONS_TXT`]).
    TitleAbbreviation,
    /// Particles inside a surname ("Le" of "Le Pen", "van", "de").
    Particle,
    /// Words of page furniture that never speaks ("Hide Caption", "JUST WATCHED").
    Furniture,
    /// Head nouns of a person's title ("economist", "strategist"; see [`is_valid_role`]).
    RoleNoun,
    /// Words of events' names ("Brexit", "War", "Olympics"): no person's name holds one.
    Event,
}

/// Each list and its file. The shared lists mark abbreviations with a trailing full stop.
const FILES: &[(List, &str)] = &[
    (List::Verb, include_str!("words/verbs.txt")),
    (List::TimeWord, include_str!("words/time_words.txt")),
    (List::Between, include_str!("words/between.txt")),
    (List::Pronoun, include_str!("words/pronouns.txt")),
    (List::Passive, include_str!("words/passive.txt")),
    (List::GenericGroup, include_str!("words/generic_groups.txt")),
    (List::VagueGroup, include_str!("words/vague_groups.txt")),
    (List::Spokesperson, include_str!("words/spokespeople.txt")),
    (List::Quantifier, include_str!("words/quantifiers.txt")),
    (List::Postnominal, include_str!("words/postnominals.txt")),
    (List::Role, include_str!("words/roles.txt")),
    (List::Nationality, include_str!("words/nationalities.txt")),
    (
        List::NationalityLikeName,
        include_str!("words/nationality_like_names.txt"),
    ),
    (List::Honorific, lexicon::HONORIFICS_TXT),
    (
        List::DescriptionNoun,
        include_str!("words/description_nouns.txt"),
    ),
    (
        List::AnonymousNoun,
        include_str!("words/anonymous_nouns.txt"),
    ),
    (List::Organisation, include_str!("words/organisations.txt")),
    (List::Country, include_str!("words/countries.txt")),
    (List::BareNoun, include_str!("words/bare_nouns.txt")),
    (List::CompanySuffix, lexicon::COMPANY_SUFFIXES_TXT),
    (List::Writing, include_str!("words/writings.txt")),
    (List::Report, include_str!("words/reports.txt")),
    (List::Sending, include_str!("words/sending.txt")),
    (List::Determiner, include_str!("words/determiners.txt")),
    (
        List::SentenceStarter,
        include_str!("words/sentence_starters.txt"),
    ),
    (List::RankWord, include_str!("words/rank_words.txt")),
    (List::TitleAbbreviation, lexicon::TITLE_ABBREVIATIONS_TXT),
    (List::Particle, include_str!("words/particles.txt")),
    (List::Furniture, include_str!("words/furniture.txt")),
    (List::RoleNoun, include_str!("words/role_nouns.txt")),
    (List::Event, include_str!("words/events.txt")),
];

/// The lists that hold a word, one bit per [`List`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lists(u32);

impl Lists {
    #[inline]
    pub fn has(self, list: List) -> bool {
        self.0 & bit(list) != 0
    }
}

const fn bit(list: List) -> u32 {
    1 << list as u32
}

/// The entries of a list's file, as written (without the shared lists' abbreviation mark).
pub fn entries_of(list: List) -> impl Iterator<Item = &'static str> {
    FILES
        .iter()
        .filter(move |(l, _)| *l == list)
        .flat_map(|(l, text)| {
            let marked = matches!(
                l,
                List::Honorific | List::CompanySuffix | List::TitleAbbreviation
            );
            entries(text).map(move |w| {
                if marked {
                    w.strip_suffix('.').unwrap_or(w)
                } else {
                    w
                }
            })
        })
}

/// Word (lower-case bytes) -> the lists that hold it, and cheap first tests: for each list,
/// and for all lists together, the lengths its entries have for each first letter, one bit
/// each. Most words asked about are in no list, and fail the test without being lowered or
/// hashed.
struct Table {
    lists: AHashMap<&'static [u8], u32>,
    /// Index 0: all lists; index `1 + list`: one list.
    shapes: Vec<[u32; 26]>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut lists: AHashMap<&'static [u8], u32> = AHashMap::new();
    let mut shapes = vec![[0u32; 26]; FILES.len() + 1];
    for &(list, _) in FILES {
        for w in entries_of(list) {
            *lists.entry(w.as_bytes()).or_default() |= bit(list);
            if let Some(f) = w.bytes().next().filter(u8::is_ascii_lowercase)
                && w.len() < 32
            {
                let (f, len) = (usize::from(f - b'a'), 1 << w.len());
                shapes[0][f] |= len;
                shapes[1 + list as usize][f] |= len;
            }
        }
    }
    Table { lists, shapes }
});

/// The lists of shape `shape` (see [`Table`]) that hold `word`.
#[inline]
fn lookup(shape: usize, word: &str) -> Lists {
    let table = &*TABLE;
    let b = word.as_bytes();
    let may_be = match b.first() {
        Some(f) if f.is_ascii_alphabetic() && b.len() < 32 => {
            let f = usize::from(f.to_ascii_lowercase() - b'a');
            table.shapes[shape][f] & (1 << b.len()) != 0
        }
        _ => false,
    };
    if !may_be || !word.is_ascii() {
        return Lists(0);
    }
    let mut buf = [0u8; 32];
    let lower = &mut buf[..b.len()];
    lower.copy_from_slice(b);
    lower.make_ascii_lowercase();
    Lists(table.lists.get(&*lower).copied().unwrap_or(0))
}

/// The lists that hold `word`, in any case (none for a word with non-ASCII letters: the
/// lists have none).
#[inline]
pub fn lists(word: &str) -> Lists {
    lookup(0, word)
}

/// Whether `list` holds `word`, in any case.
#[inline]
pub fn is(list: List, word: &str) -> bool {
    lookup(1 + list as usize, word).has(list)
}

/// A cheap first test for "may this word be a reporting verb (or 'according')": the pairs
/// of first and last letter the verbs have, one bit each. Most words fail it, so the verb
/// list is looked up for few of them.
static VERB_ENDS: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut ends = [0u32; 26];
    for w in entries_of(List::Verb).chain(["according"]) {
        let b = w.as_bytes();
        if let (Some(&f), Some(&l)) = (b.first(), b.last())
            && f.is_ascii_lowercase()
            && l.is_ascii_lowercase()
        {
            ends[usize::from(f - b'a')] |= 1 << (l - b'a');
        }
    }
    ends
});

/// Whether `word` may be a reporting verb or "according" (false: it is neither).
#[inline]
pub fn may_be_verb(word: &str) -> bool {
    let b = word.as_bytes();
    if !word.is_ascii() {
        return true; // left to the full test
    }
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_alphabetic() && l.is_ascii_alphabetic() => {
            let (f, l) = (f.to_ascii_lowercase(), l.to_ascii_lowercase());
            VERB_ENDS[usize::from(f - b'a')] & (1 << (l - b'a')) != 0
        }
        _ => false,
    }
}

pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Case-insensitive membership in a short list written in the code (lists are lower-case
/// ASCII).
#[inline]
pub fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[inline]
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word in capitals throughout, of two letters or more ("BANK", "SAYS"): in a line written
/// so, a capital is no evidence of a name. Acronyms are such words too, which is why only
/// runs of them are judged (see [`super::sentence::Sentence::is_shouted`]).
pub fn is_shouted(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !word.chars().any(char::is_lowercase)
}

/// Whether `text` has `word` after a lower-case word or a comma: written capitalised where
/// no sentence starts, so a name rather than a sentence's first word ("Shares fell", "Subject
/// says it all").
pub fn capitalised_inside(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].strip_suffix(' ');
        let after = text[at + word.len()..].chars().next();
        before.is_some_and(|b| b.ends_with(|c: char| c.is_lowercase() || c == ','))
            && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `word` without its possessive `'s` or `’s`, if it ends in one ("Putin's" -> "Putin"). A
/// lower-case s only: a name in capitals keeps its `'S` ("HECK'S").
pub fn without_possessive(word: &str) -> Option<&str> {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
}

/// A word of lower-case letters ("economic", "issues").
pub fn is_lower_word(w: &str) -> bool {
    w.chars().all(char::is_lowercase)
}

/// Nationality adjectives by their endings: "Russian", "Ukrainian", "British", "Chinese"
/// (the others, "American", "French", are in [`List::Nationality`]).
pub fn is_nationality(word: &str) -> bool {
    let ends = |suffix: &str| {
        word.len() > suffix.len()
            && word
                .get(word.len() - suffix.len()..)
                .is_some_and(|e| e.eq_ignore_ascii_case(suffix))
    };
    is_capitalised(word)
        && (ends("ian") || ends("ean") || ends("ese") || ends("ish"))
        && !is(List::NationalityLikeName, word)
}

/// A nationality adjective, listed ("American") or known by its ending ("Egyptian").
pub fn is_any_nationality(word: &str) -> bool {
    is(List::Nationality, word) || is_nationality(word)
}

/// A title or role word, or a nationality: a run of these before a name is its role.
pub fn is_role_word(word: &str) -> bool {
    let l = lists(word);
    l.has(List::Role)
        || l.has(List::Nationality)
        || l.has(List::TitleAbbreviation)
        || is_nationality(word)
}

/// Whether a role is a title phrase ("Federal Reserve Chairman", "chief economist at
/// Freddie Mac", "Rep"), not a fragment ("leaders to", "senior", "press", "Australian and",
/// "U.S."): it has a title's head noun and does not end in a word that joins.
pub fn is_valid_role(role: &str) -> bool {
    let Some(last) = role.split_whitespace().next_back() else {
        return false;
    };
    let joins = [
        "of", "the", "to", "and", "for", "at", "in", "with", "on", "by", "a", "an", "or",
    ];
    !in_list(&joins, last)
        && role.split_whitespace().any(|w| {
            let w = w.trim_end_matches('.');
            let l = lists(w);
            l.has(List::RoleNoun) || l.has(List::DescriptionNoun) || l.has(List::TitleAbbreviation)
        })
}

/// A party and state tag after a lawmaker's name ("D-N.Y.", "R-Texas"): no part of it.
pub fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Weekdays and months: capitalised, but never part of a name ("Thursday Mr Blair").
pub fn is_calendar(word: &str) -> bool {
    // Full names only: "Sun" may be the newspaper, "May" the politician.
    (word.len() >= 6 && crate::meta::dates::is_weekday(word))
        || (word.len() >= 4 && crate::meta::dates::month_of(word).is_some())
}

/// A word that can be part of a person's or organisation's name.
pub fn is_name_word(word: &str) -> bool {
    if !is_capitalised(word) {
        return false;
    }
    let l = lists(word);
    let role = l.has(List::Role)
        || l.has(List::Nationality)
        || l.has(List::TitleAbbreviation)
        || is_nationality(word);
    let other = l.has(List::Honorific)
        || is_party_tag(word)
        || is_calendar(word)
        || l.has(List::Pronoun)
        || in_list(&["you", "your", "our", "my", "his", "her", "their"], word)
        // "I'd say", "I've", "I'm": the speaker's own words.
        || word.starts_with("I'")
        || word.starts_with("I\u{2019}");
    !role && !other
}

/// A capitalised word that starts sentences but is no name ("The", "However").
pub fn is_starter(word: &str) -> bool {
    is(List::SentenceStarter, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_title_phrases_and_party_tags_no_names() {
        for role in [
            "Federal Reserve Chairman",
            "chief economist at Freddie Mac",
            "Rep",
            "Deputy Treasury Secretary",
        ] {
            assert!(is_valid_role(role), "{role}");
        }
        for role in [
            "leaders to",
            "senior",
            "press",
            "Australian and",
            "U.S.",
            "",
        ] {
            assert!(!is_valid_role(role), "{role}");
        }
        assert!(is_party_tag("D-N.Y"));
        assert!(is_party_tag("R-Texas"));
        assert!(!is_party_tag("Kilroy-Silk"));
        assert!(!is_name_word("D-Mich"));
    }

    #[test]
    fn every_list_is_read_in_lower_case() {
        for &(list, _) in FILES {
            let words: Vec<&str> = entries_of(list).collect();
            assert!(!words.is_empty(), "{list:?}");
            for w in words {
                assert_eq!(w, w.to_lowercase(), "{list:?}: {w:?}");
                // The first test of [`lists`] knows only such words.
                assert!(w.starts_with(|c: char| c.is_ascii_lowercase()) && w.len() < 32);
                assert!(is(list, w), "{list:?}: {w:?}");
            }
        }
        assert_eq!(entries_of(List::Verb).count(), 106);
    }

    #[test]
    fn one_lookup_tells_every_list_of_a_word() {
        let l = lists("Us");
        assert!(l.has(List::Role) && l.has(List::Nationality) && l.has(List::Country));
        assert!(is(List::Honorific, "MRS"));
        assert!(is(List::CompanySuffix, "Plc"));
        assert!(!is(List::Role, "Moscow"));
        assert!(is_role_word("Ukrainian") && !is_role_word("Brian"));
        assert!(is_name_word("Lavrov") && !is_name_word("Mr") && !is_name_word("Thursday"));
        assert!(!is_name_word("I'd") && !is_name_word("lavrov"));
        assert!(may_be_verb("said") && may_be_verb("According") && !may_be_verb("table"));
    }

    #[test]
    fn nationalities_ending_otherwise_are_no_names() {
        // "South African" is the title's, so "he" is Nelson Mandela.
        crate::speakers::testing::check(
            "Mr Brown spoke. At a dinner, former South African president Nelson Mandela backed \
             Mr Brown's plan when he urged the chiefs to act.",
            &[(
                "Nelson Mandela",
                "former South African president",
                "pronoun",
                "urged",
            )],
        );
    }

    #[test]
    fn shouted_words_are_in_capitals_with_two_letters() {
        let shouted: Vec<bool> = ["BANK", "SAYS", "U.S.", "IBM", "Bank", "A", "5.7", "PCT's"]
            .iter()
            .map(|w| is_shouted(w))
            .collect();
        assert_eq!(
            shouted,
            [true, true, true, true, false, false, false, false]
        );
    }
}
