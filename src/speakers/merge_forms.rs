//! Name forms the merge reads as one before interning: double surnames written without
//! their first name.

use ahash::AHashMap;

use crate::speakers::evidence::not_a_person;
use crate::speakers::words;

/// "Ortiz Mena" is "Antonio Ortiz Mena", "Parker Bowles" "Camilla Parker Bowles" when the
/// corpus writes that full name (a given name and two capitalised words, no body's name) and
/// no other full name ends with the same two words: a double surname without its first
/// name. Not when the first of the two is a given name itself: "David Cameron" is no part of
/// "Harry David Cameron" (lower-case text runs names together), and so "Duncan Smith" stays
/// apart from "Iain Duncan Smith".
pub(super) fn double_surnames(names: Vec<String>) -> Vec<String> {
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
