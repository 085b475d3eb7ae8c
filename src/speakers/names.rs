//! Names in a sentence: the run of name words that ends at a token, with the title or
//! honorific before it ([`name_ending_at`]), and every person a sentence names
//! ([`people_in`]). Shared by the sieves (which look for a speaker's name) and the driver
//! (which counts mentions). No I/O, never fails.

use super::Kind;
use super::sentence::Sentence;
use super::words::{
    self, List, in_list, is_capitalised, is_name_word, is_nationality, is_role_word, is_starter,
    lower,
};

/// A name found in a sentence: tokens [start, end), with its role.
#[derive(Debug, Clone)]
pub struct Found {
    pub name: String,
    pub role: String,
    pub kind: Kind,
    /// First token of the name (role and honorific excluded).
    pub start: usize,
    /// Told by an honorific: `Some(true)` for Mrs/Ms/Miss/Lady/Dame, `Some(false)` for
    /// Mr/Sir/Lord.
    pub female: Option<bool>,
    /// Named with an honorific or a title: a person for sure.
    pub titled: bool,
}

fn is_place_or_org(word: &str) -> bool {
    let l = words::lists(word);
    l.has(List::Country) || l.has(List::Organisation)
}

/// The name (with its role) whose last token is `end - 1`: the run of name words before it,
/// at most four; a country or organisation word ends a person's name ("President of Ukraine
/// Volodymyr Zelenskyy" is Volodymyr Zelenskyy).
pub fn name_ending_at(s: &Sentence<'_>, end: usize) -> Option<Found> {
    let mut start = end;
    while start > 0 && end - start < 4 {
        let w = s.word(start - 1);
        if start < end && !s.linked(start) {
            break;
        }
        if !is_name_word(w) {
            break;
        }
        if is_place_or_org(w) && start < end {
            break;
        }
        start -= 1;
    }
    if start == end {
        return None;
    }
    // "Head of the Republic of Dagestan Sergei Melikov": after "of", the first of three
    // words is the place the title holds.
    if end - start >= 3 && start > 0 && s.is(start - 1, &["of"]) {
        start += 1;
    }
    // A body's name runs over its subject and "of": "Finance Ministry", "Bank of England"
    // (not "Ministry" with the role "Finance", not "England").
    let org_name = |k: usize| {
        is_capitalised(s.word(k)) && s.is_in(k, List::Organisation) && !is_starter(s.word(k))
    };
    if end - start == 1 && org_name(start) {
        while start > 0
            && s.linked(start)
            && is_capitalised(s.word(start - 1))
            && is_role_word(s.word(start - 1))
            && !is_nationality(s.word(start - 1))
            && !s.is_in(start - 1, List::Country)
            && !in_list(
                &["the", "of", "and", "for", "us", "u.s.", "uk", "un", "eu"],
                s.word(start - 1),
            )
        {
            start -= 1;
        }
    }
    if start >= 2
        && s.is(start - 1, &["of"])
        && s.linked(start)
        && s.linked(start - 1)
        && org_name(start - 2)
        && (start..end).all(|k| {
            let l = words::lists(s.word(k));
            !l.has(List::Role) && !l.has(List::Nationality)
        })
    {
        start -= 2;
        while start > 0
            && s.linked(start)
            && is_capitalised(s.word(start - 1))
            && !is_role_word(s.word(start - 1))
            && !is_starter(s.word(start - 1))
        {
            start -= 1;
        }
    }
    // "Chancellor of the Exchequer Nigel Lawson": the body's word belongs to the title.
    while end - start >= 3
        && crate::lexicon::is_institution_word(s.word(start))
        && crate::lexicon::is_given_name(s.word(start + 1))
    {
        start += 1;
    }
    // "the Temporarily Occupied Territories Iryna Vereshchuk": a name opening with words that
    // are no given name and going on with one that is only a given name starts there.
    if end - start >= 3 {
        use crate::lexicon::gazetteer::{is_ambiguous_given_name, is_given_name};
        let plain_given =
            |k: usize| is_given_name(s.word(k)) && !is_ambiguous_given_name(s.word(k));
        // Not after an initial ("J. Hugh Liedtke") nor inside a body's name ("Los Angeles
        // Times", "Crazy Eddie Inc", "J.P. Morgan Chase").
        let first = s.word(start);
        let initial = first.trim_end_matches('.').chars().count() == 1;
        if !is_given_name(first)
            && !initial
            && !first.contains('.')
            && !crate::speakers::evidence::not_a_person(&name_text(s, start, end))
            && let Some(k) = (start + 1..end - 1).find(|&k| plain_given(k))
        {
            start = k;
        }
    }
    // "Jefferies and Co Inc said": a name of legal forms alone runs back over "and" to the
    // firm's name.
    // So does "Standard and Poor's Corp": a possessive first word before legal forms.
    let owner_and_forms = end - start >= 2
        && words::without_possessive(s.word(start)).is_some()
        && (start + 1..end).all(|k| s.is_in(k, List::CompanySuffix));
    if start >= 2
        && ((start..end).all(|k| s.is_in(k, List::CompanySuffix)) || owner_and_forms)
        && s.is(start - 1, &["and", "&"])
        && s.linked(start)
        && s.linked(start - 1)
        && is_name_word(s.word(start - 2))
    {
        start -= 2;
        while start > 0
            && end - start < 8
            && s.linked(start)
            && is_name_word(s.word(start - 1))
            && !is_starter(s.word(start - 1))
        {
            start -= 1;
        }
    }
    // "Ursula von der Leyen", "Charles de Gaulle": particles in lower case inside a name.
    let mut p = start;
    while p > 0
        && start - p < 3
        && s.linked(p)
        && s.is_in(p - 1, List::Particle)
        && !is_capitalised(s.word(p - 1))
    {
        p -= 1;
    }
    if p < start && p > 0 && s.linked(p) && is_capitalised(s.word(p - 1)) {
        start = p - 1;
        while start > 0
            && end - start < 6
            && s.linked(start)
            && is_name_word(s.word(start - 1))
            && !is_role_word(s.word(start - 1))
            && !is_starter(s.word(start - 1))
        {
            start -= 1;
        }
        if is_role_word(s.word(start)) || is_starter(s.word(start)) {
            start = p;
        }
    }
    let words: Vec<&str> = (start..end).map(|i| s.word(i)).collect();
    let name = name_text(s, start, end);
    let role = role_before(s, start);
    let single = words.len() == 1;
    let kind = if words.iter().any(|w| words::is(List::Organisation, w))
        || (single && words::is(List::Country, words[0]))
    {
        Kind::Organisation
    } else {
        Kind::Person
    };
    if single && start == 0 && is_starter(words[0]) {
        return None;
    }
    let honorific = (start > 0 && s.linked(start))
        .then(|| lower(s.word(start - 1)))
        .filter(|h| words::is(List::Honorific, h));
    let female = honorific.as_deref().and_then(|h| match h {
        "mrs" | "ms" | "miss" | "lady" | "dame" => Some(true),
        "mr" | "sir" | "lord" => Some(false),
        _ => None,
    });
    Some(Found {
        titled: !role.is_empty() || honorific.is_some(),
        name,
        role,
        kind,
        start,
        female,
    })
}

/// The name of tokens [start, end) as written: words one space apart, an initial keeping its
/// full stop ("Ben S. Bernanke").
pub fn name_text(s: &Sentence<'_>, start: usize, end: usize) -> String {
    let mut name = String::new();
    for k in start..end {
        if k > start {
            if s.gap_before(k).trim() == "." {
                name.push('.');
            }
            name.push(' ');
        }
        name.push_str(s.word(k));
    }
    name
}

/// How many tokens of role and honorific stand right before the name starting at `start`.
pub fn role_len(s: &Sentence<'_>, start: usize) -> usize {
    let mut i = start;
    while i > 0 && s.linked(i) && (is_role_word(s.word(i - 1)) || s.is_in(i - 1, List::Honorific)) {
        i -= 1;
    }
    start - i
}

/// Role words right before a name ("Russian Deputy Foreign Minister", "Kremlin spokesman",
/// "Head of the Republic of Dagestan", "Murmansk Region Governor").
pub fn role_before(s: &Sentence<'_>, start: usize) -> String {
    // Walk back over role words, honorifics, and the names of places and bodies a title
    // may hold ("of the Republic of Dagestan"), at most 14 words ("Adviser to the Head of
    // the Office of the President of Ukraine").
    let mut i = start;
    while i > 0 && start - i < 14 && s.linked(i) {
        let w = s.word(i - 1);
        // "to" joins a title's parts ("Adviser to the Head"); one left leading is dropped below.
        if is_role_word(w)
            || w == "to"
            || words::is(List::Honorific, w)
            || (is_capitalised(w) && !is_starter(w))
        {
            i -= 1;
        } else {
            break;
        }
    }
    // The role starts at its first role word ("Murmansk Region Governor" is a "Governor");
    // the capitalised words before it are not ours to keep.
    while i < start
        && (!is_role_word(s.word(i)) || in_list(&["of", "the", "and", "for", "to"], s.word(i)))
    {
        i += 1;
    }
    (i..start)
        .map(|k| s.word(k))
        .filter(|w| !words::is(List::Honorific, w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title written before a comma that opens the name at `start`: "Scottish Finance
/// Minister" in "Scottish Finance Minister, Tom McCabe MSP, said". Empty if none.
pub fn title_before_comma(s: &Sentence<'_>, start: usize) -> String {
    if start == 0 || s.gap_before(start).trim() != "," {
        return String::new();
    }
    let mut i = start - 1;
    while i > 0 && start - i < 8 && s.linked(i) && is_role_word(s.word(i - 1)) {
        i -= 1;
    }
    if !is_role_word(s.word(i)) || !is_role_word(s.word(start - 1)) {
        return String::new();
    }
    (i..start).map(|k| s.word(k)).collect::<Vec<_>>().join(" ")
}

/// Whether a role has a word for a person's post ("Head of the", "President of").
pub fn has_person_title(role: &str) -> bool {
    role.split_whitespace()
        .any(|w| words::is(List::DescriptionNoun, w) || in_list(&["premier", "chairman"], w))
}

/// A name with no title right after "the" ("the Tories", "The Pentagon"): no person is
/// "the Smith"; a party, a body or a company.
pub fn is_body(s: &Sentence<'_>, f: &Found) -> bool {
    // One word, or two ending in a plural ("the Lib Dems"); "the Lib Dems David Laws" is a
    // person after the party.
    let words = f.name.split(' ').count();
    let short = words == 1 || (words == 2 && f.name.ends_with('s'));
    f.kind == Kind::Person && !f.titled && short && f.start > 0 && s.is(f.start - 1, &["the"])
}

/// People named in a sentence (capitalised runs that are not roles, places or organisations,
/// with at least two words or a role, or a known speaker's surname).
pub fn people_in(s: &Sentence<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    let n = s.len();
    let mut i = 0;
    while i < n {
        if !is_capitalised(s.word(i)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && is_capitalised(s.word(end)) && s.linked(end) {
            end += 1;
        }
        let run_end = end;
        // A title after the name is not part of it ("Tom McCabe MSP").
        while end > i + 1 && s.is_in(end - 1, List::Postnominal) {
            end -= 1;
        }
        // The name is the run of name words at the end ("Thursday Mr Blair" -> "Blair").
        let mut start = end;
        while start > i && is_name_word(s.word(start - 1)) {
            start -= 1;
        }
        // "President of Ukraine Volodymyr Zelenskyy": the place a title holds runs into the
        // name with no comma; it is the title's, not the name's.
        while end - start >= 3 && s.is_in(start, List::Country) {
            start += 1;
        }
        let org_or_place = (start..end).any(|k| {
            let w = s.word(k);
            is_place_or_org(w) || is_role_word(w)
        });
        let starter = start == 0 && is_starter(s.word(0));
        if start < end && !org_or_place && !starter && end - start <= 4 {
            // A lone word is kept as a possible surname; the corpus stage keeps it only if a
            // person with that surname is named in full somewhere.
            if let Some(f) = name_ending_at(s, end).filter(|f| f.start >= start) {
                out.push(f);
            } else {
                let role = role_before(s, start);
                out.push(Found {
                    name: name_text(s, start, end),
                    titled: !role.is_empty(),
                    role,
                    kind: Kind::Person,
                    start,
                    female: None,
                });
            }
        }
        i = run_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn a_place_before_a_name_belongs_to_the_title() {
        // "of Japan Fumio Kishida": Japan is the Prime Minister's, so "the President" is
        // Zelenskyy, not the last person named.
        check(
            "President of Ukraine Volodymyr Zelenskyy spoke with Prime Minister of Japan Fumio \
             Kishida. \"It is important,\" the President said.",
            &[(
                "Volodymyr Zelenskyy",
                "President of Ukraine",
                "description",
                "said",
            )],
        );
    }

    #[test]
    fn a_postnominal_follows_a_name_and_first_names_are_no_nationality() {
        // "MEP" after "The" is the description's noun, not a title after a name.
        check(
            "Robert Kilroy-Silk has quit the party. The MEP said he was ashamed.",
            &[("Robert Kilroy-Silk", "", "description", "said")],
        );
        // "Brian" ends like "Russian" but is a first name.
        check(
            "The Tory finance spokesman, Brian Monteith MSP, said: \"No.\"",
            &[("Brian Monteith", "", "named", "said")],
        );
    }

    #[test]
    fn a_body_is_named_with_its_subject_and_its_of() {
        check(
            "The Japanese Finance Ministry said it would act. Separately, the Bank of England \
             said credit rose. The US Agriculture Department said sales grew.",
            &[
                ("Finance Ministry", "Japanese", "named", "said"),
                ("Bank of England", "", "named", "said"),
                ("Agriculture Department", "US", "named", "said"),
            ],
        );
    }
}
