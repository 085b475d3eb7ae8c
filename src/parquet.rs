//! The big tables as Apache Parquet files, beside their CSV: `documents.parquet`,
//! `quotes.parquet`, `mentions.parquet` and (with `--matrix`) `doc_terms.parquet`, for DuckDB,
//! Polars, pandas and Spark users; a million-row table belongs there, not in a spreadsheet.
//!
//! Written with `--parquet`, and without it for any of those tables of more than
//! [`AUTO_ROWS`] rows (Excel shows at most 1,048,576). Each column gets one Parquet type from
//! its cells over the whole table (a first pass reads only their kinds): whole numbers INT64,
//! decimals DOUBLE, yes/no BOOLEAN, anything else UTF-8 text as the CSV writes it; an empty
//! number or date is null. Snappy-compressed row groups of [`ROW_GROUP`] rows; the same rows
//! make the same bytes (the writer's name and version are fixed, no time is written).

use std::path::PathBuf;
use std::sync::Arc;

use parquet::basic::{Compression, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DataType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::types::Type;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::output::OutDir;
use crate::tables::{Cell, Sink, Table, text};

/// The tables written as Parquet too.
pub const TABLES: [&str; 4] = [
    "documents.csv",
    "quotes.csv",
    "mentions.csv",
    "doc_terms.csv",
];
/// Above this many rows one of [`TABLES`] is written as Parquet even without `--parquet`.
pub const AUTO_ROWS: usize = 1_000_000;
/// Rows a row group (and the most rows held in memory at once).
const ROW_GROUP: usize = 1 << 17;

/// Writes the Parquet files of `tables` that are due (all of [`TABLES`] when `always`, else
/// those over [`AUTO_ROWS`] rows), in parallel; returns the files written.
pub fn write_all(out: &OutDir, tables: &[Table<'_>], always: bool) -> Result<Vec<PathBuf>> {
    let due: Vec<&Table<'_>> = tables.iter().filter(|t| TABLES.contains(&t.name)).collect();
    let written: Vec<Option<PathBuf>> = due
        .par_iter()
        .map(|t| {
            let kinds = column_kinds(t);
            (always || kinds.rows > AUTO_ROWS)
                .then(|| write(out, t, &kinds.columns))
                .transpose()
        })
        .collect::<Result<_>>()?;
    Ok(written.into_iter().flatten().collect())
}

/// A column's Parquet type, from the kinds of its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Kind {
    /// No value yet (only empty cells): written as text.
    #[default]
    Empty,
    Int,
    Real,
    Bool,
    Text,
}

impl Kind {
    /// The kind of a column that was `self` and now holds `cell`.
    fn with(self, cell: &Cell<'_>) -> Kind {
        let seen = match cell {
            Cell::Text("") | Cell::Date(None) => return self,
            Cell::Int(_) => Kind::Int,
            Cell::Real(..) => Kind::Real,
            Cell::Bool(_) => Kind::Bool,
            Cell::Text(_) | Cell::Date(Some(_)) => Kind::Text,
        };
        match (self, seen) {
            (Kind::Empty, k) => k,
            (a, b) if a == b => a,
            (Kind::Int, Kind::Real) | (Kind::Real, Kind::Int) => Kind::Real,
            _ => Kind::Text,
        }
    }
}

struct Kinds {
    columns: Vec<Kind>,
    rows: usize,
}

impl Sink for Kinds {
    fn row(&mut self, cells: &[Cell<'_>]) -> std::io::Result<()> {
        self.rows += 1;
        for (k, c) in self.columns.iter_mut().zip(cells) {
            *k = k.with(c);
        }
        Ok(())
    }
}

/// The first pass: every column's kind, and the number of rows.
fn column_kinds(table: &Table<'_>) -> Kinds {
    let mut kinds = Kinds {
        columns: vec![Kind::Empty; table.header.len()],
        rows: 0,
    };
    for i in 0..table.items {
        // Kinds never fails.
        let _ = (table.fill)(i, &mut kinds);
    }
    kinds
}

/// One column's values of the current row group, and its definition levels (1: a value, 0:
/// null).
enum Values {
    Int(Vec<i64>),
    Real(Vec<f64>),
    Bool(Vec<bool>),
    Text(Vec<ByteArray>),
}

struct Column {
    values: Values,
    defined: Vec<i16>,
}

struct Writer<'w, W: std::io::Write + Send> {
    file: &'w mut SerializedFileWriter<W>,
    columns: Vec<Column>,
    rows: usize,
    buf: String,
    error: Option<parquet::errors::ParquetError>,
}

impl<W: std::io::Write + Send> Writer<'_, W> {
    /// Writes the buffered rows as one row group.
    fn flush(&mut self) -> parquet::errors::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.file.next_row_group()?;
        for c in &mut self.columns {
            let Some(mut w) = group.next_column()? else {
                break;
            };
            let d = &c.defined[..];
            match &mut c.values {
                Values::Int(v) => put::<Int64Type>(&mut w, v, d)?,
                Values::Real(v) => put::<DoubleType>(&mut w, v, d)?,
                Values::Bool(v) => put::<BoolType>(&mut w, v, d)?,
                Values::Text(v) => put::<ByteArrayType>(&mut w, v, d)?,
            }
            c.defined.clear();
            w.close()?;
        }
        group.close()?;
        self.rows = 0;
        Ok(())
    }
}

/// Writes one column's buffered values (with their definition levels) and empties them.
fn put<T: DataType>(
    w: &mut SerializedColumnWriter<'_>,
    values: &mut Vec<T::T>,
    defined: &[i16],
) -> parquet::errors::Result<()> {
    w.typed::<T>().write_batch(values, Some(defined), None)?;
    values.clear();
    Ok(())
}

impl<W: std::io::Write + Send> Sink for Writer<'_, W> {
    fn row(&mut self, cells: &[Cell<'_>]) -> std::io::Result<()> {
        for (c, cell) in self.columns.iter_mut().zip(cells) {
            let empty = matches!(cell, Cell::Text("") | Cell::Date(None));
            // A text column keeps an empty text as "", a number or date column writes null.
            let null = empty && !matches!((&c.values, cell), (Values::Text(_), Cell::Text("")));
            c.defined.push(i16::from(!null));
            if null {
                continue;
            }
            match (&mut c.values, cell) {
                (Values::Int(v), Cell::Int(n)) => v.push(*n as i64),
                (Values::Real(v), Cell::Int(n)) => v.push(*n as f64),
                (Values::Real(v), Cell::Real(x, _)) => v.push(*x + 0.0),
                (Values::Bool(v), Cell::Bool(b)) => v.push(*b),
                (Values::Text(v), cell) => {
                    text(cell, &mut self.buf);
                    v.push(ByteArray::from(self.buf.as_bytes().to_vec()));
                }
                // The first pass saw every cell: no other pairs.
                _ => c.defined.last_mut().into_iter().for_each(|d| *d = 0),
            }
        }
        self.rows += 1;
        if self.rows == ROW_GROUP
            && let Err(e) = self.flush()
        {
            self.error = Some(e);
            return Err(std::io::Error::other("parquet"));
        }
        Ok(())
    }
}

/// The schema: one optional column a header, of its kind's type.
fn schema(table: &Table<'_>, kinds: &[Kind]) -> parquet::errors::Result<Type> {
    let fields = table
        .header
        .iter()
        .zip(kinds)
        .map(|(name, kind)| {
            let (physical, logical) = match kind {
                Kind::Int => (Physical::INT64, None),
                Kind::Real => (Physical::DOUBLE, None),
                Kind::Bool => (Physical::BOOLEAN, None),
                Kind::Text | Kind::Empty => (
                    Physical::BYTE_ARRAY,
                    Some(parquet::basic::LogicalType::String),
                ),
            };
            Type::primitive_type_builder(name, physical)
                .with_repetition(Repetition::OPTIONAL)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<parquet::errors::Result<Vec<_>>>()?;
    Type::group_type_builder("schema")
        .with_fields(fields)
        .build()
}

/// Writes `table` as `<name>.parquet` with the columns' `kinds`.
fn write(out: &OutDir, table: &Table<'_>, kinds: &[Kind]) -> Result<PathBuf> {
    let name = format!("{}.parquet", table.name.trim_end_matches(".csv"));
    let fail = |e: parquet::errors::ParquetError| Error::Write {
        path: out.path().join(&name),
        source: std::io::Error::other(e),
    };
    let schema = Arc::new(schema(table, kinds).map_err(fail)?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_created_by(format!("newsreport {}", env!("CARGO_PKG_VERSION")))
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .build(),
    );
    out.write(&name, |w| {
        let io = |e: parquet::errors::ParquetError| std::io::Error::other(e);
        let mut file = SerializedFileWriter::new(w, schema, props).map_err(io)?;
        let columns = kinds
            .iter()
            .map(|k| Column {
                values: match k {
                    Kind::Int => Values::Int(Vec::new()),
                    Kind::Real => Values::Real(Vec::new()),
                    Kind::Bool => Values::Bool(Vec::new()),
                    Kind::Text | Kind::Empty => Values::Text(Vec::new()),
                },
                defined: Vec::new(),
            })
            .collect();
        let mut writer = Writer {
            file: &mut file,
            columns,
            rows: 0,
            buf: String::new(),
            error: None,
        };
        for i in 0..table.items {
            if let Err(e) = (table.fill)(i, &mut writer) {
                return Err(writer.error.take().map_or(e, io));
            }
        }
        writer.flush().map_err(io)?;
        file.close().map_err(io)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    fn rows_of(path: &std::path::Path) -> Vec<Vec<String>> {
        let reader = SerializedFileReader::new(std::fs::File::open(path).expect("open"))
            .expect("a Parquet file");
        reader
            .get_row_iter(None)
            .expect("rows")
            .map(|r| {
                r.expect("row")
                    .get_column_iter()
                    .map(|(_, f)| match f {
                        Field::Null => "NULL".to_string(),
                        Field::Str(s) => format!("'{s}'"),
                        Field::Double(x) => format!("{x:?}"),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn columns_get_one_type_each_and_empty_numbers_are_null() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = OutDir::create(&dir.path().join("r")).expect("out");
        let table = Table::new(
            "quotes.csv",
            "a statement",
            &["id", "n", "x", "flag", "text"],
            3,
            |i, rows| {
                let n = [Cell::Int(3), Cell::Text(""), Cell::Int(5)][i];
                let x = [Cell::Real(0.25, 2), Cell::Int(2), Cell::Real(-0.0, 1)][i];
                let t = [Cell::Text("Fiat Spa"), Cell::Text(""), Cell::Text("é")][i];
                rows.row(&[Cell::Int(i as u64), n, x, Cell::Bool(i == 1), t])
            },
        );
        let files = write_all(&out, std::slice::from_ref(&table), true).expect("written");
        assert_eq!(files, vec![out.path().join("quotes.parquet")]);
        let rows = rows_of(&out.staged("quotes.parquet"));
        let want = [
            ["0", "3", "0.25", "false", "'Fiat Spa'"],
            ["1", "NULL", "2.0", "true", "''"],
            ["2", "5", "0.0", "false", "'é'"],
        ];
        assert_eq!(rows, want.map(|r| r.map(String::from).to_vec()).to_vec());
    }

    #[test]
    fn without_the_flag_only_tables_past_the_limit_are_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = OutDir::create(&dir.path().join("r")).expect("out");
        let small = Table::new_for_test("documents.csv", &["n"], 10);
        let other = Table::new_for_test("terms.csv", &["n"], 10);
        assert!(
            write_all(&out, &[small, other], false)
                .expect("ok")
                .is_empty()
        );
        let other = Table::new_for_test("terms.csv", &["n"], 10);
        assert!(write_all(&out, &[other], true).expect("ok").is_empty());
    }

    #[test]
    fn the_same_rows_make_the_same_bytes() {
        let bytes = || {
            let dir = tempfile::tempdir().expect("tempdir");
            let out = OutDir::create(&dir.path().join("r")).expect("out");
            let t = Table::new_for_test("mentions.csv", &["n"], ROW_GROUP + 7);
            write_all(&out, &[t], true).expect("written");
            std::fs::read(out.staged("mentions.parquet")).expect("read")
        };
        let (a, b) = (bytes(), bytes());
        assert_eq!(a, b);
        assert!(a.starts_with(b"PAR1") && a.ends_with(b"PAR1"));
    }
}
