//! A date line: one date and what may stand beside it on its line, and nothing else.
//!
//! Beside the date: a weekday (`Thursday,`; beside an ambiguous numeric date it settles the
//! order when exactly one reading falls on it: `Thu, 03/01/2018`), labels (`Published`,
//! `Updated on`, `Last modified`), clock times with zones and offsets (`10:30 pm EST`, `2117
//! GMT (0517 HKT)`, `23.05 BST`, `10:00:00+03:00`, `11:39 PM MYT`: a zone by its shape after
//! a clock), relative and reading times (`Updated 8 hours ago`, `3 min read`), punctuation
//! (`,` `|` `/` `-` `(` ...) and more dates (`Updated: ...`: the first date counts, unless
//! it is an update time and a later one is labelled as the publication's: `Last updated 04
//! Jun 2020, originally created 17 Jun 2019`). After the date, when the line allows it, a
//! free tail:
//! - after a separator and a space (`|` `/` `-` `–` `—` `•` `·` `(`): `January 13, 2020 at 08:45 AM |
//!   categories: Python`, `Friday 19 December 2014 - Eye witness`;
//! - on a time stamp (a clock beside the date), also after a bracket, spaced or not:
//!   `22:57 GMT 28.04.2020(updated 11:14 GMT 29.04.2020) Get short URL`;
//! - a byline word and what follows: `Posted on March 3, 2019 by admin`, `... Author Daniel
//!   Lemire`;
//! - up to three words and a reading time: `Mon., March 23, 2020 timer 5 min. read`.
//!
//! A tail needs a date with a year and a mark of a page's date beside it (a weekday, a label
//! or a clock time: `October 29, 1960  --  with candidate Kennedy` is a list item), except
//! `by` and a name that ends the line (`Oct 30 2020 by Emily Co`; `March 5, 2015 by the
//! river, ...` is a sentence); and a
//! line that starts with a joining word (`On March 3, 2017, the ...`) is a sentence: it
//! takes no tail. Where such a line may stand is [`super::places`]' business.

use super::forms::{
    Hit, by_weekday, clock_at, date_at, glued_offset_day, offset_at, reading_time_at, relative_at,
    shaped_zone_at,
};
use super::tokens::{Line, MAX_TOKENS};
use super::words::{
    Label, is_button, is_byline, is_name_inside, is_weekday, is_zone, label, month_of,
    never_ends_name, weekday_of,
};
use super::{AMBIGUOUS, Cand, NO_YEAR};

/// Punctuation a date line may hold around its date.
const FILLERS: [char; 13] = [
    ',', '.', ':', '|', '-', '–', '—', '/', '(', ')', '·', '•', '@',
];

/// Punctuation after which free text may end a date line, when a space follows it.
const SEPARATORS: [char; 8] = ['|', '/', '-', '–', '—', '•', '·', '('];

/// Brackets after which free text may end a time stamp's line, spaced or not (`22:57 GMT
/// 28.04.2020(updated 11:14 GMT 29.04.2020) Get short URL`). Only beside a clock: a bracket
/// after a bare date closes an aside of the text (`May 21, 1993 (Friday)  leaves SFO`, a
/// flight in a post).
const BRACKETS: [char; 2] = ['(', ')'];

/// Most words in a name after a date (`Oct 30 2020 by Emily Co`).
const MAX_TAIL_NAME_WORDS: usize = 6;

/// Punctuation inside a name after a date (`by J. O'Brien-Smith`, `by @jsmith`).
const TAIL_NAME_PUNCT: [char; 6] = ['.', '\'', '’', '-', '@', '&'];

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
    // The label nearest before the date that counts, and the one since the last date.
    let mut update = false;
    let mut published = false;
    let mut pending: Option<Label> = None;
    // Token span of the date that counts and the clock times and zones next to it, for
    // `raw`; closed by a label or a further date after it (`... Updated: 08:39 GMT, 28 ...`).
    let (mut lo, mut hi) = (usize::MAX, 0);
    let mut closed = false;
    let mut marked = false;
    // A date after the one that counts; the first clock since the last label or date.
    let mut further = false;
    let mut clock_since: Option<usize> = None;
    // The weekdays on the line, and the tokens from the date before the one that counts to
    // the label or date after it: the weekdays there are its own (`Thu, 03/01/2018 - 13:12`;
    // not in `03/01/2018 | Updated Thu ...`).
    let mut weekdays: Vec<(usize, u32)> = Vec::new();
    let (mut own_from, mut own_to) = (start, usize::MAX);
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
            // `11:39 PM MYT`: a zone known by its shape stands right after a clock.
            i = shaped_zone_at(l, i).unwrap_or(i);
            clock_since.get_or_insert(begin);
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
            match &date {
                None => {
                    update = pending == Some(Label::Update);
                    published = pending == Some(Label::Publish);
                    date = Some(h);
                }
                // `Last updated 04 Jun 2020, originally created 17 Jun 2019`: the date
                // labelled as the publication's wins over an update time before it.
                Some(first) if update && pending == Some(Label::Publish) && !further => {
                    own_from = first.to;
                    update = false;
                    published = true;
                    date = Some(h);
                    // Its clock may stand before it: `published: 9:15 am, June 17, 2019`.
                    (lo, hi, closed, own_to) =
                        (clock_since.unwrap_or(usize::MAX), 0, false, usize::MAX);
                    timed = clock_since.is_some();
                }
                // A further date (e.g. "updated ..."): the first counts.
                Some(_) => {
                    closed = true;
                    further = true;
                    own_to = own_to.min(begin);
                }
            }
            pending = None;
            clock_since = None;
        } else if let Some(k) = relative_at(l, i).or_else(|| reading_time_at(l, i)) {
            i = k;
            continue;
        } else if let Some(kind) = l.word(i).and_then(label) {
            if kind != Label::Joining {
                marked = true;
                pending = Some(kind);
                clock_since = None;
                if date.is_none() {
                    update = kind == Label::Update;
                    published = kind == Label::Publish;
                } else {
                    closed = true;
                    own_to = own_to.min(begin);
                }
            }
            i += 1;
            continue;
        } else if let Some(w) = l.word(i).and_then(weekday_of) {
            marked = true;
            weekdays.push((i, w));
            i += 1;
            continue;
        } else if l.punct(i).is_some_and(|c| FILLERS.contains(&c)) {
            i += 1;
            continue;
        } else if tail == Tail::Allowed
            && date.as_ref().is_some_and(|h| h.ymd != Err(NO_YEAR))
            && (((marked || timed) && free_tail(l, i, timed)) || by_name(l, i) || buttons(l, i))
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
    let mut own = weekdays
        .iter()
        .filter(|&&(k, _)| k >= own_from && k < own_to)
        .map(|&(_, w)| w);
    let ymd = match (own.next(), h.ymd) {
        (Some(w), Err(AMBIGUOUS)) if own.all(|o| o == w) => by_weekday(l, &h, w).ok_or(AMBIGUOUS),
        _ => h.ymd,
    };
    let (lo, hi) = if timed { (lo, hi) } else { (h.from, h.to) };
    let raw = l.span(lo, hi.checked_sub(1)?);
    let cand = Cand {
        ymd,
        raw,
        update,
        published,
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
    // `Apr. 24, 2014, 9:49 AM 286,248 40`: a time stamp, then view and comment counters.
    let counters = timed
        && (i..l.t.len()).all(|k| {
            l.word(k)
                .is_none_or(|w| w.bytes().all(|b| b.is_ascii_digit()))
        });
    after_separator || byline || reading || counters
}

/// Whether the text from token i to the end is a few labels of a page's buttons (`May 28
/// 2024 Share`, `March 3, 2019 Print | Email`) and the punctuation between them.
fn buttons(l: &Line, i: usize) -> bool {
    let mut n = 0;
    for k in i..l.t.len() {
        match l.word(k) {
            Some(w) if is_button(w) => n += 1,
            Some(_) => return false,
            None => {}
        }
    }
    (1..=MAX_BUTTONS).contains(&n)
}

/// Most button labels a date line may end with.
const MAX_BUTTONS: usize = 4;

/// Whether the text from token i to the end is a byline word and a name (`Oct 30 2020 by
/// Emily Co`): capitalised words (small words such as `van` inside), handles (`@jsmith`) and
/// the punctuation of names, at most [`MAX_TAIL_NAME_WORDS`] words, no digits, no weekday or
/// month, not ending in a word such as `of`. A sentence goes on in lower case (`March 5, 2015
/// by the council`, `... by Jane Smith, who said`): it is no name.
fn by_name(l: &Line, i: usize) -> bool {
    if !l.word_is(i, is_byline) {
        return false;
    }
    let mut words = 0;
    let mut last = "";
    for k in i + 1..l.t.len() {
        match (l.word(k), l.punct(k)) {
            (Some(w), _) => {
                let handle = l.is(k - 1, '@') && l.glued(k - 1);
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                let inside = words > 0 && is_name_inside(w);
                if !(capital || handle || inside) || is_weekday(w) || month_of(w).is_some() {
                    return false;
                }
                words += 1;
                last = w;
            }
            (None, Some(c)) if TAIL_NAME_PUNCT.contains(&c) => {}
            _ => return false,
        }
    }
    (1..=MAX_TAIL_NAME_WORDS).contains(&words) && !never_ends_name(last)
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
            ("Apr. 24, 2014, 9:49 AM 286,248 40", "2014-04-24"),
        ] {
            assert_eq!(date_of(s).as_deref(), Some(want), "{s}");
            assert_eq!(check(s, Tail::Forbidden), None, "{s}");
        }
    }

    #[test]
    fn an_at_sign_joins_a_date_to_its_clock() {
        for (s, want) in [
            ("Updated Mar 12, 2020 @ 10:42 am", "2020-03-12"),
            ("Oct 13, 2020 @ 4:30 pm", "2020-10-13"),
        ] {
            assert_eq!(date_of(s).as_deref(), Some(want), "{s}");
        }
        // A handle after a date is no clock: the line is a byline's business.
        assert_eq!(date_of("May 16, 2020 @EricLevitz pointed out"), None);
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
    fn a_date_line_may_end_with_button_labels() {
        assert_eq!(date_of("May 28 2024 Share"), Some("2024-05-28".into()));
        assert_eq!(
            date_of("March 3, 2019 Print | Email"),
            Some("2019-03-03".into())
        );
        // Other words, a date without a year, or too many buttons: no date line.
        assert_eq!(date_of("May 28 2024 Share this story"), None);
        assert_eq!(date_of("May 28 Share"), None);
        assert_eq!(date_of("May 28 2024 Share Print Email Save Comment"), None);
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
    fn zones_by_shape_stand_after_a_clock() {
        let c = check("Wednesday, 08 Apr 2020 11:39 PM MYT", Tail::Allowed);
        assert_eq!(
            c.map(|c| (c.0, c.1, c.2)),
            Some(("2020-04-08".into(), "08 Apr 2020 11:39 PM MYT".into(), true))
        );
        assert_eq!(
            date_of("Published: November 2, 2023 6.55pm SAST").as_deref(),
            Some("2023-11-02")
        );
        assert_eq!(
            date_of("Published 29 Oct 2023, 12:47 WAT | Updated").as_deref(),
            Some("2023-10-29")
        );
        // Capitals not after a clock, or not in a zone's shape, are no zone.
        for s in [
            "November 2, 2023 SAST",
            "MYT November 2, 2023",
            "Published: November 2, 2023 6.55pm Sast",
            "Published: November 2, 2023 6.55pm PARIS",
        ] {
            assert_eq!(check(s, Tail::Allowed), None, "{s}");
        }
    }

    #[test]
    fn a_weekday_beside_an_ambiguous_numeric_date_settles_it() {
        for (s, want) in [
            // 1 March 2018 was a Thursday, 3 January 2018 a Wednesday.
            ("Thu, 03/01/2018 - 13:12", "2018-03-01"),
            ("Wed 03/01/2018", "2018-01-03"),
            ("Posted 03/01/2018 (Thursday)", "2018-03-01"),
            // A Monday fits neither; 3 December and 12 March 2019 were both Tuesdays.
            ("Mon, 03/01/2018", "ambiguous date"),
            ("Tuesday 03/12/2019", "ambiguous date"),
            // Two weekdays that disagree settle nothing.
            ("Thu, 03/01/2018 Wed", "ambiguous date"),
            // The weekday of the update stamp is not the first date's.
            ("03/01/2018 | Updated Thu 03/08/2018", "ambiguous date"),
            // No weekday: ambiguous as ever.
            ("Updated 11/8/2023 10:46 PM", "ambiguous date"),
        ] {
            assert_eq!(date_of(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn a_publication_date_after_an_update_time_counts() {
        let c = check(
            "Last updated 04 Jun 2020, originally created 17 Jun 2019",
            Tail::Allowed,
        );
        assert_eq!(
            c.map(|c| (c.0, c.1, c.3)),
            Some(("2019-06-17".into(), "17 Jun 2019".into(), false))
        );
        let c = check(
            "Updated: 10:30 pm, June 4, 2020 | Originally published: 9:15 am, June 17, 2019",
            Tail::Allowed,
        );
        assert_eq!(
            c.map(|c| (c.0, c.1, c.3)),
            Some(("2019-06-17".into(), "9:15 am, June 17, 2019".into(), false))
        );
        // Published first: it counts as before. Two updates, or a date with no label after
        // the update: the first date, an update time.
        for (s, want, update) in [
            (
                "Originally published 17 Jun 2019, last updated 04 Jun 2020",
                "2019-06-17",
                false,
            ),
            (
                "Updated 04 Jun 2020, updated 05 Jun 2020",
                "2020-06-04",
                true,
            ),
            ("Updated 04 Jun 2020 | 17 Jun 2019", "2020-06-04", true),
        ] {
            assert_eq!(
                check(s, Tail::Allowed).map(|c| (c.0, c.3)),
                Some((want.into(), update)),
                "{s}"
            );
        }
    }

    #[test]
    fn a_date_then_by_and_a_name() {
        for s in [
            "Oct 30 2020 by Emily Co",
            "Oct 30 2020 by @emilyco",
            "Oct 30 2020 By J. O'Brien-Smith",
            "Oct 30 2020 by Ludwig van Beethoven",
        ] {
            assert_eq!(date_of(s).as_deref(), Some("2020-10-30"), "{s}");
            assert_eq!(check(s, Tail::Forbidden), None, "{s}");
        }
        // A sentence goes on in lower case, past a comma, or with numbers; no year, no date.
        for s in [
            "March 5, 2015 by the council",
            "March 5, 2015 by Jane Smith, who said",
            "March 5, 2015 by Jane Smith said the police",
            "12/04/2020 by Kay 24 Comments",
            "March 5 by Jane Smith",
            "March 5, 2015 by Jane Smith of",
            "March 5, 2015 by",
            "On March 5, 2015 by Jane Smith",
        ] {
            assert_eq!(check(s, Tail::Allowed), None, "{s}");
        }
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
