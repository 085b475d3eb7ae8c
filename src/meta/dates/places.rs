//! Where a publication date may stand: a `date` header, a date line (with or without a clock
//! time) and a reporter's dateline. Each place reads one line and returns a candidate; the
//! choice among candidates is made in [`super::find_date`].

use super::forms::{Hit, clock_at, date_at, day_first, glued_offset_day, month_first, offset_at};
use super::tokens::{Line, MAX_TOKENS};
use super::words::{is_label, is_weekday, is_zone, month_of};
use super::{Cand, floor_boundary};

/// Punctuation a date line may hold around its date.
const FILLERS: [char; 12] = [',', '.', ':', '|', '-', '–', '—', '/', '(', ')', '·', '•'];

/// `date 2018-02-05 ...` (also `Date: ...`): the candidate and the byte
/// offset in `line` right after the date.
pub(super) fn keyword_header(line: &str) -> Option<(Cand, usize)> {
    let l = Line::new(line);
    if !l.word(0)?.eq_ignore_ascii_case("date") {
        return None;
    }
    let i = if l.is(1, ':') { 2 } else { 1 };
    let h = date_at(&l, i)?;
    let end = l.t.get(h.to.checked_sub(1)?)?.end;
    let raw = l.span(h.from, h.to.checked_sub(1)?);
    Some((Cand { ymd: h.ymd, raw }, end))
}

/// A line holding one date and nothing but weekday, labels, separators and a
/// clock time with zone. Returns the candidate and whether it had a time.
pub(super) fn date_line(line: &str) -> Option<(Cand, bool)> {
    let l = Line::new(line);
    if l.t.len() >= MAX_TOKENS {
        return None;
    }
    let mut date: Option<Hit> = None;
    let mut timed = false;
    // Token span of the date and time parts, for `raw`.
    let (mut lo, mut hi) = (usize::MAX, 0);
    let mut i = 0;
    while i < l.t.len() {
        let start = i;
        if let Some(k) = clock_at(&l, i) {
            timed = true;
            // `10:00:00+03:00`: an offset glued to the clock belongs to it.
            i = if l.glued(k - 1) {
                offset_at(&l, k).unwrap_or(k)
            } else {
                k
            };
        } else if l.word_is(i, is_zone) {
            i += 1;
            if matches!(l.punct(i), Some('+' | '-')) && l.glued(i) {
                match glued_offset_day(&l, i) {
                    Some(h) if date.is_none() => {
                        i = h.to;
                        date = Some(h);
                    }
                    _ => i = offset_at(&l, i).unwrap_or(i),
                }
            }
        } else if let Some(h) = date_at(&l, i) {
            i = h.to.max(i + 1);
            // A second date (e.g. "updated ...") is allowed; the first counts.
            if date.is_none() {
                date = Some(h);
            }
        } else if l.word_is(i, is_weekday)
            || l.word_is(i, is_label)
            || l.punct(i).is_some_and(|c| FILLERS.contains(&c))
        {
            i += 1;
            continue;
        } else {
            return None;
        }
        lo = lo.min(start);
        hi = hi.max(i);
    }
    let h = date?;
    let (lo, hi) = if timed { (lo, hi) } else { (h.from, h.to) };
    let raw = l.span(lo, hi.checked_sub(1)?);
    Some((Cand { ymd: h.ymd, raw }, timed))
}

/// `SALVADOR, Feb 26 - ...`, `MOSCOW, October 23. /TASS/.`,
/// `WASHINGTON, March 2, 1987 -`, `Calgary, Alberta, March 18 -`.
pub(super) fn dateline(line: &str) -> Option<Cand> {
    // Datelines are short; don't tokenize more than their reach.
    let l = Line::new(&line[..floor_boundary(line, 160)]);
    if l.word_is(0, is_weekday) || l.word(0).and_then(month_of).is_some() {
        return None;
    }
    let (mut i, mut commas, mut words) = (0, 0, 0);
    while i < l.t.len() {
        // After `PLACE,` or `PLACE, State.` a date may start.
        let after_place = commas > 0 && (l.is(i - 1, ',') || (words > 0 && l.is(i - 1, '.')));
        if after_place && let Some(h) = month_first(&l, i).or_else(|| day_first(&l, i)) {
            let end = h.to;
            let ends = match l.punct(end) {
                Some('-' | '–' | '—' | '(') => true,
                Some('.') => matches!(l.punct(end + 1), Some('/' | '(')),
                _ => false,
            };
            let raw = l.span(h.from, end.checked_sub(1)?);
            return ends.then_some(Cand { ymd: h.ymd, raw });
        }
        if l.word(i).is_some() {
            // Place names: up to four words each, up to three of them.
            words += 1;
            if words > 4 {
                return None;
            }
        } else if l.is(i, ',') && words > 0 {
            commas += 1;
            words = 0;
            if commas > 3 {
                return None;
            }
        } else if !(words > 0 && matches!(l.punct(i), Some('.' | '\'' | '’' | '-' | '&' | '/'))) {
            return None;
        }
        i += 1;
    }
    None
}
