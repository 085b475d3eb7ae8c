//! The corpus' frequent word pairs, 16 bytes a pair: kept from the merge until phrases.csv is
//! written, and 6 million of them on the 16x corpus of `benches/scale_corpus.py`, where a
//! [`Pair`] (a 64-bit count) takes 24.
//!
//! A count that does not fit 32 bits (a corpus of more than 4 billion word pairs) is kept
//! whole beside the rows, so every count reads back exactly.

use rayon::prelude::*;

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

impl Row {
    /// The row of `p`, the `index`th pair: its count in `wide` if it needs more than 32 bits.
    fn of(p: Pair, index: usize, wide: &mut Vec<(u32, u64)>) -> Row {
        let count = match u32::try_from(p.count) {
            Ok(n) if n != WIDE => n,
            _ => {
                wide.push((index as u32, p.count));
                WIDE
            }
        };
        Row {
            first: p.first,
            second: p.second,
            count,
            doc_freq: p.doc_freq,
        }
    }
}

/// Pairs as they are given, gathered in blocks of a fixed size, then made one
/// [`FrequentPairs`] sized exactly: their number is known only once the last is given, and a
/// vector grown by doubling held its old and new buffers at once, the corpus merge's peak on
/// the 16x corpus.
#[derive(Debug, Default)]
pub struct Gathering {
    blocks: Vec<Vec<Row>>,
    wide: Vec<(u32, u64)>,
    len: usize,
}

/// Rows a block of [`Gathering`] (16 MB).
const BLOCK: usize = 1 << 20;

impl Gathering {
    /// Adds `p` after the others.
    pub fn push(&mut self, p: Pair) {
        let row = Row::of(p, self.len, &mut self.wide);
        match self.blocks.last_mut() {
            Some(block) if block.len() < BLOCK => block.push(row),
            _ => {
                let mut block = Vec::with_capacity(BLOCK);
                block.push(row);
                self.blocks.push(block);
            }
        }
        self.len += 1;
    }

    /// The pairs in the order given. Each block goes once copied: the pairs are held about
    /// once throughout (room not yet written takes no memory).
    pub fn done(self) -> FrequentPairs {
        let mut rows = Vec::with_capacity(self.len);
        for block in self.blocks {
            rows.extend_from_slice(&block);
        }
        FrequentPairs {
            rows,
            wide: self.wide,
        }
    }
}

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
        let row = Row::of(p, self.rows.len(), &mut self.wide);
        self.rows.push(row);
    }

    /// Sorts the pairs by first, then second term (the corpus has each pair once), in place:
    /// the merge of the corpus once sorted 24-byte [`Pair`]s and then copied them here, 240
    /// MB at once on the 16x corpus.
    pub fn sort_by_terms(&mut self) {
        if self.wide.is_empty() {
            self.rows.par_sort_unstable_by_key(|r| (r.first, r.second));
        } else {
            // A count past 32 bits is rare: its row index moves with it this way.
            let mut all: Vec<Pair> = self.iter().collect();
            all.sort_unstable_by_key(|p| (p.first, p.second));
            *self = all.into_iter().collect();
        }
        self.rows.shrink_to_fit();
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

    /// Pairs gathered in blocks come back in the order given, across three blocks, a count
    /// past 32 bits in the second keeping its row.
    #[test]
    fn gathered_in_blocks_as_given() {
        let n = 2 * BLOCK + 5;
        let pair = |i: usize| Pair {
            first: (i % 1000) as u32,
            second: (i / 1000) as u32,
            count: if i == BLOCK + 3 {
                1 << 40
            } else {
                2 + (i % 7) as u64
            },
            doc_freq: 1 + (i % 5) as u32,
        };
        let mut gathering = Gathering::default();
        (0..n).for_each(|i| gathering.push(pair(i)));
        assert_eq!(gathering.blocks.len(), 3);
        assert_eq!(gathering.blocks[2].len(), 5);
        let kept = gathering.done();
        assert_eq!(kept.len(), n);
        assert_eq!(kept.wide, vec![(BLOCK as u32 + 3, 1 << 40)]);
        assert_eq!(kept.get(BLOCK + 3).count, 1 << 40);
        assert_eq!(kept, (0..n).map(pair).collect::<FrequentPairs>());
    }

    /// Sorted by first, then second term, with or without counts past 32 bits.
    #[test]
    fn sorted_by_terms_with_their_counts() {
        let pair = |first, second, count| Pair {
            first,
            second,
            count,
            doc_freq: first + second,
        };
        let given = [
            pair(3, 1, 5),
            pair(1, 9, 1 << 40),
            pair(1, 2, 7),
            pair(0, 4, 2),
        ];
        let want = [given[3], given[2], given[1], given[0]];
        let mut wide: FrequentPairs = given.iter().copied().collect();
        wide.sort_by_terms();
        assert_eq!(wide.iter().collect::<Vec<_>>(), want);
        assert_eq!(wide.wide, vec![(2, 1 << 40)]);
        let narrow = [given[0], given[2], given[3]];
        let mut kept: FrequentPairs = narrow.iter().copied().collect();
        kept.sort_by_terms();
        assert_eq!(
            kept.iter().collect::<Vec<_>>(),
            [given[3], given[2], given[0]]
        );
    }
}
