//! The CSV files: UTF-8 with a header row, comma-separated, quoted per RFC 4180, `.` as the
//! decimal point, written completely or not at all ([`OutDir::write`]). With `--excel` each
//! starts with a UTF-8 byte-order mark. The only module that knows the csv crate.

use std::io::Write;
use std::path::PathBuf;

use rayon::prelude::*;

use super::{Cell, Sink, Table, text};
use crate::error::Result;
use crate::output::OutDir;

struct CsvSink<W: Write> {
    csv: csv::Writer<W>,
    buf: String,
}

impl<W: Write> CsvSink<W> {
    fn new(w: W) -> Self {
        CsvSink {
            csv: csv::WriterBuilder::new().from_writer(w),
            buf: String::new(),
        }
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn row(&mut self, cells: &[Cell<'_>]) -> std::io::Result<()> {
        for cell in cells {
            text(cell, &mut self.buf);
            self.csv.write_field(&self.buf)?;
        }
        self.csv.write_record(None::<&[u8]>)?;
        Ok(())
    }
}

/// Items per formatting job of a long table, and jobs formatted before each write.
const PAR_ITEMS: usize = 1024;
const PAR_BATCH: usize = 16;

/// Writes one table. A table of many items (documents, quotes) is formatted in parallel, in
/// fixed chunks written in item order, so the bytes are those of the serial loop; batches
/// bound the memory held to a few MB.
pub fn write(out: &OutDir, table: &Table<'_>, excel: bool) -> Result<PathBuf> {
    out.write(table.name, |w| {
        if excel {
            w.write_all(b"\xEF\xBB\xBF")?;
        }
        {
            let mut head = csv::WriterBuilder::new().from_writer(&mut *w);
            head.write_record(&table.header)?;
            head.flush()?;
        }
        if table.items <= PAR_ITEMS {
            let mut sink = CsvSink::new(&mut *w);
            table.rows(&mut sink)?;
            return sink.csv.flush();
        }
        let starts: Vec<usize> = (0..table.items).step_by(PAR_ITEMS).collect();
        for batch in starts.chunks(PAR_BATCH) {
            let parts: Vec<std::io::Result<Vec<u8>>> = batch
                .par_iter()
                .map(|&start| {
                    let mut sink = CsvSink::new(Vec::new());
                    for i in start..(start + PAR_ITEMS).min(table.items) {
                        (table.fill)(i, &mut sink)?;
                    }
                    sink.csv.into_inner().map_err(|e| e.into_error())
                })
                .collect();
            for part in parts {
                w.write_all(&part?)?;
            }
        }
        Ok(())
    })
}

/// Writes every table; returns the files written, in the tables' order.
///
/// The tables are independent files, so they are written in parallel (on the caller's rayon
/// pool). Each file's bytes come from one job alone, so the output does not depend on the
/// thread count.
pub fn write_all(out: &OutDir, tables: &[Table<'_>], excel: bool) -> Result<Vec<PathBuf>> {
    tables.par_iter().map(|t| write(out, t, excel)).collect()
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
        let fill = |i: usize, rows: &mut dyn Sink| {
            for r in 0..i % 3 {
                let text = if r == 1 { "a, \"b\"" } else { "plain" };
                rows.row(&[Cell::Int(i as u64), Cell::Text(text), Cell::Real(0.5, 2)])?;
            }
            Ok(())
        };
        let n = PAR_ITEMS * PAR_BATCH + 5;
        let par = Table::new("par.csv", "", &["i", "text", "x"], n, fill);
        write(&out, &par, true).expect("par");
        let mut serial = Vec::new();
        serial.extend_from_slice(b"\xEF\xBB\xBFi,text,x\n");
        let mut sink = CsvSink::new(&mut serial);
        (0..n).try_for_each(|i| fill(i, &mut sink)).expect("serial");
        sink.csv.flush().expect("flush");
        drop(sink);
        let par = std::fs::read(out.staged("par.csv")).expect("read par");
        assert_eq!(par, serial);
        let text = String::from_utf8(par).expect("utf-8");
        assert!(text.starts_with(
            "\u{feff}i,text,x\n1,plain,0.50\n2,plain,0.50\n2,\"a, \"\"b\"\"\",0.50\n4,plain"
        ));
        // n items give (n / 3) x 3 rows plus the tail's: 16389 = 3 x 5463, so 5463 x 3 rows.
        assert_eq!(text.lines().count(), 1 + 5463 * 3);
    }

    #[test]
    fn cells_are_written_as_people_read_them() {
        let mut sink = CsvSink::new(Vec::new());
        let d = crate::meta::pubdate::parse_given("1946").ok();
        sink.row(&[
            Cell::Real(-0.0, 3),
            Cell::Date(d),
            Cell::Date(None),
            Cell::Bool(true),
            Cell::Text("true"),
        ])
        .expect("row");
        let bytes = sink.csv.into_inner().expect("bytes");
        assert_eq!(
            String::from_utf8(bytes).expect("utf-8"),
            "0.000,1946,,true,true\n"
        );
    }
}
