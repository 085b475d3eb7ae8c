//! The words of dates, kept as data: month names, weekdays, date labels, time zones, time
//! units, byline words, button labels and the small words of names, one list per file in
//! `words/` (read with `include_str!`, parsed once). Every module that needs a month or a
//! weekday asks here, so a word added to a list is known everywhere.
//!
//! Two file shapes: plain lists (words separated by white space) and kinded lists (each
//! line `kind: words`). `#` starts a comment in both. One list is not ours: the English
//! function words are the NLTK list of the `stop-words` crate, the list the text analysis
//! drops.

use super::{MAX_YEAR, MIN_YEAR};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Words a scraper glued together on a header line get their space back, so the line reads
/// as the page showed it:
/// - a month name after a lower-case letter, followed by a space and a digit (`Shana Nys
///   DambrotNovember 6, 2023`, `6:03 pmNovember 8, 2023`; `McMay 5` stays);
/// - a capitalised word after a year (`Published February 24, 2020Last updated ...`): four
///   digits in [`MIN_YEAR`]..=[`MAX_YEAR`] after a space or comma, then a capital and a
///   lower-case letter;
/// - a name after a line-opening `By` (`ByTravis Haney Dec 9, 2016`).
pub(super) fn unglue(line: &str) -> Cow<'_, str> {
    let b = line.as_bytes();
    let mut cuts = Vec::new();
    if b.len() > 3 && b.starts_with(b"By") && b[2].is_ascii_uppercase() && b[3].is_ascii_lowercase()
    {
        cuts.push(2);
    }
    for p in 1..b.len() {
        if b[p - 1].is_ascii_digit()
            && b[p].is_ascii_uppercase()
            && b.get(p + 1).is_some_and(u8::is_ascii_lowercase)
            && p >= 5
            && matches!(b[p - 5], b' ' | b',')
            && line[p - 4..p]
                .parse::<u32>()
                .is_ok_and(|y| (MIN_YEAR..=MAX_YEAR).contains(&y))
        {
            cuts.push(p);
            continue;
        }
        if !(b[p - 1].is_ascii_lowercase() && b[p].is_ascii_uppercase()) {
            continue;
        }
        let end = p + b[p..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let digit_next =
            b.get(end) == Some(&b' ') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
        // "May" is a name's end too (`McMay 5`).
        let word = &line[p..end];
        if word.len() >= 3 && word != "May" && digit_next && month_of(word).is_some() {
            cuts.push(p);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + cuts.len());
    let mut from = 0;
    for p in cuts {
        out.push_str(&line[from..p]);
        out.push(' ');
        from = p;
    }
    out.push_str(&line[from..]);
    Cow::Owned(out)
}

/// What a label on a date line says about its date (`words/labels.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Label {
    /// `published`, `posted`, `date`: the date is stated for the article.
    Publish,
    /// `updated`, `last modified`: an update time, second to any other date.
    Update,
    /// `on`, `at`, `of`, the ISO `T`: joins a label to its date.
    Joining,
}

/// The text of a line without its `#` comment.
fn uncommented(line: &'static str) -> &'static str {
    line.split('#').next().unwrap_or_default()
}

/// The words of a plain list file.
fn words(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .flat_map(|l| uncommented(l).split_whitespace())
        .collect()
}

/// The words of a kinded list file (`kind: words` lines), each with its kind.
fn kinded(text: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some((kind, ws)) = uncommented(line).split_once(':') {
            out.extend(ws.split_whitespace().map(|w| (w, kind.trim())));
        }
    }
    out
}

/// A numbered list file: each line is a number followed by its names (`months.txt`: month
/// 1-12; `weekdays.txt`: ISO weekday, Monday 1).
fn numbered(text: &'static str) -> Vec<(&'static str, u32)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut w = uncommented(line).split_whitespace();
        if let Some(n) = w.next().and_then(|n| n.parse::<u32>().ok()) {
            out.extend(w.map(|name| (name, n)));
        }
    }
    out
}

static MONTHS: LazyLock<Vec<(&'static str, u32)>> =
    LazyLock::new(|| numbered(include_str!("words/months.txt")));
static WEEKDAYS: LazyLock<Vec<(&'static str, u32)>> =
    LazyLock::new(|| numbered(include_str!("words/weekdays.txt")));
static LABELS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| kinded(include_str!("words/labels.txt")));
static ZONES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("words/zones.txt")));
static UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("words/units.txt")));
static BYLINES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("words/bylines.txt")));
static BUTTONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("words/buttons.txt")));
static NAMES: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| kinded(include_str!("words/names.txt")));

fn listed(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn kind_of(list: &[(&'static str, &'static str)], w: &str) -> impl Iterator<Item = &'static str> {
    list.iter()
        .filter(move |(x, _)| x.eq_ignore_ascii_case(w))
        .map(|&(_, k)| k)
}

/// The number a name stands for in a numbered list, in any case.
fn number_of(list: &[(&'static str, u32)], w: &str) -> Option<u32> {
    list.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(w))
        .map(|&(_, n)| n)
}

/// Whether a word is a weekday name or abbreviation, in any case (`Thursday`, `Thu`).
pub fn is_weekday(w: &str) -> bool {
    weekday_of(w).is_some()
}

/// The ISO weekday (Monday 1 ... Sunday 7) a weekday name or abbreviation stands for.
pub(super) fn weekday_of(w: &str) -> Option<u32> {
    number_of(&WEEKDAYS, w)
}

/// The month (1-12) a month name or abbreviation stands for, in any case (`Feb`, `SEPT`).
pub fn month_of(w: &str) -> Option<u32> {
    number_of(&MONTHS, w)
}

/// What a label on a date line says (`Published`, `updated`, `on`), if it is one.
pub(super) fn label(w: &str) -> Option<Label> {
    kind_of(&LABELS, w).next().and_then(|k| match k {
        "publish" => Some(Label::Publish),
        "update" => Some(Label::Update),
        "joining" => Some(Label::Joining),
        _ => None,
    })
}

/// Whether a word is a time zone abbreviation (`GMT`, `EST`, `HKT`, `Z`).
pub(super) fn is_zone(w: &str) -> bool {
    listed(&ZONES, w)
}

/// Whether a word is a unit of a relative or reading time (`hours`, `min`, `yrs`).
pub(super) fn is_unit(w: &str) -> bool {
    listed(&UNITS, w)
}

/// Whether a word opens a byline (`By`, `author`).
pub(super) fn is_byline(w: &str) -> bool {
    listed(&BYLINES, w)
}

/// Whether a word is a page button's label (`Share`, `Print`; `words/buttons.txt`).
pub(super) fn is_button(w: &str) -> bool {
    listed(&BUTTONS, w)
}

/// Whether a word is an English function word (`the`, `them`, `some`: the NLTK list), which
/// is never a name, not even a lower-case handle (`by them on March 5, 1993` is a sentence).
pub(super) fn is_function_word(w: &str) -> bool {
    crate::lexicon::is_function_word(w)
}

/// Whether a small word may stand in lower case inside a name (`and`, `van`).
pub(super) fn is_name_inside(w: &str) -> bool {
    kind_of(&NAMES, w).any(|k| k == "inside")
}

/// Whether a name can never end in this word (`of`, `since`, `On`).
pub(super) fn never_ends_name(w: &str) -> bool {
    kind_of(&NAMES, w).any(|k| k == "never-last")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_words_get_their_space_back() {
        for (s, want) in [
            (
                "6:03 pmNovember 8, 2023 | 6:03 pm",
                "6:03 pm November 8, 2023 | 6:03 pm",
            ),
            (
                "Shana Nys DambrotNovember 6, 2023",
                "Shana Nys Dambrot November 6, 2023",
            ),
            ("McMay 5 rally", "McMay 5 rally"),
            ("iMarch was held", "iMarch was held"),
            ("DambrotNovember", "DambrotNovember"),
            // A capitalised word after a year; a name after a line-opening `By`.
            (
                "Published February 24, 2020Last updated July 21, 2022",
                "Published February 24, 2020 Last updated July 21, 2022",
            ),
            ("ByTravis Haney Dec 9, 2016", "By Travis Haney Dec 9, 2016"),
            ("Byzantium Today", "Byzantium Today"),
            ("BYU Cougars", "BYU Cougars"),
            ("Model 3000Series", "Model 3000Series"),
            ("iPhone 1500Pro", "iPhone 1500Pro"),
            ("A9Lite", "A9Lite"),
        ] {
            assert_eq!(unglue(s), want, "{s}");
        }
    }

    #[test]
    fn months_by_name_and_abbreviation_in_any_case() {
        for (w, m) in [
            ("January", 1),
            ("jan", 1),
            ("FEB", 2),
            ("Sept", 9),
            ("sep", 9),
            ("may", 5),
            ("December", 12),
        ] {
            assert_eq!(month_of(w), Some(m), "{w}");
        }
        for w in ["", "Janu", "month", "13", "#"] {
            assert_eq!(month_of(w), None, "{w}");
        }
        let mut numbers: Vec<u32> = MONTHS.iter().map(|&(_, m)| m).collect();
        numbers.dedup();
        assert_eq!(
            numbers,
            (1..=12).collect::<Vec<_>>(),
            "every month, in order"
        );
    }

    #[test]
    fn weekdays_labels_and_zones() {
        for w in ["Thursday", "thu", "THURS", "Sun"] {
            assert!(is_weekday(w), "{w}");
        }
        assert!(!is_weekday("Thunder"));
        for (w, n) in [("Monday", 1), ("tue", 2), ("THURS", 4), ("Sun", 7)] {
            assert_eq!(weekday_of(w), Some(n), "{w}");
        }
        let mut numbers: Vec<u32> = WEEKDAYS.iter().map(|&(_, n)| n).collect();
        numbers.dedup();
        assert_eq!(
            numbers,
            (1..=7).collect::<Vec<_>>(),
            "every weekday, in order"
        );
        assert_eq!(label("originally"), Some(Label::Publish));
        assert_eq!(label("Published"), Some(Label::Publish));
        assert_eq!(label("POSTED"), Some(Label::Publish));
        assert_eq!(label("Written"), Some(Label::Publish));
        assert_eq!(label("Updated"), Some(Label::Update));
        assert_eq!(label("modified"), Some(Label::Update));
        assert_eq!(label("on"), Some(Label::Joining));
        assert_eq!(label("T"), Some(Label::Joining));
        assert_eq!(label("said"), None);
        for z in ["GMT", "edt", "Z", "HKT", "BST", "ET"] {
            assert!(is_zone(z), "{z}");
        }
        assert!(!is_zone("Reuters"));
    }

    #[test]
    fn units_bylines_and_names() {
        assert!(is_unit("hours") && is_unit("Mins") && is_unit("hr") && is_unit("YEARS"));
        assert!(!is_unit("ago"));
        assert!(is_byline("By") && is_byline("author") && !is_byline("bye"));
        assert!(is_name_inside("and") && is_name_inside("van") && !is_name_inside("said"));
        assert!(never_ends_name("Of") && never_ends_name("since") && never_ends_name("and"));
        assert!(!never_ends_name("Reuters") && !never_ends_name("van"));
        assert!(is_function_word("them") && is_function_word("The") && is_function_word("some"));
        assert!(!is_function_word("oz") && !is_function_word("admin"));
    }

    #[test]
    fn comments_and_kinds_are_not_words() {
        // (`publish` is a kind and, since `Publish date`, a label word too.)
        for w in ["#", "words", "joining", "publish:", "kind", "inside"] {
            assert!(label(w).is_none() && !is_zone(w) && !is_unit(w), "{w}");
            assert!(!is_name_inside(w) && !never_ends_name(w), "{w}");
        }
    }
}
