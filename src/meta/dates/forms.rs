//! The forms a date, a clock time and a UTC offset are written in, recognised on a line's
//! tokens at a given position. A form says nothing about *where* it stands: that is
//! [`super::places`]. Every form returns the date or the reason it is incomplete, never a
//! guess.

use chrono::{DateTime, Datelike, NaiveDate};

use super::tokens::{Kind, Line};
use super::words::{is_byline, is_unit, is_zone, label, month_of};
use super::{AMBIGUOUS, IMPOSSIBLE, MAX_YEAR, MIN_YEAR, NO_YEAR, Ymd};

/// Build a date from parts; `year` is (value, digit count) when present.
pub(super) fn make(year: Option<(u32, u8)>, m: u32, d: u32) -> Ymd {
    let max_day = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => 0,
    };
    if d == 0 || d > max_day {
        return Err(IMPOSSIBLE);
    }
    match year {
        Some((y, 4)) if (MIN_YEAR..=MAX_YEAR).contains(&y) => {
            // Only fails for 29 February of a non-leap year.
            NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(IMPOSSIBLE)
        }
        Some((_, 4)) => Err(IMPOSSIBLE),
        _ => Err(NO_YEAR),
    }
}

/// A date recognised at some token: its value and the token range [from, to).
pub(super) struct Hit {
    pub(super) ymd: Ymd,
    pub(super) from: usize,
    pub(super) to: usize,
}

/// Try every date form starting at token i.
pub(super) fn date_at(l: &Line, i: usize) -> Option<Hit> {
    numeric(l, i)
        .or_else(|| day_first(l, i))
        .or_else(|| month_first(l, i))
}

/// `2017-04-13`, `2017/04/13`, `13.04.2017`, `01.21.2020`, `04/13/2017`, `20170413`.
pub(super) fn numeric(l: &Line, i: usize) -> Option<Hit> {
    let (a, alen) = l.num(i)?;
    if alen == 8 {
        let y = a / 10_000;
        if (18..=21).contains(&(y / 100)) {
            let ymd = make(Some((y, 4)), a / 100 % 100, a % 100);
            return Some(Hit {
                ymd,
                from: i,
                to: i + 1,
            });
        }
        return None;
    }
    let sep = l.punct(i + 1)?;
    if !matches!(sep, '-' | '/' | '.') || !l.is(i + 3, sep) {
        return None;
    }
    let (b, blen) = l.num(i + 2)?;
    let (c, clen) = l.num(i + 4)?;
    if !(l.glued(i) && l.glued(i + 1) && l.glued(i + 2) && l.glued(i + 3)) || blen > 2 {
        return None;
    }
    let hit = |ymd| {
        Some(Hit {
            ymd,
            from: i,
            to: i + 5,
        })
    };
    if alen == 4 && clen <= 2 {
        return hit(make(Some((a, 4)), b, c));
    }
    if alen > 2 || !(clen == 4 || clen == 2) {
        return None;
    }
    let year = Some((c, clen));
    // a/b/Y, a-b-Y or a.b.Y: US or European order (dots are written both ways: WIRED's
    // `01.21.2020` is month first); read only when unambiguous. A two-digit year is no
    // year whatever the order.
    match (make(year, b, a), make(year, a, b)) {
        (x, _) if a == b => hit(x),
        (Err(IMPOSSIBLE), y) | (y, Err(IMPOSSIBLE)) => hit(y),
        (Err(NO_YEAR), _) => hit(Err(NO_YEAR)),
        _ => hit(Err(AMBIGUOUS)),
    }
}

/// An ambiguous numeric date (`03/01/2018`) settled by the weekday printed beside it (`Thu,
/// 03/01/2018`: 1 March 2018 was a Thursday, 3 January a Wednesday): the one reading that
/// falls on `weekday` (ISO, Monday 1). None when no reading or both fit: the date stays
/// ambiguous.
pub(super) fn by_weekday(l: &Line, h: &Hit, weekday: u32) -> Option<NaiveDate> {
    if h.ymd != Err(AMBIGUOUS) || h.to != h.from + 5 {
        return None;
    }
    let (a, _) = l.num(h.from)?;
    let (b, _) = l.num(h.from + 2)?;
    let year = Some(l.num(h.from + 4)?);
    let fits: Vec<NaiveDate> = [make(year, b, a), make(year, a, b)]
        .into_iter()
        .filter_map(Result::ok)
        .filter(|d| d.weekday().number_from_monday() == weekday)
        .collect();
    match fits[..] {
        [d] => Some(d),
        _ => None,
    }
}

/// `13 April 2017`, `26-FEB-1987`, `13th Apr. 2017`, `23 October`.
pub(super) fn day_first(l: &Line, i: usize) -> Option<Hit> {
    let (d, dlen) = l.num(i)?;
    if dlen > 2 {
        return None;
    }
    let mut k = i + 1;
    if l.glued(i) && l.word_in(k, &["st", "nd", "rd", "th"]) {
        k += 1;
    }
    if l.is(k, '-') || l.is(k, '.') {
        k += 1;
    }
    if !l.near(k - 1) {
        return None;
    }
    let mut hit = after_month(l, k, d)?;
    hit.from = i;
    Some(hit)
}

/// The month word at k and an optional year after it, for day `d`.
pub(super) fn after_month(l: &Line, k: usize, d: u32) -> Option<Hit> {
    let word = l.word(k)?;
    let m = month_of(word)?;
    let mut k = k + 1;
    if word.len() <= 4 && l.is(k, '.') && l.glued(k - 1) {
        k += 1;
    }
    let sep = usize::from(matches!(l.punct(k), Some('-' | ',' | '.')));
    let year_near = l.near(k - 1) && (sep == 0 || l.near(k));
    match l.num(k + sep).filter(|_| year_near) {
        Some((y, 4)) if !l.glued(k + sep) || l.punct(k + sep + 1) != Some(':') => Some(Hit {
            ymd: make(Some((y, 4)), m, d),
            from: k,
            to: k + sep + 1,
        }),
        // `26-FEB-87`: a two-digit year, consumed but not guessed.
        Some((y, 2)) if sep == 1 && l.is(k, '-') => Some(Hit {
            ymd: make(Some((y, 2)), m, d),
            from: k,
            to: k + 2,
        }),
        _ => Some(Hit {
            ymd: make(None, m, d),
            from: k,
            to: k,
        }),
    }
}

/// `April 13, 2017`, `Sept. 4 2017`, `Feb 26`.
pub(super) fn month_first(l: &Line, i: usize) -> Option<Hit> {
    let word = l.word(i)?;
    let m = month_of(word)?;
    let mut k = i + 1;
    if word.len() <= 4 && l.is(k, '.') && l.glued(i) {
        k += 1;
    } else if l.glued(i) {
        // `DEC8`, `MAR8` are table codes, not dates.
        return None;
    }
    let (d, dlen) = l.num(k)?;
    // `April 10:30`, `May 17,090` (a quantity) are not days.
    let number_goes_on = l.glued(k)
        && matches!(l.punct(k + 1), Some(':' | '.' | '/' | '-' | ','))
        && l.glued(k + 1)
        && l.num(k + 2).is_some();
    if dlen > 2 || !l.near(k - 1) || number_goes_on {
        return None;
    }
    k += 1;
    if l.glued(k - 1) && l.word_in(k, &["st", "nd", "rd", "th"]) {
        k += 1;
    }
    let comma = usize::from(l.is(k, ','));
    let year_near = l.near(k - 1) && (comma == 0 || l.near(k));
    let ymd_to = match l.num(k + comma).filter(|_| year_near) {
        Some((y, 4)) if !(l.glued(k + comma) && l.is(k + comma + 1, ':')) => {
            (make(Some((y, 4)), m, d), k + comma + 1)
        }
        _ => (make(None, m, d), k),
    };
    Some(Hit {
        ymd: ymd_to.0,
        from: i,
        to: ymd_to.1,
    })
}

/// A clock time at i, and the token after it (and after its am/pm): `14:57`,
/// `15:01:01.79`, `10:00 pm`, `7:40 p.m.`, `9:21am`; with a dot only before am/pm or a zone
/// (`9.45pm`, `23.05 BST`: `13.04.2017` is a date); four digits only before a zone (`2117
/// GMT`, `0203 GMT`: a year is never followed by one).
pub(super) fn clock_at(l: &Line, i: usize) -> Option<usize> {
    let (h, hlen) = l.num(i)?;
    if hlen == 4 {
        let ok = h / 100 <= 23 && h % 100 <= 59 && !l.glued(i) && l.word_is(i + 1, is_zone);
        return ok.then_some(i + 1);
    }
    let sep = l.punct(i + 1)?;
    if hlen > 2 || h > 23 || !matches!(sep, ':' | '.') || !l.glued(i) || !l.glued(i + 1) {
        return None;
    }
    let (m, mlen) = l.num(i + 2)?;
    if mlen != 2 || m > 59 {
        return None;
    }
    let mut k = i + 3;
    if sep == '.' {
        let zone = l.word_is(k, is_zone) || shaped_zone_at(l, k).is_some();
        return meridiem(l, k).or_else(|| zone.then_some(k));
    }
    if l.is(k, ':') && l.glued(k - 1) && l.glued(k) && l.num(k + 1).is_some_and(|(_, n)| n == 2) {
        k += 2;
        if l.is(k, '.') && l.glued(k - 1) && l.glued(k) && l.num(k + 1).is_some() {
            k += 2;
        }
    }
    Some(meridiem(l, k).unwrap_or(k))
}

/// A time zone known by its shape, at k right after a clock time (`6.55pm SAST`, `11:39 PM
/// MYT`, `WAT`, `ACWST`): 3-5 capital letters ending in `T` (standard, daylight or summer
/// *time*), at most two bytes after the clock, that is no listed zone (those stand anywhere
/// on a date line, [`is_zone`]), label or byline word (`LAST`). The token after it. Only the
/// place after a clock makes such a word a zone, so only a clock asks.
pub(super) fn shaped_zone_at(l: &Line, k: usize) -> Option<usize> {
    let w = l.word(k)?;
    let shaped = (3..=5).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && w.ends_with('T')
        && !is_zone(w)
        && label(w).is_none()
        && !is_byline(w);
    (shaped && k > 0 && l.near(k - 1)).then_some(k + 1)
}

/// `am`, `PM`, `a.m.`, `p.m`: the token after it.
fn meridiem(l: &Line, k: usize) -> Option<usize> {
    if l.word_in(k, &["am", "pm"]) {
        return Some(k + 1);
    }
    let dotted = l.word_in(k, &["a", "p"])
        && l.glued(k)
        && l.is(k + 1, '.')
        && l.glued(k + 1)
        && l.word_in(k + 2, &["m"]);
    if !dotted {
        return None;
    }
    Some(if l.glued(k + 2) && l.is(k + 3, '.') {
        k + 4
    } else {
        k + 3
    })
}

/// A relative time at i (`3 hours ago`, `1 hr 4 mins ago`, `3 YEARS AGO`): the token after
/// it. Never a date; it may stand on a date line beside one.
pub(super) fn relative_at(l: &Line, i: usize) -> Option<usize> {
    let mut k = i;
    while l.num(k).is_some() && l.word_is(k + 1, is_unit) {
        k += 2;
        if l.word_in(k, &["ago"]) {
            return Some(k + 1);
        }
    }
    None
}

/// A reading time at i (`3 min read`, `5 min. read`, `2 minute read`): the token after it.
pub(super) fn reading_time_at(l: &Line, i: usize) -> Option<usize> {
    l.num(i)?;
    if !l.word_is(i + 1, is_unit) {
        return None;
    }
    let k = if l.is(i + 2, '.') { i + 3 } else { i + 2 };
    l.word_in(k, &["read"]).then_some(k + 1)
}

/// A signed UTC offset at i (`+3`, `+03:00`, `-0500`): the token after it.
pub(super) fn offset_at(l: &Line, i: usize) -> Option<usize> {
    if !matches!(l.punct(i), Some('+' | '-')) || !l.glued(i) {
        return None;
    }
    let (_, n) = l.num(i + 1)?;
    if n > 4 {
        return None;
    }
    let mut k = i + 2;
    if l.is(k, ':') && l.glued(k - 1) && l.glued(k) && l.num(k + 1).is_some() {
        k += 2;
    }
    Some(k)
}

/// `GMT +311 December 2019`: the page clock's offset run into the day. Split
/// the digits into offset (1-2 digits, <= 14, or 12 if negative) and day
/// (1-2 digits); keep the split only if exactly one reading is a valid date.
pub(super) fn glued_offset_day(l: &Line, sign_at: usize) -> Option<Hit> {
    let max_offset = if l.is(sign_at, '-') { 12 } else { 14 };
    let (v, n) = l.num(sign_at + 1)?;
    if !(2..=4).contains(&n) || l.word(sign_at + 2).and_then(month_of).is_none() {
        return None;
    }
    let mut valid: Option<Hit> = None;
    let mut readings = 0;
    let mut last = None;
    for day_len in 1..=2u32 {
        let off_len = u32::from(n).saturating_sub(day_len);
        if !(1..=2).contains(&off_len) {
            continue;
        }
        let (offset, day) = (v / 10u32.pow(day_len), v % 10u32.pow(day_len));
        if offset > max_offset {
            continue;
        }
        if let Some(h) = after_month(l, sign_at + 2, day) {
            if h.ymd != Err(IMPOSSIBLE) {
                readings += 1;
                valid = Some(h);
            } else {
                last = Some(h);
            }
        }
    }
    let mut hit = match readings {
        1 => valid?,
        0 => last?,
        _ => Hit {
            ymd: Err(AMBIGUOUS),
            ..valid?
        },
    };
    hit.from = sign_at;
    Some(hit)
}

/// A machine stamp in RFC 3339 form anywhere in `line`, as one word (`2020-09-18T14:37:41+02:00`,
/// `2014-09-30T14:34:55Z`), read by chrono: its date as written (in its own offset, not
/// moved to UTC) and the stamp.
pub(super) fn rfc3339_in(line: &str) -> Option<(Ymd, &str)> {
    line.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if w.len() < 20 || w.as_bytes().get(4) != Some(&b'-') {
            return None;
        }
        let d = DateTime::parse_from_rfc3339(w).ok()?.date_naive();
        Some((written(d), w))
    })
}

/// A whole RFC 2822 stamp (`Thu, 05 Mar 2015 10:30:00 +0000`), read by chrono, which also
/// checks the clock, the offset and the weekday against the date. The year must be written
/// with four digits (chrono would read `05 Mar 15` as 2015).
pub(super) fn rfc2822(s: &str) -> Option<Ymd> {
    let d = DateTime::parse_from_rfc2822(s).ok()?.date_naive();
    let year = u32::try_from(d.year()).ok()?;
    let four_digits = Line::new(s).t.iter().any(|t| t.kind == Kind::Num(year, 4));
    four_digits.then(|| written(d))
}

/// A date chrono read, held to our own range of years.
fn written(d: NaiveDate) -> Ymd {
    match u32::try_from(d.year()) {
        Ok(y) => make(Some((y, 4)), d.month(), d.day()),
        Err(_) => Err(IMPOSSIBLE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date read at the first token of `s`, as `YYYY-MM-DD` or its problem.
    fn date(s: &str) -> Option<String> {
        let h = date_at(&Line::new(s), 0)?;
        Some(match h.ymd {
            Ok(d) => d.to_string(),
            Err(p) => p.to_string(),
        })
    }

    /// Where the clock at the first token of `s` ends, in tokens.
    fn clock(s: &str) -> Option<usize> {
        clock_at(&Line::new(s), 0)
    }

    #[test]
    fn numeric_dates_are_read_only_when_unambiguous() {
        for (s, want) in [
            ("2017-04-13", "2017-04-13"),
            ("2017/4/13", "2017-04-13"),
            ("20170413", "2017-04-13"),
            ("13.04.2017", "2017-04-13"),
            ("01.21.2020", "2020-01-21"),
            ("04/13/2017", "2017-04-13"),
            ("13-04-2017", "2017-04-13"),
            ("05/05/2017", "2017-05-05"),
            ("05/04/2017", "ambiguous date"),
            ("05.04.2017", "ambiguous date"),
            ("02/10/2020", "ambiguous date"),
            ("13.04.17", "no year"),
            ("05/04/17", "no year"),
            ("31.02.2019", "impossible date"),
            ("2019-13-01", "impossible date"),
        ] {
            assert_eq!(date(s).as_deref(), Some(want), "{s}");
        }
        assert_eq!(date("2017 - 04 - 13"), None);
        assert_eq!(date("12345678"), None);
    }

    #[test]
    fn dates_in_words() {
        for (s, want) in [
            ("13 April 2017", "2017-04-13"),
            ("3rd December 2019", "2019-12-03"),
            ("29th April, 2020", "2020-04-29"),
            ("September 18th, 2020", "2020-09-18"),
            ("Sept. 4, 2017", "2017-09-04"),
            ("MARCH 5, 2015", "2015-03-05"),
            ("26-FEB-1987", "1987-02-26"),
            ("26-FEB-87", "no year"),
            ("April 13", "no year"),
            ("9 MAY 2020", "2020-05-09"),
        ] {
            assert_eq!(date(s).as_deref(), Some(want), "{s}");
        }
        // A table row, a code, a quantity, a clock: no dates.
        for s in ["May       40", "DEC8", "May 17,090", "April 10:30"] {
            assert_eq!(date(s), None, "{s}");
        }
    }

    #[test]
    fn clock_times() {
        for (s, end) in [
            ("14:57", 3),
            ("15:01:01.79", 7),
            ("10:00 pm", 4),
            ("9:21am", 4),
            ("7:40 p.m. ET", 7),
            ("7:40 p.m ET", 6),
            ("23.05 BST", 3),
            ("9.45pm", 4),
            ("2117 GMT", 1),
            ("0203 GMT (1003 HKT)", 1),
        ] {
            assert_eq!(clock(s), Some(end), "{s}");
        }
        // A dot clock needs am/pm or a zone; four digits need a zone; no hour 24.
        for s in [
            "13.04.2017",
            "10.30",
            "2.5 million",
            "2015",
            "2015 Reuters",
            "24:00",
            "2460 GMT",
            "10:7",
        ] {
            assert_eq!(clock(s), None, "{s}");
        }
    }

    #[test]
    fn zones_known_by_shape_after_a_clock() {
        // Malay Mail, The Conversation Africa (SAST), West Africa, Western Australia.
        for (s, end) in [
            ("11:39 PM MYT", 5),
            ("6.55pm SAST", 5),
            ("23.05 WAT", 4),
            ("10:30 ACWST", 4),
            ("9:21am  PKT", 5),
        ] {
            let l = Line::new(s);
            let k = clock_at(&l, 0);
            assert_eq!(
                k.map(|k| shaped_zone_at(&l, k).unwrap_or(k)),
                Some(end),
                "{s}"
            );
        }
        // Not capitals, not ending in T, too short or long, a label, a listed zone (read
        // where it stands), far from the clock; a dot clock needs a zone.
        for s in [
            "11:39 PM Myt",
            "11:39 PM PARIS",
            "11:39 PM AT",
            "11:39 PM REUTERS",
            "11:39 PM LAST",
            "11:39 PM GMT",
            "11:39 PM     MYT",
        ] {
            let l = Line::new(s);
            assert_eq!(shaped_zone_at(&l, 4), None, "{s}");
        }
        assert_eq!(clock("13.04 TASS"), None);
        assert_eq!(clock("13.04 Post"), None);
        // A year is never a four-digit clock, whatever capitals follow.
        assert_eq!(clock("2020 ACT"), None);
    }

    #[test]
    fn a_weekday_settles_an_ambiguous_numeric_date_only_when_one_reading_fits() {
        let settle = |s: &str, weekday: u32| {
            let l = Line::new(s);
            let h = date_at(&l, 0)?;
            by_weekday(&l, &h, weekday).map(|d| d.to_string())
        };
        // 1 March 2018 was a Thursday (4), 3 January 2018 a Wednesday (3).
        assert_eq!(settle("03/01/2018", 4).as_deref(), Some("2018-03-01"));
        assert_eq!(settle("03/01/2018", 3).as_deref(), Some("2018-01-03"));
        assert_eq!(settle("03.01.2018", 4).as_deref(), Some("2018-03-01"));
        // A Monday fits neither reading; 3 December and 12 March 2019 were both Tuesdays.
        assert_eq!(settle("03/01/2018", 1), None);
        assert_eq!(settle("03/12/2019", 2), None);
        // Only an ambiguous date is settled: a clear one, a two-digit year and a date in
        // words stay what they are.
        assert_eq!(settle("03/13/2018", 2), None);
        assert_eq!(settle("03/01/18", 4), None);
        assert_eq!(settle("1 March 2018", 4), None);
    }

    #[test]
    fn relative_and_reading_times() {
        let rel = |s: &str| relative_at(&Line::new(s), 0);
        assert_eq!(rel("3 hours ago"), Some(3));
        assert_eq!(rel("1 hr 4 mins ago"), Some(5));
        assert_eq!(rel("3 YEARS AGO"), Some(3));
        assert_eq!(rel("3 hours later"), None);
        assert_eq!(rel("3 apples ago"), None);
        let read = |s: &str| reading_time_at(&Line::new(s), 0);
        assert_eq!(read("3 min read"), Some(3));
        assert_eq!(read("5 min. read"), Some(4));
        assert_eq!(read("2 minute read"), Some(3));
        assert_eq!(read("2 minute walk"), None);
    }

    #[test]
    fn machine_stamps_by_chrono() {
        let ymd = NaiveDate::from_ymd_opt;
        assert_eq!(
            rfc3339_in("MoritzMeyer 2020-09-18T14:37:41+02:00 September 18th, 2020"),
            Some((
                Ok(ymd(2020, 9, 18).unwrap_or_default()),
                "2020-09-18T14:37:41+02:00"
            ))
        );
        assert_eq!(
            rfc3339_in("By Steve Matthews (2014-09-30T14:34:55Z)").map(|s| s.1),
            Some("2014-09-30T14:34:55Z")
        );
        // The date as written, in its own offset: not moved to UTC.
        assert_eq!(
            rfc3339_in("2020-09-18T00:30:00+02:00").map(|s| s.0),
            Some(Ok(ymd(2020, 9, 18).unwrap_or_default()))
        );
        for s in [
            "2020-09-18",
            "2020-09-18T14:37:41",
            "2020-13-18T14:37:41Z",
            "1750-01-01T00:00:00Z x",
        ] {
            assert!(rfc3339_in(s).is_none_or(|(d, _)| d.is_err()), "{s}");
        }
        assert_eq!(
            rfc2822("Thu, 05 Mar 2015 10:30:00 +0000"),
            Some(Ok(ymd(2015, 3, 5).unwrap_or_default()))
        );
        assert_eq!(
            rfc2822("Mon, 01 Mar 2021 18:12:00 +0100"),
            Some(Ok(ymd(2021, 3, 1).unwrap_or_default()))
        );
        // Two-digit year, wrong weekday, trailing text: not a stamp we take.
        for s in [
            "Thu, 05 Mar 15 10:30:00 +0000",
            "Fri, 05 Mar 2015 10:30:00 +0000",
            "Thu, 05 Mar 2015 10:30:00 +0000 and more",
        ] {
            assert_eq!(rfc2822(s), None, "{s}");
        }
    }
}
