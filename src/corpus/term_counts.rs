//! A document's term counts, packed: what every analysed document keeps until the report is
//! written.
//!
//! Each (term, count) pair is two LEB128 varints, the gap from the previous term id and the
//! count, term ids ascending: two or three bytes a pair where a `(u32, u32)` takes eight.
//! On the 4x corpus (196,247 articles, 20 million pairs) that is about 55 MB instead of
//! 168 MB. Read by iterating; nothing reads a document's counts at random.
//!
//! The packed bytes can wait on disk ([`Spool`], on [`crate::spool`]). The second pass writes each document's counts to one as it makes
//! them; the merge reads them back, renumbers them into a second one and lets the first go.
//! A document then keeps where its bytes are and how many terms it has, and its counts are
//! read back whenever they are iterated (every later stage reads each document a few times,
//! in parallel: positioned reads, no shared cursor). About 220 MB of the 16x benchmark
//! corpus' memory, from the second pass to the end.

use std::path::Path;
use std::sync::Arc;

use crate::spool::At;
pub use crate::spool::Spooled;
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
            } => std::borrow::Cow::Owned(spool.read(At {
                offset: *offset,
                len: *bytes,
            })),
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
pub struct Spool(crate::spool::Spool);

/// Where one document's bytes went, and its number of terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed(At, u32);

impl Spool {
    /// A new spool in `dir` (see [`crate::spool::Spool::create`]); `None` where none can be
    /// made: the counts then stay in memory.
    pub fn create(dir: &Path) -> Option<Spool> {
        crate::spool::Spool::create(dir, "term-counts", "term counts").map(Spool)
    }

    /// Writes one document's counts, given in ascending term order.
    pub fn put(&self, pairs: &[(TermId, u32)]) -> Placed {
        Placed(self.0.put(&pack(pairs)), pairs.len() as u32)
    }

    /// Every document written and readable, or the first write that failed.
    pub fn seal(self) -> std::io::Result<Arc<Spooled>> {
        self.0.seal()
    }

    /// What the counts are read from once the spool is sealed ([`TermCounts::spooled`]).
    pub fn spooled(&self) -> &Arc<Spooled> {
        self.0.spooled()
    }
}

impl TermCounts {
    /// A document's counts in a sealed spool, where [`Spool::put`] placed them.
    pub fn spooled(spool: &Arc<Spooled>, at: Placed) -> TermCounts {
        TermCounts {
            repr: Repr::Spooled {
                spool: spool.clone(),
                offset: at.0.offset,
                bytes: at.0.len,
                terms: at.1,
            },
        }
    }
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
            let counts = TermCounts::spooled(&spooled, at);
            assert_eq!(counts.to_vec(), *d);
            assert_eq!(counts.len(), d.len());
            assert_eq!(counts, TermCounts::from_sorted(d));
        }
        assert_eq!(spooled.failed(), None);
    }
}
