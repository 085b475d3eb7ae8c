//! Comparisons: what marks one group of articles against the others (keyness), what each
//! speaker talks about, who is named with whom, and keywords in context.
//!
//! [`groups`] decides each document's group (`--compare`); [`keyness`] owns the statistics
//! (signed G², log ratio) and the choice of key terms, for groups and for speakers
//! ([`speaker_terms`]); [`co_mentions`] pairs the people named in the same articles; [`kwic`]
//! chooses which occurrences to show in context and finds them in a text. Everything here
//! reads the merged corpus and speakers; only the pipeline reads files (the third pass that
//! gives [`kwic`] the chosen articles' texts).

pub mod co_mentions;
pub mod groups;
pub mod keyness;
pub mod kwic;
pub mod speaker_terms;

use rayon::prelude::*;

use self::co_mentions::CoMention;
use self::groups::Groups;
use self::keyness::{Counts, Key};
use self::speaker_terms::SpeakerTerms;
use crate::corpus::Corpus;
use crate::engine::{EngineError, Sums};
use crate::speakers::merge::Speakers;
use crate::text::Analyzer;

/// Key terms listed per group and direction at most (the strongest; keyness.csv).
pub const KEYS_PER_DIRECTION: usize = 200;
/// Top key terms of each group shown in context (kwic.csv).
pub const KWIC_KEYS_PER_GROUP: usize = 5;
/// Top terms of terms.csv shown in context.
pub const KWIC_TOP_TERMS: usize = 10;
/// Groups whose key terms are drawn (keyness.png) and shown in context (kwic.csv): the
/// largest, so that 200 countries do not turn the third pass into a second reading of the
/// whole corpus.
pub const SHOWN_GROUPS: usize = 12;

/// The key terms of one group against the other groups compared.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupKeys {
    /// Index into [`Groups::names`].
    pub group: usize,
    /// All term occurrences in the group and in the rest.
    pub total: u64,
    pub total_rest: u64,
    /// Used more than in the rest, strongest first; then used less.
    pub over: Vec<Key>,
    pub under: Vec<Key>,
}

/// Everything compared in a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// None when there was nothing to compare; `note` says why.
    pub groups: Option<Groups>,
    /// One line for the summary: what was compared, or why nothing was.
    pub note: String,
    pub keyness: Vec<GroupKeys>,
    pub speaker_terms: Vec<SpeakerTerms>,
    pub co_mentions: Vec<CoMention>,
    /// How often the co-mention sums spilled to disk (for the memory line).
    pub spills: usize,
}

/// Key terms of each group against the rest of the groups compared (documents in no group
/// are left out), in group order.
pub fn keyness_of(corpus: &Corpus, g: &Groups) -> Vec<GroupKeys> {
    // The documents of group `k`, or of every group (None).
    let in_group = |k: Option<u32>| {
        (corpus.docs.iter().zip(&g.of_doc))
            .filter(move |(_, of)| of.is_some() && (k.is_none() || **of == k))
            .map(|(d, _)| &d.terms)
    };
    // The groups part the compared documents, so counting those at once gives the sum of
    // the groups' counts; then each group's counts are held only while its key terms are
    // chosen. All groups' counts at once were the largest thing the comparison held (on
    // many groups: 96 sources on the 4x benchmark corpus).
    let all = Counts::of(in_group(None));
    (0..g.names.len())
        .into_par_iter()
        .map(|group| {
            let side = Counts::of(in_group(Some(group as u32)));
            let (over, under) = keyness::key_terms(&side, &all, KEYS_PER_DIRECTION);
            GroupKeys {
                group,
                total: side.total,
                total_rest: all.total - side.total,
                over,
                under,
            }
        })
        .collect()
}

impl Comparison {
    /// Indices into `keyness` of the [`SHOWN_GROUPS`] largest groups with a key term, in
    /// table order.
    pub fn shown_groups(&self) -> Vec<usize> {
        let Some(g) = &self.groups else {
            return Vec::new();
        };
        let mut shown: Vec<usize> = (0..self.keyness.len())
            .filter(|&k| !self.keyness[k].over.is_empty())
            .collect();
        shown.sort_by_key(|&k| std::cmp::Reverse(g.docs[self.keyness[k].group]));
        shown.truncate(SHOWN_GROUPS);
        shown.sort_unstable();
        shown
    }
}

/// The comparison of a run: groups (or why none) and their key terms, speakers' terms,
/// co-mentions (`pairs`: the engine that sums them, started by the caller within the
/// budget).
pub fn compare(
    corpus: &Corpus,
    groups: Result<Groups, String>,
    speakers: &Speakers<'_>,
    analyzer: &Analyzer,
    pairs: Sums,
) -> Result<Comparison, EngineError> {
    let (groups, keyness, note) = match groups {
        Ok(g) => {
            let keys = keyness_of(corpus, &g);
            let sizes: Vec<String> = (g.names.iter().zip(&g.docs))
                .map(|(n, d)| format!("{n} ({d})"))
                .collect();
            let shown = if sizes.len() > 6 {
                format!("{}, ... ({} groups)", sizes[..6].join(", "), sizes.len())
            } else {
                sizes.join(", ")
            };
            let note = format!("compared by {} ({}): {shown}", g.by.name(), g.why);
            (Some(g), keys, note)
        }
        Err(why) => (None, Vec::new(), format!("keyness: none, {why}")),
    };
    let (speaker_terms, co_mentions) = rayon::join(
        || speaker_terms::speaker_terms(speakers, corpus, analyzer),
        || co_mentions::co_mentions(&speakers.people_by_doc, pairs),
    );
    let (co_mentions, spills) = co_mentions?;
    Ok(Comparison {
        groups,
        note,
        keyness,
        speaker_terms,
        co_mentions,
        spills,
    })
}
