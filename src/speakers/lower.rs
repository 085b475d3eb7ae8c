//! Lower-cased documents: text with no capitals (some archives and exports lower-case
//! everything: "mr farage said", "home secretary theresa may said") gives the sieves no names
//! to read. Such a document is recognised ([`is_lower_case`]), given back the capitals of the
//! names it has evidence for ([`truecase`]), and attributed as any other ([`attribute_lower`]):
//! the statements keep the sentences as written, the names are shown capitalised.
//!
//! What counts as evidence of a name in lower-case text:
//! - an honorific before it: "mr farage", "sir steve smith", "mrs may";
//! - a given name from the lexicon's list (not one that is also a common word or a place):
//!   "nigel farage", "theresa may" (a common word as surname only when the document also
//!   writes it after an honorific: "mrs may"), "iain duncan smith", or a given name alone;
//! - a surname the document already gave so ("mr farage" makes a later "farage said" a name).
//!
//! Title words right before such a name take capitals too ("Home Secretary Theresa May"):
//! they are its role. Nothing else is capitalised: places, parties and other words stay as
//! written, so they are never persons. No I/O, never fails.

use std::borrow::Cow;
use std::sync::LazyLock;

use ahash::{AHashMap, AHashSet};

use super::Kind;
use super::attribute::{Draft, attribute_cased};
use super::mentions::Mention;
use super::sentence::sentences;
use super::words::{self, List, is_calendar};
use crate::lexicon;
use crate::text::tokenize::Token;

/// A document is lower case when fewer than 1 in [`CAPITALS_PER`] of its words start with a
/// capital, counted over at least [`MIN_WORDS`] words. Cased English news capitalises 10 to
/// 15 words in 100 (sentence starts, names); measured per document, the lowest share in the
/// cased corpora (bbc, usnews, ru_ua, reuters, newsgroups: 12,000 documents) is 2 in 100,
/// and every document of uk_immigration_news_2014 is below 1 in 100 (its Factiva headers keep
/// a few capitals).
const CAPITALS_PER: usize = 100;
const MIN_WORDS: usize = 20;

/// Whether the document whose tokens are `tokens` is written in lower case.
pub fn is_lower_case(tokens: &[Token<'_>]) -> bool {
    let (mut words, mut capitals) = (0usize, 0usize);
    for t in tokens {
        match t.text.chars().next() {
            Some(c) if c.is_alphabetic() => {
                words += 1;
                capitals += usize::from(c.is_uppercase());
            }
            _ => {}
        }
    }
    words >= MIN_WORDS && capitals * CAPITALS_PER < words
}

/// The English function words, lower case (the lexicon's one set).
fn stop(w: &str) -> bool {
    lexicon::function_words().contains(w)
}

/// "spokesman", "leader", "candidates": nouns after a body's name.
static BODY_NOUNS: LazyLock<lexicon::Words> =
    LazyLock::new(|| lexicon::Words::parse(include_str!("words/body_nouns.txt")));

/// "hes", "theres", "ive": contractions that lost their apostrophe.
static CONTRACTIONS: LazyLock<lexicon::Words> =
    LazyLock::new(|| lexicon::Words::parse(include_str!("words/bare_contractions.txt")));

/// "whose": a clause's first word after a name, never part of it.
static CLAUSE_WORDS: LazyLock<lexicon::Words> =
    LazyLock::new(|| lexicon::Words::parse(include_str!("words/clause_words.txt")));

/// Whether a lower-case word may be a surname: letters (an apostrophe or hyphen inside),
/// not a stop word, not a word of the attribution's lists (verbs, titles, pronouns...), not a
/// weekday or month.
fn surname_like(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        && !stop(w)
        && !CONTRACTIONS.contains(w)
        && !CLAUSE_WORDS.contains(w)
        && !not_a_name(w)
        && !is_calendar(w)
}

/// A word of the attribution's lists that is never a surname (a verb, a title, a
/// pronoun...); a company's or country's name may be one ("ford", "jordan").
fn not_a_name(w: &str) -> bool {
    let l = words::lists(w);
    [
        List::Verb,
        List::TimeWord,
        List::Between,
        List::Pronoun,
        List::Passive,
        List::GenericGroup,
        List::Spokesperson,
        List::Quantifier,
        List::Role,
        List::Honorific,
        List::DescriptionNoun,
        List::BareNoun,
        List::Writing,
        List::Sending,
        List::Determiner,
        List::SentenceStarter,
        List::RankWord,
    ]
    .into_iter()
    .any(|list| l.has(list))
}

/// A given name that is no common word: "nigel", "theresa" (not "may", "will", "mark").
fn given(w: &str) -> bool {
    lexicon::is_given_name(w) && !not_a_name(w) && !stop(w) && !CONTRACTIONS.contains(w)
}

/// An honorific ("mr", "sir", "mrs"), as written before a name.
fn honorific(w: &str) -> bool {
    words::is(List::Honorific, w)
}

thread_local! {
    /// [`given`] and [`surname_like`] of each word seen by this thread: the tests are pure,
    /// and a corpus asks about the same words in every document.
    static WORD_TESTS: std::cell::RefCell<AHashMap<String, (bool, bool)>> =
        std::cell::RefCell::new(AHashMap::new());
}

/// Words remembered per thread at most (a few MB); words beyond are tested each time.
const WORD_TESTS_MAX: usize = 200_000;

/// The lower-case words of a document, and which tokens follow one another on a line.
struct Doc<'t> {
    /// The tokens in lower case, borrowed where they are already (most of a lower-case
    /// document's): one allocation per token was a tenth of such a run.
    words: Vec<Cow<'t, str>>,
    /// Per token: [`given`], [`surname_like`] (asked once per distinct word).
    given: Vec<bool>,
    surname: Vec<bool>,
    /// `joined[i]`: token `i` follows token `i - 1` with only spaces between, on one line.
    joined: Vec<bool>,
    tokens: &'t [Token<'t>],
}

impl<'t> Doc<'t> {
    fn new(text: &str, tokens: &'t [Token<'t>]) -> Self {
        let words: Vec<Cow<'t, str>> = tokens
            .iter()
            .map(|t| {
                if t.text.chars().any(char::is_uppercase) {
                    Cow::Owned(t.text.to_lowercase())
                } else {
                    Cow::Borrowed(t.text)
                }
            })
            .collect();
        let (given, surname): (Vec<bool>, Vec<bool>) = WORD_TESTS.with_borrow_mut(|memo| {
            words
                .iter()
                .map(|w| match memo.get(w.as_ref()) {
                    Some(&t) => t,
                    None => {
                        let t = (given(w), surname_like(w));
                        if memo.len() < WORD_TESTS_MAX {
                            memo.insert(w.to_string(), t);
                        }
                        t
                    }
                })
                .unzip()
        });
        let joined = (0..tokens.len())
            .map(|i| {
                i > 0 && {
                    let a = &tokens[i - 1];
                    text.get(a.start + a.text.len()..tokens[i].start)
                        .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\t'))
                }
            })
            .collect();
        Self {
            words,
            given,
            surname,
            joined,
            tokens,
        }
    }

    /// `i` if word `i` follows word `i - 1` on the same line.
    fn at(&self, i: usize) -> Option<usize> {
        (i < self.words.len() && self.joined[i]).then_some(i)
    }

    /// Word `i` if it follows word `i - 1` on the same line.
    fn next(&self, i: usize) -> Option<&str> {
        (i < self.words.len() && self.joined[i]).then(|| self.words[i].as_ref())
    }
}

/// Which tokens of a lower-case document are names (and the titles before them): the
/// evidence of the module's documentation, gathered over the whole document first.
fn name_tokens(d: &Doc<'_>) -> Vec<bool> {
    let n = d.words.len();
    let mut cap = vec![false; n];
    let word = |i: usize| d.words[i].as_ref();
    // Words written after an honorific or a given name: "henwoods" is a possessive
    // ("mr henwoods remarks", the apostrophe dropped) when "henwood" is among them.
    let seen: AHashSet<&str> = (1..n)
        .filter(|&i| d.joined[i] && (d.given[i - 1] || honorific(word(i - 1))))
        .map(word)
        .collect();
    let all: AHashSet<&str> = d.words.iter().map(|w| w.as_ref()).collect();
    let possessive = |w: &str| {
        w.len() > 3 && w.ends_with('s') && {
            let base = &w[..w.len() - 1];
            seen.contains(base) || given(base) || all.contains(base)
        }
    };
    // "mr duncan smith" twice: a given name and a surname after an honorific ("mr cameron
    // spoke" once: the surname and a verb). "sir", "dame", "lord" and "lady" go with given
    // names ("sir steve smith", "sir steve"): once is enough.
    let mut double: AHashMap<(&str, &str), usize> = AHashMap::new();
    for i in 0..n.saturating_sub(2) {
        if honorific(word(i)) && d.joined[i + 1] && d.joined[i + 2] && d.given[i + 1] {
            *double.entry((word(i + 1), word(i + 2))).or_default() += 1;
        }
    }
    // Surnames written after an honorific: the document's surest names.
    let mut after_honorific: AHashSet<&str> = AHashSet::new();
    for i in 0..n {
        if !honorific(word(i)) {
            continue;
        }
        let Some(xi) = d.at(i + 1) else { continue };
        let x = word(xi);
        if !(d.surname[xi] || d.given[xi]) || possessive(x) {
            continue;
        }
        // "mr duncan smith"; not "mr cameron stephen mansbridge" (two people).
        let mut last = i + 1;
        if d.given[xi]
            && let Some(yi) = d.at(i + 2)
            && d.surname[yi]
            && !d.given[yi]
            && (matches!(word(i), "sir" | "dame" | "lord" | "lady")
                || double.get(&(x, word(yi))).is_some_and(|&k| k >= 2))
            && !possessive(word(yi))
        {
            last = i + 2;
        }
        after_honorific.insert(word(last));
        cap[i..=last].iter_mut().for_each(|c| *c = true);
    }
    // A given name, alone or with a surname: "nigel farage", "theresa may" (when the
    // document writes "mrs may"), "iain duncan smith" (when it writes "mr duncan smith").
    let fits = |y: &str| {
        !possessive(y) && (surname_like(y) || (after_honorific.contains(y) && !never_a_surname(y)))
    };
    let mut pairs: AHashMap<&str, usize> = AHashMap::new();
    let mut i = 0;
    while i < n {
        if cap[i] || !d.given[i] {
            i += 1;
            continue;
        }
        let mut last = i;
        let verb_like = |w: &str| ["s", "ed", "ing", "ly"].iter().any(|e| w.ends_with(e));
        match (d.next(i + 1), d.next(i + 2)) {
            // "iain duncan smith" (not "lenny henry ended"), "marine le pen".
            (Some(y), Some(z))
                if (given(y) || matches!(y, "le" | "de" | "van" | "von" | "da" | "di"))
                    && fits(z)
                    && !given(z)
                    && (after_honorific.contains(z) || !verb_like(z)) =>
            {
                last = i + 2;
            }
            (Some(y), _) if fits(y) || (given(y) && !possessive(y)) => last = i + 1,
            _ => {}
        }
        if last > i {
            *pairs.entry(word(last)).or_default() += 1;
        }
        // A given name alone that is also a place ("trafford") is the place; one before a
        // possessive ("david camerons") is the possessive's, left as written.
        let before_possessive = d.next(i + 1).is_some_and(possessive);
        if last > i || !(lexicon::is_place(word(i)) || before_possessive) {
            cap[i..=last].iter_mut().for_each(|c| *c = true);
        }
        i = last + 1;
    }
    // A surname alone is a name when the document wrote it after an honorific, or after a
    // given name twice ("nigel farage ... nigel farage ... farage said"), or once when it
    // has no ending of a verb or an adverb ("caroline spelman ... spelman said", not "john
    // wants"); not one that is also a common word or a given name ("may": "it may rain").
    let verb_like = |w: &str| ["s", "ed", "ing", "ly"].iter().any(|e| w.ends_with(e));
    let known = |w: &str| {
        (after_honorific.contains(w)
            || pairs
                .get(w)
                .is_some_and(|&k| k >= 2 || (k == 1 && !verb_like(w))))
            && surname_like(w)
            && !lexicon::is_ambiguous_given_name(w)
    };
    for (c, w) in cap.iter_mut().zip(&d.words) {
        *c |= known(w);
    }
    // Titles right before a name are its role: "home secretary Theresa May".
    for i in (1..n).rev() {
        if cap[i] && !cap[i - 1] && d.joined[i] {
            let mut k = i;
            while k > 0 && d.joined[k] && title_word(word(k - 1)) {
                cap[k - 1] = true;
                k -= 1;
            }
        }
    }
    cap
}

/// Stop words are no surnames, but for the two that are also common names ("mrs may").
fn never_a_surname(w: &str) -> bool {
    stop(w) && !matches!(w, "may" | "will")
}

/// A title word that may stand before a name ("home", "secretary", "prime", "minister");
/// not the words that join them ("the", "of", "and").
fn title_word(w: &str) -> bool {
    words::is(List::Role, w) && !matches!(w, "the" | "of" | "and" | "for" | "to" | "us" | "un")
}

/// A token of a person's name or title: its first letter in capitals.
const NAME: u8 = 1;
/// A token of a body's name: its first letter in capitals ("Home Office").
const BODY: u8 = 2;
/// A body's name written in capitals ("UKIP").
const BODY_CAPITALS: u8 = 3;

/// What [`truecase`] gives back: tokens in capitals, and the bodies among them.
struct Casing {
    /// Per token: [`NAME`], [`BODY`], [`BODY_CAPITALS`] or 0 (as written).
    case: Vec<u8>,
    /// Bodies the document names (lower case, "ukip", "home office"): never persons.
    bodies: AHashSet<String>,
    /// Bodies found by the nouns after them ("ukip"), not by the lexicon.
    by_nouns: AHashSet<String>,
    /// Per token: a name that opens a new clause within a line ("... ordinary hard-working
    /// people | mr duncan smith said"): a sentence starts there.
    starts: Vec<bool>,
    /// Gaps (byte offsets of a space) that take a comma: the appositive a lower-case
    /// export wrote without one ("nigel farage the ukip leader said").
    commas: Vec<usize>,
}

/// The lexicon's institutions by their lower-case names ("home office" -> [`BODY`], "nato"
/// -> [`BODY_CAPITALS`]), and the first words of those names (a cheap first test).
struct Institutions {
    names: AHashMap<String, u8>,
    first_words: AHashSet<String>,
}

static INSTITUTIONS: LazyLock<Institutions> = LazyLock::new(|| {
    let mut names = AHashMap::new();
    let mut first_words = AHashSet::new();
    for name in lexicon::entries(include_str!("../lexicon/institutions.txt")) {
        let words = name.split(' ').count();
        if words > 3 || !name.is_ascii() {
            continue;
        }
        let capitals = words == 1 && !name.chars().any(|c| c.is_ascii_lowercase());
        let lower = name.to_ascii_lowercase();
        if let Some(first) = lower.split(' ').next() {
            first_words.insert(first.to_string());
        }
        names.insert(lower, if capitals { BODY_CAPITALS } else { BODY });
    }
    Institutions { names, first_words }
});

/// How a run of lower-case words is written when the lexicon knows it as an institution.
fn institution(run: &[&str]) -> Option<u8> {
    INSTITUTIONS.names.get(&run.join(" ")).copied()
}

/// Bodies in a lower-case document: institutions the lexicon knows ("home office",
/// "labour", "nato"), and a word the document writes twice before a body's noun ("a ukip
/// spokesman", "ukip candidates"), then every occurrence of that word. Marks their tokens in `case`.
/// The bodies, and those found by their nouns alone (not by the lexicon).
fn bodies(d: &Doc<'_>, case: &mut [u8], name: &[bool]) -> (AHashSet<String>, AHashSet<String>) {
    // A word the document gives a person is no body ("a farage spokesman").
    let names: AHashSet<&str> = (0..d.words.len())
        .filter(|&i| name[i])
        .map(|i| d.words[i].as_ref())
        .collect();
    let n = d.words.len();
    let word = |i: usize| d.words[i].as_ref();
    let mut found: AHashSet<String> = AHashSet::new();
    let mut by_word: AHashSet<&str> = AHashSet::new();
    let mut i = 0;
    while i < n {
        if !INSTITUTIONS.first_words.contains(word(i)) {
            i += 1;
            continue;
        }
        let mut len = 3.min(n - i);
        let mut hit = None;
        while len > 0 {
            let run: Vec<&str> = (i..i + len).map(word).collect();
            if (i + 1..i + len).all(|k| d.joined[k])
                && !stop(run[0])
                && let Some(c) = institution(&run)
            {
                hit = Some((len, c, run.join(" ")));
                break;
            }
            len -= 1;
        }
        match hit {
            Some((len, c, name)) => {
                case[i..i + len].iter_mut().for_each(|x| *x = c);
                found.insert(name);
                i += len;
            }
            None => i += 1,
        }
    }
    // Before a spokesman ("a ukip spokesman"), or before a body's noun twice ("ukip leader
    // ... ukip candidates").
    let mut before_noun: AHashMap<&str, usize> = AHashMap::new();
    let mut spoken_for: AHashSet<&str> = AHashSet::new();
    for i in 1..n {
        let w = word(i - 1);
        if BODY_NOUNS.contains(word(i))
            && d.joined[i]
            && case[i - 1] == 0
            && !name[i - 1]
            && d.surname[i - 1]
            && !d.given[i - 1]
            && !names.contains(w)
            && !lexicon::is_place(w)
            && !lexicon::is_nationality(w)
        {
            *before_noun.entry(w).or_default() += 1;
            if matches!(word(i), "spokesman" | "spokeswoman" | "spokesperson") {
                spoken_for.insert(w);
            }
        }
    }
    by_word.extend(
        before_noun
            .into_iter()
            .filter(|&(w, k)| k >= 2 || spoken_for.contains(w))
            .map(|(w, _)| w),
    );
    for (c, w) in case.iter_mut().zip(&d.words) {
        if *c == 0 && by_word.contains(w.as_ref()) {
            *c = BODY;
        }
    }
    let by_word: AHashSet<String> = by_word.into_iter().map(str::to_string).collect();
    found.extend(by_word.iter().cloned());
    (found, by_word)
}

/// Appositives written without commas: a name, then "the" or "a" and up to six words of
/// its description, then a reporting verb ("nigel farage the ukip leader said", "dave a
/// serving firefighter said"). The byte offsets of the two spaces that take a comma.
fn appositives(d: &Doc<'_>, text: &str, cap: &[u8]) -> Vec<usize> {
    let n = d.words.len();
    let word = |i: usize| d.words[i].as_ref();
    let mut out = Vec::new();
    for i in 1..n {
        if !(matches!(word(i), "the" | "a" | "an") && d.joined[i] && cap[i - 1] == NAME) {
            continue;
        }
        let mut k = i + 1;
        while k < n && k <= i + 7 && d.joined[k] {
            let w = word(k);
            if words::is(List::Verb, w) {
                break;
            }
            // "s": a possessive's ending ("the party's leader").
            let joins = matches!(w, "of" | "for" | "the" | "and" | "at" | "s");
            if (stop(w) && !joins) || words::is(List::Pronoun, w) || cap[k] == NAME {
                k = n;
                break;
            }
            k += 1;
        }
        if k >= n || k == i + 1 || !d.joined[k] || !words::is(List::Verb, word(k)) {
            continue;
        }
        // The second comma goes before the words that join a subject to its verb ("last
        // night", "has").
        let mut v = k;
        while v > i + 2 && words::is(List::Between, word(v - 1)) {
            v -= 1;
        }
        for at in [i, v] {
            let prev = &d.tokens[at - 1];
            let gap = prev.start + prev.text.len();
            if text.as_bytes().get(gap) == Some(&b' ') {
                out.push(gap);
            }
        }
    }
    out
}

/// Where a name opens a clause inside a line: such exports drop full stops, so one line is a
/// paragraph of several sentences. A name (with its title or honorific) opens a sentence
/// when the word before it could not lead into it: no stop word ("by", "and", "that"), no
/// reporting verb ("said david mayon"), no title, no other name.
fn clause_starts(d: &Doc<'_>, case: &[u8]) -> Vec<bool> {
    (0..d.words.len())
        .map(|i| {
            i > 0 && case[i] == NAME && case[i - 1] == 0 && d.joined[i] && {
                let w = d.words[i - 1].as_ref();
                !stop(w)
                    && !CONTRACTIONS.contains(w)
                    && !words::is(List::Verb, w)
                    && !words::is(List::Between, w)
                    && !title_word(w)
                    && !honorific(w)
                    && w.chars().all(char::is_alphabetic)
            }
        })
        .collect()
}

/// A reporting verb before a name whose subject slot is empty: the quotation before it lost
/// its marks and comma ("we could do with a change said david mayon"). The byte offset of
/// the space before the verb, which takes a comma.
fn inversions(d: &Doc<'_>, text: &str, case: &[u8]) -> Vec<usize> {
    let n = d.words.len();
    (1..n.saturating_sub(1))
        .filter(|&v| {
            let prev = d.words[v - 1].as_ref();
            d.joined[v]
                && d.joined[v + 1]
                && case[v + 1] == NAME
                && case[v - 1] == 0
                && matches!(
                    d.words[v].as_ref(),
                    "said" | "says" | "added" | "adds" | "insisted" | "warned" | "explained"
                )
                && !stop(prev)
                && !CONTRACTIONS.contains(prev)
                && words::lists(prev) == words::Lists::default()
                && prev.chars().all(char::is_alphabetic)
        })
        .filter_map(|v| {
            let p = &d.tokens[v - 1];
            let gap = p.start + p.text.len();
            (text.as_bytes().get(gap) == Some(&b' ')).then_some(gap)
        })
        .collect()
}

fn casing(text: &str, tokens: &[Token<'_>]) -> Casing {
    let d = Doc::new(text, tokens);
    let mut case = vec![0u8; d.words.len()];
    let name = name_tokens(&d);
    let (bodies, by_nouns) = bodies(&d, &mut case, &name);
    for i in 0..case.len() {
        // "david ford": a surname after a given name is the person's, though a company
        // bears it.
        let surname = i > 0 && name[i - 1] && d.given[i - 1] && case[i - 1] == NAME;
        if name[i] && (case[i] == 0 || surname) {
            case[i] = NAME;
        }
    }
    let mut commas = appositives(&d, text, &case);
    commas.extend(inversions(&d, text, &case));
    let starts = clause_starts(&d, &case);
    Casing {
        case,
        bodies,
        by_nouns,
        starts,
        commas,
    }
}

/// `text` with the first letter of every name token (see [`name_tokens`]) and of the bodies
/// the document names in capitals, and the commas of appositives written without them; the
/// same length in bytes, so every offset into `text` holds in the result.
pub fn truecase(text: &str, tokens: &[Token<'_>]) -> String {
    truecase_with(text, tokens).0
}

fn truecase_with(text: &str, tokens: &[Token<'_>]) -> (String, Casing) {
    let c = casing(text, tokens);
    let mut out = text.as_bytes().to_vec();
    for (t, &how) in tokens.iter().zip(&c.case) {
        let end = if how == BODY_CAPITALS {
            t.text.len()
        } else {
            1
        };
        if how > 0 && t.text.is_ascii() {
            out[t.start..t.start + end].make_ascii_uppercase();
        }
    }
    for &at in &c.commas {
        out[at] = b',';
    }
    let cased = String::from_utf8(out).unwrap_or_else(|_| text.to_string());
    (cased, c)
}

/// Statements of a lower-case document: attributed on its truecased copy, one sentence a
/// line (such exports drop the full stops, so the tokenizer runs a paragraph's lines
/// together), with each statement's sentence taken back from the text as written. None when
/// the document is not lower case.
pub(crate) fn attribute_lower(
    text: &str,
    tokens: &[Token<'_>],
    title: Option<&str>,
) -> Option<Draft> {
    if !is_lower_case(tokens) {
        return None;
    }
    let (cased, casing) = truecase_with(text, tokens);
    let bodies = &casing.bodies;
    // The title is one sentence, as the driver expects it.
    let title_span = title
        .filter(|t| !t.trim().is_empty())
        .and_then(|t| text.find(t.trim()).map(|at| at..at + t.trim().len()));
    let mut line = 0u32;
    let mut prev: Option<&Token<'_>> = None;
    let relined: Vec<Token<'_>> = tokens
        .iter()
        .zip(&casing.starts)
        .map(|(t, &starts)| {
            if let Some(p) = prev {
                let gap = text.get(p.start + p.text.len()..t.start).unwrap_or("");
                let starts = starts && !title_span.as_ref().is_some_and(|r| r.contains(&t.start));
                if starts || gap.contains('\n') || p.sentence != t.sentence {
                    line += 1;
                }
            }
            prev = Some(t);
            Token {
                text: &cased[t.start..t.start + t.text.len()],
                start: t.start,
                sentence: line,
                kind: t.kind,
            }
        })
        .collect();
    let title = title.map(|t| match text.find(t) {
        Some(at) => &cased[at..at + t.len()],
        None => t,
    });
    let mut speech = attribute_cased(&cased, &relined, title);
    // A statement's text is its line as written: the clauses a line was cut into are
    // guesses, the line is what the document wrote.
    let spans: Vec<(usize, usize)> = sentences(&cased, &relined)
        .iter()
        .map(|s| {
            let end = s.start + s.text.len();
            let from = text[..s.start].rfind('\n').map_or(0, |k| k + 1);
            let to = text[end..].find('\n').map_or(text.len(), |k| end + k);
            (from, to)
        })
        .collect();
    for st in &mut speech.statements {
        if let Some(&(a, b)) = spans.get(st.sentence as usize)
            && let Some(as_written) = text.get(a..b)
        {
            *st = st.with_text(as_written.trim());
        }
        // A place, party or outlet that speaks is no person.
        if st.kind == Kind::Person
            && (is_no_person(st.speaker()) || bodies.contains(&st.speaker().to_lowercase()))
        {
            st.kind = Kind::Organisation;
        }
    }
    speech.mentions = (speech.mentions.iter())
        .map(|m| Mention {
            name: without_bodies(m.name, &casing.by_nouns),
            role: m.role.to_string(),
            titled: m.titled,
            count: m.count,
        })
        .filter(|m| {
            !m.name.is_empty() && !bodies.contains(&m.name.to_lowercase()) && !is_no_person(&m.name)
        })
        .collect();
    Some(speech)
}

/// The run summary's line when some documents are lower case: how many, and what that
/// means for the speakers.
pub fn note(lower: usize, documents: usize) -> Option<String> {
    use crate::human::thousands;
    (lower > 0).then(|| {
        format!(
            "text is lower case in {} of {} documents: speakers found by titles and known names \
             only",
            thousands(lower as i64),
            thousands(documents as i64)
        )
    })
}

/// A person's name without the body written after it ("Nigel Farage Ukip leader" has the
/// name "Nigel Farage Ukip": the body is the title's).
fn without_bodies(name: &str, bodies: &AHashSet<String>) -> String {
    let mut words: Vec<&str> = name.split(' ').collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| bodies.contains(&w.to_lowercase()))
    {
        words.pop();
    }
    words.join(" ")
}

fn is_no_person(name: &str) -> bool {
    lexicon::is_place(name)
        || lexicon::is_institution(name)
        || lexicon::is_news_organisation(name)
        || lexicon::is_nationality(name)
}

#[cfg(test)]
#[path = "lower_tests.rs"]
mod tests;
