//! Who is named with whom: pairs of people named in the same article, with how far that is
//! above chance, from the people each article names (after the speaker merge, so "Putin"
//! and "Vladimir Putin" are one person). The pairs are summed by the engine ([`Sums`]),
//! within the memory budget: they grow with the corpus (tens of millions of pairs a year of
//! news), the scores are arithmetic on the sums.

use crate::engine::{BATCH_ROWS, EngineError, Sums};
use crate::packed::Lists;

use super::keyness;

/// A pair is listed when this many articles name both.
pub const MIN_ARTICLES: u32 = 3;

/// Two people named in the same articles; `a` and `b` index `mentions.csv`'s rows (a < b).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoMention {
    pub a: u32,
    pub b: u32,
    /// Articles naming both.
    pub articles: u32,
    /// Articles naming each.
    pub articles_a: u32,
    pub articles_b: u32,
    /// Pointwise mutual information, log2(P(a and b) / (P(a) P(b))): 1 = twice as often
    /// together as chance.
    pub pmi: f64,
    /// Signed G² of the 2x2 table of articles (naming a or not, naming b or not).
    pub g2: f64,
}

/// Pairs named together in [`MIN_ARTICLES`] or more articles, most articles first (ties:
/// stronger association, then the order of mentions.csv). `people_by_doc` lists, for each
/// article, the people it names (ascending, no repeats). `sums` counts the pairs (it is
/// finished here); with the pairs, how often the sums spilled to disk. Fails only when the
/// engine does (a spill that cannot be written).
pub fn co_mentions(
    people_by_doc: &Lists<u32>,
    sums: Sums,
) -> Result<(Vec<CoMention>, usize), EngineError> {
    let n = people_by_doc.len() as u64;
    let people = (people_by_doc.items().iter())
        .map(|&p| p as usize + 1)
        .max();
    let mut per_person = vec![0u32; people.unwrap_or(0)];
    for &p in people_by_doc.items() {
        per_person[p as usize] += 1;
    }
    // A pair named together in MIN_ARTICLES articles has each of its two named in as many:
    // only those people are paired. Most people are named in one or two articles, and
    // pairing them all held millions of pairs that could never be listed.
    let often = |p: u32| per_person[p as usize] >= MIN_ARTICLES;
    // Key: a in the high half, b in the low; each article adds 1 to each pair it names.
    let mut keys: Vec<u64> = Vec::with_capacity(BATCH_ROWS);
    let mut frequent: Vec<u32> = Vec::new();
    for people in people_by_doc.iter() {
        frequent.clear();
        frequent.extend(people.iter().copied().filter(|&p| often(p)));
        for (i, &a) in frequent.iter().enumerate() {
            for &b in &frequent[i + 1..] {
                keys.push(u64::from(a) << 32 | u64::from(b));
                if keys.len() == BATCH_ROWS {
                    feed(
                        &sums,
                        std::mem::replace(&mut keys, Vec::with_capacity(BATCH_ROWS)),
                    );
                }
            }
        }
    }
    feed(&sums, keys);
    let mut pairs: Vec<(u32, u32, u32)> = Vec::new();
    let spills = sums.finish(|(key, k, _)| {
        if k >= u64::from(MIN_ARTICLES) {
            // At most one pair per article: a count that fits the articles fits u32.
            pairs.push(((key >> 32) as u32, key as u32, k as u32));
        }
    })?;
    let mut out: Vec<CoMention> = pairs
        .into_iter()
        .map(|(a, b, k)| {
            let (na, nb) = (per_person[a as usize], per_person[b as usize]);
            let pmi = ((u64::from(k) * n) as f64 / (u64::from(na) * u64::from(nb)) as f64).log2();
            CoMention {
                a,
                b,
                articles: k,
                articles_a: na,
                articles_b: nb,
                pmi,
                // "b is named" in the articles naming a, against the articles that do not.
                g2: keyness::g2(
                    u64::from(k),
                    u64::from(nb - k),
                    u64::from(na),
                    n - u64::from(na),
                ),
            }
        })
        .collect();
    out.sort_by(|x, y| {
        (y.articles.cmp(&x.articles))
            .then(y.g2.total_cmp(&x.g2))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    Ok((out, spills))
}

/// One batch of pair keys, each counted once.
fn feed(sums: &Sums, keys: Vec<u64>) {
    if !keys.is_empty() {
        let ones = vec![1; keys.len()];
        let zeros = vec![0; keys.len()];
        sums.feed(keys, ones, zeros);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs of `docs`, summed by an engine of `pool` bytes (small pools spill).
    fn pairs_of(docs: &[Vec<u32>], pool: u64) -> Vec<CoMention> {
        spilled(docs, pool).0
    }

    fn spilled(docs: &[Vec<u32>], pool: u64) -> (Vec<CoMention>, usize) {
        let dir = tempfile::tempdir().expect("temp dir");
        let sums = Sums::start(pool, &dir.path().join("spill")).expect("engine");
        co_mentions(&docs.iter().cloned().collect(), sums).expect("co-mentions")
    }

    /// More pairs than the smallest pool holds: the sums spill, and the pairs and their
    /// order are those of a pool that holds them all.
    #[test]
    fn pairs_past_the_pool_spill_and_come_back_the_same() {
        let mut rng = crate::test_rng::XorShift::new(0x9E37_79B9_7F4A_7C15);
        // 3,000 people, 24 a document: about 1.9 million pairs, most of them distinct.
        let docs: Vec<Vec<u32>> = (0..7000)
            .map(|_| {
                let mut people: Vec<u32> = (0..24).map(|_| rng.below(3000) as u32).collect();
                people.sort_unstable();
                people.dedup();
                people
            })
            .collect();
        let (small, spills) = spilled(&docs, crate::engine::MIN_POOL);
        let (large, none) = spilled(&docs, 512 << 20);
        assert!(spills > 0, "the smallest pool did not spill");
        assert_eq!(none, 0);
        assert!(small.len() > 1000, "{} pairs: too few to test", small.len());
        assert_eq!(small, large);
    }

    #[test]
    fn pairs_are_counted_per_article_and_scored_against_chance() {
        // 8 articles: 0 and 1 together in 3, 0 alone in 1, 1 alone in 1, 2 with 0 in 3
        // (and 2 never alone), one article names nobody.
        let docs: Vec<Vec<u32>> = vec![
            vec![0, 1],
            vec![0, 1],
            vec![0, 1, 2],
            vec![0],
            vec![1],
            vec![0, 2],
            vec![0, 2],
            vec![],
        ];
        let pairs = pairs_of(&docs, 64 << 20);
        let p = |a: u32, b: u32| pairs.iter().find(|c| (c.a, c.b) == (a, b)).copied();
        let ab = p(0, 1).expect("0 and 1");
        assert_eq!((ab.articles, ab.articles_a, ab.articles_b), (3, 6, 4));
        // log2(3 * 8 / (6 * 4)) = 0: together exactly as often as chance.
        assert!(ab.pmi.abs() < 1e-12);
        assert!(ab.g2.abs() < 1e-9);
        let ac = p(0, 2).expect("0 and 2");
        assert!((ac.pmi - (3.0f64 * 8.0 / 18.0).log2()).abs() < 1e-12);
        assert!(ac.g2 > 0.0);
        // 1 and 2 share one article only.
        assert!(p(1, 2).is_none());
        // Ties on articles: the stronger association first.
        assert_eq!((pairs[0].a, pairs[0].b), (0, 2));
    }

    /// Pairing only people named in MIN_ARTICLES articles or more lists the same pairs as
    /// counting every pair: checked against that count on random articles.
    #[test]
    fn only_frequent_people_are_paired_and_no_pair_is_lost() {
        let mut rng = crate::test_rng::XorShift::new(0x2545_F491_4F6C_DD1D);
        let mut next = |m: u64| rng.below(m);
        let docs: Vec<Vec<u32>> = (0..2000)
            .map(|_| {
                // 40 people named often, 2,000 rarely.
                let mut people: Vec<u32> = (0..next(6))
                    .map(|_| match next(3) {
                        0 => 40 + next(2000) as u32,
                        _ => next(40) as u32,
                    })
                    .collect();
                people.sort_unstable();
                people.dedup();
                people
            })
            .collect();
        // Two people named in exactly MIN_ARTICLES articles, always together: the edge.
        let mut docs = docs;
        docs.extend((0..MIN_ARTICLES).map(|_| vec![5000, 5001]));
        let mut all: std::collections::BTreeMap<(u32, u32), u32> = Default::default();
        let mut each: std::collections::BTreeMap<u32, u32> = Default::default();
        for people in &docs {
            for (i, &a) in people.iter().enumerate() {
                *each.entry(a).or_default() += 1;
                for &b in &people[i + 1..] {
                    *all.entry((a, b)).or_default() += 1;
                }
            }
        }
        let mut want: Vec<(u32, u32, u32, u32, u32)> = (all.into_iter())
            .filter(|&(_, k)| k >= MIN_ARTICLES)
            .map(|((a, b), k)| (a, b, k, each[&a], each[&b]))
            .collect();
        let mut got: Vec<(u32, u32, u32, u32, u32)> = (pairs_of(&docs, 64 << 20).iter())
            .map(|c| (c.a, c.b, c.articles, c.articles_a, c.articles_b))
            .collect();
        want.sort_unstable();
        got.sort_unstable();
        assert!(want.len() > 20, "{} pairs: too few to test", want.len());
        assert_eq!(got, want);
        assert!(got.contains(&(5000, 5001, MIN_ARTICLES, MIN_ARTICLES, MIN_ARTICLES)));
        // Some people are named in fewer than MIN_ARTICLES articles: the case pruned.
        assert!(each.values().any(|&k| k < MIN_ARTICLES));
    }
}
