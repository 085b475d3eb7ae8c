//! What each speaker talks about: the terms most distinctive of a speaker's statements
//! against all other attributed statements, by the keyness of [`super::keyness`] (units are
//! statements). The words of the speaker's own name and title are left out of their
//! statements (and honorifics): "Mr Putin said" would otherwise make "putin" and "mr"
//! Putin's first terms.

use std::collections::HashMap;

use rayon::prelude::*;

use super::keyness::{self, Counts, Key};
use crate::corpus::Corpus;
use crate::speakers::Kind;
use crate::speakers::merge::{Quote, Speakers};
use crate::text::{Analyzer, TermId};

/// A speaker is listed with this many attributed statements or more.
pub const MIN_STATEMENTS: u32 = 20;
/// At most this many speakers (the most quoted), and terms per speaker.
pub const MAX_SPEAKERS: usize = 50;
pub const TERMS_PER_SPEAKER: usize = 20;
/// Statements analysed together: few enough that their term lists stay small.
const QUOTES_PER_BLOCK: usize = 16_384;

/// One speaker's distinctive terms.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerTerms {
    /// Index into `speakers.csv`'s rows.
    pub speaker: usize,
    pub statements: u32,
    /// Term occurrences in the speaker's statements, and in all the others.
    pub total: u64,
    pub total_rest: u64,
    pub keys: Vec<Key>,
}

/// The distinctive terms of the most quoted named speakers (persons and organisations with
/// [`MIN_STATEMENTS`] or more), in the order of speakers.csv.
pub fn speaker_terms(s: &Speakers<'_>, corpus: &Corpus, analyzer: &Analyzer) -> Vec<SpeakerTerms> {
    let chosen: Vec<usize> = (0..s.speakers.len())
        .filter(|&i| {
            let sp = &s.speakers[i];
            sp.kind != Kind::Anonymous && sp.statements >= MIN_STATEMENTS
        })
        .take(MAX_SPEAKERS)
        .collect();
    if chosen.is_empty() {
        return Vec::new();
    }
    let index: HashMap<&str, usize> = (chosen.iter().enumerate())
        .map(|(k, &i)| (s.speakers[i].name.as_str(), k))
        .collect();
    let honorifics: Vec<String> = (crate::lexicon::honorifics().iter())
        .flat_map(|h| analyzer.terms_of(h))
        .flatten()
        .collect();
    // Each chosen speaker's own words (name, variants, title, honorifics), as stems.
    let own: Vec<Vec<String>> = (chosen.iter())
        .map(|&i| {
            let sp = &s.speakers[i];
            let mut stems: Vec<String> = std::iter::once(&sp.name)
                .chain(&sp.variants)
                .chain(std::iter::once(&sp.role))
                .flat_map(|text| analyzer.terms_of(text))
                .flatten()
                // "Mr Blair said": the honorific goes with the name.
                .chain(honorifics.iter().cloned())
                .collect();
            stems.sort_unstable();
            stems.dedup();
            stems
        })
        .collect();
    // Each statement's chosen speaker (None: another) and its terms.
    type Terms = Vec<(TermId, u32)>;
    let terms_of = |q: Quote<'_>| -> (Option<usize>, Terms) {
        let who = index.get(q.speaker).copied();
        let mut terms: Vec<TermId> = Vec::new();
        analyzer.each_term(&q.text, |_, stem| {
            let Some(stem) = stem else { return };
            if who.is_some_and(|k| own[k].binary_search_by(|o| o.as_str().cmp(&stem)).is_ok()) {
                return;
            }
            terms.extend(corpus.term_of_stem(&stem));
        });
        (who, crate::text::count_sorted(terms))
    };
    // All statements are counted a block at a time, and only the chosen speakers' keep
    // their terms: every statement's list held at once was the comparison's largest
    // allocation (606,000 statements on the 4x corpus). The blocks' counts are summed two
    // by two as they are made, rather than every block's counts held at once (59 blocks on
    // the 16x corpus) and then concatenated to be summed. Integer sums: the same whatever
    // the blocks and however they are paired.
    let (all, per_quote): (Counts, Vec<(usize, Terms)>) =
        (0..s.quotes.len().div_ceil(QUOTES_PER_BLOCK))
            .into_par_iter()
            .map(|b| {
                let first = b * QUOTES_PER_BLOCK;
                let last = (first + QUOTES_PER_BLOCK).min(s.quotes.len());
                let per: Vec<(Option<usize>, Terms)> =
                    (first..last).map(|i| terms_of(s.quotes.get(i))).collect();
                let counts = Counts::of(per.iter().map(|(_, t)| t.iter().copied()));
                let chosen = (per.into_iter()).filter_map(|(w, t)| Some((w?, t)));
                (counts, chosen.collect())
            })
            .reduce(
                || (Counts::default(), Vec::new()),
                |(a, mut mine), (b, more)| {
                    mine.extend(more);
                    (Counts::sum([&a, &b]), mine)
                },
            );
    // Each chosen speaker against every other attributed statement; their own words are
    // counted nowhere for them but stay in others' statements, which only makes them rarer
    // on the speaker's side (never key for the speaker).
    (0..chosen.len())
        .into_par_iter()
        .map(|k| {
            let mine = Counts::of(
                (per_quote.iter())
                    .filter(|(w, _)| *w == k)
                    .map(|(_, t)| t.iter().copied()),
            );
            let over = keyness::over_terms(&mine, &all, TERMS_PER_SPEAKER);
            SpeakerTerms {
                speaker: chosen[k],
                statements: mine.units,
                total: mine.total,
                total_rest: all.total - mine.total,
                keys: over,
            }
        })
        .collect()
}
