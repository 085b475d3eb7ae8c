//! Where a publication date may stand: a `date` header, a date line (with or without a clock
//! time), a byline (a name before a date line), a machine stamp and a reporter's dateline.
//! Each place reads one line and returns a candidate; the choice among candidates is made
//! in [`super::find_date`].

use super::forms::{date_at, day_first, month_first, rfc2822, rfc3339_in};
use super::line::{DateLine, Tail, read};
use super::tokens::Line;
use super::words::{
    Label, is_byline, is_function_word, is_name_inside, is_weekday, label, month_of,
    never_ends_name,
};
use super::{Cand, DATE_LINE_MAX, NO_YEAR, floor_boundary};

/// Most words in a name before a date.
const MAX_NAME_WORDS: usize = 12;

/// Punctuation inside a name before a date (`Jane Smith, Reuters |`, `(@FahadShabbir)`).
const NAME_PUNCT: [char; 15] = [
    ',', '.', '\'', '’', '-', '–', '—', '(', ')', '@', '&', '|', '•', '·', '/',
];

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
    Some((Cand::new(h.ymd, &raw).published(), end))
}

/// A date line (see [`super::line`]) that fills its line: `13 April 2017`, `Posted on
/// March 3, 2019 by admin`, `14:57 GMT +311 December 2019`.
pub(super) fn date_line(line: &str, tail: Tail) -> Option<DateLine> {
    read(&Line::new(line), 0, tail)
}

/// A name, then a date line: a byline (`By Jane Smith, Reuters | March 5, 2015`, `By
/// Associated Press Jun 24, 2020, 3:53pm CDT`), or a name with a marked date (`Mark Hicks ,
/// The Detroit News Published 7:40 p.m. ET March 17, 2020`, `JAKARTA Tue Dec 30, 2014
/// 9:21am IST`) or a numeric one (`Sputnik 28.04.2020`).
///
/// The name is capitalised words (small words such as `and`, `van` inside), handles
/// (`(@FahadShabbir)`) and punctuation: at most twelve words, no digits, no weekday or
/// month. It does not end in a word such as `of` or `since`, nor in a comma (`PLACE, date`
/// is a dateline's form), and stands at most two bytes before the date line (`For
/// Immediate Release          April 4, 1993` is a column layout). The date must have a
/// year. The date line may not start with a joining word (`... Attack On September 11,
/// 2001`); without `By`, a bare date written in words is a title's (`RAPTURE - OCTOBER 28,
/// 1992`).
///
/// After `By` (also `Posted by`, `Written by`), the date may follow `on`: `By Jane Smith on
/// March 3, 2019`, and then the name may be a lower-case handle, one word that is no English
/// function word (`by oz on December 4, 2006`, `Posted by admin on ...`; `by them on March
/// 5, 1993` is a sentence). Such a line ends with its date.
pub(super) fn byline(line: &str) -> Option<Cand> {
    let l = Line::new(line);
    // `yas! | By Cara Stiles | April 13, 2020`: a short label and a bar before the byline.
    if !l.word_is(0, is_byline)
        && let Some(bar) = line.find("| ")
        && bar <= 24
    {
        let rest = &line[bar + 2..];
        if Line::new(rest).word_is(0, is_byline) {
            return byline(rest);
        }
    }
    // `Posted by admin on ...`: a label, then the byline word.
    let labelled = l.word(0).and_then(label) == Some(Label::Publish) && l.word_is(1, is_byline);
    let by_at = usize::from(labelled);
    let by = l.word_is(by_at, is_byline);
    let mut i = by_at + usize::from(by);
    if by && l.is(i, ':') {
        i += 1;
    }
    let mut words = 0;
    let mut last_word = "";
    // The name is a lower-case handle: it may only stand before `on <date>`.
    let mut handle_name = false;
    while i < l.t.len() {
        let joining = l.word(i).and_then(label) == Some(Label::Joining);
        // `PLACE, date` is a dateline's business (and a caption's when it has no end).
        // `By Emilie Gramenz, Wednesday January 2, 2019 - 13:12 EDT`: after `By`, a comma
        // may part the name from a date marked by a weekday, label or clock; after a
        // person's name, from any date (`Mattias Geniar, April 19, 2020`).
        let after_comma = l.is(i - 1, ',');
        let person = person_named(&l, i, words);
        if words > 0
            && !never_ends_name(last_word)
            && l.punct(i).is_none()
            && (!after_comma || by || person)
            && l.near(i - 1)
        {
            // `By Jane Smith on March 3, 2019`, `Published by BBNTEAM at April 21, 2022`:
            // read from `on` or `at`, so nothing may follow.
            let on = by && l.word_in(i, &["on", "at"]);
            // `The Frontier Post / March 1, 2020`: a slash parts an outlet from its date, as
            // a bullet parts a breadcrumb (`Blog Home AI & Machine Learning • October 18,
            // 2019`); a dash or a bar still marks a title.
            let slash = l.is(i - 1, '/') || l.is(i - 1, '•') || l.is(i - 1, '·');
            if (on || (!joining && !handle_name))
                && let Some(d) = read(&l, i, Tail::Allowed)
                && d.cand.ymd != Err(NO_YEAR)
                && (by || slash || d.marked || d.numeric || person)
                && (!after_comma || d.marked || person)
            {
                return Some(d.cand);
            }
        }
        if handle_name {
            return None;
        }
        match (l.word(i), l.punct(i)) {
            (Some(w), _) => {
                let handle = i > 0 && l.is(i - 1, '@') && l.glued(i - 1);
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                let date_word = is_weekday(w) || month_of(w).is_some();
                if date_word {
                    return None;
                }
                if !(capital || handle || (words > 0 && is_name_inside(w))) {
                    // `by oz on`: one lower-case word, right after `By` and before `on`.
                    let lone = by && words == 0 && l.word_in(i + 1, &["on", "at"]);
                    if !lone || label(w).is_some() || is_function_word(w) {
                        return None;
                    }
                    handle_name = true;
                }
                words += 1;
                last_word = w;
                if words > MAX_NAME_WORDS {
                    return None;
                }
            }
            (None, Some(c)) if NAME_PUNCT.contains(&c) => {}
            _ => return None,
        }
        i += 1;
    }
    None
}

/// Whether the `words` words before token `i` are a person's name, which may stand before an
/// unmarked date, or after a comma, as a byline does (`Shana Nys Dambrot November 6, 2023`): two to four words
/// whose first is a given name with no other reading (`is_given_name`; `Grace`, `May` are
/// not), so that a title's subject (`Hostages Released March 5, 2015`) stays a title.
fn person_named(l: &Line, i: usize, words: usize) -> bool {
    if !(2..=4).contains(&words) {
        return false;
    }
    let first = (0..i).find_map(|k| l.word(k));
    first.is_some_and(crate::lexicon::gazetteer::is_given_name)
}

/// A machine stamp, read by chrono: RFC 3339 as a word anywhere on the line
/// (`MoritzMeyer 2020-09-18T14:37:41+02:00 September 18th, 2020 | ...`), or RFC 2822 as
/// the whole line (an RSS `pubDate`: `Wed, 26 Feb 2020 16:32:00 +0100`).
pub(super) fn stamp(line: &str) -> Option<Cand> {
    if let Some((ymd, raw)) = rfc3339_in(line) {
        return Some(Cand::new(ymd, raw));
    }
    if line.len() > DATE_LINE_MAX {
        return None;
    }
    rfc2822(line).map(|ymd| Cand::new(ymd, line))
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
            return ends.then(|| Cand::new(h.ymd, &raw));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(c: Cand) -> (String, String) {
        let d = match c.ymd {
            Ok(d) => d.to_string(),
            Err(p) => p.to_string(),
        };
        (d, c.raw)
    }

    fn by(s: &str) -> Option<(String, String)> {
        byline(s).map(shown)
    }

    #[test]
    fn date_headers() {
        let h = |s| keyword_header(s).map(|(c, end)| (shown(c).0, end));
        assert_eq!(h("date 2018-02-05 MOSCOW"), Some(("2018-02-05".into(), 15)));
        assert_eq!(h("Date: 13 April 2017"), Some(("2017-04-13".into(), 19)));
        assert_eq!(h("Dated 13 April 2017"), None);
        assert_eq!(h("date of birth"), None);
    }

    #[test]
    fn names_before_dates() {
        for (s, want, raw) in [
            (
                "By Jane Smith, Reuters | March 5, 2015",
                "2015-03-05",
                "March 5, 2015",
            ),
            (
                "By Malcolm Harris | January 14, 2015",
                "2015-01-14",
                "January 14, 2015",
            ),
            (
                "By: Cora Neas • Posted: Nov 8, 2023",
                "2023-11-08",
                "Nov 8, 2023",
            ),
            (
                "By Associated Press Jun 24, 2020, 3:53pm CDT",
                "2020-06-24",
                "Jun 24, 2020, 3:53pm CDT",
            ),
            (
                "Mark Hicks , The Detroit News Published 7:40 p.m. ET March 17, 2020",
                "2020-03-17",
                "7:40 p.m. ET March 17, 2020",
            ),
            (
                "Jefferson Graham, USA TODAY 3:53 p.m. EST January 25, 2014",
                "2014-01-25",
                "3:53 p.m. EST January 25, 2014",
            ),
            (
                "JAKARTA Tue Dec 30, 2014 9:21am IST",
                "2014-12-30",
                "Dec 30, 2014 9:21am IST",
            ),
            ("Sputnik 28.04.2020", "2020-04-28", "28.04.2020"),
            (
                "CBS News February 24, 2020, 7:57 AM",
                "2020-02-24",
                "February 24, 2020, 7:57 AM",
            ),
            (
                "Fahad Shabbir (@FahadShabbir) 12 minutes ago Wed 29th April 2020 | 03:32 PM",
                "2020-04-29",
                "29th April 2020 | 03:32 PM",
            ),
            (
                "By Steve Matthews and Alex Tanzi 2014-09-30T14:34:55Z",
                "2014-09-30",
                "2014-09-30T14:34:55Z",
            ),
            (
                "TWINS UPDATE --  Posted April 22, 1993",
                "1993-04-22",
                "April 22, 1993",
            ),
            // After `By`, the date may follow `on`, and the name may be a lower-case handle.
            (
                "By Jane Smith on March 3, 2019",
                "2019-03-03",
                "March 3, 2019",
            ),
            (
                "by oz on December 4, 2006",
                "2006-12-04",
                "December 4, 2006",
            ),
            (
                "Posted by admin on March 3, 2019 at 10:30 am",
                "2019-03-03",
                "March 3, 2019 at 10:30 am",
            ),
            (
                "Written by jsmith on 2019-03-03",
                "2019-03-03",
                "2019-03-03",
            ),
            // WordPress `Published by X at <date>`; a slash after the name.
            (
                "Published by BBNTEAM at April 21, 2022",
                "2022-04-21",
                "April 21, 2022",
            ),
            ("by admin at April 21, 2022", "2022-04-21", "April 21, 2022"),
            (
                "By Cat Lafuente/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020 4:17 pm EST",
                "2020-06-12",
                "June 12, 2020 9:49 am EST",
            ),
            (
                "The Frontier Post / March 1, 2020",
                "2020-03-01",
                "March 1, 2020",
            ),
            ("Dawn/March 1, 2020", "2020-03-01", "March 1, 2020"),
            // After `By`, a comma may part the name from a weekday date; a person's name
            // (a given name first) may stand before an unmarked date.
            (
                "By Emilie Gramenz, Wednesday January 2, 2019 - 13:12 EDT",
                "2019-01-02",
                "January 2, 2019 - 13:12 EDT",
            ),
            (
                "Shana Nys Dambrot November 6, 2023",
                "2023-11-06",
                "November 6, 2023",
            ),
            (
                "Mattias Geniar, April 19, 2020",
                "2020-04-19",
                "April 19, 2020",
            ),
            // A bullet parts a breadcrumb from its date; a short label and a bar may stand
            // before `By`.
            (
                "Blog Home AI & Machine Learning • October 18, 2019",
                "2019-10-18",
                "October 18, 2019",
            ),
            (
                "yas! | By Cara Stiles | April 13, 2020",
                "2020-04-13",
                "April 13, 2020",
            ),
        ] {
            assert_eq!(by(s), Some((want.into(), raw.into())), "{s}");
        }
    }

    #[test]
    fn titles_captions_and_columns_are_not_bylines() {
        for s in [
            // A title's date: written in words, no By, no weekday, label or clock.
            "RAPTURE - OCTOBER 28, 1992",
            "NHL PLAYOFF RESULTS FOR GAMES PLAYED 23 APRIL 1993",
            "Remembering The Attack Of September 11, 2001",
            "Remembering The Attack On September 11, 2001",
            "Stocks Fall Since March 5, 2015",
            // No year, or a two-digit one.
            "Coronavirus In Russia: The Latest News | March 2",
            "NHL RESULTS FOR GAMES PLAYED 4-05-93",
            // `PLACE, date` is a dateline (or a caption): not a byline.
            "Moscow, Russia, April 12, 2017",
            "Boston Globe, Wednesday April 21 1993",
            // Columns far apart.
            "For Immediate Release                               April 4, 1993",
            // Lower-case words: a sentence.
            "The report was published on March 3, 2017",
            "By the time of March 5, 2015",
            // A name and a date and then more text.
            "The Guardian 02/10/2020 Anna Fazackerley",
            "© 2019 Reuters",
            "Copyright © March 5, 2019 Reuters",
            // A lower-case name only as one handle before `on`, never a function word; a
            // line read from `on` ends with its date (wrapped sentences).
            "by them on March 5, 1993.",
            "by the Senate on March 5, 1993",
            "by some people on March 5, 1993",
            "by oz December 4, 2006",
            "by oz on December 4, 2006, the day after",
            "Jane Smith on March 3, 2019",
            "by oz on December 4",
            // `at` as `on`: a handle that is no function word, and the line ends with its
            // date.
            "by them at March 5, 1993",
            "Published by BBNTEAM at April 21, 2022, the day after",
            "Jane Smith at April 21, 2022",
            // A slash parts an outlet from a date with a year; a pipe or dash without `By`
            // parts a title from its date (`The Latest News | March 2`).
            "The Frontier Post / March 1",
            "The Frontier Post / 1 March 20",
            "Coronavirus In Russia: The Latest News | March 2, 2021",
            "The Frontier Post - March 1, 2020",
            "the council met / March 1, 2020",
            "The Frontier Post / March 1, 2020 and more",
            "Blog Home • October 18",
            "the council met • March 1, 2020",
            // A bar before a byline only after a short label.
            "A very long headline about the economy today | By Cara Stiles | April 13, 2020",
            // A comma after a name only before a weekday, label or clock, and only after
            // `By`; an unmarked date after a name only when it starts with a given name that
            // has no other reading.
            "By Staff Reporter, March 5, 2015",
            "Staff Reporter, Wednesday March 5, 2015",
            "Paris, Texas, March 5, 2015",
            "Hostages Released March 5, 2015",
            "Grace Under Fire March 5, 2015",
            "Sarah March 5, 2015",
        ] {
            assert_eq!(by(s), None, "{s}");
        }
        // An ambiguous date after a byline stays ambiguous.
        assert_eq!(
            by("By Ron Dicker | 02/11/2023 02:00pm GMT").map(|c| c.0),
            Some("ambiguous date".into())
        );
    }

    #[test]
    fn machine_stamps() {
        let st = |s| stamp(s).map(shown);
        assert_eq!(
            st("Wed, 26 Feb 2020 16:32:00 +0100"),
            Some((
                "2020-02-26".into(),
                "Wed, 26 Feb 2020 16:32:00 +0100".into()
            ))
        );
        assert_eq!(
            st("Posted by admin 2020-09-18T14:37:41+02:00 in News"),
            Some(("2020-09-18".into(), "2020-09-18T14:37:41+02:00".into()))
        );
        // A mail header is not an RSS stamp (quoted and forwarded mail in posts).
        assert_eq!(st("Date: Mon, 15 Feb 1993 18:35:05 -0500"), None);
        assert_eq!(st("Wed, 26 Feb 2020"), None);
    }

    #[test]
    fn datelines() {
        let dl = |s| dateline(s).map(shown);
        assert_eq!(
            dl("SALVADOR, Feb 26 - Showers"),
            Some(("no year".into(), "Feb 26".into()))
        );
        assert_eq!(
            dl("WASHINGTON, March 2, 1987 - The Treasury"),
            Some(("1987-03-02".into(), "March 2, 1987".into()))
        );
        assert_eq!(
            dl("MOSCOW, October 23. /TASS/. Text"),
            Some(("no year".into(), "October 23".into()))
        );
        assert_eq!(dl("Moscow, Russia, April 12, 2017"), None);
        assert_eq!(dl("March 2, 1987 - Text"), None);
    }
}
