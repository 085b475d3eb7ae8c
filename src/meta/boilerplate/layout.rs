//! Furniture known by where it stands on the page (mechanisms 3 and 4): an archive export's
//! header block, photo captions above their credits, a Usenet signature, and the related
//! headlines and tag lines after the end of the story. Each rule reads the verdicts already
//! given, so it runs after the line-by-line rules.

use super::Removal;
use super::known::Known;
use super::text::{Header, ends_sentence, ends_with_punct, normalize, word_count};

/// A photo credit ("© Sputnik/ Natalia Seliverstova") follows its caption on the next line.
/// The caption names people and places, so left in it would count as news; it is removed when
/// it sits directly above the credit, is not the title, and does not end like a sentence
/// (captions have no final full stop; a body paragraph above a credit does).
/// A photo credit names its photographer or agency ("© Sputnik/ Natalia Seliverstova", "©
/// AP Photo/ Michael Probst", "© Getty Images"); a copyright stamp ("© Daily Mail", "© 2014
/// ...") is no credit, so the line above it is the story's last paragraph.
fn photo_credit(line: &str) -> bool {
    let t = line.trim_start();
    let l = t.to_lowercase();
    t.starts_with('\u{a9}')
        && !l
            .split_whitespace()
            .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        && (l.contains('/')
            || ["photo", "getty", "images", "pictures"]
                .iter()
                .any(|w| l.contains(w)))
}

pub(super) fn photo_captions(lines: &[&str], verdicts: &mut [Option<Removal>], head: &Header) {
    for i in head.body_start.max(1)..lines.len() {
        let credit =
            verdicts[i] == Some(Removal::Known(Known::Copyright)) && photo_credit(lines[i]);
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
pub(super) fn export_header(lines: &[&str], verdicts: &mut [Option<Removal>], start: usize) {
    let end = lines.len().min(start + 40);
    // The stamp is already a known pattern: only those lines are looked at again.
    let stamp = |i: &usize| verdicts[*i] == Some(Removal::Known(Known::WordCount));
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
pub(super) fn usenet_signature(lines: &[&str], verdicts: &mut [Option<Removal>], start: usize) {
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
pub(super) fn related_tail(lines: &[&str], verdicts: &mut [Option<Removal>], head: &Header) {
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
