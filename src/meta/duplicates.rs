//! Near-duplicate article detection: the same story twice is counted once.
//!
//! Owns: turning an article body into a small MinHash [`Signature`], and finding which
//! documents of a collection are exact or near copies of an earlier one
//! ([`find_duplicates`]). Reading files, stripping the `date` line and deciding what to do
//! with the duplicates is the caller's job.
//!
//! # Method and parameters
//! - **Normalisation**: the text is split into words = maximal runs of alphanumeric
//!   characters (Unicode), lower-cased. Punctuation, quote marks, line breaks and spacing
//!   are ignored, so a re-scrape with other punctuation gives the same word sequence.
//! - **Shingles**: every run of [`SHINGLE_WORDS`] = 5 consecutive words. Five words are rare
//!   enough that two different articles sharing common phrases have a small Jaccard, and
//!   a changed word only touches 5 shingles: one corrected 20-word sentence in a 300-word
//!   article leaves a Jaccard of about 0.85, a changed header line of 10 words about 0.9.
//! - **MinHash**: [`NUM_HASHES`] = 128 hash functions `(a*x + b) >> 32` over a 32-bit shingle
//!   key (multiply-add-shift, strongly universal), kept as `u32`: 512 bytes per signature.
//!   The estimated Jaccard (share of equal values) has a standard error of at most 0.044.
//! - **LSH banding**: [`BANDS`] = 32 bands of [`ROWS`] = 4 values; documents that agree on a
//!   whole band are candidates. The chance to become a candidate is `1-(1-J^4)^32`:
//!   J = 0.8: > 0.9999, J = 0.7: 0.9998, J = 0.5: 0.87, J = 0.2: 0.05, J = 0.05: 0.0002.
//!   The low rows-per-band favours recall; false candidates only cost one 128-value
//!   comparison each.
//! - **Verification**: a candidate pair is a duplicate when at least [`MIN_EQUAL`] = 90 of the
//!   128 values agree (estimated Jaccard >= 0.703). A true Jaccard of 0.8 passes with
//!   probability 0.998, 0.75 with 0.91, 0.5 practically never (4.5 standard errors away).
//! - **Short texts**: with fewer than [`MIN_WORDS`] = 10 words (at most 5 shingles) MinHash
//!   says little, so such a text is a duplicate only of a text with exactly the same
//!   normalised word sequence. An empty text (no words) is never a duplicate, so empty
//!   bodies are not all merged into one.
//! - **Groups and chains**: verified pairs are joined with union-find whose root is always
//!   the smallest index, so with A~B and B~C all later members point at the earliest
//!   document of the group even if A and C are not similar themselves.
//! - **Scaling**: identical texts are grouped first through a hash map (so a hundred copies
//!   cost nothing), then each band is sorted by key; inside one bucket every member is
//!   compared with at most [`BUCKET_WINDOW`] earlier members, so the work stays near-linear
//!   even when some band key is shared by thousands of documents. The MinHash values are
//!   read through a [`MinsStore`] (memory, or the caller's files): four
//!   bands per scan of the store, then one read per candidate pair, so only the small
//!   [`Head`]s need be held for every document.
//! - **Speed**: one pass over the characters, no allocation; the 128-value update per
//!   shingle is written to auto-vectorise and compiled a second time with AVX2 (picked at
//!   run time, same integer results). About 0.3 s per 10 MB per core on the real corpora.
//! - **Determinism**: all seeds are constants, candidate pairs are sorted and deduplicated
//!   before the (order-independent) union step, so thread count never changes the result.

use ahash::AHashMap;
use rayon::prelude::*;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// MinHash values per signature.
pub const NUM_HASHES: usize = 128;
/// LSH bands; `BANDS * ROWS == NUM_HASHES`.
pub const BANDS: usize = 32;
/// MinHash values per band.
pub const ROWS: usize = NUM_HASHES / BANDS;
/// Equal values (of 128) needed for a verified duplicate: estimated Jaccard >= 0.703.
pub const MIN_EQUAL: usize = 90;
/// Texts with fewer words are matched by exact normalised text only.
pub const MIN_WORDS: u32 = 10;
/// Inside one LSH bucket, each member is compared with at most this many earlier members.
pub const BUCKET_WINDOW: usize = 64;

/// MinHash signature of one document, plus a hash of its whole normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Minimum of each hash function over the shingles (all `u32::MAX` for short texts).
    mins: [u32; NUM_HASHES],
    /// Hash of the full normalised word sequence (for exact matches).
    exact: u64,
    /// Number of words (saturating).
    words: u32,
}

impl Signature {
    /// Number of normalised words in the text.
    pub fn words(&self) -> u32 {
        self.words
    }

    fn is_long(&self) -> bool {
        self.words >= MIN_WORDS
    }

    /// What the exact-text rule needs, kept in memory while the MinHash values may be
    /// elsewhere.
    pub fn head(&self) -> Head {
        Head {
            exact: self.exact,
            words: self.words,
        }
    }

    /// The MinHash values.
    pub fn mins(&self) -> &[u32; NUM_HASHES] {
        &self.mins
    }

    /// The MinHash values as [`MINS_BYTES`] bytes, little-endian: how the signature files
    /// and a cluster's rows hold them ([`mins_from_bytes`] reads them back).
    pub fn mins_bytes(&self) -> [u8; MINS_BYTES] {
        let mut bytes = [0u8; MINS_BYTES];
        for (b, v) in bytes.chunks_exact_mut(4).zip(&self.mins) {
            b.copy_from_slice(&v.to_le_bytes());
        }
        bytes
    }

    /// The hash of the whole normalised text.
    pub fn exact(&self) -> u64 {
        self.exact
    }

    /// The signature whose [`Signature::mins`], [`Signature::exact`] and
    /// [`Signature::words`] these are: for signatures made on a cluster's workers.
    pub fn from_parts(mins: [u32; NUM_HASHES], exact: u64, words: u32) -> Signature {
        Signature { mins, exact, words }
    }
}

/// Bytes of one signature's MinHash values ([`Signature::mins_bytes`]).
pub const MINS_BYTES: usize = NUM_HASHES * 4;

/// The MinHash values [`Signature::mins_bytes`] wrote.
pub fn mins_from_bytes(bytes: &[u8; MINS_BYTES], into: &mut [u32; NUM_HASHES]) {
    for (v, b) in into.iter_mut().zip(bytes.chunks_exact(4)) {
        *v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    }
}

/// An article's signature with what chooses the original among copies: its date and id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    pub doc_id: String,
    pub date: Option<super::PubDate>,
    pub signature: Signature,
}

/// What the first pass takes of an article for duplicates: its date (the user's metadata
/// first, as `given`) and the signature of its text without the date line.
pub fn dated_signature(text: &str, given: &super::Given) -> (Option<super::PubDate>, Signature) {
    let (date, body) = super::scan(text, given);
    (date, signature(&body))
}

/// A signature without its MinHash values: the hash of the whole text and its word count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head {
    exact: u64,
    words: u32,
}

impl Head {
    fn is_long(&self) -> bool {
        self.words >= MIN_WORDS
    }
}

/// Where [`find_duplicates_in`] reads the MinHash values (512 bytes a document): memory, or
/// files the caller wrote (the first pass keeps them on disk, as they grow with the corpus).
pub trait MinsStore: Sync {
    type Error: Send;
    /// Calls `f(i, mins)` once for every document `i`, in any order (the store's own).
    fn scan(&self, f: &mut dyn FnMut(usize, &[u32; NUM_HASHES])) -> Result<(), Self::Error>;
    /// The MinHash values of document `i`.
    fn read(&self, i: usize, into: &mut [u32; NUM_HASHES]) -> Result<(), Self::Error>;
}

/// Signatures held in memory, in document order.
struct InMemory<'a>(&'a [Signature]);

impl MinsStore for InMemory<'_> {
    type Error = std::convert::Infallible;

    fn scan(&self, f: &mut dyn FnMut(usize, &[u32; NUM_HASHES])) -> Result<(), Self::Error> {
        for (i, s) in self.0.iter().enumerate() {
            f(i, &s.mins);
        }
        Ok(())
    }

    fn read(&self, i: usize, into: &mut [u32; NUM_HASHES]) -> Result<(), Self::Error> {
        *into = self.0[i].mins;
        Ok(())
    }
}

/// splitmix64 step, used to derive constants and to finalise hashes.
const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Multipliers `a` (odd) and offsets `b` of the 128 hash functions, from a fixed seed.
const PARAMS: ([u64; NUM_HASHES], [u64; NUM_HASHES]) = {
    let mut a = [0u64; NUM_HASHES];
    let mut b = [0u64; NUM_HASHES];
    let mut state: u64 = 0x6e65_7773_7265_706f; // "newsrepo"
    let mut i = 0;
    while i < NUM_HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        a[i] = mix64(state) | 1;
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        b[i] = mix64(state);
        i += 1;
    }
    (a, b)
};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
const COMBINE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Folds one 32-bit shingle key into the running minima (written to auto-vectorise).
#[inline(always)]
fn update_mins(mins: &mut [u32; NUM_HASHES], x: u32) {
    let x = x as u64;
    for ((m, a), b) in mins.iter_mut().zip(PARAMS.0.iter()).zip(PARAMS.1.iter()) {
        let v = (a.wrapping_mul(x).wrapping_add(*b) >> 32) as u32;
        *m = (*m).min(v);
    }
}

/// Builds the signature of one text (see the module doc for the normalisation).
pub fn signature(text: &str) -> Signature {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked just above); the code is the same.
            return unsafe { signature_avx2(text) };
        }
    }
    signature_impl(text)
}

/// [`signature_impl`] compiled with AVX2 (the MinHash loop is ~3x faster); same results.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn signature_avx2(text: &str) -> Signature {
    signature_impl(text)
}

#[inline(always)]
fn signature_impl(text: &str) -> Signature {
    let mut mins = [u32::MAX; NUM_HASHES];
    let mut exact: u64 = FNV_OFFSET;
    let mut words: u32 = 0;
    // Last SHINGLE_WORDS word hashes, as a ring buffer indexed by word count.
    let mut ring = [0u64; SHINGLE_WORDS];
    let mut cur: u64 = FNV_OFFSET;
    let mut in_word = false;

    let mut end_word = |h: u64| {
        let w = mix64(h);
        exact = (exact.rotate_left(23) ^ w).wrapping_mul(COMBINE);
        ring[words as usize % SHINGLE_WORDS] = w;
        words = words.saturating_add(1);
        if words as usize >= SHINGLE_WORDS {
            // Oldest word first: `words` now points one past the newest.
            let mut sh: u64 = 0;
            for j in 0..SHINGLE_WORDS {
                sh = (sh.rotate_left(17) ^ ring[(words as usize + j) % SHINGLE_WORDS])
                    .wrapping_mul(COMBINE);
            }
            let sh = mix64(sh);
            update_mins(&mut mins, (sh ^ (sh >> 32)) as u32);
        }
    };

    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                cur = (cur ^ c.to_ascii_lowercase() as u64).wrapping_mul(FNV_PRIME);
                in_word = true;
                continue;
            }
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                cur = (cur ^ l as u64).wrapping_mul(FNV_PRIME);
            }
            in_word = true;
            continue;
        }
        if in_word {
            end_word(cur);
            cur = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        end_word(cur);
    }
    let exact = mix64(exact ^ words as u64);
    if words < MIN_WORDS {
        mins = [u32::MAX; NUM_HASHES];
    }
    Signature { mins, exact, words }
}

/// Number of equal MinHash values (0..=128).
fn equal_values(x: &[u32; NUM_HASHES], y: &[u32; NUM_HASHES]) -> usize {
    x.iter().zip(y).filter(|(p, q)| p == q).count()
}

/// Estimated Jaccard similarity of the two texts' shingle sets (share of equal MinHash
/// values); for short texts 1.0 when the normalised texts are equal, else 0.0.
pub fn estimated_jaccard(x: &Signature, y: &Signature) -> f64 {
    if x.is_long() && y.is_long() {
        equal_values(&x.mins, &y.mins) as f64 / NUM_HASHES as f64
    } else if x.words > 0 && x.words == y.words && x.exact == y.exact {
        1.0
    } else {
        0.0
    }
}

/// Union-find whose root is always the smallest index of its set.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        let mut root = i;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        while self.parent[i] != root {
            let next = self.parent[i];
            self.parent[i] = root;
            i = next;
        }
        root
    }

    fn union(&mut self, i: usize, j: usize) {
        let (ri, rj) = (self.find(i), self.find(j));
        if ri < rj {
            self.parent[rj] = ri;
        } else if rj < ri {
            self.parent[ri] = rj;
        }
    }
}

/// Key of one band of a signature.
fn band_key(mins: &[u32; NUM_HASHES], band: usize) -> u64 {
    let mut h = band as u64;
    for &v in &mins[band * ROWS..(band + 1) * ROWS] {
        h = (h.rotate_left(29) ^ v as u64).wrapping_mul(COMBINE);
    }
    mix64(h)
}

/// Bands keyed in one scan of the store: each scan holds 16 bytes a compared document per
/// band, so a few bands at a time keep the keys small beside the store.
const BANDS_PER_SCAN: usize = 4;

/// Candidate pairs `(earlier, later)` from the bands `bands` among the documents marked in
/// `rep`, sorted and without repeats.
fn band_candidates<S: MinsStore>(
    store: &S,
    rep: &[bool],
    bands: std::ops::Range<usize>,
) -> Result<Vec<(u32, u32)>, S::Error> {
    let reps = rep.iter().filter(|&&r| r).count();
    let mut keyed: Vec<Vec<(u64, u32)>> = bands.clone().map(|_| Vec::with_capacity(reps)).collect();
    store.scan(&mut |i, mins| {
        if rep[i] {
            for (k, band) in keyed.iter_mut().zip(bands.clone()) {
                k.push((band_key(mins, band), i as u32));
            }
        }
    })?;
    let mut pairs = Vec::new();
    for mut keyed in keyed {
        keyed.sort_unstable();
        for bucket in keyed.chunk_by(|x, y| x.0 == y.0) {
            for j in 1..bucket.len() {
                for k in j.saturating_sub(BUCKET_WINDOW)..j {
                    pairs.push((bucket[k].1, bucket[j].1));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    Ok(pairs)
}

/// For each document (in order) the index of the earlier document it duplicates, or `None`.
/// The index is always the earliest member of the duplicate group.
pub fn find_duplicates(sigs: &[Signature]) -> Vec<Option<usize>> {
    let heads: Vec<Head> = sigs.iter().map(Signature::head).collect();
    match find_duplicates_in(&heads, &InMemory(sigs)) {
        Ok(found) => found,
        Err(never) => match never {},
    }
}

/// [`find_duplicates`] over the documents' `heads` (in order) and their MinHash values in
/// `store`: the same result wherever the values are kept.
pub fn find_duplicates_in<S: MinsStore>(
    heads: &[Head],
    store: &S,
) -> Result<Vec<Option<usize>>, S::Error> {
    let n = heads.len();
    let mut uf = UnionFind::new(n);

    // 1. Identical normalised texts (the only rule for short texts; empty ones never match).
    let mut first: AHashMap<(u32, u64), usize> = AHashMap::with_capacity(n);
    let mut rep = vec![false; n];
    for (i, s) in heads.iter().enumerate() {
        if s.words == 0 {
            continue;
        }
        match first.get(&(s.words, s.exact)) {
            Some(&f) => uf.union(f, i),
            None => {
                first.insert((s.words, s.exact), i);
                rep[i] = s.is_long();
            }
        }
    }
    drop(first);

    // 2. LSH candidates among the first copies of long texts, sorted and verified.
    let per_scan: Vec<Vec<(u32, u32)>> = (0..BANDS.div_ceil(BANDS_PER_SCAN))
        .into_par_iter()
        .map(|s| {
            let bands = s * BANDS_PER_SCAN..((s + 1) * BANDS_PER_SCAN).min(BANDS);
            band_candidates(store, &rep, bands)
        })
        .collect::<Result<_, _>>()?;
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(per_scan.iter().map(Vec::len).sum());
    for p in per_scan {
        pairs.extend(p);
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    // Pairs come sorted by their earlier document, so its values are read once per run.
    let verified: Vec<Vec<(u32, u32)>> = pairs
        .par_chunks(4096)
        .map(|chunk| {
            let (mut x, mut y) = ([0; NUM_HASHES], [0; NUM_HASHES]);
            let mut held = None;
            let mut out = Vec::new();
            for &(i, j) in chunk {
                if held != Some(i) {
                    store.read(i as usize, &mut x)?;
                    held = Some(i);
                }
                store.read(j as usize, &mut y)?;
                if equal_values(&x, &y) >= MIN_EQUAL {
                    out.push((i, j));
                }
            }
            Ok(out)
        })
        .collect::<Result<_, _>>()?;
    for (i, j) in verified.into_iter().flatten() {
        uf.union(i as usize, j as usize);
    }

    Ok((0..n)
        .map(|i| {
            let root = uf.find(i);
            (root != i).then_some(root)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random article of `n` words over a vocabulary of 400 words,
    /// with a sentence break every 15 words.
    fn article(seed: u64, n: usize) -> String {
        let mut s = String::new();
        let mut state = seed;
        for i in 0..n {
            state = mix64(state.wrapping_add(COMBINE));
            s.push_str(&format!("word{}", state % 400));
            s.push_str(if i % 15 == 14 { ". " } else { " " });
        }
        s
    }

    fn words_of(text: &str) -> Vec<&str> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect()
    }

    /// Exact Jaccard of the 5-word shingle sets (test oracle, lower-case input only).
    fn exact_jaccard(x: &str, y: &str) -> f64 {
        use std::collections::HashSet;
        let sh = |t: &str| -> HashSet<Vec<String>> {
            let w: Vec<String> = words_of(t).iter().map(|w| w.to_lowercase()).collect();
            w.windows(SHINGLE_WORDS).map(|s| s.to_vec()).collect()
        };
        let (a, b) = (sh(x), sh(y));
        a.intersection(&b).count() as f64 / a.union(&b).count() as f64
    }

    fn dups(texts: &[&str]) -> Vec<Option<usize>> {
        let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
        find_duplicates(&sigs)
    }

    /// Replaces words `from..to` (word positions) with other words.
    fn replace_words(text: &str, from: usize, to: usize, tag: &str) -> String {
        words_of(text)
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if (from..to).contains(&i) {
                    format!("{tag}{i}")
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn exact_duplicate_is_marked() {
        let a = article(1, 300);
        assert_eq!(dups(&[&a, &a]), vec![None, Some(0)]);
    }

    #[test]
    fn punctuation_case_and_spacing_do_not_matter() {
        let a = "The Minister said on Monday that the plan, which costs $1.2bn, would go ahead.";
        let b = "the minister SAID on monday -- that the plan which costs 1 2bn\nwould go ahead";
        assert_eq!(dups(&[a, b]), vec![None, Some(0)]);
    }

    #[test]
    fn one_corrected_sentence_in_300_words_is_marked() {
        let a = article(2, 300);
        // Words 150..165 = one sentence: 15 words touch at most 19 of 296 shingles,
        // so Jaccard >= 277 / 315 = 0.88.
        let b = replace_words(&a, 150, 165, "fixed");
        let j = exact_jaccard(&a, &b);
        assert!(j > 0.85, "exact Jaccard {j}");
        let est = estimated_jaccard(&signature(&a), &signature(&b));
        assert!((est - j).abs() < 0.1, "estimate {est} vs {j}");
        assert_eq!(dups(&[&a, &b]), vec![None, Some(0)]);
    }

    #[test]
    fn changed_first_line_is_marked() {
        let body = article(3, 300);
        let a = format!("Published by the Daily Planet, 12 March 2014, page 4\n\n{body}");
        let b = format!("Re-scraped from the Planet website at 10:45 on 13 March\n\n{body}");
        assert_eq!(dups(&[&a, &b]), vec![None, Some(0)]);
    }

    #[test]
    fn different_articles_sharing_a_sentence_are_not_marked() {
        let shared = "the prime minister said the policy on immigration would be reviewed \
                      before the end of the year";
        let a = format!("{} {shared} {}", article(4, 150), article(5, 150));
        let b = format!("{} {shared} {}", article(6, 150), article(7, 150));
        assert!(exact_jaccard(&a, &b) < 0.05);
        assert_eq!(dups(&[&a, &b]), vec![None, None]);
    }

    #[test]
    fn half_overlap_is_not_marked() {
        // Same first 200 words, different last 200: Jaccard about 196 / 588 = 0.33.
        let common = article(8, 200);
        let a = format!("{common} {}", article(9, 200));
        let b = format!("{common} {}", article(10, 200));
        assert!(exact_jaccard(&a, &b) < 0.4);
        assert_eq!(dups(&[&a, &b]), vec![None, None]);
    }

    #[test]
    fn later_copy_is_the_one_marked() {
        let a = article(11, 300);
        let other = article(12, 300);
        let near = replace_words(&a, 0, 10, "x");
        assert_eq!(dups(&[&other, &near, &a]), vec![None, None, Some(1)]);
        assert_eq!(dups(&[&a, &other, &near]), vec![None, None, Some(0)]);
    }

    #[test]
    fn chains_point_at_the_earliest() {
        // Hand-built signatures: B differs from A in 32 values (0.75), C from B in another
        // 32 (0.75), so A and C share only 64 (0.5) but all three form one group.
        let base = signature(&article(13, 300));
        let mut b = base.clone();
        let mut c = base.clone();
        for i in 0..32 {
            b.mins[i] ^= 1;
            c.mins[i] ^= 1;
            c.mins[i + 32] ^= 1;
        }
        b.exact ^= 1;
        c.exact ^= 2;
        assert_eq!(equal_values(&base.mins, &c.mins), 64);
        let other = signature(&article(14, 300));
        let sigs = [c.clone(), other.clone(), b.clone(), base.clone()];
        // C~B, B~A: all point at index 0 (C), the earliest of the group.
        assert_eq!(find_duplicates(&sigs), vec![None, None, Some(0), Some(0)]);
        let sigs = [base, other, c, b];
        assert_eq!(find_duplicates(&sigs), vec![None, None, Some(0), Some(0)]);
    }

    #[test]
    fn empty_and_tiny_texts_match_exactly_only() {
        let long = article(15, 300);
        let texts = [
            "", "  ... ", "a b c", "A, b. C!", "a b d", "a b", &long, "", "a b c",
        ];
        assert_eq!(
            dups(&texts),
            vec![None, None, None, Some(2), None, None, None, None, Some(2)]
        );
        // Nine shared words of ten are still not enough for a short text.
        assert_eq!(
            dups(&[
                "one two three four five six seven eight nine",
                "one two three four five six seven eight nine ten"
            ]),
            vec![None, None]
        );
        assert_eq!(find_duplicates(&[]), Vec::<Option<usize>>::new());
        assert_eq!(signature("").words(), 0);
        assert_eq!(estimated_jaccard(&signature(""), &signature("")), 0.0);
    }

    #[test]
    fn unicode_is_case_folded() {
        let a = format!("ÉLYSÉE Straße {}", article(16, 50));
        let b = format!("élysée straße {}", article(16, 50));
        assert_eq!(signature(&a), signature(&b));
    }

    #[test]
    fn estimate_tracks_exact_jaccard() {
        let a = article(17, 600);
        for (cut, tol) in [(30, 0.1), (100, 0.1), (200, 0.1), (400, 0.1)] {
            let b = replace_words(&a, 0, cut, "y");
            let j = exact_jaccard(&a, &b);
            let est = estimated_jaccard(&signature(&a), &signature(&b));
            assert!((est - j).abs() < tol, "cut {cut}: estimate {est} vs {j}");
        }
    }

    #[test]
    fn many_copies_stay_cheap() {
        let a = article(18, 300);
        let sigs: Vec<Signature> = (0..2000)
            .map(|i| signature(&format!("{a} sign off {}", i % 3)))
            .collect();
        let d = find_duplicates(&sigs);
        assert_eq!(d[0], None);
        assert!(d[1..].iter().all(|x| *x == Some(0)));
    }

    #[test]
    fn deterministic_regardless_of_threads() {
        let mut texts: Vec<String> = (0..300).map(|i| article(100 + i, 120)).collect();
        for i in 0..100usize {
            let src = texts[i * 2].clone();
            texts.push(replace_words(&src, i % 100, i % 100 + 5, "z"));
        }
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool");
            pool.install(|| {
                let sigs: Vec<Signature> = texts.par_iter().map(|t| signature(t)).collect();
                find_duplicates(&sigs)
            })
        };
        let one = run(1);
        assert_eq!(one, run(4));
        assert_eq!(one.iter().filter(|d| d.is_some()).count(), 100);
        // Pinned values: the seeds are constants, so signatures never change between runs.
        let s = signature("the quick brown fox jumps over the lazy dog again and again");
        assert_eq!(
            s,
            signature("The quick brown fox jumps over the lazy dog, again and again.")
        );
        assert_eq!(s.words(), 12);
        assert_eq!(&s.mins[..2], &PINNED[..]);
    }

    #[test]
    fn simd_and_portable_paths_agree() {
        for seed in 0..20 {
            let t = format!(
                "Élan {} ÅNGSTRÖM",
                article(200 + seed, 20 + 37 * seed as usize)
            );
            assert_eq!(signature(&t), signature_impl(&t));
        }
    }

    const PINNED: [u32; 2] = [231_020_168, 256_210_585];
}
