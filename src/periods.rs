//! Periods of time: days, ISO weeks, months, quarters and years, their labels and arithmetic.
//!
//! Owns how a date falls into a period, how periods are labelled (`2019-12-11`, `2019-W50`,
//! `2019-12`, `2019-Q4`, `2019`), the zero-filled run of periods from the first date of a corpus
//! to the last, and which periods are partial (the corpus covers clearly less than the whole).
//! Pure date arithmetic: no I/O, never fails.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::meta::{Precision, PubDate};

/// A length of period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    Day,
    /// ISO 8601 week: Monday to Sunday, numbered in the ISO week-year.
    Week,
    Month,
    Quarter,
    Year,
}

/// The most periods the automatic choice accepts before trying a coarser period.
pub const READABLE_PERIODS: usize = 40;

impl Period {
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// The first day of the period holding `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        let first_of_month = |m: u32| NaiveDate::from_ymd_opt(date.year(), m, 1).unwrap_or(date);
        match self {
            Period::Day => date,
            Period::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            Period::Month => first_of_month(date.month()),
            Period::Quarter => first_of_month((date.month0() / 3) * 3 + 1),
            Period::Year => first_of_month(1),
        }
    }

    /// The first day of the period after the one starting on `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let later = match self {
            Period::Day => start.checked_add_days(Days::new(1)),
            Period::Week => start.checked_add_days(Days::new(7)),
            Period::Month => start.checked_add_months(Months::new(1)),
            Period::Quarter => start.checked_add_months(Months::new(3)),
            Period::Year => start.checked_add_months(Months::new(12)),
        };
        // Only at the end of chrono's calendar (year 262143) is there no next period.
        later.unwrap_or(NaiveDate::MAX)
    }

    /// The ISO label of the period starting on `start`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Day => start.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let w = start.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Period::Month => format!("{:04}-{:02}", start.year(), start.month()),
            Period::Quarter => format!("{:04}-Q{}", start.year(), start.month0() / 3 + 1),
            Period::Year => format!("{:04}", start.year()),
        }
    }

    /// How many periods after the one holding `from` the one holding `date` is.
    pub fn steps(self, from: NaiveDate, date: NaiveDate) -> i64 {
        let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        match self {
            Period::Day => (date - from).num_days(),
            Period::Week => (self.start_of(date) - self.start_of(from)).num_days() / 7,
            Period::Month => months(date) - months(from),
            Period::Quarter => months(date) / 3 - months(from) / 3,
            Period::Year => i64::from(date.year()) - i64::from(from.year()),
        }
    }

    /// The finest of month, quarter and year that gives at most [`READABLE_PERIODS`] periods
    /// from `first` to `last`.
    pub fn readable(first: NaiveDate, last: NaiveDate) -> Period {
        [Period::Month, Period::Quarter]
            .into_iter()
            .find(|p| p.steps(first, last) < READABLE_PERIODS as i64)
            .unwrap_or(Period::Year)
    }

    /// Whether a date known to `precision` falls in one period of this length: a day is in
    /// every period, a month in months, quarters and years, a year only in years.
    pub fn holds(self, precision: Precision) -> bool {
        match precision {
            Precision::Day => true,
            Precision::Month => self >= Period::Month,
            Precision::Year => self == Period::Year,
        }
    }

    /// The finest period that holds more than half of `dates` (any period when most are whole
    /// days): the automatic choice never leaves most of a corpus out.
    pub fn finest_for<'a>(dates: impl Iterator<Item = &'a PubDate>) -> Period {
        let mut by_precision = [0usize; 3];
        for d in dates {
            by_precision[d.precision as usize] += 1;
        }
        let total: usize = by_precision.iter().sum();
        if by_precision[Precision::Year as usize] * 2 > total {
            Period::Year
        } else if by_precision[Precision::Day as usize] * 2 >= total {
            Period::Day
        } else {
            Period::Month
        }
    }
}

/// One period of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub label: String,
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
    /// The corpus covers clearly less of this period than the whole (under
    /// [`COVERED_SHARE`] of its days), so its counts are not comparable with whole periods.
    pub partial: bool,
}

/// A period is partial when the corpus covers less than this share of its days: a corpus
/// that starts on 2 January covers its first year, one that starts in March does not.
pub const COVERED_SHARE: f64 = 0.9;

/// Every period from the one holding `first` to the one holding `last` (`first <= last`),
/// with those the corpus covers clearly less of flagged partial (see [`COVERED_SHARE`]).
pub fn spans(period: Period, first: NaiveDate, last: NaiveDate) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = period.start_of(first);
    while start <= last {
        let next = period.next(start);
        let end = next.pred_opt().unwrap_or(next);
        let days = (end - start).num_days() + 1;
        let covered = (end.min(last) - start.max(first)).num_days() + 1;
        out.push(Span {
            label: period.label(start),
            start,
            end,
            partial: (covered as f64) < COVERED_SHARE * days as f64,
        });
        if next == NaiveDate::MAX {
            break;
        }
        start = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn check(period: Period, date: &str, label: &str, start: &str) {
        let s = period.start_of(d(date));
        assert_eq!(period.label(s), label, "{date} as {}", period.name());
        assert_eq!(s, d(start), "start of {date} as {}", period.name());
    }

    #[test]
    fn iso_weeks_at_year_boundaries() {
        // 2020 has 53 ISO weeks: Thursday 2020-12-31 is in W53, and so are Fri 2021-01-01
        // to Sun 2021-01-03; Monday 2021-01-04 starts 2021-W01.
        check(Period::Week, "2020-12-31", "2020-W53", "2020-12-28");
        check(Period::Week, "2021-01-03", "2020-W53", "2020-12-28");
        check(Period::Week, "2021-01-04", "2021-W01", "2021-01-04");
        // Monday 2019-12-30 is already 2020-W01 (the week holding 2020's first Thursday).
        check(Period::Week, "2019-12-30", "2020-W01", "2019-12-30");
        check(Period::Week, "2019-12-11", "2019-W50", "2019-12-09");
    }

    #[test]
    fn days_months_quarters_years() {
        check(Period::Day, "2019-12-11", "2019-12-11", "2019-12-11");
        check(Period::Month, "2019-12-11", "2019-12", "2019-12-01");
        check(Period::Quarter, "2019-12-11", "2019-Q4", "2019-10-01");
        check(Period::Quarter, "2019-03-31", "2019-Q1", "2019-01-01");
        check(Period::Quarter, "2019-04-01", "2019-Q2", "2019-04-01");
        check(Period::Year, "2019-12-11", "2019", "2019-01-01");
    }

    #[test]
    fn zero_filled_run_with_partial_ends() {
        // 2019-11-15 .. 2020-02-29: Q4 starts before the corpus (partial), Q1 2020 ends after
        // it (partial); months in between are whole.
        let q = spans(Period::Quarter, d("2019-11-15"), d("2020-02-29"));
        let got: Vec<(&str, NaiveDate, NaiveDate, bool)> = q
            .iter()
            .map(|s| (s.label.as_str(), s.start, s.end, s.partial))
            .collect();
        assert_eq!(
            got,
            [
                ("2019-Q4", d("2019-10-01"), d("2019-12-31"), true),
                ("2020-Q1", d("2020-01-01"), d("2020-03-31"), true),
            ]
        );
        let m = spans(Period::Month, d("2019-11-01"), d("2020-02-29"));
        let labels: Vec<(&str, bool)> = m.iter().map(|s| (s.label.as_str(), s.partial)).collect();
        // Starts on the 1st and ends on 29 February (leap year): no partial month.
        assert_eq!(
            labels,
            [
                ("2019-11", false),
                ("2019-12", false),
                ("2020-01", false),
                ("2020-02", false)
            ]
        );
        // A corpus from 2 January to 30 December covers its year; from March it does not.
        let y = spans(Period::Year, d("2019-01-02"), d("2019-12-30"));
        assert!(!y[0].partial);
        let y = spans(Period::Year, d("2019-03-01"), d("2020-12-31"));
        assert!(y[0].partial && !y[1].partial);
        let w = spans(Period::Week, d("2020-12-30"), d("2021-01-05"));
        let labels: Vec<(&str, bool)> = w.iter().map(|s| (s.label.as_str(), s.partial)).collect();
        assert_eq!(labels, [("2020-W53", true), ("2021-W01", true)]);
    }

    #[test]
    fn steps_count_periods() {
        assert_eq!(Period::Month.steps(d("2019-12-31"), d("2020-01-01")), 1);
        assert_eq!(Period::Quarter.steps(d("2019-12-31"), d("2021-01-01")), 5);
        assert_eq!(Period::Week.steps(d("2020-12-28"), d("2021-01-04")), 1);
        assert_eq!(Period::Week.steps(d("2021-01-03"), d("2021-01-04")), 1);
        assert_eq!(Period::Day.steps(d("2020-02-28"), d("2020-03-01")), 2);
        assert_eq!(Period::Year.steps(d("1995-06-01"), d("2014-12-31")), 19);
    }

    #[test]
    fn precision_sets_the_finest_period() {
        let day = PubDate::day(d("2019-01-05"));
        let month = crate::meta::pubdate::parse_given("2019-01").expect("month");
        let year = crate::meta::pubdate::parse_given("2019").expect("year");
        assert!(Period::Week.holds(day.precision) && !Period::Week.holds(month.precision));
        assert!(Period::Quarter.holds(month.precision) && !Period::Quarter.holds(year.precision));
        assert!(Period::Year.holds(year.precision));
        assert_eq!(Period::finest_for([day, day, year].iter()), Period::Day);
        assert_eq!(Period::finest_for([day, month, year].iter()), Period::Month);
        assert_eq!(Period::finest_for([day, year, year].iter()), Period::Year);
    }

    #[test]
    fn readable_choice() {
        // 40 months fit (steps 39); 41 do not, but 14 quarters do; 20 years need years.
        assert_eq!(
            Period::readable(d("2019-01-05"), d("2022-04-02")),
            Period::Month
        );
        assert_eq!(
            Period::readable(d("2019-01-05"), d("2022-05-02")),
            Period::Quarter
        );
        assert_eq!(
            Period::readable(d("1995-01-02"), d("2014-12-31")),
            Period::Year
        );
    }
}
