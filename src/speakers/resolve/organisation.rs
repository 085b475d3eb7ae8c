//! Organisations: one described ("the ministry", "the company") takes up an organisation
//! that spoke, or one named earlier with the noun in its name ("the Bank" after "the Bank of
//! England"), else it has no speaker we can name; an acronym after "the" ("The EU said") is
//! the name itself. After the sieves, a bare common noun read as a name ("the Bank said")
//! gets the same treatment ([`bare_nouns`]), and a short name takes the long form the
//! document writes ([`long_forms`]: "the Fed" is the Federal Reserve).

use super::{Resolved, Scene, resolved_as};
use crate::speakers::context::Context;
use crate::speakers::names::Found;
use crate::speakers::words::{self, List, is_capitalised, is_role_word, lower};
use crate::speakers::{How, Kind, Statement};
use crate::text::tokenize::Token;

/// An organisation described: the noun, and the words as written.
pub fn described(
    noun: &str,
    written: String,
    how: How,
    at: &Scene<'_>,
    cx: &Context,
) -> Option<Resolved> {
    let how = resolved_as(how, How::Description);
    // "The EU said": an acronym after "the" is the name itself.
    let acronym = written.len() >= 2
        && written
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if acronym {
        // The acronym names the organisation: a named statement.
        let how = if how == How::Description {
            How::Named
        } else {
            how
        };
        return Some(Resolved::organisation(written, how));
    }
    let s = at.sentence();
    let org = cx
        .resolve_org(noun)
        .cloned()
        .or_else(|| named_org_before(s.doc, at.tokens, s.start, noun))?;
    let r = Resolved::organisation(org, how);
    // "a spokesman said": who spoke for it, for a later "he said".
    Some(if words::is(List::Spokesperson, noun) {
        r.with_role(noun.to_lowercase())
    } else {
        r
    })
}

/// A speaker "name" that is one bare common noun ("Company", "Sources", "Inc").
pub fn is_bare_noun(name: &str) -> bool {
    let name = name.trim();
    !name.contains(' ') && {
        let l = words::lists(name);
        l.has(List::BareNoun) || l.has(List::CompanySuffix)
    }
}

/// A bare noun as a name ("the Bank said", read as a name for its capital) stands for an
/// organisation named before, or for no one we can name: such statements are dropped.
pub fn bare_nouns(
    statements: &mut Vec<Statement>,
    doc: &str,
    tokens: &[Token<'_>],
    start: usize,
    cx: &Context,
) {
    statements.retain_mut(|st| {
        if !is_bare_noun(st.speaker()) {
            return true;
        }
        let noun = lower(st.speaker().trim());
        let org = cx
            .resolve_org(&noun)
            .filter(|o| !is_bare_noun(o))
            .cloned()
            .or_else(|| named_org_before(doc, tokens, start, &noun));
        match org {
            Some(o) => {
                *st = st.with_speaker(&o);
                st.kind = Kind::Organisation;
                true
            }
            None => false,
        }
    });
}

/// "the Fed", "Lib Dems": the full name the document writes ("Federal Reserve", "Liberal
/// Democrats"), for names with no title of speakers not known by an honorific.
pub fn long_forms(statements: &mut [Statement], doc: &str, cx: &Context) {
    rename_plain(statements, cx, |name| long_form(doc, name));
}

/// Renames the speakers of statements named plainly (no title, no honorific told) with
/// what `longer` gives for their name.
fn rename_plain(
    statements: &mut [Statement],
    cx: &Context,
    longer: impl Fn(&str) -> Option<String>,
) {
    for st in statements {
        let plain = st.how == How::Named || st.how == How::AccordingTo;
        if plain
            && st.role().is_empty()
            && cx.sex_unknown(st.speaker())
            && let Some(long) = longer(st.speaker())
        {
            *st = st.with_speaker(&long);
        }
    }
}

/// The latest organisation named before byte `before` whose name has `noun` as a
/// capitalised word and at least one more word: "Bank of England", "UK Independence Party"
/// for "the bank", "the party".
fn named_org_before(doc: &str, tokens: &[Token<'_>], before: usize, noun: &str) -> Option<String> {
    let end = tokens.partition_point(|t| t.start < before);
    let joined = |a: usize, b: usize| {
        let (x, y) = (&tokens[a], &tokens[b]);
        x.sentence == y.sentence
            && doc
                .get(x.start + x.text.len()..y.start)
                .is_some_and(|g| g.chars().all(|c| c == ' '))
    };
    let cap =
        |k: usize| is_capitalised(tokens[k].text) && !words::is(List::Determiner, tokens[k].text);
    // The first token of the run of joined capitalised words that ends at token `k`.
    let run_start = |k: usize| {
        let mut a = k;
        while a > 0 && joined(a - 1, a) && cap(a - 1) {
            a -= 1;
        }
        a
    };
    for k in (0..end).rev() {
        // "BANK" in a line in capitals is no name's word ("CENTRAL BANK SAYS").
        if !is_capitalised(tokens[k].text)
            || words::is_shouted(tokens[k].text)
            || !tokens[k].text.eq_ignore_ascii_case(noun)
        {
            continue;
        }
        let a = run_start(k);
        let mut b = k + 1;
        loop {
            if b < end && joined(b - 1, b) && cap(b) {
                b += 1;
            } else if b + 1 < end
                && joined(b - 1, b)
                && joined(b, b + 1)
                && words::in_list(&["of", "for"], tokens[b].text)
                && cap(b + 1)
            {
                b += 2;
            } else {
                break;
            }
        }
        if b - a >= 2 {
            let words: Vec<&str> = tokens[a..b].iter().map(|t| t.text).collect();
            return Some(words.join(" "));
        }
    }
    // "Nike Inc. posted ... The Beaverton, Ore., shoe company said": "the company" is the
    // latest company named with its legal form.
    if !matches!(noun, "company" | "firm" | "corporation") {
        return None;
    }
    (1..end).rev().find_map(|k| {
        if !(words::is(List::CompanySuffix, tokens[k].text) && joined(k - 1, k) && cap(k - 1)) {
            return None;
        }
        let words: Vec<&str> = tokens[run_start(k - 1)..=k]
            .iter()
            .map(|t| t.text)
            .collect();
        Some(words.join(" "))
    })
}

/// "Fiat" is "Fiat Spa", "Volkswagen" "Volkswagen AG" when the document writes the name
/// with a company's legal form right after it, and names no one with that surname ("Krupp"
/// after "Michael Krupp" is the man). Run once the document is read: the sieves keep the
/// name as the sentence writes it, which later descriptions ("the firm") take up.
pub fn legal_forms(statements: &mut [Statement], doc: &str, people: &[Vec<Found>], cx: &Context) {
    let surname = |name: &str| {
        people.iter().flatten().any(|p| {
            p.name
                .strip_suffix(name)
                .is_some_and(|first| first.ends_with(' '))
        })
    };
    rename_plain(statements, cx, |name| {
        (!surname(name))
            .then(|| with_legal_form(doc, name))
            .flatten()
    });
}

/// The name with the legal form the document first writes right after it, capitalised,
/// where the company's name ends ("Fiat Spa <FIAT.MI>", not "Merrill Lynch Capital
/// Markets"); never for a possessive ("Foster's"), a country or a name that opens with a
/// given name ("Michael Lipper").
fn with_legal_form(doc: &str, name: &str) -> Option<String> {
    let first = name.split(' ').next().unwrap_or(name);
    if name.len() < 2
        || !is_capitalised(name)
        || name.contains(['\'', '\u{2019}'])
        || words::is(List::Country, name)
        || crate::lexicon::gazetteer::is_given_name(first)
    {
        return None;
    }
    doc.match_indices(name).find_map(|(at, _)| {
        let before = doc[..at].chars().next_back();
        let rest = doc[at + name.len()..].strip_prefix(' ')?;
        let mut next = rest.split(|c: char| c.is_whitespace() || c == ',');
        let form = next.next()?;
        let ends = form.ends_with('.') || next.next().is_none_or(|w| !is_capitalised(w));
        (before.is_none_or(|c| !c.is_alphanumeric())
            && ends
            && is_capitalised(form)
            && crate::lexicon::gazetteer::is_company_suffix(form))
        .then(|| format!("{name} {}", form.trim_end_matches(['.', ';', ':'])))
    })
}

/// The long form the document writes of a short name: each word of `short` begins the word
/// of the long form in its place (a plural keeps its "s": "Dems" for "Democrats"), and a
/// one-word name may be the start of a longer name's first word ("Fed" for "Federal
/// Reserve"). At least three letters a word; None if there is none.
fn long_form(doc: &str, short: &str) -> Option<String> {
    let words: Vec<&str> = short.split(' ').collect();
    // A country is its own name ("Russia", not "Russian Ministry").
    if words
        .iter()
        .any(|w| w.chars().count() < 3 || !is_capitalised(w) || words::is(List::Country, w))
    {
        return None;
    }
    let begins = |long: &str, short: &str| {
        let stem = match (short.strip_suffix('s'), long.ends_with('s')) {
            (Some(stem), true) => stem,
            _ => short,
        };
        long.len() > stem.len() && long.starts_with(stem)
    };
    let word_at = |at: usize| -> &str {
        let rest = &doc[at..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        &rest[..end]
    };
    for (at, _) in doc.match_indices(words[0]) {
        let boundary = doc[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let first = word_at(at);
        if !boundary || !begins(first, words[0]) || is_role_word(first) {
            continue;
        }
        // The words of the long form, joined by single spaces, all capitalised.
        let mut long = vec![first];
        let mut pos = at + first.len();
        while long.len() < words.len().max(2) + 2 && doc[pos..].starts_with(' ') {
            let w = word_at(pos + 1);
            if !is_capitalised(w) || words::is(List::Determiner, w) {
                break;
            }
            long.push(w);
            pos += 1 + w.len();
        }
        if words.len() == 1 && long.len() >= 2 {
            return Some(long.join(" "));
        }
        if words.len() > 1
            && long.len() >= words.len()
            && words.iter().zip(&long).all(|(s, l)| begins(l, s))
        {
            return Some(long[..words.len()].join(" "));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn organisations_and_non_statements() {
        check(
            "Russia has repeatedly refuted the allegations, warning that sanctions fail.",
            &[("Russia", "", "named", "refuted")],
        );
        // An organisation described takes up one named before, else it names no one.
        check("The ministry stated that talks failed.", &[]);
        check(
            "The Russian Foreign Ministry met envoys. The ministry stated that talks failed.",
            &[("Russian Foreign Ministry", "", "description", "stated")],
        );
        check("Trump suggested Putin holding a meeting.", &[]);
        check("Bolton held negotiations with Patrushev.", &[]);
        check(
            "Peskov told reporters in Moscow.",
            &[("Peskov", "", "named", "told")],
        );
    }

    #[test]
    fn short_names_take_the_long_form_the_document_writes() {
        check(
            "The US Federal Reserve raised rates. In a statement, the Fed said that inflation \
             was contained. The Liberal Democrats met. Lib Dems say the plan fails.",
            &[
                ("Federal Reserve", "", "named", "said"),
                ("Liberal Democrats", "", "named", "say"),
            ],
        );
        // A company's legal form the document writes after the name.
        check(
            "Fiat Spa <FIAT.MI> and Volkswagen AG cut output. Fiat announced yesterday that it \
             would give workers a holiday. Last month Volkswagen said it was postponing \
             investments. Mr. Smith said nothing.",
            &[
                ("Fiat Spa", "", "named", "announced"),
                ("Volkswagen AG", "", "named", "said"),
                ("Smith", "", "named", "said"),
            ],
        );
        // A country is its own name, not "Russian Ministry".
        check(
            "The Russian Ministry met. Russia has repeatedly refuted the claims.",
            &[("Russia", "", "named", "refuted")],
        );
    }

    #[test]
    fn organisation_descriptions_need_a_named_organisation() {
        // Nothing named before: no speaker (never "company").
        check("The company said sales rose.", &[]);
        check("Sources said the deal was off.", &[]);
        // "the Bank" takes up the Bank of England named before; "The EU" is a name.
        check(
            "The Bank of England kept rates on hold. In a report, the Bank said growth slowed. \
             The EU said it would start talks.",
            &[
                ("Bank of England", "", "named", "said"),
                ("EU", "", "named", "said"),
            ],
        );
    }

    #[test]
    fn a_line_in_capitals_names_no_one() {
        // A wire headline's capitals are no names: "the central bank" takes up no
        // "CENTRAL BANK SAYS", nor "It" after it.
        check(
            "CHILEAN GDP UP 5.7 PCT IN 1986, CENTRAL BANK SAYS\n\nChile's gross domestic \
             product grew 5.7 pct in 1986, the central bank said. It said exports rose.",
            &[],
        );
        // The bank the body names is taken up as before.
        check(
            "CHILEAN GDP UP 5.7 PCT IN 1986, CENTRAL BANK SAYS\n\nThe Central Bank of Chile \
             published figures on Monday. Growth was 5.7 pct, the central bank said.",
            &[("Central Bank of Chile", "", "description", "said")],
        );
    }
}
