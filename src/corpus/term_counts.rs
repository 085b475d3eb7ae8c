//! A document's term counts, packed: what every analysed document keeps until the report is
//! written.
//!
//! Each (term, count) pair is two LEB128 varints, the gap from the previous term id and the
//! count, term ids ascending: two or three bytes a pair where a `(u32, u32)` takes eight.
//! On the 4x corpus (196,247 articles, 20 million pairs) that is about 55 MB instead of
//! 168 MB. Read by iterating; nothing reads a document's counts at random.
//!
//! The packed bytes can wait on disk ([`Spool`]): a file in the staging folder's spill
//! directory, unlinked as soon as it is open, so that nothing is left behind by a finished,
//! failed or killed run. The second pass writes each document's counts to one as it makes
//! them; the merge reads them back, renumbers them into a second one and lets the first go.
//! A document then keeps where its bytes are and how many terms it has, and its counts are
//! read back whenever they are iterated (every later stage reads each document a few times,
//! in parallel: positioned reads, no shared cursor). About 220 MB of the 16x benchmark
//! corpus' memory, from the second pass to the end.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::text::TermId;

/// Term counts of one document, term ids ascending (see the module docs).
#[derive(Clone, Default)]
pub struct TermCounts {
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    Here(Box<[u8]>),
    Spooled {
        spool: Arc<Spooled>,
        offset: u64,
        bytes: u32,
        terms: u32,
    },
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Here(Box::default())
    }
}

impl TermCounts {
    /// Packs `(term, count)` pairs given in ascending term order.
    pub fn from_sorted(pairs: &[(TermId, u32)]) -> TermCounts {
        TermCounts {
            repr: Repr::Here(pack(pairs).into_boxed_slice()),
        }
    }

    /// The pairs, term ids ascending.
    pub fn iter(&self) -> Iter<'_> {
        let bytes = match &self.repr {
            Repr::Here(b) => std::borrow::Cow::Borrowed(&b[..]),
            Repr::Spooled {
                spool,
                offset,
                bytes,
                ..
            } => std::borrow::Cow::Owned(spool.read(*offset, *bytes)),
        };
        Iter {
            bytes,
            at: 0,
            last: 0,
        }
    }

    /// Distinct terms: each varint ends in one byte below 128, and a pair is two varints.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Here(b) => distinct(b),
            Repr::Spooled { terms, .. } => *terms as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The pairs, unpacked.
    pub fn to_vec(&self) -> Vec<(TermId, u32)> {
        self.iter().collect()
    }
}

impl PartialEq for TermCounts {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for TermCounts {}

impl std::fmt::Debug for TermCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

fn pack(pairs: &[(TermId, u32)]) -> Vec<u8> {
    debug_assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0));
    let mut bytes = Vec::with_capacity(pairs.len() * 3);
    let mut last = 0;
    for &(t, c) in pairs {
        push_varint(&mut bytes, t - last);
        push_varint(&mut bytes, c);
        last = t;
    }
    bytes
}

fn distinct(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b < 0x80).count() / 2
}

impl<'a> IntoIterator for &'a TermCounts {
    type Item = (TermId, u32);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The pairs of a [`TermCounts`], in term order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    bytes: std::borrow::Cow<'a, [u8]>,
    at: usize,
    last: TermId,
}

impl Iterator for Iter<'_> {
    type Item = (TermId, u32);

    fn next(&mut self) -> Option<(TermId, u32)> {
        let mut rest = self.bytes.get(self.at..).unwrap_or_default();
        if rest.is_empty() {
            return None;
        }
        let before = rest.len();
        let gap = take_varint(&mut rest);
        let count = take_varint(&mut rest);
        self.at += before - rest.len();
        self.last += gap;
        Some((self.last, count))
    }
}

/// Documents' packed counts being written to a spill file ([`Spool::create`], [`Spool::put`]
/// from any thread), then sealed for reading ([`Spool::seal`]).
pub struct Spool {
    out: Mutex<Writing>,
    read: File,
}

/// The spool's writer, where the next bytes go, and the first write that failed.
struct Writing {
    file: BufWriter<File>,
    end: u64,
    failed: Option<std::io::Error>,
}

/// Where one document's bytes went: offset, length, terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed(u64, u32, u32);

/// A sealed spool file, read back by position.
#[derive(Debug)]
pub struct Spooled {
    read: File,
    /// The first read that failed: the run reports it before it publishes anything.
    failed: OnceLock<String>,
}

impl Spool {
    /// A new, already unlinked, file in `dir`. `None` where the platform cannot read a file
    /// that has no name, or the file cannot be made: the counts then stay in memory.
    pub fn create(dir: &Path) -> Option<Spool> {
        if !cfg!(unix) {
            return None;
        }
        std::fs::create_dir_all(dir).ok()?;
        let path = dir.join(format!("term-counts-{}", std::process::id()));
        let write = File::create(&path).ok()?;
        let read = File::open(&path);
        // Gone from the folder at once: nothing to remove, whatever ends the run.
        let _ = std::fs::remove_file(&path);
        Some(Spool {
            out: Mutex::new(Writing {
                file: BufWriter::with_capacity(1 << 20, write),
                end: 0,
                failed: None,
            }),
            read: read.ok()?,
        })
    }

    /// Appends the packed `pairs` (term ids ascending); says where they are.
    pub fn put(&self, pairs: &[(TermId, u32)]) -> Placed {
        let bytes = pack(pairs);
        let mut out = self.out.lock().unwrap_or_else(PoisonError::into_inner);
        let offset = out.end;
        if out.failed.is_none()
            && let Err(e) = out.file.write_all(&bytes)
        {
            out.failed = Some(e);
        }
        out.end += bytes.len() as u64;
        Placed(offset, bytes.len() as u32, pairs.len() as u32)
    }

    /// Every byte written and readable, or the first write that failed.
    pub fn seal(self) -> std::io::Result<Arc<Spooled>> {
        let out = self
            .out
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(e) = out.failed {
            return Err(e);
        }
        out.file.into_inner().map_err(|e| e.into_error())?;
        Ok(Arc::new(Spooled {
            read: self.read,
            failed: OnceLock::new(),
        }))
    }
}

impl Spooled {
    /// A document's counts, once sealed.
    pub fn counts(self: &Arc<Self>, at: Placed) -> TermCounts {
        TermCounts {
            repr: Repr::Spooled {
                spool: self.clone(),
                offset: at.0,
                bytes: at.1,
                terms: at.2,
            },
        }
    }

    /// Why the counts could not all be read back (a disk error), if they could not.
    pub fn failed(&self) -> Option<&str> {
        self.failed.get().map(String::as_str)
    }

    /// The bytes at `offset`; none, and the failure kept, if they cannot be read.
    fn read(&self, offset: u64, len: u32) -> Vec<u8> {
        let mut buf = vec![0u8; len as usize];
        if let Err(e) = read_at(&self.read, &mut buf, offset) {
            let _ = self.failed.set(format!(
                "cannot read back the term counts kept on disk: {e}"
            ));
            buf.clear();
        }
        buf
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// Never reached: [`Spool::create`] makes no spool off Unix.
#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::Error::other("positioned reads need Unix"))
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads one varint off the front of `bytes`. Only [`push_varint`]'s output is ever read, so
/// the bytes end in a complete varint.
fn take_varint(bytes: &mut &[u8]) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    while let Some((&b, rest)) = bytes.split_first() {
        *bytes = rest;
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_and_unpacks_every_size_of_id_and_count() {
        let pairs = [
            (0, 1),
            (1, 127),
            (128, 128),
            (16_511, 16_384),
            (u32::MAX - 1, 2),
            (u32::MAX, u32::MAX),
        ];
        let p = TermCounts::from_sorted(&pairs);
        assert_eq!(p.to_vec(), pairs);
        assert_eq!(p.len(), 6);
        // Gaps 0, 1, 127, 16383, 4294950783, 1 and counts 1, 127, 128, 16384, 2, 4294967295:
        // 1+1 + 1+1 + 1+2 + 2+3 + 5+1 + 1+5 bytes.
        assert!(matches!(&p.repr, Repr::Here(b) if b.len() == 24));
    }

    #[test]
    fn an_empty_document_has_no_pairs() {
        let p = TermCounts::from_sorted(&[]);
        assert!(p.is_empty());
        assert_eq!(p.len(), 0);
        assert_eq!(p.iter().next(), None);
    }

    /// Counts put in a spool from several threads come back as they went in, with their
    /// number of terms, and equal to the same counts kept in memory.
    #[test]
    fn spooled_counts_come_back_as_they_went_in() {
        let dir = tempfile::tempdir().expect("temp dir");
        let spool = Spool::create(dir.path()).expect("spool");
        // Unlinked at once: the folder is empty.
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
        let docs: Vec<Vec<(TermId, u32)>> = (0..500u32)
            .map(|d| (0..d % 37).map(|k| (k * k + d, d * 3 + k + 1)).collect())
            .collect();
        let placed: Vec<Placed> = std::thread::scope(|s| {
            let handles: Vec<_> = (docs.chunks(125))
                .map(|chunk| {
                    let spool = &spool;
                    s.spawn(move || chunk.iter().map(|d| spool.put(d)).collect::<Vec<_>>())
                })
                .collect();
            (handles.into_iter())
                .flat_map(|h| h.join().expect("thread"))
                .collect()
        });
        let spooled = spool.seal().expect("seal");
        for (d, at) in docs.iter().zip(placed) {
            let counts = spooled.counts(at);
            assert_eq!(counts.to_vec(), *d);
            assert_eq!(counts.len(), d.len());
            assert_eq!(counts, TermCounts::from_sorted(d));
        }
        assert_eq!(spooled.failed(), None);
    }
}
