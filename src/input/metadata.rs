//! `--metadata FILE.csv`: the user's own dates, titles and sources, which win over what is
//! found in the text.
//!
//! The file has a `doc_id` or `path` column and any of `date`, `title`, `source` (names
//! matched case-insensitively). Rows are looked up by `doc_id` first, then by path.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::meta::Given;

/// Metadata rows by document id or path.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    by_key: HashMap<String, Given>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// The user's metadata for a document, if any.
    pub fn get(&self, doc_id: &str, path: &str) -> Option<&Given> {
        self.by_key.get(doc_id).or_else(|| self.by_key.get(path))
    }

    /// Parses the CSV text of a metadata file (`name` is used in messages).
    pub fn parse(text: &str, name: &str) -> std::result::Result<Self, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut rd = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = rd
            .headers()
            .map_err(|e| format!("{name}: cannot read the header row: {e}"))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let find = |n: &str| header.iter().position(|h| h == n);
        let key = find("doc_id").or_else(|| find("path")).ok_or_else(|| {
            format!(
                "{name}: needs a doc_id or path column to match articles; its columns are: {}",
                header.join(", ")
            )
        })?;
        let (date, title, source) = (find("date"), find("title"), find("source"));
        if date.is_none() && title.is_none() && source.is_none() {
            return Err(format!(
                "{name}: has none of the columns date, title, source; its columns are: {}",
                header.join(", ")
            ));
        }
        let mut by_key = HashMap::new();
        for (i, rec) in rd.records().enumerate() {
            let rec = rec.map_err(|e| format!("{name}: row {}: {e}", i + 2))?;
            let cell = |c: Option<usize>| {
                c.and_then(|c| rec.get(c))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(String::from)
            };
            let Some(k) = cell(Some(key)) else { continue };
            by_key.insert(
                k,
                Given {
                    date: cell(date),
                    title: cell(title),
                    source: cell(source),
                },
            );
        }
        Ok(Self { by_key })
    }

    /// Loads a metadata file; an unusable one is a usage error that says what to fix.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string()).map_err(Error::Usage)
    }
}

/// Fills in what the user gave: each field of `over` wins over `base`.
pub fn overlay(base: &Given, over: Option<&Given>) -> Given {
    let Some(o) = over else {
        return base.clone();
    };
    Given {
        date: o.date.clone().or_else(|| base.date.clone()),
        title: o.title.clone().or_else(|| base.title.clone()),
        source: o.source.clone().or_else(|| base.source.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_by_doc_id_or_path() {
        let m = Overrides::parse(
            "Doc_ID,Date,Title\na,2019-12-11,\"Title, with comma\"\nb,,\n",
            "m.csv",
        )
        .expect("parse");
        let a = m.get("a", "x/a.txt").expect("row a");
        assert_eq!(a.date.as_deref(), Some("2019-12-11"));
        assert_eq!(a.title.as_deref(), Some("Title, with comma"));
        assert_eq!(m.get("b", "").map(|g| g.date.is_none()), Some(true));
        let p = Overrides::parse("path,source\nseeds/x.txt,TASS\n", "m.csv").expect("parse");
        assert_eq!(
            p.get("x", "seeds/x.txt").and_then(|g| g.source.as_deref()),
            Some("TASS")
        );
    }

    #[test]
    fn unusable_files_say_what_to_fix() {
        let e = Overrides::parse("name,date\n", "m.csv").expect_err("no key");
        assert!(
            e.contains("doc_id or path") && e.contains("name, date"),
            "{e}"
        );
        let e = Overrides::parse("doc_id,when\n", "m.csv").expect_err("no field");
        assert!(e.contains("date, title, source"), "{e}");
    }

    #[test]
    fn overlay_prefers_the_user() {
        let base = Given {
            date: Some("1".into()),
            title: Some("t".into()),
            source: None,
        };
        let over = Given {
            date: Some("2".into()),
            title: None,
            source: Some("s".into()),
        };
        let g = overlay(&base, Some(&over));
        assert_eq!(
            (g.date.as_deref(), g.title.as_deref(), g.source.as_deref()),
            (Some("2"), Some("t"), Some("s"))
        );
    }
}
