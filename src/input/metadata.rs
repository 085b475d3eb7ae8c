//! `--metadata FILE`: the user's own sheet of dates, titles, sources and any other attribute
//! of each article, which win over what is found in the text.
//!
//! The sheet is CSV or TSV (by extension; otherwise the delimiter of the header line: tab,
//! semicolon or comma). One column names the article: `doc_id`, `path`, `file` or
//! `filename` (names matched case-insensitively; a file name matches with or without its
//! extension and whatever folder the article is in). Known columns fill the document's
//! fields: `date` (or `published`, `pubdate`, `year`: a date may be `YYYY`, `YYYY-MM` or a
//! whole date, and keeps that precision), `title` (or `headline`), `source` (or `outlet`,
//! `publication`, `newspaper`, `paper`), `section`, `byline` (or `author`). Every other
//! column is kept as a document attribute (ungdc's `country_code`, `session`), written to
//! `documents.csv`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::input::Article;
use crate::meta::Given;

/// Names a column may have for each field, in order of preference.
const KEYS: [&str; 4] = ["doc_id", "path", "file", "filename"];
const DATES: [&str; 5] = ["date", "published", "pubdate", "publication_date", "year"];
const TITLES: [&str; 2] = ["title", "headline"];
const SOURCES: [&str; 5] = ["source", "outlet", "publication", "newspaper", "paper"];
const SECTIONS: [&str; 1] = ["section"];
const BYLINES: [&str; 2] = ["byline", "author"];

/// Metadata rows by document id, path or file name. Serialisable: a cluster's workers are
/// sent it.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Overrides {
    by_key: HashMap<String, Given>,
    /// Which column matched the rows: `doc_id`, `path`, `file` or `filename`.
    key_column: String,
    /// The attribute columns, in the sheet's order.
    attributes: Vec<Arc<str>>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// The names of the attribute columns, in the sheet's order.
    pub fn attribute_names(&self) -> &[Arc<str>] {
        &self.attributes
    }

    /// The user's metadata for a document, if any: by `doc_id`, then path, then (for a
    /// `file`/`filename` sheet) the path's file name with and without its extension.
    pub fn get(&self, doc_id: &str, path: &str) -> Option<&Given> {
        let hit = self.by_key.get(doc_id).or_else(|| self.by_key.get(path));
        if hit.is_some() || !matches!(self.key_column.as_str(), "file" | "filename") {
            return hit;
        }
        let name = Path::new(path).file_name()?.to_str()?;
        self.by_key
            .get(name)
            .or_else(|| self.by_key.get(strip_extension(name)))
    }

    /// Parses the text of a metadata sheet; `name` (its path) picks the delimiter by
    /// extension and names the sheet in messages.
    pub fn parse(text: &str, name: &str) -> std::result::Result<Self, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut rd = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(delimiter(text, name))
            .from_reader(text.as_bytes());
        let header: Vec<String> = rd
            .headers()
            .map_err(|e| format!("{name}: cannot read the header row: {e}"))?
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let find = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| header.iter().position(|h| h == n))
        };
        let key = find(&KEYS).ok_or_else(|| {
            format!(
                "{name}: needs a column that names each article (doc_id, path, file or filename) to match it; its columns are: {}",
                header.join(", ")
            )
        })?;
        let known = [
            Some(key),
            find(&DATES),
            find(&TITLES),
            find(&SOURCES),
            find(&SECTIONS),
            find(&BYLINES),
        ];
        let [_, date, title, source, section, byline] = known;
        let attribute_cols: Vec<usize> = (0..header.len())
            .filter(|c| !known.contains(&Some(*c)) && !header[*c].is_empty())
            .collect();
        let attributes: Vec<Arc<str>> = attribute_cols
            .iter()
            .map(|&c| Arc::from(header[c].as_str()))
            .collect();
        if known[1..].iter().all(Option::is_none) && attributes.is_empty() {
            return Err(format!(
                "{name}: has no column besides {}: give at least one of date, title, source, or any attribute; its columns are: {}",
                header[key],
                header.join(", ")
            ));
        }
        let by_file = matches!(header[key].as_str(), "file" | "filename");
        let mut by_key = HashMap::new();
        for (i, rec) in rd.records().enumerate() {
            let rec = rec.map_err(|e| format!("{name}: row {}: {e}", i + 2))?;
            let cell = |c: Option<usize>| {
                c.and_then(|c| rec.get(c))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(String::from)
            };
            let Some(mut k) = cell(Some(key)) else {
                continue;
            };
            if by_file {
                // A file name matches whatever folder its article is in.
                k = k.rsplit(['/', '\\']).next().unwrap_or(&k).to_string();
            }
            let given = Given {
                date: cell(date),
                title: cell(title),
                source: cell(source),
                section: cell(section),
                byline: cell(byline),
                attributes: attributes
                    .iter()
                    .zip(&attribute_cols)
                    .map(|(n, &c)| (n.clone(), cell(Some(c)).unwrap_or_default()))
                    .collect(),
            };
            if by_file {
                by_key.insert(strip_extension(&k).to_string(), given.clone());
            }
            by_key.insert(k, given);
        }
        Ok(Self {
            by_key,
            key_column: header[key].clone(),
            attributes,
        })
    }

    /// Loads a metadata sheet; an unusable one is a usage error that says what to fix.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string()).map_err(Error::Usage)
    }
}

/// `name.txt` -> `name`; a name without an extension stays.
fn strip_extension(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains(' ') => stem,
        _ => name,
    }
}

/// Tab for `.tsv`/`.tab`, comma for `.csv`; otherwise whichever of tab, semicolon and comma
/// the header line holds most of (a sheet saved by a spreadsheet in a comma-decimal locale
/// uses semicolons).
fn delimiter(text: &str, name: &str) -> u8 {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("tsv" | "tab") => b'\t',
        Some("csv") => b',',
        _ => {
            let header = text.lines().next().unwrap_or("");
            [b'\t', b';', b',']
                .into_iter()
                .max_by_key(|&d| (header.bytes().filter(|&b| b == d).count(), d == b','))
                .unwrap_or(b',')
        }
    }
}

/// An article's `Given` metadata: its table's columns overlaid with the user's sheet.
pub fn given_for(article: &Article, sheet: &Overrides) -> Given {
    overlay(&article.given, sheet.get(&article.doc_id, &article.path))
}

/// The dates alone of a sheet, by the same keys: all the first pass needs of it (which copy
/// of an article is the original), and what a cluster's workers are sent.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Dates {
    /// (key, date as written), in key order.
    rows: Vec<(String, String)>,
    key_column: String,
}

impl Overrides {
    /// The rows' dates, without their other columns.
    pub fn dates(&self) -> Dates {
        let mut rows: Vec<(String, String)> = (self.by_key.iter())
            .filter_map(|(k, g)| Some((k.clone(), g.date.clone()?)))
            .collect();
        rows.sort_unstable();
        Dates {
            rows,
            key_column: self.key_column.clone(),
        }
    }
}

impl From<Dates> for Overrides {
    /// A sheet of dates only, matched to articles as the sheet they came from.
    fn from(d: Dates) -> Overrides {
        let by_key = (d.rows.into_iter())
            .map(|(k, date)| {
                let given = Given {
                    date: Some(date),
                    ..Given::default()
                };
                (k, given)
            })
            .collect();
        Overrides {
            by_key,
            key_column: d.key_column,
            attributes: Vec::new(),
        }
    }
}

/// Fills in what the user gave: each field of `over` wins over `base`.
pub fn overlay(base: &Given, over: Option<&Given>) -> Given {
    let Some(o) = over else {
        return base.clone();
    };
    let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
    Given {
        date: pick(&o.date, &base.date),
        title: pick(&o.title, &base.title),
        source: pick(&o.source, &base.source),
        section: pick(&o.section, &base.section),
        byline: pick(&o.byline, &base.byline),
        attributes: o.attributes.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_alone_match_as_the_sheet_does() {
        let sheet = Overrides::parse(
            "file,date,title,country\nA.txt,2019-12,T,GB\nb.txt,,U,FR\n",
            "m.csv",
        )
        .expect("parse");
        let dates = Overrides::from(sheet.dates());
        // By file name, with and without the extension, in any folder; a row without a
        // date gives none; nothing but the date travels.
        for (id, path) in [("A", "x/A.txt"), ("z", "y/A.txt"), ("A.txt", "A.txt")] {
            let got = dates.get(id, path).expect("row of A");
            assert_eq!(got.date.as_deref(), Some("2019-12"), "{id} {path}");
            assert_eq!((got.title.as_deref(), got.attributes.len()), (None, 0));
        }
        assert!(dates.get("b", "b.txt").is_none());
        assert!(dates.attribute_names().is_empty());
    }

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
        // A doc_id sheet never matches by file name: `x` is not `sub/x`.
        assert!(p.get("sub/y", "other/x.txt").is_none());
    }

    #[test]
    fn a_tsv_with_a_file_column_and_years_like_ungdc() {
        let m = Overrides::parse(
            "file\tcountry_code\tsession\tyear\nARG_01_1946.txt\tARG\t1\t1946\nUSA_70_2015.txt\tUSA\t70\t2015\n",
            "index.tsv",
        )
        .expect("parse");
        let g = m
            .get("ARG_01_1946", "/data/ungdc/articles/ARG_01_1946.txt")
            .expect("by file name");
        assert_eq!(g.date.as_deref(), Some("1946"));
        let attrs: Vec<(&str, &str)> = g
            .attributes
            .iter()
            .map(|(n, v)| (&**n, v.as_str()))
            .collect();
        assert_eq!(attrs, [("country_code", "ARG"), ("session", "1")]);
        let names: Vec<&str> = m.attribute_names().iter().map(|n| &**n).collect();
        assert_eq!(names, ["country_code", "session"]);
        // Without the extension too, and in any folder.
        assert!(m.get("x/USA_70_2015", "x/USA_70_2015.txt").is_some());
    }

    #[test]
    fn the_delimiter_is_sniffed_without_a_known_extension() {
        assert_eq!(delimiter("doc_id;date;title\n", "meta.txt"), b';');
        assert_eq!(delimiter("doc_id\tdate\n", "meta"), b'\t');
        assert_eq!(delimiter("doc_id,date\n", "meta"), b',');
        assert_eq!(delimiter("doc_id\tdate\n", "meta.csv"), b',');
        let m = Overrides::parse("doc_id;headline;outlet\na;Talks;TASS\n", "m.txt").expect("parse");
        let a = m.get("a", "").expect("row");
        assert_eq!(
            (a.title.as_deref(), a.source.as_deref()),
            (Some("Talks"), Some("TASS"))
        );
    }

    #[test]
    fn unusable_files_say_what_to_fix() {
        let e = Overrides::parse("name,date\n", "m.csv").expect_err("no key");
        assert!(
            e.contains("doc_id, path, file or filename") && e.contains("name, date"),
            "{e}"
        );
        let e = Overrides::parse("doc_id\n", "m.csv").expect_err("no field");
        assert!(e.contains("at least one of date"), "{e}");
    }

    #[test]
    fn overlay_prefers_the_user() {
        let base = Given {
            date: Some("1".into()),
            title: Some("t".into()),
            section: Some("News".into()),
            ..Given::default()
        };
        let over = Given {
            date: Some("2".into()),
            source: Some("s".into()),
            ..Given::default()
        };
        let g = overlay(&base, Some(&over));
        assert_eq!(
            (
                g.date.as_deref(),
                g.title.as_deref(),
                g.source.as_deref(),
                g.section.as_deref()
            ),
            (Some("2"), Some("t"), Some("s"), Some("News"))
        );
    }
}
