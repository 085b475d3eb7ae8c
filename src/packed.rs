//! [`Packed`]: a few strings kept together in one allocation. What every article keeps until
//! its tables are written (its metadata, its statements) is many short strings; one
//! allocation for all of a record's strings instead of one each saves their headers and the
//! allocator's rounding (about 170 bytes an article's metadata, 100 a statement).
//! [`Strings`]: a growing list of strings in one buffer, for the corpus-wide lists of names
//! (millions of short strings on a large corpus). [`Lists`]: the same for short lists, one
//! a document (the people each article names).

/// `N` strings, one after another in one allocation.
#[derive(Clone, PartialEq, Eq)]
pub struct Packed<const N: usize> {
    words: Box<str>,
    /// Where each string ends in `words`.
    ends: [u32; N],
}

impl<const N: usize> Packed<N> {
    /// Packs `parts`. Offsets are 32-bit: past 4 GB in all, the rest is cut (at a character
    /// boundary), which no article's metadata or sentence comes near.
    pub fn new(parts: [&str; N]) -> Packed<N> {
        let mut words = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        let mut ends = [0u32; N];
        for (end, part) in ends.iter_mut().zip(parts) {
            words.push_str(fitting(part, words.len()));
            *end = words.len() as u32;
        }
        Packed {
            words: words.into_boxed_str(),
            ends,
        }
    }

    /// The strings as bytes, to keep on disk: the ends (little-endian), then the strings.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(4 * N + self.words.len());
        for end in self.ends {
            bytes.extend_from_slice(&end.to_le_bytes());
        }
        bytes.extend_from_slice(self.words.as_bytes());
        bytes
    }

    /// The strings [`Packed::to_bytes`] made; `None` for bytes it did not make (a short
    /// read).
    pub fn from_bytes(bytes: &[u8]) -> Option<Packed<N>> {
        let (head, words) = bytes.split_at_checked(4 * N)?;
        let mut ends = [0u32; N];
        for (end, b) in ends.iter_mut().zip(head.chunks_exact(4)) {
            *end = u32::from_le_bytes(b.try_into().ok()?);
        }
        let words = std::str::from_utf8(words).ok()?;
        let ordered = ends.windows(2).all(|w| w[0] <= w[1]);
        let fits = ends.last().is_none_or(|&e| e as usize == words.len());
        let cut = ends.iter().all(|&e| words.is_char_boundary(e as usize));
        (ordered && fits && cut).then(|| Packed {
            words: words.into(),
            ends,
        })
    }

    /// The `i`th string ("" past `N`).
    pub fn get(&self, i: usize) -> &str {
        let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let to = self.ends.get(i).map_or(from, |&e| e as usize);
        self.words.get(from..to).unwrap_or("")
    }
}

/// The longest start of `part` (cut at a character boundary) that fits after `used` bytes
/// within 32-bit offsets.
pub fn fitting(part: &str, used: usize) -> &str {
    let mut cut = part.len().min((u32::MAX as usize).saturating_sub(used));
    while !part.is_char_boundary(cut) {
        cut -= 1;
    }
    &part[..cut]
}

/// Strings in one buffer, numbered in the order pushed: 8 bytes a string over its text,
/// where a `String` each takes 24 and its allocation's header and rounding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Strings {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
}

/// Where the `i`th of the pieces ending at `ends` lies in their buffer.
pub(crate) fn span(ends: &[usize], i: usize) -> Option<std::ops::Range<usize>> {
    let to = *ends.get(i)?;
    Some(i.checked_sub(1).map_or(0, |p| ends[p])..to)
}

impl Strings {
    /// Adds `s`; returns its index.
    pub fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len());
        self.ends.len() as u32 - 1
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th string ("" past the end).
    pub fn get(&self, i: usize) -> &str {
        span(&self.ends, i).map_or("", |r| &self.text[r])
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    pub fn par_iter(&self) -> impl rayon::iter::IndexedParallelIterator<Item = &str> + '_ {
        use rayon::prelude::*;
        (0..self.len()).into_par_iter().map(|i| self.get(i))
    }
}

/// Lists in one buffer, numbered in the order pushed: 8 bytes a list over its items, where a
/// `Vec` each takes 24 and an allocation (one list for each of 781,000 articles on the 16x
/// corpus, held to the end of the run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lists<T> {
    items: Vec<T>,
    /// Where each list ends in `items`.
    ends: Vec<usize>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            items: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl<T> Lists<T> {
    /// Adds a list after the others.
    pub fn push(&mut self, list: impl IntoIterator<Item = T>) {
        self.items.extend(list);
        self.ends.push(self.items.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th list (empty past the end).
    pub fn get(&self, i: usize) -> &[T] {
        span(&self.ends, i).map_or(&[], |r| &self.items[r])
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Every item of every list, in order.
    pub fn items(&self) -> &[T] {
        &self.items
    }
}

impl<T, L: IntoIterator<Item = T>> FromIterator<L> for Lists<T> {
    fn from_iter<I: IntoIterator<Item = L>>(lists: I) -> Self {
        let mut out = Lists::default();
        lists.into_iter().for_each(|l| out.push(l));
        out.items.shrink_to_fit();
        out.ends.shrink_to_fit();
        out
    }
}

impl std::ops::Index<usize> for Strings {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        self.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_by_index_in_the_order_pushed() {
        let mut s = Strings::default();
        assert_eq!((s.push("Ann Lee"), s.push(""), s.push("é Ö")), (0, 1, 2));
        assert_eq!(s.len(), 3);
        assert_eq!(s.iter().collect::<Vec<_>>(), ["Ann Lee", "", "é Ö"]);
        assert_eq!((&s[2], s.get(3)), ("é Ö", ""));
        use rayon::prelude::*;
        assert_eq!(s.par_iter().map(str::len).sum::<usize>(), 7 + 5);
    }

    /// Past 32-bit offsets a string is cut, at a character boundary ("é" is two bytes).
    #[test]
    fn fitting_cuts_at_a_character_boundary() {
        let full = u32::MAX as usize;
        assert_eq!(fitting("aé", 0), "aé");
        assert_eq!(fitting("aé", full - 2), "a");
        assert_eq!(fitting("aé", full - 3), "aé");
        assert_eq!(fitting("aé", full), "");
        assert_eq!(fitting("aé", full + 5), "");
    }

    #[test]
    fn lists_come_back_by_index_in_the_order_pushed() {
        let lists: Lists<u32> = [vec![3, 1], vec![], vec![7]].into_iter().collect();
        assert_eq!(lists.len(), 3);
        assert_eq!(lists.iter().collect::<Vec<_>>(), [&[3, 1][..], &[], &[7]]);
        assert_eq!((lists.get(2), lists.get(3)), (&[7][..], &[][..]));
        assert_eq!(lists.items(), [3, 1, 7]);
        assert!(Lists::<u8>::default().is_empty());
    }

    /// Bytes made by `to_bytes` give the strings back; bytes cut short or changed do not.
    #[test]
    fn packed_strings_come_back_from_their_bytes() {
        let p = Packed::new(["“Go,” she said.", "", "Ann Lee", "é"]);
        let bytes = p.to_bytes();
        // Four ends of four bytes, then 19 + 0 + 7 + 2 bytes of text.
        assert_eq!(bytes.len(), 16 + 28);
        assert!(Packed::<4>::from_bytes(&bytes) == Some(p.clone()));
        assert!(Packed::<4>::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(Packed::<4>::from_bytes(&[]).is_none());
        // The first string's end inside "“": not a character boundary.
        let mut cut = bytes.clone();
        cut[0] = 1;
        assert!(Packed::<4>::from_bytes(&cut).is_none());
        let none = Packed::new([""; 3]);
        assert!(Packed::<3>::from_bytes(&none.to_bytes()) == Some(none));
    }

    #[test]
    fn packed_strings_come_back_as_given() {
        let p = Packed::new(["“Go,” she said.", "", "Ann Lee", "é"]);
        let got: Vec<&str> = (0..5).map(|i| p.get(i)).collect();
        assert_eq!(got, ["“Go,” she said.", "", "Ann Lee", "é", ""]);
        assert_eq!(p.words.len(), "“Go,” she said.Ann Leeé".len());
        let empty = Packed::new(["", ""]);
        assert_eq!((empty.get(0), empty.get(1)), ("", ""));
    }
}
