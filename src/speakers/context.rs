//! What a document has said so far about who is who: the people named, the organisations
//! that spoke, the person in focus. Stage 2 of attribution ([`super::resolve`]) asks it who
//! a pronoun or a description stands for. No I/O, never fails.

use std::sync::LazyLock;

use ahash::AHashMap;

use super::names::Found;
use super::words::{self, List, lower};

/// A person the document has named so far, for pronouns and descriptions.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub role: String,
    pub female: Option<bool>,
    /// Has made a statement in the document.
    pub spoke: bool,
    /// Described but never named ("an Egyptian official"): an anonymous source.
    pub anonymous: bool,
}

/// The antecedents of pronouns and descriptions, as the document goes.
#[derive(Default)]
pub struct Context {
    /// People named so far, least recent first. Each name is there once.
    pub persons: Vec<Person>,
    /// Index of each person by name, and of the latest person by surname (last word): the
    /// context is asked about every name of the document.
    pub by_name: AHashMap<String, usize>,
    by_surname: AHashMap<String, usize>,
    /// Organisations that spoke so far, least recent first.
    pub orgs: Vec<String>,
    /// The person the previous sentences were about: the speaker of the last sentence with a
    /// statement, or the first person named in a later sentence.
    pub focus: Option<usize>,
    /// The first person named in the last sentence that sent or wrote something: the
    /// writer of "the message" that follows.
    pub sender: Option<usize>,
    /// The organisation whose spokesman (one person, unnamed) made the last statement: "a
    /// Goldstar spokesman told reporters. He told reporters ..." is Goldstar's spokesman
    /// again: (organisation, the spokesman's word). Cleared when a person speaks.
    pub spokesman_of: Option<(String, String)>,
}

impl Context {
    /// Notes someone described but not named ("an Egyptian official said"): a new person,
    /// known by the description, whom "the official" and "he" may take up.
    pub fn note_anonymous(&mut self, description: String) -> usize {
        let i = self.persons.len();
        self.by_name.insert(description.clone(), i);
        self.persons.push(Person {
            role: description.clone(),
            name: description,
            female: None,
            spoke: false,
            anonymous: true,
        });
        i
    }

    /// The known person a name refers to: a lone surname refers to the full name seen before.
    pub fn find(&self, name: &str) -> Option<usize> {
        if let Some(&i) = self.by_name.get(name) {
            return Some(i);
        }
        // A surname with its particles ("Le Pen") is a lone surname too.
        let (before, last) = name.rsplit_once(' ').unwrap_or(("", name));
        if before
            .split(' ')
            .all(|w| w.is_empty() || words::is(List::Particle, w))
        {
            return self.by_surname.get(last).copied();
        }
        None
    }

    /// Notes a person named; returns its index. A lone word with no title is noted only when
    /// it is the surname of someone named before (else it may be a place), and an untitled
    /// name only when the lexicon does not make it a place or an organisation.
    pub fn note(&mut self, f: &Found) -> Option<usize> {
        let i = match self.find(&f.name) {
            Some(i) => i,
            // A place or an institution named in full ("South Korea") is no one a later "he"
            // can refer to; only the whole name is asked ("Lib Dems David Laws" is Laws).
            // One word with a title needs a person's title: "oil giant Yukos" is no one a
            // later "she" can be (a speaker noted as such has no title here).
            // Nor is a portfolio after "for" or "of" ("Minister for Reintegration", "Minister
            // for Reintegration of the Temporarily Occupied Territories").
            None if !is_portfolio(f)
                && ((f.titled
                    && (f.name.contains(' ')
                        || f.female.is_some()
                        || f.role.is_empty()
                        || crate::speakers::names::has_person_title(&f.role)))
                    || (f.name.contains(' ')
                        && !crate::speakers::evidence::is_listed_place_or_body(&f.name))) =>
            {
                let i = self.persons.len();
                self.by_name.insert(f.name.clone(), i);
                let surname = f.name.rsplit(' ').next().unwrap_or(&f.name);
                self.by_surname.insert(surname.to_string(), i);
                self.persons.push(Person {
                    name: f.name.clone(),
                    role: String::new(),
                    female: None,
                    spoke: false,
                    anonymous: false,
                });
                self.persons.len() - 1
            }
            None => return None,
        };
        let p = &mut self.persons[i];
        if f.role.len() > p.role.len() {
            p.role = f.role.clone();
        }
        if f.female.is_some() {
            p.female = f.female;
        }
        Some(i)
    }

    /// Whether the person `name` refers to (if any) is of unknown sex: no honorific told.
    pub fn sex_unknown(&self, name: &str) -> bool {
        self.find(name)
            .is_none_or(|i| self.persons[i].female.is_none())
    }

    fn fits_gender(&self, i: usize, pronoun: &str) -> bool {
        match self.persons[i].female {
            Some(female) => female == (pronoun == "she"),
            None => true,
        }
    }

    /// "he" or "she": the first person named earlier in the same sentence, else the focus,
    /// else the last person named; never one known to be of the other sex.
    pub fn resolve_pronoun(&self, pronoun: &str, earlier: &[usize]) -> Option<usize> {
        let ok = |i: &usize| self.fits_gender(*i, pronoun);
        earlier
            .iter()
            .copied()
            .find(ok)
            .or(self.focus.filter(ok))
            .or_else(|| (0..self.persons.len()).rev().find(ok))
    }

    /// The person a description fits best: one whose title has the description's noun
    /// (more shared words fit better), then one whose title is unknown; the most recent
    /// wins a tie. Someone known by another title is a last resort.
    /// People who have spoken come first: a description in news takes up a speaker; one only
    /// mentioned is taken when no speaker fits.
    pub fn resolve_description(&self, d: &Desc) -> Option<usize> {
        let best = |spoke: bool| {
            let mut best: Option<(usize, usize)> = None;
            for (i, p) in self.persons.iter().enumerate().rev() {
                if p.spoke != spoke {
                    continue;
                }
                let f = fit(d, &p.role);
                if f > 0 && best.is_none_or(|b| f > b.0) {
                    best = Some((f, i));
                }
            }
            best
        };
        let last_speaker = || self.persons.iter().rposition(|p| p.spoke);
        match (best(true), best(false)) {
            (Some(a), Some(b)) if b.0 > a.0 && b.0 >= 3 => Some(b.1),
            (Some(a), _) => Some(a.1),
            (None, Some(b)) => Some(b.1),
            (None, None) => last_speaker().or(self.focus),
        }
    }

    /// "the company", "a spokesman": the last organisation that spoke whose name has the
    /// noun, else (for a company or a spokesman) the last organisation that spoke.
    pub fn resolve_org(&self, noun: &str) -> Option<&String> {
        let named = self
            .orgs
            .iter()
            .rev()
            .find(|o| o.to_lowercase().contains(noun));
        let any = matches!(
            noun,
            "company"
                | "firm"
                | "agency"
                | "group"
                | "corporation"
                | "business"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
        );
        named.or_else(|| {
            any.then(|| {
                self.orgs
                    .iter()
                    .rev()
                    .find(|o| !words::is(List::Country, o))
            })
            .flatten()
        })
    }
}

/// A name that ends a title after "for" or "of" ("Minister for Reintegration"), with no given
/// name in it ("Prime Minister of the Netherlands Mark Rutte" has one): part of the title.
fn is_portfolio(f: &Found) -> bool {
    use crate::lexicon::gazetteer::{is_ambiguous_given_name, is_given_name};
    let role = f.role.strip_suffix(" the").unwrap_or(&f.role);
    (role.ends_with(" for") || role.ends_with(" of"))
        && !f
            .name
            .split(' ')
            .any(|w| is_given_name(w) || is_ambiguous_given_name(w))
}

/// A description of a person: its head noun ("head" in "the Head of the Republic") and all
/// its words, lower case, without "'s".
#[derive(Debug, Clone)]
pub struct Desc {
    pub noun: String,
    pub words: Vec<String>,
    /// Opened by "a" or "an": someone not named ("a spokesman said"), never a person named
    /// later.
    pub indefinite: bool,
}

impl Desc {
    pub fn new(words: &[&str]) -> Self {
        let words: Vec<String> = words
            .iter()
            .map(|w| {
                let w = lower(w);
                words::without_possessive(&w).map_or(w.clone(), str::to_string)
            })
            .collect();
        // The head noun comes before "of" or "to" ("the Adviser to the Head of ...").
        let head_end = words
            .iter()
            .position(|w| w == "of" || w == "to")
            .unwrap_or(words.len());
        let mut noun = words[..head_end].last().cloned().unwrap_or_default();
        let rest = words.get(head_end + 1..).unwrap_or(&[]);
        if noun == "head" && rest == ["state"] {
            noun = "president".into(); // "the Head of State"
        } else if noun == "head" && rest == ["government"] {
            noun = "minister".into(); // "the head of government"
        }
        Self {
            noun,
            words,
            indefinite: false,
        }
    }
}

/// The rank words of titles ("deputy", "acting"), in the order of their file.
static RANK_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words::entries_of(List::RankWord).collect());

/// How well a description fits a person's title: 0 if the title is known and lacks the
/// noun, 1 if the title is unknown, 2 and more if it has the noun (plus one for every other
/// word they share, less one for every rank word of the title the description lacks:
/// "the head of the Office" is not its "Deputy Head").
pub fn fit(d: &Desc, role: &str) -> usize {
    if role.is_empty() {
        return 1;
    }
    let r = role.to_lowercase();
    let noun = d.noun.as_str();
    let noun_fits = r.contains(noun)
        || (noun == "diplomat" && (r.contains("foreign") || r.contains("ambassador")))
        || (noun == "state" && r.contains("president"))
        || (noun == "leader" && (r.contains("president") || r.contains("prime")));
    if !noun_fits {
        return 0;
    }
    let shared = d
        .words
        .iter()
        .filter(|w| !matches!(w.as_str(), "the" | "of" | "to" | "and") && w.as_str() != noun)
        .filter(|w| {
            // Whole words, or the start of one ("president" in "Presidential Office"), but
            // not its plural ("state" is not "United States").
            r.split_whitespace()
                .any(|x| x.starts_with(w.as_str()) && x.strip_suffix('s') != Some(w.as_str()))
        })
        .count();
    let missing = RANK_WORDS
        .iter()
        .filter(|w| r.contains(*w) && !d.words.iter().any(|x| x == *w) && **w != noun)
        .count();
    (2 + shared).saturating_sub(missing).max(1)
}
