//! `documents.csv` (every input article, whatever became of it) and `boilerplate.csv` (the
//! furniture removed, pattern by pattern).

use super::{Cell, Table};
use crate::corpus::Status;
use crate::meta::Meta;
use crate::results::Results;

pub fn documents<'r>(r: &'r Results<'_>) -> Table<'r> {
    let mut header = vec![
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
    header.extend(r.attributes.iter().map(|a| &**a));
    Table::new(
        "documents.csv",
        "input article, whatever became of it (analysed, duplicate or skipped)",
        &header,
        r.records.len(),
        move |i, rows| {
            let rec = &r.records[i];
            let status = rec.status.label();
            let duplicate_of = match &rec.status {
                Status::Duplicate(of) => of,
                _ => "",
            };
            let m = rec.meta.as_ref();
            let words = m.map(Meta::words);
            let w = words.as_ref();
            let pubdate = m.and_then(|m| m.date);
            let doc = rec.analysed().map(|i| &r.corpus.docs[i]);
            let int_or_empty = |v: Option<u64>| v.map_or(Cell::Text(""), Cell::Int);
            let mut cells = vec![
                Cell::Text(rec.name.doc_id()),
                Cell::Text(rec.name.path()),
                Cell::Text(&status),
                Cell::Text(duplicate_of),
                Cell::Date(pubdate),
                Cell::Text(pubdate.map_or("", |d| d.precision.as_str())),
                Cell::Text(w.map_or("", |w| w.date_raw())),
                Cell::Text(m.map_or("", |m| m.date_from.as_str())),
                Cell::Text(w.and_then(|w| w.title()).unwrap_or("")),
                Cell::Text(w.and_then(|w| w.source()).unwrap_or("")),
                Cell::Text(w.and_then(|w| w.section()).unwrap_or("")),
                Cell::Text(w.and_then(|w| w.byline()).unwrap_or("")),
                int_or_empty(doc.map(|d| d.characters)),
                int_or_empty(doc.map(|d| u64::from(d.tokens))),
                int_or_empty(doc.map(|d| d.terms.len() as u64)),
                int_or_empty(doc.map(|d| u64::from(d.sentences))),
                int_or_empty(m.map(|m| m.boilerplate_lines as u64)),
                Cell::Text(rec.encoding),
            ];
            // By name, so a document's attributes land under their own columns.
            for name in r.attributes {
                let value = m
                    .and_then(|m| m.attributes.iter().find(|(n, _)| n == name))
                    .map_or("", |(_, v)| v.as_str());
                cells.push(Cell::Text(value));
            }
            rows.row(&cells)
        },
    )
}

pub fn boilerplate<'r>(r: &'r Results<'_>) -> Table<'r> {
    Table::new(
        "boilerplate.csv",
        "pattern of page furniture removed, most articles first",
        &["pattern", "kind", "articles", "lines", "example"],
        r.boilerplate.len(),
        move |i, rows| {
            let p = &r.boilerplate[i];
            rows.row(&[
                Cell::Text(&p.pattern),
                Cell::Text(p.kind),
                Cell::Int(p.articles),
                Cell::Int(p.lines),
                Cell::Text(&p.example),
            ])
        },
    )
}
