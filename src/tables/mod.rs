//! The tables of a report: their names, columns, row order and cells, defined once.
//!
//! Owns what each table holds ([`all`]: one [`Table`] per file, in the order of the page),
//! as typed [`Cell`]s (text, integer, decimal, date, yes/no). The writers format those cells
//! and nothing else: [`csv`] writes the CSV files (the only place with the csv crate),
//! [`crate::workbook`] the sheets of `report.xlsx`, and [`head`] gives the page its first rows.
//! Tables by subject: [`docs`] (documents, boilerplate), [`terms`] (terms, TF-IDF, the
//! matrix, phrases), [`speakers`], [`time`] (periods, term and topic trends), [`topics`], [`compare`] (keyness, speakers'
//! terms, co-mentions, keywords in context).

mod compare;
pub mod csv;
mod docs;
mod speakers;
mod terms;
mod time;
mod topics;

use crate::meta::PubDate;
use crate::results::Results;

pub use self::csv::write_all;

/// A cell of a row, typed so that every writer can format it right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Text(&'a str),
    Int(u64),
    /// A number with this many decimals.
    Real(f64, usize),
    /// A date, as precisely as it is known; empty when None.
    Date(Option<PubDate>),
    /// `true` / `false`.
    Bool(bool),
}

/// Where rows go: a CSV file, a worksheet, the page's first rows.
pub trait Sink {
    fn row(&mut self, cells: &[Cell<'_>]) -> std::io::Result<()>;
}

/// Rows of one item (a document, a term, a period) of a table.
pub type Fill<'r> = Box<dyn Fn(usize, &mut dyn Sink) -> std::io::Result<()> + Send + Sync + 'r>;

/// One table: its file name, what a row is, its columns, and its rows item by item (so that
/// a long table can be formatted in parallel chunks and written in order).
pub struct Table<'r> {
    /// `documents.csv`.
    pub name: &'static str,
    /// What one row is, for the workbook's About sheet.
    pub about: &'static str,
    pub header: Vec<String>,
    /// Items the rows come from; `fill(i, sink)` gives the rows of item `i`.
    pub items: usize,
    pub fill: Fill<'r>,
    /// Rows expected where an item gives several (see [`Table::cost`]).
    rows_hint: Option<usize>,
}

impl<'r> Table<'r> {
    pub(crate) fn new(
        name: &'static str,
        about: &'static str,
        header: &[&str],
        items: usize,
        fill: impl Fn(usize, &mut dyn Sink) -> std::io::Result<()> + Send + Sync + 'r,
    ) -> Self {
        Table {
            name,
            about,
            header: header.iter().map(|h| h.to_string()).collect(),
            items,
            fill: Box::new(fill),
            rows_hint: None,
        }
    }

    /// Says how many rows the table is expected to have, where an item gives several: only
    /// an estimate for [`Table::cost`], never a limit.
    pub(crate) fn expecting_rows(mut self, rows: usize) -> Self {
        self.rows_hint = Some(rows);
        self
    }

    /// About how much work the table's rows are (expected rows x columns): writers that
    /// give each table one core start the costliest first, so that the longest table does
    /// not begin last and run alone.
    pub fn cost(&self) -> usize {
        self.rows_hint.unwrap_or(self.items) * self.header.len().max(1)
    }

    /// A table of `items` rows whose one column holds the row number (for writers' tests).
    #[cfg(test)]
    pub fn new_for_test(name: &'static str, header: &[&str], items: usize) -> Table<'static> {
        Table::new(name, "row for a test", header, items, |i, rows| {
            rows.row(&[Cell::Int(i as u64)])
        })
    }

    /// All rows, in order.
    pub fn rows(&self, sink: &mut dyn Sink) -> std::io::Result<()> {
        (0..self.items).try_for_each(|i| (self.fill)(i, sink))
    }
}

/// Every table of the results, in the order of the page and the workbook.
pub fn all<'r>(r: &'r Results<'_>) -> Vec<Table<'r>> {
    let mut out = vec![
        docs::documents(r),
        docs::boilerplate(r),
        terms::terms(r),
        terms::tfidf(r),
    ];
    if r.matrix.is_some() {
        out.push(terms::doc_terms(r));
    }
    out.push(terms::phrases(r));
    out.extend(speakers::all(r));
    if let Some(tr) = r.trends {
        out.push(time::periods(tr));
        out.push(time::term_trends(tr));
        out.push(time::term_change(r.corpus, tr));
        if let Some(series) = r.topic_series {
            out.push(time::topic_trends(tr, series));
        }
    }
    if let Some(d) = r.discovered {
        out.push(topics::topics(r.corpus, d));
        out.push(topics::document_topics(r.corpus, d));
    }
    if let Some(input) = r.nmf_input {
        out.push(topics::topic_matrix(r.corpus, input));
    }
    out.push(compare::keyness(r));
    out.push(compare::speaker_terms(r));
    out.push(compare::co_mentions(r));
    out.push(compare::kwic(r));
    out
}

/// A cell as text: how the CSV and the page show it.
pub fn text(cell: &Cell<'_>, buf: &mut String) {
    use std::fmt::Write as _;
    buf.clear();
    match *cell {
        Cell::Text(s) => buf.push_str(s),
        Cell::Int(n) => {
            let _ = write!(buf, "{n}");
        }
        // `+ 0.0` turns -0.0 into 0.0, so no "-0.000000" reaches a spreadsheet.
        Cell::Real(x, decimals) => {
            let _ = write!(buf, "{:.*}", decimals, x + 0.0);
        }
        Cell::Date(Some(d)) => {
            let _ = write!(buf, "{d}");
        }
        Cell::Date(None) => {}
        Cell::Bool(b) => buf.push_str(if b { "true" } else { "false" }),
    }
}

/// The header and first rows of a table, for the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The table has more rows than these.
    pub more: bool,
}

/// The header and the first `n` rows of a table, as the CSV shows them.
pub fn head(table: &Table<'_>, n: usize) -> Head {
    struct First {
        rows: Vec<Vec<String>>,
        n: usize,
        more: bool,
    }
    impl Sink for First {
        fn row(&mut self, cells: &[Cell<'_>]) -> std::io::Result<()> {
            if self.rows.len() == self.n {
                self.more = true;
                // Enough: stop the table here.
                return Err(std::io::Error::other("enough rows"));
            }
            let mut buf = String::new();
            self.rows.push(
                cells
                    .iter()
                    .map(|c| {
                        text(c, &mut buf);
                        buf.clone()
                    })
                    .collect(),
            );
            Ok(())
        }
    }
    let mut first = First {
        rows: Vec::new(),
        n,
        more: false,
    };
    let _ = table.rows(&mut first);
    Head {
        header: table.header.clone(),
        rows: first.rows,
        more: first.more,
    }
}
