//! The people one document names, packed: every name and role of the document in one
//! string, and a fixed-size row per distinct mention.
//!
//! Kept for every document until the corpus is merged, mentions were the largest
//! per-document structure (3.1 million rows on the 4x corpus of `benches/scale_corpus.py`):
//! two small strings a row cost more in allocator overhead than in text. Packed, a document
//! holds two allocations whatever the number of people it names.

use std::borrow::Cow;
use std::fmt;

use crate::spool::Stored;

/// A person named in the document (any mention, speaker or not), as the sieve makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub name: String,
    pub role: String,
    /// Named with a title or honorific ("President Vladimir Putin", "Mr Blair"): a person for
    /// sure, not a place or a thing in capitals.
    pub titled: bool,
    /// How often the document names them so (same name, role and title).
    pub count: u32,
}

/// A mention read from [`Mentions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef<'a> {
    pub name: &'a str,
    pub role: &'a str,
    pub titled: bool,
    pub count: u32,
}

/// Where one mention's name and role end in [`Mentions::text`] (each starts where the one
/// before it ends).
/// Twelve bytes: the count and the title flag share a word (a bool beside three `u32`s took
/// a fourth; 12 million mentions on the 16x corpus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    name_end: u32,
    role_end: u32,
    count_titled: CountTitled,
}

/// A mention's count (saturated at 2^31 - 1) and its title flag in one `u32`: the flag is
/// the top bit. Mention rows and the speaker merge keep them so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CountTitled(u32);

impl CountTitled {
    const TITLED: u32 = 1 << 31;

    pub(super) fn new(count: u32, titled: bool) -> CountTitled {
        CountTitled(count.min(Self::TITLED - 1) | if titled { Self::TITLED } else { 0 })
    }

    pub(super) fn count(self) -> u32 {
        self.0 & !Self::TITLED
    }

    pub(super) fn titled(self) -> bool {
        self.0 & Self::TITLED != 0
    }
}

/// The mentions of one document, in the order they were made: boxed, not vectors (their
/// spare capacity would be a word each).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Mentions {
    text: Box<str>,
    rows: Box<[Row]>,
}

impl Mentions {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            text: &self.text,
            rows: self.rows.iter(),
            start: 0,
        }
    }
}

impl Mentions {
    /// The bytes that [`Mentions::from_bytes`] reads back: the number of rows, the rows
    /// (12 bytes each, little-endian), then the text.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(4 + ROW_BYTES * self.rows.len() + self.text.len());
        bytes.extend_from_slice(&(self.rows.len() as u32).to_le_bytes());
        for r in &self.rows {
            for word in [r.name_end, r.role_end, r.count_titled.0] {
                bytes.extend_from_slice(&word.to_le_bytes());
            }
        }
        bytes.extend_from_slice(self.text.as_bytes());
        bytes
    }

    /// Mentions from the bytes [`Mentions::to_bytes`] made; None for bytes it cannot have
    /// made (cut short, not UTF-8, ends out of order or past the text).
    pub fn from_bytes(bytes: &[u8]) -> Option<Mentions> {
        let word = |at: usize| -> Option<u32> {
            let b = bytes.get(at..at + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let n = word(0)? as usize;
        let text_from = n.checked_mul(ROW_BYTES)?.checked_add(4)?;
        let text = std::str::from_utf8(bytes.get(text_from..)?).ok()?;
        let mut rows = Vec::with_capacity(n);
        let mut end = 0;
        for i in 0..n {
            let at = 4 + i * ROW_BYTES;
            let (name_end, role_end) = (word(at)?, word(at + 4)?);
            let fits = |e: u32| text.is_char_boundary(e as usize);
            if name_end < end || role_end < name_end || !fits(name_end) || !fits(role_end) {
                return None;
            }
            end = role_end;
            rows.push(Row {
                name_end,
                role_end,
                count_titled: CountTitled(word(at + 8)?),
            });
        }
        (end as usize == text.len()).then(|| Mentions {
            text: text.into(),
            rows: rows.into_boxed_slice(),
        })
    }
}

/// A row's size in [`Mentions::to_bytes`].
const ROW_BYTES: usize = 12;

/// Where a document's mentions wait for the speaker merge: here, or on disk from the end of
/// the second pass (the merge reads them twice: for their names, then for their form ids and
/// roles). They were the largest thing every article kept in memory: about 230 MB on the 16x
/// corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    Here(Mentions),
    Spooled(Stored),
}

impl Default for Kept {
    fn default() -> Self {
        Kept::Here(Mentions::default())
    }
}

impl Kept {
    /// The mentions: none when they could not be read back from disk (the spool keeps why:
    /// [`crate::spool::Spooled::failed`], and the run then publishes no report).
    pub fn get(&self) -> Cow<'_, Mentions> {
        match self {
            Kept::Here(m) => Cow::Borrowed(m),
            Kept::Spooled(stored) => {
                Cow::Owned(stored.with(Mentions::from_bytes).unwrap_or_default())
            }
        }
    }

    /// Writes the mentions to `spool` and takes them out of memory: they are read from there
    /// once the spool is sealed (none before). Left here when there are none.
    pub fn spool(&mut self, spool: &crate::spool::Spool) {
        if let Kept::Here(m) = self
            && !m.is_empty()
        {
            *self = Kept::Spooled(spool.stored(&m.to_bytes()));
        }
    }
}

impl FromIterator<Mention> for Mentions {
    /// Packs mentions, sized exactly: kept for the whole run, a buffer grown by doubling
    /// would hold up to twice its text. A document's names and roles past 4 GiB in all are
    /// not kept (the offsets are 32-bit; no article comes near).
    fn from_iter<I: IntoIterator<Item = Mention>>(iter: I) -> Mentions {
        let all: Vec<Mention> = iter.into_iter().collect();
        let bytes = all.iter().map(|m| m.name.len() + m.role.len()).sum();
        let mut text = String::with_capacity(bytes);
        let mut rows = Vec::with_capacity(all.len());
        for m in &all {
            let Ok(role_end) = u32::try_from(text.len() + m.name.len() + m.role.len()) else {
                break;
            };
            text.push_str(&m.name);
            let name_end = text.len() as u32;
            text.push_str(&m.role);
            rows.push(Row {
                name_end,
                role_end,
                count_titled: CountTitled::new(m.count, m.titled),
            });
        }
        Mentions {
            text: text.into_boxed_str(),
            rows: rows.into_boxed_slice(),
        }
    }
}

impl<'a> IntoIterator for &'a Mentions {
    type Item = MentionRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The mentions of a [`Mentions`], in order.
#[derive(Clone)]
pub struct Iter<'a> {
    text: &'a str,
    rows: std::slice::Iter<'a, Row>,
    start: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = MentionRef<'a>;

    fn next(&mut self) -> Option<MentionRef<'a>> {
        let r = self.rows.next()?;
        let (name_end, role_end) = (r.name_end as usize, r.role_end as usize);
        let m = MentionRef {
            name: self.text.get(self.start..name_end)?,
            role: self.text.get(name_end..role_end)?,
            titled: r.count_titled.titled(),
            count: r.count_titled.count(),
        };
        self.start = role_end;
        Some(m)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl fmt::Debug for Mentions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl MentionRef<'_> {
    /// The mention as the sieve made it.
    pub fn to_owned(self) -> Mention {
        Mention {
            name: self.name.to_string(),
            role: self.role.to_string(),
            titled: self.titled,
            count: self.count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_mentions_read_back_as_made() {
        let m = |name: &str, role: &str, titled: bool, count: u32| Mention {
            name: name.into(),
            role: role.into(),
            titled,
            count,
        };
        let made = vec![
            m("Vladimir Putin", "President", true, 3),
            m("Лавров", "", false, 1),
            m("", "spokesman", false, 2),
            m("Joe Biden", "", false, 7),
            m("Ann Lee", "", true, (1 << 31) - 1),
        ];
        let packed: Mentions = made.clone().into_iter().collect();
        assert_eq!(packed.len(), 5);
        assert_eq!(
            &*packed.text,
            "Vladimir PutinPresidentЛавровspokesmanJoe BidenAnn Lee"
        );
        assert_eq!(std::mem::size_of::<Row>(), 12);
        let back: Vec<Mention> = packed.iter().map(MentionRef::to_owned).collect();
        assert_eq!(back, made);
        let r = packed.iter().nth(2).map(|r| (r.name, r.role, r.count));
        assert_eq!(r, Some(("", "spokesman", 2)));
        // A count past 31 bits is cut there, and keeps the title flag apart.
        let big: Mentions = [m("Bo", "", false, u32::MAX)].into_iter().collect();
        let big: Vec<Mention> = big.iter().map(MentionRef::to_owned).collect();
        assert_eq!(big, [m("Bo", "", false, (1 << 31) - 1)]);
        let empty: Mentions = Vec::new().into_iter().collect();
        assert!(empty.is_empty() && empty.iter().next().is_none());
    }

    /// Mentions written as bytes read back the same, titles and counts included; bytes they
    /// cannot have made read back as nothing.
    #[test]
    fn mentions_come_back_from_their_bytes() {
        let m = |name: &str, role: &str, titled: bool, count: u32| Mention {
            name: name.into(),
            role: role.into(),
            titled,
            count,
        };
        let made: Mentions = [
            m("Vladimir Putin", "President", true, 3),
            m("Лавров", "", false, 1),
            m("", "spokesman", false, (1 << 31) - 1),
        ]
        .into_iter()
        .collect();
        let bytes = made.to_bytes();
        // 4 (rows) + 3 x 12 (rows) + the text: 14 + 9 + 12 (Cyrillic, 2 bytes a letter) + 9.
        assert_eq!(bytes.len(), 4 + 36 + 44);
        assert_eq!(Mentions::from_bytes(&bytes), Some(made.clone()));
        let empty = Mentions::default();
        assert_eq!(Mentions::from_bytes(&empty.to_bytes()), Some(empty));
        // Cut short, in the rows or in the text.
        assert_eq!(Mentions::from_bytes(&bytes[..20]), None);
        assert_eq!(Mentions::from_bytes(&bytes[..bytes.len() - 1]), None);
        // The second row's name made to end at byte 24 of the text, inside "Л" (bytes 23
        // and 24).
        let mut split = bytes.clone();
        split[16..20].copy_from_slice(&24u32.to_le_bytes());
        assert_eq!(Mentions::from_bytes(&split), None);
        assert_eq!(Mentions::from_bytes(&[]), None);
    }

    /// Spooled mentions are read back through their place on disk, as they went in.
    #[test]
    fn spooled_mentions_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let spool = crate::spool::Spool::create(dir.path(), "m", "mentions").expect("spool");
        let mut speech =
            crate::speakers::attribute::attribute("Joe Biden met Olaf Scholz in Berlin.", None);
        let before = speech.mentions.get().into_owned();
        assert!(!before.is_empty());
        speech.mentions.spool(&spool);
        assert!(matches!(speech.mentions, Kept::Spooled(_)));
        // Sent again: nothing more is written.
        let sent = speech.mentions.clone();
        speech.mentions.spool(&spool);
        assert_eq!(speech.mentions, sent);
        let sealed = spool.seal().expect("seal");
        assert_eq!(sealed.failed(), None);
        assert_eq!(speech.mentions.get().into_owned(), before);
    }
}
