//! [`Packed`]: a few strings kept together in one allocation. What every article keeps until
//! its tables are written (its metadata, its statements) is many short strings; one
//! allocation for all of a record's strings instead of one each saves their headers and the
//! allocator's rounding (about 170 bytes an article's metadata, 100 a statement).

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
            let mut cut = part.len().min(u32::MAX as usize - words.len());
            while !part.is_char_boundary(cut) {
                cut -= 1;
            }
            words.push_str(&part[..cut]);
            *end = words.len() as u32;
        }
        Packed {
            words: words.into_boxed_str(),
            ends,
        }
    }

    /// The `i`th string ("" past `N`).
    pub fn get(&self, i: usize) -> &str {
        let from = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let to = self.ends.get(i).map_or(from, |&e| e as usize);
        self.words.get(from..to).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
