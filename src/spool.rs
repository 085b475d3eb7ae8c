//! Bytes that wait on disk until the report is written ([`Spool`], then [`Spooled`]): what
//! every article keeps to the end of the run but reads only a few times (its term counts,
//! the texts of its statements, the people it names).
//!
//! A spool is a file in the staging folder's spill directory, unlinked as soon as it is
//! open, so that nothing is left behind by a finished, failed or killed run. Any thread puts
//! bytes in and is told where they went ([`At`], or a [`Stored`] to keep in their place);
//! once sealed, the bytes are read back by position (no shared cursor, so from any thread at
//! once). The file to read from exists from the start, so what keeps a place needs no
//! second step once the spool is sealed; a read before then finds no bytes, and is kept as
//! the spool's failure.

use std::cell::RefCell;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Bytes being written to a spill file ([`Spool::create`], [`Spool::put`] from any thread),
/// then sealed for reading ([`Spool::seal`]).
pub struct Spool {
    out: Mutex<Writing>,
    /// What it is read from once sealed.
    spooled: Arc<Spooled>,
}

/// The spool's writer, where the next bytes go, and the first write that failed.
struct Writing {
    file: BufWriter<File>,
    end: u64,
    failed: Option<std::io::Error>,
}

/// Where some bytes went: offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub offset: u64,
    pub len: u32,
}

/// A sealed spool file, read back by position.
#[derive(Debug)]
pub struct Spooled {
    read: File,
    what: &'static str,
    /// Tells this spool's bytes apart from another's in a thread's last read.
    id: u64,
    /// The first read that failed: the run reports it before it publishes anything.
    failed: OnceLock<String>,
}

impl Spool {
    /// A new, already unlinked, file in `dir`, named after `name`; `what` names its contents
    /// in errors ("term counts"). `None` where the platform cannot read a file that has no
    /// name, or the file cannot be made: the bytes then stay in memory.
    pub fn create(dir: &Path, name: &str, what: &'static str) -> Option<Spool> {
        if !cfg!(unix) {
            return None;
        }
        std::fs::create_dir_all(dir).ok()?;
        let path = dir.join(format!("{name}-{}", std::process::id()));
        let write = File::create(&path).ok()?;
        let read = File::open(&path);
        // Gone from the folder at once: nothing to remove, whatever ends the run.
        let _ = std::fs::remove_file(&path);
        static MADE: AtomicU64 = AtomicU64::new(0);
        Some(Spool {
            out: Mutex::new(Writing {
                file: BufWriter::with_capacity(1 << 20, write),
                end: 0,
                failed: None,
            }),
            spooled: Arc::new(Spooled {
                read: read.ok()?,
                what,
                id: MADE.fetch_add(1, Ordering::Relaxed),
                failed: OnceLock::new(),
            }),
        })
    }

    /// What this spool's bytes are read from once it is sealed.
    pub fn spooled(&self) -> &Arc<Spooled> {
        &self.spooled
    }

    /// Appends `bytes`; where they are, to read once the spool is sealed.
    pub fn stored(&self, bytes: &[u8]) -> Stored {
        Stored::new(&self.spooled, self.put(bytes))
    }

    /// Appends `bytes`; where they went. A failed write is kept and reported by
    /// [`Spool::seal`].
    pub fn put(&self, bytes: &[u8]) -> At {
        let mut out = self.out.lock().unwrap_or_else(PoisonError::into_inner);
        let offset = out.end;
        if out.failed.is_none()
            && let Err(e) = out.file.write_all(bytes)
        {
            out.failed = Some(e);
        }
        out.end += bytes.len() as u64;
        At {
            offset,
            len: bytes.len() as u32,
        }
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
        Ok(self.spooled)
    }
}

/// Some bytes in a spool: which spool, and where. What a kept record holds in place of the
/// bytes it sent to disk, read once the spool is sealed.
#[derive(Debug, Clone)]
pub struct Stored {
    spool: Arc<Spooled>,
    at: At,
}

impl Stored {
    /// The bytes `at` in `spool`.
    pub fn new(spool: &Arc<Spooled>, at: At) -> Stored {
        Stored {
            spool: spool.clone(),
            at,
        }
    }

    /// `use_bytes` of the bytes, through this thread's last read ([`Spooled::with`]).
    pub fn with<R>(&self, use_bytes: impl FnOnce(&[u8]) -> R) -> R {
        self.spool.with(self.at, use_bytes)
    }
}

/// The same place: the same spool file and position.
impl PartialEq for Stored {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.spool, &other.spool) && self.at == other.at
    }
}

impl Eq for Stored {}

thread_local! {
    /// This thread's last read of [`Spooled::with`]: (spool id, offset, bytes).
    static LAST: RefCell<(u64, u64, Vec<u8>)> = const { RefCell::new((u64::MAX, 0, Vec::new())) };
}

impl Spooled {
    /// Why the bytes could not all be read back (a disk error), if they could not.
    pub fn failed(&self) -> Option<&str> {
        self.failed.get().map(String::as_str)
    }

    /// The bytes at `at`; none, and the failure kept, if they cannot be read.
    pub fn read(&self, at: At) -> Vec<u8> {
        let mut buf = vec![0u8; at.len as usize];
        if let Err(e) = read_at(&self.read, &mut buf, at.offset) {
            let _ = self.failed.set(format!(
                "cannot read back the {} kept on disk: {e}",
                self.what
            ));
            buf.clear();
        }
        buf
    }

    /// `use_bytes` of the bytes at `at`, read from disk unless they were this thread's last
    /// read: a reader that asks for the same bytes many times in a row (the statements of
    /// one article) reads them once.
    pub fn with<R>(&self, at: At, use_bytes: impl FnOnce(&[u8]) -> R) -> R {
        LAST.with(|last| {
            let mut last = last.borrow_mut();
            if (last.0, last.1) != (self.id, at.offset) || last.2.len() != at.len as usize {
                *last = (self.id, at.offset, self.read(at));
            }
            use_bytes(&last.2)
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes put from several threads come back as they went in, read directly or through
    /// a thread's last read, from two spools in turn.
    #[test]
    fn bytes_come_back_as_they_went_in() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (a, b) = (
            Spool::create(dir.path(), "a", "a's bytes").expect("spool"),
            Spool::create(dir.path(), "b", "b's bytes").expect("spool"),
        );
        // Unlinked at once: the folder is empty.
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
        let items: Vec<Vec<u8>> = (0..400u32)
            .map(|i| (0..i % 23).map(|k| (i * 7 + k) as u8).collect())
            .collect();
        let put = |spool: &Spool| -> Vec<At> {
            std::thread::scope(|s| {
                let handles: Vec<_> = (items.chunks(100))
                    .map(|chunk| {
                        s.spawn(move || chunk.iter().map(|i| spool.put(i)).collect::<Vec<At>>())
                    })
                    .collect();
                (handles.into_iter())
                    .flat_map(|h| h.join().expect("thread"))
                    .collect::<Vec<At>>()
            })
        };
        let (at_a, at_b) = (put(&a), put(&b));
        let (a, b) = (a.seal().expect("seal"), b.seal().expect("seal"));
        for (i, item) in items.iter().enumerate() {
            assert_eq!(a.read(at_a[i]), *item);
            // Same offsets in both files (same sizes put), different bytes read: the last
            // read is told apart by its spool.
            assert_eq!(a.with(at_a[i], <[u8]>::to_vec), *item);
            assert_eq!(b.with(at_b[i], <[u8]>::to_vec), *item);
            assert_eq!(a.with(at_a[i], <[u8]>::len), item.len());
        }
        assert_eq!((a.failed(), b.failed()), (None, None));
    }

    /// A read past the end of the file returns nothing and is kept as the spool's failure,
    /// naming what was lost.
    #[test]
    fn a_failed_read_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let spool = Spool::create(dir.path(), "s", "statement texts").expect("spool");
        let at = spool.put(b"abc");
        let sealed = spool.seal().expect("seal");
        let past = At {
            offset: at.offset + 10,
            len: 3,
        };
        assert_eq!(sealed.read(past), Vec::<u8>::new());
        let why = sealed.failed().expect("a failure");
        assert!(why.starts_with("cannot read back the statement texts kept on disk: "));
        assert_eq!(sealed.read(at), b"abc");
    }
}
