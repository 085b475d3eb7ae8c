//! The forms a date, a clock time and a UTC offset are written in, recognised on a line's
//! tokens at a given position. A form says nothing about *where* it stands: that is
//! [`super::places`]. Every form returns the date or the reason it is incomplete, never a
//! guess.

use chrono::NaiveDate;

use super::tokens::Line;
use super::words::month_of;
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

/// `2017-04-13`, `2017/04/13`, `13.04.2017`, `04/13/2017`, `20170413`.
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
    if sep == '.' {
        return hit(make(year, b, a));
    }
    // a/b/Y or a-b-Y: US or European order; read only when unambiguous.
    match (make(year, b, a), make(year, a, b)) {
        (x, _) if a == b => hit(x),
        (Err(IMPOSSIBLE), y) | (y, Err(IMPOSSIBLE)) => hit(y),
        _ => hit(Err(AMBIGUOUS)),
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

/// `14:57`, `15:01:01.79`, `10:00 pm`: returns the token after the clock.
pub(super) fn clock_at(l: &Line, i: usize) -> Option<usize> {
    let (h, hlen) = l.num(i)?;
    if hlen > 2 || h > 23 || !l.is(i + 1, ':') || !l.glued(i) || !l.glued(i + 1) {
        return None;
    }
    let (m, mlen) = l.num(i + 2)?;
    if mlen != 2 || m > 59 {
        return None;
    }
    let mut k = i + 3;
    if l.is(k, ':') && l.glued(k - 1) && l.glued(k) && l.num(k + 1).is_some_and(|(_, n)| n == 2) {
        k += 2;
        if l.is(k, '.') && l.glued(k - 1) && l.glued(k) && l.num(k + 1).is_some() {
            k += 2;
        }
    }
    if l.word_in(k, &["am", "pm"]) {
        k += 1;
    }
    Some(k)
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
