//! Known furniture (mechanism 1): lines that are not news wherever they stand, recognised on
//! the normalised line alone. The word lists are data (`words/lines.txt`,
//! `words/prefixes.txt`); the shapes (copyright stamps, export stamps, page clocks, gallery
//! counters) are code.

use std::sync::OnceLock;

use super::text::{ends_sentence, norm_words};

/// Which known rule a line matched; it names the pattern in `boilerplate.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Known {
    /// A whole line of `words/lines.txt` (its index).
    Line(u16),
    /// A line beginning of `words/prefixes.txt` (its index).
    Prefix(u16),
    /// "© Sputnik/ Natalia Seliverstova", "c 2014 express newspapers", "... all rights reserved".
    Copyright,
    /// Factiva "86 words".
    WordCount,
    /// Factiva "document theexp0020140519ea5j0007r".
    DocumentId,
    /// "14:57 GMT +311 December 2019".
    PageClock,
    /// A gallery counter: "1 of 12", "Photo 3 of 12".
    Counter,
}

impl Known {
    /// The pattern as `boilerplate.csv` shows it, the variable part as `…`.
    pub fn pattern(self) -> String {
        let (lines, prefixes) = lists();
        match self {
            Known::Line(i) => lines.get(usize::from(i)).copied().unwrap_or("").to_string(),
            Known::Prefix(i) => {
                let p = prefixes.get(usize::from(i)).map_or("", |p| p.0);
                format!("{} …", p.trim_end())
            }
            Known::Copyright => "© … (copyright stamp or photo credit)".into(),
            Known::WordCount => "… words (export word count)".into(),
            Known::DocumentId => "document … (export document id)".into(),
            Known::PageClock => "…:… gmt … (page clock)".into(),
            Known::Counter => "… of … (gallery counter)".into(),
        }
    }
}

type Lists = (Vec<&'static str>, Vec<(&'static str, usize)>);

/// The two word lists, read once: whole lines, and (prefix, most words of the line).
fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let entries = |text: &'static str| {
            text.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .collect::<Vec<_>>()
        };
        let lines = entries(include_str!("words/lines.txt"))
            .into_iter()
            .map(str::trim)
            .collect();
        // A prefix keeps its trailing space: "must watch " is not "must watching".
        let prefixes = entries(include_str!("words/prefixes.txt"))
            .into_iter()
            .filter_map(|l| {
                let (max, prefix) = l.split_once('\t')?;
                Some((prefix, max.trim().parse().ok()?))
            })
            .collect();
        (lines, prefixes)
    })
}

/// The known rule a normalised line matches, if any.
pub fn known(norm: &str) -> Option<Known> {
    if norm.is_empty() {
        return None;
    }
    let (lines, prefixes) = lists();
    if norm.len() <= 40
        && let Some(i) = lines.iter().position(|l| *l == norm)
    {
        return Some(Known::Line(i as u16));
    }
    let words = norm_words(norm);
    if words > 60 {
        return None;
    }
    if let Some(i) = prefixes
        .iter()
        .position(|&(p, max)| words <= max && starts_with_prefix(norm, p))
    {
        return Some(Known::Prefix(i as u16));
    }
    if words > 40 {
        return None;
    }
    if is_copyright_or_credit(norm, words) {
        Some(Known::Copyright)
    } else if is_word_count_stamp(norm) {
        Some(Known::WordCount)
    } else if is_document_id(norm) {
        Some(Known::DocumentId)
    } else if is_page_clock(norm, words) {
        Some(Known::PageClock)
    } else if is_counter(norm, words) {
        Some(Known::Counter)
    } else {
        None
    }
}

/// `norm` starts with `prefix`; a prefix ending in a space also matches the bare words
/// ("must watch" alone is the label without its title).
fn starts_with_prefix(norm: &str, prefix: &str) -> bool {
    norm.starts_with(prefix) || norm == prefix.trim_end()
}

/// "1 of 12", "photo 3 of 12", "hide caption 2 of 5": N of M alone, or after a gallery word
/// ("Rangers 1 of 4" in a sports table is data).
fn is_counter(norm: &str, words: usize) -> bool {
    const GALLERY: [&str; 8] = [
        "photo", "photos", "image", "images", "picture", "slide", "gallery", "caption",
    ];
    if !(3..=5).contains(&words) {
        return false;
    }
    let w: Vec<&str> = norm.split(' ').collect();
    let number = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let n = w.len();
    number(w[n - 3])
        && w[n - 2] == "of"
        && number(w[n - 1])
        && (n == 3 || GALLERY.contains(&w[n - 4]))
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
    if has_copyright_sign(norm) && has_year(norm) && words <= 15 {
        return true;
    }
    rights && (has_year(norm) || has_copyright_sign(norm) || norm.contains("copyright"))
}

/// A `©` standing as a sign, not inside a word: "communiquÃ©" (é converted twice, seen in
/// ungdc's hard-wrapped speeches) holds the byte pair `Ã©` and is prose.
fn has_copyright_sign(norm: &str) -> bool {
    norm.match_indices('©').any(|(i, _)| {
        !norm[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

/// Factiva "86 words".
pub(super) fn is_word_count_stamp(norm: &str) -> bool {
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
