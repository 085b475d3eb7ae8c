//! Archive exports: a Factiva or LexisNexis plain-text export -> the records it holds.
//!
//! Owns recognising the text layouts that news archives export and cutting them into
//! [`Record`]s: the header fields each record gives (title, source, date, section, byline)
//! and its `body`, which is the article text only: no header line and no trailer.
//! No I/O, never panics. Most texts are ordinary articles, so [`split`] first looks at the
//! first [`PROBE_BYTES`] only and gives up unless a layout's anchor line is there.
//!
//! Layouts (learnt from LexisNexisTools' sample file and parser, tm.plugin.factiva and the
//! 2,833 Factiva files of `uk_immigration_news_2014`):
//!
//! **Factiva**: header lines, "N words", date, source name and code, language, copyright,
//! body, then the accession number. Optional lines: section, byline ("By ..."), a credit
//! under the byline, time, edition and page. The same in lower case with punctuation stripped
//! is accepted, and so is a corpus line `date YYYY-MM-DD` before the record.
//!
//! ```text
//! Politics                                  section (optional)
//! Ministers promise review of visas         headline
//! By Helen Marsh                            byline (optional)
//! 642 words
//! 19 May 2014                               date
//! 08:15                                     time (optional)
//! The Daily Telegraph                       source
//! DT                                        source code
//! 1 National                                edition, page (optional)
//! English
//! (c) 2014 Telegraph Media Group Limited
//! Ministers will review ...                 body
//! Document DT00000020140519ea5j0007r        trailer: the id ("Document ID: ..." too)
//! ```
//!
//! **LexisNexis** (classic): a cover, then per record a centred "N of M DOCUMENTS", source,
//! date and edition, a flush-left headline, capitalised fields, body, trailer fields and a
//! centred copyright. **Nexis Uni**: headline, source, date, copyright, fields
//! (`Length:`, `Byline:`), `Body`, body, trailer fields, `End of Document`.
//!
//! ```text
//!                  1 of 3 DOCUMENTS         | Seasonal workers count the cost
//!              The Guardian (London)        | The Guardian (London)
//!               May 19, 2014 Monday         | May 19, 2014 Monday 9:20 AM GMT
//! Seasonal workers count the cost           | Section: NEWS; Version:2
//! BYLINE: Nadia Brookes                     | Length: 487 words
//! SECTION: NEWS; Pg. 12                     | Byline: Nadia Brookes
//! LENGTH: 487 words                         | Body
//! Fruit growers in Kent say ...             | Fruit growers in Kent say ...
//! LOAD-DATE: May 19, 2014                   | Load-Date: May 19, 2014
//! LANGUAGE: ENGLISH                         | End of Document
//! ```
//!
//! Values are given as the record writes them (trimmed), except that a byline loses a leading
//! "By ". The Factiva header has no labels, so which line is the section, the headline or the
//! byline is decided from the shape of the block (see `header`).

use crate::meta::dates::{is_weekday, month_of};

/// Which archive wrote the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Factiva,
    /// Classic LexisNexis and Nexis Uni.
    LexisNexis,
}

/// One article of an export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Factiva accession number, LexisNexis "N of M" number, else the 1-based position.
    pub id: String,
    pub title: Option<String>,
    /// Publication name as the record gives it ("The Daily Telegraph", "The Guardian (London)").
    pub source: Option<String>,
    /// The date as written ("19 May 2014", "May 19, 2014 Monday").
    pub date: Option<String>,
    pub section: Option<String>,
    pub byline: Option<String>,
    /// The article text only, trimmed.
    pub body: String,
}

/// Bytes of a text's start searched for an export's anchor line. Classic LexisNexis puts a
/// cover (request time, search terms, sources) of up to a few hundred bytes before the first
/// record, so 2 KB would be tight.
pub const PROBE_BYTES: usize = 4096;

/// Header lines kept above a Factiva "N words" line: section, headline (two lines at most),
/// byline, credit.
const MAX_HEADER_LINES: usize = 5;

/// Longest section seen in 2,833 Factiva records: "ft report - ft health combating tuberculosis".
const MAX_SECTION_WORDS: usize = 7;

/// Factiva language lines, lower case.
const LANGUAGES: &str = "english german deutsch french français spanish español italian dutch \
    portuguese russian swedish danish polish";

/// LexisNexis fields that belong to the header; any other label starts no header field.
const HEADER_FIELDS: &str = "SECTION LENGTH BYLINE AUTHOR DATELINE HEADLINE HIGHLIGHT SERIES \
    COLUMN";

/// LexisNexis fields after the body (classic in capitals, Nexis Uni in title case).
const TRAILER_FIELDS: &str = "LOAD-DATE LANGUAGE PUBLICATION-TYPE PUB-TYPE TYPE GRAPHIC URL \
    JOURNAL-CODE DOCUMENT-TYPE SUBJECT ORGANIZATION PERSON GEOGRAPHIC CITY STATE COUNTRY INDUSTRY \
    COMPANY TICKER CORRECTION-DATE NOTES DISTRIBUTION UPDATE";

/// Splits an export into its records; `None` when `text` is not an export.
pub fn split(text: &str) -> Option<(Layout, Vec<Record>)> {
    let (layout, parse) = sniff(probe(text))?;
    let records = parse(&text.lines().collect::<Vec<_>>());
    (!records.is_empty()).then_some((layout, records))
}

type Parser = fn(&[&str]) -> Vec<Record>;

/// The first [`PROBE_BYTES`] of `text`, cut at a character boundary.
fn probe(text: &str) -> &str {
    let mut n = PROBE_BYTES.min(text.len());
    while !text.is_char_boundary(n) {
        n -= 1;
    }
    &text[..n]
}

/// The layout whose anchor line comes first in `head`, and its parser: one pass, no allocation.
fn sniff(head: &str) -> Option<(Layout, Parser)> {
    let mut lines = head.lines();
    while let Some(line) = lines.next() {
        let t = clean(line);
        if nexis_start(t).is_some() {
            return Some((Layout::LexisNexis, nexis));
        }
        let uni_length = field(t, false).is_some_and(|(l, v)| is_label(l, "LENGTH") && is_words(v));
        if uni_length || t == "End of Document" || t.starts_with("Job Number:") {
            return Some((Layout::LexisNexis, nexis_uni));
        }
        if is_words(t) {
            let mut rest = lines.clone().map(clean).filter(|l| !l.is_empty());
            if rest.next().is_some_and(is_date_line) {
                return Some((Layout::Factiva, factiva));
            }
        }
    }
    None
}

// ------------------------------------------------------------------------------- Factiva

/// What follows a Factiva "N words" line.
struct Stamp<'a> {
    date: &'a str,
    source: &'a str,
    body_start: usize,
    /// A language or copyright line was where Factiva puts it.
    confirmed: bool,
}

fn factiva(lines: &[&str]) -> Vec<Record> {
    let mut out = Vec::new();
    let (mut lo, mut i) = (0, 0);
    while i < lines.len() {
        let Some(stamp) = stamp(lines, i) else {
            i += 1;
            continue;
        };
        // The record ends at its trailer or, if that is missing, where the next one begins.
        let (mut end, mut next, mut id) = (lines.len(), lines.len(), None);
        for j in stamp.body_start..lines.len() {
            if let Some(an) = factiva_trailer(lines[j]) {
                (end, next, id) = (j, j + 1, Some(an));
                break;
            }
            if stamp_at(lines, j) {
                let top = header_lines(lines, stamp.body_start, j).0;
                (end, next) = (top, top);
                break;
            }
        }
        // A copyright line between the body and the trailer ("© daily mail") is the
        // record's, not the story's.
        while let Some(k) = prev_filled(lines, end).filter(|&k| k >= stamp.body_start) {
            let t = clean(lines[k]);
            if !(is_copyright(t) && words(t) <= 15) {
                break;
            }
            end = k;
        }
        if stamp.confirmed || id.is_some() {
            let head = header(&header_lines(lines, lo, i).1);
            out.push(Record {
                id: id.map_or_else(|| (out.len() + 1).to_string(), str::to_string),
                title: head.title,
                source: Some(stamp.source.to_string()),
                date: Some(stamp.date.to_string()),
                section: head.section,
                byline: head.byline,
                body: join_body(&lines[stamp.body_start.min(end)..end]),
            });
        }
        (lo, i) = (next, next.max(i + 1));
    }
    out
}

fn stamp_at(lines: &[&str], i: usize) -> bool {
    is_words(clean(lines[i])) && next_filled(lines, i + 1).is_some_and(|j| is_date_line(lines[j]))
}

/// Reads "N words", date, time, source, code, edition, page, language, copyright.
fn stamp<'a>(lines: &[&'a str], words: usize) -> Option<Stamp<'a>> {
    if !stamp_at(lines, words) {
        return None;
    }
    let d = next_filled(lines, words + 1)?;
    let mut s = next_filled(lines, d + 1);
    if let Some(t) = s.filter(|&t| is_time_line(clean(lines[t]))) {
        s = next_filled(lines, t + 1);
    }
    let s = s?;
    // Code, edition and page sit between source and language: a few short lines.
    let after: Vec<usize> = (s + 1..lines.len())
        .filter(|&j| !clean(lines[j]).is_empty())
        .take(6)
        .collect();
    let language = after.iter().position(|&j| is_language(clean(lines[j])));
    let copyright = |j: &usize| is_copyright(clean(lines[*j]));
    let copyright = match language {
        Some(p) => after.get(p + 1).copied().filter(copyright),
        None => after.iter().copied().find(copyright),
    };
    let last = copyright.or(language.map(|p| after[p]));
    Some(Stamp {
        date: clean(lines[d]),
        source: clean(lines[s]),
        // Without language or copyright the body is taken to start after the source code.
        body_start: last.map_or(s + 2, |j| j + 1).min(lines.len()),
        confirmed: last.is_some(),
    })
}

/// The header block above line `words`, not above `lo`: `(first line, lines)`. Lines are
/// trimmed at the start only: trailing spaces mark bylines in some exports.
fn header_lines<'a>(lines: &[&'a str], lo: usize, words: usize) -> (usize, Vec<&'a str>) {
    // Fields on consecutive lines, or (after a conversion from RTF) one blank line apart.
    let spaced = words > lo && clean(lines[words - 1]).is_empty();
    let (mut top, mut i, mut blanks) = (words, words, 0);
    let mut out = Vec::new();
    while i > lo && out.len() < MAX_HEADER_LINES {
        i -= 1;
        let line = lines[i].trim_start_matches('\u{feff}').trim_start();
        if line.is_empty() {
            blanks += 1;
            if !spaced || blanks > 1 {
                break;
            }
            continue;
        }
        if is_junk(line.trim_end()) {
            break;
        }
        (top, blanks) = (i, 0);
        out.push(line);
    }
    out.reverse();
    (top, out)
}

struct Head {
    section: Option<String>,
    title: Option<String>,
    byline: Option<String>,
}

/// Section, headline, byline of a Factiva header block `[section] headline [byline] [credit]`.
///
/// A byline is a line after the first that starts with "by " or ends in two or more spaces
/// (how the lower-cased corpus marks its bylines), last or followed by one credit line. Without
/// one: one line is the headline; a first line longer than any section is the headline, with
/// a byline under it unless that is one word (a credit such as "theguardiancom"); else, of two
/// lines, the second is a byline only if it looks like a name no longer than the first, else
/// the first is the section; of three or more, section, headline, byline.
fn header(h: &[&str]) -> Head {
    let text = |s: &str| Some(s.trim().to_string());
    let marked = |i: usize| {
        let s = h[i];
        starts_by(s) || s.len() - s.trim_end().len() >= 2
    };
    let k = h.len();
    let byline = (k.saturating_sub(2).max(1)..k).rev().find(|&i| marked(i));
    let (section, title, byline) = match (byline, k) {
        (Some(b), _) => {
            let first = usize::from(b >= 2);
            let title = h[first..b]
                .iter()
                .map(|s| s.trim())
                .collect::<Vec<_>>()
                .join(" ");
            ((b >= 2).then(|| h[0]), Some(title), Some(h[b]))
        }
        (None, 0) => (None, None, None),
        (None, 1) => (None, text(h[0]), None),
        // Too long for a section: headline, then a byline or a one-word credit.
        (None, _) if words(h[0]) > MAX_SECTION_WORDS => {
            (None, text(h[0]), Some(h[1]).filter(|b| words(b) >= 2))
        }
        (None, 2) if name_like(h[1]) && words(h[1]) <= words(h[0]) => {
            (None, text(h[0]), Some(h[1]))
        }
        (None, 2) => (Some(h[0]), text(h[1]), None),
        (None, _) => (Some(h[0]), text(h[1]), Some(h[2])),
    };
    Head {
        section: section.and_then(text),
        title: title.filter(|t| !t.is_empty()),
        byline: byline
            .map(strip_by)
            .filter(|b| !b.is_empty())
            .map(str::to_string),
    }
}

/// "Document DT00000020140519ea5j0007r" or "Document ID: ..." -> the accession number.
fn factiva_trailer(line: &str) -> Option<&str> {
    let mut words = clean(line).split_whitespace();
    let first = words.next()?;
    if !["document", "dokument", "documento"]
        .iter()
        .any(|d| first.eq_ignore_ascii_case(d))
    {
        return None;
    }
    let mut id = words.next()?;
    if id.eq_ignore_ascii_case("id:") || id.eq_ignore_ascii_case("id") {
        id = words.next()?;
    }
    let accession = (16..=40).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric())
        && id.bytes().filter(u8::is_ascii_digit).count() >= 8;
    (accession && words.next().is_none()).then_some(id)
}

/// A line that cannot be a header field: no letter or digit ("____"), or the corpus' own
/// `date YYYY-MM-DD` line, or the cover of a Factiva download.
fn is_junk(t: &str) -> bool {
    let corpus_date = t
        .strip_prefix("date ")
        .is_some_and(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok());
    corpus_date || !t.chars().any(char::is_alphanumeric) || t == "Factiva" || t == "Dow Jones"
}

// ---------------------------------------------------------------------- LexisNexis classic

fn nexis(lines: &[&str]) -> Vec<Record> {
    let starts: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| nexis_start(clean(l)).map(|n| (i, n)))
        .collect();
    let mut out = Vec::new();
    for (k, &(s, n)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(lines.len(), |&(e, _)| e);
        out.extend(nexis_record(&lines[s + 1..end], n));
    }
    out
}

/// "12 of 25 DOCUMENTS" (also "Dokument 12 von 25", "Document 12 de 25") -> "12".
fn nexis_start(t: &str) -> Option<&str> {
    let mut w = t.split_whitespace();
    let (a, b, c, d) = (w.next()?, w.next()?, w.next()?, w.next()?);
    let number = |s: &str| s.len() <= 7 && s.bytes().all(|b| b.is_ascii_digit());
    let english = b.eq_ignore_ascii_case("of")
        && (d.eq_ignore_ascii_case("DOCUMENTS") || d.eq_ignore_ascii_case("DOCUMENT"));
    let other = (a == "Dokument" && c == "von") || (a == "Document" && c == "de");
    if w.next().is_some() {
        None
    } else if english && number(a) && number(c) {
        Some(a)
    } else if other && number(b) && number(d) {
        Some(b)
    } else {
        None
    }
}

fn nexis_record(lines: &[&str], id: &str) -> Option<Record> {
    // Source, date and edition are centred; a stray copyright line may come first.
    let top: Vec<usize> = (0..lines.len())
        .filter(|&j| !clean(lines[j]).is_empty())
        .take(4)
        .collect();
    let d = top.iter().copied().find(|&j| is_date_line(lines[j]));
    let named = |j: &&usize| !is_copyright(clean(lines[**j]));
    let source = match d {
        Some(d) => top.iter().take_while(|&&j| j < d).filter(named).last(),
        None => top.iter().find(named),
    };
    let source = source.map(|&j| clean(lines[j]));
    let first = d.or(top.first().copied())?;
    // Edition lines hang under the date; the header ends at the first blank line.
    let p = (first..lines.len())
        .find(|&j| clean(lines[j]).is_empty())
        .unwrap_or(lines.len());

    let mut rec = Record {
        id: id.to_string(),
        ..Record::default()
    };
    let (mut headline, mut length, mut any_field) = (None, false, false);
    let mut body_from = lines.len();
    for (s, e) in paragraphs(lines, p) {
        match field(lines[s], true).filter(|(l, _)| in_list(HEADER_FIELDS, l)) {
            Some((label, value)) => {
                let value = continued(value, &lines[s + 1..e]);
                any_field = true;
                if is_label(label, "SECTION") {
                    rec.section = Some(value);
                } else if is_label(label, "BYLINE") || is_label(label, "AUTHOR") {
                    rec.byline = Some(strip_by(&value).to_string());
                } else if is_label(label, "HEADLINE") {
                    headline = Some(value);
                } else if is_label(label, "LENGTH") {
                    length = true;
                }
            }
            // A centred paragraph before the headline is more edition.
            None if !any_field && lines[s].starts_with("   ") => {}
            None if !any_field && rec.title.is_none() => {
                rec.title = Some(continued("", &lines[s..e]));
            }
            None => {
                body_from = s;
                break;
            }
        }
    }
    if d.is_none() && !length {
        return None;
    }
    let body_end = trailer_start(lines, body_from, |s| {
        let t = clean(lines[s]);
        is_copyright(t)
            || t.eq_ignore_ascii_case("all rights reserved")
            || field(lines[s], true).is_some_and(|(l, _)| in_list(TRAILER_FIELDS, l))
    });
    rec.title = headline.or(rec.title).filter(|t| !t.is_empty());
    rec.source = source.map(str::to_string);
    rec.date = d.map(|d| clean(lines[d]).to_string());
    rec.body = join_body(&lines[body_from..body_end]);
    Some(rec)
}

/// Runs of non-blank lines from `from` on, as `(first, end)` line ranges.
fn paragraphs(lines: &[&str], from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for j in from..=lines.len() {
        let blank = lines.get(j).is_none_or(|l| clean(l).is_empty());
        match (start, blank) {
            (None, false) => start = Some(j),
            (Some(s), true) => {
                out.push((s, j));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Where the trailer starts: paragraphs from the end back to `from` while `is_trailer`.
fn trailer_start(lines: &[&str], from: usize, is_trailer: impl Fn(usize) -> bool) -> usize {
    let mut end = lines.len();
    for &(s, _) in paragraphs(lines, from).iter().rev() {
        if !is_trailer(s) {
            break;
        }
        end = s;
    }
    end.max(from)
}

// ------------------------------------------------------------------------------ Nexis Uni

fn nexis_uni(lines: &[&str]) -> Vec<Record> {
    let mut out = Vec::new();
    let mut lo = 0;
    for (e, line) in lines.iter().enumerate() {
        if clean(line) == "End of Document" {
            out.extend(uni_record(&lines[lo..e], out.len() + 1));
            lo = e + 1;
        }
    }
    out.extend(uni_record(&lines[lo..], out.len() + 1));
    out
}

fn uni_record(lines: &[&str], index: usize) -> Option<Record> {
    let b = lines.iter().position(|l| clean(l) == "Body")?;
    let mut rec = Record {
        id: index.to_string(),
        ..Record::default()
    };
    // Fields and copyright above "Body", up to the date line.
    let mut j = b;
    while j > 0 {
        let t = clean(lines[j - 1]);
        if let Some((label, value)) = field(t, false).filter(|(l, _)| in_list(HEADER_FIELDS, l)) {
            if is_label(label, "SECTION") {
                rec.section = Some(value.to_string());
            } else if is_label(label, "BYLINE") || is_label(label, "AUTHOR") {
                rec.byline = Some(strip_by(value).to_string());
            }
        } else if !t.is_empty() && !is_copyright(t) {
            break;
        }
        j -= 1;
    }
    let d = j.checked_sub(1);
    let source = match d {
        Some(d) if is_date_line(lines[d]) => {
            rec.date = Some(clean(lines[d]).to_string());
            prev_filled(lines, d)
        }
        _ => d,
    };
    rec.source = source.map(|s| clean(lines[s]).to_string());
    rec.title = source
        .and_then(|s| prev_filled(lines, s))
        .map(|t| clean(lines[t]).to_string());
    let end = (b + 1..lines.len())
        .rev()
        .find(|&k| {
            let t = clean(lines[k]);
            !(t.is_empty()
                || t == "Classification"
                || field(t, false).is_some_and(|(l, _)| in_list(TRAILER_FIELDS, l)))
        })
        .map_or(b + 1, |k| k + 1);
    rec.body = join_body(&lines[b + 1..end]);
    Some(rec)
}

// ------------------------------------------------------------------------------ lines

/// A line without a byte-order mark and surrounding white space (non-breaking space too).
fn clean(line: &str) -> &str {
    line.trim_start_matches('\u{feff}').trim()
}

fn next_filled(lines: &[&str], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&j| !clean(lines[j]).is_empty())
}

fn prev_filled(lines: &[&str], before: usize) -> Option<usize> {
    (0..before).rev().find(|&j| !clean(lines[j]).is_empty())
}

/// Lines trimmed at the end and joined, without blank lines at either end.
fn join_body(lines: &[&str]) -> String {
    let lines: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
    lines.join("\n").trim().to_string()
}

/// A field's first-line value and its continuation lines, on one line.
fn continued(value: &str, more: &[&str]) -> String {
    let parts = std::iter::once(value.trim()).chain(more.iter().map(|l| l.trim()));
    parts
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `LABEL: value` (classic LexisNexis: capitals, at the start of the line) or `Label: value`
/// (Nexis Uni, a non-breaking space after the colon).
fn field(line: &str, capitals: bool) -> Option<(&str, &str)> {
    let (label, value) = line.split_once(':')?;
    let ok = |c: char| {
        c == '-'
            || c == ' '
            || if capitals {
                c.is_uppercase()
            } else {
                c.is_alphabetic()
            }
    };
    let valid = (2..=24).contains(&label.len())
        && label.starts_with(|c: char| c.is_alphabetic())
        && label.chars().all(ok)
        && (value.is_empty() || value.starts_with(char::is_whitespace));
    valid.then(|| (label, value.trim()))
}

fn in_list(list: &str, label: &str) -> bool {
    list.split_whitespace().any(|name| is_label(label, name))
}

/// `label` is `name` in any case, with a space for a hyphen ("Journal Code").
fn is_label(label: &str, name: &str) -> bool {
    label.len() == name.len()
        && label
            .bytes()
            .zip(name.bytes())
            .all(|(a, b)| a.to_ascii_uppercase() == b || (a == b' ' && b == b'-'))
}

/// "642 words", "1,204 words".
fn is_words(t: &str) -> bool {
    let n = t.len().saturating_sub(6);
    let (count, unit) = (t.get(..n).unwrap_or(""), t.get(n..).unwrap_or(""));
    unit.eq_ignore_ascii_case(" words")
        && (1..=9).contains(&count.len())
        && count.starts_with(|c: char| c.is_ascii_digit())
        && count.bytes().all(|b| b.is_ascii_digit() || b == b',')
}

/// "19 May 2014", "May 19, 2014 Monday", "July 1, 2019 Monday 9:20 AM GMT".
fn is_date_line(line: &str) -> bool {
    let t = clean(line);
    let (mut month, mut day, mut year) = (false, false, false);
    for (n, w) in t.split_whitespace().enumerate() {
        let w = w.trim_end_matches([',', '.']);
        if n >= 8 {
            return false;
        } else if !month && month_of(w).is_some() {
            month = true;
        } else if !year && is_year(w) {
            year = true;
        } else if !day && w.len() <= 2 && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)) {
            day = true;
        } else if !(is_weekday(w)
            || is_clock(w)
            || (w.len() <= 4 && w.chars().all(char::is_alphabetic)))
        {
            return false;
        }
    }
    month && day && year
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..2100).contains(&y))
}

fn is_clock(w: &str) -> bool {
    (3..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit() || b == b':')
}

/// "0802", "08:02", "8:02 PM GMT".
fn is_time_line(t: &str) -> bool {
    let mut words = t.split_whitespace();
    words.next().is_some_and(is_clock)
        && words
            .take(3)
            .all(|w| w.len() <= 4 && w.chars().all(char::is_alphabetic))
        && t.split_whitespace().count() <= 3
}

fn is_language(t: &str) -> bool {
    t.len() <= 12 && LANGUAGES.split_whitespace().any(|l| l == t.to_lowercase())
}

/// "(c) 2014 ...", "© 2014 ...", "c 2014 express newspapers", "Copyright 2014 ...",
/// "the daily telegraph © 2014 ...".
fn is_copyright(t: &str) -> bool {
    let l = t.to_lowercase();
    l.contains('©')
        || l.starts_with("(c)")
        || l.starts_with("copyright")
        || l.contains(" (c) ")
        || l.strip_prefix("c ")
            .is_some_and(|r| r.split_whitespace().next().is_some_and(is_year))
}

fn starts_by(s: &str) -> bool {
    s.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
}

fn strip_by(s: &str) -> &str {
    let s = s.trim();
    if starts_by(s) { s[3..].trim_start() } else { s }
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Two to five capitalised words without digits: "Hugh Muir", "Daily Mail Reporter".
fn name_like(s: &str) -> bool {
    (2..=5).contains(&words(s))
        && s.split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && !s.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests;
