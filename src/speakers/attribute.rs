//! Who said it, in one document: statements attributed by reporting verbs, and people named.
//!
//! Works sentence by sentence on the tokens of [`crate::text::tokenize`]. A statement is a
//! sentence where a reporting verb (`said`, `told`, `stressed`, `expressed hope`, `went on`,
//! `according to`, ...) has a speaker:
//! - named before the verb (`Ryabkov said`, `Russian Deputy Foreign Minister Sergey Ryabkov
//!   told Sputnik`, `Sergei Shoigu has stated`, `Mr Blair said:`), titles split off into a role;
//! - named after it, when a quote or comma precedes the verb (`"...," said Ryabkov`);
//! - after `according to`;
//! - a pronoun (`he said`) or a description (`the Russian diplomat stressed`, `the deputy
//!   minister said`): resolved to the last person named as a speaker whose role fits the
//!   description (any, for a pronoun), and marked so;
//! - an organisation or a country (`the Kremlin said`, `Russia has repeatedly refuted`).
//!
//! Quote marks are not needed (some archives strip them): the verb decides. Names elsewhere
//! (captions are gone by now; "Trump suggested Putin holding a meeting") are mentions only.
//! No I/O, never fails.

use std::sync::LazyLock;

use ahash::AHashSet;

use crate::text::tokenize::{Token, for_each_token};

/// How a statement's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    Named,
    Pronoun,
    Description,
    AccordingTo,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Named => "named",
            How::Pronoun => "pronoun",
            How::Description => "description",
            How::AccordingTo => "according-to",
        }
    }

    /// Whether the speaker was inferred rather than named in the sentence.
    pub fn is_resolved(self) -> bool {
        matches!(self, How::Pronoun | How::Description)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    Organisation,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
        }
    }
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Sentence number in the document (0-based).
    pub sentence: u32,
    /// The sentence as written.
    pub text: String,
    /// The speaker's name as written in the document (for a resolved statement: the name of the
    /// person it was resolved to).
    pub speaker: String,
    /// Title or description seen with the name ("Russian Deputy Foreign Minister").
    pub role: String,
    pub kind: Kind,
    pub how: How,
    /// The reporting verb as written, lower case ("said", "expressed hope").
    pub verb: String,
}

/// A person named in the document (any mention, speaker or not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub name: String,
    pub role: String,
    /// Named with a title or honorific ("President Vladimir Putin", "Mr Blair"): a person for
    /// sure, not a place or a thing in capitals.
    pub titled: bool,
}

/// What one document says about who speaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speech {
    pub statements: Vec<Statement>,
    pub mentions: Vec<Mention>,
}

/// Reporting verbs, in the forms news uses; multi-word ones need their second word.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "stated",
    "explained",
    "accused",
    "accuses",
    "explains",
    "announced",
    "announces",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "urged",
    "urges",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "highlighted",
    "highlights",
    "refuted",
    "refutes",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "wrote",
    "writes",
    "underlined",
    "underlines",
    "underscored",
    "reiterated",
    "reiterates",
    "acknowledged",
    "admitted",
    "admits",
    "declared",
    "declares",
    "commented",
    "remarked",
    "asserted",
    "observed",
    "answered",
    "pointed",
    "expressed",
    "went",
    "believes",
    "suggested",
];

/// Second words the multi-word verbs need ("expressed hope", "went on", "pointed out").
fn verb_phrase(verb: &str, next: Option<&str>) -> Option<String> {
    let next = next.map(str::to_lowercase);
    match verb {
        "pointed" => (next.as_deref() == Some("out")).then(|| "pointed out".into()),
        "expressed" => matches!(next.as_deref(), Some("hope" | "confidence" | "concern"))
            .then(|| format!("expressed {}", next.unwrap_or_default())),
        "went" => (next.as_deref() == Some("on")).then(|| "went on".into()),
        // "suggested that ..." reports words; "suggested Putin holding a meeting" is an act.
        "suggested" | "believes" => (next.as_deref() == Some("that")).then(|| verb.into()),
        _ => Some(verb.into()),
    }
}

/// Words between a speaker and the verb that do not break the link.
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "earlier",
    "repeatedly",
    "later",
    "previously",
    "again",
    "then",
    "further",
    "once",
    "reportedly",
    "publicly",
    "himself",
    "herself",
    "today",
    "yesterday",
    "recently",
    "has",
    "will",
    "would",
    "is",
    "was",
    "first",
    "already",
    "it",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Titles and role words (lower case). A run of these before a name is its role.
const ROLE_WORDS: &[&str] = &[
    "president",
    "prime",
    "minister",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press",
    "aide",
    "adviser",
    "advisor",
    "national",
    "security",
    "chancellor",
    "chairman",
    "chairwoman",
    "chair",
    "head",
    "chief",
    "director",
    "general",
    "ambassador",
    "presidential",
    "envoy",
    "senator",
    "governor",
    "mayor",
    "leader",
    "speaker",
    "executive",
    "officer",
    "commissioner",
    "representative",
    "special",
    "first",
    "vice",
    "state",
    "council",
    "of",
    "the",
    "affairs",
    "economy",
    "finance",
    "interior",
    "justice",
    "trade",
    "energy",
    "health",
    "home",
    "shadow",
    "party",
    "opposition",
    "labour",
    "conservative",
    "democrat",
    "republican",
    "former",
    "acting",
    "permanent",
    "un",
    "eu",
    "nato",
    "us",
    "u.s.",
    "uk",
    "kremlin",
    "white",
    "house",
    "top",
    "senior",
    "assistant",
    "for",
    "and",
    "economic",
    "development",
    "education",
    "culture",
    "agriculture",
    "transport",
    "digital",
    "transformation",
    "office",
    "staff",
    "ceo",
    "managing",
    "analyst",
    "economist",
    "professor",
    "dr",
    "lawyer",
    "mp",
    "mep",
    "commander",
    "colonel",
    "lieutenant",
    "army",
    "armed",
    "forces",
    "diplomat",
    "official",
    "lord",
    "sir",
    "presidents",
    "ministers",
    "leaders",
    "secretaries",
    "officials",
];

/// Honorifics dropped from names.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof",
];

/// Nouns a description ends in ("the minister", "the Russian diplomat", "the company").
const DESCRIPTION_NOUNS: &[&str] = &[
    "minister",
    "diplomat",
    "president",
    "official",
    "spokesman",
    "spokeswoman",
    "secretary",
    "chancellor",
    "leader",
    "premier",
    "ambassador",
    "envoy",
    "adviser",
    "senator",
    "governor",
    "chairman",
    "chief",
    "executive",
    "politician",
    "mayor",
    "lawmaker",
    "general",
    "state",
];

/// Organisation descriptions and names.
const ORGANISATION_WORDS: &[&str] = &[
    "kremlin",
    "ministry",
    "department",
    "government",
    "company",
    "firm",
    "bank",
    "council",
    "committee",
    "commission",
    "office",
    "agency",
    "party",
    "union",
    "court",
    "police",
    "army",
    "pentagon",
    "parliament",
    "duma",
    "cabinet",
    "administration",
    "group",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "organisation",
    "organization",
    "nato",
    "un",
    "eu",
    "who",
    "imf",
    "opec",
    "embassy",
    "service",
    "authority",
    "authorities",
    "federation",
    "board",
    "street",
    "house",
    "institute",
    "association",
    "alliance",
    "treasury",
    "fund",
    "court",
    "states",
    "nations",
    "kingdom",
    "republic",
    "republics",
    "treaty",
    "square",
    "museum",
    "cathedral",
    "review",
    "conference",
    "summit",
    "forum",
    "university",
    "club",
    "airport",
];

/// Countries and capitals that speak for their governments in news ("Russia has denied").
const COUNTRIES: &[&str] = &[
    "russia",
    "ukraine",
    "us",
    "usa",
    "america",
    "washington",
    "moscow",
    "kiev",
    "kyiv",
    "china",
    "beijing",
    "britain",
    "uk",
    "london",
    "france",
    "paris",
    "germany",
    "berlin",
    "japan",
    "tokyo",
    "iran",
    "tehran",
    "israel",
    "turkey",
    "ankara",
    "poland",
    "warsaw",
    "india",
    "syria",
    "damascus",
    "belarus",
    "minsk",
    "georgia",
    "europe",
    "brussels",
];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Case-insensitive membership without allocating (lists are lower-case ASCII).
fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The long word lists as hash sets: they are asked about nearly every capitalised word.
struct Sets {
    roles: AHashSet<&'static str>,
    organisations: AHashSet<&'static str>,
    countries: AHashSet<&'static str>,
    verbs: AHashSet<&'static str>,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| Sets {
    roles: ROLE_WORDS.iter().copied().collect(),
    organisations: ORGANISATION_WORDS.iter().copied().collect(),
    countries: COUNTRIES.iter().copied().collect(),
    verbs: VERBS.iter().copied().collect(),
});

/// Case-insensitive set membership, lower-casing ASCII on the stack.
fn in_set(set: &AHashSet<&'static str>, word: &str) -> bool {
    let mut buf = [0u8; 32];
    if word.len() > buf.len() || !word.is_ascii() {
        return set.contains(word.to_lowercase().as_str());
    }
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).is_ok_and(|w| set.contains(w))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Nationality adjectives: "Russian", "American", "Ukrainian", "British", "Kremlin's"...
fn is_nationality(word: &str) -> bool {
    let ends = |suffix: &str| {
        word.len() > suffix.len()
            && word
                .get(word.len() - suffix.len()..)
                .is_some_and(|e| e.eq_ignore_ascii_case(suffix))
    };
    (is_capitalised(word) && (ends("ian") || ends("ean") || ends("ese") || ends("ish")))
        || in_list(
            &[
                "american", "us", "u.s.", "french", "german", "greek", "dutch", "israeli", "iraqi",
                "afghan", "thai",
            ],
            word,
        )
}

fn is_role_word(word: &str) -> bool {
    in_set(&SETS.roles, word) || is_nationality(word)
}

/// Weekdays and months: capitalised, but never part of a name ("Thursday Mr Blair").
fn is_calendar(word: &str) -> bool {
    // Full names only: "Sun" may be the newspaper, "May" the politician.
    (word.len() >= 6 && crate::meta::dates::is_weekday(word))
        || (word.len() >= 4 && crate::meta::dates::month_of(word).is_some())
}

/// A word that can be part of a person's or organisation's name.
fn is_name_word(word: &str) -> bool {
    is_capitalised(word)
        && !is_role_word(word)
        && !in_list(HONORIFICS, word)
        && !is_calendar(word)
        && !in_list(PRONOUNS, word)
        && !in_list(&["you", "your", "our", "my", "his", "her", "their"], word)
}

/// One sentence's tokens with the text between them.
struct Sentence<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    /// Byte offset of the sentence's first token in the document.
    start: usize,
}

impl<'a> Sentence<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text
    }
    /// The text between token `i - 1` and token `i` (punctuation, quotes).
    fn gap_before(&self, i: usize, doc: &'a str) -> &'a str {
        let (Some(prev), Some(next)) = (
            i.checked_sub(1).and_then(|p| self.tokens.get(p)),
            self.tokens.get(i),
        ) else {
            return "";
        };
        let end = prev.start + prev.text.len();
        doc.get(end..next.start).unwrap_or("")
    }
}

/// A name found in a sentence: tokens [start, end), with its role.
#[derive(Debug, Clone)]
struct Found {
    name: String,
    role: String,
    kind: Kind,
}

/// Splits `text` into sentences and attributes statements. A sentence that is the article's
/// `title` (a headline: "Russia urges US to ...") is not a statement.
pub fn attribute(text: &str, title: Option<&str>) -> Speech {
    let mut sentences: Vec<Sentence<'_>> = Vec::new();
    for_each_token(text, |t| {
        if sentences.len() <= t.sentence as usize {
            sentences.push(Sentence {
                text: "",
                tokens: Vec::new(),
                start: t.start,
            });
        }
        if let Some(s) = sentences.last_mut() {
            s.tokens.push(t);
        }
    });
    for s in &mut sentences {
        if let Some(last) = s.tokens.last() {
            let mut end = last.start + last.text.len();
            // Keep the closing punctuation and quotes of the sentence.
            for c in text[end..].chars() {
                if c.is_whitespace() || c.is_alphanumeric() {
                    break;
                }
                end += c.len_utf8();
            }
            s.text = text.get(s.start..end).unwrap_or("");
        }
    }
    let mut speech = Speech::default();
    // Named person speakers so far, for pronouns and descriptions: (name, role).
    let mut named: Vec<(String, String)> = Vec::new();
    let mut last_person_mentioned: Option<(String, String)> = None;
    for (si, s) in sentences.iter().enumerate() {
        let people = people_in(s, text);
        if title.is_some_and(|t| !t.is_empty() && s.text.starts_with(t.trim())) {
            continue;
        }
        for p in &people {
            speech.mentions.push(Mention {
                name: p.name.clone(),
                role: p.role.clone(),
                titled: !p.role.is_empty(),
            });
        }
        let mut in_sentence: Vec<Statement> = Vec::new();
        for v in 0..s.tokens.len() {
            // Most words are no verb: test without allocating first.
            let raw = s.word(v);
            if !in_set(&SETS.verbs, raw) && !raw.eq_ignore_ascii_case("according") {
                continue;
            }
            let w = lower(raw);
            let Some(verb) = (if w == "according"
                && s.tokens.get(v + 1).is_some_and(|t| lower(t.text) == "to")
            {
                Some("according to".to_string())
            } else if VERBS.contains(&w.as_str()) {
                verb_phrase(&w, s.tokens.get(v + 1).map(|t| t.text))
            } else {
                None
            }) else {
                continue;
            };
            let found = if verb == "according to" {
                speaker_after(s, v + 2, text).map(|(w, _)| (w, How::AccordingTo))
            } else {
                speaker_before(s, v, text).or_else(|| {
                    let gap = s.gap_before(v, text);
                    let after_quote = v == 0
                        || gap.contains([',', '"', '\u{201D}', '\u{201C}', ':'])
                        || gap.contains('\'');
                    after_quote.then(|| speaker_after(s, v + 1, text)).flatten()
                })
            };
            let Some((who, how)) = found else { continue };
            let (speaker, role, kind) = match (&who, how) {
                (Who::Named(f), _) => (f.name.clone(), f.role.clone(), f.kind),
                (Who::Pronoun, _) => match named.last().or(last_person_mentioned.as_ref()) {
                    Some((n, r)) => (n.clone(), r.clone(), Kind::Person),
                    None => continue,
                },
                (Who::Description(d), _) => match resolve_description(d, &named) {
                    Some((n, r)) => (n, r, Kind::Person),
                    None => continue,
                },
                (Who::OrgDescription(d), _) => (d.clone(), String::new(), Kind::Organisation),
            };
            let how = match who {
                Who::Named(_) | Who::OrgDescription(_) => how,
                Who::Pronoun => How::Pronoun,
                Who::Description(_) => How::Description,
            };
            if in_sentence.iter().any(|st| st.speaker == speaker) {
                continue; // "said ..., adding" or two verbs for one speaker: one statement
            }
            in_sentence.push(Statement {
                sentence: si as u32,
                text: s.text.to_string(),
                speaker,
                role,
                kind,
                how,
                verb,
            });
        }
        for st in &in_sentence {
            if st.kind == Kind::Person && matches!(st.how, How::Named | How::AccordingTo) {
                named.push((st.speaker.clone(), st.role.clone()));
            }
        }
        if let Some(p) = people.last() {
            last_person_mentioned = Some((p.name.clone(), p.role.clone()));
        }
        speech.statements.extend(in_sentence);
    }
    speech
}

enum Who {
    Named(Found),
    Pronoun,
    /// A person described ("the Russian diplomat"): the description words, lower case.
    Description(Vec<String>),
    OrgDescription(String),
}

/// The speaker standing before the verb at `v`, if any.
fn speaker_before(s: &Sentence<'_>, v: usize, doc: &str) -> Option<(Who, How)> {
    let mut i = v;
    // Skip auxiliaries and adverbs ("has repeatedly", "earlier"), up to three.
    let mut skipped = 0;
    while i > 0
        && skipped < 3
        && in_list(BETWEEN, s.word(i - 1))
        && !s.gap_before(i, doc).contains(',')
    {
        i -= 1;
        skipped += 1;
    }
    if i == 0 {
        return None;
    }
    let gap = s.gap_before(i, doc);
    let prev = s.word(i - 1);
    let lp = lower(prev);
    // "John Smith, the chief executive, said": an appositive between name and verb.
    if gap.contains(',') {
        return appositive(s, i, doc);
    }
    if gap.trim().len() > 1 || gap.contains(['"', '\u{201D}', '(', ')']) {
        return None;
    }
    if PRONOUNS.contains(&lp.as_str()) {
        return Some((Who::Pronoun, How::Pronoun));
    }
    if lp == "you" {
        return None;
    }
    if is_name_word(prev) && !(i - 1 == 0 && in_list(crate::speakers::SENTENCE_STARTERS, prev)) {
        let f = name_ending_at(s, i, doc)?;
        // "the President of Ukraine said": a title of a country describes a person.
        if f.kind == Kind::Organisation && f.role.to_lowercase().ends_with(" of") {
            let words = f
                .role
                .split_whitespace()
                .map(str::to_lowercase)
                .filter(|w| w != "of")
                .collect();
            return Some((Who::Description(words), How::Description));
        }
        return Some((Who::Named(f), How::Named));
    }
    description_ending_at(s, i, doc)
}

/// "X, the company's chief executive, said": the name before the first comma.
fn appositive(s: &Sentence<'_>, v: usize, doc: &str) -> Option<(Who, How)> {
    // Find the comma that opens the appositive, at most 10 tokens back.
    let lo = v.saturating_sub(10);
    for j in (lo + 1..v).rev() {
        if s.gap_before(j, doc).contains(',') {
            let prev = s.word(j - 1);
            if is_capitalised(prev) {
                let f = name_ending_at(s, j, doc)?;
                return (f.kind == Kind::Person).then_some((Who::Named(f), How::Named));
            }
            return None;
        }
    }
    None
}

/// The name (with its role) whose last token is `end - 1`: the run of name words before it,
/// at most four; a country or organisation word ends a person's name ("President of Ukraine
/// Volodymyr Zelenskyy" is Volodymyr Zelenskyy).
fn name_ending_at(s: &Sentence<'_>, end: usize, doc: &str) -> Option<Found> {
    let mut start = end;
    while start > 0 && end - start < 4 {
        let w = s.word(start - 1);
        if start < end && !s.gap_before(start, doc).trim().is_empty() {
            break;
        }
        if !is_name_word(w) {
            break;
        }
        let place_or_org = in_set(&SETS.countries, w) || in_set(&SETS.organisations, w);
        if place_or_org && start < end {
            break;
        }
        start -= 1;
    }
    if start == end {
        return None;
    }
    let words: Vec<&str> = (start..end).map(|i| s.word(i)).collect();
    let name = words.join(" ");
    let role = role_before(s, start, doc);
    let single = words.len() == 1;
    let kind = if words.iter().any(|w| in_set(&SETS.organisations, w))
        || (single && in_set(&SETS.countries, words[0]))
    {
        Kind::Organisation
    } else {
        Kind::Person
    };
    if single && start == 0 && in_list(crate::speakers::SENTENCE_STARTERS, words[0]) {
        return None;
    }
    Some(Found { name, role, kind })
}

/// Role words right before a name ("Russian Deputy Foreign Minister", "Kremlin spokesman").
fn role_before(s: &Sentence<'_>, start: usize, doc: &str) -> String {
    let mut i = start;
    while i > 0
        && s.gap_before(i, doc).trim().is_empty()
        && (is_role_word(s.word(i - 1)) || in_list(HONORIFICS, s.word(i - 1)))
    {
        i -= 1;
    }
    // A role does not start with "of", "the", "and", "for".
    while i < start && matches!(lower(s.word(i)).as_str(), "of" | "the" | "and" | "for") {
        i += 1;
    }
    let role = (i..start)
        .map(|k| s.word(k))
        .filter(|w| !in_list(HONORIFICS, w))
        .collect::<Vec<_>>()
        .join(" ");
    if role.is_empty() && i < start {
        // Only an honorific ("Mr Blair"): no role, but the caller can tell it is a person.
        return String::new();
    }
    role
}

/// "the minister", "the Russian diplomat", "the deputy minister", "The ministry".
fn description_ending_at(s: &Sentence<'_>, end: usize, doc: &str) -> Option<(Who, How)> {
    let noun = lower(s.word(end - 1));
    let mut i = end - 1;
    while i > 0 && end - i < 5 && s.gap_before(i, doc).trim().is_empty() {
        let w = lower(s.word(i - 1));
        if w == "the" || w == "this" {
            let words: Vec<String> = (i..end).map(|k| lower(s.word(k))).collect();
            if ORGANISATION_WORDS.contains(&noun.as_str()) {
                return Some((Who::OrgDescription(words.join(" ")), How::Description));
            }
            if DESCRIPTION_NOUNS.contains(&noun.as_str()) {
                return Some((Who::Description(words), How::Description));
            }
            return None;
        }
        i -= 1;
    }
    None
}

/// A name or description after the verb ("said Russian Foreign Minister Sergey Lavrov",
/// "said the minister", "according to Peskov").
fn speaker_after(s: &Sentence<'_>, from: usize, doc: &str) -> Option<(Who, How)> {
    let n = s.tokens.len();
    let mut i = from;
    if i < n && matches!(lower(s.word(i)).as_str(), "the" | "this") {
        // Description: up to four words ending in a description noun.
        for j in i + 1..(i + 5).min(n) {
            let w = lower(s.word(j));
            if DESCRIPTION_NOUNS.contains(&w.as_str()) {
                let words = (i + 1..=j).map(|k| lower(s.word(k))).collect();
                return Some((Who::Description(words), How::Description));
            }
            if ORGANISATION_WORDS.contains(&w.as_str()) {
                let words: Vec<String> = (i + 1..=j).map(|k| lower(s.word(k))).collect();
                return Some((Who::OrgDescription(words.join(" ")), How::Description));
            }
        }
        return None;
    }
    if i < n && PRONOUNS.contains(&lower(s.word(i)).as_str()) {
        return Some((Who::Pronoun, How::Pronoun));
    }
    // Skip the role to the name: the last capitalised run before a non-capitalised word.
    while i < n && is_capitalised(s.word(i)) {
        i += 1;
        if i < n && !s.gap_before(i, doc).trim().is_empty() {
            break;
        }
    }
    if i == from {
        return None;
    }
    name_ending_at(s, i, doc).map(|f| (Who::Named(f), How::Named))
}

/// The last named speaker whose role fits a description ("the Russian diplomat" fits a
/// "Russian Deputy Foreign Minister"); the last named speaker if none fits by its noun.
fn resolve_description(words: &[String], named: &[(String, String)]) -> Option<(String, String)> {
    let noun = words.last()?;
    // How well a role fits: the noun must fit; every other description word found in the
    // role ("deputy" in "Deputy Foreign Minister") makes the fit better.
    let fit = |role: &str| -> usize {
        let r = role.to_lowercase();
        let noun_fits = r.contains(noun.as_str())
            || (noun == "diplomat" && (r.contains("foreign") || r.contains("ambassador")))
            || (noun == "state" && r.contains("president"));
        if !noun_fits {
            return 0;
        }
        1 + words[..words.len() - 1]
            .iter()
            .filter(|w| r.contains(w.as_str()))
            .count()
    };
    let mut best: Option<(usize, &(String, String))> = None;
    for candidate in named.iter().rev() {
        let f = fit(&candidate.1);
        if f > best.map_or(0, |b| b.0) {
            best = Some((f, candidate));
        }
    }
    best.map(|b| b.1).or_else(|| named.last()).cloned()
}

/// People named in a sentence (capitalised runs that are not roles, places or organisations,
/// with at least two words or a role, or a known speaker's surname).
fn people_in(s: &Sentence<'_>, doc: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let n = s.tokens.len();
    let mut i = 0;
    while i < n {
        if !is_capitalised(s.word(i)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && is_capitalised(s.word(end)) && s.gap_before(end, doc).trim().is_empty() {
            end += 1;
        }
        // The name is the run of name words at the end ("Thursday Mr Blair" -> "Blair").
        let mut start = end;
        while start > i && is_name_word(s.word(start - 1)) {
            start -= 1;
        }
        let words: Vec<&str> = (start..end).map(|k| s.word(k)).collect();
        let org_or_place = words.iter().any(|w| {
            in_set(&SETS.organisations, w) || in_set(&SETS.countries, w) || is_role_word(w)
        });
        let starter = start == 0 && in_list(crate::speakers::SENTENCE_STARTERS, s.word(0));
        if !words.is_empty() && !org_or_place && !starter && words.len() <= 4 {
            // A lone word is kept as a possible surname; the corpus stage keeps it only if a
            // person with that surname is named in full somewhere.
            out.push(Found {
                name: words.join(" "),
                role: role_before(s, start, doc),
                kind: Kind::Person,
            });
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, &str, &str, &str)]) {
        let got: Vec<(String, String, &str, String)> = attribute(text, None)
            .statements
            .into_iter()
            .map(|s| (s.speaker, s.role, s.how.as_str(), s.verb))
            .collect();
        let want: Vec<(String, String, &str, String)> = expected
            .iter()
            .map(|&(a, b, c, d)| (a.to_string(), b.to_string(), c, d.to_string()))
            .collect();
        assert_eq!(got, want, "statements of {text:?}");
    }

    #[test]
    fn named_before_the_verb_with_role() {
        check(
            "Russia and the US should talk, Russian Deputy Foreign Minister Sergey Ryabkov said.",
            &[(
                "Sergey Ryabkov",
                "Russian Deputy Foreign Minister",
                "named",
                "said",
            )],
        );
        check(
            "Kremlin spokesman Dmitry Peskov said Friday that talks go on.",
            &[("Dmitry Peskov", "Kremlin spokesman", "named", "said")],
        );
        check(
            "Mr Blair said: \"We will win.\"",
            &[("Blair", "", "named", "said")],
        );
        check(
            "Sergei Shoigu has stated that Russia could help.",
            &[("Sergei Shoigu", "", "named", "stated")],
        );
    }

    #[test]
    fn named_after_a_quote_and_according_to() {
        check(
            "\"We are ready,\" said Ryabkov.",
            &[("Ryabkov", "", "named", "said")],
        );
        check(
            "\"It is vital,\" said Russian Foreign Minister Sergey Lavrov.",
            &[("Sergey Lavrov", "Russian Foreign Minister", "named", "said")],
        );
        check(
            "Russia hopes the candidates \"would do less,\" according to Peskov.",
            &[("Peskov", "", "according-to", "according to")],
        );
    }

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
    fn organisations_and_non_statements() {
        check(
            "Russia has repeatedly refuted the allegations, warning that sanctions fail.",
            &[("Russia", "", "named", "refuted")],
        );
        check(
            "The ministry stated that talks failed.",
            &[("ministry", "", "description", "stated")],
        );
        check("Trump suggested Putin holding a meeting.", &[]);
        check("Bolton held negotiations with Patrushev.", &[]);
        check(
            "Peskov told reporters in Moscow.",
            &[("Peskov", "", "named", "told")],
        );
    }
}
