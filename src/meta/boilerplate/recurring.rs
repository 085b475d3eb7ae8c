//! Furniture learned from the corpus (mechanism 2): what recurs across many articles is part
//! of the page, not of the story. A first pass counts, per document, three kinds of line key
//! ([`LineSums`]: summed by the engine, within a memory pool) and keeps those above their
//! thresholds as [`RecurringLines`]:
//!
//! - **label lines**, verbatim or as a *template*: a short line without sentence punctuation
//!   ("Most Read", "Subscribe to Our Newsletter"), compared with its date and time masked when
//!   it holds one ("Updated 2117 GMT (0517 HKT) April 5, 2016" and "Updated 0920 GMT (1720
//!   HKT) May 1, 2016" are one template `updated … gmt (… hkt) … …, …`). Threshold:
//!   [`recurring_threshold`] (4% of the documents, at least [`MIN_DOCS`]).
//! - **label prefixes**: a fixed label before a changing tail, on one line: a run of two to
//!   four words in capitals ("JUST WATCHED Trump on trade", "MUST WATCH ...") or one or two
//!   words ending in a colon ("Photos: The storm hits Texas"), or one to four followed by `|`
//!   or a dash ("Sputnik | ...").
//!   The tail must not end like a sentence (a transcript's "Putin: Thank you." is speech) and
//!   the line has at most [`MAX_PREFIX_LINE_WORDS`] words. Threshold: [`prefix_threshold`]
//!   (1% of the documents, at least [`MIN_DOCS`]): the shape already says "label".
//! - **prose lines** that recur verbatim: a standard paragraph about the outlet. Kept unless
//!   in many articles: [`prose_threshold`] (10% of the documents, at least 2 × [`MIN_DOCS`]).
//!
//! Keys are 62-bit hashes (ahash, fixed seeds: keys hashed on different threads agree);
//! texts are never kept.

use std::borrow::Cow;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use ahash::{AHashSet, RandomState};

use super::text::{Header, ends_sentence, ends_with_punct, has_letter, norm_words, normalize_into};
use super::{MAX_FURNITURE_BYTES, normalize};
use crate::engine::{BATCH_ROWS, EngineError, Sums};
use crate::meta::dates;

/// A recurring line must occur in at least this many documents (protects tiny corpora).
pub const MIN_DOCS: usize = 5;
/// ... and in at least this percentage of the documents (scales to large corpora).
pub const RECURRING_SHARE_PERCENT: usize = 4;
/// A label prefix must begin a line in at least this percentage of the documents.
pub const PREFIX_SHARE_PERCENT: usize = 1;
/// A prose line must recur verbatim in at least this percentage of the documents.
pub const PROSE_SHARE_PERCENT: usize = 10;
/// Lines longer than this (in words) are never label lines: they are text.
pub const MAX_RECURRING_WORDS: usize = 12;
const MAX_RECURRING_CHARS: usize = 160;
/// A line with a label prefix has at most this many words (a video or photo title).
pub const MAX_PREFIX_LINE_WORDS: usize = 30;

/// `max(MIN_DOCS, ceil(RECURRING_SHARE_PERCENT / 100 * n_docs))`.
pub fn recurring_threshold(n_docs: usize) -> usize {
    share(n_docs, RECURRING_SHARE_PERCENT, MIN_DOCS)
}

/// `max(MIN_DOCS, ceil(PREFIX_SHARE_PERCENT / 100 * n_docs))`.
pub fn prefix_threshold(n_docs: usize) -> usize {
    share(n_docs, PREFIX_SHARE_PERCENT, MIN_DOCS)
}

/// `max(2 * MIN_DOCS, ceil(PROSE_SHARE_PERCENT / 100 * n_docs))`.
pub fn prose_threshold(n_docs: usize) -> usize {
    share(n_docs, PROSE_SHARE_PERCENT, 2 * MIN_DOCS)
}

fn share(n_docs: usize, percent: usize, min: usize) -> usize {
    min.max(n_docs.saturating_mul(percent).div_ceil(100))
}

/// Fixed seeds: hashes must agree between threads and runs.
/// 62 bits: [`LineSums`] puts the kind of key in the top two.
fn line_hash(key: &str) -> u64 {
    RandomState::with_seeds(
        0x243f_6a88_85a3_08d3,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
        0x082e_fa98_ec4e_6c89,
    )
    .hash_one(key)
        & HASH_BITS
}

const HASH_BITS: u64 = u64::MAX >> 2;

/// What a line is, for counting and for removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum LineKey<'a> {
    /// A label line: its normalised form with any date or time masked (`#`).
    Label(Cow<'a, str>),
    /// A label prefix (normalised) before a changing tail.
    Prefix(String),
    /// A line of prose, normalised.
    Prose(&'a str),
}

/// The keys of one line (already normalised as `norm`): its label or prose key, and its
/// label prefix when it has one.
pub(super) fn keys<'a>(line: &str, norm: &'a str) -> (Option<LineKey<'a>>, Option<LineKey<'a>>) {
    if norm.is_empty() || line.len() > MAX_FURNITURE_BYTES || !has_letter(norm) {
        return (None, None);
    }
    let prefix = label_prefix(line).map(LineKey::Prefix);
    let key = if label_candidate(norm) {
        LineKey::Label(mask(norm))
    } else {
        LineKey::Prose(norm)
    };
    (Some(key), prefix)
}

/// Label-like lines only: sentences and long lines are never removed as recurring labels.
fn label_candidate(norm: &str) -> bool {
    norm.len() <= MAX_RECURRING_CHARS
        && !ends_with_punct(norm)
        && norm_words(norm) <= MAX_RECURRING_WORDS
}

fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The line with its date and time masked, when it holds one: each word with a digit, and
/// month and weekday names, become `#`. A line with digits but no date or time cue (a
/// clock, a month or weekday name, `N of M`) is left as it is: its numbers may be data.
pub(super) fn mask(norm: &str) -> Cow<'_, str> {
    let has_digit = |w: &str| w.bytes().any(|b| b.is_ascii_digit());
    let calendar = |w: &str| dates::month_of(bare(w)).is_some() || dates::is_weekday(bare(w));
    let clock = |w: &str| {
        let w = bare(w);
        w.split_once([':', '.']).is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        })
    };
    let words: Vec<&str> = norm.split(' ').collect();
    if !words.iter().any(|w| has_digit(w)) {
        return Cow::Borrowed(norm);
    }
    let counter = words
        .windows(3)
        .any(|w| has_digit(w[0]) && w[1] == "of" && has_digit(w[2]));
    if !(counter || words.iter().any(|w| calendar(w) || clock(w))) {
        return Cow::Borrowed(norm);
    }
    let mut own_words = 0;
    let masked: Vec<String> = words
        .iter()
        .map(|&w| {
            if has_digit(w) || calendar(w) {
                // Punctuation around the date stays: "(0517" -> "(#", "5," -> "#,".
                let core = bare(w);
                let at = w.find(core).unwrap_or(0);
                format!("{}#{}", &w[..at], &w[at + core.len()..])
            } else {
                own_words += usize::from(has_letter(w));
                w.to_string()
            }
        })
        .collect();
    // A template needs words of its own besides the masked ones ("record July 1" is data).
    if own_words < 2 {
        return Cow::Borrowed(norm);
    }
    Cow::Owned(masked.join(" "))
}

/// A fixed label at the start of a line (normalised), before a tail that is not a sentence:
/// two to four words in capitals, or one or two words ending in `:`, or one to four followed
/// by `|` or a dash. None for anything else (datelines such as "WASHINGTON, March 2 -" included: a
/// label never ends in a comma).
pub(super) fn label_prefix(line: &str) -> Option<String> {
    let t = line.trim();
    let words: Vec<&str> = t
        .split_whitespace()
        .take(MAX_PREFIX_LINE_WORDS + 1)
        .collect();
    if words.len() < 2 || words.len() > MAX_PREFIX_LINE_WORDS || ends_sentence(t) {
        return None;
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    // One or two words ending in ':' ("Photos:", "Read more:"), or one to four followed by
    // '|' or a dash.
    let mut end = None;
    for (k, w) in words.iter().enumerate().take(5) {
        if k < 2 && w.len() > 1 && w.ends_with(':') && letters(w) > 0 {
            end = Some(k + 1);
            break;
        }
        if k >= 1 && matches!(*w, "|" | "-" | "–" | "—") {
            end = Some(k + 1);
            break;
        }
        if w.ends_with([',', ';', '.']) {
            break;
        }
    }
    // Two to four words in capitals ("JUST WATCHED"), then a word that is not.
    if end.is_none() {
        let caps = |w: &str| {
            letters(w) >= 2
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '&' | '\'' | '-'))
        };
        let run = words.iter().take_while(|w| caps(w)).count();
        if (2..=4).contains(&run) && run < words.len() {
            end = Some(run);
        }
    }
    let end = end.filter(|&e| e < words.len())?;
    let prefix = normalize(&words[..end].join(" "));
    (!content_label(&prefix)).then_some(prefix)
}

/// Labels of the story itself (`words/content_labels.txt`): "Note:", "Q:", "Correction:".
fn content_label(prefix: &str) -> bool {
    static LABELS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LABELS
        .get_or_init(|| {
            include_str!("words/content_labels.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(&prefix)
}

/// Corpus-wide counts of line keys in memory: the reference [`LineSums`] is tested against,
/// and what the tests count small corpora with.
#[cfg(test)]
#[derive(Default, Clone, Debug, PartialEq, Eq)]
pub struct LineCounts {
    /// hash of a key of each kind ([`LABELS`], [`PREFIXES`], [`PROSE`]) -> number of
    /// documents containing it.
    kinds: [ahash::AHashMap<u64, u32>; 3],
    docs: usize,
}

#[cfg(test)]
impl LineCounts {
    /// Count each distinct key of `text` once (the title line and the file's own header
    /// apart).
    pub fn add_document(&mut self, text: &str) {
        for (hashes, map) in line_keys(text).into_iter().zip(&mut self.kinds) {
            for h in hashes {
                let c = map.entry(h).or_insert(0);
                *c = c.saturating_add(1);
            }
        }
        self.docs += 1;
    }

    /// Number of documents added.
    pub fn documents(&self) -> usize {
        self.docs
    }

    /// Number of documents that contain `line` as a label line or as a prose line (its
    /// template, for a label with a date in it).
    pub fn count(&self, line: &str) -> usize {
        let norm = normalize(line);
        let (kind, key) = match keys(line, &norm).0 {
            Some(LineKey::Label(s)) => (LABELS, s),
            Some(LineKey::Prose(s)) => (PROSE, Cow::Borrowed(s)),
            _ => return 0,
        };
        self.kinds[kind]
            .get(&line_hash(&key))
            .map_or(0, |&c| c as usize)
    }

    /// Number of documents with a line that starts with the label `prefix`.
    pub fn prefix_count(&self, prefix: &str) -> usize {
        (self.kinds[PREFIXES].get(&line_hash(&normalize(prefix)))).map_or(0, |&c| c as usize)
    }

    /// The keys above their thresholds for a corpus of `n_docs` documents.
    pub fn recurring(&self, n_docs: usize) -> RecurringLines {
        let min = minimums(n_docs);
        let [labels, prefixes, prose] = [LABELS, PREFIXES, PROSE].map(|k| {
            (self.kinds[k].iter())
                .filter(|&(_, &c)| c as usize >= min[k])
                .map(|(&h, _)| h)
                .collect()
        });
        RecurringLines {
            labels,
            prefixes,
            prose,
        }
    }
}

/// The fewest documents a key of each kind must be in to recur, in a corpus of `n_docs`.
fn minimums(n_docs: usize) -> [usize; 3] {
    let mut min = [0; 3];
    min[LABELS] = recurring_threshold(n_docs);
    min[PREFIXES] = prefix_threshold(n_docs);
    min[PROSE] = prose_threshold(n_docs);
    min
}

/// The distinct line keys of one document (the title line and the file's own header
/// apart), by kind: label lines, label prefixes, prose lines; each sorted, each key once.
fn line_keys(text: &str) -> [Vec<u64>; 3] {
    let lines: Vec<&str> = text.split('\n').collect();
    let head = Header::of(&lines);
    let mut buf = String::new();
    let mut kinds: [Vec<u64>; 3] = Default::default();
    for (i, line) in lines.iter().enumerate().skip(head.body_start) {
        if Some(i) == head.title || line.len() > MAX_FURNITURE_BYTES {
            continue;
        }
        normalize_into(line, &mut buf);
        let (key, prefix) = keys(line, &buf);
        for k in [key, prefix].into_iter().flatten() {
            match k {
                LineKey::Label(s) => kinds[LABELS].push(line_hash(&s)),
                LineKey::Prefix(s) => kinds[PREFIXES].push(line_hash(&s)),
                LineKey::Prose(s) => kinds[PROSE].push(line_hash(s)),
            }
        }
    }
    for hashes in &mut kinds {
        hashes.sort_unstable();
        hashes.dedup();
    }
    kinds
}

/// Indexes of the three kinds of line key in [`line_keys`] and [`LineSums`].
const LABELS: usize = 0;
const PREFIXES: usize = 1;
const PROSE: usize = 2;

/// The corpus' line counts summed by the engine (one aggregate for the three kinds of key)
/// within a memory pool, spilling to disk past it: the first pass' state stays bounded however many
/// distinct lines a corpus holds (a year of news has tens of millions). Documents are added
/// from any thread through a [`LineBatch`] of the worker's own; [`LineSums::finish`] keeps
/// the keys above their thresholds. Gives the same [`RecurringLines`] as [`LineCounts`].
pub struct LineSums {
    /// Keyed by the line hash with its kind in the top two bits: one aggregate (one thread,
    /// one pool) for the three kinds.
    sums: Sums,
    docs: AtomicUsize,
}

/// One worker's line keys (kind in the top two bits) not yet sent to the engine.
#[derive(Debug, Default)]
pub struct LineBatch {
    keys: Vec<u64>,
}

impl LineSums {
    /// Starts the sums with a pool of `pool` bytes, spilling into `spill`.
    pub fn start(pool: u64, spill: &Path) -> Result<LineSums, EngineError> {
        Ok(LineSums {
            sums: Sums::start(pool, spill)?,
            docs: AtomicUsize::new(0),
        })
    }

    /// Adds the line keys of one document to `batch`, sending the batch when it is full.
    pub fn add_document(&self, text: &str, batch: &mut LineBatch) {
        document_keys(text, &mut batch.keys);
        self.docs.fetch_add(1, Ordering::Relaxed);
        if batch.keys.len() >= BATCH_ROWS {
            self.flush(batch);
        }
    }

    /// Sends the keys of `batch` not yet sent (each counts one document).
    pub fn flush(&self, batch: &mut LineBatch) {
        if !batch.keys.is_empty() {
            let n = batch.keys.len();
            self.sums
                .feed(std::mem::take(&mut batch.keys), vec![1; n], vec![0; n]);
        }
    }

    /// The keys above their thresholds (for the documents added), and how often the sums
    /// spilled to disk.
    pub fn finish(self) -> Result<(RecurringLines, usize), EngineError> {
        let mut kept = Recurring::new(self.docs.into_inner());
        let spills = self.sums.finish(|(key, docs, _)| kept.add(key, docs))?;
        Ok((kept.lines(), spills))
    }
}

/// Adds one document's line keys to `keys`, each with its kind in the top two bits, as
/// [`LineSums`] sums them (and the cluster's workers send them).
pub fn document_keys(text: &str, keys: &mut Vec<u64>) {
    for (kind, hashes) in line_keys(text).into_iter().enumerate() {
        keys.extend(hashes.into_iter().map(|h| h | (kind as u64) << 62));
    }
}

/// The keys kept from the summed line counts of `n_docs` documents: those above their
/// kind's threshold. Fed each key's sum once, in any order.
pub struct Recurring {
    minimum: [usize; 3],
    sets: [AHashSet<u64>; 3],
}

impl Recurring {
    pub fn new(n_docs: usize) -> Recurring {
        Recurring {
            minimum: minimums(n_docs),
            sets: Default::default(),
        }
    }

    /// One key (kind in the top two bits) and the number of documents that have it; keys of
    /// no kind (the top bits both set) are ignored.
    pub fn add(&mut self, key: u64, docs: u64) {
        let kind = (key >> 62) as usize;
        if kind < 3 && docs >= self.minimum[kind] as u64 {
            self.sets[kind].insert(key & HASH_BITS);
        }
    }

    pub fn lines(self) -> RecurringLines {
        let [labels, prefixes, prose] = self.sets;
        RecurringLines {
            labels,
            prefixes,
            prose,
        }
    }
}

/// The line keys that recur across the corpus.
#[derive(Default, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecurringLines {
    labels: AHashSet<u64>,
    prefixes: AHashSet<u64>,
    prose: AHashSet<u64>,
}

/// How a line recurs, when it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Recurs {
    /// The same line, verbatim (a label or a prose line).
    Verbatim,
    /// The same line once its date or time is masked.
    Masked,
    /// A label prefix with a changing tail.
    Prefix,
}

impl RecurringLines {
    /// No recurring lines: `clean` then applies the other mechanisms only.
    pub fn none() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.labels.len() + self.prefixes.len() + self.prose.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `line` (anywhere but a title position) would be removed as recurring.
    pub fn contains(&self, line: &str) -> bool {
        line.len() <= MAX_FURNITURE_BYTES && self.recurs(line, &normalize(line)).is_some()
    }

    /// How the line recurs, if it does (`norm` is its normalised form).
    pub(super) fn recurs(&self, line: &str, norm: &str) -> Option<Recurs> {
        if self.is_empty() {
            return None;
        }
        let (key, prefix) = keys(line, norm);
        match key {
            Some(LineKey::Label(s)) if self.labels.contains(&line_hash(&s)) => {
                return Some(if s == norm {
                    Recurs::Verbatim
                } else {
                    Recurs::Masked
                });
            }
            Some(LineKey::Prose(s)) if self.prose.contains(&line_hash(s)) => {
                return Some(Recurs::Verbatim);
            }
            _ => {}
        }
        match prefix {
            Some(LineKey::Prefix(p)) if self.prefixes.contains(&line_hash(&p)) => {
                Some(Recurs::Prefix)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_masked_data_is_not() {
        assert_eq!(
            mask("updated 2117 gmt (0517 hkt) april 5, 2016"),
            "updated # gmt (# hkt) # #, #"
        );
        assert_eq!(
            mask("posted on march 3, 2019 by admin"),
            "posted on # #, # by admin"
        );
        assert_eq!(mask("hide caption 3 of 12"), "hide caption # of #");
        // Numbers without a date or time cue are data; one word of its own is no template.
        assert_eq!(mask("net 1,234 vs 1,567"), "net 1,234 vs 1,567");
        assert_eq!(mask("record july 1"), "record july 1");
        assert_eq!(mask("you may also like"), "you may also like");
    }

    #[test]
    fn label_prefixes_by_shape() {
        let p = |l: &str| label_prefix(l);
        assert_eq!(
            p("JUST WATCHED Trump on trade").as_deref(),
            Some("just watched")
        );
        assert_eq!(
            p("MUST WATCH Storm hits Texas").as_deref(),
            Some("must watch")
        );
        assert_eq!(
            p("Photos: The storm hits Texas").as_deref(),
            Some("photos:")
        );
        assert_eq!(
            p("Sputnik | The talks in Geneva").as_deref(),
            Some("sputnik |")
        );
        // Datelines, sentences, speech and lone labels are not.
        assert_eq!(p("WASHINGTON, March 2 - The Treasury said"), None);
        assert_eq!(p("NEW YORK, March 2 - Stocks rose"), None);
        assert_eq!(p("Vladimir Putin: Thank you very much."), None);
        assert_eq!(p("JUST WATCHED"), None);
        assert_eq!(p("IBM said it would cut jobs"), None);
        assert_eq!(p("The company said: profits rose"), None);
        // Notes and interview turns are the story's own labels.
        assert_eq!(p("Note: 4th qtr not available"), None);
        assert_eq!(p("Q: And what about the budget"), None);
    }

    #[test]
    fn thresholds_scale() {
        assert_eq!(recurring_threshold(0), 5);
        assert_eq!(recurring_threshold(100), 5);
        assert_eq!(recurring_threshold(2833), 114);
        assert_eq!(recurring_threshold(50_000), 2000);
        assert_eq!(recurring_threshold(usize::MAX), usize::MAX.div_ceil(100));
        assert_eq!(prefix_threshold(1411), 15);
        assert_eq!(prose_threshold(20), 10);
        assert_eq!(prose_threshold(2833), 284);
    }
}
