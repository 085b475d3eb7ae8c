//! Boilerplate removal: page furniture, wire sign-offs and archive stamps are not news and
//! must not reach any count.
//!
//! This module owns the decision "is this line furniture?" and nothing else: it works line by
//! line, never rewrites what it keeps, and turns every removed line into an empty line so that
//! paragraph boundaries stay paragraph boundaries. Repeated paragraphs inside one article are
//! left to the duplicate step; a first line starting with `date ` belongs to the header parser
//! and is never touched.
//!
//! Lines are compared *normalised*: trimmed, inner whitespace runs (non-breaking and other
//! Unicode spaces included) folded to one space, zero-width characters dropped, case-folded.
//!
//! Four mechanisms, all biased towards keeping text (precision over recall):
//!
//! 1. **Known patterns** ([`is_known_boilerplate`]), context-free, on the normalised line:
//!    - exact widget / comment-box lines: "be first to comment", "leave a reply", "listen live",
//!      "get short url", "comment via facebook", "community standardsdiscussion", "register",
//!      "advertisement", "scroll down for video", ... (see `EXACT`);
//!    - prefixes with a word cap: "your email address will not be published",
//!      "required fields are marked", "comment via ", "leave a reply";
//!    - wire sign-off: the whole line is "reuter" or "reuters";
//!    - photo credits and copyright stamps: a line starting with "©"; "(c) 2014 ...",
//!      "c 2014 ...", "copyright 2014 ...", "copyright © ..."; a line with © and a year; or
//!      "... all rights reserved" with a year, © or "copyright"; all with a word cap, so a
//!      sentence that merely mentions copyright stays;
//!    - Factiva stamps: "86 words", "document theexp0020140519ea5j0007r";
//!    - a page clock such as "14:57 GMT +311 December 2019".
//! 2. **Recurring lines** ([`LineCounts`] -> [`RecurringLines`]): a corpus pass counts, per
//!    normalised line (stored as a 64-bit hash only), in how many documents it occurs. A line
//!    occurring in at least `max(MIN_DOCS, ceil(RECURRING_SHARE_PERCENT% * n_docs))` documents
//!    is furniture, *if* it is label-like: it has a letter, at most `MAX_RECURRING_WORDS` words,
//!    no sentence-final punctuation, and it is not the title line. Thresholds, measured on the
//!    corpora in shared/corpora (see examples/measure.rs):
//!    - `MIN_DOCS = 5`: on a 5-document corpus a line must be in all five documents; two
//!      editions of one story never remove each other's lines.
//!    - `RECURRING_SHARE_PERCENT = 4`: measured furniture sits above it (Factiva "english" 100%,
//!      Reuters "Reuter" 88%, section "news" 35%, per-paper source lines 4-12%); the most
//!      frequent label lines that are content sit below it with margin (Reuters earnings-table
//!      labels "Year" 2.8%, "Nine mths" 2.2%; Usenet "thanks" 1%). On 50,000 documents the bar
//!      is 2,000, so a syndicated sign-off recurring thousands of times is caught. Fragments of
//!      hard-wrapped sentences ("said." in 4.2% of Reuters items) are protected by the
//!      punctuation rule, long lines by the word cap.
//! 3. **Export header** (Factiva): within the first 40 lines, the run from a "N words" line
//!    to the language line ("english") 1..10 lines later: date, time, source name, source
//!    code, edition and page lines. Headline and byline above it stay.
//! 4. **Tail of the page**, only after a body line (ends with . ! ? or has >= 15 words):
//!    - a Usenet signature: a "--" line followed by 1..8 short lines up to the end;
//!    - related headlines and tag lines: a run (blank lines allowed) of 1..12 lines that are
//!      either title-case headlines (5..16 words, no final punctuation or brackets, every
//!      content word capitalised, not all capitals) or tag lines (>= 3 comma-separated items
//!      of 1..4 words, each starting with a letter); removed when it has >= 2 lines or is a
//!      single tag line.
//!
//! Lines over 1,000 bytes are never furniture (and are not normalised: a fast path). Every
//! pass is linear in the input size; nothing indexes or unwraps on input. Hashes use ahash with
//! fixed seeds, so pieces counted on different threads merge exactly; they are not meant to be
//! persisted across builds.

use ahash::{AHashMap, AHashSet, RandomState};

/// A recurring line must occur in at least this many documents (protects tiny corpora).
pub const MIN_DOCS: usize = 5;
/// ... and in at least this percentage of the documents (scales to large corpora).
pub const RECURRING_SHARE_PERCENT: usize = 4;
/// Lines longer than this (in words) are never removed for recurring: they are text.
pub const MAX_RECURRING_WORDS: usize = 12;
const MAX_RECURRING_CHARS: usize = 160;
/// Longer lines are text: no known pattern or recurring line is that long (fast path too).
const MAX_FURNITURE_BYTES: usize = 1000;

/// Fixed seeds: hashes must agree between `LineCounts` built in different threads.
fn line_hash(norm: &str) -> u64 {
    RandomState::with_seeds(
        0x243f_6a88_85a3_08d3,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
        0x082e_fa98_ec4e_6c89,
    )
    .hash_one(norm)
}

/// Corpus-wide counts of normalised lines, built in parallel-friendly pieces that merge exactly.
#[derive(Default, Clone, Debug)]
pub struct LineCounts {
    /// hash of a normalised candidate line -> number of documents containing it.
    counts: AHashMap<u64, u32>,
    docs: usize,
}

impl LineCounts {
    /// Count each distinct recurrence-candidate line of `text` once.
    pub fn add_document(&mut self, text: &str) {
        let lines: Vec<&str> = text.split('\n').collect();
        let head = Header::of(&lines);
        let mut buf = String::new();
        let mut hashes = Vec::new();
        for (i, line) in lines.iter().enumerate().skip(head.body_start) {
            if Some(i) == head.title || line.len() > MAX_FURNITURE_BYTES {
                continue;
            }
            normalize_into(line, &mut buf);
            if recurrence_candidate(&buf) {
                hashes.push(line_hash(&buf));
            }
        }
        hashes.sort_unstable();
        hashes.dedup();
        for h in hashes {
            let c = self.counts.entry(h).or_insert(0);
            *c = c.saturating_add(1);
        }
        self.docs += 1;
    }

    /// Add another partial count; exact and order-independent (sums per hash).
    pub fn merge(&mut self, other: LineCounts) {
        if self.counts.is_empty() {
            self.counts = other.counts;
        } else {
            for (h, c) in other.counts {
                let e = self.counts.entry(h).or_insert(0);
                *e = e.saturating_add(c);
            }
        }
        self.docs += other.docs;
    }

    /// Number of documents added (over all merged pieces).
    pub fn documents(&self) -> usize {
        self.docs
    }

    /// Number of documents that contain `line` (0 for lines that are never candidates).
    pub fn count(&self, line: &str) -> usize {
        let norm = normalize(line);
        if line.len() > MAX_FURNITURE_BYTES || !recurrence_candidate(&norm) {
            return 0;
        }
        self.counts
            .get(&line_hash(&norm))
            .map_or(0, |&c| c as usize)
    }

    /// Lines occurring in at least `recurring_threshold(n_docs)` documents.
    pub fn recurring(&self, n_docs: usize) -> RecurringLines {
        let min = recurring_threshold(n_docs);
        let hashes = self
            .counts
            .iter()
            .filter(|&(_, &c)| c as usize >= min)
            .map(|(&h, _)| h)
            .collect();
        RecurringLines { hashes }
    }
}

/// `max(MIN_DOCS, ceil(RECURRING_SHARE_PERCENT / 100 * n_docs))`.
pub fn recurring_threshold(n_docs: usize) -> usize {
    MIN_DOCS.max(n_docs.saturating_mul(RECURRING_SHARE_PERCENT).div_ceil(100))
}

/// Set of hashes of lines that recur across the corpus.
#[derive(Default, Clone, Debug)]
pub struct RecurringLines {
    hashes: AHashSet<u64>,
}

impl RecurringLines {
    /// No recurring lines: `clean` then applies the other mechanisms only.
    pub fn none() -> Self {
        Self::default()
    }
    pub fn len(&self) -> usize {
        self.hashes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
    /// Whether `line` (anywhere but a title position) would be removed as recurring.
    pub fn contains(&self, line: &str) -> bool {
        line.len() <= MAX_FURNITURE_BYTES && self.contains_norm(&normalize(line))
    }
    fn contains_norm(&self, norm: &str) -> bool {
        !self.hashes.is_empty()
            && recurrence_candidate(norm)
            && self.hashes.contains(&line_hash(norm))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub removed_lines: usize,
}

/// Why a line was removed (for reports and measurements).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Removal {
    /// Mechanism 1: a known pattern ([`is_known_boilerplate`]).
    Known,
    /// Mechanism 2: recurs across the corpus.
    Recurring,
    /// Mechanism 3: archive export header (Factiva date/source/code lines).
    ExportHeader,
    /// Mechanism 4: Usenet signature after "--".
    Signature,
    /// Mechanism 4: related headlines / tag lines after the body.
    RelatedTail,
    /// A photo caption: the line right above a photo credit ("© REUTERS/ Maxim Shemetov").
    Caption,
}

/// Remove boilerplate lines (known patterns + recurring lines); keeps line structure of what stays
/// (removed lines become empty lines so that paragraph boundaries stay paragraph boundaries).
pub fn clean(text: &str, recurring: &RecurringLines) -> Cleaned {
    let verdicts = classify_lines(text, recurring);
    let mut out = String::with_capacity(text.len());
    let mut removed_lines = 0;
    for (i, (line, verdict)) in text.split('\n').zip(&verdicts).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if verdict.is_some() {
            removed_lines += 1;
        } else {
            out.push_str(line);
        }
    }
    Cleaned {
        text: out,
        removed_lines,
    }
}

/// One verdict per line of `text.split('\n')`: `None` = kept.
pub fn classify_lines(text: &str, recurring: &RecurringLines) -> Vec<Option<Removal>> {
    let lines: Vec<&str> = text.split('\n').collect();
    let head = Header::of(&lines);
    let mut verdicts = vec![None; lines.len()];
    let mut buf = String::new();
    for i in head.body_start..lines.len() {
        if lines[i].len() > MAX_FURNITURE_BYTES {
            continue;
        }
        normalize_into(lines[i], &mut buf);
        if buf.is_empty() {
            continue;
        }
        if known_norm(&buf) {
            verdicts[i] = Some(Removal::Known);
        } else if Some(i) != head.title && recurring.contains_norm(&buf) {
            verdicts[i] = Some(Removal::Recurring);
        }
    }
    photo_captions(&lines, &mut verdicts, &head);
    export_header(&lines, &mut verdicts, head.body_start);
    usenet_signature(&lines, &mut verdicts, head.body_start);
    related_tail(&lines, &mut verdicts, &head);
    verdicts
}

/// A photo credit ("© Sputnik/ Natalia Seliverstova") follows its caption on the next line.
/// The caption names people and places, so left in it would count as news; it is removed when
/// it sits directly above the credit, is not the title, and does not end like a sentence
/// (captions have no final full stop; a body paragraph above a credit does).
fn photo_captions(lines: &[&str], verdicts: &mut [Option<Removal>], head: &Header) {
    for i in head.body_start.max(1)..lines.len() {
        let credit =
            verdicts[i] == Some(Removal::Known) && lines[i].trim_start().starts_with('\u{a9}');
        let above = i - 1;
        if !credit
            || above < head.body_start
            || verdicts[above].is_some()
            || Some(above) == head.title
        {
            continue;
        }
        let caption = lines[above].trim();
        let words = caption.split_whitespace().count();
        let ends_sentence = caption.ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
        if (3..=60).contains(&words) && !ends_sentence {
            verdicts[above] = Some(Removal::Caption);
        }
    }
}

/// Whether one line, on its own, is known furniture (mechanism 1 of the module doc).
pub fn is_known_boilerplate(line: &str) -> bool {
    line.len() <= MAX_FURNITURE_BYTES && known_norm(&normalize(line))
}

// ---------------------------------------------------------------------------------------------
// Normalisation and line features

fn normalize(line: &str) -> String {
    let mut buf = String::new();
    normalize_into(line, &mut buf);
    buf
}

/// Trim, fold whitespace runs (incl. NBSP) to one space, drop zero-width chars, lower-case.
fn normalize_into(line: &str, buf: &mut String) {
    buf.clear();
    if line.is_ascii() {
        // Fast path: whole words at a time.
        for w in line.split_ascii_whitespace() {
            if !buf.is_empty() {
                buf.push(' ');
            }
            buf.push_str(w);
        }
        buf.make_ascii_lowercase();
        return;
    }
    let mut pending_space = false;
    for c in line.chars() {
        let space = if c.is_ascii() {
            c.is_ascii_whitespace()
        } else if matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') {
            continue;
        } else {
            c.is_whitespace()
        };
        if space {
            pending_space = !buf.is_empty();
            continue;
        }
        if pending_space {
            buf.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Word count of a normalised line (single ASCII spaces between words).
fn norm_words(norm: &str) -> usize {
    if norm.is_empty() {
        0
    } else {
        1 + norm.bytes().filter(|&b| b == b' ').count()
    }
}

fn has_letter(norm: &str) -> bool {
    norm.bytes().any(|b| b.is_ascii_alphabetic())
        || (!norm.is_ascii() && norm.chars().any(char::is_alphabetic))
}

/// The last character that is not a closing quote or bracket.
fn last_significant(s: &str) -> Option<char> {
    s.trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | ')' | ']' | '»' | '”' | '’' | '*'))
}

fn ends_sentence(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '!' | '?' | '…'))
}

fn ends_with_punct(s: &str) -> bool {
    matches!(
        last_significant(s),
        Some('.' | '!' | '?' | '…' | ',' | ';' | ':')
    )
}

/// Label-like lines only: sentences and long lines are never removed for recurring.
fn recurrence_candidate(norm: &str) -> bool {
    !norm.is_empty()
        && norm.len() <= MAX_RECURRING_CHARS
        && !ends_with_punct(norm)
        && norm_words(norm) <= MAX_RECURRING_WORDS
        && has_letter(norm)
}

/// Where the header of the article file layout ends ("date ..." line, title line).
struct Header {
    /// First line the module may touch (1 when line 0 is a `date ` line).
    body_start: usize,
    /// Title line: exempt from the recurrence rule (titles of syndicated items repeat).
    title: Option<usize>,
}

impl Header {
    fn of(lines: &[&str]) -> Header {
        let body_start = usize::from(
            lines
                .first()
                .is_some_and(|l| l.trim_start().starts_with("date ")),
        );
        let title = lines
            .get(body_start)
            .filter(|l| !l.trim().is_empty())
            .filter(|_| {
                lines
                    .get(body_start + 1)
                    .is_none_or(|n| n.trim().is_empty())
            })
            .map(|_| body_start);
        Header { body_start, title }
    }
}

// ---------------------------------------------------------------------------------------------
// Mechanism 1: known patterns (normalised input)

/// Whole-line widgets, comment boxes and sign-offs.
const EXACT: &[&str] = &[
    // comment boxes
    "be first to comment",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "comments are closed",
    // widgets, menus
    "listen live",
    "get short url",
    "comment via facebook",
    "comment via sputnik",
    "community standards",
    "community standardsdiscussion",
    "register",
    "log in",
    "sign in",
    "subscribe",
    "advertisement",
    "scroll down for video",
    "share this article",
    "print this article",
    "email this article",
    // wire sign-offs
    "reuter",
    "reuters",
];

/// (prefix, maximum words of the whole line).
const PREFIXES: &[(&str, usize)] = &[
    ("your email address will not be published", 16),
    ("required fields are marked", 8),
    ("comment via ", 6),
    ("leave a reply", 6),
];

fn known_norm(norm: &str) -> bool {
    if norm.is_empty() {
        return false;
    }
    if norm.len() <= 40 && EXACT.contains(&norm) {
        return true;
    }
    let words = norm_words(norm);
    if words > 40 {
        return false;
    }
    PREFIXES
        .iter()
        .any(|&(p, max)| norm.starts_with(p) && words <= max)
        || is_copyright_or_credit(norm, words)
        || is_word_count_stamp(norm)
        || is_document_id(norm)
        || is_page_clock(norm, words)
}

fn is_year(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

fn has_year(norm: &str) -> bool {
    norm.split(' ').any(is_year)
}

/// "© Sputnik/ Natalia Seliverstova", "c 2014 express newspapers", "copyright 2014 ...",
/// "the telegraph online © 2014 telegraph media group ltd", "... all rights reserved".
fn is_copyright_or_credit(norm: &str, words: usize) -> bool {
    if words > 40 {
        return false;
    }
    if norm.starts_with('©') {
        return words <= 20;
    }
    let mut it = norm.split(' ');
    let first = it.next().unwrap_or("");
    let second = it.next().unwrap_or("");
    let third = it.next().unwrap_or("");
    let rights = norm.contains("all rights reserved");
    if (first == "(c)" || first == "c") && is_year(second) {
        return words <= 20;
    }
    if first == "copyright" || first == "copyright:" {
        let stamp = is_year(second) || matches!(second, "©" | "(c)") || is_year(third);
        return stamp && (rights || (words <= 12 && !ends_sentence(norm)));
    }
    if norm.contains('©') && has_year(norm) && words <= 15 {
        return true;
    }
    rights && (has_year(norm) || norm.contains('©') || norm.contains("copyright"))
}

/// Factiva "86 words".
fn is_word_count_stamp(norm: &str) -> bool {
    norm.strip_suffix(" words")
        .is_some_and(|n| !n.is_empty() && n.len() <= 7 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Factiva "document theexp0020140519ea5j0007r".
fn is_document_id(norm: &str) -> bool {
    norm.strip_prefix("document ").is_some_and(|id| {
        (16..=40).contains(&id.len())
            && id.bytes().all(|b| b.is_ascii_alphanumeric())
            && id.bytes().filter(u8::is_ascii_digit).count() >= 8
    })
}

/// Page clock "14:57 gmt +311 december 2019".
fn is_page_clock(norm: &str, words: usize) -> bool {
    let b = norm.as_bytes();
    let colon = match b.iter().position(|&c| c == b':') {
        Some(p @ 1..=2) => p,
        _ => return false,
    };
    words <= 8
        && b[..colon].iter().all(u8::is_ascii_digit)
        && b.len() >= colon + 3
        && b[colon + 1..colon + 3].iter().all(u8::is_ascii_digit)
        && matches!(norm[colon + 3..].split(' ').nth(1), Some("gmt" | "utc"))
}

// ---------------------------------------------------------------------------------------------
// Mechanism 3: export header

const LANGUAGES: &[&str] = &[
    "english", "french", "german", "spanish", "italian", "russian",
];

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Normalised form of a line of at most `max` bytes.
fn short_norm(line: &str, max: usize) -> Option<String> {
    (line.len() <= max).then(|| normalize(line))
}

/// Factiva: "933 words" / date / time / source / code / edition / page / "english".
fn export_header(lines: &[&str], verdicts: &mut [Option<Removal>], start: usize) {
    let end = lines.len().min(start + 40);
    // The stamp is already a known pattern: only those lines are looked at again.
    let stamp = |i: &usize| {
        verdicts[*i] == Some(Removal::Known)
            && short_norm(lines[*i], 40).is_some_and(|n| is_word_count_stamp(&n))
    };
    let Some(i) = (start..end).find(stamp) else {
        return;
    };
    let last = lines.len().min(i + 11);
    let language =
        |j: &usize| short_norm(lines[*j], 20).is_some_and(|n| LANGUAGES.contains(&n.as_str()));
    if let Some(j) = (i + 1..last).find(language) {
        for v in &mut verdicts[i..=j] {
            v.get_or_insert(Removal::ExportHeader);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Mechanism 4: tail of the page

/// Word count, stopping early at `cap` (long lines stay cheap).
fn words_up_to(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap).count()
}

/// A line that shows the body is still going: a sentence or a long line.
fn body_like(line: &str) -> bool {
    ends_sentence(line) || words_up_to(line, 15) >= 15
}

/// "-- " then 1..8 short lines to the end (Usenet convention), after some body text.
fn usenet_signature(lines: &[&str], verdicts: &mut [Option<Removal>], start: usize) {
    let n = lines.len();
    let from = n.saturating_sub(20).max(start);
    let Some(k) = (from..n).rev().find(|&k| lines[k].trim() == "--") else {
        return;
    };
    let tail: Vec<usize> = (k + 1..n).filter(|&i| !is_blank(lines[i])).collect();
    let body_before = (start..k).any(|i| verdicts[i].is_none() && body_like(lines[i]));
    if tail.is_empty()
        || tail.len() > 8
        || tail.iter().any(|&i| lines[i].len() > 100)
        || !body_before
    {
        return;
    }
    for i in std::iter::once(k).chain(tail) {
        verdicts[i].get_or_insert(Removal::Signature);
    }
}

/// Function words allowed in lower case inside a title-case headline.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "nor", "of",
    "on", "onto", "or", "over", "per", "than", "the", "to", "up", "via", "vs", "with", "amid",
];

/// "Kremlin Focuses on Alleged US Plans to Aim Missiles at Russia's Nukes": 5..16 words, no
/// final punctuation or brackets, every content word capitalised, not all in capitals.
fn headline_like(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 400
        || t.chars().count() > 120
        || ends_with_punct(t)
        || t.contains(['(', ')', '[', ']'])
    {
        return false;
    }
    if !(5..=16).contains(&word_count(t)) || !t.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut title_cased = 0;
    for w in t.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if c.is_uppercase() => title_cased += usize::from(cs.any(char::is_lowercase)),
            Some(c) if c.is_lowercase() && !SMALL_WORDS.contains(&w) => return false,
            _ => {}
        }
    }
    title_cased >= 2
}

/// "cooperation, Kremlin, Dmitry Peskov, United States, Russia": >= 3 comma-separated items of
/// 1..4 words, one of them capitalised, no sentence punctuation.
fn tag_like(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 400 || t.chars().count() > 200 || ends_with_punct(t) {
        return false;
    }
    let mut items = 0;
    let mut capitalised = false;
    for item in t.split(',') {
        let item = item.trim();
        let w = word_count(item);
        let starts_with_letter = item.chars().next().is_some_and(char::is_alphabetic);
        if w == 0
            || w > 4
            || !starts_with_letter
            || item.contains(['.', '!', '?', ';', ':', '(', ')'])
        {
            return false;
        }
        capitalised |= item.chars().next().is_some_and(char::is_uppercase);
        items += 1;
    }
    items >= 3 && capitalised
}

/// Related headlines and tag lines after the end of the body.
fn related_tail(lines: &[&str], verdicts: &mut [Option<Removal>], head: &Header) {
    let mut run = Vec::new();
    let mut anchor = false;
    for i in (head.body_start..lines.len()).rev() {
        if verdicts[i].is_some() || is_blank(lines[i]) {
            continue;
        }
        if Some(i) == head.title {
            break;
        }
        if run.len() <= MAX_RELATED_RUN && (headline_like(lines[i]) || tag_like(lines[i])) {
            run.push(i);
            continue;
        }
        anchor = body_like(lines[i]);
        break;
    }
    let accept = match run.as_slice() {
        [] => false,
        [one] => tag_like(lines[*one]),
        r => r.len() <= MAX_RELATED_RUN,
    };
    if anchor && accept {
        for i in run {
            verdicts[i] = Some(Removal::RelatedTail);
        }
    }
}

/// Longer runs of title-case lines are lists in the body, not a related-headlines box.
const MAX_RELATED_RUN: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// Trimmed lines that `clean` removed (compares input and output line by line).
    fn removed_with(text: &str, rec: &RecurringLines) -> Vec<String> {
        let c = clean(text, rec);
        let before: Vec<&str> = text.split('\n').collect();
        let after: Vec<&str> = c.text.split('\n').collect();
        assert_eq!(before.len(), after.len(), "line structure must be kept");
        let out: Vec<String> = before
            .iter()
            .zip(&after)
            .filter(|(b, a)| a.is_empty() && !b.trim().is_empty())
            .map(|(b, _)| b.trim().to_string())
            .collect();
        assert_eq!(out.len(), c.removed_lines);
        for (b, a) in before.iter().zip(&after) {
            assert!(a.is_empty() || a == b, "kept lines are not rewritten");
        }
        out
    }

    fn removed(text: &str) -> Vec<String> {
        removed_with(text, &RecurringLines::none())
    }

    const BODY: &str =
        "Moscow hopes that the next US president will not undermine partnership with Russia.";

    #[test]
    fn known_patterns_each_kind() {
        for line in [
            // comment boxes
            "Be First to Comment",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            // widgets
            "Get short URL",
            "Listen Live",
            "Comment via Facebook",
            "Comment via FacebookComment via Sputnik",
            "Community standardsDiscussion",
            "Register",
            "    Get\u{a0}short\u{a0}URL  ",
            "LISTEN   LIVE",
            // photo credits
            "© Sputnik/ Natalia Seliverstova",
            "\u{a0}© REUTERS/ Maxim Shemetov",
            "© AP Photo/ Michael Probst",
            // wire sign-offs
            "Reuter",
            " REUTERS",
            // Factiva stamps
            "86 words",
            "c 2014 express newspapers",
            "document theexp0020140519ea5j0007r",
            "copyright 2014",
            "© 2014 associated newspapers all rights reserved",
            "the telegraph online © 2014 telegraph media group ltd",
            "guardiancouk © guardian news and media 2014",
            "copyright 2014 the financial times ltd all rights reserved please do not cut and paste ft articles and redistribute by email or post to the web",
            "Copyright (c) 1993 by Larry Klaes",
            // page clock
            "14:57 GMT +311 December 2019",
        ] {
            assert!(is_known_boilerplate(line), "{line:?}");
        }
    }

    #[test]
    fn sentences_mentioning_the_words_are_kept() {
        for line in [
            "Register your interest by Friday, the council said.",
            "Registered voters in the region rose by 4 percent.",
            "The copyright dispute over the photographs was settled in 2014.",
            "Copyright 2014 reforms were passed by parliament, he said.",
            "Copyright law protects the agency, the court ruled.",
            "Reuters reported that the talks had stalled.",
            "He told Reuters the deal was off",
            "Listen live to the debate, the station urged its audience.",
            "Be first to comment on the draft, officials asked the public.",
            "The speech ran to 86 words and was over in a minute.",
            "The document 20140519 was leaked",
            "(c) the minister shall publish the list within 14 days;",
            "At 14:57 the plane landed in Moscow.",
            "All rights reserved, he said, belonged to the club.",
            "",
            "   ",
        ] {
            assert!(!is_known_boilerplate(line), "{line:?}");
            let doc = format!("Title\n\n{BODY}\n{line}\n{BODY}\n");
            assert!(removed(&doc).is_empty(), "{line:?}");
        }
    }

    #[test]
    fn first_date_line_is_left_alone() {
        let doc =
            " date 2017-04-13 Register\n    The Russian Ministry of Foreign Affairs\n\nRegister\n";
        assert_eq!(removed(doc), ["Register"]);
        let c = clean(doc, &RecurringLines::none());
        assert!(c.text.starts_with(" date 2017-04-13 Register\n"));
        // Even a known pattern after "date " on line 0 stays (the header parser owns it).
        assert!(
            removed("date 2020-01-01\nListen Live\n\nBody.").contains(&"Listen Live".to_string())
        );
        assert!(removed("date 2020-01-01 Reuter").is_empty());
    }

    #[test]
    fn seed_000_nothing_removed() {
        let doc = " date 2018-02-05 MOSCOW(Sputnik) - Russia and the United States should resume their dialogue on the missile defense in light of the growing relevance of the subject, Russian Deputy Foreign Minister Sergey Ryabkov said.\n\nOn Friday, the US Defense Department published the country's new Nuclear Posture Review, which devoted much attention to the development of Russia's nuclear capability.\n\nThe United States, as well as the European Union, imposed several rounds of sanctions on Russia's energy, banking, defense and other sectors, as well as on a number of Russian officials. Moscow responded with countermeasures against the Western countries.";
        assert!(removed(doc).is_empty());
    }

    #[test]
    fn seed_001_comment_box() {
        let doc = "Russia urges US to work together to fine-tune difficulties in New START Treaty\n\n\
Moscow calls on Washington to jointly tackle the issue related to the modernization of US strategic delivery vehicles in accordance with the New START Treaty, Russian Foreign Minister Sergey Lavrov said.\n\n\
The two leaders haven\u{2019}t had a full-fledged meeting so far, but only twice talked on the sidelines of summits in 2017.\n\n\
Be First to Comment\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *";
        assert_eq!(
            removed(doc),
            [
                "Be First to Comment",
                "Leave a Reply",
                "Your email address will not be published. Required fields are marked *"
            ]
        );
    }

    #[test]
    fn seed_002_register_and_photo_credits() {
        let doc = " date 2017-04-13 Register\n    The Russian Ministry of Foreign Affairs on Smolenskaya-Sennaya Square in Moscow\n\n\
    Russia Ready to Work With US in All Areas of Mutual Interest - Deputy FM\n\n\
    \u{a9} Sputnik/ Natalia Seliverstova\n\
    Russia is ready for the bilateral cooperation with the US in all areas that can be beneficial for both of them, Russian Deputy Foreign Minister Sergey Ryabkov told Sputnik on Thursday.\n\n\
    He said both Moscow and Washington \"firmly understand the fact that the logjams that have accumulated in\u{a0} the bilateral area need to\u{a0} be cleared up\u{a0} and liquidated.\"\n\n\
    Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Rex Tillerson enter a hall during their meeting in Moscow, Russia, April 12, 2017\n\
    \u{a9} REUTERS/ Maxim Shemetov\n\
    Meanwhile, the Russian-US group on\u{a0} normalization of\u{a0} bilateral relations may start working within\u{a0} the next two or three months, Russian Deputy Foreign Minister Sergey Ryabkov added.\n\n\
    The Russian foreign minister Sergey Lavrov, right, and US Secretary of State Rex Tillerson stand together during the G-20 Foreign Ministers meeting in Bonn, Germany\n\
    \u{a9} AP Photo/ Michael Probst\n\
    He expressed hope that the group would begin operating in\u{a0} two-three months.\n\n\
    Since 2014, relations between\u{a0} Russia and the United States deteriorated amid\u{a0} the crisis in\u{a0} Ukraine.\n\n";
        assert_eq!(
            removed(doc),
            [
                "\u{a9} Sputnik/ Natalia Seliverstova",
                "Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Rex Tillerson enter a hall during their meeting in Moscow, Russia, April 12, 2017",
                "\u{a9} REUTERS/ Maxim Shemetov",
                "The Russian foreign minister Sergey Lavrov, right, and US Secretary of State Rex Tillerson stand together during the G-20 Foreign Ministers meeting in Bonn, Germany",
                "\u{a9} AP Photo/ Michael Probst"
            ]
        );
    }

    #[test]
    fn seed_003_subheading_kept() {
        let doc = "MOSCOW, October 23. /TASS/. Russian Defense Minister Sergei Shoigu has stated that Russia and the US could jointly address strategic issues of nuclear deterrence.\n\
Bolton\u{2019}s visit has a special significance amid the US\u{2019} plans to withdraw from the Intermediate-Range Nuclear Forces Treaty (INF Treaty).\n\
Russia-US ties\n\
Sergei Shoigu has said that US National Security Adviser John Bolton\u{2019}s visit to Russia will give a fresh impetus to the stabilization of relations between the two countries.\n\
Bolton\u{2019}s visit is of particular importance against the backdrop of Washington\u{2019}s plans to withdraw from the Intermediate-Range Nuclear Forces (INF) Treaty.";
        assert!(removed(doc).is_empty());
    }

    const SEED_004: &str = "14:57 GMT +311 December 2019\nListen Live\n\
    A view at the Moscow Kremlin, Historical Museum, Red Square and Saint Basil's Cathedral.\n\n\
    Russia-US Cooperation Vital for Resolution of Global Problems - Kremlin\n\n\
    \u{a9} Sputnik / Alexei Filippov\n\
    Get short URL\n\n\
    Moscow hopes that the next US president will not undermine partnership with Russia.\n\n\
    \"We are still convinced that without\u{a0} cooperation and interaction between\u{a0} Russia and the US the resolution of\u{a0} many global problems is impossible,\" Peskov told reporters in\u{a0} Moscow.\n\n\
    Last week, Russian Foreign Minister Sergei Lavrov said Moscow would leave room for\u{a0} cooperation with\u{a0} the United States despite\u{a0} tensions between\u{a0} the two countries, stressing that such contacts should be in\u{a0} the interest of\u{a0} both nations.\n\n\n\
    Serbia: a Tough Choice Between Russia and the US\n\
    Merkel Follows US Course, Seeks to Further Isolate Russia\n\
    US Might Add Missiles to Its Military Buildup in Europe to Counter Russia\n\
    Kremlin Focuses on Alleged US Plans to Aim Missiles at Russia's Nukes\n\
    cooperation, Kremlin, Dmitry Peskov, United States, Russia\n\
    Community standardsDiscussion\n\
    Comment via FacebookComment via Sputnik";

    #[test]
    fn seed_004_widgets_related_headlines_tags() {
        assert_eq!(
            removed(SEED_004),
            [
                "14:57 GMT +311 December 2019",
                "Listen Live",
                "\u{a9} Sputnik / Alexei Filippov",
                "Get short URL",
                "Serbia: a Tough Choice Between Russia and the US",
                "Merkel Follows US Course, Seeks to Further Isolate Russia",
                "US Might Add Missiles to Its Military Buildup in Europe to Counter Russia",
                "Kremlin Focuses on Alleged US Plans to Aim Missiles at Russia's Nukes",
                "cooperation, Kremlin, Dmitry Peskov, United States, Russia",
                "Community standardsDiscussion",
                "Comment via FacebookComment via Sputnik",
            ]
        );
        let v = classify_lines(SEED_004, &RecurringLines::none());
        assert_eq!(
            v.iter()
                .filter(|r| **r == Some(Removal::RelatedTail))
                .count(),
            5
        );
    }

    #[test]
    fn related_tail_needs_body_before_and_spares_lists() {
        // Only title-case lines: no body end to anchor on.
        let doc = "Serbia: a Tough Choice Between Russia and the US\nMerkel Follows US Course, Seeks to Further Isolate Russia";
        assert!(removed(doc).is_empty());
        // A single title-case line after the body is not a related-headlines box.
        let doc =
            format!("Title\n\n{BODY}\nMerkel Follows US Course, Seeks to Further Isolate Russia");
        assert!(removed(&doc).is_empty());
        // BBC winners list at the end of the body (bbc entertainment_201).
        let doc = format!(
            "Title\n\n{BODY}\n\nMatt Lucas & David Walliams (Little Britain, BBC Three)\n\nCaroline Quentin (Life Begins/ Von Trapped, ITV1)\n\nLittle Britain (BBC Three)\n\nSchool Of Rock"
        );
        assert!(removed(&doc).is_empty());
        // Reuters dividend tail: short title-case table lines, then the sign-off.
        let doc = "Title\n\n    Qtly div 10 cts vs 10 cts prior\n    Payable July 14\n    Record July 1\n Reuter\n";
        assert_eq!(removed(doc), ["Reuter"]);
        let doc = "T\n\nResults were announced.\n    Net loss 3,030,548 vs loss 548,442\n    Revs 1,519,360 vs 1,081,915\n Reuter";
        assert_eq!(removed(doc), ["Reuter"]);
    }

    #[test]
    fn reuters_sign_off() {
        let doc = "date 1987-02-26\nCOCOA EXPORTS\n\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.\n Reuter\n";
        let c = clean(doc, &RecurringLines::none());
        assert_eq!(c.removed_lines, 1);
        assert!(c.text.ends_with("drought.\n\n"));
    }

    #[test]
    fn factiva_header_and_trailer() {
        let doc = "date 2014-02-28\n\n____\nnews\ncouple held in raid on suspected sham marriage ceremony\njames white   \n275 words\n28 february 2014\n1547\nmail online\ndamonl\nenglish\n\u{a9} 2014 associated newspapers all rights reserved   \ntwo people have been arrested after a suspected sham marriage was stopped moments before they were to be officially married\ndocument damonl0020140228ea2s006f3";
        assert_eq!(
            removed(doc),
            [
                "275 words",
                "28 february 2014",
                "1547",
                "mail online",
                "damonl",
                "english",
                "\u{a9} 2014 associated newspapers all rights reserved",
                "document damonl0020140228ea2s006f3"
            ]
        );
        let v = classify_lines(doc, &RecurringLines::none());
        assert_eq!(v[6], Some(Removal::Known));
        assert_eq!(v[7], Some(Removal::ExportHeader));
        // No language line within 10 lines: only the stamp itself goes.
        let doc = "T\n\n86 words\nthe minister spoke\nfor a while\n";
        assert_eq!(removed(doc), ["86 words"]);
    }

    #[test]
    fn usenet_signature() {
        let doc = "Subject\n\nI found the same ad in our local Sunday newspaper.\n\n-- \nRick Roy       Usenet: rick@howtek.MV.com\nDisclaimer: My employer's views are orthogonal to these.\n";
        assert_eq!(
            removed(doc),
            [
                "--",
                "Rick Roy       Usenet: rick@howtek.MV.com",
                "Disclaimer: My employer's views are orthogonal to these."
            ]
        );
        // "--" followed by a long stretch of text is not a signature.
        let mut doc = String::from("S\n\nFirst part of the post.\n--\n");
        for i in 0..9 {
            doc.push_str(&format!("Line {i} of the second part.\n"));
        }
        assert!(removed(&doc).is_empty());
        // No body before the dashes: leave it.
        assert!(removed("S\n\n--\nJohn Smith\n").is_empty());
    }

    fn counts_of(docs: &[String]) -> LineCounts {
        let mut c = LineCounts::default();
        docs.iter().for_each(|d| c.add_document(d));
        c
    }

    #[test]
    fn recurrence_on_five_documents() {
        let shared_sentence =
            "The ministry said the talks would continue next week in Geneva with both delegations.";
        let shared_long_line =
            "ukip leader nigel farage said the party would win the european elections in may";
        let docs: Vec<String> = (0..5)
            .map(|i| {
                let mut d = format!(
                    "Story {i}\n\nBody of story number {i} is here.\nSubscribe to Our Newsletter\n"
                );
                if i < 2 {
                    d.push_str(&format!("{shared_sentence}\n{shared_long_line}\n"));
                }
                if i < 4 {
                    d.push_str("Most Read\n");
                }
                d.push_str("Thanks for reading.\n");
                d
            })
            .collect();
        let counts = counts_of(&docs);
        assert_eq!(counts.documents(), 5);
        assert_eq!(counts.count("Subscribe to Our Newsletter"), 5);
        assert_eq!(counts.count("Most Read"), 4);
        assert_eq!(
            counts.count(shared_sentence),
            0,
            "sentences are never candidates"
        );
        let rec = counts.recurring(5);
        assert_eq!(recurring_threshold(5), MIN_DOCS);
        assert!(rec.contains("  subscribe to our NEWSLETTER "));
        assert!(!rec.contains("Most Read"), "4 of 5 is below MIN_DOCS");
        assert!(!rec.contains("Thanks for reading."), "sentence-like");
        assert_eq!(rec.len(), 1);
        assert_eq!(
            removed_with(&docs[0], &rec),
            ["Subscribe to Our Newsletter"]
        );
        let v = classify_lines(&docs[0], &rec);
        assert_eq!(v[3], Some(Removal::Recurring));
    }

    #[test]
    fn recurrence_on_thousand_documents_and_exact_merge() {
        let docs: Vec<String> = (0..1000)
            .map(|i| {
                let mut d = format!(
                    "Headline {}\n\nThe company reported result number {i}.\n",
                    i % 7
                );
                if i % 50 == 0 {
                    d.push_str("Year\n"); // 2%: content label, kept
                }
                if i % 3 == 0 {
                    d.push_str("Nine mths\nNine mths\n"); // repeated inside one doc: counted once
                }
                d.push_str("Distributed by Example Wire Service\n");
                d
            })
            .collect();
        let whole = counts_of(&docs);
        assert_eq!(whole.count("Distributed by Example Wire Service"), 1000);
        assert_eq!(whole.count("Nine mths"), 334);
        assert_eq!(whole.count("Year"), 20);
        assert_eq!(whole.count("Headline 3"), 0, "title lines are not counted");
        assert_eq!(recurring_threshold(1000), 40);
        let rec = whole.recurring(1000);
        assert!(rec.contains("Distributed by Example Wire Service"));
        assert!(rec.contains("Nine mths"));
        assert!(!rec.contains("Year"));
        assert_eq!(
            removed_with(&docs[1], &rec),
            ["Distributed by Example Wire Service"]
        );

        // Pieces merged in different orders give the same counts and the same set.
        let pieces: Vec<LineCounts> = docs.chunks(137).map(counts_of).collect();
        let mut forward = LineCounts::default();
        pieces.iter().cloned().for_each(|p| forward.merge(p));
        let mut backward = LineCounts::default();
        pieces.iter().rev().cloned().for_each(|p| backward.merge(p));
        let mut tree = counts_of(&docs[500..]);
        tree.merge(counts_of(&docs[..500]));
        for c in [&forward, &backward, &tree] {
            assert_eq!(c.documents(), 1000);
            assert_eq!(c.counts, whole.counts);
            let mut a: Vec<u64> = c.recurring(1000).hashes.into_iter().collect();
            let mut b: Vec<u64> = rec.hashes.iter().copied().collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn thresholds_scale() {
        assert_eq!(recurring_threshold(0), 5);
        assert_eq!(recurring_threshold(100), 5);
        assert_eq!(recurring_threshold(2833), 114);
        assert_eq!(recurring_threshold(50_000), 2000);
        assert_eq!(recurring_threshold(usize::MAX), usize::MAX.div_ceil(100));
    }

    #[test]
    fn title_is_exempt_from_recurrence_but_not_known_patterns() {
        let docs: Vec<String> = (0..6)
            .map(|i| {
                format!("Telephone conversation with President of France\n\nText {i} follows here.")
            })
            .collect();
        let rec = counts_of(&docs).recurring(6);
        assert!(rec.is_empty());
        assert_eq!(removed("Listen Live\n\nBody text."), ["Listen Live"]);
    }

    #[test]
    fn structure_is_kept() {
        let doc = "Title\n\nPara one.\nListen Live\nPara two.\n";
        let c = clean(doc, &RecurringLines::none());
        assert_eq!(c.text, "Title\n\nPara one.\n\nPara two.\n");
        assert_eq!(c.removed_lines, 1);
        let crlf = "Title\r\n\r\nBody.\r\nGet short URL\r\n";
        assert_eq!(
            clean(crlf, &RecurringLines::none()).text,
            "Title\r\n\r\nBody.\r\n\n"
        );
    }

    #[test]
    fn adversarial_input() {
        let start = Instant::now();
        let rec = RecurringLines::none();
        let mut counts = LineCounts::default();
        let big_words = "Word ".repeat(200_000); // 1 MB line of title-case words
        let big_tags = "Tag, ".repeat(200_000);
        let big_copy = format!("© 2014 {}", "x".repeat(1_000_000));
        let big_nospace = "a".repeat(1_000_000);
        let many_lines = "Get short URL\n".repeat(100_000);
        let unicode = "\u{0}\u{feff}\u{200b}\r\r\n\u{301}\u{202e}مرحبا ©\u{a0}\u{1F600}\n--\n\u{10FFFF}İ\u{130}ẞ\n:\n12:\n1:2 gmt\n© \ndocument \n words";
        for doc in [
            "",
            "\n",
            "\n\n\n",
            "date ",
            "--",
            " words",
            big_words.as_str(),
            big_tags.as_str(),
            big_copy.as_str(),
            big_nospace.as_str(),
            many_lines.as_str(),
            unicode,
        ] {
            let c = clean(doc, &rec);
            assert_eq!(c.text.split('\n').count(), doc.split('\n').count());
            counts.add_document(doc);
            let _ = is_known_boilerplate(doc);
        }
        assert_eq!(clean(&many_lines, &rec).removed_lines, 100_000);
        assert_eq!(clean(&big_words, &rec).removed_lines, 0);
        let _ = counts.recurring(counts.documents());
        assert!(start.elapsed() < Duration::from_secs(20), "bounded time");
    }
}
