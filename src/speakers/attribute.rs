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

use ahash::{AHashMap, AHashSet};

use crate::text::tokenize::Token;

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
    /// How often the document names them so (same name, role and title).
    pub count: u32,
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
    "suggests",
    "reported",
    "described",
    "describes",
    "asked",
    "inquired",
    "reminded",
    "considers",
    "dismissed",
    "dismisses",
    "rejected",
    "rejects",
    "welcomed",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "revealed",
    "estimated",
    "blamed",
    "accuse",
    "insist",
    "repeated",
    "challenged",
    "summed",
    "assured",
    "convinced",
    "called",
    "calls",
    "branding",
    // Participles: "..., noting that" speaks for the subject of the sentence.
    "noting",
    "saying",
    "adding",
    "warning",
    "stressing",
    "insisting",
    "arguing",
    "explaining",
];

/// Words of time that may stand between a verb and its "that" ("revealed earlier this week
/// that"), besides weekdays.
const TIME_WORDS: &[&str] = &[
    "earlier",
    "this",
    "last",
    "week",
    "month",
    "year",
    "on",
    "today",
    "yesterday",
    "previously",
    "recently",
];

/// Whether "that" follows the verb at `v`, right after it or after words of time.
fn that_follows(s: &Sentence<'_>, v: usize, doc: &str) -> bool {
    let mut k = v + 1;
    while k < s.tokens.len() && k <= v + 4 && s.joined(k, doc) {
        if s.is(k, &["that"]) {
            return true;
        }
        if !s.is(k, TIME_WORDS) && !crate::meta::dates::is_weekday(s.tokens[k].text) {
            return false;
        }
        k += 1;
    }
    false
}

/// Second words the multi-word verbs need ("expressed hope", "went on", "pointed out"), for
/// the verb `verb` (lower case) at `v`.
fn verb_phrase(verb: &str, s: &Sentence<'_>, v: usize, doc: &str) -> Option<String> {
    let next = s.tokens.get(v + 1).map(|t| t.text.to_lowercase());
    match verb {
        "pointed" => (next.as_deref() == Some("out")).then(|| "pointed out".into()),
        "expressed" => matches!(next.as_deref(), Some("hope" | "confidence" | "concern"))
            .then(|| format!("expressed {}", next.unwrap_or_default())),
        "went" => (next.as_deref() == Some("on")).then(|| "went on".into()),
        "summed" => (next.as_deref() == Some("up")).then(|| "summed up".into()),
        // "reported that ..." reports words; "reported revenues of $69m" reports figures.
        // "revealed earlier this week that ..." too.
        "reported" | "revealed" => (that_follows(s, v, doc)
            // "Andrei Chibis reported to the President on the results".
            || (verb == "reported" && next.as_deref() == Some("to")))
        .then(|| verb.into()),
        // "called on Congress", "called the plan a failure"; not "a man called John".
        "called" | "calls" => matches!(
            next.as_deref(),
            Some("on" | "for" | "the" | "it" | "this" | "him" | "her" | "them")
        )
        .then(|| match next.as_deref() {
            Some(p @ ("on" | "for")) => format!("{verb} {p}"),
            _ => verb.into(),
        }),
        // "suggested that ..." reports words; "suggested Putin holding a meeting" is an act.
        "suggested" | "believes" => (next.as_deref() == Some("that")).then(|| verb.into()),
        // "considers positive the fact", not "considers allowing cameras" (a plan).
        "considers" => (!next.as_deref().is_some_and(|n| n.ends_with("ing"))).then(|| verb.into()),
        // "promised an upper limit"; not "promised them £8bn" (a gift).
        "promised" | "promises" | "pledged" | "pledges" => (!next.as_deref().is_some_and(|n| {
            matches!(n, "them" | "him" | "her" | "us" | "me" | "you")
                || n.starts_with(|c: char| c.is_ascii_digit() || c == '£' || c == '$')
        }))
        .then(|| verb.into()),
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
    // "he did say", "it does say".
    "did",
    "does",
];

/// Pronouns that can stand for a speaker outside quotes ("I" and "we" in news are inside
/// quotes, or the reporter).
const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// Auxiliaries that make the verb passive ("was announced", "has been dismissed"): the
/// subject is not the speaker; the agent follows "by", if anywhere.
const PASSIVE: &[&str] = &["was", "were", "been", "being", "be", "is", "are"];

/// Plural nouns for people in general ("Analysts said"): not a speaker one can name.
const GENERIC_GROUPS: &[&str] = &[
    "analysts",
    "experts",
    "critics",
    "economists",
    "observers",
    "investors",
    "traders",
    "residents",
    "witnesses",
    "people",
    "commentators",
    "campaigners",
    "dealers",
    "bankers",
    "diplomats",
    "lawyers",
];

/// Nouns for those who speak for an organisation ("Treasury officials", "a Cosla
/// spokesman"): the organisation is the speaker.
const SPOKESPEOPLE: &[&str] = &[
    "officials",
    "official",
    "ministers",
    "sources",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "representatives",
    "executives",
];

/// Words before a name that make it one of several ("some senior Tories argued").
const QUANTIFIERS: &[&str] = &["some", "many", "several", "other", "most", "few", "all"];

/// Titles written after a name ("Tom McCabe MSP").
const POSTNOMINALS: &[&str] = &["msp", "mp", "mep", "qc", "am", "jr"];

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
    "msp",
    "qc",
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
    "head",
    "lady",
    "mep",
    "mp",
    "msp",
    "deputy",
    "prosecutor",
    "commissioner",
    "director",
    "manager",
    "founder",
    "boss",
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
    "rada",
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
    /// Role words and the nationalities of [`NATIONALITIES`]: one lookup for both.
    roles: AHashSet<&'static str>,
    organisations: AHashSet<&'static str>,
    countries: AHashSet<&'static str>,
    verbs: AHashSet<&'static str>,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| Sets {
    roles: ROLE_WORDS.iter().chain(NATIONALITIES).copied().collect(),
    organisations: ORGANISATION_WORDS.iter().copied().collect(),
    countries: COUNTRIES.iter().copied().collect(),
    verbs: VERBS.iter().copied().collect(),
});

/// A cheap first test for "may this word be a reporting verb (or 'according')": the pairs
/// of first and last letter the verbs have, one bit each. Most words fail it, so the verb
/// set is hashed for few of them.
static VERB_ENDS: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut ends = [0u32; 26];
    for w in VERBS.iter().chain(&["according"]) {
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
fn may_be_verb(word: &str) -> bool {
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

/// First names spelt like nationality adjectives ("Brian Monteith", "Jean Chretien").
const NATIONALITY_LIKE_NAMES: &[&str] = &[
    "adrian",
    "brian",
    "christian",
    "cyprian",
    "damian",
    "dean",
    "dorian",
    "fabian",
    "florian",
    "gillian",
    "hamish",
    "jean",
    "jillian",
    "julian",
    "kilian",
    "killian",
    "lillian",
    "lucian",
    "marian",
    "maximilian",
    "reese",
    "sean",
    "sebastian",
    "trish",
    "vivian",
];

/// Nationality adjectives without the usual endings.
const NATIONALITIES: &[&str] = &[
    "american",
    "us",
    "u.s.",
    "french",
    "german",
    "greek",
    "dutch",
    "israeli",
    "iraqi",
    "afghan",
    "thai",
    "african",
    "mexican",
    "cuban",
    "moroccan",
    "kenyan",
    "libyan",
    "pakistani",
    "saudi",
    "yemeni",
    "kuwaiti",
    "qatari",
    "emirati",
    "somali",
    "bangladeshi",
    "nepali",
    "filipino",
    "swiss",
    "welsh",
    "czech",
    "slovak",
    "uzbek",
    "kazakh",
];

/// Nationality adjectives by their endings: "Russian", "Ukrainian", "British", "Chinese"
/// (the others, "American", "French", are in [`NATIONALITIES`]).
fn is_nationality(word: &str) -> bool {
    let ends = |suffix: &str| {
        word.len() > suffix.len()
            && word
                .get(word.len() - suffix.len()..)
                .is_some_and(|e| e.eq_ignore_ascii_case(suffix))
    };
    is_capitalised(word)
        && (ends("ian") || ends("ean") || ends("ese") || ends("ish"))
        && !in_list(NATIONALITY_LIKE_NAMES, word)
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
        // "I'd say", "I've", "I'm": the speaker's own words.
        && !(word.starts_with("I'") || word.starts_with("I\u{2019}"))
}

/// One sentence's tokens with the text between them.
struct Sentence<'a> {
    text: &'a str,
    tokens: &'a [Token<'a>],
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
    /// Whether the words `i - 1` and `i` are joined by white space only.
    fn joined(&self, i: usize, doc: &'a str) -> bool {
        self.gap_before(i, doc).trim().is_empty()
    }
    fn is(&self, i: usize, list: &[&str]) -> bool {
        i < self.tokens.len() && in_list(list, self.word(i))
    }
}

/// A name found in a sentence: tokens [start, end), with its role.
#[derive(Debug, Clone)]
struct Found {
    name: String,
    role: String,
    kind: Kind,
    /// First token of the name (role and honorific excluded).
    start: usize,
    /// Told by an honorific: `Some(true)` for Mrs/Ms/Miss/Lady/Dame, `Some(false)` for
    /// Mr/Sir/Lord.
    female: Option<bool>,
    /// Named with an honorific or a title: a person for sure.
    titled: bool,
}

/// Where quotations are open, read once through the document in order: quotes open after
/// a space and close before one (curly ones say which they are), and a new line closes whatever is open (a quotation
/// that runs on reopens in the next paragraph).
struct Quotes<'a> {
    doc: &'a [u8],
    pos: usize,
    inside: bool,
}

impl<'a> Quotes<'a> {
    fn new(doc: &'a str) -> Self {
        Self {
            doc: doc.as_bytes(),
            pos: 0,
            inside: false,
        }
    }
    /// Whether byte offset `at` (not before the last one asked about) is inside a quotation.
    fn inside_at(&mut self, at: usize) -> bool {
        let end = at.min(self.doc.len());
        while self.pos < end {
            // Only quotes, new lines and the lead byte of curly quotes matter.
            let rest = &self.doc[self.pos..end];
            match rest.iter().position(|&b| matches!(b, b'"' | b'\n' | 0xE2)) {
                Some(k) => self.pos += k,
                None => {
                    self.pos = end;
                    break;
                }
            }
            match self.doc[self.pos] {
                // A straight quote opens after a space and closes before one; some
                // archives open every quoted sentence anew without closing the last.
                b'"' => {
                    let before = self.pos.checked_sub(1).map(|p| self.doc[p]);
                    let after = self.doc.get(self.pos + 1).copied();
                    let space = |b: Option<u8>| b.is_none_or(|b| b.is_ascii_whitespace());
                    self.inside = if space(before) || before == Some(b'(') {
                        true
                    } else if space(after) || after.is_some_and(|b| b.is_ascii_punctuation()) {
                        false
                    } else {
                        !self.inside
                    };
                }
                b'\n' => self.inside = false,
                // U+201C and U+201D: E2 80 9C / E2 80 9D.
                0xE2 if self.doc.get(self.pos + 1) == Some(&0x80) => {
                    match self.doc.get(self.pos + 2) {
                        Some(0x9C) => self.inside = true,
                        Some(0x9D) => self.inside = false,
                        _ => {}
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        self.inside
    }
}

/// A person the document has named so far, for pronouns and descriptions.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    role: String,
    female: Option<bool>,
    /// Has made a statement in the document.
    spoke: bool,
}

/// What the document has said so far about who is who: the antecedents of pronouns and
/// descriptions.
#[derive(Default)]
struct Context {
    /// People named so far, least recent first. Each name is there once.
    persons: Vec<Person>,
    /// Index of each person by name, and of the latest person by surname (last word): the
    /// context is asked about every name of the document.
    by_name: AHashMap<String, usize>,
    by_surname: AHashMap<String, usize>,
    /// Organisations that spoke so far, least recent first.
    orgs: Vec<String>,
    /// The person the previous sentences were about: the speaker of the last sentence with a
    /// statement, or the first person named in a later sentence.
    focus: Option<usize>,
    /// The first person named in the last sentence that sent or wrote something: the
    /// writer of "the message" that follows.
    sender: Option<usize>,
}

impl Context {
    /// The known person a name refers to: a lone surname refers to the full name seen before.
    fn find(&self, name: &str) -> Option<usize> {
        if let Some(&i) = self.by_name.get(name) {
            return Some(i);
        }
        if !name.contains(' ') {
            return self.by_surname.get(name).copied();
        }
        None
    }

    /// Notes a person named; returns its index. A lone word with no title is noted only when
    /// it is the surname of someone named before (else it may be a place).
    fn note(&mut self, f: &Found) -> Option<usize> {
        let i = match self.find(&f.name) {
            Some(i) => i,
            None if f.name.contains(' ') || f.titled => {
                let i = self.persons.len();
                self.by_name.insert(f.name.clone(), i);
                let surname = f.name.rsplit(' ').next().unwrap_or(&f.name);
                self.by_surname.insert(surname.to_string(), i);
                self.persons.push(Person {
                    name: f.name.clone(),
                    role: String::new(),
                    female: None,
                    spoke: false,
                });
                self.persons.len() - 1
            }
            None => return None,
        };
        let p = &mut self.persons[i];
        if f.role.len() > p.role.len() {
            p.role = f.role.clone();
        }
        if f.female.is_some() {
            p.female = f.female;
        }
        Some(i)
    }

    fn fits_gender(&self, i: usize, pronoun: &str) -> bool {
        match self.persons[i].female {
            Some(female) => female == (pronoun == "she"),
            None => true,
        }
    }

    /// "he" or "she": the first person named earlier in the same sentence, else the focus,
    /// else the last person named; never one known to be of the other sex.
    fn resolve_pronoun(&self, pronoun: &str, earlier: &[usize]) -> Option<usize> {
        let ok = |i: &usize| self.fits_gender(*i, pronoun);
        earlier
            .iter()
            .copied()
            .find(ok)
            .or(self.focus.filter(ok))
            .or_else(|| (0..self.persons.len()).rev().find(ok))
    }

    /// The person a description fits best: one whose title has the description's noun
    /// (more shared words fit better), then one whose title is unknown; the most recent
    /// wins a tie. Someone known by another title is a last resort.
    /// People who have spoken come first: a description in news takes up a speaker; one only
    /// mentioned is taken when no speaker fits.
    fn resolve_description(&self, d: &Desc) -> Option<usize> {
        let best = |spoke: bool| {
            let mut best: Option<(usize, usize)> = None;
            for (i, p) in self.persons.iter().enumerate().rev() {
                if p.spoke != spoke {
                    continue;
                }
                let f = fit(d, &p.role);
                if f > 0 && best.is_none_or(|b| f > b.0) {
                    best = Some((f, i));
                }
            }
            best
        };
        let last_speaker = || self.persons.iter().rposition(|p| p.spoke);
        match (best(true), best(false)) {
            (Some(a), Some(b)) if b.0 > a.0 && b.0 >= 3 => Some(b.1),
            (Some(a), _) => Some(a.1),
            (None, Some(b)) => Some(b.1),
            (None, None) => last_speaker().or(self.focus),
        }
    }

    /// "the company", "a spokesman": the last organisation that spoke whose name has the
    /// noun, else (for a company or a spokesman) the last organisation that spoke.
    fn resolve_org(&self, noun: &str) -> Option<&String> {
        let named = self
            .orgs
            .iter()
            .rev()
            .find(|o| o.to_lowercase().contains(noun));
        let any = matches!(
            noun,
            "company"
                | "firm"
                | "group"
                | "corporation"
                | "business"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
        );
        named.or_else(|| {
            any.then(|| self.orgs.iter().rev().find(|o| !in_set(&SETS.countries, o)))
                .flatten()
        })
    }
}

/// A description of a person: its head noun ("head" in "the Head of the Republic") and all
/// its words, lower case, without "'s".
#[derive(Debug, Clone)]
struct Desc {
    noun: String,
    words: Vec<String>,
    /// Opened by "a" or "an": someone not named ("a spokesman said"), never a person named
    /// later.
    indefinite: bool,
}

impl Desc {
    fn new(words: &[&str]) -> Self {
        let words: Vec<String> = words
            .iter()
            .map(|w| {
                let w = lower(w);
                w.strip_suffix("'s")
                    .or_else(|| w.strip_suffix("\u{2019}s"))
                    .map_or(w.clone(), str::to_string)
            })
            .collect();
        // The head noun comes before "of" or "to" ("the Adviser to the Head of ...").
        let head_end = words
            .iter()
            .position(|w| w == "of" || w == "to")
            .unwrap_or(words.len());
        let mut noun = words[..head_end].last().cloned().unwrap_or_default();
        let rest = words.get(head_end + 1..).unwrap_or(&[]);
        if noun == "head" && rest == ["state"] {
            noun = "president".into(); // "the Head of State"
        } else if noun == "head" && rest == ["government"] {
            noun = "minister".into(); // "the head of government"
        }
        Self {
            noun,
            words,
            indefinite: false,
        }
    }
}

/// How well a description fits a person's title: 0 if the title is known and lacks the
/// noun, 1 if the title is unknown, 2 and more if it has the noun (plus one for every other
/// word they share, less one for every rank word of the title the description lacks:
/// "the head of the Office" is not its "Deputy Head").
fn fit(d: &Desc, role: &str) -> usize {
    if role.is_empty() {
        return 1;
    }
    let r = role.to_lowercase();
    let noun = d.noun.as_str();
    let noun_fits = r.contains(noun)
        || (noun == "diplomat" && (r.contains("foreign") || r.contains("ambassador")))
        || (noun == "state" && r.contains("president"))
        || (noun == "leader" && (r.contains("president") || r.contains("prime")));
    if !noun_fits {
        return 0;
    }
    let shared = d
        .words
        .iter()
        .filter(|w| !matches!(w.as_str(), "the" | "of" | "to" | "and") && w.as_str() != noun)
        .filter(|w| {
            // Whole words, or the start of one ("president" in "Presidential Office"), but
            // not its plural ("state" is not "United States").
            r.split_whitespace()
                .any(|x| x.starts_with(w.as_str()) && x.strip_suffix('s') != Some(w.as_str()))
        })
        .count();
    let missing = [
        "deputy",
        "vice",
        "first",
        "former",
        "acting",
        "assistant",
        "adviser",
        "shadow",
    ]
    .iter()
    .filter(|w| r.contains(*w) && !d.words.iter().any(|x| x == *w) && **w != noun)
    .count();
    (2 + shared).saturating_sub(missing).max(1)
}

/// A speaker as found in the sentence, before it is resolved.
enum Who {
    Named(Found),
    /// "he", "she", "they", "it", lower case.
    Pronoun(String),
    Description(Desc),
    /// An organisation described ("the company"): the noun, and the words as written.
    OrgDescription(String, String),
}

/// Splits `text` into sentences and attributes statements. A sentence that is the article's
/// `title` (a headline: "Russia urges US to ...") is not a statement.
pub fn attribute(text: &str, title: Option<&str>) -> Speech {
    attribute_tokens(text, &crate::text::tokenize::tokenize(text), title)
}

/// Whether a capitalised word may be half of a hyphenated name ("Kilroy" and "Silk" in
/// "Kilroy-Silk", "Wal" and "Mart"): not a title, nationality, place or body ("Russian-US",
/// "Anglo-Dutch", "Pro-EU" are no names).
fn hyphen_part(word: &str) -> bool {
    is_capitalised(word)
        && !is_role_word(word)
        && !in_set(&SETS.countries, word)
        && !in_set(&SETS.organisations, word)
}

/// The tokens with hyphenated names made one word: the tokeniser splits "Kilroy-Silk" and
/// "Wal-Mart" at the hyphen, "S&P" and "AT&T" at the ampersand, but a name keeps it.
/// Borrowed when the text has none.
fn join_hyphenated<'a, 't>(
    text: &'t str,
    tokens: &'a [Token<'t>],
) -> std::borrow::Cow<'a, [Token<'t>]> {
    let joins = |a: &Token<'_>, b: &Token<'_>| {
        a.sentence == b.sentence
            && matches!(text.get(a.start + a.text.len()..b.start), Some("-" | "&"))
            && hyphen_part(a.text)
            && hyphen_part(b.text)
    };
    if !tokens.windows(2).any(|w| joins(&w[0], &w[1])) {
        return std::borrow::Cow::Borrowed(tokens);
    }
    let mut out: Vec<Token<'t>> = Vec::with_capacity(tokens.len());
    for t in tokens {
        if let Some(last) = out.last_mut()
            && joins(last, t)
            && let Some(joined) = text.get(last.start..t.start + t.text.len())
        {
            last.text = joined;
            continue;
        }
        out.push(*t);
    }
    std::borrow::Cow::Owned(out)
}

/// [`attribute`] on the tokens of `text` already made (by the analysis of the same text).
pub fn attribute_tokens<'t>(text: &'t str, tokens: &[Token<'t>], title: Option<&str>) -> Speech {
    let tokens = join_hyphenated(text, tokens);
    let tokens: &[Token<'t>] = &tokens;
    let mut sentences: Vec<Sentence<'_>> = Vec::new();
    let mut from = 0;
    for (i, t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        if next.is_none_or(|n| n.sentence != t.sentence) {
            let words = &tokens[from..=i];
            sentences.push(Sentence {
                text: "",
                tokens: words,
                start: words[0].start,
            });
            from = i + 1;
        }
    }
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
    let mut cx = Context::default();
    let mut quotes = Quotes::new(text);
    // Every sentence's people first: a description may come before the name ("The finance
    // minister has urged ... Scottish Finance Minister, Tom McCabe, said").
    let all_people: Vec<Vec<Found>> = sentences.iter().map(|s| people_in(s, text)).collect();
    for (si, s) in sentences.iter().enumerate() {
        let people = &all_people[si];
        let is_title = title.is_some_and(|t| !t.is_empty() && s.text.starts_with(t.trim()));
        // People of this sentence as antecedents: (first token, index in the context).
        let quoted: Vec<bool> = s.tokens.iter().map(|t| quotes.inside_at(t.start)).collect();
        // People named inside a quotation are the speaker's words, not the reporter's
        // antecedents.
        let label = transcript_label(s, text, &cx);
        let noted: Vec<(usize, usize)> = people
            .iter()
            .filter(|p| !quoted[p.start])
            .filter_map(|p| cx.note(p).map(|i| (p.start, i)))
            .collect();
        if is_title {
            continue;
        }
        for p in people {
            speech.mentions.push(Mention {
                name: p.name.clone(),
                role: p.role.clone(),
                titled: p.titled,
                count: 1,
            });
        }
        let mut in_sentence: Vec<Statement> = Vec::new();
        let mut subject: Option<usize> = None;
        if let Some(f) = label {
            let i = cx.note(&f);
            subject = subject.or(i);
            // The title the document gave the person, when the label does not repeat it.
            let role = match i {
                Some(i) if f.role.is_empty() => cx.persons[i].role.clone(),
                _ => f.role,
            };
            in_sentence.push(Statement {
                sentence: si as u32,
                text: s.text.to_string(),
                speaker: f.name,
                role,
                kind: f.kind,
                how: How::Named,
                verb: "transcript".into(),
            });
        }
        if let Some(verb) = document_reads(s)
            && let Some(i) = cx.sender.or(cx.focus)
        {
            let p = &cx.persons[i];
            subject = subject.or(Some(i));
            in_sentence.push(Statement {
                sentence: si as u32,
                text: s.text.to_string(),
                speaker: p.name.clone(),
                role: p.role.clone(),
                kind: Kind::Person,
                how: How::Description,
                verb,
            });
        }
        #[allow(clippy::needless_range_loop)] // v is a position: words around it are read
        for v in 0..s.tokens.len() {
            // Most words are no verb: test without allocating first.
            let raw = s.word(v);
            if !may_be_verb(raw)
                || (!in_set(&SETS.verbs, raw) && !raw.eq_ignore_ascii_case("according"))
            {
                continue;
            }
            // A verb inside a quotation is the speaker's own word, not the reporter's.
            if quoted[v] {
                continue;
            }
            let w = lower(raw);
            let Some(verb) = (if w == "according" {
                s.is(v + 1, &["to"]).then(|| "according to".to_string())
            } else {
                verb_phrase(&w, s, v, text)
            }) else {
                continue;
            };
            let found = find_speaker(s, v, &verb, text);
            let Some((mut who, how)) = found else {
                continue;
            };
            let mut also = match &who {
                Who::Named(f) if how == How::Named && f.start < v => coordinated(s, f, text),
                _ => None,
            };
            // "The Tories say", "the Conservatives and Lib Dems insist": bodies, not people.
            if let Who::Named(f) = &mut who {
                if is_body(s, f) {
                    f.kind = Kind::Organisation;
                }
                if let Some(g) = also.as_mut()
                    && is_body(s, g)
                {
                    g.kind = Kind::Organisation;
                    if !f.titled {
                        f.kind = Kind::Organisation;
                    }
                }
            }
            // After a statement in the same sentence, "they would insist" and "the money
            // pledged by the US" are what was said, not more statements.
            if !in_sentence.is_empty()
                && (matches!(&who, Who::Pronoun(p) if p == "it" || p == "they")
                    || s.is(v + 1, &["by"]))
            {
                continue;
            }
            let (speaker, role, kind, how) = match who {
                Who::Named(f) => {
                    if f.kind == Kind::Person {
                        // A speaker is a person even named by a lone surname.
                        let i = cx.note(&Found {
                            titled: true,
                            ..f.clone()
                        });
                        subject = subject.or(i);
                        // The title the document gave the person, when not repeated here.
                        match i {
                            Some(i) if f.role.is_empty() => {
                                let p = &cx.persons[i];
                                (f.name, p.role.clone(), f.kind, how)
                            }
                            _ => (f.name, f.role, f.kind, how),
                        }
                    } else {
                        (f.name, f.role, f.kind, how)
                    }
                }
                Who::Pronoun(p) if p == "he" || p == "she" => {
                    let at = s.tokens[v].start;
                    // "<content>, he said": people named before the comma are part of what
                    // was said, not who said it; the pronoun takes up an earlier speaker.
                    let tag_after_content = v >= 2 && {
                        let (prev, pron) = (&s.tokens[v - 2], &s.tokens[v - 1]);
                        pron.text.eq_ignore_ascii_case(&p)
                            && text
                                .get(prev.start + prev.text.len()..pron.start)
                                .is_some_and(|gap| {
                                    gap.contains([',', '"', '\u{201D}', ':', '\u{2014}'])
                                })
                    };
                    // Except one who spoke earlier in the sentence: "Laws said: "...," he said"
                    // is Laws twice.
                    let earlier: Vec<usize> = if tag_after_content {
                        in_sentence
                            .iter()
                            .filter(|st| st.kind == Kind::Person && st.how == How::Named)
                            .filter_map(|st| cx.find(&st.speaker))
                            .collect()
                    } else {
                        noted
                            .iter()
                            .filter(|(t, _)| s.tokens[*t].start < at)
                            .map(|&(_, i)| i)
                            .collect()
                    };
                    let Some(i) = cx.resolve_pronoun(&p, &earlier) else {
                        continue;
                    };
                    cx.persons[i].female = Some(p == "she");
                    subject = subject.or(Some(i));
                    let person = &cx.persons[i];
                    let how = if how == How::AccordingTo {
                        how
                    } else {
                        How::Pronoun
                    };
                    (person.name.clone(), person.role.clone(), Kind::Person, how)
                }
                Who::Pronoun(_) => {
                    // "they", "it": the organisation the sentence opens with ("Boeing
                    // apologised - although it claimed"), else one that spoke before.
                    let opening = (v >= 3)
                        .then(|| opening_organisation(s, v - 1, text, &cx))
                        .flatten();
                    let Some(o) = opening.or_else(|| cx.orgs.last().cloned()) else {
                        continue;
                    };
                    let how = if how == How::AccordingTo {
                        how
                    } else {
                        How::Pronoun
                    };
                    (o, String::new(), Kind::Organisation, how)
                }
                Who::Description(d) => {
                    // No one named so far has the title: the first one named with it in the
                    // next sentences.
                    let known = cx.resolve_description(&d);
                    let titled = known.filter(|&i| fit(&d, &cx.persons[i].role) >= 2);
                    // With no one named before at all, the first person named with a title
                    // or an honorific in the next two ("... announced by the lord chancellor.
                    // Lord Falconer wants ...").
                    let anyone = known.is_none();
                    let ahead = || {
                        let (n, next) = (sentences.len(), si + 1);
                        (next..n.min(si + 4)).find_map(|sj| {
                            let t = &sentences[sj];
                            all_people[sj].iter().find(|f| {
                                let fits = fit(&d, &f.role) >= 2
                                    || fit(&d, &title_before_comma(t, f.start, text)) >= 2;
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
                    let how = if how == How::AccordingTo {
                        how
                    } else {
                        How::Description
                    };
                    let person = titled.or_else(|| later.and_then(|f| cx.note(f)));
                    // "a spokesman said" with no spokesman named: the organisation that
                    // spoke ("The Conservatives insisted ... a spokesman said").
                    let spokes = SPOKESPEOPLE.contains(&d.noun.as_str());
                    if person.is_none()
                        && spokes
                        && let Some(o) = cx.resolve_org(&d.noun)
                    {
                        (o.clone(), String::new(), Kind::Organisation, how)
                    } else {
                        let Some(i) = person.or(known) else {
                            continue;
                        };
                        subject = subject.or(Some(i));
                        let person = &cx.persons[i];
                        (person.name.clone(), person.role.clone(), Kind::Person, how)
                    }
                }
                Who::OrgDescription(noun, written) => {
                    let how = if how == How::AccordingTo {
                        how
                    } else {
                        How::Description
                    };
                    // "The EU said": an acronym after "the" is the name itself.
                    let acronym = written.len() >= 2
                        && written
                            .chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                    // Else a description is no name: it takes up an organisation that spoke,
                    // or one named earlier with the noun in its name ("the Bank" after "the
                    // Bank of England"); with neither, it has no speaker we can name.
                    let named = || {
                        cx.resolve_org(&noun)
                            .cloned()
                            .or_else(|| named_org_before(text, tokens, s.start, &noun))
                    };
                    // The acronym names the organisation: a named statement.
                    let how = if acronym && how == How::Description {
                        How::Named
                    } else {
                        how
                    };
                    let org = if acronym { Some(written) } else { named() };
                    match org {
                        Some(o) => (o, String::new(), Kind::Organisation, how),
                        None => continue,
                    }
                }
            };
            let same = |a: &str, b: &str| a.rsplit(' ').next() == b.rsplit(' ').next();
            if in_sentence.iter().any(|st| same(&st.speaker, &speaker)) {
                continue; // "said ..., adding" or two verbs for one speaker: one statement
            }
            in_sentence.push(Statement {
                sentence: si as u32,
                text: s.text.to_string(),
                speaker,
                role,
                kind,
                how,
                verb: verb.clone(),
            });
            if let Some(g) = also
                && !in_sentence.iter().any(|st| same(&st.speaker, &g.name))
            {
                if g.kind == Kind::Person {
                    cx.note(&Found {
                        titled: true,
                        ..g.clone()
                    });
                }
                in_sentence.push(Statement {
                    sentence: si as u32,
                    text: s.text.to_string(),
                    speaker: g.name,
                    role: g.role,
                    kind: g.kind,
                    how: How::Named,
                    verb,
                });
            }
        }
        // A bare noun as a name ("the Bank said", read as a name for its capital) stands
        // for an organisation named before, or for no one we can name.
        in_sentence.retain_mut(|st| {
            if !is_bare_noun(&st.speaker) {
                return true;
            }
            let noun = lower(st.speaker.trim());
            let org = cx
                .resolve_org(&noun)
                .filter(|o| !is_bare_noun(o))
                .cloned()
                .or_else(|| named_org_before(text, tokens, s.start, &noun));
            match org {
                Some(o) => {
                    st.speaker = o;
                    st.kind = Kind::Organisation;
                    true
                }
                None => false,
            }
        });
        // "the Fed", "Lib Dems": the full name the document writes ("Federal Reserve",
        // "Liberal Democrats").
        for st in &mut in_sentence {
            let plain = st.how == How::Named || st.how == How::AccordingTo;
            if plain
                && st.role.is_empty()
                && cx
                    .find(&st.speaker)
                    .is_none_or(|i| cx.persons[i].female.is_none())
                && let Some(long) = long_form(text, &st.speaker)
            {
                st.speaker = long;
            }
        }
        for st in &in_sentence {
            if st.kind == Kind::Person
                && let Some(i) = cx.find(&st.speaker)
            {
                cx.persons[i].spoke = true;
            }
            // A lone capitalised word that speaks with no title ("EMI said") may be a company.
            // Not one named with an honorific ("Mr Sears told").
            let org_like = st.kind == Kind::Organisation
                || (st.how == How::Named
                    && !st.speaker.contains(' ')
                    && st.role.is_empty()
                    && cx
                        .find(&st.speaker)
                        .is_none_or(|i| cx.persons[i].female.is_none()));
            if org_like && !cx.orgs.contains(&st.speaker) {
                cx.orgs.push(st.speaker.clone());
            } else if org_like && let Some(k) = cx.orgs.iter().position(|o| o == &st.speaker) {
                let o = cx.orgs.remove(k);
                cx.orgs.push(o);
            }
        }
        if (0..s.tokens.len()).any(|k| s.is(k, SENDING))
            && let Some(&(_, i)) = noted.first()
        {
            cx.sender = Some(i);
        }
        cx.focus = subject
            .or_else(|| noted.first().map(|&(_, i)| i))
            .or(cx.focus);
        speech.statements.extend(in_sentence);
    }
    speech.mentions = tally(std::mem::take(&mut speech.mentions));
    speech
}

/// One entry per distinct mention (name, role, title), in order of first sight, with its
/// count: kept one per occurrence, a corpus of long documents held more in mentions than in
/// any other per-document structure.
fn tally(mentions: Vec<Mention>) -> Vec<Mention> {
    fn key(m: &Mention) -> (&str, &str, bool) {
        (&m.name, &m.role, m.titled)
    }
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| key(&mentions[a]).cmp(&key(&mentions[b])).then(a.cmp(&b)));
    let mut firsts: Vec<(usize, u32)> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        match firsts.last_mut() {
            Some((first, count)) if n > 0 && key(&mentions[*first]) == key(&mentions[i]) => {
                *count += 1;
            }
            _ => firsts.push((i, 1)),
        }
    }
    firsts.sort_unstable();
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    firsts
        .into_iter()
        .filter_map(|(i, count)| {
            let mut m = slots[i].take()?;
            m.count = count;
            Some(m)
        })
        .collect()
}

/// The speaker of the verb at `v` ("according to" included), before it is resolved.
fn find_speaker(s: &Sentence<'_>, v: usize, verb: &str, doc: &str) -> Option<(Who, How)> {
    if verb == "according to" {
        return speaker_after(s, v + 2, doc).map(|(w, _)| (w, How::AccordingTo));
    }
    let passive = v > 0 && s.is(v - 1, PASSIVE) && verb != "convinced";
    // "announced by the lord chancellor", "This was stated by Adviser ... Podolyak".
    if s.is(v + 1, &["by"]) && s.joined(v + 1, doc) {
        return speaker_after(s, v + 2, doc);
    }
    if passive {
        return None;
    }
    if verb == "convinced" && !(v > 0 && s.is(v - 1, &["is", "am", "was", "are"])) {
        return None;
    }
    let participle = verb.ends_with("ing");
    if participle {
        // "Putin gave an update, noting that ...": the subject of the sentence speaks; a
        // name right before ("with Oliver Letwin branding ...") speaks too.
        if s.gap_before(v, doc).contains([',', ':']) || v == 0 {
            return subject_of(s, v, doc);
        }
        return speaker_before(s, v, doc);
    }
    speaker_before(s, v, doc).or_else(|| {
        let gap = s.gap_before(v, doc);
        let after_quote =
            v == 0 || gap.contains([',', '"', '\u{201D}', '\u{201C}', ':']) || gap.contains('\'');
        after_quote.then(|| speaker_after(s, v + 1, doc)).flatten()
    })
}

/// The organisation a sentence opens with, as the subject of its first verb, when it stands
/// before token `before`: "Boeing apologised ...", "But the Pentagon said ...". A lone word
/// must not be a person known to the document.
fn opening_organisation(
    s: &Sentence<'_>,
    before: usize,
    doc: &str,
    cx: &Context,
) -> Option<String> {
    let mut k = 0;
    while k < before
        && s.is(
            k,
            &["but", "and", "however", "meanwhile", "yet", "so", "the"],
        )
    {
        k += 1;
    }
    let mut end = k;
    while end < before && is_capitalised(s.word(end)) && (end == k || s.joined(end, doc)) {
        end += 1;
    }
    // The name is followed by its verb: a lower-case word.
    if end == k || end >= before || is_capitalised(s.word(end)) || !s.joined(end, doc) {
        return None;
    }
    let f = name_ending_at(s, end, doc)?;
    let lone = !f.name.contains(' ');
    // A lone word is a name when the document wrote it capitalised inside a sentence before
    // ("Shares fell" is none).
    let org = f.kind == Kind::Organisation
        || (lone
            && !f.titled
            && cx.find(&f.name).is_none()
            && capitalised_inside_before(&doc[..s.start.min(doc.len())], &f.name));
    (org && f.start == k).then_some(f.name)
}

/// Whether `text` has `word` after a lower-case word or a comma: written capitalised where
/// no sentence starts.
fn capitalised_inside_before(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].strip_suffix(' ');
        let after = text[at + word.len()..].chars().next();
        before.is_some_and(|b| b.ends_with(|c: char| c.is_lowercase() || c == ','))
            && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The subject of a sentence whose verb at `v` is a participle: a pronoun or a name at its
/// start (after "But", "And", "However,").
fn subject_of(s: &Sentence<'_>, v: usize, doc: &str) -> Option<(Who, How)> {
    let mut i = 0;
    while i < v && s.is(i, &["but", "and", "however", "meanwhile", "yet", "so"]) {
        i += 1;
    }
    if i >= v {
        return None;
    }
    let w = lower(s.word(i));
    if PRONOUNS.contains(&w.as_str()) {
        return Some((Who::Pronoun(w), How::Pronoun));
    }
    // The name: the run of capitalised words and role words from i.
    let mut end = i;
    while end < v && (is_capitalised(s.word(end)) || is_role_word(s.word(end))) {
        end += 1;
        if end < v && !s.joined(end, doc) {
            break;
        }
    }
    // Drop a possessive's thing: "Russia's ministry" is not "Russia".
    if end == i {
        return description_ending_at(s, v, doc).filter(|_| false);
    }
    let f = name_ending_at(s, end, doc)?;
    Some((Who::Named(f), How::Named))
}

/// Common nouns that name no one on their own: "Company", "Sources", "Department" (what is
/// left of "the company", "sources said", "Inc" when the name before it was not read). A
/// noun that stands for one body in its context ("government", "Treasury") is not here.
const BARE_NOUNS: &[&str] = &[
    "company",
    "companies",
    "firm",
    "firms",
    "business",
    "department",
    "bank",
    "inc",
    "corp",
    "ltd",
    "plc",
    "llc",
    "co",
    "corporation",
    "group",
    "source",
    "sources",
    "agency",
    "office",
    "committee",
    "commission",
    "council",
    "board",
    "fund",
    "association",
    "institute",
    "service",
    "authority",
    "organisation",
    "organization",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "statement",
    "report",
];

/// A speaker "name" that is one bare common noun.
fn is_bare_noun(name: &str) -> bool {
    !name.trim().contains(' ') && in_list(BARE_NOUNS, name.trim())
}

/// The latest organisation named before byte `before` whose name has `noun` as a
/// capitalised word and at least one more word: "Bank of England", "UK Independence Party"
/// for "the bank", "the party".
fn named_org_before(doc: &str, tokens: &[Token<'_>], before: usize, noun: &str) -> Option<String> {
    let end = tokens.partition_point(|t| t.start < before);
    let joined = |a: usize, b: usize| {
        let (x, y) = (&tokens[a], &tokens[b]);
        x.sentence == y.sentence
            && doc
                .get(x.start + x.text.len()..y.start)
                .is_some_and(|g| g.chars().all(|c| c == ' '))
    };
    let cap = |k: usize| is_capitalised(tokens[k].text) && !in_list(DETERMINERS, tokens[k].text);
    for k in (0..end).rev() {
        if !is_capitalised(tokens[k].text) || !tokens[k].text.eq_ignore_ascii_case(noun) {
            continue;
        }
        let mut a = k;
        while a > 0 && joined(a - 1, a) && cap(a - 1) {
            a -= 1;
        }
        let mut b = k + 1;
        loop {
            if b < end && joined(b - 1, b) && cap(b) {
                b += 1;
            } else if b + 1 < end
                && joined(b - 1, b)
                && joined(b, b + 1)
                && in_list(&["of", "for"], tokens[b].text)
                && cap(b + 1)
            {
                b += 2;
            } else {
                break;
            }
        }
        if b - a >= 2 {
            let words: Vec<&str> = tokens[a..b].iter().map(|t| t.text).collect();
            return Some(words.join(" "));
        }
    }
    None
}

/// Things written that speak for their writer.
const WRITINGS: &[&str] = &[
    "message",
    "letter",
    "telegram",
    "greeting",
    "greetings",
    "address",
    "statement",
    "note",
    "appeal",
];

/// Verbs of sending a writing ("Putin sent greetings to ...").
const SENDING: &[&str] = &["sent", "sends", "wrote", "writes", "addressed", "addresses"];

/// "The message reads, in part: ...", "His letter says ...": a writing opens the sentence
/// and speaks; its writer is the person the previous sentences were about ("Putin sent
/// greetings to ..."). Returns the verb.
fn document_reads(s: &Sentence<'_>) -> Option<String> {
    let n = s.tokens.len();
    if n < 3 || !s.is(0, &["the", "his", "her", "this"]) || !s.is(1, WRITINGS) {
        return None;
    }
    s.is(2, &["reads", "says", "said", "read", "states", "stated"])
        .then(|| lower(s.word(2)))
}

/// A transcript's speaker label at the start of a line: "President of Russia Vladimir
/// Putin: Friends, ...".
fn transcript_label(s: &Sentence<'_>, doc: &str, cx: &Context) -> Option<Found> {
    let line_start = s.start == 0 || doc[..s.start].trim_end_matches([' ', '\t']).ends_with('\n');
    // A transcript flattened into one paragraph: a label may start any sentence, but then
    // only a titled name or a person named before makes a label ("...today? Aeroflot CEO
    // Mikhail Poluboyarinov: You are"), not any capitalised words before a colon.
    let after_sentence_end = doc[..s.start]
        .trim_end()
        .ends_with(['.', '?', '!', '"', '\u{201D}']);
    if !line_start && !after_sentence_end {
        return None;
    }
    let n = s.tokens.len().min(10);
    for end in 2..n {
        let w = s.word(end - 1);
        if !(is_capitalised(w) || is_role_word(w)) {
            return None;
        }
        let gap = s.gap_before(end, doc);
        if gap.trim() == ":" {
            let f = name_ending_at(s, end, doc)?;
            let known = line_start || !f.role.is_empty() || cx.by_name.contains_key(&f.name);
            return (f.kind == Kind::Person && f.name.contains(' ') && known).then_some(f);
        }
        if !gap.trim().is_empty() {
            return None;
        }
    }
    None
}

/// The speaker standing before the verb at `v`, if any.
fn speaker_before(s: &Sentence<'_>, v: usize, doc: &str) -> Option<(Who, How)> {
    let mut i = v;
    // Skip auxiliaries and adverbs ("has repeatedly", "earlier"), up to three.
    let mut skipped = 0;
    while i > 0
        && skipped < 3
        && (in_list(BETWEEN, s.word(i - 1))
            || (in_list(POSTNOMINALS, s.word(i - 1))
                && is_capitalised(s.word(i - 1))
                // "Tom McCabe MSP said", not "The MEP said".
                && i >= 2
                && is_name_word(s.word(i - 2))))
        && s.joined(i, doc)
    {
        if s.word(i - 1).eq_ignore_ascii_case("it") {
            break; // "it" is a speaker ("It said"), not an adverb
        }
        i -= 1;
        skipped += 1;
    }
    if i == 0 {
        return None;
    }
    let gap = s.gap_before(i, doc);
    let prev = s.word(i - 1);
    let lp = lower(prev);
    // "Robert Kilroy-Silk has quit the party and accused it of ...": the verb shares the
    // subject of the sentence.
    if (lp == "and" || lp == "but") && gap.trim().is_empty() {
        return sentence_subject(s, i - 1, doc).map(|f| (Who::Named(f), How::Named));
    }
    // '"...," said Ivan Menezes': the quotation ends there, the speaker is after the verb.
    if gap.contains(['"', '\u{201D}']) {
        return None;
    }
    // "John Smith, the chief executive, said": an appositive between name and verb.
    if gap.contains(',') {
        return appositive(s, i, doc);
    }
    if gap.trim().len() > 1 || gap.contains(['"', '\u{201D}', '(', ')']) {
        return None;
    }
    if PRONOUNS.contains(&lp.as_str()) {
        return Some((Who::Pronoun(lp), How::Pronoun));
    }
    if lp == "you" || lp == "i" || lp == "we" {
        return None;
    }
    // "Treasury officials have said", "a Cosla spokesman said": the organisation speaks.
    if in_list(SPOKESPEOPLE, prev) && !is_capitalised(prev) && i >= 2 && s.joined(i - 1, doc) {
        let org = s.word(i - 2);
        if is_capitalised(org) && !is_role_word(org) && !(i - 2 == 0 && is_starter(org)) {
            let mut f = name_ending_at(s, i - 1, doc)?;
            f.kind = Kind::Organisation;
            f.role = String::new();
            return Some((Who::Named(f), How::Named));
        }
    }
    if is_name_word(prev) && !(i - 1 == 0 && is_starter(prev)) {
        let f = name_ending_at(s, i, doc)?;
        // "Analysts said": people in general.
        if f.start == 0 && in_list(GENERIC_GROUPS, &f.name) {
            return None;
        }
        // "some senior Tories argued": some of them, no one in particular.
        let first = f.start - role_len(s, f.start, doc);
        if first > 0 && s.is(first - 1, QUANTIFIERS) {
            return None;
        }
        // "the President of Ukraine said", "The Head of the Republic noted": a title of a
        // place or a body describes a person.
        if f.kind == Kind::Organisation && has_person_title(&f.role) {
            let words: Vec<&str> = f
                .role
                .split_whitespace()
                .chain(f.name.split_whitespace())
                .collect();
            return Some((Who::Description(Desc::new(&words)), How::Description));
        }
        return Some((Who::Named(f), How::Named));
    }
    description_ending_at(s, i, doc)
}

/// The title written before a comma that opens the name at `start`: "Scottish Finance
/// Minister" in "Scottish Finance Minister, Tom McCabe MSP, said". Empty if none.
fn title_before_comma(s: &Sentence<'_>, start: usize, doc: &str) -> String {
    if start == 0 || s.gap_before(start, doc).trim() != "," {
        return String::new();
    }
    let mut i = start - 1;
    while i > 0 && start - i < 8 && s.joined(i, doc) && is_role_word(s.word(i - 1)) {
        i -= 1;
    }
    if !is_role_word(s.word(i)) || !is_role_word(s.word(start - 1)) {
        return String::new();
    }
    (i..start).map(|k| s.word(k)).collect::<Vec<_>>().join(" ")
}

/// The subject a sentence opens with, before token `before`: its first name of two words
/// or more, an organisation, or a name with a title or honorific, followed by a lower-case
/// word ("Ex-chat show host Robert Kilroy-Silk has quit", "The Federal Reserve has raised").
fn sentence_subject(s: &Sentence<'_>, before: usize, doc: &str) -> Option<Found> {
    let mut k = 0;
    while k < before.min(10) {
        if !is_capitalised(s.word(k)) || (k == 0 && is_starter(s.word(k))) {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < before && is_capitalised(s.word(end)) && s.joined(end, doc) {
            end += 1;
        }
        let run_end = end;
        while end > k + 1 && in_list(POSTNOMINALS, s.word(end - 1)) {
            end -= 1;
        }
        let verb_follows =
            run_end < before && !is_capitalised(s.word(run_end)) && s.joined(run_end, doc);
        let last = s.word(end - 1);
        let possessive = last.ends_with("'s") || last.ends_with("\u{2019}s");
        let subject = name_ending_at(s, end, doc).filter(|f| {
            verb_follows
                && !possessive
                && f.start >= k
                && (f.name.contains(' ')
                    || f.kind == Kind::Organisation
                    || f.titled
                    // "The Fed did not ... but noted": no person is "the X".
                    || (f.start > 0 && s.is(f.start - 1, &["the"])))
        });
        // A run before a verb or an auxiliary is the subject, named or not: in "Analysts
        // claimed the Fed's ... but stressed" it is none we name.
        let verb_next =
            verb_follows && (in_set(&SETS.verbs, s.word(run_end)) || s.is(run_end, BETWEEN));
        if subject.is_some() || verb_next {
            return subject;
        }
        k = run_end;
    }
    None
}

/// A name with no title right after "the" ("the Tories", "The Pentagon"): no person is
/// "the Smith"; a party, a body or a company.
fn is_body(s: &Sentence<'_>, f: &Found) -> bool {
    // One word, or two ending in a plural ("the Lib Dems"); "the Lib Dems David Laws" is a
    // person after the party.
    let words = f.name.split(' ').count();
    let short = words == 1 || (words == 2 && f.name.ends_with('s'));
    f.kind == Kind::Person && !f.titled && short && f.start > 0 && s.is(f.start - 1, &["the"])
}

/// The name joined by "and" before a speaker's name: "the Conservatives" in "the
/// Conservatives and Lib Dems insist". Both speak.
fn coordinated(s: &Sentence<'_>, f: &Found, doc: &str) -> Option<Found> {
    let mut k = f.start;
    while k > 0
        && s.joined(k, doc)
        && !s.is(k - 1, &["and"])
        && (is_role_word(s.word(k - 1)) || in_list(HONORIFICS, s.word(k - 1)))
    {
        k -= 1;
    }
    if k < 2 || !s.is(k - 1, &["and"]) || !s.joined(k, doc) || !s.joined(k - 1, doc) {
        return None;
    }
    let g = name_ending_at(s, k - 1, doc)?;
    // Across a title ("Ambassador to Russia and former Adviser Michael McFaul") only a
    // person's full name is another speaker.
    let across_title = k < f.start;
    // One word after no "the" may be half of one name ("Standard and Poor's Corp", "Marks
    // and Spencer"): "the Conservatives and Lib Dems" are two.
    let own = g.name.contains(' ') || g.titled || (g.start > 0 && s.is(g.start - 1, &["the"]));
    let company = f
        .name
        .rsplit(' ')
        .next()
        .is_some_and(|w| in_list(&["corp", "co", "inc", "plc", "ltd", "llc", "group"], w));
    let ok = own
        && !company
        && !(g.start == 0 && is_starter(&g.name))
        && (!across_title || (g.kind == Kind::Person && g.name.contains(' ')));
    ok.then_some(g)
}

/// The long form the document writes of a short name: each word of `short` begins the word
/// of the long form in its place (a plural keeps its "s": "Dems" for "Democrats"), and a
/// one-word name may be the start of a longer name's first word ("Fed" for "Federal
/// Reserve"). At least three letters a word; None if there is none.
fn long_form(doc: &str, short: &str) -> Option<String> {
    let words: Vec<&str> = short.split(' ').collect();
    // A country is its own name ("Russia", not "Russian Ministry").
    if words
        .iter()
        .any(|w| w.chars().count() < 3 || !is_capitalised(w) || in_set(&SETS.countries, w))
    {
        return None;
    }
    let begins = |long: &str, short: &str| {
        let stem = match (short.strip_suffix('s'), long.ends_with('s')) {
            (Some(stem), true) => stem,
            _ => short,
        };
        long.len() > stem.len() && long.starts_with(stem)
    };
    let word_at = |at: usize| -> &str {
        let rest = &doc[at..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        &rest[..end]
    };
    for (at, _) in doc.match_indices(words[0]) {
        let boundary = doc[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let first = word_at(at);
        if !boundary || !begins(first, words[0]) || is_role_word(first) {
            continue;
        }
        // The words of the long form, joined by single spaces, all capitalised.
        let mut long = vec![first];
        let mut pos = at + first.len();
        while long.len() < words.len().max(2) + 2 && doc[pos..].starts_with(' ') {
            let w = word_at(pos + 1);
            if !is_capitalised(w) || in_list(DETERMINERS, w) {
                break;
            }
            long.push(w);
            pos += 1 + w.len();
        }
        if words.len() == 1 && long.len() >= 2 {
            return Some(long.join(" "));
        }
        if words.len() > 1
            && long.len() >= words.len()
            && words.iter().zip(&long).all(|(s, l)| begins(l, s))
        {
            return Some(long[..words.len()].join(" "));
        }
    }
    None
}

/// Whether a role has a word for a person's post ("Head of the", "President of").
fn has_person_title(role: &str) -> bool {
    role.split_whitespace()
        .any(|w| in_list(DESCRIPTION_NOUNS, w) || in_list(&["premier", "chairman"], w))
}

fn is_starter(word: &str) -> bool {
    in_list(crate::speakers::SENTENCE_STARTERS, word)
}

/// An appositive between a speaker and the verb at `v`: "Paul Richards, an analyst at
/// Numis, said" (the name before the first comma), or "The Shadow Secretary of State,
/// Theresa May, said" (the name between the commas).
fn appositive(s: &Sentence<'_>, v: usize, doc: &str) -> Option<(Who, How)> {
    // The comma that opens the appositive, at most 16 tokens back.
    let lo = v.saturating_sub(16);
    let j = (lo + 1..v)
        .rev()
        .find(|&j| s.gap_before(j, doc).contains(','))?;
    // Between the commas: a name ("Theresa May", "Tom McCabe MSP")?
    let mut end = v;
    if s.is(end - 1, POSTNOMINALS) && end - 1 > j {
        end -= 1;
    }
    if end > j
        && let Some(f) = name_ending_at(s, end, doc)
        && f.start == j
        && f.kind == Kind::Person
        && (f.name.contains(' ') || in_list(HONORIFICS, s.word(j.saturating_sub(1))))
    {
        return Some((Who::Named(f), How::Named));
    }
    // Else the name before the comma: "Paul Richards, an analyst at Numis, said".
    if s.gap_before(j, doc).contains(['"', '\u{201D}']) {
        return None;
    }
    let prev = s.word(j - 1);
    if is_capitalised(prev) {
        let f = name_ending_at(s, j, doc)?;
        if f.start == 0 && is_starter(&f.name) {
            return None;
        }
        return Some((Who::Named(f), How::Named));
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
        if start < end && !s.joined(start, doc) {
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
    // "Head of the Republic of Dagestan Sergei Melikov": after "of", the first of three
    // words is the place the title holds.
    if end - start >= 3 && start > 0 && s.is(start - 1, &["of"]) {
        start += 1;
    }
    // A body's name runs over its subject and "of": "Finance Ministry", "Bank of England"
    // (not "Ministry" with the role "Finance", not "England").
    let org_name = |k: usize| {
        is_capitalised(s.word(k))
            && in_set(&SETS.organisations, s.word(k))
            && !is_starter(s.word(k))
    };
    if end - start == 1 && org_name(start) {
        while start > 0
            && s.joined(start, doc)
            && is_capitalised(s.word(start - 1))
            && is_role_word(s.word(start - 1))
            && !is_nationality(s.word(start - 1))
            && !in_set(&SETS.countries, s.word(start - 1))
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
        && s.joined(start, doc)
        && s.joined(start - 1, doc)
        && org_name(start - 2)
        && (start..end).all(|k| !in_set(&SETS.roles, s.word(k)))
    {
        start -= 2;
        while start > 0
            && s.joined(start, doc)
            && is_capitalised(s.word(start - 1))
            && !is_role_word(s.word(start - 1))
            && !is_starter(s.word(start - 1))
        {
            start -= 1;
        }
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
    if single && start == 0 && is_starter(words[0]) {
        return None;
    }
    let honorific = (start > 0 && s.joined(start, doc))
        .then(|| lower(s.word(start - 1)))
        .filter(|h| HONORIFICS.contains(&h.as_str()));
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

/// How many tokens of role and honorific stand right before the name starting at `start`.
fn role_len(s: &Sentence<'_>, start: usize, doc: &str) -> usize {
    let mut i = start;
    while i > 0
        && s.joined(i, doc)
        && (is_role_word(s.word(i - 1)) || in_list(HONORIFICS, s.word(i - 1)))
    {
        i -= 1;
    }
    start - i
}

/// Role words right before a name ("Russian Deputy Foreign Minister", "Kremlin spokesman",
/// "Head of the Republic of Dagestan", "Murmansk Region Governor").
fn role_before(s: &Sentence<'_>, start: usize, doc: &str) -> String {
    // Walk back over role words, honorifics, and the names of places and bodies a title
    // may hold ("of the Republic of Dagestan"), at most 14 words ("Adviser to the Head of
    // the Office of the President of Ukraine").
    let mut i = start;
    while i > 0 && start - i < 14 && s.joined(i, doc) {
        let w = s.word(i - 1);
        // "to" joins a title's parts ("Adviser to the Head"); one left leading is dropped below.
        if is_role_word(w)
            || w == "to"
            || in_list(HONORIFICS, w)
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
        .filter(|w| !in_list(HONORIFICS, w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Determiners that open a description ("the minister", "a spokesman", "its chairman").
const DETERMINERS: &[&str] = &["the", "this", "a", "an", "its", "his", "her", "their"];

/// A description ending right before `end`: "the minister", "the Russian diplomat", "The
/// Head of the Republic", "the head of the President's Office", "The ministry", "a
/// spokesman". Also "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": a description
/// after a comma that follows a name stands for that name.
fn description_ending_at(s: &Sentence<'_>, end: usize, doc: &str) -> Option<(Who, How)> {
    let mut i = end - 1;
    // Walk back to the determiner that opens the phrase, through "of the" and "to the".
    let det = loop {
        if s.is(i, DETERMINERS) && !(i > 0 && s.is(i - 1, &["of", "to", "for"])) {
            break Some(i);
        }
        if i == 0 || end - i > 10 || !s.joined(i, doc) {
            break None;
        }
        i -= 1;
    };
    let Some(d) = det else {
        // "NAME, <description> said" without the closing comma.
        if i > 0 && s.gap_before(i, doc).contains(',') && end - i <= 6 {
            let noun = s.word(end - 1);
            if in_list(DESCRIPTION_NOUNS, noun) || in_list(SPOKESPEOPLE, noun) {
                let f = name_ending_at(s, i, doc)?;
                return (f.kind == Kind::Person && f.name.contains(' '))
                    .then_some((Who::Named(f), How::Named));
            }
        }
        return None;
    };
    describe(s, d, end)
}

/// The description made of tokens `det + 1 .. end` (token `det` being its determiner).
fn describe(s: &Sentence<'_>, det: usize, end: usize) -> Option<(Who, How)> {
    if det + 1 >= end {
        return None;
    }
    let words: Vec<&str> = (det + 1..end).map(|k| s.word(k)).collect();
    // Names inside ("the head of the President's Office") are part of the description, but
    // a description is mostly lower case or titles: stop at a verb or a clause.
    // "the US says": a country speaks for its government.
    if let [country] = words[..]
        && is_capitalised(country)
        && in_set(&SETS.countries, country)
    {
        return Some((
            Who::Named(Found {
                name: country.to_string(),
                role: String::new(),
                kind: Kind::Organisation,
                start: det + 1,
                female: None,
                titled: false,
            }),
            How::Named,
        ));
    }
    let mut desc = Desc::new(&words);
    desc.indefinite = s.is(det, &["a", "an"]);
    let written = words.join(" ");
    if DESCRIPTION_NOUNS.contains(&desc.noun.as_str()) {
        return Some((Who::Description(desc), How::Description));
    }
    let noun = desc.noun.clone();
    if ORGANISATION_WORDS.contains(&noun.as_str())
        || SPOKESPEOPLE.contains(&noun.as_str())
        || matches!(noun.as_str(), "firm" | "business")
    {
        return Some((Who::OrgDescription(noun, written), How::Description));
    }
    None
}

/// A name or description after the verb ("said Russian Foreign Minister Sergey Lavrov",
/// "said the minister", "according to Peskov", "said Diageo North America president Ivan
/// Menezes"). Nothing after a colon or a quote mark: that is the statement.
fn speaker_after(s: &Sentence<'_>, from: usize, doc: &str) -> Option<(Who, How)> {
    let n = s.tokens.len();
    if from >= n {
        return None;
    }
    let gap = s.gap_before(from, doc);
    if gap.contains([':', '"', '\u{201C}', '\u{201D}']) {
        return None;
    }
    let first = lower(s.word(from));
    if DETERMINERS.contains(&first.as_str()) && !matches!(first.as_str(), "his" | "her") {
        // The description runs to the next punctuation, at most ten words.
        let mut end = from + 1;
        while end < n && end - from <= 10 && s.joined(end, doc) {
            let w = s.word(end);
            let part = is_capitalised(w)
                || is_role_word(w)
                || in_list(DESCRIPTION_NOUNS, w)
                || in_list(ORGANISATION_WORDS, w)
                || in_list(SPOKESPEOPLE, w)
                || in_list(&["regional", "firm", "business"], w);
            if !part {
                break;
            }
            end += 1;
        }
        // "announced by the Trade and Industry Secretary Patricia Hewitt": a titled name.
        if let Some(f) = name_ending_at(s, end, doc)
            && f.kind == Kind::Person
            && f.name.contains(' ')
            && !f.role.is_empty()
            && f.start > from + 1
        {
            return Some((Who::Named(f), How::Named));
        }
        return describe(s, from, end);
    }
    if PRONOUNS.contains(&first.as_str()) {
        return Some((Who::Pronoun(first), How::Pronoun));
    }
    if matches!(first.as_str(), "him" | "her") {
        return Some((
            Who::Pronoun(if first == "him" { "he" } else { "she" }.into()),
            How::Pronoun,
        ));
    }
    if first == "them" {
        return Some((Who::Pronoun("they".into()), How::Pronoun));
    }
    // Skip the role to the name: capitalised words, role words and the words that join
    // them, up to punctuation; the name is the last run of name words. Inside a title, before
    // any name, "to" and lower-case words join too ("Adviser to the President of Ukraine on
    // economic issues Oleg Ustenko"); after a name they end it ("said Putin on arrival").
    let mut i = from;
    let (mut titled, mut named) = (false, false);
    while i < n && i - from < 16 {
        let w = s.word(i);
        let title_word = is_role_word(w) || w == "to";
        let place = in_set(&SETS.countries, w) || in_set(&SETS.organisations, w);
        if !(is_capitalised(w) || title_word || (titled && !named && is_lower_word(w))) {
            break;
        }
        titled |= is_role_word(w) && !matches!(w, "the" | "of" | "and" | "for");
        named |= is_name_word(w) && !place;
        i += 1;
        if i < n && !s.joined(i, doc) {
            break;
        }
    }
    while i > from && !is_name_word(s.word(i - 1)) {
        i -= 1;
    }
    if i == from {
        return None;
    }
    name_ending_at(s, i, doc).map(|f| (Who::Named(f), How::Named))
}

/// A word of lower-case letters ("economic", "issues").
fn is_lower_word(w: &str) -> bool {
    w.chars().all(char::is_lowercase)
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
        while end < n && is_capitalised(s.word(end)) && s.joined(end, doc) {
            end += 1;
        }
        let run_end = end;
        // A title after the name is not part of it ("Tom McCabe MSP").
        while end > i + 1 && in_list(POSTNOMINALS, s.word(end - 1)) {
            end -= 1;
        }
        // The name is the run of name words at the end ("Thursday Mr Blair" -> "Blair").
        let mut start = end;
        while start > i && is_name_word(s.word(start - 1)) {
            start -= 1;
        }
        // "President of Ukraine Volodymyr Zelenskyy": the place a title holds runs into the
        // name with no comma; it is the title's, not the name's.
        while end - start >= 3 && in_set(&SETS.countries, s.word(start)) {
            start += 1;
        }
        let org_or_place = (start..end).any(|k| {
            let w = s.word(k);
            in_set(&SETS.organisations, w) || in_set(&SETS.countries, w) || is_role_word(w)
        });
        let starter = start == 0 && is_starter(s.word(0));
        if start < end && !org_or_place && !starter && end - start <= 4 {
            // A lone word is kept as a possible surname; the corpus stage keeps it only if a
            // person with that surname is named in full somewhere.
            if let Some(f) = name_ending_at(s, end, doc).filter(|f| f.start >= start) {
                out.push(f);
            } else {
                let words: Vec<&str> = (start..end).map(|k| s.word(k)).collect();
                let role = role_before(s, start, doc);
                out.push(Found {
                    name: words.join(" "),
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
    use super::*;

    #[test]
    fn mentions_are_tallied_in_order_of_first_sight() {
        let m = |name: &str, role: &str, titled: bool| Mention {
            name: name.into(),
            role: role.into(),
            titled,
            count: 1,
        };
        let got = tally(vec![
            m("Vladimir Putin", "", false),
            m("Joe Biden", "President", true),
            m("Vladimir Putin", "", false),
            m("Vladimir Putin", "President", true),
            m("Joe Biden", "President", true),
            m("Vladimir Putin", "", false),
        ]);
        let got: Vec<(&str, &str, bool, u32)> = got
            .iter()
            .map(|x| (x.name.as_str(), x.role.as_str(), x.titled, x.count))
            .collect();
        assert_eq!(
            got,
            [
                ("Vladimir Putin", "", false, 3),
                ("Joe Biden", "President", true, 2),
                ("Vladimir Putin", "President", true, 1),
            ]
        );
        assert!(tally(Vec::new()).is_empty());
    }

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
    fn a_pronoun_after_the_statement_is_not_someone_named_inside_it() {
        // Putin and Trump are what Lavrov talked about, not who "he" is.
        check(
            "Lavrov said the talks matter. Dialogue between Presidents Vladimir Putin and Donald Trump should not get stuck, he went on.",
            &[
                ("Lavrov", "", "named", "said"),
                ("Lavrov", "", "pronoun", "went on"),
            ],
        );
        // Before the statement, the person named earlier in the sentence is still the one.
        check(
            "Lavrov said the talks matter. President Vladimir Putin arrived in Minsk, where he said the union was strong.",
            &[
                ("Lavrov", "", "named", "said"),
                ("Vladimir Putin", "President", "pronoun", "said"),
            ],
        );
    }

    #[test]
    fn organisations_and_non_statements() {
        check(
            "Russia has repeatedly refuted the allegations, warning that sanctions fail.",
            &[("Russia", "", "named", "refuted")],
        );
        // An organisation described takes up one named before, else it names no one.
        check("The ministry stated that talks failed.", &[]);
        check(
            "The Russian Foreign Ministry met envoys. The ministry stated that talks failed.",
            &[("Russian Foreign Ministry", "", "description", "stated")],
        );
        check("Trump suggested Putin holding a meeting.", &[]);
        check("Bolton held negotiations with Patrushev.", &[]);
        check(
            "Peskov told reporters in Moscow.",
            &[("Peskov", "", "named", "told")],
        );
    }
    #[test]
    fn quotations_hide_verbs_and_names_from_the_reporter() {
        // BBC style: every quoted sentence opens anew; "announced" is May's word, not a
        // statement by Gordon Brown.
        check(
            "Mrs May said: \"We agree. \"These plans were announced by Gordon Brown.\"",
            &[("May", "", "named", "said")],
        );
    }

    #[test]
    fn passive_agents_participles_and_appositives() {
        check(
            "New targets have been announced by Trade Secretary Patricia Hewitt.",
            &[("Patricia Hewitt", "Trade Secretary", "named", "announced")],
        );
        // Passive without an agent: no speaker.
        check("Mr Smith was dismissed last year.", &[]);
        check(
            "Vladimir Putin gave an update, noting that Kiev refuses to talk.",
            &[("Vladimir Putin", "", "named", "noting")],
        );
        check(
            "The Shadow Secretary of State for the Family, Theresa May, said: \"No.\"",
            &[("Theresa May", "", "named", "said")],
        );
        check(
            "Paul Richards, an analyst at Numis Securities, said sales fell.",
            &[("Paul Richards", "", "named", "said")],
        );
        check(
            "Analysts said the deal was good. Some senior Tories argued against it. Bankers \
             said talks failed. I'd say it is likely, Mr Smith said.",
            &[("Smith", "", "named", "said")],
        );
        check(
            "Treasury officials have said there will be no giveaway.",
            &[("Treasury", "", "named", "said")],
        );
    }

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
    fn transcript_labels_are_statements() {
        check(
            "President of Russia Vladimir Putin: Friends, I greet you.",
            &[(
                "Vladimir Putin",
                "President of Russia",
                "named",
                "transcript",
            )],
        );
    }

    #[test]
    fn transcript_labels_may_start_a_sentence_mid_paragraph() {
        // Titled or named before: a label. A colon after capitalised words that name no
        // known person mid-paragraph ("Plans: ...") is none.
        check(
            "President of Russia Vladimir Putin: What is the situation today? Aeroflot CEO \
             Mikhail Poluboyarinov: You are right. We grew. Vladimir Putin: Good. Ivan Petrov: \
             no label.",
            &[
                (
                    "Vladimir Putin",
                    "President of Russia",
                    "named",
                    "transcript",
                ),
                ("Mikhail Poluboyarinov", "CEO", "named", "transcript"),
                (
                    "Vladimir Putin",
                    "President of Russia",
                    "named",
                    "transcript",
                ),
            ],
        );
    }

    #[test]
    fn a_writing_speaks_for_the_person_in_focus() {
        check(
            "Vladimir Putin sent greetings to the forum of crafts, LADYA. Winter Fairy Tale, that \
             opened.\nThe message reads, in part: \"It is gratifying.\"",
            &[("Vladimir Putin", "", "description", "reads")],
        );
    }

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
    fn hyphenated_names_are_one_word() {
        check(
            "Robert Kilroy-Silk has quit the party. Mr Kilroy-Silk explained his reasons. \
             \"I am ashamed,\" said Mr Kilroy-Silk. Wal-Mart has said its sales rose.",
            &[
                ("Kilroy-Silk", "", "named", "explained"),
                ("Kilroy-Silk", "", "named", "said"),
                ("Wal-Mart", "", "named", "said"),
            ],
        );
        check(
            "S&P said the risk was low. AT&T said sales rose.",
            &[("S&P", "", "named", "said"), ("AT&T", "", "named", "said")],
        );
        // A nationality or a place is no half of a name: "Russian-US" stays two words.
        check(
            "Russian-US talks failed, Lavrov said.",
            &[("Lavrov", "", "named", "said")],
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
    fn it_and_they_speak_for_an_organisation() {
        // "It" opening a sentence is the pronoun, not an adverb skipped before the verb.
        check(
            "Diageo said it expects approval. It said Chalone would be integrated. It blamed a \
             weaker dollar.",
            &[
                ("Diageo", "", "named", "said"),
                ("Diageo", "", "pronoun", "said"),
                ("Diageo", "", "pronoun", "blamed"),
            ],
        );
        // The organisation the sentence opens with, named inside a sentence before; not a
        // person named with an honorific who spoke before.
        check(
            "Engineers at Boeing were fired. Mr Sears told prosecutors nothing. Boeing apologised \
             - although it claimed it did not gain any advantage.",
            &[
                ("Sears", "", "named", "told"),
                ("Boeing", "", "pronoun", "claimed"),
            ],
        );
        // "Shares" opens the sentence but was never written capitalised inside one.
        check(
            "Acme said profits fell. Shares fell after it warned of losses.",
            &[
                ("Acme", "", "named", "said"),
                ("Acme", "", "pronoun", "warned"),
            ],
        );
    }

    #[test]
    fn verbs_that_need_their_context() {
        check(
            "Mr Knapman said he was glad. However, he did say the host had been useful.",
            &[
                ("Knapman", "", "named", "said"),
                ("Knapman", "", "pronoun", "say"),
            ],
        );
        check(
            "The Pentagon revealed earlier this week that it would examine the deals. Acme \
             reported revenues of $69m.",
            &[("Pentagon", "", "named", "revealed")],
        );
        check(
            "Volodymyr Zelenskyy considers positive the fact of the talks. The lord chancellor \
             also considers allowing cameras.",
            &[("Volodymyr Zelenskyy", "", "named", "considers")],
        );
        check(
            "The Tories have promised an upper limit. Mr McCabe has promised them £8bn.",
            &[("Tories", "", "named", "promised")],
        );
    }

    #[test]
    fn nationalities_ending_otherwise_are_no_names() {
        // "South African" is the title's, so "he" is Nelson Mandela.
        check(
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
    fn speakers_after_a_quotation_and_titled_agents() {
        // The quotation ends before the verb: the speaker follows it, not "Diageo" before
        // the comma inside the quotation.
        check(
            "\"It is an opportunity for Diageo, with good trends,\" said Diageo North America \
             president Ivan Menezes.",
            &[("Ivan Menezes", "president", "named", "said")],
        );
        check(
            "Pay is to rise as part of proposals announced by the Trade and Industry Secretary \
             Patricia Hewitt.",
            &[(
                "Patricia Hewitt",
                "Trade and Industry Secretary",
                "named",
                "announced",
            )],
        );
        // A country after "the" speaks for its government.
        check(
            "But the US says it cannot support the plan.",
            &[("US", "", "named", "says")],
        );
    }

    #[test]
    fn a_tag_after_a_quotation_is_the_speaker_named_before_it() {
        check(
            "Ed Balls said the plans were wrong. Later, David Laws said: \"The chancellor will \
             tell us,\" he said.",
            &[
                ("Ed Balls", "", "named", "said"),
                ("David Laws", "", "named", "said"),
            ],
        );
    }

    #[test]
    fn verbs_inside_what_was_said_are_no_statements() {
        check(
            "Gordon Brown said talks went well. But he said they would insist on reforms. He \
             said the money pledged by the US had not been paid.",
            &[
                ("Gordon Brown", "", "named", "said"),
                ("Gordon Brown", "", "pronoun", "said"),
                ("Gordon Brown", "", "pronoun", "said"),
            ],
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

    #[test]
    fn names_joined_by_and_both_speak() {
        check(
            "But the Conservatives and Lib Dems insist voters face higher taxes.",
            &[
                ("Lib Dems", "", "named", "insist"),
                ("Conservatives", "", "named", "insist"),
            ],
        );
        // One company ("Standard and Poor's Corp"), one word with no "the" ("Marks and
        // Spencer"), a place inside a title: one speaker.
        check(
            "Standard and Poor's Corp said it cut the rating. Marks and Spencer said sales \
             rose. Former US Ambassador to Russia and former Adviser Michael McFaul said it \
             was time.",
            &[
                ("Poor's Corp", "", "named", "said"),
                ("Spencer", "", "named", "said"),
                (
                    "Michael McFaul",
                    "Former US Ambassador to Russia and former Adviser",
                    "named",
                    "said",
                ),
            ],
        );
    }

    #[test]
    fn a_verb_after_and_shares_the_subject() {
        check(
            "Ex-chat show host Robert Kilroy-Silk has quit the party and accused it of betrayal.",
            &[("Robert Kilroy-Silk", "", "named", "accused")],
        );
        check(
            "The Federal Reserve raised rates. The Fed did not rule out more but noted that \
             rises would be measured.",
            &[("Federal Reserve", "", "named", "noted")],
        );
        // The subject is one we cannot name: no statement.
        check(
            "Analysts claimed the Fed's view was positive but stressed that risks remain.",
            &[],
        );
    }

    #[test]
    fn short_names_take_the_long_form_the_document_writes() {
        check(
            "The US Federal Reserve raised rates. In a statement, the Fed said that inflation \
             was contained. The Liberal Democrats met. Lib Dems say the plan fails.",
            &[
                ("Federal Reserve", "", "named", "said"),
                ("Liberal Democrats", "", "named", "say"),
            ],
        );
        // A country is its own name, not "Russian Ministry".
        check(
            "The Russian Ministry met. Russia has repeatedly refuted the claims.",
            &[("Russia", "", "named", "refuted")],
        );
    }

    #[test]
    fn the_before_a_name_makes_a_body_and_its_spokesman_speaks_for_it() {
        // "the Conservatives" is a party: "the chancellor" stays Gordon Brown, and "a
        // spokesman" with no spokesman named speaks for the party.
        check(
            "Gordon Brown said taxes would fall. The Conservatives and Lib Dems insisted that \
             taxes would rise. The chancellor promised growth. \"It is false,\" a spokesman \
             said.",
            &[
                ("Gordon Brown", "", "named", "said"),
                ("Lib Dems", "", "named", "insisted"),
                ("Conservatives", "", "named", "insisted"),
                ("Gordon Brown", "", "description", "promised"),
                ("Conservatives", "", "description", "said"),
            ],
        );
    }

    #[test]
    fn long_titles_after_the_verb_and_reports_to_someone() {
        check(
            "This was stated by Adviser to the President of Ukraine on economic issues Oleg \
             Ustenko. This was stated by Adviser to the Head of the Office of the President of \
             Ukraine Mykhailo Podolyak.",
            &[
                // The role read before a name stops at lower-case words.
                ("Oleg Ustenko", "", "named", "stated"),
                (
                    "Mykhailo Podolyak",
                    "Adviser to the Head of the Office of the President of Ukraine",
                    "named",
                    "stated",
                ),
            ],
        );
        // After a name, lower-case words end it.
        check(
            "\"We agree,\" said Putin on arrival in Minsk.",
            &[("Putin", "", "named", "said")],
        );
        check(
            "Andrei Chibis reported to the President on the results of the year.",
            &[("Andrei Chibis", "", "named", "reported")],
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

    #[test]
    fn organisation_descriptions_need_a_named_organisation() {
        // Nothing named before: no speaker (never "company").
        check("The company said sales rose.", &[]);
        check("Sources said the deal was off.", &[]);
        // "the Bank" takes up the Bank of England named before; "The EU" is a name.
        check(
            "The Bank of England kept rates on hold. In a report, the Bank said growth slowed. \
             The EU said it would start talks.",
            &[
                ("Bank of England", "", "named", "said"),
                ("EU", "", "named", "said"),
            ],
        );
    }
}
