//! Dictionary topics: a topic is a name and a list of words, wildcards and phrases.
//!
//! Owns the dictionary file format, how its entries become token patterns for the analysis,
//! and counting a document's matches from the places those patterns matched.
//!
//! ```toml
//! [[topic]]
//! name = "sanctions and trade"
//! words = ["sanction*", "embargo", "tariffs", "export controls", "EU"]
//! ```
//!
//! - A word is turned into a term by the run's own analysis (lower-cased, stemmed), so
//!   `tariffs` also matches `tariff` and `tariffed`; a stem (`negoti`) matches itself.
//! - `word*` matches every word that starts with `word` (lower-cased, before stemming).
//! - An entry of several words is a phrase: its words in a row, in one sentence. Stop words
//!   inside a phrase (`weapons of mass destruction`) stand for any one word that is not a
//!   term, since the analysis keeps the places of terms only. Quotes around a phrase are
//!   optional.
//! - A word written in capitals (`EU`, `NATO`, `U.N.`) matches the acronym only, never the
//!   lower-case word (`US` is not `us`).
//!
//! A document's matches for a topic are its phrase occurrences plus the tokens matching one
//! of the topic's single-word entries that are not already inside one of its phrases; a token
//! counts once per topic however many entries it matches.
//!
//! Parsing is the only part that can fail (a bad file); matching does no I/O, never fails.

use serde::Deserialize;

use crate::text::{Analyzer, Hit, TokenPattern, TokenPatterns};

/// The built-in dictionary for news on international affairs.
pub const DEFAULT_TOPICS: &str = include_str!("default_topics.toml");

/// A dictionary as written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dictionary {
    #[serde(rename = "topic", default)]
    pub topics: Vec<DictTopic>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DictTopic {
    pub name: String,
    pub words: Vec<String>,
}

impl Dictionary {
    /// Parses a dictionary file's text; the error says what is wrong, for the user.
    pub fn parse(text: &str) -> std::result::Result<Dictionary, String> {
        let dict: Dictionary = toml::from_str(text).map_err(|e| e.to_string())?;
        if dict.topics.is_empty() {
            return Err("no [[topic]] table (each needs name = \"...\" and words = [...])".into());
        }
        let mut names: Vec<&str> = dict.topics.iter().map(|t| t.name.as_str()).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!("topic \"{}\" is defined twice", w[0]));
        }
        if dict.topics.len() > usize::from(u16::MAX) {
            return Err("too many topics".into());
        }
        Ok(dict)
    }

    /// The built-in dictionary.
    pub fn builtin() -> Dictionary {
        // A unit test parses it, so this cannot fail in a released binary.
        Dictionary::parse(DEFAULT_TOPICS).unwrap_or(Dictionary { topics: Vec::new() })
    }
}

/// One slot of an entry: the patterns a token may match there.
type Slot = Vec<u32>;

#[derive(Debug, Clone)]
struct Entry {
    topic: u16,
    /// (alternatives, token offset from the first slot).
    slots: Vec<(Slot, u32)>,
}

/// A dictionary compiled against the run's analysis.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    /// Topic names, in the order of the file.
    pub names: Vec<String>,
    entries: Vec<Entry>,
    /// For each pattern, the (entry, slot) that use it.
    uses: Vec<Vec<(u32, u32)>>,
}

impl Matcher {
    /// Compiles `dict`; also returns the patterns the analysis must record, and a note for
    /// each entry that can never match (only stop words).
    pub fn compile(
        dict: &Dictionary,
        analyzer: &Analyzer,
    ) -> (Matcher, TokenPatterns, Vec<String>) {
        let mut patterns: Vec<TokenPattern> = Vec::new();
        let mut id_of = |p: TokenPattern| -> u32 {
            match patterns.iter().position(|q| *q == p) {
                Some(i) => i as u32,
                None => {
                    patterns.push(p);
                    patterns.len() as u32 - 1
                }
            }
        };
        let mut entries = Vec::new();
        let mut notes = Vec::new();
        for (topic, t) in dict.topics.iter().enumerate() {
            for raw in &t.words {
                let text = raw.trim().trim_matches('"').trim();
                // One slot per token; None where a stop word holds the place.
                let mut slots: Vec<Option<Slot>> = Vec::new();
                for part in text.split_whitespace() {
                    if let Some(prefix) = part.strip_suffix('*') {
                        let prefix = prefix.to_lowercase();
                        if !prefix.is_empty() {
                            slots.push(Some(vec![id_of(TokenPattern::Prefix(prefix.into()))]));
                        }
                    } else if let Some(acronym) = acronym(part) {
                        slots.push(Some(vec![id_of(TokenPattern::Term(acronym.into()))]));
                    } else {
                        for term in analyzer.terms_of(part) {
                            slots.push(term.map(|s| vec![id_of(TokenPattern::Term(s.into()))]));
                        }
                    }
                }
                let first = slots.iter().position(Option::is_some);
                let last = slots.iter().rposition(Option::is_some);
                let (Some(first), Some(last)) = (first, last) else {
                    notes.push(format!(
                        "topic \"{}\": \"{raw}\" has only stop words or numbers, so it never matches",
                        t.name
                    ));
                    continue;
                };
                let slots = slots[first..=last]
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| s.clone().map(|s| (s, i as u32)))
                    .collect();
                entries.push(Entry {
                    topic: topic as u16,
                    slots,
                });
            }
        }
        let mut uses = vec![Vec::new(); patterns.len()];
        for (e, entry) in entries.iter().enumerate() {
            for (s, (alternatives, _)) in entry.slots.iter().enumerate() {
                for &p in alternatives {
                    uses[p as usize].push((e as u32, s as u32));
                }
            }
        }
        let matcher = Matcher {
            names: dict.topics.iter().map(|t| t.name.clone()).collect(),
            entries,
            uses,
        };
        (matcher, TokenPatterns { patterns }, notes)
    }

    /// A document's matches per topic, from its hits (in token order): (topic, matches),
    /// sorted by topic, topics without a match left out.
    pub fn count(&self, hits: &[Hit]) -> Vec<(u16, u32)> {
        // (topic, token, is_phrase): phrase occurrences by their first token.
        let mut phrase_starts: Vec<(u16, u32, u32)> = Vec::new();
        let mut singles: Vec<(u16, u32)> = Vec::new();
        for hit in hits {
            for &(e, s) in &self.uses[hit.pattern as usize] {
                let entry = &self.entries[e as usize];
                if entry.slots.len() == 1 {
                    singles.push((entry.topic, hit.token));
                } else if s == 0 && self.phrase_at(entry, hit, hits) {
                    let span = entry.slots.last().map_or(0, |s| s.1);
                    phrase_starts.push((entry.topic, hit.token, hit.token + span));
                }
            }
        }
        phrase_starts.sort_unstable();
        phrase_starts.dedup();
        singles.sort_unstable();
        singles.dedup();
        let mut out: Vec<(u16, u32)> = Vec::new();
        let mut add = |topic: u16| match out.last_mut() {
            Some((t, n)) if *t == topic => *n += 1,
            _ => out.push((topic, 1)),
        };
        let (mut i, mut j) = (0, 0);
        // Merge the two sorted lists by topic, skipping single tokens inside a phrase.
        while i < phrase_starts.len() || j < singles.len() {
            let take_phrase = match (phrase_starts.get(i), singles.get(j)) {
                (Some(p), Some(s)) => p.0 <= s.0,
                (Some(_), None) => true,
                _ => false,
            };
            if take_phrase {
                add(phrase_starts[i].0);
                i += 1;
            } else {
                let (topic, token) = singles[j];
                let covered = phrase_starts
                    .iter()
                    .any(|&(t, start, end)| t == topic && start <= token && token <= end);
                if !covered {
                    add(topic);
                }
                j += 1;
            }
        }
        // Two adds of one topic may be apart when phrases and singles interleave.
        crate::text::sum_sorted(out)
    }

    /// Whether the phrase `entry` occurs starting at `first`.
    fn phrase_at(&self, entry: &Entry, first: &Hit, hits: &[Hit]) -> bool {
        entry.slots.iter().skip(1).all(|(alternatives, offset)| {
            let token = first.token + offset;
            let from = hits.partition_point(|h| h.token < token);
            hits[from..]
                .iter()
                .take_while(|h| h.token == token)
                .any(|h| h.sentence == first.sentence && alternatives.contains(&h.pattern))
        })
    }
}

/// A word written in capitals (dots allowed: `U.N.`), as the acronym the analysis keeps.
fn acronym(part: &str) -> Option<String> {
    let bare: String = part.chars().filter(|&c| c != '.').collect();
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = bare.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    (bare.chars().count() >= 2 && letters > 0 && capitals).then_some(bare)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Stemmer, StopWords};

    fn analyzer_with(dict: &str) -> (Analyzer, Matcher, Vec<String>) {
        let mut a = Analyzer::new(StopWords::nltk_english(), Stemmer::english());
        let dict = Dictionary::parse(dict).expect("dictionary");
        let (m, p, notes) = Matcher::compile(&dict, &a);
        a.set_patterns(p);
        (a, m, notes)
    }

    fn check(dict: &str, text: &str, want: &[(&str, u32)]) {
        let (a, m, _) = analyzer_with(dict);
        let doc = a.analyze(text);
        let got: Vec<(&str, u32)> = m
            .count(&doc.hits)
            .iter()
            .map(|&(t, n)| (m.names[t as usize].as_str(), n))
            .collect();
        assert_eq!(got, want, "{text}");
    }

    const DICT: &str = r#"
        [[topic]]
        name = "sanctions"
        words = ["sanction*", "embargo", "\"export controls\"", "EU"]

        [[topic]]
        name = "arms"
        words = ["missile defense", "missiles", "weapons of mass destruction", "NATO"]
    "#;

    #[test]
    fn wildcards_match_word_beginnings() {
        // sanctions, sanctioned, Sanctioning: three; "embargoes" stems to embargo; "sanity"
        // does not start with "sanction".
        check(
            DICT,
            "Sanctioning firms: sanctions were sanctioned. Embargoes and sanity.",
            &[("sanctions", 4)],
        );
    }

    #[test]
    fn phrases_need_their_words_in_a_row_in_one_sentence() {
        check(
            DICT,
            "The missile defense plan. Missile. Defense of the realm. Missile defences.",
            // "missile defense" once, "missile defences" (defenc != defens) only as the
            // word "missiles" (stem missil); the lone "Missile" once: three in all.
            &[("arms", 3)],
        );
        // A sentence break between the two words.
        check(
            DICT,
            "They built a missile. Defense was weak.",
            &[("arms", 1)],
        );
    }

    #[test]
    fn a_phrase_and_its_own_words_count_once() {
        // "missile defense" is one match, not also one for "missile" (word entry "missiles").
        check(DICT, "missile defense", &[("arms", 1)]);
        check(DICT, "missiles and missile defense", &[("arms", 2)]);
    }

    #[test]
    fn stop_words_inside_a_phrase_hold_a_place() {
        check(
            DICT,
            "Weapons of mass destruction were found.",
            &[("arms", 1)],
        );
        check(DICT, "weapons and mass destruction", &[("arms", 1)]);
        check(DICT, "weapons mass destruction", &[]);
    }

    #[test]
    fn capitals_match_only_the_acronym() {
        check(
            DICT,
            "The EU and NATO met; the eu was quiet and Nato replied.",
            &[("sanctions", 1), ("arms", 1)],
        );
        check(DICT, "Export controls tighten.", &[("sanctions", 1)]);
    }

    #[test]
    fn stop_word_entries_are_noted() {
        let (_, _, notes) =
            analyzer_with("[[topic]]\nname = \"x\"\nwords = [\"the\", \"talks\"]\n");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("\"the\""));
    }

    #[test]
    fn bad_files_say_why() {
        assert!(Dictionary::parse("").unwrap_err().contains("[[topic]]"));
        let twice = "[[topic]]\nname=\"a\"\nwords=[]\n[[topic]]\nname=\"a\"\nwords=[]\n";
        assert!(Dictionary::parse(twice).unwrap_err().contains("twice"));
        assert!(Dictionary::parse("[[topic]]\nname=\"a\"\n").is_err());
    }

    #[test]
    fn builtin_dictionary_parses() {
        let d = Dictionary::parse(DEFAULT_TOPICS).expect("built-in dictionary");
        assert!(d.topics.len() >= 7);
        assert!(d.topics.iter().all(|t| t.words.len() >= 10));
    }
}
