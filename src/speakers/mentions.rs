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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    name_end: u32,
    role_end: u32,
    count: u32,
    titled: bool,
}

/// The mentions of one document, in the order they were made.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Mentions {
    text: String,
    rows: Vec<Row>,
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

    /// Appends one mention. A document's names and roles past 4 GiB in all are not kept
    /// (the offsets are 32-bit; no article comes near).
    fn push(&mut self, name: &str, role: &str, titled: bool, count: u32) {
        let Ok(role_end) = u32::try_from(self.text.len() + name.len() + role.len()) else {
            return;
        };
        self.text.push_str(name);
        let name_end = (self.text.len()) as u32;
        self.text.push_str(role);
        self.rows.push(Row {
            name_end,
            role_end,
            count,
            titled,
        });
    }
}

impl FromIterator<Mention> for Mentions {
    /// Packs mentions, sized exactly: kept for the whole run, a buffer grown by doubling
    /// would hold up to twice its text.
    fn from_iter<I: IntoIterator<Item = Mention>>(iter: I) -> Mentions {
        let all: Vec<Mention> = iter.into_iter().collect();
        let bytes = all.iter().map(|m| m.name.len() + m.role.len()).sum();
        let mut packed = Mentions {
            text: String::with_capacity(bytes),
            rows: Vec::with_capacity(all.len()),
        };
        for m in &all {
            packed.push(&m.name, &m.role, m.titled, m.count);
        }
        packed
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
            titled: r.titled,
            count: r.count,
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
        ];
        let packed: Mentions = made.clone().into_iter().collect();
        assert_eq!(packed.len(), 4);
        assert_eq!(
            packed.text,
            "Vladimir PutinPresidentЛавровspokesmanJoe Biden"
        );
        assert_eq!(packed.text.capacity(), packed.text.len());
        let back: Vec<Mention> = packed.iter().map(MentionRef::to_owned).collect();
        assert_eq!(back, made);
        let r = packed.iter().nth(2).map(|r| (r.name, r.role, r.count));
        assert_eq!(r, Some(("", "spokesman", 2)));
        let empty: Mentions = Vec::new().into_iter().collect();
        assert!(empty.is_empty() && empty.iter().next().is_none());
    }
}
