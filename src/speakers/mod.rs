//! Who is quoted: statements attributed to speakers, merged into one row per speaker.
//!
//! [`attribute`] reads one document (in parallel with the others) and finds its statements
//! and the people it names; [`merge`] links the name variants of the whole corpus (`Sergey
//! Lavrov`, `Sergei Lavrov`, `Lavrov`) into one speaker and counts. No I/O, never fails.
//!
//! Attribution is a sieve, built like CoreNLP's quote attribution:
//! - [`sentence`]: the sentence view (tokens, the text between them, quotations);
//! - [`words`]: the word lists (data files in `words/`, shared ones in [`crate::lexicon`]);
//! - [`names`]: names and titles in a sentence, the people it names;
//! - [`evidence`]: what the lexicon says a name is (no person, or a given name first);
//! - [`sieve`]: stage 1, cue -> candidate: an ordered list of small named passes, the first
//!   that answers wins, and the statement records its name (`rule`);
//! - [`resolve`]: stage 2, candidate -> speaker (named, pronoun, description, organisation),
//!   asking [`context`] (who the document has named so far);
//! - [`attribute`]: the driver, a short loop over sentences and reporting verbs;
//! - [`mentions`]: the people a document names, packed (kept for every document until the
//!   merge);
//! - [`lower`]: lower-cased documents, given back the capitals of the names they show;
//! - [`statements`]: a document's statements as the run keeps them, packed;
//! - [`quotes`]: the merge's quotes, three numbers each, read from the statements when shown;
//! - [`texts`]: where a document's statement texts are kept (on disk from the second pass).

pub mod attribute;
pub mod context;
pub mod evidence;
pub mod lower;
pub mod mentions;
pub mod merge;
pub mod names;
pub mod quotes;
pub mod resolve;
pub mod sentence;
pub mod sieve;
pub mod statements;
pub mod texts;
pub mod words;

#[cfg(test)]
pub(crate) mod testing;

pub use attribute::{How, Kind, Speech, Spoken, Statement, attribute};
pub use statements::{StatementRef, Statements};
