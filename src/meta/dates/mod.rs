//! Publication dates: find the date an article was published, from its own
//! text, the way a careful reader would, and never invent one.
//!
//! This module owns [`find_date`] (look for a publication date in an
//! article) and [`parse_date`] (parse one date string, e.g. a metadata CSV
//! cell). It depends on `chrono` only for the calendar (`NaiveDate`).
//!
//! # Where a publication date may stand (and nowhere else)
//! Only the *head* is read: the first [`HEAD_LINES`] lines and at most
//! [`HEAD_BYTES`] bytes of the text (Factiva exports put their date line on
//! line 8-9, up to ~1,100 bytes in; nothing later is ever looked at, so the
//! cost per article is bounded whatever the input). Inside the head, three
//! kinds of place count:
//! - **Header** – a line that starts with the word `date` (optionally `date:`)
//!   followed by a date (`date 2018-02-05`, text may continue on the line); or
//!   a *date line*: a complete line of at most 100 bytes holding one date and
//!   nothing else but a weekday, a label (`published`, `updated`, `on`, ...)
//!   and separators (`13 April 2017`, `Thursday, 13 April 2017`).
//! - **Timestamp** – such a date line that also carries a clock time, zone and
//!   UTC offset (`14:57 GMT +3 11 December 2019`, `2017-04-13T10:00:00Z`,
//!   `26-FEB-1987 15:01:01.79`).
//! - **Dateline** – the start of a paragraph (the first non-blank line, a line
//!   after a blank line, or the text after a `date` header on its line):
//!   one to three comma-separated place names (no digits, at most four words
//!   each, `RICHMOND, Va.` may end in a dot instead of a comma), a date, then
//!   a dateline end: a dash (`-`, `–`, `—`),
//!   `(` or `.` followed by `/` or `(` (`SALVADOR, Feb 26 - `,
//!   `MOSCOW, October 23. /TASS/.`, `WASHINGTON, March 2, 1987 -`).
//!
//! The head also ends at the first dateline: the lines after it are story
//! text (wrapped sentences, tables), even within the first lines.
//! Parts of one date are at most two bytes apart (`May       40` is a table
//! row) and a month is not glued to its day (`DEC8` is a code).
//!
//! Anything else – dates inside sentences ("on March 20", "in 2014"),
//! relative dates ("last week"), captions without a dateline end, any text
//! past the head – is an event date, not a publication date, and is ignored.
//!
//! # Choosing among candidates
//! A complete date beats an incomplete one; then Header > Timestamp >
//! Dateline; then the earliest. A header is metadata stated for the article;
//! a page timestamp is machine-written but may be an update time; a dateline
//! is the reporter's filing day and usually lacks the year. If no candidate is
//! complete, the best incomplete one is returned with its `problem`.
//!
//! # Validity (never guess, never wrap)
//! - Years must have four digits and lie in 1800..=2100; a two-digit year or
//!   a missing year is reported as `"no year"`.
//! - Month/day out of range (`31.02.2019`, `0000-00-00`, `2019-13-01`) gives
//!   `"impossible date"`; nothing is normalised into the next month.
//! - Numeric order: `Y-M-D` (any of `-` `/` `.`), `D.M.Y` with dots.
//!   `a/b/Y` and `a-b-Y` are read only when unambiguous (one part > 12, or
//!   both equal); otherwise `"ambiguous date"`.
//! - A clock run into the day (`GMT +311 December 2019`): the digits after
//!   the sign are split into an offset (1-2 digits, at most 14, or 12 when
//!   negative) and a day (1-2 digits). The split is used only if exactly one
//!   reading gives a valid date; two valid readings (`+112`) give
//!   `"ambiguous date"`.
//! - A weekday next to the date is accepted but not checked against it.

mod forms;
mod places;
mod tokens;
mod words;

use chrono::NaiveDate;

use places::{date_line, dateline, keyword_header};
pub use words::{is_weekday, month_of};

/// Lines of the text read for a publication date.
pub const HEAD_LINES: usize = 12;
/// Bytes of the text read for a publication date.
pub const HEAD_BYTES: usize = 1536;
/// Longest line (trimmed) that can be a date line.
const DATE_LINE_MAX: usize = 100;
pub(super) const MIN_YEAR: u32 = 1800;
pub(super) const MAX_YEAR: u32 = 2100;

/// Where a publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateFrom {
    Header,
    Dateline,
    Timestamp,
    None,
}

impl DateFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            DateFrom::Header => "header",
            DateFrom::Dateline => "dateline",
            DateFrom::Timestamp => "timestamp",
            DateFrom::None => "none",
        }
    }

    /// Order of trust when several complete dates are found (lower wins).
    fn trust(self) -> u8 {
        match self {
            DateFrom::Header => 0,
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

        let mut found = Vec::with_capacity(2);
        if let Some((c, after)) = keyword_header(line) {
            found.push((c, DateFrom::Header));
            // `date 2018-02-05 MOSCOW, Feb 5 - ...`: the body starts here.
            if let Some(c) = dateline(line[after..].trim_start()) {
                found.push((c, DateFrom::Dateline));
            }
        } else {
            if complete
                && line.len() <= DATE_LINE_MAX
                && let Some((c, timed)) = date_line(line)
            {
                let from = if timed {
                    DateFrom::Timestamp
                } else {
                    DateFrom::Header
                };
                found.push((c, from));
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
        // Nothing can beat a complete header, and it is the earliest one.
        if matches!(&best, Some((c, DateFrom::Header)) if c.ymd.is_ok()) {
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
    match date_line(s) {
        Some((c, _)) => c.ymd,
        None => Err(NOT_A_DATE),
    }
}

/// A candidate publication date.
pub(super) struct Cand {
    pub(super) ymd: Ymd,
    pub(super) raw: String,
}

fn better(c: &Cand, from: DateFrom, best: Option<&(Cand, DateFrom)>) -> bool {
    match best {
        None => true,
        // Candidates arrive in text order, so ties keep the earlier one.
        Some((b, bfrom)) => (c.ymd.is_err(), from.trust()) < (b.ymd.is_err(), bfrom.trust()),
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
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// (date, raw, from, problem) of find_date, for terse asserts.
    fn fd(
        text: &str,
    ) -> (
        Option<NaiveDate>,
        String,
        &'static str,
        Option<&'static str>,
    ) {
        let f = find_date(text);
        (f.date, f.raw, f.from.as_str(), f.problem)
    }

    fn none() -> (
        Option<NaiveDate>,
        String,
        &'static str,
        Option<&'static str>,
    ) {
        (None, String::new(), "none", None)
    }

    // ---- the five seed files (first lines copied verbatim)

    #[test]
    fn seed_000_header_with_text_on_same_line() {
        let t = " date 2018-02-05 MOSCOW(Sputnik) - Russia and the United States should resume their dialogue on the missile defense in light of the growing relevance of the subject, Russian Deputy Foreign Minister Sergey Ryabkov said.\n\n\"I would like to emphasize the growing relevance of the missile defense topic.";
        assert_eq!(
            fd(t),
            (ymd(2018, 2, 5), "2018-02-05".into(), "header", None)
        );
    }

    #[test]
    fn seed_001_no_date() {
        let t = "Russia urges US to work together to fine-tune difficulties in New START Treaty\n\nMoscow calls on Washington to jointly tackle the issue related to the modernization of US strategic delivery vehicles in accordance with the New START Treaty, Russian Foreign Minister Sergey Lavrov said at the Moscow Conference on International Security on Thursday.\n\n\u{201c}We have honored all our commitments under the Treaty";
        assert_eq!(fd(t), none());
    }

    #[test]
    fn seed_002_header_then_word() {
        let t = " date 2017-04-13 Register\n    The Russian Ministry of Foreign Affairs on Smolenskaya-Sennaya Square in Moscow\n\n    Russia Ready to Work With US in All Areas of Mutual Interest - Deputy FM\n\n    \u{a9} Sputnik/ Natalia Seliverstova\n    Russia is ready for the bilateral cooperation with the US in all areas that can be beneficial for both of them, Russian Deputy Foreign Minister Sergey Ryabkov told Sputnik on Thursday.\n\n    MOSCOW (Sputnik) \u{2014} Russia is ready to work with the United States";
        assert_eq!(
            fd(t),
            (ymd(2017, 4, 13), "2017-04-13".into(), "header", None)
        );
    }

    #[test]
    fn seed_003_tass_dateline_without_year() {
        let t = "MOSCOW, October 23. /TASS/. Russian Defense Minister Sergei Shoigu has stated that Russia and the US could jointly address strategic issues of nuclear deterrence and regulate major long-standing conflicts.\n\"Today there is a great number of problems in the world";
        assert_eq!(
            fd(t),
            (None, "October 23".into(), "dateline", Some("no year"))
        );
    }

    #[test]
    fn seed_004_page_clock_run_into_day() {
        let t = "14:57 GMT +311 December 2019\nListen Live\n    A view at the Moscow Kremlin, Historical Museum, Red Square and Saint Basil's Cathedral.\n\n    Russia-US Cooperation Vital for Resolution of Global Problems - Kremlin\n\n    \u{a9} Sputnik / Alexei Filippov\n    Get short URL\n";
        assert_eq!(
            fd(t),
            (
                ymd(2019, 12, 11),
                "14:57 GMT +311 December 2019".into(),
                "timestamp",
                None
            )
        );
    }

    // ---- forms

    #[test]
    fn header_forms() {
        for (line, want) in [
            ("date 2018-02-05", ymd(2018, 2, 5)),
            ("   date 2018-02-05\nTitle", ymd(2018, 2, 5)),
            ("Date: 13 April 2017\nTitle", ymd(2017, 4, 13)),
            ("April 13, 2017\n\nBody.", ymd(2017, 4, 13)),
            ("13 April 2017\n\nBody.", ymd(2017, 4, 13)),
            ("Thursday, 13 April 2017\n\nBody.", ymd(2017, 4, 13)),
            ("13.04.2017\nBody.", ymd(2017, 4, 13)),
            ("Sept. 4, 2017\nBody.", ymd(2017, 9, 4)),
            ("Feb 26 1987\nBody.", ymd(1987, 2, 26)),
            ("13th April 2017\nBody.", ymd(2017, 4, 13)),
            ("Published on 13 Apr. 2017\nBody.", ymd(2017, 4, 13)),
            ("2017/04/13\nBody.", ymd(2017, 4, 13)),
            ("04/13/2017\nBody.", ymd(2017, 4, 13)),
            ("13/04/2017\nBody.", ymd(2017, 4, 13)),
        ] {
            let f = find_date(line);
            assert_eq!(
                (f.date, f.from, f.problem),
                (want, DateFrom::Header, None),
                "{line:?}"
            );
        }
    }

    #[test]
    fn lowercase_factiva_header_block() {
        let t = "\n____\n  \nfeatures\ndo you have a story or a photo\n86 words\n19 may 2014\nthe daily express\ntheexp\n1 scotland\n10\nenglish\nc 2014 express newspapers   \nif you have a story";
        assert_eq!(
            fd(t),
            (ymd(2014, 5, 19), "19 may 2014".into(), "header", None)
        );
    }

    #[test]
    fn timestamp_forms() {
        for (line, want, raw) in [
            (
                "2017-04-13T10:00:00Z",
                ymd(2017, 4, 13),
                "2017-04-13T10:00:00Z",
            ),
            (
                "26-FEB-1987 15:01:01.79",
                ymd(1987, 2, 26),
                "26-FEB-1987 15:01:01.79",
            ),
            (
                "14:57 GMT +3 11 December 2019",
                ymd(2019, 12, 11),
                "14:57 GMT +3 11 December 2019",
            ),
            (
                "Updated: 10:30 pm, April 13, 2017",
                ymd(2017, 4, 13),
                "10:30 pm, April 13, 2017",
            ),
            (
                "2017-04-13 10:00:00+03:00",
                ymd(2017, 4, 13),
                "2017-04-13 10:00:00+03:00",
            ),
            (
                "14:57 GMT +1011 December 2019",
                ymd(2019, 12, 11),
                "14:57 GMT +1011 December 2019",
            ),
            (
                "09:00 GMT -531 May 2019",
                ymd(2019, 5, 31),
                "09:00 GMT -531 May 2019",
            ),
        ] {
            let f = find_date(&format!("{line}\nTitle\n\nBody."));
            assert_eq!(
                (f.date, f.from, f.raw.as_str(), f.problem),
                (want, DateFrom::Timestamp, raw, None),
                "{line:?}"
            );
        }
    }

    #[test]
    fn glued_offset_rules() {
        // +31 -> offset 3, day 1 (31 is no offset).
        assert_eq!(fd("14:57 GMT +31 December 2019").0, ymd(2019, 12, 1));
        // +112: offset 1 day 12, or offset 11 day 2: both valid, no guess.
        assert_eq!(fd("14:57 GMT +112 December 2019").3, Some("ambiguous date"));
        // +330 February: 33 is no offset, 30 February is no date.
        assert_eq!(
            fd("14:57 GMT +330 February 2019").3,
            Some("impossible date")
        );
    }

    #[test]
    fn datelines() {
        let (d, raw, from, p) = fd(
            "BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone",
        );
        assert_eq!(
            (d, raw.as_str(), from, p),
            (None, "Feb 26", "dateline", Some("no year"))
        );
        let (d, raw, from, p) = fd("WASHINGTON, March 2, 1987 - The Treasury said");
        assert_eq!(
            (d, raw.as_str(), from, p),
            (ymd(1987, 3, 2), "March 2, 1987", "dateline", None)
        );
        assert_eq!(fd("CARROLLTON, Texas, Feb 26 - Shr loss").1, "Feb 26");
        assert_eq!(fd("RICHMOND, Va. Feb 26 - Qtly div").1, "Feb 26");
        assert_eq!(fd("omaha, april 7 - cattle").1, "april 7");
        assert_eq!(fd("LONDON, 5 March (Reuters) - Shares").1, "5 March");
        assert_eq!(fd("   WASHINGTON, April 21  -- Secretary").1, "April 21");
    }

    #[test]
    fn complete_beats_incomplete_and_header_beats_timestamp() {
        let t = "14:57 GMT +3 11 December 2019\n\nMOSCOW, December 10. /TASS/. Text";
        assert_eq!(fd(t).0, ymd(2019, 12, 11));
        let t = "MOSCOW, December 10, 2019 - Text\n";
        assert_eq!(fd(t).2, "dateline");
        let t = "date 2019-12-12\n14:57 GMT +3 11 December 2019\n\nText";
        assert_eq!(fd(t).0, ymd(2019, 12, 12));
        let t = "date 0000-00-00\nTitle\n\nWASHINGTON, March 2, 1987 - Text";
        assert_eq!(fd(t).0, ymd(1987, 3, 2));
        let t = "14:57 GMT 13 April 2017\ndate 2017-04-12\n";
        assert_eq!((fd(t).0, fd(t).2), (ymd(2017, 4, 12), "header"));
    }

    // ---- negatives

    #[test]
    fn relative_and_story_dates_are_not_publication_dates() {
        for t in [
            "Putin said on Friday that talks would go on.",
            "Title\n\nThe deal was signed last week in Geneva.",
            "Title\n\nSales rose in 2014 and again on March 20, officials said.",
            "Title\n\nMoscow, Russia, April 12, 2017\nA caption of a photo in the body.",
            "Title\n\nThe meeting on 13 April 2017 ended early.",
            "Title\n\nPrices as of April 13, 2017: up.",
            "DECEMBER 2019\n\nMonth and year only, no day.",
            "Thursday\n\nWeekday alone.",
            "MOSCOW (Sputnik) \u{2014} Russia is ready.",
        ] {
            assert_eq!(fd(t), none(), "{t:?}");
        }
    }

    #[test]
    fn dates_past_the_head_or_body_are_ignored() {
        let mut t = String::from("Title\n\n");
        for _ in 0..HEAD_LINES {
            t.push_str("A line of body text.\n");
        }
        t.push_str("13 April 2017\n");
        assert_eq!(fd(&t), none());
        let t = format!("{}\n13 April 2017\n", "x".repeat(HEAD_BYTES));
        assert_eq!(fd(&t), none());
        // Wrapped sentence after a dateline: body, not header.
        let t = "CARROLLTON, Texas, Feb 26 - Shr loss\n    NOTE: Dividend payable April one to shareholders of record\nMarch 17, 1987.\n";
        assert_eq!(fd(t).1, "Feb 26");
        // Table cells are no dates.
        assert_eq!(
            fd(" May   17,090\n Jul   15,603\n May       40\n DEC8\n"),
            none()
        );
    }

    #[test]
    fn truncated_last_head_line_is_not_a_date_line() {
        let t = format!(
            "{}\n13 April 2017 {}",
            "x".repeat(HEAD_BYTES - 20),
            "y".repeat(100)
        );
        assert_eq!(fd(&t), none());
    }

    #[test]
    fn impossible_dates_are_rejected_not_wrapped() {
        for s in [
            "31.02.2019",
            "0000-00-00",
            "2019-13-01",
            "29 February 2019",
            "32 May 2019",
            "2019-04-31",
            "1799-12-31",
            "2101-01-01",
            "00.01.2019",
        ] {
            assert_eq!(parse_date(s), Err("impossible date"), "{s}");
            let f = find_date(&format!("date {s}\nTitle"));
            assert_eq!(
                (f.date, f.from, f.problem),
                (None, DateFrom::Header, Some("impossible date")),
                "{s}"
            );
            assert_eq!(f.raw, s);
        }
        assert_eq!(
            parse_date("29 February 2020"),
            Ok(NaiveDate::from_ymd_opt(2020, 2, 29).unwrap_or_default())
        );
        assert_eq!(fd("date 2019-13-01\n").3, Some("impossible date"));
    }

    #[test]
    fn years_are_never_guessed() {
        assert_eq!(parse_date("13.04.17"), Err("no year"));
        assert_eq!(parse_date("26-FEB-87"), Err("no year"));
        assert_eq!(parse_date("April 13"), Err("no year"));
        assert_eq!(parse_date("05/04/2017"), Err("ambiguous date"));
        assert_eq!(fd("13 April\n\nText").3, Some("no year"));
    }

    #[test]
    fn parse_date_forms() {
        let d = ymd(2017, 4, 13);
        for s in [
            "2017-04-13",
            " 2017-04-13 ",
            "2017-04-13T10:00:00Z",
            "2017-04-13 10:00:00+03:00",
            "April 13, 2017",
            "13 April 2017",
            "Thursday, 13 April 2017",
            "13.04.2017",
            "13-APR-2017 15:01:01.79",
            "Apr. 13 2017",
            "13 april 2017",
            "20170413",
            "date 2017-04-13",
        ] {
            assert_eq!(parse_date(s).ok(), d, "{s}");
        }
        assert_eq!(parse_date("26-FEB-1987 15:01:01.79").ok(), ymd(1987, 2, 26));
        assert_eq!(parse_date(""), Err("empty"));
        assert_eq!(parse_date("hello"), Err("not a date"));
        assert_eq!(parse_date("13 April 2017 and more"), Err("not a date"));
        assert_eq!(parse_date("2017"), Err("not a date"));
    }

    #[test]
    fn as_str_names() {
        assert_eq!(DateFrom::Header.as_str(), "header");
        assert_eq!(DateFrom::Dateline.as_str(), "dateline");
        assert_eq!(DateFrom::Timestamp.as_str(), "timestamp");
        assert_eq!(DateFrom::None.as_str(), "none");
    }

    // ---- adversarial input: no panic, bounded time

    #[test]
    fn adversarial_input() {
        assert_eq!(fd(""), none());
        assert_eq!(fd("\n\n\n"), none());
        let big = "9".repeat(1 << 20);
        assert_eq!(fd(&big), none());
        assert!(parse_date(&big).is_err());
        let start = std::time::Instant::now();
        for _ in 0..1000 {
            let _ = find_date(&big);
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        // Multi-byte characters across the head boundary and everywhere.
        let uni = "é日本語🙂\u{200b}\u{301}".repeat(200_000);
        assert_eq!(fd(&uni), none());
        for s in [
            "date",
            "date ",
            "date:",
            "date 2017-",
            "date 2017-04-",
            "+",
            "GMT +",
            "14:57 GMT +",
            "14:57 GMT +99999999999999999999 December 2019",
            "99999999999999999999-1-1",
            "April 99999999999",
            "MOSCOW,",
            ",",
            "MOSCOW, October",
            "日本, 4月 5 -",
            "\u{feff}date 2017-04-13",
            "٣١.٠٢.٢٠١٩",
            "1.1.",
            "--:--",
            "T",
            "Z",
        ] {
            let _ = find_date(s);
            let _ = parse_date(s);
        }
        assert_eq!(fd("\u{feff}date 2017-04-13\n").0, ymd(2017, 4, 13));
        // Every prefix of a tricky line, at every char boundary.
        let tricky = "14:57 GMT +311 December 2019 SALVADOR, Feb 26 - 26-FEB-1987 15:01:01.79";
        for (i, _) in tricky.char_indices() {
            let _ = find_date(&tricky[..i]);
            let _ = parse_date(&tricky[..i]);
        }
    }
}
