//! An article's `doc_id` and path, in one allocation shared by its record and its document:
//! every article keeps both until the tables are written (822,768 on the 16x corpus of
//! `benches/scale_corpus.py`), and the `doc_id` is most often part of the path
//! (`copy3/bbc/articles/business_001` in `x16/copy3/bbc/articles/business_001.txt`), so it is
//! kept once. Two `Arc<str>` took two allocations and their headers.

use std::sync::Arc;

/// A `doc_id` and a path.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct DocName {
    /// The path, then the `doc_id` when the path does not hold it.
    text: Arc<str>,
    /// Where the `doc_id` is in `text`.
    id: [u32; 2],
    /// Where the path ends in `text`.
    path_end: u32,
}

impl DocName {
    pub fn new(doc_id: &str, path: &str) -> DocName {
        let at = path.find(doc_id);
        let text: Arc<str> = match at {
            Some(_) => path.into(),
            None => format!("{path}{doc_id}").into(),
        };
        let start = at.unwrap_or(path.len());
        // A path or id past 4 GiB is no file name: such a name reads back empty.
        let offset = |n: usize| u32::try_from(n).unwrap_or(0);
        DocName {
            id: [offset(start), offset(start + doc_id.len())],
            path_end: offset(path.len()),
            text,
        }
    }

    pub fn doc_id(&self) -> &str {
        (self.text.get(self.id[0] as usize..self.id[1] as usize)).unwrap_or_default()
    }

    pub fn path(&self) -> &str {
        self.text.get(..self.path_end as usize).unwrap_or_default()
    }
}

impl std::fmt::Debug for DocName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocName")
            .field("doc_id", &self.doc_id())
            .field("path", &self.path())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_and_path_read_back_as_given() {
        let cases = [
            // Inside the path: kept once.
            ("bbc/business_001", "x1/bbc/business_001.txt", 23),
            // Not in it (a table's row, an export's record): after it.
            ("news.csv#12", "data/news.csv", 24),
            ("é", "ü/a.txt", 10),
            ("", "", 0),
            ("a", "", 1),
        ];
        for (id, path, len) in cases {
            let name = DocName::new(id, path);
            assert_eq!((name.doc_id(), name.path()), (id, path));
            assert_eq!(name.text.len(), len, "{id} {path}");
        }
        assert_eq!(DocName::default().doc_id(), "");
    }
}
