//! A publication date and how precisely it is known: a day, a month or only a year.
//!
//! Dates found in an article's text are always whole days ([`super::dates`]); a date the user
//! gives (a `--metadata` sheet, a table column) may be a year (`1946`) or a month
//! (`1946-10`), as archives such as the UN General Debate corpus record them. A date keeps
//! its precision everywhere: it is written as it is known (`1946`, never `1946-01-01`) and
//! counts only in periods at least as long (a year-only date is in `1946` but in no month).
//! Pure: no I/O, never fails.

use chrono::{Datelike, NaiveDate};

use super::dates;

/// How precisely a publication date is known. Ordered from finest to coarsest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Precision {
    #[default]
    Day,
    Month,
    Year,
}

impl Precision {
    /// `day`, `month` or `year`: the `date_precision` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A publication date: the first day of the span it names, and the span's length.
/// Ordered by that first day, then finer before coarser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PubDate {
    pub start: NaiveDate,
    pub precision: Precision,
}

impl PubDate {
    /// A whole day.
    pub fn day(d: NaiveDate) -> Self {
        Self {
            start: d,
            precision: Precision::Day,
        }
    }

    /// The date as two numbers, for a cluster's rows: its first day (days from 1 January of
    /// year 1) and its precision (0 day, 1 month, 2 year). [`PubDate::from_parts`] undoes it.
    pub fn to_parts(self) -> (i32, u8) {
        (self.start.num_days_from_ce(), self.precision as u8)
    }

    /// The date [`PubDate::to_parts`] gave these numbers for; None for numbers it never gives.
    pub fn from_parts(days: i32, precision: u8) -> Option<PubDate> {
        let precision = match precision {
            0 => Precision::Day,
            1 => Precision::Month,
            2 => Precision::Year,
            _ => return None,
        };
        Some(PubDate {
            start: NaiveDate::from_num_days_from_ce_opt(days)?,
            precision,
        })
    }

    /// The day, when the date is known to the day.
    pub fn as_day(self) -> Option<NaiveDate> {
        (self.precision == Precision::Day).then_some(self.start)
    }

    /// The (year, month), when the date is known at least to the month.
    pub fn month(self) -> Option<(i32, u32)> {
        (self.precision <= Precision::Month).then(|| (self.start.year(), self.start.month()))
    }

    /// The last day of the span the date names.
    pub fn end(self) -> NaiveDate {
        let next = match self.precision {
            Precision::Day => return self.start,
            Precision::Month => self.start.checked_add_months(chrono::Months::new(1)),
            Precision::Year => self.start.checked_add_months(chrono::Months::new(12)),
        };
        next.and_then(|n| n.pred_opt()).unwrap_or(self.start)
    }
}

impl std::fmt::Display for PubDate {
    /// As precisely as it is known: `2019-12-11`, `2019-12`, `2019`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.start;
        match self.precision {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Precision::Month => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Precision::Year => write!(f, "{:04}", d.year()),
        }
    }
}

/// Parses a date the user gives: `YYYY`, `YYYY-MM` (or `YYYY/MM`), or any whole date that
/// [`dates::parse_date`] reads. A number alone is a year only with four digits in
/// 1800..=2100, so a count or an id never passes for one. Errors as [`dates::parse_date`].
pub fn parse_given(s: &str) -> Result<PubDate, &'static str> {
    let s = s.trim();
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let year = |t: &str| {
        (t.len() == 4 && digits(t))
            .then(|| t.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1800..=2100).contains(y))
    };
    if let Some(y) = year(s) {
        return NaiveDate::from_ymd_opt(y, 1, 1)
            .map(|start| PubDate {
                start,
                precision: Precision::Year,
            })
            .ok_or("impossible date");
    }
    if let Some((y, m)) = s.split_once(['-', '/'])
        && let Some(y) = year(y)
        && (1..=2).contains(&m.len())
        && digits(m)
    {
        let m: u32 = m.parse().map_err(|_| "not a date")?;
        return NaiveDate::from_ymd_opt(y, m, 1)
            .map(|start| PubDate {
                start,
                precision: Precision::Month,
            })
            .ok_or("impossible date");
    }
    dates::parse_date(s).map(PubDate::day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &str, expected: Result<&str, &str>, precision: Option<Precision>) {
        let got = parse_given(s);
        assert_eq!(
            got.map(|d| d.to_string()),
            expected.map(String::from),
            "{s:?}"
        );
        assert_eq!(got.ok().map(|d| d.precision), precision, "{s:?}");
    }

    #[test]
    fn years_months_and_days_keep_their_precision() {
        check("1946", Ok("1946"), Some(Precision::Year));
        check(" 2024 ", Ok("2024"), Some(Precision::Year));
        check("2019-12", Ok("2019-12"), Some(Precision::Month));
        check("2019/3", Ok("2019-03"), Some(Precision::Month));
        check("2019-12-11", Ok("2019-12-11"), Some(Precision::Day));
        check("11 December 2019", Ok("2019-12-11"), Some(Precision::Day));
    }

    #[test]
    fn numbers_that_are_no_year_are_refused() {
        check("1066", Err("not a date"), None);
        check("19460", Err("not a date"), None);
        check("2019-13", Err("impossible date"), None);
        check("31.02.2019", Err("impossible date"), None);
    }

    #[test]
    fn spans_end_on_their_last_day_and_order_by_start() {
        let y = parse_given("2020").expect("year");
        let m = parse_given("2020-02").expect("month");
        let d = parse_given("2020-01-01").expect("day");
        assert_eq!(
            y.end(),
            NaiveDate::from_ymd_opt(2020, 12, 31).expect("date")
        );
        assert_eq!(m.end(), NaiveDate::from_ymd_opt(2020, 2, 29).expect("date"));
        assert_eq!(d.end(), d.start);
        assert!(d < y && y < m);
        assert_eq!((y.month(), m.month()), (None, Some((2020, 2))));
        assert_eq!((y.as_day(), d.as_day()), (None, Some(d.start)));
    }

    #[test]
    fn parts_give_the_date_back() {
        for given in ["2020-02-29", "2020-02", "1999"] {
            let d = parse_given(given).expect("date");
            assert_eq!(PubDate::from_parts(d.to_parts().0, d.to_parts().1), Some(d));
        }
        // 1 January of year 1 is day 1; 2020-02-01 is 737,456 days on; March 2020 is 29 days later.
        let feb = parse_given("2020-02").expect("date");
        assert_eq!(feb.to_parts(), (737_456, 1));
        assert_eq!(
            parse_given("2020-03-01").expect("date").to_parts(),
            (737_485, 0)
        );
        assert_eq!(PubDate::from_parts(1, 3), None);
        assert_eq!(PubDate::from_parts(i32::MAX, 0), None);
    }
}
