//! Writing the CSV tables.
//!
//! Owns the tables' names, columns, row order and number formats (the only module that knows
//! the `csv` crate). Every table is UTF-8 with a header row, comma-separated, quoted per
//! RFC 4180, with `.` decimals, and written completely or not at all ([`OutDir::write`]).
//! With `--excel` each starts with a UTF-8 byte-order mark, which Excel needs to read
//! accented names correctly.

use rayon::prelude::*;
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use crate::corpus::{Corpus, Record, Status};
use crate::error::Result;
use crate::meta::boilerplate::PatternRow;
use crate::meta::{Meta, PubDate};
use crate::output::OutDir;
use crate::phrases::Phrase;
use crate::speakers::merge::Speakers;
use crate::text::TermId;
use crate::topics::{Discovered, NmfInput, TopicSeries};
use crate::trends::{Trends, per_10k, share};

/// Everything the tables show.
pub struct Tables<'a> {
    /// Every input article, in doc_id order, whatever became of it.
    pub records: &'a [Record],
    pub corpus: &'a Corpus,
    /// idf of each term under the chosen scheme.
    pub idfs: &'a [f64],
    /// Each document's top terms (term, count, weight).
    pub top: &'a [Vec<(TermId, u32, f64)>],
    /// Each document's weights in the order of its terms, when the whole matrix is asked for.
    pub matrix: Option<&'a [Vec<f64>]>,
    pub phrases: &'a [Phrase],
    pub speakers: &'a Speakers,
    /// Periods, term series and change; None when no document has a date.
    pub trends: Option<&'a Trends>,
    /// Topics over the periods of `trends`.
    pub topic_series: Option<&'a [TopicSeries]>,
    pub discovered: Option<&'a Discovered>,
    /// The matrix the topics were discovered in, when the whole matrix is asked for.
    pub nmf_input: Option<&'a NmfInput>,
    /// The user's metadata columns kept as document attributes, in the sheet's order.
    pub attributes: &'a [Arc<str>],
    /// Furniture removed, pattern by pattern, most articles first.
    pub boilerplate: &'a [PatternRow],
}

/// A cell of a row.
enum Cell<'a> {
    Text(&'a str),
    Int(u64),
    /// A number with this many decimals.
    Real(f64, usize),
}

struct Rows<'w> {
    csv: csv::Writer<&'w mut dyn Write>,
    buf: String,
}

impl Rows<'_> {
    fn row(&mut self, cells: &[Cell<'_>]) -> std::io::Result<()> {
        for cell in cells {
            match cell {
                Cell::Text(s) => self.csv.write_field(s)?,
                Cell::Int(n) => {
                    self.buf.clear();
                    let _ = write!(self.buf, "{n}");
                    self.csv.write_field(&self.buf)?;
                }
                Cell::Real(x, decimals) => {
                    self.buf.clear();
                    // `+ 0.0` turns -0.0 into 0.0, so no "-0.000000" reaches a spreadsheet.
                    let _ = write!(self.buf, "{:.*}", decimals, x + 0.0);
                    self.csv.write_field(&self.buf)?;
                }
            }
        }
        self.csv.write_record(None::<&[u8]>)?;
        Ok(())
    }
}

fn table<F>(out: &OutDir, name: &str, excel: bool, header: &[&str], fill: F) -> Result<PathBuf>
where
    F: FnOnce(&mut Rows<'_>) -> std::io::Result<()>,
{
    out.write(name, |w| {
        if excel {
            w.write_all(b"\xEF\xBB\xBF")?;
        }
        let mut rows = Rows {
            csv: csv::WriterBuilder::new().from_writer(w),
            buf: String::new(),
        };
        rows.csv.write_record(header)?;
        fill(&mut rows)?;
        rows.csv.flush()
    })
}

/// Items per formatting job of [`table_par`], and jobs formatted before each write.
const PAR_ITEMS: usize = 1024;
const PAR_BATCH: usize = 16;

/// Like [`table`], for a table of `n` items (documents, quotes) that each give some rows: the
/// items are formatted in parallel, in fixed chunks, and the chunks written in item order, so
/// the bytes are those of the serial loop. Batches bound the memory held to a few MB.
fn table_par<F>(
    out: &OutDir,
    name: &str,
    excel: bool,
    header: &[&str],
    n: usize,
    fill: F,
) -> Result<PathBuf>
where
    F: Fn(usize, &mut Rows<'_>) -> std::io::Result<()> + Sync,
{
    out.write(name, |w| {
        if excel {
            w.write_all(b"\xEF\xBB\xBF")?;
        }
        let mut head = csv::WriterBuilder::new().from_writer(&mut *w);
        head.write_record(header)?;
        head.flush()?;
        drop(head);
        let starts: Vec<usize> = (0..n).step_by(PAR_ITEMS).collect();
        for batch in starts.chunks(PAR_BATCH) {
            let parts: Vec<std::io::Result<Vec<u8>>> = batch
                .par_iter()
                .map(|&start| {
                    let mut bytes: Vec<u8> = Vec::new();
                    {
                        let sink: &mut dyn Write = &mut bytes;
                        let mut rows = Rows {
                            csv: csv::WriterBuilder::new().from_writer(sink),
                            buf: String::new(),
                        };
                        for i in start..(start + PAR_ITEMS).min(n) {
                            fill(i, &mut rows)?;
                        }
                        rows.csv.flush()?;
                    }
                    Ok(bytes)
                })
                .collect();
            for part in parts {
                w.write_all(&part?)?;
            }
        }
        Ok(())
    })
}

/// Writes every table; returns the files written, in a fixed order.
///
/// The tables are independent files, so they are written in parallel (on the caller's rayon
/// pool): serially, writing was one of the longest single-threaded steps of a run. Each file's
/// bytes come from one job alone, so the output does not depend on the thread count.
pub fn write_all(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<Vec<PathBuf>> {
    type Job<'j> = Box<dyn Fn() -> Result<PathBuf> + Send + Sync + 'j>;
    let mut jobs: Vec<Job<'_>> = vec![
        Box::new(|| write_documents(out, t, excel)),
        Box::new(|| write_boilerplate(out, t, excel)),
        Box::new(|| write_terms(out, t, excel)),
        Box::new(|| write_tfidf(out, t, excel)),
    ];
    if t.matrix.is_some() {
        jobs.push(Box::new(|| write_doc_terms(out, t, excel)));
    }
    jobs.push(Box::new(|| write_phrases(out, t, excel)));
    jobs.push(Box::new(|| write_speakers(out, t, excel)));
    jobs.push(Box::new(|| write_quotes(out, t, excel)));
    jobs.push(Box::new(|| write_mentions(out, t, excel)));
    jobs.push(Box::new(|| write_speakers_by_period(out, t, excel)));
    if let Some(trends) = t.trends {
        jobs.push(Box::new(move || write_periods(out, trends, excel)));
        jobs.push(Box::new(move || write_term_trends(out, trends, excel)));
        jobs.push(Box::new(move || {
            write_term_change(out, t.corpus, trends, excel)
        }));
        if let Some(series) = t.topic_series {
            jobs.push(Box::new(move || {
                write_topic_trends(out, trends, series, excel)
            }));
        }
    }
    if let Some(d) = t.discovered {
        jobs.push(Box::new(move || write_topics(out, t.corpus, d, excel)));
        jobs.push(Box::new(move || {
            write_document_topics(out, t.corpus, d, excel)
        }));
    }
    if let Some(input) = t.nmf_input {
        jobs.push(Box::new(move || {
            write_topic_matrix(out, t.corpus, input, excel)
        }));
    }
    // Collecting keeps the jobs' order; on failure, one of the errors is returned.
    jobs.par_iter().map(|job| job()).collect()
}

fn write_periods(out: &OutDir, tr: &Trends, excel: bool) -> Result<PathBuf> {
    let header = ["period", "start", "end", "documents", "tokens", "partial"];
    let tl = &tr.timeline;
    table(out, "periods.csv", excel, &header, |rows| {
        let (mut start, mut end) = (String::new(), String::new());
        for (i, s) in tl.spans.iter().enumerate() {
            rows.row(&[
                Cell::Text(&s.label),
                Cell::Text(iso(Some(PubDate::day(s.start)), &mut start)),
                Cell::Text(iso(Some(PubDate::day(s.end)), &mut end)),
                Cell::Int(u64::from(tl.documents[i])),
                Cell::Int(tl.tokens[i]),
                Cell::Text(if s.partial { "true" } else { "false" }),
            ])?;
        }
        Ok(())
    })
}

fn write_term_trends(out: &OutDir, tr: &Trends, excel: bool) -> Result<PathBuf> {
    let header = [
        "period",
        "term",
        "stem",
        "count",
        "per_10k",
        "documents",
        "doc_share",
    ];
    let tl = &tr.timeline;
    table(out, "term_trends.csv", excel, &header, |rows| {
        for (p, span) in tl.spans.iter().enumerate() {
            for s in &tr.terms {
                rows.row(&[
                    Cell::Text(&span.label),
                    Cell::Text(&s.display),
                    Cell::Text(&s.stem),
                    Cell::Int(s.counts[p]),
                    Cell::Real(per_10k(s.counts[p], tl.tokens[p]), 3),
                    Cell::Int(u64::from(s.documents[p])),
                    Cell::Real(share(s.documents[p], tl.documents[p]), 4),
                ])?;
            }
        }
        Ok(())
    })
}

fn write_term_change(out: &OutDir, c: &Corpus, tr: &Trends, excel: bool) -> Result<PathBuf> {
    let header = [
        "direction",
        "rank",
        "term",
        "stem",
        "early_count",
        "late_count",
        "early_per_10k",
        "late_per_10k",
        "log2_ratio",
        "log2_ratio_bound",
    ];
    table(out, "term_change.csv", excel, &header, |rows| {
        let mut rank = 0u64;
        let mut last = None;
        for ch in &tr.change {
            if last != Some(ch.direction) {
                rank = 0;
                last = Some(ch.direction);
            }
            rank += 1;
            let term = &c.terms[ch.term as usize];
            rows.row(&[
                Cell::Text(ch.direction.as_str()),
                Cell::Int(rank),
                Cell::Text(&term.display),
                Cell::Text(&term.stem),
                Cell::Int(ch.early_count),
                Cell::Int(ch.late_count),
                Cell::Real(ch.early_per_10k, 3),
                Cell::Real(ch.late_per_10k, 3),
                Cell::Real(ch.log2_ratio, 4),
                Cell::Real(ch.log2_bound, 4),
            ])?;
        }
        Ok(())
    })
}

fn write_topic_trends(
    out: &OutDir,
    tr: &Trends,
    series: &[TopicSeries],
    excel: bool,
) -> Result<PathBuf> {
    let header = [
        "period",
        "topic",
        "kind",
        "documents",
        "matches",
        "per_10k",
        "doc_share",
    ];
    let tl = &tr.timeline;
    table(out, "topic_trends.csv", excel, &header, |rows| {
        for (p, span) in tl.spans.iter().enumerate() {
            for s in series {
                rows.row(&[
                    Cell::Text(&span.label),
                    Cell::Text(&s.name),
                    Cell::Text(s.kind.as_str()),
                    Cell::Int(u64::from(s.documents[p])),
                    Cell::Int(s.matches[p]),
                    Cell::Real(per_10k(s.matches[p], tl.tokens[p]), 3),
                    Cell::Real(share(s.documents[p], tl.documents[p]), 4),
                ])?;
            }
        }
        Ok(())
    })
}

fn write_topics(out: &OutDir, c: &Corpus, d: &Discovered, excel: bool) -> Result<PathBuf> {
    let header = ["topic", "label", "rank", "term", "weight"];
    table(out, "topics.csv", excel, &header, |rows| {
        for (j, topic) in d.topics.iter().enumerate() {
            for (rank, &(term, weight)) in topic.terms.iter().enumerate() {
                rows.row(&[
                    Cell::Int(j as u64 + 1),
                    Cell::Text(&topic.label),
                    Cell::Int(rank as u64 + 1),
                    Cell::Text(&c.terms[term as usize].display),
                    Cell::Real(weight, 6),
                ])?;
            }
        }
        Ok(())
    })
}

fn write_document_topics(out: &OutDir, c: &Corpus, d: &Discovered, excel: bool) -> Result<PathBuf> {
    let header = ["doc_id", "topic", "weight"];
    table_par(
        out,
        "document_topics.csv",
        excel,
        &header,
        c.docs.len(),
        |i, rows| {
            for &(topic, weight) in &d.doc_topics[i] {
                rows.row(&[
                    Cell::Text(&c.docs[i].doc_id),
                    Cell::Int(u64::from(topic) + 1),
                    Cell::Real(weight, 4),
                ])?;
            }
            Ok(())
        },
    )
}

fn write_topic_matrix(out: &OutDir, c: &Corpus, input: &NmfInput, excel: bool) -> Result<PathBuf> {
    let header = ["doc_id", "stem", "tfidf"];
    let m = &input.matrix;
    table(out, "topic_matrix.csv", excel, &header, |rows| {
        for (i, doc) in c.docs.iter().enumerate() {
            for e in m.indptr[i]..m.indptr[i + 1] {
                let term = input.terms[m.indices[e] as usize];
                rows.row(&[
                    Cell::Text(&doc.doc_id),
                    Cell::Text(&c.terms[term as usize].stem),
                    Cell::Real(m.data[e], 10),
                ])?;
            }
        }
        Ok(())
    })
}

fn write_documents(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = [
        "doc_id",
        "path",
        "status",
        "duplicate_of",
        "date",
        "date_precision",
        "date_raw",
        "date_from",
        "title",
        "source",
        "section",
        "byline",
        "characters",
        "tokens",
        "terms",
        "sentences",
        "boilerplate_lines",
        "encoding",
    ];
    // The user's other metadata columns follow, in the order of their sheet.
    let header: Vec<&str> = header
        .into_iter()
        .chain(t.attributes.iter().map(|a| &**a))
        .collect();
    table(out, "documents.csv", excel, &header, |rows| {
        let mut date = String::new();
        for r in t.records {
            let status = r.status.label();
            let duplicate_of = match &r.status {
                Status::Duplicate(of) => of.as_str(),
                _ => "",
            };
            let m = r.meta.as_ref();
            let text = |f: fn(&Meta) -> Option<&str>| m.and_then(f).unwrap_or("");
            let pubdate = m.and_then(|m| m.date);
            iso(pubdate, &mut date);
            let doc = r.analysed.map(|i| &t.corpus.docs[i]);
            let int_or_empty = |v: Option<u64>| v.map_or(Cell::Text(""), Cell::Int);
            let mut cells = Vec::with_capacity(header.len());
            cells.extend([
                Cell::Text(&r.doc_id),
                Cell::Text(&r.path),
                Cell::Text(&status),
                Cell::Text(duplicate_of),
                Cell::Text(&date),
                Cell::Text(pubdate.map_or("", |d| d.precision.as_str())),
                Cell::Text(text(|m| Some(&m.date_raw))),
                Cell::Text(text(|m| Some(m.date_from.as_str()))),
                Cell::Text(text(|m| m.title.as_deref())),
                Cell::Text(text(|m| m.source.as_deref())),
                Cell::Text(text(|m| m.section.as_deref())),
                Cell::Text(text(|m| m.byline.as_deref())),
                int_or_empty(doc.map(|d| d.characters)),
                int_or_empty(doc.map(|d| u64::from(d.tokens))),
                int_or_empty(doc.map(|d| d.terms.len() as u64)),
                int_or_empty(doc.map(|d| u64::from(d.sentences))),
                int_or_empty(m.map(|m| m.boilerplate_lines as u64)),
                Cell::Text(r.encoding),
            ]);
            // By name, so a document's attributes land under their own columns.
            for name in t.attributes {
                let value = m
                    .and_then(|m| m.attributes.iter().find(|(n, _)| n == name))
                    .map_or("", |(_, v)| v.as_str());
                cells.push(Cell::Text(value));
            }
            rows.row(&cells)?;
        }
        Ok(())
    })
}

fn write_boilerplate(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = ["pattern", "kind", "articles", "lines", "example"];
    table(out, "boilerplate.csv", excel, &header, |rows| {
        for p in t.boilerplate {
            rows.row(&[
                Cell::Text(&p.pattern),
                Cell::Text(p.kind),
                Cell::Int(p.articles),
                Cell::Int(p.lines),
                Cell::Text(&p.example),
            ])?;
        }
        Ok(())
    })
}

fn write_terms(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let c = t.corpus;
    let n_docs = c.docs.len().max(1) as f64;
    let tokens = c.tokens.max(1) as f64;
    let mut order: Vec<usize> = (0..c.terms.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&c.terms[a], &c.terms[b]);
        y.count
            .cmp(&x.count)
            .then_with(|| x.display.cmp(&y.display))
            .then_with(|| x.stem.cmp(&y.stem))
    });
    let header = [
        "term",
        "stem",
        "count",
        "per_10k",
        "doc_freq",
        "doc_share",
        "idf",
    ];
    table(out, "terms.csv", excel, &header, |rows| {
        for i in order {
            let term = &c.terms[i];
            rows.row(&[
                Cell::Text(&term.display),
                Cell::Text(&term.stem),
                Cell::Int(term.count),
                Cell::Real(term.count as f64 * 10_000.0 / tokens, 3),
                Cell::Int(u64::from(term.doc_freq)),
                Cell::Real(f64::from(term.doc_freq) / n_docs, 4),
                Cell::Real(t.idfs[i], 8),
            ])?;
        }
        Ok(())
    })
}

fn write_tfidf(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = ["doc_id", "rank", "term", "stem", "count", "tfidf"];
    let docs = &t.corpus.docs;
    table_par(out, "tfidf.csv", excel, &header, docs.len(), |i, rows| {
        let doc = &docs[i];
        for (rank, &(term, count, weight)) in t.top[i].iter().enumerate() {
            let term = &t.corpus.terms[term as usize];
            rows.row(&[
                Cell::Text(&doc.doc_id),
                Cell::Int(rank as u64 + 1),
                Cell::Text(&term.display),
                Cell::Text(&term.stem),
                Cell::Int(u64::from(count)),
                Cell::Real(weight, 8),
            ])?;
        }
        Ok(())
    })
}

fn write_doc_terms(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = ["doc_id", "term", "stem", "count", "tfidf"];
    let matrix = t.matrix.unwrap_or(&[]);
    table(out, "doc_terms.csv", excel, &header, |rows| {
        for (doc, weights) in t.corpus.docs.iter().zip(matrix) {
            for (&(term, count), &weight) in doc.terms.iter().zip(weights) {
                let term = &t.corpus.terms[term as usize];
                rows.row(&[
                    Cell::Text(&doc.doc_id),
                    Cell::Text(&term.display),
                    Cell::Text(&term.stem),
                    Cell::Int(u64::from(count)),
                    Cell::Real(weight, 8),
                ])?;
            }
        }
        Ok(())
    })
}

fn write_phrases(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = ["phrase", "stems", "count", "doc_freq", "log_likelihood"];
    table(out, "phrases.csv", excel, &header, |rows| {
        let mut stems = String::new();
        for p in t.phrases {
            stems.clear();
            let terms = &t.corpus.terms;
            let _ = write!(
                stems,
                "{} {}",
                terms[p.pair.first as usize].stem, terms[p.pair.second as usize].stem
            );
            rows.row(&[
                Cell::Text(&p.text),
                Cell::Text(&stems),
                Cell::Int(p.pair.count),
                Cell::Int(u64::from(p.pair.doc_freq)),
                Cell::Real(p.score, 3),
            ])?;
        }
        Ok(())
    })
}

/// A date as precisely as it is known (`2019-12-11`, `2019-12`, `2019`), or "".
fn iso(date: Option<PubDate>, buf: &mut String) -> &str {
    buf.clear();
    if let Some(d) = date {
        let _ = write!(buf, "{d}");
    }
    buf
}

fn write_speakers(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = [
        "speaker",
        "role",
        "kind",
        "statements",
        "named",
        "resolved",
        "documents",
        "first_date",
        "last_date",
        "variants",
    ];
    table(out, "speakers.csv", excel, &header, |rows| {
        let (mut first, mut last) = (String::new(), String::new());
        for s in &t.speakers.speakers {
            let variants = s.variants.join("; ");
            rows.row(&[
                Cell::Text(&s.name),
                Cell::Text(&s.role),
                Cell::Text(s.kind.as_str()),
                Cell::Int(u64::from(s.statements)),
                Cell::Int(u64::from(s.named)),
                Cell::Int(u64::from(s.resolved)),
                Cell::Int(u64::from(s.documents)),
                Cell::Text(iso(s.first_date, &mut first)),
                Cell::Text(iso(s.last_date, &mut last)),
                Cell::Text(&variants),
            ])?;
        }
        Ok(())
    })
}

fn write_quotes(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = [
        "doc_id", "date", "sentence", "speaker", "role", "verb", "how", "rule", "text",
    ];
    let quotes = &t.speakers.quotes;
    table_par(
        out,
        "quotes.csv",
        excel,
        &header,
        quotes.len(),
        |i, rows| {
            let q = &quotes[i];
            let mut date = String::new();
            rows.row(&[
                Cell::Text(&q.doc_id),
                Cell::Text(iso(q.date, &mut date)),
                Cell::Int(u64::from(q.sentence)),
                Cell::Text(&q.speaker),
                Cell::Text(&q.role),
                Cell::Text(&q.verb),
                Cell::Text(q.how.as_str()),
                Cell::Text(q.rule),
                Cell::Text(&q.text),
            ])
        },
    )
}

fn write_mentions(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = ["person", "mentions", "documents", "as_speaker"];
    table(out, "mentions.csv", excel, &header, |rows| {
        for m in &t.speakers.mentions {
            rows.row(&[
                Cell::Text(&m.person),
                Cell::Int(u64::from(m.mentions)),
                Cell::Int(u64::from(m.documents)),
                Cell::Int(u64::from(m.as_speaker)),
            ])?;
        }
        Ok(())
    })
}

fn write_speakers_by_period(out: &OutDir, t: &Tables<'_>, excel: bool) -> Result<PathBuf> {
    let header = ["period", "speaker", "statements"];
    table(out, "speakers_by_period.csv", excel, &header, |rows| {
        for (period, speaker, n) in &t.speakers.by_period {
            rows.row(&[
                Cell::Text(period),
                Cell::Text(speaker),
                Cell::Int(u64::from(*n)),
            ])?;
        }
        Ok(())
    })
}

/// The first rows of a table, read back for the report page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The table has more rows than these.
    pub more: bool,
}

/// Reads the header and the first `n` rows of a CSV written by [`write_all`].
pub fn head(path: &std::path::Path, n: usize) -> Result<Head> {
    let read_err = |e: csv::Error| crate::error::Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::other(e),
    };
    let file = std::fs::File::open(path).map_err(|source| crate::error::Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut rd = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::new(file));
    let header = rd
        .headers()
        .map_err(read_err)?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut head = Head {
        header,
        ..Head::default()
    };
    for rec in rd.records() {
        let rec = rec.map_err(read_err)?;
        if head.rows.len() == n {
            head.more = true;
            break;
        }
        head.rows.push(rec.iter().map(str::to_string).collect());
    }
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items that give zero, one or two rows, some needing quotes, over more than one batch
    /// of jobs: the parallel writer must give the serial loop's bytes exactly.
    #[test]
    fn parallel_table_has_the_serial_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = OutDir::create(&dir.path().join("report")).expect("out dir");
        let n = PAR_ITEMS * PAR_BATCH + 5;
        let fill = |i: usize, rows: &mut Rows<'_>| {
            for r in 0..i % 3 {
                let text = if r == 1 { "a, \"b\"" } else { "plain" };
                rows.row(&[Cell::Int(i as u64), Cell::Text(text), Cell::Real(0.5, 2)])?;
            }
            Ok(())
        };
        table_par(&out, "par.csv", true, &["i", "text", "x"], n, fill).expect("par");
        table(&out, "serial.csv", true, &["i", "text", "x"], |rows| {
            (0..n).try_for_each(|i| fill(i, rows))
        })
        .expect("serial");
        let par = std::fs::read(out.staged("par.csv")).expect("read par");
        let serial = std::fs::read(out.staged("serial.csv")).expect("read serial");
        assert_eq!(par, serial);
        let text = String::from_utf8(par).expect("utf-8");
        assert!(text.starts_with(
            "\u{feff}i,text,x\n1,plain,0.50\n2,plain,0.50\n2,\"a, \"\"b\"\"\",0.50\n4,plain"
        ));
        // n items give (n / 3) x 3 rows plus the tail's: 16389 = 3 x 5463, so 5463 x 3 rows.
        assert_eq!(text.lines().count(), 1 + 5463 * 3);
    }
}
