//! The merge's names: every name the corpus writes interned once, with its merged form
//! (aliases, spacing, double surnames written without their first name) and its keys.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use ahash::{AHashMap, AHashSet};
use hashbrown::HashTable;
use rayon::prelude::*;

use super::{Documents, Key, clean, middle, most, split};
use crate::packed::Strings;
use crate::speakers::attribute::How;
use crate::speakers::mentions::Kept;
use crate::speakers::statements::Statements;

use crate::speakers::evidence::not_a_person;
use crate::speakers::words::{self, List, is_starter, without_possessive};

/// "Ortiz Mena" is "Antonio Ortiz Mena", "Parker Bowles" "Camilla Parker Bowles" when the
/// corpus writes that full name (a given name and two capitalised words, no body's name) and
/// no other full name ends with the same two words: a double surname without its first
/// name. Not when the first of the two is a given name itself: "David Cameron" is no part of
/// "Harry David Cameron" (lower-case text runs names together), and so "Duncan Smith" stays
/// apart from "Iain Duncan Smith".
pub(super) fn double_surnames(names: Vec<Cow<'_, str>>) -> Vec<Cow<'_, str>> {
    use crate::lexicon::gazetteer::{is_ambiguous_given_name, is_given_name};
    let mut longer: AHashMap<String, Option<usize>> = AHashMap::new();
    for (i, n) in names.iter().enumerate() {
        let words: Vec<&str> = n.split_whitespace().collect();
        if let [first, middle, last] = words[..]
            && is_given_name(first)
            && !is_ambiguous_given_name(first)
            && !is_given_name(middle)
            && !is_ambiguous_given_name(middle)
            && middle.chars().filter(|c| c.is_alphabetic()).count() > 2
            && words::is_capitalised(middle)
            && words::is_capitalised(last)
            && !not_a_person(n)
        {
            let key = format!("{middle} {last}").to_lowercase();
            let entry = longer.entry(key).or_insert(Some(i));
            if entry.is_some_and(|j| names[j] != *n) {
                *entry = None;
            }
        }
    }
    let to: Vec<Option<usize>> = names
        .iter()
        .map(|n| {
            (n.split_whitespace().count() == 2)
                .then(|| longer.get(&n.to_lowercase()).copied().flatten())
                .flatten()
        })
        .collect();
    let mut names = names;
    for (i, j) in to.into_iter().enumerate() {
        if let Some(j) = j {
            names[i] = names[j].clone();
        }
    }
    names
}

/// Strings, each once, numbered as they come (or in sorted order, once [`Interned::sort`]
/// has run): one buffer of them, with a table of their numbers found by the hash of the
/// string they stand for (4 bytes a string, where a map keyed by the strings took 24, and
/// the set that gathered them 16 more). The merge's names as written (the mentions they are
/// read from wait on disk) and its merged forms.
#[derive(Default)]
pub(super) struct Interned {
    list: Strings,
    table: HashTable<u32>,
    hasher: ahash::RandomState,
}

impl Interned {
    /// The number of `name`, added at the end if it is new.
    fn add(&mut self, name: &str) -> u32 {
        let Interned {
            list,
            table,
            hasher,
        } = self;
        let hash = hasher.hash_one(name);
        match table.find(hash, |&i| &list[i as usize] == name) {
            Some(&i) => i,
            None => {
                let i = list.push(name);
                table.insert_unique(hash, i, |&i| hasher.hash_one(&list[i as usize]));
                i
            }
        }
    }

    /// Numbers the names in sorted order.
    fn sort(&mut self) {
        let mut order: Vec<u32> = (0..self.list.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.list[a as usize].cmp(&self.list[b as usize]));
        let mut sorted = Strings::default();
        for i in order {
            sorted.push(&self.list[i as usize]);
        }
        let Interned {
            list,
            table,
            hasher,
        } = self;
        *list = sorted;
        table.clear();
        for (i, name) in list.iter().enumerate() {
            table.insert_unique(hasher.hash_one(name), i as u32, |&j| {
                hasher.hash_one(&list[j as usize])
            });
        }
    }

    /// The number of `name`, if it was added.
    pub(super) fn get(&self, name: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(name);
        (self.table.find(hash, |&i| &self.list[i as usize] == name)).copied()
    }

    /// The strings alone, by number.
    fn into_list(self) -> Strings {
        self.list
    }
}

/// Every name the corpus writes, each worked out once: the names are few, their uses many
/// (a whole run has millions of mentions and some tens of thousands of distinct names).
pub(super) struct Names {
    /// Raw form as written -> its id.
    pub(super) raw: Interned,
    /// Per raw id: the id of its merged form (aliases, spacing) in `forms`.
    pub(super) form_of: Vec<u32>,
    /// Merged forms; ids are in no particular order, every tie-break compares the strings.
    pub(super) forms: Strings,
    /// Per form: first-name key id (None for a lone surname) and surname key id.
    pub(super) parts: Vec<(Option<u32>, u32)>,
}

impl Names {
    pub(super) fn form(&self, raw: &str) -> u32 {
        // Every raw name was interned in `Names::build`.
        self.raw.get(raw).map_or(0, |r| self.form_of[r as usize])
    }

    /// The merged forms alone, once every name as written has its form id: they borrow
    /// nothing, so the mentions they were read from can go.
    pub(super) fn into_forms(self) -> Forms {
        Forms {
            forms: self.forms,
            parts: self.parts,
        }
    }
}

/// [`Names`] without the names as written: the merged forms and their keys.
pub(super) struct Forms {
    pub(super) forms: Strings,
    pub(super) parts: Vec<(Option<u32>, u32)>,
}

impl Forms {
    pub(super) fn full_key(&self, form: u32) -> Option<Key> {
        let (first, surname) = self.parts[form as usize];
        first.map(|f| (surname, f))
    }
}

/// Interns every name of the corpus and works out each one's merged form once.
pub(super) fn intern(
    docs: &dyn Documents<'_>,
    mentions: &[Kept],
    aliases: &HashMap<String, String>,
) -> Names {
    // One table, filled in turn: tables filled side by side each grow towards every
    // distinct name, and held 200 MB at once on the 4x corpus where this one holds about 20.
    let mut raw = Interned::default();
    for (d, mentions) in super::each_doc(docs).zip(mentions) {
        let statements: &Statements = d.statements;
        for s in statements.iter() {
            raw.add(s.speaker());
        }
        for m in mentions.get().iter() {
            raw.add(m.name);
        }
    }
    raw.sort();
    let list = &raw.list;

    // A name in 's that is a verb's subject with no title ("Wendy's said") keeps its 's,
    // unless the corpus names the same without it: "Obama's said" is "Obama has said".
    let own_s: AHashSet<&str> = super::each_doc(docs)
        .flat_map(|d| d.statements)
        .filter(|st| st.rule() == "subject" && st.how == How::Named && st.role().is_empty())
        .map(|st| st.speaker())
        .filter(|n| {
            without_possessive(n).is_some_and(|bare| {
                raw.get(bare).is_none() && !words::is(List::Pronoun, bare) && !is_starter(bare)
            })
        })
        .collect();
    // Most names are their own given form: borrowed, not copied (millions of names on a
    // large corpus).
    let given_of: Vec<Cow<'_, str>> = (list.par_iter())
        .map(|name| {
            let c = clean(name, own_s.contains(name));
            match aliases.get(&c.to_lowercase()) {
                Some(alias) => Cow::Owned(alias.clone()),
                None => Cow::Borrowed(c),
            }
        })
        .collect();
    let given_of = double_surnames(given_of);
    // Names that differ only in spaces ("TimeWarner", "Time Warner") are one: the form
    // written most often by the named statements stands for all.
    let squash = |n: &str| -> String { n.split_whitespace().collect::<String>().to_lowercase() };
    let mut counts: AHashMap<u32, u32> = AHashMap::new();
    for st in super::each_doc(docs).flat_map(|d| d.statements) {
        if !st.how.is_resolved()
            && let Some(r) = raw.get(st.speaker())
        {
            *counts.entry(r).or_default() += 1;
        }
    }
    let mut written: BTreeMap<String, BTreeMap<&str, u32>> = BTreeMap::new();
    for (&r, &n) in &counts {
        let g = &*given_of[r as usize];
        *written.entry(squash(g)).or_default().entry(g).or_default() += n;
    }
    let written: AHashMap<String, String> = written
        .into_iter()
        .filter(|(_, f)| f.len() > 1)
        .filter_map(|(k, f)| most(f).map(|n| (k, n.to_string())))
        .collect();
    // Each name's merged form, a block of names at a time: a vector of them all beside the
    // map of forms held 170 MB at once on 16x.
    /// Names whose merged forms are looked up side by side before they are interned in turn.
    const FORMS_AT_ONCE: usize = 1 << 16;
    let mut forms = Interned::default();
    let mut form_of = Vec::with_capacity(given_of.len());
    for block in given_of.chunks(FORMS_AT_ONCE) {
        let merged: Vec<&str> = (block.par_iter())
            .map(|g| match written.get(&squash(g)) {
                Some(w) => w.as_str(),
                None => g,
            })
            .collect();
        form_of.extend(merged.into_iter().map(|m| forms.add(m)));
    }
    let forms = forms.into_list();
    // Surname and first-name keys share one numbering.
    let mut keys: AHashMap<String, u32> = AHashMap::new();
    let mut id = |k: String| {
        let n = keys.len() as u32;
        *keys.entry(k).or_insert(n)
    };
    // Middle initials tell people apart ("George H.W. Bush", "George W. Bush"); a name
    // written without them is the one person with them, if the corpus has only one ("Ben
    // Bernanke" is "Ben S. Bernanke"), else a person of its own ("George Bush").
    // Names with middle initials are few: only theirs are split twice; holding every
    // form's split parts at once took 40 MB more on the 4x corpus.
    // First name -> surname -> the middle initials written with them.
    let mut middles: AHashMap<String, AHashMap<String, BTreeSet<String>>> = AHashMap::new();
    for f in forms.iter() {
        let mid = middle(f);
        if !mid.is_empty()
            && let (Some(first), surname) = split(f)
        {
            (middles.entry(first).or_default())
                .entry(surname)
                .or_default()
                .insert(mid);
        }
    }
    let parts = forms
        .iter()
        .map(|f| {
            let ((first, surname), mid) = (split(f), middle(f));
            let first = first.map(|f| {
                let written = middles
                    .get(f.as_str())
                    .and_then(|s| s.get(surname.as_str()));
                let mid = match written {
                    _ if !mid.is_empty() => mid.as_str(),
                    Some(m) if m.len() == 1 => m.first().map_or("", String::as_str),
                    _ => "",
                };
                id(format!("{f} {mid}"))
            });
            (first, id(surname))
        })
        .collect();
    Names {
        raw,
        form_of,
        forms,
        parts,
    }
}
