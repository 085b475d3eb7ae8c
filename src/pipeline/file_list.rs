//! The input file list on disk from the start of the first pass to the third: every
//! file's id, path, kind and size cost about 280 bytes in memory (230 MB for the 822,768
//! files of the 16x benchmark corpus), held through both passes and the corpus arithmetic,
//! although each pass needs only the files it is reading now.
//!
//! [`FileList::store`] writes the list to a file in the staging folder's spill directory
//! (removed with the staging folder, also after a kill) and drops it; [`FileList::in_blocks`]
//! reads it back in order, a block of files at a time, for the first two passes;
//! [`FileList::matching`] keeps only the files the third pass asks for. Where the file cannot
//! be written, the list stays in memory: a full disk costs memory, never the run.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::discover::{Kind, Source};

/// The file list, on disk or (where it could not be written) in memory.
pub struct FileList {
    kept: Kept,
    /// The first block read that failed: a pass then saw only the files before it, and the
    /// run stops ([`FileList::read_back_failed`]).
    failed: OnceLock<String>,
}

enum Kept {
    OnDisk { path: PathBuf, files: usize },
    InMemory(Vec<Source>),
}

/// Files a pass is given at once: 16,384 of them take about 4.5 MB.
const BLOCK: usize = 1 << 14;

impl FileList {
    /// Writes `sources` to `dir/sources`; keeps them in memory if that fails.
    pub fn store(sources: Vec<Source>, dir: &Path) -> FileList {
        let path = dir.join("sources");
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| File::create(&path))
            .and_then(|f| {
                let mut out = BufWriter::with_capacity(1 << 16, f);
                sources.iter().try_for_each(|s| write_one(&mut out, s))?;
                out.into_inner().map_err(|e| e.into_error()).map(drop)
            });
        let kept = match written {
            Ok(()) => Kept::OnDisk {
                path,
                files: sources.len(),
            },
            Err(_) => {
                let _ = std::fs::remove_file(&path);
                Kept::InMemory(sources)
            }
        };
        FileList {
            kept,
            failed: OnceLock::new(),
        }
    }

    /// Hands every file, in order, to `each`, in blocks of [`BLOCK`] (the last one shorter).
    /// A list that can no longer be read back (the staging folder changed under the run)
    /// stops at the problem, which [`FileList::read_back_failed`] then tells.
    pub fn in_blocks(&self, mut each: impl FnMut(&[Source])) {
        match &self.kept {
            Kept::InMemory(sources) => sources.chunks(BLOCK).for_each(each),
            Kept::OnDisk { path, files } => {
                let mut block = Vec::with_capacity(BLOCK.min(*files));
                for read in read_back(path, *files) {
                    match read {
                        Ok(s) => block.push(s),
                        Err(e) => {
                            let _ = (self.failed).set(format!(
                                "cannot read back the list of input files kept on disk in {}: {e}",
                                path.display()
                            ));
                            return;
                        }
                    }
                    if block.len() == BLOCK {
                        each(&block);
                        block.clear();
                    }
                }
                if !block.is_empty() {
                    each(&block);
                }
            }
        }
    }

    /// The number of files.
    pub fn len(&self) -> usize {
        match &self.kept {
            Kept::InMemory(sources) => sources.len(),
            Kept::OnDisk { files, .. } => *files,
        }
    }

    /// Why a pass could not read every file of the list, if it could not.
    pub fn read_back_failed(&self) -> Option<&str> {
        self.failed.get().map(String::as_str)
    }

    /// The files `wanted` says yes to, in the order they were stored. A list that can no
    /// longer be read back gives the files read before the problem: the third pass then
    /// shows fewer lines, as for a moved article.
    pub fn matching(&self, wanted: impl Fn(&Source) -> bool) -> Vec<Source> {
        match &self.kept {
            Kept::InMemory(sources) => sources.iter().filter(|s| wanted(s)).cloned().collect(),
            Kept::OnDisk { path, files } => (read_back(path, *files))
                .map_while(Result::ok)
                .filter(|s| wanted(s))
                .collect(),
        }
    }
}

/// The file goes once the third pass has read it, and the spill folder with it when nothing
/// else is in it: the report is published without them.
impl Drop for FileList {
    fn drop(&mut self) {
        if let Kept::OnDisk { path, .. } = &self.kept {
            let _ = std::fs::remove_file(path);
            if let Some(dir) = path.parent() {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
}

/// The `files` stored at `path`, in order, until the first that cannot be read (the file
/// gone, or cut short), whose error comes last.
fn read_back(path: &Path, files: usize) -> impl Iterator<Item = io::Result<Source>> {
    let mut input = Some(File::open(path).map(|f| BufReader::with_capacity(1 << 16, f)));
    let mut left = files;
    std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        left -= 1;
        let read = match input.take()? {
            Ok(mut f) => read_one(&mut f).map(|s| (s, f)),
            Err(e) => Err(e),
        };
        Some(read.map(|(s, f)| {
            input = Some(Ok(f));
            s
        }))
    })
}

fn write_one(out: &mut impl Write, s: &Source) -> io::Result<()> {
    out.write_all(&[kind_byte(s.kind)])?;
    out.write_all(&s.size.to_le_bytes())?;
    write_bytes(out, s.doc_id.as_bytes())?;
    write_bytes(out, path_bytes(&s.path).as_ref())
}

fn read_one(input: &mut impl Read) -> io::Result<Source> {
    let mut kind = [0u8; 1];
    input.read_exact(&mut kind)?;
    let mut size = [0u8; 8];
    input.read_exact(&mut size)?;
    let doc_id = String::from_utf8(read_bytes(input)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let path = path_of(read_bytes(input)?)?;
    Ok(Source {
        doc_id,
        path,
        kind: kind_of(kind[0])?,
        size: u64::from_le_bytes(size),
    })
}

fn write_bytes(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(|_| io::Error::other("path too long"))?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(bytes)
}

fn read_bytes(input: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut len = [0u8; 4];
    input.read_exact(&mut len)?;
    let mut bytes = vec![0u8; u32::from_le_bytes(len) as usize];
    input.read_exact(&mut bytes)?;
    Ok(bytes)
}

fn kind_byte(kind: Kind) -> u8 {
    match kind {
        Kind::Text => 0,
        Kind::Csv => 1,
        Kind::Jsonl => 2,
    }
}

fn kind_of(byte: u8) -> io::Result<Kind> {
    match byte {
        0 => Ok(Kind::Text),
        1 => Ok(Kind::Csv),
        2 => Ok(Kind::Jsonl),
        _ => Err(io::Error::new(io::ErrorKind::InvalidData, "unknown kind")),
    }
}

/// A path's bytes as the operating system has them, so that a name that is not UTF-8
/// comes back as it was.
#[cfg(unix)]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(unix)]
fn path_of(bytes: Vec<u8>) -> io::Result<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

/// Elsewhere a path that is not Unicode fails to store, and the list stays in memory.
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    match path.to_str() {
        Some(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
        None => std::borrow::Cow::Owned(Vec::new()),
    }
}

#[cfg(not(unix))]
fn path_of(bytes: Vec<u8>) -> io::Result<PathBuf> {
    String::from_utf8(bytes)
        .map(PathBuf::from)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(doc_id: &str, path: PathBuf, kind: Kind, size: u64) -> Source {
        Source {
            doc_id: doc_id.into(),
            path,
            kind,
            size,
        }
    }

    #[test]
    fn the_files_asked_for_come_back_whole_and_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sources = vec![
            source("a", "/in/a.txt".into(), Kind::Text, 10),
            source("b/t", "/in/b/t.csv".into(), Kind::Csv, 1 << 40),
            source("c", "/in/c.jsonl".into(), Kind::Jsonl, 0),
            source("é", "/in/é.txt".into(), Kind::Text, 3),
        ];
        let spooled = FileList::store(sources.clone(), dir.path());
        assert!(matches!(spooled.kept, Kept::OnDisk { files: 4, .. }));
        let back = spooled.matching(|s| s.doc_id != "c");
        assert_eq!(
            back,
            [&sources[0], &sources[1], &sources[3]].map(Clone::clone)
        );
        assert_eq!(spooled.matching(|_| true), sources);
        drop(spooled);
        assert!(!dir.path().join("sources").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_comes_back_as_it_was() {
        use std::os::unix::ffi::OsStringExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let odd = PathBuf::from(std::ffi::OsString::from_vec(b"/in/caf\xe9.txt".to_vec()));
        let sources = vec![source("caf\u{fffd}", odd, Kind::Text, 5)];
        let spooled = FileList::store(sources.clone(), dir.path());
        assert!(matches!(spooled.kept, Kept::OnDisk { .. }));
        assert_eq!(spooled.matching(|_| true), sources);
    }

    #[test]
    fn a_list_that_cannot_be_written_stays_in_memory() {
        let dir = tempfile::tempdir().expect("temp dir");
        // A file where the folder should be: the list cannot be written under it.
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, "x").expect("write");
        let sources = vec![source("a", "/in/a.txt".into(), Kind::Text, 1)];
        let spooled = FileList::store(sources.clone(), &blocked.join("spill"));
        assert!(matches!(spooled.kept, Kept::InMemory(_)));
        assert_eq!(spooled.matching(|_| true), sources);
        let mut given = Vec::new();
        spooled.in_blocks(|b| given.extend_from_slice(b));
        assert_eq!((given, spooled.read_back_failed()), (sources, None));
    }

    /// 40,000 files come back in order in blocks of 16,384, 16,384 and 7,232; a list cut
    /// short on disk gives the whole blocks before the cut, and says why it stopped.
    #[test]
    fn files_come_back_in_blocks_and_a_cut_list_says_so() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sources: Vec<Source> = (0..40_000u64)
            .map(|i| {
                source(
                    &format!("d{i}"),
                    format!("/in/d{i}.txt").into(),
                    Kind::Text,
                    i,
                )
            })
            .collect();
        let spooled = FileList::store(sources.clone(), dir.path());
        let (mut sizes, mut given) = (Vec::new(), Vec::new());
        spooled.in_blocks(|b| {
            sizes.push(b.len());
            given.extend_from_slice(b);
        });
        assert_eq!(sizes, [16_384, 16_384, 7_232]);
        assert_eq!((given == sources, spooled.read_back_failed()), (true, None));
        // Cut inside the 20,000th file's record: the first block only, and the failure.
        let Kept::OnDisk { path, .. } = &spooled.kept else {
            panic!("stored in memory");
        };
        let mut bytes = std::fs::read(path).expect("read");
        let mut cut = Vec::new();
        sources[..19_999]
            .iter()
            .for_each(|s| write_one(&mut cut, s).expect("in memory"));
        bytes.truncate(cut.len() + 5);
        std::fs::write(path, bytes).expect("write");
        let mut sizes = Vec::new();
        spooled.in_blocks(|b| sizes.push(b.len()));
        assert_eq!(sizes, [16_384]);
        let why = spooled.read_back_failed().expect("a failure");
        assert!(
            why.starts_with("cannot read back the list of input files"),
            "{why}"
        );
    }
}
