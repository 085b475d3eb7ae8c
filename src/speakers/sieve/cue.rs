//! The cue the verb sieves read: a reporting verb in a sentence ("said", "expressed hope",
//! "according to"), with what stands right before it. Verbs that report words only in some
//! contexts are checked here ("reported that ...", not "reported revenues of $69m").
//! No I/O, never fails.

use std::cell::OnceCell;

use crate::speakers::sentence::Sentence;
use crate::speakers::words::{
    self, List, in_list, is_capitalised, is_name_word, is_party_tag, lower,
};

/// A reporting verb at token `v`.
pub struct Cue<'a> {
    pub v: usize,
    /// The verb as written, lower case, with its second word ("expressed hope").
    pub verb: String,
    /// "noting", "saying": speaks for the subject of the sentence.
    pub participle: bool,
    before: OnceCell<Option<Before<'a>>>,
    sentence: &'a Sentence<'a>,
}

/// The word right before a verb, past auxiliaries and adverbs ("has repeatedly", "earlier")
/// and a title after a name ("Tom McCabe MSP said").
pub struct Before<'a> {
    /// Index of the token after the word (the verb, or the first word skipped).
    pub i: usize,
    /// The text between the word and token `i`.
    pub gap: &'a str,
    /// The word.
    pub prev: &'a str,
    /// Nothing but a space or one punctuation mark (no comma, quote or bracket) between
    /// the word and the verb: a subject, a pronoun or a description may stand there.
    pub adjacent: bool,
}

impl<'a> Cue<'a> {
    /// The reporting verb at token `v` of `s`, if it is one (see [`verb_at`]).
    pub fn at(s: &'a Sentence<'a>, v: usize) -> Option<Self> {
        let verb = verb_at(s, v)?;
        Some(Self {
            v,
            participle: verb.ends_with("ing"),
            verb,
            before: OnceCell::new(),
            sentence: s,
        })
    }

    /// What stands before the verb; None at the start of the sentence or right after a
    /// quotation's end ('"...," said Ivan Menezes': the speaker is after the verb).
    pub fn before(&self) -> Option<&Before<'a>> {
        self.before
            .get_or_init(|| before(self.sentence, self.v))
            .as_ref()
    }
}

fn before<'a>(s: &Sentence<'a>, v: usize) -> Option<Before<'a>> {
    let mut i = v;
    // Skip auxiliaries and adverbs ("has repeatedly", "earlier"), up to three.
    let mut skipped = 0;
    while i > 0
        && skipped < 3
        && (s.is_in(i - 1, List::Between)
            || (s.is_in(i - 1, List::Postnominal)
                && is_capitalised(s.word(i - 1))
                // "Tom McCabe MSP said", not "The MEP said".
                && i >= 2
                && is_name_word(s.word(i - 2))))
        && s.joined(i)
    {
        if s.word(i - 1).eq_ignore_ascii_case("it") {
            break; // "it" is a speaker ("It said"), not an adverb
        }
        i -= 1;
        skipped += 1;
    }
    // "Dell on Tuesday said", "nigel farage last night said": a time of two words between
    // the subject and its verb.
    if i >= 3 && s.joined(i) && s.joined(i - 1) && s.joined(i - 2) && is_time_pair(s, i - 2) {
        i -= 2;
    }
    if i == 0 {
        return None;
    }
    // "Sen. John F. Kerry (D-Mass.) said", "Rep. Jim McDermott, D-Wash., said": the party
    // and state tag stands between the name and the verb.
    let tag = party_tag_before(s, i).or_else(|| ticker_before(s, i));
    if let Some(k) = tag {
        i = k;
    }
    let gap = s.gap_before(i);
    if gap.contains(['"', '\u{201D}']) {
        return None;
    }
    let adjacent = tag.is_some()
        || (!gap.contains(',')
            && gap.trim().len() <= 1
            && !gap.contains(['"', '\u{201D}', '(', ')']));
    Some(Before {
        i,
        gap,
        prev: s.word(i - 1),
        adjacent,
    })
}

/// Whether tokens `k` and `k + 1` are a time of two words: "on" and a weekday written out
/// ("on Tuesday", "on tuesday"), or "last", "this" or "next" and a unit of time ("last
/// night", "this week").
fn is_time_pair(s: &Sentence<'_>, k: usize) -> bool {
    let (a, b) = (s.word(k), s.word(k + 1));
    let weekday = b.len() >= 6 && crate::meta::dates::is_weekday(b);
    (a.eq_ignore_ascii_case("on") && weekday)
        || (in_list(&["last", "this", "next"], a)
            && in_list(&["night", "week", "weekend", "month", "year", "morning"], b))
}

/// The first token of a party and state tag that ends at token `i - 1`, set off by brackets
/// or commas ("(D-Mass.)", ", D-Wash.,"), if there is one.
fn party_tag_before(s: &Sentence<'_>, i: usize) -> Option<usize> {
    let closed = s.gap_before(i).trim_start_matches('.').trim();
    if !(closed.starts_with(')') || closed.starts_with(',')) || i < 2 {
        return None;
    }
    let k = if is_party_tag(s.word(i - 1)) {
        i - 1
    } else if i >= 3 && s.gap_before(i - 1) == "-" && s.is(i - 2, &["d", "r", "i"]) {
        i - 2
    } else {
        return None;
    };
    let open = s.gap_before(k).trim();
    (k > 0 && (open == "(" || open == ",")).then_some(k)
}

/// The first token of a stock ticker in angle brackets that ends at token `i - 1` ("Fiat Spa
/// <FIAT.MI> said", "General Motors Corp <GM> said"), when a name stands before it: capitals
/// and digits joined by dots or hyphens, at most four tokens.
fn ticker_before(s: &Sentence<'_>, i: usize) -> Option<usize> {
    // "Ford Motor Co <F>, said": after a comma the name before the ticker is an appositive's.
    if s.gap_before(i).trim() != ">" {
        return None;
    }
    let mut k = i;
    while k > 1 && i - k < 4 {
        k -= 1;
        let w = s.word(k);
        if !w
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return None;
        }
        match s.gap_before(k) {
            "." | "-" => continue,
            g if g.trim() == "<" => return Some(k),
            _ => return None,
        }
    }
    None
}

/// Whether token `v` may be a reporting verb: cheap tests first, most words fail them.
#[inline]
pub fn may_be_at(s: &Sentence<'_>, v: usize) -> bool {
    let raw = s.word(v);
    words::may_be_verb(raw) && (words::is(List::Verb, raw) || raw.eq_ignore_ascii_case("according"))
}

/// The reporting verb at token `v` as written, lower case, with the second word it needs
/// ("according to", "expressed hope", "went on"); None if the word is no reporting verb here.
pub fn verb_at(s: &Sentence<'_>, v: usize) -> Option<String> {
    if !may_be_at(s, v) {
        return None;
    }
    let w = lower(s.word(v));
    if w == "according" {
        s.is(v + 1, &["to"]).then(|| "according to".to_string())
    } else {
        verb_phrase(&w, s, v)
    }
}

/// Whether "that" follows the verb at `v`, right after it or after words of time.
fn that_follows(s: &Sentence<'_>, v: usize) -> bool {
    let mut k = v + 1;
    while k < s.len() && k <= v + 4 && s.joined(k) {
        if s.is(k, &["that"]) {
            return true;
        }
        if !s.is_in(k, List::TimeWord) && !crate::meta::dates::is_weekday(s.word(k)) {
            return false;
        }
        k += 1;
    }
    false
}

/// Second words the multi-word verbs need ("expressed hope", "went on", "pointed out"), for
/// the verb `verb` (lower case) at `v`.
fn verb_phrase(verb: &str, s: &Sentence<'_>, v: usize) -> Option<String> {
    let next = s.tokens.get(v + 1).map(|t| t.text.to_lowercase());
    match verb {
        "pointed" => (next.as_deref() == Some("out")).then(|| "pointed out".into()),
        "expressed" => matches!(next.as_deref(), Some("hope" | "confidence" | "concern"))
            .then(|| format!("expressed {}", next.unwrap_or_default())),
        "went" => (next.as_deref() == Some("on")).then(|| "went on".into()),
        "summed" => (next.as_deref() == Some("up")).then(|| "summed up".into()),
        // "reported that ..." reports words; "reported revenues of $69m" reports figures.
        // "revealed earlier this week that ..." too.
        "reported" | "revealed" => (that_follows(s, v)
            // "Andrei Chibis reported to the President on the results".
            || (verb == "reported" && next.as_deref() == Some("to")))
        .then(|| verb.into()),
        // "called on Congress", "called the plan a failure"; not "a man called John".
        "called" | "calls" => matches!(
            next.as_deref(),
            Some("on" | "for" | "the" | "it" | "this" | "him" | "her" | "them")
        )
        .then(|| match next.as_deref() {
            Some(p @ ("on" | "for")) => format!("{verb} {p}"),
            _ => verb.into(),
        }),
        // "suggested that ..." reports words; "suggested Putin holding a meeting" is an act.
        "suggested" | "believes" => (next.as_deref() == Some("that")).then(|| verb.into()),
        // "considers positive the fact", not "considers allowing cameras" (a plan).
        "considers" => (!next.as_deref().is_some_and(|n| n.ends_with("ing"))).then(|| verb.into()),
        // "promised an upper limit"; not "promised them £8bn" (a gift).
        "promised" | "promises" | "pledged" | "pledges" => (!next.as_deref().is_some_and(|n| {
            matches!(n, "them" | "him" | "her" | "us" | "me" | "you")
                || n.starts_with(|c: char| c.is_ascii_digit() || c == '£' || c == '$')
        }))
        .then(|| verb.into()),
        _ => Some(verb.into()),
    }
}

#[cfg(test)]
mod tests {
    use crate::speakers::testing::check;

    #[test]
    fn verbs_that_need_their_context() {
        check(
            "Mr Knapman said he was glad. However, he did say the host had been useful.",
            &[
                ("Knapman", "", "named", "said"),
                ("Knapman", "", "pronoun", "say"),
            ],
        );
        check(
            "The Pentagon revealed earlier this week that it would examine the deals. Acme \
             reported revenues of $69m.",
            &[("Pentagon", "", "named", "revealed")],
        );
        check(
            "Volodymyr Zelenskyy considers positive the fact of the talks. The lord chancellor \
             also considers allowing cameras.",
            &[("Volodymyr Zelenskyy", "", "named", "considers")],
        );
        check(
            "The Tories have promised an upper limit. Mr McCabe has promised them £8bn.",
            &[("Tories", "", "named", "promised")],
        );
    }
}
