//! Who said it, in one document: statements attributed by reporting verbs, and people named.
//!
//! The driver of the sieve ([`super::sieve`]): sentence by sentence, on the tokens of
//! [`crate::text::tokenize`], it notes the people named, asks the sentence sieves
//! (transcript labels, writings that read), then for each reporting verb asks the verb
//! sieves in order; the first that answers gives a candidate, which [`super::resolve`]
//! turns into a speaker (a pronoun or a description to the person it stands for, marked
//! so). Each statement records the sieve that made it (`rule`). Quote marks are not needed
//! (some archives strip them): the verb decides. Names elsewhere ("Trump suggested Putin
//! holding a meeting") are mentions only. No I/O, never fails.

use super::context::Context;
pub use super::mentions::{Kept, Mention, Mentions};
use super::names::{Found, is_body, people_in};
use super::resolve::{self, Scene, organisation};
use super::sentence::{Quotes, Sentence, join_hyphenated, sentences};
use super::sieve::{self, Cue, Who, coordinated, transcript, writing};
use super::statements::Statements;
use super::words::{self, List};
use crate::packed::Packed;
use crate::text::tokenize::Token;

/// How a statement's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    Named,
    Pronoun,
    Description,
    AccordingTo,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Named => "named",
            How::Pronoun => "pronoun",
            How::Description => "description",
            How::AccordingTo => "according-to",
        }
    }

    /// Whether the speaker was inferred rather than named in the sentence.
    pub fn is_resolved(self) -> bool {
        matches!(self, How::Pronoun | How::Description)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    Organisation,
    /// An anonymous source: people in general ("analysts", "welfare experts") or one person
    /// described but never named ("an Egyptian official").
    Anonymous,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::Anonymous => "anonymous",
        }
    }
}

/// Every rule's name, in [`sieve::rule_names`]' order, listed once.
fn rule_names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| sieve::rule_names().collect())
}

/// How many rules there are ([`rule_index`] gives `u8::MAX` to a name that is none).
pub(super) fn rule_count() -> usize {
    rule_names().len()
}

/// The rule numbered `i` by [`rule_index`] ("" for none).
pub(super) fn rule_name(i: u8) -> &'static str {
    rule_names().get(usize::from(i)).copied().unwrap_or("")
}

/// The index of the rule `name` in [`rule_names`]; one that is not there reads back as "".
fn rule_index(name: &str) -> u8 {
    let i = rule_names().iter().position(|r| *r == name);
    debug_assert!(i.is_some(), "a rule not in sieve::rule_names: {name}");
    i.and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX)
}

/// One attributed statement, as attribution makes it; a document keeps its statements
/// packed ([`Statements`]).
#[derive(Clone, PartialEq, Eq)]
pub struct Statement {
    /// Sentence number in the document (0-based).
    pub sentence: u32,
    pub kind: Kind,
    pub how: How,
    /// The sieve that found the speaker: its index in [`sieve::rule_names`] (a name would
    /// take 16 bytes a statement; 2.2 million statements on the 16x corpus).
    rule: u8,
    /// The text, speaker, role and verb.
    words: Packed<4>,
}

impl Statement {
    /// `text` is the sentence as written; `speaker` the name as written in the document
    /// (for a resolved statement: the name of the person it was resolved to); `role` the
    /// title or description seen with the name ("Russian Deputy Foreign Minister"); `verb`
    /// the reporting verb as written, lower case ("said", "expressed hope").
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        sentence: u32,
        text: &str,
        speaker: &str,
        role: &str,
        kind: Kind,
        how: How,
        rule: &'static str,
        verb: &str,
    ) -> Statement {
        Statement {
            sentence,
            kind,
            how,
            rule: rule_index(rule),
            words: Packed::new([text, speaker, role, verb]),
        }
    }

    /// The name of the sieve that found the speaker ("subject", "after-verb"; see
    /// [`sieve::rule_names`]).
    pub fn rule(&self) -> &'static str {
        rule_name(self.rule)
    }

    /// The rule's number, as [`rule_name`] reads it.
    pub(super) fn rule_id(&self) -> u8 {
        self.rule
    }

    /// The sentence as written.
    pub fn text(&self) -> &str {
        self.words.get(0)
    }

    /// The speaker's name as written in the document (for a resolved statement: the name of
    /// the person it was resolved to).
    pub fn speaker(&self) -> &str {
        self.words.get(1)
    }

    /// Title or description seen with the name ("Russian Deputy Foreign Minister").
    pub fn role(&self) -> &str {
        self.words.get(2)
    }

    /// The reporting verb as written, lower case ("said", "expressed hope").
    pub fn verb(&self) -> &str {
        self.words.get(3)
    }

    /// The same statement with another text.
    pub fn with_text(&self, text: &str) -> Statement {
        self.rebuilt(text, self.speaker())
    }

    /// The same statement with another speaker.
    pub fn with_speaker(&self, speaker: &str) -> Statement {
        self.rebuilt(self.text(), speaker)
    }

    fn rebuilt(&self, text: &str, speaker: &str) -> Statement {
        let (role, verb) = (self.role(), self.verb());
        Statement::new(
            self.sentence,
            text,
            speaker,
            role,
            self.kind,
            self.how,
            self.rule(),
            verb,
        )
    }
}

impl std::fmt::Debug for Statement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Statement")
            .field("sentence", &self.sentence)
            .field("text", &self.text())
            .field("speaker", &self.speaker())
            .field("role", &self.role())
            .field("kind", &self.kind)
            .field("how", &self.how)
            .field("rule", &self.rule())
            .field("verb", &self.verb())
            .finish()
    }
}

/// What one document says about who speaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speech {
    pub statements: Statements,
    /// Where the people it names are: here, or on disk from the second pass on.
    pub mentions: Kept,
    /// The document is lower case ([`super::lower`]): its names were found by titles and
    /// known names only.
    pub lower_case: bool,
    /// Where the statements' texts are: in them, or on disk.
    pub texts: super::texts::Texts,
}

/// What the run keeps of a document's [`Speech`] to the end: its statements. The people it
/// names travel apart, from the second pass to the speakers' merge, which lets them go (a
/// place for them left in every document took 25 MB on the 16x corpus once they had gone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spoken {
    pub statements: Statements,
    /// As [`Speech::lower_case`].
    pub lower_case: bool,
    /// Where the statements' texts are: in them, or on disk.
    pub texts: super::texts::Texts,
}

impl Speech {
    /// The statements, and the people named apart.
    pub fn split(self) -> (Spoken, Kept) {
        let Speech {
            statements,
            mentions,
            lower_case,
            texts,
        } = self;
        let spoken = Spoken {
            statements,
            lower_case,
            texts,
        };
        (spoken, mentions)
    }
}

/// Splits `text` into sentences and attributes statements. A sentence that is the article's
/// `title` (a headline: "Russia urges US to ...") is not a statement.
pub fn attribute(text: &str, title: Option<&str>) -> Speech {
    attribute_tokens(text, &crate::text::tokenize::tokenize(text), title)
}

/// [`attribute`] on the tokens of `text` already made (by the analysis of the same text).
/// A lower-case document is read by [`super::lower`].
pub fn attribute_tokens<'t>(text: &'t str, tokens: &[Token<'t>], title: Option<&str>) -> Speech {
    let (draft, lower_case) = match super::lower::attribute_lower(text, tokens, title) {
        Some(draft) => (draft, true),
        None => (attribute_cased(text, tokens, title), false),
    };
    Speech {
        statements: draft.statements.into_iter().collect(),
        mentions: Kept::Here(draft.mentions),
        lower_case,
        texts: Default::default(),
    }
}

/// A document's statements and the people it names, as attribution makes them.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub statements: Vec<Statement>,
    pub mentions: Mentions,
}

/// [`attribute_tokens`] on a text that has its capitals.
pub(crate) fn attribute_cased<'t>(
    text: &'t str,
    tokens: &[Token<'t>],
    title: Option<&str>,
) -> Draft {
    let tokens = join_hyphenated(text, tokens);
    let tokens: &[Token<'t>] = &tokens;
    let sentences = sentences(text, tokens);
    let mut speech = Draft::default();
    let mut mentions = Vec::new();
    let mut cx = Context::default();
    let mut quotes = Quotes::new(text);
    // Every sentence's people first: a description may come before the name ("The finance
    // minister has urged ... Scottish Finance Minister, Tom McCabe MSP, said").
    let people: Vec<Vec<Found>> = sentences.iter().map(people_in).collect();
    for (si, s) in sentences.iter().enumerate() {
        // Furniture never speaks, and names no one: "JUST WATCHED Trump says ...".
        if s.is_furniture() {
            continue;
        }
        // A headline, or a line that is no prose (a label, a title in title case), names
        // people but makes no statement.
        let is_title =
            title.is_some_and(|t| !t.is_empty() && s.text.starts_with(t.trim())) || !s.is_prose();
        let quoted: Vec<bool> = s.tokens.iter().map(|t| quotes.inside_at(t.start)).collect();
        let label = transcript::transcript_label(s, &cx);
        // People named inside a quotation are the speaker's words, not the reporter's
        // antecedents; nor are the capitalised runs of a line in capitals ("CENTRAL BANK
        // SAYS"). People of this sentence as antecedents: (first token, index).
        let shouted = s.is_shouted();
        let noted: Vec<(usize, usize)> = people[si]
            .iter()
            .filter(|p| !quoted[p.start] && !shouted)
            .filter_map(|p| cx.note(p).map(|i| (p.start, i)))
            .collect();
        if is_title {
            continue;
        }
        mentions.extend(people[si].iter().map(|p| Mention {
            name: p.name.clone(),
            role: p.role.clone(),
            titled: p.titled,
            count: 1,
        }));
        let mut said = Said {
            si,
            s,
            statements: Vec::new(),
            subject: None,
        };
        said.sentence_sieves(label, &mut cx);
        #[allow(clippy::needless_range_loop)] // v is a position: words around it are read
        for v in 0..s.len() {
            // A verb inside a quotation is the speaker's own word, not the reporter's.
            if quoted[v] {
                continue;
            }
            let Some(cue) = Cue::at(s, v) else {
                continue;
            };
            let scene = Scene {
                sentences: &sentences,
                people: &people,
                tokens,
                si,
                v,
                noted: &noted,
                earlier: &[],
            };
            said.verb(&cue, scene, &mut cx);
        }
        let Said {
            mut statements,
            subject,
            ..
        } = said;
        organisation::bare_nouns(&mut statements, text, tokens, s.start, &cx);
        organisation::long_forms(&mut statements, text, &cx);
        after_sentence(s, &statements, &noted, subject, &mut cx);
        speech.statements.extend(statements);
    }
    organisation::legal_forms(&mut speech.statements, text, &people, &cx);
    speech.mentions = tally(mentions).into_iter().collect();
    speech
}

/// The statements of one sentence as they are made.
struct Said<'a> {
    si: usize,
    s: &'a Sentence<'a>,
    statements: Vec<Statement>,
    /// The first person who spoke in the sentence: the next sentences' focus.
    subject: Option<usize>,
}

impl Said<'_> {
    fn push(
        &mut self,
        speaker: String,
        role: String,
        kind: Kind,
        how: How,
        rule: &'static str,
        verb: String,
    ) {
        self.statements.push(Statement::new(
            self.si as u32,
            self.s.quoted(),
            &speaker,
            &role,
            kind,
            how,
            rule,
            &verb,
        ));
    }

    /// The sieves that read the whole sentence: a transcript label, a writing that reads.
    fn sentence_sieves(&mut self, label: Option<Found>, cx: &mut Context) {
        if let Some(f) = label {
            let i = cx.note(&f);
            self.subject = self.subject.or(i);
            // The title the document gave the person, when the label does not repeat it.
            let role = match i {
                Some(i) if f.role.is_empty() => cx.persons[i].role.clone(),
                _ => f.role,
            };
            let verb = "transcript".to_string();
            self.push(f.name, role, f.kind, How::Named, transcript::NAME, verb);
        }
        if let Some(verb) = writing::writing_reads(self.s)
            && let Some(i) = cx.sender.or(cx.focus)
        {
            let p = &cx.persons[i];
            let (name, role) = (p.name.clone(), p.role.clone());
            self.subject = self.subject.or(Some(i));
            self.push(
                name,
                role,
                Kind::Person,
                How::Description,
                writing::NAME,
                verb,
            );
        }
    }

    /// The statement of one reporting verb, if the sieves find its speaker and it is
    /// someone we can name.
    fn verb(&mut self, cue: &Cue<'_>, scene: Scene<'_>, cx: &mut Context) {
        let s = self.s;
        let Some((mut c, rule)) = sieve::find_speaker(s, cue) else {
            return;
        };
        let mut also = match &c.who {
            Who::Named(f) if c.how == How::Named && f.start < cue.v => {
                coordinated::coordinated(s, f)
            }
            _ => None,
        };
        // "The Tories say", "the Conservatives and Lib Dems insist": bodies, not people.
        if let Who::Named(f) = &mut c.who {
            if is_body(s, f) {
                f.kind = Kind::Organisation;
            }
            if let Some(g) = also.as_mut()
                && is_body(s, g)
            {
                g.kind = Kind::Organisation;
                if !f.titled {
                    f.kind = Kind::Organisation;
                }
            }
        }
        // After a statement in the same sentence, "they would insist" and "the money
        // pledged by the US" are what was said, not more statements.
        if !self.statements.is_empty()
            && (matches!(&c.who, Who::Pronoun(p) if p == "it" || p == "they")
                || s.is(cue.v + 1, &["by"]))
        {
            return;
        }
        let scene = Scene {
            earlier: &self.statements,
            ..scene
        };
        let Some(r) = resolve::resolve(c, &scene, cx) else {
            return;
        };
        // One letter is no one ("S and P said": the "P").
        if r.speaker.chars().count() < 2 {
            return;
        }
        self.subject = self.subject.or(r.person);
        let same = |a: &str, b: &str| a.rsplit(' ').next() == b.rsplit(' ').next();
        if self
            .statements
            .iter()
            .any(|st| same(st.speaker(), &r.speaker))
        {
            return; // "said ..., adding" or two verbs for one speaker: one statement
        }
        self.push(r.speaker, r.role, r.kind, r.how, rule, cue.verb.clone());
        if let Some(g) = also
            && !self.statements.iter().any(|st| same(st.speaker(), &g.name))
        {
            if g.kind == Kind::Person {
                cx.note(&Found {
                    titled: true,
                    ..g.clone()
                });
            }
            let verb = cue.verb.clone();
            self.push(g.name, g.role, g.kind, How::Named, coordinated::NAME, verb);
        }
    }
}

/// What a sentence's statements tell the context: who spoke, which organisations, who
/// sent a writing, who is in focus.
fn after_sentence(
    s: &Sentence<'_>,
    statements: &[Statement],
    noted: &[(usize, usize)],
    subject: Option<usize>,
    cx: &mut Context,
) {
    for st in statements {
        if matches!(st.kind, Kind::Person | Kind::Anonymous)
            && let Some(i) = cx.find(st.speaker())
        {
            cx.persons[i].spoke = true;
        }
        // One unnamed person speaking for a body ("spokesman", not "officials").
        let one_spokesman = st.kind == Kind::Organisation
            && words::is(List::Spokesperson, st.role())
            && !st.role().ends_with('s');
        if one_spokesman {
            cx.spokesman_of = Some((st.speaker().to_string(), st.role().to_string()));
        } else if st.kind == Kind::Person {
            cx.spokesman_of = None;
        }
        // A lone capitalised word that speaks with no title ("EMI said") may be a company.
        // Not one named with an honorific ("Mr Sears told").
        let org_like = st.kind == Kind::Organisation
            || (st.how == How::Named
                && !st.speaker().contains(' ')
                && st.role().is_empty()
                && cx.sex_unknown(st.speaker()));
        if org_like && !cx.orgs.iter().any(|o| o == st.speaker()) {
            cx.orgs.push(st.speaker().to_string());
        } else if org_like && let Some(k) = cx.orgs.iter().position(|o| o == st.speaker()) {
            let o = cx.orgs.remove(k);
            cx.orgs.push(o);
        }
    }
    if writing::sends(s)
        && let Some(&(_, i)) = noted.first()
    {
        cx.sender = Some(i);
    }
    cx.focus = subject
        .or_else(|| noted.first().map(|&(_, i)| i))
        .or(cx.focus);
}

/// One entry per distinct mention (name, role, title), in order of first sight, with its
/// count: kept one per occurrence, a corpus of long documents held more in mentions than in
/// any other per-document structure.
fn tally(mentions: Vec<Mention>) -> Vec<Mention> {
    fn key(m: &Mention) -> (&str, &str, bool) {
        (&m.name, &m.role, m.titled)
    }
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by(|&a, &b| key(&mentions[a]).cmp(&key(&mentions[b])).then(a.cmp(&b)));
    let mut firsts: Vec<(usize, u32)> = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        match firsts.last_mut() {
            Some((first, count)) if n > 0 && key(&mentions[*first]) == key(&mentions[i]) => {
                *count += 1;
            }
            _ => firsts.push((i, 1)),
        }
    }
    firsts.sort_unstable();
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    firsts
        .into_iter()
        .filter_map(|(i, count)| {
            let mut m = slots[i].take()?;
            m.count = count;
            Some(m)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::testing::check;

    #[test]
    fn mentions_are_tallied_in_order_of_first_sight() {
        let m = |name: &str, role: &str, titled: bool| Mention {
            name: name.into(),
            role: role.into(),
            titled,
            count: 1,
        };
        let got = tally(vec![
            m("Vladimir Putin", "", false),
            m("Joe Biden", "President", true),
            m("Vladimir Putin", "", false),
            m("Vladimir Putin", "President", true),
            m("Joe Biden", "President", true),
            m("Vladimir Putin", "", false),
        ]);
        let got: Vec<(&str, &str, bool, u32)> = got
            .iter()
            .map(|x| (x.name.as_str(), x.role.as_str(), x.titled, x.count))
            .collect();
        assert_eq!(
            got,
            [
                ("Vladimir Putin", "", false, 3),
                ("Joe Biden", "President", true, 2),
                ("Vladimir Putin", "President", true, 1),
            ]
        );
        assert!(tally(Vec::new()).is_empty());
    }

    #[test]
    fn quotations_hide_verbs_and_names_from_the_reporter() {
        // BBC style: every quoted sentence opens anew; "announced" is May's word, not a
        // statement by Gordon Brown.
        check(
            "Mrs May said: \"We agree. \"These plans were announced by Gordon Brown.\"",
            &[("May", "", "named", "said")],
        );
    }

    #[test]
    fn furniture_and_headlines_in_title_case_never_speak() {
        check(
            "JUST WATCHED Trump says he will win. Story highlights Obama says the deal is \
             good. Hide Caption Clinton said hello. Photos: Bush said goodbye.",
            &[],
        );
        check(
            "Obama Says Economy Improving\n\nGordon Brown said talks went well.",
            &[("Gordon Brown", "", "named", "said")],
        );
    }

    #[test]
    fn verbs_inside_what_was_said_are_no_statements() {
        check(
            "Gordon Brown said talks went well. But he said they would insist on reforms. He \
             said the money pledged by the US had not been paid.",
            &[
                ("Gordon Brown", "", "named", "said"),
                ("Gordon Brown", "", "pronoun", "said"),
                ("Gordon Brown", "", "pronoun", "said"),
            ],
        );
    }

    /// Every rule a statement may carry is kept as its index and read back by name, and
    /// the indices fit the byte that holds them.
    #[test]
    fn every_rule_reads_back_by_name() {
        let names: Vec<&str> = sieve::rule_names().collect();
        assert!(
            names.len() >= 15 && names.len() < usize::from(u8::MAX),
            "{names:?}"
        );
        for name in names {
            let st = Statement::new(0, "t", "s", "", Kind::Person, How::Named, name, "said");
            assert_eq!(st.rule(), name);
        }
    }

    #[test]
    fn a_statement_keeps_its_four_words_apart() {
        let st = Statement::new(
            3,
            "“Go,” he said.",
            "Ann Lee",
            "",
            Kind::Person,
            How::Named,
            "subject",
            "said",
        );
        assert_eq!(
            (st.text(), st.speaker(), st.role(), st.verb()),
            ("“Go,” he said.", "Ann Lee", "", "said")
        );
        let st = st.with_speaker("Bank of England").with_text("");
        assert_eq!(
            (st.text(), st.speaker(), st.role(), st.verb()),
            ("", "Bank of England", "", "said")
        );
        assert_eq!((st.sentence, st.rule()), (3, "subject"));
    }
}
