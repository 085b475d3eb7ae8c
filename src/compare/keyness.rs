//! Keyness: which terms one side of a comparison uses more, or less, than the other.
//!
//! Owns the statistics and the choice of key terms: Dunning's log-likelihood G² of the 2x2
//! table (term or not, this side or the other), signed, with no continuity correction (the
//! G-test; quanteda's `textstat_keyness(measure = "lr", correction = "none")`), its p-value
//! (chi-square, one degree of freedom), and Hardie's log ratio, the effect size (binary log
//! of the ratio of relative frequencies, a zero count taken as 0.5). The same arithmetic
//! serves groups of documents (keyness.csv) and speakers' statements (speaker_terms.csv).
//! Pure arithmetic.

use ahash::AHashMap;

use crate::text::TermId;

/// The 0.01 critical value of chi-square with one degree of freedom: a key term's |G²| is at
/// least this (p < 0.01).
pub const CRITICAL_G2: f64 = 6.634_896_601_021_214;
/// A key term occurs at least this often on the side it is key for...
pub const MIN_COUNT: u64 = 5;
/// ...in at least this many units there (documents, or statements): one article that
/// repeats a word is no evidence about its group.
pub const MIN_UNITS: u32 = 2;

/// Signed G² of a term: `a` and `b` occurrences on this side and the other, `na` and `nb` all
/// term occurrences there. Positive when this side uses the term more.
pub fn g2(a: u64, b: u64, na: u64, nb: u64) -> f64 {
    let (a, b, na, nb) = (a as f64, b as f64, na as f64, nb as f64);
    let n = na + nb;
    if n <= 0.0 {
        return 0.0;
    }
    let (c, d) = (na - a, nb - b);
    let (with, without) = (a + b, c + d);
    // 0 ln 0 = 0: an empty cell adds nothing.
    let cell = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    let g = 2.0
        * (cell(a, na * with / n)
            + cell(b, nb * with / n)
            + cell(c, na * without / n)
            + cell(d, nb * without / n));
    // Rounding can leave a tiny negative where the sides agree exactly.
    let g = g.max(0.0);
    if a * nb >= b * na { g } else { -g }
}

/// log2 of this side's relative frequency over the other's (Hardie 2014); a zero count is
/// taken as 0.5 so that a term of one side only has a finite ratio.
pub fn log_ratio(a: u64, b: u64, na: u64, nb: u64) -> f64 {
    let half = |x: u64| if x == 0 { 0.5 } else { x as f64 };
    ((half(a) / na.max(1) as f64) / (half(b) / nb.max(1) as f64)).log2()
}

/// p-value of |G²| under chi-square with one degree of freedom: erfc(sqrt(G²/2)).
pub fn p_value(g2: f64) -> f64 {
    libm::erfc((g2.abs() / 2.0).sqrt())
}

/// Occurrences of each term in a set of units, and in how many units.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// (term, occurrences, units), sorted by term.
    pub terms: Vec<(TermId, u64, u32)>,
    /// All term occurrences.
    pub total: u64,
    pub units: u32,
}

impl Counts {
    /// Sums units given as (term, count) lists sorted by term.
    pub fn of<U: IntoIterator<Item = (TermId, u32)>>(units: impl IntoIterator<Item = U>) -> Counts {
        // Summed in place: one list of every unit's pairs would hold the whole corpus'
        // counts at once when the units are all its documents.
        let mut sums = Sums::default();
        let (mut total, mut n) = (0u64, 0u32);
        for u in units {
            for (t, c) in u {
                sums.add(t, c);
                total += u64::from(c);
            }
            n += 1;
        }
        Counts {
            terms: sums.into_terms(),
            total,
            units: n,
        }
    }

    /// Counts of several sets together (the groups compared, all of them).
    pub fn sum<'c>(parts: impl IntoIterator<Item = &'c Counts>) -> Counts {
        let mut all: Vec<(TermId, u64, u32)> = Vec::new();
        let (mut total, mut units) = (0, 0);
        for p in parts {
            all.extend_from_slice(&p.terms);
            total += p.total;
            units += p.units;
        }
        Counts {
            terms: merged(all),
            total,
            units,
        }
    }
}

/// Terms seen in a set before its sums move from a map to an index by term.
const FEW_TERMS: usize = 1 << 16;

/// Occurrences and units by term: in a map while the terms are few (a block of statements,
/// one speaker's, one source's), indexed by term once they are many (all documents). An
/// index sized to the vocabulary for every set took 30 MB a set on the 16x corpus, where
/// most sets hold a few thousand terms.
#[derive(Default)]
struct Sums {
    few: AHashMap<TermId, (u64, u32)>,
    /// By term id once `many_mode`; `seen` lists the ids with a sum.
    by_term: Vec<(u64, u32)>,
    seen: Vec<TermId>,
    many_mode: bool,
}

impl Sums {
    fn add(&mut self, t: TermId, c: u32) {
        if !self.many_mode && self.few.len() >= FEW_TERMS && !self.few.contains_key(&t) {
            self.many_mode = true;
            for (t, s) in std::mem::take(&mut self.few) {
                *self.slot(t) = s;
            }
        }
        let s = if self.many_mode {
            self.slot(t)
        } else {
            self.few.entry(t).or_default()
        };
        s.0 += u64::from(c);
        s.1 += 1;
    }

    /// Term `t`'s sums in the index, listed in `seen` the first time.
    fn slot(&mut self, t: TermId) -> &mut (u64, u32) {
        let i = t as usize;
        if i >= self.by_term.len() {
            self.by_term.resize(i + 1, (0, 0));
        }
        if self.by_term[i].1 == 0 {
            self.seen.push(t);
        }
        &mut self.by_term[i]
    }

    /// (term, occurrences, units), sorted by term.
    fn into_terms(mut self) -> Vec<(TermId, u64, u32)> {
        if self.many_mode {
            self.seen.sort_unstable();
            (self.seen.iter())
                .map(|&t| (t, self.by_term[t as usize].0, self.by_term[t as usize].1))
                .collect()
        } else {
            let mut terms: Vec<(TermId, u64, u32)> = (self.few.into_iter())
                .map(|(t, (c, u))| (t, c, u))
                .collect();
            terms.sort_unstable_by_key(|&(t, _, _)| t);
            terms
        }
    }
}

/// (term, occurrences, units) sorted by term, one entry per term.
fn merged(mut all: Vec<(TermId, u64, u32)>) -> Vec<(TermId, u64, u32)> {
    all.sort_unstable_by_key(|&(t, _, _)| t);
    let mut terms: Vec<(TermId, u64, u32)> = Vec::new();
    for (t, c, u) in all {
        match terms.last_mut() {
            Some(last) if last.0 == t => {
                last.1 += c;
                last.2 += u;
            }
            _ => terms.push((t, c, u)),
        }
    }
    terms
}

/// A key term of one side against the other.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Key {
    pub term: TermId,
    /// Occurrences on this side and the other.
    pub count: u64,
    pub count_rest: u64,
    /// Units (documents, statements) with the term, on this side and the other.
    pub units: u32,
    pub units_rest: u32,
    pub g2: f64,
    pub log_ratio: f64,
    pub p: f64,
}

/// What one side uses more (over) and less (under) than the rest, strongest first, at most
/// `limit` each. `side` is part of `all`; the rest is `all` without it.
pub fn key_terms(side: &Counts, all: &Counts, limit: usize) -> (Vec<Key>, Vec<Key>) {
    let (na, nb) = (side.total, all.total - side.total);
    let (mut over, mut under) = (Vec::new(), Vec::new());
    if na == 0 || nb == 0 {
        return (over, under);
    }
    let mut mine = side.terms.iter().peekable();
    for &(term, total, units_total) in &all.terms {
        let (a, ua) = match mine.peek() {
            Some(&&(t, c, u)) if t == term => {
                mine.next();
                (c, u)
            }
            _ => (0, 0),
        };
        match key_of(term, (a, ua), (total, units_total), (na, nb)) {
            Some((Side::Over, key)) => keep_strongest(&mut over, key, limit, stronger_over),
            Some((Side::Under, key)) => keep_strongest(&mut under, key, limit, stronger_under),
            None => {}
        }
    }
    over.sort_by(stronger_over);
    under.sort_by(stronger_under);
    over.truncate(limit);
    under.truncate(limit);
    (over, under)
}

/// The `over` half of [`key_terms`], the same keys, scoring only the terms `side` uses: a
/// term it never uses is never used more there. So the cost is the side's terms, not the
/// whole vocabulary for every side (speakers' terms: every chosen speaker against all
/// statements).
pub fn over_terms(side: &Counts, all: &Counts, limit: usize) -> Vec<Key> {
    let (na, nb) = (side.total, all.total - side.total);
    let mut over = Vec::new();
    if na == 0 || nb == 0 {
        return over;
    }
    // Both sorted by term: each of the side's terms is looked for after the last one found.
    let mut rest = &all.terms[..];
    for &(term, a, ua) in &side.terms {
        let at = rest.partition_point(|&(t, _, _)| t < term);
        rest = &rest[at..];
        let Some(&(t, total, units_total)) = rest.first() else {
            break;
        };
        if t != term {
            continue;
        }
        if let Some((Side::Over, key)) = key_of(term, (a, ua), (total, units_total), (na, nb)) {
            keep_strongest(&mut over, key, limit, stronger_over);
        }
    }
    over.sort_by(stronger_over);
    over.truncate(limit);
    over
}

/// Which list a key goes to.
enum Side {
    Over,
    Under,
}

/// The key of a term used `a` times in `ua` units on this side of `na` occurrences, and
/// `total` times in `units_total` units in all (`nb` occurrences in the rest), with the list
/// it goes to; None when it is not significant or too rare or too narrow on the side that
/// uses it more.
fn key_of(
    term: TermId,
    (a, ua): (u64, u32),
    (total, units_total): (u64, u32),
    (na, nb): (u64, u64),
) -> Option<(Side, Key)> {
    let (b, ub) = (total - a, units_total - ua);
    let g = g2(a, b, na, nb);
    if g.abs() < CRITICAL_G2 {
        return None;
    }
    let side = if g > 0.0 && a >= MIN_COUNT && ua >= MIN_UNITS {
        Side::Over
    } else if g < 0.0 && b >= MIN_COUNT && ub >= MIN_UNITS {
        Side::Under
    } else {
        return None;
    };
    let key = Key {
        term,
        count: a,
        count_rest: b,
        units: ua,
        units_rest: ub,
        g2: g,
        log_ratio: log_ratio(a, b, na, nb),
        p: p_value(g),
    };
    Some((side, key))
}

/// Strongest first; ties by term (stem order), so the order never depends on threads. A
/// total order: no two keys of one side share a term.
fn stronger_over(x: &Key, y: &Key) -> std::cmp::Ordering {
    y.g2.total_cmp(&x.g2).then(x.term.cmp(&y.term))
}

fn stronger_under(x: &Key, y: &Key) -> std::cmp::Ordering {
    x.g2.total_cmp(&y.g2).then(x.term.cmp(&y.term))
}

/// Adds `key`, and once `keys` holds twice `limit`, keeps only the `limit` strongest: the
/// same keys as sorting them all at the end (the order is total), without holding every
/// significant term of a large corpus (hundreds of thousands a group on the 16x benchmark).
fn keep_strongest(
    keys: &mut Vec<Key>,
    key: Key,
    limit: usize,
    order: fn(&Key, &Key) -> std::cmp::Ordering,
) {
    keys.push(key);
    if keys.len() >= 2 * limit.max(1) {
        keys.select_nth_unstable_by(limit.max(1) - 1, order);
        keys.truncate(limit.max(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sums in a map and sums indexed by term agree: sets on either side of
    /// [`FEW_TERMS`], and one that crosses it midway, against a plain BTreeMap.
    #[test]
    fn counts_are_the_same_in_a_map_and_by_term() {
        let units = |n: u32| -> Vec<Vec<(TermId, u32)>> {
            (0..3)
                .map(|k| {
                    (0..n)
                        .filter(|t| (t + k) % 3 != 0)
                        .map(|t| (t * 2 + k, 1 + t % 5))
                        .collect()
                })
                .collect()
        };
        for n in [10, 40_000, 100_000] {
            let units = units(n);
            let mut want: std::collections::BTreeMap<TermId, (u64, u32)> = Default::default();
            for u in &units {
                for &(t, c) in u {
                    let e = want.entry(t).or_default();
                    e.0 += u64::from(c);
                    e.1 += 1;
                }
            }
            let got = Counts::of(units.iter().map(|u| u.iter().copied()));
            let want: Vec<(TermId, u64, u32)> =
                want.into_iter().map(|(t, (c, u))| (t, c, u)).collect();
            assert_eq!(got.terms, want, "{n} terms a unit");
            assert_eq!(got.units, 3);
            assert_eq!(got.total, want.iter().map(|x| x.1).sum::<u64>());
        }
        // Two units by hand: term 1 in both (2 + 3 times), terms 4 and 9 in one each.
        let few = Counts::of([[(1, 2), (4, 1)], [(1, 3), (9, 1)]]);
        assert_eq!(few.terms, [(1, 5, 2), (4, 1, 1), (9, 1, 1)]);
    }

    /// a = 10 of 100 terms here, b = 10 of 1,000 there: expected counts 100*20/1100,
    /// 1000*20/1100, 100*1080/1100, 1000*1080/1100, G² = 2 * sum O ln(O/E); the value is
    /// Python's (math.log, written out independently in benches/keyness_check.py).
    #[test]
    fn g2_of_a_small_table_equals_the_independent_computation() {
        let g = g2(10, 10, 100, 1000);
        assert!((g - 22.907_803_544_618_957).abs() < 1e-9, "{g}");
        assert!((g2(10, 10, 1000, 100) + 22.907_803_544_618_957).abs() < 1e-9);
        assert!((log_ratio(10, 10, 100, 1000) - 10f64.log2()).abs() < 1e-12);
        assert_eq!(g2(5, 50, 100, 1000), 0.0);
        // A term of one side only: the other's zero is taken as 0.5.
        assert!((log_ratio(4, 0, 100, 100) - 3.0).abs() < 1e-12);
    }

    /// One real group: Zelenskyy's press releases against the Kremlin's (ru_ua_press_2022 by
    /// source; counts and Python's values from `benches/keyness_check.py --show zelenskyy`).
    #[test]
    fn g2_of_a_real_group_equals_the_independent_computation() {
        let (na, nb) = (288_613, 313_890);
        for (a, b, g, lr) in [
            (7970, 622, 8_179.201_767_221_662_5, 3.800_716_021_967_565),
            (2012, 0, 2_969.020_499_323_753_5, 12.095_537_373_025_861),
            (43, 2215, -2_533.254_122_017_214, -5.565_703_445_519_949),
            (417, 1788, -809.710_415_995_837_6, -1.979_104_664_518_320_6),
        ] {
            assert!((g2(a, b, na, nb) - g).abs() < 1e-9, "{a} {b}");
            assert!((log_ratio(a, b, na, nb) - lr).abs() < 1e-9, "{a} {b}");
        }
    }

    #[test]
    fn p_values_follow_chi_square_with_one_degree() {
        assert!((p_value(CRITICAL_G2) - 0.01).abs() < 1e-12);
        assert!((p_value(3.841_458_820_694_124) - 0.05).abs() < 1e-12);
        assert_eq!(p_value(0.0), 1.0);
    }

    #[test]
    fn key_terms_need_strength_count_and_spread() {
        // Term 0: 12 times here in 3 units, twice there; term 1: 6 times in one unit only;
        // term 2: common there.
        let here: [&[(TermId, u32)]; 3] = [&[(0, 4), (1, 6)], &[(0, 4)], &[(0, 4), (3, 50)]];
        let there: [&[(TermId, u32)]; 2] = [&[(0, 1), (2, 40), (3, 100)], &[(0, 1), (2, 40)]];
        let side = Counts::of(here.map(|u| u.iter().copied()));
        let rest = Counts::of(there.map(|u| u.iter().copied()));
        let all = Counts::sum([&side, &rest]);
        assert_eq!(side.total, 68);
        assert_eq!(all.terms[0], (0, 14, 5));
        let (over, under) = key_terms(&side, &all, 10);
        let terms = |k: &[Key]| k.iter().map(|k| k.term).collect::<Vec<_>>();
        // Terms 1 and 3 are used more here (G² 16.0 and 7.4) but each in one unit only.
        assert_eq!(terms(&over), [0]);
        assert_eq!(terms(&under), [2]);
        assert_eq!((over[0].count, over[0].count_rest), (12, 2));
        assert_eq!((under[0].units, under[0].units_rest), (0, 2));
        assert!(over[0].g2 >= CRITICAL_G2 && under[0].g2 <= -CRITICAL_G2);
    }

    /// Keeping only the strongest while scanning gives the keys a full sort gives: 400
    /// random terms, more than 60 significant each way,
    /// cut to 3, 7 and 30 against the same call with room for all of them.
    #[test]
    fn the_strongest_kept_while_scanning_are_those_of_a_full_sort() {
        let mut rng = crate::test_rng::XorShift::new(0x2545_f491_4f6c_dd1d);
        let mut next = |m: u64| rng.below(m);
        let unit = |next: &mut dyn FnMut(u64) -> u64, skew: u64| -> Vec<(TermId, u32)> {
            (0..400u32)
                .filter_map(|t| {
                    let c = next(4) + if u64::from(t) % 5 == skew { 6 } else { 0 };
                    (c > 0).then_some((t, c as u32))
                })
                .collect()
        };
        let here: Vec<Vec<(TermId, u32)>> = (0..30).map(|_| unit(&mut next, 0)).collect();
        let there: Vec<Vec<(TermId, u32)>> = (0..30).map(|_| unit(&mut next, 1)).collect();
        let side = Counts::of(here.iter().map(|u| u.iter().copied()));
        let rest = Counts::of(there.iter().map(|u| u.iter().copied()));
        let all = Counts::sum([&side, &rest]);
        let (over_all, under_all) = key_terms(&side, &all, 10_000);
        assert!(
            over_all.len() > 60 && under_all.len() > 60,
            "{} {}",
            over_all.len(),
            under_all.len()
        );
        for limit in [3, 7, 30] {
            let (over, under) = key_terms(&side, &all, limit);
            assert_eq!(over, over_all[..limit]);
            assert_eq!(under, under_all[..limit]);
        }
    }

    /// `over_terms` gives `key_terms`' over list, on sides that leave a third of the
    /// vocabulary unused (terms it must skip in `all`) and at limits that cut and that do not.
    #[test]
    fn over_terms_are_key_terms_over() {
        let mut rng = crate::test_rng::XorShift::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |m: u64| rng.below(m);
        let unit = |next: &mut dyn FnMut(u64) -> u64, skew: u64, gaps: bool| {
            (0..600u32)
                .filter(|t| !gaps || t % 3 != 2)
                .filter_map(|t| {
                    let c = next(4) + if u64::from(t) % 7 == skew { 5 } else { 0 };
                    (c > 0).then_some((t, c as u32))
                })
                .collect::<Vec<(TermId, u32)>>()
        };
        for skew in 0..3 {
            let here: Vec<_> = (0..25).map(|_| unit(&mut next, skew, true)).collect();
            let there: Vec<_> = (0..40).map(|_| unit(&mut next, skew + 3, false)).collect();
            let side = Counts::of(here.iter().map(|u| u.iter().copied()));
            let rest = Counts::of(there.iter().map(|u| u.iter().copied()));
            let all = Counts::sum([&side, &rest]);
            assert_eq!((side.terms.len(), all.terms.len()), (400, 600));
            let (full, _) = key_terms(&side, &all, 10_000);
            assert!(full.len() > 40, "skew {skew}: {} over", full.len());
            for limit in [1, 3, 7, 30, 10_000] {
                assert_eq!(
                    over_terms(&side, &all, limit),
                    key_terms(&side, &all, limit).0,
                    "skew {skew}, limit {limit}"
                );
            }
        }
    }

    #[test]
    fn sums_of_blocks_are_the_counts_of_all_units() {
        // Speakers' terms count their statements a block at a time and sum the blocks.
        let units: [&[(TermId, u32)]; 4] = [&[(0, 2), (5, 1)], &[], &[(5, 3)], &[(0, 1), (2, 7)]];
        let all = Counts::of(units.map(|u| u.iter().copied()));
        let a = Counts::of(units[..1].iter().map(|u| u.iter().copied()));
        let b = Counts::of(units[1..].iter().map(|u| u.iter().copied()));
        assert_eq!(Counts::sum([&a, &b]), all);
        assert_eq!(all.terms, [(0, 3, 2), (2, 7, 1), (5, 4, 2)]);
        assert_eq!((all.total, all.units), (14, 4));
    }
}
