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
//!   the most frequent valid title ([`super::words::is_valid_role`]) seen with a statement,
//!   else with a mention.
//! - A person needs evidence ([`super::evidence`]): a given name first, a title or
//!   honorific, a pronoun or description that stands for them, or (a lone surname) the full
//!   name in the document or the corpus. A name the lexicon says is a place, an outlet, an
//!   institution or a company, or a speaker with no evidence, is an organisation; neither is
//!   counted in mentions.
//! - Middle initials stay in the name and tell people apart ("George H.W. Bush", "George W.
//!   Bush"); a name without them is the one person with them when there is one ("Ben
//!   Bernanke" is "Ben S. Bernanke"). Particles belong to the surname ("Le Pen").
//! - `--aliases` maps variants the rules cannot know (`Zelensky` -> `Volodymyr Zelenskyy`)
//!   before anything else.
//! - Organisations are matched by name, case-insensitively.
//! - Names that differ only in spaces (`TimeWarner`, `Time Warner`) are one; the form the
//!   named statements use most stands for all.
//!
//! No I/O, never fails; the result is sorted with explicit tie-breaks.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use ahash::{AHashMap, AHashSet};
use rayon::prelude::*;

use crate::meta::PubDate;

use super::attribute::{Kind, Speech};
use super::evidence::{has_given_name, not_a_person};
use super::mentions::{CountTitled, Kept, Mentions};
pub use super::quotes::{Quote, Quotes};
use super::statements::Statements;
use super::words::{self, List, is_starter, is_valid_role, without_possessive};

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
pub struct Speakers<'a> {
    pub speakers: Vec<Speaker>,
    pub quotes: Quotes<'a>,
    pub mentions: Vec<Mentioned>,
    /// For each document (in the order given to [`merge`]), the people it names: indices into
    /// `mentions`, ascending.
    pub people_by_doc: crate::packed::Lists<u32>,
}

/// One document's statements with what the merge needs about the document (the quotes
/// borrow the statements). Its mentions are given to the merge beside it.
#[derive(Clone, Copy)]
pub struct DocSpeech<'a> {
    pub doc_id: &'a str,
    pub date: Option<PubDate>,
    pub statements: &'a Statements,
    /// Where the statements' texts are.
    pub texts: &'a super::texts::Texts,
}

/// The corpus' documents as the merge reads them, each made when it is asked for: a list
/// of them all took 40 bytes a document (31 MB on the 16x corpus) at the merge's peak.
pub trait Documents<'a>: Sync {
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th document (`i < len()`).
    fn get(&self, i: usize) -> DocSpeech<'a>;
}

impl<'a> Documents<'a> for Vec<DocSpeech<'a>> {
    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn get(&self, i: usize) -> DocSpeech<'a> {
        self[i]
    }
}

/// Every document of `docs`, in order.
fn each_doc<'a, 'd>(docs: &'d dyn Documents<'a>) -> impl Iterator<Item = DocSpeech<'a>> + 'd {
    (0..docs.len()).map(|i| docs.get(i))
}

impl<'a> DocSpeech<'a> {
    /// The statements of `speech`.
    pub fn of(doc_id: &'a str, date: Option<PubDate>, speech: &'a Speech) -> DocSpeech<'a> {
        DocSpeech {
            doc_id,
            date,
            statements: &speech.statements,
            texts: &speech.texts,
        }
    }
}

/// A mention of a person the merge can name, once its name has a form id: what the count
/// reads of it besides the forms. The merge keeps the counts of every mention (4 bytes, 12
/// million of them on 16x) and the roles of those that have one apart.
#[derive(Debug, Clone, Copy)]
struct Named {
    count_titled: CountTitled,
    /// Index into the merge's distinct roles; 0 for none.
    role: u32,
}

/// Person key: (surname key id, first-name key id), both spelling keys.
type Key = (u32, u32);

/// `name` without a sentence's first word or a possessive before it, and without a trailing
/// possessive unless `own_s`: the name's own ("Wendy's said", a subject right before its
/// verb, is the company Wendy's; "Putin's" elsewhere is Putin).
fn clean(name: &str, own_s: bool) -> &str {
    let mut n = name.trim();
    // A sentence's first word taken into the name by its capital ("But Reagan", "If
    // Reagan"), or a possessive before it ("Russia's Putin"), is no first name.
    while let Some((first, rest)) = n.split_once(' ')
        && (is_starter(first)
            || (without_possessive(first).is_some()
                // "Poor's Corp": the 's is the company's own, before its legal form.
                && !words::is(List::CompanySuffix, rest.trim_end_matches('.'))))
    {
        n = rest.trim_start();
    }
    if own_s {
        n
    } else {
        without_possessive(n).unwrap_or(n)
    }
}

/// The surname of a full name as written, with its particles ("Le Pen" of "Marine Le Pen").
fn surname_as_written(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.len().checked_sub(1) else {
        return name;
    };
    let mut from = last;
    while from > 0 && words::is(List::Particle, words[from - 1]) {
        from -= 1;
    }
    let start = words[from].as_ptr() as usize - name.as_ptr() as usize;
    &name[start..]
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
/// Particles stay with the surname ("Marine Le Pen" and "Le Pen" share the surname "Le Pen").
/// Middle names and initials are not in the key ("Ben S. Bernanke" is Ben Bernanke; which
/// initials tell people apart is [`middle`]'s).
fn split(name: &str) -> (Option<String>, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.len().checked_sub(1) else {
        return (None, String::new());
    };
    let mut from = last;
    while from > 0 && words::is(List::Particle, words[from - 1]) {
        from -= 1;
    }
    let surname = spelling_key(&words[from..].concat());
    let first_name = (from > 0).then(|| spelling_key(words[0]));
    (first_name, surname)
}

#[path = "merge_forms.rs"]
mod forms;
#[cfg(test)]
use forms::double_surnames;
use forms::intern;

/// A full name's middle initials, the letters only ("George H.W. Bush" -> "HW", "Ben S.
/// Bernanke" -> "S"); empty when it has none.
fn middle(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 3 {
        return String::new();
    }
    words[1..words.len() - 1]
        .iter()
        .filter(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters <= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
        })
        .flat_map(|w| w.chars().filter(|c| c.is_alphabetic()))
        .collect()
}

/// The most frequent entry, ties to the smallest (names: alphabetically first).
fn most<K: Ord + Copy>(counts: impl IntoIterator<Item = (K, u32)>) -> Option<K> {
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

/// Per document: each statement's and each mention's speaker/person as a form id (mentions
/// that name nobody we can name are None).
struct Resolved {
    /// The speaker's form and kind (a name with no evidence of a person is an organisation's).
    statements: Vec<(u32, Kind)>,
    mentions: Vec<Option<u32>>,
}

/// A mention of a person the merge can name, as the counting reads it.
#[derive(Debug, Clone, Copy)]
struct PersonNamed {
    /// The person's form id (their name as shown).
    person: u32,
    /// The form id of the name as written.
    form: u32,
    named: Named,
}

/// Documents resolved at a time (their per-document vectors held together).
const RESOLVED_AT_ONCE: usize = 4096;

/// Where each document's items end in a flat vector of every document's items (its
/// statements or mentions, or what the merge makes of them, in document order): 8 bytes a
/// document for all such vectors, where a slice of each took 16 (66 MB on 16x).
struct Cuts(Vec<usize>);

impl Cuts {
    /// From each document's number of items, in document order.
    fn of(lens: impl Iterator<Item = usize>) -> Cuts {
        let mut end = 0;
        Cuts(
            lens.map(|n| {
                end += n;
                end
            })
            .collect(),
        )
    }

    /// Document `i`'s items of `flat`.
    fn get<'f, T>(&self, flat: &'f [T], i: usize) -> &'f [T] {
        crate::packed::span(&self.0, i).map_or(&[], |r| &flat[r])
    }
}

/// Merges the corpus' speech: each document's statements (`docs`) and the people it names
/// (`mentions`, one for each of `docs`, in the same order; here or on disk). The mentions are
/// read and let go before the maps of names are built: nothing the merge gives back borrows
/// them. `aliases` maps a variant (any case) to the canonical name. Runs on the current rayon
/// pool; the result does not depend on the thread count.
pub fn merge<'a>(
    docs: &dyn Documents<'a>,
    mentions: Vec<Kept>,
    aliases: &HashMap<String, String>,
) -> Speakers<'a> {
    assert_eq!(
        docs.len(),
        mentions.len(),
        "one list of mentions a document"
    );
    let names = intern(docs, &mentions, aliases);
    // Full-name persons and their variants, corpus-wide; people for sure (named with a title
    // somewhere, or speaking: other capitalised runs such as "Red Square" are not people).
    // Each document's names as form ids, looked up once.
    // Two flat vectors, sliced per document: a pair of vectors a document cost more in
    // headers and allocations than in ids.
    let st_forms: Vec<u32> = (0..docs.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let d = docs.get(i);
            d.statements.iter().map(|s| names.form(s.speaker()))
        })
        .collect();
    // The mentions read once more (from disk, where they wait), a block of documents at a
    // time: their form ids, and what else the merge reads of them, their roles interned.
    // A mention's role only where it has one (most have none): each document's as (index
    // among its mentions, role id), role 0 being none.
    let mut me_forms: Vec<u32> = Vec::new();
    let mut counts: Vec<CountTitled> = Vec::new();
    let mut me_roles: Vec<(u32, u32)> = Vec::new();
    let mut me_lens: Vec<usize> = Vec::with_capacity(docs.len());
    let mut role_lens: Vec<usize> = Vec::with_capacity(docs.len());
    let mut role_ids: AHashMap<String, u32> = AHashMap::from_iter([(String::new(), 0)]);
    for from in (0..mentions.len()).step_by(RESOLVED_AT_ONCE) {
        let to = mentions.len().min(from + RESOLVED_AT_ONCE);
        let block: Vec<(Cow<'_, Mentions>, Vec<u32>)> = (mentions[from..to].par_iter())
            .map(|kept| {
                let m = kept.get();
                let forms = m.iter().map(|m| names.form(m.name)).collect();
                (m, forms)
            })
            .collect();
        for (m, forms) in block {
            me_lens.push(m.len());
            me_forms.extend(forms);
            counts.extend(m.iter().map(|m| CountTitled::new(m.count, m.titled)));
            let before = me_roles.len();
            for (k, m) in m.iter().enumerate().filter(|(_, m)| !m.role.is_empty()) {
                let role = match role_ids.get(m.role) {
                    Some(&id) => id,
                    None => {
                        let id = role_ids.len() as u32;
                        role_ids.insert(m.role.to_string(), id);
                        id
                    }
                };
                me_roles.push((k as u32, role));
            }
            role_lens.push(me_roles.len() - before);
        }
    }
    drop(mentions);
    let names = names.into_forms();
    let mut roles: Vec<String> = vec![String::new(); role_ids.len()];
    for (r, id) in role_ids {
        roles[id as usize] = r;
    }
    let st_cuts = Cuts::of(each_doc(docs).map(|d| d.statements.len()));
    let me_cuts = Cuts::of(me_lens.into_iter());
    let role_cuts = Cuts::of(role_lens.into_iter());
    // Each document's form ids of its statements and mentions, and what else the merge
    // reads of its mentions: their counts, and the roles of those that have one.
    let written = |i: usize| (st_cuts.get(&st_forms, i), me_cuts.get(&me_forms, i));
    let said = |i: usize| (me_cuts.get(&counts, i), role_cuts.get(&me_roles, i));
    let each = || (each_doc(docs).enumerate()).map(|(i, d)| ((d, written(i)), said(i)));
    // What the lexicon says of each distinct name, asked once: no person (a place, an
    // outlet, an institution, a company), or a given name first.
    let not_person: Vec<bool> = names.forms.par_iter().map(not_a_person).collect();
    let given: Vec<bool> = names.forms.par_iter().map(has_given_name).collect();
    // Lone words the lexicon lists as bodies ("Bundesbank", "Eurostat", "Ministry"): never a
    // person's surname, title or not (a lone place may be: "Obama", "Bolton").
    let body: Vec<bool> = (names.forms.par_iter().zip(&names.parts))
        .map(|(f, p)| {
            p.0.is_none()
                && (crate::lexicon::is_institution(f)
                    || crate::lexicon::is_news_organisation(f)
                    || crate::lexicon::is_institution_word(f))
        })
        .collect();
    // Forms named with a title or honorific somewhere, or that a pronoun or description
    // stands for: evidence of a person.
    let mut titled: AHashSet<u32> = AHashSet::new();
    for ((d, (st, me)), (nm, _)) in each() {
        let st = d.statements.iter().zip(st);
        titled.extend(
            // "it said" speaks for a body: no evidence of a person.
            st.filter(|(s, _)| {
                !s.role().is_empty() || (s.how.is_resolved() && s.kind == Kind::Person)
            })
            .map(|x| *x.1),
        );
        let me = nm.iter().zip(me);
        titled.extend(me.filter(|(m, _)| m.titled()).map(|x| *x.1));
    }
    let evident = |f: u32| !not_person[f as usize] && (given[f as usize] || titled.contains(&f));
    // (person, full form) -> uses; then flat, by person and form: a map of forms for every
    // person held a small table each (most people have one form): 50 MB more on 16x.
    let mut counted: AHashMap<(Key, u32), u32> = AHashMap::new();
    let mut known: AHashSet<Key> = AHashSet::new();
    for ((d, (st, me)), (nm, _)) in each() {
        let st = (d.statements.iter().zip(st))
            .filter(|(s, _)| s.kind == Kind::Person)
            .map(|(_, &f)| (f, evident(f), 1));
        let me = nm.iter().zip(me).map(|(m, &f)| (f, evident(f), m.count()));
        for (form, sure, n) in st.chain(me) {
            if not_person[form as usize] {
                continue;
            }
            if let Some(k) = names.full_key(form) {
                *counted.entry((k, form)).or_default() += n;
                if sure {
                    known.insert(k);
                }
            }
        }
    }
    let mut full: Vec<(Key, u32, u32)> = (counted.into_iter())
        .map(|((k, form), n)| (k, form, n))
        .collect();
    full.sort_unstable();
    // Each person's full forms: (person, form, uses).
    let people_in_full = || full.chunk_by(|a, b| a.0 == b.0);
    let in_full_of = |k: Key| -> u32 {
        let from = full.partition_point(|x| x.0 < k);
        full[from..]
            .iter()
            .take_while(|x| x.0 == k)
            .map(|x| x.2)
            .sum()
    };
    // The name shown for a person: a full form with the middle initials if one has them
    // ("Ben S. Bernanke"), then the most frequent, ties alphabetically first.
    let has_middle: Vec<bool> = names.forms.iter().map(|f| !middle(f).is_empty()).collect();
    let display: AHashMap<Key, u32> = people_in_full()
        .filter_map(|forms| {
            (forms.iter())
                .max_by(|a, b| {
                    (has_middle[a.1 as usize].cmp(&has_middle[b.1 as usize]))
                        .then(a.2.cmp(&b.2))
                        .then_with(|| names.forms[b.1 as usize].cmp(&names.forms[a.1 as usize]))
                })
                .map(|&(k, f, _)| (k, f))
        })
        .collect();

    // A surname that names exactly one person for sure in the whole corpus: where an article
    // names no one in full with it, its lone surname is that person ("Reagan" in a wire
    // story is Ronald Reagan); with two such people ("James Baker", "John Baker") it stays
    // as written. The surname must be spelt as in one of the person's full names: spelling
    // keys are for first name + surname together, alone they join "Moody" and "Modi". One or
    // two letters ("P" of "S and P") are no surname. Set membership decides, so the order of
    // the maps does not matter.
    // Several people with the surname: the one who holds nearly all (nine in ten) of its
    // statements and mentions ("Trump" beside a brother named twice).
    let mut holders: AHashMap<String, BTreeMap<Key, u32>> = AHashMap::new();
    for forms in people_in_full().filter(|forms| known.contains(&forms[0].0)) {
        for &(k, f, n) in forms {
            let surname = surname_as_written(&names.forms[f as usize]);
            *holders
                .entry(surname.to_lowercase())
                .or_default()
                .entry(k)
                .or_default() += n;
        }
    }
    let sole: AHashMap<&str, Option<Key>> = holders
        .iter()
        .map(|(surname, keys)| {
            let total: u32 = keys.values().sum();
            let top = most(keys.iter().map(|(&k, &n)| (k, n)));
            let held = top.map_or(0, |k| keys[&k]);
            (surname.as_str(), top.filter(|_| held * 10 >= total * 9))
        })
        .collect();
    // Else the one holder whose title fits the one written with the surname ("President
    // Clinton" is Bill Clinton when Hillary Clinton is a senator): the titles' head nouns.
    let head = |role: &str| role.rsplit(' ').next().unwrap_or("").to_lowercase();
    let mut heads: AHashMap<Key, AHashSet<String>> = AHashMap::new();
    for ((d, (st, me)), (_, with_roles)) in each() {
        let st = d.statements.iter().zip(st).map(|(s, &f)| (s.role(), f));
        let me = (with_roles.iter()).map(|&(k, r)| (roles[r as usize].as_str(), me[k as usize]));
        for (role, f) in st.chain(me) {
            if let Some(k) = names.full_key(f)
                && is_valid_role(role)
            {
                heads.entry(k).or_default().insert(head(role));
            }
        }
    }
    let title_fits = |form: u32, role: &str| -> Option<Key> {
        let keys = holders.get(&names.forms[form as usize].to_lowercase())?;
        let h = head(role);
        let mut fit = keys
            .keys()
            .filter(|k| heads.get(*k).is_some_and(|hs| hs.contains(&h)));
        let first = fit.next().copied();
        first.filter(|_| fit.next().is_none() && is_valid_role(role))
    };
    // How often each form is written, statements and mentions together.
    let mut uses = vec![0u32; names.forms.len()];
    for ((_, (st, me)), (nm, _)) in each() {
        for &f in st {
            uses[f as usize] += 1;
        }
        for (m, &f) in nm.iter().zip(me) {
            uses[f as usize] += m.count();
        }
    }
    let sole_of_form: Vec<Option<Key>> = (names.forms.iter().zip(&names.parts))
        .enumerate()
        .map(|(form, (name, &(first, _)))| {
            if first.is_some() || name.chars().count() <= 2 {
                return None;
            }
            let k = sole.get(name.to_lowercase().as_str()).copied().flatten()?;
            // A lone place is the place, not the corpus' one "Tudor England" or "Saddam Iraq",
            // unless the person is named in full at least a quarter as often as the word
            // stands alone ("Obama": Barack Obama). In a document naming them in full it is
            // theirs either way.
            let place = crate::lexicon::is_place(name) || crate::lexicon::is_nationality(name);
            let in_full: u32 = in_full_of(k);
            (!place || in_full * 4 >= uses[form]).then_some(k)
        })
        .collect();

    // Per document, in parallel: who each statement and mention is.
    let resolve = |(d, (st, me)): (DocSpeech<'_>, (&[u32], &[u32]))| {
        let mut doc_keys: Vec<Key> = st
            .iter()
            .chain(me.iter())
            .filter(|&&f| !not_person[f as usize])
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
        // A lone surname that is also a place ("Bolton", "Obama") is the person when the
        // document names them in full or a title goes with it.
        let lone_person = |form: u32| {
            let (first, surname) = names.parts[form as usize];
            first.is_none()
                && !body[form as usize]
                && (titled.contains(&form) || doc_keys.iter().any(|k| k.0 == surname))
        };
        let statements = d
            .statements
            .iter()
            .zip(st)
            .map(|(s, &f)| match s.kind {
                // A lone surname of a person the document or corpus names in full is theirs;
                // one named with a title is a person even if a place has its name
                // ("President Obama"); a place, an outlet, an institution, or a name with
                // no evidence of a person speaks for a body ("Texaco said").
                // A country speaks for its state, whatever title goes with it ("The
                // republic of Armenia reiterated").
                Kind::Person if words::is(List::Country, &names.forms[f as usize]) => {
                    (f, Kind::Organisation)
                }
                Kind::Person => match key_of(f).or_else(|| title_fits(f, s.role())) {
                    Some(k)
                        if known.contains(&k) && (!not_person[f as usize] || lone_person(f)) =>
                    {
                        (display.get(&k).copied().unwrap_or(f), Kind::Person)
                    }
                    _ if titled.contains(&f) && (!not_person[f as usize] || lone_person(f)) => {
                        (f, Kind::Person)
                    }
                    _ => (f, Kind::Organisation),
                },
                Kind::Organisation => (f, Kind::Organisation),
                Kind::Anonymous => (f, Kind::Anonymous),
            })
            .collect();
        let mentions = me
            .iter()
            .map(|&f| {
                if not_person[f as usize] && !lone_person(f) {
                    return None;
                }
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
    };
    // Flat, as the form ids are, made a block of documents at a time: a pair of vectors for
    // every document, held at once, cost 230 MB on 16x beside the flat ones.
    // Of the mentions, only those of a person the merge can name are kept, with what the
    // counting reads of them: the form ids and the rest of every mention go before it (they
    // were most of the merge's peak: 12 million mentions on 16x, 16 bytes each).
    let mut resolved_st: Vec<(u32, Kind)> = Vec::with_capacity(st_forms.len());
    // Room for every mention, which no more can be kept than: room never written to takes
    // no memory, where a vector grown by doubling held its old and new buffers at once (the
    // merge's peak on 16x), and shrinking it at the end copied it once more.
    let mut people: Vec<PersonNamed> = Vec::with_capacity(me_forms.len());
    let mut people_lens: Vec<usize> = Vec::with_capacity(docs.len());
    for from in (0..docs.len()).step_by(RESOLVED_AT_ONCE) {
        let to = docs.len().min(from + RESOLVED_AT_ONCE);
        let block: Vec<Resolved> = (from..to)
            .into_par_iter()
            .map(|i| resolve((docs.get(i), written(i))))
            .collect();
        for (i, r) in (from..to).zip(block) {
            resolved_st.extend(r.statements);
            let before = people.len();
            let (nm, mut with_roles) = said(i);
            let of_doc = (r.mentions.into_iter())
                .zip(me_cuts.get(&me_forms, i))
                .zip(nm)
                .enumerate();
            people.extend(of_doc.filter_map(|(k, ((person, &form), &count_titled))| {
                // The roles are in the order of the mentions.
                let role = match with_roles.split_first() {
                    Some((&(at, role), rest)) if at as usize == k => {
                        with_roles = rest;
                        role
                    }
                    _ => 0,
                };
                Some(PersonNamed {
                    person: person?,
                    form,
                    named: Named { count_titled, role },
                })
            }));
            people_lens.push(people.len() - before);
        }
    }
    let people_cuts = Cuts::of(people_lens.into_iter());
    // What only the resolution reads goes before the speakers are counted, rather than at
    // the end of the merge, where its peak is: maps of every full name, surname and title.
    drop(sole);
    drop((
        full,
        known,
        display,
        holders,
        heads,
        uses,
        sole_of_form,
        titled,
    ));
    drop((counts, me_roles, me_forms));

    const ROLE_SAID: usize = 0;
    const ROLE_MENTIONED: usize = 1;
    #[derive(Default)]
    struct Acc<'a> {
        kind: Option<Kind>,
        statements: u32,
        named: u32,
        resolved: u32,
        docs: u32,
        last_doc: Option<u32>,
        first: Option<PubDate>,
        last: Option<PubDate>,
        /// Titles seen with statements, then with mentions (shown when no statement has
        /// one); made at the first, as most names have none: two empty maps took 48 bytes
        /// of every name counted.
        roles: Option<Box<[BTreeMap<&'a str, u32>; 2]>>,
        /// Form ids, each once: a vector, as most names have one or two (a set took a
        /// tree node of about 64 bytes a name; 147,000 names on the 4x corpus).
        variants: Vec<u32>,
        mentions: u32,
        mention_docs: u32,
        last_mention_doc: Option<u32>,
    }
    impl<'a> Acc<'a> {
        /// Counts `n` uses of `role`, with a statement (`ROLE_SAID`) or a mention.
        fn add_role(&mut self, with: usize, role: &'a str, n: u32) {
            let roles = self.roles.get_or_insert_with(Default::default);
            *roles[with].entry(role).or_default() += n;
        }

        /// The role most often seen with statements, or else with mentions.
        fn role(&self) -> Option<&'a str> {
            let roles = self.roles.as_deref()?;
            let top = |with: usize| most(roles[with].iter().map(|(&r, &n)| (r, n)));
            top(ROLE_SAID).or_else(|| top(ROLE_MENTIONED))
        }

        fn add_variant(&mut self, form: u32) {
            if !self.variants.contains(&form) {
                self.variants.push(form);
            }
        }
    }
    // In document order, so the first kind seen is the same whatever the thread count.
    let mut acc: AHashMap<u32, Acc<'_>> = AHashMap::new();
    let mut quotes = Quotes::default();
    // A speaker's name is added once, at their first quote.
    let mut shared: Vec<Option<u32>> = vec![None; names.forms.len()];
    for (doc, d) in each_doc(docs).enumerate() {
        let (st_names, forms) = (st_cuts.get(&resolved_st, doc), st_cuts.get(&st_forms, doc));
        // Documents are counted in u32 throughout (document frequencies).
        let di = doc as u32;
        quotes.document(d.doc_id, d.date, d.statements, d.texts);
        let st = d.statements.iter().zip(st_names).zip(forms);
        for (i, ((st, &(name, kind)), &form)) in st.enumerate() {
            let a = acc.entry(name).or_default();
            a.kind.get_or_insert(kind);
            a.statements += 1;
            if st.how.is_resolved() {
                a.resolved += 1;
            } else {
                a.named += 1;
                a.add_variant(form);
            }
            if a.last_doc != Some(di) {
                a.last_doc = Some(di);
                a.docs += 1;
            }
            if let Some(date) = d.date {
                a.first = Some(a.first.map_or(date, |f| f.min(date)));
                a.last = Some(a.last.map_or(date, |l| l.max(date)));
            }
            if is_valid_role(st.role()) {
                a.add_role(ROLE_SAID, st.role(), 1);
            }
            let speaker = *shared[name as usize]
                .get_or_insert_with(|| quotes.name(&names.forms[name as usize]));
            quotes.push(i, speaker);
        }
        for p in people_cuts.get(&people, doc) {
            let a = acc.entry(p.person).or_default();
            a.kind.get_or_insert(Kind::Person);
            a.mentions += p.named.count_titled.count();
            if a.last_mention_doc != Some(di) {
                a.last_mention_doc = Some(di);
                a.mention_docs += 1;
            }
            a.add_variant(p.form);
            let role = roles[p.named.role as usize].as_str();
            if is_valid_role(role) {
                a.add_role(ROLE_MENTIONED, role, p.named.count_titled.count());
            }
        }
    }

    // Every statement and mention counted: what only the counting read goes before the
    // tables' rows are made (held to the end, they made it the merge's peak: 270 MB of these on 16x).
    drop((st_forms, resolved_st));
    let name = |id: u32| names.forms[id as usize].to_string();
    let mut speakers: Vec<Speaker> = acc
        .iter()
        .filter(|(_, a)| a.statements > 0)
        .map(|(&id, a)| {
            let mut variants: Vec<String> = a.variants.iter().map(|&v| name(v)).collect();
            variants.sort_unstable();
            Speaker {
                name: name(id),
                // A person's title; an organisation has none ("chief of the Finance"
                // Ministry is a fragment of someone else's).
                role: a
                    .role()
                    .filter(|_| a.kind == Some(Kind::Person))
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
    // What the tables' rows were made from goes before the documents' lists are made.
    drop(acc);
    let row: AHashMap<&str, u32> = (mentions.iter().enumerate())
        .map(|(i, m)| (m.person.as_str(), i as u32))
        .collect();
    let people_by_doc = (0..docs.len())
        .map(|i| {
            let mut people: Vec<u32> = (people_cuts.get(&people, i).iter())
                .filter_map(|p| row.get(&names.forms[p.person as usize]).copied())
                .collect();
            people.sort_unstable();
            people.dedup();
            people
        })
        .collect();
    quotes.finish();
    Speakers {
        speakers,
        quotes,
        mentions,
        people_by_doc,
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
