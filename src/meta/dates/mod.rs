//! Publication dates: find the date an article was published, from its own
//! text, the way a careful reader would, and never invent one.
//!
//! This module owns [`find_date`] (look for a publication date in an
//! article) and [`parse_date`] (parse one date string, e.g. a metadata CSV
//! cell). Its parts:
//! - `tokens`: a line split into numbers, words and punctuation;
//! - `forms`: how a date, a clock time, an offset, a relative or reading time
//!   and a machine stamp are written;
//! - `line`: a *date line*, one date and what may stand beside it;
//! - `places`: where a date may stand (the places below);
//! - `words`: the word lists, data files in `words/` (months, weekdays,
//!   labels, zones, time units, byline words, button labels, small words of
//!   names); given names come from the crate's lexicon.
//!
//! It depends on `chrono` for the calendar (`NaiveDate`) and for machine
//! stamps: `DateTime::parse_from_rfc3339` and `parse_from_rfc2822` check a
//! whole stamp (clock, offset, and the weekday against the date) more
//! strictly than our token rules would, so such a stamp can be trusted where
//! a plain date could not. Our own rules still decide *where* a date counts.
//!
//! # Where a publication date may stand (and nowhere else)
//! Only the *head* is read: the first [`HEAD_LINES`] lines and at most
//! [`HEAD_BYTES`] bytes of the text (Factiva exports put their date line on
//! line 8-9, up to ~1,100 bytes in; nothing later is ever looked at, so the
//! cost per article is bounded whatever the input). Inside the head, these
//! places count ([`DateFrom`] names them in `documents.csv`):
//! - **Header** – a line that starts with the word `date` (optionally
//!   `date:`) followed by a date (`date 2018-02-05`, text may continue on the
//!   line); or a *date line* without a clock time: a complete line of at most
//!   100 bytes holding a date and nothing else but what may stand beside one
//!   (below): `13 April 2017`, `Thursday, 13 April 2017`, `Posted on March 3,
//!   2019 by admin`, `Friday 19 December 2014 - Eye witness`.
//! - **Timestamp** – a date line with a clock time (`14:57 GMT +3 11 December
//!   2019`, `2017-04-13T10:00:00Z`, `26-FEB-1987 15:01:01.79`, `Updated 2117
//!   GMT (0517 HKT) April 5, 2016`, `MARCH 5, 2015 / 4:12 PM`, `22:30, 9 MAY
//!   2020`); or a machine stamp read by chrono: an RFC 3339 stamp as a word
//!   anywhere on a line (`2020-09-18T14:37:41+02:00`), an RFC 2822 stamp as a
//!   whole line (an RSS `pubDate`: `Thu, 05 Mar 2015 10:30:00 +0000`).
//! - **Byline** – a name, then a date line on the same line: `By Jane Smith,
//!   Reuters | March 5, 2015`, `Mark Hicks , The Detroit News Published 7:40
//!   p.m. ET March 17, 2020`, `JAKARTA Tue Dec 30, 2014 9:21am IST`, `Sputnik
//!   28.04.2020`. The name is capitalised words (with `and`, `van`, ...
//!   inside), handles and punctuation, at most twelve words, no digits, no
//!   weekday or month; it does not end in `of`, `since`, ... nor in a comma,
//!   and stands at most two bytes before the date; a slash may part them
//!   (`By Cat Lafuente/June 12, 2020 9:49 am EST/Updated: ...`). Without
//!   `By`, the date must be numeric, carry a weekday, label or clock time, or
//!   follow a slash (`The Frontier Post / March 1, 2020`), or the name must
//!   start with a given name that has no other reading (`Shana Nys Dambrot
//!   November 6, 2023`): `RAPTURE - OCTOBER 28, 1992` and `The Latest News |
//!   March 2` are titles. After `By`, a comma may part the name from a
//!   weekday, label or clock (`By Emilie Gramenz, Wednesday January 2, 2019 -
//!   13:12 EDT`). After `By`
//!   (`Posted by`, `Written by`, `Published by`) the date may follow `on` or
//!   `at`, and the name may then be one lower-case handle that is no English
//!   function word: `by oz on December 4, 2006`, `Published by BBNTEAM at
//!   April 21, 2022` (`by them on March 5, 1993` is a sentence); such a line
//!   ends with its date. The date must have a year.
//! - **Dateline** – the start of a paragraph (the first non-blank line, a line
//!   after a blank line, or the text after a `date` header on its line):
//!   one to three comma-separated place names (no digits, at most four words
//!   each, `RICHMOND, Va.` may end in a dot instead of a comma), a date, then
//!   a dateline end: a dash (`-`, `–`, `—`),
//!   `(` or `.` followed by `/` or `(` (`SALVADOR, Feb 26 - `,
//!   `MOSCOW, October 23. /TASS/.`, `WASHINGTON, March 2, 1987 -`).
//!
//! What may stand beside the date on a date line: a weekday (`Thu`,
//! `Wednesday,`); labels (`Published`, `Posted on`, `Written:`, `Created`,
//! `Updated:`, `Last modified on`; `words/labels.txt`); clock times (`14:57`, `10:30 pm`,
//! `7:40 p.m.`, `9:21am`, `23.05 BST` and `6.55pm` with a dot only before a
//! zone or am/pm, `2117 GMT` with four digits only before a listed zone),
//! zones and offsets (`EST`, `(0517 HKT)`, `+03:00`, `UTC+8`: listed in
//! `words/zones.txt`, or known by their shape right after a clock, 3-5
//! capitals ending in `T`: `11:39 PM MYT`, `6.55pm SAST`; a bare spaced
//! offset, `18:35:05 -0500`, is a mail header's); relative times (`Updated 8 hours
//! ago`, `3 YEARS AGO`) and reading times (`3 min read`), which are never
//! dates themselves; punctuation; further dates (the first counts: `Posted on
//! Feb 2, 2015 Updated on May 29, 2021`; but a date labelled as the
//! publication's right after an update time wins: `Last updated 04 Jun 2020,
//! originally created 17 Jun 2019`). After a date with a year and a
//! weekday, label or clock time beside it, free text may end the line after
//! a spaced separator (`| categories: Python`, `- Eye witness`), after a
//! bracket, spaced or not, when a clock time stands beside the date (`22:57
//! GMT 28.04.2020(updated 11:14 GMT 29.04.2020) Get short URL`; `May 21, 1993
//! (Friday)  leaves SFO` is a flight in a post), a byline word (`by admin`,
//! `Author Daniel Lemire`), or up to three words and a reading time (`timer
//! 5 min. read`). After any date with a year, `by` and a name may end the
//! line (`Oct 30 2020 by Emily Co`): capitalised words, no digits, nothing
//! after (`March 5, 2015 by the river, a crowd ...` is a sentence). After any
//! date with a year, up to four labels of a page's buttons may end the line
//! (`May 28 2024 Share`; `words/buttons.txt`). A line that starts with `on`, `at` or
//! `of` is a sentence (`On March 3, 2017, the ...`): nothing may follow its
//! date.
//!
//! The date forms: `2017-04-13`, `2017/04/13`, `20170413`, `13.04.2017`,
//! `01.21.2020`, `04/13/2017`, `13 April 2017`, `13th Apr. 2017`, `3rd
//! December 2019`, `26-FEB-1987`, `April 13, 2017`, `Sept. 4 2017`,
//! `September 18th, 2020`, `MARCH 5, 2015`, and without a year `23 October`,
//! `Feb 26`.
//!
//! The head also ends at the first dateline: the lines after it are story
//! text (wrapped sentences, tables), even within the first lines.
//! Parts of one date are at most two bytes apart (`May       40` is a table
//! row) and a month is not glued to its day (`DEC8` is a code).
//!
//! Anything else – dates inside sentences ("on March 20", "in 2014"),
//! relative dates ("last week", "3 hours ago"), a copyright year ("© 2019
//! Reuters"), captions without a dateline end, a date then free text with no
//! weekday, label or clock (`October 29, 1960 -- with candidate Kennedy`),
//! mail headers with a numeric offset (`Date: Mon, 15 Feb 1993 18:35:05
//! -0500`: quoted and forwarded mail in posts), any text past the head – is
//! not a publication date, and is ignored.
//!
//! # Choosing among candidates
//! A complete date beats an incomplete one; then a date not labelled as an
//! update beats an `Updated ...` one; then a date labelled as the
//! publication's (`Published On May 10, 2022`, `Posted`, a `date` header)
//! beats an unlabelled one (a site's "today" line above the title); then
//! Header = Byline > Timestamp > Dateline; then the earliest. A header or byline is stated for the article;
//! a page timestamp is machine-written but may be an update time; a dateline
//! is the reporter's filing day and usually lacks the year. If no candidate is
//! complete, the best incomplete one is returned with its `problem`.
//!
//! # Validity (never guess, never wrap)
//! - Years must have four digits and lie in 1800..=2100; a two-digit year or
//!   a missing year is reported as `"no year"`. A digit is a digit: `2o22`
//!   (a letter o) is no year, and no date.
//! - Month/day out of range (`31.02.2019`, `0000-00-00`, `2019-13-01`) gives
//!   `"impossible date"`; nothing is normalised into the next month.
//! - Numeric order: `Y-M-D` (any of `-` `/` `.`). `a/b/Y`, `a-b-Y` and
//!   `a.b.Y` are read only when unambiguous (one part > 12, or both equal);
//!   otherwise `"ambiguous date"`. Dots do not mean day first (WIRED prints
//!   `01.21.2020`), and neither does a zone (`02/11/2023 02:00pm GMT`) nor
//!   an outlet's name: the page that prints a date decides its order, and it
//!   need not be the outlet's (MSN UK prints `The Guardian 02/10/2020` day
//!   first, MSN US would print it month first).
//! - A clock run into the day (`GMT +311 December 2019`): the digits after
//!   the sign are split into an offset (1-2 digits, at most 14, or 12 when
//!   negative) and a day (1-2 digits). The split is used only if exactly one
//!   reading gives a valid date; two valid readings (`+112`) give
//!   `"ambiguous date"`.
//! - A weekday next to the date is accepted but not checked against it
//!   (chrono checks it in an RFC 2822 stamp), except beside an ambiguous
//!   numeric date: there it settles the order when exactly one reading
//!   falls on it (`Thu, 03/01/2018` is 1 March; `Tuesday 03/12/2019` stays
//!   `"ambiguous date"`, as 3 December and 12 March 2019 were both
//!   Tuesdays). Only a weekday on the date's own line and stamp counts, never
//!   one in the story (`... reached a deal Wednesday`).

mod forms;
mod line;
mod places;
mod tokens;
mod words;

use chrono::NaiveDate;

use line::Tail;
use places::{byline, date_line, dateline, keyword_header, stamp};
use words::unglue;
pub use words::{is_weekday, month_of};

/// Lines of the text read for a publication date.
pub const HEAD_LINES: usize = 12;
/// Bytes of the text read for a publication date.
pub const HEAD_BYTES: usize = 1536;
/// Longest line (trimmed) that can be a date line.
pub(super) const DATE_LINE_MAX: usize = 100;
pub(super) const MIN_YEAR: u32 = 1800;
pub(super) const MAX_YEAR: u32 = 2100;

/// Where a publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateFrom {
    Header,
    Dateline,
    Timestamp,
    Byline,
    None,
}

impl DateFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            DateFrom::Header => "header",
            DateFrom::Dateline => "dateline",
            DateFrom::Timestamp => "timestamp",
            DateFrom::Byline => "byline",
            DateFrom::None => "none",
        }
    }

    /// Order of trust when several complete dates are found (lower wins). A byline's date
    /// is stated for the article as a header's is.
    fn trust(self) -> u8 {
        match self {
            DateFrom::Header | DateFrom::Byline => 0,
            DateFrom::Timestamp => 1,
            DateFrom::Dateline => 2,
            DateFrom::None => 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// None when no complete, valid date (e.g. no year).
    pub date: Option<NaiveDate>,
    /// The text as seen, trimmed ("" when nothing found).
    pub raw: String,
    pub from: DateFrom,
    /// Why `date` is None although `raw` is not empty:
    /// "no year", "impossible date" or "ambiguous date".
    pub problem: Option<&'static str>,
}

pub(super) const NO_YEAR: &str = "no year";
pub(super) const IMPOSSIBLE: &str = "impossible date";
pub(super) const AMBIGUOUS: &str = "ambiguous date";
const NOT_A_DATE: &str = "not a date";

/// A parsed date or the reason it is incomplete.
pub(super) type Ymd = Result<NaiveDate, &'static str>;

/// Find the publication date of an article (see the module doc for rules).
pub fn find_date(text: &str) -> FoundDate {
    // A byte-order mark is not text; it would hide a `date` header.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head = &text[..floor_boundary(text, HEAD_BYTES)];
    let head_is_all = head.len() == text.len();
    let mut best: Option<(Cand, DateFrom)> = None;
    let mut prev_blank = false;
    let mut seen_text = false;
    let mut rest = head;
    for _ in 0..HEAD_LINES {
        if rest.is_empty() {
            break;
        }
        let (line, complete) = match rest.find('\n') {
            Some(n) => {
                let l = &rest[..n];
                rest = &rest[n + 1..];
                (l, true)
            }
            None => {
                let l = rest;
                rest = "";
                (l, head_is_all)
            }
        };
        let line = line.trim();
        if line.is_empty() {
            prev_blank = true;
            continue;
        }
        let para_start = !seen_text || prev_blank;
        prev_blank = false;
        seen_text = true;
        // Every date form has a digit: a line without one holds no candidate (most of a
        // head's lines), and is not tokenized.
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }

        let mut found = Vec::with_capacity(2);
        if let Some((c, after)) = keyword_header(line) {
            found.push((c, DateFrom::Header));
            // `date 2018-02-05 MOSCOW, Feb 5 - ...`: the body starts here.
            if let Some(c) = dateline(line[after..].trim_start()) {
                found.push((c, DateFrom::Dateline));
            }
        } else {
            if complete && line.len() <= DATE_LINE_MAX {
                let line = unglue(line);
                let line = line.as_ref();
                if let Some(d) = date_line(line, Tail::Allowed) {
                    let from = if d.timed {
                        DateFrom::Timestamp
                    } else {
                        DateFrom::Header
                    };
                    found.push((d.cand, from));
                } else if let Some(c) = byline(line) {
                    found.push((c, DateFrom::Byline));
                }
            }
            if let Some(c) = stamp(line) {
                found.push((c, DateFrom::Timestamp));
            }
            if para_start && let Some(c) = dateline(line) {
                found.push((c, DateFrom::Dateline));
            }
        }
        let mut body_started = false;
        for (c, from) in found {
            body_started |= from == DateFrom::Dateline;
            if better(&c, from, best.as_ref()) {
                best = Some((c, from));
            }
        }
        // A dateline opens the body: later lines are story text (wrapped
        // sentences, tables) whose dates are not publication dates.
        if body_started {
            break;
        }
        // Nothing can beat a complete header (or byline) labelled as the publication's date,
        // and it is the earliest one.
        if best
            .as_ref()
            .is_some_and(|(c, from)| c.ymd.is_ok() && c.published && from.trust() == 0)
        {
            break;
        }
    }
    match best {
        Some((c, from)) => FoundDate {
            date: c.ymd.ok(),
            raw: c.raw,
            from,
            problem: c.ymd.err(),
        },
        None => FoundDate {
            date: None,
            raw: String::new(),
            from: DateFrom::None,
            problem: None,
        },
    }
}

/// Parse one date string in any supported form (used for user metadata CSV
/// columns too): the whole string must be a date, optionally with weekday,
/// clock time and zone. Errors: "empty", "not a date", "no year",
/// "impossible date", "ambiguous date".
pub fn parse_date(s: &str) -> Result<NaiveDate, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("empty");
    }
    if s.len() > DATE_LINE_MAX {
        return Err(NOT_A_DATE);
    }
    let s = match keyword_header(s) {
        Some((c, after)) if s[after..].trim().is_empty() => return c.ymd,
        _ => s,
    };
    match date_line(s, Tail::Forbidden) {
        Some(d) => d.cand.ymd,
        None => forms::rfc2822(s).unwrap_or(Err(NOT_A_DATE)),
    }
}

/// A candidate publication date.
pub(super) struct Cand {
    pub(super) ymd: Ymd,
    pub(super) raw: String,
    /// A label said the date is an update time (`Updated: Mar 2, 2021`).
    pub(super) update: bool,
    /// A label said the date is the publication's (`Published On May 10, 2022`, `date
    /// 2018-02-05`).
    pub(super) published: bool,
}

impl Cand {
    pub(super) fn new(ymd: Ymd, raw: &str) -> Self {
        Cand {
            ymd,
            raw: raw.trim().to_string(),
            update: false,
            published: false,
        }
    }

    /// The same candidate, labelled as the publication's date.
    pub(super) fn published(mut self) -> Self {
        self.published = true;
        self
    }

    /// Lower is better: a complete date, then not an update time, then one labelled as the
    /// publication's (a site's unlabelled "today" line above the title, `May 11, 2022`, loses
    /// to `Published On May 10, 2022` below it), then the place's trust.
    fn rank(&self, from: DateFrom) -> (bool, bool, bool, u8) {
        (
            self.ymd.is_err(),
            self.update,
            !self.published,
            from.trust(),
        )
    }
}

fn better(c: &Cand, from: DateFrom, best: Option<&(Cand, DateFrom)>) -> bool {
    match best {
        None => true,
        // Candidates arrive in text order, so ties keep the earlier one.
        Some((b, bfrom)) => c.rank(from) < b.rank(*bfrom),
    }
}

pub(super) fn floor_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;
