//! The one place that writes files into the output folder.
//!
//! Owns how a file reaches the disk: it is written under a temporary name in the same folder
//! and renamed into place only once complete, so a reader (or an interrupted run) never sees a
//! half-written table. Errors name the file and what to do.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The output folder, created if needed.
#[derive(Debug, Clone)]
pub struct OutDir {
    dir: PathBuf,
}

impl OutDir {
    /// Creates the folder (and parents). Fails early, before any long work, if it cannot.
    pub fn create(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        Ok(Self {
            dir: dir.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes `name` completely through `fill`, then renames it into place.
    pub fn write<F>(&self, name: &str, fill: F) -> Result<PathBuf>
    where
        F: FnOnce(&mut dyn Write) -> std::io::Result<()>,
    {
        let target = self.dir.join(name);
        let temp = self
            .dir
            .join(format!(".{name}.{}.partial", std::process::id()));
        let result = (|| {
            let mut w = BufWriter::with_capacity(1 << 16, File::create(&temp)?);
            fill(&mut w)?;
            let file = w.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            std::fs::rename(&temp, &target)
        })();
        result.map_err(|source| {
            let _ = std::fs::remove_file(&temp);
            Error::Write {
                path: target.clone(),
                source,
            }
        })?;
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = OutDir::create(&dir.path().join("r")).expect("create");
        let p = out
            .write("a.csv", |w| w.write_all(b"x,y\n"))
            .expect("write");
        assert_eq!(std::fs::read_to_string(p).expect("read"), "x,y\n");
        let names: Vec<_> = std::fs::read_dir(out.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["a.csv"]);
    }

    #[test]
    fn failed_write_keeps_the_previous_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = OutDir::create(dir.path()).expect("create");
        out.write("a.csv", |w| w.write_all(b"old\n"))
            .expect("write");
        let err = out
            .write("a.csv", |w| {
                w.write_all(b"half")?;
                Err(std::io::Error::other("disk full"))
            })
            .expect_err("must fail");
        assert!(err.to_string().contains("a.csv"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.csv")).expect("read"),
            "old\n"
        );
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }
}
