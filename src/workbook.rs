//! `report.xlsx`: every table as a typed sheet that any spreadsheet reads right.
//!
//! Owns the workbook: an "About" sheet first (the run summary and what each sheet holds),
//! then one sheet per table in the order of the page. Cells keep their type: integers and
//! decimals are numbers, dates are real dates shown as precisely as they are known
//! (`yyyy-mm-dd`, `yyyy-mm`, `yyyy`), yes/no is a boolean, and every text is text, so no
//! spreadsheet turns the term `true` into a boolean, `8pm` into a time, `0012` into 12 or
//! `1e5` into a number. Each sheet has its header row bold and frozen, an autofilter and
//! column widths that fit its first rows. A sheet holds at most [`MAX_DATA_ROWS`] rows (the
//! limit of Excel): a longer table stops there and says so on the sheet and in the run; its
//! CSV stays whole.
//!
//! Written with rust_xlsxwriter in its constant-memory mode (rows are streamed to scratch
//! files in the report's staging folder), the sheets side by side on the thread pool, with
//! formats numbered in a fixed order, a fixed creation date and zip times, so the same
//! results give the same bytes whatever the thread count. The only module that knows
//! rust_xlsxwriter.

use std::path::PathBuf;

use rayon::prelude::*;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::human::thousands;
use crate::meta::{Precision, PubDate};
use crate::output::OutDir;
use crate::tables::{Cell, Sink, Table, text};

/// Rows of data a sheet can hold below its header (Excel: 1,048,576 rows in all).
pub const MAX_DATA_ROWS: u32 = 1_048_575;
/// Column widths are fitted to the header and this many rows.
const WIDTH_ROWS: u32 = 1000;
const MAX_WIDTH: usize = 60;
/// Numbers with more decimals than this are written as they are, without a format.
const MAX_DECIMALS: usize = 10;
const NAME: &str = "report.xlsx";

/// A table cut at the row limit: its sheet and how many rows it has in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truncated {
    pub sheet: String,
    pub rows: u64,
}

/// A workbook whose sheets are written (to scratch files) but not yet packed into
/// `report.xlsx`: [`Sheets::save`] does that, on one core, so a run can give the other
/// cores other work meanwhile.
pub struct Sheets {
    book: Workbook,
    /// The sheets cut at the row limit.
    truncated: Vec<Truncated>,
}

/// Writes every table into its sheet, side by side on the thread pool, and the About sheet;
/// `about` are the run summary's lines (label, value).
pub fn sheets(out: &OutDir, tables: &[Table<'_>], about: &[(String, String)]) -> Result<Sheets> {
    let path = out.path().join(NAME);
    caught(&path, || sheets_limited(out, tables, about, MAX_DATA_ROWS))
}

/// Runs `write` and turns its panic into [`Error::Write`] for `path`: rust_xlsxwriter's
/// constant-memory sheets panic when their scratch file cannot be written (a full disk)
/// rather than return an error, and a run must end with a message the user can act on,
/// not a crash.
fn caught<T>(path: &std::path::Path, write: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(write)).unwrap_or_else(|panic| {
        let why = (panic.downcast_ref::<String>().map(String::as_str))
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("the spreadsheet library stopped");
        Err(Error::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(why.to_string()),
        })
    })
}

/// [`sheets`] with at most `limit` data rows a sheet (tests use a small one).
fn sheets_limited(
    out: &OutDir,
    tables: &[Table<'_>],
    about: &[(String, String)],
    limit: u32,
) -> Result<Sheets> {
    let fail = |e: XlsxError| Error::Write {
        path: out.path().join(NAME),
        source: std::io::Error::other(e),
    };
    let mut wb = Workbook::new();
    wb.set_tempdir(out.scratch()).map_err(fail)?;
    // Deflate level 1: at the default 6 most of the writing time went into compression
    // (bbc: 4.5 MB at level 6, 7.1 MB at level 1, in about half the time).
    wb.set_zip_compression_level(1);
    // A fixed creation date: the same results make the same bytes.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1).map_err(fail)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
    let formats = Formats::default();

    // The About sheet first, though its row counts are known only once the sheets are
    // written: sheets can be added in any order but shown in the order they were added.
    let about_sheet = wb.add_worksheet();
    about_sheet.set_name("About").map_err(fail)?;
    for _ in tables {
        wb.add_worksheet_with_constant_memory().map_err(fail)?;
    }
    // The sheets are written side by side. A format's number in the file is given when it is
    // first used, so all are used once first, in a fixed order, in cells cleared again: the
    // same results give the same bytes whatever the thread count.
    if let Some(first) = wb.worksheets_mut().get_mut(1) {
        formats.register(first).map_err(fail)?;
    }
    // Each sheet is written on one core, the costliest first, each core taking the next as
    // it is free: the longest sheet no longer starts late and runs alone at the end.
    let mut jobs: Vec<(usize, (&mut Worksheet, &Table<'_>))> = (wb.worksheets_mut()[1..]
        .iter_mut())
    .zip(tables)
    .enumerate()
    .collect();
    jobs.sort_by_key(|(i, (_, t))| (std::cmp::Reverse(t.cost()), *i));
    let mut counts = (jobs.into_iter().par_bridge())
        .map(|(i, (sheet, table))| write_sheet(sheet, table, &formats, limit).map(|n| (i, n)))
        .collect::<std::result::Result<Vec<(usize, u64)>, XlsxError>>()
        .map_err(fail)?;
    counts.sort_unstable();
    let counts: Vec<u64> = counts.into_iter().map(|(_, n)| n).collect();
    let about_sheet = wb.worksheet_from_index(0).map_err(fail)?;
    write_about(about_sheet, tables, &counts, about, &formats, limit).map_err(fail)?;
    let truncated = tables
        .iter()
        .zip(&counts)
        .filter(|(_, n)| **n > u64::from(limit))
        .map(|(t, &n)| Truncated {
            sheet: sheet_name(t.name).to_string(),
            rows: n,
        })
        .collect();
    Ok(Sheets {
        book: wb,
        truncated,
    })
}

impl Sheets {
    /// Packs the sheets into `report.xlsx` (zip and deflate: serial, about a fifth of the
    /// workbook's time); returns the file and the sheets cut at the row limit.
    pub fn save(mut self, out: &OutDir) -> Result<(PathBuf, Vec<Truncated>)> {
        let book = &mut self.book;
        let path = caught(&out.path().join(NAME), || {
            out.write(NAME, |w| {
                book.save_to_writer(w).map_err(std::io::Error::other)
            })
        })?;
        Ok((path, self.truncated))
    }
}

/// `documents.csv` -> `documents` (all our names fit Excel's 31 characters).
fn sheet_name(table: &str) -> &str {
    table.strip_suffix(".csv").unwrap_or(table)
}

/// The formats used, made once.
struct Formats {
    bold: Format,
    wrap: Format,
    day: Format,
    month: Format,
    year: Format,
    /// Decimal formats by number of decimals ("0.000"), from none to [`MAX_DECIMALS`].
    reals: Vec<Format>,
}

impl Default for Formats {
    fn default() -> Self {
        let date = |f: &str| Format::new().set_num_format(f);
        Formats {
            bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap(),
            day: date("yyyy-mm-dd"),
            month: date("yyyy-mm"),
            year: date("yyyy"),
            reals: (0..=MAX_DECIMALS)
                .map(|d| {
                    let f = if d == 0 {
                        "0".to_string()
                    } else {
                        format!("0.{}", "0".repeat(d))
                    };
                    Format::new().set_num_format(f)
                })
                .collect(),
        }
    }
}

impl Formats {
    /// The format of numbers with `decimals` decimals, up to [`MAX_DECIMALS`].
    fn real(&self, decimals: usize) -> Option<&Format> {
        self.reals.get(decimals)
    }

    /// Uses every format once, in a fixed order, in row 0 of `sheet`, and clears the cells.
    fn register(&self, sheet: &mut Worksheet) -> std::result::Result<(), XlsxError> {
        let all = [&self.bold, &self.wrap, &self.day, &self.month, &self.year]
            .into_iter()
            .chain(&self.reals);
        for (c, format) in all.enumerate() {
            sheet.write_number_with_format(0, c as u16, 0.0, format)?;
            sheet.clear_cell(0, c as u16);
        }
        Ok(())
    }
}

/// Writes a table's rows into its sheet; returns how many rows the table has.
fn write_sheet(
    sheet: &mut Worksheet,
    table: &Table<'_>,
    formats: &Formats,
    limit: u32,
) -> std::result::Result<u64, XlsxError> {
    let name = sheet_name(table.name);
    sheet.set_name(name)?;
    for (c, h) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &formats.bold)?;
    }
    let mut sink = SheetSink {
        sheet,
        formats,
        row: 0,
        limit,
        total: 0,
        widths: table.header.iter().map(|h| h.chars().count()).collect(),
        buf: String::new(),
        error: None,
        column_decimals: vec![None; table.header.len()],
    };
    // A writer error is kept and returned; the io::Error only stops the table.
    let _ = table.rows(&mut sink);
    if let Some(e) = sink.error.take() {
        return Err(e);
    }
    let (rows, total, widths) = (sink.row, sink.total, sink.widths);
    let cols = table.header.len() as u16;
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).clamp(6, MAX_WIDTH) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if cols > 0 {
        sheet.autofilter(0, 0, rows.max(1), cols - 1)?;
    }
    if total > u64::from(limit) {
        sheet.write_string_with_format(
            0,
            cols,
            format!(
                "Only the first {} of {} rows fit in a sheet: {} has them all.",
                thousands(i64::from(limit)),
                thousands(total as i64),
                table.name
            ),
            &formats.bold,
        )?;
    }
    Ok(total)
}

struct SheetSink<'s, 'f> {
    sheet: &'s mut Worksheet,
    formats: &'f Formats,
    /// Rows written (the last row index written).
    row: u32,
    limit: u32,
    /// Rows of the table, written or not.
    total: u64,
    widths: Vec<usize>,
    buf: String,
    error: Option<XlsxError>,
    /// The decimals of each column's own format, given by its first decimal cell: cells with
    /// the same decimals take the column's format instead of naming theirs. Looking a format
    /// up is a hash of all its fields under a lock the sheets written side by side share: a
    /// seventh of the workbook's time, and most of what kept it from scaling.
    column_decimals: Vec<Option<usize>>,
}

impl SheetSink<'_, '_> {
    fn write_cell(
        &mut self,
        row: u32,
        c: usize,
        cell: &Cell<'_>,
    ) -> std::result::Result<(), XlsxError> {
        let col = c as u16;
        if let Cell::Real(x, decimals) = *cell
            && let Some(format) = self.formats.real(decimals)
            && let Some(own) = self.column_decimals.get_mut(c)
        {
            if own.is_none() {
                self.sheet.set_column_format(col, format)?;
                *own = Some(decimals);
            }
            if *own == Some(decimals) {
                self.sheet.write_number(row, col, x + 0.0)?;
                return Ok(());
            }
        }
        // Other decimals than the column's name their format, as every other cell does.
        write_cell(self.sheet, row, col, cell, self.formats)
    }
}

impl Sink for SheetSink<'_, '_> {
    fn row(&mut self, cells: &[Cell<'_>]) -> std::io::Result<()> {
        self.total += 1;
        if self.row >= self.limit {
            return Ok(()); // counted, not written: the sheet is full
        }
        self.row += 1;
        let row = self.row;
        for (c, cell) in cells.iter().enumerate() {
            if let Err(e) = self.write_cell(row, c, cell) {
                self.error = Some(e);
                return Err(std::io::Error::other("workbook"));
            }
            if row <= WIDTH_ROWS && c < self.widths.len() {
                text(cell, &mut self.buf);
                self.widths[c] = self.widths[c].max(self.buf.chars().count());
            }
        }
        Ok(())
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell<'_>,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    match *cell {
        Cell::Text("") | Cell::Date(None) => {}
        Cell::Text(s) => {
            sheet.write_string(row, col, s)?;
        }
        Cell::Int(n) => {
            sheet.write_number(row, col, n as f64)?;
        }
        Cell::Real(x, decimals) => match f.real(decimals) {
            Some(format) => {
                sheet.write_number_with_format(row, col, x + 0.0, format)?;
            }
            None => {
                sheet.write_number(row, col, x + 0.0)?;
            }
        },
        Cell::Date(Some(d)) => {
            let (dt, format) = excel_date(d, f)?;
            sheet.write_datetime_with_format(row, col, &dt, format)?;
        }
        Cell::Bool(b) => {
            sheet.write_boolean(row, col, b)?;
        }
    }
    Ok(())
}

/// A date as Excel's: its first day, shown as precisely as it is known.
fn excel_date(d: PubDate, f: &Formats) -> std::result::Result<(ExcelDateTime, &Format), XlsxError> {
    use chrono::Datelike;
    let s = d.start;
    let year = u16::try_from(s.year()).unwrap_or(1900);
    let dt = ExcelDateTime::from_ymd(year, s.month() as u8, s.day() as u8)?;
    let format = match d.precision {
        Precision::Day => &f.day,
        Precision::Month => &f.month,
        Precision::Year => &f.year,
    };
    Ok((dt, format))
}

/// The About sheet: the run summary, then one line per sheet (what a row is, rows, columns).
fn write_about(
    sheet: &mut Worksheet,
    tables: &[Table<'_>],
    counts: &[u64],
    about: &[(String, String)],
    f: &Formats,
    limit: u32,
) -> std::result::Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, "newsreport", &f.bold)?;
    let mut row = 2;
    for (label, value) in about {
        sheet.write_string_with_format(row, 0, label, &f.bold)?;
        sheet.write_string_with_format(row, 1, value, &f.wrap)?;
        row += 1;
    }
    row += 1;
    for (c, h) in ["sheet", "one row per", "rows", "columns"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(row, c as u16, *h, &f.bold)?;
    }
    for (table, &n) in tables.iter().zip(counts) {
        row += 1;
        let mut what = table.about.to_string();
        if n > u64::from(limit) {
            what.push_str(&format!(
                " (only the first {} rows fit in the sheet; {} has them all)",
                thousands(i64::from(limit)),
                table.name
            ));
        }
        sheet.write_string(row, 0, sheet_name(table.name))?;
        sheet.write_string_with_format(row, 1, what, &f.wrap)?;
        sheet.write_number(row, 2, n as f64)?;
        sheet.write_string_with_format(row, 3, table.header.join(", "), &f.wrap)?;
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 70)?;
    sheet.set_column_width(2, 10)?;
    sheet.set_column_width(3, 70)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn a_panic_while_writing_is_an_error_that_names_the_file() {
        let path = std::path::Path::new("out/report.xlsx");
        let err = caught(path, || -> Result<()> {
            // What rust_xlsxwriter's sheets do when their scratch file cannot be written.
            let source = std::io::Error::from(std::io::ErrorKind::StorageFull);
            panic!("Couldn't write to xml file: {source:?}")
        });
        match err {
            Err(Error::Write { path: p, source }) => {
                assert_eq!(p, path);
                assert!(
                    source
                        .to_string()
                        .starts_with("Couldn't write to xml file: ")
                );
                assert!(source.to_string().contains("StorageFull"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(caught(path, || Ok(7)).ok(), Some(7));
    }

    #[test]
    fn a_table_beyond_the_row_limit_stops_and_says_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = OutDir::create(&dir.path().join("r")).expect("out");
        let numbers = crate::tables::Table::new_for_test("numbers.csv", &["n"], 5);
        let sheets = sheets_limited(&out, &[numbers], &[("Documents".into(), "5".into())], 3);
        let (_, truncated) = sheets.expect("sheets").save(&out).expect("xlsx");
        assert_eq!(
            truncated,
            [Truncated {
                sheet: "numbers".into(),
                rows: 5
            }]
        );
        // No scratch file is left in the staging folder.
        let left: Vec<_> = std::fs::read_dir(out.scratch())
            .expect("stage")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["report.xlsx"]);
    }

    /// Reads one part of an .xlsx file (a zip) as text.
    fn part(xlsx: &std::path::Path, name: &str) -> String {
        use std::io::Read;
        let file = std::fs::File::open(xlsx).expect("open xlsx");
        let mut zip = zip::ZipArchive::new(file).expect("zip");
        let mut text = String::new();
        (zip.by_name(name).expect(name))
            .read_to_string(&mut text)
            .expect("read part");
        text
    }

    /// The value of `attr="..."` in an XML tag.
    fn attr<'t>(tag: &'t str, attr: &str) -> Option<&'t str> {
        let at = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
        tag[at..].split('"').next()
    }

    /// A decimal column takes its format from its first decimal cell, and a cell with other
    /// decimals keeps its own: every number shows as many decimals as the CSV, as when each
    /// cell named its format.
    #[test]
    fn each_decimal_cell_shows_its_own_decimals() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = OutDir::create(&dir.path().join("r")).expect("out");
        let cells = [
            (Cell::Text("a"), Cell::Real(0.5, 2)),
            (Cell::Text("b"), Cell::Real(1.25, 3)),
            (Cell::Int(7), Cell::Real(2.0, 2)),
            (Cell::Text("d"), Cell::Real(-0.0, 2)),
        ];
        let table = Table::new(
            "mixed.csv",
            "row",
            &["label", "x"],
            cells.len(),
            |i, rows| rows.row(&[cells[i].0, cells[i].1]),
        );
        let sheets = sheets_limited(&out, &[table], &[], 10).expect("sheets");
        sheets.save(&out).expect("xlsx");
        let path = out.staged(NAME);
        // Style index -> number format code, through styles.xml.
        let styles = part(&path, "xl/styles.xml");
        let codes: HashMap<&str, &str> = (styles.split("<numFmt").skip(1))
            .filter_map(|t| Some((attr(t, "numFmtId")?, attr(t, "formatCode")?)))
            .collect();
        let xfs = styles.split("<cellXfs").nth(1).expect("cellXfs");
        let xfs = xfs.split("</cellXfs>").next().expect("end");
        let style: Vec<&str> = (xfs.split("<xf").skip(1))
            .map(|t| {
                attr(t, "numFmtId")
                    .and_then(|id| codes.get(id))
                    .copied()
                    .unwrap_or("General")
            })
            .collect();
        let sheet = part(&path, "xl/worksheets/sheet2.xml");
        let shown = |cell: &str| -> (String, &str) {
            let tag = sheet.split(&format!("<c r=\"{cell}\"")).nth(1).expect(cell);
            let tag = tag.split("</c>").next().expect("cell end");
            let s = attr(tag, "s").map_or("General", |s| style[s.parse::<usize>().expect("s")]);
            let v = tag.split("<v>").nth(1).and_then(|v| v.split("</v>").next());
            (v.unwrap_or("").to_string(), s)
        };
        assert_eq!(shown("B2"), ("0.5".into(), "0.00"));
        assert_eq!(shown("B3"), ("1.25".into(), "0.000"));
        assert_eq!(shown("B4"), ("2".into(), "0.00"));
        assert_eq!(shown("B5"), ("0".into(), "0.00"));
        // Other columns name no number format.
        assert_eq!(shown("A4"), ("7".into(), "General"));
    }
}
