//! The people one document names, packed: every name and role of the document in one
//! string, and a fixed-size row per distinct mention.
//!
//! Kept for every document until the corpus is merged, mentions were the largest
//! per-document structure (3.1 million rows on the 4x corpus of `benches/scale_corpus.py`):
//! two small strings a row cost more in allocator overhead than in text. Packed, a document
//! holds two allocations whatever the number of people it names.

use std::fmt;

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
}
