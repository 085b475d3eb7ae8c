//! The one place that writes files into the output folder, and publishes the report.
//!
//! Owns how a report reaches the disk. Every file of a run is written into a staging folder
//! beside the output folder (`.<name>.newsreport-stage-<pid>`); only when the whole report,
//! `run.json` last, is complete does [`OutDir::publish`] swap the staging folder with the
//! output folder in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`; elsewhere two
//! renames, with recovery at the next start). So whatever interrupts a run (Ctrl-C,
//! `kill -9`, a full disk), the output folder holds the previous complete report or the new
//! complete one, never a mix.
//!
//! Because the folder is replaced as a whole, newsreport only takes a folder of its own: one
//! that does not exist yet, is empty, or holds a report it wrote before (files listed in its
//! `run.json`). A folder with anything else in it (`--out src`, `--out ~`) is refused before
//! any work, so nothing newsreport did not create is ever deleted or overwritten.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The name of the manifest; a folder whose manifest names newsreport is a report of ours.
pub const MANIFEST: &str = "run.json";

/// Marks the hidden folders newsreport makes beside the output folder.
const STAGE: &str = "newsreport-stage-";
const OLD: &str = "newsreport-old-";

/// The engine's spill folder inside a staging folder (never part of a report).
const SPILL: &str = "spill";

/// The output folder of a run, and the staging folder its files are written into.
#[derive(Debug)]
pub struct OutDir {
    /// Where the report is published (absolute, links resolved).
    target: PathBuf,
    /// Where this run writes until it publishes.
    stage: PathBuf,
    published: bool,
}

impl OutDir {
    /// Checks that `dir` can take a report (before any long work) and makes the staging
    /// folder. Cleans up what interrupted runs left beside it.
    pub fn create(dir: &Path) -> Result<Self> {
        let write_err = |path: &Path, source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let target = absolute(dir).map_err(|e| write_err(dir, e))?;
        let (parent, name) = match (target.parent(), target.file_name()) {
            (Some(p), Some(n)) => (p.to_path_buf(), n.to_string_lossy().into_owned()),
            _ => {
                return Err(Error::Usage(format!(
                    "--out {}: give a folder for the report, for example --out reports",
                    dir.display()
                )));
            }
        };
        std::fs::create_dir_all(&parent).map_err(|e| write_err(&parent, e))?;
        recover(&parent, &name, &target);
        if target.exists() {
            check_ours(dir, &target)?;
        }
        let stage = parent.join(format!(".{name}.{STAGE}{}", std::process::id()));
        if stage.exists() {
            remove_report(&stage);
        }
        std::fs::create_dir(&stage).map_err(|e| write_err(&stage, e))?;
        Ok(Self {
            target,
            stage,
            published: false,
        })
    }

    /// The folder the report is published to.
    pub fn path(&self) -> &Path {
        &self.target
    }

    /// The folders this run writes to, never to be read as input.
    pub fn own_folders(&self) -> Vec<PathBuf> {
        vec![self.target.clone(), self.stage.clone()]
    }

    /// Where `name` is until the report is published (to read back what was written).
    pub fn staged(&self, name: &str) -> PathBuf {
        self.stage.join(name)
    }

    /// The staging folder: scratch files of a writer go there, so that an interrupted run
    /// leaves them where the next run cleans up.
    pub fn scratch(&self) -> &Path {
        &self.stage
    }

    /// Where the engine spills counts past the memory budget: inside the staging folder, so
    /// a killed run's spill files go with it at the next start.
    pub fn spill_dir(&self) -> PathBuf {
        self.stage.join(SPILL)
    }

    /// Writes `name` completely through `fill` into the staging folder; returns the path it
    /// will have once published.
    pub fn write<F>(&self, name: &str, fill: F) -> Result<PathBuf>
    where
        F: FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
    {
        let target = self.target.join(name);
        let staged = self.stage.join(name);
        let result = (|| {
            let mut w = BufWriter::with_capacity(1 << 16, File::create(&staged)?);
            fill(&mut w)?;
            let file = w.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()
        })();
        result.map_err(|source| {
            let _ = std::fs::remove_file(&staged);
            Error::Write {
                path: target.clone(),
                source,
            }
        })?;
        Ok(target)
    }

    /// Puts the staged report in place of the output folder in one step, then removes the
    /// previous report. Call once everything, the manifest last, is written.
    pub fn publish(mut self) -> Result<()> {
        let err = |path: &Path, source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Ok(dir) = File::open(&self.stage) {
            // The files' names must reach the disk before the swap makes them the report.
            let _ = dir.sync_all();
        }
        if !self.target.exists() {
            std::fs::rename(&self.stage, &self.target).map_err(|e| err(&self.target, e))?;
            self.published = true;
            return Ok(());
        }
        if exchange(&self.stage, &self.target).is_ok() {
            // The staging path now holds the previous report.
            self.published = true;
            remove_report(&self.stage);
            return Ok(());
        }
        // No atomic exchange here: move the old report aside, then the new one in. A run
        // stopped between the two leaves the old report aside, which the next start restores.
        let parent = self.stage.parent().unwrap_or(Path::new("."));
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let old = parent.join(format!(".{name}.{OLD}{}", std::process::id()));
        std::fs::rename(&self.target, &old).map_err(|e| err(&self.target, e))?;
        if let Err(e) = std::fs::rename(&self.stage, &self.target) {
            let _ = std::fs::rename(&old, &self.target);
            return Err(err(&self.target, e));
        }
        self.published = true;
        remove_report(&old);
        Ok(())
    }
}

impl Drop for OutDir {
    /// A run that fails before publishing removes what it staged; the output folder was
    /// never touched.
    fn drop(&mut self) {
        if !self.published {
            remove_report(&self.stage);
        }
    }
}

/// `dir` made absolute with links resolved, so the folder itself (not a link to it) is what
/// gets replaced, and its parent is known.
fn absolute(dir: &Path) -> std::io::Result<PathBuf> {
    if dir.exists() {
        return std::fs::canonicalize(dir);
    }
    let abs = std::path::absolute(dir)?;
    // Resolve the existing ancestors, keep the rest as given.
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(p), Some(n)) => {
                rest.push(n.to_os_string());
                existing = p;
            }
            _ => return Ok(abs),
        }
    }
    let mut out = std::fs::canonicalize(existing)?;
    out.extend(rest.iter().rev());
    Ok(out)
}

/// The files of a report of ours in `dir`, from its manifest; `None` when `dir` holds no
/// manifest written by newsreport.
fn report_files(dir: &Path) -> Option<BTreeSet<String>> {
    let text = std::fs::read_to_string(dir.join(MANIFEST)).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    if json.get("tool")?.as_str()? != "newsreport" {
        return None;
    }
    let mut files: BTreeSet<String> = json
        .get("files")?
        .as_array()?
        .iter()
        .filter_map(|f| f.as_str())
        // Only plain names: a manifest never makes us touch anything outside the folder.
        .filter(|f| !f.contains(['/', '\\']) && *f != ".." && *f != ".")
        .map(str::to_string)
        .collect();
    files.insert(MANIFEST.to_string());
    Some(files)
}

/// Refuses an output folder holding anything newsreport did not write.
fn check_ours(given: &Path, target: &Path) -> Result<()> {
    if !target.is_dir() {
        return Err(Error::Usage(format!(
            "--out {}: this is a file, not a folder; give a folder for the report, for example --out reports",
            given.display()
        )));
    }
    let ours = report_files(target).unwrap_or_default();
    let mut foreign: Vec<String> = std::fs::read_dir(target)
        .map_err(|source| Error::Write {
            path: target.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !ours.contains(n))
        .collect();
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let shown: Vec<&str> = foreign.iter().take(3).map(String::as_str).collect();
    let more = match foreign.len() {
        n if n > 3 => format!(" and {} more", n - 3),
        _ => String::new(),
    };
    Err(Error::Usage(format!(
        "--out {}: the folder holds files newsreport did not write ({}{more}). newsreport replaces its report folder as a whole, so it needs a folder of its own: give a new or empty folder, or one holding an earlier report (for example --out reports), or move those files out",
        given.display(),
        shown.join(", ")
    )))
}

/// Deletes a report folder of ours: the files its manifest lists, then the folder if that
/// left it empty. Anything else found there is left alone.
fn remove_report(dir: &Path) {
    let listed = report_files(dir);
    // A staging folder without a manifest is a run that never finished: all of it is ours.
    // With a manifest (a finished report, or the previous one swapped out) only the files
    // it lists are, whatever else someone put there since.
    let unfinished = listed.is_none()
        && dir
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains(STAGE));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        let ours = unfinished || listed.as_ref().is_some_and(|l| l.contains(&name));
        if is_file && ours {
            let _ = std::fs::remove_file(entry.path());
        } else if unfinished && name == SPILL && entry.file_type().is_ok_and(|t| t.is_dir()) {
            // The spill files of a run killed while counting (DataFusion's own folders in it).
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let _ = std::fs::remove_dir(dir);
}

/// Cleans what interrupted runs left beside the output folder: staging folders of runs no
/// longer alive, and a previous report moved aside but not replaced (put back).
fn recover(parent: &Path, name: &str, target: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.filter_map(|e| e.ok()) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let (old, pid) = match (rest.strip_prefix(STAGE), rest.strip_prefix(OLD)) {
            (Some(pid), _) => (false, pid),
            (_, Some(pid)) => (true, pid),
            _ => continue,
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id() && alive(pid) {
            continue;
        }
        if old && !target.exists() {
            let _ = std::fs::rename(entry.path(), target);
        } else {
            remove_report(&entry.path());
        }
    }
}

/// Whether process `pid` is running (so its staging folder is not ours to clean).
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without a cheap check, assume alive: a stale folder costs disk, a wrong guess data.
        true
    }
}

/// Swaps two folders atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    fn manifest(files: &[&str]) -> String {
        serde_json::json!({"tool": "newsreport", "files": files}).to_string()
    }

    /// A run writing `files` (name, content) and the manifest listing them.
    fn report(dir: &Path, files: &[(&str, &str)]) {
        let out = OutDir::create(dir).expect("create");
        for (n, c) in files {
            out.write(n, |w| w.write_all(c.as_bytes())).expect("write");
        }
        let listed: Vec<&str> = files.iter().map(|f| f.0).collect();
        out.write(MANIFEST, |w| w.write_all(manifest(&listed).as_bytes()))
            .expect("manifest");
        out.publish().expect("publish");
    }

    #[test]
    fn nothing_is_visible_until_published_then_all_at_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("r");
        let out = OutDir::create(&target).expect("create");
        out.write("a.csv", |w| w.write_all(b"x,y\n"))
            .expect("write");
        assert!(!target.exists(), "a report appears only when complete");
        out.write(MANIFEST, |w| w.write_all(manifest(&["a.csv"]).as_bytes()))
            .expect("manifest");
        out.publish().expect("publish");
        assert_eq!(names(&target), ["a.csv", "run.json"]);
        assert_eq!(
            std::fs::read_to_string(target.join("a.csv")).expect("read"),
            "x,y\n"
        );
        // Nothing left beside it.
        assert_eq!(names(dir.path()), ["r"]);
    }

    #[test]
    fn a_new_report_replaces_the_old_one_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("r");
        report(&target, &[("a.csv", "old a"), ("b.csv", "old b")]);
        report(&target, &[("a.csv", "new a"), ("c.png", "new c")]);
        // b.csv belonged to the old report only, so it goes with it.
        assert_eq!(names(&target), ["a.csv", "c.png", "run.json"]);
        assert_eq!(
            std::fs::read_to_string(target.join("a.csv")).expect("read"),
            "new a"
        );
        assert_eq!(names(dir.path()), ["r"]);
    }

    #[test]
    fn a_failed_run_leaves_the_previous_report_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("r");
        report(&target, &[("a.csv", "old\n")]);
        {
            let out = OutDir::create(&target).expect("create");
            let err = out
                .write("a.csv", |w| {
                    w.write_all(b"half")?;
                    Err(std::io::Error::other("disk full"))
                })
                .expect_err("must fail");
            assert!(err.to_string().contains("a.csv"), "{err}");
            // Dropped without publishing.
        }
        assert_eq!(
            std::fs::read_to_string(target.join("a.csv")).expect("read"),
            "old\n"
        );
        assert_eq!(names(&target), ["a.csv", "run.json"]);
        assert_eq!(names(dir.path()), ["r"], "staging folder removed");
    }

    #[test]
    fn a_folder_with_other_files_is_refused_and_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("main.rs"), "fn main() {}").expect("write");
        std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
        let err = OutDir::create(dir.path()).expect_err("must refuse");
        let msg = err.to_string();
        assert!(
            msg.contains("main.rs") && msg.contains("notes.txt"),
            "{msg}"
        );
        assert!(msg.contains("new or empty folder"), "{msg}");
        assert_eq!(err.exit_code(), 2);
        assert_eq!(names(dir.path()), ["main.rs", "notes.txt"]);
    }

    #[test]
    fn a_file_added_to_an_old_report_is_refused_not_deleted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("r");
        report(&target, &[("a.csv", "old")]);
        std::fs::write(target.join("a.xlsx"), "my spreadsheet").expect("write");
        let err = OutDir::create(&target).expect_err("must refuse");
        assert!(err.to_string().contains("a.xlsx"), "{err}");
        assert_eq!(names(&target), ["a.csv", "a.xlsx", "run.json"]);
    }

    #[test]
    fn leftovers_of_a_killed_run_are_cleaned_and_an_old_report_restored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("r");
        report(&target, &[("a.csv", "old")]);
        // A run killed between moving the old report aside and moving the new one in, and a
        // staging folder of a process that no longer exists (pid beyond the kernel's limit).
        let aside = dir.path().join(format!(".r.{OLD}4194305"));
        std::fs::rename(&target, &aside).expect("move aside");
        let stale = dir.path().join(format!(".r.{STAGE}4194306"));
        std::fs::create_dir(&stale).expect("mkdir");
        std::fs::write(stale.join("a.csv"), "half").expect("write");
        let out = OutDir::create(&target).expect("create");
        assert_eq!(names(&target), ["a.csv", "run.json"], "old report restored");
        drop(out);
        assert_eq!(names(dir.path()), ["r"]);
    }

    #[test]
    fn a_link_to_the_folder_is_followed_not_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real");
        report(&real, &[("a.csv", "old")]);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        report(&link, &[("a.csv", "new")]);
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("stat")
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read_to_string(real.join("a.csv")).expect("read"),
            "new"
        );
    }
}
