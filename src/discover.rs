//! Stage 0: find the input files and give each document its id.
//!
//! Owns which files are read (`*.txt`, `*.csv` and `*.jsonl` under folders, recursively; any
//! file named directly), what kind each is (by extension; a plain text file otherwise),
//! the document id (`doc_id`: the path relative to its input folder, without the extension,
//! with `/` separators), and the order of documents (by `doc_id`, then path), which makes the
//! report independent of the order the file system lists files in.
//!
//! Folders are walked without following a symbolic link to a folder twice, so a link loop
//! ends the walk of that branch with a warning instead of running forever.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::Warning;
use crate::error::{Error, Result};

/// One input file and the id of its document (of its documents' prefix, for a table).
/// Serialisable: the cluster path sends the files to read to its workers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub doc_id: String,
    pub path: PathBuf,
    pub kind: Kind,
    /// Bytes when listed (for progress; the file may change before it is read).
    pub size: u64,
}

/// What a file holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Kind {
    /// One article.
    Text,
    /// One article per row, with a header row.
    Csv,
    /// One article per line, each a JSON object.
    Jsonl,
}

impl Kind {
    /// By extension (case-insensitive); `None` for files a folder walk skips.
    fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Kind::Text),
            "csv" => Some(Kind::Csv),
            "jsonl" | "ndjson" => Some(Kind::Jsonl),
            _ => None,
        }
    }
}

/// Files to read, sorted by document id, and what could not be walked.
#[derive(Debug, Default)]
pub struct Discovery {
    pub sources: Vec<Source>,
    pub warnings: Vec<Warning>,
}

/// Finds the documents under `inputs`, never looking inside the folders in `skip` (the
/// report's own folders, given with links resolved, so a report kept inside the corpus is
/// not read back as news). An input that does not exist is a usage error.
pub fn discover(inputs: &[PathBuf], skip: &[PathBuf]) -> Result<Discovery> {
    let mut found = Discovery::default();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| {
            Error::Usage(format!(
                "input {} cannot be opened ({e}). Name a folder of .txt articles or an article file.",
                input.display()
            ))
        })?;
        if meta.is_dir() {
            let mut seen: HashSet<PathBuf> = HashSet::new();
            walk(input, input, skip, &mut seen, &mut found);
        } else {
            found.sources.push(Source {
                doc_id: id_of(Path::new(input.file_name().unwrap_or(input.as_os_str()))),
                path: input.clone(),
                kind: Kind::of(input).unwrap_or(Kind::Text),
                size: meta.len(),
            });
        }
    }
    make_ids_unique(&mut found.sources);
    found.sources.sort();
    found.sources.dedup_by(|a, b| a.path == b.path);
    Ok(found)
}

fn walk(
    root: &Path,
    dir: &Path,
    skip: &[PathBuf],
    seen: &mut HashSet<PathBuf>,
    found: &mut Discovery,
) {
    // Canonical paths tell a folder reached twice through links (a loop) from a new one.
    match std::fs::canonicalize(dir) {
        Ok(real) => {
            if skip.contains(&real) {
                return;
            }
            if !seen.insert(real) {
                found.warnings.push(Warning::new(
                    dir,
                    "folder reached again through a symbolic link (a loop?); not read twice",
                ));
                return;
            }
        }
        Err(e) => {
            found
                .warnings
                .push(Warning::new(dir, format!("cannot resolve folder: {e}")));
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found
                .warnings
                .push(Warning::new(dir, format!("cannot list folder: {e}")));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                found
                    .warnings
                    .push(Warning::new(dir, format!("cannot list folder: {e}")));
                continue;
            }
        };
        let path = entry.path();
        // metadata() follows links, so a link to a file or a folder is read like one.
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                found
                    .warnings
                    .push(Warning::new(&path, format!("cannot open: {e}")));
                continue;
            }
        };
        if meta.is_dir() {
            walk(root, &path, skip, seen, found);
        } else if let Some(kind) = Kind::of(&path) {
            if !meta.is_file() {
                // Reading a named pipe would wait for a writer forever.
                found.warnings.push(Warning::new(
                    &path,
                    "not a regular file (a named pipe, socket or device); skipped",
                ));
                continue;
            }
            let relative = path.strip_prefix(root).unwrap_or(&path);
            found.sources.push(Source {
                doc_id: id_of(relative),
                path,
                kind,
                size: meta.len(),
            });
        }
    }
}

/// `a/b/c.txt` -> `a/b/c` (with `/` on every platform, and no root: `/x/y.txt` -> `x/y`).
fn id_of(relative: &Path) -> String {
    let without_ext = relative.with_extension("");
    without_ext
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Ids that clash get longer until unique: first the extension is kept (`x.txt` and `x.csv`
/// side by side), then, for the same relative path in two inputs (`a/x.txt`, `b/x.txt`),
/// the whole path is used. Every id stays unique and stable.
fn make_ids_unique(sources: &mut [Source]) {
    let clashing = |sources: &[Source]| {
        let mut counts = std::collections::HashMap::new();
        for s in sources {
            *counts.entry(s.doc_id.clone()).or_insert(0usize) += 1;
        }
        counts.retain(|_, n| *n > 1);
        counts
    };
    let counts = clashing(sources);
    for s in sources.iter_mut() {
        if counts.contains_key(&s.doc_id)
            && let Some(ext) = s.path.extension()
        {
            s.doc_id = format!("{}.{}", s.doc_id, ext.to_string_lossy());
        }
    }
    let counts = clashing(sources);
    for s in sources.iter_mut() {
        if counts.contains_key(&s.doc_id) {
            s.doc_id = id_of(&s.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_txt_recursively_with_relative_ids() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).expect("mkdir");
        std::fs::write(root.join("b/c/z.txt"), "z").expect("write");
        std::fs::write(root.join("a.TXT"), "a").expect("write");
        std::fs::write(root.join("notes.md"), "no").expect("write");
        std::fs::write(root.join("t.csv"), "text\nx").expect("write");
        let found = discover(&[root.to_path_buf()], &[]).expect("discover");
        let ids: Vec<&str> = found.sources.iter().map(|s| s.doc_id.as_str()).collect();
        assert_eq!(ids, ["a", "b/c/z", "t"]);
        assert_eq!(found.sources[2].kind, Kind::Csv);
        assert!(found.warnings.is_empty());
    }

    #[test]
    fn same_relative_path_in_two_inputs_stays_unique() {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["one", "two"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
            std::fs::write(dir.path().join(sub).join("x.txt"), "x").expect("write");
        }
        let found =
            discover(&[dir.path().join("one"), dir.path().join("two")], &[]).expect("discover");
        let ids: Vec<String> = found.sources.iter().map(|s| s.doc_id.clone()).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        assert!(
            ids.iter().all(|i| !i.starts_with('/') && i.ends_with("/x")),
            "{ids:?}"
        );
        assert!(
            ids[0].ends_with("one/x") && ids[1].ends_with("two/x"),
            "{ids:?}"
        );
    }

    #[test]
    fn missing_input_is_a_usage_error() {
        let err = discover(&[PathBuf::from("/no/such/folder")], &[]).expect_err("must fail");
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("/no/such/folder"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_walked_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("d")).expect("mkdir");
        std::fs::write(dir.path().join("d/x.txt"), "x").expect("write");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("d/loop")).expect("symlink");
        let found = discover(&[dir.path().to_path_buf()], &[]).expect("discover");
        assert_eq!(found.sources.len(), 1);
        assert_eq!(found.warnings.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_skipped_with_a_warning_not_waited_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.txt"), "x").expect("write");
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let found = discover(&[dir.path().to_path_buf()], &[]).expect("discover");
        assert_eq!(found.sources.len(), 1);
        assert_eq!(found.warnings.len(), 1);
        assert!(found.warnings[0].to_string().contains("pipe.txt"));
        assert!(found.warnings[0].to_string().contains("not a regular file"));
    }

    #[test]
    fn same_name_with_two_extensions_keeps_the_extensions() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("x.txt"), "x").expect("write");
        std::fs::write(dir.path().join("x.csv"), "text\nx").expect("write");
        std::fs::write(dir.path().join("y.txt"), "y").expect("write");
        let found = discover(&[dir.path().to_path_buf()], &[]).expect("discover");
        let ids: Vec<&str> = found.sources.iter().map(|s| s.doc_id.as_str()).collect();
        assert_eq!(ids, ["x.csv", "x.txt", "y"]);
    }

    #[test]
    fn skipped_folders_are_not_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("reports")).expect("mkdir");
        std::fs::write(dir.path().join("a.txt"), "x").expect("write");
        std::fs::write(dir.path().join("reports/terms.csv"), "term\nx\n").expect("write");
        let report = std::fs::canonicalize(dir.path().join("reports")).expect("real");
        let found = discover(&[dir.path().to_path_buf()], &[report]).expect("discover");
        let ids: Vec<&str> = found.sources.iter().map(|s| s.doc_id.as_str()).collect();
        assert_eq!(ids, ["a"]);
        assert!(found.warnings.is_empty());
    }
}
