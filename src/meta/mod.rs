//! Stage 2: know each article — metadata and cleaning, before any word is counted.
//!
//! Owns what is *about* an article rather than in it: publication date ([`dates`]), title and
//! source ([`headline`]), page furniture that is not news ([`boilerplate`]), and copies of the
//! same story ([`duplicates`]). [`describe`] combines them for one article; it does no I/O and
//! never fails. A run keeps each article's [`Meta`] to the end, its strings on disk from the
//! second pass ([`Meta::spool_words`]; [`Meta::words`] reads them back).

pub mod boilerplate;
pub mod dates;
pub mod duplicates;
pub mod headline;
pub mod pubdate;

use std::borrow::Cow;
use std::sync::Arc;

use crate::packed::Packed;
use crate::spool::{Spool, Stored};
use boilerplate::RecurringLines;
use dates::DateFrom;
pub use pubdate::{Precision, PubDate};

/// Metadata supplied from outside the text: table columns or the user's `--metadata` file.
/// Wins over what is found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Given {
    pub date: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub section: Option<String>,
    pub byline: Option<String>,
    /// Any other column of the user's metadata (`country_code`, `session`), by name.
    pub attributes: Vec<(Arc<str>, String)>,
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateOrigin {
    Found(DateFrom),
    Metadata,
}

impl DateOrigin {
    /// `header`, `byline`, `timestamp`, `dateline`, `metadata` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrigin::Found(f) => f.as_str(),
            DateOrigin::Metadata => "metadata",
        }
    }
}

/// What is known about one article.
#[derive(Clone, PartialEq, Eq)]
pub struct Meta {
    /// The publication date, only when complete and valid (a user's date may be a month or
    /// a year).
    pub date: Option<PubDate>,
    pub date_from: DateOrigin,
    /// Why `date` is empty although something was seen ("no year", "impossible date", ...).
    pub date_problem: Option<&'static str>,
    /// The user's other metadata columns, by name.
    pub attributes: Box<[(Arc<str>, String)]>,
    /// Lines removed as boilerplate.
    pub boilerplate_lines: u32,
    /// The date as written, title, source, section, byline and lead: one allocation an
    /// article instead of six (every article's metadata is kept until the tables are
    /// written), or on disk.
    words: Words,
    /// Which of title, source, section and byline are known: bit 0 for the title.
    known: u8,
}

/// An article's metadata as text, to make a [`Meta`].
#[derive(Debug, Clone, Copy, Default)]
pub struct MetaText<'a> {
    /// The date as written ("" when none was seen).
    pub date_raw: &'a str,
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
    pub section: Option<&'a str>,
    pub byline: Option<&'a str>,
    /// The first words of the cleaned text, to name an article that has no title.
    pub lead: &'a str,
}

impl Meta {
    pub fn new(
        date: Option<PubDate>,
        date_from: DateOrigin,
        date_problem: Option<&'static str>,
        text: MetaText<'_>,
        attributes: Vec<(Arc<str>, String)>,
        boilerplate_lines: usize,
    ) -> Meta {
        let optional = [text.title, text.source, text.section, text.byline];
        let known =
            (optional.iter().enumerate()).fold(0u8, |k, (i, o)| k | (u8::from(o.is_some()) << i));
        let [t, so, se, b] = optional.map(Option::unwrap_or_default);
        Meta {
            date,
            date_from,
            date_problem,
            attributes: attributes.into_boxed_slice(),
            // Past 4 billion lines no count is read anyway.
            boilerplate_lines: u32::try_from(boilerplate_lines).unwrap_or(u32::MAX),
            words: Words::Here(Box::new(Packed::new([
                text.date_raw,
                t,
                so,
                se,
                b,
                text.lead,
            ]))),
            known,
        }
    }

    /// The strings: the date as written, title, source, section, byline and lead; read from
    /// disk when they wait there.
    pub fn words(&self) -> MetaWords<'_> {
        let words = match &self.words {
            Words::Here(p) => Cow::Borrowed(&**p),
            // Bytes that cannot be read back give empty strings; the spool keeps why, and
            // the run publishes nothing.
            Words::Spooled(stored) => Cow::Owned(
                (stored.with(Packed::from_bytes)).unwrap_or_else(|| Packed::new([""; 6])),
            ),
        };
        MetaWords {
            words,
            known: self.known,
        }
    }

    /// Writes the strings to `spool` and lets them go: they are read from there once the
    /// spool is sealed (as empty strings before). Nothing is written if they are already
    /// gone.
    pub fn spool_words(&mut self, spool: &Spool) {
        if let Words::Here(p) = &self.words {
            self.words = Words::Spooled(spool.stored(&p.to_bytes()));
        }
    }
}

/// Where an article's strings are: here, or on disk from the end of the second pass (read by
/// the documents table and a few charts and groups; kept in memory for every article, their
/// text alone was 22 MB of the 4x corpus', and the 16x peak fell by 123 MiB without them).
#[derive(Clone)]
enum Words {
    /// Boxed: in a run the strings go to disk, and what stays in every article's record is
    /// the size of the larger variant.
    Here(Box<Packed<6>>),
    Spooled(Stored),
}

/// The same strings, wherever they are.
impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        let load = |w: &Words| match w {
            Words::Here(p) => Some((**p).clone()),
            Words::Spooled(stored) => stored.with(Packed::<6>::from_bytes),
        };
        match (self, other) {
            (Words::Here(a), Words::Here(b)) => a == b,
            _ => load(self) == load(other),
        }
    }
}

impl Eq for Words {}

/// An article's strings, read ([`Meta::words`]).
pub struct MetaWords<'a> {
    words: Cow<'a, Packed<6>>,
    known: u8,
}

impl MetaWords<'_> {
    /// The `i`th of title, source, section and byline, when known.
    fn optional(&self, i: usize) -> Option<&str> {
        (self.known & (1 << i) != 0).then(|| self.words.get(i + 1))
    }

    /// The date as written ("" when none was seen).
    pub fn date_raw(&self) -> &str {
        self.words.get(0)
    }

    pub fn title(&self) -> Option<&str> {
        self.optional(0)
    }

    pub fn source(&self) -> Option<&str> {
        self.optional(1)
    }

    pub fn section(&self) -> Option<&str> {
        self.optional(2)
    }

    pub fn byline(&self) -> Option<&str> {
        self.optional(3)
    }

    /// The first words of the cleaned text, to name an article that has no title.
    pub fn lead(&self) -> &str {
        self.words.get(5)
    }
}

impl std::fmt::Debug for Meta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let w = self.words();
        f.debug_struct("Meta")
            .field("date", &self.date)
            .field("date_raw", &w.date_raw())
            .field("date_from", &self.date_from)
            .field("date_problem", &self.date_problem)
            .field("title", &w.title())
            .field("source", &w.source())
            .field("section", &w.section())
            .field("byline", &w.byline())
            .field("attributes", &self.attributes)
            .field("lead", &w.lead())
            .field("boilerplate_lines", &self.boilerplate_lines)
            .finish()
    }
}

/// An article's metadata and the text to analyse (boilerplate and the date header removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    pub meta: Meta,
    pub body: String,
    /// The lines removed as furniture, and why (for `boilerplate.csv`).
    pub removed: Vec<(boilerplate::Removal, String)>,
}

/// Reads an article's metadata and cleans its text. `recurring` is `None` with
/// `--keep-boilerplate`; pass [`RecurringLines::none`] to remove known patterns only.
pub fn describe(text: &str, given: &Given, recurring: Option<&RecurringLines>) -> Described {
    let found = dates::find_date(text);
    let (body, removed) = clean_body(text, &found.raw, recurring);
    let boilerplate_lines = removed.len();
    let (date, date_raw, date_from, date_problem) = date_of(found, given);
    let (title, source) = (
        nonempty(&given.title).or_else(|| headline::find_title(text)),
        nonempty(&given.source).or_else(|| headline::find_source(text)),
    );
    let (section, byline) = (nonempty(&given.section), nonempty(&given.byline));
    let meta = Meta::new(
        date,
        date_from,
        date_problem,
        MetaText {
            date_raw: &date_raw,
            title: title.as_deref(),
            source: source.as_deref(),
            section: section.as_deref(),
            byline: byline.as_deref(),
            lead: &lead(&body),
        },
        given.attributes.clone(),
        boilerplate_lines,
    );
    Described {
        meta,
        body,
        removed,
    }
}

/// What the first pass needs of an article, and nothing more (no title or source): its
/// publication date, and its text without the date header and known boilerplate.
pub fn scan(text: &str, given: &Given) -> (Option<PubDate>, String) {
    let found = dates::find_date(text);
    let (body, _) = clean_body(text, &found.raw, Some(&RecurringLines::none()));
    (date_of(found, given).0, body)
}

/// Words of an article's lead shown where it has no title.
const LEAD_WORDS: usize = 10;

/// The first [`LEAD_WORDS`] words of `body`, with "…" when there are more.
fn lead(body: &str) -> String {
    let mut words = body.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(LEAD_WORDS).collect();
    if words.next().is_some()
        && let Some(last) = out.last_mut()
    {
        let trimmed = last.trim_end_matches([',', ';', ':', '.']);
        *last = trimmed;
        return format!("{} …", out.join(" "));
    }
    out.join(" ")
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The text without its date header and, unless kept, its boilerplate; and how many lines
/// went. The header goes first, so furniture that shares its line (" date 2017-04-13
/// Register") stands alone and is recognised.
fn clean_body(
    text: &str,
    date_raw: &str,
    recurring: Option<&RecurringLines>,
) -> (String, Vec<(boilerplate::Removal, String)>) {
    let text_without_date = strip_date_header(text.to_string(), date_raw);
    match recurring {
        Some(r) => {
            let c = boilerplate::clean(&text_without_date, r);
            (c.text, c.removed)
        }
        None => (text_without_date, Vec::new()),
    }
}

/// The date to report: the user's (table column or `--metadata`) wins over the text's.
fn date_of(
    found: dates::FoundDate,
    given: &Given,
) -> (Option<PubDate>, String, DateOrigin, Option<&'static str>) {
    match nonempty(&given.date) {
        Some(raw) => match pubdate::parse_given(&raw) {
            Ok(d) => (Some(d), raw, DateOrigin::Metadata, None),
            Err(why) => (None, raw, DateOrigin::Metadata, Some(why)),
        },
        None => (
            found.date.map(PubDate::day),
            found.raw,
            DateOrigin::Found(found.from),
            found.problem,
        ),
    }
}

/// Removes a `date ...` header (` date 2018-02-05 MOSCOW(Sputnik) - ...` keeps the story that
/// follows it on the line) or a first-lines line that holds only the date: metadata, not news.
fn strip_date_header(mut text: String, raw: &str) -> String {
    if raw.is_empty() {
        return text;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n').take(dates::HEAD_LINES) {
        let trimmed = line.trim();
        let lead = line.len() - line.trim_start().len();
        let after_word = trimmed
            .get(..5)
            .filter(|w| w.eq_ignore_ascii_case("date ") || w.eq_ignore_ascii_case("date:"))
            .map(|_| trimmed[5..].trim_start());
        if let Some(rest) = after_word
            && rest.starts_with(raw)
        {
            let end = start + lead + (trimmed.len() - rest.len()) + raw.len();
            text.replace_range(start..end, "");
            return text;
        }
        if trimmed == raw {
            let end = start + line.trim_end_matches(['\n', '\r']).len();
            text.replace_range(start..end, "");
            return text;
        }
        start += line.len();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn describe_plain(text: &str) -> Described {
        describe(text, &Given::default(), Some(&RecurringLines::none()))
    }

    #[test]
    fn date_header_goes_and_story_on_its_line_stays() {
        let d = describe_plain(" date 2018-02-05 MOSCOW(Sputnik) - Russia and the US.\n\nMore.");
        assert_eq!(d.body, " MOSCOW(Sputnik) - Russia and the US.\n\nMore.");
        assert_eq!(
            d.meta.date,
            NaiveDate::from_ymd_opt(2018, 2, 5).map(PubDate::day)
        );
        assert_eq!(d.meta.date_from.as_str(), "header");
        assert_eq!(d.meta.words().source(), Some("Sputnik"));
    }

    #[test]
    fn corpus_layout_date_line_and_title() {
        let d = describe_plain(
            "date 2022-06-24\nPutin meets Lukashenko\n\nThe two leaders met in Minsk on Friday to talk.\n",
        );
        assert_eq!(
            d.body,
            "\nPutin meets Lukashenko\n\nThe two leaders met in Minsk on Friday to talk.\n"
        );
        assert_eq!(d.meta.words().title(), Some("Putin meets Lukashenko"));
    }

    #[test]
    fn given_metadata_wins_and_bad_dates_say_why() {
        let given = Given {
            date: Some("13 April 2017".into()),
            title: Some("  Mine ".into()),
            source: Some(String::new()),
            ..Given::default()
        };
        let d = describe(
            "date 2018-02-05\nTheirs\n\nText (Reuters) here.",
            &given,
            None,
        );
        assert_eq!(
            d.meta.date,
            NaiveDate::from_ymd_opt(2017, 4, 13).map(PubDate::day)
        );
        assert_eq!(d.meta.date_from, DateOrigin::Metadata);
        assert_eq!(d.meta.words().title(), Some("Mine"));
        let bad = Given {
            date: Some("31.02.2019".into()),
            ..Given::default()
        };
        let d = describe("Text.", &bad, None);
        assert_eq!(
            (d.meta.date, d.meta.date_problem),
            (None, Some("impossible date"))
        );
    }

    /// Strings taken to disk come back as they were, and the metadata is equal to what it
    /// was; a second spooling has nothing to move.
    #[test]
    fn metadata_strings_on_disk_come_back_as_they_were() {
        let given = Given {
            section: Some("World".into()),
            ..Given::default()
        };
        let d = describe(
            "date 2018-02-05\nPutin meets Lukashenko\n\nMOSCOW (Sputnik) — The talks went on.",
            &given,
            None,
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let spool = Spool::create(dir.path(), "meta", "metadata").expect("spool");
        let mut m = d.meta.clone();
        m.spool_words(&spool);
        assert!(matches!(m.words, Words::Spooled(_)));
        let sealed = spool.seal().expect("seal");
        let (w, was) = (m.words(), d.meta.words());
        assert!(matches!(w.words, Cow::Owned(_)));
        let all = |w: &MetaWords<'_>| {
            let each = [w.title(), w.source(), w.section(), w.byline()];
            let each = each.map(|s| s.map(str::to_string));
            (w.date_raw().to_string(), each, w.lead().to_string())
        };
        assert_eq!(all(&w), all(&was));
        assert_eq!(w.title(), Some("Putin meets Lukashenko"));
        assert_eq!((w.section(), w.byline()), (Some("World"), None));
        assert_eq!(m, d.meta);
        // Strings already on disk are not written again: they are still read from the first.
        let again = Spool::create(dir.path(), "meta2", "metadata").expect("spool");
        m.spool_words(&again);
        assert_eq!(again.seal().expect("seal").failed(), None);
        assert_eq!(m, d.meta);
        assert_eq!(sealed.failed(), None);
    }

    #[test]
    fn boilerplate_is_counted_and_removed_unless_kept() {
        let text = "Russia and the US talked on Monday about arms control.\n\nBe First to Comment\n\nLeave a Reply\n";
        let d = describe_plain(text);
        assert_eq!(d.meta.boilerplate_lines, 2);
        assert!(!d.body.contains("Comment"));
        let kept = describe(text, &Given::default(), None);
        assert_eq!(kept.meta.boilerplate_lines, 0);
        assert_eq!(kept.body, text);
        // Furniture on the date line is recognised once the date is gone.
        let d =
            describe_plain(" date 2017-04-13 Register\n    Russia is ready for talks, he said.\n");
        assert_eq!(d.meta.boilerplate_lines, 1);
        assert!(!d.body.contains("Register"), "{:?}", d.body);
    }
}
