//! Text analysis of one document: the chain tokenise -> normalise -> stop words -> stem, and
//! the interning of what survives into integer ids.
//!
//! Each stage is its own module and can be tested alone:
//! [`tokenize`] (words, sentences), [`normalize`] (case, apostrophes, acronyms),
//! [`stopwords`] (what is not a term), [`stem`] (Snowball English).
//!
//! [`Analyzer::analyze`] runs the chain over a document and returns plain data
//! ([`DocAnalysis`]); it does no I/O and never fails, so documents are analysed in parallel.
//! Words are interned once per distinct word: each worker thread keeps a cache from normalised
//! word to ids, and only a cache miss takes the shared lock (to stem and intern). No `String`
//! is allocated per token.
//!
//! Ids are handed out in whatever order threads meet words, so they are *not* stable between
//! runs: the corpus stage renumbers terms in stem order before anything is computed or written.

pub mod normalize;
pub mod stem;
pub mod stopwords;
pub mod tokenize;

use std::cell::RefCell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use ahash::AHashMap;
use hashbrown::HashTable;

pub use stem::Stemmer;
pub use stopwords::StopWords;

/// A term: a stem (or an acronym, or a word with stemming off). Index into [`Lexicon::terms`].
pub type TermId = u32;
/// A surface word (normalised form as read). Index into [`Lexicon::words`].
pub type WordId = u32;

/// A pair of adjacent terms in one sentence, packed as `first << 32 | second`.
pub type Bigram = u64;

pub fn bigram(first: TermId, second: TermId) -> Bigram {
    (u64::from(first) << 32) | u64::from(second)
}

pub fn bigram_parts(b: Bigram) -> (TermId, TermId) {
    ((b >> 32) as TermId, b as TermId)
}

/// What one document contributes. All vectors are sorted by their key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocAnalysis {
    /// Word tokens, stop words and numbers included (the denominator of rates).
    pub tokens: u32,
    pub sentences: u32,
    /// Term counts.
    pub terms: Vec<(TermId, u32)>,
    /// Surface word counts (to show each stem as its most frequent word).
    pub words: Vec<(WordId, u32)>,
    /// Counts of adjacent term pairs within a sentence.
    pub bigrams: Vec<(Bigram, u32)>,
    /// Where the analyzer's [`TokenPatterns`] matched, in token order.
    pub hits: Vec<Hit>,
}

/// Single-token patterns whose places the analysis records (for dictionary topics). Matching
/// is decided once per distinct word and thread, like the rest of the analysis, so a document
/// pays only for the tokens that match.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TokenPatterns {
    pub patterns: Vec<TokenPattern>,
}

/// What one token must be.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TokenPattern {
    /// A term (stem, or acronym) equal to this.
    Term(Box<str>),
    /// A term whose word, lower-cased, starts with this (`sanction*`).
    Prefix(Box<str>),
}

impl TokenPattern {
    /// `lower` is the word lower-cased.
    fn matches(&self, lower: &str, stem: &str) -> bool {
        match self {
            TokenPattern::Term(t) => **t == *stem,
            TokenPattern::Prefix(p) => lower.starts_with(&**p),
        }
    }
}

/// A token matching a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Index of the token among all word tokens of the document (stop words included).
    pub token: u32,
    pub sentence: u32,
    /// Index into [`TokenPatterns::patterns`].
    pub pattern: u32,
}

/// Every surface word and term interned during a run.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub words: Vec<Box<str>>,
    /// The term of each word.
    pub word_term: Vec<TermId>,
    pub terms: Vec<Box<str>>,
}

#[derive(Clone, Copy)]
enum Entry {
    Skip,
    /// A term; the last field indexes the thread's list of matched-pattern sets
    /// ([`NO_PATTERN`]: none).
    Term(WordId, TermId, u32),
}

const NO_PATTERN: u32 = u32::MAX;

/// Ids of the words and terms met so far. Each string is kept once, in the lexicon; the
/// tables hold only ids, found by the hash of the string they point at (a map keyed by the
/// strings kept a second copy of each: about 220 MB for the 4 million words and terms of the
/// 16x benchmark corpus).
#[derive(Default)]
struct Interner {
    word_ids: HashTable<WordId>,
    term_ids: HashTable<TermId>,
    hasher: ahash::RandomState,
    lexicon: Lexicon,
}

/// The id of `key` among `strings` (its index), adding it at the end when new.
fn id_of(
    table: &mut HashTable<u32>,
    strings: &mut Vec<Box<str>>,
    hasher: &ahash::RandomState,
    key: &str,
) -> u32 {
    let hash = hasher.hash_one(key);
    if let Some(&id) = table.find(hash, |&id| &*strings[id as usize] == key) {
        return id;
    }
    let id = strings.len() as u32;
    strings.push(key.into());
    let strings = &*strings;
    table.insert_unique(hash, id, |&id| hasher.hash_one(&*strings[id as usize]));
    id
}

impl Interner {
    fn intern(&mut self, word: &str, stem: &str) -> (WordId, TermId) {
        let Interner {
            word_ids,
            term_ids,
            hasher,
            lexicon,
        } = self;
        let known = lexicon.words.len();
        let w = id_of(word_ids, &mut lexicon.words, hasher, word);
        if (w as usize) < known {
            return (w, lexicon.word_term[w as usize]);
        }
        let term = id_of(term_ids, &mut lexicon.terms, hasher, stem);
        lexicon.word_term.push(term);
        (w, term)
    }
}

/// Each analyzer gets its own generation, so a thread's cache never serves ids of another run.
static GENERATION: AtomicU64 = AtomicU64::new(1);

/// Words a thread's cache holds before it starts again: about 35 MB a thread. Frequent
/// words come back at once; a corpus with millions of word forms (2.2 million cached on the
/// two threads of the 16x benchmark corpus) would otherwise keep each of them on every
/// thread. The ids come from the interner, so what is cached never changes a result.
const CACHED_WORDS: usize = 1 << 19;

struct WordCache {
    generation: u64,
    entries: AHashMap<Box<str>, Entry>,
    /// The patterns each matching word matches.
    matched: Vec<Box<[u32]>>,
}

thread_local! {
    static CACHE: RefCell<WordCache> = RefCell::new(WordCache {
        generation: 0,
        entries: AHashMap::new(),
        matched: Vec::new(),
    });
}

/// Frees the calling thread's cache of words met (every distinct word form it analysed,
/// with its key and entry: hundreds of MB per thread on a corpus with millions of word
/// forms). Called on every pool thread once the documents are analysed; the cache is only
/// rebuilt if that thread analyses again.
pub fn release_word_cache() {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        cache.generation = 0;
        cache.entries = AHashMap::new();
        cache.matched = Vec::new();
    });
}

/// The analysis chain with its settings and the run's shared lexicon.
pub struct Analyzer {
    stop_words: StopWords,
    stemmer: Stemmer,
    patterns: TokenPatterns,
    interner: Mutex<Interner>,
    generation: u64,
    /// [`CACHED_WORDS`]; smaller in tests.
    cached_words: usize,
}

impl Analyzer {
    pub fn new(stop_words: StopWords, stemmer: Stemmer) -> Self {
        Self {
            stop_words,
            stemmer,
            patterns: TokenPatterns::default(),
            interner: Mutex::new(Interner::default()),
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            cached_words: CACHED_WORDS,
        }
    }

    /// Records where these patterns match in every document analysed from now on.
    pub fn set_patterns(&mut self, patterns: TokenPatterns) {
        self.patterns = patterns;
        // Cached entries of this analyzer were decided without the patterns.
        self.generation = GENERATION.fetch_add(1, Ordering::Relaxed);
    }

    /// The term each word token of `text` would count as (None: a stop word or number),
    /// without adding anything to the run's lexicon: how a user's word becomes a term.
    pub fn terms_of(&self, text: &str) -> Vec<Option<String>> {
        let mut out = Vec::new();
        self.each_term(text, |_, term| out.push(term.map(|s| s.into_owned())));
        out
    }

    /// Every word token of `text` with the term it counts as (None: a stop word or number),
    /// without adding anything to the run's lexicon: how a later stage finds a term in a
    /// text again (statements, keyword in context).
    pub fn each_term<'a>(
        &self,
        text: &'a str,
        mut each: impl FnMut(tokenize::Token<'a>, Option<std::borrow::Cow<'_, str>>),
    ) {
        let mut buf = String::new();
        tokenize::for_each_token(text, |token| {
            normalize::normalize_into(&token, &mut buf);
            each(token, self.term_of(&buf, token.kind));
        });
    }

    fn term_of<'w>(
        &self,
        word: &'w str,
        kind: tokenize::TokenKind,
    ) -> Option<std::borrow::Cow<'w, str>> {
        let acronym = normalize::is_acronym(kind);
        if stopwords::is_not_a_term(word) || (!acronym && self.stop_words.contains(word)) {
            return None;
        }
        Some(if acronym {
            std::borrow::Cow::Borrowed(word)
        } else {
            self.stemmer.stem(word)
        })
    }

    /// Runs the chain over one document.
    pub fn analyze(&self, text: &str) -> DocAnalysis {
        self.analyze_with(text, |_| {})
    }

    /// Runs the chain over one document and hands every token to `each` as well, so a later
    /// stage (speaker attribution) need not tokenise the text again.
    pub fn analyze_with<'a>(
        &self,
        text: &'a str,
        mut each: impl FnMut(tokenize::Token<'a>),
    ) -> DocAnalysis {
        let mut term_seq: Vec<TermId> = Vec::new();
        let mut word_seq: Vec<WordId> = Vec::new();
        let mut bigrams: Vec<Bigram> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut tokens = 0u32;
        let mut buf = String::new();
        // (token index, sentence, term) of the previous term, for adjacency.
        let mut prev: Option<(u32, u32, TermId)> = None;
        let sentences = CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.generation != self.generation {
                cache.generation = self.generation;
                cache.entries.clear();
                cache.matched.clear();
            }
            let cache = &mut *cache;
            tokenize::for_each_token(text, |token| {
                each(token);
                let index = tokens;
                tokens = tokens.saturating_add(1);
                normalize::normalize_into(&token, &mut buf);
                let entry = match cache.entries.get(buf.as_str()) {
                    Some(&e) => e,
                    None => {
                        if cache.entries.len() >= self.cached_words {
                            cache.entries.clear();
                            cache.matched.clear();
                        }
                        let e = self.classify(&buf, token.kind, &mut cache.matched);
                        cache.entries.insert(buf.as_str().into(), e);
                        e
                    }
                };
                if let Entry::Term(word, term, matched) = entry {
                    if matched != NO_PATTERN {
                        for &pattern in &cache.matched[matched as usize] {
                            hits.push(Hit {
                                token: index,
                                sentence: token.sentence,
                                pattern,
                            });
                        }
                    }
                    if let Some((pi, ps, pt)) = prev
                        && pi + 1 == index
                        && ps == token.sentence
                    {
                        bigrams.push(bigram(pt, term));
                    }
                    prev = Some((index, token.sentence, term));
                    term_seq.push(term);
                    word_seq.push(word);
                }
            })
        });
        DocAnalysis {
            tokens,
            sentences,
            terms: count_sorted(term_seq),
            words: count_sorted(word_seq),
            bigrams: count_sorted(bigrams),
            hits,
        }
    }

    /// A word not yet in this thread's cache: decide, stem, match and intern it.
    fn classify(
        &self,
        word: &str,
        kind: tokenize::TokenKind,
        matched: &mut Vec<Box<[u32]>>,
    ) -> Entry {
        let Some(stem) = self.term_of(word, kind) else {
            return Entry::Skip;
        };
        // Only acronyms are not lower case already.
        let lower = if word.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(word.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        };
        let patterns: Box<[u32]> = (0..self.patterns.patterns.len() as u32)
            .filter(|&p| self.patterns.patterns[p as usize].matches(&lower, &stem))
            .collect();
        let set = if patterns.is_empty() {
            NO_PATTERN
        } else {
            matched.push(patterns);
            matched.len() as u32 - 1
        };
        // A poisoned lock only means another worker panicked; the interner itself is intact.
        let mut interner = self.interner.lock().unwrap_or_else(|e| e.into_inner());
        let (w, t) = interner.intern(word, &stem);
        Entry::Term(w, t, set)
    }

    pub fn stop_words(&self) -> &StopWords {
        &self.stop_words
    }

    /// Ends the run and hands over everything interned.
    pub fn into_lexicon(self) -> Lexicon {
        self.interner
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .lexicon
    }
}

/// What an [`Analyzer`] is made of: a cluster's workers are sent it, and analyse as the
/// machine that asks would.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Chain {
    pub stop_words: StopWords,
    pub stem: bool,
    pub patterns: TokenPatterns,
}

/// A document's analysis with its words and terms as strings instead of one analyzer's
/// ids: what a worker sends, for the machine that asks to intern again
/// ([`Analyzer::named`], [`Analyzer::intern_named`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NamedAnalysis {
    pub tokens: u32,
    pub sentences: u32,
    /// Each term (stem) and its count.
    pub terms: Vec<(Box<str>, u32)>,
    /// Each surface word, the index of its term in `terms`, and its count.
    pub words: Vec<(Box<str>, u32, u32)>,
    /// Adjacent pairs as indices into `terms`, and their count.
    pub bigrams: Vec<(u32, u32, u32)>,
    pub hits: Vec<Hit>,
}

impl Analyzer {
    /// The chain this analyzer runs (see [`Chain`]).
    pub fn chain(&self) -> Chain {
        Chain {
            stop_words: self.stop_words.clone(),
            stem: self.stemmer.is_stemming(),
            patterns: self.patterns.clone(),
        }
    }

    /// An analyzer that runs `chain`, with a lexicon of its own.
    pub fn from_chain(chain: Chain) -> Analyzer {
        let stemmer = match chain.stem {
            true => Stemmer::english(),
            false => Stemmer::none(),
        };
        let mut analyzer = Analyzer::new(chain.stop_words, stemmer);
        analyzer.set_patterns(chain.patterns);
        analyzer
    }

    /// `doc`, made by this analyzer, with its ids replaced by the strings they stand for.
    pub fn named(&self, doc: &DocAnalysis) -> NamedAnalysis {
        let interner = self.interner.lock().unwrap_or_else(|e| e.into_inner());
        let lexicon = &interner.lexicon;
        let terms: Vec<(Box<str>, u32)> = (doc.terms.iter())
            .map(|&(t, n)| (lexicon.terms[t as usize].clone(), n))
            .collect();
        // doc.terms is sorted by id: a term's index is found by search.
        let index = |t: TermId| {
            doc.terms
                .binary_search_by_key(&t, |&(id, _)| id)
                .unwrap_or(0) as u32
        };
        let words = (doc.words.iter())
            .map(|&(w, n)| {
                let term = lexicon.word_term[w as usize];
                (lexicon.words[w as usize].clone(), index(term), n)
            })
            .collect();
        let bigrams = (doc.bigrams.iter())
            .map(|&(b, n)| {
                let (first, second) = bigram_parts(b);
                (index(first), index(second), n)
            })
            .collect();
        NamedAnalysis {
            tokens: doc.tokens,
            sentences: doc.sentences,
            terms,
            words,
            bigrams,
            hits: doc.hits.clone(),
        }
    }

    /// The analysis `named` stands for, with this analyzer's ids: its words and terms
    /// interned here as if this analyzer had met them. `None` when an index points past the
    /// terms (bytes from a worker of another version).
    pub fn intern_named(&self, named: &NamedAnalysis) -> Option<DocAnalysis> {
        let mut interner = self.interner.lock().unwrap_or_else(|e| e.into_inner());
        let mut term_ids: Vec<Option<TermId>> = vec![None; named.terms.len()];
        let mut words = Vec::with_capacity(named.words.len());
        for (word, term, n) in &named.words {
            let stem = &named.terms.get(*term as usize)?.0;
            let (w, t) = interner.intern(word, stem);
            term_ids[*term as usize] = Some(t);
            words.push((w, *n));
        }
        drop(interner);
        // Every term has a word; one that had none would be a worker's error.
        let id = |i: u32| term_ids.get(i as usize).copied().flatten();
        let mut terms = Vec::with_capacity(named.terms.len());
        for (i, (_, n)) in named.terms.iter().enumerate() {
            terms.push((id(i as u32)?, *n));
        }
        let mut bigrams = Vec::with_capacity(named.bigrams.len());
        for &(a, b, n) in &named.bigrams {
            bigrams.push((bigram(id(a)?, id(b)?), n));
        }
        Some(DocAnalysis {
            tokens: named.tokens,
            sentences: named.sentences,
            terms: sum_sorted(terms),
            words: sum_sorted(words),
            bigrams: sum_sorted(bigrams),
            hits: named.hits.clone(),
        })
    }
}

/// Sorts counts by key and adds those of equal keys: `[(3, 1), (1, 2), (3, 1)]` ->
/// `[(1, 2), (3, 2)]`.
pub fn sum_sorted<T: Ord + Copy>(mut counts: Vec<(T, u32)>) -> Vec<(T, u32)> {
    counts.sort_unstable();
    let mut out: Vec<(T, u32)> = Vec::with_capacity(counts.len());
    for (key, n) in counts {
        match out.last_mut() {
            Some((last, m)) if *last == key => *m += n,
            _ => out.push((key, n)),
        }
    }
    out
}

/// Sorts and run-length counts ids: `[3, 1, 3]` -> `[(1, 1), (3, 2)]`.
pub fn count_sorted<T: Ord + Copy>(mut ids: Vec<T>) -> Vec<(T, u32)> {
    ids.sort_unstable();
    let mut out: Vec<(T, u32)> = Vec::new();
    for id in ids {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => out.push((id, 1)),
        }
    }
    // Term counts are kept for every document for the whole run: no spare capacity.
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> Analyzer {
        Analyzer::new(StopWords::nltk_english(), Stemmer::english())
    }

    /// An analysis sent as strings and interned by another analyzer, one that has met other
    /// words first, is that analyzer's own analysis of the text: the same ids, counts,
    /// pairs and pattern places.
    #[test]
    fn a_named_analysis_interned_elsewhere_is_the_analysis_made_there() {
        let patterns = TokenPatterns {
            patterns: vec![TokenPattern::Prefix("sanction".into())],
        };
        let mut worker = analyzer();
        worker.set_patterns(patterns.clone());
        let asker = Analyzer::from_chain(worker.chain());
        asker.analyze("Markets fell as the NATO summit opened in Madrid.");
        let text = "The EU sanctions were agreed. Sanctions on oil follow; the sanctions bite, the EU said.";
        let named = worker.named(&worker.analyze(text));
        assert_eq!(named.tokens, 15);
        assert_eq!(
            named
                .terms
                .iter()
                .find(|t| &*t.0 == "sanction")
                .map(|t| t.1),
            Some(3)
        );
        let interned = asker.intern_named(&named).expect("indices in range");
        assert_eq!(interned, asker.analyze(text));
        assert_eq!(interned.hits.len(), 3);
        // An index past the terms is refused, not read.
        let mut bad = named;
        bad.bigrams.push((99, 0, 1));
        assert_eq!(asker.intern_named(&bad), None);
    }

    /// A cache that starts again every few words gives the same analyses, ids and pattern
    /// places as one that holds every word.
    #[test]
    fn a_small_word_cache_changes_nothing() {
        let texts = [
            "Sanctions on Russia: the sanctioned banks said sanctions hurt. Banks in Russia agree.",
            "The U.S. and US agree; start the New START talks on sanctions.",
            "Russia, Russia, Russia. Sanctioning banks is new; talks start again.",
        ];
        let patterns = TokenPatterns {
            patterns: vec![
                TokenPattern::Prefix("sanction".into()),
                TokenPattern::Term("bank".into()),
            ],
        };
        let run = |cached_words: usize| {
            let mut a = analyzer();
            a.set_patterns(patterns.clone());
            a.cached_words = cached_words;
            let docs: Vec<DocAnalysis> = texts.iter().map(|t| a.analyze(t)).collect();
            (docs, a.into_lexicon())
        };
        let (whole, lex) = run(CACHED_WORDS);
        let (small, small_lex) = run(3);
        assert_eq!(small, whole);
        assert_eq!(small_lex.words, lex.words);
        assert_eq!(small_lex.terms, lex.terms);
        assert_eq!(small_lex.word_term, lex.word_term);
        // The patterns matched: "Sanctions", "sanctioned", "sanctions", "Banks" x2 (first
        // text), "sanctions" (second), "Sanctioning", "banks" (third).
        let hits: usize = whole.iter().map(|d| d.hits.len()).sum();
        assert_eq!(hits, 8);
        // Each word's id is given once: "Russia" is one word however often it is met.
        assert_eq!(lex.words.iter().filter(|w| &***w == "russia").count(), 1);
    }

    /// Term counts of `text` by name, sorted by name.
    fn terms(a: &Analyzer, text: &str) -> Vec<(String, u32)> {
        let doc = a.analyze(text);
        let lex = {
            let guard = a.interner.lock().unwrap_or_else(|e| e.into_inner());
            guard.lexicon.clone()
        };
        let mut v: Vec<(String, u32)> = doc
            .terms
            .iter()
            .map(|&(t, n)| (lex.terms[t as usize].to_string(), n))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn seed_sentence_terms() {
        let a = analyzer();
        // Seed 000: stop words, a hyphenated acronym, a possessive and a number go as they should.
        let got = terms(
            &a,
            "In 2014, relations between Russia and the United States deteriorated over Moscow's alleged involvement in the Russian-US conflict.",
        );
        let want: Vec<(String, u32)> = [
            ("US", 1),
            ("alleg", 1),
            ("conflict", 1),
            ("deterior", 1),
            ("involv", 1),
            ("moscow", 1),
            ("relat", 1),
            ("russia", 1),
            ("russian", 1),
            ("state", 1),
            ("unit", 1),
        ]
        .iter()
        .map(|&(s, n)| (s.to_string(), n))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn acronyms_never_merge_with_words() {
        let a = analyzer();
        let got = terms(
            &a,
            "Let us talk. The U.S. and US agree; start the New START talks.",
        );
        assert_eq!(
            got,
            [
                ("START", 1),
                ("US", 2),
                ("agre", 1),
                ("let", 1),
                ("new", 1),
                ("start", 1),
                ("talk", 2),
                ("us", 1), // NLTK's list does not hold "us"; it stays apart from "US"
            ]
            .map(|(s, n)| (s.to_string(), n))
        );
    }

    #[test]
    fn counts_tokens_sentences_and_bigrams() {
        let a = analyzer();
        let doc =
            a.analyze("Foreign Minister Sergey Lavrov said. The foreign minister of Russia spoke.");
        assert_eq!(doc.tokens, 11);
        assert_eq!(doc.sentences, 2);
        let lex = a
            .interner
            .lock()
            .map(|g| g.lexicon.clone())
            .unwrap_or_default();
        let name = |t: TermId| lex.terms[t as usize].to_string();
        let mut pairs: Vec<(String, u32)> = doc
            .bigrams
            .iter()
            .map(|&(b, n)| {
                let (x, y) = bigram_parts(b);
                (format!("{} {}", name(x), name(y)), n)
            })
            .collect();
        pairs.sort();
        // "said The" crosses a sentence; "minister of Russia" has a stop word between.
        assert_eq!(
            pairs,
            [
                ("foreign minist", 2),
                ("lavrov said", 1),
                ("minist sergey", 1),
                ("russia spoke", 1),
                ("sergey lavrov", 1),
            ]
            .map(|(p, n)| (p.to_string(), n))
        );
        // Surface words: "Foreign" and "foreign" are one word after lower-casing.
        assert_eq!(doc.words.iter().map(|w| w.1).sum::<u32>(), 9);
    }

    #[test]
    fn a_second_analyzer_never_sees_the_first_ones_ids() {
        let a = analyzer();
        a.analyze("zebra crossing");
        let b = Analyzer::new(StopWords::nltk_english(), Stemmer::none());
        let doc = b.analyze("relations");
        let lex = b.into_lexicon();
        assert_eq!(lex.terms.len(), 1);
        assert_eq!(&*lex.terms[doc.terms[0].0 as usize], "relations");
    }
}
