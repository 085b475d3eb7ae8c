//! One speaker, one row: linking name variants across the corpus, and counting.
//!
//! Rules:
//! - A person is a first name and a surname compared by their spelling key (lower case,
//!   accents dropped, `y` as `i`, `x` as `ks`, doubled letters once): `Sergey Lavrov` and
//!   `Sergei Lavrov`, `Volodymyr Zelensky` and `Volodymyr Zelenskyy` (transliteration
//!   variants) are one person; `James Baker` and `John Baker`, `Michael Howard` and `Moe
//!   Howard` are two. `Lavrov` alone is linked to the person with that surname named in full
//!   in the same document; failing that, to the one person of the corpus with that surname
//!   (named with a title or speaking). A lone surname that names no one, or several people,
//!   stays as written when it is a speaker, and is dropped from mentions (it may be a place
//!   or a weekday).
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

use ahash::{AHashMap, AHashSet};
use rayon::prelude::*;

use crate::meta::PubDate;

use super::attribute::{How, Kind, Speech};
use super::words::is_starter;

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
    pub first_date: Option<PubDate>,
    pub last_date: Option<PubDate>,
    /// Every form seen, sorted.
    pub variants: Vec<String>,
}

/// A statement, with its speaker's merged name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub doc_id: String,
    pub date: Option<PubDate>,
    /// Sentence number in the document, from 1.
    pub sentence: u32,
    pub speaker: String,
    pub role: String,
    pub verb: String,
    pub how: How,
    /// The sieve that found the speaker (see [`super::sieve::rule_names`]).
    pub rule: &'static str,
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
    pub date: Option<PubDate>,
    pub speech: &'a Speech,
}

/// Person key: (surname key id, first-name key id), both spelling keys.
type Key = (u32, u32);

fn clean(name: &str) -> &str {
    let mut n = name.trim();
    // A sentence's first word taken into the name by its capital ("But Reagan", "If
    // Reagan"), or a possessive before it ("Russia's Putin"), is no first name.
    while let Some((first, rest)) = n.split_once(' ')
        && (is_starter(first) || first.ends_with("'s") || first.ends_with("\u{2019}s"))
    {
        n = rest.trim_start();
    }
    n.strip_suffix("'s")
        .or_else(|| n.strip_suffix("\u{2019}s"))
        .unwrap_or(n)
}

/// A word's spelling key: transliteration variants of one name get the same key
/// ("Sergey"/"Sergei", "Zelensky"/"Zelenskyy", "Alexei"/"Aleksey"), different names keep
/// different ones ("James"/"Jim"/"John").
fn spelling_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'y' | 'ý' | 'ÿ' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ś' | 'š' | 'ş' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ť' => 't',
            'ď' => 'd',
            c => c,
        };
        let pushed: &[char] = if c == 'x' { &['k', 's'] } else { &[c] };
        for &p in pushed {
            // Doubled letters count once ("Zelenskii" -> "zelenski").
            if key.ends_with(p) {
                continue;
            }
            key.push(p);
        }
    }
    key
}

/// A name's (first-name key, surname key): the first and last words; a lone word is a
/// surname with no first name.
fn split(name: &str) -> (Option<String>, String) {
    let mut words = name.split_whitespace();
    let first = words.next();
    let last = words.next_back();
    let surname = last.or(first).map(spelling_key).unwrap_or_default();
    let first_name = last.and(first).map(spelling_key);
    (first_name, surname)
}

/// The most frequent entry, ties to the smallest (names: alphabetically first).
fn most<K: Ord + Copy>(counts: impl IntoIterator<Item = (K, u32)>) -> Option<K> {
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

/// Every name the corpus writes, each worked out once: the names are few, their uses many
/// (a whole run has millions of mentions and some tens of thousands of distinct names).
struct Names<'a> {
    /// Raw form as written -> its id.
    raw: AHashMap<&'a str, u32>,
    /// Per raw id: the id of its merged form (aliases, spacing) in `forms`.
    form_of: Vec<u32>,
    /// Merged forms; ids are in no particular order, every tie-break compares the strings.
    forms: Vec<String>,
    /// Per form: first-name key id (None for a lone surname) and surname key id.
    parts: Vec<(Option<u32>, u32)>,
}

impl Names<'_> {
    fn form(&self, raw: &str) -> u32 {
        // Every raw name was interned in `Names::build`.
        self.raw.get(raw).map_or(0, |&r| self.form_of[r as usize])
    }
    fn full_key(&self, form: u32) -> Option<Key> {
        let (first, surname) = self.parts[form as usize];
        first.map(|f| (surname, f))
    }
}

/// Per document: each statement's and each mention's speaker/person as a form id (mentions
/// that name nobody we can name are None).
struct Resolved {
    statements: Vec<u32>,
    mentions: Vec<Option<u32>>,
}

/// Merges the corpus' speech. `aliases` maps a variant (any case) to the canonical name.
/// Runs on the current rayon pool; the result does not depend on the thread count.
pub fn merge(docs: &[DocSpeech<'_>], aliases: &HashMap<String, String>) -> Speakers {
    let names = intern(docs, aliases);
    // Full-name persons and their variants, corpus-wide; people for sure (named with a title
    // somewhere, or speaking: other capitalised runs such as "Red Square" are not people).
    // Each document's names as form ids, looked up once.
    let written: Vec<(Vec<u32>, Vec<u32>)> = docs
        .par_iter()
        .map(|d| {
            let st = d.speech.statements.iter().map(|s| names.form(&s.speaker));
            let me = d.speech.mentions.iter().map(|m| names.form(&m.name));
            (st.collect(), me.collect())
        })
        .collect();
    let mut full: AHashMap<Key, AHashMap<u32, u32>> = AHashMap::new();
    let mut known: AHashSet<Key> = AHashSet::new();
    for (d, (st, me)) in docs.iter().zip(&written) {
        let st = (d.speech.statements.iter().zip(st))
            .filter(|(s, _)| s.kind == Kind::Person)
            .map(|(s, &f)| (f, !s.how.is_resolved(), 1));
        let me = d
            .speech
            .mentions
            .iter()
            .zip(me)
            .map(|(m, &f)| (f, m.titled, m.count));
        for (form, sure, n) in st.chain(me) {
            if let Some(k) = names.full_key(form) {
                *full.entry(k).or_default().entry(form).or_default() += n;
                if sure {
                    known.insert(k);
                }
            }
        }
    }
    // The name shown for a person: the most frequent full form, ties alphabetically first.
    let display: AHashMap<Key, u32> = full
        .iter()
        .filter_map(|(k, v)| {
            v.iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then_with(|| names.forms[*b.0 as usize].cmp(&names.forms[*a.0 as usize]))
                })
                .map(|(&f, _)| (*k, f))
        })
        .collect();

    // A surname that names exactly one person for sure in the whole corpus: where an article
    // names no one in full with it, its lone surname is that person ("Reagan" in a wire
    // story is Ronald Reagan); with two such people ("James Baker", "John Baker") it stays
    // as written. The surname must be spelt as in one of the person's full names: spelling
    // keys are for first name + surname together, alone they join "Moody" and "Modi". One or
    // two letters ("P" of "S and P") are no surname. Set membership decides, so the order of
    // the maps does not matter.
    let mut sole: AHashMap<String, Option<Key>> = AHashMap::new();
    for (k, forms) in full.iter().filter(|(k, _)| known.contains(k)) {
        for &f in forms.keys() {
            let surname = names.forms[f as usize].rsplit(' ').next().unwrap_or("");
            sole.entry(surname.to_lowercase())
                .and_modify(|v| {
                    if *v != Some(*k) {
                        *v = None;
                    }
                })
                .or_insert(Some(*k));
        }
    }
    let sole_of_form: Vec<Option<Key>> = (names.forms.iter().zip(&names.parts))
        .map(|(name, &(first, _))| {
            if first.is_some() || name.chars().count() <= 2 {
                return None;
            }
            sole.get(&name.to_lowercase()).copied().flatten()
        })
        .collect();

    // Per document, in parallel: who each statement and mention is.
    let resolved: Vec<Resolved> = docs
        .par_iter()
        .zip(&written)
        .map(|(d, (st, me))| {
            let mut doc_keys: Vec<Key> = st
                .iter()
                .chain(me.iter())
                .filter_map(|&f| names.full_key(f))
                .collect();
            doc_keys.sort_unstable();
            doc_keys.dedup();
            // A full name by its key; a lone surname by a full name of the document (the
            // smallest key when several share the surname), else by the corpus' only person
            // with that surname.
            let key_of = |form: u32| -> Option<Key> {
                let (first, surname) = names.parts[form as usize];
                if let Some(f) = first {
                    return Some((surname, f));
                }
                (doc_keys.iter().find(|k| k.0 == surname).copied()).or(sole_of_form[form as usize])
            };
            let statements = d
                .speech
                .statements
                .iter()
                .zip(st)
                .map(|(s, &f)| match s.kind {
                    Kind::Person => key_of(f)
                        .and_then(|k| display.get(&k).copied())
                        .unwrap_or(f),
                    Kind::Organisation => f,
                })
                .collect();
            let mentions = me
                .iter()
                .map(|&f| {
                    let k = key_of(f)?;
                    if !known.contains(&k) {
                        return None;
                    }
                    display.get(&k).copied()
                })
                .collect();
            Resolved {
                statements,
                mentions,
            }
        })
        .collect();

    #[derive(Default)]
    struct Acc<'a> {
        kind: Option<Kind>,
        statements: u32,
        named: u32,
        resolved: u32,
        docs: u32,
        last_doc: Option<usize>,
        first: Option<PubDate>,
        last: Option<PubDate>,
        roles: BTreeMap<&'a str, u32>,
        variants: BTreeSet<u32>,
        mentions: u32,
        mention_docs: u32,
        last_mention_doc: Option<usize>,
    }
    // In document order, so the first kind seen is the same whatever the thread count.
    let mut acc: AHashMap<u32, Acc<'_>> = AHashMap::new();
    let mut quotes = Vec::new();
    let mut periods: AHashMap<((i32, u32), u32), u32> = AHashMap::new();
    for (di, ((d, r), (forms, mention_forms))) in
        docs.iter().zip(&resolved).zip(&written).enumerate()
    {
        for ((st, &name), &form) in d.speech.statements.iter().zip(&r.statements).zip(forms) {
            let a = acc.entry(name).or_default();
            a.kind.get_or_insert(st.kind);
            a.statements += 1;
            if st.how.is_resolved() {
                a.resolved += 1;
            } else {
                a.named += 1;
                a.variants.insert(form);
            }
            if a.last_doc != Some(di) {
                a.last_doc = Some(di);
                a.docs += 1;
            }
            if let Some(date) = d.date {
                a.first = Some(a.first.map_or(date, |f| f.min(date)));
                a.last = Some(a.last.map_or(date, |l| l.max(date)));
                // A statement dated only by year is in no month.
                if let Some(month) = date.month() {
                    *periods.entry((month, name)).or_default() += 1;
                }
            }
            if !st.role.is_empty() {
                *a.roles.entry(&st.role).or_default() += 1;
            }
            quotes.push(Quote {
                doc_id: d.doc_id.to_string(),
                date: d.date,
                sentence: st.sentence + 1,
                speaker: names.forms[name as usize].clone(),
                role: st.role.clone(),
                verb: st.verb.clone(),
                how: st.how,
                rule: st.rule,
                text: st.text.clone(),
            });
        }
        for ((m, name), &form) in d.speech.mentions.iter().zip(&r.mentions).zip(mention_forms) {
            let Some(name) = *name else {
                continue;
            };
            let a = acc.entry(name).or_default();
            a.kind.get_or_insert(Kind::Person);
            a.mentions += m.count;
            if a.last_mention_doc != Some(di) {
                a.last_mention_doc = Some(di);
                a.mention_docs += 1;
            }
            a.variants.insert(form);
            if !m.role.is_empty() {
                a.roles.entry(&m.role).or_default();
            }
        }
    }

    let name = |id: u32| names.forms[id as usize].clone();
    let mut speakers: Vec<Speaker> = acc
        .iter()
        .filter(|(_, a)| a.statements > 0)
        .map(|(&id, a)| {
            let mut variants: Vec<String> = a.variants.iter().map(|&v| name(v)).collect();
            variants.sort_unstable();
            Speaker {
                name: name(id),
                role: most(a.roles.iter().map(|(&r, &n)| (r, n)))
                    .unwrap_or_default()
                    .to_string(),
                kind: a.kind.unwrap_or(Kind::Person),
                statements: a.statements,
                named: a.named,
                resolved: a.resolved,
                documents: a.docs,
                first_date: a.first,
                last_date: a.last,
                variants,
            }
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
        .map(|(&id, a)| Mentioned {
            person: name(id),
            mentions: a.mentions,
            documents: a.mention_docs,
            as_speaker: a.statements,
        })
        .collect();
    mentions.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.person.cmp(&b.person))
    });
    let mut by_period: Vec<(String, String, u32)> = periods
        .into_iter()
        .map(|(((y, m), s), n)| (format!("{y:04}-{m:02}"), name(s), n))
        .collect();
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

/// Interns every name of the corpus and works out each one's merged form once.
fn intern<'a>(docs: &[DocSpeech<'a>], aliases: &HashMap<String, String>) -> Names<'a> {
    let all = |d: &DocSpeech<'a>| {
        let speech: &'a Speech = d.speech;
        speech
            .statements
            .iter()
            .map(|s| s.speaker.as_str())
            .chain(speech.mentions.iter().map(|m| m.name.as_str()))
    };
    let unique: AHashSet<&'a str> = docs
        .par_iter()
        .fold(AHashSet::new, |mut set, d| {
            set.extend(all(d));
            set
        })
        .reduce(AHashSet::new, |mut a, b| {
            if a.len() < b.len() {
                return b.into_iter().chain(a).collect();
            }
            a.extend(b);
            a
        });
    let mut list: Vec<&'a str> = unique.into_iter().collect();
    list.sort_unstable();
    let raw: AHashMap<&'a str, u32> = list
        .iter()
        .enumerate()
        .map(|(i, &n)| (n, i as u32))
        .collect();

    let given = |name: &str| -> String {
        let c = clean(name);
        aliases
            .get(&c.to_lowercase())
            .cloned()
            .unwrap_or_else(|| c.to_string())
    };
    let given_of: Vec<String> = list.par_iter().map(|n| given(n)).collect();
    // Names that differ only in spaces ("TimeWarner", "Time Warner") are one: the form
    // written most often by the named statements stands for all.
    let squash = |n: &str| -> String { n.split_whitespace().collect::<String>().to_lowercase() };
    let mut counts: AHashMap<u32, u32> = AHashMap::new();
    for st in docs.iter().flat_map(|d| &d.speech.statements) {
        if !st.how.is_resolved() {
            *counts.entry(raw[st.speaker.as_str()]).or_default() += 1;
        }
    }
    let mut written: BTreeMap<String, BTreeMap<&str, u32>> = BTreeMap::new();
    for (&r, &n) in &counts {
        let g = given_of[r as usize].as_str();
        *written.entry(squash(g)).or_default().entry(g).or_default() += n;
    }
    let written: AHashMap<String, String> = written
        .into_iter()
        .filter(|(_, f)| f.len() > 1)
        .filter_map(|(k, f)| most(f).map(|n| (k, n.to_string())))
        .collect();
    let merged: Vec<String> = given_of
        .into_par_iter()
        .map(|g| match written.get(&squash(&g)) {
            Some(w) => w.clone(),
            None => g,
        })
        .collect();

    let mut form_ids: AHashMap<&str, u32> = AHashMap::new();
    let mut forms: Vec<String> = Vec::new();
    let mut form_of = Vec::with_capacity(merged.len());
    for m in &merged {
        let id = *form_ids.entry(m.as_str()).or_insert_with(|| {
            forms.push(m.clone());
            forms.len() as u32 - 1
        });
        form_of.push(id);
    }
    // Surname and first-name keys share one numbering.
    let mut keys: AHashMap<String, u32> = AHashMap::new();
    let mut id = |k: String| {
        let n = keys.len() as u32;
        *keys.entry(k).or_insert(n)
    };
    let parts = forms
        .iter()
        .map(|f| {
            let (first, surname) = split(f);
            (first.map(&mut id), id(surname))
        })
        .collect();
    Names {
        raw,
        form_of,
        forms,
        parts,
    }
}

#[cfg(test)]
mod tests {
    use super::super::attribute::attribute;
    use super::*;
    use chrono::NaiveDate;

    /// Each text attributed as one undated document, merged: (speaker, statements).
    fn speakers_of(docs: &[&str]) -> Vec<(String, u32)> {
        let speech: Vec<Speech> = docs.iter().map(|t| attribute(t, None)).collect();
        let ds: Vec<DocSpeech<'_>> = speech
            .iter()
            .map(|s| DocSpeech {
                doc_id: "d",
                date: None,
                speech: s,
            })
            .collect();
        let m = merge(&ds, &HashMap::new());
        m.speakers
            .into_iter()
            .map(|s| (s.name, s.statements))
            .collect()
    }

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
            date: NaiveDate::from_ymd_opt(2019, 12, day).map(PubDate::day),
            speech,
        };
        let m = merge(&[d(&a, 1), d(&b, 2), d(&c, 3)], &HashMap::new());
        // The lone "Lavrov" of the third document names no one in full there: it is the
        // corpus' only Lavrov.
        assert_eq!(m.speakers.len(), 1, "{:?}", m.speakers);
        let s = &m.speakers[0];
        assert_eq!(s.name, "Sergey Lavrov"); // 2 full mentions against 1
        assert_eq!(s.role, "Russian Foreign Minister");
        assert_eq!(
            (s.statements, s.named, s.resolved, s.documents),
            (5, 5, 0, 3)
        );
        assert_eq!(s.variants, ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"]);
        assert_eq!(
            s.first_date,
            NaiveDate::from_ymd_opt(2019, 12, 1).map(PubDate::day)
        );
        assert_eq!(
            s.last_date,
            NaiveDate::from_ymd_opt(2019, 12, 3).map(PubDate::day)
        );
        assert_eq!(
            m.by_period,
            [("2019-12".to_string(), "Sergey Lavrov".to_string(), 5)]
        );
    }

    #[test]
    fn a_sentence_starter_is_no_first_name() {
        assert_eq!(clean("But Reagan"), "Reagan");
        assert_eq!(clean(" If Ronald Reagan's"), "Ronald Reagan");
        assert_eq!(clean("But"), "But");
        assert_eq!(clean("Butch Reagan"), "Butch Reagan");
        assert_eq!(clean("Russia's Putin"), "Putin");
        assert_eq!(clean("Britain\u{2019}s Tony Blair"), "Tony Blair");
    }

    #[test]
    fn a_lone_surname_links_across_the_corpus_only_as_spelt() {
        let docs = [
            "Prime Minister Narendra Modi said India would grow.",
            "Moody said the rating was cut.",
            "Modi insisted that it would.",
        ];
        let got = speakers_of(&docs);
        let got: Vec<(&str, u32)> = got.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert_eq!(got, [("Narendra Modi", 2), ("Moody", 1)]);
    }

    #[test]
    fn a_lone_surname_of_two_people_stays_as_written() {
        let docs = [
            "James Baker said the dollar fell.",
            "John Baker said the wall would hold.",
            "Baker said nothing new.",
            "Michael Howard said taxes would fall.",
            "Howard insisted that they would.",
        ];
        let got = speakers_of(&docs);
        let got: Vec<(&str, u32)> = got.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert_eq!(
            got,
            [
                ("Michael Howard", 2),
                ("Baker", 1),
                ("James Baker", 1),
                ("John Baker", 1),
            ]
        );
    }

    #[test]
    fn spelling_keys_join_transliterations_only() {
        let key = |w: &str| spelling_key(w);
        assert_eq!(key("Sergey"), key("Sergei"));
        assert_eq!(key("Zelensky"), key("Zelenskyy"));
        assert_eq!(key("Alexei"), key("Aleksey"));
        assert_eq!(key("Dmitry"), key("Dmitri"));
        assert_eq!(key("Plenković"), key("Plenkovic"));
        assert_ne!(key("James"), key("Jim"));
        assert_ne!(key("James"), key("John"));
        assert_ne!(key("Michael"), key("Moe"));
    }

    #[test]
    fn a_person_is_a_first_name_and_a_surname() {
        let docs = [
            "Volodymyr Zelensky said talks matter.",
            "Volodymyr Zelenskyy said talks failed. Zelenskyy added that it was hard.",
            "James Baker said the dollar fell. Baker added that it would recover.",
            "John Baker said the wall would hold.",
            "Jim Baker said the vote was close.",
            "Michael Howard said taxes would fall. Moe Howard said it was a joke.",
        ];
        let got = speakers_of(&docs);
        let got: Vec<(&str, u32)> = got.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert_eq!(
            got,
            [
                // One full form each: the alphabetically first is shown.
                ("Volodymyr Zelensky", 3),
                ("James Baker", 2),
                ("Jim Baker", 1),
                ("John Baker", 1),
                ("Michael Howard", 1),
                ("Moe Howard", 1),
            ]
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
