//! The corpus' frequent word pairs, 16 bytes a pair: kept from the merge until phrases.csv is
//! written, and 6 million of them on the 16x corpus of `benches/scale_corpus.py`, where a
//! [`Pair`] (a 64-bit count) takes 24.
//!
//! A count that does not fit 32 bits (a corpus of more than 4 billion word pairs) is kept
//! whole beside the rows, so every count reads back exactly.

use super::Pair;
use crate::text::TermId;

/// Pairs in the order they were given (the corpus gives them sorted by first and second
/// term); read back as [`Pair`]s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrequentPairs {
    rows: Vec<Row>,
    /// The counts of rows whose `count` is [`WIDE`], by row index, ascending.
    wide: Vec<(u32, u64)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    first: TermId,
    second: TermId,
    /// The count, or [`WIDE`]: look it up in `wide`.
    count: u32,
    doc_freq: u32,
}

/// Marks a count kept in [`FrequentPairs::wide`].
const WIDE: u32 = u32::MAX;

impl FrequentPairs {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `i`th pair. Panics past [`FrequentPairs::len`].
    pub fn get(&self, i: usize) -> Pair {
        let r = self.rows[i];
        let count = match r.count {
            WIDE => (self.wide.binary_search_by_key(&(i as u32), |w| w.0))
                .map_or(u64::from(WIDE), |k| self.wide[k].1),
            n => u64::from(n),
        };
        Pair {
            first: r.first,
            second: r.second,
            count,
            doc_freq: r.doc_freq,
        }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Pair> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Adds `p` after the others.
    pub fn push(&mut self, p: Pair) {
        let count = match u32::try_from(p.count) {
            Ok(n) if n != WIDE => n,
            _ => {
                self.wide.push((self.rows.len() as u32, p.count));
                WIDE
            }
        };
        self.rows.push(Row {
            first: p.first,
            second: p.second,
            count,
            doc_freq: p.doc_freq,
        });
    }
}

impl FromIterator<Pair> for FrequentPairs {
    fn from_iter<I: IntoIterator<Item = Pair>>(pairs: I) -> Self {
        let mut out = FrequentPairs::default();
        pairs.into_iter().for_each(|p| out.push(p));
        out.rows.shrink_to_fit();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts on both sides of 32 bits, the mark itself included, read back as given.
    #[test]
    fn counts_read_back_whole() {
        let counts = [2, u64::from(u32::MAX) - 1, u64::from(u32::MAX), 1 << 40, 7];
        let pairs: Vec<Pair> = (counts.iter().enumerate())
            .map(|(i, &count)| Pair {
                first: i as u32,
                second: 9,
                count,
                doc_freq: 3,
            })
            .collect();
        let kept: FrequentPairs = pairs.iter().copied().collect();
        assert_eq!(kept.len(), 5);
        assert_eq!(kept.iter().collect::<Vec<_>>(), pairs);
        assert_eq!(kept.wide, vec![(2, u64::from(u32::MAX)), (3, 1 << 40)]);
        assert_eq!(std::mem::size_of::<Row>(), 16);
    }
}
