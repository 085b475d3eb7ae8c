//! One speaker, one row: linking name variants across the corpus, and counting.
//!
//! Rules:
//! - A person is a surname with a first initial: `Sergey Lavrov` and `Sergei Lavrov` (a
//!   transliteration variant) are one person; `Lavrov` alone is linked to the person with that
//!   surname named in full in the same document, else to the most frequent one in the corpus.
//!   A lone surname never named in full stays as written when it is a speaker, and is dropped
//!   from mentions (it may be a place or a weekday).
//! - The name shown is the most frequent full form (ties: alphabetically first); the role is
//!   the most frequent title seen with a statement.
//! - `--aliases` maps variants the rules cannot know (`Zelensky` -> `Volodymyr Zelenskyy`)
//!   before anything else.
//! - Organisations are matched by name, case-insensitively.
//! - Names that differ only in spaces (`TimeWarner`, `Time Warner`) are one; the form the
//!   named statements use most stands for all.
//!
//! No I/O, never fails; the result is sorted with explicit tie-breaks.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use super::attribute::{How, Kind, Speech};

/// A speaker of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub role: String,
    pub kind: Kind,
    pub statements: u32,
    pub named: u32,
    pub resolved: u32,
    pub documents: u32,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Every form seen, sorted.
    pub variants: Vec<String>,
}

/// A statement, with its speaker's merged name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub doc_id: String,
    pub date: Option<NaiveDate>,
    /// Sentence number in the document, from 1.
    pub sentence: u32,
    pub speaker: String,
    pub role: String,
    pub verb: String,
    pub how: How,
    pub text: String,
}

/// How often a person is named, speaking or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentioned {
    pub person: String,
    pub mentions: u32,
    pub documents: u32,
    pub as_speaker: u32,
}

/// Everything the speaker tables show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speakers {
    pub speakers: Vec<Speaker>,
    pub quotes: Vec<Quote>,
    pub mentions: Vec<Mentioned>,
    /// (period YYYY-MM, speaker, statements), by period then statements.
    pub by_period: Vec<(String, String, u32)>,
}

/// One document's speech with what the merge needs about the document.
pub struct DocSpeech<'a> {
    pub doc_id: &'a str,
    pub date: Option<NaiveDate>,
    pub speech: &'a Speech,
}

/// Person key: (surname, first initial or ' ' when unknown).
type Key = (String, char);

fn clean(name: &str) -> String {
    let n = name.trim();
    let n = n
        .strip_suffix("'s")
        .or_else(|| n.strip_suffix("\u{2019}s"))
        .unwrap_or(n);
    n.to_string()
}

fn split(name: &str) -> (Option<char>, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let surname = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    let initial = if words.len() >= 2 {
        words[0]
            .chars()
            .next()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
    } else {
        None
    };
    (initial, surname)
}

/// Merges the corpus' speech. `aliases` maps a variant (any case) to the canonical name.
pub fn merge(docs: &[DocSpeech<'_>], aliases: &HashMap<String, String>) -> Speakers {
    let given = |name: &str| -> String {
        let c = clean(name);
        aliases.get(&c.to_lowercase()).cloned().unwrap_or(c)
    };
    // Names that differ only in spaces ("TimeWarner", "Time Warner") are one: the form
    // written most often by the named statements stands for all.
    let squash = |n: &str| -> String { n.split_whitespace().collect::<String>().to_lowercase() };
    let mut forms: HashMap<String, BTreeMap<String, u32>> = HashMap::new();
    for st in docs.iter().flat_map(|d| &d.speech.statements) {
        if !st.how.is_resolved() {
            let n = given(&st.speaker);
            *forms.entry(squash(&n)).or_default().entry(n).or_default() += 1;
        }
    }
    let written: HashMap<String, String> = forms
        .into_iter()
        .filter(|(_, f)| f.len() > 1)
        .filter_map(|(k, f)| {
            f.into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(n, _)| (k, n))
        })
        .collect();
    let alias = |name: &str| -> String {
        let n = given(name);
        written.get(&squash(&n)).cloned().unwrap_or(n)
    };
    // Full-name persons and their variants, corpus-wide.
    let mut full: BTreeMap<Key, BTreeMap<String, u32>> = BTreeMap::new();
    let mut by_surname: BTreeMap<String, BTreeMap<char, u32>> = BTreeMap::new();
    for d in docs {
        let persons = d
            .speech
            .statements
            .iter()
            .filter(|s| s.kind == Kind::Person)
            .map(|s| &s.speaker)
            .chain(d.speech.mentions.iter().map(|m| &m.name));
        for name in persons {
            let name = alias(name);
            if let (Some(i), surname) = split(&name) {
                *full
                    .entry((surname.clone(), i))
                    .or_default()
                    .entry(name)
                    .or_default() += 1;
                *by_surname.entry(surname).or_default().entry(i).or_default() += 1;
            }
        }
    }
    // A person's key: full names by initial; a lone surname by the document, then the corpus.
    let key_of = |name: &str, doc_keys: &BTreeSet<Key>| -> Option<Key> {
        let (initial, surname) = split(name);
        if let Some(i) = initial {
            return Some((surname, i));
        }
        if let Some(k) = doc_keys.iter().find(|k| k.0 == surname) {
            return Some(k.clone());
        }
        by_surname.get(&surname).and_then(|m| {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(&i, _)| (surname.clone(), i))
        })
    };
    let display = |key: &Key, fallback: &str| -> String {
        full.get(key)
            .and_then(|v| v.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))))
            .map_or_else(|| fallback.to_string(), |(n, _)| n.clone())
    };

    // People for sure: named with a title somewhere, or speaking. Other capitalised runs
    // ("Red Square", "New START Treaty") are not counted as people.
    let mut known: BTreeSet<Key> = BTreeSet::new();
    for d in docs {
        let sure = d
            .speech
            .statements
            .iter()
            .filter(|s| s.kind == Kind::Person && !s.how.is_resolved())
            .map(|s| &s.speaker)
            .chain(
                d.speech
                    .mentions
                    .iter()
                    .filter(|m| m.titled)
                    .map(|m| &m.name),
            );
        for name in sure {
            if let (Some(i), surname) = split(&alias(name)) {
                known.insert((surname, i));
            }
        }
    }

    #[derive(Default)]
    struct Acc {
        kind: Option<Kind>,
        statements: u32,
        named: u32,
        resolved: u32,
        docs: BTreeSet<usize>,
        first: Option<NaiveDate>,
        last: Option<NaiveDate>,
        roles: BTreeMap<String, u32>,
        variants: BTreeSet<String>,
        mentions: u32,
        mention_docs: BTreeSet<usize>,
    }
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    let mut quotes = Vec::new();
    let mut periods: BTreeMap<(String, String), u32> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        let doc_keys: BTreeSet<Key> = d
            .speech
            .statements
            .iter()
            .map(|s| &s.speaker)
            .chain(d.speech.mentions.iter().map(|m| &m.name))
            .filter_map(|n| {
                let n = alias(n);
                match split(&n) {
                    (Some(i), s) => Some((s, i)),
                    _ => None,
                }
            })
            .collect();
        for st in &d.speech.statements {
            let written = alias(&st.speaker);
            let name = match st.kind {
                Kind::Person => match key_of(&written, &doc_keys) {
                    Some(k) => display(&k, &written),
                    None => written.clone(),
                },
                Kind::Organisation => written.clone(),
            };
            let a = acc.entry(name.clone()).or_default();
            a.kind.get_or_insert(st.kind);
            a.statements += 1;
            if st.how.is_resolved() {
                a.resolved += 1;
            } else {
                a.named += 1;
            }
            a.docs.insert(di);
            if let Some(date) = d.date {
                a.first = Some(a.first.map_or(date, |f| f.min(date)));
                a.last = Some(a.last.map_or(date, |l| l.max(date)));
                let period = format!("{:04}-{:02}", date.year(), date.month());
                *periods.entry((period, name.clone())).or_default() += 1;
            }
            if !st.role.is_empty() {
                *a.roles.entry(st.role.clone()).or_default() += 1;
            }
            if !st.how.is_resolved() {
                a.variants.insert(written);
            }
            quotes.push(Quote {
                doc_id: d.doc_id.to_string(),
                date: d.date,
                sentence: st.sentence + 1,
                speaker: name,
                role: st.role.clone(),
                verb: st.verb.clone(),
                how: st.how,
                text: st.text.clone(),
            });
        }
        for m in &d.speech.mentions {
            let written = alias(&m.name);
            let Some(k) = key_of(&written, &doc_keys) else {
                continue;
            };
            if !full.contains_key(&k) || !known.contains(&k) {
                continue;
            }
            let name = display(&k, &written);
            let a = acc.entry(name).or_default();
            a.kind.get_or_insert(Kind::Person);
            a.mentions += 1;
            a.mention_docs.insert(di);
            a.variants.insert(written);
            if !m.role.is_empty() {
                a.roles.entry(m.role.clone()).or_default();
            }
        }
    }

    let top = |m: &BTreeMap<String, u32>| {
        m.iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(r, _)| r.clone())
            .unwrap_or_default()
    };
    let mut speakers: Vec<Speaker> = acc
        .iter()
        .filter(|(_, a)| a.statements > 0)
        .map(|(name, a)| Speaker {
            name: name.clone(),
            role: top(&a.roles),
            kind: a.kind.unwrap_or(Kind::Person),
            statements: a.statements,
            named: a.named,
            resolved: a.resolved,
            documents: a.docs.len() as u32,
            first_date: a.first,
            last_date: a.last,
            variants: a.variants.iter().cloned().collect(),
        })
        .collect();
    speakers.sort_by(|a, b| {
        b.statements
            .cmp(&a.statements)
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut mentions: Vec<Mentioned> = acc
        .iter()
        .filter(|(_, a)| a.kind == Some(Kind::Person) && a.mentions > 0)
        .map(|(name, a)| Mentioned {
            person: name.clone(),
            mentions: a.mentions,
            documents: a.mention_docs.len() as u32,
            as_speaker: a.statements,
        })
        .collect();
    mentions.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.person.cmp(&b.person))
    });
    let mut by_period: Vec<(String, String, u32)> =
        periods.into_iter().map(|((p, s), n)| (p, s, n)).collect();
    by_period.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.2.cmp(&a.2))
            .then_with(|| a.1.cmp(&b.1))
    });
    Speakers {
        speakers,
        quotes,
        mentions,
        by_period,
    }
}

#[cfg(test)]
mod tests {
    use super::super::attribute::attribute;
    use super::*;

    #[test]
    fn name_variants_are_one_speaker() {
        let a = attribute(
            "Russian Foreign Minister Sergei Lavrov said talks matter. Lavrov stressed it.",
            None,
        );
        let b = attribute(
            "Russian Foreign Minister Sergey Lavrov said so. Sergey Lavrov added that it was true.",
            None,
        );
        let c = attribute("Lavrov said nothing new.", None);
        let d = |speech, day| DocSpeech {
            doc_id: "d",
            date: NaiveDate::from_ymd_opt(2019, 12, day),
            speech,
        };
        let m = merge(&[d(&a, 1), d(&b, 2), d(&c, 3)], &HashMap::new());
        assert_eq!(m.speakers.len(), 1, "{:?}", m.speakers);
        let s = &m.speakers[0];
        assert_eq!(s.name, "Sergey Lavrov"); // 2 full mentions against 1
        assert_eq!(s.role, "Russian Foreign Minister");
        assert_eq!(
            (s.statements, s.named, s.resolved, s.documents),
            (5, 5, 0, 3)
        );
        assert_eq!(s.variants, ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"]);
        assert_eq!(s.first_date, NaiveDate::from_ymd_opt(2019, 12, 1));
        assert_eq!(
            m.by_period,
            [("2019-12".to_string(), "Sergey Lavrov".to_string(), 5)]
        );
    }

    #[test]
    fn aliases_and_mentions() {
        let a = attribute(
            "Zelensky said Ukraine would fight. Bolton held negotiations with Security Council Secretary Nikolai Patrushev.",
            None,
        );
        let aliases = HashMap::from([("zelensky".to_string(), "Volodymyr Zelenskyy".to_string())]);
        let m = merge(
            &[DocSpeech {
                doc_id: "d",
                date: None,
                speech: &a,
            }],
            &aliases,
        );
        assert_eq!(m.speakers[0].name, "Volodymyr Zelenskyy");
        let people: Vec<(&str, u32)> = m
            .mentions
            .iter()
            .map(|p| (p.person.as_str(), p.as_speaker))
            .collect();
        // "Bolton" alone is never named in full: not a person we can name. "Zelensky" is, by
        // the alias.
        assert_eq!(
            people,
            [("Nikolai Patrushev", 0), ("Volodymyr Zelenskyy", 1)]
        );
    }
}
