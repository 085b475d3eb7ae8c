//! The words of dates, kept as data: month names, weekdays, date labels and time zones, one
//! list per file in `words/` (read with `include_str!`, parsed once). Every module that needs
//! a month or a weekday asks here, so a word added to a list is known everywhere.

use std::sync::LazyLock;

/// The words of a list file: `#` starts a comment, words are separated by white space.
fn words(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default())
        .flat_map(str::split_whitespace)
}

/// `months.txt`: each line is a month number followed by its names.
static MONTHS: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(|| {
    let text = include_str!("words/months.txt");
    let mut out = Vec::new();
    for line in text.lines() {
        let mut w = line
            .split('#')
            .next()
            .unwrap_or_default()
            .split_whitespace();
        let Some(m) = w.next().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        out.extend(w.map(|name| (name, m)));
    }
    out
});

static WEEKDAYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("words/weekdays.txt")).collect());

static LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("words/labels.txt")).collect());

static ZONES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("words/zones.txt")).collect());

fn listed(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether a word is a weekday name or abbreviation, in any case (`Thursday`, `Thu`).
pub fn is_weekday(w: &str) -> bool {
    listed(&WEEKDAYS, w)
}

/// The month (1-12) a month name or abbreviation stands for, in any case (`Feb`, `SEPT`).
pub fn month_of(w: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(w))
        .map(|&(_, m)| m)
}

/// Whether a word may stand on a date line as a label (`published`, `updated`, `on`).
pub(super) fn is_label(w: &str) -> bool {
    listed(&LABELS, w)
}

/// Whether a word is a time zone abbreviation (`GMT`, `EST`, `Z`).
pub(super) fn is_zone(w: &str) -> bool {
    listed(&ZONES, w)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(is_label("Published") && is_label("on") && is_label("T"));
        assert!(!is_label("said"));
        assert!(is_zone("GMT") && is_zone("edt") && is_zone("Z"));
        assert!(!is_zone("Reuters"));
    }

    #[test]
    fn comments_are_not_words() {
        assert!(!is_label("#") && !is_label("words") && !is_zone("Time"));
    }
}
