//! A date line: one date and what may stand beside it on its line, and nothing else.
//!
//! Beside the date: a weekday (`Thursday,`), labels (`Published`, `Updated on`, `Last
//! modified`), clock times with zones and offsets (`10:30 pm EST`, `2117 GMT (0517 HKT)`,
//! `23.05 BST`, `10:00:00+03:00`), relative and reading times (`Updated 8 hours ago`, `3 min
//! read`), punctuation (`,` `|` `/` `-` `(` ...) and more dates (`Updated: ...`: the first
//! date counts). After the date, when the line allows it, a free tail:
//! - after a separator and a space (`|` `/` `-` `–` `—` `•` `·` `(`): `January 13, 2020 at 08:45 AM |
//!   categories: Python`, `Friday 19 December 2014 - Eye witness`;
//! - on a time stamp (a clock beside the date), also after a bracket, spaced or not:
//!   `22:57 GMT 28.04.2020(updated 11:14 GMT 29.04.2020) Get short URL`;
//! - a byline word and what follows: `Posted on March 3, 2019 by admin`, `... Author Daniel
//!   Lemire`;
//! - up to three words and a reading time: `Mon., March 23, 2020 timer 5 min. read`.
//!
//! A tail needs a date with a year and a mark of a page's date beside it (a weekday, a label
//! or a clock time: `October 29, 1960  --  with candidate Kennedy` is a list item), and a
//! line that starts with a joining word (`On March 3, 2017, the ...`) is a sentence: it
//! takes no tail. Where such a line may stand is [`super::places`]' business.

use super::forms::{
    Hit, clock_at, date_at, glued_offset_day, offset_at, reading_time_at, relative_at,
};
use super::tokens::{Line, MAX_TOKENS};
use super::words::{Label, is_byline, is_weekday, is_zone, label};
use super::{Cand, NO_YEAR};

/// Punctuation a date line may hold around its date.
const FILLERS: [char; 12] = [',', '.', ':', '|', '-', '–', '—', '/', '(', ')', '·', '•'];

/// Punctuation after which free text may end a date line, when a space follows it.
const SEPARATORS: [char; 8] = ['|', '/', '-', '–', '—', '•', '·', '('];

/// Brackets after which free text may end a time stamp's line, spaced or not (`22:57 GMT
/// 28.04.2020(updated 11:14 GMT 29.04.2020) Get short URL`). Only beside a clock: a bracket
/// after a bare date closes an aside of the text (`May 21, 1993 (Friday)  leaves SFO`, a
/// flight in a post).
const BRACKETS: [char; 2] = ['(', ')'];

/// Whether free text may follow the date (a page line), or the whole text must be the date
/// (a metadata cell, [`super::parse_date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tail {
    Allowed,
    Forbidden,
}

/// What a date line holds besides its date.
pub(super) struct DateLine {
    pub(super) cand: Cand,
    /// A clock time stood next to the date (a page's time stamp).
    pub(super) timed: bool,
    /// A weekday, a label or a clock time marks the date as a page's date, not a date in a
    /// list or a title (`October 29, 1960  --  with candidate Kennedy`).
    pub(super) marked: bool,
    /// The date is written in digits only (`28.04.2020`).
    pub(super) numeric: bool,
}

/// A date line read from token `start` to the end of `l`.
pub(super) fn read(l: &Line, start: usize, tail: Tail) -> Option<DateLine> {
    if l.t.len() >= MAX_TOKENS {
        // The tokens stop short of the line's end: it cannot be read whole.
        return None;
    }
    let sentence = l.word(start).and_then(label) == Some(Label::Joining);
    let tail = if sentence { Tail::Forbidden } else { tail };
    let mut date: Option<Hit> = None;
    let mut timed = false;
    // The label nearest before the first date.
    let mut update = false;
    // Token span of the first date and the clock times and zones next to it, for `raw`;
    // closed by a label or a second date after it (`... Updated: 08:39 GMT, 28 ...`).
    let (mut lo, mut hi) = (usize::MAX, 0);
    let mut closed = false;
    let mut marked = false;
    let mut i = start;
    while i < l.t.len() {
        let begin = i;
        let mut clock = false;
        if let Some(k) = clock_at(l, i) {
            clock = true;
            // `10:00:00+03:00`: an offset glued to the clock belongs to it.
            i = if l.glued(k - 1) {
                offset_at(l, k).unwrap_or(k)
            } else {
                k
            };
        } else if l.word_is(i, is_zone) {
            i += 1;
            if matches!(l.punct(i), Some('+' | '-')) && l.glued(i) {
                match glued_offset_day(l, i) {
                    Some(h) if date.is_none() => {
                        i = h.to;
                        date = Some(h);
                    }
                    _ => i = offset_at(l, i).unwrap_or(i),
                }
            }
        } else if let Some(h) = date_at(l, i) {
            i = h.to.max(i + 1);
            // A second date (e.g. "updated ...") is allowed; the first counts.
            if date.is_none() {
                date = Some(h);
            } else {
                closed = true;
            }
        } else if let Some(k) = relative_at(l, i).or_else(|| reading_time_at(l, i)) {
            i = k;
            continue;
        } else if let Some(kind) = l.word(i).and_then(label) {
            if kind != Label::Joining {
                marked = true;
                if date.is_none() {
                    update = kind == Label::Update;
                } else {
                    closed = true;
                }
            }
            i += 1;
            continue;
        } else if l.word_is(i, is_weekday) {
            marked = true;
            i += 1;
            continue;
        } else if l.punct(i).is_some_and(|c| FILLERS.contains(&c)) {
            i += 1;
            continue;
        } else if tail == Tail::Allowed
            && (marked || timed)
            && date.as_ref().is_some_and(|h| h.ymd != Err(NO_YEAR))
            && free_tail(l, i, timed)
        {
            break;
        } else {
            return None;
        }
        if !closed {
            timed |= clock;
            lo = lo.min(begin);
            hi = hi.max(i);
        }
    }
    let h = date?;
    let numeric = (h.from..h.to).all(|k| l.word(k).is_none());
    let (lo, hi) = if timed { (lo, hi) } else { (h.from, h.to) };
    let raw = l.span(lo, hi.checked_sub(1)?);
    let cand = Cand {
        ymd: h.ymd,
        raw,
        update,
    };
    Some(DateLine {
        cand,
        timed,
        marked: marked || timed,
        numeric,
    })
}

/// Whether the text from token i to the end may follow a date line's date: after a
/// separator and a space (or a bracket, on a time stamp's line), a byline, or a few words and
/// a reading time.
fn free_tail(l: &Line, i: usize, timed: bool) -> bool {
    let after_separator = i > 0
        && l.punct(i - 1).is_some_and(|c| {
            (SEPARATORS.contains(&c) && !l.glued(i - 1)) || (timed && BRACKETS.contains(&c))
        });
    let byline = l.word_is(i, is_byline);
    let reading = (i..=i + 3)
        .take_while(|&p| p == i || l.word(p - 1).is_some())
        .any(|p| reading_time_at(l, p) == Some(l.t.len()));
    after_separator || byline || reading
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (date or problem, raw, timed, update) of a line read from its first token.
    fn check(s: &str, tail: Tail) -> Option<(String, String, bool, bool)> {
        let DateLine { cand: c, timed, .. } = read(&Line::new(s), 0, tail)?;
        let date = match c.ymd {
            Ok(d) => d.to_string(),
            Err(p) => p.to_string(),
        };
        Some((date, c.raw, timed, c.update))
    }

    fn date_of(s: &str) -> Option<String> {
        check(s, Tail::Allowed).map(|c| c.0)
    }

    #[test]
    fn labels_weekdays_clocks_and_zones_beside_the_date() {
        for (s, want) in [
            ("13 April 2017", "2017-04-13"),
            ("Thursday, 13 April 2017", "2017-04-13"),
            ("Published on 13 Apr. 2017", "2017-04-13"),
            ("Updated 2117 GMT (0517 HKT) April 5, 2016", "2016-04-05"),
            (
                "November 28, 2013 -- Updated 0203 GMT (1003 HKT)",
                "2013-11-28",
            ),
            ("Thursday 5 March 2015 10.30 GMT", "2015-03-05"),
            (
                "Wednesday 19 April 2017 23.05 BST Last modified on Thursday 20 April 2017 22.00 BST",
                "2017-04-19",
            ),
            ("MARCH 5, 2015 / 4:12 PM", "2015-03-05"),
            ("March 5, 2015 at 10:30 a.m. EST", "2015-03-05"),
            ("22:30, 9 MAY 2020", "2020-05-09"),
            ("Published 8th Nov 2023, 18:58 GMT", "2023-11-08"),
            ("posted on Saturday, August 13th, 2011", "2011-08-13"),
            (
                "Posted: 01/14/2015 12:29 pm EST Updated: 01/14/2015 12:59 pm EST",
                "2015-01-14",
            ),
            ("01.21.2020 07:00 AM", "2020-01-21"),
            ("Mon., March 23, 2020", "2020-03-23"),
            (
                "Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46",
                "2023-11-07",
            ),
            ("Created on 2015-03-05", "2015-03-05"),
            ("Publish date: March 5, 2015", "2015-03-05"),
        ] {
            assert_eq!(date_of(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn relative_and_reading_times_stand_beside_a_date_never_for_one() {
        assert_eq!(
            date_of("January 19, 2020 / 12:25 PM / Updated 8 hours ago").as_deref(),
            Some("2020-01-19")
        );
        assert_eq!(
            date_of("MARCH 5, 2015 / 4:12 PM / 3 YEARS AGO").as_deref(),
            Some("2015-03-05")
        );
        assert_eq!(
            date_of("Published 3 weeks ago on October 17, 2023").as_deref(),
            Some("2023-10-17")
        );
        assert_eq!(
            date_of("Mar 28, 2016 · 3 min read").as_deref(),
            Some("2016-03-28")
        );
        for s in [
            "3 hours ago",
            "16 hours ago",
            "1 hr 4 mins ago",
            "5 min read",
            "Updated 9.45pm",
        ] {
            assert_eq!(check(s, Tail::Allowed), None, "{s}");
        }
    }

    #[test]
    fn free_tails() {
        for (s, want) in [
            ("Friday 19 December 2014 - Eye witness", "2014-12-19"),
            (
                "January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments",
                "2020-01-13",
            ),
            ("Posted on March 3, 2019 by admin", "2019-03-03"),
            (
                "Posted on August 2, 2019August 2, 2019 Author Daniel Lemire Categories",
                "2019-08-02",
            ),
            ("Mon., March 23, 2020 timer 5 min. read", "2020-03-23"),
            (
                "22:57 GMT 28.04.2020(updated 11:14 GMT 29.04.2020) Get short URL",
                "2020-04-28",
            ),
            ("14:57 GMT 28.12.2019(Get short URL)", "2019-12-28"),
        ] {
            assert_eq!(date_of(s).as_deref(), Some(want), "{s}");
            assert_eq!(check(s, Tail::Forbidden), None, "{s}");
        }
    }

    #[test]
    fn sentences_and_yearless_dates_take_no_tail() {
        for s in [
            "On March 3, 2017, the president said",
            "On March 3, 2017 - the president said",
            "March 3, 2017, the president said",
            "March 3 | Live updates",
            "13 April 2017 and more",
            "The meeting on 13 April 2017 ended early",
            // No weekday, label or clock: a list item.
            "October 29, 1960 (with candidate Kennedy)",
            // A bracket after a date with no clock beside it closes an aside of the text.
            "May 21, 1993 (Friday)  leaves SFO     10:25 am",
            "Friday 19 December 2014 (Eye witness) more",
            // A glued dash or slash joins: no break.
            "Friday 19 December 2014-Eye witness",
            "Friday 19 December 2014/TASS",
        ] {
            assert_eq!(check(s, Tail::Allowed), None, "{s}");
        }
        assert_eq!(date_of("On March 3, 2017").as_deref(), Some("2017-03-03"));
        assert_eq!(date_of("March 3").as_deref(), Some("no year"));
    }

    #[test]
    fn raw_is_the_date_or_the_date_and_time() {
        let c = check("Updated: 10:30 pm, April 13, 2017", Tail::Allowed);
        assert_eq!(
            c.map(|c| (c.1, c.2)),
            Some(("10:30 pm, April 13, 2017".into(), true))
        );
        let c = check("Friday 19 December 2014 - Eye witness", Tail::Allowed);
        assert_eq!(
            c.map(|c| (c.1, c.2)),
            Some(("19 December 2014".into(), false))
        );
    }

    #[test]
    fn the_label_before_the_date_says_update() {
        let update = |s| check(s, Tail::Allowed).map(|c| c.3);
        assert_eq!(update("Updated: Mar 2, 2021"), Some(true));
        assert_eq!(update("Updated on Mar 2, 2021"), Some(true));
        assert_eq!(
            update("Posted on Feb 2, 2015 Updated on May 29, 2021"),
            Some(false)
        );
        assert_eq!(update("November 28, 2013 -- Updated 0203 GMT"), Some(false));
        assert_eq!(update("Mar 2, 2021"), Some(false));
        assert_eq!(update("Last modified: Mar 2, 2021"), Some(true));
        assert_eq!(
            update("Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46"),
            Some(false)
        );
    }

    #[test]
    fn ambiguous_numbers_stay_ambiguous() {
        for s in [
            "02/11/2023 02:00pm GMT",
            "08/11/2023 | 20:26 PM",
            "05.04.2017",
        ] {
            assert_eq!(date_of(s).as_deref(), Some("ambiguous date"), "{s}");
        }
    }
}
