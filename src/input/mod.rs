//! Stage 1: read one input file into articles.
//!
//! Owns bytes on disk -> [`Article`]s: decoding ([`decode`]), corpora shipped as one table
//! ([`table`]: a CSV or JSONL file with one article per row), and archive exports
//! ([`export`]: Factiva and LexisNexis text files, one or many records per file). A file that cannot be
//! used becomes an [`Unreadable`] with the reason, never a crash; problems in single rows are
//! warnings that name the row.

pub mod decode;
pub mod export;
pub mod metadata;
pub mod table;

use crate::Warning;
use crate::discover::{Kind, Source};
use crate::meta::Given;
pub use table::Columns;

/// One article as read, before anything is known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub doc_id: String,
    pub path: String,
    pub text: String,
    /// Metadata from the table's columns, if the article came from a table.
    pub given: Given,
    pub encoding: &'static str,
}

/// A file (or row) that yields no article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub doc_id: String,
    pub path: String,
    pub reason: String,
}

/// Everything one file gave.
#[derive(Debug, Default)]
pub struct FileRead {
    pub articles: Vec<Article>,
    pub unreadable: Vec<Unreadable>,
    /// XXH3 of the file's bytes (0 when it could not be read): what the report was made from.
    pub fingerprint: u64,
    pub warnings: Vec<Warning>,
}

/// A .txt file larger than this is unlikely to be one article (the longest news features
/// are well under 1 MB), so the user is told how to split it.
const HUGE_ARTICLE: usize = 16 << 20;

/// Reads one input file; `columns` names the columns of CSV/JSONL tables.
pub fn read_source(source: &Source, columns: &Columns) -> FileRead {
    let path = source.path.display().to_string();
    let mut out = FileRead::default();
    let unreadable = |reason: String| Unreadable {
        doc_id: source.doc_id.clone(),
        path: path.clone(),
        reason,
    };
    let bytes = match std::fs::read(&source.path) {
        Ok(b) => b,
        Err(e) => {
            out.unreadable.push(unreadable(format!("cannot read: {e}")));
            return out;
        }
    };
    out.fingerprint = xxhash_rust::xxh3::xxh3_64(&bytes);
    let (text, encoding) = match decode::decode(&bytes) {
        decode::Decoded::Text {
            text,
            encoding,
            note,
        } => {
            if let Some(note) = note {
                out.warnings.push(Warning::new(&source.path, note));
            }
            (text, encoding)
        }
        decode::Decoded::Skipped(why) => {
            out.unreadable.push(unreadable(why));
            return out;
        }
    };
    let size = bytes.len();
    drop(bytes);
    let rows = match source.kind {
        Kind::Text => {
            if size > HUGE_ARTICLE {
                out.warnings.push(Warning::new(
                    &source.path,
                    format!(
                        "{} MB in one .txt file, analysed as one article; if it holds many articles, give one file per article, or a .csv/.jsonl table with one row per article",
                        size / 1_000_000
                    ),
                ));
            }
            match export::split(&text) {
                Some((_, records)) => {
                    out.articles
                        .extend(from_export(records, &source.doc_id, &path, encoding))
                }
                None => out.articles.push(Article {
                    doc_id: source.doc_id.clone(),
                    path,
                    text,
                    given: Given::default(),
                    encoding,
                }),
            }
            return out;
        }
        Kind::Csv => table::read_csv(&text, columns),
        Kind::Jsonl => table::read_jsonl(&text, columns),
    };
    match rows {
        Ok(read) => {
            for problem in read.problems {
                out.warnings.push(Warning::new(&source.path, problem));
            }
            for row in read.rows {
                out.articles.push(Article {
                    doc_id: format!("{}/{}", source.doc_id, row.id),
                    path: path.clone(),
                    text: row.text,
                    given: Given {
                        date: row.date,
                        title: row.title,
                        source: row.source,
                        ..Given::default()
                    },
                    encoding,
                });
            }
        }
        Err(why) => out.unreadable.push(unreadable(why)),
    }
    out
}

/// The articles of an archive export: one keeps the file's doc_id; several are named
/// `FILE/ID` by their record id (made unique). The headline opens the text, as in a file of
/// one article; the header fields become the article's metadata.
fn from_export(
    records: Vec<export::Record>,
    doc_id: &str,
    path: &str,
    encoding: &'static str,
) -> Vec<Article> {
    let single = records.len() == 1;
    let mut seen = std::collections::HashSet::new();
    records
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut id = if r.id.is_empty() {
                (i + 1).to_string()
            } else {
                r.id.clone()
            };
            if !seen.insert(id.clone()) {
                id = format!("{id}-{}", i + 1);
                seen.insert(id.clone());
            }
            let text = match &r.title {
                Some(t) => format!("{t}\n\n{}", r.body),
                None => r.body,
            };
            Article {
                doc_id: if single {
                    doc_id.to_string()
                } else {
                    format!("{doc_id}/{id}")
                },
                path: path.to_string(),
                text,
                given: Given {
                    date: r.date,
                    title: r.title,
                    source: r.source,
                    section: r.section,
                    byline: r.byline,
                    attributes: Vec::new(),
                },
                encoding,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn source(dir: &std::path::Path, name: &str, bytes: &[u8], kind: Kind) -> Source {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        Source {
            doc_id: name.rsplit_once('.').map_or(name, |(s, _)| s).to_string(),
            path,
            kind,
            size: bytes.len() as u64,
        }
    }

    #[test]
    fn csv_rows_become_articles_with_their_columns() {
        let dir = tempfile::tempdir().expect("temp dir");
        let s = source(
            dir.path(),
            "news.csv",
            b"id,Headline,body,published\n7,Talks,\"Russia and the US, again.\",2019-12-11\n,,Second text,\n",
            Kind::Csv,
        );
        let read = read_source(&s, &Columns::default());
        let ids: Vec<&str> = read.articles.iter().map(|a| a.doc_id.as_str()).collect();
        assert_eq!(ids, ["news/7", "news/2"]);
        assert_eq!(read.articles[0].text, "Russia and the US, again.");
        assert_eq!(read.articles[0].given.title.as_deref(), Some("Talks"));
        assert_eq!(read.articles[0].given.date.as_deref(), Some("2019-12-11"));
        assert!(read.unreadable.is_empty());
    }

    #[test]
    fn a_table_without_text_column_is_unreadable_with_the_fix() {
        let dir = tempfile::tempdir().expect("temp dir");
        let s = source(dir.path(), "t.csv", b"a,b\n1,2\n", Kind::Csv);
        let read = read_source(&s, &Columns::default());
        assert!(read.articles.is_empty());
        assert!(
            read.unreadable[0].reason.contains("--text-column"),
            "{:?}",
            read.unreadable
        );
    }

    #[test]
    fn windows_1252_is_decoded_and_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let s = source(
            dir.path(),
            "old.txt",
            b"Caf\xe9 cr\xe8me \x93quoted\x94 talks in Moscow.",
            Kind::Text,
        );
        let read = read_source(&s, &Columns::default());
        assert_eq!(
            read.articles[0].text,
            "Caf\u{e9} cr\u{e8}me \u{201c}quoted\u{201d} talks in Moscow."
        );
        assert_eq!(read.articles[0].encoding, "windows-1252");
        assert_eq!(read.warnings.len(), 1);
    }

    #[test]
    fn missing_file_is_unreadable() {
        let s = Source {
            doc_id: "x".into(),
            path: PathBuf::from("/no/such/file.txt"),
            kind: Kind::Text,
            size: 0,
        };
        let read = read_source(&s, &Columns::default());
        assert!(read.unreadable[0].reason.starts_with("cannot read"));
    }
}
