//! The first pass' MinHash values on disk: 512 bytes an article, the largest thing the pass
//! would otherwise hold (400 MB for the 785,000 articles of the 16x benchmark corpus).
//!
//! Each pool thread appends the values of the articles it reads to a file of its own in
//! the staging folder's spill directory (removed with the staging folder, also after a
//! kill); what an article keeps in memory is where its values are ([`Slot`]).
//! [`SignatureFiles`] then serves them to [`duplicates::find_duplicates_in`] in document
//! order: whole-file scans for the LSH bands, and one positioned read per compared pair.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use crate::engine::EngineError;
use crate::meta::duplicates::{
    MINS_BYTES as RECORD, MinsStore, NUM_HASHES, Signature, mins_from_bytes as decode,
};

/// Where an article's values are: which thread's file, and the record number in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    file: u32,
    record: u32,
}

/// One pool thread's file, opened at its first article.
#[derive(Default)]
pub struct Writer {
    out: Option<BufWriter<File>>,
    path: Option<PathBuf>,
    records: u32,
    /// The first write that failed; the pass reports it once it is over.
    failed: Option<String>,
}

impl Writer {
    /// Appends `sig`'s values to the file of thread `thread` in `dir`; returns where they are.
    pub fn push(&mut self, dir: &Path, thread: usize, sig: &Signature) -> Slot {
        let slot = Slot {
            file: thread as u32,
            record: self.records,
        };
        self.records += 1;
        if self.failed.is_some() {
            return slot;
        }
        if self.out.is_none() {
            let path = dir.join(format!("signatures-{thread}"));
            match std::fs::create_dir_all(dir).and_then(|()| File::create(&path)) {
                Ok(f) => self.out = Some(BufWriter::with_capacity(1 << 16, f)),
                Err(e) => self.failed = Some(format!("cannot write {}: {e}", path.display())),
            }
            self.path = Some(path);
        }
        if let Some(out) = &mut self.out
            && let Err(e) = out.write_all(&sig.mins_bytes())
        {
            self.failed = Some(self.disk_error(e));
        }
        slot
    }

    fn disk_error(&self, e: io::Error) -> String {
        let path = self.path.as_deref().unwrap_or(Path::new("signatures"));
        format!(
            "cannot write {}: {e} (free disk space where the report is written, or give -o a folder on a larger disk)",
            path.display()
        )
    }
}

/// The threads' files, read back in document order.
pub struct SignatureFiles {
    files: Vec<Option<(File, PathBuf)>>,
    /// Document -> its record among all files' records (file by file).
    at: Vec<u32>,
    /// Record -> document (the inverse of `at`, for scans in file order).
    doc_of: Vec<u32>,
    /// Records before each file's first.
    base: Vec<u32>,
}

impl SignatureFiles {
    /// Closes the writers and maps `slots` (one per document, in document order) to their
    /// records.
    pub fn finish(
        writers: impl Iterator<Item = (usize, Writer)>,
        slots: &[Slot],
    ) -> Result<SignatureFiles, EngineError> {
        let mut files = Vec::new();
        let mut counts = Vec::new();
        for (thread, w) in writers {
            if let Some(e) = w.failed {
                return Err(e.into());
            }
            if files.len() <= thread {
                files.resize_with(thread + 1, || None);
                counts.resize(thread + 1, 0);
            }
            counts[thread] = w.records;
            if let (Some(out), Some(path)) = (w.out, w.path) {
                let err = |e: io::Error| {
                    EngineError::from(format!(
                        "cannot write {}: {e} (free disk space where the report is written)",
                        path.display()
                    ))
                };
                out.into_inner().map_err(|e| err(e.into_error()))?;
                let file = File::open(&path).map_err(err)?;
                files[thread] = Some((file, path));
            }
        }
        let mut base = Vec::with_capacity(counts.len());
        let mut total = 0u32;
        for c in &counts {
            base.push(total);
            total += c;
        }
        let at: Vec<u32> = slots
            .iter()
            .map(|s| base[s.file as usize] + s.record)
            .collect();
        let mut doc_of = vec![u32::MAX; total as usize];
        for (doc, &r) in at.iter().enumerate() {
            doc_of[r as usize] = doc as u32;
        }
        Ok(SignatureFiles {
            files,
            at,
            doc_of,
            base,
        })
    }
}

impl Drop for SignatureFiles {
    fn drop(&mut self) {
        for (_, path) in self.files.iter().flatten() {
            std::fs::remove_file(path).ok();
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, into: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, into, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut into: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !into.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, into, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                into = &mut into[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

impl MinsStore for SignatureFiles {
    type Error = EngineError;

    fn scan(&self, f: &mut dyn FnMut(usize, &[u32; NUM_HASHES])) -> Result<(), EngineError> {
        let mut bytes = [0u8; RECORD];
        let mut mins = [0u32; NUM_HASHES];
        for (file, &base) in self.files.iter().zip(&self.base) {
            let Some((_, path)) = file else { continue };
            // A handle of its own, opened again (a cloned handle shares its position): scans
            // run side by side.
            let err =
                |e: io::Error| EngineError::from(format!("cannot read {}: {e}", path.display()));
            let mut r = BufReader::with_capacity(1 << 16, File::open(path).map_err(err)?);
            let mut record = base as usize;
            loop {
                match r.read_exact(&mut bytes) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break,
                    Err(e) => return Err(err(e)),
                }
                if let Some(&doc) = self.doc_of.get(record).filter(|&&d| d != u32::MAX) {
                    decode(&bytes, &mut mins);
                    f(doc as usize, &mins);
                }
                record += 1;
            }
        }
        Ok(())
    }

    fn read(&self, i: usize, into: &mut [u32; NUM_HASHES]) -> Result<(), EngineError> {
        let record = self.at[i];
        let file = self.base.partition_point(|&b| b <= record) - 1;
        let Some((f, path)) = &self.files[file] else {
            return Err(format!("no signature file for thread {file}").into());
        };
        let mut bytes = [0u8; RECORD];
        let offset = (record - self.base[file]) as u64 * RECORD as u64;
        read_at(f, &mut bytes, offset)
            .map_err(|e| EngineError::from(format!("cannot read {}: {e}", path.display())))?;
        decode(&bytes, into);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::duplicates::{self, signature};

    /// Texts with known copies, written by three "threads" in an order unlike document
    /// order: the files must give the same answer as the signatures held in memory.
    #[test]
    fn files_find_the_same_duplicates_as_memory() {
        let words = |seed: u64, n: usize| -> String {
            let mut rng =
                crate::test_rng::XorShift::new(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
            (0..n)
                .map(|_| format!("w{}", rng.below(500)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut texts: Vec<String> = (0..60).map(|i| words(i + 1, 80)).collect();
        for i in 0..20 {
            let copy = format!("{} extra", texts[i * 3]);
            texts.push(copy);
        }
        texts.push("short text".into());
        texts.push("short text".into());
        let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
        let expected = duplicates::find_duplicates(&sigs);
        assert_eq!(expected.iter().filter(|d| d.is_some()).count(), 21);

        let dir = std::env::temp_dir().join(format!("nr-sigs-{}", std::process::id()));
        let mut writers: Vec<Writer> = (0..3).map(|_| Writer::default()).collect();
        let mut slots = vec![None; sigs.len()];
        // Written backwards, document i by thread i % 3.
        for i in (0..sigs.len()).rev() {
            slots[i] = Some(writers[i % 3].push(&dir, i % 3, &sigs[i]));
        }
        let slots: Vec<Slot> = slots.into_iter().flatten().collect();
        let files =
            SignatureFiles::finish(writers.into_iter().enumerate(), &slots).expect("files written");
        let heads: Vec<_> = sigs.iter().map(Signature::head).collect();
        let found = duplicates::find_duplicates_in(&heads, &files).expect("files read");
        assert_eq!(found, expected);
        let mut mins = [0; NUM_HASHES];
        files.read(61, &mut mins).expect("read");
        assert_eq!(&mins, sigs[61].mins());
        // Scans side by side must not disturb each other (a cloned file handle would share
        // its position): one scan run inside another still sees every record once.
        let (mut outer, mut inner) = (Vec::new(), Vec::new());
        files
            .scan(&mut |i, _| {
                if outer.is_empty() {
                    files.scan(&mut |j, _| inner.push(j)).expect("inner scan");
                }
                outer.push(i);
            })
            .expect("outer scan");
        outer.sort_unstable();
        inner.sort_unstable();
        assert_eq!(outer, (0..sigs.len()).collect::<Vec<_>>());
        assert_eq!(inner, outer);
        drop(files);
        assert_eq!(std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0), 0);
        std::fs::remove_dir(&dir).ok();
    }
}
