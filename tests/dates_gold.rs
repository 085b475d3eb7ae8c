//! The date finder against gold sets of real news-page header blocks (tests/data/dates, see
//! its READMEs): 286 samples in seven files, all development data now, scored as one figure.
//! Each file was scored once as held-out when the rules of its time were final, then read and
//! tuned on; the held-out figures, in order: 18 of 23, 37 of 49 (75.5%), 45 of 50 (90.0%), 37
//! of 44 (84.1%), 30 of 34 (88.2%), 33 of 39 (84.6%, set 6, 2026-12-02).
//!
//! - `header_lines_dev.tsv` (47) and `header_lines_heldout.tsv` (23) were written before the
//!   date rules changed. The rules were first tuned on the first (46 of 47 right); the second
//!   was scored once after that (18 of 23), then looked at and tuned on too. Issue 14, item 4
//!   brought the two from 64 to 67 of 70, none invented.
//! - `header_lines_heldout2.tsv` (49 blocks from 49 outlets, collected by someone who saw
//!   neither the rules nor the first sets; README_heldout2.md) was scored once as held-out
//!   when the rules of issue 14 were final: 37 of 49 right (75.5%), none invented. Its errors
//!   were read after that, and it became development data: the third round of rules (zones
//!   known by their shape after a clock, `MYT`, `SAST`; `Outlet / March 1, 2020`; `By
//!   Name/June 12, 2020`; `Published by X at <date>`; `<date> by <name>`; a creation date
//!   after an update time; a weekday settling an ambiguous numeric date) brought it to 45 of
//!   49, none invented, and the other two files stayed at 67 of 70.
//!
//! - `header_lines_heldout3.tsv` (50 blocks from 50 outlets, README_heldout3.md) was scored
//!   once as held-out when that round was final: 45 of 50 right (90.0%), none invented. Its
//!   errors were then read and it became development data: a bullet parting a breadcrumb from
//!   its date, a short label and a bar before `By`, view counters after a time stamp brought
//!   it to 48 of 50.
//!
//! - `header_lines_heldout4.tsv` (44 blocks from 44 outlets, README_heldout4.md) was scored
//!   once as held-out: 37 of 44 right (84.1%), none invented; then `@` between a date and its
//!   clock brought it to 39 of 44. Its other misses stay: a rubric word before a date
//!   (`conservatism May 16, 2020`), a name run into an unmarked date (`Shana Nys Dambrot
//!   November 6, 2023`, once unglued), a date before a name and categories, a two-digit
//!   year (`04/19/13`).
//!
//!   The glued month (`6:03 pmNovember 8, 2023`) gets its space back: 40 of 44.
//!
//! - `header_lines_heldout5.tsv` (34 blocks from 34 outlets, README_heldout5.md) was scored
//!   once: 30 of 34 right (88.2%), 3 wrong, 1 invented. Then a date labelled as the
//!   publication's came to beat an unlabelled one (a site's "today" line above the title,
//!   `May 11, 2022`, loses to `Published On May 10, 2022`), a date line may end with button
//!   labels (`May 28 2024 Share`), and after `By` a comma may part the name from a weekday
//!   date: 33 of 34. Its invented date stays (below).
//!
//! - `header_lines_heldout6.tsv` (39 blocks from 39 outlets, README_heldout6.md, from the test
//!   pages of mozilla/readability and postlight/parser and stored pages) was scored once on
//!   those rules: 33 of 39 right (84.6%), 5 wrong, 1 invented. Then a person's name (a given
//!   name first) may stand before an unmarked date or a comma and a date (`Shana Nys Dambrot
//!   November 6, 2023`, `Mattias Geniar, April 19, 2020`), and glued words get their space
//!   back (`ByTravis Haney`, `2020Last updated`): 35 of 39.
//!
//! Development figure: 269 of 286 right (94.1%), 15 wrong, 2 invented. The two invented are
//! one class, a site's "today" line above the title (hd-h5-20 Lusaka Times `Friday, July 19,
//! 2024`, hd-h6-32 Pak Sahafat `Friday, September 20, 2024`): the lines alone look like a
//! dated header (a Blogger post prints its own date the same way, hd-h5-25), so telling
//! them apart needs the corpus (the same line over a whole site's pages), not the lines.
//! Other misses, left as they are: a rubric word or role run into an unmarked date
//! (`conservatism May 16, 2020`, `Online News Editor June 11, 2020`), a lower-case handle
//! and a dash before a date with a tail (`editor — March 11, 2020 add comment`), a date, a
//! name and categories on one line (`October 26, 2020 AJ Taylor Audio, Local News, ...`), a
//! show's title with its date (`Marketplace Tech for Friday, April 19, 2013`), several
//! handles before `on` (`Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all
//! posts`), two dates glued (`December 10, 2021April 9, 2019 by Luke Koppa`, the second the
//! post's), a date line over 100 bytes (`Published February 24, 2020 Last
//! updated ... This article is more than 2 years old.`), and those of the first files:
//! - hd-dev-26 MSN UK `The Guardian 02/10/2020 Anna Fazackerley`: day first only by the
//!   page's locale (`/en-gb/` in its address), which the text does not show; the outlet named
//!   is the story's, not the printing page's, and says nothing of the order;
//! - hd-held-09 AP `By PHILLIP RAWLS 10/ 5/11 09:19 PM ET`: a two-digit year is no year, and
//!   a US zone is a clock's, not evidence of month-first order;
//! - hd-held-15 RT `Aug 13, 2o22`: a letter o for a zero; reading typos as digits would
//!   invent dates;
//! - hd-h2-04 Daily Herald/AP `Updated 11/8/2023 10:46 PM`: ambiguous (8 November or 11
//!   August); the weekday that settles it (`Wednesday`) is in the story's first sentence, and
//!   a story is not the date's line;
//! - hd-h2-27 Daily Beast `12.16.14`, hd-h2-29 Gizmodo `8/17/13 11:04am`, hd-h2-30 HuffPost
//!   `First Posted: 08-13-10 05:18 PM`: a two-digit year is no year (the raw is kept, the
//!   problem is "no year").
//!
//! Each sample's text goes through `find_date`; the result is *right* (the expected date, or
//! nothing where nothing is expected), *wrong* (another date, or nothing where a date is
//! expected) or *invented* (a date where the header shows none). An invented date is the worst
//! outcome: it puts an article in the wrong period without any sign that it is a guess.

use newsreport::meta::dates::find_date;

const DEV: &str = include_str!("data/dates/header_lines_dev.tsv");
const HELDOUT: &str = include_str!("data/dates/header_lines_heldout.tsv");
const HELDOUT2: &str = include_str!("data/dates/header_lines_heldout2.tsv");

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

/// The seven files as one development figure, each file's score printed too. The figure is
/// a floor: a change that loses one of the 269 fails here, and one more invented date fails.
#[test]
fn gold_dates_development() {
    let files = [
        ("dev", DEV, 47),
        ("held-out (now development)", HELDOUT, 23),
        ("held-out 2 (now development)", HELDOUT2, 49),
        ("held-out 3 (now development)", HELDOUT3, 50),
        ("held-out 4 (now development)", HELDOUT4, 44),
        ("held-out 5 (now development)", HELDOUT5, 34),
        ("held-out 6 (now development)", HELDOUT6, 39),
    ];
    let mut all = Score::default();
    for (name, tsv, rows) in files {
        let s = score(name, tsv);
        assert_eq!(s.total(), rows, "{name} rows");
        all.right += s.right;
        all.wrong += s.wrong;
        all.invented += s.invented;
        all.errors.extend(s.errors);
    }
    println!(
        "development, all seven files: {} samples, {} right ({:.1}%), {} wrong, {} invented",
        all.total(),
        all.right,
        100.0 * all.right as f64 / all.total().max(1) as f64,
        all.wrong,
        all.invented
    );
    assert!(
        all.invented <= DEVELOPMENT_INVENTED,
        "invented dates: {:?}",
        all.errors
    );
    assert!(
        all.right >= DEVELOPMENT_RIGHT,
        "below {DEVELOPMENT_RIGHT} of 286 right: {:?}",
        all.errors
    );
}

const DEVELOPMENT_RIGHT: usize = 269;
/// The two "today" lines above a title (module doc): a defect to fix, not a tolerance.
const DEVELOPMENT_INVENTED: usize = 2;

const HELDOUT3: &str = include_str!("data/dates/header_lines_heldout3.tsv");

const HELDOUT4: &str = include_str!("data/dates/header_lines_heldout4.tsv");

const HELDOUT5: &str = include_str!("data/dates/header_lines_heldout5.tsv");

const HELDOUT6: &str = include_str!("data/dates/header_lines_heldout6.tsv");
