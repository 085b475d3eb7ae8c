//! The date finder against a gold set of real news-page header blocks (tests/data/dates, see
//! its README): 70 samples written before the date rules changed, split into a development
//! file (rules were tuned on it) and a held-out file (scored once, after the rules were final).
//!
//! Rules were tuned on dev to 46 of 47 right, 0 invented (hd-dev-26, `The Guardian
//! 02/10/2020`, stays empty: only the outlet says day first); held-out scored 18 of 23.
//!
//! Each sample's text goes through `find_date`; the result is *right* (the expected date, or
//! nothing where nothing is expected), *wrong* (another date, or nothing where a date is
//! expected) or *invented* (a date where the header shows none). An invented date is the worst
//! outcome: it puts an article in the wrong period without any sign that it is a guess.

use newsreport::meta::dates::find_date;

const DEV: &str = include_str!("data/dates/header_lines_dev.tsv");
const HELDOUT: &str = include_str!("data/dates/header_lines_heldout.tsv");

/// One gold row: id, expected date ("" for none), text with real line breaks.
struct Sample {
    id: String,
    expected: String,
    text: String,
}

/// `\n` is a line break and `\\` a backslash (README, "Format").
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn samples(tsv: &str) -> Vec<Sample> {
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("id\toutlet\tform\texpected\ttext\tsource"),
        "gold header"
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "six fields: {l}");
            Sample {
                id: f[0].to_string(),
                expected: f[3].to_string(),
                text: unescape(f[4]),
            }
        })
        .collect()
}

#[derive(Debug, Default)]
struct Score {
    right: usize,
    wrong: usize,
    invented: usize,
    errors: Vec<String>,
}

impl Score {
    fn total(&self) -> usize {
        self.right + self.wrong + self.invented
    }
}

fn score(name: &str, tsv: &str) -> Score {
    let mut s = Score::default();
    // GOLD_VERBOSE=1 lists how every sample was read, right or not.
    let verbose = std::env::var_os("GOLD_VERBOSE").is_some();
    for sample in samples(tsv) {
        let found = find_date(&sample.text);
        let got = found.date.map(|d| d.to_string()).unwrap_or_default();
        if verbose {
            println!(
                "  {} {:?} from {} raw {:?} {:?}",
                sample.id,
                got,
                found.from.as_str(),
                found.raw,
                found.problem
            );
        }
        if got == sample.expected {
            s.right += 1;
            continue;
        }
        if sample.expected.is_empty() {
            s.invented += 1;
        } else {
            s.wrong += 1;
        }
        s.errors.push(format!(
            "{}: expected {:?}, found {:?} (raw {:?}, from {}, problem {:?})",
            sample.id,
            sample.expected,
            got,
            found.raw,
            found.from.as_str(),
            found.problem
        ));
    }
    println!(
        "{name}: {} samples, {} right ({:.1}%), {} wrong, {} invented",
        s.total(),
        s.right,
        100.0 * s.right as f64 / s.total().max(1) as f64,
        s.wrong,
        s.invented
    );
    for e in &s.errors {
        println!("  {e}");
    }
    s
}

#[test]
fn gold_dates_dev() {
    let s = score("dev", DEV);
    assert_eq!(s.total(), 47, "dev rows");
    assert_eq!(s.invented, 0, "invented dates: {:?}", s.errors);
    assert!(
        s.right * 100 >= s.total() * 95,
        "dev below 95% right: {:?}",
        s.errors
    );
}

/// Scored once, after the rules were final (commit 0ecf080): 18 of 23 right (78.3%, below
/// the 95% reached on dev), 5 wrong, 0 invented. The misses, left as they are:
/// - hd-held-06 Sputnik `22:57 GMT 28.04.2020(updated 11:14 GMT 29.04.2020) Get short URL`:
///   `(updated` is glued to the date and `Get short URL` follows without a separator;
/// - hd-held-08 KBS `Written: 2023-11-07 15:03:30 / Updated: ...`: `Written` is no label;
/// - hd-held-09 AP `By PHILLIP RAWLS 10/ 5/11 09:19 PM ET`: a spaced numeric date with a
///   two-digit year, which our rules read as no year (never guessed);
/// - hd-held-10 WordPress `by oz on December 4, 2006`: a lower-case name, then `on`;
/// - hd-held-15 RT `By Evgeny Norin, Published on RT, Aug 13, 2o22: ...`: the year is typed
///   with a letter o.
///
/// The figure is a floor: a change that loses one of these 18 fails here.
#[test]
fn gold_dates_heldout() {
    let s = score("held-out", HELDOUT);
    assert_eq!(s.total(), 23, "held-out rows");
    assert_eq!(s.invented, 0, "invented dates: {:?}", s.errors);
    assert!(
        s.right >= 18,
        "held-out below 18 of 23 right: {:?}",
        s.errors
    );
}
