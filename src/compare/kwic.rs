//! Keyword in context: a term's occurrences with the words around them, so a user can read
//! how a word is used before trusting its count.
//!
//! Two steps around a read of the chosen articles (the pipeline's third pass): [`plan`]
//! chooses, from the corpus counts alone, which occurrences to show (spread evenly over the
//! documents in date order); [`lines_in`] finds them in an article's cleaned text. Pure.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::corpus::Corpus;
use crate::meta::PubDate;
use crate::text::{Analyzer, TermId};

/// Words shown on each side (`--kwic-window`).
pub const DEFAULT_WINDOW: usize = 5;
/// Examples per term at most (`--kwic-per-term`).
pub const DEFAULT_PER_TERM: usize = 50;

/// A term to show in context, and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    pub term: TermId,
    /// "top term", "tracked", "key for <group>".
    pub why: String,
}

/// Which occurrences to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub terms: Vec<Wanted>,
    /// Per document (corpus index): (term slot in `terms`, occurrence in the document from 0).
    pub by_doc: BTreeMap<usize, Vec<(u32, u32)>>,
    /// Each document's place in date order (undated last, then by doc_id).
    pub rank: Vec<u32>,
}

/// Chooses at most `per_term` occurrences of each wanted term (a term already wanted is
/// not added twice). Documents with the term are taken in date order and, when there are
/// more than `per_term`, evenly spaced among them (one occurrence each, the middle one);
/// when there are fewer, each gives several occurrences, evenly spaced in it, and what a
/// document with few occurrences cannot give, the next ones do.
pub fn plan(
    wanted: Vec<Wanted>,
    corpus: &Corpus,
    dates: &[Option<PubDate>],
    per_term: usize,
) -> Plan {
    let mut terms: Vec<Wanted> = Vec::new();
    for w in wanted {
        if !terms.iter().any(|t| t.term == w.term) {
            terms.push(w);
        }
    }
    let docs = &corpus.docs;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        (dates[a].is_none(), dates[a], docs[a].name.doc_id()).cmp(&(
            dates[b].is_none(),
            dates[b],
            docs[b].name.doc_id(),
        ))
    });
    let mut rank = vec![0u32; docs.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r as u32;
    }
    let mut by_doc: BTreeMap<usize, Vec<(u32, u32)>> = BTreeMap::new();
    if per_term == 0 {
        return Plan {
            terms,
            by_doc,
            rank,
        };
    }
    // Two passes over the documents' counts in date order: how many documents have each
    // term, then the ones chosen (the evenly spaced ones, or all when there are few).
    let mut slot_of = vec![u32::MAX; corpus.terms.len()];
    for (slot, w) in terms.iter().enumerate() {
        slot_of[w.term as usize] = slot as u32;
    }
    let each = |f: &mut dyn FnMut(usize, usize, u32)| {
        for &i in &order {
            for (t, c) in &docs[i].terms {
                let slot = slot_of[t as usize];
                if slot != u32::MAX {
                    f(slot as usize, i, c);
                }
            }
        }
    };
    let mut with_term = vec![0usize; terms.len()];
    each(&mut |slot, _, _| with_term[slot] += 1);
    let spaced = |slot: usize, k: usize| (2 * k + 1) * with_term[slot] / (2 * per_term);
    let mut seen = vec![0usize; terms.len()];
    let mut chosen: Vec<Vec<(usize, u32)>> = vec![Vec::new(); terms.len()];
    each(&mut |slot, i, count| {
        let n = with_term[slot];
        let taken = chosen[slot].len();
        // When n >= per_term, the positions (2k+1)n/(2 per_term) rise by at least one a step.
        if n < per_term || (taken < per_term && seen[slot] == spaced(slot, taken)) {
            chosen[slot].push((i, count));
        }
        seen[slot] += 1;
    });
    for (slot, with) in chosen.into_iter().enumerate() {
        let n = with_term[slot];
        let picks: Vec<(usize, u32)> = if n >= per_term {
            with.into_iter().map(|(i, count)| (i, count / 2)).collect()
        } else {
            // Shares as even as can be: each document takes its part of what is left, so
            // what one with few occurrences cannot give passes to the next.
            let mut left = per_term as u64;
            let mut out = Vec::new();
            for (j, &(i, count)) in with.iter().enumerate() {
                let share = left.div_ceil((n - j) as u64);
                let take = share.min(u64::from(count));
                left -= take;
                let count = u64::from(count);
                out.extend((0..take).map(|k| (i, ((2 * k + 1) * count / (2 * take)) as u32)));
            }
            out
        };
        for (i, occurrence) in picks {
            by_doc.entry(i).or_default().push((slot as u32, occurrence));
        }
    }
    Plan {
        terms,
        by_doc,
        rank,
    }
}

/// One occurrence in context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Slot of the term in [`Plan::terms`].
    pub slot: u32,
    /// Corpus index of the document.
    pub doc: usize,
    pub occurrence: u32,
    pub left: String,
    /// The word as written.
    pub keyword: String,
    pub right: String,
}

/// The chosen occurrences (`picks`: slot, occurrence) of the terms with `stems` (by slot) in
/// the cleaned text of one document, `window` words each side. An occurrence not found (the
/// file changed since it was analysed) is left out.
pub fn lines_in(
    body: &str,
    doc: usize,
    picks: &[(u32, u32)],
    stems: &[&str],
    analyzer: &Analyzer,
    window: usize,
) -> Vec<Line> {
    // Only the terms chosen in this document are looked for (a run may want hundreds).
    let mut here: Vec<(&str, u32)> = picks
        .iter()
        .map(|&(slot, _)| (stems[slot as usize], slot))
        .collect();
    here.sort_unstable();
    here.dedup();
    // Byte span of every word, and (word index, slot) of each occurrence of a wanted term.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut hits: Vec<(usize, u32)> = Vec::new();
    analyzer.each_term(body, |token, term: Option<Cow<'_, str>>| {
        if let Some(term) = term
            && let Some(&(_, slot)) = here.iter().find(|(s, _)| *s == term)
        {
            hits.push((words.len(), slot));
        }
        words.push((token.start, token.start + token.text.len()));
    });
    let mut out = Vec::new();
    for &(slot, occurrence) in picks {
        let Some(&(i, _)) = (hits.iter())
            .filter(|h| h.1 == slot)
            .nth(occurrence as usize)
        else {
            continue;
        };
        let (start, end) = words[i];
        let from = words[i.saturating_sub(window)].0;
        let to = words[i.saturating_add(window).min(words.len() - 1)].1;
        out.push(Line {
            slot,
            doc,
            occurrence,
            left: one_line(&body[from..start]),
            keyword: body[start..end].to_string(),
            right: one_line(&body[end..to]),
        });
    }
    out
}

/// Runs of white space (line breaks too) as one space, trimmed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Stemmer, StopWords};

    fn analyzer() -> Analyzer {
        Analyzer::new(StopWords::nltk_english(), Stemmer::english())
    }

    #[test]
    fn contexts_are_words_around_the_chosen_occurrence() {
        let body = "The minister said sanctions work.\nCritics said the sanctions\nhurt exporters, and sanctioned firms left.";
        let a = analyzer();
        let stems = ["sanction"];
        let lines = lines_in(body, 7, &[(0, 0), (0, 2), (0, 5)], &stems, &a, 3);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0].left, "The minister said");
        assert_eq!(lines[0].keyword, "sanctions");
        assert_eq!(lines[0].right, "work. Critics said");
        // The third occurrence: "sanctioned" has the same stem.
        assert_eq!(lines[1].keyword, "sanctioned");
        assert_eq!(lines[1].left, "hurt exporters, and");
        assert_eq!(lines[1].right, "firms left");
        assert_eq!(lines[1].doc, 7);
    }

    #[test]
    fn plan_spreads_examples_over_documents_in_date_order() {
        let settings = crate::Settings::default();
        let texts: Vec<(String, String)> = (0..10)
            .map(|i| {
                (
                    format!("d{i}"),
                    "Sanctions bite. Sanctions hurt. Sanctions stay.".to_string(),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let corpus = crate::pipeline::corpus_of(&refs, &settings);
        let term = corpus.term_of_stem("sanction").expect("term");
        // Dated in reverse of doc_id: d9 is the earliest.
        let dates: Vec<Option<PubDate>> = (0..10)
            .map(|i| chrono::NaiveDate::from_ymd_opt(2020, 1, 20 - i as u32).map(PubDate::day))
            .collect();
        let wanted = |why: &str| Wanted {
            term,
            why: why.into(),
        };
        // Four of ten documents, one occurrence (the middle one) each, evenly spaced in
        // date order: places 1, 3, 6, 8 are d8, d6, d3, d1.
        let p = plan(
            vec![wanted("top term"), wanted("tracked")],
            &corpus,
            &dates,
            4,
        );
        assert_eq!(p.terms.len(), 1);
        let picked: Vec<(usize, Vec<(u32, u32)>)> = p.by_doc.clone().into_iter().collect();
        assert_eq!(
            picked,
            [
                (1, vec![(0, 1)]),
                (3, vec![(0, 1)]),
                (6, vec![(0, 1)]),
                (8, vec![(0, 1)])
            ]
        );
        assert_eq!(p.rank[9], 0);
        // Twenty-five examples from ten documents of three occurrences each: three from
        // the first five documents in date order (all they have), two from the others.
        let p = plan(vec![wanted("top term")], &corpus, &dates, 25);
        let total: usize = p.by_doc.values().map(Vec::len).sum();
        assert_eq!(total, 25);
        assert_eq!(p.by_doc[&9], [(0, 0), (0, 1), (0, 2)]);
        assert_eq!(p.by_doc[&0], [(0, 0), (0, 2)]);
    }

    #[test]
    fn what_a_short_document_cannot_give_the_next_gives() {
        let settings = crate::Settings::default();
        let long = "Sanctions bite. ".repeat(60);
        let corpus =
            crate::pipeline::corpus_of(&[("a", "Sanctions bite."), ("b", &long)], &settings);
        let term = corpus.term_of_stem("sanction").expect("term");
        let wanted = vec![Wanted {
            term,
            why: "top term".into(),
        }];
        let p = plan(wanted, &corpus, &[None, None], 50);
        assert_eq!(p.by_doc[&0].len(), 1);
        assert_eq!(p.by_doc[&1].len(), 49);
        // Evenly spaced among b's 60 occurrences, from the first to the last.
        assert_eq!(p.by_doc[&1][0], (0, 0));
        assert_eq!(p.by_doc[&1][48], (0, 59));
    }

    #[test]
    fn a_window_wider_than_the_text_takes_the_whole_text() {
        let lines = lines_in(
            "Old sanctions, new sanctions.",
            0,
            &[(0, 1)],
            &["sanction"],
            &analyzer(),
            usize::MAX,
        );
        assert_eq!(lines[0].left, "Old sanctions, new");
        assert_eq!(lines[0].right, "");
    }
}
